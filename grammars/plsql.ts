/**
 * PL/SQL statements: anonymous DECLARE...BEGIN...END blocks, IF/ELSIF, LOOP, WHILE, FOR (numeric,
 * `FOR r IN (SELECT ...)`, cursor loops), FORALL, CASE statements, EXECUTE IMMEDIATE '...' (parsed
 * as SQL), OPEN ... FOR, FETCH ... INTO, assignments and procedure calls, and the SQL statements
 * handed to the grammar. Routines, packages, triggers and declarations are in plsql-units.ts.
 * Every PL/SQL statement ends with `;`, which is also where a failed statement is resumed.
 */
import { EOF, type IToken } from './chevrotain.js';
import type * as A from '../src/ast/nodes.js';
import { PlSqlUnits } from './plsql-units.js';
import type { ProcDialect } from './procbase.js';
import * as T from './tokens.js';

const K = T.K;

/** Words that end a statement list (the enclosing construct continues there). */
const STOP = new Set(['END', 'EXCEPTION', 'ELSIF', 'ELSEIF', 'ELSE', 'WHEN']);
/** SQL statements handed to the grammar. */
const SQL = new Set(['SELECT', 'WITH', 'INSERT', 'UPDATE', 'DELETE', 'MERGE']);
/** Statements without lineage: skipped to their `;`. */
const SKIPPED = new Set([
  'NULL', 'RAISE', 'EXIT', 'CONTINUE', 'GOTO', 'RETURN', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'CLOSE', 'PIPE',
  'SET', 'LOCK', 'PRAGMA',
]);
const DML = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'EXECUTE']);

export class PlSqlParser extends PlSqlUnits implements ProcDialect {
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

  protected list(): A.Statement[] {
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
    const record = this.recordInsert();
    if (record) return record;
    const s = this.rule(this.p.statementWithSemi);
    if (this.la(0).tokenType !== T.Semicolon && !this.atEof() && !STOP.has(this.w())) this.fail(this.la(1), 'expected ;');
    return s;
  }

  /** `INSERT INTO t [alias] VALUES rec;`: a whole record, whose fields are not known. */
  private recordInsert(): A.Statement | undefined {
    if (this.w() !== 'INSERT' || this.w(2) !== 'INTO') return undefined;
    let n = 3;
    while (this.isName(n) && this.is(T.Dot, n + 1)) n += 2;
    if (this.isName(n + 1) && this.w(n + 1) !== 'VALUES') n++;
    if (this.w(n + 1) !== 'VALUES' || !this.isName(n + 2) || !this.is(T.Semicolon, n + 3)) return undefined;
    const start = this.next().startOffset;
    this.next();
    const target = this.qname();
    this.skipPastSemicolon();
    return { k: 'insert', target, start, end: this.end() };
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
      case 'FETCH':
        return this.fetch(start);
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
      const from = this.end();
      this.skipWhile(() => this.la(1).image !== ':=');
      const target = this.tokenName(first).parts[0]!.text + this.p.text.slice(from, this.la(1).startOffset).replace(/\s+/g, '');
      this.next();
      this.noteAssignedLiteral(target, () => this.is(T.Semicolon) || this.atEof());
      const value = this.softExpr();
      this.skipPastSemicolon();
      return value ? { k: 'assign', targets: [target], value, start, end: this.end() } : this.other('ASSIGN', start);
    }
    const parts = [this.tokenName(first).parts[0]!];
    while (this.is(T.Dot) && this.isName(2)) {
      this.next();
      parts.push(this.tokenName(this.next()).parts[0]!);
    }
    if (this.is(T.LParen)) {
      this.next();
      this.skipWhile(() => true);
      this.expectType(T.RParen, ')');
    }
    if (!this.is(T.Semicolon) && !this.atEof()) this.fail(this.la(1), 'expected ;');
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
    const lits = this.literalRun() ?? this.assignedName();
    const w = this.w();
    if (lits && (this.is(T.Semicolon) || this.atEof() || w === 'INTO' || w === 'USING' || w === 'RETURNING' || w === 'RETURN' || w === 'BULK')) {
      const body = this.dynamic(lits);
      this.skipPastSemicolon();
      return this.block(start, body);
    }
    this.skipPastSemicolon();
    return this.other('EXECUTE IMMEDIATE', start, { diagnostic: this.note('dynamic SQL built at run time is not analyzed') });
  }

  /** FETCH c [BULK COLLECT] INTO a, b [LIMIT n]: the cursor's columns into variables. */
  private fetch(start: number): A.Statement {
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

  /** A variable holding a literal assigned earlier in the routine: its tokens (the name consumed). */
  private assignedName(): IToken[] | undefined {
    if (!this.isName() && !this.is(T.Variable)) return undefined;
    const lits = this.assignedLiteral(this.tokenName(this.la(1)).parts[0]!.text);
    if (lits) this.next();
    return lits;
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
