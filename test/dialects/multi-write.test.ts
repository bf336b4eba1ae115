/**
 * Statements that write several tables (PostgreSQL data-modifying CTEs, MySQL multi-table UPDATE
 * and DELETE, Oracle INSERT ALL / FIRST): table-level pairs come from the column flows of each
 * written table — never every table read × every table written — and the joins and WHERE that
 * choose the rows decide the rows of every table written.
 */
import { analyzeSql } from '../procedural/support.js';
import { edgePairs } from '../helpers/lineage.js';
import { render } from '../../src/writers/index.js';
import type { RelationType } from '../../src/graph/model.js';

const run = (sql: string, vendor: string, relationTypes: RelationType[] = ['fdd', 'fdr']) => {
  const a = analyzeSql(sql, vendor, { relationTypes });
  expect(a.errors).toEqual([]);
  expect(a.warnings).toEqual([]);
  return a;
};
/** Table-level CSV rows without the header: `source -> target type effect`. */
const tables = (a: ReturnType<typeof run>) =>
  render(a.graph, { format: 'csv', tableToTable: true, delimiter: ',' })
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const c = l.split(',');
      return `${c[1]}.${c[2]} -> ${c[4]}.${c[5]} ${c[6]} ${c[7]}`;
    });
const rows = (a: ReturnType<typeof run>) => edgePairs(a.graph, { type: 'fdr', effect: true }).filter((p) => p.includes('.RelationRows'));

