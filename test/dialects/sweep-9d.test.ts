/**
 * Production SQL of the warehouses (session 9 sweep, part d): Snowflake, BigQuery, Databricks /
 * Spark, Hive, T-SQL, ClickHouse, DuckDB, and statements common to all dialects. Pairs are
 * `source -> target` per relation type.
 */
import { ok, rows } from '../helpers/accuracy.js';
import { analyzeSql } from '../procedural/support.js';

describe('CREATE TABLE .. AS followed by no query', () => {
  test('a misspelt query after AS is a warning at its position, in every dialect', () => {
    for (const vendor of ['dbvansi', 'dbvsnowflake', 'dbvbigquery', 'dbvhive', 'dbvdatabricks', 'dbvclickhouse', 'dbvduckdb', 'dbvmssql', 'dbvoracle']) {
      const a = analyzeSql(`CREATE TABLE mart.daily_totals AS
  SELEC order_date, SUM(amount) AS total FROM sales.orders GROUP BY order_date;
CREATE TABLE mart.t2 AS (SELEC a FROM sales.orders);`, vendor);
      expect([vendor, a.errors, a.warnings]).toEqual([vendor, [], [
        '2:3 CREATE TABLE mart.daily_totals: what follows AS is not a query; its lineage is not traced',
        '3:25 CREATE TABLE mart.t2: what follows AS is not a query; its lineage is not traced',
      ]]);
    }
  });

  test('AS naming a table to copy, STORED AS, STORE AS, AS TABLE: no warning', () => {
    ok(`CREATE TABLE stage.events_buf AS analytics.events ENGINE = Buffer(analytics, events, 16, 10, 100, 10000, 1000000, 10000000, 100000000);
CREATE TABLE stage.events_copy AS analytics.events;
CREATE TABLE stage.remote_events AS remote('replica-01:9000', analytics, events);
CREATE TABLE stage.events_local AS analytics.events_template ENGINE = MergeTree() ORDER BY id SETTINGS index_granularity = 8192;`, 'dbvclickhouse');
    const hive = ok(`CREATE TABLE dw.raw_lines (line STRING) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' STORED AS TEXTFILE;
CREATE TABLE dw.fmt (a INT) STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat' OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat';
CREATE TABLE dw.orders_orc STORED AS ORC AS SELECT order_id, amount FROM staging.orders;`, 'dbvhive');
    expect(hive.pairs).toEqual(['staging.orders.amount -> dw.orders_orc.amount', 'staging.orders.order_id -> dw.orders_orc.order_id']);
    ok(`CREATE TABLE dw.orders_bak AS dw.orders WITH DATA;
CREATE TABLE dw.orders_empty AS dw.orders WITH NO DATA;`, 'dbvteradata');
    ok(`CREATE TABLE docs (id NUMBER, body CLOB) LOB (body) STORE AS SECUREFILE (TABLESPACE users);`, 'dbvoracle');
  });
});

describe('IDENTIFIER(..) names from session variables', () => {
  test('Snowflake SET v = \'db.s.t\' then IDENTIFIER($v) as INSERT target, FROM item, UPDATE and DELETE target', () => {
    const a = ok(`SET target_table = 'analytics.core.daily_orders';
SET source_table = 'raw.shop.orders';
INSERT INTO IDENTIFIER($target_table) (order_date, total)
SELECT o.order_date, SUM(o.amount) FROM IDENTIFIER($source_table) o WHERE o.status = 'COMPLETE' GROUP BY o.order_date;
UPDATE IDENTIFIER($target_table) SET total = 0 WHERE order_date < '2020-01-01';
DELETE FROM IDENTIFIER($target_table) WHERE order_date IN (SELECT d FROM raw.shop.purged_days);`, 'dbvsnowflake');
    expect(a.pairs).toEqual([
      'raw.shop.orders.amount -> analytics.core.daily_orders.total',
      'raw.shop.orders.order_date -> analytics.core.daily_orders.order_date',
    ]);
    expect(rows(a)).toEqual([
      'analytics.core.daily_orders.order_date -> analytics.core.daily_orders.RelationRows',
      'raw.shop.orders.order_date -> analytics.core.daily_orders.RelationRows',
      'raw.shop.orders.status -> analytics.core.daily_orders.RelationRows',
      'raw.shop.purged_days.d -> analytics.core.daily_orders.RelationRows',
    ]);
  });

  test('a variable set to something else than a string, or never set: warned, and no pseudo table written', () => {
    const a = analyzeSql(`SET tgt = 'analytics.core.orders';
SET tgt = $env || '.core.orders';
UPDATE IDENTIFIER($tgt) SET a = s.a FROM raw.src s WHERE s.id = 1;
DELETE FROM IDENTIFIER(:v) WHERE id IN (SELECT id FROM raw.src);
INSERT INTO IDENTIFIER($tgt) SELECT a FROM raw.src;`, 'dbvsnowflake', { relationTypes: ['fdd', 'fdr'] });
    expect(a.warnings).toEqual([
      '3:8 table named at run time by IDENTIFIER($tgt): its lineage is not traced',
      '4:13 table named at run time by IDENTIFIER(:v): its lineage is not traced',
      '5:13 table named at run time by IDENTIFIER($tgt): its lineage is not traced',
    ]);
    expect(a.pairs).toEqual([]);
    expect(a.graph.objects.filter((o) => o.type === 'pseudoTable')).toEqual([]);
  });
});

