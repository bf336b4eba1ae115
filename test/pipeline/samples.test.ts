/**
 * samples/warehouse/expected/ holds the outputs of the README's sample commands. This test
 * recomputes them in memory and compares byte for byte, so they never drift from the code
 * (UPDATE_GOLDEN=1 rewrites them; review the diff as lineage, not as text).
 */
import { readdirSync } from 'node:fs';
import { expectGoldenFile } from '../helpers/golden.js';
import { repoPath } from '../helpers/paths.js';
import { pipeline } from '../helpers/pipeline.js';

/** `samples/warehouse/*.sql`, sorted as the CLI sorts glob matches. */
const INPUTS = readdirSync(repoPath('samples', 'warehouse'))
  .filter((f) => f.endsWith('.sql'))
  .sort()
  .map((f) => `samples/warehouse/${f}`);
const SCHEMA = ['--schema', 'samples/warehouse/schema.json'];

/** [file in samples/warehouse/expected, options after the inputs]. */
const OUTPUTS: [string, string[]][] = [
  ['lineage.json', [...SCHEMA]],
  ['lineage.csv', [...SCHEMA, '--format', 'csv']],
  ['lineage.graphml', [...SCHEMA, '--format', 'graphml']],
  ['lineage.table.csv', [...SCHEMA, '--table-to-table', '--format', 'csv']],
];

test('the sample inputs are the five warehouse scripts', () => {
  expect(INPUTS).toEqual([
    'samples/warehouse/01_staging.sql',
    'samples/warehouse/02_dimensions.sql',
    'samples/warehouse/03_facts.sql',
    'samples/warehouse/04_reporting.sql',
    'samples/warehouse/05_adhoc_reports.sql',
  ]);
});

test.each(OUTPUTS)('samples/warehouse/expected/%s is up to date', (file, args) => {
  expectGoldenFile(repoPath('samples', 'warehouse', 'expected', file), pipeline(INPUTS, args), { literal: true });
});
