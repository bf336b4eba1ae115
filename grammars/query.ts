/** Grammar chapter: queries (WITH, set operations, SELECT, FROM items, joins, PIVOT, tails). */
import { EOF, MismatchedTokenException, tokenMatcher, type IToken } from './chevrotain.js';
import type { Cte, DeclaredColumn, Expr, FuncCall, Ident, JoinRef, MatchRecognize, OrderItem, Query, QName, Select, SelectItem, Star, Statement, TableRef, With } from '../src/ast/nodes.js';
import { and, ident, intoNames, list, pathName, selectAll, selectColumns, stringName, tableOfName } from './build.js';
import { saveError } from './internals.js';
import { stringValue } from './literals.js';
import type { SqlParser } from './parser.js';
import * as T from './tokens.js';

const K = T.K;

/** Functions whose rows have several columns of their own (`jsonb_each`: key, value). */
const ROW_WIDTHS: Readonly<Record<string, number>> = { JSON_EACH: 2, JSONB_EACH: 2, JSON_EACH_TEXT: 2, JSONB_EACH_TEXT: 2 };

/** How many columns a table function's rows have before `WITH ORDINALITY` adds the position (unnest: one per array). */
function rowWidth(fn: FuncCall): number {
  return ROW_WIDTHS[fn.name.parts[fn.name.parts.length - 1]!.text.toUpperCase()] ?? Math.max(1, fn.args.length);
}

/** Statements whose OUTPUT rows a FROM item may read (T-SQL composable DML). */
const COMPOSABLE_DML = new Set([K.MERGE, K.INSERT, K.UPDATE, K.DELETE]);

/** The table `IDENTIFIER('db.s.t')` names (a call with one string argument). */
function identifierString(fn: FuncCall): QName | undefined {
  const arg = fn.args[0];
  if (fn.name.parts.length !== 1 || !/^IDENTIFIER$/i.test(fn.name.parts[0]!.text) || fn.args.length !== 1 || arg?.k !== 'lit' || arg.kind !== 'string') return undefined;
  return stringName(arg.text, arg.start, arg.end);
}

/** `ONLY name` or `ONLY (name)`: ONLY is the PostgreSQL inheritance modifier, not a table named ONLY. */
export function onlyTable(t1: IToken, t2: IToken): boolean {
  return t1.tokenType === K.ONLY && (t2.tokenType === T.LParen || tokenMatcher(t2, T.Identifier));
}

/** After `SELECT NORMALIZE`, tokens that make NORMALIZE a column (`SELECT normalize, x`, `normalize FROM t`, `normalize AS n`, `normalize.x`). */
const NORMALIZE_NOT_MODIFIER = new Set([T.Comma, K.FROM, K.AS, T.Dot, T.Semicolon, T.RParen, EOF]);
/** The words of Hive's `ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' ..`, `ROW FORMAT SERDE '..' WITH SERDEPROPERTIES (..)`, `RECORDREADER '..'`. */
const ROW_FORMAT_WORDS = /^(ROW|FORMAT|DELIMITED|FIELDS|TERMINATED|BY|ESCAPED|COLLECTION|ITEMS|MAP|KEYS|LINES|NULL|DEFINED|AS|SERDE|WITH|SERDEPROPERTIES|RECORDREADER|RECORDWRITER)$/i;
/** MySQL's export options after `INTO OUTFILE 'f'`: `FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' LINES TERMINATED BY '\\n'`, `CHARACTER SET utf8mb4`. */
const EXPORT_OPTION_WORDS = /^(FIELDS|COLUMNS|TERMINATED|OPTIONALLY|ENCLOSED|ESCAPED|BY|LINES|STARTING|CHARACTER|SET)$/i;
/** Hive's script calls `SELECT TRANSFORM (a, b) USING 'x.py'` (also MAP, REDUCE). */
const TRANSFORM_CALLS = /^(TRANSFORM|MAP|REDUCE)$/i;
/** What may follow `GROUP BY ALL` when no group items follow it. */
const GROUP_ALL_ENDS = new Set([T.Semicolon, T.RParen, EOF, K.HAVING, K.QUALIFY, K.ORDER, K.LIMIT, K.WINDOW, K.UNION, K.INTERSECT, K.EXCEPT, K.MINUS, K.OFFSET, K.FETCH]);

/** Db2 isolation levels of `WITH UR` after a query. */
export const ISOLATION = /^(UR|CS|RS|RR)$/i;

export const STAR_MODIFIERS = new Set(['EXCEPT', 'EXCLUDE', 'REPLACE', 'RENAME']);
/** MySQL `LOCK IN SHARE MODE` at tokens a, b? */
export function lockInShareMode(a: IToken, b: IToken | undefined): boolean {
  return /^LOCK$/i.test(a.image) && b?.tokenType === K.IN;
}
/** Does a `temporal` clause start at tokens a, b, c (after a table name)? */
export function temporalAt(a: IToken, b: IToken | undefined, c: IToken | undefined): boolean {
  if (a.tokenType === K.AS) return b?.tokenType === K.OF;
  if (a.tokenType === K.FOR) return b !== undefined && /^(SYSTEM_TIME|SYSTEM_VERSION|VERSION|TIMESTAMP)$/i.test(b.image) && tokenMatcher(b, T.Identifier);
  return /^(VERSION|TIMESTAMP)$/i.test(a.image) && b?.tokenType === K.AS && c?.tokenType === K.OF;
}
/** Snowflake time travel and change tracking after a table name: `AT(OFFSET => -60)`, `BEFORE(..)`, `CHANGES(..)`. */
export const TIME_TRAVEL = /^(AT|BEFORE|CHANGES)$/i;

interface Tail {
  orderBy?: OrderItem[];
  limit?: Expr;
  offset?: Expr;
  limitBy?: Expr[];
  document?: boolean;
}

/** A column a MODEL clause names (PARTITION BY, DIMENSION BY, MEASURES). */
interface ModelColumn {
  expr: Expr;
  alias?: Ident;
}

/** Oracle MODEL: its partition and dimension columns, its measures, and per rule the measure written and the names read. */
export interface Model {
  columns: ModelColumn[];
  measures: ModelColumn[];
  rules: { target: string; reads: string[] }[];
}

/**
 * A SELECT with a MODEL clause: its items read the model's rows, a derived table of the partition
 * and dimension columns and the measures over the SELECT's FROM .. HAVING. A measure also reads
 * what the rules assigning it read (the measures and dimensions named on their right sides, and
 * what those measures' rules read).
 */
function modelQuery(sel: Select, model: Model): Select {
  const key = (name: string) => name.toUpperCase();
  const nameOf = (c: ModelColumn): Ident | undefined => c.alias ?? (c.expr.k === 'col' ? c.expr.name.parts[c.expr.name.parts.length - 1] : undefined);
  const byName = new Map<string, ModelColumn>();
  for (const c of [...model.columns, ...model.measures]) {
    const n = nameOf(c);
    if (n !== undefined) byName.set(key(n.text), c);
  }
  const readsOf = (measure: string): Expr[] => {
    const seen = new Set([measure]);
    const out: Expr[] = [];
    const visit = (target: string) => {
      for (const r of model.rules) {
        if (key(r.target) !== target) continue;
        for (const read of r.reads.map(key)) {
          const c = byName.get(read);
          if (c === undefined || seen.has(read)) continue;
          seen.add(read);
          out.push(c.expr);
          if (model.measures.includes(c)) visit(read);
        }
      }
    };
    visit(measure);
    return out;
  };
  const item = (c: ModelColumn, extra: Expr[] = []): SelectItem => {
    const expr: Expr = extra.length === 0 ? c.expr : { k: 'op', op: 'MODEL', args: [c.expr, ...extra], start: c.expr.start, end: c.expr.end };
    return { expr, alias: nameOf(c), start: c.expr.start, end: (c.alias ?? c.expr).end };
  };
  const items = [
    ...model.columns.map((c) => item(c)),
    ...model.measures.map((c) => {
      const n = nameOf(c);
      return item(c, n === undefined ? [] : readsOf(key(n.text)));
    }),
  ];
  const rows: Select = { k: 'select', items, from: sel.from, where: sel.where, groupBy: sel.groupBy, having: sel.having, connectBy: sel.connectBy, start: sel.start, end: sel.end };
  if (sel.groupByAll) rows.groupByAll = true;
  return { ...sel, from: [{ k: 'derived', query: rows, start: sel.start, end: sel.end }], where: undefined, groupBy: [], groupByAll: undefined, having: undefined, connectBy: undefined };
}

