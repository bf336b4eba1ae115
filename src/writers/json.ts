/**
 * SQLFlow JSON (`exportLineageAsJson`, SPEC §3.1):
 * `{"code":200,"data":{"mode":"global","summary":{...},"sqlflow":{dbvendor, dbobjs, relationships, errors[, files]}}}`.
 *
 * - dbobjs follow `graph.objects` order. `name` is the qualified name as written (`db.schema.name`
 *   with the known parts), as SQLFlow writes `Sales.SalesPerson` next to `"schema":"Sales"`;
 *   `parentName` in relationship elements is the same string.
 * - Column-level relationships group edges sharing (target endpoint, type, effectType, processId,
 *   function), in order of each group's first edge; sources keep edge order (exact duplicates
 *   dropped). Relationship ids continue after the largest object/column id.
 * - `--table-to-table`: tables, views and processes only (tables with `columns: []`); each process
 *   gives `T -> process` per read and `process -> T` per write, type `fdd`, effectType of the
 *   process. Endpoints are `{id, parentId, parentName, coordinates}` where `id` and `parentId` are
 *   both the object's id (no synthetic ids: every endpoint joins to a dbobj); the coordinates are
 *   the object's occurrences inside the process statement.
 * - hashCode: see `fileHashCodes` (common.ts).
 * - Edges whose endpoints the graph does not hold are skipped (a resolver bug, never a crash).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { firstLoc, LocReader } from '../graph/column.js';
import { isDataset, qualifiedName, type LineageColumn, type LineageEdge, type LineageGraph, type LineageObject, type Loc } from '../graph/model.js';
import type { WriteOptions } from '../options.js';
import { ByteChunks, encoded } from './bytes.js';
import type { Chunk } from './chunks.js';
import { Coordinates, endpointLoc, GraphIndex, locKey, LocsWithin, type Coordinate, type Resolved } from './common.js';

export interface ElementJson {
  id: string;
  column?: string;
  parentId: string;
  parentName: string;
  coordinates: Coordinate[];
  clauseType?: string;
  transforms?: { type: string; code: string }[];
}

export interface RelationshipJson {
  id: string;
  type: string;
  function?: string;
  effectType?: string;
  target: ElementJson;
  sources: ElementJson[];
  processId?: string;
}

export function writeJson(graph: LineageGraph, opts: WriteOptions): Generator<string, void, undefined>;
/**
 * The document as chunks of UTF-8 bytes (for the CLI, which writes them as they are: decoding 21 MB
 * into strings, then encoding them again, was 2.4% of the bench run's instructions, GC included).
 */
export function writeJson(graph: LineageGraph, opts: WriteOptions, asBytes: true): Generator<Uint8Array, void, undefined>;
export function* writeJson(graph: LineageGraph, opts: WriteOptions, asBytes = false): Generator<string | Uint8Array, void, undefined> {
  const ix = new GraphIndex(graph);
  const coords = new Coordinates(graph.files);
  const out = new ByteChunks(asBytes);
  const text = new JsonText(coords, out);
  const objects = opts.tableToTable
    ? graph.objects.filter((o) => isDataset(o) || o.type === 'process')
    : graph.objects;
  const groups = opts.tableToTable ? undefined : new EdgeGroups(ix);
  const parents = groups ? columnParents(ix, groups) : tableParents(ix, coords);
  const head = { code: 200, data: { mode: 'global', summary: summaryOf(ix, objects, parents, opts.tableToTable) } };
  // `{"code":200,"data":{"mode":"global","summary":{...}` without its two closing braces.
  out.str(JSON.stringify(head).slice(0, -2));
  out.str(`,"sqlflow":{"dbvendor":${JSON.stringify(graph.vendor)},"dbobjs":[`);
  // Each section is its own generator: the loops get hot and optimised one at a time, and the
  // optimised code of one never holds a later section's code, which it would reach without type
  // feedback (a deopt and a recompile of the whole writer each).
  yield* dbobjTexts(objects, text, out, opts.tableToTable);
  out.str('],"relationships":[');
  if (groups) yield* columnRelationshipTexts(ix, groups, text);
  else yield* tableRelationshipTexts(tableRelationships(ix, coords), out);
  out.str('],"errors":[');
  yield* errorTexts(graph.errors, text, out);
  out.str(']');
  const files = coords.filesMap(graph.files);
  if (files) out.str(`,"files":${JSON.stringify(files)}`);
  out.str('}}}\n');
  yield out.take();
}

