/**
 * The viewer's graph model: objects, columns and edges from the embedded data, the edges folded
 * through intermediate result sets (for "hide intermediates"), the filters, and the lineage closure
 * used for highlighting. No drawing here.
 */
import type { EffectType, ObjectType, RelationType } from '../../graph/model.js';
import type { Mark, ViewData, ViewLoc } from '../data.js';

export interface Obj {
  id: number;
  kind: ObjectType;
  name: string;
  schema: string;
  intermediate: boolean;
  cols: Col[];
  loc?: ViewLoc;
  procedure?: string;
  effect?: EffectType;
  reads: number[];
  writes: number[];
  mark?: Mark;
}

export interface Col {
  id: number;
  name: string;
  obj: Obj;
  system: boolean;
  /** `table.column` as shown in search and the side panel. */
  label: string;
}

export interface Edge {
  /** Element id in the drawing: `e<n>` for graph edges, `f<n>` for folded ones. */
  key: string;
  s: Col;
  t: Col;
  type: RelationType;
  effects: EffectType[];
  processes: number[];
  functions: string[];
  /** Folded through hidden intermediates: the number of intermediate columns on the way. */
  via: number;
  /** Diff pages: added or removed. */
  mark?: Mark;
}

export interface Filters {
  types: Set<RelationType>;
  intermediates: boolean;
  /** Schema keys hidden by the schema filter. */
  hiddenSchemas: Set<string>;
  processes: boolean;
}

export const RELATION_ORDER: RelationType[] = ['fdd', 'fdr', 'join', 'frd'];

export class Model {
  readonly objects: Obj[] = [];
  readonly byId = new Map<number, Obj>();
  readonly cols = new Map<number, Col>();
  readonly edges: Edge[] = [];
  readonly folded: Edge[];
  readonly hasIntermediates: boolean;
  readonly types: RelationType[];
  readonly schemas: string[];
  /** Whether this is a diff page (some object or edge is marked). */
  readonly marked: boolean;

  constructor(readonly data: ViewData) {
    for (const o of data.objects) {
      const obj: Obj = {
        id: o.i, kind: o.k, name: o.n, schema: o.s, intermediate: o.x === 1, cols: [],
        reads: o.r ?? [], writes: o.w ?? [],
      };
      if (o.l) obj.loc = o.l;
      if (o.p !== undefined) obj.procedure = o.p;
      if (o.e !== undefined) obj.effect = o.e;
      if (o.m) obj.mark = o.m;
      for (const c of o.c) {
        const col: Col = { id: c.i, name: c.n, obj, system: c.y === 1, label: `${o.n}.${c.n}` };
        obj.cols.push(col);
        this.cols.set(col.id, col);
      }
      this.objects.push(obj);
      this.byId.set(obj.id, obj);
    }
    data.edges.forEach((e, n) => {
      const s = this.cols.get(e.s);
      const t = this.cols.get(e.t);
      if (!s || !t) return;
      const edge: Edge = { key: `e${n}`, s, t, type: e.y, effects: e.e, processes: e.p, functions: e.f ?? [], via: 0 };
      if (e.m) edge.mark = e.m;
      this.edges.push(edge);
    });
    this.hasIntermediates = this.objects.some((o) => o.intermediate);
    this.folded = this.hasIntermediates ? foldIntermediates(this.edges) : [];
    const present = new Set(this.edges.map((e) => e.type));
    this.types = RELATION_ORDER.filter((t) => present.has(t));
    this.marked = this.edges.some((e) => e.mark) || this.objects.some((o) => o.mark);
    this.schemas = [...new Set(this.objects.filter((o) => o.kind !== 'process').map((o) => o.schema))].sort();
  }

  defaultFilters(): Filters {
    const types = this.data.types ? this.types.filter((t) => this.data.types!.includes(t)) : this.types;
    return { types: new Set(types), intermediates: true, hiddenSchemas: new Set(), processes: false };
  }

  /** Tables, views and result sets drawn under the filters (processes when asked). */
  visibleObject(o: Obj, f: Filters): boolean {
    if (o.kind === 'process') return f.processes;
    if (f.hiddenSchemas.has(o.schema)) return false;
    return !(o.intermediate && !f.intermediates);
  }

