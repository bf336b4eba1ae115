-- 02_dw_load_pkg.sql : nightly load package (specification and body)

CREATE OR REPLACE PACKAGE dw_load AS
  PROCEDURE load_dim_customer (p_load_date IN DATE DEFAULT TRUNC(SYSDATE));
  PROCEDURE load_fact_orders (p_load_date IN DATE);
  PROCEDURE load_employee_hierarchy;
  FUNCTION customer_count RETURN NUMBER;
  PROCEDURE run_all (p_load_date IN DATE DEFAULT TRUNC(SYSDATE));
END dw_load;
/

CREATE OR REPLACE PACKAGE BODY dw_load AS

  c_module CONSTANT VARCHAR2(30) := 'DW_LOAD';

  PROCEDURE log_msg (p_proc IN VARCHAR2, p_msg IN VARCHAR2) IS
    PRAGMA AUTONOMOUS_TRANSACTION;
  BEGIN
    INSERT INTO etl_log (log_id, module_name, proc_name, log_time, message)
    VALUES (seq_etl_log.NEXTVAL, c_module, p_proc, SYSTIMESTAMP, SUBSTR(p_msg, 1, 4000));
    COMMIT;
  END log_msg;

  PROCEDURE load_dim_customer (p_load_date IN DATE DEFAULT TRUNC(SYSDATE)) IS
    CURSOR c_gone IS
      SELECT d.customer_sk, d.cust_id
        FROM dim_customer d
       WHERE d.is_active = 'Y'
         AND NOT EXISTS (SELECT 1 FROM stg_customer s WHERE s.cust_id = d.cust_id);
    v_rows   PLS_INTEGER := 0;
    v_active NUMBER;
  BEGIN
    MERGE INTO dim_customer d
    USING (
      SELECT s.cust_id,
             s.first_name || ' ' || s.last_name AS full_name,
             LOWER(s.email) AS email,
             NVL(s.phone, 'n/a') AS phone,
             NVL(r.country_name, 'Unknown') AS country_name,
             r.region,
             DECODE(s.cust_type, 'B', 'Business', 'P', 'Private', 'Other') AS customer_type,
             CASE WHEN s.credit_limit >= 50000 THEN 'A'
                  WHEN s.credit_limit >= 10000 THEN 'B'
                  ELSE 'C' END AS credit_band,
             s.status
        FROM stg_customer s, ref_country r
       WHERE r.country_code (+) = s.country_code
    ) src
    ON (d.cust_id = src.cust_id)
    WHEN MATCHED THEN
      UPDATE SET d.full_name     = src.full_name,
                 d.email         = src.email,
                 d.phone         = src.phone,
                 d.country_name  = src.country_name,
                 d.region        = src.region,
                 d.customer_type = src.customer_type,
                 d.credit_band   = src.credit_band,
                 d.load_date     = p_load_date
      DELETE WHERE src.status = 'CLOSED'
    WHEN NOT MATCHED THEN
      INSERT (customer_sk, cust_id, full_name, email, phone, country_name, region,
              customer_type, credit_band, is_active, load_date)
      VALUES (seq_customer_sk.NEXTVAL, src.cust_id, src.full_name, src.email, src.phone,
              src.country_name, src.region, src.customer_type, src.credit_band, 'Y', p_load_date)
      WHERE src.status <> 'CLOSED';

    v_rows := SQL%ROWCOUNT;
    log_msg('load_dim_customer', 'merged ' || v_rows || ' rows');

    -- customers no longer delivered by the source are flagged, not deleted
    FOR r IN c_gone LOOP
      UPDATE dim_customer
         SET is_active = 'N',
             load_date = p_load_date
       WHERE customer_sk = r.customer_sk;
    END LOOP;

    SELECT COUNT(*) INTO v_active FROM dim_customer WHERE is_active = 'Y';
    log_msg('load_dim_customer', 'active customers: ' || v_active);
    COMMIT;
  EXCEPTION
    WHEN OTHERS THEN
      ROLLBACK;
      log_msg('load_dim_customer', SQLERRM);
      RAISE;
  END load_dim_customer;

  PROCEDURE load_fact_orders (p_load_date IN DATE) IS
    v_last_date DATE;
  BEGIN
    EXECUTE IMMEDIATE 'TRUNCATE TABLE gtt_order_work';

    SELECT NVL(MAX(order_date), DATE '1900-01-01')
      INTO v_last_date
      FROM fact_orders;

    INSERT INTO gtt_order_work (order_id, order_line, cust_id, product_code, order_date, qty, amount, channel)
    SELECT o.order_id, o.order_line, o.cust_id, UPPER(o.product_code), TRUNC(o.order_date),
           o.qty, ROUND(o.qty * o.unit_price, 2), o.channel_code
      FROM stg_order o
     WHERE o.order_date > v_last_date;

    -- one row per line into the fact, plus alert and orphan side tables
    INSERT ALL
      WHEN 1 = 1 THEN
        INTO fact_orders (order_id, order_line, customer_sk, product_code, order_date, qty, amount, channel, load_date)
        VALUES (order_id, order_line, customer_sk, product_code, order_date, qty, amount, channel, p_load_date)
      WHEN amount >= 10000 THEN
        INTO big_order_alert (order_id, customer_sk, amount, alert_date)
        VALUES (order_id, customer_sk, amount, p_load_date)
      WHEN customer_sk IS NULL THEN
        INTO orphan_order (order_id, order_line, cust_id, load_date)
        VALUES (order_id, order_line, cust_id, p_load_date)
    SELECT w.order_id, w.order_line, w.cust_id, d.customer_sk, w.product_code, w.order_date,
           w.qty, w.amount,
           DECODE(w.channel, 'W', 'WEB', 'S', 'STORE', 'P', 'PHONE', 'UNKNOWN') AS channel
      FROM gtt_order_work w, dim_customer d
     WHERE d.cust_id (+) = w.cust_id;

    -- late-arriving customers: attach the orphans that can now be resolved
    FOR r IN (SELECT o.order_id, o.order_line, d.customer_sk
                FROM orphan_order o
                JOIN dim_customer d ON d.cust_id = o.cust_id
               WHERE d.is_active = 'Y') LOOP
      UPDATE fact_orders f
         SET f.customer_sk = r.customer_sk
       WHERE f.order_id = r.order_id
         AND f.order_line = r.order_line;

      DELETE FROM orphan_order
       WHERE order_id = r.order_id
         AND order_line = r.order_line;
    END LOOP;

    COMMIT;
  EXCEPTION
    WHEN OTHERS THEN
      ROLLBACK;
      log_msg('load_fact_orders', SQLERRM);
      RAISE;
  END load_fact_orders;

  PROCEDURE load_employee_hierarchy IS
  BEGIN
    EXECUTE IMMEDIATE 'TRUNCATE TABLE dim_employee_hier';

    INSERT INTO dim_employee_hier
      (employee_id, manager_id, employee_name, emp_path, hier_level, top_manager_id, is_leaf)
    SELECT e.employee_id,
           e.manager_id,
           e.first_name || ' ' || e.last_name,
           SYS_CONNECT_BY_PATH(e.last_name, '/'),
           LEVEL,
           CONNECT_BY_ROOT e.employee_id,
           CONNECT_BY_ISLEAF
      FROM src_employees e
     START WITH e.manager_id IS NULL
   CONNECT BY PRIOR e.employee_id = e.manager_id
     ORDER SIBLINGS BY e.last_name;

    COMMIT;
  END load_employee_hierarchy;

  FUNCTION customer_count RETURN NUMBER IS
    v_count NUMBER;
  BEGIN
    SELECT COUNT(*) INTO v_count FROM dim_customer WHERE is_active = 'Y';
    RETURN v_count;
  END customer_count;

  PROCEDURE run_all (p_load_date IN DATE DEFAULT TRUNC(SYSDATE)) IS
  BEGIN
    log_msg('run_all', 'start ' || TO_CHAR(p_load_date, 'YYYY-MM-DD'));
    load_dim_customer(p_load_date);
    load_fact_orders(p_load_date);
    load_employee_hierarchy;
    log_msg('run_all', 'done');
  END run_all;

END dw_load;
/
