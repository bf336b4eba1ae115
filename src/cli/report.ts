/** Diagnostics on stderr: compiler style, optionally coloured, then a one-line summary. */
import { Chalk, type ChalkInstance } from 'chalk';
import { countSeverities, formatDiagnostic, plural, type Counts, type Diagnostic } from '../diagnostics/diagnostic.js';

export type ColorLevel = 0 | 1 | 2 | 3;

/**
 * The colour level for stderr. `supported` is chalk's verdict for stderr (terminal, FORCE_COLOR,
 * --no-color in argv); NO_COLOR (no-color.org) turns colour off unless FORCE_COLOR is set.
 */
export function colorLevel(flag: boolean, env: NodeJS.ProcessEnv, supported: ColorLevel): ColorLevel {
  if (!flag) return 0;
  if (env.FORCE_COLOR === undefined && env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  return supported;
}

export function makeChalk(level: ColorLevel): ChalkInstance {
  return new Chalk({ level });
}

/** --quiet keeps errors only. */
export function isShown(d: Diagnostic, quiet: boolean): boolean {
  return !quiet || d.severity === 'error';
}

/** `path:line:col: error: message`, with the location bold and the severity coloured. */
export function renderDiagnostic(d: Diagnostic, c: ChalkInstance): string {
  const plain = formatDiagnostic(d);
  if (c.level === 0) return plain;
  const tail = `${d.severity}: ${d.message}`;
  if (!plain.endsWith(tail)) return plain;
  const where = plain.slice(0, plain.length - tail.length);
  const paint = d.severity === 'error' ? c.red.bold : d.severity === 'warning' ? c.yellow.bold : c.cyan.bold;
  return `${c.bold(where)}${paint(`${d.severity}:`)} ${d.message}`;
}

export { countSeverities, type Counts };

/** `sqlflow: 3 files, 120 statements (1 failed), 2 errors, 1 warning` */
export function summaryLine(files: number, statements: { total: number; failed: number }, counts: Counts): string {
  const parts = [
    plural(files, 'file'),
    plural(statements.total, 'statement') + (statements.failed > 0 ? ` (${statements.failed} failed)` : ''),
    plural(counts.errors, 'error'),
    plural(counts.warnings, 'warning'),
  ];
  if (counts.notes > 0) parts.push(plural(counts.notes, 'note'));
  return `sqlflow: ${parts.join(', ')}`;
}

/** Every shown diagnostic, one per line (empty string when none). */
export function renderDiagnostics(diagnostics: Diagnostic[], quiet: boolean, c: ChalkInstance): string {
  return diagnostics
    .filter((d) => isShown(d, quiet))
    .map((d) => `${renderDiagnostic(d, c)}\n`)
    .join('');
}
