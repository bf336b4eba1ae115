#!/usr/bin/env node
// npm run bench [-- --vendor dbvmssql] [--mb 5] [--runs 3] [--compare-vendors dbvansi,dbvmssql,dbvoracle] [--no-cli] [--node path]
// Throughput of sqlflow (library API: analyze + render JSON) against a peer parser
// (node-sql-parser, PostgreSQL grammar) on the same input, in the same process: one cold pass
// each, then interleaved warm passes. Performance is reported, never asserted: exit 0 (2 on bad
// usage or a missing build).
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildInput } from './input.mjs';
import { loadPeer, loadSqlflow, mbps, median, missingBuild, secs, timed } from './measure.mjs';
import { scaleBench } from './scale.mjs';
import { nodeVersion, startup, wholeCli } from './whole.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET_RATIO = 3;
const TARGET_MBPS = 5;

function usage(message) {
  if (message) process.stderr.write(`bench: ${message}\n`);
  process.stderr.write(
    'usage: node test/bench/run.mjs [--vendor v] [--mb n] [--runs n] [--compare-vendors v1,v2,...] [--no-cli] [--cli-runs n] [--node path]\n' +
      '       node test/bench/run.mjs --scale [--formats json,csv,...] [--copies 20,100,500] [--gb 1]\n',
  );
  process.exit(2);
}

