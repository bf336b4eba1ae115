/**
 * The re-lexer dynamic SQL needs (`EXEC('...')`, `EXECUTE IMMEDIATE '...'`): the SQL held by
 * string literal tokens, scanned in place with the dialect's lexical rules, so every offset is an
 * offset of the file. The grammar receives it as `ParserCaps.relex` (injected by src/parse/parse.ts)
 * and never reads a lexical flag itself.
 */
import type { IToken } from '../../grammars/chevrotain.js';
import type { Relexer } from '../../grammars/parser.js';
import * as T from '../../grammars/tokens.js';
import type { Capabilities } from '../dialects/spec.js';
import { Scanner } from './scanner.js';

/**
 * A re-lexer for a dialect: the quotes and `+`/`||` between literals become blanks, `''` escapes
 * become `'` plus a blank (and `\x` a blank plus `x` with backslash escapes); a `GO` line inside
 * is dropped and a `/` line is a division.
 */
export function relexer(caps: Capabilities): Relexer {
  return (text: string, lits: IToken[]) => {
    const spans = lits.map(contentSpan);
    const from = spans[0]![0];
    const to = spans[spans.length - 1]![1];
    if (to <= from) return { text, tokens: [] };
    let shadow = text;
    let changed = false;
    const chars = text.slice(from, to).split('');
    const blank = (a: number, b: number) => {
      for (let i = a; i < b; i++) if (chars[i - from] !== '\n') chars[i - from] = ' ';
      changed = true;
    };
    const backslash = caps.backslashEscapes;
    spans.forEach(([a, b, quote], i) => {
      if (i > 0) blank(spans[i - 1]![1], a);
      if (!quote) return;
      // `\x` stands for x (backslash escapes); runs of 2k quotes stand for k quotes.
      for (let j = a; j < b; ) {
        if (backslash && text[j] === '\\') {
          blank(j, j + 1);
          j += 2;
          continue;
        }
        if (text[j] !== quote) {
          j++;
          continue;
        }
        let k = j;
        while (k < b && text[k] === quote) k++;
        blank(j + Math.floor((k - j) / 2), k);
        j = k;
      }
    });
    if (changed) shadow = text.slice(0, from) + chars.join('') + text.slice(to);
    const scanner = new Scanner(shadow, caps, T.KEYWORDS, from, to);
    const tokens: IToken[] = [];
    for (let t = scanner.next(); t; t = scanner.next()) {
      if (t.tokenType === T.BatchSep) {
        if (/^go/i.test(t.image)) continue;
        t.tokenType = T.Operator;
        t.tokenTypeIdx = T.Operator.tokenTypeIdx!;
      }
      tokens.push(t);
    }
    return { text: shadow, tokens };
  };
}

/**
 * Content range of a string literal token and the quote whose escapes may occur in it ('' for
 * none): `'...'`, `"..."` (where a string), `$tag$...$tag$`, Oracle `q'[...]'`, BigQuery
 * `"""..."""` and raw `r'...'`.
 */
function contentSpan(t: IToken): [number, number, string] {
  const img = t.image;
  if (img.startsWith('$')) {
    const tag = img.indexOf('$', 1) + 1;
    return [t.startOffset + tag, t.endOffset! + 1 - tag, ''];
  }
  const q = img.search(/['"]/);
  if (q < 0) return [t.startOffset, t.startOffset, ''];
  const quote = img[q]!;
  const prefix = img.slice(0, q);
  if (quote === "'" && /q$/i.test(prefix)) return [t.startOffset + q + 2, t.endOffset! - 1, ''];
  const n = img.length - q >= 6 && img.startsWith(quote.repeat(3), q) && img.endsWith(quote.repeat(3)) ? 3 : 1;
  const escapes = n === 1 && !/r/i.test(prefix);
  return [t.startOffset + q + n, t.endOffset! + 1 - n, escapes ? quote : ''];
}
