/**
 * T-SQL `OUTPUT inserted.c, deleted.c [INTO t (cols)]` of INSERT / UPDATE / DELETE / MERGE, as
 * the query whose rows it writes: `inserted.c` is the value the statement wrote into `c` (read
 * from that value's sources, as the written column itself would be), `deleted.c` the row's old
 * value (the target's column). A column the statement does not write keeps its old value in
 * `inserted` too. The rows are those the statement changed: its joins, WHERE and MERGE ON decide
 * them.
 */
import type * as A from '../ast/nodes.js';
import { mapTree } from '../ast/walk.js';
import type { Context } from './context.js';
import { aliasedTarget, insertedColumns } from './tables.js';
import { and } from '../../grammars/build.js';

type Dml = A.InsertStmt | A.UpdateStmt | A.DeleteStmt | A.MergeStmt;
/** The OUTPUT items and where they are written. */
type Output = Pick<A.OutputClause, 'items' | 'start' | 'end'>;
/** What `inserted.c` / `deleted.c` stand for in one set of rows (undefined: NULL). */
type Row = (column: A.Ident) => A.Expr | undefined;

/**
 * The rows an OUTPUT clause hands on; where the written values cannot be told (`inserted.*`, an
 * INSERT without a column list), the table's own rows stand for `inserted` and `deleted`.
 */
export function outputRows(ctx: Context, s: Dml, out: Output): A.Query | undefined {
  const rows = outputOf(ctx, s, out);
  // The statement's CTEs stay visible (`WITH src AS (..) MERGE t USING src .. OUTPUT inserted.c`).
  return rows && s.with && s.k !== 'insert' ? withCtes(rows, s.with) : rows;
}

function outputOf(ctx: Context, s: Dml, out: Output): A.Query | undefined {
  if (!out.items.some((i) => i.expr.k === 'star')) {
    const q = outputQuery(ctx, s, out);
    if (q) return q;
  }
  const table = s.k === 'insert' ? s.target : writtenTable(ctx, s.target, s.k === 'update' ? s.from : s.k === 'delete' ? s.using : []);
  if (!table) return undefined;
  const as = (alias: string): A.TableName => ({ k: 'table', name: table, alias: ident(alias, out), start: out.start, end: out.start });
  const from: A.TableRef[] = [as('inserted'), as('deleted')];
  if (s.k === 'merge') from.push(s.source);
  return { k: 'select', items: out.items, from, groupBy: [], start: out.start, end: out.end };
}

/** The table a DML statement writes: its target, or the table a T-SQL `UPDATE alias ... FROM` alias names. */
function writtenTable(ctx: Context, t: A.TableRef, from: A.TableRef[]): A.QName | undefined {
  if (t.k !== 'table') return undefined;
  return (aliasedTarget(ctx, t, from) ?? t).name;
}

/** The query an OUTPUT clause writes, or undefined where its rows are only the target table's. */
function outputQuery(ctx: Context, s: Dml, out: Output): A.Query | undefined {
  switch (s.k) {
    case 'insert':
      return insertRows(ctx, s, out);
    case 'update': {
      const t = target(ctx, s.target, s.from);
      return t && select(out, { inserted: written(ctx, s.sets, t.column), deleted: t.column }, t.from, s.where);
    }
    case 'delete': {
      const t = target(ctx, s.target, s.using);
      return t && select(out, { inserted: () => undefined, deleted: t.column }, t.from, s.where);
    }
    case 'merge':
      return mergeRows(ctx, s, out);
  }
}

/**
 * `INSERT INTO t (cols) OUTPUT inserted.c ... SELECT/VALUES ...`: `inserted` is the source's rows
 * named by the column list (without one, the columns it writes when known: `insertedColumns`); a
 * column the list leaves out (an IDENTITY, a default) is the table's.
 */
function insertRows(ctx: Context, s: A.InsertStmt, out: Output): A.Query | undefined {
  const cols = s.columns?.length ? s.columns : s.byName ? undefined : insertedColumns(ctx, s.target)?.map((c) => ident(c, out));
  if (!s.source || !cols?.length) return undefined;
  const rows: A.DerivedTable = { k: 'derived', query: s.with ? withCtes(s.source, s.with) : s.source, alias: ident('inserted', out), columnAliases: cols, start: out.start, end: out.start };
  const from: A.TableRef[] = [rows];
  const inserted: Row = (c) => {
    if (cols.some((x) => same(ctx, x, c))) return column([ident('inserted', out)], c);
    if (from.length === 1) from.push({ k: 'table', name: s.target, start: out.start, end: out.start });
    return column(s.target.parts, c);
  };
  return select(out, { inserted, deleted: () => undefined }, from);
}

