#!/usr/bin/env node
// Bundles the CLI (dist/src/cli/main.js, as tsc built it) and the parse worker
// (dist/src/parse/worker.js) into dist/bundle/ with esbuild, for start-up: Node loads, links and
// compiles each ES module on its own, and the analyze path of the unbundled build is about 95
// modules; bundled it is about 30 files (a cold one-statement run: ~30 ms less CPU). Code
// splitting keeps every lazy import lazy (`sqlflow vendors` does not load the parser) and each
// module once. Dependencies stay outside (node_modules, as installed). Deterministic.
//
// A module that finds files next to itself (the lookahead cache, the big-stack worker's entry,
// package.json) does so from `import.meta.url`: in the bundle that expression is replaced by the
// module's own URL in dist/, so those files are found where they always are. The parse pool keeps
// the bundle's URL and so starts the bundled worker beside it. bin/sqlflow decides which to run.
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist/bundle');
const building = `${outDir}.new`;
/** Finds its worker next to itself: in the bundle, the bundled worker (an entry point of its own). */
const POOL = join(root, 'dist/src/parse/pool.js');

/** `import.meta.url` of a bundled module, as seen from the bundle's folder: its own URL in dist/. */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (args.path === POOL) return { contents: text, loader: 'js' };
      const path = relative(building, args.path).split(sep).join('/');
      return { contents: text.replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(path)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

export async function buildCli() {
  const esbuild = await import('esbuild');
  rmSync(building, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [join(root, 'dist/src/cli/main.js'), join(root, 'dist/src/parse/worker.js')],
    outdir: building,
    entryNames: '[name]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    plugins: [ownUrl],
    logLevel: 'warning',
  });
  // Replaced whole, so a run never sees half of one bundle and half of another.
  rmSync(outDir, { recursive: true, force: true });
  renameSync(building, outDir);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
}
