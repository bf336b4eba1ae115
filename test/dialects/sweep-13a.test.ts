/**
 * Lineage gaps found in session 12 and fixed in session 13 (first sweep): column-level loads
 * from files, Netezza external files with a column list, Redshift PartiQL UNPIVOT, IDENTITY marks
 * copied by SELECT INTO / LIKE, Vertica EXPLODE's exploded arguments. Pairs are `source -> target`.
 */
import { ok } from '../helpers/accuracy.js';
import { edgePairs } from '../helpers/lineage.js';

describe('column-level loads from files', () => {
  test('PostgreSQL / Greenplum COPY t (a, b) FROM and psql \\copy: the file\'s fields load the listed columns', () => {
    const sql = `COPY finance.payments (payment_id, invoice_id, paid_amount) FROM '/imports/payments.csv' WITH (FORMAT csv, HEADER true);
COPY finance.invoices FROM '/imports/invoices.csv' WITH (FORMAT csv);
INSERT INTO finance.paid_invoices (invoice_id, paid_total)
SELECT p.invoice_id, SUM(p.paid_amount) FROM finance.payments p GROUP BY p.invoice_id;`;
    for (const vendor of ['dbvpostgresql', 'dbvgreenplum']) {
      const a = ok(sql, vendor);
      expect(a.pairs).toEqual([
        '/imports/payments.csv.invoice_id -> finance.payments.invoice_id',
        '/imports/payments.csv.paid_amount -> finance.payments.paid_amount',
        '/imports/payments.csv.payment_id -> finance.payments.payment_id',
        'finance.payments.invoice_id -> finance.paid_invoices.invoice_id',
        'finance.payments.paid_amount -> finance.paid_invoices.paid_total',
      ]);
      // Without a column list the load stays table to table.
      expect(edgePairs(a.graph, { rows: true, sourceRows: true }).filter((p) => p.startsWith('/imports/invoices.csv'))).toEqual(['/imports/invoices.csv.RelationRows -> finance.invoices.RelationRows']);
    }
    const psql = ok(`\\copy staging.events (event_id, user_id, occurred_at) from 'events_2024_06.csv' with (format csv, header)\n`, 'dbvpostgresql');
    expect(psql.pairs).toEqual([
      'events_2024_06.csv.event_id -> staging.events.event_id',
      'events_2024_06.csv.occurred_at -> staging.events.occurred_at',
      'events_2024_06.csv.user_id -> staging.events.user_id',
    ]);
  });

  test('MySQL LOAD DATA INFILE .. (col, @var) SET c = expr: fields into columns, a variable\'s field through its SET', () => {
    const a = ok(`LOAD DATA INFILE '/var/lib/mysql-files/customers.csv'
INTO TABLE crm.customers
CHARACTER SET utf8mb4
FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"'
LINES TERMINATED BY '\\n'
IGNORE 1 LINES
(customer_id, @raw_name, email, @signup)
SET full_name = UPPER(TRIM(@raw_name)),
    signup_date = STR_TO_DATE(@signup, '%Y-%m-%d'),
    loaded_at = NOW();
LOAD DATA LOCAL INFILE 'orders_2024.csv' REPLACE INTO TABLE shop.orders PARTITION (p2024) FIELDS TERMINATED BY '\\t' (order_id, customer_id, total);
LOAD DATA INFILE 'audit.csv' INTO TABLE ops.audit_log;`, 'dbvmysql');
    expect(a.pairs).toEqual([
      '/var/lib/mysql-files/customers.csv.customer_id -> crm.customers.customer_id',
      '/var/lib/mysql-files/customers.csv.email -> crm.customers.email',
      '/var/lib/mysql-files/customers.csv.raw_name -> crm.customers.full_name',
      '/var/lib/mysql-files/customers.csv.signup -> crm.customers.signup_date',
      'orders_2024.csv.customer_id -> shop.orders.customer_id',
      'orders_2024.csv.order_id -> shop.orders.order_id',
      'orders_2024.csv.total -> shop.orders.total',
    ]);
    expect(edgePairs(a.graph, { rows: true, sourceRows: true }).filter((p) => p.startsWith('audit.csv'))).toEqual(['audit.csv.RelationRows -> ops.audit_log.RelationRows']);
  });
});
