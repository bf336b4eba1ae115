/**
 * Every `bin/sqlflow` command line of README.md (and of the samples' READMEs) runs as written on
 * a clone: it is extracted from the ```sh blocks and run through the real CLI in-process, in a
 * temporary directory that sees the repository's samples/ and test/ (so relative paths resolve as
 * in the clone and files it writes land there). A small shell covers what the lines use: quotes,
 * unquoted globs (expanded as the shell would), `cat FILE | ...` for stdin, `2> FILE`, `&&`
 * chains (their npm commands are .ci/run's business) and `#` comments. Each command must exit 0,
 * print a document (or write its -o file) and report no error.
 */
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fg from 'fast-glob';
import { runCli } from '../helpers/cli.js';
import { repoPath } from '../helpers/paths.js';

const DOCS = ['README.md', 'samples/warehouse/README.md', 'samples/mssql/README.md', 'samples/oracle/README.md', 'samples/ci/README.md'];

/** The command lines of the ```sh blocks of a Markdown text. */
export function shellLines(markdown: string): string[] {
  const lines: string[] = [];
  for (const m of markdown.matchAll(/^```sh\n([\s\S]*?)^```/gm)) lines.push(...m[1]!.split('\n').filter((l) => l.trim() !== ''));
  return lines;
}

interface Word {
  text: string;
  /** Written without quotes (a glob pattern in it is expanded). */
  bare: boolean;
}

/** Shell words of `line` up to an unquoted `#`; operators (`|`, `&&`, `2>`) are words of their own. */
export function words(line: string): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') break;
    const op = /^(?:&&|\|\||\||2>|>)/.exec(line.slice(i));
    if (op) {
      out.push({ text: op[0], bare: false });
      i += op[0].length;
      continue;
    }
    let text = '';
    let bare = true;
    while (i < line.length && !/[\s|&>]/.test(line[i]!)) {
      const q = line[i]!;
      if (q === "'" || q === '"') {
        const end = line.indexOf(q, i + 1);
        if (end < 0) throw new Error(`unterminated quote in: ${line}`);
        text += line.slice(i + 1, end);
        bare = false;
        i = end + 1;
      } else {
        text += q;
        i++;
      }
    }
    out.push({ text, bare });
  }
  return out;
}

interface Command {
  args: string[];
  stdinFile?: string;
  stderrFile?: string;
}

