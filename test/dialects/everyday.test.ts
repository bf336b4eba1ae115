/**
 * Everyday warehouse constructs that lost or invented lineage: named windows (`WINDOW w AS (...)`),
 * lambda parameters of higher-order functions, SQL/JSON clauses of JSON_VALUE / JSON_QUERY,
 * Oracle `KEEP (DENSE_RANK FIRST ORDER BY ...)`, and FROM items that unnest an earlier item's
 * array column (`FROM orders o, o.items i`).
 */
import { analyzeSql } from '../procedural/support.js';
import { edgePairs } from '../helpers/lineage.js';

const ok = (sql: string, vendor: string) => {
  const a = analyzeSql(sql, vendor, { relationTypes: ['fdd', 'fdr'] });
  expect(a.errors).toEqual([]);
  expect(a.warnings).toEqual([]);
  return a;
};
const fdr = (a: ReturnType<typeof ok>) => edgePairs(a.graph, { type: 'fdr' });

describe('named windows', () => {
  test.each(['dbvbigquery', 'dbvpostgresql', 'dbvmysql', 'dbvdatabricks', 'dbvpresto'])('%s: OVER w and OVER (w ORDER BY ..) read the WINDOW clause', (vendor) => {
    const a = ok(
      `INSERT INTO rpt.customer_rank (customer_id, order_id, rnk, running_total)
SELECT o.customer_id, o.order_id, RANK() OVER w, SUM(o.amount) OVER (p ORDER BY o.created_at)
FROM sales.orders o
WINDOW p AS (PARTITION BY o.region), w AS (p ORDER BY o.amount DESC);`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'sales.orders.amount -> rpt.customer_rank.running_total',
      'sales.orders.customer_id -> rpt.customer_rank.customer_id',
      'sales.orders.order_id -> rpt.customer_rank.order_id',
    ]);
    // The window's partitions and order decide the rows' values (SQLFlow: fdr to RelationRows).
    expect(fdr(a)).toEqual(expect.arrayContaining([
      'sales.orders.amount -> rpt.customer_rank.RelationRows',
      'sales.orders.created_at -> rpt.customer_rank.RelationRows',
      'sales.orders.region -> rpt.customer_rank.RelationRows',
    ]));
  });
});

describe('lambda parameters are not columns', () => {
  test.each(['dbvdatabricks', 'dbvsparksql', 'dbvsnowflake', 'dbvpresto', 'dbvduckdb'])('%s: transform / filter / aggregate', (vendor) => {
    const a = ok(
      `CREATE TABLE gold.order_summary AS
SELECT o.id,
       transform(o.items, x -> x.price * o.fx_rate) AS line_totals,
       filter(o.items, i -> i.qty > 0 AND i.sku <> o.excluded_sku) AS kept,
       reduce(o.items, 0, (acc, y) -> acc + y.price, s -> s) AS total
FROM silver.orders o;`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'silver.orders.excluded_sku -> gold.order_summary.kept',
      'silver.orders.fx_rate -> gold.order_summary.line_totals',
      'silver.orders.id -> gold.order_summary.id',
      'silver.orders.items -> gold.order_summary.kept',
      'silver.orders.items -> gold.order_summary.line_totals',
      'silver.orders.items -> gold.order_summary.total',
    ]);
  });

  test('PostgreSQL: `doc -> \'key\'` stays JSON access', () => {
    const a = ok(`INSERT INTO app.t (id, v) SELECT d.id, jsonb_extract_path_text(d.doc -> 'items', 'x') FROM app.docs d;`, 'dbvpostgresql');
    expect(a.pairs).toEqual(['app.docs.doc -> app.t.v', 'app.docs.id -> app.t.id']);
  });
});

describe('SQL/JSON clauses', () => {
  test.each(['dbvoracle', 'dbvmysql', 'dbvpostgresql'])('%s: JSON_VALUE ... RETURNING type DEFAULT .. ON ERROR, JSON_QUERY ... WITH WRAPPER', (vendor) => {
    const a = ok(
      `INSERT INTO dw.doc_facts (id, amount, tags, has_tax)
SELECT d.id,
       JSON_VALUE(d.doc, '$.amount' RETURNING DECIMAL(12,2) DEFAULT 0 ON EMPTY NULL ON ERROR),
       JSON_QUERY(d.doc, '$.tags' WITH WRAPPER),
       CASE WHEN JSON_EXISTS(d.doc, '$.tax') THEN 1 ELSE 0 END
FROM stage.docs d;`,
      vendor,
    );
    expect(a.pairs).toEqual(['stage.docs.doc -> dw.doc_facts.amount', 'stage.docs.doc -> dw.doc_facts.has_tax', 'stage.docs.doc -> dw.doc_facts.tags', 'stage.docs.id -> dw.doc_facts.id']);
  });
});

