/**
 * Known tables and their columns: the external schema (--schema) and the session state built up
 * by the statements already analyzed (CREATE, CTAS, SELECT INTO, views, INSERT column lists,
 * DROP, RENAME), across statements and files in input order.
 */
import type { KeyFn, TableName } from './names.js';

export interface CatalogEntry {
  /** Column names in order, as written. */
  columns: string[];
  /** `function`: a table function defined in the script (read as `FROM f(args)`; shown as a view). */
  kind: 'table' | 'view' | 'function';
  /** Where the entry came from. */
  origin: 'schema' | 'session';
}

/** The match key of a table name: `db.schema.name`, absent parts empty (catalog and dataset objects share it). */
export function tableKey(key: KeyFn, t: TableName): string {
  return `${t.database ? key(t.database, !!t.databaseQuoted) : ''}.${t.schema ? key(t.schema, !!t.schemaQuoted) : ''}.${key(t.name, t.nameQuoted)}`;
}

export class Catalog {
  private readonly entries = new Map<string, CatalogEntry>();
  /** name key → full keys with that table name, for partial-name lookups. */
  private readonly byName = new Map<string, Set<string>>();

  constructor(private readonly key: KeyFn) {}

  set(t: TableName, entry: CatalogEntry): void {
    const k = tableKey(this.key, t);
    this.entries.set(k, entry);
    const nk = this.key(t.name, t.nameQuoted);
    let s = this.byName.get(nk);
    if (!s) this.byName.set(nk, (s = new Set()));
    s.add(k);
  }

  delete(t: TableName): void {
    const k = this.resolveKey(t);
    if (!k) return;
    this.entries.delete(k);
    this.byName.get(this.key(t.name, t.nameQuoted))?.delete(k);
  }

  rename(from: TableName, to: TableName): void {
    const e = this.get(from);
    if (!e) return;
    this.delete(from);
    this.set(to, e);
  }

  /** Replace the entry `t` resolves to (ALTER TABLE column changes); false when unknown. */
  replace(t: TableName, entry: CatalogEntry): boolean {
    const k = this.resolveKey(t);
    if (k === undefined) return false;
    this.entries.set(k, entry);
    return true;
  }

  /** Every entry by its match key `db.schema.name`, in key order. */
  list(): [string, CatalogEntry][] {
    return [...this.entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  get(t: TableName): CatalogEntry | undefined {
    const k = this.resolveKey(t);
    return k === undefined ? undefined : this.entries.get(k);
  }

  /** Exact key first; otherwise the unique entry whose written parts agree with the given ones. */
  private resolveKey(t: TableName): string | undefined {
    const exact = tableKey(this.key, t);
    if (this.entries.has(exact)) return exact;
    const candidates = this.byName.get(this.key(t.name, t.nameQuoted));
    if (!candidates || candidates.size === 0) return undefined;
    const schemaKey = t.schema ? this.key(t.schema, !!t.schemaQuoted) : undefined;
    const dbKey = t.database ? this.key(t.database, !!t.databaseQuoted) : undefined;
    let found: string | undefined;
    for (const c of candidates) {
      const [db, schema] = c.split('.');
      if (schemaKey !== undefined && schema !== '' && schema !== schemaKey) continue;
      if (dbKey !== undefined && db !== '' && db !== dbKey) continue;
      if (found !== undefined) return undefined; // ambiguous
      found = c;
    }
    return found;
  }
}
