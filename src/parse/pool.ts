/**
 * A pool of parse workers (node:worker_threads). Files are handed to free workers in input order;
 * each file's statements come back in batches that the caller consumes in order (`FileJob.each`),
 * acknowledging each batch through a shared counter so a worker never runs far ahead.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Statement } from '../ast/nodes.js';
import type { FileParse } from '../analysis.js';
import { TreeDecoder } from './transfer.js';
import type { ParseJob, ParseReply } from './worker.js';

/**
 * The worker's script: next to this module once built (`dist/src/parse/worker.js`); from the
 * TypeScript sources (tests), the built copy. Undefined when there is none (parse in-thread).
 */
export function workerScript(): URL | undefined {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../../dist/src/parse/worker.js', here) : new URL('./worker.js', here);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Replies, and a batch this thread could not receive ('messageerror'). */
type Reply = ParseReply | { id: number; type: 'lost' };

export class FileJob {
  private readonly replies: Reply[] = [];
  private wake: (() => void) | undefined;
  /** The rest of the file is parsed on this thread: the worker's later replies are dropped. */
  private abandoned = false;
  readonly consumed = new Int32Array(new SharedArrayBuffer(4));
  failure: Error | undefined;

  constructor(readonly id: number, readonly text: string, readonly vendor: string) {}

  push(reply: Reply): void {
    if (this.abandoned) return;
    this.replies.push(reply);
    this.wake?.();
  }

  fail(err: Error): void {
    this.failure = err;
    this.wake?.();
  }

  private next(): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const take = () => {
        this.wake = undefined;
        if (this.replies.length > 0) resolve(this.replies.shift()!);
        else if (this.failure) reject(this.failure);
        else this.wake = take;
      };
      take();
    });
  }

  /**
   * Hands every statement to `fn`, in order; resolves with the file's parse results. When a batch
   * cannot be received, `reparse(n)` parses the file here, handing on the statements after the
   * first `n`, and gives the file's results.
   */
  async each(fn: (stmt: Statement) => void, reparse: (handed: number) => FileParse): Promise<FileParse> {
    let handed = 0;
    const decoder = new TreeDecoder();
    for (;;) {
      const reply = await this.next();
      if (reply.type === 'error') throw new Error(`parse worker failed: ${reply.message}`);
      if (reply.type === 'done') return { attempted: reply.attempted, failed: reply.failed, problems: reply.problems, foreignGo: reply.foreignGo };
      let statements: Statement[] | undefined;
      try {
        if (reply.type === 'batch') statements = decoder.decode(reply.statements, reply.count) as Statement[];
      } catch {
        statements = undefined;
      }
      if (!statements) {
        // A batch too deep to hand over: let the worker finish the file unhindered (its replies
        // are dropped) and parse the rest here.
        this.abandoned = true;
        this.replies.length = 0;
        Atomics.store(this.consumed, 0, 1 << 30);
        Atomics.notify(this.consumed, 0);
        return reparse(handed);
      }
      for (const stmt of statements) fn(stmt);
      handed += statements.length;
      Atomics.add(this.consumed, 0, 1);
      Atomics.notify(this.consumed, 0);
    }
  }
}

export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly busy = new Map<Worker, FileJob>();
  private readonly waiting: FileJob[] = [];
  private nextId = 0;

  constructor(script: URL, size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script);
      worker.on('message', (reply: ParseReply) => {
        const job = this.busy.get(worker);
        if (!job) return;
        job.push(reply);
        if (reply.type !== 'batch') {
          this.busy.delete(worker);
          this.dispatch();
        }
      });
      worker.on('messageerror', () => this.busy.get(worker)?.push({ id: -1, type: 'lost' }));
      worker.on('error', (err) => {
        this.busy.get(worker)?.fail(err);
        this.busy.delete(worker);
      });
      this.workers.push(worker);
    }
  }

  parse(text: string, vendor: string): FileJob {
    const job = new FileJob(this.nextId++, text, vendor);
    this.waiting.push(job);
    this.dispatch();
    return job;
  }

  private dispatch(): void {
    for (const worker of this.workers) {
      if (this.waiting.length === 0) return;
      if (this.busy.has(worker)) continue;
      const job = this.waiting.shift()!;
      this.busy.set(worker, job);
      const message: ParseJob = { id: job.id, text: job.text, vendor: job.vendor, control: job.consumed.buffer as SharedArrayBuffer };
      worker.postMessage(message);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
