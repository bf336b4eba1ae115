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

/** Breadth-first from `seed`: every column reached once, on its shortest chain (memory linear in the columns reached). */
export function walk(gg: GateGraph, seed: GateColumn, opts: WalkOptions): ImpactedColumn[] {
  const types = new Set(opts.relationTypes);
  const down = opts.direction === 'downstream';
  const order: ImpactedColumn[] = [];
  const visited = new Set<string>([seed.key]);
  // The queue is the output list itself: each column is expanded once, in order of depth.
  const expand = (key: string, depth: number, parent: ImpactedColumn | undefined) => {
    if (opts.depth !== undefined && depth >= opts.depth) return;
    for (const f of (down ? gg.out.get(key) : gg.in.get(key)) ?? []) {
      if (!types.has(f.type)) continue;
      const next = down ? f.target : f.source;
      if (visited.has(next.key)) continue;
      visited.add(next.key);
      const ic: ImpactedColumn = { column: next, depth: depth + 1, via: f, seed };
      if (parent) ic.parent = parent;
      order.push(ic);
    }
  };
  expand(seed.key, 0, undefined);
  for (let head = 0; head < order.length; head++) expand(order[head]!.column.key, order[head]!.depth, order[head]);
  return order;
}

/** The chain from the seed to `ic`, built on demand (iteratively). */
export function chainOf(ic: ImpactedColumn): Hop[] {
  const hops: Hop[] = [];
  for (let x: ImpactedColumn | undefined = ic; x; x = x.parent) hops.push({ column: x.column, via: x.via });
  hops.push({ column: ic.seed });
  return hops.reverse();
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
