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

export interface GraphBlock {
  tables: unknown[];
  edges: { id: string; sourceId: string; targetId: string }[];
  listIdMap: Record<string, string[]>;
  relationshipIdMap: Record<string, [string, string]>;
}

export function graphBlock(objects: readonly LineageObject[], links: readonly Link[]): GraphBlock {
  const linked = new Set<number>();
  for (const l of links) linked.add(l.source.column.id).add(l.target.column.id);
  const boxes: Box[] = [];
  const boxOf = new Map<number, number>();
  const columnIdOf = new Map<number, string>();
  for (const o of objects) {
    const columns = o.columns.filter((c) => linked.has(c.id));
    if (columns.length === 0) continue;
    const n = boxes.length;
    boxOf.set(o.id, n);
    columns.forEach((c, j) => columnIdOf.set(c.id, `n${n}::n${j}`));
    boxes.push({ object: o, columns, label: qualifiedName(o) });
  }

  const sizes: Size[] = boxes.map((b) => ({ width: boxWidth(b), height: HEADER + 8 + ROW * b.columns.length }));
  const arcs = links.map((l) => [boxOf.get(l.source.object.id) ?? -1, boxOf.get(l.target.object.id) ?? -1] as const);
  const places = layeredLayout(sizes, arcs, { layer: 140, node: 40 });

  const listIdMap: Record<string, string[]> = {};
  const tables = boxes.map((b, n) => {
    const { x, y } = places[n]!;
    const { width, height } = sizes[n]!;
    listIdMap[`n${n}`] = [String(b.object.id)];
    const columns = b.columns.map((c, j) => {
      listIdMap[`n${n}::n${j}`] = [String(c.id)];
      return {
        id: `n${n}::n${j}`,
        label: label(c.name, ROW_LABEL),
        x: x + 1,
        y: round(y + HEADER + 4 + ROW * j),
        width: width - 2,
        height: ROW,
      };
    });
    return { id: `n${n}`, label: label(b.label, HEADER), columns, x, y, width, height };
  });

  const edges: GraphBlock['edges'] = [];
  const relationshipIdMap: Record<string, [string, string]> = {};
  for (const l of links) {
    const sourceId = columnIdOf.get(l.source.column.id)!;
    const targetId = columnIdOf.get(l.target.column.id)!;
    const id = `e${edges.length}`;
    edges.push({ id, sourceId, targetId });
    relationshipIdMap[id] = [l.relationshipId, l.type];
  }
  return { tables, edges, listIdMap, relationshipIdMap };
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
