/**
 * Shaping: fold hidden result sets (intermediates, functions) out of the raw graph so that each
 * visible column is linked straight to the visible columns it depends on, then keep the
 * requested relation types. A folded chain is `fdd` only if every hop is `fdd`; when a pair is
 * linked both ways, the `fdd` link wins (SQLFlow's rule).
 *
 * Hidden result sets live inside one statement, so the resolver hands the raw graph over one
 * statement at a time (`Shaper.add`) and the raw edges are folded and dropped as it goes: only the
 * shaped graph is ever held for a whole script. An edge that would reach back into a hidden object
 * of an earlier statement is counted in `crossed` (and reported), never folded silently.
 */
import { endpoint, type ClauseType, type Endpoint, type LineageEdge, type LineageGraph, type LineageObject, type RelationType, type TableFlow } from './model.js';

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

export class Shaper {
  /**
   * Every visible object of earlier batches, and the objects of the current batch (ids from
   * `batchStart` on; see `object`). Two maps, not one that hidden objects are deleted from again:
   * that one's table filled with deleted entries and was made anew every few dozen statements,
   * at the size of all the visible objects (5 MB of old-generation tables over the bench, now 1).
   */
  private readonly visible = new Map<number, LineageObject>();
  private readonly batch = new Map<number, LineageObject>();
  private readonly kept: LineageObject[] = [];
  private readonly edges: LineageEdge[] = [];
  /**
   * Emitted edges by target column (each with its own source, effect and process), in the order
   * made. A target has one or two (10,800 of the bench's 13,900 have one): the list is searched,
   * and only a long one gets an index by source column (`bySource`); a map per target was a
   * sixth of the shaper's allocation.
   */
  private readonly emitted = new Map<number, LineageEdge[]>();
  private readonly bySource = new Map<number, Map<number, LineageEdge[]>>();
  private readonly keep: Set<RelationType>;
  /** Processes of the batch that write several tables: their table flows by source, target and effect. */
  private readonly flows = new Map<number, Map<string, TableFlow>>();
  /** Largest object or column id of a hidden object (they are gone by `finish`). */
  private hiddenMaxId = 0;
  /** Lowest id the current batch may have created. */
  private batchStart = 0;
  /** Edges whose source is a hidden object of an earlier batch (a resolver bug if ever non-zero). */
  crossed = 0;

  constructor(private readonly opts: ShapeOptions) {
    this.keep = new Set(opts.relationTypes);
  }

  private object(id: number): LineageObject | undefined {
    return id >= this.batchStart ? this.batch.get(id) : this.visible.get(id);
  }

  private hidden(id: number): boolean {
    const o = this.object(id);
    return !o || foldedAway(o, this.opts);
  }

  /**
   * Fold one batch: the objects created since the last batch (`firstId` = the lowest id it could
   * use) and the raw edges made since.
   */
  add(objects: LineageObject[], raw: LineageEdge[], firstId: number): void {
    this.batchStart = firstId;
    // Emitted edges are keyed by their process, and a process's edges all come in its own batch.
    this.emitted.clear();
    this.bySource.clear();
    this.flows.clear();
    this.batch.clear();
    for (const o of objects) {
      this.batch.set(o.id, o);
      if (o.type === 'process' && o.writes !== undefined && o.writes.length > 1) this.flows.set(o.id, new Map());
    }
    // Only a hidden column's incoming edges are ever followed (`reach` starts from hidden sources):
    // the edges into visible columns (two in five) are not indexed. Whether each edge's target is
    // hidden is looked up once, for both passes.
    const visibleTarget = new Uint8Array(raw.length);
    const incoming = new Map<number, LineageEdge[]>();
    for (let i = 0; i < raw.length; i++) {
      const e = raw[i]!;
      if (!this.hidden(e.target.objectId)) {
        visibleTarget[i] = 1;
        continue;
      }
      if (e.type === 'join') continue;
      // `[e]`, not `[]` then push: most columns have one incoming edge (push reserves 17 slots).
      const list = incoming.get(e.target.columnId);
      if (list) list.push(e);
      else incoming.set(e.target.columnId, [e]);
    }
    const reach = this.reacher(incoming);
    for (let i = 0; i < raw.length; i++) {
      if (visibleTarget[i] === 0) continue;
      const e = raw[i]!;
      if (e.type === 'join') {
        if (!this.hidden(e.source.objectId)) this.emit(e, e.source, undefined, 'join', e.function);
        continue;
      }
      if (!this.hidden(e.source.objectId)) {
        this.emit(e, e.source, undefined, e.type, e.function);
        continue;
      }
      for (const r of reach(e.source)) {
        // The folded link belongs to the clause of its last hop (a WHERE through a subquery is `where`).
        this.emit(e, r.source, e.source.clauseType, r.direct && e.type === 'fdd' ? 'fdd' : 'fdr', e.function ?? r.function, e.transform ?? r.transform);
      }
    }
    // Hidden objects are done with: only their ids matter (for numbering the shaped edges).
    for (const o of objects) {
      if (!this.hidden(o.id)) {
        this.kept.push(o);
        this.visible.set(o.id, o);
        continue;
      }
      this.hiddenMaxId = Math.max(this.hiddenMaxId, o.id);
      for (const c of o.columns) this.hiddenMaxId = Math.max(this.hiddenMaxId, c.id);
    }
  }

