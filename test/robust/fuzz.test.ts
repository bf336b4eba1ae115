/**
 * The deterministic slice of the fuzz campaign (`npm run fuzz` runs the long one): a few hundred
 * seeded cases through analyze() and every writer, and every saved failure (test/fuzz/fixtures/).
 * Deep statements here stay on this thread (they fail alone with a diagnostic, which the
 * invariants accept); the big-stack thread is tested in deep.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { analyze, render } from '../../src/api.js';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { DIALECTS } from '../../src/dialects/registry.js';
import { caseArbitrary, checkAnalysis, checkCliRun, checkDocument, loadSeeds, materialize } from '../fuzz/core.mjs';
import { repoPath, ROOT } from '../helpers/paths.js';

const engine = { analyze, render, formatDiagnostic };
const hooks = process.env.SQLFLOW_WORKER_HOOKS;
beforeAll(() => void delete process.env.SQLFLOW_WORKER_HOOKS);
afterAll(() => void (process.env.SQLFLOW_WORKER_HOOKS = hooks));

test('200 seeded mutated cases under every vendor keep the invariants', () => {
  const seeds = loadSeeds(ROOT);
  const vendors = DIALECTS.map((d) => d.vendor);
  const seen: string[] = [];
  fc.assert(
    fc.property(caseArbitrary(seeds, vendors), (c) => {
      const text = materialize(c, seeds);
      const v = checkAnalysis(engine, text, c.vendor);
      if (v.length > 0) seen.push(`${c.vendor}: ${v.join('; ')}`);
      return v.length === 0;
    }),
    { seed: 20261206, numRuns: 200 },
  );
  expect(seen).toEqual([]);
});

test.each(readdirSync(repoPath('test/fuzz/fixtures')).filter((f) => f.endsWith('.json')))('saved fuzz failure %s keeps the invariants', (file) => {
  const f = JSON.parse(readFileSync(repoPath('test/fuzz/fixtures', file), 'utf8')) as { vendor: string; text: string };
  expect(checkAnalysis(engine, f.text, f.vendor)).toEqual([]);
});

test('the CLI check reads counts grouped by thousands (a campaign flagged `1,361 failed` as 0)', () => {
  const stderr = `${'a.sql:1:1: error: unknown statement\n'.repeat(1361)}sqlflow: 1 file, 3,741 statements (1,361 failed), 1,361 errors, 0 warnings\n`;
  expect(checkCliRun({ code: 1, stdout: '', stderr })).toEqual([]);
  expect(checkCliRun({ code: 1, stdout: '', stderr: stderr.replace('(1,361 failed)', '(1,360 failed)') })).toEqual(['summary says 1360 failed, 1361 located errors printed']);
});

test('the document checks catch broken documents', () => {
  expect(checkDocument('json', '{"a":')).toBeDefined();
  expect(checkDocument('csv', 'a,b\n1,2,3\n')).toMatch(/fields/);
  expect(checkDocument('csv', 'a,b\n"1,2\n')).toMatch(/unterminated/);
  expect(checkDocument('graphml', '<a><b></a>')).toMatch(/unbalanced/);
  expect(checkDocument('graphml', '<a>x & y</a>')).toMatch(/entity/);
  expect(checkDocument('graphml', '<?xml version="1.0"?><a k="v"><b/>&amp;</a>')).toBeUndefined();
});
