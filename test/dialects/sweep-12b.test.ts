/**
 * Lineage gaps found in session 12 (sweep of the less-tested dialects: Redshift, Teradata, Db2,
 * Netezza, HANA, Sybase, Informix, Impala, Presto, Greenplum, Snowflake, MySQL, ClickHouse).
 * Pairs are `source -> target` per relation type.
 */
import { decided, ok, rows } from '../helpers/accuracy.js';
import { edgePairs } from '../helpers/lineage.js';

describe('USING joins between a table and a derived table or CTE', () => {
  test('the join column of both sides decides the rows, and an unqualified reference reads both (Redshift CTE, ClickHouse subquery)', () => {
    const a = ok(`WITH last_orders AS (
  SELECT customer_id, MAX(order_ts) AS last_order_ts FROM analytics.orders GROUP BY customer_id
)
INSERT INTO analytics.customer_recency (customer_id, email, last_order_ts)
SELECT customer_id, c.email, lo.last_order_ts
FROM analytics.customers c
JOIN last_orders lo USING (customer_id)
LEFT JOIN analytics.unsubscribed u ON u.email = c.email
WHERE u.email IS NULL;`, 'dbvredshift');
    expect(a.pairs).toEqual([
      'analytics.customers.customer_id -> analytics.customer_recency.customer_id',
      'analytics.customers.email -> analytics.customer_recency.email',
      'analytics.orders.customer_id -> analytics.customer_recency.customer_id',
      'analytics.orders.order_ts -> analytics.customer_recency.last_order_ts',
    ]);
    expect(rows(a)).toEqual([
      'analytics.customers.customer_id -> analytics.customer_recency.RelationRows',
      'analytics.customers.email -> analytics.customer_recency.RelationRows',
      'analytics.orders.customer_id -> analytics.customer_recency.RelationRows',
      'analytics.unsubscribed.email -> analytics.customer_recency.RelationRows',
    ]);

    const ch = ok(`SELECT u.user_id, u.country, e.events
FROM analytics.users u
ANY LEFT JOIN (SELECT user_id, count() AS events FROM analytics.events_local GROUP BY user_id) e USING (user_id);`, 'dbvclickhouse');
    expect(rows(ch)).toEqual([
      'analytics.events_local.user_id -> RS-1.RelationRows',
      'analytics.users.user_id -> RS-1.RelationRows',
    ]);
    expect(decided(ch)).toEqual([]);
  });
});

