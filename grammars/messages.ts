/** Syntax error messages as the user reads them (shared by the grammar and the procedural layers). */
import { EOF, type IToken } from './chevrotain.js';

/** A Chevrotain error message for `tok`, shortened to `syntax error near '...'`. */
export function describe(message: string, tok: IToken): string {
  const first = message.split('\n')[0]!;
  const near = tok.tokenType === EOF ? 'end of statement' : `'${tok.image.length > 40 ? tok.image.slice(0, 40) + '…' : tok.image}'`;
  if (/^Expecting/.test(first) || /^Redundant/.test(first)) return `syntax error near ${near}`;
  return `syntax error near ${near}: ${first}`;
}
