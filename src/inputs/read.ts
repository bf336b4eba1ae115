/** readInputs: every input spec → decoded SQL texts, in the order given, each file once. */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeBytes } from './decode.js';
import { expandSpec, type Target } from './expand.js';
import {
  DEFAULT_INPUT_LIMITS,
  DEFAULT_SQL_EXTENSIONS,
  inputDiag,
  type InputLimits,
  type ReadInputsOptions,
  type ReadInputsResult,
} from './types.js';
import { errorText, isZipPath, memberPath, readZip } from './zip.js';

export const STDIN_PATH = '<stdin>';

export async function readInputs(specs: string[], opts: ReadInputsOptions = {}): Promise<ReadInputsResult> {
  const limits: InputLimits = { ...DEFAULT_INPUT_LIMITS, ...opts.limits };
  const out: ReadInputsResult = { files: [], diagnostics: [], fatal: false };
  await visitInputs(specs, opts, limits, out, (bytes, path) => addBytes(out, bytes, path, limits, opts.extensions));
  return out;
}

/** The inputs' bytes as read (archives not expanded, nothing decoded): what `job submit` stores. */
export interface RawInputsResult {
  files: { path: string; bytes: Buffer }[];
  diagnostics: ReadInputsResult['diagnostics'];
  fatal: boolean;
}

export async function readRawInputs(specs: string[], opts: ReadInputsOptions = {}): Promise<RawInputsResult> {
  const limits: InputLimits = { ...DEFAULT_INPUT_LIMITS, ...opts.limits };
  const out: RawInputsResult = { files: [], diagnostics: [], fatal: false };
  await visitInputs(specs, opts, limits, out, async (bytes, path) => void out.files.push({ path, bytes }));
  return out;
}

type Sink = (bytes: Buffer, path: string) => Promise<void>;

/** Every input spec, in order, each file once: its bytes go to `sink`, problems to `out`. */
async function visitInputs(specs: string[], opts: ReadInputsOptions, limits: InputLimits, out: Omit<RawInputsResult, 'files'>, sink: Sink): Promise<void> {
  const seen = new Set<string>();
  for (const spec of specs) {
    if (spec === '-') {
      if (seen.has(STDIN_PATH)) continue;
      seen.add(STDIN_PATH);
      const bytes = await readStream(opts.stdin ?? process.stdin, limits.maxFileBytes);
      if (bytes === undefined) out.diagnostics.push(tooLarge(STDIN_PATH, undefined, limits.maxFileBytes));
      else await sink(bytes, STDIN_PATH);
      continue;
    }
    const expansion = await expandSpec(spec, opts.cwd, opts.extensions ?? DEFAULT_SQL_EXTENSIONS, opts.readDir);
    out.diagnostics.push(...expansion.diagnostics);
    out.fatal ||= expansion.fatal;
    for (const target of expansion.targets) {
      const key = await realpath(target.abs).catch(() => target.abs);
      if (seen.has(key)) continue;
      seen.add(key);
      await readTarget(out, target, limits, sink, opts.readFile ?? readFile);
    }
  }
}

/**
 * A file named on the command line that cannot be read is bad usage (fatal, exit 2); one found in
 * a directory or by a glob is reported and skipped, and the others are analyzed.
 */
async function readTarget(
  out: Omit<RawInputsResult, 'files'>,
  target: Target,
  limits: InputLimits,
  sink: Sink,
  read: (path: string) => Promise<Buffer>,
): Promise<void> {
  let bytes: Buffer;
  try {
    const info = await stat(target.abs);
    if (info.isFile() && info.size > limits.maxFileBytes) {
      out.diagnostics.push(tooLarge(target.path, info.size, limits.maxFileBytes));
      return;
    }
    bytes = await read(target.abs);
  } catch (err) {
    if (target.named) {
      out.diagnostics.push(inputDiag('error', target.path, `cannot read: ${errorText(err)}`));
      out.fatal = true;
    } else {
      out.diagnostics.push(inputDiag('error', target.path, `cannot read: ${errorText(err)}; skipped`));
    }
    return;
  }
  await sink(bytes, target.path);
}

/**
 * Bytes already in memory (an upload, a job's stored file) named `path`: a `.zip` archive is
 * expanded, anything else decoded, with the same limits and diagnostics as files on disk.
 */
export async function readBuffers(named: { path: string; bytes: Buffer }[], limits: Partial<InputLimits> = {}): Promise<ReadInputsResult> {
  const all: InputLimits = { ...DEFAULT_INPUT_LIMITS, ...limits };
  const out: ReadInputsResult = { files: [], diagnostics: [], fatal: false };
  for (const n of named) await addBytes(out, n.bytes, n.path, all);
  return out;
}

async function addBytes(out: ReadInputsResult, bytes: Buffer, path: string, limits: InputLimits, extensions: readonly string[] = DEFAULT_SQL_EXTENSIONS): Promise<void> {
  if (bytes.length > limits.maxFileBytes) {
    out.diagnostics.push(tooLarge(path, bytes.length, limits.maxFileBytes));
    return;
  }
  if (!isZipPath(path)) {
    addDecoded(out, bytes, path);
    return;
  }
  const zip = await readZip(bytes, path, limits, extensions);
  out.diagnostics.push(...zip.diagnostics);
  for (const member of zip.members) addDecoded(out, member.bytes, memberPath(path, member.name));
}

function addDecoded(out: ReadInputsResult, bytes: Buffer, path: string): void {
  try {
    const decoded = decodeBytes(bytes, path);
    out.diagnostics.push(...decoded.diagnostics);
    if (decoded.text !== undefined) out.files.push({ path, text: decoded.text });
  } catch (err) {
    // V8 refuses strings past ~512M characters: report instead of crashing.
    out.diagnostics.push(inputDiag('error', path, `cannot decode: ${errorText(err)}; skipped`));
  }
}

/** The whole stream, or undefined once it exceeds `max` bytes (the rest is drained, not kept). */
async function readStream(stream: NodeJS.ReadableStream, max: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += b.length;
    if (size <= max) chunks.push(b);
  }
  return size > max ? undefined : Buffer.concat(chunks, size);
}

function tooLarge(path: string, size: number | undefined, max: number): Diagnostic {
  const what = size === undefined ? 'input is' : `file is ${size} bytes,`;
  // A JavaScript string holds at most ~512 M characters: a larger script must come in parts.
  return inputDiag('error', path, `${what} larger than the limit of ${max} bytes; skipped (split it into smaller files: all inputs of a run form one analysis)`);
}
