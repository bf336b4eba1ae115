/**
 * T-SQL procedural code: CREATE/ALTER [OR ALTER] PROCEDURE, FUNCTION (scalar, inline and
 * multi-statement table valued), TRIGGER; BEGIN...END, BEGIN TRY/CATCH, IF/ELSE, WHILE, DECLARE
 * (scalars, table variables, cursors), SET @v, SELECT/FETCH ... INTO @v, RETURN, RAISERROR, labels,
 * EXEC (procedure calls, recorded; EXEC('...') / sp_executesql N'...' / EXEC (@v) holding a
 * literal: the literal is parsed as SQL where it is written).
 *
 * T-SQL needs no semicolons: a statement ends where the grammar stops, and a failed statement is
 * skipped up to the next token that can start a statement (`SqlParser.startsStatement`).
 */
import { EOF, type IToken } from './chevrotain.js';
import type * as A from '../src/ast/nodes.js';
import { ProcBase, type ProcDialect } from './procbase.js';
import { tokenCount } from './internals.js';
import * as T from './tokens.js';
import { BEGIN_NOT_BLOCK, NO_LINEAGE_WORDS, TSQL_ROUTINE_KINDS } from './words.js';
import { syntaxError } from './messages.js';

const K = T.K;

const CONSTRAINTS = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK', 'INDEX', 'PERIOD']);

export class TSqlParser extends ProcBase implements ProcDialect {
  starts(): boolean {
    const t = this.la(1).tokenType;
    if (t === K.BEGIN || t === K.IF || t === K.WHILE || t === K.DECLARE || t === K.EXEC || t === K.EXECUTE || t === K.RETURN || t === K.RAISERROR || t === K.FETCH) return true;
    if (t === K.SET) return this.la(2).tokenType === T.Variable;
    if (t === T.Name) return this.la(2).tokenType === T.Colon; // label
    if (t === K.OPTION) return this.la(2).tokenType === T.LParen; // query hints the SELECT grammar left
    return false;
  }

  startsRoutine(): boolean {
    return TSQL_ROUTINE_KINDS.has(this.w());
  }

  statement(first: IToken): A.Statement {
    switch (first.tokenType) {
      case K.BEGIN:
        return this.begin(first);
      case K.IF:
        return this.ifStmt(first);
      case K.WHILE: {
        const cond = this.expr();
        return this.block(first.startOffset, [this.one()], { conditions: [cond] });
      }
      case K.DECLARE:
        return this.declare(first);
      case K.EXEC:
      case K.EXECUTE:
        return this.exec(first);
      case K.SET:
        return this.set(first);
      case K.RETURN:
        return this.returnStmt(first);
      case K.FETCH:
        return this.fetch(first);
      case K.RAISERROR:
        // RAISERROR (...) [WITH LOG | NOWAIT | SETERROR, ...]: its WITH starts no statement.
        this.skipRest();
        if (this.is(K.WITH) && /^(LOG|NOWAIT|SETERROR)$/.test(this.w(2))) {
          this.next();
          this.skipRest();
        }
        return this.other('RAISERROR', first.startOffset);
    }
    if (first.tokenType === K.OPTION) {
      // `SELECT ... OPTION (RECOMPILE)`: hints of the query before, no lineage of their own.
      this.skipRest();
      return this.other('OPTION', first.startOffset);
    }
    if (first.tokenType === T.Name && this.is(T.Colon)) {
      this.next();
      return this.other('LABEL', first.startOffset);
    }
    this.skipRest();
    return this.other(first.image.toUpperCase(), first.startOffset);
  }

  // ------------------------------------------------------------------ statements and lists

  /** Is LA(1) where the current statement ends (`;`, the end, or the start of another statement)? */
  private atStatementEnd(): boolean {
    const t = this.la(1);
    return t.tokenType === T.Semicolon || this.atEof() || this.p.startsStatement(t, this.la(2));
  }

  /** Skip the rest of the current statement (T-SQL: up to the next statement start). */
  private skipRest(): void {
    this.skipWhile(() => !this.atStatementEnd());
  }

