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
import type { create as Create } from 'xmlbuilder2';
import { isDataset, qualifiedName, type Endpoint, type LineageColumn, type LineageGraph, type LineageObject, type RelationType } from '../graph/model.js';
import type { WriteOptions } from '../options.js';
import { CHUNK_CHARS } from './chunks.js';
import { IntList, RELATION_CODE, TripleSet } from '../graph/compact.js';
import { GraphIndex, tablePairs } from './common.js';
import { layeredLayout, type Size } from './layout.js';

/** xmlbuilder2, loaded on first use (it takes ~50 ms to load; only GraphML needs it). */
type AnyCreate = (...args: unknown[]) => ReturnType<typeof Create>;
let xml: AnyCreate | undefined;
const create = ((...args: unknown[]) => {
  xml ??= (createRequire(import.meta.url)('xmlbuilder2') as typeof import('xmlbuilder2')).create as AnyCreate;
  return xml(...args);
}) as typeof Create;

type Builder = ReturnType<typeof create>;

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

/** A column drawn in its object's group; its id and qualified name are made when written. */
class DrawnColumn {
  constructor(
    readonly node: DrawnNode,
    readonly j: number,
    readonly column: LineageColumn,
  ) {}

  get id(): string {
    return `${this.node.id}::n${this.j}`;
  }

  get qualified(): string {
    return `${this.node.label}.${this.column.name}`;
  }
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

/** What to draw: the nodes, and the edges (made one at a time, each time they are read). */
interface Model {
  nodes: DrawnNode[];
  edges(): Iterable<DrawnEdge>;
}

export function* writeGraphml(graph: LineageGraph, opts: WriteOptions): Generator<string, void, undefined> {
  const ix = new GraphIndex(graph);
  const { nodes, edges } = opts.tableToTable ? tableModel(ix) : columnModel(ix);
  const sizes = nodes.map(sizeOf);
  const places = layeredLayout(sizes, (function* () {
    for (const e of edges()) yield e.arc;
  })(), GAPS);

  const xml = new Elements();
  const [head, tail] = skeleton();
  let out = head;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const { x, y } = places[i]!;
    const size = sizes[i]!;
    if (!node.group) {
      out += xml.table(node, x, y, size);
    } else if (node.columns.length === 0) {
      out += xml.group(node, x, y, size, false);
    } else {
      // The group's start and end around its columns, the columns written one at a time.
      const [open, close] = split(xml.group(node, x, y, size, true));
      out += open;
      const width = size.width - 2 * INSET;
      for (let j = 0; j < node.columns.length; j++) {
        const cy = y + LABEL_HEIGHT + INSET + j * (COLUMN_HEIGHT + COLUMN_GAP);
        out += xml.column(node.columns[j]!, x + INSET, cy, width);
        if (out.length >= CHUNK_CHARS) {
          yield out;
          out = '';
        }
      }
      out += close;
    }
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = '';
    }
  }
  let e = 0;
  for (const edge of edges()) {
    out += xml.edge(edge, `e${e++}`);
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = '';
    }
  }
  yield `${out}${tail}\n`;
}

// ---------------------------------------------------------------------------------------------
// Document assembly
//
// One xmlbuilder2 DOM for a whole large graph costs about 1 KB of heap per XML node (GBs for
// 10^5 columns), its time grows faster than its size, and most of it goes to garbage collection;
// built and serialized in small batches it still took ~3 s for the bench's 25 MB document (a DOM
// node, a namespace lookup and a serialization step per element and attribute). So xmlbuilder2
// writes every kind of element once, with numbered slots for its values, at the depth it has in
// the document (a top-level node or edge: children of the top-level `<graph>`; a column: of the
// graph inside its group), and each element of the document is that text with its values put in
// the slots. A value goes in as it is only when xmlbuilder2 would write it unchanged (no character
// it escapes, no control character, not empty: see `plain`); an element with any other value is
// built and serialized by xmlbuilder2 itself, as the templates were. The skeleton (declaration,
// root, keys, top graph) has a marker element where the body goes; a group's template has one
// where its columns go. Output is byte-identical to building a single DOM. (The marker is an
// element, not a comment: one comment node makes V8 deoptimize xmlbuilder2's node constructor for
// the rest of the process, halving its speed.) The pieces are yielded as chunks of about
// CHUNK_CHARS: the document is streamed, never held. (xmlbuilder2's callback writer, `createCB`,
// streams too but was measured 4x slower than batches: it still makes a DOM node per element.)

