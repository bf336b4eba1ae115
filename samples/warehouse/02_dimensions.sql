-- 02_dimensions.sql
-- Conformed dimensions. New customers and products are appended; changes
-- to existing rows are applied by the MERGE in 03_facts.sql.

CREATE TABLE dw.dim_customer (
    customer_key INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id INTEGER NOT NULL, full_name VARCHAR(110), email VARCHAR(120),
    phone VARCHAR(30), country_name VARCHAR(80), region VARCHAR(40), city VARCHAR(60),
    segment VARCHAR(20), signup_date DATE, lifetime_value NUMERIC(14,2),
    last_order_date DATE, source_system VARCHAR(10), load_ts TIMESTAMP
);

CREATE TABLE dw.dim_product (
    product_key INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id INTEGER NOT NULL, sku VARCHAR(30), product_name VARCHAR(120),
    category_name VARCHAR(80), brand VARCHAR(60), list_price NUMERIC(12,2),
    unit_cost NUMERIC(12,2), margin_pct NUMERIC(7,2), price_band VARCHAR(10),
    is_active BOOLEAN, load_ts TIMESTAMP
);

-- Latest version of each customer across both feeds (CTE + ROW_NUMBER).
INSERT INTO dw.dim_customer
    (customer_id, full_name, email, phone, country_name, region, city,
     segment, signup_date, source_system, load_ts)
WITH ranked AS (
    SELECT s.*,
           ROW_NUMBER() OVER (PARTITION BY s.customer_id
                              ORDER BY s.updated_at DESC, s.source_system) AS rn
    FROM stage.stg_customer s
)
SELECT r.customer_id,
       TRIM(r.first_name || ' ' || r.last_name) AS full_name,
       LOWER(r.email), COALESCE(r.phone, 'n/a'),
       COALESCE(ctry.country_name, 'Unknown'), COALESCE(ctry.region, 'Unknown'),
       r.city,
       CASE r.segment_code
            WHEN 'ENT' THEN 'Enterprise'
            WHEN 'SMB' THEN 'Small Business'
            WHEN 'RETAIL' THEN 'Consumer'
            ELSE 'Other'
       END,
       r.signup_date, r.source_system, CURRENT_TIMESTAMP
FROM ranked r
LEFT JOIN src.ref_countries ctry ON ctry.country_code = r.country_code
WHERE r.rn = 1
  AND NOT EXISTS (SELECT 1 FROM dw.dim_customer d WHERE d.customer_id = r.customer_id);

-- Products: dedupe in a derived table, resolve the category name.
INSERT INTO dw.dim_product
    (product_id, sku, product_name, category_name, brand, list_price,
     unit_cost, margin_pct, price_band, is_active, load_ts)
SELECT p.product_id, UPPER(p.sku), p.product_name,
       COALESCE(cat.category_name, 'Uncategorised'), p.brand,
       CAST(p.list_price AS NUMERIC(12,2)), p.unit_cost,
       CASE WHEN p.list_price > 0
            THEN CAST(100 * (p.list_price - p.unit_cost) / p.list_price AS NUMERIC(7,2))
       END AS margin_pct,
       CASE WHEN p.list_price < 20 THEN 'LOW'
            WHEN p.list_price < 100 THEN 'MID'
            ELSE 'HIGH'
       END,
       CASE WHEN p.discontinued = 'Y' THEN FALSE ELSE TRUE END, CURRENT_TIMESTAMP
FROM (
    SELECT sp.product_id, sp.sku, sp.product_name, sp.category_id, sp.brand,
           sp.list_price, sp.unit_cost, sp.discontinued,
           ROW_NUMBER() OVER (PARTITION BY sp.product_id ORDER BY sp.updated_at DESC) AS rn
    FROM stage.stg_product sp
) p
LEFT JOIN stage.stg_category cat ON cat.category_id = p.category_id
WHERE p.rn = 1
  AND p.product_id NOT IN (SELECT dp.product_id FROM dw.dim_product dp);
