/**
 * Lineage gaps found in session 11 (fourth sweep): struct fields of declared column types carried
 * further (BigQuery `SELECT *` over UNNEST, ...). Pairs are `source -> target` per relation type.
 */
import { decided, ok } from '../helpers/accuracy.js';

const ORDERS_BQ = `CREATE TABLE shop.orders (
  order_id INT64 NOT NULL,
  customer_id INT64,
  line_items ARRAY<STRUCT<sku STRING, qty INT64, unit_price NUMERIC>> OPTIONS (description = 'one per line')
);
`;

describe('struct fields declared with the column type, carried further', () => {
  test('BigQuery SELECT * over FROM o, UNNEST(o.line_items) AS li / o.line_items li: the row li is a value, * gives its declared fields', () => {
    const a = ok(`${ORDERS_BQ}
CREATE TABLE mart.order_lines_flat AS
SELECT * FROM shop.orders o, UNNEST(o.line_items) AS li WITH OFFSET AS pos;
CREATE TABLE mart.order_lines_slim AS
SELECT * EXCEPT (line_items, unit_price) FROM shop.orders o, o.line_items li;
CREATE TABLE mart.basket_tags AS
SELECT * FROM shop.baskets b, UNNEST(b.tags) AS tag;`, 'dbvbigquery');
    expect(a.pairs).toEqual([
      'shop.baskets.* -> mart.basket_tags.*',
      'shop.baskets.tags -> mart.basket_tags.tag',
      'shop.orders.customer_id -> mart.order_lines_flat.customer_id',
      'shop.orders.customer_id -> mart.order_lines_slim.customer_id',
      'shop.orders.line_items -> mart.order_lines_flat.line_items',
      'shop.orders.line_items -> mart.order_lines_flat.qty',
      'shop.orders.line_items -> mart.order_lines_flat.sku',
      'shop.orders.line_items -> mart.order_lines_flat.unit_price',
      'shop.orders.line_items -> mart.order_lines_slim.qty',
      'shop.orders.line_items -> mart.order_lines_slim.sku',
      'shop.orders.order_id -> mart.order_lines_flat.order_id',
      'shop.orders.order_id -> mart.order_lines_slim.order_id',
    ]);
    expect(decided(a)).toEqual(['shop.orders.line_items -> mart.order_lines_flat.pos']);
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
});
