/**
 * The gate's view of a lineage graph: columns and flows keyed by content (qualified names), not
 * by the graph's ids or positions, so two analyses of the same SQL agree whatever moved in the
 * files. Built once per analysis; every walk over it is iterative.
 */
import type { LineageGraph, LineageObject, Loc } from '../graph/model.js';
import { qualifiedName } from '../graph/model.js';
import type { GateColumn, GateFlow, GateLoc, StatementRef } from './model.js';

export interface GateGraph {
  columns: Map<string, GateColumn>;
  flows: GateFlow[];
  /** Flows by source column key / by target column key. */
  out: Map<string, GateFlow[]>;
  in: Map<string, GateFlow[]>;
  /** Columns by object key. */
  byObject: Map<string, GateColumn[]>;
  /** Objects by key: type and display name. */
  objects: Map<string, GateColumn>;
}

export function gateLoc(files: readonly string[], loc: Loc | undefined): GateLoc | undefined {
  if (!loc) return undefined;
  return { file: files[loc.file] ?? `<input ${loc.file}>`, line: loc.line, col: loc.col, endLine: loc.endLine, endCol: loc.endCol };
}

/** The content-derived key of an object (see GateColumn). */
export function objectKey(o: LineageObject, process: LineageObject | undefined): string {
  if (o.type === 'table' || o.type === 'view') return qualifiedName(o).toLowerCase();
  if (o.type === 'select_list' && process?.queryHashId) return `select@${process.queryHashId.slice(0, 12)}`;
  return qualifiedName(o).toLowerCase();
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** The process that writes each object (a plain SELECT's RS-n takes its statement's hash). */
function writers(g: LineageGraph, objects: Map<number, LineageObject>): Map<number, LineageObject> {
  const writer = new Map<number, LineageObject>();
  for (const e of g.edges) {
    const p = e.processId === undefined ? undefined : objects.get(e.processId);
    if (p && !writer.has(e.target.objectId)) writer.set(e.target.objectId, p);
  }
  return writer;
}

/** The graph's column ids by gate column key (several when result sets share a name). */
export function columnIdsByKey(g: LineageGraph): Map<string, number[]> {
  const objects = new Map(g.objects.map((o) => [o.id, o]));
  const writer = writers(g, objects);
  const ids = new Map<string, number[]>();
  for (const o of g.objects) {
    const ok = objectKey(o, writer.get(o.id));
    for (const c of o.columns) push(ids, `${ok}.${c.name.toLowerCase()}`, c.id);
  }
  return ids;
}

export function buildGateGraph(g: LineageGraph): GateGraph {
  const objects = new Map(g.objects.map((o) => [o.id, o]));
  const writer = writers(g, objects);
  const gg: GateGraph = { columns: new Map(), flows: [], out: new Map(), in: new Map(), byObject: new Map(), objects: new Map() };
  const colCache = new Map<string, GateColumn>();
  const column = (objectId: number, columnId: number): GateColumn | undefined => {
    const ck = `${objectId}:${columnId}`;
    const hit = colCache.get(ck);
    if (hit) return hit;
    const o = objects.get(objectId);
    const c = o?.columns.find((x) => x.id === columnId);
    if (!o || !c) return undefined;
    const ok = objectKey(o, writer.get(o.id));
    const key = `${ok}.${c.name.toLowerCase()}`;
    let gc = gg.columns.get(key);
    if (!gc) {
      const display = o.type === 'table' || o.type === 'view' ? qualifiedName(o) : o.name;
      gc = { key, object: display, objectKey: ok, objectType: o.type, column: c.name };
      const loc = gateLoc(g.files, o.locs[0]);
      if (loc) gc.loc = loc;
      gg.columns.set(key, gc);
      push(gg.byObject, ok, gc);
      if (!gg.objects.has(ok)) gg.objects.set(ok, gc);
    }
    colCache.set(ck, gc);
    return gc;
  };
  // Every column of a table or view, also those no flow touches (a dropped table's columns).
  for (const o of g.objects) if (o.type === 'table' || o.type === 'view') for (const c of o.columns) column(o.id, c.id);
  const seen = new Set<string>();
  for (const e of g.edges) {
    const source = column(e.source.objectId, e.source.columnId);
    const target = column(e.target.objectId, e.target.columnId);
    if (!source || !target) continue;
    const p = e.processId === undefined ? undefined : objects.get(e.processId);
    const ref = gateLoc(g.files, e.source.loc ?? undefined);
    const id = flowId(source.key, target.key, e.type, e.effectType);
    // The same flow read at the same place once.
    const dedupe = `${id}@${ref ? `${ref.file}:${ref.line}:${ref.col}` : ''}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const flow: GateFlow = { id, source, target, type: e.type, effect: e.effectType };
    if (ref) flow.ref = ref;
    if (p) {
      const st: StatementRef = { name: p.name, procedure: p.procedureName ?? 'batchQueries' };
      const loc = gateLoc(g.files, p.locs[0]);
      if (loc) st.loc = loc;
      flow.statement = st;
    }
    gg.flows.push(flow);
    push(gg.out, source.key, flow);
    push(gg.in, target.key, flow);
  }
  return gg;
}

/** A flow's identity: `source -> target | type | effect`, all content. */
export function flowId(source: string, target: string, type: string, effect: string): string {
  return `${source} -> ${target} | ${type} | ${effect}`;
}

/** Does a written table name (`orders`, `dbo.orders`) name this object key (`db.dbo.orders`)? Right-aligned parts. */
export function namesObject(written: string, key: string): boolean {
  const a = written.toLowerCase().split('.');
  const b = key.split('.');
  const n = Math.min(a.length, b.length);
  for (let i = 1; i <= n; i++) if (a[a.length - i] !== b[b.length - i]) return false;
  return true;
}

/** A `*` pattern (`src.*.amount`, `*.orders`) as a whole-string, case-insensitive matcher. */
export function patternMatcher(pattern: string): (text: string) => boolean {
  const re = new RegExp(`^${pattern.toLowerCase().split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (text) => re.test(text.toLowerCase());
}

/** Qualified display name of a column: `src.orders.amount`. */
export function columnName(c: GateColumn): string {
  return `${c.object}.${c.column}`;
}

/** `INSERT INTO dw.fact_sales in dw.load_fact_sales`, `CREATE VIEW stage.v_orders`, `SELECT`: the statement of a flow. */
export function statementText(f: GateFlow): string {
  const s = f.statement;
  if (!s) return 'a statement';
  const kind = s.name.replace(/^Query /, '').replace(/-\d+$/, '').toUpperCase();
  const data = f.target.objectType === 'table' || f.target.objectType === 'view';
  const what = !data ? kind : kind === 'INSERT' ? `INSERT INTO ${f.target.object}` : kind === 'UPDATE' || kind === 'MERGE' ? `${kind} ${f.target.object}` : `${kind} ${f.target.object}`;
  return s.procedure !== 'batchQueries' ? `${what} in ${s.procedure}` : what;
}
