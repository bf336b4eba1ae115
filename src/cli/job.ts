/**
 * `sqlflow job submit|status|list|export|delete` (SPEC §4): the commander definitions. The work is
 * in job-run.ts, loaded only when a job command runs.
 */
import { Command, Option } from 'commander';
import type { CliDeps } from './deps.js';
import { addAnalyzeOptions, FORMATS, parseDelimiter, type RawAnalyzeOptions } from './options.js';

export interface StoreOptions {
  store?: string;
  user?: string;
}

export interface RawSubmitOptions extends RawAnalyzeOptions, StoreOptions {
  name?: string;
  persist?: boolean;
  incremental?: boolean;
  job?: string;
}

export interface RawExportOptions extends StoreOptions {
  format: string;
  output?: string;
  tableToTable?: boolean;
  delimiter: string;
}

function storeOptions(cmd: Command): Command {
  return cmd
    .option('--store <dir>', 'job store directory (default: $SQLFLOW_HOME or ~/.sqlflow)')
    .option('--user <id>', 'user id of the jobs (default: $SQLFLOW_USER or your login name)');
}

const JOB_EXAMPLES = `
Examples:
  sqlflow job submit samples/warehouse/*.sql --name warehouse
  sqlflow job submit samples/warehouse/*.sql --name wh --persist --incremental
  sqlflow job submit samples/warehouse/03_facts.sql --job <jobId>
  sqlflow job list
  sqlflow job status warehouse                      # by id, or by name (the latest job of that name)
  sqlflow job export warehouse -f csv --table-to-table -o lineage.csv
  sqlflow job delete <jobId>`;

export function addJobCommands(program: Command, deps: CliDeps, setExit: (code: number) => void): void {
  const run = async () => import('./job-run.js');
  const job = program.command('job').description('SQLFlow-style jobs on a local store: submit, status, list, export, delete').addHelpText('after', JOB_EXAMPLES);

  const submit = job
    .command('submit')
    .description('analyze inputs as a job (submitUserJob; with --persist, submitPersistJob)')
    .argument('[inputs...]', 'SQL files, directories, glob patterns, .zip archives, or - for stdin')
    .option('--name <name>', 'job name (default: the first input)')
    .option('--persist', 'a regular job: later submits with --job add files to it')
    .option('--incremental', 'later submits add or replace files by name, re-parsing only changed files')
    .option('--job <job>', 'submit to this existing regular job (id, or name of the latest job of that name)');
  addAnalyzeOptions(storeOptions(submit)).action(async (inputs: string[], raw: RawSubmitOptions, cmd: Command) => {
    setExit(await (await run()).runSubmit(inputs, raw, deps, (m) => cmd.error(m, { exitCode: 2 })));
  });

  storeOptions(job.command('status').description('a job and its diagnostics (displayUserJobSummary)').argument('<job>', 'job id, or the name of the most recent job of that name')).action(
    async (id: string, raw: StoreOptions) => setExit(await (await run()).runStatus(id, raw, deps)),
  );
  storeOptions(job.command('list').description('every job, with success / partialSuccess / fail counts (displayUserJobsSummary)')).action(
    async (raw: StoreOptions) => setExit(await (await run()).runList(raw, deps)),
  );
  const delimiter = new Option('--delimiter <c>', 'CSV delimiter, one character (\\t for a tab)').default(',').argParser(parseDelimiter);
  storeOptions(
    job
      .command('export')
      .description("a job's lineage (exportLineageAsJson, exportFullLineageAsCsv, exportLineageAsGraphml)")
      .argument('<job>', 'job id, or the name of the most recent job of that name')
      .addOption(new Option('-f, --format <f>', 'output format').choices(FORMATS).default('json'))
      .option('-o, --output <path>', 'write to a file (atomically) instead of stdout')
      .option('--table-to-table', 'table-level lineage only')
      .addOption(delimiter),
  ).action(async (id: string, raw: RawExportOptions) => setExit(await (await run()).runExport(id, raw, deps)));
  storeOptions(job.command('delete').description('delete a job and its files (deleteUserJob)').argument('<job>', 'job id, or the name of the most recent job of that name')).action(
    async (id: string, raw: StoreOptions) => setExit(await (await run()).runDelete(id, raw, deps)),
  );
}
