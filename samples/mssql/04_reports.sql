-- 04_reports.sql : reporting view, a snapshot table and ad-hoc queries
USE [SalesDW]
GO

CREATE OR ALTER VIEW [dbo].[vw_SalesByCustomer]
AS
SELECT dc.[CustomerKey],
       dc.[CustomerName],
       dc.[Country],
       COUNT_BIG(*) AS [OrderLines],
       SUM(f.[SalesAmount] - f.[DiscountAmount]) AS [NetSales],
       MAX(CONVERT(DATE, CONVERT(CHAR(8), f.[OrderDateKey]), 112)) AS [LastOrderDate]
FROM dbo.FactSales AS f
INNER JOIN dbo.DimCustomer AS dc ON dc.CustomerKey = f.CustomerKey
WHERE f.OrderStatus <> N'Cancelled'
GROUP BY dc.CustomerKey, dc.CustomerName, dc.Country
GO

-- month-end snapshot for finance
DROP TABLE IF EXISTS dbo.CustomerSalesSnapshot
SELECT v.CustomerKey,
       v.CustomerName,
       ISNULL(v.Country, N'n/a') AS Country,
       v.NetSales,
       IIF(v.NetSales >= 10000, N'Key account', N'Standard') AS AccountTier,
       EOMONTH(GETDATE()) AS SnapshotDate
INTO dbo.CustomerSalesSnapshot
FROM dbo.vw_SalesByCustomer AS v
GO

-- top customers with their best-selling product
SELECT TOP (100) v.CustomerName, v.NetSales, best.ProductName, best.ProductSales
FROM dbo.vw_SalesByCustomer AS v
CROSS APPLY (
    SELECT TOP (1) p.ProductName, SUM(f.SalesAmount) AS ProductSales
    FROM dbo.FactSales AS f WITH (NOLOCK)
    JOIN dbo.DimProduct AS p WITH (NOLOCK) ON p.ProductKey = f.ProductKey
    WHERE f.CustomerKey = v.CustomerKey
    GROUP BY p.ProductName
    ORDER BY SUM(f.SalesAmount) DESC
) AS best
ORDER BY v.NetSales DESC
GO

DECLARE @Year INT = 2024
SELECT dc.Country,
       DATENAME(MONTH, DATEFROMPARTS(@Year, (f.OrderDateKey / 100) % 100, 1)) AS [Month],
       SUM(f.SalesAmount) AS Sales,
       SUM(f.Quantity) AS Units
FROM dbo.FactSales f WITH (NOLOCK)
JOIN dbo.DimCustomer dc WITH (NOLOCK) ON dc.CustomerKey = f.CustomerKey
WHERE f.OrderDateKey BETWEEN @Year * 10000 + 101 AND @Year * 10000 + 1231
GROUP BY dc.Country, DATENAME(MONTH, DATEFROMPARTS(@Year, (f.OrderDateKey / 100) % 100, 1))
ORDER BY dc.Country, [Month]
GO
