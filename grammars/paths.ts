/** Grammar chapter: statements that move data between tables and files (COPY, UNLOAD). */
import type { IToken } from './chevrotain.js';
import type { Ident, QName, Query, Statement } from '../src/ast/nodes.js';
import { stringValue } from './literals.js';
import { pathName } from './build.js';
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

  /** Redshift `UNLOAD ('query') TO 's3://...' [options]`: the query, written as a string, flows into the path. */
  this.unloadStmt = $.RULE('unloadStmt', (): Statement => {
    const kw = $.CONSUME(T.AnyToken);
    $.CONSUME(T.LParen);
    const lits: IToken[] = [];
    $.AT_LEAST_ONE(() => lits.push($.CONSUME(T.StringLit)));
    $.CONSUME(T.RParen);
    $.CONSUME(K.TO);
    const path = $.CONSUME1(T.StringLit);
    $.SUBRULE($.skipBalanced, { ARGS: [this.caps.statementsWithoutSemicolons ? 1 : 0] });
    return $.ACTION((): Statement => {
      const inner = this.proc?.literalStatements(lits) ?? [];
      const q = inner.find((s) => s.k === 'query');
      if (q?.k === 'query') return toFile(q.query, stringValue(path.image), kw.startOffset, end());
      return { k: 'other', keyword: 'UNLOAD', start: kw.startOffset, end: end(), pathWrites: [stringValue(path.image)] };
    });
  });
}

/** A query written to a file or object-store path: an insert whose target is the path. */
function toFile(query: Query, path: string, start: number, end: number): Statement {
  return { k: 'insert', target: pathName(path, start, end), pathTarget: path, source: query, start, end };
}