const BODY_MARK = 'sqlflow-graphml-body';

/** Text before and after the marker element's line. */
function split(text: string): [string, string] {
  const at = text.indexOf(`<${BODY_MARK}/>`);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineEnd = text.indexOf('\n', at) + 1;
  return [text.slice(0, lineStart), text.slice(lineEnd)];
}

/** The document before and after the children of the top-level `<graph>`. */
function skeleton(): [string, string] {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc
    .ele(NS, 'graphml')
    .att(XMLNS, 'xmlns:y', Y)
    .att(XMLNS, 'xmlns:xsi', XSI)
    .att(XSI, 'xsi:schemaLocation', SCHEMA_LOCATION);
  for (const key of KEYS) root.ele('key', { ...key });
  root.ele('graph', { id: 'G', edgedefault: 'directed' }).ele(BODY_MARK);
  return split(doc.end({ prettyPrint: true }));
}

/**
 * The serialized lines (each ending in a newline) of an element built by `build`, indented as a
 * child of a `<graph>` at `depth` (1: the top-level graph; 3: the graph inside a group).
 */
function serialize(build: (parent: Builder) => void, depth: number): string {
  const doc = create();
  const holder = doc.ele(NS, 'graph').att(XMLNS, 'xmlns:y', Y);
  build(holder);
  const text = doc.end({ headless: true, prettyPrint: true, offset: depth });
  return text.slice(text.indexOf('\n') + 1, text.lastIndexOf('\n') + 1);
}

/** Holds the values of an element: strings, each already fit for XML (see `xmlText`). */
type Values = readonly string[];

/**
 * A value written as it is: xmlbuilder2 escapes `&` (unless it starts an entity reference), `<`,
 * `>` and, in attributes, `"`, and writes an element with empty text differently; control
 * characters and lone surrogates are left to it too (surrogates in pairs included, for simplicity).
 */
const PLAIN = /^[^&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]+$/;

/** Marks slot `i` in a template: a private-use character around its number (never in fixed text). */
const SLOT = '\uE000';
const SLOTS = /\uE000(\d+)\uE000/g;

/** An element as xmlbuilder2 writes it at `depth`, with slots for its values (see `Values`). */
class Template {
  private readonly fixed: string[] = [];
  private readonly slots: number[] = [];

  constructor(
    private readonly build: (parent: Builder, values: Values) => void,
    private readonly depth: number,
    size: number,
  ) {
    const text = serialize((parent) => build(parent, Array.from({ length: size }, (_, i) => `${SLOT}${i}${SLOT}`)), depth);
    let at = 0;
    for (const m of text.matchAll(SLOTS)) {
      this.fixed.push(text.slice(at, m.index));
      this.slots.push(Number(m[1]));
      at = m.index + m[0].length;
    }
    this.fixed.push(text.slice(at));
  }

  /**
   * The element with `values`; built by xmlbuilder2 when one it writes is not plain. Joined into
   * one flat string: a string of concatenations is a tree of pieces, copied whole by every young
   * collection that catches the chunk being filled (the bench's peak heap while writing: 77 MB
   * instead of 81).
   */
  fill(values: Values): string {
    const parts = [this.fixed[0]!];
    for (let i = 0; i < this.slots.length; i++) {
      const value = values[this.slots[i]!]!;
      if (!PLAIN.test(value)) return serialize((parent) => this.build(parent, values), this.depth);
      parts.push(value, this.fixed[i + 1]!);
    }
    return parts.join('');
  }
}

/** The document's elements, each kind from its template. */
class Elements {
  private readonly columns = [false, true].map((system) => new Template((g, v) => columnNode(g, system, v), 3, 6));
  private readonly groups = [false, true].map((pieces) => new Template((g, v) => groupNode(g, v, pieces), 1, 9));
  private readonly tables = new Template(tableNode, 1, 8);
  private readonly edges = [false, true].map((effect) => new Template((g, v) => edgeElement(g, v, effect), 1, 9));

  column(c: DrawnColumn, x: number, y: number, width: number): string {
    const name = xmlText(c.column.name);
    return this.columns[c.column.system === true ? 1 : 0]!.fill([c.id, name, xmlText(c.qualified), num(x), num(y), num(width)]);
  }

