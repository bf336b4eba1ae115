/**
 * DataArts lineage (seed 003): POST /v1/{project_id}/lineage/lineage-info validated against the
 * seed's tables, stored as a job; `--format dataarts` bodies pass that validation; `--with-lineage`
 * merges bodies into every format.
 */
import { jest } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineageValidator } from '../../src/dataarts/schema.js';
import type { RunningServer } from '../../src/server/serve.js';
import { runCli } from '../helpers/cli.js';
import { EXAMPLE_FILES, JOB_API, postForm, removeDir, send, startTestServer, tempDir, waitForJob, writeExample } from '../helpers/jobs.js';

jest.setTimeout(60_000);

/** The seed's example request. */
const SEED_BODY = {
  cluster_id: 'actual_cluster_id',
  data_source_type: 'actual_data_source_type',
  connection_id: '003b3ed52daf41e6829a0bc74526f5f7',
  connection_name: 'dli_test',
  workspace_id: '1b59d3c777ad4d619b89eeac4f3cce87',
  job_id: 'testJobID',
  node_name: 'testNodeMName',
  table_lineage: {
    input_tables: [{ catalog: 'spark_catalog', database: 'nbbtemp', schema: '', table: 'origndata_typeall' }],
    output_tables: [{ catalog: 'spark_catalog', database: 'nbbtemp', schema: '', table: 'lineageTable1' }],
    column_lineages: [
      {
        input_columns: [{ database: 'nbbtemp', schema: '', table: 'origndata_typeall', column: 'stringf' }],
        output_columns: [{ database: 'nbbtemp', schema: '', table: 'lineageTable1', column: 'col1' }],
      },
    ],
  },
};

let dir: string;
let server: RunningServer;
let open: RunningServer;
const cwd = process.cwd();

beforeAll(async () => {
  dir = tempDir();
  writeExample(dir);
  server = await startTestServer({ storeDir: join(dir, 's1'), inline: true, auth: { users: new Map([['alice', 'tok-a']]) } });
  open = await startTestServer({ storeDir: join(dir, 's2'), inline: true });
  process.chdir(dir);
});

afterAll(async () => {
  process.chdir(cwd);
  await Promise.all([server.close(), open.close()]);
  removeDir(dir);
});

