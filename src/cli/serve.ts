/**
 * `sqlflow serve`: the commander definition; the server (fastify, loaded only here) starts in the
 * action. Ctrl-C / SIGTERM stop it gracefully.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import type { CliDeps } from './deps.js';
import { EXIT } from './deps.js';
import { parsePositiveInt } from './options.js';

interface RawServeOptions {
  host: string;
  port: number;
  store?: string;
  token?: string;
  users?: string;
  maxUpload: number;
  queue: number;
  allowOrigin?: string[];
}

/** `--allow-origin`: an origin exactly as browsers send it (`https://portal.example.com:8443`). */
export function parseOrigin(value: string, previous: string[] = []): string[] {
  let origin: string | undefined;
  try {
    const u = new URL(value);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.origin === value) origin = value;
  } catch {
    // not a URL: the error below
  }
  if (origin === undefined) throw new InvalidArgumentError('expected an origin: scheme://host[:port], no path or trailing slash (e.g. https://portal.example.com).');
  return [...previous, origin];
}

/** `100mb`, `512k`, `1048576`. */
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?\s*$/i.exec(value);
  if (!m) throw new InvalidArgumentError('expected a size such as 100mb, 512kb or a number of bytes.');
  const unit = (m[2] ?? 'b').toLowerCase()[0]!;
  const n = Math.floor(Number(m[1]) * ({ b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[unit]!);
  if (n < 1) throw new InvalidArgumentError('the size must be at least one byte.');
  return n;
}

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('expected a port number 0-65535.');
  return Number(value);
}

export function addServeCommand(program: Command, deps: CliDeps, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description("the SQLFlow job REST API, the calls of SQLFlow's widget, DataArts lineage-info and the lineage viewer on this machine")
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .addOption(new Option('--port <port>', 'port (0: any free port)').default(8081).argParser(parsePort))
    .option('--store <dir>', 'job store directory (default: $SQLFLOW_HOME or ~/.sqlflow)')
    .option('--token <token>', 'token every request must carry (default: $SQLFLOW_TOKEN)')
    .option('--users <file>', 'JSON file {"userId": "token", ...}: one token per user')
    .addOption(new Option('--max-upload <size>', 'largest request body (413 past it)').default(100 * 1024 * 1024, '100mb').argParser(parseSize))
    .option('--allow-origin <origin>', 'let pages of this origin call the server from the browser (CORS; e.g. a portal embedding SQLFlow\'s widget); repeatable', parseOrigin)
    .addOption(new Option('--queue <n>', 'jobs waiting to run before submits get 503').default(100).argParser(parsePositiveInt))
    .addHelpText(
      'after',
      `
Examples:
  sqlflow serve                                  # http://127.0.0.1:8081/gspLive_backend/...
  sqlflow serve --port 9000 --store ./jobs --token s3cret
  sqlflow serve --users users.json --max-upload 20mb
  sqlflow serve --token s3cret --allow-origin https://portal.example.com   # the widget on a portal`,
    )
    .action(async (raw: RawServeOptions, cmd: Command) => {
      if (raw.token !== undefined && raw.users !== undefined) cmd.error('error: give --token or --users, not both', { exitCode: EXIT.usage });
      setExit(await serve(raw, deps));
    });
}

async function serve(raw: RawServeOptions, deps: CliDeps): Promise<number> {
  const [{ startServer }, { parseUsers }, { defaultStoreDir }] = await Promise.all([
    import('../server/serve.js'),
    import('../server/auth.js'),
    import('../jobs/store.js'),
  ]);
  let users: Map<string, string> | undefined;
  if (raw.users !== undefined) {
    try {
      users = parseUsers(await readFile(raw.users, 'utf8'), raw.users);
    } catch (err) {
      deps.stderr(`sqlflow: error: ${(err as Error).message.startsWith(raw.users) ? '' : `${raw.users}: `}${(err as Error).message}\n`);
      return EXIT.usage;
    }
  }
  const token = raw.token ?? (deps.env.SQLFLOW_TOKEN || undefined);
  const auth = users ? { users } : token !== undefined ? { token } : {};
  if (!isLoopback(raw.host) && !users && token === undefined) {
    deps.stderr(`sqlflow: warning: listening on ${raw.host} without a token: anyone who can reach this address can submit and read jobs (use --token or --users)\n`);
  }
  let server;
  try {
    server = await startServer({
      host: raw.host,
      port: raw.port,
      storeDir: raw.store ?? defaultStoreDir(deps.env),
      auth,
      maxUpload: raw.maxUpload,
      queueCapacity: raw.queue,
      version: deps.version,
      ...(raw.allowOrigin ? { allowOrigins: raw.allowOrigin } : {}),
    });
  } catch (err) {
    deps.stderr(`sqlflow: error: cannot start the server: ${(err as Error).message}\n`);
    return EXIT.usage;
  }
  for (const id of server.recovered.failed) deps.stderr(`sqlflow: note: job ${id} was left running by a stopped server: marked fail\n`);
  deps.stderr(`sqlflow: serving ${server.url}/gspLive_backend/sqlflow/job/ (store ${server.ctx.store.dir}); Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      deps.stderr(`sqlflow: ${signal}: stopping (the running job may finish)...\n`);
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      void server.close().then(resolve);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
  deps.stderr('sqlflow: stopped\n');
  return EXIT.ok;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
