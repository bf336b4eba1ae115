/**
 * The fastify application: body parsers with the upload limit, CORS for `--allow-origin`, the
 * route modules of routes/index.ts, a not-found answer in the seeds' envelope.
 */
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerContext } from './context.js';
import { ROUTES } from './routes/index.js';

export async function buildApp(ctx: ServerContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: ctx.maxUpload, return503OnClosing: true });
  await app.register(multipart, {
    limits: { fileSize: ctx.maxUpload, files: 10_000, fields: 1000, fieldSize: 1024 * 1024, parts: 11_000, headerPairs: 200 },
    throwFileSizeLimit: true,
  });
  if (ctx.allowOrigins?.length) {
    // Opt-in: a portal on another origin embeds SQLFlow's widget, which posts forms with an
    // Authorization header, so browsers send a preflight first. No cookies are allowed along.
    const { default: cors } = await import('@fastify/cors');
    await app.register(cors, { origin: ctx.allowOrigins, methods: ['GET', 'POST'], allowedHeaders: ['Authorization', 'Content-Type', 'Accept'], maxAge: 600 });
  }
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: ctx.maxUpload }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  for (const route of ROUTES) route.register(app, ctx);
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ code: 404, error: `no such endpoint: ${req.method} ${req.url.split('?')[0]}` }));
  app.setErrorHandler((err, _req, reply) => {
    const status = (err as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) return reply.code(status).send({ code: status, error: (err as Error).message });
    reply.log.error(err);
    return reply.code(500).send({ code: 500, error: 'internal error' });
  });
  return app;
}
