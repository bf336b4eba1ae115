/**
 * Group 2 of issue 9: UPDATE / DELETE / MERGE through an updatable CTE, a derived table or an
 * inline view write the base table's columns; group 8: a multi-table UPDATE writes every table it sets.
 */
import { analyzeSql, flows } from '../procedural/support.js';
import { edgePairs } from '../helpers/lineage.js';

describe('DML through a CTE, derived table or inline view', () => {
  test('T-SQL procedure: UPDATE of a joined CTE, DELETE of duplicates through a CTE, UPDATE of a TOP derived table', () => {
    const a = analyzeSql(
      `CREATE PROCEDURE dbo.fix_prices AS
BEGIN
  WITH c AS (SELECT a.Price, b.ListPrice FROM dbo.Items a JOIN dbo.Catalog b ON a.Sku = b.Sku)
  UPDATE c SET Price = ListPrice;

  WITH d AS (SELECT Sku, ROW_NUMBER() OVER (PARTITION BY Sku ORDER BY LoadedAt DESC) rn FROM dbo.Items)
  DELETE FROM d WHERE rn > 1;

  UPDATE q SET q.Flag = q.Price
  FROM (SELECT TOP (10) Flag, Price FROM dbo.Items ORDER BY Price DESC) q;
END`,
      'dbvmssql',
      { relationTypes: ['fdd', 'fdr'] },
    );
    expect(a.errors).toEqual([]);
    expect(a.pairs).toEqual(['dbo.Catalog.ListPrice -> dbo.Items.Price', 'dbo.Items.Price -> dbo.Items.Flag']);
    expect(flows(a)).toEqual(['dbo.fix_prices: dbo.Catalog -> dbo.Items', 'dbo.fix_prices:  -> dbo.Items', 'dbo.fix_prices: dbo.Items -> dbo.Items']);
    const fdr = edgePairs(a.graph, { type: 'fdr' });
    expect(fdr).toEqual(expect.arrayContaining(['dbo.Items.LoadedAt -> dbo.Items.RelationRows', 'dbo.Items.Sku -> dbo.Items.RelationRows']));
    expect(a.graph.objects.map((o) => o.name)).not.toContain('c');
    expect(a.graph.objects.map((o) => o.name)).not.toContain('d');
  });

  test('T-SQL: MERGE into a filtering CTE merges into its table', () => {
    const a = analyzeSql(
      `WITH t AS (SELECT id, amount FROM dbo.bal WHERE active = 1)
MERGE t USING stg.tx s ON t.id = s.id
WHEN MATCHED THEN UPDATE SET amount = t.amount + s.amount
WHEN NOT MATCHED THEN INSERT (id, amount) VALUES (s.id, s.amount);`,
      'dbvmssql',
    );
    expect(edgePairs(a.graph, { effect: true })).toEqual([
      'dbo.bal.amount -> dbo.bal.amount [merge_update]',
      'stg.tx.amount -> dbo.bal.amount [merge_insert]',
      'stg.tx.amount -> dbo.bal.amount [merge_update]',
      'stg.tx.id -> dbo.bal.id [merge_insert]',
    ]);
    expect(flows(a)).toEqual(['batchQueries: dbo.bal,stg.tx -> dbo.bal']);
  });

  test('Oracle: UPDATE of an inline view (key-preserved join) writes the base table', () => {
    const a = analyzeSql(
      `BEGIN
  UPDATE (SELECT e.salary, g.new_salary FROM hr.emp e JOIN hr.grades g ON g.grade = e.grade) v
     SET v.salary = v.new_salary;
  DELETE FROM (SELECT e.id FROM hr.emp e JOIN hr.leavers l ON l.id = e.id);
END;
/`,
      'dbvoracle',
    );
    expect(a.errors).toEqual([]);
    expect(a.pairs).toEqual(['hr.grades.new_salary -> hr.emp.salary']);
    expect(flows(a)).toEqual(['batchQueries: hr.grades -> hr.emp', 'batchQueries: hr.leavers -> hr.emp']);
  });

  test.each(['dbvpostgresql', 'dbvsnowflake', 'dbvansi'])('%s: UPDATE of a CTE with a column list of another name', (vendor) => {
    const a = analyzeSql('WITH c (amt, src_amt) AS (SELECT o.amount, s.amount FROM sales.orders o JOIN stg.orders s ON s.id = o.id) UPDATE c SET amt = src_amt;', vendor);
    expect(a.pairs).toEqual(['stg.orders.amount -> sales.orders.amount']);
    expect(flows(a)).toEqual(['batchQueries: stg.orders -> sales.orders']);
  });
});

describe('multi-table writes', () => {
  test('MySQL: UPDATE a JOIN b SET a.x = b.x, b.y = a.y writes both tables', () => {
    const a = analyzeSql(
      `DELIMITER //
CREATE PROCEDURE sync_accounts()
BEGIN
  UPDATE crm.accounts a JOIN erp.customers b ON a.ext_id = b.id
     SET a.name = b.name, b.crm_status = a.status, a.synced_at = NOW();
END //
DELIMITER ;`,
      'dbvmysql',
    );
    expect(a.errors).toEqual([]);
    expect(a.pairs).toEqual(['crm.accounts.status -> erp.customers.crm_status', 'erp.customers.name -> crm.accounts.name']);
    expect(flows(a)).toEqual(['sync_accounts: erp.customers,crm.accounts -> crm.accounts,erp.customers']);
  });
});
