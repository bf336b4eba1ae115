/** Compiler-style diagnostics: `path:line:col: error: message`. */
import type { Severity } from '../graph/model.js';

export interface Diagnostic {
  severity: Severity;
  message: string;
  /** File path as given by the user; absent for diagnostics about the invocation itself. */
  file?: string;
  line?: number;
  col?: number;
  /** SQLFlow errorType for the JSON `errors[]` array. */
  errorType?: string;
}

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
