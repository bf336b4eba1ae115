// Whole-CLI measurements: cold `sqlflow analyze` processes against node-sql-parser's parse-only
// process on the same file, and start-up against `node -e 0`. Every figure comes from the same run.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mbps, median, secs } from './measure.mjs';
import { rss, runProcess } from './process.mjs';

export const TARGETS = { jobs1: 5, ratio1: 4.5, jobsDefault: 8, startupMs: 150 };

/** `bin/sqlflow analyze <file> -f <format> -o <out> [--jobs n]` as a new user runs it. */
export function sqlflowArgs(root, file, out, { format = 'json', jobs, vendor } = {}) {
  const args = [join(root, 'bin/sqlflow'), 'analyze', file, '-f', format, '-o', out, '--no-progress'];
  if (jobs !== undefined) args.push('--jobs', String(jobs));
  if (vendor !== undefined) args.push('--vendor', vendor);
  return args;
}

/**
 * Rounds of (peer, sqlflow --jobs 1, sqlflow default jobs), interleaved; medians per contender.
 * Every process runs under `node` (the bench's own Node unless --node names another binary).
 */
export async function wholeCli(root, input, runs, out, node = process.execPath) {
  const outputs = { one: join(input.dir, 'jobs1.json'), many: join(input.dir, 'jobsN.json') };
  const contenders = [
    { label: 'node-sql-parser (parse only)', args: [join(root, 'test/bench/peer-process.mjs'), input.path] },
    { label: 'sqlflow --jobs 1', args: sqlflowArgs(root, input.path, outputs.one, { jobs: 1 }) },
    { label: 'sqlflow (default --jobs)', args: sqlflowArgs(root, input.path, outputs.many) },
  ];
  const times = contenders.map(() => []);
  const peaks = contenders.map(() => []);
  out(`whole CLI, cold processes, ${(input.bytes / 1e6).toFixed(2)} MB, JSON to a file; ${runs} round(s), interleaved`);
  for (let round = 0; round < runs; round++) {
    for (const [i, c] of contenders.entries()) {
      const r = await runProcess(node, c.args);
      if (r.code !== 0) out(`  ${c.label}: exit ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      times[i].push(r.ms);
      peaks[i].push(r.rssMB ?? NaN);
      out(`  round ${round + 1} ${c.label.padEnd(30)} ${secs(r.ms)} ${mbps(input.bytes, r.ms).toFixed(2).padStart(6)} MB/s  peak ${rss(r)}`);
    }
  }
  const speed = times.map((t) => mbps(input.bytes, median(t)));
  const same = readFileSync(outputs.one).equals(readFileSync(outputs.many));
  const [peer, one, many] = speed;
  out('');
  out(`median: node-sql-parser ${peer.toFixed(2)} MB/s; sqlflow --jobs 1 ${one.toFixed(2)} MB/s (${(one / peer).toFixed(2)}x); default --jobs ${many.toFixed(2)} MB/s (${(many / peer).toFixed(2)}x)`);
  out(`targets: --jobs 1 >= ${TARGETS.jobs1} MB/s and >= ${TARGETS.ratio1}x; default >= ${TARGETS.jobsDefault} MB/s`);
  out(`--jobs 1 and default outputs byte-identical: ${same ? 'yes' : 'NO'}`);
  return { peer, one, many, same };
}

/** `sqlflow analyze one.sql` against `node -e 0`, interleaved; medians and the difference. */
export async function startup(root, dir, runs, out, node = process.execPath) {
  const one = join(dir, 'one.sql');
  writeFileSync(one, 'INSERT INTO t2 (a) SELECT a FROM t1;\n');
  const bare = [];
  const cli = [];
  for (let i = 0; i < runs; i++) {
    bare.push((await runProcess(node, ['-e', '0'])).ms);
    cli.push((await runProcess(node, sqlflowArgs(root, one, join(dir, 'one.json')))).ms);
  }
  const a = median(bare);
  const b = median(cli);
  out(`start-up: node -e 0 ${a.toFixed(0)} ms, sqlflow analyze one.sql ${b.toFixed(0)} ms: ${(b - a).toFixed(0)} ms apart (target <= ${TARGETS.startupMs} ms; medians of ${runs})`);
  return b - a;
}

/** `node --version` of the binary at `path`, or undefined when it does not run. */
export function nodeVersion(path) {
  const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? r.stdout.trim() : undefined;
}
