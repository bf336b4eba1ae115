/** PackedColumn: occurrences packed as integers (a plain array, then a typed one) read back as Locs. */
import { firstLoc, lastLoc, PackedColumn } from '../../src/graph/column.js';
import type { Loc } from '../../src/graph/model.js';

const oneLine = (i: number): Loc => ({ file: i % 3, line: i + 1, col: 2 * i + 1, endLine: i + 1, endCol: 2 * i + 9 });
const twoLines = (i: number): Loc => ({ file: i % 2, line: i + 1, col: 5, endLine: i + 2, endCol: 3 });

test('every occurrence comes back in order, across the move to a typed array and its growth', () => {
  const locs = Array.from({ length: 3000 }, (_, i) => (i % 7 === 3 ? twoLines(i) : oneLine(i)));
  const c = new PackedColumn(1, 'c', locs[0]);
  for (const l of locs.slice(1)) c.addLoc(l);
  expect(c.locs).toEqual(locs);
  expect(firstLoc(c)).toEqual(locs[0]);
  expect(lastLoc(c)).toEqual(locs[2999]);
  expect(JSON.parse(JSON.stringify(c))).toEqual({ id: 1, name: 'c', locs });
});

test('no occurrence, one, and locs replaced', () => {
  const c = new PackedColumn(2, 'c');
  expect([c.locs, firstLoc(c), lastLoc(c)]).toEqual([[], undefined, undefined]);
  c.addLoc(twoLines(4));
  expect([c.locs, firstLoc(c), lastLoc(c)]).toEqual([[twoLines(4)], twoLines(4), twoLines(4)]);
  const many = Array.from({ length: 50 }, (_, i) => oneLine(i));
  c.locs = many;
  expect([c.locs, lastLoc(c)]).toEqual([many, many[49]]);
  c.locs = [oneLine(9)];
  expect([c.locs, firstLoc(c), lastLoc(c)]).toEqual([[oneLine(9)], oneLine(9), oneLine(9)]);
});
