/**
 * Production SQL of the dialects swept least (session 10, third sweep): Hive, Spark SQL,
 * ClickHouse, DuckDB, SAP HANA, Greenplum, Netezza, Sybase ASE, Exasol, MariaDB, Impala,
 * Informix, Azure Synapse, SQLite and Snowflake dbt models. Pairs are `source -> target` per
 * relation type.
 */
import { ok } from '../helpers/accuracy.js';

describe('named function arguments written name := value', () => {
  test('DuckDB struct_pack(a := x) and PostgreSQL make_interval(days := n): the names are not columns', () => {
    const duck = ok(`CREATE VIEW mart.v_order_events AS
SELECT e.order_id, struct_pack(sku := e.sku, qty := e.quantity) AS line, json_extract_string(e.payload, '$.country') AS country
FROM raw.order_events e;`, 'dbvduckdb');
    expect(duck.pairs).toEqual([
      'raw.order_events.order_id -> mart.v_order_events.order_id',
      'raw.order_events.payload -> mart.v_order_events.country',
      'raw.order_events.quantity -> mart.v_order_events.line',
      'raw.order_events.sku -> mart.v_order_events.line',
    ]);
    const pg = ok(`INSERT INTO billing.renewals (sub_id, renew_at)
SELECT s.sub_id, s.started_at + make_interval(months := s.term_months, days := s.grace_days) FROM billing.subscriptions s;`, 'dbvpostgresql');
    expect(pg.pairs).toEqual([
      'billing.subscriptions.grace_days -> billing.renewals.renew_at',
      'billing.subscriptions.started_at -> billing.renewals.renew_at',
      'billing.subscriptions.sub_id -> billing.renewals.sub_id',
      'billing.subscriptions.term_months -> billing.renewals.renew_at',
    ]);
  });

  test('MySQL f(@v := x) still assigns a user variable: x is read', () => {
    const my = ok(`INSERT INTO rpt.running (id, total) SELECT o.id, GREATEST(@run := @run + o.amount, 0) FROM shop.orders o ORDER BY o.id;`, 'dbvmysql');
    expect(my.pairs).toEqual(['shop.orders.amount -> rpt.running.total', 'shop.orders.id -> rpt.running.id']);
  });
});

describe('SAP HANA REPLACE, its UPSERT', () => {
  test('REPLACE t (cols) query WITH PRIMARY KEY / VALUES (..) WHERE ..: an insert of the query', () => {
    const a = ok(`REPLACE mart.prices (sku, price) SELECT p.sku, p.list_price * fx.rate FROM stage.prices p JOIN ref.fx fx ON fx.cur = p.cur WITH PRIMARY KEY;
REPLACE mart.price_audit (sku, note) VALUES ('X1', 'manual') WHERE sku = 'X1';`, 'dbvhana');
    expect(a.pairs).toEqual([
      'ref.fx.rate -> mart.prices.price',
      'stage.prices.list_price -> mart.prices.price',
      'stage.prices.sku -> mart.prices.sku',
    ]);
  });
});

describe('Informix outer joins written in the FROM list', () => {
  test('FROM a, OUTER b and FROM a, OUTER (b, OUTER c): every item is read, the join conditions in WHERE', () => {
    const a = ok(`SELECT c.customer_num, c.lname, SUM(o.ship_charge) AS charges
FROM customer c, OUTER orders o
WHERE c.customer_num = o.customer_num
GROUP BY 1, 2
INTO TEMP tmp_charges WITH NO LOG;
INSERT INTO cust_items (customer_num, order_num, stock_num, charges)
SELECT c.customer_num, o.order_num, i.stock_num, t.charges
FROM customer c, tmp_charges t, OUTER (orders o, OUTER items i)
WHERE t.customer_num = c.customer_num AND c.customer_num = o.customer_num AND o.order_num = i.order_num;`, 'dbvinformix');
    expect(a.pairs).toEqual([
      'customer.customer_num -> cust_items.customer_num',
      'customer.customer_num -> tmp_charges.customer_num',
      'customer.lname -> tmp_charges.lname',
      'items.stock_num -> cust_items.stock_num',
      'orders.order_num -> cust_items.order_num',
      'orders.ship_charge -> tmp_charges.charges',
      'tmp_charges.charges -> cust_items.charges',
    ]);
  });
});

