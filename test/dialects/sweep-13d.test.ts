/**
 * Lineage gaps found in session 13 (Oracle / Snowflake multi-table inserts, Vertica types, Sybase
 * sp_rename, ClickHouse dictionaries, PL/SQL collections). Pairs are `source -> target` per relation type.
 */
import { decided, ok, rows } from '../helpers/accuracy.js';

describe('multi-table INSERT FIRST / ALL: WHEN and VALUES qualified with the query\'s FROM aliases', () => {
  test('Oracle INSERT FIRST: o.amount of WHEN decides its branch and the ELSE branch', () => {
    const a = ok(`INSERT FIRST
  WHEN o.amount > 1000 THEN INTO sales.big_orders (order_id, amt) VALUES (order_id, amount)
  ELSE INTO sales.small_orders (order_id, amt) VALUES (order_id, amount)
SELECT o.order_id, o.amount FROM sales.orders o WHERE o.status = 'SHIPPED';`, 'dbvoracle');
    expect(a.pairs).toEqual([
      'sales.orders.amount -> sales.big_orders.amt',
      'sales.orders.amount -> sales.small_orders.amt',
      'sales.orders.order_id -> sales.big_orders.order_id',
      'sales.orders.order_id -> sales.small_orders.order_id',
    ]);
    expect(rows(a)).toEqual([
      'sales.orders.amount -> sales.big_orders.RelationRows',
      'sales.orders.amount -> sales.small_orders.RelationRows',
      'sales.orders.status -> sales.big_orders.RelationRows',
      'sales.orders.status -> sales.small_orders.RelationRows',
    ]);
  });

  test('Oracle INSERT ALL over a join: each WHEN decides its own branch only; qualified VALUES flow', () => {
    const a = ok(`INSERT ALL
  WHEN o.amount > 1000 THEN INTO dw.large_orders (order_id, amt, segment) VALUES (o.order_id, o.amount, c.segment)
  WHEN c.region = 'EU' THEN INTO dw.eu_orders (order_id, cust_id) VALUES (o.order_id, o.cust_id)
SELECT o.order_id, o.amount, o.cust_id, c.segment, c.region
FROM stg.orders o JOIN stg.customers c ON c.cust_id = o.cust_id;`, 'dbvoracle');
    expect(a.pairs).toEqual([
      'stg.customers.segment -> dw.large_orders.segment',
      'stg.orders.amount -> dw.large_orders.amt',
      'stg.orders.cust_id -> dw.eu_orders.cust_id',
      'stg.orders.order_id -> dw.eu_orders.order_id',
      'stg.orders.order_id -> dw.large_orders.order_id',
    ]);
    expect(rows(a)).toEqual([
      'stg.customers.cust_id -> dw.eu_orders.RelationRows',
      'stg.customers.cust_id -> dw.large_orders.RelationRows',
      'stg.customers.region -> dw.eu_orders.RelationRows',
      'stg.orders.amount -> dw.large_orders.RelationRows',
      'stg.orders.cust_id -> dw.eu_orders.RelationRows',
      'stg.orders.cust_id -> dw.large_orders.RelationRows',
    ]);
  });

  test('Oracle: o.amount passed on as AS amt is read as that output (no warning)', () => {
    const a = ok(`INSERT ALL
  WHEN o.amount >= 10000 THEN INTO risk.large_txn (txn_id, amt) VALUES (txn_id, amt)
  WHEN o.channel = 'WEB' THEN INTO risk.web_txn (txn_id) VALUES (txn_id)
SELECT o.id AS txn_id, o.amount AS amt, o.channel FROM pay.transactions o;`, 'dbvoracle');
    expect(a.pairs).toEqual([
      'pay.transactions.amount -> risk.large_txn.amt',
      'pay.transactions.id -> risk.large_txn.txn_id',
      'pay.transactions.id -> risk.web_txn.txn_id',
    ]);
    expect(rows(a)).toEqual([
      'pay.transactions.amount -> risk.large_txn.RelationRows',
      'pay.transactions.channel -> risk.web_txn.RelationRows',
    ]);
  });

  test('Snowflake conditional multi-table insert with qualified WHEN conditions', () => {
    const a = ok(`INSERT FIRST
  WHEN s.qty >= 100 THEN INTO analytics.bulk_sales (sku, qty) VALUES (sku, qty)
  WHEN s.qty >= 10 THEN INTO analytics.mid_sales (sku, qty) VALUES (sku, qty)
  ELSE INTO analytics.retail_sales (sku, qty) VALUES (sku, qty)
SELECT s.sku, s.qty FROM raw.sales s;`, 'dbvsnowflake');
    expect(a.pairs).toEqual([
      'raw.sales.qty -> analytics.bulk_sales.qty',
      'raw.sales.qty -> analytics.mid_sales.qty',
      'raw.sales.qty -> analytics.retail_sales.qty',
      'raw.sales.sku -> analytics.bulk_sales.sku',
      'raw.sales.sku -> analytics.mid_sales.sku',
      'raw.sales.sku -> analytics.retail_sales.sku',
    ]);
    expect(rows(a)).toEqual([
      'raw.sales.qty -> analytics.bulk_sales.RelationRows',
      'raw.sales.qty -> analytics.mid_sales.RelationRows',
      'raw.sales.qty -> analytics.retail_sales.RelationRows',
    ]);
  });
});

