/**
 * SAP HANA SQLScript: a query assigned to a name (`lt = SELECT ..;`) fills table variable `lt`,
 * which later statements read as `FROM :lt`: the lineage runs through it. Before, the assignment
 * was a bare result set and `:lt` a table of its own, so the chain broke at every step.
 */
import { analyzeSql } from '../procedural/support.js';
import { edgePairs } from '../helpers/lineage.js';

const ok = (sql: string, vendor = 'dbvhana') => {
  const a = analyzeSql(sql, vendor, { relationTypes: ['fdd', 'fdr'] });
  expect(a.errors).toEqual([]);
  expect(a.warnings).toEqual([]);
  return a;
};

const procedure = `CREATE OR REPLACE PROCEDURE "ETL"."P_LOAD_REVENUE" (
  IN  iv_from DATE,
  OUT et_result TABLE ("REGION" NVARCHAR(20), "REVENUE" DECIMAL(15,2)))
LANGUAGE SQLSCRIPT
SQL SECURITY INVOKER
READS SQL DATA AS
BEGIN
  DECLARE lv_count INTEGER;
  lt_sales = SELECT s."CUSTOMER_ID", s."AMOUNT", s."SALE_DATE"
             FROM "RAW"."SALES" AS s
             WHERE s."SALE_DATE" >= :iv_from;
  lt_joined = SELECT c."REGION", ls."AMOUNT"
              FROM :lt_sales AS ls
              INNER JOIN "RAW"."CUSTOMERS" c ON c."ID" = ls."CUSTOMER_ID";
  SELECT COUNT(*) INTO lv_count FROM :lt_joined;
  et_result = SELECT "REGION", SUM("AMOUNT") AS "REVENUE" FROM :lt_joined GROUP BY "REGION";
  INSERT INTO "MART"."REGION_REVENUE" ("REGION", "REVENUE", "LOADED_AT")
    SELECT "REGION", "REVENUE", CURRENT_TIMESTAMP FROM :et_result;
END;`;

describe('SAP HANA table variables', () => {
  test('lt = SELECT ..; FROM :lt: the lineage runs through each table variable into the table written', () => {
    const a = ok(procedure);
    expect(a.pairs).toEqual([
      'RAW.CUSTOMERS.REGION -> lt_joined.REGION',
      'RAW.SALES.AMOUNT -> lt_sales.AMOUNT',
      'RAW.SALES.CUSTOMER_ID -> lt_sales.CUSTOMER_ID',
      'RAW.SALES.SALE_DATE -> lt_sales.SALE_DATE',
      'et_result.REGION -> MART.REGION_REVENUE.REGION',
      'et_result.REVENUE -> MART.REGION_REVENUE.REVENUE',
      'lt_joined.AMOUNT -> et_result.REVENUE',
      'lt_joined.REGION -> et_result.REGION',
      'lt_sales.AMOUNT -> lt_joined.AMOUNT',
    ]);
    // The filter and the join decide the rows of each table variable.
    expect(edgePairs(a.graph, { type: 'fdr' })).toEqual([
      'RAW.CUSTOMERS.ID -> lt_joined.RelationRows',
      'RAW.SALES.SALE_DATE -> lt_sales.RelationRows',
      'lt_joined.REGION -> et_result.RelationRows',
      'lt_sales.CUSTOMER_ID -> lt_joined.RelationRows',
    ]);
  });

  test('elsewhere a query assigned to a name stays a query that is only read, and `:name` in FROM keeps its colon', () => {
    const a = analyzeSql(`CREATE PROCEDURE p() LANGUAGE plpgsql AS $$
BEGIN
  lt_sales = SELECT customer_id FROM raw.sales;
END $$;`, 'dbvpostgresql', { relationTypes: ['fdd'] });
    expect(a.pairs.some((p) => p.includes('lt_sales'))).toBe(false);
  });
});
