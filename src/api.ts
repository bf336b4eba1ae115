/**
 * The library API: `analyze(sources, options) → LineageResult`. The CLI, jobs and the server are
 * thin shells over this function.
 */
import { defaultDialect, resolveVendor } from './dialects/registry.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { LineIndex } from './graph/lines.js';
import type { LineageError, LineageGraph } from './graph/model.js';
import { Shaper } from './graph/shape.js';
import { DEFAULT_ANALYZE_OPTIONS, type AnalyzeOptions } from './options.js';
import type { Statement } from './ast/nodes.js';
import type { DialectSpec } from './dialects/spec.js';
import { analyzeOnBigStack } from './deep/run.js';
import { JINJA_HINT, jinjaOffset } from './parse/hints.js';
import { vendorHint } from './parse/hint.js';
import { DEEP_MESSAGE, parseText, type ParsedFile } from './parse/parse.js';
import { Context } from './resolve/context.js';
import type { SchemaChange } from './resolve/changes.js';
import { loadSchemaFile } from './resolve/schema.js';
import { StatementResolver } from './resolve/statements.js';

export interface SourceInput {
  path: string;
  text: string;
  /** This file's vendor, when it differs from `options.vendor` (mixed dialects in one run). */
  vendor?: string;
}

export interface LineageResult {
  graph: LineageGraph;
  diagnostics: Diagnostic[];
  /** Schema changes written in the inputs (ALTER TABLE ... COLUMN, DROP TABLE/VIEW, RENAME, sp_rename), in input order. */
  changes: SchemaChange[];
  /** Tables and views known at the end of the run (DDL, --schema, and the changes applied), by match key `db.schema.name`. */
  tables: KnownTable[];
}

export interface KnownTable {
  /** Match key: `db.schema.name`, parts folded by the dialect's case rule, absent parts empty. */
  key: string;
  kind: 'table' | 'view';
  columns: string[];
  origin: 'schema' | 'session';
}

export type { SchemaChange } from './resolve/changes.js';

export { render } from './writers/index.js';
export { writeDiffHtml, writeImpactHtml } from './viewer/pages.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
export type { LineageGraph, RelationType, Severity } from './graph/model.js';
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
export function analyzeHere(sources: SourceInput[], opts: AnalyzeOptions, hooks: AnalyzeHooks = {}): LineageResult {
  const dialect = resolveVendor(opts.vendor) ?? defaultDialect();
  const ctx = new Context(dialect, opts);
  const diagnostics: Diagnostic[] = [];
  const errors: LineageError[] = [];

  for (const path of opts.schemaFiles) {
    const loaded = loadSchemaFile(ctx, path);
    const lines = new LineIndex(loaded.text);
    for (const p of loaded.problems) {
      const pos = p.offset === undefined ? {} : lines.position(p.offset);
      diagnostics.push({ severity: p.severity, file: path, ...pos, message: p.message, errorType: p.invalid ? 'SchemaInvalid' : 'SchemaError' });
    }
  }

  const resolver = new StatementResolver(ctx);
  const shaper = new Shaper(opts);
  // Each statement's raw graph is folded as soon as the statement is resolved (see graph/shape.ts).
  const flush = (offset: number) => {
    const batch = ctx.b.drain();
    const crossed = shaper.crossed;
    shaper.add(batch.objects, batch.edges, batch.firstId);
    ctx.resultSets.clear();
    if (shaper.crossed > crossed) ctx.problem('warning', offset, 'internal: lineage through a result set of an earlier statement could not be folded', 'AnalysisError');
  };
  flush(0);
  let total = 0;
  let failed = 0;
  const lineIndexes: LineIndex[] = [];
  let saidGo = false;
  sources.forEach((src, index) => {
    ctx.setFile(index, src.text);
    lineIndexes[index] = ctx.lines;
    // Names keep the run's case rule (one catalog); parsing and resolution follow the file's dialect.
    const fileDialect = resolveVendor(src.vendor ?? '') ?? dialect;
    ctx.dialect = fileDialect;
    const onStatement = (stmt: Statement) => {
      try {
        resolver.statement(stmt);
      } catch (err) {
        // One statement that cannot be analyzed (too deep, or a bug) fails alone; the run goes on.
        ctx.problem('error', stmt.start, err instanceof RangeError ? DEEP_MESSAGE : internalMessage(err), 'AnalysisError');
        failed++;
      }
      flush(stmt.start);
    };
    const parsed = hooks.parseCache ? cachedParse(hooks.parseCache, src.text, fileDialect, onStatement) : parseText(src.text, fileDialect, onStatement);
    total += parsed.attempted;
    failed += parsed.failed;
    // A template (dbt model) is not SQL of any dialect yet: it gets the Jinja hint, not a vendor hint.
    const jinja = jinjaOffset(src.text);
    if (jinja >= 0) ctx.problems.push({ severity: 'note', file: index, offset: jinja, message: JINJA_HINT, errorType: 'SyntaxHint' });
    else if (parsed.failed > 0) {
      const hint = vendorHint(src.text, fileDialect);
      if (hint) ctx.problems.push({ severity: 'note', file: index, offset: 0, message: hint, errorType: 'VendorHint' });
    }
    for (const p of parsed.problems) {
      ctx.problems.push({ severity: p.severity, file: index, offset: p.offset, message: p.message, errorType: p.severity === 'error' ? 'SyntaxError' : 'SyntaxHint' });
    }
    if (parsed.foreignGo >= 0 && !saidGo) {
      saidGo = true;
      ctx.problems.push({ severity: 'note', file: index, offset: parsed.foreignGo, message: 'GO is a batch separator of T-SQL: try -t mssql', errorType: 'SyntaxHint' });
    }
  });

  flush(0);

  // In position order; the same warning or note twice at one position is reported once (each
  // error stands for one failed statement, so errors are all kept).
  const sorted = ctx.problems.sort((a, b) => a.file - b.file || a.offset - b.offset);
  const problems = sorted.filter((p, i) => {
    if (p.severity === 'error') return true;
    for (let j = i - 1; j >= 0 && sorted[j]!.file === p.file && sorted[j]!.offset === p.offset; j--) if (sorted[j]!.message === p.message) return false;
    return true;
  });
  for (const p of problems) {
    const lines = lineIndexes[p.file] ?? new LineIndex('');
    const pos = lines.position(p.offset);
    diagnostics.push({ severity: p.severity, file: sources[p.file]?.path, line: pos.line, col: pos.col, message: p.message, errorType: p.errorType });
    if (p.severity !== 'note') {
      errors.push({ severity: p.severity, errorType: p.errorType, message: p.message, loc: { file: p.file, line: pos.line, col: pos.col, endLine: pos.line, endCol: pos.col } });
    }
  }

  const graph = shaper.finish({ vendor: dialect.vendor, files: sources.map((s) => s.path), errors, statements: { total, failed } });
  const changes = ctx.changes.map(({ file, offset, ...c }): SchemaChange => ({ ...c, file: sources[file]?.path, ...(lineIndexes[file] ?? new LineIndex('')).position(offset) }));
  const tables = ctx.catalog.list().map(([key, e]): KnownTable => ({ key, kind: e.kind, columns: [...e.columns], origin: e.origin }));
  return { graph, diagnostics, changes, tables };
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
