/**
 * Table functions that declare their rows' columns (issue 9's follow-ups): JSON_TABLE and
 * XMLTABLE `COLUMNS`, OPENJSON `WITH (...)`, PostgreSQL column definition lists `AS r(a int, b text)`
 * and `unnest(..) WITH ORDINALITY AS t(v, n)`. Every declared column comes from the document /
 * argument columns (fdd); a position (`FOR ORDINALITY`, `WITH ORDINALITY`) only from them as fdr.
 */
import { analyzeSql, flows } from '../procedural/support.js';
import { edgePairs } from '../helpers/lineage.js';

const ok = (sql: string, vendor: string) => {
  const a = analyzeSql(sql, vendor, { relationTypes: ['fdd', 'fdr'] });
  expect(a.errors).toEqual([]);
  expect(a.warnings).toEqual([]);
  expect(a.notes).toEqual([]);
  return a;
};
const fdr = (a: ReturnType<typeof ok>) => edgePairs(a.graph, { type: 'fdr', rows: false });

describe('JSON_TABLE', () => {
  test.each(['dbvmysql', 'mariadb'])('%s: procedure and view, NESTED PATH, FOR ORDINALITY, EXISTS PATH, jt.*', (vendor) => {
    const a = ok(
      `DELIMITER //
CREATE PROCEDURE etl.load_order_lines(IN p_batch INT)
BEGIN
  INSERT INTO dw.order_lines (order_id, line_no, sku, qty, gift, tag)
  SELECT o.id, jt.line_no, jt.sku, jt.qty * 1, jt.gift, jt.tag
  FROM stage.orders o,
       JSON_TABLE(o.payload, '$.lines[*]' COLUMNS (
         line_no FOR ORDINALITY,
         sku VARCHAR(40) PATH '$.sku',
         qty DECIMAL(10,2) PATH '$.qty' DEFAULT '0' ON EMPTY NULL ON ERROR,
         gift INT EXISTS PATH '$.gift_wrap',
         NESTED PATH '$.tags[*]' COLUMNS (tag VARCHAR(20) PATH '$'))) AS jt
  WHERE o.batch_id = p_batch;
END //
DELIMITER ;
CREATE VIEW rpt.v_attrs AS
SELECT p.id, a.* FROM stage.products p,
  JSON_TABLE(p.attrs, '$[*]' COLUMNS (attr_name VARCHAR(50) PATH '$.name', attr_value TEXT PATH '$.value')) a;`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'stage.orders.id -> dw.order_lines.order_id',
      'stage.orders.payload -> dw.order_lines.gift',
      'stage.orders.payload -> dw.order_lines.qty',
      'stage.orders.payload -> dw.order_lines.sku',
      'stage.orders.payload -> dw.order_lines.tag',
      'stage.products.attrs -> rpt.v_attrs.attr_name',
      'stage.products.attrs -> rpt.v_attrs.attr_value',
      'stage.products.id -> rpt.v_attrs.id',
    ]);
    // The position is decided by the document, not read from it.
    expect(fdr(a)).toEqual(['stage.orders.payload -> dw.order_lines.line_no']);
    expect(flows(a)).toEqual(['etl.load_order_lines: stage.orders -> dw.order_lines', 'batchQueries: stage.products -> rpt.v_attrs']);
  });

  test('Oracle: procedure with JSON_TABLE (ERROR ON ERROR, NESTED, ordinality) and XMLTABLE PASSING', () => {
    const a = ok(
      `CREATE OR REPLACE PROCEDURE etl.load_orders AS
BEGIN
  INSERT INTO dw.order_lines (order_id, line_no, sku, qty, tag)
  SELECT o.order_id, jt.line_no, jt.sku, jt.qty, jt.tag
  FROM stage.orders o,
       JSON_TABLE(o.payload FORMAT JSON, '$.lines[*]' ERROR ON ERROR
         COLUMNS (line_no FOR ORDINALITY,
                  sku VARCHAR2(40) PATH '$.sku',
                  qty NUMBER(10,2) PATH '$.qty' DEFAULT 0 ON EMPTY,
                  NESTED PATH '$.tags[*]' COLUMNS (tag VARCHAR2(20) PATH '$'))) jt
  WHERE o.status = 'NEW';
  MERGE INTO dw.customers c
  USING (SELECT x.id, x.name, x.city
         FROM stage.xml_docs d,
              XMLTABLE('/customers/customer' PASSING d.doc
                COLUMNS id NUMBER PATH '@id', name VARCHAR2(100) PATH 'name', city VARCHAR2(60) PATH 'address/city') x) s
  ON (c.cust_id = s.id)
  WHEN MATCHED THEN UPDATE SET c.cust_name = s.name, c.city = s.city
  WHEN NOT MATCHED THEN INSERT (cust_id, cust_name, city) VALUES (s.id, s.name, s.city);
END;
/`,
      'dbvoracle',
    );
    expect(a.pairs).toEqual([
      'stage.orders.order_id -> dw.order_lines.order_id',
      'stage.orders.payload -> dw.order_lines.qty',
      'stage.orders.payload -> dw.order_lines.sku',
      'stage.orders.payload -> dw.order_lines.tag',
      'stage.xml_docs.doc -> dw.customers.city',
      'stage.xml_docs.doc -> dw.customers.cust_id',
      'stage.xml_docs.doc -> dw.customers.cust_name',
    ]);
    expect(fdr(a)).toContain('stage.orders.payload -> dw.order_lines.line_no');
    expect(fdr(a)).not.toContain('stage.orders.payload -> dw.order_lines.sku');
  });
});

