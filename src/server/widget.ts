/**
 * The server-backed calls of SQLFlow's JavaScript widget (`sqlflow.widget.*.js`), as pure
 * handlers: parameters in, `{status, type, body}` out. `routes/widget.ts` binds them to
 * `sqlflow serve` under `/gspLive_backend/sqlflow/` (the widget calls `apiPrefix +
 * '/gspLive_backend' + path`, form-encoded POST).
 *
 * Parameter names and answers follow the widget's own calls and SQLFlow's API docs:
 * - `generation/sqlflow/graph` (sqltext, dbvendor, showRelationType, ignoreRecordSet,
 *   ignoreFunction, showConstantTable, showTransform, treatArgumentsInCountFunctionAsDirectDataflow):
 *   the `sqlflow-graph` document with a `sessionId` (demo 1, `sqlflow.visualize()`);
 *   `graph/table_level_lineage`: the same at table level.
 * - `job/updateUserJobGraphCache` (jobId) → `{code:200,data:{sessionId}}`; then
 *   `generation/sqlflow/selectedgraph[/table_level_lineage]` (sessionId, database, schema, table,
 *   column) draws the session's job or SQL, or the lineage of the selected table/column (demo 2,
 *   `job.lineage.viewDetailById`, and `job.lineage.selectGraph`).
 * - `job/displayUserLatestJobGraph`, `job/displayUserJobGraph` (jobId, database, schema, table,
 *   column), `job/displayUserLatestJobTableLevelLineage`: a stored job's diagram.
 * - `generation/sqlflow/exportFullLineageAsJson|Csv` (sqltext, dbvendor, delimiter, tableToTable):
 *   `-f json` / `-f csv` of the SQL; `job/exportFullLineageAsJson` (jobId): of a job.
 * - `generation/sqlflow/getSelectedDbObjectInfo` (sessionId, coordinates): the SQL text a
 *   clicked item's coordinates point into.
 * - Every other call the widget makes answers 404 `{code:404,error}` naming it (NOT_OFFERED).
 */
import { createHash } from 'node:crypto';
import { analyze, render, type SourceInput } from '../api.js';
import type { LineageGraph } from '../graph/model.js';
import { selectLineage, type Selection } from '../graph/select.js';
import type { AnalyzeOptions, OutputFormat } from '../options.js';
import { fileHashCodes } from '../writers/common.js';
import { writeSqlflowGraph } from '../writers/sqlflow-graph/index.js';

/** The request as the widget sends it: form fields, after authentication. */
export interface WidgetCall {
  fields: ReadonlyMap<string, string>;
  userId: string;
}

export interface WidgetAnswer {
  status: number;
  type: string;
  body: string | Iterable<string>;
  /** A download's file name (content-disposition). */
  file?: string;
}

/** A stored job's lineage, as the job store holds it. */
export interface JobLineage {
  jobId: string;
  graph: LineageGraph;
}

export interface WidgetJobs {
  /** The caller's job `jobId`, or their latest job with a result; undefined when there is none. */
  lineage(userId: string, jobId?: string): Promise<JobLineage | undefined>;
}

export interface WidgetContext {
  sessions: WidgetSessions;
  jobs: WidgetJobs;
  /** The SQLFlow job option names (dbvendor, showRelationType, ignoreRecordSet, ...) → options. */
  options(fields: ReadonlyMap<string, string>): AnalyzeOptions;
}

/** A 4xx answer in SQLFlow's envelope. */
export class WidgetError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const JSON_TYPE = 'application/json; charset=utf-8';

// ---------------------------------------------------------------------------------------------
// Sessions

type Session = { kind: 'sql'; userId: string; sources: SourceInput[]; options: AnalyzeOptions } | { kind: 'job'; userId: string; jobId: string };

/**
 * Sessions the widget refers back to (`sessionId`): a SQL text with its options, or a job. The id
 * is a hash of what the session holds, so the same request gets the same id; the most recent
 * `limit` sessions are kept.
 */
export class WidgetSessions {
  private readonly map = new Map<string, Session>();

  constructor(private readonly limit = 200) {}

