/**
 * Lineage gaps found in session 10 (session 11, first sweep): struct fields known from declared
 * column types (`li.*` over UNNEST / explode, `inline()`, `o.addr.*`), ... Pairs are
 * `source -> target` per relation type.
 */
import { analyze, analyzeParallel } from '../../src/api.js';
import { workerScript } from '../../src/parse/pool.js';
import { render } from '../../src/writers/index.js';
import { analyzeSql } from '../procedural/support.js';
import { decided, ok, rows } from '../helpers/accuracy.js';
import { edgePairs, removeSchemaFiles, schemaFile } from '../helpers/lineage.js';

afterAll(removeSchemaFiles);

const ORDERS_BQ = `CREATE TABLE shop.orders (
  order_id INT64 NOT NULL,
  customer_id INT64,
  line_items ARRAY<STRUCT<sku STRING, qty INT64, unit_price NUMERIC>> OPTIONS (description = 'one per line'),
  shipping STRUCT<city STRING, zip STRING>
);
`;

describe('struct fields declared with the column type', () => {
  test('BigQuery FROM o, UNNEST(o.line_items) AS li / CROSS JOIN UNNEST / LEFT JOIN UNNEST .. ON TRUE: li.* is the declared fields', () => {
    const a = ok(`${ORDERS_BQ}
CREATE TABLE mart.order_lines AS
SELECT o.order_id, li.* FROM shop.orders o, UNNEST(o.line_items) AS li;
INSERT INTO mart.order_lines_pos (order_id, line_no, sku, qty, unit_price)
SELECT o.order_id, pos, li.* FROM shop.orders o CROSS JOIN UNNEST(o.line_items) AS li WITH OFFSET AS pos;
CREATE VIEW mart.v_order_lines AS
SELECT o.order_id, li.* EXCEPT (unit_price) FROM shop.orders o LEFT JOIN UNNEST(o.line_items) AS li ON TRUE;
SELECT l.sku, SUM(l.qty) AS qty FROM mart.order_lines l GROUP BY l.sku;`, 'dbvbigquery');
    expect(a.pairs).toEqual([
      'mart.order_lines.qty -> RS-1.qty',
      'mart.order_lines.sku -> RS-1.sku',
      'shop.orders.line_items -> mart.order_lines.qty',
      'shop.orders.line_items -> mart.order_lines.sku',
      'shop.orders.line_items -> mart.order_lines.unit_price',
      'shop.orders.line_items -> mart.order_lines_pos.qty',
      'shop.orders.line_items -> mart.order_lines_pos.sku',
      'shop.orders.line_items -> mart.order_lines_pos.unit_price',
      'shop.orders.line_items -> mart.v_order_lines.qty',
      'shop.orders.line_items -> mart.v_order_lines.sku',
      'shop.orders.order_id -> mart.order_lines.order_id',
      'shop.orders.order_id -> mart.order_lines_pos.order_id',
      'shop.orders.order_id -> mart.v_order_lines.order_id',
    ]);
    expect(decided(a)).toEqual(['shop.orders.line_items -> mart.order_lines_pos.line_no']);
  });

  test('without a declared type li.* stays the element itself', () => {
    const a = ok(`CREATE TABLE mart.order_lines AS SELECT o.order_id, li.* FROM shop.orders o, UNNEST(o.line_items) AS li;`, 'dbvbigquery');
    expect(a.pairs).toEqual(['shop.orders.line_items -> mart.order_lines.li', 'shop.orders.order_id -> mart.order_lines.order_id']);
  });

  test('Databricks LATERAL VIEW explode / posexplode, inline(), o.shipping.*, through a CTE: the declared fields', () => {
    const a = ok(`CREATE TABLE sales.orders (
  order_id BIGINT, customer_id BIGINT,
  shipping STRUCT<city: STRING, zip: STRING> COMMENT 'ship-to',
  line_items ARRAY<STRUCT<sku: STRING, qty: INT, price: DECIMAL(10,2)>>
) USING delta;
INSERT OVERWRITE TABLE mart.order_lines SELECT o.order_id, li.* FROM sales.orders o LATERAL VIEW explode(o.line_items) x AS li;
CREATE TABLE mart.order_items AS SELECT o.order_id, inline(o.line_items) FROM sales.orders o;
CREATE VIEW mart.v_ship_to AS SELECT o.order_id, o.shipping.* FROM sales.orders o;
CREATE TABLE mart.numbered_items AS
WITH l AS (SELECT order_id, line_items FROM sales.orders WHERE customer_id IS NOT NULL)
SELECT l.order_id, n, e.* FROM l LATERAL VIEW OUTER posexplode(l.line_items) t AS n, e;
SELECT i.sku, v.zip FROM mart.order_items i JOIN mart.v_ship_to v ON v.order_id = i.order_id;`, 'dbvdatabricks');
    expect(a.pairs).toEqual([
      'mart.order_items.sku -> RS-1.sku',
      'mart.v_ship_to.zip -> RS-1.zip',
      'sales.orders.line_items -> mart.numbered_items.price',
      'sales.orders.line_items -> mart.numbered_items.qty',
      'sales.orders.line_items -> mart.numbered_items.sku',
      'sales.orders.line_items -> mart.order_items.price',
      'sales.orders.line_items -> mart.order_items.qty',
      'sales.orders.line_items -> mart.order_items.sku',
      'sales.orders.line_items -> mart.order_lines.price',
      'sales.orders.line_items -> mart.order_lines.qty',
      'sales.orders.line_items -> mart.order_lines.sku',
      'sales.orders.order_id -> mart.numbered_items.order_id',
      'sales.orders.order_id -> mart.order_items.order_id',
      'sales.orders.order_id -> mart.order_lines.order_id',
      'sales.orders.order_id -> mart.v_ship_to.order_id',
      'sales.orders.shipping -> mart.v_ship_to.city',
      'sales.orders.shipping -> mart.v_ship_to.zip',
    ]);
  });

  test('--schema: JSON {table: {column: type}} and DDL files declare the struct types (BigQuery, Hive, DuckDB)', () => {
    const json = schemaFile('events.json', { 'analytics.events': { event_id: 'STRING', user_id: 'STRING', event_params: 'ARRAY<STRUCT<key STRING, value STRUCT<string_value STRING, int_value INT64>>>' } });
    const ddl = schemaFile('sessions.sql', 'CREATE TABLE analytics.sessions (session_id STRING, device STRUCT<category STRING, `os` STRING>);');
    const bq = analyzeSql(`CREATE TABLE mart.event_params AS
SELECT e.event_id, p.* FROM analytics.events e CROSS JOIN UNNEST(e.event_params) AS p;
CREATE TABLE mart.session_devices AS SELECT s.session_id, s.device.* FROM analytics.sessions s;`, 'dbvbigquery', { schemaFiles: [json, ddl] });
    expect(bq.errors).toEqual([]);
    expect(bq.warnings).toEqual([]);
    expect(bq.pairs).toEqual([
      'analytics.events.event_id -> mart.event_params.event_id',
      'analytics.events.event_params -> mart.event_params.key',
      'analytics.events.event_params -> mart.event_params.value',
      'analytics.sessions.device -> mart.session_devices.category',
      'analytics.sessions.device -> mart.session_devices.os',
      'analytics.sessions.session_id -> mart.session_devices.session_id',
    ]);
    const hive = ok(`CREATE TABLE web.clicks (click_id BIGINT, ctx STRUCT<page:STRING, referrer:STRING>, tags ARRAY<STRUCT<k:STRING, v:STRING>>) STORED AS ORC;
INSERT OVERWRITE TABLE web.click_tags SELECT c.click_id, tg.* FROM web.clicks c LATERAL VIEW explode(c.tags) t AS tg;
INSERT OVERWRITE TABLE web.click_ctx SELECT c.click_id, c.ctx.* FROM web.clicks c;`, 'dbvhive');
    expect(hive.pairs).toEqual([
      'web.clicks.click_id -> web.click_ctx.click_id',
      'web.clicks.click_id -> web.click_tags.click_id',
      'web.clicks.ctx -> web.click_ctx.page',
      'web.clicks.ctx -> web.click_ctx.referrer',
      'web.clicks.tags -> web.click_tags.k',
      'web.clicks.tags -> web.click_tags.v',
    ]);
    const duck = ok(`CREATE TABLE shop.orders (order_id INTEGER, ship STRUCT(city VARCHAR, zip VARCHAR), items STRUCT(sku VARCHAR, qty INTEGER)[]);
CREATE TABLE mart.ship_to AS SELECT o.order_id, o.ship.* FROM shop.orders o;`, 'dbvduckdb');
    expect(duck.pairs).toEqual([
      'shop.orders.order_id -> mart.ship_to.order_id',
      'shop.orders.ship -> mart.ship_to.city',
      'shop.orders.ship -> mart.ship_to.zip',
    ]);
  });

  test('Trino / Athena ARRAY(ROW(..)) and ROW(..) column types parse, and UNNEST(o.items) AS li gives li.* as the row fields', () => {
    for (const vendor of ['dbvpresto', 'dbvathena']) {
      const a = ok(`CREATE TABLE hive.shop.orders (order_id BIGINT, customer_id BIGINT, items ARRAY(ROW(sku VARCHAR, qty INTEGER, unit_price DECIMAL(12, 2))), shipping ROW(city VARCHAR, zip VARCHAR));
CREATE TABLE hive.mart.order_lines AS
SELECT o.order_id, li.*, o.shipping.city AS ship_city FROM hive.shop.orders o CROSS JOIN UNNEST(o.items) AS li;`, vendor);
      expect(a.pairs).toEqual([
        'hive.shop.orders.items -> hive.mart.order_lines.qty',
        'hive.shop.orders.items -> hive.mart.order_lines.sku',
        'hive.shop.orders.items -> hive.mart.order_lines.unit_price',
        'hive.shop.orders.order_id -> hive.mart.order_lines.order_id',
        'hive.shop.orders.shipping -> hive.mart.order_lines.ship_city',
      ]);
    }
  });

  test('a column list declaring ARRAY<STRUCT<..>> / MAP<K, V> is one column each, not one per comma inside', () => {
    const a = ok(`CREATE TABLE raw.profiles (user_id BIGINT, attrs MAP<STRING, STRING>, addresses ARRAY<STRUCT<kind: STRING, city: STRING>>, updated_at TIMESTAMP);
INSERT INTO mart.profiles SELECT * FROM raw.profiles;`, 'dbvsparksql');
    expect(a.pairs).toEqual([
      'raw.profiles.addresses -> mart.profiles.addresses',
      'raw.profiles.attrs -> mart.profiles.attrs',
      'raw.profiles.updated_at -> mart.profiles.updated_at',
      'raw.profiles.user_id -> mart.profiles.user_id',
    ]);
  });
});

