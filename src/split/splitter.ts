/**
 * Statement splitter: pulls tokens from the scanner and cuts them into chunks at top-level `;`,
 * T-SQL `GO` lines, SQL*Plus `/` lines and MySQL's `DELIMITER` terminator, keeping BEGIN...END
 * bodies of routines and blocks whole (and, with SQL/PSM blocks, top-level IF / WHILE / LOOP /
 * REPEAT / FOR ... END IF, ...). A chunk may still hold several statements (T-SQL needs no
 * semicolons); the parser separates those.
 */
import { tokenMatcher, type IToken } from '../../grammars/chevrotain.js';
import * as T from '../../grammars/tokens.js';
import { ANY_ROUTINE_KIND, BEGIN_NOT_BLOCK, CLOSED_CONTROL } from '../../grammars/words.js';
import type { DialectSpec } from '../dialects/spec.js';
import { Scanner } from '../lexer/scanner.js';

/** Netezza NZPLSQL's body brackets (`AS BEGIN_PROC .. END_PROC`). */
const PROC_WRAPPERS = new Set(['BEGIN_PROC', 'END_PROC']);
/** What Informix SPL closes with END besides blocks and control statements. */
const SPL_CLOSERS = new Set(['PROCEDURE', 'FUNCTION', 'FOREACH', 'EXCEPTION']);

export interface Chunk {
  tokens: IToken[];
  /** Offset of the first token and one past the last. */
  start: number;
  end: number;
}

export interface SkippedLine {
  offset: number;
  text: string;
  /** The client whose command it is. */
  client: 'SQL*Plus' | 'BTEQ' | 'psql';
}

