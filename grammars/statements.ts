/** Grammar chapter: statements (INSERT, UPDATE, DELETE, MERGE, CREATE, DROP, ALTER, USE, other). */
import { EOF, tokenMatcher, type IToken } from './chevrotain.js';
import type {
  Assignment, ColumnDef, Expr, Ident, MergeWhen, MultiInsertStmt, PartitionColumns, QName, Query, SelectItem, Statement, TableRef, With,
} from '../src/ast/nodes.js';
import { stringValue } from './literals.js';
import { and, columnNamed, ident, intoNames, pathName, selectAll, selectColumns, stringName, tableOfName } from './build.js';
import { position } from './internals.js';
import { toFile } from './paths.js';
import type { SqlParser } from './parser.js';
import * as T from './tokens.js';

const K = T.K;

/** Words after a leading REPLACE that make it Teradata's CREATE OR REPLACE. */
const REPLACE_CREATES = new Set(['VIEW', 'RECURSIVE', 'PROCEDURE', 'FUNCTION', 'MACRO', 'TRIGGER']);
/** Modifiers of CREATE TABLE that make the table temporary. */
export const TEMPORARY_WORDS = new Set(['TEMP', 'TEMPORARY', 'VOLATILE', 'GLOBAL', 'LOCAL']);
/** Words between CREATE and TABLE / VIEW (read the same by the fast path, fastquery.ts). */
const UPSERT = /^UPSERT$/i;
const VIEW_CONSTRAINT_START = /^(CONSTRAINT|PRIMARY|FOREIGN)$/i;
export const TABLE_MODIFIERS = /^(GLOBAL|LOCAL|TEMP|TEMPORARY|VOLATILE|TRANSIENT|EXTERNAL|UNLOGGED|MULTISET|SET|HYBRID|DYNAMIC|ICEBERG|SHARDED|PRIVATE|MATERIALIZED|SECURE|RECURSIVE|FORCE|NOFORCE|OR|REPLACE|ALTER|EDITIONABLE|NONEDITIONABLE|TRANSACTIONAL|REFRESH|STREAMING|LIVE|COLUMN|ROW|HISTORY)$/i;
const COLUMN_CONSTRAINT_START = /^(CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK|INDEX|KEY|PERIOD|LIKE|EXCLUDE|FULLTEXT|SPATIAL)$/i;
/** The argument of `IDENTIFIER(..)` that is one variable: `$v`, `:v`, `v` (its name). */
const ONE_VARIABLE = /^[$:]?([A-Za-z_][A-Za-z0-9_$]*)$/;
/** What may follow the table named by ClickHouse `CREATE TABLE x AS other` (its options). */
const COPY_FOLLOWERS = /^(ENGINE|COMMENT|SETTINGS|PARTITION|ORDER|PRIMARY|TTL|SAMPLE|EMPTY)$/i;
const DROP_OBJECTS = /^(TABLE|VIEW|MATERIALIZED|TEMPORARY|TEMP|EXTERNAL)$/i;

/** The change-tracking columns of a Snowflake stream, besides its table's. */
const STREAM_COLUMNS = ['METADATA$ACTION', 'METADATA$ISUPDATE', 'METADATA$ROW_ID'];

/**
 * The partition columns of `PARTITION (a = 1, b)`: dynamic (`b`, a name alone between commas) and
 * static (`a`, given its value there), from the tokens after the `(` at index `open` to the `)` at `close`.
 */
function partitionColumns(toks: readonly IToken[], open: number, close: number): PartitionColumns {
  const out: PartitionColumns = { dynamic: [], fixed: [] };
  let from = open + 1;
  let depth = 0;
  for (let i = open + 1; i <= close; i++) {
    const t = toks[i]!.tokenType;
    if (t === T.LParen) depth++;
    else if (t === T.RParen && i !== close) depth--;
    if (i !== close && (t !== T.Comma || depth > 0)) continue;
    if (tokenMatcher(toks[from]!, T.Identifier)) {
      if (i - from === 1) out.dynamic.push(ident(toks[from]!));
      else if (toks[from + 1]!.image === '=') out.fixed.push(ident(toks[from]!));
    }
    from = i + 1;
  }
  return out;
}

/**
 * The target of ClickHouse `INSERT INTO FUNCTION f('first', args..)`: for a remote table function
 * (`remote`, `cluster`, ..: `'address', db, table` or `'address', 'db.table'`) that table, else
 * the file or URL `first` names.
 */
function functionTarget(remote: boolean, first: IToken, args: readonly IToken[]): { path?: string; name?: QName } {
  if (remote) {
    const parts = args.filter((t) => t.tokenType !== T.Comma).slice(0, 2);
    const only = parts.length === 1 && parts[0]!.tokenType === T.StringLit ? stringName(parts[0]!.image, parts[0]!.startOffset, parts[0]!.endOffset! + 1) : undefined;
    if (only) return { name: only };
    if (parts.length === 2 && parts.every((t) => tokenMatcher(t, T.Identifier) || t.tokenType === T.StringLit)) {
      const named = parts.map((t): Ident => (t.tokenType === T.StringLit ? { text: stringValue(t.image), quoted: false, start: t.startOffset, end: t.endOffset! + 1 } : ident(t)));
      return { name: { parts: named, start: parts[0]!.startOffset, end: parts[1]!.endOffset! + 1 } };
    }
  }
  return { path: first.image };
}

/**
 * The table of a ClickHouse dictionary's `SOURCE(CLICKHOUSE(.. TABLE 'src' DB 'db' ..))` (the tokens
 * after its columns), undefined for another source or one without a TABLE.
 */
function dictionarySource(tokens: readonly IToken[]): QName | undefined {
  const at = tokens.findIndex((t, i) => /^SOURCE$/i.test(t.image) && tokens[i + 1]?.tokenType === T.LParen && /^CLICKHOUSE$/i.test(tokens[i + 2]?.image ?? ''));
  if (at < 0) return undefined;
  let table: IToken | undefined;
  let db: IToken | undefined;
  for (let i = at + 3, depth = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (t.tokenType === T.LParen) depth++;
    else if (t.tokenType === T.RParen && --depth <= 0) break;
    const value = tokens[i + 1]!;
    if (value.tokenType !== T.StringLit) continue;
    if (/^TABLE$/i.test(t.image)) table = value;
    else if (/^DB$/i.test(t.image)) db = value;
  }
  if (!table) return undefined;
  const part = (v: IToken): Ident => ({ text: stringValue(v.image), quoted: false, start: v.startOffset, end: v.endOffset! + 1 });
  const parts = db ? [part(db), part(table)] : [part(table)];
  return { parts, start: Math.min(...parts.map((p) => p.start)), end: Math.max(...parts.map((p) => p.end)) };
}

/**
 * Oracle `INSERT INTO (SELECT a, b AS x FROM t [JOIN ..] WHERE ..)`: the rows go into the view's
 * key-preserved table, taken as its first table (t), into the columns its plain items name (a, b).
 */
function insertView(q: Query): { name: QName; columns?: Ident[] } {
  const first = (ref: TableRef | undefined): QName | undefined => {
    if (ref?.k === 'table') return ref.name;
    if (ref?.k === 'join') return first(ref.left);
    if (ref?.k === 'derived' && ref.query.k === 'select') return first(ref.query.from[0]);
    return undefined;
  };
  const sel = q.k === 'select' ? q : undefined;
  // Oracle's queries always have a FROM; a view of none would be DUAL's.
  const name = first(sel?.from[0]) ?? { parts: [{ text: 'DUAL', quoted: false, start: q.start, end: q.end }], start: q.start, end: q.end };
  const items = sel?.items.map((i) => (i.expr.k === 'col' ? i.expr.name.parts[i.expr.name.parts.length - 1] : undefined));
  return items?.every((i) => i !== undefined) ? { name, columns: items as Ident[] } : { name };
}

/** `IDENTIFIER(x)` (one argument: `INSERT INTO identifier (a, b)` is a table's column list). */
export function identifierCall(t1: IToken, t2: IToken, t4: IToken | undefined): boolean {
  return /^IDENTIFIER$/i.test(t1.image) && t2.tokenType === T.LParen && t4?.tokenType !== T.Comma;
}

/** The query with `t` as the INTO target of its first SELECT (where SELECT INTO is written). */
function intoTemp(q: Query, t: QName): Query {
  if (q.k === 'select') return { ...q, into: t, intoTemp: true };
  if (q.k === 'setop') return { ...q, left: intoTemp(q.left, t) };
  return q;
}

