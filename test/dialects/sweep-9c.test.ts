/**
 * Production-style SQL of Oracle, PostgreSQL, Redshift, Greenplum, MySQL, Db2 and Teradata whose
 * lineage was wrong, lost or a syntax error (session 9 sweep). Pairs are `source -> target`:
 * `a.pairs` fdd, `decided` fdr into columns, `rows` fdr into RelationRows.
 */
import { analyzeSql, flows } from '../procedural/support.js';
import { ok, rows } from '../helpers/accuracy.js';

describe('Oracle', () => {
  test('WITH FUNCTION / PROCEDURE declarations before a CTAS, INSERT or SELECT query: the query is analyzed, the routines too', () => {
    const a = ok(
      `CREATE TABLE dw.cust_fx AS
WITH
  FUNCTION to_usd(p_amt NUMBER, p_ccy VARCHAR2) RETURN NUMBER IS
    v_rate NUMBER;
  BEGIN
    SELECT r.rate INTO v_rate FROM ref.fx_rate r WHERE r.ccy = p_ccy;
    RETURN p_amt * v_rate;
  END to_usd;
  PROCEDURE noop IS BEGIN NULL; END;
  big AS (SELECT cust_id, amt, ccy FROM stg.orders WHERE amt > 100)
SELECT b.cust_id, to_usd(b.amt, b.ccy) AS amt_usd FROM big b
/
INSERT /*+ WITH_PLSQL */ INTO dw.order_dbl (order_id, amt2)
WITH FUNCTION dbl(x NUMBER) RETURN NUMBER IS BEGIN RETURN x * 2; END;
SELECT o.order_id, dbl(o.amt) FROM stg.orders o;
WITH FUNCTION f(x NUMBER) RETURN NUMBER IS BEGIN RETURN x * 2; END;
SELECT f(amt) AS c FROM stg.orders
/
INSERT INTO dw.after_with (order_id) SELECT order_id FROM stg.orders;`,
      'dbvoracle',
    );
    expect(a.pairs.filter((p) => !p.includes('RS-'))).toEqual([
      'stg.orders.amt -> dw.cust_fx.amt_usd',
      'stg.orders.amt -> dw.order_dbl.amt2',
      'stg.orders.ccy -> dw.cust_fx.amt_usd',
      'stg.orders.cust_id -> dw.cust_fx.cust_id',
      'stg.orders.order_id -> dw.after_with.order_id',
      'stg.orders.order_id -> dw.order_dbl.order_id',
    ]);
    expect(a.pairs).toContain('stg.orders.amt -> RS-1.c');
    expect(rows(a)).toContain('stg.orders.amt -> dw.cust_fx.RelationRows');
    expect(flows(a)).toEqual([
      'to_usd: ref.fx_rate -> ',
      'batchQueries: stg.orders -> dw.cust_fx',
      'batchQueries: stg.orders -> dw.order_dbl',
      'batchQueries: stg.orders -> ',
      'batchQueries: stg.orders -> dw.after_with',
    ]);
  });

  test('MODEL: the select items read the partition, dimension and measure columns; a measure also reads what its rules read', () => {
    const a = ok(
      `CREATE TABLE dw.sales_fcst AS
SELECT country, prod, year, s AS sales
FROM sh.sales_view
WHERE country IN ('Italy', 'Japan')
MODEL
  RETURN UPDATED ROWS
  PARTITION BY (country)
  DIMENSION BY (prod, year)
  MEASURES (sale s, qty q)
  RULES UPSERT (
    s[prod = 'Bounce', year = 2001] = s['Bounce', 2000] + s['Bounce', 1999],
    s['Y Box', 2001] = s['Y Box', CV(year) - 1] * 1.1
  )
ORDER BY country, prod, year;
INSERT INTO dw.q_fcst (country, yr, q2)
SELECT country, year, q2 FROM sh.sales_view
GROUP BY country, year
MODEL PARTITION BY (country) DIMENSION BY (year) MEASURES (SUM(qty) q, 0 AS q2, MAX(price) AS p)
  RULES ITERATE (3) (q2[ANY] = q[CV()] * 2 + NVL(p[CV()], 0))
/
SELECT m.model, m.maker FROM sh.cars m;`,
      'dbvoracle',
    );
    expect(a.pairs).toEqual([
      'sh.cars.maker -> RS-1.maker',
      'sh.cars.model -> RS-1.model',
      'sh.sales_view.country -> dw.q_fcst.country',
      'sh.sales_view.country -> dw.sales_fcst.country',
      'sh.sales_view.price -> dw.q_fcst.q2',
      'sh.sales_view.prod -> dw.sales_fcst.prod',
      'sh.sales_view.qty -> dw.q_fcst.q2',
      'sh.sales_view.sale -> dw.sales_fcst.sales',
      'sh.sales_view.year -> dw.q_fcst.yr',
      'sh.sales_view.year -> dw.sales_fcst.year',
    ]);
    expect(rows(a)).toEqual([
      'sh.sales_view.country -> dw.q_fcst.RelationRows',
      'sh.sales_view.country -> dw.sales_fcst.RelationRows',
      'sh.sales_view.year -> dw.q_fcst.RelationRows',
    ]);
  });

  test('a PIPELINED function is a table function: the rows it pipes are its rows, FROM TABLE(f(..)) reads them', () => {
    const a = ok(
      `CREATE OR REPLACE FUNCTION etl.f_sales(p_day DATE) RETURN t_sales_tab PIPELINED IS
BEGIN
  FOR r IN (SELECT o.cust_id, c.region, SUM(o.amount) AS total
              FROM stg.orders o JOIN stg.customers c ON c.cust_id = o.cust_id
             WHERE o.order_day = p_day
             GROUP BY o.cust_id, c.region) LOOP
    PIPE ROW (t_sales_row(r.cust_id, r.region, r.total));
  END LOOP;
  RETURN;
END;
/
CREATE OR REPLACE PACKAGE BODY etl.pk_feed AS
  FUNCTION open_items(p_cutoff DATE) RETURN t_item_tab PIPELINED IS
    CURSOR c IS SELECT i.item_id, i.due_dt FROM ar.invoice_items i WHERE i.due_dt < p_cutoff;
  BEGIN
    FOR r IN c LOOP
      PIPE ROW (t_item(r.item_id, r.due_dt));
    END LOOP;
    RETURN;
  END open_items;
END pk_feed;
/
INSERT INTO dw.sales_day (cust_id, region, total)
SELECT t.cust_id, t.region, t.total FROM TABLE(etl.f_sales(SYSDATE)) t;
INSERT INTO dw.open_items (item_id, due_dt)
SELECT item_id, due_dt FROM TABLE(etl.pk_feed.open_items(SYSDATE));`,
      'dbvoracle',
    );
    expect(a.pairs.filter((p) => !p.includes('RS-'))).toEqual([
      'ar.invoice_items.due_dt -> etl.pk_feed.open_items.due_dt',
      'ar.invoice_items.item_id -> etl.pk_feed.open_items.item_id',
      'etl.f_sales.cust_id -> dw.sales_day.cust_id',
      'etl.f_sales.region -> dw.sales_day.region',
      'etl.f_sales.total -> dw.sales_day.total',
      'etl.pk_feed.open_items.due_dt -> dw.open_items.due_dt',
      'etl.pk_feed.open_items.item_id -> dw.open_items.item_id',
      'stg.customers.region -> etl.f_sales.region',
      'stg.orders.amount -> etl.f_sales.total',
      'stg.orders.cust_id -> etl.f_sales.cust_id',
    ]);
  });

  test('PIPE ROW (l_row) of a record whose fields were assigned: a row of those fields; l_row.f reads its field', () => {
    const a = ok(
      `CREATE OR REPLACE FUNCTION etl.f_feed(p_day DATE) RETURN t_feed_tab PIPELINED IS
  l_row t_feed := t_feed(NULL, NULL, NULL);
BEGIN
  FOR r IN (SELECT o.order_id, o.amount, c.region FROM stg.orders o JOIN stg.customers c ON c.cust_id = o.cust_id WHERE o.order_day = p_day) LOOP
    l_row.order_id := r.order_id;
    l_row.gross_amt := r.amount * 1.2;
    l_row.region := UPPER(r.region);
    INSERT INTO dw.feed_log (order_id) VALUES (l_row.order_id);
    PIPE ROW (l_row);
  END LOOP;
  RETURN;
END;
/
INSERT INTO dw.feed (order_id, gross_amt, region)
SELECT f.order_id, f.gross_amt, f.region FROM TABLE(etl.f_feed(SYSDATE)) f;`,
      'dbvoracle',
    );
    expect(a.pairs.filter((p) => !p.includes('RS-'))).toEqual([
      'etl.f_feed.gross_amt -> dw.feed.gross_amt',
      'etl.f_feed.order_id -> dw.feed.order_id',
      'etl.f_feed.region -> dw.feed.region',
      'stg.customers.region -> etl.f_feed.region',
      'stg.orders.amount -> etl.f_feed.gross_amt',
      'stg.orders.order_id -> dw.feed_log.order_id',
      'stg.orders.order_id -> etl.f_feed.order_id',
    ]);
  });

  test('a CTE named function is still a CTE', () => {
    const a = ok(`INSERT INTO dw.t (a) WITH function AS (SELECT a FROM stg.s) SELECT a FROM function;`, 'dbvoracle');
    expect(a.pairs).toEqual(['stg.s.a -> dw.t.a']);
  });
});

