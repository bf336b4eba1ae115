/**
 * Lineage of SQL written as production code is: Teradata's short words and BTEQ scripts, ordering
 * inside aggregates, positions of unnested elements, PostgreSQL `WITH ORDINALITY` column lists,
 * and T-SQL `OUTPUT ... INTO` audit tables. Pairs are `source -> target` per relation type.
 */
import { analyzeSql } from '../procedural/support.js';
import { edgePairs } from '../helpers/lineage.js';
import { decided, ok, rows } from '../helpers/accuracy.js';
import { vendorHint } from '../../src/parse/hint.js';
import { resolveVendor } from '../../src/dialects/registry.js';


describe('Teradata short words and BTEQ scripts', () => {
  const script = `.LOGON tdprod/etl_batch,s3cret;
.SET ERROROUT STDOUT
DATABASE edw;
BT;
CREATE MULTISET VOLATILE TABLE vt_orders AS (
  SEL o.order_id, o.cust_id, ZEROIFNULL(o.amount) AS amount FROM stg.orders o WHERE o.order_dt >= CURRENT_DATE - 7
) WITH DATA PRIMARY INDEX (order_id) ON COMMIT PRESERVE ROWS;
LOCKING ROW FOR ACCESS
INS INTO edw.fact_orders (order_id, cust_key, amount)
SEL v.order_id, d.cust_key, v.amount
FROM vt_orders v INNER JOIN edw.dim_customer d ON d.cust_id = v.cust_id
QUALIFY ROW_NUMBER() OVER (PARTITION BY v.order_id ORDER BY v.amount DESC) = 1;
UPD tgt FROM edw.dim_customer tgt, stg.customers src
SET cust_name = TRIM(BOTH FROM src.name)
WHERE tgt.cust_id = src.cust_id;
DEL FROM edw.fact_orders WHERE order_id IN (SEL order_id FROM stg.cancelled);
DEL edw.stage_errors ALL;
ET;
COLLECT STATISTICS COLUMN (order_id) ON edw.fact_orders;
.IF ERRORCODE <> 0 THEN .QUIT 8;
.LOGOFF`;

  test('SEL / INS / UPD / DEL, LOCKING, UPDATE .. FROM .. SET, DATABASE, BT / ET, COLLECT STATISTICS, dot commands', () => {
    const a = ok(script, 'dbvteradata');
    expect(a.pairs).toEqual([
      'edw.dim_customer.cust_key -> edw.fact_orders.cust_key',
      'edw.vt_orders.amount -> edw.fact_orders.amount',
      'edw.vt_orders.order_id -> edw.fact_orders.order_id',
      'stg.customers.name -> edw.dim_customer.cust_name',
      'stg.orders.amount -> edw.vt_orders.amount',
      'stg.orders.cust_id -> edw.vt_orders.cust_id',
      'stg.orders.order_id -> edw.vt_orders.order_id',
    ]);
    expect(rows(a)).toEqual(expect.arrayContaining([
      'edw.dim_customer.cust_id -> edw.fact_orders.RelationRows',
      'edw.vt_orders.cust_id -> edw.fact_orders.RelationRows',
      'stg.cancelled.order_id -> edw.fact_orders.RelationRows',
      'stg.customers.cust_id -> edw.dim_customer.RelationRows',
    ]));
    // The log-on line is skipped without its user and password.
    expect(a.notes).toEqual([
      '1:1 BTEQ command skipped: .LOGON',
      '2:1 BTEQ command skipped: .SET ERROROUT STDOUT',
      '20:1 BTEQ command skipped: .IF ERRORCODE <> 0 THEN .QUIT 8;',
      '21:1 BTEQ command skipped: .LOGOFF',
    ]);
    expect(a.procs.map((p) => `${p.reads.join(',')} -> ${p.writes.join(',')}`)).toContain(' -> edw.stage_errors');
  });

  test('a view read under LOCKING ROW FOR ACCESS; CREATE SET TABLE with options declares its columns', () => {
    const a = ok(
      `REPLACE VIEW edw_v.v_customer AS LOCKING ROW FOR ACCESS SELECT c.cust_key, c.segment FROM edw.dim_customer c;
CREATE SET TABLE edw.cust_hist, NO FALLBACK, NO BEFORE JOURNAL, CHECKSUM = DEFAULT
( cust_key INTEGER NOT NULL, cust_name VARCHAR(100) CHARACTER SET LATIN NOT CASESPECIFIC, eff_dt DATE FORMAT 'YYYY-MM-DD' )
PRIMARY INDEX (cust_key);
SEL h.cust_key, h.eff_dt FROM edw.cust_hist h;`,
      'dbvteradata',
    );
    expect(a.pairs).toEqual([
      'edw.cust_hist.cust_key -> RS-1.cust_key',
      'edw.cust_hist.eff_dt -> RS-1.eff_dt',
      'edw.dim_customer.cust_key -> edw_v.v_customer.cust_key',
      'edw.dim_customer.segment -> edw_v.v_customer.segment',
    ]);
  });

  test('SAMPLE after the query', () => {
    const a = ok(`LOCKING TABLE edw.fact_orders FOR ACCESS SEL o.cust_key, o.amount FROM edw.fact_orders o WHERE o.amount > 0 SAMPLE .25, .25;`, 'dbvteradata');
    expect(a.pairs).toEqual(['edw.fact_orders.amount -> RS-1.amount', 'edw.fact_orders.cust_key -> RS-1.cust_key']);
  });

  test('the short words are Teradata data: elsewhere SEL is no statement, and no dialect claims a file it only skips', () => {
    expect(analyzeSql('SEL a FROM t;', 'dbvansi').errors).toEqual(["1:1 unknown statement 'SEL a FROM t'"]);
    // Oracle takes any unknown statement for a SQL*Plus command: that is no parse to recommend.
    expect(vendorHint('FOO bar, baz FROM x WHERE y = 1;\n', resolveVendor('teradata')!)).toBeUndefined();
    expect(vendorHint('SEL a FROM t;\n', resolveVendor('mssql')!)).toMatch(/parses as Teradata/);
  });
});

