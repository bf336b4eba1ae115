/**
 * Graph → the viewer's embedded data (see data.ts), as a stream of JSON text chunks: the document
 * is never built whole, so a graph of 10^5 columns costs one object's text at a time.
 *
 * Columns drawn: every ordinary column, and the RelationRows pseudo column only when an edge
 * touches it (as the GraphML writer draws them). Edges with the same (source, target, type) are one
 * view edge listing every statement that makes the link.
 */
import { qualifiedName, type LineageEdge, type LineageGraph, type LineageObject, type Loc, type RelationType } from '../graph/model.js';
import type { Mark, ServeForm, ViewColumn, ViewData, ViewEdge, ViewLoc, ViewObject } from './data.js';
import { IntList, RELATION_CODE, TripleSet } from '../graph/compact.js';

/** Characters per chunk for long texts (file sources). */
const SLICE = 1 << 16;

/** JSON text safe inside a `<script>` element: `<` never appears raw. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function viewLoc(l: Loc): ViewLoc {
  return [l.file, l.line, l.col, l.endLine, l.endCol];
}

function schemaKey(o: LineageObject): string {
  return [o.database, o.schema].filter((p) => p !== undefined && p !== '').join('.');
}

/** The column ids some edge touches. */
function touchedColumns(graph: LineageGraph): Set<number> {
  const touched = new Set<number>();
  for (const e of graph.edges) {
    touched.add(e.source.columnId);
    touched.add(e.target.columnId);
  }
  return touched;
}

export function viewObject(o: LineageObject, touched: ReadonlySet<number>): ViewObject {
  const v: ViewObject = { i: o.id, k: o.type, n: qualifiedName(o), s: schemaKey(o), c: [] };
  if (o.intermediate) v.x = 1;
  if (o.type === 'process') {
    if (o.locs[0]) v.l = viewLoc(o.locs[0]);
    if (o.procedureName !== undefined) v.p = o.procedureName;
    if (o.effectType !== undefined) v.e = o.effectType;
    v.r = [...new Set(o.reads ?? [])];
    v.w = [...new Set(o.writes ?? [])];
    return v;
  }
  for (const c of o.columns) {
    if (c.system && !touched.has(c.id)) continue;
    const col: ViewColumn = { i: c.id, n: c.name };
    if (c.system) col.y = 1;
    v.c.push(col);
  }
  // Ordinary columns first, the pseudo column last (as in the GraphML writer).
  v.c.sort((a, b) => (a.y ?? 0) - (b.y ?? 0));
  return v;
}

/** Graph edges merged by (source column, target column, type), in order of first occurrence. */
export function viewEdges(edges: readonly LineageEdge[], marks?: ReadonlyMap<number, Mark>): ViewEdge[] {
  return [...viewEdgeStream(edges, marks)];
}

/**
 * `viewEdges` one at a time: each merged edge is made when it is written. What is held meanwhile
 * is a few integers per edge (its group, the next edge of its group), not a keyed map of objects
 * with two arrays each (~500 bytes per edge; 485,000 edges at 117 MB of SQL).
 */
export function* viewEdgeStream(edges: readonly LineageEdge[], marks?: ReadonlyMap<number, Mark>): Generator<ViewEdge> {
  const groups = new TripleSet();
  const first = new IntList();
  const last = new IntList();
  const next = new Int32Array(edges.length).fill(-1);
  edges.forEach((e, i) => {
    const g = groups.ordinal(e.source.columnId, e.target.columnId, RELATION_CODE[e.type]);
    if (g === first.length) {
      first.push(i);
      last.push(i);
    } else {
      next[last.at(g)] = i;
      last.set(g, i);
    }
  });
  for (let g = 0; g < first.length; g++) {
    const head = edges[first.at(g)]!;
    const v: ViewEdge = { s: head.source.columnId, t: head.target.columnId, y: head.type, e: [], p: [] };
    const m = marks?.get(head.id);
    if (m) v.m = m;
    for (let i = first.at(g); i >= 0; i = next[i]!) {
      const e = edges[i]!;
      const pid = e.processId ?? -1;
      if (!v.p.some((p, k) => p === pid && v.e[k] === e.effectType)) {
        v.p.push(pid);
        v.e.push(e.effectType);
      }
      if (e.function !== undefined && !(v.f ?? []).includes(e.function)) (v.f ??= []).push(e.function);
    }
    yield v;
  }
}

/** What a page shows besides the graph: diff marks by object and edge id, the columns selected at start. */
export interface ViewExtras {
  objectMarks?: ReadonlyMap<number, Mark>;
  edgeMarks?: ReadonlyMap<number, Mark>;
  focus?: number[];
  caption?: string;
  serve?: ServeForm;
  tableLevel?: boolean;
  types?: RelationType[];
}

/**
 * The ViewData of `graph` as JSON text chunks. `sources` are the input texts by file index (null or
 * missing: the statement SQL is not shown for that file).
 */
export function* viewDataChunks(graph: LineageGraph, sources: readonly (string | null | undefined)[] = [], extras: ViewExtras = {}): Generator<string> {
  const errors = graph.errors.filter((e) => e.severity === 'error').length;
  const head: Omit<ViewData, 'objects' | 'edges' | 'sources'> = {
    v: 1,
    vendor: graph.vendor,
    files: graph.files,
    stats: { statements: graph.statements.total, failed: graph.statements.failed, errors, warnings: graph.errors.length - errors },
  };
  if (extras.focus && extras.focus.length > 0) head.focus = extras.focus;
  if (extras.caption !== undefined) head.caption = extras.caption;
  if (extras.serve) head.serve = extras.serve;
  if (extras.tableLevel) head.tableLevel = true;
  if (extras.types) head.types = extras.types;
  const open = scriptJson(head);
  yield `${open.slice(0, -1)},"objects":[`;
  const touched = touchedColumns(graph);
  let i = 0;
  for (const o of graph.objects) {
    const v = viewObject(o, touched);
    const m = extras.objectMarks?.get(o.id);
    if (m) v.m = m;
    yield `${i++ === 0 ? '' : ','}${scriptJson(v)}`;
  }
  yield '],"edges":[';
  i = 0;
  for (const e of viewEdgeStream(graph.edges, extras.edgeMarks)) yield `${i++ === 0 ? '' : ','}${scriptJson(e)}`;
  yield '],"sources":[';
  for (let f = 0; f < graph.files.length; f++) {
    if (f > 0) yield ',';
    const text = sources[f];
    if (typeof text !== 'string') {
      yield 'null';
      continue;
    }
    yield '"';
    // Slices of one JSON string: each slice's escaped body, quotes dropped (a surrogate pair split
    // between slices is written as two \u escapes, which JSON.parse joins again).
    for (let at = 0; at < text.length; at += SLICE) yield scriptJson(text.slice(at, at + SLICE)).slice(1, -1);
    yield '"';
  }
  yield ']}';
}
