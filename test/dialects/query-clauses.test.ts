/**
 * Query clauses of some dialects only, as production code writes them: ClickHouse (FINAL, SAMPLE,
 * PREWHERE, ARRAY JOIN, LIMIT BY, WITH TOTALS, SETTINGS, FORMAT, GLOBAL, join strictness, `WITH
 * expr AS name`), row pattern recognition (MATCH_RECOGNIZE: Snowflake, Oracle, Trino / Presto,
 * Athena, ANSI) and Vertica's TIMESERIES. Pairs are `source -> target` per relation type.
 */
import { analyzeSql } from '../procedural/support.js';
import { decided, ok, rows } from '../helpers/accuracy.js';


describe('ClickHouse query clauses', () => {
  test('FINAL, PREWHERE (a filter like WHERE), select aliases in GROUP BY, SETTINGS', () => {
    const a = ok(`INSERT INTO agg.daily_events (event_date, user_id, cnt)
SELECT toDate(ts) AS event_date, user_id, count() AS cnt
FROM raw.events FINAL
PREWHERE event_type = 'click'
WHERE ts >= now() - INTERVAL 1 DAY
GROUP BY event_date, user_id
SETTINGS max_threads = 8;`, 'dbvclickhouse');
    expect(a.pairs).toEqual(['raw.events.ts -> agg.daily_events.event_date', 'raw.events.user_id -> agg.daily_events.user_id']);
    expect(rows(a)).toEqual([
      'raw.events.event_type -> agg.daily_events.RelationRows',
      'raw.events.ts -> agg.daily_events.RelationRows',
      'raw.events.user_id -> agg.daily_events.RelationRows',
    ]);
  });

  test('ARRAY JOIN: each element alias comes from its array; LIMIT n BY decides the rows', () => {
    const a = ok(`INSERT INTO analytics.top_pages (user_id, page, viewed_at)
SELECT user_id, page, viewed_at
FROM raw.sessions
ARRAY JOIN pages AS page, view_times AS viewed_at
WHERE session_date = today()
ORDER BY user_id, viewed_at DESC
LIMIT 3 BY user_id;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'raw.sessions.pages -> analytics.top_pages.page',
      'raw.sessions.user_id -> analytics.top_pages.user_id',
      'raw.sessions.view_times -> analytics.top_pages.viewed_at',
    ]);
    expect(rows(a)).toEqual(['raw.sessions.session_date -> analytics.top_pages.RelationRows', 'raw.sessions.user_id -> analytics.top_pages.RelationRows']);
  });

  test('LEFT ARRAY JOIN without an alias: the array name is the element', () => {
    const a = ok(`INSERT INTO analytics.session_tags
SELECT s.session_id, tags, s.country
FROM raw.sessions AS s
LEFT ARRAY JOIN tags
WHERE s.is_bot = 0;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'raw.sessions.country -> analytics.session_tags.country',
      'raw.sessions.session_id -> analytics.session_tags.session_id',
      'raw.sessions.tags -> analytics.session_tags.tags',
    ]);
    expect(rows(a)).toEqual(['raw.sessions.is_bot -> analytics.session_tags.RelationRows']);
  });

  test('SAMPLE .. OFFSET, GLOBAL ANY LEFT JOIN, GLOBAL IN, WITH TOTALS, SETTINGS, FORMAT', () => {
    const a = ok(`INSERT INTO reports.country_visits
SELECT e.country, c.region, count() AS visits, uniqExact(e.user_id) AS users
FROM dist.events AS e SAMPLE 1/10 OFFSET 1/2
GLOBAL ANY LEFT JOIN dim.countries AS c ON c.code = e.country
WHERE e.user_id GLOBAL IN (SELECT user_id FROM dist.users WHERE plan = 'pro')
GROUP BY e.country, c.region WITH TOTALS
ORDER BY visits DESC
LIMIT 10
SETTINGS distributed_product_mode = 'global', max_threads = 16
FORMAT JSONEachRow;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'dim.countries.region -> reports.country_visits.region',
      'dist.events.country -> reports.country_visits.country',
      'dist.events.user_id -> reports.country_visits.users',
    ]);
    expect(rows(a)).toEqual([
      'dim.countries.code -> reports.country_visits.RelationRows',
      'dim.countries.region -> reports.country_visits.RelationRows',
      'dist.events.country -> reports.country_visits.RelationRows',
      'dist.events.user_id -> reports.country_visits.RelationRows',
      'dist.users.plan -> reports.country_visits.RelationRows',
      'dist.users.user_id -> reports.country_visits.RelationRows',
    ]);
  });

  test('WITH expr AS name: the name reads its expression (a scalar subquery too), wherever it is used', () => {
    const a = ok(`INSERT INTO reports.slow_queries (query_id, initial_user, duration_ms, threshold_ms)
WITH
    (SELECT max(query_duration_ms) * 0.9 FROM system.query_log WHERE event_date = today()) AS p90,
    toStartOfDay(now()) AS day_start
SELECT query_id, initial_user, query_duration_ms, p90
FROM system.query_log
WHERE event_time >= day_start AND query_duration_ms > p90;`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'system.query_log.initial_user -> reports.slow_queries.initial_user',
      'system.query_log.query_duration_ms -> reports.slow_queries.duration_ms',
      'system.query_log.query_duration_ms -> reports.slow_queries.threshold_ms',
      'system.query_log.query_id -> reports.slow_queries.query_id',
    ]);
    expect(decided(a)).toEqual(['system.query_log.event_date -> reports.slow_queries.threshold_ms']);
    expect(rows(a)).toEqual([
      'system.query_log.event_date -> reports.slow_queries.RelationRows',
      'system.query_log.event_time -> reports.slow_queries.RelationRows',
      'system.query_log.query_duration_ms -> reports.slow_queries.RelationRows',
    ]);
    // A CTE is still a CTE.
    const c = ok(`WITH recent AS (SELECT user_id, max(ts) AS last_ts FROM raw.events GROUP BY user_id)
INSERT INTO mart.last_seen SELECT user_id, last_ts FROM recent;`, 'dbvclickhouse');
    expect(c.pairs).toEqual(['raw.events.ts -> mart.last_seen.last_ts', 'raw.events.user_id -> mart.last_seen.user_id']);
  });

  test('ASOF LEFT JOIN, LEFT ANY JOIN, ALL INNER JOIN .. USING', () => {
    const a = ok(`INSERT INTO mart.trade_quotes
SELECT t.symbol, t.trade_ts, t.price, q.bid, q.ask, l.lot_size
FROM raw.trades AS t
ASOF LEFT JOIN raw.quotes AS q ON q.symbol = t.symbol AND q.quote_ts <= t.trade_ts
LEFT ANY JOIN dim.lots AS l ON l.symbol = t.symbol
ALL INNER JOIN dim.active AS a USING (symbol)
WHERE t.trade_date = yesterday();`, 'dbvclickhouse');
    expect(a.pairs).toEqual([
      'dim.lots.lot_size -> mart.trade_quotes.lot_size',
      'raw.quotes.ask -> mart.trade_quotes.ask',
      'raw.quotes.bid -> mart.trade_quotes.bid',
      'raw.trades.price -> mart.trade_quotes.price',
      'raw.trades.symbol -> mart.trade_quotes.symbol',
      'raw.trades.trade_ts -> mart.trade_quotes.trade_ts',
    ]);
    expect(rows(a)).toEqual([
      'dim.active.symbol -> mart.trade_quotes.RelationRows',
      'dim.lots.symbol -> mart.trade_quotes.RelationRows',
      'raw.quotes.quote_ts -> mart.trade_quotes.RelationRows',
      'raw.quotes.symbol -> mart.trade_quotes.RelationRows',
      'raw.trades.symbol -> mart.trade_quotes.RelationRows',
      'raw.trades.trade_date -> mart.trade_quotes.RelationRows',
      'raw.trades.trade_ts -> mart.trade_quotes.RelationRows',
    ]);
  });

  test('elsewhere the words keep their old meaning: FINAL is an alias, GLOBAL a column', () => {
    const a = ok(`INSERT INTO rpt.x SELECT final.a, global FROM src.t final WHERE global IN (1, 2);`, 'dbvpostgresql');
    expect(a.pairs).toEqual(['src.t.a -> rpt.x.a', 'src.t.global -> rpt.x.global']);
    const c = ok(`INSERT INTO rpt.y SELECT a, b FROM src.t WHERE global IN (1, 2);`, 'dbvclickhouse');
    expect(rows(c)).toEqual(['src.t.global -> rpt.y.RelationRows']);
  });
});

/** A V-shape in a price series: one row per match. */
const VSHAPE = `INSERT INTO analytics.v_shapes (symbol, start_ts, bottom_price, end_ts, match_no)
SELECT symbol, start_ts, bottom_price, end_ts, match_no
FROM market.ticks
MATCH_RECOGNIZE (
  PARTITION BY symbol
  ORDER BY tick_ts
  MEASURES
    STRT.tick_ts AS start_ts,
    LAST(DOWN.price) AS bottom_price,
    FINAL LAST(UP.tick_ts) AS end_ts,
    MATCH_NUMBER() AS match_no
  ONE ROW PER MATCH
  AFTER MATCH SKIP TO LAST UP
  PATTERN (STRT DOWN+ UP+)
  DEFINE
    DOWN AS DOWN.price < PREV(DOWN.price),
    UP AS UP.price > PREV(UP.price)
) mr;`;
/** Checkout funnels: every row of a match, with the input's columns. */
const STEPS = `INSERT INTO fraud.checkout_steps
SELECT session_id, page, click_ts, step, first_click
FROM web.clicks
MATCH_RECOGNIZE (
  PARTITION BY session_id ORDER BY click_ts
  MEASURES CLASSIFIER() AS step, FIRST(A.click_ts) AS first_click
  ALL ROWS PER MATCH
  PATTERN (^ A B*? {- X -} C $ | A C)
  DEFINE B AS B.page LIKE '/cart%', C AS C.page = '/checkout', X AS X.page = '/help'
) mr;`;

describe('MATCH_RECOGNIZE', () => {
  test.each(['dbvsnowflake', 'dbvoracle', 'dbvpresto', 'dbvathena', 'dbvansi'])('ONE ROW PER MATCH: partitions and measures; pattern variables qualify the input (%s)', (vendor) => {
    const a = ok(VSHAPE, vendor);
    expect(a.pairs).toEqual([
      'market.ticks.price -> analytics.v_shapes.bottom_price',
      'market.ticks.symbol -> analytics.v_shapes.symbol',
      'market.ticks.tick_ts -> analytics.v_shapes.end_ts',
      'market.ticks.tick_ts -> analytics.v_shapes.start_ts',
    ]);
    expect(decided(a)).toEqual([]);
    expect(rows(a)).toEqual([
      'market.ticks.price -> analytics.v_shapes.RelationRows',
      'market.ticks.symbol -> analytics.v_shapes.RelationRows',
      'market.ticks.tick_ts -> analytics.v_shapes.RelationRows',
    ]);
  });

  test.each(['dbvsnowflake', 'dbvoracle', 'dbvpresto', 'dbvathena', 'dbvansi'])('ALL ROWS PER MATCH: the input columns pass through; ^ $ {- -} *? | in PATTERN (%s)', (vendor) => {
    const a = ok(STEPS, vendor);
    expect(a.pairs).toEqual([
      'web.clicks.click_ts -> fraud.checkout_steps.click_ts',
      'web.clicks.click_ts -> fraud.checkout_steps.first_click',
      'web.clicks.page -> fraud.checkout_steps.page',
      'web.clicks.session_id -> fraud.checkout_steps.session_id',
    ]);
    expect(rows(a)).toEqual([
      'web.clicks.click_ts -> fraud.checkout_steps.RelationRows',
      'web.clicks.page -> fraud.checkout_steps.RelationRows',
      'web.clicks.session_id -> fraud.checkout_steps.RelationRows',
    ]);
  });

  test('not a clause where the dialect has none', () => {
    const a = analyzeSql(VSHAPE, 'dbvmysql');
    expect(a.errors.length).toBeGreaterThan(0);
  });
});

describe('Vertica TIMESERIES', () => {
  test('the slice is a time made from the ORDER BY column; partitions and order decide the rows', () => {
    const a = ok(`INSERT INTO mart.quote_slices (slice_time, symbol, first_bid, last_ask)
SELECT slice_time, symbol, TS_FIRST_VALUE(bid, 'LINEAR') AS first_bid, TS_LAST_VALUE(ask) AS last_ask
FROM tickstore
WHERE trade_date = CURRENT_DATE
TIMESERIES slice_time AS '3 seconds' OVER (PARTITION BY symbol ORDER BY ts)
ORDER BY symbol, slice_time;`, 'dbvvertica');
    expect(a.pairs).toEqual([
      'tickstore.ask -> mart.quote_slices.last_ask',
      'tickstore.bid -> mart.quote_slices.first_bid',
      'tickstore.symbol -> mart.quote_slices.symbol',
      'tickstore.ts -> mart.quote_slices.slice_time',
    ]);
    expect(rows(a)).toEqual([
      'tickstore.symbol -> mart.quote_slices.RelationRows',
      'tickstore.trade_date -> mart.quote_slices.RelationRows',
      'tickstore.ts -> mart.quote_slices.RelationRows',
    ]);
  });
});
