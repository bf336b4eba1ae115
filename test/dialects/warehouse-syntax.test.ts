/**
 * Group 5 of issue 9: Snowflake, BigQuery, PostgreSQL and Spark syntax that used to fail a whole
 * statement: variant paths, `*` modifiers, INSERT OVERWRITE INTO, one-backtick dotted names,
 * jsonb operators, MERGE ... UPDATE SET * / INSERT *.
 */
import { analyzeSql, flows } from '../procedural/support.js';
import { edgePairs } from '../helpers/lineage.js';

describe('files loaded and exported', () => {
  test.each([
    ['dbvhive', "LOAD DATA INPATH '/data/orders/dt=2024-01-01' OVERWRITE INTO TABLE stg.orders PARTITION (dt = '2024-01-01');", '/data/orders/dt=2024-01-01'],
    ['dbvsparksql', "LOAD DATA LOCAL INPATH 'file:///tmp/orders.csv' INTO TABLE stg.orders;", 'file:///tmp/orders.csv'],
    ['dbvmysql', "LOAD DATA LOCAL INFILE '/tmp/orders.csv' REPLACE INTO TABLE stg.orders FIELDS TERMINATED BY ',' ENCLOSED BY '\"' IGNORE 1 LINES (id, amount);", '/tmp/orders.csv'],
    ['dbvbigquery', "LOAD DATA OVERWRITE stg.orders (id INT64, amount NUMERIC) FROM FILES (format = 'PARQUET', uris = ['gs://lake/orders/*.parquet']);", 'gs://lake/orders/*.parquet'],
  ])('%s: LOAD DATA writes the table from its files (as COPY t FROM a path)', (vendor, sql, path) => {
    const a = analyzeSql(`${sql}\nINSERT INTO dw.orders (id, amount) SELECT id, amount FROM stg.orders;`, vendor);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual([`batchQueries: ${path} -> stg.orders`, 'batchQueries: stg.orders -> dw.orders']);
  });

  test('BigQuery: LOAD DATA INTO TEMP TABLE from several files; EXPORT DATA OPTIONS (uri = ..) AS query writes the files from the query', () => {
    const a = analyzeSql(
      `LOAD DATA INTO TEMP TABLE tmp_orders FROM FILES (uris = ['gs://lake/a/*.csv', 'gs://lake/b/*.csv'], format = 'CSV', skip_leading_rows = 1);
EXPORT DATA WITH CONNECTION \`proj.us.lake\` OPTIONS (format = 'PARQUET', uri = 'gs://out/orders/*.parquet', overwrite = true) AS
SELECT o.id, o.amount * fx.rate AS amount_usd FROM tmp_orders o JOIN ref.fx fx ON fx.ccy = o.ccy;`,
      'dbvbigquery',
    );
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['batchQueries: gs://lake/a/*.csv,gs://lake/b/*.csv -> tmp_orders', 'batchQueries: tmp_orders,ref.fx -> gs://out/orders/*.parquet']);
    expect(a.pairs).toEqual(['ref.fx.rate -> gs://out/orders/*.parquet.amount_usd', 'tmp_orders.amount -> gs://out/orders/*.parquet.amount_usd', 'tmp_orders.id -> gs://out/orders/*.parquet.id']);
  });
});

describe('Snowflake', () => {
  test('streams: CREATE STREAM s ON TABLE | VIEW | EXTERNAL TABLE t reads t (its rows are t\'s changes); a stream on a stage reads no table', () => {
    const a = analyzeSql(
      `CREATE OR REPLACE STREAM raw.orders_stream ON TABLE raw.orders APPEND_ONLY = TRUE;
CREATE STREAM IF NOT EXISTS raw.v_stream COPY GRANTS ON VIEW raw.v_orders AT (OFFSET => -60) SHOW_INITIAL_ROWS = TRUE COMMENT = 'cdc';
CREATE STREAM raw.ext_stream ON EXTERNAL TABLE raw.ext_orders INSERT_ONLY = TRUE;
CREATE STREAM raw.files_stream ON STAGE raw.landing;
CREATE TASK dw.load_orders WAREHOUSE = etl_wh SCHEDULE = '5 MINUTE' WHEN SYSTEM$STREAM_HAS_DATA('raw.orders_stream') AS
  INSERT INTO dw.orders (id, amount) SELECT id, amount FROM raw.orders_stream WHERE METADATA$ACTION = 'INSERT';`,
      'dbvsnowflake',
    );
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual([
      'batchQueries: raw.orders -> raw.orders_stream',
      'batchQueries: raw.v_orders -> raw.v_stream',
      'batchQueries: raw.ext_orders -> raw.ext_stream',
      'dw.load_orders: raw.orders_stream -> dw.orders',
    ]);
    expect(a.pairs).toEqual([
      'raw.ext_orders.* -> raw.ext_stream.*',
      'raw.orders.* -> raw.orders_stream.*',
      'raw.orders.amount -> raw.orders_stream.amount',
      'raw.orders.id -> raw.orders_stream.id',
      'raw.orders_stream.amount -> dw.orders.amount',
      'raw.orders_stream.id -> dw.orders.id',
      'raw.v_orders.* -> raw.v_stream.*',
    ]);
  });

  test('procedure: variant paths read their column; INSERT OVERWRITE INTO; * EXCLUDE / RENAME / REPLACE with a schema', () => {
    const a = analyzeSql(
      `CREATE TABLE raw.events (id INT, raw VARIANT, ts TIMESTAMP, src TEXT);
CREATE OR REPLACE PROCEDURE dw.load_events() RETURNS VARCHAR LANGUAGE SQL AS
$$
BEGIN
  INSERT OVERWRITE INTO dw.events (id, city, first_sku, ts)
  SELECT e.id, e.raw:address.city::string, e.raw:items[0]:sku::string, e.ts FROM raw.events e;
  INSERT INTO dw.events_copy SELECT * EXCLUDE (raw) RENAME (src AS source) FROM raw.events;
  INSERT INTO dw.events_fixed SELECT * REPLACE (UPPER(src) AS src) FROM raw.events;
  RETURN 'ok';
END;
$$;`,
      'dbvsnowflake',
    );
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual([]);
    expect(a.pairs).toEqual([
      'raw.events.id -> dw.events.id',
      'raw.events.id -> dw.events_copy.id',
      'raw.events.id -> dw.events_fixed.id',
      'raw.events.raw -> dw.events.city',
      'raw.events.raw -> dw.events.first_sku',
      'raw.events.raw -> dw.events_fixed.raw',
      'raw.events.src -> dw.events_copy.source',
      'raw.events.src -> dw.events_fixed.src',
      'raw.events.ts -> dw.events.ts',
      'raw.events.ts -> dw.events_copy.ts',
      'raw.events.ts -> dw.events_fixed.ts',
    ]);
  });

  test('without a schema, EXCLUDE hides the column and RENAME / REPLACE still name theirs', () => {
    const a = analyzeSql('SELECT * EXCLUDE (a) RENAME (b AS bb) FROM t; SELECT * REPLACE (c * 2 AS c) FROM t;', 'dbvsnowflake');
    expect(a.pairs).toEqual(['t.* -> RS-1.*', 't.* -> RS-2.*', 't.b -> RS-1.bb', 't.c -> RS-2.c']);
  });
});

