/**
 * `-f sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps), built with
 * node-sarif-builder (loaded only for this format). One rule per finding kind; URIs are the paths
 * as given, with forward slashes.
 */
import type { Finding, GateReport, RuleId } from '../model.js';

const RULES: Record<RuleId, string> = {
  'removed-column-read': 'A statement reads a column that the change drops or that the schema no longer declares',
  'renamed-column-read': 'A statement reads a column under the name the change renames',
  'dropped-table-read': 'A statement reads a table or view that the change drops or renames',
  'retyped-column-read': 'A statement reads a column whose type the change alters',
  'impacted-downstream': 'A statement reads a column whose lineage comes from a changed column',
  'lineage-lost': 'A column lost all of its sources',
  'new-parse-error': 'A statement that no longer parses or resolves',
  'unknown-column': 'A qualified reference to a column that the known table lacks',
};

function level(f: Finding): 'error' | 'warning' | 'note' {
  return f.severity;
}

export async function writeSarif(r: GateReport, version: string): Promise<string> {
  const { SarifBuilder, SarifRunBuilder, SarifRuleBuilder, SarifResultBuilder } = await import('node-sarif-builder');
  const builder = new SarifBuilder();
  const run = new SarifRunBuilder().initSimple({ toolDriverName: 'sqlflow', toolDriverVersion: version });
  const used = [...new Set(r.findings.map((f) => f.rule))].sort();
  for (const id of used) run.addRule(new SarifRuleBuilder().initSimple({ ruleId: id, shortDescriptionText: RULES[id] }));
  for (const f of r.findings) {
    const opts: Parameters<InstanceType<typeof SarifResultBuilder>['initSimple']>[0] = { level: level(f), messageText: f.message, ruleId: f.rule };
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
