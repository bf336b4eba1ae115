/**
 * The grammar, through `parseText`: every construct of issue 2's list parses with no error into
 * the expected statement kind and the tree pinned in parser-constructs.txt; a broken statement is one error at the bad token and the next
 * statements still parse.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type * as A from '../../src/ast/nodes.js';
import { parseText } from '../../src/parse/parse.js';
import { dialect } from '../helpers/dialects.js';
import { UPDATING } from '../helpers/golden.js';
import { repoPath } from '../helpers/paths.js';
import { treeSummary } from '../helpers/tree.js';

type Kind = A.Statement['k'];

/** Parse `sql` (one statement, `;` added) and return its only statement; fail on any problem. */
function parseOne(sql: string, vendor = 'ansi'): A.Statement {
  const r = parseText(`${sql};`, dialect(vendor));
  expect(r.problems).toEqual([]);
  expect(r.failed).toBe(0);
  expect(r.statements).toHaveLength(1);
  return r.statements[0]!;
}

/** [construct, SQL, statement kind] — dbvansi unless the SQL says otherwise. */
const CONSTRUCTS: [string, string, Kind][] = [
  // SELECT
  ['SELECT DISTINCT', 'SELECT DISTINCT a, b FROM t', 'query'],
  ['SELECT ALL', 'SELECT ALL a FROM t', 'query'],
  ['SELECT without FROM', 'SELECT 1 + 1', 'query'],
  ['INNER JOIN', 'SELECT * FROM a INNER JOIN b ON a.id = b.id', 'query'],
  ['LEFT OUTER JOIN', 'SELECT * FROM a LEFT OUTER JOIN b ON a.id = b.id', 'query'],
  ['RIGHT JOIN', 'SELECT * FROM a RIGHT JOIN b ON a.id = b.id', 'query'],
  ['FULL OUTER JOIN', 'SELECT * FROM a FULL OUTER JOIN b ON a.id = b.id', 'query'],
  ['CROSS JOIN', 'SELECT * FROM a CROSS JOIN b', 'query'],
  ['comma join', 'SELECT * FROM a, b WHERE a.id = b.id', 'query'],
  ['NATURAL JOIN', 'SELECT * FROM a NATURAL JOIN b', 'query'],
  ['NATURAL LEFT OUTER JOIN', 'SELECT * FROM a NATURAL LEFT OUTER JOIN b', 'query'],
  ['JOIN ... USING', 'SELECT * FROM a JOIN b USING (id, k)', 'query'],
  ['LATERAL derived table', 'SELECT * FROM a, LATERAL (SELECT * FROM b WHERE b.id = a.id) x', 'query'],
  ['CROSS JOIN LATERAL', 'SELECT * FROM a CROSS JOIN LATERAL (SELECT b.x FROM b WHERE b.id = a.id) AS l', 'query'],
  ['LEFT JOIN LATERAL ... ON TRUE', 'SELECT * FROM a LEFT JOIN LATERAL (SELECT 1 AS one) l ON TRUE', 'query'],
  ['parenthesized joins', 'SELECT * FROM (a JOIN b ON a.id = b.id) JOIN c ON c.id = a.id', 'query'],
  ['subquery in FROM', 'SELECT x.a FROM (SELECT a FROM t) AS x', 'query'],
  ['subquery in FROM with column aliases', 'SELECT x.c FROM (SELECT a FROM t) AS x (c)', 'query'],
  ['scalar subquery in SELECT', 'SELECT (SELECT MAX(b) FROM u) AS m FROM t', 'query'],
  ['subquery in WHERE', 'SELECT a FROM t WHERE a = (SELECT MAX(a) FROM u)', 'query'],
  ['EXISTS', 'SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.id = t.id)', 'query'],
  ['NOT EXISTS', 'SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM u)', 'query'],
  ['IN (subquery)', 'SELECT a FROM t WHERE a IN (SELECT a FROM u)', 'query'],
  ['NOT IN (list)', 'SELECT a FROM t WHERE a NOT IN (1, 2, 3)', 'query'],
  ['ANY', 'SELECT a FROM t WHERE a > ANY (SELECT b FROM u)', 'query'],
  ['ALL', 'SELECT a FROM t WHERE a <= ALL (SELECT b FROM u)', 'query'],
  ['SOME', 'SELECT a FROM t WHERE a = SOME (SELECT b FROM u)', 'query'],
  ['CTE', 'WITH c AS (SELECT a FROM t) SELECT a FROM c', 'query'],
  ['two CTEs, the second reading the first', 'WITH c AS (SELECT a FROM t), d AS (SELECT a FROM c) SELECT a FROM d', 'query'],
  ['CTE with a column list', 'WITH c (x, y) AS (SELECT a, b FROM t) SELECT x, y FROM c', 'query'],
  ['WITH RECURSIVE', 'WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT n FROM r', 'query'],
  ['UNION', 'SELECT a FROM t UNION SELECT a FROM u', 'query'],
  ['UNION ALL', 'SELECT a FROM t UNION ALL SELECT a FROM u', 'query'],
  ['INTERSECT', 'SELECT a FROM t INTERSECT SELECT a FROM u', 'query'],
  ['EXCEPT', 'SELECT a FROM t EXCEPT SELECT a FROM u', 'query'],
  ['MINUS (after an alias or a WHERE)', 'SELECT a FROM t x MINUS SELECT a FROM u WHERE a > 1 MINUS SELECT a FROM v', 'query'],
  ['parenthesized set operation with ORDER BY', '(SELECT a FROM t) UNION (SELECT a FROM u) ORDER BY 1', 'query'],
  ['GROUP BY', 'SELECT a, COUNT(*) FROM t GROUP BY a', 'query'],
  ['GROUP BY ROLLUP', 'SELECT a, b, SUM(c) FROM t GROUP BY ROLLUP (a, b)', 'query'],
  ['GROUP BY CUBE', 'SELECT a, b, SUM(c) FROM t GROUP BY CUBE (a, b)', 'query'],
  ['GROUP BY GROUPING SETS', 'SELECT a, b, SUM(c) FROM t GROUP BY GROUPING SETS ((a, b), (a), ())', 'query'],
  ['GROUPING()', 'SELECT a, GROUPING(a) FROM t GROUP BY ROLLUP (a)', 'query'],
  ['HAVING', 'SELECT a, SUM(b) FROM t GROUP BY a HAVING SUM(b) > 10', 'query'],
  ['QUALIFY (after an alias or a WHERE)', 'SELECT a FROM t x WHERE a > 1 QUALIFY ROW_NUMBER() OVER (PARTITION BY a ORDER BY b) = 1', 'query'],
  ['WINDOW clause (after an alias)', 'SELECT a, SUM(b) OVER w FROM t x WINDOW w AS (PARTITION BY a ORDER BY c)', 'query'],
  ['ORDER BY ... NULLS LAST', 'SELECT a FROM t ORDER BY a DESC NULLS LAST, b ASC', 'query'],
  ['LIMIT ... OFFSET', 'SELECT a FROM t ORDER BY a LIMIT 10 OFFSET 20', 'query'],
  ['OFFSET ... FETCH NEXT', 'SELECT a FROM t ORDER BY a OFFSET 5 ROWS FETCH NEXT 10 ROWS ONLY', 'query'],
  ['FETCH FIRST', 'SELECT a FROM t FETCH FIRST 10 ROWS ONLY', 'query'],
  ['TOP', 'SELECT TOP 10 a FROM t', 'query'],
  ['TOP (n) PERCENT', 'SELECT TOP (5) PERCENT a FROM t', 'query'],
  ['VALUES as a query', 'VALUES (1, 2), (3, 4)', 'query'],
  // expressions
  ['simple CASE', "SELECT CASE a WHEN 1 THEN 'x' WHEN 2 THEN 'y' ELSE 'z' END FROM t", 'query'],
  ['searched CASE', 'SELECT CASE WHEN a > 1 THEN b ELSE c END AS r FROM t', 'query'],
  ['CAST', 'SELECT CAST(a AS DECIMAL(10, 2)), CAST(b AS VARCHAR(20)), CAST(c AS TIMESTAMP WITH TIME ZONE) FROM t', 'query'],
  [':: casts', 'SELECT a::int, b::varchar(10), c::numeric(5,2)[] FROM t', 'query'],
  ['EXTRACT', 'SELECT EXTRACT(YEAR FROM d), EXTRACT(EPOCH FROM ts) FROM t', 'query'],
  ['INTERVAL', "SELECT d + INTERVAL '1' DAY, d - INTERVAL '2 hours', INTERVAL '1-2' YEAR TO MONTH FROM t", 'query'],
  ['window frame ROWS BETWEEN', 'SELECT SUM(a) OVER (PARTITION BY b ORDER BY c ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM t', 'query'],
  ['window frame RANGE BETWEEN n PRECEDING AND n FOLLOWING', 'SELECT AVG(a) OVER (ORDER BY c RANGE BETWEEN 3 PRECEDING AND 3 FOLLOWING) FROM t', 'query'],
  ['window frame GROUPS ... EXCLUDE TIES', 'SELECT AVG(a) OVER (ORDER BY c GROUPS BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE TIES) FROM t', 'query'],
  ['window frame ROWS n PRECEDING', 'SELECT SUM(a) OVER (ORDER BY c ROWS 2 PRECEDING) FROM t', 'query'],
  ['RANK, LAG, LEAD', 'SELECT RANK() OVER (ORDER BY a), LAG(a, 1, 0) OVER (PARTITION BY b ORDER BY c), LEAD(a) OVER (ORDER BY a) FROM t', 'query'],
  ['FILTER', 'SELECT COUNT(*) FILTER (WHERE a > 1), SUM(b) FILTER (WHERE c) FROM t', 'query'],
  ['WITHIN GROUP', "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY a), LISTAGG(b, ',') WITHIN GROUP (ORDER BY b) FROM t", 'query'],
  ['COUNT(DISTINCT), COUNT(ALL)', 'SELECT COUNT(DISTINCT a), COUNT(ALL b) FROM t', 'query'],
  ['IS [NOT] DISTINCT FROM', 'SELECT a FROM t WHERE a IS DISTINCT FROM b AND c IS NOT DISTINCT FROM d', 'query'],
  ['IS [NOT] NULL / TRUE / FALSE', 'SELECT a FROM t WHERE a IS NULL OR b IS NOT NULL OR c IS TRUE OR d IS NOT FALSE', 'query'],
  ['LIKE ... ESCAPE, NOT LIKE', "SELECT a FROM t WHERE a LIKE 'x%' ESCAPE '!' AND b NOT LIKE '%y'", 'query'],
  ['ILIKE', "SELECT a FROM t WHERE a ILIKE 'x%' AND b NOT ILIKE 'y'", 'query'],
  ['SIMILAR TO', "SELECT a FROM t WHERE a SIMILAR TO '(x|y)%' AND b NOT SIMILAR TO 'z'", 'query'],
  ['BETWEEN, NOT BETWEEN SYMMETRIC', 'SELECT a FROM t WHERE a BETWEEN 1 AND 10 AND b NOT BETWEEN SYMMETRIC 2 AND 3', 'query'],
  ['array subscript', "SELECT arr[1], t.arr[2], m['k'] FROM t", 'query'],
  ['struct field access', 'SELECT (s).field, t.s.inner_field FROM t', 'query'],
  ['ARRAY[x] and ARRAY(subquery)', 'SELECT ARRAY[1], ARRAY(SELECT a FROM u) FROM t', 'query'],
  ['number literals', 'SELECT 1, -2, 3.14, .5, 1e10, 2.5E-3, 0x1F FROM t', 'query'],
  ['string literals', "SELECT 'a', 'it''s', N'nat', E'esc\\n', X'0A', B'101', U&'\\0041' FROM t", 'query'],
  ['TRUE, FALSE, NULL', 'SELECT TRUE, FALSE, NULL FROM t', 'query'],
  ['typed literals', "SELECT DATE '2024-01-01', TIME '12:00:00', TIMESTAMP '2024-01-01 00:00:00' FROM t", 'query'],
  ['CURRENT_DATE, CURRENT_TIMESTAMP, CURRENT_USER', 'SELECT CURRENT_DATE, CURRENT_TIMESTAMP, CURRENT_USER, LOCALTIMESTAMP FROM t', 'query'],
  ['parameters ? :name $1', 'SELECT a FROM t WHERE b = ? AND c = :name AND d = $1', 'query'],
  ['|| concatenation', "SELECT a || '-' || b FROM t", 'query'],
  ['arithmetic and unary minus', 'SELECT (a + b) * c / d % e - -f FROM t', 'query'],
  ['COALESCE, NULLIF', 'SELECT COALESCE(a, b, 0), NULLIF(a, 0) FROM t', 'query'],
  ['row values', 'SELECT a FROM t WHERE (a, b) IN ((1, 2), (3, 4))', 'query'],
  // names
  ['4-part names', 'SELECT srv.db.sch.tbl.col FROM srv.db.sch.tbl', 'query'],
  ['3-part table name with alias', 'SELECT t.a FROM db.sch.tbl AS t', 'query'],
  ['double-quoted identifiers', 'SELECT "Col A", "t"."b" FROM "My Schema"."My Table" AS "t"', 'query'],
  ['aliases without AS', 'SELECT a x, b "Y" FROM t tt', 'query'],
  // INSERT
  ['INSERT column list VALUES', "INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')", 'insert'],
  ['INSERT ... SELECT', 'INSERT INTO t (a, b) SELECT a, b FROM u', 'insert'],
  ['INSERT ... SELECT without a column list', 'INSERT INTO t SELECT * FROM u', 'insert'],
  ['INSERT ... WITH ... SELECT', 'INSERT INTO t (a) WITH c AS (SELECT a FROM u) SELECT a FROM c', 'insert'],
  ['WITH ... INSERT', 'WITH c AS (SELECT a FROM u) INSERT INTO t (a) SELECT a FROM c', 'insert'],
  // UPDATE, DELETE, MERGE
  ['UPDATE ... SET ... WHERE', "UPDATE t SET a = 1, b = 'x' WHERE c = 2", 'update'],
  ['UPDATE with alias', 'UPDATE t AS x SET a = x.b + 1', 'update'],
  ['UPDATE ... FROM', 'UPDATE t SET a = u.a FROM u WHERE u.id = t.id', 'update'],
  ['UPDATE with subqueries', 'UPDATE t SET a = (SELECT MAX(b) FROM u WHERE u.id = t.id) WHERE EXISTS (SELECT 1 FROM v)', 'update'],
  ['UPDATE SET (a, b) = (subquery)', 'UPDATE t SET (a, b) = (SELECT x, y FROM u WHERE u.id = t.id)', 'update'],
  ['DELETE', 'DELETE FROM t WHERE a = 1', 'delete'],
  ['DELETE ... USING', 'DELETE FROM t USING u WHERE t.id = u.id', 'delete'],
  ['DELETE with a subquery', 'DELETE FROM t WHERE id IN (SELECT id FROM u)', 'delete'],
  [
    'MERGE with every WHEN arm',
    `MERGE INTO t AS tg USING s AS sr ON tg.id = sr.id
       WHEN MATCHED AND sr.del = 1 THEN DELETE
       WHEN MATCHED THEN UPDATE SET a = sr.a, b = sr.b
       WHEN NOT MATCHED AND sr.a > 0 THEN INSERT (id, a, b) VALUES (sr.id, sr.a, sr.b)
       WHEN NOT MATCHED BY SOURCE THEN DELETE`,
    'merge',
  ],
  ['MERGE USING (subquery), DO NOTHING, INSERT without columns', 'MERGE INTO t USING (SELECT id, a FROM s) AS x ON t.id = x.id WHEN MATCHED THEN DO NOTHING WHEN NOT MATCHED THEN INSERT VALUES (x.id, x.a)', 'merge'],
  // DDL
  ['CREATE TABLE with column constraints', "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, name VARCHAR(20) DEFAULT 'x', amt NUMERIC(10,2) CHECK (amt > 0), ref_id INT REFERENCES r (id))", 'create_table'],
  ['CREATE TABLE with table constraints', 'CREATE TABLE t (a INT, b INT, CONSTRAINT pk PRIMARY KEY (a), CONSTRAINT uq UNIQUE (b), FOREIGN KEY (b) REFERENCES r (id) ON DELETE CASCADE)', 'create_table'],
  ['CREATE TEMPORARY TABLE', 'CREATE TEMPORARY TABLE tmp (a INT)', 'create_table'],
  ['CREATE TABLE IF NOT EXISTS', 'CREATE TABLE IF NOT EXISTS s.t (a INT)', 'create_table'],
  ['CREATE TABLE with an identity column', 'CREATE TABLE t (k INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, a INT)', 'create_table'],
  ['CTAS', 'CREATE TABLE t AS SELECT a, b FROM u', 'create_table'],
  ['CTAS with parentheses', 'CREATE TABLE t AS (SELECT a FROM u)', 'create_table'],
  ['CTAS with a column list', 'CREATE TABLE t (x, y) AS SELECT a, b FROM u', 'create_table'],
  ['CREATE VIEW', 'CREATE VIEW v AS SELECT a FROM t', 'create_view'],
  ['CREATE OR REPLACE VIEW with a column list', 'CREATE OR REPLACE VIEW v (x, y) AS SELECT a, b FROM t', 'create_view'],
  ['CREATE MATERIALIZED VIEW', 'CREATE MATERIALIZED VIEW mv AS SELECT a FROM t', 'create_view'],
  ['DROP TABLE', 'DROP TABLE t', 'drop'],
  ['DROP TABLE IF EXISTS a, b CASCADE', 'DROP TABLE IF EXISTS s.t, s.u CASCADE', 'drop'],
  ['DROP VIEW', 'DROP VIEW v', 'drop'],
  ['ALTER TABLE ... RENAME TO', 'ALTER TABLE t RENAME TO u', 'rename'],
  ['TRUNCATE TABLE', 'TRUNCATE TABLE t', 'truncate'],
  ['TRUNCATE', 'TRUNCATE t', 'truncate'],
  ['USE', 'USE warehouse', 'use'],
  // valid SQL with no lineage
  ['SET', 'SET search_path = public', 'use'],
  ['SET SESSION', "SET SESSION TIME ZONE 'UTC'", 'other'],
  ['GRANT', 'GRANT SELECT, INSERT ON t TO analyst', 'other'],
  ['REVOKE', 'REVOKE ALL ON t FROM analyst', 'other'],
  ['COMMIT', 'COMMIT', 'other'],
  ['ROLLBACK', 'ROLLBACK', 'other'],
  ['BEGIN TRANSACTION', 'BEGIN TRANSACTION', 'other'],
  ['START TRANSACTION', 'START TRANSACTION', 'other'],
  ['SAVEPOINT', 'SAVEPOINT sp1', 'other'],
  ['CREATE SCHEMA', 'CREATE SCHEMA stage', 'other'],
  ['CREATE INDEX', 'CREATE INDEX ix ON t (a, b)', 'other'],
  ['ALTER TABLE ADD COLUMN', 'ALTER TABLE t ADD COLUMN c INT', 'other'],
  ['COMMENT ON', "COMMENT ON TABLE t IS 'x'", 'other'],
  ['ANALYZE', 'ANALYZE t', 'other'],
  // Clauses after a bare table name, array literals, DEFAULT VALUES
  ['MINUS after a bare table name', 'SELECT a FROM t MINUS SELECT a FROM u', 'query'],
  ['QUALIFY after a bare table name', 'SELECT a, b FROM t QUALIFY ROW_NUMBER() OVER (PARTITION BY a ORDER BY b) = 1', 'query'],
  ['WINDOW clause after a bare table name', 'SELECT a, SUM(b) OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY c)', 'query'],
  ['OFFSET without LIMIT after a bare table name', 'SELECT a FROM t OFFSET 10', 'query'],
  ['ARRAY[1, 2, 3]', 'SELECT ARRAY[1, 2, 3] FROM t', 'query'],
  ['INSERT ... DEFAULT VALUES', 'INSERT INTO t DEFAULT VALUES', 'insert'],
  ['data-modifying CTE: DELETE ... RETURNING *', 'WITH m AS (DELETE FROM t WHERE a < 0 RETURNING *) INSERT INTO u SELECT * FROM m', 'insert'],
  ['data-modifying CTE: UPDATE ... FROM ... RETURNING', 'WITH m AS (UPDATE t SET a = a + v.d FROM v WHERE v.id = t.id RETURNING t.id, a AS new_a) SELECT id, new_a FROM m', 'query'],
  ['DuckDB PIVOT statement', 'PIVOT cities ON year IN (2000, 2010) USING sum(population) AS total GROUP BY country ORDER BY country', 'query'],
  ['DuckDB UNPIVOT statement in a derived table', 'SELECT * FROM (UNPIVOT sales ON (jan, feb) AS h1, (mar, apr) AS h2 INTO NAME half VALUE m1, m2) u', 'query'],
  ['data-modifying CTE: INSERT ... RETURNING, then DELETE', 'WITH i AS (INSERT INTO t (a) SELECT b FROM u RETURNING id, a), d AS (DELETE FROM u WHERE b IN (SELECT a FROM i)) DELETE FROM v USING i WHERE v.id = i.id', 'delete'],
];

