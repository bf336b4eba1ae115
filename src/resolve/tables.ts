/** Tables: qualify names with the session defaults, find their objects and known columns. */
import type { Expr, Ident, QName, TableFunction, TableRef, TableName as TableItem } from '../ast/nodes.js';
import { stringName } from '../../grammars/build.js';
import { joinLeaves } from '../ast/walk.js';
import type { ColumnRef } from '../graph/builder.js';
import type { LineageObject } from '../graph/model.js';
import { structEntries, structsUnder, tableKey, type CatalogEntry } from './catalog.js';
import type { Context, ResultSet } from './context.js';
import { collapse, identKey, oneWord, tableNameOf, type TableName } from './names.js';
import type { Source } from './scope.js';

/** The table name with `USE` / --default-database / --default-schema applied to missing parts. */
const FILE_FORMATS = new Set(['parquet', 'json', 'csv', 'orc', 'avro', 'delta', 'text', 'binaryfile']);

export function qualify(ctx: Context, q: QName): TableName {
  const view = q.parts.length >= 3 && ctx.dialect.semantics.informationSchemaViews ? informationSchemaView(q) : undefined;
  const t = view ?? tableNameOf(ctx.dialect.semantics.liveSchema && q.parts.length === 2 && !q.parts[0]!.quoted && q.parts[0]!.text.toUpperCase() === 'LIVE' ? { ...q, parts: q.parts.slice(1) } : q);
  // Spark/Databricks `parquet.\`dir/\``: a path read directly, not a table in a schema.
  if (q.parts.length === 2 && t.nameQuoted && t.schema && FILE_FORMATS.has(t.schema.toLowerCase()) && /[/:]/.test(t.name)) {
    return { name: t.name, nameQuoted: true };
  }
  if (t.name.startsWith('#') || t.name.startsWith('@')) return t;
  // A temporary table of its own schema (`Semantics.temporarySchema`): not in the default schema.
  if (q.parts.length === 1 && ctx.temporaryTables.size > 0 && ctx.temporaryTables.has(ctx.key(t.name, t.nameQuoted))) return t;
  // A table of the database a link reaches: the session's defaults are this database's, not that one's.
  if (q.dblink !== undefined && ctx.dialect.semantics.databaseLinks) {
    // A link's name is never quoted: folded when the table's is quoted, so `"SALES"@dw` is `SALES@DW`.
    t.name = `${t.name}@${t.nameQuoted ? ctx.key(q.dblink, false) : q.dblink}`;
    return t;
  }
  if (!t.schema && ctx.schema) {
    t.schema = ctx.schema;
    if (ctx.searchPath !== undefined && !ctx.catalog.get(t)) {
      const found = ctx.searchPath.find((schema) => ctx.catalog.get({ ...t, schema, schemaQuoted: false }));
      if (found !== undefined) t.schema = found;
    }
  }
  if (!t.database && ctx.database && t.schema) t.database = ctx.database;
  return t;
}

/**
 * BigQuery `[proj.]ds.INFORMATION_SCHEMA.V`: the view `INFORMATION_SCHEMA.V` of dataset (or region)
 * `ds` in project `proj` (its four parts would otherwise lose the project).
 */
function informationSchemaView(q: QName): TableName | undefined {
  const p = q.parts;
  const n = p.length;
  if (n > 4 || p[n - 2]!.text.toUpperCase() !== 'INFORMATION_SCHEMA') return undefined;
  const schema = p[n - 3]!;
  const db = n === 4 ? p[0]! : undefined;
  return {
    name: `${p[n - 2]!.text}.${p[n - 1]!.text}`,
    nameQuoted: p[n - 1]!.quoted,
    schema: schema.text,
    schemaQuoted: schema.quoted,
    database: db?.text,
    databaseQuoted: db?.quoted,
  };
}

/** The object of a table/view named `q`, recording this occurrence. */
export function dataset(ctx: Context, q: QName, type: 'table' | 'view' = 'table', start = q.start, end = q.end): LineageObject {
  const t = qualify(ctx, q);
  return datasetOf(ctx, t, ctx.catalog.get(t), type, start, end);
}

/** `dataset` of the qualified name `t`, whose catalog entry is `entry`. */
function datasetOf(ctx: Context, t: TableName, entry: CatalogEntry | undefined, type: 'table' | 'view', start: number, end: number): LineageObject {
  const kind = entry && entry.kind !== 'table' ? 'view' : type;
  return ctx.b.dataset(tableKey(ctx.key, t), kind, t.name, t.schema, t.database, ctx.loc(start, end));
}

/** Known columns of a table, keyed by match key, valued by spelling. */
export function knownColumns(ctx: Context, q: QName): Map<string, string> | undefined {
  return columnsOf(ctx, ctx.catalog.get(qualify(ctx, q)));
}

/**
 * The columns an INSERT without a column list writes, in order, when known: the table's, less
 * those declared IDENTITY where these take their own values (Semantics `insertSkipsIdentity`).
 */
