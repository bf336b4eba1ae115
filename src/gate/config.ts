/**
 * The config file: `sqlflow.config.json`, or the `"sqlflow"` key of a package.json, the first
 * found from the working directory upward. Paths in it are relative to its folder.
 *
 * ```json
 * { "paths": ["warehouse"], "vendor": "dbvansi",
 *   "vendors": { "oracle/**": "oracle", "**\/*.tsql.sql": "mssql" },
 *   "schema": ["schema.json"], "defaultSchema": "dbo",
 *   "baseline": ".sqlflow-baseline.json", "failOn": "error", "maxWarnings": 10 }
 * ```
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { resolveVendor } from '../dialects/registry.js';
import type { AnalyzeOptions } from '../options.js';

export interface VendorRule {
  /** Glob relative to the config's folder (`*` within a name, `**` across folders). */
  glob: string;
  vendor: string;
}

export interface GateConfig {
  /** Where the config was found (undefined: none). */
  file?: string;
  dir: string;
  /** Default inputs, relative to the working directory. */
  paths: string[];
  vendors: { match: (absPath: string) => boolean; vendor: string; glob: string }[];
  schema?: string[];
  options: Partial<AnalyzeOptions>;
  baseline?: string;
  failOn?: 'error' | 'warning';
  maxWarnings?: number;
}

const KEYS = new Set(['paths', 'vendor', 'vendors', 'schema', 'defaultDatabase', 'defaultSchema', 'baseline', 'failOn', 'maxWarnings', 'relationTypes', '$schema']);

/** A glob over `/`-separated relative paths: `**` any folders, `*` within one name. */
export function globMatcher(glob: string): (rel: string) => boolean {
  const re = glob
    .split('/')
    .map((part) => (part === '**' ? '(?:.*)' : part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')))
    .join('/')
    .replace(/\(\?:\.\*\)\//g, '(?:.*/)?');
  const rx = new RegExp(`^${re}$`, 'i');
  return (rel) => rx.test(rel);
}

async function find(cwd: string): Promise<{ file: string; value: unknown } | { file: string; problem: string } | undefined> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const own = join(dir, 'sqlflow.config.json');
    const text = await readFile(own, 'utf8').catch(() => undefined);
    if (text !== undefined) {
      try {
        return { file: own, value: JSON.parse(text) };
      } catch (err) {
        return { file: own, problem: `not valid JSON: ${(err as Error).message}` };
      }
    }
    const pkg = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
    if (pkg !== undefined) {
      try {
        const value = (JSON.parse(pkg) as { sqlflow?: unknown }).sqlflow;
        if (value !== undefined) return { file: join(dir, 'package.json'), value };
      } catch {
        // Not ours to judge: a broken package.json without our key is skipped.
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

export async function loadConfig(cwd: string, explicit?: string | false): Promise<{ config: GateConfig; problems: Diagnostic[] }> {
  const empty: GateConfig = { dir: cwd, paths: [], vendors: [], options: {} };
  if (explicit === false) return { config: empty, problems: [] };
  let found: Awaited<ReturnType<typeof find>>;
  if (explicit !== undefined) {
    const file = resolve(cwd, explicit);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) return { config: empty, problems: [{ severity: 'error', code: 'ConfigError', file: explicit, message: 'config file not found' }] };
    try {
      const value = JSON.parse(text) as Record<string, unknown>;
      found = { file, value: file.endsWith('package.json') ? value.sqlflow : value };
    } catch (err) {
      found = { file, problem: `not valid JSON: ${(err as Error).message}` };
    }
  } else found = await find(cwd);
  if (!found) return { config: empty, problems: [] };
  const shown = relative(cwd, found.file) || found.file;
  const bad = (message: string) => ({ config: empty, problems: [{ severity: 'error' as const, code: 'ConfigError', file: shown, message }] });
  if ('problem' in found) return bad(found.problem);
  const v = found.value as Record<string, unknown>;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad('the sqlflow config must be a JSON object');
  for (const k of Object.keys(v)) if (!KEYS.has(k)) return bad(`unknown key '${k}' (known: ${[...KEYS].filter((x) => x !== '$schema').join(', ')})`);
  const dir = dirname(found.file);
  const fromDir = (p: string) => relative(cwd, resolve(dir, p)) || '.';
  const strings = (key: string): string[] | undefined => {
    const x = v[key];
    if (x === undefined) return undefined;
    const list = typeof x === 'string' ? [x] : x;
    if (!Array.isArray(list) || !list.every((s) => typeof s === 'string')) throw new Error(`'${key}' must be a string or a list of strings`);
    return list as string[];
  };
  try {
    const config: GateConfig = { file: found.file, dir, paths: (strings('paths') ?? []).map(fromDir), vendors: [], options: {} };
    const vendor = v.vendor;
    if (vendor !== undefined) {
      const spec = typeof vendor === 'string' ? resolveVendor(vendor) : undefined;
      if (!spec) throw new Error(`unknown vendor ${JSON.stringify(vendor)} (run 'sqlflow vendors')`);
      config.options.vendor = spec.vendor;
    }
    if (v.vendors !== undefined) {
      if (typeof v.vendors !== 'object' || v.vendors === null || Array.isArray(v.vendors)) throw new Error("'vendors' must map globs to vendors: {\"oracle/**\": \"oracle\"}");
      for (const [glob, name] of Object.entries(v.vendors as Record<string, unknown>)) {
        const spec = typeof name === 'string' ? resolveVendor(name) : undefined;
        if (!spec) throw new Error(`unknown vendor ${JSON.stringify(name)} for '${glob}' (run 'sqlflow vendors')`);
        const m = globMatcher(glob);
        config.vendors.push({ glob, vendor: spec.vendor, match: (abs) => m(relative(dir, abs).split(sep).join('/')) });
      }
    }
    const schema = strings('schema');
    if (schema) config.schema = schema.map(fromDir);
    for (const k of ['defaultDatabase', 'defaultSchema'] as const) {
      if (v[k] !== undefined) {
        if (typeof v[k] !== 'string') throw new Error(`'${k}' must be a string`);
        config.options[k] = v[k] as string;
      }
    }
    if (v.baseline !== undefined) {
      if (typeof v.baseline !== 'string') throw new Error("'baseline' must be a path");
      config.baseline = fromDir(v.baseline);
    }
    if (v.failOn !== undefined) {
      if (v.failOn !== 'error' && v.failOn !== 'warning') throw new Error("'failOn' must be \"error\" or \"warning\"");
      config.failOn = v.failOn;
    }
    if (v.maxWarnings !== undefined) {
      if (typeof v.maxWarnings !== 'number' || !Number.isInteger(v.maxWarnings) || v.maxWarnings < 0) throw new Error("'maxWarnings' must be a whole number");
      config.maxWarnings = v.maxWarnings;
    }
    return { config, problems: [] };
  } catch (err) {
    return bad((err as Error).message);
  }
}
