/** Bodies of `impact`, `diff` and `check` (see gate.ts), loaded only when one of them runs. */
import { dirname, relative, resolve, sep } from 'node:path';
import { plural, type Diagnostic } from '../diagnostics/diagnostic.js';
import { applyBaseline, readBaseline, writeBaselineFile } from '../gate/baseline.js';
import { runCheck as checkSides, sortFindings, toGateChange, type CheckSide } from '../gate/check.js';
import { loadConfig, type GateConfig } from '../gate/config.js';
import { diffSides } from '../gate/diff.js';
import { checkoutRef, GitError, type RefCheckout } from '../gate/git.js';
import { columnIdsByKey, columnName, statementText } from '../gate/graph.js';
import { chainOf, chainText, describe, impactResult } from '../gate/impact.js';
import { loadSide, type LoadDeps } from '../gate/load.js';
import type { DiffResult, Finding, GateChange, GateFlow, GateReport, ImpactResult } from '../gate/model.js';
import { renderReport } from '../gate/report/index.js';
import { DEFAULT_ANALYZE_OPTIONS, type AnalyzeOptions } from '../options.js';
import { EXIT, stdoutChunks, type CliDeps } from './deps.js';
import { countBytes, pageSizeLine } from './report.js';
import { checkSchemaFiles as missingSchemaFiles } from './run.js';
import { printDiagnostics, UsageProblem, usageProblem, type CommonRaw, type CheckRaw, type ImpactRaw, type SidesRaw } from './gate.js';

function cwdOf(deps: CliDeps): string {
  return deps.cwd ?? process.cwd();
}

async function context(raw: CommonRaw, deps: CliDeps): Promise<{ config: GateConfig; options: Partial<AnalyzeOptions>; load: LoadDeps }> {
  const loaded = await loadConfig(cwdOf(deps), raw.config);
  if (loaded.problems.length > 0) throw usageProblem(deps, raw, loaded.problems);
  const config = loaded.config;
  const options: Partial<AnalyzeOptions> = { ...DEFAULT_ANALYZE_OPTIONS, ...config.options };
  options.vendor = raw.vendor ?? options.vendor;
  options.schemaFiles = [...(config.schema ?? []), ...(raw.schema ?? [])];
  // Relative to the working directory the command runs in (tests and the server give one).
  if (deps.cwd !== undefined) options.schemaFiles = options.schemaFiles.map((p) => resolve(deps.cwd!, p));
  if (raw.defaultDatabase !== undefined) options.defaultDatabase = raw.defaultDatabase;
  if (raw.defaultSchema !== undefined) options.defaultSchema = raw.defaultSchema;
  const engine = await deps.loadEngine();
  const load: LoadDeps = { readInputs: deps.readInputs, analyze: (files, o) => engine.analyze(files, o) };
  if (config.vendors.length > 0) {
    const cwd = cwdOf(deps);
    load.vendorOf = (path) => config.vendors.find((r) => r.match(resolve(cwd, path)))?.vendor;
  }
  return { config, options, load };
}

async function checkSchemaFiles(raw: CommonRaw, deps: CliDeps, paths: string[]): Promise<void> {
  const problems = await missingSchemaFiles(paths);
  if (problems.length > 0) throw usageProblem(deps, raw, problems);
}

/** Schema problems (invalid JSON/DDL, wrong shape) are bad usage: exit 2 naming the file. */
function schemaErrors(side: CheckSide | undefined): Diagnostic[] {
  return (side?.diagnostics ?? []).filter((d) => d.code === 'SchemaInvalid');
}

/**
 * The report on stdout or -o; `-f html` is the run's lineage page instead of a report, `--html
 * FILE` writes that page as well and the report links to it (relative to the report's folder).
 */
async function output(raw: CommonRaw, deps: CliDeps, report: GateReport, page: () => Iterable<string>): Promise<void> {
  const toFile = raw.output !== undefined && raw.output !== '-';
  if (raw.html !== undefined) {
    await write(deps, raw.html, resolve(cwdOf(deps), raw.html), page(), raw.quiet !== true);
    const from = toFile ? dirname(resolve(cwdOf(deps), raw.output!)) : cwdOf(deps);
    report.page = relative(from, resolve(cwdOf(deps), raw.html)).split(sep).join('/');
  }
  if (raw.format === 'html') {
    if (toFile) await write(deps, raw.output!, raw.output!, page(), raw.quiet !== true);
    else await stdoutChunks(deps, page());
    return;
  }
  const text = await renderReport(report, raw.format, deps.version);
  if (!toFile) deps.stdout(text);
  else await write(deps, raw.output!, raw.output!, [text]);
}

