/**
 * Column-level lineage accuracy (session 10 sweep, part b): PostgreSQL trigger functions bound to
 * the table of the trigger that runs them, and further constructs of production scripts. Pairs
 * are `source -> target` per relation type.
 */
import { ok, rows } from '../helpers/accuracy.js';

describe('PostgreSQL trigger functions: NEW / OLD read the table of the trigger that runs them', () => {
  const fn = `CREATE OR REPLACE FUNCTION audit.log_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO audit.order_log (order_id, amount_usd, op) VALUES (OLD.order_id, OLD.amount, 'D');
    RETURN OLD;
  END IF;
  INSERT INTO audit.order_log (order_id, amount_usd, op)
  SELECT NEW.order_id, NEW.amount * fx.rate, left(TG_OP, 1) FROM ref.fx_rates fx WHERE fx.currency = NEW.currency;
  RETURN NEW;
END;
$$;
`;

  test('EXECUTE FUNCTION / EXECUTE PROCEDURE of a function defined earlier: one process per trigger', () => {
    const a = ok(`${fn}
CREATE TRIGGER trg_orders_audit AFTER INSERT OR UPDATE OR DELETE ON sales.orders
  FOR EACH ROW EXECUTE FUNCTION audit.log_order();
CREATE TRIGGER trg_orders_archive_audit AFTER INSERT ON sales.orders_archive
  FOR EACH ROW EXECUTE PROCEDURE log_order();`, 'dbvpostgresql');
    expect(a.pairs).toEqual([
      'ref.fx_rates.rate -> audit.order_log.amount_usd',
      'sales.orders.amount -> audit.order_log.amount_usd',
      'sales.orders.order_id -> audit.order_log.order_id',
      'sales.orders_archive.amount -> audit.order_log.amount_usd',
      'sales.orders_archive.order_id -> audit.order_log.order_id',
    ]);
    expect(rows(a)).toEqual([
      'ref.fx_rates.currency -> audit.order_log.RelationRows',
      'sales.orders.currency -> audit.order_log.RelationRows',
      'sales.orders_archive.currency -> audit.order_log.RelationRows',
    ]);
    // Each trigger runs the body once, bound to its own table; the body is not analyzed unbound as well.
    expect(a.procs.map((p) => `${p.procedure} ${p.line}: ${p.reads.join(' ')} -> ${p.writes.join(' ')}`)).toEqual([
      'audit.log_order 4: sales.orders -> audit.order_log',
      'audit.log_order 7: ref.fx_rates sales.orders -> audit.order_log',
      'audit.log_order 4: sales.orders_archive -> audit.order_log',
      'audit.log_order 7: ref.fx_rates sales.orders_archive -> audit.order_log',
    ]);
  });

  test('a trigger function no trigger runs: its other statements analyzed once, at the end of the file', () => {
    const a = ok(`CREATE FUNCTION etl.touch() RETURNS trigger AS $$
BEGIN
  INSERT INTO etl.touch_log (table_name, last_order_id) SELECT 'orders', max(order_id) FROM sales.orders;
  NEW.updated_at := now();
  RETURN NEW;
END $$ LANGUAGE plpgsql;`, 'dbvpostgresql');
    expect(a.pairs).toEqual(['sales.orders.order_id -> etl.touch_log.last_order_id']);
  });

  test('MySQL, Oracle and T-SQL triggers with their body inside CREATE TRIGGER: NEW / :NEW / inserted read the table', () => {
    const my = ok(`CREATE TRIGGER trg_orders_ai AFTER INSERT ON orders FOR EACH ROW
INSERT INTO order_audit (order_id, amount) VALUES (NEW.order_id, NEW.amount);`, 'dbvmysql');
    expect(my.pairs).toEqual(['orders.amount -> order_audit.amount', 'orders.order_id -> order_audit.order_id']);
    const ora = ok(`CREATE OR REPLACE TRIGGER trg_orders_au AFTER UPDATE OF amount ON sales.orders FOR EACH ROW
BEGIN
  INSERT INTO sales.order_audit (order_id, old_amount, new_amount) VALUES (:OLD.order_id, :OLD.amount, :NEW.amount);
END;
/`, 'dbvoracle');
    expect(ora.pairs).toEqual(['sales.orders.amount -> sales.order_audit.new_amount', 'sales.orders.amount -> sales.order_audit.old_amount', 'sales.orders.order_id -> sales.order_audit.order_id']);
    const ms = ok(`CREATE TRIGGER dbo.trg_Orders_Ins ON dbo.Orders AFTER INSERT AS
BEGIN
  SET NOCOUNT ON;
  INSERT INTO dbo.OrderAudit (OrderId, Amount) SELECT i.OrderId, i.Amount FROM inserted AS i;
END;`, 'dbvmssql');
    expect(ms.pairs).toEqual(['dbo.Orders.Amount -> dbo.OrderAudit.Amount', 'dbo.Orders.OrderId -> dbo.OrderAudit.OrderId']);
  });
});