describe('Oracle KEEP (DENSE_RANK FIRST | LAST ORDER BY ..)', () => {
  test('procedure: the aggregate reads its argument; the ORDER BY chooses the row (fdr); also with OVER', () => {
    const a = ok(
      `CREATE OR REPLACE PROCEDURE dw.load_dept_summary AS
BEGIN
  INSERT INTO dw.dept_summary (dept_id, top_earner, first_hired, total)
  SELECT e.dept_id,
         MAX(e.last_name) KEEP (DENSE_RANK FIRST ORDER BY e.salary DESC),
         MIN(e.last_name) KEEP (DENSE_RANK LAST ORDER BY e.hire_date) OVER (PARTITION BY e.dept_id),
         SUM(e.salary)
  FROM hr.employees e
  GROUP BY e.dept_id, e.last_name, e.hire_date;
END;
/`,
      'dbvoracle',
    );
    expect(a.pairs).toEqual([
      'hr.employees.dept_id -> dw.dept_summary.dept_id',
      'hr.employees.last_name -> dw.dept_summary.first_hired',
      'hr.employees.last_name -> dw.dept_summary.top_earner',
      'hr.employees.salary -> dw.dept_summary.total',
    ]);
    expect(fdr(a)).toEqual(expect.arrayContaining(['hr.employees.salary -> dw.dept_summary.top_earner', 'hr.employees.hire_date -> dw.dept_summary.first_hired']));
  });
});

describe('FROM items that unnest an earlier item\'s column', () => {
  test.each([
    ['dbvbigquery', 'FROM ds.orders o, o.line_items AS li, li.discounts AS d'],
    ['dbvredshift', 'FROM ds.orders o, o.line_items AS li, li.discounts AS d'],
    ['dbvimpala', 'FROM ds.orders o, o.line_items li, li.discounts d'],
  ])('%s: %s', (vendor, from) => {
    const a = ok(`INSERT INTO dw.order_lines (order_id, sku, amount, discount)\nSELECT o.id, li.sku, li.qty * li.price, d.pct ${from} WHERE li.qty > 0;`, vendor);
    expect(a.pairs).toEqual([
      'ds.orders.id -> dw.order_lines.order_id',
      'ds.orders.line_items -> dw.order_lines.amount',
      'ds.orders.line_items -> dw.order_lines.discount',
      'ds.orders.line_items -> dw.order_lines.sku',
    ]);
    expect(fdr(a)).toContain('ds.orders.line_items -> dw.order_lines.RelationRows');
    expect(a.procs.map((p) => p.reads)).toEqual([['ds.orders']]);
  });

  test('Hive has no such paths: o.items there is a table of schema o', () => {
    const a = ok(`INSERT INTO dw.x SELECT o.id, i.sku FROM db1.orders o, o.items i;`, 'dbvhive');
    expect(a.pairs).toEqual(['db1.orders.id -> dw.x.id', 'o.items.sku -> dw.x.sku']);
  });
});

describe('Snowflake time travel and IDENTIFIER()', () => {
  test('procedure: AT(OFFSET => ..), BEFORE(STATEMENT => ..), CHANGES(..) AT(..) are not aliases; IDENTIFIER(\'s.t\') is the table', () => {
    const a = ok(
      `CREATE OR REPLACE PROCEDURE dw.snapshot_orders() RETURNS VARCHAR LANGUAGE SQL AS
$$
BEGIN
  CREATE OR REPLACE TABLE dw.orders_hour_ago AS SELECT o.id, o.amount FROM stage.orders AT(OFFSET => -3600) o;
  INSERT INTO dw.orders_before (id) SELECT id FROM stage.orders BEFORE(STATEMENT => '8e5d0ca9-005e-44e6-b858-a8f5b37c5726');
  INSERT INTO dw.order_changes (id, amount) SELECT c.id, c.amount FROM stage.orders CHANGES(INFORMATION => DEFAULT) AT(TIMESTAMP => '2026-01-01'::TIMESTAMP_LTZ) c;
  INSERT INTO dw.ident (id) SELECT i.id FROM IDENTIFIER('stage.orders') i;
  RETURN 'ok';
END;
$$;`,
      'dbvsnowflake',
    );
    expect(a.pairs).toEqual([
      'stage.orders.amount -> dw.order_changes.amount',
      'stage.orders.amount -> dw.orders_hour_ago.amount',
      'stage.orders.id -> dw.ident.id',
      'stage.orders.id -> dw.order_changes.id',
      'stage.orders.id -> dw.orders_before.id',
      'stage.orders.id -> dw.orders_hour_ago.id',
    ]);
  });

  test('Databricks: IDENTIFIER(\'cat.sch.t\') with a quoted part', () => {
    const a = ok(`INSERT INTO gold.x (id) SELECT t.id FROM IDENTIFIER('main."raw zone".events') t;`, 'dbvdatabricks');
    expect(a.pairs).toEqual(['main.raw zone.events.id -> gold.x.id']);
  });
});

