/**
 * One handler per statement kind: each opens a process, analyzes its queries, links the result
 * into its target, and updates the session catalog.
 */
import { assertNever } from '../ast/never.js';
import { joinLeaves, leftmost, mapTree } from '../ast/walk.js';
import * as crypto from 'node:crypto';
import type * as A from '../ast/nodes.js';
import type { ColumnRef } from '../graph/builder.js';
import type { EffectType, LineageEdge, LineageObject } from '../graph/model.js';
import type { Context, FileAt, ResultSet } from './context.js';
import { outputRows } from './output.js';
import type { Ref } from './expr.js';
import { recordChanges } from './changes.js';
import { intoVariables, ProceduralResolver } from './procedural.js';
import { partitionMove } from './partitions.js';
import { QueryAnalyzer, queryTarget, type QueryTarget } from './query.js';
import { baseColumns, baseColumnsOf, baseTable } from './through.js';
import { Scope, tablesUnderStars, type Source } from './scope.js';
import { aliasedTarget, dataset, declaredStructs, fromItemNamed, passedStructs, datasetSource, insertedColumns, knownColumns, namedTable, qualify, remember, tableOf } from './tables.js';
import { tableKey } from './catalog.js';
import { firstLoc } from '../graph/column.js';
import { identKey, oneWord } from './names.js';
import { columnNamed } from '../../grammars/build.js';

/**
 * The MD5 of a statement's text, in hex: `crypto.hash` (Node >= 20.12) hashes in one call, without
 * a Hash object per statement; `createHash` where it is missing.
 */
const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
function md5(text: string): string {
  return oneShot ? oneShot('md5', text) : crypto.createHash('md5').update(text).digest('hex');
}

const PROCESS_NAMES: Record<string, string> = {
  query: 'Select', insert: 'Insert', multi_insert: 'Insert', update: 'Update', delete: 'Delete', merge: 'Merge',
  create_table: 'Create Table', create_view: 'Create View', rename: 'Rename Table', other: 'Copy',
};

/** Analyzes a data-modifying CTE's RETURNING items in its statement's scope, once the table written is known. */
type Returning = (scope: Scope, written: LineageObject) => void;

/** The routines a statement's query declares in its WITH (Oracle `WITH FUNCTION ..`). */
function declaredRoutines(s: A.Statement): A.Statement[] {
  const q = s.k === 'query' || s.k === 'create_view' ? s.query : s.k === 'insert' || s.k === 'multi_insert' ? s.source : s.k === 'create_table' ? s.as : undefined;
  return q?.with?.routines ?? [];
}

export class StatementResolver {
  readonly qa: QueryAnalyzer;
  private readonly procedural: ProceduralResolver;
  /** The key of the temporary table the CREATE TABLE being resolved adds (`beforeTemporary`). */
  private freshTemporary: string | undefined;

  constructor(private readonly ctx: Context) {
    this.qa = new QueryAnalyzer(ctx);
    this.qa.dmlCte = (dml, scope, target) => this.modifyingCte(dml, scope, target);
    this.qa.composedDml = (dml, at, target) => this.composedDml(dml.statement, dml.items, at, target);
    this.procedural = new ProceduralResolver(ctx, this);
  }

  /** What is left to analyze at the end of the run: the trigger functions no trigger ran, each in its own file. */
  endRun(): { stmt: A.Statement; at: FileAt }[] {
    return this.procedural.unboundTriggerFunctions();
  }

  statements(list: A.Statement[]): void {
    for (const s of list) this.statement(s);
  }

  statement(statement: A.Statement): void {
    const ctx = this.ctx;
    const s = this.procedural.prepare(statement);
    // Oracle `WITH FUNCTION ..`: the routines declared for the query are analyzed before it, as routines are.
    for (const r of declaredRoutines(s)) this.statement(r);
    if (s.k === 'drop' || s.k === 'rename' || s.k === 'other') recordChanges(ctx, s);
    if ((s.k === 'insert' || s.k === 'update' || s.k === 'delete' || s.k === 'merge') && s.output) return this.procedural.output(s);
    switch (s.k) {
      case 'query': {
        const moved = partitionMove(s, ctx.dialect.semantics.partitionFunctions);
        if (moved) return this.statement(moved);
        return this.run(s, 'select', () => this.query(s));
      }
      case 'insert': {
        const target = namedTable(ctx, s.target);
        return target && this.run(s, 'insert', () => this.insert(target === s.target ? s : { ...s, target }));
      }
      case 'multi_insert':
        return this.run(s, 'insert', () => this.multiInsert(s));
      case 'update': {
        const target = tableOf(ctx, s.target);
        return target && this.run(s, 'update', () => this.update(target === s.target ? s : { ...s, target }));
      }
      case 'delete': {
        const target = tableOf(ctx, s.target);
        return target && this.run(s, 'delete', () => this.delete(target === s.target ? s : { ...s, target }));
      }
      case 'merge':
        return this.run(s, 'merge_update', () => this.merge(s));
      case 'create_table': {
        this.freshTemporary = undefined;
        if (s.temporary && s.name.parts.length === 1 && ctx.dialect.semantics.temporarySchema) {
          const key = ctx.key(s.name.parts[0]!.text, s.name.parts[0]!.quoted);
          if (!ctx.temporaryTables.has(key)) this.freshTemporary = key;
          ctx.temporaryTables.add(key);
        }
        const name = namedTable(ctx, s.name);
        if (s.notQuery !== undefined) ctx.problem('warning', s.notQuery, `CREATE TABLE ${ctx.text.slice(s.name.start, s.name.end)}: what follows AS is not a query; its lineage is not traced`, 'SyntaxHint');
        return name && this.run(s, 'create_table', () => this.createTable(name === s.name ? s : { ...s, name }));
      }
      case 'create_view': {
        const name = namedTable(ctx, s.name);
        return name && this.run(s, 'create_view', () => this.createView(name === s.name ? s : { ...s, name }));
      }
      case 'rename':
        // A swap moves rows into the table, as Redshift's `ALTER TABLE .. APPEND FROM` does (a Copy process).
        return s.swap ? this.run(s, 'insert', () => this.rename(s), PROCESS_NAMES.other) : this.run(s, 'rename_table', () => this.rename(s));
      case 'drop':
        for (const n of s.names) {
          ctx.catalog.delete(qualify(ctx, n));
          // Dropping `t` drops the temporary table that hides the permanent one, which `t` names again.
          if (n.parts.length === 1) ctx.temporaryTables.delete(ctx.key(n.parts[0]!.text, n.parts[0]!.quoted));
        }
        return;
      case 'use': {
        const parts = s.name.parts.map((p) => p.text);
        ctx.searchPath = s.searchPath;
        if (parts.length >= 2) {
          ctx.database = parts[parts.length - 2];
          ctx.schema = parts[parts.length - 1];
        } else if (ctx.dialect.semantics.useSets === 'database' && !s.schema) ctx.database = parts[0];
        else ctx.schema = parts[0];
        return;
      }
      case 'block':
      case 'cursor':
      case 'assign':
        return this.procedural.statement(s);
      case 'other':
        if (s.diagnostic) ctx.problem(s.diagnostic.severity, s.start, s.diagnostic.message, s.diagnostic.code ?? 'SyntaxHint');
        if (s.sessionSet) {
          const key = s.sessionSet.name.toLowerCase();
          if (s.sessionSet.value !== undefined) ctx.session.set(key, s.sessionSet.value);
          else ctx.session.delete(key);
        }
        if (s.call) {
          // A routine call has no lineage of its own; its process records who calls what.
          const callee = s.call.parts.map((p) => p.text).join('.');
          return this.run(s, 'select', () => void (ctx.stmt!.process.callee = callee), 'Call');
        }
        if (s.reads?.length || s.writes?.length || s.pathReads?.length || s.pathWrites?.length) {
          return this.run(s, 'insert', () => this.copy(s));
        }
        return;
      case 'truncate':
        // Empties the table: no lineage.
        return;
      default:
        return assertNever(s, 'statement');
    }
  }

