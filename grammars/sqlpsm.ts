/**
 * SQL/PSM-style procedural statements, the block language shared (with small variations) by ANSI
 * SQL/PSM, MySQL, Db2 SQL PL, BigQuery scripting, Snowflake Scripting, Teradata SPL, HANA
 * SQLScript and PostgreSQL PL/pgSQL: BEGIN [ATOMIC] ... [EXCEPTION WHEN ... THEN ...] END, labels
 * (`lbl: LOOP`, `<<lbl>>`), DECLARE, SET / LET / `v := expr`, IF / ELSEIF / ELSIF, CASE, WHILE ...
 * DO | LOOP, LOOP, REPEAT ... UNTIL, FOR, CALL (recorded as a routine call), EXECUTE [IMMEDIATE]
 * and PREPARE of literal SQL (parsed where it is written), OPEN / FETCH, RETURN [QUERY], PERFORM.
 * Routines, triggers, DO blocks and declarations are in sqlpsm-units.ts.
 *
 * The layer is entered only when a statement starts with one of its words (`starts`): a
 * transaction's BEGIN, `SET NAMES`, `SELECT IF(a, b, c)` and plain queries never reach it.
 */
import { EOF, type IToken } from './chevrotain.js';
import type * as A from '../src/ast/nodes.js';
import { qname } from './build.js';
import type { ProcDialect } from './procbase.js';
import { PsmUnits } from './sqlpsm-units.js';
import * as T from './tokens.js';
import { BEGIN_NOT_BLOCK, END_CLOSERS, ROUTINE_KINDS } from './words.js';

const K = T.K;

/** Words the layer parses itself inside a body (everything else is SQL for the grammar). */
const CONTROL = new Set([
  'BEGIN', 'DECLARE', 'IF', 'CASE', 'WHILE', 'LOOP', 'REPEAT', 'FOR', 'FOREACH', 'SET', 'LET', 'CALL', 'EXECUTE', 'EXEC',
  'PREPARE', 'OPEN', 'FETCH', 'RETURN', 'LEAVE', 'ITERATE', 'BREAK', 'CONTINUE', 'EXIT', 'RAISE', 'SIGNAL', 'RESIGNAL',
  'NULL', 'GET', 'ASSERT', 'CLOSE', 'DEALLOCATE', 'DEFINE', 'SYSTEM', 'TRACE',
]);
/** Statements without lineage: skipped to their `;`. */
const SKIPPED = new Set(['LEAVE', 'ITERATE', 'BREAK', 'CONTINUE', 'EXIT', 'RAISE', 'SIGNAL', 'RESIGNAL', 'NULL', 'GET', 'CLOSE', 'DEALLOCATE', 'SYSTEM', 'TRACE']);
/** Words that start a statement at the top level of a script. */
const TOP = new Set(['BEGIN', 'DECLARE', 'IF', 'CASE', 'WHILE', 'LOOP', 'REPEAT', 'FOR', 'CALL', 'EXECUTE', 'EXEC', 'ASSERT']);
/** Constructs that may carry a label (`lbl: LOOP`). */
const LABELLED = new Set(['BEGIN', 'LOOP', 'WHILE', 'REPEAT', 'FOR']);

export class PsmParser extends PsmUnits implements ProcDialect {
  /** Names of prepared statements (MySQL PREPARE s FROM ...): their SQL was analyzed at PREPARE. */
  private readonly prepared = new Set<string>();
  /** Nesting depth of statement lists (0: the top level of the script). */
  private depth = 0;
  /** Variables DECLAREd at the top level of the script being parsed (`scriptText`). */
  private readonly scriptVars = new Set<string>();
  private scriptText = '';

