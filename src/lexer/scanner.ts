/**
 * Hand-written, single-pass SQL scanner producing Chevrotain tokens. Lexical differences between
 * dialects are capability flags (bracket identifiers, q-quotes, dollar quotes, ...), not forks.
 * It is pull-based (`next()`), so the statement splitter can lex one statement at a time and a
 * large script never holds all of its tokens at once.
 */
import type { IToken, TokenType } from '../../grammars/chevrotain.js';
import * as T from '../../grammars/tokens.js';
import { syntaxError } from '../../grammars/messages.js';
import type { TextDiagnostic } from '../diagnostics/diagnostic.js';
import type { Capabilities } from '../dialects/spec.js';

/** Literal decoding lives with the grammar (grammars/literals.ts); re-exported for the lexer's users. */
export { stringValue, unquoteIdent } from '../../grammars/literals.js';


const enum C {
  TAB = 9, LF = 10, CR = 13, SPACE = 32, BANG = 33, DQUOTE = 34, HASH = 35, DOLLAR = 36, PERCENT = 37,
  AMP = 38, SQUOTE = 39, LPAREN = 40, RPAREN = 41, STAR = 42, PLUS = 43, COMMA = 44, MINUS = 45,
  DOT = 46, SLASH = 47, D0 = 48, D9 = 57, COLON = 58, SEMI = 59, LT = 60, EQ = 61, GT = 62, QMARK = 63,
  AT = 64, UA = 65, UZ = 90, LBRACKET = 91, BACKSLASH = 92, RBRACKET = 93, CARET = 94, UNDERSCORE = 95,
  BACKTICK = 96, LA = 97, LZ = 122, LBRACE = 123, PIPE = 124, RBRACE = 125, TILDE = 126,
}

/** Character classes of the ASCII characters (a table lookup instead of a chain of comparisons). */
const IDENT_START = 1;
const DIGIT = 2;
const ASCII_CLASS = new Uint8Array(128);
/** ASCII letters in lower case, every other ASCII character as itself (keyword lookup folds case with it). */
const ASCII_LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= C.LA && c <= C.LZ) || (c >= C.UA && c <= C.UZ);
  ASCII_CLASS[c] = (letter || c === C.UNDERSCORE ? IDENT_START : 0) | (c >= C.D0 && c <= C.D9 ? DIGIT : 0);
  ASCII_LOWER[c] = c >= C.UA && c <= C.UZ ? c | 0x20 : c;
}

function isIdentStart(c: number): boolean {
  return c >= 128 || (ASCII_CLASS[c]! & IDENT_START) !== 0;
}

function isDigit(c: number): boolean {
  return c >= C.D0 && c <= C.D9;
}

/** Token types of the reserved keywords. */
const RESERVED_TYPES: ReadonlySet<TokenType> = new Set(T.RESERVED.map((w) => T.K[w]!));

/** A character that can end a name part before a `.` (`sales`, `"Sales"`, `[Sales]`, `` `sales` ``). */
function afterNamePart(c: number): boolean {
  return isIdentPart(c, false) || c === C.DQUOTE || c === C.RBRACKET || c === C.BACKTICK;
}

/** A character that can end the operand of a variant path (`col:`, `"Col":`, `f(x):`, `a[0]:`). */
function isPathBase(c: number): boolean {
  return isIdentPart(c, false) || c === C.DQUOTE || c === C.RPAREN || c === C.RBRACKET;
}

function isIdentPart(c: number, dollar: boolean): boolean {
  return c >= 128 || ASCII_CLASS[c] !== 0 || (dollar && c === C.DOLLAR);
}

/** One step of the case-folded hash of a word (`code`: an ASCII character, already folded). */
function hashStep(h: number, code: number): number {
  return (Math.imul(h, 31) + code) | 0;
}

/**
 * A keyword table looked up by a word's position in the text, case-insensitively, for ASCII
 * words: the scanner folds the hash while it reads the word, so finding a keyword costs neither
 * a lower- or upper-cased copy of the word nor hashing it again (a Map lookup by the word was
 * about a third of the scanner's time). Open addressing over a power-of-two table.
 */
