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
import { PLSQL_UNIT_KINDS } from './words.js';

const K = T.K;

/** SQL statements handed to the grammar. */
const SQL = new Set(['SELECT', 'WITH', 'INSERT', 'UPDATE', 'DELETE', 'MERGE']);
/** Statements without lineage: skipped to their `;`. */
const SKIPPED = new Set([
  'NULL', 'RAISE', 'EXIT', 'CONTINUE', 'GOTO', 'RETURN', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'CLOSE',
  'SET', 'LOCK', 'PRAGMA',
]);
const DML = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'EXECUTE']);

export class PlSqlParser extends PlSqlUnits implements ProcDialect {
  starts(): boolean {
    const t = this.la(1);
    return t.tokenType === K.DECLARE || t.tokenType === K.BEGIN || t.image === '<<' || t.tokenType === K.EXEC || t.tokenType === K.EXECUTE;
  }

  startsRoutine(): boolean {
    return PLSQL_UNIT_KINDS.has(this.w());
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

  withRoutines(first: IToken): A.Statement[] {
    const routines: A.Statement[] = [];
    for (let kw: IToken | undefined = first; kw !== undefined; kw = this.w() === 'FUNCTION' || this.w() === 'PROCEDURE' ? this.next() : undefined) {
      const unit = this.unit(kw.startOffset, kw, undefined);
      if (unit) routines.push(unit);
      this.expectType(T.Semicolon, ';');
    }
    return routines;
  }

  // ------------------------------------------------------------------ statements

  protected stmt(): A.Statement | undefined {
    if (this.la(1).image === '<<') {
      this.next();
      this.skipLabel();
      return undefined;
    }
    if (SQL.has(this.w()) || this.is(T.LParen)) return this.isolated(() => this.sql());
    return this.isolated(() => this.control(this.next()));
  }

  /** A procedural statement whose first token was consumed. */
  private control(first: IToken): A.Statement {
    const start = first.startOffset;
    const w = first.image.toUpperCase();
    switch (w) {
      case 'IF':
        return this.ifStmt(start);
      case 'LOOP':
        return this.loop(start, {}, 'LOOP');
      case 'WHILE': {
        const conditions: A.Expr[] = [];
        this.cond(conditions, 'LOOP');
        this.expect('LOOP');
        return this.loop(start, { conditions }, 'LOOP');
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
      case 'PIPE':
        return this.pipeRow(start);
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

  /**
   * `PIPE ROW (t_row(a, b, ..))` / `PIPE ROW (v)` (PIPE consumed): a row of the pipelined function, as a
   * SELECT of the constructor's arguments (a column keeps its name), which the function's rows are.
   */
  private pipeRow(start: number): A.Statement {
    const value = this.accept('ROW') && this.is(T.LParen) ? this.softExpr() : undefined;
    this.skipPastSemicolon();
    if (value === undefined) return this.other('PIPE', start);
    const args = value.k === 'func' && value.over === undefined && value.args.length > 0 ? value.args : [value];
    const items = args.map((expr): A.SelectItem => {
      const parts = expr.k === 'col' ? expr.name.parts : undefined;
      return { expr, alias: parts && parts.length > 1 ? parts[parts.length - 1] : undefined, start: expr.start, end: expr.end };
    });
    const query: A.Select = { k: 'select', items, from: [], groupBy: [], start, end: this.end() };
    return { k: 'query', query, start, end: this.end() };
  }

  private executeImmediate(start: number): A.Statement {
    if (!this.accept('IMMEDIATE')) {
      this.skipPastSemicolon();
      return this.other('EXECUTE', start);
    }
    const s = this.execLiteral(start);
    this.skipPastSemicolon();
    return s;
  }
}
