/** The samples as the viewer tests use them: graph, sources and the HTML page, in memory. */
import { readdirSync, readFileSync } from 'node:fs';
import { analyze, render } from '../../src/api.js';
import type { LineageGraph } from '../../src/graph/model.js';
import type { AnalyzeOptions } from '../../src/options.js';
import { repoPath } from '../helpers/paths.js';

export interface Sample {
  name: string;
  graph: LineageGraph;
  html: string;
}

export const SAMPLES: Record<string, Partial<AnalyzeOptions>> = {
  warehouse: { schemaFiles: [repoPath('samples/warehouse/schema.json')] },
  mssql: { vendor: 'dbvmssql' },
  oracle: { vendor: 'dbvoracle' },
};

export function sqlFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(repoPath(dir))
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(repoPath(dir, f), 'utf8') }));
}

export function htmlOf(sources: { path: string; text: string }[], options: Partial<AnalyzeOptions>): Sample {
  const graph = analyze(sources, options).graph;
  const html = render(graph, { format: 'html', tableToTable: false, delimiter: ',', sources: sources.map((s) => s.text) });
  return { name: sources[0]?.path ?? '', graph, html };
}

export function sample(name: string): Sample {
  return { ...htmlOf(sqlFiles(`samples/${name}`), SAMPLES[name]!), name };
}

/** What the viewer must draw for a graph, computed independently of the viewer's code. */
export function expectedDrawing(graph: LineageGraph): { tables: number; columns: number; labels: string[] } {
  const touched = new Set(graph.edges.flatMap((e) => [e.source.columnId, e.target.columnId]));
  const labels: string[] = [];
  let tables = 0;
  for (const o of graph.objects) {
    if (o.type === 'process') continue;
    tables++;
    const name = [o.database, o.schema, o.name].filter(Boolean).join('.');
    for (const c of o.columns) if (!c.system || touched.has(c.id)) labels.push(`${name}.${c.name}`);
  }
  return { tables, columns: labels.length, labels };
}

/** `table.column` labels downstream of a column (transitively) over every edge of the graph. */
export function downstream(graph: LineageGraph, label: string): string[] {
  const names = new Map<number, string>();
  for (const o of graph.objects) {
    const name = [o.database, o.schema, o.name].filter(Boolean).join('.');
    for (const c of o.columns) names.set(c.id, `${name}.${c.name}`);
  }
  const start = [...names].find(([, n]) => n === label)?.[0];
  if (start === undefined) throw new Error(`no column ${label}`);
  const out = new Map<number, number[]>();
  for (const e of graph.edges) (out.get(e.source.columnId) ?? out.set(e.source.columnId, []).get(e.source.columnId)!).push(e.target.columnId);
  const seen = new Set<number>([start]);
  const stack = [start];
  while (stack.length > 0) for (const n of out.get(stack.pop()!) ?? []) if (!seen.has(n)) stack.push(n), seen.add(n);
  return [...seen].map((id) => names.get(id)!).sort();
}