/** The dbobjs, one at a time (a chunk is taken between columns). */
function* dbobjTexts(objects: readonly LineageObject[], text: JsonText, out: ByteChunks, tableToTable: boolean): Generator<Chunk, void, undefined> {
  let first = true;
  for (const o of objects) {
    const columns = text.objectHead(o, first, tableToTable);
    if (columns) {
      for (let i = 0; i < columns.length; i++) {
        text.column(columns[i]!, i === 0);
        if (out.full) yield out.take();
      }
      out.str(']');
    }
    text.objectTail(o);
    if (out.full) yield out.take();
    first = false;
  }
}

/** `--table-to-table` relationships, each as JSON.stringify writes it. */
function* tableRelationshipTexts(rels: Iterable<RelationshipJson>, out: ByteChunks): Generator<Chunk, void, undefined> {
  let first = true;
  for (const r of rels) {
    if (!first) out.str(',');
    out.str(JSON.stringify(r));
    if (out.full) yield out.take();
    first = false;
  }
}

/** The errors array's members. */
function* errorTexts(errors: readonly Diagnostic[], text: JsonText, out: ByteChunks): Generator<Chunk, void, undefined> {
  let first = true;
  for (const e of errors) {
    out.str(first ? '{"errorMessage":' : ',{"errorMessage":');
    out.str(text.message(e.message));
    text.member(',"errorType":', e.code);
    out.str(',"coordinates":[');
    text.diagnostic(e);
    out.str(']}');
    if (out.full) yield out.take();
    first = false;
  }
}

const X = encoded('{"x":');
const Y = encoded(',"y":');

/**
 * The document's repeated parts, written straight into the byte buffer rather than as a string
 * each (the bench's document has about a million of them): members in the order the objects had,
 * strings through JSON.stringify, each file's hashCode, each name and each object's parentName
 * escaped once.
 */
class JsonText {
  private readonly hashes: string[] = [];
  private readonly pieces: [Uint8Array, Uint8Array][] = [];
  private readonly parentNames = new Map<number, string>();
  private readonly quoted = new Map<string, string>();
  private readonly messages = new Map<string, string>();
  private readonly reader = new LocReader();

  constructor(
    private readonly coords: Coordinates,
    readonly out: ByteChunks,
  ) {}

  private hash(file: number): string {
    return (this.hashes[file] ??= JSON.stringify(this.coords.hashOf(file)));
  }

  /** A pair's fixed text after its first `y` and after its second, for a file's hashCode. */
  private hashPieces(file: number): [Uint8Array, Uint8Array] {
    let pieces = this.pieces[file];
    if (!pieces) {
      const h = this.hash(file);
      this.pieces[file] = pieces = [encoded(`,"hashCode":${h}},{"x":`), encoded(`,"hashCode":${h}}`)];
    }
    return pieces;
  }

  /** `s` as a JSON string (names repeat: each is escaped once). */
  quote(s: string): string {
    let q = this.quoted.get(s);
    if (q === undefined) this.quoted.set(s, (q = JSON.stringify(s)));
    return q;
  }

  /**
   * A diagnostic's message as a JSON string. Messages repeat (a warning per use of a column) and
   * the run's are interned: the last few thousand escaped are kept (a bounded cache: a run without
   * --schema has hundreds of thousands of distinct ones).
   */
  message(m: string): string {
    let q = this.messages.get(m);
    if (q === undefined) {
      if (this.messages.size >= 4096) this.messages.clear();
      this.messages.set(m, (q = JSON.stringify(m)));
    }
    return q;
  }

  /** A member whose value is one of few strings (a name, a type): `key` then the value quoted. */
  member(key: string, value: string): void {
    this.out.str(key);
    this.out.str(this.quote(value));
  }

  /** The `{x, y, hashCode}` pair of the occurrence `r` has read. */
  private pair(r: LocReader): void {
    const out = this.out;
    const [middle, end] = this.hashPieces(r.file);
    out.bytes(X);
    out.int(r.line);
    out.bytes(Y);
    out.int(r.col);
    out.bytes(middle);
    out.int(r.endLine);
    out.bytes(Y);
    out.int(r.endCol);
    out.bytes(end);
  }

