/**
 * The recorded grammar (Chevrotain's GAST: one `Rule` per rule, productions below) as plain data
 * and back, so that `npm run build` can keep it in dist/lookahead-cache.json and a parser can be
 * built without recording its rules again (see lookahead.ts). Every own property of a production
 * is kept (token types by name, the rest as written), so a production read back is the recorded
 * one, field for field; a property of another kind fails the build instead of being dropped.
 * References between rules are not kept: Chevrotain resolves them after recording, as before.
 */
import type { IProduction, Rule, TokenType } from 'chevrotain';
import { Alternation, Alternative, NonTerminal, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator, Rule as RuleClass, Terminal } from './chevrotain.js';

/** A production: its class, then its own properties (`_definition`: the productions inside). */
export type SerializedProduction = [kind: string, props: Record<string, unknown>];

const KINDS: Record<string, { prototype: object }> = {
  Rule: RuleClass,
  NonTerminal,
  Alternative,
  Option,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  Repetition,
  RepetitionWithSeparator,
  Alternation,
  Terminal,
};
const KIND_OF = new Map(Object.entries(KINDS).map(([name, cls]) => [cls.prototype, name]));
/** Properties holding a token type (deserializeProduction spells them out). */
const TOKEN_PROPS = new Set(['terminalType', 'separator']);
/** Set by Chevrotain after recording (rule references): not part of the record. */
const RESOLVED_PROPS = new Set(['referencedRule']);

export function serializeProduction(node: IProduction | Rule): SerializedProduction {
  const kind = KIND_OF.get(Object.getPrototypeOf(node));
  if (kind === undefined) throw new Error(`grammar cache: unknown production ${(node as object).constructor?.name}`);
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (RESOLVED_PROPS.has(key)) continue;
    if (TOKEN_PROPS.has(key)) props[key] = (value as TokenType).name;
    else if (key === '_definition') props[key] = (value as IProduction[]).map(serializeProduction);
    else if (value === undefined || ['string', 'number', 'boolean'].includes(typeof value)) props[key] = value;
    else throw new Error(`grammar cache: cannot keep ${kind}.${key} (${typeof value})`);
  }
  return [kind, props];
}

/** The production `s` describes, its token types found by name in `tokens`; undefined if one is missing. */
export function deserializeProduction(s: SerializedProduction, tokens: ReadonlyMap<string, TokenType>): IProduction | Rule | undefined {
  const cls = KINDS[s[0]];
  if (cls === undefined) return undefined;
  // The recorded objects' own properties, in their order (the constructors only set these).
  const node = Object.create(cls.prototype) as Record<string, unknown>;
  const props = s[1];
  for (const key in props) {
    const value = props[key];
    if (key === 'terminalType' || key === 'separator') {
      const token = tokens.get(value as string);
      if (token === undefined) return undefined;
      node[key] = token;
    } else if (key === '_definition') {
      const inner: (IProduction | Rule)[] = [];
      for (const child of value as SerializedProduction[]) {
        const p = deserializeProduction(child, tokens);
        if (p === undefined) return undefined;
        inner.push(p);
      }
      node[key] = inner;
    } else node[key] = value;
  }
  return node as unknown as IProduction | Rule;
}
