/**
 * Scopes: the sources visible at one query level (tables, derived tables, CTEs), with their
 * aliases and known columns, and a parent for correlated references.
 */
import type { ColumnRef as AstColumnRef, Expr, QName, WindowSpec } from '../ast/nodes.js';
import type { ColumnRef } from '../graph/builder.js';
import type { MessageTemplate } from '../diagnostics/problem.js';
import { qualifiedName, type LineageObject } from '../graph/model.js';
import { structsUnder } from './catalog.js';
import { outputByKey, type Context, type ResultSet } from './context.js';

export interface Source {
  /** Keys this source answers to as a qualifier: alias, or table name and its qualified forms. */
  names: string[];
  obj: LineageObject;
  /** For derived tables and CTEs. */
  rs?: ResultSet;
  /** The table's own name keys when it has an alias. */
  tableNames?: string[];
  /** Known column keys of a table (from DDL or --schema); undefined when unknown. */
  known?: Map<string, string>;
  /** Keys of the columns a table with `known` columns has besides them (`Semantics.metadataColumns`). */
  metadata?: ReadonlySet<string>;
  /** The filtering side of a semi / anti join: its columns decide which rows, a `*` leaves them out. */
  filterOnly?: boolean;
  /**
   * Columns unknown, but a name that is not one of `own` and that a source of `scope` surely has
   * is that source's (MySQL `INSERT .. SELECT .. FROM (..) dt(d, r) ON DUPLICATE KEY UPDATE v = r`).
   */
  yieldTo?: { scope: Scope; own: ReadonlySet<string> };
}

/** Whether `src` is the unaliased elements of an array whose struct type declares the field `key`. */
function declaresField(ctx: Context, src: Source, key: string): boolean {
  const rs = src.rs;
  const fields = rs?.fieldColumns && rs.valueStruct !== undefined ? rs.structs?.get(rs.valueStruct) : undefined;
  return fields !== undefined && fields.some((f) => ctx.key(f, false) === key);
}

/**
 * The CTEs, USING columns and aliases of a scope are made on first use: most of a script's
 * scopes (one per SELECT and per statement) have none, and three empty collections each were
 * ~30,000 Maps and Sets for the bench's 5 MB.
 */
export class Scope {
  readonly sources: Source[] = [];
  private cteMap: Map<string, ResultSet> | undefined;
  /** Columns joined with USING and the sources joined on each: an unqualified reference reads every side. */
  private usingKeys: Map<string, Source[]> | undefined;
  /** Select-list aliases seen so far (lateral column alias references). */
  private aliasMap: Map<string, Expr> | undefined;
  /** `WINDOW w AS (...)` of the SELECT: what `OVER w` / `OVER (w ORDER BY ..)` name. */
  windows?: Map<string, WindowSpec>;
  /**
   * Names that stand for expressions before any column (ClickHouse `WITH expr AS name`, Vertica's
   * TIMESERIES slice): seen from this scope and the scopes made inside it.
   */
  scalars?: Map<string, Expr[]>;

  constructor(readonly parent?: Scope) {
    this.scalars = parent?.scalars;
  }

  /** `name` stands for `exprs` here and in the scopes made inside this one from now on. */
  defineScalar(key: string, exprs: Expr[]): void {
    this.scalars = new Map(this.scalars ?? []).set(key, exprs);
  }

  defineCte(key: string, rs: ResultSet): void {
    (this.cteMap ??= new Map()).set(key, rs);
  }

  /**
   * `key` joins the sides of a join with USING: on each side, the sources that surely have the
   * column, or when none does, those that may (columns unknown). A derived table whose columns are
   * known is joined with a table whose columns are not (`FROM users u JOIN (SELECT user_id ..) e
   * USING (user_id)`): both are read.
   */
  addUsing(key: string, sides: readonly (readonly Source[])[]): void {
    const joined = (this.usingKeys ??= new Map()).get(key) ?? [];
    for (const side of sides) {
      const sure = side.filter((src) => hasColumn(src, key) === true);
      for (const src of sure.length > 0 ? sure : side.filter((src) => hasColumn(src, key) === undefined)) if (!joined.includes(src)) joined.push(src);
    }
    this.usingKeys.set(key, joined);
  }

