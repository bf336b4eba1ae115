import { Coordinates, fileHashCodes, GraphIndex, LocsWithin, tablePairs } from '../../src/writers/common.js';
import { insertSelectGraph, loc, multiFileGraph } from './fixtures.js';

describe('writer helpers', () => {
  test('fileHashCodes: "0" for one input, distinct 32-hex codes for several', () => {
    expect(fileHashCodes(['a.sql'])).toEqual(['0']);
    const codes = fileHashCodes(['a.sql', 'b.sql', 'a.sql']);
    expect(codes.every((c) => /^[0-9a-f]{32}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(3);
    expect(fileHashCodes(['b.sql', 'a.sql'])[1]).toBe(codes[0]); // stable when files are reordered
  });

  test('Coordinates: one pair per loc, none for a missing loc', () => {
    const c = new Coordinates(['a.sql']);
    expect(c.of([loc(2, 3, 4, 5), undefined])).toEqual([{ x: 2, y: 3, hashCode: '0' }, { x: 4, y: 5, hashCode: '0' }]);
    expect(c.filesMap(['a.sql'])).toBeUndefined();
  });

  test('LocsWithin: the occurrences inside a statement span, in source order', () => {
    const g = multiFileGraph();
    const tgt = g.objects.find((o) => o.name === 'tgt')!;
    const within = new LocsWithin();
    expect(within.of(tgt, loc(1, 1, 1, 51, 1))).toEqual([loc(1, 47, 1, 50, 1)]);
    expect(within.of(tgt, loc(1, 1, 3, 19, 1))).toEqual([loc(1, 47, 1, 50, 1), loc(2, 13, 2, 16, 1), loc(3, 15, 3, 18, 1)]);
    expect(within.of(tgt, loc(9, 1, 9, 2, 1))).toEqual([]);
    expect(within.of(tgt, loc(1, 1, 1, 75, 0))).toEqual([loc(1, 13, 1, 16)]);
  });

  test('GraphIndex: resolve, datasets, maxId, edges by process', () => {
    const ix = new GraphIndex(insertSelectGraph());
    expect(ix.resolve({ objectId: 6, columnId: 7 })?.column.name).toBe('x');
    expect(ix.resolve({ objectId: 6, columnId: 3 })).toBeUndefined();
    expect(ix.datasets([6, 1, 6, 99, 2]).map((o) => o.name)).toEqual(['src', 'tgt']);
    expect(ix.maxId()).toBe(10);
    expect(ix.edgesByProcess().get(1)).toHaveLength(3);
  });

  test('GraphIndex: a graph whose objects reuse column ids finds each object its own column', () => {
    const g = insertSelectGraph();
    // A graph read back from elsewhere may number columns per object: src's columns 3 and 4 too.
    g.objects[2]!.columns[0]!.id = 3;
    g.objects[2]!.columns[1]!.id = 4;
    const ix = new GraphIndex(g);
    expect(ix.resolve({ objectId: 2, columnId: 3 })?.column.name).toBe('a');
    expect(ix.resolve({ objectId: 6, columnId: 3 })?.column.name).toBe('x');
    expect(ix.resolve({ objectId: 6, columnId: 4 })?.column.name).toBe('y');
    expect(ix.resolve({ objectId: 6, columnId: 7 })).toBeUndefined();
    expect(ix.maxId()).toBe(10);
  });

  test('tablePairs: reads x writes of every process, deduplicated', () => {
    const pairs = tablePairs(new GraphIndex(multiFileGraph()));
    expect(pairs.map((p) => `${p.source.name}>${p.target.name}:${p.type}:${p.effectType}`)).toEqual([
      'src>tgt:fdd:insert',
      'tgt>v<&>:fdd:create_view',
    ]);
  });
});
