/**
 * Expression walking: which columns an expression reads, and how (direct value, or through a
 * condition / window / aggregate argument).
 */
import { assertNever } from '../ast/never.js';
import type * as A from '../ast/nodes.js';
import type { Expr, FuncCall, Query, WindowSpec } from '../ast/nodes.js';
import { forEachNode, leftmost, mapTree } from '../ast/walk.js';
import type { ColumnRef } from '../graph/builder.js';
import type { ClauseType, Loc, RelationType } from '../graph/model.js';
import type { Context, ResultSet } from './context.js';
import { isDatePart } from './dateparts.js';
import { identKey, oneWord } from './names.js';
import { methodOf } from './operators.js';
import { dataset } from './tables.js';
import { stringName } from '../../grammars/build.js';
import { stringValue } from '../lexer/scanner.js';
import { resolveColumn, type Scope } from './scope.js';
import { lastLoc } from '../graph/column.js';

export interface Ref {
  ref: ColumnRef;
  type: RelationType;
  /** The target is the row set (RelationRows), not the value. */
  toRows?: boolean;
  clause?: ClauseType;
  loc?: Loc;
  fn?: string;
}

/**
 * Aggregate functions of the dialects (a name is an aggregate wherever it exists; a window call,
 * `OVER (..)`, is not aggregating). `GROUP BY ALL` groups by the items that use none of them.
 */
const AGGREGATES = new Set([
  'COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'STDDEV', 'STDDEV_POP', 'STDDEV_SAMP', 'VARIANCE', 'VAR_POP', 'VAR_SAMP',
  'COUNT_BIG', 'APPROX_COUNT_DISTINCT', 'LISTAGG', 'STRING_AGG', 'ARRAY_AGG', 'GROUP_CONCAT', 'MEDIAN',
  'MAX_BY', 'MIN_BY', 'ARG_MAX', 'ARG_MIN', 'ARGMAX', 'ARGMIN',
  // T-SQL
  'STDEV', 'STDEVP', 'VAR', 'VARP', 'CHECKSUM_AGG',
  // conditional and boolean (BigQuery, Databricks/Spark, Snowflake, Trino, PostgreSQL, DuckDB)
  'COUNT_IF', 'COUNTIF', 'ANY_VALUE', 'BOOL_AND', 'BOOL_OR', 'EVERY', 'LOGICAL_AND', 'LOGICAL_OR',
  'BOOLAND_AGG', 'BOOLOR_AGG', 'BIT_AND', 'BIT_OR', 'BIT_XOR', 'BITAND_AGG', 'BITOR_AGG', 'BITXOR_AGG',
  // collections and documents
  'COLLECT_SET', 'COLLECT_LIST', 'ARRAY_CONCAT_AGG', 'ARRAY_UNIQUE_AGG', 'OBJECT_AGG', 'JSON_AGG', 'JSONB_AGG',
  'JSON_OBJECT_AGG', 'JSONB_OBJECT_AGG', 'JSON_ARRAYAGG', 'JSON_OBJECTAGG', 'XMLAGG', 'MAP_AGG', 'MULTIMAP_AGG',
  'GROUPARRAY', 'GROUPUNIQARRAY',
  // approximate and statistical
  'APPROX_DISTINCT', 'APPROX_PERCENTILE', 'PERCENTILE_APPROX', 'APPROX_QUANTILE', 'PERCENTILE', 'APPROX_QUANTILES', 'APPROX_TOP_COUNT',
  'APPROX_TOP_K', 'HLL', 'UNIQ', 'UNIQEXACT', 'CORR', 'COVAR_POP', 'COVAR_SAMP', 'KURTOSIS', 'SKEWNESS',
  'REGR_SLOPE', 'REGR_INTERCEPT', 'REGR_COUNT', 'REGR_R2', 'REGR_AVGX', 'REGR_AVGY', 'REGR_SXX', 'REGR_SYY', 'REGR_SXY',
  // first/last of the group (Spark, Databricks)
  'FIRST', 'LAST',
]);

