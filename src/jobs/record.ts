/**
 * The job record (SPEC §4): the fields of the seeds' job summaries (`displayUserJobSummary`,
 * `jobDetails` of `displayUserJobsSummary`) plus what the store needs to re-run a job.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RelationType } from '../graph/model.js';
import { DEFAULT_ANALYZE_OPTIONS, type AnalyzeOptions } from '../options.js';

/** Version of the on-disk layout; a store or record with a higher number is refused. */
export const STORE_FORMAT = 1;

export type JobState = 'create' | 'running' | 'success' | 'partialSuccess' | 'fail';

/** One submitted file: its name as the user knows it and where the store keeps its bytes. */
export interface StoredFile {
  /** Name as submitted (upload file name, or the path given to `job submit`). */
  name: string;
  /** File name inside the job's `files/` folder (generated, never user-controlled). */
  stored: string;
  sha256: string;
  size: number;
}

/** The job options, named as in the seeds' `jobDetails`. */
export interface SqlflowJobOptions {
  showRelationType: string;
  ignoreRecordSet: boolean;
  dataflowOfAggregateFunction: 'direct' | 'indirect';
  showConstantTable: boolean;
  showTransform: boolean;
  ignoreFunction: boolean;
  defaultDatabase?: string;
  defaultSchema?: string;
}

export interface JobRecord extends SqlflowJobOptions {
  storeFormat: number;
  jobId: string;
  jobName: string;
  userId: string;
  userEmail: string;
  dbVendor: string;
  dataSource: Record<string, never>;
  fileNames: string[];
  createTime: string;
  /** createTime in milliseconds (orders jobs created within one second). */
  createdAt?: number;
  status: JobState;
  sessionId?: string;
  executeTime?: string;
  executeTimeMillis?: number;
  lastExecuteTime?: string;
  onTop: boolean;
  parallel: boolean;
  persist: boolean;
  incremental: boolean;
  schedulable: boolean;
  cancelSchedule: boolean;
  subJobs: never[];
  version: string;
  /** Why the job failed (status `fail`), when not just "no statement could be analyzed". */
  errorMessage?: string;
  /** Statements seen and failed in the last run. */
  statements?: { total: number; failed: number };
  /** Diagnostics of the last run (input problems and analysis problems), capped. */
  diagnostics?: Diagnostic[];
  /** Diagnostics left out of `diagnostics` by the cap. */
  diagnosticsOmitted?: number;
  /** Incremental runs: files parsed again and files whose earlier parse was reused. */
  parsedFiles?: string[];
  reusedFiles?: string[];
  /** The files, in analysis order (`fileNames` lists the same names). */
  files: StoredFile[];
  /** Analysis options that have no SQLFlow name (schema files kept in the job folder). */
  schemaFiles: string[];
  /** DataArts lineage files merged into the result (kept in the job folder). */
  lineageFiles: string[];
  /** Bumped by every submit; a run commits its result only if no submit came after it started. */
  revision: number;
  /** Revision of the files the stored result was computed from. */
  resultRevision?: number;
  /** Process running the job (so a restarted server can tell an orphan from a live run). */
  runner?: { pid: number; host: string };
}

export const MAX_RECORDED_DIAGNOSTICS = 1000;

/** `YYYY-MM-DD HH:mm:ss`, local time, as SQLFlow writes `createTime`. */
export function formatTime(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}`;
}

/** `0min 1sec`, as SQLFlow writes `executeTime`. */
export function formatDuration(ms: number): string {
  const sec = Math.round(ms / 1000);
  return `${Math.floor(sec / 60)}min ${sec % 60}sec`;
}

/** AnalyzeOptions → the seeds' option fields. */
export function toSqlflowOptions(o: AnalyzeOptions): SqlflowJobOptions {
  const out: SqlflowJobOptions = {
    showRelationType: o.relationTypes.join(','),
    ignoreRecordSet: !o.showIntermediate,
    dataflowOfAggregateFunction: o.aggregate,
    showConstantTable: o.showConstantTable,
    showTransform: o.showTransform,
    ignoreFunction: !o.showFunction,
  };
  if (o.defaultDatabase !== undefined) out.defaultDatabase = o.defaultDatabase;
  if (o.defaultSchema !== undefined) out.defaultSchema = o.defaultSchema;
  return out;
}

/** A record's options back as AnalyzeOptions (paths of kept schema files resolved by the caller). */
export function analyzeOptionsOf(r: JobRecord, schemaPaths: string[]): AnalyzeOptions {
  const o: AnalyzeOptions = {
    ...DEFAULT_ANALYZE_OPTIONS,
    vendor: r.dbVendor,
    relationTypes: r.showRelationType.split(',').filter((t) => t !== '') as RelationType[],
    showIntermediate: !r.ignoreRecordSet,
    showFunction: !r.ignoreFunction,
    showConstantTable: r.showConstantTable,
    showTransform: r.showTransform,
    aggregate: r.dataflowOfAggregateFunction,
    schemaFiles: schemaPaths,
  };
  if (r.defaultDatabase !== undefined) o.defaultDatabase = r.defaultDatabase;
  if (r.defaultSchema !== undefined) o.defaultSchema = r.defaultSchema;
  return o;
}

/** Fields the store keeps for itself; never shown in API responses. */
const INTERNAL: (keyof JobRecord)[] = ['storeFormat', 'createdAt', 'files', 'revision', 'resultRevision', 'runner', 'schemaFiles', 'lineageFiles'];

/** The record as the seeds' `displayUserJobSummary` shows it (`withDiagnostics` false for lists). */
export function publicView(r: JobRecord, withDiagnostics = true): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if ((INTERNAL as string[]).includes(k)) continue;
    if (!withDiagnostics && (k === 'diagnostics' || k === 'diagnosticsOmitted' || k === 'parsedFiles' || k === 'reusedFiles')) continue;
    out[k] = v;
  }
  return out;
}

/** The seeds' `submitUserJob` / `submitPersistJob` response data. */
export function submitView(r: JobRecord): Record<string, unknown> {
  const { jobId, jobName, userId, dbVendor, dataSource, fileNames, createTime, status, persist, incremental } = r;
  return { jobId, jobName, userId, dbVendor, dataSource, fileNames, createTime, status, persist, incremental };
}

/** 32 lowercase hex digits, as SQLFlow job ids; checked before an id touches the file system. */
export function isJobId(id: unknown): id is string {
  return typeof id === 'string' && /^[0-9a-f]{32}$/.test(id);
}
