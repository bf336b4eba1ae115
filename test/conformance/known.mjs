// known-failures.txt: one line per case, `<case id>\t<one-line reason>`; `#` lines are comments.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const TODO_REASON = 'TODO: reason';

const HEADER = [
  '# Known sqllineage conformance failures: <case id><TAB><one-line reason>.',
  '# A failing case NOT listed here makes `npm run conformance` exit 1.',
  '# `npm run conformance -- --update-known` rewrites this list (existing reasons are kept).',
];

/** Map id -> reason, in file order. */
export function readKnown(path) {
  const known = new Map();
  if (!existsSync(path)) return known;
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const id = (tab < 0 ? line : line.slice(0, tab)).trim();
    const reason = tab < 0 ? '' : line.slice(tab + 1).trim();
    known.set(id, reason || TODO_REASON);
  }
  return known;
}

/**
 * Classify the run against the known list. Only cases that ran are judged, so a filtered run
 * (--dialect, --grep) never reports the rest of the list as fixed.
 */
export function classify(results, known, corpusIds) {
  const inCorpus = new Set(corpusIds);
  const failing = results.filter((r) => !r.ok);
  return {
    regressions: failing.filter((r) => !known.has(r.id)),
    knownFailing: failing.filter((r) => known.has(r.id)),
    fixed: results.filter((r) => r.ok && known.has(r.id)),
    notInCorpus: [...known.keys()].filter((id) => !inCorpus.has(id)),
  };
}

/**
 * Rewrite the list: cases that ran get their current status (failing -> listed, keeping the old
 * reason or `TODO: reason`; passing -> removed); entries for cases that did not run are kept.
 * Lines follow corpus order; ids no longer in the corpus are dropped.
 */
export function updateKnown(path, results, known, corpusIds) {
  const byId = new Map(results.map((r) => [r.id, r]));
  const lines = [];
  for (const id of corpusIds) {
    const r = byId.get(id);
    if (r ? !r.ok : known.has(id)) lines.push(`${id}\t${known.get(id) ?? TODO_REASON}`);
  }
  writeFileSync(path, [...HEADER, ...lines].join('\n') + '\n', 'utf8');
  return lines.length;
}
