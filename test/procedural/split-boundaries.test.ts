/**
 * Property over every procedural fixture and sample: no chunk boundary the splitter makes at a
 * `;` cuts a statement the parser accepts. Two neighbouring chunks parsed as one must not yield
 * an error-free statement that starts in the first and ends in the second (a routine or block
 * the splitter cut in two). Boundaries at GO, `/` and DELIMITER lines are hard separators.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { IToken } from '../../grammars/chevrotain.js';
import * as T from '../../grammars/tokens.js';
import { parserFor } from '../../src/parse/parse.js';
import { Splitter } from '../../src/split/splitter.js';
import { dialect } from '../helpers/dialects.js';
import { repoPath } from '../helpers/paths.js';

const PSM: Record<string, string> = { bigquery_procs: 'bigquery', mysql_procs: 'mysql', pg_functions: 'postgres', snowflake_procs: 'snowflake' };

function sqlFiles(dir: string, vendor: (name: string) => string): [string, string][] {
  return readdirSync(repoPath(dir))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => [`${dir}/${f}`, vendor(f.replace(/\.sql$/, ''))]);
}

const CASES: [string, string][] = [
  ...sqlFiles('test/fixtures/tsql', () => 'mssql'),
  ...sqlFiles('test/fixtures/oracle', () => 'oracle'),
  ...sqlFiles('test/fixtures/psm', (n) => PSM[n] ?? 'ansi'),
  ...sqlFiles('samples/mssql', () => 'mssql'),
  ...sqlFiles('samples/oracle', () => 'oracle'),
  ...sqlFiles('samples/warehouse', () => 'ansi'),
];

interface Cut {
  boundary: number;
  statement: string;
}

/** The `;` boundaries of `text` that an error-free statement of the parser crosses. */
function cuts(text: string, vendor: string): { boundaries: number; cuts: Cut[] } {
  const spec = dialect(vendor);
  const parser = parserFor(spec);
  const splitter = new Splitter(text, spec);
  const chunks: IToken[][] = [];
  for (let c = splitter.nextChunk(); c; c = splitter.nextChunk()) chunks.push(c.tokens);
  const found: Cut[] = [];
  let boundaries = 0;
  /** Is the boundary after chunk i a `;` between neighbours (no GO, `/` or DELIMITER line)? */
  const soft = (i: number): boolean => {
    const a = chunks[i]!;
    const last = a[a.length - 1]!;
    if (last.tokenType !== T.Semicolon) return false;
    const gap = text.slice(last.endOffset! + 1, chunks[i + 1]![0]!.startOffset);
    return !/^\s*(?:GO|DELIMITER)\b/im.test(gap) && !/^\s*\/\s*$/m.test(gap);
  };
  for (let i = 0; i + 1 < chunks.length; i++) {
    if (!soft(i)) continue;
    boundaries++;
    const a = chunks[i]!;
    const boundary = a[a.length - 1]!.endOffset! + 1;
    const next = chunks[i + 1]![0]!.startOffset;
    // The chunk with the following ones (up to 6, across soft boundaries): the first error-free parse decides.
    const merged = [...a];
    for (let j = i + 1; j < chunks.length && j <= i + 6; j++) {
      merged.push(...chunks[j]!);
      const r = parser.parseChunk(merged, text);
      if (r.errors.length === 0) {
        for (const s of r.statements) {
          if (s.start < boundary && s.end > next) found.push({ boundary, statement: text.slice(s.start, Math.min(s.end, s.start + 80)) });
        }
        break;
      }
      if (j + 1 < chunks.length && !soft(j)) break;
    }
  }
  return { boundaries, cuts: found };
}

describe('splitter boundaries', () => {
  it('covers the fixtures and samples', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(12);
  });

  it('finds a cut when there is one', () => {
    // A T-SQL-style block cut at its inner `;` (as a splitter that ignored BEGIN would cut it).
    const text = 'BEGIN\n  INSERT INTO t SELECT a FROM s;\n  UPDATE t SET a = 1;\nEND;\n';
    const spec = dialect('mssql');
    const parser = parserFor(spec);
    const splitter = new Splitter(text, spec);
    const tokens: IToken[] = [];
    for (let c = splitter.nextChunk(); c; c = splitter.nextChunk()) tokens.push(...c.tokens);
    const cut = tokens.findIndex((t) => t.tokenType === T.Semicolon) + 1;
    const whole = parser.parseChunk(tokens, text);
    expect(whole.errors).toEqual([]);
    const boundary = tokens[cut - 1]!.endOffset! + 1;
    expect(whole.statements.some((s) => s.start < boundary && s.end > tokens[cut]!.startOffset)).toBe(true);
  });

  let checked = 0;
  it.each(CASES)('%s (%s): no boundary cuts a statement', (file, vendor) => {
    const r = cuts(readFileSync(repoPath(file), 'utf8'), vendor);
    expect(r.cuts).toEqual([]);
    checked += r.boundaries;
  });

  it('checked boundaries in the files (T-SQL batches, PL/SQL units and DELIMITER scripts have none at `;`)', () => {
    expect(checked).toBeGreaterThanOrEqual(40);
  });
});