describe('Hive-style PARTITIONED BY (col type): the partition columns are columns of the table', () => {
  const CLICKS = `CREATE EXTERNAL TABLE IF NOT EXISTS raw.clicks (user_id STRING, url STRING, ts BIGINT)
PARTITIONED BY (dt STRING COMMENT 'load date', hr INT)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://bucket/clicks/'
TBLPROPERTIES ('projection.enabled' = 'true');
`;

  test('Athena / Impala: a filter on a partition column, a CTAS reading them, SELECT * listing them last', () => {
    for (const vendor of ['dbvathena', 'dbvimpala', 'dbvhive']) {
      const a = ok(`${CLICKS}CREATE TABLE mart.click_counts AS
SELECT dt, hr, COUNT(*) AS clicks FROM raw.clicks WHERE dt >= '2024-01-01' GROUP BY dt, hr;
SELECT * FROM raw.clicks;`, vendor);
      expect(a.pairs).toEqual([
        'raw.clicks.dt -> RS-1.dt',
        'raw.clicks.dt -> mart.click_counts.dt',
        'raw.clicks.hr -> RS-1.hr',
        'raw.clicks.hr -> mart.click_counts.hr',
        'raw.clicks.ts -> RS-1.ts',
        'raw.clicks.url -> RS-1.url',
        'raw.clicks.user_id -> RS-1.user_id',
      ]);
      expect(rows(a)).toEqual([
        'raw.clicks.dt -> mart.click_counts.RelationRows',
        'raw.clicks.hr -> mart.click_counts.RelationRows',
      ]);
    }
  });

  test('INSERT OVERWRITE .. PARTITION: a dynamic partition takes the last select item, a static one none', () => {
    const a = ok(`${CLICKS}INSERT OVERWRITE TABLE raw.clicks PARTITION (dt, hr)
SELECT user_id, url, ts, to_date(from_unixtime(ts)), hour(from_unixtime(ts)) FROM stage.clicks_raw;
INSERT INTO raw.clicks PARTITION (dt = '2024-01-01', hr)
SELECT user_id, page_url, event_ts, event_hour FROM stage.clicks_day;
INSERT OVERWRITE TABLE raw.clicks PARTITION (dt = '2024-01-01', hr = 3)
SELECT user_id, page_url, event_ts FROM stage.clicks_hour;`, 'dbvimpala');
    expect(a.pairs).toEqual([
      'stage.clicks_day.event_hour -> raw.clicks.hr',
      'stage.clicks_day.event_ts -> raw.clicks.ts',
      'stage.clicks_day.page_url -> raw.clicks.url',
      'stage.clicks_day.user_id -> raw.clicks.user_id',
      'stage.clicks_hour.event_ts -> raw.clicks.ts',
      'stage.clicks_hour.page_url -> raw.clicks.url',
      'stage.clicks_hour.user_id -> raw.clicks.user_id',
      'stage.clicks_raw.ts -> raw.clicks.dt',
      'stage.clicks_raw.ts -> raw.clicks.hr',
      'stage.clicks_raw.ts -> raw.clicks.ts',
      'stage.clicks_raw.url -> raw.clicks.url',
      'stage.clicks_raw.user_id -> raw.clicks.user_id',
    ]);
  });

  test('names alone and Iceberg transforms in PARTITIONED BY name declared columns: no column added', () => {
    const a = ok(`CREATE TABLE ice.events (id BIGINT, ts TIMESTAMP, region STRING)
PARTITIONED BY (day(ts), region)
LOCATION 's3://bucket/ice/events/'
TBLPROPERTIES ('table_type' = 'ICEBERG');
CREATE TABLE lake.orders (order_id BIGINT, region STRING) USING delta PARTITIONED BY (region);
SELECT * FROM ice.events;
SELECT * FROM lake.orders;`, 'dbvathena');
    expect(a.pairs).toEqual([
      'ice.events.id -> RS-1.id',
      'ice.events.region -> RS-1.region',
      'ice.events.ts -> RS-1.ts',
      'lake.orders.order_id -> RS-2.order_id',
      'lake.orders.region -> RS-2.region',
    ]);
  });
});

describe('Informix current values and datetime qualifiers', () => {
  test('TODAY and CURRENT are the current date and time, not columns; YEAR TO SECOND, EXTEND(.., YEAR TO DAY), n UNITS DAY parse', () => {
    const a = ok(`CREATE TEMP TABLE tmp_late (order_id INTEGER, cust_id INTEGER, due_ts DATETIME YEAR TO SECOND, checked_ts DATETIME YEAR TO FRACTION(3)) WITH NO LOG;
INSERT INTO tmp_late (order_id, cust_id, due_ts, checked_ts)
SELECT o.order_id, o.cust_id, EXTEND(o.ship_date, YEAR TO SECOND) + 2 UNITS DAY, CURRENT YEAR TO FRACTION(3)
FROM orders o
WHERE o.ship_date < TODAY - 30 AND o.upd_ts < CURRENT AND o.status <> 'C';
SELECT FIRST 10 c.cust_id, c.lname, t.due_ts, TODAY AS run_date
FROM customer c, tmp_late t
WHERE c.cust_id = t.cust_id AND t.due_ts < CURRENT YEAR TO SECOND
INTO TEMP tmp_report WITH NO LOG;`, 'dbvinformix');
    expect(a.pairs).toEqual([
      'customer.cust_id -> tmp_report.cust_id',
      'customer.lname -> tmp_report.lname',
      'orders.cust_id -> tmp_late.cust_id',
      'orders.order_id -> tmp_late.order_id',
      'orders.ship_date -> tmp_late.due_ts',
      'tmp_late.due_ts -> tmp_report.due_ts',
    ]);
    expect(rows(a)).toEqual([
      'customer.cust_id -> tmp_report.RelationRows',
      'orders.ship_date -> tmp_late.RelationRows',
      'orders.status -> tmp_late.RelationRows',
      'orders.upd_ts -> tmp_late.RelationRows',
      'tmp_late.cust_id -> tmp_report.RelationRows',
      'tmp_late.due_ts -> tmp_report.RelationRows',
    ]);
  });
});

