/**
 * `check`: the CI gate = diff + impact + policy.
 *
 * - The changes: schema changes written in the head's migration SQL that the base does not have,
 *   and columns/tables the base's DDL declares and the head's no longer does (a DROP, an edited
 *   CREATE TABLE/VIEW, a deleted file).
 * - A dropped, renamed or removed column (or table) that a head statement still reads is an error
 *   at the reference; a type change is a warning there. A view column derived from it breaks with
 *   it (its readers are errors too); other downstream reads lose lineage (a warning).
 * - Columns that lose all their sources are warnings; statements that newly fail to parse are
 *   errors; qualified reads of columns a known table lacks (new in the head) are warnings.
 */
import type { KnownTable, SchemaChange } from '../api.js';
import { columnName, namesObject, statementText, type GateGraph } from './graph.js';
import { chainOf, changedColumns, describe, readsOf, sortFlows, walk } from './impact.js';
import { diagnosticFinding, diffSides, newDiagnostics, type GateSide } from './diff.js';
import type { DiffResult, Finding, GateChange, GateColumn, GateFlow, ImpactEntry, ImpactResult } from './model.js';

export interface CheckSide extends GateSide {
  changes: SchemaChange[];
  tables: KnownTable[];
}

export interface CheckResult {
  findings: Finding[];
  diff: DiffResult;
  impact: ImpactResult;
  changes: GateChange[];
}

function changeKey(c: { kind: string; table: string; column?: string; to?: string; type?: string }): string {
  return [c.kind, c.table, c.column ?? '', c.to ?? '', c.type ?? ''].join('|').toLowerCase();
}

export function toGateChange(c: SchemaChange): GateChange {
  const g: GateChange = { kind: c.kind, table: c.table };
  if (c.column !== undefined) g.column = c.column;
  if (c.to !== undefined) g.to = c.to;
  if (c.type !== undefined) g.type = c.type;
  if (c.file !== undefined && c.line !== undefined) g.loc = { file: c.file, line: c.line, col: c.col ?? 1 };
  return g;
}

/** Display name of a catalog key `db.schema.name` (empty parts dropped). */
function keyName(key: string): string {
  return key.split('.').filter((p) => p !== '').join('.');
}

/** The changes between base and head (see the module comment), explicit ones first. */
export function schemaChanges(base: CheckSide, head: CheckSide): GateChange[] {
  const baseKeys = new Set(base.changes.map(changeKey));
  const out: GateChange[] = [];
  const covered = new Set<string>();
  const cover = (table: string, column?: string) => covered.add(`${table}|${column ?? ''}`.toLowerCase());
  const isCovered = (table: string, column?: string) => covered.has(`${table}|${column ?? ''}`.toLowerCase()) || covered.has(`${table}|`.toLowerCase());
  for (const c of head.changes) {
    if (baseKeys.has(changeKey(c)) || c.kind === 'add_column') continue;
    out.push(toGateChange(c));
    cover(c.table, c.column);
  }
  const headTables = new Map(head.tables.map((t) => [t.key, t]));
  for (const t of base.tables) {
    const name = keyName(t.key);
    const h = headTables.get(t.key);
    if (!h) {
      if (!isCovered(name)) out.push({ kind: 'drop_table', table: name });
      continue;
    }
    const now = new Set(h.columns.map((c) => c.toLowerCase()));
    for (const c of t.columns) if (!now.has(c.toLowerCase()) && !isCovered(name, c)) out.push({ kind: 'drop_column', table: name, column: c });
  }
  return out;
}

const SEVERITY_OF: Record<GateChange['kind'], 'error' | 'warning'> = {
  drop_column: 'error', rename_column: 'error', drop_table: 'error', rename_table: 'error', retype_column: 'warning', add_column: 'warning',
};
const RULE_OF: Record<GateChange['kind'], Finding['rule']> = {
  drop_column: 'removed-column-read', rename_column: 'renamed-column-read', drop_table: 'dropped-table-read', rename_table: 'dropped-table-read',
  retype_column: 'retyped-column-read', add_column: 'retyped-column-read',
};