  starts(): boolean {
    const w = this.w();
    if (TOP.has(w)) return w !== 'BEGIN' || this.isBlockBegin();
    if (this.la(1).image === '<<') return true;
    if (w === 'DO') return this.is(T.StringLit, 2) || this.w(2) === 'LANGUAGE';
    if (w === 'PREPARE') return this.w(3) === 'FROM' || this.w(3) === 'AS' || (this.is(T.LParen, 3) && this.isName(2));
    // At the top level, SET assigns to `@v`, `(a, b)` and declared variables; else it is a session setting.
    if (w === 'SET') return this.is(T.LParen, 2) || ((this.is(T.Variable, 2) || this.scriptVariable(this.w(2))) && this.assignOp(3)) || this.setVar();
    return this.isName() && this.is(T.Colon, 2) && LABELLED.has(this.w(3));
  }

  startsRoutine(): boolean {
    const w = this.w();
    if (ROUTINE_KINDS.has(w)) return true;
    // Teradata `CREATE | REPLACE MACRO m [(params)] AS (statements)`.
    if (w === 'MACRO') return this.isName(2);
    // MySQL `CREATE [DEFINER = u] EVENT [IF NOT EXISTS] e ON SCHEDULE .. DO statement`.
    if (w === 'EVENT') return this.isName(2) || this.w(2) === 'IF';
    if (w === 'CONSTRAINT') return this.w(2) === 'TRIGGER';
    if (w === 'TABLE') return this.w(2) === 'FUNCTION';
    if (w !== 'DEFINER') return false;
    for (let n = 2; n < 10; n++) if (ROUTINE_KINDS.has(this.w(n)) || this.w(n) === 'EVENT') return true;
    return false;
  }

  statement(first: IToken): A.Statement {
    return this.control(first);
  }

  /** Is LA(n) a BEGIN that opens a block (not BEGIN [TRANSACTION | WORK | ...] of a transaction)? */
  private isBlockBegin(n = 1): boolean {
    const next = this.la(n + 1).tokenType;
    return next !== EOF && next !== T.Semicolon && !BEGIN_NOT_BLOCK.has(this.w(n + 1));
  }

  /** Was `name` DECLAREd at the top level of this script? */
  /**
   * Databricks `SET VAR | VARIABLE v = expr [, ..]` / `SET VAR (a, b) = (query)`: session variables
   * (DECLARE VARIABLE) assigned; LA(at + 1) is VAR (after SET: `at` 1, SET consumed: 0).
   */
  private setVar(at = 1): boolean {
    return /^VAR(IABLE)?$/.test(this.w(at + 1)) && (this.is(T.LParen, at + 2) || (this.isName(at + 2) && this.assignOp(at + 3)));
  }

  private scriptVariable(name: string): boolean {
    if (this.scriptText !== this.p.text) {
      this.scriptVars.clear();
      this.scriptText = this.p.text;
    }
    return this.scriptVars.has(name);
  }

  /** Is LA(n) `=` or `:=`? */
  private assignOp(n: number): boolean {
    return this.is(T.Eq, n) || this.la(n).image === ':=';
  }

  /** `name [.field]... :=|=` ahead: an assignment (PL/pgSQL, Snowflake, HANA). */
  private assignmentAhead(): boolean {
    if (!this.isName() && !this.is(T.Variable)) return false;
    let n = 2;
    while (this.is(T.Dot, n) && this.isName(n + 1)) n += 2;
    return this.assignOp(n);
  }

  // ------------------------------------------------------------------ statements

  protected stmt(): A.Statement | undefined {
    if (this.la(1).image === '<<') {
      this.next();
      this.skipLabel();
      return undefined;
    }
    if (this.isName() && this.is(T.Colon, 2) && LABELLED.has(this.w(3))) {
      this.next();
      this.next();
    }
    const w = this.w();
    if (w === 'PERFORM') {
      // PERFORM is a SELECT whose rows are discarded.
      const t = this.la(1);
      t.tokenType = K.SELECT;
      t.tokenTypeIdx = K.SELECT.tokenTypeIdx!;
    } else if ((CONTROL.has(w) && (w !== 'BEGIN' || this.isBlockBegin())) || this.assignmentAhead() || (w === 'ON' && this.p.caps.splRoutines && this.w(2) === 'EXCEPTION')) {
      return this.isolated(() => this.control(this.next()));
    }
    return this.isolated(() => this.sql());
  }

