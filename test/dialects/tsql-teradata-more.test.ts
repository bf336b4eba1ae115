/**
 * Lineage that T-SQL and Teradata production code used to lose without a word: Teradata attribute
 * phrases (`x (FORMAT '..')`, `(TITLE '..')`, `(NAMED n)`, `(DATE)`), a name before a string taken
 * for a typed literal (`SELECT cust_id 'CustomerId'`). Pairs are `source -> target` per relation type.
 */
import { analyzeSql } from '../procedural/support.js';
import { edgePairs } from '../helpers/lineage.js';

const ok = (sql: string, vendor: string) => {
  const a = analyzeSql(sql, vendor, { relationTypes: ['fdd', 'fdr'] });
  expect(a.errors).toEqual([]);
  expect(a.warnings).toEqual([]);
  return a;
};
/** fdr edges into RelationRows. */
const rows = (a: ReturnType<typeof ok>) => edgePairs(a.graph, { type: 'fdr' }).filter((p) => p.endsWith('.RelationRows'));

describe('Teradata attribute phrases', () => {
  test('column attributes (TITLE, FORMAT, COMPRESS, CASESPECIFIC, UPPERCASE, CHARACTER SET, DEFAULT, IDENTITY) and select-item phrases keep the lineage', () => {
    const a = ok(`CREATE MULTISET TABLE edw.customer ,NO FALLBACK ,NO BEFORE JOURNAL, CHECKSUM = DEFAULT
(
  cust_key INTEGER GENERATED ALWAYS AS IDENTITY (START WITH 1 INCREMENT BY 1 MINVALUE 1 NO CYCLE),
  cust_id VARCHAR(20) CHARACTER SET LATIN NOT CASESPECIFIC TITLE 'Customer Id' NOT NULL,
  status_cd CHAR(1) CHARACTER SET LATIN UPPERCASE NOT CASESPECIFIC COMPRESS ('A','I','C'),
  balance DECIMAL(18,2) FORMAT 'ZZZ,ZZ9.99' DEFAULT 0.00 COMPRESS 0.00,
  open_dt DATE FORMAT 'YYYY-MM-DD' WITH DEFAULT,
  load_ts TIMESTAMP(0) DEFAULT CURRENT_TIMESTAMP(0)
) PRIMARY INDEX (cust_id);
INSERT INTO edw.customer (cust_id, status_cd, balance, open_dt)
SELECT c.cust_id (TITLE 'Customer'), c.status (UPPERCASE) (CHAR(1)), c.bal (DECIMAL(18,2)) (FORMAT 'ZZZ9.99'),
       c.open_ts (DATE, FORMAT 'YYYY-MM-DD')
FROM stg.cust c
WHERE c.open_ts (DATE) >= DATE '2024-01-01' AND c.region (FORMAT 'X(3)') (CHAR(3)) = 'USA';`, 'dbvteradata');
    expect(a.pairs).toEqual([
      'stg.cust.bal -> edw.customer.balance',
      'stg.cust.cust_id -> edw.customer.cust_id',
      'stg.cust.open_ts -> edw.customer.open_dt',
      'stg.cust.status -> edw.customer.status_cd',
    ]);
    expect(rows(a)).toEqual(['stg.cust.open_ts -> edw.customer.RelationRows', 'stg.cust.region -> edw.customer.RelationRows']);
  });

  test('(NAMED n) names a column like AS; a conversion keeps the column name; DATE in a call stays a call', () => {
    const a = ok(`CREATE VOLATILE TABLE vt_sales AS (
  SELECT s.cust_id (NAMED customer_id), s.sale_ts (DATE), s.amount (NAMED amt) (FORMAT '-ZZZ9.99') AS amount_usd,
         SUM(s.qty) (FORMAT 'ZZZ9') (NAMED total_qty), ADD_MONTHS(s.sale_ts, 1) (DATE) AS next_month
  FROM stg.sales s
  GROUP BY 1, 2, 3, 5
) WITH DATA PRIMARY INDEX (customer_id) ON COMMIT PRESERVE ROWS;
INSERT INTO edw.sales_summary SELECT customer_id, sale_ts, amount_usd, total_qty, next_month FROM vt_sales;`, 'dbvteradata');
    expect(a.pairs).toEqual([
      'stg.sales.amount -> vt_sales.amount_usd',
      'stg.sales.cust_id -> vt_sales.customer_id',
      'stg.sales.qty -> vt_sales.total_qty',
      'stg.sales.sale_ts -> vt_sales.next_month',
      'stg.sales.sale_ts -> vt_sales.sale_ts',
      'vt_sales.amount_usd -> edw.sales_summary.amount_usd',
      'vt_sales.customer_id -> edw.sales_summary.customer_id',
      'vt_sales.next_month -> edw.sales_summary.next_month',
      'vt_sales.sale_ts -> edw.sales_summary.sale_ts',
      'vt_sales.total_qty -> edw.sales_summary.total_qty',
    ]);
  });

  test('elsewhere the parentheses after a name are still a call', () => {
    const a = ok(`INSERT INTO edw.t (a, b) SELECT TD_MONTH_BEGIN(s.d), COALESCE(s.x, 0) FROM stg.s s;`, 'dbvteradata');
    expect(a.pairs).toEqual(['stg.s.d -> edw.t.a', 'stg.s.x -> edw.t.b']);
  });
});

