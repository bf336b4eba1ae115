/**
 * PL/SQL: CREATE [OR REPLACE] PROCEDURE / FUNCTION / PACKAGE [BODY] / TRIGGER / TYPE [BODY],
 * anonymous DECLARE...BEGIN...END blocks, declarations (variables, cursors, nested subprograms),
 * IF/ELSIF, LOOP, WHILE, FOR (numeric, `FOR r IN (SELECT ...)`, cursor loops), FORALL, CASE
 * statements, EXCEPTION handlers, EXECUTE IMMEDIATE '...' (parsed as SQL), OPEN ... FOR, and
 * assignments / procedure calls. Every PL/SQL statement ends with `;`, which is also where a
 * failed statement is resumed.
 */
import { EOF, type IToken } from 'chevrotain';
import type * as A from '../src/ast/nodes.js';
import { ProcBase, type ProcDialect } from './procbase.js';
import * as T from './tokens.js';

const K = T.K;

/** Words that end a statement list (the enclosing construct continues there). */
const STOP = new Set(['END', 'EXCEPTION', 'ELSIF', 'ELSEIF', 'ELSE', 'WHEN']);
/** SQL statements handed to the grammar. */
const SQL = new Set(['SELECT', 'WITH', 'INSERT', 'UPDATE', 'DELETE', 'MERGE']);
/** Statements without lineage: skipped to their `;`. */
const SKIPPED = new Set([
  'NULL', 'RAISE', 'EXIT', 'CONTINUE', 'GOTO', 'RETURN', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'CLOSE', 'FETCH', 'PIPE',
  'SET', 'LOCK', 'PRAGMA',
]);
const DML = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'EXECUTE']);
const SUBPROGRAM_PREFIX = new Set(['MEMBER', 'STATIC', 'CONSTRUCTOR', 'MAP', 'ORDER', 'OVERRIDING', 'FINAL', 'NOT', 'INSTANTIABLE']);
const TIMING = new Set(['BEFORE', 'AFTER', 'INSTEAD']);

interface Decls {
  vars: string[];
  stmts: A.Statement[];
}

export class PlSqlParser extends ProcBase implements ProcDialect {
  starts(): boolean {
    const t = this.la(1);
    return t.tokenType === K.DECLARE || t.tokenType === K.BEGIN || t.image === '<<' || t.tokenType === K.EXEC || t.tokenType === K.EXECUTE;
  }

  startsRoutine(): boolean {
    const w = this.w();
    return w === 'PROCEDURE' || w === 'FUNCTION' || w === 'PACKAGE' || w === 'TRIGGER' || w === 'TYPE';
  }

  /** Top level: anonymous blocks, labelled blocks, SQL*Plus EXEC. */
  statement(first: IToken): A.Statement {
    if (first.image === '<<') {
      this.skipLabel();
      return this.statement(this.next());
    }
    if (first.tokenType === K.EXEC || first.tokenType === K.EXECUTE) return this.assignOrCall(this.next());
    return this.control(first);
  }

  routine(start: number, first: IToken): A.Statement {
    const w = first.image.toUpperCase();
    if (w === 'PROCEDURE' || w === 'FUNCTION') return this.unit(start, first, undefined) ?? this.other(`CREATE ${w}`, start);
    if (w === 'PACKAGE' || (w === 'TYPE' && this.w() === 'BODY')) return this.pkg(start, !!this.accept('BODY'));
    if (w === 'TRIGGER') return this.trigger(start);
    this.skipWhile(() => !this.is(T.Semicolon));
    return this.other(`CREATE ${w}`, start);
  }

  // ------------------------------------------------------------------ statement lists

  private list(): A.Statement[] {
    const out: A.Statement[] = [];
    for (;;) {
      while (this.is(T.Semicolon)) this.next();
      if (this.atEof() || STOP.has(this.w())) return out;
      const before = this.pos;
      const s = this.stmt();
      if (s) out.push(s);
      if (this.pos === before) this.next();
    }
  }

  private stmt(): A.Statement | undefined {
    if (this.la(1).image === '<<') {
      this.next();
      this.skipLabel();
      return undefined;
    }
    const resync = (errIdx: number, start: number) => this.resyncSemicolon(errIdx, start);
    if (SQL.has(this.w()) || this.is(T.LParen)) return this.isolate(() => this.sql(), resync);
    return this.isolate(() => this.control(this.next()), resync);
  }

  /** A SQL statement; it must end at `;` (or where the enclosing construct continues). */
  private sql(): A.Statement {
    const s = this.rule(this.p.statementWithSemi);
    if (this.la(0).tokenType !== T.Semicolon && !this.atEof() && !STOP.has(this.w())) this.fail(this.la(1), 'expected ;');
    return s;
  }

