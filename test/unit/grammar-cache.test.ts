/**
 * The grammar recorded at build time (grammars/gast.ts, kept in dist/lookahead-cache.json, read
 * by grammars/lookahead.ts): it reads back as the recorded grammar, it is the grammar the sources
 * record now (so a grammar changed without `npm run build` fails here), and a built parser made
 * from it parses as one that records its rules. The last two need `npm run build` (skipped without it).
 */
import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Rule, TokenType } from 'chevrotain';
import { serializeGrammar } from '../../grammars/chevrotain.js';
import { deserializeProduction, serializeProduction } from '../../grammars/gast.js';
import type { LookaheadCacheFile } from '../../grammars/lookahead.js';
import { ALL_TOKENS } from '../../grammars/tokens.js';
import { DIALECTS } from '../../src/dialects/registry.js';
import { parserFor } from '../../src/parse/parse.js';
import { dialect } from '../helpers/dialects.js';
import { repoPath } from '../helpers/paths.js';

const CACHE = repoPath('dist/lookahead-cache.json');
const built = existsSync(CACHE) && existsSync(repoPath('dist/grammars/parser.js'));
const withBuild = built ? test : test.skip;
jest.setTimeout(120_000);

const tokens = new Map<string, TokenType>(ALL_TOKENS.map((t) => [t.name, t]));

function recordedRules(vendor: string): Rule[] {
  return Object.values(parserFor(dialect(vendor)).getGAstProductions());
}

test('a recorded grammar read back is the same grammar, field for field', () => {
  const rules = recordedRules('ansi');
  const serialized = rules.map(serializeProduction);
  const back = serialized.map((s) => deserializeProduction(s, tokens) as Rule);
  expect(back.map(serializeProduction)).toEqual(serialized);
  expect(serializeGrammar(back)).toEqual(serializeGrammar(rules));
  // Same classes and own properties (in order) as the recorded productions (rule references are
  // resolved by Chevrotain afterwards, on both).
  const shape = (n: object): unknown => [Object.getPrototypeOf(n), Object.keys(n).filter((k) => k !== 'referencedRule'), ((n as { _definition?: object[] })._definition ?? []).map(shape)];
  expect(back.map(shape)).toEqual(rules.map(shape));
});

test('a production of an unknown token type is not read back', () => {
  const [rule] = recordedRules('ansi').map(serializeProduction);
  const text = JSON.stringify(rule).replace(/"terminalType":"[^"]+"/, '"terminalType":"NoSuchToken"');
  expect(text).toContain('NoSuchToken');
  expect(deserializeProduction(JSON.parse(text), tokens)).toBeUndefined();
});

withBuild("the build's record is the grammar each dialect's parser records from the sources (else: npm run build)", () => {
  const cache = JSON.parse(readFileSync(CACHE, 'utf8')) as LookaheadCacheFile;
  expect(cache.version).toBe(2);
  for (const d of DIALECTS) {
    const fingerprint = cache.parsers[d.vendor];
    expect(fingerprint).toBeDefined();
    expect(cache.rules[fingerprint!]).toEqual(recordedRules(d.vendor).map(serializeProduction));
  }
});

withBuild('a built parser made from the record parses as one that records its rules (sqllineage cases, TPC-H/DS, procedural fixtures)', () => {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', COMPARE], { cwd: repoPath('.'), encoding: 'utf8', maxBuffer: 64 << 20 });
  const report = JSON.parse(out) as { vendors: string[]; replayed: string[]; compared: number; differ: string[] };
  expect(report.differ).toEqual([]);
  expect(report.compared).toBeGreaterThan(480);
  // Every dialect's parser came from the record.
  expect(report.vendors.length).toBeGreaterThanOrEqual(10);
  expect(report.replayed.sort()).toEqual(report.vendors.sort());
});

/** Run on dist/: each text parsed by the dialect's parser (from the record) and by a recording one. */
const COMPARE = `
import { readFileSync } from 'node:fs';
const { parserFor } = await import('./dist/src/parse/parse.js');
const { SqlParser } = await import('./dist/grammars/parser.js');
const { recordedGrammar } = await import('./dist/grammars/lookahead.js');
const { ALL_TOKENS } = await import('./dist/grammars/tokens.js');
const { resolveVendor } = await import('./dist/src/dialects/registry.js');
const { relexer } = await import('./dist/src/lexer/relex.js');
const { Splitter } = await import('./dist/src/split/splitter.js');
const texts = readFileSync('test/corpus/sqllineage/cases.jsonl', 'utf8').trim().split('\\n').map((l) => JSON.parse(l)).map((c) => [c.dialect, c.sql]);
texts.push(['ansi', readFileSync('test/corpus/bench/tpch.sql', 'utf8')], ['ansi', readFileSync('test/corpus/bench/tpcds.sql', 'utf8')]);
for (const [v, f] of [['mssql', 'tsql/big_procs.sql'], ['oracle', 'oracle/big_package.sql'], ['bigquery', 'psm/bigquery_procs.sql'], ['mysql', 'psm/mysql_procs.sql'], ['postgresql', 'psm/pg_functions.sql'], ['snowflake', 'psm/snowflake_procs.sql']]) texts.push([v, readFileSync('test/fixtures/' + f, 'utf8')]);
const pairs = new Map();
const replayed = new Set();
const differ = [];
let compared = 0;
for (const [name, text] of texts) {
  const d = resolveVendor(name) ?? resolveVendor('ansi');
  if (!pairs.has(d.vendor)) {
    if (recordedGrammar(d.vendor, ALL_TOKENS)) replayed.add(d.vendor);
    pairs.set(d.vendor, [parserFor(d), new SqlParser({ ...d.semantics, relex: relexer(d.caps) })]);
  }
  const results = pairs.get(d.vendor).map((p) => {
    const s = new Splitter(text, d);
    const out = [];
    for (let c = s.nextChunk(); c; c = s.nextChunk()) out.push(p.parseChunk(c.tokens, text));
    return JSON.stringify(out);
  });
  compared++;
  if (results[0] !== results[1]) differ.push(name + ': ' + text.slice(0, 60));
}
process.stdout.write(JSON.stringify({ vendors: [...pairs.keys()], replayed: [...replayed], compared, differ }));
`;