describe('PostgreSQL family', () => {
  test('PREPARE name (types) AS INSERT .. SELECT: the statement is analyzed; EXECUTE name runs it (no lineage of its own)', () => {
    const a = ok(
      `PREPARE load_daily (date) AS
  INSERT INTO dw.daily_sales (sale_day, store_id, amount)
  SELECT s.sale_day, s.store_id, SUM(s.amount) FROM stg.sales s WHERE s.sale_day = $1 GROUP BY 1, 2;
EXECUTE load_daily('2024-01-01');
DEALLOCATE load_daily;
PREPARE q2 AS SELECT id, name FROM app.users WHERE id = $1;
EXECUTE q2(5);`,
      'dbvpostgresql',
    );
    expect(a.pairs).toEqual([
      'app.users.id -> RS-1.id',
      'app.users.name -> RS-1.name',
      'stg.sales.amount -> dw.daily_sales.amount',
      'stg.sales.sale_day -> dw.daily_sales.sale_day',
      'stg.sales.store_id -> dw.daily_sales.store_id',
    ]);
    expect(rows(a)).toEqual([
      'app.users.id -> RS-1.RelationRows',
      'stg.sales.sale_day -> dw.daily_sales.RelationRows',
      'stg.sales.store_id -> dw.daily_sales.RelationRows',
    ]);
  });

  test.each(['dbvpostgresql', 'dbvredshift'])('PL/pgSQL SELECT INTO [STRICT] v, w expr, .. FROM: the variables, read later (%s)', (vendor) => {
    const a = ok(
      `CREATE OR REPLACE PROCEDURE etl.sp_load(p_day date) AS $$
DECLARE
  v_max numeric;
  v_cnt int;
BEGIN
  SELECT INTO STRICT v_max, v_cnt MAX(amount), COUNT(*) FROM stg.sales WHERE sale_day = p_day;
  SELECT INTO v_cnt COUNT(*) FROM dw.fact_sales WHERE sale_day = p_day;
  UPDATE dw.load_stats SET max_amount = v_max WHERE load_day = p_day;
END;
$$ LANGUAGE plpgsql;`,
      vendor,
    );
    expect(a.pairs).toEqual(['stg.sales.amount -> dw.load_stats.max_amount']);
    expect(flows(a)).toEqual(['etl.sp_load: stg.sales -> ', 'etl.sp_load: dw.fact_sales -> ', 'etl.sp_load: stg.sales -> dw.load_stats']);
  });

  test('INSERT .. RETURNING a INTO v (PL/pgSQL, PL/SQL): v holds the written a, read by later statements', () => {
    const a = ok(
      `CREATE OR REPLACE FUNCTION etl.f_load() RETURNS void LANGUAGE plpgsql AS $$
DECLARE v_id bigint;
BEGIN
  INSERT INTO dw.batch (batch_day) VALUES (current_date) RETURNING batch_id INTO v_id;
  INSERT INTO dw.orders (order_id, batch_id) SELECT o.order_id, v_id FROM stg.orders o;
END $$;`,
      'dbvpostgresql',
    );
    expect(a.pairs).toEqual(['dw.batch.batch_id -> dw.orders.batch_id', 'stg.orders.order_id -> dw.orders.order_id']);
    const o = ok(
      `CREATE OR REPLACE PROCEDURE etl.p_load IS
  v_id NUMBER;
BEGIN
  UPDATE dw.batch b SET b.status = 'DONE' WHERE b.batch_day = TRUNC(SYSDATE) RETURNING b.batch_id INTO v_id;
  INSERT INTO dw.batch_log (batch_id, msg) VALUES (v_id, 'closed');
END;
/`,
      'dbvoracle',
    );
    expect(o.pairs).toEqual(['dw.batch.batch_id -> dw.batch_log.batch_id']);
  });

  test('a table function returning SELECT * of a table of unknown columns is still read by FROM f(..), through its *', () => {
    const a = ok(
      `CREATE OR REPLACE FUNCTION rpt.top_cust(n int) RETURNS SETOF dw.cust_tot AS $$
  SELECT * FROM dw.cust_tot ORDER BY tot DESC LIMIT n;
$$ LANGUAGE sql STABLE;
INSERT INTO rpt.top10 (cust_id, tot) SELECT cust_id, tot FROM rpt.top_cust(10);
INSERT INTO rpt.top5 (cust_id) SELECT t.cust_id FROM rpt.top_cust(5) t;`,
      'dbvpostgresql',
    );
    expect(a.pairs).toEqual([
      'dw.cust_tot.* -> rpt.top_cust.*',
      'dw.cust_tot.cust_id -> rpt.top_cust.cust_id',
      'dw.cust_tot.tot -> rpt.top_cust.tot',
      'rpt.top_cust.cust_id -> rpt.top10.cust_id',
      'rpt.top_cust.cust_id -> rpt.top5.cust_id',
      'rpt.top_cust.tot -> rpt.top10.tot',
    ]);
  });

  test.each(['dbvpostgresql', 'dbvredshift'])('SELECT .. INTO TEMP TABLE t FROM .. creates t (%s)', (vendor) => {
    const a = ok(
      `SELECT u.uid, u.name INTO TEMP TABLE tmp_u FROM stg.users u WHERE u.uid > 10;
SELECT uid INTO UNLOGGED TABLE stg.u_ids FROM stg.users;
INSERT INTO dw.u2 (uid, name) SELECT uid, name FROM tmp_u;`,
      vendor,
    );
    expect(a.pairs).toEqual(['stg.users.name -> tmp_u.name', 'stg.users.uid -> stg.u_ids.uid', 'stg.users.uid -> tmp_u.uid', 'tmp_u.name -> dw.u2.name', 'tmp_u.uid -> dw.u2.uid']);
  });

  test.each(['dbvpostgresql', 'dbvredshift', 'dbvgreenplum'])('SET search_path: later unqualified names (tables, table functions) are in its first schema, as after USE (%s)', (vendor) => {
    const a = ok(
      `CREATE FUNCTION app.f_orders(p_day date) RETURNS TABLE (order_id int, amount numeric) AS $$
  SELECT o.order_id, o.amount FROM stg.orders o WHERE o.order_day = p_day
$$ LANGUAGE sql;
INSERT INTO dw.t1 (order_id, amount) SELECT order_id, amount FROM f_orders(current_date);
SET search_path TO "$user", app, public;
INSERT INTO dw.t2 (order_id, amount) SELECT order_id, amount FROM f_orders(current_date);
CREATE TABLE app.ref_x (k int, v text);
INSERT INTO dw.t3 SELECT * FROM ref_x;
SET SCHEMA 'mart';
CREATE TABLE t4 AS SELECT k FROM app.ref_x;`,
      vendor,
    );
    // Before the SET, `f_orders` names another object than app.f_orders (no default schema).
    expect(a.pairs).toEqual([
      'app.f_orders.amount -> dw.t2.amount',
      'app.f_orders.order_id -> dw.t2.order_id',
      'app.ref_x.k -> dw.t3.k',
      'app.ref_x.k -> mart.t4.k',
      'app.ref_x.v -> dw.t3.v',
      'f_orders.amount -> dw.t1.amount',
      'f_orders.order_id -> dw.t1.order_id',
      'stg.orders.amount -> app.f_orders.amount',
      'stg.orders.order_id -> app.f_orders.order_id',
    ]);
  });

  test('SET search_path TO a, b: an unqualified name of a table known in b is that table; others are in a', () => {
    const a = ok(
      `CREATE TABLE dw.dim_store (store_id int, store_nm text);
CREATE TABLE stage.sales_raw (store_id int, amt numeric);
SET search_path TO stage, dw, public;
INSERT INTO fact_sales (store_id, store_nm, amt)
SELECT r.store_id, d.store_nm, r.amt FROM sales_raw r JOIN dim_store d ON d.store_id = r.store_id;`,
      'dbvpostgresql',
    );
    expect(a.pairs).toEqual(['dw.dim_store.store_nm -> stage.fact_sales.store_nm', 'stage.sales_raw.amt -> stage.fact_sales.amt', 'stage.sales_raw.store_id -> stage.fact_sales.store_id']);
    expect(rows(a)).toEqual(['dw.dim_store.store_id -> stage.fact_sales.RelationRows', 'stage.sales_raw.store_id -> stage.fact_sales.RelationRows']);
  });

  test('Oracle ALTER SESSION SET CURRENT_SCHEMA and Db2 SET [CURRENT] SCHEMA set the schema of unqualified names', () => {
    const o = ok(`ALTER SESSION SET CURRENT_SCHEMA = dwh;\nINSERT INTO t SELECT a FROM s;`, 'dbvoracle');
    expect(o.pairs).toEqual(['dwh.s.a -> dwh.t.a']);
    const d = ok(`SET SCHEMA stage;\nINSERT INTO t SELECT a FROM s;\nSET CURRENT SCHEMA = dwh;\nINSERT INTO u SELECT a FROM s;`, 'dbvdb2');
    expect(d.pairs).toEqual(['dwh.s.a -> dwh.u.a', 'stage.s.a -> stage.t.a']);
  });

  test.each(['dbvpostgresql', 'dbvredshift', 'dbvgreenplum', 'dbvmysql', 'dbvteradata', 'dbvdb2'])('GROUP BY a position or a select alias groups by that item (%s)', (vendor) => {
    const a = ok(
      `INSERT INTO rpt.monthly (sale_month, region, total)
SELECT DATE_TRUNC('month', o.order_ts) AS sale_month, c.region_cd AS region, SUM(o.amount)
FROM sales.orders o JOIN sales.customers c ON c.cust_id = o.cust_id
GROUP BY sale_month, 2;`,
      vendor,
    );
    expect(a.pairs).toEqual(['sales.customers.region_cd -> rpt.monthly.region', 'sales.orders.amount -> rpt.monthly.total', 'sales.orders.order_ts -> rpt.monthly.sale_month']);
    expect(rows(a)).toEqual([
      'sales.customers.cust_id -> rpt.monthly.RelationRows',
      'sales.customers.region_cd -> rpt.monthly.RelationRows',
      'sales.orders.cust_id -> rpt.monthly.RelationRows',
      'sales.orders.order_ts -> rpt.monthly.RelationRows',
    ]);
  });

  test('a GROUP BY name that a source has is that column, not the alias; Oracle GROUP BY 1 is a constant', () => {
    const a = ok(
      `CREATE TABLE s.t (a INT, b INT, x INT);
INSERT INTO r.t1 (x, n) SELECT a AS x, COUNT(*) FROM s.t GROUP BY x, a;`,
      'dbvpostgresql',
    );
    expect(rows(a)).toEqual(['s.t.a -> r.t1.RelationRows', 's.t.x -> r.t1.RelationRows']);
    const o = ok(`INSERT INTO r.t2 (a, n) SELECT a, COUNT(*) FROM s.t GROUP BY 1;`, 'dbvoracle');
    expect(rows(o)).toEqual([]);
  });
});

