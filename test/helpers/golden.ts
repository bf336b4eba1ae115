/**
 * Golden files anywhere in the repository: compare byte for byte, or rewrite them when the
 * environment has UPDATE_GOLDEN=1 (`UPDATE_GOLDEN=1 npm test -- test/pipeline`). A regenerated
 * file is a change to review like code: read the diff before committing it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { repoRelative } from './paths.js';

export const UPDATING = process.env.UPDATE_GOLDEN === '1';

/** `actual` must equal the file at `path` (absolute); with UPDATE_GOLDEN=1 the file is rewritten. */
export function expectGoldenFile(path: string, actual: string): void {
  if (UPDATING) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual, 'utf8');
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`missing golden file ${repoRelative(path)}; create it with: UPDATE_GOLDEN=1 npm test`);
  }
  const expected = readFileSync(path, 'utf8');
  try {
    expect(actual).toBe(expected);
  } catch (err) {
    const hint = `${repoRelative(path)} differs from the output. If the change is intended, run UPDATE_GOLDEN=1 npm test and review the diff.`;
    if (err instanceof Error) err.message = `${hint}\n\n${err.message}`;
    throw err;
  }
}
