/**
 * `sqlflow job` in-process: the store's layout and records, statuses, errors (unknown id, damaged
 * or newer records: a clear message naming the file, exit 2, other jobs still usable), and the
 * incremental cache (an unchanged file is not parsed again; the result equals a fresh job's).
 */
import { jest } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { useTempCwd } from '../helpers/jobs.js';

jest.setTimeout(60_000);

const cwd = useTempCwd();

async function job(...args: string[]) {
  return runCli(['job', ...args, '--store', join(cwd(), 'store')]);
}

async function submit(...args: string[]): Promise<any> {
  const r = await job('submit', ...args);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).data;
}

test('submit stores the files as submitted, the record with the seeds fields, and the result', async () => {
  writeFileSync('a.sql', 'insert into t2 (x) select a from t1;\n');
  writeFileSync('b.sql', 'select broken from;\nselect y from t2;\n');
  const data = await submit('a.sql', 'b.sql', '--name', 'first', '--user', 'alice', '-t', 'oracle', '--relation-types', 'fdd,fdr');
  expect(data).toMatchObject({ jobName: 'first', userId: 'alice', dbVendor: 'dbvoracle', fileNames: ['a.sql', 'b.sql'], status: 'partialSuccess' });
  const folder = join(cwd(), 'store', 'jobs', data.jobId);
  const record = JSON.parse(readFileSync(join(folder, 'job.json'), 'utf8'));
  expect(record).toMatchObject({
    jobId: data.jobId,
    showRelationType: 'fdd,fdr',
    ignoreRecordSet: true,
    ignoreFunction: true,
    dataflowOfAggregateFunction: 'direct',
    persist: false,
    incremental: false,
    statements: { total: 3, failed: 1 },
    executeTime: expect.stringMatching(/^\d+min \d+sec$/),
    createTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
  });
  expect(record.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: 'b.sql', line: 1 })]);
  const stored = readdirSync(join(folder, 'files')).sort();
  expect(stored.map((f) => readFileSync(join(folder, 'files', f), 'utf8')).sort()).toEqual([readFileSync('a.sql', 'utf8'), readFileSync('b.sql', 'utf8')].sort());
  expect(existsSync(join(folder, 'result.json'))).toBe(true);

  const status = JSON.parse((await job('status', data.jobId)).stdout);
  expect(status).toMatchObject({ code: 200, data: { jobId: data.jobId, status: 'partialSuccess', sessionId: expect.stringMatching(/^[0-9a-f]{64}_\d+$/) } });
  expect(status.data.files).toBeUndefined();
});

test('status is fail when no statement could be analyzed or an input is unreadable; list counts each status', async () => {
  writeFileSync('good.sql', 'select a from t;\n');
  writeFileSync('bad.sql', 'selec nothing;\n');
  writeFileSync('bin.sql', Buffer.from([0, 1, 2, 3, 0, 0]));
  const ok = await submit('good.sql');
  const bad = await submit('bad.sql');
  const bin = await submit('good.sql', 'bin.sql');
  expect(ok.status).toBe('success');
  expect(bad.status).toBe('fail');
  expect(bin.status).toBe('fail');
  const binStatus = JSON.parse((await job('status', bin.jobId)).stdout).data;
  expect(binStatus.errorMessage).toMatch(/input unreadable: bin.sql: binary file/);
  const list = JSON.parse((await job('list')).stdout).data;
  expect(list).toMatchObject({ total: 3, success: 1, partialSuccess: 0, fail: 2 });
  expect([...list.jobIds].sort()).toEqual([ok.jobId, bad.jobId, bin.jobId].sort());
  expect(list.jobDetails[0].diagnostics).toBeUndefined();
  const strict = await job('submit', 'bad.sql', '--strict');
  expect(strict.code).toBe(1);
});