describe('Greenplum', () => {
  test('CTAS ending with DISTRIBUTED BY (c) | RANDOMLY | REPLICATED (also after WITH NO DATA)', () => {
    const a = ok(
      `CREATE TABLE gp.fact2 AS SELECT id, amt FROM gp.stage_fact DISTRIBUTED RANDOMLY;
CREATE TABLE gp.fact3 AS SELECT s.id, s.amt FROM gp.stage_fact s WHERE s.amt > 0 DISTRIBUTED BY (id);
CREATE TABLE gp.fact4 AS SELECT id FROM gp.stage_fact DISTRIBUTED REPLICATED;
CREATE TABLE gp.f5 WITH (appendonly=true) AS SELECT id FROM gp.stage_fact WITH NO DATA DISTRIBUTED BY (id);`,
      'dbvgreenplum',
    );
    expect(a.pairs).toEqual([
      'gp.stage_fact.amt -> gp.fact2.amt',
      'gp.stage_fact.amt -> gp.fact3.amt',
      'gp.stage_fact.id -> gp.f5.id',
      'gp.stage_fact.id -> gp.fact2.id',
      'gp.stage_fact.id -> gp.fact3.id',
      'gp.stage_fact.id -> gp.fact4.id',
    ]);
    expect(rows(a)).toEqual(['gp.stage_fact.amt -> gp.fact3.RelationRows']);
  });
});

