/**
 * Table functions defined in the script: the rows a function returns (`RETURN (query)`, `RETURN
 * QUERY`, a SQL body's SELECT, a multi-statement function's table variable) are its columns, as a
 * view's; a later `FROM f(args)` reads them, its arguments deciding the rows. Before, every column
 * read from such a call was "not traced: the columns of table function f are unknown".
 */
import { decided, ok, rows } from '../helpers/accuracy.js';
import { analyzeSql } from './support.js';

describe('T-SQL', () => {
  test('inline table-valued function (RETURNS TABLE AS RETURN (query)) read in FROM', () => {
    const a = ok(
      `CREATE FUNCTION dbo.fn_top(@n int) RETURNS TABLE AS RETURN (SELECT TOP (@n) d.account_id, SUM(d.amount) AS total FROM mart.daily d GROUP BY d.account_id);
GO
INSERT INTO mart.leaders (account_id, total) SELECT f.account_id, f.total FROM dbo.fn_top(10) f;`,
      'dbvmssql',
    );
    expect(a.pairs).toEqual([
      'dbo.fn_top.account_id -> mart.leaders.account_id',
      'dbo.fn_top.total -> mart.leaders.total',
      'mart.daily.account_id -> dbo.fn_top.account_id',
      'mart.daily.amount -> dbo.fn_top.total',
    ]);
  });

  test('multi-statement function (RETURNS @t TABLE) and CROSS APPLY with a correlated argument', () => {
    const sql = `CREATE FUNCTION dbo.fn_CustomerOrders (@CustomerID int)
RETURNS @result TABLE (OrderID int PRIMARY KEY, OrderTotal money, LastShip date)
AS
BEGIN
  INSERT INTO @result (OrderID, OrderTotal, LastShip)
  SELECT o.OrderID, SUM(l.Qty * l.Price), MAX(l.ShipDate)
  FROM Sales.Orders o JOIN Sales.OrderLines l ON l.OrderID = o.OrderID
  WHERE o.CustomerID = @CustomerID
  GROUP BY o.OrderID;
  RETURN;
END;
GO
CREATE FUNCTION dbo.fn_Active() RETURNS TABLE WITH SCHEMABINDING AS RETURN
  SELECT c.CustomerID, c.Name FROM Sales.Customers c WHERE c.IsActive = 1;
GO
INSERT INTO rpt.CustomerOrders (CustomerID, Name, OrderID, OrderTotal)
SELECT a.CustomerID, a.Name, x.OrderID, x.OrderTotal
FROM dbo.fn_Active() a
CROSS APPLY dbo.fn_CustomerOrders(a.CustomerID) x;`;
    const a = ok(sql, 'dbvmssql');
    expect(a.pairs).toEqual([
      '@result.LastShip -> dbo.fn_CustomerOrders.LastShip',
      '@result.OrderID -> dbo.fn_CustomerOrders.OrderID',
      '@result.OrderTotal -> dbo.fn_CustomerOrders.OrderTotal',
      'Sales.Customers.CustomerID -> dbo.fn_Active.CustomerID',
      'Sales.Customers.Name -> dbo.fn_Active.Name',
      'Sales.OrderLines.Price -> @result.OrderTotal',
      'Sales.OrderLines.Qty -> @result.OrderTotal',
      'Sales.OrderLines.ShipDate -> @result.LastShip',
      'Sales.Orders.OrderID -> @result.OrderID',
      'dbo.fn_Active.CustomerID -> rpt.CustomerOrders.CustomerID',
      'dbo.fn_Active.Name -> rpt.CustomerOrders.Name',
      'dbo.fn_CustomerOrders.OrderID -> rpt.CustomerOrders.OrderID',
      'dbo.fn_CustomerOrders.OrderTotal -> rpt.CustomerOrders.OrderTotal',
    ]);
    // The APPLY's argument chooses the function's rows; the function's filter stays inside it.
    expect(rows(a)).toContain('dbo.fn_Active.CustomerID -> rpt.CustomerOrders.RelationRows');
    expect(rows(a)).toContain('Sales.Customers.IsActive -> dbo.fn_Active.RelationRows');
    expect(decided(a)).toEqual([]);
  });

  test('a scalar function returning a query result is no table; SELECT @v = .. in a table function is no row', () => {
    const a = ok(
      `CREATE FUNCTION dbo.fn_max() RETURNS int AS BEGIN DECLARE @m int; SELECT @m = MAX(amount) FROM mart.daily; RETURN @m; END;
GO
CREATE FUNCTION dbo.fn_rows(@k int) RETURNS @r TABLE (k int, v int) AS BEGIN
  DECLARE @lim int; SELECT @lim = MAX(v) FROM cfg.limits;
  INSERT INTO @r SELECT s.k, s.v FROM src.kv s WHERE s.k = @k AND s.v <= @lim;
  RETURN;
END;`,
      'dbvmssql',
    );
    expect(a.pairs).toEqual(['@r.k -> dbo.fn_rows.k', '@r.v -> dbo.fn_rows.v', 'src.kv.k -> @r.k', 'src.kv.v -> @r.v']);
    expect(a.graph.objects.some((o) => o.name === 'fn_max')).toBe(false);
  });
});

