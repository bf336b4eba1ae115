/**
 * A fast path for the commonest expressions: names, literals, binary operators, IS [NOT] NULL,
 * [NOT] LIKE / BETWEEN / IN, CASE, CAST, INTERVAL, EXTRACT, function calls and windows, read straight from
 * the token vector; subqueries inside them are handed to the `query` rule. Chevrotain's DSL costs a closure call, a lookahead call and a rule frame per
 * construct, and most of a script's tokens are inside such expressions.
 *
 * The `expr` rule tries this first. It mirrors the rules of expressions.ts decision by decision
 * (each lookahead there is LL(1): the same token decides here), builds the same AST with the same
 * helpers and key order, and gives up (consuming nothing) at anything it does not model: the rule
 * then parses the expression as before, so errors, recovery and the rarer forms are untouched.
 * test/unit/fast-expr.test.ts parses the corpus with and without it and compares the trees.
 */
import { tokenMatcher, type IToken, type TokenType } from './chevrotain.js';
import type { CaseExpr, Expr, FuncCall, Ident, OrderItem, QName, Query, WindowSpec } from '../src/ast/nodes.js';
import { append, binary, foldChain, foldStep, ident, qname, splitDotted, type Step } from './build.js';
import { declaresColumns } from './doc-tables.js';
import { INTERVAL_UNITS, nextValueAhead, TRIM_SPECS, TYPE_CONTINUATIONS, TYPED_LITERAL, typedLiteralType } from './expressions.js';
import { position, seek } from './internals.js';
import type { SqlParser } from './parser.js';
import * as T from './tokens.js';

const K = T.K;

const FRAME_UNITS = new Set(['ROWS', 'RANGE', 'GROUPS']);
/** Binary operators of `binaryStep` (T.Operator also stands for its categories `-` and `+`). */
const BINARY = [T.Star, T.Eq, T.Tilde, K.AND!, K.OR!, K.DIV!, K.MOD!, K.XOR!];
/** Operators of `arith` (BETWEEN bounds). */
const ARITH = [T.Star, K.DIV!, K.MOD!];
/** Tokens that start a postfix (`::`, `[`, `.`, `:`, COLLATE, AT TIME ZONE, `(+)`): not modelled here. */
const POSTFIX = [T.DoubleColon, T.LBracket, T.Dot, T.Colon, K.COLLATE!, K.AT!, T.OuterJoinMark];
/** Words that start `primary` or `unary` alternatives other than a name, though they are Identifiers. */
const NOT_NAMES = [K.TRY_CAST!, K.SAFE_CAST!, K.CONVERT!, K.TRY_CONVERT!, K.PRIOR!];
/** Words after `[NOT]` that start a predicate modelled here. */
const PREDICATES = [K.LIKE!, K.ILIKE!, K.RLIKE!, K.REGEXP!, K.BETWEEN!, K.IN!];
/** Occurrence index of the fast path's `query` subrule calls (distinct from the grammar's own). */
const SUBQUERY_IDX = 9;
/** Nesting (parentheses, calls, CASE) the fast path follows before leaving the rest to the rules. */
const MAX_DEPTH = 24;

/** Lookup table by token type index. */
export function tableOf(types: TokenType[]): boolean[] {
  const table: boolean[] = [];
  for (const t of types) table[t.tokenTypeIdx!] = true;
  return table;
}

const binaryTable = tableOf(BINARY);
const arithTable = tableOf(ARITH);
const postfixTable = tableOf(POSTFIX);
const notNameTable = tableOf(NOT_NAMES);
const predicateTable = tableOf(PREDICATES);
const quantifierTable = tableOf([K.ANY!, K.ALL!, K.SOME!]);

/** What a token after an operand starts in `chain`. */
const enum StepKind {
  None,
  /** A binary operator. */
  Binary,
  /** IS [NOT] NULL, .. */
  Is,
  /** [NOT] LIKE / BETWEEN / IN. */
  Predicate,
  /** SIMILAR TO, OVERLAPS: left to the rules. */
  Unmodelled,
}

function stepAt(t: IToken | undefined): StepKind {
  if (t === undefined) return StepKind.None;
  const type = t.tokenType;
  if (binaryTable[t.tokenTypeIdx] === true || tokenMatcher(t, T.Operator)) return StepKind.Binary;
  if (type === K.IS) return StepKind.Is;
  if (type === K.NOT || predicateTable[t.tokenTypeIdx] === true) return StepKind.Predicate;
  if (type === K.SIMILAR || type === K.OVERLAPS) return StepKind.Unmodelled;
  return StepKind.None;
}

