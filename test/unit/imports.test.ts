/**
 * Layers run one way: grammars/ imports values only from itself (Chevrotain through its wrapper),
 * and from src/ast and src/dialects only types; those two depend on nothing else; no import
 * cycle among values anywhere in src/ and grammars/.
 *
 * Chevrotain is loaded once, through grammars/chevrotain.ts (its single-file bundle). A value
 * imported from the package itself would load a second copy whose token types and exceptions
 * do not match the first: only type imports may name the package.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

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

// ---------------------------------------------------------------- layers

interface Import {
  /** The importing file and the imported one, relative to the root, `.ts`. */
  from: string;
  to: string;
  /** Only types are imported (erased at run time). */
  typeOnly: boolean;
}

/** The relative imports and re-exports of `file`. */
function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?([\s\S]*?)\s*from\s+'(\.[^']+)'/gm)) {
    const clause = m[2]!.trim();
    const items = clause.startsWith('{') ? clause.slice(1, clause.lastIndexOf('}')).split(',').map((s) => s.trim()).filter(Boolean) : [clause];
    const typeOnly = m[1] !== undefined || (clause.startsWith('{') && items.every((i) => i.startsWith('type ')));
    const to = join(dirname(file), m[3]!).replace(/\.js$/, '.ts');
    out.push({ from: file, to, typeOnly });
  }
  return out;
}

/** Strongly connected groups of more than one file in the value-import graph. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('layers run one way', () => {
  const files = [...sources('grammars'), ...sources('src')];
  const all = files.flatMap(importsOf);
  const inside = (dir: string) => (f: string) => f.startsWith(dir + sep);

  it('reads the imports', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(importsOf(join('grammars', 'parser.ts'))).toEqual(
      expect.arrayContaining([
        { from: join('grammars', 'parser.ts'), to: join('grammars', 'chevrotain.ts'), typeOnly: false },
        { from: join('grammars', 'parser.ts'), to: join('src', 'ast', 'nodes.ts'), typeOnly: true },
      ]),
    );
  });

  /** The diagnostic type is a leaf file of its own: grammars/ reports problems in it. */
  const diagnosticType = join('src', 'diagnostics', 'diagnostic.ts');

  it('grammars/ imports values only from grammars/ (src/ast, src/dialects and the diagnostic type: types only)', () => {
    const out = all.filter((i) => inside('grammars')(i.from) && !inside('grammars')(i.to));
    expect(out.filter((i) => !i.typeOnly)).toEqual([]);
    expect(out.filter((i) => !inside(join('src', 'ast'))(i.to) && !inside(join('src', 'dialects'))(i.to) && i.to !== diagnosticType)).toEqual([]);
  });

  it('src/ast, src/dialects and the diagnostic type depend on nothing else', () => {
    const leaves = [join('src', 'ast'), join('src', 'dialects')];
    const out = all.filter((i) => (leaves.some((l) => inside(l)(i.from)) && !inside(dirname(i.from))(i.to)) || i.from === diagnosticType);
    expect(out).toEqual([]);
  });

  it('no import cycle (values)', () => {
    const graph = new Map<string, string[]>(files.map((f) => [f, []]));
    for (const i of all) if (!i.typeOnly) graph.get(i.from)!.push(i.to);
    expect(cycles(graph)).toEqual([]);
    // The check finds a cycle when there is one.
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });
});
