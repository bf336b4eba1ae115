/** Diff and impact pages: the union of two analyses with changes marked, and seeds selected at start. */
import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { analyze, writeDiffHtml, writeImpactHtml } from '../../src/api.js';
import { DIALECTS } from '../../src/dialects/registry.js';
import { serveForm, writeServePage } from '../../src/viewer/pages.js';
import { diffGraphs } from '../../src/viewer/diff.js';
import { launchBrowser, openViewer } from '../helpers/browser.js';
import { downstream } from './samples.js';

jest.setTimeout(120_000);

const BASE = 'INSERT INTO dw.t (a, b) SELECT x, y FROM src.s;\nINSERT INTO dw.u (k) SELECT a FROM dw.t;';
const HEAD = 'INSERT INTO dw.t (a, c) SELECT x, z FROM src.s;\nINSERT INTO dw.u (k) SELECT a FROM dw.t;\nINSERT INTO dw.v (m) SELECT c FROM dw.t;';
const base = analyze([{ path: 'etl.sql', text: BASE }]).graph;
const head = analyze([{ path: 'etl.sql', text: HEAD }]).graph;

function labelOf(g: ReturnType<typeof diffGraphs>['graph'], objectId: number, columnId: number): string {
  const o = g.objects.find((x) => x.id === objectId)!;
  return `${[o.schema, o.name].filter(Boolean).join('.')}.${o.columns.find((c) => c.id === columnId)!.name}`;
}

describe('diffGraphs', () => {
  const d = diffGraphs(base, head);
  const marked = (m: string) =>
    d.graph.edges.filter((e) => d.edgeMarks.get(e.id) === m).map((e) => `${labelOf(d.graph, e.source.objectId, e.source.columnId)} -> ${labelOf(d.graph, e.target.objectId, e.target.columnId)}`).sort();

  it('marks edges only in the new analysis as added, only in the old one as removed', () => {
    expect(marked('a')).toEqual(['dw.t.c -> dw.v.m', 'src.s.z -> dw.t.c']);
    expect(marked('r')).toEqual(['src.s.y -> dw.t.b']);
    expect(d.graph.edges.filter((e) => !d.edgeMarks.has(e.id))).toHaveLength(2);
    expect([d.added, d.removed]).toEqual([2, 1]);
  });

  it('keeps one object per table, with the columns of both, and marks new tables', () => {
    const t = d.graph.objects.filter((o) => o.name === 't');
    expect(t).toHaveLength(1);
    expect(t[0]!.columns.map((c) => c.name).sort()).toEqual(['RelationRows', 'a', 'b', 'c']);
    const v = d.graph.objects.find((o) => o.name === 'v')!;
    expect(d.objectMarks.get(v.id)).toBe('a');
    expect(new Set(d.graph.objects.map((o) => o.id)).size).toBe(d.graph.objects.length);
  });

  it('of a graph with itself marks nothing', () => {
    const same = diffGraphs(head, head);
    expect([same.added, same.removed, same.objectMarks.size]).toEqual([0, 0, 0]);
  });
});

describe('in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a diff page draws added edges green and removed ones red', async () => {
    const html = [...writeDiffHtml(base, head, { baseSources: [BASE], headSources: [HEAD] })].join('');
    const { page, problems } = await openViewer(browser, 'diff', html);
    const count = (sel: string) => page.evaluate((s) => (window as unknown as { sqlflowViewer: { diagram: { cy: { edges(s: string): { length: number } } } } }).sqlflowViewer.diagram.cy.edges(s).length, sel);
    expect([await count('.added'), await count('.removed'), await count('edge')]).toEqual([2, 1, 5]);
    expect(await page.locator('.bar .caption').textContent()).toBe('diff: 2 edges added, 1 removed');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an impact page opens with the seed column selected and its lineage lit', async () => {
    const seed = head.objects.find((o) => o.name === 's')!.columns.find((c) => c.name === 'x')!;
    const html = [...writeImpactHtml(head, [seed.id], { sources: [HEAD] })].join('');
    const { page, problems } = await openViewer(browser, 'impact', html);
    const lit = await page.evaluate(() => (window as unknown as { sqlflowViewer: { lit(): string[] } }).sqlflowViewer.lit());
    expect(lit).toEqual(downstream(head, 'src.s.x'));
    expect(await page.locator('#details h2').textContent()).toBe('src.s.x');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an impact page shows and follows only the types it is given', async () => {
    const sql = 'INSERT INTO dw.t (a) SELECT x FROM src.s WHERE x > 0;\nINSERT INTO dw.u (k) SELECT a FROM dw.t;';
    const g = analyze([{ path: 'etl.sql', text: sql }], { relationTypes: ['fdd', 'fdr'] }).graph;
    expect(new Set(g.edges.map((e) => e.type))).toEqual(new Set(['fdd', 'fdr']));
    const seed = g.objects.find((o) => o.name === 's')!.columns.find((c) => c.name === 'x')!;
    const { page, problems } = await openViewer(browser, 'impact-fdd', [...writeImpactHtml(g, [seed.id], { types: ['fdd'] })].join(''));
    expect(await page.locator('input[data-type="fdr"]').isChecked()).toBe(false);
    expect(await page.locator('input[data-type="fdd"]').isChecked()).toBe(true);
    const fddOnly = { ...g, edges: g.edges.filter((e) => e.type === 'fdd') };
    expect(await page.evaluate(() => (window as unknown as { sqlflowViewer: { lit(): string[] } }).sqlflowViewer.lit())).toEqual(downstream(fddOnly, 'src.s.x'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a page of sqlflow serve carries the analysis form, posting to the server only', async () => {
    const html = [...writeServePage(undefined, serveForm('/', { auth: true, userId: 'ann' }))].join('');
    expect(html).toContain("form-action 'self'");
    const { page, problems } = await openViewer(browser, 'serve', html);
    expect(await page.locator('#serve-vendor option').count()).toBe(DIALECTS.length);
    expect(await page.locator('#serve-user').inputValue()).toBe('ann');
    expect(await page.locator('#serve-token').count()).toBe(1);
    expect(await page.locator('form.serve-form').getAttribute('enctype')).toBe('multipart/form-data');
    // Nothing to analyze: the form is not sent.
    await page.locator('#serve-submit').click();
    expect(page.url()).toMatch(/serve\.html$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
