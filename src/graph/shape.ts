/**
 * Shaping: fold hidden result sets (intermediates, functions) out of the raw graph so that each
 * visible column is linked straight to the visible columns it depends on, then keep the
 * requested relation types. A folded chain is `fdd` only if every hop is `fdd`; when a pair is
 * linked both ways, the `fdd` link wins (SQLFlow's rule).
 */
import type { Endpoint, LineageEdge, LineageGraph, LineageObject, RelationType } from './model.js';

export interface ShapeOptions {
  showIntermediate: boolean;
  showFunction: boolean;
  relationTypes: RelationType[];
}

interface Reach {
  source: Endpoint;
  direct: boolean;
  function?: string;
  transform?: LineageEdge['transform'];
}

export function shape(raw: LineageGraph, opts: ShapeOptions): LineageGraph {
  const objects = new Map<number, LineageObject>(raw.objects.map((o) => [o.id, o]));
  const hidden = (id: number): boolean => {
    const o = objects.get(id);
    if (!o) return true;
    if (o.type === 'function') return !opts.showFunction;
    return o.intermediate && !opts.showIntermediate;
  };
  const incoming = new Map<number, LineageEdge[]>();
  for (const e of raw.edges) {
    if (e.type === 'join') continue;
    let list = incoming.get(e.target.columnId);
    if (!list) incoming.set(e.target.columnId, (list = []));
    list.push(e);
  }
  const memo = new Map<number, Reach[]>();
  const onStack = new Set<number>();
  // Visible sources reaching a hidden column, and whether every hop on the way is direct.
  const reach = (columnId: number): Reach[] => {
    const done = memo.get(columnId);
    if (done) return done;
    if (onStack.has(columnId)) return [];
    onStack.add(columnId);
    const out: Reach[] = [];
    const seen = new Map<number, Reach>();
    const add = (r: Reach) => {
      const k = r.source.columnId;
      const prev = seen.get(k);
      if (!prev) {
        seen.set(k, r);
        out.push(r);
      } else if (r.direct && !prev.direct) {
        prev.direct = true;
      }
    };
    for (const e of incoming.get(columnId) ?? []) {
      if (!hidden(e.source.objectId)) add({ source: e.source, direct: e.type === 'fdd', function: e.function, transform: e.transform });
      else for (const r of reach(e.source.columnId)) add({ source: r.source, direct: r.direct && e.type === 'fdd', function: r.function ?? e.function, transform: e.transform ?? r.transform });
    }
    onStack.delete(columnId);
    memo.set(columnId, out);
    return out;
  };

  const keep = new Set(opts.relationTypes);
  const edges: LineageEdge[] = [];
  /** Emitted edges by target column, then by (source column, effect, process). */
  const emitted = new Map<number, Map<string, LineageEdge>>();
  let nextId = 0;
  for (const o of raw.objects) {
    nextId = Math.max(nextId, o.id);
    for (const c of o.columns) nextId = Math.max(nextId, c.id);
  }
  const emit = (e: LineageEdge, source: Endpoint, type: RelationType, fn: string | undefined, transform?: LineageEdge['transform']) => {
    if (!keep.has(type)) return;
    let byTarget = emitted.get(e.target.columnId);
    if (!byTarget) emitted.set(e.target.columnId, (byTarget = new Map()));
    const key = `${source.columnId}:${e.effectType}:${e.processId ?? ''}`;
    const prev = byTarget.get(key);
    if (prev) {
      if (prev.type === 'fdr' && type === 'fdd' && keep.has('fdd')) prev.type = 'fdd';
      return;
    }
    const edge: LineageEdge = { ...e, id: ++nextId, type, source };
    if (transform) edge.transform = transform;
    if (fn) edge.function = fn;
    else delete edge.function;
    byTarget.set(key, edge);
    edges.push(edge);
  };
  for (const e of raw.edges) {
    if (hidden(e.target.objectId)) continue;
    if (e.type === 'join') {
      if (!hidden(e.source.objectId)) emit(e, e.source, 'join', e.function);
      continue;
    }
    if (!hidden(e.source.objectId)) {
      emit(e, e.source, e.type, e.function);
      continue;
    }
    for (const r of reach(e.source.columnId)) {
      // The folded link belongs to the clause of its last hop (a WHERE through a subquery is `where`).
      const source = e.source.clauseType ? { ...r.source, clauseType: e.source.clauseType } : r.source;
      emit(e, source, r.direct && e.type === 'fdd' ? 'fdd' : 'fdr', e.function ?? r.function, e.transform ?? r.transform);
    }
  }
  // A pair first linked as fdr and later as fdd ends as fdd; when fdr is not wanted, drop leftovers.
  const finalEdges = keep.has('fdr') ? edges : edges.filter((e) => e.type !== 'fdr');
  return {
    ...raw,
    objects: raw.objects.filter((o) => !hidden(o.id)),
    edges: finalEdges,
  };
}
