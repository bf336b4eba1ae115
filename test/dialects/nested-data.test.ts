/**
 * Group 4 of issue 9: nested data through table functions (one TableOperator routine): every field
 * of an element comes from the array / JSON column; struct access through a table alias; STRUCT
 * field names are not columns.
 */
import { analyzeSql } from '../procedural/support.js';
import { edgePairs } from '../helpers/lineage.js';

const ok = (sql: string, vendor: string) => {
  const a = analyzeSql(sql, vendor, { relationTypes: ['fdd', 'fdr'] });
  expect(a.errors).toEqual([]);
  expect(a.warnings).toEqual([]);
  return a;
};

describe('BigQuery UNNEST', () => {
  test('script: fields of the element, WITH OFFSET, a correlated UNNEST, struct access, STRUCT(.. AS x)', () => {
    const a = ok(
      `DECLARE run_date DATE DEFAULT CURRENT_DATE();
INSERT INTO dw.order_lines (order_id, sku, amount, line_no)
SELECT o.id, li.sku, li.qty * li.price, pos FROM raw.orders o, UNNEST(o.items) AS li WITH OFFSET AS pos;
CREATE TABLE dw.hosts AS
SELECT h.id, (SELECT MAX(d.value) FROM UNNEST(h.dims) d WHERE d.key = 'cpu') AS cpu,
       h.location.city AS city, STRUCT(h.id AS host_id, h.name AS host_name) AS info
FROM raw.hosts h;`,
      'dbvbigquery',
    );
    expect(a.pairs).toEqual([
      'raw.hosts.dims -> dw.hosts.cpu',
      'raw.hosts.id -> dw.hosts.id',
      'raw.hosts.id -> dw.hosts.info',
      'raw.hosts.location -> dw.hosts.city',
      'raw.hosts.name -> dw.hosts.info',
      'raw.orders.id -> dw.order_lines.order_id',
      'raw.orders.items -> dw.order_lines.amount',
      'raw.orders.items -> dw.order_lines.sku',
    ]);
    expect(edgePairs(a.graph, { type: 'fdr', rows: false })).toContain('raw.orders.items -> dw.order_lines.line_no');
  });
});

describe('Snowflake FLATTEN', () => {
  test.each([
    ['LATERAL FLATTEN(input => s.payload:items, outer => true) f'],
    ['TABLE(FLATTEN(s.payload:items)) f'],
  ])('procedure: %s — value, key, this and paths come from the input', (from) => {
    const a = ok(
      `CREATE OR REPLACE PROCEDURE dw.load_items() RETURNS VARCHAR LANGUAGE SQL AS
$$
BEGIN
  INSERT INTO dw.items (id, sku, k, whole, idx)
  SELECT s.id, f.value:sku::string, f.key, f.this, f.index FROM raw.src s, ${from};
  RETURN 'ok';
END;
$$;`,
      'dbvsnowflake',
    );
    expect(a.pairs).toEqual(['raw.src.id -> dw.items.id', 'raw.src.payload -> dw.items.k', 'raw.src.payload -> dw.items.sku', 'raw.src.payload -> dw.items.whole']);
    // INDEX is the element's position, not a value of the input: decided by it only (as WITH OFFSET).
    expect(edgePairs(a.graph, { type: 'fdr', rows: false })).toContain('raw.src.payload -> dw.items.idx');
  });
});

describe('Hive / Spark LATERAL VIEW', () => {
  test.each(['dbvhive', 'dbvsparksql', 'dbvdatabricks'])('%s: explode, posexplode, inline', (vendor) => {
    const a = ok(
      `INSERT OVERWRITE TABLE dw.order_items
SELECT o.id, it.sku, p.pos, p.tag, x.k, x.v
FROM ods.orders o
LATERAL VIEW explode(o.items) t AS it
LATERAL VIEW posexplode(o.tags) p AS pos, tag
LATERAL VIEW OUTER inline(o.attrs) x AS k, v;`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'ods.orders.attrs -> dw.order_items.k',
      'ods.orders.attrs -> dw.order_items.v',
      'ods.orders.id -> dw.order_items.id',
      'ods.orders.items -> dw.order_items.sku',
      'ods.orders.tags -> dw.order_items.tag',
    ]);
    // posexplode's first column is the position: decided by the array, not one of its values.
    expect(edgePairs(a.graph, { type: 'fdr', rows: false })).toContain('ods.orders.tags -> dw.order_items.pos');
  });
});

describe('PostgreSQL set-returning functions', () => {
  test('jsonb_array_elements in LATERAL, unnest with a column list, jsonb_each', () => {
    const a = ok(
      `INSERT INTO shop.lines (order_id, sku, tag, attr, attr_value)
SELECT o.id, e ->> 'sku', t.tag, kv.key, kv.value
FROM shop.orders o
CROSS JOIN LATERAL jsonb_array_elements(o.doc -> 'items') AS e
CROSS JOIN LATERAL unnest(o.tags) AS t(tag)
CROSS JOIN LATERAL jsonb_each(o.attrs) AS kv;`,
      'dbvpostgresql',
    );
    expect(a.pairs).toEqual([
      'shop.orders.attrs -> shop.lines.attr',
      'shop.orders.attrs -> shop.lines.attr_value',
      'shop.orders.doc -> shop.lines.sku',
      'shop.orders.id -> shop.lines.order_id',
      'shop.orders.tags -> shop.lines.tag',
    ]);
  });
});

describe('T-SQL', () => {
  test('procedure: OPENJSON ... WITH columns, CROSS APPLY (VALUES ...) v(c)', () => {
    const a = ok(
      `CREATE PROCEDURE dbo.load_lines AS
BEGIN
  INSERT INTO dbo.lines (order_id, sku, qty)
  SELECT o.id, j.sku, j.qty
  FROM dbo.orders o
  CROSS APPLY OPENJSON(o.doc, '$.items') WITH (sku VARCHAR(20) '$.sku', qty INT '$.qty') AS j;

  INSERT INTO dbo.measures (id, measure)
  SELECT m.id, v.measure FROM dbo.metrics m CROSS APPLY (VALUES (m.cpu), (m.mem)) v(measure);
END`,
      'dbvmssql',
    );
    expect(a.pairs).toEqual([
      'dbo.metrics.cpu -> dbo.measures.measure',
      'dbo.metrics.id -> dbo.measures.id',
      'dbo.metrics.mem -> dbo.measures.measure',
      'dbo.orders.doc -> dbo.lines.qty',
      'dbo.orders.doc -> dbo.lines.sku',
      'dbo.orders.id -> dbo.lines.order_id',
    ]);
  });
});
