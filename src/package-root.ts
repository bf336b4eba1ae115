/** Where sqlflow's own files are: the folder of its package.json, from the sources or the build. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding sqlflow's package.json, looked up from `moduleUrl` (sources or `dist/src/...`);
 * undefined when there is none within a few levels.
 */
export function packageRoot(moduleUrl: string = import.meta.url): { dir: string; version: string } | undefined {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'sqlflow' && typeof pkg.version === 'string') return { dir, version: pkg.version };
    } catch {
      // not here: look one folder up
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}
