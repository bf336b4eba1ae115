/**
 * Lineage gaps found in session 12 and fixed in session 13 (first sweep): column-level loads
 * from files, Netezza external files with a column list, Redshift PartiQL UNPIVOT, IDENTITY marks
 * copied by SELECT INTO / LIKE, Vertica EXPLODE's exploded arguments. Pairs are `source -> target`.
 */
import { analyzeSql } from '../procedural/support.js';
import { decided, ok } from '../helpers/accuracy.js';
import { edgePairs } from '../helpers/lineage.js';

describe('column-level loads from files', () => {
  test('PostgreSQL / Greenplum COPY t (a, b) FROM and psql \\copy: the file\'s fields load the listed columns', () => {
    const sql = `COPY finance.payments (payment_id, invoice_id, paid_amount) FROM '/imports/payments.csv' WITH (FORMAT csv, HEADER true);
COPY finance.invoices FROM '/imports/invoices.csv' WITH (FORMAT csv);
INSERT INTO finance.paid_invoices (invoice_id, paid_total)
SELECT p.invoice_id, SUM(p.paid_amount) FROM finance.payments p GROUP BY p.invoice_id;`;
    for (const vendor of ['dbvpostgresql', 'dbvgreenplum']) {
      const a = ok(sql, vendor);
      expect(a.pairs).toEqual([
        '/imports/payments.csv.invoice_id -> finance.payments.invoice_id',
        '/imports/payments.csv.paid_amount -> finance.payments.paid_amount',
        '/imports/payments.csv.payment_id -> finance.payments.payment_id',
        'finance.payments.invoice_id -> finance.paid_invoices.invoice_id',
        'finance.payments.paid_amount -> finance.paid_invoices.paid_total',
      ]);
      // Without a column list the load stays table to table.
      expect(edgePairs(a.graph, { rows: true, sourceRows: true }).filter((p) => p.startsWith('/imports/invoices.csv'))).toEqual(['/imports/invoices.csv.RelationRows -> finance.invoices.RelationRows']);
    }
    const psql = ok(`\\copy staging.events (event_id, user_id, occurred_at) from 'events_2024_06.csv' with (format csv, header)\n`, 'dbvpostgresql');
    expect(psql.pairs).toEqual([
      'events_2024_06.csv.event_id -> staging.events.event_id',
      'events_2024_06.csv.occurred_at -> staging.events.occurred_at',
      'events_2024_06.csv.user_id -> staging.events.user_id',
    ]);
  });

  test('MySQL LOAD DATA INFILE .. (col, @var) SET c = expr: fields into columns, a variable\'s field through its SET', () => {
    const a = ok(`LOAD DATA INFILE '/var/lib/mysql-files/customers.csv'
INTO TABLE crm.customers
CHARACTER SET utf8mb4
FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"'
LINES TERMINATED BY '\\n'
IGNORE 1 LINES
(customer_id, @raw_name, email, @signup)
SET full_name = UPPER(TRIM(@raw_name)),
    signup_date = STR_TO_DATE(@signup, '%Y-%m-%d'),
    loaded_at = NOW();
LOAD DATA LOCAL INFILE 'orders_2024.csv' REPLACE INTO TABLE shop.orders PARTITION (p2024) FIELDS TERMINATED BY '\\t' (order_id, customer_id, total);
LOAD DATA INFILE 'audit.csv' INTO TABLE ops.audit_log;`, 'dbvmysql');
    expect(a.pairs).toEqual([
      '/var/lib/mysql-files/customers.csv.customer_id -> crm.customers.customer_id',
      '/var/lib/mysql-files/customers.csv.email -> crm.customers.email',
      '/var/lib/mysql-files/customers.csv.raw_name -> crm.customers.full_name',
      '/var/lib/mysql-files/customers.csv.signup -> crm.customers.signup_date',
      'orders_2024.csv.customer_id -> shop.orders.customer_id',
      'orders_2024.csv.order_id -> shop.orders.order_id',
      'orders_2024.csv.total -> shop.orders.total',
    ]);
    expect(edgePairs(a.graph, { rows: true, sourceRows: true }).filter((p) => p.startsWith('audit.csv'))).toEqual(['audit.csv.RelationRows -> ops.audit_log.RelationRows']);
  });
});

