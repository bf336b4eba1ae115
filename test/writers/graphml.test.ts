import { create } from 'xmlbuilder2';
import type { LineageGraph } from '../../src/graph/model.js';
import { writeGraphml } from '../../src/writers/graphml.js';
import { joinChunks } from '../../src/writers/chunks.js';
import { clone, insertSelectGraph, multiFileGraph, opts } from './fixtures.js';
import { expectGolden } from './golden.js';

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlElement[];
}

/** Parses with xmlbuilder2 (throws if not well-formed) into a plain element tree. */
function parseXml(xml: string): XmlElement {
  const doc = create(xml);
  const walk = (node: Node): XmlElement => {
    const el = node as Element;
    const attrs: Record<string, string> = {};
    for (const a of Array.from(el.attributes)) attrs[a.name] = a.value;
    const children = Array.from(el.childNodes).filter((c) => c.nodeType === 1).map(walk);
    return { name: el.nodeName, attrs, text: el.textContent ?? '', children };
  };
  return walk(doc.root().node as unknown as Node);
}

function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    e.children.forEach(visit);
  };
  visit(el);
  return out;
}

function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

function dataOf(el: XmlElement, key: string): string | undefined {
  return el.children.find((c) => c.name === 'data' && c.attrs.key === key)?.text;
}

function render(graph: LineageGraph, tableToTable = false): { xml: string; root: XmlElement } {
  const xml = joinChunks(writeGraphml(graph, opts('graphml', { tableToTable })));
  return { xml, root: parseXml(xml) };
}

/** Top-level group or table nodes, by label. */
function topNodes(root: XmlElement): Map<string, XmlElement> {
  const graph = child(root, 'graph')!;
  return new Map(graph.children.filter((c) => c.name === 'node').map((n) => [dataOf(n, 'd2')!, n]));
}

function geometryOf(node: XmlElement): { x: number; y: number; width: number; height: number } {
  const g = all(node, 'y:Geometry')[0]!.attrs;
  return { x: Number(g.x), y: Number(g.y), width: Number(g.width), height: Number(g.height) };
}