class KeywordTable {
  private readonly mask: number;
  /** Per slot: 1 + index of the word, 0 when empty. */
  private readonly slots: Int32Array;
  private readonly hashes: number[] = [];
  /** The words in lower case, and their token types. */
  private readonly words: string[] = [];
  private readonly types: TokenType[] = [];

  constructor(keywords: ReadonlyMap<string, TokenType>) {
    let size = 16;
    while (size < keywords.size * 4) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    for (const [word, type] of keywords) {
      // An ASCII word is looked up only here (the map serves words of other characters): a
      // keyword this table could not find would be a name everywhere, silently.
      if (!/^[A-Z0-9_$#@]+$/.test(word)) throw new Error(`keyword '${word}' is not upper-case ASCII`);
      const lower = word.toLowerCase();
      let h = 0;
      for (let k = 0; k < lower.length; k++) h = hashStep(h, lower.charCodeAt(k));
      let s = h & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = this.words.length + 1;
      this.hashes.push(h);
      this.words.push(lower);
      this.types.push(type);
    }
  }

  /** The keyword `text[start..end)` is (ASCII characters, folded hash `h`), if any. */
  find(text: string, start: number, end: number, h: number): TokenType | undefined {
    const n = end - start;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const slot = this.slots[s]!;
      if (slot === 0) return undefined;
      const w = slot - 1;
      if (this.hashes[w] !== h) continue;
      const word = this.words[w]!;
      if (word.length !== n) continue;
      let k = 0;
      while (k < n && ASCII_LOWER[text.charCodeAt(start + k)] === word.charCodeAt(k)) k++;
      if (k === n) return this.types[w];
    }
  }
}

const keywordTables = new WeakMap<ReadonlyMap<string, TokenType>, KeywordTable>();
function keywordTable(keywords: ReadonlyMap<string, TokenType>): KeywordTable {
  let table = keywordTables.get(keywords);
  if (!table) keywordTables.set(keywords, (table = new KeywordTable(keywords)));
  return table;
}

const abbreviated = new WeakMap<Readonly<Record<string, string>>, ReadonlyMap<string, TokenType>>();
/** The keyword table with the dialect's short words (Teradata `SEL`) standing for their keywords. */
function withAbbreviations(keywords: ReadonlyMap<string, TokenType>, short: Readonly<Record<string, string>>): ReadonlyMap<string, TokenType> {
  const words = Object.entries(short);
  if (words.length === 0 || keywords !== T.KEYWORDS) return keywords;
  let m = abbreviated.get(short);
  if (!m) abbreviated.set(short, (m = new Map([...keywords, ...words.map(([w, k]): [string, TokenType] => [w, keywords.get(k)!])])));
  return m;
}

const Q_CLOSERS: Record<string, string> = { '[': ']', '(': ')', '{': '}', '<': '>' };

export class Scanner {
  pos = 0;
  /** A client statement terminator starting with `$` (MySQL `DELIMITER $$`): names stop before it. */
  nameStop: string | undefined;
  /** Lexical errors (code `SyntaxError`), in offset order. */
  readonly errors: TextDiagnostic[] = [];
  /** Offset of the first `GO` line in a dialect without GO batches (-1: none). */
  foreignGo = -1;
  private readonly len: number;
  /** Where to end the statement after an unterminated literal (-1: nowhere). */
  private breakAt = -1;
  private readonly keywords: ReadonlyMap<string, TokenType>;
  /** The dialect's short keywords, where it has some. */
  private readonly short: Readonly<Record<string, string>> | undefined;
  /** The keyword table for ASCII words, looked up in place. */
  private readonly table: KeywordTable;

  constructor(
    readonly text: string,
    private readonly caps: Capabilities,
    keywords: ReadonlyMap<string, TokenType> = T.KEYWORDS,
    start = 0,
    stop = text.length,
  ) {
    this.pos = start;
    this.len = stop;
    this.keywords = withAbbreviations(keywords, caps.keywordAbbreviations);
    this.short = this.keywords === keywords ? undefined : caps.keywordAbbreviations;
    this.table = keywordTable(this.keywords);
  }

