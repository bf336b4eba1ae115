/**
 * The Chevrotain DSL surface the grammar chapters use. Chevrotain marks these methods protected;
 * chapters are plain functions bound to the parser, so they see it through this interface.
 */
import type { IOrAlt, IToken, TokenType } from './chevrotain.js';

type Rule<R> = (idx?: number, ...args: any[]) => R;
type Def<T> = (() => T) | { GATE?: () => boolean; DEF: () => T };
type Alts<T> = IOrAlt<T>[] | { DEF: IOrAlt<T>[]; IGNORE_AMBIGUITIES?: boolean; MAX_LOOKAHEAD?: number };
type SepDef = { SEP: TokenType; DEF: () => void };

export interface Dsl {
  RULE<F extends (...args: any[]) => any>(name: string, impl: F): Rule<ReturnType<F>>;
  ACTION<T>(impl: () => T): T;
  LA(n: number): IToken;
  consume(idx: number, tok: TokenType): IToken;
  subrule<R>(idx: number, rule: Rule<R>, opts?: { ARGS: unknown[] }): R;
  option<T>(idx: number, def: Def<T>): T | undefined;
  or<T>(idx: number, alts: Alts<T>): T;
  many(idx: number, def: Def<void>): void;
  atLeastOne(idx: number, def: Def<void>): void;
  CONSUME(tok: TokenType): IToken;
  CONSUME1(tok: TokenType): IToken;
  CONSUME2(tok: TokenType): IToken;
  CONSUME3(tok: TokenType): IToken;
  CONSUME4(tok: TokenType): IToken;
  CONSUME5(tok: TokenType): IToken;
  CONSUME6(tok: TokenType): IToken;
  SUBRULE<R>(rule: Rule<R>, opts?: { ARGS: unknown[] }): R;
  SUBRULE1<R>(rule: Rule<R>, opts?: { ARGS: unknown[] }): R;
  SUBRULE2<R>(rule: Rule<R>, opts?: { ARGS: unknown[] }): R;
  SUBRULE3<R>(rule: Rule<R>, opts?: { ARGS: unknown[] }): R;
  SUBRULE4<R>(rule: Rule<R>, opts?: { ARGS: unknown[] }): R;
  SUBRULE5<R>(rule: Rule<R>, opts?: { ARGS: unknown[] }): R;
  OPTION<T>(def: Def<T>): T | undefined;
  OPTION1<T>(def: Def<T>): T | undefined;
  OPTION2<T>(def: Def<T>): T | undefined;
  OPTION3<T>(def: Def<T>): T | undefined;
  OPTION4<T>(def: Def<T>): T | undefined;
  OPTION5<T>(def: Def<T>): T | undefined;
  OPTION6<T>(def: Def<T>): T | undefined;
  OPTION7<T>(def: Def<T>): T | undefined;
  OPTION8<T>(def: Def<T>): T | undefined;
  OPTION9<T>(def: Def<T>): T | undefined;
  OR<T>(alts: Alts<T>): T;
  OR1<T>(alts: Alts<T>): T;
  OR2<T>(alts: Alts<T>): T;
  OR3<T>(alts: Alts<T>): T;
  OR4<T>(alts: Alts<T>): T;
  OR5<T>(alts: Alts<T>): T;
  MANY(def: Def<void>): void;
  MANY1(def: Def<void>): void;
  MANY2(def: Def<void>): void;
  MANY3(def: Def<void>): void;
  MANY4(def: Def<void>): void;
  MANY_SEP(def: SepDef): void;
  MANY_SEP1(def: SepDef): void;
  AT_LEAST_ONE(def: Def<void>): void;
  AT_LEAST_ONE1(def: Def<void>): void;
  AT_LEAST_ONE_SEP(def: SepDef): void;
  AT_LEAST_ONE_SEP1(def: SepDef): void;
  AT_LEAST_ONE_SEP2(def: SepDef): void;
  AT_LEAST_ONE_SEP3(def: SepDef): void;
}