describe('Db2', () => {
  test('FINAL | NEW TABLE (INSERT ..) and OLD TABLE (DELETE ..) read the rows changed; WITH UR also ends an INSERT .. SELECT', () => {
    const a = ok(
      `INSERT INTO dw.order_ids (order_id, created)
SELECT order_id, created FROM FINAL TABLE (INSERT INTO dw.orders (cust_id, amount, created) SELECT cust_id, amount, CURRENT DATE FROM stg.orders);
INSERT INTO dw.purged (order_id)
SELECT o.order_id FROM OLD TABLE (DELETE FROM dw.orders WHERE created < CURRENT DATE - 90 DAYS) o;
INSERT INTO dw.big SELECT order_id, amount FROM dw.orders WHERE amount > 100 FETCH FIRST 10 ROWS ONLY WITH UR;
SELECT cust_id FROM dw.orders WITH RS USE AND KEEP EXCLUSIVE LOCKS;`,
      'dbvdb2',
    );
    expect(a.pairs).toEqual([
      'dw.orders.amount -> dw.big.amount',
      'dw.orders.created -> dw.order_ids.created',
      'dw.orders.cust_id -> RS-1.cust_id',
      'dw.orders.order_id -> dw.big.order_id',
      'dw.orders.order_id -> dw.order_ids.order_id',
      'dw.orders.order_id -> dw.purged.order_id',
      'stg.orders.amount -> dw.orders.amount',
      'stg.orders.cust_id -> dw.orders.cust_id',
    ]);
    expect(flows(a)).toEqual(['batchQueries: stg.orders,dw.orders -> dw.order_ids,dw.orders', 'batchQueries: dw.orders -> dw.purged,dw.orders', 'batchQueries: dw.orders -> dw.big', 'batchQueries: dw.orders -> ']);
  });
});

