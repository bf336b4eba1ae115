/** Warnings that scale: repeats collapsed with a count, counts by kind, --max-warnings. */
import { cli } from '../../src/cli/program.js';
import { collapseDiagnostics, renderDiagnostics, makeChalk } from '../../src/cli/report.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { argv, fakeDeps } from './fakes.js';

const ambiguous = (file: string, line: number, column = 'x'): Diagnostic => ({
  severity: 'warning', file, line, col: 5, code: 'AmbiguousColumn',
  message: `column '${column}' could belong to any of 2 sources; add a qualifier or --schema`,
});
const orphan = (file: string, line: number): Diagnostic => ({
  severity: 'warning', file, line, col: 1, code: 'OrphanColumn', message: "column 'y' not found in any source",
});
const syntax = (line: number): Diagnostic => ({ severity: 'error', file: 'a.sql', line, col: 1, code: 'SyntaxError', message: "syntax error near 'x'" });

describe('collapsing repeated warnings', () => {
  test('same kind, message and file: shown once at the first position, with the count of the others', () => {
    const diagnostics = [
      ...Array.from({ length: 1240 }, (_, i) => ambiguous('a.sql', i + 1)),
      ambiguous('a.sql', 2000, 'z'),
      ambiguous('b.sql', 7),
      orphan('a.sql', 3),
      orphan('a.sql', 9),
    ];
    expect(renderDiagnostics(diagnostics, false, makeChalk(0)).split('\n')).toEqual([
      "a.sql:1:5: warning: column 'x' could belong to any of 2 sources; add a qualifier or --schema (and 1,239 more like it in this file)",
      "a.sql:2000:5: warning: column 'z' could belong to any of 2 sources; add a qualifier or --schema",
      "b.sql:7:5: warning: column 'x' could belong to any of 2 sources; add a qualifier or --schema",
      "a.sql:3:1: warning: column 'y' not found in any source (and 1 more like it in this file)",
      '',
    ]);
  });

  test('errors are never collapsed', () => {
    expect(collapseDiagnostics([syntax(1), syntax(2), syntax(3)], false).map((s) => s.more)).toEqual([0, 0, 0]);
  });

  test('the CLI prints collapsed warnings and the counts by kind in the summary', async () => {
    const diagnostics = [...Array.from({ length: 5 }, (_, i) => ambiguous('a.sql', i + 1)), orphan('a.sql', 9)];
    const f = fakeDeps({ diagnostics, statements: { total: 1200, failed: 0 } });
    expect(await cli(argv('analyze', 'a.sql'), f.deps)).toBe(0);
    expect(f.err().split('\n')).toEqual([
      "a.sql:1:5: warning: column 'x' could belong to any of 2 sources; add a qualifier or --schema (and 4 more like it in this file)",
      "a.sql:9:1: warning: column 'y' not found in any source",
      'sqlflow: 1 file, 1,200 statements, 0 errors, 6 warnings (AmbiguousColumn 5, OrphanColumn 1)',
      '',
    ]);
  });
});

describe('--max-warnings', () => {
  const diagnostics = [ambiguous('a.sql', 1), ambiguous('a.sql', 2), orphan('a.sql', 3)];

  test('more warnings than allowed: exit 1, said before the summary, the document still written', async () => {
    const f = fakeDeps({ diagnostics, document: 'DOC' });
    expect(await cli(argv('analyze', 'a.sql', '--max-warnings', '2'), f.deps)).toBe(1);
    expect(f.out()).toBe('DOC');
    const lines = f.err().trim().split('\n');
    expect(lines.slice(-2)).toEqual([
      'sqlflow: error: too many warnings (3, maximum 2)',
      'sqlflow: 1 file, 1 statement, 0 errors, 3 warnings (AmbiguousColumn 2, OrphanColumn 1)',
    ]);
  });

  test('at the limit: exit 0; 0 allows none', async () => {
    expect(await cli(argv('analyze', 'a.sql', '--max-warnings', '3'), fakeDeps({ diagnostics }).deps)).toBe(0);
    expect(await cli(argv('analyze', 'a.sql', '--max-warnings', '0'), fakeDeps({ diagnostics }).deps)).toBe(1);
    expect(await cli(argv('analyze', 'a.sql', '--max-warnings', '0'), fakeDeps({}).deps)).toBe(0);
  });

  test('counted under --quiet too; a bad value is bad usage', async () => {
    expect(await cli(argv('analyze', 'a.sql', '--quiet', '--max-warnings', '1'), fakeDeps({ diagnostics }).deps)).toBe(1);
    const f = fakeDeps({ diagnostics });
    expect(await cli(argv('analyze', 'a.sql', '--max-warnings', '-1'), f.deps)).toBe(2);
  });
});
