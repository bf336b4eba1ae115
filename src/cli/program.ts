/** The commander program: `analyze` and `vendors`, usage errors as exit 2, never a throw. */
import { Command, CommanderError, Option } from 'commander';
import { DIALECTS } from '../dialects/registry.js';
import { EXIT, type CliDeps } from './deps.js';
import { addJobCommands } from './job.js';
import { addServeCommand } from './serve.js';
import { addAnalyzeOptions, toAnalyzeConfig, type RawAnalyzeOptions } from './options.js';
import { applyConfigFile, registerGateCommands } from './gate.js';
import { internalError, runAnalyze } from './run.js';
import { renderVendorsJson, renderVendorsTable } from './vendors.js';

const EXAMPLES = `
Examples:
  sqlflow analyze etl/ -t oracle > lineage.json
  sqlflow analyze 'sql/**/*.sql' -f csv -o lineage.csv
  cat query.sql | sqlflow analyze -t mssql --relation-types fdd,fdr`;

export function buildProgram(deps: CliDeps, setExit: (code: number) => void): Command {
  const program = new Command('sqlflow')
    .description('Column-level SQL data lineage, offline, in Gudu SQLFlow formats')
    .version(deps.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => deps.stdout(s),
      writeErr: (s) => deps.stderr(s),
      outputError: (s, write) => write(`sqlflow: ${s}`),
    })
    .showHelpAfterError('(add --help for usage)');

  const analyze = program
    .command('analyze')
    .description('read SQL and write its lineage')
    .argument('[inputs...]', 'SQL files, directories, glob patterns, .zip archives, or - for stdin');
  addAnalyzeOptions(analyze)
    .addHelpText('after', EXAMPLES)
    .action(async (inputs: string[], raw: RawAnalyzeOptions, cmd: Command) => {
      const config = toAnalyzeConfig(inputs, raw);
      const problems = await applyConfigFile(config, cmd, deps);
      if (problems !== undefined) return setExit(problems);
      if (config.inputs.length === 0) {
        if (deps.stdinIsTTY) {
          cmd.error("error: no input: give files, directories, glob patterns, .zip archives or '-' for stdin", {
            exitCode: EXIT.usage,
            code: 'sqlflow.noInput',
          });
        }
        config.inputs = ['-'];
      }
      setExit(await runAnalyze(config, deps));
    });

  registerGateCommands(program, deps, setExit);

  program
    .command('vendors')
    .description('list the supported SQL dialects, their aliases and status')
    .addOption(new Option('-f, --format <f>', 'output format').choices(['text', 'json']).default('text'))
    .action((opts: { format: string }) => {
      deps.stdout(opts.format === 'json' ? renderVendorsJson(DIALECTS) : renderVendorsTable(DIALECTS));
      setExit(EXIT.ok);
    });

  addJobCommands(program, deps, setExit);
  addServeCommand(program, deps, setExit);
  return program;
}

/** Help and version exit 0; every other commander error is bad usage (2), never commander's 1. */
export function commanderExitCode(err: CommanderError): number {
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
  return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
}

/** Run the CLI on `argv` (node, script, args...) and return the exit code. */
export async function cli(argv: string[], deps: CliDeps): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(deps, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return commanderExitCode(err);
    deps.stderr(internalError(err));
    return EXIT.internal;
  }
}
