/**
 * Group 7 of issue 9: columns known from use (an unqualified column over several tables of
 * unknown columns goes to the one table the input uses it from, with a note); group 9: a view's
 * columns carry coordinates.
 */
import { analyze, render } from '../../src/api.js';
import { analyzeSql } from '../procedural/support.js';

describe('columns known from use', () => {
  test.each(['dbvansi', 'dbvmssql', 'dbvoracle', 'dbvpostgresql', 'dbvsnowflake', 'dbvbigquery'])('%s: a qualified use elsewhere in the statement or earlier decides', (vendor) => {
    const a = analyzeSql(
      `INSERT INTO dw.a (cust_name) SELECT c.cust_name FROM crm.customers c;
INSERT INTO dw.order_facts (id, cust_name, amount, region)
SELECT o.id, cust_name, amount, region
FROM sales.orders o JOIN crm.customers c ON c.id = o.cust_id
WHERE o.amount > 0;`,
      vendor,
    );
    expect(a.pairs).toEqual([
      'crm.customers.cust_name -> dw.a.cust_name',
      'crm.customers.cust_name -> dw.order_facts.cust_name',
      'pseudo_table_include_orphan_column.region -> dw.order_facts.region',
      'sales.orders.amount -> dw.order_facts.amount',
      'sales.orders.id -> dw.order_facts.id',
    ]);
    expect(a.notes).toEqual([
      "3:14 column 'cust_name' attributed to crm.customers: the only source the input uses it from",
      "3:25 column 'amount' attributed to sales.orders: the only source the input uses it from",
    ]);
    // A column no table is known to have stays ambiguous.
    expect(a.warnings).toEqual(["3:33 column 'region' could belong to any of 2 sources; add a qualifier or --schema"]);
  });

  test('a statement without qualified names is decided by the uses before it', () => {
    // The second statement has no `.` at all: nothing of its own to learn, the first one's use decides.
    const a = analyzeSql(
      `INSERT INTO a (cust_name) SELECT c.cust_name FROM customers c;
INSERT INTO f (oid, cust_name) SELECT oid, cust_name FROM orders JOIN customers ON cid = id;`,
      'dbvansi',
    );
    expect(a.pairs).toEqual(['customers.cust_name -> a.cust_name', 'customers.cust_name -> f.cust_name', 'pseudo_table_include_orphan_column.oid -> f.oid']);
    expect(a.notes).toEqual(["2:44 column 'cust_name' attributed to customers: the only source the input uses it from"]);
  });

  test('BigQuery: a qualified use written as one quoted name (`c.cid`) decides', () => {
    const a = analyzeSql('INSERT INTO ds.f (cid) SELECT cid FROM ds.orders JOIN ds.customers c ON `c.cid` = oid;', 'dbvbigquery');
    expect(a.pairs).toEqual(['ds.customers.cid -> ds.f.cid']);
    expect(a.notes).toEqual(["1:31 column 'cid' attributed to ds.customers: the only source the input uses it from"]);
  });

  test('two tables known to have the column: still ambiguous', () => {
    const a = analyzeSql('SELECT a.k, b.k FROM a, b; SELECT k FROM a, b;', 'dbvansi');
    expect(a.warnings).toEqual(["1:35 column 'k' could belong to any of 2 sources; add a qualifier or --schema"]);
  });
});

describe('view columns carry coordinates', () => {
  test.each(['dbvansi', 'dbvmssql', 'dbvoracle', 'dbvsnowflake'])('%s: without a column list, at the select items; with one, at its names', (vendor) => {
    const sql = 'CREATE VIEW dw.v AS\nSELECT o.id, o.amount * 2 AS amt\nFROM sales.orders o;\nCREATE VIEW dw.w (k, total) AS\nSELECT o.id, o.amount FROM sales.orders o;';
    const { graph } = analyze([{ path: 'a.sql', text: sql }], { vendor });
    const cols = (name: string) =>
      graph.objects
        .find((o) => o.name.toLowerCase() === name)!
        .columns.filter((c) => !c.system)
        .map((c) => `${c.name}@${c.locs.map((l) => `${l.line}:${l.col}`).join(',')}`);
    expect(cols('v')).toEqual(['id@2:8', 'amt@2:14']);
    expect(cols('w')).toEqual(['k@4:19', 'total@4:22']);
    const doc = JSON.parse(render(graph, { format: 'json', tableToTable: false, delimiter: ',' }));
    const view = doc.data.sqlflow.dbobjs.find((o: { name: string }) => o.name.toLowerCase() === 'dw.v');
    for (const c of view.columns) expect(c.coordinates.length).toBeGreaterThan(0);
  });
});
