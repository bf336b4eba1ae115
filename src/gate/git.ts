/**
 * `--base-ref REF`: the same input paths read at a git revision, through the `git` command. The
 * SQL files (`*.sql`, `*.zip`) and the named files of the revision are copied into a temporary
 * folder laid out like the repository, and the inputs are expanded there from the same relative
 * directory, so both sides show the same paths.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

export class GitError extends Error {}

function git(args: string[], cwd: string, input?: Buffer): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 1 << 30 }, (err, stdout, stderr) => {
      if (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') reject(new GitError("the 'git' command was not found (--base-ref needs git on PATH)"));
        else reject(new GitError(String(stderr).trim().split('\n')[0] || err.message));
      } else resolvePromise(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

export interface RefCheckout {
  /** The working directory's counterpart inside the copy. */
  cwd: string;
  files: number;
  dispose(): Promise<void>;
}

/** Copy the revision's SQL files (and `specs` that name plain files) into a temporary folder. */
export async function checkoutRef(ref: string, specs: string[], cwd: string = process.cwd()): Promise<RefCheckout> {
  let top: string;
  try {
    top = (await git(['rev-parse', '--show-toplevel'], cwd)).toString('utf8').trim();
  } catch (err) {
    if (err instanceof GitError && /not a git repository/i.test(err.message)) {
      throw new GitError(`--base-ref ${ref}: ${resolve(cwd)} is not inside a git repository`);
    }
    throw err;
  }
  try {
    await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch {
    throw new GitError(`--base-ref ${ref}: unknown revision (fetch it first, e.g. git fetch origin ${ref.replace(/^origin\//, '')})`);
  }
  const listing = (await git(['ls-tree', '-r', '-z', '--full-tree', '--name-only', ref], cwd)).toString('utf8').split('\0').filter((p) => p !== '');
  const prefix = relative(top, resolve(cwd));
  const named = new Set(specs.map((s) => join(prefix, s).split('\\').join('/')));
  const wanted = listing.filter((p) => /\.(sql|zip)$/i.test(p) || named.has(p) || /(^|\/)(sqlflow\.config\.json|package\.json)$/.test(p));
  const dir = await mkdtemp(join(tmpdir(), 'sqlflow-base-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    if (wanted.length > 0) {
      const out = await git(['cat-file', '--batch'], top, Buffer.from(wanted.map((p) => `${ref}:${p}`).join('\n') + '\n', 'utf8'));
      let pos = 0;
      for (const path of wanted) {
        const nl = out.indexOf(10, pos);
        const header = out.subarray(pos, nl).toString('utf8').split(' ');
        if (header[1] === 'missing' || header.length < 3) {
          pos = nl + 1;
          continue;
        }
        const size = Number(header[2]);
        const body = out.subarray(nl + 1, nl + 1 + size);
        pos = nl + 1 + size + 1;
        if (header[1] !== 'blob') continue;
        const target = join(dir, path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, body);
      }
    }
    const base = join(dir, prefix);
    await mkdir(base, { recursive: true });
    return { cwd: base, files: wanted.length, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}
