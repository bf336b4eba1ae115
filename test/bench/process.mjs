// Whole processes, timed from spawn to exit, with their peak resident memory.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME);

/** Peak RSS of a running process so far (Linux), in kB. */
function highWater(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `command args`, resolving { ms, code, stderr, rssMB }. Peak RSS comes from GNU time when
 * installed (its own few MB excluded: it reports the child's maximum), else from polling
 * /proc/<pid>/status (a lower bound), else undefined.
 */
export function runProcess(command, args, { cwd, env } = {}) {
  return new Promise((resolve) => {
    const marker = `__rss__${process.pid}__`;
    const [cmd, argv] = hasGnuTime ? [GNU_TIME, ['-f', `${marker}%M`, command, ...args]] : [command, args];
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd, env: env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] });
    const err = [];
    let polled;
    const poll = hasGnuTime ? undefined : setInterval(() => (polled = highWater(child.pid) ?? polled), 100);
    child.stderr.on('data', (b) => err.push(b));
    const done = (code, error) => {
      const ms = performance.now() - t0;
      if (poll) clearInterval(poll);
      let stderr = error ? String(error.message) : Buffer.concat(err).toString('utf8');
      let rssKB = polled;
      const at = stderr.lastIndexOf(marker);
      if (at >= 0) {
        rssKB = Number(stderr.slice(at + marker.length).trim());
        stderr = stderr.slice(0, at);
      }
      resolve({ ms, code, stderr, rssMB: rssKB === undefined ? undefined : rssKB / 1024 });
    };
    child.on('error', (e) => done(null, e));
    child.on('close', (code) => done(code));
  });
}

export const rss = (r) => (r.rssMB === undefined ? '   n/a' : `${r.rssMB.toFixed(0).padStart(5)} MB`);