  /**
   * The USING / NATURAL join columns of `src` that it surely has, with every source joined on each
   * (in the order the joins name them): an unqualified `*` shows each of them once.
   */
  mergedColumns(src: Source): [string, readonly Source[]][] {
    const merged: [string, readonly Source[]][] = [];
    if (this.usingKeys) for (const [key, joined] of this.usingKeys) if (joined.includes(src) && hasColumn(src, key) === true) merged.push([key, joined]);
    return merged;
  }

  /** The sources joined on USING column `key` in this scope, if it is one. */
  joinedUsing(key: string): readonly Source[] | undefined {
    return this.usingKeys?.get(key);
  }

  alias(key: string): Expr | undefined {
    return this.aliasMap?.get(key);
  }

  setAlias(key: string, e: Expr): void {
    (this.aliasMap ??= new Map()).set(key, e);
  }

  deleteAlias(key: string): void {
    this.aliasMap?.delete(key);
  }

  /** Does a source of this scope (not an enclosing one) surely have column `key`? */
  surelyHas(key: string): boolean {
    return this.sources.some((src) => hasColumn(src, key) === true);
  }

  /** The named window `key`, from this SELECT out. */
  window(key: string): WindowSpec | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const w = s.windows?.get(key);
      if (w) return w;
    }
    return undefined;
  }

  cte(key: string): ResultSet | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const r = s.cteMap?.get(key);
      if (r) return r;
    }
    return undefined;
  }

  /**
   * The source named by a qualifier (`t`, `s.t`, `db.s.t`: the first `n` of `parts`), here or in
   * an enclosing scope.
   */
  source(ctx: Context, parts: QName['parts'], n = parts.length): Source | undefined {
    const lastPart = parts[n - 1]!;
    const last = ctx.key(lastPart.text, lastPart.quoted);
    const k = n === 1 ? last : parts.slice(0, n).map((p) => ctx.key(p.text, p.quoted)).join('.');
    for (let s: Scope | undefined = this; s; s = s.parent) {
      for (const src of s.sources) if (src.names.includes(k)) return src;
      if (n > 1) for (const src of s.sources) if (src.names[0] === last && !src.rs) return src;
      // Lenient: the table's own name although it has an alias (`SELECT t.* FROM t a`).
      for (const src of s.sources) if (src.tableNames?.includes(k)) return src;
    }
    return undefined;
  }
}

function hasColumn(src: Source, key: string): boolean | undefined {
  if (src.rs) {
    if (outputByKey(src.rs, key)) return true;
    return src.rs.stars.length > 0 && !src.rs.hidden?.has(key) ? undefined : false;
  }
  if (src.known) return src.known.has(key) || src.metadata?.has(key) === true;
  return undefined;
}

/**
 * The column `name` of a source: existing output of a result set, or a (new) table column.
 * `key` is `name`'s unquoted key, when the caller has it already.
 */
export function columnOf(ctx: Context, src: Source, name: string, start: number, end: number, key = ctx.key(name, false)): ColumnRef[] {
  const rs = src.rs;
  if (rs) {
    // An output that is there already (the usual case) needs no position.
    const hit = outputByKey(rs, key);
    if (hit) return [{ obj: rs.obj, col: hit.col }];
    const refs = rsColumn(ctx, rs, name, ctx.loc(start, end));
    if (refs.length > 0 || rs.hidden?.has(key)) return refs;
    if (rs.opaque) ctx.problem('note', start, `lineage of column '${name}' not traced: the columns of ${rs.opaque} are unknown`, 'UnsupportedConstruct');
    else ctx.problem('warning', start, `column '${name}' not found in ${src.names[0] ?? 'its source'}`, 'OrphanColumn');
    return refs;
  }
  ctx.read(src.obj);
  if (!src.known) ctx.inferred.add(src.obj, key);
  const display = src.known?.get(key) ?? name;
  const ref = { obj: src.obj, col: ctx.b.column(src.obj, display, ctx.loc(start, end)) };
  if (!src.known && ctx.starViews.size > 0) viewColumn(ctx, ref, name, key);
  return [ref];
}

/**
 * A column of a view whose query has a `*` of unknown width, read by a later statement: traced
 * through the `*` to the tables under it (`t.id -> v.id`), once, in the view's own statement.
 */
