-- Staging views over the source tables.
CREATE VIEW stage.v_orders AS
SELECT o.order_id,
       o.customer_id,
       o.order_date,
       o.amount - o.discount AS net_amount
FROM src.orders o
WHERE o.status <> 'cancelled';

CREATE VIEW stage.v_customers AS
SELECT c.customer_id, c.name, c.region
FROM src.customers c;
