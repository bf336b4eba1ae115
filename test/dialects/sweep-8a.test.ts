/**
 * Production-style SQL of Teradata, Informix, Athena, PostgreSQL, Spark / Databricks / Hive,
 * T-SQL and MySQL whose lineage was wrong or silently lost (session 8 sweep). Pairs are
 * `source -> target`: `a.pairs` fdd, `decided` fdr into columns, `rows` fdr into RelationRows.
 */
import { analyzeSql } from '../procedural/support.js';
import { decided, ok, rows } from '../helpers/accuracy.js';

describe('Teradata', () => {
  test('SELECT NORMALIZE [ON MEETS OR OVERLAPS] is a modifier like DISTINCT, not a column', () => {
    const a = ok(
      `INSERT INTO dw.acct_vp (acct_id, vp)
SELECT NORMALIZE ON MEETS OR OVERLAPS acct_id, valid_period FROM stg.acct_hist WHERE src_cd = 'CORE';
INSERT INTO dw.acct_vp2 (acct_id, vp)
SELECT NORMALIZE h.acct_id, h.valid_period FROM stg.acct_hist h;`,
      'dbvteradata',
    );
    expect(a.pairs).toEqual([
      'stg.acct_hist.acct_id -> dw.acct_vp.acct_id',
      'stg.acct_hist.acct_id -> dw.acct_vp2.acct_id',
      'stg.acct_hist.valid_period -> dw.acct_vp.vp',
      'stg.acct_hist.valid_period -> dw.acct_vp2.vp',
    ]);
    expect(rows(a)).toEqual(['stg.acct_hist.src_cd -> dw.acct_vp.RelationRows']);
  });

  test('a column named normalize is still a column', () => {
    const a = ok(`INSERT INTO dw.t SELECT normalize, x FROM stg.v;`, 'dbvteradata');
    expect(a.pairs).toEqual(['stg.v.normalize -> dw.t.normalize', 'stg.v.x -> dw.t.x']);
  });

  test('CREATE MACRO m AS (INSERT ..; DELETE ..;): the body statements are analyzed, EXEC calls it', () => {
    const a = ok(
      `CREATE MACRO etl.load_fact AS (
  INSERT INTO dw.sales_fact (sale_id, amount)
  SELECT s.sale_id, s.amount FROM stg.sales s WHERE s.amount > 0;
  DELETE FROM stg.sales;
);
REPLACE MACRO etl.load_dim (p_batch INTEGER) AS (
  INSERT INTO dw.cust_dim (cust_id, cust_nm) SELECT c.cust_id, c.cust_nm FROM stg.cust c WHERE c.batch_id = :p_batch
);
EXEC etl.load_fact;`,
      'dbvteradata',
    );
    expect(a.pairs).toEqual([
      'stg.cust.cust_id -> dw.cust_dim.cust_id',
      'stg.cust.cust_nm -> dw.cust_dim.cust_nm',
      'stg.sales.amount -> dw.sales_fact.amount',
      'stg.sales.sale_id -> dw.sales_fact.sale_id',
    ]);
    expect(rows(a)).toEqual(['stg.cust.batch_id -> dw.cust_dim.RelationRows', 'stg.sales.amount -> dw.sales_fact.RelationRows']);
  });

  test('RESET WHEN in a window: its condition decides the rows like the partitions', () => {
    const a = ok(
      `INSERT INTO dw.streak (acct_id, txn_dt, streak_no)
SELECT acct_id, txn_dt,
       ROW_NUMBER() OVER (PARTITION BY acct_id ORDER BY txn_dt RESET WHEN bal_amt < 0) AS streak_no
FROM stg.daily_bal;`,
      'dbvteradata',
    );
    expect(a.pairs).toEqual(['stg.daily_bal.acct_id -> dw.streak.acct_id', 'stg.daily_bal.txn_dt -> dw.streak.txn_dt']);
    expect(rows(a)).toEqual([
      'stg.daily_bal.acct_id -> dw.streak.RelationRows',
      'stg.daily_bal.bal_amt -> dw.streak.RelationRows',
      'stg.daily_bal.txn_dt -> dw.streak.RelationRows',
    ]);
  });

  test('EXPAND ON period AS p BY INTERVAL .. FOR ..: p comes from the period column', () => {
    const a = ok(
      `INSERT INTO dw.acct_daily (acct_id, cal_period)
SELECT acct_id, pd
FROM stg.acct_hist
WHERE status_cd = 'A'
EXPAND ON valid_period AS pd BY INTERVAL '1' DAY FOR PERIOD(DATE '2024-01-01', DATE '2024-02-01');`,
      'dbvteradata',
    );
    expect(a.pairs).toEqual(['stg.acct_hist.acct_id -> dw.acct_daily.acct_id', 'stg.acct_hist.valid_period -> dw.acct_daily.cal_period']);
    expect(rows(a)).toEqual(['stg.acct_hist.status_cd -> dw.acct_daily.RelationRows']);
  });

  test('bare DATE and TIME are the current date and time, not columns', () => {
    const a = ok(
      `INSERT INTO dw.month_end (acct_id, month_end_dt, load_tm)
SELECT acct_id, LAST_DAY(DATE), TIME FROM stg.acct WHERE open_dt > DATE - 30 AND "DATE" IS NOT NULL;`,
      'dbvteradata',
    );
    expect(a.pairs).toEqual(['stg.acct.acct_id -> dw.month_end.acct_id']);
    expect(rows(a)).toEqual(['stg.acct.DATE -> dw.month_end.RelationRows', 'stg.acct.open_dt -> dw.month_end.RelationRows']);
  });

  test('SAMPLE at the end of an INSERT .. SELECT (a number, a list, WHEN .. THEN .. END)', () => {
    const a = ok(
      `INSERT INTO dw.cust_sample SELECT * FROM stg.cust SAMPLE 100;
INSERT INTO dw.cust_sample2 (cust_id) SELECT cust_id FROM stg.cust WHERE active = 'Y' SAMPLE .25, .25;
INSERT INTO dw.cust_sample3 (cust_id) SELECT cust_id FROM stg.cust SAMPLE WITH REPLACEMENT WHEN region_cd = 'E' THEN 10 ELSE 5 END;`,
      'dbvteradata',
    );
    expect(a.pairs).toEqual([
      'stg.cust.* -> dw.cust_sample.*',
      'stg.cust.cust_id -> dw.cust_sample2.cust_id',
      'stg.cust.cust_id -> dw.cust_sample3.cust_id',
    ]);
    expect(rows(a)).toEqual(['stg.cust.active -> dw.cust_sample2.RelationRows', 'stg.cust.region_cd -> dw.cust_sample3.RelationRows']);
  });
});

