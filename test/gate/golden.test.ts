/**
 * Golden reports of `impact` and `diff` in every format (issue 8, "done when" 2), on the samples/ci
 * warehouse and on test/fixtures/gate/{base,head}.sql. UPDATE_GOLDEN=1 rewrites them; SARIF
 * documents must also be valid against the vendored SARIF 2.1.0 schema.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { runCli } from '../helpers/cli.js';
import { expectGoldenFile } from '../helpers/golden.js';
import { repoPath } from '../helpers/paths.js';
import { sarifErrors } from './helpers.js';

// Each analysis runs the whole pipeline (and git); the first one also builds the parsers.
jest.setTimeout(60_000);

const CI = repoPath('samples', 'ci');
const FORMATS: [string, string][] = [
  ['text', 'txt'],
  ['json', 'json'],
  ['markdown', 'md'],
  ['sarif', 'sarif'],
  ['github', 'github.txt'],
];
const golden = (name: string) => repoPath('test', 'golden', 'gate', name);

describe('impact goldens (samples/ci, config file with per-folder vendors)', () => {
  test.each(FORMATS)('impact --column src.orders.discount -f %s', async (format, ext) => {
    const r = await runCli(['impact', '--column', 'src.orders.discount', '-f', format], { cwd: CI });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    if (format === 'sarif') expect(sarifErrors(JSON.parse(r.stdout))).toEqual([]);
    expectGoldenFile(golden(`impact.${ext}`), r.stdout, { literal: true });
  });

  test('--upstream with --depth, --table patterns', async () => {
    const up = await runCli(['impact', 'warehouse', '--column', 'rpt.sales_by_region.net_amount', '--upstream', '--depth', '2'], { cwd: CI });
    expect(up.code).toBe(0);
    expectGoldenFile(golden('impact-upstream-depth2.txt'), up.stdout);
    expect(up.stdout).toContain('stage.v_orders.net_amount feeds rpt.sales_by_region.net_amount, 2 hops');
    expect(up.stdout).not.toContain('src.orders.discount'); // 3 hops away
    const table = await runCli(['impact', '--table', 'src.cust*'], { cwd: CI });
    expect(table.code).toBe(0);
    expectGoldenFile(golden('impact-table.txt'), table.stdout);
  });

  test('--relation-types fdd,fdr follows filters too (reads are listed either way)', async () => {
    const impacted = async (...extra: string[]) => {
      const r = await runCli(['impact', '--column', 'src.orders.status', '-f', 'json', ...extra], { cwd: CI });
      const doc = JSON.parse(r.stdout) as { impact: { entries: { reads: { target: string }[]; impacted: { column: string }[] }[] } };
      return doc.impact.entries[0]!;
    };
    const fdd = await impacted();
    const fdr = await impacted('--relation-types', 'fdd,fdr');
    expect(fdd.reads.map((x) => x.target)).toEqual(['stage.v_orders.RelationRows']);
    expect(fdd.impacted).toEqual([]);
    expect(fdr.impacted.map((x) => x.column)).toEqual(['stage.v_orders.RelationRows']);
  });

  test('--changes: the changes of migration SQL, each with its reads and impact', async () => {
    const r = await runCli(['impact', '--changes', repoPath('test', 'fixtures', 'gate', 'migration.sql'), '-f', 'text'], { cwd: CI });
    expect(r.code).toBe(0);
    expectGoldenFile(golden('impact-changes.txt'), r.stdout);
  });
});

describe('diff goldens (test/fixtures/gate/base.sql → head.sql)', () => {
  const BASE = 'test/fixtures/gate/base.sql';
  const HEAD = 'test/fixtures/gate/head.sql';
  test.each(FORMATS)('diff -f %s', async (format, ext) => {
    const r = await runCli(['diff', '--base', BASE, '--head', HEAD, '-f', format], { cwd: repoPath() });
    expect(r.code).toBe(0);
    if (format === 'sarif') expect(sarifErrors(JSON.parse(r.stdout))).toEqual([]);
    expectGoldenFile(golden(`diff.${ext}`), r.stdout, { literal: true });
  });

  test('a file against itself with one added comment line: an empty diff', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlflow-diff-'));
    try {
      const text = readFileSync(repoPath(HEAD), 'utf8');
      writeFileSync(join(dir, 'a.sql'), text);
      writeFileSync(join(dir, 'b.sql'), `-- one more comment line\n${text}`);
      const r = await runCli(['diff', '--base', 'a.sql', '--head', 'b.sql', '-f', 'json'], { cwd: dir });
      expect(r.code).toBe(0);
      const diff = (JSON.parse(r.stdout) as { diff: Record<string, unknown[]> }).diff;
      for (const list of Object.values(diff)) expect(list).toEqual([]);
      expect((await runCli(['diff', '--base', 'a.sql', '--head', 'b.sql'], { cwd: dir })).stdout).toBe('sqlflow diff: 0 errors, 0 warnings\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a lineage JSON written by analyze as the base (fdd only) compares the fdd flows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlflow-diff-'));
    try {
      const analyzed = await runCli(['analyze', repoPath(BASE), '-o', join(dir, 'base.json')]);
      expect(analyzed.code).toBe(0);
      const r = await runCli(['diff', '--base', join(dir, 'base.json'), '--head', HEAD, '-f', 'json'], { cwd: repoPath() });
      expect(r.code).toBe(0);
      const fromJson = JSON.parse(r.stdout) as { diff: { flowsAdded: { id: string }[]; flowsRemoved: { id: string }[] } };
      const fromSql = JSON.parse((await runCli(['diff', '--base', BASE, '--head', HEAD, '-f', 'json'], { cwd: repoPath() })).stdout) as typeof fromJson;
      const fdd = (l: { id: string }[]) => l.map((f) => f.id).filter((id) => id.includes('| fdd |'));
      expect(fdd(fromJson.diff.flowsAdded)).toEqual(fdd(fromSql.diff.flowsAdded));
      expect(fdd(fromJson.diff.flowsRemoved)).toEqual(fdd(fromSql.diff.flowsRemoved));
      expect(fromJson.diff.flowsAdded.every((f) => f.id.includes('| fdd |'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('the SARIF validator rejects an invalid log (the schema checks are real)', () => {
  expect(sarifErrors({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ level: 'fatal', message: { text: 'm' } }] }] })).not.toEqual([]);
  expect(sarifErrors({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ level: 'error', message: { text: 'm' } }] }] })).toEqual([]);
});
