/**
 * Session 9 sweep (lead). SAP HANA SQLScript: a query assigned to a name (`lt = SELECT ..;`) fills table variable `lt`,
 * which later statements read as `FROM :lt`: the lineage runs through it. Before, the assignment
 * was a bare result set and `:lt` a table of its own, so the chain broke at every step.
 */
import { analyzeSql, statements } from '../procedural/support.js';
import { edgePairs } from '../helpers/lineage.js';

const ok = (sql: string, vendor = 'dbvhana') => {
  const a = analyzeSql(sql, vendor, { relationTypes: ['fdd', 'fdr'] });
  expect(a.errors).toEqual([]);
  expect(a.warnings).toEqual([]);
  return a;
};

const procedure = `CREATE OR REPLACE PROCEDURE "ETL"."P_LOAD_REVENUE" (
  IN  iv_from DATE,
  OUT et_result TABLE ("REGION" NVARCHAR(20), "REVENUE" DECIMAL(15,2)))
LANGUAGE SQLSCRIPT
SQL SECURITY INVOKER
READS SQL DATA AS
BEGIN
  DECLARE lv_count INTEGER;
  lt_sales = SELECT s."CUSTOMER_ID", s."AMOUNT", s."SALE_DATE"
             FROM "RAW"."SALES" AS s
             WHERE s."SALE_DATE" >= :iv_from;
  lt_joined = SELECT c."REGION", ls."AMOUNT"
              FROM :lt_sales AS ls
              INNER JOIN "RAW"."CUSTOMERS" c ON c."ID" = ls."CUSTOMER_ID";
  SELECT COUNT(*) INTO lv_count FROM :lt_joined;
  et_result = SELECT "REGION", SUM("AMOUNT") AS "REVENUE" FROM :lt_joined GROUP BY "REGION";
  INSERT INTO "MART"."REGION_REVENUE" ("REGION", "REVENUE", "LOADED_AT")
    SELECT "REGION", "REVENUE", CURRENT_TIMESTAMP FROM :et_result;
END;`;

describe('SAP HANA table variables', () => {
  test('lt = SELECT ..; FROM :lt: the lineage runs through each table variable into the table written', () => {
    const a = ok(procedure);
    expect(a.pairs).toEqual([
      'RAW.CUSTOMERS.REGION -> lt_joined.REGION',
      'RAW.SALES.AMOUNT -> lt_sales.AMOUNT',
      'RAW.SALES.CUSTOMER_ID -> lt_sales.CUSTOMER_ID',
      'RAW.SALES.SALE_DATE -> lt_sales.SALE_DATE',
      'et_result.REGION -> MART.REGION_REVENUE.REGION',
      'et_result.REVENUE -> MART.REGION_REVENUE.REVENUE',
      'lt_joined.AMOUNT -> et_result.REVENUE',
      'lt_joined.REGION -> et_result.REGION',
      'lt_sales.AMOUNT -> lt_joined.AMOUNT',
    ]);
    // The filter and the join decide the rows of each table variable.
    expect(edgePairs(a.graph, { type: 'fdr' })).toEqual([
      'RAW.CUSTOMERS.ID -> lt_joined.RelationRows',
      'RAW.SALES.SALE_DATE -> lt_sales.RelationRows',
      'lt_joined.REGION -> et_result.RelationRows',
      'lt_sales.CUSTOMER_ID -> lt_joined.RelationRows',
    ]);
  });

  test('elsewhere a query assigned to a name stays a query that is only read, and `:name` in FROM keeps its colon', () => {
    const a = analyzeSql(`CREATE PROCEDURE p() LANGUAGE plpgsql AS $$
BEGIN
  lt_sales = SELECT customer_id FROM raw.sales;
END $$;`, 'dbvpostgresql', { relationTypes: ['fdd'] });
    expect(a.pairs.some((p) => p.includes('lt_sales'))).toBe(false);
  });
});

