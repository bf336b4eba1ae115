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
import { Coordinates, endpointLoc, GraphIndex, jsonText, knownParts, locKey, LocsWithin, type Coordinate, type Resolved } from './common.js';

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

export function writeJson(graph: LineageGraph, opts: WriteOptions): string {
  const ix = new GraphIndex(graph);
  const coords = new Coordinates(graph.files);
  const objects = opts.tableToTable
    ? graph.objects.filter((o) => isDataset(o) || o.type === 'process')
    : graph.objects;
  const dbobjs = objects.map((o) => dbobj(o, coords, opts.tableToTable));
  const relationships = opts.tableToTable ? tableRelationships(ix, coords) : columnRelationships(ix, (r) => element(r, coords.of([endpointLoc(r)])));
  const errors = graph.errors.map((e) => ({
    errorMessage: e.message,
    errorType: e.errorType,
    coordinates: coords.of([e.loc]),
  }));
  const sqlflow: Record<string, unknown> = { dbvendor: graph.vendor, dbobjs, relationships, errors };
  const files = coords.filesMap(graph.files);
  if (files) sqlflow.files = files;
  return jsonText({
    code: 200,
    data: { mode: 'global', summary: summary(ix, objects, relationships, opts.tableToTable), sqlflow },
  });
}

function dbobj(o: LineageObject, coords: Coordinates, tableToTable: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id: String(o.id), ...knownParts(o), name: qualifiedName(o) };
  if (o.alias) out.alias = o.alias;
  out.type = o.type;
  if (o.type === 'process') {
    if (o.procedureName !== undefined) out.procedureName = o.procedureName;
    if (o.queryHashId !== undefined) out.queryHashId = o.queryHashId;
    if (o.callee !== undefined) out.callee = o.callee;
  } else {
    out.columns = tableToTable
      ? []
      : o.columns.map((c) => {
          const col: Record<string, unknown> = { id: String(c.id), name: c.name, coordinates: coords.of(c.locs) };
          if (c.system) col.source = 'system';
          return col;
        });
  }
  out.coordinates = coords.of(o.locs);
  return out;
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

/**
 * Column-level relationships: edges grouped by `groupKey`, in order of each group's first edge.
 * `element` writes each end (the sqlflow-graph writer gives every end one coordinate pair);
 * `onEdge` sees every edge with the relationship it went into (its id is set at the end).
 */
export function columnRelationships(
  ix: GraphIndex,
  element: (r: Resolved) => ElementJson,
  onEdge?: (e: LineageEdge, source: Resolved, target: Resolved, rel: RelationshipJson) => void,
): RelationshipJson[] {
  const groups = new Map<string, { rel: RelationshipJson; seen: Set<string> }>();
  for (const e of ix.graph.edges) {
    const source = ix.resolve(e.source);
    const target = ix.resolve(e.target);
    if (!source || !target) continue;
    const key = groupKey(e, target);
    let group = groups.get(key);
    if (!group) {
      const rel: RelationshipJson = {
        id: '',
        type: e.type,
        ...(e.function !== undefined ? { function: e.function } : {}),
        effectType: e.effectType,
        target: element(target),
        sources: [],
        ...(e.processId !== undefined ? { processId: String(e.processId) } : {}),
      };
      group = { rel, seen: new Set() };
      groups.set(key, group);
    }
    const src = element(source);
    if (e.transform) src.transforms = [{ type: e.transform.kind, code: e.transform.code }];
    const srcKey = `${src.id}|${src.parentId}|${locKey(endpointLoc(source))}|${src.clauseType ?? ''}|${e.transform ? `${e.transform.kind}:${e.transform.code}` : ''}`;
    if (!group.seen.has(srcKey)) {
      group.seen.add(srcKey);
      group.rel.sources.push(src);
    }
    onEdge?.(e, source, target, group.rel);
  }
  return numbered(ix, [...groups.values()].map((g) => g.rel));
}

/** Assigns ids in output order after the largest object/column id. */
export function numbered<R extends RelationshipJson>(ix: GraphIndex, rels: R[]): R[] {
  let next = ix.maxId() + 1;
  for (const r of rels) r.id = String(next++);
  return rels;
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
  const datasets = objects.filter(isDataset);
  const databases = new Set(datasets.filter((o) => o.database).map((o) => o.database));
  const schemas = new Set(datasets.filter((o) => o.schema).map((o) => `${o.database ?? ''}.${o.schema}`));
  const columns = tableToTable ? 0 : datasets.reduce((n, o) => n + o.columns.filter((c) => !c.system).length, 0);

  const counts = new Map<string, number>();
  for (const r of rels) {
    const parents = new Set([r.target.parentId, ...r.sources.map((s) => s.parentId)]);
    for (const id of parents) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const most = datasets
    .filter((o) => (counts.get(String(o.id)) ?? 0) > 0)
    .sort((a, b) => (counts.get(String(b.id)) ?? 0) - (counts.get(String(a.id)) ?? 0) || (ix.order.get(a.id) ?? 0) - (ix.order.get(b.id) ?? 0))
    .slice(0, 3)
    .map((o) => (o.schema ? { schema: o.schema, table: o.name } : { table: o.name }));

  return {
    schema: schemas.size,
    process: objects.filter((o) => o.type === 'process').length,
    database: databases.size,
    view: datasets.filter((o) => o.type === 'view').length,
    mostRelationTables: most,
    column: columns,
    relationship: rels.length,
    table: datasets.filter((o) => o.type === 'table').length,
  };
}
