/** The widget's server calls as pure handlers (src/server/widget.ts), with an in-memory job list. */
import { analyze } from '../../src/api.js';
import { parseRelationTypes, parseVendor } from '../../src/cli/options.js';
import { DEFAULT_ANALYZE_OPTIONS, type AnalyzeOptions } from '../../src/options.js';
import { notOffered, WIDGET_HANDLERS, WidgetError, WidgetSessions, type JobLineage, type WidgetCall, type WidgetContext } from '../../src/server/widget.js';

const SQL = `INSERT INTO dw.sales (cust, amount)
SELECT c.name, o.amount FROM src.orders o JOIN src.customers c ON o.cust_id = c.id;
INSERT INTO dw.summary (cust, total) SELECT cust, SUM(amount) FROM dw.sales GROUP BY cust;`;

/** Option parsing as the job API does it (the server wires the job route's own parser). */
function options(fields: ReadonlyMap<string, string>): AnalyzeOptions {
  const o: AnalyzeOptions = { ...DEFAULT_ANALYZE_OPTIONS, schemaFiles: [] };
  o.vendor = parseVendor(fields.get('dbvendor') ?? 'dbvansi');
  const types = fields.get('showRelationType');
  if (types) o.relationTypes = parseRelationTypes(types);
  o.showIntermediate = fields.get('ignoreRecordSet') === 'false';
  const agg = fields.get('dataflowOfAggregateFunction');
  if (agg === 'direct' || agg === 'indirect') o.aggregate = agg;
  return o;
}

const JOB_ID = 'a'.repeat(32);
const jobs = new Map<string, JobLineage>([[JOB_ID, { jobId: JOB_ID, graph: analyze([{ path: 'job.sql', text: SQL }], { relationTypes: ['fdd', 'join'] }).graph }]]);

function context(): WidgetContext {
  return {
    sessions: new WidgetSessions(),
    options,
    jobs: {
      async lineage(userId, jobId) {
        if (userId !== 'gudu|0123456789') return undefined;
        return jobId === undefined ? [...jobs.values()].pop() : jobs.get(jobId);
      },
    },
  };
}

function call(fields: Record<string, string>, userId = 'gudu|0123456789'): WidgetCall {
  return { fields: new Map(Object.entries(fields)), userId };
}

async function answer(ctx: WidgetContext, path: string, fields: Record<string, string>, userId?: string) {
  const a = await WIDGET_HANDLERS[path]!(ctx, call(fields, userId));
  const text = typeof a.body === 'string' ? a.body : [...a.body].join('');
  return { ...a, text, json: a.type.includes('json') ? (JSON.parse(text) as Record<string, any>) : undefined };
}

function boxes(doc: Record<string, any>): string[] {
  return doc.data.graph.elements.tables.map((t: { label: { content: string } }) => t.label.content);
}

test('generation/sqlflow/graph: demo 1 parameters give the diagram and a session', async () => {
  const ctx = context();
  const a = await answer(ctx, 'generation/sqlflow/graph', {
    userId: 'gudu|0123456789', sqltext: SQL, dbvendor: 'dbvoracle', showRelationType: 'fdd', ignoreRecordSet: 'true',
    ignoreFunction: 'true', showConstantTable: 'false', showTransform: 'false', treatArgumentsInCountFunctionAsDirectDataflow: 'true', jobId: 'undefined',
  });
  expect(a.status).toBe(200);
  expect(a.json!.code).toBe(200);
  expect(a.json!.sessionId).toMatch(/^[0-9a-f]{64}$/);
  expect(boxes(a.json!)).toEqual(['dw.sales', 'src.orders', 'src.customers', 'dw.summary']);
  expect(a.json!.data.sqlflow.dbobjs.servers[0].dbVendor).toBe('dbvoracle');
  // The same request is the same session.
  const again = await answer(ctx, 'generation/sqlflow/graph', { sqltext: SQL, dbvendor: 'dbvoracle', showRelationType: 'fdd' });
  expect(again.json!.sessionId).toBe(a.json!.sessionId);
});

