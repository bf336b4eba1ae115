/**
 * The server's life: jobs run in a worker thread (status and list answered while a large job runs,
 * create -> running -> success), a restart marks a job left `running` as `fail` with a reason and
 * runs jobs still waiting, and SIGTERM stops a real `sqlflow serve` process with the store consistent.
 */
import { jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { JobStore } from '../../src/jobs/store.js';
import { submitJob } from '../../src/jobs/submit.js';
import { DEFAULT_ANALYZE_OPTIONS } from '../../src/options.js';
import { JOB_API, postForm, removeDir, startTestServer, tempDir, waitForJob } from '../helpers/jobs.js';
import { repoPath } from '../helpers/paths.js';
import { TS_WORKER_EXEC_ARGV } from '../helpers/ts-worker.js';

jest.setTimeout(180_000);

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

/** About 6 MB of TPC-DS queries: a job that takes a while. */
function bigSql(): Buffer {
  const q = readFileSync(repoPath('test/corpus/bench/tpcds.sql'));
  return Buffer.concat(Array.from({ length: Math.ceil((6 * 1024 * 1024) / q.length) }, () => q));
}

test('a large job runs in the worker thread while status and list requests are answered', async () => {
  const server = await startTestServer({ storeDir: join(dir, 'store') });
  try {
    const auth = { userId: 'u' };
    const r = await postForm(`${server.url}${JOB_API}/submitUserJob`, { ...auth, jobName: 'big' }, [['sqlfiles', 'big.sql', bigSql()]]);
    expect(r.json.data.status).toBe('create');
    const jobId = r.json.data.jobId;
    const seen = new Set<string>();
    let listedWhileRunning = false;
    for (;;) {
      const s = await postForm(`${server.url}${JOB_API}/displayUserJobSummary`, { ...auth, jobId });
      seen.add(s.json.data.status);
      if (s.json.data.status === 'running') {
        const list = await postForm(`${server.url}${JOB_API}/displayUserJobsSummary`, auth);
        expect(list.status).toBe(200);
        if (list.json.data.jobDetails[0].status === 'running') listedWhileRunning = true;
      }
      if (!['create', 'running'].includes(s.json.data.status)) break;
      await new Promise((res) => setTimeout(res, 20));
    }
    expect(seen).toContain('running');
    expect(listedWhileRunning).toBe(true);
    expect(seen).toContain('success');
  } finally {
    await server.close();
  }
});

test('on restart, a job left running is marked fail with a reason; a job still waiting runs', async () => {
  const storeDir = join(dir, 'store');
  const store = await JobStore.open(storeDir);
  const base = { userId: 'u', jobName: 'j', options: { ...DEFAULT_ANALYZE_OPTIONS, schemaFiles: [] }, persist: false, incremental: false, version: '0.1.0' };
  const files = [{ name: 'a.sql', bytes: Buffer.from('insert into t2 select a from t1;') }];
  const orphan = await submitJob(store, { ...base, files });
  // As a server killed mid-run leaves it: running, in a process that no longer exists.
  const dead = spawn(process.execPath, ['-e', '']);
  await new Promise((res) => dead.on('exit', res));
  await store.update(orphan.jobId, (r) => ({ ...r, status: 'running', runner: { pid: dead.pid!, host: hostname() } }));
  const waiting = await submitJob(store, { ...base, files });

  const server = await startTestServer({ storeDir, inline: true });
  try {
    expect(server.recovered.failed).toEqual([orphan.jobId]);
    expect(server.recovered.requeued).toEqual([waiting.jobId]);
    const failed = await waitForJob(server.url, { userId: 'u', jobId: orphan.jobId });
    expect(failed).toMatchObject({ status: 'fail', errorMessage: expect.stringMatching(/^interrupted: /) });
    expect((await waitForJob(server.url, { userId: 'u', jobId: waiting.jobId })).status).toBe('success');
  } finally {
    await server.close();
  }
});

test('SIGTERM stops a real sqlflow serve process: it exits 0 and no job is left running', async () => {
  const storeDir = join(dir, 'store');
  const proc = spawn(process.execPath, [...TS_WORKER_EXEC_ARGV, repoPath('test/helpers/sqlflow-ts.mjs'), 'serve', '--port', '0', '--store', storeDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
  const url = await new Promise<string>((res, rej) => {
    const t = setInterval(() => {
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
      if (m) {
        clearInterval(t);
        res(m[1]!);
      }
    }, 50);
    void exited.then(() => rej(new Error(`server exited: ${stderr}`)));
  });
  const r = await postForm(`${url}${JOB_API}/submitUserJob`, { userId: 'u' }, [['sqlfiles', 'big.sql', bigSql()]]);
  expect(r.status).toBe(200);
  proc.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(stderr).toContain('SIGTERM: stopping');
  expect(stderr).toContain('sqlflow: stopped');
  const jobs = readdirSync(join(storeDir, 'jobs'));
  expect(jobs).toEqual([r.json.data.jobId]);
  const record = JSON.parse(readFileSync(join(storeDir, 'jobs', jobs[0]!, 'job.json'), 'utf8'));
  expect(['success', 'fail']).toContain(record.status);
  if (record.status === 'fail') expect(record.errorMessage).toMatch(/server stopped/);
});