  /** Open a process for the statement, run `body`, and record its reads and writes. */
  private run(s: A.Statement, effect: EffectType, body: () => LineageObject[] | void, name?: string): void {
    const ctx = this.ctx;
    const kind = name ?? PROCESS_NAMES[s.k] ?? 'Statement';
    const text = ctx.text.slice(s.start, s.end);
    const hash = md5(text);
    const proc = ctx.b.process(`Query ${kind}-${ctx.b.count(`process:${kind}`)}`, ctx.procedureName, hash, effect, ctx.loc(s.start, s.end));
    ctx.stmt = { process: proc, effect, reads: new Set(), ast: s };
    try {
      const writes = body() ?? [];
      proc.writes = [...new Set([...writes, ...(ctx.stmt.writes ?? [])].map((w) => w.id))];
      proc.reads = [...ctx.stmt.reads];
    } finally {
      ctx.stmt = undefined;
    }
  }

  private query(s: A.QueryStmt): LineageObject[] {
    const ctx = this.ctx;
    const q = s.query;
    const first = leftmost(q);
    if (first.into && (first.intoTemp || first.intoFile || !intoVariables(ctx, first))) return this.selectInto(q, first);
    if (first.intoVars && intoVariables(ctx, first)) {
      // `SELECT .. INTO v, w`: the row fills variables (what later statements read through them), not a result set.
      this.qa.query(q, undefined, queryTarget('variable', first.intoVars.join(','), true, first.intoVars.length === first.items.length ? first.intoVars : undefined));
      return [];
    }
    // T-SQL `SELECT @a = x, @b = y FROM ..`: the same, the variables named by the items.
    if (q.k === 'select' && q.items.every((i) => i.assignTo !== undefined)) {
      const assigned = q.items.map((i) => i.assignTo!);
      this.qa.query({ ...q, items: q.items.map((i) => ({ ...i, assignTo: undefined })) }, undefined, queryTarget('variable', assigned.join(','), true, assigned));
      return [];
    }
    this.qa.query(q, undefined, queryTarget('select_list', `RS-${ctx.b.count('RS')}`, false));
    return [];
  }

  private selectInto(q: A.Query, first: A.Select): LineageObject[] {
    const ctx = this.ctx;
    const target = first.into!;
    ctx.stmt!.effect = 'insert';
    ctx.stmt!.process.effectType = 'insert';
    const rs = this.qa.query(withoutInto(q), undefined, queryTarget('insert-select', `INSERT-SELECT-${ctx.b.count('INSERT-SELECT')}`, true));
    const obj = dataset(ctx, target, 'table');
    this.flow(rs, obj, rs.cols.map((c) => c.name));
    remember(ctx, target, widthKnown(rs, rs.cols.map((c) => c.name)), 'table', false, passedStructs(ctx, rs, rs.cols.map((c) => c.name)));
    if (ctx.dialect.semantics.insertSkipsIdentity) {
      const entry = ctx.catalog.get(qualify(ctx, target));
      const identity = entry && intoIdentity(ctx, q, first).filter((c) => entry.columns.some((n) => ctx.key(n, false) === ctx.key(c, false)));
      if (entry && identity?.length) ctx.catalog.replace(qualify(ctx, target), { ...entry, identity });
    }
    // `SELECT * INTO t FROM src` of unknown columns: a later read of t.c is src.c, as after CREATE TABLE t AS SELECT *.
    this.throughStar(obj, rs);
    return [obj];
  }

  /** Columns of `rs` into `obj` (by position onto `names`), rows into rows. */
  private flow(rs: ResultSet, obj: LineageObject, names: string[], effect?: EffectType, at?: A.Ident[], atItems = false): void {
    const ctx = this.ctx;
    const b = ctx.b;
    const e = effect ?? ctx.stmt!.effect;
    const pid = ctx.stmt!.process.id;
    // The outputs' own names map by name; another list (the target's, a column list) by position.
    const own = names.length === rs.cols.length && rs.cols.every((c, i) => c.name === names[i]);
    rs.cols.forEach((c, i) => {
      const name = names[own ? i : positionIn(rs, i, names.length)];
      if (name === undefined) return;
      const id = at?.[i];
      // A view without a column list: its columns are where the select items are.
      const loc = id ? ctx.loc(id.start, id.end) : atItems ? firstLoc(c.col) : undefined;
      b.edge('fdd', e, { obj: rs.obj, col: c.col }, { obj, col: b.column(obj, name, loc) }, pid);
    });
    if (rs.stars.length > 0) b.edge('fdd', e, { obj: rs.obj, col: b.column(rs.obj, '*') }, { obj, col: b.column(obj, '*') }, pid);
    if (!own && rs.fields?.length) this.fieldsByPosition(rs, obj, names, e);
    b.edge('fdd', e, { obj: rs.obj, col: b.relationRows(rs.obj) }, { obj, col: b.relationRows(obj) }, pid);
  }

  /**
   * `INSERT INTO t (id, sku, qty) SELECT o.id, li.* ..` (or `inline(o.items)`): the names a column
   * list gives the positions inside a struct's `*` are fields of the struct, each read from it.
   */
  private fieldsByPosition(rs: ResultSet, obj: LineageObject, names: string[], effect: EffectType): void {
    if (rs.starAt === undefined) return;
    const b = this.ctx.b;
    const star = { obj: rs.obj, col: b.column(rs.obj, '*') };
    const trailing = rs.cols.length - rs.starEnd!;
    for (const name of names.slice(rs.starAt, names.length - trailing)) b.edge('fdd', effect, star, { obj, col: b.column(obj, name) }, this.ctx.stmt!.process.id);
  }

