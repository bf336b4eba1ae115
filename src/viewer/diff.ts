/**
 * Two analyses (an old `base` and a new `head`) as one graph for the viewer, with what changed
 * marked: objects and column edges only in `head` are added, only in `base` removed. Objects are
 * matched by content, not ids: tables, views and result sets by type and qualified name (a plain
 * SELECT's result set by its statement's text hash), processes by their statement's hash,
 * columns by name; edges by (source, target, relation type).
 */
import { maxGraphId, qualifiedName, type LineageColumn, type LineageEdge, type LineageGraph, type LineageObject, type Loc } from '../graph/model.js';
import type { Mark } from './data.js';

export interface GraphDiff {
  graph: LineageGraph;
  objectMarks: Map<number, Mark>;
  edgeMarks: Map<number, Mark>;
  added: number;
  removed: number;
}

/** Content keys of a graph's objects. */
function objectKeys(g: LineageGraph): Map<number, string> {
  const byId = new Map(g.objects.map((o) => [o.id, o]));
  const writer = new Map<number, LineageObject>();
  for (const e of g.edges) {
    const p = e.processId === undefined ? undefined : byId.get(e.processId);
    if (p && !writer.has(e.target.objectId)) writer.set(e.target.objectId, p);
  }
  const keys = new Map<number, string>();
  for (const o of g.objects) {
    const hash = o.type === 'process' ? o.queryHashId : o.type === 'select_list' ? writer.get(o.id)?.queryHashId : undefined;
    keys.set(o.id, `${o.type}:${hash ?? qualifiedName(o).toLowerCase()}`);
  }
  return keys;
}

export function diffGraphs(base: LineageGraph, head: LineageGraph): GraphDiff {
  const offset = maxGraphId(head) + 1;
  const fileOffset = head.files.length;
  const moveLoc = (l: Loc): Loc => ({ ...l, file: l.file + fileOffset });
  const headKeys = objectKeys(head);
  const baseKeys = objectKeys(base);
  const headByKey = new Map<string, LineageObject>();
  const objects: LineageObject[] = head.objects.map((o) => ({ ...o, columns: [...o.columns] }));
  objects.forEach((o) => headByKey.set(headKeys.get(o.id)!, o));
  const objectMarks = new Map<number, Mark>();
  const baseKeySet = new Set(baseKeys.values());
  for (const o of objects) if (o.type !== 'process' && !baseKeySet.has(headKeys.get(o.id)!)) objectMarks.set(o.id, 'a');

  // Base objects → union objects; base columns → union columns.
  const objectOf = new Map<number, LineageObject>();
  const columnOf = new Map<number, number>();
  let nextId = offset + maxGraphId(base) + 1;
  for (const o of base.objects) {
    const key = baseKeys.get(o.id)!;
    const match = headByKey.get(key);
    if (match) {
      objectOf.set(o.id, match);
      for (const c of o.columns) {
        const same = match.columns.find((x) => x.name.toLowerCase() === c.name.toLowerCase() && !!x.system === !!c.system);
        if (same) columnOf.set(c.id, same.id);
        else {
          const moved: LineageColumn = { ...c, id: nextId++, locs: c.locs.map(moveLoc) };
          match.columns.push(moved);
          columnOf.set(c.id, moved.id);
        }
      }
      continue;
    }
    const copy: LineageObject = {
      ...o,
      id: o.id + offset,
      locs: o.locs.map(moveLoc),
      columns: o.columns.map((c) => ({ ...c, id: c.id + offset, locs: c.locs.map(moveLoc) })),
    };
    if (o.reads) copy.reads = o.reads.map((id) => id + offset);
    if (o.writes) copy.writes = o.writes.map((id) => id + offset);
    if (o.tableFlows) copy.tableFlows = o.tableFlows.map((f) => ({ ...f, source: f.source + offset, target: f.target + offset }));
    for (const c of o.columns) columnOf.set(c.id, c.id + offset);
    objectOf.set(o.id, copy);
    objects.push(copy);
    if (o.type !== 'process') objectMarks.set(copy.id, 'r');
    headByKey.set(key, copy);
  }
  // Reads/writes of kept base processes point at union objects.
  for (const o of objects) {
    if (o.type !== 'process' || o.id < offset) continue;
    o.reads = o.reads?.map((id) => objectOf.get(id - offset)?.id ?? id);
    o.writes = o.writes?.map((id) => objectOf.get(id - offset)?.id ?? id);
    if (o.tableFlows) o.tableFlows = o.tableFlows.map((f) => ({ ...f, source: objectOf.get(f.source - offset)?.id ?? f.source, target: objectOf.get(f.target - offset)?.id ?? f.target }));
  }

  const edgeKeyOf = (keys: Map<number, string>, g: LineageGraph) => {
    const names = new Map<number, string>();
    for (const o of g.objects) for (const c of o.columns) names.set(c.id, c.name.toLowerCase());
    const end = (objectId: number, columnId: number) => `${keys.get(objectId)}.${names.get(columnId) ?? columnId}`;
    return (e: LineageEdge) => `${end(e.source.objectId, e.source.columnId)}>${end(e.target.objectId, e.target.columnId)}:${e.type}`;
  };
  const baseKey = edgeKeyOf(baseKeys, base);
  const headKey = edgeKeyOf(headKeys, head);
  const baseEdgeKeys = new Set(base.edges.map(baseKey));
  const headEdgeKeys = new Set(head.edges.map(headKey));
  const edgeMarks = new Map<number, Mark>();
  const edges: LineageEdge[] = [...head.edges];
  let added = 0;
  let removed = 0;
  for (const e of head.edges) {
    if (!baseEdgeKeys.has(headKey(e))) {
      edgeMarks.set(e.id, 'a');
      added++;
    }
  }
  const seen = new Set<string>();
  for (const e of base.edges) {
    const key = baseKey(e);
    if (headEdgeKeys.has(key) || seen.has(key)) continue;
    seen.add(key);
    const s = objectOf.get(e.source.objectId);
    const t = objectOf.get(e.target.objectId);
    const sc = columnOf.get(e.source.columnId);
    const tc = columnOf.get(e.target.columnId);
    if (!s || !t || sc === undefined || tc === undefined) continue;
    const moved: LineageEdge = {
      ...e,
      id: nextId++,
      source: { ...e.source, objectId: s.id, columnId: sc, ...(e.source.loc ? { loc: moveLoc(e.source.loc) } : {}) },
      target: { ...e.target, objectId: t.id, columnId: tc, ...(e.target.loc ? { loc: moveLoc(e.target.loc) } : {}) },
    };
    if (e.processId !== undefined) moved.processId = objectOf.get(e.processId)?.id;
    edges.push(moved);
    edgeMarks.set(moved.id, 'r');
    removed++;
  }
  const graph: LineageGraph = {
    vendor: head.vendor,
    files: [...head.files, ...base.files.map((f) => `${f} (base)`)],
    objects,
    edges,
    errors: head.errors,
    statements: head.statements,
  };
  return { graph, objectMarks, edgeMarks, added, removed };
}
