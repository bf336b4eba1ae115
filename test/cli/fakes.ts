/** Fake dependencies for CLI tests: captured streams, a canned engine. */
import { Readable } from 'node:stream';
import type { CliDeps, Engine } from '../../src/cli/deps.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { LineageGraph } from '../../src/graph/model.js';
import type { ReadInputsResult } from '../../src/inputs/types.js';
import type { AnalyzeOptions, WriteOptions } from '../../src/options.js';
import { chunkText } from '../helpers/chunks.js';

export interface Captured {
  deps: CliDeps;
  out: () => string;
  err: () => string;
  /** What the fake engine was called with. */
  calls: { sources?: { path: string; text: string }[]; analyze?: Partial<AnalyzeOptions>; write?: WriteOptions };
  written: Map<string, string>;
  spinners: string[];
}

export function graph(statements = { total: 1, failed: 0 }): LineageGraph {
  return { vendor: 'dbvansi', files: [], objects: [], edges: [], errors: [], statements };
}

export interface FakeOptions {
  input?: Partial<ReadInputsResult>;
  diagnostics?: Diagnostic[];
  statements?: { total: number; failed: number };
  document?: string;
  engine?: Engine;
}

export function fakeDeps(opts: FakeOptions = {}, overrides: Partial<CliDeps> = {}): Captured {
  const out: string[] = [];
  const err: string[] = [];
  const calls: Captured['calls'] = {};
  const written = new Map<string, string>();
  const spinners: string[] = [];
  const engine: Engine = opts.engine ?? {
    analyze: (sources, options) => {
      // What the analyzer was given (the CLI lets the texts go once the analysis is done).
      calls.sources = sources.map((s) => ({ ...s }));
      calls.analyze = options;
      return { graph: graph(opts.statements), diagnostics: opts.diagnostics ?? [] };
    },
    write: (_g, w) => {
      calls.write = w;
      return [opts.document ?? '{"doc":true}\n'];
    },
  };
  const deps: CliDeps = {
    stdout: (t) => void out.push(chunkText(t)),
    stderr: (t) => void err.push(t),
    stdin: () => Readable.from([]),
    stdinIsTTY: true,
    stderrIsTTY: false,
    env: {},
    colorSupport: 0,
    version: '9.9.9',
    readInputs: async (specs) => ({
      files: specs.map((s) => ({ path: s, text: 'select 1;' })),
      diagnostics: [],
      fatal: false,
      ...opts.input,
    }),
    loadEngine: async () => engine,
    writeOutput: async (path, chunks) => void written.set(path, [...chunks].map(chunkText).join('')),
    startSpinner: (text) => {
      spinners.push(text);
      return { text, stop: () => spinners.push('stop') };
    },
    ...overrides,
  };
  return { deps, out: () => out.join(''), err: () => err.join(''), calls, written, spinners };
}

export const argv = (...args: string[]) => ['node', 'sqlflow', ...args];