describe('PostgreSQL trigger function and its trigger in different files of one run', () => {
  const files = () => [
    {
      path: 'db/functions/audit_order_status.sql',
      text: `CREATE TABLE audit.order_changes (order_id int, old_status text, new_status text, changed_by text, changed_at timestamptz);

CREATE OR REPLACE FUNCTION audit.log_order_status() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    INSERT INTO audit.order_changes (order_id, old_status, new_status, changed_by, changed_at)
    SELECT NEW.order_id, OLD.status, NEW.status, u.login, now() FROM app.users u WHERE u.user_id = NEW.updated_by;
  END IF;
  RETURN NEW;
END;
$$;

CREATE FUNCTION audit.touch_customer() RETURNS trigger AS $$
BEGIN
  INSERT INTO audit.touch_log (customer_id, last_order_id) SELECT c.customer_id, max(o.order_id) FROM sales.orders o JOIN sales.customers c USING (customer_id) GROUP BY c.customer_id;
  NEW.updated_at := now();
  RETURN NEW;
END $$ LANGUAGE plpgsql;
`,
    },
    {
      path: 'db/tables/orders.sql',
      text: `CREATE TABLE sales.orders (order_id int PRIMARY KEY, customer_id int, status text, updated_by int, updated_at timestamptz);

CREATE TRIGGER trg_orders_status
  AFTER UPDATE OF status ON sales.orders
  FOR EACH ROW EXECUTE FUNCTION audit.log_order_status();
`,
    },
  ];

  test('the trigger of the later file runs the function of the earlier one, NEW / OLD reading its table; an unbound one is analyzed once at the end', () => {
    const a = analyze(files(), { vendor: 'dbvpostgresql', relationTypes: ['fdd', 'fdr'] });
    expect(a.diagnostics.filter((d) => d.severity !== 'note')).toEqual([]);
    expect(edgePairs(a.graph)).toEqual([
      'app.users.login -> audit.order_changes.changed_by',
      'sales.customers.customer_id -> audit.touch_log.customer_id',
      'sales.orders.order_id -> audit.order_changes.order_id',
      'sales.orders.order_id -> audit.touch_log.last_order_id',
      'sales.orders.status -> audit.order_changes.new_status',
      'sales.orders.status -> audit.order_changes.old_status',
    ]);
    expect(edgePairs(a.graph, { type: 'fdr' }).filter((p) => p.endsWith('.RelationRows'))).toEqual([
      'app.users.user_id -> audit.order_changes.RelationRows',
      'sales.customers.customer_id -> audit.touch_log.RelationRows',
      'sales.orders.customer_id -> audit.touch_log.RelationRows',
      'sales.orders.updated_by -> audit.order_changes.RelationRows',
    ]);
    // The function's statements keep their place in its own file (line 7 of the first file).
    const insert = a.graph.objects.find((o) => o.type === 'process' && o.procedureName === 'audit.log_order_status' && o.callee === undefined)!;
    expect(insert.locs[0]).toMatchObject({ file: 0, line: 7 });
  });

  (workerScript() !== undefined ? test : test.skip)('the same under --jobs 2 (needs npm run build)', async () => {
    const opts = { vendor: 'dbvpostgresql', relationTypes: ['fdd', 'fdr'] as ('fdd' | 'fdr')[] };
    const one = analyze(files(), opts);
    const two = await analyzeParallel(files(), opts, 2);
    for (const format of ['json', 'csv'] as const) {
      const r = { format, tableToTable: false, delimiter: ',' };
      expect(render(two.graph, r)).toBe(render(one.graph, r));
    }
  });
});

