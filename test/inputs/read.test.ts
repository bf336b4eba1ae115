import { chmodSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Readable } from 'node:stream';
import { readInputs } from '../../src/inputs/index.js';
import { buildZip } from './zipwriter.js';
import { makeTempDir, removeDir, writeTree } from './tmp.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

const paths = (r: { files: { path: string }[] }) => r.files.map((f) => f.path);

describe('readInputs: files and directories', () => {
  test('files in the order given, each read once', async () => {
    writeTree(dir, { 'b.sql': 'select 2;', 'a.sql': 'select 1;' });
    const b = join(dir, 'b.sql');
    const a = join(dir, 'a.sql');
    const r = await readInputs([b, a, b, join(dir, '.', 'a.sql')]);
    expect(paths(r)).toEqual([b, a]);
    expect(r.files.map((f) => f.text)).toEqual(['select 2;', 'select 1;']);
    expect(r.diagnostics).toEqual([]);
    expect(r.fatal).toBe(false);
  });

  test('a directory is read recursively: *.sql and *.zip, sorted by path, hidden entries skipped', async () => {
    writeTree(dir, {
      'z.sql': 'z',
      'a.sql': 'a',
      'notes.txt': 'not sql',
      'sub/m.SQL': 'm',
      'sub/deeper/k.sql': 'k',
      '.hidden/h.sql': 'h',
      'b.zip': buildZip([{ name: 'x.sql', data: 'x' }]),
    });
    const r = await readInputs([dir + sep]);
    expect(paths(r)).toEqual([
      join(dir, 'a.sql'),
      `${join(dir, 'b.zip')}!x.sql`,
      join(dir, 'sub', 'deeper', 'k.sql'),
      join(dir, 'sub', 'm.SQL'),
      join(dir, 'z.sql'),
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  test('a directory also gives the other SQL extensions (.pks .pkb .pls .prc .fnc .trg .vw .ddl .hql); extensions can be replaced', async () => {
    const names = ['a.pks', 'b.PKB', 'c.pls', 'd.prc', 'e.fnc', 'f.trg', 'g.vw', 'h.ddl', 'i.hql', 'j.sql', 'k.txt', 'l.bteq'];
    writeTree(dir, Object.fromEntries(names.map((n) => [n, n])));
    const r = await readInputs([dir]);
    expect(paths(r)).toEqual(names.slice(0, 10).map((n) => join(dir, n)));
    const only = await readInputs([dir], { extensions: ['bteq', 'txt'] });
    expect(paths(only)).toEqual([join(dir, 'k.txt'), join(dir, 'l.bteq')]);
    const none = await readInputs([dir], { extensions: ['xyz'] });
    expect(none.diagnostics[0]!.message).toBe('no SQL (.xyz) or .zip files in this directory');
  });

  test('a directory and a file inside it: the file is analysed once', async () => {
    writeTree(dir, { 'a.sql': 'a', 'b.sql': 'b' });
    const r = await readInputs([join(dir, 'b.sql'), dir]);
    expect(paths(r)).toEqual([join(dir, 'b.sql'), join(dir, 'a.sql')]);
  });

  test('a directory without SQL: a warning, not fatal', async () => {
    writeTree(dir, { 'readme.md': '#' });
    const r = await readInputs([dir]);
    expect(r.files).toEqual([]);
    expect(r.fatal).toBe(false);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', file: dir })]);
  });

  test('nonexistent path: error naming it, fatal', async () => {
    const missing = join(dir, 'missing.sql');
    writeTree(dir, { 'a.sql': 'a' });
    const r = await readInputs([missing, join(dir, 'a.sql')]);
    expect(r.fatal).toBe(true);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: missing })]);
    expect(r.diagnostics[0].message).toMatch(/no such file/);
  });

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  (isRoot || process.platform === 'win32' ? test.skip : test)('unreadable file: error, fatal', async () => {
    writeTree(dir, { 'secret.sql': 'select 1;' });
    const p = join(dir, 'secret.sql');
    chmodSync(p, 0o000);
    const r = await readInputs([p]);
    expect(r.fatal).toBe(true);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', file: p });
  });

  const denied = (name: string) => async (path: string): Promise<Buffer> => {
    if (path.endsWith(name)) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
    return readFileSync(path);
  };

  test('an unreadable file found in a directory: error, skipped, the others read, not fatal', async () => {
    writeTree(dir, { 'a.sql': 'select 1;', 'b.sql': 'select 2;', 'sub/c.sql': 'select 3;' });
    const r = await readInputs([dir], { readFile: denied('b.sql') });
    expect(r.fatal).toBe(false);
    expect(paths(r)).toEqual([join(dir, 'a.sql'), join(dir, 'sub', 'c.sql')]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: join(dir, 'b.sql') })]);
    expect(r.diagnostics[0]!.message).toMatch(/^cannot read: EACCES.*; skipped$/);
  });

  test('an unreadable file matched by a glob: skipped, not fatal', async () => {
    writeTree(dir, { 'a.sql': 'select 1;', 'b.sql': 'select 2;' });
    const r = await readInputs([join(dir, '*.sql')], { readFile: denied('a.sql') });
    expect(r.fatal).toBe(false);
    expect(paths(r)).toEqual([join(dir, 'b.sql')]);
  });

  test('an unreadable file named on the command line: fatal', async () => {
    writeTree(dir, { 'a.sql': 'select 1;' });
    const r = await readInputs([join(dir, 'a.sql')], { readFile: denied('a.sql') });
    expect(r.fatal).toBe(true);
    expect(r.diagnostics[0]!.message).toMatch(/^cannot read: EACCES/);
  });

  (isRoot || process.platform === 'win32' ? test.skip : test)('a file without read permission in a directory is skipped', async () => {
    writeTree(dir, { 'a.sql': 'select 1;', 'secret.sql': 'select 2;' });
    chmodSync(join(dir, 'secret.sql'), 0o000);
    const r = await readInputs([dir]);
    expect(r.fatal).toBe(false);
    expect(paths(r)).toEqual([join(dir, 'a.sql')]);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', file: join(dir, 'secret.sql') });
  });

  test('binary and empty files: not fatal', async () => {
    writeTree(dir, { 'bin.sql': Buffer.from([1, 2, 0, 0, 3]), 'empty.sql': '' });
    const r = await readInputs([join(dir, 'bin.sql'), join(dir, 'empty.sql')]);
    expect(r.fatal).toBe(false);
    expect(paths(r)).toEqual([join(dir, 'empty.sql')]);
    expect(r.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['error', 'binary file, skipped'],
      ['note', 'empty file'],
    ]);
  });

  test('file larger than the limit: error, skipped, not fatal', async () => {
    writeTree(dir, { 'big.sql': 'select 1;'.repeat(100) });
    const r = await readInputs([join(dir, 'big.sql')], { limits: { maxFileBytes: 100 } });
    expect(r.files).toEqual([]);
    expect(r.fatal).toBe(false);
    expect(r.diagnostics[0].message).toMatch(/larger than the limit of 100 bytes/);
    expect(r.diagnostics[0].message).toMatch(/split it into smaller files/);
  });

  test('encodings are decoded per file', async () => {
    writeTree(dir, {
      'le.sql': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('select 1;', 'utf16le')]),
      'bom.sql': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('select 2;')]),
    });
    const r = await readInputs([dir]);
    expect(r.files.map((f) => f.text)).toEqual(['select 2;', 'select 1;']);
  });
});