describe('string splitting table functions', () => {
  test.each([
    ['dbvmssql', 'CROSS APPLY STRING_SPLIT(s.tags, \',\') t', 't.value'],
    ['dbvsnowflake', ', LATERAL SPLIT_TO_TABLE(s.tags, \',\') t', 't.value'],
    ['dbvsnowflake', ', TABLE(STRTOK_SPLIT_TO_TABLE(s.tags, \',\')) t', 't.value'],
    ['dbvpostgresql', ', regexp_split_to_table(s.tags, \',\') AS t(tag)', 't.tag'],
  ])('%s: %s — each piece comes from the split column', (vendor, from, piece) => {
    const a = ok(`INSERT INTO dw.tags (id, tag) SELECT s.id, ${piece} FROM stage.src s ${from};`, vendor);
    expect(a.pairs).toEqual(['stage.src.id -> dw.tags.id', 'stage.src.tags -> dw.tags.tag']);
    expect(a.notes).toEqual([]);
  });
});

describe('pipeline objects that wrap a query', () => {
  test('Snowflake: CREATE TASK ... AS INSERT runs in the task; a dynamic table is a CTAS', () => {
    const a = ok(
      `CREATE OR REPLACE TASK etl.load_orders
  WAREHOUSE = etl_wh
  SCHEDULE = 'USING CRON 0 * * * * UTC'
  WHEN SYSTEM$STREAM_HAS_DATA('stage.orders_stream')
AS
  INSERT INTO dw.orders (id, amount) SELECT id, amount FROM stage.orders_stream WHERE METADATA$ACTION = 'INSERT';
CREATE OR REPLACE DYNAMIC TABLE dw.order_totals TARGET_LAG = '1 hour' WAREHOUSE = etl_wh AS
  SELECT customer_id, SUM(amount) AS total FROM dw.orders GROUP BY customer_id;`,
      'dbvsnowflake',
    );
    expect(a.pairs).toEqual([
      'dw.orders.amount -> dw.order_totals.total',
      'dw.orders.customer_id -> dw.order_totals.customer_id',
      'stage.orders_stream.amount -> dw.orders.amount',
      'stage.orders_stream.id -> dw.orders.id',
    ]);
    expect(a.procs.map((p) => p.procedure)).toEqual(['etl.load_orders', 'batchQueries']);
  });

  test('Databricks Delta Live Tables: CREATE OR REFRESH STREAMING TABLE / MATERIALIZED VIEW, STREAM(t), LIVE.t', () => {
    const a = ok(
      `CREATE OR REFRESH STREAMING TABLE silver.events COMMENT 'cleaned' AS SELECT id, ts, body FROM STREAM(bronze.events_raw) WHERE id IS NOT NULL;
CREATE OR REFRESH MATERIALIZED VIEW gold.daily AS SELECT date(ts) AS d, count(id) AS n FROM silver.events GROUP BY date(ts);
CREATE LIVE TABLE gold.latest AS SELECT id, body FROM LIVE.events_clean;`,
      'dbvdatabricks',
    );
    expect(a.pairs).toEqual([
      'bronze.events_raw.body -> silver.events.body',
      'bronze.events_raw.id -> silver.events.id',
      'bronze.events_raw.ts -> silver.events.ts',
      'events_clean.body -> gold.latest.body',
      'events_clean.id -> gold.latest.id',
      'silver.events.id -> gold.daily.n',
      'silver.events.ts -> gold.daily.d',
    ]);
  });
});
