/**
 * Production SQL that lost its lineage with a parse error (session 8 sweep, part b): ClickHouse
 * parametric aggregates and query clauses, Databricks / Spark / Delta, Hive, Vertica, MySQL,
 * psql and DuckDB forms. Pairs are `source -> target` per relation type.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ok, rows } from '../helpers/accuracy.js';
import { edgePairs } from '../helpers/lineage.js';
import { analyzeSql } from '../procedural/support.js';

const tableRows = (a: ReturnType<typeof ok>) => edgePairs(a.graph, { rows: true, sourceRows: true }).filter((p) => p.endsWith('.RelationRows'));

describe('ClickHouse parametric functions f(params)(args)', () => {
  test('quantile(0.9)(x), quantiles(..)(x), topK(10)(x): the arguments flow, the parameters are constants', () => {
    const a = ok(`INSERT INTO reports.endpoint_latency (endpoint, p90, p50_p99, top_users, errors)
SELECT endpoint,
  quantile(0.9)(duration_ms) AS p90,
  quantiles(0.5, 0.99)(duration_ms) AS p50_p99,
  topK(10)(user_id) AS top_users,
  sumIf(is_error, status >= 500) AS errors
FROM raw.requests
WHERE event_date = yesterday()
GROUP BY endpoint;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'raw.requests.duration_ms -> reports.endpoint_latency.p50_p99',
      'raw.requests.duration_ms -> reports.endpoint_latency.p90',
      'raw.requests.endpoint -> reports.endpoint_latency.endpoint',
      'raw.requests.is_error -> reports.endpoint_latency.errors',
      'raw.requests.status -> reports.endpoint_latency.errors',
      'raw.requests.user_id -> reports.endpoint_latency.top_users',
    ]);
    expect(rows(a)).toEqual(['raw.requests.endpoint -> reports.endpoint_latency.RelationRows', 'raw.requests.event_date -> reports.endpoint_latency.RelationRows']);
  });

  test('funnel functions with condition arguments, -If combinators, in a materialized view and a CTE', () => {
    const a = ok(`CREATE MATERIALIZED VIEW analytics.funnel_mv TO analytics.funnel AS
SELECT user_id,
  sequenceMatch('(?1).*(?2)')(event_time, event_type = 'view', event_type = 'purchase') AS converted,
  windowFunnel(3600)(event_time, event_type = 'view', event_type = 'cart') AS level,
  groupArray(5)(page) AS first_pages,
  quantileExactIf(0.95)(latency, status = 200) AS p95_ok
FROM raw.events
GROUP BY user_id;
INSERT INTO reports.svc
WITH q AS (SELECT service, quantilesTDigest(0.5, 0.99)(duration) AS qs FROM raw.spans GROUP BY service)
SELECT service, qs[1] AS p50, qs[2] AS p99 FROM q;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'raw.events.event_time -> analytics.funnel.converted',
      'raw.events.event_time -> analytics.funnel.level',
      'raw.events.event_type -> analytics.funnel.converted',
      'raw.events.event_type -> analytics.funnel.level',
      'raw.events.latency -> analytics.funnel.p95_ok',
      'raw.events.page -> analytics.funnel.first_pages',
      'raw.events.status -> analytics.funnel.p95_ok',
      'raw.events.user_id -> analytics.funnel.user_id',
      'raw.spans.duration -> reports.svc.p50',
      'raw.spans.duration -> reports.svc.p99',
      'raw.spans.service -> reports.svc.service',
    ]);
  });
});

describe('ClickHouse ORDER BY .. WITH FILL, LIMIT .. WITH TIES / OFFSET .. BY, SETTINGS, INTO OUTFILE', () => {
  test('ORDER BY d WITH FILL FROM .. TO .. STEP .. and INTERPOLATE: the bounds are constants', () => {
    const a = ok(`INSERT INTO reports.daily_orders (day, orders, revenue)
SELECT toDate(created_at) AS day, count() AS orders, sum(amount) AS revenue
FROM shop.orders
WHERE created_at >= toDate('2024-01-01')
GROUP BY day
ORDER BY day WITH FILL FROM toDate('2024-01-01') TO today() STEP 1
INTERPOLATE (revenue AS revenue);`, 'dbvclickhouse');
    expect(a.pairs).toEqual(['shop.orders.amount -> reports.daily_orders.revenue', 'shop.orders.created_at -> reports.daily_orders.day']);
    expect(rows(a)).toEqual(['shop.orders.created_at -> reports.daily_orders.RelationRows']);
  });

  test('LIMIT n WITH TIES, and LIMIT n OFFSET m BY cols (the BY columns decide the rows)', () => {
    const a = ok(`INSERT INTO reports.top_products
SELECT category, product_id, sum(qty) AS units
FROM shop.order_lines
GROUP BY category, product_id
ORDER BY units DESC
LIMIT 3 OFFSET 1 BY category
LIMIT 100 WITH TIES;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'shop.order_lines.category -> reports.top_products.category',
      'shop.order_lines.product_id -> reports.top_products.product_id',
      'shop.order_lines.qty -> reports.top_products.units',
    ]);
    expect(rows(a)).toEqual(['shop.order_lines.category -> reports.top_products.RelationRows', 'shop.order_lines.product_id -> reports.top_products.RelationRows']);
  });

  test('SETTINGS at the end of each UNION ALL branch', () => {
    const a = ok(`INSERT INTO analytics.all_events (event_id, user_id)
SELECT event_id, user_id FROM raw.web_events WHERE dt = today() SETTINGS max_threads = 4
UNION ALL
SELECT event_id, user_id FROM raw.app_events WHERE dt = today() SETTINGS max_threads = 4, max_memory_usage = 10000000000;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'raw.app_events.event_id -> analytics.all_events.event_id',
      'raw.app_events.user_id -> analytics.all_events.user_id',
      'raw.web_events.event_id -> analytics.all_events.event_id',
      'raw.web_events.user_id -> analytics.all_events.user_id',
    ]);
  });

  test('SELECT .. INTO OUTFILE \'f\' FORMAT CSV writes the result to the file (also after WITH)', () => {
    const a = ok(`SELECT user_id, count() AS sessions FROM raw.sessions WHERE dt = yesterday() GROUP BY user_id
INTO OUTFILE 'sessions.csv' FORMAT CSVWithNames;
WITH active AS (SELECT user_id, max(ts) AS last_seen FROM raw.events GROUP BY user_id)
SELECT user_id, last_seen FROM active INTO OUTFILE 'active.tsv.gz' TRUNCATE COMPRESSION 'gzip' FORMAT TabSeparated;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'raw.events.ts -> active.tsv.gz.last_seen',
      'raw.events.user_id -> active.tsv.gz.user_id',
      'raw.sessions.user_id -> sessions.csv.user_id',
    ]);
  });

  test('MySQL SELECT .. FROM .. INTO OUTFILE \'f\' FIELDS ..: the file gets the columns', () => {
    const a = ok(`SELECT o.order_id, o.amount, c.email
FROM shop.orders o JOIN shop.customers c ON c.id = o.customer_id
WHERE o.created_at >= CURDATE() - INTERVAL 1 DAY
INTO OUTFILE '/var/lib/mysql-files/orders.csv' FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' LINES TERMINATED BY '\\n';`, 'dbvmysql');
    expect(a.pairs).toEqual([
      'shop.customers.email -> /var/lib/mysql-files/orders.csv.email',
      'shop.orders.amount -> /var/lib/mysql-files/orders.csv.amount',
      'shop.orders.order_id -> /var/lib/mysql-files/orders.csv.order_id',
    ]);
  });

  test('MySQL SELECT .. INTO OUTFILE \'f\' [CHARACTER SET ..] [FIELDS ..] FROM .. (INTO before FROM)', () => {
    const a = ok(`SELECT o.order_id, o.amount INTO OUTFILE '/var/lib/mysql-files/paid.csv' CHARACTER SET utf8mb4
  FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' LINES TERMINATED BY '\\n'
FROM shop.orders o
WHERE o.status = 'paid';`, 'dbvmysql');
    expect(a.pairs).toEqual(['shop.orders.amount -> /var/lib/mysql-files/paid.csv.amount', 'shop.orders.order_id -> /var/lib/mysql-files/paid.csv.order_id']);
    expect(rows(a)).toEqual(['shop.orders.status -> /var/lib/mysql-files/paid.csv.RelationRows']);
  });

  test('INSERT INTO t [(cols)] SETTINGS .. [FORMAT ..] SELECT', () => {
    const a = ok(`INSERT INTO analytics.events_buffer (event_id, user_id) SETTINGS async_insert = 1, wait_for_async_insert = 0
SELECT event_id, user_id FROM raw.events_kafka;
INSERT INTO analytics.events_copy FORMAT Values SELECT event_id, user_id FROM raw.events_kafka;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'raw.events_kafka.event_id -> analytics.events_buffer.event_id',
      'raw.events_kafka.event_id -> analytics.events_copy.event_id',
      'raw.events_kafka.user_id -> analytics.events_buffer.user_id',
      'raw.events_kafka.user_id -> analytics.events_copy.user_id',
    ]);
  });
});

describe('Databricks / Delta: COPY INTO from a query over files, STREAM in DLT, time travel', () => {
  test('COPY INTO t FROM (SELECT c1::int AS a, _metadata.file_name FROM \'s3://..\') FILEFORMAT = CSV', () => {
    const a = ok(`COPY INTO bronze.orders
FROM (SELECT c1::int AS order_id, c2::decimal(12, 2) AS amount, _metadata.file_name AS src_file FROM 's3://landing/orders/')
FILEFORMAT = CSV
FORMAT_OPTIONS ('header' = 'true', 'inferSchema' = 'false')
COPY_OPTIONS ('mergeSchema' = 'true');`, 'dbvdatabricks');
    expect(a.pairs).toEqual([
      's3://landing/orders/._metadata -> bronze.orders.src_file',
      's3://landing/orders/.c1 -> bronze.orders.order_id',
      's3://landing/orders/.c2 -> bronze.orders.amount',
    ]);
  });

  test('DLT: FROM STREAM read_files(..), FROM STREAM t [alias], FROM STREAM(t)', () => {
    const a = ok(`CREATE OR REFRESH STREAMING TABLE bronze.events
AS SELECT *, _metadata.file_path AS source_file FROM STREAM read_files('s3://landing/events/', format => 'json');
CREATE OR REFRESH STREAMING TABLE silver.events
AS SELECT e.event_id, e.user_id, e.ts FROM STREAM bronze.events e WHERE e.event_id IS NOT NULL;
CREATE OR REFRESH STREAMING TABLE silver.users
AS SELECT user_id, email FROM STREAM LIVE.users_raw;
CREATE OR REFRESH MATERIALIZED VIEW gold.daily_users
AS SELECT date(ts) AS day, count(DISTINCT user_id) AS users FROM STREAM(silver.events) GROUP BY date(ts);`, 'dbvdatabricks');
    expect(a.pairs).toEqual([
      'users_raw.email -> silver.users.email',
      'users_raw.user_id -> silver.users.user_id',
      's3://landing/events/.* -> bronze.events.*',
      's3://landing/events/._metadata -> bronze.events.source_file',
      // silver.events reads these columns of bronze.events, whose `*` they come through from the files.
      's3://landing/events/.event_id -> bronze.events.event_id',
      's3://landing/events/.ts -> bronze.events.ts',
      's3://landing/events/.user_id -> bronze.events.user_id',
      'silver.events.ts -> gold.daily_users.day',
      'silver.events.user_id -> gold.daily_users.users',
      'bronze.events.event_id -> silver.events.event_id',
      'bronze.events.ts -> silver.events.ts',
      'bronze.events.user_id -> silver.events.user_id',
    ].sort());
  });

  test.each(['dbvdatabricks', 'dbvsparksql'])('Delta time travel: VERSION AS OF, TIMESTAMP AS OF, FOR VERSION AS OF, t@v3 (%s)', (vendor) => {
    const a = ok(`INSERT OVERWRITE TABLE audit.order_changes
SELECT cur.order_id, prev.status AS old_status, cur.status AS new_status
FROM sales.orders VERSION AS OF 42 prev
JOIN sales.orders TIMESTAMP AS OF '2024-06-01 00:00:00' AS cur ON cur.order_id = prev.order_id
WHERE cur.status <> prev.status;
INSERT INTO audit.snapshots SELECT order_id, amount FROM sales.orders FOR VERSION AS OF 41;
INSERT INTO audit.snapshots SELECT o.order_id, o.amount FROM sales.orders@v40 o;`, vendor);
    expect(a.pairs).toEqual([
      'sales.orders.amount -> audit.snapshots.amount',
      'sales.orders.order_id -> audit.order_changes.order_id',
      'sales.orders.order_id -> audit.snapshots.order_id',
      'sales.orders.status -> audit.order_changes.new_status',
      'sales.orders.status -> audit.order_changes.old_status',
    ]);
    expect(rows(a)).toEqual(['sales.orders.order_id -> audit.order_changes.RelationRows', 'sales.orders.status -> audit.order_changes.RelationRows']);
  });

  test('Snowflake AT(TIMESTAMP => ..) / BEFORE(STATEMENT => ..) and BigQuery FOR SYSTEM_TIME AS OF read the table', () => {
    const sf = ok(`INSERT INTO audit.orders_restore SELECT o.order_id, o.amount FROM sales.orders AT(TIMESTAMP => '2024-06-01 00:00:00'::timestamp_ltz) o;
INSERT INTO audit.orders_restore SELECT order_id, amount FROM sales.orders BEFORE(STATEMENT => '8e5d0ca9-005e-44e6-b858-a8f5b37c5726');`, 'dbvsnowflake');
    expect(sf.pairs).toEqual(['sales.orders.amount -> audit.orders_restore.amount', 'sales.orders.order_id -> audit.orders_restore.order_id']);
    const bq = ok(`INSERT INTO audit.orders_restore SELECT o.order_id, o.amount FROM sales.orders FOR SYSTEM_TIME AS OF TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 HOUR) AS o;`, 'dbvbigquery');
    expect(bq.pairs).toEqual(['sales.orders.amount -> audit.orders_restore.amount', 'sales.orders.order_id -> audit.orders_restore.order_id']);
  });

  test('t@20240101000000000 (a timestamp version) in Databricks', () => {
    const a = ok(`INSERT INTO audit.snapshots SELECT o.order_id, o.amount FROM sales.orders@20240601000000000 o;`, 'dbvdatabricks');
    expect(a.pairs).toEqual(['sales.orders.amount -> audit.snapshots.amount', 'sales.orders.order_id -> audit.snapshots.order_id']);
  });

  test('T-SQL temporal tables: FOR SYSTEM_TIME ALL / BETWEEN / FROM .. TO / CONTAINED IN', () => {
    const a = ok(`INSERT INTO audit.price_history (product_id, price, valid_from)
SELECT p.product_id, p.price, p.valid_from FROM dbo.products FOR SYSTEM_TIME ALL AS p WHERE p.product_id = 7;
INSERT INTO audit.price_history (product_id, price, valid_from)
SELECT p.product_id, p.price, p.valid_from FROM dbo.products FOR SYSTEM_TIME BETWEEN '2024-01-01' AND '2024-02-01' AS p;
INSERT INTO audit.price_history (product_id, price, valid_from)
SELECT p.product_id, p.price, p.valid_from FROM dbo.products FOR SYSTEM_TIME FROM '2024-01-01' TO '2024-02-01' p;
INSERT INTO audit.price_history (product_id, price, valid_from)
SELECT p.product_id, p.price, p.valid_from FROM dbo.products FOR SYSTEM_TIME CONTAINED IN ('2024-01-01', '2024-02-01') p;`, 'dbvmssql');
    expect(a.pairs).toEqual([
      'dbo.products.price -> audit.price_history.price',
      'dbo.products.product_id -> audit.price_history.product_id',
      'dbo.products.valid_from -> audit.price_history.valid_from',
    ]);
    expect(rows(a)).toEqual(['dbo.products.product_id -> audit.price_history.RelationRows']);
  });

  test('DuckDB FROM-first queries in CTAS, INSERT, CTEs and subqueries (before, CTAS AS FROM .. gave nothing, silently)', () => {
    const a = ok(`CREATE TABLE stg.paid AS FROM 'data/orders.csv' SELECT order_id, amount WHERE status = 'paid';
INSERT INTO stg.all_orders FROM raw.orders;
INSERT INTO rpt.top_customers
WITH totals AS (FROM raw.orders SELECT customer_id, sum(amount) AS total GROUP BY customer_id)
FROM totals t SELECT t.customer_id, t.total ORDER BY t.total DESC LIMIT 10;
CREATE TABLE rpt.big AS SELECT q.order_id FROM (FROM raw.orders SELECT order_id WHERE amount > 1000) q;`, 'dbvduckdb');
    expect(a.pairs).toEqual([
      'data/orders.csv.amount -> stg.paid.amount',
      'data/orders.csv.order_id -> stg.paid.order_id',
      'raw.orders.* -> stg.all_orders.*',
      'raw.orders.amount -> rpt.top_customers.total',
      'raw.orders.customer_id -> rpt.top_customers.customer_id',
      'raw.orders.order_id -> rpt.big.order_id',
    ]);
    expect(rows(a)).toEqual([
      'data/orders.csv.status -> stg.paid.RelationRows',
      'raw.orders.amount -> rpt.big.RelationRows',
      'raw.orders.customer_id -> rpt.top_customers.RelationRows',
    ]);
  });

  test('DuckDB FROM \'file.csv\': the file is read', () => {
    const a = ok(`CREATE TABLE stg.orders AS SELECT o.order_id, o.amount FROM 'data/orders.csv' o WHERE o.amount > 0;`, 'dbvduckdb');
    expect(a.pairs).toEqual(['data/orders.csv.amount -> stg.orders.amount', 'data/orders.csv.order_id -> stg.orders.order_id']);
    expect(rows(a)).toEqual(['data/orders.csv.amount -> stg.orders.RelationRows']);
  });
});

describe('Spark: a view over files, INSERT .. TABLE s', () => {
  test('CREATE TEMPORARY VIEW v USING parquet OPTIONS (path ..): no lineage of its own, no error; later reads name the view', () => {
    const a = ok(`CREATE OR REPLACE TEMPORARY VIEW raw_orders
USING parquet
OPTIONS (path 's3://landing/orders/', mergeSchema 'true');
CREATE TEMPORARY VIEW raw_customers (customer_id INT, email STRING) USING csv OPTIONS (path '/data/customers.csv', header 'true');
INSERT OVERWRITE TABLE dw.orders
SELECT o.order_id, o.amount, c.email FROM raw_orders o JOIN raw_customers c ON c.customer_id = o.customer_id;`, 'dbvsparksql');
    expect(a.pairs).toEqual(['raw_customers.email -> dw.orders.email', 'raw_orders.amount -> dw.orders.amount', 'raw_orders.order_id -> dw.orders.order_id']);
  });

  test.each(['dbvsparksql', 'dbvdatabricks'])('INSERT INTO g TABLE s reads every column of s (%s)', (vendor) => {
    const a = ok(`CREATE TABLE staging.orders (order_id BIGINT, amount DECIMAL(12, 2), status STRING);
INSERT INTO dw.orders TABLE staging.orders;
INSERT OVERWRITE TABLE dw.orders_copy TABLE staging.orders_unknown;`, vendor);
    expect(a.pairs).toEqual([
      'staging.orders.amount -> dw.orders.amount',
      'staging.orders.order_id -> dw.orders.order_id',
      'staging.orders.status -> dw.orders.status',
      'staging.orders_unknown.* -> dw.orders_copy.*',
    ]);
  });
});

describe('Hive / Spark: SELECT TRANSFORM .. USING script, TABLESAMPLE before the alias', () => {
  test('SELECT TRANSFORM (a, b) [ROW FORMAT ..] USING \'x.py\' AS (c type, d type): each output comes from every input', () => {
    const a = ok(`ADD FILE hdfs:///scripts/sessionize.py;
INSERT OVERWRITE TABLE web.sessions PARTITION (dt = '2024-06-01')
SELECT TRANSFORM (l.user_id, l.ts, l.url)
  ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t'
  USING 'python sessionize.py'
  AS (session_id STRING, user_id STRING, pages INT)
  ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t'
FROM web.clicks l
WHERE l.dt = '2024-06-01';`, 'dbvhive');
    expect(a.pairs).toEqual([
      'web.clicks.ts -> web.sessions.pages',
      'web.clicks.ts -> web.sessions.session_id',
      'web.clicks.ts -> web.sessions.user_id',
      'web.clicks.url -> web.sessions.pages',
      'web.clicks.url -> web.sessions.session_id',
      'web.clicks.url -> web.sessions.user_id',
      'web.clicks.user_id -> web.sessions.pages',
      'web.clicks.user_id -> web.sessions.session_id',
      'web.clicks.user_id -> web.sessions.user_id',
    ]);
    expect(rows(a)).toEqual(['web.clicks.dt -> web.sessions.RelationRows']);
  });

  test.each(['dbvhive', 'dbvsparksql'])('TRANSFORM .. AS c, d in a FROM-first insert, and without AS (key, value) (%s)', (vendor) => {
    const a = ok(`FROM raw.words w
INSERT OVERWRITE TABLE agg.word_counts SELECT TRANSFORM (w.word, w.doc_id) USING 'wc.py' AS word, cnt WHERE w.lang = 'en';
INSERT OVERWRITE TABLE agg.kv SELECT TRANSFORM (doc_id) USING 'cat' FROM raw.docs;`, vendor);
    expect(a.pairs).toEqual([
      'raw.docs.doc_id -> agg.kv.key',
      'raw.docs.doc_id -> agg.kv.value',
      'raw.words.doc_id -> agg.word_counts.cnt',
      'raw.words.doc_id -> agg.word_counts.word',
      'raw.words.word -> agg.word_counts.cnt',
      'raw.words.word -> agg.word_counts.word',
    ]);
    expect(rows(a)).toEqual(['raw.words.lang -> agg.word_counts.RelationRows']);
  });

  test.each(['dbvhive', 'dbvsparksql', 'dbvdatabricks'])('FROM t TABLESAMPLE (10 PERCENT) x, TABLESAMPLE (BUCKET 1 OUT OF 4 ON id) AS x (%s)', (vendor) => {
    const a = ok(`INSERT OVERWRITE TABLE qa.order_sample
SELECT o.order_id, o.amount, c.segment
FROM sales.orders TABLESAMPLE (10 PERCENT) o
JOIN sales.customers TABLESAMPLE (BUCKET 1 OUT OF 4 ON customer_id) AS c ON c.customer_id = o.customer_id
WHERE o.amount > 0;`, vendor);
    expect(a.pairs).toEqual([
      'sales.customers.segment -> qa.order_sample.segment',
      'sales.orders.amount -> qa.order_sample.amount',
      'sales.orders.order_id -> qa.order_sample.order_id',
    ]);
    expect(rows(a)).toEqual([
      'sales.customers.customer_id -> qa.order_sample.RelationRows',
      'sales.orders.amount -> qa.order_sample.RelationRows',
      'sales.orders.customer_id -> qa.order_sample.RelationRows',
    ]);
  });

  test('PostgreSQL / T-SQL TABLESAMPLE .. REPEATABLE (seed)', () => {
    const a = ok(`INSERT INTO qa.order_sample SELECT o.order_id, o.amount FROM sales.orders o TABLESAMPLE SYSTEM (10) REPEATABLE (42);`, 'dbvpostgresql');
    expect(a.pairs).toEqual(['sales.orders.amount -> qa.order_sample.amount', 'sales.orders.order_id -> qa.order_sample.order_id']);
  });
});

describe('Vertica event series joins, MySQL locking reads, psql meta-commands', () => {
  test('Vertica ON a.ts INTERPOLATE PREVIOUS VALUE b.ts joins like =; TS_FIRST_VALUE(x, \'CONST\') in TIMESERIES', () => {
    const a = ok(`INSERT INTO rpt.trade_quotes (symbol, ts, price, bid)
SELECT t.symbol, t.ts, t.price, q.bid
FROM md.trades t
LEFT OUTER JOIN md.quotes q ON t.symbol = q.symbol AND t.ts INTERPOLATE PREVIOUS VALUE q.ts;
INSERT INTO rpt.ticks
SELECT slice_time, symbol, TS_FIRST_VALUE(bid, 'CONST') AS bid, TS_LAST_VALUE(ask, 'LINEAR') AS ask
FROM md.quotes
TIMESERIES slice_time AS '1 second' OVER (PARTITION BY symbol ORDER BY ts);`, 'dbvvertica');
    expect(a.pairs).toEqual([
      'md.quotes.ask -> rpt.ticks.ask',
      'md.quotes.bid -> rpt.ticks.bid',
      'md.quotes.bid -> rpt.trade_quotes.bid',
      'md.quotes.symbol -> rpt.ticks.symbol',
      'md.quotes.ts -> rpt.ticks.slice_time',
      'md.trades.price -> rpt.trade_quotes.price',
      'md.trades.symbol -> rpt.trade_quotes.symbol',
      'md.trades.ts -> rpt.trade_quotes.ts',
    ]);
    expect(rows(a)).toEqual([
      'md.quotes.symbol -> rpt.ticks.RelationRows',
      'md.quotes.symbol -> rpt.trade_quotes.RelationRows',
      'md.quotes.ts -> rpt.ticks.RelationRows',
      'md.quotes.ts -> rpt.trade_quotes.RelationRows',
      'md.trades.symbol -> rpt.trade_quotes.RelationRows',
      'md.trades.ts -> rpt.trade_quotes.RelationRows',
    ]);
  });

  test('MySQL SELECT .. FROM t LOCK IN SHARE MODE (LOCK is no alias), FOR UPDATE', () => {
    const a = ok(`START TRANSACTION;
INSERT INTO inv.reservations (sku, qty) SELECT sku, qty FROM inv.stock LOCK IN SHARE MODE;
INSERT INTO inv.reservations (sku, qty) SELECT s.sku, s.qty FROM inv.stock s WHERE s.warehouse = 3 LOCK IN SHARE MODE;
INSERT INTO inv.reservations (sku, qty) SELECT sku, qty FROM inv.backorders FOR UPDATE;
COMMIT;`, 'dbvmysql');
    expect(a.pairs).toEqual([
      'inv.backorders.qty -> inv.reservations.qty',
      'inv.backorders.sku -> inv.reservations.sku',
      'inv.stock.qty -> inv.reservations.qty',
      'inv.stock.sku -> inv.reservations.sku',
    ]);
    expect(rows(a)).toEqual(['inv.stock.warehouse -> inv.reservations.RelationRows']);
  });

  test.each(['dbvpostgresql', 'dbvredshift', 'dbvgreenplum'])('psql \\copy t FROM \'f\' and \\copy (query) TO \'f\' run as COPY; other meta-commands are skipped (%s)', (vendor) => {
    const a = analyzeSql(`\\set ON_ERROR_STOP on
\\copy staging.orders FROM 'orders.csv' WITH (FORMAT csv, HEADER true)
INSERT INTO sales.orders (order_id, amount) SELECT order_id, amount FROM staging.orders WHERE amount > 0;
\\copy (SELECT order_id, amount FROM sales.orders WHERE amount > 100) TO 'big_orders.csv' CSV HEADER
\\echo done`, vendor, { relationTypes: ['fdd', 'fdr'] });
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual([]);
    expect(a.notes).toEqual(['1:1 psql command skipped: \\set ON_ERROR_STOP on', '5:1 psql command skipped: \\echo done']);
    expect(a.pairs).toEqual([
      'sales.orders.amount -> big_orders.csv.amount',
      'sales.orders.order_id -> big_orders.csv.order_id',
      'staging.orders.amount -> sales.orders.amount',
      'staging.orders.order_id -> sales.orders.order_id',
    ]);
    expect(tableRows(a)).toEqual(['orders.csv.RelationRows -> staging.orders.RelationRows']);
  });

  test('pg_dump COPY t FROM stdin; and \\copy t FROM stdin: the rows up to \\. are data, not SQL', () => {
    const a = analyzeSql(`\\connect analytics
COPY public.customers (id, name) FROM stdin;
1\tO'Brien
2\tSmith; Jones
\\.
\\copy public.orders (id, customer_id, amount) FROM stdin
10\t1\t9.50
\\.
INSERT INTO rpt.customer_orders SELECT c.name, o.amount FROM public.customers c JOIN public.orders o ON o.customer_id = c.id;`, 'dbvpostgresql', { relationTypes: ['fdd', 'fdr'] });
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual([]);
    expect(a.notes).toEqual(['1:1 psql command skipped: \\connect analytics']);
    expect(a.pairs).toEqual(['public.customers.name -> rpt.customer_orders.name', 'public.orders.amount -> rpt.customer_orders.amount']);
  });
});

describe('DuckDB / ClickHouse COLUMNS(..) in a select item', () => {
  test('COLUMNS(\'regex\') and agg(COLUMNS(..)) over a table created earlier: one output per matching column', () => {
    const a = ok(`CREATE TABLE sales.orders (order_id INTEGER, region VARCHAR, amount_net DECIMAL(12, 2), amount_tax DECIMAL(12, 2), status VARCHAR);
CREATE TABLE rpt.order_amounts AS SELECT order_id, COLUMNS('^amount_') FROM sales.orders WHERE status = 'paid';
CREATE TABLE rpt.region_max AS SELECT region, max(COLUMNS('amount')) FROM sales.orders GROUP BY region;
CREATE TABLE rpt.orders_copy AS SELECT COLUMNS(*) FROM sales.orders;`, 'dbvduckdb');
    expect(a.pairs).toEqual([
      'sales.orders.amount_net -> rpt.order_amounts.amount_net',
      'sales.orders.amount_net -> rpt.orders_copy.amount_net',
      'sales.orders.amount_net -> rpt.region_max.max(amount_net)',
      'sales.orders.amount_tax -> rpt.order_amounts.amount_tax',
      'sales.orders.amount_tax -> rpt.orders_copy.amount_tax',
      'sales.orders.amount_tax -> rpt.region_max.max(amount_tax)',
      'sales.orders.order_id -> rpt.order_amounts.order_id',
      'sales.orders.order_id -> rpt.orders_copy.order_id',
      'sales.orders.region -> rpt.orders_copy.region',
      'sales.orders.region -> rpt.region_max.region',
      'sales.orders.status -> rpt.orders_copy.status',
    ]);
    expect(rows(a)).toEqual(['sales.orders.region -> rpt.region_max.RelationRows', 'sales.orders.status -> rpt.order_amounts.RelationRows']);
  });

  test.each(['dbvduckdb', 'dbvclickhouse'])('COLUMNS(\'regex\') with the columns from --schema, and through a CTE (%s)', (vendor) => {
    const dir = mkdtempSync(join(tmpdir(), 'sweep8b-'));
    try {
      const schema = join(dir, 'schema.json');
      writeFileSync(schema, JSON.stringify({ 'sales.orders': ['order_id', 'amount_net', 'amount_tax', 'status'] }));
      const a = analyzeSql(`INSERT INTO rpt.amounts SELECT COLUMNS('^amount') FROM sales.orders;
INSERT INTO rpt.ids WITH x AS (SELECT order_id, status FROM sales.orders) SELECT COLUMNS('_id$') FROM x;`, vendor, { relationTypes: ['fdd', 'fdr'], schemaFiles: [schema] });
      expect(a.errors).toEqual([]);
      expect(a.warnings).toEqual([]);
      expect(a.pairs).toEqual([
        'sales.orders.amount_net -> rpt.amounts.amount_net',
        'sales.orders.amount_tax -> rpt.amounts.amount_tax',
        'sales.orders.order_id -> rpt.ids.order_id',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('COLUMNS(* EXCLUDE (..)) inside an aggregate, COLUMNS(alias.*) of one FROM item', () => {
    const a = ok(`CREATE TABLE sales.daily (store_id INTEGER, units INTEGER, revenue DECIMAL(12, 2));
CREATE TABLE ref.stores (store_id INTEGER, region VARCHAR);
CREATE TABLE rpt.store_max AS SELECT store_id, max(COLUMNS(* EXCLUDE (store_id))) FROM sales.daily GROUP BY store_id;
CREATE TABLE rpt.store_regions AS SELECT d.units, COLUMNS(s.*) FROM sales.daily d JOIN ref.stores s USING (store_id);`, 'dbvduckdb');
    expect(a.pairs).toEqual([
      'ref.stores.region -> rpt.store_regions.region',
      'ref.stores.store_id -> rpt.store_regions.store_id',
      'sales.daily.revenue -> rpt.store_max.max(revenue)',
      'sales.daily.store_id -> rpt.store_max.store_id',
      'sales.daily.units -> rpt.store_max.max(units)',
      'sales.daily.units -> rpt.store_regions.units',
    ]);
  });

  test('COLUMNS(..) over a table whose columns are unknown: a warning, the known sources still expand', () => {
    const a = analyzeSql(`CREATE TABLE sales.orders (order_id INTEGER, amount_net DECIMAL(12, 2));
CREATE TABLE rpt.joined AS SELECT COLUMNS('amount') FROM sales.orders o JOIN fx.rates r ON r.order_id = o.order_id;`, 'dbvduckdb', { relationTypes: ['fdd', 'fdr'] });
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual(["2:35 lineage of COLUMNS('amount') not traced for fx.rates: its columns are unknown (give --schema or CREATE TABLE)"]);
    expect(a.pairs).toEqual(['sales.orders.amount_net -> rpt.joined.amount_net']);
  });
});

describe('Snowflake ASOF JOIN .. MATCH_CONDITION', () => {
  // Before: "unknown statement 'MATCH_CONDITION (..) ON ..'" and the join's rows condition lost.
  test('the match condition and ON decide the rows; the selected columns flow', () => {
    const a = ok(`INSERT INTO mart.trade_quotes (trade_id, symbol, price, bid)
SELECT t.trade_id, t.symbol, t.price, q.bid
FROM raw.trades t
ASOF JOIN raw.quotes q MATCH_CONDITION (t.trade_ts >= q.quote_ts) ON t.symbol = q.symbol;
CREATE TABLE mart.nearest AS
SELECT l.id, r.val FROM raw.l l ASOF JOIN raw.r r MATCH_CONDITION (l.ts <= r.ts);`, 'dbvsnowflake');
    expect(a.pairs).toEqual([
      'raw.quotes.bid -> mart.trade_quotes.bid',
      'raw.trades.price -> mart.trade_quotes.price',
      'raw.trades.symbol -> mart.trade_quotes.symbol',
      'raw.trades.trade_id -> mart.trade_quotes.trade_id',
      'raw.l.id -> mart.nearest.id',
      'raw.r.val -> mart.nearest.val',
    ].sort());
    expect(rows(a)).toEqual([
      'raw.l.ts -> mart.nearest.RelationRows',
      'raw.quotes.quote_ts -> mart.trade_quotes.RelationRows',
      'raw.quotes.symbol -> mart.trade_quotes.RelationRows',
      'raw.r.ts -> mart.nearest.RelationRows',
      'raw.trades.symbol -> mart.trade_quotes.RelationRows',
      'raw.trades.trade_ts -> mart.trade_quotes.RelationRows',
    ]);
  });

  test('MATCH_CONDITION after another join is not taken as a condition (an alias stays an alias)', () => {
    const a = analyzeSql('SELECT match_condition.x FROM raw.a JOIN raw.b match_condition ON a.id = match_condition.id;', 'dbvsnowflake');
    expect(a.errors).toEqual([]);
    expect(a.pairs).toEqual(['raw.b.x -> RS-1.x']);
  });
});
