import { createHash } from 'node:crypto';
import type { LineageGraph } from '../../src/graph/model.js';
import { writeJson } from '../../src/writers/json.js';
import { joinChunks } from '../../src/writers/chunks.js';
import { clone, insertSelectGraph, multiFileGraph, opts } from './fixtures.js';
import { expectGolden } from './golden.js';

type Json = any;

function parse(graph: LineageGraph, tableToTable = false): Json {
  return JSON.parse(joinChunks(writeJson(graph, opts('json', { tableToTable }))));
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

describe('writeJson', () => {
  test('golden: insert-select', () => {
    expectGolden('insert-select.json', joinChunks(writeJson(insertSelectGraph(), opts('json'))));
  });
  test('golden: insert-select --table-to-table', () => {
    expectGolden('insert-select.t2t.json', joinChunks(writeJson(insertSelectGraph(), opts('json', { tableToTable: true }))));
  });
  test('golden: two files', () => {
    expectGolden('multi.json', joinChunks(writeJson(multiFileGraph(), opts('json'))));
  });
  test('golden: two files --table-to-table', () => {
    expectGolden('multi.t2t.json', joinChunks(writeJson(multiFileGraph(), opts('json', { tableToTable: true }))));
  });

  test('envelope: code, data.mode, summary, sqlflow keys', () => {
    const doc = parse(insertSelectGraph());
    expect(Object.keys(doc)).toEqual(['code', 'data']);
    expect(doc.code).toBe(200);
    expect(Object.keys(doc.data)).toEqual(['mode', 'summary', 'sqlflow']);
    expect(doc.data.mode).toBe('global');
    expect(Object.keys(doc.data.sqlflow)).toEqual(['dbvendor', 'dbobjs', 'relationships', 'errors']);
    expect(doc.data.sqlflow.dbvendor).toBe('dbvansi');
  });

  test('dbobjs: ids as strings, process fields, RelationRows as system column', () => {
    const [proc, tgt] = parse(insertSelectGraph()).data.sqlflow.dbobjs;
    expect(proc).toEqual({
      id: '1', name: 'Query Insert-1', type: 'process', procedureName: 'batchQueries',
      queryHashId: '5d41402abc4b2a76b9719d911017c592',
      coordinates: [{ x: 1, y: 1, hashCode: '0' }, { x: 1, y: 56, hashCode: '0' }],
    });
    expect(tgt.columns[2]).toEqual({
      id: '5', name: 'RelationRows', source: 'system',
      coordinates: [{ x: 1, y: 13, hashCode: '0' }, { x: 1, y: 16, hashCode: '0' }],
    });
    expect(tgt.columns[0].source).toBeUndefined();
  });

  test('dbobjs: qualified name, database, schema and alias when known', () => {
    const src = parse(multiFileGraph()).data.sqlflow.dbobjs.find((o: Json) => o.id === '6');
    expect(Object.keys(src)).toEqual(['id', 'database', 'schema', 'name', 'alias', 'type', 'columns', 'coordinates']);
    expect(src).toMatchObject({ database: 'db1', schema: 's1', name: 'db1.s1.src', alias: 's', type: 'table' });
  });

  test('relationships: ids after the largest id, fdr source keeps clauseType', () => {
    const rels = parse(insertSelectGraph()).data.sqlflow.relationships;
    expect(rels.map((r: Json) => r.id)).toEqual(['11', '12', '13']);
    expect(rels[2]).toEqual({
      id: '13', type: 'fdr', effectType: 'insert',
      target: { id: '5', column: 'RelationRows', parentId: '2', parentName: 'tgt', coordinates: [{ x: 1, y: 13, hashCode: '0' }, { x: 1, y: 16, hashCode: '0' }] },
      sources: [{ id: '9', column: 'z', parentId: '6', parentName: 'src', coordinates: [{ x: 1, y: 50, hashCode: '0' }, { x: 1, y: 51, hashCode: '0' }], clauseType: 'where' }],
      processId: '1',
    });
  });

  test('relationships: edges sharing target, type, effect, process and function are grouped', () => {
    const g = insertSelectGraph();
    g.edges.push(
      { id: 4, type: 'fdd', effectType: 'insert', processId: 1, source: { objectId: 6, columnId: 9 }, target: { objectId: 2, columnId: 3 } },
      { id: 5, type: 'fdd', effectType: 'insert', processId: 1, source: { objectId: 6, columnId: 7 }, target: { objectId: 2, columnId: 3 } },
      { id: 6, type: 'fdd', effectType: 'insert', processId: 1, function: 'ABS', source: { objectId: 6, columnId: 9 }, target: { objectId: 2, columnId: 3 } },
    );
    const rels = parse(g).data.sqlflow.relationships;
    expect(rels).toHaveLength(4);
    expect(rels[0].target.column).toBe('a');
    expect(rels[0].sources.map((s: Json) => s.column)).toEqual(['x', 'z']);
    expect(rels[3]).toMatchObject({ type: 'fdd', function: 'ABS', target: { column: 'a' } });
    expect(Object.keys(rels[3])).toEqual(['id', 'type', 'function', 'effectType', 'target', 'sources', 'processId']);
  });

  test('relationships: transforms on sources, endpoint loc overrides the column loc', () => {
    const hashB = md5('sub/b.sql');
    const rels = parse(multiFileGraph()).data.sqlflow.relationships;
    expect(rels[1]).toMatchObject({ function: 'SUM', sources: [{ column: 'y', transforms: [{ type: 'function', code: 'SUM(s.y)' }] }] });
    const view = rels.find((r: Json) => r.effectType === 'create_view');
    expect(view.sources[0].coordinates).toEqual([{ x: 1, y: 40, hashCode: hashB }, { x: 1, y: 41, hashCode: hashB }]);
    expect(view.target).toMatchObject({ column: 'a,"q', parentName: 'v<&>' });
  });

  test('edges with unknown endpoints are skipped, not fatal', () => {
    const g = insertSelectGraph();
    g.edges.push({ id: 9, type: 'fdd', effectType: 'insert', source: { objectId: 99, columnId: 1 }, target: { objectId: 2, columnId: 3 } });
    expect(parse(g).data.sqlflow.relationships).toHaveLength(3);
  });

  test('hashCode: "0" for one file; MD5 of the path per file and a files map for several', () => {
    const single = joinChunks(writeJson(insertSelectGraph(), opts('json')));
    expect(single).not.toContain('"files"');
    expect([...single.matchAll(/"hashCode": "([^"]*)"/g)].every((m) => m[1] === '0')).toBe(true);

    const doc = parse(multiFileGraph());
    const [hashA, hashB] = [md5('a.sql'), md5('sub/b.sql')];
    expect(doc.data.sqlflow.files).toEqual({ [hashA]: 'a.sql', [hashB]: 'sub/b.sql' });
    const tgt = doc.data.sqlflow.dbobjs.find((o: Json) => o.id === '2');
    expect(tgt.coordinates.map((c: Json) => c.hashCode)).toEqual([hashA, hashA, hashB, hashB, hashB, hashB, hashB, hashB]);
  });

  test('hashCode: the same path twice still gets two codes', () => {
    const g = multiFileGraph();
    g.files = ['x.sql', 'x.sql'];
    expect(Object.values(parse(g).data.sqlflow.files)).toEqual(['x.sql', 'x.sql']);
  });

  test('errors: message, type, coordinates', () => {
    const hashB = md5('sub/b.sql');
    expect(parse(multiFileGraph()).data.sqlflow.errors).toEqual([{
      errorMessage: "syntax error near 'FORM'", errorType: 'SyntaxError',
      coordinates: [{ x: 4, y: 10, hashCode: hashB }, { x: 4, y: 14, hashCode: hashB }],
    }]);
    const g = insertSelectGraph();
    g.errors.push({ severity: 'warning', code: 'InputError', message: 'no position' });
    expect(parse(g).data.sqlflow.errors[0].coordinates).toEqual([]);
  });

  test('summary: counts and mostRelationTables', () => {
    expect(parse(multiFileGraph()).data.summary).toEqual({
      schema: 1, process: 4, database: 1, view: 1,
      mostRelationTables: [{ table: 'tgt' }, { schema: 's1', table: 'src' }, { table: 'v<&>' }],
      column: 6, relationship: 5, table: 2,
    });
  });

  test('--table-to-table: tables, views and processes; T -> process -> T', () => {
    const doc = parse(multiFileGraph(), true);
    const { dbobjs, relationships } = doc.data.sqlflow;
    expect(dbobjs.map((o: Json) => `${o.id}:${o.type}`)).toEqual(['1:process', '2:table', '6:table', '11:process', '12:view', '15:process', '16:process']);
    for (const o of dbobjs) if (o.type !== 'process') expect(o.columns).toEqual([]);
    const arrows = relationships.map((r: Json) => `${r.sources[0].parentName}->${r.target.parentName}:${r.type}:${r.effectType}`);
    expect(arrows).toEqual([
      'db1.s1.src->Query Insert-1:fdd:insert',
      'Query Insert-1->tgt:fdd:insert',
      'tgt->Query Create View-1:fdd:create_view',
      'Query Create View-1->v<&>:fdd:create_view',
      'Query Insert-2->tgt:fdd:insert',
      'tgt->Query Select-1:fdd:select',
    ]);
    for (const r of relationships) {
      for (const el of [r.target, ...r.sources]) {
        expect(el.column).toBeUndefined();
        expect(el.id).toBe(el.parentId);
      }
    }
    expect(relationships[0].id).toBe('20');
    expect(doc.data.summary).toMatchObject({ column: 0, relationship: 6, table: 2, view: 1, process: 4 });
  });

  test('--table-to-table: endpoint coordinates are the occurrences inside the statement', () => {
    const rels = parse(multiFileGraph(), true).data.sqlflow.relationships;
    const hashB = md5('sub/b.sql');
    expect(rels[4].target.coordinates).toEqual([{ x: 2, y: 13, hashCode: hashB }, { x: 2, y: 16, hashCode: hashB }]);
  });

  test('deterministic: same content, same bytes', () => {
    const g = multiFileGraph();
    expect(joinChunks(writeJson(g, opts('json')))).toBe(joinChunks(writeJson(clone(g), opts('json'))));
  });

  test('empty graph', () => {
    const doc = parse({ vendor: 'dbvansi', files: [], objects: [], edges: [], errors: [], statements: { total: 0, failed: 0 } });
    expect(doc.data.sqlflow).toEqual({ dbvendor: 'dbvansi', dbobjs: [], relationships: [], errors: [] });
    expect(doc.data.summary.mostRelationTables).toEqual([]);
  });

  test('an object without locations has empty coordinates', () => {
    const g = insertSelectGraph();
    g.objects[1]!.locs = [];
    g.objects[1]!.columns[0]!.locs = [];
    g.edges[0]!.target.loc = undefined;
    const doc = parse(g);
    expect(doc.data.sqlflow.dbobjs[1].coordinates).toEqual([]);
    expect(doc.data.sqlflow.relationships[0].target.coordinates).toEqual([]);
  });
});
