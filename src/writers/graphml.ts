/**
 * GraphML with yEd extensions (`exportLineageAsGraphml`, SPEC §3.3), built with xmlbuilder2.
 *
 * Column level: every non-process object (table, view, result set) is a yEd group node
 * (`yfiles.foldertype="group"`, `y:ProxyAutoBoundsNode` with an open and a closed `y:GroupNode`),
 * labelled with its qualified name, holding one `y:ShapeNode` per column. The `RelationRows`
 * pseudo column is drawn only when an edge touches it, last in its group, grey and dashed.
 * Edges go column → column (yEd ids `n0::n1`), one per distinct (source, target, relation type),
 * as `y:PolyLineEdge` coloured and labelled by relation type.
 * `--table-to-table`: one `y:ShapeNode` per table/view, edges table → table from the processes'
 * reads × writes (see `tablePairs`), labelled `fdd`/`fdr`. Processes are never drawn.
 *
 * Besides the yFiles graphics (keys d0/d1), plain typed keys make the file readable by generic
 * readers: nodes `label`, `kind` (object type, `column` or `relation_rows`), `qualified_name`;
 * edges `relation`, `effect`, `source_name`, `target_name`. networkx flattens the groups and gets
 * every attribute; igraph skips nested graphs, so its column vertices carry only their ids, and
 * the edges' `source_name`/`target_name` keep the lineage readable there. Geometry comes from
 * `layeredLayout`. Characters XML 1.0 cannot carry become U+FFFD.
 */
import { createRequire } from 'node:module';
import type { createCB as CreateCB } from 'xmlbuilder2';
import type { XMLBuilderCB } from 'xmlbuilder2/lib/interfaces.js';
import { isDataset, qualifiedName, type LineageColumn, type LineageGraph, type LineageObject, type RelationType } from '../graph/model.js';
import type { WriteOptions } from '../options.js';
import { ChunkBuffer } from './chunks.js';
import { GraphIndex, tablePairs } from './common.js';
import { layeredLayout, type Size } from './layout.js';

/** xmlbuilder2's streaming (callback) writer, loaded on first use (only GraphML needs it). */
let createCB: typeof CreateCB | undefined;
function streamingWriter(data: (text: string) => void): XMLBuilderCB {
  createCB ??= (createRequire(import.meta.url)('xmlbuilder2') as typeof import('xmlbuilder2')).createCB;
  return createCB({ data, prettyPrint: true });
}

type Builder = XMLBuilderCB;


const NS = 'http://graphml.graphdrawing.org/xmlns';
const Y = 'http://www.yworks.com/xml/graphml';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const SCHEMA_LOCATION = `${NS} http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd`;

/** Key ids; d0/d1 are yEd's graphics, the others plain attributes for generic readers. */
const KEYS = [
  { for: 'node', id: 'd0', 'yfiles.type': 'nodegraphics' },
  { for: 'edge', id: 'd1', 'yfiles.type': 'edgegraphics' },
  { for: 'node', id: 'd2', 'attr.name': 'label', 'attr.type': 'string' },
  { for: 'node', id: 'd3', 'attr.name': 'kind', 'attr.type': 'string' },
  { for: 'node', id: 'd4', 'attr.name': 'qualified_name', 'attr.type': 'string' },
  { for: 'edge', id: 'd5', 'attr.name': 'relation', 'attr.type': 'string' },
  { for: 'edge', id: 'd6', 'attr.name': 'effect', 'attr.type': 'string' },
  { for: 'edge', id: 'd7', 'attr.name': 'source_name', 'attr.type': 'string' },
  { for: 'edge', id: 'd8', 'attr.name': 'target_name', 'attr.type': 'string' },
] as const;

const EDGE_STYLE: Record<RelationType, { color: string; line: string }> = {
  fdd: { color: '#1F5FBF', line: 'line' },
  fdr: { color: '#E07B00', line: 'dashed' },
  join: { color: '#2E8B3E', line: 'dashed_dotted' },
  frd: { color: '#8E3FA8', line: 'dotted' },
};

