/**
 * Lineage gaps found in session 13 (sweep of the mainstream warehouse dialects with production-style
 * SQL: Snowflake, BigQuery, Databricks / Spark, PostgreSQL / Redshift, T-SQL, Oracle).
 * Pairs are `source -> target` per relation type.
 */
import { ok, rows } from '../helpers/accuracy.js';
import { edgePairs } from '../helpers/lineage.js';
import { analyzeSql } from '../procedural/support.js';

describe('ON CONFLICT .. DO UPDATE SET .. WHERE: the condition decides which conflicting rows are updated', () => {
  test('PostgreSQL (in a PL/pgSQL function), GaussDB, Greenplum and SQLite', () => {
    const pg = `CREATE OR REPLACE FUNCTION reporting.refresh_customer_ltv(p_since date) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO reporting.customer_ltv AS l (customer_id, ltv, refreshed_at)
  SELECT o.customer_id, sum(o.amount - coalesce(o.refund, 0)), max(o.updated_at)
  FROM sales.orders o
  WHERE o.order_date >= p_since
  GROUP BY o.customer_id
  ON CONFLICT (customer_id) DO UPDATE
    SET ltv = l.ltv + EXCLUDED.ltv, refreshed_at = EXCLUDED.refreshed_at
    WHERE l.refreshed_at < EXCLUDED.refreshed_at AND NOT l.frozen;
END;
$$;`;
    for (const vendor of ['dbvpostgresql', 'dbvgaussdb', 'dbvgreenplum']) {
      const a = ok(pg, vendor);
      expect(edgePairs(a.graph, { effect: true })).toEqual([
        'reporting.customer_ltv.ltv -> reporting.customer_ltv.ltv [update]',
        'sales.orders.amount -> reporting.customer_ltv.ltv [insert]',
        'sales.orders.amount -> reporting.customer_ltv.ltv [update]',
        'sales.orders.customer_id -> reporting.customer_ltv.customer_id [insert]',
        'sales.orders.refund -> reporting.customer_ltv.ltv [insert]',
        'sales.orders.refund -> reporting.customer_ltv.ltv [update]',
        'sales.orders.updated_at -> reporting.customer_ltv.refreshed_at [insert]',
        'sales.orders.updated_at -> reporting.customer_ltv.refreshed_at [update]',
      ]);
      expect(edgePairs(a.graph, { type: 'fdr', effect: true }).filter((p) => p.includes('.RelationRows'))).toEqual([
        'reporting.customer_ltv.frozen -> reporting.customer_ltv.RelationRows [update]',
        'reporting.customer_ltv.refreshed_at -> reporting.customer_ltv.RelationRows [update]',
        'sales.orders.customer_id -> reporting.customer_ltv.RelationRows [insert]',
        'sales.orders.order_date -> reporting.customer_ltv.RelationRows [insert]',
        'sales.orders.updated_at -> reporting.customer_ltv.RelationRows [update]',
      ]);
    }

    const lite = ok(`INSERT INTO page_daily (day, page, hits, last_seen)
SELECT date(ts), page, count(*), max(ts) FROM raw_hits GROUP BY 1, 2
ON CONFLICT (day, page) DO UPDATE SET hits = hits + excluded.hits, last_seen = excluded.last_seen
WHERE excluded.last_seen > page_daily.last_seen;`, 'dbvsqlite');
    expect(rows(lite).filter((p) => !p.startsWith('raw_hits.RelationRows'))).toEqual([
      'page_daily.last_seen -> page_daily.RelationRows',
      'raw_hits.page -> page_daily.RelationRows',
      'raw_hits.ts -> page_daily.RelationRows',
    ]);
    expect(edgePairs(lite.graph, { type: 'fdr', effect: true }).filter((p) => p.endsWith('RelationRows [update]'))).toEqual([
      'page_daily.last_seen -> page_daily.RelationRows [update]',
      'raw_hits.ts -> page_daily.RelationRows [update]',
    ]);
  });
});

