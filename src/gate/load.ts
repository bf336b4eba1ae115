/**
 * One side of a gate run: SQL inputs (files, directories, globs, zips, stdin) analyzed into a gate
 * graph, or a lineage JSON document written earlier by `analyze`. Input problems are returned,
 * never thrown: the CLI turns them into exit 2.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ReadInputsOptions, ReadInputsResult, SourceFile } from '../inputs/types.js';
import type { AnalyzeOptions } from '../options.js';
import type { CheckSide } from './check.js';
import { buildGateGraph } from './graph.js';
import { graphFromLineageJson, isLineageDocument } from './lineage-json.js';

export interface LoadDeps {
  /** The config's vendor of a file (by its path as shown), when it maps one. */
  vendorOf?: (path: string) => string | undefined;
  readInputs(specs: string[], opts?: ReadInputsOptions): Promise<ReadInputsResult>;
  analyze(sources: SourceFile[], options?: Partial<AnalyzeOptions>): Pick<import('../api.js').LineageResult, 'graph' | 'diagnostics'> & Partial<Pick<import('../api.js').LineageResult, 'changes' | 'tables'>>;
}

export interface LoadedSide {
  side?: CheckSide;
  /** Input diagnostics (missing files, empty globs, ...). */
  diagnostics: Diagnostic[];
  /** An input could not be read at all, or there was no input: exit 2. */
  fatal: boolean;
  statements: number;
}

/** Relation types the gate always analyzes with: a read in a WHERE or a join is still a read. */
const ALL_READS: AnalyzeOptions['relationTypes'] = ['fdd', 'fdr', 'join'];

export async function loadSide(
  label: string,
  specs: string[],
  options: Partial<AnalyzeOptions>,
  deps: LoadDeps,
  read: ReadInputsOptions = {},
  allowEmpty = false,
): Promise<LoadedSide> {
  if (specs.length === 1 && /\.json$/i.test(specs[0]!)) {
    const path = specs[0]!;
    let doc: unknown;
    try {
      doc = JSON.parse(await readFile(resolve(read.cwd ?? '.', path), 'utf8'));
    } catch (err) {
      const message = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not a lineage JSON document: ${(err as Error).message}`;
      return { diagnostics: [{ severity: 'error', file: path, message, code: 'InputError' }], fatal: true, statements: 0 };
    }
    if (!isLineageDocument(doc)) {
      return { diagnostics: [{ severity: 'error', file: path, message: "not a lineage JSON document of 'sqlflow analyze' (no data.sqlflow.dbobjs/relationships)", code: 'InputError' }], fatal: true, statements: 0 };
    }
    const { graph, diagnostics } = graphFromLineageJson(doc, path);
    // `analyze` writes fdd only by default: compare the types the document holds (fdd at least).
    const recorded = [...new Set(['fdd', ...graph.edges.map((e) => e.type)])];
    return { side: { gg: buildGateGraph(graph), graph, diagnostics, files: graph.files, changes: [], tables: [], recorded }, diagnostics: [], fatal: false, statements: graph.edges.length };
  }
  const input = await deps.readInputs(specs, read);
  if (input.fatal) return { diagnostics: input.diagnostics, fatal: true, statements: 0 };
  const relationTypes = [...new Set([...(options.relationTypes ?? []), ...ALL_READS])];
  const files = deps.vendorOf ? input.files.map((f) => withVendor(f, deps.vendorOf!(f.path))) : input.files;
  const result = deps.analyze(files, { ...options, relationTypes });
  const statements = result.graph.statements.total;
  if (!allowEmpty && (input.files.length === 0 || statements === 0)) {
    const what = input.files.length === 0 ? 'no SQL files' : 'no SQL statements';
    const d: Diagnostic = { severity: 'error', code: 'InputError', message: `${label}: ${what} in ${specs.map((s) => `'${s}'`).join(', ')}; a gate never passes on no input` };
    return { diagnostics: [...input.diagnostics, d], fatal: true, statements };
  }
  const side: CheckSide = {
    gg: buildGateGraph(result.graph),
    graph: result.graph,
    sources: files.map((f) => f.text),
    diagnostics: result.diagnostics,
    files: result.graph.files,
    changes: result.changes ?? [],
    tables: result.tables ?? [],
  };
  return { side, diagnostics: input.diagnostics, fatal: false, statements };
}

function withVendor(f: SourceFile, vendor: string | undefined): SourceFile {
  return vendor === undefined ? f : { ...f, vendor };
}