/** Every WHEN arm's rows, one after the other (`$action` tells them apart). */
function mergeRows(ctx: Context, s: A.MergeStmt, out: Output): A.Query | undefined {
  const t = target(ctx, s.target, [s.source]);
  if (!t) return undefined;
  const both = t.from.includes(s.source) ? t.from : [...t.from, s.source];
  const arms: A.Query[] = [];
  for (const w of s.whens) {
    const where = w.cond ? and(s.on, w.cond) : s.on;
    if (w.action === 'update' && w.sets) arms.push(select(out, { inserted: written(ctx, w.sets, t.column), deleted: t.column }, both, where));
    else if (w.action === 'delete') arms.push(select(out, { inserted: () => undefined, deleted: t.column }, both, where));
    else if (w.action === 'insert' && w.columns && w.values) {
      const cols = w.columns;
      const values = w.values;
      const inserted: Row = (c) => values[cols.findIndex((x) => same(ctx, x, c))];
      arms.push(select(out, { inserted, deleted: () => undefined }, [s.source], w.cond));
    }
  }
  if (arms.length === 0) return undefined;
  return arms.reduce((left, right): A.Query => ({ k: 'setop', op: 'union', all: true, left, right, start: out.start, end: out.end }));
}

/** The table written and how its old columns are named: through its alias in FROM, or by itself added to FROM. */
function target(ctx: Context, t: A.TableRef, from: A.TableRef[]): { from: A.TableRef[]; column: Row } | undefined {
  if (t.k !== 'table') return undefined;
  const r = aliasedTarget(ctx, t, from);
  if (r) return { from, column: (c) => column(r.alias ? [r.alias] : r.name.parts, c) };
  return { from: [t, ...from], column: (c) => column(t.alias ? [t.alias] : t.name.parts, c) };
}

/** `inserted.c` after SET: the value assigned to `c`, else the old value. */
function written(ctx: Context, sets: A.Assignment[], old: Row): Row {
  return (c) => {
    const set = sets.find((a) => a.columns.length === 1 && same(ctx, a.columns[0]!.parts[a.columns[0]!.parts.length - 1]!, c));
    return set ? set.value : old(c);
  };
}

/** `SELECT <OUTPUT items, inserted/deleted replaced> FROM from WHERE where`. */
function select(out: Output, rows: { inserted: Row; deleted: Row }, from: A.TableRef[], where?: A.Expr): A.Select {
  const items = out.items.map((item): A.SelectItem => {
    const expr = mapTree(item.expr, (node) => {
      const n = node as A.Expr;
      if (n.k !== 'col' || n.name.parts.length !== 2) return undefined;
      const [q, c] = n.name.parts as [A.Ident, A.Ident];
      const which = q.text.toLowerCase();
      if (which !== 'inserted' && which !== 'deleted') return undefined;
      return rows[which](c) ?? { k: 'lit', kind: 'null', text: 'NULL', start: n.start, end: n.end };
    }) as A.Expr;
    // A bare `inserted.c` keeps its name `c` whatever it now reads.
    const alias = item.alias ?? (item.expr.k === 'col' && expr !== item.expr ? item.expr.name.parts[item.expr.name.parts.length - 1] : undefined);
    return { ...item, expr, alias };
  });
  return { k: 'select', items, from, where, groupBy: [], start: out.start, end: out.end };
}

function withCtes(q: A.Query, w: A.With): A.Query {
  return { ...q, with: q.with ? { ...w, ctes: [...w.ctes, ...q.with.ctes] } : w };
}

/** Do two names name the same column (the dialect's rules)? */
function same(ctx: Context, a: A.Ident, b: A.Ident): boolean {
  return ctx.key(a.text, a.quoted) === ctx.key(b.text, b.quoted);
}

function column(qualifier: A.Ident[], c: A.Ident): A.ColumnRef {
  return { k: 'col', name: { parts: [...qualifier, c], start: c.start, end: c.end }, start: c.start, end: c.end };
}

function ident(text: string, at: A.Node): A.Ident {
  return { text, quoted: false, start: at.start, end: at.end };
}
