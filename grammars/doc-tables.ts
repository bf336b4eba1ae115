/**
 * Grammar chapter: table functions that declare the columns of their rows.
 *
 *   JSON_TABLE(doc, '$[*]' [ERROR ON ERROR ...] COLUMNS (id INT PATH '$.id', n FOR ORDINALITY,
 *              NESTED [PATH] '$.items[*]' COLUMNS (...)))                      MySQL, Oracle, PostgreSQL 17
 *   XMLTABLE([XMLNAMESPACES(...),] '/r' PASSING [BY VALUE] x [AS d], ... COLUMNS a INT PATH 'a', ...)
 *                                                                               Oracle, PostgreSQL, Db2
 *   f(..) [AS] r(a int, b text), f(..) AS (a int, b text)                       PostgreSQL record functions
 *   OPENJSON(x) WITH (id int '$.id', extra nvarchar(max) AS JSON)               T-SQL
 *
 * The expressions of the call (the document, the PASSING values) are its arguments; the declared
 * columns (their types, paths and options are skipped: lineage does not need them) name its rows'
 * columns, NESTED columns flattened into the list.
 */
import { EOF, tokenMatcher } from './chevrotain.js';
import type { DeclaredColumn, FuncCall, QName } from '../src/ast/nodes.js';
import type { SqlParser } from './parser.js';
import * as T from './tokens.js';

const K = T.K;
/**
 * Calls in the SQL/JSON and SQL/XML syntax: JSON_TABLE and XMLTABLE declare their columns; the
 * scalar ones take the same clauses (`JSON_VALUE(doc, '$.a' RETURNING NUMBER DEFAULT 0 ON ERROR)`).
 */
const DOC_CALLS = new Set(['JSON_TABLE', 'XMLTABLE', 'JSON_VALUE', 'JSON_QUERY', 'JSON_EXISTS', 'XMLQUERY', 'XMLEXISTS']);
/** Words of the call's options, never columns: `PASSING BY VALUE x`, `NULL ON ERROR`, `doc FORMAT JSON`, ... */
const OPTION_WORDS = new Set([
  'PASSING', 'BY', 'VALUE', 'REF', 'ERROR', 'ON', 'EMPTY', 'DEFAULT', 'FORMAT', 'JSON', 'SEQUENCE',
  'TYPE', 'STRICT', 'LAX', 'ENCODING', 'PLAN', 'OUTER', 'INNER', 'UNION', 'CROSS', 'WITH', 'WITHOUT',
  'WRAPPER', 'CONDITIONAL', 'UNCONDITIONAL', 'ARRAY', 'CONTENT', 'KEEP', 'OMIT', 'QUOTES', 'SCALAR',
  'ALLOW', 'DISALLOW', 'SCALARS', 'PRETTY', 'ASCII', 'TRUNCATE', 'MISMATCH', 'IGNORE', 'MISSING', 'DATA', 'EXTRA',
]);

/** `JSON_TABLE(`, `XMLTABLE(` (which declare columns), `JSON_VALUE(`, ...: arguments in a syntax of their own. */
export function declaresColumns(name: QName | undefined): boolean {
  return name !== undefined && name.parts.length === 1 && DOC_CALLS.has(name.parts[0]!.text.toUpperCase());
}

export function defineDocTableRules(this: SqlParser): void {
  const $ = this.dsl;
  const word = (w: string) => tokenMatcher($.LA(1), T.Identifier) && $.LA(1).image.toUpperCase() === w;
  const atEnd = () => {
    const t = $.LA(1).tokenType;
    return t === T.RParen || t === T.Semicolon || t === EOF;
  };

  /** The inside of `JSON_TABLE(...)`, `XMLTABLE(...)`, `JSON_VALUE(...)` after `(`: arguments, options, then COLUMNS if any. */
  this.docTableArgs = $.RULE('docTableArgs', (call: FuncCall) => {
    const args = call?.args;
    args?.push($.SUBRULE($.funcArg));
    $.MANY({
      GATE: () => !atEnd() && !word('COLUMNS'),
      DEF: () => {
        $.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            {
              // `RETURNING NUMBER`: a type, not a column.
              ALT: () => {
                $.CONSUME(K.RETURNING);
                $.SUBRULE($.dataType);
              },
            },
            { GATE: () => OPTION_WORDS.has($.LA(1).image.toUpperCase()), ALT: () => $.CONSUME(T.AnyToken) },
            { ALT: () => $.CONSUME(T.Comma) },
            {
              // `PASSING x AS "d"`: the name the XQuery gives the value.
              ALT: () => {
                $.CONSUME(K.AS);
                $.SUBRULE($.ident);
              },
            },
            { ALT: () => args?.push($.SUBRULE1($.funcArg)) },
          ],
        });
      },
    });
    $.OPTION(() => {
      const columns = $.SUBRULE($.docColumns);
      if (call) call.columns = columns;
    });
  });

  /** `COLUMNS (c type PATH '..', n FOR ORDINALITY, NESTED PATH '..' COLUMNS (...))`; XMLTABLE's without parentheses. */
  this.docColumns = $.RULE('docColumns', (): DeclaredColumn[] => {
    $.CONSUME(T.Identifier);
    const cols: DeclaredColumn[] = [];
    const paren = $.OPTION(() => $.CONSUME(T.LParen));
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        $.OR({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            {
              GATE: () => word('NESTED') && $.LA(2).tokenType !== T.Comma && $.LA(2).tokenType !== T.RParen && $.LA(2).tokenType !== K.FOR,
              ALT: () => {
                $.CONSUME1(T.Identifier);
                // [PATH] '$.items[*]' (Oracle also writes the path as dotted names).
                $.MANY1({ GATE: () => !atEnd() && !word('COLUMNS'), DEF: () => $.CONSUME1(T.AnyToken) });
                const nested = $.SUBRULE($.docColumns);
                if (!this.recording) cols.push(...nested);
              },
            },
            {
              ALT: () => {
                const c: DeclaredColumn = $.SUBRULE1($.ident);
                $.OPTION1(() => {
                  $.CONSUME(K.FOR);
                  $.CONSUME2(T.Identifier);
                  if (!this.recording) c.ordinality = true;
                });
                $.SUBRULE($.skipBalanced, { ARGS: [2] });
                cols.push(c);
              },
            },
          ],
        });
      },
    });
    $.OPTION2({ GATE: () => paren !== undefined, DEF: () => $.CONSUME1(T.RParen) });
    return cols;
  });

  /** `(a int, b text)`, `(sku VARCHAR(20) '$.sku', doc NVARCHAR(MAX) AS JSON)`: names, each with a type to skip. */
  this.declaredColumns = $.RULE('declaredColumns', (): DeclaredColumn[] => {
    $.CONSUME(T.LParen);
    const cols: DeclaredColumn[] = [];
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        cols.push($.SUBRULE($.ident));
        $.SUBRULE($.skipBalanced, { ARGS: [2] });
      },
    });
    $.CONSUME(T.RParen);
    return cols;
  });
}
