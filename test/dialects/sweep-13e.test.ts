/**
 * How lineage follows a warehouse's schema across statements and files (session 13 sweep): `*`
 * expansion and column positions. Pairs are `source -> target` per relation type.
 */
import { ok } from '../helpers/accuracy.js';
import { pairs, run } from '../helpers/lineage.js';

/** The columns of the result set or table `name`, in order (no RelationRows). */
const columnsOf = (sql: string | string[], vendor: string, name: string) =>
  run(sql, { vendor })
    .graph.objects.find((o) => o.name === name)!
    .columns.filter((c) => !c.system)
    .map((c) => c.name);

describe('SELECT * over USING / NATURAL joins: the joined column appears once, first', () => {
  const ddl = `CREATE TABLE dw.customer (cust_id INT, name VARCHAR(50), region VARCHAR(10));
CREATE TABLE dw.orders (order_id INT, cust_id INT, amount DECIMAL(10,2));
CREATE TABLE mart.order_wide (customer_id INT, order_no INT, order_amount DECIMAL(10,2), customer_name VARCHAR(50), customer_region VARCHAR(10));`;
  const insert = `INSERT INTO mart.order_wide
WITH o AS (SELECT order_id, cust_id, amount FROM dw.orders WHERE amount > 0)
SELECT * FROM o JOIN dw.customer c USING (cust_id);`;

  test.each(['dbvpostgresql', 'dbvsnowflake', 'dbvbigquery', 'dbvmysql', 'dbvdatabricks', 'dbvoracle', 'dbvansi'])(
    '%s: a positional INSERT of * over a CTE joined USING a table of another file',
    (vendor) => {
      expect(pairs([ddl, insert], { vendor })).toEqual([
        'dw.customer.cust_id -> mart.order_wide.customer_id',
        'dw.customer.name -> mart.order_wide.customer_name',
        'dw.customer.region -> mart.order_wide.customer_region',
        'dw.orders.amount -> mart.order_wide.order_amount',
        'dw.orders.cust_id -> mart.order_wide.customer_id',
        'dw.orders.order_id -> mart.order_wide.order_no',
      ]);
    },
  );

  test('the result set of * has each USING / NATURAL column once; a qualified o.* keeps it', () => {
    const sql = `${ddl}
SELECT * FROM dw.orders o JOIN dw.customer c USING (cust_id);
SELECT * FROM dw.orders NATURAL JOIN dw.customer;
SELECT * FROM dw.orders o LEFT JOIN dw.customer c USING (cust_id) WHERE c.region = 'EU';
SELECT o.*, c.name FROM dw.orders o JOIN dw.customer c USING (cust_id);`;
    for (const rs of ['RS-1', 'RS-2', 'RS-3']) expect(columnsOf(sql, 'dbvpostgresql', rs)).toEqual(['cust_id', 'order_id', 'amount', 'name', 'region']);
    expect(columnsOf(sql, 'dbvpostgresql', 'RS-4')).toEqual(['order_id', 'cust_id', 'amount', 'name']);
    const a = ok(sql, 'dbvpostgresql');
    expect(a.pairs.filter((p) => p.endsWith('RS-2.cust_id'))).toEqual(['dw.customer.cust_id -> RS-2.cust_id', 'dw.orders.cust_id -> RS-2.cust_id']);
  });

  test('a view of * over a USING join, read positionally in a later file', () => {
    const view = `CREATE VIEW dw.v_order_customer AS
SELECT * FROM dw.orders JOIN dw.customer USING (cust_id);`;
    const load = `INSERT INTO mart.order_wide SELECT * FROM dw.v_order_customer WHERE region = 'EU';`;
    expect(pairs([ddl, view, load], { vendor: 'dbvsnowflake' })).toEqual([
      'dw.customer.cust_id -> dw.v_order_customer.cust_id',
      'dw.customer.name -> dw.v_order_customer.name',
      'dw.customer.region -> dw.v_order_customer.region',
      'dw.orders.amount -> dw.v_order_customer.amount',
      'dw.orders.cust_id -> dw.v_order_customer.cust_id',
      'dw.orders.order_id -> dw.v_order_customer.order_id',
      'dw.v_order_customer.amount -> mart.order_wide.order_amount',
      'dw.v_order_customer.cust_id -> mart.order_wide.customer_id',
      'dw.v_order_customer.name -> mart.order_wide.customer_name',
      'dw.v_order_customer.order_id -> mart.order_wide.order_no',
      'dw.v_order_customer.region -> mart.order_wide.customer_region',
    ]);
  });
});

