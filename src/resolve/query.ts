/**
 * Query analysis: each query level becomes a result set whose output columns are fed by the
 * columns their expressions read (fdd); filters, joins and grouping feed its RelationRows (fdr).
 */
import { assertNever } from '../ast/never.js';
import { forEachNode, mapTree } from '../ast/walk.js';
import type * as A from '../ast/nodes.js';
import type { Expr, Query, Select, SetOp, Star, TableRef, ValuesQuery, With } from '../ast/nodes.js';
import type { ColumnRef } from '../graph/builder.js';
import type { Semantics } from '../dialects/spec.js';
import { qualifiedName, type ClauseType, type JoinInfo, type ObjectType } from '../graph/model.js';
import { outputByKey, type Context, type OutCol, type ResultSet } from './context.js';
import { aggregates, ExprWalker, type Ref } from './expr.js';
import { collapse, identKey, oneWord, texts } from './names.js';
import { calledFunction, matchRecognizeOperator, modelFunction, pivotOperator, positionColumn, tableFunctionOperator, unpivotOperator, type TableOperator } from './operators.js';
import { columnOf, columnPart, notAColumn, resolveColumn, Scope, structPath, type Source } from './scope.js';
import { datasetSource, qualify, structOf, structsOf, tableOf } from './tables.js';
import { structsUnder, tableKey } from './catalog.js';

export interface QueryTarget {
  type: ObjectType;
  name: string;
  intermediate: boolean;
  /** Names for the outputs, by position (CTE / derived-table column lists, view column lists). */
  columnNames: string[] | undefined;
}

/**
 * A QueryTarget, every field set in one order: the resolver reads targets in hot code, and
 * object literals with and without `columnNames` were two shapes there (a deopt and a recompile).
 */
export function queryTarget(type: ObjectType, name: string, intermediate: boolean, columnNames?: string[]): QueryTarget {
  return { type, name, intermediate, columnNames };
}

/**
 * The name of an unaliased output: a column's name (also through `::` casts and Teradata
 * conversions `x (DATE)`), else the expression text.
 */
export function outputName(e: Expr, text: string): string {
  let x = e;
  while (x.k === 'cast' && (x.style === '::' || x.style === 'attribute')) x = x.expr;
  if (x.k === 'col') return x.name.parts[x.name.parts.length - 1]!.text;
  return collapse(text.slice(e.start, e.end));
}

/** The first `COLUMNS(..)` call of an expression, outside subqueries. */
function columnsCall(e: Expr): A.FuncCall | undefined {
  let found: A.FuncCall | undefined;
  forEachNode(e, (n) => {
    if (found || n.k === 'subquery') return false;
    const f = n as A.FuncCall;
    if (f.k === 'func' && oneWord(f.name) === 'COLUMNS') {
      found = f;
      return false;
    }
  });
  return found;
}

/**
 * Spark / Hive `explode(m) AS (k, v)`: one output per alias, each from the expression; `stack(n,
 * 'a', x, 'b', y) AS (name, value)`: the j-th output from every j-th value argument.
 * `posexplode(a) AS (pos, v)`: `pos` is a position, added to `positions` (decided by the
 * array, not its value: fdr, as in LATERAL VIEW posexplode).
 */
function generatorItems(item: A.SelectItem, positions: Set<A.SelectItem>, transforms: Semantics['transformFunctionColumns'], text: string): A.SelectItem[] {
  const aliases = item.aliases;
  if (!aliases) return [item];
  const e = item.expr;
  const fname = e.k === 'func' ? oneWord(e.name) : undefined;
  const transform = fname !== undefined && e.k === 'func' && e.over ? transforms[fname] : undefined;
  // A transform's outputs renamed by `AS (..)`, one alias each (Vertica `EXPLODE(a, b USING PARAMETERS explode_count=2) OVER () AS (p1, v1, p2, v2)`).
  const outputs = transform && e.k === 'func' && e.args.length > 1 ? transformOutputs(e, transform, text) : undefined;
  if (outputs && outputs.length === aliases.length) {
    return outputs.map((o, j): A.SelectItem => {
      const out = { ...item, expr: o.expr, alias: aliases[j], aliases: undefined };
      if (o.position) positions.add(out);
      return out;
    });
  }
  const stack = fname === 'STACK' && e.k === 'func' && e.args.length > 1 ? e.args.slice(1) : undefined;
  return aliases.map((alias, j): A.SelectItem => {
    const expr: Expr = stack ? { k: 'op', op: 'STACK', args: stack.filter((_, i) => i % aliases.length === j), start: e.start, end: e.end } : e;
    const out = { ...item, expr, alias, aliases: undefined };
    if (fname !== undefined && (transform ? transform.positions?.includes(j) : positionColumn(fname, j))) positions.add(out);
    return out;
  });
}

/** The columns of a transform function's call with OVER and no alias (`Semantics.transformFunctionColumns`). */
function transformColumns(item: A.SelectItem, transforms: Semantics['transformFunctionColumns']): readonly string[] | undefined {
  const e = item.expr;
  return e.k === 'func' && e.over && !item.alias && !item.aliases ? transforms[oneWord(e.name)]?.columns : undefined;
}

/**
 * The outputs of a transform function's call (`Semantics.transformFunctionColumns`), in order:
 * its own columns read from its first argument, then each further argument passed through.
 * Vertica `USING PARAMETERS explode_count = n` explodes the first n arguments: each gives the
 * function's columns, named after it when n > 1 (`pos_tags`, `val_tags`), as Vertica names them.
 * Undefined when an exploded argument is no column (no name to give them) or is missing.
 */
function transformOutputs(e: A.FuncCall, own: Semantics['transformFunctionColumns'][string], text: string): { name: string; expr: Expr; position: boolean }[] | undefined {
  const parameters = /\bUSING\s+PARAMETERS\b([\s\S]*)/i.exec(text.slice(e.start, e.end))?.[1];
  const count = Number(/\bexplode_count\s*=\s*(\d+)/i.exec(parameters ?? '')?.[1] ?? 1);
  const exploded = e.args.slice(0, count);
  if (exploded.length < count || (count > 1 && exploded.some((arg) => arg.k !== 'col'))) return undefined;
  const outputs = exploded.flatMap((arg) => {
    const name = count > 1 ? (arg as A.ColumnRef).name.parts[(arg as A.ColumnRef).name.parts.length - 1]!.text : '';
    const expr: Expr = { ...e, args: [arg] };
    return own.columns.map((c, j) => ({ name: count > 1 ? `${c === 'position' ? 'pos' : c === 'value' ? 'val' : c}_${name}` : c, expr, position: own.positions?.includes(j) ?? false }));
  });
  return [...outputs, ...e.args.slice(count).map((arg) => ({ name: '', expr: arg, position: false }))];
}

/**
 * A transform function's call without `AS (..)`: per exploded argument, the call of that one
 * argument with its outputs' names as `AS (..)`; each passed-through argument as itself.
 */