describe('ClickHouse select aliases', () => {
  test('an alias named like a column of the table is the alias in later items and WHERE (the column elsewhere)', () => {
    const a = ok(`CREATE TABLE raw.hits (ts DateTime, event_time DateTime, url String, duration UInt32) ENGINE = MergeTree ORDER BY ts;
INSERT INTO reports.hits_daily (day, url, duration, slow)
SELECT toDate(event_time) AS ts, url, intDiv(duration, 1000) AS duration, duration > 5 AS slow
FROM raw.hits
WHERE ts >= today() - 7;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'raw.hits.duration -> reports.hits_daily.duration',
      'raw.hits.duration -> reports.hits_daily.slow',
      'raw.hits.event_time -> reports.hits_daily.day',
      'raw.hits.url -> reports.hits_daily.url',
    ]);
    expect(rows(a)).toEqual(['raw.hits.event_time -> reports.hits_daily.RelationRows']);
  });

  test('Snowflake keeps the column: a lateral alias does not shadow a column of the table', () => {
    const a = ok(`CREATE TABLE raw.hits (ts TIMESTAMP, event_time TIMESTAMP, url STRING);
INSERT INTO reports.hits_daily (day, recent)
SELECT TO_DATE(event_time) AS ts, ts > '2024-01-01' AS recent FROM raw.hits;`, 'dbvsnowflake');
    expect(a.pairs).toEqual(['raw.hits.event_time -> reports.hits_daily.day', 'raw.hits.ts -> reports.hits_daily.recent']);
  });
});

describe('DuckDB COLUMNS(..)', () => {
  test('COLUMNS(\'regex\') AS "\\1_total" names each output from the pattern\'s groups; COLUMNS(* REPLACE (..) EXCLUDE (..))', () => {
    const a = ok(`CREATE TABLE finance.ledger (entry_id INTEGER, gross_amt DECIMAL(18,2), net_amt DECIMAL(18,2), tax_amt DECIMAL(18,2), fx_rate DOUBLE);
CREATE TABLE mart.ledger_totals AS
SELECT entry_id, COLUMNS('(\\w+)_amt') AS "\\1_total" FROM finance.ledger;
CREATE TABLE mart.ledger_usd AS
SELECT COLUMNS(* REPLACE (gross_amt * fx_rate AS gross_amt) EXCLUDE (fx_rate, tax_amt)) FROM finance.ledger;`, 'dbvduckdb');
    expect(a.pairs).toEqual([
      'finance.ledger.entry_id -> mart.ledger_totals.entry_id',
      'finance.ledger.entry_id -> mart.ledger_usd.entry_id',
      'finance.ledger.fx_rate -> mart.ledger_usd.gross_amt',
      'finance.ledger.gross_amt -> mart.ledger_totals.gross_total',
      'finance.ledger.gross_amt -> mart.ledger_usd.gross_amt',
      'finance.ledger.net_amt -> mart.ledger_totals.net_total',
      'finance.ledger.net_amt -> mart.ledger_usd.net_amt',
      'finance.ledger.tax_amt -> mart.ledger_totals.tax_total',
    ]);
  });
});

describe('Hive / Spark FROM-first queries in parentheses', () => {
  test('(FROM t SELECT .. WHERE ..) as a derived table and an IN subquery; EXTRACT/TRIM/SUBSTRING .. FROM unchanged', () => {
    for (const vendor of ['dbvhive', 'dbvsparksql', 'dbvdatabricks']) {
      const a = ok(`INSERT OVERWRITE TABLE dw.active_accounts PARTITION (dt = '2024-06-01')
SELECT x.account_id, TRIM(BOTH ' ' FROM x.name) AS name, EXTRACT(YEAR FROM x.opened_at) AS opened_year
FROM (FROM ods.accounts a SELECT a.account_id, a.name, a.opened_at WHERE a.status = 'ACTIVE') x
WHERE x.account_id NOT IN (FROM ods.blocked b SELECT b.account_id);`, vendor);
      expect([vendor, a.pairs]).toEqual([vendor, [
        'ods.accounts.account_id -> dw.active_accounts.account_id',
        'ods.accounts.name -> dw.active_accounts.name',
        'ods.accounts.opened_at -> dw.active_accounts.opened_year',
      ]]);
      expect([vendor, rows(a)]).toEqual([vendor, [
        'ods.accounts.account_id -> dw.active_accounts.RelationRows',
        'ods.accounts.status -> dw.active_accounts.RelationRows',
        'ods.blocked.account_id -> dw.active_accounts.RelationRows',
      ]]);
    }
  });
});

describe('BigQuery ML', () => {
  test('CREATE OR REPLACE MODEL .. TRANSFORM(..) OPTIONS(..) AS SELECT: the model is created from the query\'s columns', () => {
    const a = ok(`CREATE OR REPLACE MODEL \`proj.ml.churn_model\`
TRANSFORM(ML.STANDARD_SCALER(tenure) OVER() AS tenure_scaled, plan, churned)
OPTIONS(model_type = 'logistic_reg', input_label_cols = ['churned']) AS
SELECT c.tenure, c.plan, IF(c.cancelled_at IS NULL, 0, 1) AS churned
FROM \`proj.crm.customers\` c
WHERE c.signup_date < '2024-01-01';
CREATE MODEL IF NOT EXISTS ml.sales_forecast
OPTIONS(model_type = 'ARIMA_PLUS', time_series_timestamp_col = 'd', time_series_data_col = 'v') AS
(SELECT order_date AS d, SUM(amount) AS v FROM sales.orders GROUP BY order_date);`, 'dbvbigquery');
    expect(a.pairs).toEqual([
      'proj.crm.customers.cancelled_at -> proj.ml.churn_model.churned',
      'proj.crm.customers.plan -> proj.ml.churn_model.plan',
      'proj.crm.customers.tenure -> proj.ml.churn_model.tenure',
      'sales.orders.amount -> ml.sales_forecast.v',
      'sales.orders.order_date -> ml.sales_forecast.d',
    ]);
    expect(rows(a)).toEqual(['proj.crm.customers.signup_date -> proj.ml.churn_model.RelationRows', 'sales.orders.order_date -> ml.sales_forecast.RelationRows']);
  });

  test('a model without a query is skipped; ML.PREDICT(MODEL m, TABLE t | (query)) parses and reads both', () => {
    const a = ok(`CREATE MODEL ml.imported OPTIONS (model_type = 'TENSORFLOW', model_path = 'gs://models/churn/*');
CREATE TABLE ml.scored AS
SELECT * FROM ML.PREDICT(MODEL \`proj.ml.churn_model\`, (SELECT customer_id, tenure FROM \`proj.crm.customers\`));
CREATE TABLE ml.scored_all AS SELECT * FROM ML.PREDICT(MODEL ml.imported, TABLE crm.prospects);`, 'dbvbigquery');
    expect(a.procs.map((p) => `${p.reads.join(',')} -> ${p.writes.join(',')}`)).toEqual([
      'proj.crm.customers,proj.ml.churn_model -> ml.scored',
      'crm.prospects,ml.imported -> ml.scored_all',
    ]);
  });
});