test('unknown, malformed and deleted job ids: a clear error and exit 2', async () => {
  for (const id of ['0'.repeat(32), 'not-an-id', '../store']) {
    for (const cmd of [['status', id], ['export', id], ['delete', id]]) {
      const r = await job(...cmd);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/sqlflow: error: no job with id (or name )?/);
      expect(r.stderr).toContain(id);
    }
  }
  writeFileSync('a.sql', 'select 1;\n');
  const data = await submit('a.sql');
  const del = await job('delete', data.jobId);
  expect(del.code).toBe(0);
  expect(JSON.parse(del.stdout).data.jobId).toBe(data.jobId);
  expect((await job('status', data.jobId)).code).toBe(2);
  expect(JSON.parse((await job('list')).stdout).data.total).toBe(0);
  expect((await job('submit', 'missing.sql')).code).toBe(2);
});

test('a damaged or newer job.json names the file; the other jobs stay usable', async () => {
  writeFileSync('a.sql', 'insert into t2 select a from t1;\n');
  const one = await submit('a.sql');
  const two = await submit('a.sql');
  const record = join(cwd(), 'store', 'jobs', one.jobId, 'job.json');
  writeFileSync(record, '{"jobId": "oops", tru');
  const status = await job('status', one.jobId);
  expect(status.code).toBe(2);
  expect(status.stderr).toMatch(new RegExp(`${record}: damaged job record \\(not JSON\\)`));
  expect(status.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  const list = await job('list');
  expect(list.code).toBe(0);
  expect(JSON.parse(list.stdout).data.jobIds).toEqual([two.jobId]);
  expect(list.stderr).toContain(`${record}: damaged job record`);
  expect((await job('export', two.jobId, '-f', 'csv')).code).toBe(0);

  writeFileSync(record, JSON.stringify({ ...JSON.parse(readFileSync(join(cwd(), 'store', 'jobs', two.jobId, 'job.json'), 'utf8')), jobId: one.jobId, storeFormat: 99 }));
  const newer = await job('status', one.jobId);
  expect(newer.code).toBe(2);
  expect(newer.stderr).toContain('job written by a newer sqlflow (format 99)');

  writeFileSync(join(cwd(), 'store', 'store.json'), '{"format": 7}');
  const store = await job('list');
  expect(store.code).toBe(2);
  expect(store.stderr).toContain('store.json: store written by a newer sqlflow (format 7)');
});

test('export -o writes the file atomically; --user limits what one sees', async () => {
  writeFileSync('a.sql', 'insert into t2 select a from t1;\n');
  const data = await submit('a.sql', '--user', 'alice');
  const r = await job('export', data.jobId, '-f', 'csv', '-o', 'out.csv');
  expect(r.code).toBe(0);
  expect(readFileSync('out.csv', 'utf8')).toBe((await runCli(['analyze', 'a.sql', '-f', 'csv', '--quiet'])).stdout);
  expect((await job('status', data.jobId, '--user', 'bob')).code).toBe(2);
  expect(JSON.parse((await job('list', '--user', 'bob')).stdout).data.total).toBe(0);
  expect(JSON.parse((await job('list', '--user', 'alice')).stdout).data.total).toBe(1);
});

test('a job can be named instead of its id: the latest job of that name', async () => {
  writeFileSync('a.sql', 'insert into t2 select a from t1;\n');
  await submit('a.sql', '--name', 'nightly');
  const latest = await submit('a.sql', '--name', 'nightly', '--persist');
  expect(JSON.parse((await job('status', 'nightly')).stdout).data.jobId).toBe(latest.jobId);
  writeFileSync('b.sql', 'insert into t3 select a from t2;\n');
  expect((await submit('b.sql', '--job', 'nightly')).fileNames).toEqual(['b.sql']);
  expect((await job('export', 'nightly', '-f', 'csv')).stdout).toContain('t3');
  const missing = await job('status', 'nope');
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('no job with id or name nope');
});

describe('regular jobs', () => {
  const files = {
    'a.sql': 'create table s.t1 (a int, b int);\ninsert into s.t2 (x, y) select a, b from s.t1;\n',
    'b.sql': 'insert into s.t3 select * from s.t2;\n',
    'c.sql': 'create view s.v as select x from s.t3;\n',
  };

  test('an incremental submit re-parses only the changed file and equals a fresh job, byte for byte', async () => {
    for (const [name, text] of Object.entries(files)) writeFileSync(name, text);
    const first = await submit('a.sql', 'b.sql', 'c.sql', '--persist', '--incremental', '--name', 'regular');
    expect(first).toMatchObject({ status: 'success', persist: true, incremental: true });
    let record = JSON.parse((await job('status', first.jobId)).stdout).data;
    expect(record.parsedFiles).toEqual(['a.sql', 'b.sql', 'c.sql']);

    writeFileSync('b.sql', 'insert into s.t3 (x) select y from s.t2;\n');
    const second = await submit('b.sql', '--job', first.jobId);
    expect(second).toMatchObject({ jobId: first.jobId, fileNames: ['a.sql', 'b.sql', 'c.sql'], status: 'success' });
    record = JSON.parse((await job('status', first.jobId)).stdout).data;
    expect(record.parsedFiles).toEqual(['b.sql']);
    expect(record.reusedFiles).toEqual(['a.sql', 'c.sql']);

    const fresh = await submit('a.sql', 'b.sql', 'c.sql', '--name', 'fresh');
    for (const args of [['-f', 'json'], ['-f', 'csv'], ['-f', 'graphml'], ['-f', 'json', '--table-to-table'], ['-f', 'dataarts']]) {
      const inc = (await job('export', first.jobId, ...args)).stdout;
      const full = (await job('export', fresh.jobId, ...args)).stdout;
      if (args[1] === 'dataarts') expect(inc.split('"regular"').join('"fresh"')).toBe(full);
      else expect(inc).toBe(full);
    }
    expect((await job('export', first.jobId)).stdout).toBe((await runCli(['analyze', 'a.sql', 'b.sql', 'c.sql', '--quiet'])).stdout);
  });

  test('the cached parse is what the run uses (a tampered cache entry shows in the lineage)', async () => {
    for (const [name, text] of Object.entries(files)) writeFileSync(name, text);
    const first = await submit('a.sql', 'b.sql', 'c.sql', '--persist', '--incremental');
    const cache = join(cwd(), 'store', 'jobs', first.jobId, 'cache');
    const entries = readdirSync(cache);
    expect(entries).toHaveLength(3);
    // Rename the view in the cached parse of c.sql: if c.sql were parsed again, this would not show.
    for (const e of entries) {
      const text = readFileSync(join(cache, e), 'utf8');
      if (text.includes('"v"')) writeFileSync(join(cache, e), text.split('"v"').join('"v_from_cache"'));
    }
    writeFileSync('a.sql', `${files['a.sql']}-- touched\n`);
    await submit('a.sql', '--job', first.jobId);
    const csv = (await job('export', first.jobId, '-f', 'csv')).stdout;
    expect(csv).toContain('v_from_cache');
    const record = JSON.parse((await job('status', first.jobId)).stdout).data;
    expect(record.parsedFiles).toEqual(['a.sql']);
    expect(readdirSync(cache)).toHaveLength(3);
  });

  test('a non-incremental submit to a regular job replaces its files; a simple job takes no more submits', async () => {
    for (const [name, text] of Object.entries(files)) writeFileSync(name, text);
    const first = await submit('a.sql', 'b.sql', '--persist');
    const second = await submit('c.sql', '--job', first.jobId);
    expect(second.fileNames).toEqual(['c.sql']);
    expect(readdirSync(join(cwd(), 'store', 'jobs', first.jobId, 'files'))).toHaveLength(1);
    const simple = await submit('a.sql');
    const refused = await job('submit', 'b.sql', '--job', simple.jobId);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not a regular job');
  });
});
