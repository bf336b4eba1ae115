/**
 * The parser's fast path (grammars/fastexpr.ts, fastquery.ts) must change nothing but speed: the
 * same statements (every field, key order included, undefined fields included) and the same
 * problems as the rules alone, over every seed of the fuzz campaign under its vendor and a few
 * other vendors, and over seeded mutations of them (broken, truncated, nested input) under every
 * vendor. The fast path needs less stack than the rules, so a statement the rules find too deeply
 * nested (a stack overflow, which the analysis retries on its big-stack thread) may parse with it:
 * those cases are the one difference allowed, and counted.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { serializeGrammar } from '../../grammars/chevrotain.js';
import { DEEP_MESSAGE, parserFor, parseText } from '../../src/parse/parse.js';
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
  let deep = 0;
  const cases = fc.sample(caseArbitrary(seeds, vendors), { numRuns: 300, seed: 20261207 });
  for (const c of cases) {
    const text = materialize(c, seeds);
    const d = dialectOf(c.vendor || seeds[c.seed]!.vendor);
    const slow = parsed(text, d, false);
    if (slow.includes(DEEP_MESSAGE)) deep++;
    else if (parsed(text, d, true) !== slow) differ.push(`${seeds[c.seed]!.name} under ${d.vendor}`);
  }
  expect(differ).toEqual([]);
  expect(deep).toBeLessThan(30);
});

/**
 * The rules the fast path mirrors, as Chevrotain records them: a change to any of them must be
 * mirrored in grammars/fastexpr.ts or fastquery.ts (or left to the rule there), then the
 * fingerprint updated here. (Gates and actions are not in the recording: the comparisons above
 * cover them as far as the corpus goes.)
 */
test('the rules the fast path mirrors are the ones it was written against', () => {
  const mirrored = ['expr', 'arith', 'binaryStep', 'quantified', 'predicateStep', 'quantifiedKeyword', 'exprList', 'unary', 'postfix', 'primary', 'literal', 'parenExpr', 'caseExpr', 'castExpr', 'intervalExpr', 'dataType', 'nameOrCall', 'funcTail', 'funcArg', 'windowRef', 'windowSpec', 'frameBound', 'orderItems', 'ident', 'qname', 'query', 'setExpr', 'queryTerm', 'queryTail', 'selectCore', 'selectItem', 'starModifier', 'alias', 'groupItem', 'tableRefs', 'tableRef', 'joinPart', 'tablePrimary', 'namedTable', 'tableAlias'];
  const rules = parserFor(dialectOf('dbvansi')).getGAstProductions();
  const recorded = serializeGrammar(mirrored.map((name) => rules[name]!));
  expect(createHash('md5').update(JSON.stringify(recorded)).digest('hex')).toBe('50fce0b4a590f8d459c40f7bae116bf9');
});
