/**
 * `--format html`: one self-contained page, the interactive lineage viewer. Data (see
 * viewer/data.ts), the browser code (cytoscape + dagre, bundled by esbuild at build time) and the
 * styles are inline; a Content-Security-Policy forbids every network fetch, so the file works
 * offline and behind firewalls. Written as a stream of bounded chunks; deterministic.
 */
import type { LineageGraph } from '../graph/model.js';
import type { WriteOptions } from '../options.js';
import { viewerAssets } from '../viewer/assets.js';
import { viewDataChunks } from '../viewer/view-data.js';

const SLICE = 1 << 16;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data: blob:";
/** Pages of `sqlflow serve` also post their form back to the server. */
export const SERVE_CSP = `${CSP}; form-action 'self'`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function pageTitle(graph: LineageGraph, opts: Pick<WriteOptions, 'title'>): string {
  if (opts.title !== undefined) return opts.title;
  const [first] = graph.files;
  if (first === undefined) return 'sqlflow lineage';
  const more = graph.files.length - 1;
  return `sqlflow lineage: ${first}${more > 0 ? ` and ${more} more file${more === 1 ? '' : 's'}` : ''}`;
}

/** The page around the data: everything up to the data, and everything after it. */
export function* htmlPage(title: string, data: Iterable<string>, csp: string = CSP): Generator<string> {
  const { js, css } = viewerAssets();
  yield '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n';
  yield `<meta http-equiv="Content-Security-Policy" content="${csp}">\n`;
  yield '<meta name="viewport" content="width=device-width, initial-scale=1">\n';
  // No icon to fetch (a served page would otherwise ask the server for /favicon.ico).
  yield '<link rel="icon" href="data:,">\n';
  yield `<meta name="generator" content="sqlflow">\n<title>${escapeHtml(title)}</title>\n`;
  yield `<style>\n${css}</style>\n</head>\n<body>\n`;
  yield '<noscript>This lineage viewer needs JavaScript.</noscript>\n';
  yield '<script type="application/json" id="sqlflow-data">';
  yield* data;
  yield '</script>\n<script>\n';
  for (let at = 0; at < js.length; at += SLICE) yield js.slice(at, at + SLICE);
  yield '</script>\n</body>\n</html>\n';
}

export function* writeHtml(graph: LineageGraph, opts: WriteOptions): Generator<string> {
  yield* htmlPage(pageTitle(graph, opts), viewDataChunks(graph, opts.sources ?? [], { tableLevel: opts.tableToTable }));
}
