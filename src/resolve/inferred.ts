/**
 * Columns known from use: without a schema, `o.cust_id` where `o` is `sales.orders` tells that
 * sales.orders has a column `cust_id`. Uses are recorded as statements are resolved, and the
 * current statement is scanned on its first ambiguity, so an unqualified column over several
 * tables of unknown columns goes to the one table known to have it (with a note).
 */
import type * as A from '../ast/nodes.js';
import { forEachNode } from '../ast/walk.js';
import type { LineageObject } from '../graph/model.js';
import { tableKey } from './catalog.js';
import type { Context } from './context.js';
import { qualify } from './tables.js';
import { detached } from '../graph/names.js';

export class InferredColumns {
  /** Column keys by dataset object id. */
  private readonly byObject = new Map<number, Set<string>>();

  add(obj: LineageObject, key: string): void {
    let set = this.byObject.get(obj.id);
    if (!set) this.byObject.set(obj.id, (set = new Set()));
    // An own copy: a key cut from the input would keep the whole text alive (graph/names.ts).
    if (!set.has(key)) set.add(detached(key));
  }

  has(obj: LineageObject, key: string): boolean {
    return this.byObject.get(obj.id)?.has(key) ?? false;
  }

  /** Record the qualified column uses of a whole statement (`alias.col`, `table.col`). */
  scan(ctx: Context, statement: A.Statement): void {
    const tables = new Map<string, LineageObject>();
    const cols: A.QName[] = [];
    forEachNode(statement, (n) => {
      if (n.k === 'table') {
        const t = n as A.TableName;
        const obj = ctx.b.findDataset(tableKey(ctx.key, qualify(ctx, t.name)));
        if (obj) {
          const last = t.name.parts[t.name.parts.length - 1]!;
          tables.set(ctx.key((t.alias ?? last).text, (t.alias ?? last).quoted), obj);
        }
      } else if (n.k === 'col') {
        const c = n as A.ColumnRef;
        if (c.name.parts.length === 2) cols.push(c.name);
      }
    });
    for (const q of cols) {
      const obj = tables.get(ctx.key(q.parts[0]!.text, q.parts[0]!.quoted));
      if (obj) this.add(obj, ctx.key(q.parts[1]!.text, q.parts[1]!.quoted));
    }
  }
}