function transformItems(item: A.SelectItem, transforms: Semantics['transformFunctionColumns'], text: string): A.SelectItem[] {
  const columns = transformColumns(item, transforms);
  const e = item.expr;
  if (!columns || e.k !== 'func') return [item];
  const at = { start: e.start, end: e.end };
  if (e.args.length < 2) return [{ ...item, aliases: columns.map((name) => ({ text: name, quoted: false, ...at })) }];
  const outputs = transformOutputs(e, transforms[oneWord(e.name)]!, text);
  if (!outputs) return [item];
  const items: A.SelectItem[] = [];
  for (const o of outputs) {
    const last = items[items.length - 1];
    if (o.name === '') items.push({ ...item, expr: o.expr, alias: undefined, aliases: undefined, start: o.expr.start, end: o.expr.end });
    // The outputs of one exploded argument share its call (`expr`): one item named by all of them.
    else if (last?.aliases && last.expr === o.expr) last.aliases.push({ text: o.name, quoted: false, ...at });
    else items.push({ ...item, expr: o.expr, alias: undefined, aliases: [{ text: o.name, quoted: false, ...at }] });
  }
  return items;
}

/**
 * Spark / Hive `inline(o.items)` / `inline_outer(..)` in a select list, without `AS (a, b)`: one
 * output per field of the array's structs, as `o.items.*` (fields of unknown names, each read from
 * the column).
 */
function inlineFields(e: Expr): A.Star | undefined {
  if (e.k !== 'func' || e.args.length !== 1 || e.args[0]!.k !== 'col') return undefined;
  const name = oneWord(e.name);
  return name === 'INLINE' || name === 'INLINE_OUTER' ? { k: 'star', qualifier: e.args[0]!.name, start: e.start, end: e.end } : undefined;
}

/** SQLFlow's transform kinds: how an output is computed from its sources. */
function transformKind(e: Expr): 'simple' | 'function' | 'expression' | 'constant' | 'case' | 'subquery' {
  switch (e.k) {
    case 'col':
      return 'simple';
    case 'func':
      return 'function';
    case 'case':
      return 'case';
    case 'lit':
      return 'constant';
    case 'subquery':
      return 'subquery';
    case 'cast':
      return transformKind(e.expr);
    case 'op':
    case 'var':
    case 'star':
      return 'expression';
    default:
      return assertNever(e, 'expression');
  }
}

export class QueryAnalyzer {
  readonly walker: ExprWalker;
  /** Analyzes a data-modifying CTE's statement (set by the statement resolver, which knows DML). */
  dmlCte?: (dml: NonNullable<A.Cte['dml']>, scope: Scope, target: QueryTarget) => ResultSet;
  /** T-SQL composable DML in FROM: run the statement, hand on its OUTPUT rows (set by the statement analyzer). */
  composedDml?: (dml: NonNullable<A.DerivedTable['dml']>, at: A.Node, target: QueryTarget) => ResultSet;

  /**
   * The SELECT whose FROM scope `queryWithScope` was asked for, and that scope once made. Only
   * that one: a WeakMap of every SELECT's scope cost an entry per query level (~9,000 in 5 MB).
   */
  private scopeWanted: Select | undefined;
  private scopeFound: Scope | undefined;

  constructor(private readonly ctx: Context) {
    this.walker = new ExprWalker(ctx, (q, scope) =>
      this.query(q, scope, queryTarget('select_list', `RESULT_OF_SUBQUERY-${ctx.b.count('SUBQUERY')}`, true)),
    );
  }

  private get effect() {
    return this.ctx.stmt?.effect ?? 'select';
  }

  private get pid() {
    return this.ctx.stmt?.process.id;
  }

  /** Edges for refs into `target`, or into `rows` when a ref feeds the row set (effect: the statement's unless given). */
  link(refs: Ref[], target: ColumnRef | undefined, rows: ColumnRef, clause?: ClauseType, expr?: Expr, effect = this.effect): void {
    const b = this.ctx.b;
    const code = this.ctx.options.showTransform && expr ? collapse(this.ctx.text.slice(expr.start, expr.end)) : undefined;
    const kind = expr ? transformKind(expr) : 'simple';
    for (const r of refs) {
      if (r.toRows || !target) {
        b.edge('fdr', effect, r.ref, rows, this.pid, { loc: r.loc, clauseType: r.clause ?? clause, function: r.fn });
      } else {
        b.edge(r.type, effect, r.ref, target, this.pid, {
          loc: r.loc,
          clauseType: r.clause,
          function: r.fn,
          transform: code !== undefined ? { kind, code } : undefined,
        });
      }
    }
  }

  /** Refs of a condition, all feeding `rows` (with the statement's effect unless told). */
  condition(e: Expr | undefined, scope: Scope, rows: ColumnRef, clause: ClauseType, effect = this.effect): void {
    if (!e) return;
    const refs: Ref[] = [];
    this.walker.walk(e, scope, 'fdr', refs, clause);
    for (const r of refs) r.type = 'fdr';
    this.link(refs, undefined, rows, clause, undefined, effect);
  }

  /** `query`, and the FROM scope of `q` when it is a SELECT (MySQL ON DUPLICATE KEY UPDATE reads the INSERT's SELECT sources). */
  queryWithScope(q: Query, parent: Scope | undefined, target: QueryTarget): { rs: ResultSet; scope: Scope | undefined } {
    const wanted = this.scopeWanted;
    const found = this.scopeFound;
    this.scopeWanted = q.k === 'select' ? q : undefined;
    this.scopeFound = undefined;
    const rs = this.query(q, parent, target);
    const scope = this.scopeFound;
    // As they were: an INSERT inside the query (a data-modifying CTE) asks for its own SELECT's scope.
    this.scopeWanted = wanted;
    this.scopeFound = found;
    return { rs, scope };
  }

  query(q: Query, parent: Scope | undefined, target: QueryTarget): ResultSet {
    let scope = parent;
    if (q.with) {
      scope = new Scope(parent);
      this.defineCtes(q.with, scope);
      for (const sc of q.with.scalars ?? []) scope.defineScalar(identKey(this.ctx.key, sc.alias), [sc.expr]);
    }
    switch (q.k) {
      case 'select':
        return this.select(q, scope, target);
      case 'setop':
        return this.setop(q, scope, target);
      case 'values_q':
        return this.values(q, scope, target);
      default:
        return assertNever(q, 'query');
    }
  }

  defineCtes(w: With, scope: Scope): void {
    const ctx = this.ctx;
    for (const cte of w.ctes) {
      const key = identKey(ctx.key, cte.name);
      const names = texts(cte.columns);
      const target = queryTarget('with_cte', cte.name.text, true, names);
      if (!cte.query) {
        scope.defineCte(key, this.modifyingCte(cte, scope, target));
        continue;
      }
      if (w.recursive || readsItself(cte, ctx.key)) {
        // Visible to its own body: a result set whose columns fill in as the body is analyzed.
        const pre = ctx.b.resultSet('with_cte', cte.name.text, true, ctx.loc(cte.name.start, cte.name.end));
        const rs: ResultSet = { obj: pre, cols: [], stars: [] };
        // Without a column list, the anchor's select items name the columns the recursive branch reads.
        for (const n of names ?? anchorNames(cte.query) ?? []) rs.cols.push({ name: n, key: ctx.key(n, false), col: ctx.b.newColumn(pre, n) });
        ctx.resultSets.set(pre.id, rs);
        scope.defineCte(key, rs);
        const body = this.query(cte.query, scope, queryTarget('with_cte', `${cte.name.text}-BODY`, true, names));
        this.feed(body, rs);
        continue;
      }
      scope.defineCte(key, this.query(cte.query, scope, target));
    }
  }

