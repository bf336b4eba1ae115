/**
 * Smoke test of grammars/internals.ts against the installed Chevrotain: each private internal the
 * grammar relies on exists and behaves as the adapter assumes. If an upgrade breaks one, this
 * test names it, and grammars/internals.ts is the one file to change.
 */
import type { Rule } from 'chevrotain';
import { createToken, EmbeddedActionsParser, Lexer, MismatchedTokenException, serializeGrammar, tokenMatcher, type IToken, type TokenType } from '../../grammars/chevrotain.js';
import { categorize, internalsPresent, isRecording, position, replayingRules, saveError, seek, tokenCount } from '../../grammars/internals.js';
import { AnyToken, Identifier, K } from '../../grammars/tokens.js';
import { parserFor } from '../../src/parse/parse.js';
import { Scanner } from '../../src/lexer/scanner.js';
import { dialect } from '../helpers/dialects.js';

function tokens(text: string): IToken[] {
  const s = new Scanner(text, dialect('ansi').caps);
  const out: IToken[] = [];
  for (let t = s.next(); t; t = s.next()) out.push(t);
  return out;
}

describe('Chevrotain internals (grammars/internals.ts)', () => {
  const p = parserFor(dialect('ansi'));

  it('are present with the expected types', () => {
    expect(internalsPresent(p, p.expr)).toEqual({ RECORDING_PHASE: 'boolean', SAVE_ERROR: 'function', tokVectorLength: 'number', exportLexerState: 'function', importLexerState: 'function', coreRule: 'function', topLevelRuleRecord: 'function', enableRecording: 'function', disableRecording: 'function', definedRulesNames: 'array' });
  });

  it('RECORDING_PHASE is off once the grammar is built', () => {
    expect(isRecording(p)).toBe(false);
    expect(p.recording).toBe(false);
  });

  it('tokVectorLength is the length of the current input', () => {
    const toks = tokens('a + b * 2');
    p.input = toks;
    expect(tokenCount(p)).toBe(toks.length);
  });

  it('exportLexerState / importLexerState read and set the position', () => {
    p.input = tokens('a + b * 2');
    expect(position(p)).toBe(-1);
    seek(p, 1);
    expect(position(p)).toBe(1);
    expect(p.la(1).image).toBe('b');
  });

  it('coreRule: the procedural layer runs grammar rules nested inside its own statement', () => {
    // IF's condition (expr) and its statements (statementWithSemi) run through invokeNested.
    const text = 'IF x > 1 THEN INSERT INTO t SELECT a FROM s; END IF;';
    const r = p.parseChunk(tokens(text), text);
    expect(r.errors).toEqual([]);
    expect(r.statements).toMatchObject([{ k: 'block', conditions: [{ k: 'op', op: '>' }], body: [{ k: 'insert' }] }]);
  });

  it('a failure inside a nested rule is recorded once and the enclosing routine goes on', () => {
    const text = 'BEGIN INSERT INTO t SELECT FROM WHERE; UPDATE u SET a = 1; END;';
    const r = p.parseChunk(tokens(text), text);
    expect(r.errors).toHaveLength(1);
    expect(r.statements).toMatchObject([{ k: 'block', body: [{ k: 'update' }] }]);
  });

  it('SAVE_ERROR records the exception and returns it', () => {
    p.input = tokens('a');
    p.errors = [];
    const tok = p.la(1);
    const err = new MismatchedTokenException('expected THEN', tok, tok);
    expect(saveError(p, err)).toBe(err);
    expect(p.errors.map((e) => e.message)).toEqual(['expected THEN']);
    p.errors = [];
  });

  it('topLevelRuleRecord: replayingRules builds a parser from recorded rules without running them', () => {
    const A = createToken({ name: 'ReplayA', pattern: /a/ });
    const B = createToken({ name: 'ReplayB', pattern: /b/ });
    let runs = 0;
    class Tiny extends EmbeddedActionsParser {
      top = this.RULE('top', () => {
        runs++;
        let n = 0;
        this.MANY(() => {
          this.SUBRULE(this.item);
          n++;
        });
        return n;
      });
      item = this.RULE('item', () => {
        this.OR([{ ALT: () => this.CONSUME(A) }, { ALT: () => this.CONSUME(B) }]);
      });
      /** Times Chevrotain switched recording on (enableRecording), seen through its RECORDING_PHASE flag. */
      switchedOn = 0;
      constructor(rules?: ReadonlyMap<string, Rule>) {
        super([A, B]);
        let phase = false;
        Object.defineProperty(this, 'RECORDING_PHASE', {
          configurable: true,
          get: () => phase,
          set: (on: boolean) => {
            if (on) this.switchedOn++;
            phase = on;
          },
        });
        if (rules) replayingRules(this, rules, () => this.performSelfAnalysis());
        else this.performSelfAnalysis();
      }
    }
    const recorded = new Tiny();
    expect(runs).toBe(1); // recording ran the rule once
    expect(recorded.switchedOn).toBe(1);
    runs = 0;
    const replayed = new Tiny(new Map(Object.entries(recorded.getGAstProductions())));
    expect(runs).toBe(0);
    expect(serializeGrammar(Object.values(replayed.getGAstProductions()))).toEqual(serializeGrammar(Object.values(recorded.getGAstProductions())));
    expect(Object.keys(replayed)).not.toContain('topLevelRuleRecord');
    // Every rule replayed: recording (its ~90 methods put on the parser, then deleted) never switched on.
    expect(replayed.switchedOn).toBe(0);
    expect(isRecording(replayed)).toBe(false);
    replayed.input = new Lexer([A, B], { positionTracking: 'onlyOffset' }).tokenize('abba').tokens;
    expect(replayed.top()).toBe(4);
    expect(replayed.errors).toEqual([]);
    // One rule missing from the record: that one is recorded (run once), the other replayed.
    runs = 0;
    const partial = new Tiny(new Map([['item', recorded.getGAstProductions().item!]]));
    expect(runs).toBe(1);
    expect(partial.switchedOn).toBe(1);
    expect(serializeGrammar(Object.values(partial.getGAstProductions()))).toEqual(serializeGrammar(Object.values(recorded.getGAstProductions())));
    expect(isRecording(partial)).toBe(false);
    partial.input = new Lexer([A, B], { positionTracking: 'onlyOffset' }).tokenize('ab').tokens;
    expect(partial.top()).toBe(2);
    // Outside replayingRules, recording as Chevrotain does.
    runs = 0;
    expect(new Tiny().switchedOn).toBe(1);
    expect(runs).toBe(1);
  });
});