  /** The pairs of each loc, without the brackets (as `Coordinates.of`). */
  locs(locs: readonly (Loc | undefined)[]): void {
    let first = true;
    for (const loc of locs) {
      if (!loc) continue;
      if (!first) this.out.str(',');
      this.loc(loc);
      first = false;
    }
  }

  loc(l: Loc): void {
    this.reader.set(l);
    this.pair(this.reader);
  }

  /** A dbobj's column (a comma before it unless it is the first). */
  column(c: LineageColumn, first: boolean): void {
    const out = this.out;
    out.str(first ? '{"id":"' : ',{"id":"');
    out.int(c.id);
    out.str('","name":');
    out.str(this.quote(c.name));
    out.str(',"coordinates":[');
    const r = this.reader.of(c);
    for (let i = 0; r.next(); i++) {
      if (i > 0) out.str(',');
      this.pair(r);
    }
    out.str(c.system ? '],"source":"system"}' : ']}');
  }

  diagnostic(d: Diagnostic): void {
    if (d.fileIndex === undefined) return;
    const line = d.line;
    if (line === undefined) return;
    const col = d.col ?? 1;
    this.loc({ file: d.fileIndex, line, col, endLine: d.endLine ?? line, endCol: d.endCol ?? col });
  }

  parentName(o: LineageObject): string {
    let s = this.parentNames.get(o.id);
    if (s === undefined) this.parentNames.set(o.id, (s = JSON.stringify(qualifiedName(o))));
    return s;
  }

  /**
   * A dbobj up to its columns, preceded by a comma unless it is the first: the columns to write
   * next (after `,"columns":[`), if any; `objectTail` closes it.
   */
  objectHead(o: LineageObject, first: boolean, tableToTable: boolean): readonly LineageColumn[] | undefined {
    const out = this.out;
    out.str(first ? '{"id":"' : ',{"id":"');
    out.int(o.id);
    out.str('"');
    if (o.database) this.member(',"database":', o.database);
    if (o.schema) this.member(',"schema":', o.schema);
    out.str(',"name":');
    out.str(this.parentName(o));
    if (o.alias) this.member(',"alias":', o.alias);
    this.member(',"type":', o.type);
    if (o.type === 'process') {
      if (o.procedureName !== undefined) this.member(',"procedureName":', o.procedureName);
      if (o.queryHashId !== undefined) out.str(`,"queryHashId":${JSON.stringify(o.queryHashId)}`);
      if (o.callee !== undefined) this.member(',"callee":', o.callee);
      return undefined;
    }
    if (tableToTable || o.columns.length === 0) {
      out.str(',"columns":[]');
      return undefined;
    }
    out.str(',"columns":[');
    return o.columns;
  }

  objectTail(o: LineageObject): void {
    this.out.str(',"coordinates":[');
    this.locs(o.locs);
    this.out.str(']}');
  }

  /** A relationship end (`element`'s members). */
  element(r: Resolved, transform?: LineageEdge['transform']): void {
    const out = this.out;
    out.str('{"id":"');
    out.int(r.column.id);
    out.str('","column":');
    out.str(this.quote(r.column.name));
    out.str(',"parentId":"');
    out.int(r.object.id);
    out.str('","parentName":');
    out.str(this.parentName(r.object));
    out.str(',"coordinates":[');
    const loc = r.endpoint.loc;
    if (loc) this.loc(loc);
    else {
      const reader = this.reader.of(r.column);
      if (reader.next()) this.pair(reader);
    }
    out.str(']');
    if (r.endpoint.clauseType !== undefined) this.member(',"clauseType":', r.endpoint.clauseType);
    if (transform) out.str(`,"transforms":[{"type":${JSON.stringify(transform.kind)},"code":${JSON.stringify(transform.code)}}]`);
    out.str('}');
  }
}

// ---------------------------------------------------------------------------------------------
// Column-level relationships

/** A relationship end: the column `r` with the given coordinates. */
export function element(r: Resolved, coordinates: Coordinate[]): ElementJson {
  const el: ElementJson = {
    id: String(r.column.id),
    column: r.column.name,
    parentId: String(r.object.id),
    parentName: qualifiedName(r.object),
    coordinates,
  };
  if (r.endpoint.clauseType !== undefined) el.clauseType = r.endpoint.clauseType;
  return el;
}