/** What an entry point of the fast path reads (a failure is remembered per kind and place). */
export const enum Kind {
  Expr,
  Query,
  SelectCore,
  SelectItem,
  GroupItem,
  TablePrimary,
  OrderItems,
  Statement,
}

/** Thrown inside the fast path when it meets what it does not model; caught by `expr`. */
export const GIVE_UP: unique symbol = Symbol('give up');

export class FastExpr {
  protected toks: IToken[] = [];
  /** Index of the next token to read. */
  protected p = 0;
  private depth = 0;
  /** Where and what the fast path last gave up on (the rules then retry there: no second attempt). */
  private failedToks: IToken[] | undefined;
  private failedAt = -1;
  private failedKind: Kind = Kind.Expr;

  constructor(protected readonly parser: SqlParser) {}

  /** Forgets the tokens of the last file (the parser is reused; a token's image would keep its whole text alive). */
  release(): void {
    this.toks = [];
    this.failedToks = undefined;
    this.failedAt = -1;
  }

  /**
   * The expression at the parser's next token, consumed; undefined (nothing consumed) when the
   * fast path does not model it.
   */
  expr(): Expr | undefined {
    return this.run(Kind.Expr, () => this.chain());
  }

  /**
   * `read` from the parser's next token: on success the parser continues after what it read;
   * when it gives up, nothing is consumed. Re-entrant: a subquery handed to the rules may come
   * back here for its own expressions.
   */
  protected run<R>(kind: Kind, read: () => R): R | undefined {
    const parser = this.parser;
    // N1QL's join and collection forms (`ON KEYS`, `UNNEST e a`, `ARRAY x FOR ..`) are left to the rules.
    if (parser.caps.documentQueries) return undefined;
    const toks = parser.input;
    const start = position(parser) + 1;
    if (start === this.failedAt && toks === this.failedToks && kind === this.failedKind) return undefined;
    const savedToks = this.toks;
    const savedP = this.p;
    const savedDepth = this.depth;
    this.toks = toks;
    this.p = start;
    this.depth = 0;
    try {
      const r = read();
      seek(parser, this.p - 1);
      return r;
    } catch (err) {
      if (err !== GIVE_UP) throw err;
      seek(parser, start - 1);
      this.failedToks = toks;
      this.failedAt = start;
      this.failedKind = kind;
      return undefined;
    } finally {
      this.toks = savedToks;
      this.p = savedP;
      this.depth = savedDepth;
    }
  }

  /** `query` of the fast path (fastquery.ts); undefined (nothing consumed) where it gives up. */
  protected query(): Query | undefined {
    return undefined;
  }

  /** A subquery at the cursor: read by the fast path, else by the `query` rule. */
  protected subquery(): Query {
    const parser = this.parser;
    seek(parser, this.p - 1);
    // Straight to the fast path: the rule would only call it (and where it gives up, the rule
    // finds that remembered and parses without a second attempt).
    const fast = this.query();
    if (fast !== undefined) {
      this.p = position(parser) + 1;
      return fast;
    }
    const q = parser.dsl.subrule(SUBQUERY_IDX, parser.query);
    if (parser.input !== this.toks) throw GIVE_UP;
    this.p = position(parser) + 1;
    return q;
  }

  /** Does a query start at the cursor (the rules' `startsQuery(1)`)? */
  protected startsQuery(): boolean {
    seek(this.parser, this.p - 1);
    return this.parser.startsQuery(1);
  }

  protected idx(): number {
    const t = this.toks[this.p];
    return t === undefined ? -1 : t.tokenTypeIdx;
  }

  protected is(type: TokenType): boolean {
    const t = this.toks[this.p];
    return t !== undefined && t.tokenType === type;
  }

  protected expect(type: TokenType): IToken {
    const t = this.toks[this.p];
    if (t === undefined || t.tokenType !== type) throw GIVE_UP;
    this.p++;
    return t;
  }

  /** Reads `kw BY` (ORDER BY, GROUP BY, PARTITION BY) when `kw` is next. */
  protected byClause(kw: TokenType): boolean {
    if (!this.is(kw)) return false;
    this.p++;
    this.expect(K.BY!);
    return true;
  }

  /** End offset (exclusive) of the last token read: the rules' `end()`. */
  protected end(): number {
    return this.toks[this.p - 1]!.endOffset! + 1;
  }

