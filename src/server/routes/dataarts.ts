/**
 * DataArts "Creating a Lineage" (seed 003): POST /v1/{project_id}/lineage/lineage-info with headers
 * X-Auth-Token and workspace. The body is validated against the seed's tables (JSON Schema, ajv);
 * a valid one is kept as manual lineage of a regular job named `dataarts:{project_id}/{workspace}`
 * (exportable like any job) and answered with `[{name, type_name, qualified_name}]`.
 * Errors are `{error_code, error_msg}` with the HTTP status.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LineageInfo } from '../../dataarts/schema.js';
import { lineageValidator } from '../../dataarts/schema.js';
import { sha256 } from '../../jobs/store.js';
import { submitJob } from '../../jobs/submit.js';
import { DEFAULT_ANALYZE_OPTIONS } from '../../options.js';
import { authEnabled, userOfToken } from '../auth.js';
import { HttpError, type ServerContext } from '../context.js';
import { classify } from './sqlflow-jobs.js';

/** The user that owns DataArts jobs when tokens are not per user. */
export const DATAARTS_USER = 'dataarts';

const ERROR_CODES: Record<number, string> = { 400: 'DLG.0400', 401: 'DLG.0401', 403: 'DLG.0403', 404: 'DLG.0404', 413: 'DLG.0413', 415: 'DLG.0415' };

export function register(app: FastifyInstance, ctx: ServerContext): void {
  app.register(async (scope) => {
    scope.setErrorHandler((err, _req, reply) => sendDataArtsError(reply, err));
    scope.post('/v1/:project_id/lineage/lineage-info', async (req: FastifyRequest, reply: FastifyReply) => {
      const token = header(req, 'x-auth-token');
      const user = userOfToken(ctx.auth, token);
      if (authEnabled(ctx.auth) && user === undefined) throw new HttpError(401, 'X-Auth-Token missing or invalid');
      const workspace = header(req, 'workspace');
      if (workspace === undefined || workspace === '') throw new HttpError(400, 'header workspace is required');
      const project = (req.params as { project_id: string }).project_id;
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(project)) throw new HttpError(400, 'project_id must be 1-64 letters, digits, "-" or "_"');
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(workspace)) throw new HttpError(400, 'workspace must be 1-64 letters, digits, "-" or "_"');
      const body = req.body;
      const problem = (await lineageValidator())(body);
      if (problem) throw new HttpError(400, `${problem.field}: ${problem.message}`);
      const info = body as LineageInfo;
      const jobId = await keep(ctx, user || DATAARTS_USER, `dataarts:${project}/${workspace}`, info);
      const hash = sha256(JSON.stringify(info)).slice(0, 32);
      return reply.code(200).send([
        { name: info.node_name ?? info.job_id ?? 'lineage', type_name: 'Node', qualified_name: `manual.${jobId}@node.${hash}-workspace-${workspace}` },
      ]);
    });
  });
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** One regular job per (user, project, workspace); submits to it are serialised in this process. */
const chains = new Map<string, Promise<unknown>>();

async function keep(ctx: ServerContext, userId: string, jobName: string, info: LineageInfo): Promise<string> {
  const key = `${userId}\u0000${jobName}`;
  const previous = chains.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(async () => {
    ctx.queue.assertRoom();
    const { records } = await ctx.store.list();
    const existing = records.find((r) => r.userId === userId && r.jobName === jobName && r.persist);
    const record = await submitJob(ctx.store, {
      userId,
      jobName,
      options: { ...DEFAULT_ANALYZE_OPTIONS, schemaFiles: [] },
      files: [],
      lineage: [{ name: 'lineage-info.json', bytes: Buffer.from(JSON.stringify(info)) }],
      persist: true,
      incremental: true,
      ...(existing ? { jobId: existing.jobId } : {}),
      version: ctx.version,
    });
    ctx.queue.enqueue(record.jobId);
    return record.jobId;
  });
  chains.set(key, next);
  try {
    return await next;
  } finally {
    if (chains.get(key) === next) chains.delete(key);
  }
}

function sendDataArtsError(reply: FastifyReply, err: unknown): FastifyReply {
  const [code, message] = classify(err);
  if (code >= 500) reply.log.error(err);
  return reply
    .code(code)
    .type('application/json; charset=utf-8')
    .send({ error_code: ERROR_CODES[code] ?? `DLG.0${code}`, error_msg: message });
}
