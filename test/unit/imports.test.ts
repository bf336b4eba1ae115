/**
 * Chevrotain is loaded once, through grammars/chevrotain.ts (its single-file bundle). A value
 * imported from the package itself would load a second copy whose token types and exceptions
 * do not match the first: only type imports may name the package.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname ?? '.', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

describe('Chevrotain imports', () => {
  const files = [...sources('grammars'), ...sources('src')].filter((f) => !f.endsWith(join('grammars', 'chevrotain.ts')));

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)('%s imports Chevrotain values only through grammars/chevrotain.ts', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const valueImports = [...text.matchAll(/^import\s+(?!type\b)[^;]*from\s+'chevrotain'/gm)].map((m) => m[0]);
    expect(valueImports).toEqual([]);
  });
});
