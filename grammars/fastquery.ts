/**
 * The fast path (see fastexpr.ts) for the commonest pieces of a query around its expressions: a
 * select item with its alias, a FROM item that is a plain table name with its alias, a GROUP BY
 * item. Each mirrors its rule in query.ts / expressions.ts and gives up (consuming nothing) at
 * anything else, which the rule then parses as before.
 */
import { tokenMatcher, type IToken } from './chevrotain.js';
import type { Expr, Ident, QName, SelectItem, TableRef } from '../src/ast/nodes.js';
import { ident, qname, splitDotted } from './build.js';
import { FastExpr, GIVE_UP } from './fastexpr.js';
import { seek } from './internals.js';
import { STAR_MODIFIERS, TIME_TRAVEL } from './query.js';
import * as T from './tokens.js';

const K = T.K;

export class FastQuery extends FastExpr {
  /** `selectItem`: `expr [[AS] alias]` (T-SQL `alias = expr` and `* EXCEPT (...)` are left to the rule). */
  selectItem(): SelectItem | undefined {
    return this.run((): SelectItem => {
      const t = this.toks[this.p];
      const t2 = this.toks[this.p + 1];
      if (this.parser.caps.assignmentAlias && t2?.tokenType === T.Eq && t !== undefined && (tokenMatcher(t, T.Identifier) || t.tokenType === T.Variable)) throw GIVE_UP;
      const expr = this.chain();
      const m = this.toks[this.p];
      if (expr.k === 'star' && m !== undefined && STAR_MODIFIERS.has(m.image.toUpperCase())) throw GIVE_UP;
      const alias = this.alias(true);
      return { expr, alias, start: expr.start, end: this.end() };
    });
  }

  /** `groupItem` when it is one expression (not GROUPING SETS, not `()`). */
  groupItem(): Expr[] | undefined {
    const t = this.parser.la(1);
    const t2 = this.parser.la(2);
    if ((t.tokenType === K.GROUPING && t2.tokenType === K.SETS) || (t.tokenType === T.LParen && t2.tokenType === T.RParen)) return undefined;
    const e = this.expr();
    return e === undefined ? undefined : [e];
  }

  /** `tablePrimary` when it is a table name with an optional alias (`namedTable` without its options). */
  tablePrimary(): TableRef | undefined {
    return this.run((): TableRef => {
      const t = this.toks[this.p];
      if (t === undefined || t.tokenType === K.LATERAL || !tokenMatcher(t, T.Identifier)) throw GIVE_UP;
      const name = this.qname();
      const a = this.toks[this.p];
      const b = this.toks[this.p + 1];
      if (a !== undefined) {
        const at = a.tokenType;
        // A table function, AS OF / FOR SYSTEM_TIME, PARTITION (...): left to the rule.
        if (at === T.LParen || (at === K.AS && b?.tokenType === K.OF) || (at === K.FOR && b !== undefined && /^SYSTEM_TIME$/i.test(b.image))) throw GIVE_UP;
        if (at === K.PARTITION && b?.tokenType === T.LParen) throw GIVE_UP;
        // Snowflake AT(OFFSET => ..), BEFORE(..), CHANGES(..): not an alias.
        if (b?.tokenType === T.LParen && TIME_TRAVEL.test(a.image)) throw GIVE_UP;
      }
      const alias = this.alias(false);
      if (alias !== undefined) {
        const c = this.toks[this.p + 1];
        const d = this.toks[this.p + 2];
        if (this.is(T.LParen) && c !== undefined && tokenMatcher(c, T.Identifier) && (d?.tokenType === T.Comma || d?.tokenType === T.RParen)) throw GIVE_UP;
      }
      const w = this.toks[this.p];
      const w2 = this.toks[this.p + 1];
      if (w !== undefined && ((w.tokenType === K.WITH && w2?.tokenType === T.LParen) || w.tokenType === K.TABLESAMPLE || (w.tokenType === K.SAMPLE && w2?.tokenType === T.LParen))) throw GIVE_UP;
      if (alias !== undefined) return { k: 'table', name, alias, start: name.start, end: this.end() };
      return { k: 'table', name, start: name.start, end: this.end() };
    });
  }

  /** `qname`: `a.b.c`, T-SQL `db..t` (an empty part); a `@dblink` is left to the rule. */
  private qname(): QName {
    const parts: Ident[] = [this.identifier()];
    while (this.is(T.Dot)) {
      const dot = this.toks[this.p++]!;
      if (this.is(T.Dot)) {
        this.p++;
        parts.push({ text: '', quoted: false, start: dot.endOffset! + 1, end: dot.endOffset! + 1 });
      }
      parts.push(this.identifier());
    }
    const at = this.toks[this.p];
    if (at !== undefined && at.image === '@' && this.toks[this.p + 1]?.tokenType !== T.Eq) throw GIVE_UP;
    return qname(this.parser.caps.dottedQuotedNames ? splitDotted(parts, this.parser.text) : parts);
  }

  private identifier(): Ident {
    const t = this.toks[this.p];
    if (t === undefined || !tokenMatcher(t, T.Identifier)) throw GIVE_UP;
    this.p++;
    return ident(t);
  }

  /** The `alias` rule behind the `aliasAhead` gate of its callers; undefined when none follows. */
  private alias(allowString: boolean): Ident | undefined {
    const parser = this.parser;
    seek(parser, this.p - 1);
    if (!parser.aliasAhead(allowString)) return undefined;
    const t = this.toks[this.p]!;
    if (t.tokenType === K.AS) {
      this.p++;
      const n = this.toks[this.p];
      if (n !== undefined && tokenMatcher(n, T.Identifier)) {
        this.p++;
        return ident(n);
      }
      if (n !== undefined && n.tokenType === T.StringLit && allowString) return this.stringAlias(n);
      throw GIVE_UP;
    }
    if (tokenMatcher(t, T.Identifier)) {
      this.p++;
      return ident(t);
    }
    if (t.tokenType === T.StringLit && allowString && parser.caps.assignmentAlias) return this.stringAlias(t);
    throw GIVE_UP;
  }

  private stringAlias(s: IToken): Ident {
    this.p++;
    return { text: s.image.slice(1, -1), quoted: true, start: s.startOffset, end: s.endOffset! + 1 };
  }
}
