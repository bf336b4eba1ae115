/**
 * The job store (SPEC §4): a directory with `store.json` and one folder per job under `jobs/`:
 * `job.json` (the record), `files/` (the submitted files, as submitted), `result.json` (the
 * lineage graph of the last run), `extra/` (kept schema and DataArts lineage files) and `cache/`
 * (parses reused by incremental runs). Every file is written atomically (write-file-atomic);
 * read-modify-write of a record happens under a per-job lock (proper-lockfile), so concurrent
 * processes never corrupt a job nor lose a submit.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import type { LineageGraph } from '../graph/model.js';
import { isJobId, STORE_FORMAT, type JobRecord, type StoredFile } from './record.js';

/** A problem with the store itself: names the file, never a stack trace. */
export class StoreError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** No job with this id (or not one the caller may see). */
export class JobNotFound extends Error {
  constructor(readonly jobId: string) {
    super(isJobId(jobId) ? `no job with id ${jobId}` : `no job with id or name ${jobId}`);
  }
}

export interface NamedBytes {
  name: string;
  bytes: Buffer;
}

/** `--store`, else SQLFLOW_HOME, else ~/.sqlflow. */
export function defaultStoreDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.SQLFLOW_HOME && env.SQLFLOW_HOME !== '' ? env.SQLFLOW_HOME : join(homedir(), '.sqlflow');
}

const LOCK_OPTIONS = {
  realpath: false,
  stale: 15_000,
  // Critical sections are short file operations; a lock found compromised (taken over as stale, or
  // its folder deleted with the job) must not throw from proper-lockfile's timer.
  onCompromised: () => undefined,
  retries: { retries: 400, factor: 1.2, minTimeout: 5, maxTimeout: 100, randomize: true },
};

export function newJobId(): string {
  return randomBytes(16).toString('hex');
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A file name safe in any file system, recognisable: letters, digits, `.`, `_`, `-`. */
function safeName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[^A-Za-z0-9._-]/g, '_').slice(-80);
  return base.replace(/^\.+/, '_') || 'file';
}

export class JobStore {
  private constructor(readonly dir: string) {}

