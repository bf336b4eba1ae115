/**
 * Huawei DataArts "Creating a Lineage" request bodies (SPEC §3.4, seeds/003): a JSON array with
 * one body per process, `POST /v1/{project_id}/lineage/lineage-info` each.
 *
 * - `job_id` = opts.jobName (default `sqlflow`), `node_name` = the process name.
 * - input_tables: the process's reads, then any other table/view an fdd edge of the process comes
 *   from; output_tables: its writes, then any other table/view an fdd edge goes to.
 * - column_lineages: the process's fdd edges between table/view columns (RelationRows excluded:
 *   row-set flow is what the table lists say), grouped by target column, sources in edge order.
 *   Empty with --table-to-table. Edges through result sets shown by --show-intermediate are not
 *   folded here (writers never re-derive lineage); only dataset-to-dataset edges are sent.
 * - Limits (seed): 1–100 tables a side, 0–100 column lineages, 1–100 columns a side. A lineage
 *   with more than 100 input columns becomes several lineages with the same output column. When
 *   both table lists fit, bodies carry the full lists and at most 100 lineages each. Otherwise the
 *   table lists are cut into chunks of 100 and one body is written per (input chunk, output chunk),
 *   followed by bodies that hold the column lineages, each listing just the tables its lineages use.
 *   Nothing is dropped.
 * - A process with no input table or no output table is omitted: the API requires at least one
 *   of each (e.g. `INSERT ... VALUES`, a plain `CREATE TABLE`, a plain SELECT).
 */
import { isDataset, type LineageColumn, type LineageEdge, type LineageGraph, type LineageObject } from '../graph/model.js';
import type { WriteOptions } from '../options.js';
import { ChunkBuffer } from './chunks.js';
import { GraphIndex, knownParts } from './common.js';

export const DATAARTS_LIMITS = { tables: 100, columnLineages: 100, columns: 100 } as const;
export const DEFAULT_JOB_ID = 'sqlflow';

export interface TableInfoV2 {
  database?: string;
  schema?: string;
  table: string;
}

export interface ColumnDetails extends TableInfoV2 {
  column: string;
}

export interface ColumnLineageV2 {
  input_columns: ColumnDetails[];
  output_columns: ColumnDetails[];
}

export interface LineageBody {
  job_id: string;
  node_name: string;
  table_lineage: { input_tables: TableInfoV2[]; output_tables: TableInfoV2[]; column_lineages: ColumnLineageV2[] };
}

interface ColumnRef {
  object: LineageObject;
  column: LineageColumn;
}

interface Lineage {
  inputs: ColumnRef[];
  output: ColumnRef;
}

/** The JSON array of bodies, streamed one body at a time (the bytes of `JSON.stringify(bodies)`). */
export function* writeDataArts(graph: LineageGraph, opts: WriteOptions): Generator<string, void, undefined> {
  const out = new ChunkBuffer();
  let sep = '[';
  for (const body of eachBody(graph, opts)) {
    if (out.add(`${sep}${JSON.stringify(body)}`)) yield out.take();
    sep = ',';
  }
  out.add(sep === '[' ? '[]\n' : ']\n');
  yield out.take();
}

export function dataArtsBodies(graph: LineageGraph, opts: WriteOptions): LineageBody[] {
  return [...eachBody(graph, opts)];
}

