/** Small AST constructors used inside parser actions. */
import type { IToken } from './chevrotain.js';
import type { ColumnRef, Expr, Ident, Node, OpExpr, QName, Select, SubqueryExpr, TableRef } from '../src/ast/nodes.js';
import { unquoteIdent } from './literals.js';

export function ident(tok: IToken): Ident {
  const q = tok.image[0];
  const quoted = q === '"' || q === '[' || q === '`';
  return { text: quoted ? unquoteIdent(tok.image) : tok.image, quoted, start: tok.startOffset, end: tok.endOffset! + 1 };
}

/** The column a bare name reads (`c`), at the name. */
export function columnNamed(c: Ident): ColumnRef {
  return { k: 'col', name: { parts: [c], start: c.start, end: c.end }, start: c.start, end: c.end };
}

/** A call of the function a keyword names (`EXTRACT(h, 're')`, N1QL `ARRAY v FOR ..`), upper-cased, at the keyword. */
export function keywordCall(kw: IToken, args: Expr[], end: number): Expr {
  const at = { start: kw.startOffset, end: kw.endOffset! + 1 };
  return { k: 'func', name: qname([{ text: kw.image.toUpperCase(), quoted: false, ...at }]), args, start: kw.startOffset, end };
}

/** `SELECT * FROM from`: every column of its rows (the `*` written at `star`). */
export function selectAll(from: TableRef[], star: Node, start: number, end: number): Select {
  const at = { start: star.start, end: star.end };
  return { k: 'select', items: [{ expr: { k: 'star', ...at }, ...at }], from, groupBy: [], start, end };
}

/** `SELECT a, b FROM from [, ..]`: the named columns of its rows, each at its name. */
export function selectColumns(from: TableRef[], columns: Ident[], start: number, end: number): Select {
  return { k: 'select', items: columns.map((c) => ({ expr: columnNamed(c), start: c.start, end: c.end })), from, groupBy: [], start, end };
}

/** `a AND b`, spanning both (conditions joined into one). */
export function and(a: Expr, b: Expr): Expr {
  return { k: 'op', op: 'AND', args: [a, b], start: a.start, end: b.end };
}

/** The names of INTO targets as written (`b.c`, `@v`). */
export function intoNames(targets: (QName | IToken)[]): string[] {
  return targets.map((t) => ('parts' in t ? t.parts.map((p) => p.text).join('.') : t.image));
}

/** The table `name` as a FROM item, at the name. */
export function tableOfName(name: QName): TableRef {
  return { k: 'table', name, start: name.start, end: name.end };
}

export function qname(parts: Ident[], dblink?: string): QName {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  return { parts, start: first.start, end: last.end, dblink };
}

/**
 * BigQuery `` `proj.ds.tbl` ``: one pair of backticks around a dotted name is still that many
 * parts (database, schema, table), so the same table has one identity however it is quoted.
 */
export function splitDotted(parts: Ident[], text: string): Ident[] {
  if (!parts.some((p) => p.quoted && p.text.includes('.') && text[p.start] === '`')) return parts;
  return parts.flatMap((p) => {
    if (!p.quoted || !p.text.includes('.') || text[p.start] !== '`') return [p];
    let at = p.start + 1;
    return p.text.split('.').map((piece) => {
      const id: Ident = { text: piece, quoted: true, start: at, end: at + piece.length };
      at += piece.length + 1;
      return id;
    });
  });
}

/** A file or object-store path written as a target, named by the whole path (one quoted part). */
export function pathName(path: string, start: number, end: number): QName {
  return { parts: [{ text: path, quoted: true, start, end }], start, end };
}

/**
 * The table a string literal names (`IDENTIFIER('db.s.t')`, `'db."My T"'`): its dot-separated
 * parts, a double-quoted part taken as written. Undefined for an empty name.
 */
export function stringName(literal: string, start: number, end: number): QName | undefined {
  const text = literal.slice(literal.indexOf("'") + 1, -1);
  const at = { start, end };
  const parts = (text.match(/"(?:[^"]|"")*"|[^.]+/g) ?? []).map((p) => (p.startsWith('"') ? { text: p.slice(1, -1).replace(/""/g, '"'), quoted: true, ...at } : { text: p, quoted: false, ...at }));
  return parts.length > 0 ? { parts, ...at } : undefined;
}

/**
 * `list` with `x` at its end. A push onto a full array gives it room for 16 more elements, which
 * a syntax tree keeps as long as it lives: the short lists most of a tree's lists are (a name's
 * parts, a call's arguments) are made whole instead, and only a longer one grows by push.
 */
