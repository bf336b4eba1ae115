/**
 * Lineage gaps found in session 12 (sweep of the less-tested dialects: Redshift, Teradata, Db2,
 * Netezza, HANA, Sybase, Informix, Impala, Presto, Greenplum, Snowflake, MySQL, ClickHouse).
 * Pairs are `source -> target` per relation type.
 */
import { decided, ok, rows } from '../helpers/accuracy.js';

describe('USING joins between a table and a derived table or CTE', () => {
  test('the join column of both sides decides the rows, and an unqualified reference reads both (Redshift CTE, ClickHouse subquery)', () => {
    const a = ok(`WITH last_orders AS (
  SELECT customer_id, MAX(order_ts) AS last_order_ts FROM analytics.orders GROUP BY customer_id
)
INSERT INTO analytics.customer_recency (customer_id, email, last_order_ts)
SELECT customer_id, c.email, lo.last_order_ts
FROM analytics.customers c
JOIN last_orders lo USING (customer_id)
LEFT JOIN analytics.unsubscribed u ON u.email = c.email
WHERE u.email IS NULL;`, 'dbvredshift');
    expect(a.pairs).toEqual([
      'analytics.customers.customer_id -> analytics.customer_recency.customer_id',
      'analytics.customers.email -> analytics.customer_recency.email',
      'analytics.orders.customer_id -> analytics.customer_recency.customer_id',
      'analytics.orders.order_ts -> analytics.customer_recency.last_order_ts',
    ]);
    expect(rows(a)).toEqual([
      'analytics.customers.customer_id -> analytics.customer_recency.RelationRows',
      'analytics.customers.email -> analytics.customer_recency.RelationRows',
      'analytics.orders.customer_id -> analytics.customer_recency.RelationRows',
      'analytics.unsubscribed.email -> analytics.customer_recency.RelationRows',
    ]);

    const ch = ok(`SELECT u.user_id, u.country, e.events
FROM analytics.users u
ANY LEFT JOIN (SELECT user_id, count() AS events FROM analytics.events_local GROUP BY user_id) e USING (user_id);`, 'dbvclickhouse');
    expect(rows(ch)).toEqual([
      'analytics.events_local.user_id -> RS-1.RelationRows',
      'analytics.users.user_id -> RS-1.RelationRows',
    ]);
    expect(decided(ch)).toEqual([]);
  });
});