export function defineStatementRules(this: SqlParser): void {
  const $ = this.dsl;
  const end = () => $.LA(0).endOffset! + 1;

  this.statementWithSemi = $.RULE('statementWithSemi', (): Statement => {
    this.output = undefined;
    if (!this.recording && this.fast !== undefined) {
      const fast = this.fast.statement();
      if (fast !== undefined) return fast;
    }
    const s = $.SUBRULE($.statement);
    $.OPTION(() => $.CONSUME(T.Semicolon));
    return $.ACTION(() => {
      // T-SQL OUTPUT clauses of the DML statement just parsed (see outputClause).
      if (this.output && (s.k === 'insert' || s.k === 'update' || s.k === 'delete' || s.k === 'merge')) s.output = this.output;
      this.output = undefined;
      return s;
    });
  });

  this.statement = $.RULE('statement', (): Statement => {
    return $.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => $.LA(1).tokenType === K.WITH, ALT: () => $.SUBRULE($.withStatement) },
        {
          GATE: () => this.startsQuery(1),
          ALT: () => {
            const query = $.SUBRULE($.query);
            // Informix `SELECT .. [GROUP BY ..] [ORDER BY ..] INTO TEMP t [WITH NO LOG]`: a SELECT INTO.
            let temp: QName | undefined;
            $.option(11, {
              GATE: () => $.LA(1).tokenType === K.INTO && /^(TEMP|SCRATCH)$/i.test($.LA(2).image),
              DEF: () => {
                $.CONSUME(K.INTO);
                $.CONSUME2(T.AnyToken);
                temp = $.SUBRULE($.qname);
                $.SUBRULE1($.skipBalanced, { ARGS: [this.caps.statementsWithoutSemicolons ? 1 : 0] });
              },
            });
            // `INTO OUTFILE 'f' [FORMAT CSV]` (ClickHouse, MySQL): the result is written to the file.
            let outfile: string | undefined;
            $.option(12, { GATE: () => this.outfileAhead(), DEF: () => (outfile = $.SUBRULE($.outfile)) });
            // What some dialects write after a whole query, without lineage: Teradata's `SAMPLE 100` / `SAMPLE .25, .25`
            // (Db2's isolation `WITH UR` ends the query itself: queryTail).
            $.OPTION({
              GATE: () => $.LA(1).tokenType === K.SAMPLE && $.LA(2).tokenType === T.NumberLit,
              DEF: () => {
                $.CONSUME(T.AnyToken);
                $.SUBRULE($.skipBalanced, { ARGS: [this.caps.statementsWithoutSemicolons ? 1 : 0] });
              },
            });
            return $.ACTION((): Statement => {
              if (outfile !== undefined) return toFile(query, outfile, query.start, end());
              return { k: 'query', query: temp ? intoTemp(query, temp) : query, start: query.start, end: query.end };
            });
          },
        },
        // Teradata `REPLACE VIEW | PROCEDURE | FUNCTION ...` is CREATE OR REPLACE; any other REPLACE is MySQL's INSERT.
        {
          // SAP HANA `UPSERT t [(cols)] query | VALUES (..) [WITH PRIMARY KEY | WHERE ..]` inserts as REPLACE does.
          GATE: () => ($.LA(1).tokenType === K.REPLACE ? !REPLACE_CREATES.has($.LA(2).image.toUpperCase()) : $.LA(1).tokenType === K.INSERT || UPSERT.test($.LA(1).image)),
          ALT: () => $.SUBRULE($.insertStmt, { ARGS: [undefined] }),
        },
        // T-SQL `UPDATE STATISTICS t [ix] [WITH FULLSCAN]` refreshes the optimizer's statistics: no lineage (otherStmt).
        { GATE: () => !updateStatistics($.LA(2), $.LA(3), $.LA(4)), ALT: () => $.SUBRULE($.updateStmt, { ARGS: [undefined] }) },
        { ALT: () => $.SUBRULE($.deleteStmt, { ARGS: [undefined] }) },
        { ALT: () => $.SUBRULE($.mergeStmt, { ARGS: [undefined] }) },
        { ALT: () => $.SUBRULE($.createStmt) },
        { ALT: () => $.SUBRULE($.dropStmt) },
        { GATE: () => this.schemaSetting() === 0, ALT: () => $.SUBRULE($.alterStmt) },
        { GATE: () => /^TRUNCATE$/i.test($.LA(1).image), ALT: () => $.SUBRULE($.truncateStmt) },
        { GATE: () => (($.LA(1).tokenType === K.USE || this.databaseStatement()) && tokenMatcher($.LA(2), T.Identifier)) || this.schemaSetting() > 0, ALT: () => $.SUBRULE($.useStmt) },
        { GATE: () => $.LA(1).tokenType === K.RENAME && ($.LA(2).tokenType === K.TABLE || (/^OBJECT$/i.test($.LA(2).image) && tokenMatcher($.LA(3), T.Identifier))), ALT: () => $.SUBRULE($.renameStmt) },
        { GATE: () => this.procedural !== undefined && this.startsProcedural(), ALT: () => $.SUBRULE($.procedural) },
        { GATE: () => $.LA(1).tokenType === K.FROM, ALT: () => $.SUBRULE($.fromFirst) },
        { GATE: () => $.LA(1).tokenType === K.COPY, ALT: () => $.SUBRULE($.copyStmt) },
        { GATE: () => /^UNLOAD$/i.test($.LA(1).image) && ($.LA(2).tokenType === T.LParen || ($.LA(2).tokenType === K.TO && $.LA(3).tokenType === T.StringLit)), ALT: () => $.SUBRULE($.unloadStmt) },
        { GATE: () => /^LOAD$/i.test($.LA(1).image) && /^DATA$/i.test($.LA(2).image), ALT: () => $.SUBRULE($.loadStmt) },
        { GATE: () => /^EXPORT$/i.test($.LA(1).image) && /^(DATA|TO)$/i.test($.LA(2).image), ALT: () => $.SUBRULE($.exportStmt) },
        { GATE: () => this.transferAhead(), ALT: () => $.SUBRULE($.transferStmt) },
        { GATE: () => /^APPLY$/i.test($.LA(1).image) && /^CHANGES$/i.test($.LA(2).image) && $.LA(3).tokenType === K.INTO, ALT: () => $.SUBRULE($.applyChanges) },
        { ALT: () => $.SUBRULE($.otherStmt) },
      ],
    });
  });

  /**
   * Hive / Spark `FROM src INSERT OVERWRITE TABLE a SELECT .. WHERE .. INSERT INTO TABLE b SELECT ..`:
   * each INSERT (or SELECT) reads the shared FROM; several are a block of INSERTs.
   */
  this.fromFirst = $.RULE('fromFirst', (): Statement => {
    const kw = $.CONSUME(K.FROM);
    const from = $.SUBRULE($.tableRefs);
    const parts: Statement[] = [];
    $.AT_LEAST_ONE(() => {
      $.OR([
        { ALT: () => parts.push($.SUBRULE($.insertStmt, { ARGS: [undefined] })) },
        {
          ALT: () => {
            const query = $.SUBRULE($.query);
            parts.push({ k: 'query', query, start: query.start, end: query.end });
          },
        },
      ]);
    });
    return $.ACTION((): Statement => {
      const reads = (q: Query): Query => (q.k === 'select' && q.from.length === 0 ? { ...q, from } : q.k === 'setop' ? { ...q, left: reads(q.left) } : q);
      const body = parts.map((p): Statement => (p.k === 'insert' && p.source ? { ...p, source: reads(p.source) } : p.k === 'query' ? { ...p, query: reads(p.query) } : p));
      return body.length === 1 ? { ...body[0]!, start: kw.startOffset } : { k: 'block', kind: 'block', variables: [], body, start: kw.startOffset, end: end() };
    });
  });

  this.withStatement = $.RULE('withStatement', (): Statement => {
    const w = $.SUBRULE($.withClause);
    return $.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => $.SUBRULE($.insertStmt, { ARGS: [w] }) },
        { ALT: () => $.SUBRULE($.updateStmt, { ARGS: [w] }) },
        { ALT: () => $.SUBRULE($.deleteStmt, { ARGS: [w] }) },
        { ALT: () => $.SUBRULE($.mergeStmt, { ARGS: [w] }) },
        {
          ALT: () => {
            const body = $.SUBRULE($.setExpr);
            const tail = $.SUBRULE($.queryTail);
            const queryEnd = end();
            let outfile: string | undefined;
            $.OPTION({ GATE: () => this.outfileAhead(), DEF: () => (outfile = $.SUBRULE($.outfile)) });
            return $.ACTION((): Statement => {
              const query: Query = { ...body, ...tail, with: body.with ? { ...w, ctes: [...w.ctes, ...body.with.ctes] } : w, start: w.start, end: queryEnd };
              if (outfile !== undefined) return toFile(query, outfile, w.start, end());
              return { k: 'query', query, start: w.start, end: end() };
            });
          },
        },
      ],
    });
  });

  this.insertStmt = $.RULE('insertStmt', (w: With | undefined): Statement => {
    const kw = $.OR([{ ALT: () => $.CONSUME(K.INSERT) }, { ALT: () => $.CONSUME(K.REPLACE) }, { GATE: () => UPSERT.test($.LA(1).image), ALT: () => $.CONSUME(T.Identifier) }]);
    $.OPTION({
      GATE: () => $.LA(1).tokenType === K.OR || /^(IGNORE|LOW_PRIORITY|DELAYED|HIGH_PRIORITY)$/i.test($.LA(1).image),
      DEF: () => {
        $.OPTION1(() => $.CONSUME(K.OR));
        $.CONSUME(T.AnyToken);
      },
    });
    return $.OR1([
      {
        GATE: () => ($.LA(1).tokenType === K.ALL || $.LA(1).tokenType === K.FIRST) && ($.LA(2).tokenType === K.INTO || $.LA(2).tokenType === K.WHEN),
        ALT: () => {
          const mode = $.CONSUME1(T.AnyToken); // ALL (reserved) or FIRST
          return $.SUBRULE($.multiInsert, { ARGS: [kw.startOffset, mode.tokenType === K.FIRST] });
        },
      },
      {
        ALT: () => {
          let overwrite = false;
          $.option(11, () => {
            $.OR2([
              { ALT: () => $.CONSUME(K.INTO) },
              {
                ALT: () => {
                  $.CONSUME(K.OVERWRITE);
                  overwrite = true;
                  // Snowflake `INSERT OVERWRITE INTO t`.
                  $.option(12, { GATE: () => $.LA(1).tokenType === K.INTO, DEF: () => $.consume(7, K.INTO) });
                },
              },
            ]);
          });
          $.OPTION2(() => $.CONSUME(K.TABLE));
          const target = $.OR3([
            {
              GATE: () => $.LA(1).tokenType === K.DIRECTORY || ($.LA(1).tokenType === K.LOCAL && $.LA(2).tokenType === K.DIRECTORY),
              ALT: () => {
                $.OPTION3(() => $.CONSUME(K.LOCAL));
                $.CONSUME(K.DIRECTORY);
                const p = $.CONSUME(T.StringLit);
                $.SUBRULE($.skipUntilQuery);
                return { path: p.image };
              },
            },
            {
              // ClickHouse `INSERT INTO [TABLE] FUNCTION s3('path', ..) | file('path', ..) query`: the rows go
              // into the file; `remote | cluster('address', db, table)` writes table db.table.
              GATE: () => $.LA(1).tokenType === K.FUNCTION && tokenMatcher($.LA(2), T.Identifier) && $.LA(3).tokenType === T.LParen && $.LA(4).tokenType === T.StringLit,
              ALT: () => {
                $.consume(40, K.FUNCTION);
                const f = $.consume(40, T.Identifier);
                $.consume(40, T.LParen);
                const first = $.consume(40, T.StringLit);
                const args: IToken[] = [];
                $.many(40, { GATE: () => $.LA(1).tokenType !== T.RParen && !this.atEnd(), DEF: () => args.push($.consume(40, T.AnyToken)) });
                $.consume(40, T.RParen);
                return $.ACTION(() => functionTarget(this.caps.remoteTableFunctions.has(f.image.toUpperCase()), first, args));
              },
            },
            {
              // Databricks / Snowflake `INSERT INTO IDENTIFIER('db.t')`, `IDENTIFIER(:tgt)`.
              GATE: () => identifierCall($.LA(1), $.LA(2), $.LA(4)),
              ALT: () => ({ name: $.SUBRULE($.identifierName) }),
            },
            { ALT: () => ({ name: $.SUBRULE($.qname) }) },
            {
              // Oracle `INSERT INTO (SELECT a, b FROM t WHERE ..) VALUES (..) | query`: into t's columns a, b.
              GATE: () => $.LA(1).tokenType === T.LParen && this.startsQuery(2),
              ALT: () => {
                $.CONSUME2(T.LParen);
                const view = $.SUBRULE1($.query);
                // `WITH CHECK OPTION [CONSTRAINT c]` / `WITH READ ONLY`: no lineage.
                $.many(44, { GATE: () => $.LA(1).tokenType !== T.RParen && !this.atEnd(), DEF: () => $.consume(44, T.AnyToken) });
                $.CONSUME2(T.RParen);
                return $.ACTION(() => insertView(view));
              },
            },
            {
              ALT: () => {
                const v = $.CONSUME(T.Variable);
                return { name: $.ACTION((): QName => ({ parts: [{ text: v.image, quoted: false, start: v.startOffset, end: v.endOffset! + 1 }], start: v.startOffset, end: v.endOffset! + 1 })) };
              },
            },
          ]);
          // Hive `PARTITION (dt = '..', region)`: a column without a value (dynamic) takes the rows' last items.
          const partitioned: Ident[] = [];
          const fixedPartitions: Ident[] = [];
          $.OPTION4({
            GATE: () => $.LA(1).tokenType === K.PARTITION,
            DEF: () => {
              const named = $.SUBRULE($.partitionSpec);
              $.ACTION(() => {
                partitioned.push(...named.dynamic);
                fixedPartitions.push(...named.fixed);
              });
            },
          });
          $.OPTION5(() => $.SUBRULE($.ifNotExists));
          // T-SQL `INSERT INTO t WITH (TABLOCK) (cols) ..`
          $.option(14, { GATE: () => this.tableHintsAhead(), DEF: () => $.SUBRULE($.tableHints) });
          let alias: Ident | undefined;
          $.OPTION6({
            GATE: () =>
              $.LA(1).tokenType === K.AS ||
              (this.canAlias($.LA(1)) && !($.LA(1).tokenType === K.REPLACE && $.LA(2).tokenType === K.WHERE) && !($.LA(1).tokenType === K.TABLE && tokenMatcher($.LA(2), T.Identifier))),
            DEF: () => (alias = $.SUBRULE($.alias, { ARGS: [false] })),
          });
          // N1QL `INSERT | UPSERT INTO ks (KEY k, VALUE v [, OPTIONS o]) query | VALUES (k, v), ..`.
          let doc: { value?: Expr } | undefined;
          $.option(26, {
            GATE: () => this.caps.documentQueries && $.LA(1).tokenType === T.LParen && /^KEY$/i.test($.LA(2).image),
            DEF: () => (doc = { value: $.SUBRULE($.documentKeyValue) }),
          });
          let columns: Ident[] | undefined;
          $.OPTION7({ GATE: () => $.LA(1).tokenType === T.LParen && !this.startsQuery(2), DEF: () => (columns = $.SUBRULE($.columnNameList)) });
          // Impala `INSERT INTO t (cols) PARTITION (..) [SHUFFLE] | [NOCLUSTERED] query`: the partition after the
          // column list, and a planner hint in brackets (no lineage).
          $.option(41, {
            GATE: () => columns !== undefined && $.LA(1).tokenType === K.PARTITION && $.LA(2).tokenType === T.LParen,
            DEF: () => {
              const named = $.SUBRULE1($.partitionSpec);
              $.ACTION(() => {
                partitioned.push(...named.dynamic);
                fixedPartitions.push(...named.fixed);
              });
            },
          });
          $.option(42, {
            GATE: () => $.LA(1).tokenType === T.LBracket && /^(NO)?(SHUFFLE|CLUSTERED)$/i.test($.LA(2).image) && $.LA(3).tokenType === T.RBracket,
            DEF: () => {
              $.consume(42, T.LBracket);
              $.consume(42, T.Identifier);
              $.consume(42, T.RBracket);
            },
          });
          // ClickHouse `INSERT INTO t [(cols)] [SETTINGS k = v] [FORMAT name] SELECT ..`: how the rows are written.
          $.option(19, { GATE: () => this.settingsAhead(), DEF: () => $.SUBRULE($.settingsClause) });
          $.option(20, {
            GATE: () => $.LA(1).tokenType === K.FORMAT && this.caps.queryClauses.has('format'),
            DEF: () => {
              $.consume(20, K.FORMAT);
              $.consume(21, T.AnyToken); // a name, also a keyword (`FORMAT Values`)
            },
          });
          // Databricks `INSERT INTO t REPLACE WHERE cond query` (the rows replaced are chosen by cond,
          // which is no lineage) and `INSERT INTO t BY NAME query` (columns matched by name).
          let byName = false;
          $.option(18, {
            GATE: () => ($.LA(1).tokenType === K.REPLACE && $.LA(2).tokenType === K.WHERE) || ($.LA(1).tokenType === K.BY && /^NAME$/i.test($.LA(2).image)),
            DEF: () => {
              $.OR6([
                {
                  ALT: () => {
                    $.CONSUME1(K.REPLACE);
                    $.CONSUME(K.WHERE);
                    $.SUBRULE($.expr);
                  },
                },
                {
                  ALT: () => {
                    $.CONSUME(K.BY);
                    $.CONSUME3(T.Identifier);
                    byName = true;
                  },
                },
              ]);
            },
          });
          $.OPTION8(() => $.SUBRULE($.outputClause));
          const source = $.OR4({
            IGNORE_AMBIGUITIES: true,
            DEF: [
              { GATE: () => this.startsQuery(1) || $.LA(1).tokenType === K.WITH, ALT: () => ({ q: $.SUBRULE($.query) }) },
              {
                ALT: () => {
                  $.CONSUME(K.DEFAULT);
                  $.CONSUME1(K.VALUES);
                  return {};
                },
              },
              {
                // PL/SQL `VALUES rec` / `VALUES coll(i)`: a record variable is the whole row.
                GATE: () => this.caps.recordRows && $.LA(1).tokenType === K.VALUES && $.LA(2).tokenType !== T.LParen,
                ALT: () => {
                  $.CONSUME2(K.VALUES);
                  return { record: $.SUBRULE1($.expr) };
                },
              },
              {
                GATE: () => /^(VALUE)$/i.test($.LA(1).image),
                ALT: () => {
                  const vk = $.CONSUME1(T.Identifier);
                  const rows = $.SUBRULE($.valuesRows);
                  return { q: $.ACTION((): Query => ({ k: 'values_q', rows, start: vk.startOffset, end: end() })) };
                },
              },
              {
                ALT: () => {
                  $.OR5([{ ALT: () => $.CONSUME(K.EXEC) }, { ALT: () => $.CONSUME(K.EXECUTE) }]);
                  const proc = $.SUBRULE1($.qname);
                  $.SUBRULE2($.skipBalanced, { ARGS: [1] });
                  return { proc };
                },
              },
              {
                // Spark `INSERT INTO t TABLE s`: every row and column of s.
                GATE: () => $.LA(1).tokenType === K.TABLE,
                ALT: () => {
                  const tk = $.CONSUME1(K.TABLE);
                  const from = $.SUBRULE2($.qname);
                  return {
                    q: $.ACTION((): Query => selectAll([tableOfName(from)], from, tk.startOffset, end())),
                  };
                },
              },
              {
                // MySQL INSERT ... SET a = 1, b = 2
                ALT: () => {
                  $.CONSUME(K.SET);
                  const sets = $.SUBRULE($.assignments);
                  return { sets };
                },
              },
            ],
          });
          $.option(17, {
            // (SAP HANA's `REPLACE t ..` is its UPSERT, with the same tail.)
            GATE: () => (UPSERT.test(kw.image) || kw.tokenType === K.REPLACE) && (($.LA(1).tokenType === K.WITH && $.LA(2).tokenType === K.PRIMARY) || $.LA(1).tokenType === K.WHERE),
            DEF: () => $.SUBRULE3($.skipBalanced, { ARGS: [0] }),
          });
          let rowAlias: { name: Ident; columns?: Ident[] } | undefined;
          $.option(15, {
            GATE: () => $.LA(1).tokenType === K.AS && ($.LA(3).tokenType === K.ON || $.LA(3).tokenType === T.LParen),
            DEF: () => {
              $.CONSUME(K.AS);
              const name = $.SUBRULE($.ident);
              let columns: Ident[] | undefined;
              $.option(16, () => (columns = $.SUBRULE1($.columnNameList)));
              $.ACTION(() => (rowAlias = { name, columns }));
            },
          });
          let upsert: { sets: Assignment[]; where?: Expr } | undefined;
          $.OPTION9(() => upsert = $.SUBRULE($.upsertClause));
          let returning: SelectItem[] | undefined;
          $.option(10, () => (returning = $.SUBRULE($.returning)));
          $.option(13, { GATE: () => this.errorLoggingAhead(), DEF: () => $.SUBRULE($.errorLogging) });
          return $.ACTION((): Statement => {
            const t = target as { path?: string; name?: QName; columns?: Ident[] };
            let src = (source as { q?: Query }).q;
            const sets = (source as { sets?: Assignment[] }).sets;
            let cols = columns && partitioned.length > 0 ? [...columns, ...partitioned] : (columns ?? t.columns);
            if (doc && src) ({ src, cols } = documentRows(src, doc.value));
            if (sets) {
              cols = sets.map((a) => a.columns[0]!.parts[a.columns[0]!.parts.length - 1]!);
              src = { k: 'values_q', rows: [sets.map((a) => a.value)], start: sets[0]!.start, end: end() };
            }
            return {
              k: 'insert',
              with: w,
              target: t.name ?? pathName(stringValue(t.path!), kw.startOffset, end()),
              pathTarget: t.path === undefined ? undefined : stringValue(t.path),
              alias,
              columns: cols,
              source: src,
              overwrite,
              replace: kw.tokenType === K.REPLACE,
              upsert: upsert?.sets,
              ...(upsert?.where ? { upsertWhere: upsert.where } : {}),
              ...(rowAlias ? { rowAlias } : {}),
              ...(byName ? { byName } : {}),
              ...(fixedPartitions.length > 0 && !columns ? { fixedPartitions } : {}),
              returning,
              execProc: (source as { proc?: QName }).proc,
              ...((source as { record?: Expr }).record ? { record: (source as { record?: Expr }).record } : {}),
              start: w ? w.start : kw.startOffset,
              end: end(),
            };
          });
        },
      },
    ]);
  });

  /** Column names of INSERT: `(a, t.b, [c])`. */
  this.columnNameList = $.RULE('columnNameList', (): Ident[] => {
    $.CONSUME(T.LParen);
    const ids: Ident[] = [];
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const q = $.SUBRULE($.qname);
        $.ACTION(() => ids.push(q.parts[q.parts.length - 1]!));
      },
    });
    $.CONSUME(T.RParen);
    return ids;
  });

  /** N1QL `(KEY [k], VALUE [v] [, OPTIONS [o]])` of INSERT / UPSERT: the value, when written. */
  this.documentKeyValue = $.RULE('documentKeyValue', (): Expr | undefined => {
    let value: Expr | undefined;
    $.CONSUME(T.LParen);
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const word = $.CONSUME(T.AnyToken); // KEY | VALUE | OPTIONS
        const e = $.OPTION({ GATE: () => $.LA(1).tokenType !== T.Comma && $.LA(1).tokenType !== T.RParen, DEF: () => $.SUBRULE($.expr) });
        $.ACTION(() => {
          if (/^VALUE$/i.test(word.image)) value = e;
        });
      },
    });
    $.CONSUME(T.RParen);
    return value;
  });

  this.upsertClause = $.RULE('upsertClause', (): { sets: Assignment[]; where?: Expr } => {
    $.CONSUME(K.ON);
    return $.OR([
      {
        ALT: () => {
          $.CONSUME(K.CONFLICT);
          $.OPTION(() => {
            $.OR1([
              {
                ALT: () => {
                  $.CONSUME(T.LParen);
                  $.SUBRULE($.skipBalanced, { ARGS: [0] });
                  $.CONSUME(T.RParen);
                },
              },
              {
                ALT: () => {
                  $.CONSUME1(K.ON);
                  $.CONSUME(K.CONSTRAINT);
                  $.SUBRULE($.ident);
                },
              },
            ]);
          });
          $.OPTION1(() => {
            $.CONSUME(K.WHERE);
            $.SUBRULE($.expr);
          });
          $.CONSUME(K.DO);
          return $.OR2([
            {
              ALT: () => {
                $.CONSUME(K.NOTHING);
                return { sets: [] };
              },
            },
            {
              ALT: () => {
                $.CONSUME(K.UPDATE);
                $.CONSUME(K.SET);
                const sets = $.SUBRULE($.assignments);
                let where: Expr | undefined;
                $.OPTION2(() => {
                  $.CONSUME1(K.WHERE);
                  where = $.SUBRULE1($.expr);
                });
                return { sets, where };
              },
            },
          ]);
        },
      },
      {
        ALT: () => {
          $.CONSUME(K.DUPLICATE);
          $.CONSUME(K.KEY);
          $.CONSUME1(K.UPDATE);
          return { sets: $.SUBRULE1($.assignments) };
        },
      },
    ]);
  });

  this.multiInsert = $.RULE('multiInsert', (start: number, first: boolean): Statement => {
    const branches: MultiInsertStmt['branches'] = [];
    $.AT_LEAST_ONE(() => {
      let when: Expr | undefined;
      let otherwise = false;
      $.OPTION(() => {
        $.OR([
          {
            ALT: () => {
              $.CONSUME(K.WHEN);
              when = $.SUBRULE($.expr);
              $.CONSUME(K.THEN);
            },
          },
          {
            ALT: () => {
              $.CONSUME(K.ELSE);
              otherwise = true;
            },
          },
        ]);
      });
      $.AT_LEAST_ONE1(() => {
        $.CONSUME(K.INTO);
        const target = $.SUBRULE($.qname);
        $.OPTION1({ GATE: () => this.canAlias($.LA(1)), DEF: () => $.SUBRULE($.ident) });
        let columns: Ident[] | undefined;
        $.OPTION2(() => (columns = $.SUBRULE($.columnNameList)));
        let values: Expr[] | undefined;
        $.OPTION3(() => {
          $.CONSUME(K.VALUES);
          $.CONSUME(T.LParen);
          values = $.SUBRULE($.exprList);
          $.CONSUME(T.RParen);
        });
        branches.push({ when, ...(otherwise ? { otherwise } : {}), target, columns, values });
      });
    });
    const source = $.SUBRULE($.query);
    return $.ACTION((): Statement => ({ k: 'multi_insert', ...(first ? { first } : {}), branches, source, start, end: end() }));
  });

  this.assignments = $.RULE('assignments', (): Assignment[] => {
    const sets: Assignment[] = [];
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => sets.push($.SUBRULE($.assignment)) });
    return sets;
  });

  this.assignment = $.RULE('assignment', (): Assignment => {
    const columns: QName[] = [];
    const start = $.LA(1).startOffset;
    $.OR([
      {
        ALT: () => {
          $.CONSUME(T.LParen);
          $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => columns.push($.SUBRULE($.qname)) });
          $.CONSUME(T.RParen);
        },
      },
      { ALT: () => columns.push($.SUBRULE1($.qname)) },
      {
        ALT: () => {
          const v = $.CONSUME(T.Variable);
          columns.push($.ACTION((): QName => ({ parts: [{ text: v.image, quoted: false, start: v.startOffset, end: v.endOffset! + 1 }], start: v.startOffset, end: v.endOffset! + 1 })));
        },
      },
    ]);
    $.OR1({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => $.CONSUME(T.Eq) },
        {
          ALT: () => {
            $.OR2([{ ALT: () => $.CONSUME(T.Operator) }, { ALT: () => $.CONSUME(T.Star) }]);
            $.OPTION(() => $.CONSUME1(T.Eq));
          },
        },
      ],
    });
    const value = $.SUBRULE($.expr);
    return $.ACTION((): Assignment => ({ columns, value, start, end: end() }));
  });

  /** T-SQL `OUTPUT inserted.a, deleted.b INTO target [(cols)]` and / or `OUTPUT inserted.a, ..` (to the client). */
  this.outputClause = $.RULE('outputClause', () => {
    $.AT_LEAST_ONE(() => {
      const kw = $.CONSUME(K.OUTPUT);
      const items: SelectItem[] = [];
      $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => items.push($.SUBRULE($.selectItem)) });
      $.ACTION(() => (this.outputItems = items));
      let into: QName | undefined;
      let columns: Ident[] | undefined;
      $.OPTION(() => {
        $.CONSUME(K.INTO);
        into = $.OR([
          { ALT: () => $.SUBRULE($.qname) },
          {
            ALT: () => {
              const v = $.CONSUME(T.Variable);
              return $.ACTION((): QName => ({ parts: [{ text: v.image, quoted: false, start: v.startOffset, end: v.endOffset! + 1 }], start: v.startOffset, end: v.endOffset! + 1 }));
            },
          },
        ]);
        $.OPTION1(() => (columns = $.SUBRULE($.columnNameList)));
      });
      // Attached to the statement by statementWithSemi (the DML rules return no OUTPUT field).
      $.ACTION(() => (this.output ??= []).push({ items, into, columns, start: kw.startOffset, end: end() }));
    });
  });

  this.topClause = $.RULE('topClause', () => {
    $.CONSUME(K.TOP);
    $.SUBRULE($.primary);
    $.OPTION(() => $.CONSUME(K.PERCENT));
  });

  this.updateStmt = $.RULE('updateStmt', (w: With | undefined): Statement => {
    const kw = $.CONSUME(K.UPDATE);
    $.OPTION({ GATE: () => this.topAhead(), DEF: () => $.SUBRULE($.topClause) });
    $.OPTION1(() => $.CONSUME(K.ONLY));
    const targets = $.SUBRULE($.tableRefs);
    let from: TableRef[] = [];
    // Teradata `UPDATE t FROM t, s SET ..`: the FROM list before SET, as T-SQL writes it after.
    $.OPTION5(() => {
      $.CONSUME2(K.FROM);
      from = $.SUBRULE2($.tableRefs);
    });
    $.CONSUME(K.SET);
    const sets = $.SUBRULE($.assignments);
    $.OPTION2(() => $.SUBRULE($.outputClause));
    $.OPTION3(() => {
      $.CONSUME(K.FROM);
      from = $.SUBRULE1($.tableRefs);
    });
    let cond: { where?: Expr; currentOf?: Ident } = {};
    $.OPTION4(() => (cond = $.SUBRULE($.dmlWhere)));
    const returning = $.SUBRULE($.dmlTail);
    return $.ACTION((): Statement => {
      const [target, ...rest] = targets;
      const { where, currentOf } = cond;
      return { k: 'update', with: w, target: target!, sets, from: [...rest, ...from], where, ...(currentOf ? { currentOf } : {}), returning, start: w ? w.start : kw.startOffset, end: end() };
    });
  });

  /** `WHERE cond` of UPDATE/DELETE, or `WHERE CURRENT OF cursor` (no condition: the cursor's row). */
  this.dmlWhere = $.RULE('dmlWhere', (): { where?: Expr; currentOf?: Ident } => {
    $.CONSUME(K.WHERE);
    return $.OR([
      {
        GATE: () => $.LA(1).tokenType === K.CURRENT && $.LA(2).tokenType === K.OF,
        ALT: () => {
          $.CONSUME(K.CURRENT);
          $.CONSUME(K.OF);
          return { currentOf: $.SUBRULE($.ident) };
        },
      },
      { ALT: () => ({ where: $.SUBRULE($.expr) }) },
    ]);
  });

  /** RETURNING / ORDER BY / LIMIT / OPTION(...) after DML: the RETURNING items. */
  this.dmlTail = $.RULE('dmlTail', (): SelectItem[] | undefined => {
    let returning: SelectItem[] | undefined;
    $.MANY(() => {
      $.OR([
        { ALT: () => (returning = $.SUBRULE($.returning)) },
        {
          ALT: () => {
            $.CONSUME(K.ORDER);
            $.CONSUME(K.BY);
            $.SUBRULE($.orderItems);
          },
        },
        {
          ALT: () => {
            $.CONSUME(K.LIMIT);
            $.SUBRULE($.arith);
          },
        },
        {
          GATE: () => $.LA(2).tokenType === T.LParen,
          ALT: () => {
            $.CONSUME(K.OPTION);
            $.CONSUME(T.LParen);
            $.SUBRULE1($.skipBalanced, { ARGS: [0] });
            $.CONSUME(T.RParen);
          },
        },
        { GATE: () => this.errorLoggingAhead(), ALT: () => $.SUBRULE($.errorLogging) },
      ]);
    });
    return returning;
  });

  /**
   * Oracle DML error logging, `LOG ERRORS [INTO t] [('tag')] [REJECT LIMIT n | UNLIMITED]`: rows that
   * fail go to the error table (no column lineage); skipped to the statement's end.
   */
  this.errorLogging = $.RULE('errorLogging', () => {
    $.CONSUME(K.LOG);
    $.SUBRULE($.skipBalanced, { ARGS: [1] });
  });

  /**
   * `RETURNING items`: what a data-modifying CTE hands on (PostgreSQL). Oracle's `INTO :v, ...`
   * (variables, no lineage) and anything else up to the statement's end are skipped.
   */
  this.returning = $.RULE('returning', (): SelectItem[] => {
    $.CONSUME(K.RETURNING);
    const items: SelectItem[] = [];
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => items.push($.SUBRULE($.selectItem)) });
    $.OPTION({
      // PL/pgSQL / PL/SQL `RETURNING a, b [BULK COLLECT] INTO v, w`: each item is assigned to its variable.
      GATE: () => $.LA(1).tokenType === K.INTO || ($.LA(1).tokenType === K.BULK && $.LA(2).tokenType === K.COLLECT),
      DEF: () => {
        $.OPTION1(() => {
          $.CONSUME(K.BULK);
          $.CONSUME(K.COLLECT);
        });
        $.CONSUME(K.INTO);
        const targets = $.SUBRULE($.intoTargets);
        $.ACTION(() => intoNames(targets).forEach((n, i) => items[i] !== undefined && (items[i] = { ...items[i]!, assignTo: n })));
      },
    });
    $.SUBRULE($.skipBalanced, { ARGS: [0] });
    return items;
  });

  this.deleteStmt = $.RULE('deleteStmt', (w: With | undefined): Statement => {
    const kw = $.CONSUME(K.DELETE);
    $.OPTION({ GATE: () => this.topAhead(), DEF: () => $.SUBRULE($.topClause) });
    $.OPTION1(() => $.CONSUME(K.FROM));
    $.OPTION2(() => $.CONSUME(K.ONLY));
    const targets = $.SUBRULE($.tableRefs);
    $.OPTION3(() => $.SUBRULE($.outputClause));
    let using: TableRef[] | undefined;
    $.OPTION4(() => {
      $.OR([{ ALT: () => $.CONSUME(K.USING) }, { ALT: () => $.CONSUME1(K.FROM) }]);
      using = $.SUBRULE1($.tableRefs);
    });
    let cond: { where?: Expr; currentOf?: Ident } = {};
    $.OPTION5(() => (cond = $.SUBRULE($.dmlWhere)));
    // Teradata `DELETE FROM t ALL`: every row, said outright.
    $.OPTION6(() => $.CONSUME(K.ALL));
    const returning = $.SUBRULE($.dmlTail);
    return $.ACTION((): Statement => {
      const [target, ...rest] = targets;
      const { where, currentOf } = cond;
      // Before FROM/USING, a list names the tables deleted from (MySQL); without it, the others are read.
      const more = using && rest.length > 0 ? { moreTargets: rest } : {};
      return { k: 'delete', with: w, target: target!, ...more, using: using ? using : rest, where, ...(currentOf ? { currentOf } : {}), returning, start: w ? w.start : kw.startOffset, end: end() };
    });
  });

  this.mergeStmt = $.RULE('mergeStmt', (w: With | undefined): Statement => {
    const kw = $.CONSUME(K.MERGE);
    $.OPTION({ GATE: () => this.topAhead(), DEF: () => $.SUBRULE($.topClause) });
    $.option(20, {
      // Databricks `MERGE WITH SCHEMA EVOLUTION INTO t`.
      GATE: () => $.LA(1).tokenType === K.WITH && /^SCHEMA$/i.test($.LA(2).image),
      DEF: () => {
        $.CONSUME(K.WITH);
        $.CONSUME(K.SCHEMA);
        $.CONSUME(T.Identifier);
      },
    });
    $.OPTION1(() => $.CONSUME(K.INTO));
    const target = $.SUBRULE($.tablePrimary);
    $.CONSUME(K.USING);
    const source = $.SUBRULE1($.tablePrimary);
    $.CONSUME(K.ON);
    // N1QL `ON [PRIMARY] KEY s.id`: the key decides the rows, like a condition.
    $.option(22, { GATE: () => this.caps.documentQueries && /^(KEYS?|PRIMARY)$/i.test($.LA(1).image), DEF: () => $.MANY({ GATE: () => /^(KEYS?|PRIMARY)$/i.test($.LA(1).image), DEF: () => $.CONSUME3(T.AnyToken) }) });
    const on = $.SUBRULE($.expr);
    const whens: MergeWhen[] = [];
    $.AT_LEAST_ONE(() => whens.push($.SUBRULE($.mergeWhen)));
    $.option(21, {
      // Db2 `ELSE IGNORE` after the WHEN arms: rows no arm takes are left alone.
      GATE: () => $.LA(1).tokenType === K.ELSE && /^IGNORE$/i.test($.LA(2).image),
      DEF: () => {
        $.CONSUME(K.ELSE);
        $.CONSUME1(T.AnyToken);
      },
    });
    $.OPTION2(() => $.SUBRULE($.outputClause));
    $.SUBRULE($.dmlTail);
    return $.ACTION((): Statement => ({ k: 'merge', with: w, target, source, on, whens, start: w ? w.start : kw.startOffset, end: end() }));
  });

  this.mergeWhen = $.RULE('mergeWhen', (): MergeWhen => {
    $.CONSUME(K.WHEN);
    const when: MergeWhen = { matched: true, action: 'nothing' };
    $.OPTION(() => {
      $.CONSUME(K.NOT);
      when.matched = false;
    });
    $.CONSUME(K.MATCHED);
    $.OPTION1(() => {
      $.CONSUME(K.BY);
      $.OR([
        { ALT: () => $.CONSUME(K.TARGET) },
        {
          ALT: () => {
            $.CONSUME(K.SOURCE);
            when.bySource = true;
          },
        },
      ]);
    });
    $.OPTION2(() => {
      $.CONSUME(K.AND);
      when.cond = $.SUBRULE($.expr);
    });
    $.CONSUME(K.THEN);
    $.OR1([
      {
        ALT: () => {
          $.CONSUME(K.UPDATE);
          $.CONSUME(K.SET);
          when.action = 'update';
          $.OR3([
            // Spark/Delta `UPDATE SET *`: every column from the same-named source column.
            {
              ALT: () => {
                $.CONSUME(T.Star);
                when.all = true;
              },
            },
            {
              ALT: () => {
                when.sets = $.SUBRULE($.assignments);
              },
            },
          ]);
          $.OPTION3(() => {
            $.CONSUME(K.WHERE);
            when.cond = $.SUBRULE1($.expr);
          });
          $.OPTION4(() => {
            $.CONSUME(K.DELETE);
            $.CONSUME1(K.WHERE);
            when.deleteWhere = $.SUBRULE2($.expr);
          });
        },
      },
      {
        ALT: () => {
          $.CONSUME1(K.DELETE);
          when.action = 'delete';
          $.OPTION5(() => {
            $.CONSUME2(K.WHERE);
            when.cond = $.SUBRULE3($.expr);
          });
        },
      },
      {
        ALT: () => {
          $.CONSUME(K.INSERT);
          when.action = 'insert';
          $.OPTION6(() => (when.columns = $.SUBRULE($.columnNameList)));
          $.OR2([
            // Spark/Delta `INSERT *`.
            {
              ALT: () => {
                $.CONSUME1(T.Star);
                when.all = true;
              },
            },
            {
              ALT: () => {
                $.CONSUME(K.VALUES);
                $.CONSUME(T.LParen);
                when.values = $.SUBRULE($.exprList);
                $.CONSUME(T.RParen);
              },
            },
            {
              // BigQuery `INSERT ROW`: the source row's columns, as Spark's `INSERT *`.
              ALT: () => {
                $.CONSUME(K.ROW);
                when.all = true;
              },
            },
            {
              // N1QL `INSERT s` (the source document), also `INSERT {..}`: the source's columns.
              GATE: () => this.caps.documentQueries,
              ALT: () => {
                $.SUBRULE5($.expr);
                when.all = true;
              },
            },
            {
              ALT: () => {
                $.CONSUME(K.DEFAULT);
                $.CONSUME1(K.VALUES);
              },
            },
          ]);
          $.OPTION7(() => {
            $.CONSUME3(K.WHERE);
            when.cond = $.SUBRULE4($.expr);
          });
        },
      },
      {
        ALT: () => {
          $.CONSUME(K.DO);
          $.CONSUME(K.NOTHING);
        },
      },
    ]);
    return when;
  });

  this.createStmt = $.RULE('createStmt', (): Statement => {
    const kw = $.OR9([{ ALT: () => $.CONSUME(K.CREATE) }, { ALT: () => $.CONSUME(K.REPLACE) }]);
    let temporary = false;
    let materialized = false;
    $.MANY({
      GATE: () => TABLE_MODIFIERS.test($.LA(1).image) && $.LA(1).tokenType !== K.TABLE && $.LA(1).tokenType !== K.VIEW,
      DEF: () => {
        const m = $.CONSUME(T.AnyToken);
        $.ACTION(() => {
          const u = m?.image?.toUpperCase();
          if (TEMPORARY_WORDS.has(u!)) temporary = true;
          if (u === 'MATERIALIZED') materialized = true;
        });
      },
    });
    return $.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        // BigQuery `CREATE TABLE FUNCTION` is a routine.
        { GATE: () => $.LA(2).image.toUpperCase() !== 'FUNCTION', ALT: () => $.SUBRULE($.createTable, { ARGS: [kw.startOffset, temporary] }) },
        { ALT: () => $.SUBRULE($.createView, { ARGS: [kw.startOffset, materialized] }) },
        { GATE: () => this.procedural !== undefined && this.startsRoutine(), ALT: () => $.SUBRULE($.createRoutine, { ARGS: [kw.startOffset] }) },
        { GATE: () => /^TASK$/i.test($.LA(1).image), ALT: () => $.SUBRULE($.createTask, { ARGS: [kw.startOffset] }) },
        { GATE: () => /^STREAM$/i.test($.LA(1).image), ALT: () => $.SUBRULE($.createStream, { ARGS: [kw.startOffset] }) },
        { GATE: () => /^PIPE$/i.test($.LA(1).image), ALT: () => $.SUBRULE($.createPipe, { ARGS: [kw.startOffset] }) },
        { GATE: () => /^PROJECTION$/i.test($.LA(1).image), ALT: () => $.SUBRULE($.createProjection, { ARGS: [kw.startOffset] }) },
        { GATE: () => /^MODEL$/i.test($.LA(1).image) && tokenMatcher($.LA(1), T.Identifier), ALT: () => $.SUBRULE($.createModel, { ARGS: [kw.startOffset, temporary] }) },
        { GATE: () => /^DICTIONARY$/i.test($.LA(1).image) && tokenMatcher($.LA(1), T.Identifier), ALT: () => $.SUBRULE($.createDictionary, { ARGS: [kw.startOffset] }) },
        {
          ALT: () => {
            $.SUBRULE($.skipBalanced, { ARGS: [this.caps.statementsWithoutSemicolons ? 1 : 0] });
            return $.ACTION(() => this.skipped('CREATE', kw.startOffset));
          },
        },
      ],
    });
  });

  /** INSERT's `PARTITION (a = 1, b)`: the dynamic (`b`) and static (`a`) partition columns it names. */
  this.partitionSpec = $.RULE('partitionSpec', (): PartitionColumns => {
    $.CONSUME(K.PARTITION);
    $.CONSUME(T.LParen);
    const open = $.ACTION(() => position(this));
    $.SUBRULE($.skipBalanced, { ARGS: [0] });
    $.CONSUME(T.RParen);
    return $.ACTION(() => partitionColumns(this.input, open, position(this))) ?? { dynamic: [], fixed: [] };
  });

  /** `IF NOT EXISTS` of CREATE statements (no lineage: the statement's effect is the same). */
  this.ifNotExists = $.RULE('ifNotExists', () => {
    $.CONSUME(K.IF);
    $.CONSUME(K.NOT);
    $.CONSUME(K.EXISTS);
  });

  /** Snowflake `CREATE TASK name [WAREHOUSE = ..] [SCHEDULE = ..] [AFTER ..] [WHEN ..] AS statement`: the statement, run by the task. */
  this.createTask = $.RULE('createTask', (start: number): Statement => {
    $.CONSUME(T.Identifier);
    $.OPTION(() => $.SUBRULE($.ifNotExists));
    const name = $.SUBRULE($.qname);
    $.MANY({
      GATE: () => this.statementGoesOn() && !($.LA(1).tokenType === K.AS && this.startsStatement($.LA(2), $.LA(3))),
      DEF: () => $.CONSUME(T.AnyToken),
    });
    $.CONSUME(K.AS);
    const body = $.SUBRULE($.statement);
    return $.ACTION((): Statement => ({ k: 'block', kind: 'procedure', name, variables: [], body: [body], start, end: end() }));
  });

  /** Snowflake `CREATE [OR REPLACE] PIPE [IF NOT EXISTS] p [AUTO_INGEST = TRUE ..] AS COPY INTO t FROM @stage ..`: the pipe's COPY. */
  this.createPipe = $.RULE('createPipe', (start: number): Statement => {
    $.CONSUME(T.Identifier);
    $.OPTION(() => $.SUBRULE($.ifNotExists));
    $.SUBRULE($.qname);
    $.MANY({ GATE: () => !($.LA(1).tokenType === K.AS && $.LA(2).tokenType === K.COPY) && !this.atEnd(), DEF: () => $.CONSUME(T.AnyToken) });
    $.CONSUME(K.AS);
    const copy = $.SUBRULE($.copyStmt);
    return $.ACTION((): Statement => ({ ...copy, start }));
  });

  /**
   * Vertica `CREATE PROJECTION [IF NOT EXISTS] p [(a [ENCODING e] [ACCESSRANK n], ..)] AS query
   * [SEGMENTED BY .. ALL NODES | UNSEGMENTED ALL NODES] [KSAFE n]`: a physical copy of the query's
   * columns (its ORDER BY is the sort order of the copy), recorded as a materialized view.
   */
  this.createProjection = $.RULE('createProjection', (start: number): Statement => {
    $.CONSUME(T.Identifier);
    $.OPTION(() => $.SUBRULE($.ifNotExists));
    const name = $.SUBRULE($.qname);
    let columns: Ident[] | undefined;
    $.OPTION1(() => {
      columns = [];
      $.CONSUME(T.LParen);
      $.AT_LEAST_ONE_SEP({
        SEP: T.Comma,
        DEF: () => {
          columns!.push($.SUBRULE($.ident));
          $.SUBRULE($.skipBalanced, { ARGS: [2] });
        },
      });
      $.CONSUME(T.RParen);
    });
    $.CONSUME(K.AS);
    const query = $.SUBRULE($.query);
    $.SUBRULE1($.skipBalanced, { ARGS: [0] });
    return $.ACTION((): Statement => ({ k: 'create_view', name, columns, query, materialized: true, start, end: end() }));
  });

  /**
   * BigQuery `CREATE [OR REPLACE] MODEL [IF NOT EXISTS] m [TRANSFORM (..)] [OPTIONS (..)] AS query`:
   * the model is trained on the query's columns, recorded as a table created from them (CTAS). A
   * model without a query (imported, remote) or trained on several (`AS (training_data AS (..),
   * custom_holiday AS (..))`) is skipped.
   */
  this.createModel = $.RULE('createModel', (start: number, temporary: boolean): Statement => {
    $.CONSUME(T.Identifier);
    $.OPTION(() => $.SUBRULE($.ifNotExists));
    const name = $.SUBRULE($.qname);
    $.MANY({
      GATE: () => !($.LA(1).tokenType === K.AS && this.startsQuery(2)) && this.statementGoesOn(),
      DEF: () => $.SUBRULE($.tokenOrGroup),
    });
    const as = $.OPTION1(() => {
      $.CONSUME(K.AS);
      return $.SUBRULE($.query);
    });
    return $.ACTION((): Statement => {
      if (!as) return this.skipped('CREATE', start);
      return { k: 'create_table', name, temporary, columns: [], as, like: undefined, clone: undefined, location: undefined, notQuery: undefined, start, end: end() };
    });
  });

  /**
   * ClickHouse `CREATE DICTIONARY [IF NOT EXISTS] d [ON CLUSTER c] (id UInt64, name String [DEFAULT ..], ..)
   * PRIMARY KEY id SOURCE(CLICKHOUSE(.. TABLE 'src' [DB 'db'] ..)) LAYOUT(..) LIFETIME(..)`: the
   * dictionary is loaded from that table, each attribute from its column of the same name, as
   * `CREATE TABLE d (..) AS SELECT id, name FROM db.src`. Other sources (MYSQL, HTTP, FILE, a QUERY):
   * the declared columns only.
   */
  this.createDictionary = $.RULE('createDictionary', (start: number): Statement => {
    $.CONSUME(T.Identifier);
    $.OPTION(() => $.SUBRULE($.ifNotExists));
    const name = $.SUBRULE($.qname);
    $.MANY({ GATE: () => $.LA(1).tokenType !== T.LParen && this.statementGoesOn(), DEF: () => $.CONSUME(T.AnyToken) });
    const columns: ColumnDef[] = [];
    $.CONSUME(T.LParen);
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => columns.push($.SUBRULE($.columnDef)) });
    $.CONSUME(T.RParen);
    const rest: IToken[] = [];
    $.MANY1({ GATE: () => this.statementGoesOn(), DEF: () => rest.push($.CONSUME1(T.AnyToken)) });
    return $.ACTION((): Statement => {
      const from = dictionarySource(rest);
      const as = from && columns.length > 0 ? selectColumns([tableOfName(from)], columns.map((c) => c.name), from.start, from.end) : undefined;
      return { k: 'create_table', name, temporary: false, columns, as, like: undefined, clone: undefined, location: undefined, notQuery: undefined, start, end: end() };
    });
  });

  /**
   * Snowflake `CREATE STREAM s [COPY GRANTS] ON TABLE | VIEW | EXTERNAL TABLE | DYNAMIC TABLE t [AT (..)]
   * [APPEND_ONLY = TRUE] ..`: the stream's rows are t's changed rows, with t's columns: a view
   * `SELECT * FROM t`. A stream on a stage (its directory table) reads no table: other.
   */
  this.createStream = $.RULE('createStream', (start: number): Statement => {
    $.CONSUME(T.Identifier);
    $.OPTION(() => $.SUBRULE($.ifNotExists));
    const name = $.SUBRULE($.qname);
    $.MANY({ GATE: () => $.LA(1).tokenType !== K.ON && !this.atEnd(), DEF: () => $.CONSUME(T.AnyToken) });
    $.CONSUME(K.ON);
    const kinds: IToken[] = [];
    $.MANY1({ GATE: () => $.LA(1).tokenType !== K.TABLE && $.LA(1).tokenType !== K.VIEW && /^(EXTERNAL|DYNAMIC|STAGE)$/i.test($.LA(1).image), DEF: () => kinds.push($.CONSUME1(T.AnyToken)) });
    $.OPTION1(() => $.OR([{ ALT: () => $.CONSUME(K.TABLE) }, { ALT: () => $.CONSUME(K.VIEW) }]));
    const source = $.SUBRULE1($.qname);
    $.SUBRULE($.skipBalanced, { ARGS: [0] });
    return $.ACTION((): Statement => {
      if (kinds.some((k) => /^STAGE$/i.test(k.image))) return { k: 'other', keyword: 'CREATE', start, end: end() };
      const query = selectAll([tableOfName(source)], source, source.start, source.end);
      return { k: 'create_view', name, columns: undefined, query, materialized: false, start, end: end(), ownColumns: STREAM_COLUMNS };
    });
  });

  /** A CTAS query written without AS: SELECT or a parenthesized query (never `WITH (options)`). */
  const ctasQueryAhead = () => $.LA(1).tokenType === K.SELECT || ($.LA(1).tokenType === T.LParen && this.startsQuery(1));
  /** The position of the last token of the dotted name that starts at LA(i) (`s.t` at 2: 4). */
  const nameEnd = (i: number): number => {
    while ($.LA(i + 1).tokenType === T.Dot && tokenMatcher($.LA(i + 2), T.Identifier)) i += 2;
    return i;
  };
  /** `AS t1 WITH [NO] DATA` ahead (Teradata's copy of a table; the clause is required there). */
  const withDataAfterName = (): boolean => {
    const i = nameEnd(2);
    return $.LA(i + 1).tokenType === K.WITH && /^(DATA|NO)$/i.test($.LA(i + 2).image);
  };
  /**
   * At an `AS` of CREATE TABLE that no query follows: is it one that names no query? `STORED AS
   * ORC` (Hive), `STORE AS ..` (Oracle LOBs), PostgreSQL `AS TABLE t` / `AS EXECUTE p`, or a table
   * to copy the structure (ClickHouse `AS other [ENGINE = ..]`, `AS remote(..)`) or data
   * (Teradata `AS other WITH [NO] DATA`) of. Otherwise (`AS SELEC a FROM t`) the query is misspelt.
   */
  const asNamesNoQuery = (): boolean => {
    if (/^(STORED|STORE)$/i.test($.LA(0).image)) return true;
    if ($.LA(2).tokenType === K.TABLE || /^EXECUTE$/i.test($.LA(2).image)) return true;
    if (!tokenMatcher($.LA(2), T.Identifier)) return false;
    let i = nameEnd(2);
    let next = $.LA(i + 1);
    if (next.tokenType === T.LParen) {
      // A table function's arguments: to the matching parenthesis.
      let depth = 0;
      for (i++; ; i++) {
        const t = $.LA(i).tokenType;
        if (t === T.LParen) depth++;
        else if (t === T.RParen && --depth === 0) break;
        else if (t === T.Semicolon || t === EOF) return false;
      }
      next = $.LA(i + 1);
    }
    return next.tokenType === T.Semicolon || next.tokenType === EOF || next.tokenType === K.WITH || COPY_FOLLOWERS.test(next.image);
  };
  /**
   * A column of a CREATE TABLE: its name, its type (`ARRAY<STRUCT<sku STRING, qty INT64>>`, `MAP<K, V>`
   * whole) and what follows up to the next `,` or `)` (constraints, defaults, options).
   */
  this.columnDef = $.RULE('columnDef', (): ColumnDef => {
    const col = $.SUBRULE($.ident);
    let type: string | undefined;
    const typeAt = $.LA(1).startOffset;
    $.OPTION({ GATE: () => tokenMatcher($.LA(1), T.Identifier), DEF: () => (type = $.SUBRULE($.dataType)) });
    // `ARRAY<STRUCT<sku STRING, qty INT64>>`, `MAP<K, V>` (BigQuery, Hive, Spark): the
    // arguments belong to the type, their commas do not end the column.
    $.OPTION1({
      GATE: () => type !== undefined && $.LA(1).image === '<',
      DEF: () => {
        $.CONSUME(T.Operator);
        let depth = 1;
        $.MANY({
          GATE: () => depth > 0 && $.LA(1).tokenType !== T.Semicolon && !this.atEnd(),
          DEF: () => {
            const tok = $.CONSUME(T.AnyToken);
            if (tok.image === '<') depth++;
            else if (/^>+$/.test(tok.image)) depth -= tok.image.length;
          },
        });
        $.ACTION(() => (type = this.textBetween(typeAt, end())));
      },
    });
    const restAt = $.LA(1).startOffset;
    $.SUBRULE($.skipBalanced, { ARGS: [2] });
    return $.ACTION(() => {
      // `IDENTITY [(seed, step)]` among the column's options (outside its quoted text).
      const identity = /\bIDENTITY\b/i.test(this.textBetween(restAt, end()).replace(/'[^']*'/g, ''));
      return identity ? { name: col, type, start: col.start, end: end(), identity } : { name: col, type, start: col.start, end: end() };
    });
  });

  this.createTable = $.RULE('createTable', (start: number, temporary: boolean): Statement => {
    $.CONSUME(K.TABLE);
    $.OPTION(() => $.SUBRULE($.ifNotExists));
    const name = $.OR9([
      { GATE: () => identifierCall($.LA(1), $.LA(2), $.LA(4)), ALT: () => $.SUBRULE($.identifierName) },
      {
        // Netezza `CREATE EXTERNAL TABLE '/export/f.csv' USING (..) AS SELECT ..`: the query's rows
        // written to the file, a table named by its path (as `FROM EXTERNAL 'file'` reads one).
        GATE: () => this.caps.externalFileTables && $.LA(1).tokenType === T.StringLit,
        ALT: () => {
          const p = $.consume(80, T.StringLit);
          return $.ACTION(() => pathName(stringValue(p.image), p.startOffset, p.endOffset! + 1));
        },
      },
      { ALT: () => $.SUBRULE($.qname) },
    ]);
    // Teradata table options before the columns: `t, NO FALLBACK, CHECKSUM = DEFAULT (cols)`.
    $.many(14, () => {
      $.CONSUME(T.Comma);
      $.many(15, { GATE: () => $.LA(1).tokenType !== T.LParen && $.LA(1).tokenType !== K.AS && this.statementGoesOn(), DEF: () => $.CONSUME1(T.AnyToken) });
    });
    const columns: ColumnDef[] = [];
    const partitionColumns: ColumnDef[] = [];
    let like: QName | undefined;
    let as: Query | undefined;
    let location: string | undefined;
    $.OPTION1({
      GATE: () => $.LA(1).tokenType === T.LParen && !this.startsQuery(2),
      DEF: () => {
        $.CONSUME(T.LParen);
        $.AT_LEAST_ONE_SEP({
          SEP: T.Comma,
          DEF: () => {
            $.OR([
              {
                GATE: () => $.LA(1).tokenType === K.LIKE,
                ALT: () => {
                  $.CONSUME(K.LIKE);
                  like = $.SUBRULE1($.qname);
                  $.SUBRULE($.skipBalanced, { ARGS: [2] });
                },
              },
              {
                GATE: () => COLUMN_CONSTRAINT_START.test($.LA(1).image) && !($.LA(2).tokenType === T.Comma || $.LA(2).tokenType === T.RParen),
                ALT: () => $.SUBRULE1($.skipBalanced, { ARGS: [2] }),
              },
              {
                ALT: () => {
                  const col = $.SUBRULE($.columnDef);
                  $.ACTION(() => columns.push(col));
                },
              },
            ]);
          },
        });
        $.CONSUME(T.RParen);
      },
    });
    $.OPTION3({
      // Netezza `CREATE EXTERNAL TABLE ext SAMEAS t USING (..)`: t's columns, as LIKE.
      GATE: () => $.LA(1).tokenType === K.LIKE || (this.caps.externalFileTables && /^SAMEAS$/i.test($.LA(1).image)),
      DEF: () => {
        $.or(80, [{ ALT: () => $.CONSUME1(K.LIKE) }, { ALT: () => $.consume(81, T.Identifier) }]);
        like = $.SUBRULE2($.qname);
      },
    });
    let clone: QName | undefined;
    let notQuery: number | undefined;
    $.option(13, {
      GATE: () => $.LA(1).tokenType === K.CLONE || (/^(SHALLOW|DEEP)$/i.test($.LA(1).image) && $.LA(2).tokenType === K.CLONE),
      DEF: () => {
        // Snowflake/BigQuery `CREATE TABLE t2 CLONE t1`, Databricks `.. [SHALLOW | DEEP] CLONE t1`: a copy of t1's data.
        $.option(36, { GATE: () => $.LA(1).tokenType !== K.CLONE, DEF: () => $.consume(36, T.Identifier) });
        $.CONSUME(K.CLONE);
        clone = $.SUBRULE3($.qname);
      },
    });
    let copyOf: QName | undefined;
    $.option(33, {
      // Teradata `CREATE TABLE t2 AS t1 WITH [NO] DATA`: a copy of t1 (its rows too WITH DATA).
      GATE: () => $.LA(1).tokenType === K.AS && tokenMatcher($.LA(2), T.Identifier) && !this.startsQuery(2) && withDataAfterName(),
      DEF: () => {
        $.consume(33, K.AS);
        copyOf = $.subrule(33, $.qname);
        $.option(34, {
          GATE: () => $.LA(1).tokenType === K.WITH && /^NO$/i.test($.LA(2).image),
          DEF: () => {
            // WITH NO DATA: the columns only, as LIKE.
            $.consume(34, K.WITH);
            $.consume(35, T.Identifier);
            $.ACTION(() => ([like, copyOf] = [copyOf, undefined]));
          },
        });
      },
    });
    $.MANY({
      GATE: () => {
        const t = $.LA(1).tokenType;
        if (t === T.RParen || t === T.Semicolon || this.atEnd()) return false;
        if ((t === K.AS && this.startsQuery(2)) || ctasQueryAhead()) return false;
        if (t === K.CLONE) return false;
        if (this.caps.statementsWithoutSemicolons && this.startsStatement($.LA(1), $.LA(2))) return false;
        return true;
      },
      DEF: () => {
        $.ACTION(() => {
          // `AS OF`: the point in time of a copy (BigQuery `CLONE t FOR SYSTEM_TIME AS OF ts`, Databricks `VERSION AS OF 3`).
          if (notQuery === undefined && $.LA(1).tokenType === K.AS && !/^OF$/i.test($.LA(2).image) && !asNamesNoQuery()) notQuery = $.LA(2).startOffset;
        });
        $.OR1({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            {
              GATE: () => $.LA(1).tokenType === K.LOCATION && $.LA(2).tokenType === T.StringLit,
              ALT: () => {
                $.CONSUME(K.LOCATION);
                const p = $.CONSUME(T.StringLit);
                $.ACTION(() => (location = stringValue(p.image)));
              },
            },
            {
              // Hive `PARTITIONED BY (dt STRING, region STRING)` (Impala, Athena, Spark's Hive format): the
              // partition columns are columns of the table, after the others. Names alone (Spark
              // `PARTITIONED BY (region)`) and transforms (Iceberg `days(ts)`) name declared columns.
              GATE: () => $.LA(1).tokenType === K.PARTITIONED && $.LA(2).tokenType === K.BY && $.LA(3).tokenType === T.LParen,
              ALT: () => {
                $.CONSUME(K.PARTITIONED);
                $.CONSUME(K.BY);
                $.CONSUME2(T.LParen);
                $.AT_LEAST_ONE_SEP1({
                  SEP: T.Comma,
                  DEF: () => {
                    const col = $.SUBRULE1($.columnDef);
                    $.ACTION(() => {
                      if (col.type !== undefined) partitionColumns.push(col);
                    });
                  },
                });
                $.CONSUME2(T.RParen);
              },
            },
            {
              ALT: () => {
                $.CONSUME1(T.LParen);
                $.SUBRULE3($.skipBalanced, { ARGS: [0] });
                $.CONSUME1(T.RParen);
              },
            },
            { ALT: () => $.CONSUME(T.AnyToken) },
          ],
        });
      },
    });
    $.ACTION(() => {
      const declared = new Set(columns.map((c) => c.name.text.toLowerCase()));
      for (const c of partitionColumns) if (!declared.has(c.name.text.toLowerCase())) columns.push(c);
    });
    $.OPTION4({
      GATE: () => $.LA(1).tokenType === K.AS || ctasQueryAhead(),
      DEF: () => {
        // `AS` is optional in MySQL/Spark (`CREATE TABLE t SELECT ...`).
        $.option(12, () => $.CONSUME(K.AS));
        as = $.SUBRULE($.query);
      },
    });
    $.OPTION5({
      // `WITH [NO] DATA` (Db2, Teradata, PostgreSQL); Netezza `DISTRIBUTE ON (c) | RANDOM`, `ORGANIZE ON (c)`;
      // Greenplum `DISTRIBUTED BY (c) | RANDOMLY | REPLICATED`.
      GATE: () =>
        ($.LA(1).tokenType === K.WITH && /^(NO|DATA)$/i.test($.LA(2).image)) ||
        (/^(DISTRIBUTE|ORGANIZE)$/i.test($.LA(1).image) && $.LA(2).tokenType === K.ON) ||
        (/^DISTRIBUTED$/i.test($.LA(1).image) && /^(BY|RANDOMLY|REPLICATED)$/i.test($.LA(2).image)),
      DEF: () => {
        $.CONSUME4(T.AnyToken);
        $.SUBRULE4($.skipBalanced, { ARGS: [0] });
      },
    });
    return $.ACTION((): Statement => ({ k: 'create_table', name, temporary, columns, as, like, clone: clone ?? copyOf, location, notQuery, start, end: end() }));
  });

  this.createView = $.RULE('createView', (start: number, materialized: boolean): Statement => {
    $.CONSUME(K.VIEW);
    $.OPTION(() => $.SUBRULE($.ifNotExists));
    const name = $.OR9([
      { GATE: () => identifierCall($.LA(1), $.LA(2), $.LA(4)), ALT: () => $.SUBRULE($.identifierName) },
      { ALT: () => $.SUBRULE($.qname) },
    ]);
    let into: QName | undefined;
    let columns: Ident[] | undefined;
    let using = false;
    $.OPTION1({
      GATE: () => $.LA(1).tokenType === T.LParen,
      DEF: () => {
        columns = [];
        $.CONSUME(T.LParen);
        $.AT_LEAST_ONE_SEP({
          SEP: T.Comma,
          DEF: () => {
            // Databricks DLT `(CONSTRAINT c EXPECT (amount > 0) ON VIOLATION DROP ROW, ...)`, and a
            // view's PRIMARY / FOREIGN KEY: table constraints, not columns.
            $.option(14, { GATE: () => !VIEW_CONSTRAINT_START.test($.LA(1).image), DEF: () => columns!.push($.SUBRULE($.ident)) });
            $.SUBRULE($.skipBalanced, { ARGS: [2] });
          },
        });
        $.CONSUME(T.RParen);
        $.ACTION(() => {
          if (columns!.length === 0) columns = undefined;
        });
      },
    });
    $.MANY({
      GATE: () => !($.LA(1).tokenType === K.AS && (this.startsQuery(2) || $.LA(2).tokenType === K.WITH)) && this.statementGoesOn(),
      DEF: () => {
        $.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            {
              GATE: () => $.LA(1).tokenType === K.TO,
              ALT: () => {
                $.CONSUME(K.TO);
                into = $.SUBRULE2($.qname);
              },
            },
            {
              ALT: () => {
                $.CONSUME1(T.LParen);
                $.SUBRULE1($.skipBalanced, { ARGS: [0] });
                $.CONSUME1(T.RParen);
              },
            },
            {
              ALT: () => {
                const t = $.CONSUME(T.AnyToken);
                if (t.tokenType === K.USING) using = true;
              },
            },
          ],
        });
      },
    });
    // Spark `CREATE TEMPORARY VIEW v USING parquet OPTIONS (path '..')`: a view of files, without a query.
    const query = $.OR2([
      {
        ALT: () => {
          $.CONSUME(K.AS);
          const q = $.SUBRULE($.query);
          $.OPTION2({
            GATE: () => $.LA(1).tokenType === K.WITH,
            DEF: () => {
              $.CONSUME(K.WITH);
              $.SUBRULE2($.skipBalanced, { ARGS: [0] });
            },
          });
          return q;
        },
      },
      { GATE: () => using, ALT: () => undefined },
    ]);
    return $.ACTION((): Statement => {
      if (query === undefined) return { k: 'other', keyword: 'CREATE VIEW', start, end: end() };
      return { k: 'create_view', name, columns, query, materialized, ...(into ? { into } : {}), start, end: end() };
    });
  });

  this.dropStmt = $.RULE('dropStmt', (): Statement => {
    const kw = $.CONSUME(K.DROP);
    return $.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => DROP_OBJECTS.test($.LA(1).image),
          ALT: () => {
            const words: string[] = [];
            $.AT_LEAST_ONE({
              GATE: () => DROP_OBJECTS.test($.LA(1).image),
              DEF: () => {
                const w = $.CONSUME(T.AnyToken);
                words.push(w?.image);
              },
            });
            $.OPTION(() => {
              $.CONSUME(K.IF);
              $.CONSUME(K.EXISTS);
            });
            const names: QName[] = [];
            $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => names.push($.SUBRULE($.qname)) });
            $.MANY({ GATE: () => /^(CASCADE|RESTRICT|PURGE)$/i.test($.LA(1).image), DEF: () => $.CONSUME1(T.AnyToken) });
            return $.ACTION((): Statement => ({ k: 'drop', objectType: words.join(' ').toUpperCase(), names, start: kw.startOffset, end: end() }));
          },
        },
        {
          ALT: () => {
            $.SUBRULE($.skipBalanced, { ARGS: [this.caps.statementsWithoutSemicolons ? 1 : 0] });
            return $.ACTION((): Statement => ({ k: 'other', keyword: 'DROP', start: kw.startOffset, end: end() }));
          },
        },
      ],
    });
  });

  this.alterStmt = $.RULE('alterStmt', (): Statement => {
    const kw = $.CONSUME(K.ALTER);
    return $.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        // T-SQL ALTER PROCEDURE/FUNCTION/TRIGGER and ALTER VIEW restate the whole definition.
        { GATE: () => this.caps.alterRedefines && this.startsRoutine(), ALT: () => $.SUBRULE($.createRoutine, { ARGS: [kw.startOffset] }) },
        { GATE: () => this.caps.alterRedefines && $.LA(1).tokenType === K.VIEW, ALT: () => $.SUBRULE($.createView, { ARGS: [kw.startOffset, false] }) },
        {
          GATE: () => $.LA(1).tokenType === K.TABLE || $.LA(1).tokenType === K.VIEW,
          ALT: () => {
            $.OR1([{ ALT: () => $.CONSUME(K.TABLE) }, { ALT: () => $.CONSUME(K.VIEW) }]);
            $.OPTION(() => {
              $.CONSUME(K.IF);
              $.CONSUME(K.EXISTS);
            });
            $.OPTION1(() => $.CONSUME(K.ONLY));
            const from = $.SUBRULE($.qname);
            return $.OR2({
              IGNORE_AMBIGUITIES: true,
              DEF: [
                {
                  GATE: () => $.LA(1).tokenType === K.RENAME && $.LA(2).tokenType === K.TO,
                  ALT: () => {
                    $.CONSUME(K.RENAME);
                    $.CONSUME(K.TO);
                    const to = $.SUBRULE1($.qname);
                    return $.ACTION((): Statement => ({ k: 'rename', from, to, start: kw.startOffset, end: end() }));
                  },
                },
                {
                  // Hive `EXCHANGE PARTITION (spec) WITH TABLE t2`: the partition's rows move from t2 into this table.
                  GATE: () => /^EXCHANGE$/i.test($.LA(1).image) && $.LA(2).tokenType === K.PARTITION,
                  ALT: () => {
                    $.CONSUME1(T.Identifier);
                    $.CONSUME(K.PARTITION);
                    $.CONSUME(T.LParen);
                    $.SUBRULE2($.skipBalanced, { ARGS: [0] });
                    $.CONSUME(T.RParen);
                    $.CONSUME1(K.WITH);
                    $.CONSUME1(K.TABLE);
                    const other = $.SUBRULE3($.qname);
                    return $.ACTION((): Statement => ({ k: 'other', keyword: 'ALTER TABLE', start: kw.startOffset, end: end(), reads: [other], writes: [from] }));
                  },
                },
                {
                  // Redshift `APPEND FROM t2 [IGNOREEXTRA | FILLTARGET]`: t2's rows move into this table.
                  GATE: () => /^APPEND$/i.test($.LA(1).image) && $.LA(2).tokenType === K.FROM,
                  ALT: () => {
                    $.CONSUME2(T.Identifier);
                    $.CONSUME(K.FROM);
                    const other = $.SUBRULE4($.qname);
                    $.SUBRULE3($.skipBalanced, { ARGS: [this.caps.statementsWithoutSemicolons ? 1 : 0] });
                    return $.ACTION((): Statement => ({ k: 'other', keyword: 'ALTER TABLE', start: kw.startOffset, end: end(), reads: [other], writes: [from] }));
                  },
                },
                {
                  // ClickHouse mutations `[ON CLUSTER c] UPDATE a = x, .. | DELETE [IN PARTITION p] WHERE cond`: an UPDATE or DELETE of the table.
                  GATE: () => this.mutationAhead(),
                  ALT: () => {
                    $.option(60, () => {
                      $.consume(60, K.ON);
                      $.consume(60, T.Identifier);
                      $.consume(61, T.AnyToken);
                    });
                    let sets: Assignment[] | undefined;
                    $.OR3([
                      {
                        ALT: () => {
                          $.consume(62, K.UPDATE);
                          sets = $.SUBRULE($.assignments);
                        },
                      },
                      { ALT: () => $.consume(62, K.DELETE) },
                    ]);
                    $.option(61, () => {
                      $.consume(63, K.IN);
                      $.consume(63, K.PARTITION);
                      // `IN PARTITION ID '2024-01'`: the partition by its id.
                      $.option(62, { GATE: () => /^ID$/i.test($.LA(1).image) && tokenMatcher($.LA(2), T.StringLit), DEF: () => $.consume(65, T.Identifier) });
                      $.SUBRULE($.expr);
                    });
                    $.consume(64, K.WHERE);
                    const where = $.SUBRULE1($.expr);
                    return $.ACTION((): Statement => {
                      const target: TableRef = { k: 'table', name: from, start: from.start, end: from.end };
                      const at = { start: kw.startOffset, end: end() };
                      return sets ? { k: 'update', target, sets, from: [], where, ...at } : { k: 'delete', target, using: [], where, ...at };
                    });
                  },
                },
                {
                  GATE: () => /^SWAP$/i.test($.LA(1).image) && $.LA(2).tokenType === K.WITH,
                  ALT: () => {
                    $.CONSUME(T.Identifier);
                    $.CONSUME(K.WITH);
                    const to = $.SUBRULE2($.qname);
                    return $.ACTION((): Statement => ({ k: 'rename', from, to, swap: true, start: kw.startOffset, end: end() }));
                  },
                },
                {
                  ALT: () => {
                    // The action word (ALTER, DROP, ADD, ...) never starts the next statement.
                    $.OPTION2({ GATE: () => this.statementGoesOn() && $.LA(1).tokenType !== T.LParen && $.LA(1).tokenType !== T.RParen, DEF: () => $.CONSUME2(T.AnyToken) });
                    $.SUBRULE($.skipBalanced, { ARGS: [this.caps.statementsWithoutSemicolons ? 1 : 0] });
                    // Column actions (DROP/RENAME/ALTER COLUMN ...) are read from the tokens by src/resolve/changes.ts.
                    return $.ACTION(() => this.skipped('ALTER TABLE', kw.startOffset, { alterTable: from }));
                  },
                },
              ],
            });
          },
        },
        {
          ALT: () => {
            $.SUBRULE1($.skipBalanced, { ARGS: [this.caps.statementsWithoutSemicolons ? 1 : 0] });
            return $.ACTION(() => this.skipped('ALTER', kw.startOffset));
          },
        },
      ],
    });
  });

  this.truncateStmt = $.RULE('truncateStmt', (): Statement => {
    const kw = $.CONSUME(K.TRUNCATE);
    $.OPTION(() => $.CONSUME(K.TABLE));
    $.OPTION1(() => {
      $.CONSUME(K.IF);
      $.CONSUME(K.EXISTS);
    });
    const name = $.SUBRULE($.qname);
    $.SUBRULE($.skipBalanced, { ARGS: [this.caps.statementsWithoutSemicolons ? 1 : 0] });
    return $.ACTION((): Statement => ({ k: 'truncate', name, start: kw.startOffset, end: end() }));
  });

  this.useStmt = $.RULE('useStmt', (): Statement => {
    return $.OR([
      {
        // PostgreSQL `SET search_path TO s, ..`, `SET SCHEMA 's'`, Oracle `ALTER SESSION SET CURRENT_SCHEMA = s`,
        // Db2 `SET [CURRENT] SCHEMA s`: the schema of names written without one, as USE sets it.
        GATE: () => this.schemaSetting() > 0,
        ALT: () => {
          const value = this.LA(this.schemaSetting());
          const kw = $.CONSUME(T.AnyToken);
          $.MANY({ GATE: () => $.LA(1) !== value && this.statementGoesOn(), DEF: () => $.CONSUME1(T.AnyToken) });
          const name = $.OR1([
            {
              ALT: () => {
                const lit = $.CONSUME(T.StringLit);
                return $.ACTION(() => stringName(lit.image, lit.startOffset, lit.endOffset! + 1));
              },
            },
            { ALT: () => $.SUBRULE($.qname) },
          ]);
          // The rest of a search path: schemas looked in after the first.
          const path: string[] = [];
          $.MANY1(() => {
            $.CONSUME(T.Comma);
            const t = $.CONSUME2(T.AnyToken);
            $.ACTION(() => {
              const n = t.tokenType === T.StringLit ? stringName(t.image, t.startOffset, t.endOffset! + 1) : tokenMatcher(t, T.Identifier) ? { parts: [ident(t)] } : undefined;
              if (n?.parts.length === 1) path.push(n.parts[0]!.text);
            });
          });
          $.SUBRULE($.skipBalanced, { ARGS: [0] });
          return $.ACTION((): Statement => {
            if (name === undefined) return { k: 'other', keyword: 'SET', start: kw.startOffset, end: end() };
            const use: Statement = { k: 'use', name, schema: true, start: kw.startOffset, end: end() };
            if (path.length > 0) use.searchPath = path;
            return use;
          });
        },
      },
      {
        ALT: () => {
          // Teradata `DATABASE d;` sets the default database as USE does.
          const kw = $.OR2([{ ALT: () => $.CONSUME(K.USE) }, { ALT: () => $.CONSUME(K.DATABASE) }]);
          $.OPTION({ GATE: () => /^(DATABASE|SCHEMA|WAREHOUSE|ROLE|CATALOG)$/i.test($.LA(1).image) && tokenMatcher($.LA(2), T.Identifier), DEF: () => $.CONSUME(T.Identifier) });
          const name = $.SUBRULE1($.qname);
          return $.ACTION((): Statement => ({ k: 'use', name, start: kw.startOffset, end: end() }));
        },
      },
    ]);
  });

  this.renameStmt = $.RULE('renameStmt', (): Statement => {
    const kw = $.CONSUME(K.RENAME);
    $.OR([
      { ALT: () => $.CONSUME(K.TABLE) },
      {
        // Azure Synapse / PDW `RENAME OBJECT [OBJECT::]t TO t2` (t2 in t's schema).
        ALT: () => {
          $.CONSUME(T.Identifier);
          $.OPTION({
            GATE: () => /^OBJECT$/i.test($.LA(1).image) && $.LA(2).image === '::',
            DEF: () => {
              $.CONSUME1(T.Identifier);
              $.CONSUME(T.AnyToken);
            },
          });
        },
      },
    ]);
    const from = $.SUBRULE($.qname);
    $.CONSUME(K.TO);
    const to = $.SUBRULE1($.qname);
    return $.ACTION((): Statement => ({ k: 'rename', from, to, start: kw.startOffset, end: end() }));
  });

  /**
   * `IDENTIFIER('db.s.t')`: the table the string names; `IDENTIFIER(:v)`, `IDENTIFIER($t || '_x')`:
   * a name given at run time (`runtime`, the call as written).
   */
  this.identifierName = $.RULE('identifierName', (): QName => {
    const kw = $.CONSUME(T.Identifier);
    const open = $.CONSUME(T.LParen);
    let lit: IToken | undefined;
    $.OR([
      { GATE: () => $.LA(1).tokenType === T.StringLit && $.LA(2).tokenType === T.RParen, ALT: () => (lit = $.CONSUME(T.StringLit)) },
      { ALT: () => $.SUBRULE($.skipBalanced, { ARGS: [0] }) },
    ]);
    const close = $.CONSUME(T.RParen);
    return $.ACTION((): QName => {
      const named = lit ? stringName(lit.image, lit.startOffset, lit.endOffset! + 1) : undefined;
      if (named) return named;
      const at = { start: kw.startOffset, end: end() };
      const variable = ONE_VARIABLE.exec(this.text.slice(open.endOffset! + 1, close.startOffset).trim())?.[1];
      return { parts: [{ text: this.text.slice(at.start, at.end), quoted: true, ...at }], ...at, runtime: true, variable };
    });
  });

  /**
   * Databricks Delta Live Tables `APPLY CHANGES INTO t FROM [STREAM(s) | s] KEYS (k, ..) [IGNORE NULL
   * UPDATES] [APPLY AS DELETE WHEN c] [APPLY AS TRUNCATE WHEN c] SEQUENCE BY e [COLUMNS a, b | COLUMNS *
   * EXCEPT (a, b)] [STORED AS SCD TYPE 1 | 2] [TRACK HISTORY ON ..]`: s's columns go into t's of the
   * same name (INSERT BY NAME); the keys, the sequence and the conditions choose the rows; SCD type 2
   * adds `__START_AT` / `__END_AT`, taken from the sequence.
   */
  this.applyChanges = $.RULE('applyChanges', (): Statement => {
    const kw = $.CONSUME(T.Identifier);
    $.CONSUME1(T.Identifier);
    $.CONSUME(K.INTO);
    const target = $.SUBRULE($.qname);
    $.CONSUME(K.FROM);
    const streamed = $.OPTION({
      GATE: () => /^STREAM$/i.test($.LA(1).image) && $.LA(2).tokenType === T.LParen,
      DEF: () => {
        $.CONSUME2(T.Identifier); // STREAM
        $.CONSUME(T.LParen);
        const name = $.SUBRULE1($.qname);
        $.CONSUME(T.RParen);
        return name;
      },
    });
    const source = streamed ?? $.SUBRULE2($.qname);
    const rows: Expr[] = [];
    let items: SelectItem[] | undefined;
    let except: Ident[] | undefined;
    let sequence: Expr | undefined;
    let scd2 = false;
    $.MANY({
      GATE: () => this.statementGoesOn(),
      DEF: () => $.OR([
        {
          GATE: () => /^KEYS$/i.test($.LA(1).image),
          ALT: () => {
            $.CONSUME3(T.Identifier);
            const keys = $.SUBRULE($.identList);
            $.ACTION(() => {
              for (const k of keys) rows.push(columnNamed(k));
            });
          },
        },
        {
          GATE: () => /^APPLY$/i.test($.LA(1).image) && $.LA(2).tokenType === K.AS,
          ALT: () => {
            $.CONSUME4(T.Identifier);
            $.CONSUME(K.AS);
            $.CONSUME(T.AnyToken); // DELETE | TRUNCATE
            $.CONSUME(K.WHEN);
            rows.push($.SUBRULE($.expr));
          },
        },
        {
          GATE: () => /^SEQUENCE$/i.test($.LA(1).image) && $.LA(2).tokenType === K.BY,
          ALT: () => {
            $.CONSUME5(T.Identifier);
            $.CONSUME(K.BY);
            sequence = $.SUBRULE1($.expr);
            rows.push(sequence);
          },
        },
        {
          GATE: () => /^COLUMNS$/i.test($.LA(1).image),
          ALT: () => {
            $.CONSUME6(T.Identifier);
            $.OR1([
              {
                ALT: () => {
                  $.CONSUME(T.Star);
                  $.CONSUME(K.EXCEPT);
                  except = $.SUBRULE1($.identList);
                },
              },
              {
                ALT: () => {
                  items = [];
                  $.AT_LEAST_ONE_SEP({
                    SEP: T.Comma,
                    DEF: () => {
                      const c = $.SUBRULE($.ident);
                      items!.push({ expr: columnNamed(c), start: c.start, end: c.end });
                    },
                  });
                },
              },
            ]);
          },
        },
        {
          GATE: () => /^STORED$/i.test($.LA(1).image),
          ALT: () => {
            $.CONSUME7(T.Identifier);
            $.CONSUME1(K.AS);
            $.CONSUME8(T.Identifier); // SCD
            $.CONSUME9(T.Identifier); // TYPE
            const n = $.CONSUME(T.NumberLit);
            $.ACTION(() => (scd2 = n.image === '2'));
          },
        },
        { ALT: () => $.CONSUME1(T.AnyToken) },
      ]),
    });
    return $.ACTION((): Statement => {
      const at = { start: kw.startOffset, end: end() };
      const all: SelectItem[] = items ?? [{ expr: { k: 'star', except, ...at }, ...at }];
      if (scd2 && sequence) for (const name of ['__START_AT', '__END_AT']) all.push({ expr: sequence, alias: { text: name, quoted: false, ...at }, ...at });
      const where = rows.reduce<Expr | undefined>((acc, e) => (acc ? and(acc, e) : e), undefined);
      const query: Query = { k: 'select', items: all, from: [tableOfName(source)], where, groupBy: [], ...at };
      return { k: 'insert', target, source: query, byName: true, overwrite: false, replace: false, ...at };
    });
  });

  /** Valid SQL without lineage: recorded by its first words, the rest skipped. */
  this.otherStmt = $.RULE('otherStmt', (): Statement => {
    const first = $.CONSUME(T.AnyToken);
    const sessionSet = $.ACTION(() => (first.tokenType === K.SET ? this.sessionSet() : undefined));
    $.SUBRULE($.skipBalanced, { ARGS: [this.caps.statementsWithoutSemicolons ? 1 : 0] });
    return $.ACTION(() => this.skipped(first?.image?.toUpperCase(), first.startOffset, sessionSet && { sessionSet }));
  });

  /** Hive `INSERT OVERWRITE DIRECTORY '...' ROW FORMAT ... STORED AS ...` options before the query. */
  this.skipUntilQuery = $.RULE('skipUntilQuery', () => {
    $.MANY({
      GATE: () => !this.startsQuery(1) && $.LA(1).tokenType !== K.WITH && !this.atEnd(),
      DEF: () => $.CONSUME(T.AnyToken),
    });
  });
}