describe('ordering inside an aggregate decides, it is not the value', () => {
  const withinGroup = `INSERT INTO rpt.cust_orders (cust_id, skus, median_amount)
SELECT o.cust_id,
       LISTAGG(o.sku, ',') WITHIN GROUP (ORDER BY o.created_at),
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY o.amount)
FROM sales.order_lines o
GROUP BY o.cust_id;`;
  test.each(['dbvsnowflake', 'dbvoracle', 'dbvdb2', 'dbvredshift', 'dbvteradata', 'dbvvertica'])('%s: LISTAGG .. WITHIN GROUP (ORDER BY y); PERCENTILE_CONT .. (ORDER BY x) is x', (vendor) => {
    const a = ok(withinGroup, vendor);
    expect(a.pairs).toEqual([
      'sales.order_lines.amount -> rpt.cust_orders.median_amount',
      'sales.order_lines.cust_id -> rpt.cust_orders.cust_id',
      'sales.order_lines.sku -> rpt.cust_orders.skus',
    ]);
    expect(decided(a)).toEqual(['sales.order_lines.created_at -> rpt.cust_orders.skus']);
  });

  test('T-SQL STRING_AGG .. WITHIN GROUP, PERCENTILE_DISC .. OVER', () => {
    const a = ok(
      `SELECT o.cust_id, STRING_AGG(o.sku, ',') WITHIN GROUP (ORDER BY o.line_no) AS skus,
       PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY o.amount) OVER (PARTITION BY o.cust_id) AS p90
INTO rpt.cust_skus
FROM sales.order_lines o GROUP BY o.cust_id, o.amount;`,
      'dbvmssql',
    );
    expect(a.pairs).toEqual(['sales.order_lines.amount -> rpt.cust_skus.p90', 'sales.order_lines.cust_id -> rpt.cust_skus.cust_id', 'sales.order_lines.sku -> rpt.cust_skus.skus']);
    expect(decided(a)).toEqual(['sales.order_lines.line_no -> rpt.cust_skus.skus']);
  });

  test.each([
    ['dbvpostgresql', 'ARRAY_AGG(o.sku ORDER BY o.line_no)', "STRING_AGG(o.sku, ',' ORDER BY o.line_no)"],
    ['dbvbigquery', 'ARRAY_AGG(o.sku ORDER BY o.line_no)', "STRING_AGG(o.sku, ',' ORDER BY o.line_no)"],
    ['dbvduckdb', 'ARRAY_AGG(o.sku ORDER BY o.line_no)', "STRING_AGG(o.sku, ',' ORDER BY o.line_no)"],
    ['dbvmysql', "GROUP_CONCAT(o.sku ORDER BY o.line_no SEPARATOR ',')", "GROUP_CONCAT(DISTINCT o.sku ORDER BY o.line_no DESC SEPARATOR '|')"],
    ['dbvsnowflake', 'ARRAY_AGG(o.sku) WITHIN GROUP (ORDER BY o.line_no)', "LISTAGG(DISTINCT o.sku, '|') WITHIN GROUP (ORDER BY o.line_no)"],
  ])('%s: %s, %s', (vendor, first, second) => {
    const a = ok(`INSERT INTO rpt.skus (cust_id, sku_list, sku_text) SELECT o.cust_id, ${first}, ${second} FROM sales.order_lines o GROUP BY o.cust_id;`, vendor);
    expect(a.pairs).toEqual(['sales.order_lines.cust_id -> rpt.skus.cust_id', 'sales.order_lines.sku -> rpt.skus.sku_list', 'sales.order_lines.sku -> rpt.skus.sku_text']);
    expect(decided(a)).toEqual(['sales.order_lines.line_no -> rpt.skus.sku_list', 'sales.order_lines.line_no -> rpt.skus.sku_text']);
  });
});

