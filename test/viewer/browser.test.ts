/**
 * The viewer in a real headless Chromium: every table and column drawn, lineage highlighting,
 * search, table level, filters, edge details, export and keyboard, without console errors or
 * network requests. Screenshots go to test/viewer/out/ (git-ignored).
 */
import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { artifactDir, launchBrowser, openViewer } from '../helpers/browser.js';
import { downstream, expectedDrawing, htmlOf, sample, sqlFiles, type Sample } from './samples.js';
import { repoPath } from '../helpers/paths.js';
import { runCli } from '../helpers/cli.js';

jest.setTimeout(120_000);

const text = async (page: Page, selector: string) => (await page.locator(selector).first().textContent()) ?? '';

interface Api {
  counts(): { tables: number; columns: number; edges: number; processes: number };
  drawn(): string[];
  lit(): string[];
  pointOf(label: string): { x: number; y: number } | undefined;
}

const api = <T>(page: Page, fn: (a: Api) => T): Promise<T> =>
  page.evaluate(`(${fn.toString()})(window.sqlflowViewer)`) as Promise<T>;

async function click(page: Page, label: string): Promise<void> {
  const at = await page.evaluate((l) => (window as unknown as { sqlflowViewer: Api }).sqlflowViewer.pointOf(l), label);
  if (!at) throw new Error(`${label} is not drawn`);
  await page.mouse.click(at.x, at.y);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A page of the viewer for the tests of one describe block, opened before them and closed after;
 * `quiet(v)` ends the block.
 */
function opened(name: string, make: () => Sample): { s: Sample; page: Page; problems: string[] } {
  const v = {} as { s: Sample; page: Page; problems: string[] };
  beforeAll(async () => {
    v.s = make();
    Object.assign(v, await openViewer(browser, name, v.s.html));
  });
  afterAll(async () => {
    await v.page?.close();
  });
  return v;
}

/** Last test of a block: the page logged no console error or warning and made no request. */
function quiet(v: { problems?: string[] }): void {
  it('shows no console errors and makes no requests', () => {
    expect(v.problems).toEqual([]);
  });
}

describe.each(['warehouse', 'mssql', 'oracle'])('the %s sample', (name) => {
  const v = opened(name, () => sample(name));

  it('draws every table and column of the graph, and lists them as text', async () => {
    const want = expectedDrawing(v.s.graph);
    const counts = await api(v.page, (a) => a.counts());
    expect(counts.tables).toBe(want.tables);
    expect(counts.columns).toBe(want.columns);
    expect(await api(v.page, (a) => a.drawn())).toEqual([...want.labels].sort());
    expect(await v.page.locator('#tree button.t').count()).toBe(want.tables);
    expect(await v.page.locator('#tree button.c').count()).toBe(want.columns);
    await v.page.screenshot({ path: join(artifactDir(), `${name}.png`) });
  });

  quiet(v);
});

describe('the warehouse viewer', () => {
  const v = opened('warehouse-interaction', () => sample('warehouse'));
  beforeEach(async () => {
    await v.page.keyboard.press('Escape');
  });

  it('a click on a source column lights exactly its downstream columns', async () => {
    const label = 'src.crm_customers.cust_id';
    await click(v.page, label);
    const lit = await api(v.page, (a) => a.lit());
    expect(lit).toEqual(downstream(v.s.graph, label));
    expect(lit.length).toBeGreaterThan(3);
    expect(await text(v.page, '#details h2')).toBe(label);
    await v.page.screenshot({ path: join(artifactDir(), 'warehouse-highlight.png') });
  });

  it('the columns lit by the click are exactly those `sqlflow impact --column ... -f json` lists', async () => {
    const label = 'src.crm_customers.cust_id';
    await click(v.page, label);
    const files = sqlFiles('samples/warehouse').map((f) => repoPath(f.path));
    const r = await runCli(['impact', ...files, '--schema', repoPath('samples/warehouse/schema.json'), '--column', label, '-f', 'json']);
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.stdout).impact.entries as { seed: string; impacted: { column: string }[] }[];
    const listed = new Set(entries.flatMap((e) => [e.seed, ...e.impacted.map((i) => i.column)]));
    expect(await api(v.page, (a) => a.lit())).toEqual([...listed].sort());
  });

  it('a click on empty canvas clears the highlight', async () => {
    await click(v.page, 'src.crm_customers.cust_id');
    const box = (await v.page.locator('#graph').boundingBox())!;
    await v.page.mouse.click(box.x + 3, box.y + 3);
    expect(await api(v.page, (a) => a.lit())).toEqual([]);
  });

  it('search finds a column with autocomplete and selects it', async () => {
    await v.page.locator('#search').fill('signup_d');
    const options = v.page.locator('#search-list li[role="option"]');
    await options.first().waitFor();
    expect(await options.allTextContents()).toContain('stage.stg_customer.signup_date');
    const at = (await options.allTextContents()).indexOf('stage.stg_customer.signup_date');
    for (let i = 0; i < at; i++) await v.page.keyboard.press('ArrowDown');
    await v.page.keyboard.press('Enter');
    expect(await text(v.page, '#details h2')).toBe('stage.stg_customer.signup_date');
    expect(await api(v.page, (a) => a.lit())).toContain('stage.stg_customer.signup_date');
  });

  it('table level draws tables and table-to-table edges only, and back', async () => {
    const before = await api(v.page, (a) => a.counts());
    await v.page.locator('#level').click();
    const pairs = new Set(v.s.graph.edges.filter((e) => e.source.objectId !== e.target.objectId).map((e) => `${e.source.objectId}>${e.target.objectId}:${e.type}`));
    expect(await api(v.page, (a) => a.counts())).toEqual({ tables: before.tables, columns: 0, edges: pairs.size, processes: 0 });
    expect(await v.page.locator('#level').getAttribute('aria-pressed')).toBe('true');
    await v.page.screenshot({ path: join(artifactDir(), 'warehouse-table-level.png') });
    await v.page.locator('#level').click();
    expect(await api(v.page, (a) => a.counts())).toEqual(before);
  });

  it('relation type and process filters switch edges and processes', async () => {
    const before = await api(v.page, (a) => a.counts());
    await v.page.locator('input[data-type="fdd"]').uncheck();
    expect((await api(v.page, (a) => a.counts())).edges).toBe(0);
    await v.page.locator('input[data-type="fdd"]').check();
    await v.page.locator('#show-processes').check();
    const withProcesses = await api(v.page, (a) => a.counts());
    expect(withProcesses.processes).toBe(v.s.graph.objects.filter((o) => o.type === 'process').length);
    await v.page.locator('#show-processes').uncheck();
    expect(await api(v.page, (a) => a.counts())).toEqual(before);
  });

  it('an edge shows its statement: file:line, and the SQL text', async () => {
    await click(v.page, 'src.crm_customers.cust_id');
    await v.page.locator('#details .edge-link').first().click();
    expect(await text(v.page, '#details .loc')).toMatch(/^samples\/warehouse\/01_staging\.sql:\d+$/);
    expect(await text(v.page, '#details pre.sql')).toContain('INSERT INTO stage.stg_customer');
  });

  it('the keyboard selects, moves along rows and follows edges', async () => {
    await v.page.locator('#graph').focus();
    await v.page.keyboard.press('Escape');
    await v.page.keyboard.press('Enter');
    const first = await text(v.page, '#details h2');
    expect(first).toBe(expectedDrawing(v.s.graph).labels[0]!.split('.').slice(0, -1).join('.'));
    await v.page.keyboard.press('ArrowDown');
    expect(await text(v.page, '#details h2')).toBe(expectedDrawing(v.s.graph).labels[0]!);
    await v.page.keyboard.press('ArrowRight');
    const next = await text(v.page, '#details h2');
    expect(downstream(v.s.graph, expectedDrawing(v.s.graph).labels[0]!)).toContain(next);
    expect(await text(v.page, '#status')).toContain(next);
  });

  it('exports the current view as SVG and PNG', async () => {
    await click(v.page, 'src.crm_customers.cust_id');
    const [svgDownload] = await Promise.all([v.page.waitForEvent('download'), v.page.locator('#export-svg').click()]);
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    const counts = await api(v.page, (a) => a.counts());
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<rect /g)).toHaveLength(counts.tables + counts.columns + 1);
    expect(svg.match(/<path class=/g)).toHaveLength(counts.edges);
    expect(svg).toContain('>cust_id</text>');
    const [pngDownload] = await Promise.all([v.page.waitForEvent('download'), v.page.locator('#export-png').click()]);
    const png = readFileSync((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  quiet(v);
});

describe('a graph of thousands of columns (TPC-DS with intermediates)', () => {
  const v = opened('tpcds', () => {
    const options = { showIntermediate: true, schemaFiles: [repoPath('test/corpus/bench/tpcds-schema.json')] };
    return htmlOf(sqlFiles('test/corpus/bench').filter((f) => f.path.endsWith('tpcds.sql')), options);
  });

  it('starts with every table collapsed to its header, and lists every column', async () => {
    const want = expectedDrawing(v.s.graph);
    expect(want.columns).toBeGreaterThan(1500);
    expect(await api(v.page, (a) => a.counts())).toMatchObject({ tables: want.tables, columns: 0 });
    expect(await v.page.locator('#tree button.c').count()).toBe(want.columns);
    await v.page.screenshot({ path: join(artifactDir(), 'tpcds.png') });
  });

  it('a click on a table expands it', async () => {
    await click(v.page, 'date_dim');
    const dateDim = v.s.graph.objects.find((o) => o.name === 'date_dim')!;
    expect((await api(v.page, (a) => a.counts())).columns).toBe(dateDim.columns.filter((c) => !c.system || v.s.graph.edges.some((e) => e.source.columnId === c.id || e.target.columnId === c.id)).length);
  });

  it('hiding intermediates folds them away', async () => {
    await v.page.locator('#show-intermediates').uncheck();
    const kept = v.s.graph.objects.filter((o) => o.type !== 'process' && !o.intermediate).length;
    expect((await api(v.page, (a) => a.counts())).tables).toBe(kept);
    await v.page.locator('#show-intermediates').check();
  });

  quiet(v);
});
