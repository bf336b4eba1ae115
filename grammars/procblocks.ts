/**
 * What the semicolon-terminated block languages share: PL/SQL (plsql.ts) and SQL/PSM with
 * PL/pgSQL (sqlpsm.ts). Every statement ends with `;`, which is also where a failed statement is
 * resumed; constructs close with `END [IF | LOOP | WHILE | ...] [label]`.
 *
 * Shared here: statement lists, IF / CASE statements, FOR loops (numeric ranges, `FOR r IN
 * (query)`, `FOR r IN query`, `FOR r AS query DO`, cursor loops), EXCEPTION handlers, OPEN /
 * FETCH of cursors, dynamic SQL held by literals, routine parameters. Each language supplies
 * `stmt()`: how one statement of a list starts.
 */
import { EOF, type IToken } from './chevrotain.js';
import type * as A from '../src/ast/nodes.js';
import { NO_LINEAGE_WORDS } from './words.js';
import { ProcBase } from './procbase.js';
import * as T from './tokens.js';
import { syntaxError } from './messages.js';

const K = T.K;

/** Words that end a statement list (the enclosing construct continues there). */
export const STOP = new Set(['END', 'END_PROC', 'EXCEPTION', 'ELSIF', 'ELSEIF', 'ELSE', 'WHEN', 'UNTIL']);
/** What may follow the literal of EXECUTE IMMEDIATE '...' (the rest is not SQL of the literal). */
const DYNAMIC_TAIL = new Set(['INTO', 'USING', 'RETURNING', 'RETURN', 'BULK']);
/** Parameter modes written before the name (SQL/PSM, PostgreSQL). */
const MODES = new Set(['IN', 'OUT', 'INOUT', 'VARIADIC']);
/** Words between `OPEN c` and FOR (PL/pgSQL `OPEN c NO SCROLL FOR ...`). */
const SCROLL = new Set(['NO', 'SCROLL']);

export abstract class BlockParser extends ProcBase {
  /** Inside a parenthesized statement list (Teradata macro body): a statement may also end at its `)`. */
  protected inParens = false;

  /** One statement of a list (undefined: nothing to record, e.g. a label). */
  protected abstract stmt(): A.Statement | undefined;

  /** Statements up to END / EXCEPTION / ELSIF / ELSE / WHEN / UNTIL, or the `)` of a parenthesized list (not consumed). */
  protected list(): A.Statement[] {
    const out: A.Statement[] = [];
    for (;;) {
      while (this.is(T.Semicolon)) this.next();
      if (this.atEof() || STOP.has(this.w()) || (this.inParens && this.is(T.RParen))) return out;
      const before = this.pos;
      const s = this.stmt();
      if (s) out.push(s);
      if (this.pos === before) this.next();
    }
  }

  /** A statement of a list, isolated: a syntax error is recorded and parsing resumes after its `;`. */
  protected isolated(parse: () => A.Statement | undefined): A.Statement | undefined {
    return this.isolate(parse, (errIdx, start) => this.resyncSemicolon(errIdx, start));
  }

  /**
   * A SQL statement handed to the grammar; it must end at `;` (or where the enclosing construct
   * continues). Words that start no known statement are an error, as at the top level.
   */
  protected sql(): A.Statement | undefined {
    const s = this.rule(this.p.statementWithSemi);
    if (this.la(0).tokenType !== T.Semicolon && !this.atEof() && !STOP.has(this.w()) && !(this.inParens && this.is(T.RParen))) this.fail(this.la(1), 'expected ;');
    if (s.k === 'other' && !NO_LINEAGE_WORDS.has(s.keyword.split(' ')[0]!)) {
      this.p.innerErrors.push(syntaxError(s.start, `unknown statement '${this.p.text.slice(s.start, Math.min(s.end, s.start + 40))}'`));
      return undefined;
    }
    return s;
  }

  /** The rest of a `<<label>>` whose `<<` was consumed. */
  protected skipLabel(): void {
    this.skipWhile(() => this.la(1).image !== '>>');
    if (this.la(1).image === '>>') this.next();
  }

  /** END [word] [label]; a missing END is reported without losing the construct. */
  protected close(...words: string[]): void {
    if (this.w() !== 'END') {
      this.innerError(this.la(1), `expected END${words.length ? ' ' + words[0] : ''}`);
      return;
    }
    this.next();
    if (words.includes(this.w())) this.next();
    if (this.isName() && (this.is(T.Semicolon, 2) || this.is(EOF, 2))) this.next();
  }

