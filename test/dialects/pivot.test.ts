/**
 * Group 3 of issue 9: PIVOT / UNPIVOT as table operators. A pivot column comes from the aggregated
 * column (fdd) and the FOR column (fdr); grouping columns pass through; an UNPIVOT value column
 * comes from every IN-list column, its name column only decides (fdr) from them.
 */
import { analyzeSql } from '../procedural/support.js';
import { edgePairs } from '../helpers/lineage.js';

const both = (sql: string, vendor: string, schema?: Record<string, string[]>) => {
  const a = analyzeSql(sql, vendor, { relationTypes: ['fdd', 'fdr'] });
  expect(a.errors).toEqual([]);
  expect(a.warnings).toEqual([]);
  return { fdd: a.pairs, fdr: edgePairs(a.graph, { type: 'fdr', rows: false }), a, schema };
};

describe('PIVOT', () => {
  test('T-SQL procedure: bracketed IN list over a derived table, into a table', () => {
    const { fdd, fdr } = both(
      `CREATE PROCEDURE rpt.load_quarters AS
BEGIN
  INSERT INTO rpt.quarterly (region, q1, q2)
  SELECT p.region, p.[Q1], p.[Q2]
  FROM (SELECT s.region, s.qtr, s.amount FROM dbo.sales s WHERE s.yr = 2024) AS src
  PIVOT (SUM(amount) FOR qtr IN ([Q1], [Q2])) AS p;
END`,
      'dbvmssql',
    );
    expect(fdd).toEqual(['dbo.sales.amount -> rpt.quarterly.q1', 'dbo.sales.amount -> rpt.quarterly.q2', 'dbo.sales.region -> rpt.quarterly.region']);
    // The aggregate also depends on which rows the derived table keeps (its WHERE).
    expect(fdr).toEqual(['dbo.sales.qtr -> rpt.quarterly.q1', 'dbo.sales.qtr -> rpt.quarterly.q2', 'dbo.sales.yr -> rpt.quarterly.q1', 'dbo.sales.yr -> rpt.quarterly.q2']);
  });

  test('Oracle: string IN values with aliases, two named aggregates, over a CTE', () => {
    const { fdd, fdr } = both(
      `INSERT INTO rpt.dept_jobs (deptno, clerk_sum, clerk_cnt, mgr_sum, mgr_cnt)
WITH e AS (SELECT deptno, job, sal FROM scott.emp)
SELECT * FROM e PIVOT (SUM(sal) AS s, COUNT(sal) AS c FOR job IN ('CLERK' AS clerk, 'MANAGER' AS mgr))`,
      'dbvoracle',
    );
    expect(fdd).toEqual(
      expect.arrayContaining(['scott.emp.deptno -> rpt.dept_jobs.deptno', 'scott.emp.sal -> rpt.dept_jobs.clerk_sum', 'scott.emp.sal -> rpt.dept_jobs.mgr_cnt']),
    );
    expect(fdd).not.toContain('scott.emp.job -> rpt.dept_jobs.deptno');
    expect(fdr).toEqual(expect.arrayContaining(['scott.emp.job -> rpt.dept_jobs.clerk_sum', 'scott.emp.job -> rpt.dept_jobs.mgr_cnt']));
  });

  test('Oracle: pivot column names are the IN aliases joined to the aggregate aliases', () => {
    const { a } = both(`SELECT * FROM (SELECT deptno, job, sal FROM scott.emp) PIVOT (SUM(sal) AS s FOR job IN ('CLERK' AS clerk, 'MANAGER'))`, 'dbvoracle');
    const rs = a.graph.objects.find((o) => o.name === 'RS-1')!;
    expect(rs.columns.filter((c) => !c.system).map((c) => c.name)).toEqual(['deptno', 'clerk_s', 'MANAGER_s']);
  });

  test('Snowflake: quoted IN values lose their quotes, AS p (c1, ...) renames by position, SELECT * with a schema', () => {
    const sql = `INSERT INTO rpt.q (emp, first_q, second_q)
SELECT * FROM sales.quarterly PIVOT (SUM(amount) FOR quarter IN ('2023_Q1', '2023_Q2')) AS p (emp, first_q, second_q);
SELECT p."2023_Q1" FROM sales.quarterly PIVOT (SUM(amount) FOR quarter IN ('2023_Q1')) AS p;`;
    const a = analyzeSql(`CREATE TABLE sales.quarterly (empid INT, amount INT, quarter TEXT);\n${sql}`, 'dbvsnowflake', { relationTypes: ['fdd', 'fdr'] });
    expect(a.errors).toEqual([]);
    expect(a.pairs).toEqual([
      'sales.quarterly.amount -> RS-1.2023_Q1',
      'sales.quarterly.amount -> rpt.q.first_q',
      'sales.quarterly.amount -> rpt.q.second_q',
      'sales.quarterly.empid -> rpt.q.emp',
    ]);
  });

  test('BigQuery: a named aggregate leads the column name; chained PIVOT then UNPIVOT', () => {
    const { fdd } = both(
      `CREATE TEMP TABLE piv AS
SELECT * FROM (SELECT product, quarter, sales FROM ds.produce) PIVOT (SUM(sales) AS total FOR quarter IN ('Q1', 'Q2'));
SELECT product, total_Q1 FROM (SELECT product, quarter, sales FROM ds.produce) PIVOT (SUM(sales) AS total FOR quarter IN ('Q1', 'Q2'));`,
      'dbvbigquery',
    );
    expect(fdd).toEqual(expect.arrayContaining(['ds.produce.product -> RS-1.product', 'ds.produce.sales -> RS-1.total_Q1', 'ds.produce.sales -> piv.total_Q2']));
    const chained = both(
      `SELECT product, q, v FROM (SELECT product, quarter, sales FROM ds.produce) PIVOT (SUM(sales) FOR quarter IN ('Q1', 'Q2')) UNPIVOT (v FOR q IN (Q1, Q2))`,
      'dbvbigquery',
    );
    expect(chained.fdd).toEqual(['ds.produce.product -> RS-1.product', 'ds.produce.sales -> RS-1.v']);
    expect(chained.fdr).toEqual(['ds.produce.quarter -> RS-1.q', 'ds.produce.quarter -> RS-1.v', 'ds.produce.sales -> RS-1.q']);
  });

  test.each(['dbvsparksql', 'dbvdatabricks', 'dbvduckdb'])('%s: PIVOT over a CTE chain into a table', (vendor) => {
    const { fdd, fdr } = both(
      `CREATE TABLE rpt.temps AS
WITH base AS (SELECT city, month, temp FROM raw.weather), recent AS (SELECT * FROM base)
SELECT city, jan, feb FROM recent PIVOT (AVG(temp) FOR month IN ('jan' AS jan, 'feb' AS feb));`,
      vendor,
    );
    expect(fdd).toEqual(['raw.weather.city -> rpt.temps.city', 'raw.weather.temp -> rpt.temps.feb', 'raw.weather.temp -> rpt.temps.jan']);
    expect(fdr).toEqual(['raw.weather.month -> rpt.temps.feb', 'raw.weather.month -> rpt.temps.jan']);
  });
});