test('T-SQL without semicolons: a CTE named rs after an INSERT .. SELECT starts the next statement (not an isolation clause)', () => {
  const a = ok(
    `INSERT INTO dbo.x (a) SELECT a FROM dbo.t
WITH rs AS (SELECT b FROM dbo.u) INSERT INTO dbo.y (b) SELECT b FROM rs`,
    'dbvmssql',
  );
  expect(a.pairs).toEqual(['dbo.t.a -> dbo.x.a', 'dbo.u.b -> dbo.y.b']);
});

describe('Teradata', () => {
  test('CREATE TABLE t2 AS t1 WITH DATA copies t1 (its columns and rows); WITH NO DATA only its columns', () => {
    const a = ok(
      `CREATE MULTISET TABLE dw.cust_top (cust_id INTEGER, rk INTEGER, cust_nm VARCHAR(100)) PRIMARY INDEX (cust_id);
CREATE TABLE dw.cust_top_snap AS dw.cust_top WITH DATA AND STATS;
CREATE TABLE dw.cust_top_empty AS dw.cust_top WITH NO DATA;
INSERT INTO dw.cust_top_hist SELECT * FROM dw.cust_top_empty;`,
      'dbvteradata',
    );
    expect(a.pairs).toEqual([
      'dw.cust_top.cust_id -> dw.cust_top_snap.cust_id',
      'dw.cust_top.cust_nm -> dw.cust_top_snap.cust_nm',
      'dw.cust_top.rk -> dw.cust_top_snap.rk',
      'dw.cust_top_empty.cust_id -> dw.cust_top_hist.cust_id',
      'dw.cust_top_empty.cust_nm -> dw.cust_top_hist.cust_nm',
      'dw.cust_top_empty.rk -> dw.cust_top_hist.rk',
    ]);
  });
});