// Geometry (pixels).
const CHAR_WIDTH = 7;
const MIN_WIDTH = 160;
const MAX_WIDTH = 480;
const LABEL_HEIGHT = 22;
const INSET = 8;
const COLUMN_HEIGHT = 20;
const COLUMN_GAP = 4;
const TABLE_HEIGHT = 40;
const GAPS = { layer: 140, node: 40 };

interface DrawnColumn {
  id: string;
  column: LineageColumn;
  qualified: string;
}

interface DrawnNode {
  id: string;
  object: LineageObject;
  label: string;
  columns: DrawnColumn[];
  /** Table-to-table nodes are plain shapes; column-level nodes are groups. */
  group: boolean;
}

interface DrawnEdge {
  source: string;
  target: string;
  relation: RelationType;
  effect?: string;
  /** Qualified names of the endpoints, for readers that skip nested graphs (igraph). */
  sourceName: string;
  targetName: string;
  arc: [number, number];
}

/**
 * The document through xmlbuilder2's callback writer: it emits text as elements are opened and
 * closed, so nothing but the drawing model is held; the text is handed out in chunks.
 */
export function* writeGraphml(graph: LineageGraph, opts: WriteOptions): Generator<string, void, undefined> {
  const ix = new GraphIndex(graph);
  const { nodes, edges } = opts.tableToTable ? tableModel(ix) : columnModel(ix);
  const sizes = nodes.map(sizeOf);
  const places = layeredLayout(sizes, edges.map((e) => e.arc), GAPS);

  const out = new ChunkBuffer();
  let ready = false;
  const w = streamingWriter((text) => {
    if (out.add(text)) ready = true;
  });
  w.dec({ version: '1.0', encoding: 'UTF-8' });
  w.ele(NS, 'graphml').att(XMLNS, 'xmlns:y', Y).att(XMLNS, 'xmlns:xsi', XSI).att(XSI, 'xsi:schemaLocation', SCHEMA_LOCATION);
  for (const key of KEYS) w.ele('key', { ...key }).up();
  w.ele('graph', { id: 'G', edgedefault: 'directed' });
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const { x, y } = places[i]!;
    if (!node.group) tableNode(w, node, x, y, sizes[i]!);
    // A group yields after each of its columns: a table with 10^5 columns is not one chunk.
    for (const _ of node.group ? groupNode(w, node, x, y, sizes[i]!) : [undefined]) {
      if (ready) {
        ready = false;
        yield out.take();
      }
    }
  }
  for (let i = 0; i < edges.length; i++) {
    edgeElement(w, edges[i]!, `e${i}`);
    if (ready) {
      ready = false;
      yield out.take();
    }
  }
  w.up().up().end();
  out.add('\n');
  yield out.take();
}

// ---------------------------------------------------------------------------------------------
// What to draw