test('the impact setting sends fddi, which is dropped; join draws join edges only', async () => {
  const ctx = context();
  const impact = await answer(ctx, 'generation/sqlflow/graph', { sqltext: SQL, showRelationType: 'fdd,fddi,fdr,frd' });
  const types = new Set(Object.values(impact.json!.data.graph.relationshipIdMap).map((v) => (v as string[])[1]));
  expect(types).toEqual(new Set(['fdd', 'fdr']));
  const join = await answer(ctx, 'generation/sqlflow/graph', { sqltext: SQL, showRelationType: 'join' });
  const rels = join.json!.data.sqlflow.relationships;
  expect(rels.map((r: { type: string }) => r.type)).toEqual(['join']);
  expect(rels[0]).toMatchObject({ joinType: 'inner', clause: 'on', condition: 'o.cust_id = c.id' });
});

test('demo 2: updateUserJobGraphCache gives a session whose table-level diagram is the job', async () => {
  const ctx = context();
  const cache = await answer(ctx, 'job/updateUserJobGraphCache', { jobId: JOB_ID });
  const sessionId = cache.json!.data.sessionId as string;
  expect(sessionId).toMatch(/^[0-9a-f]{64}$/);
  // The widget's own parameters (demo 2): the job's graph, narrowed to the relation types asked for.
  const all = await answer(ctx, 'generation/sqlflow/selectedgraph', {
    sessionId, dbvendor: 'dbvoracle', showRelationType: 'fdd', treatArgumentsInCountFunctionAsDirectDataflow: 'true',
    ignoreRecordSet: 'true', ignoreFunction: 'true', showConstantTable: 'false', jobId: JOB_ID, columnLevel: 'true',
  });
  expect(boxes(all.json!)).toEqual(['dw.sales', 'src.orders', 'src.customers', 'dw.summary']);
  expect(new Set(Object.values(all.json!.data.graph.relationshipIdMap).map((v) => (v as string[])[1]))).toEqual(new Set(['fdd']));
  const joins = await answer(ctx, 'generation/sqlflow/selectedgraph', { sessionId, showRelationType: 'join' });
  expect(joins.json!.data.graph.elements.edges).toHaveLength(1);
  const t = await answer(ctx, 'generation/sqlflow/selectedgraph/table_level_lineage', { sessionId, dbvendor: 'dbvansi', jobId: JOB_ID });
  expect(boxes(t.json!)).toEqual(['dw.sales', 'src.orders', 'src.customers', 'dw.summary']);
  expect(t.json!.data.graph.elements.edges).toHaveLength(3);
  expect(t.json!.jobId).toBe(JOB_ID);
  // selectGraph: the lineage of one column, upstream and downstream.
  const sel = await answer(ctx, 'generation/sqlflow/selectedgraph', { sessionId, schema: 'src', table: 'orders', column: 'amount' });
  expect(boxes(sel.json!)).toEqual(['dw.sales', 'src.orders', 'dw.summary']);
  await expect(WIDGET_HANDLERS['generation/sqlflow/selectedgraph']!(ctx, call({ sessionId, table: 'nope' }))).rejects.toThrow(WidgetError);
});

