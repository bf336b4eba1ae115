/**
 * Column lists over a `*` of unknown width — `WITH c (x, y, z) AS (SELECT *, q FROM t)`, a derived
 * table `(SELECT *, w FROM t) AS e (m, n)`, a set operation — name outputs as INSERT ... SELECT *
 * places them: before the `*` by position, after the last `*` from the end of the list; a name
 * that falls inside the `*` stands for a column of unknown name, read from the `*` itself.
 */
import { analyzeSql } from '../procedural/support.js';

const ok = (sql: string, vendor: string) => {
  const a = analyzeSql(sql, vendor);
  expect(a.errors).toEqual([]);
  expect(a.warnings).toEqual([]);
  return a;
};

describe('column lists over SELECT *', () => {
  test.each(['dbvansi', 'dbvpostgresql', 'dbvsnowflake', 'dbvdatabricks', 'dbvmysql', 'dbvdb2'])('%s: CTE chain into INSERT, a UNION, and a view', (vendor) => {
    const a = ok(
      `INSERT INTO dw.order_facts (order_id, status, amount_usd, loaded_at)
WITH o (oid, st, amt, amt_usd) AS (SELECT *, amount * fx_rate FROM stage.orders),
     r (rid, kind, total) AS (SELECT id, *, SUM(1) OVER () FROM stage.refunds)
SELECT o.oid, o.st, o.amt_usd, CURRENT_TIMESTAMP FROM o JOIN r ON r.rid = o.oid;
CREATE VIEW rpt.v_events (event_id, payload, source) AS
WITH e (eid, body, src) AS (SELECT *, 'web' FROM stage.web_events UNION ALL SELECT *, channel FROM stage.app_events)
SELECT eid, body, src FROM e;`,
      vendor,
    );
    expect(a.pairs).toEqual([
      // oid and st stand inside orders' `*`: their names there are unknown.
      'stage.app_events.* -> rpt.v_events.event_id',
      'stage.app_events.* -> rpt.v_events.payload',
      'stage.app_events.channel -> rpt.v_events.source',
      'stage.orders.* -> dw.order_facts.order_id',
      'stage.orders.* -> dw.order_facts.status',
      'stage.orders.amount -> dw.order_facts.amount_usd',
      'stage.orders.fx_rate -> dw.order_facts.amount_usd',
      'stage.web_events.* -> rpt.v_events.event_id',
      'stage.web_events.* -> rpt.v_events.payload',
    ]);
  });

  test('T-SQL procedure: a derived table alias list and a CTE list over t.*, the join key placed by position', () => {
    const a = ok(
      `CREATE PROCEDURE dbo.load_customers AS
BEGIN
  WITH c (customer_id, name, segment_code) AS (SELECT c.*, s.code FROM dbo.customers c JOIN dbo.segments s ON s.id = c.segment_id)
  INSERT INTO dbo.dim_customer (customer_key, customer_name, segment)
  SELECT customer_id, name, segment_code FROM c;
  INSERT INTO dbo.addr (customer_key, line1)
  SELECT d.k, d.line FROM (SELECT customer_id, *, UPPER(street) FROM dbo.addresses) AS d (k, raw, line);
END
GO`,
      'dbvmssql',
    );
    expect(a.pairs).toEqual([
      'dbo.addresses.customer_id -> dbo.addr.customer_key',
      'dbo.addresses.street -> dbo.addr.line1',
      'dbo.customers.* -> dbo.dim_customer.customer_key',
      'dbo.customers.* -> dbo.dim_customer.customer_name',
      'dbo.segments.code -> dbo.dim_customer.segment',
    ]);
  });

  test('Oracle: INSERT ... SELECT *, x UNION ALL SELECT *, y lines up from the end of the target list', () => {
    const a = ok(
      `BEGIN
  INSERT INTO dw.all_items (id, name, origin)
  SELECT i.*, 'LOCAL' FROM stage.local_items i UNION ALL SELECT r.*, r.vendor FROM stage.remote_items r;
END;
/`,
      'dbvoracle',
    );
    expect(a.pairs).toEqual(['stage.local_items.* -> dw.all_items.*', 'stage.remote_items.* -> dw.all_items.*', 'stage.remote_items.vendor -> dw.all_items.origin']);
  });

  test('with the columns known (DDL), the `*` expands and the list names by plain position', () => {
    const a = ok(`CREATE TABLE src.k (a1 INT, a2 INT, q INT);\nWITH c (x, y, z, w) AS (SELECT *, q FROM src.k) INSERT INTO dw.o (a, b, c) SELECT x, y, w FROM c;`, 'dbvansi');
    expect(a.pairs).toEqual(['src.k.a1 -> dw.o.a', 'src.k.a2 -> dw.o.b', 'src.k.q -> dw.o.c']);
    // z is the table's own q: not the trailing item.
    expect(a.graph.objects.some((o) => o.name === 'c' && o.columns.some((c) => c.name === 'z'))).toBe(false);
  });
});