describe('a position is decided by the array, it is not one of its values', () => {
  const expectPosition = (a: ReturnType<typeof ok>, from: string, to: string) => {
    expect(a.pairs).not.toContain(`${from} -> ${to}`);
    expect(decided(a)).toContain(`${from} -> ${to}`);
  };
  test.each(['dbvhive', 'dbvsparksql', 'dbvdatabricks'])('%s: LATERAL VIEW posexplode(..) t AS pos, val', (vendor) => {
    const a = ok(`INSERT INTO dw.order_items (order_id, line_no, sku) SELECT o.order_id, t.pos, t.sku FROM stg.orders o LATERAL VIEW posexplode(o.skus) t AS pos, sku;`, vendor);
    expect(a.pairs).toEqual(['stg.orders.order_id -> dw.order_items.order_id', 'stg.orders.skus -> dw.order_items.sku']);
    expectPosition(a, 'stg.orders.skus', 'dw.order_items.line_no');
  });

  test('Snowflake FLATTEN: INDEX and SEQ are positions; KEY, PATH and VALUE are data', () => {
    const a = ok(`INSERT INTO dw.order_items (order_id, line_no, batch, attr, path, sku) SELECT o.order_id, f.index, f.seq, f.key, f.path, f.value:sku::string FROM stg.orders o, LATERAL FLATTEN(input => o.payload:items) f;`, 'dbvsnowflake');
    expect(a.pairs).toEqual(['stg.orders.order_id -> dw.order_items.order_id', 'stg.orders.payload -> dw.order_items.attr', 'stg.orders.payload -> dw.order_items.path', 'stg.orders.payload -> dw.order_items.sku']);
    expectPosition(a, 'stg.orders.payload', 'dw.order_items.line_no');
    expectPosition(a, 'stg.orders.payload', 'dw.order_items.batch');
  });

  test.each([
    ['dbvbigquery', 'CROSS JOIN UNNEST(o.skus) AS sku WITH OFFSET AS pos', 'pos', 'sku'],
    ['dbvpresto', 'CROSS JOIN UNNEST(o.skus) WITH ORDINALITY AS t(sku, pos)', 't.pos', 't.sku'],
    ['dbvathena', 'CROSS JOIN UNNEST(o.skus) WITH ORDINALITY AS t(sku, pos)', 't.pos', 't.sku'],
    ['dbvpostgresql', 'CROSS JOIN LATERAL unnest(o.skus) WITH ORDINALITY AS t(sku, pos)', 't.pos', 't.sku'],
    ['dbvduckdb', 'CROSS JOIN UNNEST(o.skus) WITH ORDINALITY AS t(sku, pos)', 't.pos', 't.sku'],
  ])('%s: %s', (vendor, from, pos, sku) => {
    const a = ok(`INSERT INTO dw.order_items (order_id, line_no, sku) SELECT o.order_id, ${pos}, ${sku} FROM stg.orders o ${from};`, vendor);
    expect(a.pairs).toEqual(['stg.orders.order_id -> dw.order_items.order_id', 'stg.orders.skus -> dw.order_items.sku']);
    expectPosition(a, 'stg.orders.skus', 'dw.order_items.line_no');
  });

  test('Oracle / MySQL JSON_TABLE .. FOR ORDINALITY', () => {
    for (const vendor of ['dbvoracle', 'dbvmysql']) {
      const a = ok(`INSERT INTO dw.order_items (order_id, line_no, sku) SELECT o.order_id, j.n, j.sku FROM stg.orders o, JSON_TABLE(o.doc, '$.items[*]' COLUMNS (n FOR ORDINALITY, sku VARCHAR(20) PATH '$.sku')) j;`, vendor);
      expect(a.pairs).toEqual(['stg.orders.doc -> dw.order_items.sku', 'stg.orders.order_id -> dw.order_items.order_id']);
      expectPosition(a, 'stg.orders.doc', 'dw.order_items.line_no');
    }
  });
});

