/**
 * Procedural code in the resolver: routines and blocks give the statements inside them their
 * procedure name and the variables in scope (never tables or columns); control-flow conditions,
 * assignments and cursor declarations are analyzed for the tables their queries read; loop records
 * (`FOR r IN (SELECT ...)`, `FOR r IN cursor`) and trigger pseudo rows (T-SQL `inserted`/`deleted`,
 * PL/SQL `:NEW`/`:OLD`) become reads of the query / the trigger's table, so `r.col` and
 * `:NEW.col` carry column lineage.
 */
import type * as A from '../ast/nodes.js';
import type { Context } from './context.js';

/** What this module needs of the statement resolver. */
export interface StatementRunner {
  statement(s: A.Statement): void;
}

/** A rewrite of the statements inside a body: expressions (records, trigger rows) and table names. */
interface Rewrite {
  expr?: (e: A.Expr) => A.Expr | undefined;
  table?: (t: A.TableName) => A.TableName | undefined;
}

export class ProceduralResolver {
  /** Cursor queries by lower-case name (for `FOR r IN c LOOP`). */
  private readonly cursors = new Map<string, A.Query>();
  /** Active rewrites of the enclosing blocks, innermost last. */
  private readonly rewrites: Rewrite[] = [];

  constructor(
    private readonly ctx: Context,
    private readonly runner: StatementRunner,
  ) {}

  statement(s: A.BlockStmt | A.CursorStmt | A.AssignStmt): void {
    switch (s.k) {
      case 'block':
        return this.block(s);
      case 'cursor':
        this.cursors.set(s.name.text.toLowerCase(), s.query);
        return this.runner.statement(this.rewrite({ k: 'query', query: s.query, start: s.start, end: s.end }));
      case 'assign':
        return this.reads(s.value, s);
    }
  }

  private block(s: A.BlockStmt): void {
    const ctx = this.ctx;
    const savedName = ctx.procedureName;
    const savedVars = ctx.variables;
    const depth = this.rewrites.length;
    if (s.name) ctx.procedureName = s.name.parts.map((p) => p.text).join('.');
    if (s.variables.length > 0) ctx.variables = new Set([...savedVars, ...s.variables.map((v) => v.toLowerCase())]);
    try {
      for (const c of s.conditions ?? []) this.reads(c, s);
      if (s.triggerTable) this.rewrites.push(triggerRows(s.triggerTable));
      if (s.record) {
        const query = s.record.query ?? (s.record.cursor ? this.cursors.get(s.record.cursor.toLowerCase()) : undefined);
        if (s.record.query) this.runner.statement(this.rewrite({ k: 'query', query: s.record.query, start: s.record.query.start, end: s.record.query.end }));
        if (query) this.rewrites.push(recordFields(s.record.name, query));
      }
      for (const b of s.body) this.runner.statement(this.rewrite(b));
    } finally {
      ctx.procedureName = savedName;
      ctx.variables = savedVars;
      this.rewrites.length = depth;
    }
  }

  /** The queries an expression runs (IF EXISTS (...), SET @v = (SELECT ...)) as statements of their own. */
  private reads(e: A.Expr, at: A.Node): void {
    for (const q of subqueries(e)) this.runner.statement(this.rewrite({ k: 'query', query: q, start: q.start ?? at.start, end: q.end ?? at.end }));
  }

  /** Apply the active rewrites to a statement of a body (blocks are rewritten when they run). */
  private rewrite<S extends A.Statement>(s: S): S {
    if (this.rewrites.length === 0 || s.k === 'block') return s;
    const rs = this.rewrites;
    const first = <T>(pick: (r: Rewrite) => ((x: T) => T | undefined) | undefined) => (x: T): T | undefined => {
      for (let i = rs.length - 1; i >= 0; i--) {
        const y = pick(rs[i]!)?.(x);
        if (y) return y;
      }
      return undefined;
    };
    return mapTree(s, { expr: first<A.Expr>((r) => r.expr), table: first<A.TableName>((r) => r.table) }) as S;
  }
}

// ---------------------------------------------------------------- rewrites

