/** Writer golden files in test/writers/golden/ (`UPDATE_GOLDEN=1 npm test -- test/writers` rewrites them; see test/helpers/golden.ts). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectGoldenFile } from '../helpers/golden.js';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');

export function expectGolden(name: string, actual: string): void {
  expectGoldenFile(join(GOLDEN_DIR, name), actual);
}
