-- 03_run_load.sql : SQL*Plus driver for the nightly run
SET SERVEROUTPUT ON
SET FEEDBACK OFF
WHENEVER SQLERROR EXIT SQL.SQLCODE ROLLBACK
PROMPT loading warehouse for yesterday ...

DECLARE
  v_load_date DATE := TRUNC(SYSDATE) - 1;
  v_before    NUMBER;
  v_after     NUMBER;
BEGIN
  v_before := dw_load.customer_count;
  dw_load.run_all(v_load_date);
  v_after := dw_load.customer_count;
  DBMS_OUTPUT.PUT_LINE('active customers: ' || v_before || ' -> ' || v_after);

  -- daily revenue summary used by the morning report
  DELETE FROM daily_revenue WHERE revenue_date = v_load_date;

  INSERT INTO daily_revenue (revenue_date, region, channel, order_count, revenue)
  SELECT f.order_date, NVL(d.region, 'Unknown'), f.channel, COUNT(DISTINCT f.order_id), SUM(f.amount)
    FROM fact_orders f, dim_customer d
   WHERE d.customer_sk (+) = f.customer_sk
     AND f.order_date = v_load_date
   GROUP BY f.order_date, NVL(d.region, 'Unknown'), f.channel;

  COMMIT;
EXCEPTION
  WHEN OTHERS THEN
    DBMS_OUTPUT.PUT_LINE('load failed: ' || SQLERRM);
    RAISE;
END;
/

PROMPT done
SELECT region, channel, SUM(revenue) AS revenue
  FROM daily_revenue
 WHERE revenue_date >= TRUNC(SYSDATE) - 7
 GROUP BY region, channel
 ORDER BY revenue DESC;
