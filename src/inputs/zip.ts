/**
 * `.zip` archives, read in memory with yauzl: every SQL entry (by extension) in name order, bounded
 * by entry count (else the archive is skipped), total uncompressed size and a per-entry
 * compression-ratio guard against zip bombs (an entry over them is skipped alone).
 */
import type { Entry, ZipFile } from 'yauzl';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_SQL_EXTENSIONS, hasSqlExtension, inputDiag, type InputLimits } from './types.js';

export interface ZipMember {
  /** Entry name inside the archive, e.g. `dir/a.sql`. */
  name: string;
  bytes: Buffer;
}

export interface ZipRead {
  members: ZipMember[];
  diagnostics: Diagnostic[];
}

export function isZipPath(path: string): boolean {
  return /\.zip$/i.test(path);
}

/** `archive.zip!dir/entry.sql`: how an entry is named in diagnostics and outputs. */
export function memberPath(archive: string, name: string): string {
  return `${archive}!${name}`;
}

export async function readZip(buf: Buffer, archive: string, limits: InputLimits, extensions: readonly string[] = DEFAULT_SQL_EXTENSIONS): Promise<ZipRead> {
  const fail = (message: string): ZipRead => ({ members: [], diagnostics: [inputDiag('error', archive, message)] });
  let zip: ZipFile;
  try {
    // yauzl is loaded on first use: only archives need it.
    const { default: yauzl } = await import('yauzl');
    zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (err) {
    return fail(`cannot read zip archive: ${errorText(err)}`);
  }
  if (zip.entryCount > limits.maxZipEntries) {
    const limit = limits.maxZipEntries;
    return fail(`zip archive has ${zip.entryCount} entries, more than the limit of ${limit}; archive skipped`);
  }
  const entries: Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) entries.push(entry);
  } catch (err) {
    return fail(`corrupt zip archive: ${errorText(err)}; archive skipped`);
  }
  const diagnostics: Diagnostic[] = [];
  const chosen = selectEntries(entries, archive, diagnostics, extensions);
  // Limits hold entry by entry: an entry over them is skipped with its own error, the others are read.
  const members: ZipMember[] = [];
  let total = 0;
  for (const entry of chosen) {
    const where = memberPath(archive, entry.fileName);
    const refusal = overLimits(entry, total, limits);
    if (refusal) {
      diagnostics.push(inputDiag('error', where, `${refusal}; entry skipped`));
      continue;
    }
    if (entry.isEncrypted()) {
      diagnostics.push(inputDiag('error', where, 'encrypted zip entry, skipped'));
      continue;
    }
    if (!entry.canDecodeFileData()) {
      const method = entry.compressionMethod;
      diagnostics.push(inputDiag('error', where, `unsupported zip compression method ${method}, skipped`));
      continue;
    }
    try {
      const bytes = await readEntry(zip, entry, limits.maxZipBytes - total);
      total += bytes.length;
      members.push({ name: entry.fileName, bytes });
    } catch (err) {
      diagnostics.push(inputDiag('error', where, `cannot read zip entry: ${errorText(err)}`));
    }
  }
  zip.close();
  return { members, diagnostics };
}

/** SQL files (by extension; not directories, not macOS resource forks), sorted by name, first of duplicates. */
function selectEntries(entries: Entry[], archive: string, diagnostics: Diagnostic[], extensions: readonly string[]): Entry[] {
  const seen = new Set<string>();
  const out: Entry[] = [];
  for (const e of entries) {
    const name = e.fileName;
    if (name.endsWith('/') || name.startsWith('__MACOSX/')) continue;
    if (isZipPath(name)) {
      diagnostics.push(inputDiag('note', memberPath(archive, name), 'nested zip archive not read'));
      continue;
    }
    if (!hasSqlExtension(name, extensions)) continue;
    if (seen.has(name)) {
      const message = 'duplicate zip entry name; only the first is read';
      diagnostics.push(inputDiag('warning', memberPath(archive, name), message));
      continue;
    }
    seen.add(name);
    out.push(e);
  }
  return out.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
}

/** The limit an entry's declared sizes exceed (after `total` bytes already read), as a message; undefined when within bounds. */
function overLimits(e: Entry, total: number, limits: InputLimits): string | undefined {
  const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1);
  if (e.uncompressedSize >= limits.zipRatioMinBytes && ratio > limits.maxZipRatio) {
    return `expands ${Math.round(ratio)}:1 (${e.compressedSize} → ${e.uncompressedSize} bytes), more than the limit of ${limits.maxZipRatio}:1`;
  }
  if (total + e.uncompressedSize > limits.maxZipBytes) {
    return `${e.uncompressedSize} bytes would take the archive past the limit of ${limits.maxZipBytes} bytes of SQL`;
  }
  return undefined;
}

/** Inflate one entry, refusing more than `budget` bytes whatever the headers claim. */
async function readEntry(zip: ZipFile, entry: Entry, budget: number): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = chunk as Buffer;
      size += b.length;
      if (size > budget) throw new Error('entry larger than the remaining size limit');
      chunks.push(b);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, size);
}

export function errorText(err: unknown): string {
  // Not `instanceof Error`: errors of node's fs may come from another realm (vm contexts, tests).
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(err);
}
