-- 05_adhoc_reports.sql
-- Queries the analysts run against the reporting layer.

-- Top ten products by revenue this year.
SELECT p.sku, p.product_name, SUM(f.net_amount) AS revenue, SUM(f.quantity) AS units
FROM dw.fact_sales f
JOIN dw.dim_product p ON p.product_key = f.product_key
WHERE f.date_key >= 20240101
GROUP BY p.sku, p.product_name
ORDER BY revenue DESC
FETCH FIRST 10 ROWS ONLY;

-- Month-over-month growth per region.
WITH monthly AS (
    SELECT region, sales_year, sales_month, SUM(net_revenue) AS revenue
    FROM dw.rpt_monthly_sales
    GROUP BY region, sales_year, sales_month
)
SELECT region, sales_year, sales_month, revenue,
       revenue - LAG(revenue) OVER (PARTITION BY region ORDER BY sales_year, sales_month) AS growth
FROM monthly;