describe('Vertica complex types in column definitions and casts', () => {
  const ddl = `CREATE TABLE stg.customer_profile (
  customer_id INT NOT NULL,
  tags ARRAY[VARCHAR(20), 16],
  prefs MAP<VARCHAR(10), INT>,
  address ROW(street VARCHAR(80), city VARCHAR(40), zip CHAR(5)),
  phones ARRAY[ROW(kind VARCHAR(10), num VARCHAR(20))],
  segments SET[INT]
);
`;
  test('ARRAY[type, n], SET[type], MAP<k, v> and ROW(..) columns are declared: SELECT * copies each', () => {
    const a = ok(`${ddl}INSERT INTO mart.customer_snapshot SELECT * FROM stg.customer_profile;
SELECT customer_id, CAST(tags AS ARRAY[VARCHAR(50)]) AS tag_list FROM stg.customer_profile;`, 'dbvvertica');
    expect(a.pairs).toEqual([
      'stg.customer_profile.address -> mart.customer_snapshot.address',
      'stg.customer_profile.customer_id -> RS-1.customer_id',
      'stg.customer_profile.customer_id -> mart.customer_snapshot.customer_id',
      'stg.customer_profile.phones -> mart.customer_snapshot.phones',
      'stg.customer_profile.prefs -> mart.customer_snapshot.prefs',
      'stg.customer_profile.segments -> mart.customer_snapshot.segments',
      'stg.customer_profile.tags -> RS-1.tag_list',
      'stg.customer_profile.tags -> mart.customer_snapshot.tags',
    ]);
  });

  test('the field of a ROW column read as column.field; an array column filtering the rows', () => {
    const a = ok(`${ddl}INSERT INTO mart.cust_city (customer_id, city)
SELECT customer_id, address.city FROM stg.customer_profile WHERE CONTAINS(tags, 'vip');`, 'dbvvertica');
    expect(a.pairs).toEqual([
      'stg.customer_profile.address -> mart.cust_city.city',
      'stg.customer_profile.customer_id -> mart.cust_city.customer_id',
    ]);
    expect(rows(a)).toEqual(['stg.customer_profile.tags -> mart.cust_city.RelationRows']);
  });
});

describe('sp_rename of a column: Sybase ASE table.column without a type, T-SQL with \'COLUMN\'', () => {
  const script = (rename: string) => `CREATE TABLE dbo.orders (order_id INT NOT NULL, cust_id INT, amt MONEY)
go
${rename}
go
INSERT INTO dbo.order_hist SELECT * FROM dbo.orders WHERE amount > 0
go
`;
  const renamed = [
    'dbo.orders.amount -> dbo.order_hist.amount',
    'dbo.orders.cust_id -> dbo.order_hist.cust_id',
    'dbo.orders.order_id -> dbo.order_hist.order_id',
  ];
  test('Sybase: EXEC sp_rename \'orders.amt\', \'amount\' renames the column; SELECT * reads the new name', () => {
    const a = ok(script("EXEC sp_rename 'orders.amt', 'amount'"), 'dbvsybase');
    expect(a.pairs).toEqual(renamed);
    expect(rows(a)).toEqual(['dbo.orders.amount -> dbo.order_hist.RelationRows']);
    const b = ok(script("EXEC sp_rename 'orders.amt', 'amount', 'column'"), 'dbvsybase');
    expect(b.pairs).toEqual(renamed);
  });

  test('T-SQL: the column form needs \'COLUMN\'; two arguments rename the object (a qualified table)', () => {
    expect(ok(script("EXEC sp_rename 'dbo.orders.amt', 'amount', 'COLUMN'"), 'dbvmssql').pairs).toEqual(renamed);
    const t = ok(`CREATE TABLE dbo.orders_stage (order_id INT, amt MONEY)
go
EXEC sp_rename 'dbo.orders_stage', 'orders_landing'
go
INSERT INTO dbo.order_hist SELECT * FROM dbo.orders_landing
go
`, 'dbvmssql');
    expect(t.pairs).toEqual([
      'dbo.orders_landing.amt -> dbo.order_hist.amt',
      'dbo.orders_landing.order_id -> dbo.order_hist.order_id',
    ]);
  });
});

