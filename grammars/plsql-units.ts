/**
 * PL/SQL units and declarations: subprograms (standalone and nested, named `container.name`),
 * packages and type bodies, triggers (simple and compound), declaration sections (variables,
 * cursors, types, pragmas) and BEGIN ... EXCEPTION ... END bodies. The statements inside are
 * parsed by PlSqlParser (plsql.ts) through `list()`.
 */
import type { IToken } from './chevrotain.js';
import type * as A from '../src/ast/nodes.js';
import { BlockParser } from './procblocks.js';
import * as T from './tokens.js';

const K = T.K;

const SUBPROGRAM_PREFIX = new Set(['MEMBER', 'STATIC', 'CONSTRUCTOR', 'MAP', 'ORDER', 'OVERRIDING', 'FINAL', 'NOT', 'INSTANTIABLE']);
const TIMING = new Set(['BEFORE', 'AFTER', 'INSTEAD']);
const STOP_DECLS = new Set(['BEGIN', 'END']);
const TIMING_OR_END = new Set(['BEFORE', 'AFTER', 'INSTEAD', 'END']);
const TRIGGER_BODY = new Set(['DECLARE', 'BEGIN', 'COMPOUND', 'CALL']);

export interface Decls {
  vars: string[];
  stmts: A.Statement[];
}

export abstract class PlSqlUnits extends BlockParser {
  // ------------------------------------------------------------------ blocks and declarations

  /** [DECLARE decls] BEGIN stmts [EXCEPTION handlers] END: `d` holds the parsed declarations. */
  protected body(start: number, d: Decls, extra: Partial<A.BlockStmt>, expectBegin = true): A.BlockStmt {
    if (expectBegin) this.expect('BEGIN');
    const stmts = [...d.stmts, ...this.list()];
    this.handlers(stmts);
    this.close();
    return this.block(start, stmts, { ...extra, variables: [...(extra.variables ?? []), ...d.vars] });
  }

  /** Declarations up to BEGIN / END (or a compound trigger's timing point). */
  protected decls(container: A.QName | undefined, stop = STOP_DECLS): Decls {
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

  protected decl(d: Decls, container: A.QName | undefined): A.Statement | undefined {
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
  protected cursorDecl(d: Decls): A.Statement | undefined {
    const start = this.next().startOffset;
    const name = this.tokenName(this.next()).parts[0]!;
    d.vars.push(...this.params());
    this.skipWhile(() => !this.is(K.IS) && !this.is(T.Semicolon));
    if (!this.is(K.IS)) return undefined;
    this.next();
    const query = this.query();
    return { k: 'cursor', name, query, start, end: this.end() };
  }

  /**
   * PROCEDURE/FUNCTION (keyword consumed): the subprogram body, or undefined for a forward
   * declaration or an external (LANGUAGE/EXTERNAL) one. Nested units are named `container.name`.
   */
  protected unit(start: number, kw: IToken, container: A.QName | undefined): A.Statement | undefined {
    this.forgetLiterals();
    const kind = kw.image.toUpperCase() === 'FUNCTION' ? 'function' : 'procedure';
    const own = this.qname();
    const name: A.QName = container ? { ...own, parts: [...container.parts, ...own.parts] } : own;
    const vars = this.params();
    // RETURN type and options; `RETURN SELF AS RESULT` (type constructors) is not the body's AS.
    const bodyStart = () => this.is(K.IS) || (this.is(K.AS) && this.w(0) !== 'SELF');
    // A PIPELINED function is a table function: the rows it pipes (PIPE ROW) are its rows.
    let pipelined = false;
    this.skipWhile(() => {
      if (this.w() === 'PIPELINED') pipelined = true;
      return !bodyStart() && !this.is(T.Semicolon);
    });
    if (!bodyStart()) return undefined;
    this.next();
    if (this.w() === 'LANGUAGE' || this.w() === 'EXTERNAL') {
      this.skipPastSemicolon();
      return undefined;
    }
    const d = this.decls(name);
    return this.body(start, d, { kind, name, variables: vars, ...(pipelined ? { returnsTable: {} } : {}) });
  }

  /** PACKAGE [BODY] / TYPE BODY name ... IS|AS decls [BEGIN init] END [name]. */
  protected pkg(start: number, isBody: boolean): A.Statement {
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
  protected trigger(start: number): A.Statement {
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
