/**
 * Writes through an updatable CTE, derived table or inline view (`WITH c AS (...) UPDATE c SET x =
 * y`, T-SQL `UPDATE q ... FROM (SELECT ...) q`, Oracle `UPDATE (SELECT ...) v SET`): the written
 * column is the base-table column the result set's output passes through, and the rows deleted or
 * updated are those of the first table its rows come from.
 */
import type { ColumnRef } from '../graph/builder.js';
import type { LineageObject } from '../graph/model.js';
import type { Context, ResultSet } from './context.js';
import { rsColumn } from './scope.js';

function isDataset(o: LineageObject): boolean {
  return !o.intermediate && (o.type === 'table' || o.type === 'view');
}

/** Dataset columns reaching `from` by direct (fdd) edges made in this statement, through result sets. */
function traceDirect(ctx: Context, from: ColumnRef, seen = new Set<number>()): ColumnRef[] {
  if (isDataset(from.obj)) return [from];
  if (seen.has(from.col.id)) return [];
  seen.add(from.col.id);
  const out: ColumnRef[] = [];
  for (const e of ctx.b.incoming(from.col.id)) {
    if (e.type !== 'fdd') continue;
    const obj = ctx.b.objectOf(e.source.objectId);
    const col = obj?.columns.find((c) => c.id === e.source.columnId);
    if (obj && col) out.push(...traceDirect(ctx, { obj, col }, seen));
  }
  return out;
}

/** The base-table column(s) an output `name` of `rs` is a pass-through of (empty when computed or unknown). */
export function baseColumns(ctx: Context, rs: ResultSet, name: string): ColumnRef[] {
  const out: ColumnRef[] = [];
  for (const c of rsColumn(ctx, rs, name)) {
    for (const base of traceDirect(ctx, c)) if (!base.col.system && !out.some((o) => o.col === base.col)) out.push(base);
  }
  return out;
}

/**
 * The table an UPDATE/DELETE through `rs` modifies: the table of its first output that passes a
 * table column through (or of its first `*`).
 */
export function baseTable(ctx: Context, rs: ResultSet): LineageObject | undefined {
  for (const c of rs.cols) {
    const hit = traceDirect(ctx, { obj: rs.obj, col: c.col }).find((r) => !r.col.system);
    if (hit) return hit.obj;
  }
  for (const s of rs.stars) {
    const hit = traceDirect(ctx, s)[0];
    if (hit) return hit.obj;
  }
  return undefined;
}

/** The base-table column(s) a result-set column passes through. */
export function baseColumnsOf(ctx: Context, ref: ColumnRef): ColumnRef[] {
  return traceDirect(ctx, ref).filter((r) => !r.col.system);
}
