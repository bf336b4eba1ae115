/**
 * Resolver and graph, through the public `analyze()`: small SQL in, the expected set of
 * `source_table.column -> target_table.column` pairs out (sqllineage style). Expectations follow
 * SPEC §2.
 */
import { render } from '../../src/api.js';
import { edgePairs, effects, pairs, processEffects, removeSchemaFiles, rowPairs, run, schemaFile, sorted } from '../helpers/lineage.js';

afterAll(removeSchemaFiles);

describe('names and aliases', () => {
  test('table aliases with and without AS; insert column list', () => {
    expect(pairs(`INSERT INTO tgt (a, b) SELECT x.c1, y.c2 FROM s1 AS x JOIN s2 y ON x.id = y.id;`)).toEqual(
      sorted(['s1.c1 -> tgt.a', 's2.c2 -> tgt.b']),
    );
  });

  test('qualified by the table name, by schema.table and by the bare name of a qualified table', () => {
    expect(pairs(`INSERT INTO dw.tgt (a, b, c) SELECT s.a, stage.s.b, c FROM stage.s;`)).toEqual(
      sorted(['stage.s.a -> dw.tgt.a', 'stage.s.b -> dw.tgt.b', 'stage.s.c -> dw.tgt.c']),
    );
  });

  test('target columns from select aliases and column names when the target is unknown', () => {
    expect(pairs(`INSERT INTO tgt SELECT s.c1 AS a, s.c2 FROM s;`)).toEqual(sorted(['s.c1 -> tgt.a', 's.c2 -> tgt.c2']));
  });

  test('an expression without alias is named by its text, whitespace collapsed', () => {
    expect(pairs(`CREATE TABLE tgt AS SELECT s.a  +\n  s.b FROM s;`)).toEqual(sorted(['s.a -> tgt.s.a + s.b', 's.b -> tgt.s.a + s.b']));
  });

  test('positional INSERT onto the known columns of the target', () => {
    const sql = `CREATE TABLE tgt (x INT, y INT);
      INSERT INTO tgt SELECT a, b FROM s;`;
    expect(pairs(sql)).toEqual(sorted(['s.a -> tgt.x', 's.b -> tgt.y']));
  });

  test('positional INSERT around a `*` of unknown width: before it from the start, after it from the end, never across it', () => {
    const sql = `CREATE TABLE tgt (a INT, b INT, c INT, d INT);
      INSERT INTO tgt SELECT s.x, *, s.y FROM s;
      INSERT INTO tgt (a, b, c) SELECT *, u.z FROM u;
      INSERT INTO tgt SELECT v.p, v.*, w.*, v.q FROM v JOIN w ON v.id = w.id;
      INSERT INTO tgt SELECT * REPLACE (k.r * 2 AS r), k.t FROM k;`;
    // The REPLACEd `r` stands somewhere inside k's `*`: it goes nowhere.
    expect(pairs(sql)).toEqual(
      sorted(['k.* -> tgt.*', 'k.t -> tgt.d', 's.* -> tgt.*', 's.x -> tgt.a', 's.y -> tgt.d', 'u.* -> tgt.*', 'u.z -> tgt.c', 'v.* -> tgt.*', 'v.p -> tgt.a', 'v.q -> tgt.d', 'w.* -> tgt.*']),
    );
  });

  test('functions, CASE branches and conditions, arithmetic and casts are direct flow', () => {
    const sql = `INSERT INTO tgt (x, y)
      SELECT CASE WHEN s.flag = 1 THEN UPPER(s.name) ELSE CAST(s.code AS VARCHAR(10)) END,
             COALESCE(s.p, 0) * s.q
      FROM s;`;
    expect(pairs(sql)).toEqual(sorted(['s.flag -> tgt.x', 's.name -> tgt.x', 's.code -> tgt.x', 's.p -> tgt.y', 's.q -> tgt.y']));
  });

  test('every UNION branch feeds the target, by position', () => {
    const sql = `INSERT INTO tgt (a, b) SELECT u.x, u.y FROM u UNION ALL SELECT v.p, v.q FROM v;`;
    expect(pairs(sql)).toEqual(sorted(['u.x -> tgt.a', 'u.y -> tgt.b', 'v.p -> tgt.a', 'v.q -> tgt.b']));
  });

  test('a plain SELECT writes the result set RS-1, the next one RS-2', () => {
    expect(pairs(`SELECT s.a AS x FROM s; SELECT t.b FROM t;`)).toEqual(sorted(['s.a -> RS-1.x', 't.b -> RS-2.b']));
  });

  test('through subqueries and CTEs of any depth', () => {
    const sql = `INSERT INTO tgt (a)
      WITH c1 AS (SELECT s.v AS w FROM s), c2 AS (SELECT c1.w + 1 AS z FROM c1)
      SELECT q.z FROM (SELECT z FROM c2) q;`;
    expect(pairs(sql)).toEqual(['s.v -> tgt.a']);
  });

  test('a scalar subquery in the select list', () => {
    const sql = `INSERT INTO tgt (a, m) SELECT s.a, (SELECT MAX(u.b) FROM u WHERE u.id = s.id) FROM s;`;
    expect(pairs(sql)).toEqual(sorted(['s.a -> tgt.a', 'u.b -> tgt.m']));
  });
});

