/** The `job` commands once parsed: the store, the same analyzer as `analyze`, the seeds' JSON. */
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readRawInputs } from '../inputs/read.js';
import { isJobId, publicView, submitView, type JobRecord } from '../jobs/record.js';
import { runJob } from '../jobs/run.js';
import { defaultStoreDir, JobNotFound, JobStore, StoreError, type NamedBytes } from '../jobs/store.js';
import { SubmitError, submitJob } from '../jobs/submit.js';
import { exportJob, jobsSummary, NoResultYet, ok } from '../jobs/views.js';
import type { OutputFormat } from '../options.js';
import { EXIT, type CliDeps } from './deps.js';
import type { RawExportOptions, RawSubmitOptions, StoreOptions } from './job.js';
import { toAnalyzeConfig } from './options.js';
import { countSeverities, makeChalk, pageSizeLine, renderDiagnostics, summaryLine } from './report.js';
import { internalError } from './run.js';

/** The user id of local jobs: --user, else $SQLFLOW_USER, else the login name. */
export function localUser(raw: StoreOptions, env: NodeJS.ProcessEnv): string {
  if (raw.user !== undefined && raw.user !== '') return raw.user;
  if (env.SQLFLOW_USER) return env.SQLFLOW_USER;
  try {
    return userInfo().username || 'local';
  } catch {
    return 'local';
  }
}

function print(deps: CliDeps, data: unknown): void {
  deps.stdout(`${JSON.stringify(ok(data), null, 2)}\n`);
}

/** Store, usage and not-found problems: one line, exit 2; anything else is internal (70). */
async function guarded(deps: CliDeps, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof JobNotFound || err instanceof StoreError || err instanceof SubmitError || err instanceof NoResultYet) {
      deps.stderr(`sqlflow: error: ${err.message}\n`);
      return EXIT.usage;
    }
    deps.stderr(internalError(err));
    return EXIT.internal;
  }
}

async function openStore(raw: StoreOptions, deps: CliDeps): Promise<JobStore> {
  return JobStore.open(raw.store ?? defaultStoreDir(deps.env));
}

/**
 * A job of this store that --user (when given) may see: by id, or by name (the most recent job of
 * that name; the CLI only: the REST API takes ids).
 */
async function findJob(store: JobStore, idOrName: string, raw: StoreOptions): Promise<JobRecord> {
  const visible = (r: JobRecord) => raw.user === undefined || r.userId === raw.user;
  if (isJobId(idOrName)) {
    const r = await store.read(idOrName);
    if (!visible(r)) throw new JobNotFound(idOrName);
    return r;
  }
  const named = (await store.list()).records.filter((r) => r.jobName === idOrName && visible(r));
  const latest = named[named.length - 1];
  if (!latest) throw new JobNotFound(idOrName);
  return latest;
}

async function readNamed(paths: string[], what: string): Promise<NamedBytes[]> {
  const out: NamedBytes[] = [];
  for (const p of paths) {
    try {
      out.push({ name: basename(p), bytes: await readFile(p) });
    } catch (err) {
      throw new SubmitError(`${p}: cannot read ${what} file: ${(err as Error).message}`);
    }
  }
  return out;
}