  private tok(type: TokenType, start: number, end: number, image = this.text.slice(start, end)): IToken {
    return {
      image,
      startOffset: start,
      endOffset: end - 1,
      tokenType: type,
      tokenTypeIdx: type.tokenTypeIdx!,
    } as IToken;
  }

  /** Skip to the end of the current line (SQL*Plus commands). */
  skipLine(): void {
    const nl = this.text.indexOf('\n', this.pos);
    this.pos = nl < 0 || nl > this.len ? this.len : nl + 1;
  }

  /** Is offset `at` preceded only by blanks since the start of its line? */
  atLineStart(at: number): boolean {
    for (let i = at - 1; i >= 0; i--) {
      const c = this.text.charCodeAt(i);
      if (c === C.LF) return true;
      if (c !== C.SPACE && c !== C.TAB && c !== C.CR) return false;
    }
    return true;
  }

  /** Is the rest of the line after `at` blank (or a `--` comment)? */
  private restOfLineBlank(at: number): boolean {
    const t = this.text;
    for (let i = at; i < this.len; i++) {
      const c = t.charCodeAt(i);
      if (c === C.LF) return true;
      if (c === C.MINUS && t.charCodeAt(i + 1) === C.MINUS) return true;
      if (c !== C.SPACE && c !== C.TAB && c !== C.CR) return false;
    }
    return true;
  }

  /** Skip whitespace and comments. */
  private skipTrivia(): void {
    const t = this.text;
    let i = this.pos;
    for (;;) {
      if (i >= this.len) break;
      const c = t.charCodeAt(i);
      // Most tokens start with a letter or digit: no comparison below can match those.
      if (c > C.SLASH && c < 0xa0) break;
      if (c === C.SPACE || c === C.LF || c === C.TAB || c === C.CR || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff) {
        i++;
      } else if (c === C.MINUS && t.charCodeAt(i + 1) === C.MINUS) {
        const nl = t.indexOf('\n', i);
        i = nl < 0 ? this.len : nl + 1;
      } else if (c === C.HASH && this.caps.hashComments && !this.hashStartsName(i)) {
        const nl = t.indexOf('\n', i);
        i = nl < 0 ? this.len : nl + 1;
      } else if (c === C.SLASH && t.charCodeAt(i + 1) === C.STAR) {
        i = this.skipBlockComment(i);
      } else break;
    }
    this.pos = Math.min(i, this.len);
  }

  private hashStartsName(i: number): boolean {
    return this.caps.hashTempTables && isIdentPart(this.text.charCodeAt(i + 1), false);
  }

  private skipBlockComment(i: number): number {
    const t = this.text;
    let depth = 0;
    let j = i;
    while (j < this.len) {
      if (t.charCodeAt(j) === C.SLASH && t.charCodeAt(j + 1) === C.STAR) {
        depth++;
        j += 2;
        if (!this.caps.nestedComments && depth > 1) depth = 1;
      } else if (t.charCodeAt(j) === C.STAR && t.charCodeAt(j + 1) === C.SLASH) {
        depth--;
        j += 2;
        if (depth === 0) return j;
      } else j++;
    }
    this.errors.push(syntaxError(i, 'unterminated block comment'));
    return this.len;
  }

