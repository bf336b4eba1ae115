/**
 * Procedural code in the resolver.
 *
 * - Routines and blocks give the statements inside them their procedure name and the variables
 *   in scope (never tables or columns).
 * - Control-flow conditions, assignments and cursor declarations are analyzed for the tables
 *   their queries read.
 * - What a variable holds is remembered where it is set (`SELECT @v = col`, `SET @v = (SELECT
 *   ...)`, `SELECT col INTO v`, `FETCH c INTO v`, BULK COLLECT) and substituted where it is used,
 *   as the scalar subquery it came from; so are loop records (`FOR r IN (SELECT ...)`, `FOR r IN
 *   cursor`: `r.col`) and trigger rows (T-SQL `inserted`/`deleted`, PL/SQL `:NEW.col`/`:OLD.col`
 *   read the trigger's table). Column lineage thus flows through variables without variables
 *   ever becoming objects of the graph.
 * - T-SQL OUTPUT ... INTO is an INSERT of its own; table hints without WITH (the dialect's
 *   `bareTableHints`) are normalized before analysis.
 */
import type * as A from '../ast/nodes.js';
import { exprChildren, forEachNode, mapTree } from '../ast/walk.js';
import type { Semantics } from '../dialects/spec.js';
import type { Context, FileAt } from './context.js';
import { outputRows } from './output.js';
import { qualify } from './tables.js';
import { selectAll, tableOfName } from '../../grammars/build.js';

/** What this module needs of the statement resolver. */
export interface StatementRunner {
  statement(s: A.Statement): void;
}

/** What the statements of a routine know of its variables, records, cursors and trigger rows. */
interface Frame {
  /** Variable → the expression its value comes from (always holding a subquery). */
  values: Map<string, A.Expr>;
  /** Record or collection of rows (loop record, `SELECT * INTO rec`, `FETCH c INTO rec`) → its query. */
  records: Map<string, A.Query>;
  /** Cursor → its query. */
  cursors: Map<string, A.Query>;
  /** Table of the trigger being analyzed (T-SQL `inserted`/`deleted`, PL/SQL `:NEW`/`:OLD`). */
  trigger?: A.QName;
  /** Qualifiers that read the trigger's table (`NEW.col`, `OLD.col`, REFERENCING names). */
  rows?: Set<string>;
  /** Table function being analyzed: the rows its queries return are its columns. */
  returning?: { name: A.QName; columns?: A.Ident[] };
}

const frame = (cursors?: Map<string, A.Query>): Frame => ({ values: new Map(), records: new Map(), cursors: new Map(cursors) });

export class ProceduralResolver {
  private frame = frame();
  private file = -1;
  /**
   * PostgreSQL trigger functions of the run so far (lower-cased name → function and the file it
   * is in), analyzed where a trigger runs them, in that file or a later one.
   */
  private triggerFunctions = new Map<string, { fn: A.BlockStmt; bound: boolean; at: FileAt }>();

  constructor(
    private readonly ctx: Context,
    private readonly runner: StatementRunner,
  ) {}