describe('XMLTABLE', () => {
  test.each(['dbvdb2', 'dbvpostgresql'])('%s: PASSING ... AS name, FOR ORDINALITY, INSERT ... SELECT', (vendor) => {
    const a = ok(
      `INSERT INTO dw.customer_phones (cust_id, seq, phone, kind)
SELECT c.id, x.seq, x.phone, x.kind
FROM stage.customers c,
     XMLTABLE('$d/customer/phones/phone' PASSING c.contact_xml AS "d"
       COLUMNS seq FOR ORDINALITY, phone VARCHAR(20) PATH '.', kind VARCHAR(10) PATH '@type') AS x
WHERE c.active = 1;`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'stage.customers.contact_xml -> dw.customer_phones.kind',
      'stage.customers.contact_xml -> dw.customer_phones.phone',
      'stage.customers.id -> dw.customer_phones.cust_id',
    ]);
    expect(fdr(a)).toEqual(['stage.customers.contact_xml -> dw.customer_phones.seq']);
  });
});

describe('PostgreSQL column definition lists', () => {
  test.each(['dbvpostgresql', 'dbvgreenplum', 'dbvgaussdb'])('%s: view and PL/pgSQL function over record functions, dblink, crosstab', (vendor) => {
    const a = ok(
      `CREATE VIEW rpt.v_items AS
SELECT d.id, r.sku, r.qty, p.flag, x.city
FROM src.docs d
CROSS JOIN LATERAL jsonb_to_recordset(d.payload -> 'items') AS r(sku text, qty int)
CROSS JOIN LATERAL jsonb_populate_record(NULL::src.flags, d.flags) AS p
LEFT JOIN LATERAL json_to_record(d.address) x(city text, zip varchar(10)) ON true;
CREATE OR REPLACE FUNCTION etl.load_tags() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dw.tags (doc_id, tag, pos)
  SELECT d.id, u.tag, u.pos FROM src.docs d CROSS JOIN LATERAL unnest(d.tags) WITH ORDINALITY AS u(tag, pos);
  INSERT INTO dw.remote_orders (order_id, amount)
  SELECT t.order_id, t.amount FROM dblink('dbname=sales', 'SELECT id, amount FROM orders') AS t(order_id int, amount numeric(12,2));
  INSERT INTO dw.kv (k, v) SELECT k, v FROM src.settings s, json_to_record(s.doc) AS (k text, v int);
END;
$$;
CREATE TABLE rpt.sales_by_quarter AS
SELECT ct.region, ct.q1, ct.q2 FROM crosstab('SELECT region, quarter, SUM(amount) FROM src.sales GROUP BY 1, 2 ORDER BY 1, 2')
  AS ct(region text, q1 numeric, q2 numeric);`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'src.docs.address -> rpt.v_items.city',
      'src.docs.flags -> rpt.v_items.flag',
      'src.docs.id -> dw.tags.doc_id',
      'src.docs.id -> rpt.v_items.id',
      'src.docs.payload -> rpt.v_items.qty',
      'src.docs.payload -> rpt.v_items.sku',
      'src.docs.tags -> dw.tags.tag',
      'src.settings.doc -> dw.kv.k',
      'src.settings.doc -> dw.kv.v',
    ]);
    expect(fdr(a)).toEqual(['src.docs.tags -> dw.tags.pos']);
    // dblink and crosstab read SQL text: their columns are known by name, their sources are not.
    const targets = a.graph.objects.filter((o) => o.type === 'table').map((o) => `${o.name}(${o.columns.filter((c) => !c.system).map((c) => c.name).join(',')})`);
    expect(targets).toEqual(expect.arrayContaining(['sales_by_quarter(region,q1,q2)', 'remote_orders(order_id,amount)']));
  });

  test.each(['dbvpostgresql', 'dbvpresto', 'dbvathena'])('%s: unnest of several arrays WITH ORDINALITY', (vendor) => {
    const a = ok(
      `INSERT INTO dw.pairs (id, k, v, n)
SELECT s.id, t.k, t.v, t.n FROM src.maps s CROSS JOIN UNNEST(s.keys, s.vals) WITH ORDINALITY AS t (k, v, n);`,
      vendor,
    );
    // The arrays side by side: k is an element of keys, v of vals.
    expect(a.pairs).toEqual(['src.maps.id -> dw.pairs.id', 'src.maps.keys -> dw.pairs.k', 'src.maps.vals -> dw.pairs.v']);
    expect(fdr(a)).toEqual(['src.maps.keys -> dw.pairs.n', 'src.maps.vals -> dw.pairs.n']);
  });
});