describe('PostgreSQL WITH ORDINALITY: the position is the name past the function\'s own columns', () => {
  test.each([
    ['jsonb_each(d.attrs) WITH ORDINALITY AS t(k, v, n)', 't.k', 't.v', 't.n'],
    ['jsonb_each_text(d.attrs) WITH ORDINALITY t(k, v)', 't.k', 't.v', 't.ordinality'],
    ['json_each(d.attrs) WITH ORDINALITY AS t(k, v, n)', 't.k', 't.v', 't.n'],
    ['json_each_text(d.attrs) WITH ORDINALITY AS t', 't.key', 't.value', 't.ordinality'],
  ])('%s', (from, k, v, n) => {
    const a = ok(`INSERT INTO app.doc_attrs (doc_id, attr, val, pos) SELECT d.id, ${k}, ${v}, ${n} FROM app.docs d CROSS JOIN LATERAL ${from};`, 'dbvpostgresql');
    expect(a.pairs).toEqual(['app.docs.attrs -> app.doc_attrs.attr', 'app.docs.attrs -> app.doc_attrs.val', 'app.docs.id -> app.doc_attrs.doc_id']);
    expect(decided(a)).toEqual(['app.docs.attrs -> app.doc_attrs.pos']);
  });

  test('jsonb_array_elements(..) WITH ORDINALITY x(e, n)', () => {
    const a = ok(`INSERT INTO app.lines (doc_id, line, pos) SELECT d.id, x.e ->> 'sku', x.n FROM app.docs d, jsonb_array_elements(d.doc -> 'items') WITH ORDINALITY x(e, n);`, 'dbvpostgresql');
    expect(a.pairs).toEqual(['app.docs.doc -> app.lines.line', 'app.docs.id -> app.lines.doc_id']);
    expect(decided(a)).toEqual(['app.docs.doc -> app.lines.pos']);
  });
});

describe('T-SQL OUTPUT .. INTO: inserted.c reads what was written, deleted.c the old row', () => {
  test('INSERT .. SELECT', () => {
    const a = ok(
      `INSERT INTO dbo.customers (cust_id, name, email)
OUTPUT inserted.cust_id, inserted.email, SYSDATETIME() INTO audit.cust_log (cust_id, email, logged_at)
SELECT s.id, s.full_name, s.mail FROM stg.customers s WHERE s.valid = 1;`,
      'dbvmssql',
    );
    expect(a.pairs).toEqual([
      'stg.customers.full_name -> dbo.customers.name',
      'stg.customers.id -> audit.cust_log.cust_id',
      'stg.customers.id -> dbo.customers.cust_id',
      'stg.customers.mail -> audit.cust_log.email',
      'stg.customers.mail -> dbo.customers.email',
    ]);
    expect(rows(a)).toContain('stg.customers.valid -> audit.cust_log.RelationRows');
  });

  test('UPDATE .. FROM: a column not SET keeps its old value in inserted', () => {
    const a = ok(
      `UPDATE c SET c.email = s.mail, c.name = UPPER(s.full_name)
OUTPUT deleted.email, inserted.email, inserted.cust_id INTO audit.email_changes (old_email, new_email, cust_id)
FROM dbo.customers c JOIN stg.customers s ON s.id = c.cust_id;`,
      'dbvmssql',
    );
    expect(a.pairs).toEqual([
      'dbo.customers.cust_id -> audit.email_changes.cust_id',
      'dbo.customers.email -> audit.email_changes.old_email',
      'stg.customers.full_name -> dbo.customers.name',
      'stg.customers.mail -> audit.email_changes.new_email',
      'stg.customers.mail -> dbo.customers.email',
    ]);
    expect(rows(a)).toEqual(expect.arrayContaining(['dbo.customers.cust_id -> audit.email_changes.RelationRows', 'stg.customers.id -> audit.email_changes.RelationRows']));
  });

  test('DELETE', () => {
    const a = ok(`DELETE FROM dbo.customers OUTPUT deleted.cust_id, deleted.name INTO audit.deleted_customers (cust_id, name) WHERE inactive = 1;`, 'dbvmssql');
    expect(a.pairs).toEqual(['dbo.customers.cust_id -> audit.deleted_customers.cust_id', 'dbo.customers.name -> audit.deleted_customers.name']);
  });

  test('MERGE: each arm\'s written values, the old row for deleted', () => {
    const a = ok(
      `MERGE dbo.customers AS t
USING stg.customers AS s ON t.cust_id = s.id
WHEN MATCHED THEN UPDATE SET t.email = s.mail
WHEN NOT MATCHED THEN INSERT (cust_id, name, email) VALUES (s.id, s.full_name, s.mail)
OUTPUT $action, inserted.cust_id, inserted.email, deleted.email INTO audit.merge_log (act, cust_id, new_email, old_email);`,
      'dbvmssql',
    );
    expect(a.pairs).toEqual([
      'dbo.customers.cust_id -> audit.merge_log.cust_id',
      'dbo.customers.email -> audit.merge_log.old_email',
      'stg.customers.full_name -> dbo.customers.name',
      'stg.customers.id -> audit.merge_log.cust_id',
      'stg.customers.id -> dbo.customers.cust_id',
      'stg.customers.mail -> audit.merge_log.new_email',
      'stg.customers.mail -> dbo.customers.email',
    ]);
  });
});