describe('Impala join hints in brackets', () => {
  test('JOIN [SHUFFLE] / [BROADCAST] t: the hint is how the join runs, the join reads t', () => {
    const a = ok(`CREATE VIEW dw.v_item_sales AS
SELECT i.item_id, i.item_name, s.amt, c.region
FROM dw.items i
LEFT OUTER JOIN [SHUFFLE] dw.web_sales s ON i.item_id = s.item_id
JOIN [BROADCAST] dw.customers c ON c.customer_id = s.customer_id
WHERE s.sale_date >= '2024-01-01';`, 'dbvimpala');
    expect(a.pairs).toEqual([
      'dw.customers.region -> dw.v_item_sales.region',
      'dw.items.item_id -> dw.v_item_sales.item_id',
      'dw.items.item_name -> dw.v_item_sales.item_name',
      'dw.web_sales.amt -> dw.v_item_sales.amt',
    ]);
    expect(rows(a)).toEqual([
      'dw.customers.customer_id -> dw.v_item_sales.RelationRows',
      'dw.items.item_id -> dw.v_item_sales.RelationRows',
      'dw.web_sales.customer_id -> dw.v_item_sales.RelationRows',
      'dw.web_sales.item_id -> dw.v_item_sales.RelationRows',
      'dw.web_sales.sale_date -> dw.v_item_sales.RelationRows',
    ]);
  });
});

describe('Netezza transient external table written by a query', () => {
  test("CREATE EXTERNAL TABLE '/export/f.csv' USING (..) AS SELECT: the file, named by its path, gets the query's columns", () => {
    const a = ok(`CREATE TEMP TABLE tmp_store_rev AS
SELECT store_id, SUM(qty * price) AS revenue FROM dw.sales WHERE sale_dt >= CURRENT_DATE - 7 GROUP BY store_id
DISTRIBUTE ON (store_id);
CREATE EXTERNAL TABLE '/export/store_rev.csv'
USING (DELIMITER ',' REMOTESOURCE 'ODBC' INCLUDEHEADER)
AS SELECT s.store_id, st.store_name, s.revenue FROM tmp_store_rev s JOIN dw.store st ON st.store_id = s.store_id;`, 'dbvnetezza');
    expect(a.pairs).toEqual([
      'dw.sales.price -> tmp_store_rev.revenue',
      'dw.sales.qty -> tmp_store_rev.revenue',
      'dw.sales.store_id -> tmp_store_rev.store_id',
      'dw.store.store_name -> /export/store_rev.csv.store_name',
      'tmp_store_rev.revenue -> /export/store_rev.csv.revenue',
      'tmp_store_rev.store_id -> /export/store_rev.csv.store_id',
    ]);
    expect(decided(a)).toEqual([]);
    expect(rows(a)).toEqual([
      'dw.sales.sale_dt -> tmp_store_rev.RelationRows',
      'dw.sales.store_id -> tmp_store_rev.RelationRows',
      'dw.store.store_id -> /export/store_rev.csv.RelationRows',
      'tmp_store_rev.store_id -> /export/store_rev.csv.RelationRows',
    ]);
  });
});

describe('Snowflake ALTER TABLE a SWAP WITH b', () => {
  test('the tables exchange names: b\'s rows become a\'s, and each has the other one\'s columns afterwards (no rename recorded)', () => {
    const a = ok(`CREATE TABLE dw.orders (order_id NUMBER, amount NUMBER(12,2));
CREATE OR REPLACE TABLE dw.orders_new AS
SELECT order_id, amount, status FROM stg.orders WHERE order_id IS NOT NULL;
ALTER TABLE dw.orders SWAP WITH dw.orders_new;
INSERT INTO mart.order_report SELECT * FROM dw.orders;
INSERT INTO mart.order_report_prev SELECT * FROM dw.orders_new;`, 'dbvsnowflake');
    expect(edgePairs(a.graph, { rows: true, sourceRows: true }).filter((p) => p.startsWith('dw.'))).toEqual([
      'dw.orders.amount -> mart.order_report.amount',
      'dw.orders.order_id -> mart.order_report.order_id',
      'dw.orders.status -> mart.order_report.status',
      'dw.orders_new.RelationRows -> dw.orders.RelationRows',
      'dw.orders_new.amount -> mart.order_report_prev.amount',
      'dw.orders_new.order_id -> mart.order_report_prev.order_id',
    ]);
    expect(a.pairs).toEqual([
      'dw.orders.amount -> mart.order_report.amount',
      'dw.orders.order_id -> mart.order_report.order_id',
      'dw.orders.status -> mart.order_report.status',
      'dw.orders_new.amount -> mart.order_report_prev.amount',
      'dw.orders_new.order_id -> mart.order_report_prev.order_id',
      'stg.orders.amount -> dw.orders_new.amount',
      'stg.orders.order_id -> dw.orders_new.order_id',
      'stg.orders.status -> dw.orders_new.status',
    ]);
    expect(a.notes).toEqual([]);
  });
});