describe('ClickHouse CREATE DICTIONARY .. SOURCE(CLICKHOUSE(TABLE .. DB ..))', () => {
  test('each attribute is loaded from the source table\'s column of its name; dictGet reads the dictionary', () => {
    const a = ok(`CREATE DICTIONARY IF NOT EXISTS dims.customer_dict ON CLUSTER main
(
    customer_id UInt64,
    name String DEFAULT '',
    segment LowCardinality(String) DEFAULT 'unknown'
)
PRIMARY KEY customer_id
SOURCE(CLICKHOUSE(HOST 'localhost' PORT 9000 USER 'default' TABLE 'customers' PASSWORD '' DB 'crm'))
LAYOUT(HASHED())
LIFETIME(MIN 300 MAX 600);
INSERT INTO mart.orders_enriched (order_id, customer_name, segment)
SELECT o.order_id, dictGet('dims.customer_dict', 'name', o.customer_id), dictGetOrDefault('dims.customer_dict', 'segment', o.customer_id, 'n/a')
FROM raw.orders o;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'crm.customers.customer_id -> dims.customer_dict.customer_id',
      'crm.customers.name -> dims.customer_dict.name',
      'crm.customers.segment -> dims.customer_dict.segment',
      'dims.customer_dict.name -> mart.orders_enriched.customer_name',
      'dims.customer_dict.segment -> mart.orders_enriched.segment',
      'raw.orders.customer_id -> mart.orders_enriched.customer_name',
      'raw.orders.customer_id -> mart.orders_enriched.segment',
      'raw.orders.order_id -> mart.orders_enriched.order_id',
    ]);
  });

  test('a dictionary of another source (MySQL) declares its columns only', () => {
    const a = ok(`CREATE DICTIONARY dims.fx_rates (currency String, rate Float64)
PRIMARY KEY currency
SOURCE(MYSQL(PORT 3306 USER 'etl' PASSWORD '' REPLICA(HOST 'db1' PRIORITY 1) DB 'finance' TABLE 'fx'))
LAYOUT(COMPLEX_KEY_HASHED()) LIFETIME(3600);
SELECT currency, rate FROM dims.fx_rates;`, 'dbvclickhouse');
    expect(a.pairs).toEqual(['dims.fx_rates.currency -> RS-1.currency', 'dims.fx_rates.rate -> RS-1.rate']);
  });
});

describe('PL/SQL collections filled by BULK COLLECT read as cursor records are', () => {
  test('v_ids(i) under FORALL and TABLE(v_ids): the values from the query, its WHERE deciding them', () => {
    const a = ok(`CREATE OR REPLACE PROCEDURE etl.load_us_orders AS
  TYPE t_ids IS TABLE OF sales.orders.order_id%TYPE;
  v_ids t_ids;
BEGIN
  SELECT order_id BULK COLLECT INTO v_ids FROM sales.orders WHERE region = 'US';
  FORALL i IN 1 .. v_ids.COUNT
    INSERT INTO sales.us_orders (order_id) VALUES (v_ids(i));
  INSERT INTO sales.us_orders_audit (order_id)
  SELECT column_value FROM TABLE(v_ids);
END;
/`, 'dbvoracle');
    expect(a.pairs).toEqual(['sales.orders.order_id -> sales.us_orders.order_id', 'sales.orders.order_id -> sales.us_orders_audit.order_id']);
    expect(decided(a)).toEqual(['sales.orders.region -> sales.us_orders.order_id', 'sales.orders.region -> sales.us_orders_audit.order_id']);
    // The same as a cursor loop's record.
    const c = ok(`CREATE OR REPLACE PROCEDURE etl.load_us_orders AS
  CURSOR c_us IS SELECT order_id FROM sales.orders WHERE region = 'US';
BEGIN
  FOR r IN c_us LOOP
    INSERT INTO sales.us_orders (order_id) VALUES (r.order_id);
  END LOOP;
END;
/`, 'dbvoracle');
    expect(c.pairs).toEqual(['sales.orders.order_id -> RS-1.order_id', 'sales.orders.order_id -> sales.us_orders.order_id']);
    expect(decided(c)).toEqual(['sales.orders.region -> sales.us_orders.order_id']);
  });
});
