/**
 * The viewer in `sqlflow serve`. `GET /` is the lineage viewer with a form to analyze SQL (files
 * or pasted text, a vendor, options); the form posts to `POST /`, which submits a job exactly as
 * the API's submitUserJob does and answers 303 to `GET /jobs/<id>`: that job's lineage in the
 * viewer (with its SQL), or its status, refreshed every second, while it is queued or running.
 * The job API's rules: the user's own jobs only (another user's job is 404 like a missing one);
 * with tokens, the form's `userId` and `token` open a sign-in session (viewer-sessions.ts) so the
 * job page's address never holds the token. A job page also opens with `Authorization: Token`
 * and `?userId=` (scripts), or after signing in at `POST /session` (the page a 401 shows).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isJobId, type JobRecord } from '../../jobs/record.js';
import { jobSources } from '../../jobs/views.js';
import type { LineageGraph } from '../../graph/model.js';
import { serveForm, writeServePage } from '../../viewer/pages.js';
import { escapeHtml } from '../../writers/html.js';
import { authEnabled } from '../auth.js';
import { HttpError, type ServerContext } from '../context.js';
import { optional, readParams, type RequestParams } from '../params.js';
import { ViewerSessions } from '../viewer-sessions.js';
import { authenticate, classify, submit } from './sqlflow-jobs.js';

const HTML = 'text/html; charset=utf-8';
const DEFAULT_USER = 'viewer';
const JOB_PATH = /^\/jobs\/[0-9a-f]{32}$/;

export function register(app: FastifyInstance, ctx: ServerContext): void {
  const sessions = new ViewerSessions();
  app.register(async (scope) => {
    // Failures answer the viewer page with the message above the form, and the right status;
    // a job page without a user signed in asks for one.
    scope.setErrorHandler((err, req, reply) => {
      const [code, message] = classify(err);
      if (code >= 500) reply.log.error(err);
      if (code === 401 && req.method === 'GET') return signIn(reply.code(401), req.url.split('?')[0]!, message);
      return page(reply.code(code), undefined, form(ctx, req, message));
    });

    scope.get('/', async (req, reply) => page(reply, undefined, form(ctx, req, undefined, signedIn(ctx, sessions, req))));

    scope.post('/', async (req, reply) => {
      const p = await readParams(req, ctx.maxUpload);
      const user = viewerUser(ctx, sessions, p, req);
      const pasted = p.fields.get('sqltext');
      if (pasted !== undefined && pasted.trim() !== '') p.files.push({ name: 'pasted.sql', bytes: Buffer.from(pasted, 'utf8') });
      if (p.files.length === 0) throw new HttpError(400, 'nothing to analyze: choose files or paste SQL');
      const view = await submit(ctx, p, user.userId, false);
      if (user.signedIn) reply.header('set-cookie', sessions.open(user.userId));
      return reply.redirect(jobUrl(ctx, String(view.jobId), user.userId), 303);
    });

    scope.post('/session', async (req, reply) => {
      const p = await readParams(req, ctx.maxUpload);
      const next = optional(p, 'next') ?? '/';
      const target = next === '/' || JOB_PATH.test(next) ? next : '/';
      let userId: string;
      try {
        userId = authenticate(ctx, p, req);
      } catch (err) {
        const [code, message] = classify(err);
        return signIn(reply.code(code), target, message);
      }
      return reply.header('set-cookie', sessions.open(userId)).redirect(target, 303);
    });

    scope.get('/jobs/:id', async (req, reply) => {
      const p = await readParams(req, ctx.maxUpload);
      if (p.fields.has('token')) throw new HttpError(400, 'a token never goes in the address (it would stay in histories and logs): sign in with the form, or send the header Authorization: Token ...');
      const { userId } = viewerUser(ctx, sessions, p, req);
      const id = (req.params as { id: string }).id;
      if (!isJobId(id)) throw new HttpError(400, 'a job id is 32 hexadecimal digits');
      const record = await ctx.store.read(id);
      if (record.userId !== userId) throw new HttpError(404, `no job ${id}`);
      const graph = record.resultRevision === undefined ? undefined : await ctx.store.readResult(id);
      if (!graph) return waiting(reply, record);
      const f = form(ctx, req, undefined, signedIn(ctx, sessions, req));
      f.vendor = record.dbVendor;
      return page(reply, graph, f, await jobSources(ctx.store, record, graph), `job ${record.jobName}: ${record.status}`);
    });
  });
}

/**
 * Who asks. With tokens: a request carrying one (form field or Authorization header) is checked
 * by the job API's `authenticate` and signs in; else the sign-in session's user; else 401.
 * Without tokens: `userId` (query or form), else the session's, else a default user.
 */
function viewerUser(ctx: ServerContext, sessions: ViewerSessions, p: RequestParams, req: FastifyRequest): { userId: string; signedIn: boolean } {
  const session = sessions.user(req.headers.cookie);
  if (!authEnabled(ctx.auth)) return { userId: optional(p, 'userId') ?? session ?? DEFAULT_USER, signedIn: false };
  if (p.fields.has('token') || req.headers.authorization !== undefined) return { userId: authenticate(ctx, p, req), signedIn: true };
  if (session !== undefined) return { userId: session, signedIn: false };
  throw new HttpError(401, 'sign in: your user id and token');
}

/** The user of the request's sign-in session, on a server with tokens. */
function signedIn(ctx: ServerContext, sessions: ViewerSessions, req: FastifyRequest): string | undefined {
  return authEnabled(ctx.auth) ? sessions.user(req.headers.cookie) : undefined;
}

/** Without tokens the user is in the address (nothing secret); with tokens the session says it. */
function jobUrl(ctx: ServerContext, id: string, userId: string): string {
  return authEnabled(ctx.auth) ? `/jobs/${id}` : `/jobs/${id}?${new URLSearchParams({ userId }).toString()}`;
}

/** The sign-in form (no script needed), posting to /session and coming back to `next`. */
function signIn(reply: FastifyReply, next: string, message: string) {
  const target = next === '/' || JOB_PATH.test(next) ? next : '/';
  return reply
    .type(HTML)
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
    .header('cache-control', 'no-store')
    .send(
      `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>sqlflow: sign in</title>` +
        '<style>body{font:15px system-ui,sans-serif;margin:3em auto;max-width:26em}label{display:block;margin:.6em 0}input{display:block;width:100%;padding:.3em}</style></head><body>' +
        `<h1>sqlflow: sign in</h1><p role="alert">${escapeHtml(message)}</p>` +
        `<form method="post" action="/session"><input type="hidden" name="next" value="${escapeHtml(target)}">` +
        '<label>User <input name="userId" id="signin-user" autocomplete="username" required></label>' +
        '<label>Token <input type="password" name="token" id="signin-token" autocomplete="current-password" required></label>' +
        '<button type="submit" id="signin-submit">Sign in</button></form></body></html>\n',
    );
}

/** The analysis form: a signed-in user is not asked for the token again. */
function form(ctx: ServerContext, req: FastifyRequest, message?: string, sessionUser?: string) {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const userId = sessionUser ?? (typeof q.userId === 'string' && q.userId !== '' ? q.userId : DEFAULT_USER);
  return serveForm('/', { auth: authEnabled(ctx.auth) && sessionUser === undefined, userId, ...(message !== undefined ? { message } : {}) });
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
