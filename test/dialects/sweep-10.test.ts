/**
 * Production SQL of every dialect (session 10 sweep): dynamic SQL from literal-only format(),
 * tables made by SELECT * INTO, warehouse scripting, computed columns, exception handlers, and
 * the constructs found by running production-style scripts. Pairs are `source -> target` per
 * relation type.
 */
import { ok, rows } from '../helpers/accuracy.js';
import { analyzeSql } from '../procedural/support.js';

describe('SELECT * INTO a table, then reads of its columns', () => {
  test('PostgreSQL SELECT * INTO TEMP and T-SQL SELECT * INTO #t: t.c read later is src.c through the *', () => {
    const pg = ok(`SELECT * INTO TEMP tmp_open_orders FROM sales.orders WHERE status = 'open';
INSERT INTO mart.open_orders (order_id, amount_usd)
SELECT t.order_id, t.amount * fx.rate FROM tmp_open_orders t JOIN ref.fx_rates fx ON fx.currency = t.currency;`, 'dbvpostgresql');
    expect(pg.pairs).toEqual([
      'ref.fx_rates.rate -> mart.open_orders.amount_usd',
      'sales.orders.* -> tmp_open_orders.*',
      'sales.orders.amount -> tmp_open_orders.amount',
      'sales.orders.currency -> tmp_open_orders.currency',
      'sales.orders.order_id -> tmp_open_orders.order_id',
      'tmp_open_orders.amount -> mart.open_orders.amount_usd',
      'tmp_open_orders.order_id -> mart.open_orders.order_id',
    ]);
    const ms = ok(`SELECT * INTO #stage FROM dbo.Orders WHERE Status = 'O';
INSERT INTO dbo.OpenOrders (OrderId, Amount) SELECT s.OrderId, s.Amount FROM #stage AS s;`, 'dbvmssql');
    expect(ms.pairs).toEqual([
      '#stage.Amount -> dbo.OpenOrders.Amount',
      '#stage.OrderId -> dbo.OpenOrders.OrderId',
      'dbo.Orders.* -> #stage.*',
      'dbo.Orders.Amount -> #stage.Amount',
      'dbo.Orders.OrderId -> #stage.OrderId',
    ]);
  });
});

describe('dynamic SQL built by format() of literals', () => {
  test('PL/pgSQL EXECUTE / RETURN QUERY EXECUTE / FOR r IN EXECUTE format(..): %I, %L, %s, %n$I, variables holding a literal', () => {
    const a = ok(`CREATE OR REPLACE FUNCTION rpt.open_orders() RETURNS TABLE (order_id bigint, amount numeric) LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE format('SELECT order_id, amount FROM %I.%I WHERE status = %L', 'sales', 'orders', 'open');
END;
$$;
CREATE OR REPLACE PROCEDURE etl.refresh_daily(p_day date) LANGUAGE plpgsql AS $$
DECLARE
  v_src text := 'sales.orders';
  v_tgt text;
BEGIN
  v_tgt := 'Daily Totals';
  EXECUTE format('DELETE FROM mart.%I WHERE d = $1', v_tgt) USING p_day;
  EXECUTE format('INSERT INTO mart.%I (d, total) SELECT order_date, sum(amount) FROM %s WHERE order_date = $1 GROUP BY 1', v_tgt, v_src) USING p_day;
  FOR r IN EXECUTE format('SELECT %1$I AS k, count(*) AS n FROM %2$s GROUP BY %1$I', 'region', v_src) LOOP
    INSERT INTO mart.region_counts (region, n) VALUES (r.k, r.n);
  END LOOP;
END;
$$;`, 'dbvpostgresql');
    expect(a.pairs).toEqual([
      'sales.orders.amount -> mart.Daily Totals.total',
      'sales.orders.amount -> rpt.open_orders.amount',
      'sales.orders.order_date -> mart.Daily Totals.d',
      'sales.orders.order_id -> rpt.open_orders.order_id',
      'sales.orders.region -> RS-1.k',
      'sales.orders.region -> mart.region_counts.region',
    ]);
  });

  test('an argument that is not a literal: still a note, nothing guessed', () => {
    const a = analyzeSql(`CREATE OR REPLACE PROCEDURE etl.copy_any(p_table text) LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('INSERT INTO mart.copy SELECT a FROM %I', p_table);
  EXECUTE format('INSERT INTO mart.copy SELECT a FROM %I', lower(p_table));
END;
$$;`, 'dbvpostgresql');
    expect(a.pairs).toEqual([]);
    expect(a.notes).toEqual(['3:3 dynamic SQL built at run time is not analyzed', '4:3 dynamic SQL built at run time is not analyzed']);
  });

  test('BigQuery EXECUTE IMMEDIATE FORMAT("""..""", \'literal\') USING ..', () => {
    const a = ok(`DECLARE run_date DATE DEFAULT CURRENT_DATE();
EXECUTE IMMEDIATE FORMAT("""
  INSERT INTO \`proj.mart.daily_revenue\` (day, revenue)
  SELECT DATE(created_at), SUM(amount) FROM \`proj.raw.%s\` WHERE DATE(created_at) = @d GROUP BY 1
""", 'payments') USING run_date AS d;`, 'dbvbigquery');
    expect(a.pairs).toEqual([
      'proj.raw.payments.amount -> proj.mart.daily_revenue.revenue',
      'proj.raw.payments.created_at -> proj.mart.daily_revenue.day',
    ]);
  });
});

