/**
 * The viewer's browser code and styles, built by `npm run build` (scripts/build-viewer.mjs, esbuild)
 * into `dist/viewer/`, read once and inlined by the HTML writer. The jest global setup builds
 * them before tests, so tests run without a prior `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

export interface ViewerAssets {
  js: string;
  css: string;
}

let cached: ViewerAssets | undefined;

/** The built bundle; throws a clear error when it has not been built. */
export function viewerAssets(): ViewerAssets {
  if (cached) return cached;
  const root = packageRoot()?.dir;
  const dir = join(root ?? '.', 'dist', 'viewer');
  try {
    cached = { js: readFileSync(join(dir, 'viewer.js'), 'utf8'), css: readFileSync(join(dir, 'viewer.css'), 'utf8') };
  } catch {
    throw new Error(`the HTML viewer is not built (${join(dir, 'viewer.js')} missing): run npm run build`);
  }
  return cached;
}
