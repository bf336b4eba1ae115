/**
 * Production SQL swept in session 11 (second sweep): PL/SQL packages, T-SQL procedures, Snowflake
 * pipelines, PostgreSQL upserts, BigQuery scripts, MySQL procedures, Teradata, Db2, Hive/Spark,
 * ClickHouse, Trino and Vertica. Pairs are `source -> target` per relation type.
 */
import { ok } from '../helpers/accuracy.js';

describe('SET (a, b) = (x, y): each column gets the value at its position', () => {
  test('UPDATE .. FROM and MERGE .. UPDATE SET (cols) = (values) / ROW(values) (each column got every value)', () => {
    const sql = `UPDATE dwh.accounts a SET (status, closed_at) = (s.new_status, s.closed_ts) FROM staging.closures s WHERE s.id = a.id;
MERGE INTO dwh.customers AS t
USING (SELECT customer_id, name, email FROM staging.customers) AS s (customer_id, name, email)
ON t.customer_id = s.customer_id
WHEN MATCHED THEN UPDATE SET (name, email) = (s.name, s.email)
WHEN NOT MATCHED THEN INSERT (customer_id, name, email) VALUES (s.customer_id, s.name, s.email);`;
    const expected = [
      'staging.closures.closed_ts -> dwh.accounts.closed_at',
      'staging.closures.new_status -> dwh.accounts.status',
      'staging.customers.customer_id -> dwh.customers.customer_id',
      'staging.customers.email -> dwh.customers.email',
      'staging.customers.name -> dwh.customers.name',
    ];
    for (const vendor of ['dbvdb2', 'dbvpostgresql', 'dbvoracle']) expect(ok(sql, vendor).pairs).toEqual(expected);
    const row = ok(`UPDATE dwh.accounts a SET (status, closed_at) = ROW(s.new_status, s.closed_ts) FROM staging.closures s WHERE s.id = a.id;
UPDATE dwh.accounts SET (status, closed_at) = (SELECT c.new_status, c.closed_ts FROM staging.closures c WHERE c.id = accounts.id);`, 'dbvpostgresql');
    expect(row.pairs).toEqual([
      'staging.closures.closed_ts -> dwh.accounts.closed_at',
      'staging.closures.new_status -> dwh.accounts.status',
    ]);
  });
});