  /** `WITH m AS (DELETE | UPDATE | INSERT ... RETURNING ...)`: the CTE's columns are the RETURNING items. */
  private modifyingCte(cte: A.Cte, scope: Scope, target: QueryTarget): ResultSet {
    if (cte.dml && this.dmlCte) return this.dmlCte(cte.dml, scope, target);
    this.ctx.problem('note', cte.start, `lineage of CTE '${cte.name.text}' not traced: its body is neither a query nor INSERT/UPDATE/DELETE`, 'UnsupportedConstruct');
    return this.newResultSet(target, cte.start, cte.end);
  }

  /** Positional flow from one result set into another (recursive CTE bodies). */
  private feed(from: ResultSet, to: ResultSet): void {
    const b = this.ctx.b;
    from.cols.forEach((c, i) => {
      let t = to.cols[i];
      if (!t) {
        t = { name: c.name, key: c.key, col: b.newColumn(to.obj, c.name) };
        to.cols.push(t);
      }
      b.edge('fdd', this.effect, { obj: from.obj, col: c.col }, { obj: to.obj, col: t.col }, this.pid);
    });
    to.stars.push(...from.stars);
    b.edge('fdd', this.effect, { obj: from.obj, col: b.relationRows(from.obj) }, { obj: to.obj, col: b.relationRows(to.obj) }, this.pid);
  }

  private newResultSet(target: QueryTarget, start: number, end: number): ResultSet {
    const obj = this.ctx.b.resultSet(target.type, target.name, target.intermediate, this.ctx.loc(start, end));
    const rs: ResultSet = { obj, cols: [], stars: [] };
    this.ctx.resultSets.set(obj.id, rs);
    return rs;
  }

  private rowsOf(rs: ResultSet): ColumnRef {
    return { obj: rs.obj, col: this.ctx.b.relationRows(rs.obj) };
  }

  select(sel: Select, parent: Scope | undefined, target: QueryTarget): ResultSet {
    const ctx = this.ctx;
    const scope = new Scope(parent);
    if (sel.windows?.length) scope.windows = new Map(sel.windows.map((w) => [identKey(ctx.key, w.name), w.spec]));
    const rs = this.newResultSet(target, sel.start, sel.end);
    const rows = this.rowsOf(rs);
    for (const ref of sel.from) this.addSource(ref, scope, rows);
    if (sel === this.scopeWanted) this.scopeFound = scope;
    const ts = sel.timeseries;
    if (ts) {
      // Vertica TIMESERIES: the slice is a time made from the ORDER BY column(s); partitions and order decide the rows.
      scope.defineScalar(identKey(ctx.key, ts.alias), ts.window.orderBy.map((o) => o.expr));
      for (const e of [...ts.window.partitionBy, ...ts.window.orderBy.map((o) => o.expr)]) this.condition(e, scope, rows, 'window');
    }
    if (sel.expandOn) {
      // Teradata EXPAND ON: the alias is each interval of the period expression; FOR limits the rows.
      scope.defineScalar(identKey(ctx.key, sel.expandOn.alias), [sel.expandOn.expr]);
      this.condition(sel.expandOn.forPeriod, scope, rows, 'where');
    }
    this.items(sel.items, scope, rs, rows, target);
    this.condition(sel.prewhere, scope, rows, 'where');
    this.condition(sel.where, scope, rows, 'where');
    for (const c of sel.connectBy ?? []) this.condition(c, scope, rows, 'connectBy');
    if (sel.groupByAll || sel.groupBy.length > 0) this.groupBy(sel, scope, rows);
    this.condition(sel.having, scope, rows, 'having');
    this.condition(sel.qualify, scope, rows, 'qualify');
    for (const e of sel.sample ?? []) this.condition(e, scope, rows, 'where');
    for (const e of sel.limitBy ?? []) this.condition(e, scope, rows, 'groupBy');
    return rs;
  }

  /**
   * The GROUP BY terms, all found before any is resolved (resolving one may add an output to a
   * source that a later term's name is looked up in). Only a SELECT that has some comes here, and
   * the terms are gathered by push, so the loop over them meets one kind of array: the arrays
   * `map` made there (empty ones too) were of several kinds, and each new kind deoptimized
   * `select`, whose recompiles were ~2% of the bench's instructions.
   */
  private groupBy(sel: Select, scope: Scope, rows: ColumnRef): void {
    const groups: Expr[] = [];
    if (sel.groupByAll) {
      for (const i of sel.items) if (i.expr.k !== 'star' && !aggregates(i.expr)) groups.push(i.expr);
    } else {
      for (const g of sel.groupBy) groups.push(this.groupedItem(g, sel.items, scope) ?? g);
    }
    for (const g of groups) this.condition(g, scope, rows, 'groupBy');
  }

  /**
   * A GROUP BY term naming a select item: by position (`GROUP BY 1, 2`, where the dialect reads a
   * number so) or by alias when no source surely has a column of that name (`.. AS d GROUP BY d`).
   */
  private groupedItem(g: Expr, items: A.SelectItem[], scope: Scope): Expr | undefined {
    const ctx = this.ctx;
    let item: A.SelectItem | undefined;
    if (g.k === 'lit' && g.kind === 'number' && /^[1-9]\d*$/.test(g.text) && ctx.dialect.semantics.groupByPositions) item = items[Number(g.text) - 1];
    else if (g.k === 'col' && g.name.parts.length === 1) {
      const key = identKey(ctx.key, g.name.parts[0]!);
      if (!scope.surelyHas(key)) item = items.find((i) => i.alias !== undefined && identKey(ctx.key, i.alias) === key);
    }
    return item !== undefined && item.expr.k !== 'star' && item.assignTo === undefined ? item.expr : undefined;
  }

  /**
   * The RETURNING items of a data-modifying CTE, in the statement's own scope (its target and
   * FROM/USING items): like a select list over the rows the statement wrote or deleted.
   */
  returning(items: A.SelectItem[], scope: Scope, target: QueryTarget, at: A.Node): ResultSet {
    const rs = this.newResultSet(target, at.start, at.end);
    this.items(items, scope, rs, this.rowsOf(rs), target);
    return rs;
  }

  /** Select items into `rs`'s outputs. */
  private items(items: A.SelectItem[], scope: Scope, rs: ResultSet, rows: ColumnRef, target: QueryTarget): void {
    const ctx = this.ctx;
    let position = 0;
    // Made only for a list with generators (`explode(m) AS (k, v)`).
    // Vertica `MAPITEMS(m) OVER (..)` without `AS (k, v)`: named by the function's own columns.
    const transforms = ctx.dialect.semantics.transformFunctionColumns;
    if (items.some((i) => transformColumns(i, transforms))) items = items.flatMap((i) => transformItems(i, transforms, ctx.text));
    const positions = items.some((i) => i.aliases) ? new Set<A.SelectItem>() : undefined;
    for (const item of positions ? items.flatMap((i) => generatorItems(i, positions, transforms, ctx.text)) : items) {
      const e = item.expr;
      if (item.assignTo) {
        const refs: Ref[] = [];
        this.walker.walk(e, scope, 'fdd', refs, 'selectList');
        continue;
      }
      const star = e.k === 'star' ? e : item.alias ? undefined : inlineFields(e);
      if (star) {
        position = this.expandStar(star, scope, rs, position, target.columnNames);
        continue;
      }
      const columns = ctx.dialect.semantics.columnsExpressions ? columnsCall(e) : undefined;
      if (columns) {
        position = this.columnsItem(item, columns, scope, rs, rows, position, target.columnNames);
        continue;
      }
      // After a `*` of unknown width, a list names outputs from its end (see `nameFromEnd`).
      const name = (rs.starAt === undefined ? target.columnNames?.[position] : undefined) ?? item.alias?.text ?? outputName(e, ctx.text);
      position++;
      const col = ctx.b.newColumn(rs.obj, name, ctx.loc(item.start, item.end));
      rs.cols.push({ name, key: ctx.key(name, !!item.alias?.quoted), col });
      const refs: Ref[] = [];
      this.walker.walk(e, scope, 'fdd', refs, 'selectList');
      if (positions?.has(item)) for (const r of refs) r.type = 'fdr';
      this.link(refs, { obj: rs.obj, col }, rows, undefined, e);
      if (e.k === 'col' && refs.length === 1) this.passStruct(rs, name, refs[0]!.ref, e.name.parts.length > 1 && ctx.tableStructs.size > 0 ? structPath(ctx, scope, e.name.parts) : '');
      if (this.ctx.options.showConstantTable) this.constants(e, { obj: rs.obj, col });
      if (item.alias) scope.setAlias(identKey(ctx.key, item.alias), e);
    }
    if (target.columnNames && rs.starAt !== undefined) this.nameFromEnd(rs, target.columnNames);
  }