  /**
   * A data-modifying CTE (PostgreSQL `WITH m AS (DELETE FROM t ... RETURNING a, b)`): its statement
   * is part of the enclosing one (its edges keep their own effect; the enclosing statement also
   * writes its table), and the CTE's columns are the RETURNING items, read from the rows written
   * or deleted, so `t.a -> m.a` continues whatever the statement wrote into `t.a`.
   */
  /**
   * T-SQL `INSERT INTO h SELECT .. FROM (MERGE t .. OUTPUT $action, inserted.c, s.c) AS changes`:
   * the MERGE (or INSERT / UPDATE / DELETE) writes its table within this statement, and the rows
   * read are its OUTPUT items, as an OUTPUT .. INTO would write them.
   */
  private composedDml(s: NonNullable<A.DerivedTable['dml']>['statement'], items: A.SelectItem[], at: A.Node, target: QueryTarget): ResultSet {
    const stmt = this.ctx.stmt!;
    const outer = { effect: stmt.effect, selfRead: stmt.selfRead };
    stmt.effect = s.k === 'merge' ? 'merge_update' : s.k;
    stmt.selfRead = undefined;
    try {
      const written = s.k === 'merge' ? this.merge(s) : s.k === 'insert' ? this.insert(s) : s.k === 'update' ? this.update(s) : this.delete(s);
      (stmt.writes ??= []).push(...written);
    } finally {
      stmt.effect = outer.effect;
      stmt.selfRead = outer.selfRead;
    }
    const rows = outputRows(this.ctx, s, { items, start: at.start, end: at.end });
    return this.qa.query(rows ?? { k: 'select', items, from: [], groupBy: [], start: at.start, end: at.end }, undefined, target);
  }

  private modifyingCte(s: NonNullable<A.Cte['dml']>, scope: Scope, target: QueryTarget): ResultSet {
    const stmt = this.ctx.stmt!;
    const outer = { effect: stmt.effect, selfRead: stmt.selfRead };
    // A SELECT whose CTE deletes is, as a whole, a delete.
    if (stmt.process.effectType === 'select') stmt.process.effectType = s.k;
    stmt.effect = s.k;
    stmt.selfRead = undefined;
    let rs: ResultSet | undefined;
    let table: LineageObject | undefined;
    // RETURNING is analyzed in the statement's scope, where its FROM/USING items are visible.
    const returning = (dmlScope: Scope, written: LineageObject) => {
      table = written;
      stmt.effect = outer.effect;
      rs = this.qa.returning(s.returning ?? [], dmlScope, target, s);
      stmt.effect = s.k;
    };
    try {
      const written = s.k === 'insert' ? this.insert(s, scope, returning) : s.k === 'update' ? this.update(s, scope, returning) : this.delete(s, scope, returning);
      (stmt.writes ??= []).push(...written);
    } finally {
      stmt.effect = outer.effect;
      stmt.selfRead = outer.selfRead;
    }
    // The rows handed on are the table's (a DELETE's target is otherwise not read), those the
    // statement inside chose: what decided them decides the CTE's rows too (`count(*)` of it).
    if (table && s.returning?.length) {
      this.ctx.read(table);
      this.sameRows(table, rs!.obj, (e) => e.processId === stmt.process.id && e.effectType === s.k, outer.effect);
    }
    return rs!;
  }

  private insert(s: A.InsertStmt, parent?: Scope, returning?: Returning): LineageObject[] {
    const ctx = this.ctx;
    const obj = dataset(ctx, s.target, 'table');
    if (s.pathTarget !== undefined) obj.type = 'table';
    const declared = s.columns?.map((c) => c.text);
    const known = knownColumns(ctx, s.target);
    const cteScope = s.with || parent ? new Scope(parent) : undefined;
    if (s.with && cteScope) this.qa.defineCtes(s.with, cteScope);
    /** The row the INSERT proposes, by target column name (`EXCLUDED.c`, MySQL `VALUES(c)`). */
    let proposed: ResultSet | undefined;
    /** The FROM scope of the INSERT's SELECT. */
    let selectScope: Scope | undefined;
    if (s.source) {
      const analyzed = this.qa.queryWithScope(s.source, cteScope, queryTarget('insert-select', `INSERT-SELECT-${ctx.b.count('INSERT-SELECT')}`, true));
      const rs = analyzed.rs;
      selectScope = analyzed.scope;
      const filled = known && !s.byName ? insertedColumns(ctx, s.target) : undefined;
      const names = declared ?? (filled ? filledColumns(ctx, filled, s.fixedPartitions) : undefined) ?? rs.cols.map((c) => c.name);
      this.flow(rs, obj, names, undefined, s.columns);
      if (s.upsert) {
        const cols = rs.cols.flatMap((c, i) => (names[i] === undefined ? [] : [{ name: names[i]!, key: ctx.key(names[i]!, false), col: c.col }]));
        proposed = { obj: rs.obj, cols, stars: rs.stars };
      }
      // An INSERT names some of the target's columns, not its column list: nothing to remember
      // (a later `SELECT other_col FROM target` must not be reported as an unknown column).
    } else if (s.columns) {
      for (const c of s.columns) ctx.b.column(obj, c.text, ctx.loc(c.start, c.end));
    }
    if (s.upsert) {
      // The proposed row answers to EXCLUDED (PostgreSQL, SQLite) in an enclosing scope, so an
      // unqualified name still means the target's current row.
      // MySQL's INSERT .. SELECT also sees the SELECT's FROM items (`UPDATE c = s.c`), and the
      // row alias of `VALUES (..) AS new [(a, b)]` names the proposed row.
      let outer: Scope | undefined;
      let sets = s.upsert;
      if (proposed) {
        outer = new Scope(selectScope);
        outer.sources.push({ names: [ctx.key(EXCLUDED, false)], obj: proposed.obj, rs: proposed });
        const ra = s.rowAlias;
        if (ra) {
          const renamed = ra.columns ? { ...proposed, cols: proposed.cols.flatMap((c, i) => (ra.columns![i] ? [{ ...c, name: ra.columns![i]!.text, key: ctx.key(ra.columns![i]!.text, ra.columns![i]!.quoted) }] : [])) } : proposed;
          outer.sources.push({ names: [ctx.key(ra.name.text, ra.name.quoted)], obj: proposed.obj, rs: renamed });
        }
        sets = sets.map((a) => ({ ...a, value: proposedValues(a.value) }));
      }
      const scope = this.targetScope(obj, s.target, s.alias, outer);
      // MySQL: a name the SELECT's FROM items surely have, and that the INSERT does not name as a target column, is theirs.
      if (selectScope && !scope.sources[0]!.known) {
        const own = new Set([...(s.columns ?? []), ...s.upsert.flatMap((a) => a.columns.map((q) => q.parts[q.parts.length - 1]!))].map((c) => identKey(ctx.key, c)));
        scope.sources[0]!.yieldTo = { scope: selectScope, own };
      }
      this.assign(sets, scope, obj, 'update');
      // `DO UPDATE SET .. WHERE cond`: the rows it updates are the conflicting ones that meet cond.
      if (s.upsertWhere) this.qa.condition(s.upsertWhere, scope, { obj, col: ctx.b.relationRows(obj) }, 'where', 'update');
    }
    returning?.(this.targetScope(obj, s.target, s.alias, parent), obj);
    return [obj];
  }