describe('json_each / jsonb_each rows have the columns key and value', () => {
  // Before, an unqualified `key` / `value` went to the other FROM item (whose columns are unknown), silently.
  const sql = `INSERT INTO app.settings_kv (k, v)
SELECT key, value FROM app.config c, json_each(c.payload) WHERE c.active = 1;`;
  test.each(['dbvsqlite', 'dbvpostgresql'])('unqualified key, value come from the member rows of the JSON column (%s)', (vendor) => {
    const a = ok(sql, vendor);
    expect(a.pairs).toEqual(['app.config.payload -> app.settings_kv.k', 'app.config.payload -> app.settings_kv.v']);
    expect(edgePairs(a.graph, { type: 'fdr' })).toEqual(['app.config.active -> app.settings_kv.RelationRows']);
  });

  test('PostgreSQL jsonb_each_text in a LATERAL join, SQLite json_tree', () => {
    expect(ok(`INSERT INTO app.attrs (id, name, val) SELECT p.id, key, value FROM app.products p CROSS JOIN LATERAL jsonb_each_text(p.attributes);`, 'dbvpostgresql').pairs).toEqual([
      'app.products.attributes -> app.attrs.name',
      'app.products.attributes -> app.attrs.val',
      'app.products.id -> app.attrs.id',
    ]);
    expect(ok(`INSERT INTO doc_keys (doc_id, k) SELECT d.id, key FROM docs d, json_tree(d.body);`, 'dbvsqlite').pairs).toEqual(['docs.body -> doc_keys.k', 'docs.id -> doc_keys.doc_id']);
  });
});

describe('Netezza NZPLSQL procedures', () => {
  // Before, END_PROC was an unknown statement of its own and `p_day ALIAS FOR $1` was not a
  // variable, so it was taken for a column of the tables read (`stage.sales.p_day`).
  const sql = `CREATE OR REPLACE PROCEDURE etl.load_fact(INTEGER) RETURNS INTEGER LANGUAGE NZPLSQL AS
BEGIN_PROC
DECLARE
  p_day ALIAS FOR $1;
  n INTEGER;
BEGIN
  DELETE FROM mart.fact_sales WHERE day_key = p_day;
  INSERT INTO mart.fact_sales (sale_id, amount, day_key)
  SELECT s.id, s.amount, p_day FROM stage.sales s WHERE s.day_key = p_day;
  RETURN n;
END;
END_PROC;
CREATE TABLE mart.agg AS SELECT day_key, SUM(amount) AS amt FROM mart.fact_sales GROUP BY day_key DISTRIBUTE ON (day_key);`;

  test('AS BEGIN_PROC .. END_PROC is one routine; a parameter alias is a variable', () => {
    const a = ok(sql, 'dbvnetezza');
    expect(statements(sql, 'dbvnetezza').map((st) => st.k)).toEqual(['block', 'create_table']);
    expect(a.procs.map((p) => p.procedure)).toEqual(['etl.load_fact', 'etl.load_fact', 'batchQueries']);
    expect(a.pairs).toEqual([
      'mart.fact_sales.amount -> mart.agg.amt',
      'mart.fact_sales.day_key -> mart.agg.day_key',
      'stage.sales.amount -> mart.fact_sales.amount',
      'stage.sales.id -> mart.fact_sales.sale_id',
    ]);
    expect(edgePairs(a.graph, { type: 'fdr' })).toEqual([
      'mart.fact_sales.day_key -> mart.agg.RelationRows',
      'mart.fact_sales.day_key -> mart.fact_sales.RelationRows',
      'stage.sales.day_key -> mart.fact_sales.RelationRows',
    ]);
  });
});