  private skipLabel(): void {
    this.skipWhile(() => this.la(1).image !== '>>');
    if (this.la(1).image === '>>') this.next();
  }

  /** A procedural statement whose first token was consumed. */
  private control(first: IToken): A.Statement {
    const start = first.startOffset;
    const w = first.image.toUpperCase();
    switch (w) {
      case 'IF':
        return this.ifStmt(start);
      case 'LOOP':
        return this.loop(start, {});
      case 'WHILE': {
        const conditions: A.Expr[] = [];
        this.cond(conditions, 'LOOP');
        this.expect('LOOP');
        return this.loop(start, { conditions });
      }
      case 'FOR':
        return this.forLoop(start);
      case 'FORALL': {
        const v = this.next();
        this.skipWhile(() => !DML.has(this.w()) && !this.is(T.Semicolon));
        return this.block(start, [this.stmt()], { variables: [v.image] });
      }
      case 'CASE':
        return this.caseStmt(start);
      case 'BEGIN':
        return this.body(start, { vars: [], stmts: [] }, {}, false);
      case 'DECLARE':
        return this.body(start, this.decls(undefined), {});
      case 'EXECUTE':
        return this.executeImmediate(start);
      case 'OPEN':
        return this.open(start);
    }
    if (SKIPPED.has(w)) {
      this.skipPastSemicolon();
      return this.other(w, start);
    }
    return this.assignOrCall(first);
  }

  /** `target := expr;` or a procedure call `name[(args)];` (first token consumed). */
  private assignOrCall(first: IToken): A.Statement {
    const start = first.startOffset;
    let depth = 0;
    let assign = false;
    for (let n = 1; ; n++) {
      const t = this.la(n);
      if (t.tokenType === EOF) break;
      if (t.tokenType === T.LParen) depth++;
      else if (t.tokenType === T.RParen) depth--;
      else if (depth === 0 && t.tokenType === T.Semicolon) break;
      else if (depth === 0 && t.image === ':=') {
        assign = true;
        break;
      }
    }
    if (assign) {
      this.skipWhile(() => this.la(1).image !== ':=');
      this.next();
      const value = this.softExpr();
      this.skipPastSemicolon();
      const target = this.tokenName(first).parts[0]!.text;
      return value ? { k: 'assign', targets: [target], value, start, end: this.end() } : this.other('ASSIGN', start);
    }
    const parts = [this.tokenName(first).parts[0]!];
    while (this.is(T.Dot) && this.isName(2)) {
      this.next();
      parts.push(this.tokenName(this.next()).parts[0]!);
    }
    this.skipPastSemicolon();
    const call: A.QName = { parts, start, end: parts[parts.length - 1]!.end };
    return this.other('CALL', start, { call });
  }

  /** A condition before `until` (THEN, LOOP); skipped silently when it does not parse. */
  private cond(out: A.Expr[], until: string): void {
    const e = this.softExpr();
    if (e && this.w() === until) out.push(e);
    else this.skipWhile(() => this.w() !== until && !this.is(T.Semicolon));
  }

  /** END [word] [label]; a missing END is reported without losing the construct. */
  private close(word?: string): void {
    if (this.w() !== 'END') {
      this.innerError(this.la(1), `expected END${word ? ' ' + word : ''}`);
      return;
    }
    this.next();
    if (word && this.w() === word) this.next();
    if (this.isName() && (this.is(T.Semicolon, 2) || this.is(EOF, 2))) this.next();
  }

