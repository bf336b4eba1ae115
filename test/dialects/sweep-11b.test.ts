/**
 * Production SQL swept in session 11 (second sweep): PL/SQL packages, T-SQL procedures, Snowflake
 * pipelines, PostgreSQL upserts, BigQuery scripts, MySQL procedures, Teradata, Db2, Hive/Spark,
 * ClickHouse, Trino and Vertica. Pairs are `source -> target` per relation type.
 */
import { ok, rows } from '../helpers/accuracy.js';

describe('SET (a, b) = (x, y): each column gets the value at its position', () => {
  test('UPDATE .. FROM and MERGE .. UPDATE SET (cols) = (values) / ROW(values) (each column got every value)', () => {
    const sql = `UPDATE dwh.accounts a SET (status, closed_at) = (s.new_status, s.closed_ts) FROM staging.closures s WHERE s.id = a.id;
MERGE INTO dwh.customers AS t
USING (SELECT customer_id, name, email FROM staging.customers) AS s (customer_id, name, email)
ON t.customer_id = s.customer_id
WHEN MATCHED THEN UPDATE SET (name, email) = (s.name, s.email)
WHEN NOT MATCHED THEN INSERT (customer_id, name, email) VALUES (s.customer_id, s.name, s.email);`;
    const expected = [
      'staging.closures.closed_ts -> dwh.accounts.closed_at',
      'staging.closures.new_status -> dwh.accounts.status',
      'staging.customers.customer_id -> dwh.customers.customer_id',
      'staging.customers.email -> dwh.customers.email',
      'staging.customers.name -> dwh.customers.name',
    ];
    for (const vendor of ['dbvdb2', 'dbvpostgresql', 'dbvoracle']) expect(ok(sql, vendor).pairs).toEqual(expected);
    const row = ok(`UPDATE dwh.accounts a SET (status, closed_at) = ROW(s.new_status, s.closed_ts) FROM staging.closures s WHERE s.id = a.id;
UPDATE dwh.accounts SET (status, closed_at) = (SELECT c.new_status, c.closed_ts FROM staging.closures c WHERE c.id = accounts.id);`, 'dbvpostgresql');
    expect(row.pairs).toEqual([
      'staging.closures.closed_ts -> dwh.accounts.closed_at',
      'staging.closures.new_status -> dwh.accounts.status',
    ]);
  });
});

describe('PL/SQL INSERT INTO t VALUES rec: the record is the whole row', () => {
  test('BULK COLLECT INTO coll then FORALL .. VALUES coll(i); SELECT * INTO rec; a loop record; FETCH INTO rec (the row was dropped)', () => {
    const a = ok(`CREATE OR REPLACE PACKAGE BODY hr.pkg_archive AS
  PROCEDURE archive_terminated IS
    TYPE t_emp IS TABLE OF hr.employees%ROWTYPE INDEX BY PLS_INTEGER;
    l_emps t_emp;
  BEGIN
    SELECT * BULK COLLECT INTO l_emps FROM hr.employees WHERE status = 'TERMINATED';
    FORALL i IN INDICES OF l_emps
      INSERT INTO hr.employees_archive VALUES l_emps(i);
  END archive_terminated;

  PROCEDURE snapshot_employee(p_id IN NUMBER) IS
    l_rec hr.employees%ROWTYPE;
  BEGIN
    SELECT * INTO l_rec FROM hr.employees_stage WHERE employee_id = p_id;
    INSERT INTO hr.employee_history h VALUES l_rec;
  END snapshot_employee;

  PROCEDURE copy_big_orders IS
    CURSOR c_orders IS SELECT o.order_id, o.cust_id, o.amount * 1.2 AS gross FROM sales.orders o WHERE o.amount > 1000;
    l_row c_orders%ROWTYPE;
  BEGIN
    FOR r IN c_orders LOOP
      INSERT INTO dw.big_orders VALUES r;
    END LOOP;
    OPEN c_orders;
    FETCH c_orders INTO l_row;
    CLOSE c_orders;
    INSERT INTO dw.first_big_order VALUES l_row;
  END copy_big_orders;
END pkg_archive;
/`, 'dbvoracle');
    expect(a.pairs).toEqual([
      'hr.employees.* -> hr.employees_archive.*',
      'hr.employees_stage.* -> hr.employee_history.*',
      'sales.orders.amount -> RS-1.gross',
      'sales.orders.amount -> dw.big_orders.gross',
      'sales.orders.amount -> dw.first_big_order.gross',
      'sales.orders.cust_id -> RS-1.cust_id',
      'sales.orders.cust_id -> dw.big_orders.cust_id',
      'sales.orders.cust_id -> dw.first_big_order.cust_id',
      'sales.orders.order_id -> RS-1.order_id',
      'sales.orders.order_id -> dw.big_orders.order_id',
      'sales.orders.order_id -> dw.first_big_order.order_id',
    ]);
  });

  test('a record whose query is not known (a parameter) writes no column, and says nothing', () => {
    const a = ok(`CREATE OR REPLACE PROCEDURE hr.save_employee(p_emp IN hr.employees%ROWTYPE) IS
BEGIN
  INSERT INTO hr.employee_history VALUES p_emp;
END;
/`, 'dbvoracle');
    expect(a.pairs).toEqual([]);
  });
});