  /** One statement of a body, isolated: a failure is recorded and skipped. */
  private one(): A.Statement | undefined {
    while (this.is(T.Semicolon)) this.next();
    const s = this.isolate(
      () => this.rule(this.p.statementWithSemi),
      (errIdx, start) => this.resync(errIdx, start),
    );
    // As at the top level: words that start no known statement are an error, not skipped text.
    if (s?.k === 'other' && !NO_LINEAGE_WORDS.has(s.keyword.split(' ')[0]!)) {
      this.p.innerErrors.push(syntaxError(s.start, `unknown statement '${this.p.text.slice(s.start, Math.min(s.end, s.start + 40))}'`));
      return undefined;
    }
    return s;
  }

  /** Statements up to END (not consumed) or the end of the batch. */
  private list(untilEnd: boolean): A.Statement[] {
    const out: A.Statement[] = [];
    for (;;) {
      while (this.is(T.Semicolon)) this.next();
      if (this.atEof() || (untilEnd && this.is(K.END))) return out;
      const before = this.pos;
      const s = this.one();
      if (s) out.push(s);
      if (this.pos === before) this.next();
    }
  }

  /** After a failed statement: resume at the next token that can start a statement. */
  private resync(errIdx: number, start: number): void {
    const tokens = this.p.input;
    const n = tokenCount(this.p);
    for (let i = Math.max(errIdx, start + 2); i < n; i++) {
      const t = tokens[i]!;
      if (this.p.startsStatement(t, tokens[i + 1] ?? t) || tokens[i - 1]!.tokenType === T.Semicolon) return this.resumeAt(i);
    }
    this.resumeAt(n);
  }

  /** END [word] closing a block; a missing END is reported without losing the block. */
  private close(word?: string): void {
    if (!this.is(K.END)) {
      this.innerError(this.la(1), `expected END${word ? ' ' + word : ''}`);
      return;
    }
    this.next();
    if (word) this.accept(word);
  }

  private begin(first: IToken): A.Statement {
    const w = this.w();
    if (w === 'TRY') {
      this.next();
      const body = this.list(true);
      this.close('TRY');
      while (this.is(T.Semicolon)) this.next();
      if (this.w() === 'BEGIN' && this.w(2) === 'CATCH') {
        this.next();
        this.next();
        body.push(...this.list(true));
        this.close('CATCH');
      }
      return this.block(first.startOffset, body);
    }
    if (BEGIN_NOT_BLOCK.has(w)) {
      this.skipRest();
      return this.other('BEGIN TRANSACTION', first.startOffset);
    }
    const body = this.list(true);
    this.close();
    return this.block(first.startOffset, body);
  }

  private ifStmt(first: IToken): A.Statement {
    const cond = this.expr();
    const then = this.one();
    let otherwise: A.Statement | undefined;
    const mark = this.pos;
    while (this.is(T.Semicolon)) this.next();
    if (this.is(K.ELSE)) {
      this.next();
      otherwise = this.one();
    } else this.seek(mark);
    return this.block(first.startOffset, [then, otherwise], { conditions: [cond] });
  }

  // ------------------------------------------------------------------ DECLARE, SET, RETURN

  private declare(first: IToken): A.Statement {
    const body: A.Statement[] = [];
    const variables: string[] = [];
    for (;;) {
      const t = this.la(1);
      if (t.tokenType === T.Variable) {
        this.next();
        variables.push(t.image);
        this.accept('AS');
        if (this.w() === 'TABLE') {
          this.next();
          body.push(this.tableVariable(t));
        } else if (this.w() === 'CURSOR') {
          this.skipWhile(() => !this.is(T.Comma) && !this.atStatementEnd());
        } else {
          this.skipWhile(() => !this.is(T.Comma) && !this.is(T.Eq) && !this.atStatementEnd());
          if (this.is(T.Eq)) {
            this.next();
            this.noteAssignedLiteral(t.image, () => this.is(T.Comma) || this.atStatementEnd());
            const value = this.softExpr();
            if (value) body.push({ k: 'assign', targets: [t.image], value, start: t.startOffset, end: this.end() });
            else this.skipWhile(() => !this.is(T.Comma) && !this.atStatementEnd());
          }
        }
      } else if (this.isName() && this.w(2) === 'CURSOR') {
        body.push(this.cursor());
      } else this.fail(t, 'expected a variable or cursor name');
      if (!this.is(T.Comma)) break;
      this.next();
    }
    return this.block(first.startOffset, body, { variables });
  }