/**
 * Inverse distribution functions: their `WITHIN GROUP (ORDER BY x)` names the value they pick
 * (`PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY amount)` is an amount). Any other aggregate's
 * WITHIN GROUP only orders the values it gathers (`LISTAGG(sku) WITHIN GROUP (ORDER BY ts)`).
 */
const ORDER_IS_VALUE = new Set(['PERCENTILE_CONT', 'PERCENTILE_DISC', 'MODE']);

/**
 * Aggregates that pick a value by another column's order (`MAX_BY(city, order_date)`: the city of
 * the latest order): the argument at this position only orders, like `KEEP (DENSE_RANK LAST ORDER BY ..)`.
 */
const ORDERING_ARGUMENT: Readonly<Record<string, number>> = { MAX_BY: 1, MIN_BY: 1, ARG_MAX: 1, ARG_MIN: 1, ARGMAX: 1, ARGMIN: 1 };

/**
 * Teradata's cumulative and moving functions (`CSUM(amount, sale_date)`, `MAVG(amount, 7, sale_date)`):
 * the arguments from this position on are the sort order, as a window's ORDER BY
 * (`SUM(amount) OVER (ORDER BY sale_date ROWS UNBOUNDED PRECEDING)`).
 */
const WINDOW_ORDER_ARGUMENTS: Readonly<Record<string, number>> = { CSUM: 1, MSUM: 2, MAVG: 2, MDIFF: 2, MLINREG: 2 };

/** Does `e` aggregate rows (an aggregate call that is not a window function)? `GROUP BY ALL` groups by the other items. */
export function aggregates(e: Expr): boolean {
  let found = false;
  forEachNode(e, (node) => {
    const n = node as Expr;
    if (found) return false;
    if (n.k === 'func' && !n.over && (AGGREGATES.has(n.name.parts[n.name.parts.length - 1]!.text.toUpperCase()) || n.withinGroup !== undefined)) found = true;
    return !found && n.k !== 'subquery';
  });
  return found;
}

/** Expression nesting the walk follows (deeper parts, e.g. 3,000 nested CASEs, are not traced; a note says so). */
const MAX_DEPTH = 2000;

function isArrayKeyword(e: Expr | undefined): boolean {
  return e?.k === 'col' && e.name.parts.length === 1 && !e.name.parts[0]!.quoted && e.name.parts[0]!.text.toUpperCase() === 'ARRAY';
}

/** Analyze a nested query (scalar subquery, EXISTS, IN) and return its result set. */
export type SubqueryFn = (q: Query, scope: Scope) => ResultSet;

export class ExprWalker {
  /** Scalar names being expanded (a name used in its own expression is a column). */
  private readonly expanding = new Set<Expr[]>();

  constructor(
    private readonly ctx: Context,
    private readonly subquery: SubqueryFn,
  ) {}