describe('warehouse scripts: constructs that failed or lost lineage', () => {
  test.each(['dbvsnowflake', 'dbvdatabricks', 'dbvduckdb', 'dbvbigquery'])('%s: GROUP BY ALL groups by every item that is not an aggregate', (vendor) => {
    const a = ok(
      `CREATE TABLE marts.customer_ltv AS
SELECT d.country, d.customer_id, SUM(f.order_total) AS ltv, MAX_BY(f.channel, f.order_date) AS last_channel
FROM core.fact_orders f JOIN core.dim_customer d ON d.customer_key = f.customer_key
GROUP BY ALL;`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'core.dim_customer.country -> marts.customer_ltv.country',
      'core.dim_customer.customer_id -> marts.customer_ltv.customer_id',
      'core.fact_orders.channel -> marts.customer_ltv.last_channel',
      'core.fact_orders.order_total -> marts.customer_ltv.ltv',
    ]);
    // MAX_BY's second argument only picks the row (like KEEP (DENSE_RANK LAST ORDER BY ..)).
    expect(decided(a)).toEqual(['core.fact_orders.order_date -> marts.customer_ltv.last_channel']);
    expect(rows(a)).toEqual([
      'core.dim_customer.country -> marts.customer_ltv.RelationRows',
      'core.dim_customer.customer_id -> marts.customer_ltv.RelationRows',
      'core.dim_customer.customer_key -> marts.customer_ltv.RelationRows',
      'core.fact_orders.customer_key -> marts.customer_ltv.RelationRows',
    ]);
  });

  test.each(['dbvduckdb', 'dbvsnowflake', 'dbvdatabricks'])('%s: ORDER BY ALL (in a CTAS and a query) parses; the order decides nothing', (vendor) => {
    const a = ok(
      `CREATE TABLE marts.daily_status AS
SELECT date_trunc('day', e.ts) AS day, e.status, count(*) AS n FROM raw.events e GROUP BY ALL ORDER BY ALL DESC NULLS LAST;
SELECT day, n FROM marts.daily_status ORDER BY ALL LIMIT 10;`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'marts.daily_status.day -> RS-1.day',
      'marts.daily_status.n -> RS-1.n',
      'raw.events.status -> marts.daily_status.status',
      'raw.events.ts -> marts.daily_status.day',
    ]);
    expect(decided(a)).toEqual([]);
  });

  test('BigQuery: fields of an unaliased UNNEST (GA4 event_params), MERGE .. INSERT ROW', () => {
    const a = ok(
      `CREATE TEMP TABLE sessions AS
SELECT user_pseudo_id,
       (SELECT value.int_value FROM UNNEST(event_params) WHERE key = 'ga_session_id') AS session_id,
       (SELECT value.string_value FROM UNNEST(event_params) WHERE key = 'page_location') AS page
FROM \`proj.analytics_123.events_20240101\`;
MERGE \`proj.dw.sessions\` T
USING (SELECT session_id, user_pseudo_id, ANY_VALUE(page) AS page FROM sessions GROUP BY ALL) S
ON T.session_id = S.session_id
WHEN NOT MATCHED THEN INSERT ROW;`,
      'dbvbigquery',
    );
    expect(a.pairs).toEqual([
      'proj.analytics_123.events_20240101.event_params -> sessions.page',
      'proj.analytics_123.events_20240101.event_params -> sessions.session_id',
      'proj.analytics_123.events_20240101.user_pseudo_id -> sessions.user_pseudo_id',
      'sessions.page -> proj.dw.sessions.page',
      'sessions.session_id -> proj.dw.sessions.session_id',
      'sessions.user_pseudo_id -> proj.dw.sessions.user_pseudo_id',
    ]);
  });

  test.each(['dbvpostgresql', 'dbvsnowflake', 'dbvmssql', 'dbvoracle', 'dbvansi'])('%s: a recursive CTE without a column list is read by its own recursive branch', (vendor) => {
    const recursive = vendor === 'dbvmssql' || vendor === 'dbvoracle' ? '' : 'RECURSIVE ';
    const a = ok(
      `INSERT INTO hr.org_flat (emp_id, name, root_id)
WITH ${recursive}org AS (
  SELECT e.emp_id, e.manager_id, e.name, e.emp_id AS root_id FROM hr.employees e WHERE e.manager_id IS NULL
  UNION ALL
  SELECT c.emp_id, c.manager_id, c.name, org.root_id FROM hr.employees c JOIN org ON c.manager_id = org.emp_id
)
SELECT emp_id, name, root_id FROM org;`,
      vendor,
    );
    expect(a.pairs).toEqual(['hr.employees.emp_id -> hr.org_flat.emp_id', 'hr.employees.emp_id -> hr.org_flat.root_id', 'hr.employees.name -> hr.org_flat.name']);
    expect(rows(a)).toEqual(['hr.employees.emp_id -> hr.org_flat.RelationRows', 'hr.employees.manager_id -> hr.org_flat.RelationRows']);
  });

  test('T-SQL: the statement\'s CTEs are seen from a derived table in MERGE USING and UPDATE .. FROM', () => {
    const a = ok(
      `WITH agg AS (SELECT OrderID, SUM(LineTotal) AS OrderTotal FROM #src GROUP BY OrderID)
MERGE dw.FactOrders AS tgt
USING (SELECT a.*, dc.CustomerKey FROM agg a JOIN dw.DimCustomer dc ON dc.OrderID = a.OrderID) AS src
ON tgt.OrderID = src.OrderID
WHEN MATCHED THEN UPDATE SET tgt.OrderTotal = src.OrderTotal
WHEN NOT MATCHED THEN INSERT (OrderID, CustomerKey, OrderTotal) VALUES (src.OrderID, src.CustomerKey, src.OrderTotal);
WITH last_ship AS (SELECT OrderID, MAX(ShippedDate) AS Shipped FROM stg.Shipments GROUP BY OrderID)
UPDATE f SET f.ShippedDate = s.Shipped FROM dw.FactOrders f JOIN (SELECT l.OrderID, l.Shipped FROM last_ship l) s ON s.OrderID = f.OrderID;`,
      'dbvmssql',
    );
    expect(a.pairs).toEqual([
      '#src.LineTotal -> dw.FactOrders.OrderTotal',
      '#src.OrderID -> dw.FactOrders.OrderID',
      'dw.DimCustomer.CustomerKey -> dw.FactOrders.CustomerKey',
      'stg.Shipments.ShippedDate -> dw.FactOrders.ShippedDate',
    ]);
  });

  test('Oracle: FETCH .. BULK COLLECT INTO a collection, FORALL .. VALUES (l_tab(i).col)', () => {
    const a = ok(
      `CREATE OR REPLACE PROCEDURE load_sales(p_day IN DATE) IS
  CURSOR c_sales IS SELECT s.sale_id, s.amount FROM stg.sales s WHERE s.sale_day = p_day;
  TYPE t_tab IS TABLE OF c_sales%ROWTYPE;
  l_tab t_tab;
BEGIN
  OPEN c_sales;
  FETCH c_sales BULK COLLECT INTO l_tab;
  CLOSE c_sales;
  FORALL i IN 1 .. l_tab.COUNT
    INSERT INTO dw.fact_sales (sale_id, amount) VALUES (l_tab(i).sale_id, l_tab(i).amount);
END;
/`,
      'dbvoracle',
    );
    expect(a.pairs).toEqual(expect.arrayContaining(['stg.sales.amount -> dw.fact_sales.amount', 'stg.sales.sale_id -> dw.fact_sales.sale_id']));
  });

  test('DuckDB: a file read by read_csv_auto is a dataset; a CTAS over a `*` of unknown width keeps its other columns open', () => {
    const a = ok(
      `CREATE OR REPLACE TABLE sales_clean AS
SELECT * EXCLUDE (raw_note), strftime(sold_at, '%Y-%m') AS month FROM read_csv_auto('data/sales.csv');
CREATE TABLE monthly AS SELECT month, customer, sum(amount) AS total FROM sales_clean GROUP BY ALL;`,
      'dbvduckdb',
    );
    expect(a.pairs).toEqual([
      'data/sales.csv.* -> sales_clean.*',
      'data/sales.csv.amount -> sales_clean.amount',
      'data/sales.csv.customer -> sales_clean.customer',
      'data/sales.csv.sold_at -> sales_clean.month',
      'sales_clean.amount -> monthly.total',
      'sales_clean.customer -> monthly.customer',
      'sales_clean.month -> monthly.month',
    ]);
  });

  test('Db2: SELECT .. WITH UR', () => {
    const a = ok(`SELECT acct_id, bal FROM dw.acct_bal FETCH FIRST 10 ROWS ONLY WITH UR;`, 'dbvdb2');
    expect(a.pairs).toEqual(['dw.acct_bal.acct_id -> RS-1.acct_id', 'dw.acct_bal.bal -> RS-1.bal']);
  });
});