  /** Next significant token, or undefined at the end. */
  next(): IToken | undefined {
    if (this.breakAt >= 0) {
      // The statement end that closes an unterminated literal (zero width, at its line end).
      const at = this.breakAt;
      this.breakAt = -1;
      return this.tok(T.Semicolon, at, at);
    }
    this.skipTrivia();
    const t = this.text;
    const i = this.pos;
    if (i >= this.len) return undefined;
    const c = t.charCodeAt(i);
    const c1 = i + 1 < this.len ? t.charCodeAt(i + 1) : 0;

    if (isIdentStart(c)) {
      // String prefixes: N'..', E'..', X'..', B'..', q'..', U&'..', r'..' (BigQuery raw), b'..'.
      if (c1 === C.SQUOTE) {
        const u = c | 0x20;
        if (u === 113 /* q */ && this.caps.qQuotedStrings) return this.qQuote(i);
        if (u === 110 || u === 101 || u === 120 || u === 98 || u === 114) {
          return this.quoted(i, i + 1, C.SQUOTE, T.StringLit, u === 101 || this.caps.backslashEscapes);
        }
      }
      if ((c | 0x20) === 110 && (c1 | 0x20) === 113 && t.charCodeAt(i + 2) === C.SQUOTE && this.caps.qQuotedStrings) {
        return this.qQuote(i + 1, i);
      }
      let j = i + 1;
      const dollar = this.caps.dollarInIdentifiers;
      // The word's case-folded hash for the keyword table, while it is read; a character beyond
      // ASCII sends the word to the map instead.
      let ascii = c < 128;
      let h = ascii ? ASCII_LOWER[c]! : 0;
      for (let d = 0; j < this.len; j++) {
        d = t.charCodeAt(j);
        if (d >= 128) ascii = false;
        else if (ASCII_CLASS[d] !== 0) h = hashStep(h, ASCII_LOWER[d]!);
        // `db_${env}` where `$` is part of names: the name stops before the script variable; and
        // before a client terminator made of `$` (MySQL `DELIMITER $$` then `END$$`).
        else if (d === C.DOLLAR && dollar && t.charCodeAt(j + 1) !== C.LBRACE && (this.nameStop === undefined || !t.startsWith(this.nameStop, j))) h = hashStep(h, d);
        else break;
      }
      if (t.charCodeAt(j) === C.DOLLAR && t.charCodeAt(j + 1) === C.LBRACE && this.templateEnd(j) > 0) {
        // `db_${env}`: a name completed by a script variable.
        this.pos = this.templatedName(j);
        return this.tok(T.Name, i, this.pos);
      }
      const word = t.slice(i, j);
      const kw = ascii ? this.table.find(t, i, j, h) : this.keywords.get(word.toUpperCase());
      if (kw === T.K.GO && this.atLineStart(i)) {
        let k = j;
        while (k < this.len && (t.charCodeAt(k) === C.SPACE || t.charCodeAt(k) === C.TAB)) k++;
        while (k < this.len && isDigit(t.charCodeAt(k))) k++;
        if (this.restOfLineBlank(k)) {
          // A `GO` line separates batches; where the dialect does not know it, it still ends the
          // statement (never an alias swallowing the next one) and is remembered for a hint.
          if (!this.caps.goBatches && this.foreignGo < 0) this.foreignGo = i;
          this.pos = k;
          return this.tok(T.BatchSep, i, k);
        }
      }
      this.pos = j;
      // A reserved word right after the `.` of a qualified name is a name (`sales.order`, `PUB.Order`, `o.end`).
      if (kw !== undefined && i > 1 && t.charCodeAt(i - 1) === C.DOT && RESERVED_TYPES.has(kw) && afterNamePart(t.charCodeAt(i - 2))) return this.tok(T.Name, i, j);
      // A short word (`SEL`) reads as its keyword to the layers that compare words, not only to the grammar.
      const image = kw !== undefined && this.short !== undefined ? (this.short[word.toUpperCase()] ?? word) : word;
      return this.tok(kw ?? T.Name, i, j, image);
    }
    if (isDigit(c) || (c === C.DOT && isDigit(c1))) return this.number(i);

    switch (c) {
      case C.SQUOTE:
        return this.quoted(i, i, C.SQUOTE, T.StringLit, this.caps.backslashEscapes);
      case C.DQUOTE:
        return this.caps.doubleQuotedStrings
          ? this.quoted(i, i, C.DQUOTE, T.StringLit, this.caps.backslashEscapes)
          : this.quoted(i, i, C.DQUOTE, T.QuotedName, false);
      case C.BACKTICK:
        if (this.caps.backtickIdentifiers) return this.quoted(i, i, C.BACKTICK, T.QuotedName, false);
        break;
      case C.LBRACKET:
        if (this.caps.bracketIdentifiers) return this.quoted(i, i, C.RBRACKET, T.QuotedName, false);
        return this.punct(T.LBracket, 1);
      case C.RBRACKET:
        return this.punct(T.RBracket, 1);
      case C.LPAREN:
        if (c1 === C.PLUS && t.charCodeAt(i + 2) === C.RPAREN) return this.punct(T.OuterJoinMark, 3);
        return this.punct(T.LParen, 1);
      case C.RPAREN:
        return this.punct(T.RParen, 1);
      case C.LBRACE:
        return this.punct(T.LBrace, 1);
      case C.RBRACE:
        return this.punct(T.RBrace, 1);
      case C.COMMA:
        return this.punct(T.Comma, 1);
      case C.SEMI:
        return this.punct(T.Semicolon, 1);
      case C.DOT:
        return this.punct(T.Dot, 1);
      case C.STAR:
        return this.punct(T.Star, 1);
      case C.PLUS:
        return this.punct(T.Plus, 1);
      case C.TILDE:
        return this.op(i, T.Tilde);
      case C.EQ:
        if (c1 === C.GT) return this.punct(T.Arrow, 2);
        if (c1 === C.EQ) return this.punct(T.Eq, 2);
        return this.punct(T.Eq, 1);
      case C.COLON:
        if (c1 === C.COLON) return this.punct(T.DoubleColon, 2);
        if (c1 === C.EQ) return this.punct(T.Operator, 2);
        // Snowflake/Databricks `raw:a.b`: a path into a semi-structured column, right after its name.
        if (this.caps.pathColons && i > 0 && isPathBase(t.charCodeAt(i - 1))) return this.punct(T.Colon, 1);
        if (isIdentStart(c1) || isDigit(c1)) return this.variable(i, i + 1);
        return this.punct(T.Colon, 1);
      case C.MINUS:
        if (c1 === C.GT) return this.punct(T.Operator, t.charCodeAt(i + 2) === C.GT ? 3 : 2);
        return this.punct(T.Minus, 1);
      case C.SLASH:
        if (this.caps.slashTerminator && this.atLineStart(i) && this.restOfLineBlank(i + 1)) {
          return this.punct(T.BatchSep, 1);
        }
        return this.punct(T.Operator, 1);
      case C.AT:
        if (this.caps.atVariables && (c1 === C.AT || isIdentStart(c1))) return this.variable(i, c1 === C.AT ? i + 2 : i + 1);
        if (this.caps.stageReferences && (isIdentStart(c1) || c1 === C.TILDE || c1 === C.PERCENT || c1 === C.DQUOTE)) return this.stage(i);
        return this.op(i, T.Operator);
      case C.HASH:
        if (this.caps.hashTempTables && (c1 === C.HASH || isIdentPart(c1, false))) {
          let j = i + 1;
          if (t.charCodeAt(j) === C.HASH) j++;
          while (j < this.len && isIdentPart(t.charCodeAt(j), true)) j++;
          this.pos = j;
          return this.tok(T.Name, i, j);
        }
        return this.op(i, T.Operator);
      case C.DOLLAR:
        if (this.caps.dollarQuotedStrings) {
          const s = this.dollarQuote(i);
          if (s) return s;
        }
        if (isDigit(c1)) {
          if (!this.caps.positionalColumns) return this.variable(i, i + 1);
          // Snowflake `$1`: a staged file's first column, a name like any other (`t.$1`, `$1:a.b`).
          let j = i + 1;
          while (j < this.len && isDigit(t.charCodeAt(j))) j++;
          this.pos = j;
          return this.tok(T.Name, i, j);
        }
        if (isIdentStart(c1)) return this.variable(i, i + 1); // $var templates
        if (c1 === C.LBRACE && this.templateEnd(i) > 0) {
          // `${var}`, `${hiveconf:x}`: a script variable substituted before the SQL runs; part of
          // a name when a name goes on (`${db}.t`, `${prefix}_orders`).
          const end = this.templatedName(i);
          const named = end > this.templateEnd(i) || t.charCodeAt(end) === C.DOT;
          this.pos = end;
          return this.tok(named ? T.Name : T.Variable, i, end);
        }
        return this.punct(T.Operator, 1);
      case C.QMARK:
        // PostgreSQL jsonb `?`, `?|`, `?&` are operators (parameters are `$1`).
        if (this.caps.jsonbOperators) return this.op(i, T.Operator);
        return this.punct(T.Variable, 1);
      case C.AMP:
        if (this.caps.substitutionVariables && (isIdentStart(c1) || c1 === C.AMP)) {
          const v = this.variable(i, c1 === C.AMP ? i + 2 : i + 1);
          // SQL*Plus: a period ends the variable's name and is dropped (`&owner..t` reads OWNER.t).
          if (t.charCodeAt(this.pos) === C.DOT && t.charCodeAt(this.pos + 1) === C.DOT) {
            v.tokenType = T.Name;
            v.tokenTypeIdx = T.Name.tokenTypeIdx!;
            v.endOffset = this.pos++;
          }
          return v;
        }
        return this.op(i, T.Operator);
      case C.LT:
      case C.GT:
      case C.BANG:
      case C.PIPE:
      case C.CARET:
      case C.PERCENT:
        return this.op(i, T.Operator);
      case C.BACKSLASH:
        return this.punct(T.Operator, 1);
    }
    this.errors.push(syntaxError(i, `unexpected character '${t[i]}'`));
    return this.punct(T.Operator, 1);
  }

