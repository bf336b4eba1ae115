// Benchmark input: the vendored TPC-DS and TPC-H queries, repeated to the requested size.
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SOURCES = ['test/corpus/bench/tpcds.sql', 'test/corpus/bench/tpch.sql'];

/** Split on `;` (as the peer is fed), dropping chunks that hold only whitespace and `--` comments. */
export function splitStatements(text) {
  return text.split(';').filter((s) => s.replace(/--[^\n]*/g, '').trim() !== '');
}

/**
 * tpcds.sql + tpch.sql, repeated until the text is at least `mb` MB (10^6 bytes), written to a
 * temp file. Returns { path, dir, text, bytes, copies, statements }.
 */
export async function buildInput(root, mb) {
  const unit = SOURCES.map((p) => readFileSync(join(root, p), 'utf8').replace(/\s*$/, '\n')).join('\n');
  const unitBytes = Buffer.byteLength(unit, 'utf8');
  const copies = Math.max(1, Math.ceil((mb * 1e6) / unitBytes));
  const text = Array.from({ length: copies }, () => unit).join('\n');
  const dir = await mkdtemp(join(tmpdir(), 'sqlflow-bench-'));
  const path = join(dir, 'bench.sql');
  await writeFile(path, text, 'utf8');
  return { path, dir, text, bytes: Buffer.byteLength(text, 'utf8'), copies, statements: splitStatements(text).length };
}
