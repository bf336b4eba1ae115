-- 01_staging.sql
-- Land the nightly extracts from the source systems (CRM, web shop, ERP)
-- into the stage schema. Staging tables are truncated by the scheduler
-- before this script runs.

CREATE SCHEMA stage;
CREATE SCHEMA dw;

CREATE TABLE stage.stg_customer (
    customer_id INTEGER NOT NULL, first_name VARCHAR(50), last_name VARCHAR(50),
    email VARCHAR(120), phone VARCHAR(30), country_code CHAR(2), city VARCHAR(60),
    segment_code VARCHAR(10), signup_date DATE, updated_at TIMESTAMP,
    source_system VARCHAR(10)
);

CREATE TABLE stage.stg_product (
    product_id INTEGER NOT NULL, sku VARCHAR(30), product_name VARCHAR(120),
    category_id INTEGER, brand VARCHAR(60), list_price NUMERIC(12,2),
    unit_cost NUMERIC(12,2), currency_code CHAR(3), discontinued CHAR(1),
    updated_at TIMESTAMP
);

CREATE TABLE stage.stg_category (
    category_id INTEGER NOT NULL, parent_category_id INTEGER, category_name VARCHAR(80)
);

CREATE TABLE stage.stg_order (
    order_id INTEGER NOT NULL, order_line INTEGER NOT NULL, customer_id INTEGER,
    product_id INTEGER, order_date DATE, quantity INTEGER, unit_price NUMERIC(12,2),
    discount_pct NUMERIC(5,2), currency_code CHAR(3), status VARCHAR(12),
    channel VARCHAR(20)
);

-- Customers come from two systems; both feeds are kept, deduplication
-- happens when the dimension is loaded.
INSERT INTO stage.stg_customer
    (customer_id, first_name, last_name, email, phone, country_code,
     city, segment_code, signup_date, updated_at, source_system)
SELECT c.cust_id, TRIM(c.first_nm), TRIM(c.last_nm), c.email_addr, c.phone_no,
       UPPER(c.country_cd), c.city_nm, c.segment_cd, c.created_dt,
       c.last_modified_ts, 'CRM'
FROM src.crm_customers c
WHERE c.deleted_flag = 'N'
UNION ALL
SELECT w.customer_ref, w.given_name, w.family_name, LOWER(w.email), w.mobile,
       UPPER(w.country), w.city, 'RETAIL', CAST(w.signup_ts AS DATE),
       w.signup_ts, 'WEB'
FROM src.web_signups w
WHERE w.customer_ref IS NOT NULL;

-- Same layout as the ERP table: positional insert of every column.
INSERT INTO stage.stg_product
SELECT * FROM src.erp_products;

INSERT INTO stage.stg_category (category_id, parent_category_id, category_name)
SELECT category_id, parent_category_id, category_name
FROM src.erp_product_categories;

INSERT INTO stage.stg_order
    (order_id, order_line, customer_id, product_id, order_date, quantity,
     unit_price, discount_pct, currency_code, status, channel)
SELECT h.order_id, l.line_no, h.customer_id, l.product_id, h.order_date,
       l.quantity, l.unit_price, COALESCE(l.discount_pct, 0), h.currency_code,
       UPPER(h.status), h.channel
FROM src.erp_order_headers h
JOIN src.erp_order_lines l ON l.order_id = h.order_id
WHERE h.order_date >= DATE '2024-01-01';
