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

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file === undefined ? 'sqlflow' : d.line === undefined ? d.file : `${d.file}:${d.line}:${d.col ?? 1}`;
  // One line per diagnostic, whatever text a message quotes.
  return `${where}: ${d.severity}: ${d.message.replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ')}`;
}