  /**
   * Every statement passes here before it is analyzed: keyword forms are normalized, variables,
   * record fields and trigger rows are replaced by what they read, and the variables the
   * statement sets are recorded. An assignment keeps its own text (its reads are its own queries).
   */
  prepare(s: A.Statement): A.Statement {
    const ctx = this.ctx;
    if (ctx.file !== this.file) {
      this.file = ctx.file;
      this.frame = frame();
      ctx.variables = new Set();
    }
    let out = keywordForms(s, ctx.text, ctx.dialect.semantics);
    if (out.k === 'insert' && out.record) {
      // A record filled field by field (`l_row.a := ..`): a row of those fields, into the target's columns of their names.
      const row = this.recordRow(out.record);
      const fields = row || out.record.k !== 'col' || out.record.name.parts.length !== 1 ? [] : this.fieldItems(out.record.name.parts[0]!.text, out.record);
      if (row || fields.length === 0) out = { ...out, source: row, record: undefined };
      else {
        const source: A.Select = { k: 'select', items: fields, from: [], groupBy: [], start: out.record.start, end: out.record.end };
        out = { ...out, columns: out.columns ?? fields.map((f) => f.alias!), source, record: undefined };
      }
    }
    else if (out.k === 'update' && ctx.dialect.semantics.recordRows) {
      // `UPDATE t SET ROW = rec`: the record is the whole row.
      const set = out.sets.length === 1 ? out.sets[0]! : undefined;
      const col = set?.columns.length === 1 && set.columns[0]!.parts.length === 1 ? set.columns[0]!.parts[0]! : undefined;
      if (col && !col.quoted && col.text.toUpperCase() === 'ROW') {
        const row = this.recordRow(set!.value);
        if (row) out = { ...out, sets: [], row };
      }
    }
    const f = this.frame;
    if ((out.k === 'update' || out.k === 'delete') && out.currentOf && !out.where) {
      // `WHERE CURRENT OF c`: the row c is on, one of those its FROM and WHERE choose (its select list chooses none).
      const q = f.cursors.get(out.currentOf.text.toLowerCase());
      if (q?.k === 'select') {
        const at = { start: out.currentOf.start, end: out.currentOf.end };
        const one: A.SelectItem = { expr: { k: 'lit', kind: 'number', text: '1', ...at }, ...at };
        out = { ...out, where: { k: 'subquery', mode: 'exists', query: { ...q, items: [one] }, ...at } };
      }
    }
    if (out.k !== 'block' && (f.values.size > 0 || f.records.size > 0 || f.trigger)) out = this.substitute(out);
    this.bind(out);
    return s.k === 'assign' ? s : out;
  }

  statement(s: A.BlockStmt | A.CursorStmt | A.AssignStmt): void {
    switch (s.k) {
      case 'block':
        return this.block(s);
      case 'cursor':
        // A cursor over a result set variable reads nothing more: its query ran where the variable was assigned.
        if (s.of) return;
        return this.runner.statement({ k: 'query', query: s.query, start: s.start, end: s.end });
      case 'assign':
        return this.reads(s.value, s);
    }
  }
  /**
   * A DML statement with OUTPUT clauses: the statement, then the rows each outputs, reading
   * `inserted`/`deleted` (the target table) and, for MERGE, the source: written to `t` as an
   * INSERT of its own (`OUTPUT .. INTO t`), or returned to the client as a SELECT's rows (a result
   * set `RS-n`).
   */
  output(s: A.InsertStmt | A.UpdateStmt | A.DeleteStmt | A.MergeStmt): void {
    this.runner.statement({ ...s, output: undefined });
    for (const out of s.output!) {
      const query = outputRows(this.ctx, s, out);
      if (!query) continue;
      if (out.into) this.runner.statement({ k: 'insert', target: out.into, columns: out.columns, source: query, start: out.start, end: out.end });
      else this.runner.statement({ k: 'query', query, start: out.start, end: out.end });
    }
  }

  /**
   * The trigger functions of the run that no trigger ran: analyzed as they are (their NEW.col
   * reads nothing), each once, in its own file. Called at the end of the run.
   */
  unboundTriggerFunctions(): { stmt: A.BlockStmt; at: FileAt }[] {
    const left = [...new Set(this.triggerFunctions.values())].filter((e) => !e.bound).map((e) => ({ stmt: { ...e.fn, triggerFunction: undefined }, at: e.at }));
    this.triggerFunctions.clear();
    return left;
  }

  /** `CREATE TRIGGER .. ON table .. EXECUTE FUNCTION call()`: the function's body, its NEW / OLD bound to the table. */
  private runTriggerFunction(call: A.QName, table: A.QName): void {
    const entry = this.triggerFunctions.get(routineKey(call)) ?? this.triggerFunctions.get(routineKey(call, true));
    if (!entry) return;
    entry.bound = true;
    this.ctx.inFile(entry.at, () => this.runner.statement({ ...entry.fn, triggerFunction: undefined, triggerTable: table, triggerRows: ['new', 'old'] }));
  }

