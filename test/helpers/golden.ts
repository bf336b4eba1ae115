/**
 * Golden files anywhere in the repository: compare, or rewrite them when the environment has
 * UPDATE_GOLDEN=1 (`UPDATE_GOLDEN=1 npm test -- test/pipeline`). A regenerated file is a change
 * to review like code: read the diff before committing it.
 *
 * JSON documents are stored pretty-printed (two-space indent), so that a change shows as a few
 * lines in the diff rather than as one changed line of 30 kB. The comparison stays byte-exact:
 * the output must be the compact serialization of its own content (what `JSON.stringify` writes,
 * plus a newline) and that content must equal the stored one. Files that users compare with the
 * CLI's output byte for byte (samples/ * /expected) are stored as written (`literal`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { repoRelative } from './paths.js';

export const UPDATING = process.env.UPDATE_GOLDEN === '1';

export interface GoldenOptions {
  /** Store the text exactly as produced (no pretty-printing of JSON). */
  literal?: boolean;
}

/** A JSON document pretty-printed as stored in a golden file. */
export function prettyJson(text: string): string {
  return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
}

/** `actual` must equal the file at `path` (absolute); with UPDATE_GOLDEN=1 the file is rewritten. */
export function expectGoldenFile(path: string, actual: string, opts: GoldenOptions = {}): void {
  const json = path.endsWith('.json') && !opts.literal;
  const stored = json ? prettyJson(actual) : actual;
  if (json) {
    // Byte-exact: the output is the compact form of what is compared below.
    expect(actual).toBe(`${JSON.stringify(JSON.parse(actual))}\n`);
  }
  if (UPDATING) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, stored, 'utf8');
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`missing golden file ${repoRelative(path)}; create it with: UPDATE_GOLDEN=1 npm test`);
  }
  const expected = readFileSync(path, 'utf8');
  try {
    expect(stored).toBe(expected);
  } catch (err) {
    const hint = `${repoRelative(path)} differs from the output. If the change is intended, run UPDATE_GOLDEN=1 npm test and review the diff.`;
    if (err instanceof Error) err.message = `${hint}\n\n${err.message}`;
    throw err;
  }
}
