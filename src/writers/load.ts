/**
 * The writer of one format, loading that writer's module only: the CLI writes one format per run,
 * and loading all six (with the viewer's assets behind html) was a few ms of every start-up.
 * The exhaustive switch asks for each new format, as `WRITERS` in index.ts does.
 */
import { assertNever } from '../ast/never.js';
import type { OutputFormat } from '../options.js';
import type { Writer } from './chunks.js';

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
