/**
 * Geometry: box sizes, and the layered left-to-right placement of tables and processes by dagre.
 * Columns are rows stacked under their table's header; a collapsed table is its header only.
 * Expanding or collapsing a table moves only the boxes below it in the same layer (`restack`), so
 * the picture keeps its shape.
 */
import { Graph, layout } from '@dagrejs/dagre';

export const HEADER_H = 26;
export const ROW_H = 20;
const CHAR_W = 7;
const MIN_W = 120;
const MAX_W = 320;

export function boxWidth(labels: string[]): number {
  const widest = Math.max(0, ...labels.map((l) => l.length));
  return Math.min(MAX_W, Math.max(MIN_W, widest * CHAR_W + 24));
}

export function boxHeight(rows: number): number {
  return HEADER_H + rows * ROW_H;
}

export interface Box {
  id: string;
  w: number;
  h: number;
}

/** Top-left corners by box id. */
export type Places = Map<string, { x: number; y: number }>;

/**
 * Each connected group of boxes laid out left to right by dagre, then the groups packed in rows
 * (tallest first) so that a graph of many small lineages fills a screen-shaped area instead of
 * one very tall column.
 */
export function layered(boxes: Box[], links: [string, string][]): Places {
  const ids = new Set(boxes.map((b) => b.id));
  const parent = new Map<string, string>(boxes.map((b) => [b.id, b.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const kept = links.filter(([a, b]) => a !== b && ids.has(a) && ids.has(b));
  for (const [a, b] of kept) parent.set(find(a), find(b));
  const groups = new Map<string, { boxes: Box[]; links: [string, string][] }>();
  for (const b of boxes) {
    const r = find(b.id);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { boxes: [], links: [] }));
    g.boxes.push(b);
  }
  for (const l of kept) groups.get(find(l[0]))!.links.push(l);
  const parts = [...groups.values()].map((g) => placeGroup(g.boxes, g.links));
  return pack(parts);
}

const BIG_GROUP = 150;

interface Part {
  places: Places;
  w: number;
  h: number;
}

function placeGroup(boxes: Box[], links: [string, string][]): Part {
  const places: Places = new Map();
  if (boxes.length === 1) {
    places.set(boxes[0]!.id, { x: 0, y: 0 });
    return { places, w: boxes[0]!.w, h: boxes[0]!.h };
  }
  // Big groups: the faster ranker and ordering of dagre (the optimal ones take seconds there).
  const big = boxes.length > BIG_GROUP;
  const g = new Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 22, ranksep: 110, marginx: 0, marginy: 0, ranker: big ? 'tight-tree' : 'network-simplex' });
  g.setDefaultEdgeLabel(() => ({}));
  for (const b of boxes) g.setNode(b.id, { width: b.w, height: b.h });
  for (const [a, b] of links) g.setEdge(a, b);
  layout(g, { disableOptimalOrderHeuristic: big });
  let w = 0;
  let h = 0;
  for (const b of boxes) {
    const n = g.node(b.id) as { x: number; y: number };
    const at = { x: Math.round(n.x - b.w / 2), y: Math.round(n.y - b.h / 2) };
    places.set(b.id, at);
    w = Math.max(w, at.x + b.w);
    h = Math.max(h, at.y + b.h);
  }
  return { places, w, h };
}

const GAP = 60;

/** Rows of parts, tallest first, each row as wide as the widest part or the square root of the area. */
function pack(parts: Part[]): Places {
  const order = parts.map((p, i) => ({ p, i })).sort((a, b) => b.p.h - a.p.h || a.i - b.i);
  const area = parts.reduce((sum, p) => sum + (p.w + GAP) * (p.h + GAP), 0);
  const rowWidth = Math.max(Math.sqrt(area) * 1.6, ...parts.map((p) => p.w));
  const places: Places = new Map();
  let x = 0;
  let y = 0;
  let rowH = 0;
  for (const { p } of order) {
    if (x > 0 && x + p.w > rowWidth) {
      x = 0;
      y += rowH + GAP;
      rowH = 0;
    }
    for (const [id, at] of p.places) places.set(id, { x: at.x + x, y: at.y + y });
    x += p.w + GAP;
    rowH = Math.max(rowH, p.h);
  }
  return places;
}

/**
 * Box `id` changes height from `before` to `after`: the boxes below it in the same layer (same
 * left edge, overlapping horizontally) move by the difference. `heights` gives current heights.
 */
export function restack(places: Places, widths: Map<string, number>, id: string, before: number, after: number): void {
  const at = places.get(id);
  if (!at || before === after) return;
  const delta = after - before;
  const center = at.x + (widths.get(id) ?? 0) / 2;
  for (const [other, p] of places) {
    if (other === id || p.y < at.y + before - 1) continue;
    const w = widths.get(other) ?? 0;
    if (Math.abs(p.x + w / 2 - center) < 1) p.y += delta;
  }
}
