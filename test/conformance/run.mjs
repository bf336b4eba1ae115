#!/usr/bin/env node
// npm run conformance [-- --dialect ansi,tsql] [--grep text] [--verbose] [--update-known]
//                        [--timeout 20] [--jobs n] [--keep]
// Runs the vendored sqllineage corpus through the built CLI (bin/sqlflow) and compares the
// results with sqllineage's expectations. Exit 0: no unexpected failure; 1: a failure not in
// known-failures.txt; 2: bad usage or no build.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { classify, readKnown, updateKnown } from './known.mjs';
import { describeFailure, summaryTable, writeFailures } from './report.mjs';
import { pool, runCase } from './runner.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
// SQLFLOW_BIN: another CLI entry point (a node script), e.g. to try the harness on a stub.
const BIN = process.env.SQLFLOW_BIN ? resolve(process.env.SQLFLOW_BIN) : join(root, 'bin/sqlflow');
const CASES = join(root, 'test/corpus/sqllineage/cases.jsonl');
const KNOWN = join(here, 'known-failures.txt');
const OUT = join(here, 'out');

function usage(message) {
  if (message) process.stderr.write(`conformance: ${message}\n`);
  process.stderr.write(
    'usage: node test/conformance/run.mjs [--dialect d[,d...]] [--grep text] [--verbose]\n' +
      '                                     [--update-known] [--timeout seconds] [--jobs n] [--keep]\n',
  );
  process.exit(2);
}

let opts;
try {
  opts = parseArgs({
    options: {
      dialect: { type: 'string', multiple: true },
      grep: { type: 'string', multiple: true },
      verbose: { type: 'boolean', short: 'v', default: false },
      'update-known': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '20' },
      jobs: { type: 'string', default: String(availableParallelism()) },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (e) {
  usage(e.message);
}
if (opts.help) usage();
// `... | head` closes stdout early: keep running (and clean up) instead of dying on EPIPE.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
});
const timeoutMs = Number(opts.timeout) * 1000;
const jobs = Number.parseInt(opts.jobs, 10);
if (!(timeoutMs > 0) || !(jobs > 0)) usage('--timeout and --jobs take positive numbers');

if (!process.env.SQLFLOW_BIN && !existsSync(join(root, 'dist/src/cli/main.js'))) {
  process.stderr.write('conformance: dist/ is missing (no dist/src/cli/main.js): run npm run build first\n');
  process.exit(2);
}

// ---- cases and filters
const allCases = readFileSync(CASES, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l));
const dialects = opts.dialect?.flatMap((d) => d.split(',')).map((d) => d.trim().toLowerCase());
const greps = opts.grep?.map((g) => g.toLowerCase());
const cases = allCases.filter(
  (c) =>
    (!dialects || dialects.includes(c.dialect)) &&
    (!greps || greps.some((g) => c.id.toLowerCase().includes(g) || c.sql.toLowerCase().includes(g))),
);
if (cases.length === 0) usage('no case matches the filters');
const casesById = new Map(allCases.map((c) => [c.id, c]));
const known = readKnown(KNOWN);

// ---- run
const work = await mkdtemp(join(tmpdir(), 'sqlflow-conformance-'));
const started = Date.now();
const progress = process.stderr.isTTY && !opts.verbose;
let results;
try {
  results = await pool(
    cases,
    jobs,
    (c, i) => runCase(c, { bin: BIN, dir: join(work, String(i).padStart(3, '0')), timeoutMs }),
    (r, done) => {
      if (opts.verbose) {
        process.stdout.write(`${r.ok ? 'PASS' : known.has(r.id) ? 'FAIL (known)' : 'FAIL'} ${r.id} [${r.dialect}]${r.ok ? '' : `: ${r.reason}`}\n`);
        if (!r.ok) process.stdout.write(describeFailure(r, casesById.get(r.id), known.get(r.id)) + '\n');
      } else if (progress) process.stderr.write(`\r${done}/${cases.length} cases`);
    },
  );
} finally {
  if (progress) process.stderr.write('\r\x1b[K');
  if (opts.keep) process.stderr.write(`case directories kept in ${work}\n`);
  else await rm(work, { recursive: true, force: true });
}

// ---- report
const seconds = ((Date.now() - started) / 1000).toFixed(1);
process.stdout.write(`\nsqllineage conformance: ${cases.length} of ${allCases.length} cases, ${jobs} jobs, ${seconds} s\n\n`);
process.stdout.write(summaryTable(results) + '\n\n');

const { jsonlPath, txtPath } = writeFailures(OUT, results, casesById, known);
const verdict = classify(results, known, allCases.map((c) => c.id));
const reasons = new Map();
for (const r of results.filter((x) => !x.ok)) {
  const key = r.reason.replace(/exit \d+/g, 'exit N');
  reasons.set(key, (reasons.get(key) ?? 0) + 1);
}
if (reasons.size > 0) {
  process.stdout.write('failure reasons:\n');
  for (const [k, n] of [...reasons].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${String(n).padStart(4)}  ${k}\n`);
  process.stdout.write(`failures written to ${txtPath}\n                and ${jsonlPath}\n\n`);
}
if (verdict.notInCorpus.length > 0) {
  process.stdout.write(`known-failures.txt lists ${verdict.notInCorpus.length} id(s) not in the corpus:\n`);
  for (const id of verdict.notInCorpus) process.stdout.write(`  ${id}\n`);
}

if (opts['update-known']) {
  const n = updateKnown(KNOWN, results, known, allCases.map((c) => c.id));
  process.stdout.write(`known-failures.txt rewritten: ${n} case(s) listed\n`);
  process.exit(0);
}
if (verdict.fixed.length > 0) {
  process.stdout.write(`${verdict.fixed.length} known failure(s) now pass; remove from known-failures:\n`);
  for (const r of verdict.fixed) process.stdout.write(`  ${r.id}\n`);
}
process.stdout.write(`known failures still failing: ${verdict.knownFailing.length}\n`);
if (verdict.regressions.length > 0) {
  process.stdout.write(`\n${verdict.regressions.length} failure(s) NOT in known-failures.txt:\n`);
  for (const r of verdict.regressions) process.stdout.write(`  ${r.id} [${r.dialect}]: ${r.reason}\n`);
  process.stdout.write('(fix them, or run with --update-known and give each a reason)\n');
  process.exit(1);
}
process.stdout.write('no unexpected failures\n');