  /**
   * Visible sources reaching a hidden column, and whether every hop on the way is direct.
   * Depth-first with an explicit stack (a chain of 10,000 CTEs is 10,000 hidden hops deep); a
   * column already on the stack (a cycle) contributes nothing, as does a hidden object of an
   * earlier statement (counted in `crossed`).
   */
  private reacher(incoming: Map<number, LineageEdge[]>): (from: Endpoint) => Reach[] {
    const memo = new Map<number, Reach[]>();
    interface Frame {
      columnId: number;
      edges: LineageEdge[];
      next: number;
      out: Reach[];
      /** `out` by source column, made once `out` is long (a short list is searched). */
      seen: Map<number, Reach> | undefined;
    }
    const frame = (from: Endpoint): Frame => {
      // Marked in `memo` while on the stack (a cycle back to it contributes nothing).
      memo.set(from.columnId, ON_STACK);
      // `out` is made at its first reach, of exactly that size (most hidden columns reach one or two sources).
      return { columnId: from.columnId, edges: incoming.get(from.columnId) ?? NO_EDGES, next: 0, out: NO_REACH, seen: undefined };
    };
    // A reach is made only when new (130,000 asked for on the bench, most of them repeats).
    const add = (f: Frame, source: Endpoint, direct: boolean, fn: string | undefined, transform: LineageEdge['transform']) => {
      const k = source.columnId;
      let prev: Reach | undefined;
      if (f.seen) prev = f.seen.get(k);
      else {
        for (const x of f.out) if (x.source.columnId === k) prev = x;
        if (!prev && f.out.length >= 16) f.seen = new Map(f.out.map((x) => [x.source.columnId, x]));
      }
      if (!prev) {
        const r: Reach = { source, direct, function: fn, transform };
        f.seen?.set(k, r);
        if (f.out === NO_REACH) f.out = [r];
        else f.out.push(r);
      } else if (direct && !prev.direct) {
        prev.direct = true;
      }
    };
    return (from: Endpoint): Reach[] => {
      const done = memo.get(from.columnId);
      if (done) return done;
      if (from.objectId < this.batchStart) {
        this.crossed++;
        return [];
      }
      const stack: Frame[] = [frame(from)];
      while (stack.length > 0) {
        const f = stack[stack.length - 1]!;
        if (f.next >= f.edges.length) {
          stack.pop();
          memo.set(f.columnId, f.out);
          continue;
        }
        const e = f.edges[f.next]!;
        if (!this.hidden(e.source.objectId)) {
          add(f, e.source, e.type === 'fdd', e.function, e.transform);
          f.next++;
          continue;
        }
        // Known (or ON_STACK, which adds nothing: a cycle).
        const below = memo.get(e.source.columnId);
        if (below) {
          for (const r of below) add(f, r.source, r.direct && e.type === 'fdd', r.function ?? e.function, e.transform ?? r.transform);
          f.next++;
        } else if (e.source.objectId < this.batchStart) {
          this.crossed++;
          f.next++;
        } else {
          // Visit the hidden source first; this edge is taken again once its reach is known.
          stack.push(frame(e.source));
        }
      }
      return memo.get(from.columnId)!;
    };
  }