  /** Open (creating if needed) the store at `dir`; refuses a store written by a newer format. */
  static async open(dir: string): Promise<JobStore> {
    const store = new JobStore(dir);
    const file = join(dir, 'store.json');
    try {
      await mkdir(join(dir, 'jobs'), { recursive: true });
    } catch (err) {
      throw new StoreError(dir, `cannot create the job store: ${(err as Error).message}`);
    }
    let text: string | undefined;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new StoreError(file, `cannot read: ${(err as Error).message}`);
    }
    if (text === undefined) {
      await writeFileAtomic(file, `${JSON.stringify({ format: STORE_FORMAT })}\n`);
      return store;
    }
    let format: unknown;
    try {
      format = (JSON.parse(text) as { format?: unknown }).format;
    } catch {
      throw new StoreError(file, 'damaged store description (not JSON); repair or remove this file');
    }
    if (typeof format !== 'number') throw new StoreError(file, 'damaged store description (no "format" number)');
    if (format > STORE_FORMAT) {
      throw new StoreError(file, `store written by a newer sqlflow (format ${format}); this version reads format ${STORE_FORMAT}`);
    }
    return store;
  }

  jobDir(id: string): string {
    if (!isJobId(id)) throw new JobNotFound(String(id));
    return join(this.dir, 'jobs', id);
  }

  recordPath(id: string): string {
    return join(this.jobDir(id), 'job.json');
  }

  filePath(id: string, f: StoredFile): string {
    return join(this.jobDir(id), 'files', f.stored);
  }

  extraPath(id: string, stored: string): string {
    return join(this.jobDir(id), 'extra', stored);
  }

  cacheDir(id: string): string {
    return join(this.jobDir(id), 'cache');
  }

  /** Create a job folder with its files and record; the record is written last. */
  async create(record: JobRecord, files: NamedBytes[]): Promise<JobRecord> {
    const dir = this.jobDir(record.jobId);
    await mkdir(join(dir, 'files'), { recursive: true });
    record.files = await this.storeFiles(record.jobId, files);
    record.fileNames = record.files.map((f) => f.name);
    await this.writeRecord(record);
    return record;
  }

  /** Write files into the job folder; names unique within this call (a later duplicate wins). */
  async storeFiles(id: string, files: NamedBytes[]): Promise<StoredFile[]> {
    const byName = new Map<string, NamedBytes>();
    for (const f of files) byName.set(f.name, f);
    const out: StoredFile[] = [];
    for (const f of byName.values()) {
      const stored = `${randomBytes(4).toString('hex')}-${safeName(f.name)}`;
      await writeFileAtomic(join(this.jobDir(id), 'files', stored), f.bytes);
      out.push({ name: f.name, stored, sha256: sha256(f.bytes), size: f.bytes.length });
    }
    return out;
  }

  /** Keep extra files (schema, DataArts lineage) in the job folder; returns their stored names. */
  async storeExtra(id: string, files: NamedBytes[]): Promise<string[]> {
    await mkdir(join(this.jobDir(id), 'extra'), { recursive: true });
    const names: string[] = [];
    for (const f of files) {
      const stored = `${randomBytes(4).toString('hex')}-${safeName(f.name)}`;
      await writeFileAtomic(this.extraPath(id, stored), f.bytes);
      names.push(stored);
    }
    return names;
  }

  async writeRecord(record: JobRecord): Promise<void> {
    await writeFileAtomic(this.recordPath(record.jobId), `${JSON.stringify(record, null, 2)}\n`);
  }

  /** The record of `id`; JobNotFound when there is none, StoreError when it is damaged. */
  async read(id: string): Promise<JobRecord> {
    const file = this.recordPath(id);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new JobNotFound(id);
      throw new StoreError(file, `cannot read: ${(err as Error).message}`);
    }
    return parseRecord(text, file, id);
  }

  /** Every job (sorted by creation time, then id); damaged records are reported, not thrown. */
  async list(): Promise<{ records: JobRecord[]; problems: StoreError[] }> {
    const names = (await readdir(join(this.dir, 'jobs')).catch(() => [] as string[])).filter(isJobId).sort();
    const records: JobRecord[] = [];
    const problems: StoreError[] = [];
    // Read in parallel batches: a store of many jobs is listed in a few file-system round trips.
    for (let i = 0; i < names.length; i += 64) {
      const batch = await Promise.allSettled(names.slice(i, i + 64).map((id) => this.read(id)));
      for (const r of batch) {
        if (r.status === 'fulfilled') records.push(r.value);
        else if (r.reason instanceof StoreError) problems.push(r.reason);
        else if (!(r.reason instanceof JobNotFound)) throw r.reason;
        // JobNotFound: deleted meanwhile, or a folder without a record yet (being created).
      }
    }
    const when = (r: JobRecord) => r.createdAt ?? Date.parse(r.createTime.replace(' ', 'T'));
    records.sort((a, b) => when(a) - when(b) || (a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : 0));
    return { records, problems };
  }

  /** Run `fn` while holding the job's lock (other processes wait for it). */
  async withLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const file = this.recordPath(id);
    await stat(file).catch(() => {
      throw new JobNotFound(id);
    });
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(file, LOCK_OPTIONS);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new JobNotFound(id);
      throw new StoreError(file, `cannot lock the job: ${(err as Error).message}`);
    }
    try {
      return await fn();
    } finally {
      await release().catch(() => undefined);
    }
  }

  /** Read-modify-write of a record under its lock. */
  async update(id: string, fn: (r: JobRecord) => JobRecord | Promise<JobRecord>): Promise<JobRecord> {
    return this.withLock(id, async () => {
      const next = await fn(await this.read(id));
      await this.writeRecord(next);
      return next;
    });
  }

  async delete(id: string): Promise<JobRecord> {
    const dir = this.jobDir(id);
    const record = await this.withLock(id, async () => {
      const r = await this.read(id);
      // The folder disappears at once (rename), then is removed at leisure.
      const trash = join(this.dir, 'trash');
      await mkdir(trash, { recursive: true });
      const gone = join(trash, `${id}-${randomBytes(4).toString('hex')}`);
      await rename(dir, gone);
      return { r, gone };
    });
    await rm(record.gone, { recursive: true, force: true }).catch(() => undefined);
    return record.r;
  }

  async writeResult(id: string, graph: LineageGraph): Promise<void> {
    await writeFileAtomic(join(this.jobDir(id), 'result.json'), JSON.stringify(graph));
  }

  /** The last run's lineage graph; undefined when the job has none yet. */
  async readResult(id: string): Promise<LineageGraph | undefined> {
    const file = join(this.jobDir(id), 'result.json');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new StoreError(file, `cannot read: ${(err as Error).message}`);
    }
    try {
      return JSON.parse(text) as LineageGraph;
    } catch {
      throw new StoreError(file, 'damaged lineage result (not JSON); submit the job again');
    }
  }

  /** Remove stored files and extra files a submit replaced (call under the job's lock). */
  async removeStored(id: string, files: StoredFile[], extra: string[]): Promise<void> {
    for (const f of files) await rm(this.filePath(id, f), { force: true });
    for (const e of extra) await rm(this.extraPath(id, e), { force: true });
  }
}

const REQUIRED: [keyof JobRecord, string][] = [
  ['jobId', 'string'],
  ['jobName', 'string'],
  ['userId', 'string'],
  ['dbVendor', 'string'],
  ['status', 'string'],
  ['createTime', 'string'],
  ['revision', 'number'],
];

/** A record from its text: a damaged or newer one is a StoreError naming the file. */
export function parseRecord(text: string, file: string, id: string): JobRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new StoreError(file, 'damaged job record (not JSON); repair it or delete the job');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new StoreError(file, 'damaged job record (not an object)');
  const r = data as Record<string, unknown>;
  if (typeof r.storeFormat === 'number' && r.storeFormat > STORE_FORMAT) {
    throw new StoreError(file, `job written by a newer sqlflow (format ${r.storeFormat}); this version reads format ${STORE_FORMAT}`);
  }
  for (const [key, type] of REQUIRED) {
    if (typeof r[key] !== type) throw new StoreError(file, `damaged job record ("${key}" missing or not a ${type})`);
  }
  if (!Array.isArray(r.files) || !Array.isArray(r.fileNames)) throw new StoreError(file, 'damaged job record ("files" missing or not a list)');
  if (r.jobId !== id) throw new StoreError(file, `damaged job record (jobId ${String(r.jobId)} in the folder of ${id})`);
  return data as JobRecord;
}