let opts;
try {
  opts = parseArgs({
    options: {
      vendor: { type: 'string', default: 'dbvansi' },
      mb: { type: 'string', default: '5' },
      runs: { type: 'string', default: '3' },
      'compare-vendors': { type: 'string' },
      'no-cli': { type: 'boolean', default: false },
      'cli-runs': { type: 'string', default: '3' },
      node: { type: 'string' },
      scale: { type: 'boolean', default: false },
      gb: { type: 'string' },
      formats: { type: 'string' },
      copies: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (e) {
  usage(e.message);
}
if (opts.help) usage();
const mb = Number(opts.mb);
const runs = Number.parseInt(opts.runs, 10);
if (!(mb > 0) || !(runs > 0)) usage('--mb and --runs take positive numbers');
const vendors = opts['compare-vendors'] ? opts['compare-vendors'].split(',').map((v) => v.trim()).filter(Boolean) : [opts.vendor];
if (vendors.length === 0) usage('--compare-vendors needs at least one vendor');

// The Node binary of the whole-CLI processes (--node: another version, e.g. 24, on the same input).
const cliNode = opts.node ?? process.execPath;
if (opts.node !== undefined && nodeVersion(cliNode) === undefined) usage(`--node ${opts.node}: not a Node binary that runs`);

const missing = missingBuild(root);
if (missing.length > 0) {
  process.stderr.write(`bench: ${missing.join(', ')} missing: run npm run build first\n`);
  process.exit(2);
}

const out = (s = '') => process.stdout.write(s + '\n');
if (opts.scale) {
  const formats = opts.formats ? opts.formats.split(',').map((f) => f.trim()) : undefined;
  const sizes = opts.copies ? opts.copies.split(',').map(Number) : undefined;
  await scaleBench(root, { gb: opts.gb === undefined ? undefined : Number(opts.gb), ...(formats ? { formats } : {}), ...(sizes ? { sizes } : {}) }, out);
  process.exit(0);
}
const input = await buildInput(root, mb);
const peer = await loadPeer(root);
const sqlflow = await loadSqlflow(root);
out(`input: ${(input.bytes / 1e6).toFixed(2)} MB = (tpcds.sql + tpch.sql) x ${input.copies}, ${input.statements} statements, ${input.path}`);
out(`peer:    ${peer.name}`);
out(`sqlflow: ${sqlflow.name}, vendor ${vendors.join(', ')}`);
out(`method:  1 cold + ${runs} warm passes each, interleaved in one process${globalThis.gc ? ', gc between passes' : ''}\n`);

// ---- passes: peer, then each vendor (in turns), per round (round 0 = cold)
const contenders = [
  { label: 'peer', run: () => peer.run(input.text) },
  ...vendors.map((v) => ({ label: `sqlflow ${v}`, vendor: v, run: () => sqlflow.run(input.path, input.text, v) })),
];
const times = new Map(contenders.map((c) => [c.label, []]));
const first = new Map();
/** sqlflow's own split of each pass: lineage computation (analyze) and JSON serialization (render). */
const phases = new Map();
const header = `${'pass'.padEnd(8)}${contenders.map((c) => c.label.padStart(22)).join('')}`;
out(header);
for (let round = 0; round <= runs; round++) {
  const cells = new Map();
  // The vendors take turns at each position after the peer (position in a round matters: GC, JIT).
  const shift = round % vendors.length;
  const order = [contenders[0], ...contenders.slice(1 + shift), ...contenders.slice(1, 1 + shift)];
  for (const c of order) {
    let t;
    try {
      t = await timed(c.run);
    } catch (e) {
      out(`\n${c.label} threw on pass ${round}: ${e?.stack ?? e}`);
      await rm(input.dir, { recursive: true, force: true });
      process.exit(0);
    }
    times.get(c.label).push(t.ms);
    if (t.value?.analyzeMs !== undefined) {
      if (!phases.has(c.label)) phases.set(c.label, { analyze: [], render: [] });
      phases.get(c.label).analyze.push(t.value.analyzeMs);
      phases.get(c.label).render.push(t.value.renderMs);
    }
    if (!first.has(c.label)) first.set(c.label, t.value);
    cells.set(c.label, `${secs(t.ms)} ${mbps(input.bytes, t.ms).toFixed(2).padStart(6)} MB/s`.padStart(22));
  }
  out(`${(round === 0 ? 'cold' : `warm ${round}`).padEnd(8)}${contenders.map((c) => cells.get(c.label)).join('')}`);
}

// ---- summary
const warm = (label) => mbps(input.bytes, median(times.get(label).slice(1)));
const cold = (label) => times.get(label)[0];
out();
const p = first.get('peer');
out(`peer: ${p.failed} of ${p.total} statements threw (counted, not fatal)`);
for (const v of vendors) {
  const s = first.get(`sqlflow ${v}`);
  out(`sqlflow ${v}: ${s.failed} of ${s.total} statements failed (graph.statements.failed), JSON output ${(s.outputBytes / 1e6).toFixed(2)} MB`);
}
out();
out(`cold: peer ${secs(cold('peer'))}, ${vendors.map((v) => `sqlflow ${v} ${secs(cold(`sqlflow ${v}`))}`).join(', ')}`);
out(`median warm: peer ${warm('peer').toFixed(2)} MB/s, ${vendors.map((v) => `sqlflow ${v} ${warm(`sqlflow ${v}`).toFixed(2)} MB/s`).join(', ')}`);
if (vendors.length > 1) {
  out('\nvendor comparison (median warm, relative to the first):');
  const base = warm(`sqlflow ${vendors[0]}`);
  for (const v of vendors) out(`  ${v.padEnd(16)} ${warm(`sqlflow ${v}`).toFixed(2).padStart(7)} MB/s  ${(warm(`sqlflow ${v}`) / base).toFixed(2)}x`);
}
out(`\nbench process peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (peer and sqlflow together)`);

if (!opts['no-cli']) {
  out();
  if (cliNode !== process.execPath) out(`whole-CLI processes under ${cliNode} (${nodeVersion(cliNode)}); the bench itself runs under ${process.version}`);
  await wholeCli(root, input, Number.parseInt(opts['cli-runs'], 10) || 1, out, cliNode);
  out();
  await startup(root, input.dir, 5, out, cliNode);
}
await rm(input.dir, { recursive: true, force: true });

const peerWarm = warm('peer');
const split = phases.get(`sqlflow ${vendors[0]}`);
const lineage = mbps(input.bytes, median(split.analyze.slice(1)));
const withJson = warm(`sqlflow ${vendors[0]}`);
out(`\nsqlflow ${vendors[0]} median warm: column lineage (analyze) ${lineage.toFixed(2)} MB/s; lineage + JSON document (analyze + render) ${withJson.toFixed(2)} MB/s`);
out(`ratio, lineage: ${(lineage / peerWarm).toFixed(2)}x (target >= ${TARGET_RATIO}x), sqlflow lineage: ${lineage.toFixed(2)} MB/s (target >= ${TARGET_MBPS})`);
out(`ratio, lineage + JSON: ${(withJson / peerWarm).toFixed(2)}x, ${withJson.toFixed(2)} MB/s`);