describe('Databricks Delta Live Tables', () => {
  test('LIVE.t is the pipeline table t; APPLY CHANGES INTO .. COLUMNS * EXCEPT (..) STORED AS SCD TYPE 2', () => {
    const a = ok(`CREATE OR REFRESH STREAMING TABLE customers_cdc (
  CONSTRAINT valid_id EXPECT (customer_id IS NOT NULL) ON VIOLATION DROP ROW
) AS SELECT customer_id, name, email, operation, seq_num FROM STREAM read_files('/Volumes/raw/cdc/customers', format => 'json');
CREATE OR REFRESH STREAMING TABLE customers_scd;
APPLY CHANGES INTO LIVE.customers_scd
FROM STREAM(LIVE.customers_cdc)
KEYS (customer_id)
IGNORE NULL UPDATES
APPLY AS DELETE WHEN operation = 'DELETE'
SEQUENCE BY seq_num
COLUMNS * EXCEPT (operation, seq_num)
STORED AS SCD TYPE 2;
CREATE OR REFRESH MATERIALIZED VIEW customer_domains AS
SELECT split_part(email, '@', 2) AS domain, count(customer_id) AS customers FROM LIVE.customers_scd GROUP BY 1;`, 'dbvdatabricks');
    expect(a.pairs.filter((p) => !p.startsWith('/Volumes'))).toEqual([
      'customers_cdc.customer_id -> customers_scd.customer_id',
      'customers_cdc.email -> customers_scd.email',
      'customers_cdc.name -> customers_scd.name',
      'customers_cdc.seq_num -> customers_scd.__END_AT',
      'customers_cdc.seq_num -> customers_scd.__START_AT',
      'customers_scd.customer_id -> customer_domains.customers',
      'customers_scd.email -> customer_domains.domain',
    ]);
    expect(rows(a).filter((p) => p.includes('customers_scd.RelationRows'))).toEqual([
      'customers_cdc.customer_id -> customers_scd.RelationRows',
      'customers_cdc.operation -> customers_scd.RelationRows',
      'customers_cdc.seq_num -> customers_scd.RelationRows',
    ]);
  });

  test('APPLY CHANGES INTO with a column list, SCD type 1, a source read without STREAM', () => {
    const a = ok(`APPLY CHANGES INTO LIVE.products FROM LIVE.products_cdc KEYS (sku, region) SEQUENCE BY struct(updated_at, seq) COLUMNS sku, region, price STORED AS SCD TYPE 1;`, 'dbvdatabricks');
    expect(a.pairs).toEqual(['products_cdc.price -> products.price', 'products_cdc.region -> products.region', 'products_cdc.sku -> products.sku']);
    expect(rows(a)).toEqual([
      'products_cdc.region -> products.RelationRows',
      'products_cdc.seq -> products.RelationRows',
      'products_cdc.sku -> products.RelationRows',
      'products_cdc.updated_at -> products.RelationRows',
    ]);
  });
});