describe('SQL/PSM dialects', () => {
  test('PostgreSQL: RETURNS SETOF t with RETURN QUERY, RETURNS TABLE (cols)', () => {
    const a = ok(
      `CREATE TABLE app.accounts (id bigint, owner text, balance numeric, closed boolean);
CREATE OR REPLACE FUNCTION app.open_accounts(min_balance numeric) RETURNS SETOF app.accounts
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY SELECT * FROM app.accounts a WHERE NOT a.closed AND a.balance >= min_balance;
END;
$$;
CREATE FUNCTION app.owner_totals() RETURNS TABLE (owner text, total numeric) AS $$
BEGIN
  RETURN QUERY
    SELECT a.owner, sum(a.balance) FROM app.accounts a GROUP BY a.owner;
END $$ LANGUAGE plpgsql;
INSERT INTO rpt.rich (id, owner, balance) SELECT id, owner, balance FROM app.open_accounts(1e6);
INSERT INTO rpt.owners SELECT t.owner, t.total FROM app.owner_totals() t;`,
      'dbvpostgresql',
    );
    expect(a.pairs).toEqual([
      'app.accounts.balance -> app.open_accounts.balance',
      'app.accounts.balance -> app.owner_totals.total',
      'app.accounts.closed -> app.open_accounts.closed',
      'app.accounts.id -> app.open_accounts.id',
      'app.accounts.owner -> app.open_accounts.owner',
      'app.accounts.owner -> app.owner_totals.owner',
      'app.open_accounts.balance -> rpt.rich.balance',
      'app.open_accounts.id -> rpt.rich.id',
      'app.open_accounts.owner -> rpt.rich.owner',
      'app.owner_totals.owner -> rpt.owners.owner',
      'app.owner_totals.total -> rpt.owners.total',
    ]);
  });

  test('PostgreSQL: a LANGUAGE sql body renamed by RETURNS TABLE; its earlier DML keeps its own lineage', () => {
    const a = ok(
      `CREATE FUNCTION mart.top_accounts(n int) RETURNS TABLE(account_id bigint, total numeric)
LANGUAGE sql AS $$
  INSERT INTO audit.calls (fn, at) SELECT 'top_accounts', now();
  SELECT d.account_id, sum(d.amount) FROM mart.daily d GROUP BY 1 ORDER BY 2 DESC LIMIT n
$$;
INSERT INTO mart.leaders SELECT * FROM mart.top_accounts(10);`,
      'dbvpostgresql',
    );
    expect(a.pairs).toEqual([
      'mart.daily.account_id -> mart.top_accounts.account_id',
      'mart.daily.amount -> mart.top_accounts.total',
      'mart.top_accounts.account_id -> mart.leaders.account_id',
      'mart.top_accounts.total -> mart.leaders.total',
    ]);
  });

  test('BigQuery: CREATE TABLE FUNCTION with AS (query) and with RETURNS TABLE<..>', () => {
    const a = ok(
      `CREATE OR REPLACE TABLE FUNCTION mydataset.orders_since(since DATE)
AS (
  SELECT o.order_id, o.customer_id, o.total
  FROM mydataset.orders o
  WHERE o.order_date >= since
);
CREATE TABLE FUNCTION mydataset.top_customers(n INT64)
RETURNS TABLE<customer_id INT64, spend NUMERIC, tags ARRAY<STRUCT<k STRING, v STRING>>>
AS SELECT customer_id, SUM(total), ARRAY_AGG(STRUCT(k, v)) FROM mydataset.orders GROUP BY 1 ORDER BY 2 DESC LIMIT n;
INSERT INTO mydataset.recent (order_id, customer_id, total)
SELECT order_id, customer_id, total FROM mydataset.orders_since(DATE '2024-01-01');
CREATE TABLE mydataset.vip AS SELECT t.customer_id, t.spend, t.tags FROM mydataset.top_customers(10) AS t;`,
      'dbvbigquery',
    );
    expect(a.pairs).toEqual([
      'mydataset.orders.customer_id -> mydataset.orders_since.customer_id',
      'mydataset.orders.customer_id -> mydataset.top_customers.customer_id',
      'mydataset.orders.k -> mydataset.top_customers.tags',
      'mydataset.orders.order_id -> mydataset.orders_since.order_id',
      'mydataset.orders.total -> mydataset.orders_since.total',
      'mydataset.orders.total -> mydataset.top_customers.spend',
      'mydataset.orders.v -> mydataset.top_customers.tags',
      'mydataset.orders_since.customer_id -> mydataset.recent.customer_id',
      'mydataset.orders_since.order_id -> mydataset.recent.order_id',
      'mydataset.orders_since.total -> mydataset.recent.total',
      'mydataset.top_customers.customer_id -> mydataset.vip.customer_id',
      'mydataset.top_customers.spend -> mydataset.vip.spend',
      'mydataset.top_customers.tags -> mydataset.vip.tags',
    ]);
  });

  test('Snowflake: RETURNS TABLE (..) with a string body, called through TABLE(f(..)) with a lateral argument', () => {
    const a = ok(
      `CREATE OR REPLACE FUNCTION analytics.orders_for(cust NUMBER)
RETURNS TABLE (order_id NUMBER, amount NUMBER(12,2))
AS 'SELECT o.id, o.amount FROM raw.orders o WHERE o.customer_id = cust';
CREATE OR REPLACE FUNCTION analytics.big_orders()
RETURNS TABLE (order_id NUMBER, amount NUMBER)
LANGUAGE SQL
AS $$
  SELECT id, amount FROM raw.orders WHERE amount > 1000
$$;
INSERT INTO mart.cust_orders SELECT c.id, t.order_id, t.amount FROM raw.customers c, TABLE(analytics.orders_for(c.id)) t;
INSERT INTO mart.big SELECT b.order_id, b.amount FROM TABLE(analytics.big_orders()) b;`,
      'dbvsnowflake',
    );
    expect(a.pairs).toEqual([
      'analytics.big_orders.amount -> mart.big.amount',
      'analytics.big_orders.order_id -> mart.big.order_id',
      'analytics.orders_for.amount -> mart.cust_orders.amount',
      'analytics.orders_for.order_id -> mart.cust_orders.order_id',
      'raw.customers.id -> mart.cust_orders.id',
      'raw.orders.amount -> analytics.big_orders.amount',
      'raw.orders.amount -> analytics.orders_for.amount',
      'raw.orders.id -> analytics.big_orders.order_id',
      'raw.orders.id -> analytics.orders_for.order_id',
    ]);
    expect(rows(a)).toContain('raw.customers.id -> mart.cust_orders.RelationRows');
  });

  test('Db2: RETURNS TABLE (..) LANGUAGE SQL RETURN SELECT, called through TABLE(f(..))', () => {
    const a = ok(
      `CREATE FUNCTION sales.dept_emps (p_dept CHAR(3))
  RETURNS TABLE (empno CHAR(6), lastname VARCHAR(15), salary DECIMAL(9,2))
  LANGUAGE SQL READS SQL DATA NO EXTERNAL ACTION DETERMINISTIC
  RETURN SELECT e.empno, e.lastname, e.salary FROM hr.employee e WHERE e.workdept = p_dept;
INSERT INTO rpt.d11 SELECT t.empno, t.lastname, t.salary FROM TABLE(sales.dept_emps('D11')) AS t;`,
      'dbvdb2',
    );
    expect(a.pairs).toEqual([
      'hr.employee.empno -> sales.dept_emps.empno',
      'hr.employee.lastname -> sales.dept_emps.lastname',
      'hr.employee.salary -> sales.dept_emps.salary',
      'sales.dept_emps.empno -> rpt.d11.empno',
      'sales.dept_emps.lastname -> rpt.d11.lastname',
      'sales.dept_emps.salary -> rpt.d11.salary',
    ]);
  });

  test('a scalar SQL function keeps its query as a result set; a call of an unknown function stays untraced', () => {
    const a = analyzeSql(
      `CREATE FUNCTION mart.n_accounts() RETURNS bigint LANGUAGE sql AS $$ SELECT count(account_id) AS n FROM mart.daily $$;
SELECT x.a FROM mart.unknown_fn(1) x;`,
      'dbvpostgresql',
    );
    expect(a.pairs).toEqual(['mart.daily.account_id -> RS-1.n']);
    expect(a.graph.objects.some((o) => o.name === 'n_accounts')).toBe(false);
    expect(a.notes.join('\n')).toMatch(/columns of table function mart\.unknown_fn are unknown/);
  });
});
