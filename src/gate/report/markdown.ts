/**
 * `-f markdown`: a pull-request comment: verdict, a table of findings, and a Mermaid flowchart of
 * the impacted lineage (or of the flows added and removed), which GitHub and GitLab render.
 */
import { columnName } from '../graph.js';
import type { GateFlow, GateReport } from '../model.js';
import { countFindings, locText, oneLine, summaryText } from './common.js';

/** At most this many edges in the diagram (a comment must stay readable). */
const MAX_EDGES = 60;

function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}

function label(text: string): string {
  return text.replace(/"/g, '#quot;');
}

interface Diagram {
  nodes: Map<string, string>;
  edges: string[];
  seen: Set<string>;
  truncated: number;
}

function node(d: Diagram, name: string, cls?: string): string {
  let id = d.nodes.get(name);
  if (!id) {
    id = `n${d.nodes.size}`;
    d.nodes.set(name, id);
  }
  return cls ? `${id}:::${cls}` : id;
}

function edge(d: Diagram, from: string, to: string, arrow: string, fromCls?: string): void {
  const key = `${from}|${arrow}|${to}`;
  if (d.seen.has(key)) return;
  d.seen.add(key);
  if (d.edges.length >= MAX_EDGES) {
    d.truncated++;
    return;
  }
  d.edges.push(`  ${node(d, from, fromCls)} ${arrow} ${node(d, to)}`);
}

function diagram(r: GateReport): Diagram {
  const d: Diagram = { nodes: new Map(), edges: [], seen: new Set(), truncated: 0 };
  for (const e of r.impact?.entries ?? []) {
    if (e.impacted.length === 0 && e.reads.length === 0) continue;
    for (const f of e.reads) edge(d, columnName(e.seed), columnName(f.target), '-->', 'changed');
    // Each impacted column adds the hop that reached it: the union is every chain.
    for (const i of e.impacted) edge(d, columnName(i.parent?.column ?? e.seed), columnName(i.column), '-->', i.depth === 1 ? 'changed' : undefined);
  }
  if (r.diff && r.command === 'diff') {
    const flows = (list: GateFlow[], arrow: string) => list.forEach((f) => edge(d, columnName(f.source), columnName(f.target), arrow));
    flows(r.diff.flowsAdded, '-- added -->');
    flows(r.diff.flowsRemoved, '-. removed .->');
  }
  return d;
}

export function* writeMarkdown(r: GateReport): Generator<string> {
  const c = countFindings(r.findings);
  yield `## ${summaryText(r)}\n\n`;
  if (r.findings.length === 0) yield r.command === 'check' ? 'No violations.\n' : 'Nothing to report.\n';
  else {
    yield '| severity | location | rule | message |\n|---|---|---|---|\n';
    for (const f of r.findings) yield `| ${f.severity} | \`${cell(locText(f.loc))}\` | ${f.rule} | ${cell(f.message)} |\n`;
  }
  if (r.page !== undefined) {
    const what = r.command === 'impact' ? 'the impacted lineage, seeds selected' : 'the lineage with added edges green and removed ones red';
    yield `\n**Interactive diagram:** [${cell(r.page)}](${encodeURI(r.page).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}) (${what}; one self-contained HTML file).\n`;
  }
  if (r.diff && r.command === 'diff') {
    const d = r.diff;
    yield `\n**Diff:** ${d.objectsAdded.length} objects added, ${d.objectsRemoved.length} removed; ${d.flowsAdded.length} column flows added, ${d.flowsRemoved.length} removed, ${d.flowsChanged.length} changed; ${d.sourcesLost.length} columns lost all their sources.\n`;
  }
  const g = diagram(r);
  if (g.edges.length > 0) {
    yield `\n### ${r.command === 'diff' ? 'Changed lineage' : 'Impacted lineage'}\n\n\`\`\`mermaid\nflowchart LR\n`;
    for (const [name, id] of g.nodes) yield `  ${id}["${label(name)}"]\n`;
    for (const e of g.edges) yield `${e}\n`;
    yield '  classDef changed fill:#fdd,stroke:#c00\n```\n';
    if (g.truncated > 0) yield `\n(${g.truncated} more edges not drawn)\n`;
  }
  void c;
}
