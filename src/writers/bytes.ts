/**
 * Text written as UTF-8 into one reused byte buffer and handed out a chunk at a time. A writer
 * that emits a million small pieces (the JSON document's coordinates, ids and names) would
 * otherwise make a string for each piece and for each concatenation (~140 MB of garbage for the
 * bench's 21 MB document); here a piece costs no allocation and a chunk is one string made from
 * the bytes. A chunk ends only between pieces, so no character is ever cut in two. A consumer that
 * writes bytes (the CLI) takes the bytes themselves: no string decoded from them and encoded again.
 */
import { CHUNK_CHARS } from './chunks.js';

/** Strings up to this length are copied a character at a time; longer ones by Buffer#write. */
const SHORT = 64;

export class ByteChunks {
  private buf = Buffer.allocUnsafe(0);
  private pos = 0;

  /** `asBytes`: `take` hands out the UTF-8 bytes written (a copy of them), else a string. */
  constructor(private readonly asBytes = false) {
    // The first buffer is made by the growth path, so that path has run (and `buf` is known to be
    // replaced) before the writer is optimised: a column whose coordinates outgrow the buffer
    // otherwise reached it cold, deoptimising room and every method inlining it (5 recompiles).
    this.room(CHUNK_CHARS * 2);
  }

  /** True once a chunk's worth is written (take it between pieces). */
  get full(): boolean {
    return this.pos >= CHUNK_CHARS;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const more = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(more, 0, 0, this.pos);
    this.buf = more;
  }

  /** Any text, as UTF-8. */
  str(s: string): void {
    const n = s.length;
    this.room(n * 3);
    const buf = this.buf;
    let p = this.pos;
    if (n <= SHORT) {
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) {
          this.pos += buf.write(s, this.pos, 'utf8');
          return;
        }
        buf[p++] = c;
      }
      this.pos = p;
    } else {
      this.pos = p + buf.write(s, p, 'utf8');
    }
  }

  /** Text encoded beforehand (see `encoded`): the document's fixed pieces. */
  bytes(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = b[i]!;
    this.pos = p;
  }

  /** A non-negative integer in decimal (anything else as JavaScript writes it). */
  int(v: number): void {
    if (!(v >= 0 && v <= 0x7fffffff && (v | 0) === v)) {
      this.str(String(v));
      return;
    }
    this.room(10);
    let digits = 1;
    for (let x = v; x >= 10; x = (x / 10) | 0) digits++;
    const buf = this.buf;
    let p = this.pos + digits;
    this.pos = p;
    do {
      const q = (v / 10) | 0;
      buf[--p] = 48 + v - q * 10;
      v = q;
    } while (v > 0);
  }

  /** The text written since the last take. */
  take(): string | Uint8Array {
    // A copy: the buffer is written on again while the consumer may still hold the chunk.
    const text = this.asBytes ? new Uint8Array(this.buf.subarray(0, this.pos)) : this.buf.toString('utf8', 0, this.pos);
    this.pos = 0;
    // A buffer grown for one huge piece is not kept for the rest of the document.
    if (this.buf.length > CHUNK_CHARS * 4) this.buf = Buffer.allocUnsafe(CHUNK_CHARS * 2);
    return text;
  }
}

/** `s` as UTF-8, for `ByteChunks.bytes`. */
export function encoded(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'utf8'));
}
