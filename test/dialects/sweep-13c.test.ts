/**
 * Lineage gaps found in session 13 (sweep of MySQL/MariaDB, Db2, Teradata, Trino/Athena,
 * ClickHouse and SQLite with production-style SQL). Pairs are `source -> target` per relation type.
 */
import { decided, ok, rows } from '../helpers/accuracy.js';
import { edgePairs } from '../helpers/lineage.js';

describe('Db2 command-line scripts terminated by @ (db2 -td@)', () => {
  test('a SQL PL procedure ended by @ and the statements after it are each analyzed', () => {
    const a = ok(`--#SET TERMINATOR @
CREATE OR REPLACE PROCEDURE DWH.LOAD_CUSTOMER_DIM (IN P_AS_OF DATE)
LANGUAGE SQL
BEGIN
  MERGE INTO DWH.CUSTOMER_DIM T
  USING (SELECT CUST_ID, SEGMENT FROM STG.CUSTOMER WHERE LOAD_DATE = P_AS_OF) S
  ON T.CUST_ID = S.CUST_ID
  WHEN MATCHED THEN UPDATE SET T.SEGMENT = S.SEGMENT
  WHEN NOT MATCHED THEN INSERT (CUST_ID, SEGMENT) VALUES (S.CUST_ID, S.SEGMENT);
END
@
INSERT INTO MART.DAILY_REV (SALE_DATE, REV)
SELECT SALE_DATE, SUM(AMOUNT) FROM DWH.SALES WHERE SALE_DATE = CURRENT DATE - 1 DAY GROUP BY SALE_DATE@
SELECT CUST_ID, SEGMENT FROM DWH.CUSTOMER_DIM ORDER BY CUST_ID FETCH FIRST 10 ROWS ONLY
@
`, 'dbvdb2');
    expect(a.pairs).toEqual([
      'DWH.CUSTOMER_DIM.CUST_ID -> RS-1.CUST_ID',
      'DWH.CUSTOMER_DIM.SEGMENT -> RS-1.SEGMENT',
      'DWH.SALES.AMOUNT -> MART.DAILY_REV.REV',
      'DWH.SALES.SALE_DATE -> MART.DAILY_REV.SALE_DATE',
      'STG.CUSTOMER.CUST_ID -> DWH.CUSTOMER_DIM.CUST_ID',
      'STG.CUSTOMER.SEGMENT -> DWH.CUSTOMER_DIM.SEGMENT',
    ]);
    expect(rows(a)).toEqual([
      'DWH.CUSTOMER_DIM.CUST_ID -> DWH.CUSTOMER_DIM.RelationRows',
      'DWH.SALES.SALE_DATE -> MART.DAILY_REV.RelationRows',
      'STG.CUSTOMER.CUST_ID -> DWH.CUSTOMER_DIM.RelationRows',
      'STG.CUSTOMER.LOAD_DATE -> DWH.CUSTOMER_DIM.RelationRows',
    ]);
  });
});

describe('Teradata FOR cursor loops: the loop record read as :cur.column', () => {
  test('INS .. VALUES (:cur.col, ..) inside FOR .. AS .. CURSOR FOR .. DO reads the cursor query, as cur.col does', () => {
    const a = ok(`REPLACE PROCEDURE edw.sp_overdraft_alerts (IN p_run_dt DATE)
BEGIN
  FOR cur AS c1 CURSOR FOR
    SEL b.acct_id, b.net_amt FROM edw.acct_daily_bal b WHERE b.bal_dt = :p_run_dt AND b.net_amt < 0
  DO
    INS INTO edw.overdraft_alert (acct_id, amt, run_dt) VALUES (:cur.acct_id, :cur.net_amt, :p_run_dt);
  END FOR;
END;`, 'dbvteradata');
    expect(a.pairs).toEqual([
      'edw.acct_daily_bal.acct_id -> RS-1.acct_id',
      'edw.acct_daily_bal.acct_id -> edw.overdraft_alert.acct_id',
      'edw.acct_daily_bal.net_amt -> RS-1.net_amt',
      'edw.acct_daily_bal.net_amt -> edw.overdraft_alert.amt',
    ]);
  });
});