describe('UNPIVOT', () => {
  test('T-SQL: the value column comes from every IN column, the name column only decides', () => {
    const { fdd, fdr } = both(
      `INSERT INTO stg.long (id, month, amount)
SELECT u.id, u.month, u.amount FROM dbo.wide w UNPIVOT (amount FOR month IN ([jan], [feb], [mar])) AS u;`,
      'dbvmssql',
    );
    expect(fdd).toEqual(['dbo.wide.feb -> stg.long.amount', 'dbo.wide.id -> stg.long.id', 'dbo.wide.jan -> stg.long.amount', 'dbo.wide.mar -> stg.long.amount']);
    expect(fdr).toEqual(['dbo.wide.feb -> stg.long.month', 'dbo.wide.jan -> stg.long.month', 'dbo.wide.mar -> stg.long.month']);
  });

  test('a same-named source column is not a source of the value column', () => {
    const { fdd } = both(`CREATE TABLE w (id INT, amount INT, jan INT, feb INT);
SELECT * FROM w UNPIVOT (amount FOR month IN (jan, feb));`, 'dbvsnowflake');
    expect(fdd).toEqual(['w.feb -> RS-1.amount', 'w.id -> RS-1.id', 'w.jan -> RS-1.amount']);
  });

  test('Snowflake: INCLUDE NULLS, alias list', () => {
    const { fdd, fdr } = both(`SELECT * FROM sales.m UNPIVOT INCLUDE NULLS (amt FOR mon IN (jan, feb)) AS u (which_month, value);`, 'dbvsnowflake');
    expect(fdd).toEqual(expect.arrayContaining(['sales.m.feb -> RS-1.value', 'sales.m.jan -> RS-1.value']));
    expect(fdr).toEqual(expect.arrayContaining(['sales.m.feb -> RS-1.which_month', 'sales.m.jan -> RS-1.which_month']));
  });

  test.each(['dbvoracle', 'dbvbigquery', 'dbvsparksql', 'dbvdatabricks'])('%s: multi-column UNPIVOT ((a, b) FOR k IN ((x1, y1), (x2, y2)))', (vendor) => {
    const { fdd, fdr } = both(
      `INSERT INTO rpt.halves (id, half, sales, cost)
SELECT id, half, sales, cost FROM fin.yearly UNPIVOT ((sales, cost) FOR half IN ((h1_sales, h1_cost) AS 'H1', (h2_sales, h2_cost) AS 'H2'));`,
      vendor,
    );
    expect(fdd).toEqual(
      expect.arrayContaining([
        'fin.yearly.h1_cost -> rpt.halves.cost',
        'fin.yearly.h1_sales -> rpt.halves.sales',
        'fin.yearly.h2_cost -> rpt.halves.cost',
        'fin.yearly.h2_sales -> rpt.halves.sales',
      ]),
    );
    expect(fdd).not.toContain('fin.yearly.h1_cost -> rpt.halves.sales');
    expect(fdr).toEqual(expect.arrayContaining(['fin.yearly.h1_sales -> rpt.halves.half', 'fin.yearly.h2_cost -> rpt.halves.half']));
  });
});

