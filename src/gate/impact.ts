/**
 * `impact`: what lies downstream (or upstream) of columns, tables or schema changes, transitively,
 * with the chain that reaches each column and the statements that read each seed column. The walk
 * is breadth-first with an explicit queue (no recursion, whatever the depth of the lineage).
 */
import type { RelationType } from '../graph/model.js';
import { columnName, namesObject, patternMatcher, type GateGraph } from './graph.js';
import type { GateChange, GateColumn, GateFlow, Hop, ImpactedColumn, ImpactEntry, ImpactResult } from './model.js';

export interface WalkOptions {
  direction: 'downstream' | 'upstream';
  /** Hops; undefined = no limit. */
  depth?: number;
  relationTypes: RelationType[];
}

/** Breadth-first from `seed`: every column reached, with the shortest chain to it. */
export function walk(gg: GateGraph, seed: GateColumn, opts: WalkOptions): ImpactedColumn[] {
  const types = new Set(opts.relationTypes);
  const down = opts.direction === 'downstream';
  const parent = new Map<string, { from: string; via: GateFlow; depth: number }>();
  parent.set(seed.key, { from: '', via: undefined as unknown as GateFlow, depth: 0 });
  const order: string[] = [];
  const queue: string[] = [seed.key];
  for (let head = 0; head < queue.length; head++) {
    const key = queue[head]!;
    const depth = parent.get(key)!.depth;
    if (opts.depth !== undefined && depth >= opts.depth) continue;
    const flows = (down ? gg.out.get(key) : gg.in.get(key)) ?? [];
    for (const f of flows) {
      if (!types.has(f.type)) continue;
      const next = down ? f.target.key : f.source.key;
      if (parent.has(next)) continue;
      parent.set(next, { from: key, via: f, depth: depth + 1 });
      order.push(next);
      queue.push(next);
    }
  }
  return order.map((key) => {
    const chain: Hop[] = [];
    for (let k = key; k !== seed.key; ) {
      const p = parent.get(k)!;
      chain.push({ column: gg.columns.get(k)!, via: p.via });
      k = p.from;
    }
    chain.push({ column: seed });
    chain.reverse();
    return { column: gg.columns.get(key)!, depth: parent.get(key)!.depth, chain };
  });
}

/** Statements that read a column (any relation type), at the reference, in position order. */
export function readsOf(gg: GateGraph, column: GateColumn): GateFlow[] {
  const flows = gg.out.get(column.key) ?? [];
  return sortFlows(flows.filter((f) => f.target.key !== column.key));
}

export function sortFlows(flows: GateFlow[]): GateFlow[] {
  const at = (f: GateFlow) => f.ref ?? f.statement?.loc;
  return [...flows].sort((a, b) => {
    const x = at(a);
    const y = at(b);
    if (!x || !y) return x ? -1 : y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line || x.col - y.col || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

/** Columns named by `--column` patterns (`db.schema.table.col`, `*` allowed; right-aligned). */
export function columnsMatching(gg: GateGraph, pattern: string): GateColumn[] {
  const parts = pattern.split('.');
  const col = patternMatcher(parts[parts.length - 1]!);
  const table = parts.slice(0, -1).join('.');
  const tableMatch = tableMatcher(table);
  return sortColumns([...gg.columns.values()].filter((c) => isData(c) && col(c.column) && tableMatch(c.objectKey)));
}

/** Every column of the tables named by `--table` patterns (RelationRows included: row-level reads). */
export function tableColumns(gg: GateGraph, pattern: string): GateColumn[] {
  const m = tableMatcher(pattern);
  return sortColumns([...gg.columns.values()].filter((c) => isData(c) && m(c.objectKey)));
}

function isData(c: GateColumn): boolean {
  return c.objectType === 'table' || c.objectType === 'view';
}

/** A table pattern matched right-aligned against an object key (`orders` matches `dbo.orders`). */
function tableMatcher(pattern: string): (key: string) => boolean {
  if (pattern === '') return () => true;
  if (!pattern.includes('*')) return (key) => namesObject(pattern, key);
  const m = patternMatcher(pattern);
  return (key) => {
    const parts = key.split('.');
    for (let i = 0; i < parts.length; i++) if (m(parts.slice(i).join('.'))) return true;
    return false;
  };
}

export function sortColumns(cols: GateColumn[]): GateColumn[] {
  return [...cols].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The columns a change touches: the column, or every column of a dropped or renamed table. */
export function changedColumns(gg: GateGraph, c: GateChange): GateColumn[] {
  if (c.column === undefined) return tableColumns(gg, c.table);
  const m = tableMatcher(c.table);
  const name = c.column.toLowerCase();
  return sortColumns([...gg.columns.values()].filter((x) => isData(x) && x.column.toLowerCase() === name && m(x.objectKey)));
}

/** One entry per seed column: its reads and what it reaches. */
export function impactOf(gg: GateGraph, seeds: { column: GateColumn; change?: GateChange }[], opts: WalkOptions): ImpactEntry[] {
  return seeds.map(({ column, change }) => {
    const entry: ImpactEntry = { seed: column, reads: opts.direction === 'downstream' ? readsOf(gg, column) : [], impacted: walk(gg, column, opts) };
    if (change) entry.change = change;
    return entry;
  });
}

export function impactResult(gg: GateGraph, spec: { columns: string[]; tables: string[]; changes: GateChange[] }, opts: WalkOptions): ImpactResult {
  const seeds: { column: GateColumn; change?: GateChange }[] = [];
  const seen = new Set<string>();
  const unmatched: string[] = [];
  const add = (cols: GateColumn[], what: string, change?: GateChange) => {
    if (cols.length === 0) unmatched.push(what);
    for (const column of cols) {
      const k = `${column.key}|${change ? describe(change) : ''}`;
      if (seen.has(k)) continue;
      seen.add(k);
      seeds.push(change ? { column, change } : { column });
    }
  };
  for (const p of spec.columns) add(columnsMatching(gg, p), `--column ${p}`);
  for (const p of spec.tables) add(tableColumns(gg, p), `--table ${p}`);
  for (const c of spec.changes) {
    if (c.kind === 'add_column') continue;
    add(changedColumns(gg, c), describe(c), c);
  }
  return { direction: opts.direction, entries: impactOf(gg, seeds, opts), unmatched };
}

/** One line: `drop column src.orders.discount`. */
export function describe(c: GateChange): string {
  const what = c.column === undefined ? c.table : `${c.table}.${c.column}`;
  switch (c.kind) {
    case 'drop_column':
      return `drop column ${what}`;
    case 'rename_column':
      return `rename column ${what} to ${c.to}`;
    case 'retype_column':
      return `change type of ${what} to ${c.type}`;
    case 'add_column':
      return `add column ${what}`;
    case 'drop_table':
      return `drop ${what}`;
    case 'rename_table':
      return `rename ${what} to ${c.to}`;
  }
}

export function chainText(chain: Hop[]): string {
  return chain.map((h) => columnName(h.column)).join(' -> ');
}
