/** `-f sqlflow-graph`: the projection the widget draws, its hierarchy, coordinates and vendors. */
import { analyze, render } from '../../src/api.js';
import type { RelationType } from '../../src/graph/model.js';
import { writeSqlflowGraph } from '../../src/writers/index.js';

interface Box {
  id: string;
  label: { content: string };
  columns: { id: string; label: { content: string }; x: number; y: number }[];
  x: number;
  y: number;
  width: number;
}
interface Doc {
  code: number;
  sessionId?: string;
  data: {
    sqlflow: { dbobjs: { servers: Record<string, unknown>[] }; relationships: Record<string, unknown>[]; processes: Record<string, unknown>[] };
    graph: { elements: { tables: Box[]; edges: { id: string; sourceId: string; targetId: string }[] }; listIdMap: Record<string, string[]>; relationshipIdMap: Record<string, [string, string]>; tooltip: object };
  };
}

function doc(sql: string, vendor = 'dbvansi', relationTypes: RelationType[] = ['fdd'], extra: { tableToTable?: boolean; sessionId?: string } = {}): Doc {
  const { graph } = analyze([{ path: 'q.sql', text: sql }], { vendor, relationTypes });
  return JSON.parse(render(graph, { format: 'sqlflow-graph', tableToTable: extra.tableToTable ?? false, delimiter: ',', ...(extra.sessionId ? { sessionId: extra.sessionId } : {}) })) as Doc;
}

/** Box label → its column labels. */
function boxes(d: Doc): Record<string, string[]> {
  return Object.fromEntries(d.data.graph.elements.tables.map((t) => [t.label.content, t.columns.map((c) => c.label.content)]));
}

/** "box.column -> box.column type" for every drawn edge. */
function drawn(d: Doc): string[] {
  const name = new Map<string, string>();
  for (const t of d.data.graph.elements.tables) for (const c of t.columns) name.set(c.id, `${t.label.content}.${c.label.content}`);
  return d.data.graph.elements.edges.map((e) => `${name.get(e.sourceId)} -> ${name.get(e.targetId)} ${d.data.graph.relationshipIdMap[e.id]![1]}`);
}

/** Every coordinates array in the document. */
function coordinateArrays(value: unknown, out: unknown[][] = []): unknown[][] {
  if (Array.isArray(value)) value.forEach((v) => coordinateArrays(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'coordinates' && Array.isArray(v)) out.push(v);
      else coordinateArrays(v, out);
    }
  }
  return out;
}

const JOIN_SQL = `INSERT INTO dw.t (a, b)
SELECT x.a, y.b FROM src.x x JOIN src.y y ON x.id = y.id AND x.k = y.k
WHERE x.flag = 1;`;

test('one box per object in a drawn link, linked columns only, one edge per (source, target, type)', () => {
  const d = doc(`${JOIN_SQL}\nINSERT INTO dw.t (a, b) SELECT x.a, x.a FROM src.x x;`);
  expect(boxes(d)).toEqual({ 'dw.t': ['a', 'b'], 'src.x': ['a'], 'src.y': ['b'] });
  expect(drawn(d)).toEqual(['src.x.a -> dw.t.a fdd', 'src.y.b -> dw.t.b fdd', 'src.x.a -> dw.t.b fdd']);
  // listIdMap names each box's object and each box column's column.
  const t = d.data.graph.elements.tables[0]!;
  expect(d.data.graph.listIdMap[t.id]).toHaveLength(1);
  expect(d.data.graph.listIdMap[t.columns[0]!.id]).toHaveLength(1);
  expect(d.data.graph.tooltip).toEqual({});
});

test('only the requested relation types are drawn; join relationships say how the tables join', () => {
  const d = doc(JOIN_SQL, 'dbvansi', ['fdd', 'fdr', 'join']);
  const types = new Set(drawn(d).map((e) => e.split(' ').pop()));
  expect(types).toEqual(new Set(['fdd', 'fdr', 'join']));
  expect(drawn(d)).toEqual(expect.arrayContaining(['src.x.id -> src.y.id join', 'src.x.k -> src.y.k join', 'src.x.flag -> dw.t.RelationRows fdr']));
  const joins = d.data.sqlflow.relationships.filter((r) => r.type === 'join');
  expect(joins).toHaveLength(2);
  for (const j of joins) expect(j).toMatchObject({ joinType: 'inner', clause: 'on', condition: 'x.id = y.id AND x.k = y.k' });
  expect(drawn(doc(JOIN_SQL, 'dbvansi', ['fdd'])).every((e) => e.endsWith(' fdd'))).toBe(true);
});

test('every object, column and relationship end has exactly one coordinate pair', () => {
  // `INSERT INTO t SELECT ...` names no target column: they take the table's first occurrence.
  const d = doc('CREATE TABLE t (a INT, b INT);\nINSERT INTO t SELECT a, b FROM s;\nSELECT a FROM t;');
  const arrays = coordinateArrays(d.data.sqlflow);
  expect(arrays.length).toBeGreaterThan(10);
  for (const a of arrays.filter((x) => x !== undefined)) expect(a).toHaveLength(2);
});

