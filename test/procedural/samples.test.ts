/**
 * samples/mssql/expected/ and samples/oracle/expected/ hold the outputs of the samples' README
 * commands (the warehouse loads written as T-SQL procedures and as a PL/SQL package). This test
 * recomputes them in memory and compares byte for byte (UPDATE_GOLDEN=1 rewrites them; review
 * the diff as lineage, not as text), and checks the lineage each README points out.
 */
import { readdirSync } from 'node:fs';
import { expectGoldenFile } from '../helpers/golden.js';
import { repoPath } from '../helpers/paths.js';
import { pipeline } from '../helpers/pipeline.js';

const inputs = (dir: string) =>
  readdirSync(repoPath('samples', dir))
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => `samples/${dir}/${f}`);

const SAMPLES: [string, string][] = [
  ['mssql', 'mssql'],
  ['oracle', 'oracle'],
];

/** [file in samples/<dir>/expected, options after the inputs]. */
const OUTPUTS: [string, string[]][] = [
  ['lineage.json', []],
  ['lineage.csv', ['--format', 'csv']],
  ['lineage.table.csv', ['--table-to-table', '--format', 'csv']],
];

describe.each(SAMPLES)('samples/%s', (dir, vendor) => {
  test.each(OUTPUTS)('expected/%s is up to date', (file, args) => {
    expectGoldenFile(repoPath('samples', dir, 'expected', file), pipeline(inputs(dir), ['--vendor', vendor, ...args]), { literal: true });
  });
});

/** `source.col -> target.col effect` rows of the CSV output. */
function csvPairs(dir: string, vendor: string): string[] {
  const csv = pipeline(inputs(dir), ['--vendor', vendor, '--format', 'csv']).trim().split('\n').slice(1);
  const name = (db: string, schema: string, table: string) => [db, schema, table].filter((p) => p !== 'DEFAULT').join('.');
  return csv.map((line) => {
    const c = line.split(',');
    return `${name(c[0]!, c[1]!, c[2]!)}.${c[3]} -> ${name(c[4]!, c[5]!, c[6]!)}.${c[7]} ${c[9]}`;
  });
}

test('samples/mssql: the lineage its README points out', () => {
  const pairs = csvPairs('mssql', 'mssql');
  expect(pairs).toEqual(
    expect.arrayContaining([
      'SalesDW.stg.Customer.FirstName -> #stage.CustomerName insert',
      'SalesDW.stg.Customer.LastName -> #stage.CustomerName insert',
      'SalesDW.stg.Customer.CompanyName -> #stage.CustomerName insert',
      '#stage.CustomerName -> SalesDW.dbo.DimCustomer.CustomerName merge_update',
      'SalesDW.stg.SalesOrderLine.OrderQty -> #tmp.SalesAmount insert',
      'SalesDW.stg.SalesOrderLine.UnitPrice -> #tmp.SalesAmount insert',
      '#tmp.SalesAmount -> SalesDW.dbo.FactSales.SalesAmount update',
      'SalesDW.dbo.FactSales.SalesAmount -> SalesDW.dbo.vw_SalesByCustomer.NetSales create_view',
      'SalesDW.dbo.vw_SalesByCustomer.NetSales -> SalesDW.dbo.CustomerSalesSnapshot.NetSales insert',
    ]),
  );
});

test('samples/oracle: the lineage its README points out', () => {
  const pairs = csvPairs('oracle', 'oracle');
  expect(pairs).toEqual(
    expect.arrayContaining([
      'stg_customer.first_name -> dim_customer.full_name merge_update',
      'stg_customer.last_name -> dim_customer.full_name merge_update',
      'stg_order.qty -> gtt_order_work.amount insert',
      'stg_order.unit_price -> gtt_order_work.amount insert',
      'gtt_order_work.amount -> fact_orders.amount insert',
      'gtt_order_work.amount -> big_order_alert.amount insert',
      'fact_orders.amount -> daily_revenue.revenue insert',
      'src_employees.last_name -> dim_employee_hier.emp_path insert',
    ]),
  );
});
