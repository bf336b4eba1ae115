/** `-o` safety: regular files are replaced atomically; devices and FIFOs are written in place. */
import { execFileSync } from 'node:child_process';
import { createReadStream, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/cli/output.js';
import { chunkText } from '../helpers/chunks.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sqlflow-out-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function* chunks(n: number, size: number): Generator<string> {
  for (let i = 0; i < n; i++) yield String(i % 10).repeat(size);
}

test('a regular file gets every chunk, through a temporary file', async () => {
  const out = join(dir, 'out.csv');
  writeFileSync(out, 'old');
  await writeFileAtomic(out, chunks(50, 100_000));
  const text = readFileSync(out, 'utf8');
  expect(text).toHaveLength(5_000_000);
  expect(text.slice(0, 3)).toBe('000');
  expect(text.slice(-3)).toBe('999');
  expect(readdirSync(dir)).toEqual(['out.csv']);
});

test('a regular file: chunks with multi-byte characters are written whole, as UTF-8', async () => {
  const out = join(dir, 'names.json');
  const pieces = ['{"name":"Müller"', ',"city":"Zürich 北京"', ',"note":"𝄞"}'];
  await writeFileAtomic(out, pieces);
  expect(readFileSync(out, 'utf8')).toBe(pieces.join(''));
  expect(statSync(out).size).toBe(Buffer.byteLength(pieces.join('')));
});

test('chunks given as UTF-8 bytes are written as they are, text chunks between them encoded', async () => {
  const out = join(dir, 'mixed.json');
  const pieces = [Buffer.from('{"name":"Müller"', 'utf8'), ',"city":"Zürich 北京"', new Uint8Array(Buffer.from(',"note":"𝄞"}', 'utf8'))];
  await writeFileAtomic(out, pieces);
  expect(readFileSync(out, 'utf8')).toBe('{"name":"Müller","city":"Zürich 北京","note":"𝄞"}');
});

test('a generator that throws: the error is the caller\'s, no temporary file is left, the target is untouched', async () => {
  const out = join(dir, 'out.json');
  writeFileSync(out, 'old');
  function* failing(): Generator<string> {
    yield 'partial';
    throw new Error('writer bug');
  }
  await expect(writeFileAtomic(out, failing())).rejects.toThrow('writer bug');
  expect(readFileSync(out, 'utf8')).toBe('old');
  expect(readdirSync(dir)).toEqual(['out.json']);
});

test('a symbolic link to a regular file: the file it names is replaced, the link stays', async () => {
  const real = join(dir, 'real.json');
  const link = join(dir, 'link.json');
  writeFileSync(real, 'old');
  symlinkSync(real, link);
  await writeFileAtomic(link, ['new']);
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(readFileSync(real, 'utf8')).toBe('new');
  expect(readdirSync(dir).sort()).toEqual(['link.json', 'real.json']);
});

const canMkfifo = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return process.platform !== 'win32';
  } catch {
    return false;
  }
})();

(canMkfifo ? test : test.skip)('a FIFO is written into and stays a FIFO', async () => {
  const fifo = join(dir, 'pipe');
  execFileSync('mkfifo', [fifo]);
  const received: Buffer[] = [];
  const reader = new Promise<string>((resolve, reject) => {
    const s = createReadStream(fifo);
    s.on('data', (b) => received.push(b as Buffer));
    s.on('end', () => resolve(Buffer.concat(received).toString('utf8')));
    s.on('error', reject);
  });
  await writeFileAtomic(fifo, chunks(40, 50_000)); // more than a pipe buffer: backpressure
  expect(await reader).toHaveLength(2_000_000);
  expect(statSync(fifo).isFIFO()).toBe(true);
  expect(readdirSync(dir)).toEqual(['pipe']);
});

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

(isRoot ? test : test.skip)('a character device (a null device made with mknod) stays a device', async () => {
  const device = join(dir, 'null');
  execFileSync('mknod', ['-m', '666', device, 'c', '1', '3']);
  await writeFileAtomic(device, chunks(10, 10_000));
  expect(statSync(device).isCharacterDevice()).toBe(true);
  expect(readdirSync(dir)).toEqual(['null']);
});

test('a gate page on stdout (`diff -f html`) arrives chunk by chunk, the same bytes as with -o', async () => {
  const { runCli } = await import('../helpers/cli.js');
  const { repoPath } = await import('../helpers/paths.js');
  const sides = ['diff', '--base', repoPath('test', 'fixtures', 'gate', 'base.sql'), '--head', repoPath('test', 'fixtures', 'gate', 'head.sql'), '-f', 'html'];
  const pieces: string[] = [];
  const piped = await runCli(sides, { stdout: (text) => void pieces.push(chunkText(text)) });
  const file = join(dir, 'diff.html');
  const written = await runCli([...sides, '-o', file]);
  expect([piped.code, written.code]).toEqual([0, 0]);
  expect(pieces.length).toBeGreaterThan(1);
  expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(pieces.join('').length);
  expect(pieces.join('')).toBe(readFileSync(file, 'utf8'));
}, 60_000);
