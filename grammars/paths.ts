/** Grammar chapter: statements that move data between tables and files (COPY, UNLOAD, LOAD DATA, EXPORT DATA). */
import type { IToken } from './chevrotain.js';
import type { Assignment, Expr, Ident, QName, Query, Select, SelectItem, Statement } from '../src/ast/nodes.js';
import { stringValue } from './literals.js';
import { columnNamed, pathName, selectColumns, tableOfName } from './build.js';
import type { SqlParser } from './parser.js';
import * as T from './tokens.js';

const K = T.K;

export function definePathRules(this: SqlParser): void {
  const $ = this.dsl;
  const end = () => $.LA(0).endOffset! + 1;

  /**
   * PostgreSQL/Redshift `COPY t [(cols)] FROM|TO 'path'`, `COPY (query) TO 'path'`;
   * Snowflake/Synapse `COPY INTO t FROM 'path'`, `COPY INTO 'path' FROM t`.
   */
  this.copyStmt = $.RULE('copyStmt', (): Statement => {
    const kw = $.CONSUME(K.COPY);
    $.OPTION(() => $.CONSUME(K.INTO));
    let table: QName | undefined;
    let firstPath: string | undefined;
    let query: Query | undefined;
    let columns: Ident[] | undefined;
    $.OR([
      {
        ALT: () => {
          table = $.SUBRULE($.qname);
          $.OPTION1({ GATE: () => $.LA(1).tokenType === T.LParen, DEF: () => (columns = $.SUBRULE($.columnNameList)) });
        },
      },
      {
        ALT: () => {
          const p = $.CONSUME(T.StringLit);
          firstPath = stringValue(p.image);
        },
      },
      // Snowflake `COPY INTO @stage/path/ FROM ..`.
      { ALT: () => (firstPath = $.CONSUME(T.Variable).image) },
      {
        ALT: () => {
          $.CONSUME(T.LParen);
          query = $.SUBRULE($.query);
          $.CONSUME(T.RParen);
        },
      },
    ]);
    let toPath = false;
    /** The file side, as written (a quoted path's text, or a Snowflake stage `@s/path/`). */
    let other: string | undefined;
    let otherTable: QName | undefined;
    let otherQuery: Query | undefined;
    $.OR1([
      { ALT: () => $.CONSUME(K.FROM) },
      {
        ALT: () => {
          $.CONSUME(K.TO);
          toPath = true;
        },
      },
    ]);
    $.OR2([
      { ALT: () => (other = stringValue($.CONSUME1(T.StringLit).image)) },
      { ALT: () => (otherTable = $.SUBRULE1($.qname)) },
      {
        ALT: () => {
          $.CONSUME1(T.LParen);
          otherQuery = $.SUBRULE1($.query);
          $.CONSUME1(T.RParen);
        },
      },
      {
        ALT: () => {
          // A Snowflake stage and its path.
          other = $.CONSUME1(T.Variable).image;
        },
      },
    ]);
    $.SUBRULE($.skipBalanced, { ARGS: [this.caps.statementsWithoutSemicolons ? 1 : 0] });
    return $.ACTION((): Statement => {
      const path = other;
      // `COPY (query) TO 'path'`: the query's columns flow into the file.
      if (query && toPath && path !== undefined) return toFile(query, path, kw.startOffset, end());
      // `COPY t (a, b) TO 'path'`: those columns of t, as `COPY (SELECT a, b FROM t) TO 'path'`.
      if (table && columns && toPath && path !== undefined) return toFile(columnsOf(table, columns), path, kw.startOffset, end());
      // `COPY t (a, b) FROM 'path'`: the file's fields load those columns, as `INSERT INTO t (a, b) SELECT a, b FROM 'path'`.
      if (table && columns && !toPath && path !== undefined) return fromFile(table, columns, path, kw.startOffset, end());
      // Snowflake `COPY INTO 'path' | @stage FROM (query)`: likewise.
      if (firstPath !== undefined && otherQuery) return toFile(otherQuery, firstPath, kw.startOffset, end());
      // Snowflake `COPY INTO t [(cols)] FROM (SELECT $1:a, $2 FROM @stage)`: loads the query's columns, as INSERT does.
      if (table && otherQuery && !toPath) return { k: 'insert', target: table, ...(columns ? { columns } : {}), source: otherQuery, start: kw.startOffset, end: end() };
      const stmt: Statement = { k: 'other', keyword: 'COPY', start: kw.startOffset, end: end(), reads: [], writes: [], pathReads: [], pathWrites: [] };
      if (table) {
        if (toPath) stmt.reads!.push(table);
        else stmt.writes!.push(table);
        if (path !== undefined) (toPath ? stmt.pathWrites! : stmt.pathReads!).push(path);
      } else if (firstPath !== undefined) {
        stmt.pathWrites!.push(firstPath);
        if (otherTable) stmt.reads!.push(otherTable);
      }
      return stmt;
    });
  });

  /**
   * The query's columns flow into the path: Redshift `UNLOAD ('query') TO 's3://...' [options]`
   * (the query written as a string), Athena `UNLOAD (query) TO 's3://...' WITH (..)`, Informix
   * `UNLOAD TO 'file' [DELIMITER 'c'] query`.
   */
  this.unloadStmt = $.RULE('unloadStmt', (): Statement => {
    const kw = $.CONSUME(T.AnyToken);
    const lits: IToken[] = [];
    let query: Query | undefined;
    let path: IToken | undefined;
    $.OR([
      {
        ALT: () => {
          $.CONSUME(T.LParen);
          $.OR1([
            { ALT: () => $.AT_LEAST_ONE(() => lits.push($.CONSUME(T.StringLit))) },
            { ALT: () => (query = $.SUBRULE($.query)) },
          ]);
          $.CONSUME(T.RParen);
          $.CONSUME(K.TO);
          path = $.CONSUME1(T.StringLit);
          $.SUBRULE($.skipBalanced, { ARGS: [this.caps.statementsWithoutSemicolons ? 1 : 0] });
        },
      },
      {
        ALT: () => {
          $.CONSUME1(K.TO);
          path = $.CONSUME2(T.StringLit);
          $.OPTION({
            GATE: () => /^DELIMITER$/i.test($.LA(1).image),
            DEF: () => {
              $.CONSUME(T.Identifier);
              $.CONSUME3(T.StringLit);
            },
          });
          query = $.SUBRULE1($.query);
        },
      },
    ]);
    return $.ACTION((): Statement => {
      if (query) return toFile(query, stringValue(path!.image), kw.startOffset, end());
      const inner = this.proc?.literalStatements(lits) ?? [];
      const q = inner.find((s) => s.k === 'query');
      if (q?.k === 'query') return toFile(q.query, stringValue(path!.image), kw.startOffset, end());
      return { k: 'other', keyword: 'UNLOAD', start: kw.startOffset, end: end(), pathWrites: [stringValue(path!.image)] };
    });
  });

  /**
   * Files loaded into a table, as `COPY t FROM 'path'` (the files' rows into t):
   * Hive / Spark `LOAD DATA [LOCAL] INPATH 'p' [OVERWRITE] INTO TABLE t [PARTITION (..)]`,
   * MySQL `LOAD DATA [LOCAL] INFILE 'f' [REPLACE | IGNORE] INTO TABLE t [FIELDS ..] [(cols)]`,
   * BigQuery `LOAD DATA {INTO | OVERWRITE} [TEMP TABLE] t [(schema)] .. FROM FILES (uris = ['gs://..', ..], ..)`.
   */
  this.loadStmt = $.RULE('loadStmt', (): Statement => {
    const kw = $.CONSUME(T.AnyToken); // LOAD
    $.CONSUME1(T.AnyToken); // DATA
    const paths: string[] = [];
    let table: QName | undefined;
    /** MySQL's `(col | @var, ..)` and `SET c = expr, ..`: what each field of the file loads. */
    let listed: Ident[] | undefined;
    let sets: Assignment[] | undefined;
    $.OR([
      {
        GATE: () => $.LA(1).tokenType === K.INTO || $.LA(1).tokenType === K.OVERWRITE,
        ALT: () => {
          $.CONSUME2(T.AnyToken);
          $.OPTION({ GATE: () => /^(TEMP|TEMPORARY)$/i.test($.LA(1).image) && $.LA(2).tokenType === K.TABLE, DEF: () => $.CONSUME3(T.AnyToken) });
          $.OPTION1(() => $.CONSUME(K.TABLE));
          table = $.SUBRULE($.qname);
          // FROM FILES (uris = ['..', ..], format = ..): the strings of `uris` are the files.
          let uris = false;
          $.MANY({
            GATE: () => this.statementGoesOn(),
            DEF: () => {
              const t = $.CONSUME4(T.AnyToken);
              $.ACTION(() => {
                if (/^(uris|source_uris)$/i.test(t.image)) uris = true;
                else if (uris && t.tokenType === T.StringLit) paths.push(stringValue(t.image));
                else if (uris && t.image !== '=' && t.image !== '[' && t.tokenType !== T.Comma) uris = false;
              });
            },
          });
        },
      },
      {
        ALT: () => {
          $.MANY1({ GATE: () => !/^(INPATH|INFILE)$/i.test($.LA(1).image) && this.statementGoesOn(), DEF: () => $.CONSUME5(T.AnyToken) });
          $.CONSUME6(T.AnyToken); // INPATH | INFILE
          paths.push(stringValue($.CONSUME(T.StringLit).image));
          $.MANY2({ GATE: () => $.LA(1).tokenType !== K.INTO && this.statementGoesOn(), DEF: () => $.CONSUME7(T.AnyToken) });
          $.CONSUME1(K.INTO);
          $.CONSUME1(K.TABLE);
          table = $.SUBRULE1($.qname);
          // PARTITION (..), CHARACTER SET, FIELDS / LINES .., IGNORE n LINES, then MySQL's `(col | @var, ..)` and `SET c = expr, ..`.
          $.MANY3({
            GATE: () => $.LA(1).tokenType !== T.LParen && ($.LA(1).tokenType !== K.SET || /^CHARACTER$/i.test($.LA(0).image)) && this.statementGoesOn(),
            DEF: () => {
              $.CONSUME8(T.AnyToken);
              $.OPTION2({
                GATE: () => $.LA(1).tokenType === T.LParen && /^PARTITION$/i.test($.LA(0).image),
                DEF: () => {
                  $.CONSUME(T.LParen);
                  $.SUBRULE2($.skipBalanced, { ARGS: [0] });
                  $.CONSUME(T.RParen);
                },
              });
            },
          });
          $.OPTION3({
            GATE: () => $.LA(1).tokenType === T.LParen,
            DEF: () => {
              $.CONSUME1(T.LParen);
              listed = [];
              $.AT_LEAST_ONE_SEP({
                SEP: T.Comma,
                DEF: () => {
                  $.OR1([
                    {
                      ALT: () => {
                        const v = $.CONSUME(T.Variable);
                        $.ACTION(() => listed!.push({ text: v.image, quoted: false, start: v.startOffset, end: v.endOffset! + 1 }));
                      },
                    },
                    {
                      ALT: () => {
                        const q = $.SUBRULE2($.qname);
                        $.ACTION(() => listed!.push(q.parts[q.parts.length - 1]!));
                      },
                    },
                  ]);
                },
              });
              $.CONSUME1(T.RParen);
            },
          });
          $.OPTION4({
            GATE: () => $.LA(1).tokenType === K.SET,
            DEF: () => {
              $.CONSUME(K.SET);
              sets = $.SUBRULE($.assignments);
            },
          });
          $.SUBRULE($.skipBalanced, { ARGS: [0] });
        },
      },
    ]);
    return $.ACTION((): Statement => {
      if (table && paths.length === 1 && (listed || sets)) return fromFile(table, listed ?? [], paths[0]!, kw.startOffset, end(), sets);
      return { k: 'other', keyword: 'LOAD', start: kw.startOffset, end: end(), reads: [], writes: table ? [table] : [], pathReads: paths, pathWrites: [] };
    });
  });

  /**
   * BigQuery `EXPORT DATA [WITH CONNECTION c] OPTIONS (uri = 'gs://..', format = ..) AS query`,
   * Vertica `EXPORT TO PARQUET | ORC | DELIMITED | JSON (directory = 's3://..', ..) [OVER (..)] AS
   * query`: the query's columns flow into the files, as `COPY (query) TO 'path'`.
   */
  this.exportStmt = $.RULE('exportStmt', (): Statement => {
    const kw = $.CONSUME(T.AnyToken); // EXPORT
    $.CONSUME1(T.AnyToken); // DATA | TO
    let uri: string | undefined;
    let last: IToken | undefined;
    $.MANY({
      GATE: () => !($.LA(1).tokenType === K.AS && this.startsQuery(2)) && this.statementGoesOn(),
      DEF: () => {
        const t = $.CONSUME2(T.AnyToken);
        $.ACTION(() => {
          if (t.tokenType === T.StringLit && uri === undefined && last !== undefined && /^(uri|directory)$/i.test(last.image)) uri = stringValue(t.image);
          if (t.image !== '=') last = t;
        });
      },
    });
    $.CONSUME(K.AS);
    const query = $.SUBRULE($.query);
    return $.ACTION((): Statement => {
      if (uri !== undefined) return toFile(query, uri, kw.startOffset, end());
      return { k: 'query', query, start: kw.startOffset, end: end() };
    });
  });

  /**
   * Exasol `EXPORT (query) | t [(cols)] INTO CSV | FBV | EXA | JDBC .. AT conn [USER ..] FILE 'f' | TABLE t2 ..`
   * (the query's columns flow into the file, as `COPY (query) TO`; a table's rows into the file or
   * remote table) and `IMPORT INTO t [(cols)] FROM .. AT conn FILE 'f' .. | TABLE t2` (the files' or the
   * remote table's rows into t, as LOAD DATA).
   */
  this.transferStmt = $.RULE('transferStmt', (): Statement => {
    const kw = $.CONSUME(T.AnyToken); // IMPORT | EXPORT
    let query: Query | undefined;
    let table: QName | undefined;
    $.OR([
      {
        GATE: () => $.LA(1).tokenType === T.LParen,
        ALT: () => {
          $.CONSUME(T.LParen);
          query = $.SUBRULE($.query);
          $.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          $.OPTION(() => $.CONSUME(K.INTO));
          table = $.SUBRULE($.qname);
          $.OPTION1({ GATE: () => $.LA(1).tokenType === T.LParen, DEF: () => $.SUBRULE($.columnNameList) });
        },
      },
    ]);
    const files: string[] = [];
    const tables: QName[] = [];
    $.MANY({
      GATE: () => this.statementGoesOn(),
      DEF: () => {
        $.OR1([
          {
            GATE: () => /^FILE$/i.test($.LA(1).image) && $.LA(2).tokenType === T.StringLit,
            ALT: () => {
              $.CONSUME1(T.AnyToken);
              const f = $.CONSUME(T.StringLit);
              $.ACTION(() => files.push(stringValue(f.image)));
            },
          },
          {
            GATE: () => $.LA(1).tokenType === K.TABLE,
            ALT: () => {
              $.CONSUME(K.TABLE);
              const t = $.SUBRULE1($.qname);
              $.ACTION(() => tables.push(t));
            },
          },
          { ALT: () => $.CONSUME2(T.AnyToken) },
        ]);
      },
    });
    return $.ACTION((): Statement => {
      const at = { start: kw.startOffset, end: end() };
      if (/^IMPORT$/i.test(kw.image)) return { k: 'other', keyword: 'IMPORT', ...at, reads: tables, writes: table ? [table] : [], pathReads: files, pathWrites: [] };
      if (query && files.length > 0) return toFile(query, files[0]!, at.start, at.end);
      if (query) return tables.length > 0 ? { k: 'insert', target: tables[0]!, source: query, ...at } : { k: 'query', query, ...at };
      return { k: 'other', keyword: 'EXPORT', ...at, reads: table ? [table] : [], writes: tables, pathReads: [], pathWrites: files };
    });
  });
}