describe('Couchbase N1QL document queries', () => {
  // Before, every statement below was a syntax error ("unknown statement 'UNNEST o.items AS item'",
  // "syntax error near 'k'", ..) and `ON KEYS` was read as a column named KEYS.
  const sql = `SELECT c.name, o.total FROM \`sales\` c JOIN \`sales\` o ON KEYS c.order_ids WHERE c.type = 'customer';
SELECT o.id, item.sku, item.qty FROM \`sales\` o UNNEST o.items AS item WHERE o.type = 'order';
INSERT INTO \`mart\` (KEY k, VALUE v)
SELECT META(o).id AS k, {"total": o.total, "cust": o.customer_id, "skus": ARRAY i.sku FOR i IN o.items END} AS v
FROM \`sales\` o
WHERE ANY i IN o.items SATISFIES i.qty > 10 END;
UPSERT INTO \`archive\` (KEY META(o).id, VALUE o) SELECT o FROM \`sales\` o USE KEYS ['o1', 'o2'];
MERGE INTO \`dim\` d USING \`staging\` s ON KEY s.id
WHEN MATCHED THEN UPDATE SET d.name = s.name
WHEN NOT MATCHED THEN INSERT s;`;

  test('ON KEYS joins, UNNEST, (KEY, VALUE) inserts of an object or a whole document, ANY / ARRAY .. FOR .. END, MERGE ON KEY', () => {
    const a = ok(sql, 'dbvcouchbase');
    expect(a.pairs).toEqual([
      'sales.* -> archive.*',
      'sales.customer_id -> mart.cust',
      'sales.id -> RS-2.id',
      'sales.items -> RS-2.qty',
      'sales.items -> RS-2.sku',
      'sales.items -> mart.skus',
      'sales.name -> RS-1.name',
      'sales.total -> RS-1.total',
      'sales.total -> mart.total',
      'staging.* -> dim.*',
      'staging.name -> dim.name',
    ]);
    expect(edgePairs(a.graph, { type: 'fdr' })).toEqual([
      'sales.items -> mart.RelationRows',
      'sales.order_ids -> RS-1.RelationRows',
      'sales.type -> RS-1.RelationRows',
      'sales.type -> RS-2.RelationRows',
      'staging.id -> dim.RelationRows',
    ]);
  });

  test('DuckDB struct literals {\'k\': v} (were a syntax error) read their values', () => {
    expect(ok(`CREATE TABLE mart.events AS SELECT id, {'user': user_id, 'amt': amount * 2} AS payload FROM raw.e;`, 'dbvduckdb').pairs).toEqual([
      'raw.e.amount -> mart.events.payload',
      'raw.e.id -> mart.events.id',
      'raw.e.user_id -> mart.events.payload',
    ]);
  });
});

describe('Informix SELECT [SKIP n] [FIRST n]', () => {
  // Before: "unknown statement '10 c.customer_num, ..'" (FIRST was read as a column).
  test('the row limit is no column; a column named first stays one', () => {
    const a = ok(`SELECT FIRST 10 c.customer_num, c.lname FROM customer c INTO TEMP top_cust WITH NO LOG;
INSERT INTO top_orders SELECT SKIP 5 FIRST 100 order_num, ship_date FROM orders ORDER BY ship_date DESC;
INSERT INTO people SELECT first, last FROM names;`, 'dbvinformix');
    expect(a.pairs).toEqual([
      'customer.customer_num -> top_cust.customer_num',
      'customer.lname -> top_cust.lname',
      'names.first -> people.first',
      'names.last -> people.last',
      'orders.order_num -> top_orders.order_num',
      'orders.ship_date -> top_orders.ship_date',
    ]);
  });
});