/** What the change does to a column read, as the end of a sentence. */
function consequence(c: GateChange): string {
  switch (c.kind) {
    case 'drop_column':
      return c.loc ? 'which is dropped' : 'which its table no longer declares';
    case 'rename_column':
      return `which is renamed to ${c.to}`;
    case 'retype_column':
      return `whose type changes to ${c.type}`;
    case 'drop_table':
      return c.loc ? `but ${c.table} is dropped` : `but ${c.table} is no longer declared`;
    case 'rename_table':
      return `but ${c.table} is renamed to ${c.to}`;
    default:
      return describe(c);
  }
}

function where(c: GateChange): string {
  return c.loc ? ` (${c.loc.file}:${c.loc.line}:${c.loc.col})` : '';
}

/** The findings of one change in the head graph; `entries` collects the impact for the reports. */
/** The pseudo table of columns no source could be found for (graph/model: resolve/context.ts). */
const ORPHANS = 'pseudo_table_include_orphan_column';

/**
 * Statements that read a column written without a qualifier after the change was applied: the
 * resolver found no table for it (an orphan), but the statement reads the changed table. Their
 * flows are returned as if they came from the changed column, so reads and walks see them.
 */
function orphanReads(gg: GateGraph, seed: GateColumn): GateFlow[] {
  const flows = gg.out.get(`${ORPHANS}.${seed.column.toLowerCase()}`) ?? [];
  if (flows.length === 0) return [];
  const readsTable = new Set<string>();
  const at = (f: GateFlow) => (f.statement?.loc ? `${f.statement.loc.file}:${f.statement.loc.line}:${f.statement.loc.col}` : '');
  for (const f of gg.flows) if (f.source.objectKey === seed.objectKey) readsTable.add(at(f));
  return flows.filter((f) => at(f) !== '' && readsTable.has(at(f))).map((f) => ({ ...f, source: seed }));
}

/** The changed columns in the head; a dropped column no statement can name any more is made up from its table. */
function seedsOf(gg: GateGraph, change: GateChange): GateColumn[] {
  const found = changedColumns(gg, change);
  if (found.length > 0 || change.column === undefined) return found;
  const tables = [...gg.objects.values()].filter((o) => (o.objectType === 'table' || o.objectType === 'view') && namesObject(change.table, o.objectKey));
  return tables.map((t) => ({ key: `${t.objectKey}.${change.column!.toLowerCase()}`, object: t.object, objectKey: t.objectKey, objectType: t.objectType, column: change.column! }));
}

/** The head graph with the orphan reads of `seed` as flows from it (a shallow copy when there are any). */
function withOrphans(gg: GateGraph, seed: GateColumn): GateGraph {
  const extra = orphanReads(gg, seed);
  if (extra.length === 0) return gg;
  const out = new Map(gg.out);
  out.set(seed.key, [...(gg.out.get(seed.key) ?? []), ...extra]);
  return { ...gg, out };
}