/** Assigns ids in output order after the largest object/column id. */
export function numbered<R extends RelationshipJson>(ix: GraphIndex, rels: R[]): R[] {
  let next = ix.maxId() + 1;
  for (const r of rels) r.id = String(next++);
  return rels;
}

/**
 * An open group of `EdgeGroups`: what its edges share besides their target column (the grouping
 * key: target object, column and position, clause, type, effect, process, function), and its index.
 */
interface OpenGroup {
  index: number;
  objectId: number;
  column: LineageColumn;
  /** The target's own position (else its column's first, looked up only when compared with an own one). */
  loc: Loc | undefined;
  clauseType: string | undefined;
  type: string;
  effectType: string;
  processId: number | undefined;
  function: string | undefined;
}

function sameLoc(a: Loc | undefined, b: Loc | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.file === b.file && a.line === b.line && a.col === b.col && a.endLine === b.endLine && a.endCol === b.endCol;
}

/** True when edge `e` into column `target` has the grouping key of group `g` (its column aside). */
function inGroup(g: OpenGroup, e: LineageEdge, target: LineageColumn): boolean {
  if (!(g.objectId === e.target.objectId && g.type === e.type && g.effectType === e.effectType && g.processId === e.processId &&
    g.function === e.function && g.clauseType === e.target.clauseType)) return false;
  // Without an own position both ends are the column's first occurrence (same object, same column id).
  const loc = e.target.loc;
  return g.loc === loc || sameLoc(g.loc ?? firstLoc(g.column), loc ?? firstLoc(target));
}

/** A column-level relationship's edges, resolved, with their positions in `graph.edges`. */
export interface ResolvedEdge {
  edge: LineageEdge;
  /** The edge's position in `graph.edges`. */
  index: number;
  source: Resolved;
  target: Resolved;
}

/**
 * The edges grouped by their grouping key (see `OpenGroup`; edges whose ends the graph holds), found once for the summary
 * and the writing: groups are numbered in the order of their first edge, `first[g]` is group g's
 * first edge and `next[i]` the edge after edge i in its group (-1: the last), so the groups take
 * two integers per edge and one per group. The key holds the process id, so a group is complete
 * after the last edge of its process: only groups of processes not yet finished are looked up.
 */
class EdgeGroups {
  readonly first: number[] = [];
  readonly next: Int32Array;

  constructor(ix: GraphIndex) {
    const edges = ix.graph.edges;
    this.next = new Int32Array(edges.length).fill(-1);
    const tail: number[] = [];
    const last = new Map<number | undefined, number>();
    edges.forEach((e, i) => last.set(e.processId, i));
    const open = new Map<number, OpenGroup[]>();
    const queue: (OpenGroup | undefined)[] = [];
    let head = 0;
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i]!;
      const target = ix.column(e.target.objectId, e.target.columnId);
      if (target && ix.column(e.source.objectId, e.source.columnId)) {
        const columnId = e.target.columnId;
        let list = open.get(columnId);
        let group: OpenGroup | undefined;
        if (list) for (let k = 0; k < list.length && !group; k++) if (inGroup(list[k]!, e, target)) group = list[k];
        if (group) {
          this.next[tail[group.index]!] = i;
          tail[group.index] = i;
        } else {
          const g: OpenGroup = {
            index: this.first.length, objectId: e.target.objectId, column: target, loc: e.target.loc, clauseType: e.target.clauseType, type: e.type,
            effectType: e.effectType, processId: e.processId, function: e.function,
          };
          this.first.push(i);
          tail.push(i);
          if (list) list.push(g);
          else open.set(columnId, (list = [g]));
          queue.push(g);
        }
      }
      while (head < queue.length && last.get(queue[head]!.processId)! <= i) {
        const done = queue[head]!;
        queue[head++] = undefined;
        const columnId = edges[this.first[done.index]!]!.target.columnId;
        const list = open.get(columnId)!;
        if (list.length === 1) open.delete(columnId);
        else list.splice(list.indexOf(done), 1);
      }
      if (head > 1024 && head * 2 > queue.length) {
        queue.splice(0, head);
        head = 0;
      }
    }
  }

  /** The edge indexes of group `g`, in edge order. */
  *edges(g: number): Generator<number> {
    for (let i = this.first[g]!; i >= 0; i = this.next[i]!) yield i;
  }
}

