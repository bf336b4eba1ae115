/** Golden-file comparison: `UPDATE_GOLDEN=1 npm test -- test/writers` rewrites the expected files. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');

export function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual, 'utf8');
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`missing golden file test/writers/golden/${name}; run: UPDATE_GOLDEN=1 npm test -- test/writers`);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