  /** The column edges drawn under the filters. */
  visibleEdges(f: Filters): Edge[] {
    const list = f.intermediates || !this.hasIntermediates ? this.edges : this.folded;
    return list.filter((e) => f.types.has(e.type) && this.visibleObject(e.s.obj, f) && this.visibleObject(e.t.obj, f));
  }
}

/**
 * Graph edges with every chain through intermediate result sets replaced by one edge from the
 * visible source to the visible target: `fdd` only if every hop is `fdd`, and a pair linked both
 * ways keeps `fdd` (the analyzer's own folding rule, graph/shape.ts). Join edges are kept only
 * between visible columns. The statements of every hop are listed on the folded edge.
 */
export function foldIntermediates(edges: Edge[]): Edge[] {
  const hidden = (c: Col) => c.obj.intermediate;
  const out = new Map<Col, Edge[]>();
  for (const e of edges) {
    if (e.type === 'join') continue;
    let list = out.get(e.s);
    if (!list) out.set(e.s, (list = []));
    list.push(e);
  }
  const result: Edge[] = [];
  const index = new Map<string, Edge>();
  const add = (s: Col, t: Col, direct: boolean, hops: Edge[]) => {
    const type: RelationType = direct ? 'fdd' : 'fdr';
    const pairKey = `${s.id}>${t.id}`;
    const known = index.get(pairKey);
    if (known) {
      if (direct) known.type = 'fdd';
      mergeHops(known, hops);
      return;
    }
    const e: Edge = { key: `f${result.length}`, s, t, type, effects: [], processes: [], functions: [], via: hops.length - 1 };
    mergeHops(e, hops);
    index.set(pairKey, e);
    result.push(e);
  };
  for (const e of edges) {
    if (hidden(e.s)) continue;
    if (e.type === 'join') {
      if (!hidden(e.t)) result.push({ ...e, key: `f${result.length}` });
      continue;
    }
    if (!hidden(e.t)) {
      add(e.s, e.t, e.type === 'fdd', [e]);
      continue;
    }
    // Depth-first through hidden columns, each hidden column once per start (no cycles).
    const seen = new Set<Col>();
    const walk = (c: Col, direct: boolean, hops: Edge[]) => {
      if (seen.has(c)) return;
      seen.add(c);
      for (const next of out.get(c) ?? []) {
        const d = direct && next.type === 'fdd';
        if (hidden(next.t)) walk(next.t, d, [...hops, next]);
        else add(e.s, next.t, d, [...hops, next]);
      }
    };
    walk(e.t, e.type === 'fdd', [e]);
  }
  return result;
}

function mergeHops(e: Edge, hops: Edge[]): void {
  for (const h of hops) {
    // A chain with a removed hop is removed; else one with an added hop is added.
    if (h.mark === 'r') e.mark = 'r';
    else if (h.mark === 'a' && e.mark !== 'r') e.mark = 'a';
    h.processes.forEach((p, i) => {
      if (!e.processes.some((q, j) => q === p && e.effects[j] === h.effects[i])) {
        e.processes.push(p);
        e.effects.push(h.effects[i]!);
      }
    });
    for (const f of h.functions) if (!e.functions.includes(f)) e.functions.push(f);
  }
}

/** Columns upstream and downstream of `start` over `edges` (transitively), `start` excluded. */
export function closure(start: Iterable<Col>, edges: Edge[]): { up: Set<Col>; down: Set<Col> } {
  const fwd = new Map<Col, Col[]>();
  const back = new Map<Col, Col[]>();
  for (const e of edges) {
    (fwd.get(e.s) ?? fwd.set(e.s, []).get(e.s)!).push(e.t);
    (back.get(e.t) ?? back.set(e.t, []).get(e.t)!).push(e.s);
  }
  const starts = [...start];
  const walk = (adj: Map<Col, Col[]>) => {
    const seen = new Set<Col>();
    const stack = [...starts];
    while (stack.length > 0) {
      for (const n of adj.get(stack.pop()!) ?? []) {
        if (!seen.has(n)) {
          seen.add(n);
          stack.push(n);
        }
      }
    }
    for (const s of starts) seen.delete(s);
    return seen;
  };
  return { up: walk(back), down: walk(fwd) };
}
