/**
 * Text → statements: split into chunks, parse each chunk with the dialect's parser (built lazily,
 * one per dialect), isolate failures to one diagnostic each.
 */
import { SqlParser, type ParsedStatements, type ParserCaps } from '../../grammars/parser.js';
import { CONTROL_STATEMENT_WORDS } from '../../grammars/words.js';
import { syntaxError } from '../../grammars/messages.js';
import type { Statement } from '../ast/nodes.js';
import type { DialectSpec } from '../dialects/spec.js';
import type { TextDiagnostic } from '../diagnostics/diagnostic.js';
import { relexer } from '../lexer/relex.js';
import { Splitter } from '../split/splitter.js';


export interface ParsedFile {
  statements: Statement[];
  /** Errors (`SyntaxError`, one per failed statement) and notes (`SyntaxHint`), in offset order. */
  problems: TextDiagnostic[];
  /** Statements attempted (parsed + failed). */
  attempted: number;
  failed: number;
  /** Offset of the first `GO` line in a dialect without GO batches (-1: none). */
  foreignGo: number;
}

const parsers = new Map<string, SqlParser>();

export function parserFor(dialect: DialectSpec): SqlParser {
  let p = parsers.get(dialect.vendor);
  if (!p) {
    const caps: ParserCaps = { ...dialect.semantics, relex: relexer(dialect.caps) };
    p = new SqlParser(caps);
    parsers.set(dialect.vendor, p);
  }
  return p;
}

/**
 * Parse `text`, handing each statement to `onStatement` as soon as its chunk is parsed, so a
 * large script never holds all of its syntax trees at once. Without a callback the statements
 * are collected in the result.
 *
 * Accounting: every failed statement has exactly one error here, so that "N failed" always
 * matches the errors printed. A lexical error (unterminated literal or comment) is the error of
 * the statement it lies in: that statement fails for that reason (its parse error, which would only
 * repeat it, is dropped), while the other statements of the chunk keep their own errors. A lexical
 * error outside every statement (an unterminated comment after the last one) is a failure of its own.
 */
export function parseText(text: string, dialect: DialectSpec, onStatement?: (s: Statement) => void): ParsedFile {
  const parser = parserFor(dialect);
  const splitter = new Splitter(text, dialect);
  const statements: Statement[] = [];
  const problems: TextDiagnostic[] = [];
  let failed = 0;
  let parsed = 0;
  /** Scan errors already attributed (they arrive in offset order). */
  let scanned = 0;
  const fail = (offset: number, message: string) => {
    failed++;
    problems.push(syntaxError(Number.isFinite(offset) ? offset : text.length, message));
  };
  for (let chunk = splitter.nextChunk(); chunk; chunk = splitter.nextChunk()) {
    const scanErrors = splitter.scanErrors;
    // Lexical errors before this chunk lie outside every statement.
    while (scanned < scanErrors.length && scanErrors[scanned]!.offset < chunk.start) {
      const e = scanErrors[scanned++]!;
      fail(e.offset, e.message);
    }
    const lexical: TextDiagnostic[] = [];
    while (scanned < scanErrors.length && scanErrors[scanned]!.offset < chunk.end) lexical.push(scanErrors[scanned++]!);
    let result: ParsedStatements;
    try {
      result = parser.parseChunk(chunk.tokens, text);
    } catch (err) {
      // Deep nesting can exhaust the stack; report it as this chunk's failure and go on.
      const message = err instanceof RangeError ? DEEP_MESSAGE : `parser failure: ${(err as Error).message}`;
      result = { statements: [], errors: [syntaxError(chunk.start, message, { start: chunk.start, end: chunk.end })] };
    }
    let errors = result.errors;
    let good = result.statements;
    for (const lex of lexical) {
      const failure = errors.find((e) => e.span !== undefined && e.span.start <= lex.offset && lex.offset < e.span.end);
      if (failure) {
        errors = errors.filter((e) => e !== failure);
        fail(lex.offset, lex.message);
        continue;
      }
      const broken = good.find((st) => st.k !== 'block' && st.start <= lex.offset && lex.offset <= st.end);
      if (broken) good = good.filter((st) => st !== broken);
      fail(lex.offset, lex.message);
    }
    // The same error at the same place twice (recovery restarting inside the failed statement) is one failure.
    const seen = new Set<string>();
    for (const e of errors) {
      const key = `${e.offset}:${e.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fail(Number.isFinite(e.offset) ? e.offset : chunk.end, e.message);
    }
    // A control statement the dialect only knows inside a block (PL/SQL WHILE ... LOOP at top level)
    // would be skipped as a statement without lineage, and whatever it holds with it: it fails instead.
    for (const st of good) {
      if (st.k === 'other' && CONTROL_STATEMENT_WORDS.has(st.keyword.split(' ')[0]!)) {
        fail(st.start, `procedural statement outside a block, not analyzed: '${snippet(text, st.start, st.end)}'`);
        good = good.filter((g) => g !== st);
      }
    }
    parsed += good.length;
    if (onStatement) for (const st of good) onStatement(st);
    else statements.push(...good);
  }
  // The parser is kept for the next file: it must not hold this one's text (or tokens) alive.
  parser.text = '';
  parser.input = [];
  parser.fast?.release();
  for (const e of splitter.scanErrors.slice(scanned)) fail(e.offset, e.message);
  for (const s of splitter.skipped) problems.push({ severity: 'note', code: 'SyntaxHint', offset: s.offset, message: `${s.client} command skipped: ${s.text}` });
  problems.sort((a, b) => a.offset - b.offset);
  return { statements, problems, attempted: parsed + failed, failed, foreignGo: splitter.foreignGo };
}

export const DEEP_MESSAGE = 'statement too deeply nested to analyze';


function snippet(text: string, start: number, end: number): string {
  const s = text.slice(start, Math.min(end, start + 40)).replace(/\s+/g, ' ');
  return end - start > 40 ? `${s}…` : s;
}