/** The sqlflow commands of one line (other commands of an `&&` chain are left out). */
function commands(line: string, cwd: string): Command[] {
  const out: Command[] = [];
  const chain: Word[][] = [[]];
  for (const w of words(line)) {
    if (w.text === '&&') chain.push([]);
    else chain[chain.length - 1]!.push(w);
  }
  for (const part of chain) {
    const pipe = part.findIndex((w) => w.text === '|');
    let stdinFile: string | undefined;
    let ws = part;
    if (pipe >= 0) {
      const left = part.slice(0, pipe);
      if (left.length !== 2 || left[0]!.text !== 'cat') throw new Error(`unsupported pipe in: ${line}`);
      stdinFile = left[1]!.text;
      ws = part.slice(pipe + 1);
    }
    if (ws[0]?.text !== 'bin/sqlflow') continue;
    const args: string[] = [];
    let stderrFile: string | undefined;
    for (let i = 1; i < ws.length; i++) {
      const w = ws[i]!;
      if (w.text === '2>') stderrFile = ws[++i]!.text;
      else if (w.text === '>' || w.text === '|' || w.text === '||') throw new Error(`unsupported operator in: ${line}`);
      else if (w.bare && /[*?[]/.test(w.text)) {
        const matches = fg.sync(w.text, { cwd, onlyFiles: true }).sort();
        args.push(...(matches.length > 0 ? matches : [w.text]));
      } else args.push(w.text);
    }
    out.push({ args, stdinFile, stderrFile });
  }
  return out;
}

const LINES = DOCS.flatMap((doc) => shellLines(readFileSync(repoPath(doc), 'utf8')).map((line): [string, string] => [doc, line]));
// `sqlflow serve` runs until stopped: test/server/seeds.test.ts starts a real server and runs the
// README's server examples (its curl blocks) against it.
const RUNNABLE = LINES.filter(([, line]) => /(?:^|&&|\|)\s*bin\/sqlflow\b/.test(line) && !/bin\/sqlflow serve\b/.test(line));

describe('README command lines', () => {
  let cwd: string;
  const home = process.cwd();

  beforeAll(() => {
    cwd = mkdtempSync(join(tmpdir(), 'sqlflow-readme-'));
    symlinkSync(repoPath('samples'), join(cwd, 'samples'));
    symlinkSync(repoPath('test'), join(cwd, 'test'));
  });
  afterAll(() => {
    process.chdir(home);
    rmSync(cwd, { recursive: true, force: true });
  });

  it('finds the command lines, and the small shell reads them as a shell would', () => {
    expect(RUNNABLE.length).toBeGreaterThanOrEqual(20);
    expect(words(`bin/sqlflow analyze 'a b/*.sql' x -f csv --delimiter '\\t' 2> d.txt  # note`)).toEqual([
      { text: 'bin/sqlflow', bare: true },
      { text: 'analyze', bare: true },
      { text: 'a b/*.sql', bare: false },
      { text: 'x', bare: true },
      { text: '-f', bare: true },
      { text: 'csv', bare: true },
      { text: '--delimiter', bare: true },
      { text: '\\t', bare: false },
      { text: '2>', bare: false },
      { text: 'd.txt', bare: true },
    ]);
  });

  it("the diagnostics shown for test/fixtures/mixed/ are what the CLI prints", async () => {
    const readme = readFileSync(repoPath('README.md'), 'utf8');
    const m = /For `(test\/fixtures\/mixed\/)`:\n\n```\n([\s\S]*?)```/.exec(readme);
    expect(m).not.toBeNull();
    process.chdir(cwd);
    try {
      const r = await runCli(['analyze', m![1]!]);
      expect(r.stderr).toBe(m![2]);
    } finally {
      process.chdir(home);
    }
  });

  it('the CSV excerpts are lines of the sample outputs (samples/warehouse/expected)', () => {
    const readme = readFileSync(repoPath('README.md'), 'utf8');
    const expected = new Set(
      ['lineage.csv', 'lineage.table.csv'].flatMap((f) => readFileSync(repoPath('samples', 'warehouse', 'expected', f), 'utf8').split('\n')),
    );
    const excerpts = [...readme.matchAll(/^```csv\n([\s\S]*?)^```/gm)].flatMap((m) => m[1]!.split('\n').filter((l) => l !== ''));
    expect(excerpts.length).toBeGreaterThan(4);
    expect(excerpts.filter((l) => !expected.has(l))).toEqual([]);
  });

  it.each(RUNNABLE)('%s: %s', async (_doc, line) => {
    process.chdir(cwd);
    try {
      const cmds = commands(line, cwd);
      expect(cmds.length).toBeGreaterThan(0);
      for (const cmd of cmds) {
        for (const a of cmd.args) {
          // Every path argument exists as written (the README examples point at real files).
          if (/^(samples|test)\//.test(a) && !/[*?[]/.test(a)) expect({ path: a, exists: existsSync(join(cwd, a)) }).toEqual({ path: a, exists: true });
        }
        const stdin = cmd.stdinFile ? () => createReadStream(join(cwd, cmd.stdinFile!)) : undefined;
        const r = await runCli(cmd.args, stdin ? { stdin, stdinIsTTY: false } : {});
        if (cmd.stderrFile) writeFileSync(join(cwd, cmd.stderrFile), r.stderr);
        expect({ code: r.code, errors: r.diagnostics.filter((d) => /: error: /.test(d)) }).toEqual({ code: 0, errors: [] });
        const o = cmd.args.indexOf('-o');
        if (o >= 0) expect(statSync(join(cwd, cmd.args[o + 1]!)).size).toBeGreaterThan(100);
        else if (cmd.args[0] === 'analyze') expect(r.stdout.length).toBeGreaterThan(100);
      }
    } finally {
      process.chdir(home);
    }
    // Whole analyses in-process (GraphML, the HTML page): seconds on a busy machine, not a bound.
  }, 60_000);
});
