/**
 * Streaming writers: every writer is a generator of text chunks of bounded size, so no document
 * (and no array of all its rows) is ever held as one string. `ChunkBuffer` collects small pieces
 * and hands them out once they reach `CHUNK_CHARS`; a single piece (one row, one relationship) is
 * never split, so a chunk is at most `CHUNK_CHARS` plus one piece.
 */
import type { LineageGraph } from '../graph/model.js';
import type { WriteOptions } from '../options.js';

/** A writer: the document for `graph`, in chunks (their concatenation is the document). */
export type Writer = (graph: LineageGraph, opts: WriteOptions) => Generator<string, void, undefined>;

/** A chunk of a document as text, or as its UTF-8 bytes (what the CLI writes out: see `loadOutputWriter`). */
export type Chunk = string | Uint8Array;

/** About 64 KiB of text per chunk. */
export const CHUNK_CHARS = 1 << 16;

export class ChunkBuffer {
  private parts: string[] = [];
  private size = 0;

  /** Adds a piece; true when a chunk is ready to be taken. */
  add(piece: string): boolean {
    this.parts.push(piece);
    this.size += piece.length;
    return this.size >= CHUNK_CHARS;
  }

  get empty(): boolean {
    return this.size === 0;
  }

  take(): string {
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.size = 0;
    return text;
  }
}

/** The whole document of a writer (for library users and tests). */
export function joinChunks(chunks: Iterable<string>): string {
  const parts: string[] = [];
  for (const c of chunks) parts.push(c);
  return parts.join('');
}
