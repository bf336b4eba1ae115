-- 03_facts.sql
-- Refresh product prices, load the sales fact at order/product grain,
-- roll figures back onto the customer dimension, remove cancelled orders.

MERGE INTO dw.dim_product AS d
USING (
    SELECT sp.product_id, sp.sku, sp.product_name, sp.brand, sp.unit_cost,
           pl.list_price
    FROM stage.stg_product sp
    JOIN src.erp_price_list pl
      ON pl.product_id = sp.product_id
     AND pl.effective_from = CURRENT_DATE
) AS s
ON d.product_id = s.product_id
WHEN MATCHED AND d.list_price <> s.list_price THEN
    UPDATE SET list_price = s.list_price,
               margin_pct = CAST(100 * (s.list_price - s.unit_cost) / NULLIF(s.list_price, 0) AS NUMERIC(7,2)),
               load_ts = CURRENT_TIMESTAMP
WHEN NOT MATCHED THEN
    INSERT (product_id, sku, product_name, category_name, brand, list_price,
            unit_cost, price_band, is_active, load_ts)
    VALUES (s.product_id, UPPER(s.sku), s.product_name, 'Uncategorised', s.brand,
            s.list_price, s.unit_cost, 'MID', TRUE, CURRENT_TIMESTAMP);

CREATE TABLE dw.fact_sales (
    date_key INTEGER NOT NULL, customer_key INTEGER NOT NULL, product_key INTEGER NOT NULL,
    order_id INTEGER NOT NULL, line_count INTEGER, quantity INTEGER,
    gross_amount NUMERIC(14,2), discount_amount NUMERIC(14,2), net_amount NUMERIC(14,2),
    currency_code CHAR(3), channel VARCHAR(20), load_ts TIMESTAMP
);

INSERT INTO dw.fact_sales
    (date_key, customer_key, product_key, order_id, line_count, quantity,
     gross_amount, discount_amount, net_amount, currency_code, channel, load_ts)
SELECT CAST(EXTRACT(YEAR FROM o.order_date) * 10000
            + EXTRACT(MONTH FROM o.order_date) * 100
            + EXTRACT(DAY FROM o.order_date) AS INTEGER) AS date_key,
       c.customer_key, p.product_key, o.order_id,
       COUNT(*) AS line_count, SUM(o.quantity), SUM(o.quantity * o.unit_price),
       SUM(o.quantity * o.unit_price * o.discount_pct / 100),
       SUM(o.quantity * o.unit_price * (1 - o.discount_pct / 100)) AS net_amount,
       o.currency_code, COALESCE(o.channel, 'UNKNOWN'), CURRENT_TIMESTAMP
FROM stage.stg_order o
INNER JOIN dw.dim_customer c ON c.customer_id = o.customer_id
INNER JOIN dw.dim_product p ON p.product_id = o.product_id
WHERE o.status <> 'CANCELLED'
GROUP BY o.order_date, c.customer_key, p.product_key, o.order_id,
         o.currency_code, o.channel
HAVING SUM(o.quantity) > 0;

-- Roll lifetime value and last order date onto the customer dimension.
UPDATE dw.dim_customer AS c
SET lifetime_value  = agg.total_net,
    last_order_date = CAST(CAST(agg.last_date_key AS VARCHAR(8)) AS DATE),
    load_ts         = CURRENT_TIMESTAMP
FROM (
    SELECT f.customer_key, SUM(f.net_amount) AS total_net, MAX(f.date_key) AS last_date_key
    FROM dw.fact_sales f
    GROUP BY f.customer_key
) AS agg
WHERE c.customer_key = agg.customer_key
  AND (c.lifetime_value IS NULL OR c.lifetime_value <> agg.total_net);

-- Orders cancelled in the source after they were loaded.
DELETE FROM dw.fact_sales
WHERE order_id IN (
    SELECT x.order_id
    FROM src.erp_order_cancellations x
    WHERE x.cancelled_at >= CURRENT_DATE - INTERVAL '30' DAY
);
