/** Diagnostics on stderr: compiler style, optionally coloured, then a one-line summary. */
import { Chalk, type ChalkInstance } from 'chalk';
import { countSeverities, formatDiagnostic, type Counts, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Chunk } from '../writers/chunks.js';

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

/**
 * 1,239: counts are grouped by thousands, the same on every machine. Written out rather than
 * with toLocaleString('en-US'), whose first call loads the ICU locale data (about 8 ms of start-up).
 */
export function count(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function counted(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** Warnings by kind (errorType), most frequent first, ties by name. */
export function warningKinds(diagnostics: Diagnostic[]): [string, number][] {
  const kinds = new Map<string, number>();
  for (const d of diagnostics) {
    if (d.severity !== 'warning') continue;
    const kind = d.code ?? 'other';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * `sqlflow: 3 files, 120 statements (1 failed), 2 errors, 1 warning`; with two or more warnings,
 * their counts by kind follow: `55,280 warnings (AmbiguousColumn 50,020, OrphanColumn 5,260)`.
 */
/** An HTML page written to a file: how big it is (it carries the data, the SQL and the viewer). */
export function pageSizeLine(path: string, bytes: number): string {
  return `sqlflow: wrote ${path}: ${count(bytes)} bytes (${(bytes / 1e6).toFixed(2)} MB), one self-contained HTML page`;
}

/** Chunks passed through, their UTF-8 size added up in `total.bytes` as they go. */
export function* countBytes<C extends Chunk>(chunks: Iterable<C>, total: { bytes: number }): Generator<C> {
  for (const c of chunks) {
    total.bytes += typeof c === 'string' ? Buffer.byteLength(c, 'utf8') : c.length;
    yield c;
  }
}

export function summaryLine(files: number, statements: { total: number; failed: number }, counts: Counts, kinds: [string, number][] = []): string {
  const byKind = counts.warnings >= 2 && kinds.length > 0 ? ` (${kinds.map(([k, n]) => `${k} ${count(n)}`).join(', ')})` : '';
  const parts = [
    counted(files, 'file'),
    counted(statements.total, 'statement') + (statements.failed > 0 ? ` (${count(statements.failed)} failed)` : ''),
    counted(counts.errors, 'error'),
    counted(counts.warnings, 'warning') + byKind,
  ];
  if (counts.notes > 0) parts.push(counted(counts.notes, 'note'));
  return `sqlflow: ${parts.join(', ')}`;
}

/** A diagnostic to print and how many more like it were folded into it. */
export interface Shown {
  diagnostic: Diagnostic;
  more: number;
}

/**
 * Repeated warnings and notes — same severity, kind (errorType), message (which names the column
 * and its candidates) and file — are shown once, at their first position, with the number of the
 * others. Errors are always shown one by one. Order is kept.
 */
export function collapseDiagnostics(diagnostics: Diagnostic[], quiet: boolean): Shown[] {
  const shown: Shown[] = [];
  // By message first (the run's messages are interned strings, so no key is built per
  // diagnostic), then the few entries with that message compared on severity, kind and file,
  // kept with each entry (a diagnostic's fields may be getters: 60,000 warnings on the bench).
  const first = new Map<string, { shown: Shown; severity: string; code: string; file: string }[]>();
  for (const d of diagnostics) {
    if (!isShown(d, quiet)) continue;
    const severity = d.severity;
    if (severity === 'error') {
      shown.push({ diagnostic: d, more: 0 });
      continue;
    }
    const message = d.message;
    const code = d.code ?? '';
    const file = d.file ?? '';
    let list = first.get(message);
    const known = list?.find((e) => e.severity === severity && e.code === code && e.file === file);
    if (known) {
      known.shown.more++;
      continue;
    }
    const entry = { diagnostic: d, more: 0 };
    const keyed = { shown: entry, severity, code, file };
    if (list) list.push(keyed);
    else first.set(message, (list = [keyed]));
    shown.push(entry);
  }
  return shown;
}

/** Every shown diagnostic, one per line, repeats collapsed (empty string when none). */
export function renderDiagnostics(diagnostics: Diagnostic[], quiet: boolean, c: ChalkInstance): string {
  const lines: string[] = [];
  for (const { diagnostic, more } of collapseDiagnostics(diagnostics, quiet)) {
    const where = diagnostic.file === undefined ? '' : ' in this file';
    lines.push(`${renderDiagnostic(diagnostic, c)}${more > 0 ? ` (and ${count(more)} more like it${where})` : ''}\n`);
  }
  return lines.join('');
}
