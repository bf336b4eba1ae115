/**
 * Lineage gaps found in session 13 (sweep of MySQL/MariaDB, Db2, Teradata, Trino/Athena,
 * ClickHouse and SQLite with production-style SQL). Pairs are `source -> target` per relation type.
 */
import { decided, ok, rows } from '../helpers/accuracy.js';

describe('Db2 command-line scripts terminated by @ (db2 -td@)', () => {
  test('a SQL PL procedure ended by @ and the statements after it are each analyzed', () => {
    const a = ok(`--#SET TERMINATOR @
CREATE OR REPLACE PROCEDURE DWH.LOAD_CUSTOMER_DIM (IN P_AS_OF DATE)
LANGUAGE SQL
BEGIN
  MERGE INTO DWH.CUSTOMER_DIM T
  USING (SELECT CUST_ID, SEGMENT FROM STG.CUSTOMER WHERE LOAD_DATE = P_AS_OF) S
  ON T.CUST_ID = S.CUST_ID
  WHEN MATCHED THEN UPDATE SET T.SEGMENT = S.SEGMENT
  WHEN NOT MATCHED THEN INSERT (CUST_ID, SEGMENT) VALUES (S.CUST_ID, S.SEGMENT);
END
@
INSERT INTO MART.DAILY_REV (SALE_DATE, REV)
SELECT SALE_DATE, SUM(AMOUNT) FROM DWH.SALES WHERE SALE_DATE = CURRENT DATE - 1 DAY GROUP BY SALE_DATE@
SELECT CUST_ID, SEGMENT FROM DWH.CUSTOMER_DIM ORDER BY CUST_ID FETCH FIRST 10 ROWS ONLY
@
`, 'dbvdb2');
    expect(a.pairs).toEqual([
      'DWH.CUSTOMER_DIM.CUST_ID -> RS-1.CUST_ID',
      'DWH.CUSTOMER_DIM.SEGMENT -> RS-1.SEGMENT',
      'DWH.SALES.AMOUNT -> MART.DAILY_REV.REV',
      'DWH.SALES.SALE_DATE -> MART.DAILY_REV.SALE_DATE',
      'STG.CUSTOMER.CUST_ID -> DWH.CUSTOMER_DIM.CUST_ID',
      'STG.CUSTOMER.SEGMENT -> DWH.CUSTOMER_DIM.SEGMENT',
    ]);
    expect(rows(a)).toEqual([
      'DWH.CUSTOMER_DIM.CUST_ID -> DWH.CUSTOMER_DIM.RelationRows',
      'DWH.SALES.SALE_DATE -> MART.DAILY_REV.RelationRows',
      'STG.CUSTOMER.CUST_ID -> DWH.CUSTOMER_DIM.RelationRows',
      'STG.CUSTOMER.LOAD_DATE -> DWH.CUSTOMER_DIM.RelationRows',
    ]);
  });
});

describe('Teradata FOR cursor loops: the loop record read as :cur.column', () => {
  test('INS .. VALUES (:cur.col, ..) inside FOR .. AS .. CURSOR FOR .. DO reads the cursor query, as cur.col does', () => {
    const a = ok(`REPLACE PROCEDURE edw.sp_overdraft_alerts (IN p_run_dt DATE)
BEGIN
  FOR cur AS c1 CURSOR FOR
    SEL b.acct_id, b.net_amt FROM edw.acct_daily_bal b WHERE b.bal_dt = :p_run_dt AND b.net_amt < 0
  DO
    INS INTO edw.overdraft_alert (acct_id, amt, run_dt) VALUES (:cur.acct_id, :cur.net_amt, :p_run_dt);
  END FOR;
END;`, 'dbvteradata');
    expect(a.pairs).toEqual([
      'edw.acct_daily_bal.acct_id -> RS-1.acct_id',
      'edw.acct_daily_bal.acct_id -> edw.overdraft_alert.acct_id',
      'edw.acct_daily_bal.net_amt -> RS-1.net_amt',
      'edw.acct_daily_bal.net_amt -> edw.overdraft_alert.amt',
    ]);
  });
});

describe('UNNEST of several arrays side by side (Trino / Athena, PostgreSQL)', () => {
  test('each alias column is the element of its own array; the ordinality is decided by all of them', () => {
    for (const vendor of ['dbvpresto', 'dbvathena']) {
      const a = ok(`INSERT INTO lake.order_lines (order_id, sku, qty, line_no)
SELECT o.order_id, x.sku, x.qty, x.n
FROM raw.orders o
CROSS JOIN UNNEST(o.skus, o.quantities) WITH ORDINALITY AS x(sku, qty, n)
WHERE o.dt = '2024-06-01';`, vendor);
      expect(a.pairs).toEqual([
        'raw.orders.order_id -> lake.order_lines.order_id',
        'raw.orders.quantities -> lake.order_lines.qty',
        'raw.orders.skus -> lake.order_lines.sku',
      ]);
      expect(decided(a)).toEqual([
        'raw.orders.quantities -> lake.order_lines.line_no',
        'raw.orders.skus -> lake.order_lines.line_no',
      ]);
    }
    const pg = ok(`SELECT p.product_id, t.tag, t.weight
FROM catalog.products p, unnest(p.tags, p.tag_weights) AS t(tag, weight);`, 'dbvpostgresql');
    expect(pg.pairs).toEqual([
      'catalog.products.product_id -> RS-1.product_id',
      'catalog.products.tag_weights -> RS-1.weight',
      'catalog.products.tags -> RS-1.tag',
    ]);
  });
});
