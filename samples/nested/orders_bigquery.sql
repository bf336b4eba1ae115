-- Nested order lines in BigQuery: UNNEST with WITH OFFSET, a pivot, a self-update and
-- an UPDATE through a CTE-free join; see README "Lineage conventions".
DECLARE run_date DATE DEFAULT CURRENT_DATE();

CREATE OR REPLACE TABLE `acme.dw.order_lines` AS
SELECT o.id AS order_id, li.sku, li.qty * li.price AS amount, pos AS line_no,
       DATE_TRUNC(o.created_at, MONTH) AS order_month
FROM `acme.raw.orders` o, UNNEST(o.items) AS li WITH OFFSET AS pos;

CREATE OR REPLACE TABLE acme.dw.sku_quarters AS
SELECT * FROM (SELECT sku, amount, EXTRACT(QUARTER FROM order_month) AS q FROM acme.dw.order_lines)
PIVOT (SUM(amount) AS total FOR q IN (1 AS q1, 2 AS q2, 3 AS q3, 4 AS q4));

UPDATE acme.dw.sku_quarters SET total_q1 = total_q1 + 0 WHERE sku IS NOT NULL;
