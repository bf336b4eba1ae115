-- 01_tables.sql : staging and warehouse tables for the SalesDW nightly load
USE [SalesDW]
GO

IF SCHEMA_ID(N'stg') IS NULL
    EXEC (N'CREATE SCHEMA [stg] AUTHORIZATION [dbo]');
GO

CREATE TABLE [stg].[Customer] (
    [CustomerID]     INT            NOT NULL,
    [FirstName]      NVARCHAR(50)   NULL,
    [LastName]       NVARCHAR(50)   NULL,
    [CompanyName]    NVARCHAR(100)  NULL,
    [CustomerType]   CHAR(1)        NULL,   -- 'I' individual, 'S' store
    [EmailAddress]   NVARCHAR(120)  NULL,
    [Phone]          VARCHAR(30)    NULL,
    [ModifiedDate]   DATETIME2(0)   NOT NULL
)

CREATE TABLE stg.CustomerAddress (
    CustomerID INT NOT NULL, AddressType NVARCHAR(20) NOT NULL, City NVARCHAR(60),
    StateProvince NVARCHAR(60), CountryRegion NVARCHAR(60), PostalCode NVARCHAR(15),
    ModifiedDate DATETIME2(0) NOT NULL
)

CREATE TABLE stg.SalesOrderLine (
    SalesOrderID INT NOT NULL, LineNumber SMALLINT NOT NULL, CustomerID INT NOT NULL,
    ProductCode VARCHAR(25) NOT NULL, OrderDate DATE NOT NULL, ShipDate DATE NULL,
    OrderQty INT NOT NULL, UnitPrice MONEY NOT NULL, UnitPriceDiscount DECIMAL(5,4) NOT NULL,
    TaxAmt MONEY NULL, [Status] TINYINT NOT NULL
);
GO

CREATE TABLE dbo.DimCustomer (
    CustomerKey INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_DimCustomer PRIMARY KEY,
    CustomerID INT NOT NULL, CustomerName NVARCHAR(150) NULL, EmailAddress NVARCHAR(120) NULL,
    Phone VARCHAR(30) NULL, CustomerType NVARCHAR(20) NULL, City NVARCHAR(60) NULL,
    StateProvince NVARCHAR(60) NULL, Country NVARCHAR(60) NULL,
    IsCurrent BIT NOT NULL CONSTRAINT DF_DimCustomer_IsCurrent DEFAULT (1),
    RowHash VARBINARY(32) NULL, InsertedAt DATETIME2(0) NULL, UpdatedAt DATETIME2(0) NULL
)

CREATE TABLE dbo.DimProduct (
    ProductKey INT IDENTITY(1,1) NOT NULL PRIMARY KEY, ProductCode VARCHAR(25) NOT NULL,
    ProductName NVARCHAR(100) NOT NULL, Category NVARCHAR(50) NULL, ListPrice MONEY NULL
)

CREATE TABLE dbo.FactSales (
    SalesOrderID INT NOT NULL, LineNumber SMALLINT NOT NULL, OrderDateKey INT NOT NULL,
    CustomerKey INT NOT NULL, ProductKey INT NOT NULL, Quantity INT NOT NULL,
    SalesAmount MONEY NOT NULL, DiscountAmount MONEY NOT NULL, TaxAmount MONEY NULL,
    ShipDays INT NULL, OrderStatus NVARCHAR(20) NOT NULL, LoadBatchID INT NOT NULL,
    CONSTRAINT PK_FactSales PRIMARY KEY (SalesOrderID, LineNumber)
)

CREATE TABLE dbo.EtlRunLog (
    RunID INT IDENTITY(1,1) PRIMARY KEY, ProcName SYSNAME NOT NULL, StartedAt DATETIME2(3) NOT NULL,
    FinishedAt DATETIME2(3) NULL, RowsInserted INT NULL, RowsUpdated INT NULL,
    ErrorMessage NVARCHAR(4000) NULL
)
GO