  /**
   * A column list over a `*` of unknown width (`WITH c (x, y, z) AS (SELECT *, q FROM t)`): the
   * outputs before it took their names by position; those after the last such `*` line up with
   * the end of the list (`q` is `z`); those between two of them keep their own names. The same
   * rule as INSERT ... SELECT * (statements.ts `positionIn`).
   */
  private nameFromEnd(rs: ResultSet, names: string[]): void {
    const ctx = this.ctx;
    const trailing = rs.cols.length - rs.starEnd!;
    for (let i = rs.starEnd!; i < rs.cols.length; i++) {
      const at = names.length - (rs.cols.length - i);
      if (at < rs.starAt! || at >= names.length) continue;
      const c = rs.cols[i]!;
      ctx.b.renameColumn(rs.obj, c.col, names[at]!);
      rs.cols[i] = { ...c, name: names[at]!, key: ctx.key(names[at]!, false) };
    }
    rs.index = undefined;
    rs.indexed = 0;
    // The names in between stand for columns of the `*` whose own names are unknown.
    const inside = names.slice(rs.starAt, Math.max(rs.starAt!, names.length - trailing)).map((n) => ctx.key(n, false));
    if (inside.length > 0) rs.starNames = new Set(inside);
  }

  /** Literals of a select item as columns of the constant table (with --show-constant-table). */
  private constants(e: Expr, target: ColumnRef): void {
    const b = this.ctx.b;
    const visit = (x: Expr): void => {
      if (x.k === 'lit' && x.kind !== 'null') {
        this.ctx.constants ??= b.resultSet('constantTable', 'SQL_CONSTANTS', false);
        const col = b.column(this.ctx.constants, x.text, this.ctx.loc(x.start, x.end));
        b.edge('fdd', this.effect, { obj: this.ctx.constants, col }, target, this.pid);
      } else if (x.k === 'op') x.args.forEach(visit);
      else if (x.k === 'func') x.args.forEach(visit);
      else if (x.k === 'cast') visit(x.expr);
      else if (x.k === 'case') {
        x.whens.forEach((w) => visit(w.result));
        if (x.else) visit(x.else);
      }
    };
    visit(e);
  }

  /**
   * Output `name` of `rs` is the struct `from` is (or an element of it), or the struct field at
   * `path` inside it (`.addr`), with its declared fields and those of the structs inside it.
   */
  private passStruct(rs: ResultSet, name: string, from: ColumnRef, path = ''): void {
    const structs = structsOf(this.ctx, from);
    if (!structs) return;
    const key = this.ctx.key(name, false);
    for (const [rest, fields] of structsUnder(structs, this.ctx.key(from.col.name, false) + path)) (rs.structs ??= new Map()).set(key + rest, fields);
  }

  /** The output of `rs` named like the qualifier (the rows' alias naming the element), when it is a struct of declared fields. */
  private elementFields(rs: ResultSet, qualifier: A.QName): { fields: readonly string[]; from: ColumnRef } | undefined {
    const key = identKey(this.ctx.key, qualifier.parts[qualifier.parts.length - 1]!);
    const fields = rs.structs?.get(key);
    const col = fields && outputByKey(rs, key);
    return col ? { fields: fields, from: { obj: rs.obj, col: col.col } } : undefined;
  }

  /**
   * `li.*`, `o.shipping.*`, `o.customer.addr.*` where the qualifier is a (struct) column, not a FROM
   * item (Spark, Databricks, BigQuery): that column, and the path of the struct field inside it.
   */
  private structFields(star: Star, scope: Scope): { refs: ColumnRef[]; path: string; missing?: boolean } {
    const parts = star.qualifier!.parts;
    const last = parts[parts.length - 1]!;
    // `o.shipping.*` where shipping is not a column of o's known ones (renamed before): no fields to give.
    const column = columnPart(this.ctx, scope, parts);
    if (column.src && notAColumn(this.ctx, column.src, parts[column.at]!)) return { refs: [], path: '', missing: true };
    const all: A.Ident = { text: '*', quoted: false, start: star.end - 1, end: star.end };
    const r = resolveColumn(this.ctx, scope, { k: 'col', name: { parts: [...parts, all], start: parts[0]!.start, end: last.end }, start: star.start, end: last.end });
    // A qualified name is never a select-list alias: always columns.
    return Array.isArray(r) && r.length > 0 ? { refs: r, path: structPath(this.ctx, scope, parts, column.at) } : { refs: [], path: '' };
  }

