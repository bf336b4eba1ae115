-- 01_tables.sql : staging, warehouse and work tables for the DW_LOAD package

CREATE TABLE stg_customer (
  cust_id       NUMBER(10)     NOT NULL,
  first_name    VARCHAR2(50),
  last_name     VARCHAR2(50),
  email         VARCHAR2(120),
  phone         VARCHAR2(30),
  country_code  CHAR(2),
  cust_type     CHAR(1),
  credit_limit  NUMBER(12,2),
  status        VARCHAR2(10),
  updated_at    DATE
);

CREATE TABLE ref_country (
  country_code CHAR(2) PRIMARY KEY, country_name VARCHAR2(80), region VARCHAR2(40)
);

CREATE TABLE stg_order (
  order_id NUMBER(12) NOT NULL, order_line NUMBER(4) NOT NULL, cust_id NUMBER(10),
  product_code VARCHAR2(25), order_date DATE, qty NUMBER(8), unit_price NUMBER(12,2),
  channel_code CHAR(1)
);

CREATE TABLE src_employees (
  employee_id NUMBER(6) PRIMARY KEY, first_name VARCHAR2(40), last_name VARCHAR2(40),
  manager_id NUMBER(6), dept_id NUMBER(4), hire_date DATE
);

CREATE TABLE dim_customer (
  customer_sk    NUMBER(10) PRIMARY KEY,
  cust_id        NUMBER(10) NOT NULL,
  full_name      VARCHAR2(101),
  email          VARCHAR2(120),
  phone          VARCHAR2(30),
  country_name   VARCHAR2(80),
  region         VARCHAR2(40),
  customer_type  VARCHAR2(20),
  credit_band    CHAR(1),
  is_active      CHAR(1) DEFAULT 'Y',
  load_date      DATE
);

CREATE TABLE dim_employee_hier (
  employee_id NUMBER(6), manager_id NUMBER(6), employee_name VARCHAR2(81),
  emp_path VARCHAR2(1000), hier_level NUMBER(3), top_manager_id NUMBER(6), is_leaf NUMBER(1)
);

CREATE TABLE fact_orders (
  order_id NUMBER(12), order_line NUMBER(4), customer_sk NUMBER(10), product_code VARCHAR2(25),
  order_date DATE, qty NUMBER(8), amount NUMBER(14,2), channel VARCHAR2(10), load_date DATE
);

CREATE TABLE big_order_alert (
  order_id NUMBER(12), customer_sk NUMBER(10), amount NUMBER(14,2), alert_date DATE
);

CREATE TABLE orphan_order (
  order_id NUMBER(12), order_line NUMBER(4), cust_id NUMBER(10), load_date DATE
);

CREATE TABLE daily_revenue (
  revenue_date DATE, region VARCHAR2(40), channel VARCHAR2(10), order_count NUMBER, revenue NUMBER(16,2)
);

CREATE TABLE etl_log (
  log_id NUMBER PRIMARY KEY, module_name VARCHAR2(30), proc_name VARCHAR2(30),
  log_time TIMESTAMP, message VARCHAR2(4000)
);

CREATE GLOBAL TEMPORARY TABLE gtt_order_work (
  order_id NUMBER(12), order_line NUMBER(4), cust_id NUMBER(10), product_code VARCHAR2(25),
  order_date DATE, qty NUMBER(8), amount NUMBER(14,2), channel CHAR(1)
) ON COMMIT PRESERVE ROWS;

CREATE SEQUENCE seq_customer_sk START WITH 1 INCREMENT BY 1 CACHE 100;
CREATE SEQUENCE seq_etl_log START WITH 1 INCREMENT BY 1 NOCACHE;