export async function runSubmit(inputs: string[], raw: RawSubmitOptions, deps: CliDeps, usage: (message: string) => never): Promise<number> {
  const config = toAnalyzeConfig(inputs, raw);
  if (config.inputs.length === 0 && config.lineageFiles.length === 0) {
    if (deps.stdinIsTTY) usage("error: no input: give files, directories, glob patterns, .zip archives or '-' for stdin");
    config.inputs = ['-'];
  }
  const chalk = makeChalk(0);
  return guarded(deps, async () => {
    const read = await readRawInputs(config.inputs, config.inputs.includes('-') ? { stdin: deps.stdin() } : {});
    if (read.fatal) {
      deps.stderr(renderDiagnostics(read.diagnostics, config.quiet, chalk));
      return EXIT.usage;
    }
    if (config.lineageFiles.length > 0) {
      const { loadLineageFiles } = await import('../dataarts/load.js');
      const errors = (await loadLineageFiles(config.lineageFiles)).errors;
      if (errors.length > 0) {
        deps.stderr(renderDiagnostics(errors, false, chalk));
        return EXIT.usage;
      }
    }
    const store = await openStore(raw, deps);
    const target = raw.job === undefined ? undefined : (await findJob(store, raw.job, raw)).jobId;
    const submitted = await submitJob(store, {
      userId: localUser(raw, deps.env),
      jobName: raw.name ?? (read.files[0] ? basename(read.files[0].path) : 'job'),
      options: config.analyzeOptions,
      files: read.files.map((f) => ({ name: f.path, bytes: f.bytes })),
      schema: await readNamed(config.analyzeOptions.schemaFiles, 'schema'),
      lineage: await readNamed(config.lineageFiles, 'lineage'),
      persist: raw.persist === true || target !== undefined,
      incremental: raw.incremental === true,
      ...(target !== undefined ? { jobId: target } : {}),
      version: deps.version,
    });
    const record = (await runJob(store, submitted.jobId, deps.version)) ?? submitted;
    const diagnostics: Diagnostic[] = [...read.diagnostics, ...(record.diagnostics ?? [])];
    if (config.output !== undefined && record.resultRevision !== undefined) {
      const { format, tableToTable, delimiter } = config.writeOptions;
      await deps.writeOutput(config.output, await exportJob(store, record, { format, tableToTable, delimiter }));
    }
    print(deps, submitView(record));
    deps.stderr(renderDiagnostics(diagnostics, config.quiet, chalk));
    const counts = countSeverities(diagnostics);
    const statements = record.statements ?? { total: 0, failed: 0 };
    if (!config.quiet) deps.stderr(`${summaryLine(record.files.length, statements, counts)}, job ${record.jobId} ${record.status}\n`);
    const failed = record.status !== 'success' || counts.errors > 0;
    return config.strict && failed ? EXIT.failed : EXIT.ok;
  });
}

export async function runStatus(id: string, raw: StoreOptions, deps: CliDeps): Promise<number> {
  return guarded(deps, async () => {
    print(deps, publicView(await findJob(await openStore(raw, deps), id, raw)));
    return EXIT.ok;
  });
}

export async function runList(raw: StoreOptions, deps: CliDeps): Promise<number> {
  return guarded(deps, async () => {
    const { records, problems } = await (await openStore(raw, deps)).list();
    for (const p of problems) deps.stderr(`sqlflow: warning: ${p.message}\n`);
    print(deps, jobsSummary(raw.user === undefined ? records : records.filter((r) => r.userId === raw.user)));
    return EXIT.ok;
  });
}

export async function runExport(id: string, raw: RawExportOptions, deps: CliDeps): Promise<number> {
  return guarded(deps, async () => {
    const store = await openStore(raw, deps);
    const record = await findJob(store, id, raw);
    const doc = await exportJob(store, record, { format: raw.format as OutputFormat, tableToTable: raw.tableToTable === true, delimiter: raw.delimiter });
    if (raw.output === undefined || raw.output === '-') deps.stdout(doc);
    else {
      await deps.writeOutput(raw.output, doc);
      if (raw.format === 'html') deps.stderr(`${pageSizeLine(raw.output, Buffer.byteLength(doc, 'utf8'))}\n`);
    }
    return EXIT.ok;
  });
}

export async function runDelete(id: string, raw: StoreOptions, deps: CliDeps): Promise<number> {
  return guarded(deps, async () => {
    const store = await openStore(raw, deps);
    const record = await findJob(store, id, raw);
    print(deps, submitView(await store.delete(record.jobId)));
    return EXIT.ok;
  });
}