describe('* and t.* expansion', () => {
  test('from a CTE', () => {
    const sql = `INSERT INTO tgt WITH c AS (SELECT s.a, s.b AS bb FROM s) SELECT * FROM c;`;
    expect(pairs(sql)).toEqual(sorted(['s.a -> tgt.a', 's.b -> tgt.bb']));
  });

  test('t.* from a derived table, next to another column', () => {
    const sql = `CREATE TABLE tgt AS SELECT q.*, u.c FROM (SELECT s.a, s.b FROM s) q JOIN u ON u.id = q.a;`;
    expect(pairs(sql)).toEqual(sorted(['s.a -> tgt.a', 's.b -> tgt.b', 'u.c -> tgt.c']));
  });

  test('from session DDL (CREATE TABLE earlier in the script)', () => {
    const sql = `CREATE TABLE s (a INT, b INT);
      CREATE TABLE tgt AS SELECT * FROM s;`;
    expect(pairs(sql)).toEqual(sorted(['s.a -> tgt.a', 's.b -> tgt.b']));
  });

  test('from a CTAS earlier in the script', () => {
    const sql = `CREATE TABLE mid AS SELECT s.a, s.b FROM s;
      CREATE TABLE tgt AS SELECT m.* FROM mid m;`;
    expect(pairs(sql)).toEqual(sorted(['s.a -> mid.a', 's.b -> mid.b', 'mid.a -> tgt.a', 'mid.b -> tgt.b']));
  });

  test('from a --schema JSON file', () => {
    const schema = schemaFile('schema.json', { 'src.s': ['a', 'b'] });
    expect(pairs(`INSERT INTO tgt SELECT * FROM src.s;`, { schemaFiles: [schema] })).toEqual(
      sorted(['src.s.a -> tgt.a', 'src.s.b -> tgt.b']),
    );
  });

  test('from a --schema DDL file', () => {
    const schema = schemaFile('schema.sql', 'CREATE TABLE src.s (a INT, b VARCHAR(10));');
    expect(pairs(`INSERT INTO tgt SELECT * FROM src.s;`, { schemaFiles: [schema] })).toEqual(
      sorted(['src.s.a -> tgt.a', 'src.s.b -> tgt.b']),
    );
  });

  test('session DDL wins over --schema', () => {
    const schema = schemaFile('schema.json', { s: ['old1', 'old2'] });
    const sql = `CREATE TABLE s (a INT);
      CREATE TABLE tgt AS SELECT * FROM s;`;
    expect(pairs(sql, { schemaFiles: [schema] })).toEqual(['s.a -> tgt.a']);
  });

  test('unknown columns: * stays *', () => {
    expect(pairs(`CREATE TABLE tgt AS SELECT * FROM s;`)).toEqual(['s.* -> tgt.*']);
  });

  test('t.* of one known and one unknown table', () => {
    const sql = `CREATE TABLE k (a INT);
      CREATE TABLE tgt AS SELECT k.*, u.* FROM k JOIN u ON u.id = k.a;`;
    expect(pairs(sql)).toEqual(sorted(['k.a -> tgt.a', 'u.* -> tgt.*']));
  });
});

