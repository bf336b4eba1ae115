/**
 * Group 1 of issue 9: a written value that reads the old value of the same column is data flow
 * (`t.c -> t.c`), and the target is then one of the statement's sources at table level.
 */
import { analyzeSql, flows } from '../procedural/support.js';
import { edgePairs } from '../helpers/lineage.js';

const withEffects = (sql: string, vendor: string) => edgePairs(analyzeSql(sql, vendor).graph, { effect: true });

describe('self-updates', () => {
  test.each(['dbvansi', 'dbvpostgresql', 'dbvmysql', 'dbvsnowflake', 'dbvbigquery', 'dbvoracle', 'dbvmssql', 'dbvsparksql', 'dbvteradata'])(
    '%s: UPDATE t SET c = c + 1 reads t.c into t.c, and t is a source',
    (vendor) => {
      const a = analyzeSql('UPDATE t SET c = c + 1, d = 0 WHERE k = 1;\n', vendor);
      expect(a.errors).toEqual([]);
      expect(a.pairs).toEqual(['t.c -> t.c']);
      expect(flows(a)).toEqual(['batchQueries: t -> t']);
    },
  );

  test('a filter alone does not make the target a source', () => {
    const a = analyzeSql('UPDATE t SET c = 1 WHERE c = 2;', 'dbvansi');
    expect(a.pairs).toEqual([]);
    expect(flows(a)).toEqual(['batchQueries:  -> t']);
  });

  test('PostgreSQL procedure: ON CONFLICT ... SET q = t.q + EXCLUDED.q', () => {
    const a = analyzeSql(
      `CREATE OR REPLACE PROCEDURE dw.load_stock() LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dw.stock AS t (sku, qty, updated_at)
  SELECT m.sku, SUM(m.delta), now() FROM stg.movements m GROUP BY m.sku
  ON CONFLICT (sku) DO UPDATE SET qty = t.qty + EXCLUDED.qty, updated_at = EXCLUDED.updated_at;
  UPDATE dw.stock SET qty = GREATEST(qty, 0) WHERE qty < 0;
END $$;`,
      'dbvpostgresql',
    );
    expect(a.errors).toEqual([]);
    expect(edgePairs(a.graph, { effect: true })).toEqual([
      'dw.stock.qty -> dw.stock.qty [update]',
      'stg.movements.delta -> dw.stock.qty [insert]',
      'stg.movements.delta -> dw.stock.qty [update]',
      'stg.movements.sku -> dw.stock.sku [insert]',
    ]);
    expect(flows(a)).toEqual(['dw.load_stock: stg.movements,dw.stock -> dw.stock', 'dw.load_stock: dw.stock -> dw.stock']);
  });

  test('MySQL: ON DUPLICATE KEY UPDATE n = GREATEST(n, VALUES(n)), p = IF(.., p)', () => {
    const sql = `INSERT INTO agg (k, n, p) SELECT s.k, s.n, s.p FROM src s
  ON DUPLICATE KEY UPDATE n = GREATEST(n, VALUES(n)), p = IF(VALUES(p) IS NULL, p, VALUES(p));`;
    expect(withEffects(sql, 'dbvmysql')).toEqual([
      'agg.n -> agg.n [update]',
      'agg.p -> agg.p [update]',
      'src.k -> agg.k [insert]',
      'src.n -> agg.n [insert]',
      'src.n -> agg.n [update]',
      'src.p -> agg.p [insert]',
      'src.p -> agg.p [update]',
    ]);
  });

  test('MySQL: an IF in SET keeps the old value', () => {
    const a = analyzeSql("UPDATE acct SET status = IF(balance < 0, 'overdrawn', status);", 'dbvmysql');
    expect(a.pairs).toEqual(['acct.balance -> acct.status', 'acct.status -> acct.status']);
  });

  test.each(['dbvmssql', 'dbvoracle', 'dbvsnowflake', 'dbvbigquery', 'dbvsparksql'])('%s: MERGE adding to the current value', (vendor) => {
    const sql = `MERGE INTO dw.balance b USING stg.tx s ON b.acct = s.acct
WHEN MATCHED THEN UPDATE SET b.amount = b.amount + s.amount
WHEN NOT MATCHED THEN INSERT (acct, amount) VALUES (s.acct, s.amount);`;
    expect(withEffects(sql, vendor)).toEqual([
      'dw.balance.amount -> dw.balance.amount [merge_update]',
      'stg.tx.acct -> dw.balance.acct [merge_insert]',
      'stg.tx.amount -> dw.balance.amount [merge_insert]',
      'stg.tx.amount -> dw.balance.amount [merge_update]',
    ]);
  });

  test('T-SQL procedure: UPDATE alias ... FROM with a join reads its own column', () => {
    const a = analyzeSql(
      `CREATE PROCEDURE dbo.bump AS
BEGIN
  UPDATE c SET c.visits = c.visits + v.n, c.last_seen = v.d
  FROM dbo.customer c JOIN dbo.visits v ON v.cid = c.id
END`,
      'dbvmssql',
    );
    expect(a.pairs).toEqual(['dbo.customer.visits -> dbo.customer.visits', 'dbo.visits.d -> dbo.customer.last_seen', 'dbo.visits.n -> dbo.customer.visits']);
    expect(flows(a)).toEqual(['dbo.bump: dbo.visits,dbo.customer -> dbo.customer']);
  });
});