describe('PostgreSQL whole-row references: a FROM item\'s name used as a value is its row', () => {
  test('to_jsonb(n) of a table of known columns, row_to_json(x) of a LATERAL subquery, row_to_json(e) of unknown columns (was column n / x / e of the table)', () => {
    const sql = `CREATE TABLE crm.customers (id bigint, name text, email text, updated_at timestamptz);
INSERT INTO audit.row_changes (tbl, row_id, doc)
SELECT 'customers', n.id, to_jsonb(n) - 'updated_at'
FROM crm.customers n
WHERE n.updated_at > now() - interval '1 hour';
CREATE VIEW api.v_orders AS
SELECT o.order_id, row_to_json(x) AS customer
FROM sales.orders o
JOIN LATERAL (SELECT c.name, c.email FROM crm.customers c WHERE c.id = o.customer_id) x ON true;
INSERT INTO audit.snapshots (payload) SELECT row_to_json(e) FROM hr.events e;`;
    const expected = [
      'crm.customers.email -> api.v_orders.customer',
      'crm.customers.email -> audit.row_changes.doc',
      'crm.customers.id -> audit.row_changes.doc',
      'crm.customers.id -> audit.row_changes.row_id',
      'crm.customers.name -> api.v_orders.customer',
      'crm.customers.name -> audit.row_changes.doc',
      'crm.customers.updated_at -> audit.row_changes.doc',
      'hr.events.* -> audit.snapshots.payload',
      'sales.orders.order_id -> api.v_orders.order_id',
    ];
    for (const vendor of ['dbvpostgresql', 'dbvgreenplum']) expect(ok(sql, vendor).pairs).toEqual(expected);
  });
});

describe('NTH_VALUE(x, n) FROM FIRST | LAST [IGNORE NULLS] OVER (..)', () => {
  test('Oracle and Snowflake: where the count starts, not a FROM clause (was a syntax error, the table named FIRST / LAST)', () => {
    const sql = `CREATE TABLE mart.emp_stats AS
SELECT dept_id, emp_id, salary,
       NTH_VALUE(emp_name, 2) FROM LAST IGNORE NULLS OVER (PARTITION BY dept_id ORDER BY salary ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS second_name,
       NTH_VALUE(emp_name, 2) FROM FIRST OVER (PARTITION BY dept_id ORDER BY salary DESC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS runner_up,
       RATIO_TO_REPORT(salary) OVER (PARTITION BY dept_id) AS share
FROM hr.employees;
INSERT INTO mart.last_rows (x) SELECT MAX(l.x) FROM last l;`;
    const expected = [
      'hr.employees.dept_id -> mart.emp_stats.dept_id',
      'hr.employees.emp_id -> mart.emp_stats.emp_id',
      'hr.employees.emp_name -> mart.emp_stats.runner_up',
      'hr.employees.emp_name -> mart.emp_stats.second_name',
      'hr.employees.salary -> mart.emp_stats.salary',
      'hr.employees.salary -> mart.emp_stats.share',
      'last.x -> mart.last_rows.x',
    ];
    for (const vendor of ['dbvoracle', 'dbvsnowflake']) expect(ok(sql, vendor).pairs).toEqual(expected);
  });
});