describe('unqualified columns', () => {
  test('one source: the column is that source\'s', () => {
    expect(pairs(`INSERT INTO tgt (x) SELECT c FROM s;`)).toEqual(['s.c -> tgt.x']);
  });

  test('several sources with known columns: each column goes to the table that has it', () => {
    const sql = `CREATE TABLE s1 (id INT, a INT);
      CREATE TABLE s2 (id INT, b INT);
      CREATE TABLE tgt AS SELECT a, b FROM s1 JOIN s2 ON s1.id = s2.id;`;
    const r = run(sql);
    expect(edgePairs(r.graph)).toEqual(sorted(['s1.a -> tgt.a', 's2.b -> tgt.b']));
    expect(r.diagnostics).toEqual([]);
  });

  test('several sources, unknown columns: a warning with position and the orphan pseudo table', () => {
    const sql = `CREATE TABLE tgt AS\nSELECT a FROM s1 JOIN s2 ON s1.id = s2.id;`;
    const r = run(sql);
    expect(edgePairs(r.graph)).toEqual(['pseudo_table_include_orphan_column.a -> tgt.a']);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'a.sql', line: 2, col: 8, code: 'AmbiguousColumn' }),
    ]);
  });

  test('a column known in two sources is ambiguous: warning', () => {
    const sql = `CREATE TABLE s1 (id INT);
      CREATE TABLE s2 (id INT);
      CREATE TABLE tgt AS SELECT id FROM s1 JOIN s2 ON s1.id = s2.id;`;
    const r = run(sql);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'AmbiguousColumn' })]);
  });

  test('niladic functions (CURRENT_TIMESTAMP, CURRENT_DATE) are not columns', () => {
    const r = run(`INSERT INTO tgt (a, ts, d) SELECT s.a, CURRENT_TIMESTAMP, CURRENT_DATE FROM s;`);
    expect(edgePairs(r.graph)).toEqual(['s.a -> tgt.a']);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('fdr: columns that shape the row set feed RelationRows', () => {
  test('WHERE, JOIN ON, GROUP BY and HAVING', () => {
    const sql = `INSERT INTO tgt (a, n)
      SELECT s.a, COUNT(*) FROM s JOIN u ON s.id = u.id
      WHERE s.flag = 1 GROUP BY s.a, u.g HAVING MAX(u.x) > 1;`;
    expect(rowPairs(sql)).toEqual(
      sorted([
        's.id -> tgt.RelationRows', 'u.id -> tgt.RelationRows', 's.flag -> tgt.RelationRows',
        's.a -> tgt.RelationRows', 'u.g -> tgt.RelationRows', 'u.x -> tgt.RelationRows',
      ]),
    );
  });

  test('window PARTITION BY / ORDER BY', () => {
    const sql = `INSERT INTO tgt (a, rn)
      SELECT s.a, ROW_NUMBER() OVER (PARTITION BY s.p ORDER BY s.o) FROM s;`;
    const r = run(sql, { relationTypes: ['fdd', 'fdr'] });
    expect(edgePairs(r.graph, { type: 'fdr' })).toEqual(sorted(['s.p -> tgt.RelationRows', 's.o -> tgt.RelationRows']));
    expect(edgePairs(r.graph)).toEqual(['s.a -> tgt.a']);
  });

  test('QUALIFY', () => {
    const sql = `INSERT INTO tgt (a) SELECT s.a FROM s AS s QUALIFY ROW_NUMBER() OVER (PARTITION BY s.p ORDER BY s.o) = 1;`;
    expect(rowPairs(sql)).toEqual(sorted(['s.p -> tgt.RelationRows', 's.o -> tgt.RelationRows']));
  });

  test('conditions inside an EXISTS subquery (correlated) feed the rows', () => {
    const sql = `INSERT INTO tgt (a) SELECT t.a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.id = t.id);`;
    expect(rowPairs(sql)).toEqual(sorted(['u.id -> tgt.RelationRows', 't.id -> tgt.RelationRows']));
  });

  test('the WHERE of an IN subquery feeds the rows', () => {
    const sql = `INSERT INTO tgt (a) SELECT t.a FROM t WHERE t.k IN (SELECT u.k FROM u WHERE u.f = 1);`;
    expect(rowPairs(sql)).toEqual(sorted(['t.k -> tgt.RelationRows', 'u.k -> tgt.RelationRows', 'u.f -> tgt.RelationRows']));
  });

  test('fdr edges carry their clause type', () => {
    const r = run(`INSERT INTO tgt (a) SELECT s.a FROM s JOIN u ON u.id = s.id WHERE s.f = 1 GROUP BY s.a;`, {
      relationTypes: ['fdd', 'fdr'],
    });
    const objects = new Map(r.graph.objects.map((o) => [o.id, o]));
    const clauses = r.graph.edges
      .filter((e) => e.type === 'fdr')
      .map((e) => `${objects.get(e.source.objectId)!.columns.find((c) => c.id === e.source.columnId)!.name}:${e.source.clauseType}`)
      .sort();
    expect(clauses).toEqual(['a:groupBy', 'f:where', 'id:joinCondition', 'id:joinCondition']);
  });

  test('without fdr in --relation-types there are no fdr edges', () => {
    const r = run(`INSERT INTO tgt (a) SELECT s.a FROM s WHERE s.f = 1;`);
    expect(r.graph.edges.every((e) => e.type === 'fdd')).toBe(true);
  });

  test('join pairs with --relation-types join', () => {
    const r = run(`INSERT INTO tgt (a) SELECT s.a FROM s JOIN u ON u.id = s.sid AND u.k = s.k;`, { relationTypes: ['join'] });
    const objects = new Map(r.graph.objects.map((o) => [o.id, o]));
    const name = (ep: { objectId: number; columnId: number }) => {
      const o = objects.get(ep.objectId)!;
      return `${o.name}.${o.columns.find((c) => c.id === ep.columnId)!.name}`;
    };
    expect(r.graph.edges.map((e) => `${e.type} ${name(e.source)} = ${name(e.target)}`).sort()).toEqual([
      'join u.id = s.sid',
      'join u.k = s.k',
    ]);
  });
});

describe('chain folding: fdd only if every hop is fdd', () => {
  test('a direct chain through a derived table stays fdd; its filter becomes fdr', () => {
    const sql = `INSERT INTO tgt (a) SELECT q.x FROM (SELECT s.a AS x FROM s WHERE s.f = 1) q;`;
    const r = run(sql, { relationTypes: ['fdd', 'fdr'] });
    expect(edgePairs(r.graph)).toEqual(['s.a -> tgt.a']);
    expect(edgePairs(r.graph, { type: 'fdr' })).toEqual(['s.f -> tgt.RelationRows']);
  });

  test('an indirect hop (COUNT argument with --aggregate indirect) makes the folded chain fdr', () => {
    const sql = `INSERT INTO tgt (n) SELECT q.cnt FROM (SELECT COUNT(s.a) AS cnt FROM s) q;`;
    const direct = run(sql, { relationTypes: ['fdd', 'fdr'] });
    expect(edgePairs(direct.graph)).toEqual(['s.a -> tgt.n']);
    const indirect = run(sql, { relationTypes: ['fdd', 'fdr'], aggregate: 'indirect' });
    expect(edgePairs(indirect.graph)).toEqual([]);
    expect(edgePairs(indirect.graph, { type: 'fdr', rows: false })).toEqual(['s.a -> tgt.n']);
  });

  test('--show-intermediate keeps the hops: table -> result set -> table', () => {
    const sql = `INSERT INTO tgt (a) SELECT q.x FROM (SELECT s.a AS x FROM s) q;`;
    const r = run(sql, { showIntermediate: true });
    expect(r.graph.objects.map((o) => o.type)).toEqual(expect.arrayContaining(['insert-select', 'select_list']));
    expect(edgePairs(r.graph)).toEqual(expect.arrayContaining(['s.a -> RESULT_OF_q.x']));
    expect(pairs(sql)).toEqual(['s.a -> tgt.a']);
  });
});

describe('statements that write: effect types', () => {
  test('CTAS: create_table', () => {
    expect(effects(`CREATE TABLE tgt AS SELECT s.a FROM s;`)).toEqual(['s.a -> tgt.a [create_table]']);
  });

  test('INSERT ... SELECT: insert', () => {
    expect(effects(`INSERT INTO tgt (a) SELECT s.a FROM s;`)).toEqual(['s.a -> tgt.a [insert]']);
  });

  test('CREATE VIEW with a column list: create_view', () => {
    const r = run(`CREATE OR REPLACE VIEW v (x, y) AS SELECT s.a, s.b FROM s;`);
    expect(edgePairs(r.graph, { effect: true })).toEqual(sorted(['s.a -> v.x [create_view]', 's.b -> v.y [create_view]']));
    expect(r.graph.objects.find((o) => o.name === 'v')?.type).toBe('view');
  });

  test('UPDATE ... SET ... FROM: update, the WHERE feeds rows', () => {
    const sql = `UPDATE tgt SET a = u.x + 1, b = u.y FROM u WHERE u.id = tgt.id;`;
    expect(effects(sql)).toEqual(sorted(['u.x -> tgt.a [update]', 'u.y -> tgt.b [update]']));
    expect(rowPairs(sql)).toEqual(sorted(['u.id -> tgt.RelationRows', 'tgt.id -> tgt.RelationRows']));
  });

  test('UPDATE with a correlated subquery', () => {
    const sql = `UPDATE tgt SET total = (SELECT SUM(o.amount) FROM o WHERE o.cid = tgt.id);`;
    expect(effects(sql)).toEqual(['o.amount -> tgt.total [update]']);
  });

  test('MERGE: every WHEN arm, merge_update and merge_insert; ON and WHEN conditions feed rows', () => {
    const sql = `MERGE INTO tgt t USING src s ON t.id = s.id
      WHEN MATCHED AND s.deleted = 1 THEN DELETE
      WHEN MATCHED THEN UPDATE SET a = s.a, b = s.b
      WHEN NOT MATCHED THEN INSERT (id, c) VALUES (s.id, s.c);`;
    expect(effects(sql)).toEqual(
      sorted(['src.a -> tgt.a [merge_update]', 'src.b -> tgt.b [merge_update]', 'src.id -> tgt.id [merge_insert]', 'src.c -> tgt.c [merge_insert]']),
    );
    expect(rowPairs(sql)).toEqual(sorted(['src.id -> tgt.RelationRows', 'tgt.id -> tgt.RelationRows', 'src.deleted -> tgt.RelationRows']));
  });

  test('MERGE using a subquery: the source columns fold through it', () => {
    const sql = `MERGE INTO tgt USING (SELECT s.id, s.v FROM s WHERE s.ok = 1) x ON tgt.id = x.id
      WHEN MATCHED THEN UPDATE SET v = x.v;`;
    expect(effects(sql)).toEqual(['s.v -> tgt.v [merge_update]']);
  });

  test('MERGE: a pair written by the update and the insert arm has both effect types', () => {
    const sql = `MERGE INTO tgt t USING src s ON t.id = s.id
      WHEN MATCHED THEN UPDATE SET a = s.a
      WHEN NOT MATCHED THEN INSERT (id, a) VALUES (s.id, s.a);`;
    expect(effects(sql)).toEqual(sorted(['src.a -> tgt.a [merge_update]', 'src.a -> tgt.a [merge_insert]', 'src.id -> tgt.id [merge_insert]']));
  });

  test('ON CONFLICT DO UPDATE: EXCLUDED.c is the value proposed for c; an unqualified name is the current row', () => {
    const sql = `INSERT INTO tgt (id, amount, n) SELECT s.id, s.amt, s.k FROM s
      ON CONFLICT (id) DO UPDATE SET amount = excluded.amount, n = n + 1;`;
    expect(effects(sql, { vendor: 'dbvpostgresql' })).toEqual(
      sorted(['s.id -> tgt.id [insert]', 's.amt -> tgt.amount [insert]', 's.k -> tgt.n [insert]', 's.amt -> tgt.amount [update]', 'tgt.n -> tgt.n [update]']),
    );
  });

  test('ON CONFLICT with VALUES: EXCLUDED reads the inserted row, the target alias its current row', () => {
    const sql = `INSERT INTO tgt AS t (id, total) VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET total = t.total + EXCLUDED.total, seen = t.id;`;
    expect(effects(sql, { vendor: 'dbvpostgresql' })).toEqual(['tgt.id -> tgt.seen [update]', 'tgt.total -> tgt.total [update]']);
  });

  test('ON DUPLICATE KEY UPDATE: VALUES(c) is the value proposed for c', () => {
    const sql = `INSERT INTO tgt (id, n, m) SELECT s.id, s.x, s.y FROM s ON DUPLICATE KEY UPDATE n = n + VALUES(n), m = VALUES(id);`;
    expect(effects(sql, { vendor: 'dbvmysql' })).toEqual(
      sorted(['s.id -> tgt.id [insert]', 's.x -> tgt.n [insert]', 's.y -> tgt.m [insert]', 's.x -> tgt.n [update]', 's.id -> tgt.m [update]', 'tgt.n -> tgt.n [update]']),
    );
  });

  test('DELETE: indirect only', () => {
    const sql = `DELETE FROM tgt WHERE tgt.id IN (SELECT x.id FROM x);`;
    const r = run(sql, { relationTypes: ['fdd', 'fdr'] });
    expect(edgePairs(r.graph)).toEqual([]);
    expect(edgePairs(r.graph, { type: 'fdr' })).toEqual(sorted(['tgt.id -> tgt.RelationRows', 'x.id -> tgt.RelationRows']));
    expect(processEffects(r.graph)).toEqual(['delete']);
  });

  test('processes record their effect, reads and writes', () => {
    const r = run(`INSERT INTO tgt (a) SELECT s.a FROM s JOIN u ON u.id = s.id;`);
    const proc = r.graph.objects.find((o) => o.type === 'process')!;
    const name = (id: number) => r.graph.objects.find((o) => o.id === id)!.name;
    expect(proc.effectType).toBe('insert');
    expect(proc.procedureName).toBe('batchQueries');
    expect(proc.queryHashId).toMatch(/^[0-9a-f]{32}$/);
    expect(proc.reads!.map(name)).toEqual(['s', 'u']);
    expect(proc.writes!.map(name)).toEqual(['tgt']);
  });

  test('the same column pair written by two statements keeps both effect types', () => {
    const sql = `INSERT INTO tgt (a) SELECT s.a FROM s;
      MERGE INTO tgt t USING (SELECT s.a FROM s) x ON t.a = x.a WHEN NOT MATCHED THEN INSERT (a) VALUES (x.a);`;
    expect(effects(sql)).toEqual(sorted(['s.a -> tgt.a [insert]', 's.a -> tgt.a [merge_insert]']));
  });
});

describe('table-level moves', () => {
  test('Hive ALTER TABLE t1 EXCHANGE PARTITION (...) WITH TABLE t2: t2 feeds t1', () => {
    const r = run(`ALTER TABLE tab1 EXCHANGE PARTITION (pt='part1') WITH TABLE tab2;`, { vendor: 'dbvhive' });
    expect(r.diagnostics).toEqual([]);
    expect(render(r.graph, { format: 'csv', tableToTable: true, delimiter: ',' }).split('\n')[1]).toBe('DEFAULT,DEFAULT,tab2,DEFAULT,DEFAULT,tab1,fdd,insert');
  });
});

describe('Vertica partition moves', () => {
  test("SELECT MOVE_PARTITIONS_TO_TABLE / SWAP_PARTITIONS_BETWEEN_TABLES('src', min, max, 'target'): src feeds target", () => {
    const r = run(`SELECT swap_partitions_between_tables('staging', 'a', 'b', 'target');
      SELECT MOVE_PARTITIONS_TO_TABLE('s1.src', '2020', '2021', 's2.arch');
      SELECT COPY_PARTITIONS_TO_TABLE(x, 1, 2, 'y');`, { vendor: 'dbvvertica' });
    expect(render(r.graph, { format: 'csv', tableToTable: true, delimiter: ',' }).trim().split('\n').slice(1)).toEqual([
      'DEFAULT,DEFAULT,staging,DEFAULT,DEFAULT,target,fdd,insert',
      'DEFAULT,s1,src,DEFAULT,s2,arch,fdd,insert',
    ]);
  });
});

describe('queries written to files and object stores', () => {
  test("Redshift UNLOAD ('query') TO 's3://...': the quoted query's columns flow into the path", () => {
    const sql = `UNLOAD ('select v.id, v.name from venue v where v.city = ''Paris''') TO 's3://b/venue_' IAM_ROLE 'arn:r' PARALLEL OFF;`;
    const r = run(sql, { vendor: 'dbvredshift' });
    expect(r.diagnostics).toEqual([]);
    expect(edgePairs(r.graph, { effect: true })).toEqual(sorted(['venue.id -> s3://b/venue_.id [insert]', 'venue.name -> s3://b/venue_.name [insert]']));
  });

  test("PostgreSQL COPY (query) TO 'file': the query's columns flow into the file", () => {
    expect(pairs(`COPY (SELECT a, b FROM t) TO '/tmp/out.csv' WITH (FORMAT csv);`, { vendor: 'dbvpostgresql' })).toEqual(
      sorted(['t.a -> /tmp/out.csv.a', 't.b -> /tmp/out.csv.b']),
    );
  });
});

describe('session catalog across statements and files', () => {
  test('a table created in file 1 expands in file 2', () => {
    const r = run([`CREATE TABLE s (a INT, b INT);`, `CREATE TABLE tgt AS SELECT * FROM s;`]);
    expect(edgePairs(r.graph)).toEqual(sorted(['s.a -> tgt.a', 's.b -> tgt.b']));
    expect(r.graph.files).toEqual(['1.sql', '2.sql']);
  });

  test('a table is one object across files', () => {
    const r = run([`INSERT INTO t (a) SELECT s.a FROM s;`, `INSERT INTO u (a) SELECT t.a FROM t;`]);
    expect(r.graph.objects.filter((o) => o.name === 't')).toHaveLength(1);
    expect(edgePairs(r.graph)).toEqual(sorted(['s.a -> t.a', 't.a -> u.a']));
  });

  test('DROP: * no longer expands', () => {
    const sql = `CREATE TABLE s (a INT);
      DROP TABLE s;
      CREATE TABLE tgt AS SELECT * FROM s;`;
    expect(pairs(sql)).toEqual(['s.* -> tgt.*']);
  });

  test('ALTER TABLE ... RENAME: the new name knows the columns, the old one does not', () => {
    const sql = `CREATE TABLE s (a INT, b INT);
      ALTER TABLE s RENAME TO s2;
      CREATE TABLE t1 AS SELECT * FROM s2;
      CREATE TABLE t2 AS SELECT * FROM s;`;
    expect(pairs(sql)).toEqual(sorted(['s2.a -> t1.a', 's2.b -> t1.b', 's.* -> t2.*']));
  });

  test('USE sets the schema of unqualified names', () => {
    expect(pairs(`USE dw; INSERT INTO tgt (a) SELECT s.a FROM s;`)).toEqual(['dw.s.a -> dw.tgt.a']);
  });

  test('--default-schema qualifies unqualified names only', () => {
    const sql = `INSERT INTO tgt (a, b) SELECT s.a, o.b FROM s JOIN other.o o ON o.id = s.id;`;
    expect(pairs(sql, { defaultSchema: 'dw' })).toEqual(sorted(['dw.s.a -> dw.tgt.a', 'other.o.b -> dw.tgt.b']));
  });

  test('--default-database with --default-schema', () => {
    expect(pairs(`INSERT INTO tgt (a) SELECT s.a FROM s;`, { defaultDatabase: 'db1', defaultSchema: 'dw' })).toEqual([
      'db1.dw.s.a -> db1.dw.tgt.a',
    ]);
  });

  test('--default-schema lets unqualified names find --schema entries', () => {
    const schema = schemaFile('schema.json', { 'dw.s': ['a', 'b'] });
    expect(pairs(`CREATE TABLE tgt AS SELECT * FROM s;`, { defaultSchema: 'dw', schemaFiles: [schema] })).toEqual(
      sorted(['dw.s.a -> dw.tgt.a', 'dw.s.b -> dw.tgt.b']),
    );
  });
});

describe('identifier case rules', () => {
  test('dbvoracle: unquoted names match case-insensitively (folded upper), output keeps the first spelling', () => {
    const sql = `CREATE TABLE emp (ename VARCHAR2(10), sal NUMBER);
      CREATE TABLE tgt AS SELECT * FROM EMP;
      INSERT INTO Tgt (ENAME) SELECT E.Ename FROM Emp e;`;
    expect(pairs(sql, { vendor: 'oracle' })).toEqual(sorted(['emp.ename -> tgt.ename', 'emp.sal -> tgt.sal']));
  });

  test('dbvoracle: quoted names are case-sensitive; "EMP" is unquoted emp (first spelling kept)', () => {
    const sql = `CREATE TABLE "Emp" (a NUMBER);
      CREATE TABLE t1 AS SELECT * FROM emp;
      CREATE TABLE t2 AS SELECT * FROM "Emp";
      CREATE TABLE "EMP" (b NUMBER);
      CREATE TABLE t3 AS SELECT * FROM emp;`;
    expect(pairs(sql, { vendor: 'dbvoracle' })).toEqual(sorted(['emp.* -> t1.*', 'Emp.a -> t2.a', 'emp.b -> t3.b']));
  });

  test('dbvpostgresql: unquoted names fold to lower case; "T" is another table than t', () => {
    const sql = `CREATE TABLE "emp" (a INT);
      CREATE TABLE t1 AS SELECT * FROM EMP;
      CREATE TABLE "Emp" (b INT);
      CREATE TABLE t2 AS SELECT * FROM "Emp";
      CREATE TABLE t3 AS SELECT * FROM "EMP";`;
    expect(pairs(sql, { vendor: 'postgres' })).toEqual(sorted(['emp.a -> t1.a', 'Emp.b -> t2.b', 'EMP.* -> t3.*']));
  });

  test('quotes and brackets are stripped in output names', () => {
    expect(pairs(`INSERT INTO "Tgt" ("A b") SELECT "s"."Col 1" FROM "s";`)).toEqual(['s.Col 1 -> Tgt.A b']);
    expect(pairs(`INSERT INTO [dbo].[Tgt] ([a]) SELECT [s].[b] FROM [dbo].[s];`, { vendor: 'mssql' })).toEqual(['dbo.s.b -> dbo.Tgt.a']);
  });
});

describe('result-set options', () => {
  test('--show-constant-table: literals of the select list come from SQL_CONSTANTS', () => {
    const sql = `INSERT INTO tgt (a, b) SELECT CASE WHEN s.x > 1 THEN 'HIGH' END, 42 FROM s;`;
    const r = run(sql, { showConstantTable: true });
    expect(edgePairs(r.graph)).toEqual(sorted(["SQL_CONSTANTS.'HIGH' -> tgt.a", 'SQL_CONSTANTS.42 -> tgt.b', 's.x -> tgt.a']));
    expect(r.graph.objects.find((o) => o.name === 'SQL_CONSTANTS')?.type).toBe('constantTable');
    expect(pairs(sql)).toEqual(['s.x -> tgt.a']); // off by default
  });

  test('--show-constant-table: the ELSE branch of a CASE is a constant too', () => {
    const sql = `INSERT INTO tgt (a) SELECT CASE WHEN s.x > 1 THEN 'HIGH' ELSE 'LOW' END FROM s;`;
    expect(edgePairs(run(sql, { showConstantTable: true }).graph)).toEqual(
      sorted(["SQL_CONSTANTS.'HIGH' -> tgt.a", "SQL_CONSTANTS.'LOW' -> tgt.a", 's.x -> tgt.a']),
    );
  });

  test('--show-function: a function call in the select list is a function result set', () => {
    const r = run(`INSERT INTO tgt (a) SELECT UPPER(s.x) FROM s;`, { showFunction: true });
    expect(r.graph.objects.map((o) => o.type)).toContain('function');
  });

  test('--show-transform: each source carries the kind of transform it flows through', () => {
    const r = run(`SELECT UPPER(s.x) AS a, CASE WHEN s.y > 0 THEN 1 END AS b, s.z FROM s;`, { showTransform: true });
    expect(r.graph.edges.map((e) => e.transform?.kind)).toEqual(['function', 'case', 'simple']);
  });

  test('--show-transform survives the folding of INSERT ... SELECT', () => {
    const r = run(`INSERT INTO tgt (a) SELECT UPPER(s.x) FROM s;`, { showTransform: true });
    expect(r.graph.edges.map((e) => e.transform?.kind)).toEqual(['function']);
  });

  test('--show-transform: the code is the expression text', () => {
    const r = run(`SELECT UPPER(s.x) AS a FROM s;`, { showTransform: true });
    expect(r.graph.edges.map((e) => e.transform)).toEqual([{ kind: 'function', code: 'UPPER(s.x)' }]);
  });
});

describe('determinism', () => {
  const sql = [
    `CREATE TABLE s (a INT, b INT);
     INSERT INTO t (x, y) SELECT s.a, SUM(s.b) FROM s WHERE s.a > 0 GROUP BY s.a;`,
    `WITH c AS (SELECT * FROM t) SELECT c.x, c.y FROM c JOIN u ON u.x = c.x;
     MERGE INTO t USING u ON t.x = u.x WHEN MATCHED THEN UPDATE SET y = u.y;`,
  ];

  test.each(['json', 'csv', 'graphml', 'dataarts'] as const)('analyze twice -> identical %s', (format) => {
    const options = { relationTypes: ['fdd', 'fdr', 'join'] as ('fdd' | 'fdr' | 'join')[] };
    const first = render(run(sql, options).graph, { format, tableToTable: false, delimiter: ',' });
    const second = render(run(sql, options).graph, { format, tableToTable: false, delimiter: ',' });
    expect(second).toBe(first);
  });
});