describe("DuckDB's PIVOT and UNPIVOT statements", () => {
  const CITIES = `CREATE TABLE cities (country VARCHAR, name VARCHAR, year INTEGER, population INTEGER);
CREATE TABLE monthly_sales (empid INTEGER, dept VARCHAR, jan INTEGER, feb INTEGER, mar INTEGER, apr INTEGER, may INTEGER, jun INTEGER);
`;

  test('PIVOT ... ON col IN (...) USING agg AS a GROUP BY; without IN the columns are the data values (`*`, or asked by name)', () => {
    const { fdd, fdr } = both(
      `${CITIES}
CREATE TABLE pop_by_year AS
PIVOT cities ON year IN (2000, 2010) USING sum(population) AS total GROUP BY country;

-- Without GROUP BY every other column groups; without IN the pivot columns are unknown here.
CREATE TABLE pop_wide AS PIVOT cities ON year USING sum(population) ORDER BY country;

-- In a derived table, a pivot column asked by name; in a CTE, two ON columns and two aggregates.
INSERT INTO pop_2010 SELECT country, "2010" FROM (PIVOT cities ON year USING sum(population) GROUP BY country) p;
INSERT INTO pop_nl
WITH p AS (PIVOT cities ON year IN (2000), country IN ('NL', 'US') USING sum(population), max(population) GROUP BY name)
SELECT * FROM p;`,
      'dbvduckdb',
    );
    expect(fdd).toEqual([
      'cities.country -> pop_2010.country',
      'cities.country -> pop_by_year.country',
      'cities.country -> pop_wide.country',
      'cities.name -> pop_nl.name',
      'cities.name -> pop_wide.name',
      'cities.population -> pop_2010.2010',
      'cities.population -> pop_by_year.2000_total',
      'cities.population -> pop_by_year.2010_total',
      'cities.population -> pop_nl.2000_NL_max(population)',
      'cities.population -> pop_nl.2000_NL_sum(population)',
      'cities.population -> pop_nl.2000_US_max(population)',
      'cities.population -> pop_nl.2000_US_sum(population)',
      'cities.population -> pop_wide.*',
    ]);
    expect(fdr).toEqual([
      'cities.country -> pop_nl.2000_NL_max(population)',
      'cities.country -> pop_nl.2000_NL_sum(population)',
      'cities.country -> pop_nl.2000_US_max(population)',
      'cities.country -> pop_nl.2000_US_sum(population)',
      'cities.year -> pop_2010.2010',
      'cities.year -> pop_by_year.2000_total',
      'cities.year -> pop_by_year.2010_total',
      'cities.year -> pop_nl.2000_NL_max(population)',
      'cities.year -> pop_nl.2000_NL_sum(population)',
      'cities.year -> pop_nl.2000_US_max(population)',
      'cities.year -> pop_nl.2000_US_sum(population)',
      'cities.year -> pop_wide.*',
    ]);
  });

  test('UNPIVOT ... ON cols INTO NAME n VALUE v; several value columns; the default names `name` and `value`', () => {
    const { fdd, fdr } = both(
      `${CITIES}
CREATE TABLE sales_long AS UNPIVOT monthly_sales ON jan, feb, mar INTO NAME month VALUE sales;
CREATE TABLE sales_quarters AS
UNPIVOT monthly_sales ON (jan, feb, mar) AS q1, (apr, may, jun) AS q2 INTO NAME quarter VALUE m1, m2, m3;
INSERT INTO sales_any SELECT * FROM (UNPIVOT monthly_sales ON jan, feb) ORDER BY 1 LIMIT 5;`,
      'dbvduckdb',
    );
    expect(fdd).toEqual([
      'monthly_sales.apr -> sales_any.apr',
      'monthly_sales.apr -> sales_long.apr',
      'monthly_sales.apr -> sales_quarters.m1',
      'monthly_sales.dept -> sales_any.dept',
      'monthly_sales.dept -> sales_long.dept',
      'monthly_sales.dept -> sales_quarters.dept',
      'monthly_sales.empid -> sales_any.empid',
      'monthly_sales.empid -> sales_long.empid',
      'monthly_sales.empid -> sales_quarters.empid',
      'monthly_sales.feb -> sales_any.value',
      'monthly_sales.feb -> sales_long.sales',
      'monthly_sales.feb -> sales_quarters.m2',
      'monthly_sales.jan -> sales_any.value',
      'monthly_sales.jan -> sales_long.sales',
      'monthly_sales.jan -> sales_quarters.m1',
      'monthly_sales.jun -> sales_any.jun',
      'monthly_sales.jun -> sales_long.jun',
      'monthly_sales.jun -> sales_quarters.m3',
      'monthly_sales.mar -> sales_any.mar',
      'monthly_sales.mar -> sales_long.sales',
      'monthly_sales.mar -> sales_quarters.m3',
      'monthly_sales.may -> sales_any.may',
      'monthly_sales.may -> sales_long.may',
      'monthly_sales.may -> sales_quarters.m2',
    ]);
    expect(fdr).toEqual([
      'monthly_sales.feb -> sales_any.name',
      'monthly_sales.feb -> sales_long.month',
      'monthly_sales.jan -> sales_any.name',
      'monthly_sales.jan -> sales_long.month',
      ...['apr', 'feb', 'jan', 'jun', 'mar', 'may'].map((c) => `monthly_sales.${c} -> sales_quarters.quarter`).sort(),
      'monthly_sales.mar -> sales_long.month',
    ].sort());
  });
});