export function insertedColumns(ctx: Context, q: QName): string[] | undefined {
  const entry = ctx.catalog.get(qualify(ctx, q));
  if (!entry) return undefined;
  const identity = ctx.dialect.semantics.insertSkipsIdentity ? entry.identity : undefined;
  return identity ? entry.columns.filter((c) => !identity.includes(c)) : entry.columns;
}

function columnsOf(ctx: Context, entry: CatalogEntry | undefined): Map<string, string> | undefined {
  if (!entry) return undefined;
  return new Map(entry.columns.map((c) => [ctx.key(c, false), c]));
}

/** A FROM-clause source for a table (its name qualified and looked up once, for the object and the columns). */
export function datasetSource(ctx: Context, q: QName, alias: Ident | undefined, start: number, end: number): Source {
  const t = qualify(ctx, q);
  const entry = ctx.catalog.get(t);
  const obj = datasetOf(ctx, t, entry, 'table', start, end);
  ctx.read(obj);
  if (entry?.structs) ctx.tableStructs.set(obj.id, entry.structs);
  else if (ctx.tableStructs.size > 0) ctx.tableStructs.delete(obj.id);
  // The name, then its qualified forms (`t`, `s.t`, `db.s.t`), each the previous one's qualifier
  // added: no array of the keys of the parts, which the arrays `map` made there came in several
  // kinds of, each new kind deoptimizing this function.
  const parts = q.parts;
  const own = [identKey(ctx.key, parts[parts.length - 1]!)];
  for (let i = parts.length - 2; i >= 0; i--) own.push(`${identKey(ctx.key, parts[i]!)}.${own[own.length - 1]!}`);
  const src: Source = alias ? { names: [identKey(ctx.key, alias)], tableNames: own, obj, known: columnsOf(ctx, entry) } : { names: own, obj, known: columnsOf(ctx, entry) };
  // Declared columns leave out the ones every table has (Databricks `_metadata`).
  if (src.known) {
    const metadata = ctx.metadataKeys();
    if (metadata.size > 0) src.metadata = metadata;
  }
  return src;
}

/** The struct columns of declared columns (`name type`), by match key: a catalog entry's `structs`. */
export function declaredStructs(ctx: Context, columns: readonly { name: string; type?: string }[]): CatalogEntry['structs'] {
  const out = new Map<string, readonly string[]>();
  const keyOf = (name: string) => ctx.key(name, false);
  for (const c of columns) if (c.type !== undefined) structEntries(c.type, keyOf(c.name), keyOf, out);
  return out.size > 0 ? out : undefined;
}

/**
 * The field names of the struct (or array of structs) `ref` is, when its type was declared: a
 * table column of a declared type, or an output of the statement passing one on; with `path`
 * (`.addr`, keys), of the struct field at that path inside it.
 */
export function structOf(ctx: Context, ref: ColumnRef, path = ''): readonly string[] | undefined {
  return structsOf(ctx, ref)?.get(ctx.key(ref.col.name, false) + path);
}

/** The `structs` of the table or result set `ref` is a column of. */
export function structsOf(ctx: Context, ref: ColumnRef): ReadonlyMap<string, readonly string[]> | undefined {
  // Every struct comes from a table's declared column: none known, none anywhere (the usual case).
  if (ctx.tableStructs.size === 0) return undefined;
  return ctx.resultSets.get(ref.obj.id)?.structs ?? ctx.tableStructs.get(ref.obj.id);
}

/** Register the columns of a table created or written by the session. */
export function remember(ctx: Context, q: QName, columns: string[], kind: CatalogEntry['kind'], onlyIfUnknown = false, structs?: CatalogEntry['structs']): void {
  const t = qualify(ctx, q);
  if (columns.length === 0 || columns.includes('*')) return;
  if (onlyIfUnknown && ctx.catalog.get(t)) return;
  ctx.catalog.set(t, structs ? { columns, kind, origin: 'session', structs } : { columns, kind, origin: 'session' });
}

/**
 * The struct columns of declared fields a query's outputs copy (`CREATE TABLE s AS SELECT
 * o.line_items ..`), under the names `names` gives its outputs by position: the new table's `structs`.
 */
export function passedStructs(ctx: Context, rs: ResultSet, names: readonly string[]): CatalogEntry['structs'] {
  if (!rs.structs) return undefined;
  let out: Map<string, readonly string[]> | undefined;
  rs.cols.forEach((c, i) => {
    if (names[i] === undefined) return;
    for (const [rest, fields] of structsUnder(rs.structs!, c.key)) (out ??= new Map()).set(ctx.key(names[i]!, false) + rest, fields);
  });
  return out;
}

/**
 * The FROM item that a one-part, unaliased DML target names (T-SQL `UPDATE c SET .. FROM
 * dbo.customers c`, MySQL `DELETE a FROM a JOIN b`): the item aliased so, or an unaliased table of
 * that name (`UPDATE t .. FROM t JOIN s`), names compared by the dialect's rules.
 */