describe('loading and unloading through stages and materialized views', () => {
  test('Snowflake: COPY INTO a table from a stage, COPY INTO a stage from a query, SELECT from a stage', () => {
    const a = ok(
      `COPY INTO raw.orders FROM @raw.landing/orders/2024/ FILE_FORMAT = (TYPE = 'JSON') MATCH_BY_COLUMN_NAME = CASE_INSENSITIVE;
COPY INTO @mart.unload/orders/ FROM (SELECT o.id, o.amount FROM raw.orders o) FILE_FORMAT = (TYPE = PARQUET) HEADER = TRUE;
CREATE TABLE raw.users AS SELECT u.id, u.email FROM @~/users.csv u;`,
      'dbvsnowflake',
    );
    expect(a.pairs).toEqual(['@~/users.csv.email -> raw.users.email', '@~/users.csv.id -> raw.users.id', 'raw.orders.amount -> @mart.unload/orders/.amount', 'raw.orders.id -> @mart.unload/orders/.id']);
    expect(edgePairs(a.graph, { sourceRows: true, rows: true })).toContain('@raw.landing/orders/2024/.RelationRows -> raw.orders.RelationRows');
  });

  test('ClickHouse: CREATE MATERIALIZED VIEW .. TO t AS SELECT writes t', () => {
    const a = ok(`CREATE MATERIALIZED VIEW analytics.mv_rev TO analytics.daily_revenue AS SELECT toDate(ts) AS day, sum(amount) AS revenue FROM raw.events GROUP BY day;`, 'dbvclickhouse');
    expect(a.pairs).toEqual(['raw.events.amount -> analytics.daily_revenue.revenue', 'raw.events.ts -> analytics.daily_revenue.day']);
  });
});

