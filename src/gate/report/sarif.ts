/**
 * `-f sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps), built with
 * node-sarif-builder (loaded only for this format). One rule per finding kind; URIs are the paths
 * as given, with forward slashes.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Finding, GateReport, RuleId } from '../model.js';

/** What a SARIF result needs: a finding of the gate, or an analysis diagnostic. */
type Item = Omit<Finding, 'rule'> & { rule: string };

const RULES: Record<RuleId, string> = {
  'removed-column-read': 'A statement reads a column that the change drops or that the schema no longer declares',
  'renamed-column-read': 'A statement reads a column under the name the change renames',
  'dropped-table-read': 'A statement reads a table or view that the change drops or renames',
  'retyped-column-read': 'A statement reads a column whose type the change alters',
  'impacted-downstream': 'A statement reads a column whose lineage comes from a changed column',
  'lineage-lost': 'A column lost all of its sources',
  'new-parse-error': 'A statement that no longer parses or resolves',
  'unknown-column': 'A qualified reference to a column that the known table lacks',
  'column-read': 'A statement reads the column',
  'object-added': 'A table or view appears',
  'object-removed': 'A table or view disappears',
  'flow-added': 'A column flow appears',
  'flow-removed': 'A column flow disappears',
  'flow-changed': 'A column flow changes its relation type or effect',
};

export async function writeSarif(r: GateReport, version: string): Promise<string> {
  return sarifLog(r.findings, (id) => RULES[id as RuleId] ?? id, version);
}

/** Analysis diagnostics (`analyze --diagnostics-format sarif`): the rule is the SQLFlow errorType. */
export async function diagnosticsSarif(diagnostics: Diagnostic[], version: string): Promise<string> {
  const items: Item[] = diagnostics.map((d) => {
    const item: Item = { rule: d.code ?? 'sqlflow', severity: d.severity, message: d.message, fingerprint: `${d.code ?? ''}|${d.file ?? ''}|${d.message}` };
    if (d.file !== undefined) item.loc = { file: d.file, line: d.line ?? 1, col: d.col ?? 1 };
    return item;
  });
  return sarifLog(items, (id) => `sqlflow ${id}`, version);
}

async function sarifLog(findings: Item[], describeRule: (id: string) => string, version: string): Promise<string> {
  const { SarifBuilder, SarifRunBuilder, SarifRuleBuilder, SarifResultBuilder } = await import('node-sarif-builder');
  const builder = new SarifBuilder();
  const run = new SarifRunBuilder().initSimple({ toolDriverName: 'sqlflow', toolDriverVersion: version });
  const used = [...new Set(findings.map((f) => f.rule))].sort();
  for (const id of used) run.addRule(new SarifRuleBuilder().initSimple({ ruleId: id, shortDescriptionText: describeRule(id) }));
  for (const f of findings) {
    const opts: Parameters<InstanceType<typeof SarifResultBuilder>['initSimple']>[0] = { level: f.severity, messageText: f.message, ruleId: f.rule };
    if (f.loc) {
      opts.fileUri = encodeURI(f.loc.file.split('\\').join('/'));
      opts.startLine = f.loc.line;
      opts.startColumn = f.loc.col;
      if (f.loc.endLine !== undefined && f.loc.endCol !== undefined) {
        opts.endLine = f.loc.endLine;
        opts.endColumn = f.loc.endCol;
      }
    }
    const result = new SarifResultBuilder().initSimple(opts);
    result.result.partialFingerprints = { 'sqlflow/v1': f.fingerprint };
    run.addResult(result);
  }
  builder.addRun(run);
  return `${builder.buildSarifJsonString({ indent: true })}\n`;
}
