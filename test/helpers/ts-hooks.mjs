/**
 * Module hooks that let a worker thread started by a test load the TypeScript sources directly
 * (jest transforms only the test process itself): `x.js` resolves to `x.ts` when only the latter
 * exists, and `.ts` files are transpiled with TypeScript's transpileModule (no type checking),
 * kept in node_modules/.cache so the next worker starts faster.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** TypeScript, loaded on the first file not in the cache. */
let ts;

const CACHE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.cache', 'sqlflow-ts-hooks');

export async function resolve(specifier, context, next) {
  if (specifier.endsWith('.js') && (specifier.startsWith('.') || specifier.startsWith('file:'))) {
    const url = new URL(specifier, context.parentURL);
    if (!existsSync(fileURLToPath(url))) {
      const tsUrl = new URL(url.href.replace(/\.js$/, '.ts'));
      if (existsSync(fileURLToPath(tsUrl))) return { url: tsUrl.href, format: 'module', shortCircuit: true };
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const source = readFileSync(fileURLToPath(url), 'utf8');
  const cached = join(CACHE, `${createHash('sha256').update(url).update('\0').update(source).digest('hex')}.js`);
  if (existsSync(cached)) return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
  ts ??= (await import('typescript')).default;
  const out = ts.transpileModule(source, {
    fileName: fileURLToPath(url),
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, isolatedModules: true, esModuleInterop: true },
  });
  try {
    mkdirSync(CACHE, { recursive: true });
    const tmp = `${cached}.${process.pid}.${Math.random().toString(16).slice(2)}`;
    writeFileSync(tmp, out.outputText);
    renameSync(tmp, cached);
  } catch {
    // no cache: transpile again next time
  }
  return { format: 'module', source: out.outputText, shortCircuit: true };
}
