-- Oracle: the regional sales report.
CREATE OR REPLACE PACKAGE BODY rpt.sales_report AS
  PROCEDURE refresh IS
  BEGIN
    DELETE FROM rpt.sales_by_region;
    INSERT INTO rpt.sales_by_region (region, net_amount)
    SELECT c.region, SUM(f.net_amount)
    FROM dw.fact_sales f
    JOIN stage.v_customers c ON c.customer_id = f.customer_id
    GROUP BY c.region;
  END refresh;
END sales_report;
/
