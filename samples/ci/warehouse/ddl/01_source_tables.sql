-- Source tables loaded from the shop's OLTP database.
CREATE TABLE src.orders (
  order_id    INTEGER NOT NULL,
  customer_id INTEGER NOT NULL,
  order_date  DATE,
  amount      DECIMAL(12, 2),
  discount    DECIMAL(12, 2),
  status      VARCHAR(20)
);

CREATE TABLE src.customers (
  customer_id INTEGER NOT NULL,
  name        VARCHAR(100),
  email       VARCHAR(200),
  region      VARCHAR(20)
);

CREATE TABLE dw.fact_sales (
  order_id    INTEGER,
  customer_id INTEGER,
  order_date  DATE,
  net_amount  DECIMAL(12, 2)
);

CREATE TABLE rpt.sales_by_region (
  region      VARCHAR(20),
  net_amount  DECIMAL(14, 2)
);

CREATE TABLE crm.mailing_list (
  customer_id INTEGER,
  email       VARCHAR(200)
);
