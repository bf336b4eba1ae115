// Running the built CLI on one conformance case (spawned, with a timeout) and a small worker pool.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareColumns, compareTables, vendorFor } from './compare.mjs';

const STDERR_EXCERPT = 2000;

/** Spawn `node <bin> ...args`; resolves (never rejects) with the outcome. */
export function runCli(bin, args, { cwd, timeoutMs }) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    const finish = (code, signal, spawnError) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        timedOut,
        spawnError: spawnError ? String(spawnError.message ?? spawnError) : undefined,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: Date.now() - started,
      });
    };
    child.on('error', (e) => finish(null, null, e));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** Run `worker(item, index)` over items with at most `concurrency` in flight; results in input order. */
export async function pool(items, concurrency, worker, onDone = () => {}) {
  const results = new Array(items.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await worker(items[i], i);
      onDone(results[i], ++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}

function cliFailure(run) {
  if (run.timedOut) return 'timeout';
  if (run.spawnError) return `spawn error: ${run.spawnError}`;
  if (run.signal) return `killed by ${run.signal}`;
  if (run.code !== 0) return `exit ${run.code}`;
  return undefined;
}

/**
 * One check: run the CLI with `formatArgs`, then `judge(stdout)` -> { ok, got, diff }.
 * A CLI failure (timeout, non-zero exit) fails the check even when its output would compare.
 */
async function check(ctx, formatArgs, judge) {
  // Paths relative to the case directory (the child's cwd), so the command reads well in reports.
  // --jobs 1: cases are tiny and already run in parallel, one process per core.
  const args = ['analyze', 'case.sql', '--vendor', ctx.vendor, ...formatArgs, '--jobs', '1'];
  if (ctx.schemaPath) args.push('--schema', 'schema.json');
  const run = await runCli(ctx.bin, args, { cwd: ctx.dir, timeoutMs: ctx.timeoutMs });
  const base = { args, ms: run.ms, stderr: run.stderr.slice(0, STDERR_EXCERPT) };
  if (run.timedOut || run.spawnError || run.signal) return { ...base, ok: false, reason: cliFailure(run) };
  let verdict;
  try {
    verdict = judge(run.stdout);
  } catch (e) {
    return { ...base, ok: false, reason: cliFailure(run) ?? `unreadable output: ${e.message}`, got: run.stdout.slice(0, STDERR_EXCERPT) };
  }
  const failure = cliFailure(run) ?? (verdict.ok ? undefined : 'mismatch');
  return { ...base, ok: failure === undefined, reason: failure, got: verdict.got, diff: verdict.diff, statements: verdict.statements };
}

/** Prepare the case's files in `dir` and run its table and/or column checks. */
export async function runCase(c, { bin, dir, timeoutMs }) {
  await mkdir(dir, { recursive: true });
  const sqlPath = join(dir, 'case.sql');
  await writeFile(sqlPath, c.sql, 'utf8');
  let schemaPath;
  if (c.metadata) {
    schemaPath = join(dir, 'schema.json');
    await writeFile(schemaPath, JSON.stringify(c.metadata, null, 2), 'utf8');
  }
  const ctx = { bin, dir, timeoutMs, sqlPath, schemaPath, vendor: vendorFor(c.dialect) };
  const checks = {};
  if (c.tables) {
    checks.tables = await check(ctx, ['--format', 'json', '--table-to-table'], (stdout) => {
      const r = compareTables(c.tables, JSON.parse(stdout));
      return { ok: r.ok, got: r.got, diff: r.diff, statements: r.statements };
    });
  }
  if (c.columns) {
    checks.columns = await check(ctx, ['--format', 'csv'], (stdout) => compareColumns(c.column_pairs, stdout));
  }
  const failed = Object.entries(checks).filter(([, r]) => !r.ok);
  return {
    id: c.id,
    dialect: c.dialect,
    vendor: ctx.vendor,
    kind: [c.tables && 'tables', c.columns && 'columns'].filter(Boolean).join('+') || 'none',
    ok: failed.length === 0,
    reason: failed.map(([k, r]) => `${k}: ${r.reason}`).join('; ') || undefined,
    checks,
  };
}