  private expandStar(star: Star, scope: Scope, rs: ResultSet, position: number, names: string[] | undefined): number {
    const ctx = this.ctx;
    const b = ctx.b;
    const loc = ctx.loc(star.start, star.end);
    let sources: Source[] = scope.sources.some((s) => s.filterOnly) ? scope.sources.filter((s) => !s.filterOnly) : scope.sources;
    let struct: ColumnRef[] = [];
    let path = '';
    let missing: boolean | undefined;
    if (star.qualifier) {
      const src = scope.source(ctx, star.qualifier.parts);
      sources = src ? [src] : [];
      if (!src) ({ refs: struct, path, missing } = this.structFields(star, scope));
      if (!src && struct.length === 0 && !missing) ctx.problem('warning', star.start, `unknown table '${star.qualifier.parts.map((p) => p.text).join('.')}' in '*'`, 'OrphanColumn');
    }
    const except = new Set((star.except ?? []).map((i) => identKey(ctx.key, i)));
    const replace = new Map((star.replace ?? []).map((r) => [identKey(ctx.key, r.alias), r]));
    const rename = new Map((star.rename ?? []).map((r) => [identKey(ctx.key, r.from), r.to]));
    const done = new Set<string>();
    const add = (shown: string, feed: (to: ColumnRef) => void) => {
      const col = b.newColumn(rs.obj, shown, loc);
      rs.cols.push({ name: shown, key: ctx.key(shown, false), col });
      feed({ obj: rs.obj, col });
    };
    // `fieldOf`: the path of the struct `from` the output is a field of (`o.customer.*`: '' of customer).
    const out = (name: string, from: ColumnRef | ColumnRef[], fieldOf?: string) => {
      const key = ctx.key(name, false);
      if (except.has(key)) return;
      done.add(key);
      const shown = (rs.starAt === undefined ? names?.[position] : undefined) ?? rename.get(key)?.text ?? name;
      position++;
      const replaced = replace.get(key);
      if (replaced) add(shown, (to) => this.replaceValue(replaced.expr, scope, to, rs));
      else {
        const froms = Array.isArray(from) ? from : [from];
        add(shown, (to) => froms.forEach((f) => b.edge('fdd', this.effect, f, to, this.pid, { loc })));
        if (froms.length === 1) this.passStruct(rs, shown, froms[0]!, fieldOf === undefined ? '' : `${fieldOf}.${key}`);
      }
    };
    let opaque = false;
    const unknown = (from: ColumnRef) => {
      opaque = true;
      rs.starAt ??= rs.cols.length;
      rs.starEnd = rs.cols.length;
      const col = b.column(rs.obj, '*', loc);
      b.edge('fdd', this.effect, from, { obj: rs.obj, col }, this.pid, { loc });
      rs.stars.push(from);
    };
    const declared = struct.map((f) => structOf(ctx, f, path));
    if (struct.length > 0 && declared.every((d) => d !== undefined)) {
      // Fields declared with the struct's type: each an output read from the struct.
      struct.forEach((f, i) => declared[i]!.forEach((name) => out(name, f, path)));
    } else if (struct.length > 0) {
      // Every field of the struct, each read from it: a column asked of these rows later too.
      for (const f of struct) unknown(f);
      rs.fields = [...(rs.fields ?? []), ...struct];
    }
    // `a JOIN b USING (k)` / NATURAL JOIN: `*` shows `k` once, before the other columns of the
    // sources joined, read from every side that has it (as an unqualified `k` is); `a.*` keeps it.
    const merged = new Set<string>();
    for (const src of sources) {
      const joined = star.qualifier ? [] : scope.mergedColumns(src);
      for (const [key, sides] of joined) {
        if (merged.has(key)) continue;
        merged.add(key);
        const name = (src.rs ? outputByKey(src.rs, key)?.name : src.known?.get(key)) ?? key;
        out(name, sides.filter((s) => sources.includes(s)).flatMap((s) => columnOf(ctx, s, name, star.start, star.end, key)));
      }
      // BigQuery `UNNEST(o.items) AS li`: `li.*` is the fields of the element `li`, when declared.
      const element = star.qualifier && src.rs?.structs ? this.elementFields(src.rs, star.qualifier) : undefined;
      if (element) element.fields.forEach((name) => out(name, element.from, ''));
      else if (src.rs) {
        // BigQuery `SELECT * FROM o, UNNEST(o.items) AS li`: the row `li` is a struct, `*` gives its declared fields.
        const value = star.qualifier ? undefined : src.rs.valueStruct;
        const fields = value === undefined ? undefined : src.rs.structs?.get(value);
        for (const c of src.rs.cols) {
          if (merged.has(c.key) && joined.some(([key]) => key === c.key)) continue;
          const from = { obj: src.rs.obj, col: c.col };
          if (fields && c.key === value) fields.forEach((name) => out(name, from, ''));
          else out(c.name, from);
        }
        if (src.rs.stars.length > 0) unknown({ obj: src.rs.obj, col: b.column(src.rs.obj, '*') });
      } else {
        ctx.read(src.obj);
        if (src.known) {
          for (const [key, name] of src.known) if (!joined.some(([k]) => k === key)) out(name, { obj: src.obj, col: b.column(src.obj, name, loc) });
        }
        else unknown({ obj: src.obj, col: b.column(src.obj, '*', loc) });
      }
    }
    if (opaque) {
      // Columns behind an unexpanded `*`: the modifiers still name some of them.
      for (const [key, r] of replace) if (!done.has(key)) add(r.alias.text, (to) => this.replaceValue(r.expr, scope, to, rs));
      for (const [key, to] of rename) {
        if (done.has(key)) continue;
        const from = star.rename!.find((r) => identKey(ctx.key, r.from) === key)!.from;
        add(to.text, (target) => {
          const refs: Ref[] = [];
          this.walker.walk({ k: 'col', name: { parts: [...(star.qualifier?.parts ?? []), from], start: from.start, end: from.end }, start: from.start, end: from.end }, scope, 'fdd', refs);
          this.link(refs, target, this.rowsOf(rs));
        });
      }
      const hidden = [...except, ...rename.keys()];
      if (hidden.length > 0) rs.hidden = new Set([...(rs.hidden ?? []), ...hidden]);
      // Outputs named by REPLACE / RENAME stand somewhere inside the `*`, but are listed last.
      if (replace.size + rename.size > 0) rs.starEnd = rs.cols.length;
    }
    return position;
  }

  /**
   * DuckDB / ClickHouse `COLUMNS('amount_.*')`, `max(COLUMNS(*))`: one output per column of the FROM
   * items whose name matches, the item computed with that column in the call's place (named by
   * the column, or by the item's text with the column written in). Columns of a source that are
   * unknown cannot be matched: a warning says so.
   */
  private columnsItem(item: A.SelectItem, call: A.FuncCall, scope: Scope, rs: ResultSet, rows: ColumnRef, position: number, names: string[] | undefined): number {
    const ctx = this.ctx;
    const b = ctx.b;
    const arg = call.args[0];
    const star = arg?.k === 'star' && call.args.length === 1 ? arg : undefined;
    const pattern = call.starArg || star ? undefined : arg?.k === 'lit' && arg.kind === 'string' && call.args.length === 1 ? stringText(arg) : null;
    const except = new Set((star?.except ?? []).map((i) => identKey(ctx.key, i)));
    const replace = new Map((star?.replace ?? []).map((r) => [identKey(ctx.key, r.alias), r.expr]));
    const rename = new Map((star?.rename ?? []).map((r) => [identKey(ctx.key, r.from), r.to.text]));
    const callText = ctx.text.slice(call.start, call.end);
    let matches: RegExp | undefined;
    let unsupported = pattern === null;
    if (typeof pattern === 'string') {
      try {
        matches = new RegExp(pattern);
      } catch {
        unsupported = true;
      }
    }
    const known: { name: string; from: ColumnRef }[] = [];
    const unknown: string[] = [];
    const qualified = star?.qualifier ? scope.source(ctx, star.qualifier.parts) : undefined;
    for (const src of star?.qualifier ? (qualified ? [qualified] : []) : scope.sources) {
      if (src.rs) {
        for (const c of src.rs.cols) known.push({ name: c.name, from: { obj: src.rs.obj, col: c.col } });
        if (src.rs.stars.length > 0) unknown.push(qualifiedName(src.rs.obj));
      } else {
        ctx.read(src.obj);
        if (src.known) for (const name of src.known.values()) known.push({ name, from: { obj: src.obj, col: b.column(src.obj, name, ctx.loc(call.start, call.end)) } });
        else unknown.push(qualifiedName(src.obj));
      }
    }
    if (unsupported) {
      ctx.problem('warning', call.start, `lineage of ${collapse(callText)} not traced: only COLUMNS(*), COLUMNS(* EXCLUDE (..)), COLUMNS(t.*) and COLUMNS('regex') are expanded`, 'UnsupportedConstruct');
      return position;
    }
    if (unknown.length > 0) ctx.problem('warning', call.start, `lineage of ${collapse(callText)} not traced for ${unknown.join(', ')}: its columns are unknown (give --schema or CREATE TABLE)`, 'OrphanColumn');
    const bare = item.expr === call;
    const nullLit: Expr = { k: 'lit', kind: 'null', text: 'NULL', start: call.start, end: call.end };
    const rest = mapTree(item.expr, (n) => (n === call ? nullLit : undefined)) as Expr;
    for (const m of known) {
      const key = ctx.key(m.name, false);
      const found = matches ? matches.exec(m.name) : undefined;
      if (found === null || except.has(key)) continue;
      const itemText = ctx.text.slice(item.expr.start, item.expr.end);
      const column = rename.get(key) ?? m.name;
      // `COLUMNS('(\w+)_amt') AS "\1"`: the alias written with the pattern's groups.
      const own = found && item.alias && /\\\d/.test(item.alias.text) ? item.alias.text.replace(/\\(\d)/g, (_, g: string) => found[Number(g)] ?? '')
        : bare ? column : collapse(itemText.slice(0, call.start - item.expr.start) + column + itemText.slice(call.end - item.expr.start));
      const name = (rs.starAt === undefined ? names?.[position] : undefined) ?? own;
      position++;
      const col = b.newColumn(rs.obj, name, ctx.loc(item.start, item.end));
      rs.cols.push({ name, key: ctx.key(name, false), col });
      // `COLUMNS(* REPLACE (amount * fx AS amount))`: that column's value is the expression's.
      const replaced = replace.get(key);
      const refs: Ref[] = replaced ? [] : [{ ref: m.from, type: 'fdd', clause: 'selectList', loc: ctx.loc(call.start, call.end) }];
      if (replaced) this.walker.walk(replaced, scope, 'fdd', refs, 'selectList');
      if (!bare) this.walker.walk(rest, scope, 'fdd', refs, 'selectList');
      this.link(refs, { obj: rs.obj, col }, rows, undefined, item.expr);
    }
    return position;
  }

