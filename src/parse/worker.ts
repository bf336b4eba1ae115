/**
 * A parse worker (see pool.ts): for each job, splits, lexes and parses one file's text and posts
 * its statements in batches, then the file's parse results. It stays at most `WINDOW` batches
 * ahead of the resolver: past that it blocks on the job's shared counter of consumed batches, so
 * a large file never piles up its syntax trees in memory.
 *
 * A batch travels in the compact form of transfer.ts (its integers' buffer transferred, not
 * copied), not as JSON: rebuilding the 5 MB bench's trees with JSON.parse cost the resolving thread
 * as much as parsing them there, so the worker saved nothing.
 */
import { parentPort } from 'node:worker_threads';
import type { Statement } from '../ast/nodes.js';
import { defaultDialect, resolveVendor } from '../dialects/registry.js';
import { parseText } from './parse.js';
import { TreeEncoder, type EncodedBatch } from './transfer.js';

export interface ParseJob {
  id: number;
  text: string;
  vendor: string;
  /** Int32Array over it: [0] = batches consumed by the resolver. */
  control: SharedArrayBuffer;
}

export type ParseReply =
  | { id: number; type: 'batch'; statements: EncodedBatch; count: number }
  | { id: number; type: 'done'; attempted: number; failed: number; problems: ReturnType<typeof parseText>['problems']; foreignGo: number }
  | { id: number; type: 'error'; message: string }
  /** A batch too deep to encode (the encoder exhausts the stack): the resolving thread parses the file's rest itself. */
  | { id: number; type: 'lost' };

/** Thrown out of the parse when a batch was handed over as `lost`. */
class HandedOver extends Error {}

/**
 * Statements per batch: the first batches are small so that the resolving thread, idle until the
 * first arrives, starts soon; they double up to this size.
 */
export const BATCH_STATEMENTS = 64;
const FIRST_BATCH = 4;
export const WINDOW = 8;

function run(job: ParseJob): void {
  const port = parentPort!;
  const consumed = new Int32Array(job.control);
  let posted = 0;
  let batch: Statement[] = [];
  let size = FIRST_BATCH;
  const encoder = new TreeEncoder();
  const post = () => {
    let encoded: EncodedBatch;
    try {
      for (const stmt of batch) encoder.value(stmt);
      encoded = encoder.take();
    } catch {
      port.postMessage({ id: job.id, type: 'lost' } satisfies ParseReply);
      throw new HandedOver();
    }
    port.postMessage({ id: job.id, type: 'batch', statements: encoded, count: batch.length } satisfies ParseReply, [encoded.ints.buffer as ArrayBuffer]);
    batch = [];
    posted++;
    size = Math.min(size * 2, BATCH_STATEMENTS);
    for (;;) {
      const seen = Atomics.load(consumed, 0);
      if (posted - seen < WINDOW) break;
      Atomics.wait(consumed, 0, seen, 1000);
    }
  };
  try {
    const dialect = resolveVendor(job.vendor) ?? defaultDialect();
    const parsed = parseText(job.text, dialect, (stmt) => {
      batch.push(stmt);
      if (batch.length >= size) post();
    });
    if (batch.length > 0) post();
    port.postMessage({ id: job.id, type: 'done', attempted: parsed.attempted, failed: parsed.failed, problems: parsed.problems, foreignGo: parsed.foreignGo } satisfies ParseReply);
  } catch (err) {
    if (err instanceof HandedOver) return;
    port.postMessage({ id: job.id, type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies ParseReply);
  }
}

parentPort?.on('message', (job: ParseJob) => run(job));
