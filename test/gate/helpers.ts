/** Helpers of the gate tests: a throw-away git repository holding samples/ci, and SARIF validation. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { repoPath } from '../helpers/paths.js';

export interface Repo {
  dir: string;
  git(...args: string[]): string;
  write(path: string, text: string): void;
  read(path: string): string;
  commit(message: string): void;
  dispose(): void;
}

/** A git repository whose `main` holds samples/ci (the warehouse and its config). */
export function sampleRepo(): Repo {
  const dir = mkdtempSync(join(tmpdir(), 'sqlflow-gate-'));
  cpSync(repoPath('samples', 'ci'), dir, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=ci@example.invalid', '-c', 'user.name=ci', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'warehouse');
  return {
    dir,
    git,
    write: (path, text) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    commit: (message) => {
      git('add', '-A');
      git('commit', '-q', '-m', message);
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

type AjvClass = new (opts: Record<string, unknown>) => { compile(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown } };
const interop = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;

let validator: (((data: unknown) => boolean) & { errors?: unknown }) | undefined;

/** Errors of `doc` against the SARIF 2.1.0 schema vendored in test/gate/sarif (empty: valid). */
export function sarifErrors(doc: unknown): unknown[] {
  if (!validator) {
    const Ajv = interop<AjvClass>(AjvDraft04Module);
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    interop<(a: unknown) => void>(addFormatsModule)(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(repoPath('test', 'gate', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8')));
  }
  return validator(doc) ? [] : ((validator.errors as unknown[]) ?? ['invalid']);
}