  private block(s: A.BlockStmt): void {
    if (s.triggerFunction && s.name) {
      // Analyzed where a trigger runs it (or at the end of the run): only there is NEW's table known.
      const entry = { fn: s, bound: false, at: this.ctx.here() };
      this.triggerFunctions.set(routineKey(s.name), entry);
      if (s.name.parts.length > 1) this.triggerFunctions.set(routineKey(s.name, true), entry);
      return;
    }
    const ctx = this.ctx;
    const savedName = ctx.procedureName;
    const savedVars = ctx.variables;
    const saved = this.frame;
    if (s.name) {
      ctx.procedureName = s.name.parts.map((p) => p.text).join('.');
      // A routine starts knowing nothing of its variables (cursors of a package stay visible).
      this.frame = { ...frame(saved.cursors), trigger: s.triggerTable, rows: s.triggerRows && new Set(s.triggerRows) };
      if (s.kind === 'function' && s.returnsTable) this.frame.returning = { name: s.name, columns: this.returnColumns(s.returnsTable) };
    }
    if (s.variables.length > 0) ctx.variables = new Set([...savedVars, ...s.variables.map((v) => v.toLowerCase())]);
    const record = s.record?.name.toLowerCase();
    const shadowed = record !== undefined ? this.frame.records.get(record) : undefined;
    try {
      for (const c of s.conditions ?? []) this.reads(c, s);
      if (s.record) {
        const query = s.record.query ?? (s.record.cursor ? this.frame.cursors.get(s.record.cursor.toLowerCase()) : undefined);
        if (s.record.query) this.runner.statement({ k: 'query', query: s.record.query, start: s.record.query.start, end: s.record.query.end });
        if (query) this.frame.records.set(record!, query);
      }
      for (const b of s.body) {
        this.runner.statement(this.returned(b));
        if (s.kind === 'trigger' && s.triggerTable && b.k === 'other' && b.call) this.runTriggerFunction(b.call, s.triggerTable);
      }
      const variable = s.name && s.returnsTable?.variable;
      if (variable) this.runner.statement(this.returned(rowsOfTable(variable)));
    } finally {
      ctx.procedureName = savedName;
      // A DECLARE's variables stay in scope to the end of the enclosing block.
      if (!s.declaration) ctx.variables = savedVars;
      if (s.name) this.frame = saved;
      else if (record !== undefined) {
        if (shadowed) this.frame.records.set(record, shadowed);
        else this.frame.records.delete(record);
      }
    }
  }

  /** Declared columns of a table function's rows: its column list, or those of its `SETOF` table when known. */
  private returnColumns(r: A.TableReturn): A.Ident[] | undefined {
    if (r.columns) return r.columns;
    const of = r.rowsOf;
    const known = of && this.ctx.catalog.get(qualify(this.ctx, of));
    return known?.columns.map((text) => ({ text, quoted: false, start: of!.start, end: of!.end }));
  }

  /**
   * In a table function, a query returning rows (not assigning variables) defines the function's
   * columns, as a view: `FROM f(args)` later reads them.
   */
  private returned(s: A.Statement): A.Statement {
    const r = this.frame.returning;
    if (!r || s.k !== 'query' || !returnsRows(s.query)) return s;
    return { k: 'create_view', name: r.name, columns: r.columns, query: this.recordFields(s.query), tableFunction: true, start: s.start, end: s.end };
  }