describe('T-SQL composable DML', () => {
  test('SCD2: INSERT .. SELECT .. FROM (MERGE .. OUTPUT $action, s.c) AS changes WHERE Action = \'UPDATE\'', () => {
    const a = ok(
      `INSERT INTO dw.DimCustomer (CustomerID, Name, City, ValidFrom, IsCurrent)
SELECT CustomerID, Name, City, GETDATE(), 1
FROM (
  MERGE dw.DimCustomer AS t
  USING stg.Customer AS s ON t.CustomerID = s.CustomerID AND t.IsCurrent = 1
  WHEN NOT MATCHED THEN INSERT (CustomerID, Name, City, ValidFrom, IsCurrent) VALUES (s.CustomerID, s.Name, s.City, GETDATE(), 1)
  WHEN MATCHED AND (t.Name <> s.Name OR t.City <> s.City) THEN UPDATE SET t.ValidTo = GETDATE(), t.IsCurrent = 0
  OUTPUT $action AS Action, s.CustomerID, s.Name, s.City
) AS changes
WHERE Action = 'UPDATE';`,
      'dbvmssql',
    );
    expect(edgePairs(a.graph, { effect: true })).toEqual([
      'stg.Customer.City -> dw.DimCustomer.City [insert]',
      'stg.Customer.City -> dw.DimCustomer.City [merge_insert]',
      'stg.Customer.CustomerID -> dw.DimCustomer.CustomerID [insert]',
      'stg.Customer.CustomerID -> dw.DimCustomer.CustomerID [merge_insert]',
      'stg.Customer.Name -> dw.DimCustomer.Name [insert]',
      'stg.Customer.Name -> dw.DimCustomer.Name [merge_insert]',
    ]);
    // The rows inserted are those the MERGE changed: its ON and WHEN conditions decide them.
    expect(rows(a)).toEqual(expect.arrayContaining(['dw.DimCustomer.IsCurrent -> dw.DimCustomer.RelationRows', 'stg.Customer.Name -> dw.DimCustomer.RelationRows']));
    expect(a.procs.map((p) => `${p.reads.join(',')} -> ${p.writes.join(',')}`)).toEqual(['stg.Customer,dw.DimCustomer -> dw.DimCustomer']);
  });
});