function columnModel(ix: GraphIndex): { nodes: DrawnNode[]; edges: DrawnEdge[] } {
  const touched = new Set<string>();
  for (const e of ix.graph.edges) {
    touched.add(`${e.source.objectId}:${e.source.columnId}`);
    touched.add(`${e.target.objectId}:${e.target.columnId}`);
  }
  const nodes: DrawnNode[] = [];
  const nodeIndex = new Map<number, number>();
  const columnIds = new Map<string, DrawnColumn>();
  for (const o of ix.graph.objects) {
    if (o.type === 'process') continue;
    const id = `n${nodes.length}`;
    const label = qualifiedName(o);
    const shown = [
      ...o.columns.filter((c) => !c.system),
      ...o.columns.filter((c) => c.system && touched.has(`${o.id}:${c.id}`)),
    ];
    const columns = shown.map((column, j) => ({ id: `${id}::n${j}`, column, qualified: `${label}.${column.name}` }));
    for (const c of columns) columnIds.set(`${o.id}:${c.column.id}`, c);
    nodeIndex.set(o.id, nodes.length);
    nodes.push({ id, object: o, label, columns, group: true });
  }
  const edges: DrawnEdge[] = [];
  const seen = new Set<string>();
  for (const e of ix.graph.edges) {
    const source = columnIds.get(`${e.source.objectId}:${e.source.columnId}`);
    const target = columnIds.get(`${e.target.objectId}:${e.target.columnId}`);
    if (source === undefined || target === undefined) continue;
    const key = `${source.id}>${target.id}:${e.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const arc: [number, number] = [nodeIndex.get(e.source.objectId)!, nodeIndex.get(e.target.objectId)!];
    edges.push({
      source: source.id, target: target.id, relation: e.type, effect: e.effectType,
      sourceName: source.qualified, targetName: target.qualified, arc,
    });
  }
  return { nodes, edges };
}

function tableModel(ix: GraphIndex): { nodes: DrawnNode[]; edges: DrawnEdge[] } {
  const nodes: DrawnNode[] = [];
  const nodeIndex = new Map<number, number>();
  for (const o of ix.graph.objects) {
    if (!isDataset(o)) continue;
    nodeIndex.set(o.id, nodes.length);
    nodes.push({ id: `n${nodes.length}`, object: o, label: qualifiedName(o), columns: [], group: false });
  }
  const edges = tablePairs(ix).map((p): DrawnEdge => {
    const s = nodeIndex.get(p.source.id)!;
    const t = nodeIndex.get(p.target.id)!;
    return {
      source: nodes[s]!.id, target: nodes[t]!.id, relation: p.type, effect: p.effectType,
      sourceName: nodes[s]!.label, targetName: nodes[t]!.label, arc: [s, t],
    };
  });
  return { nodes, edges };
}

function textWidth(text: string): number {
  return [...text].length * CHAR_WIDTH;
}

function sizeOf(node: DrawnNode): Size {
  const widest = Math.max(textWidth(node.label), ...node.columns.map((c) => textWidth(c.column.name)));
  const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2 * INSET + 16));
  if (!node.group) return { width, height: TABLE_HEIGHT };
  const rows = Math.max(1, node.columns.length);
  return { width, height: LABEL_HEIGHT + 2 * INSET + rows * COLUMN_HEIGHT + (rows - 1) * COLUMN_GAP };
}

// ---------------------------------------------------------------------------------------------
// XML

/** XML 1.0 cannot carry control characters, lone surrogates, U+FFFE/U+FFFF. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}

function num(v: number): string {
  return v.toFixed(1);
}

// The callback writer is a cursor: `ele` opens an element and moves into it, `up` closes it.

type Attrs = Record<string, string>;

/** An element with optional text and children; the cursor is back on the parent afterwards. */
function tag(w: Builder, name: string, attrs: Attrs | undefined, body?: string | (() => void), ns?: string): void {
  if (ns === undefined) w.ele(name, attrs);
  else w.ele(ns, name, attrs);
  if (typeof body === 'string') w.txt(body);
  else body?.();
  w.up();
}

function ytag(w: Builder, name: string, attrs: Attrs | undefined, body?: string | (() => void)): void {
  tag(w, name, attrs, body, Y);
}

function geometry(w: Builder, x: number, y: number, width: number, height: number): void {
  ytag(w, 'y:Geometry', { height: num(height), width: num(width), x: num(x), y: num(y) });
}

function plainData(w: Builder, label: string, kind: string, qualified: string): void {
  tag(w, 'data', { key: 'd2' }, xmlText(label));
  tag(w, 'data', { key: 'd3' }, kind);
  tag(w, 'data', { key: 'd4' }, xmlText(qualified));
}

/** A group node; it pauses (yields) after each column so that the caller can hand out text. */
function* groupNode(w: Builder, node: DrawnNode, x: number, y: number, size: Size): Generator<void> {
  w.ele('node', { id: node.id, 'yfiles.foldertype': 'group' });
  {
    plainData(w, node.label, node.object.type, node.label);
    tag(w, 'data', { key: 'd0' }, () =>
      ytag(w, 'y:ProxyAutoBoundsNode', undefined, () =>
        ytag(w, 'y:Realizers', { active: '0' }, () => {
          for (const closed of [false, true]) {
            ytag(w, 'y:GroupNode', undefined, () => {
              geometry(w, x, y, size.width, closed ? LABEL_HEIGHT + 2 * INSET : size.height);
              ytag(w, 'y:Fill', { color: isDataset(node.object) ? '#EAF1FB' : '#F4F4F4' });
              ytag(w, 'y:BorderStyle', { color: '#5A6B80', type: node.object.type === 'view' ? 'dashed' : 'line' });
              ytag(w, 'y:NodeLabel', {
                alignment: 'center', autoSizePolicy: 'node_width', backgroundColor: '#C9D8EE', fontSize: '13',
                fontStyle: 'bold', modelName: 'internal', modelPosition: 't',
              }, xmlText(node.label));
              ytag(w, 'y:Shape', { type: 'rectangle' });
              ytag(w, 'y:State', { closed: String(closed), closedHeight: num(LABEL_HEIGHT + 2 * INSET), closedWidth: num(size.width), innerGraphDisplayEnabled: 'false' });
              ytag(w, 'y:Insets', { bottom: String(INSET), left: String(INSET), right: String(INSET), top: String(INSET) });
            });
          }
        }),
      ),
    );
    w.ele('graph', { id: `${node.id}:`, edgedefault: 'directed' });
    const width = size.width - 2 * INSET;
    for (let j = 0; j < node.columns.length; j++) {
      const cy = y + LABEL_HEIGHT + INSET + j * (COLUMN_HEIGHT + COLUMN_GAP);
      columnNode(w, node.columns[j]!, x + INSET, cy, width);
      yield;
    }
    w.up();
  }
  w.up();
}

function columnNode(w: Builder, c: DrawnColumn, x: number, y: number, width: number): void {
  const system = c.column.system === true;
  tag(w, 'node', { id: c.id }, () => {
    plainData(w, c.column.name, system ? 'relation_rows' : 'column', c.qualified);
    tag(w, 'data', { key: 'd0' }, () =>
      ytag(w, 'y:ShapeNode', undefined, () => {
        geometry(w, x, y, width, COLUMN_HEIGHT);
        ytag(w, 'y:Fill', { color: system ? '#EEEEEE' : '#FFFFFF' });
        ytag(w, 'y:BorderStyle', { color: system ? '#9E9E9E' : '#5A6B80', type: system ? 'dashed' : 'line' });
        const label: Attrs = system
          ? { alignment: 'left', fontStyle: 'italic', modelName: 'internal', modelPosition: 'l', textColor: '#757575' }
          : { alignment: 'left', modelName: 'internal', modelPosition: 'l' };
        ytag(w, 'y:NodeLabel', label, xmlText(c.column.name));
        ytag(w, 'y:Shape', { type: 'rectangle' });
      }),
    );
  });
}

function tableNode(w: Builder, node: DrawnNode, x: number, y: number, size: Size): void {
  tag(w, 'node', { id: node.id }, () => {
    plainData(w, node.label, node.object.type, node.label);
    tag(w, 'data', { key: 'd0' }, () =>
      ytag(w, 'y:ShapeNode', undefined, () => {
        geometry(w, x, y, size.width, size.height);
        ytag(w, 'y:Fill', { color: '#EAF1FB' });
        ytag(w, 'y:BorderStyle', { color: '#5A6B80', type: node.object.type === 'view' ? 'dashed' : 'line' });
        ytag(w, 'y:NodeLabel', { fontSize: '13', fontStyle: 'bold', modelName: 'internal', modelPosition: 'c' }, xmlText(node.label));
        ytag(w, 'y:Shape', { type: 'roundrectangle' });
      }),
    );
  });
}

function edgeElement(w: Builder, edge: DrawnEdge, id: string): void {
  const style = EDGE_STYLE[edge.relation];
  tag(w, 'edge', { id, source: edge.source, target: edge.target }, () => {
    tag(w, 'data', { key: 'd5' }, edge.relation);
    if (edge.effect !== undefined) tag(w, 'data', { key: 'd6' }, edge.effect);
    tag(w, 'data', { key: 'd7' }, xmlText(edge.sourceName));
    tag(w, 'data', { key: 'd8' }, xmlText(edge.targetName));
    tag(w, 'data', { key: 'd1' }, () =>
      ytag(w, 'y:PolyLineEdge', undefined, () => {
        ytag(w, 'y:LineStyle', { color: style.color, type: style.line });
        ytag(w, 'y:Arrows', { source: 'none', target: 'standard' });
        ytag(w, 'y:EdgeLabel', { modelName: 'six_pos', modelPosition: 'tail', textColor: style.color }, edge.relation);
      }),
    );
  });
}
