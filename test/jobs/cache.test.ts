/**
 * The incremental cache keeps parses as JSON: a parse that went through JSON must give the same
 * lineage as a fresh one, for every construct the corpora hold (all sqllineage cases, the
 * procedural fixtures, TPC-H and TPC-DS), in every format and with every option set.
 */
import { readFileSync } from 'node:fs';
import { analyze, render, type ParseCache } from '../../src/api.js';
import type { ParsedFile } from '../../src/parse/parse.js';
import { repoPath } from '../helpers/paths.js';

/** Parses through JSON, as DiskParseCache stores them. */
class JsonCache implements ParseCache {
  readonly store = new Map<string, string>();
  hits = 0;
  get(text: string, vendor: string): ParsedFile | undefined {
    const s = this.store.get(`${vendor}\0${text}`);
    if (s === undefined) return undefined;
    this.hits++;
    return JSON.parse(s) as ParsedFile;
  }
  set(text: string, vendor: string, parsed: ParsedFile): void {
    this.store.set(`${vendor}\0${text}`, JSON.stringify(parsed));
  }
}

const VENDORS: Record<string, string> = { ansi: 'dbvansi', tsql: 'dbvmssql', oracle: 'dbvoracle', bigquery: 'dbvbigquery', hive: 'dbvhive', redshift: 'dbvredshift', vertica: 'dbvvertica', mysql: 'dbvmysql', sparksql: 'dbvsparksql', snowflake: 'dbvsnowflake', postgres: 'dbvpostgresql' };

function corpus(): { name: string; vendor: string; sources: { path: string; text: string }[] }[] {
  const out = [];
  const lines = readFileSync(repoPath('test/corpus/sqllineage/cases.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const byVendor = new Map<string, { path: string; text: string }[]>();
  lines.forEach((l, i) => {
    const c = JSON.parse(l) as { dialect: string; sql: string };
    const vendor = VENDORS[c.dialect] ?? 'dbvansi';
    if (!byVendor.has(vendor)) byVendor.set(vendor, []);
    byVendor.get(vendor)!.push({ path: `case${i}.sql`, text: c.sql });
  });
  for (const [vendor, sources] of byVendor) out.push({ name: `sqllineage ${vendor}`, vendor, sources });
  const fx = (p: string) => ({ path: p, text: readFileSync(repoPath(p), 'utf8') });
  out.push({ name: 'tsql fixtures', vendor: 'dbvmssql', sources: [fx('test/fixtures/tsql/big_procs.sql')] });
  out.push({ name: 'oracle fixtures', vendor: 'dbvoracle', sources: [fx('test/fixtures/oracle/big_package.sql')] });
  for (const [f, v] of [['bigquery_procs', 'dbvbigquery'], ['mysql_procs', 'dbvmysql'], ['pg_functions', 'dbvpostgresql'], ['snowflake_procs', 'dbvsnowflake']]) {
    out.push({ name: f!, vendor: v!, sources: [fx(`test/fixtures/psm/${f}.sql`)] });
  }
  out.push({ name: 'tpc', vendor: 'dbvansi', sources: [fx('test/corpus/bench/tpch.sql'), fx('test/corpus/bench/tpcds.sql')] });
  return out;
}

const OPTION_SETS = [{}, { showIntermediate: true, showFunction: true, showConstantTable: true, showTransform: true, relationTypes: ['fdd', 'fdr', 'join'] as ('fdd' | 'fdr' | 'join')[] }];

test.each(corpus())('$name: a parse through JSON gives the same lineage', ({ vendor, sources }) => {
  for (const options of OPTION_SETS) {
    const plain = analyze(sources, { vendor, ...options });
    const cache = new JsonCache();
    analyze(sources, { vendor, ...options }, { parseCache: cache });
    cache.hits = 0;
    const cached = analyze(sources, { vendor, ...options }, { parseCache: cache });
    expect(cache.hits).toBe(sources.length);
    for (const format of ['json', 'csv'] as const) {
      expect(render(cached.graph, { format, tableToTable: false, delimiter: ',' })).toBe(render(plain.graph, { format, tableToTable: false, delimiter: ',' }));
    }
    expect(cached.diagnostics).toEqual(plain.diagnostics);
  }
});