  protected override list(): A.Statement[] {
    this.depth++;
    try {
      return super.list();
    } finally {
      this.depth--;
    }
  }

  protected control(first: IToken): A.Statement {
    const start = first.startOffset;
    if (first.image === '<<') {
      this.skipLabel();
      return this.control(this.next());
    }
    if (this.is(T.Colon) && LABELLED.has(this.w(2))) {
      this.next();
      return this.control(this.next());
    }
    const w = first.image.toUpperCase();
    switch (w) {
      case 'BEGIN':
        return this.begin(start);
      case 'DEFINE':
      case 'DECLARE': {
        const s = this.declare(start);
        if (this.depth === 0 && !this.scriptVariable('')) for (const v of s.variables) this.scriptVars.add(v.toUpperCase());
        return s;
      }
      case 'IF':
        return this.ifStmt(start);
      case 'CASE':
        return this.caseStmt(start);
      case 'WHILE': {
        const conditions: A.Expr[] = [];
        this.cond(conditions, 'DO', 'LOOP');
        const closer = this.next().image.toUpperCase() === 'DO' ? 'WHILE' : 'LOOP';
        return this.loop(start, { conditions }, closer);
      }
      case 'LOOP':
        return this.loop(start, {}, 'LOOP');
      case 'REPEAT':
        return this.repeat(start);
      case 'FOR':
        return this.forLoop(start);
      case 'FOREACH':
        if (this.p.caps.splRoutines) return this.splForeach(start);
        this.skipWhile(() => this.w() !== 'LOOP' && !this.is(T.Semicolon));
        this.expect('LOOP');
        return this.loop(start, {}, 'LOOP');
      case 'SET':
        return this.set(start);
      case 'LET':
        return this.declaration(start);
      case 'CALL':
        return this.call(start);
      case 'EXECUTE':
      case 'EXEC':
        return this.execute(start);
      case 'PREPARE':
        return this.prepare(start);
      case 'OPEN':
        return this.open(start);
      case 'FETCH':
        return this.fetch(start);
      case 'RETURN':
        return this.returnStmt(start);
      case 'DO':
        return this.doBlock(start);
      case 'ASSERT': {
        const conditions: A.Expr[] = [];
        const e = this.softExpr();
        if (e) conditions.push(e);
        this.skipPastSemicolon();
        return this.block(start, [], { conditions });
      }
    }
    if (w === 'ON' && this.p.caps.splRoutines && this.w() === 'EXCEPTION') {
      // Informix `ON EXCEPTION [IN (..)] [SET v, ..] handler END EXCEPTION [WITH RESUME];`: the handler's statements run on an error.
      this.next();
      if (this.w() === 'IN' && this.is(T.LParen, 2)) {
        this.next();
        this.skipOne();
      }
      if (this.accept('SET')) {
        this.next();
        while (this.is(T.Comma)) this.next(), this.next();
      }
      const body = this.list();
      while (!this.atEof() && !(this.w() === 'END' && this.w(2) === 'EXCEPTION')) this.skipOne();
      this.skipPastSemicolon();
      return this.block(start, body);
    }
    if (SKIPPED.has(w)) {
      this.skipPastSemicolon();
      return this.other(w, start);
    }
    return this.assign(first);
  }

  /** BEGIN [ATOMIC | NOT ATOMIC] stmts [EXCEPTION WHEN ... THEN stmts]... END [label] (BEGIN consumed). */
  private begin(start: number): A.Statement {
    if (this.w() === 'NOT' && this.w(2) === 'ATOMIC') this.next();
    this.accept('ATOMIC');
    const body = this.list();
    // `END IF` / `END LOOP` ... of a construct whose head failed (already reported): the block goes on.
    while (this.w() === 'END' && END_CLOSERS.has(this.w(2))) {
      this.close(this.w(2));
      body.push(...this.list());
    }
    this.handlers(body);
    this.close();
    return this.block(start, body);
  }