describe('ClickHouse tuple elements', () => {
  test('kv.1 / kv.2 of an ARRAY JOIN alias read the array it comes from (was a syntax error)', () => {
    const a = ok(`INSERT INTO analytics.user_props (user_id, k, v)
SELECT user_id, kv.1 AS k, kv.2 AS v
FROM analytics.events_local
ARRAY JOIN arrayZip(mapKeys(props), mapValues(props)) AS kv
WHERE event_date = today();
SELECT t.1 AS first, tupleElement(t, 2) AS second FROM (SELECT tuple(a, b) AS t FROM raw.pairs);`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'analytics.events_local.props -> analytics.user_props.k',
      'analytics.events_local.props -> analytics.user_props.v',
      'analytics.events_local.user_id -> analytics.user_props.user_id',
      'raw.pairs.a -> RS-1.first',
      'raw.pairs.a -> RS-1.second',
      'raw.pairs.b -> RS-1.first',
      'raw.pairs.b -> RS-1.second',
    ]);
  });
});

describe('DuckDB select lists', () => {
  test('struct literal {..} (was a syntax error), a field of a lateral alias, an alias in QUALIFY', () => {
    const a = ok(`CREATE TABLE stg.trips (trip_id INTEGER, vendor_id INTEGER, fare DOUBLE, tip DOUBLE, pickup_ts TIMESTAMP);
CREATE TABLE mart.trip_docs AS
SELECT {'id': trip_id, 'total': fare + tip} AS doc, doc.total AS total, fare * 1.1 AS fare_gross, fare_gross - tip AS net
FROM stg.trips;
CREATE TABLE mart.top_vendors AS
SELECT vendor_id, sum(fare) AS revenue
FROM stg.trips
GROUP BY ALL
QUALIFY row_number() OVER (ORDER BY revenue DESC) <= 10;`, 'dbvduckdb');
    expect(a.pairs).toEqual([
      'stg.trips.fare -> mart.top_vendors.revenue',
      'stg.trips.fare -> mart.trip_docs.doc',
      'stg.trips.fare -> mart.trip_docs.fare_gross',
      'stg.trips.fare -> mart.trip_docs.net',
      'stg.trips.fare -> mart.trip_docs.total',
      'stg.trips.tip -> mart.trip_docs.doc',
      'stg.trips.tip -> mart.trip_docs.net',
      'stg.trips.tip -> mart.trip_docs.total',
      'stg.trips.trip_id -> mart.trip_docs.doc',
      'stg.trips.trip_id -> mart.trip_docs.total',
      'stg.trips.vendor_id -> mart.top_vendors.vendor_id',
    ]);
    expect(rows(a)).toEqual(['stg.trips.fare -> mart.top_vendors.RelationRows', 'stg.trips.vendor_id -> mart.top_vendors.RelationRows']);
  });
});

