/**
 * The library API: `analyze(sources, options) → LineageResult` and `render(graph, opts)`; the CLI,
 * jobs and the server are thin shells over them. `analyzeParallel` parses in worker threads and
 * gives the same result.
 */
import { Analysis, type LineageResult, type SourceInput } from './analysis.js';
import { resolveVendor } from './dialects/registry.js';
import type { Statement } from './ast/nodes.js';
import type { DialectSpec } from './dialects/spec.js';
import { analyzeOnBigStack } from './deep/run.js';
import { DEFAULT_ANALYZE_OPTIONS, type AnalyzeOptions } from './options.js';
import { DEEP_MESSAGE, parseText, type ParsedFile } from './parse/parse.js';

export { CapacityError, plainResult } from './analysis.js';
export type { FileParse, KnownTable, LineageResult, SourceInput } from './analysis.js';
export type { SchemaChange } from './resolve/changes.js';
export { render, write } from './writers/index.js';
export { writeDiffHtml, writeImpactHtml } from './viewer/pages.js';
export type { LineageGraph, RelationType } from './graph/model.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export type { AnalyzeOptions, OutputFormat, WriteOptions } from './options.js';

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
}

/**
 * Column lineage of `sources` (one analysis: a table created in one source is known in the next).
 * A statement nested too deeply for the stack fails alone on this thread; the analysis is then run
 * again on a thread with a big stack (src/deep/run.ts), where it usually succeeds (without the
 * hooks, which do not cross threads).
 */
export function analyze(sources: SourceInput[], options: Partial<AnalyzeOptions> = {}, hooks: AnalyzeHooks = {}): LineageResult {
  const opts: AnalyzeOptions = { ...DEFAULT_ANALYZE_OPTIONS, ...options };
  const here = analyzeHere(sources, opts, hooks);
  if (!here.diagnostics.some((d) => d.message === DEEP_MESSAGE)) return here;
  return analyzeOnBigStack(sources, opts) ?? here;
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
  return run.finish(sources);
}

/**
 * `analyze` with parsing (splitting, lexing, parsing) in up to `jobs` worker threads, files ahead
 * of the one being resolved; statements are still resolved on this thread in input order, so the
 * catalog of tables created earlier and session settings carry across files exactly as in
 * `analyze`, and the result is the same. `jobs` <= 1, or worker threads unavailable, parses here.
 */
export async function analyzeParallel(sources: SourceInput[], options: Partial<AnalyzeOptions> = {}, jobs = 1): Promise<LineageResult> {
  const { ParsePool, workerScript } = await import('./parse/pool.js');
  const script = workerScript();
  if (jobs <= 1 || script === undefined || sources.length === 0) return analyze(sources, options);
  const run = new Analysis(options);
  const pool = new ParsePool(script, Math.min(jobs, sources.length));
  try {
    const files = sources.map((src) => pool.parse(src.text, resolveVendor(src.vendor ?? '')?.vendor ?? run.dialect.vendor));
    for (let index = 0; index < sources.length; index++) {
      const src = sources[index]!;
      run.beginFile(index, src.text, src.vendor);
      const parsed = await files[index]!.each((stmt) => run.statement(stmt));
      run.endFile(index, parsed, src.text);
    }
  } finally {
    await pool.close();
  }
  return run.finish(sources);
}

/** A bug met while analyzing one statement, on one line: the error and where it was thrown. */
function internalMessage(err: unknown): string {
  const e = err instanceof Error ? err : new Error(String(err));
  const frame = /at .*?([\w.-]+\.[jt]s):(\d+)/.exec(e.stack ?? '');
  return `internal error, statement not analyzed (please report it): ${e.name}: ${e.message}${frame ? ` at ${frame[1]}:${frame[2]}` : ''}`;
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
