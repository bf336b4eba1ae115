#!/usr/bin/env node
/**
 * `npm run fuzz [-- --runs N] [--seconds S] [--seed X] [--vendor V] [--cli-every K] [--no-save]`
 *
 * A seeded, reproducible mutation campaign over the vendored corpus, TPC, samples and procedural
 * fixtures under every vendor (test/fuzz/core.mjs), through `analyze()` in-process and through the
 * CLI (in-process every K-th case, and as a real process every 50·K-th), on the built dist/ (run
 * `npm run build` first). Each failing case is shrunk by fast-check and saved to
 * test/fuzz/fixtures/ (one per kind of violation), where `npm test` replays it. Exit 1 when a
 * violation was found.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { caseArbitrary, checkAnalysis, checkCliRun, loadSeeds, materialize } from './core.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist', 'src');

function parseArgs(argv) {
  const o = { runs: 2000, seconds: Infinity, seed: 12012, vendor: undefined, cliEvery: 10, save: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === '--runs') o.runs = Number(v());
    else if (a === '--seconds') o.seconds = Number(v());
    else if (a === '--seed') o.seed = Number(v());
    else if (a === '--vendor') o.vendor = v();
    else if (a === '--cli-every') o.cliEvery = Number(v());
    else if (a === '--no-save') o.save = false;
    else {
      process.stderr.write(`fuzz: unknown option ${a}\n`);
      process.exit(2);
    }
  }
  return o;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(join(DIST, 'api.js'))) {
    process.stderr.write('fuzz: dist/ is missing: run `npm run build` first\n');
    process.exit(2);
  }
  const api = await import(pathToFileURL(join(DIST, 'api.js')).href);
  const { formatDiagnostic } = await import(pathToFileURL(join(DIST, 'diagnostics', 'diagnostic.js')).href);
  const { DIALECTS } = await import(pathToFileURL(join(DIST, 'dialects', 'registry.js')).href);
  const { cli } = await import(pathToFileURL(join(DIST, 'cli', 'program.js')).href);
  const { realDeps } = await import(pathToFileURL(join(DIST, 'cli', 'main.js')).href);
  const engine = { analyze: api.analyze, render: api.render, formatDiagnostic };
  const seeds = loadSeeds(ROOT);
  const vendors = o.vendor ? [o.vendor] : DIALECTS.map((d) => d.vendor);
  const tmp = mkdtempSync(join(tmpdir(), 'sqlflow-fuzz-'));
  const formats = ['json', 'csv', 'graphml', 'dataarts'];

  const runCliInProcess = async (file, vendor, n) => {
    const out = [];
    const err = [];
    const deps = { ...realDeps(), stdout: (t) => void out.push(typeof t === 'string' ? t : Buffer.from(t).toString('utf8')), stderr: (t) => void err.push(t), stdinIsTTY: true, stderrIsTTY: false, env: {}, colorSupport: 0 };
    const args = ['analyze', file, '-t', vendor || 'dbvansi', '-f', formats[n % 4], ...(n % 3 === 0 ? ['--strict'] : [])];
    const code = await cli(['node', 'sqlflow', ...args], deps);
    return { code, stdout: out.join(''), stderr: err.join('') };
  };
  const runCliProcess = (file, vendor) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'sqlflow'), 'analyze', file, '-t', vendor || 'dbvansi', '--no-progress'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };

  let cases = 0;
  let cliRuns = 0;
  let processRuns = 0;
  /** Violations of the case being checked (the property is synchronous; the CLI check runs after). */
  const check = (c) => {
    const text = materialize(c, seeds);
    return checkAnalysis(engine, text, c.vendor);
  };
  const started = Date.now();
  const deadline = started + o.seconds * 1000;
  const found = new Map();
  let seed = o.seed;
  let remaining = o.runs;
  while (remaining > 0 && Date.now() < deadline) {
    const pending = [];
    // After the first failure of a batch, fast-check only calls the property to shrink it.
    let shrinking = false;
    let batch = 0;
    const details = fc.check(
      fc.property(caseArbitrary(seeds, vendors), (c) => {
        const v = check(c);
        if (!shrinking) {
          batch++;
          // A long campaign on a shared machine may be stopped: say how far it got.
          if ((cases + batch) % 500 === 0) process.stderr.write(`fuzz: ${cases + batch} cases, ${((Date.now() - started) / 1000).toFixed(0)} s, ${found.size} kinds of violation so far\n`);
          if (v.length === 0 && o.cliEvery > 0 && (cases + batch) % o.cliEvery === 0) pending.push(c);
        }
        if (v.length > 0) {
          shrinking = true;
          throw new Error(v.join('\n'));
        }
      }),
      { seed, numRuns: remaining, interruptAfterTimeLimit: Number.isFinite(o.seconds) ? Math.max(1, deadline - Date.now()) : undefined, markInterruptAsFailure: false },
    );
    // CLI runs of this batch's passing cases.
    for (const c of pending) {
      const text = materialize(c, seeds);
      const file = join(tmp, `case-${cliRuns}.sql`);
      writeFileSync(file, text);
      const r = await runCliInProcess(file, c.vendor, cliRuns);
      cliRuns++;
      const v = checkCliRun(r);
      if (cliRuns % 50 === 0) {
        processRuns++;
        v.push(...checkCliRun(runCliProcess(file, c.vendor)).map((x) => `process: ${x}`));
      }
      if (v.length > 0) record(found, c, text, v.map((x) => `cli: ${x}`), seed, o.save);
      rmSync(file, { force: true });
    }
    cases += batch;
    remaining -= Math.max(1, batch);
    if (details.failed && details.counterexample) {
      const c = details.counterexample[0];
      // The violations seen when the shrunk case failed (a re-run that passes means a flaky one, e.g. time).
      const seen = String(details.errorInstance?.message ?? details.error ?? 'failed').split('\n');
      const again = check(c);
      record(found, c, materialize(c, seeds), again.length > 0 ? again : seen.map((x) => `not reproduced: ${x}`), seed, o.save);
    }
    if (details.interrupted) break;
    seed = (seed * 7919 + 1) % 2147483647;
  }
  rmSync(tmp, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  process.stdout.write(`fuzz: seed ${o.seed}, ${cases} cases in-process (every format), ${cliRuns} through the CLI in-process, ${processRuns} as a process, ${seeds.length} seeds, ${vendors.length} vendors, ${seconds} s: ${found.size === 0 ? 'no violation' : `${found.size} kinds of violation`}\n`);
  for (const [sig, f] of found) process.stdout.write(`  ${sig} ×${f.count}: ${f.file ?? '(not saved)'}\n`);
  process.exit(found.size === 0 ? 0 : 1);
}

/** Remember a violation; the first case of each kind is saved as a fixture. */
function record(found, c, text, violations, seed, save) {
  const sig = violations.map((v) => v.replace(/\d+/g, 'N').replace(/'[^']*'|"[^"]*"/g, 'S')).sort().join(' | ').slice(0, 300);
  const prev = found.get(sig);
  if (prev) {
    prev.count++;
    return;
  }
  const entry = { count: 1, file: undefined };
  found.set(sig, entry);
  if (!save) return;
  const dir = join(ROOT, 'test', 'fuzz', 'fixtures');
  mkdirSync(dir, { recursive: true });
  const id = createHash('sha1').update(`${c.vendor}\n${text}`).digest('hex').slice(0, 12);
  entry.file = join('test', 'fuzz', 'fixtures', `${id}.json`);
  writeFileSync(join(ROOT, entry.file), `${JSON.stringify({ vendor: c.vendor || 'dbvansi', violations, seed, case: c, text }, null, 1)}\n`);
}

main().catch((err) => {
  process.stderr.write(`fuzz: ${err && err.stack ? err.stack : err}\n`);
  process.exit(70);
});
