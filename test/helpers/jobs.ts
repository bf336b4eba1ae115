/**
 * Helpers for job and server tests: the seeds' example files in a temporary folder, a real server
 * on 127.0.0.1 and a free port (its worker thread loading the TypeScript sources), form posts.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type ServeOptions } from '../../src/server/serve.js';
import { buildZip } from '../inputs/zipwriter.js';
import { repoPath } from './paths.js';
import { TS_WORKER_EXEC_ARGV } from './ts-worker.js';

export function tempDir(prefix = 'sqlflow-jobs-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Each test of the file runs in a fresh temporary directory (the current one); returns its path. */
export function useTempCwd(): () => string {
  let dir = '';
  const home = process.cwd();
  beforeEach(() => {
    dir = tempDir();
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(home);
    removeDir(dir);
  });
  return () => dir;
}

/** The seeds' example: `1.sql`, `2.sql` and `1.zip` (holding `3.sql`, `4.sql`) in `dir`. */
export const EXAMPLE_FILES = ['1.sql', '2.sql', '1.zip'];

export function writeExample(dir: string): void {
  const fx = (name: string) => repoPath('test', 'fixtures', 'jobs', name);
  copyFileSync(fx('1.sql'), join(dir, '1.sql'));
  copyFileSync(fx('2.sql'), join(dir, '2.sql'));
  const zip = buildZip([
    { name: '3.sql', data: readFileSync(fx('zip/3.sql')), deflate: true },
    { name: '4.sql', data: readFileSync(fx('zip/4.sql')), deflate: true },
  ]);
  writeFileSync(join(dir, '1.zip'), zip);
}

export async function startTestServer(o: Partial<ServeOptions> & { storeDir: string }): Promise<RunningServer> {
  return startServer({
    host: '127.0.0.1',
    port: 0,
    auth: {},
    maxUpload: 100 * 1024 * 1024,
    queueCapacity: 100,
    version: '0.1.0',
    workerExecArgv: TS_WORKER_EXEC_ARGV,
    graceMs: 30_000,
    ...o,
  });
}

export interface Posted {
  status: number;
  text: string;
  /** The body as JSON, when it is JSON. */
  json: any;
}

/** POST multipart form data (`files`: [field, file name, bytes]). */
export async function postForm(url: string, fields: Record<string, string>, files: [string, string, Buffer][] = []): Promise<Posted> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [field, name, bytes] of files) form.append(field, new Blob([new Uint8Array(bytes)]), name);
  return send(url, { method: 'POST', body: form });
}

export async function send(url: string, init: RequestInit): Promise<Posted> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

export const JOB_API = '/gspLive_backend/sqlflow/job';

/** Poll displayUserJobSummary until the job leaves create/running. */
export async function waitForJob(base: string, fields: Record<string, string>): Promise<any> {
  for (let i = 0; i < 600; i++) {
    const r = await postForm(`${base}${JOB_API}/displayUserJobSummary`, fields);
    if (r.status !== 200) throw new Error(`status request failed: ${r.status} ${r.text}`);
    const status = r.json.data.status;
    if (status !== 'create' && status !== 'running') return r.json.data;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('job did not finish');
}
