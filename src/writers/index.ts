/** Output writers: pure `(graph, opts) => string` projections of the shaped lineage graph. */
import type { LineageGraph } from '../graph/model.js';
import type { WriteOptions } from '../options.js';
import { writeCsv } from './csv.js';
import { writeDataArts } from './dataarts.js';
import { writeGraphml } from './graphml.js';
import { writeHtml } from './html.js';
import { writeJson } from './json.js';
import { writeSqlflowGraph } from './sqlflow-graph/index.js';

export { writeCsv, writeDataArts, writeGraphml, writeHtml, writeJson, writeSqlflowGraph };

/** Renders `graph` in `opts.format`. Deterministic: the same graph and options give the same bytes. */
export function render(graph: LineageGraph, opts: WriteOptions): string {
  switch (opts.format) {
    case 'json':
      return writeJson(graph, opts);
    case 'csv':
      return writeCsv(graph, opts);
    case 'graphml':
      return writeGraphml(graph, opts);
    case 'dataarts':
      return writeDataArts(graph, opts);
    case 'html':
      return [...writeHtml(graph, opts)].join('');
    case 'sqlflow-graph':
      return [...writeSqlflowGraph(graph, opts)].join('');
    default: {
      const unknown: never = opts.format;
      throw new Error(`unknown output format: ${String(unknown)}`);
    }
  }
}
