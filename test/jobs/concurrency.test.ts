/**
 * The store under concurrency, with real processes (`sqlflow job submit` each): simultaneous
 * submits never corrupt the store, and simultaneous incremental submits to one regular job never
 * lose a file (per-job lock, revision check).
 */
import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../helpers/cli.js';
import { useTempCwd } from '../helpers/jobs.js';
import { repoPath } from '../helpers/paths.js';
import { TS_WORKER_EXEC_ARGV } from '../helpers/ts-worker.js';

jest.setTimeout(240_000);

const exec = promisify(execFile);
const cwd = useTempCwd();

/** `sqlflow <args>` in a child process (TypeScript sources through the test hooks). */
async function child(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(process.execPath, [...TS_WORKER_EXEC_ARGV, repoPath('test/helpers/sqlflow-ts.mjs'), ...args], { cwd: cwd() });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const N = 6;

test(`${N} processes submitting at once: ${N} intact jobs`, async () => {
  for (let i = 0; i < N; i++) writeFileSync(`f${i}.sql`, `insert into t${i} (a) select b from src${i};\n`);
  const store = join(cwd(), 'store');
  const runs = await Promise.all(Array.from({ length: N }, (_, i) => child(['job', 'submit', `f${i}.sql`, '--name', `job${i}`, '--store', store, '--quiet'])));
  for (const r of runs) expect(r).toMatchObject({ code: 0 });
  const ids = runs.map((r) => JSON.parse(r.stdout).data.jobId as string);
  const list = await runCli(['job', 'list', '--store', store]);
  expect(list.stderr).toBe('');
  const data = JSON.parse(list.stdout).data;
  expect(data).toMatchObject({ total: N, success: N });
  expect([...data.jobIds].sort()).toEqual([...ids].sort());
  for (let i = 0; i < N; i++) {
    const csv = (await runCli(['job', 'export', ids[i]!, '-f', 'csv', '--store', store])).stdout;
    expect(csv).toContain(`src${i},b,DEFAULT,DEFAULT,t${i},a`);
  }
});

test(`${N} processes adding files to one regular job at once: no submit lost, the result covers every file`, async () => {
  writeFileSync('base.sql', 'create table base (a int);\n');
  for (let i = 0; i < N; i++) writeFileSync(`add${i}.sql`, `insert into out${i} (a) select a from base;\n`);
  const store = join(cwd(), 'store');
  const first = await runCli(['job', 'submit', 'base.sql', '--persist', '--incremental', '--store', store, '--quiet']);
  const jobId = JSON.parse(first.stdout).data.jobId as string;
  const runs = await Promise.all(Array.from({ length: N }, (_, i) => child(['job', 'submit', `add${i}.sql`, '--job', jobId, '--store', store, '--quiet'])));
  for (const r of runs) expect(r).toMatchObject({ code: 0 });
  const status = JSON.parse((await runCli(['job', 'status', jobId, '--store', store])).stdout).data;
  expect(status.status).toBe('success');
  expect(status.fileNames[0]).toBe('base.sql');
  expect([...status.fileNames].sort()).toEqual(['base.sql', ...Array.from({ length: N }, (_, i) => `add${i}.sql`)].sort());
  // The committed result is the lineage of exactly these files, in this order.
  const exported = (await runCli(['job', 'export', jobId, '-f', 'csv', '--store', store])).stdout;
  expect(exported).toBe((await runCli(['analyze', ...status.fileNames, '-f', 'csv', '--quiet'])).stdout);
  const record = JSON.parse(readFileSync(join(store, 'jobs', jobId, 'job.json'), 'utf8'));
  expect(record.revision).toBe(N + 1);
  expect(record.resultRevision).toBe(N + 1);
});
