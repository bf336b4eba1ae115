/**
 * Done when 1 and the seeds' curl commands: every `curl` line of ../shared/seeds (vendored in
 * test/fixtures/jobs/seed-curls.txt) runs verbatim with curl against a real server on 127.0.0.1 and
 * a free port, only the host and the placeholders replaced; the example job (two files and a zip,
 * dbvmssql) submitted through the CLI and through the server exports exactly what `analyze`
 * writes for the same files and options, in every format.
 */
import { execFile } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../helpers/cli.js';
import { EXAMPLE_FILES, JOB_API, postForm, removeDir, startTestServer, tempDir, waitForJob, writeExample } from '../helpers/jobs.js';
import { repoPath } from '../helpers/paths.js';
import type { RunningServer } from '../../src/server/serve.js';

import { jest } from '@jest/globals';

jest.setTimeout(120_000);

const run = promisify(execFile);
const SEED_JOB_ID = 'c359aef4bd9641d697732422debd8055';

let dir: string;
let server: RunningServer;
const cwd = process.cwd();

beforeAll(async () => {
  dir = tempDir();
  writeExample(dir);
  server = await startTestServer({ storeDir: join(dir, 'store'), inline: true, auth: { token: 'T0KEN' } });
  process.chdir(dir);
});

afterAll(async () => {
  process.chdir(cwd);
  await server.close();
  removeDir(dir);
});

/** The seeds' curl command lines that name an endpoint, deduplicated once the host is ours. */
function seedCommands(base: string): string[] {
  const text = readFileSync(repoPath('test', 'fixtures', 'jobs', 'seed-curls.txt'), 'utf8');
  const lines = text.split('\n').filter((l) => l.startsWith('curl ') && l.includes('/gspLive_backend/'));
  const hosted = lines.map((l) => l.replace('https://api.gudusoft.com', base).replace('http://127.0.0.1:8081', base));
  return [...new Set(hosted)];
}

function fill(cmd: string, values: Record<string, string>): string {
  let out = cmd;
  for (const [k, v] of Object.entries(values)) out = out.split(k).join(v);
  return out;
}