describe('Netezza external files with their columns', () => {
  test('FROM EXTERNAL \'file\' (col type, ..) USING (..): the listed columns are the file\'s fields', () => {
    const a = ok(`INSERT INTO dw.sales
SELECT * FROM EXTERNAL '/data/in/sales_20240601.csv' (sale_id INTEGER, store_id INTEGER, amount NUMERIC(12,2) NOT NULL)
USING (DELIMITER ',' SKIPROWS 1 REMOTESOURCE 'ODBC');
INSERT INTO dw.store_totals (store_id, total_amount)
SELECT s.store_id, SUM(s.amount)
FROM EXTERNAL '/data/in/sales_20240602.csv' (sale_id INTEGER, store_id INTEGER, amount NUMERIC(12,2)) USING (DELIMITER '|') s
WHERE s.amount > 0
GROUP BY s.store_id;
INSERT INTO dw.raw_lines SELECT * FROM EXTERNAL '/data/in/raw.txt' USING (DELIMITER '|');`, 'dbvnetezza');
    expect(a.pairs).toEqual([
      '/data/in/raw.txt.* -> dw.raw_lines.*',
      '/data/in/sales_20240601.csv.amount -> dw.sales.amount',
      '/data/in/sales_20240601.csv.sale_id -> dw.sales.sale_id',
      '/data/in/sales_20240601.csv.store_id -> dw.sales.store_id',
      '/data/in/sales_20240602.csv.amount -> dw.store_totals.total_amount',
      '/data/in/sales_20240602.csv.store_id -> dw.store_totals.store_id',
    ]);
  });

  test('CREATE EXTERNAL TABLE ext SAMEAS t USING (DATAOBJECT (..)): ext has the columns of t', () => {
    const a = ok(`CREATE TABLE dw.sales (sale_id INTEGER, store_id INTEGER, amount NUMERIC(12,2));
CREATE EXTERNAL TABLE stage.sales_ext SAMEAS dw.sales USING (DATAOBJECT ('/data/in/sales.csv') DELIMITER ',');
INSERT INTO dw.sales_hist SELECT * FROM stage.sales_ext;`, 'dbvnetezza');
    expect(a.pairs).toEqual([
      'stage.sales_ext.amount -> dw.sales_hist.amount',
      'stage.sales_ext.sale_id -> dw.sales_hist.sale_id',
      'stage.sales_ext.store_id -> dw.sales_hist.store_id',
    ]);
  });
});

describe('Redshift PartiQL over SUPER: UNPIVOT and navigation with AT', () => {
  const ddl = `CREATE TABLE events.raw_events (event_id BIGINT, user_id BIGINT, payload SUPER, line_items SUPER);\n`;

  test('UNPIVOT e.payload AS v AT k: the value and the attribute name both come from the object', () => {
    const a = ok(`${ddl}INSERT INTO events.event_attributes (event_id, attr_name, attr_value)
SELECT e.event_id, k, v
FROM events.raw_events e, UNPIVOT e.payload AS v AT k
WHERE k <> 'ts';
INSERT INTO events.payload_fields SELECT x.k, x.v FROM events.raw_events e, UNPIVOT e.payload AS x AT k;`, 'dbvredshift');
    expect(a.pairs).toEqual([
      'events.raw_events.event_id -> events.event_attributes.event_id',
      'events.raw_events.payload -> events.event_attributes.attr_name',
      'events.raw_events.payload -> events.event_attributes.attr_value',
      'events.raw_events.payload -> events.payload_fields.k',
      'events.raw_events.payload -> events.payload_fields.v',
    ]);
    expect(edgePairs(a.graph, { type: 'fdr' }).filter((p) => p.includes('event_attributes'))).toEqual(['events.raw_events.payload -> events.event_attributes.RelationRows']);
  });

  test('FROM e, e.line_items AS li AT i: the element\'s fields from the array, i its position (fdr)', () => {
    const a = ok(`${ddl}CREATE TABLE events.event_lines AS
SELECT e.event_id, li.sku, li.qty, i AS line_no
FROM events.raw_events e, e.line_items AS li AT i;`, 'dbvredshift');
    expect(a.pairs).toEqual([
      'events.raw_events.event_id -> events.event_lines.event_id',
      'events.raw_events.line_items -> events.event_lines.qty',
      'events.raw_events.line_items -> events.event_lines.sku',
    ]);
    expect(edgePairs(a.graph, { type: 'fdr', rows: false })).toEqual(['events.raw_events.line_items -> events.event_lines.line_no']);
  });
});

