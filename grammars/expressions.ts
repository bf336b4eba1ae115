/** Grammar chapter: expressions (operators, predicates, functions, CASE, CAST, windows, literals). */
import { tokenMatcher, type IOrAlt, type IToken } from './chevrotain.js';
import type { Expr, FuncCall, Ident, OrderItem, QName, Query, Star, WindowSpec } from '../src/ast/nodes.js';
import { columnNamed, foldChain, ident, keywordCall, list, qname, selectAll, splitDotted, tableOfName, type Step } from './build.js';
import { declaresColumns } from './doc-tables.js';
import type { SqlParser } from './parser.js';
import * as T from './tokens.js';

const K = T.K;

export const TYPED_LITERAL = new Set(['DATE', 'TIME', 'TIMESTAMP', 'DATETIME', 'TIMESTAMPTZ']);
/**
 * Type names that make `name 'text'` a typed literal (`DATE '2024-01-01'`, `JSON '{}'`); MySQL
 * charset introducers (`_utf8mb4 'x'`) too. Before a string any other name is a column (`SELECT
 * cust_id 'x'`: an alias where strings are aliases, else a syntax error), never swallowed into a constant.
 */
export const TYPED_LITERAL_TYPES = new Set([
  ...TYPED_LITERAL, 'TIMETZ', 'TIMESTAMP_NTZ', 'TIMESTAMP_LTZ', 'TIMESTAMP_TZ', 'SMALLDATETIME', 'DATETIME2', 'DATETIMEOFFSET',
  'JSON', 'JSONB', 'XML', 'NUMERIC', 'BIGNUMERIC', 'DECIMAL', 'DEC', 'NUMBER', 'REAL', 'DOUBLE', 'FLOAT', 'FLOAT4', 'FLOAT8',
  'INT', 'INTEGER', 'INT2', 'INT4', 'INT8', 'BIGINT', 'SMALLINT', 'TINYINT', 'BOOLEAN', 'BOOL', 'CHAR', 'VARCHAR',
  'CHARACTER', 'NCHAR', 'TEXT', 'STRING', 'BYTEA', 'BYTES', 'BINARY', 'VARBINARY', 'UUID', 'IPADDRESS', 'INET', 'CIDR',
  'MACADDR', 'MONEY', 'POINT', 'LINE', 'LSEG', 'BOX', 'PATH', 'POLYGON', 'CIRCLE', 'BIT', 'VARBIT', 'TSVECTOR', 'TSQUERY',
  'REGCLASS', 'REGTYPE', 'REGPROC', 'OID', 'INT4RANGE', 'INT8RANGE', 'NUMRANGE', 'TSRANGE', 'TSTZRANGE', 'DATERANGE',
  'PERIOD', 'GEOGRAPHY', 'GEOMETRY', 'HSTORE', 'CITEXT', 'LTREE',
]);
/** Is `parts` (the name before a string) a typed literal's type here? */
export function typedLiteralType(parts: readonly Ident[]): boolean {
  if (parts.length !== 1 || parts[0]!.quoted) return false;
  const w = parts[0]!.text.toUpperCase();
  return TYPED_LITERAL_TYPES.has(w) || w.startsWith('_');
}

/** Words that open a Teradata attribute phrase other than a data type. */
const ATTRIBUTE_WORDS = new Set(['FORMAT', 'TITLE', 'NAMED', 'CASESPECIFIC', 'UPPERCASE', 'NOT', 'CHARACTER']);
/** Data types of Teradata conversions `x (type)`. */
const CONVERSION_TYPES = new Set([
  'INTEGER', 'INT', 'SMALLINT', 'BIGINT', 'BYTEINT', 'DECIMAL', 'DEC', 'NUMERIC', 'NUMBER', 'FLOAT', 'REAL', 'DOUBLE',
  'CHAR', 'CHARACTER', 'VARCHAR', 'CLOB', 'BYTE', 'VARBYTE', 'BLOB', 'GRAPHIC', 'VARGRAPHIC', 'DATE', 'TIME', 'TIMESTAMP',
]);
/** Types that are also values (Teradata `DATE` is today): `f(DATE)` is a call unless written `x (DATE)`. */
const VALUE_TYPES = new Set(['DATE', 'TIME', 'TIMESTAMP']);

/**
 * Does a Teradata attribute phrase start at `la(1)` (a `(`)? `la(i)` is the i-th token ahead,
 * `la(0)` the one before. After a name (`afterName`) the `(` would otherwise open a call:
 * `cust_id (TITLE 'x')` and `ts (DATE)` are phrases, `last_day(DATE)` and `add_months(DATE, 1)` calls
 * (a lone `DATE`/`TIME`/`TIMESTAMP` is a conversion only with a space before the parenthesis).
 */
export function attributePhraseAt(la: (i: number) => IToken, afterName: boolean): boolean {
  if (la(1).tokenType !== T.LParen) return false;
  const a = la(2);
  const b = la(3);
  const w = a.image.toUpperCase();
  const closes = b.tokenType === T.RParen || b.tokenType === T.Comma;
  switch (w) {
    case 'FORMAT':
    case 'TITLE':
      return b.tokenType === T.StringLit;
    case 'NAMED':
      return tokenMatcher(b, T.Identifier);
    case 'CASESPECIFIC':
    case 'UPPERCASE':
      return closes;
    case 'NOT':
      return b.image.toUpperCase() === 'CASESPECIFIC';
    case 'CHARACTER':
      if (b.tokenType === K.SET) return true;
  }
  if (!CONVERSION_TYPES.has(w) || !tokenMatcher(a, T.Identifier)) return false;
  if (b.tokenType === T.LParen) return la(4).tokenType === T.NumberLit;
  if (b.tokenType === T.Comma) return ATTRIBUTE_WORDS.has(la(4).image.toUpperCase());
  if (b.tokenType !== T.RParen) return ATTRIBUTE_WORDS.has(b.image.toUpperCase());
  return !afterName || !VALUE_TYPES.has(w) || la(1).startOffset > la(0).endOffset! + 1;
}
export const INTERVAL_UNITS = new Set([
  'YEAR', 'YEARS', 'MONTH', 'MONTHS', 'DAY', 'DAYS', 'HOUR', 'HOURS', 'MINUTE', 'MINUTES', 'SECOND',
  'SECONDS', 'WEEK', 'WEEKS', 'QUARTER', 'MILLISECOND', 'MICROSECOND',
]);
export const TYPE_CONTINUATIONS = new Set(['PRECISION', 'VARYING', 'UNSIGNED', 'SIGNED', 'ZONE', 'LOCAL', 'CHAR', 'BYTE']);
export const TRIM_SPECS = new Set(['BOTH', 'LEADING', 'TRAILING']);