describe('writeGraphml', () => {
  test('golden: insert-select', () => {
    expectGolden('insert-select.graphml', joinChunks(writeGraphml(insertSelectGraph(), opts('graphml'))));
  });
  test('golden: two files', () => {
    expectGolden('multi.graphml', joinChunks(writeGraphml(multiFileGraph(), opts('graphml'))));
  });
  test('golden: two files --table-to-table', () => {
    expectGolden('multi.t2t.graphml', joinChunks(writeGraphml(multiFileGraph(), opts('graphml', { tableToTable: true }))));
  });

  test('well-formed GraphML root with yEd namespaces and typed keys', () => {
    const { xml, root } = render(multiFileGraph());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml')).toBe(true);
    expect(root.name).toBe('graphml');
    expect(root.attrs).toMatchObject({
      xmlns: 'http://graphml.graphdrawing.org/xmlns',
      'xmlns:y': 'http://www.yworks.com/xml/graphml',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    });
    expect(root.attrs['xsi:schemaLocation']).toContain('ygraphml.xsd');
    const keys = all(root, 'key').map((k) => k.attrs);
    expect(keys[0]).toEqual({ for: 'node', id: 'd0', 'yfiles.type': 'nodegraphics' });
    expect(keys[1]).toEqual({ for: 'edge', id: 'd1', 'yfiles.type': 'edgegraphics' });
    for (const k of keys.slice(2)) expect(k['attr.type']).toBe('string');
    expect(keys.slice(2).map((k) => k['attr.name'])).toEqual(['label', 'kind', 'qualified_name', 'relation', 'effect', 'source_name', 'target_name']);
  });

  test('tables and result sets are yEd groups holding one node per column; processes are not drawn', () => {
    const { root } = render(multiFileGraph());
    const nodes = topNodes(root);
    expect([...nodes.keys()]).toEqual(['tgt', 'db1.s1.src', 'v<&>', 'RS-1']);
    const src = nodes.get('db1.s1.src')!;
    expect(src.attrs['yfiles.foldertype']).toBe('group');
    expect(all(src, 'y:GroupNode')).toHaveLength(2);
    expect(all(src, 'y:NodeLabel')[0]!.text).toBe('db1.s1.src');
    const inner = child(src, 'graph')!;
    expect(inner.attrs.id).toBe(`${src.attrs.id}:`);
    const columns = inner.children.filter((c) => c.name === 'node');
    expect(columns.map((c) => c.attrs.id)).toEqual([0, 1, 2].map((j) => `${src.attrs.id}::n${j}`));
    expect(columns.map((c) => dataOf(c, 'd2'))).toEqual(['x', 'y', 'z']);
    expect(columns.map((c) => dataOf(c, 'd4'))).toEqual(['db1.s1.src.x', 'db1.s1.src.y', 'db1.s1.src.z']);
    expect(all(columns[0]!, 'y:ShapeNode')).toHaveLength(1);
  });

  test('RelationRows is drawn only when an edge touches it, styled apart', () => {
    const nodes = topNodes(render(multiFileGraph()).root);
    const columnsOf = (label: string) => child(nodes.get(label)!, 'graph')!.children.map((c) => dataOf(c, 'd2'));
    expect(columnsOf('tgt')).toEqual(['a', 'b', 'RelationRows']);
    expect(columnsOf('v<&>')).toEqual(['a,"q']);
    const rr = child(nodes.get('tgt')!, 'graph')!.children[2]!;
    expect(dataOf(rr, 'd3')).toBe('relation_rows');
    expect(all(rr, 'y:BorderStyle')[0]!.attrs.type).toBe('dashed');
    expect(all(rr, 'y:NodeLabel')[0]!.attrs.fontStyle).toBe('italic');
  });

  test('edges column -> column with nested ids, coloured and labelled by type', () => {
    const { root } = render(insertSelectGraph());
    const edges = all(root, 'edge');
    expect(edges.map((e) => `${e.attrs.source}->${e.attrs.target}`)).toEqual(['n1::n0->n0::n0', 'n1::n1->n0::n1', 'n1::n2->n0::n2']);
    expect(edges.map((e) => dataOf(e, 'd5'))).toEqual(['fdd', 'fdd', 'fdr']);
    expect(edges.map((e) => all(e, 'y:EdgeLabel')[0]!.text)).toEqual(['fdd', 'fdd', 'fdr']);
    const colour = (e: XmlElement) => all(e, 'y:LineStyle')[0]!.attrs.color;
    expect(colour(edges[0]!)).toBe(colour(edges[1]!));
    expect(colour(edges[0]!)).not.toBe(colour(edges[2]!));
    expect(all(edges[0]!, 'y:PolyLineEdge')).toHaveLength(1);
  });

  test('every relation type has its own colour; duplicate edges are drawn once', () => {
    const g = insertSelectGraph();
    g.edges.push(
      { id: 7, type: 'join', effectType: 'select', source: { objectId: 6, columnId: 7 }, target: { objectId: 6, columnId: 8 } },
      { id: 8, type: 'frd', effectType: 'insert', source: { objectId: 6, columnId: 8 }, target: { objectId: 2, columnId: 3 } },
      { ...clone(g.edges[0]!), id: 9 },
    );
    const edges = all(render(g).root, 'edge');
    expect(edges).toHaveLength(5);
    const colours = new Set(edges.map((e) => all(e, 'y:LineStyle')[0]!.attrs.color));
    expect(colours.size).toBe(4);
  });

  test('<&> and quotes in names are escaped by the XML builder', () => {
    const { xml, root } = render(multiFileGraph());
    expect(xml).toContain('v&lt;&amp;&gt;');
    expect(xml).not.toContain('v<&>');
    expect(topNodes(root).has('v<&>')).toBe(true);
  });

  test('names of any script and with characters to escape read back the same, in nodes and edges', () => {
    const g = multiFileGraph();
    const src = g.objects.find((o) => o.name === 'src')!;
    src.name = 'a>b';
    const names = ['tab\tname', `q"uote's`, 'emoji 🦆 ümlaut'];
    src.columns.slice(0, 3).forEach((c, i) => (c.name = names[i]!));
    const { root } = render(g);
    const group = topNodes(root).get('db1.s1.a>b')!;
    const columns = child(group, 'graph')!.children.map((c) => [dataOf(c, 'd2'), dataOf(c, 'd4')]);
    expect(columns.slice(0, 3)).toEqual(names.map((n) => [n, `db1.s1.a>b.${n}`]));
    const edges = all(root, 'edge').map((e) => `${dataOf(e, 'd7')} -> ${dataOf(e, 'd8')}`);
    expect(edges.slice(0, 2)).toEqual(['db1.s1.a>b.tab\tname -> tgt.a', `db1.s1.a>b.q"uote's -> tgt.b`]);
  });

  test('characters XML cannot carry become U+FFFD', () => {
    const g = insertSelectGraph();
    g.objects[1]!.name = 'bad\u0001name\uFFFF';
    const { root } = render(g);
    expect(topNodes(root).has('bad\uFFFDname\uFFFD')).toBe(true);
  });

  test('layered left-to-right layout: sources left of targets, groups sized by columns', () => {
    const nodes = topNodes(render(multiFileGraph()).root);
    const [src, tgt, view, rs] = ['db1.s1.src', 'tgt', 'v<&>', 'RS-1'].map((l) => geometryOf(nodes.get(l)!));
    expect(src!.x).toBeLessThan(tgt!.x);
    expect(tgt!.x).toBeLessThan(view!.x);
    expect(view!.x).toBe(rs!.x);
    expect(view!.y + view!.height).toBeLessThanOrEqual(rs!.y);
    expect(tgt!.height).toBeGreaterThan(view!.height);
    // Column nodes lie inside their group.
    const first = geometryOf(child(nodes.get('tgt')!, 'graph')!.children[0]!);
    expect(first.x).toBeGreaterThan(tgt!.x);
    expect(first.y).toBeGreaterThan(tgt!.y);
    expect(first.x + first.width).toBeLessThan(tgt!.x + tgt!.width);
  });

  test('a cycle between tables still gets a layout', () => {
    const g = insertSelectGraph();
    g.edges.push({ id: 9, type: 'fdd', effectType: 'insert', source: { objectId: 2, columnId: 3 }, target: { objectId: 6, columnId: 7 } });
    const nodes = topNodes(render(g).root);
    expect(geometryOf(nodes.get('tgt')!).x).not.toBe(geometryOf(nodes.get('src')!).x);
  });

  test('--table-to-table: one node per table/view, edges table -> table', () => {
    const { root } = render(multiFileGraph(), true);
    const nodes = topNodes(root);
    expect([...nodes.keys()]).toEqual(['tgt', 'db1.s1.src', 'v<&>']);
    for (const n of nodes.values()) {
      expect(n.attrs['yfiles.foldertype']).toBeUndefined();
      expect(child(n, 'graph')).toBeUndefined();
      expect(all(n, 'y:ShapeNode')).toHaveLength(1);
    }
    const label = (id: string) => [...nodes.entries()].find(([, n]) => n.attrs.id === id)![0];
    const edges = all(root, 'edge').map((e) => `${label(e.attrs.source!)}->${label(e.attrs.target!)}:${dataOf(e, 'd5')}`);
    expect(edges).toEqual(['db1.s1.src->tgt:fdd', 'tgt->v<&>:fdd']);
  });

  test('empty graph is still valid GraphML', () => {
    const { root } = render({ vendor: 'dbvansi', files: [], objects: [], edges: [], errors: [], statements: { total: 0, failed: 0 } });
    expect(child(root, 'graph')!.children).toEqual([]);
  });

  test('deterministic', () => {
    const g = multiFileGraph();
    expect(joinChunks(writeGraphml(g, opts('graphml')))).toBe(joinChunks(writeGraphml(clone(g), opts('graphml'))));
  });
});
