import { decodeBytes, scanUtf8, looksBinary } from '../../src/inputs/decode.js';

const SQL = 'SELECT a, b FROM t; -- é ü 中\n';

function utf16(text: string, bigEndian: boolean, bom = true): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const body = bigEndian ? Buffer.from(le).swap16() : le;
  const mark = bigEndian ? [0xfe, 0xff] : [0xff, 0xfe];
  return bom ? Buffer.concat([Buffer.from(mark), body]) : body;
}

describe('decodeBytes', () => {
  test('plain UTF-8 passes through without diagnostics', () => {
    const d = decodeBytes(Buffer.from(SQL, 'utf8'), 'a.sql');
    expect(d.text).toBe(SQL);
    expect(d.encoding).toBe('utf-8');
    expect(d.diagnostics).toEqual([]);
  });

  test('UTF-8 BOM is stripped', () => {
    const d = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SQL)]), 'a.sql');
    expect(d.text).toBe(SQL);
    expect(d.diagnostics).toEqual([]);
  });

  test('UTF-16LE with BOM (SSMS)', () => {
    const d = decodeBytes(utf16(SQL, false), 'a.sql');
    expect(d.encoding).toBe('utf-16le');
    expect(d.text).toBe(SQL);
    expect(d.diagnostics).toEqual([]);
  });

  test('UTF-16BE with BOM', () => {
    const d = decodeBytes(utf16(SQL, true), 'a.sql');
    expect(d.encoding).toBe('utf-16be');
    expect(d.text).toBe(SQL);
    expect(d.diagnostics).toEqual([]);
  });

  test('UTF-16LE without BOM is recognised by its NUL pattern, with a note', () => {
    const d = decodeBytes(utf16('SELECT 1 FROM dual;\n', false, false), 'a.sql');
    expect(d.text).toBe('SELECT 1 FROM dual;\n');
    expect(d.diagnostics.map((x) => x.severity)).toEqual(['note']);
  });

  test('U+FFFD present in the UTF-16 text is not reported as invalid', () => {
    const d = decodeBytes(utf16("SELECT '\uFFFD';", false), 'a.sql');
    expect(d.text).toBe("SELECT '\uFFFD';");
    expect(d.diagnostics).toEqual([]);
  });

  test('lone surrogate in UTF-16 → replacement and a warning', () => {
    const body = Buffer.concat([utf16('SELECT ', false), Buffer.from([0x00, 0xd8]), Buffer.from('1', 'utf16le')]);
    const d = decodeBytes(body, 'a.sql');
    expect(d.text).toBe('SELECT \uFFFD1');
    expect(d.diagnostics).toHaveLength(1);
    expect(d.diagnostics[0].severity).toBe('warning');
  });

  test('invalid UTF-8: replacement characters and ONE warning with offset, count and position', () => {
    const bytes = Buffer.concat([
      Buffer.from('SELECT 1;\nSELECT \'caf'),
      Buffer.from([0xe9]), // Latin-1 é
      Buffer.from("', '"),
      Buffer.from([0xff, 0xc3]), // invalid lead + truncated sequence
      Buffer.from("';\n"),
    ]);
    const d = decodeBytes(bytes, 'x.sql');
    expect(d.text).toBe("SELECT 1;\nSELECT 'caf\uFFFD', '\uFFFD\uFFFD';\n");
    expect(d.diagnostics).toHaveLength(1);
    const w = d.diagnostics[0];
    expect(w).toMatchObject({ severity: 'warning', file: 'x.sql', line: 2, col: 12 });
    expect(w.message).toContain('byte offset 21');
    expect(w.message).toContain('0xE9');
    expect(w.message).toContain('3 invalid sequences');
  });

  test('offset counts the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ab'), Buffer.from([0x80])]);
    const d = decodeBytes(bytes, 'x.sql');
    expect(d.text).toBe('ab\uFFFD');
    expect(d.diagnostics[0].message).toContain('byte offset 5');
  });

  test('binary file (NUL bytes) is skipped with an error', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]);
    const d = decodeBytes(bytes, 'logo.png');
    expect(d.text).toBeUndefined();
    expect(d.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: 'logo.png', message: 'binary file, skipped' })]);
  });

  test('binary file (many control characters, no NUL) is skipped', () => {
    const bytes = Buffer.alloc(200);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 3 === 0 ? 0x01 : 0x41;
    expect(decodeBytes(bytes, 'b.sql').text).toBeUndefined();
  });

  test('empty file: empty text and a note', () => {
    const d = decodeBytes(Buffer.alloc(0), 'e.sql');
    expect(d.text).toBe('');
    expect(d.diagnostics.map((x) => x.severity)).toEqual(['note']);
  });
});

describe('scanUtf8', () => {
  test('agrees with the WHATWG decoder on the number of replacements', () => {
    const cases = [
      [0x61, 0xe2, 0x82], // truncated 3-byte at end
      [0xf0, 0x80, 0x80, 0x80], // overlong
      [0xed, 0xa0, 0x80], // surrogate
      [0xf4, 0x90, 0x80, 0x80], // > U+10FFFF
      [0xc0, 0xaf, 0x41],
      [0xe2, 0x41, 0x82, 0xac],
    ];
    for (const c of cases) {
      const bytes = new Uint8Array(c);
      const replaced = [...new TextDecoder().decode(bytes)].filter((ch) => ch === '\uFFFD').length;
      expect(scanUtf8(bytes).count).toBe(replaced);
    }
  });

  test('valid text has no invalid byte', () => {
    expect(scanUtf8(Buffer.from(SQL))).toEqual({ first: -1, count: 0 });
  });
});

describe('looksBinary', () => {
  test('tabs, newlines, form feeds and Ctrl-Z are text', () => {
    expect(looksBinary(Buffer.from('a\tb\r\n\f\x1a'))).toBe(false);
  });
});