/** The parent object ids of each column-level relationship, without building it (for the summary). */
export function* columnParents(ix: GraphIndex, groups = new EdgeGroups(ix)): Generator<Iterable<number>> {
  const edges = ix.graph.edges;
  for (let g = 0; g < groups.first.length; g++) {
    // Most relationships have a few distinct parents: a short list searched is cheaper than a Set
    // per group; a Set takes over past 16 (a target fed from hundreds of tables).
    const ids = [edges[groups.first[g]!]!.target.objectId];
    let set: Set<number> | undefined;
    for (let i = groups.first[g]!; i >= 0; i = groups.next[i]!) {
      const id = edges[i]!.source.objectId;
      if (set) set.add(id);
      else if (!ids.includes(id)) {
        ids.push(id);
        if (ids.length > 16) set = new Set(ids);
      }
    }
    yield set ?? ids;
  }
}

function* tableParents(ix: GraphIndex, coords: Coordinates): Generator<Set<number>> {
  for (const r of tableRelationships(ix, coords)) yield new Set([Number(r.target.parentId), ...r.sources.map((x) => Number(x.parentId))]);
}

/**
 * `streamColumnRelationships` as JSON text, written directly, a comma between two. Members in
 * `RelationshipJson`'s order; a source that repeats one already written in its group (same
 * column, object, position, clause and transform) is dropped.
 */
function* columnRelationshipTexts(ix: GraphIndex, groups: EdgeGroups, text: JsonText): Generator<Chunk, void, undefined> {
  const edges = ix.graph.edges;
  const out = text.out;
  let id = ix.maxId() + 1;
  for (let g = 0; g < groups.first.length; g++) {
    const first = groups.first[g]!;
    const e = edges[first]!;
    out.str(g === 0 ? '{"id":"' : ',{"id":"');
    out.int(id++);
    text.member('","type":', e.type);
    if (e.function !== undefined) text.member(',"function":', e.function);
    if (e.effectType !== undefined) text.member(',"effectType":', e.effectType);
    out.str(',"target":');
    text.element(ix.resolve(e.target)!);
    out.str(',"sources":[');
    const seen = groups.next[first]! >= 0 ? new Set<string>() : undefined;
    let sep = false;
    for (let i = first; i >= 0; i = groups.next[i]!) {
      const edge = edges[i]!;
      const source = ix.resolve(edge.source)!;
      if (seen) {
        const key = sourceKey(source, edge.transform);
        if (seen.has(key)) continue;
        seen.add(key);
      }
      if (sep) out.str(',');
      text.element(source, edge.transform);
      sep = true;
    }
    out.str(']');
    if (e.processId !== undefined) {
      out.str(',"processId":"');
      out.int(e.processId);
      out.str('"');
    }
    out.str('}');
    if (out.full) yield out.take();
  }
}

/** What makes a relationship's source a repeat of one already in its group: column, object, position, clause, transform. */
function sourceKey(source: Resolved, t: LineageEdge['transform']): string {
  return `${source.column.id}|${source.object.id}|${locKey(endpointLoc(source))}|${source.endpoint.clauseType ?? ''}|${t ? `${t.kind}:${t.code}` : ''}`;
}

/** Each group's edges, resolved. */
function* edgeGroups(ix: GraphIndex, groups: EdgeGroups): Generator<ResolvedEdge[]> {
  const edges = ix.graph.edges;
  for (let g = 0; g < groups.first.length; g++) {
    const group: ResolvedEdge[] = [];
    for (const i of groups.edges(g)) {
      const edge = edges[i]!;
      group.push({ edge, index: i, source: ix.resolve(edge.source)!, target: ix.resolve(edge.target)! });
    }
    yield group;
  }
}

/**
 * Column-level relationships: edges grouped as in `EdgeGroups`, in order of each group's first edge,
 * as a stream (each built when asked for and let go). `element` writes each end
 * (the sqlflow-graph writer gives every end one coordinate pair); `onGroup` sees each
 * relationship with its edges before it is yielded.
 */
