/**
 * Issue 12's reproductions: no input kills the run, every failed statement has its own error,
 * every diagnostic is one well-formed line, no statement vanishes without a word.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { DIALECTS } from '../../src/dialects/registry.js';
import { chain } from '../fuzz/core.mjs';
import { edgePairs, run } from '../helpers/lineage.js';

const located = /^a\.sql:\d+:\d+: (error|warning|note): [^\n]+$/;

function errors(r: ReturnType<typeof run>): string[] {
  return r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
}

describe('1. a chain of thousands of CTEs folds without exhausting the stack', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlflow-robust-'));
    writeFileSync(join(dir, 'schema.json'), '{"t": ["a", "b"]}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['cte', false, ['t.a -> z.a']],
    ['star', false, ['t.* -> z.*']],
    ['star', true, ['t.a -> z.a', 't.b -> z.b']],
  ])('%s chain of 4,000 (schema: %s), with the next statement kept', (kind, schema, expected) => {
    const r = run(`${chain(kind as string, 4000)}SELECT x FROM y;\n`, { schemaFiles: schema ? [join(dir, 'schema.json')] : [] });
    expect(errors(r)).toEqual([]);
    expect(r.graph.statements).toEqual({ total: 2, failed: 0 });
    expect(edgePairs(r.graph)).toEqual([...(expected as string[]), 'y.x -> RS-1.x']);
  });

  test('a UNION of 4,000 branches', () => {
    const r = run(chain('union', 4000));
    expect(errors(r)).toEqual([]);
    expect(edgePairs(r.graph)).toHaveLength(4000);
  });
});

describe('2. every failed statement has its own error', () => {
  test('a lexical error does not hide the syntax errors of the other statements', () => {
    for (const vendor of ['dbvmysql', 'dbvbigquery', 'dbvhive']) {
      const r = run('SELECT (a FROM t;\nSELECT b FROM u;\nSELECT `c FROM v;\n', { vendor });
      expect(r.graph.statements).toEqual({ total: 3, failed: 2 });
      expect(errors(r)).toEqual(["a.sql:1:11: error: syntax error near 'FROM'", 'a.sql:3:8: error: unterminated quoted identifier']);
      expect(edgePairs(r.graph)).toEqual(['u.b -> RS-1.b']);
    }
  });

  test('a statement holding an unterminated literal fails with that error, the next line is analyzed', () => {
    const r = run("INSERT INTO t SELECT 'abc, b FROM s;\nINSERT INTO u SELECT c FROM v;\n");
    expect(errors(r)).toEqual(['a.sql:1:22: error: unterminated string literal']);
    expect(r.graph.statements).toEqual({ total: 2, failed: 1 });
    expect(edgePairs(r.graph)).toEqual(['v.c -> u.c']);
  });

  test('BEGIN BEGIN is one failure with one error', () => {
    for (const vendor of ['dbvmssql', 'dbvoracle']) {
      const r = run('BEGIN BEGIN', { vendor });
      expect(r.graph.statements.failed).toBe(errors(r).length);
      expect(errors(r)).toHaveLength(1);
    }
  });

  test('failed statements = errors, in every dialect, on a file mixing good, bad and unterminated statements', () => {
    const sql = "SELECT a FROM t;\nSELECT (b FROM u;\nSELECT 'c FROM v;\nBEGIN BEGIN\nSELECT d FROM w;\nWHILE\n/* open";
    for (const d of DIALECTS) {
      const r = run(sql, { vendor: d.vendor });
      expect([d.vendor, r.graph.statements.failed]).toEqual([d.vendor, errors(r).length]);
      for (const line of r.diagnostics.map(formatDiagnostic)) expect(line).toMatch(located);
    }
  });
});

describe('3. every diagnostic is one well-formed line', () => {
  test('WHILE alone: a located error in every dialect (no NaN), Oracle included', () => {
    for (const d of DIALECTS) {
      const r = run('WHILE', { vendor: d.vendor });
      const lines = r.diagnostics.map(formatDiagnostic);
      expect([d.vendor, lines.filter((l) => / error: /.test(l)).length]).toEqual([d.vendor, r.graph.statements.failed]);
      expect([d.vendor, r.graph.statements.failed]).toEqual([d.vendor, 1]);
      for (const l of lines) expect(l).toMatch(located);
    }
  });

  test('a PL/SQL loop at top level is reported, not skipped with the statements it holds', () => {
    const r = run('WHILE x > 0 LOOP\n  INSERT INTO t SELECT a FROM s;\nEND LOOP;\nSELECT b FROM u;\n', { vendor: 'oracle' });
    expect(errors(r)[0]).toMatch(/^a\.sql:1:1: error: procedural statement outside a block, not analyzed: 'WHILE x > 0 LOOP INSERT INTO t/);
    expect(edgePairs(r.graph)).toEqual(['u.b -> RS-1.b']);
  });

  test('a message quoting several lines of SQL is printed on one line', () => {
    const r = run(' NSERT INTO tab2 (col1)\nWITH cte1 AS (SELECT col2 FROM tab1)\nSELECT col2 FROM cte1');
    for (const l of r.diagnostics.map(formatDiagnostic)) expect(l).toMatch(located);
  });
});

describe('4. GO lines never make statements vanish', () => {
  const sql = 'SELECT a FROM t\nGO\nSELECT b FROM u\nGO\nSELECT c FROM v\nGO\n';
  test('dialects without GO batches separate the statements and say once that GO is T-SQL', () => {
    for (const d of DIALECTS) {
      const r = run([sql, sql], { vendor: d.vendor });
      expect([d.vendor, r.graph.statements]).toEqual([d.vendor, { total: 6, failed: 0 }]);
      expect(edgePairs(r.graph)).toEqual(expect.arrayContaining(['t.a -> RS-1.a', 'u.b -> RS-2.b', 'v.c -> RS-3.c']));
      const notes = r.diagnostics.filter((x) => /GO is a batch separator/.test(x.message)).map(formatDiagnostic);
      expect([d.vendor, notes]).toEqual([d.vendor, d.caps.goBatches ? [] : ['1.sql:2:1: note: GO is a batch separator of T-SQL: try -t mssql']]);
    }
  });
});

describe('hints (issue 9)', () => {
  test('a dbt model with Jinja gets a hint to compile it first, once per file', () => {
    const r = run(["{{ config(materialized='table') }}\nselect id from {{ ref('orders') }}\n", 'select a from t;\n']);
    const notes = r.diagnostics.filter((d) => d.severity === 'note').map(formatDiagnostic);
    expect(notes).toEqual(['1.sql:1:1: note: this looks like a dbt model or Jinja template: compile it first (`dbt compile`) and analyze the SQL in target/compiled/']);
    expect(r.graph.statements.failed).toBe(errors(r).length);
  });
});

describe('found by the fuzz campaign', () => {
  test('LATERAL VIEW followed by a name without a call is a syntax error, not a crash', () => {
    const r = run('SELECT a FROM bar sc LATERAL VIEW jINSERT OVERWRITE TABLE foo q AS item0;\nSELECT b FROM u;\n', { vendor: 'hive' });
    expect(errors(r)).toEqual(["a.sql:1:35: error: syntax error near 'jINSERT': expected a function call after LATERAL VIEW"]);
    expect(edgePairs(r.graph)).toEqual(['u.b -> RS-1.b']);
  });
});

test('JOIN LATERAL followed by a name without a call is a syntax error (fuzz finding)', () => {
  const r = run('SELECT m.name FROM manufacturers m LEFT JOIN LATERAL gUPDATE s ON true;\nSELECT b FROM u;\n');
  expect(errors(r)).toEqual(["a.sql:1:54: error: syntax error near 'gUPDATE': expected a subquery or a function call after LATERAL"]);
  expect(edgePairs(r.graph)).toEqual(['u.b -> RS-1.b']);
});

// Found by the fuzz campaign (seed 12012, case 1584: a repeated TPC-DS query with unbalanced
// parentheses under dbvnetezza, 200 KB in 10 s): each stray `)` was a failed statement of its own,
// 64,618 errors. A run of them is one failed statement with one error, in every dialect.
test.each(DIALECTS.map((d) => d.vendor))('%s: a run of 20,000 stray `)` is one failed statement', (vendor) => {
  const r = run(`SELECT a FROM t;\n${')'.repeat(20000)}\nSELECT b FROM u;\n`, { vendor });
  expect(errors(r)).toEqual([`a.sql:2:1: error: unknown statement '${')'.repeat(40)}'`]);
  expect(r.graph.statements.failed).toBe(1);
  expect(edgePairs(r.graph)).toEqual(['t.a -> RS-1.a', 'u.b -> RS-2.b']);
});
