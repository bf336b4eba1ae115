/**
 * Writing the document to `-o <path>`, chunk by chunk with backpressure.
 *
 * A regular file (or a path that does not exist yet) is written atomically: a temporary file in
 * the same folder, then a rename over the target (through a symbolic link, onto the file it
 * names). Anything else that exists — a character device such as /dev/null or a terminal, a FIFO,
 * a socket — is opened and written in place: renaming over it would replace the device with a
 * regular file (as root in a container, that breaks /dev/null for every later step).
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, createWriteStream, openSync, writeSync } from 'node:fs';
import { realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Chunk } from '../writers/chunks.js';

/** Writes every chunk, waiting for 'drain' when the stream's buffer is full. */
export async function writeChunks(stream: NodeJS.WritableStream, chunks: Iterable<Chunk>): Promise<void> {
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
}

async function writeStream(path: string, flags: string, chunks: Iterable<Chunk>): Promise<void> {
  const stream = createWriteStream(path, { flags });
  try {
    await once(stream, 'open');
    await writeChunks(stream, chunks);
    stream.end();
    await finished(stream);
  } catch (err) {
    stream.destroy();
    throw err;
  }
}

/**
 * Writes every chunk into a new file (flags 'wx'), synchronously; a short write continues where it
 * stopped. A text chunk is encoded once (writing the string, then asking its UTF-8 length to tell a
 * short write, went over its characters twice); bytes are written as they are.
 */
function writeNewFile(path: string, chunks: Iterable<Chunk>): void {
  const fd = openSync(path, 'wx');
  try {
    for (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    }
  } finally {
    closeSync(fd);
  }
}

export async function writeFileAtomic(path: string, chunks: Iterable<Chunk> | string): Promise<void> {
  const parts = typeof chunks === 'string' ? [chunks] : chunks;
  let target = resolve(path);
  const info = await stat(target).catch(() => undefined);
  if (info && !info.isFile() && !info.isDirectory()) {
    await writeStream(target, 'w', parts);
    return;
  }
  if (info?.isFile()) target = await realpath(target);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeNewFile(tmp, parts);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}
