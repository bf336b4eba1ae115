/**
 * Issue 10: what a directory scan cannot read is reported and skipped, never the whole directory.
 * Tests run as root in CI, where permissions do not stop a read: the entries that fail for root
 * too are made for real (a dangling link, a link looping on itself, a FIFO named like SQL); a
 * subdirectory that cannot be listed is simulated by an injected `readDir` failing with EACCES.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, symlinkSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../../src/inputs/index.js';
import { cli } from '../../src/cli/program.js';
import { argv, fakeDeps } from '../cli/fakes.js';
import { makeTempDir, removeDir, writeTree } from './tmp.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeDir(dir));

/** A FIFO at `path`; false where mkfifo is missing (the FIFO expectation is then left out). */
function mkfifo(path: string): boolean {
  try {
    execFileSync('mkfifo', [path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const paths = (r: { files: { path: string }[] }) => r.files.map((f) => f.path);
const messages = (r: { diagnostics: { file?: string; message: string }[] }) => r.diagnostics.map((d) => `${d.file}: ${d.message}`);

const deniedDir = (name: string) => async (path: string): Promise<Dirent[]> => {
  if (path.endsWith(name)) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
  return readdirSync(path, { withFileTypes: true });
};

test('a subdirectory that cannot be listed: error, skipped, the rest read, not fatal', async () => {
  writeTree(dir, { 'a.sql': 'select 1;', 'locked/b.sql': 'select 2;', 'open/c.sql': 'select 3;' });
  const r = await readInputs([dir], { readDir: deniedDir('locked') });
  expect(r.fatal).toBe(false);
  expect(paths(r)).toEqual([join(dir, 'a.sql'), join(dir, 'open', 'c.sql')]);
  expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: join(dir, 'locked') })]);
  expect(r.diagnostics[0]!.message).toMatch(/^cannot read directory: EACCES.*; skipped$/);
});

test('the directory named on the command line cannot be listed: fatal (exit 2)', async () => {
  writeTree(dir, { 'top/a.sql': 'select 1;' });
  const r = await readInputs([join(dir, 'top')], { readDir: deniedDir('top') });
  expect(r.fatal).toBe(true);
  expect(r.diagnostics[0]!.message).toMatch(/^cannot read directory: EACCES/);
});

test('a dangling link, a looping link and a FIFO named .sql: each reported and skipped', async () => {
  writeTree(dir, { 'a.sql': 'select 1;', 'sub/b.sql': 'select 2;' });
  symlinkSync('nowhere.sql', join(dir, 'broken.sql'));
  symlinkSync('loop', join(dir, 'loop'));
  symlinkSync('..', join(dir, 'sub', 'up'));
  const fifo = mkfifo(join(dir, 'pipe.sql'));
  const r = await readInputs([dir]);
  expect(r.fatal).toBe(false);
  expect(paths(r)).toEqual([join(dir, 'a.sql'), join(dir, 'sub', 'b.sql')]);
  const expected = [
    `${join(dir, 'broken.sql')}: cannot follow link: ENOENT`,
    `${join(dir, 'loop')}: cannot follow link: ELOOP`,
    ...(fifo ? [`${join(dir, 'pipe.sql')}: cannot read: not a regular file; skipped`] : []),
  ];
  expect(messages(r).map((m, i) => m.slice(0, expected[i]?.length))).toEqual(expected);
  expect(r.diagnostics.every((d) => d.severity === 'error')).toBe(true);
});

test('CLI: a dangling link in a directory fails --strict (exit 1), passes without it (exit 0); a missing named path is exit 2', async () => {
  writeTree(dir, { 'a.sql': 'select 1;' });
  symlinkSync('nowhere.sql', join(dir, 'broken.sql'));
  const strict = fakeDeps({}, { readInputs });
  expect(await cli(argv('analyze', '--strict', dir), strict.deps)).toBe(1);
  expect(strict.err()).toContain(`${join(dir, 'broken.sql')}: error: cannot follow link: ENOENT`);
  const lax = fakeDeps({}, { readInputs });
  expect(await cli(argv('analyze', dir), lax.deps)).toBe(0);
  expect(lax.calls.sources).toEqual([{ path: join(dir, 'a.sql'), text: 'select 1;' }]);
  const missing = fakeDeps({}, { readInputs });
  expect(await cli(argv('analyze', join(dir, 'missing.sql')), missing.deps)).toBe(2);
});
