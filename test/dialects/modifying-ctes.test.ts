/**
 * PostgreSQL data-modifying CTEs (issue 9, group 5): `WITH m AS (DELETE | UPDATE | INSERT ...
 * RETURNING ...)`. The statement inside writes its table with its own effect, and the CTE's
 * columns are its RETURNING items, read from the rows written or deleted: lineage continues
 * through RETURNING into whatever reads the CTE. The enclosing statement writes both tables.
 */
import { analyzeSql, flows } from '../procedural/support.js';
import { edgePairs } from '../helpers/lineage.js';

const ARCHIVE = `CREATE TABLE sales.orders (id bigint, customer_id bigint, total numeric, status text, created_at timestamptz);
CREATE TABLE archive.orders (id bigint, customer_id bigint, total numeric, status text, created_at timestamptz);

CREATE OR REPLACE PROCEDURE sales.archive_orders(cutoff date)
LANGUAGE plpgsql AS $$
BEGIN
  -- Move closed orders: DELETE ... RETURNING * feeds the INSERT.
  WITH moved AS (
    DELETE FROM sales.orders o
    WHERE o.created_at < cutoff AND o.status = 'closed'
    RETURNING *
  )
  INSERT INTO archive.orders SELECT * FROM moved;

  -- A chain: UPDATE ... FROM feeds an INSERT ... RETURNING, which feeds the final INSERT.
  WITH bumped AS (
    UPDATE sales.customers c
       SET lifetime_value = c.lifetime_value + t.total
      FROM (SELECT customer_id, SUM(total) AS total FROM archive.orders GROUP BY customer_id) t
     WHERE t.customer_id = c.id
    RETURNING c.id, c.lifetime_value
  ), logged AS (
    INSERT INTO audit.ltv_changes (customer_id, new_value)
    SELECT id, lifetime_value FROM bumped
    RETURNING customer_id, new_value, changed_at
  )
  INSERT INTO audit.ltv_daily (customer_id, value, day)
  SELECT customer_id, new_value, changed_at::date FROM logged;
END;
$$;

-- A top-level SELECT over a DELETE ... USING: RETURNING reads the USING table too.
WITH gone AS (
  DELETE FROM staging.events e USING staging.batches b
  WHERE b.id = e.batch_id AND b.done
  RETURNING e.id AS event_id, b.id AS batch_id
)
SELECT batch_id, count(event_id) AS n FROM gone GROUP BY batch_id;

-- Without RETURNING: the CTE only writes; an INSERT inside INSERT ... WITH.
INSERT INTO ops.runs (started_by)
WITH purge AS (DELETE FROM ops.locks WHERE expires_at < now())
SELECT current_user;
`;

describe.each(['dbvpostgresql', 'dbvgreenplum', 'dbvgaussdb'])('%s', (vendor) => {
  test('DELETE / UPDATE / INSERT ... RETURNING in CTEs, in a procedure and at top level', () => {
    const a = analyzeSql(ARCHIVE, vendor, { relationTypes: ['fdd', 'fdr'] });
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual([]);
    expect(edgePairs(a.graph, { effect: true })).toEqual([
      'archive.orders.total -> sales.customers.lifetime_value [update]',
      'audit.ltv_changes.changed_at -> audit.ltv_daily.day [insert]',
      'audit.ltv_changes.customer_id -> audit.ltv_daily.customer_id [insert]',
      'audit.ltv_changes.new_value -> audit.ltv_daily.value [insert]',
      'sales.customers.id -> audit.ltv_changes.customer_id [insert]',
      'sales.customers.lifetime_value -> audit.ltv_changes.new_value [insert]',
      'sales.customers.lifetime_value -> sales.customers.lifetime_value [update]',
      'sales.orders.created_at -> archive.orders.created_at [insert]',
      'sales.orders.customer_id -> archive.orders.customer_id [insert]',
      'sales.orders.id -> archive.orders.id [insert]',
      'sales.orders.status -> archive.orders.status [insert]',
      'sales.orders.total -> archive.orders.total [insert]',
      'staging.batches.id -> RS-1.batch_id [select]',
      'staging.events.id -> RS-1.n [select]',
    ]);
    // Filters of the statement inside the CTE decide which rows its own table loses.
    expect(edgePairs(a.graph, { type: 'fdr', effect: true }).filter((p) => p.includes('[delete]'))).toEqual([
      'ops.locks.expires_at -> ops.locks.RelationRows [delete]',
      'sales.orders.created_at -> sales.orders.RelationRows [delete]',
      'sales.orders.status -> sales.orders.RelationRows [delete]',
      'staging.batches.done -> staging.events.RelationRows [delete]',
      'staging.batches.id -> staging.events.RelationRows [delete]',
      'staging.events.batch_id -> staging.events.RelationRows [delete]',
    ]);
    expect(flows(a)).toEqual([
      'batchQueries:  -> sales.orders',
      'batchQueries:  -> archive.orders',
      'sales.archive_orders: sales.orders -> archive.orders,sales.orders',
      'sales.archive_orders: archive.orders,sales.customers,audit.ltv_changes -> audit.ltv_daily,sales.customers,audit.ltv_changes',
      'batchQueries: staging.batches,staging.events -> staging.events',
      'batchQueries:  -> ops.runs,ops.locks',
    ]);
    // A SELECT that deletes is, as a whole, a delete.
    expect(a.graph.objects.filter((o) => o.type === 'process').map((p) => p.effectType)).toEqual(['create_table', 'create_table', 'insert', 'insert', 'delete', 'insert']);
  });
});
