/** The generic AST walks of src/ast/walk.ts, on trees the parser builds. */
import type * as A from '../../src/ast/nodes.js';
import { exprChildren, forEachNode, joinLeaves, mapTree } from '../../src/ast/walk.js';
import { parseText } from '../../src/parse/parse.js';
import { dialect } from '../helpers/dialects.js';

function statement(sql: string): A.Statement {
  const r = parseText(sql, dialect('ansi'));
  expect(r.problems).toEqual([]);
  return r.statements[0]!;
}

function selectOf(sql: string): A.Select {
  const s = statement(sql);
  if (s.k !== 'query' || s.query.k !== 'select') throw new Error('not a select');
  return s.query;
}

describe('src/ast/walk.ts', () => {
  it('forEachNode visits every node, parents first, and can skip a subtree', () => {
    const s = statement('SELECT a + 1, (SELECT b FROM u) FROM t');
    const kinds: string[] = [];
    forEachNode(s, (n) => void kinds.push(n.k));
    expect(kinds).toEqual(['query', 'select', 'op', 'col', 'lit', 'subquery', 'select', 'col', 'table', 'table']);
    const outer: string[] = [];
    forEachNode(s, (n) => (outer.push(n.k), n.k !== 'subquery'));
    expect(outer).toEqual(['query', 'select', 'op', 'col', 'lit', 'subquery', 'table']);
  });

  it('mapTree replaces nodes and shares what did not change', () => {
    const s = statement('SELECT a, b FROM t WHERE c = 1');
    const out = mapTree(s, (n) => ((n as A.Expr).k === 'col' && (n as A.ColumnRef).name.parts[0]!.text === 'b' ? { ...n, k: 'star' } : undefined)) as A.QueryStmt;
    const before = s as A.QueryStmt;
    expect(out).not.toBe(before);
    const [q0, q1] = [before.query as A.Select, out.query as A.Select];
    expect(q1.items[1]!.expr.k).toBe('star');
    expect(q1.items[0]).toBe(q0.items[0]);
    expect(q1.where).toBe(q0.where);
    expect((q0.items[1]!.expr as A.Expr).k).toBe('col');
  });

  it('exprChildren gives the operands of each expression kind', () => {
    const q = selectOf("SELECT -a, f(b, 2), CAST(c AS INT), CASE d WHEN 1 THEN e ELSE g END, x IN (SELECT y FROM u), :v, t.*, 'k' FROM t");
    const kids = q.items.map((i) => exprChildren(i.expr).map((c) => c.k));
    expect(kids).toEqual([['col'], ['col', 'lit'], ['col'], ['col', 'lit', 'col', 'col'], ['col'], [], [], []]);
  });

  it('joinLeaves lists the FROM items of a join tree left to right', () => {
    const q = selectOf('SELECT 1 FROM a JOIN b ON 1 = 1 LEFT JOIN (SELECT 1 x) d ON 1 = 1');
    expect(joinLeaves(q.from[0]!).map((r) => (r.k === 'table' ? r.name.parts[0]!.text : r.k))).toEqual(['a', 'b', 'derived']);
  });
});