describe('categorize (token categories without createToken\'s quadratic rebuild)', () => {
  /** A hierarchy Top ⊃ Mid ⊃ leaves, with every field a category's matching reads, by token name. */
  function hierarchy(tag: string, make: (name: string, categories: TokenType[]) => TokenType) {
    const top = make(`Top${tag}`, []);
    const mid = make(`Mid${tag}`, [top]);
    const leaves = ['a', 'b', 'c'].map((n) => make(`${n}${tag}`, n === 'a' ? [top] : [mid, top]));
    const names = new Map([top, mid, ...leaves].map((t) => [t.tokenTypeIdx!, t.name.slice(0, -tag.length)]));
    return [top, mid, ...leaves].map((t) => ({
      name: names.get(t.tokenTypeIdx!),
      categories: (t.CATEGORIES ?? []).map((c) => names.get(c.tokenTypeIdx!)),
      matches: (t.categoryMatches ?? []).map((i) => names.get(i)),
      map: Object.keys(t.categoryMatchesMap ?? {}).map((i) => names.get(Number(i))),
      isParent: t.isParent,
    }));
  }

  it('wires the same categories as createToken({ categories })', () => {
    const chevrotain = hierarchy('1', (name, categories) => createToken({ name, pattern: Lexer.NA, ...(categories.length ? { categories } : {}) }));
    const ours = hierarchy('2', (name, categories) => {
      const t = createToken({ name, pattern: Lexer.NA });
      if (categories.length) categorize(t, categories);
      return t;
    });
    expect(ours).toEqual(chevrotain);
    expect(ours[0]!.matches).toEqual(['Mid', 'a', 'b', 'c']);
  });

  it('soft keywords are identifiers, reserved ones are not; both are AnyToken', () => {
    const token = (t: TokenType) => ({ tokenType: t, tokenTypeIdx: t.tokenTypeIdx }) as unknown as IToken;
    expect(tokenMatcher(token(K.DATE!), Identifier)).toBe(true);
    expect(tokenMatcher(token(K.SELECT!), Identifier)).toBe(false);
    expect(tokenMatcher(token(K.SELECT!), AnyToken)).toBe(true);
    expect(tokenMatcher(token(K.DATE!), AnyToken)).toBe(true);
  });
});

