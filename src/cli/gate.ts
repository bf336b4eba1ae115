/**
 * `sqlflow impact`, `sqlflow diff` and `sqlflow check`: thin shells over src/gate. The report goes
 * to stdout (or -o); input problems go to stderr. Exit codes: 0 pass, 1 violations (check), 2 bad
 * usage or unreadable/empty input, 70 internal.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AnalyzeOptions } from '../options.js';
import { EXIT, type CliDeps } from './deps.js';
import { collect, parsePositiveInt, parseRelationTypes, parseVendor, type AnalyzeConfig } from './options.js';
import { internalError } from './run.js';
import { makeChalk, colorLevel, renderDiagnostics } from './report.js';

const FORMATS = ['text', 'json', 'markdown', 'sarif', 'github', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface CommonRaw {
  vendor: string;
  format: Format;
  output?: string;
  html?: string;
  schema?: string[];
  defaultDatabase?: string;
  defaultSchema?: string;
  quiet?: boolean;
  color: boolean;
  config?: string | false;
}

function parseDepth(value: string): number {
  return parsePositiveInt(value);
}

function parseNonNegative(value: string): number {
  if (!/^\s*\d+\s*$/.test(value)) throw new InvalidArgumentError('expected a number (0 or more).');
  return Number(value);
}

/** Options every gating command takes. */
function addCommon(cmd: Command): Command {
  return cmd
    .addOption(new Option('-t, --vendor <v>', 'SQL dialect (default: the config file, else dbvansi)').argParser(parseVendor))
    .addOption(new Option('-f, --format <f>', 'report format (html: the interactive lineage page, see --html)').choices(FORMATS).default('text'))
    .option('-o, --output <path>', 'write the report to a file instead of stdout')
    .option('--html <file>', 'also write the lineage as an interactive HTML page (impact: the seeds selected; diff, check: added edges green, removed red); the markdown report links to it')
    .option('--schema <file>', 'known tables: DDL .sql or JSON {"db.schema.table": ["col", ...]}; repeatable', collect)
    .option('--default-database <d>', 'database of unqualified names')
    .option('--default-schema <s>', 'schema of unqualified names')
    .option('--config <file>', 'config file (default: sqlflow.config.json or package.json "sqlflow", found upward)')
    .option('--no-config', 'ignore config files')
    .option('--quiet', 'no input warnings on stderr')
    .option('--no-color', 'no colours in diagnostics');
}

/** Options of `diff` and `check`: the two sides. */
function addSides(cmd: Command): Command {
  return cmd
    .option('--base <input>', 'the base: SQL files, directories, globs, zips, or a lineage JSON of `analyze`; repeatable', collect)
    .option('--head <input>', 'the head, like --base (default: the paths given, read from the working tree)', collect)
    .option('--base-ref <rev>', 'read the paths at this git revision as the base (e.g. origin/main)');
}

export function registerGateCommands(program: Command, deps: CliDeps, setExit: (code: number) => void): void {
  const impact = program
    .command('impact')
    .description('what is downstream (or upstream) of columns, tables or migration changes')
    .argument('[inputs...]', 'SQL files, directories, glob patterns, .zip archives (the code that may be impacted)')
    .option('--column <pattern>', 'db.schema.table.column (`*` allowed); repeatable', collect)
    .option('--table <pattern>', 'a table or view (`*` allowed); repeatable', collect)
    .option('--changes <file...>', 'migration SQL: ALTER TABLE ... DROP/RENAME/ALTER COLUMN, DROP TABLE, RENAME, sp_rename')
    .option('--upstream', 'walk upstream (what feeds the columns) instead of downstream')
    .addOption(new Option('--depth <n>', 'at most this many hops').argParser(parseDepth))
    .addOption(new Option('--relation-types <list>', 'relation types to follow: fdd, fdr, join').default(['fdd'], 'fdd').argParser(parseRelationTypes));
  addCommon(impact).action(async (inputs: string[], raw: CommonRaw & ImpactRaw) => setExit(await guard(deps, () => runImpactCommand(inputs, raw, deps))));

  const diff = program
    .command('diff')
    .description('lineage added, removed and changed between a base and a head (content identity)')
    .argument('[paths...]', 'with --base-ref: the paths to compare (default: the config file, else .)');
  addCommon(addSides(diff)).action(async (paths: string[], raw: CommonRaw & SidesRaw) => setExit(await guard(deps, () => runDiffCommand(paths, raw, deps))));

  const check = program
    .command('check')
    .description('the CI gate: diff + impact + policy; exit 1 on violations')
    .argument('[paths...]', 'with --base-ref: the paths to check (default: the config file, else .)')
    .addOption(new Option('--fail-on <level>', 'fail on errors, or on warnings too').choices(['error', 'warning']).default('error'))
    .addOption(new Option('--max-warnings <n>', 'fail when there are more warnings than this').argParser(parseNonNegative))
    .option('--baseline <file>', 'known findings (written by --write-baseline): only new ones count')
    .option('--write-baseline', 'write the current findings to the --baseline file (default .sqlflow-baseline.json) and pass');
  addCommon(addSides(check)).action(async (paths: string[], raw: CommonRaw & SidesRaw & CheckRaw) => setExit(await guard(deps, () => runCheckCommand(paths, raw, deps))));
}

