/**
 * `sqlflow analyze` end to end, in-process with the production dependencies (see
 * test/helpers/cli.ts): the mixed-quality directory, a missing input, and the TPC-H / TPC-DS
 * queries of the vendored bench corpus.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { repoPath } from '../helpers/paths.js';

const MIXED = repoPath('test', 'fixtures', 'mixed');
const BENCH = (file: string) => repoPath('test', 'corpus', 'bench', file);

describe('the mixed directory (test/fixtures/mixed/README.md)', () => {
  const row = (s: string, t: string, type = 'fdd', effect = 'insert') => {
    const [sSchema, sTable, sCol] = s.split('.');
    const [tSchema, tTable, tCol] = t.split('.');
    return `DEFAULT,${sSchema},${sTable},${sCol},DEFAULT,${tSchema},${tTable},${tCol},${type},${effect}`;
  };

  test('every good statement\'s lineage is in the output; one diagnostic per problem; exit 0', async () => {
    const r = await runCli(['analyze', MIXED, '-f', 'csv', '--relation-types', 'fdd,fdr']);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n');
    const expected = [
      // good1.sql
      row('sales.orders.customer_id', 'mart.customer_summary.customer_id'),
      row('sales.orders.amount', 'mart.customer_summary.total_amount'),
      row('sales.orders.status', 'mart.customer_summary.RelationRows', 'fdr'),
      row('sales.orders.customer_id', 'mart.customer_summary.RelationRows', 'fdr'),
      row('mart.customer_summary.customer_id', 'mart.v_big_customers.customer_id', 'fdd', 'create_view'),
      row('mart.customer_summary.total_amount', 'mart.v_big_customers.total_amount', 'fdd', 'create_view'),
      row('mart.customer_summary.total_amount', 'mart.v_big_customers.RelationRows', 'fdr', 'create_view'),
      row('crm.customers.customer_id', 'mart.customer_region.customer_id', 'fdd', 'create_table'),
      row('crm.customers.region', 'mart.customer_region.region', 'fdd', 'create_table'),
      row('mart.customer_summary.total_amount', 'mart.customer_region.total_amount', 'fdd', 'create_table'),
      row('crm.customers.customer_id', 'mart.customer_region.RelationRows', 'fdr', 'create_table'),
      row('mart.customer_summary.customer_id', 'mart.customer_region.RelationRows', 'fdr', 'create_table'),
      // good2.sql
      row('sales.orders.order_id', 'audit.order_log.order_id'),
      row('sales.orders.amount', 'audit.order_log.logged_amount'),
      'DEFAULT,sales,products,product_name,DEFAULT,DEFAULT,RS-1,product_name,fdd,select',
      'DEFAULT,sales,order_lines,quantity,DEFAULT,DEFAULT,RS-1,units,fdd,select',
      'DEFAULT,sales,order_lines,product_id,DEFAULT,DEFAULT,RS-1,RelationRows,fdr,select',
      'DEFAULT,sales,products,product_id,DEFAULT,DEFAULT,RS-1,RelationRows,fdr,select',
      'DEFAULT,sales,products,product_name,DEFAULT,DEFAULT,RS-1,RelationRows,fdr,select',
      // broken.sql, statements 1, 2, 4, 5
      row('sales.orders.order_id', 'archive.orders_2023.order_id'),
      row('sales.orders.customer_id', 'archive.orders_2023.customer_id'),
      row('sales.orders.amount', 'archive.orders_2023.amount'),
      row('sales.orders.order_date', 'archive.orders_2023.RelationRows', 'fdr'),
      row('sales.order_lines.order_id', 'archive.order_lines_2023.order_id'),
      row('sales.order_lines.product_id', 'archive.order_lines_2023.product_id'),
      row('sales.order_lines.quantity', 'archive.order_lines_2023.quantity'),
      row('crm.customers.customer_id', 'archive.customers_2023.customer_id'),
      row('crm.customers.region', 'archive.customers_2023.region'),
      row('sales.products.product_id', 'archive.products_2023.product_id'),
      row('sales.products.product_name', 'archive.products_2023.product_name'),
      // utf16.sql
      row('crm.customers.city', 'mart.city_sales.city'),
      row('sales.orders.amount', 'mart.city_sales.total_amount'),
      row('crm.customers.customer_id', 'mart.city_sales.RelationRows', 'fdr'),
      row('sales.orders.customer_id', 'mart.city_sales.RelationRows', 'fdr'),
      row('crm.customers.city', 'mart.city_sales.RelationRows', 'fdr'),
    ];
    expect(rows).toEqual(expect.arrayContaining(expected));
    expect(r.stdout).not.toContain('refunds_2023'); // the broken statement gives nothing
    expect(r.diagnostics).toEqual([
      'test/fixtures/mixed/binary.sql:1:1: error: binary file, skipped',
      'test/fixtures/mixed/empty.sql: note: empty file',
      "test/fixtures/mixed/broken.sql:8:54: error: syntax error near 'SELEC'",
    ]);
    expect(r.summary).toBe('sqlflow: 5 files, 11 statements (1 failed), 2 errors, 0 warnings, 1 note');
  });

  test('the UTF-16 file is decoded: its INSERT is at line 2, column 1', async () => {
    const r = await runCli(['analyze', join(MIXED, 'utf16.sql')]);
    const doc = JSON.parse(r.stdout) as { data: { sqlflow: { dbobjs: { type: string; coordinates: { x: number; y: number }[] }[] } } };
    const proc = doc.data.sqlflow.dbobjs.find((o) => o.type === 'process')!;
    expect(proc.coordinates[0]).toMatchObject({ x: 2, y: 1 });
    expect(r.diagnostics).toEqual([]);
  });

  test('the JSON lists the syntax error with its position', async () => {
    const r = await runCli(['analyze', MIXED]);
    const doc = JSON.parse(r.stdout) as { data: { sqlflow: { errors: { errorType: string; coordinates: { x: number; y: number }[] }[] } } };
    expect(doc.data.sqlflow.errors).toEqual([
      expect.objectContaining({ errorType: 'SyntaxError', coordinates: [expect.objectContaining({ x: 8, y: 54 }), expect.anything()] }),
    ]);
  });

  test('--strict: exit 1, the document is still written', async () => {
    const r = await runCli(['analyze', MIXED, '-f', 'csv', '--strict']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('archive,customers_2023');
  });

  test('every diagnostic about a file carries file:line:col', async () => {
    const r = await runCli(['analyze', MIXED, '--quiet']);
    for (const d of r.diagnostics) expect(d).toMatch(/^[^:]+:\d+:\d+: (error|warning): /);
  });

  test('-o writes the document to a file and nothing to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlflow-pipeline-'));
    try {
      const out = join(dir, 'lineage.csv');
      const r = await runCli(['analyze', join(MIXED, 'good1.sql'), '-f', 'csv', '-o', out]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(readFileSync(out, 'utf8')).toMatch(/^source_db,source_schema,source_table,source_column,/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bad usage', () => {
  test('a nonexistent path: exit 2, the path named on stderr, nothing on stdout', async () => {
    const missing = repoPath('test', 'fixtures', 'no-such-file.sql');
    const r = await runCli(['analyze', missing]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('test/fixtures/no-such-file.sql: error: no such file or directory\n');
  });

  test('a nonexistent --schema file: exit 2', async () => {
    const r = await runCli(['analyze', join(MIXED, 'good1.sql'), '--schema', repoPath('no-such-schema.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-schema.json: error: schema file not found');
  });

  test('--schema problems are located: a table described twice with other columns, a broken DDL statement', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlflow-schema-'));
    try {
      writeFileSync(join(dir, 's1.json'), '{"sales.orders": ["id", "amount"], "dim": ["k"]}');
      writeFileSync(join(dir, 's2.sql'), 'CREATE TABLE sales.orders (id int, amount int, customer int);\nCREATE TABLE dim (K int);\nCREATE TABLE broken (a int,, b int);\n');
      writeFileSync(join(dir, 'q.sql'), 'select * from sales.orders;\n');
      const r = await runCli(['analyze', join(dir, 'q.sql'), '--schema', join(dir, 's1.json'), '--schema', join(dir, 's2.sql'), '-f', 'csv']);
      expect(r.code).toBe(0);
      const lines = r.stderr.split('\n').filter((l) => l.includes('s2.sql'));
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/s2\.sql:1:1: warning: table 'sales\.orders' is described again with other columns \(id, amount, customer\); this description replaces \(id, amount\)$/);
      expect(lines[1]).toMatch(/s2\.sql:3:28: error: /);
      // The later description is the one used; `dim` (same columns up to case) is no conflict.
      expect(r.stdout).toContain(',sales,orders,customer,');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an unterminated literal costs its own statement only, with one diagnostic', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlflow-unterminated-'));
    try {
      const file = join(dir, 'q.sql');
      writeFileSync(file, "insert into a select x from t1;\nselect 'it's here' from t2;\ninsert into b select y from t3;\n");
      const r = await runCli(['analyze', file, '-f', 'csv', '--strict']);
      expect(r.code).toBe(1);
      expect(r.stdout.split('\n').slice(1).filter(Boolean)).toEqual([
        'DEFAULT,DEFAULT,t1,x,DEFAULT,DEFAULT,a,x,fdd,insert',
        'DEFAULT,DEFAULT,t3,y,DEFAULT,DEFAULT,b,y,fdd,insert',
      ]);
      expect(r.stderr.split('\n').filter((l) => l.includes('error:'))).toEqual([`${file}:2:18: error: unterminated string literal`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an unknown vendor or format: exit 2', async () => {
    expect((await runCli(['analyze', join(MIXED, 'good1.sql'), '-t', 'nosuchdb'])).code).toBe(2);
    expect((await runCli(['analyze', join(MIXED, 'good1.sql'), '-f', 'xml'])).code).toBe(2);
  });
});

describe('TPC-H and TPC-DS (test/corpus/bench)', () => {
  interface Doc {
    data: {
      sqlflow: {
        dbobjs: { id: string; name: string; type: string; coordinates: { x: number; hashCode: string }[] }[];
        relationships: { processId: string; target: { parentId: string }; sources: { parentName: string }[] }[];
        errors: { errorType: string }[];
        files: Record<string, string>;
      };
    };
  }

  /** `TPC-H 1` → the tables its process reads, from the --table-to-table JSON. */
  function readsByQuery(doc: Doc): Map<string, string[]> {
    const { dbobjs, relationships, files } = doc.data.sqlflow;
    const headers = new Map<string, { line: number; title: string }[]>();
    for (const [hash, path] of Object.entries(files)) {
      const lines = readFileSync(repoPath(path), 'utf8').split('\n');
      headers.set(hash, lines.flatMap((l, i) => (/^-- (TPC-\w+ \d+)$/.test(l) ? [{ line: i + 1, title: l.slice(3) }] : [])));
    }
    const out = new Map<string, string[]>();
    for (const p of dbobjs.filter((o) => o.type === 'process')) {
      const at = p.coordinates[0]!;
      const title = headers.get(at.hashCode)!.filter((h) => h.line < at.x).pop()!.title;
      expect(out.has(title)).toBe(false); // one process per query
      const reads = relationships.filter((r) => r.processId === p.id && r.target.parentId === p.id).map((r) => r.sources[0]!.parentName);
      out.set(title, reads.sort());
    }
    return out;
  }

  let doc: Doc;
  let run: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    run = await runCli(['analyze', BENCH('tpch.sql'), BENCH('tpcds.sql'), '--table-to-table', '--quiet', '--strict']);
    doc = JSON.parse(run.stdout) as Doc;
  }, 60_000);

  test('no statement error, exit 0 even with --strict', async () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(doc.data.sqlflow.errors.filter((e) => e.errorType === 'SyntaxError')).toEqual([]);
  });

  test('every query is one process that lists its source tables', () => {
    const reads = readsByQuery(doc);
    expect(reads.size).toBe(22 + 99);
    for (const [title, tables] of reads) expect([title, tables.length > 0]).toEqual([title, true]);
    expect(reads.get('TPC-H 1')).toEqual(['lineitem']);
    expect(reads.get('TPC-H 2')).toEqual(['nation', 'part', 'partsupp', 'region', 'supplier']);
    expect(reads.get('TPC-H 6')).toEqual(['lineitem']);
    expect(reads.get('TPC-H 13')).toEqual(['customer', 'orders']);
    expect(reads.get('TPC-H 15')).toEqual(['lineitem', 'supplier']); // `revenue` is a CTE
    expect(reads.get('TPC-H 22')).toEqual(['customer', 'orders']);
    expect(reads.get('TPC-DS 1')).toEqual(['customer', 'date_dim', 'store', 'store_returns']); // not the CTE
    expect(reads.get('TPC-DS 3')).toEqual(['date_dim', 'item', 'store_sales']);
  });

  test('with its --schema, each benchmark resolves every column (no warning)', async () => {
    for (const [sql, schema] of [['tpch.sql', 'tpch-schema.json'], ['tpcds.sql', 'tpcds-schema.json']]) {
      const r = await runCli(['analyze', BENCH(sql!), '--schema', BENCH(schema!), '-f', 'csv', '--strict']);
      expect([sql, r.code, r.diagnostics]).toEqual([sql, 0, []]);
      expect(r.summary).toMatch(/, 0 errors, 0 warnings$/);
    }
  }, 60_000);
});