export function append<T>(list: T[], x: T): T[] {
  switch (list.length) {
    case 0:
      return [x];
    case 1:
      return [list[0]!, x];
    case 2:
      return [list[0]!, list[1]!, x];
    case 3:
      return [list[0]!, list[1]!, list[2]!, x];
    default:
      list.push(x);
      return list;
  }
}

/** Binding strength of binary operators (higher binds tighter). */
export function precedence(op: string): number {
  switch (op) {
    case 'OR':
    case 'XOR':
      return 1;
    case 'AND':
      return 2;
    case '=': case '==': case '<>': case '!=': case '<': case '>': case '<=': case '>=': case '<=>':
    case 'LIKE': case 'ILIKE': case 'RLIKE': case 'REGEXP': case 'SIMILAR': case 'IN': case 'BETWEEN':
    case 'IS': case '~': case '!~': case '~*': case '!~*': case 'NOT LIKE': case 'NOT ILIKE':
    case 'NOT IN': case 'NOT BETWEEN': case 'NOT RLIKE': case 'NOT REGEXP': case 'NOT SIMILAR': case 'ANY':
      return 4;
    case '+':
    case '-':
      return 6;
    case '*': case '/': case '%': case 'DIV': case 'MOD':
      return 7;
    default:
      return 5;
  }
}

/** One operator step of a flat `a op b op c` chain; `right` is absent for `IS NULL`-like forms. */
export interface Step {
  op: string;
  right: Expr[];
  end: number;
}

/**
 * `left op first rest[1..]`: an operator node, or the subquery of `IN (subquery)` / `= ANY
 * (subquery)` given its left operand.
 */
function apply(left: Expr, op: string, first: Expr | undefined, rest: Expr[], end: number): Expr {
  if (first && first.k === 'subquery' && (first.mode === 'in' || first.mode === 'quantified') && !first.left) {
    const sq: SubqueryExpr = { ...first, left, start: left.start, end };
    return sq;
  }
  // Made whole, not pushed onto `[left]` (see `append`).
  const args: Expr[] = first ? [left, first] : [left];
  for (let i = 1; i < rest.length; i++) args.push(rest[i]!);
  const node: OpExpr = { k: 'op', op, args, start: left.start, end };
  return node;
}

/** No operands after the first (`apply`'s `rest` for a step whose only right operand is given). */
const NO_REST: Expr[] = [];

/** `left op right`: the fold of a chain of one binary step, without building the step. */
export function binary(left: Expr, op: string, right: Expr): Expr {
  return apply(left, op, right, NO_REST, right.end);
}

/** The fold of a chain of one step (`a = b`, `x IS NULL`, `x IN (..)`). */
export function foldStep(first: Expr, step: Step): Expr {
  const rhs = step.right[0];
  return apply(first, step.op, rhs, step.right, rhs === undefined ? step.end : Math.max(rhs.end, step.end));
}

/**
 * The stacks of `foldChain`, reused from one fold to the next (a fold never runs inside another):
 * two new arrays per chain were a measurable share of the parser's garbage.
 */
const operands: Expr[] = [];
const ops: Step[] = [];

/**
 * Fold a flat operator chain by precedence (left associative). A shunting-yard over (operand,
 * step) pairs; each step carries its own right operands (the first stands on the operand stack).
 * Steps are read, never copied: this runs once per expression of every statement.
 */
export function foldChain(first: Expr, steps: Step[]): Expr {
  if (steps.length === 0) return first;
  if (steps.length === 1) return foldStep(first, steps[0]!);
  operands.length = 0;
  ops.length = 0;
  operands.push(first);
  for (const step of steps) {
    const p = precedence(step.op);
    while (ops.length > 0 && precedence(ops[ops.length - 1]!.op) >= p) {
      const top = ops.pop()!;
      const rhs = operands.pop()!;
      const lhs = operands.pop()!;
      operands.push(apply(lhs, top.op, rhs, top.right, rhs.end));
    }
    if (step.right.length === 0) {
      operands.push(apply(operands.pop()!, step.op, undefined, step.right, step.end));
      continue;
    }
    ops.push(step);
    operands.push(step.right[0]!);
  }
  while (ops.length > 0) {
    const top = ops.pop()!;
    const rhs = operands.pop()!;
    const lhs = operands.pop()!;
    operands.push(apply(lhs, top.op, rhs, top.right, Math.max(rhs.end, top.end)));
  }
  const folded = operands[0]!;
  operands.length = 0;
  return folded;
}

/** A SUBRULE result used as an array; during Chevrotain's recording phase it is a placeholder. */
export function list<T>(x: T[]): T[] {
  return Array.isArray(x) ? x : [];
}