  /** `* REPLACE (expr AS c)`: the output `c` is the expression's value. */
  private replaceValue(e: Expr, scope: Scope, to: ColumnRef, rs: ResultSet): void {
    const refs: Ref[] = [];
    this.walker.walk(e, scope, 'fdd', refs, 'selectList');
    this.link(refs, to, this.rowsOf(rs), undefined, e);
  }

  /** Add a FROM item's sources to `scope`; join conditions feed `rows`. */
  addSource(ref: TableRef, scope: Scope, rows: ColumnRef): void {
    const ctx = this.ctx;
    const b = ctx.b;
    switch (ref.k) {
      case 'table': {
        const parts = ref.name.parts;
        const alias = ref.alias ? identKey(ctx.key, ref.alias) : undefined;
        if (parts.length === 1) {
          const cte = scope.cte(identKey(ctx.key, parts[0]!));
          if (cte) {
            scope.sources.push({ names: [alias ?? identKey(ctx.key, parts[0]!)], obj: cte.obj, rs: cte });
            this.propagateRows(cte, rows);
            return;
          }
        }
        if (parts.length > 1 && ctx.dialect.semantics.fromPaths && scope.sources.some((src) => src.names.includes(identKey(ctx.key, parts[0]!)))) {
          // `FROM orders o, o.items i`: the elements of o's column, as `UNNEST(o.items) i`.
          const at = { start: ref.start, end: ref.end };
          const unnest: A.FuncCall = { k: 'func', name: { parts: [{ text: 'UNNEST', quoted: false, ...at }], ...at }, args: [{ k: 'col', name: ref.name, ...at }], ...at };
          this.addSource({ k: 'tfunc', func: unnest, alias: ref.alias, columnAliases: ref.columnAliases, ordinality: ref.ordinality, ...at }, scope, rows);
          return;
        }
        scope.sources.push(datasetSource(ctx, ref.name, ref.alias, ref.start, ref.end));
        return;
      }
      case 'derived': {
        const alias = ref.alias?.text;
        const name = `RESULT_OF_${alias ?? `SUBQUERY-${b.count('SUBQUERY')}`}`;
        const target = queryTarget('select_list', name, true, texts(ref.columnAliases));
        const sub = ref.dml && this.composedDml ? this.composedDml(ref.dml, ref, target) : this.query(ref.query, ref.lateral ? scope : scope.parent, target);
        scope.sources.push({ names: ref.alias ? [identKey(ctx.key, ref.alias)] : [], obj: sub.obj, rs: sub });
        this.propagateRows(sub, rows);
        return;
      }
      case 'join': {
        const first = scope.sources.length;
        this.addSource(ref.left, scope, rows);
        const middle = scope.sources.length;
        // CROSS/OUTER APPLY: the right side sees the left (`CROSS APPLY (VALUES (m.a), (m.b)) v(c)`).
        const right = ref.kind.endsWith('apply') && ref.right.k === 'derived' ? { ...ref.right, lateral: true } : ref.right;
        this.addSource(right, scope, rows);
        // A semi / anti join outputs one side's columns only; the other side only filters.
        const semi = /^(right-)?(semi|anti)$/.exec(ref.kind);
        if (semi) for (const src of semi[1] ? scope.sources.slice(first, middle) : scope.sources.slice(middle)) src.filterOnly = true;
        this.condition(ref.on, scope, rows, 'joinCondition');
        if (ref.on && ctx.options.relationTypes.includes('join')) this.joinPairs(ref.on, scope, { joinType: ref.kind.replace(/-/g, ' ').toLowerCase(), clause: 'on', condition: collapse(ctx.text.slice(ref.on.start, ref.on.end)) });
        const using = ref.natural ? this.naturalColumns(scope.sources.slice(first, middle), scope.sources.slice(middle), ref) : ref.using ?? [];
        for (const u of using) {
          scope.addUsing(identKey(ctx.key, u), [scope.sources.slice(first, middle), scope.sources.slice(middle)]);
          this.condition({ k: 'col', name: { parts: [u], start: u.start, end: u.end }, start: u.start, end: u.end }, scope, rows, 'joinCondition');
        }
        return;
      }
      case 'tfunc': {
        const named = streamTable(ref);
        if (named) return this.addSource(named, scope, rows);
        const table = tableOf(ctx, ref);
        if (table !== ref) {
          if (table) this.addSource(table, scope, rows);
          return;
        }
        const defined = definedTable(ctx, ref);
        if (defined) {
          this.addSource(defined.table, scope, rows);
          // Its arguments choose the rows it returns (`CROSS APPLY dbo.f(c.id)`), as a join condition.
          for (const a of defined.args) this.condition(a, scope, rows, 'joinCondition');
          return;
        }
        const file = fileRead(ref);
        if (file !== undefined) {
          // `FROM read_parquet('s3://b/x/*.parquet')`: the file is a dataset named by its path, its columns unknown.
          const obj = b.dataset(`path:${file}`, 'table', file, undefined, undefined, ctx.loc(ref.start, ref.end));
          ctx.read(obj);
          scope.sources.push({ names: ref.alias ? [identKey(ctx.key, ref.alias)] : [], obj });
          return;
        }
        const model = modelFunction(ref);
        if (model) {
          const input = new Scope(scope.parent);
          this.addSource(model.input, input, rows);
          this.operator(model.op, input, scope, ref.alias, rows, ref);
          return;
        }
        this.operator(tableFunctionOperator(ref, ctx.dialect.semantics.tableFunctionColumns), scope, scope, ref.alias, rows, ref);
        return;
      }
      case 'values': {
        const rs = this.values(
          { k: 'values_q', rows: ref.rows, start: ref.start, end: ref.end },
          scope,
          queryTarget('select_list', `RESULT_OF_${ref.alias?.text ?? 'VALUES'}`, true, texts(ref.columnAliases)),
        );
        scope.sources.push({ names: ref.alias ? [identKey(ctx.key, ref.alias)] : [], obj: rs.obj, rs });
        return;
      }
      case 'pivot': {
        const input = new Scope(scope.parent);
        this.addSource(ref.source, input, rows);
        const n = b.count('PIVOT');
        const op = ref.unpivot ? unpivotOperator(ref, n) : pivotOperator(ref, ctx.text, n, ctx.dialect.semantics.pivotAggregateFirst);
        this.operator(op, input, scope, ref.alias, rows, ref);
        return;
      }
      case 'match_recognize': {
        const input = new Scope(scope.parent);
        this.addSource(ref.source, input, rows);
        // Pattern variables qualify the input's rows (`A.price`, `FIRST(B.ts)`).
        const vars = ref.variables.map((v) => identKey(ctx.key, v));
        if (input.sources.length === 1) input.sources[0] = { ...input.sources[0]!, names: [...input.sources[0]!.names, ...vars] };
        this.operator(matchRecognizeOperator(ref, ctx.text, b.count('MATCH_RECOGNIZE')), input, scope, ref.alias, rows, ref);
        return;
      }
      default:
        return assertNever(ref, 'table reference');
    }
  }