describe('BigQuery ML functions over rows', () => {
  test('ML.PREDICT(MODEL m, TABLE t | (query)): the input columns pass through, predicted_<label> comes from the model', () => {
    const a = ok(`CREATE TABLE crm.customers (customer_id INT64, tenure_months INT64, plan STRING, churned BOOL);
CREATE OR REPLACE MODEL ml.churn_model OPTIONS (model_type = 'logistic_reg', input_label_cols = ['churned']) AS
SELECT tenure_months, plan, churned FROM crm.customers WHERE tenure_months > 0;
CREATE OR REPLACE TABLE ml.churn_scores AS
SELECT customer_id, predicted_churned, predicted_churned_probs[OFFSET(1)].prob AS churn_probability
FROM ML.PREDICT(MODEL ml.churn_model, TABLE crm.customers);
INSERT INTO ml.daily_scores (customer_id, plan, score)
SELECT p.customer_id, p.plan, p.predicted_label
FROM ML.PREDICT(MODEL \`proj.ml.imported\`, (SELECT customer_id, plan, f1 FROM crm.features WHERE d = CURRENT_DATE()), STRUCT(0.6 AS threshold)) AS p;`, 'dbvbigquery');
    expect(a.pairs).toEqual([
      'crm.customers.churned -> ml.churn_model.churned',
      'crm.customers.customer_id -> ml.churn_scores.customer_id',
      'crm.customers.plan -> ml.churn_model.plan',
      'crm.customers.tenure_months -> ml.churn_model.tenure_months',
      'crm.features.customer_id -> ml.daily_scores.customer_id',
      'crm.features.plan -> ml.daily_scores.plan',
      'ml.churn_model.churned -> ml.churn_scores.churn_probability',
      'ml.churn_model.churned -> ml.churn_scores.predicted_churned',
      'ml.churn_model.plan -> ml.churn_scores.churn_probability',
      'ml.churn_model.plan -> ml.churn_scores.predicted_churned',
      'ml.churn_model.tenure_months -> ml.churn_scores.churn_probability',
      'ml.churn_model.tenure_months -> ml.churn_scores.predicted_churned',
      'proj.ml.imported.* -> ml.daily_scores.score',
    ]);
  });
});

