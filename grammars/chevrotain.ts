/**
 * Chevrotain, loaded from the single-file ESM bundle its package ships. The package's entry point
 * imports lodash-es one module at a time (hundreds of files: about 230 ms of every start-up); the
 * bundle beside it is the same library in one file (about 15 ms). Every grammar file imports
 * Chevrotain from here, so one copy is ever loaded; types come from the package as usual.
 */
import type * as Chevrotain from 'chevrotain';

async function load(): Promise<typeof Chevrotain> {
  try {
    // The entry point is `lib/src/api.js`; the bundle is `lib/chevrotain.mjs`.
    return (await import(new URL('../chevrotain.mjs', import.meta.resolve('chevrotain')).href)) as typeof Chevrotain;
  } catch {
    return import('chevrotain');
  }
}

const chevrotain = await load();

export const { createToken, EmbeddedActionsParser, EOF, getLookaheadPaths, isRecognitionException, Lexer, LLkLookaheadStrategy, MismatchedTokenException, serializeGrammar, tokenMatcher } = chevrotain;
// The grammar's productions (GAST), to read a recorded grammar back (gast.ts).
export const { Alternation, Alternative, NonTerminal, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator, Rule, Terminal } = chevrotain;
export type { IOrAlt, IRecognitionException, IToken, TokenType } from 'chevrotain';