describe('aggregates of every dialect aggregate (row count read; GROUP BY ALL leaves them out)', () => {
  const statsOf = (calls: string[]) => `INSERT INTO rpt.cust_stats (cust_id, ${calls.map((_, i) => `m${i}`).join(', ')})
SELECT o.cust_id, ${calls.join(', ')}
FROM sales.orders o
GROUP BY ALL;`;
  test.each([
    ['dbvdatabricks', ['collect_set(o.sku)', 'collect_list(o.sku)', 'count_if(o.amount > 100)', 'any_value(o.city)', 'percentile_approx(o.amount, 0.9)', 'first(o.city)', 'bool_or(o.flag)']],
    ['dbvsnowflake', ['COUNT_IF(o.amount > 100)', 'ANY_VALUE(o.city)', 'ARRAY_UNIQUE_AGG(o.sku)', 'OBJECT_AGG(o.sku, o.amount::variant)', 'APPROX_PERCENTILE(o.amount, 0.9)', 'BOOLOR_AGG(o.flag)']],
    ['dbvbigquery', ['COUNTIF(o.amount > 100)', 'ANY_VALUE(o.city)', 'LOGICAL_OR(o.flag)', 'APPROX_QUANTILES(o.amount, 10)', 'ARRAY_CONCAT_AGG(o.tags)']],
    ['dbvduckdb', ['count_if(o.amount > 100)', 'any_value(o.city)', 'bool_and(o.flag)', 'approx_quantile(o.amount, 0.5)', 'array_agg(o.sku)']],
  ])('%s: GROUP BY ALL groups by the key only', (vendor, calls) => {
    const a = ok(statsOf(calls as string[]), vendor as string);
    const fdr = edgePairs(a.graph, { type: 'fdr' });
    // Only the key decides the rows written (before, an unknown aggregate's columns were grouped by).
    expect(fdr.filter((p) => p.endsWith('.RelationRows'))).toEqual(['sales.orders.cust_id -> rpt.cust_stats.RelationRows']);
  });

  test.each([
    ['dbvmssql', 'STDEV(o.amount)'],
    ['dbvmssql', 'CHECKSUM_AGG(o.qty)'],
    ['dbvpostgresql', 'jsonb_agg(o.sku)'],
    ['dbvpostgresql', 'bool_and(o.flag)'],
    ['dbvpostgresql', 'corr(o.amount, o.qty)'],
    ['dbvhive', 'collect_set(o.sku)'],
    ['dbvhive', 'percentile(o.qty, 0.5)'],
    ['dbvtrino', 'approx_distinct(o.sku)'],
    ['dbvtrino', 'map_agg(o.sku, o.amount)'],
    ['dbvmysql', 'JSON_ARRAYAGG(o.sku)'],
    ['dbvmysql', 'BIT_OR(o.qty)'],
    ['dbvoracle', 'XMLAGG(XMLELEMENT("s", o.sku))'],
  ])('%s: %s reads the row count', (vendor, call) => {
    const a = ok(`INSERT INTO rpt.cust_stats (cust_id, m) SELECT o.cust_id, ${call} FROM sales.orders o GROUP BY o.cust_id;`, vendor);
    expect(edgePairs(a.graph, { type: 'fdr', sourceRows: true })).toContain('sales.orders.RelationRows -> rpt.cust_stats.m');
  });
});

describe('Snowflake positional columns of staged files', () => {
  test('INSERT .. SELECT t.$1, $2:path FROM @stage and COPY INTO t (cols) FROM (SELECT $1:a::type, $2 FROM @stage)', () => {
    const a = ok(
      `INSERT INTO raw.events (event_id, payload, file_name) SELECT t.$1, t.$2, metadata$filename FROM @raw.landing/events/ t;
COPY INTO raw.orders (order_id, cust_id, amount)
FROM (SELECT $1:order_id::number, $1:customer.id::number, $3 FROM @raw.landing/orders/ s)
FILE_FORMAT = (TYPE = 'JSON');`,
      'dbvsnowflake',
    );
    expect(a.pairs).toEqual([
      '@raw.landing/events/.$1 -> raw.events.event_id',
      '@raw.landing/events/.$2 -> raw.events.payload',
      '@raw.landing/events/.metadata$filename -> raw.events.file_name',
      '@raw.landing/orders/.$1 -> raw.orders.cust_id',
      '@raw.landing/orders/.$1 -> raw.orders.order_id',
      '@raw.landing/orders/.$3 -> raw.orders.amount',
    ]);
  });

  test('FROM @stage (FILE_FORMAT => .., PATTERN => ..) alias: the options say how to read the files', () => {
    const a = ok(
      `INSERT INTO raw.events (event_id, payload) SELECT t.$1, t.$2 FROM @raw.landing/events/ (FILE_FORMAT => 'csv_fmt', PATTERN => '.*[.]csv[.]gz') t;`,
      'dbvsnowflake',
    );
    expect(a.pairs).toEqual(['@raw.landing/events/.$1 -> raw.events.event_id', '@raw.landing/events/.$2 -> raw.events.payload']);
  });

  test('elsewhere $1 stays a parameter', () => {
    const a = ok('INSERT INTO audit.log (id, note) SELECT o.id, $1 FROM sales.orders o WHERE o.id = $2;', 'dbvpostgresql');
    expect(a.pairs).toEqual(['sales.orders.id -> audit.log.id']);
  });
});