describe('SET t.struct_col.field = v writes the struct column', () => {
  test('BigQuery UPDATE .. SET c.address.city, PostgreSQL SET address.city (a composite), Databricks MERGE .. SET t.address.zip (was a column city / zip of the table)', () => {
    const bq = ok(`UPDATE \`proj.mart.customers\` c
SET c.address.city = u.city, c.address.zip = u.zip
FROM \`proj.raw.address_updates\` u
WHERE u.customer_id = c.customer_id;`, 'dbvbigquery');
    expect(bq.pairs).toEqual([
      'proj.raw.address_updates.city -> proj.mart.customers.address',
      'proj.raw.address_updates.zip -> proj.mart.customers.address',
    ]);
    const pg = ok(`UPDATE crm.customers SET address.city = u.city, address.zip = u.zip FROM staging.addr u WHERE u.id = customers.id;`, 'dbvpostgresql');
    expect(pg.pairs).toEqual(['staging.addr.city -> crm.customers.address', 'staging.addr.zip -> crm.customers.address']);
    const dbx = ok(`MERGE INTO lake.customers t USING lake.address_updates s ON t.customer_id = s.customer_id
WHEN MATCHED THEN UPDATE SET t.address.zip = s.zip, t.updated_at = s.changed_at;`, 'dbvdatabricks');
    expect(dbx.pairs).toEqual(['lake.address_updates.changed_at -> lake.customers.updated_at', 'lake.address_updates.zip -> lake.customers.address']);
  });
});

describe('Hive / Spark GROUP BY a, b GROUPING SETS (..) and GROUPING__ID', () => {
  test('the sets after the list (was a syntax error); GROUPING__ID is no column of the table', () => {
    const sql = `INSERT OVERWRITE TABLE dw.sales_cube
SELECT region, product, channel, GROUPING__ID AS gid, sum(amount) AS amount
FROM dw.sales
GROUP BY region, product, channel
GROUPING SETS ((region, product), (region), ());`;
    const expected = [
      'dw.sales.amount -> dw.sales_cube.amount',
      'dw.sales.channel -> dw.sales_cube.channel',
      'dw.sales.product -> dw.sales_cube.product',
      'dw.sales.region -> dw.sales_cube.region',
    ];
    for (const vendor of ['dbvhive', 'dbvsparksql', 'dbvdatabricks', 'dbvimpala']) expect(ok(sql, vendor).pairs).toEqual(expected);
  });
});

