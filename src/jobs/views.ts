/** The seeds' response envelopes and the job summaries built from records. */
import { readFile } from 'node:fs/promises';
import { render } from '../api.js';
import type { LineageGraph } from '../graph/model.js';
import { readBuffers } from '../inputs/read.js';
import type { OutputFormat } from '../options.js';
import { publicView, type JobRecord } from './record.js';
import type { JobStore } from './store.js';

export function ok(data: unknown): { code: 200; data: unknown } {
  return { code: 200, data };
}

/** `displayUserJobsSummary`: counts by status, the ids, the details. */
export function jobsSummary(records: JobRecord[]): Record<string, unknown> {
  const count = (s: string) => records.filter((r) => r.status === s).length;
  // Newest first, as SQLFlow lists jobs (the seed's list; the widget opens the first as "the latest").
  const newest = [...records].reverse();
  return {
    total: records.length,
    success: count('success'),
    partialSuccess: count('partialSuccess'),
    fail: count('fail'),
    jobIds: newest.map((r) => r.jobId),
    jobDetails: newest.map((r) => publicView(r, false)),
  };
}

/** A job has no lineage to export yet (still queued or running). */
export class NoResultYet extends Error {
  constructor(readonly record: JobRecord) {
    super(`job ${record.jobId} has no lineage yet (status ${record.status}); export it when the status is success, partialSuccess or fail`);
  }
}

export interface ExportOptions {
  format: OutputFormat;
  tableToTable: boolean;
  delimiter: string;
}

/** The job's last lineage in `format`: the same `render()` as `sqlflow analyze`. */
export async function exportJob(store: JobStore, record: JobRecord, opts: ExportOptions): Promise<string> {
  const graph = record.resultRevision === undefined ? undefined : await store.readResult(record.jobId);
  if (!graph) throw new NoResultYet(record);
  return render(graph, { ...opts, jobName: record.jobName, sources: await jobSources(store, record, graph) });
}

/** The job's input texts by the graph's file index (the HTML viewer shows each statement's SQL). */
export async function jobSources(store: JobStore, record: JobRecord, graph: LineageGraph): Promise<(string | null)[]> {
  const files = [];
  for (const f of record.files) files.push({ path: f.name, bytes: await readFile(store.filePath(record.jobId, f)) });
  const input = await readBuffers(files);
  const byPath = new Map(input.files.map((f) => [f.path, f.text]));
  return graph.files.map((path) => byPath.get(path) ?? null);
}
