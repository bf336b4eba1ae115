/**
 * `-f sqlflow-graph`: the document SQLFlow's JavaScript diagram widget draws, for
 * `visualizeJSON(json, {layout: true})` and as the answer of `sqlflow serve`'s widget endpoints:
 *
 * `{"code":200,"data":{"mode":"global","summary":{...},
 *   "sqlflow":{"dbobjs":{createdBy, servers:[...]},"relationships":[...],"processes":[...],"errors":[...][,"files"]},
 *   "graph":{"elements":{"tables":[...],"edges":[...]},"tooltip":{},"listIdMap":{...},"relationshipIdMap":{...}}}
 *  [,"sessionId":...][,"jobId":...]}`
 *
 * - dbobjs: the hierarchy (hierarchy.ts) of every object of the graph.
 * - relationships and the drawn links: relationships.ts (column level, or table level with
 *   `--table-to-table`); the graph block: elements.ts. Only the relation types the analysis kept
 *   (`--relation-types`) are in the graph, so only those are drawn.
 * - Every object, column and relationship end has exactly one coordinate pair (coords.ts).
 * - The vendor is the one the widget knows (dialects/registry.ts `widget`).
 * Deterministic; written in chunks of bounded size.
 */
import { defaultDialect, resolveVendor } from '../../dialects/registry.js';
import type { LineageGraph } from '../../graph/model.js';
import type { WriteOptions } from '../../options.js';
import { Coordinates, GraphIndex } from '../common.js';
import { OnePair } from './coords.js';
import { graphBlock } from './elements.js';
import { hierarchy, processEntry } from './hierarchy.js';
import { columnLineage, tableLineage } from './relationships.js';

/** Pieces are gathered into chunks of about this many characters. */
const CHUNK = 1 << 16;

export function* writeSqlflowGraph(graph: LineageGraph, opts: WriteOptions): Generator<string> {
  yield* chunked(pieces(graph, opts));
}

function* pieces(graph: LineageGraph, opts: WriteOptions): Generator<string> {
  const ix = new GraphIndex(graph);
  const coords = new Coordinates(graph.files);
  const pair = new OnePair(coords);
  const widget = (resolveVendor(graph.vendor) ?? defaultDialect()).widget;
  const lineage = opts.tableToTable ? tableLineage(ix, pair) : columnLineage(ix, pair);

  yield `{"code":200,"data":{"mode":"global","summary":${JSON.stringify(lineage.summary())}`;
  yield ',"sqlflow":{"dbobjs":';
  yield* hierarchy(graph.objects, widget, 'sqlflow', pair);
  yield* list('relationships', lineage.relationships);
  yield* list('processes', (function* () {
    for (const p of ix.processes()) yield processEntry(p, pair, true);
  })());
  yield* list('errors', (function* () {
    for (const e of graph.errors) yield { errorMessage: e.message, errorType: e.code, coordinates: coords.ofDiagnostic(e) };
  })());
  const files = coords.filesMap(graph.files);
  if (files) yield `,"files":${JSON.stringify(files)}`;
  yield '}';

  yield ',"graph":{"elements":{';
  yield* graphBlock(graph.objects, () => lineage.links());
  yield '}';
  if (opts.sessionId !== undefined) yield `,"sessionId":${JSON.stringify(opts.sessionId)}`;
  if (opts.jobId !== undefined) yield `,"jobId":${JSON.stringify(opts.jobId)}`;
  yield '}\n';
}

function* list(name: string, items: Iterable<unknown>): Generator<string> {
  yield `,"${name}":[`;
  let first = true;
  for (const item of items) {
    yield (first ? '' : ',') + JSON.stringify(item);
    first = false;
  }
  yield ']';
}

function* chunked(parts: Iterable<string>): Generator<string> {
  let buf: string[] = [];
  let size = 0;
  for (const p of parts) {
    buf.push(p);
    size += p.length;
    if (size >= CHUNK) {
      yield buf.join('');
      buf = [];
      size = 0;
    }
  }
  if (size > 0) yield buf.join('');
}
