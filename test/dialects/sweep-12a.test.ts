/**
 * Lineage gaps found in session 11 and fixed in session 12 (first sweep): struct fields two and
 * more levels deep, renamed struct columns, unqualified struct fields in joins, CLONE of tables of
 * unknown columns, T-SQL OUTPUT inserted.*, and table functions' columns. Pairs are
 * `source -> target` per relation type.
 */
import { analyzeSql } from '../procedural/support.js';
import { decided, ok, rows } from '../helpers/accuracy.js';

describe('struct fields inside struct fields: o.customer.address.*', () => {
  test('BigQuery: o.a.b.*, o.a.b.c.*, EXCEPT, through a CTAS and a RENAME COLUMN, and li.dims.* of UNNEST(o.line_items)', () => {
    const a = ok(`CREATE TABLE shop.orders (
  order_id INT64 NOT NULL,
  customer STRUCT<name STRING, address STRUCT<city STRING, zip STRING, geo STRUCT<lat FLOAT64, lon FLOAT64>>>,
  line_items ARRAY<STRUCT<sku STRING, qty INT64, dims STRUCT<width_cm NUMERIC, height_cm NUMERIC>>>
);
CREATE TABLE mart.order_geo AS
SELECT o.order_id, o.customer.address.geo.* FROM shop.orders o WHERE o.customer.address.zip IS NOT NULL;
CREATE TABLE mart.order_address AS
SELECT o.order_id, o.customer.address.* EXCEPT (geo) FROM shop.orders o;
CREATE TABLE stage.customer_snap AS SELECT o.order_id, o.customer.* FROM shop.orders o;
CREATE TABLE mart.snap_city AS SELECT s.order_id, s.address.* EXCEPT (geo), s.address.geo.lat FROM stage.customer_snap s;
CREATE TABLE mart.line_dims AS
SELECT o.order_id, li.sku, li.dims.* FROM shop.orders o CROSS JOIN UNNEST(o.line_items) AS li;
ALTER TABLE stage.customer_snap RENAME COLUMN address TO home_address;
SELECT c.home_address.geo.* FROM stage.customer_snap c;`, 'dbvbigquery');
    expect(a.pairs).toEqual([
      'shop.orders.customer -> mart.order_address.city',
      'shop.orders.customer -> mart.order_address.zip',
      'shop.orders.customer -> mart.order_geo.lat',
      'shop.orders.customer -> mart.order_geo.lon',
      'shop.orders.customer -> stage.customer_snap.address',
      'shop.orders.customer -> stage.customer_snap.name',
      'shop.orders.line_items -> mart.line_dims.height_cm',
      'shop.orders.line_items -> mart.line_dims.sku',
      'shop.orders.line_items -> mart.line_dims.width_cm',
      'shop.orders.order_id -> mart.line_dims.order_id',
      'shop.orders.order_id -> mart.order_address.order_id',
      'shop.orders.order_id -> mart.order_geo.order_id',
      'shop.orders.order_id -> stage.customer_snap.order_id',
      'stage.customer_snap.address -> mart.snap_city.city',
      'stage.customer_snap.address -> mart.snap_city.lat',
      'stage.customer_snap.address -> mart.snap_city.zip',
      'stage.customer_snap.home_address -> RS-1.lat',
      'stage.customer_snap.home_address -> RS-1.lon',
      'stage.customer_snap.order_id -> mart.snap_city.order_id',
    ]);
  });

  test('Databricks / Spark (STRUCT<a: STRUCT<..>>), Trino (ROW(a ROW(..))), DuckDB (STRUCT(a STRUCT(..)))', () => {
    const spark = `CREATE TABLE sales.orders (order_id BIGINT, customer STRUCT<name: STRING, address: STRUCT<city: STRING, zip: STRING>>) USING DELTA;
INSERT OVERWRITE sales.order_cities SELECT o.order_id, o.customer.address.* FROM sales.orders o;`;
    const expected = ['sales.orders.customer -> sales.order_cities.city', 'sales.orders.customer -> sales.order_cities.zip', 'sales.orders.order_id -> sales.order_cities.order_id'];
    expect(ok(spark, 'dbvdatabricks').pairs).toEqual(expected);
    expect(ok(spark, 'dbvsparksql').pairs).toEqual(expected);
    const trino = `CREATE TABLE sales.orders (order_id BIGINT, customer ROW(name VARCHAR, address ROW(city VARCHAR, zip VARCHAR)));
INSERT INTO sales.order_cities SELECT o.order_id, o.customer.address.* FROM sales.orders o;`;
    expect(ok(trino, 'dbvtrino').pairs).toEqual(expected);
    const duck = `CREATE TABLE sales.orders (order_id BIGINT, customer STRUCT(name VARCHAR, address STRUCT(city VARCHAR, zip VARCHAR)));
CREATE TABLE sales.order_cities AS SELECT o.order_id, o.customer.address.* FROM sales.orders o;`;
    expect(ok(duck, 'dbvduckdb').pairs).toEqual(expected);
  });
});

