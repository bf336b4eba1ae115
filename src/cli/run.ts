/** The `analyze` command once its options are parsed: inputs → analysis → document → exit code. */
import { stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { EXIT, type CliDeps, type Spinner } from './deps.js';
import type { AnalyzeConfig } from './options.js';
import { colorLevel, countSeverities, makeChalk, renderDiagnostic, renderDiagnostics, summaryLine } from './report.js';

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
    const result = engine.analyze(input.files, config.analyzeOptions);
    if (lineage) {
      const merged = (await import('../dataarts/load.js')).mergeLoaded(result.graph, lineage);
      result.graph = merged.graph;
      result.diagnostics.push(...merged.diagnostics);
    }
    if (spinner) spinner.text = 'Writing';
    const document = engine.render(result.graph, { ...config.writeOptions, sources: input.files.map((f) => f.text) });
    stopSpinner();

    if (config.output === undefined) deps.stdout(document);
    else {
      try {
        await deps.writeOutput(config.output, document);
      } catch (err) {
        const message = `cannot write output: ${messageOf(err)}`;
        deps.stderr(`${renderDiagnostic({ severity: 'error', file: config.output, message }, chalk)}\n`);
        return EXIT.usage;
      }
    }

    const diagnostics = [...input.diagnostics, ...result.diagnostics];
    printDiagnostics(diagnostics);
    const counts = countSeverities(diagnostics);
    if (!config.quiet) deps.stderr(`${summaryLine(input.files.length, result.graph.statements, counts)}\n`);
    const failed = counts.errors > 0 || result.graph.statements.failed > 0;
    return config.strict && failed ? EXIT.failed : EXIT.ok;
  } catch (err) {
    stopSpinner();
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

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A bug, not a user mistake: say so, with the stack for the report. */
export function internalError(err: unknown): string {
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  return `sqlflow: internal error: ${detail}\n`;
}