describe('conditional multi-table INSERT: the ELSE branch and INSERT FIRST', () => {
  test('Snowflake INSERT ALL .. ELSE: the rows of the ELSE target are decided by every WHEN', () => {
    const a = ok(`INSERT ALL
  WHEN amount >= 1000 THEN INTO dw.big_orders (order_id, amount) VALUES (order_id, amount)
  WHEN is_gift THEN INTO dw.gift_orders (order_id, customer_id) VALUES (order_id, customer_id)
  ELSE INTO dw.other_orders (order_id, amount) VALUES (order_id, amount)
SELECT order_id, customer_id, amount, is_gift FROM stg.orders WHERE load_dt = CURRENT_DATE;`, 'dbvsnowflake');
    expect(rows(a)).toEqual([
      'stg.orders.amount -> dw.big_orders.RelationRows',
      'stg.orders.amount -> dw.other_orders.RelationRows',
      'stg.orders.is_gift -> dw.gift_orders.RelationRows',
      'stg.orders.is_gift -> dw.other_orders.RelationRows',
      'stg.orders.load_dt -> dw.big_orders.RelationRows',
      'stg.orders.load_dt -> dw.gift_orders.RelationRows',
      'stg.orders.load_dt -> dw.other_orders.RelationRows',
    ]);
  });

  test('Oracle INSERT FIRST: a branch is decided by its WHEN and by those before it', () => {
    const a = ok(`INSERT FIRST
  WHEN region = 'EU' THEN INTO dw.eu_sales (sale_id, amount) VALUES (sale_id, amount)
  WHEN channel = 'WEB' THEN INTO dw.web_sales (sale_id, amount) VALUES (sale_id, amount)
  ELSE INTO dw.other_sales (sale_id, amount) VALUES (sale_id, amount)
SELECT sale_id, amount, region, channel FROM stg.sales`, 'dbvoracle');
    expect(a.pairs).toEqual([
      'stg.sales.amount -> dw.eu_sales.amount',
      'stg.sales.amount -> dw.other_sales.amount',
      'stg.sales.amount -> dw.web_sales.amount',
      'stg.sales.sale_id -> dw.eu_sales.sale_id',
      'stg.sales.sale_id -> dw.other_sales.sale_id',
      'stg.sales.sale_id -> dw.web_sales.sale_id',
    ]);
    expect(rows(a)).toEqual([
      'stg.sales.channel -> dw.other_sales.RelationRows',
      'stg.sales.channel -> dw.web_sales.RelationRows',
      'stg.sales.region -> dw.eu_sales.RelationRows',
      'stg.sales.region -> dw.other_sales.RelationRows',
      'stg.sales.region -> dw.web_sales.RelationRows',
    ]);
  });
});

describe('SAP HANA WITH HINT (..)', () => {
  test('a hint at the end of a query, INSERT .. SELECT or UPDATE is how it runs; a CTE named hint is still a CTE', () => {
    const a = ok(`INSERT INTO "SALES"."DAILY_AMT" ("CUST_ID", "AMOUNT")
SELECT cust_id, SUM(amount) FROM sales.orders WHERE order_date = ADD_DAYS(CURRENT_DATE, -1) GROUP BY cust_id
WITH HINT (USE_OLAP_PLAN, NO_CS_JOIN);
UPDATE sales.customers SET segment = 'VIP' WHERE lifetime_value > 10000 WITH HINT (NO_CS_JOIN);
WITH hint AS (SELECT cust_id, region FROM sales.customers) SELECT region, COUNT(*) AS n FROM hint GROUP BY region;`, 'dbvhana');
    expect(a.pairs).toEqual([
      'sales.customers.region -> RS-1.region',
      'sales.orders.amount -> SALES.DAILY_AMT.AMOUNT',
      'sales.orders.cust_id -> SALES.DAILY_AMT.CUST_ID',
    ]);
    expect(rows(a)).toEqual([
      'sales.customers.lifetime_value -> sales.customers.RelationRows',
      'sales.customers.region -> RS-1.RelationRows',
      'sales.orders.cust_id -> SALES.DAILY_AMT.RelationRows',
      'sales.orders.order_date -> SALES.DAILY_AMT.RelationRows',
    ]);
  });
});

