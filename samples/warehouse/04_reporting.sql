-- 04_reporting.sql
-- Reporting layer: views for the BI tool and a snapshot table.

CREATE OR REPLACE VIEW dw.rpt_monthly_sales
    (sales_year, sales_month, region, category_name, order_count, units_sold, net_revenue)
AS
SELECT f.date_key / 10000, MOD(f.date_key / 100, 100), c.region, p.category_name,
       COUNT(DISTINCT f.order_id), SUM(f.quantity), SUM(f.net_amount)
FROM dw.fact_sales f
JOIN dw.dim_customer c ON c.customer_key = f.customer_key
JOIN dw.dim_product p ON p.product_key = f.product_key
GROUP BY f.date_key / 10000, MOD(f.date_key / 100, 100), c.region, p.category_name;

CREATE OR REPLACE VIEW dw.rpt_customer_contacts
    (customer_id, full_name, contact_type, contact_value)
AS
SELECT customer_id, full_name, 'EMAIL', email
FROM dw.dim_customer
WHERE email IS NOT NULL
UNION ALL
SELECT customer_id, full_name, 'PHONE', phone
FROM dw.dim_customer
WHERE phone <> 'n/a';

CREATE OR REPLACE VIEW dw.rpt_category_tree
    (category_id, category_name, category_path, depth)
AS
WITH RECURSIVE tree (category_id, category_name, category_path, depth) AS (
    SELECT category_id, category_name, CAST(category_name AS VARCHAR(400)), 1
    FROM stage.stg_category
    WHERE parent_category_id IS NULL
    UNION ALL
    SELECT ch.category_id, ch.category_name,
           CAST(t.category_path || ' > ' || ch.category_name AS VARCHAR(400)),
           t.depth + 1
    FROM stage.stg_category ch
    JOIN tree t ON ch.parent_category_id = t.category_id
)
SELECT category_id, category_name, category_path, depth
FROM tree;

CREATE OR REPLACE VIEW dw.rpt_customer_activity
    (customer_id, full_name, segment, order_count, net_revenue, activity_status)
AS
SELECT c.customer_id, c.full_name, c.segment,
       COALESCE(s.order_count, 0), COALESCE(s.net_revenue, 0),
       CASE WHEN s.order_count IS NULL THEN 'INACTIVE'
            WHEN s.order_count >= 10 THEN 'LOYAL'
            ELSE 'ACTIVE'
       END
FROM dw.dim_customer c
LEFT JOIN (
    SELECT customer_key, COUNT(DISTINCT order_id) AS order_count,
           SUM(net_amount) AS net_revenue
    FROM dw.fact_sales
    GROUP BY customer_key
) s ON s.customer_key = c.customer_key;

-- Open orders are not in the fact yet; keep a copy for the service desk.
CREATE TABLE dw.snap_open_orders AS
SELECT * FROM stage.stg_order WHERE status = 'OPEN';