export function aliasedTarget(ctx: Context, target: TableRef, from: readonly TableRef[]): TableItem | undefined {
  if (target.k !== 'table' || target.alias || target.name.parts.length !== 1) return undefined;
  return fromItemNamed(ctx, ctx.key(target.name.parts[0]!.text, target.name.parts[0]!.quoted), from);
}

/** The table of `from` (joins included) that `key` names: by its alias, or by its own name when it has none. */
export function fromItemNamed(ctx: Context, key: string, from: readonly TableRef[]): TableItem | undefined {
  for (const f of from) {
    for (const r of joinLeaves(f)) {
      if (r.k !== 'table') continue;
      if (r.alias ? ctx.key(r.alias.text, r.alias.quoted) === key : ctx.key(r.name.parts[r.name.parts.length - 1]!.text, false) === key) return r;
    }
  }
  return undefined;
}

/** The warning on a table named at run time (`IDENTIFIER(:v)`). */
const RUNTIME_NAME = (call: string) => `table named at run time by ${call}: its lineage is not traced`;

/**
 * The table `q` names: itself; for a name given at run time (`IDENTIFIER($v)`), the table named by
 * the string its session variable holds (`SET v = 'db.s.t'`); none, with a warning, when that is
 * not known.
 */
export function namedTable(ctx: Context, q: QName): QName | undefined {
  if (!q.runtime) return q;
  const literal = q.variable !== undefined ? ctx.session.get(q.variable.toLowerCase()) : undefined;
  const named = literal !== undefined ? stringName(literal, q.start, q.end) : undefined;
  if (named) return named;
  ctx.problem('warning', q.start, RUNTIME_NAME(q.parts[0]!.text), 'UnsupportedConstruct');
  return undefined;
}

/**
 * Functions whose rows are the changed rows of the table a string names (Databricks
 * `table_changes('silver.customers', 5)`, the Delta change data feed): read as that table (its
 * `_change_type`, `_commit_version` columns with the others).
 */
const CHANGE_FEEDS = new Set(['TABLE_CHANGES']);

/**
 * A FROM item or UPDATE / DELETE target: itself, or for `IDENTIFIER(:v)`, `IDENTIFIER($t)`,
 * `IDENTIFIER('raw.' || :x)` read as a table function, the table it names (see `namedTable`);
 * none, with a warning, when that is not known.
 */
export function tableOf(ctx: Context, ref: TableRef): TableRef | undefined {
  if (ref.k !== 'tfunc') return ref;
  const f = ref.func;
  const first = f.args[0];
  if (first?.k === 'lit' && first.kind === 'string' && CHANGE_FEEDS.has(oneWord(f.name))) {
    const name = stringName(first.text, first.start, first.end);
    return name && namedAs(ref, name);
  }
  const remote = ctx.dialect.semantics.remoteTableFunctions.has(oneWord(f.name)) ? remoteTable(f.args) : undefined;
  if (remote) return namedAs(ref, remote);
  if (oneWord(f.name) !== 'IDENTIFIER' || f.args.length !== 1) return ref;
  const a = f.args[0]!;
  const variable = a.k === 'var' ? a.name.replace(/^[$:]/, '') : a.k === 'col' && a.name.parts.length === 1 ? a.name.parts[0]!.text : undefined;
  const at = { start: f.start, end: f.end };
  const name = namedTable(ctx, { parts: [{ text: collapse(ctx.text.slice(f.start, f.end)), quoted: true, ...at }], ...at, runtime: true, variable });
  return name && namedAs(ref, name);
}

/** The table function `ref` read as the table `name` it names, with its alias and column aliases. */
function namedAs(ref: TableFunction, name: QName): TableRef {
  return { k: 'table', name, alias: ref.alias, columnAliases: ref.columnAliases, start: ref.start, end: ref.end };
}

/**
 * The table named by the arguments of a remote table function (`Semantics.remoteTableFunctions`)
 * after its first: `db.table`, `'db.table'`, or `db, table` (names or strings); undefined otherwise.
 */
function remoteTable(args: readonly Expr[]): QName | undefined {
  const [, a, b] = args;
  if (a?.k === 'col' && a.name.parts.length === 2) return a.name;
  if (a?.k === 'lit' && a.kind === 'string' && a.text.includes('.')) return stringName(a.text, a.start, a.end);
  const part = (e: Expr | undefined): Ident | undefined =>
    e?.k === 'col' && e.name.parts.length === 1 ? e.name.parts[0] : e?.k === 'lit' && e.kind === 'string' ? stringName(e.text, e.start, e.end)?.parts[0] : undefined;
  const db = part(a);
  const table = part(b);
  return db && table ? { parts: [db, table], start: a!.start, end: b!.end } : undefined;
}
