/** Absolute paths inside the repository, independent of the working directory. */
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is test/helpers/paths.ts). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function repoPath(...parts: string[]): string {
  return join(ROOT, ...parts);
}

/** `path` relative to the repository root, with forward slashes (stable in outputs). */
export function repoRelative(path: string): string {
  return relative(ROOT, path).split('\\').join('/');
}
