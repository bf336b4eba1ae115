/** Types and limits shared by the input readers. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** One SQL text to analyze. */
export interface SourceFile {
  /** Path as the user recognises it: as given/matched, `archive.zip!dir/entry.sql`, or `<stdin>`. */
  path: string;
  text: string;
  /** Vendor of this file when it differs from the run's (a config file's `vendors` map). */
  vendor?: string;
}

export interface InputLimits {
  /** Largest plain file (or stdin) read into memory, in bytes. */
  maxFileBytes: number;
  /** Total uncompressed bytes of the `*.sql` entries of one archive. */
  maxZipBytes: number;
  /** Entries (of any kind) in one archive. */
  maxZipEntries: number;
  /** Largest uncompressed/compressed ratio of one entry (zip bomb guard)... */
  maxZipRatio: number;
  /** ...applied to entries at least this large (small files may compress oddly). */
  zipRatioMinBytes: number;
}

export const MiB = 1024 * 1024;

export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxFileBytes: 512 * MiB,
  maxZipBytes: 512 * MiB,
  maxZipEntries: 10_000,
  maxZipRatio: 200,
  zipRatioMinBytes: 1 * MiB,
};

/** File name extensions (without the dot) read from directories and archives by default. */
export const DEFAULT_SQL_EXTENSIONS: readonly string[] = ['sql', 'pks', 'pkb', 'pls', 'prc', 'fnc', 'trg', 'vw', 'ddl', 'hql'];

export interface ReadInputsOptions {
  /** Stream read for `-`; defaults to process.stdin. */
  stdin?: NodeJS.ReadableStream;
  limits?: Partial<InputLimits>;
  /** Reads one file (tests inject failures); defaults to fs.promises.readFile. */
  readFile?: (path: string) => Promise<Buffer>;
  /** Lists one directory (tests inject failures); defaults to fs.promises.readdir with file types. */
  readDir?: (path: string) => Promise<import('node:fs').Dirent[]>;
  /** Directory relative specs are read from (default: the process's working directory). */
  cwd?: string;
  /** Extensions of the SQL files taken from directories and archives (default DEFAULT_SQL_EXTENSIONS). */
  extensions?: readonly string[];
}

/** Does `name` end with one of `extensions` (case-insensitive)? */
export function hasSqlExtension(name: string, extensions: readonly string[]): boolean {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && extensions.includes(name.slice(dot + 1).toLowerCase());
}

export interface ReadInputsResult {
  files: SourceFile[];
  diagnostics: Diagnostic[];
  /** True when an input could not be found or read at all (the CLI exits 2). */
  fatal: boolean;
}

/** Shorthand for an input diagnostic (errorType `InputError`). */
export function inputDiag(severity: Diagnostic['severity'], file: string, message: string): Diagnostic {
  return { severity, file, message, code: 'InputError' };
}