  /**
   * The link from `from` (in the clause `clause` when given, else in its own) into `e`'s target,
   * unless one is already made (most links asked for repeat one: 140,000 asked for 21,000 made on
   * the bench); the source endpoint with the clause is made only for a new edge.
   */
  private emit(e: LineageEdge, from: Endpoint, clause: ClauseType | undefined, type: RelationType, fn: string | undefined, transform?: LineageEdge['transform']): void {
    if (this.flows.size > 0 && e.processId !== undefined) this.flow(e, from, type);
    if (!this.keep.has(type)) return;
    const targetId = e.target.columnId;
    const into = this.emitted.get(targetId);
    // The few edges from one source column into this target differ by effect or process (no key string per edge).
    const index = into !== undefined && into.length >= LONG ? this.sourceIndex(targetId, into) : undefined;
    const candidates = index ? index.get(from.columnId) : into;
    if (candidates) {
      for (const prev of candidates) {
        if (prev.source.columnId !== from.columnId || prev.effectType !== e.effectType || prev.processId !== e.processId) continue;
        if (prev.type === 'fdr' && type === 'fdd' && this.keep.has('fdd')) prev.type = 'fdd';
        return;
      }
    }
    const source = clause ? endpoint(from.objectId, from.columnId, from.loc, clause) : from;
    // Built with its fields at once (see model.ts `endpoint`; a spread then `delete` would leave a
    // slow, larger dictionary object); transforms and joins are rare.
    const { id, effectType, target, processId } = e;
    const edge: LineageEdge = fn ? { id, type, effectType, source, target, processId, function: fn } : { id, type, effectType, source, target, processId };
    const t = transform ?? e.transform;
    if (t) edge.transform = t;
    if (e.join) edge.join = e.join;
    // `[edge]`, not `[]` then push: most targets get one edge (push reserves 17 slots).
    if (into) into.push(edge);
    else this.emitted.set(targetId, [edge]);
    if (index) {
      const same = index.get(source.columnId);
      if (same) same.push(edge);
      else index.set(source.columnId, [edge]);
    }
    this.edges.push(edge);
  }

  /** The edges emitted into a target column by source column, made once its list is long. */
  private sourceIndex(targetId: number, into: LineageEdge[]): Map<number, LineageEdge[]> {
    let index = this.bySource.get(targetId);
    if (!index) {
      index = new Map();
      for (const edge of into) {
        const same = index.get(edge.source.columnId);
        if (same) same.push(edge);
        else index.set(edge.source.columnId, [edge]);
      }
      this.bySource.set(targetId, index);
    }
    return index;
  }

  /** Table to table, for a process that writes several tables: its table-level pairs come from these, not from reads × writes. */
  private flow(e: LineageEdge, source: Endpoint, type: RelationType): void {
    const flows = this.flows.get(e.processId!);
    const from = this.object(source.objectId);
    const to = this.object(e.target.objectId);
    if (!flows || (type !== 'fdd' && type !== 'fdr') || !from || !to || !isDataset(from) || !isDataset(to)) return;
    const key = `${from.id}:${to.id}:${e.effectType}`;
    const known = flows.get(key);
    if (known) {
      if (type === 'fdd') known.type = 'fdd';
      return;
    }
    const f: TableFlow = { source: from.id, target: to.id, type, effectType: e.effectType };
    flows.set(key, f);
    ((this.object(e.processId!)!).tableFlows ??= []).push(f);
  }

  /** The shaped graph: visible objects, and the kept edges numbered after every object and column id. */
  finish(base: Omit<LineageGraph, 'objects' | 'edges'>): LineageGraph {
    let nextId = this.hiddenMaxId;
    for (const o of this.kept) {
      nextId = Math.max(nextId, o.id);
      for (const c of o.columns) nextId = Math.max(nextId, c.id);
    }
    // A pair first linked as fdr and later as fdd ends as fdd; when fdr is not wanted, drop leftovers.
    const edges = this.keep.has('fdr') ? this.edges : this.edges.filter((e) => e.type !== 'fdr');
    for (const e of this.edges) e.id = ++nextId;
    return { ...base, objects: this.kept, edges };
  }
}

/** Whether shaping folds `o` away: a function's result set unless shown, an intermediate one unless shown. */
export function foldedAway(o: LineageObject, opts: ShapeOptions): boolean {
  if (o.type === 'function') return !opts.showFunction;
  return o.intermediate && !opts.showIntermediate;
}

/**
 * Whether an edge of `type` from `source` into `target` would be dropped by shaping whatever else
 * the statement links: an `fdr` edge between two objects that stay (visible sources are not
 * followed further) when `fdr` is not kept, into a result set (only an edge into a table or view
 * counts towards a process's table flows). Such an edge is not even made (see GraphBuilder.edge).
 */
export function droppedByShaping(type: RelationType, source: LineageObject, target: LineageObject, opts: ShapeOptions): boolean {
  return type === 'fdr' && !opts.relationTypes.includes('fdr') && !isDataset(target) && !foldedAway(target, opts) && !foldedAway(source, opts);
}

const NO_EDGES: LineageEdge[] = [];
/** The reach of a column not reaching any visible source yet (never added to: see `add`). */
const NO_REACH: Reach[] = [];
/** `memo`'s mark of a column on the reacher's stack. */
const ON_STACK: Reach[] = [];

/** Edges into one target past which they get an index by source column (see `emitted`). */
const LONG = 16;

const isDataset = (o: LineageObject) => o.type === 'table' || o.type === 'view';
