/**
 * The server's job queue: job ids wait in a bounded FIFO and run one at a time in a worker thread
 * (off the event loop). A worker that dies takes only its current job down (marked `fail`); the
 * next job gets a new worker. `close()` stops taking jobs, lets the running one finish within a
 * grace period, then marks what is left `fail` with the reason, so the store stays consistent.
 */
import { Worker } from 'node:worker_threads';
import type { JobRecord } from '../jobs/record.js';
import type { JobStore } from '../jobs/store.js';
import type { WorkerData, WorkerReply } from './worker.js';

export interface QueueOptions {
  store: JobStore;
  version: string;
  /** Jobs waiting (not counting the running one) before submits are refused. */
  capacity: number;
  /** Extra node flags for the worker thread (tests load TypeScript sources with them). */
  execArgv?: string[];
  /**
   * Run jobs on this thread instead of a worker (tests that do not exercise the worker itself:
   * jest transforms only its own process, and a worker loading the sources is slow to start).
   */
  inline?: boolean;
  /** Called when a job settles (for logs and tests). */
  onSettled?: (jobId: string, status: string | undefined, error?: string) => void;
}

export class QueueFull extends Error {
  constructor(capacity: number) {
    super(`the job queue is full (${capacity} jobs waiting); try again later`);
  }
}

export class JobQueue {
  private readonly pending: string[] = [];
  private worker: Worker | undefined;
  private ready = false;
  private current: string | undefined;
  private closing = false;
  private idle: (() => void)[] = [];

  constructor(private readonly opts: QueueOptions) {}

  get size(): number {
    return this.pending.length;
  }

  /** Throws QueueFull when `capacity` jobs already wait; a job already waiting is not added twice. */
  assertRoom(): void {
    if (this.closing) throw new QueueFull(0);
    if (this.pending.length >= this.opts.capacity) throw new QueueFull(this.opts.capacity);
  }

  enqueue(jobId: string): void {
    this.assertRoom();
    if (!this.pending.includes(jobId)) this.pending.push(jobId);
    this.pump();
  }

  /** Jobs found waiting when the server starts: queued whatever the capacity. */
  enqueueRecovered(jobId: string): void {
    if (!this.pending.includes(jobId)) this.pending.push(jobId);
    this.pump();
  }

  private pump(): void {
    if (this.current !== undefined || this.pending.length === 0 || this.closing) {
      if (this.current === undefined && (this.pending.length === 0 || this.closing)) this.settleIdle();
      return;
    }
    if (this.opts.inline) {
      const jobId = (this.current = this.pending.shift()!);
      void import('../jobs/run.js').then(({ runJob }) => runJob(this.opts.store, jobId, this.opts.version)).then(
        (r) => this.settled({ jobId, status: r?.status }),
        (err: unknown) => this.settled({ jobId, error: err instanceof Error ? err.message : String(err) }),
      );
      return;
    }
    const w = this.ensureWorker();
    if (!this.ready) return; // the worker's 'ready' message pumps again
    this.current = this.pending.shift()!;
    w.postMessage({ jobId: this.current });
  }

  private settled(m: WorkerReply): void {
    if (m.jobId === this.current) {
      this.current = undefined;
      this.opts.onSettled?.(m.jobId, m.status, m.error);
      if (m.error !== undefined) void this.markFailed(m.jobId, `internal error: ${m.error}`);
    }
    this.pump();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const data: WorkerData = { storeDir: this.opts.store.dir, version: this.opts.version };
    const w = new Worker(new URL('./worker.js', import.meta.url), { workerData: data, execArgv: this.opts.execArgv ?? [] });
    this.worker = w;
    this.ready = false;
    w.on('message', (m: WorkerReply) => {
      if (m.jobId !== '') return this.settled(m);
      this.ready = true;
      this.pump();
    });
    const lost = (why: string) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.ready = false;
      const job = this.current;
      this.current = undefined;
      if (job !== undefined) {
        this.opts.onSettled?.(job, 'fail', why);
        void this.markFailed(job, why).finally(() => this.pump());
      } else this.pump();
    };
    w.on('error', (err) => lost(`the job worker failed: ${err.message}`));
    w.on('exit', (code) => lost(`the job worker stopped (exit code ${code})`));
    return w;
  }

  private settleIdle(): void {
    const waiting = this.idle;
    this.idle = [];
    for (const f of waiting) f();
  }

  /** Mark a job `fail` with `reason` unless it already finished. */
  async markFailed(jobId: string, reason: string): Promise<JobRecord | undefined> {
    try {
      return await this.opts.store.update(jobId, (r) => {
        if (r.status === 'create' || r.status === 'running') {
          r.status = 'fail';
          r.errorMessage = reason;
          delete r.runner;
        }
        return r;
      });
    } catch {
      return undefined; // deleted meanwhile
    }
  }

  /**
   * Stop: no new jobs; the running job may finish within `graceMs`, else its worker is stopped and
   * the job marked `fail`; waiting jobs are marked `fail` ("server stopped before the job ran").
   */
  async close(graceMs: number): Promise<void> {
    this.closing = true;
    const waiting = this.pending.splice(0);
    for (const id of waiting) await this.markFailed(id, 'the server stopped before the job ran; submit it again');
    if (this.current !== undefined) {
      const finished = new Promise<void>((res) => this.idle.push(res));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((res) => (timer = setTimeout(() => res('timeout'), graceMs)));
      const outcome = await Promise.race([finished, timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout' && this.current !== undefined) {
        const job = this.current;
        this.current = undefined;
        const w = this.worker;
        this.worker = undefined;
        await w?.terminate();
        await this.markFailed(job, 'the server stopped while the job was running; submit it again');
      }
    }
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }
}
