/**
 * Lookahead for the parser with its grammar analysis cached at build time, and the recorded
 * grammar itself.
 *
 * Chevrotain's self-analysis computes, for every alternation and optional production, the token
 * sequences that choose it; that analysis is most of the parser's construction (most of a
 * one-statement run's start-up). `npm run build` records those sequences for every dialect's
 * grammar (src/parse/lookahead-build.ts) into `dist/lookahead-cache.json`, keyed by a fingerprint of
 * the recorded grammar (its serialized productions), so a changed grammar never uses a stale entry:
 * without a matching entry (and always from the TypeScript sources), the sequences are computed as
 * usual. The lookahead functions are built here from the sequences in both cases, so the two paths
 * differ only in where the sequences come from.
 *
 * Before the analysis Chevrotain records the grammar by running every rule (about half of the
 * construction). The build keeps that record too (gast.ts), for each dialect's parser, and the
 * parser is then built from it without running its rules (`recordedGrammar`). The record is the
 * build's own: the built parser reads it only when the cache is as new as tsc's output of the
 * grammar (in a checkout, where a bare `tsc` after the build leaves it behind; an installed package
 * has no sources and a whole build), and test/unit/grammar-cache.test.ts fails when it differs
 * from the grammar the sources record.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ILookaheadStrategy, ILookaheadValidationError, IOrAlt, IToken, OptionalProductionType, Rule, TokenType } from 'chevrotain';
import { getLookaheadPaths, LLkLookaheadStrategy, serializeGrammar, tokenMatcher } from './chevrotain.js';
import { deserializeProduction, type SerializedProduction } from './gast.js';

/** Alternatives → paths → token types (maxLookahead long at most). */
type Sequences = TokenType[][][];
/** The same with token names, as cached. */
type NamedSequences = string[][][];

export interface LookaheadCacheFile {
  version: 2;
  /** Grammar fingerprint → production key → sequences. */
  grammars: Record<string, Record<string, NamedSequences>>;
  /** Grammar fingerprint → its rules as recorded. */
  rules: Record<string, SerializedProduction[]>;
  /** Parser (dialect vendor) → the fingerprint of its grammar. */
  parsers: Record<string, string>;
}

const CACHE_URL = new URL('../lookahead-cache.json', import.meta.url);
let cacheFile: LookaheadCacheFile | null | undefined;

function loadCache(): LookaheadCacheFile | null {
  if (cacheFile !== undefined) return cacheFile;
  cacheFile = null;
  try {
    if (!import.meta.url.endsWith('.ts') && existsSync(CACHE_URL)) {
      const parsed = JSON.parse(readFileSync(CACHE_URL, 'utf8')) as LookaheadCacheFile;
      if (parsed.version === 2) cacheFile = parsed;
    }
  } catch {
    cacheFile = null; // an unreadable cache is no cache
  }
  return cacheFile;
}

type Recording = Pick<LookaheadCacheFile, 'grammars' | 'parsers'>;
/** While the build records the sequences (fingerprint → key → names) and each parser's fingerprint. */
let recording: Recording | undefined;

export function startRecording(): Recording {
  recording = { grammars: {}, parsers: {} };
  return recording;
}

/** The grammar as the build recorded it: its fingerprint and its rules by name. */
export interface RecordedGrammar {
  fingerprint: string;
  rules: ReadonlyMap<string, Rule>;
}

const recordedGrammars = new Map<string, RecordedGrammar | undefined>();

/**
 * The rules recorded at build time for the parser `key` (its dialect), their token types among
 * `tokens`; undefined while recording, without a cache, when the cache is older than tsc's output
 * in a checkout, or when one of its token types is unknown.
 */
export function recordedGrammar(key: string, tokens: readonly TokenType[]): RecordedGrammar | undefined {
  if (recording) return undefined;
  if (recordedGrammars.has(key)) return recordedGrammars.get(key);
  let found: RecordedGrammar | undefined;
  const cache = loadCache();
  const fingerprint = cache?.parsers[key];
  const serialized = fingerprint === undefined ? undefined : cache?.rules[fingerprint];
  if (fingerprint !== undefined && serialized !== undefined && asNewAsGrammar()) {
    const byName = new Map(tokens.map((t) => [t.name, t]));
    const rules = new Map<string, Rule>();
    for (const s of serialized) {
      const rule = deserializeProduction(s, byName) as Rule | undefined;
      if (rule === undefined) break;
      rules.set(rule.name, rule);
    }
    if (rules.size === serialized.length) found = { fingerprint, rules };
  }
  recordedGrammars.set(key, found);
  return found;
}

/** In a checkout (the grammar's sources beside dist/), is the cache at least as new as tsc's output of the grammar? */
function asNewAsGrammar(): boolean {
  try {
    if (!existsSync(new URL('../grammars/parser.ts', CACHE_URL))) return true;
    return statSync(CACHE_URL).mtimeMs >= statSync(new URL('grammars/parser.js', CACHE_URL)).mtimeMs;
  } catch {
    return false;
  }
}

interface Categorized extends TokenType {
  tokenTypeIdx?: number;
  categoryMatches?: number[];
}

type Parser = { LA(i: number): IToken };

export class CachedLookahead implements ILookaheadStrategy {
  private readonly llk: InstanceType<typeof LLkLookaheadStrategy>;
  private readonly byName = new Map<string, TokenType>();
  private cached: Record<string, NamedSequences> | undefined;
  private recorded: Record<string, NamedSequences> | undefined;
  /** `parserKey`: the parser's key (its dialect) among the recorded grammars. */
  constructor(
    maxLookahead: number,
    tokens: readonly TokenType[],
    private readonly parserKey?: string,
  ) {
    this.llk = new LLkLookaheadStrategy({ maxLookahead });
    for (const t of tokens) this.byName.set(t.name, t);
  }

