/**
 * Generic walks over the AST, so that no stage hand-writes its own recursion:
 *
 * - `mapTree`: a copy with some nodes replaced (unchanged subtrees shared);
 * - `forEachNode`: every node, depth first, parents before children;
 * - `exprChildren`: the expressions directly inside an expression (a switch over every kind,
 *   exhaustive: a new expression kind is a compile error here, not a silently skipped subtree);
 * - `joinLeaves`: the FROM items of a join tree, left to right.
 *
 * Nodes are the objects with a kind `k`; the walks look at every property, so a new field of a
 * node is walked without changes here.
 */
import { assertNever } from './never.js';
import type { Expr, Query, Select, TableRef } from './nodes.js';

/** An AST node as the generic walks see it. */
export interface AnyNode {
  k: string;
}

/**
 * A copy of `node` where `visit` replaced AST nodes when it returns a replacement; replacements
 * are not visited again, unchanged subtrees are shared, not copied.
 */
export function mapTree(node: unknown, visit: (n: AnyNode) => unknown): unknown {
  if (Array.isArray(node)) {
    let out: unknown[] | undefined;
    node.forEach((x, i) => {
      const y = mapTree(x, visit);
      if (y !== x) (out ??= node.slice())[i] = y;
    });
    return out ?? node;
  }
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  if (typeof obj.k === 'string') {
    const r = visit(obj as unknown as AnyNode);
    if (r !== undefined) return r;
  }
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (v === null || typeof v !== 'object') continue;
    const y = mapTree(v, visit);
    if (y !== v) (out ??= { ...obj })[key] = y;
  }
  return out ?? node;
}

/** Visit every AST node inside `node` (itself included), parents first; `false` from `visit` skips a node's children. */
export function forEachNode(node: unknown, visit: (n: AnyNode) => boolean | void): void {
  if (Array.isArray(node)) {
    for (const x of node) forEachNode(x, visit);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (typeof obj.k === 'string' && visit(obj as unknown as AnyNode) === false) return;
  // for...in, not Object.keys: the same own keys in the same order (nodes are plain objects),
  // without an array of keys per node (about 4% of a run's allocations).
  for (const key in obj) {
    const v = obj[key];
    if (v !== null && typeof v === 'object') forEachNode(v, visit);
  }
}

/**
 * The operands of `e`, in source order: what an expression is computed from (a call's arguments;
 * its FILTER, OVER and ORDER BY are clauses, not operands; a subquery's own query is not entered).
 */
export function exprChildren(e: Expr): Expr[] {
  switch (e.k) {
    case 'col':
    case 'star':
    case 'lit':
    case 'var':
      return [];
    case 'op':
    case 'func':
      return e.args;
    case 'cast':
      return [e.expr];
    case 'case': {
      const out: Expr[] = [];
      if (e.operand) out.push(e.operand);
      for (const w of e.whens) out.push(w.cond, w.result);
      if (e.else) out.push(e.else);
      return out;
    }
    case 'subquery':
      return e.left ? [e.left] : [];
    default:
      return assertNever(e, 'expression');
  }
}

/** The FROM items of a join tree, left to right (`ref` itself when it is not a join). */
export function joinLeaves(ref: TableRef, out: TableRef[] = []): TableRef[] {
  if (ref.k === 'join') {
    joinLeaves(ref.left, out);
    joinLeaves(ref.right, out);
  } else out.push(ref);
  return out;
}

/** The first SELECT of a query (where a set operation's INTO clause and BigQuery's `AS STRUCT` are written). */
export function leftmost(q: Query): Select {
  let x = q;
  while (x.k === 'setop') x = x.left;
  return x.k === 'select' ? x : { k: 'select', items: [], from: [], groupBy: [], start: x.start, end: x.end };
}