  private targetScope(obj: LineageObject, name: A.QName, alias?: A.Ident, parent?: Scope): Scope {
    const scope = new Scope(parent);
    scope.sources.push({ names: [alias ? this.ctx.key(alias.text, alias.quoted) : this.ctx.key(name.parts[name.parts.length - 1]!.text, false)], obj, known: knownColumns(this.ctx, name) });
    return scope;
  }

  private multiInsert(s: A.MultiInsertStmt): LineageObject[] {
    const ctx = this.ctx;
    const rs = this.qa.query(s.source, undefined, queryTarget('insert-select', `INSERT-SELECT-${ctx.b.count('INSERT-SELECT')}`, true));
    const scope = new Scope();
    // The WHEN and VALUES read the query's columns, unqualified or qualified as in its select list (`o.amount` of `FROM orders o`).
    scope.sources.push({ names: leftmost(s.source).from.flatMap((f) => joinLeaves(f)).flatMap((t) => fromItemQualifier(ctx, t)), obj: rs.obj, rs });
    const writes: LineageObject[] = [];
    const renamed = renamedColumns(ctx, leftmost(s.source));
    const branches = renamed.size > 0 ? (mapTree(s.branches, (n) => (n.k === 'col' ? renamed.get(columnKey(ctx, (n as A.ColumnRef).name)) : undefined)) as typeof s.branches) : s.branches;
    for (const br of branches) {
      const obj = dataset(ctx, br.target, 'table');
      writes.push(obj);
      const rows = { obj, col: ctx.b.relationRows(obj) };
      // The WHEN conditions that decide the branch's rows: its own; under ELSE every one (none held);
      // under INSERT FIRST also those of the earlier branches (none of them held).
      const deciding = br.otherwise || s.first ? branches.slice(0, branches.indexOf(br)).map((b) => b.when) : [];
      for (const when of new Set([...deciding, br.when])) if (when) this.qa.condition(when, scope, rows, 'where');
      const names = br.columns?.map((c) => c.text) ?? [...(knownColumns(ctx, br.target)?.values() ?? [])];
      if (br.values) {
        br.values.forEach((v, i) => {
          const name = names[i] ?? (v.k === 'col' ? v.name.parts[v.name.parts.length - 1]!.text : `column${i + 1}`);
          const refs: Ref[] = [];
          this.qa.walker.walk(v, scope, 'fdd', refs);
          this.qa.link(refs, { obj, col: ctx.b.column(obj, name) }, rows);
        });
        ctx.b.edge('fdd', 'insert', { obj: rs.obj, col: ctx.b.relationRows(rs.obj) }, rows, ctx.stmt!.process.id);
      } else this.flow(rs, obj, names.length ? names : rs.cols.map((c) => c.name));
    }
    return writes;
  }

  /**
   * SET assignments: each value feeds its column(s). A column written through a CTE, derived
   * table or inline view is the base-table column it passes through. Returns the tables written.
   */
  private assign(sets: A.Assignment[], scope: Scope, target: LineageObject, effect: EffectType, targetSource?: Source): LineageObject[] {
    const ctx = this.ctx;
    const b = ctx.b;
    const rows = { obj: target, col: b.relationRows(target) };
    const written = new Set<LineageObject>([target]);
    for (const a of sets.flatMap(pairwise)) {
      const cols: ColumnRef[] = a.columns
        .filter((q) => !q.parts[0]!.text.startsWith('@'))
        .flatMap((q) => {
          const { src, column } = setTarget(ctx, scope, q.parts, targetSource);
          return this.writtenColumn(src, target, column.text, q);
        });
      if (cols.length === 0) continue;
      for (const c of cols) written.add(c.obj);
      if (cols.length > 1 && a.value.k === 'subquery') {
        const rs = this.qa.query(a.value.query, scope, queryTarget('select_list', `RESULT_OF_SUBQUERY-${b.count('SUBQUERY')}`, true));
        cols.forEach((c, i) => {
          const out = rs.cols[i];
          if (out) b.edge('fdd', effect, { obj: rs.obj, col: out.col }, c, ctx.stmt!.process.id);
        });
        // Its WHERE picks the row the values come from (as for `SET a = (SELECT ..)`), not which target rows are updated.
        for (const c of cols) b.edge('fdr', effect, { obj: rs.obj, col: b.relationRows(rs.obj) }, c, ctx.stmt!.process.id);
        continue;
      }
      const refs: Ref[] = [];
      this.qa.walker.walk(a.value, scope, 'fdd', refs);
      if (refs.some((r) => !r.toRows && !r.ref.col.system && this.readsWritten(r.ref, written))) ctx.stmt!.selfRead = true;
      for (const c of cols) this.qa.link(refs, c, rows, undefined, undefined, effect);
    }
    return [...written];
  }

  /** The column(s) a write to `name` of `src` lands in: a table's own column, or the base column behind a result set's. */
  private writtenColumn(src: Source | undefined, target: LineageObject, name: string, at?: A.Node): ColumnRef[] {
    const b = this.ctx.b;
    const loc = at ? this.ctx.loc(at.start, at.end) : undefined;
    if (src?.rs) {
      const base = baseColumns(this.ctx, src.rs, name);
      if (base.length > 0) return base.map((r) => ({ obj: r.obj, col: b.column(r.obj, r.col.name, loc) }));
    }
    const obj = src && !src.rs ? src.obj : target;
    return [{ obj, col: b.column(obj, name, loc) }];
  }

  /** Whether a value read is the current row of a written table (directly, or through a result set). */
  private readsWritten(ref: ColumnRef, written: Set<LineageObject>): boolean {
    if (written.has(ref.obj)) return true;
    return ref.obj.intermediate && baseColumnsOf(this.ctx, ref).some((r) => written.has(r.obj));
  }

  private update(s: A.UpdateStmt, parent?: Scope, returning?: Returning): LineageObject[] {
    let written: LineageObject[] = [];
    const targets = this.modify(s.target, s.from, s.with, parent, (scope, target, src) => {
      written = this.assign(s.sets, scope, target, 'update', src);
      if (s.row) this.wholeRow(s.row, target, src?.rs ? undefined : src?.known);
      this.qa.condition(s.where, scope, { obj: target, col: this.ctx.b.relationRows(target) }, 'where');
      returning?.(scope, target);
    });
    // MySQL `UPDATE a JOIN b SET a.x = .., b.y = ..` writes both tables, their rows chosen by the same joins and WHERE.
    const all = [...new Set([...targets, ...written])];
    for (const other of all.slice(1)) this.sameRows(all[0]!, other);
    return all;
  }