  /** `c CURSOR [options] FOR select [FOR UPDATE [OF ...] | FOR READ ONLY]`. */
  private cursor(): A.Statement {
    const nameTok = this.next();
    this.next();
    this.skipWhile(() => !this.is(K.FOR) && !this.atStatementEnd());
    this.expectType(K.FOR, 'FOR');
    const query = this.query();
    const name = this.tokenName(nameTok).parts[0]!;
    return { k: 'cursor', name, query, start: nameTok.startOffset, end: this.end() };
  }

  /** `@t TABLE (col type ..., PRIMARY KEY (...))`: a table with known columns. */
  private tableVariable(v: IToken): A.CreateTableStmt {
    this.expectType(T.LParen, '(');
    const columns: A.ColumnDef[] = [];
    for (;;) {
      if (this.isName() && !CONSTRAINTS.has(this.w())) {
        const name = this.tokenName(this.next()).parts[0]!;
        columns.push({ name, start: name.start, end: name.end });
      }
      this.skipWhile(() => !this.is(T.Comma));
      if (!this.is(T.Comma)) break;
      this.next();
    }
    this.expectType(T.RParen, ')');
    return { k: 'create_table', name: this.tokenName(v), temporary: true, columns, start: v.startOffset, end: this.end() };
  }

  /** `SET @v = expr` (also `+=` etc.; `SET @c = CURSOR FOR select`). */
  private set(first: IToken): A.Statement {
    const v = this.next();
    if (!this.is(T.Eq)) this.next();
    if (!this.is(T.Eq)) {
      this.skipRest();
      return this.other('SET', first.startOffset);
    }
    this.next();
    if (this.w() === 'CURSOR') {
      this.skipWhile(() => !this.is(K.FOR) && !this.atStatementEnd());
      this.expectType(K.FOR, 'FOR');
      const query = this.query();
      return { k: 'cursor', name: this.tokenName(v).parts[0]!, query, start: first.startOffset, end: this.end() };
    }
    this.noteAssignedLiteral(v.image, () => this.atStatementEnd());
    const value = this.softExpr();
    if (!value) {
      this.skipRest();
      return this.other('SET', first.startOffset);
    }
    return { k: 'assign', targets: [v.image], value, start: first.startOffset, end: this.end() };
  }

  /** FETCH [NEXT | PRIOR | ... FROM] [GLOBAL] c [INTO @a, @b]: the cursor's columns into variables. */
  private fetch(first: IToken): A.Statement {
    if (/^(NEXT|PRIOR|FIRST|LAST|ABSOLUTE|RELATIVE)$/.test(this.w())) this.skipWhile(() => !this.is(K.FROM) && !this.atStatementEnd());
    if (this.is(K.FROM)) this.next();
    if (this.w() === 'GLOBAL' && (this.isName(2) || this.is(T.Variable, 2))) this.next();
    const cursor = this.next();
    const targets: string[] = [];
    if (this.is(K.INTO)) {
      this.next();
      do {
        if (this.is(T.Comma)) this.next();
        targets.push(this.expectType(T.Variable, 'a variable').image);
      } while (this.is(T.Comma));
    }
    return { k: 'assign', targets, cursor: this.tokenName(cursor).parts[0]!.text, start: first.startOffset, end: this.end() };
  }

  /** RETURN [expr]; an inline table-valued function returns a query. */
  private returnStmt(first: IToken): A.Statement {
    if (this.p.startsQuery(1)) {
      const query = this.query();
      return { k: 'query', query, start: query.start, end: this.end() };
    }
    if (this.atStatementEnd() || this.is(K.END)) return this.other('RETURN', first.startOffset);
    const value = this.softExpr();
    if (!value) this.skipRest();
    return this.block(first.startOffset, [], { conditions: value ? [value] : [] });
  }

  // ------------------------------------------------------------------ EXEC