describe('Snowflake Scripting result sets', () => {
  test('LET res RESULTSET := (query); LET c CURSOR FOR res; FOR r IN c DO .. r.col: the query runs once, r reads its columns', () => {
    const a = ok(`CREATE OR REPLACE PROCEDURE etl.copy_open_orders()
RETURNS VARCHAR
LANGUAGE SQL
AS
$$
BEGIN
  LET res RESULTSET := (SELECT order_id, amount * fx_rate AS amount_usd FROM raw.orders WHERE status = 'open');
  LET c1 CURSOR FOR res;
  FOR r IN c1 DO
    INSERT INTO mart.open_orders (id, amt) VALUES (r.order_id, r.amount_usd);
  END FOR;
  RETURN 'ok';
END;
$$;
CREATE OR REPLACE PROCEDURE etl.refresh_region_totals(p_day DATE)
RETURNS VARCHAR
LANGUAGE SQL
AS
DECLARE
  totals RESULTSET DEFAULT (SELECT region, SUM(amount) AS total FROM raw.orders WHERE order_date = :p_day GROUP BY region);
  c_totals CURSOR FOR totals;
BEGIN
  FOR rec IN c_totals DO
    MERGE INTO mart.region_totals t USING (SELECT rec.region AS region, rec.total AS total) s ON t.region = s.region
    WHEN MATCHED THEN UPDATE SET t.total = s.total
    WHEN NOT MATCHED THEN INSERT (region, total) VALUES (s.region, s.total);
  END FOR;
  RETURN 'done';
END;`, 'dbvsnowflake');
    expect(a.pairs).toEqual([
      'raw.orders.amount -> RS-1.amount_usd',
      'raw.orders.amount -> RS-2.total',
      'raw.orders.amount -> mart.open_orders.amt',
      'raw.orders.amount -> mart.region_totals.total',
      'raw.orders.fx_rate -> RS-1.amount_usd',
      'raw.orders.fx_rate -> mart.open_orders.amt',
      'raw.orders.order_id -> RS-1.order_id',
      'raw.orders.order_id -> mart.open_orders.id',
      'raw.orders.region -> RS-2.region',
      'raw.orders.region -> mart.region_totals.region',
    ]);
    expect(a.procs.filter((p) => p.reads.length > 0 && p.writes.length === 0)).toHaveLength(2);
  });
});

describe('Informix SPL exception handlers', () => {
  test('ON EXCEPTION [IN (..)] [SET v, ..] .. END EXCEPTION [WITH RESUME]: the handler\'s statements are analyzed', () => {
    const a = ok(`CREATE PROCEDURE load_orders(p_batch INT)
  DEFINE v_sqlcode, v_isam INT;
  DEFINE v_msg VARCHAR(255);
  ON EXCEPTION IN (-239, -268) SET v_sqlcode, v_isam, v_msg
    INSERT INTO etl_errors (batch_id, src, err_code, cnt)
      SELECT p_batch, s.src_system, v_sqlcode, COUNT(*) FROM stage_orders s GROUP BY s.src_system;
    UPDATE etl_batches SET status = 'FAILED', failed_rows = (SELECT COUNT(*) FROM stage_orders) WHERE batch_id = p_batch;
  END EXCEPTION WITH RESUME;
  ON EXCEPTION
    RAISE EXCEPTION -746, 0, 'load failed';
  END EXCEPTION;
  INSERT INTO orders (id, amt) SELECT id, amount FROM stage_orders WHERE batch_id = p_batch;
END PROCEDURE;`, 'dbvinformix');
    expect(a.pairs).toEqual([
      'stage_orders.amount -> orders.amt',
      'stage_orders.id -> orders.id',
      'stage_orders.src_system -> etl_errors.src',
    ]);
    expect(a.procs.map((p) => `${p.reads.join(',')} -> ${p.writes.join(',')}`)).toEqual([
      'stage_orders -> etl_errors',
      'stage_orders -> etl_batches',
      'stage_orders -> orders',
    ]);
  });
});

describe('MERGE .. WHEN NOT MATCHED THEN INSERT .. VALUES of unqualified names', () => {
  test('the values read the source only (no target row matched): BigQuery, Snowflake', () => {
    const a = ok(`CREATE TEMP TABLE latest AS
SELECT * EXCEPT (rn) FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY updated_at DESC) AS rn FROM \`proj.raw.users\`
) WHERE rn = 1;
MERGE \`proj.dw.users\` T
USING latest S
ON T.user_id = S.user_id
WHEN MATCHED THEN UPDATE SET email = S.email, plan = S.plan
WHEN NOT MATCHED BY TARGET THEN INSERT (user_id, email, plan) VALUES (user_id, email, plan)
WHEN NOT MATCHED BY SOURCE THEN DELETE;`, 'dbvbigquery');
    expect(a.pairs).toEqual([
      'latest.email -> proj.dw.users.email',
      'latest.plan -> proj.dw.users.plan',
      'latest.user_id -> proj.dw.users.user_id',
      'proj.raw.users.* -> latest.*',
      'proj.raw.users.email -> latest.email',
      'proj.raw.users.plan -> latest.plan',
      'proj.raw.users.user_id -> latest.user_id',
    ]);
    const sf = ok(`MERGE INTO core.customers c
USING (SELECT id, name, country FROM staging.customers_delta) d ON c.id = d.id
WHEN MATCHED THEN UPDATE SET c.name = d.name
WHEN NOT MATCHED THEN INSERT (id, name, country) VALUES (id, name, country);`, 'dbvsnowflake');
    expect(sf.pairs).toEqual([
      'staging.customers_delta.country -> core.customers.country',
      'staging.customers_delta.id -> core.customers.id',
      'staging.customers_delta.name -> core.customers.name',
    ]);
  });
});

