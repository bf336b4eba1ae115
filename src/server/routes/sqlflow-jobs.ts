/**
 * The SQLFlow job API (seeds 000-002, 004) under /gspLive_backend/sqlflow/job/: submitUserJob,
 * submitPersistJob, displayUserJobSummary, displayUserJobsSummary, exportLineageAsJson,
 * exportFullLineageAsCsv, exportLineageAsGraphml, deleteUserJob. Answers in the seeds' envelope
 * `{"code":200,"data":...}`, errors as `{"code":4xx,"error":"..."}` with the same HTTP status.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseDelimiter, parseRelationTypes, parseVendor } from '../../cli/options.js';
import { isJobId, publicView, submitView, type JobRecord } from '../../jobs/record.js';
import { JobNotFound } from '../../jobs/store.js';
import { SubmitError, submitJob } from '../../jobs/submit.js';
import { exportJob, jobsSummary, NoResultYet, ok } from '../../jobs/views.js';
import { DEFAULT_ANALYZE_OPTIONS, type AnalyzeOptions, type OutputFormat } from '../../options.js';
import { allowed, requestToken } from '../auth.js';
import { HttpError, type ServerContext } from '../context.js';
import { flag, optional, readParams, required, type RequestParams } from '../params.js';
import { QueueFull } from '../queue.js';

export const JOB_BASE = '/gspLive_backend/sqlflow/job';

const EXPORTS: Record<string, { format: OutputFormat; type: string; file: string }> = {
  exportLineageAsJson: { format: 'json', type: 'application/json; charset=utf-8', file: 'lineage.json' },
  exportFullLineageAsCsv: { format: 'csv', type: 'text/csv; charset=utf-8', file: 'lineage.csv' },
  exportLineageAsGraphml: { format: 'graphml', type: 'application/graphml+xml; charset=utf-8', file: 'lineage.graphml' },
};

export function register(app: FastifyInstance, ctx: ServerContext): void {
  app.register(async (scope) => {
    scope.setErrorHandler((err, _req, reply) => sendError(reply, err));
    const route = (name: string, handler: (p: RequestParams, userId: string) => Promise<unknown>) =>
      scope.post(`${JOB_BASE}/${name}`, async (req: FastifyRequest, reply: FastifyReply) => {
        const p = await readParams(req, ctx.maxUpload);
        const userId = authenticate(ctx, p, req);
        const data = await handler(p, userId);
        if (data instanceof Export) return reply.type(data.type).header('content-disposition', `attachment; filename="${data.file}"`).send(data.body);
        return reply.type('application/json; charset=utf-8').send(ok(data));
      });

    route('submitUserJob', async (p, userId) => submit(ctx, p, userId, false));
    route('submitPersistJob', async (p, userId) => submit(ctx, p, userId, true));
    route('displayUserJobSummary', async (p, userId) => publicView(await ownJob(ctx, p, userId)));
    route('displayUserJobsSummary', async (_p, userId) => {
      const { records } = await ctx.store.list();
      return jobsSummary(records.filter((r) => r.userId === userId));
    });
    for (const [name, e] of Object.entries(EXPORTS)) {
      route(name, async (p, userId) => {
        const options = {
          format: e.format,
          tableToTable: flag(p, 'tableToTable', false),
          delimiter: badValue(() => parseDelimiter(optional(p, 'delimiter') ?? ',')),
        };
        const body = await exportJob(ctx.store, await ownJob(ctx, p, userId), options);
        return new Export(e.type, e.file, body);
      });
    }
    route('deleteUserJob', async (p, userId) => {
      const record = await ownJob(ctx, p, userId);
      return submitView(await ctx.store.delete(record.jobId));
    });
  });
}

class Export {
  constructor(
    readonly type: string,
    readonly file: string,
    readonly body: string,
  ) {}
}

/**
 * The API's token rules (every route of the API and the widget's calls): userId is required; with
 * tokens configured the token (parameter or Authorization header) must be the user's (401 otherwise).
 */
