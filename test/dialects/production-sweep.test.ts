/**
 * Production ETL scripts of PostgreSQL / Redshift / Greenplum, MySQL / MariaDB, Hive / Spark /
 * Databricks that lost their lineage (silently or with a parse error) or gave a wrong one.
 * Pairs are `source -> target` per relation type.
 */
import { analyzeSql } from '../procedural/support.js';
import { edgePairs } from '../helpers/lineage.js';

const ok = (sql: string, vendor: string) => {
  const a = analyzeSql(sql, vendor, { relationTypes: ['fdd', 'fdr'] });
  expect(a.errors).toEqual([]);
  expect(a.warnings).toEqual([]);
  return a;
};
const tableRows = (a: ReturnType<typeof ok>) => edgePairs(a.graph, { rows: true, sourceRows: true }).filter((p) => p.endsWith('.RelationRows'));

describe('a table created LIKE / CLONE of a table whose columns are unknown', () => {
  // The staging-table idiom of Redshift loads: before, the copy was taken to have no columns, so
  // both INSERTs gave no lineage at all, and the DELETE a warning.
  const redshift = `BEGIN;
CREATE TEMP TABLE stage_customer (LIKE dim.customer);
INSERT INTO stage_customer
SELECT u.customer_id, u.name, lower(u.email) AS email, u.city
FROM staging.customer_updates u
WHERE u.batch_id = (SELECT max(batch_id) FROM staging.batches);
DELETE FROM dim.customer USING stage_customer WHERE dim.customer.customer_id = stage_customer.customer_id;
INSERT INTO dim.customer SELECT * FROM stage_customer;
END;`;

  test.each(['dbvredshift', 'dbvpostgresql', 'dbvgreenplum'])('CREATE TEMP TABLE t (LIKE src) then INSERT .. SELECT into it (%s)', (vendor) => {
    const a = ok(redshift, vendor);
    expect(a.pairs).toEqual([
      'stage_customer.* -> dim.customer.*',
      'staging.customer_updates.city -> stage_customer.city',
      'staging.customer_updates.customer_id -> stage_customer.customer_id',
      'staging.customer_updates.email -> stage_customer.email',
      'staging.customer_updates.name -> stage_customer.name',
    ]);
  });

  test('PostgreSQL (LIKE src INCLUDING ALL, extra col) of a known table has its columns, then the declared ones', () => {
    const a = ok(
      `CREATE TABLE dim.customer (customer_id int, name text);
CREATE TABLE dim.customer_hist (LIKE dim.customer INCLUDING ALL, valid_from timestamptz);
INSERT INTO dim.customer_hist SELECT c.*, now() FROM dim.customer c;`,
      'dbvpostgresql',
    );
    expect(a.pairs).toEqual([
      'dim.customer.customer_id -> dim.customer_hist.customer_id',
      'dim.customer.name -> dim.customer_hist.name',
    ]);
  });

  test.each(['dbvmysql', 'dbvhive', 'dbvdatabricks', 'dbvsnowflake'])('CREATE TABLE t LIKE src; INSERT INTO t SELECT .. (%s)', (vendor) => {
    const a = ok(
      `CREATE TABLE stage_orders LIKE sales.orders;
INSERT INTO stage_orders SELECT o.order_id, o.amount FROM raw.orders o WHERE o.status = 'ok';
INSERT INTO sales.orders SELECT s.order_id, s.amount FROM stage_orders s;`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'raw.orders.amount -> stage_orders.amount',
      'raw.orders.order_id -> stage_orders.order_id',
      'stage_orders.amount -> sales.orders.amount',
      'stage_orders.order_id -> sales.orders.order_id',
    ]);
  });
});

describe('Redshift', () => {
  test('ALTER TABLE t APPEND FROM s moves the rows of s into t', () => {
    const a = ok(
      `CREATE TABLE IF NOT EXISTS sales.orders_bkp (LIKE sales.orders INCLUDING DEFAULTS);
ALTER TABLE sales.orders APPEND FROM staging.orders_incoming IGNOREEXTRA;`,
      'dbvredshift',
    );
    expect(tableRows(a)).toEqual(['staging.orders_incoming.RelationRows -> sales.orders.RelationRows']);
  });

  test('APPROXIMATE COUNT(DISTINCT ..) in a CTAS with DISTKEY / SORTKEY', () => {
    const a = ok(
      `CREATE TABLE analytics.daily_uniques
DISTSTYLE KEY DISTKEY (day) SORTKEY (day)
AS
SELECT trunc(c.event_ts) AS day, APPROXIMATE COUNT(DISTINCT c.user_id) AS uniq_users, count(*) AS events
FROM raw.clickstream c
GROUP BY 1;`,
      'dbvredshift',
    );
    expect(a.pairs).toEqual(['raw.clickstream.event_ts -> analytics.daily_uniques.day', 'raw.clickstream.user_id -> analytics.daily_uniques.uniq_users']);
  });

  test("UNLOAD of a query whose literals are escaped with \\'", () => {
    const a = ok(
      `UNLOAD ('SELECT o.order_id, o.amount, c.email FROM sales.orders o JOIN sales.customers c ON c.id = o.customer_id WHERE o.order_date >= \\'2026-01-01\\'')
TO 's3://acme-exports/orders/2026/'
IAM_ROLE 'arn:aws:iam::123456789012:role/RedshiftUnload'
FORMAT AS PARQUET
ALLOWOVERWRITE;`,
      'dbvredshift',
    );
    expect(a.pairs).toEqual([
      'sales.customers.email -> s3://acme-exports/orders/2026/.email',
      'sales.orders.amount -> s3://acme-exports/orders/2026/.amount',
      'sales.orders.order_id -> s3://acme-exports/orders/2026/.order_id',
    ]);
  });
});