export interface ImpactRaw {
  column?: string[];
  table?: string[];
  changes?: string[];
  upstream?: boolean;
  depth?: number;
  relationTypes: AnalyzeOptions['relationTypes'];
}

export interface SidesRaw {
  base?: string[];
  head?: string[];
  baseRef?: string;
}

export interface CheckRaw {
  failOn: 'error' | 'warning';
  maxWarnings?: number;
  baseline?: string;
  writeBaseline?: boolean;
}

async function guard(deps: CliDeps, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof UsageProblem) {
      deps.stderr(`${err.lines.join('\n')}\n`);
      return EXIT.usage;
    }
    deps.stderr(internalError(err));
    return EXIT.internal;
  }
}

/** Bad usage or unreadable input, reported as diagnostics: exit 2. */
export class UsageProblem extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export function printDiagnostics(deps: CliDeps, raw: CommonRaw, diagnostics: Diagnostic[]): void {
  const chalk = makeChalk(colorLevel(raw.color, deps.env, deps.colorSupport));
  const text = renderDiagnostics(diagnostics, raw.quiet === true, chalk);
  if (text !== '') deps.stderr(text);
}

export function usageProblem(deps: CliDeps, raw: CommonRaw, diagnostics: Diagnostic[]): UsageProblem {
  const chalk = makeChalk(colorLevel(raw.color, deps.env, deps.colorSupport));
  return new UsageProblem([renderDiagnostics(diagnostics, false, chalk).trimEnd()]);
}

/**
 * `analyze` and the config file: its vendor map, default vendor, schema files and default names
 * apply where the command line did not say otherwise; its paths are the inputs when none are given
 * (`-` still reads stdin). Returns an exit code when the config is unusable.
 */
export async function applyConfigFile(config: AnalyzeConfig, cmd: Command, deps: CliDeps): Promise<number | undefined> {
  const raw = cmd.opts() as { config?: string | false; color?: boolean; quiet?: boolean };
  const { loadConfig } = await import('../gate/config.js');
  const cwd = deps.cwd ?? process.cwd();
  const loaded = await loadConfig(cwd, raw.config);
  if (loaded.problems.length > 0) {
    printDiagnostics(deps, { color: raw.color !== false, quiet: false } as CommonRaw, loaded.problems);
    return EXIT.usage;
  }
  const c = loaded.config;
  if (c.file === undefined) return undefined;
  const unset = (name: string) => cmd.getOptionValueSource(name) !== 'cli';
  const o = config.analyzeOptions;
  if (unset('vendor')) o.vendor = c.options.vendor ?? o.vendor;
  if (c.options.defaultDatabase !== undefined && unset('defaultDatabase')) o.defaultDatabase = c.options.defaultDatabase;
  if (c.options.defaultSchema !== undefined && unset('defaultSchema')) o.defaultSchema = c.options.defaultSchema;
  if (c.schema && unset('schema')) o.schemaFiles = [...c.schema, ...o.schemaFiles];
  if (c.vendors.length > 0) {
    const { resolve } = await import('node:path');
    config.fileVendor = (path) => c.vendors.find((r) => r.match(resolve(cwd, path)))?.vendor;
  }
  if (config.inputs.length === 0 && c.paths.length > 0) config.inputs = [...c.paths];
  return undefined;
}

// The commands' bodies live in gate-run.ts (loaded with the analyzer, only when they run).
async function runImpactCommand(inputs: string[], raw: CommonRaw & ImpactRaw, deps: CliDeps): Promise<number> {
  return (await import('./gate-run.js')).runImpact(inputs, raw, deps);
}

async function runDiffCommand(paths: string[], raw: CommonRaw & SidesRaw, deps: CliDeps): Promise<number> {
  return (await import('./gate-run.js')).runDiff(paths, raw, deps);
}

async function runCheckCommand(paths: string[], raw: CommonRaw & SidesRaw & CheckRaw, deps: CliDeps): Promise<number> {
  return (await import('./gate-run.js')).runCheck(paths, raw, deps);
}

export type { CommonRaw, Format };
