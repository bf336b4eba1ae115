/** The HTML writer (no browser): one self-contained, deterministic page, streamed in bounded chunks. */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render, writeHtml } from '../../src/writers/index.js';
import type { LineageGraph } from '../../src/graph/model.js';
import { runCli } from '../helpers/cli.js';
import { repoPath } from '../helpers/paths.js';
import { htmlOf, sample } from './samples.js';

function dataOf(html: string): { objects: { n: string; c: { n: string }[] }[]; sources: (string | null)[]; edges: unknown[]; tableLevel?: boolean } {
  const at = html.indexOf('id="sqlflow-data">') + 'id="sqlflow-data">'.length;
  return JSON.parse(html.slice(at, html.indexOf('</script>', at)));
}

describe('--format html', () => {
  const wh = sample('warehouse');

  it('is one page with data, code and styles inline and no network access', () => {
    expect(wh.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(wh.html).toContain("default-src 'none'");
    expect(wh.html).not.toMatch(/<script[^>]+src=|<link[^>]+href=(?!"data:)|<img[^>]+src=/);
    expect(wh.html.match(/<\/script>/g)).toHaveLength(2);
  });

  it('embeds every object, edge and input text', () => {
    const data = dataOf(wh.html);
    expect(data.objects).toHaveLength(wh.graph.objects.length);
    expect(data.sources).toHaveLength(5);
    expect(data.sources[0]).toContain('CREATE TABLE');
    expect(data.edges.length).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    expect(sample('warehouse').html).toBe(wh.html);
  });

  it('streams in bounded chunks', () => {
    const big = 'x'.repeat(300_000);
    const graph = { ...wh.graph, files: ['big.sql'] } as LineageGraph;
    const chunks = [...writeHtml(graph, { format: 'html', tableToTable: false, delimiter: ',', sources: [big] })];
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(1 << 17);
    expect(chunks.join('')).toBe(render(graph, { format: 'html', tableToTable: false, delimiter: ',', sources: [big] }));
  });

  it('keeps names and SQL text from closing the script element', () => {
    const sql = "CREATE VIEW \"</script><script>alert(1)</script>\" AS SELECT '</script>' AS \"<!--c\" FROM t; -- \u2028 \ud83d";
    const { html } = htmlOf([{ path: 'x</script>.sql', text: sql }], {});
    expect(html.match(/<\/script>/gi)).toHaveLength(2);
    const data = dataOf(html);
    expect(data.sources[0]).toBe(sql);
    expect(data.objects.some((o) => o.n.includes('</script>'))).toBe(true);
  });

  it('writes an empty graph', () => {
    const { html } = htmlOf([], {});
    expect(dataOf(html).objects).toEqual([]);
  });

  it('is what `sqlflow analyze -f html` prints, with the input SQL embedded', async () => {
    const r = await runCli(['analyze', repoPath('samples/oracle/01_tables.sql'), '-t', 'oracle', '-f', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(dataOf(r.stdout).sources[0]).toContain('CREATE TABLE');
    expect(r.stdout).toContain('<title>sqlflow lineage: samples/oracle/01_tables.sql</title>');
  });

  it('-o FILE: the same bytes every run, and the size said on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlflow-html-'));
    try {
      const files = [join(dir, 'a.html'), join(dir, 'b.html')];
      const runs = [];
      for (const f of files) runs.push(await runCli(['analyze', ...['01_staging', '02_dimensions'].map((n) => repoPath(`samples/warehouse/${n}.sql`)), '-f', 'html', '-o', f]));
      const [a, b] = files.map((f) => readFileSync(f));
      expect(a!.equals(b!)).toBe(true);
      const size = statSync(files[0]!).size;
      expect(runs[0]!.diagnostics).toEqual([`sqlflow: wrote ${files[0]}: ${size.toLocaleString('en-US')} bytes (${(size / 1e6).toFixed(2)} MB), one self-contained HTML page`]);
      expect(runs[0]!.summary).toMatch(/^sqlflow: 2 files, /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens in table level with --table-to-table', async () => {
    const r = await runCli(['analyze', repoPath('samples/oracle/01_tables.sql'), '-t', 'oracle', '-f', 'html', '--table-to-table']);
    expect(r.code).toBe(0);
    expect(dataOf(r.stdout)).toMatchObject({ tableLevel: true });
  });
});