  /**
   * `INSERT INTO t VALUES rec` / `VALUES coll(i)`, `UPDATE t SET ROW = rec`: every column of the query that filled the record
   * (`SELECT * INTO rec`, `FETCH c INTO rec`, `BULK COLLECT INTO coll`); nothing when it is not known.
   */
  private recordRow(e: A.Expr): A.Query | undefined {
    const name = e.k === 'col' || (e.k === 'func' && !e.over) ? e.name.parts : undefined;
    const rec = name?.length === 1 ? this.frame.records.get(name[0]!.text.toLowerCase()) : undefined;
    return rec && selectAll([{ k: 'derived', query: rec, alias: name![0], start: e.start, end: e.end }], e, e.start, e.end);
  }

  /** `PIPE ROW (l_row)` / `RETURN NEXT l_row` of a record whose fields were assigned: a row of those fields. */
  private recordFields(q: A.Query): A.Query {
    const item = q.k === 'select' && q.items.length === 1 ? q.items[0]! : undefined;
    if (item?.expr.k !== 'col' || item.expr.name.parts.length !== 1) return q;
    const items = this.fieldItems(item.expr.name.parts[0]!.text, item);
    return items.length === 0 ? q : { ...(q as A.Select), items };
  }

  /** The fields of record `name` assigned one by one (`l_row.a := ..`), as select items named by the fields. */
  private fieldItems(name: string, at: A.Node): A.SelectItem[] {
    const prefix = `${name.toLowerCase()}.`;
    const items: A.SelectItem[] = [];
    for (const [key, value] of this.frame.values) {
      if (key.startsWith(prefix)) items.push({ expr: value, alias: ident(key.slice(prefix.length), at), start: at.start, end: at.end });
    }
    return items;
  }

  /** The queries an expression runs (IF EXISTS (...), SET @v = (SELECT ...)) as statements of their own. */
  private reads(e: A.Expr | undefined, at: A.Node): void {
    for (const q of subqueries(e)) this.runner.statement({ k: 'query', query: q, start: q.start ?? at.start, end: q.end ?? at.end });
  }

