/**
 * Running a job: the same `analyze()` as `sqlflow analyze`, on the job's stored files.
 *
 * 1. Under the job's lock: read the record and the files' bytes (a consistent snapshot), mark the
 *    job `running`.
 * 2. Without the lock: analyze (a long analysis never blocks other submits or readers).
 * 3. Under the lock again: commit the result only if no submit came in meanwhile (same revision);
 *    otherwise the newer submit's run commits, and it analyzed a snapshot that includes ours.
 */
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { analyze } from '../api.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineageGraph } from '../graph/model.js';
import { readBuffers } from '../inputs/read.js';
import { DiskParseCache } from './cache.js';
import { mergeLineageFiles } from '../dataarts/load.js';
import {
  analyzeOptionsOf,
  formatDuration,
  formatTime,
  MAX_RECORDED_DIAGNOSTICS,
  type JobRecord,
  type JobState,
} from './record.js';
import { JobNotFound, sha256, type JobStore } from './store.js';

interface Snapshot {
  record: JobRecord;
  files: { path: string; bytes: Buffer }[];
}

export interface Computed {
  graph: LineageGraph;
  diagnostics: Diagnostic[];
  status: JobState;
  errorMessage?: string;
  parsedFiles?: string[];
  reusedFiles?: string[];
}

/** Run job `id`; returns its record afterwards, or undefined when the job was deleted meanwhile. */
export async function runJob(store: JobStore, id: string, version: string): Promise<JobRecord | undefined> {
  try {
    const snap = await takeSnapshot(store, id);
    if (!snap) return await store.read(id);
    const started = Date.now();
    let computed: Computed;
    try {
      computed = await computeJob(store, snap, version);
    } catch (err) {
      computed = internalFailure(err);
    }
    return await commit(store, id, snap.record.revision, computed, Date.now() - started);
  } catch (err) {
    if (err instanceof JobNotFound) return undefined;
    throw err;
  }
}

async function takeSnapshot(store: JobStore, id: string): Promise<Snapshot | undefined> {
  return store.withLock(id, async () => {
    const record = await store.read(id);
    if (record.resultRevision === record.revision && record.status !== 'create' && record.status !== 'running') return undefined;
    const files = [];
    for (const f of record.files) files.push({ path: f.name, bytes: await readFile(store.filePath(id, f)) });
    record.status = 'running';
    record.runner = { pid: process.pid, host: hostname() };
    await store.writeRecord(record);
    return { record: structuredClone(record), files };
  });
}

/** Inputs → lineage graph, diagnostics and the SQLFlow status. */
export async function computeJob(store: JobStore, snap: Snapshot, version: string): Promise<Computed> {
  const { record } = snap;
  const input = await readBuffers(snap.files);
  const options = analyzeOptionsOf(record, record.schemaFiles.map((s) => store.extraPath(record.jobId, s)));
  const cache = record.persist ? new DiskParseCache(store.cacheDir(record.jobId), version) : undefined;
  const result = analyze(input.files, options, cache ? { parseCache: cache } : {});
  const lineagePaths = record.lineageFiles.map((s) => store.extraPath(record.jobId, s));
  const merged = await mergeLineageFiles(result.graph, lineagePaths);
  const diagnostics = [...input.diagnostics, ...result.diagnostics, ...merged.diagnostics];
  const out: Computed = { graph: merged.graph, diagnostics, ...jobStatus(result.graph, [...input.diagnostics, ...merged.diagnostics], merged.processes) };
  if (cache) {
    const pathOf = new Map(input.files.map((f) => [cache.key(f.text, result.graph.vendor), f.path]));
    out.parsedFiles = cache.misses.map((k) => pathOf.get(k) ?? k);
    out.reusedFiles = cache.hits.map((k) => pathOf.get(k) ?? k);
    cache.prune();
  }
  return out;
}

/** success: every statement analyzed; partialSuccess: some failed; fail: none, or an input unreadable. */
export function jobStatus(graph: LineageGraph, inputDiagnostics: Diagnostic[], manualProcesses = 0): Pick<Computed, 'status' | 'errorMessage'> {
  const unreadable = inputDiagnostics.filter((d) => d.severity === 'error');
  if (unreadable.length > 0) {
    const first = unreadable[0]!;
    return { status: 'fail', errorMessage: `input unreadable: ${first.file ?? ''}: ${first.message}` };
  }
  const { total, failed } = graph.statements;
  if (total === 0 && manualProcesses === 0) return { status: 'fail', errorMessage: 'no SQL statement in the job' };
  if (failed === 0) return { status: 'success' };
  if (failed >= total) return { status: 'fail', errorMessage: 'no statement could be analyzed' };
  return { status: 'partialSuccess' };
}

function internalFailure(err: unknown): Computed {
  const message = err instanceof Error ? err.message : String(err);
  const graph: LineageGraph = { vendor: '', files: [], objects: [], edges: [], errors: [], statements: { total: 0, failed: 0 } };
  return { graph, diagnostics: [{ severity: 'error', code: 'InternalError', message: `internal error: ${message}` }], status: 'fail', errorMessage: `internal error: ${message}` };
}

async function commit(store: JobStore, id: string, revision: number, c: Computed, ms: number): Promise<JobRecord> {
  return store.withLock(id, async () => {
    const r = await store.read(id);
    if (r.revision !== revision) return r; // a newer submit came in: its run commits
    await store.writeResult(id, c.graph);
    const now = new Date();
    r.status = c.status;
    r.statements = { ...c.graph.statements };
    r.diagnostics = c.diagnostics.slice(0, MAX_RECORDED_DIAGNOSTICS);
    if (c.diagnostics.length > MAX_RECORDED_DIAGNOSTICS) r.diagnosticsOmitted = c.diagnostics.length - MAX_RECORDED_DIAGNOSTICS;
    else delete r.diagnosticsOmitted;
    if (c.errorMessage !== undefined) r.errorMessage = c.errorMessage;
    else delete r.errorMessage;
    if (c.parsedFiles) r.parsedFiles = c.parsedFiles;
    if (c.reusedFiles) r.reusedFiles = c.reusedFiles;
    r.executeTimeMillis = ms;
    r.executeTime = formatDuration(ms);
    r.lastExecuteTime = formatTime(now);
    r.sessionId = `${sha256(`${id}:${revision}`)}_${now.getTime()}`;
    r.resultRevision = revision;
    delete r.runner;
    await store.writeRecord(r);
    return r;
  });
}
