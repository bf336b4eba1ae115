/**
 * The SQL parser: one Chevrotain EmbeddedActionsParser whose rules live in chapter files
 * (expressions, query, statements, procedural). Rules build the typed AST (src/ast) directly.
 * One instance per dialect (capabilities differ), built lazily by src/parse/parse.ts.
 */
import { CachedLookahead, recordedGrammar } from './lookahead.js';
import { EmbeddedActionsParser, EOF, tokenMatcher, type IToken } from './chevrotain.js';
import type * as A from '../src/ast/nodes.js';
import type { Semantics } from '../src/dialects/spec.js';
import { ident, type Step } from './build.js';
import type { Dsl } from './dsl.js';
import { defineDocTableRules } from './doc-tables.js';
import { attributePhraseAt, defineExpressionRules } from './expressions.js';
import { FastQuery } from './fastquery.js';
import { isRecording, position, replayingRules, seek } from './internals.js';
import { definePathRules } from './paths.js';
import type { ProcDialect } from './procbase.js';
import type { TextDiagnostic } from '../src/diagnostics/diagnostic.js';
import { defineProceduralRules } from './procedural.js';
import { definePivotStatementRules } from './pivot-statement.js';
import { defineQueryRules, ISOLATION, type Model } from './query.js';
import { defineStatementRules } from './statements.js';
import * as T from './tokens.js';
import { NO_LINEAGE_WORDS } from './words.js';
import { describe, syntaxError } from './messages.js';

const K = T.K;

const SORT_WORDS = new Set(['CLUSTER', 'DISTRIBUTE', 'SORT']);

/** Soft keywords that start a statement (used to separate statements without semicolons). */
const STATEMENT_WORDS = new Set([
  'DECLARE', 'IF', 'BEGIN', 'EXEC', 'EXECUTE', 'RETURN', 'PRINT', 'WHILE', 'COMMIT', 'ROLLBACK', 'USE', 'GO',
  'OPEN', 'CLOSE', 'DEALLOCATE', 'RAISERROR', 'THROW', 'GRANT', 'REVOKE', 'BREAK', 'CONTINUE', 'FETCH',
  'REPLACE', 'WAITFOR', 'SAVE', 'GOTO', 'DBCC', 'BACKUP', 'RESTORE',
]);

/** First words of statements that name queries' words without holding a query (`GRANT SELECT, INSERT ON t`, `EXPLAIN SELECT ..`). */
const QUERY_FREE = new Set(['GRANT', 'REVOKE', 'DENY', 'AUDIT', 'NOAUDIT', 'EXPLAIN', 'DESCRIBE', 'DESC', 'SHOW', 'HELP', 'CACHE']);

const POLICY = /^(CREATE|ALTER)( OR REPLACE)?( ROW ACCESS| MASKING)? POLICY\b/i;

/**
 * Do `toks[first..last]` hold a query or a data change: `SELECT .. FROM`, `UPDATE t .. SET` (FROM /
 * SET at the same depth), `INSERT INTO | OVERWRITE`, `DELETE FROM`, `MERGE INTO`?
 */
function holdsQuery(toks: IToken[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const t = toks[i]!.tokenType;
    const n = toks[i + 1]?.tokenType;
    if ((t === K.INSERT && (n === K.INTO || n === K.OVERWRITE)) || (t === K.DELETE && n === K.FROM) || (t === K.MERGE && n === K.INTO)) return true;
    if (t !== K.SELECT && t !== K.UPDATE) continue;
    const want = t === K.SELECT ? K.FROM : K.SET;
    let depth = 0;
    for (let j = i + 1; j <= last; j++) {
      const u = toks[j]!.tokenType;
      if (u === T.LParen) depth++;
      else if (u === T.RParen) {
        if (depth-- === 0) break;
      } else if (depth === 0 && u === want) return true;
    }
  }
  return false;
}

/** A rule as the chapters call it: occurrence index, then the rule's own arguments. */
type R<T> = (idx?: number, ...args: any[]) => T;

