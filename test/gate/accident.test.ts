/**
 * "The gate must not pass by accident" (issue 8): no input is never a green run, an unusable
 * --schema or config is bad usage naming the file, --base-ref outside a repository is a clear
 * error, and check's policy options (--fail-on, --max-warnings, baselines) do what they say.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { jest } from '@jest/globals';
import { runCli } from '../helpers/cli.js';
import { repoPath } from '../helpers/paths.js';
import { sampleRepo, sarifErrors, type Repo } from './helpers.js';

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sqlflow-accident-'));
  mkdirSync(join(dir, 'empty'));
  writeFileSync(join(dir, 'q.sql'), 'SELECT o.id, o.nope FROM sales.orders o;\n');
  writeFileSync(join(dir, 'comment.sql'), '-- nothing but a comment\n');
  writeFileSync(join(dir, 'bad.json'), '{"sales.orders": ["id",');
  writeFileSync(join(dir, 'shape.json'), '{"sales.orders": 5}');
  writeFileSync(join(dir, 'list.json'), '["sales.orders"]');
  writeFileSync(join(dir, 'notddl.sql'), 'SELECT 1;\n');
  writeFileSync(join(dir, 'good.json'), '{"sales.orders": ["id", "amount"]}');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (args: string[], stdin?: string) =>
  runCli(args, { cwd: dir, ...(stdin !== undefined ? { stdin: () => Readable.from([Buffer.from(stdin)]), stdinIsTTY: false } : {}) });

describe('no input is never a green run (exit 2 with a message)', () => {
  // Every row has all three values: jest takes a missing one for a `done` callback.
  const EMPTY: [string, string[], string | undefined][] = [
    ['a glob that matches nothing', ['nothing/*.sql'], undefined],
    ['an empty directory', ['empty'], undefined],
    ['empty stdin', ['-'], ''],
    ['a file with no statement', ['comment.sql'], undefined],
  ];
  test.each(EMPTY)('analyze: %s', async (_name, inputs, stdin) => {
    const r = await at(['analyze', ...inputs], stdin);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error: no input: /);
  });

  test.each(EMPTY)('impact: %s', async (_name, inputs, stdin) => {
    const r = await at(['impact', ...inputs, '--column', 'a.b.c'], stdin);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/impact: no SQL (files|statements) in .*a gate never passes on no input/);
  });

  test.each(EMPTY.filter(([, , stdin]) => stdin === undefined))('diff and check (--head): %s', async (_name, inputs) => {
    for (const cmd of ['diff', 'check']) {
      const r = await at([cmd, '--base', 'q.sql', '--head', ...inputs]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/head: no SQL (files|statements) in /);
    }
  });

  test('--strict: an input that gives nothing beside others that do fails the run (exit 1)', async () => {
    expect((await at(['analyze', 'q.sql', 'nothing/*.sql'])).code).toBe(0);
    const strict = await at(['analyze', 'q.sql', 'nothing/*.sql', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('nothing/*.sql: warning: no files match this pattern');
  });
});

describe('--schema that is not valid JSON/DDL or of the wrong shape: exit 2 naming the file', () => {
  test.each([
    ['bad.json', /bad\.json: error: invalid JSON in schema file/],
    ['shape.json', /shape\.json:1:2: error: table 'sales\.orders': expected a list of column names/],
    ['list.json', /list\.json: error: schema JSON must be an object of table → columns/],
    ['notddl.sql', /notddl\.sql: error: no table described/],
    ['missing.json', /missing\.json: error: schema file not found/],
  ])('%s', async (file, message) => {
    for (const args of [['analyze', 'q.sql'], ['impact', 'q.sql', '--column', 'sales.orders.id'], ['check', '--base', 'q.sql', '--head', 'q.sql']]) {
      const r = await at([...args, '--schema', file]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  });

  test('a qualified reference to a column the --schema table lacks: an UnknownColumn warning in analyze and check', async () => {
    const r = await at(['analyze', 'q.sql', '--schema', 'good.json', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("q.sql:1:16: warning: column 'nope' is not a column of sales.orders (known columns: id, amount)");
    writeFileSync(join(dir, 'q0.sql'), 'SELECT o.id FROM sales.orders o;\n');
    const c = await at(['check', '--base', 'q0.sql', '--head', 'q.sql', '--schema', 'good.json']);
    expect(c.stdout).toContain("q.sql:1:16: warning: column 'nope' is not a column of sales.orders (known columns: id, amount) [unknown-column]");
    expect(c.code).toBe(0);
    expect((await at(['check', '--base', 'q0.sql', '--head', 'q.sql', '--schema', 'good.json', '--fail-on', 'warning'])).code).toBe(1);
  });
});

describe('--base-ref', () => {
  test('outside a git repository: exit 2, a clear error', async () => {
    const r = await at(['check', '--base-ref', 'main', 'q.sql']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: --base-ref main: .* is not inside a git repository/);
  });

  test('an unknown revision: exit 2', async () => {
    const repo = sampleRepo();
    try {
      const r = await runCli(['diff', '--base-ref', 'origin/nope'], { cwd: repo.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--base-ref origin\/nope: unknown revision/);
    } finally {
      repo.dispose();
    }
  });

  test('usage: --base without --head, paths without --base-ref', async () => {
    expect((await at(['diff', '--base', 'q.sql'])).code).toBe(2);
    expect((await at(['check', 'q.sql'])).stderr).toContain('give --base and --head, or --base-ref REV [paths...]');
    expect((await at(['impact', 'q.sql'])).stderr).toContain('give --column, --table or --changes');
  });
});

describe('check policy: new parse errors, --max-warnings, --fail-on, baselines', () => {
  let repo: Repo;
  beforeAll(() => {
    repo = sampleRepo();
    repo.git('checkout', '-q', '-b', 'work');
    // A statement that no longer parses (error) and a load that stops feeding a column (warning).
    repo.write('warehouse/views/03_broken.sql', 'CREATE VIEW stage.v_broken AS SELECT FROM WHERE;\n');
    repo.write('warehouse/views/02_stage_views.sql', repo.read('warehouse/views/02_stage_views.sql').replace('SELECT c.customer_id, c.name, c.region', 'SELECT c.customer_id, c.name, NULL AS region'));
    repo.commit('work');
  });
  afterAll(() => repo.dispose());
  const check = (...args: string[]) => runCli(['check', '--base-ref', 'main', ...args], { cwd: repo.dir });

  test('a statement that newly fails to parse is an error; lineage that silently disappears a warning', async () => {
    const r = await check();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^warehouse\/views\/03_broken\.sql:1:\d+: error: .* \[new-parse-error\]$/m);
    expect(r.stdout).toContain('warning: stage.v_customers.region lost all its sources (was fed by src.customers.region) [lineage-lost]');
  });

  test('baseline: --write-baseline records the findings and passes; then only new findings fail', async () => {
    const w = await check('--baseline', 'known.json', '--write-baseline');
    expect(w.code).toBe(0);
    expect(w.stderr).toMatch(/wrote 2 findings to the baseline known\.json/);
    const again = await check('--baseline', 'known.json');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('sqlflow check: passed, 0 errors, 0 warnings (2 known in the baseline)\n');
    repo.write('warehouse/views/04_more.sql', 'CREATE VIEW stage.v_more AS SELECT o.discount FROM src.orders o;\nALTER TABLE src.orders DROP COLUMN discount;\n');
    const worse = await check('--baseline', 'known.json', '-f', 'sarif');
    expect(worse.code).toBe(1);
    expect(sarifErrors(JSON.parse(worse.stdout))).toEqual([]);
    rmSync(join(repo.dir, 'warehouse/views/04_more.sql'));
    expect((await check('--baseline', 'missing.json')).code).toBe(2);
    writeFileSync(join(repo.dir, 'broken-baseline.json'), '{"findings": 1}');
    expect((await check('--baseline', 'broken-baseline.json')).stderr).toContain('not a sqlflow baseline');
  });

  test('--max-warnings and --fail-on warning', async () => {
    repo.write('warehouse/views/03_broken.sql', 'SELECT 1;\n');
    try {
      expect((await check()).code).toBe(0); // one warning, no error
      expect((await check('--max-warnings', '1')).code).toBe(0);
      const over = await check('--max-warnings', '0');
      expect(over.code).toBe(1);
      expect(over.stderr).toContain('sqlflow: 1 warning, more than --max-warnings 0');
      expect((await check('--fail-on', 'warning')).code).toBe(1);
    } finally {
      repo.write('warehouse/views/03_broken.sql', 'CREATE VIEW stage.v_broken AS SELECT FROM WHERE;\n');
    }
  });
});

describe('reads the resolver could not attribute after the change', () => {
  test('an unqualified read of a column a migration (analyzed first) drops is still an error', async () => {
    const repo = sampleRepo();
    try {
      repo.write('warehouse/views/05_unqualified.sql', 'CREATE VIEW stage.v_net AS SELECT order_id, amount - discount AS net FROM src.orders;\n');
      repo.commit('unqualified view');
      repo.git('checkout', '-q', '-b', 'drop');
      // `0_...` sorts before ddl/: when the view is resolved, src.orders no longer has `discount`.
      repo.write('warehouse/0_migrations/drop.sql', 'ALTER TABLE src.orders DROP COLUMN discount;\n');
      repo.commit('drop');
      const r = await runCli(['check', '--base-ref', 'main'], { cwd: repo.dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('warehouse/views/05_unqualified.sql:1:54: error: CREATE VIEW stage.v_net reads src.orders.discount, which is dropped (warehouse/0_migrations/drop.sql:1:1) [removed-column-read]');
    } finally {
      repo.dispose();
    }
  });
});

describe('config file', () => {
  test('package.json "sqlflow" key found upward; a bad config is exit 2 naming it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sqlflow-config-'));
    try {
      mkdirSync(join(root, 'sql', 'ora'), { recursive: true });
      writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'x', sqlflow: { paths: ['sql'], vendors: { 'sql/ora/**': 'oracle' } } }));
      writeFileSync(join(root, 'sql', 'ora', 'p.sql'), 'BEGIN\n  INSERT INTO t2 (a) SELECT a FROM t1;\nEND;\n/\n');
      writeFileSync(join(root, 'sql', 'a.sql'), 'INSERT INTO t3 (a) SELECT a FROM t2;\n');
      const r = await runCli(['analyze', '-f', 'csv'], { cwd: join(root, 'sql', 'ora') });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('sqlflow: 2 files, 2 statements, 0 errors, 0 warnings');
      expect(r.stdout).toContain('DEFAULT,DEFAULT,t1,a,DEFAULT,DEFAULT,t2,a,fdd,insert');
      // Without the config the PL/SQL block fails in the default dialect, with a hint.
      const bare = await runCli(['analyze', 'sql', '--no-config'], { cwd: root });
      expect(bare.stderr).toMatch(/sql\/ora\/p\.sql:1:1: note: this file does not parse as ANSI SQL \(generic\) but parses as Oracle \(PL\/SQL\): try -t oracle or map it in the config/);
      writeFileSync(join(root, 'sqlflow.config.json'), '{"vendors": {"**": "klingon"}}');
      const bad = await runCli(['check', '--base', 'sql', '--head', 'sql'], { cwd: root });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('sqlflow.config.json: error: unknown vendor "klingon" for \'**\'');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('analyze --diagnostics-format', () => {
  test('json: every diagnostic in one document on stderr', async () => {
    const r = await at(['analyze', 'q.sql', '--schema', 'good.json', '--diagnostics-format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stderr) as { diagnostics: { file: string; line: number; col: number; errorType: string }[] };
    expect(doc.diagnostics).toEqual([expect.objectContaining({ file: 'q.sql', line: 1, col: 16, errorType: 'UnknownColumn', severity: 'warning' })]);
  });

  test('sarif: schema-valid SARIF 2.1.0 on stderr', async () => {
    const r = await runCli(['analyze', repoPath('test', 'fixtures', 'mixed'), '--diagnostics-format', 'sarif']);
    const doc = JSON.parse(r.stderr) as { runs: { results: unknown[] }[] };
    expect(sarifErrors(doc)).toEqual([]);
    expect(doc.runs[0]!.results.length).toBeGreaterThan(0);
  });
});