describe('BigQuery: a column named like its table', () => {
  test('SELECT sales FROM raw.sales (columns unknown, no alias) reads the column; an alias still names the whole row', () => {
    const a = ok(`INSERT INTO \`proj.dw.sales_by_q\`
SELECT * FROM (SELECT product, quarter, sales FROM \`proj.raw.sales\`)
PIVOT (SUM(sales) AS total FOR quarter IN ('Q1', 'Q2'));
INSERT INTO \`proj.dw.order_docs\` (doc) SELECT TO_JSON_STRING(o) FROM \`proj.raw.orders\` o;`, 'dbvbigquery');
    expect(a.pairs).toEqual([
      'proj.raw.orders.* -> proj.dw.order_docs.doc',
      'proj.raw.sales.product -> proj.dw.sales_by_q.product',
      'proj.raw.sales.sales -> proj.dw.sales_by_q.total_Q1',
      'proj.raw.sales.sales -> proj.dw.sales_by_q.total_Q2',
    ]);
  });
});

describe('Databricks change data feed and struct stars', () => {
  test("table_changes('db.t', v) reads table db.t (its change columns with the others)", () => {
    const a = ok(`MERGE INTO gold.customers AS t
USING (
  SELECT * FROM (
    SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY _commit_version DESC) AS rn
    FROM table_changes('silver.customers', 5)
    WHERE _change_type IN ('insert', 'update_postimage')
  ) WHERE rn = 1
) AS s
ON t.customer_id = s.customer_id
WHEN MATCHED THEN UPDATE SET t.email = s.email, t.tier = s.tier
WHEN NOT MATCHED THEN INSERT (customer_id, email, tier) VALUES (s.customer_id, s.email, s.tier);`, 'dbvdatabricks');
    expect(a.pairs).toEqual([
      'silver.customers.customer_id -> gold.customers.customer_id',
      'silver.customers.email -> gold.customers.email',
      'silver.customers.tier -> gold.customers.tier',
    ]);
    expect(a.procs.map((p) => `${p.reads.join(',')} -> ${p.writes.join(',')}`)).toEqual(['silver.customers -> gold.customers']);
  });

  test('li.* / o.shipping.* of a struct column (LATERAL VIEW explode .. AS li): every field, read from that column', () => {
    const a = ok(`CREATE OR REPLACE TABLE gold.order_lines AS
SELECT o.order_id, li.*
FROM silver.orders o
LATERAL VIEW explode(o.line_items) t AS li;
CREATE OR REPLACE TABLE gold.order_shipping AS
SELECT o.order_id, o.shipping.* FROM silver.orders o WHERE o.shipping.country = 'DE';
INSERT INTO gold.sku_revenue (sku, revenue)
SELECT x.sku, x.qty * x.price FROM (SELECT li.* FROM silver.orders LATERAL VIEW explode(line_items) e AS li) x;`, 'dbvdatabricks');
    expect(a.pairs).toEqual([
      'silver.orders.line_items -> gold.order_lines.*',
      'silver.orders.line_items -> gold.sku_revenue.revenue',
      'silver.orders.line_items -> gold.sku_revenue.sku',
      'silver.orders.order_id -> gold.order_lines.order_id',
      'silver.orders.order_id -> gold.order_shipping.order_id',
      'silver.orders.shipping -> gold.order_shipping.*',
    ]);
  });
});