const SQLPLUS_COMMANDS = new Set([
  'PROMPT', 'SPOOL', 'REM', 'REMARK', 'WHENEVER', 'SHOW', 'DEFINE', 'UNDEFINE', 'COLUMN', 'COL', 'TTITLE',
  'BTITLE', 'BREAK', 'COMPUTE', 'CLEAR', 'PAUSE', 'ACCEPT', 'VARIABLE', 'VAR', 'PRINT', 'CONNECT', 'CONN',
  'DISCONNECT', 'HOST', 'EXIT', 'QUIT', 'DESCRIBE', 'DESC', 'SQLBLANKLINES', 'STORE', 'TIMING', 'ARCHIVE',
]);
const SQL_SET_TARGETS = new Set(['TRANSACTION', 'ROLE', 'CONSTRAINT', 'CONSTRAINTS']);
const CREATE_MODIFIERS = new Set(['OR', 'REPLACE', 'ALTER', 'EDITIONABLE', 'NONEDITIONABLE', 'EDITIONING', 'DEFINER', 'EQ', 'CONSTRAINT']);
/** Tokens after which a control statement may start. */
const BEFORE_STATEMENT = new Set(['THEN', 'ELSE', 'DO', 'LOOP', 'REPEAT']);
/** Words before a table name (where BigQuery allows `my-project.dataset.table`). */
const BEFORE_TABLE = new Set(['FROM', 'JOIN', 'INTO', 'TABLE', 'UPDATE', 'USING']);
/** Teradata request modifiers: what is locked, the lock's kind, and the words after it. */
const LOCK_OBJECTS = new Set(['ROW', 'TABLE', 'DATABASE', 'VIEW']);
const LOCK_KINDS = new Set(['ACCESS', 'READ', 'WRITE', 'EXCLUSIVE', 'EXCL', 'SHARE', 'CHECKSUM', 'LOAD']);
const LOCK_AFTER = new Set(['MODE', 'NOWAIT', 'OVERRIDE']);
/** ClickHouse join words around which `GLOBAL`, `ANY` / `ALL`, `ASOF` and `PASTE` only say how a join runs. */
const JOIN_KINDS = new Set(['INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'OUTER', 'SEMI', 'ANTI']);
const DASHED_NAME = /[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)+(?=\.)/y;

type BlockMode = 'none' | 'routine' | 'package' | 'batch';

/** A skipped command line as a note shows it: a log-on's user and password are left out. */
function commandText(line: string): string {
  const text = line.trim();
  const m = /^(\.?(?:LOGON|CONNECT|CONN))\b/i.exec(text);
  return m ? m[1]! : text;
}

const DB2_REGISTERS = new Set(['DATE', 'TIME', 'TIMESTAMP', 'TIMEZONE', 'SCHEMA', 'SERVER', 'PATH', 'USER', 'SQLID', 'DEGREE', 'MEMBER']);
/** Impala's join hints (`JOIN [SHUFFLE] t`). */
const JOIN_HINTS = new Set(['SHUFFLE', 'BROADCAST', 'NOSHUFFLE']);
/** The fields of an Informix datetime qualifier (`YEAR TO FRACTION(3)`) and of `n UNITS DAY`. */
const DATETIME_FIELDS = new Set(['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'FRACTION']);
const DURATION_UNITS = new Set(['YEAR', 'YEARS', 'MONTH', 'MONTHS', 'DAY', 'DAYS', 'HOUR', 'HOURS', 'MINUTE', 'MINUTES', 'SECOND', 'SECONDS', 'MICROSECOND', 'MICROSECONDS']);

function upper(tok: IToken): string {
  return tok.image.toUpperCase();
}

/** Whether `tok` ends an operand or a FROM item (a name, `)`, a literal): a join or operator word may follow. */
function afterOperand(tok: IToken): boolean {
  return tok.tokenType === T.Name || tok.tokenType === T.QuotedName || tok.tokenType === T.RParen || tok.tokenType === T.NumberLit || tok.tokenType === T.StringLit;
}

/** Is the statement `tokens` end with an UPDATE (its first word after the last `;` or block opener)? */
function inUpdate(tokens: readonly IToken[]): boolean {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!.tokenType;
    if (t === T.Semicolon || STATEMENT_OPENERS.has(t)) return tokens[i + 1]?.tokenType === T.K.UPDATE;
  }
  return tokens[0]?.tokenType === T.K.UPDATE;
}
const STATEMENT_OPENERS = new Set([T.K.BEGIN, T.K.THEN, T.K.ELSE, T.K.DO, T.K.LOOP]);

export class Splitter {
  readonly skipped: SkippedLine[] = [];
  private readonly scanner: Scanner;
  private lookahead: IToken | undefined;
  private done = false;
  /** The statement terminator (MySQL `DELIMITER //` changes it). */
  private delimiter = ';';

  constructor(
    text: string,
    private readonly dialect: DialectSpec,
  ) {
    this.scanner = new Scanner(text, dialect.caps);
  }

  get scanErrors() {
    return this.scanner.errors;
  }

  /** Offset of the first `GO` line read as a batch separator in a dialect without GO (-1: none). */
  get foreignGo(): number {
    return this.scanner.foreignGo;
  }

  private pull(): IToken | undefined {
    if (this.lookahead) {
      const t = this.lookahead;
      this.lookahead = undefined;
      return t;
    }
    return this.scanner.next();
  }

  private peek(): IToken | undefined {
    if (!this.lookahead) this.lookahead = this.scanner.next();
    return this.lookahead;
  }

  /** The next chunk, or undefined at the end of the text. */
  nextChunk(): Chunk | undefined {
    const caps = this.dialect.caps;
    const procedural = this.dialect.semantics.procedural;
    const spl = this.dialect.semantics.splRoutines;
    while (!this.done) {
      const tokens: IToken[] = [];
      let mode: BlockMode = 'none';
      /** Open BEGIN blocks (0), CASE expressions/statements (1), SQL/PSM control statements (2) and Informix SPL routine bodies (3), innermost last. */
      const open: number[] = [];
      let endCase = false;
      let parens = 0;
      let sawBlock = false;
      let packageOpened = false;
      /** PL/SQL routine: still before its own IS/AS (a DECLARE block has no header). */
      let routineHead = true;
      /** Nested subprograms of a PL/SQL routine: 0 header, 1 declarations/body, 2 closed by END. */
      const units: number[] = [];
      /** psql `\copy`: the chunk ends with its line. */
      let lineEnd = -1;
      for (;;) {
        // The end of a `\copy` line: what follows (maybe rows of data) is not scanned with it.
        if (lineEnd >= 0 && this.lookahead === undefined && /^[ \t\r]*$/.test(this.scanner.text.slice(this.scanner.pos, lineEnd))) break;
        const tok = this.pull();
        if (!tok) {
          this.done = true;
          break;
        }
        if (lineEnd >= 0 && tok.startOffset > lineEnd) {
          this.lookahead = tok;
          break;
        }
        if (this.delimiter !== ';' && this.scanner.text.startsWith(this.delimiter, tok.startOffset)) {
          // MySQL client terminator: ends the chunk and is not part of it.
          this.lookahead = undefined;
          this.scanner.pos = tok.startOffset + this.delimiter.length;
          if (tokens.length === 0) continue;
          break;
        }
        if (caps.atTerminator && tok.image === '@' && parens === 0 && open.length === 0) {
          // Db2 CLP terminator: ends the chunk and is not part of it.
          if (tokens.length === 0) continue;
          break;
        }
        // Guarded, not tokens[-1]: index -1 of the empty array (each chunk's first token) is a named
        // lookup that turns this per-token load megamorphic in the optimised splitter.
        const prev = tokens.length > 0 ? tokens[tokens.length - 1] : undefined;
        if (caps.dashedTableNames && this.scanner.text.charCodeAt(tok.endOffset! + 1) === 45 /* - */ && prev && BEFORE_TABLE.has(upper(prev))) this.dashedName(tok);
        let type = tok.tokenType;
        if (type === T.BatchSep) {
          // A `/` line inside parentheses or a CASE is a division written on its own line.
          if (tok.image !== '/' || (parens === 0 && !open.includes(1))) break;
          type = tok.tokenType = T.Operator;
          tok.tokenTypeIdx = T.Operator.tokenTypeIdx!;
        }
        // Oracle `ORDER SIBLINGS BY` orders like ORDER BY: the grammar sees ORDER BY.
        if (type === T.K.SIBLINGS && tokens[tokens.length - 1]?.tokenType === T.K.ORDER && this.peek()?.tokenType === T.K.BY) continue;
        // Redshift `APPROXIMATE COUNT(DISTINCT x)` is COUNT(DISTINCT x) to the lineage.
        if (caps.approximateAggregates && upper(tok) === 'APPROXIMATE' && /^(COUNT|PERCENTILE_DISC)$/i.test(this.peek()?.image ?? '')) continue;
        if (caps.db2Registers && prev !== undefined && this.db2Register(tok, prev, tokens)) continue;
        if (caps.distributedModifiers && prev !== undefined && this.distributedModifier(tok, prev)) continue;
        if (caps.datetimeQualifiers && prev !== undefined && this.datetimeQualifier(tok, prev, tokens)) continue;
        if (caps.starOuterJoins && prev !== undefined && this.outerJoinStar(tok, prev)) continue;
        if (caps.withHints && prev !== undefined && type === T.K.WITH && /^HINT$/i.test(this.peek()?.image ?? '') && this.withHint(tok, tokens)) continue;
        if (caps.bracketJoinHints && prev !== undefined && prev.tokenType === T.K.JOIN && type === T.LBracket && JOIN_HINTS.has(upper(this.peek() ?? tok))) {
          this.pull();
          if (this.peek()?.tokenType === T.RBracket) this.pull();
          continue;
        }
        if (caps.positionalJoins && prev !== undefined && (afterOperand(prev) || tokenMatcher(prev, T.Identifier)) && upper(tok) === 'POSITIONAL' && this.peek()?.tokenType === T.K.JOIN) continue;
        if (caps.eventSeriesJoins && prev !== undefined && upper(tok) === 'INTERPOLATE' && /^(PREVIOUS|NEXT)$/i.test(this.peek()?.image ?? '')) {
          // Vertica `a.ts INTERPOLATE PREVIOUS VALUE b.ts`: a match on the nearest value, read as `=`.
          this.pull();
          if (/^VALUE$/i.test(this.peek()?.image ?? '')) this.pull();
          type = tok.tokenType = T.Eq;
          tok.tokenTypeIdx = T.Eq.tokenTypeIdx!;
          tok.image = '=';
        }
        if (caps.atomicUpserts && type === T.K.ELSE && parens === 0 && open[open.length - 1] !== 1 && this.peek()?.tokenType === T.K.INSERT && inUpdate(tokens)) {
          // Teradata `UPDATE .. ELSE INSERT ..`: the UPDATE ends at ELSE, as at a `;`, and the INSERT follows it.
          type = tok.tokenType = T.Semicolon;
          tok.tokenTypeIdx = T.Semicolon.tokenTypeIdx!;
          tok.image = ';';
        }
        if (caps.lockingModifiers && (prev === undefined || prev.tokenType === T.K.AS) && this.lockingModifier(tok, prev === undefined)) continue;
        if (tokens.length === 0) {
          if (type === T.Semicolon) continue;
          if (caps.sqlPlusCommands && this.isSqlPlusCommand(tok)) {
            const nl = this.scanner.text.indexOf('\n', tok.startOffset);
            this.skipped.push({ offset: tok.startOffset, text: commandText(this.scanner.text.slice(tok.startOffset, nl < 0 ? undefined : nl)), client: 'SQL*Plus' });
            this.skipLine(tok);
            continue;
          }
          if (caps.dotCommands && type === T.Dot && this.scanner.atLineStart(tok.startOffset)) {
            const nl = this.scanner.text.indexOf('\n', tok.startOffset);
            this.skipped.push({ offset: tok.startOffset, text: commandText(this.scanner.text.slice(tok.startOffset, nl < 0 ? undefined : nl)), client: 'BTEQ' });
            this.skipLine(tok);
            continue;
          }
          if (caps.psqlCommands && tok.image === '\\' && this.scanner.atLineStart(tok.startOffset)) {
            const text = this.scanner.text;
            const nl = text.indexOf('\n', tok.startOffset);
            const next = this.peek();
            if (next !== undefined && next.tokenType === T.K.COPY && next.startOffset === tok.endOffset! + 1) {
              // `\copy t FROM 'f' CSV`, `\copy (SELECT ..) TO 'f'`: COPY run by the client, to the end of the line.
              lineEnd = nl < 0 ? text.length : nl;
              continue;
            }
            this.skipped.push({ offset: tok.startOffset, text: commandText(text.slice(tok.startOffset, nl < 0 ? undefined : nl)), client: 'psql' });
            this.skipLine(tok);
            continue;
          }
          if (caps.clientDelimiter && upper(tok) === 'DELIMITER' && this.scanner.atLineStart(tok.startOffset)) {
            // A client command, not SQL: skipped silently.
            const text = this.scanner.text;
            const nl = text.indexOf('\n', tok.endOffset!);
            this.delimiter = text.slice(tok.endOffset! + 1, nl < 0 ? undefined : nl).trim().split(/\s+/)[0] || ';';
            this.scanner.nameStop = this.delimiter.startsWith('$') ? this.delimiter : undefined;
            this.skipLine(tok);
            continue;
          }
        }
        tokens.push(tok);
        if (tokens.length <= 6 && mode === 'none') {
          mode = this.blockMode(tokens);
          if (mode === 'routine' && type === T.K.DECLARE) routineHead = false;
          // Informix SPL: the body, without BEGIN, runs to END PROCEDURE | FUNCTION.
          if (mode === 'routine' && spl && (type === T.K.PROCEDURE || type === T.K.FUNCTION)) {
            open.push(3);
            sawBlock = true;
          }
        }
        if (mode === 'none' && procedural === 'plsql' && type === T.K.WITH && parens === 0 && this.declaresRoutine()) {
          // Oracle `WITH FUNCTION f .. END; query`: the routines' `;` end nothing, as a routine's nested subprograms'.
          mode = 'routine';
          routineHead = false;
        }
        if (mode === 'routine' && procedural !== 'tsql' && open.length === 0 && parens === 0) {
          // A subprogram declared inside a routine ends with `END name;` without ending the routine.
          if (type === T.K.AS || type === T.K.IS) {
            if (routineHead) routineHead = false;
            else if (units[units.length - 1] === 0) units[units.length - 1] = 1;
          } else if ((type === T.K.PROCEDURE || type === T.K.FUNCTION) && !routineHead) units.push(0);
        }
        if (type === T.LParen) parens++;
        else if (type === T.RParen) parens = Math.max(0, parens - 1);
        else if (type === T.K.BEGIN) {
          const nx = this.peek();
          if (!nx || nx.tokenType === T.Semicolon || BEGIN_NOT_BLOCK.has(upper(nx))) continue;
          open.push(0);
          sawBlock = true;
        } else if (mode === 'routine' && type === T.Name && PROC_WRAPPERS.has(upper(tok))) {
          // Netezza `AS BEGIN_PROC .. END_PROC;` wraps the body like BEGIN .. END.
          if (upper(tok) === 'BEGIN_PROC') open.push(0);
          else open.pop();
          sawBlock = true;
        } else if (procedural === 'psm' && (open.length === 0 || open[open.length - 1] === 2) && this.opensControl(tok, prev)) {
          open.push(2);
        } else if (type === T.K.CASE) {
          // PL/SQL `END CASE` closes a CASE statement; its CASE opens nothing.
          if (endCase) endCase = false;
          else open.push(1);
        } else if (type === T.K.END) {
          const nx = this.peek();
          // PL/SQL END IF / END LOOP close no block (in T-SQL, END IF is END then a new IF).
          if (nx && procedural !== 'tsql' && CLOSED_CONTROL.has(upper(nx))) {
            if (open[open.length - 1] === 2) open.pop();
            continue;
          }
          if (spl && nx && SPL_CLOSERS.has(upper(nx))) {
            // END FOREACH / END EXCEPTION close what the splitter does not track; END PROCEDURE | FUNCTION the routine.
            if ((upper(nx) === 'PROCEDURE' || upper(nx) === 'FUNCTION') && open[open.length - 1] === 3) open.pop();
            continue;
          }
          endCase = !!nx && nx.tokenType === T.K.CASE;
          open.pop();
          if (open.length === 0 && units[units.length - 1] === 1) units[units.length - 1] = 2;
        } else if ((type === T.K.AS || type === T.K.IS) && mode === 'package' && !packageOpened && open.length === 0) {
          packageOpened = true;
          open.push(0);
          sawBlock = true;
        } else if (type === T.Semicolon && parens === 0 && open.length === 0 && this.delimiter === ';') {
          if (mode === 'none') break;
          if (mode === 'routine' || mode === 'package') {
            const unit = units[units.length - 1];
            if (unit !== undefined) {
              if (unit !== 1) units.pop(); // a nested subprogram (or its forward declaration) ends here
              continue;
            }
            if (sawBlock || !this.expectsBody(tokens)) break;
          }
          // 'batch' (T-SQL routine): runs to GO / end of input.
        }
      }
      if (tokens.length === 0) continue;
      const last = tokens[tokens.length - 1]!;
      if (caps.psqlCommands && tokens[0]!.tokenType === T.K.COPY) this.skipCopyData(tokens, last);
      return { tokens, start: tokens[0]!.startOffset, end: last.endOffset! + 1 };
    }
    return undefined;
  }

  /**
   * psql `COPY t FROM stdin;` (pg_dump) and `\copy t FROM stdin`: the rows that follow, up to a
   * line `\.`, are data, not SQL.
   */
  private skipCopyData(tokens: IToken[], last: IToken): void {
    if (!tokens.some((t, i) => t.tokenType === T.K.FROM && /^stdin$/i.test(tokens[i + 1]?.image ?? ''))) return;
    const text = this.scanner.text;
    const from = text.indexOf('\n', last.endOffset! + 1);
    if (from < 0) return;
    const end = /^\\\.[ \t\r]*$/gm;
    end.lastIndex = from + 1;
    const at = end.exec(text);
    if (!at) return;
    this.lookahead = undefined;
    this.scanner.pos = at.index;
    this.scanner.skipLine();
  }

  /** Resume scanning at the line after `tok` (a client command). */
  /**
   * Teradata `LOCKING [ROW | TABLE t | DATABASE d | VIEW v | t] [FOR | IN] ACCESS [MODE] [NOWAIT]`
   * before a statement (`first`) or after a view's AS: consumed, the statement is read without it.
   */
  private lockingModifier(tok: IToken, first: boolean): boolean {
    const w = upper(tok);
    if (w !== 'LOCKING' && w !== 'LOCK') return false;
    const object = this.peek();
    if (!object || (!first && !LOCK_OBJECTS.has(upper(object)))) return false;
    for (let t = this.pull(); t && !LOCK_KINDS.has(upper(t)); t = this.pull()) if (t.tokenType === T.Semicolon) return true;
    while (this.peek() && LOCK_AFTER.has(upper(this.peek()!))) this.pull();
    return true;
  }

  /**
   * ClickHouse `x GLOBAL IN (..)`, `t GLOBAL [ANY] LEFT JOIN u`, `LEFT ANY JOIN`, `ALL INNER JOIN`,
   * `ASOF LEFT JOIN`, `LEFT ASOF JOIN`, `PASTE JOIN`: words on how a distributed query or a join
   * runs, after an operand or a FROM item (never after a keyword such as WHERE, where GLOBAL may be
   * a column's name, nor before `(` as in `= ANY (..)`).
   */
  private distributedModifier(tok: IToken, prev: IToken): boolean {
    const w = tok.tokenType === T.Name || tok.tokenType === T.K.GLOBAL || tok.tokenType === T.K.ANY || tok.tokenType === T.K.ALL || tok.tokenType === T.K.ASOF ? upper(tok) : '';
    if (w !== 'GLOBAL' && w !== 'ANY' && w !== 'ALL' && w !== 'ASOF' && w !== 'PASTE') return false;
    const next = this.peek();
    if (next === undefined) return false;
    const n = upper(next);
    const afterItem = afterOperand(prev);
    const afterKind = JOIN_KINDS.has(upper(prev)) && next.tokenType === T.K.JOIN;
    switch (w) {
      case 'GLOBAL':
        return afterItem && (n === 'IN' || n === 'NOT' || n === 'JOIN' || n === 'ANY' || n === 'ALL' || n === 'ASOF' || n === 'ARRAY' || JOIN_KINDS.has(n));
      case 'ANY':
      case 'ALL':
        return (afterItem && (n === 'JOIN' || JOIN_KINDS.has(n))) || afterKind;
      case 'ASOF':
        return (afterItem && (n === 'LEFT' || n === 'INNER')) || afterKind;
      default:
        return afterItem && n === 'JOIN';
    }
  }

  private skipLine(tok: IToken): void {
    this.lookahead = undefined;
    this.scanner.pos = tok.startOffset;
    this.scanner.skipLine();
  }

  /** Does `tok` start an IF / WHILE / LOOP / REPEAT / FOR statement (not `IF(a, b, c)`, `FOR UPDATE`, ...)? */
  private opensControl(tok: IToken, prev: IToken | undefined): boolean {
    const t = tok.tokenType;
    if (t !== T.K.IF && t !== T.K.WHILE && t !== T.K.LOOP && t !== T.K.FOR && !(t === T.Name && tok.image.length === 6)) return false;
    const w = upper(tok);
    // SQL/PSM control statements closed by END IF, END LOOP, ... (tracked where no block is open).
    if (!CLOSED_CONTROL.has(w)) return false;
    if (prev && prev.tokenType !== T.Semicolon && prev.tokenType !== T.Colon && !BEFORE_STATEMENT.has(upper(prev))) return false;
    return this.peek()?.tokenType !== T.LParen || w === 'IF' || w === 'WHILE';
  }

  /** BigQuery `my-project.dataset.t`: the dashed name becomes one name token. */
  private dashedName(tok: IToken): void {
    if (tok.tokenType !== T.Name || this.scanner.text[tok.endOffset! + 1] !== '-') return;
    DASHED_NAME.lastIndex = tok.startOffset;
    const m = DASHED_NAME.exec(this.scanner.text);
    if (!m) return;
    tok.image = m[0];
    tok.endOffset = tok.startOffset + m[0].length - 1;
    this.lookahead = undefined;
    this.scanner.pos = tok.endOffset + 1;
  }

  private isSqlPlusCommand(tok: IToken): boolean {
    if (!this.scanner.atLineStart(tok.startOffset)) return false;
    const w = upper(tok);
    if (tok.image === '@' || tok.image === '@@' || tok.image.startsWith('@')) return true;
    if (w === 'SET') {
      const nx = this.peek();
      return !nx || !SQL_SET_TARGETS.has(upper(nx));
    }
    if (w === 'START') {
      const nx = this.peek();
      return !!nx && nx.tokenType !== T.K.WITH;
    }
    return SQLPLUS_COMMANDS.has(w);
  }

  /**
   * Db2: `CURRENT DATE` (and the other special registers in two words) becomes the one name
   * `CURRENT_DATE` in `prev`; a labeled duration's unit (`- 1 DAY`, `+ (n) MONTHS`, `+ c.term MONTHS`)
   * is dropped, leaving its value. True when `tok` is taken in so.
   */
  private db2Register(tok: IToken, prev: IToken, tokens: IToken[]): boolean {
    const w = upper(tok);
    if (upper(prev) === 'CURRENT' && DB2_REGISTERS.has(w)) {
      prev.image = `CURRENT_${w}`;
      prev.endOffset = tok.endOffset;
      prev.tokenType = T.Name;
      prev.tokenTypeIdx = T.Name.tokenTypeIdx!;
      return true;
    }
    if (!DURATION_UNITS.has(w)) return false;
    if (prev.tokenType === T.NumberLit || prev.tokenType === T.RParen) return true;
    // A (qualified) name right after `+` / `-`.
    let i = tokens.length - 1;
    while (i >= 0 && tokenMatcher(tokens[i]!, T.Identifier) && tokens[i - 1]?.tokenType === T.Dot) i -= 2;
    if (i < 0 || !tokenMatcher(tokens[i]!, T.Identifier)) return false;
    const before = tokens[i - 1];
    return before !== undefined && (before.tokenType === T.Minus || before.tokenType === T.Plus);
  }

  /**
   * Informix: `tok` starts a datetime qualifier (`YEAR TO SECOND`, `FRACTION(3)` last) or is the
   * `UNITS` of `n UNITS DAY`; the qualifier is pulled and dropped with it, and so is the comma
   * before one written as EXTEND's last argument.
   */
  private datetimeQualifier(tok: IToken, prev: IToken, tokens: IToken[]): boolean {
    const w = upper(tok);
    const next = this.peek();
    if (next === undefined) return false;
    if (w === 'UNITS') {
      if (!DATETIME_FIELDS.has(upper(next))) return false;
      this.pull();
      this.fractionDigits(next);
      return true;
    }
    if (!DATETIME_FIELDS.has(w) || next.tokenType !== T.K.TO) return false;
    this.pull();
    const last = this.peek();
    if (last !== undefined && DATETIME_FIELDS.has(upper(last))) {
      this.pull();
      this.fractionDigits(last);
    }
    if (prev.tokenType === T.Comma) tokens.pop();
    return true;
  }

  /**
   * HANA `WITH HINT (..)` (`tok` is WITH, HINT is next): pulled and dropped up to its closing
   * parenthesis. Not followed by `(` (a CTE named hint), WITH and HINT are kept as tokens of the
   * chunk. True: both tokens are taken care of.
   */
  private withHint(tok: IToken, tokens: IToken[]): boolean {
    const hint = this.pull()!;
    if (this.peek()?.tokenType !== T.LParen) {
      tokens.push(tok, hint);
      return true;
    }
    let depth = 0;
    for (let t = this.pull(); t !== undefined; t = this.pull()) {
      if (t.tokenType === T.LParen) depth++;
      else if (t.tokenType === T.RParen && --depth === 0) break;
      else if (t.tokenType === T.Semicolon) {
        this.lookahead = t;
        break;
      }
    }
    return true;
  }

  /**
   * Sybase `a.x *= b.x` / `a.x =* b.x`: true when `tok` is the star of `*=` after an operand (dropped);
   * for the `=` of `=*`, the star right after it is pulled and dropped (the `=` stays).
   */
  private outerJoinStar(tok: IToken, prev: IToken): boolean {
    const next = this.peek();
    if (next === undefined || next.startOffset !== tok.endOffset! + 1 || !(afterOperand(prev) || tokenMatcher(prev, T.Identifier))) return false;
    if (tok.tokenType === T.Star && next.tokenType === T.Eq) return true;
    if (tok.tokenType === T.Eq && next.tokenType === T.Star) this.pull();
    return false;
  }

  /** After `FRACTION`: its digits `(3)`, pulled. */
  private fractionDigits(field: IToken): void {
    if (upper(field) !== 'FRACTION' || this.peek()?.tokenType !== T.LParen) return;
    this.pull();
    if (this.peek()?.tokenType === T.NumberLit) this.pull();
    if (this.peek()?.tokenType === T.RParen) this.pull();
  }

  /** After WITH: does `FUNCTION name` / `PROCEDURE name` follow (not a CTE named function)? */
  private declaresRoutine(): boolean {
    const nx = this.peek();
    if (nx === undefined || (nx.tokenType !== T.K.FUNCTION && nx.tokenType !== T.K.PROCEDURE)) return false;
    const rest = this.scanner.text.slice(nx.endOffset! + 1, nx.endOffset! + 200);
    return /^\s+[A-Za-z_"]/.test(rest) && !/^\s+AS\b/i.test(rest);
  }

  /** Classify a statement from its first tokens. */
  private blockMode(tokens: IToken[]): BlockMode {
    const tsql = this.dialect.semantics.procedural === 'tsql';
    const first = upper(tokens[0]!);
    if (first === 'DECLARE' || first === 'BEGIN') {
      if (first === 'DECLARE' && tsql) return 'none';
      return 'routine';
    }
    // Teradata writes CREATE OR REPLACE as REPLACE (`REPLACE PROCEDURE p ...`).
    if (first !== 'CREATE' && first !== 'ALTER' && first !== 'REPLACE') return 'none';
    for (let i = 1; i < tokens.length; i++) {
      const w = upper(tokens[i]!);
      if (CREATE_MODIFIERS.has(w) || tokens[i]!.tokenType === T.Eq) continue;
      if (!ANY_ROUTINE_KIND.has(w)) {
        if (w === 'VIEW' && tsql) return 'batch';
        return 'none';
      }
      if (tsql) return 'batch';
      if (w === 'PACKAGE') return 'package';
      if (w === 'TYPE') {
        const nx = tokens[i + 1];
        return nx && upper(nx) === 'BODY' ? 'package' : 'none';
      }
      return 'routine';
    }
    return 'none';
  }

  /**
   * A routine whose body is a string (`AS $$...$$`, `AS 'text'`) or a single statement
   * (`RETURN expr`, MySQL routine without BEGIN) ends at its first top-level `;`.
   */
  private expectsBody(tokens: IToken[]): boolean {
    const procedural = this.dialect.semantics.procedural;
    if (procedural === 'plsql') return true;
    if (!tokens.some((t) => t.tokenType === T.K.DECLARE)) return false;
    if (procedural !== 'psm') return true;
    // A DECLARE statement ends here, unless a declaration section (`v INT; c CURSOR ...;`) goes on to its BEGIN.
    const nx = this.peek();
    return nx !== undefined && (nx.tokenType === T.K.BEGIN || nx.tokenType === T.Name || nx.tokenType === T.QuotedName);
  }
}
