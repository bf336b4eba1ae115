/** The diagram writers' compact stores; the widget's links each name the relationship of their first edge. */
import type { LineageEdge, LineageGraph, LineageObject } from '../../src/graph/model.js';
import { IntList, TripleSet } from '../../src/graph/compact.js';
import { writeSqlflowGraph, joinChunks } from '../../src/writers/index.js';

test('TripleSet keeps each (a, b, t) once, across growth, and tells triples apart by every member', () => {
  const set = new TripleSet();
  for (let i = 0; i < 5000; i++) expect(set.add(i, i * 7, i % 4)).toBe(true);
  for (let i = 0; i < 5000; i++) expect(set.add(i, i * 7, i % 4)).toBe(false);
  expect(set.size).toBe(5000);
  expect(set.add(1, 7, 2)).toBe(true);
  expect(set.add(1, 8, 1)).toBe(true);
  expect(set.add(2, 7, 1)).toBe(true);
  expect(set.add(-3, 2 ** 31 - 1, 254)).toBe(true);
  expect(set.add(-3, 2 ** 31 - 1, 254)).toBe(false);
  expect(set.size).toBe(5004);
});

test('TripleSet.ordinal numbers triples in order of first addition, across growth', () => {
  const set = new TripleSet();
  for (let i = 0; i < 3000; i++) expect(set.ordinal(i % 1500, 7, i < 1500 ? 0 : 1)).toBe(i);
  for (let i = 2999; i >= 0; i--) expect(set.ordinal(i % 1500, 7, i < 1500 ? 0 : 1)).toBe(i);
  expect(set.add(1, 7, 0)).toBe(false);
  expect(set.add(1, 7, 2)).toBe(true);
  expect(set.ordinal(1, 7, 2)).toBe(3000);
  expect(set.size).toBe(3001);
});

test('IntList grows and keeps order', () => {
  const list = new IntList();
  for (let i = 0; i < 3000; i++) list.push(i * 3 - 7);
  expect(list.length).toBe(3000);
  expect([list.at(0), list.at(1024), list.at(2999)]).toEqual([-7, 3065, 8990]);
  list.set(1024, 5);
  expect([list.at(1023), list.at(1024), list.at(1025)]).toEqual([3062, 5, 3068]);
});

const loc = (line: number) => ({ file: 0, line, col: 1, endLine: line, endCol: 5 });
const table = (id: number, name: string, columnIds: number[]): LineageObject => ({
  id,
  type: 'table',
  name,
  intermediate: false,
  locs: [loc(id)],
  columns: columnIds.map((c) => ({ id: c, name: `c${c}`, locs: [loc(c)] })),
});
const proc = (id: number): LineageObject => ({ id, type: 'process', name: `P${id}`, intermediate: false, columns: [], locs: [loc(id)], effectType: 'insert', reads: [], writes: [] });
const edge = (id: number, from: [number, number], to: [number, number], processId: number): LineageEdge => ({
  id,
  type: 'fdd',
  effectType: 'insert',
  source: { objectId: from[0], columnId: from[1] },
  target: { objectId: to[0], columnId: to[1] },
  processId,
});

test('a link names the relationship of its first edge in edge order, not of the first relationship written', () => {
  // Relationships are written in order of their first edge: A (into b.c5 in process 20: edges 0
  // and 2), then B (into b.c5 in process 21: edge 1). The pair a.c2 -> b.c5 is linked first by
  // edge 1, so its drawn link names B, although A, written first, holds it too.
  const graph: LineageGraph = {
    vendor: 'dbvansi',
    files: ['q.sql'],
    objects: [table(1, 'a', [2, 3]), table(4, 'b', [5]), proc(20), proc(21)],
    edges: [edge(30, [1, 3], [4, 5], 20), edge(31, [1, 2], [4, 5], 21), edge(32, [1, 2], [4, 5], 20)],
    errors: [],
    statements: { total: 2, failed: 0 },
  };
  const doc = JSON.parse(joinChunks(writeSqlflowGraph(graph, { format: 'sqlflow-graph', tableToTable: false, delimiter: ',' })));
  const rels = doc.data.sqlflow.relationships as { id: string; processId: string; sources: { id: string }[] }[];
  expect(rels.map((r) => [r.processId, r.sources.map((s) => s.id)])).toEqual([['20', ['3', '2']], ['21', ['2']]]);
  const { elements, relationshipIdMap } = doc.data.graph as { elements: { edges: { id: string }[] }; relationshipIdMap: Record<string, [string, string]> };
  expect(elements.edges).toHaveLength(2);
  expect(Object.values(relationshipIdMap)).toEqual([[rels[0]!.id, 'fdd'], [rels[1]!.id, 'fdd']]);
});