describe('PostgreSQL materialized views', () => {
  test.each(['dbvpostgresql', 'dbvgreenplum'])('CREATE MATERIALIZED VIEW .. GROUP BY .. WITH [NO] DATA; REFRESH (%s)', (vendor) => {
    const a = ok(
      `CREATE MATERIALIZED VIEW reporting.mv_sales_by_region AS
SELECT r.region_name, date_trunc('month', o.created_at) AS month, sum(o.amount) AS revenue
FROM public.orders o JOIN public.regions r ON r.id = o.region_id
GROUP BY 1, 2
WITH DATA;
CREATE MATERIALIZED VIEW reporting.mv_empty AS SELECT o.id FROM public.orders o GROUP BY o.id WITH NO DATA;
REFRESH MATERIALIZED VIEW CONCURRENTLY reporting.mv_sales_by_region;`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'public.orders.amount -> reporting.mv_sales_by_region.revenue',
      'public.orders.created_at -> reporting.mv_sales_by_region.month',
      'public.orders.id -> reporting.mv_empty.id',
      'public.regions.region_name -> reporting.mv_sales_by_region.region_name',
    ]);
  });

  test('MySQL GROUP BY .. WITH ROLLUP still parses', () => {
    const a = ok('INSERT INTO rpt.sales_rollup (region, total) SELECT region, SUM(amount) FROM shop.orders GROUP BY region WITH ROLLUP;', 'dbvmysql');
    expect(a.pairs).toEqual(['shop.orders.amount -> rpt.sales_rollup.total', 'shop.orders.region -> rpt.sales_rollup.region']);
  });
});

describe('MySQL ON DUPLICATE KEY UPDATE', () => {
  test('INSERT .. SELECT .. ON DUPLICATE KEY UPDATE c = s.c reads the SELECT\'s table (it wrote target.s)', () => {
    const a = ok(
      `INSERT INTO dw.customer (id, email, visits)
SELECT s.id, s.email, s.visits FROM stg.customer s
ON DUPLICATE KEY UPDATE email = s.email, visits = dw.customer.visits + s.visits;
INSERT INTO dw.daily_sales (day, store_id, revenue)
SELECT * FROM (SELECT o.order_date, o.store_id, SUM(o.total) FROM shop.orders o GROUP BY o.order_date, o.store_id) AS agg (d, s, r)
ON DUPLICATE KEY UPDATE revenue = agg.r;`,
      'dbvmysql',
    );
    expect(edgePairs(a.graph, { effect: true })).toEqual([
      'dw.customer.visits -> dw.customer.visits [update]',
      'shop.orders.order_date -> dw.daily_sales.day [insert]',
      'shop.orders.store_id -> dw.daily_sales.store_id [insert]',
      'shop.orders.total -> dw.daily_sales.revenue [insert]',
      'shop.orders.total -> dw.daily_sales.revenue [update]',
      'stg.customer.email -> dw.customer.email [insert]',
      'stg.customer.email -> dw.customer.email [update]',
      'stg.customer.id -> dw.customer.id [insert]',
      'stg.customer.visits -> dw.customer.visits [insert]',
      'stg.customer.visits -> dw.customer.visits [update]',
    ]);
  });

  test('the new-row alias: VALUES (..) AS new [(a, b)] ON DUPLICATE KEY UPDATE c = new.c', () => {
    const a = ok(
      `INSERT INTO dw.daily_sales (day, store_id, revenue, orders)
VALUES (CURRENT_DATE, 12, 1530.50, 17) AS new
ON DUPLICATE KEY UPDATE revenue = new.revenue, orders = dw.daily_sales.orders + new.orders;
INSERT INTO dw.stock (sku, qty) VALUES ('A-1', (SELECT SUM(m.delta) FROM ops.moves m WHERE m.sku = 'A-1')) AS n (s, q)
ON DUPLICATE KEY UPDATE qty = dw.stock.qty + n.q;`,
      'dbvmysql',
    );
    expect(edgePairs(a.graph, { effect: true })).toEqual([
      'dw.daily_sales.orders -> dw.daily_sales.orders [update]',
      'dw.stock.qty -> dw.stock.qty [update]',
      'ops.moves.delta -> dw.stock.qty [insert]',
      'ops.moves.delta -> dw.stock.qty [update]',
    ]);
  });
});