describe('UNNEST of several arrays side by side (Trino / Athena, PostgreSQL)', () => {
  test('each alias column is the element of its own array; the ordinality is decided by all of them', () => {
    for (const vendor of ['dbvpresto', 'dbvathena']) {
      const a = ok(`INSERT INTO lake.order_lines (order_id, sku, qty, line_no)
SELECT o.order_id, x.sku, x.qty, x.n
FROM raw.orders o
CROSS JOIN UNNEST(o.skus, o.quantities) WITH ORDINALITY AS x(sku, qty, n)
WHERE o.dt = '2024-06-01';`, vendor);
      expect(a.pairs).toEqual([
        'raw.orders.order_id -> lake.order_lines.order_id',
        'raw.orders.quantities -> lake.order_lines.qty',
        'raw.orders.skus -> lake.order_lines.sku',
      ]);
      expect(decided(a)).toEqual([
        'raw.orders.quantities -> lake.order_lines.line_no',
        'raw.orders.skus -> lake.order_lines.line_no',
      ]);
    }
    const pg = ok(`SELECT p.product_id, t.tag, t.weight
FROM catalog.products p, unnest(p.tags, p.tag_weights) AS t(tag, weight);`, 'dbvpostgresql');
    expect(pg.pairs).toEqual([
      'catalog.products.product_id -> RS-1.product_id',
      'catalog.products.tag_weights -> RS-1.weight',
      'catalog.products.tags -> RS-1.tag',
    ]);
  });
});

describe('ClickHouse dictionary lookups', () => {
  test('dictGet* reads the named attribute(s) of the dictionary, a table; the key is read too', () => {
    const a = ok(`CREATE DICTIONARY dicts.fx_rates
(
    currency_id UInt64,
    rate Float64 DEFAULT 1
)
PRIMARY KEY currency_id
SOURCE(CLICKHOUSE(TABLE 'fx_rates_src' DB 'ref'))
LIFETIME(MIN 300 MAX 600)
LAYOUT(HASHED());
INSERT INTO analytics.order_facts (order_id, amount_usd, location, region)
SELECT o.order_id,
       o.amount * dictGetFloat64('dicts.fx_rates', 'rate', toUInt64(o.currency_id)) AS amount_usd,
       dictGet('dicts.geo', ('city', 'region'), o.ip_num) AS location,
       dictGetOrDefault('dicts.geo', 'region', o.ip_num, 'unknown')
FROM raw.orders AS o
WHERE dictGetString('dicts.shops', 'status', o.shop_id) = 'active';`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'dicts.fx_rates.rate -> analytics.order_facts.amount_usd',
      'dicts.geo.city -> analytics.order_facts.location',
      'dicts.geo.region -> analytics.order_facts.location',
      'dicts.geo.region -> analytics.order_facts.region',
      'raw.orders.amount -> analytics.order_facts.amount_usd',
      'raw.orders.currency_id -> analytics.order_facts.amount_usd',
      'raw.orders.ip_num -> analytics.order_facts.location',
      'raw.orders.ip_num -> analytics.order_facts.region',
      'raw.orders.order_id -> analytics.order_facts.order_id',
      // The dictionary is loaded from its SOURCE table, column by column (sweep-13d).
      'ref.fx_rates_src.currency_id -> dicts.fx_rates.currency_id',
      'ref.fx_rates_src.rate -> dicts.fx_rates.rate',
    ]);
    expect(rows(a)).toEqual([
      'dicts.shops.status -> analytics.order_facts.RelationRows',
      'raw.orders.shop_id -> analytics.order_facts.RelationRows',
    ]);
    expect(a.procs.map((p) => `${p.writes.join(',')} <- ${p.reads.join(',')}`)).toEqual([
      'dicts.fx_rates <- ref.fx_rates_src',
      'analytics.order_facts <- raw.orders,dicts.fx_rates,dicts.geo,dicts.shops',
    ]);
  });
});

