/** Syntax error messages as the user reads them (shared by the grammar and the procedural layers). */
import type { TextDiagnostic } from '../src/diagnostics/diagnostic.js';
import { EOF, type IToken } from './chevrotain.js';

/** A statement that failed to parse at `offset` (`span`: the failed statement's text, when known). */
export function syntaxError(offset: number, message: string, span?: { start: number; end: number }): TextDiagnostic {
  return span ? { severity: 'error', code: 'SyntaxError', offset, message, span } : { severity: 'error', code: 'SyntaxError', offset, message };
}

/** A Chevrotain error message for `tok`, shortened to `syntax error near '...'`. */
export function describe(message: string, tok: IToken): string {
  const first = message.split('\n')[0]!;
  const near = tok.tokenType === EOF ? 'end of statement' : `'${tok.image.length > 40 ? tok.image.slice(0, 40) + '…' : tok.image}'`;
  if (/^Expecting/.test(first) || /^Redundant/.test(first)) return `syntax error near ${near}`;
  return `syntax error near ${near}: ${first}`;
}