/**
 * The tokens of the SQL held by string literal tokens (dynamic SQL), scanned in place with the
 * dialect's lexical rules, and the text they were scanned from (the file's text with the
 * literals' quotes and escapes blanked, so offsets are the file's).
 */
export type Relexer = (text: string, lits: IToken[]) => { text: string; tokens: IToken[] };

/** What the grammar knows of a dialect: its semantics (never its lexical flags) and its re-lexer. */
export interface ParserCaps extends Semantics {
  relex: Relexer;
}

export interface ParsedStatements {
  statements: A.Statement[];
  /** One per failed statement; `span` is the failed statement's text (absent for errors inside a routine that parsed). */
  errors: TextDiagnostic[];
}

const INDEX_HINT = /^(USE|FORCE|IGNORE)$/i;
const INDEX_WORD = /^(INDEX|KEY)$/i;

export class SqlParser extends EmbeddedActionsParser {
  text = '';
  // Rules (assigned by the chapter functions).
  ident!: (idx?: number) => A.Ident;
  qname!: (idx?: number) => A.QName;
  expr!: (idx?: number) => A.Expr;
  arith!: (idx?: number) => A.Expr;
  binaryStep!: R<Step>;
  quantified!: R<A.Expr>;
  predicateStep!: R<Step>;
  quantifiedKeyword!: R<void>;
  exprList!: (idx?: number) => A.Expr[];
  unary!: (idx?: number) => A.Expr;
  postfix!: R<A.Expr>;
  attributePhrase!: R<A.Expr>;
  primary!: (idx?: number) => A.Expr;
  literal!: (idx?: number) => A.Expr;
  parenExpr!: R<A.Expr>;
  caseExpr!: R<A.Expr>;
  castExpr!: R<A.Expr>;
  intervalExpr!: R<A.Expr>;
  extractExpr!: R<A.Expr>;
  nextValueExpr!: R<A.Expr>;
  objectLiteral!: R<A.Expr>;
  collectionExpr!: R<A.Expr>;
  dataType!: (idx?: number) => string;
  nameOrCall!: (idx?: number) => A.Expr;
  funcTail!: R<A.Expr>;
  funcArg!: R<A.Expr>;
  docTableArgs!: R<void>;
  docColumns!: R<A.DeclaredColumn[]>;
  declaredColumns!: R<A.DeclaredColumn[]>;
  windowRef!: R<A.WindowSpec>;
  windowSpec!: (idx?: number) => A.WindowSpec;
  frameBound!: R<void>;
  orderItems!: (idx?: number) => A.OrderItem[];
  withClause!: (idx?: number) => A.With;
  cte!: R<A.Cte>;
  identList!: (idx?: number) => A.Ident[];
  query!: (idx?: number) => A.Query;
  setExpr!: (idx?: number) => A.Query;
  queryTerm!: R<A.Query>;
  valuesRows!: (idx?: number) => A.Expr[][];
  queryTail!: R<{ orderBy?: A.OrderItem[]; limit?: A.Expr; offset?: A.Expr; limitBy?: A.Expr[] }>;
  selectCore!: R<A.Select>;
  hierarchical!: R<A.Expr>;
  groupItem!: R<A.Expr[]>;
  selectItem!: (idx?: number) => A.SelectItem;
  starModifier!: R<void>;
  alias!: R<A.Ident>;
  tableRefs!: (idx?: number) => A.TableRef[];
  tableRef!: (idx?: number) => A.TableRef;
  joinPart!: R<A.TableRef>;
  lateralView!: R<A.TableRef>;
  arrayJoin!: R<A.TableRef>;
  documentJoin!: R<A.TableRef>;
  matchRecognize!: R<A.TableRef>;
  pivot!: R<A.TableRef>;
  pivotAggregates!: R<{ aggregates: A.Expr[]; aggregateAliases: (A.Ident | undefined)[] }>;
  pivotStatement!: R<A.Select>;
  pivotWider!: R<Omit<A.PivotRef, 'source' | 'start' | 'end'>>;
  pivotLonger!: R<Omit<A.PivotRef, 'source' | 'start' | 'end'>>;
  tablePrimary!: (idx?: number) => A.TableRef;
  namedTable!: R<A.TableRef>;
  tableAlias!: R<{ alias?: A.Ident; columnAliases?: A.DeclaredColumn[] }>;
  skipBalanced!: R<void>;
  modelClause!: R<Model>;
  intoTargets!: R<(A.QName | IToken)[]>;
  modelColumns!: R<{ expr: A.Expr; alias?: A.Ident }[]>;
  settingsClause!: R<void>;
  transformTail!: R<A.SelectItem[]>;
  rowFormat!: R<void>;
  tokenOrGroup!: R<void>;
  limitBy!: R<A.Expr[]>;
  temporal!: R<void>;
  outfile!: R<string>;
  statementWithSemi!: (idx?: number) => A.Statement;
  statement!: (idx?: number) => A.Statement;
  withStatement!: R<A.Statement>;
  fromFirst!: R<A.Statement>;
  ifNotExists!: R<void>;
  partitionSpec!: R<A.PartitionColumns>;
  createTask!: R<A.Statement>;
  insertStmt!: R<A.Statement>;
  columnNameList!: R<A.Ident[]>;
  upsertClause!: R<{ sets: A.Assignment[]; where?: A.Expr }>;
  documentKeyValue!: R<A.Expr | undefined>;
  multiInsert!: R<A.Statement>;
  assignments!: (idx?: number) => A.Assignment[];
  assignment!: R<A.Assignment>;
  outputClause!: R<void>;
  topClause!: R<void>;
  updateStmt!: R<A.Statement>;
  dmlTail!: R<A.SelectItem[] | undefined>;
  returning!: R<A.SelectItem[]>;
  errorLogging!: R<void>;
  tableHints!: R<void>;
  createStream!: R<A.Statement>;
  dmlWhere!: R<{ where?: A.Expr; currentOf?: A.Ident }>;
  deleteStmt!: R<A.Statement>;
  mergeStmt!: R<A.Statement>;
  mergeWhen!: R<A.MergeWhen>;
  createStmt!: R<A.Statement>;
  columnDef!: R<A.ColumnDef>;
  createTable!: R<A.Statement>;
  createView!: R<A.Statement>;
  dropStmt!: R<A.Statement>;
  alterStmt!: R<A.Statement>;
  truncateStmt!: R<A.Statement>;
  useStmt!: R<A.Statement>;
  renameStmt!: R<A.Statement>;
  otherStmt!: R<A.Statement>;
  identifierName!: R<A.QName>;
  createPipe!: R<A.Statement>;
  createProjection!: R<A.Statement>;
  createModel!: R<A.Statement>;
  createDictionary!: R<A.Statement>;
  applyChanges!: R<A.Statement>;
  copyStmt!: R<A.Statement>;
  unloadStmt!: R<A.Statement>;
  loadStmt!: R<A.Statement>;
  exportStmt!: R<A.Statement>;
  transferStmt!: R<A.Statement>;
  skipUntilQuery!: R<void>;
  procedural!: R<A.Statement>;
  createRoutine!: R<A.Statement>;