/** `SELECT a, b FROM t`, at the column list. */
function columnsOf(table: QName, columns: Ident[]): Select {
  return selectColumns([tableOfName(table)], columns, columns[0]!.start, columns[columns.length - 1]!.end);
}

/**
 * A file's fields loaded into the listed columns of `table`: an insert whose source reads the
 * path's columns of the same names, or, for a column given its value by `sets` (MySQL `LOAD DATA
 * .. (a, @v) SET c = UPPER(@v)`), that value, where a user variable of the list reads the field it
 * was given (`@v`: the file's field `v`).
 */
function fromFile(table: QName, listed: Ident[], path: string, start: number, end: number, sets: Assignment[] = []): Statement {
  const file = pathName(path, start, end);
  const fields = new Set(listed.map((c) => c.text));
  const field = (e: Expr): Expr => (e.k === 'var' && fields.has(e.name) ? columnNamed({ text: e.name.slice(1), quoted: false, start: e.start, end: e.end }) : withVariables(e, field));
  const plain = listed.filter((c) => !c.text.startsWith('@'));
  const set = sets.filter((a) => a.columns.length === 1);
  const columns = [...plain, ...set.map((a) => a.columns[0]!.parts[a.columns[0]!.parts.length - 1]!)];
  if (columns.length === 0) return { k: 'other', keyword: 'LOAD', start, end, reads: [], writes: [table], pathReads: [path], pathWrites: [] };
  const source = selectColumns([tableOfName(file)], plain, start, end);
  source.items.push(...set.map((a, i): SelectItem => ({ expr: field(a.value), alias: columns[plain.length + i]!, start: a.start, end: a.end })));
  return { k: 'insert', target: table, columns, source, start, end };
}

/**
 * A copy of `e` whose expressions directly inside are `inner`'s of them. (grammars/ takes no values
 * from src/, so not src/ast/walk's mapTree: a load's SET values are small expressions.)
 */
function withVariables(e: Expr, inner: (x: Expr) => Expr): Expr {
  const copy = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(copy);
    if (x === null || typeof x !== 'object') return x;
    if (typeof (x as { k?: unknown }).k === 'string') return inner(x as Expr);
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, copy(v)]));
  };
  return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, copy(v)])) as unknown as Expr;
}

/** A query written to a file or object-store path: an insert whose target is the path. */
export function toFile(query: Query, path: string, start: number, end: number): Statement {
  return { k: 'insert', target: pathName(path, start, end), pathTarget: path, source: query, start, end };
}