  /** Collect the refs of `e` read in `scope`, with the relation type of the enclosing context. */
  walk(e: Expr | undefined, scope: Scope, type: RelationType, out: Ref[], clause?: ClauseType, fn?: string, depth = 0): void {
    if (!e) return;
    if (depth > MAX_DEPTH) {
      // Once per statement: what lies deeper is not traced.
      const stmt = this.ctx.stmt;
      if (stmt && !stmt.tooDeep) this.ctx.problem('note', e.start, `columns read in an expression nested more than ${MAX_DEPTH} levels deep are not traced`, 'UnsupportedConstruct');
      if (stmt) stmt.tooDeep = true;
      return;
    }
    switch (e.k) {
      case 'col': {
        if (scope.scalars !== undefined && e.name.parts.length === 1) {
          // ClickHouse `WITH expr AS name`, Vertica's TIMESERIES slice: the name reads its expressions.
          const scalar = scope.scalars.get(identKey(this.ctx.key, e.name.parts[0]!));
          if (scalar !== undefined && !this.expanding.has(scalar)) {
            this.expanding.add(scalar);
            for (const x of scalar) this.walk(x, scope, type, out, clause, fn, depth + 1);
            this.expanding.delete(scalar);
            return;
          }
        }
        const r = resolveColumn(this.ctx, scope, e);
        if (!Array.isArray(r)) {
          // A select-list alias: its expression, walked with the alias out of view (there, its own name is a column).
          scope.deleteAlias(this.ctx.key(e.name.parts[0]!.text, false));
          this.walk(r, scope, type, out, clause, fn, depth + 1);
          scope.setAlias(this.ctx.key(e.name.parts[0]!.text, false), r);
          return;
        }
        for (const ref of r) out.push({ ref, type, clause, loc: lastLoc(ref.col), fn });
        return;
      }
      case 'star':
      case 'lit':
      case 'var':
        return;
      case 'op': {
        // PostgreSQL `ARRAY['a', 'b']` is a constructor, not an element of a column `array`.
        if (e.op === '[]' && isArrayKeyword(e.args[0])) {
          for (const a of e.args.slice(1)) this.walk(a, scope, type, out, clause, fn, depth + 1);
          return;
        }
        // `a + b + c + ...` is left-deep (one level per link): follow the first operands in a loop,
        // so a sum of thousands of columns is traced whole, in the order of a recursive walk.
        if (e.args.length === 0) return;
        const head = e.args[0]!;
        if (head.k !== 'op' || head.args.length === 0 || (head.op === '[]' && isArrayKeyword(head.args[0]))) {
          // No chain (`a = b`, the most frequent operator): the operands in order, no chain array.
          for (const a of e.args) this.walk(a, scope, type, out, clause, fn, depth + 1);
          return;
        }
        // The chain's operators, outermost first; their operands after the first are walked innermost first.
        const chain: Expr[][] = [];
        let x: Expr = e;
        while (x.k === 'op' && x.args.length > 0 && !(x.op === '[]' && isArrayKeyword(x.args[0]))) {
          chain.push(x.args);
          x = x.args[0]!;
        }
        this.walk(x, scope, type, out, clause, fn, depth + 1);
        for (let i = chain.length - 1; i >= 0; i--) {
          const args = chain[i]!;
          for (let j = 1; j < args.length; j++) this.walk(args[j], scope, type, out, clause, fn, depth + 1);
        }
        return;
      }
      case 'cast':
        this.walk(e.expr, scope, type, out, clause, fn, depth + 1);
        return;
      case 'case':
        this.walk(e.operand, scope, type, out, clause, fn ?? 'case-when', depth + 1);
        for (const w of e.whens) {
          this.walk(w.cond, scope, type, out, clause, fn ?? 'case-when', depth + 1);
          this.walk(w.result, scope, type, out, clause, fn ?? 'case-when', depth + 1);
        }
        this.walk(e.else, scope, type, out, clause, fn ?? 'case-when', depth + 1);
        return;
      case 'func':
        this.func(e, scope, type, out, clause, fn, depth);
        return;
      case 'subquery': {
        this.walk(e.left, scope, type, out, clause, fn, depth + 1);
        const rs = this.subquery(e.query, scope);
        // One value, unless `SELECT AS STRUCT a, b` makes it a struct of every item (BigQuery), or `FOR JSON | XML` a document of them (T-SQL).
        const cols = (e.mode === 'scalar' || e.mode === 'array') && !leftmost(e.query).asStruct && !e.query.document ? rs.cols.slice(0, 1) : rs.cols;
        for (const c of cols) out.push({ ref: { obj: rs.obj, col: c.col }, type, clause, fn });
        for (const s of rs.stars) if (e.mode !== 'scalar') out.push({ ref: s, type, clause, fn });
        // The subquery's own filters decide which rows (EXISTS/IN) or which value (scalar) it yields.
        out.push({ ref: { obj: rs.obj, col: this.ctx.b.relationRows(rs.obj) }, type: 'fdr', clause, fn });
        return;
      }
      default:
        return assertNever(e, 'expression');
    }
  }

