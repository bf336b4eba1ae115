/**
 * Lineage features × dialects: each feature, written in SQL every listed dialect accepts, gives
 * the same column pairs in each of them (one dialect of every family of the registry: lexical
 * rules, identifier case rules and procedural layers differ; the lineage must not). A dialect
 * where a feature does not apply is listed in the feature's `except`, with the reason.
 * Dialect-specific lineage stays in test/unit/lineage.test.ts and test/dialects/.
 */
import { pairs, rowPairs, sorted } from '../helpers/lineage.js';

const DIALECTS = [
  'ansi', 'mssql', 'oracle', 'postgres', 'mysql', 'hive', 'sparksql', 'bigquery', 'snowflake',
  'teradata', 'vertica', 'db2', 'duckdb', 'clickhouse', 'sqlite',
];

interface Feature {
  name: string;
  sql: string;
  pairs: string[];
  /** Row-filtering flows (fdr) expected instead of direct ones. */
  rows?: boolean;
  /** Dialects where the feature does not apply, with the reason. */
  except?: Record<string, string>;
}

const FEATURES: Feature[] = [
  {
    name: 'INSERT ... SELECT with table aliases, a join and a column list',
    sql: 'INSERT INTO tgt (a, b) SELECT x.c1, y.c2 FROM s1 x JOIN s2 y ON x.id = y.id;',
    pairs: ['s1.c1 -> tgt.a', 's2.c2 -> tgt.b'],
  },
  {
    name: 'qualified names (schema.table) and select aliases naming the target columns',
    sql: 'INSERT INTO dw.tgt SELECT s.c1 AS a, s.c2 FROM stage.s s;',
    pairs: ['stage.s.c1 -> dw.tgt.a', 'stage.s.c2 -> dw.tgt.c2'],
  },
  {
    name: 'functions, CASE and arithmetic are direct flow',
    sql: `INSERT INTO tgt (x, y)
      SELECT CASE WHEN s.flag = 1 THEN UPPER(s.name) ELSE s.code END, COALESCE(s.p, 0) * s.q FROM s;`,
    pairs: ['s.flag -> tgt.x', 's.name -> tgt.x', 's.code -> tgt.x', 's.p -> tgt.y', 's.q -> tgt.y'],
  },
  {
    name: 'UNION ALL branches feed the target by position',
    sql: 'INSERT INTO tgt (a, b) SELECT u.x, u.y FROM u UNION ALL SELECT v.p, v.q FROM v;',
    pairs: ['u.x -> tgt.a', 'u.y -> tgt.b', 'v.p -> tgt.a', 'v.q -> tgt.b'],
  },
  {
    name: 'CTEs and a derived table are folded away',
    sql: `INSERT INTO tgt (a)
      WITH c1 AS (SELECT s.v AS w FROM s), c2 AS (SELECT c1.w + 1 AS z FROM c1)
      SELECT q.z FROM (SELECT z FROM c2) q;`,
    pairs: ['s.v -> tgt.a'],
  },
  {
    name: 'a scalar subquery in the select list',
    sql: 'INSERT INTO tgt (a, b) SELECT s.k, (SELECT MAX(u.v) FROM u WHERE u.k = s.k) FROM s;',
    pairs: ['s.k -> tgt.a', 'u.v -> tgt.b'],
  },
  {
    name: 'CREATE TABLE AS SELECT',
    sql: 'CREATE TABLE tgt AS SELECT s.a, s.b AS c FROM s;',
    pairs: ['s.a -> tgt.a', 's.b -> tgt.c'],
  },
  {
    name: 'CREATE VIEW with a column list',
    sql: 'CREATE VIEW v (x, y) AS SELECT s.a, s.b FROM s;',
    pairs: ['s.a -> v.x', 's.b -> v.y'],
  },
  {
    name: 'a plain SELECT writes RS-1',
    sql: 'SELECT s.a AS x, s.b FROM s;',
    pairs: ['s.a -> RS-1.x', 's.b -> RS-1.b'],
  },
  {
    name: 'WHERE and JOIN ON columns filter the target rows (fdr)',
    sql: 'INSERT INTO tgt (a) SELECT x.a FROM x JOIN y ON x.id = y.id WHERE y.flag = 1;',
    pairs: ['x.id -> tgt.RelationRows', 'y.flag -> tgt.RelationRows', 'y.id -> tgt.RelationRows'],
    rows: true,
  },
];

const CASES = FEATURES.flatMap((f) => DIALECTS.filter((d) => !f.except?.[d]).map((d): [string, string, Feature] => [f.name, d, f]));

describe('lineage features × dialects', () => {
  it('covers every feature in every dialect but the listed exceptions', () => {
    expect(CASES.length).toBe(FEATURES.length * DIALECTS.length - FEATURES.reduce((n, f) => n + Object.keys(f.except ?? {}).length, 0));
  });

  it.each(CASES)('%s [%s]', (_name, vendor, f) => {
    const got = f.rows ? rowPairs(f.sql, { vendor }) : pairs(f.sql, { vendor });
    expect(got).toEqual(sorted(f.pairs));
  });
});
