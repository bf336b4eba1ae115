-- T-SQL: loads the sales fact from the staging view.
CREATE PROCEDURE dw.load_fact_sales
AS
BEGIN
    SET NOCOUNT ON;
    DELETE FROM dw.fact_sales;
    INSERT INTO dw.fact_sales (order_id, customer_id, order_date, net_amount)
    SELECT v.order_id, v.customer_id, v.order_date, v.net_amount
    FROM stage.v_orders v;
END
GO

CREATE PROCEDURE crm.refresh_mailing_list
AS
BEGIN
    INSERT INTO crm.mailing_list (customer_id, email)
    SELECT c.customer_id, c.email
    FROM src.customers c
    WHERE c.email IS NOT NULL;
END
GO
