import type { LineageGraph } from '../../src/graph/model.js';
import { DATAARTS_LIMITS, dataArtsBodies, writeDataArts, type LineageBody } from '../../src/writers/dataarts.js';
import { joinChunks } from '../../src/writers/chunks.js';
import { clone, insertSelectGraph, multiFileGraph, opts, wideGraph } from './fixtures.js';
import { expectGolden } from './golden.js';

const tableKey = (t: { database?: string; schema?: string; table: string }) => [t.database ?? '', t.schema ?? '', t.table].join('.');

/** Every body within the seed's limits. */
function expectWithinLimits(bodies: LineageBody[]): void {
  for (const { table_lineage: t } of bodies) {
    expect(t.input_tables.length).toBeGreaterThanOrEqual(1);
    expect(t.input_tables.length).toBeLessThanOrEqual(DATAARTS_LIMITS.tables);
    expect(t.output_tables.length).toBeGreaterThanOrEqual(1);
    expect(t.output_tables.length).toBeLessThanOrEqual(DATAARTS_LIMITS.tables);
    expect(t.column_lineages.length).toBeLessThanOrEqual(DATAARTS_LIMITS.columnLineages);
    for (const l of t.column_lineages) {
      for (const side of [l.input_columns, l.output_columns]) {
        expect(side.length).toBeGreaterThanOrEqual(1);
        expect(side.length).toBeLessThanOrEqual(DATAARTS_LIMITS.columns);
      }
      // The tables a lineage uses are listed in its body.
      const ins = new Set(t.input_tables.map(tableKey));
      const outs = new Set(t.output_tables.map(tableKey));
      for (const c of l.input_columns) expect(ins.has(tableKey(c))).toBe(true);
      for (const c of l.output_columns) expect(outs.has(tableKey(c))).toBe(true);
    }
  }
}

/** All (input column, output column) pairs and (input table, output table) pairs the bodies state. */
function coverage(bodies: LineageBody[]): { columns: Set<string>; tables: Set<string> } {
  const columns = new Set<string>();
  const tables = new Set<string>();
  for (const { table_lineage: t } of bodies) {
    for (const i of t.input_tables) for (const o of t.output_tables) tables.add(`${tableKey(i)}>${tableKey(o)}`);
    for (const l of t.column_lineages) {
      for (const i of l.input_columns) for (const o of l.output_columns) columns.add(`${tableKey(i)}.${i.column}>${tableKey(o)}.${o.column}`);
    }
  }
  return { columns, tables };
}

/** The pairs the graph holds (fdd edges between table columns; reads x writes). */
function expected(graph: LineageGraph): { columns: Set<string>; tables: Set<string> } {
  const byId = new Map(graph.objects.map((o) => [o.id, o]));
  const key = (id: number) => {
    const o = byId.get(id)!;
    return tableKey({ database: o.database, schema: o.schema, table: o.name });
  };
  const columns = new Set<string>();
  for (const e of graph.edges) {
    const sc = byId.get(e.source.objectId)!.columns.find((c) => c.id === e.source.columnId)!;
    const tc = byId.get(e.target.objectId)!.columns.find((c) => c.id === e.target.columnId)!;
    columns.add(`${key(e.source.objectId)}.${sc.name}>${key(e.target.objectId)}.${tc.name}`);
  }
  const tables = new Set<string>();
  for (const p of graph.objects.filter((o) => o.type === 'process')) {
    for (const r of p.reads ?? []) for (const w of p.writes ?? []) tables.add(`${key(r)}>${key(w)}`);
  }
  return { columns, tables };
}