describe('a name before a string is never swallowed into a constant', () => {
  test.each(['dbvmssql', 'dbvmysql'])('%s: SELECT expr \'alias\' names the column', (vendor) => {
    const a = ok(`INSERT INTO rpt.customers (id, name, signup) SELECT c.cust_id 'CustomerId', c.name 'Name', c.created_at 'SignupDate' FROM crm.customers c;`, vendor);
    expect(a.pairs).toEqual(['crm.customers.created_at -> rpt.customers.signup', 'crm.customers.cust_id -> rpt.customers.id', 'crm.customers.name -> rpt.customers.name']);
  });

  test.each(['dbvoracle', 'dbvansi', 'dbvteradata', 'dbvsnowflake', 'dbvpostgresql'])('%s: a string alias without AS is an error at the string, not a constant', (vendor) => {
    const a = analyzeSql(`INSERT INTO rpt.customers (id, name) SELECT c.cust_id 'CustomerId', c.name FROM crm.customers c;\nINSERT INTO rpt.x (id) SELECT id FROM crm.x;`, vendor);
    expect(a.errors).toEqual(["1:55 unknown statement ''CustomerId', c.name FROM crm.customers '"]);
    expect(a.pairs).toEqual(['crm.x.id -> rpt.x.id']);
  });

  test.each(['dbvpostgresql', 'dbvbigquery', 'dbvoracle', 'dbvteradata'])('%s: typed literals stay constants', (vendor) => {
    const a = ok(`INSERT INTO rpt.t (d, n) SELECT DATE '2024-01-01', s.n FROM src.s s WHERE s.ts >= TIMESTAMP '2024-01-01 00:00:00';`, vendor);
    expect(a.pairs).toEqual(['src.s.n -> rpt.t.n']);
  });
});