  /** PL/SQL `UPDATE t SET ROW = rec`: each column of the record's query sets the target's column of its name (or position, when t's columns are known). */
  private wholeRow(row: A.Query, target: LineageObject, known: Map<string, string> | undefined): void {
    const b = this.ctx.b;
    const rs = this.qa.query(row, undefined, queryTarget('select_list', `RESULT_OF_SUBQUERY-${b.count('SUBQUERY')}`, true));
    this.flow(rs, target, known ? [...known.values()] : rs.cols.map((c) => c.name), 'update');
  }

  /**
   * The conditions that decide the rows of `from` (joins, WHERE) decide those of `to` too: those
   * `which` picks, with their own effect unless `effect` is given.
   */
  private sameRows(from: LineageObject, to: LineageObject, which?: (e: LineageEdge) => boolean, effect?: EffectType): void {
    const b = this.ctx.b;
    const rows = { obj: to, col: b.relationRows(to) };
    for (const e of b.incoming(b.relationRows(from).id)) {
      if (which && !which(e)) continue;
      const obj = b.objectOf(e.source.objectId);
      const col = obj?.columns.find((c) => c.id === e.source.columnId);
      if (obj && col) b.edge(e.type, effect ?? e.effectType, { obj, col }, rows, e.processId, { loc: e.source.loc, clauseType: e.source.clauseType, function: e.function, transform: e.transform });
    }
  }

  private delete(s: A.DeleteStmt, parent?: Scope, returning?: Returning): LineageObject[] {
    const targets = this.modify(s.target, s.using, s.with, parent, (scope, target) => {
      this.qa.condition(s.where, scope, { obj: target, col: this.ctx.b.relationRows(target) }, 'where');
      returning?.(scope, target);
    });
    // MySQL `DELETE t1, t2 FROM t1 JOIN t2 ...`: each named item of FROM/USING loses the rows the joins and WHERE choose.
    const more = (s.moreTargets ?? []).flatMap((ref) => {
      const aliased = aliasedTarget(this.ctx, ref, s.using);
      const name = aliased?.name ?? (ref.k === 'table' ? ref.name : undefined);
      return name ? [dataset(this.ctx, name, 'table', ref.start, ref.end)] : [];
    });
    for (const other of more) this.sameRows(targets[0]!, other);
    const all = [...new Set([...targets, ...more])];
    // Each is read to choose the others' rows (table-level pairs then come from the flows: no target is its own source).
    if (all.length > 1) for (const t of all) this.ctx.stmt!.reads.add(t.id);
    return all;
  }

  /**
   * UPDATE/DELETE: the target is a table, or (T-SQL, MySQL) an alias of an item in FROM/USING or of
   * a joined target list. Other FROM items and join conditions feed the target's rows.
   */
  private modify(
    targetRef: A.TableRef,
    from: A.TableRef[],
    w: A.With | undefined,
    parent: Scope | undefined,
    body: (scope: Scope, target: LineageObject, targetSource: Source | undefined) => void,
  ): LineageObject[] {
    const ctx = this.ctx;
    const scope = new Scope(this.cteScope(w, parent));
    const through = this.throughTarget(targetRef, from, scope);
    if (through) {
      body(scope, through.target, through.source);
      this.readsTargetIfSelf(through.target);
      return [through.target];
    }
    // The target may name an item of FROM/USING (T-SQL `UPDATE a ... FROM t a`, MySQL `DELETE t1 FROM t1 JOIN t2`).
    const firstTable = (r: A.TableRef): A.TableName | undefined => (r.k === 'table' ? r : r.k === 'join' ? firstTable(r.left) : undefined);
    const named = firstTable(targetRef);
    const aliased = named && aliasedTarget(ctx, named, from);
    let target: LineageObject;
    let targetSource: Source | undefined;
    if (aliased) target = dataset(ctx, aliased.name, 'table', aliased.start, aliased.end);
    else if (targetRef.k === 'table') {
      targetSource = datasetSource(ctx, targetRef.name, targetRef.alias, targetRef.start, targetRef.end);
      scope.sources.push(targetSource);
      target = targetSource.obj;
    } else target = named ? dataset(ctx, named.name, 'table', named.start, named.end) : ctx.orphanTable();
    const rows: ColumnRef = { obj: target, col: ctx.b.relationRows(target) };
    if (!aliased && targetRef.k !== 'table') this.qa.addSource(targetRef, scope, rows);
    for (const f of from) this.qa.addSource(f, scope, rows);
    targetSource ??= scope.sources.find((src) => src.obj === target);
    ctx.stmt!.reads.delete(target.id);
    body(scope, target, targetSource);
    this.readsTargetIfSelf(target);
    return [target];
  }

  /**
   * The target of an UPDATE/DELETE that is a CTE, a derived table of FROM (T-SQL `UPDATE q ... FROM
   * (SELECT ...) q`) or an inline view (Oracle `UPDATE (SELECT ...) v`): FROM/USING are added to
   * `scope`, and the table modified is the base table of the result set.
   */
  private throughTarget(targetRef: A.TableRef, from: A.TableRef[], scope: Scope): { target: LineageObject; source: Source } | undefined {
    const ctx = this.ctx;
    let key: string | undefined;
    let cte: ResultSet | undefined;
    if (targetRef.k === 'table' && targetRef.name.parts.length === 1) {
      key = ctx.key(targetRef.name.parts[0]!.text, targetRef.name.parts[0]!.quoted);
      cte = scope.cte(key);
      if (!cte && !from.some((f) => findDerived(f, key!, ctx))) return undefined;
    } else if (targetRef.k !== 'derived') return undefined;
    const b = ctx.b;
    // FROM items feed the modified table's rows, known only once the result set is analyzed.
    const pending = b.resultSet('select_list', 'DML-SOURCE', true, ctx.loc(targetRef.start, targetRef.end));
    const rows: ColumnRef = { obj: pending, col: b.relationRows(pending) };
    let source: Source | undefined;
    if (targetRef.k === 'derived') {
      this.qa.addSource(targetRef, scope, rows);
      source = scope.sources[scope.sources.length - 1];
    } else if (cte && !fromItemNamed(ctx, key!, from)) {
      const alias = targetRef.k === 'table' && targetRef.alias ? ctx.key(targetRef.alias.text, targetRef.alias.quoted) : key!;
      source = { names: [alias, key!], obj: cte.obj, rs: cte };
      scope.sources.push(source);
      b.edge('fdd', ctx.stmt!.effect, { obj: cte.obj, col: b.relationRows(cte.obj) }, rows, ctx.stmt!.process.id);
    }
    for (const f of from) this.qa.addSource(f, scope, rows);
    source ??= scope.sources.find((src) => src.rs && src.names.includes(key!));
    const base = source?.rs ? baseTable(ctx, source.rs) : undefined;
    if (!source || !base) {
      if (targetRef.k === 'derived') ctx.problem('note', targetRef.start, 'the table modified through this inline view is unknown: none of its columns is a table column', 'UnsupportedConstruct');
      const target = base ?? (targetRef.k === 'table' ? dataset(ctx, targetRef.name, 'table', targetRef.start, targetRef.end) : ctx.orphanTable());
      b.edge('fdd', ctx.stmt!.effect, rows, { obj: target, col: b.relationRows(target) }, ctx.stmt!.process.id);
      return { target, source: source ?? { names: [], obj: target } };
    }
    b.edge('fdd', ctx.stmt!.effect, rows, { obj: base, col: b.relationRows(base) }, ctx.stmt!.process.id);
    return { target: base, source };
  }