describe('writeDataArts', () => {
  test('golden: two files', () => {
    expectGolden('multi.dataarts.json', joinChunks(writeDataArts(multiFileGraph(), opts('dataarts'))));
  });

  test('one body per process with reads and writes; job_id and node_name', () => {
    const bodies = JSON.parse(joinChunks(writeDataArts(insertSelectGraph(), opts('dataarts'))));
    expect(bodies).toEqual([{
      job_id: 'sqlflow',
      node_name: 'Query Insert-1',
      table_lineage: {
        input_tables: [{ table: 'src' }],
        output_tables: [{ table: 'tgt' }],
        column_lineages: [
          { input_columns: [{ table: 'src', column: 'x' }], output_columns: [{ table: 'tgt', column: 'a' }] },
          { input_columns: [{ table: 'src', column: 'y' }], output_columns: [{ table: 'tgt', column: 'b' }] },
        ],
      },
    }]);
  });

  test('job name, database and schema when known', () => {
    const bodies = dataArtsBodies(multiFileGraph(), opts('dataarts', { jobName: 'nightly' }));
    expect(bodies.map((b) => `${b.job_id}/${b.node_name}`)).toEqual(['nightly/Query Insert-1', 'nightly/Query Create View-1']);
    expect(bodies[0]!.table_lineage.input_tables).toEqual([{ database: 'db1', schema: 's1', table: 'src' }]);
    expect(bodies[0]!.table_lineage.column_lineages[0]!.input_columns).toEqual([{ database: 'db1', schema: 's1', table: 'src', column: 'x' }]);
  });

  test('processes without an input table or an output table are omitted (INSERT VALUES, plain SELECT)', () => {
    const names = dataArtsBodies(multiFileGraph(), opts('dataarts')).map((b) => b.node_name);
    expect(names).not.toContain('Query Insert-2');
    expect(names).not.toContain('Query Select-1');
  });

  test('sources feeding one target column are one lineage', () => {
    const g = insertSelectGraph();
    g.edges.push({ id: 4, type: 'fdd', effectType: 'insert', processId: 1, source: { objectId: 6, columnId: 9 }, target: { objectId: 2, columnId: 3 } });
    const [body] = dataArtsBodies(g, opts('dataarts'));
    expect(body!.table_lineage.column_lineages[0]!.input_columns.map((c) => c.column)).toEqual(['x', 'z']);
  });

  test('--table-to-table: no column lineages', () => {
    const [body] = dataArtsBodies(insertSelectGraph(), opts('dataarts', { tableToTable: true }));
    expect(body!.table_lineage.column_lineages).toEqual([]);
    expect(body!.table_lineage.input_tables).toEqual([{ table: 'src' }]);
  });

  test('more than 100 column lineages: split into bodies of 100 with the full table lists', () => {
    const g = wideGraph(2, 100, 250, 1);
    const bodies = dataArtsBodies(g, opts('dataarts'));
    expect(bodies.map((b) => b.table_lineage.column_lineages.length)).toEqual([100, 100, 50]);
    for (const b of bodies) {
      expect(b.node_name).toBe('Query Insert-1');
      expect(b.table_lineage.input_tables).toHaveLength(2);
      expect(b.table_lineage.output_tables).toEqual([{ database: 'dw', schema: 'mart', table: 'out' }]);
    }
    expectWithinLimits(bodies);
    expect(coverage(bodies)).toEqual(expected(g));
  });

  test('a column with more than 100 inputs: split into several lineages of the same output', () => {
    const g = wideGraph(3, 100, 1, 250);
    const bodies = dataArtsBodies(g, opts('dataarts'));
    expect(bodies).toHaveLength(1);
    const lineages = bodies[0]!.table_lineage.column_lineages;
    expect(lineages.map((l) => l.input_columns.length)).toEqual([100, 100, 50]);
    expect(new Set(lineages.map((l) => l.output_columns[0]!.column))).toEqual(new Set(['t0']));
    expectWithinLimits(bodies);
    expect(coverage(bodies)).toEqual(expected(g));
  });

  test('more than 100 input tables: table chunks, then lineage bodies with their own tables', () => {
    const g = wideGraph(230, 1, 120, 2);
    const bodies = dataArtsBodies(g, opts('dataarts'));
    expectWithinLimits(bodies);
    expect(coverage(bodies)).toEqual(expected(g));
    const tableOnly = bodies.filter((b) => b.table_lineage.column_lineages.length === 0);
    expect(tableOnly.map((b) => b.table_lineage.input_tables.length)).toEqual([100, 100, 30]);
  });

  test('empty graph: empty array', () => {
    const empty = { vendor: 'dbvansi', files: [], objects: [], edges: [], errors: [], statements: { total: 0, failed: 0 } };
    expect(joinChunks(writeDataArts(empty, opts('dataarts')))).toBe('[]\n');
  });

  test('deterministic', () => {
    const g = wideGraph(150, 2, 150, 3);
    expect(joinChunks(writeDataArts(g, opts('dataarts')))).toBe(joinChunks(writeDataArts(clone(g), opts('dataarts'))));
  });
});