  private punct(type: TokenType, n: number): IToken {
    const s = this.pos;
    this.pos = s + n;
    return this.tok(type, s, s + n);
  }

  /** Greedy operator of the characters < > = ! | ^ % & ~ @ # ? */
  private op(i: number, type: TokenType): IToken {
    const t = this.text;
    let j = i + 1;
    while (j < this.len && '<>=!|^%&~@#?'.includes(t[j]!) && j - i < 3) j++;
    this.pos = j;
    const image = t.slice(i, j);
    if (image === '=') return this.tok(T.Eq, i, j);
    return this.tok(type === T.Tilde && j > i + 1 ? T.Operator : type, i, j);
  }

  /** End (exclusive) of a `${...}` template at `i` on one line, or -1. */
  private templateEnd(i: number): number {
    const t = this.text;
    for (let j = i + 2; j < this.len; j++) {
      const c = t.charCodeAt(j);
      if (c === C.RBRACE) return j + 1;
      if (c === 10 || c === 13) return -1;
    }
    return -1;
  }

  /** End of a name made of identifier characters and `${...}` templates, from a template at `i`. */
  private templatedName(i: number): number {
    let j = i;
    for (;;) {
      if (this.text.charCodeAt(j) === C.DOLLAR && this.text.charCodeAt(j + 1) === C.LBRACE) {
        const e = this.templateEnd(j);
        if (e < 0) return j;
        j = e;
      } else if (j < this.len && isIdentPart(this.text.charCodeAt(j), false)) j++;
      else return j;
    }
  }