  private ifStmt(start: number): A.Statement {
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

  private loop(start: number, extra: Partial<A.BlockStmt>): A.Statement {
    const body = this.list();
    this.close('LOOP');
    return this.block(start, body, extra);
  }

  /** FOR i IN [REVERSE] lo .. hi | FOR r IN (query) | FOR r IN cursor[(args)]  LOOP ... END LOOP. */
  private forLoop(start: number): A.Statement {
    const v = this.tokenName(this.next()).parts[0]!.text;
    this.expect('IN');
    this.accept('REVERSE');
    let record: A.BlockStmt['record'];
    if (this.is(T.LParen) && this.p.startsQuery(2)) {
      record = { name: v, query: this.query() };
    } else if (this.isName()) {
      let range = false;
      const names: string[] = [];
      for (let n = 1; this.la(n).tokenType !== EOF && this.w(n) !== 'LOOP'; n++) {
        const t = this.la(n);
        if ((t.tokenType === T.Dot && this.la(n + 1).tokenType === T.Dot) || (t.tokenType === T.NumberLit && t.image.startsWith('.'))) range = true;
        if (t.tokenType === T.LParen) break;
        if (t.tokenType !== T.Dot) names.push(this.tokenName(t).parts[0]!.text);
      }
      if (!range) record = { name: v, cursor: names.join('.') };
    }
    this.skipWhile(() => this.w() !== 'LOOP');
    this.expect('LOOP');
    return this.loop(start, { variables: [v], record });
  }

  private caseStmt(start: number): A.Statement {
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

  private executeImmediate(start: number): A.Statement {
    if (!this.accept('IMMEDIATE')) {
      this.skipPastSemicolon();
      return this.other('EXECUTE', start);
    }
    const lits = this.literalRun();
    const w = this.w();
    if (lits && (this.is(T.Semicolon) || this.atEof() || w === 'INTO' || w === 'USING' || w === 'RETURNING' || w === 'RETURN' || w === 'BULK')) {
      const body = this.dynamic(lits);
      this.skipPastSemicolon();
      return this.block(start, body);
    }
    this.skipPastSemicolon();
    return this.other('EXECUTE IMMEDIATE', start, { diagnostic: this.note('dynamic SQL built at run time is not analyzed') });
  }

  /** OPEN c [(args)] [FOR query | FOR 'literal' | FOR v_sql] [USING ...]. */
  private open(start: number): A.Statement {
    const nameTok = this.next();
    if (this.is(T.LParen)) {
      this.next();
      this.skipWhile(() => true);
      this.next();
    }
    if (this.accept('FOR')) {
      if (this.p.startsQuery(1)) {
        const query = this.query();
        this.skipPastSemicolon();
        return { k: 'cursor', name: this.tokenName(nameTok).parts[0]!, query, start, end: this.end() };
      }
      const lits = this.literalRun();
      if (lits) {
        const body = this.dynamic(lits);
        this.skipPastSemicolon();
        return this.block(start, body);
      }
    }
    this.skipPastSemicolon();
    return this.other('OPEN', start);
  }

  // ------------------------------------------------------------------ blocks and declarations

  /** [DECLARE decls] BEGIN stmts [EXCEPTION handlers] END: `d` holds the parsed declarations. */
  private body(start: number, d: Decls, extra: Partial<A.BlockStmt>, expectBegin = true): A.BlockStmt {
    if (expectBegin) this.expect('BEGIN');
    const stmts = [...d.stmts, ...this.list()];
    this.handlers(stmts);
    this.close();
    return this.block(start, stmts, { ...extra, variables: [...(extra.variables ?? []), ...d.vars] });
  }

  private handlers(out: A.Statement[]): void {
    if (!this.accept('EXCEPTION')) return;
    while (this.accept('WHEN')) {
      this.skipWhile(() => this.w() !== 'THEN' && !this.is(T.Semicolon));
      this.expect('THEN');
      out.push(...this.list());
    }
  }

  /** Declarations up to BEGIN / END (or a compound trigger's timing point). */
  private decls(container: A.QName | undefined, stop = STOP_DECLS): Decls {
    const d: Decls = { vars: [], stmts: [] };
    for (;;) {
      while (this.is(T.Semicolon)) this.next();
      if (this.atEof() || stop.has(this.w())) return d;
      const before = this.pos;
      const s = this.isolate(() => this.decl(d, container), (errIdx, start) => this.resyncSemicolon(errIdx, start));
      if (s) d.stmts.push(s);
      if (this.pos === before) this.next();
    }
  }

  private decl(d: Decls, container: A.QName | undefined): A.Statement | undefined {
    const w = this.w();
    if (w === 'PRAGMA' || w === 'TYPE' || w === 'SUBTYPE') {
      this.skipPastSemicolon();
      return undefined;
    }
    if (w === 'DECLARE') {
      this.next();
      return undefined;
    }
    if (w === 'CURSOR') return this.cursorDecl(d);
    if (SUBPROGRAM_PREFIX.has(w)) this.skipWhile(() => this.w() !== 'PROCEDURE' && this.w() !== 'FUNCTION' && !this.is(T.Semicolon));
    if (this.w() === 'PROCEDURE' || this.w() === 'FUNCTION') {
      const kw = this.next();
      return this.unit(kw.startOffset, kw, container);
    }
    if (this.isName()) d.vars.push(this.tokenName(this.la(1)).parts[0]!.text);
    this.skipPastSemicolon();
    return undefined;
  }

  /** CURSOR c [(params)] [RETURN type] IS query; */
  private cursorDecl(d: Decls): A.Statement | undefined {
    const start = this.next().startOffset;
    const name = this.tokenName(this.next()).parts[0]!;
    d.vars.push(...this.params());
    this.skipWhile(() => !this.is(K.IS) && !this.is(T.Semicolon));
    if (!this.is(K.IS)) return undefined;
    this.next();
    const query = this.query();
    return { k: 'cursor', name, query, start, end: this.end() };
  }

  /** `(name [IN|OUT|NOCOPY] type [:= default], ...)`: the parameter names. */
  private params(): string[] {
    const out: string[] = [];
    if (!this.is(T.LParen)) return out;
    this.next();
    for (;;) {
      if (this.isName() || this.is(T.Variable)) out.push(this.tokenName(this.la(1)).parts[0]!.text);
      this.skipWhile(() => !this.is(T.Comma));
      if (!this.is(T.Comma)) break;
      this.next();
    }
    if (this.is(T.RParen)) this.next();
    return out;
  }

  /**
   * PROCEDURE/FUNCTION (keyword consumed): the subprogram body, or undefined for a forward
   * declaration or an external (LANGUAGE/EXTERNAL) one. Nested units are named `container.name`.
   */
  private unit(start: number, kw: IToken, container: A.QName | undefined): A.Statement | undefined {
    const kind = kw.image.toUpperCase() === 'FUNCTION' ? 'function' : 'procedure';
    const own = this.qname();
    const name: A.QName = container ? { ...own, parts: [...container.parts, ...own.parts] } : own;
    const vars = this.params();
    // RETURN type and options; `RETURN SELF AS RESULT` (type constructors) is not the body's AS.
    const bodyStart = () => this.is(K.IS) || (this.is(K.AS) && this.w(0) !== 'SELF');
    this.skipWhile(() => !bodyStart() && !this.is(T.Semicolon));
    if (!bodyStart()) return undefined;
    this.next();
    if (this.w() === 'LANGUAGE' || this.w() === 'EXTERNAL') {
      this.skipPastSemicolon();
      return undefined;
    }
    const d = this.decls(name);
    return this.body(start, d, { kind, name, variables: vars });
  }

  /** PACKAGE [BODY] / TYPE BODY name ... IS|AS decls [BEGIN init] END [name]. */
  private pkg(start: number, isBody: boolean): A.Statement {
    const name = this.qname();
    this.skipWhile(() => !this.is(K.IS) && !this.is(K.AS));
    this.expectType(this.is(K.IS) ? K.IS : K.AS, 'IS or AS');
    const d = this.decls(isBody ? name : undefined);
    const body = [...d.stmts];
    if (this.accept('BEGIN')) {
      body.push(...this.list());
      this.handlers(body);
    }
    this.close();
    return this.block(start, body, { kind: 'package', name, variables: d.vars });
  }

  /** CREATE TRIGGER name timing events ON table [...] {[DECLARE] BEGIN | COMPOUND TRIGGER | CALL}. */
  private trigger(start: number): A.Statement {
    const name = this.qname();
    this.skipWhile(() => !this.is(K.ON));
    this.expectType(K.ON, 'ON');
    let triggerTable: A.QName | undefined;
    if (this.w() !== 'SCHEMA' && this.w() !== 'DATABASE' && this.w() !== 'NESTED') triggerTable = this.qname();
    this.skipWhile(() => !TRIGGER_BODY.has(this.w()));
    const extra: Partial<A.BlockStmt> = { kind: 'trigger', name, triggerTable };
    if (this.accept('CALL')) {
      this.skipWhile(() => !this.is(T.Semicolon));
      return this.block(start, [], extra);
    }
    if (this.accept('COMPOUND')) {
      this.expect('TRIGGER');
      const d = this.decls(undefined, TIMING_OR_END);
      while (TIMING.has(this.w())) {
        const at = this.la(1).startOffset;
        this.skipWhile(() => !this.is(K.IS));
        this.expectType(K.IS, 'IS');
        d.stmts.push(this.body(at, this.decls(undefined), {}));
        this.skipWhile(() => !this.is(T.Semicolon));
        while (this.is(T.Semicolon)) this.next();
      }
      this.close();
      return this.block(start, d.stmts, { ...extra, variables: d.vars });
    }
    return this.body(start, this.accept('DECLARE') ? this.decls(undefined) : { vars: [], stmts: [] }, extra);
  }
}

const STOP_DECLS = new Set(['BEGIN', 'END']);
const TIMING_OR_END = new Set(['BEFORE', 'AFTER', 'INSTEAD', 'END']);
const TRIGGER_BODY = new Set(['DECLARE', 'BEGIN', 'COMPOUND', 'CALL']);