function viewColumn(ctx: Context, ref: ColumnRef, name: string, key: string): void {
  const view = ctx.starViews.get(ref.obj.id);
  if (!view || view.done.has(key)) return;
  view.done.add(key);
  // The view's result sets were folded with its statement: the edge goes from the tables under the `*` straight to the view.
  for (const obj of view.under) ctx.b.edge('fdd', view.stmt.effect, { obj, col: ctx.b.column(obj, name) }, ref, view.stmt.process.id);
  // A field of a struct under `li.*` is read from the struct column.
  for (const f of view.fields ?? []) ctx.b.edge('fdd', view.stmt.effect, f, ref, view.stmt.process.id);
}

/** The tables and views under the `*`s of unknown width of `rs`, through its subqueries and CTEs. */
export function tablesUnderStars(ctx: Context, rs: ResultSet, seen = new Set<ResultSet>([rs])): LineageObject[] {
  return rs.stars.flatMap((star) => {
    // A struct's fields (`li.*`) are not columns of its table.
    if (star.col.name !== '*') return [];
    if (star.obj.type === 'table' || star.obj.type === 'view') return [star.obj];
    const inner = ctx.resultSets.get(star.obj.id);
    if (!inner || seen.has(inner)) return [];
    seen.add(inner);
    return tablesUnderStars(ctx, inner, seen);
  });
}

/** Output column of a result set; through `*` outputs, materialize it from the star sources. */
export function rsColumn(ctx: Context, rs: ResultSet, name: string, loc?: ReturnType<Context['loc']>): ColumnRef[] {
  const key = ctx.key(name, false);
  const hit = outputByKey(rs, key);
  if (hit) return [{ obj: rs.obj, col: hit.col }];
  if (rs.fields?.length || rs.deciders?.length) {
    // A field of an element (`li.sku` of `UNNEST(o.items) AS li`) is read from the array.
    const col = ctx.b.newColumn(rs.obj, name, loc);
    rs.cols.push({ name, key, col });
    for (const f of rs.fields ?? []) ctx.b.edge('fdd', ctx.stmt?.effect ?? 'select', f, { obj: rs.obj, col }, ctx.stmt?.process.id);
    for (const f of rs.deciders ?? []) ctx.b.edge('fdr', ctx.stmt?.effect ?? 'select', f, { obj: rs.obj, col }, ctx.stmt?.process.id);
    if (rs.structs) elementFieldStructs(rs.structs, key);
    return [{ obj: rs.obj, col }];
  }
  if (rs.stars.length === 0 || rs.hidden?.has(key)) return [];
  const col = ctx.b.newColumn(rs.obj, name, loc);
  rs.cols.push({ name, key, col });
  const target = { obj: rs.obj, col };
  // A column list's name for a position inside the `*` is not the source column's name.
  const positional = rs.starNames?.has(key) === true;
  for (const star of rs.stars) {
    const inner = ctx.resultSets.get(star.obj.id);
    const sources = positional ? [{ obj: star.obj, col: ctx.b.column(star.obj, '*') }] : inner ? rsColumn(ctx, inner, name) : [{ obj: star.obj, col: ctx.b.column(star.obj, name) }];
    for (const s of sources) ctx.b.edge('fdd', ctx.stmt?.effect ?? 'select', s, target, ctx.stmt?.process.id);
  }
  return [target];
}

/**
 * A field `key` of the elements (`li.dims` of `UNNEST(o.items) AS li`, items ARRAY<STRUCT<sku ..,
 * dims STRUCT<w .., h ..>>>) that is a struct of declared fields: the output of that name is too.
 */
function elementFieldStructs(structs: Map<string, readonly string[]>, key: string): void {
  for (const element of structs.keys()) {
    if (element.includes('.') || !structs.has(`${element}.${key}`)) continue;
    for (const [rest, fields] of structsUnder(structs, `${element}.${key}`)) structs.set(key + rest, fields);
    return;
  }
}

/** Functions written without parentheses: never columns unless a source declares them. */
const NILADIC = new Set([
  'CURRENT_TIMESTAMP', 'CURRENT_DATE', 'CURRENT_TIME', 'LOCALTIMESTAMP', 'LOCALTIME', 'CURRENT_USER', 'SESSION_USER',
  'SYSTEM_USER', 'USER', 'CURRENT_ROLE', 'CURRENT_SCHEMA', 'CURRENT_CATALOG', 'SYSDATE', 'SYSTIMESTAMP', 'GETDATE',
  'ROWNUM', 'LEVEL', 'ROWID', 'NULL', 'CURRENT_DATETIME', 'UTC_TIMESTAMP', 'UTC_DATE', 'DEFAULT',
  'CONNECT_BY_ISLEAF', 'CONNECT_BY_ISCYCLE', 'ORA_ROWSCN',
  // Hive, Spark: which grouping set a row of GROUP BY .. GROUPING SETS / CUBE / ROLLUP belongs to.
  'GROUPING__ID',
]);