describe('T-SQL SELECT @v = expr: the row fills variables, it returns no result set', () => {
  test('a period-close procedure: variables feed later statements, and only the report is a result set (RS-1)', () => {
    const sql = `CREATE PROCEDURE etl.usp_close_period @PeriodId INT AS
BEGIN
  DECLARE @StartDate DATE, @EndDate DATE, @Total MONEY;
  SELECT @StartDate = p.StartDate, @EndDate = p.EndDate FROM dw.Period p WHERE p.PeriodId = @PeriodId;
  INSERT INTO #gl (AccountId, Amount)
  SELECT j.AccountId, SUM(j.Debit - j.Credit) FROM dw.Journal j
  WHERE j.PostingDate BETWEEN @StartDate AND @EndDate
  GROUP BY j.AccountId;
  SELECT @Total = SUM(Amount) FROM #gl;
  UPDATE dw.Period SET ClosedTotal = @Total WHERE PeriodId = @PeriodId;
  SELECT AccountId, Amount, Amount / NULLIF(@Total, 0) AS Share FROM #gl WHERE Amount <> 0;
END;`;
    for (const vendor of ['dbvmssql', 'dbvazuresql', 'dbvsybase']) {
      const a = ok(sql, vendor);
      expect(a.pairs).toEqual([
        '#gl.AccountId -> RS-1.AccountId',
        '#gl.Amount -> RS-1.Amount',
        '#gl.Amount -> RS-1.Share',
        '#gl.Amount -> dw.Period.ClosedTotal',
        'dw.Journal.AccountId -> #gl.AccountId',
        'dw.Journal.Credit -> #gl.Amount',
        'dw.Journal.Debit -> #gl.Amount',
      ]);
      expect(rows(a)).toEqual([
        '#gl.Amount -> RS-1.RelationRows',
        'dw.Journal.AccountId -> #gl.RelationRows',
        'dw.Journal.PostingDate -> #gl.RelationRows',
        'dw.Period.EndDate -> #gl.RelationRows',
        'dw.Period.PeriodId -> #gl.RelationRows',
        'dw.Period.PeriodId -> dw.Period.RelationRows',
        'dw.Period.StartDate -> #gl.RelationRows',
      ]);
      expect(a.graph.objects.filter((o) => o.type === 'select_list').map((o) => o.name)).toEqual(['RS-1']);
    }
  });
});