function ident(text: string, at: A.Node): A.Ident {
  return { text, quoted: false, start: at.start, end: at.end };
}

/** `(SELECT col FROM source)`: reading `col` of `source` where a value is expected. */
function scalarRead(col: A.Ident, source: A.TableRef, at: A.Node): A.SubqueryExpr {
  const item: A.SelectItem = { expr: { k: 'col', name: { parts: [col], start: col.start, end: col.end }, start: col.start, end: col.end }, start: at.start, end: at.end };
  const query: A.Select = { k: 'select', items: [item], from: [source], groupBy: [], start: at.start, end: at.end };
  return { k: 'subquery', mode: 'scalar', query, start: at.start, end: at.end };
}

/** `r.col` of a loop record reads `col` of the loop's query. */
function recordFields(name: string, query: A.Query): Rewrite {
  const key = name.toLowerCase();
  return {
    expr: (e) => {
      if (e.k !== 'col' || e.name.parts.length !== 2 || e.name.parts[0]!.text.toLowerCase() !== key) return undefined;
      const source: A.DerivedTable = { k: 'derived', query, alias: ident(name, e), start: e.start, end: e.end };
      return scalarRead(e.name.parts[1]!, source, e);
    },
  };
}

/**
 * Trigger rows read the trigger's table: PL/SQL `:NEW.col` / `:OLD.col`, and the T-SQL pseudo
 * tables `inserted` / `deleted` in FROM (renamed, their name kept as the alias).
 */
function triggerRows(table: A.QName): Rewrite {
  return {
    expr: (e) => {
      if (e.k !== 'op' || e.op !== '.' || e.args.length !== 2) return undefined;
      const [base, field] = e.args;
      if (base?.k !== 'var' || !/^:(new|old)$/i.test(base.name) || field?.k !== 'lit') return undefined;
      const source: A.TableName = { k: 'table', name: table, start: e.start, end: e.end };
      return scalarRead(ident(field.text, field), source, e);
    },
    table: (t) => {
      if (t.name.parts.length !== 1 || !/^(inserted|deleted)$/i.test(t.name.parts[0]!.text)) return undefined;
      return { ...t, name: { ...table, start: t.name.start, end: t.name.end }, alias: t.alias ?? t.name.parts[0] };
    },
  };
}

/** A copy of `node` with expressions and table names replaced; unchanged subtrees are shared. */
function mapTree(node: unknown, fns: { expr: (e: A.Expr) => A.Expr | undefined; table: (t: A.TableName) => A.TableName | undefined }): unknown {
  if (Array.isArray(node)) {
    let out: unknown[] | undefined;
    node.forEach((x, i) => {
      const y = mapTree(x, fns);
      if (y !== x) (out ??= node.slice())[i] = y;
    });
    return out ?? node;
  }
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  if (typeof obj.k === 'string') {
    if (EXPR_KINDS.has(obj.k)) {
      const r = fns.expr(obj as unknown as A.Expr);
      if (r) return r;
    } else if (obj.k === 'table') {
      const r = fns.table(obj as unknown as A.TableName);
      if (r) return r;
    }
  }
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (v === null || typeof v !== 'object') continue;
    const y = mapTree(v, fns);
    if (y !== v) (out ??= { ...obj })[key] = y;
  }
  return out ?? node;
}

const EXPR_KINDS = new Set(['col', 'star', 'lit', 'var', 'func', 'case', 'subquery', 'op', 'cast']);

/** Top-level subqueries of an expression (not those nested inside them). */
function subqueries(e: A.Expr | undefined, out: A.Query[] = []): A.Query[] {
  if (!e) return out;
  switch (e.k) {
    case 'subquery':
      subqueries(e.left, out);
      out.push(e.query);
      break;
    case 'op':
      for (const a of e.args) subqueries(a, out);
      break;
    case 'func':
      for (const a of e.args) subqueries(a, out);
      break;
    case 'cast':
      subqueries(e.expr, out);
      break;
    case 'case':
      subqueries(e.operand, out);
      for (const w of e.whens) {
        subqueries(w.cond, out);
        subqueries(w.result, out);
      }
      subqueries(e.else, out);
      break;
  }
  return out;
}

