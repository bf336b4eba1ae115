/**
 * `analyze` options: their commander definitions, value parsers and the pure conversion
 * argv → AnalyzeConfig (AnalyzeOptions + WriteOptions + CLI switches).
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_VENDOR, DIALECTS, resolveVendor } from '../dialects/registry.js';
import type { RelationType } from '../graph/model.js';
import { DEFAULT_SQL_EXTENSIONS } from '../inputs/types.js';
import { DEFAULT_ANALYZE_OPTIONS, type AnalyzeOptions, type OutputFormat, type WriteOptions } from '../options.js';

export const FORMATS: readonly OutputFormat[] = ['json', 'csv', 'graphml', 'dataarts', 'html', 'sqlflow-graph'];
export const RELATION_TYPES: readonly RelationType[] = ['fdd', 'fdr', 'frd', 'join'];

export interface AnalyzeConfig {
  /** Input specs as given; empty means "stdin if it is not a terminal". */
  inputs: string[];
  analyzeOptions: AnalyzeOptions;
  writeOptions: WriteOptions;
  strict: boolean;
  quiet: boolean;
  /** False with --no-color; colour still needs a terminal (or FORCE_COLOR). */
  color: boolean;
  /** False with --no-progress; progress still needs a terminal and no --quiet. */
  progress: boolean;
  /** Output file; undefined (or `-`) for stdout. */
  output?: string;
  /** Worker threads (--jobs); undefined = one per core from 3 cores, else 1 (see defaultJobs). */
  jobs?: number;
  /** --max-warnings: more warnings than this exit 1; undefined = no limit. */
  maxWarnings?: number;
  /** Extensions of SQL files in directories and archives (--ext); undefined = the default list. */
  extensions?: string[];
  /** --with-lineage: DataArts lineage-info files merged into the graph. */
  lineageFiles: string[];
  /** How diagnostics are written on stderr: compiler-style text, or one JSON / SARIF document. */
  diagnosticsFormat?: 'json' | 'sarif';
  /** The vendor of a file when a config file maps its path to one. */
  fileVendor?: (path: string) => string | undefined;
}

/** What commander hands the action after the parsers below have run. */
export interface RawAnalyzeOptions {
  vendor: string;
  format: OutputFormat;
  output?: string;
  tableToTable?: boolean;
  delimiter: string;
  relationTypes: RelationType[];
  showIntermediate?: boolean;
  showFunction?: boolean;
  showConstantTable?: boolean;
  showTransform?: boolean;
  aggregate: 'direct' | 'indirect';
  schema?: string[];
  withLineage?: string[];
  defaultDatabase?: string;
  defaultSchema?: string;
  jobs?: number;
  maxWarnings?: number;
  ext?: string[];
  strict?: boolean;
  quiet?: boolean;
  color: boolean;
  progress: boolean;
  diagnosticsFormat?: 'text' | 'json' | 'sarif';
}

/** `--ext sql,.BTEQ` → ['sql', 'bteq']: a comma-separated list of file name extensions. */
export function parseExtensions(value: string): string[] {
  const list = value.split(',').map((e) => e.trim().replace(/^\./, '').toLowerCase()).filter((e) => e !== '');
  if (list.length === 0 || list.some((e) => !/^[a-z0-9_-]+$/.test(e))) {
    throw new InvalidArgumentError(`'${value}' is not a list of extensions (e.g. sql,pkb,hql)`);
  }
  return [...new Set(list)];
}

/** Vendor id or alias → the SQLFlow vendor id. */
export function parseVendor(value: string): string {
  const spec = resolveVendor(value);
  if (spec) return spec.vendor;
  const names = DIALECTS.map((d) => d.vendor).join(', ');
  throw new InvalidArgumentError(
    `unknown vendor '${value}'. Valid vendors: ${names} (aliases: run 'sqlflow vendors').`,
  );
}

/** One character; `\t`, `\\t` and `tab` mean a tab. */
export function parseDelimiter(value: string): string {
  if (value === '\\t' || value === '\\\\t' || value.toLowerCase() === 'tab') return '\t';
  const chars = [...value];
  if (chars.length !== 1) throw new InvalidArgumentError('the delimiter must be one character (or \\t for a tab).');
  if (value === '"' || value === '\n' || value === '\r') {
    throw new InvalidArgumentError('the delimiter cannot be a double quote or a line break.');
  }
  return value;
}

/** Comma-separated subset of fdd,fdr,frd,join; order kept, duplicates dropped. */
export function parseRelationTypes(value: string): RelationType[] {
  const items = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  if (items.length === 0) throw new InvalidArgumentError(`expected a list of ${RELATION_TYPES.join(',')}.`);
  const out: RelationType[] = [];
  for (const item of items) {
    if (!(RELATION_TYPES as readonly string[]).includes(item)) {
      throw new InvalidArgumentError(`unknown relation type '${item}'; expected any of ${RELATION_TYPES.join(',')}.`);
    }
    if (!out.includes(item as RelationType)) out.push(item as RelationType);
  }
  return out;
}

export function parsePositiveInt(value: string): number {
  if (!/^\s*\+?\d+\s*$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('expected a positive integer.');
  }
  return Number(value);
}