  /** NATURAL JOIN: the columns both sides are known to have, joined as by USING (at the join). */
  private naturalColumns(left: Source[], right: Source[], at: A.Node): A.Ident[] {
    const names = (srcs: Source[]) => {
      const out = new Map<string, string>();
      for (const s of srcs) {
        if (s.rs) for (const c of s.rs.cols) out.set(c.key, c.name);
        else for (const [key, name] of s.known ?? []) out.set(key, name);
      }
      return out;
    };
    const l = names(left);
    return [...names(right)].filter(([key]) => l.has(key)).map(([, text]) => ({ text, quoted: false, start: at.start, end: at.end }));
  }

  /**
   * A table operator's result set (see operators.ts): pass-through columns of the input, then the
   * outputs, renamed by position by a column alias list; added to `scope` under `alias`.
   */
  operator(op: TableOperator, input: Scope, scope: Scope, alias: A.Ident | undefined, rows: ColumnRef, at: A.Node): ResultSet {
    const ctx = this.ctx;
    const b = ctx.b;
    const rs = this.newResultSet(queryTarget(op.type, op.name, true), at.start, at.end);
    rs.opaque = op.opaque;
    // An input column named like an output is replaced by it (UNPIVOT's value column), never passed through.
    const consumed = new Set([...op.consumed, ...op.outputs.map((o) => o.name)].map((c) => ctx.key(c, false)));
    const passed: { name: string; from: ColumnRef }[] = [];
    if (op.passThrough) {
      for (const src of input.sources) {
        if (src.rs) {
          for (const c of src.rs.cols) if (!consumed.has(c.key)) passed.push({ name: c.name, from: { obj: src.rs.obj, col: c.col } });
          if (src.rs.stars.length > 0) rs.stars.push({ obj: src.rs.obj, col: b.column(src.rs.obj, '*') });
        } else if (src.known) {
          ctx.read(src.obj);
          for (const [key, name] of src.known) if (!consumed.has(key)) passed.push({ name, from: { obj: src.obj, col: b.column(src.obj, name) } });
        } else {
          ctx.read(src.obj);
          rs.stars.push({ obj: src.obj, col: b.column(src.obj, '*') });
        }
      }
      if (consumed.size > 0) rs.hidden = consumed;
      for (const star of rs.stars) b.edge('fdd', this.effect, star, { obj: rs.obj, col: b.column(rs.obj, '*') }, this.pid);
    }
    const names = [...passed.map((p) => p.name), ...op.outputs.map((o) => o.name)];
    const aliases = op.columnAliases ?? [];
    // With every input column known, the list names them all; else it names the outputs from the end.
    const offset = aliases.length === names.length && rs.stars.length === 0 ? 0 : names.length - aliases.length;
    const shown = names.map((nm, i) => (i >= offset && aliases[i - offset] !== undefined ? aliases[i - offset]! : nm));
    const loc = ctx.loc(at.start, at.end);
    passed.forEach((p, i) => {
      const col = b.newColumn(rs.obj, shown[i]!, loc);
      rs.cols.push({ name: shown[i]!, key: ctx.key(shown[i]!, false), col });
      b.edge('fdd', this.effect, p.from, { obj: rs.obj, col }, this.pid);
    });
    op.outputs.forEach((o, i) => {
      const name = shown[passed.length + i]!;
      const col = b.newColumn(rs.obj, name, ctx.loc(o.at.start, o.at.end));
      rs.cols.push({ name, key: ctx.key(name, false), col });
      const refs: Ref[] = [];
      for (const e of o.direct) this.walker.walk(e, input, 'fdd', refs);
      const decide: Ref[] = [];
      for (const e of o.indirect) this.walker.walk(e, input, 'fdr', decide);
      for (const r of decide) r.type = 'fdr';
      this.link([...refs, ...decide], { obj: rs.obj, col }, this.rowsOf(rs));
      if (o.element && refs.length === 1) {
        this.passStruct(rs, name, refs[0]!.ref);
        if (op.elementRows && ctx.dialect.semantics.valueTableStars) rs.valueStruct = ctx.key(name, false);
      }
    });
    if (op.fields) {
      const refs: Ref[] = [];
      for (const e of op.fields) this.walker.walk(e, input, 'fdd', refs);
      rs.fields = refs.filter((r) => !r.toRows && r.type === 'fdd').map((r) => r.ref);
      // What decides the elements decides each field read of them too (PL/SQL `TABLE(v_ids)` of a
      // collection filled by a filtered BULK COLLECT: its WHERE, as for `v_ids(i)` and cursor records).
      const deciders = refs.filter((r) => !r.toRows && r.type === 'fdr').map((r) => r.ref);
      if (deciders.length > 0) rs.deciders = deciders;
      if (op.fieldColumns) rs.fieldColumns = true;
    }
    if (op.open) {
      // Its `*` stands for the columns the data names; a column asked by name is one of them.
      const refs: Ref[] = [];
      for (const e of op.open.direct) this.walker.walk(e, input, 'fdd', refs);
      const decide: Ref[] = [];
      for (const e of op.open.indirect) this.walker.walk(e, input, 'fdr', decide);
      for (const r of decide) r.type = 'fdr';
      const star = { obj: rs.obj, col: b.column(rs.obj, '*', ctx.loc(at.start, at.end)) };
      this.link([...refs, ...decide], star, this.rowsOf(rs));
      rs.stars.push(star);
      rs.fields = refs.filter((r) => !r.toRows && r.type === 'fdd').map((r) => r.ref);
      rs.deciders = decide.filter((r) => !r.toRows).map((r) => r.ref);
    }
    if (op.rows?.length) {
      const decide: Ref[] = [];
      for (const e of op.rows) this.walker.walk(e, input, 'fdr', decide);
      for (const r of decide) r.type = 'fdr';
      this.link(decide, undefined, this.rowsOf(rs));
    }
    scope.sources.push({ names: alias ? [identKey(ctx.key, alias)] : [], obj: rs.obj, rs });
    this.propagateRows(rs, rows);
    return rs;
  }