/**
 * The tree of each construct, summarized (test/helpers/tree.ts), is pinned in
 * test/unit/parser-constructs.txt: `UPDATE_GOLDEN=1 npm test -- test/unit/parser.test.ts`
 * rewrites it after an intended change; the diff shows what the parser now builds.
 */
const TREES = repoPath('test', 'unit', 'parser-constructs.txt');
const pinned = new Map<string, string>();
if (existsSync(TREES)) {
  for (const block of readFileSync(TREES, 'utf8').split('\n\n')) {
    const nl = block.indexOf('\n');
    if (nl > 0) pinned.set(block.slice(0, nl), block.slice(nl + 1).trim());
  }
}
const built = new Map<string, string>();

describe('every construct parses with no error into the pinned tree (dbvansi)', () => {
  test.each(CONSTRUCTS)('%s', (name, sql, kind) => {
    const s = parseOne(sql);
    expect(s.k).toBe(kind);
    const tree = treeSummary(s);
    built.set(name, tree);
    if (!UPDATING) expect({ name, tree }).toEqual({ name, tree: pinned.get(name) ?? '(not pinned: run UPDATE_GOLDEN=1 npm test -- test/unit/parser.test.ts)' });
  });

  afterAll(() => {
    if (UPDATING && built.size === CONSTRUCTS.length) writeFileSync(TREES, CONSTRUCTS.map(([name]) => `${name}\n  ${built.get(name)}\n`).join('\n'));
  });

  test('construct names are unique (they key the pinned trees)', () => {
    expect(new Set(CONSTRUCTS.map(([name]) => name)).size).toBe(CONSTRUCTS.length);
  });
});

