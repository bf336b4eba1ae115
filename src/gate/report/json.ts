/** `-f json`: the whole report, pretty-printed, keys in a fixed order. */
import type { GateFlow, GateReport, Hop } from '../model.js';
import { columnName } from '../graph.js';
import { chainOf } from '../impact.js';
import { countFindings } from './common.js';

function flow(f: GateFlow): Record<string, unknown> {
  const out: Record<string, unknown> = { id: f.id, source: columnName(f.source), target: columnName(f.target), type: f.type, effect: f.effect };
  if (f.ref) out.ref = f.ref;
  if (f.statement) out.statement = f.statement;
  return out;
}

function hop(h: Hop): Record<string, unknown> {
  return h.via ? { column: columnName(h.column), via: flow(h.via) } : { column: columnName(h.column) };
}

export function toJson(r: GateReport): Record<string, unknown> {
  const out: Record<string, unknown> = { command: r.command, passed: r.passed, summary: { ...countFindings(r.findings), baselined: r.baselined }, findings: r.findings };
  if (r.impact) {
    out.impact = {
      direction: r.impact.direction,
      entries: r.impact.entries.map((e) => ({
        seed: columnName(e.seed),
        ...(e.change ? { change: e.change } : {}),
        reads: e.reads.map(flow),
        impacted: e.impacted.map((i) => ({ column: columnName(i.column), objectType: i.column.objectType, depth: i.depth, chain: chainOf(i).map(hop) })),
      })),
      unmatched: r.impact.unmatched,
    };
  }
  if (r.diff) {
    const d = r.diff;
    out.diff = {
      objectsAdded: d.objectsAdded.map((o) => ({ name: o.object, type: o.objectType, ...(o.loc ? { loc: o.loc } : {}) })),
      objectsRemoved: d.objectsRemoved.map((o) => ({ name: o.object, type: o.objectType })),
      flowsAdded: d.flowsAdded.map(flow),
      flowsRemoved: d.flowsRemoved.map(flow),
      flowsChanged: d.flowsChanged.map((c) => ({ base: flow(c.base), head: flow(c.head) })),
      sourcesLost: d.sourcesLost.map(columnName),
      unknownReads: d.unknownReads,
    };
  }
  return out;
}

export function* writeJsonReport(r: GateReport): Generator<string> {
  yield `${JSON.stringify(toJson(r), null, 2)}\n`;
}
