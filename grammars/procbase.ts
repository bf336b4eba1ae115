/**
 * Shared machinery of the procedural grammar (T-SQL in tsql.ts; PL/SQL in plsql.ts and SQL/PSM in
 * sqlpsm.ts, both on the block-language machinery of procblocks.ts).
 *
 * Procedural code is keyword driven: a hand-written recursive descent walks the token vector of
 * the Chevrotain parser (`position` / `seek` of internals.ts) and hands every SQL statement to
 * the grammar's own `statementWithSemi` rule and every expression to `expr`, invoked as nested
 * rules. A syntax error inside a body is caught here (`isolate`), recorded once in
 * `parser.innerErrors`, and parsing resumes at the next statement of the same body: one bad
 * statement never costs the rest of the routine, nor its procedure name.
 *
 * Nothing here runs unless a statement starts with a procedural keyword, so plain queries and DML
 * pay only for the first-token gates (`starts`, `startsRoutine`).
 */
import { EOF, isRecognitionException, MismatchedTokenException, tokenMatcher, type IRecognitionException, type IToken } from './chevrotain.js';
import type * as A from '../src/ast/nodes.js';
import { ident } from './build.js';
import { invokeNested, position, saveError, seek, tokenCount } from './internals.js';
import { stringValue } from './literals.js';
import { describe, syntaxError } from './messages.js';
import type { SqlParser } from './parser.js';
import * as T from './tokens.js';

/** What the procedural layer of one dialect offers the grammar. */
export interface ProcDialect {
  /** Does LA(1) start a procedural statement? */
  starts(): boolean;
  /** After `CREATE [OR REPLACE ...]` / `ALTER`: does LA(1) start a routine? */
  startsRoutine(): boolean;
  /** A procedural statement whose first token was consumed. */
  statement(first: IToken): A.Statement;
  /** A routine after CREATE/ALTER (`first` = PROCEDURE, FUNCTION, ... consumed). */
  routine(start: number, first: IToken): A.Statement;
  /** Routines declared by a query's WITH (`first` = FUNCTION or PROCEDURE, consumed), each with its `;`; absent where WITH declares none. */
  withRoutines?(first: IToken): A.Statement[];
  /**
   * A statement that failed at `tokens[errIdx]` but holds a construct analyzed as "no lineage"
   * (Oracle MODEL): the statement to keep instead of the error.
   */
  unsupported(tokens: IToken[], firstIdx: number, errIdx: number): A.Statement | undefined;
  /** See ProcBase.cutShort. */
  cutShort(tokens: IToken[], firstIdx: number): A.Statement | undefined;
  /** The statements written in these string literals (dynamic SQL), positions mapped into the file. */
  literalStatements(lits: IToken[]): A.Statement[];
}

/**
 * What format(template, args) returns: `%s`, `%t`, `%d`, `%i` an argument as text, `%I` as an
 * identifier (double-quoted unless a plain lower-case name), `%L`, `%T` as a quoted literal, `%%`
 * a percent sign, `%n$..` argument n, width flags ignored. Undefined for another conversion or a
 * missing argument.
 */
function formatted(template: string, args: string[]): string | undefined {
  let next = 0;
  let bad = false;
  const out = template.replace(/%(?:(\d+)\$)?[-0-9]*([a-zA-Z%])/g, (_m, position: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const arg = args[position ? Number(position) - 1 : next++];
    if (arg === undefined) bad = true;
    else if (conv === 's' || conv === 't' || conv === 'd' || conv === 'i') return arg;
    else if (conv === 'I') return /^[a-z_][a-z0-9_$]*$/.test(arg) ? arg : `"${arg.replace(/"/g, '""')}"`;
    else if (conv === 'L' || conv === 'T') return `'${arg.replace(/'/g, "''")}'`;
    else bad = true;
    return '';
  });
  return bad ? undefined : out;
}

const MODEL_NEXT = new Set(['DIMENSION', 'PARTITION', 'RETURN', 'REFERENCE', 'MAIN', 'IGNORE', 'KEEP', 'UNIQUE', 'AUTOMATIC', 'SEQUENTIAL']);

export abstract class ProcBase {
  private nested: SqlParser | undefined;
  /** String literals last assigned to variables (`SET @sql = N'...'`, `v_sql := '...'`), for dynamic SQL run from a variable. */
  private readonly literals = new Map<string, IToken[]>();
  private literalsText = '';
  private readonly resultSets = new Map<string, A.Query>();
  private resultSetsText = '';