describe('the AST holds what lineage needs', () => {
  const select = (sql: string): A.Select => {
    const s = parseOne(sql);
    if (s.k !== 'query' || s.query.k !== 'select') throw new Error(`not a SELECT: ${sql}`);
    return s.query;
  };

  test('DISTINCT, items and aliases', () => {
    const q = select('SELECT DISTINCT a AS x, t.b y, c + 1 FROM t');
    expect(q.distinct).toBe(true);
    expect(q.items.map((i) => i.alias?.text)).toEqual(['x', 'y', undefined]);
  });

  test('join kinds, NATURAL, USING, LATERAL', () => {
    const q = select('SELECT 1 FROM a NATURAL JOIN b LEFT JOIN c USING (id) CROSS JOIN LATERAL (SELECT 1) l');
    const joins: A.JoinRef[] = [];
    for (let r: A.TableRef | undefined = q.from[0]; r && r.k === 'join'; r = r.left) joins.unshift(r);
    expect(joins.map((j) => [j.kind, !!j.natural, j.using?.map((u) => u.text)])).toEqual([
      [expect.stringMatching(/natural|inner/), true, undefined],
      ['left', false, ['id']],
      ['cross', false, undefined],
    ]);
    const lateral = joins[2]!.right;
    expect(lateral.k === 'derived' && lateral.lateral).toBe(true);
  });

  test('recursive CTE with column list', () => {
    const q = parseOne('WITH RECURSIVE r (n, m) AS (SELECT 1, 2 UNION ALL SELECT n + 1, m FROM r) SELECT n FROM r') as A.QueryStmt;
    expect(q.query.with?.recursive).toBe(true);
    expect(q.query.with?.ctes.map((c) => [c.name.text, c.columns?.map((i) => i.text)])).toEqual([['r', ['n', 'm']]]);
  });

  test('set operators', () => {
    const ops = (sql: string) => {
      const s = parseOne(sql) as A.QueryStmt;
      return s.query.k === 'setop' ? [s.query.op, s.query.all] : undefined;
    };
    expect(ops('SELECT a FROM t UNION ALL SELECT a FROM u')).toEqual(['union', true]);
    expect(ops('SELECT a FROM t INTERSECT SELECT a FROM u')).toEqual(['intersect', false]);
    expect(ops('SELECT a FROM t EXCEPT SELECT a FROM u')).toEqual(['except', false]);
    expect(ops('SELECT a FROM t x MINUS SELECT a FROM u')).toEqual(['minus', false]);
  });

  test('GROUP BY, HAVING, QUALIFY, WINDOW, ORDER BY, LIMIT', () => {
    const q = select('SELECT a FROM t x WHERE a > 0 GROUP BY a, b HAVING COUNT(*) > 1 WINDOW w AS (ORDER BY a) QUALIFY RANK() OVER w = 1 ORDER BY a LIMIT 5');
    expect(q.where).toBeDefined();
    expect(q.groupBy).toHaveLength(2);
    expect(q.having).toBeDefined();
    expect(q.qualify).toBeDefined();
    expect(q.windows?.map((w) => w.name.text)).toEqual(['w']);
    expect(q.orderBy).toHaveLength(1);
    expect(q.limit).toBeDefined();
  });

  test('window function: PARTITION BY, ORDER BY, frame', () => {
    const q = select('SELECT SUM(a) OVER (PARTITION BY b, c ORDER BY d ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t');
    const f = q.items[0]!.expr as A.FuncCall;
    expect(f.k).toBe('func');
    expect(f.over?.partitionBy).toHaveLength(2);
    expect(f.over?.orderBy).toHaveLength(1);
    expect(f.over?.frame).toMatch(/ROWS BETWEEN 1 PRECEDING AND CURRENT ROW/i);
  });

  test('FILTER and WITHIN GROUP', () => {
    const q = select("SELECT COUNT(*) FILTER (WHERE a > 1), LISTAGG(b, ',') WITHIN GROUP (ORDER BY c) FROM t");
    expect((q.items[0]!.expr as A.FuncCall).filter).toBeDefined();
    expect((q.items[1]!.expr as A.FuncCall).withinGroup).toHaveLength(1);
  });

  test('4-part and quoted names keep their parts and quoting', () => {
    const q = select('SELECT srv.db.sch.tbl.col, "Mixed Case" FROM srv.db.sch.tbl');
    const col = q.items[0]!.expr as A.ColumnRef;
    expect(col.name.parts.map((p) => p.text)).toEqual(['srv', 'db', 'sch', 'tbl', 'col']);
    const quoted = q.items[1]!.expr as A.ColumnRef;
    expect(quoted.name.parts[0]).toMatchObject({ text: 'Mixed Case', quoted: true });
    const from = q.from[0] as A.TableName;
    expect(from.name.parts.map((p) => p.text)).toEqual(['srv', 'db', 'sch', 'tbl']);
  });

  test('INSERT: target, column list, source', () => {
    const s = parseOne('INSERT INTO s.t (a, b) SELECT x, y FROM u') as A.InsertStmt;
    expect(s.target.parts.map((p) => p.text)).toEqual(['s', 't']);
    expect(s.columns?.map((c) => c.text)).toEqual(['a', 'b']);
    expect(s.source?.k).toBe('select');
  });

  test('UPDATE: SET assignments, FROM, WHERE', () => {
    const s = parseOne('UPDATE t SET a = u.a, b = 2 FROM u WHERE u.id = t.id') as A.UpdateStmt;
    expect(s.sets.map((a) => a.columns[0]!.parts.map((p) => p.text).join('.'))).toEqual(['a', 'b']);
    expect(s.from).toHaveLength(1);
    expect(s.where).toBeDefined();
  });

  test('DELETE ... USING', () => {
    const s = parseOne('DELETE FROM t USING u WHERE t.id = u.id') as A.DeleteStmt;
    expect(s.using).toHaveLength(1);
  });

  test('MERGE: every WHEN arm with its action', () => {
    const s = parseOne(`MERGE INTO t USING s ON t.id = s.id
      WHEN MATCHED AND s.del = 1 THEN DELETE
      WHEN MATCHED THEN UPDATE SET a = s.a
      WHEN NOT MATCHED THEN INSERT (id, a) VALUES (s.id, s.a)
      WHEN NOT MATCHED BY SOURCE THEN DELETE`) as A.MergeStmt;
    expect(s.whens.map((w) => [w.matched, !!w.bySource, w.action, !!w.cond])).toEqual([
      [true, false, 'delete', true],
      [true, false, 'update', false],
      [false, false, 'insert', false],
      [false, true, 'delete', false],
    ]);
    expect(s.whens[2]!.columns?.map((c) => c.text)).toEqual(['id', 'a']);
  });

  test('CREATE TABLE: columns (constraints are not columns), CTAS, views, DROP, RENAME, USE', () => {
    const t = parseOne('CREATE TABLE t (a INT PRIMARY KEY, b VARCHAR(3), CONSTRAINT c UNIQUE (b))') as A.CreateTableStmt;
    expect(t.columns.map((c) => c.name.text)).toEqual(['a', 'b']);
    const ctas = parseOne('CREATE TABLE t AS SELECT 1 AS x') as A.CreateTableStmt;
    expect(ctas.as?.k).toBe('select');
    const v = parseOne('CREATE OR REPLACE VIEW v (x) AS SELECT a FROM t') as A.CreateViewStmt;
    expect(v.columns?.map((c) => c.text)).toEqual(['x']);
    const d = parseOne('DROP TABLE IF EXISTS a, s.b') as A.DropStmt;
    expect(d.names.map((n) => n.parts.map((p) => p.text).join('.'))).toEqual(['a', 's.b']);
    const r = parseOne('ALTER TABLE s.a RENAME TO b') as A.RenameStmt;
    expect([r.from.parts.map((p) => p.text), r.to.parts.map((p) => p.text)]).toEqual([['s', 'a'], ['b']]);
    const u = parseOne('USE dw') as A.UseStmt;
    expect(u.name.parts[0]!.text).toBe('dw');
  });

  test('statements carry their offsets', () => {
    const text = 'SELECT 1;\n  INSERT INTO t VALUES (1);';
    const r = parseText(text, dialect('ansi'));
    expect(r.statements.map((s) => text.slice(s.start, s.end))).toEqual(['SELECT 1', 'INSERT INTO t VALUES (1)']);
  });
});

