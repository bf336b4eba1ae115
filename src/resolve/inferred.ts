/**
 * Columns known from use: without a schema, `o.cust_id` where `o` is `sales.orders` tells that
 * sales.orders has a column `cust_id`. Uses are recorded as statements are resolved, and the
 * current statement is scanned on its first ambiguity, so an unqualified column over several
 * tables of unknown columns goes to the one table known to have it (with a note).
 */
import type * as A from '../ast/nodes.js';
import { forEachNode, type AnyNode } from '../ast/walk.js';
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
    const tables = new Map<string, LineageObject>();
    const cols: A.QName[] = [];
    const visit = (n: AnyNode): boolean => {
      if (n.k === 'op') {
        // The most frequent inner node: its operands are its only nodes.
        for (const a of (n as A.OpExpr).args) forEachNode(a, visit);
        return false;
      }
      if (n.k === 'table') {
        const t = n as A.TableName;
        const obj = ctx.b.findDataset(tableKey(ctx.key, qualify(ctx, t.name)));
        if (obj) {
          const last = t.name.parts[t.name.parts.length - 1]!;
          tables.set(ctx.key((t.alias ?? last).text, (t.alias ?? last).quoted), obj);
        }
        // A table name, a column reference and a literal hold only names and text, no node:
        // not walking into them spares the scan a third of the objects it visits.
        return false;
      }
      if (n.k === 'col') {
        const c = n as A.ColumnRef;
        // `c.city`, and `c.addr.country` (a field of the struct column addr).
        if (c.name.parts.length === 2 || c.name.parts.length === 3) cols.push(c.name);
        return false;
      }
      return n.k !== 'lit';
    };
    forEachNode(statement, visit);
    for (const q of cols) {
      const obj = tables.get(ctx.key(q.parts[0]!.text, q.parts[0]!.quoted));
      if (obj) this.add(obj, ctx.key(q.parts[1]!.text, q.parts[1]!.quoted));
    }
  }
}