describe('a struct column renamed before: its old name is an unknown column', () => {
  const sql = (using: string) => `CREATE TABLE sales.orders (order_id BIGINT, shipping STRUCT<city: STRING, zip: STRING>)${using};
ALTER TABLE sales.orders RENAME COLUMN shipping TO ship_to;
INSERT INTO sales.order_ship SELECT o.order_id, o.shipping.* FROM sales.orders o;
INSERT INTO sales.order_city SELECT o.order_id, o.shipping.city AS city FROM sales.orders o;
INSERT INTO sales.order_ship_to SELECT o.order_id, o.ship_to.* FROM sales.orders o;`;
  test.each([
    ['dbvdatabricks', ' USING DELTA'],
    ['dbvsparksql', ' USING PARQUET'],
    ['dbvtrino', ''],
  ])('%s: o.shipping.* warns and gives no output (no `shipping -> *`); o.shipping.city warns like o.shipping', (vendor, using) => {
    const a = analyzeSql(sql(using), vendor, { relationTypes: ['fdd', 'fdr'] });
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual([
      "3:51 column 'shipping' is not a column of sales.orders (known columns: order_id, ship_to)",
      "4:51 column 'shipping' is not a column of sales.orders (known columns: order_id, ship_to)",
    ]);
    expect(a.pairs).toEqual([
      'sales.orders.order_id -> sales.order_city.order_id',
      'sales.orders.order_id -> sales.order_ship.order_id',
      'sales.orders.order_id -> sales.order_ship_to.order_id',
      'sales.orders.ship_to -> sales.order_ship_to.city',
      'sales.orders.ship_to -> sales.order_ship_to.zip',
      'sales.orders.shipping -> sales.order_city.city',
    ]);
  });

  test('BigQuery: the same after RENAME COLUMN, and after DROP COLUMN', () => {
    const a = analyzeSql(`CREATE TABLE shop.orders (order_id INT64, shipping STRUCT<city STRING, zip STRING>, billing STRUCT<city STRING>);
ALTER TABLE shop.orders RENAME COLUMN shipping TO ship_to;
ALTER TABLE shop.orders DROP COLUMN billing;
CREATE TABLE mart.order_ship AS SELECT o.order_id, o.shipping.*, o.billing.* FROM shop.orders o;`, 'dbvbigquery', { relationTypes: ['fdd', 'fdr'] });
    expect(a.warnings).toEqual([
      "4:54 column 'shipping' is not a column of shop.orders (known columns: order_id, ship_to)",
      "4:68 column 'billing' is not a column of shop.orders (known columns: order_id, ship_to)",
    ]);
    expect(a.pairs).toEqual(['shop.orders.order_id -> mart.order_ship.order_id']);
  });
});

