/**
 * A directory's SQL files and archives, at any depth. A subdirectory that cannot be listed, a link
 * that leads nowhere (or round in a loop) and a matching entry that is not a regular file (a FIFO
 * would block the read forever) are each reported and skipped: one bad entry never costs the
 * others. Hidden entries are skipped; links are followed, a directory already on the way down is
 * not entered again.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasSqlExtension, inputDiag } from './types.js';
import { errorText } from './zip.js';

export type ReadDir = (path: string) => Promise<Dirent[]>;

export const defaultReadDir: ReadDir = (path) => readdir(path, { withFileTypes: true });

export interface Walk {
  /** Paths relative to the directory, `/`-separated. */
  rels: string[];
  diagnostics: Diagnostic[];
}

/**
 * Throws when `root` itself cannot be listed (the caller's usage error); problems below it are
 * diagnostics named by their displayed path (`display(rel)`).
 */
export async function walkDirectory(root: string, extensions: readonly string[], display: (rel: string) => string, read: ReadDir = defaultReadDir): Promise<Walk> {
  const out: Walk = { rels: [], diagnostics: [] };
  const skip = (rel: string, message: string) => out.diagnostics.push(inputDiag('error', display(rel), `${message}; skipped`));
  const wanted = [...extensions.map((e) => e.toLowerCase()), 'zip'];
  const visit = async (abs: string, rel: string, ancestors: Set<string>, entries: Dirent[]) => {
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const childAbs = join(abs, entry.name);
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      let kind: 'dir' | 'file' | 'other' = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(childAbs);
          kind = target.isDirectory() ? 'dir' : target.isFile() ? 'file' : 'other';
        } catch (err) {
          skip(childRel, `cannot follow link: ${errorText(err)}`);
          continue;
        }
      }
      if (kind !== 'dir') {
        if (!hasSqlExtension(entry.name, wanted)) continue;
        if (kind === 'file') out.rels.push(childRel);
        else skip(childRel, 'cannot read: not a regular file');
        continue;
      }
      const real = await realpath(childAbs).catch(() => childAbs);
      if (ancestors.has(real)) continue;
      let children: Dirent[];
      try {
        children = await read(childAbs);
      } catch (err) {
        skip(childRel, `cannot read directory: ${errorText(err)}`);
        continue;
      }
      await visit(childAbs, childRel, new Set([...ancestors, real]), children);
    }
  };
  const top = await read(root);
  await visit(root, '', new Set([await realpath(root).catch(() => root)]), top);
  return out;
}
