/**
 * `sqlflow serve`: the SQLFlow-compatible REST server on a job store. Recovers the store at
 * start (a job left `running` by a stopped server is marked `fail`; jobs still `create` are queued
 * again), serves until `close()`, which stops accepting, lets the running job finish (or marks it)
 * and leaves the store consistent.
 */
import type { FastifyInstance } from 'fastify';
import { hostname } from 'node:os';
import { JobStore } from '../jobs/store.js';
import { buildApp } from './app.js';
import type { AuthConfig } from './auth.js';
import type { ServerContext } from './context.js';
import { JobQueue } from './queue.js';

export interface ServeOptions {
  host: string;
  port: number;
  storeDir: string;
  auth: AuthConfig;
  maxUpload: number;
  /** Jobs waiting to run before submits get 503. */
  queueCapacity: number;
  version: string;
  /** `--allow-origin`: origins of pages (a portal embedding SQLFlow's widget) allowed to call the server. */
  allowOrigins?: string[];
  /** How long a running job may take to finish when the server stops. */
  graceMs?: number;
  /** Extra node flags for the worker thread (tests). */
  workerExecArgv?: string[];
  /** Run jobs on the server's thread (tests only; see queue.ts). */
  inline?: boolean;
  logger?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  ctx: ServerContext;
  /** `http://host:port` */
  url: string;
  port: number;
  /** Jobs found `running` at start and marked `fail`, and jobs queued again. */
  recovered: { failed: string[]; requeued: string[] };
  close(): Promise<void>;
}

export const DEFAULT_MAX_UPLOAD = 100 * 1024 * 1024;

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const store = await JobStore.open(o.storeDir);
  const queue = new JobQueue({ store, version: o.version, capacity: o.queueCapacity, inline: o.inline === true, ...(o.workerExecArgv ? { execArgv: o.workerExecArgv } : {}) });
  const ctx: ServerContext = { store, queue, auth: o.auth, maxUpload: o.maxUpload, version: o.version, ...(o.allowOrigins?.length ? { allowOrigins: o.allowOrigins } : {}) };
  const recovered = await recover(store, queue);
  const app = await buildApp(ctx, { logger: o.logger ?? false });
  await app.listen({ host: o.host, port: o.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : o.port;
  const shownHost = o.host.includes(':') ? `[${o.host}]` : o.host;
  let closing: Promise<void> | undefined;
  return {
    app,
    ctx,
    url: `http://${shownHost}:${port}`,
    port,
    recovered,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await queue.close(o.graceMs ?? 30_000);
      })()),
  };
}

/** A job `running` in no live process of this host was interrupted: `fail`, with the reason. */
async function recover(store: JobStore, queue: JobQueue): Promise<RunningServer['recovered']> {
  const failed: string[] = [];
  const requeued: string[] = [];
  const { records } = await store.list();
  for (const r of records) {
    if (r.status === 'running' && !alive(r.runner)) {
      await queue.markFailed(r.jobId, 'interrupted: the process running this job stopped before it finished; submit it again');
      failed.push(r.jobId);
    } else if (r.status === 'create') {
      requeued.push(r.jobId);
    }
  }
  for (const id of requeued) queue.enqueueRecovered(id);
  return { failed, requeued };
}

function alive(runner: { pid: number; host: string } | undefined): boolean {
  if (!runner || runner.host !== hostname() || runner.pid === process.pid) return false;
  try {
    process.kill(runner.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
