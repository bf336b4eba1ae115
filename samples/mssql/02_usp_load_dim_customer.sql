-- 02_usp_load_dim_customer.sql : SCD type 1 load of dbo.DimCustomer
USE [SalesDW]
GO

CREATE OR ALTER PROCEDURE dbo.usp_load_dim_customer
    @LoadDate   DATE = NULL,
    @FullReload BIT  = 0
AS
BEGIN
    SET NOCOUNT ON;

    DECLARE @RunID INT, @Inserted INT = 0, @Updated INT = 0;
    DECLARE @MergeLog TABLE (MergeAction NVARCHAR(10), CustomerKey INT);

    SET @LoadDate = ISNULL(@LoadDate, CAST(GETDATE() AS DATE));

    INSERT INTO dbo.EtlRunLog (ProcName, StartedAt)
    VALUES (OBJECT_NAME(@@PROCID), SYSDATETIME());
    SET @RunID = SCOPE_IDENTITY();

    IF OBJECT_ID(N'tempdb..#stage') IS NOT NULL DROP TABLE #stage;

    CREATE TABLE #stage (
        CustomerID INT NOT NULL PRIMARY KEY, CustomerName NVARCHAR(150),
        EmailAddress NVARCHAR(120), Phone VARCHAR(30), CustomerType NVARCHAR(20),
        City NVARCHAR(60), StateProvince NVARCHAR(60), Country NVARCHAR(60),
        RowHash VARBINARY(32)
    );

    -- one row per customer, with the main office (or latest) address
    INSERT INTO #stage (CustomerID, CustomerName, EmailAddress, Phone, CustomerType,
                        City, StateProvince, Country, RowHash)
    SELECT c.CustomerID,
           IIF(c.CustomerType = 'S', c.CompanyName,
               LTRIM(RTRIM(c.FirstName)) + N' ' + LTRIM(RTRIM(c.LastName))),
           LOWER(c.EmailAddress),
           ISNULL(c.Phone, 'unknown'),
           CASE c.CustomerType WHEN 'S' THEN N'Store' WHEN 'I' THEN N'Individual' ELSE N'Unknown' END,
           addr.City, addr.StateProvince, addr.CountryRegion,
           HASHBYTES('SHA2_256', CONCAT(c.FirstName, N'|', c.LastName, N'|', c.CompanyName, N'|',
                                        c.EmailAddress, N'|', c.Phone, N'|', addr.City))
    FROM stg.Customer AS c WITH (NOLOCK)
    CROSS APPLY (
        SELECT TOP (1) a.City, a.StateProvince, a.CountryRegion
        FROM [stg].[CustomerAddress] AS a WITH (NOLOCK)
        WHERE a.CustomerID = c.CustomerID
        ORDER BY IIF(a.AddressType = N'Main Office', 0, 1), a.ModifiedDate DESC
    ) AS addr
    WHERE @FullReload = 1
       OR c.ModifiedDate >= DATEADD(DAY, -1, @LoadDate);

    IF NOT EXISTS (SELECT 1 FROM #stage)
    BEGIN
        UPDATE dbo.EtlRunLog SET FinishedAt = SYSDATETIME(), RowsInserted = 0, RowsUpdated = 0
        WHERE RunID = @RunID;
        RETURN;
    END

    BEGIN TRY
        BEGIN TRAN;

        MERGE dbo.DimCustomer AS tgt
        USING #stage AS src
            ON tgt.CustomerID = src.CustomerID
        WHEN MATCHED AND (tgt.RowHash <> src.RowHash OR tgt.IsCurrent = 0) THEN
            UPDATE SET tgt.CustomerName  = src.CustomerName,
                       tgt.EmailAddress  = src.EmailAddress,
                       tgt.Phone         = src.Phone,
                       tgt.CustomerType  = src.CustomerType,
                       tgt.City          = src.City,
                       tgt.StateProvince = src.StateProvince,
                       tgt.Country       = src.Country,
                       tgt.RowHash       = src.RowHash,
                       tgt.IsCurrent     = 1,
                       tgt.UpdatedAt     = SYSDATETIME()
        WHEN NOT MATCHED BY TARGET THEN
            INSERT (CustomerID, CustomerName, EmailAddress, Phone, CustomerType,
                    City, StateProvince, Country, IsCurrent, RowHash, InsertedAt)
            VALUES (src.CustomerID, src.CustomerName, src.EmailAddress, src.Phone, src.CustomerType,
                    src.City, src.StateProvince, src.Country, 1, src.RowHash, SYSDATETIME())
        WHEN NOT MATCHED BY SOURCE AND @FullReload = 1 AND tgt.IsCurrent = 1 THEN
            UPDATE SET tgt.IsCurrent = 0, tgt.UpdatedAt = SYSDATETIME()
        OUTPUT $action, inserted.CustomerKey INTO @MergeLog (MergeAction, CustomerKey);

        SELECT @Inserted = SUM(IIF(MergeAction = N'INSERT', 1, 0)),
               @Updated  = SUM(IIF(MergeAction = N'UPDATE', 1, 0))
        FROM @MergeLog

        UPDATE dbo.EtlRunLog
        SET FinishedAt = SYSDATETIME(), RowsInserted = @Inserted, RowsUpdated = @Updated
        WHERE RunID = @RunID

        COMMIT TRAN;
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRAN;

        UPDATE dbo.EtlRunLog
        SET FinishedAt = SYSDATETIME(), ErrorMessage = ERROR_MESSAGE()
        WHERE RunID = @RunID;

        THROW;
    END CATCH
END
GO