describe('an unqualified struct field (addr.city) in a join of tables of unknown columns', () => {
  test.each(['dbvdatabricks', 'dbvsparksql', 'dbvbigquery'])('%s: addr is ambiguous like an unqualified addr: a warning and the orphan column, or the source the input uses it from', (vendor) => {
    const a = analyzeSql(`INSERT INTO mart.customer_orders
SELECT o.order_id, c.customer_id, addr.city, addr.zip
FROM raw.orders o JOIN raw.customers c ON o.customer_id = c.customer_id
WHERE addr.country = 'DE';
INSERT INTO mart.customer_cities
SELECT o.order_id, addr.city
FROM raw.orders o JOIN raw.customers c ON o.customer_id = c.customer_id
WHERE c.addr.country = 'DE';`, vendor, { relationTypes: ['fdd', 'fdr'] });
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual([
      "2:35 column 'addr' could belong to any of 2 sources; add a qualifier or --schema",
      "2:46 column 'addr' could belong to any of 2 sources; add a qualifier or --schema",
      "4:7 column 'addr' could belong to any of 2 sources; add a qualifier or --schema",
    ]);
    expect(a.notes).toEqual(["6:20 column 'addr' attributed to raw.customers: the only source the input uses it from"]);
    expect(a.pairs).toEqual([
      'pseudo_table_include_orphan_column.addr -> mart.customer_orders.city',
      'pseudo_table_include_orphan_column.addr -> mart.customer_orders.zip',
      'raw.customers.addr -> mart.customer_cities.city',
      'raw.customers.customer_id -> mart.customer_orders.customer_id',
      'raw.orders.order_id -> mart.customer_cities.order_id',
      'raw.orders.order_id -> mart.customer_orders.order_id',
    ]);
  });
});

describe('CLONE of a table whose columns are unknown: a copy of all of them, as CREATE TABLE .. AS SELECT *', () => {
  test('Snowflake CLONE .. AT (OFFSET => ..): a later read of a column of the clone is traced to the source table', () => {
    const sql = (copy: string) => `CREATE OR REPLACE TABLE analytics.orders_before_fix ${copy};
INSERT INTO analytics.order_audit (order_id, amount) SELECT b.order_id, b.amount FROM analytics.orders_before_fix b;`;
    const clone = ok(sql('CLONE sales.orders AT (OFFSET => -3600)'), 'dbvsnowflake');
    const expected = [
      'analytics.orders_before_fix.amount -> analytics.order_audit.amount',
      'analytics.orders_before_fix.order_id -> analytics.order_audit.order_id',
      'sales.orders.* -> analytics.orders_before_fix.*',
      'sales.orders.amount -> analytics.orders_before_fix.amount',
      'sales.orders.order_id -> analytics.orders_before_fix.order_id',
    ];
    expect(clone.pairs).toEqual(expected);
    expect(ok(sql('AS SELECT * FROM sales.orders'), 'dbvsnowflake').pairs).toEqual(expected);
  });

  test('BigQuery CLONE .. FOR SYSTEM_TIME AS OF (no longer a "not a query" warning)', () => {
    const a = ok(`CREATE TABLE analytics.orders_clone CLONE sales.orders FOR SYSTEM_TIME AS OF TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 HOUR);
CREATE TABLE analytics.order_ids AS SELECT c.order_id FROM analytics.orders_clone c;`, 'dbvbigquery');
    expect(a.pairs).toEqual([
      'analytics.orders_clone.order_id -> analytics.order_ids.order_id',
      'sales.orders.* -> analytics.orders_clone.*',
      'sales.orders.order_id -> analytics.orders_clone.order_id',
    ]);
  });

  test('Databricks CREATE OR REPLACE TABLE .. DEEP CLONE, CREATE TABLE IF NOT EXISTS .. SHALLOW CLONE .. VERSION AS OF (no longer a parse error)', () => {
    const a = ok(`CREATE OR REPLACE TABLE analytics.orders_snapshot DEEP CLONE prod.sales.orders;
CREATE TABLE IF NOT EXISTS analytics.orders_dev SHALLOW CLONE prod.sales.orders VERSION AS OF 42;
INSERT INTO analytics.daily_revenue
SELECT s.order_date, SUM(s.amount) AS revenue FROM analytics.orders_snapshot s GROUP BY s.order_date;
INSERT INTO analytics.dev_customers SELECT d.customer_id FROM analytics.orders_dev d;`, 'dbvdatabricks');
    expect(a.pairs).toEqual([
      'analytics.orders_dev.customer_id -> analytics.dev_customers.customer_id',
      'analytics.orders_snapshot.amount -> analytics.daily_revenue.revenue',
      'analytics.orders_snapshot.order_date -> analytics.daily_revenue.order_date',
      'prod.sales.orders.* -> analytics.orders_dev.*',
      'prod.sales.orders.* -> analytics.orders_snapshot.*',
      'prod.sales.orders.amount -> analytics.orders_snapshot.amount',
      'prod.sales.orders.customer_id -> analytics.orders_dev.customer_id',
      'prod.sales.orders.order_date -> analytics.orders_snapshot.order_date',
    ]);
    expect(a.procs.map((p) => `${p.reads.join(',')} -> ${p.writes.join(',')}`).slice(0, 2)).toEqual(['prod.sales.orders -> analytics.orders_snapshot', 'prod.sales.orders -> analytics.orders_dev']);
  });
});