  /** A group node; `pieces`: with the marker where its columns go, else with none (no columns). */
  group(node: DrawnNode, x: number, y: number, size: Size, pieces: boolean): string {
    const o = node.object;
    return this.groups[pieces ? 1 : 0]!.fill([
      node.id, xmlText(node.label), o.type, num(x), num(y), num(size.width), num(size.height),
      isDataset(o) ? '#EAF1FB' : '#F4F4F4', o.type === 'view' ? 'dashed' : 'line',
    ]);
  }

  table(node: DrawnNode, x: number, y: number, size: Size): string {
    const o = node.object;
    return this.tables.fill([
      node.id, xmlText(node.label), o.type, num(x), num(y), num(size.width), num(size.height), o.type === 'view' ? 'dashed' : 'line',
    ]);
  }

  edge(edge: DrawnEdge, id: string): string {
    const style = EDGE_STYLE[edge.relation];
    const effect = edge.effect !== undefined;
    return this.edges[effect ? 1 : 0]!.fill([
      id, edge.source, edge.target, edge.relation, effect ? edge.effect! : '', xmlText(edge.sourceName), xmlText(edge.targetName), style.color, style.line,
    ]);
  }
}

// ---------------------------------------------------------------------------------------------
// What to draw

/**
 * Column level: a group per object (processes aside) holding its columns (row columns only when
 * linked); one edge per distinct (source column, target column, relation), its first in edge
 * order. Kept as edge indexes and numeric keys, the edges made as they are written: a model of
 * strings and objects per column and edge took ~350 bytes each (485,000 edges at 117 MB).
 */
function columnModel(ix: GraphIndex): Model {
  const edges = ix.graph.edges;
  const touched = new Set<number>();
  for (const e of edges) {
    if (ix.column(e.source.objectId, e.source.columnId)) touched.add(e.source.columnId);
    if (ix.column(e.target.objectId, e.target.columnId)) touched.add(e.target.columnId);
  }
  const nodes: DrawnNode[] = [];
  const nodeIndex = new Map<number, number>();
  const drawn = new Map<number, DrawnColumn>();
  for (const o of ix.graph.objects) {
    if (o.type === 'process') continue;
    const node: DrawnNode = { id: `n${nodes.length}`, object: o, label: qualifiedName(o), columns: [], group: true };
    const shown = [
      ...o.columns.filter((c) => !c.system),
      ...o.columns.filter((c) => c.system && touched.has(c.id)),
    ];
    node.columns = shown.map((column, j) => new DrawnColumn(node, j, column));
    for (const c of node.columns) drawn.set(c.column.id, c);
    nodeIndex.set(o.id, nodes.length);
    nodes.push(node);
  }
  touched.clear();
  const end = (p: Endpoint): DrawnColumn | undefined => {
    const c = drawn.get(p.columnId);
    return c && c.node.object.id === p.objectId ? c : undefined;
  };
  const kept = new IntList();
  const seen = new TripleSet();
  edges.forEach((e, i) => {
    if (end(e.source) && end(e.target) && seen.add(e.source.columnId, e.target.columnId, RELATION_CODE[e.type])) kept.push(i);
  });
  return {
    nodes,
    *edges() {
      for (let k = 0; k < kept.length; k++) {
        const e = edges[kept.at(k)]!;
        const source = end(e.source)!;
        const target = end(e.target)!;
        yield {
          source: source.id, target: target.id, relation: e.type, effect: e.effectType,
          sourceName: source.qualified, targetName: target.qualified,
          arc: [nodeIndex.get(e.source.objectId)!, nodeIndex.get(e.target.objectId)!],
        };
      }
    },
  };
}

