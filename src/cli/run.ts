/** The `analyze` command once its options are parsed: inputs → analysis → document → exit code. */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { forgetLastMatch } from '../graph/names.js';
import { EXIT, stdoutChunks, type CliDeps, type Spinner } from './deps.js';
import type { AnalyzeConfig } from './options.js';
import { colorLevel, count, countBytes, countSeverities, isShown, makeChalk, pageSizeLine, renderDiagnostic, renderDiagnostics, summaryLine, warningKinds } from './report.js';

/** Below this much SQL (characters), parsing stays on the main thread whatever --jobs says. */
export const PARALLEL_MIN_CHARS = 256 * 1024;

/**
 * --jobs when not given: one per core, from 3 cores. On 2 cores a parse worker does not pay: a
 * single-threaded run already keeps the second core busy with V8's background work (optimizing
 * compiles, garbage collection: about 0.8 CPU-seconds of the 5 MB bench's 1.9), and the worker adds
 * its own start-up, its own compiling and the trees' encoding. Measured on 2 cores (medians of 5,
 * loaded machine): `--jobs 2` takes the analyzing thread 0.90 s of CPU against 1.14 s, but the
 * process 2.82 CPU-seconds against 2.18, which two cores shared with V8's threads cannot absorb.
 * `--jobs 2` still asks for the worker.
 */
export function defaultJobs(cores: number): number {
  return cores >= 3 ? cores : 1;
}

export async function runAnalyze(config: AnalyzeConfig, deps: CliDeps): Promise<number> {
  const chalk = makeChalk(colorLevel(config.color, deps.env, deps.colorSupport));
  const showProgress = config.progress && !config.quiet && deps.stderrIsTTY;
  let spinner: Spinner | undefined;
  const stopSpinner = () => {
    spinner?.stop();
    spinner = undefined;
  };
  const printDiagnostics = (diagnostics: Diagnostic[]) => {
    if (config.diagnosticsFormat !== undefined) return void (pending = [...pending, ...diagnostics]);
    const text = renderDiagnostics(diagnostics, config.quiet, chalk);
    if (text !== '') deps.stderr(text);
  };
  // --diagnostics-format json|sarif: every diagnostic of the run in one document, written last.
  let pending: Diagnostic[] = [];
  const flushDocument = async () => {
    if (config.diagnosticsFormat === undefined) return;
    const shown = pending.filter((d) => isShown(d, config.quiet));
    deps.stderr(await (await import('./diagnostics-format.js')).diagnosticsDocument(shown, config.diagnosticsFormat, deps.version));
  };
  try {
    if (showProgress) spinner = deps.startSpinner('Reading inputs');
    if (deps.cwd !== undefined) config.analyzeOptions.schemaFiles = config.analyzeOptions.schemaFiles.map((p) => resolve(deps.cwd!, p));
    const schemaProblems = await checkSchemaFiles(config.analyzeOptions.schemaFiles);
    const heapMB = await heapToRelaunchWith(config, deps);
    if (heapMB !== undefined) {
      stopSpinner();
      return await deps.heap!.relaunch(heapMB);
    }
    const stdin = config.inputs.includes('-') ? { stdin: deps.stdin() } : {};
    const input = await deps.readInputs(config.inputs, { ...stdin, ...(deps.cwd === undefined ? {} : { cwd: deps.cwd }), ...(config.extensions ? { extensions: config.extensions } : {}) });
    const lineage = config.lineageFiles.length > 0 ? await (await import('../dataarts/load.js')).loadLineageFiles(config.lineageFiles) : undefined;
    const lineageErrors = lineage?.errors ?? [];
    if (input.fatal || schemaProblems.length > 0 || lineageErrors.length > 0) {
      stopSpinner();
      printDiagnostics([...schemaProblems, ...lineageErrors, ...input.diagnostics]);
      await flushDocument();
      return EXIT.usage;
    }
    // No green run on no input: a glob that matches nothing, an empty folder, empty stdin.
    // (An input that failed, e.g. a binary file, is already an error: the usual exit rules apply.)
    const inputFailed = input.diagnostics.some((d) => d.severity === 'error');
    if (input.files.length === 0 && !inputFailed && !lineage) {
      stopSpinner();
      printDiagnostics([...input.diagnostics, { severity: 'error', code: 'InputError', message: `no input: ${config.inputs.map((i) => `'${i}'`).join(', ')} gave no SQL file` }]);
      await flushDocument();
      return EXIT.usage;
    }

    if (spinner) spinner.text = `Analyzing ${input.files.length} file${input.files.length === 1 ? '' : 's'}`;
    const engine = await deps.loadEngine(config.writeOptions.format);
    const fileVendor = config.fileVendor;
    // The analysis gets the only references to the texts (it drops them once every file is
    // analyzed); only the HTML page carries the SQL, so only html keeps them for the writer.
    const files = input.files.map((f) => ({ ...f, ...(fileVendor ? { vendor: fileVendor(f.path) ?? config.analyzeOptions.vendor } : {}) }));
    const sources = config.writeOptions.format === 'html' ? input.files.map((f) => f.text) : undefined;
    const jobs = config.jobs ?? defaultJobs(availableParallelism());
    const chars = input.files.reduce((n, f) => n + f.text.length, 0);
    for (const f of input.files) f.text = '';
    deps.inputSize?.(chars);
    // Worker threads pay for themselves only on larger inputs (each loads the parser).
    const parallel = engine.analyzeParallel !== undefined && jobs > 1 && chars >= PARALLEL_MIN_CHARS;
    const hooks = { releaseTexts: true };
    const result = parallel ? await engine.analyzeParallel!(files, config.analyzeOptions, jobs, hooks) : engine.analyze(files, config.analyzeOptions, hooks);
    // Kept when a statement needed the big-stack rerun; not needed past here.
    for (const f of files) f.text = '';
    forgetLastMatch();
    // A --schema that is not valid JSON/DDL or has the wrong shape is bad usage (exit 2), before any output.
    const badSchema = result.diagnostics.filter((d) => d.code === 'SchemaInvalid');
    const noStatements = result.graph.statements.total === 0 && !inputFailed && !lineage;
    if (badSchema.length > 0 || noStatements) {
      stopSpinner();
      const empty: Diagnostic[] = noStatements ? [{ severity: 'error', code: 'InputError', message: `no input: ${config.inputs.map((i) => `'${i}'`).join(', ')} contain no SQL statement` }] : [];
      const schemaAll = badSchema.length > 0 ? result.diagnostics.filter((d) => d.code === 'SchemaError' || d.code === 'SchemaInvalid') : [];
      printDiagnostics([...input.diagnostics, ...schemaAll, ...empty]);
      await flushDocument();
      return EXIT.usage;
    }
    if (lineage) {
      const merged = (await import('../dataarts/load.js')).mergeLoaded(result.graph, lineage);
      result.graph = merged.graph;
      result.diagnostics.push(...merged.diagnostics);
    }
    if (spinner) spinner.text = 'Writing';
    const written = { bytes: 0 };
    const chunks = writerChunks(engine.write(result.graph, { ...config.writeOptions, ...(sources ? { sources } : {}) }));
    // Only a page's size is told (below): the bytes of another format's chunks are not counted.
    const document = config.writeOptions.format === 'html' ? countBytes(chunks, written) : chunks;

    if (config.output === undefined) {
      await stdoutChunks(deps, document);
      stopSpinner();
    } else {
      try {
        await deps.writeOutput(config.output, document);
        stopSpinner();
      } catch (err) {
        stopSpinner();
        if (err instanceof WriterFailure) throw err.cause;
        const message = `cannot write output: ${messageOf(err)}`;
        deps.stderr(`${renderDiagnostic({ severity: 'error', code: 'OutputError', file: config.output, message }, chalk)}\n`);
        return EXIT.usage;
      }
    }

    const diagnostics = [...input.diagnostics, ...result.diagnostics];
    printDiagnostics(diagnostics);
    const counts = countSeverities(diagnostics);
    await flushDocument();
    const tooManyWarnings = config.maxWarnings !== undefined && counts.warnings > config.maxWarnings;
    if (tooManyWarnings) deps.stderr(`sqlflow: error: too many warnings (${count(counts.warnings)}, maximum ${count(config.maxWarnings!)})\n`);
    if (config.writeOptions.format === 'html' && config.output !== undefined && !config.quiet) deps.stderr(`${pageSizeLine(config.output, written.bytes)}\n`);
    if (!config.quiet && config.diagnosticsFormat === undefined) deps.stderr(`${summaryLine(input.files.length, result.graph.statements, counts, warningKinds(diagnostics))}\n`);
    // Under --strict, an input that gave nothing (a glob without match, an empty folder) fails too.
    const emptyInput = input.diagnostics.some((d) => d.code === 'InputError' && d.severity === 'warning');
    const failed = counts.errors > 0 || result.graph.statements.failed > 0 || emptyInput;
    return (config.strict && failed) || tooManyWarnings ? EXIT.failed : EXIT.ok;
  } catch (err) {
    stopSpinner();
    if (err instanceof Error && err.name === 'CapacityError') {
      deps.stderr(`${renderDiagnostic({ severity: 'error', code: 'CapacityError', message: err.message }, chalk)}\n`);
      return EXIT.usage;
    }
    deps.stderr(internalError(err));
    return EXIT.internal;
  }
}