  /** REPEAT stmts UNTIL cond END REPEAT [label]. */
  private repeat(start: number): A.Statement {
    const body = this.list();
    const conditions: A.Expr[] = [];
    if (this.accept('UNTIL')) this.cond(conditions, 'END');
    this.close('REPEAT');
    return this.block(start, body, { conditions });
  }

  /** LET declaration (Snowflake Scripting): its variable stays in scope. */
  private declaration(start: number): A.Statement {
    const variables: string[] = [];
    const body: A.Statement[] = [];
    this.declItem(variables, body);
    return this.block(start, body, { variables, declaration: true });
  }

  /**
   * Informix `FOREACH [c [WITH HOLD] FOR] SELECT .. INTO v .. FROM ..` (no `;` after the query) or
   * `FOREACH EXECUTE PROCEDURE p(..) INTO v`, then the loop's statements, `END FOREACH`.
   */
  private splForeach(start: number): A.Statement {
    const body: A.Statement[] = [];
    this.skipWhile(() => !this.p.startsQuery(1) && this.w() !== 'EXECUTE' && !this.is(T.Semicolon));
    if (this.p.startsQuery(1)) {
      const query = this.query();
      body.push({ k: 'query', query, start: query.start, end: this.end() });
    } else if (this.w() === 'EXECUTE') this.skipWhile(() => !this.is(T.Semicolon) && this.w() !== 'INTO');
    if (this.w() === 'INTO') this.skipWhile(() => !this.is(T.Semicolon) && !this.p.startsQuery(1) && !CONTROL.has(this.w()));
    while (this.is(T.Semicolon)) this.next();
    body.push(...this.list());
    this.close('FOREACH');
    return this.block(start, body);
  }

  // ------------------------------------------------------------------ assignments

  /**
   * SET v = expr [, w = expr]... | SET (a, b) = (SELECT ...) | SET @v := expr; other SET forms
   * (session settings) are skipped.
   */
  private set(start: number): A.Statement {
    const out: A.Statement[] = [];
    if (this.setVar(0)) this.next();
    do {
      if (this.is(T.Comma)) this.next();
      const at = this.la(1).startOffset;
      let targets: string[] = [];
      if (this.is(T.LParen)) {
        this.next();
        while (this.isName() || this.is(T.Variable)) {
          targets.push(this.tokenName(this.next()).parts[0]!.text);
          if (this.is(T.Comma)) this.next();
        }
        if (this.is(T.RParen)) this.next();
      } else if (this.isName() || this.is(T.Variable)) targets = [this.target()];
      if (targets.length === 0 || !this.assignOp(1)) {
        this.skipPastSemicolon();
        return this.other('SET', start);
      }
      this.next();
      out.push(this.value(targets, at));
    } while (this.is(T.Comma));
    this.skipPastSemicolon();
    return out.length === 1 ? out[0]! : this.block(start, out);
  }

  /** `name [.field]...` (consumed) as written. */
  private target(): string {
    let text = this.tokenName(this.next()).parts[0]!.text;
    while (this.is(T.Dot) && this.isName(2)) {
      this.next();
      text += '.' + this.tokenName(this.next()).parts[0]!.text;
    }
    return text;
  }

  /**
   * The value assigned to `targets` (after `=` / `:=`); a value that does not parse is skipped. A
   * query (HANA table variable `lt = SELECT ...`) is analyzed for what it reads.
   */
  private value(targets: string[], start: number): A.Statement {
    if (this.p.startsQuery(1) && !this.is(T.LParen)) {
      const query = this.query();
      // HANA `lt = SELECT ..`: the rows become table variable lt (read as `FROM :lt`).
      if (this.p.caps.tableVariables && targets.length === 1 && !targets[0]!.includes('.')) {
        const name = qname([{ text: targets[0]!, quoted: false, start, end: start + targets[0]!.length }]);
        return { k: 'create_table', name, temporary: true, columns: [], as: query, start, end: this.end() };
      }
      return { k: 'query', query, start: query.start, end: this.end() };
    }
    this.noteAssignedLiteral(targets[0]!, () => this.is(T.Semicolon) || this.atEof());
    const value = this.softExpr();
    if (!value) this.skipWhile(() => !this.is(T.Semicolon) && !this.is(T.Comma));
    // Snowflake `res := (query)` of a RESULTSET: what a later `LET c CURSOR FOR res` runs over.
    if (value?.k === 'subquery' && value.mode === 'scalar' && targets.length === 1) this.noteResultSet(targets[0]!, value.query);
    return value ? { k: 'assign', targets, value, start, end: this.end() } : this.other('SET', start);
  }