  validate(options: { rules: Rule[]; tokenTypes: TokenType[]; grammarName: string }): ILookaheadValidationError[] {
    return this.llk.validate(options);
  }

  initialize(options: { rules: Rule[] }): void {
    const cache = loadCache();
    if (!cache && !recording) return;
    // A grammar built from its record has that record's fingerprint.
    const replayed = this.parserKey === undefined ? undefined : recordedGrammar(this.parserKey, [...this.byName.values()]);
    const fingerprint = replayed?.fingerprint ?? createHash('md5').update(JSON.stringify(serializeGrammar(options.rules))).digest('hex');
    if (recording) {
      this.recorded = recording.grammars[fingerprint] ??= {};
      if (this.parserKey !== undefined) recording.parsers[this.parserKey] = fingerprint;
    } else this.cached = cache?.grammars[fingerprint];
  }

  private sequences(key: string, compute: () => Sequences): Sequences {
    const named = this.cached?.[key];
    if (named) {
      const out = named.map((alt) => alt.map((path) => path.map((name) => this.byName.get(name))));
      if (out.every((alt) => alt.every((path) => path.every((t) => t !== undefined)))) return out as Sequences;
    }
    const computed = compute();
    if (this.recorded) this.recorded[key] = computed.map((alt) => alt.map((path) => path.map((t) => t.name)));
    return computed;
  }

  buildLookaheadForAlternation(options: {
    prodOccurrence: number;
    rule: Rule;
    maxLookahead: number;
    hasPredicates: boolean;
    dynamicTokensEnabled: boolean;
  }): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
    const alts = this.sequences(`${options.rule.name}|Alternation|${options.prodOccurrence}`, () =>
      getLookaheadPaths({ occurrence: options.prodOccurrence, rule: options.rule, prodType: 'Alternation', maxLookahead: options.maxLookahead }),
    );
    return chooseAlternative(alts, options.hasPredicates, options.dynamicTokensEnabled);
  }

  buildLookaheadForOptional(options: {
    prodOccurrence: number;
    prodType: OptionalProductionType;
    rule: Rule;
    maxLookahead: number;
    dynamicTokensEnabled: boolean;
  }): () => boolean {
    const alts = this.sequences(`${options.rule.name}|${options.prodType}|${options.prodOccurrence}`, () =>
      getLookaheadPaths({ occurrence: options.prodOccurrence, rule: options.rule, prodType: options.prodType, maxLookahead: options.maxLookahead }),
    );
    // The first alternative is the inside of the production; entering it is the decision.
    return enters(alts[0] ?? [], options.dynamicTokensEnabled);
  }
}

/** Index by token type (and each type it is a category of) → value for the first match. */
function firstTokenTable<V>(entries: [TokenType[], V][]): V[] {
  const table: V[] = [];
  for (const [types, value] of entries) {
    for (const t of types as Categorized[]) {
      const idx = t.tokenTypeIdx!;
      if (table[idx] === undefined) table[idx] = value;
      for (const sub of t.categoryMatches ?? []) if (table[sub] === undefined) table[sub] = value;
    }
  }
  return table;
}

function matches(parser: Parser, path: TokenType[]): boolean {
  for (let i = 0; i < path.length; i++) if (!tokenMatcher(parser.LA(i + 1), path[i]!)) return false;
  return true;
}

function chooseAlternative(alts: Sequences, hasPredicates: boolean, dynamic: boolean): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
  const singleTokens = alts.every((alt) => alt.every((path) => path.length === 1));
  if (!hasPredicates && singleTokens && !dynamic) {
    const table = firstTokenTable(alts.map((alt, i): [TokenType[], number] => [alt.map((p) => p[0]!), i]));
    return function (this: Parser) {
      return table[(this.LA(1) as IToken & { tokenTypeIdx: number }).tokenTypeIdx];
    };
  }
  // The tokens that can start each alternative (undefined: it has an empty path, any token may):
  // an alternative whose first token cannot match is passed over without calling its gate (the
  // gates only look ahead) or matching its paths one by one.
  const firsts = dynamic ? alts.map(() => undefined) : alts.map((alt) => (alt.some((p) => p.length === 0) ? undefined : firstTokenTable([[alt.map((p) => p[0]!), true]])));
  return function (this: Parser, orAlts?: IOrAlt<unknown>[]) {
    const la1 = (this.LA(1) as IToken & { tokenTypeIdx: number }).tokenTypeIdx;
    for (let t = 0; t < alts.length; t++) {
      const first = firsts[t];
      if (first !== undefined && first[la1] !== true) continue;
      const gate = hasPredicates ? (orAlts?.[t] as { GATE?: () => boolean } | undefined)?.GATE : undefined;
      if (gate !== undefined && gate.call(this) === false) continue;
      for (const path of alts[t]!) if (matches(this, path)) return t;
    }
    return undefined;
  };
}

function enters(paths: TokenType[][], dynamic: boolean): () => boolean {
  if (!dynamic && paths.every((p) => p.length === 1)) {
    const types = paths.map((p) => p[0]! as Categorized);
    if (types.length === 1 && (types[0]!.categoryMatches ?? []).length === 0) {
      const only = types[0]!.tokenTypeIdx!;
      return function (this: Parser) {
        return (this.LA(1) as IToken & { tokenTypeIdx: number }).tokenTypeIdx === only;
      };
    }
    const table = firstTokenTable([[types, true]]);
    return function (this: Parser) {
      return table[(this.LA(1) as IToken & { tokenTypeIdx: number }).tokenTypeIdx] === true;
    };
  }
  return function (this: Parser) {
    for (const path of paths) if (matches(this, path)) return true;
    return false;
  };
}