function post(s: RunningServer, body: unknown, headers: Record<string, string> = { 'x-auth-token': 'tok-a', workspace: 'ws1' }, project = 'proj1') {
  return send(`${s.url}/v1/${project}/lineage/lineage-info`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

test("the seed's example is accepted, answered as the seed shows, and kept as an exportable job", async () => {
  const r = await post(server, SEED_BODY);
  expect(r.status).toBe(200);
  expect(r.json).toEqual([{ name: 'testNodeMName', type_name: 'Node', qualified_name: expect.stringMatching(/^manual\.[0-9a-f]{32}@node\.[0-9a-f]{32}-workspace-ws1$/) }]);
  const list = await postForm(`${server.url}${JOB_API}/displayUserJobsSummary`, { userId: 'alice', token: 'tok-a' });
  const job = list.json.data.jobDetails.find((j: any) => j.jobName === 'dataarts:proj1/ws1');
  expect(job).toMatchObject({ persist: true, incremental: true });
  expect(r.json[0].qualified_name).toContain(job.jobId);
  expect((await waitForJob(server.url, { userId: 'alice', token: 'tok-a', jobId: job.jobId })).status).toBe('success');
  const csv = await postForm(`${server.url}${JOB_API}/exportFullLineageAsCsv`, { userId: 'alice', token: 'tok-a', jobId: job.jobId });
  expect(csv.text).toContain('nbbtemp,DEFAULT,origndata_typeall,stringf,nbbtemp,DEFAULT,lineageTable1,col1,fdd,insert');

  // A second body for the same project and workspace goes to the same job.
  const second = { node_name: 'python_step', table_lineage: { input_tables: [{ table: 'lineageTable1', database: 'nbbtemp' }], output_tables: [{ table: 'report', database: 'nbbtemp' }] } };
  expect((await post(server, second)).status).toBe(200);
  const again = await postForm(`${server.url}${JOB_API}/displayUserJobsSummary`, { userId: 'alice', token: 'tok-a' });
  expect(again.json.data.total).toBe(1);
  await waitForJob(server.url, { userId: 'alice', token: 'tok-a', jobId: job.jobId });
  const table = await postForm(`${server.url}${JOB_API}/exportFullLineageAsCsv`, { userId: 'alice', token: 'tok-a', jobId: job.jobId, tableToTable: 'true' });
  // No column lineage in that body: the table pair is there, as a row-level (fdr) flow.
  expect(table.text).toContain('nbbtemp,DEFAULT,lineageTable1,nbbtemp,DEFAULT,report,fdr,insert');
  expect(table.text).toContain('nbbtemp,DEFAULT,origndata_typeall,nbbtemp,DEFAULT,lineageTable1,fdd,insert');
});

const tables = (n: number) => Array.from({ length: n }, (_, i) => ({ table: `t${i}` }));
const cols = (n: number) => Array.from({ length: n }, (_, i) => ({ table: 't', column: `c${i}` }));
const lineage = (tl: object) => ({ table_lineage: { input_tables: tables(1), output_tables: tables(1), ...tl } });

test.each([
  ['no input table', lineage({ input_tables: [] }), 'table_lineage.input_tables: must NOT have fewer than 1 items'],
  ['101 output tables', lineage({ output_tables: tables(101) }), 'table_lineage.output_tables: must NOT have more than 100 items'],
  ['101 column lineages', lineage({ column_lineages: Array.from({ length: 101 }, () => ({ input_columns: cols(1), output_columns: cols(1) })) }), 'table_lineage.column_lineages: must NOT have more than 100 items'],
  ['input_columns missing', lineage({ column_lineages: [{ output_columns: cols(1) }] }), 'table_lineage.column_lineages[0].input_columns: required field missing'],
  ['101 output columns', lineage({ column_lineages: [{ input_columns: cols(1), output_columns: cols(101) }] }), 'table_lineage.column_lineages[0].output_columns: must NOT have more than 100 items'],
  ['a table name that is a number', lineage({ input_tables: [{ table: 5 }] }), 'table_lineage.input_tables[0].table: must be string'],
  ['output_tables missing', { table_lineage: { input_tables: tables(1) } }, 'table_lineage.output_tables: required field missing'],
  ['an unknown field', { ...SEED_BODY, jobid: 'x' }, 'jobid: unknown field'],
  ['a list instead of an object', [SEED_BODY], '(body): must be object'],
  ['node_name not a string', { node_name: ['a'] }, 'node_name: must be string'],
])('%s: 400 naming the field', async (_name, body, message) => {
  const r = await post(server, body);
  expect(r.status).toBe(400);
  expect(r.json).toEqual({ error_code: 'DLG.0400', error_msg: expect.any(String) });
  expect(r.json.error_msg).toContain(message);
});

test('headers, token and malformed bodies: 400/401 in the DataArts envelope, never 500', async () => {
  const cases: [Promise<{ status: number; json: any }>, number][] = [
    [post(server, SEED_BODY, { workspace: 'ws1' }), 401],
    [post(server, SEED_BODY, { 'x-auth-token': 'wrong', workspace: 'ws1' }), 401],
    [post(server, SEED_BODY, { 'x-auth-token': 'tok-a' }), 400],
    [post(server, SEED_BODY, { 'x-auth-token': 'tok-a', workspace: '../../x' }), 400],
    [post(server, '{"table_lineage": ', undefined), 400],
    [post(server, 'null'), 400],
    [post(server, SEED_BODY, undefined, 'a.b'), 400],
    [send(`${server.url}/v1/p/lineage/lineage-info`, { method: 'POST', headers: { 'x-auth-token': 'tok-a', workspace: 'w', 'content-type': 'text/plain' }, body: 'hello' }), 400],
  ];
  for (const [p, code] of cases) {
    const r = await p;
    expect(r.status).toBe(code);
    expect(r.json).toEqual({ error_code: expect.stringMatching(/^DLG\.\d+$/), error_msg: expect.any(String) });
  }
  // Without tokens configured the header is not needed; the job belongs to user "dataarts".
  expect((await post(open, SEED_BODY, { workspace: 'w2' })).status).toBe(200);
  const list = await postForm(`${open.url}${JOB_API}/displayUserJobsSummary`, { userId: 'dataarts' });
  expect(list.json.data.jobDetails[0].jobName).toBe('dataarts:proj1/w2');
});

test('every body of `job export -f dataarts` passes the server validation and is accepted', async () => {
  const store = join(dir, 'cli-store');
  const s = await runCli(['job', 'submit', ...EXAMPLE_FILES, '-t', 'mssql', '--name', 'example', '--store', store, '--quiet']);
  const jobId = JSON.parse(s.stdout).data.jobId;
  const bodies = JSON.parse((await runCli(['job', 'export', jobId, '-f', 'dataarts', '--store', store])).stdout) as any[];
  expect(bodies.length).toBeGreaterThan(2);
  const validate = await lineageValidator();
  for (const b of bodies) {
    expect(validate(b)).toBeUndefined();
    expect(b.job_id).toBe('example');
    expect((await post(open, b, { workspace: 'exports' })).status).toBe(200);
  }
});

test('analyze --with-lineage merges the bodies into every format; a bad file is exit 2 naming it', async () => {
  writeFileSync('manual.json', JSON.stringify([SEED_BODY, { node_name: 'py', table_lineage: { input_tables: [{ schema: 'dbo', table: 'stg_orders' }], output_tables: [{ table: 'ml_features' }], column_lineages: [{ input_columns: [{ schema: 'dbo', table: 'stg_orders', column: 'amount' }], output_columns: [{ table: 'ml_features', column: 'spend' }] }] } }]));
  const plain = await runCli(['analyze', ...EXAMPLE_FILES, '-t', 'mssql', '-f', 'csv', '--quiet']);
  const merged = await runCli(['analyze', ...EXAMPLE_FILES, '-t', 'mssql', '-f', 'csv', '--quiet', '--with-lineage', 'manual.json']);
  expect(merged.code).toBe(0);
  expect(merged.stdout.startsWith(plain.stdout)).toBe(true);
  expect(merged.stdout).toContain('nbbtemp,DEFAULT,origndata_typeall,stringf,nbbtemp,DEFAULT,lineageTable1,col1,fdd,insert');
  // Matched to the SQL's own table: dbo.stg_orders.amount feeds the manual step.
  expect(merged.stdout).toContain('DEFAULT,dbo,stg_orders,amount,DEFAULT,DEFAULT,ml_features,spend,fdd,insert');
  for (const f of ['json', 'graphml', 'dataarts']) {
    const out = await runCli(['analyze', ...EXAMPLE_FILES, '-t', 'mssql', '-f', f, '--quiet', '--with-lineage', 'manual.json']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('ml_features');
  }
  const job = await runCli(['job', 'submit', ...EXAMPLE_FILES, '-t', 'mssql', '--with-lineage', 'manual.json', '--store', join(dir, 'wl'), '--quiet']);
  const jobId = JSON.parse(job.stdout).data.jobId;
  expect((await runCli(['job', 'export', jobId, '-f', 'csv', '--store', join(dir, 'wl')])).stdout).toBe(merged.stdout);

  writeFileSync('bad.json', JSON.stringify({ table_lineage: { input_tables: [], output_tables: [{ table: 'x' }] } }));
  const bad = await runCli(['analyze', '1.sql', '--with-lineage', 'bad.json']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('bad.json: error: not a DataArts lineage-info body: table_lineage.input_tables: must NOT have fewer than 1 items');
  writeFileSync('notjson.json', '{\n  "a": ,\n}');
  const nj = await runCli(['analyze', '1.sql', '--with-lineage', 'notjson.json']);
  expect(nj.code).toBe(2);
  expect(nj.stderr).toMatch(/notjson\.json(:2:\d+)?: error: not JSON/);
  expect((await runCli(['analyze', '1.sql', '--with-lineage', 'missing.json'])).stderr).toContain('missing.json: error: lineage file not found');
  expect(readFileSync('manual.json', 'utf8')).toContain('testNodeMName');
});
