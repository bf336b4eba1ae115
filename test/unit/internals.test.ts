/**
 * Smoke test of grammars/internals.ts against the installed Chevrotain: each private internal the
 * grammar relies on exists and behaves as the adapter assumes. If an upgrade breaks one, this
 * test names it, and grammars/internals.ts is the one file to change.
 */
import { MismatchedTokenException, type IToken } from '../../grammars/chevrotain.js';
import { internalsPresent, isRecording, position, saveError, seek, tokenCount } from '../../grammars/internals.js';
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
    expect(internalsPresent(p, p.expr)).toEqual({ RECORDING_PHASE: 'boolean', SAVE_ERROR: 'function', tokVectorLength: 'number', exportLexerState: 'function', importLexerState: 'function', coreRule: 'function' });
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
});
