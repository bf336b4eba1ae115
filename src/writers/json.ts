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
import { isDataset, qualifiedName, type LineageEdge, type LineageGraph, type LineageObject } from '../graph/model.js';
import type { WriteOptions } from '../options.js';
import { ChunkBuffer } from './chunks.js';
import { Coordinates, endpointLoc, GraphIndex, knownParts, locKey, LocsWithin, type Coordinate, type Resolved } from './common.js';

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
  const objects = opts.tableToTable
    ? graph.objects.filter((o) => isDataset(o) || o.type === 'process')
    : graph.objects;
  const relationships = (): Iterable<RelationshipJson> => (opts.tableToTable ? tableRelationships(ix, coords) : streamColumnRelationships(ix, (r) => element(r, coords.of([endpointLoc(r)]))));
  const parents = opts.tableToTable ? tableParents(ix, coords) : columnParents(ix);
  const head = { code: 200, data: { mode: 'global', summary: summaryOf(ix, objects, parents, opts.tableToTable) } };
  const out = new ChunkBuffer();
  // `{"code":200,"data":{"mode":"global","summary":{...}` without its two closing braces.
  out.add(JSON.stringify(head).slice(0, -2));
  out.add(`,"sqlflow":{"dbvendor":${JSON.stringify(graph.vendor)},"dbobjs":[`);
  let first = true;
  for (const o of objects) {
    for (const piece of dbobj(o, coords, opts.tableToTable, first)) if (out.add(piece)) yield out.take();
    first = false;
  }
  out.add('],"relationships":[');
  first = true;
  for (const r of relationships()) {
    if (out.add(`${first ? '' : ','}${JSON.stringify(r)}`)) yield out.take();
    first = false;
  }
  out.add('],"errors":[');
  first = true;
  for (const e of graph.errors) {
    const error = { errorMessage: e.message, errorType: e.code, coordinates: coords.ofDiagnostic(e) };
    if (out.add(`${first ? '' : ','}${JSON.stringify(error)}`)) yield out.take();
    first = false;
  }
  out.add(']');
  const files = coords.filesMap(graph.files);
  if (files) out.add(`,"files":${JSON.stringify(files)}`);
  out.add('}}}\n');
  yield out.take();
}

/** One dbobj's JSON, in pieces (a column at a time), preceded by a comma unless it is the first. */
function* dbobj(o: LineageObject, coords: Coordinates, tableToTable: boolean, first: boolean): Generator<string> {
  const head: Record<string, unknown> = { id: String(o.id), ...knownParts(o), name: qualifiedName(o) };
  if (o.alias) head.alias = o.alias;
  head.type = o.type;
  if (o.type === 'process') {
    if (o.procedureName !== undefined) head.procedureName = o.procedureName;
    if (o.queryHashId !== undefined) head.queryHashId = o.queryHashId;
    if (o.callee !== undefined) head.callee = o.callee;
  }
  // The head object without its closing brace; the remaining members follow.
  yield `${first ? '' : ','}${JSON.stringify(head).slice(0, -1)}`;
  if (o.type !== 'process') {
    if (tableToTable || o.columns.length === 0) yield ',"columns":[]';
    else {
      let sep = ',"columns":[';
      for (const c of o.columns) {
        const col: Record<string, unknown> = { id: String(c.id), name: c.name, coordinates: coords.of(c.locs) };
        if (c.system) col.source = 'system';
        yield `${sep}${JSON.stringify(col)}`;
        sep = ',';
      }
      yield ']';
    }
  }
  yield `,"coordinates":${JSON.stringify(coords.of(o.locs))}}`;
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

function groupKey(e: LineageEdge, target: Resolved): string {
  const t = e.target;
  return [
    t.objectId, t.columnId, locKey(endpointLoc(target)), t.clauseType ?? '',
    e.type, e.effectType, e.processId ?? '', e.function ?? '',
  ].join('|');
}

/** Assigns ids in output order after the largest object/column id. */
export function numbered<R extends RelationshipJson>(ix: GraphIndex, rels: R[]): R[] {
  let next = ix.maxId() + 1;
  for (const r of rels) r.id = String(next++);
  return rels;
}

export interface ResolvedEdge {
  edge: LineageEdge;
  /** The edge's position in `graph.edges`. */
  index: number;
  source: Resolved;
  target: Resolved;
}

/**
 * Edges grouped by `groupKey`, each group (its edges in edge order) yielded in the order of its
 * first edge. The key holds the process id, so a group is complete after the last edge of its
 * process: only groups of processes not yet finished are held.
 */
function* edgeGroups(ix: GraphIndex): Generator<ResolvedEdge[]> {
  const edges = ix.graph.edges;
  const last = new Map<number | undefined, number>();
  edges.forEach((e, i) => last.set(e.processId, i));
  const open = new Map<string, ResolvedEdge[]>();
  const queue: { key: string; process: number | undefined; edges: ResolvedEdge[] }[] = [];
  let head = 0;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    const source = ix.resolve(e.source);
    const target = ix.resolve(e.target);
    if (source && target) {
      const key = groupKey(e, target);
      let group = open.get(key);
      if (!group) {
        group = [];
        open.set(key, group);
        queue.push({ key, process: e.processId, edges: group });
      }
      group.push({ edge: e, index: i, source, target });
    }
    while (head < queue.length && last.get(queue[head]!.process)! <= i) {
      const done = queue[head]!;
      queue[head++] = undefined as never;
      open.delete(done.key);
      yield done.edges;
    }
    if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
  }
  for (; head < queue.length; head++) yield queue[head]!.edges;
}

/** The parent object ids of each column-level relationship, without building it (for the summary). */
export function* columnParents(ix: GraphIndex): Generator<Set<number>> {
  for (const group of edgeGroups(ix)) {
    const ids = new Set<number>([group[0]!.target.object.id]);
    for (const { source } of group) ids.add(source.object.id);
    yield ids;
  }
}

function* tableParents(ix: GraphIndex, coords: Coordinates): Generator<Set<number>> {
  for (const r of tableRelationships(ix, coords)) yield new Set([Number(r.target.parentId), ...r.sources.map((x) => Number(x.parentId))]);
}

/**
 * Column-level relationships: edges grouped by `groupKey`, in order of each group's first edge,
 * as a stream (groups of finished processes are written and let go). `element` writes each end
 * (the sqlflow-graph writer gives every end one coordinate pair); `onGroup` sees each
 * relationship with its edges before it is yielded.
 */
export function* streamColumnRelationships(
  ix: GraphIndex,
  element: (r: Resolved) => ElementJson,
  onGroup?: (rel: RelationshipJson, group: readonly ResolvedEdge[]) => void,
): Generator<RelationshipJson> {
  let next = ix.maxId() + 1;
  for (const group of edgeGroups(ix)) {
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
      const srcKey = `${src.id}|${src.parentId}|${locKey(endpointLoc(source))}|${src.clauseType ?? ''}|${edge.transform ? `${edge.transform.kind}:${edge.transform.code}` : ''}`;
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
export function summaryOf(ix: GraphIndex, objects: LineageObject[], rels: Iterable<Set<number>>, tableToTable: boolean) {
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
