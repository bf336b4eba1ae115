/**
 * Submitting a job (`submitUserJob`, `submitPersistJob`): a new job, or more files for a regular
 * job. The record is left in status `create`; `runJob` (in-process or in the server's worker)
 * analyzes it.
 */
import type { AnalyzeOptions } from '../options.js';
import { formatTime, STORE_FORMAT, toSqlflowOptions, type JobRecord } from './record.js';
import { JobNotFound, newJobId, type JobStore, type NamedBytes } from './store.js';

export interface SubmitRequest {
  userId: string;
  jobName: string;
  options: AnalyzeOptions;
  files: NamedBytes[];
  /** `--schema` files, kept in the job folder (new jobs only). */
  schema?: NamedBytes[];
  /** `--with-lineage` files (DataArts bodies), kept in the job folder. */
  lineage?: NamedBytes[];
  /** A regular job (`submitPersistJob`). */
  persist: boolean;
  /** Later submits add or replace files by name (otherwise they replace the job's files). */
  incremental: boolean;
  /** An existing regular job to submit to. */
  jobId?: string;
  version: string;
}

/** Usage problems of a submit (the CLI exits 2, the server answers 400). */
export class SubmitError extends Error {}

export async function submitJob(store: JobStore, req: SubmitRequest): Promise<JobRecord> {
  if (req.jobId !== undefined) return resubmit(store, req, req.jobId);
  const now = new Date();
  const record: JobRecord = {
    storeFormat: STORE_FORMAT,
    jobId: newJobId(),
    jobName: req.jobName,
    userId: req.userId,
    userEmail: '',
    dbVendor: req.options.vendor,
    dataSource: {},
    ...toSqlflowOptions(req.options),
    fileNames: [],
    createTime: formatTime(now),
    createdAt: now.getTime(),
    status: 'create',
    onTop: false,
    parallel: false,
    persist: req.persist,
    incremental: req.persist && req.incremental,
    schedulable: false,
    cancelSchedule: false,
    subJobs: [],
    version: req.version,
    files: [],
    schemaFiles: [],
    lineageFiles: [],
    revision: 1,
  };
  await store.create(record, []);
  try {
    record.files = await store.storeFiles(record.jobId, req.files);
    record.fileNames = record.files.map((f) => f.name);
    record.schemaFiles = await store.storeExtra(record.jobId, req.schema ?? []);
    record.lineageFiles = await store.storeExtra(record.jobId, req.lineage ?? []);
    await store.writeRecord(record);
  } catch (err) {
    await store.delete(record.jobId).catch(() => undefined);
    throw err;
  }
  return record;
}

/** More files for a regular job: added or replaced by name (incremental), or replacing all. */
async function resubmit(store: JobStore, req: SubmitRequest, jobId: string): Promise<JobRecord> {
  const current = await store.read(jobId);
  if (current.userId !== req.userId) throw new JobNotFound(jobId);
  if (!current.persist) throw new SubmitError(`job ${jobId} is not a regular job: submit to it with a regular (persist) job only`);
  const stored = await store.storeFiles(jobId, req.files);
  const lineage = await store.storeExtra(jobId, req.lineage ?? []);
  return store.update(jobId, async (r) => {
    const incremental = r.incremental || req.incremental;
    let files = incremental ? [...r.files] : [];
    for (const f of stored) {
      const at = files.findIndex((x) => x.name === f.name);
      if (at >= 0) files[at] = f;
      else files.push(f);
    }
    if (!incremental) files = stored;
    const replaced = r.files.filter((f) => !files.includes(f));
    const dropped = incremental ? [] : r.lineageFiles;
    r.files = files;
    r.fileNames = files.map((f) => f.name);
    r.lineageFiles = incremental ? [...r.lineageFiles, ...lineage] : lineage;
    r.revision++;
    r.status = 'create';
    // Under the lock: no run is reading the job's files now, and later runs see the new list.
    await store.removeStored(jobId, replaced, dropped);
    return r;
  });
}
