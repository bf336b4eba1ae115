/**
 * The parser's fast path (grammars/fastexpr.ts, fastquery.ts) must change nothing but speed: the
 * same statements (every field, key order included, undefined fields included) and the same
 * problems as the rules alone, over every seed of the fuzz campaign under its vendor and a few
 * other vendors, and over seeded mutations of them (broken, truncated, nested input) under every
 * vendor.
 */
import fc from 'fast-check';
import { parserFor, parseText } from '../../src/parse/parse.js';
import { DIALECTS, resolveVendor } from '../../src/dialects/registry.js';
import type { DialectSpec } from '../../src/dialects/spec.js';
import { caseArbitrary, loadSeeds, materialize } from '../fuzz/core.mjs';
import { ROOT } from '../helpers/paths.js';

/** Statements and problems of `text`, serialized with key order and undefined fields. */
function parsed(text: string, dialect: DialectSpec, fast: boolean): string {
  const parser = parserFor(dialect);
  const saved = parser.fast;
  if (!fast) parser.fast = undefined;
  try {
    const statements: unknown[] = [];
    let result: unknown;
    try {
      result = parseText(text, dialect, (s) => statements.push(s));
    } catch (err) {
      return `threw ${(err as Error).message}`;
    }
    try {
      return JSON.stringify({ statements, result }, (_k, v: unknown) => (v === undefined ? '<undefined>' : v));
    } catch {
      // Too deep to serialize (a fuzz case nesting thousands of levels): compare what is left.
      return JSON.stringify({ count: statements.length, result: (result as { problems: unknown }).problems });
    }
  } finally {
    parser.fast = saved;
  }
}

const seeds = loadSeeds(ROOT);
const vendors = DIALECTS.map((d) => d.vendor);
const dialectOf = (vendor: string) => resolveVendor(vendor) ?? resolveVendor('dbvansi')!;

test('the fast path is on by default', () => {
  expect(parserFor(dialectOf('dbvansi')).fast).toBeDefined();
});

test.each(['', 'dbvmssql', 'dbvoracle', 'dbvbigquery', 'dbvsnowflake', 'dbvmysql'])('every seed parses the same with and without the fast path (vendor %s)', (vendor) => {
  const differ: string[] = [];
  for (const s of seeds) {
    const d = dialectOf(vendor || s.vendor);
    if (parsed(s.text, d, true) !== parsed(s.text, d, false)) differ.push(s.name);
  }
  expect(differ).toEqual([]);
});

test('300 seeded mutated cases under every vendor parse the same with and without the fast path', () => {
  const differ: string[] = [];
  const cases = fc.sample(caseArbitrary(seeds, vendors), { numRuns: 300, seed: 20261207 });
  for (const c of cases) {
    const text = materialize(c, seeds);
    const d = dialectOf(c.vendor || seeds[c.seed]!.vendor);
    if (parsed(text, d, true) !== parsed(text, d, false)) differ.push(`${seeds[c.seed]!.name} under ${d.vendor}`);
  }
  expect(differ).toEqual([]);
});