  /** Pairs of columns compared with `=` in a join condition (relation type `join`). */
  private joinPairs(on: Expr, scope: Scope, join: JoinInfo): void {
    const visit = (e: Expr): void => {
      if (e.k !== 'op') return;
      if (e.op === 'AND' || e.op === 'OR') return e.args.forEach(visit);
      if (e.op !== '=' || e.args.length !== 2) return;
      const l: Ref[] = [];
      const r: Ref[] = [];
      this.walker.walk(e.args[0], scope, 'join', l, 'joinCondition');
      this.walker.walk(e.args[1], scope, 'join', r, 'joinCondition');
      for (const a of l) for (const c of r) this.ctx.b.edge('join', this.effect, a.ref, c.ref, this.pid, { clauseType: 'joinCondition', join });
    };
    visit(on);
  }

  private propagateRows(from: ResultSet, rows: ColumnRef): void {
    this.ctx.b.edge('fdd', this.effect, this.rowsOf(from), rows, this.pid);
  }

  setop(q: SetOp, parent: Scope | undefined, target: QueryTarget): ResultSet {
    const branches: Query[] = [];
    const flatten = (x: Query) => {
      if (x.k === 'setop' && !x.with) {
        flatten(x.left);
        flatten(x.right);
      } else branches.push(x);
    };
    flatten(q.left);
    flatten(q.right);
    const rs = this.newResultSet(target, q.start, q.end);
    const b = this.ctx.b;
    const effect = this.effect;
    branches.forEach((br, i) => {
      const part = this.query(br, parent, queryTarget('select_list', `${target.name}-${i + 1}`, true));
      // Branches line up by position: a `*` of unknown width in the first one places the outputs after it from the end.
      if (i === 0 && part.starAt !== undefined) {
        rs.starAt = part.starAt;
        rs.starEnd = part.starEnd;
      }
      part.cols.forEach((c, j) => {
        let t: OutCol | undefined = rs.cols[j];
        if (!t) {
          const name = (rs.starAt === undefined ? target.columnNames?.[j] : undefined) ?? c.name;
          t = { name, key: this.ctx.key(name, false), col: b.newColumn(rs.obj, name) };
          rs.cols.push(t);
        }
        b.edge('fdd', effect, { obj: part.obj, col: c.col }, { obj: rs.obj, col: t.col }, this.pid);
      });
      if (part.stars.length > 0) {
        const star = b.column(rs.obj, '*');
        b.edge('fdd', effect, { obj: part.obj, col: b.column(part.obj, '*') }, { obj: rs.obj, col: star }, this.pid);
        rs.stars.push({ obj: part.obj, col: b.column(part.obj, '*') });
      }
      this.propagateRows(part, this.rowsOf(rs));
    });
    if (target.columnNames && rs.starAt !== undefined) this.nameFromEnd(rs, target.columnNames);
    return rs;
  }

  values(q: ValuesQuery, scope: Scope | undefined, target: QueryTarget): ResultSet {
    const rs = this.newResultSet(target, q.start, q.end);
    const width = Math.max(0, ...q.rows.map((r) => r.length));
    const inner = new Scope(scope);
    for (let j = 0; j < width; j++) {
      const name = target.columnNames?.[j] ?? `column${j + 1}`;
      const col = this.ctx.b.newColumn(rs.obj, name);
      rs.cols.push({ name, key: this.ctx.key(name, false), col });
      for (const row of q.rows) {
        const refs: Ref[] = [];
        this.walker.walk(row[j], inner, 'fdd', refs);
        this.link(refs, { obj: rs.obj, col }, this.rowsOf(rs));
      }
    }
    return rs;
  }
}

/** `f(args)` of a table function defined earlier (its catalog entry): read as a table; no alias list. */
function definedTable(ctx: Context, ref: A.TableFunction): { table: A.TableName; args: A.Expr[] } | undefined {
  const func = calledFunction(ref);
  if (ref.columnAliases?.length || ref.withColumns?.length || func.columns?.length) return undefined;
  const t = qualify(ctx, func.name);
  if (ctx.catalog.get(t)?.kind !== 'function' && !ctx.openFunctions.has(tableKey(ctx.key, t))) return undefined;
  return { table: { k: 'table', name: func.name, alias: ref.alias, start: ref.start, end: ref.end }, args: func.args };
}

/**
 * A call in FROM that stands for a table: Databricks `STREAM(bronze.events)` (the table read as a
 * stream). `IDENTIFIER('db.s.t')` is made the table it names by the grammar (query.ts `namedTable`).
 */
function streamTable(ref: A.TableFunction): A.TableName | undefined {
  const f = ref.func;
  const arg = f.args[0];
  if (oneWord(f.name) !== 'STREAM' || f.args.length !== 1 || arg?.k !== 'col') return undefined;
  return { k: 'table', name: arg.name, alias: ref.alias, columnAliases: ref.columnAliases, start: ref.start, end: ref.end };
}

/** Table functions that read files (DuckDB `read_csv_auto('f.csv')`, ClickHouse `s3('..')`): the rows are the file's. */
const FILE_READERS = new Set([
  'READ_CSV', 'READ_CSV_AUTO', 'READ_PARQUET', 'PARQUET_SCAN', 'READ_JSON', 'READ_JSON_AUTO', 'READ_NDJSON', 'READ_NDJSON_AUTO',
  'READ_XLSX', 'DELTA_SCAN', 'ICEBERG_SCAN', 'S3', 'S3CLUSTER', 'FILE', 'URL', 'HDFS', 'READ_FILES',
]);

/** The path a file-reading table function reads, when it is written as a string. */
function fileRead(ref: A.TableFunction): string | undefined {
  const f = ref.func;
  const arg = f.args[0];
  // T-SQL `OPENROWSET(BULK 'path', ..)`.
  const bulk = arg?.k === 'op' && arg.op === 'BULK' ? arg.args[0] : undefined;
  if (bulk?.k === 'lit' && /^OPENROWSET$/i.test(f.name.parts[f.name.parts.length - 1]!.text)) return stringText(bulk);
  if (!FILE_READERS.has(oneWord(f.name))) return undefined;
  if (arg?.k !== 'lit' || arg.kind !== 'string') return undefined;
  return stringText(arg);
}

/** The value of a string literal (`'it''s'` → `it's`; a prefix such as `E'..'` left out). */
function stringText(lit: Expr & { k: 'lit' }): string {
  return lit.text.slice(lit.text.indexOf("'") + 1, -1).replace(/''/g, "'");
}

/** A CTE whose body reads its own name: recursive, whether or not the dialect writes RECURSIVE (T-SQL, Oracle, Db2). */
function readsItself(cte: A.Cte, key: Parameters<typeof identKey>[0]): boolean {
  if (!cte.query || cte.query.k !== 'setop') return false;
  const own = identKey(key, cte.name);
  let found = false;
  forEachNode(cte.query, (n) => {
    if (found) return false;
    const ref = n as A.TableRef;
    if (ref.k === 'table' && ref.name.parts.length === 1 && identKey(key, ref.name.parts[0]!) === own) found = true;
    return !found;
  });
  return found;
}

/** The output names of a recursive CTE's anchor (its first branch), when every item has one. */
function anchorNames(q: Query): string[] | undefined {
  let first = q;
  while (first.k === 'setop') first = first.left;
  if (first.k !== 'select') return undefined;
  const names: string[] = [];
  for (const item of first.items) {
    const name = item.alias?.text ?? (item.expr.k === 'col' ? item.expr.name.parts[item.expr.name.parts.length - 1]!.text : undefined);
    if (name === undefined) return undefined;
    names.push(name);
  }
  return names;
}
