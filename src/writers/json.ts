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
import { isDataset, qualifiedName, type LineageEdge, type LineageGraph, type LineageObject, type Loc } from '../graph/model.js';
import type { WriteOptions } from '../options.js';
import { ChunkBuffer } from './chunks.js';
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

export function* writeJson(graph: LineageGraph, opts: WriteOptions): Generator<string, void, undefined> {
  const ix = new GraphIndex(graph);
  const coords = new Coordinates(graph.files);
  const text = new JsonText(coords);
  const objects = opts.tableToTable
    ? graph.objects.filter((o) => isDataset(o) || o.type === 'process')
    : graph.objects;
  const groups = opts.tableToTable ? undefined : new EdgeGroups(ix);
  const relationships = (): Iterable<string> =>
    groups ? columnRelationshipTexts(ix, groups, text) : mapIter(tableRelationships(ix, coords), (r) => JSON.stringify(r));
  const parents = groups ? columnParents(ix, groups) : tableParents(ix, coords);
  const head = { code: 200, data: { mode: 'global', summary: summaryOf(ix, objects, parents, opts.tableToTable) } };
  const out = new ChunkBuffer();
  // `{"code":200,"data":{"mode":"global","summary":{...}` without its two closing braces.
  out.add(JSON.stringify(head).slice(0, -2));
  out.add(`,"sqlflow":{"dbvendor":${JSON.stringify(graph.vendor)},"dbobjs":[`);
  let first = true;
  for (const o of objects) {
    for (const piece of dbobj(o, text, opts.tableToTable, first)) if (out.add(piece)) yield out.take();
    first = false;
  }
  out.add('],"relationships":[');
  first = true;
  for (const r of relationships()) {
    if (out.add(first ? r : `,${r}`)) yield out.take();
    first = false;
  }
  out.add('],"errors":[');
  first = true;
  for (const e of graph.errors) {
    const error = `{"errorMessage":${JSON.stringify(e.message)},"errorType":${JSON.stringify(e.code)},"coordinates":[${text.diagnostic(e)}]}`;
    if (out.add(first ? error : `,${error}`)) yield out.take();
    first = false;
  }
  out.add(']');
  const files = coords.filesMap(graph.files);
  if (files) out.add(`,"files":${JSON.stringify(files)}`);
  out.add('}}}\n');
  yield out.take();
}

function* mapIter<T, U>(items: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of items) yield f(x);
}

/**
 * The JSON text of the document's repeated parts, written directly rather than through
 * JSON.stringify of one small object each (the bench's document has about a million of them):
 * members in the order the objects had, strings through JSON.stringify, each file's hashCode and
 * each object's parentName escaped once.
 */
class JsonText {
  private readonly hashes: string[] = [];
  private readonly parentNames = new Map<number, string>();

  constructor(private readonly coords: Coordinates) {}

  private hash(file: number): string {
    return (this.hashes[file] ??= JSON.stringify(this.coords.hashOf(file)));
  }

  /** `{x, y, hashCode}` pairs of each loc, without the brackets (as `Coordinates.of`). */
  locs(locs: readonly (Loc | undefined)[]): string {
    let s = '';
    for (const loc of locs) if (loc) s += (s ? ',' : '') + this.loc(loc);
    return s;
  }

  loc(l: Loc): string {
    const h = this.hash(l.file);
    return `{"x":${l.line},"y":${l.col},"hashCode":${h}},{"x":${l.endLine},"y":${l.endCol},"hashCode":${h}}`;
  }

  diagnostic(d: Diagnostic): string {
    if (d.fileIndex === undefined) return '';
    const line = d.line;
    if (line === undefined) return '';
    const col = d.col ?? 1;
    return this.loc({ file: d.fileIndex, line, col, endLine: d.endLine ?? line, endCol: d.endCol ?? col });
  }

  parentName(o: LineageObject): string {
    let s = this.parentNames.get(o.id);
    if (s === undefined) this.parentNames.set(o.id, (s = JSON.stringify(qualifiedName(o))));
    return s;
  }

  /** A relationship end (`element`'s members). */
  element(r: Resolved, transform?: LineageEdge['transform']): string {
    const loc = endpointLoc(r);
    let s = `{"id":"${r.column.id}","column":${JSON.stringify(r.column.name)},"parentId":"${r.object.id}","parentName":${this.parentName(r.object)},"coordinates":[${loc ? this.loc(loc) : ''}]`;
    if (r.endpoint.clauseType !== undefined) s += `,"clauseType":${JSON.stringify(r.endpoint.clauseType)}`;
    if (transform) s += `,"transforms":[{"type":${JSON.stringify(transform.kind)},"code":${JSON.stringify(transform.code)}}]`;
    return `${s}}`;
  }
}