describe('Vertica CREATE PROJECTION: a physical copy of its query columns, as a materialized view', () => {
  test('column list with ENCODING, ORDER BY, SEGMENTED BY / UNSEGMENTED ALL NODES, KSAFE; a later read of the projection', () => {
    const a = ok(`CREATE PROJECTION store.sales_by_day_p (sale_day ENCODING RLE, store_id, revenue) AS
SELECT s.sale_date, s.store_id, s.amount * s.qty FROM store.sales s WHERE s.status = 'F' ORDER BY s.sale_date, s.store_id
SEGMENTED BY HASH(s.store_id) ALL NODES KSAFE 1;
CREATE PROJECTION IF NOT EXISTS store.stores_p AS SELECT store_id, region FROM store.stores ORDER BY store_id UNSEGMENTED ALL NODES;
INSERT INTO rpt.region_revenue (region, sale_day, revenue)
SELECT st.region, p.sale_day, sum(p.revenue) FROM store.sales_by_day_p p JOIN store.stores_p st ON st.store_id = p.store_id GROUP BY 1, 2;`, 'dbvvertica');
    expect(a.pairs).toEqual([
      'store.sales.amount -> store.sales_by_day_p.revenue',
      'store.sales.qty -> store.sales_by_day_p.revenue',
      'store.sales.sale_date -> store.sales_by_day_p.sale_day',
      'store.sales.store_id -> store.sales_by_day_p.store_id',
      'store.sales_by_day_p.revenue -> rpt.region_revenue.revenue',
      'store.sales_by_day_p.sale_day -> rpt.region_revenue.sale_day',
      'store.stores.region -> store.stores_p.region',
      'store.stores.store_id -> store.stores_p.store_id',
      'store.stores_p.region -> rpt.region_revenue.region',
    ]);
    expect(rows(a)).toEqual([
      'store.sales.status -> store.sales_by_day_p.RelationRows',
      'store.sales_by_day_p.sale_day -> rpt.region_revenue.RelationRows',
      'store.sales_by_day_p.store_id -> rpt.region_revenue.RelationRows',
      'store.stores_p.region -> rpt.region_revenue.RelationRows',
      'store.stores_p.store_id -> rpt.region_revenue.RelationRows',
    ]);
    expect(a.graph.objects.filter((o) => o.type === 'view').map((o) => o.name)).toEqual(['sales_by_day_p', 'stores_p']);
  });
});

describe('BigQuery INFORMATION_SCHEMA views: the project and dataset (or region) qualifying them are kept', () => {
  test('proj.ds.INFORMATION_SCHEMA.V, `proj`.ds.INFORMATION_SCHEMA.V, `region-us`.INFORMATION_SCHEMA.V', () => {
    const a = ok(`CREATE OR REPLACE TABLE \`ops-prod.governance.column_inventory\` AS
SELECT c.table_schema, c.table_name, c.column_name, c.data_type, t.creation_time
FROM \`analytics-prod\`.sales.INFORMATION_SCHEMA.COLUMNS AS c
JOIN analytics-prod.sales.INFORMATION_SCHEMA.TABLES AS t ON t.table_name = c.table_name
WHERE t.table_type = 'BASE TABLE';
INSERT INTO ops-prod.governance.job_costs (job_id, user_email, bytes_billed)
SELECT job_id, user_email, total_bytes_billed FROM \`region-us\`.INFORMATION_SCHEMA.JOBS_BY_PROJECT WHERE state = 'DONE';`, 'dbvbigquery');
    expect(a.pairs).toEqual([
      'analytics-prod.sales.INFORMATION_SCHEMA.COLUMNS.column_name -> ops-prod.governance.column_inventory.column_name',
      'analytics-prod.sales.INFORMATION_SCHEMA.COLUMNS.data_type -> ops-prod.governance.column_inventory.data_type',
      'analytics-prod.sales.INFORMATION_SCHEMA.COLUMNS.table_name -> ops-prod.governance.column_inventory.table_name',
      'analytics-prod.sales.INFORMATION_SCHEMA.COLUMNS.table_schema -> ops-prod.governance.column_inventory.table_schema',
      'analytics-prod.sales.INFORMATION_SCHEMA.TABLES.creation_time -> ops-prod.governance.column_inventory.creation_time',
      'region-us.INFORMATION_SCHEMA.JOBS_BY_PROJECT.job_id -> ops-prod.governance.job_costs.job_id',
      'region-us.INFORMATION_SCHEMA.JOBS_BY_PROJECT.total_bytes_billed -> ops-prod.governance.job_costs.bytes_billed',
      'region-us.INFORMATION_SCHEMA.JOBS_BY_PROJECT.user_email -> ops-prod.governance.job_costs.user_email',
    ]);
  });
});