describe('posexplode positions: decided by the array (fdr), in a LATERAL VIEW and in the select list alike', () => {
  test('Spark / Databricks / Hive LATERAL VIEW [OUTER] posexplode(tags) x AS pos, tag and SELECT posexplode(tags) AS (pos, tag)', () => {
    for (const vendor of ['dbvsparksql', 'dbvdatabricks', 'dbvhive']) {
      const a = ok(`INSERT OVERWRITE TABLE mart.product_tags
SELECT p.product_id, pos, tag FROM catalog.products p LATERAL VIEW posexplode(p.tags) x AS pos, tag;
INSERT OVERWRITE TABLE mart.product_tags_all
SELECT p.product_id, x.pos, x.tag FROM catalog.products p LATERAL VIEW OUTER posexplode(p.tags) x AS pos, tag;
INSERT OVERWRITE TABLE mart.product_tag_list
SELECT product_id, posexplode(tags) AS (tag_no, tag) FROM catalog.products WHERE active = 1;`, vendor);
      expect(a.pairs).toEqual([
        'catalog.products.product_id -> mart.product_tag_list.product_id',
        'catalog.products.product_id -> mart.product_tags.product_id',
        'catalog.products.product_id -> mart.product_tags_all.product_id',
        'catalog.products.tags -> mart.product_tag_list.tag',
        'catalog.products.tags -> mart.product_tags.tag',
        'catalog.products.tags -> mart.product_tags_all.tag',
      ]);
      expect(decided(a)).toEqual([
        'catalog.products.tags -> mart.product_tag_list.tag_no',
        'catalog.products.tags -> mart.product_tags.pos',
        'catalog.products.tags -> mart.product_tags_all.pos',
      ]);
    }
  });
});