/** A file that cannot be written (no such folder, no permission) is bad usage, exit 2. A page says its size. */
async function write(deps: CliDeps, shown: string, path: string, chunks: Iterable<string>, page = false): Promise<void> {
  const total = { bytes: 0 };
  try {
    await deps.writeOutput(path, countBytes(chunks, total));
  } catch (err) {
    throw new UsageProblem([`${shown}: error: cannot write output: ${(err as Error).message}`]);
  }
  if (page) deps.stderr(`${pageSizeLine(shown, total.bytes)}\n`);
}

/** The pages, loaded only when one is asked for (the viewer's bundle is large). */
async function pages(): Promise<typeof import('../viewer/pages.js')> {
  return import('../viewer/pages.js');
}

function impactPage(v: typeof import('../viewer/pages.js'), side: CheckSide, result: ImpactResult, types: AnalyzeOptions['relationTypes']): Iterable<string> {
  const ids = columnIdsByKey(side.graph!);
  const seeds = [...new Set(result.entries.flatMap((e) => ids.get(e.seed.key) ?? []))];
  const caption = `impact ${result.direction} of ${result.entries.map((e) => columnName(e.seed)).join(', ')}: ${result.entries.reduce((n, e) => n + e.impacted.length, 0)} columns reached`;
  return v.writeImpactHtml(side.graph!, seeds, { sources: side.sources ?? [], types, caption });
}

function diffPage(v: typeof import('../viewer/pages.js'), sides: Sides, lead?: string): Iterable<string> {
  return v.writeDiffHtml(sides.base.graph!, sides.head.graph!, { baseSources: sides.base.sources ?? [], headSources: sides.head.sources ?? [], ...(lead !== undefined ? { lead } : {}) });
}

/** Whether the run writes a page (then the viewer is loaded). */
function wantsPage(raw: CommonRaw): boolean {
  return raw.format === 'html' || raw.html !== undefined;
}


function locKey(f: GateFlow): string {
  const l = f.ref ?? f.statement?.loc;
  return l ? `${l.file}:${l.line}:${l.col}` : '';
}

function noteAt(f: GateFlow | undefined, rule: Finding['rule'], severity: Finding['severity'], message: string, chain?: string[]): Finding {
  const out: Finding = { rule, severity, message, fingerprint: `${rule}|${message}` };
  const loc = f?.ref ?? f?.statement?.loc;
  if (loc) out.loc = loc;
  if (chain) out.chain = chain;
  return out;
}

// ---------------------------------------------------------------------------------- impact

export function impactFindings(r: ImpactResult): Finding[] {
  const out: Finding[] = [];
  for (const e of r.entries) {
    const seed = columnName(e.seed);
    const why = e.change ? ` (${describe(e.change)})` : '';
    const readAt = new Set<string>();
    for (const f of e.reads) {
      readAt.add(`${f.target.key}@${locKey(f)}`);
      out.push(noteAt(f, 'column-read', 'note', `${statementText(f)} reads ${seed}${why} into ${columnName(f.target)}`, [seed, columnName(f.target)]));
    }
    for (const i of e.impacted) {
      const chain = chainOf(i);
      const last = chain[chain.length - 1]!;
      if (i.depth === 1 && last.via && readAt.has(`${i.column.key}@${locKey(last.via)}`)) continue;
      const msg = r.direction === 'downstream' ? `${columnName(i.column)} depends on ${seed}${why}, ${i.depth} hop${i.depth === 1 ? '' : 's'}: ${chainText(chain)}` : `${columnName(i.column)} feeds ${seed}, ${i.depth} hop${i.depth === 1 ? '' : 's'}: ${chainText([...chain].reverse())}`;
      out.push(noteAt(last.via, 'impacted-downstream', 'note', msg, chain.map((h) => columnName(h.column))));
    }
  }
  return sortFindings(out);
}

