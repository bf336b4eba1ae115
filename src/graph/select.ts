/**
 * The lineage of one table or column: SQLFlow's "selected graph" (the widget's
 * `job.lineage.selectGraph({database, schema, table, column})`). Starting from the selected
 * columns, every edge upstream and downstream is followed transitively; the result keeps those
 * edges, the objects at their ends and the processes they belong to, in graph order.
 *
 * Names compare case-insensitively; an omitted part matches anything; `DEFAULT` (the widget's
 * name for an unknown part) matches a missing part. With no table, every table of the given
 * schema/database is selected.
 */
import type { LineageEdge, LineageGraph, LineageObject } from './model.js';

export interface Selection {
  database?: string;
  schema?: string;
  table?: string;
  column?: string;
}

function matches(part: string | undefined, wanted: string | undefined): boolean {
  if (wanted === undefined || wanted === '') return true;
  const w = wanted.toLowerCase();
  if (part === undefined || part === '') return w === 'default';
  return part.toLowerCase() === w;
}

function selected(o: LineageObject, s: Selection): boolean {
  if (o.type === 'process') return false;
  if (s.table !== undefined && s.table !== '') {
    const qualified = [o.schema, o.name].filter(Boolean).join('.').toLowerCase();
    const t = s.table.toLowerCase();
    if (o.name.toLowerCase() !== t && qualified !== t) return false;
  }
  return matches(o.database, s.database) && matches(o.schema, s.schema);
}

/** The sub-graph reachable from the selection, or undefined when nothing matches it. */
export function selectLineage(graph: LineageGraph, s: Selection): LineageGraph | undefined {
  const seeds = new Set<number>();
  for (const o of graph.objects) {
    if (!selected(o, s)) continue;
    for (const c of o.columns) if (matches(c.name, s.column)) seeds.add(c.id);
  }
  if (seeds.size === 0) return undefined;

  const bySource = new Map<number, LineageEdge[]>();
  const byTarget = new Map<number, LineageEdge[]>();
  const add = (index: Map<number, LineageEdge[]>, key: number, e: LineageEdge) => {
    const list = index.get(key);
    if (list) list.push(e);
    else index.set(key, [e]);
  };
  for (const e of graph.edges) {
    add(bySource, e.source.columnId, e);
    add(byTarget, e.target.columnId, e);
  }
  const kept = new Set<LineageEdge>();
  const walk = (index: Map<number, LineageEdge[]>, next: (e: LineageEdge) => number) => {
    const seen = new Set(seeds);
    const queue = [...seeds];
    for (let head = 0; head < queue.length; head++) {
      for (const e of index.get(queue[head]!) ?? []) {
        kept.add(e);
        const n = next(e);
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
      }
    }
  };
  walk(bySource, (e) => e.target.columnId);
  walk(byTarget, (e) => e.source.columnId);

  const objectIds = new Set<number>();
  for (const e of kept) {
    objectIds.add(e.source.objectId).add(e.target.objectId);
    if (e.processId !== undefined) objectIds.add(e.processId);
  }
  for (const o of graph.objects) if (selected(o, s)) objectIds.add(o.id);
  return {
    ...graph,
    objects: graph.objects.filter((o) => objectIds.has(o.id)),
    edges: graph.edges.filter((e) => kept.has(e)),
  };
}