describe('T-SQL OPENJSON ... WITH', () => {
  test('procedure: CROSS and OUTER APPLY, AS JSON, a variable document, declared columns by position into INSERT', () => {
    const a = ok(
      `CREATE PROCEDURE dbo.load_events @j NVARCHAR(MAX) AS
BEGIN
  SET NOCOUNT ON;
  INSERT INTO dbo.events (id, name, extra, source_id)
  SELECT e.*, s.source_id
  FROM dbo.staging s
  CROSS APPLY OPENJSON(s.body, '$.events') WITH (id INT '$.id', name NVARCHAR(50) '$.name', extra NVARCHAR(MAX) AS JSON) AS e;
  INSERT INTO dbo.event_tags (event_id, tag)
  SELECT s.event_id, t.tag
  FROM dbo.staging_events s
  OUTER APPLY OPENJSON(s.tags_json) WITH (tag VARCHAR(30) '$') t;
  INSERT INTO dbo.params (k, v) SELECT p.k, p.v FROM OPENJSON(@j) WITH (k VARCHAR(10) '$.k', v INT '$.v') p;
END
GO`,
      'dbvmssql',
    );
    expect(a.pairs).toEqual([
      'dbo.staging.body -> dbo.events.extra',
      'dbo.staging.body -> dbo.events.id',
      'dbo.staging.body -> dbo.events.name',
      'dbo.staging.source_id -> dbo.events.source_id',
      'dbo.staging_events.event_id -> dbo.event_tags.event_id',
      'dbo.staging_events.tags_json -> dbo.event_tags.tag',
    ]);
  });
});
