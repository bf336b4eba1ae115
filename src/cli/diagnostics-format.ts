/** `analyze --diagnostics-format json|sarif`: the run's diagnostics as one machine-readable document on stderr. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticsSarif } from '../gate/report/sarif.js';
import { countSeverities } from './report.js';

export async function diagnosticsDocument(diagnostics: Diagnostic[], format: 'json' | 'sarif', version: string): Promise<string> {
  if (format === 'sarif') return diagnosticsSarif(diagnostics, version);
  const list = diagnostics.map((d) => ({ severity: d.severity, file: d.file ?? null, line: d.line ?? null, col: d.col ?? null, errorType: d.code, message: d.message }));
  return `${JSON.stringify({ diagnostics: list, summary: countSeverities(diagnostics) }, null, 2)}\n`;
}
