/**
 * The writer of one format, loading that writer's module only: the CLI writes one format per run,
 * and loading all six (with the viewer's assets behind html) was a few ms of every start-up.
 * The exhaustive switch asks for each new format, as `WRITERS` in index.ts does.
 */
import { assertNever } from '../ast/never.js';
import type { LineageGraph } from '../graph/model.js';
import type { OutputFormat, WriteOptions } from '../options.js';
import type { Chunk, Writer } from './chunks.js';

export async function loadWriter(format: OutputFormat): Promise<Writer> {
  switch (format) {
    case 'json':
      return (await import('./json.js')).writeJson;
    case 'csv':
      return (await import('./csv.js')).writeCsv;
    case 'graphml':
      return (await import('./graphml.js')).writeGraphml;
    case 'dataarts':
      return (await import('./dataarts.js')).writeDataArts;
    case 'html':
      return (await import('./html.js')).writeHtml;
    case 'sqlflow-graph':
      return (await import('./sqlflow-graph/index.js')).writeSqlflowGraph;
    default:
      return assertNever(format, 'output format');
  }
}

/**
 * The writer of `format` for a document written to a file or a stream: JSON as UTF-8 bytes, taken
 * as its writer makes them (no string made of each chunk, then encoded again), any other format as text.
 */
export async function loadOutputWriter(format: OutputFormat): Promise<(graph: LineageGraph, opts: WriteOptions) => Iterable<Chunk>> {
  if (format !== 'json') return loadWriter(format);
  const { writeJson } = await import('./json.js');
  return (graph, opts) => writeJson(graph, opts, true);
}