function changeFindings(head: CheckSide, change: GateChange, entries: ImpactEntry[]): Finding[] {
  const out: Finding[] = [];
  const severity = SEVERITY_OF[change.kind];
  const rule = RULE_OF[change.kind];
  for (const seed of seedsOf(head.gg, change)) {
    const gg = withOrphans(head.gg, seed);
    const reads = readsOf(gg, seed);
    const impacted = walk(gg, seed, { direction: 'downstream', relationTypes: ['fdd'] });
    entries.push({ seed, change, reads, impacted });
    if (seed.column === 'RelationRows' && reads.length === 0) continue;
    for (const f of reads) {
      const message = `${statementText(f)} reads ${columnName(seed)}, ${consequence(change)}${where(change)}`;
      out.push(finding(rule, severity, message, f, [columnName(seed), columnName(f.target)]));
    }
    // Downstream: view columns break with their source; other readers lose lineage.
    const broken = new Set<string>([seed.key]);
    for (const ic of impacted) {
      const prev = ic.parent ?? { column: seed };
      const isBroken = broken.has(prev.column.key) && ic.column.objectType === 'view';
      if (isBroken) broken.add(ic.column.key);
      if (ic.column.objectType !== 'table' && ic.column.objectType !== 'view') continue;
      const chain = chainOf(ic).map((h) => columnName(h.column));
      for (const f of readsOf(head.gg, ic.column)) {
        const sev = isBroken && severity === 'error' ? 'error' : 'warning';
        const r = isBroken && severity === 'error' ? rule : 'impacted-downstream';
        const what = isBroken ? `which breaks with ${columnName(seed)}` : `whose lineage from ${columnName(seed)} disappears`;
        out.push(finding(r, sev, `${statementText(f)} reads ${columnName(ic.column)}, ${what} (${describe(change)}; ${chain.join(' -> ')})`, f, [...chain, columnName(f.target)]));
      }
    }
  }
  return out;
}

function finding(rule: Finding['rule'], severity: Finding['severity'], message: string, f: GateFlow, chain: string[]): Finding {
  const out: Finding = { rule, severity, message, chain, fingerprint: `${rule}|${f.statement?.procedure ?? ''}|${f.source.key}|${f.target.key}|${message.replace(/\s\([^()]*:\d+:\d+\)/g, '')}` };
  const loc = f.ref ?? f.statement?.loc;
  if (loc) out.loc = loc;
  return out;
}

export function runCheck(base: CheckSide, head: CheckSide): CheckResult {
  const changes = schemaChanges(base, head);
  const entries: ImpactEntry[] = [];
  const findings: Finding[] = [];
  for (const c of changes) findings.push(...changeFindings(head, c, entries));
  const diff = diffSides(base, head);
  for (const c of diff.sourcesLost) {
    const flows = sortFlows(base.gg.in.get(c.key) ?? []);
    const sources = [...new Set(flows.map((f) => columnName(f.source)))].join(', ');
    const f: Finding = { rule: 'lineage-lost', severity: 'warning', message: `${columnName(c)} lost all its sources (was fed by ${sources})`, fingerprint: `lineage-lost|${c.key}` };
    if (c.loc) f.loc = c.loc;
    findings.push(f);
  }
  for (const d of newDiagnostics(base.diagnostics, head.diagnostics, (x) => x.severity === 'error')) {
    findings.push(diagnosticFinding(d, 'new-parse-error', 'error'));
  }
  // An unknown-column warning inside a reference already reported as an error says it twice.
  const errorsAt = findings.filter((f) => f.severity === 'error' && f.loc);
  const within = (u: Finding) => errorsAt.some((e) => e.loc!.file === u.loc?.file && e.loc!.line === u.loc.line && e.loc!.col <= u.loc.col && u.loc.col < (e.loc!.endCol ?? e.loc!.col + 1));
  findings.push(...diff.unknownReads.filter((u) => !within(u)));
  return { findings: dedupe(findings), diff, impact: { direction: 'downstream', entries, unmatched: [] }, changes };
}

/** The same finding at the same place once; in position order. */
export function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const k = `${f.rule}|${f.message}|${f.loc ? `${f.loc.file}:${f.loc.line}:${f.loc.col}` : ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return sortFindings(out);
}

export function sortFindings(findings: Finding[]): Finding[] {
  const rank = { error: 0, warning: 1, note: 2 };
  return [...findings].sort((a, b) => {
    const x = a.loc;
    const y = b.loc;
    if (x && y && x.file !== y.file) return x.file < y.file ? -1 : 1;
    if (x && y && (x.line !== y.line || x.col !== y.col)) return x.line - y.line || x.col - y.col;
    if (!!x !== !!y) return x ? -1 : 1;
    return rank[a.severity] - rank[b.severity] || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
  });
}