  /** Procedural layer of the dialect (T-SQL, PL/SQL), set by defineProceduralRules. */
  proc: ProcDialect | undefined;
  /** Errors of statements inside a routine body that failed while the routine itself parsed. */
  innerErrors: TextDiagnostic[] = [];
  /** OUTPUT ... INTO of the DML statement being parsed (T-SQL). */
  output: A.OutputClause[] | undefined;
  /** The items of the last OUTPUT clause parsed, with or without INTO (composable DML reads them). */
  outputItems: A.SelectItem[] | undefined;

  /** `grammarKey`: the parser's key among the grammars recorded at build time (its dialect; see lookahead.ts). */
  constructor(
    readonly caps: ParserCaps,
    grammarKey?: string,
  ) {
    super(T.ALL_TOKENS, {
      maxLookahead: 1,
      skipValidations: process.env.SQLFLOW_GRAMMAR_CHECKS !== '1',
      lookaheadStrategy: new CachedLookahead(1, T.ALL_TOKENS, grammarKey),
    });
    defineExpressionRules.call(this);
    defineDocTableRules.call(this);
    defineQueryRules.call(this);
    definePivotStatementRules.call(this);
    defineStatementRules.call(this);
    definePathRules.call(this);
    defineProceduralRules.call(this);
    const recorded = grammarKey === undefined ? undefined : recordedGrammar(grammarKey, T.ALL_TOKENS);
    if (recorded) replayingRules(this, recorded.rules, () => this.performSelfAnalysis());
    else this.performSelfAnalysis();
    if (process.env.SQLFLOW_FAST_PATH !== '0') this.fast = new FastQuery(this);
  }