describe('data-modifying CTEs: what chose the rows a DELETE / UPDATE .. RETURNING hands on decides the rows read from the CTE', () => {
  test('PostgreSQL, Greenplum, GaussDB: count(*) and sum() over a purge and a repricing, as over a CTE with that WHERE', () => {
    const sql = `WITH purged AS (
  DELETE FROM staging.events e
  USING staging.batches b
  WHERE b.batch_id = e.batch_id AND b.status = 'loaded' AND e.loaded_at < now() - interval '7 days'
  RETURNING e.batch_id, e.amount
), repriced AS (
  UPDATE sales.order_lines l SET unit_price = p.new_price
  FROM sales.price_changes p
  WHERE p.sku = l.sku AND p.effective_date = current_date
  RETURNING l.order_id, l.unit_price * l.qty AS line_total
)
INSERT INTO ops.maintenance_log (batch_id, purged_rows, purged_amount, repriced_orders)
SELECT pg.batch_id, count(*), sum(pg.amount), (SELECT count(DISTINCT order_id) FROM repriced)
FROM purged pg
GROUP BY pg.batch_id;`;
    for (const vendor of ['dbvpostgresql', 'dbvgreenplum', 'dbvgaussdb']) {
      const a = ok(sql, vendor);
      expect(a.pairs).toEqual([
        'sales.order_lines.order_id -> ops.maintenance_log.repriced_orders',
        'sales.price_changes.new_price -> sales.order_lines.unit_price',
        'staging.events.amount -> ops.maintenance_log.purged_amount',
        'staging.events.batch_id -> ops.maintenance_log.batch_id',
      ]);
      expect(edgePairs(a.graph, { type: 'fdr', effect: true }).filter((p) => p.includes('ops.maintenance_log'))).toEqual([
        'sales.order_lines.sku -> ops.maintenance_log.repriced_orders [insert]',
        'sales.price_changes.effective_date -> ops.maintenance_log.repriced_orders [insert]',
        'sales.price_changes.sku -> ops.maintenance_log.repriced_orders [insert]',
        'staging.batches.batch_id -> ops.maintenance_log.RelationRows [insert]',
        'staging.batches.batch_id -> ops.maintenance_log.purged_amount [insert]',
        'staging.batches.batch_id -> ops.maintenance_log.purged_rows [insert]',
        'staging.batches.status -> ops.maintenance_log.RelationRows [insert]',
        'staging.batches.status -> ops.maintenance_log.purged_amount [insert]',
        'staging.batches.status -> ops.maintenance_log.purged_rows [insert]',
        'staging.events.batch_id -> ops.maintenance_log.RelationRows [insert]',
        'staging.events.batch_id -> ops.maintenance_log.purged_amount [insert]',
        'staging.events.batch_id -> ops.maintenance_log.purged_rows [insert]',
        'staging.events.loaded_at -> ops.maintenance_log.RelationRows [insert]',
        'staging.events.loaded_at -> ops.maintenance_log.purged_amount [insert]',
        'staging.events.loaded_at -> ops.maintenance_log.purged_rows [insert]',
      ]);
      // The statements inside keep deciding their own table's rows.
      expect(edgePairs(a.graph, { type: 'fdr', effect: true }).filter((p) => !p.includes('ops.maintenance_log'))).toEqual([
        'sales.order_lines.sku -> sales.order_lines.RelationRows [update]',
        'sales.price_changes.effective_date -> sales.order_lines.RelationRows [update]',
        'sales.price_changes.sku -> sales.order_lines.RelationRows [update]',
        'staging.batches.batch_id -> staging.events.RelationRows [delete]',
        'staging.batches.status -> staging.events.RelationRows [delete]',
        'staging.events.batch_id -> staging.events.RelationRows [delete]',
        'staging.events.loaded_at -> staging.events.RelationRows [delete]',
      ]);
    }
  });
});

describe('Oracle TABLE(collection): the elements of a nested table or varray, as UNNEST', () => {
  test('a nested table column joined to its rows, COLUMN_VALUE of a scalar collection, a BULK COLLECT variable; TABLE(pkg.f(..)) stays a function', () => {
    const a = ok(`CREATE TABLE dw.orders (order_id NUMBER, region VARCHAR2(10), lines line_tab, tags tag_tab)
  NESTED TABLE lines STORE AS orders_lines NESTED TABLE tags STORE AS orders_tags;
INSERT INTO dw.order_tags (order_id, tag)
SELECT o.order_id, t.column_value FROM dw.orders o, TABLE(o.tags) t WHERE o.region = 'EU';
INSERT INTO dw.order_lines_flat (order_id, line_id, sku)
SELECT o.order_id, l.line_id, l.sku FROM dw.orders o CROSS JOIN TABLE(o.lines) l;
DECLARE
  l_ids sys.odcinumberlist;
BEGIN
  SELECT order_id BULK COLLECT INTO l_ids FROM dw.orders WHERE region = 'US';
  INSERT INTO dw.us_orders (order_id) SELECT column_value FROM TABLE(l_ids);
  INSERT INTO dw.us_orders_copy (order_id) SELECT x.column_value FROM TABLE(CAST(l_ids AS sys.odcinumberlist)) x;
END;
/`, 'dbvoracle');
    expect(a.pairs).toEqual([
      'dw.orders.lines -> dw.order_lines_flat.line_id',
      'dw.orders.lines -> dw.order_lines_flat.sku',
      'dw.orders.order_id -> dw.order_lines_flat.order_id',
      'dw.orders.order_id -> dw.order_tags.order_id',
      'dw.orders.order_id -> dw.us_orders.order_id',
      'dw.orders.order_id -> dw.us_orders_copy.order_id',
      'dw.orders.tags -> dw.order_tags.tag',
    ]);
    expect(rows(a)).toEqual(['dw.orders.region -> dw.order_tags.RelationRows']);

    const fn = analyzeSql(`SELECT r.id, r.name FROM TABLE(hr_pkg.active_employees(10)) r;`, 'dbvoracle', {});
    expect(fn.notes).toEqual([
      "1:8 lineage of column 'id' not traced: the columns of table function hr_pkg.active_employees are unknown",
      "1:14 lineage of column 'name' not traced: the columns of table function hr_pkg.active_employees are unknown",
    ]);
  });
});