describe('table-level pairs of statements writing several tables', () => {
  test.each(['dbvpostgresql', 'dbvgreenplum', 'dbvgaussdb'])('%s: a deleting CTE feeding an UPDATE, in a PL/pgSQL function', (vendor) => {
    const sql = `CREATE OR REPLACE FUNCTION app.apply_stock_log() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH moved AS (
    DELETE FROM app.stock_log l WHERE l.logged_at < now() - interval '1 day' RETURNING l.item_id, l.qty
  )
  UPDATE app.stock s SET qty = s.qty + m.qty FROM moved m WHERE s.item_id = m.item_id;
END;
$$;`;
    for (const types of [['fdd'], ['fdd', 'fdr']] as RelationType[][]) {
      const a = run(sql, vendor, types);
      // Not stock -> stock_log (nothing of stock decides what the CTE deletes), nor stock_log ->
      // stock_log (a filter alone does not make a target its own source).
      expect(tables(a)).toEqual(['app.stock_log -> app.stock fdd update', 'app.stock -> app.stock fdd update']);
    }
  });

  test('MySQL: UPDATE a JOIN b SET a.x = b.y, b.z = a.w in a procedure — both tables, their rows chosen by the join and WHERE', () => {
    const a = run(
      `DELIMITER //
CREATE PROCEDURE app.sync_orders()
BEGIN
  UPDATE app.orders o JOIN app.customers c ON c.id = o.customer_id
  SET o.cust_name = c.name, c.last_order_at = o.created_at
  WHERE o.status = 'NEW';
END //
DELIMITER ;`,
      'dbvmysql',
    );
    expect(a.pairs).toEqual(['app.customers.name -> app.orders.cust_name', 'app.orders.created_at -> app.customers.last_order_at']);
    expect(rows(a)).toEqual([
      'app.customers.id -> app.customers.RelationRows [update]',
      'app.customers.id -> app.orders.RelationRows [update]',
      'app.orders.customer_id -> app.customers.RelationRows [update]',
      'app.orders.customer_id -> app.orders.RelationRows [update]',
      'app.orders.status -> app.customers.RelationRows [update]',
      'app.orders.status -> app.orders.RelationRows [update]',
    ]);
    expect(tables(a)).toEqual(['app.customers -> app.orders fdd update', 'app.orders -> app.customers fdd update']);
  });

  test.each([
    ['DELETE o, i FROM app.orders o JOIN app.order_items i ON i.order_id = o.id WHERE o.status = \'CANCELLED\''],
    ['DELETE FROM o, i USING app.orders o JOIN app.order_items i ON i.order_id = o.id WHERE o.status = \'CANCELLED\''],
  ])('MySQL multi-table DELETE: %s', (stmt) => {
    const a = run(`${stmt};\nINSERT INTO app.audit (order_id) SELECT id FROM app.orders WHERE status = 'CANCELLED';`, 'dbvmysql');
    expect(rows(a)).toEqual([
      'app.order_items.order_id -> app.order_items.RelationRows [delete]',
      'app.order_items.order_id -> app.orders.RelationRows [delete]',
      'app.orders.id -> app.order_items.RelationRows [delete]',
      'app.orders.id -> app.orders.RelationRows [delete]',
      'app.orders.status -> app.audit.RelationRows [insert]',
      'app.orders.status -> app.order_items.RelationRows [delete]',
      'app.orders.status -> app.orders.RelationRows [delete]',
    ]);
    expect(a.procs.map((p) => `${p.reads.join(',')} -> ${p.writes.join(',')}`)).toEqual(['app.order_items,app.orders -> app.orders,app.order_items', 'app.orders -> app.audit']);
    expect(tables(a)).toEqual(['app.order_items -> app.orders fdr delete', 'app.orders -> app.order_items fdr delete', 'app.orders -> app.audit fdd insert']);
  });

  test('Oracle: INSERT FIRST from a join — each target gets its own columns; the join decides both', () => {
    const a = run(
      `BEGIN
  INSERT FIRST
    WHEN o.amount > 1000 THEN INTO dw.big_orders (id, amount) VALUES (id, amount)
    ELSE INTO dw.region_orders (id, region) VALUES (id, region_name)
  SELECT o.id, o.amount, r.name AS region_name FROM stage.orders o JOIN stage.regions r ON r.id = o.region_id;
END;
/`,
      'dbvoracle',
    );
    expect(a.pairs).toEqual([
      'stage.orders.amount -> dw.big_orders.amount',
      'stage.orders.id -> dw.big_orders.id',
      'stage.orders.id -> dw.region_orders.id',
      'stage.regions.name -> dw.region_orders.region',
    ]);
    expect(tables(a)).toEqual([
      'stage.orders -> dw.big_orders fdd insert',
      'stage.orders -> dw.region_orders fdd insert',
      'stage.regions -> dw.big_orders fdr insert',
      'stage.regions -> dw.region_orders fdd insert',
    ]);
  });

  test.each(['dbvhive', 'dbvsparksql', 'dbvdatabricks'])('%s: FROM src INSERT OVERWRITE TABLE a SELECT .. INSERT INTO TABLE b SELECT .. GROUP BY', (vendor) => {
    const a = run(
      `FROM (SELECT e.id, e.kind, e.url, e.page, e.ms FROM stage.events e WHERE e.dt = '2026-01-01') ev
INSERT OVERWRITE TABLE dw.clicks PARTITION (dt = '2026-01-01') SELECT ev.id, ev.url WHERE ev.kind = 'click'
INSERT INTO TABLE dw.page_time SELECT ev.page, SUM(ev.ms) AS total_ms WHERE ev.kind = 'view' GROUP BY ev.page;
FROM stage.users u INSERT OVERWRITE TABLE dw.user_names SELECT u.id, u.name;`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'stage.events.id -> dw.clicks.id',
      'stage.events.ms -> dw.page_time.total_ms',
      'stage.events.page -> dw.page_time.page',
      'stage.events.url -> dw.clicks.url',
      'stage.users.id -> dw.user_names.id',
      'stage.users.name -> dw.user_names.name',
    ]);
    expect(rows(a)).toEqual(expect.arrayContaining(['stage.events.kind -> dw.clicks.RelationRows [insert]', 'stage.events.kind -> dw.page_time.RelationRows [insert]']));
    expect(tables(a)).toEqual(['stage.events -> dw.clicks fdd insert', 'stage.events -> dw.page_time fdd insert', 'stage.users -> dw.user_names fdd insert']);
  });
});
