import { CHUNK_CHARS } from '../../src/writers/chunks.js';
import { ByteChunks, encoded } from '../../src/writers/bytes.js';

describe('ByteChunks', () => {
  test('writes text of any script, short and long, as the same characters', () => {
    const out = new ByteChunks();
    const pieces = ['{"a":', 'Straße', 'naïve_col', '数据表', 'emoji 🦆 pair', 'x'.repeat(300), `long ${'é'.repeat(200)} 🦆`, ''];
    for (const p of pieces) out.str(p);
    expect(out.take()).toBe(pieces.join(''));
    expect(out.take()).toBe('');
  });

  test('writes integers as String() does', () => {
    const out = new ByteChunks();
    const values = [0, 7, 9, 10, 99, 100, 12345, 2147483647, 2147483648, -3, 1.5];
    for (const v of values) {
      out.int(v);
      out.bytes(encoded(','));
    }
    expect(out.take()).toBe(values.map((v) => `${String(v)},`).join(''));
  });

  test('is full past a chunk and grows for one piece larger than its buffer', () => {
    const out = new ByteChunks();
    const piece = 'ü'.repeat(CHUNK_CHARS);
    out.str('a');
    expect(out.full).toBe(false);
    out.str(piece);
    expect(out.full).toBe(true);
    expect(out.take()).toBe(`a${piece}`);
    expect(out.full).toBe(false);
    out.str('after');
    expect(out.take()).toBe('after');
  });

  test('hands out the UTF-8 bytes themselves when asked to, each chunk its own copy', () => {
    const out = new ByteChunks(true);
    out.str('naïve ');
    out.int(42);
    const first = out.take() as Uint8Array;
    out.str('数据');
    const second = out.take() as Uint8Array;
    expect(first).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(first).toString('utf8')).toBe('naïve 42');
    expect(Buffer.from(second).toString('utf8')).toBe('数据');
  });
});