describe('statements skipped without lineage', () => {
  test('Informix UNLOAD TO file [DELIMITER c] query: the query flows into the file', () => {
    const a = ok(
      `UNLOAD TO '/data/export/cust_ca.unl' DELIMITER '|'
SELECT customer_num, fname, lname FROM customer WHERE state = 'CA';
UNLOAD TO '/data/export/orders.unl' SELECT * FROM orders;`,
      'dbvinformix',
    );
    expect(a.pairs).toEqual([
      'customer.customer_num -> /data/export/cust_ca.unl.customer_num',
      'customer.fname -> /data/export/cust_ca.unl.fname',
      'customer.lname -> /data/export/cust_ca.unl.lname',
      'orders.* -> /data/export/orders.unl.*',
    ]);
    expect(rows(a)).toEqual(['customer.state -> /data/export/cust_ca.unl.RelationRows']);
  });

  test('Athena UNLOAD (query) TO s3 WITH (..): like COPY (query) TO', () => {
    const a = ok(
      `UNLOAD (SELECT o.order_id, o.amount FROM sales.orders o WHERE o.order_date >= DATE '2024-01-01')
TO 's3://acme-exports/orders/' WITH (format = 'PARQUET', compression = 'SNAPPY');`,
      'dbvathena',
    );
    expect(a.pairs).toEqual(['sales.orders.amount -> s3://acme-exports/orders/.amount', 'sales.orders.order_id -> s3://acme-exports/orders/.order_id']);
    expect(rows(a)).toEqual(['sales.orders.order_date -> s3://acme-exports/orders/.RelationRows']);
  });

  test('Vertica EXPORT TO PARQUET | DELIMITED (directory = ..) [OVER (..)] AS query: like COPY (query) TO', () => {
    const a = ok(
      `EXPORT TO PARQUET(directory = 's3://acme/exports/sales', compression = 'snappy') OVER (PARTITION BY region)
AS SELECT s.region, s.sale_id, s.amount FROM store.sales s WHERE s.sale_dt > '2024-01-01';
EXPORT TO DELIMITED(directory = '/data/out/cust', delimiter = '|') AS SELECT c.id, c.name FROM store.customers c;`,
      'dbvvertica',
    );
    expect(a.pairs).toEqual([
      'store.customers.id -> /data/out/cust.id',
      'store.customers.name -> /data/out/cust.name',
      'store.sales.amount -> s3://acme/exports/sales.amount',
      'store.sales.region -> s3://acme/exports/sales.region',
      'store.sales.sale_id -> s3://acme/exports/sales.sale_id',
    ]);
    expect(rows(a)).toEqual(['store.sales.sale_dt -> s3://acme/exports/sales.RelationRows']);
  });

  test.each(['dbvansi', 'dbvpostgresql', 'dbvsnowflake', 'dbvhive', 'dbvteradata'])('a CREATE the grammar does not know that holds a query warns where it is (%s)', (vendor) => {
    const a = analyzeSql(
      `INSERT INTO dw.a (x) SELECT x FROM stg.a;
CREATE SOMETHINGNEW dw.b AS
SELECT x, y FROM stg.b;`,
      vendor,
    );
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual(["2:1 statement 'CREATE SOMETHINGNEW dw.b AS' not analyzed: the query it holds has no lineage here"]);
    expect(a.pairs).toEqual(['stg.a.x -> dw.a.x']);
  });

  test('a no-lineage statement that holds an INSERT warns; GRANT, EXPLAIN and policies do not', () => {
    const a = analyzeSql(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON dw.a TO etl_role;
REVOKE SELECT ON dw.a FROM analyst;
EXPLAIN SELECT x FROM stg.a;
CREATE POLICY own_rows ON dw.a FOR SELECT USING (owner IN (SELECT u FROM dw.users));
CREATE INDEX a_x ON dw.a (x);
ALTER VIEW dw.v AS SELECT x FROM stg.a;
CREATE RULE r AS ON INSERT TO dw.a DO ALSO INSERT INTO dw.audit_a VALUES (NEW.x);`,
      'dbvpostgresql',
    );
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual([
      "6:1 statement 'ALTER VIEW dw.v AS SELECT x FROM stg.a' not analyzed: the query it holds has no lineage here",
      "7:1 statement 'CREATE RULE r AS ON INSERT TO dw.a DO ...' not analyzed: the query it holds has no lineage here",
    ]);
  });
});

describe('PostgreSQL ONLY (a table without its inheritance children)', () => {
  test.each(['dbvpostgresql', 'dbvgreenplum'])('FROM ONLY t, JOIN ONLY t, ONLY (t), UPDATE ONLY, DELETE FROM ONLY (%s)', (vendor) => {
    const a = ok(
      `INSERT INTO dw.measurement (city_id, logdate, peak)
SELECT m.city_id, m.logdate, m.peaktemp FROM ONLY raw.measurement m JOIN ONLY raw.city c ON c.city_id = m.city_id WHERE c.active;
INSERT INTO dw.measurement_all SELECT * FROM ONLY (raw.measurement);
UPDATE ONLY dw.measurement SET peak = f.peaktemp FROM raw.fixes f WHERE f.city_id = dw.measurement.city_id;
DELETE FROM ONLY dw.measurement WHERE logdate < (SELECT min(d) FROM raw.keep_from);`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'raw.fixes.peaktemp -> dw.measurement.peak',
      'raw.measurement.* -> dw.measurement_all.*',
      'raw.measurement.city_id -> dw.measurement.city_id',
      'raw.measurement.logdate -> dw.measurement.logdate',
      'raw.measurement.peaktemp -> dw.measurement.peak',
    ]);
    expect(rows(a)).toEqual([
      'dw.measurement.city_id -> dw.measurement.RelationRows',
      'dw.measurement.logdate -> dw.measurement.RelationRows',
      'raw.city.active -> dw.measurement.RelationRows',
      'raw.city.city_id -> dw.measurement.RelationRows',
      'raw.fixes.city_id -> dw.measurement.RelationRows',
      'raw.keep_from.d -> dw.measurement.RelationRows',
      'raw.measurement.city_id -> dw.measurement.RelationRows',
    ]);
  });

  test('a table named only (no name after it) is still a table', () => {
    const a = ok(`INSERT INTO dw.r (x) SELECT x FROM only;`, 'dbvmysql');
    expect(a.pairs).toEqual(['only.x -> dw.r.x']);
  });
});

describe('semi and anti joins: the filtering side gives no output columns', () => {
  const sql = (semi: string, anti: string) => `CREATE TABLE stg.orders (order_id INT, cust_id INT, amount DECIMAL(12,2));
CREATE TABLE stg.blocked (cust_id INT, reason STRING);
INSERT INTO dw.good_orders SELECT * FROM stg.orders o ${anti} stg.blocked b ON b.cust_id = o.cust_id WHERE o.amount > 0;
INSERT INTO dw.bad_orders SELECT * FROM stg.orders o ${semi} stg.blocked b ON b.cust_id = o.cust_id;`;
  const expected = (a: ReturnType<typeof ok>) => {
    expect(a.pairs).toEqual([
      'stg.orders.amount -> dw.bad_orders.amount',
      'stg.orders.amount -> dw.good_orders.amount',
      'stg.orders.cust_id -> dw.bad_orders.cust_id',
      'stg.orders.cust_id -> dw.good_orders.cust_id',
      'stg.orders.order_id -> dw.bad_orders.order_id',
      'stg.orders.order_id -> dw.good_orders.order_id',
    ]);
    expect(rows(a)).toEqual([
      'stg.blocked.cust_id -> dw.bad_orders.RelationRows',
      'stg.blocked.cust_id -> dw.good_orders.RelationRows',
      'stg.orders.amount -> dw.good_orders.RelationRows',
      'stg.orders.cust_id -> dw.bad_orders.RelationRows',
      'stg.orders.cust_id -> dw.good_orders.RelationRows',
    ]);
  };

  test.each(['dbvsparksql', 'dbvdatabricks', 'dbvhive', 'dbvimpala'])('LEFT SEMI JOIN / LEFT ANTI JOIN (%s)', (vendor) => {
    expected(ok(sql('LEFT SEMI JOIN', 'LEFT ANTI JOIN'), vendor));
  });

  test('DuckDB SEMI JOIN / ANTI JOIN', () => {
    expected(ok(sql('SEMI JOIN', 'ANTI JOIN').replace(/STRING/g, 'VARCHAR'), 'dbvduckdb'));
  });

  test('Impala RIGHT SEMI JOIN keeps the right side', () => {
    const a = ok(
      `CREATE TABLE stg.blocked (cust_id INT, reason STRING);
INSERT INTO dw.blocked_with_orders SELECT * FROM stg.orders o RIGHT SEMI JOIN stg.blocked b ON b.cust_id = o.cust_id;`,
      'dbvimpala',
    );
    expect(a.pairs).toEqual(['stg.blocked.cust_id -> dw.blocked_with_orders.cust_id', 'stg.blocked.reason -> dw.blocked_with_orders.reason']);
  });
});

describe('IDENTIFIER(..) names a table', () => {
  test.each(['dbvdatabricks', 'dbvsnowflake'])('a string argument is the table, in INSERT INTO and FROM (%s)', (vendor) => {
    const a = ok(
      `INSERT INTO IDENTIFIER('gold.daily_sales') SELECT s.sale_dt, SUM(s.amount) AS amount FROM IDENTIFIER('silver.sales') s GROUP BY s.sale_dt;
INSERT OVERWRITE IDENTIFIER('gold.customers') SELECT * FROM silver.customers;`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'silver.customers.* -> gold.customers.*',
      'silver.sales.amount -> gold.daily_sales.amount',
      'silver.sales.sale_dt -> gold.daily_sales.sale_dt',
    ]);
  });

  test.each(['dbvsnowflake', 'dbvdatabricks'])('as the table of CREATE TABLE .. AS, UPDATE, DELETE and MERGE (%s)', (vendor) => {
    const a = ok(
      `CREATE OR REPLACE TABLE IDENTIFIER('gold.cust') AS SELECT id, tier FROM silver.cust;
UPDATE IDENTIFIER('gold.cust') t SET tier = s.tier FROM silver.tier_fix s WHERE s.id = t.id;
DELETE FROM IDENTIFIER('gold.cust') WHERE id IN (SELECT id FROM silver.gone);
MERGE INTO IDENTIFIER('gold.cust_hist') h USING IDENTIFIER('silver.cust') s ON s.id = h.id
WHEN MATCHED THEN UPDATE SET tier = s.tier WHEN NOT MATCHED THEN INSERT (id, tier) VALUES (s.id, s.tier);`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'silver.cust.id -> gold.cust.id',
      'silver.cust.id -> gold.cust_hist.id',
      'silver.cust.tier -> gold.cust.tier',
      'silver.cust.tier -> gold.cust_hist.tier',
      'silver.tier_fix.tier -> gold.cust.tier',
    ]);
  });

  test('a variable argument is a table named at run time: a warning, not a table named IDENTIFIER', () => {
    const a = analyzeSql(
      `DECLARE VARIABLE tgt STRING DEFAULT 'gold.t';
INSERT INTO IDENTIFIER(tgt) SELECT id, v FROM silver.s;
INSERT INTO gold.t3 SELECT id FROM IDENTIFIER(:src_tbl);
INSERT INTO gold.t4 (k) SELECT k FROM silver.k;`,
      'dbvdatabricks',
    );
    expect(a.errors).toEqual([]);
    // `tgt` holds a string (DECLARE .. DEFAULT): IDENTIFIER(tgt) is that table (sweep-9d).
    expect(a.warnings).toEqual(['3:36 table named at run time by IDENTIFIER(:src_tbl): its lineage is not traced']);
    expect(a.pairs).toEqual(['silver.k.k -> gold.t4.k', 'silver.s.id -> gold.t.id', 'silver.s.v -> gold.t.v']);
  });

  test('a table named identifier with a column list is still that table', () => {
    const a = ok(`INSERT INTO identifier (a, b) SELECT a, b FROM raw.s;`, 'dbvdatabricks');
    expect(a.pairs).toEqual(['raw.s.a -> identifier.a', 'raw.s.b -> identifier.b']);
  });
});

describe('MySQL ON DUPLICATE KEY UPDATE after INSERT .. SELECT', () => {
  test.each(['dbvmysql', 'dbvmariadb'])('a column of the derived table (named by its column list) is not a target column (%s)', (vendor) => {
    const a = ok(
      `INSERT INTO rpt.daily_rev (d, revenue)
SELECT * FROM (SELECT o.order_date, SUM(o.amount) FROM shop.orders o WHERE o.status = 'paid' GROUP BY o.order_date) agg(d, r)
ON DUPLICATE KEY UPDATE revenue = r;
INSERT INTO rpt.hits (k, n) SELECT s.k, s.n FROM raw.hits s ON DUPLICATE KEY UPDATE n = n + VALUES(n), seen = seen + 1;`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'raw.hits.k -> rpt.hits.k',
      'raw.hits.n -> rpt.hits.n',
      'rpt.hits.n -> rpt.hits.n',
      'rpt.hits.seen -> rpt.hits.seen',
      'shop.orders.amount -> rpt.daily_rev.revenue',
      'shop.orders.order_date -> rpt.daily_rev.d',
    ]);
  });
});

describe('T-SQL IIF', () => {
  test('IIF(cond, a, b) gives the lineage of CASE WHEN cond THEN a ELSE b END (conditions fdd, as SPEC §2)', () => {
    const iif = ok(`INSERT INTO dw.acct (acct_id, bal) SELECT a.acct_id, IIF(a.bal_amt > 0, a.bal_amt, a.od_amt) FROM raw.acct a WHERE a.active = 1;`, 'dbvmssql');
    const cases = ok(`INSERT INTO dw.acct (acct_id, bal) SELECT a.acct_id, CASE WHEN a.bal_amt > 0 THEN a.bal_amt ELSE a.od_amt END FROM raw.acct a WHERE a.active = 1;`, 'dbvmssql');
    expect(iif.pairs).toEqual(['raw.acct.acct_id -> dw.acct.acct_id', 'raw.acct.bal_amt -> dw.acct.bal', 'raw.acct.od_amt -> dw.acct.bal']);
    expect(iif.pairs).toEqual(cases.pairs);
    expect(rows(iif)).toEqual(rows(cases));
  });
});

describe('a view over SELECT * of a table whose columns are unknown', () => {
  test('a later read of v.id is traced through the view\'s * to t.id', () => {
    const a = ok(
      `CREATE VIEW rpt.v_orders AS SELECT * FROM raw.orders;
INSERT INTO dw.order_ids (order_id, amount) SELECT v.order_id, v.amount FROM rpt.v_orders v WHERE v.status = 'paid';
CREATE VIEW rpt.v_joined AS SELECT o.*, c.segment FROM raw.orders o JOIN raw.customers c ON c.cust_id = o.cust_id;
INSERT INTO dw.seg_orders (order_id, segment) SELECT order_id, segment FROM rpt.v_joined;`,
      'dbvansi',
    );
    expect(a.pairs).toEqual([
      'raw.customers.segment -> rpt.v_joined.segment',
      'raw.orders.* -> rpt.v_joined.*',
      'raw.orders.* -> rpt.v_orders.*',
      'raw.orders.amount -> rpt.v_orders.amount',
      'raw.orders.order_id -> rpt.v_joined.order_id',
      'raw.orders.order_id -> rpt.v_orders.order_id',
      'raw.orders.status -> rpt.v_orders.status',
      'rpt.v_joined.order_id -> dw.seg_orders.order_id',
      'rpt.v_joined.segment -> dw.seg_orders.segment',
      'rpt.v_orders.amount -> dw.order_ids.amount',
      'rpt.v_orders.order_id -> dw.order_ids.order_id',
    ]);
  });

  test('through the * of the view\'s CTE and subquery; the view\'s own named columns are not looked for under the *', () => {
    const a = ok(
      `CREATE VIEW rpt.v_recent AS
WITH o AS (SELECT * FROM raw.orders WHERE order_dt >= DATE '2024-01-01')
SELECT * FROM (SELECT o.*, upper(o.region) AS region_uc FROM o) q;
INSERT INTO dw.recent (order_id, region_uc) SELECT order_id, region_uc FROM rpt.v_recent;`,
      'dbvansi',
    );
    expect(a.pairs).toEqual([
      'raw.orders.* -> rpt.v_recent.*',
      'raw.orders.order_id -> rpt.v_recent.order_id',
      'raw.orders.region -> rpt.v_recent.region_uc',
      'rpt.v_recent.order_id -> dw.recent.order_id',
      'rpt.v_recent.region_uc -> dw.recent.region_uc',
    ]);
  });
  test('a table created later under the view\'s name is traced through its own * (CTAS), not the old view\'s', () => {
    const a = analyzeSql(
      `CREATE VIEW rpt.v_x AS SELECT * FROM raw.x;
DROP VIEW rpt.v_x;
CREATE TABLE rpt.v_x AS SELECT * FROM raw.y;
INSERT INTO dw.x_ids (id) SELECT id FROM rpt.v_x;`,
      'dbvansi',
    );
    expect(a.errors).toEqual([]);
    expect(a.pairs).toEqual(['raw.x.* -> rpt.v_x.*', 'raw.y.* -> rpt.v_x.*', 'raw.y.id -> rpt.v_x.id', 'rpt.v_x.id -> dw.x_ids.id']);
  });
});

describe('Snowflake CREATE PIPE .. AS COPY INTO', () => {
  test('the pipe\'s COPY loads the table from the stage', () => {
    const a = ok(
      `CREATE OR REPLACE PIPE raw.orders_pipe AUTO_INGEST = TRUE COMMENT = 'orders feed' AS
COPY INTO raw.orders (id, amount) FROM (SELECT $1:id, $1:amount FROM @raw.landing/orders/) FILE_FORMAT = (TYPE = 'JSON');
INSERT INTO dw.orders (id, amount) SELECT id, amount FROM raw.orders;`,
      'dbvsnowflake',
    );
    expect(a.pairs).toEqual([
      '@raw.landing/orders/.$1 -> raw.orders.amount',
      '@raw.landing/orders/.$1 -> raw.orders.id',
      'raw.orders.amount -> dw.orders.amount',
      'raw.orders.id -> dw.orders.id',
    ]);
  });
});

describe('a CTAS over SELECT * of unknown columns', () => {
  test('a later read of t.c is traced through the * (not the columns * EXCEPT took out)', () => {
    const a = ok(
      `CREATE TABLE stage.orders_clean AS SELECT * EXCEPT (raw_payload) FROM raw.orders WHERE is_test = false;
INSERT INTO dw.orders (order_id, raw_payload) SELECT order_id, raw_payload FROM stage.orders_clean;`,
      'dbvbigquery',
    );
    expect(a.pairs).toEqual([
      'raw.orders.* -> stage.orders_clean.*',
      'raw.orders.order_id -> stage.orders_clean.order_id',
      'stage.orders_clean.order_id -> dw.orders.order_id',
      'stage.orders_clean.raw_payload -> dw.orders.raw_payload',
    ]);
  });
});

describe('Oracle LISTAGG .. ON OVERFLOW', () => {
  // Before: "syntax error near 'ON'" and the statement's lineage lost.
  test('ON OVERFLOW TRUNCATE / ERROR say how a long result is cut: the aggregated column still flows', () => {
    const a = ok(`INSERT INTO rpt.dept_names (deptno, names)
SELECT e.deptno, LISTAGG(e.ename, ', ' ON OVERFLOW TRUNCATE '...' WITH COUNT) WITHIN GROUP (ORDER BY e.hiredate)
FROM emp e GROUP BY e.deptno;
INSERT INTO rpt.jobs (jobs) SELECT LISTAGG(DISTINCT job, ';' ON OVERFLOW ERROR) WITHIN GROUP (ORDER BY job) FROM emp;`, 'dbvoracle');
    expect(a.pairs).toEqual(['emp.deptno -> rpt.dept_names.deptno', 'emp.ename -> rpt.dept_names.names', 'emp.job -> rpt.jobs.jobs']);
    expect(decided(a)).toContain('emp.hiredate -> rpt.dept_names.names');
  });
});