describe('dialect constructs', () => {
  test.each([
    ['mssql', 'SELECT TOP 5 [a b] FROM [dbo].[t] WHERE @v = 1'],
    ['mssql', 'SELECT a INTO #tmp FROM t'],
    ['mysql', 'SELECT `a` FROM `db`.`t` WHERE b = "x"'],
    ['oracle', "SELECT q'[it's]' FROM dual"],
    ['oracle', 'SELECT a FROM t x MINUS SELECT a FROM u'],
    ['postgres', 'SELECT a::text FROM t WHERE b ILIKE $1'],
  ])('%s: %s', (vendor, sql) => {
    expect(parseOne(sql, vendor).k).toBe('query');
  });
});

describe('a broken statement is one error; the others still parse', () => {
  test('error at the bad token, statements before and after kept', () => {
    const text = 'SELECT a FROM t;\nINSERT INTO x (a) SELEC a FROM t;\nSELECT b FROM u;';
    const r = parseText(text, dialect('ansi'));
    expect(r.problems).toEqual([{ severity: 'error', code: 'SyntaxError', offset: text.indexOf('SELEC '), message: expect.stringContaining('SELEC') }]);
    expect(r.statements.map((s) => s.k)).toEqual(['query', 'query']);
    expect([r.attempted, r.failed]).toEqual([3, 1]);
  });

  test.each([
    ['a dangling comma', 'SELECT a, FROM t', 'FROM'],
    ['a missing assignment target', 'UPDATE t SET = 1', '='],
    ['an unclosed parenthesis', 'SELECT a FROM t WHERE (a = 1', ';'],
  ])('%s', (_name, bad, at) => {
    const text = `${bad};\nSELECT 2;`;
    const r = parseText(text, dialect('ansi'));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: 'error', offset: text.indexOf(at, 7) });
    expect(r.statements.map((s) => s.k)).toEqual(['query']);
    expect(r.failed).toBe(1);
  });

  test('trailing garbage before the semicolon is an error (dbvansi)', () => {
    const text = 'SELECT a FROM t x foo bar;\nSELECT 2;';
    const r = parseText(text, dialect('ansi'));
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'error', offset: text.indexOf('foo') })]);
    expect(r.failed).toBe(1);
  });

  test('T-SQL without semicolons: the bad statement only', () => {
    const text = 'SELECT a FROM t\nINSERT INTO x (a) SELEC a FROM t\nSELECT b FROM u';
    const r = parseText(text, dialect('mssql'));
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'error', offset: text.indexOf('SELEC ') })]);
    expect(r.statements.map((s) => s.k)).toEqual(['query', 'query']);
  });

  test('an unterminated string is reported with its offset', () => {
    const text = "SELECT 1;\nSELECT 'oops FROM t;";
    const r = parseText(text, dialect('ansi'));
    expect(r.problems).toEqual([expect.objectContaining({ offset: text.indexOf("'oops"), message: 'unterminated string literal' })]);
  });
});