describe('Oracle TABLE(collection) rows: one column, COLUMN_VALUE', () => {
  test('SELECT * of a collection loads COLUMN_VALUE by position (was a column named TABLE, or after the alias)', () => {
    const a = ok(`CREATE TABLE dw.orders (order_id NUMBER, region VARCHAR2(10));
CREATE TABLE dw.us_ids (order_id NUMBER);
CREATE OR REPLACE PROCEDURE dw.load_us_ids AS
  TYPE t_ids IS TABLE OF NUMBER;
  l_ids t_ids;
BEGIN
  SELECT order_id BULK COLLECT INTO l_ids FROM dw.orders WHERE region = 'US';
  INSERT INTO dw.us_ids SELECT * FROM TABLE(l_ids);
  INSERT INTO dw.id_log SELECT x.* FROM TABLE(l_ids) x;
END;
/`, 'dbvoracle');
    expect(a.pairs).toEqual(['dw.orders.order_id -> dw.id_log.COLUMN_VALUE', 'dw.orders.order_id -> dw.us_ids.order_id']);
  });
});

describe('T-SQL IDENTITY(type, seed, increment) in SELECT INTO: the type is not a column', () => {
  test('numbering a staging extract into temp tables: no orphan INT column, the numbered column has no source', () => {
    const sql = `SELECT IDENTITY(INT, 1, 1) AS RowId, o.OrderId, o.Amount
INTO #numbered
FROM stg.Orders o
WHERE o.Amount > 0
ORDER BY o.Amount DESC;
SELECT IDENTITY(numeric(18, 0), 1, 1) AS BatchRow, n.OrderId INTO #batch FROM #numbered n;
SELECT IDENTITY(bigint) AS Seq, b.OrderId INTO #seq FROM #batch b;`;
    for (const vendor of ['dbvmssql', 'dbvazuresql']) {
      const a = ok(sql, vendor);
      expect(a.pairs).toEqual([
        '#batch.OrderId -> #seq.OrderId',
        '#numbered.OrderId -> #batch.OrderId',
        'stg.Orders.Amount -> #numbered.Amount',
        'stg.Orders.OrderId -> #numbered.OrderId',
      ]);
      expect(rows(a)).toEqual(['stg.Orders.Amount -> #numbered.RelationRows']);
    }
  });
});