describe('IDENTITY columns copied by SELECT INTO and kept through renames (insertSkipsIdentity)', () => {
  const ddl = `CREATE TABLE dbo.orders (order_id INT IDENTITY(1,1) NOT NULL PRIMARY KEY, customer_id INT NOT NULL, amount DECIMAL(12,2));\n`;

  test('SELECT * INTO copies the IDENTITY (a list-less INSERT skips it); a join or an IDENTITY() item decide as SQL Server does', () => {
    const sql = `${ddl}SELECT * INTO dbo.orders_archive FROM dbo.orders WHERE amount > 0;
INSERT INTO dbo.orders_archive SELECT customer_id, amount FROM staging.new_orders;
SELECT IDENTITY(INT, 1, 1) AS row_id, o.customer_id, o.amount INTO dbo.order_work FROM dbo.orders o JOIN dbo.customers c ON c.customer_id = o.customer_id;
INSERT INTO dbo.order_work SELECT customer_id, amount FROM staging.new_orders;
SELECT o.order_id, o.customer_id INTO dbo.order_keys FROM dbo.orders o JOIN dbo.customers c ON c.customer_id = o.customer_id;
INSERT INTO dbo.order_keys SELECT legacy_id, customer_id FROM staging.legacy_orders;`;
    for (const vendor of ['dbvmssql', 'dbvazuresql']) {
      expect(ok(sql, vendor).pairs).toEqual([
        'dbo.orders.amount -> dbo.order_work.amount',
        'dbo.orders.amount -> dbo.orders_archive.amount',
        'dbo.orders.customer_id -> dbo.order_keys.customer_id',
        'dbo.orders.customer_id -> dbo.order_work.customer_id',
        'dbo.orders.customer_id -> dbo.orders_archive.customer_id',
        'dbo.orders.order_id -> dbo.order_keys.order_id',
        'dbo.orders.order_id -> dbo.orders_archive.order_id',
        'staging.legacy_orders.customer_id -> dbo.order_keys.customer_id',
        // A join: order_keys.order_id is no IDENTITY, the first value goes to it.
        'staging.legacy_orders.legacy_id -> dbo.order_keys.order_id',
        'staging.new_orders.amount -> dbo.order_work.amount',
        'staging.new_orders.amount -> dbo.orders_archive.amount',
        'staging.new_orders.customer_id -> dbo.order_work.customer_id',
        'staging.new_orders.customer_id -> dbo.orders_archive.customer_id',
      ]);
    }
    const sybase = `CREATE TABLE orders (order_id NUMERIC(10,0) IDENTITY, customer_id INT, amount MONEY)
go
SELECT * INTO orders_hist FROM orders
go
INSERT INTO orders_hist SELECT customer_id, amount FROM new_orders
go
`;
    expect(ok(sybase, 'dbvsybase').pairs).toEqual([
      'new_orders.amount -> orders_hist.amount',
      'new_orders.customer_id -> orders_hist.customer_id',
      'orders.amount -> orders_hist.amount',
      'orders.customer_id -> orders_hist.customer_id',
      'orders.order_id -> orders_hist.order_id',
    ]);
  });

  test('a renamed IDENTITY column stays IDENTITY (sp_rename), a dropped one is gone', () => {
    const a = analyzeSql(`${ddl}EXEC sp_rename 'dbo.orders.order_id', 'id', 'COLUMN';
INSERT INTO dbo.orders SELECT customer_id, amount FROM staging.new_orders;
CREATE TABLE dbo.events (event_id BIGINT IDENTITY(1,1), kind VARCHAR(20), payload NVARCHAR(MAX));
ALTER TABLE dbo.events DROP COLUMN event_id;
ALTER TABLE dbo.events ADD event_key BIGINT;
INSERT INTO dbo.events SELECT kind, body, k FROM staging.events;`, 'dbvmssql', { relationTypes: ['fdd'] });
    expect(a.errors).toEqual([]);
    expect(a.pairs).toEqual([
      'staging.events.body -> dbo.events.payload',
      'staging.events.k -> dbo.events.event_key',
      'staging.events.kind -> dbo.events.kind',
      'staging.new_orders.amount -> dbo.orders.amount',
      'staging.new_orders.customer_id -> dbo.orders.customer_id',
    ]);
  });
});

