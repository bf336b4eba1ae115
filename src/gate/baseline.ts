/**
 * The baseline: fingerprints of known findings (content-derived, no positions), so a repository
 * with known problems adopts the gate and fails only on new ones. A JSON file:
 * `{"version":1,"tool":"sqlflow","findings":[{"rule","fingerprint","message"}...]}`, sorted.
 */
import { readFile } from 'node:fs/promises';
import type { Finding } from './model.js';

export interface BaselineRead {
  fingerprints: Map<string, number>;
  problem?: string;
}

export async function readBaseline(path: string): Promise<BaselineRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { fingerprints: new Map(), problem: code === 'ENOENT' ? 'not found' : `cannot read the baseline: ${(err as Error).message}` };
  }
  let doc: { version?: unknown; findings?: unknown };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch (err) {
    return { fingerprints: new Map(), problem: `the baseline is not valid JSON: ${(err as Error).message}` };
  }
  if (doc?.version !== 1 || !Array.isArray(doc.findings) || !doc.findings.every((f) => typeof (f as { fingerprint?: unknown })?.fingerprint === 'string')) {
    return { fingerprints: new Map(), problem: 'not a sqlflow baseline (expected {"version":1,"findings":[{"fingerprint":...}]}); write one with --write-baseline' };
  }
  const fingerprints = new Map<string, number>();
  for (const f of doc.findings as { fingerprint: string }[]) fingerprints.set(f.fingerprint, (fingerprints.get(f.fingerprint) ?? 0) + 1);
  return { fingerprints };
}

/** Findings the baseline does not know (each baseline entry absorbs one finding). */
export function applyBaseline(findings: Finding[], known: Map<string, number>): { findings: Finding[]; baselined: number } {
  const left = new Map(known);
  const out: Finding[] = [];
  let baselined = 0;
  for (const f of findings) {
    const n = left.get(f.fingerprint) ?? 0;
    if (n > 0) {
      left.set(f.fingerprint, n - 1);
      baselined++;
    } else out.push(f);
  }
  return { findings: out, baselined };
}

export function baselineText(findings: Finding[]): string {
  const entries = findings
    .map((f) => ({ rule: f.rule, fingerprint: f.fingerprint, message: f.message }))
    .sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  return `${JSON.stringify({ version: 1, tool: 'sqlflow', findings: entries }, null, 2)}\n`;
}

export async function writeBaselineFile(path: string, findings: Finding[], write: (path: string, text: string) => Promise<void>): Promise<void> {
  await write(path, baselineText(findings));
}