  constructor(protected readonly p: SqlParser) {}

  // ------------------------------------------------------------------ tokens

  /** Index of the last consumed token. */
  protected get pos(): number {
    return position(this.p);
  }

  protected seek(i: number): void {
    seek(this.p, i);
  }

  protected la(n = 1): IToken {
    return this.p.la(n);
  }

  protected next(): IToken {
    const t = this.p.la(1);
    this.seek(this.pos + 1);
    return t;
  }

  protected atEof(): boolean {
    return this.p.la(1).tokenType === EOF;
  }

  /** The upper-cased image of LA(n) ('' at the end). */
  protected w(n = 1): string {
    const t = this.p.la(n);
    return t.tokenType === EOF ? '' : t.image.toUpperCase();
  }

  protected is(type: unknown, n = 1): boolean {
    return this.p.la(n).tokenType === type;
  }

  protected isName(n = 1): boolean {
    return tokenMatcher(this.p.la(n), T.Identifier);
  }

  protected accept(word: string): IToken | undefined {
    return this.w() === word ? this.next() : undefined;
  }

  protected expect(word: string): IToken {
    if (this.w() !== word) this.fail(this.la(1), `expected ${word}`);
    return this.next();
  }

  protected expectType(type: unknown, what: string): IToken {
    if (this.la(1).tokenType !== type) this.fail(this.la(1), `expected ${what}`);
    return this.next();
  }

  /** Raise a syntax error the way the grammar does (recorded, then thrown to the nearest `isolate`). */
  protected fail(tok: IToken, message: string): never {
    const err = new MismatchedTokenException(message, tok, this.la(0));
    throw saveError(this.p, err);
  }

  /** One past the end of the last consumed token. */
  protected end(): number {
    return this.la(0).endOffset! + 1;
  }

  private get count(): number {
    return tokenCount(this.p);
  }

  /** Record an error without failing the enclosing statement. */
  protected innerError(tok: IToken, message: string): void {
    const offset = tok.tokenType === EOF ? this.end() : tok.startOffset;
    this.p.innerErrors.push(syntaxError(offset, describe(message, tok)));
  }

  /**
   * Skip tokens while `more()` holds at parenthesis depth 0; nested parentheses are skipped whole.
   * Stops at the end and before a `)` that closes an enclosing parenthesis.
   */
  protected skipWhile(more: () => boolean): void {
    let depth = 0;
    for (;;) {
      const t = this.la(1).tokenType;
      if (t === EOF) return;
      if (depth === 0 && (t === T.RParen || !more())) return;
      if (t === T.LParen) depth++;
      else if (t === T.RParen) depth--;
      this.next();
    }
  }

  /** Skip to (and over) the next `;` at depth 0 (PL/SQL statement end). */
  protected skipPastSemicolon(): void {
    this.skipWhile(() => this.la(1).tokenType !== T.Semicolon);
    if (this.la(1).tokenType === T.Semicolon) this.next();
    else if (this.la(1).tokenType === T.RParen) {
      this.next();
      this.skipPastSemicolon();
    }
  }

  // ------------------------------------------------------------------ grammar rules

  /** Invoke a grammar rule as a nested rule (errors propagate to the caller). */
  protected rule<R>(r: (...a: any[]) => R, ...args: unknown[]): R {
    return invokeNested(this.p, r, args);
  }

  protected expr(): A.Expr {
    return this.rule(this.p.expr);
  }

  protected query(): A.Query {
    return this.rule(this.p.query);
  }

  protected qname(): A.QName {
    return this.rule(this.p.qname);
  }

  /** An expression, or undefined (position restored, nothing recorded) when it does not parse. */
  protected softExpr(): A.Expr | undefined {
    const start = this.pos;
    const saved = this.p.errors.length;
    try {
      return this.expr();
    } catch (e) {
      if (!isRecognitionException(e as Error)) throw e;
      this.p.errors = this.p.errors.slice(0, saved);
      this.seek(start);
      return undefined;
    }
  }