  /**
   * The statement's CTEs in a scope of their own around its scope: derived tables in its FROM /
   * USING (analyzed in the enclosing scope, not beside the target) see them too.
   */
  private cteScope(w: A.With | undefined, parent: Scope | undefined): Scope | undefined {
    if (!w) return parent;
    const scope = new Scope(parent);
    this.qa.defineCtes(w, scope);
    return scope;
  }

  private merge(s: A.MergeStmt): LineageObject[] {
    const ctx = this.ctx;
    const b = ctx.b;
    const scope = new Scope(this.cteScope(s.with, undefined));
    if (s.target.k !== 'table') return [];
    // T-SQL `WITH t AS (SELECT ...) MERGE t USING ...`: the CTE's base table is merged into.
    const through = this.throughTarget(s.target, [s.source], scope);
    const targetSource = through?.source ?? datasetSource(ctx, s.target.name, s.target.alias, s.target.start, s.target.end);
    const target = through?.target ?? targetSource.obj;
    const rows: ColumnRef = { obj: target, col: b.relationRows(target) };
    if (!through) {
      scope.sources.push(targetSource);
      this.qa.addSource(s.source, scope, rows);
    }
    this.qa.condition(s.on, scope, rows, 'joinCondition');
    // An INSERT arm runs where no target row matched: its values read the source only (`VALUES (id, email)` unqualified).
    const sourceOnly = through ? scope : new Scope(scope.parent);
    if (!through) sourceOnly.sources.push(...scope.sources.filter((src) => src !== targetSource));
    for (const w of s.whens) {
      this.qa.condition(w.cond, scope, rows, 'where');
      this.qa.condition(w.deleteWhere, scope, rows, 'where');
      if (w.action === 'update' && w.sets) this.assign(w.sets, scope, target, 'merge_update', targetSource);
      if (w.all) this.mergeAll(scope.sources.filter((src) => src !== targetSource), targetSource, target, w.action === 'insert' ? 'merge_insert' : 'merge_update');
      if (w.action === 'insert' && w.values) {
        const names = w.columns?.map((c) => c.text) ?? [...(targetSource.known?.values() ?? [])];
        w.values.forEach((v, i) => {
          const name = names[i] ?? (v.k === 'col' ? v.name.parts[v.name.parts.length - 1]!.text : undefined);
          if (!name) return;
          const refs: Ref[] = [];
          this.qa.walker.walk(v, sourceOnly, 'fdd', refs);
          for (const c of this.writtenColumn(targetSource, target, name)) this.qa.link(refs, c, rows, undefined, undefined, 'merge_insert');
        });
      }
    }
    this.readsTargetIfSelf(target);
    return [target];
  }

  /** The target is a source of the statement only when a written value reads its current row. */
  private readsTargetIfSelf(target: LineageObject): void {
    const stmt = this.ctx.stmt!;
    if (stmt.selfRead) stmt.reads.add(target.id);
    else stmt.reads.delete(target.id);
  }

  /** Spark/Delta `UPDATE SET *` / `INSERT *`: each source column into the target column of its name. */
  private mergeAll(sources: Source[], targetSource: Source, target: LineageObject, effect: EffectType): void {
    const ctx = this.ctx;
    const b = ctx.b;
    const pid = ctx.stmt!.process.id;
    for (const src of sources) {
      const cols: ColumnRef[] = src.rs
        ? src.rs.cols.map((c) => ({ obj: src.rs!.obj, col: c.col }))
        : [...(src.known?.values() ?? [])].map((n) => ({ obj: src.obj, col: b.column(src.obj, n) }));
      if (!src.rs && cols.length > 0) ctx.read(src.obj);
      for (const from of cols) for (const to of this.writtenColumn(targetSource, target, from.col.name)) b.edge('fdd', effect, from, to, pid);
      if (src.rs ? src.rs.stars.length > 0 : !src.known) {
        const from = src.rs ? { obj: src.rs.obj, col: b.column(src.rs.obj, '*') } : { obj: src.obj, col: b.column(src.obj, '*') };
        if (!src.rs) ctx.read(src.obj);
        b.edge('fdd', effect, from, { obj: target, col: b.column(target, '*') }, pid);
      }
    }
  }

  /**
   * `CREATE TEMP TABLE t AS SELECT .. FROM t` (`Semantics.temporarySchema`): the query reads the
   * `t` named before the temporary table it creates.
   */
  private beforeTemporary<T>(read: () => T): T {
    const key = this.freshTemporary;
    if (key === undefined) return read();
    this.ctx.temporaryTables.delete(key);
    try {
      return read();
    } finally {
      this.ctx.temporaryTables.add(key);
    }
  }