function* eachBody(graph: LineageGraph, opts: WriteOptions): Generator<LineageBody> {
  const ix = new GraphIndex(graph);
  const jobId = opts.jobName ?? DEFAULT_JOB_ID;
  const edgesOf = ix.edgesByProcess();
  for (const p of ix.processes()) {
    const lineages = opts.tableToTable ? [] : processLineages(ix, edgesOf.get(p.id) ?? []);
    const inputs = unique([...ix.datasets(p.reads), ...lineages.flatMap((l) => l.inputs.map((c) => c.object))]);
    const outputs = unique([...ix.datasets(p.writes), ...lineages.map((l) => l.output.object)]);
    if (inputs.length === 0 || outputs.length === 0) continue;
    const body = (ins: LineageObject[], outs: LineageObject[], ls: Lineage[]): LineageBody => ({
      job_id: jobId,
      node_name: p.name,
      table_lineage: {
        input_tables: ins.map(tableInfo),
        output_tables: outs.map(tableInfo),
        column_lineages: ls.map((l) => ({ input_columns: l.inputs.map(columnDetails), output_columns: [columnDetails(l.output)] })),
      },
    });
    const pieces = lineages.flatMap(splitInputs);
    if (inputs.length <= DATAARTS_LIMITS.tables && outputs.length <= DATAARTS_LIMITS.tables) {
      const groups = chunk(pieces, DATAARTS_LIMITS.columnLineages);
      for (const ls of groups.length === 0 ? [[]] : groups) yield body(inputs, outputs, ls);
      continue;
    }
    for (const ins of chunk(inputs, DATAARTS_LIMITS.tables)) {
      for (const outs of chunk(outputs, DATAARTS_LIMITS.tables)) yield body(ins, outs, []);
    }
    for (const g of packLineages(pieces)) yield body(g.inputs, g.outputs, g.lineages);
  }
}

/** A process's fdd edges between dataset columns, grouped by target column. */
function processLineages(ix: GraphIndex, edges: LineageEdge[]): Lineage[] {
  const byTarget = new Map<string, { lineage: Lineage; seen: Set<string> }>();
  for (const e of edges) {
    if (e.type !== 'fdd') continue;
    const s = ix.resolve(e.source);
    const t = ix.resolve(e.target);
    if (!s || !t || !isDataset(s.object) || !isDataset(t.object) || s.column.system || t.column.system) continue;
    const key = `${t.object.id}:${t.column.id}`;
    let entry = byTarget.get(key);
    if (!entry) {
      entry = { lineage: { inputs: [], output: { object: t.object, column: t.column } }, seen: new Set() };
      byTarget.set(key, entry);
    }
    const sourceKey = `${s.object.id}:${s.column.id}`;
    if (!entry.seen.has(sourceKey)) {
      entry.seen.add(sourceKey);
      entry.lineage.inputs.push({ object: s.object, column: s.column });
    }
  }
  return [...byTarget.values()].map((e) => e.lineage);
}

/** A lineage with more than 100 input columns → several lineages of the same output column. */
function splitInputs(l: Lineage): Lineage[] {
  return chunk(l.inputs, DATAARTS_LIMITS.columns).map((inputs) => ({ inputs, output: l.output }));
}

/** Greedy packing of lineages into bodies within the lineage and table limits. */
function packLineages(lineages: Lineage[]): { inputs: LineageObject[]; outputs: LineageObject[]; lineages: Lineage[] }[] {
  const groups: { inputs: LineageObject[]; outputs: LineageObject[]; lineages: Lineage[] }[] = [];
  let current: (typeof groups)[number] | undefined;
  for (const l of lineages) {
    const ins = unique(l.inputs.map((c) => c.object));
    const fits =
      current !== undefined &&
      current.lineages.length < DATAARTS_LIMITS.columnLineages &&
      unique([...current.inputs, ...ins]).length <= DATAARTS_LIMITS.tables &&
      unique([...current.outputs, l.output.object]).length <= DATAARTS_LIMITS.tables;
    if (!fits || current === undefined) {
      current = { inputs: [], outputs: [], lineages: [] };
      groups.push(current);
    }
    current.inputs = unique([...current.inputs, ...ins]);
    current.outputs = unique([...current.outputs, l.output.object]);
    current.lineages.push(l);
  }
  return groups;
}

function tableInfo(o: LineageObject): TableInfoV2 {
  return { ...knownParts(o), table: o.name };
}

function columnDetails(c: ColumnRef): ColumnDetails {
  return { ...tableInfo(c.object), column: c.column.name };
}

function unique(objects: LineageObject[]): LineageObject[] {
  const seen = new Set<number>();
  return objects.filter((o) => !seen.has(o.id) && (seen.add(o.id), true));
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