  /** A condition before one of `until` (THEN, LOOP, DO); skipped silently when it does not parse. */
  protected cond(out: A.Expr[], ...until: string[]): void {
    const e = this.softExpr();
    if (e && until.includes(this.w())) out.push(e);
    else this.skipWhile(() => !until.includes(this.w()) && !this.is(T.Semicolon));
  }

  /** IF cond THEN stmts [ELSIF | ELSEIF cond THEN stmts]... [ELSE stmts] END IF (IF consumed). */
  protected ifStmt(start: number): A.Statement {
    const conditions: A.Expr[] = [];
    const body: A.Statement[] = [];
    this.cond(conditions, 'THEN');
    this.expect('THEN');
    body.push(...this.list());
    for (;;) {
      const w = this.w();
      if (w === 'ELSIF' || w === 'ELSEIF') {
        this.next();
        this.cond(conditions, 'THEN');
        this.expect('THEN');
        body.push(...this.list());
        continue;
      }
      if (w === 'ELSE') {
        this.next();
        body.push(...this.list());
      }
      break;
    }
    this.close('IF');
    return this.block(start, body, { conditions });
  }

  /** CASE [operand] WHEN ... THEN stmts ... [ELSE stmts] END CASE (CASE consumed). */
  protected caseStmt(start: number): A.Statement {
    const conditions: A.Expr[] = [];
    if (this.w() !== 'WHEN') this.cond(conditions, 'WHEN');
    const body: A.Statement[] = [];
    while (this.w() === 'WHEN') {
      this.next();
      this.cond(conditions, 'THEN');
      this.expect('THEN');
      body.push(...this.list());
    }
    if (this.accept('ELSE')) body.push(...this.list());
    this.close('CASE');
    return this.block(start, body, { conditions });
  }

  /** A loop body up to END LOOP (or END WHILE / END FOR / ...: `closers`). */
  protected loop(start: number, extra: Partial<A.BlockStmt>, ...closers: string[]): A.Statement {
    const body = this.list();
    this.close(...(closers.length ? closers : ['LOOP']));
    return this.block(start, body, extra);
  }

  /**
   * FOR (consumed) v IN [REVERSE] lo .. hi | lo TO hi | (query) | query | EXECUTE '...' |
   * cursor[(args)]  LOOP|DO ... END LOOP|FOR;  or SQL/PSM `FOR v AS [c CURSOR FOR] query DO`.
   */
  protected forLoop(start: number): A.Statement {
    const v = this.tokenName(this.next()).parts[0]!.text;
    const head = () => this.w() === 'LOOP' || this.w() === 'DO';
    let record: A.BlockStmt['record'];
    const body: A.Statement[] = [];
    if (this.accept('AS')) {
      if (this.isName() && this.w(2) === 'CURSOR') this.skipWhile(() => !this.is(K.FOR));
      this.accept('FOR');
      record = { name: v, query: this.query() };
    } else {
      this.expect('IN');
      this.accept('REVERSE');
      if ((this.is(T.LParen) && this.p.startsQuery(2)) || this.p.startsQuery(1)) {
        record = { name: v, query: this.query() };
      } else if (this.w() === 'EXECUTE') {
        const run = this.execLiteral(this.next().startOffset, 'EXECUTE');
        // The rows of a query run by EXECUTE are the loop's record, as those of a query written there.
        const only = run.k === 'block' && run.body.length === 1 ? run.body[0] : undefined;
        if (only?.k === 'query') record = { name: v, query: only.query };
        else body.push(run);
      } else if (this.isName()) {
        let range = false;
        const names: string[] = [];
        for (let n = 1; this.la(n).tokenType !== EOF && !['LOOP', 'DO'].includes(this.w(n)); n++) {
          const t = this.la(n);
          if ((t.tokenType === T.Dot && this.la(n + 1).tokenType === T.Dot) || (t.tokenType === T.NumberLit && t.image.startsWith('.')) || t.tokenType === K.TO) range = true;
          if (t.tokenType === T.LParen) break;
          if (t.tokenType !== T.Dot) names.push(this.tokenName(t).parts[0]!.text);
        }
        if (!range) record = { name: v, cursor: names.join('.') };
      }
    }
    this.skipWhile(() => !head() && !this.is(T.Semicolon));
    const closer = this.w() === 'DO' ? 'FOR' : 'LOOP';
    if (!head()) this.fail(this.la(1), 'expected LOOP or DO');
    this.next();
    const loop = this.loop(start, { variables: [v], record }, closer) as A.BlockStmt;
    loop.body.unshift(...body);
    return loop;
  }

  /** EXCEPTION WHEN ... THEN stmts ...: the handlers' statements into `out`. */
  protected handlers(out: A.Statement[]): void {
    if (!this.accept('EXCEPTION')) return;
    while (this.accept('WHEN')) {
      this.skipWhile(() => this.w() !== 'THEN' && !this.is(T.Semicolon));
      this.expect('THEN');
      out.push(...this.list());
    }
  }

