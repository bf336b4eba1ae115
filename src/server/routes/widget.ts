/**
 * SQLFlow's diagram widget against `sqlflow serve`: the handlers of ../widget.ts bound under the
 * API's base path (the widget posts forms to `apiPrefix + '/gspLive_backend/sqlflow/' + call`),
 * with the job API's token rules (its `authenticate`: `userId`, and the token as a parameter or
 * the widget's `Authorization: Token ...` header). The widget's calls sqlflow does not offer
 * answer 404 naming the call.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { isJobId } from '../../jobs/record.js';
import { JobNotFound } from '../../jobs/store.js';
import type { ServerContext } from '../context.js';
import { readParams } from '../params.js';
import { errorAnswer, notOffered, NOT_OFFERED, WIDGET_HANDLERS, WidgetError, WidgetSessions, type JobLineage, type WidgetAnswer, type WidgetContext } from '../widget.js';
import { authenticate, jobOptions, sendError } from './sqlflow-jobs.js';

export const WIDGET_BASE = '/gspLive_backend/sqlflow';

export function register(app: FastifyInstance, ctx: ServerContext): void {
  const widget: WidgetContext = {
    sessions: new WidgetSessions(),
    jobs: { lineage: (userId, jobId) => jobLineage(ctx, userId, jobId) },
    options: (fields) => jobOptions({ fields: new Map(fields), files: [] }),
  };
  app.register(async (scope) => {
    scope.setErrorHandler((err, _req, reply) => (err instanceof WidgetError ? send(reply, errorAnswer(err)) : sendError(reply, err)));
    for (const [path, handler] of Object.entries(WIDGET_HANDLERS)) {
      scope.post(`${WIDGET_BASE}/${path}`, async (req, reply) => {
        const p = await readParams(req, ctx.maxUpload);
        const userId = authenticate(ctx, p, req);
        return send(reply, await handler(widget, { fields: p.fields, userId }));
      });
    }
    for (const path of NOT_OFFERED) scope.all(`${WIDGET_BASE}/${path}`, async (_req, reply) => send(reply, notOffered(path)));
    // The widget appends the shared diagram's id to this one.
    scope.all(`${WIDGET_BASE}/generation/sqlflow/graph/share/*`, async (_req, reply) => send(reply, notOffered('generation/sqlflow/graph/share')));
  });
}

function send(reply: FastifyReply, a: WidgetAnswer): FastifyReply {
  reply.code(a.status).type(a.type);
  if (a.file !== undefined) reply.header('content-disposition', `attachment; filename="${a.file}"`);
  return reply.send(typeof a.body === 'string' ? a.body : Readable.from(a.body));
}

/**
 * The user's job `jobId` (undefined when it is not theirs, malformed or has no lineage yet), or
 * without an id their most recent job that has a lineage.
 */
async function jobLineage(ctx: ServerContext, userId: string, jobId: string | undefined): Promise<JobLineage | undefined> {
  let record;
  if (jobId === undefined) {
    const { records } = await ctx.store.list();
    record = records.filter((r) => r.userId === userId && r.resultRevision !== undefined).pop();
  } else {
    if (!isJobId(jobId)) return undefined;
    record = await ctx.store.read(jobId).catch((err: unknown) => {
      if (err instanceof JobNotFound) return undefined;
      throw err;
    });
    if (record?.userId !== userId) return undefined;
  }
  if (record?.resultRevision === undefined) return undefined;
  const graph = await ctx.store.readResult(record.jobId);
  return graph ? { jobId: record.jobId, graph } : undefined;
}
