#!/usr/bin/env node
// Builds the HTML viewer's browser code and styles into dist/viewer/ (viewer.js, viewer.css) with
// esbuild: src/viewer/client/main.ts with cytoscape and dagre bundled in, minified, one IIFE that
// the HTML writer inlines. Deterministic (same sources and esbuild version, same bytes).
// `--if-stale`: do nothing when the outputs are newer than every client source (jest global setup).
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const client = join(root, 'src/viewer/client');
const outDir = join(root, 'dist/viewer');
const outputs = [join(outDir, 'viewer.js'), join(outDir, 'viewer.css')];
const inputs = [...readdirSync(client).map((f) => join(client, f)), join(root, 'src/viewer/data.ts'), join(root, 'package-lock.json')];

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

export async function buildViewer({ ifStale = false } = {}) {
  if (ifStale) {
    const built = outputs.map(mtime);
    if (built.every((t) => t !== undefined) && Math.max(...inputs.map((p) => mtime(p) ?? Infinity)) < Math.min(...built)) return false;
  }
  const esbuild = await import('esbuild');
  const common = { bundle: true, minify: process.env.VIEWER_NOMINIFY !== "1", write: false, legalComments: 'eof', logLevel: 'warning', charset: 'utf8' };
  const js = await esbuild.build({
    ...common, entryPoints: [join(client, 'main.ts')], format: 'iife', target: ['chrome100', 'firefox100', 'safari15'], platform: 'browser',
  });
  const css = await esbuild.build({ ...common, entryPoints: [join(client, 'viewer.css')] });
  const jsText = js.outputFiles[0].text;
  // The bundle is inlined in a <script> element: it must never close it.
  if (/<\/script/i.test(jsText)) throw new Error('viewer bundle contains "</script": cannot be inlined');
  mkdirSync(outDir, { recursive: true });
  // Written atomically: concurrent test runs may build at the same time.
  for (const [path, text] of [[outputs[0], jsText], [outputs[1], css.outputFiles[0].text]]) {
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  }
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildViewer({ ifStale: process.argv.includes('--if-stale') });
}
