/**
 * SQL/PSM units and declarations: CREATE PROCEDURE / FUNCTION (header options, then a BEGIN ...
 * END block, a single statement, `RETURN expr | query`, BigQuery `AS (expr)`, or a string body:
 * PostgreSQL `AS $$...$$ LANGUAGE plpgsql`, Snowflake `AS '...'`), CREATE TRIGGER (MySQL, Db2,
 * SQLite, PostgreSQL `EXECUTE FUNCTION f()`), PostgreSQL `DO $$...$$`, and DECLARE (variables,
 * cursors, handlers, conditions, Db2 global temporary tables; PL/pgSQL and Snowflake declaration
 * sections without a DECLARE per item). The statements inside are parsed by PsmParser (sqlpsm.ts).
 *
 * A string body is scanned where it is written (ProcBase.dynamic), so positions inside it are
 * positions of the file; a body in another language (plpython, JavaScript, ...) gets a note.
 */
import type { IToken } from './chevrotain.js';
import type * as A from '../src/ast/nodes.js';
import { stringValue } from './literals.js';
import { NO_LINEAGE_WORDS } from './words.js';
import { BlockParser, STOP } from './procblocks.js';
import * as T from './tokens.js';

const K = T.K;

/** Statement words of SQL/PSM, PL/pgSQL and Snowflake Scripting beyond the SQL ones. */
export const PSM_WORDS = new Set([
  'LET', 'PERFORM', 'LEAVE', 'ITERATE', 'SIGNAL', 'RESIGNAL', 'GET', 'ASSERT', 'FOREACH', 'REPEAT', 'BEGIN', 'DECLARE', 'DEFINE',
]);
/** Languages whose routine bodies are SQL (or a SQL block language) and are analyzed. */
const SQL_LANGUAGES = new Set(['sql', 'plpgsql', 'sqlscript', 'plvsql', 'nzplsql', 'spl', 'sqlpl']);
/** Words that start an Informix SPL routine body (besides BODY_START). */
/** Variables of a PostgreSQL trigger function (TG_OP, ..): never columns. */
const TRIGGER_VARIABLES = ['tg_name', 'tg_when', 'tg_level', 'tg_op', 'tg_relid', 'tg_relname', 'tg_table_name', 'tg_table_schema', 'tg_nargs', 'tg_argv'];
const SPL_BODY_START = new Set(['DEFINE', 'LET', 'FOREACH', 'ON', 'SYSTEM', 'TRACE', 'RAISE', 'EXECUTE']);
/** Words that may open a routine body written as one statement (MySQL, Db2, SQLite). */
const BODY_START = new Set(['BEGIN', 'DECLARE', 'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'REPLACE', 'CALL', 'IF', 'WHILE', 'LOOP', 'REPEAT', 'CASE', 'RETURN', 'FOR']);
const HANDLER_KINDS = new Set(['CONTINUE', 'EXIT', 'UNDO']);
const CURSOR_PREFIX = new Set(['BINARY', 'INSENSITIVE', 'ASENSITIVE', 'SENSITIVE', 'NO', 'SCROLL']);
const NOT_VARIABLE = new Set(['CONDITION', 'EXCEPTION', 'ALIAS']);

export abstract class PsmUnits extends BlockParser {
  /** A procedural statement whose first token was consumed. */
  protected abstract control(first: IToken): A.Statement;
  /** RETURN's operand (RETURN consumed). */
  protected abstract returnStmt(start: number): A.Statement;

  /** Does LA(1) start a SQL/PSM statement (a statement word, not a name being declared)? */
  protected statementWord(n = 1): boolean {
    const w = this.w(n);
    return NO_LINEAGE_WORDS.has(w) || PSM_WORDS.has(w) || STOP.has(w);
  }

  // ------------------------------------------------------------------ DECLARE

  /**
   * DECLARE (consumed) item; then, as in PL/pgSQL and Snowflake declaration sections, more items
   * written without DECLARE. The variables stay in scope after the statement.
   */
  protected declare(start: number): A.BlockStmt {
    const variables: string[] = [];
    const body: A.Statement[] = [];
    this.declItem(variables, body);
    while (this.declarationAhead()) this.declItem(variables, body);
    return this.block(start, body, { variables, declaration: true });
  }

  /** `name type ...` ahead (a declaration without DECLARE), not a statement, label or assignment. */
  protected declarationAhead(): boolean {
    if (!this.isName() || this.statementWord()) return false;
    const t = this.la(2);
    return (this.isName(2) || t.tokenType === T.Variable) && !this.is(T.Colon, 2);
  }

  /** One declaration (after DECLARE or LET, or in a declaration section), up to and over its `;`. */
  protected declItem(vars: string[], out: A.Statement[]): void {
    const start = this.la(1).startOffset;
    if (HANDLER_KINDS.has(this.w()) && this.w(2) === 'HANDLER') return this.handler(out);
    if (this.w() === 'GLOBAL' && this.w(2) === 'TEMPORARY') {
      this.next();
      this.next();
      out.push(this.rule(this.p.createTable, start, true));
      this.skipPastSemicolon();
      return;
    }
    // Informix `DEFINE GLOBAL v INT DEFAULT 0;`.
    if (this.w() === 'GLOBAL' && this.isName(2)) this.next();
    // Databricks `DECLARE [OR REPLACE] VARIABLE | VAR name [type] [DEFAULT | = value]`.
    if (this.w() === 'OR' && this.w(2) === 'REPLACE' && /^VAR(IABLE)?$/.test(this.w(3))) this.next(), this.next();
    if (/^VAR(IABLE)?$/.test(this.w()) && this.isName(2) && (this.isName(3) || this.w(3) === 'DEFAULT' || this.is(T.Eq, 3))) this.next();
    const first = this.tokenName(this.next()).parts[0]!;
    const names = [first.text];
    while (this.is(T.Comma) && this.isName(2)) {
      this.next();
      names.push(this.tokenName(this.next()).parts[0]!.text);
    }
    while (CURSOR_PREFIX.has(this.w())) this.next();
    if (this.w() === 'CURSOR') {
      this.skipWhile(() => !this.is(K.FOR) && !this.is(K.IS) && !this.is(T.Semicolon));
      if ((this.is(K.FOR) || this.is(K.IS)) && this.p.startsQuery(2)) {
        this.next();
        out.push({ k: 'cursor', name: first, query: this.query(), start, end: this.end() });
      } else if (this.is(K.FOR) && this.isName(2) && this.is(T.Semicolon, 3)) {
        // Snowflake `LET c CURSOR FOR res`: over the rows of result set variable `res`.
        const of = this.tokenName(this.la(2)).parts[0]!;
        const query = this.resultSet(of.text);
        this.next();
        this.next();
        if (query) out.push({ k: 'cursor', name: first, query, of, start, end: this.end() });
      }
      this.skipPastSemicolon();
      return;
    }
    // Snowflake `LET res RESULTSET := (query)` / `DEFAULT (query)`: the query runs there; its rows are the variable's.
    if (this.w() === 'RESULTSET' && (this.is(K.DEFAULT, 2) || this.la(2).image === ':=') && this.is(T.LParen, 3) && this.p.startsQuery(4)) {
      this.next();
      this.next();
      this.next();
      const query = this.query();
      if (this.is(T.RParen) && (this.is(T.Semicolon, 2) || this.atEof())) {
        this.next();
        this.noteResultSet(first.text, query);
        out.push({ k: 'cursor', name: first, query, start, end: this.end() });
      }
      this.skipPastSemicolon();
      return;
    }
    // `p ALIAS FOR $1` (PL/pgSQL, NZPLSQL): another name of a parameter, a variable.
    if (this.w() === 'ALIAS' && this.w(2) === 'FOR' && this.la(3).image.startsWith('$')) vars.push(...names);
    if (NOT_VARIABLE.has(this.w())) {
      this.skipPastSemicolon();
      return;
    }
    vars.push(...names);
    this.skipWhile(() => !this.is(K.DEFAULT) && !this.is(T.Eq) && this.la(1).image !== ':=' && !this.is(T.Semicolon));
    if (!this.is(T.Semicolon) && !this.atEof()) {
      this.next();
      this.noteAssignedLiteral(names[0]!, () => this.is(T.Semicolon) || this.atEof());
      const value = this.softExpr();
      if (value) out.push({ k: 'assign', targets: names, value, start, end: this.end() });
    }
    this.skipPastSemicolon();
  }

  /** {CONTINUE | EXIT | UNDO} HANDLER FOR condition, ... statement. */
  private handler(out: A.Statement[]): void {
    this.next();
    this.next();
    this.expectType(K.FOR, 'FOR');
    for (;;) {
      if (this.w() === 'NOT') this.next();
      if (this.w() === 'SQLSTATE') {
        this.next();
        this.accept('VALUE');
      }
      this.next();
      if (!this.is(T.Comma)) break;
      this.next();
    }
    const s = this.stmt();
    if (s) out.push(s);
  }

  // ------------------------------------------------------------------ routines

  /** CREATE [DEFINER = user] PROCEDURE | FUNCTION | TRIGGER (first word consumed). */
  routine(start: number, first: IToken): A.Statement {
    this.forgetLiterals();
    let kind = first.image.toUpperCase();
    const tableFunction = kind === 'TABLE';
    if (tableFunction) kind = this.next().image.toUpperCase(); // BigQuery TABLE FUNCTION
    if (kind === 'DEFINER' || kind === 'CONSTRAINT') {
      this.skipWhile(() => !/^(PROCEDURE|FUNCTION|TRIGGER|EVENT)$/.test(this.w()));
      kind = this.next().image.toUpperCase();
    }
    if (this.w() === 'IF' && this.w(2) === 'NOT') {
      this.next();
      this.next();
      this.next();
    }
    if (kind === 'TRIGGER') return this.trigger(start);
    const name = this.qname();
    const variables = this.params();
    const extra: Partial<A.BlockStmt> = { kind: kind === 'FUNCTION' ? 'function' : 'procedure', name, variables };
    if (tableFunction) extra.returnsTable = {};
    return this.routineBody(start, extra, kind);
  }

  /** Teradata macro body `( stmt; stmt; )` (at its `(`): its statements, each ending at `;` (the last one may end at `)`). */
  private macroBody(): A.Statement[] {
    this.next();
    const outer = this.inParens;
    this.inParens = true;
    try {
      return this.list();
    } finally {
      this.inParens = outer;
      if (this.is(T.RParen)) this.next();
    }
  }

  /**
   * After RETURNS: `TABLE (name type, ..)`, BigQuery `TABLE<name type, ..>`, `SETOF t`: what a
   * table function's rows are; undefined for a scalar result (its tokens are left).
   */
  private tableReturn(): A.TableReturn | undefined {
    if (this.w() === 'SETOF') {
      this.next();
      return { rowsOf: this.qname() };
    }
    if (this.w() !== 'TABLE') return undefined;
    this.next();
    const columns: A.Ident[] = [];
    const angle = this.la(1).image === '<';
    if (!angle && !this.is(T.LParen)) return {};
    this.next();
    // One `name type` per comma at depth 0; a type may nest parentheses and `<..>`.
    let depth = 0;
    let expectName = true;
    while (!this.atEof() && !this.is(T.Semicolon)) {
      const t = this.la(1);
      if (!angle && depth === 0 && t.tokenType === T.RParen) break;
      // `>>>` may close nested types and the list at once.
      if (angle && /^>+$/.test(t.image) && t.image.length > depth) break;
      if (expectName && this.isName()) columns.push(this.tokenName(this.next()).parts[0]!);
      else {
        if (t.tokenType === T.LParen || t.image === '<') depth++;
        else if (t.tokenType === T.RParen) depth--;
        else if (/^>+$/.test(t.image)) depth -= t.image.length;
        else if (depth === 0 && t.tokenType === T.Comma) {
          this.next();
          expectName = true;
          continue;
        }
        this.next();
      }
      expectName = false;
    }
    if (!this.atEof() && !this.is(T.Semicolon)) this.next();
    return columns.length > 0 ? { columns } : {};
  }

  /** Header options up to the body, then the body (see the file comment). */
  private routineBody(start: number, extra: Partial<A.BlockStmt>, kind = ''): A.Statement {
    let language: string | undefined;
    let text: IToken | undefined;
    const body: A.Statement[] = [];
    const conditions: A.Expr[] = [];
    while (!this.atEof() && !this.is(T.Semicolon)) {
      const w = this.w();
      if (w === 'LANGUAGE') {
        this.next();
        language = this.language();
        continue;
      }
      if (w === 'RETURNS' && extra.kind === 'function') {
        this.next();
        if (this.w() === 'TRIGGER') {
          extra.triggerFunction = true;
          extra.variables = [...(extra.variables ?? []), ...TRIGGER_VARIABLES];
        }
        const rows = this.tableReturn();
        if (rows) extra.returnsTable = { ...extra.returnsTable, ...rows };
        continue;
      }
      if (kind === 'EVENT' && w === 'DO') {
        // MySQL event: `ON SCHEDULE ..` options, then the statement (or BEGIN .. END) it runs.
        this.next();
        const s = this.stmt();
        if (s) body.push(s);
        break;
      }
      if (this.p.caps.splRoutines && (w === 'RETURNING' || w === 'RETURNS')) {
        // Informix `RETURNING INT, DECIMAL(12,2);` ends with its own `;`.
        this.skipPastSemicolon();
        continue;
      }
      if (this.p.caps.splRoutines && (SPL_BODY_START.has(w) || BODY_START.has(w))) {
        // Informix SPL: the body, without BEGIN, up to END PROCEDURE | FUNCTION.
        body.push(...this.list());
        if (this.accept('END')) this.accept(this.w() === 'FUNCTION' ? 'FUNCTION' : 'PROCEDURE');
        break;
      }
      if (w === 'EXECUTE' && this.w(2) === 'AS') {
        this.next();
        this.next();
      } else if ((w === 'AS' || w === 'IS') && !text) {
        this.next();
        // BigQuery raw and byte strings: `r'...'`, `r"""..."""`.
        if (this.is(T.StringLit, 2) && /^[rb]{1,2}$/i.test(this.la(1).image) && this.la(1).endOffset! + 1 === this.la(2).startOffset) this.next();
        if (this.is(T.StringLit)) {
          text = this.next();
          continue;
        }
        if (this.p.startsQuery(1)) {
          const query = this.query();
          body.push({ k: 'query', query, start: query.start, end: this.end() });
        } else if (kind === 'MACRO' && this.is(T.LParen)) {
          body.push(...this.macroBody());
        } else if (this.is(T.LParen)) {
          const e = this.softExpr();
          if (e) conditions.push(e);
        } else {
          // Netezza NZPLSQL: `AS BEGIN_PROC [DECLARE ..] BEGIN .. END; END_PROC`.
          const wrapped = this.accept('BEGIN_PROC');
          while (this.declarationAhead()) this.declItem(extra.variables!, body);
          body.push(...this.list());
          if (wrapped) this.accept('END_PROC');
        }
        break;
      } else if (w === 'RETURN') {
        body.push(this.returnStmt(this.next().startOffset));
        break;
      } else if (BODY_START.has(w) || (w === 'WITH' && this.isName(2)) || (this.isName() && this.is(T.Colon, 2))) {
        const s = this.stmt();
        if (s) body.push(s);
        break;
      }
      this.skipOne();
    }
    if (text) body.push(...this.stringBody(text, language));
    return this.block(start, body, { ...extra, conditions });
  }

  /** The language named after LANGUAGE (a name or a string), lower-cased. */
  private language(): string {
    const t = this.next();
    return (t.tokenType === T.StringLit ? stringValue(t.image) : t.image).toLowerCase();
  }

  /** Skip one token (a parenthesized group whole). */
  protected skipOne(): void {
    if (this.is(T.LParen)) {
      this.next();
      this.skipWhile(() => true);
    }
    if (!this.atEof()) this.next();
  }

  /**
   * A routine or DO body held by a string: parsed in place when its language is SQL or a SQL
   * block language (or not given and the text starts like SQL), else a note.
   */
  protected stringBody(tok: IToken, language: string | undefined): A.Statement[] {
    const code = stringValue(tok.image).trimStart();
    const sqlLike = /^(<<|--|\/\*|[A-Za-z_]+)/.exec(code);
    const first = sqlLike ? sqlLike[1]!.toUpperCase() : '';
    const isSql = language ? SQL_LANGUAGES.has(language) : first === '<<' || NO_LINEAGE_WORDS.has(first) || PSM_WORDS.has(first);
    if (!isSql) {
      const what = language ? `in LANGUAGE ${language}` : 'that is not SQL';
      return [this.other('BODY', tok.startOffset, { diagnostic: this.note(`routine body ${what} is not analyzed`) })];
    }
    return this.dynamic([tok]);
  }

  /** DO [LANGUAGE l] 'body' [LANGUAGE l] (PostgreSQL anonymous block; DO consumed). */
  protected doBlock(start: number): A.Statement {
    let language: string | undefined;
    let text: IToken | undefined;
    while (!this.atEof() && !this.is(T.Semicolon)) {
      if (this.accept('LANGUAGE')) language = this.language();
      else if (this.is(T.StringLit) && !text) text = this.next();
      else this.skipOne();
    }
    return this.block(start, text ? this.stringBody(text, language ?? 'plpgsql') : []);
  }

  /**
   * TRIGGER name timing events ON table [REFERENCING NEW [ROW] AS n OLD AS o] [FOR EACH ROW]
   * [FOLLOWS t] [WHEN (...)] body | EXECUTE FUNCTION f(...): NEW.col / OLD.col (and the
   * REFERENCING names) read the trigger's table.
   */
  private trigger(start: number): A.Statement {
    const name = this.qname();
    this.skipWhile(() => !this.is(K.ON));
    this.expectType(K.ON, 'ON');
    const triggerTable = this.qname();
    const triggerRows = ['new', 'old'];
    const body: A.Statement[] = [];
    while (!this.atEof() && !this.is(T.Semicolon)) {
      const w = this.w();
      if ((w === 'NEW' || w === 'OLD') && this.w(2) !== 'TABLE') {
        this.next();
        this.accept('ROW');
        this.accept('AS');
        if (this.isName()) triggerRows.push(this.tokenName(this.next()).parts[0]!.text.toLowerCase());
        continue;
      }
      if (w === 'FOR' && this.w(2) === 'EACH') {
        this.next();
        this.next();
      } else if (w === 'EXECUTE' && (this.w(2) === 'FUNCTION' || this.w(2) === 'PROCEDURE')) {
        const at = this.next().startOffset;
        this.next();
        const call = this.qname();
        this.skipWhile(() => true);
        body.push(this.other('CALL', at, { call }));
        break;
      } else if (BODY_START.has(w) || w === 'SET' || (this.isName() && this.is(T.Colon, 2))) {
        const s = this.stmt();
        if (s) body.push(s);
        break;
      }
      this.skipOne();
    }
    return this.block(start, body, { kind: 'trigger', name, triggerTable, triggerRows });
  }
}