describe('MySQL index hints', () => {
  test('USE / FORCE / IGNORE INDEX [FOR JOIN | ORDER BY | GROUP BY] (..) after a table and its alias', () => {
    const a = ok(
      `INSERT INTO dw.fact_orders (order_id, customer_name, amount)
SELECT STRAIGHT_JOIN o.id, c.name, o.amount
FROM shop.orders o FORCE INDEX (idx_created)
JOIN crm.customers AS c USE INDEX (PRIMARY) ON c.id = o.customer_id
LEFT JOIN crm.regions IGNORE KEY FOR JOIN (idx_code) ON regions.code = c.region_code
WHERE o.created_at >= '2026-12-01';
UPDATE shop.orders FORCE INDEX (PRIMARY) SET status = 'late' WHERE id IN (SELECT order_id FROM ops.late USE INDEX FOR ORDER BY (i) ORDER BY order_id);`,
      'dbvmysql',
    );
    expect(a.pairs).toEqual(['crm.customers.name -> dw.fact_orders.customer_name', 'shop.orders.amount -> dw.fact_orders.amount', 'shop.orders.id -> dw.fact_orders.order_id']);
  });
});

describe('Databricks Delta Live Tables expectations', () => {
  test('CONSTRAINT .. EXPECT (..) ON VIOLATION in a materialized view\'s list is not a column (it named the only column CONSTRAINT)', () => {
    const a = ok(
      `CREATE OR REFRESH MATERIALIZED VIEW silver.orders_clean (CONSTRAINT valid_amount EXPECT (amount > 0) ON VIOLATION DROP ROW)
AS SELECT order_id, customer_id, CAST(amount AS DECIMAL(12,2)) AS amount FROM bronze.orders;
CREATE OR REFRESH MATERIALIZED VIEW silver.customers_clean (customer_id COMMENT 'key', name, CONSTRAINT has_name EXPECT (name IS NOT NULL))
AS SELECT id, full_name FROM bronze.customers;`,
      'dbvdatabricks',
    );
    expect(a.pairs).toEqual([
      'bronze.customers.full_name -> silver.customers_clean.name',
      'bronze.customers.id -> silver.customers_clean.customer_id',
      'bronze.orders.amount -> silver.orders_clean.amount',
      'bronze.orders.customer_id -> silver.orders_clean.customer_id',
      'bronze.orders.order_id -> silver.orders_clean.order_id',
    ]);
  });
});

describe('SAP HANA', () => {
  test('UPSERT t (cols) SELECT .. inserts (it was skipped with no diagnostic); CREATE COLUMN TABLE .. AS (..) WITH DATA; #local temporary tables', () => {
    const a = ok(
      `UPSERT dw.customer (id, name) SELECT c.id, c.full_name FROM stg.customer c WHERE c.load_ts > ADD_DAYS(CURRENT_DATE, -1);
UPSERT dw.customer (id, name) VALUES (42, 'n/a') WITH PRIMARY KEY;
CREATE COLUMN TABLE dw.sales_copy AS (SELECT s.id, s.amount FROM dw.sales s) WITH DATA;
CREATE LOCAL TEMPORARY TABLE #tmp_sales (id INT, amt DECIMAL(12,2));
INSERT INTO #tmp_sales SELECT id, amount FROM dw.sales_copy;`,
      'dbvhana',
    );
    expect(a.pairs).toEqual([
      'dw.sales.amount -> dw.sales_copy.amount',
      'dw.sales.id -> dw.sales_copy.id',
      'dw.sales_copy.amount -> #tmp_sales.amt',
      'dw.sales_copy.id -> #tmp_sales.id',
      'stg.customer.full_name -> dw.customer.name',
      'stg.customer.id -> dw.customer.id',
    ]);
  });
});