/** The heap to relaunch with, when the inputs (files, not stdin) are too large for this one. */
async function heapToRelaunchWith(config: AnalyzeConfig, deps: CliDeps): Promise<number | undefined> {
  if (!deps.heap || config.inputs.includes('-')) return undefined;
  const { heapToAsk, inputBytes, RELAUNCHED_ENV } = await import('./heap.js');
  if (deps.env[RELAUNCHED_ENV] !== undefined) return undefined;
  return heapToAsk(await inputBytes(config.inputs, deps.cwd, config.extensions), deps.heap.limit, deps.heap.total);
}

/** --schema files must exist: a missing one is bad usage (exit 2), found before any work. */
export async function checkSchemaFiles(paths: string[]): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  for (const path of paths) {
    try {
      if (!(await stat(path)).isFile()) {
        problems.push({ severity: 'error', code: 'SchemaInvalid', file: path, message: 'schema file is not a file' });
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const message = code === 'ENOENT' ? 'schema file not found' : `cannot read schema file: ${messageOf(err)}`;
      problems.push({ severity: 'error', code: 'SchemaInvalid', file: path, message });
    }
  }
  return problems;
}

/** An error thrown by a writer while the document streams out: a bug (exit 70), not an output problem. */
class WriterFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('writer failure');
  }
}

function* writerChunks<C>(chunks: Iterable<C>): Generator<C, void, undefined> {
  try {
    yield* chunks;
  } catch (err) {
    throw new WriterFailure(err);
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A bug, not a user mistake: say so, with the stack for the report. */
export function internalError(err: unknown): string {
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  return `sqlflow: internal error: ${detail}\n`;
}
