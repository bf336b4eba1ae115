/**
 * Lineage gaps found in session 11 (fourth sweep): struct fields of declared column types carried
 * further (BigQuery `SELECT *` over UNNEST, ...). Pairs are `source -> target` per relation type.
 */
import { decided, ok, rows } from '../helpers/accuracy.js';

const ORDERS_BQ = `CREATE TABLE shop.orders (
  order_id INT64 NOT NULL,
  customer_id INT64,
  line_items ARRAY<STRUCT<sku STRING, qty INT64, unit_price NUMERIC>> OPTIONS (description = 'one per line')
);
`;

const ORDERS_SHIP_BQ = `CREATE TABLE shop.orders (
  order_id INT64 NOT NULL,
  line_items ARRAY<STRUCT<sku STRING, qty INT64, unit_price NUMERIC>>,
  shipping STRUCT<city STRING, zip STRING>
);
`;

describe('struct fields declared with the column type, carried further', () => {
  test('BigQuery SELECT * over FROM o, UNNEST(o.line_items) [AS li] / o.line_items li: the row li is a value, * gives its declared fields; unaliased, a field is a column', () => {
    const a = ok(`${ORDERS_BQ}
CREATE TABLE mart.order_lines_flat AS
SELECT * FROM shop.orders o, UNNEST(o.line_items) AS li WITH OFFSET AS pos;
CREATE TABLE mart.order_lines_slim AS
SELECT * EXCEPT (line_items, unit_price) FROM shop.orders o, o.line_items li;
CREATE TABLE mart.basket_tags AS
SELECT * FROM shop.baskets b, UNNEST(b.tags) AS tag;
CREATE TABLE mart.order_skus AS
SELECT * EXCEPT (line_items) FROM shop.orders o, UNNEST(o.line_items) WHERE qty > 0;`, 'dbvbigquery');
    expect(a.pairs).toEqual([
      'shop.baskets.* -> mart.basket_tags.*',
      'shop.baskets.tags -> mart.basket_tags.tag',
      'shop.orders.customer_id -> mart.order_lines_flat.customer_id',
      'shop.orders.customer_id -> mart.order_lines_slim.customer_id',
      'shop.orders.customer_id -> mart.order_skus.customer_id',
      'shop.orders.line_items -> mart.order_lines_flat.line_items',
      'shop.orders.line_items -> mart.order_lines_flat.qty',
      'shop.orders.line_items -> mart.order_lines_flat.sku',
      'shop.orders.line_items -> mart.order_lines_flat.unit_price',
      'shop.orders.line_items -> mart.order_lines_slim.qty',
      'shop.orders.line_items -> mart.order_lines_slim.sku',
      'shop.orders.line_items -> mart.order_skus.qty',
      'shop.orders.line_items -> mart.order_skus.sku',
      'shop.orders.line_items -> mart.order_skus.unit_price',
      'shop.orders.order_id -> mart.order_lines_flat.order_id',
      'shop.orders.order_id -> mart.order_lines_slim.order_id',
      'shop.orders.order_id -> mart.order_skus.order_id',
    ]);
    expect(decided(a)).toEqual(['shop.orders.line_items -> mart.order_lines_flat.pos']);
    expect(rows(a)).toEqual(['shop.orders.line_items -> mart.order_skus.RelationRows']);
  });

  test('Databricks LATERAL VIEW explode keeps the struct column li under *: no value tables there', () => {
    const a = ok(`CREATE TABLE sales.orders (order_id BIGINT, line_items ARRAY<STRUCT<sku: STRING, qty: INT>>) USING delta;
CREATE TABLE mart.order_lines AS SELECT * FROM sales.orders o LATERAL VIEW explode(o.line_items) x AS li;`, 'dbvdatabricks');
    expect(a.pairs).toEqual([
      'sales.orders.line_items -> mart.order_lines.li',
      'sales.orders.line_items -> mart.order_lines.line_items',
      'sales.orders.order_id -> mart.order_lines.order_id',
    ]);
  });

  test('a CTAS / view / CLONE copying a struct column carries its declared fields: a later UNNEST(s.items) AS li, li.sku, li.*, s.shipping.*', () => {
    const a = ok(`${ORDERS_SHIP_BQ}CREATE TABLE stage.order_snap AS SELECT o.order_id, o.line_items AS items, shipping FROM shop.orders o WHERE o.order_id > 0;
CREATE TABLE mart.snap_lines AS SELECT s.order_id, li.* FROM stage.order_snap s, UNNEST(s.items) AS li;
CREATE TABLE mart.snap_skus AS SELECT s.order_id, li.sku, s.shipping.* FROM stage.order_snap s CROSS JOIN UNNEST(s.items) AS li;
CREATE TABLE stage.order_snap_bak CLONE stage.order_snap;
CREATE TABLE mart.bak_ship_to AS SELECT b.order_id, b.shipping.* FROM stage.order_snap_bak b;
CREATE VIEW mart.v_items (oid, its) AS SELECT order_id, line_items FROM shop.orders;
SELECT v.oid, li.* EXCEPT (unit_price) FROM mart.v_items v, UNNEST(v.its) li;`, 'dbvbigquery');
    expect(a.pairs).toEqual([
      'mart.v_items.its -> RS-1.qty',
      'mart.v_items.its -> RS-1.sku',
      'mart.v_items.oid -> RS-1.oid',
      'shop.orders.line_items -> mart.v_items.its',
      'shop.orders.line_items -> stage.order_snap.items',
      'shop.orders.order_id -> mart.v_items.oid',
      'shop.orders.order_id -> stage.order_snap.order_id',
      'shop.orders.shipping -> stage.order_snap.shipping',
      'stage.order_snap.items -> mart.snap_lines.qty',
      'stage.order_snap.items -> mart.snap_lines.sku',
      'stage.order_snap.items -> mart.snap_lines.unit_price',
      'stage.order_snap.items -> mart.snap_skus.sku',
      'stage.order_snap.items -> stage.order_snap_bak.items',
      'stage.order_snap.order_id -> mart.snap_lines.order_id',
      'stage.order_snap.order_id -> mart.snap_skus.order_id',
      'stage.order_snap.order_id -> stage.order_snap_bak.order_id',
      'stage.order_snap.shipping -> mart.snap_skus.city',
      'stage.order_snap.shipping -> mart.snap_skus.zip',
      'stage.order_snap.shipping -> stage.order_snap_bak.shipping',
      'stage.order_snap_bak.order_id -> mart.bak_ship_to.order_id',
      'stage.order_snap_bak.shipping -> mart.bak_ship_to.city',
      'stage.order_snap_bak.shipping -> mart.bak_ship_to.zip',
    ]);
  });

  test('ALTER TABLE RENAME COLUMN / ADD COLUMN(S) of a struct type / CHANGE COLUMN: the declared fields follow the column (BigQuery, Databricks)', () => {
    const bq = ok(`${ORDERS_SHIP_BQ}ALTER TABLE shop.orders RENAME COLUMN shipping TO ship_to;
ALTER TABLE shop.orders ADD COLUMN billing STRUCT<street STRING, country STRING> OPTIONS (description = 'bill-to'), ADD COLUMN channel STRING;
CREATE TABLE mart.order_addresses AS SELECT o.order_id, o.channel, o.ship_to.*, o.billing.* EXCEPT (street) FROM shop.orders o;`, 'dbvbigquery');
    expect(bq.pairs).toEqual([
      'shop.orders.billing -> mart.order_addresses.country',
      'shop.orders.channel -> mart.order_addresses.channel',
      'shop.orders.order_id -> mart.order_addresses.order_id',
      'shop.orders.ship_to -> mart.order_addresses.city',
      'shop.orders.ship_to -> mart.order_addresses.zip',
    ]);
    const dbx = ok(`CREATE TABLE sales.orders (order_id BIGINT, items ARRAY<STRUCT<sku: STRING, qty: INT>>) USING delta;
ALTER TABLE sales.orders ADD COLUMNS (promo STRUCT<code: STRING, pct: DECIMAL(5,2)> COMMENT 'applied promo', region STRING);
ALTER TABLE sales.orders CHANGE COLUMN items line_items ARRAY<STRUCT<sku: STRING, qty: INT>>;
INSERT OVERWRITE TABLE mart.order_lines SELECT o.order_id, o.region, li.*, o.promo.* FROM sales.orders o LATERAL VIEW explode(o.line_items) x AS li;`, 'dbvdatabricks');
    expect(dbx.pairs).toEqual([
      'sales.orders.line_items -> mart.order_lines.qty',
      'sales.orders.line_items -> mart.order_lines.sku',
      'sales.orders.order_id -> mart.order_lines.order_id',
      'sales.orders.promo -> mart.order_lines.code',
      'sales.orders.promo -> mart.order_lines.pct',
      'sales.orders.region -> mart.order_lines.region',
    ]);
  });

  test('Vertica MAPITEMS / MAPKEYS OVER (PARTITION BEST | NODES | AUTO | BY ..): AS (k, v) or the functions own keys, values, read from the map column', () => {
    const a = ok(`CREATE TABLE web.events (event_id INT, user_id INT, attrs LONG VARBINARY(130000));
CREATE TABLE web.event_attrs AS SELECT MAPITEMS(attrs) OVER (PARTITION BEST) AS (attr_key, attr_value) FROM web.events;
CREATE VIEW web.v_event_attrs AS SELECT x.keys, x."values" FROM (SELECT MAPITEMS(e.attrs) OVER (PARTITION NODES) FROM web.events e WHERE e.user_id IS NOT NULL) x;
INSERT INTO web.event_attrs_by_user SELECT user_id, MAPITEMS(attrs) OVER (PARTITION BY user_id) AS (k, v) FROM web.events;
SELECT DISTINCT keys FROM (SELECT MAPKEYS(attrs) OVER (PARTITION AUTO) FROM web.events) k;`, 'dbvvertica');
    expect(a.pairs).toEqual([
      'web.events.attrs -> RS-1.keys',
      'web.events.attrs -> web.event_attrs.attr_key',
      'web.events.attrs -> web.event_attrs.attr_value',
      'web.events.attrs -> web.event_attrs_by_user.k',
      'web.events.attrs -> web.event_attrs_by_user.v',
      'web.events.attrs -> web.v_event_attrs.keys',
      'web.events.attrs -> web.v_event_attrs.values',
      'web.events.user_id -> web.event_attrs_by_user.user_id',
    ]);
    expect(rows(a)).toEqual(['web.events.user_id -> web.event_attrs_by_user.RelationRows', 'web.events.user_id -> web.v_event_attrs.RelationRows']);
  });
});