describe('BigQuery', () => {
  test('`proj.ds.tbl` in one pair of backticks is the same table as proj.ds.tbl; * EXCEPT / REPLACE', () => {
    const a = analyzeSql(
      `CREATE TABLE \`acme.dw.orders_clean\` AS
SELECT * EXCEPT (raw_payload) REPLACE (LOWER(email) AS email) FROM \`acme.raw.orders\`;
INSERT INTO acme.dw.order_stats (n) SELECT COUNT(o.id) FROM acme.dw.orders_clean o JOIN \`acme\`.\`raw\`.\`orders\` r ON r.id = o.id;`,
      'dbvbigquery',
    );
    expect(a.errors).toEqual([]);
    const tables = a.graph.objects.filter((o) => o.type === 'table').map((o) => `${o.database}|${o.schema}|${o.name}`);
    expect(tables.sort()).toEqual(['acme|dw|order_stats', 'acme|dw|orders_clean', 'acme|raw|orders']);
    expect(a.pairs).toEqual([
      'acme.dw.orders_clean.id -> acme.dw.order_stats.n',
      'acme.raw.orders.* -> acme.dw.orders_clean.*',
      'acme.raw.orders.email -> acme.dw.orders_clean.email',
      'acme.raw.orders.id -> acme.dw.orders_clean.id',
    ]);
  });
});

describe('PostgreSQL', () => {
  test('jsonb operators ? ?| ?& @> in a procedure', () => {
    const a = analyzeSql(
      `CREATE PROCEDURE app.flag_docs() LANGUAGE sql AS $$
  INSERT INTO app.flagged (id, body) SELECT d.id, d.body FROM app.docs d
  WHERE d.body ? 'urgent' AND d.body ?| array['a', 'b'] AND d.body ?& array['c'] AND d.meta @> '{"x": 1}';
$$;`,
      'dbvpostgresql',
      { relationTypes: ['fdd', 'fdr'] },
    );
    expect(a.errors).toEqual([]);
    expect(a.pairs).toEqual(['app.docs.body -> app.flagged.body', 'app.docs.id -> app.flagged.id']);
    expect(edgePairs(a.graph, { type: 'fdr' })).toEqual(['app.docs.body -> app.flagged.RelationRows', 'app.docs.meta -> app.flagged.RelationRows']);
  });
});

describe('Spark / Delta', () => {
  test.each(['dbvsparksql', 'dbvdatabricks'])('%s: MERGE ... UPDATE SET * / INSERT * from a derived table', (vendor) => {
    const a = analyzeSql(
      `MERGE INTO dw.customers t
USING (SELECT id, name, email FROM stg.customers WHERE op <> 'D') s ON t.id = s.id
WHEN MATCHED THEN UPDATE SET *
WHEN NOT MATCHED THEN INSERT *;`,
      vendor,
    );
    expect(a.errors).toEqual([]);
    expect(edgePairs(a.graph, { effect: true })).toEqual([
      'stg.customers.email -> dw.customers.email [merge_insert]',
      'stg.customers.email -> dw.customers.email [merge_update]',
      'stg.customers.id -> dw.customers.id [merge_insert]',
      'stg.customers.id -> dw.customers.id [merge_update]',
      'stg.customers.name -> dw.customers.name [merge_insert]',
      'stg.customers.name -> dw.customers.name [merge_update]',
    ]);
    expect(flows(a)).toEqual(['batchQueries: stg.customers -> dw.customers']);
  });
});