function tableModel(ix: GraphIndex): Model {
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
  return { nodes, edges: () => edges };
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

function geometry(parent: Builder, x: string, y: string, width: string, height: string): void {
  parent.ele(Y, 'y:Geometry', { height, width, x, y });
}

function plainData(node: Builder, label: string, kind: string, qualified: string): void {
  node.ele('data', { key: 'd2' }).txt(label);
  node.ele('data', { key: 'd3' }).txt(kind);
  node.ele('data', { key: 'd4' }).txt(qualified);
}

/**
 * A group node: id, label, object type, x, y, width, height, fill colour, border type. With a
 * marker where its columns go (`pieces`), else with an empty graph.
 */
function groupNode(graph: Builder, [id, label, type, x, y, width, height, fill, border]: Values, pieces: boolean): void {
  const el = graph.ele('node', { id: id!, 'yfiles.foldertype': 'group' });
  plainData(el, label!, type!, label!);
  const realizers = el.ele('data', { key: 'd0' }).ele(Y, 'y:ProxyAutoBoundsNode').ele(Y, 'y:Realizers', { active: '0' });
  for (const closed of [false, true]) {
    const g = realizers.ele(Y, 'y:GroupNode');
    geometry(g, x!, y!, width!, closed ? num(LABEL_HEIGHT + 2 * INSET) : height!);
    g.ele(Y, 'y:Fill', { color: fill! });
    g.ele(Y, 'y:BorderStyle', { color: '#5A6B80', type: border! });
    g.ele(Y, 'y:NodeLabel', {
      alignment: 'center', autoSizePolicy: 'node_width', backgroundColor: '#C9D8EE', fontSize: '13',
      fontStyle: 'bold', modelName: 'internal', modelPosition: 't',
    }).txt(label!);
    g.ele(Y, 'y:Shape', { type: 'rectangle' });
    g.ele(Y, 'y:State', { closed: String(closed), closedHeight: num(LABEL_HEIGHT + 2 * INSET), closedWidth: width!, innerGraphDisplayEnabled: 'false' });
    g.ele(Y, 'y:Insets', { bottom: String(INSET), left: String(INSET), right: String(INSET), top: String(INSET) });
  }
  const inner = el.ele('graph', { id: `${id!}:`, edgedefault: 'directed' });
  if (pieces) inner.ele(BODY_MARK);
}

/** A column node: id, name, qualified name, x, y, width. */
function columnNode(graph: Builder, system: boolean, [id, name, qualified, x, y, width]: Values): void {
  const el = graph.ele('node', { id: id! });
  plainData(el, name!, system ? 'relation_rows' : 'column', qualified!);
  const shape = el.ele('data', { key: 'd0' }).ele(Y, 'y:ShapeNode');
  geometry(shape, x!, y!, width!, num(COLUMN_HEIGHT));
  shape.ele(Y, 'y:Fill', { color: system ? '#EEEEEE' : '#FFFFFF' });
  shape.ele(Y, 'y:BorderStyle', { color: system ? '#9E9E9E' : '#5A6B80', type: system ? 'dashed' : 'line' });
  const label = system
    ? { alignment: 'left', fontStyle: 'italic', modelName: 'internal', modelPosition: 'l', textColor: '#757575' }
    : { alignment: 'left', modelName: 'internal', modelPosition: 'l' };
  shape.ele(Y, 'y:NodeLabel', label).txt(name!);
  shape.ele(Y, 'y:Shape', { type: 'rectangle' });
}

/** A table node (table-to-table): id, label, object type, x, y, width, height, border type. */
function tableNode(graph: Builder, [id, label, type, x, y, width, height, border]: Values): void {
  const el = graph.ele('node', { id: id! });
  plainData(el, label!, type!, label!);
  const shape = el.ele('data', { key: 'd0' }).ele(Y, 'y:ShapeNode');
  geometry(shape, x!, y!, width!, height!);
  shape.ele(Y, 'y:Fill', { color: '#EAF1FB' });
  shape.ele(Y, 'y:BorderStyle', { color: '#5A6B80', type: border! });
  shape.ele(Y, 'y:NodeLabel', { fontSize: '13', fontStyle: 'bold', modelName: 'internal', modelPosition: 'c' }).txt(label!);
  shape.ele(Y, 'y:Shape', { type: 'roundrectangle' });
}

/** An edge: id, source, target, relation type, effect (unused without `effect`), source and target names, colour, line type. */
function edgeElement(graph: Builder, [id, source, target, relation, effectType, sourceName, targetName, color, lineType]: Values, effect: boolean): void {
  const el = graph.ele('edge', { id: id!, source: source!, target: target! });
  el.ele('data', { key: 'd5' }).txt(relation!);
  if (effect) el.ele('data', { key: 'd6' }).txt(effectType!);
  el.ele('data', { key: 'd7' }).txt(sourceName!);
  el.ele('data', { key: 'd8' }).txt(targetName!);
  const line = el.ele('data', { key: 'd1' }).ele(Y, 'y:PolyLineEdge');
  line.ele(Y, 'y:LineStyle', { color: color!, type: lineType! });
  line.ele(Y, 'y:Arrows', { source: 'none', target: 'standard' });
  line.ele(Y, 'y:EdgeLabel', { modelName: 'six_pos', modelPosition: 'tail', textColor: color! }).txt(relation!);
}
