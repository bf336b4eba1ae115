/**
 * Issue 10: inputs too large for V8's default heap relaunch the command once with a heap sized
 * for them (when the machine has the memory); small inputs, stdin, and the relaunched process
 * itself never relaunch.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEAP_BASE, HEAP_PER_BYTE, heapToAsk, inputBytes, RELAUNCHED_ENV } from '../../src/cli/heap.js';
import { cli } from '../../src/cli/program.js';
import { argv, fakeDeps } from './fakes.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

test('heapToAsk: none while the default heap holds the input, the need when it does not, capped by the machine', () => {
  expect(heapToAsk(100 * MiB, 4 * GiB, 24 * GiB)).toBeUndefined();
  expect(heapToAsk(1 * GiB, 4 * GiB, 24 * GiB)).toBe(Math.ceil((GiB * HEAP_PER_BYTE + HEAP_BASE) / MiB));
  expect(heapToAsk(3 * GiB, 4 * GiB, 24 * GiB)).toBe(Math.ceil((24 * GiB * 0.75) / MiB));
  // A machine no bigger than the heap: no relaunch (the capacity check will say what to do).
  expect(heapToAsk(3 * GiB, 4 * GiB, 4 * GiB)).toBeUndefined();
});

describe('analyze relaunches for large inputs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlflow-heap-'));
    writeFileSync(join(dir, 'a.sql'), 'select 1;'.repeat(1000));
    writeFileSync(join(dir, 'b.sql'), 'select 2;');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('inputBytes sums the files a directory gives', async () => {
    expect(await inputBytes([dir], undefined, undefined)).toBe(9000 + 9);
  });

  const heap = (limit: number, asked: number[]) => ({ limit, total: 64 * GiB, relaunch: async (mb: number) => (asked.push(mb), 7) });

  test('too large for this heap: relaunched with the heap it needs, its exit code returned, nothing read here', async () => {
    const asked: number[] = [];
    const f = fakeDeps({}, { heap: heap(1000, asked) });
    expect(await cli(argv('analyze', dir), f.deps)).toBe(7);
    expect(asked).toEqual([Math.ceil((9009 * HEAP_PER_BYTE + HEAP_BASE) / MiB)]);
    expect(f.calls.sources).toBeUndefined();
  });

  test('enough heap, stdin, or already relaunched: analyzed here', async () => {
    for (const [args, env, limit] of [
      [['analyze', dir], {}, 8 * GiB],
      [['analyze', '-'], {}, 1000],
      [['analyze', dir], { [RELAUNCHED_ENV]: '2000' }, 1000],
    ] as const) {
      const asked: number[] = [];
      const f = fakeDeps({}, { heap: heap(limit, asked), env: { ...env } });
      expect(await cli(argv(...args), f.deps)).toBe(0);
      expect(asked).toEqual([]);
      expect(f.calls.sources).toBeDefined();
    }
  });
});

test('the size of the inputs reaches inputSize before the analysis (the heap growth is tuned by it)', async () => {
  const seen: { chars: number; analyzed: boolean }[] = [];
  const f = fakeDeps({}, { inputSize: (chars) => void seen.push({ chars, analyzed: f.calls.sources !== undefined }) });
  expect(await cli(argv('analyze', 'a.sql', 'b.sql'), f.deps)).toBe(0);
  expect(seen).toEqual([{ chars: 18, analyzed: false }]);
});