describe('Sybase ASE outer joins written *= and =*', () => {
  test('a.x *= b.x and a.x =* b.x are join conditions: both sides decide the rows', () => {
    const a = ok(`insert into trading..acct_report (acct_id, owner_name, branch_name)
select a.acct_id, o.name, br.name
from trading..accounts a, trading..owners o, trading..branches br
where a.owner_id *= o.owner_id
  and br.branch_id =* a.branch_id
  and a.status = 'O'
go`, 'dbvsybase');
    expect(a.pairs).toEqual([
      'trading.accounts.acct_id -> trading.acct_report.acct_id',
      'trading.branches.name -> trading.acct_report.branch_name',
      'trading.owners.name -> trading.acct_report.owner_name',
    ]);
    expect(rows(a)).toEqual([
      'trading.accounts.branch_id -> trading.acct_report.RelationRows',
      'trading.accounts.owner_id -> trading.acct_report.RelationRows',
      'trading.accounts.status -> trading.acct_report.RelationRows',
      'trading.branches.branch_id -> trading.acct_report.RelationRows',
      'trading.owners.owner_id -> trading.acct_report.RelationRows',
    ]);
  });
});

describe('ClickHouse extract(haystack, pattern)', () => {
  test('the regular-expression extract is a function of its arguments; EXTRACT(unit FROM x) keeps its form', () => {
    const a = ok(`INSERT INTO analytics.app_versions (user_id, version, major)
SELECT user_id,
       extract(user_agent, 'MyApp/([0-9.]+)') AS version,
       toUInt8OrZero(extract(extract(user_agent, 'MyApp/([0-9.]+)'), '^([0-9]+)')) AS major
FROM raw.requests
WHERE extract(path, '^/api/(v[0-9]+)/') = 'v2' AND toYear(ts) = EXTRACT(YEAR FROM now());`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'raw.requests.user_agent -> analytics.app_versions.major',
      'raw.requests.user_agent -> analytics.app_versions.version',
      'raw.requests.user_id -> analytics.app_versions.user_id',
    ]);
    expect(rows(a)).toEqual([
      'raw.requests.path -> analytics.app_versions.RelationRows',
      'raw.requests.ts -> analytics.app_versions.RelationRows',
    ]);
  });
});

describe('COPY t (columns) TO a file', () => {
  test('the listed columns flow into the file, as COPY (SELECT ..) TO does (PostgreSQL, Greenplum, psql \\copy)', () => {
    const sql = `COPY finance.invoices (invoice_id, customer_id, amount_due) TO '/exports/invoices_open.csv' WITH (FORMAT csv, HEADER true);
COPY finance.invoices FROM '/imports/invoices.csv' WITH (FORMAT csv);`;
    for (const vendor of ['dbvpostgresql', 'dbvgreenplum']) {
      const a = ok(sql, vendor);
      // A load without a column list stays table to table.
      expect(edgePairs(a.graph, { rows: true, sourceRows: true }).filter((p) => p.includes('RelationRows'))).toEqual(['/imports/invoices.csv.RelationRows -> finance.invoices.RelationRows']);
      expect(a.pairs).toEqual([
        'finance.invoices.amount_due -> /exports/invoices_open.csv.amount_due',
        'finance.invoices.customer_id -> /exports/invoices_open.csv.customer_id',
        'finance.invoices.invoice_id -> /exports/invoices_open.csv.invoice_id',
      ]);
    }
    const psql = ok(`\\copy finance.invoices (invoice_id, amount_due) TO 'invoices.csv' CSV HEADER\n`, 'dbvpostgresql');
    expect(psql.pairs).toEqual([
      'finance.invoices.amount_due -> invoices.csv.amount_due',
      'finance.invoices.invoice_id -> invoices.csv.invoice_id',
    ]);
  });
});
