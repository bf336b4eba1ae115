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
