/** What the CLI needs from the outside world; main.ts wires the real ones, tests pass fakes. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineageGraph } from '../graph/model.js';
import type { ReadInputsOptions, ReadInputsResult, SourceFile } from '../inputs/types.js';
import type { AnalyzeOptions, OutputFormat, WriteOptions } from '../options.js';
import type { Chunk } from '../writers/chunks.js';
import type { ColorLevel } from './report.js';

/** The shape of `analyze` in src/api.ts. */
export type AnalyzeFn = (
  sources: SourceFile[],
  options?: Partial<AnalyzeOptions>,
  hooks?: { releaseTexts?: boolean },
) => { graph: LineageGraph; diagnostics: Diagnostic[] };

/** The shape of `write` in src/writers/index.ts: the document as chunks (text, or UTF-8 bytes: see `loadOutputWriter`). */
export type WriteFn = (graph: LineageGraph, opts: WriteOptions) => Iterable<Chunk>;

/** The shape of `analyzeParallel` in src/api.ts: parsing in `jobs` worker threads, same result. */
export type AnalyzeParallelFn = (
  sources: SourceFile[],
  options: Partial<AnalyzeOptions>,
  jobs: number,
  hooks?: { releaseTexts?: boolean },
) => Promise<{ graph: LineageGraph; diagnostics: Diagnostic[] }>;

export interface Engine {
  analyze: AnalyzeFn;
  analyzeParallel?: AnalyzeParallelFn;
  write: WriteFn;
}

/** The part of an ora spinner the CLI uses. */
export interface Spinner {
  text: string;
  stop(): unknown;
}

export interface CliDeps {
  /** Writes to standard output; a promise when the caller should wait for it to drain. */
  stdout(text: Chunk): void | Promise<void>;
  stderr(text: string): void;
  /** Opened only when an input is `-` (touching process.stdin has side effects). */
  stdin(): NodeJS.ReadableStream;
  stdinIsTTY: boolean;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** Chalk's colour level for stderr (terminal, FORCE_COLOR, --no-color). */
  colorSupport: ColorLevel;
  version: string;
  readInputs(specs: string[], opts?: ReadInputsOptions): Promise<ReadInputsResult>;
  /**
   * The analyzer and writers, loaded only when `analyze` runs. With `format`, `write` is asked for
   * that format only (its writer alone is loaded).
   */
  loadEngine(format?: OutputFormat): Promise<Engine>;
  /** Write the document to a file (atomically for regular files), chunk by chunk. */
  writeOutput(path: string, chunks: Iterable<Chunk>): Promise<void>;
  startSpinner(text: string): Spinner;
  /** Working directory for relative inputs, config lookup and git (default: the process's). */
  cwd?: string;
  /** The JavaScript heap's limit and the machine's memory (bytes), and how to relaunch with a bigger heap (see heap.ts). */
  heap?: { limit: number; total: number; relaunch(heapMB: number): Promise<number> };
  /** Told the size of the inputs (characters) once the engine is loaded, before the analysis (tunes the heap's growth). */
  inputSize?(chars: number): void;
}

export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const;

/** Writes chunks to standard output one by one, waiting whenever `stdout` asks to (backpressure). */
export async function stdoutChunks(deps: Pick<CliDeps, 'stdout'>, chunks: Iterable<Chunk>): Promise<void> {
  for (const chunk of chunks) {
    const drained = deps.stdout(chunk);
    if (drained) await drained;
  }
}
