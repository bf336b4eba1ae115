/** Entry point used by bin/sqlflow: real streams, real inputs, the analyzer and writers. */
import { once } from 'node:events';
import { isatty } from 'node:tty';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { totalmem } from 'node:os';
import { supportsColorStderr } from 'chalk';
import { readInputs } from '../inputs/index.js';
import type { OutputFormat } from '../options.js';
import type { CliDeps, Engine, Spinner } from './deps.js';
import { writeFileAtomic } from './output.js';
import { cli } from './program.js';
import type { ColorLevel } from './report.js';
import { readVersion } from './version.js';

/**
 * V8 lets the old generation grow to several times what is live between full collections: quick
 * for small runs, but 117 MB of SQL holds ~650 MB live and the process peaked at 1.75 GB. An
 * analysis keeps the growth at 20% a step (TPC-DS x100, 23.5 MB: peak RSS 393 -> 286 MB, same
 * time). The flag is read at each collection, so setting it here, before the analysis, works.
 */
const HEAP_GROWTH_PERCENT = 20;
/**
 * From this much SQL (characters) the growth is 10%: at 117.7 MB the peak is the heap's growth
 * over ~500 MB live (html, which keeps the text for its page: 808 MB at 20%, 764 MB at 10%, the
 * same CPU time within the noise of a loaded machine). Smaller runs keep 20% (fewer collections).
 */
const LARGE_INPUT_CHARS = 32 * 1024 * 1024;
const LARGE_HEAP_GROWTH_PERCENT = 10;

async function loadEngine(format?: OutputFormat): Promise<Engine> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWTH_PERCENT}`);
  if (format === undefined) {
    const [run, writers] = await Promise.all([import('../analyze.js'), import('../writers/index.js')]);
    return { analyze: run.analyze, analyzeParallel: run.analyzeParallel, write: writers.write };
  }
  const [run, writer] = await Promise.all([import('../analyze.js'), import('../writers/load.js').then((m) => m.loadOutputWriter(format))]);
  return { analyze: run.analyze, analyzeParallel: run.analyzeParallel, write: writer };
}

/**
 * V8's flags back to those the process started with (the heap growth above is set at run time):
 * bin/sqlflow calls it before writing the bundle's code cache, which V8 keys by its flags.
 */
export function restoreV8Flags(): void {
  setFlagsFromString('--heap-growing-percent=0');
}

/** `sqlflow | head` closes stdout early: stop quietly instead of crashing on EPIPE. */
function onStdoutError(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`sqlflow: error: cannot write to standard output: ${err.message}\n`);
  process.exit(2);
}

/** ora on stderr; none on a terminal that reports no width (ora would redraw endlessly). */
function startSpinner(text: string): Spinner {
  if (!ora || !(process.stderr.columns > 0)) return { text, stop: () => undefined };
  return ora({ text, stream: process.stderr, discardStdin: false }).start();
}

/** ora is loaded only when standard error is a terminal (the only place a spinner is shown). */
let ora: typeof import('ora').default | undefined;

export function realDeps(): CliDeps {
  return {
    stdout: (text) => (process.stdout.write(text) ? undefined : once(process.stdout, 'drain').then(() => undefined)),
    stderr: (text) => void process.stderr.write(text),
    stdin: () => process.stdin,
    stdinIsTTY: isatty(0),
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    colorSupport: (supportsColorStderr ? supportsColorStderr.level : 0) as ColorLevel,
    version: readVersion(),
    readInputs,
    loadEngine,
    writeOutput: writeFileAtomic,
    startSpinner,
    heap: { limit: getHeapStatistics().heap_size_limit, total: totalmem(), relaunch: async (heapMB) => (await import('./heap.js')).relaunch(heapMB) },
    inputSize: (chars) => {
      if (chars >= LARGE_INPUT_CHARS) setFlagsFromString(`--heap-growing-percent=${LARGE_HEAP_GROWTH_PERCENT}`);
    },
  };
}

export async function main(argv: string[] = process.argv): Promise<void> {
  process.stdout.on('error', onStdoutError);
  if (process.stderr.isTTY) ora = (await import('ora')).default;
  process.exitCode = await cli(argv, realDeps());
}
