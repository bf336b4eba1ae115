/**
 * The gate as CI runs it (issue 8, "done when" 1): a git repository with the samples/ci warehouse
 * (DDL, views, T-SQL procedures, an Oracle package, a config mapping folders to vendors), a branch
 * that drops a column used three hops downstream and renames another, `sqlflow check --base-ref
 * main` in every report format; branches that only add a comment or an unused column pass.
 */
import { jest } from '@jest/globals';
import { runCli } from '../helpers/cli.js';
import { sampleRepo, sarifErrors, type Repo } from './helpers.js';

// Each analysis runs the whole pipeline (and git); the first one also builds the parsers.
jest.setTimeout(60_000);

const MIGRATION = 'warehouse/migrations/2026_12_01_orders.sql';

describe('sqlflow check --base-ref main', () => {
  let repo: Repo;
  beforeAll(() => {
    repo = sampleRepo();
    repo.git('checkout', '-q', '-b', 'breaking');
    repo.write(MIGRATION, '-- the discount moves to the pricing service\nALTER TABLE src.orders DROP COLUMN discount;\nALTER TABLE src.customers RENAME COLUMN email TO email_address;\n');
    repo.commit('drop discount, rename email');
  });
  afterAll(() => repo.dispose());

  const check = (...args: string[]) => runCli(['check', '--base-ref', 'main', ...args], { cwd: repo.dir });

  // Every statement that reads a changed column, at the reference itself.
  const READS = [
    // the view reads src.orders.discount (hop 1)
    ['warehouse/views/02_stage_views.sql', 6, 19, 'error', 'CREATE VIEW stage.v_orders reads src.orders.discount, which is dropped (warehouse/migrations/2026_12_01_orders.sql:2:1)'],
    // the T-SQL procedure reads the view column that breaks with it (hop 2)
    ['warehouse/procs/load_fact_sales.sql', 8, 53, 'error', 'INSERT INTO dw.fact_sales in dw.load_fact_sales reads stage.v_orders.net_amount, which breaks with src.orders.discount'],
    // the Oracle package reads the fact column whose lineage disappears (hop 3)
    ['warehouse/oracle/sales_report_pkg.sql', 7, 26, 'warning', 'INSERT INTO rpt.sales_by_region in rpt.sales_report.refresh reads dw.fact_sales.net_amount, whose lineage from src.orders.discount disappears'],
    // the renamed column, read in the select list and in the WHERE clause
    ['warehouse/procs/load_fact_sales.sql', 17, 27, 'error', 'INSERT INTO crm.mailing_list in crm.refresh_mailing_list reads src.customers.email, which is renamed to email_address (warehouse/migrations/2026_12_01_orders.sql:3:1)'],
    ['warehouse/procs/load_fact_sales.sql', 19, 11, 'error', 'INSERT INTO crm.mailing_list in crm.refresh_mailing_list reads src.customers.email, which is renamed to email_address'],
  ] as const;

  test('text: exit 1, one compiler-style line per reading statement', async () => {
    const r = await check();
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    for (const [file, line, col, severity, message] of READS) {
      expect(lines.some((l) => l.startsWith(`${file}:${line}:${col}: ${severity}: ${message}`))).toBe(true);
    }
    expect(lines[lines.length - 1]).toBe('sqlflow check: FAILED, 4 errors, 1 warning');
    expect(lines).toHaveLength(READS.length + 1);
    // The chain of the three hops is named.
    expect(r.stdout).toContain('src.orders.discount -> stage.v_orders.net_amount -> dw.fact_sales.net_amount');
  });

  test('github: workflow commands at each reference', async () => {
    const r = await check('-f', 'github');
    expect(r.code).toBe(1);
    for (const [file, line, col, severity] of READS) {
      expect(r.stdout).toMatch(new RegExp(`^::${severity} file=${file},line=${line},col=${col},[^\\n]*::`, 'm'));
    }
  });

  test('sarif: schema-valid SARIF 2.1.0 with every reading statement', async () => {
    const r = await check('-f', 'sarif');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { runs: { results: { level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
    expect(sarifErrors(doc)).toEqual([]);
    const at = doc.runs[0]!.results.map((x) => {
      const p = x.locations[0]!.physicalLocation;
      return `${p.artifactLocation.uri}:${p.region.startLine}:${p.region.startColumn}:${x.level}`;
    });
    for (const [file, line, col, severity] of READS) expect(at).toContain(`${file}:${line}:${col}:${severity}`);
  });

  test('markdown: a table of findings and a Mermaid diagram of the impacted lineage', async () => {
    const r = await check('-f', 'markdown');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('## sqlflow check: FAILED, 4 errors, 1 warning');
    for (const [file, line, col] of READS) expect(r.stdout).toContain(`\`${file}:${line}:${col}\``);
    expect(r.stdout).toContain('```mermaid\nflowchart LR\n');
    expect(r.stdout).toMatch(/\["src\.orders\.discount"\]/);
    expect(r.stdout).toMatch(/\["rpt\.sales_by_region\.net_amount"\]/);
  });

  test('json: the findings, the changes and their impact', async () => {
    const r = await check('-f', 'json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { passed: boolean; summary: { errors: number; warnings: number }; impact: { entries: { seed: string; impacted: { column: string; depth: number }[] }[] } };
    expect(doc.passed).toBe(false);
    expect(doc.summary).toMatchObject({ errors: 4, warnings: 1 });
    const discount = doc.impact.entries.find((e) => e.seed === 'src.orders.discount')!;
    expect(discount.impacted).toContainEqual(expect.objectContaining({ column: 'rpt.sales_by_region.net_amount', depth: 3 }));
  });

  test('the same change written in the DDL (no migration) fails the same statements', async () => {
    repo.git('checkout', '-q', '-b', 'ddl-edit', 'main');
    try {
      repo.write('warehouse/ddl/01_source_tables.sql', repo.read('warehouse/ddl/01_source_tables.sql').replace('  discount    DECIMAL(12, 2),\n', ''));
      repo.commit('drop discount in the DDL');
      const r = await check();
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('warehouse/views/02_stage_views.sql:6:19: error: CREATE VIEW stage.v_orders reads src.orders.discount, which its table no longer declares');
      expect(r.stdout).toContain('warehouse/procs/load_fact_sales.sql:8:53: error:');
    } finally {
      repo.git('checkout', '-q', 'breaking');
    }
  });

  test.each([
    ['a comment line', (x: Repo) => x.write('warehouse/views/02_stage_views.sql', `-- reviewed\n${x.read('warehouse/views/02_stage_views.sql')}`)],
    ['a new unused column', (x: Repo) => x.write(MIGRATION, 'ALTER TABLE src.orders ADD COLUMN channel VARCHAR(10);\n')],
  ])('a branch that only adds %s passes (exit 0)', async (_name, change) => {
    repo.git('checkout', '-q', '-b', `harmless-${_name.length}`, 'main');
    try {
      change(repo);
      repo.commit('harmless');
      for (const format of ['text', 'github', 'sarif', 'markdown']) {
        const r = await check('-f', format);
        expect(r.code).toBe(0);
      }
      expect((await check()).stdout).toBe('sqlflow check: passed, 0 errors, 0 warnings\n');
    } finally {
      repo.git('checkout', '-q', 'breaking');
    }
  });
});
