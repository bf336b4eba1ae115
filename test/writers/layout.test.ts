import { layeredLayout, type Size } from '../../src/writers/layout.js';

const box: Size = { width: 100, height: 50 };
const gaps = { layer: 40, node: 10 };
const sizes = (n: number) => Array.from({ length: n }, () => box);

describe('layeredLayout', () => {
  test('layer = longest path from a source; x grows with the layer', () => {
    // 0 -> 1 -> 2, and 0 -> 2 directly: 2 is on layer 2, not 1.
    const p = layeredLayout(sizes(3), [[0, 1], [1, 2], [0, 2]], gaps);
    expect(p.map((q) => q.layer)).toEqual([0, 1, 2]);
    expect(p.map((q) => q.x)).toEqual([0, 140, 280]);
  });

  test('nodes of a layer are stacked without overlap', () => {
    const p = layeredLayout(sizes(4), [[0, 3], [1, 3], [2, 3]], gaps);
    expect(p.slice(0, 3).map((q) => q.y)).toEqual([0, 60, 120]);
    // The target sits level with the middle of its sources.
    expect(p[3]).toEqual({ x: 140, y: 60, layer: 1 });
  });

  test('a layer is ordered by the barycenter of its predecessors', () => {
    // 0 and 1 on layer 0; 2 fed by 1 (lower), 3 fed by 0 (upper): 3 goes above 2.
    const p = layeredLayout(sizes(4), [[1, 2], [0, 3]], gaps);
    expect(p[3]!.y).toBeLessThan(p[2]!.y);
  });

  test('cycles and self-loops are broken deterministically', () => {
    const arcs: [number, number][] = [[0, 1], [1, 2], [2, 0], [1, 1]];
    const p = layeredLayout(sizes(3), arcs, gaps);
    expect(p.map((q) => q.layer)).toEqual([0, 1, 2]);
    expect(layeredLayout(sizes(3), arcs, gaps)).toEqual(p);
  });

  test('a 10,000-deep chain needs no recursion', () => {
    const n = 10_000;
    const arcs = Array.from({ length: n - 1 }, (_, i): [number, number] => [i, i + 1]);
    const p = layeredLayout(sizes(n), arcs, gaps);
    expect(p[n - 1]!.layer).toBe(n - 1);
  });

  test('arcs to unknown nodes are ignored', () => {
    expect(layeredLayout(sizes(1), [[0, 5], [-1, 0]], gaps)).toEqual([{ x: 0, y: 0, layer: 0 }]);
  });
});