  private createTable(s: A.CreateTableStmt): LineageObject[] {
    const ctx = this.ctx;
    const obj = dataset(ctx, s.name, 'table');
    // A table of the name of a view over `*` is no longer that view.
    ctx.starViews.delete(obj.id);
    if (s.as) {
      const rs = this.beforeTemporary(() => this.qa.query(s.as!, undefined, queryTarget('insert-select', `INSERT-SELECT-${ctx.b.count('INSERT-SELECT')}`, true)));
      const names = s.columns.length > 0 ? s.columns.map((c) => c.name.text) : rs.cols.map((c) => c.name);
      this.flow(rs, obj, names);
      // Declared column types name their own struct fields; else the copied columns' carry on.
      const typed = s.columns.some((c) => c.type !== undefined);
      const structs = typed ? declaredStructs(ctx, s.columns.map((c) => ({ name: c.name.text, type: c.type }))) : passedStructs(ctx, rs, names);
      remember(ctx, s.name, s.columns.length > 0 ? names : widthKnown(rs, names), 'table', false, structs);
      if (s.columns.length === 0) this.throughStar(obj, rs);
      return [obj];
    }
    let names = s.columns.map((c) => c.name.text);
    // A copy of a table whose columns are unknown has unknown columns too, not none: later
    // inserts into it must not be checked against an empty list (that dropped their lineage).
    let known = true;
    // A copy's struct columns keep their fields.
    const copied = s.clone ?? s.like;
    const copiedStructs = copied ? ctx.catalog.get(qualify(ctx, copied))?.structs : undefined;
    if (s.clone) {
      const from = dataset(ctx, s.clone, 'table');
      ctx.read(from);
      const cols = knownColumns(ctx, s.clone);
      known = cols !== undefined;
      names = [...(cols?.values() ?? [])];
      for (const n of names) ctx.b.edge('fdd', 'create_table', { obj: from, col: ctx.b.column(from, n) }, { obj, col: ctx.b.column(obj, n) }, ctx.stmt!.process.id);
      if (!known) {
        // Columns unknown: a copy of all of them, as `CREATE TABLE b AS SELECT * FROM a` is; a later
        // read of one of b's columns is traced to a's column of that name (scope.ts `viewColumn`).
        ctx.b.edge('fdd', 'create_table', { obj: from, col: ctx.b.column(from, '*') }, { obj, col: ctx.b.column(obj, '*') }, ctx.stmt!.process.id);
        ctx.starViews.set(obj.id, { under: [from], stmt: ctx.stmt!, done: new Set() });
      }
      ctx.b.edge('fdd', 'create_table', { obj: from, col: ctx.b.relationRows(from) }, { obj, col: ctx.b.relationRows(obj) }, ctx.stmt!.process.id);
    } else if (s.like) {
      const like = dataset(ctx, s.like, 'table');
      ctx.read(like);
      const cols = knownColumns(ctx, s.like);
      known = cols !== undefined;
      // PostgreSQL `(LIKE src INCLUDING ALL, extra int)`: the copied columns, then the declared ones.
      names = [...(cols?.values() ?? []), ...names];
    }
    for (const c of s.columns) ctx.b.column(obj, c.name.text, ctx.loc(c.name.start, c.name.end));
    for (const n of names) ctx.b.column(obj, n);
    // A table declared without columns (Databricks `CREATE STREAMING TABLE t;` before APPLY CHANGES,
    // ClickHouse `CREATE TABLE t AS other`) has unknown ones, not none.
    const declared = declaredStructs(ctx, s.columns.map((c) => ({ name: c.name.text, type: c.type })));
    const structs = copiedStructs && declared ? new Map([...copiedStructs, ...declared]) : (declared ?? copiedStructs);
    const identity = s.columns.filter((c) => c.identity).map((c) => c.name.text);
    if (known && names.length > 0) ctx.catalog.set(qualify(ctx, s.name), { columns: names, kind: 'table', origin: 'session', structs, ...(identity.length > 0 ? { identity } : {}) });
    return [obj];
  }

  private createView(s: A.CreateViewStmt): LineageObject[] {
    const ctx = this.ctx;
    const obj = dataset(ctx, s.name, 'view');
    obj.type = 'view';
    const rs = this.qa.query(s.query, undefined, queryTarget('select_list', `RS-VIEW-${ctx.b.count('VIEW')}`, true));
    const names = s.columns?.map((c) => c.text) ?? rs.cols.map((c) => c.name);
    if (s.into) {
      // A ClickHouse materialized view with TO stores nothing: each insert into its source lands in the TO table.
      const into = dataset(ctx, s.into, 'table');
      this.flow(rs, into, names, 'insert', s.columns, !s.columns);
      return [into];
    }
    this.flow(rs, obj, names, undefined, s.columns, !s.columns);
    remember(ctx, s.name, s.columns ? names : widthKnown(rs, names), s.tableFunction ? 'function' : 'view', false, passedStructs(ctx, rs, names));
    // `RETURNS SETOF t AS 'SELECT * FROM t ..'` of unknown columns: still read as a table (through its `*`) by `FROM f(..)`.
    if (s.tableFunction && !s.columns && rs.stars.length > 0) ctx.openFunctions.add(tableKey(ctx.key, qualify(ctx, s.name)));
    if (!s.columns) this.throughStar(obj, rs, s.ownColumns);
    else ctx.starViews.delete(obj.id);
    return [obj];
  }

  /**
   * A view or table made from a query with a `*` of unknown width: a later read of one of its
   * columns is traced through the `*` (scope.ts `viewColumn`); `own` are its columns besides the query's.
   */
  private throughStar(obj: LineageObject, rs: ResultSet, own: string[] = []): void {
    const ctx = this.ctx;
    if (rs.stars.length === 0 || !ctx.stmt) return void ctx.starViews.delete(obj.id);
    // Its named outputs, and the names a `* EXCEPT (..)` / `RENAME` took out, are not looked for under the `*`.
    const done = new Set([...rs.cols.map((c) => c.key), ...(rs.hidden ?? []), ...own.map((c) => ctx.key(c, false))]);
    const fields = structsUnderStars(ctx, rs);
    ctx.starViews.set(obj.id, { under: [...new Set(tablesUnderStars(ctx, rs))], stmt: ctx.stmt, done, ...(fields.length > 0 ? { fields } : {}) });
  }

  /** COPY between tables and files: the file (a path) is a dataset named by its URI. */
  private copy(s: A.OtherStmt): LineageObject[] {
    const ctx = this.ctx;
    const b = ctx.b;
    const path = (p: string) => b.dataset(`path:${p}`, 'table', p, undefined, undefined, ctx.loc(s.start, s.end));
    const reads = [...(s.reads ?? []).map((q) => dataset(ctx, q, 'table')), ...(s.pathReads ?? []).map(path)];
    const writes = [...(s.writes ?? []).map((q) => dataset(ctx, q, 'table')), ...(s.pathWrites ?? []).map(path)];
    for (const r of reads) {
      ctx.stmt!.reads.add(r.id);
      for (const w of writes) b.edge('fdd', 'insert', { obj: r, col: b.relationRows(r) }, { obj: w, col: b.relationRows(w) }, ctx.stmt!.process.id);
    }
    return writes;
  }

  private rename(s: A.RenameStmt): LineageObject[] {
    const ctx = this.ctx;
    const from = dataset(ctx, s.from, 'table');
    const toName = s.to.parts.length === 1 && s.from.parts.length > 1 ? { ...s.to, parts: [...s.from.parts.slice(0, -1), ...s.to.parts] } : s.to;
    if (s.swap) {
      // `ALTER TABLE a SWAP WITH b`: b (the one just loaded) becomes a; a's old rows, now b, are what is replaced.
      const other = dataset(ctx, toName, 'table');
      ctx.read(other);
      ctx.b.edge('fdd', 'insert', { obj: other, col: ctx.b.relationRows(other) }, { obj: from, col: ctx.b.relationRows(from) }, ctx.stmt!.process.id);
      ctx.catalog.swap(qualify(ctx, s.from), qualify(ctx, toName));
      return [from];
    }
    ctx.read(from);
    const to = dataset(ctx, toName, from.type === 'view' ? 'view' : 'table');
    ctx.b.edge('fdd', 'rename_table', { obj: from, col: ctx.b.relationRows(from) }, { obj: to, col: ctx.b.relationRows(to) }, ctx.stmt!.process.id);
    ctx.catalog.rename(qualify(ctx, s.from), qualify(ctx, toName));
    return [to];
  }
}

