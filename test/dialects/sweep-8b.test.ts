/**
 * Production SQL that lost its lineage with a parse error (session 8 sweep, part b): ClickHouse
 * parametric aggregates and query clauses, Databricks / Spark / Delta, Hive, Vertica, MySQL,
 * psql and DuckDB forms. Pairs are `source -> target` per relation type.
 */
import { ok, rows } from '../helpers/accuracy.js';

describe('ClickHouse parametric functions f(params)(args)', () => {
  test('quantile(0.9)(x), quantiles(..)(x), topK(10)(x): the arguments flow, the parameters are constants', () => {
    const a = ok(`INSERT INTO reports.endpoint_latency (endpoint, p90, p50_p99, top_users, errors)
SELECT endpoint,
  quantile(0.9)(duration_ms) AS p90,
  quantiles(0.5, 0.99)(duration_ms) AS p50_p99,
  topK(10)(user_id) AS top_users,
  sumIf(is_error, status >= 500) AS errors
FROM raw.requests
WHERE event_date = yesterday()
GROUP BY endpoint;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'raw.requests.duration_ms -> reports.endpoint_latency.p50_p99',
      'raw.requests.duration_ms -> reports.endpoint_latency.p90',
      'raw.requests.endpoint -> reports.endpoint_latency.endpoint',
      'raw.requests.is_error -> reports.endpoint_latency.errors',
      'raw.requests.status -> reports.endpoint_latency.errors',
      'raw.requests.user_id -> reports.endpoint_latency.top_users',
    ]);
    expect(rows(a)).toEqual(['raw.requests.endpoint -> reports.endpoint_latency.RelationRows', 'raw.requests.event_date -> reports.endpoint_latency.RelationRows']);
  });

  test('funnel functions with condition arguments, -If combinators, in a materialized view and a CTE', () => {
    const a = ok(`CREATE MATERIALIZED VIEW analytics.funnel_mv TO analytics.funnel AS
SELECT user_id,
  sequenceMatch('(?1).*(?2)')(event_time, event_type = 'view', event_type = 'purchase') AS converted,
  windowFunnel(3600)(event_time, event_type = 'view', event_type = 'cart') AS level,
  groupArray(5)(page) AS first_pages,
  quantileExactIf(0.95)(latency, status = 200) AS p95_ok
FROM raw.events
GROUP BY user_id;
INSERT INTO reports.svc
WITH q AS (SELECT service, quantilesTDigest(0.5, 0.99)(duration) AS qs FROM raw.spans GROUP BY service)
SELECT service, qs[1] AS p50, qs[2] AS p99 FROM q;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'raw.events.event_time -> analytics.funnel.converted',
      'raw.events.event_time -> analytics.funnel.level',
      'raw.events.event_type -> analytics.funnel.converted',
      'raw.events.event_type -> analytics.funnel.level',
      'raw.events.latency -> analytics.funnel.p95_ok',
      'raw.events.page -> analytics.funnel.first_pages',
      'raw.events.status -> analytics.funnel.p95_ok',
      'raw.events.user_id -> analytics.funnel.user_id',
      'raw.spans.duration -> reports.svc.p50',
      'raw.spans.duration -> reports.svc.p99',
      'raw.spans.service -> reports.svc.service',
    ]);
  });
});