describe('DuckDB USING SAMPLE', () => {
  test('USING SAMPLE 10% / reservoir(500 ROWS) REPEATABLE (42) after WHERE and QUALIFY: constants, the query flows on', () => {
    const a = ok(`CREATE TABLE mart.order_sample AS
SELECT o.order_id, o.customer_id, o.amount * fx.rate AS amount_usd
FROM raw.orders o JOIN ref.fx_rates fx USING (currency)
WHERE o.order_date >= DATE '2024-01-01'
USING SAMPLE 10%;
INSERT INTO mart.latest_sample (customer_id, last_amount)
SELECT customer_id, amount FROM raw.orders
QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY order_date DESC) = 1
USING SAMPLE reservoir(500 ROWS) REPEATABLE (42);`, 'dbvduckdb');
    expect(a.pairs).toEqual([
      'raw.orders.amount -> mart.latest_sample.last_amount',
      'raw.orders.amount -> mart.order_sample.amount_usd',
      'raw.orders.customer_id -> mart.latest_sample.customer_id',
      'raw.orders.customer_id -> mart.order_sample.customer_id',
      'raw.orders.order_id -> mart.order_sample.order_id',
      'ref.fx_rates.rate -> mart.order_sample.amount_usd',
    ]);
  });
});

describe('Netezza transient external tables', () => {
  test('INSERT .. SELECT .. FROM EXTERNAL \'file\' (cols) USING (..) and SAMEAS t: the file\'s rows flow into the table', () => {
    const a = ok(`INSERT INTO mart.sales_daily (sale_id, store_id, amount)
SELECT x.sale_id, x.store_id, x.amount * 100
FROM EXTERNAL '/landing/sales_20240101.csv' (sale_id BIGINT, store_id INT, amount NUMERIC(12,2))
USING (DELIMITER '|' SKIPROWS 1 REMOTESOURCE 'ODBC') x;
INSERT INTO mart.stores SELECT store_id, store_name FROM EXTERNAL '/landing/stores.dat' SAMEAS mart.stores USING (DELIMITER ',');`, 'dbvnetezza');
    expect(a.pairs).toEqual([
      '/landing/sales_20240101.csv.amount -> mart.sales_daily.amount',
      '/landing/sales_20240101.csv.sale_id -> mart.sales_daily.sale_id',
      '/landing/sales_20240101.csv.store_id -> mart.sales_daily.store_id',
      '/landing/stores.dat.store_id -> mart.stores.store_id',
      '/landing/stores.dat.store_name -> mart.stores.store_name',
    ]);
  });
});