  open(session: Session): string {
    const key = session.kind === 'job' ? `job\0${session.userId}\0${session.jobId}` : `sql\0${session.userId}\0${JSON.stringify(session.options)}\0${JSON.stringify(session.sources)}`;
    const id = createHash('sha256').update(key).digest('hex');
    this.map.delete(id);
    this.map.set(id, session);
    while (this.map.size > this.limit) this.map.delete(this.map.keys().next().value!);
    return id;
  }

  has(id: string, userId: string): boolean {
    return this.map.get(id)?.userId === userId;
  }

  get(id: string, userId: string): Session {
    const s = this.map.get(id);
    if (!s || s.userId !== userId) throw new WidgetError(404, `unknown sessionId ${id}: draw the SQL (generation/sqlflow/graph) or open the job (job/updateUserJobGraphCache) again`);
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// Parameters

function field(call: WidgetCall, name: string): string | undefined {
  const v = call.fields.get(name);
  return v === undefined || v === '' || v === 'undefined' || v === 'null' ? undefined : v;
}

function required(call: WidgetCall, name: string): string {
  const v = field(call, name);
  if (v === undefined) throw new WidgetError(400, `missing parameter: ${name}`);
  return v;
}

function flag(call: WidgetCall, name: string, fallback: boolean): boolean {
  const v = field(call, name)?.toLowerCase();
  if (v === undefined) return fallback;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new WidgetError(400, `parameter ${name} must be true or false, not "${v}"`);
}

/**
 * The widget's option names → the job option names: `fddi` (sent with "impact", never produced
 * by sqlflow) is dropped from showRelationType; treatArgumentsInCountFunctionAsDirectDataflow
 * sets dataflowOfAggregateFunction.
 */
export function analyzeOptions(ctx: WidgetContext, call: WidgetCall): AnalyzeOptions {
  const fields = new Map<string, string>();
  for (const [k, v] of call.fields) if (field(call, k) !== undefined) fields.set(k, v);
  const types = field(call, 'showRelationType');
  if (types !== undefined) {
    const kept = types.split(',').map((t) => t.trim()).filter((t) => t !== '' && t !== 'fddi');
    if (kept.length) fields.set('showRelationType', kept.join(','));
    else fields.delete('showRelationType');
  }
  const treat = field(call, 'treatArgumentsInCountFunctionAsDirectDataflow');
  if (treat !== undefined && !fields.has('dataflowOfAggregateFunction')) {
    fields.set('dataflowOfAggregateFunction', flag(call, 'treatArgumentsInCountFunctionAsDirectDataflow', true) ? 'direct' : 'indirect');
  }
  return ctx.options(fields);
}

function selection(call: WidgetCall): Selection | undefined {
  const s: Selection = {};
  for (const k of ['database', 'schema', 'table', 'column'] as const) {
    const v = field(call, k);
    if (v !== undefined) s[k] = v;
  }
  return Object.keys(s).length ? s : undefined;
}

// ---------------------------------------------------------------------------------------------
// Answers

function json(data: unknown): WidgetAnswer {
  return { status: 200, type: JSON_TYPE, body: `${JSON.stringify({ code: 200, data })}\n` };
}

function diagram(graph: LineageGraph, tableToTable: boolean, ids: { sessionId?: string; jobId?: string }, sel?: Selection): WidgetAnswer {
  let g = graph;
  if (sel) {
    const picked = selectLineage(graph, sel);
    if (!picked) throw new WidgetError(404, `no table or column matches ${JSON.stringify(sel)}`);
    g = picked;
  }
  return { status: 200, type: JSON_TYPE, body: writeSqlflowGraph(g, { format: 'sqlflow-graph', tableToTable, delimiter: ',', ...ids }) };
}

function sqlSources(call: WidgetCall): SourceInput[] {
  return [{ path: 'sqltext.sql', text: required(call, 'sqltext') }];
}

function download(graph: LineageGraph, format: OutputFormat, call: WidgetCall, file: string): WidgetAnswer {
  const delimiter = field(call, 'delimiter') ?? ',';
  if ([...delimiter].length !== 1) throw new WidgetError(400, 'delimiter must be one character');
  const body = render(graph, { format, tableToTable: flag(call, 'tableToTable', false), delimiter });
  return { status: 200, type: format === 'csv' ? 'text/csv; charset=utf-8' : JSON_TYPE, body, file };
}

async function jobLineage(ctx: WidgetContext, call: WidgetCall, jobId: string | undefined): Promise<JobLineage> {
  const found = await ctx.jobs.lineage(call.userId, jobId);
  if (!found) throw new WidgetError(404, jobId === undefined ? 'no job with a lineage yet: submit one (job/submitUserJob)' : `no job with id ${jobId} that has a lineage`);
  return found;
}

async function sessionGraph(ctx: WidgetContext, call: WidgetCall): Promise<{ graph: LineageGraph; sessionId: string; jobId?: string }> {
  const sessionId = field(call, 'sessionId');
  if (sessionId === undefined || (!ctx.sessions.has(sessionId, call.userId) && field(call, 'jobId') !== undefined)) {
    // The widget passes the job id along: without a session this server knows (e.g. the job
    // record's own sessionId), the job id is enough.
    const { jobId, graph } = await jobLineage(ctx, call, required(call, 'jobId'));
    return { graph: jobView(ctx, call, graph), jobId, sessionId: ctx.sessions.open({ kind: 'job', userId: call.userId, jobId }) };
  }
  const s = ctx.sessions.get(sessionId, call.userId);
  if (s.kind === 'job') {
    const { jobId, graph } = await jobLineage(ctx, call, s.jobId);
    return { graph: jobView(ctx, call, graph), jobId, sessionId };
  }
  return { graph: analyze(s.sources, s.options).graph, sessionId };
}

/**
 * A job's lineage holds the relation types it was submitted with; the widget's showRelationType
 * narrows what is drawn (it cannot add types the job did not keep).
 */
function jobView(ctx: WidgetContext, call: WidgetCall, graph: LineageGraph): LineageGraph {
  if (field(call, 'showRelationType') === undefined) return graph;
  const types = new Set<string>(analyzeOptions(ctx, call).relationTypes);
  return { ...graph, edges: graph.edges.filter((e) => types.has(e.type)) };
}

export type WidgetHandler = (ctx: WidgetContext, call: WidgetCall) => Promise<WidgetAnswer>;

/** Handlers by path under `/gspLive_backend/sqlflow/`. */
export const WIDGET_HANDLERS: Record<string, WidgetHandler> = {
  'generation/sqlflow/graph': async (ctx, call) => sqlDiagram(ctx, call, false),
  'generation/sqlflow/graph/table_level_lineage': async (ctx, call) => sqlDiagram(ctx, call, true),
  'generation/sqlflow/selectedgraph': async (ctx, call) => {
    const { graph, sessionId, jobId } = await sessionGraph(ctx, call);
    return diagram(graph, false, { sessionId, ...(jobId ? { jobId } : {}) }, selection(call));
  },
  'generation/sqlflow/selectedgraph/table_level_lineage': async (ctx, call) => {
    const { graph, sessionId, jobId } = await sessionGraph(ctx, call);
    return diagram(graph, true, { sessionId, ...(jobId ? { jobId } : {}) }, selection(call));
  },
  'generation/sqlflow/exportFullLineageAsJson': async (ctx, call) => download(analyze(sqlSources(call), analyzeOptions(ctx, call)).graph, 'json', call, 'lineage.json'),
  'generation/sqlflow/exportFullLineageAsCsv': async (ctx, call) => download(analyze(sqlSources(call), analyzeOptions(ctx, call)).graph, 'csv', call, 'lineage.csv'),
  'generation/sqlflow/getSelectedDbObjectInfo': async (ctx, call) => selectedSql(ctx, call),
  'job/updateUserJobGraphCache': async (ctx, call) => {
    const { jobId } = await jobLineage(ctx, call, required(call, 'jobId'));
    return json({ sessionId: ctx.sessions.open({ kind: 'job', userId: call.userId, jobId }) });
  },
  'job/displayUserLatestJobGraph': async (ctx, call) => jobDiagram(ctx, call, undefined, false),
  'job/displayUserJobGraph': async (ctx, call) => jobDiagram(ctx, call, required(call, 'jobId'), false),
  'job/displayUserLatestJobTableLevelLineage': async (ctx, call) => jobDiagram(ctx, call, undefined, true),
  'job/exportFullLineageAsJson': async (ctx, call) => download((await jobLineage(ctx, call, required(call, 'jobId'))).graph, 'json', call, 'lineage.json'),
};

async function sqlDiagram(ctx: WidgetContext, call: WidgetCall, tableToTable: boolean): Promise<WidgetAnswer> {
  const sources = sqlSources(call);
  const options = analyzeOptions(ctx, call);
  const { graph } = analyze(sources, options);
  const sessionId = ctx.sessions.open({ kind: 'sql', userId: call.userId, sources, options });
  // SQL that does not parse is still a diagram (maybe empty) listing `sqlflow.errors`, as SQLFlow answers.
  return diagram(graph, tableToTable, { sessionId });
}

async function jobDiagram(ctx: WidgetContext, call: WidgetCall, jobId: string | undefined, tableToTable: boolean): Promise<WidgetAnswer> {
  const found = await jobLineage(ctx, call, jobId);
  const sessionId = ctx.sessions.open({ kind: 'job', userId: call.userId, jobId: found.jobId });
  return diagram(jobView(ctx, call, found.graph), tableToTable, { sessionId, jobId: found.jobId }, selection(call));
}

/**
 * `getSelectedDbObjectInfo`: the SQL of the file a clicked item's coordinates point into, as
 * `[{index, positions: [{x, y}, ...], sql}]` (index: the file's position among the session's files).
 */
async function selectedSql(ctx: WidgetContext, call: WidgetCall): Promise<WidgetAnswer> {
  const s = ctx.sessions.get(required(call, 'sessionId'), call.userId);
  let coords: { x: number; y: number; hashCode?: string }[];
  try {
    coords = JSON.parse(required(call, 'coordinates')) as typeof coords;
    if (!Array.isArray(coords) || coords.some((c) => typeof c?.x !== 'number' || typeof c?.y !== 'number')) throw new Error('not a coordinate list');
  } catch (err) {
    throw new WidgetError(400, `coordinates must be a JSON array of {x, y, hashCode}: ${(err as Error).message}`);
  }
  if (s.kind === 'job') throw new WidgetError(404, 'the SQL text of a job is not offered by sqlflow serve (the job files stay in the job store)');
  const hashes = fileHashCodes(s.sources.map((f) => f.path));
  const index = Math.max(0, hashes.indexOf(coords[0]?.hashCode ?? hashes[0] ?? '0'));
  return json([{ index, positions: coords.map((c) => ({ x: c.x, y: c.y })), sql: s.sources[index]?.text ?? '' }]);
}

/** Calls of the widget that sqlflow serve does not offer: 404 with a clear message. */
export const NOT_OFFERED: readonly string[] = [
  'generation/sqlflow',
  'generation/sqlflow/upstreamGraph',
  'generation/sqlflow/downstreamGraph',
  'generation/sqlflow/leftMostSourceTableGraph',
  'generation/sqlflow/listTableColumns',
  'generation/sqlflow/erdiagramSelectGraph',
  'generation/sqlflow/graph/call_lineage',
  'generation/sqlflow/graph/share',
  'generation/sql/format',
  'generation/submitUserSchema',
  'generation/deleteUserSchema',
  'generation/displayUserSchemaSummary',
  'job/displayUserLatestJobLeftMostTable',
  'job/fetchLeftMostTableLineageSQL',
  'job/fetchRegularJobTableRelationSqls',
  'job/displayProcedureGraph',
  'job/displayProcedureSource',
  'job/displayMetadataQueryGraph',
  'job/displayMetadataQuerySource',
  'job/exportMetadata',
  'job/exportDatabaseMetadata',
  'job/exportJobFile',
  'job/download/subJobFile',
  'job/graph/summary',
  'job/setJobOnTop',
  'job/rerunJob',
  'job/pauseScheduleJob',
  'job/resumeScheduleJob',
];

export function notOffered(path: string): WidgetAnswer {
  return {
    status: 404,
    type: JSON_TYPE,
    body: `${JSON.stringify({ code: 404, error: `sqlflow serve does not offer ${path} (a SQLFlow widget call); it offers ${Object.keys(WIDGET_HANDLERS).join(', ')} and the job API` })}\n`,
  };
}

/** An error as the widget reads it: `{code, error}` with the same HTTP status. */
export function errorAnswer(err: WidgetError): WidgetAnswer {
  return { status: err.status, type: JSON_TYPE, body: `${JSON.stringify({ code: err.status, error: err.message })}\n` };
}
