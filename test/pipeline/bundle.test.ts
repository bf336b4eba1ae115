/**
 * The CLI's bundle (dist/bundle, scripts/build-cli.mjs) runs as the unbundled build does: same
 * output for every format, through the bundled parse worker and the big-stack thread; bin/sqlflow
 * runs the bundle only when it is at least as new as tsc's output; and the bundle's code cache
 * (bin/sqlflow) changes no output, replaces a cache V8 refuses, and is not used from a folder
 * others can write into. Needs `npm run build` (skipped without the bundle).
 */
import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chain } from '../fuzz/core.mjs';
import { repoPath } from '../helpers/paths.js';

const bundle = repoPath('dist/bundle/main.cjs');
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
  const bundled = join(root, 'dist/bundle/main.cjs');
  const plain = join(root, 'dist/src/cli/main.js');
  writeFileSync(bundled, "exports.main = function () { process.stdout.write('bundle'); };\n");
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

withBuild("the bundle's code cache: written once per command, same output, four builds kept per command, a refused cache replaced, a folder others can write into not used", () => {
  const cache = join(dir, 'cache');
  const run = (args: string[], cacheDir = cache) =>
    execFileSync(process.execPath, [repoPath('bin/sqlflow'), ...args], {
      cwd: repoPath('.'),
      encoding: 'utf8',
      env: { ...process.env, SQLFLOW_CACHE_DIR: cacheDir, NODE_DISABLE_COMPILE_CACHE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const args = ['analyze', ...samples, '--schema', 'samples/warehouse/schema.json', '-f', 'csv', '--no-progress'];
  const expected = readFileSync(repoPath('samples/warehouse/expected/lineage.csv'), 'utf8');
  const hash = /^\/\/ sqlflow-cli-bundle ([0-9a-f]+)\n/.exec(readFileSync(bundle, 'utf8'))![1];
  const file = join(cache, `${hash}-${process.version}-${process.arch}-analyze.bin`);
  rmSync(cache, { recursive: true, force: true });
  expect(run(args)).toBe(expected);
  expect(readdirSync(cache)).toEqual([`${hash}-${process.version}-${process.arch}-analyze.bin`]);
  const written = readFileSync(file);
  expect(run(args)).toBe(expected); // from the cache, which stays as it was
  expect(readFileSync(file).equals(written)).toBe(true);
  // Another command has its own cache.
  expect(run(['vendors']).length).toBeGreaterThan(100);
  expect(readdirSync(cache).sort()).toEqual([`${hash}-${process.version}-${process.arch}-analyze.bin`, `${hash}-${process.version}-${process.arch}-vendors.bin`]);
  // A cache V8 refuses (not one of its code caches) is replaced after the run.
  writeFileSync(file, Buffer.alloc(written.length, 7));
  expect(run(args)).toBe(expected);
  expect(readFileSync(file)[0]).not.toBe(7);
  // Caches of other builds (other installed copies) are kept, up to four per command: the oldest go.
  const other = (n: number) => join(cache, `other${n}-${process.version}-${process.arch}-analyze.bin`);
  for (let n = 1; n <= 4; n++) {
    writeFileSync(other(n), 'x');
    utimesSync(other(n), 1000 + n, 1000 + n);
  }
  rmSync(file);
  expect(run(args)).toBe(expected);
  expect(readdirSync(cache).filter((f) => f.endsWith('-analyze.bin')).sort()).toEqual([basename(file), basename(other(2)), basename(other(3)), basename(other(4))].sort());
  // A folder that cannot be one (a file) or that others can write into: no cache, same output.
  const notDir = join(dir, 'not-a-folder');
  writeFileSync(notDir, '');
  expect(run(args, notDir)).toBe(expected);
  if (process.platform !== 'win32') {
    const open = join(dir, 'open-cache');
    mkdirSync(open);
    chmodSync(open, 0o777);
    expect(run(args, open)).toBe(expected);
    expect(readdirSync(open)).toEqual([]);
  }
});