describe('Teradata CAST to a format only', () => {
  test("CAST(d AS FORMAT 'YYYYMMDD') (the type kept), nested in CAST(.. AS CHAR(8)) and concatenations", () => {
    const a = ok(`INSERT INTO edw.cust_extract (cust_key, open_ymd, open_month, bal_txt)
SELECT c.cust_id || '_' || CAST(c.open_dt AS FORMAT 'YYYY-MM'),
       CAST(CAST(c.open_dt AS FORMAT 'YYYYMMDD') AS CHAR(8)),
       CAST(c.open_dt AS DATE FORMAT 'YYYY-MM'),
       CAST(b.bal_amt AS DECIMAL(12,2) FORMAT 'ZZZ,ZZ9.99')
FROM edw.customer c
JOIN edw.account_bal b ON b.cust_id = c.cust_id;`, 'dbvteradata');
    expect(a.pairs).toEqual([
      'edw.account_bal.bal_amt -> edw.cust_extract.bal_txt',
      'edw.customer.cust_id -> edw.cust_extract.cust_key',
      'edw.customer.open_dt -> edw.cust_extract.cust_key',
      'edw.customer.open_dt -> edw.cust_extract.open_month',
      'edw.customer.open_dt -> edw.cust_extract.open_ymd',
    ]);
  });
});

describe('Vertica function parameters', () => {
  test('f(x USING PARAMETERS k = v, ..): constant settings, not columns', () => {
    const a = ok(`INSERT /*+ DIRECT */ INTO mart.user_paths (user_id, path_str, attrs)
SELECT c.user_id,
       LISTAGG(c.url USING PARAMETERS max_length = 4000, separator = ' > ') AS path_str,
       MAPTOSTRING(MAPJSONEXTRACTOR(c.payload USING PARAMETERS flatten_maps = false)) AS attrs
FROM web.clicks c
GROUP BY c.user_id, c.payload;`, 'dbvvertica');
    expect(a.pairs).toEqual([
      'web.clicks.payload -> mart.user_paths.attrs',
      'web.clicks.url -> mart.user_paths.path_str',
      'web.clicks.user_id -> mart.user_paths.user_id',
    ]);
  });
});

describe('T-SQL FOR JSON / FOR XML subqueries', () => {
  test('(SELECT a, b .. FOR JSON PATH) is one document of every item; STUFF((.. FOR XML PATH(\'\')), ..) still its item', () => {
    const a = ok(`INSERT INTO api.CustomerDocs (CustomerId, OrdersJson, Tags)
SELECT c.CustomerId,
  (SELECT o.OrderId AS id, o.Total AS total, o.OrderDate AS [date] FROM dbo.Orders o WHERE o.CustomerId = c.CustomerId ORDER BY o.OrderDate FOR JSON PATH) AS OrdersJson,
  STUFF((SELECT ',' + t.Tag FROM dbo.CustomerTags t WHERE t.CustomerId = c.CustomerId FOR XML PATH(''), TYPE).value('.', 'NVARCHAR(MAX)'), 1, 1, '') AS Tags
FROM dbo.Customer c;`, 'dbvmssql');
    expect(a.pairs).toEqual([
      'dbo.Customer.CustomerId -> api.CustomerDocs.CustomerId',
      'dbo.CustomerTags.Tag -> api.CustomerDocs.Tags',
      'dbo.Orders.OrderDate -> api.CustomerDocs.OrdersJson',
      'dbo.Orders.OrderId -> api.CustomerDocs.OrdersJson',
      'dbo.Orders.Total -> api.CustomerDocs.OrdersJson',
    ]);
  });
});

describe('T-SQL xml methods', () => {
  test('t.Doc.value(..), CROSS APPLY t.Doc.nodes(..) AS x(n) then x.n.value(..): read the xml column', () => {
    const a = ok(`INSERT INTO dbo.OrderItems (OrderId, Sku, Qty, Customer)
SELECT r.OrderId, x.n.value('@sku', 'NVARCHAR(50)'), x.n.value('(qty)[1]', 'INT'), r.Doc.value('(/order/@customer)[1]', 'NVARCHAR(100)')
FROM staging.RawOrders r
CROSS APPLY r.Doc.nodes('/order/item') AS x(n)
WHERE r.Doc.exist('/order[@status="open"]') = 1;`, 'dbvmssql');
    expect(a.pairs).toEqual([
      'staging.RawOrders.Doc -> dbo.OrderItems.Customer',
      'staging.RawOrders.Doc -> dbo.OrderItems.Qty',
      'staging.RawOrders.Doc -> dbo.OrderItems.Sku',
      'staging.RawOrders.OrderId -> dbo.OrderItems.OrderId',
    ]);
  });
});