  /** A dictionary lookup reads the attributes it returns of the dictionary it names (see `dictionaryAttributes`). */
  private dictionaryRead(e: FuncCall, type: RelationType, out: Ref[], clause: ClauseType | undefined, fn: string): void {
    const lookup = dictionaryAttributes(e);
    if (!lookup) return;
    const obj = dataset(this.ctx, lookup.dict);
    this.ctx.read(obj);
    for (const a of lookup.attrs) {
      const col = this.ctx.b.column(obj, stringValue(a.text), this.ctx.loc(a.start, a.end));
      out.push({ ref: { obj, col }, type, clause, fn });
    }
  }

  /** With --show-function: a `function` result set between the arguments and the caller. */
  private functionResult(e: FuncCall, name: string, args: Ref[], out: Ref[], type: RelationType, clause: ClauseType | undefined): void {
    const b = this.ctx.b;
    const obj = b.resultSet('function', `FUNCTION-${b.count('FUNCTION')}`, true, this.ctx.loc(e.start, e.end));
    const col = b.newColumn(obj, name, this.ctx.loc(e.start, e.end));
    const stmt = this.ctx.stmt;
    for (const a of args) {
      if (a.toRows) out.push(a);
      else b.edge(a.type, 'function', a.ref, { obj, col }, stmt?.process.id, { loc: a.loc, function: name });
    }
    out.push({ ref: { obj, col }, type, clause, fn: name });
  }

  private func(e: FuncCall, scope: Scope, type: RelationType, out: Ref[], clause: ClauseType | undefined, fn: string | undefined, depth: number): void {
    const name = e.name.parts[e.name.parts.length - 1]!.text;
    const upper = name.toUpperCase();
    const f = fn ?? name;
    const isAgg = AGGREGATES.has(upper) || e.withinGroup !== undefined;
    const argType: RelationType = isAgg && upper.startsWith('COUNT') && this.ctx.options.aggregate === 'indirect' ? 'fdr' : type;
    const target = this.ctx.options.showFunction ? ([] as Ref[]) : out;
    const dateParts = this.ctx.dialect.semantics.datePartFunctions[upper];
    const types = this.ctx.dialect.semantics.typeArgumentFunctions[upper];
    const ordering = ORDERING_ARGUMENT[upper];
    // `t.doc.value('(/a)[1]', 'int')`: a method of column t.doc reads it.
    const method = e.name.parts.length > 1 ? methodOf(e) : undefined;
    if (method) this.walk(method, scope, argType, target, clause, f, depth + 1);
    const windowOrder = WINDOW_ORDER_ARGUMENTS[upper] ?? e.args.length;
    const orderRefs: Ref[] = [];
    for (let i = 0; i < e.args.length; i++) {
      const a = e.args[i]!;
      if ((dateParts && isDatePart(this.ctx.dialect.semantics, upper, i, a)) || types?.includes(i)) continue;
      if (i >= windowOrder) this.walk(a, scope, 'fdr', orderRefs, 'window', f, depth + 1);
      else this.walk(lambdaBody(a, this.ctx.key) ?? a, scope, i === ordering ? 'fdr' : argType, target, clause, f, depth + 1);
    }
    for (const r of orderRefs) out.push({ ...r, toRows: true });
    const lookups = this.ctx.dialect.semantics.dictionaryLookups;
    if (lookups.size > 0 && lookups.has(upper)) this.dictionaryRead(e, argType, target, clause, f);
    if (target !== out) this.functionResult(e, name, target, out, type, clause);
    if (isAgg && !e.over) {
      // The row count of every source affects an aggregate (SQLFlow: `t.RelationRows -fdr-> COUNT()`).
      for (const src of scope.sources) out.push({ ref: { obj: src.obj, col: this.ctx.b.relationRows(src.obj) }, type: 'fdr', clause, fn: f });
    }
    if (e.withinGroup) {
      const orderType = ORDER_IS_VALUE.has(upper) ? type : 'fdr';
      for (const o of e.withinGroup) this.walk(o.expr, scope, orderType, out, clause, f, depth + 1);
    }
    if (e.filter) this.walk(e.filter, scope, 'fdr', out, clause, f, depth + 1);
    if (e.orderBy) for (const o of e.orderBy) this.walk(o.expr, scope, 'fdr', out, clause, f, depth + 1);
    if (e.over) {
      const rows: Ref[] = [];
      // `OVER w`, `OVER (w ORDER BY ..)`: the named window's partitions and order too (a window may name another).
      const seen = new Set<WindowSpec>();
      for (let w: WindowSpec | undefined = e.over; w && !seen.has(w); w = w.ref ? scope.window(identKey(this.ctx.key, w.ref)) : undefined) {
        seen.add(w);
        for (const p of w.partitionBy) this.walk(p, scope, 'fdr', rows, 'window', f, depth + 1);
        for (const o of w.orderBy) this.walk(o.expr, scope, 'fdr', rows, 'window', f, depth + 1);
        if (w.resetWhen) this.walk(w.resetWhen, scope, 'fdr', rows, 'window', f, depth + 1);
      }
      for (const r of rows) out.push({ ...r, toRows: true });
    }
  }
}