test('a stored job: latest, by id, table level; someone else gets 404', async () => {
  const ctx = context();
  const latest = await answer(ctx, 'job/displayUserLatestJobGraph', {});
  expect(latest.json!.jobId).toBe(JOB_ID);
  expect(boxes(latest.json!)).toHaveLength(4);
  expect(boxes((await answer(ctx, 'job/displayUserJobGraph', { jobId: JOB_ID, table: 'customers', showRelationType: 'fdd' })).json!)).toEqual(['dw.sales', 'src.customers', 'dw.summary']);
  expect((await answer(ctx, 'job/displayUserLatestJobTableLevelLineage', {})).json!.data.graph.elements.edges).toHaveLength(3);
  await expect(WIDGET_HANDLERS['job/displayUserLatestJobGraph']!(ctx, call({}, 'someone'))).rejects.toMatchObject({ status: 404 });
  await expect(WIDGET_HANDLERS['job/updateUserJobGraphCache']!(ctx, call({}))).rejects.toMatchObject({ status: 400, message: 'missing parameter: jobId' });
  // A session belongs to its user.
  const { sessionId } = (await answer(ctx, 'job/updateUserJobGraphCache', { jobId: JOB_ID })).json!.data;
  await expect(WIDGET_HANDLERS['generation/sqlflow/selectedgraph']!(ctx, call({ sessionId }, 'someone'))).rejects.toMatchObject({ status: 404 });
});

test('exports: the JSON and CSV of the SQL text, and of a job', async () => {
  const ctx = context();
  const j = await answer(ctx, 'generation/sqlflow/exportFullLineageAsJson', { sqltext: SQL, dbvendor: 'dbvansi' });
  expect(j.json!.code).toBe(200);
  expect(Array.isArray(j.json!.data.sqlflow.dbobjs)).toBe(true);
  const c = await answer(ctx, 'generation/sqlflow/exportFullLineageAsCsv', { sqltext: SQL, delimiter: ';' });
  expect(c.type).toMatch(/^text\/csv/);
  expect(c.text.split('\n')[0]).toBe('source_db;source_schema;source_table;source_column;target_db;target_schema;target_table;target_column;relation_type;effect_type');
  expect(c.text).toContain('DEFAULT;src;orders;amount;DEFAULT;dw;sales;amount;fdd;insert');
  const job = await answer(ctx, 'job/exportFullLineageAsJson', { jobId: JOB_ID });
  expect(job.json!.data.sqlflow.relationships.length).toBeGreaterThan(0);
  await expect(WIDGET_HANDLERS['generation/sqlflow/exportFullLineageAsCsv']!(ctx, call({ sqltext: SQL, delimiter: ';;' }))).rejects.toMatchObject({ status: 400 });
});

test('getSelectedDbObjectInfo returns the SQL the coordinates point into', async () => {
  const ctx = context();
  const { sessionId } = (await answer(ctx, 'generation/sqlflow/graph', { sqltext: SQL })).json!;
  const info = await answer(ctx, 'generation/sqlflow/getSelectedDbObjectInfo', { sessionId, coordinates: '[{"x":1,"y":13,"hashCode":"0"},{"x":1,"y":21,"hashCode":"0"}]' });
  expect(info.json!.data).toEqual([{ index: 0, positions: [{ x: 1, y: 13 }, { x: 1, y: 21 }], sql: SQL }]);
  await expect(WIDGET_HANDLERS['generation/sqlflow/getSelectedDbObjectInfo']!(ctx, call({ sessionId, coordinates: '{' }))).rejects.toMatchObject({ status: 400 });
});

test('missing SQL text is a 400; a call sqlflow does not offer is a clear 404', async () => {
  await expect(WIDGET_HANDLERS['generation/sqlflow/graph']!(context(), call({ dbvendor: 'dbvoracle' }))).rejects.toMatchObject({ status: 400, message: 'missing parameter: sqltext' });
  const a = notOffered('job/graph/summary');
  expect(a.status).toBe(404);
  expect(JSON.parse(a.body as string)).toMatchObject({ code: 404, error: expect.stringContaining('does not offer job/graph/summary') });
});

test('sessions are bounded: the oldest are forgotten', () => {
  const s = new WidgetSessions(2);
  const ids = ['1', '2', '3'].map((jobId) => s.open({ kind: 'job', userId: 'u', jobId }));
  expect(() => s.get(ids[0]!, 'u')).toThrow(WidgetError);
  expect(s.get(ids[2]!, 'u')).toMatchObject({ jobId: '3' });
});