describe('ClickHouse INSERT INTO FUNCTION', () => {
  test('INSERT INTO FUNCTION s3(..) / file(..) writes the file; remote(\'addr\', db, table) writes the table', () => {
    const a = ok(`INSERT INTO FUNCTION s3('https://exports.s3.amazonaws.com/daily/users.csv', 'CSV', 'user_id UInt64, total Float64')
SELECT user_id, sum(amount) AS total FROM analytics.payments WHERE day = yesterday() GROUP BY user_id;
INSERT INTO TABLE FUNCTION remote('archive-01:9000', archive, payments_2023) (user_id, amount)
SELECT user_id, amount FROM analytics.payments WHERE toYear(day) = 2023;
INSERT INTO FUNCTION remote('archive-02:9000', 'archive.refunds') SELECT user_id, amount FROM analytics.refunds SETTINGS max_threads = 4;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'analytics.payments.amount -> archive.payments_2023.amount',
      'analytics.payments.amount -> https://exports.s3.amazonaws.com/daily/users.csv.total',
      'analytics.payments.user_id -> archive.payments_2023.user_id',
      'analytics.payments.user_id -> https://exports.s3.amazonaws.com/daily/users.csv.user_id',
      'analytics.refunds.amount -> archive.refunds.amount',
      'analytics.refunds.user_id -> archive.refunds.user_id',
    ]);
  });
});

describe('ClickHouse remote table functions', () => {
  test('FROM remote(\'addr\', db, table) / cluster(\'name\', db.table) / remote(\'addr\', \'db.table\'): the rows of that table', () => {
    const a = ok(`INSERT INTO analytics.events_local (event_id, user_id, ts)
SELECT event_id, user_id, ts FROM remote('ch-old-{01..03}:9000', legacy, events) WHERE ts >= '2024-01-01';
CREATE VIEW analytics.v_all_sessions AS
SELECT s.session_id, s.user_id, u.country
FROM cluster('main', analytics.sessions_local) AS s
JOIN remoteSecure('dim-01:9440', 'dims.users', 'reader', 'secret') AS u ON u.user_id = s.user_id;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'analytics.sessions_local.session_id -> analytics.v_all_sessions.session_id',
      'analytics.sessions_local.user_id -> analytics.v_all_sessions.user_id',
      'dims.users.country -> analytics.v_all_sessions.country',
      'legacy.events.event_id -> analytics.events_local.event_id',
      'legacy.events.ts -> analytics.events_local.ts',
      'legacy.events.user_id -> analytics.events_local.user_id',
    ]);
  });
});

describe('Impala INSERT with the partition after the column list and a bracketed hint', () => {
  test('INSERT INTO t (cols) PARTITION (..) [SHUFFLE] query and INSERT OVERWRITE t PARTITION (..) [NOSHUFFLE] query', () => {
    const a = ok(`INSERT INTO dw.sales_fact (sale_id, store_id, amount) PARTITION (year = 2024, month = 1)
[SHUFFLE]
SELECT s.sale_id, s.store_id, s.qty * s.unit_price FROM stage.sales s WHERE s.year = 2024 AND s.month = 1;
INSERT OVERWRITE dw.store_totals PARTITION (year) [NOSHUFFLE]
SELECT store_id, sum(amount) AS total, year FROM dw.sales_fact GROUP BY store_id, year;`, 'dbvimpala');
    expect(a.pairs).toEqual([
      'dw.sales_fact.amount -> dw.store_totals.total',
      'dw.sales_fact.store_id -> dw.store_totals.store_id',
      'dw.sales_fact.year -> dw.store_totals.year',
      'stage.sales.qty -> dw.sales_fact.amount',
      'stage.sales.sale_id -> dw.sales_fact.sale_id',
      'stage.sales.store_id -> dw.sales_fact.store_id',
      'stage.sales.unit_price -> dw.sales_fact.amount',
    ]);
  });
});

describe('dynamic partition columns with an explicit column list', () => {
  test('Hive PARTITION (country = \'US\', dt) (cols) and Impala (cols) PARTITION (year = 2024, month): the last select items fill the dynamic partitions', () => {
    const hive = ok(`INSERT INTO TABLE dw.page_events PARTITION (country = 'US', dt) (user_id, url)
SELECT e.user_id, e.url, to_date(e.event_ts) FROM ods.raw_events e WHERE e.country_code = 'US';`, 'dbvhive');
    expect(hive.pairs).toEqual([
      'ods.raw_events.event_ts -> dw.page_events.dt',
      'ods.raw_events.url -> dw.page_events.url',
      'ods.raw_events.user_id -> dw.page_events.user_id',
    ]);
    const impala = ok(`INSERT INTO dw.sales_fact (sale_id, amount) PARTITION (year = 2024, month) [SHUFFLE]
SELECT s.sale_id, s.qty * s.unit_price, s.sale_month FROM stage.sales s WHERE s.sale_year = 2024;`, 'dbvimpala');
    expect(impala.pairs).toEqual([
      'stage.sales.qty -> dw.sales_fact.amount',
      'stage.sales.sale_id -> dw.sales_fact.sale_id',
      'stage.sales.sale_month -> dw.sales_fact.month',
      'stage.sales.unit_price -> dw.sales_fact.amount',
    ]);
  });
});
