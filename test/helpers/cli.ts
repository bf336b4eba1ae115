/**
 * The real CLI in-process: `cli(argv, deps)` with the production dependencies of
 * src/cli/main.ts (real input reader, analyzer, writers, atomic output), only the streams
 * captured and the terminal switched off so the run is deterministic.
 */
import type { CliDeps } from '../../src/cli/deps.js';
import { realDeps } from '../../src/cli/main.js';
import { cli } from '../../src/cli/program.js';
import { chunkText } from './chunks.js';
import { ROOT } from './paths.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stderr lines without the final summary line. */
  diagnostics: string[];
  /** The `sqlflow: N files, ...` summary line. */
  summary: string | undefined;
}

/**
 * Run `sqlflow <args>`. Paths in args may be absolute; the repository root is stripped from both
 * streams, so assertions can name files as `test/fixtures/...`.
 */
export async function runCli(args: string[], overrides: Partial<CliDeps> = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    ...realDeps(),
    stdout: (text) => void out.push(chunkText(text)),
    stderr: (text) => void err.push(text),
    stdinIsTTY: true,
    stderrIsTTY: false,
    env: {},
    colorSupport: 0,
    ...overrides,
  };
  const code = await cli(['node', 'sqlflow', ...args], deps);
  const strip = (s: string) => s.split(`${ROOT}/`).join('');
  const stdout = strip(out.join(''));
  const stderr = strip(err.join(''));
  const lines = stderr.split('\n').filter((l) => l !== '');
  const last = lines[lines.length - 1];
  const summary = last?.startsWith('sqlflow: ') ? last : undefined;
  return { code, stdout, stderr, diagnostics: summary ? lines.slice(0, -1) : lines, summary };
}
