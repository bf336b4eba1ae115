/** `-f text`: one finding per line in compiler style, `path:line:col: severity: message [rule]`. */
import type { GateReport } from '../model.js';
import { locText, oneLine, summaryText } from './common.js';

export function* writeText(r: GateReport): Generator<string> {
  for (const f of r.findings) yield `${locText(f.loc)}: ${f.severity}: ${oneLine(f.message)} [${f.rule}]\n`;
  yield `${summaryText(r)}\n`;
}