export async function runImpact(inputs: string[], raw: CommonRaw & ImpactRaw, deps: CliDeps): Promise<number> {
  const { config, options, load } = await context(raw, deps);
  const specs = inputs.length > 0 ? inputs : config.paths;
  if (specs.length === 0) throw new UsageProblem(["sqlflow: error: no input: give files, directories, glob patterns, .zip archives or '-' for stdin"]);
  if ((raw.column ?? []).length + (raw.table ?? []).length + (raw.changes ?? []).length === 0) {
    throw new UsageProblem(['sqlflow: error: nothing to start from: give --column, --table or --changes']);
  }
  await checkSchemaFiles(raw, deps, options.schemaFiles ?? []);
  const read = { cwd: cwdOf(deps), ...(specs.includes('-') ? { stdin: deps.stdin() } : {}) };
  const side = await loadSide('impact', specs, options, load, read);
  if (side.fatal || !side.side) throw usageProblem(deps, raw, side.diagnostics);
  if (schemaErrors(side.side).length > 0) throw usageProblem(deps, raw, schemaErrors(side.side));
  const changes: GateChange[] = [];
  const notes: Diagnostic[] = [...side.diagnostics];
  for (const file of raw.changes ?? []) {
    const migration = await loadSide('--changes', [file], options, load, { cwd: cwdOf(deps) });
    if (migration.fatal || !migration.side) throw usageProblem(deps, raw, migration.diagnostics);
    if (migration.side.changes.length === 0) notes.push({ severity: 'warning', code: 'NoSchemaChange', file, message: 'no schema change (ALTER TABLE ... COLUMN, DROP TABLE/VIEW, RENAME, sp_rename) in this file' });
    changes.push(...migration.side.changes.map(toGateChange));
  }
  const result = impactResult(side.side.gg, { columns: raw.column ?? [], tables: raw.table ?? [], changes }, {
    direction: raw.upstream ? 'upstream' : 'downstream',
    relationTypes: raw.relationTypes,
    ...(raw.depth !== undefined ? { depth: raw.depth } : {}),
  });
  for (const u of result.unmatched) notes.push({ severity: 'warning', code: 'UnmatchedPattern', message: `${u} matches no column of the analysis` });
  printDiagnostics(deps, raw, notes);
  if (result.entries.length === 0 && (raw.column ?? []).length + (raw.table ?? []).length > 0 && changes.length === 0) {
    throw new UsageProblem(['sqlflow: error: the --column/--table patterns match no column of the inputs']);
  }
  const v = wantsPage(raw) ? await pages() : undefined;
  await output(raw, deps, { command: 'impact', findings: impactFindings(result), impact: result, baselined: 0, passed: true }, () => impactPage(v!, side.side!, result, raw.relationTypes));
  return EXIT.ok;
}

// ---------------------------------------------------------------------------------- diff, check

interface Sides {
  base: CheckSide;
  head: CheckSide;
}

async function loadSides(paths: string[], raw: CommonRaw & SidesRaw, deps: CliDeps): Promise<Sides> {
  const { config, options, load } = await context(raw, deps);
  await checkSchemaFiles(raw, deps, options.schemaFiles ?? []);
  const cwd = cwdOf(deps);
  const notes: Diagnostic[] = [];
  let base;
  let head;
  let checkout: RefCheckout | undefined;
  try {
    if (raw.baseRef !== undefined) {
      if (raw.base !== undefined) throw new UsageProblem(['sqlflow: error: give --base or --base-ref, not both']);
      const specs = paths.length > 0 ? paths : config.paths.length > 0 ? config.paths : ['.'];
      try {
        checkout = await checkoutRef(raw.baseRef, specs, cwd);
      } catch (err) {
        if (err instanceof GitError) throw new UsageProblem([`sqlflow: error: ${err.message}`]);
        throw err;
      }
      // At the base revision a path may not exist yet (everything is new): not an error.
      base = await loadSide(`base (${raw.baseRef})`, specs, options, load, { cwd: checkout.cwd }, true);
      if (base.fatal && base.diagnostics.every((d) => d.message === 'no such file or directory')) base = { ...base, fatal: false, diagnostics: [] };
      head = await loadSide('head', raw.head ?? specs, options, load, { cwd });
      if (base.side === undefined && !base.fatal) base = await loadSide('base', [], options, load, { cwd: checkout.cwd }, true);
    } else {
      if (raw.base === undefined || raw.head === undefined) {
        throw new UsageProblem(['sqlflow: error: give --base and --head, or --base-ref REV [paths...]']);
      }
      if (paths.length > 0) throw new UsageProblem([`sqlflow: error: unexpected paths ${paths.join(' ')} (paths go with --base-ref; use --base/--head)`]);
      base = await loadSide('base', raw.base, options, load, { cwd });
      head = await loadSide('head', raw.head, options, load, { cwd });
    }
  } finally {
    await checkout?.dispose();
  }
  if (base.fatal || head.fatal || !base.side || !head.side) throw usageProblem(deps, raw, [...base.diagnostics, ...head.diagnostics]);
  const schema = [...schemaErrors(head.side)];
  if (schema.length > 0) throw usageProblem(deps, raw, schema);
  notes.push(...base.diagnostics.filter((d) => d.severity !== 'note'), ...head.diagnostics);
  printDiagnostics(deps, raw, notes);
  return { base: base.side, head: head.side };
}

