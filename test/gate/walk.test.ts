/**
 * Impact walks are iterative: a lineage chain far deeper than any call stack is walked without
 * recursion, with --depth and relation types honoured, and chains that lead back to the seed.
 */
import { analyze } from '../../src/api.js';
import { buildGateGraph, type GateGraph } from '../../src/gate/graph.js';
import { chainOf, impactResult, walk } from '../../src/gate/impact.js';
import type { GateColumn, GateFlow } from '../../src/gate/model.js';

/** A synthetic chain t0.c -> t1.c -> ... -> tN.c (plus a cycle back to t0 at the end). */
function chain(n: number): GateGraph {
  const gg: GateGraph = { columns: new Map(), flows: [], out: new Map(), in: new Map(), byObject: new Map(), objects: new Map() };
  const col = (i: number): GateColumn => {
    const key = `s.t${i}.c`;
    let c = gg.columns.get(key);
    if (!c) {
      c = { key, object: `s.t${i}`, objectKey: `s.t${i}`, objectType: 'table', column: 'c' };
      gg.columns.set(key, c);
      gg.objects.set(c.objectKey, c);
      gg.byObject.set(c.objectKey, [c]);
    }
    return c;
  };
  const link = (a: number, b: number) => {
    const f: GateFlow = { id: `${a}->${b}`, source: col(a), target: col(b), type: 'fdd', effect: 'insert' };
    gg.flows.push(f);
    gg.out.set(f.source.key, [...(gg.out.get(f.source.key) ?? []), f]);
    gg.in.set(f.target.key, [...(gg.in.get(f.target.key) ?? []), f]);
  };
  for (let i = 0; i < n; i++) link(i, i + 1);
  link(n, 0);
  return gg;
}

test('a 200 000-hop chain (and a cycle back to the seed) is walked without recursion', () => {
  const gg = chain(200_000);
  const seed = gg.columns.get('s.t0.c')!;
  const down = walk(gg, seed, { direction: 'downstream', relationTypes: ['fdd'] });
  expect(down).toHaveLength(200_000);
  expect(down[down.length - 1]!.depth).toBe(200_000);
  expect(chainOf(down[down.length - 1]!)).toHaveLength(200_001);
  expect(chainOf(down[1]!).map((h) => h.column.key)).toEqual(['s.t0.c', 's.t1.c', 's.t2.c']);
  const up = walk(gg, gg.columns.get('s.t200000.c')!, { direction: 'upstream', relationTypes: ['fdd'], depth: 3 });
  expect(up.map((x) => x.column.key)).toEqual(['s.t199999.c', 's.t199998.c', 's.t199997.c']);
  expect(walk(gg, seed, { direction: 'downstream', relationTypes: ['fdr'] })).toEqual([]);
});

test('on an analysis: the shortest chain, --depth, patterns that match nothing', () => {
  const sql = 'INSERT INTO b (x) SELECT x FROM a;\nINSERT INTO c (x) SELECT x FROM b;\nINSERT INTO d (x) SELECT x FROM c;\nINSERT INTO d (x) SELECT x FROM a;\n';
  const gg = buildGateGraph(analyze([{ path: 'q.sql', text: sql }], { relationTypes: ['fdd', 'fdr'] }).graph);
  const r = impactResult(gg, { columns: ['a.x', 'nope.*'], tables: [], changes: [] }, { direction: 'downstream', relationTypes: ['fdd'] });
  expect(r.unmatched).toEqual(['--column nope.*']);
  const e = r.entries[0]!;
  expect(e.reads.map((f) => `${f.target.key}@${f.ref!.line}:${f.ref!.col}`)).toEqual(['b.x@1:26', 'd.x@4:26']);
  expect(e.impacted.map((i) => `${i.column.key}:${i.depth}`)).toEqual(['b.x:1', 'd.x:1', 'c.x:2']);
  const limited = impactResult(gg, { columns: ['a.x'], tables: [], changes: [] }, { direction: 'downstream', relationTypes: ['fdd'], depth: 1 });
  expect(limited.entries[0]!.impacted.map((i) => i.column.key)).toEqual(['b.x', 'd.x']);
});
