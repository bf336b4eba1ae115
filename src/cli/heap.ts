/**
 * Inputs larger than V8's default heap can analyze (V8 picks about 4 GB on 64-bit machines,
 * whatever their memory) relaunch the command once with a heap sized for them, when the machine
 * has the memory. At the end of the analysis about 3.7 bytes per byte of SQL are live (440 MB at
 * 117.7 MB of TPC-DS/TPC-H without --schema, the text included; 650 MB before the memory work of
 * issue 10) and the heap peaks near 5.5; the capacity check stops at 85% of the limit, so
 * HEAP_PER_BYTE leaves room above that (a 1 GB run with 7 completed before that work, its heap
 * close to the check; not re-measured since). When
 * even the machine is too small, the run goes ahead and the capacity check (CapacityError) stops
 * it with what to do.
 */
import { stat } from 'node:fs/promises';
import { expandSpec } from '../inputs/expand.js';

const MiB = 1024 * 1024;
export const HEAP_PER_BYTE = 9;
export const HEAP_BASE = 512 * MiB;
/** Share of the machine's memory a relaunched run may ask for. */
export const MEMORY_SHARE = 0.75;
/** Set in the relaunched process: it never relaunches again. */
export const RELAUNCHED_ENV = 'SQLFLOW_HEAP_MB';

/** The heap (MB) to relaunch with for `inputBytes` of SQL; undefined when the current one will do (or none bigger fits). */
export function heapToAsk(inputBytes: number, heapLimit: number, totalMemory: number): number | undefined {
  const need = inputBytes * HEAP_PER_BYTE + HEAP_BASE;
  if (need <= heapLimit * 0.85) return undefined;
  const ask = Math.min(need, totalMemory * MEMORY_SHARE);
  return ask > heapLimit * 1.1 ? Math.ceil(ask / MiB) : undefined;
}

/** Bytes of the files the inputs name (stdin unknown: 0); unreadable ones count 0, the reader reports them. */
export async function inputBytes(specs: readonly string[], cwd: string | undefined, extensions: readonly string[] | undefined): Promise<number> {
  let total = 0;
  for (const spec of specs) {
    if (spec === '-') continue;
    const { targets } = await expandSpec(spec, cwd, extensions);
    for (const t of targets) total += await stat(t.abs).then((s) => (s.isFile() ? s.size : 0), () => 0);
  }
  return total;
}

/** This command again, in a new process with a heap of `heapMB`; resolves with its exit code. */
export async function relaunch(heapMB: number): Promise<number> {
  const args = [...process.execArgv.filter((a) => !a.startsWith('--max-old-space-size')), `--max-old-space-size=${heapMB}`, ...process.argv.slice(1)];
  // Loaded only to relaunch: every analyze loads this module to decide whether to.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, [RELAUNCHED_ENV]: String(heapMB) } });
    child.on('error', () => resolve(70));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + 9 : 70)));
  });
}