export function authenticate(ctx: ServerContext, p: RequestParams, req: FastifyRequest): string {
  const userId = required(p, 'userId');
  if (!allowed(ctx.auth, userId, requestToken(p.fields.get('token'), req.headers.authorization))) throw new HttpError(401, 'invalid userId or token');
  return userId;
}

/** The caller's job: a malformed id is 400; someone else's job is 404, like a missing one. */
async function ownJob(ctx: ServerContext, p: RequestParams, userId: string): Promise<JobRecord> {
  const id = required(p, 'jobId');
  if (!isJobId(id)) throw new HttpError(400, 'jobId must be 32 hexadecimal digits');
  const record = await ctx.store.read(id);
  if (record.userId !== userId) throw new JobNotFound(id);
  return record;
}

/** A submit from request parameters (the API's submit routes and the viewer's form); its public view. */
export async function submit(ctx: ServerContext, p: RequestParams, userId: string, persist: boolean): Promise<Record<string, unknown>> {
  const jobId = persist ? optional(p, 'jobId') : undefined;
  if (jobId !== undefined && !isJobId(jobId)) throw new HttpError(400, 'jobId must be 32 hexadecimal digits');
  if (p.files.length === 0) throw new HttpError(400, 'missing parameter: sqlfiles (one or more SQL files or .zip archives)');
  const options = jobOptions(p);
  ctx.queue.assertRoom();
  const record = await submitJob(ctx.store, {
    userId,
    jobName: optional(p, 'jobName') ?? p.files[0]!.name,
    options,
    files: p.files,
    persist,
    incremental: flag(p, 'incremental', false),
    ...(jobId !== undefined ? { jobId } : {}),
    version: ctx.version,
  });
  ctx.queue.enqueue(record.jobId);
  return submitView(record);
}

/** The seeds' option names → AnalyzeOptions; a bad value is 400. */
export function jobOptions(p: RequestParams): AnalyzeOptions {
  const o: AnalyzeOptions = { ...DEFAULT_ANALYZE_OPTIONS, schemaFiles: [] };
  o.vendor = badValue(() => parseVendor(optional(p, 'dbvendor') ?? DEFAULT_ANALYZE_OPTIONS.vendor));
  const types = optional(p, 'showRelationType');
  if (types !== undefined) o.relationTypes = badValue(() => parseRelationTypes(types));
  o.showIntermediate = !flag(p, 'ignoreRecordSet', true);
  o.showFunction = !flag(p, 'ignoreFunction', true);
  o.showConstantTable = flag(p, 'showConstantTable', false);
  o.showTransform = flag(p, 'showTransform', false);
  const aggregate = optional(p, 'dataflowOfAggregateFunction');
  if (aggregate !== undefined) {
    if (aggregate !== 'direct' && aggregate !== 'indirect') throw new HttpError(400, 'dataflowOfAggregateFunction must be direct or indirect');
    o.aggregate = aggregate;
  }
  const db = optional(p, 'defaultDatabase');
  const schema = optional(p, 'defaultSchema');
  if (db !== undefined) o.defaultDatabase = db;
  if (schema !== undefined) o.defaultSchema = schema;
  return o;
}

function badValue<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new HttpError(400, (err as Error).message);
  }
}

/** Every failure in the seeds' envelope; 500 only for a genuine bug (logged by fastify). */
export function sendError(reply: FastifyReply, err: unknown): FastifyReply {
  const [code, message] = classify(err);
  if (code >= 500) reply.log.error(err);
  return reply.code(code).type('application/json; charset=utf-8').send({ code, error: message });
}

export function classify(err: unknown): [number, string] {
  if (err instanceof HttpError) return [err.statusCode, err.message];
  if (err instanceof JobNotFound) return [404, err.message];
  if (err instanceof SubmitError) return [400, err.message];
  if (err instanceof NoResultYet) return [409, err.message];
  if (err instanceof QueueFull) return [503, err.message];
  const status = (err as { statusCode?: number }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return [status, (err as Error).message];
  return [500, 'internal error'];
}
