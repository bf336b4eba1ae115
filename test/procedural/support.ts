/**
 * Helpers for the procedural-code tests: the processes of an analysis with the tables each one
 * reads and writes and the routine it belongs to, the diagnostics, and the parsed statements.
 */
import { analyze } from '../../src/api.js';
import type { Statement } from '../../src/ast/nodes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { qualifiedName, type LineageGraph } from '../../src/graph/model.js';
import { parseText } from '../../src/parse/parse.js';
import type { AnalyzeOptions } from '../../src/options.js';
import { dialect } from '../helpers/dialects.js';
import { edgePairs } from '../helpers/lineage.js';

export interface Proc {
  procedure: string;
  reads: string[];
  writes: string[];
  /** 1-based line and column where the statement starts. */
  line: number;
  col: number;
}

export interface Analysis {
  graph: LineageGraph;
  diagnostics: Diagnostic[];
  procs: Proc[];
  /** fdd column pairs `src.col -> tgt.col` (tables, views, visible result sets). */
  pairs: string[];
  errors: string[];
  warnings: string[];
  notes: string[];
}

export function analyzeSql(sql: string, vendor: string, options: Partial<AnalyzeOptions> = {}): Analysis {
  const { graph, diagnostics } = analyze([{ path: 'a.sql', text: sql }], { vendor, ...options });
  const byId = new Map(graph.objects.map((o) => [o.id, o]));
  const names = (ids: number[] | undefined) => (ids ?? []).map((id) => qualifiedName(byId.get(id)!));
  // Data-moving statements only; routine calls (processes with a `callee`) are tested in calls.test.ts.
  const procs = graph.objects
    .filter((o) => o.type === 'process' && o.callee === undefined)
    .map((p) => ({ procedure: p.procedureName!, reads: names(p.reads), writes: names(p.writes), line: p.locs[0]!.line, col: p.locs[0]!.col }));
  const text = (severity: string) => diagnostics.filter((d) => d.severity === severity).map((d) => `${d.line}:${d.col} ${d.message}`);
  return { graph, diagnostics, procs, pairs: edgePairs(graph), errors: text('error'), warnings: text('warning'), notes: text('note') };
}

/** `procedure: reads -> writes` per process, for compact assertions. */
export function flows(a: Analysis): string[] {
  return a.procs.map((p) => `${p.procedure}: ${p.reads.join(',')} -> ${p.writes.join(',')}`);
}

/** The parsed statements (AST) of `sql`. */
export function statements(sql: string, vendor: string): Statement[] {
  return parseText(sql, dialect(vendor)).statements;
}
