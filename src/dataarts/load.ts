/**
 * `--with-lineage FILE.json`: DataArts lineage-info bodies (one object, or an array such as
 * `--format dataarts` writes), validated like the server validates them, merged into the graph.
 */
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineageGraph } from '../graph/model.js';
import { mergeManualLineage } from './merge.js';
import { lineageValidator, type LineageInfo } from './schema.js';

export interface LoadedLineage {
  bodies: LineageInfo[];
  /** Problems that make the file unusable (unreadable, not JSON, a body the schema refuses). */
  errors: Diagnostic[];
}

export async function loadLineageFile(path: string): Promise<LoadedLineage> {
  const fail = (message: string, pos?: { line: number; col: number }): LoadedLineage => ({
    bodies: [],
    errors: [{ severity: 'error', file: path, ...pos, message, code: 'InputError' }],
  });
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'lineage file not found' : `cannot read lineage file: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec((err as Error).message);
    return fail(`not JSON: ${(err as Error).message}`, at ? position(text, Number(at[1])) : undefined);
  }
  const bodies = Array.isArray(data) ? data : [data];
  const validate = await lineageValidator();
  for (let i = 0; i < bodies.length; i++) {
    const problem = validate(bodies[i]);
    if (problem) {
      const where = Array.isArray(data) ? `[${i}].${problem.field}` : problem.field;
      return fail(`not a DataArts lineage-info body: ${where}: ${problem.message}`);
    }
  }
  return { bodies: bodies as LineageInfo[], errors: [] };
}

export interface LoadedFiles {
  files: { path: string; bodies: LineageInfo[] }[];
  errors: Diagnostic[];
}

export async function loadLineageFiles(paths: string[]): Promise<LoadedFiles> {
  const out: LoadedFiles = { files: [], errors: [] };
  for (const path of paths) {
    const loaded = await loadLineageFile(path);
    out.errors.push(...loaded.errors);
    out.files.push({ path, bodies: loaded.bodies });
  }
  return out;
}

/** Merge loaded lineage files into `graph`; bodies that cannot be merged in full are warned about. */
export function mergeLoaded(graph: LineageGraph, loaded: LoadedFiles): { graph: LineageGraph; diagnostics: Diagnostic[]; processes: number } {
  const diagnostics: Diagnostic[] = [];
  let processes = 0;
  for (const { path, bodies } of loaded.files) {
    const merged = mergeManualLineage(graph, bodies);
    graph = merged.graph;
    processes += merged.processes;
    for (const p of merged.problems) diagnostics.push({ ...p, file: path });
  }
  return { graph, diagnostics, processes };
}

/** Load and merge; unusable files are reported as errors and not merged. */
export async function mergeLineageFiles(graph: LineageGraph, paths: string[]): Promise<{ graph: LineageGraph; diagnostics: Diagnostic[]; processes: number }> {
  const loaded = await loadLineageFiles(paths);
  const merged = mergeLoaded(graph, loaded);
  return { ...merged, diagnostics: [...loaded.errors, ...merged.diagnostics] };
}

function position(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length, col: offset - nl };
}
