-- Golden input, file 1: load a customer dimension and an order fact (dbvansi).
CREATE TABLE stage.orders (
    order_id INTEGER NOT NULL, customer_id INTEGER, order_date DATE,
    amount NUMERIC(12,2), status VARCHAR(10)
);

-- Positional copy: the columns of src.customers are known only with --schema.
INSERT INTO stage.customers
SELECT * FROM src.customers;

MERGE INTO dw.dim_customer AS d
USING (SELECT c.customer_id, c.name, c.country FROM stage.customers c) AS s
ON d.customer_id = s.customer_id
WHEN MATCHED THEN
    UPDATE SET name = s.name, country = UPPER(s.country)
WHEN NOT MATCHED THEN
    INSERT (customer_id, name, country) VALUES (s.customer_id, s.name, s.country);

INSERT INTO dw.fact_orders (order_id, customer_key, order_month, amount, amount_band)
SELECT o.order_id, c.customer_key, EXTRACT(MONTH FROM o.order_date), o.amount,
       CASE WHEN o.amount >= 1000 THEN 'HIGH' ELSE 'LOW' END
FROM stage.orders o
JOIN dw.dim_customer c ON c.customer_id = o.customer_id
WHERE o.status <> 'CANCELLED';

UPDATE dw.dim_customer
SET last_order_date = (SELECT MAX(o.order_date) FROM stage.orders o
                       WHERE o.customer_id = dw.dim_customer.customer_id);