export function defineExpressionRules(this: SqlParser): void {
  const $ = this.dsl;
  const end = () => $.LA(0).endOffset! + 1;

  this.ident = $.RULE('ident', (): Ident => {
    const t = $.CONSUME(T.Identifier);
    return this.recording ? (t as never) : ident(t);
  });

  /** `a.b.c` (1..4 parts; T-SQL `db..t` leaves an empty part), optional Oracle `@dblink`. */
  this.qname = $.RULE('qname', (): QName => {
    const parts: Ident[] = [];
    parts.push($.SUBRULE($.ident));
    $.MANY(() => {
      const dot = $.CONSUME(T.Dot);
      $.OPTION(() => {
        $.CONSUME1(T.Dot);
        $.ACTION(() => parts.push({ text: '', quoted: false, start: dot.endOffset! + 1, end: dot.endOffset! + 1 }));
      });
      parts.push($.SUBRULE1($.ident));
    });
    let link: string | undefined;
    $.OPTION1({
      GATE: () => $.LA(1).image === '@' && $.LA(2).tokenType !== T.Eq,
      DEF: () => {
        $.CONSUME(T.Operator);
        // Delta `t@v3` / `t@20240101000000000` (a version of the table, Databricks) too.
        link = $.OR([{ ALT: () => $.SUBRULE2($.ident).text }, { ALT: () => $.CONSUME(T.NumberLit).image }]);
        // `@remote.example.com`: a link's name may have dots.
        $.MANY1(() => {
          $.CONSUME2(T.Dot);
          const domain = $.SUBRULE3($.ident);
          $.ACTION(() => (link = `${link}.${domain.text}`));
        });
      },
    });
    return $.ACTION(() => qname(this.caps.dottedQuotedNames ? splitDotted(parts, this.text) : parts, link));
  });

  // Cached DSL closures and alternatives (Chevrotain re-uses them; no allocation per call).
  const manyBinary = {
    // `x overlaps` without AS is an alias; `OVERLAPS (..)` the predicate. `IN PARTITION p` ends the
    // value of a ClickHouse mutation (`ALTER TABLE t UPDATE a = x IN PARTITION p WHERE ..`): no IN list.
    GATE: () => {
      const t = $.LA(1).tokenType;
      if (t === K.OVERLAPS) return $.LA(2).tokenType === T.LParen;
      return t !== K.IN || $.LA(2).tokenType !== K.PARTITION;
    },
    DEF: () => {
      this.pushStep($.SUBRULE($.binaryStep));
    },
  };
  this.expr = $.RULE('expr', (): Expr => {
    if (!this.recording && this.fast !== undefined) {
      const fast = this.fast.expr();
      if (fast !== undefined) return fast;
    }
    const first = $.SUBRULE($.unary);
    if (!this.recording) this.beginSteps();
    $.MANY(manyBinary);
    return this.recording ? first : foldChain(first, this.takeSteps());
  });

  /** Arithmetic-only chain: BETWEEN bounds and frame offsets (no AND/OR/comparisons). */
  this.arith = $.RULE('arith', (): Expr => {
    const first = $.SUBRULE($.unary);
    const steps: Step[] = [];
    $.MANY(() => {
      const op = $.OR([
        { ALT: () => $.CONSUME(T.Operator) },
        { ALT: () => $.CONSUME(T.Star) },
        { ALT: () => $.CONSUME(K.DIV) },
        { ALT: () => $.CONSUME(K.MOD) },
      ]);
      const right = $.SUBRULE1($.unary);
      steps.push($.ACTION(() => ({ op: op?.image?.toUpperCase(), right: [right], end: right.end })));
    });
    return $.ACTION(() => foldChain(first, steps));
  });

  let binaryAlts: IOrAlt<Step>[] | undefined;
  let binaryOps: IOrAlt<IToken>[] | undefined;
  let binaryRight: IOrAlt<Expr>[] | undefined;
  this.binaryStep = $.RULE('binaryStep', (): Step => {
    return $.OR(binaryAlts ??= [
      {
        ALT: () => {
          const op = $.OR1(binaryOps ??= [
            { ALT: () => $.CONSUME(T.Operator) },
            { ALT: () => $.CONSUME(T.Star) },
            { ALT: () => $.CONSUME(T.Eq) },
            { ALT: () => $.CONSUME(T.Tilde) },
            { ALT: () => $.CONSUME(K.AND) },
            { ALT: () => $.CONSUME(K.OR) },
            { ALT: () => $.CONSUME(K.DIV) },
            { ALT: () => $.CONSUME(K.MOD) },
            { ALT: () => $.CONSUME(K.XOR) },
          ]);
          const right = $.OR2(binaryRight ??= [
            { ALT: () => $.SUBRULE($.quantified) },
            { ALT: () => $.SUBRULE($.unary) },
          ]);
          return $.ACTION(() => ({ op: op?.image?.toUpperCase(), right: [right], end: right.end }));
        },
      },
      { ALT: () => $.SUBRULE($.predicateStep) },
    ]);
  });

  /** `= ANY (subquery)`, `> ALL (...)`, `= SOME (...)`. */
  this.quantified = $.RULE('quantified', (): Expr => {
    const kw = $.OR([{ ALT: () => $.CONSUME(K.ANY) }, { ALT: () => $.CONSUME(K.ALL) }, { ALT: () => $.CONSUME(K.SOME) }]);
    $.CONSUME(T.LParen);
    const r = $.OR1({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.startsQuery(1), ALT: () => ({ q: $.SUBRULE($.query), e: undefined }) },
        { ALT: () => ({ e: $.SUBRULE($.expr), q: undefined }) },
      ],
    });
    $.CONSUME(T.RParen);
    return $.ACTION((): Expr => {
      const start = kw.startOffset;
      if (r.q) return { k: 'subquery', mode: 'quantified', query: r.q, start, end: end() };
      return { k: 'op', op: kw?.image?.toUpperCase(), args: [r.e!], start, end: end() };
    });
  });

  /** [NOT] LIKE/IN/BETWEEN/SIMILAR TO/RLIKE, IS [NOT] ..., so these read as one step. */
  this.predicateStep = $.RULE('predicateStep', (): Step => {
    let not = false;
    return $.OR([
      {
        ALT: () => {
          $.CONSUME(K.IS);
          $.OPTION(() => {
            $.CONSUME(K.NOT);
            not = true;
          });
          const r = $.OR1([
            { ALT: () => ({ t: $.CONSUME(K.NULL) }) },
            { ALT: () => ({ t: $.CONSUME(K.TRUE) }) },
            { ALT: () => ({ t: $.CONSUME(K.FALSE) }) },
            { ALT: () => ({ t: $.CONSUME(K.UNKNOWN) }) },
            {
              ALT: () => {
                $.CONSUME(K.DISTINCT);
                $.CONSUME(K.FROM);
                return { e: $.SUBRULE($.unary) };
              },
            },
          ]);
          return $.ACTION((): Step => {
            if (r.e) return { op: not ? 'IS NOT DISTINCT FROM' : 'IS DISTINCT FROM', right: [r.e], end: r.e.end };
            return { op: not ? 'IS NOT' : 'IS', right: [], end: end() };
          });
        },
      },
      {
        ALT: () => {
          $.OPTION1(() => {
            $.CONSUME1(K.NOT);
            not = true;
          });
          return $.OR2([
            {
              ALT: () => {
                const op = $.OR3([
                  { ALT: () => $.CONSUME(K.LIKE) },
                  { ALT: () => $.CONSUME(K.ILIKE) },
                  { ALT: () => $.CONSUME(K.RLIKE) },
                  { ALT: () => $.CONSUME(K.REGEXP) },
                  {
                    ALT: () => {
                      const s = $.CONSUME(K.SIMILAR);
                      $.CONSUME(K.TO);
                      return s;
                    },
                  },
                ]);
                $.OPTION2(() => $.SUBRULE($.quantifiedKeyword));
                const right = $.SUBRULE3($.unary);
                const rights = [right];
                $.OPTION3(() => {
                  $.CONSUME(K.ESCAPE);
                  rights.push($.SUBRULE1($.unary));
                });
                return $.ACTION(() => ({ op: (not ? 'NOT ' : '') + op?.image?.toUpperCase(), right: rights, end: end() }));
              },
            },
            {
              ALT: () => {
                $.CONSUME(K.BETWEEN);
                $.OPTION4(() => $.CONSUME(K.SYMMETRIC));
                const lo = $.SUBRULE($.arith);
                $.CONSUME1(K.AND);
                const hi = $.SUBRULE1($.arith);
                return $.ACTION(() => ({ op: not ? 'NOT BETWEEN' : 'BETWEEN', right: [lo, hi], end: hi.end }));
              },
            },
            {
              ALT: () => {
                $.CONSUME(K.IN);
                return $.OR4([
                  {
                    ALT: () => {
                      $.CONSUME(T.LParen);
                      const r = $.OR5({
                        IGNORE_AMBIGUITIES: true,
                        DEF: [
                          { GATE: () => this.startsQuery(1), ALT: () => ({ q: $.SUBRULE($.query), list: undefined }) },
                          { ALT: () => ({ list: $.SUBRULE($.exprList), q: undefined }) },
                        ],
                      });
                      $.CONSUME(T.RParen);
                      return $.ACTION((): Step => {
                        if (r.q) {
                          return { op: 'IN', right: [{ k: 'subquery', mode: 'in', query: r.q, start: r.q.start, end: end() }], end: end() };
                        }
                        return { op: not ? 'NOT IN' : 'IN', right: r.list!.length ? r.list! : [], end: end() };
                      });
                    },
                  },
                  {
                    ALT: () => {
                      const e = $.SUBRULE2($.unary);
                      return $.ACTION(() => ({ op: not ? 'NOT IN' : 'IN', right: [e], end: e.end }));
                    },
                  },
                ]);
              },
            },
          ]);
        },
      },
      {
        // `(a, b) OVERLAPS (c, d)`: do two periods overlap (SQL standard; PostgreSQL, Oracle, Teradata, Db2).
        ALT: () => {
          $.CONSUME(K.OVERLAPS);
          const right = $.SUBRULE4($.unary);
          return $.ACTION((): Step => ({ op: 'OVERLAPS', right: [right], end: right.end }));
        },
      },
    ]);
  });

  this.quantifiedKeyword = $.RULE('quantifiedKeyword', () => {
    $.OR([{ ALT: () => $.CONSUME(K.ANY) }, { ALT: () => $.CONSUME(K.ALL) }, { ALT: () => $.CONSUME(K.SOME) }]);
  });

  this.exprList = $.RULE('exprList', (): Expr[] => {
    const items: Expr[] = [];
    $.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => items.push($.SUBRULE($.expr)) });
    return items;
  });

  /** Prefix operators, then a primary, then postfix (`::type`, `[i]`, `.field`, COLLATE, AT TIME ZONE). */
  let unaryAlts: IOrAlt<Expr>[] | undefined;
  let prefixOps: IOrAlt<IToken>[] | undefined;
  /** `t.1` (ClickHouse tuple element): a number `.1` written right after the expression. */
  const tupleIndexAhead = () => $.LA(1).image.startsWith('.') && $.LA(1).startOffset === $.LA(0).endOffset! + 1;
  const manyPostfix = {
    // A `(` continues the expression only as a Teradata attribute phrase.
    GATE: () => ($.LA(1).tokenType !== T.LParen || this.attributePhraseAhead(false)) && ($.LA(1).tokenType !== T.NumberLit || tupleIndexAhead()),
    DEF: () => {
      this.postfixBase = $.SUBRULE($.postfix, { ARGS: [this.postfixBase] });
    },
  };
  this.unary = $.RULE('unary', (): Expr => {
    return $.OR(unaryAlts ??= [
      {
        ALT: () => {
          const op = $.OR1(prefixOps ??= [
            { ALT: () => $.CONSUME(K.NOT) },
            { ALT: () => $.CONSUME(T.Minus) },
            { ALT: () => $.CONSUME(T.Plus) },
            { ALT: () => $.CONSUME(T.Tilde) },
            { ALT: () => $.CONSUME(K.PRIOR) },
            { GATE: () => $.LA(1).image === '!', ALT: () => $.CONSUME(T.Operator) },
          ]);
          const operand = $.SUBRULE($.unary);
          return $.ACTION((): Expr => ({ k: 'op', op: op?.image?.toUpperCase(), args: [operand], start: op.startOffset, end: operand.end }));
        },
      },
      {
        ALT: () => {
          const saved = this.postfixBase;
          this.postfixBase = $.SUBRULE($.primary);
          $.MANY(manyPostfix);
          const e = this.postfixBase;
          this.postfixBase = saved;
          return e;
        },
      },
    ]);
  });

  this.postfix = $.RULE('postfix', (base: Expr): Expr => {
    return $.OR([
      {
        ALT: () => {
          $.CONSUME(T.DoubleColon);
          const type = $.SUBRULE($.dataType);
          return $.ACTION((): Expr => ({ k: 'cast', expr: base, type, style: '::', start: base.start, end: end() }));
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.LBracket);
          const idx: Expr[] = [];
          $.OPTION(() => idx.push(...list($.SUBRULE($.exprList))));
          $.OPTION1(() => {
            $.CONSUME(T.Colon);
            $.OPTION2(() => idx.push($.SUBRULE1($.expr)));
          });
          $.CONSUME(T.RBracket);
          return $.ACTION((): Expr => ({ k: 'op', op: '[]', args: [base, ...idx], start: base.start, end: end() }));
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.Dot);
          const f = $.OR2([{ ALT: () => $.SUBRULE($.ident) }, { ALT: () => $.CONSUME(T.Star) }]);
          // T-SQL `(SELECT .. FOR XML PATH(''), TYPE).value('.', 'NVARCHAR(MAX)')`: a method of the value, a call reading it.
          const args = $.option(30, {
            GATE: () => $.LA(1).tokenType === T.LParen && (f as Ident).text !== undefined,
            DEF: () => {
              $.consume(30, T.LParen);
              const a = $.option(31, () => list($.subrule(30, $.exprList))) ?? [];
              $.consume(31, T.RParen);
              return a;
            },
          });
          if (args) return $.ACTION((): Expr => ({ k: 'func', name: { parts: [f as Ident], start: (f as Ident).start, end: (f as Ident).end }, args: [base, ...args], start: base.start, end: end() }));
          return $.ACTION((): Expr => ({ k: 'op', op: '.', args: [base, { k: 'lit', kind: 'other', text: (f as Ident).text ?? '*', start: base.end, end: end() }], start: base.start, end: end() }));
        },
      },
      {
        GATE: tupleIndexAhead,
        ALT: () => {
          const n = $.CONSUME(T.NumberLit);
          return $.ACTION((): Expr => ({ k: 'op', op: '.', args: [base, { k: 'lit', kind: 'other', text: n.image.slice(1), start: n.startOffset, end: end() }], start: base.start, end: end() }));
        },
      },
      {
        // `raw:a`, `raw:"a b"` (Snowflake/Databricks variant path): reads `raw`.
        GATE: () => this.caps.variantPaths,
        ALT: () => {
          $.CONSUME2(T.Colon);
          const f = $.OR3([{ ALT: () => $.SUBRULE1($.ident) }, { ALT: () => $.CONSUME(T.StringLit) }]);
          return $.ACTION((): Expr => ({ k: 'op', op: ':', args: [base, { k: 'lit', kind: 'other', text: (f as Ident).text ?? (f as IToken).image, start: base.end, end: end() }], start: base.start, end: end() }));
        },
      },
      {
        ALT: () => {
          $.CONSUME(K.COLLATE);
          $.SUBRULE($.qname);
          return $.ACTION((): Expr => ({ k: 'op', op: 'COLLATE', args: [base], start: base.start, end: end() }));
        },
      },
      {
        ALT: () => {
          $.CONSUME(K.AT);
          $.CONSUME(K.TIME);
          $.CONSUME(K.ZONE);
          const z = $.SUBRULE2($.unary);
          return $.ACTION((): Expr => ({ k: 'op', op: 'AT TIME ZONE', args: [base, z], start: base.start, end: end() }));
        },
      },
      {
        ALT: () => {
          $.CONSUME(T.OuterJoinMark);
          return $.ACTION((): Expr => (base.k === 'col' ? { ...base, outerJoin: true, end: end() } : base));
        },
      },
      { GATE: () => this.caps.attributePhrases, ALT: () => $.SUBRULE($.attributePhrase, { ARGS: [base] }) },
    ]);
  });

  /**
   * Teradata `(attribute, ...)` after an expression (`attributePhraseAt`): FORMAT / TITLE only say
   * how to show the value, `NAMED n` names it (a select item's alias, kept as a `NAMED` operator
   * until `selectItem` takes it), a data type converts it (a cast that keeps the column's name).
   */
  this.attributePhrase = $.RULE('attributePhrase', (base: Expr): Expr => {
    $.CONSUME(T.LParen);
    let type: string | undefined;
    let named: Ident | undefined;
    $.AT_LEAST_ONE(() => {
      $.OPTION(() => $.CONSUME(T.Comma));
      // Not cached: the alternatives set this call's `type` and `named`.
      $.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          {
            GATE: () => /^(FORMAT|TITLE)$/i.test($.LA(1).image),
            ALT: () => {
              $.CONSUME(T.Identifier);
              $.CONSUME(T.StringLit);
            },
          },
          {
            GATE: () => /^NAMED$/i.test($.LA(1).image),
            ALT: () => {
              $.CONSUME1(T.Identifier);
              named = $.SUBRULE($.ident);
            },
          },
          {
            GATE: () => /^(CASESPECIFIC|UPPERCASE)$/i.test($.LA(1).image),
            ALT: () => $.CONSUME2(T.Identifier),
          },
          {
            ALT: () => {
              $.CONSUME(K.NOT);
              $.CONSUME3(T.Identifier);
            },
          },
          {
            GATE: () => $.LA(2).tokenType === K.SET,
            ALT: () => {
              $.CONSUME(K.CHARACTER);
              $.CONSUME(K.SET);
              $.SUBRULE1($.ident);
            },
          },
          { ALT: () => (type = $.SUBRULE($.dataType)) },
        ],
      } as never);
    });
    $.CONSUME(T.RParen);
    return $.ACTION((): Expr => {
      const e: Expr = type === undefined ? base : { k: 'cast', expr: base, type, style: 'attribute', start: base.start, end: end() };
      if (named === undefined) return e;
      const name: Expr = { k: 'lit', kind: 'other', text: named.text, start: named.start, end: named.end };
      return { k: 'op', op: 'NAMED', args: [e, name], start: base.start, end: end() };
    });
  });

  let primaryAlts: IOrAlt<Expr>[] | undefined;
  this.primary = $.RULE('primary', (): Expr => {
    return $.OR(primaryAlts ??= [
      { ALT: () => $.SUBRULE($.literal) },
      {
        ALT: () => {
          const v = $.CONSUME(T.Variable);
          return $.ACTION((): Expr => ({ k: 'var', name: v.image, start: v.startOffset, end: end() }));
        },
      },
      { ALT: () => $.SUBRULE($.parenExpr) },
      { ALT: () => $.SUBRULE($.caseExpr) },
      { ALT: () => $.SUBRULE($.castExpr) },
      { ALT: () => $.SUBRULE($.intervalExpr) },
      { ALT: () => $.SUBRULE($.extractExpr) },
      { GATE: () => nextValueAhead($.LA(1), $.LA(2), $.LA(3)), ALT: () => $.SUBRULE($.nextValueExpr) },
      {
        ALT: () => {
          const kw = $.CONSUME(K.EXISTS);
          $.CONSUME1(T.LParen);
          const q = $.SUBRULE($.query);
          $.CONSUME1(T.RParen);
          return $.ACTION((): Expr => ({ k: 'subquery', mode: 'exists', query: q, start: kw.startOffset, end: end() }));
        },
      },
      {
        // Reserved words that are also function names: LEFT(...), RIGHT(...), VALUES(col), INSERT(...).
        ALT: () => {
          const kw = $.OR1([
            { ALT: () => $.CONSUME(K.LEFT) },
            { ALT: () => $.CONSUME(K.RIGHT) },
            { ALT: () => $.CONSUME(K.VALUES) },
            { ALT: () => $.CONSUME(K.INSERT) },
          ]);
          const name = $.ACTION(() => qname([ident(kw)]));
          return $.SUBRULE($.funcTail, { ARGS: [name] });
        },
      },
      {
        ALT: () => {
          const lb = $.CONSUME(T.LBracket);
          const items: Expr[] = [];
          $.OPTION(() => items.push(...list($.SUBRULE($.exprList))));
          $.CONSUME(T.RBracket);
          return $.ACTION((): Expr => ({ k: 'op', op: 'ARRAY', args: items, start: lb.startOffset, end: end() }));
        },
      },
      { ALT: () => $.SUBRULE($.objectLiteral) },
      { GATE: () => this.caps.documentQueries && collectionAhead($.LA(1), $.LA(2), $.LA(3)), ALT: () => $.SUBRULE($.collectionExpr) },
      { ALT: () => $.SUBRULE($.nameOrCall) },
      {
        ALT: () => {
          const s = $.CONSUME(T.Star);
          return $.ACTION((): Expr => ({ k: 'star', start: s.startOffset, end: end() }));
        },
      },
    ]);
  });

  let literalAlts: IOrAlt<{ t: IToken; kind: 'number' | 'string' | 'null' | 'bool' }>[] | undefined;
  this.literal = $.RULE('literal', (): Expr => {
    const r = $.OR(literalAlts ??= [
      { ALT: () => ({ t: $.CONSUME(T.NumberLit), kind: 'number' as const }) },
      {
        ALT: () => {
          const t = $.CONSUME(T.StringLit);
          // Adjacent string literals concatenate ('a' 'b').
          $.MANY(() => $.CONSUME1(T.StringLit));
          return { t, kind: 'string' as const };
        },
      },
      { ALT: () => ({ t: $.CONSUME(K.NULL), kind: 'null' as const }) },
      { ALT: () => ({ t: $.CONSUME(K.TRUE), kind: 'bool' as const }) },
      { ALT: () => ({ t: $.CONSUME(K.FALSE), kind: 'bool' as const }) },
    ]);
    return this.recording ? (undefined as never) : { k: 'lit', kind: r.kind, text: r.t.image, start: r.t.startOffset, end: end() };
  });

  /** `( expr )`, `( a, b )` tuple, or a scalar subquery. */
  type ParenContent = { q?: Query; list?: Expr[] };
  let parenAlts: { IGNORE_AMBIGUITIES: boolean; DEF: IOrAlt<ParenContent>[] } | undefined;
  this.parenExpr = $.RULE('parenExpr', (): Expr => {
    const lp = $.CONSUME(T.LParen);
    const r = $.OR<ParenContent>(parenAlts ??= {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.startsQuery(1), ALT: () => ({ q: $.SUBRULE($.query), list: undefined }) },
        { ALT: () => ({ list: $.SUBRULE($.exprList), q: undefined }) },
      ],
    });
    $.CONSUME(T.RParen);
    return $.ACTION((): Expr => {
      if (r.q) return { k: 'subquery', mode: 'scalar', query: r.q, start: lp.startOffset, end: end() };
      const list = r.list!;
      if (list.length === 1) return { ...list[0]!, start: lp.startOffset, end: end(), ...(list[0]!.k === 'op' ? {} : {}) };
      return { k: 'op', op: 'ROW', args: list, start: lp.startOffset, end: end() };
    });
  });

  this.caseExpr = $.RULE('caseExpr', (): Expr => {
    const kw = $.CONSUME(K.CASE);
    let operand: Expr | undefined;
    $.OPTION(() => (operand = $.SUBRULE($.expr)));
    const whens: { cond: Expr; result: Expr }[] = [];
    $.AT_LEAST_ONE(() => {
      $.CONSUME(K.WHEN);
      const cond = $.SUBRULE1($.expr);
      $.CONSUME(K.THEN);
      const result = $.SUBRULE2($.expr);
      whens.push({ cond, result });
    });
    let otherwise: Expr | undefined;
    $.OPTION1(() => {
      $.CONSUME(K.ELSE);
      otherwise = $.SUBRULE3($.expr);
    });
    $.CONSUME(K.END);
    $.OPTION2(() => $.CONSUME1(K.CASE));
    return $.ACTION((): Expr => ({ k: 'case', operand, whens, else: otherwise, start: kw.startOffset, end: end() }));
  });

  /** CAST/TRY_CAST/SAFE_CAST(x AS type); [TRY_]CONVERT(type, x[, style]) or CONVERT(x, type) or CONVERT(x USING cs). */
  this.castExpr = $.RULE('castExpr', (): Expr => {
    return $.OR([
      {
        ALT: () => {
          const kw = $.OR1([
            { ALT: () => $.CONSUME(K.CAST) },
            { ALT: () => $.CONSUME(K.TRY_CAST) },
            { ALT: () => $.CONSUME(K.SAFE_CAST) },
          ]);
          $.CONSUME(T.LParen);
          const e = $.SUBRULE($.expr);
          $.CONSUME(K.AS);
          // Teradata `CAST(d AS FORMAT 'YYYYMMDD')`: the format only, the type kept.
          let type = '';
          $.OPTION1({ GATE: () => $.LA(1).tokenType !== K.FORMAT, DEF: () => (type = $.SUBRULE($.dataType)) });
          $.OPTION(() => {
            $.CONSUME(K.FORMAT);
            $.SUBRULE($.literal);
          });
          $.CONSUME(T.RParen);
          return $.ACTION((): Expr => ({ k: 'cast', expr: e, type, style: kw?.image?.toUpperCase(), start: kw.startOffset, end: end() }));
        },
      },
      {
        GATE: () => $.LA(2).tokenType === T.LParen,
        ALT: () => {
          const kw = $.OR3([{ ALT: () => $.CONSUME(K.CONVERT) }, { ALT: () => $.CONSUME(K.TRY_CONVERT) }]);
          $.CONSUME1(T.LParen);
          const a = $.SUBRULE1($.expr);
          const rest: Expr[] = [];
          $.OR2([
            {
              ALT: () => {
                $.CONSUME(K.USING);
                $.SUBRULE($.ident);
              },
            },
            {
              ALT: () =>
                $.MANY(() => {
                  $.CONSUME(T.Comma);
                  rest.push($.SUBRULE2($.expr));
                }),
            },
          ]);
          $.CONSUME1(T.RParen);
          return $.ACTION((): Expr => {
            // T-SQL CONVERT(type, value[, style]): the value is the second argument; the type is a
            // bare name (`INT`) or reads like a one-part call (`NVARCHAR(10)`).
            const isType = a.k === 'col' ? a.name.parts.length === 1 : a.k === 'func' && a.name.parts.length === 1 && !a.over;
            const value = rest.length > 0 && isType ? rest[0]! : a;
            return { k: 'cast', expr: value, type: '', style: kw.image.toUpperCase(), start: kw.startOffset, end: end() };
          });
        },
      },
    ]);
  });

  this.intervalExpr = $.RULE('intervalExpr', (): Expr => {
    const kw = $.CONSUME(K.INTERVAL);
    const v = $.OR([
      { ALT: () => $.SUBRULE($.literal) },
      { ALT: () => $.SUBRULE($.parenExpr) },
      {
        ALT: () => {
          const m = $.CONSUME(T.Minus);
          const n = $.SUBRULE1($.literal);
          return $.ACTION((): Expr => ({ ...n, start: m.startOffset }));
        },
      },
      { ALT: () => $.SUBRULE($.nameOrCall) },
    ]);
    $.OPTION({
      GATE: () => INTERVAL_UNITS.has($.LA(1).image.toUpperCase()),
      DEF: () => {
        $.CONSUME(T.Identifier);
        $.OPTION1(() => {
          $.CONSUME(K.TO);
          $.CONSUME1(T.Identifier);
        });
      },
    });
    return $.ACTION((): Expr => ({ k: 'op', op: 'INTERVAL', args: [v], start: kw.startOffset, end: end() }));
  });

  /** `{'a': x, "b": y}`: an object of its values, kept as `OBJECT_CONSTRUCT('a', x, 'b', y)`. */
  this.objectLiteral = $.RULE('objectLiteral', (): Expr => {
    const lb = $.CONSUME(T.LBrace);
    const args: Expr[] = [];
    $.MANY_SEP({
      SEP: T.Comma,
      DEF: () => {
        const key = $.OR([{ ALT: () => $.CONSUME(T.StringLit) }, { ALT: () => $.CONSUME(T.Identifier) }]);
        $.CONSUME(T.Colon);
        const value = $.SUBRULE($.expr);
        $.ACTION(() => args.push({ k: 'lit', kind: 'string', text: key.image, start: key.startOffset, end: key.endOffset! + 1 }, value));
      },
    });
    $.CONSUME(T.RBrace);
    return $.ACTION((): Expr => {
      const at = { start: lb.startOffset, end: lb.endOffset! + 1 };
      return { k: 'func', name: qname([{ text: 'OBJECT_CONSTRUCT', quoted: false, ...at }]), args, start: lb.startOffset, end: end() };
    });
  });

  /**
   * N1QL collection expressions: `ANY | SOME | EVERY | ANY AND EVERY v IN | WITHIN e [, w IN f]
   * SATISFIES cond END` and `ARRAY | FIRST x FOR v IN | WITHIN e [WHEN cond] END`: a call of the
   * word on the collections and lambdas `v -> cond` (the variables stand for their elements).
   */
  this.collectionExpr = $.RULE('collectionExpr', (): Expr => {
    // Specific first tokens (never AnyToken): an optional argument list must not start at `)`.
    const kw = $.OR([
      { ALT: () => $.CONSUME(K.ANY) },
      { ALT: () => $.CONSUME(K.SOME) },
      { ALT: () => $.CONSUME(K.ARRAY) },
      { ALT: () => $.CONSUME(K.FIRST) },
      { ALT: () => $.CONSUME(T.Identifier) }, // EVERY
    ]);
    $.OPTION({ GATE: () => $.LA(1).tokenType === K.AND, DEF: () => ($.CONSUME(K.AND), $.CONSUME1(T.AnyToken)) });
    const quantified = !/^(ARRAY|FIRST)$/i.test(kw.image);
    let value: Expr | undefined;
    $.OPTION1({ GATE: () => !quantified, DEF: () => (value = $.SUBRULE($.expr)) });
    if (!quantified) $.CONSUME(K.FOR);
    const vars: Expr[] = [];
    const collections: Expr[] = [];
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const v = $.SUBRULE($.ident);
        $.CONSUME2(T.AnyToken); // IN | WITHIN
        const c = $.SUBRULE1($.expr);
        $.ACTION(() => {
          vars.push(columnNamed(v));
          collections.push(c);
        });
      },
    });
    let cond: Expr | undefined;
    $.OPTION2({
      GATE: () => /^(SATISFIES|WHEN)$/i.test($.LA(1).image),
      DEF: () => {
        $.CONSUME3(T.AnyToken);
        cond = $.SUBRULE2($.expr);
      },
    });
    $.CONSUME(K.END);
    return $.ACTION((): Expr => {
      const head: Expr = vars.length === 1 ? vars[0]! : { k: 'op', op: 'ROW', args: vars, start: vars[0]!.start, end: vars[vars.length - 1]!.end };
      const lambda = (body: Expr): Expr => ({ k: 'op', op: '->', args: [head, body], start: head.start, end: body.end });
      const args = [...collections, ...[value, cond].filter((x): x is Expr => x !== undefined).map(lambda)];
      return keywordCall(kw, args, end());
    });
  });

  /**
   * `EXTRACT(field FROM expr)`; without FROM, a function of that name: ClickHouse's
   * `extract(haystack, 'regex')` (its arguments read like any function's).
   */
  this.extractExpr = $.RULE('extractExpr', (): Expr => {
    const kw = $.CONSUME(K.EXTRACT);
    $.CONSUME(T.LParen);
    return $.OR1([
      {
        GATE: () => $.LA(2).tokenType === K.FROM,
        ALT: () => {
          $.OR([{ ALT: () => $.CONSUME(T.Identifier) }, { ALT: () => $.CONSUME(T.StringLit) }]);
          $.CONSUME(K.FROM);
          const e = $.SUBRULE($.expr);
          $.CONSUME(T.RParen);
          return $.ACTION((): Expr => ({ k: 'op', op: 'EXTRACT', args: [e], start: kw.startOffset, end: end() }));
        },
      },
      {
        ALT: () => {
          const args = $.SUBRULE($.exprList);
          $.CONSUME1(T.RParen);
          return $.ACTION(() => keywordCall(kw, args, end()));
        },
      },
    ]);
  });

  /**
   * `NEXT VALUE FOR seq [OVER (ORDER BY ..)]` (SQL standard; SQL Server, Db2, MariaDB, H2), Db2's
   * `PREVIOUS VALUE FOR seq`, `NEXTVAL FOR seq`, `PREVVAL FOR seq`: a number of the sequence, a
   * call without arguments (no column flows into it, as into `seq.NEXTVAL`); an OVER's ORDER BY
   * decides which row gets which number.
   */
  this.nextValueExpr = $.RULE('nextValueExpr', (): Expr => {
    const kw = $.CONSUME(T.Identifier); // NEXT | PREVIOUS | NEXTVAL | PREVVAL
    let value: IToken | undefined;
    $.OPTION({ GATE: () => $.LA(1).tokenType !== K.FOR, DEF: () => (value = $.CONSUME1(T.Identifier)) });
    const f = $.CONSUME(K.FOR);
    $.SUBRULE($.qname);
    let over: WindowSpec | undefined;
    $.OPTION1(() => {
      $.CONSUME(K.OVER);
      over = $.SUBRULE($.windowSpec);
    });
    return $.ACTION((): Expr => {
      const words = [kw.image, ...(value ? [value.image] : []), f.image].join(' ').toUpperCase();
      const name = qname([{ text: words, quoted: false, start: kw.startOffset, end: f.endOffset! + 1 }]);
      return { k: 'func', name, args: [], over, start: kw.startOffset, end: end() };
    });
  });

  /** A type name as written: `numeric(10,2)`, `double precision`, `varchar(max)`, `int[]`, `timestamp with time zone`. */
  this.dataType = $.RULE('dataType', (): string => {
    const first = $.CONSUME(T.Identifier);
    $.MANY({
      GATE: () => $.LA(1).tokenType === T.Dot || TYPE_CONTINUATIONS.has($.LA(1).image.toUpperCase()) || $.LA(1).tokenType === K.WITH,
      DEF: () => {
        $.OR([
          {
            ALT: () => {
              $.CONSUME(T.Dot);
              $.CONSUME1(T.Identifier);
            },
          },
          {
            ALT: () => {
              $.CONSUME(K.WITH);
              $.OPTION(() => $.CONSUME(K.LOCAL));
              $.CONSUME(K.TIME);
              $.CONSUME(K.ZONE);
            },
          },
          { ALT: () => $.CONSUME2(T.Identifier) },
        ]);
      },
    });
    $.OPTION1(() => {
      $.CONSUME(T.LParen);
      $.AT_LEAST_ONE_SEP({
        SEP: T.Comma,
        DEF: () => {
          $.OR1([
            { ALT: () => $.CONSUME(T.NumberLit) },
            // `varchar(max)`, and a type nested in its arguments: Trino `ARRAY(ROW(sku VARCHAR, qty INTEGER))`.
            { ALT: () => $.SUBRULE($.dataType) },
            { ALT: () => $.CONSUME(T.StringLit) },
          ]);
          $.OPTION2(() => $.SUBRULE1($.dataType));
        },
      });
      $.CONSUME(T.RParen);
    });
    // `int[]`, `int[3]`; Vertica `ARRAY[VARCHAR(20)]`, `ARRAY[INT, 10]`, `SET[INT]`: the element type (and the most elements).
    $.MANY1(() => {
      $.CONSUME(T.LBracket);
      $.OPTION3(() =>
        $.OR2([
          { ALT: () => $.CONSUME1(T.NumberLit) },
          {
            ALT: () => {
              $.SUBRULE2($.dataType);
              $.OPTION4(() => {
                $.CONSUME1(T.Comma);
                $.CONSUME2(T.NumberLit);
              });
            },
          },
        ]),
      );
      $.CONSUME(T.RBracket);
    });
    return $.ACTION(() => this.textBetween(first.startOffset, end()));
  });

  /** A name, `t.*`, a typed literal (`DATE '2020-01-01'`), or a function call with its tails. */
  let nameTail: IOrAlt<Expr>[] | undefined;
  let dotAlts: IOrAlt<void>[] | undefined;
  const manyDot = () => {
    $.CONSUME(T.Dot);
    $.OR(dotAlts ??= [
      { ALT: () => { this.nameParts.push($.SUBRULE1($.ident)); } },
      { ALT: () => { this.nameStar = $.CONSUME(T.Star); } },
    ]);
  };
  this.nameOrCall = $.RULE('nameOrCall', (): Expr => {
    const savedParts = this.nameParts;
    const savedStar = this.nameStar;
    this.nameParts = [$.SUBRULE($.ident)];
    this.nameStar = undefined;
    $.MANY(manyDot);
    const r = $.OR1(nameTail ??= [
      {
        // Teradata `cust_id (TITLE 'x')`: the name is a column and the parentheses its attributes.
        GATE: () => !this.attributePhraseAhead(true),
        ALT: () => {
          const name = this.recording ? (undefined as never) : qname(this.nameParts);
          return $.SUBRULE($.funcTail, { ARGS: [name] });
        },
      },
      {
        GATE: () => typedLiteralType(this.nameParts),
        ALT: () => {
          const s = $.CONSUME(T.StringLit);
          if (this.recording) return undefined as never;
          const first = this.nameParts[0]!;
          const kind = TYPED_LITERAL.has(first.text.toUpperCase()) ? 'date' : 'other';
          return { k: 'lit', kind, text: this.textBetween(first.start, s.endOffset! + 1), start: first.start, end: s.endOffset! + 1 } as Expr;
        },
      },
      {
        ALT: () => {
          if (this.recording) return undefined as never;
          const q = qname(this.caps.dottedQuotedNames ? splitDotted(this.nameParts, this.text) : this.nameParts);
          if (this.nameStar) return { k: 'star', qualifier: q, start: q.start, end: end() } as Star;
          return { k: 'col', name: q, start: q.start, end: end() } as Expr;
        },
      },
    ]);
    this.nameParts = savedParts;
    this.nameStar = savedStar;
    return r;
  });

  const usingParameters = () => $.LA(1).tokenType === K.USING && /^PARAMETERS$/i.test($.LA(2).image);
  this.funcTail = $.RULE('funcTail', (name: QName): Expr => {
    $.CONSUME(T.LParen);
    const call: FuncCall = { k: 'func', name, args: [], start: name?.start, end: name?.end };
    // JSON_TABLE / XMLTABLE: arguments in a syntax of their own, and the rows' columns.
    $.option(10, { GATE: () => declaresColumns(name), DEF: () => $.SUBRULE($.docTableArgs, { ARGS: [call] }) });
    $.OPTION({
      GATE: () => {
        const t = $.LA(1);
        // `TRIM(FROM x)`: no other call's arguments start with FROM.
        if (t.tokenType === K.DISTINCT || t.tokenType === K.ALL || t.tokenType === K.FROM) return true;
        return TRIM_SPECS.has(t.image.toUpperCase()) && $.LA(2).tokenType !== T.Comma && $.LA(2).tokenType !== T.RParen;
      },
      DEF: () => {
      $.OR([
        {
          ALT: () => {
            $.CONSUME(K.DISTINCT);
            call.distinct = true;
          },
        },
        { ALT: () => $.CONSUME(K.ALL) },
        {
          // `TRIM(BOTH FROM x)`: the trim specification without characters.
          ALT: () => {
            $.CONSUME(T.Identifier);
            $.option(12, () => $.CONSUME1(K.FROM));
          },
        },
        { ALT: () => $.CONSUME2(K.FROM) },
      ]);
      },
    });
    $.OPTION1(() => {
      $.OR1([
        {
          ALT: () => {
            const s = $.CONSUME(T.Star);
            // DuckDB `COLUMNS(* EXCLUDE (id))`: a star with modifiers is an argument of its own.
            const star = $.option(15, {
              GATE: () => /^(EXCLUDE|EXCEPT|REPLACE|RENAME)$/i.test($.LA(1).image) && ($.LA(2).tokenType === T.LParen || tokenMatcher($.LA(2), T.Identifier)),
              DEF: () => {
                const st: Star = { k: 'star', start: s.startOffset, end: s.endOffset! + 1 };
                $.AT_LEAST_ONE({ GATE: () => /^(EXCLUDE|EXCEPT|REPLACE|RENAME)$/i.test($.LA(1).image), DEF: () => $.SUBRULE($.starModifier, { ARGS: [st] }) });
                return st;
              },
            });
            if (star) call.args.push(star);
            else call.starArg = true;
          },
        },
        {
          ALT: () => {
            call.args.push($.SUBRULE($.funcArg));
            $.MANY({
              GATE: () => !usingParameters(),
              DEF: () => {
                const sep = $.OR2([
                  { ALT: () => $.CONSUME(T.Comma) },
                  { ALT: () => $.CONSUME(K.FROM) },
                  { ALT: () => $.CONSUME(K.FOR) },
                  { ALT: () => $.CONSUME(K.AS) },
                  { ALT: () => $.CONSUME(K.USING) },
                  { ALT: () => $.CONSUME(K.SEPARATOR) },
                ]);
                const arg = $.SUBRULE1($.funcArg);
                // After AS comes a name (`STRUCT(s.a AS x)`) or a type (`SAFE_CAST(x AS INT64)`), never a column.
                if (!this.recording && sep.tokenType !== K.AS) call.args.push(arg);
              },
            });
          },
        },
      ]);
    });
    $.OPTION2(() => {
      $.CONSUME(K.ORDER);
      $.CONSUME(K.BY);
      call.orderBy = $.SUBRULE($.orderItems);
    });
    $.OPTION3(() => {
      $.CONSUME1(K.SEPARATOR);
      $.SUBRULE($.literal);
    });
    $.OPTION4({
      GATE: () => /^(IGNORE|RESPECT)$/i.test($.LA(1).image),
      DEF: () => {
        $.CONSUME1(T.Identifier);
        $.CONSUME(K.NULLS);
      },
    });
    $.OPTION5({
      GATE: () => $.LA(1).tokenType === K.LIMIT,
      DEF: () => {
        $.CONSUME(K.LIMIT);
        $.CONSUME(T.NumberLit);
      },
    });
    $.option(21, {
      // Vertica `LISTAGG(url USING PARAMETERS max_length = 4000)`: the function's constant settings, no data.
      GATE: usingParameters,
      DEF: () => {
        $.consume(22, K.USING);
        $.many(22, { GATE: () => $.LA(1).tokenType !== T.RParen && this.statementGoesOn(), DEF: () => $.consume(23, T.AnyToken) });
      },
    });
    $.option(20, {
      // Oracle `LISTAGG(x, ',' ON OVERFLOW TRUNCATE '..' WITH COUNT)`: how a too-long result is cut, no data.
      GATE: () => $.LA(1).tokenType === K.ON && /^OVERFLOW$/i.test($.LA(2).image),
      DEF: () => {
        $.consume(20, K.ON);
        $.many(20, { GATE: () => $.LA(1).tokenType !== T.RParen && this.statementGoesOn(), DEF: () => $.consume(21, T.AnyToken) });
      },
    });
    $.CONSUME(T.RParen);
    $.option(13, {
      // ClickHouse `quantile(0.9)(x)`: the first list held constant parameters, this one the arguments.
      GATE: () => this.caps.parametricCalls && $.LA(1).tokenType === T.LParen,
      DEF: () => {
        $.consume(13, T.LParen);
        const args: Expr[] = [];
        $.option(14, () => args.push(...list($.SUBRULE($.exprList))));
        $.consume(13, T.RParen);
        if (!this.recording) call.args = args;
      },
    });
    $.OPTION6(() => {
      $.CONSUME(K.WITHIN);
      $.CONSUME(K.GROUP);
      $.CONSUME2(T.LParen);
      $.CONSUME1(K.ORDER);
      $.CONSUME1(K.BY);
      call.withinGroup = $.SUBRULE1($.orderItems);
      $.CONSUME2(T.RParen);
    });
    $.option(11, {
      // Oracle `MAX(x) KEEP (DENSE_RANK FIRST|LAST ORDER BY y)`: y chooses the row whose x is taken.
      GATE: () => $.LA(1).tokenType === K.KEEP && $.LA(2).tokenType === T.LParen,
      DEF: () => {
        $.consume(11, K.KEEP);
        $.consume(11, T.LParen);
        $.consume(11, K.DENSE_RANK);
        $.consume(12, T.Identifier);
        $.consume(11, K.ORDER);
        $.consume(11, K.BY);
        const keep = $.SUBRULE2($.orderItems);
        if (!this.recording) call.orderBy = [...(call.orderBy ?? []), ...keep];
        $.consume(11, T.RParen);
      },
    });
    $.OPTION7(() => {
      $.CONSUME(K.FILTER);
      $.CONSUME3(T.LParen);
      $.CONSUME(K.WHERE);
      call.filter = $.SUBRULE($.expr);
      $.CONSUME3(T.RParen);
    });
    // Oracle, Snowflake `NTH_VALUE(x, n) FROM FIRST | LAST [IGNORE NULLS] OVER (..)`: where the count starts (no lineage).
    $.option(16, {
      GATE: () => this.nthFromAhead(),
      DEF: () => {
        $.consume(16, K.FROM);
        $.consume(16, T.AnyToken);
      },
    });
    $.OPTION8({
      GATE: () => /^(IGNORE|RESPECT)$/i.test($.LA(1).image) && $.LA(2).tokenType === K.NULLS,
      DEF: () => {
        $.CONSUME2(T.Identifier);
        $.CONSUME1(K.NULLS);
      },
    });
    $.OPTION9(() => {
      $.CONSUME(K.OVER);
      call.over = $.SUBRULE($.windowRef);
    });
    return $.ACTION(() => {
      call.end = end();
      return call;
    });
  });

  /** A function argument: an expression, a named argument (`name => expr`), or a query (`ARRAY(SELECT ...)`). */
  let argAlts: IOrAlt<Expr>[] | undefined;
  this.funcArg = $.RULE('funcArg', (): Expr => {
    return $.OR(argAlts ??= {
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          // `name => expr` (any word, also a keyword: Snowflake `outer => true`) and `name := expr`
          // (PostgreSQL's older named notation, DuckDB `struct_pack(a := x)`): kept as an `=>`
          // operator whose first argument is the name, so the name is never read as a column.
          GATE: () => namedArgAhead($.LA(1), $.LA(2)),
          ALT: () => {
            const n = $.OR9([{ ALT: () => $.CONSUME(T.Identifier) }, { ALT: () => $.CONSUME(K.OUTER) }]);
            $.or(11, [{ GATE: () => $.LA(1).tokenType === T.Arrow, ALT: () => $.CONSUME1(T.Arrow) }, { ALT: () => $.CONSUME1(T.Operator) }]);
            const v = $.SUBRULE2($.expr);
            return this.recording
              ? v
              : ({ k: 'op', op: '=>', args: [{ k: 'lit', kind: 'other', text: n.image, start: n.startOffset, end: n.endOffset! + 1 }, v], start: n.startOffset, end: v.end } as Expr);
          },
        },
        {
          // T-SQL `OPENROWSET(BULK 'https://../*.parquet', FORMAT = 'PARQUET')`: the files read.
          GATE: () => $.LA(1).tokenType === K.BULK && $.LA(2).tokenType === T.StringLit,
          ALT: () => {
            const b = $.CONSUME(K.BULK);
            const path = $.CONSUME(T.StringLit);
            return $.ACTION((): Expr => ({ k: 'op', op: 'BULK', args: [{ k: 'lit', kind: 'string', text: path.image, start: path.startOffset, end: path.endOffset! + 1 }], start: b.startOffset, end: end() }));
          },
        },
        {
          // BigQuery `ML.PREDICT(MODEL m, TABLE t)`, `f(TABLE t)`: a model or table passed whole,
          // read as `(SELECT * FROM t)`.
          GATE: () => /^(MODEL|TABLE)$/i.test($.LA(1).image) && tokenMatcher($.LA(2), T.Identifier) && $.LA(3).tokenType !== T.Arrow,
          ALT: () => {
            const kw = $.or(10, [{ ALT: () => $.CONSUME(K.TABLE) }, { ALT: () => $.CONSUME3(T.Identifier) }]);
            const name = $.SUBRULE($.qname);
            return $.ACTION((): Expr => ({ k: 'subquery', mode: 'scalar', query: selectAll([tableOfName(name)], name, name.start, name.end), start: kw.startOffset, end: name.end }));
          },
        },
        {
          ALT: () => {
            const e = $.SUBRULE($.expr);
            const named = $.OPTION(() => {
              $.CONSUME(T.Arrow);
              return $.SUBRULE1($.expr);
            });
            return named ?? e;
          },
        },
        {
          ALT: () => {
            const q = $.SUBRULE($.query);
            return this.recording ? (undefined as never) : ({ k: 'subquery', mode: 'array', query: q, start: q.start, end: q.end } as Expr);
          },
        },
      ],
    } as never);
  });

  this.windowRef = $.RULE('windowRef', (): WindowSpec => {
    return $.OR([
      {
        ALT: () => {
          const id = $.SUBRULE($.ident);
          return $.ACTION((): WindowSpec => ({ ref: id, partitionBy: [], orderBy: [], start: id.start, end: id.end }));
        },
      },
      { ALT: () => $.SUBRULE($.windowSpec) },
    ]);
  });

  this.windowSpec = $.RULE('windowSpec', (): WindowSpec => {
    const lp = $.CONSUME(T.LParen);
    const spec: WindowSpec = { partitionBy: [], orderBy: [], start: lp.startOffset, end: 0 };
    $.OPTION({
      GATE: () => $.LA(1).tokenType !== K.PARTITION && $.LA(1).tokenType !== K.ORDER && !/^(ROWS|RANGE|GROUPS)$/i.test($.LA(1).image),
      DEF: () => {
        spec.ref = $.SUBRULE($.ident);
      },
    });
    $.OPTION1(() => {
      $.CONSUME(K.PARTITION);
      $.or(7, [
        {
          // Vertica `MAPITEMS(m) OVER (PARTITION BEST | NODES | ROW | AUTO)`: how a transform
          // function's rows are spread over the nodes (no column).
          GATE: () => this.caps.queryClauses.has('transformPartition') && /^(BEST|NODES|ROW|AUTO)$/i.test($.LA(1).image),
          ALT: () => $.consume(7, T.AnyToken),
        },
        {
          ALT: () => {
            $.CONSUME(K.BY);
            spec.partitionBy = $.SUBRULE($.exprList);
          },
        },
      ]);
    });
    $.OPTION2(() => {
      $.CONSUME(K.ORDER);
      $.CONSUME1(K.BY);
      spec.orderBy = $.SUBRULE($.orderItems);
    });
    $.option(5, {
      // Teradata `ORDER BY d RESET WHEN cond`: a new partition starts at each row where cond holds.
      GATE: () => this.caps.queryClauses.has('resetWhen') && /^RESET$/i.test($.LA(1).image) && $.LA(2).tokenType === K.WHEN,
      DEF: () => {
        $.consume(5, T.Identifier);
        $.consume(5, K.WHEN);
        spec.resetWhen = $.subrule(5, $.expr);
      },
    });
    $.OPTION3(() => {
      const f = $.OR([{ ALT: () => $.CONSUME(K.ROWS) }, { ALT: () => $.CONSUME(K.RANGE) }, { ALT: () => $.CONSUME(K.GROUPS) }]);
      $.OR1([
        {
          ALT: () => {
            $.CONSUME(K.BETWEEN);
            $.SUBRULE($.frameBound);
            $.CONSUME(K.AND);
            $.SUBRULE1($.frameBound);
          },
        },
        { ALT: () => $.SUBRULE2($.frameBound) },
      ]);
      $.OPTION4(() => {
        $.CONSUME(K.EXCLUDE);
        $.AT_LEAST_ONE(() => $.CONSUME(T.Identifier));
      });
      $.ACTION(() => (spec.frame = this.textBetween(f.startOffset, end())));
    });
    $.CONSUME(T.RParen);
    return $.ACTION(() => {
      spec.end = end();
      return spec;
    });
  });

  this.frameBound = $.RULE('frameBound', () => {
    $.OR([
      {
        ALT: () => {
          $.CONSUME(K.UNBOUNDED);
          $.OR1([{ ALT: () => $.CONSUME(K.PRECEDING) }, { ALT: () => $.CONSUME(K.FOLLOWING) }]);
        },
      },
      {
        ALT: () => {
          $.CONSUME(K.CURRENT);
          $.CONSUME(K.ROW);
        },
      },
      {
        ALT: () => {
          $.SUBRULE($.arith);
          $.OR2([{ ALT: () => $.CONSUME1(K.PRECEDING) }, { ALT: () => $.CONSUME1(K.FOLLOWING) }]);
        },
      },
    ]);
  });

  this.orderItems = $.RULE('orderItems', (): OrderItem[] => {
    if (!this.recording && this.fast !== undefined) {
      const fast = this.fast.orderList();
      if (fast !== undefined) return fast;
    }
    const items: OrderItem[] = [];
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        // `ORDER BY ALL [ASC | DESC] [NULLS FIRST | LAST]` (DuckDB, Snowflake, Databricks): by every
        // output column, no item of its own.
        const expr = $.OR9([
          {
            GATE: () => $.LA(1).tokenType === K.ALL,
            ALT: () => {
              $.CONSUME(K.ALL);
              return undefined;
            },
          },
          { ALT: () => $.SUBRULE($.expr) },
        ]);
        let desc = false;
        $.OPTION(() => {
          $.OR([
            { ALT: () => $.CONSUME(K.ASC) },
            {
              ALT: () => {
                $.CONSUME(K.DESC);
                desc = true;
              },
            },
          ]);
        });
        $.OPTION1(() => {
          $.CONSUME(K.NULLS);
          $.OR1([{ ALT: () => $.CONSUME(K.FIRST) }, { ALT: () => $.CONSUME(K.LAST) }]);
        });
        // ClickHouse `ORDER BY d WITH FILL [FROM a] [TO b] [STEP c]`: rows added for the missing
        // values of d; the bounds and the step are constants.
        $.OPTION2({
          GATE: () => $.LA(1).tokenType === K.WITH && /^FILL$/i.test($.LA(2).image) && this.caps.queryClauses.has('withFill'),
          DEF: () => {
            $.CONSUME(K.WITH);
            $.CONSUME(T.Identifier);
            $.OPTION3(() => {
              $.CONSUME(K.FROM);
              $.SUBRULE1($.expr);
            });
            $.OPTION4(() => {
              $.CONSUME(K.TO);
              $.SUBRULE2($.expr);
            });
            $.OPTION5({
              GATE: () => /^STEP$/i.test($.LA(1).image),
              DEF: () => {
                $.CONSUME1(T.Identifier);
                $.SUBRULE3($.expr);
              },
            });
          },
        });
        if (expr) items.push({ expr, desc });
      },
    });
    return items;
  });
}

