-- Golden input, file 2: reporting. Names are unqualified here: with --default-schema dw they
-- are the dw tables of file 1.
CREATE VIEW rpt_customer_sales (customer_key, orders, revenue, revenue_rank) AS
WITH per_customer AS (
    SELECT f.customer_key, COUNT(DISTINCT f.order_id) AS orders, SUM(f.amount) AS revenue
    FROM fact_orders f
    GROUP BY f.customer_key
    HAVING SUM(f.amount) > 0
)
SELECT p.customer_key, p.orders, p.revenue,
       RANK() OVER (ORDER BY p.revenue DESC)
FROM per_customer p;

SELECT d.country, SUM(r.revenue) AS revenue, COUNT(r.customer_key) AS customers
FROM rpt_customer_sales r
JOIN dim_customer d ON d.customer_key = r.customer_key
GROUP BY d.country;