describe('T-SQL INSERT .. OUTPUT inserted.c INTO audit: the value inserted; an IDENTITY is the table\'s own', () => {
  const DDL = `CREATE TABLE dbo.orders (
  order_id INT IDENTITY(1,1) NOT NULL PRIMARY KEY,
  customer_id INT NOT NULL,
  amount DECIMAL(12,2) NOT NULL,
  created_at DATETIME2 NOT NULL DEFAULT SYSUTCDATETIME()
);
`;
  test.each(['dbvmssql', 'dbvazuresql', 'dbvsybase'])('%s: without a column list the values go to the columns other than the IDENTITY, and inserted.c reads them as with a list', (vendor) => {
    const a = ok(`${DDL}INSERT INTO dbo.orders (customer_id, amount)
OUTPUT inserted.order_id, inserted.customer_id, inserted.amount, inserted.created_at INTO audit.order_log (order_id, customer_id, amount, created_at)
SELECT s.customer_id, s.total FROM staging.orders s WHERE s.total > 0;
INSERT INTO dbo.orders
OUTPUT inserted.order_id, inserted.customer_id, inserted.amount, inserted.created_at INTO audit.order_log_all (order_id, customer_id, amount, created_at)
SELECT s.customer_id, s.total, s.ordered_at FROM staging.orders s;`, vendor);
    expect(a.pairs).toEqual([
      'dbo.orders.created_at -> audit.order_log.created_at',
      'dbo.orders.order_id -> audit.order_log.order_id',
      'dbo.orders.order_id -> audit.order_log_all.order_id',
      'staging.orders.customer_id -> audit.order_log.customer_id',
      'staging.orders.customer_id -> audit.order_log_all.customer_id',
      'staging.orders.customer_id -> dbo.orders.customer_id',
      'staging.orders.ordered_at -> audit.order_log_all.created_at',
      'staging.orders.ordered_at -> dbo.orders.created_at',
      'staging.orders.total -> audit.order_log.amount',
      'staging.orders.total -> audit.order_log_all.amount',
      'staging.orders.total -> dbo.orders.amount',
    ]);
  });

  test('other dialects: an IDENTITY column takes a value of a list-less INSERT (Snowflake)', () => {
    const a = ok(`CREATE TABLE sales.orders (order_id NUMBER IDENTITY(1,1), customer_id NUMBER, amount NUMBER(12,2));
INSERT INTO sales.orders SELECT s.id, s.customer_id, s.total FROM stage.orders s;`, 'dbvsnowflake');
    expect(a.pairs).toEqual(['stage.orders.customer_id -> sales.orders.customer_id', 'stage.orders.id -> sales.orders.order_id', 'stage.orders.total -> sales.orders.amount']);
  });
});

