/**
 * The viewer's own model (src/viewer/client/model.ts, plain TypeScript): hiding intermediates
 * folds their chains exactly as the analyzer does without --show-intermediate, and the lineage
 * closure.
 */
import { analyze } from '../../src/api.js';
import type { LineageGraph } from '../../src/graph/model.js';
import { closure, Model } from '../../src/viewer/client/model.js';
import { viewEdges, viewObject } from '../../src/viewer/view-data.js';
import { repoPath } from '../helpers/paths.js';
import { SAMPLES, sqlFiles } from './samples.js';

function modelOf(graph: LineageGraph): Model {
  const touched = new Set(graph.edges.flatMap((e) => [e.source.columnId, e.target.columnId]));
  return new Model({
    v: 1, vendor: graph.vendor, files: graph.files, sources: [],
    objects: graph.objects.map((o) => viewObject(o, touched)),
    edges: viewEdges(graph.edges),
    stats: { statements: 0, failed: 0, errors: 0, warnings: 0 },
  });
}

const pairs = (edges: { s: { label: string }; t: { label: string }; type: string }[]) =>
  [...new Set(edges.map((e) => `${e.s.label} -> ${e.t.label} ${e.type}`))].sort();

const CASES: [string, { path: string; text: string }[], object][] = [
  ...Object.entries(SAMPLES).map(([name, o]): [string, { path: string; text: string }[], object] => [name, sqlFiles(`samples/${name}`), o]),
  ['tpcds', sqlFiles('test/corpus/bench').filter((f) => f.path.endsWith('tpcds.sql')), { schemaFiles: [repoPath('test/corpus/bench/tpcds-schema.json')] }],
  ['tpch', sqlFiles('test/corpus/bench').filter((f) => f.path.endsWith('tpch.sql')), { schemaFiles: [repoPath('test/corpus/bench/tpch-schema.json')] }],
];

describe.each(CASES)('%s: hiding intermediates in the viewer', (_name, sources, options) => {
  it.each([[['fdd']], [['fdd', 'fdr']]])('gives the analyzer\'s folded edges (%j)', (types) => {
    const relationTypes = types as ('fdd' | 'fdr')[];
    const shown = analyze(sources, { ...options, relationTypes: ['fdd', 'fdr', 'join'], showIntermediate: true }).graph;
    const folded = analyze(sources, { ...options, relationTypes }).graph;
    const model = modelOf(shown);
    const f = { ...model.defaultFilters(), intermediates: false, types: new Set(relationTypes) };
    expect(model.hasIntermediates).toBe(true);
    expect(model.folded.length).toBeGreaterThan(0);
    expect(pairs(model.visibleEdges(f))).toEqual(pairs(modelOf(folded).edges));
  });
});

test('closure: upstream and downstream, the start left out', () => {
  const g = analyze([{ path: 'a.sql', text: 'INSERT INTO b (x) SELECT x FROM a; INSERT INTO c (y) SELECT x FROM b; INSERT INTO d (z) SELECT y FROM c;' }]).graph;
  const m = modelOf(g);
  const col = (label: string) => [...m.cols.values()].find((c) => c.label === label)!;
  const { up, down } = closure([col('c.y')], m.edges);
  expect([...up].map((c) => c.label).sort()).toEqual(['a.x', 'b.x']);
  expect([...down].map((c) => c.label)).toEqual(['d.z']);
});
