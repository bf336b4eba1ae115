/**
 * The viewer in `sqlflow serve`. `GET /` is the lineage viewer with a form to analyze SQL (files
 * or pasted text, a vendor, options); the form posts to `POST /`, which submits a job exactly as
 * the API's submitUserJob does and answers 303 to `GET /jobs/<id>`: that job's lineage in the
 * viewer (with its SQL), or its status, refreshed every second, while it is queued or running.
 * The job API's rules: `userId`, plus `token` when the server has tokens (query parameters on
 * the GET, form fields on the POST); another user's job is 404 like a missing one.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { JobRecord } from '../../jobs/record.js';
import { jobSources } from '../../jobs/views.js';
import type { LineageGraph } from '../../graph/model.js';
import { serveForm, writeServePage } from '../../viewer/pages.js';
import { escapeHtml } from '../../writers/html.js';
import { allowed, authEnabled } from '../auth.js';
import { HttpError, type ServerContext } from '../context.js';
import { optional, readParams, type RequestParams } from '../params.js';
import { classify, submit } from './sqlflow-jobs.js';

const HTML = 'text/html; charset=utf-8';
const DEFAULT_USER = 'viewer';

export function register(app: FastifyInstance, ctx: ServerContext): void {
  app.register(async (scope) => {
    // Failures answer the viewer page with the message above the form, and the right status.
    scope.setErrorHandler((err, req, reply) => {
      const [code, message] = classify(err);
      if (code >= 500) reply.log.error(err);
      return page(reply.code(code), undefined, form(ctx, req, message));
    });

    scope.get('/', async (req, reply) => page(reply, undefined, form(ctx, req)));

    scope.post('/', async (req, reply) => {
      const p = await readParams(req, ctx.maxUpload);
      const userId = authenticate(ctx, p);
      const pasted = p.fields.get('sqltext');
      if (pasted !== undefined && pasted.trim() !== '') p.files.push({ name: 'pasted.sql', bytes: Buffer.from(pasted, 'utf8') });
      if (p.files.length === 0) throw new HttpError(400, 'nothing to analyze: choose files or paste SQL');
      const view = await submit(ctx, p, userId, false);
      return reply.redirect(jobUrl(String(view.jobId), userId, p.fields.get('token')), 303);
    });

    scope.get('/jobs/:id', async (req, reply) => {
      const p = await readParams(req, ctx.maxUpload);
      const userId = authenticate(ctx, p);
      const id = (req.params as { id: string }).id;
      if (!/^[0-9a-f]{32}$/.test(id)) throw new HttpError(400, 'a job id is 32 hexadecimal digits');
      const record = await ctx.store.read(id);
      if (record.userId !== userId) throw new HttpError(404, `no job ${id}`);
      const graph = record.resultRevision === undefined ? undefined : await ctx.store.readResult(id);
      if (!graph) return waiting(reply, record);
      const f = form(ctx, req);
      f.vendor = record.dbVendor;
      return page(reply, graph, f, await jobSources(ctx.store, record, graph), `job ${record.jobName}: ${record.status}`);
    });
  });
}

/** userId (a default one when the server has no tokens), and its token when it has. */
function authenticate(ctx: ServerContext, p: RequestParams): string {
  const userId = optional(p, 'userId') ?? (authEnabled(ctx.auth) ? undefined : DEFAULT_USER);
  if (userId === undefined) throw new HttpError(401, 'userId and token are required');
  if (!allowed(ctx.auth, userId, p.fields.get('token'))) throw new HttpError(401, 'invalid userId or token');
  return userId;
}

function jobUrl(id: string, userId: string, token: string | undefined): string {
  const q = new URLSearchParams({ userId });
  if (token !== undefined && token !== '') q.set('token', token);
  return `/jobs/${id}?${q.toString()}`;
}

function form(ctx: ServerContext, req: FastifyRequest, message?: string) {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const userId = typeof q.userId === 'string' && q.userId !== '' ? q.userId : DEFAULT_USER;
  return serveForm('/', { auth: authEnabled(ctx.auth), userId, ...(message !== undefined ? { message } : {}) });
}

function page(reply: FastifyReply, graph: LineageGraph | undefined, f: ReturnType<typeof form>, sources?: (string | null)[], caption?: string) {
  const opts = { ...(sources ? { sources } : {}), ...(caption !== undefined ? { caption } : {}) };
  return reply.type(HTML).send([...writeServePage(graph, f, opts)].join(''));
}

/** A job without lineage yet: its status, the page reloading itself every second. */
function waiting(reply: FastifyReply, record: JobRecord) {
  const text = escapeHtml(`job ${record.jobName} (${record.jobId}): ${record.status}`);
  return reply.type(HTML).header('cache-control', 'no-store').send(
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="1"><link rel="icon" href="data:,"><title>${text}</title></head>` +
      `<body><p role="status">${text}; this page reloads until the lineage is ready.</p></body></html>\n`,
  );
}