describe('DuckDB json_each / json_tree: the columns of SQLite\'s (key, value, type, atom, id, parent, fullkey, path)', () => {
  test('named columns and p.* read the JSON argument; id and parent are positions', () => {
    const a = ok(`CREATE TABLE mart.event_props AS
SELECT e.event_id, p.key AS prop_name, p.value AS prop_value, p.type AS prop_type
FROM raw.events e, json_each(e.payload, '$.properties') AS p
WHERE p.atom IS NOT NULL;
CREATE TABLE mart.event_tree AS
SELECT e.event_id, t.fullkey, t.atom, t.id, t.parent FROM raw.events e, json_tree(e.payload) t;
CREATE TABLE mart.all_props AS SELECT e.event_id, p.* FROM raw.events e, json_each(e.payload) p;`, 'dbvduckdb');
    expect(a.pairs).toEqual([
      'raw.events.event_id -> mart.all_props.event_id',
      'raw.events.event_id -> mart.event_props.event_id',
      'raw.events.event_id -> mart.event_tree.event_id',
      'raw.events.payload -> mart.all_props.atom',
      'raw.events.payload -> mart.all_props.fullkey',
      'raw.events.payload -> mart.all_props.key',
      'raw.events.payload -> mart.all_props.path',
      'raw.events.payload -> mart.all_props.type',
      'raw.events.payload -> mart.all_props.value',
      'raw.events.payload -> mart.event_props.prop_name',
      'raw.events.payload -> mart.event_props.prop_type',
      'raw.events.payload -> mart.event_props.prop_value',
      'raw.events.payload -> mart.event_tree.atom',
      'raw.events.payload -> mart.event_tree.fullkey',
    ]);
    expect(decided(a).filter((p) => /\.(id|parent)$/.test(p))).toEqual([
      'raw.events.payload -> mart.all_props.id',
      'raw.events.payload -> mart.all_props.parent',
      'raw.events.payload -> mart.event_tree.id',
      'raw.events.payload -> mart.event_tree.parent',
    ]);
  });
});

describe('nested arrays of structs and nested struct fields in WHERE / GROUP BY', () => {
  test('BigQuery UNNEST(p.items) AS it of UNNEST(o.packages) AS p: it.* gives the inner structs\' declared fields', () => {
    const a = ok(`CREATE TABLE shop.orders (order_id INT64, customer STRUCT<name STRING, address STRUCT<city STRING, zip STRING>>, packages ARRAY<STRUCT<pkg_id STRING, items ARRAY<STRUCT<sku STRING, qty INT64>>>>);
CREATE TABLE mart.pkg_items AS
SELECT o.order_id, p.pkg_id, it.* FROM shop.orders o, UNNEST(o.packages) AS p, UNNEST(p.items) AS it;
CREATE TABLE mart.city_orders AS
SELECT o.customer.address.city, COUNT(*) AS n FROM shop.orders o WHERE o.customer.address.zip LIKE '1%' GROUP BY o.customer.address.city;`, 'dbvbigquery');
    expect(a.pairs).toEqual([
      'shop.orders.customer -> mart.city_orders.city',
      'shop.orders.order_id -> mart.pkg_items.order_id',
      'shop.orders.packages -> mart.pkg_items.pkg_id',
      'shop.orders.packages -> mart.pkg_items.qty',
      'shop.orders.packages -> mart.pkg_items.sku',
    ]);
    expect(rows(a)).toEqual(['shop.orders.customer -> mart.city_orders.RelationRows']);
  });
});

describe('Vertica EXPLODE(arr [, passed ..]) OVER (PARTITION BEST): position and value, then the passed-through columns', () => {
  test('without AS: position (a position, fdr) and value from the array, order_id passed through; MAPITEMS passes through likewise', () => {
    const a = ok(`CREATE TABLE mart.order_skus AS
SELECT EXPLODE(o.item_skus, o.order_id) OVER (PARTITION BEST) FROM sales.orders o;
CREATE TABLE mart.order_skus_named AS
SELECT EXPLODE(o.item_skus) OVER (PARTITION BEST) AS (line_no, sku) FROM sales.orders o;
CREATE TABLE mart.event_attrs AS SELECT MAPITEMS(r.__raw__, r.event_id) OVER (PARTITION BEST) FROM raw.events r;`, 'dbvvertica');
    expect(a.pairs).toEqual([
      'raw.events.__raw__ -> mart.event_attrs.keys',
      'raw.events.__raw__ -> mart.event_attrs.values',
      'raw.events.event_id -> mart.event_attrs.event_id',
      'sales.orders.item_skus -> mart.order_skus.value',
      'sales.orders.item_skus -> mart.order_skus_named.sku',
      'sales.orders.order_id -> mart.order_skus.order_id',
    ]);
    expect(decided(a)).toEqual(['sales.orders.item_skus -> mart.order_skus.position', 'sales.orders.item_skus -> mart.order_skus_named.line_no']);
  });
});