export function diffFindings(d: DiffResult): Finding[] {
  const out: Finding[] = [];
  const flow = (f: GateFlow) => `${columnName(f.source)} -> ${columnName(f.target)} (${f.type}, ${f.effect})`;
  for (const o of d.objectsAdded) out.push({ rule: 'object-added', severity: 'note', message: `${o.objectType} ${o.object} added`, fingerprint: `object-added|${o.objectKey}`, ...(o.loc ? { loc: o.loc } : {}) });
  for (const o of d.objectsRemoved) out.push({ rule: 'object-removed', severity: 'note', message: `${o.objectType} ${o.object} removed`, fingerprint: `object-removed|${o.objectKey}` });
  for (const f of d.flowsAdded) out.push(noteAt(f, 'flow-added', 'note', `flow added: ${flow(f)} in ${statementText(f)}`));
  for (const f of d.flowsRemoved) {
    const was = f.ref ? ` (base ${f.ref.file}:${f.ref.line}:${f.ref.col})` : '';
    const removed: Finding = { rule: 'flow-removed', severity: 'note', message: `flow removed: ${flow(f)}${was}`, fingerprint: `flow-removed|${f.id}` };
    if (f.headLoc) removed.loc = f.headLoc;
    out.push(removed);
  }
  for (const c of d.flowsChanged) out.push(noteAt(c.head, 'flow-changed', 'note', `flow changed: ${columnName(c.head.source)} -> ${columnName(c.head.target)} was ${c.base.type}/${c.base.effect}, now ${c.head.type}/${c.head.effect}`));
  for (const c of d.sourcesLost) out.push({ rule: 'lineage-lost', severity: 'warning', message: `${columnName(c)} lost all its sources`, fingerprint: `lineage-lost|${c.key}`, ...(c.loc ? { loc: c.loc } : {}) });
  out.push(...d.unknownReads);
  return sortFindings(out);
}

export async function runDiff(paths: string[], raw: CommonRaw & SidesRaw, deps: CliDeps): Promise<number> {
  const sides = await loadSides(paths, raw, deps);
  const diff = diffSides(sides.base, sides.head);
  const v = wantsPage(raw) ? await pages() : undefined;
  await output(raw, deps, { command: 'diff', findings: diffFindings(diff), diff, baselined: 0, passed: true }, () => diffPage(v!, sides));
  return EXIT.ok;
}

export async function runCheck(paths: string[], raw: CommonRaw & SidesRaw & CheckRaw, deps: CliDeps): Promise<number> {
  const { config } = await context(raw, deps);
  const sides = await loadSides(paths, raw, deps);
  const result = checkSides(sides.base, sides.head);
  const v = wantsPage(raw) ? await pages() : undefined;
  const baselinePath = raw.baseline ?? config.baseline ?? (raw.writeBaseline ? '.sqlflow-baseline.json' : undefined);
  if (raw.writeBaseline) {
    await writeBaselineFile(resolve(cwdOf(deps), baselinePath!), result.findings, deps.writeOutput);
    deps.stderr(`sqlflow: wrote ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} to the baseline ${baselinePath}\n`);
    await output(raw, deps, { command: 'check', findings: result.findings, diff: result.diff, impact: result.impact, baselined: 0, passed: true }, () => diffPage(v!, sides));
    return EXIT.ok;
  }
  let findings = result.findings;
  let baselined = 0;
  if (baselinePath !== undefined) {
    const known = await readBaseline(resolve(cwdOf(deps), baselinePath));
    if (known.problem) {
      // A baseline named on the command line must exist; one from the config may not exist yet.
      if (raw.baseline !== undefined || known.problem !== 'not found') throw new UsageProblem([`${baselinePath}: error: ${known.problem}`]);
    } else {
      const applied = applyBaseline(findings, known.fingerprints);
      findings = applied.findings;
      baselined = applied.baselined;
    }
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const failOn = raw.failOn ?? config.failOn ?? 'error';
  const maxWarnings = raw.maxWarnings ?? config.maxWarnings;
  const failed = errors > 0 || (failOn === 'warning' && warnings > 0) || (maxWarnings !== undefined && warnings > maxWarnings);
  const verdict = `check ${failed ? 'FAILED' : 'passed'}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  await output(raw, deps, { command: 'check', findings, diff: result.diff, impact: result.impact, baselined, passed: !failed }, () => diffPage(v!, sides, verdict));
  if (maxWarnings !== undefined && warnings > maxWarnings) deps.stderr(`sqlflow: ${plural(warnings, 'warning')}, more than --max-warnings ${maxWarnings}\n`);
  return failed ? EXIT.failed : EXIT.ok;
}