  /** `(name [IN|OUT|NOCOPY] type [:= default], ...)` or `(IN name type, ...)`: the parameter names. */
  protected params(): string[] {
    const out: string[] = [];
    if (!this.is(T.LParen)) return out;
    this.next();
    for (;;) {
      if (MODES.has(this.w()) && (this.isName(2) || this.is(T.Variable, 2))) this.next();
      if (this.isName() || this.is(T.Variable)) out.push(this.tokenName(this.la(1)).parts[0]!.text);
      this.skipWhile(() => !this.is(T.Comma));
      if (!this.is(T.Comma)) break;
      this.next();
    }
    if (this.is(T.RParen)) this.next();
    return out;
  }

  // ------------------------------------------------------------------ dynamic SQL and cursors

  /**
   * After EXECUTE [IMMEDIATE]: a literal (or a variable holding one, or a format() of literals) is parsed as SQL where it is
   * written; anything else is SQL built at run time, reported with a note. Stops before the `;`
   * (or the LOOP of `FOR r IN EXECUTE '...' LOOP`).
   */
  protected execLiteral(start: number, keyword = 'EXECUTE IMMEDIATE'): A.Statement {
    const built = this.formatCall();
    const lits = built?.lits ?? this.literalRun() ?? this.assignedName();
    const ok = lits && (this.is(T.Semicolon) || this.atEof() || DYNAMIC_TAIL.has(this.w()) || this.w() === 'LOOP');
    const s = ok ? this.block(start, this.dynamic(lits, built?.text)) : undefined;
    this.skipWhile(() => !this.is(T.Semicolon) && this.w() !== 'LOOP');
    return s ?? this.other(keyword, start, { diagnostic: this.note('dynamic SQL built at run time is not analyzed') });
  }

  /** A variable holding a literal assigned earlier in the routine: its tokens (the name consumed). */
  protected assignedName(): IToken[] | undefined {
    if (!this.isName() && !this.is(T.Variable)) return undefined;
    const name = this.tokenName(this.la(1)).parts[0]!.text;
    // Snowflake Scripting reads a variable in SQL as `:name`.
    const lits = this.assignedLiteral(name) ?? (name.startsWith(':') ? this.assignedLiteral(name.slice(1)) : undefined);
    if (lits) this.next();
    return lits;
  }

  /** FETCH [NEXT | PRIOR | ... FROM | IN] c [BULK COLLECT] INTO a, b [LIMIT n]: the cursor's columns into variables. */
  protected fetch(start: number): A.Statement {
    if (/^(NEXT|PRIOR|FIRST|LAST|ABSOLUTE|RELATIVE|FORWARD|BACKWARD)$/.test(this.w())) this.skipWhile(() => this.w() !== 'FROM' && this.w() !== 'IN' && !this.is(T.Semicolon));
    if (this.w() === 'FROM' || this.w() === 'IN') this.next();
    const cursor = this.tokenName(this.next()).parts[0]!.text;
    const targets: string[] = [];
    this.skipWhile(() => !this.is(K.INTO) && !this.is(T.Semicolon));
    if (this.is(K.INTO)) {
      this.next();
      for (;;) {
        const t = this.la(1);
        if (!this.isName() && t.tokenType !== T.Variable) break;
        targets.push(this.tokenName(this.next()).parts[0]!.text);
        if (!this.is(T.Comma)) break;
        this.next();
      }
    }
    this.skipPastSemicolon();
    return { k: 'assign', targets, cursor, start, end: this.end() };
  }

  /** OPEN c [(args)] [[NO] SCROLL] [FOR query | FOR [EXECUTE] 'literal' | FOR v_sql] [USING ...]. */
  protected open(start: number): A.Statement {
    const nameTok = this.next();
    if (this.is(T.LParen)) {
      this.next();
      this.skipWhile(() => true);
      this.next();
    }
    while (SCROLL.has(this.w())) this.next();
    if (this.accept('FOR')) {
      if (this.p.startsQuery(1)) {
        const query = this.query();
        this.skipPastSemicolon();
        return { k: 'cursor', name: this.tokenName(nameTok).parts[0]!, query, start, end: this.end() };
      }
      this.accept('EXECUTE');
      const lits = this.literalRun() ?? this.assignedName();
      if (lits) {
        const body = this.dynamic(lits);
        this.skipPastSemicolon();
        return this.block(start, body);
      }
    }
    this.skipPastSemicolon();
    return this.other('OPEN', start);
  }
}