/** One dbobj's JSON, in pieces (a column at a time), preceded by a comma unless it is the first. */
function* dbobj(o: LineageObject, text: JsonText, tableToTable: boolean, first: boolean): Generator<string> {
  let head = `${first ? '' : ','}{"id":"${o.id}"`;
  if (o.database) head += `,"database":${JSON.stringify(o.database)}`;
  if (o.schema) head += `,"schema":${JSON.stringify(o.schema)}`;
  head += `,"name":${text.parentName(o)}`;
  if (o.alias) head += `,"alias":${JSON.stringify(o.alias)}`;
  head += `,"type":${JSON.stringify(o.type)}`;
  if (o.type === 'process') {
    if (o.procedureName !== undefined) head += `,"procedureName":${JSON.stringify(o.procedureName)}`;
    if (o.queryHashId !== undefined) head += `,"queryHashId":${JSON.stringify(o.queryHashId)}`;
    if (o.callee !== undefined) head += `,"callee":${JSON.stringify(o.callee)}`;
  }
  // The head without its closing brace; the remaining members follow.
  yield head;
  if (o.type !== 'process') {
    if (tableToTable || o.columns.length === 0) yield ',"columns":[]';
    else {
      let sep = ',"columns":[';
      for (const c of o.columns) {
        yield `${sep}{"id":"${c.id}","name":${JSON.stringify(c.name)},"coordinates":[${text.locs(c.locs)}]${c.system ? ',"source":"system"' : ''}}`;
        sep = ',';
      }
      yield ']';
    }
  }
  yield `,"coordinates":[${text.locs(o.locs)}]}`;
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

/** True when edge `e` into `target` (at `loc`) has the grouping key of group `g` (its column aside). */
function inGroup(g: OpenGroup, e: LineageEdge, loc: Loc | undefined): boolean {
  return (
    g.objectId === e.target.objectId && g.type === e.type && g.effectType === e.effectType && g.processId === e.processId &&
    g.function === e.function && g.clauseType === e.target.clauseType && sameLoc(g.loc, loc)
  );
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
      const target = ix.resolve(e.target);
      if (target && ix.resolve(e.source)) {
        const loc = endpointLoc(target);
        const columnId = e.target.columnId;
        let list = open.get(columnId);
        const group = list?.find((g) => inGroup(g, e, loc));
        if (group) {
          this.next[tail[group.index]!] = i;
          tail[group.index] = i;
        } else {
          const g: OpenGroup = {
            index: this.first.length, objectId: e.target.objectId, loc, clauseType: e.target.clauseType, type: e.type,
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
 * `streamColumnRelationships` as JSON texts, one per group, written directly. Members in
 * `RelationshipJson`'s order; a source that repeats one already written in its group (same
 * column, object, position, clause and transform) is dropped.
 */
function* columnRelationshipTexts(ix: GraphIndex, groups: EdgeGroups, text: JsonText): Generator<string> {
  const edges = ix.graph.edges;
  let id = ix.maxId() + 1;
  for (let g = 0; g < groups.first.length; g++) {
    const first = groups.first[g]!;
    const e = edges[first]!;
    let s = `{"id":"${id++}","type":${JSON.stringify(e.type)}`;
    if (e.function !== undefined) s += `,"function":${JSON.stringify(e.function)}`;
    if (e.effectType !== undefined) s += `,"effectType":${JSON.stringify(e.effectType)}`;
    s += `,"target":${text.element(ix.resolve(e.target)!)},"sources":[`;
    const seen = groups.next[first]! >= 0 ? new Set<string>() : undefined;
    let sep = '';
    for (const i of groups.edges(g)) {
      const edge = edges[i]!;
      const source = ix.resolve(edge.source)!;
      if (seen) {
        const key = sourceKey(source, edge.transform);
        if (seen.has(key)) continue;
        seen.add(key);
      }
      s += sep + text.element(source, edge.transform);
      sep = ',';
    }
    s += ']';
    if (e.processId !== undefined) s += `,"processId":"${e.processId}"`;
    yield `${s}}`;
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