describe('Informix SPL routines', () => {
  // Before, the procedure ended at its first `;` (DEFINE ..): the rest ran as top-level statements
  // (`SELECT .. INTO v_total` created a table v_total), FOREACH, LET and END PROCEDURE were errors.
  const sql = `CREATE PROCEDURE load_totals(p_day DATE)
  DEFINE v_total DECIMAL(16,2);
  DEFINE v_store, v_cnt INTEGER;
  DEFINE GLOBAL g_run INT DEFAULT 0;

  ON EXCEPTION IN (-239)
    INSERT INTO load_errors (day) VALUES (p_day);
  END EXCEPTION WITH RESUME;

  SELECT SUM(amount) INTO v_total FROM sales WHERE sale_day = p_day;
  INSERT INTO daily_totals (day, total) VALUES (p_day, v_total);

  FOREACH cur_st FOR
    SELECT store_id, COUNT(*) INTO v_store, v_cnt FROM sales WHERE sale_day = p_day GROUP BY store_id
    IF v_cnt > 0 THEN
      INSERT INTO store_counts (store, cnt) VALUES (v_store, v_cnt);
    END IF;
  END FOREACH;

  LET g_run = g_run + 1;
END PROCEDURE;

CREATE FUNCTION cust_total(p_cust INT) RETURNING DECIMAL(16,2);
  DEFINE t DECIMAL(16,2);
  SELECT SUM(total_price) INTO t FROM orders WHERE customer_num = p_cust;
  RETURN t;
END FUNCTION;`;

  test('CREATE PROCEDURE .. END PROCEDURE is one routine; DEFINE declares; FOREACH .. INTO reads into variables', () => {
    const a = ok(sql, 'dbvinformix');
    expect(statements(sql, 'dbvinformix').map((st) => st.k)).toEqual(['block', 'block']);
    expect(a.procs.map((p) => p.procedure)).toEqual(expect.arrayContaining(['load_totals', 'cust_total']));
    expect(a.pairs.filter((p) => !p.includes('RS-'))).toEqual([
      'sales.amount -> daily_totals.total',
      'sales.store_id -> store_counts.store',
    ]);
  });
});

describe('a reserved word after the dot of a qualified name is a name', () => {
  // Before: "syntax error near 'Order'" and the statement's lineage lost (OpenEdge's sports2000
  // PUB.Order, MySQL `db.order`, a column named end or from read through its table's alias).
  test.each(['dbvopenedge', 'dbvmysql', 'dbvansi', 'dbvpostgresql', 'dbvsnowflake'])('%s', (vendor) => {
    const a = ok(`INSERT INTO PUB.OrderSummary (CustNum, TotalAmt, LastEnd)
SELECT o.CustNum, SUM(ol.ExtendedPrice), MAX(o.end) FROM PUB.Order o INNER JOIN PUB.OrderLine ol ON o.OrderNum = ol.OrderNum GROUP BY o.CustNum;`, vendor);
    expect(a.pairs).toEqual([
      'PUB.Order.CustNum -> PUB.OrderSummary.CustNum',
      'PUB.Order.end -> PUB.OrderSummary.LastEnd',
      'PUB.OrderLine.ExtendedPrice -> PUB.OrderSummary.TotalAmt',
    ]);
  });
});

describe('Azure Synapse', () => {
  // Before, `WITH (` was taken for the start of a new statement (a CTE) in T-SQL, which needs no `;`:
  // the CTAS, CREATE EXTERNAL TABLE and COPY INTO lost their lineage; OPENROWSET(BULK ..) was a syntax error.
  test('CTAS WITH (DISTRIBUTION = ..) AS SELECT, OPENROWSET(BULK ..) in a view', () => {
    const a = ok(`CREATE TABLE dbo.FactSales_new
WITH (DISTRIBUTION = HASH(ProductKey), CLUSTERED COLUMNSTORE INDEX)
AS SELECT s.ProductKey, s.SalesAmount * 1.1 AS SalesAmountAdj FROM dbo.FactSales s
CREATE VIEW dbo.v_trips AS SELECT r.vendor_id, r.fare_amount * 1.0 AS fare FROM OPENROWSET(BULK 'https://lake.dfs.core.windows.net/trips/*.parquet', FORMAT = 'PARQUET') AS r`, 'dbvazuresql');
    expect(a.pairs).toEqual([
      'dbo.FactSales.ProductKey -> dbo.FactSales_new.ProductKey',
      'dbo.FactSales.SalesAmount -> dbo.FactSales_new.SalesAmountAdj',
      'https://lake.dfs.core.windows.net/trips/*.parquet.fare_amount -> dbo.v_trips.fare',
      'https://lake.dfs.core.windows.net/trips/*.parquet.vendor_id -> dbo.v_trips.vendor_id',
    ]);
  });
});

