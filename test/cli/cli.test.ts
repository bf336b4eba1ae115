import { cli } from '../../src/cli/program.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { argv, fakeDeps } from './fakes.js';

const warning: Diagnostic = { severity: 'warning', code: 'AmbiguousColumn', file: 'a.sql', line: 3, col: 7, message: 'ambiguous column x' };
const error: Diagnostic = { severity: 'error', code: 'SyntaxError', file: 'a.sql', line: 9, col: 1, message: 'syntax error near FROM' };
const note: Diagnostic = { severity: 'note', code: 'InputError', file: 'b.sql', message: 'empty file' };

describe('analyze: output contract', () => {
  test('document on stdout only; diagnostics and summary on stderr; exit 0', async () => {
    const f = fakeDeps({ diagnostics: [warning, note], statements: { total: 120, failed: 0 }, document: 'DOC' });
    expect(await cli(argv('analyze', 'a.sql', 'b.sql'), f.deps)).toBe(0);
    expect(f.out()).toBe('DOC');
    expect(f.err()).toBe(
      'a.sql:3:7: warning: ambiguous column x\n' +
        'b.sql: note: empty file\n' +
        'sqlflow: 2 files, 120 statements, 0 errors, 1 warning, 1 note\n',
    );
  });

  test('options reach the analyzer and the writer', async () => {
    const f = fakeDeps();
    await cli(argv('analyze', 'a.sql', '-t', 'tsql', '-f', 'csv', '--delimiter', '\\t', '--table-to-table'), f.deps);
    expect(f.calls.sources).toEqual([{ path: 'a.sql', text: 'select 1;' }]);
    expect(f.calls.analyze).toMatchObject({ vendor: 'dbvmssql', tableToTable: true });
    expect(f.calls.write).toEqual({ format: 'csv', tableToTable: true, delimiter: '\t' });
  });

  test('only the html writer gets the SQL texts (the page carries them; other formats never read them)', async () => {
    const f = fakeDeps();
    await cli(argv('analyze', 'a.sql', '-f', 'html'), f.deps);
    expect(f.calls.write).toMatchObject({ format: 'html', sources: ['select 1;'] });
  });

  test('failed statements are reported, not fatal (exit 0)', async () => {
    const f = fakeDeps({ diagnostics: [error], statements: { total: 3, failed: 1 } });
    expect(await cli(argv('analyze', 'a.sql'), f.deps)).toBe(0);
    expect(f.err()).toContain('a.sql:9:1: error: syntax error near FROM\n');
    expect(f.err()).toContain('sqlflow: 1 file, 3 statements (1 failed), 1 error, 0 warnings\n');
  });

  test('-o writes the file, stdout stays empty', async () => {
    const f = fakeDeps({ document: 'DOC' });
    expect(await cli(argv('analyze', 'a.sql', '-o', 'out.json'), f.deps)).toBe(0);
    expect(f.written.get('out.json')).toBe('DOC');
    expect(f.out()).toBe('');
  });

  test('an unwritable output is exit 2 with a diagnostic', async () => {
    const f = fakeDeps({}, { writeOutput: async () => Promise.reject(new Error('EACCES: permission denied')) });
    expect(await cli(argv('analyze', 'a.sql', '-o', '/nope/out.json'), f.deps)).toBe(2);
    expect(f.err()).toBe('/nope/out.json: error: cannot write output: EACCES: permission denied\n');
  });
});

describe('analyze: --strict and --quiet', () => {
  test('--strict: exit 1 on an analysis error', async () => {
    const f = fakeDeps({ diagnostics: [error], statements: { total: 2, failed: 1 } });
    expect(await cli(argv('analyze', '--strict', 'a.sql'), f.deps)).toBe(1);
    expect(f.out()).not.toBe(''); // the document is still written
  });

  test('--strict: exit 1 on an input error (binary file)', async () => {
    const input = { diagnostics: [{ severity: 'error' as const, code: 'InputError', file: 'x.bin', message: 'binary file, skipped' }] };
    const f = fakeDeps({ input });
    expect(await cli(argv('analyze', '--strict', 'x.bin'), f.deps)).toBe(1);
  });

  test('--strict: exit 1 when a statement failed even without a diagnostic', async () => {
    const f = fakeDeps({ statements: { total: 2, failed: 1 } });
    expect(await cli(argv('analyze', '--strict', 'a.sql'), f.deps)).toBe(1);
  });

  test('--strict with warnings only: exit 0', async () => {
    const f = fakeDeps({ diagnostics: [warning] });
    expect(await cli(argv('analyze', '--strict', 'a.sql'), f.deps)).toBe(0);
  });

  test('--quiet: errors only, no summary', async () => {
    const f = fakeDeps({ diagnostics: [warning, error, note] });
    expect(await cli(argv('analyze', '--quiet', 'a.sql'), f.deps)).toBe(0);
    expect(f.err()).toBe('a.sql:9:1: error: syntax error near FROM\n');
  });

  test('--quiet --strict still fails on errors', async () => {
    const f = fakeDeps({ diagnostics: [error] });
    expect(await cli(argv('analyze', '--quiet', '--strict', 'a.sql'), f.deps)).toBe(1);
  });
});