  /** `expr`: an operand, then binary and predicate steps folded by precedence. */
  protected chain(): Expr {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    const first = this.unary();
    // The first step alone, an array once there is a second: most chains have no step or one
    // (`a = b`), and one binary step goes straight into its node (no step, array or fold).
    let one: Step | undefined;
    let steps: Step[] | undefined;
    for (;;) {
      const t = this.toks[this.p];
      const kind = stepAt(t);
      if (kind === StepKind.None) break;
      if (kind === StepKind.Unmodelled) throw GIVE_UP;
      let step: Step;
      if (kind === StepKind.Binary) {
        this.p++;
        if (quantifierTable[this.idx()] === true) throw GIVE_UP;
        const right = this.unary();
        if (one === undefined && stepAt(this.toks[this.p]) === StepKind.None) {
          this.depth--;
          return binary(first, t.image.toUpperCase(), right);
        }
        step = { op: t.image.toUpperCase(), right: [right], end: right.end };
      } else if (kind === StepKind.Is) step = this.isStep();
      else step = this.predicate();
      if (one === undefined) one = step;
      else if (steps === undefined) steps = [one, step];
      else steps.push(step);
    }
    this.depth--;
    if (steps !== undefined) return foldChain(first, steps);
    return one === undefined ? first : foldStep(first, one);
  }

  /** `IS [NOT] NULL | TRUE | FALSE | UNKNOWN` (IS DISTINCT FROM is left to the rules). */
  private isStep(): Step {
    this.p++;
    let not = false;
    if (this.is(K.NOT!)) {
      this.p++;
      not = true;
    }
    const t = this.toks[this.p];
    if (t === undefined || (t.tokenType !== K.NULL && t.tokenType !== K.TRUE && t.tokenType !== K.FALSE && t.tokenType !== K.UNKNOWN)) throw GIVE_UP;
    this.p++;
    return { op: not ? 'IS NOT' : 'IS', right: [], end: this.end() };
  }

  /** `[NOT] LIKE x`, `[NOT] BETWEEN a AND b`, `[NOT] IN (list)`. */
  private predicate(): Step {
    let not = false;
    if (this.is(K.NOT!)) {
      this.p++;
      not = true;
    }
    const op = this.toks[this.p];
    if (op === undefined || predicateTable[op.tokenTypeIdx] !== true) throw GIVE_UP;
    this.p++;
    if (op.tokenType === K.BETWEEN) {
      if (this.is(K.SYMMETRIC!)) throw GIVE_UP;
      const lo = this.arith();
      this.expect(K.AND!);
      const hi = this.arith();
      return { op: not ? 'NOT BETWEEN' : 'BETWEEN', right: [lo, hi], end: hi.end };
    }
    if (op.tokenType === K.IN) {
      this.expect(T.LParen);
      if (this.startsQuery()) {
        const q = this.subquery();
        this.expect(T.RParen);
        return { op: 'IN', right: [{ k: 'subquery', mode: 'in', query: q, start: q.start, end: this.end() }], end: this.end() };
      }
      const list = this.exprList();
      this.expect(T.RParen);
      return { op: not ? 'NOT IN' : 'IN', right: list, end: this.end() };
    }
    if (quantifierTable[this.idx()] === true) throw GIVE_UP;
    const right = this.unary();
    if (this.is(K.ESCAPE!)) throw GIVE_UP;
    return { op: (not ? 'NOT ' : '') + op.image.toUpperCase(), right: [right], end: this.end() };
  }

  /** `arith`: operands joined by arithmetic operators only. */
  protected arith(): Expr {
    const first = this.unary();
    const steps: Step[] = [];
    for (;;) {
      const t = this.toks[this.p];
      if (t === undefined || (arithTable[t.tokenTypeIdx] !== true && !tokenMatcher(t, T.Operator))) break;
      this.p++;
      const right = this.unary();
      steps.push({ op: t.image.toUpperCase(), right: [right], end: right.end });
    }
    return foldChain(first, steps);
  }

  private exprList(): Expr[] {
    return this.commaList(() => this.chain());
  }

  /** One or more of `read`, separated by commas (the rules' AT_LEAST_ONE_SEP with `,`). */
  protected commaList<R>(read: () => R): R[] {
    let items = [read()];
    while (this.is(T.Comma)) {
      this.p++;
      items = append(items, read());
    }
    return items;
  }