test('the hierarchy: bare names, qualified display names, DEFAULT for unknown parts, others and processes', () => {
  const d = doc('INSERT INTO dw.t (a) SELECT a FROM s;');
  const server = d.data.sqlflow.dbobjs.servers[0]!;
  expect(server).toMatchObject({ name: 'DEFAULT_SERVER', dbVendor: 'dbvpostgresql', supportsCatalogs: true, supportsSchemas: true });
  const dbs = server.databases as { name: string; schemas: { name: string; tables?: { name: string; displayName: string }[]; processes?: unknown[] }[] }[];
  expect(dbs.map((db) => db.name)).toEqual(['DEFAULT']);
  const dw = dbs[0]!.schemas.find((s) => s.name === 'dw')!;
  expect(dw.tables!.map((t) => [t.name, t.displayName])).toEqual([['t', 'dw.t']]);
  const plain = dbs[0]!.schemas.find((s) => s.name === 'DEFAULT')!;
  expect(plain.tables!.map((t) => t.name)).toEqual(['s']);
  expect(plain.processes).toHaveLength(1);
  expect(d.data.sqlflow.processes[0]).toMatchObject({ type: 'sstinsert', procedureName: 'batchQueries' });
});

test.each([
  ['dbvansi', 'dbvpostgresql', true],
  ['dbvduckdb', 'dbvpostgresql', true],
  ['dbvclickhouse', 'dbvmysql', false],
  ['dbvsqlite', 'dbvmysql', false],
  ['dbvmysql', 'dbvmysql', false],
  ['dbvoracle', 'dbvoracle', true],
  ['dbvmssql', 'dbvmssql', true],
])('vendor %s is drawn as %s (schemas layer: %s)', (vendor, widgetVendor, schemas) => {
  const server = doc('INSERT INTO db1.t (a) SELECT a FROM db1.s;', vendor).data.sqlflow.dbobjs.servers[0]!;
  expect(server.dbVendor).toBe(widgetVendor);
  expect(server.supportsSchemas).toBe(schemas);
  const databases = server.databases as { name: string; schemas?: unknown[]; tables?: unknown[] }[];
  if (!schemas) {
    // A two-part name's qualifier is the database: db1 holds both tables.
    expect(databases.find((db) => db.name === 'db1')!.tables).toHaveLength(2);
    expect(databases.every((db) => db.schemas === undefined)).toBe(true);
  }
});

test('boxes are laid out left to right: every edge goes from a box left of its target', () => {
  const d = doc('INSERT INTO b (x) SELECT x FROM a;\nINSERT INTO c (x) SELECT x FROM b;\nINSERT INTO d (x) SELECT x FROM c;');
  const box = new Map(d.data.graph.elements.tables.map((t) => [t.id, t]));
  for (const e of d.data.graph.elements.edges) {
    const s = box.get(e.sourceId.split('::')[0]!)!;
    const t = box.get(e.targetId.split('::')[0]!)!;
    expect(s.x + s.width).toBeLessThan(t.x);
  }
  const b = d.data.graph.elements.tables[0]!;
  expect(b.columns[0]!.x).toBe(b.x + 1);
  expect(b.columns[0]!.y).toBeGreaterThan(b.y);
});

test('table level: one box per table, one edge per table pair', () => {
  const d = doc('INSERT INTO b (x, y) SELECT x, y FROM a;\nINSERT INTO c (x) SELECT b.x FROM b JOIN a ON a.x = b.x;', 'dbvansi', ['fdd'], { tableToTable: true });
  expect(Object.keys(boxes(d))).toEqual(['b', 'a', 'c']);
  expect(drawn(d)).toEqual(['a.RelationRows -> b.RelationRows fdd', 'b.RelationRows -> c.RelationRows fdd', 'a.RelationRows -> c.RelationRows fdr']);
});

test('session and job ids go at the top when given; an empty input is an empty, valid diagram', () => {
  expect(doc('SELECT 1', 'dbvansi', ['fdd'], { sessionId: 'abc' }).sessionId).toBe('abc');
  const empty = doc('');
  expect(empty.code).toBe(200);
  expect(empty.data.graph.elements.tables).toEqual([]);
});

test('deterministic, and written in bounded chunks', () => {
  const sql = Array.from({ length: 400 }, (_, i) => `INSERT INTO t${i % 37} (a, b, c) SELECT s.a, s.b, s.c FROM src${i % 11} s;`).join('\n');
  const { graph } = analyze([{ path: 'big.sql', text: sql }], {});
  const opts = { format: 'sqlflow-graph' as const, tableToTable: false, delimiter: ',' };
  const chunks = [...writeSqlflowGraph(graph, opts)];
  expect(chunks.length).toBeGreaterThan(1);
  for (const c of chunks.slice(0, -1)) expect(c.length).toBeLessThan(2 * 65536);
  expect(chunks.join('')).toBe(render(graph, opts));
  expect(render(analyze([{ path: 'big.sql', text: sql }], {}).graph, opts)).toBe(chunks.join(''));
});
