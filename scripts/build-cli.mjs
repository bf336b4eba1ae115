#!/usr/bin/env node
// Bundles the CLI (dist/src/cli/main.js, as tsc built it) into one CommonJS file,
// dist/bundle/main.cjs, and the parse worker (dist/src/parse/worker.js) into dist/bundle/ with
// esbuild, for start-up. Deterministic.
//
// The CLI bundle is one script so that bin/sqlflow can compile it with V8's code cache
// (node:vm's cachedData: on Node 20 the only code cache there is, ES modules have none), which
// takes most of the compiling out of every run after the first. Chevrotain, commander, chalk and
// ora are bundled with it (Chevrotain from its single-file build, see grammars/chevrotain.ts);
// the other dependencies, loaded only by some commands (serve, gate, archives, SARIF, GraphML),
// stay in node_modules and are `require`d when first needed: every lazy `import()` of the sources
// stays lazy (esbuild wraps each module in an initializer run on first import), and none is left
// as `import()`, which a script compiled by node:vm cannot run without an experimental loader.
// The bundle's first line names a hash of its contents: the key of its code cache.
//
// A module that finds files next to itself (the lookahead cache, the big-stack worker's entry,
// package.json) does so from `import.meta.url`: in a bundle that expression is replaced by the
// module's own URL in dist/, so those files are found where they always are. The parse pool keeps
// the bundle's URL and so starts the bundled worker beside it. bin/sqlflow decides which to run.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist/bundle');
const building = `${outDir}.new`;
/** Finds its worker next to itself: in the bundle, the bundled worker (an entry point of its own). */
const POOL = join(root, 'dist/src/parse/pool.js');
/** Loads Chevrotain's single-file build with a top-level await; bundled, a plain re-export of it. */
const CHEVROTAIN = join(root, 'dist/grammars/chevrotain.js');
/** Bundled into the CLI: every run loads them (ora: ES module only, which `require` cannot load on Node 20). */
const BUNDLED = ['chevrotain', 'commander', 'chalk', 'ora'];
/** The CLI bundle's own URL, in the bundle. */
const BUNDLE_URL = 'require("node:url").pathToFileURL(__filename).href';

/** `import.meta.url` of a bundled module of dist/, as seen from the bundle's folder: its own URL in dist/. */
function ownUrl(base) {
  return {
    name: 'own-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, (args) => {
        if (!args.path.startsWith(join(root, 'dist') + sep)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (args.path === POOL) return { contents: text.replace(/\bimport\.meta\.url\b/g, base), loader: 'js' };
        const path = relative(building, args.path).split(sep).join('/');
        return { contents: text.replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(path)}, ${base}).href`), loader: 'js' };
      });
    },
  };
}

/** grammars/chevrotain.js as a static re-export of Chevrotain's single-file build. */
const chevrotainBuild = {
  name: 'chevrotain-single-file',
  setup(build) {
    build.onLoad({ filter: /chevrotain\.js$/ }, (args) => {
      if (args.path !== CHEVROTAIN) return undefined;
      const single = join(dirname(fileURLToPath(import.meta.resolve('chevrotain'))), '../chevrotain.mjs');
      return { contents: `export * from ${JSON.stringify(single)};\n`, loader: 'js' };
    });
  },
};

function external() {
  const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return Object.keys(dependencies)
    .filter((d) => !BUNDLED.includes(d))
    .flatMap((d) => [d, `${d}/*`]);
}

export async function buildCli() {
  const esbuild = await import('esbuild');
  rmSync(building, { recursive: true, force: true });
  const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' };
  await esbuild.build({
    ...common,
    entryPoints: [join(root, 'dist/src/parse/worker.js')],
    outdir: building,
    entryNames: '[name]',
    splitting: true,
    format: 'esm',
    packages: 'external',
    plugins: [ownUrl('import.meta.url')],
  });
  const cli = join(building, 'main.cjs');
  await esbuild.build({
    ...common,
    entryPoints: [join(root, 'dist/src/cli/main.js')],
    outfile: cli,
    format: 'cjs',
    external: external(),
    // Every import() becomes a require() of a module initialized on first use.
    supported: { 'dynamic-import': false },
    plugins: [chevrotainBuild, ownUrl(BUNDLE_URL)],
  });
  const text = readFileSync(cli, 'utf8');
  if (/\bimport\s*\(/.test(text.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""'))) throw new Error('build-cli: an import() is left in the CLI bundle');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 20);
  // One line, so the bundle's line numbers (in stack traces) stay those esbuild wrote, less one.
  writeFileSync(cli, `// sqlflow-cli-bundle ${hash}\n${text}`);
  // Replaced whole, so a run never sees half of one bundle and half of another.
  rmSync(outDir, { recursive: true, force: true });
  renameSync(building, outDir);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
}
