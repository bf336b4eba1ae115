/**
 * Production SQL swept in session 11 (third sweep): Databricks file metadata, Oracle database
 * links, ClickHouse mutations of one partition, PL/SQL `UPDATE .. SET ROW = rec`. Pairs are
 * `source -> target` per relation type.
 */
import { ok } from '../helpers/accuracy.js';

describe('Databricks / Spark _metadata: the hidden file-metadata struct of every table', () => {
  test('a declared Delta table has _metadata though its DDL lists other columns; `*` leaves it out; a join picks the table that has it', () => {
    const sql = `CREATE TABLE bronze.events (event_id BIGINT, user_id BIGINT, payload STRING) USING DELTA;
INSERT INTO silver.event_files SELECT event_id, _metadata.file_path AS src_file, _metadata.file_modification_time AS src_mtime FROM bronze.events;
INSERT INTO silver.user_events SELECT e.event_id, u.region, _metadata.file_name AS src_name FROM bronze.events e JOIN bronze.users u ON u.id = e.user_id;
INSERT INTO silver.events_copy SELECT e.*, e._metadata.file_path AS src_file FROM bronze.events AS e;
COPY INTO bronze.raw_orders FROM (SELECT order_id, _metadata.file_path AS source_file FROM 's3://landing/orders/') FILEFORMAT = PARQUET;`;
    const expected = [
      'bronze.events._metadata -> silver.event_files.src_file',
      'bronze.events._metadata -> silver.event_files.src_mtime',
      'bronze.events._metadata -> silver.events_copy.src_file',
      'bronze.events._metadata -> silver.user_events.src_name',
      'bronze.events.event_id -> silver.event_files.event_id',
      'bronze.events.event_id -> silver.events_copy.event_id',
      'bronze.events.event_id -> silver.user_events.event_id',
      'bronze.events.payload -> silver.events_copy.payload',
      'bronze.events.user_id -> silver.events_copy.user_id',
      'bronze.users.region -> silver.user_events.region',
      's3://landing/orders/._metadata -> bronze.raw_orders.source_file',
      's3://landing/orders/.order_id -> bronze.raw_orders.order_id',
    ];
    expect(ok(sql, 'dbvdatabricks').pairs).toEqual(expected);
    const spark = ok(sql.split('\n').slice(0, 4).join('\n'), 'dbvsparksql');
    expect(spark.pairs).toEqual(expected.filter((p) => !p.startsWith('s3:')));
  });
});

describe('Oracle database links: t@link is the table of another database', () => {
  test('a remote table read and written through @link is never the local table of that name (the link was dropped); the link of a quoted name folds like that of an unquoted one', () => {
    const a = ok(`CREATE TABLE sales (sale_id NUMBER, amount NUMBER, region_id NUMBER);
INSERT INTO dw.sales_copy (sale_id, amount, region)
SELECT s.sale_id, s.amount, r.region_name
  FROM sales@dw_link s
  JOIN ref.regions@dw_link.corp.example.com r ON r.region_id = s.region_id;
INSERT INTO sales@hq_link (sale_id, amount) SELECT sale_id, amount FROM sales WHERE amount > 0;
INSERT INTO dw.sales_refunds (sale_id) SELECT r.sale_id FROM "SALES"@DW_LINK r WHERE r.amount < 0;
MERGE INTO dw.customers@hq_link t
USING (SELECT id, name FROM crm.customers) s ON (t.id = s.id)
WHEN MATCHED THEN UPDATE SET t.name = s.name;`, 'dbvoracle');
    expect(a.pairs).toEqual([
      'crm.customers.name -> dw.customers@hq_link.name',
      'ref.regions@dw_link.corp.example.com.region_name -> dw.sales_copy.region',
      'sales.amount -> sales@hq_link.amount',
      'sales.sale_id -> sales@hq_link.sale_id',
      'sales@dw_link.amount -> dw.sales_copy.amount',
      'sales@dw_link.sale_id -> dw.sales_copy.sale_id',
      'sales@dw_link.sale_id -> dw.sales_refunds.sale_id',
    ]);
  });
});

describe('ClickHouse mutations of one partition: ALTER TABLE t UPDATE .. IN PARTITION p WHERE ..', () => {
  test('the values end at IN PARTITION (the statement was skipped); `x IN (..)` in a value is still a predicate', () => {
    const a = ok(`ALTER TABLE analytics.events ON CLUSTER prod UPDATE net_amount = amount - discount IN PARTITION '2024-01' WHERE event_id IN (SELECT id FROM analytics.closed);
ALTER TABLE analytics.events UPDATE region = dictGet('regions', 'name', region_id) IN PARTITION ID '202401' WHERE region = '';
ALTER TABLE analytics.events UPDATE is_closed = event_id IN (SELECT id FROM analytics.closed) WHERE 1;
ALTER TABLE analytics.events DELETE IN PARTITION 202401 WHERE ts < now() - INTERVAL 90 DAY;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'analytics.closed.id -> analytics.events.is_closed',
      'analytics.events.amount -> analytics.events.net_amount',
      'analytics.events.discount -> analytics.events.net_amount',
      'analytics.events.event_id -> analytics.events.is_closed',
      'analytics.events.region_id -> analytics.events.region',
      'regions.name -> analytics.events.region',
    ]);
  });
});

describe('PL/SQL UPDATE t SET ROW = rec: the record is the whole row', () => {
  test('a SELECT * INTO record and a cursor loop record replace every column (nothing was traced)', () => {
    const a = ok(`CREATE OR REPLACE PACKAGE BODY hr.pkg_sync AS
  PROCEDURE refresh_employee(p_id IN NUMBER) IS
    l_rec hr.employees%ROWTYPE;
  BEGIN
    SELECT * INTO l_rec FROM hr.employees_stage WHERE employee_id = p_id;
    l_rec.updated_at := SYSDATE;
    UPDATE hr.employees SET ROW = l_rec WHERE employee_id = l_rec.employee_id;
  END refresh_employee;

  PROCEDURE apply_changes IS
    CURSOR c_chg IS SELECT c.order_id, c.cust_id, c.amount * c.fx_rate AS amount FROM sales.order_changes c WHERE c.applied = 'N';
  BEGIN
    FOR r IN c_chg LOOP
      UPDATE sales.orders o SET ROW = r WHERE o.order_id = r.order_id;
    END LOOP;
  END apply_changes;
END pkg_sync;
/`, 'dbvoracle');
    expect(a.pairs).toEqual([
      'hr.employees_stage.* -> hr.employees.*',
      'sales.order_changes.amount -> RS-1.amount',
      'sales.order_changes.amount -> sales.orders.amount',
      'sales.order_changes.cust_id -> RS-1.cust_id',
      'sales.order_changes.cust_id -> sales.orders.cust_id',
      'sales.order_changes.fx_rate -> RS-1.amount',
      'sales.order_changes.fx_rate -> sales.orders.amount',
      'sales.order_changes.order_id -> RS-1.order_id',
      'sales.order_changes.order_id -> sales.orders.order_id',
    ]);
  });
});