describe('Databricks SET VAR | VARIABLE: session variables assigned from queries feed the statements that read them', () => {
  test('a cutoff and a top region picked by queries, then used in an INSERT filter; a Spark conf SET stays a setting', () => {
    const a = ok(`DECLARE OR REPLACE VARIABLE cutoff DATE DEFAULT current_date() - INTERVAL 30 DAYS;
DECLARE VARIABLE top_region STRING;
SET VAR top_region = (SELECT region FROM silver.orders GROUP BY region ORDER BY sum(amount) DESC LIMIT 1);
SET VARIABLE (cutoff, top_region) = (SELECT max(order_date), max(region) FROM silver.returns);
INSERT INTO gold.region_orders SELECT order_id, amount FROM silver.orders WHERE region = top_region AND order_date >= cutoff;
SET spark.sql.shuffle.partitions = 200;`, 'dbvdatabricks');
    expect(a.pairs.filter((p) => p.includes('gold.'))).toEqual([
      'silver.orders.amount -> gold.region_orders.amount',
      'silver.orders.order_id -> gold.region_orders.order_id',
    ]);
    expect(rows(a).filter((p) => p.includes('gold.'))).toEqual([
      'silver.orders.order_date -> gold.region_orders.RelationRows',
      'silver.orders.region -> gold.region_orders.RelationRows',
      'silver.returns.order_date -> gold.region_orders.RelationRows',
      'silver.returns.region -> gold.region_orders.RelationRows',
    ]);
  });
});

describe('PL/SQL INSERT INTO t VALUES rec of a record filled field by field: each field into the column of its name', () => {
  test('a package closing invoices through an explicit cursor, a %ROWTYPE record of the history table built from its fields', () => {
    const a = ok(`CREATE TABLE billing.invoice_history (closed_on DATE, late_fee NUMBER, customer_id NUMBER, invoice_id NUMBER);
CREATE OR REPLACE PACKAGE BODY billing_pkg AS
  PROCEDURE close_invoices(p_cutoff IN DATE) IS
    CURSOR c_inv IS SELECT i.invoice_id, i.customer_id, i.amount FROM billing.invoices i WHERE i.status = 'OPEN' AND i.due_date < p_cutoff;
    r_inv c_inv%ROWTYPE;
    l_row billing.invoice_history%ROWTYPE;
    l_fee NUMBER;
  BEGIN
    OPEN c_inv;
    LOOP
      FETCH c_inv INTO r_inv;
      EXIT WHEN c_inv%NOTFOUND;
      l_fee := r_inv.amount * 0.05;
      l_row.invoice_id := r_inv.invoice_id;
      l_row.customer_id := r_inv.customer_id;
      l_row.late_fee := l_fee;
      l_row.closed_on := SYSDATE;
      INSERT INTO billing.invoice_history VALUES l_row;
    END LOOP;
    CLOSE c_inv;
  END close_invoices;
END billing_pkg;
/`, 'dbvoracle');
    expect(a.pairs.filter((p) => p.includes('invoice_history'))).toEqual([
      'billing.invoices.amount -> billing.invoice_history.late_fee',
      'billing.invoices.customer_id -> billing.invoice_history.customer_id',
      'billing.invoices.invoice_id -> billing.invoice_history.invoice_id',
    ]);
    // The cursor's filter decides the values its fields carry.
    expect(edgePairs(a.graph, { type: 'fdr' }).filter((p) => p.includes('invoice_history'))).toEqual([
      'billing.invoices.due_date -> billing.invoice_history.customer_id',
      'billing.invoices.due_date -> billing.invoice_history.invoice_id',
      'billing.invoices.due_date -> billing.invoice_history.late_fee',
      'billing.invoices.status -> billing.invoice_history.customer_id',
      'billing.invoices.status -> billing.invoice_history.invoice_id',
      'billing.invoices.status -> billing.invoice_history.late_fee',
    ]);
  });
});

