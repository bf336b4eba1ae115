/**
 * `diff`: lineage added and removed between a base and a head analysis, on content identity
 * (GateColumn.key, GateFlow.id), so moving a statement or adding a comment changes nothing.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineageGraph } from '../graph/model.js';
import type { GateGraph } from './graph.js';
import { sortColumns, sortFlows } from './impact.js';
import type { DiffResult, Finding, GateColumn, GateFlow } from './model.js';

/** One side of a comparison: its gate graph and what analyze said. */
export interface GateSide {
  gg: GateGraph;
  diagnostics: Diagnostic[];
  /** Input files, as shown. */
  files: string[];
  /** Relation types the side recorded, when not all (a lineage JSON written with the default fdd only). */
  recorded?: string[];
  /** The analysis itself and its files' text (by file index; none for a lineage JSON): the HTML pages draw it. */
  graph?: LineageGraph;
  sources?: readonly (string | null)[];
}

function uniqueFlows(gg: GateGraph, types: Set<string> | undefined): Map<string, GateFlow> {
  const m = new Map<string, GateFlow>();
  // Join pairs are compared columns, not lineage: reads for the gate, not flows for the diff.
  for (const f of gg.flows) if (!m.has(f.id) && f.type !== 'join' && (!types || types.has(f.type))) m.set(f.id, f);
  return m;
}

/** Flows are compared in the relation types both sides recorded. */
function commonTypes(base: GateSide, head: GateSide): Set<string> | undefined {
  if (!base.recorded && !head.recorded) return undefined;
  const b = new Set(base.recorded ?? ['fdd', 'fdr', 'join', 'frd']);
  return new Set((head.recorded ?? ['fdd', 'fdr', 'join', 'frd']).filter((t) => b.has(t)));
}

function pairKey(f: GateFlow): string {
  return `${f.source.key} -> ${f.target.key}`;
}

const isData = (c: GateColumn) => c.objectType === 'table' || c.objectType === 'view';

export function diffSides(base: GateSide, head: GateSide): DiffResult {
  const types = commonTypes(base, head);
  const b = uniqueFlows(base.gg, types);
  const h = uniqueFlows(head.gg, types);
  const added = [...h.values()].filter((f) => !b.has(f.id));
  const removed = [...b.values()].filter((f) => !h.has(f.id));
  // A pair present on both sides with another type or effect is "changed", not added + removed.
  const basePairs = new Map<string, GateFlow>();
  for (const f of removed) if (!basePairs.has(pairKey(f))) basePairs.set(pairKey(f), f);
  const headPairs = new Set(added.map(pairKey));
  const changed: DiffResult['flowsChanged'] = [];
  const changedPairs = new Set<string>();
  for (const f of added) {
    const old = basePairs.get(pairKey(f));
    if (old && !changedPairs.has(pairKey(f))) {
      changed.push({ base: old, head: f });
      changedPairs.add(pairKey(f));
    }
  }
  const objectsAdded = [...head.gg.objects.values()].filter((o) => isData(o) && !base.gg.objects.has(o.objectKey));
  const objectsRemoved = [...base.gg.objects.values()].filter((o) => isData(o) && !head.gg.objects.has(o.objectKey));
  // Columns still there that had incoming flows and have none now.
  // A column's sources are its direct (fdd) flows; RelationRows is fed by filters, not sources.
  const targets = (m: Map<string, GateFlow>) => new Set([...m.values()].filter((f) => f.type === 'fdd' && f.target.column !== 'RelationRows').map((f) => f.target.key));
  const headTargets = targets(h);
  const sourcesLost = [...targets(b)]
    .filter((k) => !headTargets.has(k) && head.gg.columns.has(k))
    .map((k) => head.gg.columns.get(k)!)
    .filter(isData);
  return {
    objectsAdded: sortColumns(objectsAdded),
    objectsRemoved: sortColumns(objectsRemoved),
    flowsAdded: sortFlows(added.filter((f) => !changedPairs.has(pairKey(f)))),
    flowsRemoved: sortFlows(removed.filter((f) => !changedPairs.has(pairKey(f)) || !headPairs.has(pairKey(f)))).map((f) => {
      const at = head.gg.in.get(f.target.key)?.find((x) => x.statement?.loc)?.statement?.loc;
      return at ? { ...f, headLoc: at } : f;
    }),
    flowsChanged: changed.sort((x, y) => (x.head.id < y.head.id ? -1 : 1)),
    sourcesLost: sortColumns(sourcesLost),
    unknownReads: newDiagnostics(base.diagnostics, head.diagnostics, (d) => d.code === 'UnknownColumn').map((d) => diagnosticFinding(d, 'unknown-column', 'warning')),
  };
}

/**
 * Head diagnostics matching `pick` that the base does not have, by kind and message (not position,
 * not path: a diff may compare two files), counted: a second identical one in the head is new.
 */
export function newDiagnostics(base: Diagnostic[], head: Diagnostic[], pick: (d: Diagnostic) => boolean): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.code ?? ''}|${d.message}`;
  const counts = new Map<string, number>();
  for (const d of base) if (pick(d)) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
  const out: Diagnostic[] = [];
  for (const d of head) {
    if (!pick(d)) continue;
    const n = counts.get(key(d)) ?? 0;
    if (n > 0) counts.set(key(d), n - 1);
    else out.push(d);
  }
  return out;
}

export function diagnosticFinding(d: Diagnostic, rule: Finding['rule'], severity: Finding['severity']): Finding {
  const f: Finding = { rule, severity, message: d.message, fingerprint: `${rule}|${d.file ?? ''}|${d.message}` };
  if (d.file !== undefined && d.line !== undefined) f.loc = { file: d.file, line: d.line, col: d.col ?? 1 };
  else if (d.file !== undefined) f.loc = { file: d.file, line: 1, col: 1 };
  return f;
}

export function isEmptyDiff(d: DiffResult): boolean {
  return d.objectsAdded.length + d.objectsRemoved.length + d.flowsAdded.length + d.flowsRemoved.length + d.flowsChanged.length + d.sourcesLost.length + d.unknownReads.length === 0;
}