/** NILADIC in upper and lower case: most names are written in one case, found without a copy. */
const NILADIC_ONE_CASE = new Set([...NILADIC, ...[...NILADIC].map((n) => n.toLowerCase())]);

/** True when `name` has both upper- and lower-case ASCII letters, or any non-ASCII character (whose case mapping may be special). */
function mixedCase(name: string): boolean {
  let upper = false;
  let lower = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else if (c > 127) return true;
  }
  return upper && lower;
}

/**
 * Asked only where it decides (most columns resolve before), and without an upper-cased copy of
 * each name unless it mixes cases (or has non-ASCII letters).
 */
function isNiladic(name: string, quoted: boolean): boolean {
  if (quoted) return false;
  if (NILADIC_ONE_CASE.has(name)) return true;
  return mixedCase(name) && NILADIC.has(name.toUpperCase());
}

const SEQUENCE_PSEUDO = new Set(['NEXTVAL', 'CURRVAL']);

/** The one source of unknown columns the input is known to use `key` from, if exactly one. */
function inferredSource(ctx: Context, s: Scope, key: string): Source | undefined {
  if (ctx.stmt?.ast && !ctx.stmt.scanned) {
    ctx.stmt.scanned = true;
    ctx.inferred.scan(ctx, ctx.stmt.ast);
  }
  const ids = ctx.inferred.objectsWith(key);
  if (ids === undefined) return undefined;
  let found: Source | undefined;
  // An index loop, not for-of: leaving a for-of early closes its iterator (a property load and a
  // call), code first run when two sources qualify, long after resolveUnqualified (which inlines
  // this) is optimised; meeting it cold deoptimised that large function and compiled it again.
  const sources = s.sources;
  for (let i = 0; i < sources.length; i++) {
    const src = sources[i]!;
    if (src.rs || src.known || !ids.has(src.obj.id)) continue;
    if (found) return undefined;
    found = src;
  }
  return found;
}

/**
 * What a column reference reads: the column(s), or the expression of the select-list alias it
 * names (lateral column alias). The array or the node itself, not an object holding either: one
 * object less for each of the hundred thousand column references of a large script.
 */
export type Resolved = ColumnRef[] | Expr;

/** Resolve a column reference to the column(s) it reads. */
export function resolveColumn(ctx: Context, scope: Scope, ref: AstColumnRef): Resolved {
  const parts = ref.name.parts;
  const colPart = parts[parts.length - 1]!;
  const name = colPart.text;
  // `seq.NEXTVAL`, `schema.seq.CURRVAL`: a sequence, not a column.
  if (parts.length > 1 && !colPart.quoted && ctx.dialect.semantics.sequencePseudoColumns && SEQUENCE_PSEUDO.has(name.toUpperCase())) return [];
  if (parts.length > 1) {
    const qualifier = parts.length - 1;
    const src = scope.source(ctx, parts, qualifier);
    if (src) {
      if (!NILADIC.has(name.toUpperCase())) notAColumn(ctx, src, colPart);
      return columnOf(ctx, src, name, ref.start, ref.end);
    }
    // `s.dest.city`: a shorter qualifier names the source, the next part its column, the rest a struct path.
    for (let n = qualifier - 1; n >= 1; n--) {
      const shorter = scope.source(ctx, parts, n);
      if (!shorter) continue;
      notAColumn(ctx, shorter, parts[n]!);
      return columnOf(ctx, shorter, parts[n]!.text, ref.start, parts[n]!.end);
    }
    // `col.field` struct access: the first part is a column of a source;
    // `rec.fare` where `rec` is a select alias (lateral): the alias's expression.
    return resolveUnqualified(ctx, scope, parts[0]!.text, parts[0]!.quoted, ref.start, parts[0]!.end, true);
  }
  return resolveUnqualified(ctx, scope, name, colPart.quoted, ref.start, ref.end, false);
}

