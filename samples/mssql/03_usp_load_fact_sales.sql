-- 03_usp_load_fact_sales.sql : incremental load of dbo.FactSales
USE [SalesDW]
GO

CREATE OR ALTER PROCEDURE [dbo].[usp_load_fact_sales]
    @BatchID INT
AS
BEGIN
    SET NOCOUNT ON

    DECLARE @FromDate DATE
    DECLARE @Msg NVARCHAR(400)

    SELECT @FromDate = ISNULL(MAX(CONVERT(DATE, CONVERT(CHAR(8), OrderDateKey), 112)), '19000101')
    FROM dbo.FactSales

    SELECT l.SalesOrderID,
           l.LineNumber,
           CONVERT(INT, CONVERT(CHAR(8), l.OrderDate, 112)) AS OrderDateKey,
           ISNULL(dc.CustomerKey, -1) AS CustomerKey,
           ISNULL(dp.ProductKey, -1) AS ProductKey,
           l.OrderQty AS Quantity,
           CAST(l.OrderQty * l.UnitPrice AS MONEY) AS SalesAmount,
           CAST(l.OrderQty * l.UnitPrice * l.UnitPriceDiscount AS MONEY) AS DiscountAmount,
           ISNULL(l.TaxAmt, 0) AS TaxAmount,
           DATEDIFF(DAY, l.OrderDate, l.ShipDate) AS ShipDays,
           CASE l.[Status] WHEN 1 THEN N'In process' WHEN 5 THEN N'Shipped'
                           WHEN 6 THEN N'Cancelled' ELSE N'Other' END AS OrderStatus
    INTO #tmp
    FROM stg.SalesOrderLine AS l WITH (NOLOCK)
    LEFT JOIN dbo.DimCustomer AS dc ON dc.CustomerID = l.CustomerID AND dc.IsCurrent = 1
    LEFT JOIN dbo.DimProduct AS dp ON dp.ProductCode = l.ProductCode
    WHERE l.OrderDate >= @FromDate

    CREATE CLUSTERED INDEX ix_tmp ON #tmp (SalesOrderID, LineNumber)

    IF EXISTS (SELECT 1 FROM #tmp WHERE CustomerKey = -1)
    BEGIN
        SET @Msg = N'Late-arriving customers in batch ' + CONVERT(NVARCHAR(10), @BatchID)
        RAISERROR(@Msg, 10, 1) WITH NOWAIT

        -- inferred members, completed later by usp_load_dim_customer
        INSERT INTO dbo.DimCustomer (CustomerID, CustomerName, CustomerType, IsCurrent, InsertedAt)
        SELECT DISTINCT l.CustomerID, N'Unknown customer ' + CAST(l.CustomerID AS NVARCHAR(10)), N'Unknown', 1, SYSDATETIME()
        FROM stg.SalesOrderLine AS l
        WHERE NOT EXISTS (SELECT 1 FROM dbo.DimCustomer AS d WHERE d.CustomerID = l.CustomerID)

        UPDATE t
        SET t.CustomerKey = dc.CustomerKey
        FROM #tmp AS t
        INNER JOIN stg.SalesOrderLine AS l ON l.SalesOrderID = t.SalesOrderID AND l.LineNumber = t.LineNumber
        INNER JOIN dbo.DimCustomer AS dc ON dc.CustomerID = l.CustomerID
        WHERE t.CustomerKey = -1
    END
    ELSE
    BEGIN
        PRINT N'All customers resolved for batch ' + CAST(@BatchID AS NVARCHAR(10))
    END

    BEGIN TRY
        BEGIN TRANSACTION

        -- lines loaded before: refresh the measures
        UPDATE f
        SET f.Quantity       = t.Quantity,
            f.SalesAmount    = t.SalesAmount,
            f.DiscountAmount = t.DiscountAmount,
            f.TaxAmount      = t.TaxAmount,
            f.ShipDays       = t.ShipDays,
            f.OrderStatus    = t.OrderStatus,
            f.LoadBatchID    = @BatchID
        FROM dbo.FactSales AS f
        JOIN #tmp t ON t.SalesOrderID = f.SalesOrderID AND t.LineNumber = f.LineNumber
        WHERE f.SalesAmount <> t.SalesAmount OR f.OrderStatus <> t.OrderStatus

        INSERT INTO dbo.FactSales (SalesOrderID, LineNumber, OrderDateKey, CustomerKey, ProductKey, Quantity,
                                   SalesAmount, DiscountAmount, TaxAmount, ShipDays, OrderStatus, LoadBatchID)
        SELECT t.SalesOrderID, t.LineNumber, t.OrderDateKey, t.CustomerKey, t.ProductKey, t.Quantity,
               t.SalesAmount, t.DiscountAmount, t.TaxAmount, t.ShipDays, t.OrderStatus, @BatchID
        FROM #tmp AS t
        WHERE NOT EXISTS (SELECT 1 FROM dbo.FactSales AS f
                          WHERE f.SalesOrderID = t.SalesOrderID AND f.LineNumber = t.LineNumber)

        DELETE f
        FROM dbo.FactSales AS f
        INNER JOIN #tmp AS t ON t.SalesOrderID = f.SalesOrderID AND t.LineNumber = f.LineNumber
        WHERE t.OrderStatus = N'Cancelled'

        COMMIT
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION

        DECLARE @err NVARCHAR(4000) = ERROR_MESSAGE()
        INSERT INTO dbo.EtlRunLog (ProcName, StartedAt, FinishedAt, ErrorMessage)
        VALUES (N'usp_load_fact_sales', SYSDATETIME(), SYSDATETIME(), @err);
        THROW;
    END CATCH

    DROP TABLE IF EXISTS #tmp
END
GO