/**
 * `name =>` or `name :=` opens a named argument. `:=` only after a plain word: MySQL's
 * `f(@v := x)` assigns a user variable and is an expression.
 */
function namedArgAhead(t1: IToken, t2: IToken): boolean {
  if (t2.tokenType === T.Arrow) return true;
  return t2.tokenType === T.Operator && t2.image === ':=' && (tokenMatcher(t1, T.Identifier) || t1.tokenType === K.OUTER);
}

/** `ANY v IN`, `EVERY v WITHIN`, `ANY AND EVERY`, `ARRAY x FOR`, `FIRST x FOR` ahead (N1QL collection expressions). */
/** `NEXT VALUE FOR`, `PREVIOUS VALUE FOR`, `NEXTVAL FOR`, `PREVVAL FOR` start the next expression (the fast path leaves them to the rule). */
export function nextValueAhead(t1: IToken, t2: IToken, t3: IToken): boolean {
  // FOR first: the fast path asks this of every name it reads.
  if (t2.tokenType === K.FOR) return /^(nextval|prevval)$/i.test(t1.image) && tokenMatcher(t1, T.Identifier);
  return t3.tokenType === K.FOR && /^(next|previous)$/i.test(t1.image) && /^value$/i.test(t2.image) && tokenMatcher(t1, T.Identifier) && tokenMatcher(t2, T.Identifier);
}

function collectionAhead(t1: IToken, t2: IToken, t3: IToken): boolean {
  const w = t1.image.toUpperCase();
  if (w === 'ANY' || w === 'SOME' || w === 'EVERY') return t2.tokenType === K.AND || (tokenMatcher(t2, T.Identifier) && /^(IN|WITHIN)$/i.test(t3.image));
  if (w === 'ARRAY' || w === 'FIRST') return t2.tokenType !== T.LBracket && t2.tokenType !== T.LParen && t2.image !== '<' && t2.tokenType !== T.RParen && t2.tokenType !== T.Comma;
  return false;
}
