/**
 * The CLI's bundle (dist/bundle, scripts/build-cli.mjs) runs as the unbundled build does: same
 * output for every format, through the bundled parse worker and the big-stack thread; and
 * bin/sqlflow runs the bundle only when it is at least as new as tsc's output. Needs
 * `npm run build` (skipped without the bundle).
 */
import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chain } from '../fuzz/core.mjs';
import { repoPath } from '../helpers/paths.js';

const bundle = repoPath('dist/bundle/main.js');
const built = existsSync(bundle) && existsSync(repoPath('dist/src/cli/main.js'));
const withBuild = built ? test : test.skip;
jest.setTimeout(120_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sqlflow-bundle-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Standard output of `main(argv)` of the CLI module `entry`, in a new process. */
function cli(entry: string, args: string[]): string {
  const script = `import(${JSON.stringify(entry)}).then((m) => m.main(['node', 'sqlflow', ...process.argv.slice(1)]))`;
  return execFileSync(process.execPath, ['-e', script, ...args], { cwd: repoPath('.'), encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The same command through the bundle and through tsc's output. */
function both(args: string[]): [string, string] {
  return [cli(bundle, args), cli(repoPath('dist/src/cli/main.js'), args)];
}

const samples = ['01_staging.sql', '02_dimensions.sql', '03_facts.sql', '04_reporting.sql', '05_adhoc_reports.sql'].map((f) => `samples/warehouse/${f}`);

withBuild('every format: the bundled CLI writes what the unbundled one writes', () => {
  for (const format of ['json', 'csv', 'graphml', 'dataarts', 'sqlflow-graph', 'html']) {
    const [bundled, plain] = both(['analyze', ...samples, '--schema', 'samples/warehouse/schema.json', '-f', format, '--no-progress']);
    expect(bundled.length).toBeGreaterThan(1000);
    expect(bundled).toBe(plain);
  }
  // The sample's expected document, as the README's command writes it.
  const [csv] = both(['analyze', ...samples, '--schema', 'samples/warehouse/schema.json', '-f', 'csv', '--no-progress']);
  expect(csv).toBe(readFileSync(repoPath('samples/warehouse/expected/lineage.csv'), 'utf8'));
});

withBuild('through the parse worker (--jobs 2) and the big-stack thread (1,000-deep derived tables)', () => {
  const big = join(dir, 'big.sql');
  const deep = join(dir, 'deep.sql');
  // Over PARALLEL_MIN_CHARS, so --jobs 2 parses in the worker.
  writeFileSync(big, Array.from({ length: 5000 }, (_, i) => `INSERT INTO s.log${i % 7} (x) SELECT y FROM s.src${i % 5} WHERE z > ${i};\n`).join(''));
  writeFileSync(deep, `SELECT x FROM y;\n${chain('derived', 1000)}SELECT b FROM u;\n`);
  const one = cli(bundle, ['analyze', big, deep, '-f', 'json', '--jobs', '1', '--no-progress']);
  const two = cli(bundle, ['analyze', big, deep, '-f', 'json', '--jobs', '2', '--no-progress']);
  expect(two).toBe(one);
  expect(one).toContain('"s.src4"');
  expect(one).not.toContain('too deeply nested');
  expect(two).toBe(cli(repoPath('dist/src/cli/main.js'), ['analyze', big, deep, '-f', 'json', '--jobs', '2', '--no-progress']));
});

test('bin/sqlflow runs the bundle; in a checkout only when it is at least as new as tsc output', () => {
  const root = join(dir, 'pkg');
  mkdirSync(join(root, 'bin'), { recursive: true });
  mkdirSync(join(root, 'dist/bundle'), { recursive: true });
  mkdirSync(join(root, 'dist/src/cli'), { recursive: true });
  copyFileSync(repoPath('bin/sqlflow'), join(root, 'bin/sqlflow'));
  writeFileSync(join(root, 'package.json'), '{"type":"module"}');
  const bundled = join(root, 'dist/bundle/main.js');
  const plain = join(root, 'dist/src/cli/main.js');
  writeFileSync(bundled, "export function main() { process.stdout.write('bundle'); }\n");
  writeFileSync(plain, "export function main() { process.stdout.write('tsc'); }\n");
  const run = () => execFileSync(process.execPath, [join(root, 'bin/sqlflow')], { encoding: 'utf8' });
  const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);
  // An installed package (no sources): the bundle, whatever the file times (npm does not keep them).
  at(bundled, 1000);
  at(plain, 2000);
  expect(run()).toBe('bundle');
  // A checkout: the bundle when at least as new as tsc's output.
  mkdirSync(join(root, 'src/cli'), { recursive: true });
  writeFileSync(join(root, 'src/cli/main.ts'), '');
  expect(run()).toBe('tsc'); // a bare tsc after the build
  at(plain, 1000);
  expect(run()).toBe('bundle');
  at(bundled, 3000);
  expect(run()).toBe('bundle');
  rmSync(bundled);
  expect(run()).toBe('tsc');
});