async function curl(cmd: string): Promise<string> {
  const { stdout } = await run('bash', ['-c', cmd], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function analyzeOut(args: string[]): Promise<string> {
  const r = await runCli(['analyze', ...EXAMPLE_FILES, '-t', 'mssql', ...args, '--quiet']);
  expect(r.code).toBe(0);
  return r.stdout;
}

test('every curl command of the seeds works verbatim against sqlflow serve', async () => {
  const commands = seedCommands(server.url);
  const endpoint = (c: string) => /\/gspLive_backend\/sqlflow\/job\/(\w+)/.exec(c)![1];
  expect(new Set(commands.map(endpoint))).toEqual(
    new Set(['submitUserJob', 'displayUserJobSummary', 'displayUserJobsSummary', 'exportLineageAsJson', 'exportFullLineageAsCsv', 'exportLineageAsGraphml', 'submitPersistJob']),
  );
  const values = { 'YOUR USER ID HERE': 'alice', 'YOUR TOKEN HERE': 'T0KEN', 'FIRST FILE PATH': '1.sql', 'SECOND FILE PATH': '1.zip' };

  // 1. submitUserJob: the seeds' response, then the job runs to success.
  const submits = commands.filter((c) => endpoint(c) === 'submitUserJob');
  const submitted = JSON.parse(await curl(fill(submits[0]!, values)));
  expect(submitted).toMatchObject({ code: 200, data: { jobName: 'job1', userId: 'alice', dbVendor: 'dbvmssql', fileNames: ['1.sql', '1.zip'], status: 'create' } });
  expect(submitted.data.jobId).toMatch(/^[0-9a-f]{32}$/);
  const jobId: string = submitted.data.jobId;
  const done = await waitForJob(server.url, { userId: 'alice', token: 'T0KEN', jobId });
  expect(done.status).toBe('success');

  // 2. status, list and the three exports, with the seeds' job id replaced by ours.
  const ours = { ...values, [SEED_JOB_ID]: jobId };
  for (const c of commands.filter((x) => ['displayUserJobSummary', 'displayUserJobsSummary'].includes(endpoint(x)))) {
    const r = JSON.parse(await curl(fill(c, ours)));
    expect(r.code).toBe(200);
    if (endpoint(c) === 'displayUserJobSummary') expect(r.data).toMatchObject({ jobId, status: 'success', sessionId: expect.any(String) });
    else expect(r.data).toMatchObject({ total: 1, success: 1, partialSuccess: 0, fail: 0, jobIds: [jobId] });
  }
  const exportsRun = commands.filter((c) => endpoint(c).startsWith('export'));
  expect(exportsRun.length).toBeGreaterThanOrEqual(3);
  for (const c of exportsRun) {
    await curl(fill(c, ours));
    const file = /--output (\S+)/.exec(c)![1]!;
    const format = file.endsWith('.csv') ? 'csv' : file.endsWith('.graphml') ? 'graphml' : 'json';
    expect(readFileSync(join(dir, file), 'utf8')).toBe(await analyzeOnly(['1.sql', '1.zip'], ['-f', format]));
  }

  // 3. A regular job, then the incremental submit to it.
  const persists = commands.filter((c) => endpoint(c) === 'submitPersistJob');
  const first = persists.find((c) => !c.includes('JobId OF FIRST SUBMIT'))!;
  const incremental = persists.find((c) => c.includes('JobId OF FIRST SUBMIT'))!;
  const regular = JSON.parse(await curl(fill(first, values)));
  expect(regular).toMatchObject({ code: 200, data: { status: 'create', persist: true, incremental: true } });
  const regularId: string = regular.data.jobId;
  expect((await waitForJob(server.url, { userId: 'alice', token: 'T0KEN', jobId: regularId })).status).toBe('success');
  const again = JSON.parse(await curl(fill(incremental, { ...values, 'SECOND FILE PATH': '2.sql', 'JobId OF FIRST SUBMIT': regularId })));
  expect(again).toMatchObject({ code: 200, data: { jobId: regularId, fileNames: ['1.sql', '1.zip', '2.sql'] } });
  const after = await waitForJob(server.url, { userId: 'alice', token: 'T0KEN', jobId: regularId });
  expect(after).toMatchObject({ status: 'success', reusedFiles: ['1.sql', '1.zip!3.sql', '1.zip!4.sql'], parsedFiles: ['2.sql'] });
});

async function analyzeOnly(files: string[], args: string[]): Promise<string> {
  const r = await runCli(['analyze', ...files, '-t', 'mssql', ...args, '--quiet']);
  expect(r.code).toBe(0);
  return r.stdout;
}

/** Job options as the REST API names them, and the same as `analyze` options. */
const OPTION_SETS: { name: string; fields: Record<string, string>; args: string[] }[] = [
  { name: 'defaults', fields: {}, args: [] },
  {
    name: 'every option',
    fields: { showRelationType: 'fdd,fdr,join', ignoreRecordSet: 'false', ignoreFunction: 'false', showConstantTable: 'true', showTransform: 'true', dataflowOfAggregateFunction: 'indirect', defaultDatabase: 'prod', defaultSchema: 'dbo' },
    args: ['--relation-types', 'fdd,fdr,join', '--show-intermediate', '--show-function', '--show-constant-table', '--show-transform', '--aggregate', 'indirect', '--default-database', 'prod', '--default-schema', 'dbo'],
  },
];

const EXPORT_VARIANTS: { endpoint: string; fields: Record<string, string>; args: string[] }[] = [
  { endpoint: 'exportLineageAsJson', fields: {}, args: ['-f', 'json'] },
  { endpoint: 'exportLineageAsJson', fields: { tableToTable: 'true' }, args: ['-f', 'json', '--table-to-table'] },
  { endpoint: 'exportFullLineageAsCsv', fields: {}, args: ['-f', 'csv'] },
  { endpoint: 'exportFullLineageAsCsv', fields: { tableToTable: 'true', delimiter: ';' }, args: ['-f', 'csv', '--table-to-table', '--delimiter', ';'] },
  { endpoint: 'exportLineageAsGraphml', fields: {}, args: ['-f', 'graphml'] },
  { endpoint: 'exportLineageAsGraphml', fields: { tableToTable: 'true' }, args: ['-f', 'graphml', '--table-to-table'] },
];

describe.each(OPTION_SETS)('the example job ($name) exports what analyze writes', ({ fields, args }) => {
  test('through the server', async () => {
    const files = EXAMPLE_FILES.map((f): [string, string, Buffer] => ['sqlfiles', f, readFileSync(join(dir, f))]);
    const auth = { userId: 'bob', token: 'T0KEN' };
    const r = await postForm(`${server.url}${JOB_API}/submitUserJob`, { ...auth, dbvendor: 'dbvmssql', jobName: 'example', ...fields }, files);
    expect(r.status).toBe(200);
    const jobId = r.json.data.jobId;
    expect((await waitForJob(server.url, { ...auth, jobId })).status).toBe('success');
    for (const v of EXPORT_VARIANTS) {
      const e = await postForm(`${server.url}${JOB_API}/${v.endpoint}`, { ...auth, jobId, ...v.fields });
      expect(e.status).toBe(200);
      expect(e.text).toBe(await analyzeOut([...args, ...v.args]));
    }
  });

  test('through the CLI', async () => {
    const store = join(dir, 'cli-store');
    const s = await runCli(['job', 'submit', ...EXAMPLE_FILES, '-t', 'mssql', ...args, '--name', 'example', '--store', store, '--quiet']);
    expect(s.code).toBe(0);
    const data = JSON.parse(s.stdout).data;
    expect(data).toMatchObject({ jobName: 'example', dbVendor: 'dbvmssql', fileNames: EXAMPLE_FILES, status: 'success' });
    const status = JSON.parse((await runCli(['job', 'status', data.jobId, '--store', store])).stdout).data;
    expect(status.status).toBe('success');
    for (const v of EXPORT_VARIANTS) {
      const e = await runCli(['job', 'export', data.jobId, '--store', store, ...v.args]);
      expect(e.code).toBe(0);
      expect(e.stdout).toBe(await analyzeOut([...args, ...v.args]));
    }
  });
});

test("the README's server examples (its curl blocks) run as written against a real server", async () => {
  const readme = readFileSync(repoPath('README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```/gm)].map((m) => m[1]!).filter((b) => /^curl /m.test(b));
  expect(blocks.length).toBeGreaterThanOrEqual(2);
  const plain = await startTestServer({ storeDir: join(dir, 'readme-store'), inline: true });
  const work = tempDir('sqlflow-readme-curl-');
  try {
    cpSync(repoPath('samples'), join(work, 'samples'), { recursive: true });
    const host = plain.url.replace('http://', '');
    const script = blocks
      .join('\n')
      .split('\n')
      .filter((l) => !l.startsWith('bin/sqlflow serve'))
      .join('\n')
      .split('127.0.0.1:8081')
      .join(host);
    const { stdout } = await run('bash', ['-e', '-c', script], { cwd: work });
    expect(stdout).toContain('"code":200');
    expect(stdout).toContain('"type_name":"Node"');
    const wh = join(work, 'samples', 'warehouse');
    process.chdir(wh);
    try {
      const files = ['01_staging.sql', '02_dimensions.sql'];
      const an = async (args: string[]) => (await runCli(['analyze', ...files, ...args, '--quiet'])).stdout;
      expect(readFileSync(join(wh, 'lineage.json'), 'utf8')).toBe(await an([]));
      expect(readFileSync(join(wh, 'lineage.csv'), 'utf8')).toBe(await an(['-f', 'csv', '--table-to-table', '--delimiter', '|']));
      expect(readFileSync(join(wh, 'lineage.graphml'), 'utf8')).toBe(await an(['-f', 'graphml']));
    } finally {
      process.chdir(dir);
    }
    const list = await postForm(`${plain.url}${JOB_API}/displayUserJobsSummary`, { userId: 'demo' });
    // job1 deleted at the end; the regular job holds three files after the incremental submit.
    expect(list.json.data.jobDetails.map((j: any) => j.fileNames)).toEqual([['01_staging.sql', '02_dimensions.sql', '03_facts.sql']]);
  } finally {
    await plain.close();
    removeDir(work);
  }
});
