/** Shared by the report formats: one-line text, counts, locations. */
import { countSeverities, oneLine, plural, type Counts } from '../../diagnostics/diagnostic.js';

export { oneLine };
import type { Finding, GateLoc, GateReport } from '../model.js';

export function locText(loc: GateLoc | undefined): string {
  return loc ? `${loc.file}:${loc.line}:${loc.col}` : 'sqlflow';
}

/** Errors, warnings and notes among findings. */
export function countFindings(findings: Finding[]): Counts {
  return countSeverities(findings);
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