describe('Vertica EXPLODE(.. USING PARAMETERS explode_count = n) OVER (PARTITION BEST)', () => {
  test('each exploded array gives pos_<array> (a position, fdr) and val_<array>; the other arguments pass through; AS (..) renames them in order', () => {
    const a = ok(`CREATE TABLE mart.order_lines AS
SELECT EXPLODE(o.item_skus, o.item_qtys, o.order_id USING PARAMETERS explode_count=2) OVER (PARTITION BEST) FROM sales.orders o;
CREATE TABLE mart.order_lines_named AS
SELECT EXPLODE(o.item_skus, o.item_qtys USING PARAMETERS explode_count = 2) OVER (PARTITION BEST) AS (sku_no, sku, qty_no, qty) FROM sales.orders o;
CREATE TABLE mart.order_skus AS
SELECT EXPLODE(o.item_skus, o.order_id USING PARAMETERS skip_partitioning = true) OVER (PARTITION BEST) FROM sales.orders o;`, 'dbvvertica');
    expect(a.pairs).toEqual([
      'sales.orders.item_qtys -> mart.order_lines.val_item_qtys',
      'sales.orders.item_qtys -> mart.order_lines_named.qty',
      'sales.orders.item_skus -> mart.order_lines.val_item_skus',
      'sales.orders.item_skus -> mart.order_lines_named.sku',
      'sales.orders.item_skus -> mart.order_skus.value',
      'sales.orders.order_id -> mart.order_lines.order_id',
      'sales.orders.order_id -> mart.order_skus.order_id',
    ]);
    expect(decided(a)).toEqual([
      'sales.orders.item_qtys -> mart.order_lines.pos_item_qtys',
      'sales.orders.item_qtys -> mart.order_lines_named.qty_no',
      'sales.orders.item_skus -> mart.order_lines.pos_item_skus',
      'sales.orders.item_skus -> mart.order_lines_named.sku_no',
      'sales.orders.item_skus -> mart.order_skus.position',
    ]);
  });
});

describe('x.y where x names neither a source nor a column, over tables of known columns', () => {
  test('warned at the qualifier (UnknownColumn); a struct column, an outer alias and a table of unknown columns are not', () => {
    const a = analyzeSql(`CREATE TABLE sales.orders (order_id INT, customer_id INT, amount DECIMAL(12,2), ship STRUCT<city STRING, zip STRING>);
CREATE TABLE sales.customers (customer_id INT, name STRING);
INSERT INTO mart.order_report
SELECT o.order_id, c.name, ord.amount, ship.city
FROM sales.orders o JOIN sales.customers c ON c.customer_id = o.customer_id
WHERE EXISTS (SELECT 1 FROM sales.customers c2 WHERE c2.customer_id = o.customer_id);
SELECT x.amount FROM sales.orders o JOIN raw.unknown_cols u ON u.id = o.order_id;`, 'dbvdatabricks', { relationTypes: ['fdd'] });
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual(["4:28 qualifier 'ord' names no source, and no source has a column 'ord'"]);
    expect(a.pairs).toEqual([
      // u's columns are unknown: x may be its struct column.
      'raw.unknown_cols.x -> RS-1.amount',
      'sales.customers.name -> mart.order_report.name',
      'sales.orders.order_id -> mart.order_report.order_id',
      'sales.orders.ship -> mart.order_report.city',
    ]);
  });
});