/** After UPDATE: T-SQL `STATISTICS t [ix] ..`, not a table named statistics (`UPDATE statistics [s] SET ..`). */
function updateStatistics(t2: IToken, t3: IToken, t4: IToken): boolean {
  return /^STATISTICS$/i.test(t2.image) && t3.tokenType !== K.SET && t4.tokenType !== K.SET;
}

/**
 * The rows of a N1QL INSERT / UPSERT: what its VALUE names becomes the document. An object
 * (`{"a": x, "b": y}`, also a select item holding one) gives the columns a, b; the keyspace alias of
 * a FROM item (`SELECT o FROM ks o`) is its whole document (`o.*`); another value is one column
 * named as the select item. `VALUES (k, v), ..` rows keep their values only.
 */
function documentRows(src: Query, value: Expr | undefined): { src: Query; cols?: Ident[] } {
  const objectColumns = (e: Expr): { cols: Ident[]; values: Expr[] } | undefined => {
    if (e.k !== 'func' || e.name.parts[0]!.text !== 'OBJECT_CONSTRUCT' || e.args.length % 2 !== 0) return undefined;
    const cols: Ident[] = [];
    const values: Expr[] = [];
    for (let i = 0; i < e.args.length; i += 2) {
      const key = e.args[i]!;
      if (key.k !== 'lit') return undefined;
      cols.push({ text: stringValue(key.text), quoted: true, start: key.start, end: key.end });
      values.push(e.args[i + 1]!);
    }
    return { cols, values };
  };
  if (src.k === 'values_q') {
    const rows = src.rows.map((r) => r[r.length - 1]!);
    const obj = rows.length > 0 ? objectColumns(rows[0]!) : undefined;
    if (obj && rows.every((r) => objectColumns(r)?.cols.length === obj.cols.length)) return { src: { ...src, rows: rows.map((r) => objectColumns(r)!.values) }, cols: obj.cols };
    return { src: { ...src, rows: [] } };
  }
  if (src.k !== 'select' || value === undefined) return { src };
  const named = value.k === 'col' && value.name.parts.length === 1 ? value.name.parts[0]!.text : undefined;
  const item = named === undefined ? undefined : src.items.find((it) => (it.alias?.text ?? (it.expr.k === 'col' ? it.expr.name.parts[it.expr.name.parts.length - 1]!.text : undefined)) === named);
  const expr = item?.expr ?? value;
  const obj = objectColumns(expr);
  if (obj) return { src: { ...src, items: obj.values.map((v, i) => ({ expr: v, alias: obj.cols[i], start: v.start, end: v.end })) }, cols: obj.cols };
  // `SELECT o FROM ks o` / `VALUE o`: the whole document of the FROM item named o.
  const docPart = expr.k === 'col' && expr.name.parts.length === 1 ? expr.name.parts[0]! : undefined;
  if (docPart !== undefined && src.from.some((f) => f.k === 'table' && (f.alias?.text ?? f.name.parts[f.name.parts.length - 1]!.text) === docPart.text)) {
    const star: Expr = { k: 'star', qualifier: { parts: [docPart], start: expr.start, end: expr.end }, start: expr.start, end: expr.end };
    return { src: { ...src, items: [{ expr: star, start: expr.start, end: expr.end }] } };
  }
  return { src: { ...src, items: [item ?? { expr, start: expr.start, end: expr.end }] } };
}