describe('quoted column names declared in DDL, read unqualified in a later file', () => {
  const ddl = `CREATE TABLE sales.orders (order_id INT, "NetAmount" NUMERIC(12,2), "status" VARCHAR(10));`;
  const query = `CREATE VIEW sales.v_open_orders AS
SELECT order_id, "NetAmount", o."status"
FROM sales.orders o
WHERE "status" = 'OPEN';`;
  test.each(['dbvpostgresql', 'dbvsnowflake', 'dbvoracle'])('%s: "NetAmount" is the table\'s column, not an orphan', (vendor) => {
    const a = run([ddl, query], { vendor, relationTypes: ['fdd', 'fdr'] });
    expect(a.diagnostics.filter((d) => d.severity !== 'note').map((d) => d.message)).toEqual([]);
    expect(pairs([ddl, query], { vendor })).toEqual([
      'sales.orders.NetAmount -> sales.v_open_orders.NetAmount',
      'sales.orders.order_id -> sales.v_open_orders.order_id',
      'sales.orders.status -> sales.v_open_orders.status',
    ]);
  });
});

describe('BigQuery * EXCEPT over a USING join, DDL in one file, the load in another', () => {
  test('EXCEPT drops the merged column once; the rest line up with the target by position', () => {
    const ddl = `CREATE TABLE shop.sessions (session_id STRING, user_id STRING, started_at TIMESTAMP);
CREATE TABLE shop.users (user_id STRING, country STRING);
CREATE TABLE shop.session_facts (sid STRING, start_ts TIMESTAMP, user_country STRING);`;
    const load = `INSERT INTO shop.session_facts
SELECT * EXCEPT (user_id) FROM shop.sessions JOIN shop.users USING (user_id);`;
    expect(pairs([ddl, load], { vendor: 'dbvbigquery' })).toEqual([
      'shop.sessions.session_id -> shop.session_facts.sid',
      'shop.sessions.started_at -> shop.session_facts.start_ts',
      'shop.users.country -> shop.session_facts.user_country',
    ]);
  });
});

describe('PostgreSQL temporary tables shadow a permanent table of the search path', () => {
  test('after SET search_path, CREATE TEMP TABLE orders hides public.orders from unqualified names only', () => {
    const ddl = `SET search_path TO public;
CREATE TABLE orders (order_id INT, amount NUMERIC(12,2), status TEXT);`;
    const etl = `CREATE TEMP TABLE orders AS
SELECT order_id, amount FROM orders WHERE status = 'OPEN';
CREATE TABLE public.open_orders (order_id INT, amount NUMERIC(12,2));
INSERT INTO public.open_orders SELECT * FROM orders;
DROP TABLE orders;
INSERT INTO public.open_orders SELECT order_id, amount FROM orders WHERE status = 'LATE';`;
    const a = run([ddl, etl], { vendor: 'dbvpostgresql' });
    expect(a.diagnostics.filter((d) => d.severity !== 'note').map((d) => d.message)).toEqual([]);
    expect(pairs([ddl, etl], { vendor: 'dbvpostgresql' })).toEqual([
      'orders.amount -> public.open_orders.amount',
      'orders.order_id -> public.open_orders.order_id',
      'public.orders.amount -> orders.amount',
      'public.orders.amount -> public.open_orders.amount',
      'public.orders.order_id -> orders.order_id',
      'public.orders.order_id -> public.open_orders.order_id',
    ]);
  });
});

describe('schema changes across files, then * and positional inserts (PostgreSQL)', () => {
  test('ADD / DROP / RENAME COLUMN, LIKE .. INCLUDING ALL, CTAS WHERE 1=0, DROP and re-CREATE', () => {
    const ddl = `CREATE TABLE stg.product (sku VARCHAR(20), title VARCHAR(100), price DECIMAL(10,2));
ALTER TABLE stg.product ADD COLUMN brand VARCHAR(40);
ALTER TABLE stg.product DROP COLUMN title;
ALTER TABLE stg.product RENAME COLUMN price TO list_price;`;
    const load = `CREATE TABLE dw.product_hist (sku VARCHAR(20), list_price DECIMAL(10,2), brand VARCHAR(40));
INSERT INTO dw.product_hist SELECT * FROM stg.product;
CREATE TABLE dw.product_copy (LIKE stg.product INCLUDING ALL);
SELECT * FROM dw.product_copy;
CREATE TABLE dw.p_empty AS SELECT * FROM stg.product WHERE 1=0;
SELECT * FROM dw.p_empty;
DROP TABLE dw.p_empty;
CREATE TABLE dw.p_empty (code INT, label TEXT);
SELECT * FROM dw.p_empty;`;
    expect(pairs([ddl, load], { vendor: 'dbvpostgresql' })).toEqual([
      'dw.p_empty.brand -> RS-2.brand',
      'dw.p_empty.code -> RS-3.code',
      'dw.p_empty.label -> RS-3.label',
      'dw.p_empty.list_price -> RS-2.list_price',
      'dw.p_empty.sku -> RS-2.sku',
      'dw.product_copy.brand -> RS-1.brand',
      'dw.product_copy.list_price -> RS-1.list_price',
      'dw.product_copy.sku -> RS-1.sku',
      'stg.product.brand -> dw.p_empty.brand',
      'stg.product.brand -> dw.product_hist.brand',
      'stg.product.list_price -> dw.p_empty.list_price',
      'stg.product.list_price -> dw.product_hist.list_price',
      'stg.product.sku -> dw.p_empty.sku',
      'stg.product.sku -> dw.product_hist.sku',
    ]);
  });
});
