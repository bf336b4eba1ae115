/**
 * SQLFlow's widget against a real `sqlflow serve` (127.0.0.1, free port): its calls as the widget
 * sends them (form posts, `userId`, the token in `Authorization: Token ...`), the job API's token
 * rules, 404 for calls not offered, `--allow-origin` CORS with its preflight, and the job list
 * newest first (the widget opens the first job as the latest).
 */
import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parseOrigin } from '../../src/cli/serve.js';
import type { RunningServer } from '../../src/server/serve.js';
import { repoPath } from '../helpers/paths.js';
import { JOB_API, postForm, removeDir, send, startTestServer, tempDir, waitForJob } from '../helpers/jobs.js';

jest.setTimeout(60_000);

const WIDGET_USER = 'gudu|0123456789';
const TOKEN = 'widget-secret';
const PORTAL = 'http://portal.example.com:8080';
const BASE = '/gspLive_backend/sqlflow';
const SQL = `INSERT INTO dw.sales (cust, amount)
SELECT c.name, o.amount FROM src.orders o JOIN src.customers c ON o.cust_id = c.id;`;

const schema = JSON.parse(readFileSync(repoPath('test', 'widget', 'sqlflow-graph.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

let dir: string;
let server: RunningServer;
let open: RunningServer;
let firstJob: string;
let latestJob: string;

/** A form post as the widget makes it: url-encoded, userId added, the token in a header. */
async function widgetCall(s: RunningServer, path: string, fields: Record<string, string>, token: string | null = TOKEN) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', accept: 'application/json' };
  if (token !== null) headers.authorization = `Token ${token}`;
  return send(`${s.url}${BASE}/${path}`, { method: 'POST', headers, body: new URLSearchParams({ userId: WIDGET_USER, ...fields }).toString() });
}

function drawn(doc: any): { tables: string[]; columns: number; edges: number } {
  const g = doc.data.graph.elements;
  return { tables: g.tables.map((t: any) => t.label.content), columns: g.tables.reduce((n: number, t: any) => n + t.columns.length, 0), edges: g.edges.length };
}

async function submit(s: RunningServer, name: string, text: string, token?: string): Promise<string> {
  const fields = { userId: WIDGET_USER, jobName: name, dbvendor: 'dbvoracle', showRelationType: 'fdd,join', ...(token ? { token } : {}) };
  const r = await postForm(`${s.url}${JOB_API}/submitUserJob`, fields, [['sqlfiles', `${name}.sql`, Buffer.from(text)]]);
  expect(r.status).toBe(200);
  await waitForJob(s.url, { ...fields, jobId: r.json.data.jobId });
  return r.json.data.jobId as string;
}

beforeAll(async () => {
  dir = tempDir();
  server = await startTestServer({ storeDir: join(dir, 'a'), inline: true, auth: { token: TOKEN }, allowOrigins: [PORTAL] });
  open = await startTestServer({ storeDir: join(dir, 'b'), inline: true });
  firstJob = await submit(server, 'first', SQL, TOKEN);
  latestJob = await submit(server, 'latest', 'INSERT INTO dw.x (a) SELECT a FROM src.y;', TOKEN);
});

afterAll(async () => {
  await Promise.all([server.close(), open.close()]);
  removeDir(dir);
});

test('demo 1: generation/sqlflow/graph with the widget parameters draws the SQL (valid document)', async () => {
  const r = await widgetCall(server, 'generation/sqlflow/graph', {
    sqltext: SQL, dbvendor: 'dbvoracle', showRelationType: 'fdd', ignoreRecordSet: 'true', ignoreFunction: 'true',
    showConstantTable: 'false', showTransform: 'false', treatArgumentsInCountFunctionAsDirectDataflow: 'true',
  });
  expect(r.status).toBe(200);
  expect(validate(r.json)).toBe(true);
  expect(drawn(r.json)).toEqual({ tables: expect.arrayContaining(['dw.sales', 'src.orders', 'src.customers']), columns: 4, edges: 2 });
  expect(r.json.sessionId).toMatch(/^[0-9a-f]{64}$/);
});

test('demo 2: the job list is newest first; the job opens through its session (updateUserJobGraphCache, selectedgraph)', async () => {
  const list = await widgetCall(server, 'job/displayUserJobsSummary', {});
  expect(list.json.data.jobIds).toEqual([latestJob, firstJob]);
  const cache = await widgetCall(server, 'job/updateUserJobGraphCache', { jobId: firstJob });
  expect(cache.status).toBe(200);
  const sessionId = cache.json.data.sessionId as string;
  const graph = await widgetCall(server, 'generation/sqlflow/selectedgraph', { sessionId, dbvendor: 'dbvoracle', showRelationType: 'fdd', ignoreRecordSet: 'true' });
  expect(graph.status).toBe(200);
  expect(validate(graph.json)).toBe(true);
  expect(graph.json.jobId).toBe(firstJob);
  expect(drawn(graph.json)).toEqual({ tables: expect.arrayContaining(['dw.sales', 'src.orders', 'src.customers']), columns: 4, edges: 2 });
  // The job keeps its join relations: asked for, they are drawn too.
  const withJoins = await widgetCall(server, 'generation/sqlflow/selectedgraph', { sessionId, showRelationType: 'fdd,join' });
  expect(drawn(withJoins.json).edges).toBeGreaterThan(2);
});

test('job/displayUserLatestJobGraph draws the latest job; displayUserJobGraph the one named', async () => {
  const latest = await widgetCall(server, 'job/displayUserLatestJobGraph', {});
  expect(latest.json.jobId).toBe(latestJob);
  expect(drawn(latest.json).tables.sort()).toEqual(['dw.x', 'src.y']);
  const named = await widgetCall(server, 'job/displayUserJobGraph', { jobId: firstJob });
  expect(named.json.jobId).toBe(firstJob);
});

test('exportFullLineageAsJson|Csv of SQL text: the documents of -f json and -f csv, as downloads', async () => {
  const json = await widgetCall(server, 'generation/sqlflow/exportFullLineageAsJson', { sqltext: SQL, dbvendor: 'dbvoracle' });
  expect(json.status).toBe(200);
  expect(json.json.data.sqlflow.dbobjs).toEqual(expect.any(Array));
  const csv = await widgetCall(server, 'generation/sqlflow/exportFullLineageAsCsv', { sqltext: SQL, dbvendor: 'dbvoracle', delimiter: '|' });
  expect(csv.status).toBe(200);
  expect(csv.text.split('\n')[1]).toBe('DEFAULT|src|customers|name|DEFAULT|dw|sales|cust|fdd|insert');
});

describe('the job API token rules', () => {
  test('no token or a wrong one is 401 in the envelope; the token as a parameter works too', async () => {
    for (const token of [null, '', 'widget-secreT']) {
      const r = await widgetCall(server, 'generation/sqlflow/graph', { sqltext: SQL }, token);
      expect([r.status, r.json]).toEqual([401, { code: 401, error: 'invalid userId or token' }]);
    }
    const param = await widgetCall(server, 'job/displayUserLatestJobGraph', { token: TOKEN }, null);
    expect(param.status).toBe(200);
  });

  test('another user sees none of the jobs', async () => {
    const other = await send(`${server.url}${BASE}/job/displayUserJobGraph`, { method: 'POST', headers: { authorization: `Token ${TOKEN}` }, body: new URLSearchParams({ userId: 'mallory', jobId: firstJob }) });
    expect(other.status).toBe(404);
    const latest = await send(`${server.url}${BASE}/job/displayUserLatestJobGraph`, { method: 'POST', headers: { authorization: `Token ${TOKEN}` }, body: new URLSearchParams({ userId: 'mallory' }) });
    expect(latest.status).toBe(404);
    expect(latest.json.error).toMatch(/no job with a lineage/);
  });

  test('without tokens on the server, the widget needs nothing but its user', async () => {
    const r = await widgetCall(open, 'generation/sqlflow/graph', { sqltext: SQL }, null);
    expect(r.status).toBe(200);
  });
});

test('a widget call sqlflow does not offer is a 404 naming it', async () => {
  for (const path of ['generation/sqlflow/upstreamGraph', 'job/displayProcedureGraph', 'generation/sqlflow/graph/share/abc123']) {
    const r = await widgetCall(server, path, {});
    expect(r.status).toBe(404);
    expect(r.json.error).toMatch(/^sqlflow serve does not offer (generation|job)\/\S+ \(a SQLFlow widget call\)/);
  }
});

describe('--allow-origin', () => {
  const preflight = (s: RunningServer, origin: string) =>
    fetch(`${s.url}${BASE}/generation/sqlflow/graph`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });

  test('the portal origin passes the preflight and reads the answers', async () => {
    const pre = await preflight(server, PORTAL);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    const res = await fetch(`${server.url}${JOB_API}/displayUserJobsSummary`, { method: 'POST', headers: { origin: PORTAL, authorization: `Token ${TOKEN}` }, body: new URLSearchParams({ userId: WIDGET_USER }) });
    expect(res.headers.get('access-control-allow-origin')).toBe(PORTAL);
  });

  test('a call not offered passes the preflight, so the page reads its 404', async () => {
    const pre = await fetch(`${server.url}${BASE}/generation/sqlflow/upstreamGraph`, { method: 'OPTIONS', headers: { origin: PORTAL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
    expect([pre.status, pre.headers.get('access-control-allow-origin')]).toEqual([204, PORTAL]);
    const res = await fetch(`${server.url}${BASE}/generation/sqlflow/upstreamGraph`, { method: 'POST', headers: { origin: PORTAL } });
    expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([404, PORTAL]);
  });

  test('another origin, or a server without the option, gets no CORS header', async () => {
    expect((await preflight(server, 'http://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(open, PORTAL)).headers.get('access-control-allow-origin')).toBeNull();
  });
});

test('--allow-origin takes origins exactly as browsers send them', () => {
  expect(parseOrigin('https://portal.example.com', ['http://a.example'])).toEqual(['http://a.example', 'https://portal.example.com']);
  expect(parseOrigin('http://127.0.0.1:8080')).toEqual(['http://127.0.0.1:8080']);
  for (const bad of ['https://portal.example.com/', 'https://portal.example.com/widget', 'portal.example.com', '*', 'file:///tmp/x']) expect(() => parseOrigin(bad)).toThrow(/expected an origin/);
});
