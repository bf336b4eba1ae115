/**
 * The analysis entry points: `analyze` (in this thread, with the big-stack rerun for deep
 * statements) and `analyzeParallel` (parsing in worker threads); re-exported by api.ts.
 */
import { Analysis, type LineageResult, type SourceInput } from './analysis.js';
import { resolveVendor } from './dialects/registry.js';
import type { Statement } from './ast/nodes.js';
import type { DialectSpec } from './dialects/spec.js';
import { analyzeOnBigStack } from './deep/run.js';
import { DEFAULT_ANALYZE_OPTIONS, type AnalyzeOptions } from './options.js';
import { DEEP_MESSAGE, parseText, type ParsedFile } from './parse/parse.js';

/** For the big-stack thread (src/deep/run.ts), which sends its result across as plain data. */
export { plainResult } from './analysis.js';

/**
 * Parse results kept between runs (jobs' incremental re-analysis): `get` returns a file's earlier
 * parse for the same text and dialect, `set` records a fresh one. Parsing depends only on the text
 * and the dialect, so the lineage is the same whether a parse comes from the cache or not. `get`
 * must return a tree that nobody else holds.
 */
export interface ParseCache {
  get(text: string, vendor: string): ParsedFile | undefined;
  set(text: string, vendor: string, parsed: ParsedFile): void;
}

export interface AnalyzeHooks {
  parseCache?: ParseCache;
  /**
   * The caller holds the texts nowhere else and needs them no more: once every file is analyzed,
   * each source's `text` is set to '' before the result is assembled, so a text as large as the
   * input is not held meanwhile. Kept when a statement was too deep (the big-stack rerun reads them).
   */
  releaseTexts?: boolean;
}

/**
 * Column lineage of `sources` (one analysis: a table created in one source is known in the next).
 * A statement nested too deeply for the stack fails alone on this thread; the analysis is then run
 * again on a thread with a big stack (src/deep/run.ts), where it usually succeeds (without the
 * hooks, which do not cross threads).
 */
export function analyze(sources: SourceInput[], options: Partial<AnalyzeOptions> = {}, hooks: AnalyzeHooks = {}): LineageResult {
  const opts: AnalyzeOptions = { ...DEFAULT_ANALYZE_OPTIONS, ...options };
  return retriedOnBigStack(analyzeHere(sources, opts, hooks), sources, opts);
}

/** A result with a statement too deep for this thread's stack is replaced by the big-stack run's, when that succeeds. */
function retriedOnBigStack(result: LineageResult, sources: SourceInput[], opts: AnalyzeOptions): LineageResult {
  if (!result.diagnostics.some((d) => d.message === DEEP_MESSAGE)) return result;
  return analyzeOnBigStack(sources, opts) ?? result;
}

/** `analyze` on the current thread only. */
export function analyzeHere(sources: SourceInput[], opts: Partial<AnalyzeOptions>, hooks: AnalyzeHooks = {}): LineageResult {
  const run = new Analysis(opts);
  sources.forEach((src, index) => {
    const fileDialect = run.beginFile(index, src.text, src.vendor);
    const onStatement = (stmt: Statement) => run.statement(stmt);
    const parsed = hooks.parseCache ? cachedParse(hooks.parseCache, src.text, fileDialect, onStatement) : parseText(src.text, fileDialect, onStatement);
    run.endFile(index, parsed, src.text);
  });
  if (hooks.releaseTexts) run.releaseTexts(sources);
  return run.finish(sources);
}

/**
 * `analyze` with parsing (splitting, lexing, parsing) in up to `jobs` worker threads, files ahead
 * of the one being resolved; statements are still resolved on this thread in input order, so the
 * catalog of tables created earlier and session settings carry across files exactly as in
 * `analyze`, and the result is the same. `jobs` <= 1, or worker threads unavailable, parses here.
 */
export async function analyzeParallel(sources: SourceInput[], options: Partial<AnalyzeOptions> = {}, jobs = 1, hooks: Pick<AnalyzeHooks, 'releaseTexts'> = {}): Promise<LineageResult> {
  const { ParsePool, workerScript } = await import('./parse/pool.js');
  const script = workerScript();
  if (jobs <= 1 || script === undefined || sources.length === 0) return analyze(sources, options, hooks);
  const run = new Analysis(options);
  const pool = new ParsePool(script, Math.min(jobs, sources.length));
  try {
    const files = sources.map((src) => pool.parse(src.text, resolveVendor(src.vendor ?? '')?.vendor ?? run.dialect.vendor));
    for (let index = 0; index < sources.length; index++) {
      const src = sources[index]!;
      const fileDialect = run.beginFile(index, src.text, src.vendor);
      // A batch too deep to hand over from the worker: the rest of the file is parsed here.
      const reparse = (handed: number) => {
        let n = 0;
        return parseText(src.text, fileDialect, (stmt) => void (n++ >= handed && run.statement(stmt)));
      };
      const parsed = await files[index]!.each((stmt) => run.statement(stmt), reparse);
      run.endFile(index, parsed, src.text);
    }
  } finally {
    await pool.close();
  }
  if (hooks.releaseTexts) run.releaseTexts(sources);
  // As in `analyze`: a statement too deep for a thread's stack gets the big-stack run, so the
  // result does not depend on --jobs.
  return retriedOnBigStack(run.finish(sources), sources, { ...DEFAULT_ANALYZE_OPTIONS, ...options });
}

/** Parse on a miss (recording the result before the resolver sees it), else replay the cached statements. */
function cachedParse(cache: ParseCache, text: string, dialect: DialectSpec, onStatement: (s: Statement) => void): ParsedFile {
  let parsed = cache.get(text, dialect.vendor);
  if (!parsed) {
    parsed = parseText(text, dialect);
    cache.set(text, dialect.vendor, parsed);
  }
  for (const st of parsed.statements) onStatement(st);
  return parsed;
}
