/**
 * Token vocabulary of the SQL grammar. Tokens are produced by the hand-written scanner in
 * src/lexer (one pass, capability-driven), never by a Chevrotain Lexer, so every TokenType uses
 * `Lexer.NA`. Keywords are looked up in a Map by upper-cased image.
 *
 * Soft keywords (the grammar uses them, but they stay valid names) carry the `Identifier`
 * category, so `CONSUME(Identifier)` accepts them. Reserved keywords do not.
 */
import { createToken, Lexer, type TokenType } from './chevrotain.js';
import { categorize } from './internals.js';

/** Category of every token: lets the grammar skip text it does not model (`skipBalanced`). */
export const AnyToken = createToken({ name: 'AnyToken', pattern: Lexer.NA });
export const Identifier = createToken({ name: 'Identifier', pattern: Lexer.NA, categories: [AnyToken] });
/** Plain unquoted name. */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA, categories: [Identifier, AnyToken] });
/** "quoted", [bracketed] or `backticked` name. */
export const QuotedName = createToken({ name: 'QuotedName', pattern: Lexer.NA, categories: [Identifier, AnyToken] });
/** @var, @@global, :bind, ?, $1, &subst. */
export const Variable = createToken({ name: 'Variable', pattern: Lexer.NA, categories: [AnyToken] });
export const NumberLit = createToken({ name: 'NumberLit', pattern: Lexer.NA, categories: [AnyToken] });
export const StringLit = createToken({ name: 'StringLit', pattern: Lexer.NA, categories: [AnyToken] });
/** T-SQL `GO` alone on a line; SQL*Plus `/` alone on a line. Splitter-only. */
export const BatchSep = createToken({ name: 'BatchSep', pattern: Lexer.NA, categories: [AnyToken] });

const p = (name: string) => createToken({ name, pattern: Lexer.NA, categories: [AnyToken] });
export const LParen = p('LParen');
export const RParen = p('RParen');
export const LBracket = p('LBracket');
export const RBracket = p('RBracket');
export const LBrace = p('LBrace');
export const RBrace = p('RBrace');
export const Comma = p('Comma');
export const Dot = p('Dot');
export const Semicolon = p('Semicolon');
export const Colon = p('Colon');
export const DoubleColon = p('DoubleColon');
export const Star = p('Star');
export const Eq = p('Eq');
/** `=>` named argument. */
export const Arrow = p('Arrow');
/** Every other binary operator: + - / % || <> != < > <= >= & | ^ << >> -> ->> @> etc. */
export const Operator = p('Operator');
export const Minus = createToken({ name: 'Minus', pattern: Lexer.NA, categories: [Operator, AnyToken] });
export const Plus = createToken({ name: 'Plus', pattern: Lexer.NA, categories: [Operator, AnyToken] });
export const Tilde = p('Tilde');
/** Oracle outer-join marker `(+)` as a single token. */
export const OuterJoinMark = p('OuterJoinMark');

/** Reserved keywords: never names unless quoted. */
export const RESERVED = [
  'ALL', 'AND', 'ANY', 'AS', 'BETWEEN', 'BY', 'CASE', 'CAST', 'CREATE', 'CROSS', 'DELETE',
  'DISTINCT', 'DROP', 'ELSE', 'END', 'EXCEPT', 'EXISTS', 'FALSE', 'FETCH', 'FOR', 'FROM', 'FULL',
  'GROUP', 'HAVING', 'IN', 'INNER', 'INSERT', 'INTERSECT', 'INTO', 'IS', 'JOIN', 'LEFT', 'LIKE',
  'ILIKE', 'LIMIT', 'MERGE', 'NATURAL', 'NOT', 'NULL', 'ON', 'OR', 'ORDER', 'OUTER',
  'RIGHT', 'SELECT', 'SET', 'SOME', 'THEN', 'TRUE', 'UNION', 'UPDATE', 'USING', 'VALUES',
  'WHEN', 'WHERE', 'WITH', 'ALTER', 'TRUNCATE',
  'OVER', 'INTERVAL', 'EXTRACT',
] as const;

