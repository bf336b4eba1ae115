/**
 * Production SQL of every dialect (session 10 sweep): dynamic SQL from literal-only format(),
 * tables made by SELECT * INTO, warehouse scripting, computed columns, exception handlers, and
 * the constructs found by running production-style scripts. Pairs are `source -> target` per
 * relation type.
 */
import { ok } from '../helpers/accuracy.js';

describe('SELECT * INTO a table, then reads of its columns', () => {
  test('PostgreSQL SELECT * INTO TEMP and T-SQL SELECT * INTO #t: t.c read later is src.c through the *', () => {
    const pg = ok(`SELECT * INTO TEMP tmp_open_orders FROM sales.orders WHERE status = 'open';
INSERT INTO mart.open_orders (order_id, amount_usd)
SELECT t.order_id, t.amount * fx.rate FROM tmp_open_orders t JOIN ref.fx_rates fx ON fx.currency = t.currency;`, 'dbvpostgresql');
    expect(pg.pairs).toEqual([
      'ref.fx_rates.rate -> mart.open_orders.amount_usd',
      'sales.orders.* -> tmp_open_orders.*',
      'sales.orders.amount -> tmp_open_orders.amount',
      'sales.orders.currency -> tmp_open_orders.currency',
      'sales.orders.order_id -> tmp_open_orders.order_id',
      'tmp_open_orders.amount -> mart.open_orders.amount_usd',
      'tmp_open_orders.order_id -> mart.open_orders.order_id',
    ]);
    const ms = ok(`SELECT * INTO #stage FROM dbo.Orders WHERE Status = 'O';
INSERT INTO dbo.OpenOrders (OrderId, Amount) SELECT s.OrderId, s.Amount FROM #stage AS s;`, 'dbvmssql');
    expect(ms.pairs).toEqual([
      '#stage.Amount -> dbo.OpenOrders.Amount',
      '#stage.OrderId -> dbo.OpenOrders.OrderId',
      'dbo.Orders.* -> #stage.*',
      'dbo.Orders.Amount -> #stage.Amount',
      'dbo.Orders.OrderId -> #stage.OrderId',
    ]);
  });
});