describe('T-SQL maintenance statements between loads', () => {
  test('UPDATE STATISTICS t WITH FULLSCAN, DBCC .. WITH NO_INFOMSGS, BACKUP .. WITH COMPRESSION, INIT: no lineage, no error, with or without semicolons', () => {
    const a = ok(`TRUNCATE TABLE stage.Orders;
INSERT INTO stage.Orders (OrderId, Amount) SELECT OrderId, Amount FROM src.Orders;
UPDATE STATISTICS stage.Orders WITH FULLSCAN;
UPDATE STATISTICS stage.Orders IX_Orders_Id WITH SAMPLE 50 PERCENT;
DBCC CHECKDB WITH NO_INFOMSGS;
BACKUP DATABASE Sales TO DISK = 'D:\\backup\\sales.bak' WITH COMPRESSION, INIT;
UPDATE statistics SET last_load = GETDATE() WHERE name = 'orders';
WITH c AS (SELECT OrderId, Amount FROM stage.Orders WHERE Amount > 0) INSERT INTO dw.Orders (OrderId, Amount) SELECT OrderId, Amount FROM c
DBCC SHRINKFILE (Sales_log, 1) WITH NO_INFOMSGS
WITH t AS (SELECT OrderId FROM dw.Orders) INSERT INTO dw.OrderIds (OrderId) SELECT OrderId FROM t
BACKUP LOG Sales TO DISK = 'D:\\backup\\sales.trn' WITH INIT`, 'dbvmssql');
    expect(a.pairs).toEqual([
      'src.Orders.Amount -> stage.Orders.Amount',
      'src.Orders.OrderId -> stage.Orders.OrderId',
      'stage.Orders.Amount -> dw.Orders.Amount',
      'stage.Orders.OrderId -> dw.Orders.OrderId',
      'dw.Orders.OrderId -> dw.OrderIds.OrderId',
    ].sort());
    expect(a.procs.map((p) => `${p.reads.join(',')} -> ${p.writes.join(',')}`)).toEqual([
      'src.Orders -> stage.Orders',
      ' -> statistics',
      'stage.Orders -> dw.Orders',
      'dw.Orders -> dw.OrderIds',
    ]);
  });
});

describe('NATURAL JOIN of tables with known columns', () => {
  test('the columns both sides have are joined as by USING: read from each side, deciding the rows; no ambiguity warning', () => {
    const a = ok(`CREATE TABLE sales.orders (order_id INT, region TEXT, amount NUMERIC);
CREATE TABLE sales.order_status (order_id INT, region TEXT, status TEXT);
INSERT INTO mart.order_facts (order_id, region, amount, status)
SELECT order_id, region, amount, status FROM sales.orders NATURAL JOIN sales.order_status WHERE status <> 'void';`, 'dbvpostgresql');
    expect(a.pairs).toEqual([
      'sales.order_status.order_id -> mart.order_facts.order_id',
      'sales.order_status.region -> mart.order_facts.region',
      'sales.order_status.status -> mart.order_facts.status',
      'sales.orders.amount -> mart.order_facts.amount',
      'sales.orders.order_id -> mart.order_facts.order_id',
      'sales.orders.region -> mart.order_facts.region',
    ]);
    expect(rows(a)).toEqual([
      'sales.order_status.order_id -> mart.order_facts.RelationRows',
      'sales.order_status.region -> mart.order_facts.RelationRows',
      'sales.order_status.status -> mart.order_facts.RelationRows',
      'sales.orders.order_id -> mart.order_facts.RelationRows',
      'sales.orders.region -> mart.order_facts.RelationRows',
    ]);
  });
});

describe('Snowflake Scripting result set assigned in the body', () => {
  test('DECLARE res RESULTSET; res := (query); LET c CURSOR FOR res; FOR r IN c DO .. r.col', () => {
    const a = ok(`CREATE OR REPLACE PROCEDURE etl.copy_totals()
RETURNS VARCHAR
LANGUAGE SQL
AS
DECLARE
  res RESULTSET;
BEGIN
  res := (SELECT region, SUM(amount) AS total FROM raw.orders WHERE status = 'paid' GROUP BY region);
  LET c CURSOR FOR res;
  FOR r IN c DO
    INSERT INTO mart.region_totals (region, total) VALUES (r.region, r.total);
  END FOR;
  RETURN 'ok';
END;`, 'dbvsnowflake');
    expect(a.pairs).toEqual([
      'raw.orders.amount -> RS-1.total',
      'raw.orders.amount -> mart.region_totals.total',
      'raw.orders.region -> RS-1.region',
      'raw.orders.region -> mart.region_totals.region',
    ]);
  });
});