  /** The fast path of hot rules (grammars/fastexpr.ts, fastquery.ts); SQLFLOW_FAST_PATH=0 turns it off. */
  fast: FastQuery | undefined;

  /** True while Chevrotain records the grammar (rules then run with placeholder values). */
  get recording(): boolean {
    return isRecording(this);
  }

  /** Parts of the name being read by `nameOrCall`. */
  nameParts: A.Ident[] = [];
  nameStar: IToken | undefined;

  /** Operand of the postfix loop in `unary` (kept on the instance so the loop body is allocated once). */
  postfixBase: A.Expr | undefined;

  private stepStack: Step[][] = [];
  private steps: Step[] = [];

  /** Binary steps of the innermost `expr` being parsed. */
  pushStep(s: Step): void {
    this.steps.push(s);
  }

  takeSteps(): Step[] {
    const s = this.steps;
    this.steps = this.stepStack.pop() ?? [];
    return s;
  }

  beginSteps(): void {
    this.stepStack.push(this.steps);
    this.steps = [];
  }

  get dsl(): Dsl & this {
    return this as Dsl & this;
  }

  la(n: number): IToken {
    return this.LA(n);
  }

  atEnd(): boolean {
    return this.LA(1).tokenType === EOF;
  }

  /** Neither `;` nor the end of input next: the statement has more tokens. */
  statementGoesOn(): boolean {
    const t = this.LA(1).tokenType;
    return t !== T.Semicolon && t !== EOF;
  }

