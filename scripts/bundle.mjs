#!/usr/bin/env node
// Build step (`npm run build`, after tsc): the CLI and the parse worker, each bundled into one
// file (dist/bundle/), so a run loads two or three files instead of about seventy modules.
// Libraries loaded on first use (xmlbuilder2, fast-glob, yauzl, ora) and Chevrotain (loaded from
// its own single-file bundle, see grammars/chevrotain.ts) stay outside. bin/sqlflow runs the
// bundle when it exists, else dist/src/cli/main.js.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * grammars/chevrotain.js loads Chevrotain's single-file bundle with a top-level await, which a
 * bundled, lazily imported module cannot have; in the bundle it is imported statically instead
 * (and so bundled too).
 */
const staticChevrotain = {
  name: 'static-chevrotain',
  setup(b) {
    const single = join(dirname(createRequire(join(root, 'package.json')).resolve('chevrotain')), '..', 'chevrotain.mjs');
    b.onLoad({ filter: /[\\/]dist[\\/]grammars[\\/]chevrotain\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const loadAt = text.indexOf('async function load()');
      const useAt = text.indexOf('const chevrotain = await load();');
      if (loadAt < 0 || useAt < 0) throw new Error('grammars/chevrotain.js changed: update scripts/bundle.mjs');
      const rest = text.slice(useAt + 'const chevrotain = await load();'.length);
      return { contents: `import * as chevrotain from ${JSON.stringify(single)};\n${rest}`, loader: 'js' };
    });
  },
};
await build({
  absWorkingDir: root,
  entryPoints: { sqlflow: 'dist/src/cli/main.js', worker: 'dist/src/parse/worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  plugins: [staticChevrotain],
  logLevel: 'warning',
});
