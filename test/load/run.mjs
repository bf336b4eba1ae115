#!/usr/bin/env node
/**
 * `npm run load` (after `npm run build`): a real `sqlflow serve` (the built one, in this process,
 * jobs in its worker thread) on 127.0.0.1 and a free port, and 20 concurrent clients sending 1,000
 * requests in all, a mix of submitUserJob, displayUserJobSummary, displayUserJobsSummary and the
 * three exports. Reports requests/s, latency percentiles, errors (any answer other than 200) and
 * lost jobs (submitted, answered 200, and not `success` in the end). Exit 1 on any error or loss.
 *
 *   node test/load/run.mjs [--requests 1000] [--clients 20]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const ROOT = new URL('../../', import.meta.url);
const { values } = parseArgs({ options: { requests: { type: 'string', default: '1000' }, clients: { type: 'string', default: '20' } } });
const TOTAL = Number(values.requests);
const CLIENTS = Number(values.clients);

let startServer;
try {
  ({ startServer } = await import(new URL('dist/src/server/serve.js', ROOT).href));
} catch {
  console.error('load: run `npm run build` first (dist/src/server/serve.js is missing)');
  process.exit(2);
}

const store = mkdtempSync(join(tmpdir(), 'sqlflow-load-'));
const server = await startServer({ host: '127.0.0.1', port: 0, storeDir: store, auth: {}, maxUpload: 100 * 1024 * 1024, queueCapacity: 100, version: 'load' });
const API = `${server.url}/gspLive_backend/sqlflow/job`;
const sample = (f) => readFileSync(new URL(`samples/warehouse/${f}`, ROOT));
const FILES = ['01_staging.sql', '02_dimensions.sql', '03_facts.sql'].map((f) => [f, sample(f)]);

const latencies = [];
const errors = new Map();
const submitted = [];
const finished = [];
let sent = 0;

async function post(endpoint, fields, files = []) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [name, bytes] of files) form.append('sqlfiles', new Blob([bytes]), name);
  const t = performance.now();
  let status = 0;
  let body = '';
  try {
    const res = await fetch(`${API}/${endpoint}`, { method: 'POST', body: form });
    status = res.status;
    body = await res.text();
  } catch (err) {
    body = String(err);
  }
  latencies.push(performance.now() - t);
  if (status !== 200) errors.set(`${endpoint} ${status}`, (errors.get(`${endpoint} ${status}`) ?? 0) + 1);
  return { status, body };
}

async function client(c) {
  const user = { userId: `user${c % 5}` };
  for (;;) {
    const i = sent++;
    if (i >= TOTAL) return;
    const kind = i % 20;
    if (kind < 5) {
      const r = await post('submitUserJob', { ...user, jobName: `load${i}`, dbvendor: 'dbvansi' }, [FILES[i % 3], FILES[(i + 1) % 3]]);
      if (r.status === 200) submitted.push({ ...user, jobId: JSON.parse(r.body).data.jobId });
    } else if (kind < 12) {
      const mine = submitted.filter((s) => s.userId === user.userId);
      const job = mine[mine.length - 1];
      if (!job) await post('displayUserJobsSummary', user);
      else {
        const r = await post('displayUserJobSummary', job);
        if (r.status === 200 && JSON.parse(r.body).data.status === 'success') finished.push(job);
      }
    } else if (kind < 16) {
      await post('displayUserJobsSummary', user);
    } else {
      const mine = finished.filter((s) => s.userId === user.userId);
      const job = mine[i % Math.max(mine.length, 1)];
      if (!job) await post('displayUserJobsSummary', user);
      else await post(['exportLineageAsJson', 'exportFullLineageAsCsv', 'exportLineageAsGraphml'][i % 3], job);
    }
  }
}

const t0 = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
const wall = (performance.now() - t0) / 1000;

// Lost jobs: every accepted submit must end in success (wait for the queue to drain).
let lost = [];
for (let tries = 0; tries < 600; tries++) {
  lost = [];
  let pending = 0;
  for (const s of submitted) {
    const res = await fetch(`${API}/displayUserJobSummary`, { method: 'POST', body: new URLSearchParams(s) });
    const data = res.status === 200 ? (await res.json()).data : undefined;
    if (!data) lost.push(s.jobId);
    else if (data.status === 'create' || data.status === 'running') pending++;
    else if (data.status !== 'success') lost.push(s.jobId);
  }
  if (pending === 0) break;
  await new Promise((r) => setTimeout(r, 200));
}
await server.close();
rmSync(store, { recursive: true, force: true });

const sorted = [...latencies].sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
console.log(`requests: ${latencies.length} from ${CLIENTS} clients in ${wall.toFixed(2)} s = ${(latencies.length / wall).toFixed(0)} requests/s`);
console.log(`latency ms: p50 ${pct(50)}, p90 ${pct(90)}, p99 ${pct(99)}, max ${sorted[sorted.length - 1].toFixed(1)}`);
console.log(`jobs submitted: ${submitted.length}, lost: ${lost.length}`);
console.log(`errors: ${errorCount}${errorCount ? ` (${[...errors].map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`);
process.exit(errorCount === 0 && lost.length === 0 ? 0 : 1);