  /**
   * Run `parse`; on a syntax error record one error, let `resync(errIdx, start)` move past the
   * failed statement, and return undefined (or the "no lineage" statement of `unsupported`).
   */
  protected isolate(parse: () => A.Statement | undefined, resync: (errIdx: number, start: number) => void): A.Statement | undefined {
    const start = this.pos;
    const saved = this.p.errors.length;
    const innerSaved = this.p.innerErrors.length;
    try {
      return parse();
    } catch (caught) {
      if (!isRecognitionException(caught as Error)) throw caught;
      const e = caught as IRecognitionException;
      this.p.errors = this.p.errors.slice(0, saved);
      this.p.innerErrors.length = innerSaved;
      const tokens = this.p.input;
      let errIdx = e.token && e.token.tokenType !== EOF ? tokens.indexOf(e.token) : -1;
      if (errIdx < 0 || errIdx >= this.count) errIdx = e.token?.tokenType === EOF ? this.count : start + 1;
      const soft = this.unsupported(tokens, start + 1, errIdx);
      if (!soft) this.innerError(e.token ?? this.la(1), e.message);
      if (errIdx >= this.count) this.seek(this.count - 1);
      else resync(errIdx, start);
      return soft;
    }
  }

  /** Seek so that LA(1) is the token at `idx` (clamped to the end). */
  protected resumeAt(idx: number): void {
    this.seek(Math.min(idx, this.count) - 1);
  }

  /** PL/SQL-style recovery: resume after the first `;` at or after the failing token. */
  protected resyncSemicolon(errIdx: number, start: number): void {
    const tokens = this.p.input;
    for (let i = Math.max(errIdx, start + 1); i < this.count; i++) {
      if (tokens[i]!.tokenType === T.Semicolon) return this.resumeAt(i + 1);
    }
    this.resumeAt(this.count);
  }

  unsupported(tokens: IToken[], firstIdx: number, errIdx: number): A.Statement | undefined {
    if (this.p.caps.procedural !== 'plsql') return undefined;
    for (let i = firstIdx; i <= errIdx && i < tokens.length - 1; i++) {
      const t = tokens[i]!;
      if (t.tokenType === T.K.MODEL && MODEL_NEXT.has(tokens[i + 1]!.image.toUpperCase())) {
        const first = tokens[firstIdx]!;
        return {
          k: 'other',
          keyword: first.image.toUpperCase(),
          start: first.startOffset,
          end: t.endOffset! + 1,
          diagnostic: { severity: 'warning', message: 'MODEL clause: no lineage is reported for this statement' },
        };
      }
    }
    return undefined;
  }

  /**
   * A top-level statement that parsed but stopped before its end at an unsupported construct
   * (`SELECT ... FROM t MODEL ...`): the "no lineage" statement, with the position moved past
   * the statement's `;`; undefined when the statement ended normally.
   */
  cutShort(tokens: IToken[], firstIdx: number): A.Statement | undefined {
    if (this.atEof() || this.la(0).tokenType === T.Semicolon || this.la(1).tokenType === T.Semicolon) return undefined;
    const soft = this.unsupported(tokens, firstIdx, this.pos + 1);
    if (soft) this.skipPastSemicolon();
    return soft;
  }

  // ------------------------------------------------------------------ dynamic SQL

  /**
   * String literals joined by `+` (T-SQL) or `||` (PL/SQL) starting at LA(1): the tokens, consumed;
   * undefined (nothing consumed) when LA(1) is not such a run.
   */
  protected literalRun(): IToken[] | undefined {
    if (this.la(1).tokenType !== T.StringLit) return undefined;
    const lits: IToken[] = [this.next()];
    while ((this.la(1).image === '+' || this.la(1).image === '||') && this.la(2).tokenType === T.StringLit) {
      this.next();
      lits.push(this.next());
    }
    return lits;
  }

  /**
   * `format('.. %I.%I .. %L ..', 'a', 'b', 'c')` (PostgreSQL) / `FORMAT('.. %s ..', 'a')` (BigQuery)
   * whose arguments are all literals, or variables holding one: the SQL it builds, consumed. It
   * is returned as one string literal written in a shadow of the file's text where the call was
   * (the call's text replaced, the built SQL padded with blanks: it is never longer, since each
   * argument is written in the call with its quotes), so every offset stays within the call.
   * Undefined (nothing consumed) when LA(1) is not such a call.
   */
  protected formatCall(): { lits: IToken[]; text: string } | undefined {
    if (this.w() !== 'FORMAT' || !this.is(T.LParen, 2) || this.la(3).tokenType !== T.StringLit) return undefined;
    const mark = this.pos;
    const start = this.la(1).startOffset;
    this.seek(mark + 2);
    const template = stringValue(this.next().image);
    const args: string[] = [];
    while (this.is(T.Comma)) {
      this.next();
      const t = this.la(1);
      const held = this.isName() ? this.assignedLiteral(t.image) : undefined;
      const value = t.tokenType === T.StringLit || t.tokenType === T.NumberLit ? t.image : held?.length === 1 ? held[0]!.image : undefined;
      if (value === undefined || !(this.is(T.Comma, 2) || this.is(T.RParen, 2))) return void this.seek(mark);
      this.next();
      args.push(t.tokenType === T.NumberLit ? value : stringValue(value));
    }
    const sql = this.is(T.RParen) ? formatted(template, args) : undefined;
    if (sql === undefined) return void this.seek(mark);
    const close = this.next();
    const quoted = `'${sql.replace(/'/g, "''")}'`;
    const length = close.endOffset! + 1 - start;
    if (quoted.length > length) return void this.seek(mark);
    const text = this.p.text.slice(0, start) + quoted.padEnd(length) + this.p.text.slice(start + length);
    const lit: IToken = { ...close, image: quoted, startOffset: start, endOffset: start + quoted.length - 1, tokenType: T.StringLit, tokenTypeIdx: T.StringLit.tokenTypeIdx! };
    return { lits: [lit], text };
  }