export function* streamColumnRelationships(
  ix: GraphIndex,
  element: (r: Resolved) => ElementJson,
  onGroup?: (rel: RelationshipJson, group: readonly ResolvedEdge[]) => void,
): Generator<RelationshipJson> {
  let next = ix.maxId() + 1;
  for (const group of edgeGroups(ix, new EdgeGroups(ix))) {
    const { edge: e, target } = group[0]!;
    const rel: RelationshipJson = {
      id: String(next++),
      type: e.type,
      ...(e.function !== undefined ? { function: e.function } : {}),
      effectType: e.effectType,
      target: element(target),
      sources: [],
      ...(e.processId !== undefined ? { processId: String(e.processId) } : {}),
    };
    const seen = new Set<string>();
    for (const { edge, source } of group) {
      const src = element(source);
      if (edge.transform) src.transforms = [{ type: edge.transform.kind, code: edge.transform.code }];
      const srcKey = sourceKey(source, edge.transform);
      if (seen.has(srcKey)) continue;
      seen.add(srcKey);
      rel.sources.push(src);
    }
    onGroup?.(rel, group);
    yield rel;
  }
}

// ---------------------------------------------------------------------------------------------
// Table-level relationships

function tableRelationships(ix: GraphIndex, coords: Coordinates): RelationshipJson[] {
  const rels: RelationshipJson[] = [];
  const within = new LocsWithin();
  for (const p of ix.processes()) {
    const span = p.locs[0];
    const endpoint = (o: LineageObject): ElementJson => ({
      id: String(o.id),
      parentId: String(o.id),
      parentName: qualifiedName(o),
      coordinates: coords.of(o.type === 'process' || !span ? o.locs.slice(0, 1) : within.of(o, span)),
    });
    const rel = (source: LineageObject, target: LineageObject): RelationshipJson => ({
      id: '',
      type: 'fdd',
      ...(p.effectType !== undefined ? { effectType: p.effectType } : {}),
      target: endpoint(target),
      sources: [endpoint(source)],
      processId: String(p.id),
    });
    for (const t of ix.datasets(p.reads)) rels.push(rel(t, p));
    for (const t of ix.datasets(p.writes)) rels.push(rel(p, t));
  }
  return numbered(ix, rels);
}

// ---------------------------------------------------------------------------------------------
// Summary

/**
 * Counts over the written dbobjs: `table`/`view`/`process` objects; `database` and `schema`
 * distinct names among tables and views; `column` the non-system columns of tables and views;
 * `relationship` the written relationships. `mostRelationTables`: the three tables or views that
 * appear (as target or source parent) in the most relationships, ties in object order.
 */
export function summary(ix: GraphIndex, objects: LineageObject[], rels: RelationshipJson[], tableToTable: boolean) {
  const parents = rels.map((r) => new Set([Number(r.target.parentId), ...r.sources.map((s) => Number(s.parentId))]));
  return summaryOf(ix, objects, parents, tableToTable);
}

/** The summary from each relationship's set of parent object ids. */
export function summaryOf(ix: GraphIndex, objects: LineageObject[], rels: Iterable<Iterable<number>>, tableToTable: boolean) {
  const datasets = objects.filter(isDataset);
  const databases = new Set(datasets.filter((o) => o.database).map((o) => o.database));
  const schemas = new Set(datasets.filter((o) => o.schema).map((o) => `${o.database ?? ''}.${o.schema}`));
  const columns = tableToTable ? 0 : datasets.reduce((n, o) => n + o.columns.filter((c) => !c.system).length, 0);

  const counts = new Map<number, number>();
  let relationships = 0;
  for (const parents of rels) {
    relationships++;
    for (const id of parents) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const most = datasets
    .filter((o) => (counts.get(o.id) ?? 0) > 0)
    .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || (ix.order.get(a.id) ?? 0) - (ix.order.get(b.id) ?? 0))
    .slice(0, 3)
    .map((o) => (o.schema ? { schema: o.schema, table: o.name } : { table: o.name }));

  return {
    schema: schemas.size,
    process: objects.filter((o) => o.type === 'process').length,
    database: databases.size,
    view: datasets.filter((o) => o.type === 'view').length,
    mostRelationTables: most,
    column: columns,
    relationship: relationships,
    table: datasets.filter((o) => o.type === 'table').length,
  };
}
