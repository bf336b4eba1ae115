/** Grammar chapter: statements that move data between tables and files (COPY). */
import type { QName, Statement } from '../src/ast/nodes.js';
import { stringValue } from '../src/lexer/scanner.js';
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
    $.OR([
      {
        ALT: () => {
          table = $.SUBRULE($.qname);
          $.OPTION1({ GATE: () => $.LA(1).tokenType === T.LParen, DEF: () => $.SUBRULE($.columnNameList) });
        },
      },
      {
        ALT: () => {
          const p = $.CONSUME(T.StringLit);
          firstPath = p.image;
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.LParen);
          $.SUBRULE($.query);
          $.CONSUME(T.RParen);
        },
      },
    ]);
    let toPath = false;
    let other: string | undefined;
    let otherTable: QName | undefined;
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
      { ALT: () => (other = $.CONSUME1(T.StringLit).image) },
      { ALT: () => (otherTable = $.SUBRULE1($.qname)) },
      {
        ALT: () => {
          $.CONSUME1(T.LParen);
          $.SUBRULE1($.query);
          $.CONSUME1(T.RParen);
        },
      },
      { ALT: () => $.CONSUME(T.Variable) },
    ]);
    $.SUBRULE($.skipBalanced, { ARGS: [this.caps.statementsWithoutSemicolons ? 1 : 0] });
    return $.ACTION((): Statement => {
      const stmt: Statement = { k: 'other', keyword: 'COPY', start: kw.startOffset, end: end(), reads: [], writes: [], pathReads: [], pathWrites: [] };
      const path = other !== undefined ? stringValue(other) : undefined;
      if (table) {
        if (toPath) stmt.reads!.push(table);
        else stmt.writes!.push(table);
        if (path !== undefined) (toPath ? stmt.pathWrites! : stmt.pathReads!).push(path);
      } else if (firstPath !== undefined) {
        stmt.pathWrites!.push(stringValue(firstPath));
        if (otherTable) stmt.reads!.push(otherTable);
      }
      return stmt;
    });
  });
}