  private variable(i: number, nameStart: number): IToken {
    let j = nameStart;
    while (j < this.len && isIdentPart(this.text.charCodeAt(j), true)) j++;
    this.pos = j;
    return this.tok(T.Variable, i, j);
  }

  /** A Snowflake stage and path (`@db.s.stage/2024/01/`, `@~/f.csv`, `@%orders`), up to a space or `( ) , ;`. */
  private stage(i: number): IToken {
    let j = i + 1;
    for (let c = 0; j < this.len && (c = this.text.charCodeAt(j)) > C.SPACE && c !== C.LPAREN && c !== C.RPAREN && c !== C.COMMA && c !== C.SEMI; j++);
    this.pos = j;
    return this.tok(T.Variable, i, j);
  }

  private number(i: number): IToken {
    const t = this.text;
    let j = i;
    if (t.charCodeAt(j) === C.D0 && (t.charCodeAt(j + 1) | 0x20) === 120 /* x */) {
      j += 2;
      while (j < this.len && /[0-9a-fA-F]/.test(t[j]!)) j++;
    } else {
      while (j < this.len && isDigit(t.charCodeAt(j))) j++;
      if (t.charCodeAt(j) === C.DOT && t.charCodeAt(j + 1) !== C.DOT) {
        j++;
        while (j < this.len && isDigit(t.charCodeAt(j))) j++;
      }
      const e = t.charCodeAt(j) | 0x20;
      if (e === 101) {
        const s = t.charCodeAt(j + 1);
        const k = s === C.PLUS || s === C.MINUS ? j + 2 : j + 1;
        if (isDigit(t.charCodeAt(k))) {
          j = k;
          while (j < this.len && isDigit(t.charCodeAt(j))) j++;
        }
      }
    }
    // Suffixes like 10L, 1.5D, 2BD (Hive/Spark), 1f — part of the literal.
    while (j < this.len && isIdentStart(t.charCodeAt(j)) && j - i < 40) {
      const probe = t.charCodeAt(j);
      if (!isIdentStart(probe)) break;
      j++;
    }
    this.pos = j;
    return this.tok(T.NumberLit, i, j);
  }

