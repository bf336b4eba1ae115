/**
 * The gate's pages as a user gets them: `impact -f html`, `diff -f html`, `check --html` from the
 * CLI, opened in headless Chromium; the markdown report links to the page it wrote.
 */
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { runCli } from '../helpers/cli.js';
import { artifactDir, launchBrowser, openViewer } from '../helpers/browser.js';
import { repoPath } from '../helpers/paths.js';

jest.setTimeout(120_000);

const CONFIG = repoPath('samples', 'ci', 'sqlflow.config.json');
const BASE = repoPath('test', 'fixtures', 'gate', 'base.sql');
const HEAD = repoPath('test', 'fixtures', 'gate', 'head.sql');

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'sqlflow-gate-pages-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `source -> target` labels of the drawn edges with a class (`added`, `removed`). */
function marked(page: Page, cls: string): Promise<string[]> {
  return page.evaluate((c) => {
    const v = (window as unknown as { sqlflowViewer: { model: { cols: Map<number, { label: string }> }; diagram: { cy: any } } }).sqlflowViewer;
    const label = (n: any) => v.model.cols.get(Number(String(n.id()).slice(1)))?.label ?? n.id();
    return v.diagram.cy.edges(`.${c}`).map((e: any) => `${label(e.source())} -> ${label(e.target())}`).sort();
  }, cls);
}

test('impact -f html: the page opens with the seed selected and lights exactly what impact lists', async () => {
  const args = ['impact', '--config', CONFIG, '--column', 'src.orders.discount'];
  const page = await runCli([...args, '-f', 'html']);
  expect(page.code).toBe(0);
  const json = JSON.parse((await runCli([...args, '-f', 'json'])).stdout);
  const listed = json.impact.entries.flatMap((e: any) => [e.seed, ...e.impacted.map((i: any) => i.column)]);
  const { page: p, problems } = await openViewer(browser, 'gate-impact', page.stdout);
  expect(await p.evaluate(() => (window as unknown as { sqlflowViewer: { lit(): string[] } }).sqlflowViewer.lit())).toEqual([...new Set(listed)].sort());
  expect(await p.locator('#details h2').textContent()).toBe('src.orders.discount');
  expect(await p.locator('.bar .caption').textContent()).toBe('impact downstream of src.orders.discount: 3 columns reached');
  await p.screenshot({ path: join(artifactDir(), 'gate-impact.png') });
  expect(problems).toEqual([]);
  await p.close();
});

test('diff -f html: added edges green, removed red, the same page every run', async () => {
  const run = () => runCli(['diff', '--base', BASE, '--head', HEAD, '-f', 'html']);
  const first = await run();
  expect(first.code).toBe(0);
  expect((await run()).stdout).toBe(first.stdout);
  const { page, problems } = await openViewer(browser, 'gate-diff', first.stdout);
  const added = await marked(page, 'added');
  const removed = await marked(page, 'removed');
  expect(added).toEqual(expect.arrayContaining(['crm.regions.region_code -> mart.order_totals.region', 'crm.customers.nickname -> mart.v_names.nickname']));
  expect(removed).toEqual(expect.arrayContaining(['crm.customers.region -> mart.order_totals.region', 'sales.orders.tax -> mart.order_totals.gross']));
  expect(added.filter((e) => removed.includes(e))).toEqual([]);
  const colours = await page.evaluate(() => {
    const cy = (window as unknown as { sqlflowViewer: { diagram: { cy: any } } }).sqlflowViewer.diagram.cy;
    return [cy.edges('.added').first().style('line-color'), cy.edges('.removed').first().style('line-color')];
  });
  const rgb = (s: string) => s.match(/\d+/g)!.map(Number);
  const [green, red] = colours.map(rgb) as [number[], number[]];
  expect(green[1]!).toBeGreaterThan(Math.max(green[0]!, green[2]!));
  expect(red[0]!).toBeGreaterThan(Math.max(red[1]!, red[2]!));
  expect(await page.locator('.bar .caption').textContent()).toBe(`diff: ${added.length} edges added, ${removed.length} removed`);
  await page.screenshot({ path: join(artifactDir(), 'gate-diff.png') });
  expect(problems).toEqual([]);
  await page.close();
});

test('check -f markdown --html: the report links to the page, which carries the verdict', async () => {
  const report = join(dir, 'report.md');
  const r = await runCli(['check', '--base', BASE, '--head', HEAD, '--fail-on', 'warning', '-f', 'markdown', '-o', report, '--html', join(dir, 'pages', '..', 'lineage.html')]);
  expect(r.code).toBe(1);
  const md = readFileSync(report, 'utf8');
  expect(md).toContain('**Interactive diagram:** [lineage.html](lineage.html)');
  const html = readFileSync(join(dir, 'lineage.html'), 'utf8');
  const { page, problems } = await openViewer(browser, 'gate-check', html);
  expect(await page.locator('.bar .caption').textContent()).toMatch(/^check FAILED: \d+ errors?, \d+ warnings?; diff: \d+ edges? added, \d+ removed$/);
  expect(problems).toEqual([]);
  await page.close();
});

test('without --html the markdown report has no link; an unwritable page is exit 2', async () => {
  const md = await runCli(['diff', '--base', BASE, '--head', HEAD, '-f', 'markdown']);
  expect(md.stdout).not.toContain('Interactive diagram');
  const bad = await runCli(['diff', '--base', BASE, '--head', HEAD, '--html', join(dir, 'no-such-folder', 'x.html')]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/x\.html: error: cannot write output/);
});