  /** `name := expr;` / `name = expr;` (first token consumed). */
  private assign(first: IToken): A.Statement {
    this.seek(this.pos - 1);
    const targets = [this.target()];
    if (!this.assignOp(1)) this.fail(this.la(1), 'expected := or =');
    this.next();
    const s = this.value(targets, first.startOffset);
    this.skipPastSemicolon();
    return s;
  }

  // ------------------------------------------------------------------ calls and dynamic SQL

  /** CALL name[(args)]: recorded as a routine call. Teradata `CALL DBC.SysExecSQL('...')` runs the literal. */
  private call(start: number): A.Statement {
    const call = this.qname();
    if (/^SysExecSQL$/i.test(call.parts[call.parts.length - 1]!.text) && this.is(T.LParen)) {
      this.next();
      const lits = this.literalRun();
      if (lits && this.is(T.RParen)) {
        const body = this.dynamic(lits);
        this.skipPastSemicolon();
        return this.block(start, body);
      }
    }
    this.skipPastSemicolon();
    return this.other('CALL', start, { call });
  }

  /**
   * EXECUTE IMMEDIATE 'sql' | EXECUTE 'sql' (PL/pgSQL) | EXEC 'sql' (HANA): the literal is parsed;
   * EXECUTE of a prepared statement (`EXECUTE s USING ...`) has no lineage of its own.
   */
  private execute(start: number): A.Statement {
    const immediate = !!this.accept('IMMEDIATE');
    const prepared = !immediate && this.isName() && (this.prepared.has(this.w()) || this.depth === 0) && !this.assignedLiteral(this.la(1).image);
    if (prepared) {
      this.skipPastSemicolon();
      return this.other('EXECUTE', start);
    }
    const s = this.execLiteral(start);
    this.skipPastSemicolon();
    return s;
  }

  /**
   * PREPARE name FROM 'sql' | @v (MySQL): the literal is parsed where it is written.
   * PREPARE name [(types)] AS statement (PostgreSQL): the statement is analyzed there.
   */
  private prepare(start: number): A.Statement {
    const name = this.next().image.toUpperCase();
    if (this.is(T.LParen)) {
      this.next();
      this.skipWhile(() => true);
      this.expectType(T.RParen, ')');
    }
    if (this.accept('AS')) {
      // Its EXECUTE runs what was analyzed here.
      this.prepared.add(name);
      return this.sql() ?? this.other('PREPARE', start);
    }
    if (!this.accept('FROM')) {
      this.skipPastSemicolon();
      return this.other('PREPARE', start);
    }
    // Its EXECUTE runs what was analyzed (or reported) here.
    this.prepared.add(name);
    const s = this.execLiteral(start, 'PREPARE');
    this.skipPastSemicolon();
    return s;
  }

  /** RETURN [QUERY [EXECUTE]] [query | expr] | RETURN NEXT expr (RETURN consumed). */
  protected returnStmt(start: number): A.Statement {
    if (this.accept('QUERY') && this.accept('EXECUTE')) {
      const s = this.execLiteral(start);
      this.skipPastSemicolon();
      return s;
    }
    this.accept('NEXT');
    let s: A.Statement = this.other('RETURN', start);
    if (this.p.startsQuery(1)) {
      const query = this.query();
      s = { k: 'query', query, start: query.start, end: this.end() };
    } else if (!this.is(T.Semicolon) && !this.atEof() && this.w() !== 'END') {
      const value = this.softExpr();
      if (value) s = this.block(start, [], { conditions: [value] });
    }
    this.skipPastSemicolon();
    return s;
  }
}