describe('Db2', () => {
  test('CURRENT DATE / CURRENT TIMESTAMP and labeled durations (- 1 DAY, + n MONTHS); MERGE .. ELSE IGNORE; session temporary tables', () => {
    const a = ok(
      `DECLARE GLOBAL TEMPORARY TABLE SESSION.tmp_orders (order_id INT, amount DECIMAL(12,2)) ON COMMIT PRESERVE ROWS NOT LOGGED;
INSERT INTO SESSION.tmp_orders SELECT order_id, amount FROM sales.orders WHERE order_date = CURRENT DATE - 1 DAY;
INSERT INTO dw.daily_sales (day, total, loaded_at) SELECT CURRENT DATE - 1 DAY, SUM(amount), CURRENT TIMESTAMP FROM SESSION.tmp_orders;
UPDATE dw.contracts c SET c.renewal_date = c.start_date + c.term_months MONTHS, c.checked_at = CURRENT TIMESTAMP WHERE c.renewal_date < CURRENT DATE + 30 DAYS;
MERGE INTO dw.customer t
USING (SELECT id, name FROM stg.customer) s
ON (t.id = s.id)
WHEN MATCHED THEN UPDATE SET t.name = s.name
WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)
ELSE IGNORE;`,
      'dbvdb2',
    );
    expect(a.pairs).toEqual([
      'SESSION.tmp_orders.amount -> dw.daily_sales.total',
      'dw.contracts.start_date -> dw.contracts.renewal_date',
      'dw.contracts.term_months -> dw.contracts.renewal_date',
      'sales.orders.amount -> SESSION.tmp_orders.amount',
      'sales.orders.order_id -> SESSION.tmp_orders.order_id',
      'stg.customer.id -> dw.customer.id',
      'stg.customer.name -> dw.customer.name',
    ]);
  });
});

describe('Informix and Netezza temporary tables', () => {
  test('Informix SELECT .. GROUP BY .. INTO TEMP t WITH NO LOG writes t', () => {
    const a = ok(
      `SELECT o.customer_id, SUM(o.amount) total FROM orders o GROUP BY 1 INTO TEMP tmp_tot WITH NO LOG;
INSERT INTO customer_totals (customer_id, total) SELECT customer_id, total FROM tmp_tot;`,
      'dbvinformix',
    );
    expect(a.pairs).toEqual([
      'orders.amount -> tmp_tot.total',
      'orders.customer_id -> tmp_tot.customer_id',
      'tmp_tot.customer_id -> customer_totals.customer_id',
      'tmp_tot.total -> customer_totals.total',
    ]);
  });

  test('Netezza CTAS .. DISTRIBUTE ON (c), GROOM TABLE, GENERATE STATISTICS', () => {
    const a = ok(
      `CREATE TEMP TABLE tmp_sales AS SELECT store_id, sum(amount) AS total FROM sales.orders GROUP BY store_id DISTRIBUTE ON (store_id);
CREATE TABLE dw.store_snap AS SELECT * FROM tmp_sales DISTRIBUTE ON RANDOM;
UPDATE dw.stores s SET total = t.total FROM tmp_sales t WHERE s.id = t.store_id;
GROOM TABLE dw.stores;
GENERATE STATISTICS ON dw.stores;`,
      'dbvnetezza',
    );
    expect(a.pairs).toEqual([
      'sales.orders.amount -> tmp_sales.total',
      'sales.orders.store_id -> tmp_sales.store_id',
      'tmp_sales.store_id -> dw.store_snap.store_id',
      'tmp_sales.total -> dw.store_snap.total',
      'tmp_sales.total -> dw.stores.total',
    ]);
  });
});

describe('Databricks DML forms', () => {
  test('MERGE WITH SCHEMA EVOLUTION INTO; INSERT INTO t REPLACE WHERE ..; INSERT INTO t BY NAME', () => {
    const a = ok(
      `CREATE TABLE gold.sales (sale_date DATE, store_id INT, amount DECIMAL(12,2));
MERGE WITH SCHEMA EVOLUTION INTO gold.customers t
USING (SELECT customer_id, email FROM silver.customer_updates WHERE _change_type != 'delete') s
ON t.customer_id = s.customer_id
WHEN MATCHED THEN UPDATE SET t.email = s.email
WHEN NOT MATCHED THEN INSERT (customer_id, email) VALUES (s.customer_id, s.email);
INSERT INTO gold.sales REPLACE WHERE sale_date >= '2026-12-01'
SELECT sale_date, store_id, amount FROM silver.sales WHERE sale_date >= '2026-12-01';
INSERT INTO gold.sales BY NAME SELECT amount, sale_date, store_id FROM silver.sales_late;`,
      'dbvdatabricks',
    );
    expect(a.pairs).toEqual([
      'silver.customer_updates.customer_id -> gold.customers.customer_id',
      'silver.customer_updates.email -> gold.customers.email',
      'silver.sales.amount -> gold.sales.amount',
      'silver.sales.sale_date -> gold.sales.sale_date',
      'silver.sales.store_id -> gold.sales.store_id',
      'silver.sales_late.amount -> gold.sales.amount',
      'silver.sales_late.sale_date -> gold.sales.sale_date',
      'silver.sales_late.store_id -> gold.sales.store_id',
    ]);
  });
});
