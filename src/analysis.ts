/**
 * One analysis run, fed statement by statement in input order: files are begun, their statements
 * resolved and folded one at a time (so only the shaped graph is held), then ended with their
 * parse results. `analyze` (src/api.ts) parses on the calling thread; `analyzeParallel` parses in
 * worker threads (src/parse/pool.ts) and feeds the same object, so both give the same bytes.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { createRequire } from 'node:module';
import type { Statement } from './ast/nodes.js';
import { defaultDialect, resolveVendor } from './dialects/registry.js';
import type { DialectSpec } from './dialects/spec.js';
import type { Diagnostic, TextDiagnostic } from './diagnostics/diagnostic.js';
import { Problem } from './diagnostics/problem.js';
import { PackedColumn } from './graph/column.js';
import { LineIndex } from './graph/lines.js';
import { forgetLastMatch } from './graph/names.js';
import type { LineageGraph } from './graph/model.js';
import { Shaper } from './graph/shape.js';
import { DEFAULT_ANALYZE_OPTIONS, type AnalyzeOptions } from './options.js';
import { JINJA_HINT, jinjaOffset } from './parse/hints.js';
import { vendorHint } from './parse/hint.js';
import { DEEP_MESSAGE } from './parse/parse.js';
import type { SchemaChange } from './resolve/changes.js';
import { Context } from './resolve/context.js';
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

/**
 * The result as plain data, for sending to another thread: a problem is a view over the run's
 * problem log and a column packs its occurrences (getters do not survive structured cloning), so
 * each becomes the plain object it stands for (a problem: the same object in `diagnostics` and in
 * `graph.errors`).
 */
export function plainResult(result: LineageResult): LineageResult {
  const plain = new Map<unknown, Diagnostic>();
  const detach = <T,>(d: T): T => {
    if (!(d instanceof Problem)) return d;
    let p = plain.get(d);
    if (!p) plain.set(d, (p = d.toJSON() as unknown as Diagnostic));
    return p as unknown as T;
  };
  const objects = result.graph.objects.map((o) => ({ ...o, columns: o.columns.map((c) => (c instanceof PackedColumn ? c.toJSON() : c)) }));
  return { ...result, diagnostics: result.diagnostics.map(detach), graph: { ...result.graph, objects, errors: result.graph.errors.map(detach) } };
}

export interface KnownTable {
  /** Match key: `db.schema.name`, parts folded by the dialect's case rule, absent parts empty. */
  key: string;
  kind: 'table' | 'view' | 'function';
  columns: string[];
  origin: 'schema' | 'session';
}

/** What parsing a file yields besides its statements. */
export interface FileParse {
  attempted: number;
  failed: number;
  problems: TextDiagnostic[];
  /** Offset of a T-SQL `GO` line in a file of another dialect (-1 or absent: none). */
  foreignGo?: number;
}

function internalMessage(err: unknown): string {
  const e = err instanceof Error ? err : new Error(String(err));
  const frame = /at .*?([\w.-]+\.[jt]s):(\d+)/.exec(e.stack ?? '');
  return `internal error, statement not analyzed (please report it): ${e.name}: ${e.message}${frame ? ` at ${frame[1]}:${frame[2]}` : ''}`;
}

/**
 * The analysis would outgrow the JavaScript heap: stopped before V8 aborts the process, with what
 * to do instead.
 */
export class CapacityError extends Error {
  constructor(usedMB: number, limitMB: number, statements: number) {
    super(
      `out of memory: after ${statements.toLocaleString('en-US')} statements the analysis uses ${usedMB} MB of the ${limitMB} MB JavaScript heap. ` +
        'Analyze fewer files per run, give --schema (fewer warnings to keep), or raise the limit: NODE_OPTIONS=--max-old-space-size=<MB>',
    );
    this.name = 'CapacityError';
  }
}

/** A full garbage collection (V8's `gc`, exposed on first use: it is not a function of Node's API). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  // node:vm only here (a run near its heap limit): not loaded by every run.
  const { runInNewContext } = createRequire(import.meta.url)('node:vm') as typeof import('node:vm');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  gc?.();
}

/** Share of the heap limit past which the analysis stops (the rest is left for writing the document). */
const HEAP_SHARE = 0.85;
const CHECK_EVERY = 512;

export interface AnalysisLimits {
  /** Heap size in bytes treated as the limit (default: V8's heap_size_limit). */
  heapLimit?: number;
}

export class Analysis {
  readonly dialect: DialectSpec;
  private readonly heapLimit: number;
  private statements = 0;
  private readonly ctx: Context;
  private readonly resolver: StatementResolver;
  private readonly shaper: Shaper;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly lineIndexes: LineIndex[] = [];
  private total = 0;
  private saidGo = false;
  private failed = 0;

  constructor(options: Partial<AnalyzeOptions> = {}, limits: AnalysisLimits = {}) {
    this.heapLimit = limits.heapLimit ?? getHeapStatistics().heap_size_limit;
    const opts: AnalyzeOptions = { ...DEFAULT_ANALYZE_OPTIONS, ...options };
    this.dialect = resolveVendor(opts.vendor) ?? defaultDialect();
    const ctx = (this.ctx = new Context(this.dialect, opts));
    for (const path of opts.schemaFiles) {
      const loaded = loadSchemaFile(ctx, path);
      const lines = new LineIndex(loaded.text);
      for (const p of loaded.problems) {
        const pos = p.offset === undefined ? {} : lines.position(p.offset);
        this.diagnostics.push({ ...p, file: path, ...pos });
      }
    }
    this.resolver = new StatementResolver(ctx);
    this.shaper = new Shaper(opts);
    this.flush(0);
  }

