/**
 * Every use of Chevrotain's private internals, in one adapter: an upgrade of Chevrotain that
 * renames them touches this file only (test/unit/internals.test.ts checks each of them against
 * the installed version). Everything else in grammars/ uses the public API.
 *
 * - `RECORDING_PHASE`: true while `performSelfAnalysis` records the grammar (rules then run with
 *   placeholder values, so actions must not look at real tokens).
 * - `SAVE_ERROR`: records a recognition exception in `errors` as the parser does before throwing it.
 * - `tokVectorLength`: the length of the current token vector (`input`, without copying it).
 * - `coreRule`: a rule's body without its top-level wrapper, so a hand-written procedural layer
 *   can invoke it as a nested rule (errors propagate to the caller instead of being recovered).
 * - `exportLexerState` / `importLexerState`: the index of the last consumed token, read and set
 *   (public at run time, absent from the published typings).
 * - `topLevelRuleRecord(name, action)`: records one rule's GAST while `performSelfAnalysis` records
 *   the grammar; while `replayingRules` runs, a lookup of the rules recorded at build time, so a
 *   parser can be built without recording them again. `enableRecording` / `disableRecording`
 *   (which put ~90 recording methods on the parser and delete them again: a few ms per parser)
 *   are then skipped when every rule (`definedRulesNames`) is among the recorded ones. The three
 *   are wrapped once on Chevrotain's parser prototype; outside `replayingRules` they do as before.
 * - `categorize`: a token type's categories wired as `createToken({ categories })` wires them
 *   (`CATEGORIES`, and each category's `categoryMatches`, `categoryMatchesMap`, `isParent`).
 */
import type { EmbeddedActionsParser, Rule, TokenType } from 'chevrotain';

interface Internals {
  RECORDING_PHASE: boolean;
  topLevelRuleRecord(name: string, action: () => unknown): Rule;
  enableRecording(): void;
  disableRecording(): void;
  definedRulesNames: string[];
  SAVE_ERROR(e: Error): Error;
  tokVectorLength: number;
  exportLexerState(): number;
  importLexerState(n: number): void;
}

function internals(p: EmbeddedActionsParser): Internals {
  return p as unknown as Internals;
}

/** Is the parser recording its grammar (inside `performSelfAnalysis`)? */
export function isRecording(p: EmbeddedActionsParser): boolean {
  return internals(p).RECORDING_PHASE;
}

/** Record `err` among the parser's errors; returns it, to be thrown. */
export function saveError(p: EmbeddedActionsParser, err: Error): Error {
  return internals(p).SAVE_ERROR(err);
}

/** Number of tokens in the parser's current input. */
export function tokenCount(p: EmbeddedActionsParser): number {
  return internals(p).tokVectorLength;
}

/** Index of the last consumed token (-1 before the first). */
export function position(p: EmbeddedActionsParser): number {
  return internals(p).exportLexerState();
}

/** Continue after the token at index `n` (-1: from the start). */
export function seek(p: EmbeddedActionsParser, n: number): void {
  internals(p).importLexerState(n);
}

/** Invoke `rule` (a rule of `p`) as a nested rule with `args`. */
export function invokeNested<R>(p: EmbeddedActionsParser, rule: (...a: any[]) => R, args: unknown[]): R {
  return (rule as unknown as { coreRule: (...a: unknown[]) => R }).coreRule.apply(p, args);
}

/** The rules recorded at build time, while `replayingRules` runs; `whole`: every rule of the parser is among them. */
let replay: { rules: ReadonlyMap<string, Rule>; whole: boolean } | undefined;
/** Chevrotain's parser prototypes whose recording methods are wrapped. */
const wrapped = new WeakSet<object>();

/** Wrap (once) the recording methods of the prototype that defines them, to consult `replay`. */
function wrapRecording(p: EmbeddedActionsParser): void {
  let owner = p as object;
  while (!Object.prototype.hasOwnProperty.call(owner, 'topLevelRuleRecord')) owner = Object.getPrototypeOf(owner) as object;
  if (wrapped.has(owner)) return;
  wrapped.add(owner);
  const proto = owner as Internals;
  const { topLevelRuleRecord: record, enableRecording: enable, disableRecording: disable } = proto;
  proto.topLevelRuleRecord = function (this: Internals, name, action) {
    return replay?.rules.get(name) ?? record.call(this, name, action);
  };
  proto.enableRecording = function (this: Internals) {
    if (replay?.whole !== true) enable.call(this);
  };
  proto.disableRecording = function (this: Internals) {
    if (replay?.whole !== true) disable.call(this);
  };
}

/**
 * Run `analyze` (which calls the parser's `performSelfAnalysis`) with each rule's recording taken
 * from `rules` (the GAST recorded at build time); a rule not there is recorded as usual.
 */
export function replayingRules(p: EmbeddedActionsParser, rules: ReadonlyMap<string, Rule>, analyze: () => void): void {
  wrapRecording(p);
  const outer = replay;
  replay = { rules, whole: internals(p).definedRulesNames.every((name) => rules.has(name)) };
  try {
    analyze();
  } finally {
    replay = outer;
  }
}

/** The internals this module relies on, as the installed Chevrotain has them (for the smoke test). */
export function internalsPresent(p: EmbeddedActionsParser, rule: unknown): Record<string, string> {
  const i = internals(p) as unknown as Record<string, unknown>;
  return {
    RECORDING_PHASE: typeof i.RECORDING_PHASE,
    SAVE_ERROR: typeof i.SAVE_ERROR,
    tokVectorLength: typeof i.tokVectorLength,
    exportLexerState: typeof i.exportLexerState,
    importLexerState: typeof i.importLexerState,
    coreRule: typeof (rule as { coreRule?: unknown }).coreRule,
    topLevelRuleRecord: typeof i.topLevelRuleRecord,
    enableRecording: typeof i.enableRecording,
    disableRecording: typeof i.disableRecording,
    definedRulesNames: Array.isArray(i.definedRulesNames) ? 'array' : typeof i.definedRulesNames,
  };
}

type Wired = TokenType & { CATEGORIES?: TokenType[]; tokenTypeIdx: number; categoryMatches: number[]; categoryMatchesMap: Record<number, boolean>; isParent: boolean };

/**
 * Give `token` (made by `createToken` without categories) the categories `categories` and, through
 * them, theirs. `createToken({ categories })` does the same but then rebuilds every category's
 * list of members from scratch, once per token: with about 700 keywords in the category AnyToken
 * that quadratic work was about 15 ms of every start-up. Members are added in creation order,
 * which is the order Chevrotain's rebuild gives (ascending token index); the parser's constructor
 * rebuilds the lists once more from the same maps.
 */
export function categorize(token: TokenType, categories: TokenType[]): void {
  const t = token as Wired;
  t.CATEGORIES = categories;
  const seen = new Set<TokenType>();
  const visit = (category: Wired) => {
    if (seen.has(category) || category === t) return;
    seen.add(category);
    if (category.categoryMatchesMap[t.tokenTypeIdx] !== true) {
      category.categoryMatchesMap[t.tokenTypeIdx] = true;
      category.categoryMatches.push(t.tokenTypeIdx);
    }
    category.isParent = true;
    for (const up of category.CATEGORIES ?? []) visit(up as Wired);
  };
  for (const c of categories) visit(c as Wired);
}