describe('ON CONFLICT .. DO UPDATE SET .. WHERE (SQLite, PostgreSQL)', () => {
  test('the condition decides which conflicting rows are updated: its columns (the proposed row and the existing one) feed the target rows', () => {
    for (const vendor of ['dbvsqlite', 'dbvpostgresql']) {
      const a = ok(`INSERT INTO daily_totals (day, store_id, total)
SELECT date(created_at), store_id, amount FROM orders WHERE status = 'paid'
ON CONFLICT (day, store_id) DO UPDATE SET total = excluded.total
WHERE excluded.total > daily_totals.total AND daily_totals.locked = 0;`, vendor);
      expect(a.pairs).toEqual([
        'orders.amount -> daily_totals.total',
        'orders.created_at -> daily_totals.day',
        'orders.store_id -> daily_totals.store_id',
      ]);
      expect(rows(a)).toEqual([
        'daily_totals.locked -> daily_totals.RelationRows',
        'daily_totals.total -> daily_totals.RelationRows',
        'orders.amount -> daily_totals.RelationRows',
        'orders.status -> daily_totals.RelationRows',
      ]);
      expect(edgePairs(a.graph, { type: 'fdr', effect: true }).filter((p) => p.endsWith('.RelationRows [update]'))).toEqual([
        'daily_totals.locked -> daily_totals.RelationRows [update]',
        'daily_totals.total -> daily_totals.RelationRows [update]',
        'orders.amount -> daily_totals.RelationRows [update]',
      ]);
    }
  });
});

describe('Teradata cumulative and moving functions', () => {
  test('CSUM / MAVG / MSUM: the value argument flows, the sort arguments decide the rows as a window ORDER BY does', () => {
    const a = ok(`INS INTO mart.store_running (store_id, sale_dt, amt, running_amt, avg7, sum3)
SEL store_id, sale_dt, amt,
    CSUM(amt, sale_dt),
    MAVG(amt, 7, store_id, sale_dt),
    MSUM(amt, 3, sale_dt)
FROM edw.daily_store_sales
WHERE sale_dt >= DATE '2024-01-01';`, 'dbvteradata');
    expect(a.pairs).toEqual([
      'edw.daily_store_sales.amt -> mart.store_running.amt',
      'edw.daily_store_sales.amt -> mart.store_running.avg7',
      'edw.daily_store_sales.amt -> mart.store_running.running_amt',
      'edw.daily_store_sales.amt -> mart.store_running.sum3',
      'edw.daily_store_sales.sale_dt -> mart.store_running.sale_dt',
      'edw.daily_store_sales.store_id -> mart.store_running.store_id',
    ]);
    expect(decided(a)).toEqual([]);
    expect(rows(a)).toEqual([
      'edw.daily_store_sales.sale_dt -> mart.store_running.RelationRows',
      'edw.daily_store_sales.store_id -> mart.store_running.RelationRows',
    ]);
  });
});

describe('Teradata atomic upsert UPDATE .. ELSE INSERT', () => {
  test('the UPDATE and the INSERT are each analyzed, at top level and inside a procedure (was a syntax error losing the procedure)', () => {
    const a = ok(`UPDATE edw.cust_profile
SET seg = 'NA', score = score + 1
WHERE cust_id = 42
ELSE INSERT INTO edw.cust_profile (cust_id, seg, score) VALUES (42, 'NA', 1);
REPLACE PROCEDURE edw.refresh_profile (IN p_cust_id INTEGER)
BEGIN
  UPD edw.cust_profile SET hits = hits + 1 WHERE cust_id = :p_cust_id
  ELSE INS edw.cust_profile (cust_id, hits) VALUES (:p_cust_id, 1);
  INSERT INTO edw.profile_audit (cust_id, seg) SEL cust_id, seg FROM edw.cust_profile WHERE cust_id = :p_cust_id;
END;`, 'dbvteradata');
    expect(a.pairs).toEqual([
      'edw.cust_profile.cust_id -> edw.profile_audit.cust_id',
      'edw.cust_profile.hits -> edw.cust_profile.hits',
      'edw.cust_profile.score -> edw.cust_profile.score',
      'edw.cust_profile.seg -> edw.profile_audit.seg',
    ]);
    expect(edgePairs(a.graph, { type: 'fdr', effect: true })).toEqual([
      'edw.cust_profile.cust_id -> edw.cust_profile.RelationRows [update]',
      'edw.cust_profile.cust_id -> edw.profile_audit.RelationRows [insert]',
    ]);
    expect(a.procs.map((p) => `${p.writes.join(',')} <- ${p.reads.join(',')}`)).toEqual([
      'edw.cust_profile <- edw.cust_profile',
      'edw.cust_profile <- ',
      'edw.cust_profile <- edw.cust_profile',
      'edw.cust_profile <- ',
      'edw.profile_audit <- edw.cust_profile',
    ]);
  });
});

