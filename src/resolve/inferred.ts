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
    // A qualified column is written with a dot (`o.cust_id`, or `"o.cust_id"` where quoted names
    // split at dots): a statement as parsed without one in its text has none to record, and is
    // not walked (about a third of the statements of TPC-DS and TPC-H).
    if (statement === ctx.parsed && !ctx.text.slice(statement.start, statement.end).includes('.')) return;
    const named: A.TableName[] = [];
    const cols: A.QName[] = [];
    /** An operand: columns, literals and operators handled here (most of a statement's nodes), anything else walked. */
    const operand = (e: A.Expr): void => {
      if (e.k === 'col') {
        // `c.city`, and `c.addr.country` (a field of the struct column addr).
        if (e.name.parts.length === 2 || e.name.parts.length === 3) cols.push(e.name);
      } else if (e.k === 'op') {
        for (const a of e.args) operand(a);
      } else if (e.k !== 'lit') forEachNode(e, visit);
    };
    const visit = (n: AnyNode): boolean => {
      const k = n.k;
      if (k === 'op' || k === 'col') {
        operand(n as A.Expr);
        return false;
      }
      if (k === 'table') {
        named.push(n as A.TableName);
        // A table name, a column reference and a literal hold only names and text, no node:
        // not walking into them spares the scan a third of the objects it visits.
        return false;
      }
      return k !== 'lit';
    };
    forEachNode(statement, visit);
    if (cols.length === 0) return;
    // Only the tables some column is qualified by are qualified, keyed and looked up (most
    // statements qualify few columns: no name objects and key strings for the others).
    const qualifiers = new Set<string>();
    for (const q of cols) qualifiers.add(ctx.key(q.parts[0]!.text, q.parts[0]!.quoted));
    const tables = new Map<string, LineageObject>();
    for (const t of named) {
      const id = t.alias ?? t.name.parts[t.name.parts.length - 1]!;
      const key = ctx.key(id.text, id.quoted);
      if (!qualifiers.has(key)) continue;
      const obj = ctx.b.findDataset(tableKey(ctx.key, qualify(ctx, t.name)));
      if (obj) tables.set(key, obj);
    }
    for (const q of cols) {
      const obj = tables.get(ctx.key(q.parts[0]!.text, q.parts[0]!.quoted));
      if (obj) this.add(obj, ctx.key(q.parts[1]!.text, q.parts[1]!.quoted));
    }
  }
}
