import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../../src/inputs/index.js';
import { buildZip } from './zipwriter.js';
import { makeTempDir, removeDir, writeTree } from './tmp.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

async function readZipFile(zip: Buffer, limits = {}) {
  writeTree(dir, { 'in.zip': zip });
  const path = join(dir, 'in.zip');
  return { path, result: await readInputs([path], { limits }) };
}

describe('zip archives', () => {
  test('every *.sql entry in name order, stored and deflated, with archive!entry paths', async () => {
    const zip = buildZip([
      { name: 'z/last.sql', data: 'select 3;' },
      { name: 'readme.md', data: '# not sql' },
      { name: 'dir/', data: '' },
      { name: 'a.sql', data: 'select 1;', deflate: true },
      { name: '__MACOSX/._a.sql', data: Buffer.from([0, 5, 22, 7, 0, 2, 0, 0]) },
      { name: 'M.SQL', data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('select 2;', 'utf16le')]) },
    ]);
    const { path, result } = await readZipFile(zip);
    expect(result.files).toEqual([
      { path: `${path}!M.SQL`, text: 'select 2;' },
      { path: `${path}!a.sql`, text: 'select 1;' },
      { path: `${path}!z/last.sql`, text: 'select 3;' },
    ]);
    expect(result.diagnostics).toEqual([]);
    expect(result.fatal).toBe(false);
  });

  test('entry diagnostics name archive!entry', async () => {
    const zip = buildZip([{ name: 'bad.sql', data: Buffer.from([0x61, 0xff, 0x62]) }]);
    const { path, result } = await readZipFile(zip);
    expect(result.files[0].text).toBe('a\uFFFDb');
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', file: `${path}!bad.sql` })]);
  });

  test('nested zips are not read (a note)', async () => {
    const inner = buildZip([{ name: 'x.sql', data: 'select 1;' }]);
    const { result } = await readZipFile(buildZip([{ name: 'inner.zip', data: inner }]));
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => d.severity)).toEqual(['note']);
  });

  test('entry count over the limit: one error naming the archive and the limit, archive skipped', async () => {
    const entries = Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.sql`, data: `select ${i};` }));
    const { path, result } = await readZipFile(buildZip(entries), { maxZipEntries: 5 });
    expect(result.files).toEqual([]);
    expect(result.fatal).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', file: path });
    expect(result.diagnostics[0].message).toMatch(/6 entries.*limit of 5/);
  });

  test('total uncompressed size over the limit: the entry that does not fit is skipped with its own error, the others are read (issue 9)', async () => {
    const entries = [
      { name: 'a.sql', data: 'x'.repeat(600), deflate: true },
      { name: 'b.sql', data: 'y'.repeat(600), deflate: true },
      { name: 'c.sql', data: 'select 3;', deflate: true },
    ];
    const { path, result } = await readZipFile(buildZip(entries), { maxZipBytes: 1000 });
    expect(result.files.map((f) => f.path)).toEqual([`${path}!a.sql`, `${path}!c.sql`]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: `${path}!b.sql` })]);
    expect(result.diagnostics[0].message).toMatch(/600 bytes would take the archive past the limit of 1000 bytes.*; entry skipped$/);
  });

  test('zip bomb: the entry over the compression-ratio limit is skipped alone (issue 9)', async () => {
    const bomb = 'select 1;\n' + ' '.repeat(2 * 1024 * 1024);
    const zip = buildZip([{ name: 'a.sql', data: 'select 0;' }, { name: 'bomb.sql', data: bomb, deflate: true }]);
    const { path, result } = await readZipFile(zip);
    expect(result.files).toEqual([{ path: `${path}!a.sql`, text: 'select 0;' }]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', file: `${path}!bomb.sql` });
    expect(result.diagnostics[0].message).toMatch(/^expands \d+:1.*limit of 200:1; entry skipped$/);
  });

  test('entries with the other SQL extensions (.pkb, .hql, ...) are read; --ext changes the list', async () => {
    const zip = buildZip([
      { name: 'a.pkb', data: 'select 1;' },
      { name: 'b.HQL', data: 'select 2;' },
      { name: 'c.txt', data: 'select 3;' },
    ]);
    const { path, result } = await readZipFile(zip);
    expect(result.files.map((f) => f.path)).toEqual([`${path}!a.pkb`, `${path}!b.HQL`]);
    const only = await readInputs([path], { extensions: ['txt'] });
    expect(only.files.map((f) => f.path)).toEqual([`${path}!c.txt`]);
  });

  test('truncated zip: an error, no crash, not fatal', async () => {
    const zip = buildZip([{ name: 'a.sql', data: 'select 1;'.repeat(50), deflate: true }]);
    const { path, result } = await readZipFile(zip.subarray(0, zip.length - 30));
    expect(result.files).toEqual([]);
    expect(result.fatal).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: path })]);
  });

  test('corrupt entry data: error for that entry, other entries still read', async () => {
    const zip = buildZip([
      { name: 'a.sql', data: 'select 1;' },
      { name: 'b.sql', data: 'select 2;' },
    ]);
    const broken = Buffer.from(zip);
    broken[0] ^= 0xff; // local header signature of a.sql
    const { path, result } = await readZipFile(broken);
    expect(result.files.map((f) => f.path)).toEqual([`${path}!b.sql`]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: `${path}!a.sql` })]);
  });

  test('not a zip at all: an error', async () => {
    const { result } = await readZipFile(Buffer.from('select 1; -- named .zip by mistake'));
    expect(result.diagnostics[0].message).toMatch(/cannot read zip archive/);
  });

  test('the same archive through a symlink is read once', async () => {
    const { path } = await readZipFile(buildZip([{ name: 'a.sql', data: 'select 1;' }]));
    const link = join(dir, 'link.zip');
    symlinkSync(path, link);
    const r = await readInputs([path, link]);
    expect(r.files.map((f) => f.path)).toEqual([`${path}!a.sql`]);
  });
});