describe('DuckDB POSITIONAL JOIN (Capabilities.positionalJoins)', () => {
  test('a POSITIONAL JOIN b, with and without aliases, of tables and subqueries: both sides read, POSITIONAL is no alias', () => {
    const a = ok(`CREATE TABLE stage.features (customer_id INTEGER, tenure_months INTEGER);
CREATE TABLE stage.predictions (churn_score DOUBLE, model_version VARCHAR);
CREATE TABLE mart.scored AS SELECT * FROM stage.features POSITIONAL JOIN stage.predictions;
INSERT INTO mart.scored_slim (customer_id, churn_score)
SELECT f.customer_id, p.churn_score FROM stage.features f POSITIONAL JOIN stage.predictions AS p;
CREATE VIEW mart.v_first_scores AS
SELECT customer_id, churn_score FROM (SELECT customer_id FROM stage.features ORDER BY customer_id) POSITIONAL JOIN (SELECT churn_score FROM stage.predictions);`, 'dbvduckdb');
    expect(a.pairs).toEqual([
      'stage.features.customer_id -> mart.scored.customer_id',
      'stage.features.customer_id -> mart.scored_slim.customer_id',
      'stage.features.customer_id -> mart.v_first_scores.customer_id',
      'stage.features.tenure_months -> mart.scored.tenure_months',
      'stage.predictions.churn_score -> mart.scored.churn_score',
      'stage.predictions.churn_score -> mart.scored_slim.churn_score',
      'stage.predictions.churn_score -> mart.v_first_scores.churn_score',
      'stage.predictions.model_version -> mart.scored.model_version',
    ]);
  });

  test('elsewhere positional stays a name: an alias in PostgreSQL, a column in DuckDB', () => {
    const pg = ok(`INSERT INTO rpt.x (id) SELECT positional.id FROM stage.features positional JOIN stage.other o ON o.id = positional.id;`, 'dbvpostgresql');
    expect(pg.pairs).toEqual(['stage.features.id -> rpt.x.id']);
    const duck = ok(`CREATE TABLE rpt.y AS SELECT positional FROM stage.t;`, 'dbvduckdb');
    expect(duck.pairs).toEqual(['stage.t.positional -> rpt.y.positional']);
  });
});