  /** A number `.1` right after the expression: ClickHouse's tuple element `t.1`, a postfix. */
  private tupleIndex(): boolean {
    const n = this.toks[this.p];
    return n !== undefined && n.tokenType === T.NumberLit && n.image.startsWith('.') && n.startOffset === this.toks[this.p - 1]!.endOffset! + 1;
  }

  /** `unary`: prefix operators, then a primary without postfix. */
  private unary(): Expr {
    const t = this.toks[this.p];
    if (t === undefined) throw GIVE_UP;
    const type = t.tokenType;
    if (type === K.NOT || type === T.Minus || type === T.Plus || type === T.Tilde || type === K.PRIOR) {
      this.p++;
      const operand = this.unary();
      return { k: 'op', op: t.image.toUpperCase(), args: [operand], start: t.startOffset, end: operand.end };
    }
    const e = this.primary(t);
    if (postfixTable[this.idx()] === true || this.attributePhrase(false) || this.tupleIndex()) throw GIVE_UP;
    return e;
  }

  private primary(t: IToken): Expr {
    const type = t.tokenType;
    if (type === T.NumberLit || type === K.NULL || type === K.TRUE || type === K.FALSE) {
      this.p++;
      const kind = type === T.NumberLit ? 'number' : type === K.NULL ? 'null' : 'bool';
      return { k: 'lit', kind, text: t.image, start: t.startOffset, end: this.end() };
    }
    if (type === T.StringLit) {
      this.p++;
      if (this.is(T.StringLit)) throw GIVE_UP; // adjacent literals concatenate
      return { k: 'lit', kind: 'string', text: t.image, start: t.startOffset, end: this.end() };
    }
    if (type === T.Variable) {
      this.p++;
      return { k: 'var', name: t.image, start: t.startOffset, end: this.end() };
    }
    if (type === T.Star) {
      this.p++;
      return { k: 'star', start: t.startOffset, end: this.end() };
    }
    if (type === T.LParen) return this.paren(t);
    if (type === K.CASE) return this.caseExpr(t);
    if (type === K.EXISTS) {
      this.p++;
      this.expect(T.LParen);
      const q = this.subquery();
      this.expect(T.RParen);
      return { k: 'subquery', mode: 'exists', query: q, start: t.startOffset, end: this.end() };
    }
    if (type === K.INTERVAL) return this.interval(t);
    if (type === K.EXTRACT) return this.extract(t);
    if (type === K.CAST || type === K.TRY_CAST || type === K.SAFE_CAST) return this.cast(t);
    if (notNameTable[t.tokenTypeIdx] !== true && tokenMatcher(t, T.Identifier)) {
      const p = this.p;
      if (nextValueAhead(t, this.toks[p + 1] ?? t, this.toks[p + 2] ?? t)) throw GIVE_UP;
      return this.nameOrCall();
    }
    throw GIVE_UP;
  }

  /** `( expr )` or a `( a, b )` row; a subquery is left to the rules. */
  private paren(lp: IToken): Expr {
    this.p++;
    if (this.startsQuery()) {
      const q = this.subquery();
      this.expect(T.RParen);
      return { k: 'subquery', mode: 'scalar', query: q, start: lp.startOffset, end: this.end() };
    }
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    const list = this.exprList();
    this.depth--;
    this.expect(T.RParen);
    if (list.length === 1) return { ...list[0]!, start: lp.startOffset, end: this.end() };
    return { k: 'op', op: 'ROW', args: list, start: lp.startOffset, end: this.end() };
  }

  private caseExpr(kw: IToken): CaseExpr {
    this.p++;
    let operand: Expr | undefined;
    if (!this.is(K.WHEN!)) operand = this.chain();
    let whens: { cond: Expr; result: Expr }[] = [];
    do {
      this.expect(K.WHEN!);
      const cond = this.chain();
      this.expect(K.THEN!);
      const result = this.chain();
      whens = append(whens, { cond, result });
    } while (this.is(K.WHEN!));
    let otherwise: Expr | undefined;
    if (this.is(K.ELSE!)) {
      this.p++;
      otherwise = this.chain();
    }
    this.expect(K.END!);
    if (this.is(K.CASE!)) this.p++;
    return { k: 'case', operand, whens, else: otherwise, start: kw.startOffset, end: this.end() };
  }

  /** `CAST(x AS type)` with a plain type (`name`, `name(n[, n])`). */
  private cast(kw: IToken): Expr {
    this.p++;
    this.expect(T.LParen);
    const e = this.chain();
    this.expect(K.AS!);
    const type = this.dataType();
    this.expect(T.RParen);
    return { k: 'cast', expr: e, type, style: kw.image.toUpperCase(), start: kw.startOffset, end: this.end() };
  }