describe('NEXT VALUE FOR seq (SQL Server, Db2, MariaDB; Db2 NEXTVAL FOR, PREVIOUS VALUE FOR)', () => {
  test('a sequence number is a value without column sources; the columns beside it keep their lineage (was a syntax error that lost the statement)', () => {
    const sql = `CREATE TABLE sales.orders (id INT, customer_id INT, amount DECIMAL(10,2), created_at DATETIME2);
CREATE TABLE sales.invoices (invoice_no BIGINT, order_id INT, amount DECIMAL(10,2), issued_at DATETIME2);
INSERT INTO sales.invoices (invoice_no, order_id, amount, issued_at)
SELECT NEXT VALUE FOR sales.invoice_seq OVER (ORDER BY o.created_at), o.id, o.amount, SYSDATETIME()
FROM sales.orders o WHERE o.amount > 0;
DECLARE @n BIGINT = NEXT VALUE FOR sales.invoice_seq;
INSERT INTO sales.invoices (invoice_no, order_id) VALUES (NEXT VALUE FOR sales.invoice_seq, 42);
UPDATE sales.invoices SET invoice_no = NEXT VALUE FOR sales.invoice_seq WHERE invoice_no IS NULL;`;
    for (const vendor of ['dbvmssql', 'dbvazuresql']) {
      const a = ok(sql, vendor);
      expect(a.pairs).toEqual([
        'sales.orders.amount -> sales.invoices.amount',
        'sales.orders.id -> sales.invoices.order_id',
      ]);
      // OVER (ORDER BY created_at) decides which row gets which number.
      expect(rows(a)).toEqual([
        'sales.invoices.invoice_no -> sales.invoices.RelationRows',
        'sales.orders.amount -> sales.invoices.RelationRows',
        'sales.orders.created_at -> sales.invoices.RelationRows',
      ]);
    }
  });

  test('Db2 and MariaDB forms in an INSERT .. SELECT and a VALUES list', () => {
    const sql = `CREATE TABLE stage.cust (cust_no INT, name VARCHAR(80), city VARCHAR(40));
CREATE TABLE dw.dim_customer (cust_key BIGINT, cust_no INT, name VARCHAR(80), city VARCHAR(40), prev_key BIGINT);
INSERT INTO dw.dim_customer (cust_key, cust_no, name, city, prev_key)
SELECT NEXTVAL FOR dw.cust_seq, c.cust_no, UPPER(c.name), c.city, PREVIOUS VALUE FOR dw.cust_seq FROM stage.cust c;
INSERT INTO dw.dim_customer (cust_key, cust_no) VALUES (NEXT VALUE FOR dw.cust_seq, 0);`;
    for (const vendor of ['dbvdb2', 'dbvmariadb']) {
      expect(ok(sql, vendor).pairs).toEqual([
        'stage.cust.city -> dw.dim_customer.city',
        'stage.cust.cust_no -> dw.dim_customer.cust_no',
        'stage.cust.name -> dw.dim_customer.name',
      ]);
    }
  });
});
