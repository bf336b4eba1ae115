/**
 * Lineage assertions in the style of sqllineage's tests: run the real analyzer on a little SQL and
 * reduce the shaped graph to sorted `source_table.column -> target_table.column` strings.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, type LineageResult } from '../../src/api.js';
import { qualifiedName, type EffectType, type LineageGraph, type LineageObject, type RelationType } from '../../src/graph/model.js';
import type { AnalyzeOptions } from '../../src/options.js';

export type Sql = string | string[];

/** Analyze one SQL text (`a.sql`) or several files (`1.sql`, `2.sql`, ...) in one analysis. */
export function run(sql: Sql, options: Partial<AnalyzeOptions> = {}): LineageResult {
  const texts = typeof sql === 'string' ? [sql] : sql;
  const sources = texts.map((text, i) => ({ path: typeof sql === 'string' ? 'a.sql' : `${i + 1}.sql`, text }));
  return analyze(sources, options);
}

/** Objects an assertion may name as a target: tables, views and the visible result sets. */
function isTarget(o: LineageObject): boolean {
  return o.type === 'table' || o.type === 'view' || o.type === 'select_list';
}

export interface PairFilter {
  /** Relation type of the edges to keep (default `fdd`). */
  type?: RelationType;
  /** Keep edges into RelationRows (default: only for `fdr`). */
  rows?: boolean;
  /**
   * Keep edges out of a RelationRows column (row count → aggregate, rows → rows). Off by default:
   * the pairs are about columns.
   */
  sourceRows?: boolean;
  /** Append `[effectType]` to each pair. */
  effect?: boolean;
}

/**
 * `src.col -> tgt.col` for every edge of `type` whose target is a table, view or visible result
 * set; sorted and deduplicated. Object names are qualified as written (`db.schema.name`).
 */
export function edgePairs(graph: LineageGraph, filter: PairFilter = {}): string[] {
  const type = filter.type ?? 'fdd';
  const rows = filter.rows ?? type === 'fdr';
  const objects = new Map(graph.objects.map((o) => [o.id, o]));
  const out = new Set<string>();
  for (const e of graph.edges) {
    if (e.type !== type) continue;
    const so = objects.get(e.source.objectId);
    const to = objects.get(e.target.objectId);
    if (!so || !to || !isTarget(to)) continue;
    const sc = so.columns.find((c) => c.id === e.source.columnId);
    const tc = to.columns.find((c) => c.id === e.target.columnId);
    if (!sc || !tc) continue;
    if (!rows && tc.system) continue;
    if (!filter.sourceRows && sc.system) continue;
    const pair = `${qualifiedName(so)}.${sc.name} -> ${qualifiedName(to)}.${tc.name}`;
    out.add(filter.effect ? `${pair} [${e.effectType}]` : pair);
  }
  return [...out].sort();
}

/** fdd column pairs of `sql` (RelationRows flows left out). */
export function pairs(sql: Sql, options: Partial<AnalyzeOptions> = {}): string[] {
  return edgePairs(run(sql, options).graph);
}

/** fdr pairs (into RelationRows) of `sql`, analyzed with `relationTypes: ['fdd', 'fdr']`. */
export function rowPairs(sql: Sql, options: Partial<AnalyzeOptions> = {}): string[] {
  return edgePairs(run(sql, { relationTypes: ['fdd', 'fdr'], ...options }).graph, { type: 'fdr' });
}

/** Effect types of the edges, as `pair [effect]`. */
export function effects(sql: Sql, options: Partial<AnalyzeOptions> = {}): string[] {
  return edgePairs(run(sql, options).graph, { effect: true });
}

/** Sort a literal list of expected pairs (so tests can list them in reading order). */
export function sorted(list: string[]): string[] {
  return [...list].sort();
}

const schemaDirs: string[] = [];

/** Write a --schema file into a fresh temporary directory and return its path. */
export function schemaFile(name: string, content: string | object): string {
  const dir = mkdtempSync(join(tmpdir(), 'sqlflow-schema-'));
  schemaDirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** Remove the directories made by `schemaFile` (call from afterAll). */
export function removeSchemaFiles(): void {
  for (const dir of schemaDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The effect type of each process, in order. */
export function processEffects(graph: LineageGraph): (EffectType | undefined)[] {
  return graph.objects.filter((o) => o.type === 'process').map((o) => o.effectType);
}
