/**
 * `-f github`: GitHub Actions workflow commands, `::error file=F,line=L,col=C,title=T::message`,
 * which annotate the pull request's diff. Values are escaped as the runner expects.
 */
import type { GateReport } from '../model.js';
import { summaryText } from './common.js';

/** Message data: %, CR, LF. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values: also `:` and `,`. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function* writeGithub(r: GateReport): Generator<string> {
  for (const f of r.findings) {
    const props: string[] = [];
    if (f.loc) {
      props.push(`file=${escapeProperty(f.loc.file.split('\\').join('/'))}`, `line=${f.loc.line}`, `col=${f.loc.col}`);
      if (f.loc.endLine !== undefined && f.loc.endLine === f.loc.line && f.loc.endCol !== undefined) props.push(`endColumn=${f.loc.endCol}`);
    }
    props.push(`title=${escapeProperty(`sqlflow ${f.rule}`)}`);
    yield `::${f.severity === 'note' ? 'notice' : f.severity} ${props.join(',')}::${escapeData(f.message)}\n`;
  }
  yield `${summaryText(r)}\n`;
}
