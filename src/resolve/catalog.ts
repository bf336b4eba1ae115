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
  /**
   * Field names of the struct columns whose type is declared (`addr STRUCT<city STRING, zip
   * STRING>`, `items ARRAY<STRUCT<sku STRING, qty INT64>>`: an array's elements' fields), by
   * column match key: what `li.*` and `inline(o.items)` expand to. A struct inside one is under
   * the dotted path of keys (`customer.addr`: what `o.customer.addr.*` expands to).
   */
  structs?: ReadonlyMap<string, readonly string[]>;
  /** Columns declared IDENTITY (T-SQL): an INSERT without a column list does not write them (Semantics `insertSkipsIdentity`). */
  identity?: readonly string[];
}

/**
 * The fields (name, and type as written) of a declared struct type, through array and list wrappers:
 * `ARRAY<STRUCT<sku STRING, qty INT64>>` (BigQuery, Hive, Spark, Databricks `sku: STRING`),
 * `STRUCT(sku VARCHAR, qty INT)[]` (DuckDB), `ARRAY(ROW(sku VARCHAR, qty INT))` (Trino).
 * Undefined for any other type.
 */
function structFields(type: string): { name: string; type: string }[] | undefined {
  let t = type.trim();
  for (;;) {
    while (t.endsWith('[]')) t = t.slice(0, -2).trimEnd();
    const m = /^(ARRAY|LIST|STRUCT|ROW)\s*([<(])/i.exec(t);
    const close = m?.[2] === '<' ? '>' : ')';
    if (!m || !t.endsWith(close)) return undefined;
    const inner = t.slice(m[0].length, -1);
    if (!/^(STRUCT|ROW)$/i.test(m[1]!)) {
      t = inner.trim();
      continue;
    }
    const fields: { name: string; type: string }[] = [];
    for (const field of splitTopLevel(inner)) {
      // `name`, "name" or name (\x60: a backtick, which the CLI bundle's build check would read as a template), then `:` or blanks and the type.
      const f = /^\s*(?:\x60([^\x60]+)\x60|"([^"]+)"|([^\s:<>(),]+))\s*:?/.exec(field);
      if (f) fields.push({ name: f[1] ?? f[2] ?? f[3]!, type: field.slice(f[0].length) });
    }
    return fields.length > 0 ? fields : undefined;
  }
}

/** The field names of a declared struct type (see `structFields`). */
export function structFieldNames(type: string): string[] | undefined {
  return structFields(type)?.map((f) => f.name);
}

/**
 * The catalog `structs` entries a column of declared type `type` gives, under the match key
 * `key`: its fields, and those of each struct field inside it at any depth under the dotted path
 * of match keys (`customer.addr` of `customer STRUCT<name STRING, addr STRUCT<city STRING>>`).
 */
export function structEntries(type: string, key: string, keyOf: (name: string) => string, out: Map<string, readonly string[]>): void {
  const fields = structFields(type);
  if (!fields) return;
  out.set(key, fields.map((f) => f.name));
  for (const f of fields) structEntries(f.type, `${key}.${keyOf(f.name)}`, keyOf, out);
}

/** Delete the entry of struct column `key` of `structs` and those of the structs inside it. */
export function deleteStruct(structs: Map<string, readonly string[]>, key: string): void {
  for (const k of [...structs.keys()]) if (k === key || k.startsWith(`${key}.`)) structs.delete(k);
}

/** The entries of struct `key` of `structs` and those of the structs inside it, by the rest of their key ('' for its own, `.addr` for a field's). */
export function structsUnder(structs: ReadonlyMap<string, readonly string[]>, key: string): [string, readonly string[]][] {
  const out: [string, readonly string[]][] = [];
  for (const [k, fields] of structs) {
    if (k === key) out.push(['', fields]);
    else if (k.startsWith(`${key}.`)) out.push([k.slice(key.length), fields]);
  }
  return out;
}

/** `a STRING, b STRUCT<c INT, d INT>` split at the commas outside brackets. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '<' || c === '(' || c === '[') depth++;
    else if (c === '>' || c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
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

  /** Exchange the entries of `a` and `b` (Snowflake `ALTER TABLE a SWAP WITH b`); an unknown side leaves the other unknown. */
  swap(a: TableName, b: TableName): void {
    const ea = this.get(a);
    const eb = this.get(b);
    this.delete(a);
    this.delete(b);
    if (eb) this.set(a, eb);
    if (ea) this.set(b, ea);
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