/**
 * Warn when `column` is not a column of `src`, a table of known columns (a typo, a column renamed
 * or dropped before): true then. Known columns are keyed as written without quotes.
 */
export function notAColumn(ctx: Context, src: Source, column: QName['parts'][number]): boolean {
  if (!src.known || src.rs || hasColumn(src, ctx.key(column.text, false)) !== false) return false;
  ctx.problem('warning', column.start, `column '${column.text}' is not a column of ${qualifiedName(src.obj)} (known columns: ${[...src.known.values()].join(', ')})`, 'UnknownColumn');
  return true;
}

/**
 * The part of a column name that names the column, and the FROM item it qualifies it with:
 * `o.customer.addr` (o a FROM item) and `customer.addr` name `customer`. The same choice as
 * `resolveColumn`'s; the source is undefined for an unqualified column.
 */
export function columnPart(ctx: Context, scope: Scope, parts: QName['parts']): { at: number; src?: Source } {
  for (let n = parts.length - 1; n >= 1; n--) {
    const src = scope.source(ctx, parts, n);
    if (src) return { at: n, src };
  }
  return { at: 0 };
}

/**
 * The struct path (match keys, `.addr`) a column name reads inside the column it resolves to:
 * `o.customer.addr` and `customer.addr` read `.addr` of `customer`; '' for a plain column.
 */
export function structPath(ctx: Context, scope: Scope, parts: QName['parts'], at = columnPart(ctx, scope, parts).at): string {
  return parts
    .slice(at + 1)
    .map((p) => `.${ctx.key(p.text, p.quoted)}`)
    .join('');
}

/** A FROM item's whole row used as a value (`rowValues`): every column it has, or its `*` when they are unknown. */
function rowOf(ctx: Context, src: Source, start: number, end: number): ColumnRef[] {
  const loc = ctx.loc(start, end);
  const rs = src.rs;
  if (rs) {
    const refs: ColumnRef[] = rs.cols.map((c) => ({ obj: rs.obj, col: c.col }));
    if (rs.stars.length > 0) refs.push({ obj: rs.obj, col: ctx.b.column(rs.obj, '*') });
    return refs;
  }
  ctx.read(src.obj);
  if (src.known) return [...src.known.values()].map((n) => ({ obj: src.obj, col: ctx.b.column(src.obj, n, loc) }));
  return [{ obj: src.obj, col: ctx.b.column(src.obj, '*', loc) }];
}

/** Does `src` (columns unknown) leave `key` to a source of its `yieldTo` scope that surely has it? */
function yields(src: Source, key: string): boolean {
  const y = src.yieldTo;
  if (y === undefined || y.own.has(key)) return false;
  for (let s: Scope | undefined = y.scope; s; s = s.parent) if (s.sources.some((o) => hasColumn(o, key) === true)) return true;
  return false;
}


// The messages of unqualified columns, by far the most frequent problems of a run without --schema.
const AMBIGUOUS: MessageTemplate = (name, n) => `column '${name}' is ambiguous: it exists in ${n} sources`;
const INFERRED: MessageTemplate = (name, table) => `column '${name}' attributed to ${table}: the only source the input uses it from`;
const ANY_OF: MessageTemplate = (name, n) => `column '${name}' could belong to any of ${n} sources; add a qualifier or --schema`;
const NOT_FOUND: MessageTemplate = (name) => `column '${name}' not found in any source`;
const UNKNOWN_QUALIFIER: MessageTemplate = (name) => `qualifier '${name}' names no source, and no source has a column '${name}'`;

/**
 * Every source here and in the enclosing queries has known columns, none of them `key`: then the
 * qualifier of `x.y` named neither a source nor a struct column. (Not asked inside routines, where
 * records, package variables and trigger rows qualify names too.)
 */
function noSourceMayHave(scope: Scope, key: string): boolean {
  let any = false;
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    for (const src of s.sources) {
      // A source of no name may answer to the names inside it (an INSERT ALL's WHEN reading its query's `o.amount`).
      if (src.names.length === 0 || hasColumn(src, key) !== false) return false;
      any = true;
    }
  }
  return any;
}