  /**
   * Parse the SQL held by string literal tokens (EXEC('...'), sp_executesql N'...', EXECUTE
   * IMMEDIATE '...'). The literal is scanned in place by the injected re-lexer (src/lexer/relex.ts),
   * so every offset is an offset of the file.
   */
  literalStatements(lits: IToken[]): A.Statement[] {
    return this.dynamic(lits);
  }

  /** `text` is the file's text, or a shadow of it holding SQL built where it is written (formatCall). */
  protected dynamic(lits: IToken[], text = this.p.text): A.Statement[] {
    const { text: shadow, tokens } = this.p.caps.relex(text, lits);
    if (tokens.length === 0) return [];
    this.nested ??= new (this.p.constructor as new (caps: SqlParser['caps']) => SqlParser)(this.p.caps);
    const r = this.nested.parseChunk(tokens, shadow);
    this.p.innerErrors.push(...r.errors);
    return r.statements;
  }

  /**
   * After `name =` / `name :=`: when the value is string literals only (ending where `atEnd()`
   * holds), remember them for `EXEC (@name)` / `EXECUTE IMMEDIATE name`; the position is left
   * where it was.
   */
  protected noteAssignedLiteral(name: string, atEnd: () => boolean): void {
    const mark = this.pos;
    const lits = this.literalRun();
    const key = name.toLowerCase();
    if (this.literalsText !== this.p.text) {
      this.literals.clear();
      this.literalsText = this.p.text;
    }
    if (lits && atEnd()) this.literals.set(key, lits);
    else this.literals.delete(key);
    this.seek(mark);
  }

  /** The literal last assigned to a variable of this routine, if any. */
  protected assignedLiteral(name: string): IToken[] | undefined {
    return this.literalsText === this.p.text ? this.literals.get(name.toLowerCase()) : undefined;
  }

  /** Snowflake `LET res RESULTSET := (query)`: the query result set variable `res` holds, for a later `CURSOR FOR res`. */
  protected noteResultSet(name: string, query: A.Query): void {
    if (this.resultSetsText !== this.p.text) {
      this.resultSets.clear();
      this.resultSetsText = this.p.text;
    }
    this.resultSets.set(name.toLowerCase(), query);
  }

  protected resultSet(name: string): A.Query | undefined {
    return this.resultSetsText === this.p.text ? this.resultSets.get(name.toLowerCase()) : undefined;
  }

  /** A routine starts with no variables assigned. */
  protected forgetLiterals(): void {
    this.literals.clear();
    this.resultSets.clear();
  }

  // ------------------------------------------------------------------ AST helpers

  protected block(start: number, body: (A.Statement | undefined)[], extra: Partial<A.BlockStmt> = {}): A.BlockStmt {
    return { k: 'block', kind: 'block', variables: [], ...extra, body: body.filter((s): s is A.Statement => s !== undefined), start, end: this.end() };
  }

  protected other(keyword: string, start: number, extra: Partial<A.OtherStmt> = {}): A.OtherStmt {
    return { k: 'other', keyword, ...extra, start, end: this.end() };
  }

  /** A one-part name from a token (`@v`, `#t`, `name`). */
  protected tokenName(t: IToken): A.QName {
    const id = tokenMatcher(t, T.Identifier) ? ident(t) : { text: t.image, quoted: false, start: t.startOffset, end: t.endOffset! + 1 };
    return { parts: [id], start: id.start, end: id.end };
  }

  protected note(message: string): A.OtherStmt['diagnostic'] {
    return { severity: 'note', message };
  }
}