export function defineQueryRules(this: SqlParser): void {
  const $ = this.dsl;
  const end = () => $.LA(0).endOffset! + 1;

  this.withClause = $.RULE('withClause', (): With => {
    const kw = $.CONSUME(K.WITH);
    let recursive = false;
    $.OPTION(() => {
      $.CONSUME(K.RECURSIVE);
      recursive = true;
    });
    const ctes: Cte[] = [];
    const scalars: { expr: Expr; alias: Ident }[] = [];
    let routines: Statement[] | undefined;
    // Oracle `WITH FUNCTION f(..) RETURN .. IS BEGIN .. END; [PROCEDURE ..] [cte, ..] query`: routines the query may call.
    $.OPTION2({
      GATE: () => this.proc?.withRoutines !== undefined && ($.LA(1).tokenType === K.FUNCTION || $.LA(1).tokenType === K.PROCEDURE) && tokenMatcher($.LA(2), T.Identifier) && $.LA(2).tokenType !== K.AS,
      DEF: () => {
        const first = $.CONSUME(T.AnyToken);
        $.ACTION(() => (routines = this.proc!.withRoutines!(first)));
      },
    });
    $.OPTION3({ GATE: () => routines === undefined || !this.startsQuery(1), DEF: () => $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        $.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            {
              // ClickHouse `WITH 10 AS n, (SELECT max(ts) FROM t) AS last, ..`: a name for an expression, not a CTE (`name AS (query)`).
              GATE: () => this.caps.queryClauses.has('scalarWith') && !(tokenMatcher($.LA(1), T.Identifier) && $.LA(2).tokenType === K.AS && $.LA(3).tokenType === T.LParen),
              ALT: () => {
                const expr = $.SUBRULE($.expr);
                $.CONSUME(K.AS);
                const alias = $.SUBRULE($.ident);
                scalars.push({ expr, alias });
              },
            },
            { ALT: () => ctes.push($.SUBRULE($.cte)) },
          ],
        });
      },
    }) });
    return $.ACTION((): With => {
      const w: With = { recursive, ctes, start: kw.startOffset, end: end() };
      if (scalars.length > 0) w.scalars = scalars;
      if (routines !== undefined) w.routines = routines;
      return w;
    });
  });

  this.cte = $.RULE('cte', (): Cte => {
    const name = $.SUBRULE($.ident);
    let columns: Ident[] | undefined;
    $.OPTION({ GATE: () => !this.startsQuery(1), DEF: () => (columns = $.SUBRULE($.identList)) });
    // Spark/Databricks accept `WITH t (SELECT ...)` without AS.
    $.OPTION3(() => $.CONSUME(K.AS));
    $.OPTION1(() => {
      $.OPTION2(() => $.CONSUME(K.NOT));
      $.CONSUME(K.MATERIALIZED);
    });
    $.CONSUME(T.LParen);
    // PostgreSQL data-modifying CTEs: `m AS (DELETE | UPDATE | INSERT ... RETURNING ...)`.
    const body = $.OR([
      { ALT: () => ({ query: $.SUBRULE($.query) }) },
      { ALT: () => ({ dml: $.SUBRULE($.insertStmt, { ARGS: [undefined] }) }) },
      { ALT: () => ({ dml: $.SUBRULE($.updateStmt, { ARGS: [undefined] }) }) },
      { ALT: () => ({ dml: $.SUBRULE($.deleteStmt, { ARGS: [undefined] }) }) },
    ]);
    $.CONSUME(T.RParen);
    return $.ACTION((): Cte => {
      const dml = (body as { dml?: Statement }).dml;
      const cte: Cte = { name, columns, query: (body as { query?: Query }).query, start: name.start, end: end() };
      // (INSERT ALL / FIRST is Oracle's, never a CTE: the CTE then has neither, and the resolver says so.)
      if (dml?.k === 'insert' || dml?.k === 'update' || dml?.k === 'delete') cte.dml = dml;
      return cte;
    });
  });

  /** `( a, b, c )` */
  this.identList = $.RULE('identList', (): Ident[] => {
    $.CONSUME(T.LParen);
    const ids: Ident[] = [];
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => ids.push($.SUBRULE($.ident)) });
    $.CONSUME(T.RParen);
    return ids;
  });

  this.query = $.RULE('query', (): Query => {
    if (!this.recording && this.fast !== undefined) {
      const fast = this.fast.query();
      if (fast !== undefined) return fast;
    }
    let w: With | undefined;
    $.OPTION(() => (w = $.SUBRULE($.withClause)));
    const body = $.SUBRULE($.setExpr);
    const tail = $.SUBRULE($.queryTail);
    return $.ACTION((): Query => {
      const q: Query = { ...body, ...tail };
      if (w) {
        q.with = body.with ? { ...w, ctes: [...w.ctes, ...body.with.ctes] } : w;
        q.start = w.start;
      }
      q.end = Math.max(q.end, end());
      return q;
    });
  });

  this.setExpr = $.RULE('setExpr', (): Query => {
    let left = $.SUBRULE($.queryTerm);
    // ClickHouse `SELECT .. SETTINGS k = v UNION ALL SELECT .. SETTINGS ..`: each branch may have its own.
    $.OPTION2({ GATE: () => this.settingsAhead(), DEF: () => $.SUBRULE($.settingsClause) });
    $.MANY({
      GATE: () => $.LA(1).tokenType !== K.MINUS || this.startsQuery(2),
      DEF: () => {
        const op = $.OR([
          { ALT: () => $.CONSUME(K.UNION) },
          { ALT: () => $.CONSUME(K.INTERSECT) },
          { ALT: () => $.CONSUME(K.EXCEPT) },
          { ALT: () => $.CONSUME(K.MINUS) },
        ]);
        let all = false;
        $.OPTION(() => {
          $.OR1([
            {
              ALT: () => {
                $.CONSUME(K.ALL);
                all = true;
              },
            },
            { ALT: () => $.CONSUME(K.DISTINCT) },
          ]);
        });
        $.OPTION1({
          GATE: () => /^BY$/i.test($.LA(2).image) && /^(CORRESPONDING)$/i.test($.LA(1).image),
          DEF: () => {
            $.CONSUME(T.Identifier);
            $.CONSUME(K.BY);
          },
        });
        const right = $.SUBRULE1($.queryTerm);
        $.OPTION3({ GATE: () => this.settingsAhead(), DEF: () => $.SUBRULE1($.settingsClause) });
        left = $.ACTION((): Query => {
          const o = op?.image?.toLowerCase() as 'union' | 'intersect' | 'except' | 'minus';
          return { k: 'setop', op: o, all, left, right, start: left.start, end: right.end };
        });
      },
    });
    return left;
  });

  this.queryTerm = $.RULE('queryTerm', (): Query => {
    return $.OR([
      { ALT: () => $.SUBRULE($.selectCore) },
      {
        // DuckDB `FROM t SELECT a WHERE ..` and `FROM t` (SELECT *); Hive / Spark `(FROM t SELECT a)`.
        GATE: () => this.caps.fromFirstQueries || this.caps.fromFirstSubqueries,
        ALT: () => {
          const kw = $.CONSUME(K.FROM);
          const from = $.SUBRULE($.tableRefs);
          const sel = $.OPTION(() => $.SUBRULE1($.selectCore));
          return $.ACTION((): Query => {
            if (sel) return { ...sel, from: [...from, ...sel.from], start: kw.startOffset };
            return selectAll(from, { start: kw.startOffset, end: kw.endOffset! + 1 }, kw.startOffset, end());
          });
        },
      },
      { ALT: () => $.SUBRULE($.pivotStatement) },
      {
        // PostgreSQL / MySQL `TABLE t`: every row and column of t.
        GATE: () => this.caps.tableQueries,
        ALT: () => {
          const kw = $.CONSUME(K.TABLE);
          const name = $.SUBRULE($.qname);
          return $.ACTION((): Query => selectAll([tableOfName(name)], name, kw.startOffset, end()));
        },
      },
      {
        ALT: () => {
          const lp = $.CONSUME(T.LParen);
          const q = $.SUBRULE($.query);
          $.CONSUME(T.RParen);
          return $.ACTION((): Query => ({ ...q, start: lp.startOffset, end: end() }));
        },
      },
      {
        ALT: () => {
          const kw = $.CONSUME(K.VALUES);
          const rows = $.SUBRULE($.valuesRows);
          return $.ACTION((): Query => ({ k: 'values_q', rows, start: kw.startOffset, end: end() }));
        },
      },
    ]);
  });

  /** `(1, 2), (3, 4)` or `1, 2` (single-column rows). */
  this.valuesRows = $.RULE('valuesRows', (): Expr[][] => {
    const rows: Expr[][] = [];
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        $.OR([
          {
            ALT: () => {
              $.OPTION(() => $.CONSUME(K.ROW));
              $.CONSUME(T.LParen);
              const row: Expr[] = [];
              $.MANY_SEP({ SEP: T.Comma, DEF: () => row.push($.SUBRULE($.expr)) });
              $.CONSUME(T.RParen);
              rows.push(row);
            },
          },
          { ALT: () => rows.push([$.SUBRULE1($.expr)]) },
        ]);
      },
    });
    return rows;
  });

  this.queryTail = $.RULE('queryTail', (): Tail => {
    const tail: Tail = {};
    $.OPTION(() => {
      $.CONSUME(K.ORDER);
      $.CONSUME(K.BY);
      tail.orderBy = $.SUBRULE($.orderItems);
    });
    $.MANY({
      GATE: () => {
        const t = $.LA(1);
        if (t.tokenType === K.FOR) return /^(UPDATE|XML|JSON|BROWSE|SHARE|READ|NO|KEY)$/i.test($.LA(2).image);
        if (t.tokenType === K.WITH) return this.isolationAhead();
        if (lockInShareMode(t, $.LA(2))) return true;
        // ClickHouse `SETTINGS k = v` / `FORMAT name`; any other name ends the query.
        if (t.tokenType === K.OFFSET || !tokenMatcher(t, T.Identifier)) return true;
        return (this.caps.queryClauses.has('settings') && /^(SETTINGS|FORMAT)$/i.test(t.image)) || this.interpolateAhead();
      },
      DEF: () => {
      $.OR([
        {
          ALT: () => {
            $.CONSUME(K.LIMIT);
            $.OR1([
              { ALT: () => $.CONSUME(K.ALL) },
              {
                ALT: () => {
                  tail.limit = $.SUBRULE($.arith);
                  $.OPTION1(() => {
                    $.CONSUME(T.Comma);
                    tail.offset = tail.limit;
                    tail.limit = $.SUBRULE1($.arith);
                  });
                  // ClickHouse `LIMIT 3 BY user_id`: at most n rows per value.
                  $.option(21, {
                    GATE: () => $.LA(1).tokenType === K.BY && this.caps.queryClauses.has('limitBy'),
                    DEF: () => {
                      const by = $.SUBRULE($.limitBy);
                      $.ACTION(() => (tail.limitBy = [...(tail.limitBy ?? []), ...by]));
                    },
                  });
                  // Vertica `LIMIT 1 OVER (PARTITION BY a ORDER BY b)`: n rows per partition, chosen by the
                  // partition and order columns (as ClickHouse's LIMIT n BY).
                  $.option(24, {
                    GATE: () => $.LA(1).tokenType === K.OVER && $.LA(2).tokenType === T.LParen && this.caps.queryClauses.has('limitOver'),
                    DEF: () => {
                      $.CONSUME(K.OVER);
                      const w = $.SUBRULE($.windowSpec);
                      $.ACTION(() => (tail.limitBy = [...(tail.limitBy ?? []), ...w.partitionBy, ...w.orderBy.map((o) => o.expr)]));
                    },
                  });
                  // ClickHouse `LIMIT 10 WITH TIES`: rows tied with the last one by the ORDER BY too.
                  $.option(22, {
                    GATE: () => $.LA(1).tokenType === K.WITH && $.LA(2).tokenType === K.TIES,
                    DEF: () => {
                      $.consume(22, K.WITH);
                      $.consume(22, K.TIES);
                    },
                  });
                },
              },
            ]);
          },
        },
        {
          ALT: () => {
            $.CONSUME(K.OFFSET);
            tail.offset = $.SUBRULE2($.arith);
            $.OPTION2(() => $.OR2([{ ALT: () => $.CONSUME(K.ROW) }, { ALT: () => $.CONSUME(K.ROWS) }]));
            // ClickHouse `LIMIT 2 OFFSET 1 BY user_id`: the offset within each value's rows.
            $.option(23, {
              GATE: () => $.LA(1).tokenType === K.BY && this.caps.queryClauses.has('limitBy'),
              DEF: () => {
                const by = $.SUBRULE1($.limitBy);
                $.ACTION(() => (tail.limitBy = [...(tail.limitBy ?? []), ...by]));
              },
            });
          },
        },
        {
          ALT: () => {
            $.CONSUME(K.FETCH);
            $.OR3([{ ALT: () => $.CONSUME(K.FIRST) }, { ALT: () => $.CONSUME(K.NEXT) }]);
            $.OPTION3(() => (tail.limit = $.SUBRULE3($.arith)));
            $.OPTION4(() => $.CONSUME(K.PERCENT));
            $.OR4([{ ALT: () => $.CONSUME1(K.ROW) }, { ALT: () => $.CONSUME1(K.ROWS) }]);
            $.OR5([
              { ALT: () => $.CONSUME(K.ONLY) },
              {
                ALT: () => {
                  $.CONSUME(K.WITH);
                  $.CONSUME(K.TIES);
                },
              },
            ]);
          },
        },
        {
          // ClickHouse `SETTINGS max_threads = 8, ..` (how the query runs).
          GATE: () => this.settingsAhead(),
          ALT: () => $.SUBRULE2($.settingsClause),
        },
        {
          // ClickHouse `ORDER BY d WITH FILL INTERPOLATE (x AS x + 1)`: how the filled rows are made.
          GATE: () => this.interpolateAhead(),
          ALT: () => {
            $.CONSUME2(T.Identifier);
            $.OPTION7(() => {
              $.CONSUME(T.LParen);
              $.SUBRULE1($.skipBalanced, { ARGS: [0] });
              $.CONSUME(T.RParen);
            });
          },
        },
        {
          // ClickHouse `FORMAT JSONEachRow`: how the result is written.
          GATE: () => this.caps.queryClauses.has('format'),
          ALT: () => {
            $.CONSUME(K.FORMAT);
            $.SUBRULE1($.ident);
          },
        },
        {
          // MySQL `LOCK IN SHARE MODE` (how the rows are locked).
          GATE: () => lockInShareMode($.LA(1), $.LA(2)),
          ALT: () => {
            $.CONSUME3(T.Identifier);
            $.CONSUME(K.IN);
            $.CONSUME4(T.AnyToken);
            $.CONSUME5(T.AnyToken);
          },
        },
        {
          // Db2 isolation `WITH UR | CS | RS | RR [USE AND KEEP SHARE | UPDATE | EXCLUSIVE LOCKS]` (how rows are locked), also inside INSERT .. SELECT.
          GATE: () => this.isolationAhead(),
          ALT: () => {
            $.consume(70, K.WITH);
            $.consume(71, T.Identifier);
            $.many(70, { GATE: () => /^(USE|AND|KEEP|SHARE|UPDATE|EXCLUSIVE|LOCKS)$/i.test($.LA(1).image), DEF: () => $.consume(72, T.AnyToken) });
          },
        },
        {
          // FOR UPDATE [OF ...] [NOWAIT], FOR XML PATH(''), FOR JSON AUTO, FOR BROWSE.
          GATE: () => $.LA(1).tokenType === K.FOR && /^(UPDATE|XML|JSON|BROWSE|SHARE|READ|NO|KEY)$/i.test($.LA(2).image),
          ALT: () => {
            $.CONSUME(K.FOR);
            const kind = $.LA(1).image;
            $.ACTION(() => {
              if (/^(XML|JSON)$/i.test(kind)) tail.document = true;
            });
            $.SUBRULE($.skipBalanced, { ARGS: [0] });
          },
        },
      ]);
      },
    });
    return tail;
  });

  this.selectCore = $.RULE('selectCore', (): Select => {
    if (!this.recording && this.fast !== undefined) {
      const fast = this.fast.selectCore();
      if (fast !== undefined) return fast;
    }
    const kw = $.CONSUME(K.SELECT);
    const sel: Select = { k: 'select', items: [], from: [], groupBy: [], start: kw.startOffset, end: 0 };
    $.OPTION({
      GATE: () => /^(SQL_CALC_FOUND_ROWS|SQL_NO_CACHE|HIGH_PRIORITY|STRAIGHT_JOIN|AS)$/i.test($.LA(1).image) && $.LA(2).tokenType !== T.Comma,
      DEF: () => {
        const m = $.CONSUME(T.AnyToken);
        const kind = $.OPTION1({ GATE: () => /^(STRUCT|VALUE)$/i.test($.LA(1).image), DEF: () => $.CONSUME1(T.AnyToken) });
        $.ACTION(() => {
          if (m.tokenType === K.AS && /^STRUCT$/i.test(kind?.image ?? '')) sel.asStruct = true;
        });
      },
    });
    // Informix `SELECT [SKIP n] [FIRST | LIMIT n] ..`: how many rows, no lineage.
    $.many(60, {
      GATE: () => this.caps.skipFirstRows && skipFirstAhead($.LA(1), $.LA(2)),
      DEF: () => {
        $.consume(60, T.AnyToken);
        $.consume(61, T.AnyToken);
      },
    });
    $.OPTION2(() => {
      $.OR([
        { ALT: () => $.CONSUME(K.ALL) },
        {
          ALT: () => {
            $.CONSUME(K.DISTINCT);
            sel.distinct = true;
            $.OPTION3(() => {
              $.CONSUME(K.ON);
              $.CONSUME(T.LParen);
              $.SUBRULE($.exprList);
              $.CONSUME(T.RParen);
            });
          },
        },
      ]);
    });
    $.option(21, {
      // Teradata `SELECT NORMALIZE [ON MEETS OR OVERLAPS] period_col, ..`: rows whose periods meet
      // or overlap are merged into one, a modifier like DISTINCT; a column named NORMALIZE is followed by `,`, FROM, AS or `.`.
      GATE: () => this.caps.queryClauses.has('normalize') && /^NORMALIZE$/i.test($.LA(1).image) && !NORMALIZE_NOT_MODIFIER.has($.LA(2).tokenType),
      DEF: () => {
        $.consume(21, T.Identifier);
        sel.distinct = true;
        $.option(22, {
          GATE: () => $.LA(1).tokenType === K.ON && /^(MEETS|OVERLAPS)$/i.test($.LA(2).image),
          DEF: () => {
            $.consume(22, K.ON);
            $.consume(22, T.AnyToken);
            $.option(23, () => {
              $.consume(23, K.OR);
              $.consume(23, T.AnyToken);
            });
          },
        });
      },
    });
    $.OPTION4({
      GATE: () => $.LA(1).tokenType === K.TOP && ($.LA(2).tokenType === T.NumberLit || $.LA(2).tokenType === T.LParen || $.LA(2).tokenType === T.Variable),
      DEF: () => {
        $.CONSUME(K.TOP);
        sel.top = $.SUBRULE($.primary);
        $.OPTION5(() => $.CONSUME(K.PERCENT));
        $.OPTION6(() => {
          $.CONSUME(K.WITH);
          $.CONSUME(K.TIES);
        });
      },
    });
    $.option(51, {
      // PL/pgSQL `SELECT INTO [STRICT] v, w expr, .. FROM ..`: the targets before the items.
      GATE: () => $.LA(1).tokenType === K.INTO,
      DEF: () => {
        $.consume(51, K.INTO);
        $.option(52, { GATE: () => /^STRICT$/i.test($.LA(1).image) && tokenMatcher($.LA(2), T.Identifier), DEF: () => $.consume(52, T.Identifier) });
        const targets = [$.subrule(52, $.qname)];
        $.many(53, () => {
          $.consume(53, T.Comma);
          targets.push($.subrule(53, $.qname));
        });
        $.ACTION(() => {
          if (targets.length === 1) sel.into = targets[0];
          sel.intoVars = targets.map((t) => t.parts.map((p) => p.text).join('.'));
        });
      },
    });
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => sel.items.push($.SUBRULE($.selectItem)) });
    $.option(44, {
      GATE: () => $.LA(1).tokenType === K.USING || ($.LA(1).tokenType === K.ROW && /^FORMAT$/i.test($.LA(2).image)),
      DEF: () => {
        const items = $.SUBRULE($.transformTail, { ARGS: [sel.items] });
        $.ACTION(() => (sel.items = items));
      },
    });
    $.option(45, {
      // MySQL `SELECT .. INTO OUTFILE 'f' [FIELDS TERMINATED BY ',' ..] FROM ..`: the result is written to the file.
      GATE: () => this.outfileAhead(),
      DEF: () => {
        $.consume(45, K.INTO);
        $.consume(45, T.Identifier);
        const p = $.consume(45, T.StringLit);
        $.many(45, {
          GATE: () => $.LA(1).tokenType === T.StringLit || EXPORT_OPTION_WORDS.test($.LA(1).image) || /^SET$/i.test($.LA(0).image),
          DEF: () => $.consume(46, T.AnyToken),
        });
        $.ACTION(() => {
          sel.into = pathName(stringValue(p.image), p.startOffset, p.endOffset! + 1);
          sel.intoFile = true;
        });
      },
    });
    $.OPTION7(() => {
      $.OPTION8(() => {
        $.CONSUME(K.BULK);
        $.CONSUME(K.COLLECT);
      });
      $.CONSUME(K.INTO);
      // `INTO [TEMP | TEMPORARY | UNLOGGED] [TABLE] t` (PostgreSQL, Redshift).
      $.many(54, {
        GATE: () => /^(TEMP|TEMPORARY|UNLOGGED|TABLE)$/i.test($.LA(1).image) && $.LA(2).tokenType !== T.Comma && $.LA(2).tokenType !== K.FROM,
        DEF: () => $.CONSUME2(T.AnyToken),
      });
      const targets = $.SUBRULE($.intoTargets);
      $.ACTION(() => {
        if (targets.length === 1 && 'parts' in targets[0]!) sel.into = targets[0] as QName;
        sel.intoVars = intoNames(targets);
      });
    });
    $.option(10, () => {
      $.CONSUME(K.FROM);
      sel.from = $.SUBRULE($.tableRefs);
    });
    $.option(19, {
      // ClickHouse `PREWHERE cond`: read first, filters like WHERE.
      GATE: () => /^PREWHERE$/i.test($.LA(1).image) && this.caps.queryClauses.has('prewhere'),
      DEF: () => {
        $.consume(19, T.Identifier);
        sel.prewhere = $.subrule(19, $.expr);
      },
    });
    $.option(11, () => {
      $.CONSUME(K.WHERE);
      sel.where = $.SUBRULE($.expr);
    });
    $.option(20, {
      // Vertica `TIMESERIES slice AS '3 seconds' OVER (PARTITION BY s ORDER BY ts)`.
      GATE: () => /^TIMESERIES$/i.test($.LA(1).image) && this.caps.queryClauses.has('timeseries'),
      DEF: () => {
        $.consume(20, T.Identifier);
        const alias = $.subrule(20, $.ident);
        $.consume(20, K.AS);
        const length = $.subrule(20, $.primary);
        $.consume(20, K.OVER);
        const window = $.subrule(20, $.windowSpec);
        $.ACTION(() => (sel.timeseries = { alias, length, window }));
      },
    });
    $.MANY(() => {
      const c = $.SUBRULE($.hierarchical);
      $.ACTION(() => (sel.connectBy ??= []).push(c));
    });
    $.option(12, () => {
      $.CONSUME(K.GROUP);
      $.CONSUME(K.BY);
      let all = false;
      $.option(13, () => $.OR2([{ ALT: () => (all = $.CONSUME1(K.ALL) !== undefined) }, { ALT: () => $.CONSUME1(K.DISTINCT) }]));
      // `GROUP BY ALL` alone: by every select item that is not an aggregate.
      $.option(18, {
        GATE: () => !all || !GROUP_ALL_ENDS.has($.LA(1).tokenType),
        DEF: () => $.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => sel.groupBy.push(...list($.SUBRULE($.groupItem))) }),
      });
      $.ACTION(() => {
        if (all && sel.groupBy.length === 0) sel.groupByAll = true;
      });
      // Hive, Spark `GROUP BY a, b GROUPING SETS ((a, b), (a), ())`: the sets after the list, no comma between.
      $.option(25, {
        GATE: () => $.LA(1).tokenType === K.GROUPING && $.LA(2).tokenType === K.SETS,
        DEF: () => sel.groupBy.push(...list($.SUBRULE1($.groupItem))),
      });
      // MySQL `WITH ROLLUP`, T-SQL / ClickHouse `WITH CUBE`, ClickHouse `WITH TOTALS`.
      $.many(14, {
        GATE: () =>
          $.LA(1).tokenType === K.WITH && ($.LA(2).tokenType === K.ROLLUP || $.LA(2).tokenType === K.CUBE || (/^TOTALS$/i.test($.LA(2).image) && this.caps.queryClauses.has('withTotals'))),
        DEF: () => {
          $.CONSUME1(K.WITH);
          $.consume(14, T.Identifier);
        },
      });
    });
    $.option(15, () => {
      $.CONSUME(K.HAVING);
      sel.having = $.SUBRULE1($.expr);
    });
    let model: Model | undefined;
    $.option(50, {
      GATE: () => $.LA(1).tokenType === K.MODEL && this.caps.queryClauses.has('model'),
      DEF: () => (model = $.SUBRULE($.modelClause)),
    });
    $.option(16, () => {
      $.CONSUME(K.WINDOW);
      sel.windows = [];
      $.AT_LEAST_ONE_SEP3({
        SEP: T.Comma,
        DEF: () => {
          const name = $.SUBRULE($.ident);
          $.CONSUME1(K.AS);
          const spec = $.SUBRULE($.windowSpec);
          sel.windows!.push({ name, spec });
        },
      });
    });
    $.option(17, () => {
      $.CONSUME(K.QUALIFY);
      sel.qualify = $.SUBRULE2($.expr);
    });
    $.option(80, {
      // DuckDB `USING SAMPLE 10% | 50 ROWS | reservoir(50 ROWS) [(method [, seed])] [REPEATABLE (seed)]`:
      // which of the rows are returned, constants only (no lineage).
      GATE: () => this.caps.queryClauses.has('usingSample') && $.LA(1).tokenType === K.USING && /^SAMPLE$/i.test($.LA(2).image),
      DEF: () => {
        $.consume(80, K.USING);
        $.consume(81, T.Identifier);
        $.many(80, {
          GATE: () => $.LA(1).tokenType === T.LParen || $.LA(1).tokenType === T.NumberLit || /^(%|PERCENT|ROWS|REPEATABLE|RESERVOIR|BERNOULLI|SYSTEM)$/i.test($.LA(1).image),
          DEF: () => $.subrule(80, $.tokenOrGroup),
        });
      },
    });
    $.option(24, {
      // Teradata `SAMPLE [WITH REPLACEMENT] [RANDOMIZED ALLOCATION] 0.25, 100` or
      // `SAMPLE WHEN cond THEN n [, n] .. [ELSE n] END`: which of the rows are returned.
      GATE: () => $.LA(1).tokenType === K.SAMPLE && this.caps.queryClauses.has('selectSample'),
      DEF: () => {
        $.consume(24, K.SAMPLE);
        const sample: Expr[] = [];
        $.many(25, { GATE: () => /^(WITH|REPLACEMENT|RANDOMIZED|ALLOCATION)$/i.test($.LA(1).image), DEF: () => $.consume(25, T.AnyToken) });
        $.or(26, [
          {
            GATE: () => $.LA(1).tokenType === K.WHEN,
            ALT: () => {
              $.AT_LEAST_ONE(() => {
                $.consume(26, K.WHEN);
                sample.push($.subrule(26, $.expr));
                $.consume(26, K.THEN);
                $.subrule(27, $.exprList);
              });
              $.option(27, () => {
                $.consume(27, K.ELSE);
                $.subrule(28, $.exprList);
              });
              $.consume(28, K.END);
            },
          },
          { ALT: () => void $.subrule(29, $.exprList) },
        ]);
        $.ACTION(() => (sel.sample = sample));
      },
    });
    $.option(28, {
      // Teradata `EXPAND ON period_col AS alias [BY INTERVAL '1' DAY | BY ANCHOR [PERIOD] MONTH_BEGIN] [FOR period]`.
      GATE: () => this.caps.queryClauses.has('expandOn') && /^EXPAND$/i.test($.LA(1).image) && $.LA(2).tokenType === K.ON,
      DEF: () => {
        $.consume(28, T.Identifier);
        $.consume(29, K.ON);
        const expr = $.subrule(30, $.expr);
        $.consume(30, K.AS);
        const alias = $.subrule(31, $.ident);
        let forPeriod: Expr | undefined;
        $.option(29, () => {
          $.consume(31, K.BY);
          $.or(32, [
            {
              GATE: () => /^ANCHOR$/i.test($.LA(1).image),
              ALT: () => {
                $.consume(32, T.Identifier);
                $.option(30, { GATE: () => /^PERIOD$/i.test($.LA(1).image), DEF: () => $.consume(33, T.Identifier) });
                $.consume(34, T.Identifier);
                $.option(31, () => {
                  $.consume(35, K.AT);
                  $.subrule(33, $.expr);
                });
              },
            },
            { ALT: () => void $.subrule(34, $.expr) },
          ]);
        });
        $.option(32, () => {
          $.consume(36, K.FOR);
          forPeriod = $.subrule(35, $.expr);
        });
        $.ACTION(() => (sel.expandOn = { expr, alias, forPeriod }));
      },
    });
    $.MANY1({
      // Hive/Spark CLUSTER BY / DISTRIBUTE BY / SORT BY.
      GATE: () => /^(CLUSTER|DISTRIBUTE|SORT)$/i.test($.LA(1).image) && $.LA(2).tokenType === K.BY,
      DEF: () => {
        $.CONSUME(T.Identifier);
        $.CONSUME1(K.BY);
        $.SUBRULE1($.orderItems);
      },
    });
    return $.ACTION((): Select => {
      sel.end = end();
      return model === undefined ? sel : modelQuery(sel, model);
    });
  });

  /** The targets after INTO (SELECT .. INTO, RETURNING .. INTO): names or variables, `a, b.c, @v, :w`. */
  this.intoTargets = $.RULE('intoTargets', (): (QName | IToken)[] => {
    const targets: (QName | IToken)[] = [];
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        $.OR([
          { ALT: () => targets.push($.SUBRULE($.qname)) },
          { ALT: () => targets.push($.CONSUME(T.Variable)) },
        ]);
      },
    });
    return targets;
  });

  /**
   * Oracle `MODEL [options] [REFERENCE r ON (query) ..] [MAIN m] [PARTITION BY (e [AS] a, ..)]
   * DIMENSION BY (..) MEASURES (..) [options] [RULES] [UPDATE | UPSERT [ALL]] [AUTOMATIC | SEQUENTIAL
   * ORDER] [ITERATE (n) [UNTIL (cond)]] (cell = expr, ..)`: the columns it names and, per rule, the
   * measure written and the names its right side reads. Options and reference models are skipped.
   */
  this.modelClause = $.RULE('modelClause', (): Model => {
    $.CONSUME(K.MODEL);
    const model: Model = { columns: [], measures: [], rules: [] };
    const atColumns = () => ($.LA(1).tokenType === K.PARTITION || /^DIMENSION$/i.test($.LA(1).image)) && $.LA(2).tokenType === K.BY;
    $.MANY({
      GATE: () => !atColumns() && $.LA(1).tokenType !== T.LParen && this.statementGoesOn(),
      DEF: () => {
        $.OR([
          {
            // REFERENCE r ON (query) DIMENSION BY (..) MEASURES (..): a lookup model, skipped whole.
            GATE: () => /^REFERENCE$/i.test($.LA(1).image),
            ALT: () => {
              $.CONSUME(T.Identifier);
              $.MANY1({
                GATE: () => !/^MEASURES$/i.test($.LA(1).image) && this.statementGoesOn(),
                DEF: () => $.SUBRULE($.tokenOrGroup),
              });
              $.CONSUME1(T.Identifier);
              $.CONSUME1(T.LParen);
              $.SUBRULE1($.skipBalanced, { ARGS: [0] });
              $.CONSUME1(T.RParen);
            },
          },
          { ALT: () => $.CONSUME1(T.AnyToken) },
        ]);
      },
    });
    $.OPTION(() => {
      $.CONSUME(K.PARTITION);
      $.CONSUME(K.BY);
      const partitions = $.SUBRULE($.modelColumns);
      $.ACTION(() => model.columns.push(...partitions));
    });
    $.CONSUME2(T.Identifier);
    $.CONSUME1(K.BY);
    const dimensions = $.SUBRULE1($.modelColumns);
    $.ACTION(() => model.columns.push(...dimensions));
    $.CONSUME3(T.Identifier);
    model.measures = $.SUBRULE2($.modelColumns);
    // Cell reference options, RULES, UPDATE / UPSERT, AUTOMATIC / SEQUENTIAL ORDER, ITERATE (n) [UNTIL (cond)].
    $.MANY2({
      GATE: () => $.LA(1).tokenType !== T.LParen && this.statementGoesOn(),
      DEF: () => {
        $.CONSUME2(T.AnyToken);
        $.OPTION1({
          GATE: () => /^(ITERATE|UNTIL)$/i.test($.LA(0).image),
          DEF: () => {
            $.CONSUME3(T.LParen);
            $.SUBRULE2($.skipBalanced, { ARGS: [0] });
            $.CONSUME3(T.RParen);
          },
        });
      },
    });
    $.CONSUME4(T.LParen);
    // The rules: `[UPDATE | UPSERT [ALL]] measure[cells] [ORDER BY ..] = expr, ..`, read as tokens.
    let depth = 0;
    let cells = 0;
    let rule: { target?: string; reads: string[]; right: boolean } = { reads: [], right: false };
    const flush = () => {
      if (rule.target !== undefined) model.rules.push({ target: rule.target, reads: rule.reads });
      rule = { reads: [], right: false };
    };
    $.MANY3({
      GATE: () => (depth > 0 || $.LA(1).tokenType !== T.RParen) && this.statementGoesOn(),
      DEF: () => {
        const t = $.CONSUME3(T.AnyToken);
        $.ACTION(() => {
          if (t.tokenType === T.LParen || t.image === '[') {
            depth++;
            if (t.image === '[') cells++;
          } else if (t.tokenType === T.RParen || t.image === ']') {
            depth--;
            if (t.image === ']') cells--;
          } else if (depth === 0 && t.tokenType === T.Comma) flush();
          else if (depth === 0 && t.tokenType === T.Eq && !rule.right) rule.right = true;
          else if (tokenMatcher(t, T.Identifier) && !/^(UPDATE|UPSERT|ALL)$/i.test(t.image)) {
            // The measure written, then the names its value reads (not those choosing cells: `s[CV(year) - 1]`).
            const name = ident(t);
            if (rule.target === undefined) rule.target = name.text;
            else if (rule.right && cells === 0) rule.reads.push(name.text);
          }
        });
      },
    });
    $.CONSUME4(T.RParen);
    $.ACTION(flush);
    return model;
  });

  /** A MODEL clause's `(expr [[AS] alias], ..)` of PARTITION BY, DIMENSION BY or MEASURES. */
  this.modelColumns = $.RULE('modelColumns', (): ModelColumn[] => {
    const out: ModelColumn[] = [];
    $.CONSUME(T.LParen);
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const expr = $.SUBRULE($.expr);
        let alias: Ident | undefined;
        $.OPTION({ GATE: () => $.LA(1).tokenType !== T.Comma && $.LA(1).tokenType !== T.RParen, DEF: () => (alias = $.SUBRULE($.alias, { ARGS: [false] })) });
        out.push({ expr, alias });
      },
    });
    $.CONSUME(T.RParen);
    return out;
  });

  /** START WITH cond | CONNECT BY [NOCYCLE] cond (Oracle hierarchical queries). */
  this.hierarchical = $.RULE('hierarchical', (): Expr => {
    return $.OR([
      {
        ALT: () => {
          $.CONSUME(K.START);
          $.CONSUME(K.WITH);
          return $.SUBRULE($.expr);
        },
      },
      {
        ALT: () => {
          $.CONSUME(K.CONNECT);
          $.CONSUME(K.BY);
          $.OPTION(() => $.CONSUME(K.NOCYCLE));
          return $.SUBRULE1($.expr);
        },
      },
    ]);
  });

  this.groupItem = $.RULE('groupItem', (): Expr[] => {
    if (!this.recording && this.fast !== undefined) {
      const fast = this.fast.groupItem();
      if (fast !== undefined) return fast;
    }
    return $.OR([
      {
        GATE: () => $.LA(1).tokenType === K.GROUPING && $.LA(2).tokenType === K.SETS,
        ALT: () => {
          $.CONSUME(K.GROUPING);
          $.CONSUME(K.SETS);
          $.CONSUME(T.LParen);
          const all: Expr[] = [];
          $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => all.push(...list($.SUBRULE($.groupItem))) });
          $.CONSUME(T.RParen);
          return all;
        },
      },
      {
        GATE: () => $.LA(1).tokenType === T.LParen && $.LA(2).tokenType === T.RParen,
        ALT: () => {
          $.CONSUME1(T.LParen);
          $.CONSUME1(T.RParen);
          return [];
        },
      },
      { ALT: () => [$.SUBRULE($.expr)] },
    ]);
  });

  this.selectItem = $.RULE('selectItem', (): SelectItem => {
    if (!this.recording && this.fast !== undefined) {
      const fast = this.fast.selectItem();
      if (fast !== undefined) return fast;
    }
    return $.OR([
      {
        // T-SQL `alias = expr`, `@var = expr`.
        GATE: () => this.caps.assignmentAlias && $.LA(2).tokenType === T.Eq && (tokenMatcher($.LA(1), T.Identifier) || $.LA(1).tokenType === T.Variable),
        ALT: () => {
          const target = $.OR1([{ ALT: () => $.CONSUME(T.Identifier) }, { ALT: () => $.CONSUME(T.Variable) }]);
          $.CONSUME(T.Eq);
          const expr = $.SUBRULE($.expr);
          return $.ACTION((): SelectItem => {
            if (target.tokenType === T.Variable) return { expr, assignTo: target.image, start: target.startOffset, end: end() };
            return { expr, alias: ident(target), start: target.startOffset, end: end() };
          });
        },
      },
      {
        ALT: () => {
          const expr = $.SUBRULE1($.expr);
          let alias: Ident | undefined;
          // `* EXCEPT (a)`, `* EXCLUDE a`, `* REPLACE (e AS c)`, `* RENAME (a AS b)` (BigQuery, Snowflake, DuckDB).
          $.MANY({
            GATE: () => expr?.k === 'star' && STAR_MODIFIERS.has($.LA(1).image.toUpperCase()) && ($.LA(2).tokenType === T.LParen || tokenMatcher($.LA(2), T.Identifier)),
            DEF: () => $.SUBRULE($.starModifier, { ARGS: [expr as Star] }),
          });
          const aliasList = () => $.LA(1).tokenType === K.AS && $.LA(2).tokenType === T.LParen;
          $.OPTION({ GATE: () => this.aliasAhead(true) && !aliasList(), DEF: () => (alias = $.SUBRULE($.alias, { ARGS: [true] })) });
          // Spark / Hive `stack(..) AS (a, b)`: a generator's outputs.
          const aliases = $.OPTION1({
            GATE: aliasList,
            DEF: () => {
              $.CONSUME(K.AS);
              return $.SUBRULE($.identList);
            },
          });
          return $.ACTION((): SelectItem => {
            if (aliases) return { expr, aliases, start: expr.start, end: end() };
            // Teradata `x (NAMED n)`: n names the item unless AS names it.
            if (expr.k === 'op' && expr.op === 'NAMED') {
              const n = expr.args[1]!;
              alias ??= { text: (n as { text: string }).text, quoted: this.text[n.start] === '"', start: n.start, end: n.end };
              return { expr: expr.args[0]!, alias, start: expr.start, end: end() };
            }
            return { expr, alias, start: expr.start, end: end() };
          });
        },
      },
    ]);
  });

  /** One modifier of `*`: EXCEPT / EXCLUDE (columns left out), REPLACE (expr AS col), RENAME (col AS new). */
  this.starModifier = $.RULE('starModifier', (star: Star): void => {
    const kw = $.CONSUME(T.AnyToken);
    const word = kw.image.toUpperCase();
    // Called from two alternatives: each call site has its own occurrence indexes.
    const one = (k: number) => {
      if (word === 'REPLACE') {
        const e = $.subrule(k, $.expr);
        $.consume(k, K.AS);
        const c = $.subrule(k, $.ident);
        $.ACTION(() => (star.replace ??= []).push({ expr: e, alias: c }));
      } else if (word === 'RENAME') {
        const from = $.subrule(k + 2, $.ident);
        $.consume(k + 2, K.AS);
        const to = $.subrule(k + 4, $.ident);
        $.ACTION(() => (star.rename ??= []).push({ from, to }));
      } else {
        const c = $.subrule(k + 6, $.ident);
        $.ACTION(() => (star.except ??= []).push(c));
      }
    };
    $.OR([
      {
        ALT: () => {
          $.CONSUME(T.LParen);
          $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => one(1) });
          $.CONSUME(T.RParen);
        },
      },
      { ALT: () => one(2) },
    ]);
    $.ACTION(() => (star.end = end()));
  });

  /** `[AS] name`; without AS only names that cannot start the next clause. */
  this.alias = $.RULE('alias', (allowString: boolean): Ident => {
    return $.OR([
      {
        ALT: () => {
          $.CONSUME(K.AS);
          return $.OR1([
            { ALT: () => $.SUBRULE($.ident) },
            {
              GATE: () => allowString,
              ALT: () => {
                const s = $.CONSUME(T.StringLit);
                return $.ACTION((): Ident => ({ text: s.image.slice(1, -1), quoted: true, start: s.startOffset, end: s.endOffset! + 1 }));
              },
            },
          ]);
        },
      },
      { GATE: () => this.canAlias($.LA(1)), ALT: () => $.SUBRULE1($.ident) },
      {
        GATE: () => allowString && this.caps.stringAliases,
        ALT: () => {
          const s = $.CONSUME1(T.StringLit);
          return $.ACTION((): Ident => ({ text: s.image.slice(1, -1), quoted: true, start: s.startOffset, end: s.endOffset! + 1 }));
        },
      },
    ]);
  });

  this.tableRefs = $.RULE('tableRefs', (): TableRef[] => {
    const refs: TableRef[] = [];
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        // Informix `, OUTER b` / `, OUTER (b, OUTER c)`: the outer join's condition is in WHERE,
        // so b and c are read as any FROM items.
        const outer = $.OPTION({ GATE: () => this.caps.outerFromItems && refs.length > 0, DEF: () => $.CONSUME(K.OUTER) });
        $.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            {
              GATE: () => outer !== undefined && $.LA(1).tokenType === T.LParen && !this.startsQuery(2),
              ALT: () => {
                $.CONSUME(T.LParen);
                const inner = $.SUBRULE1($.tableRefs);
                $.CONSUME(T.RParen);
                $.ACTION(() => refs.push(...inner));
              },
            },
            { ALT: () => refs.push($.SUBRULE($.tableRef)) },
          ],
        });
      },
    });
    return refs;
  });

  this.tableRef = $.RULE('tableRef', (): TableRef => {
    let left = $.SUBRULE($.tablePrimary);
    $.MANY({
      // ARRAY JOIN and MATCH_RECOGNIZE only where the dialect has them.
      GATE: () =>
        ($.LA(1).tokenType !== K.ARRAY || this.caps.queryClauses.has('arrayJoin')) &&
        ($.LA(1).tokenType !== K.MATCH_RECOGNIZE || this.caps.queryClauses.has('matchRecognize')) &&
        (($.LA(1).tokenType !== K.USE && $.LA(1).tokenType !== K.UNNEST) || (this.caps.documentQueries && documentJoinAhead($.LA(1), $.LA(2), $.LA(3)))),
      DEF: () => {
        left = $.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            {
              GATE: () => $.LA(1).tokenType === K.ARRAY || ($.LA(1).tokenType === K.LEFT && $.LA(2).tokenType === K.ARRAY),
              ALT: () => $.SUBRULE($.arrayJoin, { ARGS: [left] }),
            },
            { GATE: () => this.caps.documentQueries && documentJoinAhead($.LA(1), $.LA(2), $.LA(3)), ALT: () => $.SUBRULE($.documentJoin, { ARGS: [left] }) },
            { ALT: () => $.SUBRULE($.joinPart, { ARGS: [left] }) },
            { GATE: () => $.LA(2).tokenType === K.VIEW, ALT: () => $.SUBRULE($.lateralView, { ARGS: [left] }) },
            { ALT: () => $.SUBRULE($.pivot, { ARGS: [left] }) },
            { ALT: () => $.SUBRULE($.matchRecognize, { ARGS: [left] }) },
          ],
        });
      },
    });
    return left;
  });

  /**
   * Row pattern recognition: `MATCH_RECOGNIZE ([PARTITION BY ..] [ORDER BY ..] [MEASURES e [AS] m,
   * ..] [ONE ROW | ALL ROWS PER MATCH ..] [AFTER MATCH SKIP ..] PATTERN (..) [SUBSET ..] DEFINE v AS
   * cond, ..) [AS] a [(c1, ..)]`. The pattern (`A B+ C*? {- x -} ^ $ | ( )`) is read as balanced tokens.
   */
  this.matchRecognize = $.RULE('matchRecognize', (source: TableRef): TableRef => {
    $.CONSUME(K.MATCH_RECOGNIZE);
    $.CONSUME(T.LParen);
    const mr: MatchRecognize = { k: 'match_recognize', source, partitionBy: [], orderBy: [], measures: [], allRows: false, define: [], variables: [], start: source?.start, end: 0 };
    $.OPTION(() => {
      $.CONSUME(K.PARTITION);
      $.CONSUME(K.BY);
      mr.partitionBy = $.SUBRULE($.exprList);
    });
    $.OPTION1(() => {
      $.CONSUME(K.ORDER);
      $.CONSUME1(K.BY);
      mr.orderBy = $.SUBRULE($.orderItems);
    });
    $.OPTION2({
      GATE: () => /^MEASURES$/i.test($.LA(1).image),
      DEF: () => {
        $.CONSUME(T.Identifier);
        $.AT_LEAST_ONE_SEP({
          SEP: T.Comma,
          DEF: () => {
            // `FINAL LAST(x)` / `RUNNING LAST(x)`: which rows of the match the function sees.
            $.OPTION3({ GATE: () => /^(FINAL|RUNNING)$/i.test($.LA(1).image) && tokenMatcher($.LA(2), T.Identifier), DEF: () => $.CONSUME1(T.Identifier) });
            const expr = $.SUBRULE($.expr);
            const alias = $.SUBRULE($.alias, { ARGS: [false] });
            mr.measures.push({ expr, alias });
          },
        });
      },
    });
    // ONE ROW PER MATCH | ALL ROWS PER MATCH [SHOW EMPTY MATCHES | ..], AFTER MATCH SKIP .., INITIAL | SEEK.
    $.MANY({
      GATE: () => !/^PATTERN$/i.test($.LA(1).image) && $.LA(1).tokenType !== T.RParen && this.statementGoesOn(),
      DEF: () => {
        const t = $.CONSUME(T.AnyToken);
        if (t.tokenType === K.ALL && /^ROWS$/i.test($.LA(1).image)) mr.allRows = true;
      },
    });
    $.OPTION4({
      GATE: () => /^PATTERN$/i.test($.LA(1).image),
      DEF: () => {
        $.CONSUME2(T.Identifier);
        $.CONSUME1(T.LParen);
        // `A B+ C*? {- x -} ^ $ | (D E){2,3} PERMUTE(F, G)`: its names are pattern variables.
        let depth = 0;
        $.MANY2({
          GATE: () => (depth > 0 || $.LA(1).tokenType !== T.RParen) && this.statementGoesOn(),
          DEF: () => {
            const t = $.CONSUME1(T.AnyToken);
            $.ACTION(() => {
              if (t.tokenType === T.LParen) depth++;
              else if (t.tokenType === T.RParen) depth--;
              else if (tokenMatcher(t, T.Identifier) && !/^PERMUTE$/i.test(t.image)) mr.variables.push(ident(t));
            });
          },
        });
        $.CONSUME1(T.RParen);
      },
    });
    $.MANY1({
      // SUBSET u = (a, b), ..: names for sets of pattern variables.
      GATE: () => /^SUBSET$/i.test($.LA(1).image),
      DEF: () => {
        $.CONSUME3(T.Identifier);
        $.AT_LEAST_ONE_SEP1({
          SEP: T.Comma,
          DEF: () => {
            const name = $.SUBRULE($.ident);
            $.CONSUME(T.Eq);
            $.SUBRULE($.identList);
            mr.variables.push(name);
          },
        });
      },
    });
    $.OPTION5({
      GATE: () => /^DEFINE$/i.test($.LA(1).image),
      DEF: () => {
        $.CONSUME4(T.Identifier);
        $.AT_LEAST_ONE_SEP2({
          SEP: T.Comma,
          DEF: () => {
            const name = $.SUBRULE1($.ident);
            $.CONSUME(K.AS);
            mr.variables.push(name);
            mr.define.push($.SUBRULE1($.expr));
          },
        });
      },
    });
    $.CONSUME2(T.RParen);
    const a = $.SUBRULE($.tableAlias);
    return $.ACTION((): TableRef => {
      mr.alias = a.alias;
      if (a.columnAliases) mr.columnAliases = a.columnAliases;
      mr.end = end();
      return mr;
    });
  });

  /**
   * ClickHouse `[LEFT] ARRAY JOIN arr [AS e], ..`: a row per element of each array; `e` (or the
   * array's own name, when no alias) is the element. As LATERAL VIEW explode(arr).
   */
  this.arrayJoin = $.RULE('arrayJoin', (left: TableRef): TableRef => {
    let kind = 'array-join';
    $.OPTION(() => {
      $.CONSUME(K.LEFT);
      kind = 'left-array-join';
    });
    $.CONSUME(K.ARRAY);
    $.CONSUME(K.JOIN);
    let joined = left;
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const expr = $.SUBRULE($.expr);
        let alias: Ident | undefined;
        $.OPTION1({ GATE: () => this.aliasAhead(false), DEF: () => (alias = $.SUBRULE($.alias, { ARGS: [false] })) });
        $.ACTION(() => {
          const at = { start: expr.start, end: end() };
          const name: Ident = alias ?? (expr.k === 'col' ? expr.name.parts[expr.name.parts.length - 1]! : { text: this.text.slice(expr.start, expr.end), quoted: false, start: expr.start, end: expr.end });
          const func: FuncCall = { k: 'func', name: { parts: [{ text: 'arrayJoin', quoted: false, ...at }], ...at }, args: [expr], ...at };
          const right: TableRef = { k: 'tfunc', func, lateral: true, columnAliases: [name], ...at };
          joined = { k: 'join', kind, left: joined, right, start: left.start, end: end() };
        });
      },
    });
    return joined;
  });

  /**
   * N1QL: `[INNER | LEFT [OUTER]] UNNEST e [AS] a` (a row per element of `e`, as `CROSS JOIN
   * UNNEST(e) a`) and `USE [PRIMARY] KEYS e` / `USE INDEX (..)` after a keyspace (which documents
   * are read; no lineage).
   */
  this.documentJoin = $.RULE('documentJoin', (left: TableRef): TableRef => {
    return $.OR([
      {
        ALT: () => {
          $.CONSUME(K.USE);
          $.OPTION({ GATE: () => /^PRIMARY$/i.test($.LA(1).image), DEF: () => $.CONSUME(T.AnyToken) });
          $.OR1([
            {
              GATE: () => /^INDEX$/i.test($.LA(1).image),
              ALT: () => {
                $.CONSUME1(T.AnyToken);
                $.CONSUME(T.LParen);
                $.SUBRULE($.skipBalanced, { ARGS: [0] });
                $.CONSUME(T.RParen);
              },
            },
            {
              ALT: () => {
                $.CONSUME2(T.AnyToken); // KEYS
                $.SUBRULE($.expr);
              },
            },
          ]);
          return left;
        },
      },
      {
        ALT: () => {
          let kind = 'cross';
          $.OPTION1(() => {
            $.OR2([{ ALT: () => $.CONSUME(K.INNER) }, { ALT: () => (kind = $.CONSUME(K.LEFT) && 'left') }]);
            $.OPTION2(() => $.CONSUME(K.OUTER));
          });
          const word = $.CONSUME(K.UNNEST);
          const e = $.SUBRULE1($.expr);
          const a = $.SUBRULE($.tableAlias);
          return $.ACTION((): TableRef => {
            const at = { start: word.startOffset, end: end() };
            const func: FuncCall = { k: 'func', name: { parts: [{ text: 'UNNEST', quoted: false, ...at }], ...at }, args: [e], ...at };
            const right: TableRef = { k: 'tfunc', func, lateral: true, alias: a.alias, ...at };
            return { k: 'join', kind, left, right, start: left.start, end: end() };
          });
        },
      },
    ]);
  });

  this.joinPart = $.RULE('joinPart', (left: TableRef): TableRef => {
    let kind = 'inner';
    let natural = false;
    $.OPTION(() => {
      $.CONSUME(K.NATURAL);
      natural = true;
    });
    $.OR([
      {
        GATE: () => $.LA(2).tokenType !== K.APPLY,
        ALT: () => {
          $.OPTION1(() => {
            const k = $.OR1([
              { ALT: () => $.CONSUME(K.INNER) },
              { ALT: () => $.CONSUME(K.LEFT) },
              { ALT: () => $.CONSUME(K.RIGHT) },
              { ALT: () => $.CONSUME(K.FULL) },
              { ALT: () => $.CONSUME(K.CROSS) },
              { ALT: () => $.CONSUME(K.SEMI) },
              { ALT: () => $.CONSUME(K.ANTI) },
              { ALT: () => $.CONSUME(K.ASOF) },
            ]);
            kind = k?.image?.toLowerCase() ?? kind;
            const k2 = $.OPTION2(() => $.OR2([{ ALT: () => $.CONSUME(K.OUTER) }, { ALT: () => $.CONSUME1(K.SEMI) }, { ALT: () => $.CONSUME1(K.ANTI) }]));
            // `LEFT SEMI JOIN` is a semi join; `RIGHT SEMI | ANTI JOIN` (Impala, ClickHouse) keeps the right side's rows.
            const second = k2?.image?.toLowerCase();
            if (second === 'semi' || second === 'anti') kind = kind === 'right' ? `right-${second}` : second;
            $.OPTION3({ GATE: () => /^(HASH|LOOP|MERGE|REMOTE)$/i.test($.LA(1).image), DEF: () => $.CONSUME(T.AnyToken) });
          });
          $.CONSUME(K.JOIN);
        },
      },
      {
        ALT: () => {
          $.CONSUME(K.STRAIGHT_JOIN);
          kind = 'inner';
        },
      },
      {
        GATE: () => $.LA(2).tokenType === K.APPLY,
        ALT: () => {
          const k = $.OR3([{ ALT: () => $.CONSUME2(K.CROSS) }, { ALT: () => $.CONSUME2(K.OUTER) }]);
          $.CONSUME(K.APPLY);
          kind = k?.image?.toUpperCase() === 'CROSS' ? 'cross-apply' : 'outer-apply';
        },
      },
    ]);
    const right = $.SUBRULE($.tablePrimary);
    const j: JoinRef = { k: 'join', kind, natural, left, right, start: left?.start, end: 0 };
    let match: Expr | undefined;
    $.OPTION5({
      // Snowflake `ASOF JOIN t MATCH_CONDITION (l.ts >= r.ts) [ON ..]`: which right row joins, a condition like ON.
      GATE: () => kind === 'asof' && /^MATCH_CONDITION$/i.test($.LA(1).image) && $.LA(2).tokenType === T.LParen,
      DEF: () => {
        $.CONSUME1(T.AnyToken);
        $.CONSUME(T.LParen);
        match = $.SUBRULE1($.expr);
        $.CONSUME(T.RParen);
      },
    });
    $.OPTION4(() => {
      $.OR4([
        {
          ALT: () => {
            $.CONSUME(K.ON);
            // N1QL `JOIN ks b ON KEYS a.ids` / `ON KEY b.id FOR a`: the keys decide the rows, like a condition.
            $.option(6, { GATE: () => this.caps.documentQueries && /^KEYS?$/i.test($.LA(1).image), DEF: () => $.CONSUME2(T.AnyToken) });
            j.on = $.SUBRULE($.expr);
            $.option(7, { GATE: () => this.caps.documentQueries && $.LA(1).tokenType === K.FOR, DEF: () => ($.CONSUME(K.FOR), $.SUBRULE($.ident)) });
          },
        },
        {
          ALT: () => {
            $.CONSUME(K.USING);
            j.using = $.SUBRULE($.identList);
          },
        },
      ]);
    });
    return $.ACTION(() => {
      if (match) j.on = j.on ? and(match, j.on) : match;
      j.end = end();
      return j;
    });
  });

  /** Hive/Spark `LATERAL VIEW [OUTER] explode(x) t AS a, b`. */
  this.lateralView = $.RULE('lateralView', (left: TableRef): TableRef => {
    $.CONSUME(K.LATERAL);
    $.CONSUME(K.VIEW);
    $.OPTION(() => $.CONSUME(K.OUTER));
    const at = $.LA(1);
    const fn = $.SUBRULE($.nameOrCall);
    // `LATERAL VIEW name` without a call is a syntax error, not a table function without arguments.
    if (!this.recording && fn.k !== 'func') throw saveError(this, new MismatchedTokenException('expected a function call after LATERAL VIEW', at, $.LA(0)));
    let alias: Ident | undefined;
    $.OPTION1({ GATE: () => this.canAlias($.LA(1)), DEF: () => (alias = $.SUBRULE($.ident)) });
    const cols: Ident[] = [];
    $.OPTION2(() => {
      $.CONSUME(K.AS);
      $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => cols.push($.SUBRULE1($.ident)) });
    });
    return $.ACTION((): TableRef => {
      const right: TableRef = { k: 'tfunc', func: fn as FuncCall, lateral: true, alias, columnAliases: cols, start: fn.start, end: end() };
      return { k: 'join', kind: 'lateral-view', left, right, start: left.start, end: end() };
    });
  });

  /**
   * PIVOT / UNPIVOT: `PIVOT (agg [AS a], ... FOR col | (c1, c2) IN (v [AS a], ...)) [AS] p [(c1, ...)]`,
   * `UNPIVOT [INCLUDE|EXCLUDE NULLS] (value | (v1, v2) FOR name IN (col | (c1, c2) [AS a], ...))`.
   */
  this.pivot = $.RULE('pivot', (source: TableRef): TableRef => {
    const kw = $.OR([{ ALT: () => $.CONSUME(K.PIVOT) }, { ALT: () => $.CONSUME(K.UNPIVOT) }]);
    let includeNulls: boolean | undefined;
    $.OPTION(() => {
      $.OR1([{ ALT: () => (includeNulls = !!$.CONSUME(K.INCLUDE)) }, { ALT: () => (includeNulls = !$.CONSUME(K.EXCLUDE)) }]);
      $.CONSUME(K.NULLS);
    });
    $.CONSUME(T.LParen);
    const { aggregates, aggregateAliases } = $.SUBRULE($.pivotAggregates);
    $.CONSUME(K.FOR);
    const forColumns: Ident[] = [];
    $.OR2([
      { ALT: () => forColumns.push($.SUBRULE($.ident)) },
      {
        ALT: () => {
          $.CONSUME2(T.LParen);
          $.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => forColumns.push($.SUBRULE1($.ident)) });
          $.CONSUME2(T.RParen);
        },
      },
    ]);
    $.CONSUME(K.IN);
    $.CONSUME1(T.LParen);
    const inList: { expr: Expr; alias?: Ident }[] = [];
    $.AT_LEAST_ONE_SEP1({
      SEP: T.Comma,
      DEF: () => {
        const expr = $.SUBRULE1($.expr);
        let alias: Ident | undefined;
        $.OPTION2({ GATE: () => this.aliasAhead(true), DEF: () => (alias = $.SUBRULE1($.alias, { ARGS: [true] })) });
        inList.push({ expr, alias });
      },
    });
    $.CONSUME1(T.RParen);
    $.CONSUME(T.RParen);
    let alias: Ident | undefined;
    let columnAliases: Ident[] | undefined;
    $.OPTION3({ GATE: () => this.aliasAhead(false), DEF: () => (alias = $.SUBRULE2($.alias, { ARGS: [false] })) });
    $.OPTION4({
      GATE: () => alias !== undefined && $.LA(1).tokenType === T.LParen,
      DEF: () => {
        $.CONSUME3(T.LParen);
        columnAliases = [];
        $.AT_LEAST_ONE_SEP3({ SEP: T.Comma, DEF: () => columnAliases!.push($.SUBRULE2($.ident)) });
        $.CONSUME3(T.RParen);
      },
    });
    return $.ACTION((): TableRef => ({
      k: 'pivot',
      unpivot: kw.tokenType === K.UNPIVOT,
      source,
      aggregates,
      aggregateAliases,
      forColumn: forColumns[0]!,
      forColumns,
      inList,
      includeNulls,
      alias,
      columnAliases,
      start: source.start,
      end: end(),
    }));
  });

  /** `SUM(x) [AS total], ...` of a PIVOT (and of DuckDB's PIVOT ... USING). */
  this.pivotAggregates = $.RULE('pivotAggregates', (): { aggregates: Expr[]; aggregateAliases: (Ident | undefined)[] } => {
    const aggregates: Expr[] = [];
    const aggregateAliases: (Ident | undefined)[] = [];
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        aggregates.push($.SUBRULE($.expr));
        let a: Ident | undefined;
        $.OPTION({ GATE: () => this.aliasAhead(false), DEF: () => (a = $.SUBRULE($.alias, { ARGS: [false] })) });
        aggregateAliases.push(a);
      },
    });
    return { aggregates, aggregateAliases };
  });

  this.tablePrimary = $.RULE('tablePrimary', (): TableRef => {
    if (!this.recording && this.fast !== undefined) {
      const fast = this.fast.tablePrimary();
      if (fast !== undefined) return fast;
    }
    return $.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => this.startsQuery(2),
          ALT: () => {
            const lp = $.CONSUME(T.LParen);
            const query = $.SUBRULE($.query);
            $.CONSUME(T.RParen);
            const a = $.SUBRULE($.tableAlias);
            return $.ACTION((): TableRef => ({ k: 'derived', query, ...a, start: lp.startOffset, end: end() }));
          },
        },
        {
          // Db2 data-change table reference: `FINAL | NEW TABLE (INSERT | UPDATE | MERGE ..)`, `OLD TABLE
          // (UPDATE | DELETE ..)`: the rows the statement changed, after (as `inserted`) or before (`deleted`).
          GATE: () => /^(FINAL|NEW|OLD)$/i.test($.LA(1).image) && $.LA(2).tokenType === K.TABLE && $.LA(3).tokenType === T.LParen && COMPOSABLE_DML.has($.LA(4).tokenType),
          ALT: () => {
            const which = $.consume(60, T.AnyToken);
            $.consume(61, K.TABLE);
            $.consume(62, T.LParen);
            const statement = $.subrule(60, $.statement);
            $.consume(63, T.RParen);
            const a = $.subrule(61, $.tableAlias);
            return $.ACTION((): TableRef => {
              const at = { start: which.startOffset, end: end() };
              const rows = /^OLD$/i.test(which.image) ? 'deleted' : 'inserted';
              const star: Expr = { k: 'star', qualifier: { parts: [{ text: rows, quoted: false, ...at }], ...at }, ...at };
              const items: SelectItem[] = [{ expr: star, ...at }];
              const query: Select = { k: 'select', items, from: [], groupBy: [], ...at };
              if (statement.k !== 'insert' && statement.k !== 'update' && statement.k !== 'delete' && statement.k !== 'merge') return { k: 'derived', query, ...a, ...at };
              return { k: 'derived', query, dml: { statement, items }, ...a, ...at };
            });
          },
        },
        {
          // T-SQL composable DML: `(MERGE .. OUTPUT $action, inserted.c) AS changes`.
          GATE: () => $.LA(1).tokenType === T.LParen && COMPOSABLE_DML.has($.LA(2).tokenType),
          ALT: () => {
            const lp = $.CONSUME3(T.LParen);
            this.outputItems = undefined;
            const statement = $.SUBRULE($.statement);
            $.CONSUME3(T.RParen);
            const a = $.SUBRULE3($.tableAlias);
            return $.ACTION((): TableRef => {
              const items = this.outputItems ?? [];
              this.outputItems = undefined;
              // The OUTPUT clause belongs to the statement inside, not to the one around it.
              this.output = undefined;
              const query: Select = { k: 'select', items, from: [], groupBy: [], start: lp.startOffset, end: end() };
              if (statement.k !== 'insert' && statement.k !== 'update' && statement.k !== 'delete' && statement.k !== 'merge') return { k: 'derived', query, ...a, start: lp.startOffset, end: end() };
              return { k: 'derived', query, dml: { statement, items }, ...a, start: lp.startOffset, end: end() };
            });
          },
        },
        {
          ALT: () => {
            const lp = $.CONSUME1(T.LParen);
            const inner = $.SUBRULE($.tableRef);
            $.CONSUME1(T.RParen);
            const a = $.SUBRULE1($.tableAlias);
            return $.ACTION((): TableRef => (a.alias ? { ...inner, ...a } : { ...inner, start: lp.startOffset, end: end() }) as TableRef);
          },
        },
        {
          ALT: () => {
            const kw = $.CONSUME(K.LATERAL);
            return $.OR1([
              {
                ALT: () => {
                  $.CONSUME2(T.LParen);
                  const query = $.SUBRULE1($.query);
                  $.CONSUME2(T.RParen);
                  const a = $.SUBRULE2($.tableAlias);
                  return $.ACTION((): TableRef => ({ k: 'derived', query, lateral: true, ...a, start: kw.startOffset, end: end() }));
                },
              },
              {
                ALT: () => {
                  const at = $.LA(1);
                  const t = $.SUBRULE1($.namedTable);
                  // `LATERAL name` without a call is a syntax error, not a table function without arguments.
                  if (!this.recording && t.k !== 'tfunc') throw saveError(this, new MismatchedTokenException('expected a subquery or a function call after LATERAL', at, $.LA(0)));
                  return $.ACTION((): TableRef => ({ ...t, lateral: true, start: kw.startOffset }) as TableRef);
                },
              },
            ]);
          },
        },
        {
          ALT: () => {
            const v = $.CONSUME(T.Variable);
            // Snowflake `@stage (FILE_FORMAT => 'csv_fmt', PATTERN => '.*[.]csv')`: how the staged files are read, no lineage.
            $.OPTION5({
              GATE: () => $.LA(1).tokenType === T.LParen && v.image.startsWith('@'),
              DEF: () => {
                $.CONSUME5(T.LParen);
                $.SUBRULE5($.skipBalanced, { ARGS: [0] });
                $.CONSUME5(T.RParen);
              },
            });
            const a = $.SUBRULE4($.tableAlias);
            // HANA `FROM :lt` reads table variable lt.
            const skip = this.caps.tableVariables && v.image.startsWith(':') ? 1 : 0;
            return $.ACTION((): TableRef => ({
              k: 'table',
              name: { parts: [{ text: v.image.slice(skip), quoted: false, start: v.startOffset + skip, end: v.endOffset! + 1 }], start: v.startOffset + skip, end: v.endOffset! + 1 },
              ...a,
              start: v.startOffset,
              end: end(),
            }));
          },
        },
        {
          // PostgreSQL `FROM ONLY t`, `ONLY (t)`: the table without its inheritance children.
          GATE: () => onlyTable($.LA(1), $.LA(2)),
          ALT: () => {
            $.CONSUME2(K.ONLY);
            return $.SUBRULE6($.tablePrimary);
          },
        },
        {
          // Redshift PartiQL `UNPIVOT e.obj AS v [AT k]`: a row per attribute of the object, v its value, k its name.
          GATE: () => this.caps.partiql && $.LA(1).tokenType === K.UNPIVOT && tokenMatcher($.LA(2), T.Identifier),
          ALT: () => {
            const kw = $.consume(98, K.UNPIVOT);
            const path = $.subrule(95, $.qname);
            $.option(92, () => $.consume(99, K.AS));
            const value = $.subrule(96, $.ident);
            const key = $.option(93, {
              GATE: () => /^AT$/i.test($.LA(1).image),
              DEF: () => {
                $.consume(100, T.Identifier);
                return $.subrule(97, $.ident);
              },
            });
            return $.ACTION((): TableRef => {
              const at = { start: kw.startOffset, end: end() };
              const unnest: FuncCall = { k: 'func', name: { parts: [{ text: 'UNNEST', quoted: false, ...at }], ...at }, args: [{ k: 'col', name: path, start: path.start, end: path.end }], ...at };
              return { k: 'tfunc', func: unnest, alias: value, ...(key ? { key } : {}), ...at };
            });
          },
        },
        {
          // Netezza transient external table `FROM EXTERNAL 'file' [(col type, ..) | SAMEAS t] [USING (..)] [alias]`:
          // the file's rows (its columns are asked by name, as of any FROM item; with a column list, those columns).
          GATE: () => this.caps.externalFileTables && $.LA(1).tokenType === K.EXTERNAL && $.LA(2).tokenType === T.StringLit,
          ALT: () => {
            const kw = $.consume(90, K.EXTERNAL);
            const p = $.consume(91, T.StringLit);
            let declared: Ident[] | undefined;
            $.option(90, {
              GATE: () => $.LA(1).tokenType === T.LParen || /^SAMEAS$/i.test($.LA(1).image),
              DEF: () =>
                $.or(90, [
                  {
                    GATE: () => $.LA(1).tokenType === T.LParen,
                    ALT: () => {
                      $.consume(92, T.LParen);
                      declared = [];
                      $.AT_LEAST_ONE_SEP3({
                        SEP: T.Comma,
                        DEF: () => {
                          const c = $.subrule(94, $.columnDef);
                          $.ACTION(() => declared!.push(c.name));
                        },
                      });
                      $.consume(93, T.RParen);
                    },
                  },
                  {
                    ALT: () => {
                      $.consume(94, T.Identifier);
                      $.subrule(91, $.qname);
                    },
                  },
                ]),
            });
            $.option(91, {
              GATE: () => $.LA(1).tokenType === K.USING && $.LA(2).tokenType === T.LParen,
              DEF: () => {
                $.consume(95, K.USING);
                $.consume(96, T.LParen);
                $.subrule(92, $.skipBalanced, { ARGS: [0] });
                $.consume(97, T.RParen);
              },
            });
            const a = $.subrule(93, $.tableAlias);
            return $.ACTION((): TableRef => {
              const file: TableRef = { k: 'table', name: pathName(stringValue(p.image), p.startOffset, p.endOffset! + 1), start: kw.startOffset, end: end() };
              if (!declared) return { ...file, ...a };
              // The declared columns, each the file's field of that name: `(SELECT c1, c2 FROM 'file') alias`.
              return { k: 'derived', query: selectColumns([file], declared, kw.startOffset, end()), ...a, start: kw.startOffset, end: end() };
            });
          },
        },
        {
          // DuckDB `FROM 'data/orders.csv'`, Databricks `COPY INTO t FROM (SELECT .. FROM 's3://..')`: the files at the path.
          GATE: () => this.caps.fileTables,
          ALT: () => {
            const p = $.CONSUME(T.StringLit);
            const a = $.SUBRULE5($.tableAlias);
            return $.ACTION((): TableRef => ({ k: 'table', name: pathName(stringValue(p.image), p.startOffset, p.endOffset! + 1), ...a, start: p.startOffset, end: end() }));
          },
        },
        {
          // Databricks Delta Live Tables `FROM STREAM bronze.events`, `FROM STREAM read_files('s3://..')`: the table read as a stream.
          GATE: () => this.caps.streamKeyword && /^STREAM$/i.test($.LA(1).image) && tokenMatcher($.LA(2), T.Identifier),
          ALT: () => {
            const kw = $.CONSUME(T.Identifier);
            const t = $.SUBRULE2($.namedTable);
            return $.ACTION((): TableRef => ({ ...t, start: kw.startOffset }));
          },
        },
        { ALT: () => $.SUBRULE($.namedTable) },
      ],
    });
  });

  /**
   * Which version of a table is read (no lineage): Oracle flashback `AS OF TIMESTAMP | SCN expr`,
   * SQL:2011 / T-SQL / BigQuery `FOR SYSTEM_TIME AS OF expr | ALL | BETWEEN a AND b | FROM a TO b |
   * CONTAINED IN (a, b)`, Delta (Databricks, Spark) `VERSION | TIMESTAMP AS OF x` and `FOR VERSION |
   * TIMESTAMP AS OF x`.
   */
  this.temporal = $.RULE('temporal', () => {
    $.OPTION(() => {
      $.CONSUME(K.FOR);
      $.CONSUME(T.Identifier);
    });
    $.OPTION1({ GATE: () => $.LA(2).tokenType === K.AS, DEF: () => $.CONSUME1(T.Identifier) }); // Delta VERSION | TIMESTAMP
    $.OR([
      {
        ALT: () => {
          $.CONSUME(K.AS);
          $.CONSUME(K.OF);
          $.OPTION2({ GATE: () => /^(TIMESTAMP|SCN)$/i.test($.LA(1).image), DEF: () => $.CONSUME2(T.Identifier) });
          $.SUBRULE($.arith);
        },
      },
      { ALT: () => $.CONSUME(K.ALL) },
      {
        ALT: () => {
          $.CONSUME(K.BETWEEN);
          $.SUBRULE1($.arith);
          $.CONSUME(K.AND);
          $.SUBRULE2($.arith);
        },
      },
      {
        ALT: () => {
          $.CONSUME(K.FROM);
          $.SUBRULE3($.arith);
          $.CONSUME(K.TO);
          $.SUBRULE4($.arith);
        },
      },
      {
        ALT: () => {
          $.CONSUME3(T.Identifier); // CONTAINED
          $.CONSUME(K.IN);
          $.CONSUME(T.LParen);
          $.SUBRULE($.skipBalanced, { ARGS: [0] });
          $.CONSUME(T.RParen);
        },
      },
    ]);
  });

  this.namedTable = $.RULE('namedTable', (): TableRef => {
    const name = $.SUBRULE($.qname);
    let fn: FuncCall | undefined;
    $.OPTION(() => {
      const call = $.SUBRULE($.funcTail, { ARGS: [name] });
      fn = call as FuncCall;
    });
    $.OPTION1({ GATE: () => temporalAt($.LA(1), $.LA(2), $.LA(3)), DEF: () => $.SUBRULE($.temporal) });
    $.many(5, {
      // Snowflake time travel and change tracking: AT(OFFSET => -60), BEFORE(STATEMENT => '..'), CHANGES(INFORMATION => DEFAULT).
      GATE: () => TIME_TRAVEL.test($.LA(1).image) && $.LA(2).tokenType === T.LParen && $.LA(4).tokenType === T.Arrow,
      DEF: () => {
        $.consume(13, T.AnyToken);
        $.consume(13, T.LParen);
        $.SUBRULE3($.skipBalanced, { ARGS: [0] });
        $.consume(14, T.RParen);
      },
    });
    $.OPTION4({
      GATE: () => $.LA(1).tokenType === K.PARTITION && $.LA(2).tokenType === T.LParen,
      DEF: () => {
        $.CONSUME(K.PARTITION);
        $.CONSUME(T.LParen);
        $.SUBRULE($.skipBalanced, { ARGS: [0] });
        $.CONSUME(T.RParen);
      },
    });
    let withColumns: DeclaredColumn[] | undefined;
    $.option(8, {
      // T-SQL `OPENJSON(x) WITH (sku VARCHAR(20) '$.sku', ...)`: the columns of the function's rows.
      GATE: () => fn !== undefined && $.LA(1).tokenType === K.WITH && $.LA(2).tokenType === T.LParen,
      DEF: () => {
        $.consume(8, K.WITH);
        withColumns = $.SUBRULE($.declaredColumns);
      },
    });
    $.option(11, {
      // PostgreSQL `f(..) AS (a int, b text)`: a column definition list without a name.
      GATE: () => fn !== undefined && $.LA(1).tokenType === K.AS && $.LA(2).tokenType === T.LParen,
      DEF: () => {
        $.consume(11, K.AS);
        withColumns = $.SUBRULE1($.declaredColumns);
      },
    });
    // T-SQL hints before the alias: `MERGE INTO t WITH (HOLDLOCK) AS tgt`, `FROM t WITH (NOLOCK) x`.
    $.option(15, { GATE: () => fn === undefined && this.tableHintsAhead(), DEF: () => $.SUBRULE($.tableHints) });
    let a = $.SUBRULE($.tableAlias, { ARGS: [fn !== undefined] });
    $.many(6, {
      // MySQL index hints: `USE INDEX (i)`, `FORCE KEY FOR JOIN (i, j)`, `IGNORE INDEX FOR ORDER BY (i)`.
      GATE: () => this.indexHintAhead(1),
      DEF: () => {
        $.consume(15, T.AnyToken);
        $.consume(16, T.AnyToken);
        $.option(13, {
          GATE: () => $.LA(1).tokenType === K.FOR,
          DEF: () => {
            $.consume(17, K.FOR);
            $.consume(18, T.AnyToken);
            $.option(14, { GATE: () => $.LA(1).tokenType === K.BY, DEF: () => $.consume(19, K.BY) });
          },
        });
        $.consume(20, T.LParen);
        $.SUBRULE4($.skipBalanced, { ARGS: [0] });
        $.consume(21, T.RParen);
      },
    });
    let ordinality: Ident | undefined;
    $.option(9, {
      // BigQuery `UNNEST(x) AS e WITH OFFSET [AS] pos`; `WITH ORDINALITY [AS] t(v, n)` (PostgreSQL, Trino).
      GATE: () => fn !== undefined && $.LA(1).tokenType === K.WITH && /^(OFFSET|ORDINALITY)$/i.test($.LA(2).image),
      DEF: () => {
        $.consume(9, K.WITH);
        const w = $.consume(9, T.AnyToken);
        const offset = w.image.toLowerCase() === 'offset';
        ordinality = { text: offset ? 'offset' : 'ordinality', quoted: false, start: w.startOffset, end: w.endOffset! + 1 };
        $.option(10, { GATE: () => offset && ($.LA(1).tokenType === K.AS || this.canAlias($.LA(1))), DEF: () => (ordinality = $.SUBRULE1($.alias, { ARGS: [false] })) });
        $.option(12, {
          GATE: () => !offset && !a.alias,
          DEF: () => {
            a = $.SUBRULE1($.tableAlias, { ARGS: [true] });
            // A name past the function's own columns (one per argument of unnest) is the position's.
            if (!this.recording && a.columnAliases && a.columnAliases.length > rowWidth(fn!)) ordinality = a.columnAliases.pop();
          },
        });
      },
    });
    $.option(46, {
      // Redshift PartiQL `FROM c, c.orders AS o AT i`: i is the element's position in the array.
      GATE: () => this.caps.partiql && fn === undefined && a.alias !== undefined && /^AT$/i.test($.LA(1).image) && tokenMatcher($.LA(2), T.Identifier),
      DEF: () => {
        $.consume(46, T.Identifier);
        ordinality = $.subrule(46, $.ident);
      },
    });
    $.OPTION5({ GATE: () => this.tableHintsAhead(), DEF: () => $.SUBRULE1($.tableHints) });
    $.option(41, {
      // ClickHouse `FROM t FINAL`: rows merged before they are read.
      GATE: () => /^FINAL$/i.test($.LA(1).image) && this.caps.queryClauses.has('final'),
      DEF: () => $.consume(41, T.Identifier),
    });
    $.option(42, {
      // ClickHouse `SAMPLE 0.1`, `SAMPLE 1/10 OFFSET 1/2`, `SAMPLE 10000000`: which share of the rows is read.
      GATE: () => $.LA(1).tokenType === K.SAMPLE && $.LA(2).tokenType !== T.LParen && this.caps.queryClauses.has('sample'),
      DEF: () => {
        $.consume(42, K.SAMPLE);
        $.subrule(42, $.arith);
        $.option(43, () => {
          $.consume(43, K.OFFSET);
          $.subrule(43, $.arith);
        });
      },
    });
    $.OPTION6({
      GATE: () => $.LA(1).tokenType === K.TABLESAMPLE || ($.LA(1).tokenType === K.SAMPLE && $.LA(2).tokenType === T.LParen),
      DEF: () => {
        $.CONSUME2(T.AnyToken);
        $.OPTION7({ GATE: () => $.LA(1).tokenType !== T.LParen, DEF: () => $.CONSUME2(T.Identifier) });
        $.CONSUME2(T.LParen);
        $.SUBRULE2($.skipBalanced, { ARGS: [0] });
        $.CONSUME2(T.RParen);
        // `REPEATABLE (seed)` (SQL:2011, PostgreSQL, T-SQL).
        $.option(44, {
          GATE: () => /^REPEATABLE$/i.test($.LA(1).image) && $.LA(2).tokenType === T.LParen,
          DEF: () => {
            $.consume(44, T.Identifier);
            $.consume(44, T.LParen);
            $.SUBRULE5($.skipBalanced, { ARGS: [0] });
            $.consume(44, T.RParen);
          },
        });
        // Hive / Spark `FROM t TABLESAMPLE (10 PERCENT) x`: the alias after the sample.
        $.option(45, {
          GATE: () => !a.alias,
          DEF: () => {
            a = $.SUBRULE2($.tableAlias, { ARGS: [fn !== undefined] });
          },
        });
      },
    });
    return $.ACTION((): TableRef => {
      // `IDENTIFIER('db.t')` (Snowflake, Databricks) is the table the string names, wherever a table is read or written.
      const named = fn && identifierString(fn);
      if (named) return { k: 'table', name: named, ...a, start: name.start, end: end() };
      if (fn) return { k: 'tfunc', func: fn, ...a, withColumns, ordinality, start: name.start, end: end() };
      return { k: 'table', name, ...a, ...(ordinality ? { ordinality } : {}), start: name.start, end: end() };
    });
  });

  /** T-SQL table hints `WITH (NOLOCK, INDEX(ix))` after a table: they change no lineage. */
  this.tableHints = $.RULE('tableHints', () => {
    $.CONSUME(K.WITH);
    $.CONSUME(T.LParen);
    $.SUBRULE($.skipBalanced, { ARGS: [0] });
    $.CONSUME(T.RParen);
  });

  /** `[AS] a [(c1, c2)]`; `typed`: after a table function, whose list may give types (PostgreSQL `AS r(a int, b text)`). */
  this.tableAlias = $.RULE('tableAlias', (typed?: boolean): { alias?: Ident; columnAliases?: DeclaredColumn[] } => {
    const r: { alias?: Ident; columnAliases?: DeclaredColumn[] } = {};
    $.OPTION({
      GATE: () => ($.LA(1).tokenType !== K.AS || $.LA(2).tokenType !== K.OF) && this.aliasAhead(false),
      DEF: () => {
        r.alias = $.SUBRULE($.alias, { ARGS: [false] });
        $.OPTION1({
          GATE: () => $.LA(1).tokenType === T.LParen && tokenMatcher($.LA(2), T.Identifier) && (typed === true || $.LA(3).tokenType === T.Comma || $.LA(3).tokenType === T.RParen),
          DEF: () => (r.columnAliases = $.SUBRULE($.declaredColumns)),
        });
      },
    });
    return r;
  });

  /**
   * Skip a run of tokens the lineage does not need, keeping parentheses balanced. Stops before
   * `)` / `;` / end of input; mode 1 also before a token that starts a statement, mode 2 before `,`.
   */
  /**
   * Hive / Spark `SELECT TRANSFORM (a, b) [ROW FORMAT ..] USING 'script' [AS (c [type], d [type]) |
   * AS c, d] [ROW FORMAT ..] [RECORDREADER '..']` (also MAP / REDUCE): each output column of the
   * script comes from all its input columns; without AS the outputs are `key` and `value`.
   */
  this.transformTail = $.RULE('transformTail', (items: SelectItem[]): SelectItem[] => {
    $.SUBRULE($.rowFormat);
    const kw = $.CONSUME(K.USING);
    $.CONSUME(T.StringLit);
    const names: Ident[] = [];
    $.OPTION(() => {
      $.CONSUME(K.AS);
      $.OR1([
        {
          ALT: () => {
            $.CONSUME1(T.LParen);
            $.AT_LEAST_ONE_SEP({
              SEP: T.Comma,
              DEF: () => {
                names.push($.SUBRULE($.ident));
                $.OPTION1(() => $.SUBRULE($.dataType));
              },
            });
            $.CONSUME1(T.RParen);
          },
        },
        { ALT: () => $.AT_LEAST_ONE_SEP1({ SEP: T.Comma, DEF: () => names.push($.SUBRULE1($.ident)) }) },
      ]);
    });
    $.SUBRULE1($.rowFormat);
    return $.ACTION((): SelectItem[] => {
      const args = items.flatMap((i) => (i.expr.k === 'func' && TRANSFORM_CALLS.test(i.expr.name.parts.map((p) => p.text).join('.')) ? i.expr.args : [i.expr]));
      const at = { start: kw.startOffset, end: kw.endOffset! + 1 };
      const outputs = names.length > 0 ? names : [{ text: 'key', quoted: false, ...at }, { text: 'value', quoted: false, ...at }];
      return outputs.map((alias) => ({ expr: { k: 'op', op: 'TRANSFORM', args, start: alias.start, end: alias.end }, alias, start: alias.start, end: alias.end }));
    });
  });

  /** One token, or a parenthesized group skipped whole (options without lineage). */
  this.tokenOrGroup = $.RULE('tokenOrGroup', () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(T.LParen);
          $.SUBRULE($.skipBalanced, { ARGS: [0] });
          $.CONSUME(T.RParen);
        },
      },
      { ALT: () => $.CONSUME(T.AnyToken) },
    ]);
  });

  /** Hive `ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' ..`, `ROW FORMAT SERDE '..' WITH SERDEPROPERTIES (..)`, `RECORDREADER '..'` around a TRANSFORM's script: how rows are passed. */
  this.rowFormat = $.RULE('rowFormat', () => {
    $.MANY({
      GATE: () => $.LA(1).tokenType === T.StringLit || $.LA(1).tokenType === T.LParen || ROW_FORMAT_WORDS.test($.LA(1).image),
      DEF: () => $.SUBRULE($.tokenOrGroup),
    });
  });

  /** ClickHouse `BY cols` after `LIMIT n [OFFSET m]`: the values whose rows are counted apart. */
  this.limitBy = $.RULE('limitBy', (): Expr[] => {
    $.CONSUME(K.BY);
    return $.SUBRULE($.exprList);
  });

  /** ClickHouse `SETTINGS max_threads = 8, ..`: how the query runs. */
  this.settingsClause = $.RULE('settingsClause', () => {
    $.CONSUME(T.Identifier);
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        $.SUBRULE($.ident);
        $.CONSUME(T.Eq);
        $.SUBRULE($.arith);
      },
    });
  });

  /** `INTO OUTFILE 'path' ..` after a query (ClickHouse, MySQL; also `INTO DUMPFILE`): the file the result is written to. */
  this.outfile = $.RULE('outfile', (): string => {
    $.CONSUME(K.INTO);
    $.CONSUME(T.Identifier);
    const p = $.CONSUME(T.StringLit);
    $.SUBRULE($.skipBalanced, { ARGS: [this.caps.statementsWithoutSemicolons ? 1 : 0] });
    return stringValue(p.image);
  });

  this.skipBalanced = $.RULE('skipBalanced', (mode: 0 | 1 | 2) => {
    // A counter, not a rule call per parenthesis: damaged input may nest thousands deep, and
    // a failure unwinding through every level cost seconds.
    let depth = 0;
    $.MANY({
      GATE: () => {
        const t = $.LA(1).tokenType;
        if (t === T.Semicolon || t === EOF) return false;
        if (depth > 0) return true;
        if (t === T.RParen) return false;
        if (mode === 2) return t !== T.Comma;
        return !(mode === 1 && this.startsStatement($.LA(1), $.LA(2), $.LA(3)));
      },
      DEF: () => {
        const tok = $.CONSUME(T.AnyToken);
        if (tok.tokenType === T.LParen) depth++;
        else if (tok.tokenType === T.RParen) depth--;
      },
    });
    // A `(` left open at the `;` or the end: the missing `)` is the statement's error.
    if (depth > 0 || this.recording) $.CONSUME(T.RParen);
  });
}

/** N1QL FROM-item words after a keyspace: `[INNER | LEFT [OUTER]] UNNEST`, `USE [PRIMARY] KEYS | INDEX`. */
function documentJoinAhead(t1: IToken, t2: IToken, t3: IToken): boolean {
  if (t1.tokenType === K.USE) return /^(KEYS|INDEX)$/i.test(t2.image) || (/^PRIMARY$/i.test(t2.image) && /^KEYS$/i.test(t3.image));
  const next = t1.tokenType === K.LEFT || t1.tokenType === K.INNER ? (t2.tokenType === K.OUTER ? t3 : t2) : t1;
  return next.tokenType === K.UNNEST;
}

/** Informix `SKIP n`, `FIRST n`, `LIMIT n` right after SELECT (a number or a variable follows). */
export function skipFirstAhead(t1: IToken, t2: IToken): boolean {
  return /^(SKIP|FIRST|LIMIT)$/i.test(t1.image) && (t2.tokenType === T.NumberLit || t2.tokenType === T.Variable);
}
