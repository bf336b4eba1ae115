import { colorLevel, count, makeChalk, renderDiagnostic, summaryLine, countSeverities } from '../../src/cli/report.js';
import { cli } from '../../src/cli/program.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { argv, fakeDeps } from './fakes.js';

const err: Diagnostic = { severity: 'error', code: 'SyntaxError', file: 'a.sql', line: 2, col: 5, message: 'bad' };

describe('colour', () => {
  test('colorLevel: --no-color, NO_COLOR and FORCE_COLOR', () => {
    expect(colorLevel(true, {}, 2)).toBe(2);
    expect(colorLevel(false, {}, 2)).toBe(0);
    expect(colorLevel(true, { NO_COLOR: '1' }, 2)).toBe(0);
    expect(colorLevel(true, { NO_COLOR: '' }, 2)).toBe(2);
    expect(colorLevel(true, { NO_COLOR: '1', FORCE_COLOR: '1' }, 1)).toBe(1);
    expect(colorLevel(true, {}, 0)).toBe(0);
  });

  test('plain when level 0, compiler style', () => {
    expect(renderDiagnostic(err, makeChalk(0))).toBe('a.sql:2:5: error: bad');
  });

  test('coloured: same text once ANSI codes are removed', () => {
    const s = renderDiagnostic(err, makeChalk(1));
    expect(s).toContain('\u001b[');
    expect(s.replace(/\u001b\[[0-9;]*m/g, '')).toBe('a.sql:2:5: error: bad');
  });

  test('through the CLI: coloured on a colour terminal, plain with --no-color', async () => {
    const f = fakeDeps({ diagnostics: [err] }, { colorSupport: 1, stderrIsTTY: true });
    await cli(argv('analyze', '--no-progress', 'a.sql'), f.deps);
    expect(f.err()).toContain('\u001b[');
    const g = fakeDeps({ diagnostics: [err] }, { colorSupport: 1, stderrIsTTY: true });
    await cli(argv('analyze', '--no-progress', '--no-color', 'a.sql'), g.deps);
    expect(g.err()).not.toContain('\u001b[');
  });
});

describe('summary', () => {
  test('singular and plural', () => {
    expect(summaryLine(1, { total: 1, failed: 0 }, countSeverities([err]))).toBe(
      'sqlflow: 1 file, 1 statement, 1 error, 0 warnings',
    );
    expect(summaryLine(3, { total: 120, failed: 2 }, { errors: 2, warnings: 1, notes: 0 })).toBe(
      'sqlflow: 3 files, 120 statements (2 failed), 2 errors, 1 warning',
    );
  });
});

describe('progress', () => {
  test('a spinner only on a terminal, stopped before diagnostics', async () => {
    const f = fakeDeps({ diagnostics: [err] }, { stderrIsTTY: true });
    await cli(argv('analyze', 'a.sql'), f.deps);
    expect(f.spinners[0]).toBe('Reading inputs');
    expect(f.spinners[f.spinners.length - 1]).toBe('stop');
  });

  test.each([[['--no-progress']], [['--quiet']]])('no spinner with %j', async (flags) => {
    const f = fakeDeps({}, { stderrIsTTY: true });
    await cli(argv('analyze', ...flags, 'a.sql'), f.deps);
    expect(f.spinners).toEqual([]);
  });

  test('no spinner when stderr is not a terminal', async () => {
    const f = fakeDeps({}, { stderrIsTTY: false });
    await cli(argv('analyze', 'a.sql'), f.deps);
    expect(f.spinners).toEqual([]);
  });
});

test('count groups thousands as en-US does', () => {
  for (const n of [0, 7, 999, 1000, 45128, 1234567, 1000000, -1234, 2.5]) expect(count(n)).toBe(n.toLocaleString('en-US'));
  expect(count(50020)).toBe('50,020');
});
