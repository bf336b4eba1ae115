/**
 * Module hooks that load the TypeScript sources directly (for a worker thread started by a test,
 * where ts-jest does not reach): `./x.js` resolves to `./x.ts` when only that exists, and `.ts`
 * files are transpiled with TypeScript. Registered through SQLFLOW_WORKER_HOOKS (test/helpers/env.ts).
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let ts;

export async function resolve(specifier, context, next) {
  if (specifier.endsWith('.js') && (specifier.startsWith('.') || specifier.startsWith('file:')) && context.parentURL?.endsWith('.ts')) {
    const url = new URL(specifier, context.parentURL);
    if (!existsSync(fileURLToPath(url))) return { url: url.href.replace(/\.js$/, '.ts'), shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  ts ??= (await import('typescript')).default;
  const text = await readFile(fileURLToPath(url), 'utf8');
  const out = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }, fileName: fileURLToPath(url) });
  return { format: 'module', source: out.outputText, shortCircuit: true };
}