  private dataType(): string {
    const first = this.toks[this.p];
    if (first === undefined || !tokenMatcher(first, T.Identifier)) throw GIVE_UP;
    this.p++;
    const next = this.toks[this.p];
    if (next === undefined || next.tokenType === T.Dot || next.tokenType === K.WITH || TYPE_CONTINUATIONS.has(next.image.toUpperCase())) throw GIVE_UP;
    if (next.tokenType === T.LParen) {
      this.p++;
      this.expect(T.NumberLit);
      while (this.is(T.Comma)) {
        this.p++;
        this.expect(T.NumberLit);
      }
      this.expect(T.RParen);
    }
    if (this.is(T.LBracket) || this.is(K.FORMAT!)) throw GIVE_UP;
    return this.parser.textBetween(first.startOffset, this.end());
  }

  /** `EXTRACT(field FROM expr)`. */
  private extract(kw: IToken): Expr {
    this.p++;
    this.expect(T.LParen);
    const field = this.toks[this.p];
    if (field === undefined || (field.tokenType !== T.StringLit && !tokenMatcher(field, T.Identifier))) throw GIVE_UP;
    this.p++;
    this.expect(K.FROM!);
    const e = this.chain();
    this.expect(T.RParen);
    return { k: 'op', op: 'EXTRACT', args: [e], start: kw.startOffset, end: this.end() };
  }

  /** `INTERVAL 'n' unit` (other forms are left to the rules). */
  private interval(kw: IToken): Expr {
    this.p++;
    const v = this.toks[this.p];
    if (v === undefined || (v.tokenType !== T.StringLit && v.tokenType !== T.NumberLit)) throw GIVE_UP;
    const value = this.primary(v);
    const unit = this.toks[this.p];
    if (unit !== undefined && INTERVAL_UNITS.has(unit.image.toUpperCase())) {
      if (!tokenMatcher(unit, T.Identifier) || this.toks[this.p + 1]?.tokenType === K.TO) throw GIVE_UP;
      this.p++;
    }
    return { k: 'op', op: 'INTERVAL', args: [value], start: kw.startOffset, end: this.end() };
  }

  /** A name, `t.*`, a typed literal (`DATE '...'`) or a plain function call. */
  private nameOrCall(): Expr {
    let parts: Ident[] = [ident(this.toks[this.p++]!)];
    let star: IToken | undefined;
    while (this.is(T.Dot)) {
      const t = this.toks[this.p + 1];
      if (t !== undefined && tokenMatcher(t, T.Identifier)) parts = append(parts, ident(t));
      else if (t !== undefined && t.tokenType === T.Star) star = t;
      else throw GIVE_UP;
      this.p += 2;
    }
    const t = this.toks[this.p];
    if (t !== undefined && t.tokenType === T.LParen) {
      if (this.attributePhrase(true)) throw GIVE_UP;
      return this.call(qname(parts));
    }
    if (t !== undefined && t.tokenType === T.StringLit && typedLiteralType(parts)) {
      this.p++;
      const first = parts[0]!;
      const kind = TYPED_LITERAL.has(first.text.toUpperCase()) ? 'date' : 'other';
      return { k: 'lit', kind, text: this.parser.textBetween(first.start, t.endOffset! + 1), start: first.start, end: t.endOffset! + 1 };
    }
    const q = qname(this.parser.caps.dottedQuotedNames ? splitDotted(parts, this.parser.text) : parts);
    if (star) return { k: 'star', qualifier: q, start: q.start, end: this.end() };
    return { k: 'col', name: q, start: q.start, end: this.end() };
  }

  /** Does a Teradata attribute phrase follow (left to the rules)? */
  private attributePhrase(afterName: boolean): boolean {
    if (!this.parser.caps.attributePhrases || !this.is(T.LParen)) return false;
    seek(this.parser, this.p - 1);
    return this.parser.attributePhraseAhead(afterName);
  }

