/**
 * Bytes → text: UTF-8 (BOM optional, stripped), UTF-16 LE/BE (BOM, or a clear NUL pattern),
 * invalid UTF-8 replaced by U+FFFD with one warning, binary files refused.
 */
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { inputDiag } from './types.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  /** Undefined when the file was skipped (binary). */
  text?: string;
  encoding?: Encoding;
  diagnostics: Diagnostic[];
}

/** Bytes inspected by the binary and UTF-16 heuristics. */
const SAMPLE = 8192;

export function decodeBytes(buf: Buffer, path: string): Decoded {
  if (buf.length === 0) return { text: '', encoding: 'utf-8', diagnostics: [inputDiag('note', path, 'empty file')] };
  const bom = detectBom(buf);
  if (bom) return finish(buf, bom.encoding, bom.length, path, []);
  const guess = guessUtf16(buf);
  if (guess) {
    const note = inputDiag('note', path, `no byte order mark; decoded as ${guess.toUpperCase()}`);
    return finish(buf, guess, 0, path, [note]);
  }
  return finish(buf, 'utf-8', 0, path, []);
}

function finish(buf: Buffer, encoding: Encoding, start: number, path: string, diagnostics: Diagnostic[]): Decoded {
  if (encoding === 'utf-8') {
    if (looksBinary(buf.subarray(start, start + SAMPLE))) return binary(path, diagnostics, buf.subarray(start, start + SAMPLE));
    const body = buf.subarray(start);
    if (isUtf8(body)) return { text: body.toString('utf8'), encoding, diagnostics };
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
    return { text, encoding, diagnostics: [...diagnostics, invalidUtf8(body, start, path)] };
  }
  const text = decodeUtf16(buf.subarray(start), encoding === 'utf-16be');
  if (looksBinary(codeUnits(text, SAMPLE))) return binary(path, diagnostics, codeUnits(text, SAMPLE));
  const bad = countChar(text, 0xfffd) - countUtf16Fffd(buf.subarray(start), encoding === 'utf-16be');
  if (bad > 0) {
    const message = `invalid ${encoding.toUpperCase()} data: ${plural(bad, 'invalid sequence')} replaced with U+FFFD`;
    diagnostics = [...diagnostics, inputDiag('warning', path, message)];
  }
  return { text, encoding, diagnostics };
}

/** The file is refused; the diagnostic points at its first NUL or control character. */
function binary(path: string, diagnostics: Diagnostic[], sample: ArrayLike<number>): Decoded {
  let line = 1;
  let col = 1;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i]!;
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) break;
    if (c === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return { diagnostics: [...diagnostics, { ...inputDiag('error', path, 'binary file, skipped'), line, col }] };
}

export function detectBom(buf: Buffer): { encoding: Encoding; length: number } | undefined {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-16 without BOM: at least 30% NUL bytes, (nearly) all on the same side of each pair. */
function guessUtf16(buf: Buffer): Encoding | undefined {
  const n = Math.min(buf.length, SAMPLE) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (buf[i] === 0) (i & 1 ? odd++ : even++);
  const nuls = even + odd;
  if (nuls < n * 0.3) return undefined;
  if (odd >= nuls * 0.95) return 'utf-16le';
  if (even >= nuls * 0.95) return 'utf-16be';
  return undefined;
}

/** Tab, line feed, vertical tab, form feed, carriage return, and the DOS end-of-file Ctrl-Z. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a]);

/** NUL anywhere in the sample, or more than 10% control characters other than whitespace. */
export function looksBinary(sample: ArrayLike<number>): boolean {
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c === 0) return true;
    if ((c < 0x20 && !TEXT_CONTROLS.has(c)) || c === 0x7f) controls++;
  }
  return controls > sample.length * 0.1;
}

/** The one warning for a UTF-8 body that failed validation; `start` is the BOM length. */
function invalidUtf8(body: Buffer, start: number, path: string): Diagnostic {
  const { first, count } = scanUtf8(body);
  const offset = start + Math.max(first, 0);
  const prefix = body.subarray(0, Math.max(first, 0)).toString('utf8');
  const nl = prefix.lastIndexOf('\n');
  const line = countChar(prefix, 0x0a) + 1;
  const col = prefix.length - nl;
  const byte = `0x${body[offset - start].toString(16).toUpperCase().padStart(2, '0')}`;
  const message =
    `invalid UTF-8 byte ${byte} at byte offset ${offset}` +
    (count > 1 ? ` (${count} invalid sequences in the file, each replaced with U+FFFD)` : ' (replaced with U+FFFD)');
  return { ...inputDiag('warning', path, message), line, col };
}

/**
 * First invalid byte and the number of invalid sequences, counted as the WHATWG decoder
 * replaces them (one U+FFFD per maximal ill-formed subpart).
 */
export function scanUtf8(b: Uint8Array): { first: number; count: number } {
  let first = -1;
  let count = 0;
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    }
    let j = i + 1;
    let ok = need > 0;
    for (let k = 0; ok && k < need; k++, j++) {
      const x = j < n ? b[j] : -1;
      if (x < (k === 0 ? lo : 0x80) || x > (k === 0 ? hi : 0xbf)) ok = false;
    }
    if (ok) {
      i = j;
      continue;
    }
    if (first < 0) first = i;
    count++;
    // Skip the lead byte and the valid continuation bytes before the offending one.
    i = need === 0 ? i + 1 : Math.max(i + 1, j - 1);
  }
  return { first, count };
}

function decodeUtf16(body: Buffer, bigEndian: boolean): string {
  if (!bigEndian) return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(body);
  const swapped = Buffer.from(body);
  const even = swapped.length & ~1;
  swapped.subarray(0, even).swap16();
  return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(swapped);
}

/** U+FFFD characters genuinely present in the UTF-16 data (not replacements). */
function countUtf16Fffd(body: Buffer, bigEndian: boolean): number {
  let count = 0;
  for (let i = 0; i + 1 < body.length; i += 2) {
    const unit = bigEndian ? (body[i] << 8) | body[i + 1] : body[i] | (body[i + 1] << 8);
    if (unit === 0xfffd) count++;
  }
  return count;
}

function codeUnits(text: string, max: number): number[] {
  const n = Math.min(text.length, max);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = text.charCodeAt(i);
  return out;
}

function countChar(text: string, code: number): number {
  let count = 0;
  const ch = String.fromCharCode(code);
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) count++;
  return count;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
