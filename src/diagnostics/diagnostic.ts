/**
 * The one diagnostic type of the project, from the scanner to the CLI, the JSON `errors` array,
 * SARIF and the gate: compiler-style `path:line:col: severity: message`.
 *
 * A leaf module (it imports nothing): grammars/ and every layer above it may name these types.
 * Producers fill what they know: the lexer and parser an `offset` in the text they were given;
 * the analyzer adds the input (`fileIndex`, `file`) and turns the offset into `line`/`col`.
 */
export type Severity = 'error' | 'warning' | 'note';

export interface Diagnostic {
  severity: Severity;
  /**
   * What kind of problem, stable across releases (SQLFlow's `errorType` in the JSON `errors`
   * array, SARIF's rule id): `SyntaxError`, `SyntaxHint`, `AmbiguousColumn`, `UnknownColumn`,
   * `InputError`, `SchemaError`, `SchemaInvalid`, `VendorHint`, ...
   */
  code: string;
  /** One line. */
  message: string;
  /** File path as given by the user; absent for diagnostics about the invocation itself. */
  file?: string;
  /** Index of the input (LineageGraph.files) the offset is in. */
  fileIndex?: number;
  /** Character offset in that input (or in the text the producer was given). */
  offset?: number;
  /** 1-based, derived from the offset once the input's line starts are known. */
  line?: number;
  col?: number;
  /** Where the problem's text ends, when it has an extent (end exclusive, SQLFlow's convention). */
  endLine?: number;
  endCol?: number;
  /** The source range the problem covers, when wider than its position: a failed statement's text. */
  span?: { start: number; end: number };
}

/** A diagnostic at a place in a text: every lexer and parser diagnostic has its offset. */
export type TextDiagnostic = Diagnostic & { offset: number };

export interface Counts {
  errors: number;
  warnings: number;
  notes: number;
}

/** Errors, warnings and notes among diagnostics (or anything with a severity: the gate's findings). */
export function countSeverities(items: readonly { severity: Severity }[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, notes: 0 };
  for (const d of items) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.notes++;
  }
  return counts;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Newlines and other control characters escaped: every diagnostic stays on one line (grep, CI problem matchers). */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\\n').replace(/\t/g, '\\t').replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file === undefined ? 'sqlflow' : d.line === undefined ? d.file : `${d.file}:${d.line}:${d.col ?? 1}`;
  return `${oneLine(`${where}: ${d.severity}: ${d.message}`)}`;
}