function resolveUnqualified(ctx: Context, scope: Scope, name: string, quoted: boolean, start: number, end: number, strict: boolean): Resolved {
  const current = ctx.dialect.semantics.currentValueWords;
  if (current.size > 0 && !quoted && current.has(name.toUpperCase())) return [];
  const key = ctx.key(name, quoted);
  // Sources key their columns as written without quotes (a DDL's `"NetAmount"` is known by
  // `name`'s unquoted key, as `o."NetAmount"` looks it up): the key to find the column by.
  const plain = quoted ? ctx.key(name, false) : key;
  if (!quoted && ctx.variables.size > 0 && ctx.variables.has(name.toLowerCase())) return [];
  const aliasFirst = ctx.dialect.semantics.aliasesBeforeColumns && !strict;
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    if (aliasFirst) {
      const alias = s.alias(key);
      if (alias) return alias;
    }
    // Sources that surely have the column, and those that may (columns unknown).
    let sure = 0;
    let maybe = 0;
    let firstSure: Source | undefined;
    let firstMaybe: Source | undefined;
    for (const src of s.sources) {
      const h = hasColumn(src, plain);
      if (h === true) {
        if (sure++ === 0) firstSure = src;
      } else if (h === undefined) {
        if (maybe++ === 0) firstMaybe = src;
      }
    }
    if (sure === 0 && !strict && ctx.dialect.semantics.rowValues) {
      // A table's own name (no alias), its columns unknown: a column of that name (`SELECT sales FROM raw.sales`) is likelier.
      const row = s.sources.find((src) => src.names.includes(key) && (src.rs || src.known || src.tableNames));
      if (row) return rowOf(ctx, row, start, end);
    }
    const joined = s.joinedUsing(key);
    if (joined !== undefined && joined.length > 1) return joined.flatMap((src) => columnOf(ctx, src, name, start, end));
    if (sure >= 1) {
      if (sure > 1) ctx.problemOf('warning', start, AMBIGUOUS, name, sure, 'AmbiguousColumn');
      return columnOf(ctx, firstSure!, name, start, end, plain);
    }
    const alias = s.alias(key);
    // `(SELECT value.int_value FROM UNNEST(event_params) WHERE key = 'k')`: a field of the only source's elements.
    if (maybe === 0 && s.sources.length === 1 && s.sources[0]!.rs?.fieldColumns && !alias) return columnOf(ctx, s.sources[0]!, name, start, end, plain);
    // BigQuery `FROM o, UNNEST(o.items)` (no alias): a field its type declares is a column of the elements.
    const element = maybe === 0 && !alias ? s.sources.find((src) => declaresField(ctx, src, plain)) : undefined;
    if (element) return columnOf(ctx, element, name, start, end, plain);
    if (alias && (ctx.dialect.semantics.lateralColumnAlias || maybe === 0)) return alias;
    if (isNiladic(name, quoted)) return [];
    if (maybe === 1 && !yields(firstMaybe!, plain)) return columnOf(ctx, firstMaybe!, name, start, end, plain);
    if (maybe > 1) {
      // `addr.city` (strict: the first part of a longer name) is the struct column `addr`, as ambiguous as `addr` itself.
      const known = inferredSource(ctx, s, plain);
      if (known) {
        ctx.problemOf('note', start, INFERRED, name, ctx.datasetName(known.obj), 'InferredColumn');
        return columnOf(ctx, known, name, start, end, plain);
      }
      ctx.problemOf('warning', start, ANY_OF, name, maybe, 'AmbiguousColumn');
      const orphan = ctx.orphanTable();
      return [{ obj: orphan, col: ctx.b.column(orphan, name, ctx.loc(start, end)) }];
    }
    if (s.sources.length > 0 && !strict && s.parent === undefined) break;
  }
  if (strict) {
    if (ctx.procedureName === 'batchQueries' && noSourceMayHave(scope, plain)) ctx.problemOf('warning', start, UNKNOWN_QUALIFIER, name, '', 'UnknownColumn');
    return [];
  }
  if (isNiladic(name, quoted)) return [];
  if (scope.sources.length === 0 && !scope.parent) return [];
  // Known sources that lack the column: the name may be an outer alias, a variable or a typo.
  ctx.problemOf('warning', start, NOT_FOUND, name, '', 'OrphanColumn');
  const orphan = ctx.orphanTable();
  return [{ obj: orphan, col: ctx.b.column(orphan, name, ctx.loc(start, end)) }];
}