describe('ClickHouse mutations ALTER TABLE t UPDATE .. / DELETE WHERE ..', () => {
  test('[ON CLUSTER c] UPDATE a = x, .. WHERE cond is an UPDATE of the table, DELETE [IN PARTITION p] WHERE a DELETE (were skipped, no lineage); UPDATE .. IN PARTITION p WHERE too (sweep-11c)', () => {
    const a = ok(`ALTER TABLE analytics.users ON CLUSTER main UPDATE email = lower(email), country = dictGet('geo.ip_dict', 'country', toUInt64(last_ip)) WHERE country = '';
ALTER TABLE analytics.sessions UPDATE duration = ended_at - started_at WHERE duration = 0;
ALTER TABLE analytics.events DELETE IN PARTITION 202301 WHERE event_date < today() - 365;
ALTER TABLE analytics.sessions UPDATE duration = 0 IN PARTITION 202405 WHERE duration < 0;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'analytics.sessions.ended_at -> analytics.sessions.duration',
      'analytics.sessions.started_at -> analytics.sessions.duration',
      'analytics.users.email -> analytics.users.email',
      'analytics.users.last_ip -> analytics.users.country',
      'geo.ip_dict.country -> analytics.users.country',
    ]);
    expect(a.procs.map((p) => `${p.writes.join(',')} <- ${p.reads.join(',')}`)).toEqual([
      'analytics.users <- analytics.users,geo.ip_dict',
      'analytics.sessions <- analytics.sessions',
      'analytics.events <- ',
      'analytics.sessions <- ',
    ]);
  });
});

describe('Exasol IMPORT and EXPORT (Exasol is read as dbvansi)', () => {
  test('EXPORT (query) INTO CSV .. FILE \'f\' / INTO EXA .. TABLE t: the query flows into the file or table (was a warning, not analyzed); IMPORT INTO t .. FILE \'f\' loads t', () => {
    const a = ok(`IMPORT INTO stage.customers (id, name, city) FROM CSV AT 'https://host/files' USER 'u' IDENTIFIED BY 'p' FILE 'customers_1.csv' FILE 'customers_2.csv' COLUMN SEPARATOR = ';' SKIP = 1;
IMPORT INTO stage.orders FROM EXA AT exa_conn TABLE prod.orders;
EXPORT (SELECT id, name FROM dw.customers WHERE city = 'Berlin') INTO CSV AT 'ftp://host/' FILE 'berlin.csv' COLUMN SEPARATOR = ';' WITH COLUMN NAMES;
EXPORT dw.customers INTO CSV AT s3_conn FILE 'customers.csv';
EXPORT (SELECT id, city FROM dw.customers) INTO EXA AT backup_conn TABLE archive.customer_cities;`, 'dbvansi');
    expect(a.pairs).toEqual([
      'dw.customers.city -> archive.customer_cities.city',
      'dw.customers.id -> archive.customer_cities.id',
      'dw.customers.id -> berlin.csv.id',
      'dw.customers.name -> berlin.csv.name',
    ]);
    expect(a.procs.map((p) => `${p.writes.join(',')} <- ${p.reads.join(',')}`)).toEqual([
      'stage.customers <- customers_1.csv,customers_2.csv',
      'stage.orders <- prod.orders',
      'berlin.csv <- dw.customers',
      'customers.csv <- dw.customers',
      'archive.customer_cities <- dw.customers',
    ]);
  });
});

describe('Vertica LIMIT n OVER (PARTITION BY .. ORDER BY ..)', () => {
  test('the first n rows of each partition: the partition and order columns decide the rows (was a syntax error)', () => {
    const a = ok(`CREATE TABLE mart.user_last AS
SELECT user_id, page, ts
FROM raw.clicks
WHERE page IS NOT NULL
LIMIT 1 OVER (PARTITION BY user_id ORDER BY ts DESC);`, 'dbvvertica');
    expect(a.pairs).toEqual([
      'raw.clicks.page -> mart.user_last.page',
      'raw.clicks.ts -> mart.user_last.ts',
      'raw.clicks.user_id -> mart.user_last.user_id',
    ]);
    expect(rows(a)).toEqual([
      'raw.clicks.page -> mart.user_last.RelationRows',
      'raw.clicks.ts -> mart.user_last.RelationRows',
      'raw.clicks.user_id -> mart.user_last.RelationRows',
    ]);
  });
});

describe('Oracle INSERT INTO (SELECT .. FROM t ..) VALUES | query', () => {
  test('the rows go into t, into the columns the view\'s items name (was a syntax error); WITH CHECK OPTION', () => {
    const a = ok(`INSERT INTO (SELECT order_id, status FROM dw.orders WHERE region = 'EU') VALUES (1001, 'NEW');
INSERT INTO (SELECT o.order_id, o.status FROM dw.orders o WHERE o.region = 'EU' WITH CHECK OPTION)
SELECT s.id, s.state FROM stage.orders s;`, 'dbvoracle');
    expect(a.pairs).toEqual(['stage.orders.id -> dw.orders.order_id', 'stage.orders.state -> dw.orders.status']);
    expect(a.procs.map((p) => `${p.writes.join(',')} <- ${p.reads.join(',')}`)).toEqual(['dw.orders <- ', 'dw.orders <- stage.orders']);
  });
});

describe('Azure Synapse RENAME OBJECT [OBJECT::]t TO t2', () => {
  test('the CTAS-and-swap idiom: each rename is a rename in t\'s schema, as ALTER TABLE .. RENAME TO (was skipped)', () => {
    for (const vendor of ['dbvazuresql', 'dbvmssql']) {
      const a = ok(`CREATE TABLE dbo.FactSales_new WITH (DISTRIBUTION = HASH(CustomerKey), CLUSTERED COLUMNSTORE INDEX)
AS SELECT s.CustomerKey, SUM(s.Amount) AS Amount FROM stg.Sales s GROUP BY s.CustomerKey;
RENAME OBJECT dbo.FactSales TO FactSales_old;
RENAME OBJECT OBJECT::dbo.FactSales_new TO FactSales;`, vendor);
      expect(a.pairs).toEqual(['stg.Sales.Amount -> dbo.FactSales_new.Amount', 'stg.Sales.CustomerKey -> dbo.FactSales_new.CustomerKey']);
      expect(a.notes).toEqual(['3:1 schema change: dbo.FactSales renamed to dbo.FactSales_old', '4:1 schema change: dbo.FactSales_new renamed to dbo.FactSales']);
    }
  });
});