  /** Each statement's raw graph is folded as soon as the statement is resolved (see graph/shape.ts). */
  private flush(offset: number): void {
    const ctx = this.ctx;
    const batch = ctx.b.drain();
    const crossed = this.shaper.crossed;
    this.shaper.add(batch.objects, batch.edges, batch.firstId);
    ctx.resultSets.clear();
    if (this.shaper.crossed > crossed) ctx.problem('warning', offset, 'internal: lineage through a result set of an earlier statement could not be folded', 'AnalysisError');
  }

  /**
   * Starts file `index`; returns the dialect to parse it with. Names keep the run's case rule (one
   * catalog); parsing and resolution follow the file's dialect.
   */
  beginFile(index: number, text: string, vendor?: string): DialectSpec {
    this.ctx.setFile(index, text);
    this.lineIndexes[index] = this.ctx.lines;
    const fileDialect = resolveVendor(vendor ?? '') ?? this.dialect;
    this.ctx.dialect = fileDialect;
    return fileDialect;
  }

  statement(stmt: Statement): void {
    this.ctx.parsed = stmt;
    try {
      this.resolver.statement(stmt);
    } catch (err) {
      // A CapacityError stops the run; any other failure (too deep, or a bug) fails this statement alone.
      if (err instanceof CapacityError) throw err;
      this.ctx.problem('error', stmt.start, err instanceof RangeError ? DEEP_MESSAGE : internalMessage(err), 'AnalysisError');
      this.failed++;
    } finally {
      this.ctx.parsed = undefined;
    }
    this.flush(stmt.start);
    if (++this.statements % CHECK_EVERY === 0) this.checkHeap();
  }

  private checkHeap(): void {
    let used = getHeapStatistics().used_heap_size;
    if (used <= this.heapLimit * HEAP_SHARE) return;
    // The used size counts garbage not yet collected (up to a fifth more than what is live, with
    // the CLI's heap growth): collect once before deciding, so only a heap that is truly full stops the run.
    collectGarbage();
    used = getHeapStatistics().used_heap_size;
    if (used > this.heapLimit * HEAP_SHARE) {
      throw new CapacityError(Math.round(used / 1048576), Math.round(this.heapLimit / 1048576), this.statements);
    }
  }

  endFile(index: number, parsed: FileParse, text: string): void {
    this.total += parsed.attempted;
    this.failed += parsed.failed;
    // A template (dbt model) is not SQL of any dialect yet: it gets the Jinja hint, not a vendor hint.
    const jinja = jinjaOffset(text);
    if (jinja >= 0) this.ctx.problems.push('note', index, jinja, JINJA_HINT, 'SyntaxHint');
    else if (parsed.failed > 0) {
      const hint = vendorHint(text, this.ctx.dialect);
      if (hint) this.ctx.problems.push('note', index, 0, hint, 'VendorHint');
    }
    for (const p of parsed.problems) {
      this.ctx.problems.push(p.severity, index, p.offset, p.message, p.code);
    }
    if (parsed.foreignGo !== undefined && parsed.foreignGo >= 0 && !this.saidGo) {
      this.saidGo = true;
      this.ctx.problems.push('note', index, parsed.foreignGo, 'GO is a batch separator of T-SQL: try -t mssql', 'SyntaxHint');
    }
  }

  /** Drops the texts of `sources` (every file analyzed), unless a statement was too deep: the big-stack rerun reads them. */
  releaseTexts(sources: SourceInput[]): void {
    if (this.ctx.problems.has(DEEP_MESSAGE)) return;
    for (const s of sources) s.text = '';
    this.ctx.text = '';
    forgetLastMatch();
  }

  finish(sources: readonly SourceInput[]): LineageResult {
    for (const { stmt, at } of this.resolver.endRun()) this.ctx.inFile(at, () => this.statement(stmt));
    this.flush(0);
    const diagnostics = this.diagnostics;
    const errors: Diagnostic[] = [];
    // Each kept problem is one object, listed both as a diagnostic and (unless a note) as a JSON error.
    for (const p of this.ctx.problems.placed(sources.map((s) => s.path), this.lineIndexes)) {
      diagnostics.push(p);
      if (p.severity !== 'note') errors.push(p);
    }
    const statements = { total: this.total, failed: this.failed };
    const graph = this.shaper.finish({ vendor: this.dialect.vendor, files: sources.map((s) => s.path), errors, statements });
    const changes = this.ctx.changes.map(({ file, offset, ...c }): SchemaChange => ({ ...c, file: sources[file]?.path, ...(this.lineIndexes[file] ?? new LineIndex('')).position(offset) }));
    const tables = this.ctx.catalog.list().map(([key, e]): KnownTable => ({ key, kind: e.kind, columns: [...e.columns], origin: e.origin }));
    return { graph, diagnostics, changes, tables };
  }
}