/**
 * The IDENTITY columns `SELECT .. INTO t` gives t, as SQL Server and Sybase ASE do: an
 * `IDENTITY(type, seed, step)` item, and an IDENTITY column of the one table read, selected once
 * as itself (by name or `*`), unless the query joins, groups or is a UNION.
 */
function intoIdentity(ctx: Context, q: A.Query, first: A.Select): string[] {
  const out: string[] = [];
  for (const item of first.items) {
    const e = item.expr;
    if (e.k === 'func' && e.name.parts.length === 1 && /^IDENTITY$/i.test(e.name.parts[0]!.text) && item.alias) out.push(item.alias.text);
  }
  const from = first.from[0];
  if (q !== first || first.from.length !== 1 || from?.k !== 'table' || first.groupBy.length > 0 || first.groupByAll) return out;
  const identity = ctx.catalog.get(qualify(ctx, from.name))?.identity ?? [];
  const key = (name: string) => ctx.key(name, false);
  for (const column of identity) {
    // The outputs that are the column itself: `*`, `t.*`, `c` or `t.c [AS name]`.
    const copies = first.items.flatMap((item) => {
      const e = item.expr;
      if (e.k === 'star') return [column];
      if (e.k === 'col' && key(e.name.parts[e.name.parts.length - 1]!.text) === key(column)) return [item.alias?.text ?? column];
      return [];
    });
    if (copies.length === 1) out.push(copies[0]!);
  }
  return out;
}

/**
 * The source and column a SET target names: `t.col` / `s.t.col`; `t.addr.city` and `addr.city`
 * (no source named `addr`) write the struct column `addr`, as reads resolve them.
 */
function setTarget(ctx: Context, scope: Scope, parts: A.Ident[], targetSource: Source | undefined): { src: Source | undefined; column: A.Ident } {
  for (let n = parts.length - 1; n >= 1; n--) {
    const src = scope.source(ctx, parts, n);
    if (src) return { src, column: parts[n]! };
  }
  return { src: targetSource, column: parts[0]! };
}

/**
 * `SET (a, b) = (x, y)` / `= ROW(x, y)`: each column gets the value at its position, like
 * `SET a = x, b = y`. Other multi-column values (a subquery, a function's result) stay whole.
 */
function pairwise(a: A.Assignment): A.Assignment[] {
  const v = a.value;
  const items = v.k === 'op' && v.op === 'ROW' ? v.args : v.k === 'func' && !v.over && oneWord(v.name) === 'ROW' ? v.args : undefined;
  if (a.columns.length < 2 || items?.length !== a.columns.length) return [a];
  return a.columns.map((c, i) => ({ ...a, columns: [c], value: items[i]! }));
}

/**
 * Where output `i` of `rs` lands in a list of `n` columns: its own position before a `*` of
 * unknown width; after the last such `*`, counted from the end (the list and the outputs end
 * together); between two of them, nowhere (-1).
 */
function positionIn(rs: ResultSet, i: number, n: number): number {
  if (rs.starAt === undefined || i < rs.starAt) return i;
  if (i < rs.starEnd!) return -1;
  const at = n - (rs.cols.length - i);
  return at >= rs.starAt ? at : -1;
}

function withoutInto(q: A.Query): A.Query {
  if (q.k === 'select') return { ...q, into: undefined, intoVars: undefined };
  if (q.k === 'setop') return { ...q, left: withoutInto(q.left) };
  return q;
}

/** A derived table of FROM with this alias. */
function findDerived(ref: A.TableRef, key: string, ctx: Context): A.DerivedTable | undefined {
  for (const r of joinLeaves(ref)) if (r.k === 'derived' && r.alias && ctx.key(r.alias.text, r.alias.quoted) === key) return r;
  return undefined;
}

/** Qualifier of the proposed row in an upsert (PostgreSQL/SQLite spelling; see `proposedValues`). */
const EXCLUDED = 'excluded';

/** MySQL `VALUES(c)` in ON DUPLICATE KEY UPDATE reads the proposed row: `excluded.c`. */
function proposedValues(e: A.Expr): A.Expr {
  return mapTree(e, (n) => {
    const f = n as A.Expr;
    if (f.k !== 'func' || f.args.length !== 1 || oneWord(f.name) !== 'VALUES') return undefined;
    const arg = f.args[0]!;
    if (arg.k !== 'col' || arg.name.parts.length !== 1) return undefined;
    const q = { text: EXCLUDED, quoted: false, start: f.start, end: f.start };
    return { ...arg, name: { ...arg.name, parts: [q, arg.name.parts[0]!] } };
  }) as A.Expr;
}

/** The columns a query's result is known to have: with a `*` of unknown width among them, not all (`remember` then keeps none). */
function widthKnown(rs: ResultSet, names: string[]): string[] {
  return rs.stars.length > 0 ? [...names, '*'] : names;
}

/**
 * The struct columns whose fields `rs` holds through a `*` (`SELECT li.* FROM .. explode(o.items) v
 * AS li`: o.items), as the dataset columns they come from, through its subqueries.
 */
function structsUnderStars(ctx: Context, rs: ResultSet): ColumnRef[] {
  const out: ColumnRef[] = [];
  for (const star of rs.stars) {
    for (const c of baseColumnsOf(ctx, star)) if (c.col.name !== '*' && !out.some((o) => o.col === c.col)) out.push(c);
  }
  return out;
}

/** The columns an INSERT without a column list fills, of those it writes (`insertedColumns`): all but its fixed partitions. */
function filledColumns(ctx: Context, inserted: string[], fixed: A.Ident[] | undefined): string[] {
  if (!fixed) return inserted;
  const skip = new Set(fixed.map((c) => identKey(ctx.key, c)));
  return inserted.filter((name) => !skip.has(ctx.key(name, false)));
}

/** The key a FROM item answers to as a qualifier: its alias, or a table's own name; none for an unaliased derived table. */
function fromItemQualifier(ctx: Context, t: A.TableRef): string[] {
  const alias = 'alias' in t ? t.alias : undefined;
  if (alias) return [identKey(ctx.key, alias)];
  return t.k === 'table' ? [identKey(ctx.key, t.name.parts[t.name.parts.length - 1]!)] : [];
}

/** `o.amount` → its key `o.amount` (parts' keys joined). */
function columnKey(ctx: Context, name: A.QName): string {
  return name.parts.map((p) => identKey(ctx.key, p)).join('.');
}

/**
 * The qualified columns a query passes on under another name (`SELECT o.amount AS amt`): `o.amount`
 * read by an INSERT ALL's WHEN or VALUES is that output, `amt`.
 */
function renamedColumns(ctx: Context, q: A.Select): Map<string, A.ColumnRef> {
  const out = new Map<string, A.ColumnRef>();
  for (const item of q.items) {
    const e = item.expr;
    if (e.k !== 'col' || e.name.parts.length < 2 || !item.alias) continue;
    out.set(columnKey(ctx, e.name), columnNamed({ ...item.alias, start: e.start, end: e.end }));
  }
  return out;
}
