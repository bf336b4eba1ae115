#!/usr/bin/env node
// npm run bench:viewer [-- --runs 3] [--no-schema]
// The HTML viewer on TPC-DS x1 with --show-intermediate (thousands of columns): the page's size,
// and the time from navigation to an interactive diagram (the page's `sqlflow:ready` mark: data
// read, laid out, first frame drawn, handlers bound) in headless Chromium, plus the time a click
// on a table takes to expand and highlight it. Reported, never asserted: exit 0 (2 on bad usage,
// a missing build or a missing Chromium).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const chromiumPath = process.env.SQLFLOW_CHROMIUM ?? '/usr/bin/chromium';
let opts;
try {
  opts = parseArgs({ options: { runs: { type: 'string', default: '3' }, 'no-schema': { type: 'boolean', default: false } } }).values;
} catch (e) {
  process.stderr.write(`bench: ${e.message}\nusage: node test/bench/viewer.mjs [--runs n] [--no-schema]\n`);
  process.exit(2);
}
const runs = Number.parseInt(opts.runs, 10);
for (const need of ['dist/src/api.js', 'dist/viewer/viewer.js']) {
  if (!existsSync(join(root, need))) {
    process.stderr.write(`bench: ${need} missing: run npm run build first\n`);
    process.exit(2);
  }
}
if (!existsSync(chromiumPath)) {
  process.stderr.write(`bench: no Chromium at ${chromiumPath} (apt-get install chromium, or set SQLFLOW_CHROMIUM)\n`);
  process.exit(2);
}

const { analyze, render } = await import(join(root, 'dist/src/api.js'));
const { chromium } = await import('playwright-core');
const sqlPath = 'test/corpus/bench/tpcds.sql';
const text = readFileSync(join(root, sqlPath), 'utf8');
const options = { showIntermediate: true, schemaFiles: opts['no-schema'] ? [] : [join(root, 'test/corpus/bench/tpcds-schema.json')] };
const { graph } = analyze([{ path: sqlPath, text }], options);
const html = render(graph, { format: 'html', tableToTable: false, delimiter: ',', sources: [text] });
const outDir = join(root, 'test/bench/out');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, 'tpcds-viewer.html');
writeFileSync(file, html);

const objects = graph.objects.filter((o) => o.type !== 'process');
const columns = objects.reduce((n, o) => n + o.columns.length, 0);
const out = (s = '') => process.stdout.write(`${s}\n`);
out(`input:   ${sqlPath} x1, --show-intermediate${opts['no-schema'] ? '' : ', --schema tpcds-schema.json'}: ${objects.length} tables/result sets, ${columns} columns, ${graph.edges.length} edges`);
out(`html:    ${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB (${file})`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
const ready = [];
const wall = [];
const click = [];
const layout = [];
try {
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const t0 = performance.now();
    await page.goto(`file://${file}`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
    wall.push(performance.now() - t0);
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    ready.push(marks['sqlflow:ready']);
    layout.push(marks['sqlflow:layout-end'] - marks['sqlflow:layout-start']);
    // A click on the most connected table: expand it, light its lineage, redraw.
    const ms = await page.evaluate(async () => {
      const v = window.sqlflowViewer;
      const hub = [...v.model.objects].filter((o) => o.kind !== 'process').sort((a, b) => b.cols.length - a.cols.length)[0];
      const t = performance.now();
      v.diagram.toggle(hub);
      v.diagram.select({ kind: 'table', obj: hub });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t;
    });
    click.push(ms);
    await page.close();
  }
} finally {
  await browser.close();
}
const f = (ms) => `${(ms / 1000).toFixed(2)} s`;
out(`ready:   ${ready.map(f).join(', ')} (navigation to interactive, in the page; median ${f(median(ready))})`);
out(`layout:  ${layout.map(f).join(', ')} (dagre, part of ready)`);
out(`wall:    ${wall.map(f).join(', ')} (goto + wait, seen from the test driver)`);
out(`click:   ${click.map(f).join(', ')} (expand + highlight of the widest table, to the second frame)`);
out(`target:  interactive in < 3 s: ${median(ready) < 3000 ? 'met' : 'NOT met'}`);