describe('UPDATE .. SET (a, b) = (SELECT ..): the subquery WHERE picks the values, as for SET a = (SELECT ..), not the rows updated', () => {
  test('PostgreSQL, Oracle, Db2: plan and seats from the active subscription of each account', () => {
    const sql = `UPDATE app.accounts a
SET (plan, seats) = (SELECT s.plan, s.seats FROM billing.subscriptions s WHERE s.account_id = a.id AND s.active = 1);
UPDATE app.accounts a
SET plan_name = (SELECT p.name FROM billing.plans p WHERE p.code = a.plan)
WHERE a.region = 'EU';`;
    for (const vendor of ['dbvpostgresql', 'dbvoracle', 'dbvdb2']) {
      const a = ok(sql, vendor);
      expect(a.pairs).toEqual([
        'billing.plans.name -> app.accounts.plan_name',
        'billing.subscriptions.plan -> app.accounts.plan',
        'billing.subscriptions.seats -> app.accounts.seats',
      ]);
      expect(edgePairs(a.graph, { type: 'fdr' })).toEqual([
        'app.accounts.id -> app.accounts.plan',
        'app.accounts.id -> app.accounts.seats',
        'app.accounts.plan -> app.accounts.plan_name',
        'app.accounts.region -> app.accounts.RelationRows',
        'billing.plans.code -> app.accounts.plan_name',
        'billing.subscriptions.account_id -> app.accounts.plan',
        'billing.subscriptions.account_id -> app.accounts.seats',
        'billing.subscriptions.active -> app.accounts.plan',
        'billing.subscriptions.active -> app.accounts.seats',
      ]);
    }
  });
});

describe('UPDATE / DELETE .. WHERE CURRENT OF c: the rows the cursor chooses decide the rows written', () => {
  test('PL/SQL, T-SQL and PL/pgSQL cursor loops updating or deleting the fetched row', () => {
    const ora = ok(`CREATE OR REPLACE PROCEDURE billing.close_invoices(p_cutoff IN DATE) IS
  CURSOR c_inv IS SELECT i.invoice_id, i.amount FROM billing.invoices i WHERE i.status = 'OPEN' AND i.due_date < p_cutoff FOR UPDATE;
BEGIN
  FOR r IN c_inv LOOP
    UPDATE billing.invoices SET status = 'CLOSED', late_fee = r.amount * 0.05 WHERE CURRENT OF c_inv;
  END LOOP;
END;
/`, 'dbvoracle');
    expect(edgePairs(ora.graph, { effect: true }).filter((p) => p.endsWith('[update]'))).toEqual(['billing.invoices.amount -> billing.invoices.late_fee [update]']);
    expect(edgePairs(ora.graph, { type: 'fdr', effect: true }).filter((p) => p.endsWith('RelationRows [update]'))).toEqual([
      'billing.invoices.due_date -> billing.invoices.RelationRows [update]',
      'billing.invoices.status -> billing.invoices.RelationRows [update]',
    ]);

    const ms = ok(`CREATE PROCEDURE dbo.usp_expire AS
BEGIN
  DECLARE @id INT;
  DECLARE c CURSOR FOR SELECT s.SubscriptionId FROM dbo.Subscriptions s WHERE s.EndDate < GETDATE() AND s.Status = 'active' FOR UPDATE OF Status;
  OPEN c;
  FETCH NEXT FROM c INTO @id;
  WHILE @@FETCH_STATUS = 0
  BEGIN
    UPDATE dbo.Subscriptions SET Status = 'expired' WHERE CURRENT OF c;
    FETCH NEXT FROM c INTO @id;
  END;
  CLOSE c; DEALLOCATE c;
END;`, 'dbvmssql');
    expect(edgePairs(ms.graph, { type: 'fdr', effect: true }).filter((p) => p.endsWith('[update]'))).toEqual([
      'dbo.Subscriptions.EndDate -> dbo.Subscriptions.RelationRows [update]',
      'dbo.Subscriptions.Status -> dbo.Subscriptions.RelationRows [update]',
    ]);

    const pg = ok(`CREATE OR REPLACE FUNCTION app.purge_stale() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  c CURSOR FOR SELECT id FROM app.sessions WHERE last_seen < now() - interval '30 days' FOR UPDATE;
BEGIN
  FOR r IN c LOOP
    DELETE FROM app.sessions WHERE CURRENT OF c;
  END LOOP;
END;
$$;`, 'dbvpostgresql');
    expect(edgePairs(pg.graph, { type: 'fdr', effect: true }).filter((p) => p.endsWith('[delete]'))).toEqual(['app.sessions.last_seen -> app.sessions.RelationRows [delete]']);
  });
});