describe('SQLite table-valued functions: their own columns (Semantics.tableFunctionColumns)', () => {
  test('generate_series(..) has value; json_each / json_tree have key, value, type, atom, id, parent, fullkey, path (id and parent positions)', () => {
    const a = ok(`CREATE TABLE report.calendar AS SELECT date(p.start_date, '+' || value || ' days') AS day FROM plans p, generate_series(0, p.duration_days - 1);
CREATE TABLE report.day_numbers AS SELECT value AS day_no FROM generate_series(1, 31);
INSERT INTO report.doc_keys (doc_id, k, v, kind)
SELECT d.id, j.key, j.value, j.type FROM documents d, json_each(d.body, '$.attributes') AS j WHERE j.type <> 'null';
INSERT INTO report.doc_tree (doc_id, node_id, parent_id, full_key, leaf)
SELECT d.id, id, parent, fullkey, atom FROM documents d, json_tree(d.body);`, 'dbvsqlite');
    expect(a.pairs).toEqual([
      'documents.body -> report.doc_keys.k',
      'documents.body -> report.doc_keys.kind',
      'documents.body -> report.doc_keys.v',
      'documents.body -> report.doc_tree.full_key',
      'documents.body -> report.doc_tree.leaf',
      'documents.id -> report.doc_keys.doc_id',
      'documents.id -> report.doc_tree.doc_id',
      'plans.duration_days -> report.calendar.day',
      'plans.start_date -> report.calendar.day',
    ]);
    expect(decided(a)).toEqual(['documents.body -> report.doc_tree.node_id', 'documents.body -> report.doc_tree.parent_id']);
  });

  test('PostgreSQL keeps its own: generate_series names its column after the function, json_each has key and value', () => {
    const a = ok(`INSERT INTO report.days (day_no) SELECT generate_series FROM generate_series(1, 31);
INSERT INTO report.kv (doc_id, k, v) SELECT d.id, key, value FROM documents d, json_each(d.body);`, 'dbvpostgresql');
    expect(a.pairs).toEqual(['documents.body -> report.kv.k', 'documents.body -> report.kv.v', 'documents.id -> report.kv.doc_id']);
  });
});

describe('colon paths into semi-structured columns: Databricks and Apache Spark 4, not Hive', () => {
  const sql = `INSERT INTO mart.user_geo (user_id, zip, city, tier)
SELECT p.user_id, p.profile:address.zip, profile:address['city']::string, p.attrs:loyalty.tier
FROM crm.profiles p WHERE p.profile:address.country = 'US';`;
  test('p.profile:address.zip reads the column profile (dbvdatabricks, dbvsparksql)', () => {
    for (const vendor of ['dbvdatabricks', 'dbvsparksql']) {
      const a = ok(sql, vendor);
      expect(a.pairs).toEqual([
        'crm.profiles.attrs -> mart.user_geo.tier',
        'crm.profiles.profile -> mart.user_geo.city',
        'crm.profiles.profile -> mart.user_geo.zip',
        'crm.profiles.user_id -> mart.user_geo.user_id',
      ]);
      expect(rows(a)).toEqual(['crm.profiles.profile -> mart.user_geo.RelationRows']);
    }
  });

  test('Hive has no such path: a syntax error', () => {
    expect(analyzeSql(sql, 'dbvhive').errors.length).toBe(1);
  });
});