export function parseCount(value: string): number {
  if (!/^\s*\+?\d+\s*$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('expected a whole number (0 or more).');
  }
  return Number(value);
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Add every option of SPEC §1.2 to `cmd` (shared by `analyze` and, later, `job submit`). */
export function addAnalyzeOptions(cmd: Command): Command {
  const vendor = new Option('-t, --vendor <v>', 'SQL dialect: dbvoracle, ... or a short name (oracle, mssql, ...)')
    .default(DEFAULT_VENDOR)
    .argParser(parseVendor);
  const format = new Option('-f, --format <f>', 'output format').choices(FORMATS).default('json');
  const delimiter = new Option('--delimiter <c>', 'CSV delimiter, one character (\\t for a tab)')
    .default(',')
    .argParser(parseDelimiter);
  const relationTypes = new Option('--relation-types <list>', `relation types, any of ${RELATION_TYPES.join(',')}`)
    .default(['fdd'], 'fdd')
    .argParser(parseRelationTypes);
  const aggregate = new Option('--aggregate <mode>', 'arguments of COUNT() etc. as direct or indirect flow')
    .choices(['direct', 'indirect'])
    .default('direct');
  const jobs = new Option('--jobs <n>', 'worker threads (default: one per core, 1 below 3 cores)').argParser(parsePositiveInt);
  const maxWarnings = new Option('--max-warnings <n>', 'exit 1 when there are more than n warnings').argParser(parseCount);
  return cmd
    .addOption(vendor)
    .addOption(format)
    .option('-o, --output <path>', 'write the document to a file (atomically) instead of stdout')
    .option('--table-to-table', 'table-level lineage only')
    .addOption(delimiter)
    .addOption(relationTypes)
    .option('--show-intermediate', 'keep intermediate result sets (subqueries, CTEs, insert-select lists, ...)')
    .option('--show-function', 'keep function result sets')
    .option('--show-constant-table', 'show constants as a constantTable object')
    .option('--show-transform', 'attach the transform (expression text, kind) to each source')
    .addOption(aggregate)
    .option('--schema <file>', 'known tables: DDL .sql or JSON {"db.schema.table": ["col", ...]}; repeatable', collect)
    .option('--with-lineage <file>', 'DataArts lineage-info JSON (one body or a list) merged into the lineage; repeatable', collect)
    .option('--default-database <d>', 'database of unqualified names')
    .option('--default-schema <s>', 'schema of unqualified names')
    .addOption(jobs)
    .addOption(maxWarnings)
    .option('--ext <list>', `extensions of the SQL files read from directories and archives (default: ${DEFAULT_SQL_EXTENSIONS.join(',')})`, parseExtensions)
    .option('--strict', 'exit 1 if any statement could not be analyzed or any input error occurred')
    .option('--quiet', 'print errors only: no warnings, notes, summary or progress')
    .option('--no-color', 'no colours in diagnostics')
    .option('--no-progress', 'no progress spinner')
    .option('--config <file>', 'config file (default: sqlflow.config.json or package.json "sqlflow", found upward)')
    .option('--no-config', 'ignore config files')
    .addOption(new Option('--diagnostics-format <f>', 'diagnostics on stderr as text, or as one JSON or SARIF 2.1.0 document').choices(['text', 'json', 'sarif']).default('text'));
}

/** Pure: parsed options → configuration. */
export function toAnalyzeConfig(inputs: string[], raw: RawAnalyzeOptions): AnalyzeConfig {
  const tableToTable = raw.tableToTable === true;
  const analyzeOptions: AnalyzeOptions = {
    ...DEFAULT_ANALYZE_OPTIONS,
    vendor: parseVendor(raw.vendor),
    tableToTable,
    relationTypes: [...raw.relationTypes],
    showIntermediate: raw.showIntermediate === true,
    showFunction: raw.showFunction === true,
    showConstantTable: raw.showConstantTable === true,
    showTransform: raw.showTransform === true,
    aggregate: raw.aggregate,
    schemaFiles: [...(raw.schema ?? [])],
  };
  if (raw.defaultDatabase !== undefined) analyzeOptions.defaultDatabase = raw.defaultDatabase;
  if (raw.defaultSchema !== undefined) analyzeOptions.defaultSchema = raw.defaultSchema;
  const writeOptions: WriteOptions = { format: raw.format, tableToTable, delimiter: raw.delimiter };
  const config: AnalyzeConfig = {
    inputs: [...inputs],
    analyzeOptions,
    writeOptions,
    strict: raw.strict === true,
    quiet: raw.quiet === true,
    color: raw.color !== false,
    progress: raw.progress !== false,
    lineageFiles: [...(raw.withLineage ?? [])],
  };
  if (raw.diagnosticsFormat === 'json' || raw.diagnosticsFormat === 'sarif') config.diagnosticsFormat = raw.diagnosticsFormat;
  if (raw.output !== undefined && raw.output !== '-') config.output = raw.output;
  if (raw.jobs !== undefined) config.jobs = raw.jobs;
  if (raw.maxWarnings !== undefined) config.maxWarnings = raw.maxWarnings;
  if (raw.ext !== undefined) config.extensions = raw.ext;
  return config;
}

export class UsageError extends Error {}

/**
 * Parse `analyze` arguments (without the command name) into a configuration.
 * Throws UsageError with commander's message on bad usage. Used by tests and `job submit`.
 */
export function parseAnalyzeArgs(args: string[]): AnalyzeConfig {
  let config: AnalyzeConfig | undefined;
  const cmd = addAnalyzeOptions(new Command('analyze'))
    .argument('[inputs...]')
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} })
    .action((inputs: string[], raw: RawAnalyzeOptions) => {
      config = toAnalyzeConfig(inputs, raw);
    });
  try {
    cmd.parse(args, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) throw new UsageError(err.message.replace(/^error: /, ''));
    throw err;
  }
  if (!config) throw new UsageError('no configuration');
  return config;
}