describe('MySQL', () => {
  test('SELECT .. INTO variables in a routine fills the variables (read by later statements), not a result set', () => {
    const a = ok(
      `DELIMITER //
CREATE PROCEDURE etl.p_load(IN p_day DATE)
BEGIN
  DECLARE v_max DECIMAL(12,2) DEFAULT 0;
  DECLARE v_cnt INT;
  SELECT MAX(amount), COUNT(*) INTO v_max, v_cnt FROM sales.fact_orders WHERE order_day = p_day;
  UPDATE rpt.totals SET top_amount = v_max, order_cnt = v_cnt WHERE total_day = p_day;
END //
DELIMITER ;`,
      'dbvmysql',
    );
    expect(a.pairs).toEqual(['sales.fact_orders.amount -> rpt.totals.top_amount']);
    // Shown with the intermediates: a variable object whose column is the variable.
    const shown = analyzeSql(`CREATE PROCEDURE p() BEGIN DECLARE v_max INT; SELECT MAX(amount) INTO v_max FROM sales.fact_orders; END`, 'dbvmysql', { showIntermediate: true });
    const variable = shown.graph.objects.find((o) => o.type === 'variable');
    expect([variable?.name, variable?.columns.filter((c) => !c.system).map((c) => c.name)]).toEqual(['v_max', ['v_max']]);
    const into = shown.graph.edges.filter((e) => e.type === 'fdd' && e.target.objectId === variable?.id).map((e) => shown.graph.objects.find((o) => o.id === e.source.objectId)?.name);
    expect(into).toEqual(['fact_orders']);
  });
});
