/** Shared by the report formats: one-line text, counts, locations. */
import type { Finding, GateLoc, GateReport } from '../model.js';

/** Newlines and other control characters escaped: every diagnostic stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\\n').replace(/\t/g, '\\t').replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export function locText(loc: GateLoc | undefined): string {
  return loc ? `${loc.file}:${loc.line}:${loc.col}` : 'sqlflow';
}

export interface Counts {
  errors: number;
  warnings: number;
  notes: number;
}

export function countFindings(findings: Finding[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, notes: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.notes++;
  }
  return c;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `sqlflow check: FAILED, 2 errors, 1 warning (3 in the baseline)` */
export function summaryText(r: GateReport): string {
  const c = countFindings(r.findings);
  const verdict = r.command === 'check' ? (r.passed ? 'passed' : 'FAILED') + ', ' : '';
  const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning')];
  if (c.notes > 0) parts.push(plural(c.notes, 'note'));
  const base = r.baselined > 0 ? ` (${r.baselined} known in the baseline)` : '';
  return `sqlflow ${r.command}: ${verdict}${parts.join(', ')}${base}`;
}