describe('T-SQL OUTPUT without INTO: the rows go to the client as a result set', () => {
  test('UPDATE .. OUTPUT inserted.c, deleted.c AS old WHERE ..', () => {
    const a = ok(`UPDATE dbo.accounts SET balance = balance - 10 OUTPUT inserted.id, deleted.balance AS old_bal, inserted.balance WHERE id = 5;`, 'dbvmssql');
    expect(a.pairs).toEqual([
      'dbo.accounts.balance -> RS-1.balance',
      'dbo.accounts.balance -> RS-1.old_bal',
      'dbo.accounts.balance -> dbo.accounts.balance',
      'dbo.accounts.id -> RS-1.id',
    ]);
    expect(rows(a)).toEqual(['dbo.accounts.id -> RS-1.RelationRows', 'dbo.accounts.id -> dbo.accounts.RelationRows']);
  });

  test('INSERT .. OUTPUT inserted.* of the written values (an IDENTITY column is the table\'s), DELETE .. OUTPUT deleted.c', () => {
    const a = ok(`CREATE PROCEDURE dbo.load_orders AS
BEGIN
  SET NOCOUNT ON;
  INSERT INTO dbo.orders (cust_id, amount)
  OUTPUT inserted.order_id, inserted.cust_id, inserted.amount
  SELECT s.cust_id, s.amt FROM stg.orders s WHERE s.batch_id = 7;
  DELETE FROM dbo.sessions OUTPUT deleted.session_id, deleted.user_id WHERE expires_at < SYSUTCDATETIME();
END`, 'dbvmssql');
    expect(a.pairs).toEqual([
      'dbo.orders.order_id -> RS-1.order_id',
      'dbo.sessions.session_id -> RS-2.session_id',
      'dbo.sessions.user_id -> RS-2.user_id',
      'stg.orders.amt -> RS-1.amount',
      'stg.orders.amt -> dbo.orders.amount',
      'stg.orders.cust_id -> RS-1.cust_id',
      'stg.orders.cust_id -> dbo.orders.cust_id',
    ]);
    expect(rows(a)).toEqual(expect.arrayContaining(['stg.orders.batch_id -> RS-1.RelationRows', 'dbo.sessions.expires_at -> RS-2.RelationRows']));
  });

  test('MERGE .. OUTPUT $action, inserted.c, deleted.c; and OUTPUT .. INTO @t then OUTPUT .. to the client', () => {
    const a = ok(`MERGE dbo.customers AS t USING stg.customers AS s ON t.cust_id = s.cust_id
WHEN MATCHED THEN UPDATE SET t.email = s.email
WHEN NOT MATCHED THEN INSERT (cust_id, email) VALUES (s.cust_id, s.email)
OUTPUT $action AS act, inserted.cust_id, deleted.email AS old_email;
UPDATE dbo.stock SET qty = qty - 1 OUTPUT deleted.qty, inserted.qty INTO audit.stock_log (old_qty, new_qty) OUTPUT inserted.sku WHERE sku = 'A';`, 'dbvmssql');
    expect(a.pairs).toEqual([
      'dbo.customers.cust_id -> RS-1.cust_id',
      'dbo.customers.email -> RS-1.old_email',
      'dbo.stock.qty -> audit.stock_log.new_qty',
      'dbo.stock.qty -> audit.stock_log.old_qty',
      'dbo.stock.qty -> dbo.stock.qty',
      'dbo.stock.sku -> RS-2.sku',
      'stg.customers.cust_id -> RS-1.cust_id',
      'stg.customers.cust_id -> dbo.customers.cust_id',
      'stg.customers.email -> dbo.customers.email',
    ]);
  });
});

describe('OUTPUT .. INTO of an UPDATE whose target is an unaliased FROM table', () => {
  test('UPDATE t .. OUTPUT .. INTO audit FROM t JOIN s: t is one source of the OUTPUT rows, not two (balance was ambiguous)', () => {
    const a = ok(`CREATE TABLE accounts (id INT, balance MONEY);
CREATE TABLE stg.txns (account_id INT, txn_id INT, amount MONEY);
UPDATE accounts SET balance = balance + s.amount
OUTPUT deleted.balance, inserted.balance, s.txn_id INTO audit.balance_log (old_balance, new_balance, txn_id)
FROM accounts JOIN stg.txns s ON s.account_id = accounts.id;`, 'dbvmssql');
    expect(a.pairs).toEqual([
      'accounts.balance -> accounts.balance',
      'accounts.balance -> audit.balance_log.new_balance',
      'accounts.balance -> audit.balance_log.old_balance',
      'stg.txns.amount -> accounts.balance',
      'stg.txns.amount -> audit.balance_log.new_balance',
      'stg.txns.txn_id -> audit.balance_log.txn_id',
    ]);
  });
});

describe('T-SQL TRY_CONVERT', () => {
  test('TRY_CONVERT(type, x[, style]) reads x, not a column named after the type', () => {
    const a = ok(`INSERT INTO dbo.orders_clean (qty, order_dt) SELECT TRY_CONVERT(INT, s.qty_txt), TRY_CONVERT(DATE, s.dt_txt, 112) FROM stg.orders_raw s;`, 'dbvmssql');
    expect(a.pairs).toEqual(['stg.orders_raw.dt_txt -> dbo.orders_clean.order_dt', 'stg.orders_raw.qty_txt -> dbo.orders_clean.qty']);
  });
});
