/** Input specs → concrete files: a file, a directory (recursive), or a glob pattern. */
import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_SQL_EXTENSIONS, inputDiag } from './types.js';
import { walkDirectory, type ReadDir, type Walk } from './walk.js';
import { errorText } from './zip.js';

export interface Target {
  /** Path as shown to the user. */
  path: string;
  /** Absolute path, for de-duplication. */
  abs: string;
  /** Named on the command line itself (not found in a directory or by a glob). */
  named?: boolean;
}

export interface Expansion {
  targets: Target[];
  diagnostics: Diagnostic[];
  fatal: boolean;
}

/** fast-glob, loaded on first use (a run over plain file paths never needs it). */
async function fastGlob(): Promise<typeof import('fast-glob')> {
  return (await import('fast-glob')).default;
}

export async function expandSpec(spec: string, cwd: string = process.cwd(), extensions: readonly string[] = DEFAULT_SQL_EXTENSIONS, readDir?: ReadDir): Promise<Expansion> {
  let isDir: boolean;
  try {
    isDir = (await stat(resolve(cwd, spec))).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const missing = code === 'ENOENT' || code === 'ENOTDIR';
    if (missing && (await fastGlob()).isDynamicPattern(globPattern(spec))) return expandGlob(spec, cwd);
    const message = missing ? 'no such file or directory' : `cannot access: ${errorText(err)}`;
    return { targets: [], diagnostics: [inputDiag('error', spec, message)], fatal: true };
  }
  if (!isDir) return { targets: [{ path: spec, abs: resolve(cwd, spec), named: true }], diagnostics: [], fatal: false };
  return expandDirectory(spec, cwd, extensions, readDir);
}

async function expandDirectory(dir: string, cwd: string, extensions: readonly string[], readDir?: ReadDir): Promise<Expansion> {
  let walk: Walk;
  try {
    walk = await walkDirectory(resolve(cwd, dir), extensions, (rel) => joinDisplay(dir, rel), readDir);
  } catch (err) {
    const problem = inputDiag('error', dir, `cannot read directory: ${errorText(err)}`);
    return { targets: [], diagnostics: [problem], fatal: true };
  }
  const { rels, diagnostics } = walk;
  if (rels.length === 0) {
    const listed = extensions.length === 1 && extensions[0] === 'sql' ? '.sql' : `SQL (${extensions.map((e) => `.${e}`).join(' ')})`;
    const empty = inputDiag('warning', dir, `no ${listed} or .zip files in this directory`);
    return { targets: [], diagnostics: [...diagnostics, empty], fatal: false };
  }
  const targets = sortByPath(rels).map((rel) => {
    const path = joinDisplay(dir, rel);
    return { path, abs: resolve(cwd, path) };
  });
  return { targets, diagnostics, fatal: false };
}

async function expandGlob(pattern: string, cwd: string): Promise<Expansion> {
  const matches = await (await fastGlob())(globPattern(pattern), {
    cwd,
    onlyFiles: true,
    dot: false,
    unique: true,
    followSymbolicLinks: true,
    suppressErrors: true,
  });
  if (matches.length === 0) {
    return { targets: [], diagnostics: [inputDiag('warning', pattern, 'no files match this pattern')], fatal: false };
  }
  const targets = sortByPath(matches).map((m) => {
    const path = sep === '\\' ? m.replace(/\//g, '\\') : m;
    return { path, abs: resolve(cwd, path) };
  });
  return { targets, diagnostics: [], fatal: false };
}

/** fast-glob wants forward slashes; on Windows a user's backslashes are separators, not escapes. */
function globPattern(spec: string): string {
  return sep === '\\' ? spec.replace(/\\/g, '/') : spec;
}

/** The directory as the user wrote it, then the relative path with the platform separator. */
export function joinDisplay(dir: string, rel: string): string {
  const base = dir.replace(/[\\/]+$/, '');
  const tail = sep === '\\' ? rel.replace(/\//g, '\\') : rel;
  return `${base}${sep}${tail}`;
}

/** Code-unit order: independent of locale, stable across machines. */
export function sortByPath(paths: string[]): string[] {
  return [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