  /** Record what the variables set by `s` hold. */
  private bind(s: A.Statement): void {
    const f = this.frame;
    if (s.k === 'cursor') f.cursors.set(s.name.text.toLowerCase(), s.query);
    else if (s.k === 'assign') {
      if (s.cursor !== undefined) {
        const q = f.cursors.get(s.cursor.toLowerCase());
        if (q) this.fill(s.targets, q);
        return;
      }
      // `SET (a, b) = (SELECT x, y ...)`: the columns by position.
      if (s.targets.length > 1 && s.value?.k === 'subquery') return this.fill(s.targets, s.value.query);
      for (const t of s.targets) {
        // A variable, or a field of a record variable (`l_row.amount := r.amount * 2`, read as `l_row.amount`): what it holds.
        const field = /^[^.()]+\.[^.()]+$/.test(t);
        if (!field && /[.(]/.test(t)) continue;
        if (s.value && subqueries(s.value).length > 0) f.values.set(t.toLowerCase(), s.value);
        else f.values.delete(t.toLowerCase());
        if (field) continue;
        const key = t.replace(/^[:$]/, '').toLowerCase();
        // `LET tgt := 'db.s.t'`, `DECLARE tgt DEFAULT '..'`: the table `IDENTIFIER(:tgt)` names.
        if (s.targets.length === 1 && s.value?.k === 'lit' && s.value.kind === 'string') this.ctx.session.set(key, s.value.text);
        else this.ctx.session.delete(key);
      }
    } else if ((s.k === 'insert' || s.k === 'update' || s.k === 'delete') && s.returning?.some((i) => i.assignTo)) {
      // `RETURNING a INTO v`: v holds the written row's a.
      const table: A.TableRef | undefined = s.k === 'insert' ? { k: 'table', name: s.target, alias: s.alias, start: s.target.start, end: s.target.end } : s.target.k === 'table' ? s.target : undefined;
      if (table === undefined) return;
      for (const item of s.returning) {
        if (item.assignTo === undefined || /[.(]/.test(item.assignTo)) continue;
        const query: A.Select = { k: 'select', items: [{ ...item, assignTo: undefined }], from: [table], groupBy: [], start: item.start, end: item.end };
        f.values.set(item.assignTo.toLowerCase(), { k: 'subquery', mode: 'scalar', query, start: item.start, end: item.end });
      }
    } else if (s.k === 'query' && s.query.k === 'select') {
      const q = s.query;
      if (q.items.some((i) => i.assignTo)) {
        q.items.forEach((item, i) => {
          if (item.assignTo) f.values.set(item.assignTo.toLowerCase(), pick(q, i)!);
        });
      } else if (q.intoVars && intoVariables(this.ctx, q)) this.fill(q.intoVars, { ...q, into: undefined, intoVars: undefined });
    }
  }

  /** Variables filled from the columns of `q` by position; one variable for several columns is a record. */
  private fill(targets: string[], q: A.Query): void {
    const f = this.frame;
    const keys = targets.map((t) => t.toLowerCase());
    const whole = q.k !== 'select' || q.items.some((i) => i.expr.k === 'star') || (keys.length === 1 && q.items.length > 1);
    if (whole) {
      if (keys.length === 1) f.records.set(keys[0]!, q);
      for (const k of keys) f.values.delete(k);
      return;
    }
    keys.forEach((k, i) => {
      const e = pick(q, i);
      if (e) f.values.set(k, e);
      else f.values.delete(k);
    });
  }

  /** `s` with variables, record fields and trigger rows replaced by what they read. */
  private substitute<S extends A.Statement>(s: S): S {
    const f = this.frame;
    const sem = this.ctx.dialect.semantics;
    // Snowflake Scripting reads variable `v` in SQL as `:v` (Oracle's `:name` is a host bind).
    const colon = sem.colonVariables;
    // A FROM item named like a record (`FROM t r`) hides the record inside this statement.
    const hidden = new Set<string>();
    if (f.records.size > 0 || [...f.values.keys()].some((k) => k.includes('.'))) {
      forEachNode(s, (n) => {
        const ref = n as A.TableRef;
        if ((ref.k === 'table' || ref.k === 'derived' || ref.k === 'tfunc') && ref.alias) hidden.add(ref.alias.text.toLowerCase());
        else if (ref.k === 'table') hidden.add(ref.name.parts[ref.name.parts.length - 1]!.text.toLowerCase());
      });
    }
    return mapTree(s, (n) => {
      switch (n.k) {
        case 'var': {
          const name = (n as A.Variable).name.toLowerCase();
          return f.values.get(name) ?? (colon && name.startsWith(':') ? f.values.get(name.slice(1)) : undefined);
        }
        case 'col': {
          const c = n as A.ColumnRef;
          const parts = c.name.parts;
          if (parts.length === 1 && !parts[0]!.quoted) return f.values.get(parts[0]!.text.toLowerCase());
          const qualifier = parts.length === 2 ? parts[0]!.text.toLowerCase() : undefined;
          const field = qualifier !== undefined && !hidden.has(qualifier) ? f.values.get(`${qualifier}.${parts[1]!.text.toLowerCase()}`) : undefined;
          if (field) return field;
          if (qualifier !== undefined && f.rows?.has(qualifier) && !hidden.has(qualifier)) {
            return scalarRead(parts[1]!, { k: 'table', name: f.trigger!, start: c.start, end: c.end }, c);
          }
          const rec = qualifier !== undefined && !hidden.has(qualifier) ? f.records.get(qualifier) : undefined;
          if (rec) return scalarRead(parts[1]!, { k: 'derived', query: rec, alias: parts[0], start: c.start, end: c.end }, c);
          return undefined;
        }
        case 'func': {
          // An element of a collection filled by BULK COLLECT: `t_ids(i)`.
          const fn = n as A.FuncCall;
          return fn.name.parts.length === 1 && sem.collectionCalls ? f.values.get(fn.name.parts[0]!.text.toLowerCase()) : undefined;
        }
        case 'op': {
          // A field of a collection's element filled by BULK COLLECT: `l_tab(i).amount`.
          const o = n as A.OpExpr;
          const [head, field] = o.args;
          // Or a field of a loop record read as a host variable: `:cur.acct_id` (Teradata SPL).
          const name =
            head?.k === 'func' && head.name.parts.length === 1
              ? head.name.parts[0]!
              : head?.k === 'var' && colon && head.name.startsWith(':')
                ? ident(head.name.slice(1), head)
                : undefined;
          if (o.op === '.' && name && field?.k === 'lit' && f.records.size > 0) {
            const rec = hidden.has(name.text.toLowerCase()) ? undefined : f.records.get(name.text.toLowerCase());
            if (rec) return scalarRead(ident(field.text, field), { k: 'derived', query: rec, alias: name, start: o.start, end: o.end }, o);
          }
          return f.trigger ? triggerField(o, f.trigger) : undefined;
        }
        case 'table':
          return f.trigger ? pseudoTable(n as A.TableName, f.trigger) : undefined;
      }
      return undefined;
    }) as S;
  }
}

/**
 * `SELECT ... INTO names`: variables (not a new table) in PL/SQL, inside routines, and for names
 * that are variables (`@v`, `:v`, declared ones).
 */
export function intoVariables(ctx: Context, q: A.Select): boolean {
  const names = q.intoVars ?? [];
  if (names.some((n) => n.startsWith('@') || n.startsWith(':') || ctx.variables.has(n.toLowerCase()))) return true;
  switch (ctx.dialect.semantics.selectIntoVariables) {
    case 'always':
      return true;
    case 'inRoutines':
      return ctx.procedureName !== 'batchQueries';
    case 'variablesOnly':
      return false;
  }
}

// ---------------------------------------------------------------- rewrites

/** Does the query return rows to its caller (no `INTO`, no `SELECT @v = ..`)? */
function returnsRows(q: A.Query): boolean {
  if (q.k === 'setop') return returnsRows(q.left);
  if (q.k !== 'select') return true;
  return !q.into && !q.intoVars && !q.items.some((i) => i.assignTo !== undefined);
}

/** `SELECT * FROM t` at t's name: the rows of a multi-statement table function's table variable. */
function rowsOfTable(name: A.QName): A.QueryStmt {
  return { k: 'query', query: selectAll([tableOfName(name)], name, name.start, name.end), start: name.start, end: name.end };
}

function ident(text: string, at: A.Node): A.Ident {
  return { text, quoted: false, start: at.start, end: at.end };
}

/** `(SELECT col FROM source)`: reading `col` of `source` where a value is expected. */
function scalarRead(col: A.Ident, source: A.TableRef, at: A.Node): A.SubqueryExpr {
  const item: A.SelectItem = { expr: { k: 'col', name: { parts: [col], start: col.start, end: col.end }, start: col.start, end: col.end }, start: at.start, end: at.end };
  const query: A.Select = { k: 'select', items: [item], from: [source], groupBy: [], start: at.start, end: at.end };
  return { k: 'subquery', mode: 'scalar', query, start: at.start, end: at.end };
}

/** The `i`th column of a SELECT as a scalar subquery (what a variable fetched from it holds). */
function pick(q: A.Select, i: number): A.Expr | undefined {
  const item = q.items[i];
  if (!item || item.expr.k === 'star') return undefined;
  const query: A.Select = { ...q, items: [{ ...item, assignTo: undefined }], into: undefined, intoVars: undefined };
  return { k: 'subquery', mode: 'scalar', query, start: item.start, end: item.end };
}

/** Key of a routine name: its lower-cased parts, or only the last (`unqualified`) to match a call without a schema. */
function routineKey(name: A.QName, unqualified = false): string {
  const parts = name.parts.map((p) => (p.quoted ? p.text : p.text.toLowerCase()));
  return unqualified ? parts[parts.length - 1]! : parts.join('.');
}

/** PL/SQL `:NEW.col` / `:OLD.col` in a trigger: `col` of the trigger's table. */
function triggerField(e: A.OpExpr, table: A.QName): A.Expr | undefined {
  if (e.op !== '.' || e.args.length !== 2) return undefined;
  const [base, field] = e.args;
  if (base?.k !== 'var' || !/^:(new|old)$/i.test(base.name) || field?.k !== 'lit') return undefined;
  return scalarRead(ident(field.text, field), { k: 'table', name: table, start: e.start, end: e.end }, e);
}

/** T-SQL trigger pseudo tables `inserted` / `deleted` in FROM: the trigger's table (the name kept as alias). */
function pseudoTable(t: A.TableName, table: A.QName): A.TableName | undefined {
  if (t.name.parts.length !== 1 || !/^(inserted|deleted)$/i.test(t.name.parts[0]!.text)) return undefined;
  return { ...t, name: { ...table, start: t.name.start, end: t.name.end }, alias: t.alias ?? t.name.parts[0] };
}

/** Quick tests on a statement's text for a dialect's bare table hints and date-part functions (built once per set). */
interface FormTests {
  /** `(NOLOCK)`, `(NOLOCK, ...)`: a bare hint list may follow a table. */
  hintText?: RegExp;
  /** The hints and `INDEX(...)`, as arguments of the call a bare hint list parses as. */
  hints: ReadonlySet<string>;
}
const formTests = new WeakMap<Semantics, FormTests>();

function testsFor(sem: Semantics): FormTests {
  let t = formTests.get(sem);
  if (!t) {
    const words = (set: ReadonlySet<string>) => [...set].join('|');
    t = {
      hintText: sem.bareTableHints.size > 0 ? new RegExp(`\\(\\s*(?:${words(sem.bareTableHints)})\\s*[,)]`, 'i') : undefined,
      hints: new Set([...sem.bareTableHints, 'INDEX']),
    };
    formTests.set(sem, t);
  }
  return t;
}

const oneWord = (a: A.Expr | undefined, words?: ReadonlySet<string>): boolean =>
  (a?.k === 'col' || a?.k === 'func') && a.name.parts.length === 1 && !a.name.parts[0]!.quoted && (!words || words.has(a.name.parts[0]!.text.toUpperCase()));

/**
 * Forms the shared grammar reads literally, put right before analysis, for the dialects that
 * have them (`bareTableHints`; T-SQL): table hints written without WITH (`FROM t (NOLOCK)`, a
 * table, not a table-valued function). A quick test on the statement text keeps the common path
 * free. (Date parts are skipped where they are read: src/resolve/dateparts.ts.)
 */
export function keywordForms<S extends A.Statement>(s: S, text: string, sem: Semantics): S {
  if (sem.bareTableHints.size === 0) return s;
  const tests = testsFor(sem);
  const stmt = text.slice(s.start, s.end);
  if (!(tests.hintText?.test(stmt) ?? false)) return s;
  const visit = (n: { k: string }): unknown => {
    if (n.k === 'tfunc') {
      const f = n as A.TableFunction;
      if (f.func.args.length === 0 || !f.func.args.every((a) => oneWord(a, tests.hints))) return undefined;
      const t: A.TableName = { k: 'table', name: f.func.name, alias: f.alias, columnAliases: f.columnAliases, start: f.start, end: f.end };
      return t;
    }
    return undefined;
  };
  return mapTree(s, visit) as S;
}

/** Top-level subqueries of an expression (not those nested inside them). */
function subqueries(e: A.Expr | undefined, out: A.Query[] = []): A.Query[] {
  if (!e) return out;
  for (const c of exprChildren(e)) subqueries(c, out);
  if (e.k === 'subquery') out.push(e.query);
  return out;
}