  private exec(first: IToken): A.Statement {
    const start = first.startOffset;
    if (this.is(T.LParen)) {
      this.next();
      const lits = this.literalRun() ?? this.assignedVariable(T.RParen);
      if (lits && this.is(T.RParen)) {
        this.next();
        const body = this.dynamic(lits);
        this.skipRest();
        return this.block(start, body);
      }
      this.skipWhile(() => true);
      this.expectType(T.RParen, ')');
      this.skipRest();
      return this.other('EXEC', start, { diagnostic: this.note('dynamic SQL built at run time is not analyzed') });
    }
    if (this.is(T.Variable) && this.is(T.Eq, 2)) {
      this.next();
      this.next();
    }
    if (this.is(K.AS)) {
      this.skipRest();
      return this.other('EXECUTE AS', start);
    }
    if (this.is(T.Variable) || this.is(T.StringLit)) {
      this.skipRest();
      return this.other('EXEC', start, { diagnostic: this.note('dynamic SQL built at run time is not analyzed') });
    }
    const name = this.qname();
    if (/^sp_executesql$/i.test(name.parts[name.parts.length - 1]!.text)) {
      if (this.is(T.Variable) && this.is(T.Eq, 2)) {
        this.next();
        this.next();
      }
      const lits = this.literalRun() ?? this.assignedVariable(T.Comma);
      if (lits) {
        const body = this.dynamic(lits);
        this.skipRest();
        return this.block(start, body);
      }
      this.skipRest();
      return this.other('EXEC', start, { call: name, diagnostic: this.note('dynamic SQL built at run time is not analyzed') });
    }
    this.skipRest();
    return this.other('EXEC', start, { call: name });
  }

  /** `@v` followed by `next` (or the statement end) holding a literal assigned earlier: its tokens (`@v` consumed). */
  private assignedVariable(next: unknown): IToken[] | undefined {
    if (!this.is(T.Variable)) return undefined;
    const after = this.la(2);
    if (!(after.tokenType === next || after.tokenType === T.RParen || after.tokenType === T.Semicolon || after.tokenType === EOF || this.p.startsStatement(after, this.la(3)))) return undefined;
    const lits = this.assignedLiteral(this.la(1).image);
    if (lits) this.next();
    return lits;
  }

  // ------------------------------------------------------------------ routines

  routine(start: number, first: IToken): A.Statement {
    this.forgetLiterals();
    const kindWord = first.image.toUpperCase();
    const name = this.qname();
    const variables: string[] = [];
    const body: A.Statement[] = [];
    let triggerTable: A.QName | undefined;
    let kind: A.BlockStmt['kind'] = 'procedure';
    let returnsTable: A.TableReturn | undefined;
    if (kindWord === 'FUNCTION') {
      kind = 'function';
      this.parameters(variables, () => !this.is(T.RParen));
      if (this.is(T.RParen)) this.next();
      this.expect('RETURNS');
      if (this.is(T.Variable)) {
        const v = this.next();
        this.expect('TABLE');
        const table = this.tableVariable(v);
        body.push(table);
        returnsTable = { variable: table.name };
      } else if (this.w() === 'TABLE') returnsTable = {};
      this.skipWhile(() => !this.is(K.AS) && !this.is(K.BEGIN) && !this.is(K.RETURN));
      this.accept('AS');
    } else if (kindWord === 'TRIGGER') {
      kind = 'trigger';
      this.expectType(K.ON, 'ON');
      if (this.w() !== 'DATABASE' && !(this.w() === 'ALL' && this.w(2) === 'SERVER')) triggerTable = this.qname();
      this.skipToBodyAs();
    } else {
      if (this.is(T.Semicolon) && this.is(T.NumberLit, 2)) {
        this.next();
        this.next();
      }
      this.parameters(variables, () => !this.bodyAs());
      this.skipToBodyAs();
    }
    if (this.w() === 'EXTERNAL') {
      this.skipWhile(() => true);
      return this.block(start, [], { kind, name, variables });
    }
    body.push(...this.list(false));
    return this.block(start, body, { kind, name, variables, triggerTable, ...(returnsTable && { returnsTable }) });
  }

  /** Parameter names (`@p`) while `more()`; types and defaults are skipped. */
  private parameters(out: string[], more: () => boolean): void {
    if (this.is(T.LParen)) this.next();
    for (;;) {
      if (this.atEof() || !more()) return;
      const t = this.la(1);
      if (t.tokenType === T.Variable && (this.la(0).tokenType === T.Comma || this.la(0).tokenType === T.LParen || out.length === 0)) out.push(t.image);
      if (this.is(T.LParen)) {
        this.next();
        this.skipWhile(() => true);
      }
      this.next();
    }
  }

  /** Is LA(1) the AS that starts a routine body (not `@p AS type`, not `EXECUTE AS`)? */
  private bodyAs(): boolean {
    if (!this.is(K.AS)) return false;
    const prev = this.la(0);
    return prev.tokenType !== T.Variable && prev.tokenType !== K.EXECUTE && prev.tokenType !== K.EXEC;
  }

  private skipToBodyAs(): void {
    this.skipWhile(() => !this.bodyAs());
    this.expectType(K.AS, 'AS');
  }
}