describe('a table made from the fields of a struct (`li.*`), then reads of its columns', () => {
  test('Databricks CTAS SELECT o.order_id, li.* .. LATERAL VIEW explode(o.line_items): stage.sku read later is sales.orders.line_items', () => {
    const a = ok(`CREATE OR REPLACE TABLE stage.order_lines AS
SELECT o.order_id, li.* FROM sales.orders o LATERAL VIEW explode(o.line_items) x AS li WHERE o.status = 'F';
INSERT INTO mart.sku_sales (order_id, sku, revenue)
SELECT l.order_id, l.sku, l.qty * l.unit_price FROM stage.order_lines l;`, 'dbvdatabricks');
    expect(a.pairs).toEqual([
      'sales.orders.line_items -> stage.order_lines.*',
      'sales.orders.line_items -> stage.order_lines.qty',
      'sales.orders.line_items -> stage.order_lines.sku',
      'sales.orders.line_items -> stage.order_lines.unit_price',
      'sales.orders.order_id -> stage.order_lines.order_id',
      'stage.order_lines.order_id -> mart.sku_sales.order_id',
      'stage.order_lines.qty -> mart.sku_sales.revenue',
      'stage.order_lines.sku -> mart.sku_sales.sku',
      'stage.order_lines.unit_price -> mart.sku_sales.revenue',
    ]);
  });
});

describe('Spark / Databricks inline() of an array of structs in a select list', () => {
  test('inline / inline_outer without AS (..): the struct fields (a `*` of the column), named by a column list or read later', () => {
    const a = ok(`INSERT INTO mart.order_lines (order_id, sku, qty)
SELECT o.order_id, inline_outer(o.line_items) FROM sales.orders o WHERE o.status = 'F';
CREATE TABLE stage.returns_lines AS SELECT r.return_id, inline(r.items) FROM sales.returns r;
INSERT INTO mart.returned_skus (return_id, sku) SELECT s.return_id, s.sku FROM stage.returns_lines s;
INSERT INTO mart.order_lines2 SELECT inline(items) AS (sku, qty) FROM sales.orders;
INSERT INTO mart.order_lines3 SELECT x.sku, x.qty FROM sales.orders LATERAL VIEW inline(line_items) x AS sku, qty;`, 'dbvdatabricks');
    expect(a.pairs).toEqual([
      'sales.orders.items -> mart.order_lines2.qty',
      'sales.orders.items -> mart.order_lines2.sku',
      'sales.orders.line_items -> mart.order_lines.*',
      'sales.orders.line_items -> mart.order_lines.qty',
      'sales.orders.line_items -> mart.order_lines.sku',
      'sales.orders.line_items -> mart.order_lines3.qty',
      'sales.orders.line_items -> mart.order_lines3.sku',
      'sales.orders.order_id -> mart.order_lines.order_id',
      'sales.returns.items -> stage.returns_lines.*',
      'sales.returns.items -> stage.returns_lines.sku',
      'sales.returns.return_id -> stage.returns_lines.return_id',
      'stage.returns_lines.return_id -> mart.returned_skus.return_id',
      'stage.returns_lines.sku -> mart.returned_skus.sku',
    ]);
  });
});
