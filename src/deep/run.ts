/**
 * Analysis on a thread with a big stack. The parser is recursive descent (Chevrotain) and the
 * resolver walks the syntax tree recursively, so a statement nested a few hundred levels deep
 * (parentheses, derived tables) exhausts the default stack of about 1 MB: about 5 KB of stack per
 * level of `(SELECT ... FROM (SELECT ...))`. Such a statement fails on the main thread with
 * "statement too deeply nested"; `analyze()` then runs the whole analysis again on a worker
 * thread whose stack is `STACK_MB` (reserved, not committed: memory is used only as deep as the
 * input goes), waiting for it synchronously (Atomics.wait) so that `analyze()` stays synchronous.
 * 10,000 levels need about 50 MB; a statement deeper than the big stack allows still fails alone.
 */
import type { LineageResult, SourceInput } from '../analysis.js';
import type { AnalyzeOptions } from '../options.js';
import { createRequire } from 'node:module';

/**
 * node:worker_threads, loaded when a statement needs the big stack (rare): every run would
 * otherwise load it and its internals at start-up. Synchronous, as `analyze()` is.
 */
function workerThreads(): typeof import('node:worker_threads') {
  return createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
}

/** Stack of the worker thread, in MB (about 40,000 levels of nesting). */
export const STACK_MB = 256;

const WORKER = `
const { workerData } = require('node:worker_threads');
const done = (message) => {
  workerData.port.postMessage(message);
  Atomics.store(workerData.signal, 0, 1);
  Atomics.notify(workerData.signal, 0);
};
(async () => {
  if (workerData.hooks) require('node:module').register(workerData.hooks);
  const { analyzeHere, plainResult } = await import(workerData.entry);
  done({ result: plainResult(analyzeHere(workerData.sources, workerData.options)) });
})().catch((err) => done({ error: String((err && err.stack) || err) }));
`;

/**
 * Run `analyzeHere` (src/analyze.ts) on a worker thread with a big stack and wait for it. Undefined
 * when no worker can be started here (e.g. the module runs from TypeScript sources without the
 * hooks that load them: set SQLFLOW_WORKER_HOOKS to a module that registers such hooks).
 */
export function analyzeOnBigStack(sources: SourceInput[], options: AnalyzeOptions): LineageResult | undefined {
  const fromSource = import.meta.url.endsWith('.ts');
  const hooks = fromSource ? process.env.SQLFLOW_WORKER_HOOKS : undefined;
  if (fromSource && !hooks) return undefined;
  const entry = new URL(fromSource ? '../analyze.ts' : '../analyze.js', import.meta.url).href;
  const { MessageChannel, receiveMessageOnPort, Worker } = workerThreads();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: InstanceType<typeof Worker>;
  try {
    worker = new Worker(WORKER, {
      eval: true,
      workerData: { sources, options, entry, hooks, signal, port: port2 },
      transferList: [port2],
      resourceLimits: { stackSizeMb: STACK_MB },
      stdout: true,
      stderr: true,
    });
  } catch {
    return undefined;
  }
  worker.unref();
  Atomics.wait(signal, 0, 0);
  const reply = receiveMessageOnPort(port1)?.message as { result?: LineageResult; error?: string } | undefined;
  port1.close();
  void worker.terminate();
  if (!reply?.result) throw new Error(`analysis on the big-stack thread failed: ${reply?.error ?? 'no reply'}`);
  return reply.result;
}