/** Soft keywords: used by the grammar but valid as names. */
export const SOFT = [
  'ASC', 'DESC', 'NULLS', 'FIRST', 'LAST', 'ROWS', 'RANGE', 'GROUPS', 'UNBOUNDED', 'PRECEDING',
  'FOLLOWING', 'CURRENT', 'ROW', 'PARTITION', 'FILTER', 'WITHIN', 'RECURSIVE', 'TABLE', 'VIEW',
  'TEMPORARY', 'TEMP', 'REPLACE', 'IF', 'MATERIALIZED', 'RENAME', 'TO', 'USE', 'DEFAULT', 'MATCHED',
  'SOURCE', 'TARGET', 'NOTHING', 'DO', 'CONFLICT', 'DUPLICATE', 'KEY', 'OVERWRITE', 'DIRECTORY',
  'LOCAL', 'GLOBAL', 'COLUMN', 'ADD', 'ONLY', 'TRY_CAST', 'SAFE_CAST', 'CONVERT', 'ROLLUP', 'CUBE',
  'GROUPING', 'SETS', 'ESCAPE', 'UNKNOWN', 'SEPARATOR', 'EXCLUDE', 'PRIOR', 'NOCYCLE', 'SIBLINGS',
  'PERCENT', 'TIES', 'NEXT', 'VOLATILE', 'TRANSIENT', 'EXTERNAL', 'UNLOGGED', 'TABLESAMPLE',
  'ARRAY', 'STRUCT', 'MAP', 'AT', 'ZONE', 'TIME', 'DATE', 'TIMESTAMP', 'COLLATE',
  'CHARACTER', 'VARYING', 'DOUBLE', 'PRECISION', 'UNSIGNED', 'PROCEDURE', 'FUNCTION', 'TRIGGER',
  'PACKAGE', 'BODY', 'BEGIN', 'DECLARE', 'EXEC', 'EXECUTE', 'RETURN', 'RETURNS', 'LANGUAGE',
  'WHILE', 'LOOP', 'ELSIF', 'ELSEIF', 'EXCEPTION', 'CURSOR', 'IMMEDIATE', 'OUTPUT', 'OUT', 'INOUT',
  'TRAN', 'TRANSACTION', 'COMMIT', 'ROLLBACK', 'INDEX', 'UNIQUE', 'PRIMARY', 'FOREIGN',
  'REFERENCES', 'CONSTRAINT', 'CHECK', 'SCHEMA', 'DATABASE', 'SEQUENCE', 'TYPE', 'SYNONYM',
  'CASCADE', 'RESTRICT', 'PURGE', 'LOCATION', 'STORED', 'CLUSTER', 'DISTRIBUTE', 'SORT',
  'UNNEST', 'OF', 'BULK', 'COLLECT', 'FORALL', 'EXIT', 'CONTINUE', 'OPEN', 'CLOSE',
  'RAISE', 'SEMI', 'ANTI', 'ASOF', 'STRAIGHT_JOIN', 'ALGORITHM', 'DEFINER',
  'SECURITY', 'INVOKER', 'COMMENT', 'OWNER', 'COPY', 'UNLOAD', 'MODEL', 'DIV', 'MOD', 'XOR',
  'BINARY', 'LIST', 'SYMMETRIC', 'CLONE', 'TRY_CONVERT', 'INCLUDE', 'DELAYED', 'IGNORE', 'LOW_PRIORITY', 'HIGH_PRIORITY', 'WAIT', 'NOWAIT', 'SKIP', 'LOCKED', 'SHARE', 'MODE', 'STRAIGHT', 'KEEP',
  'DENSE_RANK', 'SAMPLE', 'START', 'CONNECT', 'TOP', 'OFFSET', 'WINDOW', 'LATERAL', 'PIVOT',
  'UNPIVOT', 'RETURNING', 'GO', 'OPTION', 'APPLY', 'RLIKE', 'REGEXP', 'SIMILAR', 'OVERLAPS', 'QUALIFY', 'MINUS',
  'PRINT', 'BREAK', 'THROW', 'RAISERROR', 'DEALLOCATE', 'GRANT', 'REVOKE', 'NOCOUNT',
  'ENFORCED', 'LOG', 'ERRORS', 'REJECT', 'FORMAT', 'OPTIONS', 'PARTITIONED', 'CLUSTERED', 'YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'WEEK', 'QUARTER',
  'MATCH_RECOGNIZE',
] as const;

export type KeywordName = (typeof RESERVED)[number] | (typeof SOFT)[number];

// Categories wired by `categorize`: createToken({ categories }) is quadratic in the number of keywords.
const keyword = (word: string, categories: TokenType[]): [string, TokenType] => {
  const t = createToken({ name: `K_${word}`, pattern: Lexer.NA });
  categorize(t, categories);
  return [word, t];
};
// Built in one step: an object given its ~270 keys one at a time falls into V8's dictionary mode,
// and every `K.WORD` on the hot paths (splitter, scanner, fast path) would be a hash lookup.
const kw: Record<string, TokenType> = Object.fromEntries([
  ...RESERVED.map((word) => keyword(word, [AnyToken])),
  ...SOFT.map((word) => keyword(word, [Identifier, AnyToken])),
]);

/** Keyword token types by upper-case word. */
export const K = kw as Record<string, TokenType>;

export const KEYWORDS: ReadonlyMap<string, TokenType> = new Map([
  ...Object.entries(kw),
  // Oracle's hierarchical unary operator reads its operand like PRIOR does.
  ['CONNECT_BY_ROOT', kw.PRIOR!],
]);

export const ALL_TOKENS: TokenType[] = [
  AnyToken, Identifier, Name, QuotedName, Variable, NumberLit, StringLit, BatchSep,
  LParen, RParen, LBracket, RBracket, LBrace, RBrace, Comma, Dot, Semicolon, Colon, DoubleColon,
  Star, Eq, Arrow, Operator, Minus, Plus, Tilde, OuterJoinMark,
  ...Object.values(kw),
];