  /** A quoted token starting at `open` (prefix letters from `start`), closed by `close`, doubled to escape. */
  private quoted(start: number, open: number, close: number, type: TokenType, backslash: boolean): IToken {
    const t = this.text;
    let j = open + 1;
    for (;;) {
      if (j >= this.len) {
        this.errors.push(syntaxError(start, type === T.StringLit ? 'unterminated string literal' : 'unterminated quoted identifier'));
        // Recover: the literal ends with its line and so does the statement, so that one
        // missing quote costs one statement, not the rest of the file.
        const nl = t.indexOf('\n', open);
        if (nl < 0 || nl >= this.len) {
          this.pos = this.len;
          return this.tok(type, start, this.len);
        }
        const stop = t.charCodeAt(nl - 1) === C.CR && nl - 1 > open ? nl - 1 : nl;
        this.pos = nl;
        this.breakAt = stop;
        return this.tok(type, start, stop);
      }
      const c = t.charCodeAt(j);
      if (backslash && c === C.BACKSLASH) {
        j += 2;
        continue;
      }
      if (c === close) {
        if (t.charCodeAt(j + 1) === close) {
          j += 2;
          continue;
        }
        this.pos = j + 1;
        return this.tok(type, start, j + 1);
      }
      j++;
    }
  }

  /** Oracle q'<delim>...<delim>' at `qAt` (the q), optional N prefix at `start`. */
  private qQuote(qAt: number, start = qAt): IToken {
    const t = this.text;
    const open = t[qAt + 2];
    if (open === undefined) return this.quoted(start, qAt + 1, C.SQUOTE, T.StringLit, false);
    const closer = (Q_CLOSERS[open] ?? open) + "'";
    const end = t.indexOf(closer, qAt + 3);
    if (end < 0 || end >= this.len) {
      this.errors.push(syntaxError(start, 'unterminated q-quoted string'));
      this.pos = this.len;
      return this.tok(T.StringLit, start, this.len);
    }
    this.pos = end + 2;
    return this.tok(T.StringLit, start, end + 2);
  }

  /** `$tag$ ... $tag$`; undefined when `$` does not open a dollar quote. */
  private dollarQuote(i: number): IToken | undefined {
    const t = this.text;
    let j = i + 1;
    while (j < this.len && isIdentPart(t.charCodeAt(j), false)) j++;
    if (t.charCodeAt(j) !== C.DOLLAR) return undefined;
    if (j > i + 1 && isDigit(t.charCodeAt(i + 1))) return undefined;
    const tag = t.slice(i, j + 1);
    const end = t.indexOf(tag, j + 1);
    if (end < 0 || end >= this.len) {
      this.errors.push(syntaxError(i, 'unterminated dollar-quoted string'));
      this.pos = this.len;
      return this.tok(T.StringLit, i, this.len);
    }
    this.pos = end + tag.length;
    return this.tok(T.StringLit, i, this.pos);
  }
}
