/**
 * Group 10 of issue 9, nothing lost silently: a column whose lineage cannot be traced because of
 * a construct sqlflow does not see through gets a note naming the construct, one per column; a
 * long operator chain (a sum of thousands of columns) is traced whole.
 */
import { analyzeSql } from '../procedural/support.js';

describe('a column of a table function returning rows of its own', () => {
  test('T-SQL: CROSS APPLY of an inline table-valued function in a procedure', () => {
    const a = analyzeSql(
      `CREATE PROCEDURE rpt.load_open_items AS
BEGIN
  INSERT INTO rpt.open_items (customer_id, item_id, amount)
  SELECT c.id, f.item_id, f.amount
  FROM dbo.customers c
  CROSS APPLY dbo.fn_open_items(c.id) f;
END;`,
      'dbvmssql',
    );
    expect(a.errors).toEqual([]);
    expect(a.pairs).toEqual(['dbo.customers.id -> rpt.open_items.customer_id']);
    expect(a.notes).toEqual([
      "4:16 lineage of column 'item_id' not traced: the columns of table function dbo.fn_open_items are unknown",
      "4:27 lineage of column 'amount' not traced: the columns of table function dbo.fn_open_items are unknown",
    ]);
  });

  test('Oracle: TABLE(pkg.f(..)) of a pipelined function; PostgreSQL: a set-returning function without a column list', () => {
    const ora = analyzeSql('INSERT INTO dw.rates (ccy, rate) SELECT r.ccy, r.rate FROM TABLE(fx.rates_for(SYSDATE)) r;', 'dbvoracle');
    expect(ora.pairs).toEqual([]);
    expect(ora.notes).toEqual([
      "1:41 lineage of column 'ccy' not traced: the columns of table function fx.rates_for are unknown",
      "1:48 lineage of column 'rate' not traced: the columns of table function fx.rates_for are unknown",
    ]);
    // With a column list (`AS r(a, b)`) or an element function (unnest), the columns are known: no note.
    const pg = analyzeSql(
      `INSERT INTO app.t1 SELECT r.a FROM app.get_rows(1) r;
INSERT INTO app.t2 SELECT r.a FROM app.get_rows(1) AS r(a, b);
INSERT INTO app.t3 SELECT u.x FROM app.src s, unnest(s.xs) AS u(x);`,
      'dbvpostgresql',
    );
    expect(pg.pairs).toEqual(['app.src.xs -> app.t3.x']);
    expect(pg.notes).toEqual(["1:27 lineage of column 'a' not traced: the columns of table function app.get_rows are unknown"]);
  });
});

test('a sum of 3,000 columns (a left-deep chain) is traced whole, with no note', () => {
  const cols = Array.from({ length: 3000 }, (_, i) => `c${i}`);
  const a = analyzeSql(`INSERT INTO w.total (s) SELECT ${cols.join(' + ')} FROM w.wide;`, 'dbvansi');
  expect(a.errors).toEqual([]);
  expect(a.notes).toEqual([]);
  expect(a.pairs).toHaveLength(3000);
  expect(a.pairs).toContain('w.wide.c0 -> w.total.s');
});

test('an expression nested deeper than the walk follows gets one note', () => {
  const n = 2100;
  const a = analyzeSql(`INSERT INTO w.z (v) SELECT ${'f('.repeat(n)}a${')'.repeat(n)} FROM w.t;`, 'dbvansi');
  expect(a.errors).toEqual([]);
  expect(a.notes).toEqual(['1:4030 columns read in an expression nested more than 2000 levels deep are not traced']);
  expect(a.pairs).toEqual([]);
});