/**
 * The attributes a dictionary lookup returns (`Semantics.dictionaryLookups`): `dictGet('db.d', 'attr', key)`
 * and `dictGet('db.d', ('a', 'b'), key)` read those columns of dictionary `db.d`, a table.
 */
function dictionaryAttributes(e: FuncCall): { dict: A.QName; attrs: A.Literal[] } | undefined {
  const [d, a] = e.args;
  const dict = d?.k === 'lit' && d.kind === 'string' ? stringName(d.text, d.start, d.end) : undefined;
  const list = a?.k === 'op' && a.op === 'ROW' ? a.args : a?.k === 'func' && oneWord(a.name) === 'TUPLE' ? a.args : a ? [a] : [];
  const attrs = list.filter((x): x is A.Literal => x.k === 'lit' && x.kind === 'string');
  return dict && attrs.length > 0 ? { dict, attrs } : undefined;
}

/**
 * A lambda argument (`transform(o.items, x -> x.price * o.rate)`, `(acc, y) -> acc + y`): its body
 * with the parameters taken out — they stand for the elements of another argument, never for
 * columns. An `a -> b` whose right side does not use `a` is PostgreSQL/MySQL JSON access.
 */
function lambdaBody(a: Expr, key: (text: string, quoted: boolean) => string): Expr | undefined {
  // `i -> i.qty > 0` parses as `(i -> i.qty) > 0`: the arrow is the leftmost operator of the argument.
  let x = a;
  while (x.k === 'op' && x.op !== '->' && x.args.length > 0) x = x.args[0]!;
  if (x.k !== 'op' || x.op !== '->' || x.args.length !== 2) return undefined;
  const arrow = x;
  const [head, inner] = arrow.args as [Expr, Expr];
  const body = arrow === a ? inner : (mapTree(a, (n) => (n === arrow ? inner : undefined)) as Expr);
  const params = (head.k === 'op' && head.op === 'ROW' ? head.args : [head]).map((p) => (p.k === 'col' && p.name.parts.length === 1 ? key(p.name.parts[0]!.text, p.name.parts[0]!.quoted) : undefined));
  if (params.some((p) => p === undefined)) return undefined;
  const isParam = (n: unknown) => (n as Expr).k === 'col' && params.includes(key((n as A.ColumnRef).name.parts[0]!.text, (n as A.ColumnRef).name.parts[0]!.quoted));
  let uses = false;
  forEachNode(body, (n) => void (uses ||= isParam(n)));
  if (!uses) return undefined;
  return mapTree(body, (n) => (isParam(n) ? ({ k: 'lit', kind: 'other', text: '', start: (n as Expr).start, end: (n as Expr).end } as Expr) : undefined)) as Expr;
}
