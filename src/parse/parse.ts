/**
 * Text → statements: split into chunks, parse each chunk with the dialect's parser (built lazily,
 * one per dialect), isolate failures to one diagnostic each.
 */
import { SqlParser, type ParserCaps } from '../../grammars/parser.js';
import type { Statement } from '../ast/nodes.js';
import type { DialectSpec } from '../dialects/spec.js';
import { relexer } from '../lexer/relex.js';
import { Splitter } from '../split/splitter.js';

export interface ParseProblem {
  severity: 'error' | 'warning' | 'note';
  offset: number;
  message: string;
}

export interface ParsedFile {
  statements: Statement[];
  problems: ParseProblem[];
  /** Statements attempted (parsed + failed). */
  attempted: number;
  failed: number;
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
 */
export function parseText(text: string, dialect: DialectSpec, onStatement?: (s: Statement) => void): ParsedFile {
  const parser = parserFor(dialect);
  const splitter = new Splitter(text, dialect);
  const statements: Statement[] = [];
  const problems: ParseProblem[] = [];
  let failed = 0;
  let parsed = 0;
  let scanned = 0;
  for (let chunk = splitter.nextChunk(); chunk; chunk = splitter.nextChunk()) {
    // A chunk with a lexical error (unterminated literal) fails for that reason: its parse
    // errors would only repeat it.
    const lexical = splitter.scanErrors.length > scanned;
    scanned = splitter.scanErrors.length;
    let result;
    try {
      result = parser.parseChunk(chunk.tokens, text);
    } catch (err) {
      // Deep nesting can exhaust the stack; report it as this chunk's failure and go on.
      const message = err instanceof RangeError ? 'statement too deeply nested to analyze' : `parser failure: ${(err as Error).message}`;
      result = { statements: [], errors: [{ offset: chunk.start, message }] };
    }
    parsed += result.statements.length;
    if (onStatement) for (const st of result.statements) onStatement(st);
    else statements.push(...result.statements);
    failed += result.errors.length;
    if (!lexical) for (const e of result.errors) problems.push({ severity: 'error', offset: e.offset, message: e.message });
  }
  for (const e of splitter.scanErrors) problems.push({ severity: 'error', offset: e.offset, message: e.message });
  for (const s of splitter.skipped) problems.push({ severity: 'note', offset: s.offset, message: `SQL*Plus command skipped: ${s.text}` });
  problems.sort((a, b) => a.offset - b.offset);
  return { statements, problems, attempted: parsed + failed, failed };
}