  textBetween(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  /** The last run of `(` scanned by startsQuery: token indexes [from, to) in `runTokens`. */
  private runTokens: unknown;
  private runFrom = -1;
  private runTo = -1;

  /** Does a query (SELECT / WITH / VALUES, possibly behind parentheses) start at LA(i)? */
  startsQuery(i: number): boolean {
    // The run of `(` is remembered, so that N nested parentheses cost O(N), not O(N²).
    const here = position(this);
    const at = here + i;
    let n: number;
    if (this.runTokens === this.input && at >= this.runFrom && at <= this.runTo) n = this.runTo - here;
    else {
      n = i;
      while (this.LA(n).tokenType === T.LParen) n++;
      this.runTokens = this.input;
      this.runFrom = at;
      this.runTo = here + n;
    }
    const t = this.LA(n).tokenType;
    // A PIVOT / UNPIVOT where a query starts is DuckDB's statement (after a FROM item it is the table operator).
    if (t === K.TABLE) return this.caps.tableQueries && tokenMatcher(this.LA(n + 1), T.Identifier);
    return t === K.SELECT || t === K.WITH || (t === K.FROM && (this.caps.fromFirstQueries || (this.caps.fromFirstSubqueries && this.LA(n - 1).tokenType === T.LParen))) || (t === K.VALUES && this.LA(n + 1).tokenType === T.LParen && n === i) || ((t === K.PIVOT || t === K.UNPIVOT) && (this.LA(n + 1).tokenType !== T.LParen || this.startsQuery(n + 1)));
  }

  /**
   * Can `tok` start a statement? Used where statements need no separator. With the token `after`
   * `next`, a WITH starts one only as a CTE list does (`WITH c AS (`, `WITH c (x) AS`, `WITH
   * RECURSIVE`): T-SQL `.. WITH FULLSCAN;`, `WITH COMPRESSION, INIT` are a statement's options.
   */
  startsStatement(tok: IToken, next: IToken, after?: IToken): boolean {
    const t = tok.tokenType;
    if (t === K.SELECT || t === K.INSERT || t === K.UPDATE || t === K.DELETE || t === K.MERGE || t === K.CREATE ||
      t === K.DROP || t === K.ALTER || t === K.TRUNCATE || t === K.SET || t === K.END || t === K.ELSE || t === K.FETCH) {
      return true;
    }
    // `WITH (..)` is options (Synapse `CREATE TABLE t WITH (DISTRIBUTION = ..) AS ..`, `COPY .. WITH (..)`), never a CTE.
    if (t === K.WITH) return next.tokenType !== T.LParen && (after === undefined || after.tokenType === K.AS || after.tokenType === T.LParen || /^RECURSIVE$/i.test(next.image));
    if (t === T.Name || tokenMatcher(tok, T.Identifier)) {
      if (next.tokenType === T.Colon && t === T.Name) return true; // T-SQL label `name:`
      const w = tok.image.toUpperCase();
      if (w === 'REPLACE') return next.tokenType === K.INTO;
      return STATEMENT_WORDS.has(w);
    }
    return false;
  }

  /** May `tok` be an alias written without AS here? */
  canAlias(tok: IToken): boolean {
    if (tok.tokenType === T.QuotedName) return true;
    if (!tokenMatcher(tok, T.Identifier)) return false;
    if (tok.tokenType === T.Name && tok.image.length <= 2) return true;
    const w = tok.image.toUpperCase();
    if (this.caps.notAlias.has(w)) return false;
    if (SORT_WORDS.has(w) && this.LA(2).tokenType === K.BY) return false;
    // Hive `SELECT TRANSFORM (..) ROW FORMAT DELIMITED .. USING 'x.py'`.
    if (w === 'ROW' && /^FORMAT$/i.test(this.LA(2).image)) return false;
    // MySQL `SELECT .. FROM t LOCK IN SHARE MODE`.
    if (w === 'LOCK' && this.LA(2).tokenType === K.IN) return false;
    if (this.indexHintAhead(1)) return false;
    if ((w === 'LATERAL' || w === 'WINDOW') && this.LA(2).tokenType !== T.Comma) return false;
    return true;
  }

  /** A ClickHouse mutation after `ALTER TABLE t`: `[ON CLUSTER c] UPDATE ..` or `DELETE [IN PARTITION p] WHERE ..`? */
  mutationAhead(): boolean {
    const i = this.LA(1).tokenType === K.ON && /^CLUSTER$/i.test(this.LA(2).image) ? 4 : 1;
    const t = this.LA(i).tokenType;
    if (t === K.DELETE) return this.LA(i + 1).tokenType === K.WHERE || this.LA(i + 1).tokenType === K.IN;
    return t === K.UPDATE;
  }

  /** Exasol `IMPORT INTO t ..` or `EXPORT (query) | t INTO ..` next? */
  transferAhead(): boolean {
    const w = this.LA(1).image.toUpperCase();
    if (w === 'IMPORT') return this.LA(2).tokenType === K.INTO;
    if (w !== 'EXPORT') return false;
    if (this.LA(2).tokenType === T.LParen) return this.startsQuery(3);
    let n = 2;
    while (tokenMatcher(this.LA(n), T.Identifier) && this.LA(n + 1).tokenType === T.Dot) n += 2;
    return tokenMatcher(this.LA(n), T.Identifier) && (this.LA(n + 1).tokenType === K.INTO || this.LA(n + 1).tokenType === T.LParen);
  }

  /** NTH_VALUE's `FROM FIRST | LAST` next, then OVER or IGNORE / RESPECT NULLS (`FROM last` alone names a table)? */
  nthFromAhead(): boolean {
    return this.LA(1).tokenType === K.FROM && /^(FIRST|LAST)$/i.test(this.LA(2).image) && (this.LA(3).tokenType === K.OVER || /^(IGNORE|RESPECT)$/i.test(this.LA(3).image));
  }

  /** ClickHouse `SETTINGS k = v` next? */
  settingsAhead(): boolean {
    return this.caps.queryClauses.has('settings') && /^SETTINGS$/i.test(this.LA(1).image) && tokenMatcher(this.LA(1), T.Identifier);
  }
  /** ClickHouse `INTERPOLATE [(..)]` after `ORDER BY .. WITH FILL` next? */
  interpolateAhead(): boolean {
    return this.caps.queryClauses.has('withFill') && /^INTERPOLATE$/i.test(this.LA(1).image);
  }
  /** `INTO OUTFILE 'path'` / `INTO DUMPFILE 'path'` after a query next? */
  outfileAhead(): boolean {
    return this.LA(1).tokenType === K.INTO && /^(OUTFILE|DUMPFILE)$/i.test(this.LA(2).image) && this.LA(3).tokenType === T.StringLit;
  }

  /** MySQL index hint `USE | FORCE | IGNORE INDEX | KEY ...` at token i? */
  indexHintAhead(i: number): boolean {
    return INDEX_HINT.test(this.LA(i).image) && INDEX_WORD.test(this.LA(i + 1).image);
  }
  /** Does a Teradata attribute phrase (`(FORMAT '..')`, `(DATE)`, ...) follow? See `attributePhraseAt`. */
  attributePhraseAhead(afterName: boolean): boolean {
    return this.caps.attributePhrases && attributePhraseAt(this.boundLa, afterName);
  }
  private readonly boundLa = (i: number): IToken => this.LA(i);

  /** Does an alias (`AS x`, a bare name, or a string where allowed) follow? */
  aliasAhead(allowString: boolean): boolean {
    const t = this.LA(1);
    if (t.tokenType === K.AS) return true;
    if (t.tokenType === T.StringLit) return allowString && this.caps.stringAliases;
    return this.canAlias(t);
  }

  /** T-SQL table hints `WITH (..)` ahead? */
  tableHintsAhead(): boolean {
    return this.LA(1).tokenType === K.WITH && this.LA(2).tokenType === T.LParen;
  }

  /** Oracle's `LOG ERRORS` (DML error logging) ahead? */
  errorLoggingAhead(): boolean {
    return this.LA(1).tokenType === K.LOG && this.LA(2).tokenType === K.ERRORS;
  }

  /** T-SQL `TOP (n)` / `TOP n` ahead? */
  topAhead(): boolean {
    const n = this.LA(2).tokenType;
    return this.LA(1).tokenType === K.TOP && (n === T.NumberLit || n === T.LParen || n === T.Variable);
  }

  /**
   * A statement setting the schema of unqualified names: `SET [SESSION | LOCAL] search_path {TO | =}
   * s, ..`, `SET SCHEMA [=] 's'`, `SET CURRENT [SCHEMA] [=] s` / `SET CURRENT_SCHEMA s` (Db2),
   * `ALTER SESSION SET CURRENT_SCHEMA = s` (Oracle). The position of the schema's name (a
   * leading `"$user"` of a search path skipped), or 0.
   */
  schemaSetting(): number {
    const w = (n: number) => this.LA(n).image.toUpperCase();
    let i: number;
    if (this.LA(1).tokenType === K.ALTER) {
      if (w(2) !== 'SESSION' || w(3) !== 'SET' || w(4) !== 'CURRENT_SCHEMA') return 0;
      i = 5;
    } else if (this.LA(1).tokenType === K.SET) {
      i = w(2) === 'SESSION' || w(2) === 'LOCAL' ? 3 : 2;
      const x = w(i);
      if (x === 'CURRENT' && w(i + 1) === 'SCHEMA') i += 2;
      else if (x === 'SEARCH_PATH' || x === 'SCHEMA' || x === 'CURRENT_SCHEMA') i++;
      else return 0;
    } else return 0;
    if (this.LA(i).tokenType === K.TO || this.LA(i).tokenType === T.Eq) i++;
    if (this.LA(i).image === '"$user"' && this.LA(i + 1).tokenType === T.Comma) i += 2;
    const t = this.LA(i);
    return t.tokenType === T.StringLit || (tokenMatcher(t, T.Identifier) && t.image !== '"$user"') ? i : 0;
  }

  /** Db2 `WITH UR | CS | RS | RR` after a query (not a CTE named so: `WITH rs AS (..)`, `WITH cs (a) AS ..`). */
  isolationAhead(): boolean {
    return this.LA(1).tokenType === K.WITH && ISOLATION.test(this.LA(2).image) && this.LA(3).tokenType !== K.AS && this.LA(3).tokenType !== T.LParen;
  }

  /**
   * After SET: `[VAR | VARIABLE] name = value` (Snowflake session variables, Databricks `SET VAR`):
   * the variable set, and the string literal it holds (as written) when the value is one.
   */
  sessionSet(): A.OtherStmt['sessionSet'] {
    const i = /^(VAR|VARIABLE)$/i.test(this.LA(1).image) && tokenMatcher(this.LA(2), T.Identifier) ? 2 : 1;
    const name = this.LA(i);
    if (!tokenMatcher(name, T.Identifier) || this.LA(i + 1).image !== '=') return undefined;
    const v = this.LA(i + 2);
    const after = this.LA(i + 3).tokenType;
    const value = v.tokenType === T.StringLit && (after === T.Semicolon || after === EOF) ? v.image : undefined;
    return { name: ident(name).text, value };
  }

  /** `DATABASE name;` alone: Teradata's USE. */
  databaseStatement(): boolean {
    if (this.LA(1).tokenType !== K.DATABASE) return false;
    const t = this.LA(3).tokenType;
    return t === T.Semicolon || t === EOF;
  }

  /**
   * A statement recorded without lineage (`other`), from `start` to the last consumed token. When
   * it holds a query or a data change (at its top level or in parentheses) that the grammar did
   * not read, a warning says so: its lineage is lost, which must not go unnoticed.
   */
  skipped(keyword: string, start: number, extra?: Partial<A.OtherStmt>): A.Statement {
    const stmt: A.OtherStmt = { k: 'other', keyword, start, end: this.LA(0).endOffset! + 1, ...extra };
    if (this.recording || QUERY_FREE.has(keyword.split(' ')[0]!)) return stmt;
    const toks = this.input;
    const last = position(this);
    let first = last;
    while (first > 0 && toks[first - 1]!.startOffset >= start) first--;
    // A security policy's query decides which rows a user sees; no data moves.
    const head = this.text.slice(start, toks[Math.min(first + 5, last)]!.endOffset! + 1).replace(/\s+/g, ' ');
    if (!POLICY.test(head) && holdsQuery(toks, first, last)) {
      // Its first words (the first line, up to 40 characters, cut between words).
      let line = this.text.slice(start, stmt.end).split('\n')[0]!.trim();
      if (line.length > 40) line = `${line.slice(0, line.lastIndexOf(' ', 40))} ...`;
      stmt.diagnostic = { severity: 'warning', message: `statement '${line}' not analyzed: the query it holds has no lineage here`, code: 'UnsupportedConstruct' };
    }
    return stmt;
  }

  /** Is LA(1) the start of a procedural statement (block, IF, WHILE, DECLARE, EXEC, ...)? */
  startsProcedural(): boolean {
    return this.proc !== undefined && this.proc.starts();
  }

  startsRoutine(): boolean {
    return this.proc !== undefined && this.proc.startsRoutine();
  }

  /**
   * Parse one chunk of tokens into statements. A statement that fails becomes an error; parsing
   * resumes at the next token that can start a statement.
   */
  parseChunk(tokens: IToken[], text: string): ParsedStatements {
    this.text = text;
    this.input = tokens;
    const statements: A.Statement[] = [];
    const errors: TextDiagnostic[] = [];
    while (position(this) < tokens.length - 1) {
      const before = position(this);
      if (tokens[before + 1]!.tokenType === T.RParen) {
        // No statement starts with `)`: a run of them (a damaged file may hold thousands) is one
        // failed statement, not one each (each failure costs a parse and an exception).
        let i = before + 2;
        while (i < tokens.length - 1 && tokens[i]!.tokenType === T.RParen) i++;
        const start = tokens[before + 1]!.startOffset;
        const stop = tokens[i - 1]!.endOffset! + 1;
        errors.push(syntaxError(start, `unknown statement '${text.slice(start, Math.min(stop, start + 40))}'`, { start, end: stop }));
        seek(this, i - 1);
        continue;
      }
      this.errors = [];
      this.steps = [];
      this.stepStack = [];
      this.postfixBase = undefined;
      this.nameParts = [];
      this.innerErrors = [];
      const stmt = this.statementWithSemi();
      // `errors` clones on every read: read it once per statement.
      const all = this.errors;
      const real = all.length === 0 ? all : all.filter((e) => e.name !== 'NotAllInputParsedException');
      if (real.length === 0 && stmt && stmt.k === 'other' && !NO_LINEAGE_WORDS.has(stmt.keyword.split(' ')[0]!)) {
        errors.push(syntaxError(stmt.start, `unknown statement '${this.text.slice(stmt.start, Math.min(stmt.end, stmt.start + 40))}'`, { start: stmt.start, end: stmt.end }));
        if (position(this) === before) break;
        continue;
      }
      if (real.length === 0 && stmt) {
        statements.push(this.proc?.cutShort(tokens, before + 1) ?? stmt);
        errors.push(...this.innerErrors);
        if (position(this) === before) break;
        continue;
      }
      const err = real[0] ?? all[0]!;
      const tok = err?.token && !isNaN(err.token.startOffset) ? err.token : tokens[Math.min(before + 1, tokens.length - 1)]!;
      const noLineage = this.proc?.unsupported(tokens, before + 1, tok.tokenType === EOF ? tokens.length - 1 : tokens.indexOf(tok));
      const failureStart = tokens[before + 1]!.startOffset;
      const failure = noLineage ? undefined : syntaxError(tok.tokenType === EOF ? tokens[tokens.length - 1]!.endOffset! + 1 : tok.startOffset, describe(err?.message ?? 'syntax error', tok), { start: failureStart, end: failureStart });
      if (noLineage) statements.push(noLineage);
      else errors.push(failure!);
      // Resume at the next statement start after the failing token.
      let idx = tokens.indexOf(tok);
      if (idx < 0) idx = before + 1;
      let next = -1;
      if (this.caps.statementsWithoutSemicolons) {
        for (let i = Math.max(idx, before + 2); i < tokens.length; i++) {
          if (this.startsStatement(tokens[i]!, tokens[i + 1] ?? tokens[i]!) || tokens[i - 1]!.tokenType === T.Semicolon) {
            next = i;
            break;
          }
        }
      } else {
        for (let i = Math.max(idx, before + 1); i < tokens.length; i++) {
          if (tokens[i]!.tokenType === T.Semicolon) {
            next = i + 1;
            break;
          }
        }
      }
      if (failure) failure.span!.end = next < 0 || next >= tokens.length ? tokens[tokens.length - 1]!.endOffset! + 1 : tokens[next]!.startOffset;
      if (next < 0 || next >= tokens.length) break;
      this.input = tokens;
      seek(this, next - 1);
    }
    return { statements, errors };
  }
}