describe('analyze: inputs', () => {
  test('fatal input (nonexistent path): exit 2, no analysis, errors printed even with --quiet', async () => {
    const missing: Diagnostic = { severity: 'error', code: 'InputError', file: 'nope.sql', message: 'no such file or directory' };
    const f = fakeDeps({ input: { fatal: true, diagnostics: [missing] } });
    expect(await cli(argv('analyze', '--quiet', 'nope.sql'), f.deps)).toBe(2);
    expect(f.calls.sources).toBeUndefined();
    expect(f.out()).toBe('');
    expect(f.err()).toBe('nope.sql: error: no such file or directory\n');
  });

  test('no inputs and stdin is a terminal: usage error, exit 2', async () => {
    const f = fakeDeps();
    expect(await cli(argv('analyze'), f.deps)).toBe(2);
    expect(f.err()).toMatch(/^sqlflow: error: no input/);
  });

  test('no inputs and stdin is piped: reads -', async () => {
    let specs: string[] = [];
    const f = fakeDeps({}, { stdinIsTTY: false });
    const real = f.deps.readInputs;
    f.deps.readInputs = async (s, o) => {
      specs = s;
      expect(o?.stdin).toBeDefined();
      return real(s, o);
    };
    expect(await cli(argv('analyze'), f.deps)).toBe(0);
    expect(specs).toEqual(['-']);
  });

  test('a missing --schema file is exit 2', async () => {
    const f = fakeDeps();
    expect(await cli(argv('analyze', 'a.sql', '--schema', '/no/such/schema.json'), f.deps)).toBe(2);
    expect(f.err()).toBe('/no/such/schema.json: error: schema file not found\n');
  });
});

describe('usage errors exit 2, never 1', () => {
  test.each([
    [['analyze', '-t', 'nosuchdb', 'a.sql'], /unknown vendor 'nosuchdb'/],
    [['analyze', '--delimiter', 'ab', 'a.sql'], /one character/],
    [['analyze', '--relation-types', 'fdx'], /unknown relation type/],
    [['analyze', '--jobs', '-2'], /positive integer|unknown option/],
    [['analyze', '--frobnicate'], /unknown option/],
    [['nosuchcommand'], /unknown command/],
    [['vendors', 'extra'], /too many arguments/],
    [[], /Usage: sqlflow/],
  ])('%j', async (args, message) => {
    const f = fakeDeps();
    expect(await cli(argv(...(args as string[])), f.deps)).toBe(2);
    expect(f.err()).toMatch(message as RegExp);
    expect(f.out()).toBe('');
  });

  test('commander errors carry the sqlflow prefix', async () => {
    const f = fakeDeps();
    await cli(argv('analyze', '--frobnicate'), f.deps);
    expect(f.err()).toMatch(/^sqlflow: error: unknown option '--frobnicate'/);
  });
});

describe('help, version, vendors', () => {
  test('--version prints the version, exit 0', async () => {
    const f = fakeDeps();
    expect(await cli(argv('--version'), f.deps)).toBe(0);
    expect(f.out()).toBe('9.9.9\n');
  });

  test('analyze --help lists every option, exit 0', async () => {
    const f = fakeDeps();
    expect(await cli(argv('analyze', '--help'), f.deps)).toBe(0);
    for (const o of ['--vendor', '--format', '--output', '--table-to-table', '--delimiter', '--relation-types',
      '--show-intermediate', '--show-function', '--show-constant-table', '--show-transform', '--aggregate',
      '--schema', '--default-database', '--default-schema', '--jobs', '--strict', '--quiet', '--no-color',
      '--no-progress']) {
      expect(f.out()).toContain(o);
    }
  });

  test('vendors: a table with ids, aliases, status', async () => {
    const f = fakeDeps();
    expect(await cli(argv('vendors'), f.deps)).toBe(0);
    const lines = f.out().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^VENDOR\s+NAME\s+ALIASES\s+STATUS\s+NOTE$/);
    expect(f.out()).toMatch(/dbvmssql\s+Microsoft SQL Server \(T-SQL\)\s+mssql, sqlserver, tsql, dbvsqlserver\s+full/);
  });

  test('vendors --format json', async () => {
    const f = fakeDeps();
    expect(await cli(argv('vendors', '--format', 'json'), f.deps)).toBe(0);
    const rows = JSON.parse(f.out()) as { vendor: string; aliases: string[]; status: string; note?: string }[];
    expect(rows[0]).toEqual({ vendor: 'dbvansi', title: 'ANSI SQL (generic)', aliases: ['ansi', 'generic', 'sql'], status: 'full' });
    expect(rows.find((r) => r.vendor === 'dbvsybase')?.note).toBe('T-SQL rules of dbvmssql');
  });
});

describe('internal errors', () => {
  test('an analyzer crash is exit 70 with a clear message, never a throw', async () => {
    const f = fakeDeps({
      engine: {
        analyze: () => {
          throw new Error('boom');
        },
        write: () => [],
      },
    });
    expect(await cli(argv('analyze', 'a.sql'), f.deps)).toBe(70);
    expect(f.err()).toMatch(/^sqlflow: internal error: Error: boom/);
    expect(f.out()).toBe('');
  });

  test('a failing engine import is exit 70', async () => {
    const f = fakeDeps({}, { loadEngine: () => Promise.reject(new Error('cannot find module')) });
    expect(await cli(argv('analyze', 'a.sql'), f.deps)).toBe(70);
  });
});
