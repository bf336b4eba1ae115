/**
 * `data.graph`, what the widget draws: one box per object that takes part in a drawn link (in
 * graph order), holding only its linked columns (in the object's column order); one edge per
 * link. `listIdMap` maps each box (`n<i>`) and box column (`n<i>::n<j>`) to its dbobj id,
 * `relationshipIdMap` each edge (`e<k>`) to `[relationship id, type]`; `tooltip` is `{}` (labels
 * are never shortened).
 *
 * Positions: the widget lays a graph out itself when given JSON (`visualizeJSON(json, {layout:
 * true})`) but draws the server's answers where they say. So boxes carry a left-to-right layered
 * layout (layout.ts): box width from the longest label, a header of 17.97 px, 16 px per column
 * row, columns 1 px inside the box; label boxes at their box's origin. Deterministic.
 */
import { qualifiedName, type LineageColumn, type LineageObject } from '../../graph/model.js';
import { layeredLayout, type Size } from '../layout.js';
import type { Link } from './relationships.js';

const HEADER = 17.96875;
const ROW = 16;
const ROW_LABEL = 13.96875;
const MIN_WIDTH = 162;
/** Average advance of the widget's 12 px font, for box widths. */
const CHAR = 7;
const FONT = { fontFamily: 'Segoe UI Symbol', fontSize: '12' };

interface Box {
  object: LineageObject;
  columns: LineageColumn[];
  label: string;
}

/**
 * The `graph` block after `"graph":{"elements":{`, in pieces: `"tables":[...],"edges":[...]},
 * "tooltip":{},"listIdMap":{...},"relationshipIdMap":{...}}`. `links` is read three times (the
 * linked columns, the layout's arcs, the edges) rather than held.
 */
export function* graphBlock(objects: readonly LineageObject[], links: () => Iterable<Link>): Generator<string> {
  const linked = new Set<number>();
  for (const l of links()) linked.add(l.source.column.id).add(l.target.column.id);
  const boxes: Box[] = [];
  const boxOf = new Map<number, number>();
  /** Each linked column's row in its box. */
  const rowOf = new Map<number, number>();
  for (const o of objects) {
    const columns = o.columns.filter((c) => linked.has(c.id));
    if (columns.length === 0) continue;
    boxOf.set(o.id, boxes.length);
    columns.forEach((c, j) => rowOf.set(c.id, j));
    boxes.push({ object: o, columns, label: qualifiedName(o) });
  }
  linked.clear();
  const columnId = (end: Link['source']): string | undefined => {
    const n = boxOf.get(end.object.id);
    const j = rowOf.get(end.column.id);
    return n === undefined || j === undefined ? undefined : `n${n}::n${j}`;
  };

  const sizes: Size[] = boxes.map((b) => ({ width: boxWidth(b), height: HEADER + 8 + ROW * b.columns.length }));
  const places = layeredLayout(sizes, arcs(links, boxOf), { layer: 140, node: 40 });

  yield '"tables":[';
  for (const [n, b] of boxes.entries()) {
    const { x, y } = places[n]!;
    const { width, height } = sizes[n]!;
    const columns = b.columns.map((c, j) => ({
      id: `n${n}::n${j}`,
      label: label(c.name, ROW_LABEL),
      x: x + 1,
      y: round(y + HEADER + 4 + ROW * j),
      width: width - 2,
      height: ROW,
    }));
    yield (n === 0 ? '' : ',') + JSON.stringify({ id: `n${n}`, label: label(b.label, HEADER), columns, x, y, width, height });
  }
  yield '],"edges":[';
  let k = 0;
  for (const l of links()) {
    yield (k === 0 ? '' : ',') + JSON.stringify({ id: `e${k}`, sourceId: columnId(l.source), targetId: columnId(l.target) });
    k++;
  }
  yield ']},"tooltip":{},"listIdMap":{';
  for (const [n, b] of boxes.entries()) {
    yield `${n === 0 ? '' : ','}"n${n}":${JSON.stringify([String(b.object.id)])}`;
    for (const [j, c] of b.columns.entries()) yield `,"n${n}::n${j}":${JSON.stringify([String(c.id)])}`;
  }
  yield '},"relationshipIdMap":{';
  k = 0;
  for (const l of links()) {
    yield `${k === 0 ? '' : ','}"e${k}":${JSON.stringify([l.relationshipId, l.type])}`;
    k++;
  }
  yield '}}';
}

/** The layout's arcs: box to box, one per link. */
function* arcs(links: () => Iterable<Link>, boxOf: ReadonlyMap<number, number>): Generator<readonly [number, number]> {
  for (const l of links()) yield [boxOf.get(l.source.object.id) ?? -1, boxOf.get(l.target.object.id) ?? -1];
}

function textWidth(text: string): number {
  return Math.ceil(text.length * CHAR);
}

function boxWidth(b: Box): number {
  const longest = Math.max(textWidth(b.label), ...b.columns.map((c) => textWidth(c.name) + 16));
  return Math.max(MIN_WIDTH, longest + 16);
}

function label(content: string, height: number): Record<string, unknown> {
  return { content, ...FONT, height, width: textWidth(content), x: 0, y: 0 };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