  /** `name(args)`, `name(*)`, `name(DISTINCT args)`, without ORDER BY, FILTER and the like. */
  private call(name: QName): FuncCall {
    if (declaresColumns(name)) throw GIVE_UP; // JSON_TABLE, XMLTABLE: arguments of their own
    this.p++;
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    const call: FuncCall = { k: 'func', name, args: [], start: name.start, end: name.end };
    const first = this.toks[this.p];
    if (first === undefined || first.tokenType === K.ALL || first.tokenType === K.FROM || TRIM_SPECS.has(first.image.toUpperCase())) throw GIVE_UP;
    if (first.tokenType === K.DISTINCT) {
      this.p++;
      call.distinct = true;
    }
    if (this.is(T.Star)) {
      this.p++;
      call.starArg = true;
    } else if (!this.is(T.RParen)) {
      call.args = this.commaList(this.readArg);
    }
    this.expect(T.RParen);
    const after = this.toks[this.p];
    // `FROM FIRST | LAST` may be NTH_VALUE's (funcTail decides).
    const fromEdge = after?.tokenType === K.FROM && /^(FIRST|LAST)$/i.test(this.toks[this.p + 1]?.image ?? '');
    if (after !== undefined && (fromEdge || after.tokenType === K.WITHIN || (after.tokenType === T.LParen && this.parser.caps.parametricCalls) || after.tokenType === K.FILTER || after.tokenType === K.KEEP || /^(IGNORE|RESPECT)$/i.test(after.image))) throw GIVE_UP;
    if (after !== undefined && after.tokenType === K.OVER) {
      this.p++;
      call.over = this.window();
    }
    this.depth--;
    call.end = this.end();
    return call;
  }

  /** `OVER w` or `OVER ([PARTITION BY ...] [ORDER BY ...] [frame])`. */
  private window(): WindowSpec {
    const t = this.toks[this.p];
    if (t !== undefined && t.tokenType !== T.LParen && tokenMatcher(t, T.Identifier)) {
      this.p++;
      const id = ident(t);
      return { ref: id, partitionBy: [], orderBy: [], start: id.start, end: id.end };
    }
    const lp = this.expect(T.LParen);
    const spec: WindowSpec = { partitionBy: [], orderBy: [], start: lp.startOffset, end: 0 };
    const first = this.toks[this.p];
    if (first !== undefined && first.tokenType !== K.PARTITION && first.tokenType !== K.ORDER && tokenMatcher(first, T.Identifier) && !FRAME_UNITS.has(first.image.toUpperCase())) throw GIVE_UP;
    if (this.byClause(K.PARTITION!)) spec.partitionBy = this.exprList();
    if (this.byClause(K.ORDER!)) spec.orderBy = this.orderItems();
    const f = this.toks[this.p];
    if (f !== undefined && (f.tokenType === K.ROWS || f.tokenType === K.RANGE || f.tokenType === K.GROUPS)) {
      this.p++;
      if (this.is(K.BETWEEN!)) {
        this.p++;
        this.frameBound();
        this.expect(K.AND!);
        this.frameBound();
      } else this.frameBound();
      if (this.is(K.EXCLUDE!)) throw GIVE_UP;
      spec.frame = this.parser.textBetween(f.startOffset, this.end());
    }
    this.expect(T.RParen);
    spec.end = this.end();
    return spec;
  }

  private frameBound(): void {
    const t = this.toks[this.p];
    if (t !== undefined && t.tokenType === K.UNBOUNDED) this.p++;
    else if (t !== undefined && t.tokenType === K.CURRENT) {
      this.p++;
      this.expect(K.ROW!);
      return;
    } else this.arith();
    if (this.is(K.PRECEDING!) || this.is(K.FOLLOWING!)) this.p++;
    else throw GIVE_UP;
  }

  protected orderItems(): OrderItem[] {
    let items: OrderItem[] = [];
    for (;;) {
      const expr = this.chain();
      let desc = false;
      if (this.is(K.ASC!)) this.p++;
      else if (this.is(K.DESC!)) {
        this.p++;
        desc = true;
      }
      if (this.is(K.NULLS!)) {
        this.p++;
        if (this.is(K.FIRST!) || this.is(K.LAST!)) this.p++;
        else throw GIVE_UP;
      }
      // ClickHouse `WITH FILL ..`: left to the rule.
      if (this.is(K.WITH!) && this.parser.caps.queryClauses.has('withFill')) throw GIVE_UP;
      items = append(items, { expr, desc });
      if (!this.is(T.Comma)) return items;
      this.p++;
    }
  }

  /** A positional argument (`name => value` is left to the rules). */
  private readonly readArg = (): Expr => this.arg();

  private arg(): Expr {
    const next = this.toks[this.p + 1];
    if (next?.tokenType === T.Arrow || (next?.tokenType === T.Operator && next.image === ':=')) throw GIVE_UP;
    const e = this.chain();
    if (this.is(T.Arrow)) throw GIVE_UP;
    return e;
  }
}