describe('Snowflake Scripting variables naming tables', () => {
  test('DECLARE v DEFAULT \'..\' / LET v := \'..\' then IDENTIFIER(:v) as target and source', () => {
    const a = ok(`CREATE OR REPLACE PROCEDURE etl.copy_sales()
RETURNS VARCHAR
LANGUAGE SQL
AS
$$
DECLARE
  tgt VARCHAR DEFAULT 'analytics.core.fact_sales';
BEGIN
  LET src VARCHAR := 'raw.sales.transactions';
  INSERT INTO IDENTIFIER(:tgt) (sale_id, amount) SELECT id, amt FROM IDENTIFIER(:src) WHERE amt IS NOT NULL;
  RETURN 'done';
END;
$$;`, 'dbvsnowflake');
    expect(a.pairs).toEqual(['raw.sales.transactions.amt -> analytics.core.fact_sales.amount', 'raw.sales.transactions.id -> analytics.core.fact_sales.sale_id']);
    expect(rows(a)).toEqual(['raw.sales.transactions.amt -> analytics.core.fact_sales.RelationRows']);
  });
});

describe('Databricks SQL session variables', () => {
  test('DECLARE [OR REPLACE] VARIABLE v .. DEFAULT / = \'..\', SET VAR v = \'..\', then IDENTIFIER(v)', () => {
    const a = ok(`DECLARE OR REPLACE VARIABLE target_tbl STRING DEFAULT 'main.gold.daily_kpis';
DECLARE VARIABLE src_tbl STRING = 'main.silver.orders';
INSERT INTO IDENTIFIER(target_tbl) SELECT order_date, SUM(amount) AS revenue FROM IDENTIFIER(src_tbl) GROUP BY order_date;
SET VAR src_tbl = 'main.silver.orders_v2';
INSERT INTO IDENTIFIER(target_tbl) SELECT order_date, SUM(net_amount) AS revenue FROM IDENTIFIER(src_tbl) GROUP BY order_date;`, 'dbvdatabricks');
    expect(a.pairs).toEqual([
      'main.silver.orders.amount -> main.gold.daily_kpis.revenue',
      'main.silver.orders.order_date -> main.gold.daily_kpis.order_date',
      'main.silver.orders_v2.net_amount -> main.gold.daily_kpis.revenue',
      'main.silver.orders_v2.order_date -> main.gold.daily_kpis.order_date',
    ]);
  });
});

describe('a FROM item used as a value: its whole row', () => {
  test('BigQuery ARRAY_AGG(o ORDER BY .. LIMIT 1)[OFFSET(0)].f (was column o of the table), TO_JSON_STRING(t)', () => {
    const a = ok(`CREATE TABLE raw.orders (order_id INT64, customer_id INT64, amount NUMERIC, order_ts TIMESTAMP);
INSERT INTO mart.latest_order (customer_id, last_order_id)
SELECT customer_id, ARRAY_AGG(o ORDER BY order_ts DESC LIMIT 1)[OFFSET(0)].order_id
FROM raw.orders o
GROUP BY customer_id;
INSERT INTO mart.order_docs (doc) SELECT TO_JSON_STRING(e) FROM raw.events e;`, 'dbvbigquery');
    expect(a.pairs).toEqual([
      'raw.events.* -> mart.order_docs.doc',
      'raw.orders.amount -> mart.latest_order.last_order_id',
      'raw.orders.customer_id -> mart.latest_order.customer_id',
      'raw.orders.customer_id -> mart.latest_order.last_order_id',
      'raw.orders.order_id -> mart.latest_order.last_order_id',
      'raw.orders.order_ts -> mart.latest_order.last_order_id',
    ]);
  });
});

