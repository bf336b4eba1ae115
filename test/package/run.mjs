#!/usr/bin/env node
// npm run test:package
// The package as a user gets it: `npm pack` (which builds first, through `prepare`), the tarball
// installed into a fresh project in a temporary directory (dependencies from the local npm cache
// when there, else from the registry) and installed globally under a temporary prefix. Checks:
// the tarball holds the build and its .d.ts and nothing of test/; `import { analyze, render }
// from 'sqlflow'` runs and gives the same CSV as samples/warehouse/expected; a TypeScript
// consumer type-checks against the shipped .d.ts; the installed `sqlflow` command runs.
// Exit 0 when every check passes, 1 otherwise.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(join(tmpdir(), 'sqlflow-package-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const quiet = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
let failed = 0;

function run(cmd, args, cwd, input) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

function check(name, fn) {
  try {
    fn();
    process.stdout.write(`ok   ${name}\n`);
  } catch (err) {
    failed++;
    process.stdout.write(`FAIL ${name}\n${String(err.stderr ?? '')}${err.stdout ?? ''}${err.message}\n`);
  }
}

function equal(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected\n${expected.slice(0, 400)}\ngot\n${actual.slice(0, 400)}`);
}

try {
  let tarball;
  check('npm pack builds and packs', () => {
    const out = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', tmp, '--loglevel=error'], root));
    tarball = join(tmp, out[0].filename);
    const files = out[0].files.map((f) => f.path);
    for (const f of ['bin/sqlflow', 'dist/src/api.js', 'dist/src/api.d.ts', 'dist/src/cli/main.js', 'dist/bundle/main.cjs', 'dist/bundle/worker.js', 'dist/viewer/viewer.js', 'dist/viewer/viewer.css', 'README.md', 'package.json']) {
      if (!files.includes(f)) throw new Error(`${f} missing from the tarball`);
    }
    const stray = files.filter((f) => f.startsWith('test/') || f.startsWith('src/') || f.startsWith('node_modules/'));
    if (stray.length > 0) throw new Error(`the tarball holds ${stray.slice(0, 5).join(', ')}`);
  });
  if (!tarball) throw new Error('no tarball');

  const project = join(tmp, 'project');
  check('the tarball installs into a fresh project', () => {
    run('mkdir', ['-p', project], tmp);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
    run(npm, ['install', ...quiet, tarball], project);
  });

  const sample = join(root, 'samples/warehouse');
  const files = ['01_staging.sql', '02_dimensions.sql', '03_facts.sql', '04_reporting.sql', '05_adhoc_reports.sql'];
  check("import { analyze, render } from 'sqlflow' gives the sample's expected CSV", () => {
    const script = `
      import { readFileSync } from 'node:fs';
      import { analyze, render } from 'sqlflow';
      const dir = ${JSON.stringify(sample)};
      const sources = ${JSON.stringify(files)}.map((f) => ({ path: 'samples/warehouse/' + f, text: readFileSync(dir + '/' + f, 'utf8') }));
      const { graph } = analyze(sources, { schemaFiles: [dir + '/schema.json'] });
      process.stdout.write(render(graph, { format: 'csv', tableToTable: false, delimiter: ',' }));
    `;
    writeFileSync(join(project, 'use.mjs'), script);
    const csv = run(process.execPath, ['use.mjs'], project);
    equal(csv, readFileSync(join(sample, 'expected/lineage.csv'), 'utf8'), 'CSV');
  });

  check('a TypeScript consumer type-checks against the shipped .d.ts', () => {
    writeFileSync(
      join(project, 'use.ts'),
      `import { analyze, render, type AnalyzeOptions, type LineageGraph, type WriteOptions } from 'sqlflow';
const options: Partial<AnalyzeOptions> = { vendor: 'oracle' };
const graph: LineageGraph = analyze([{ path: 'q.sql', text: 'select a from t' }], options).graph;
const write: WriteOptions = { format: 'json', tableToTable: false, delimiter: ',' };
const text: string = render(graph, write);
// @ts-expect-error: analyze takes sources, not a string
analyze('select 1');
export { text };
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['use.ts'] }),
    );
    run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], project);
  });

  check('the installed sqlflow command runs', () => {
    const csv = run(join(project, 'node_modules/.bin/sqlflow'), ['analyze', ...files, '--schema', 'schema.json', '-f', 'csv', '--no-progress'], sample);
    if (!csv.startsWith('source_db,')) throw new Error(`unexpected output: ${csv.slice(0, 200)}`);
  });

  check('the installed sqlflow command writes the HTML viewer', () => {
    const html = run(join(project, 'node_modules/.bin/sqlflow'), ['analyze', ...files, '-f', 'html', '--no-progress'], sample);
    if (!html.startsWith('<!DOCTYPE html>') || !html.includes('id="sqlflow-data"')) throw new Error(`unexpected output: ${html.slice(0, 200)}`);
  });

  check('npm install -g from the tarball gives a working sqlflow', () => {
    const prefix = join(tmp, 'global');
    run(npm, ['install', '-g', '--prefix', prefix, ...quiet, tarball], tmp);
    const version = run(join(prefix, 'bin/sqlflow'), ['--version'], tmp).trim();
    const expected = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    equal(version, expected, 'sqlflow --version');
  });
} catch (err) {
  failed++;
  process.stdout.write(`FAIL ${err.message}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.stdout.write(failed === 0 ? 'package: every check passed\n' : `package: ${failed} check(s) failed\n`);
process.exit(failed === 0 ? 0 : 1);
