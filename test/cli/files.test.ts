import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { writeFileAtomic } from '../../src/cli/output.js';
import { cli } from '../../src/cli/program.js';
import { readVersion } from '../../src/cli/version.js';
import { readInputs } from '../../src/inputs/index.js';
import { argv, fakeDeps } from './fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sqlflow-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('writeFileAtomic replaces the file and leaves no temporary behind', async () => {
  const out = join(dir, 'out.json');
  writeFileSync(out, 'old');
  await writeFileAtomic(out, 'new');
  expect(readFileSync(out, 'utf8')).toBe('new');
  expect(readdirSync(dir)).toEqual(['out.json']);
});

test('writeFileAtomic into a missing folder fails and leaves nothing', async () => {
  await expect(writeFileAtomic(join(dir, 'no', 'out.json'), 'x')).rejects.toThrow();
  expect(readdirSync(dir)).toEqual([]);
});

test('readVersion finds package.json from a module two or three folders down', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  expect(readVersion()).toBe(pkg.version);
  const fromDist = pathToFileURL(join(process.cwd(), 'dist', 'src', 'cli', 'version.js')).href;
  expect(readVersion(fromDist)).toBe(pkg.version);
});

describe('analyze with the real input reader', () => {
  test('files and -o: the document lands in the file', async () => {
    writeFileSync(join(dir, 'a.sql'), 'select 1;');
    const f = fakeDeps({ document: 'DOC' }, { readInputs, writeOutput: writeFileAtomic });
    const out = join(dir, 'lineage.json');
    expect(await cli(argv('analyze', join(dir, 'a.sql'), '-o', out), f.deps)).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('DOC');
    expect(f.calls.sources).toEqual([{ path: join(dir, 'a.sql'), text: 'select 1;' }]);
  });

  test('piped stdin when no inputs are given', async () => {
    const f = fakeDeps({}, { readInputs, stdinIsTTY: false, stdin: () => Readable.from([Buffer.from('select 2;')]) });
    expect(await cli(argv('analyze'), f.deps)).toBe(0);
    expect(f.calls.sources).toEqual([{ path: '<stdin>', text: 'select 2;' }]);
  });

  test('a nonexistent path: exit 2, named on stderr', async () => {
    const missing = join(dir, 'missing.sql');
    const f = fakeDeps({}, { readInputs });
    expect(await cli(argv('analyze', missing), f.deps)).toBe(2);
    expect(f.err()).toBe(`${missing}: error: no such file or directory\n`);
  });

  test('--strict fails on a binary input; without it the run succeeds', async () => {
    writeFileSync(join(dir, 'x.sql'), Buffer.from([0, 1, 2, 3]));
    const strict = fakeDeps({}, { readInputs });
    expect(await cli(argv('analyze', '--strict', join(dir, 'x.sql')), strict.deps)).toBe(1);
    const lax = fakeDeps({}, { readInputs });
    expect(await cli(argv('analyze', join(dir, 'x.sql')), lax.deps)).toBe(0);
    expect(lax.err()).toContain('error: binary file, skipped');
  });
});
