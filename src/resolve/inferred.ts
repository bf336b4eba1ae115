/**
 * Columns known from use: without a schema, `o.cust_id` where `o` is `sales.orders` tells that
 * sales.orders has a column `cust_id`. Uses are recorded as statements are resolved, and the
 * current statement is scanned on its first ambiguity, so an unqualified column over several
 * tables of unknown columns goes to the one table known to have it (with a note).
 */
import type * as A from '../ast/nodes.js';
import type { AnyNode } from '../ast/walk.js';
import type { LineageObject } from '../graph/model.js';
import { tableKey } from './catalog.js';
import type { Context } from './context.js';
import { qualify } from './tables.js';
import { detached } from '../graph/names.js';

export class InferredColumns {
  /**
   * The ids of the dataset objects known to have a column, by the column's key: an ambiguous
   * name is looked up once, then each source it may be from by id.
   */
  private readonly byKey = new Map<string, Set<number>>();

  add(obj: LineageObject, key: string): void {
    let ids = this.byKey.get(key);
    // An own copy: a key cut from the input would keep the whole text alive (graph/names.ts).
    if (!ids) this.byKey.set(detached(key), (ids = new Set()));
    ids.add(obj.id);
  }

  /** The ids of the objects known to have the column `key`, if any. */
  objectsWith(key: string): ReadonlySet<number> | undefined {
    return this.byKey.get(key);
  }

  /** Record the qualified column uses of a whole statement (`alias.col`, `table.col`). */
  scan(ctx: Context, statement: A.Statement): void {
    const uses: Uses = { ctx, tables: new Map(), cols: [] };
    collectUses(statement, uses);
    const { tables, cols } = uses;
    for (const q of cols) {
      const obj = tables.get(ctx.key(q.parts[0]!.text, q.parts[0]!.quoted));
      if (obj) this.add(obj, ctx.key(q.parts[1]!.text, q.parts[1]!.quoted));
    }
  }
}

/** What a scan finds: the tables by the name they answer to, and the two-part column names. */
interface Uses {
  ctx: Context;
  tables: Map<string, LineageObject>;
  cols: A.QName[];
}

/**
 * forEachNode's walk (every node, parents first, every property in order) with the scan's
 * choices made inline, not by a visitor called for each node: it runs over every statement of a
 * run without --schema, and a top-level function taking its state makes it several times cheaper
 * (V8 instructions: about a seventh). Unknown node kinds and new fields are still walked.
 */
function collectUses(node: object, uses: Uses): void {
  if (Array.isArray(node)) {
    for (const x of node as unknown[]) if (x !== null && typeof x === 'object') collectUses(x, uses);
    return;
  }
  const n = node as AnyNode;
  switch (n.k) {
    case 'op':
      // The most frequent inner node: its operands are its only nodes.
      for (const a of (n as A.OpExpr).args) collectUses(a, uses);
      return;
    case 'table': {
      const t = n as A.TableName;
      const ctx = uses.ctx;
      const obj = ctx.b.findDataset(tableKey(ctx.key, qualify(ctx, t.name)));
      if (obj) {
        const last = t.name.parts[t.name.parts.length - 1]!;
        uses.tables.set(ctx.key((t.alias ?? last).text, (t.alias ?? last).quoted), obj);
      }
      // A table name, a column reference and a literal hold only names and text, no node:
      // not walking into them spares the scan a third of the objects it visits.
      return;
    }
    case 'col': {
      const c = n as A.ColumnRef;
      if (c.name.parts.length === 2) uses.cols.push(c.name);
      return;
    }
    case 'lit':
      return;
  }
  for (const key in n) {
    const v = (n as unknown as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object') collectUses(v, uses);
  }
}