describe('readInputs: globs', () => {
  test('matches are sorted; a pattern with no match is a warning', async () => {
    writeTree(dir, { 'q/b.sql': 'b', 'q/a.sql': 'a', 'q/c.txt': 'c', 'q/s/d.sql': 'd' });
    const base = dir.split(sep).join('/');
    const r = await readInputs([`${base}/q/**/*.sql`, `${base}/nothing/*.sql`]);
    expect(paths(r)).toEqual([`${base}/q/a.sql`, `${base}/q/b.sql`, `${base}/q/s/d.sql`]);
    expect(r.fatal).toBe(false);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', file: `${base}/nothing/*.sql` })]);
  });

  test('an existing file whose name looks like a pattern is read as a file', async () => {
    writeTree(dir, { 'odd[1].sql': 'select 1;' });
    const r = await readInputs([join(dir, 'odd[1].sql')]);
    expect(paths(r)).toEqual([join(dir, 'odd[1].sql')]);
  });
});

describe('readInputs: stdin', () => {
  test('`-` reads the stream, path <stdin>, once', async () => {
    const stdin = Readable.from([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('select 1;')]);
    const r = await readInputs(['-', '-'], { stdin });
    expect(r.files).toEqual([{ path: '<stdin>', text: 'select 1;' }]);
  });

  test('stdin larger than the limit: error, skipped', async () => {
    const stdin = Readable.from([Buffer.from('x'.repeat(50)), Buffer.from('y'.repeat(60))]);
    const r = await readInputs(['-'], { stdin, limits: { maxFileBytes: 100 } });
    expect(r.files).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', file: '<stdin>' });
  });
});
