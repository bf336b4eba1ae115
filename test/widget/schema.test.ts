/**
 * Done-when 1 of the widget issue: the JSON Schema of the widget's input (written from its docs
 * and demo JSON, test/widget/sqlflow-graph.schema.json) validates every `sqlflow-graph` document
 * of the samples of every vendor that has one, column and table level, and the ids the widget
 * looks up all resolve.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { repoPath } from '../helpers/paths.js';
import { crossReferenceProblems, samples, widgetDocument } from './documents.js';

const schema = JSON.parse(readFileSync(repoPath('test', 'widget', 'sqlflow-graph.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, strictTuples: false }).compile(schema);

function errors(doc: unknown): string[] {
  if (validate(doc)) return [];
  return [...new Set((validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`))].slice(0, 10);
}

const SAMPLES = samples();

test('the samples cover the repository samples, the procedural fixtures and every sqllineage dialect', () => {
  expect(SAMPLES.length).toBeGreaterThanOrEqual(25);
});

describe.each(SAMPLES.map((s) => [s.name, s] as const))('%s', (_name, sample) => {
  test('column level (fdd, fdr, join): valid, every id resolves, something drawn', () => {
    const doc = widgetDocument(sample, ['fdd', 'fdr', 'join']);
    expect(errors(doc)).toEqual([]);
    expect(crossReferenceProblems(doc)).toEqual([]);
    const g = (doc as { data: { graph: { elements: { tables: unknown[]; edges: unknown[] } } } }).data.graph.elements;
    expect(g.tables.length).toBeGreaterThan(0);
    expect(g.edges.length).toBeGreaterThan(0);
  });

  test('table level: valid, every id resolves', () => {
    const doc = widgetDocument(sample, ['fdd'], true);
    expect(errors(doc)).toEqual([]);
    expect(crossReferenceProblems(doc)).toEqual([]);
  });
});

test('the schema rejects what the widget cannot draw', () => {
  const doc = widgetDocument(SAMPLES[0]!, ['fdd']) as { data: { sqlflow: Record<string, unknown>; graph: Record<string, unknown> } };
  const flat = structuredClone(doc);
  flat.data.sqlflow.dbobjs = [];
  expect(errors(flat)).not.toEqual([]);
  const noTooltip = structuredClone(doc);
  delete noTooltip.data.graph.tooltip;
  expect(errors(noTooltip)).not.toEqual([]);
  const unknownVendor = structuredClone(doc) as unknown as { data: { sqlflow: { dbobjs: { servers: { dbVendor: string }[] } } } };
  unknownVendor.data.sqlflow.dbobjs.servers[0]!.dbVendor = 'dbvansi';
  expect(errors(unknownVendor)).not.toEqual([]);
});
