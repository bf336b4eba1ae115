/**
 * Lookahead for the parser with its grammar analysis cached at build time.
 *
 * Chevrotain's self-analysis computes, for every alternation and optional production, the token
 * sequences that choose it; that analysis is most of the parser's construction (most of a
 * one-statement run's start-up). `npm run build` records those sequences for every dialect's
 * grammar (grammars/lookahead-build.ts) into `dist/lookahead-cache.json`, keyed by a fingerprint of
 * the recorded grammar (its serialized productions), so a changed grammar never uses a stale entry:
 * without a matching entry (and always from the TypeScript sources), the sequences are computed as
 * usual. The lookahead functions are built here from the sequences in both cases, so the two paths
 * differ only in where the sequences come from.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { ILookaheadStrategy, ILookaheadValidationError, IOrAlt, IToken, OptionalProductionType, Rule, TokenType } from 'chevrotain';
import { getLookaheadPaths, LLkLookaheadStrategy, serializeGrammar, tokenMatcher } from './chevrotain.js';

/** Alternatives → paths → token types (maxLookahead long at most). */
type Sequences = TokenType[][][];
/** The same with token names, as cached. */
type NamedSequences = string[][][];

export interface LookaheadCacheFile {
  version: 1;
  /** Grammar fingerprint → production key → sequences. */
  grammars: Record<string, Record<string, NamedSequences>>;
}

const CACHE_URL = new URL('../lookahead-cache.json', import.meta.url);
let cacheFile: LookaheadCacheFile | null | undefined;

function loadCache(): LookaheadCacheFile | null {
  if (cacheFile !== undefined) return cacheFile;
  cacheFile = null;
  try {
    if (!import.meta.url.endsWith('.ts') && existsSync(CACHE_URL)) {
      const parsed = JSON.parse(readFileSync(CACHE_URL, 'utf8')) as LookaheadCacheFile;
      if (parsed.version === 1) cacheFile = parsed;
    }
  } catch {
    cacheFile = null; // an unreadable cache is no cache
  }
  return cacheFile;
}

/** While the build records the sequences: fingerprint → key → names. */
let recording: LookaheadCacheFile['grammars'] | undefined;

export function startRecording(): LookaheadCacheFile['grammars'] {
  recording = {};
  return recording;
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

  constructor(
    private readonly maxLookahead: number,
    tokens: readonly TokenType[],
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
    const fingerprint = createHash('md5').update(JSON.stringify(serializeGrammar(options.rules))).digest('hex');
    if (recording) this.recorded = recording[fingerprint] ??= {};
    else this.cached = cache?.grammars[fingerprint];
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