describe('T-SQL OUTPUT of a statement with CTEs', () => {
  test('WITH src AS (..) MERGE .. USING src .. OUTPUT inserted.c INTO log: src is the CTE, not a table named src', () => {
    const a = ok(`WITH src AS (SELECT customer_id, SUM(amount) AS total FROM dbo.orders GROUP BY customer_id)
MERGE INTO dbo.customer_totals WITH (HOLDLOCK) AS t
USING src AS s ON t.customer_id = s.customer_id
WHEN MATCHED THEN UPDATE SET t.total = s.total
WHEN NOT MATCHED THEN INSERT (customer_id, total) VALUES (s.customer_id, s.total)
OUTPUT $action AS act, inserted.customer_id, inserted.total AS new_total INTO dbo.merge_log (act, customer_id, new_total);`, 'dbvmssql');
    expect(a.pairs).toEqual([
      'dbo.customer_totals.customer_id -> dbo.merge_log.customer_id',
      'dbo.orders.amount -> dbo.customer_totals.total',
      'dbo.orders.amount -> dbo.merge_log.new_total',
      'dbo.orders.customer_id -> dbo.customer_totals.customer_id',
      'dbo.orders.customer_id -> dbo.merge_log.customer_id',
    ]);
  });
});

describe('BigQuery SELECT AS STRUCT in a scalar or ARRAY subquery', () => {
  test('the struct holds every item (only the first was read)', () => {
    const a = ok(`CREATE OR REPLACE TABLE \`p.mart.user_structs\` AS
SELECT u.user_id,
  (SELECT AS STRUCT u.email, u.country) AS contact,
  ARRAY(SELECT AS STRUCT o.order_id, o.amount FROM \`p.raw.orders\` o WHERE o.user_id = u.user_id) AS orders,
  (SELECT o.amount FROM \`p.raw.orders\` o WHERE o.user_id = u.user_id ORDER BY o.order_ts DESC LIMIT 1) AS last_amount
FROM \`p.raw.users\` u;`, 'dbvbigquery');
    expect(a.pairs).toEqual([
      'p.raw.orders.amount -> p.mart.user_structs.last_amount',
      'p.raw.orders.amount -> p.mart.user_structs.orders',
      'p.raw.orders.order_id -> p.mart.user_structs.orders',
      'p.raw.users.country -> p.mart.user_structs.contact',
      'p.raw.users.email -> p.mart.user_structs.contact',
      'p.raw.users.user_id -> p.mart.user_structs.user_id',
    ]);
  });
});

describe('Spark / Hive generator aliases AS (a, b)', () => {
  test('stack(n, ..) AS (name, value): each output from its own arguments; explode(map) AS (k, v) (were syntax errors)', () => {
    for (const vendor of ['dbvsparksql', 'dbvdatabricks', 'dbvhive']) {
      const a = ok(`INSERT INTO dw.metrics (id, metric, value)
SELECT id, stack(3, 'clicks', clicks, 'views', page_views, 'buys', orders) AS (metric, value) FROM ods.daily_stats;
INSERT INTO dw.attrs (id, k, v) SELECT id, explode(attributes) AS (k, v) FROM ods.products;`, vendor);
      expect([vendor, a.pairs]).toEqual([vendor, [
        'ods.daily_stats.clicks -> dw.metrics.value',
        'ods.daily_stats.id -> dw.metrics.id',
        'ods.daily_stats.orders -> dw.metrics.value',
        'ods.daily_stats.page_views -> dw.metrics.value',
        'ods.products.attributes -> dw.attrs.k',
        'ods.products.attributes -> dw.attrs.v',
        'ods.products.id -> dw.attrs.id',
      ]]);
    }
  });
});