describe('MySQL events', () => {
  // Before: "statement 'CREATE EVENT ..' not analyzed" (a warning) and no lineage.
  test('CREATE EVENT .. ON SCHEDULE .. DO statement | BEGIN .. END runs its statements under the event', () => {
    const sql = `CREATE EVENT shop.nightly ON SCHEDULE EVERY 1 DAY STARTS '2024-01-01 02:00:00'
DO INSERT INTO shop.daily (d, revenue) SELECT CURDATE(), SUM(total) FROM shop.order_items;
CREATE DEFINER = \`etl\`@\`%\` EVENT IF NOT EXISTS shop.purge
ON SCHEDULE EVERY 1 HOUR ON COMPLETION PRESERVE ENABLE COMMENT 'purge + archive'
DO BEGIN
  INSERT INTO shop.archive (id, total) SELECT id, total FROM shop.order_items WHERE qty = 0;
  DELETE FROM shop.order_items WHERE qty = 0;
END;`;
    for (const vendor of ['dbvmysql']) {
      const a = ok(sql, vendor);
      expect(a.pairs).toEqual(['shop.order_items.id -> shop.archive.id', 'shop.order_items.total -> shop.archive.total', 'shop.order_items.total -> shop.daily.revenue']);
      expect(a.procs.map((p) => p.procedure)).toEqual(['shop.nightly', 'shop.purge', 'shop.purge']);
    }
  });
});

describe('TABLE t, the SQL standard explicit table (SELECT * FROM t)', () => {
  // Before: `CREATE TABLE x AS TABLE t` gave no lineage and no message; `UNION ALL TABLE t` and `(TABLE t)` were syntax errors.
  test.each(['dbvpostgresql', 'dbvmysql', 'dbvansi'])('CTAS, INSERT, a UNION branch, a derived table (%s)', (vendor) => {
    const a = ok(`CREATE TABLE archive.orders_2023 AS TABLE public.orders;
INSERT INTO archive.union_orders SELECT * FROM public.orders_a UNION ALL TABLE public.orders_b;
INSERT INTO archive.o2 SELECT o.id FROM (TABLE public.orders) o;`, vendor);
    expect(a.pairs).toEqual([
      'public.orders.* -> archive.orders_2023.*',
      'public.orders.id -> archive.o2.id',
      'public.orders_a.* -> archive.union_orders.*',
      'public.orders_b.* -> archive.union_orders.*',
    ]);
  });
});

describe('(a, b) OVERLAPS (c, d)', () => {
  // Before: "unknown statement 'OVERLAPS (..)'" and the statement's lineage lost.
  test.each(['dbvpostgresql', 'dbvoracle', 'dbvteradata', 'dbvansi'])('the periods decide the rows; a column aliased overlaps without AS stays an alias (%s)', (vendor) => {
    const a = ok(`INSERT INTO rpt.clashes (booking_id, room)
SELECT b.id, b.room FROM bookings b
WHERE (b.start_at, b.end_at) OVERLAPS (TIMESTAMP '2024-01-01 00:00:00', INTERVAL '7' DAY);
INSERT INTO rpt.flags (f) SELECT b.flag overlaps FROM bookings b;`, vendor);
    expect(a.pairs).toEqual(['bookings.flag -> rpt.flags.f', 'bookings.id -> rpt.clashes.booking_id', 'bookings.room -> rpt.clashes.room']);
    expect(edgePairs(a.graph, { type: 'fdr' })).toEqual(['bookings.end_at -> rpt.clashes.RelationRows', 'bookings.start_at -> rpt.clashes.RelationRows']);
  });
});
