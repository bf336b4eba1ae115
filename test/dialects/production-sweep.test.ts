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

describe('Spark / Databricks CACHE TABLE', () => {
  test.each(['dbvsparksql', 'dbvdatabricks'])('CACHE [LAZY] TABLE t [OPTIONS] AS SELECT is a temporary table made from the query (%s)', (vendor) => {
    const a = ok(
      `CACHE TABLE recent_orders AS SELECT o.order_id, o.customer_id, o.amount FROM silver.orders o WHERE o.order_date >= date_sub(current_date(), 7);
CACHE LAZY TABLE top_customers OPTIONS ('storageLevel' 'DISK_ONLY') SELECT customer_id, sum(amount) AS total FROM recent_orders GROUP BY customer_id;
CACHE TABLE silver.customers;
INSERT INTO gold.recent SELECT r.order_id, c.name FROM recent_orders r JOIN silver.customers c ON c.id = r.customer_id;
UNCACHE TABLE IF EXISTS recent_orders;`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'recent_orders.amount -> top_customers.total',
      'recent_orders.customer_id -> top_customers.customer_id',
      'recent_orders.order_id -> gold.recent.order_id',
      'silver.customers.name -> gold.recent.name',
      'silver.orders.amount -> recent_orders.amount',
      'silver.orders.customer_id -> recent_orders.customer_id',
      'silver.orders.order_id -> recent_orders.order_id',
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
