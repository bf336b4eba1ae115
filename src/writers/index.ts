/**
 * Output writers: generators of text chunks projecting the shaped lineage graph (see chunks.ts).
 * `write` streams a format; `render` joins the chunks into one string for library users.
 */
import type { LineageGraph } from '../graph/model.js';
import type { OutputFormat, WriteOptions } from '../options.js';
import { joinChunks, type Writer } from './chunks.js';
import { writeCsv } from './csv.js';
import { writeDataArts } from './dataarts.js';
import { writeGraphml } from './graphml.js';
import { writeHtml } from './html.js';
import { writeJson } from './json.js';
import { writeSqlflowGraph } from './sqlflow-graph/index.js';

export { writeCsv, writeDataArts, writeGraphml, writeHtml, writeJson, writeSqlflowGraph };
export { CHUNK_CHARS, joinChunks, type Writer } from './chunks.js';

/** The writer of each format. */
export const WRITERS: Record<OutputFormat, Writer> = {
  json: writeJson,
  csv: writeCsv,
  graphml: writeGraphml,
  dataarts: writeDataArts,
  html: writeHtml,
  'sqlflow-graph': writeSqlflowGraph,
};

/** `graph` in `opts.format`, as chunks of bounded size. Deterministic: same graph and options, same bytes. */
export function write(graph: LineageGraph, opts: WriteOptions): Generator<string, void, undefined> {
  const writer = Object.hasOwn(WRITERS, opts.format) ? WRITERS[opts.format] : undefined;
  if (!writer) throw new Error(`unknown output format: ${String(opts.format)}`);
  return writer(graph, opts);
}

/** The whole document as one string (for library users; the CLI streams `write` instead). */
export function render(graph: LineageGraph, opts: WriteOptions): string {
  return joinChunks(write(graph, opts));
}
