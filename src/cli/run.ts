/** The `analyze` command once its options are parsed: inputs → analysis → document → exit code. */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { EXIT, type CliDeps, type Spinner } from './deps.js';
import type { AnalyzeConfig } from './options.js';
import { colorLevel, count, countSeverities, makeChalk, renderDiagnostic, renderDiagnostics, summaryLine, warningKinds } from './report.js';

/** Below this much SQL (characters), parsing stays on the main thread whatever --jobs says. */
export const PARALLEL_MIN_CHARS = 256 * 1024;

export async function runAnalyze(config: AnalyzeConfig, deps: CliDeps): Promise<number> {
  const chalk = makeChalk(colorLevel(config.color, deps.env, deps.colorSupport));
  const showProgress = config.progress && !config.quiet && deps.stderrIsTTY;
  let spinner: Spinner | undefined;
  const stopSpinner = () => {
    spinner?.stop();
    spinner = undefined;
  };
  const printDiagnostics = (diagnostics: Diagnostic[]) => {
    const text = renderDiagnostics(diagnostics, config.quiet, chalk);
    if (text !== '') deps.stderr(text);
  };
  try {
    if (showProgress) spinner = deps.startSpinner('Reading inputs');
    const schemaProblems = await checkSchemaFiles(config.analyzeOptions.schemaFiles);
    const stdin = config.inputs.includes('-') ? { stdin: deps.stdin() } : {};
    const input = await deps.readInputs(config.inputs, stdin);
    const lineage = config.lineageFiles.length > 0 ? await (await import('../dataarts/load.js')).loadLineageFiles(config.lineageFiles) : undefined;
    const lineageErrors = lineage?.errors ?? [];
    if (input.fatal || schemaProblems.length > 0 || lineageErrors.length > 0) {
      stopSpinner();
      printDiagnostics([...schemaProblems, ...lineageErrors, ...input.diagnostics]);
      return EXIT.usage;
    }

    if (spinner) spinner.text = `Analyzing ${input.files.length} file${input.files.length === 1 ? '' : 's'}`;
    const engine = await deps.loadEngine();
    const jobs = config.jobs ?? availableParallelism();
    const chars = input.files.reduce((n, f) => n + f.text.length, 0);
    // Worker threads pay for themselves only on larger inputs (each loads the parser).
    const parallel = engine.analyzeParallel !== undefined && jobs > 1 && chars >= PARALLEL_MIN_CHARS;
    const result = parallel ? await engine.analyzeParallel!(input.files, config.analyzeOptions, jobs) : engine.analyze(input.files, config.analyzeOptions);
    if (lineage) {
      const merged = (await import('../dataarts/load.js')).mergeLoaded(result.graph, lineage);
      result.graph = merged.graph;
      result.diagnostics.push(...merged.diagnostics);
    }
    const fileCount = input.files.length;
    const sources = input.files.map((f) => f.text);
    if (spinner) spinner.text = 'Writing';
    const document = writerChunks(engine.write(result.graph, { ...config.writeOptions, sources }));

    if (config.output === undefined) {
      for (const chunk of document) {
        const drained = deps.stdout(chunk);
        if (drained) await drained;
      }
      stopSpinner();
    } else {
      try {
        await deps.writeOutput(config.output, document);
        stopSpinner();
      } catch (err) {
        stopSpinner();
        if (err instanceof WriterFailure) throw err.cause;
        const message = `cannot write output: ${messageOf(err)}`;
        deps.stderr(`${renderDiagnostic({ severity: 'error', file: config.output, message }, chalk)}\n`);
        return EXIT.usage;
      }
    }

    const diagnostics = [...input.diagnostics, ...result.diagnostics];
    printDiagnostics(diagnostics);
    const counts = countSeverities(diagnostics);
    const failed = counts.errors > 0 || result.graph.statements.failed > 0;
    const tooManyWarnings = config.maxWarnings !== undefined && counts.warnings > config.maxWarnings;
    if (tooManyWarnings) deps.stderr(`sqlflow: error: too many warnings (${count(counts.warnings)}, maximum ${count(config.maxWarnings!)})\n`);
    if (!config.quiet) deps.stderr(`${summaryLine(fileCount, result.graph.statements, counts, warningKinds(diagnostics))}\n`);
    return (config.strict && failed) || tooManyWarnings ? EXIT.failed : EXIT.ok;
  } catch (err) {
    stopSpinner();
    if (err instanceof Error && err.name === 'CapacityError') {
      deps.stderr(`${renderDiagnostic({ severity: 'error', message: err.message }, chalk)}\n`);
      return EXIT.usage;
    }
    deps.stderr(internalError(err));
    return EXIT.internal;
  }
}

/** --schema files must exist: a missing one is bad usage (exit 2), found before any work. */
async function checkSchemaFiles(paths: string[]): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  for (const path of paths) {
    try {
      if (!(await stat(path)).isFile()) {
        problems.push({ severity: 'error', file: path, message: 'schema file is not a file' });
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const message = code === 'ENOENT' ? 'schema file not found' : `cannot read schema file: ${messageOf(err)}`;
      problems.push({ severity: 'error', file: path, message });
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

function* writerChunks(chunks: Iterable<string>): Generator<string, void, undefined> {
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
