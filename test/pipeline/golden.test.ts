/**
 * Golden files for the whole pipeline: the options are parsed exactly as `sqlflow analyze`
 * parses them, the inputs go through `analyze` and `render`, and each document must equal
 * test/golden/expected/<case> byte for byte (UPDATE_GOLDEN=1 rewrites them; see test/golden/README.md).
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/api.js';
import { expectGoldenFile } from '../helpers/golden.js';
import { repoPath } from '../helpers/paths.js';
import { pipeline } from '../helpers/pipeline.js';

/** Input paths as a user in the repository root would give them (they appear in the outputs). */
const INPUTS = ['test/golden/inputs/01_load.sql', 'test/golden/inputs/02_report.sql'];
const SCHEMA = 'test/golden/inputs/schema.json';

/** [expected file, `sqlflow analyze` options]. */
const CASES: [string, string[]][] = [
  // every format with the defaults
  ['default.json', []],
  ['default.csv', ['-f', 'csv']],
  ['default.graphml', ['-f', 'graphml']],
  ['default.dataarts.json', ['-f', 'dataarts']],
  // --table-to-table
  ['table-to-table.json', ['--table-to-table']],
  ['table-to-table.csv', ['-f', 'csv', '--table-to-table']],
  ['table-to-table.graphml', ['-f', 'graphml', '--table-to-table']],
  // --delimiter
  ['delimiter-semicolon.csv', ['-f', 'csv', '--delimiter', ';']],
  ['delimiter-tab.csv', ['-f', 'csv', '--delimiter', '\\t']],
  // --relation-types
  ['relation-types.json', ['--relation-types', 'fdd,fdr,join']],
  ['relation-types.csv', ['-f', 'csv', '--relation-types', 'fdd,fdr,join']],
  ['relation-types.graphml', ['-f', 'graphml', '--relation-types', 'fdd,fdr,join']],
  // result sets and transforms
  ['show-intermediate.json', ['--show-intermediate']],
  ['show-intermediate.csv', ['-f', 'csv', '--show-intermediate']],
  ['show-function.json', ['--show-function']],
  ['show-function.csv', ['-f', 'csv', '--show-function']],
  ['show-constant-table.json', ['--show-constant-table']],
  ['show-constant-table.csv', ['-f', 'csv', '--show-constant-table']],
  ['show-transform.json', ['--show-transform']],
  ['aggregate-indirect.json', ['--aggregate', 'indirect', '--relation-types', 'fdd,fdr']],
  ['aggregate-indirect.csv', ['-f', 'csv', '--aggregate', 'indirect', '--relation-types', 'fdd,fdr']],
  // known tables and names
  ['schema.json', ['--schema', SCHEMA]],
  ['schema.csv', ['-f', 'csv', '--schema', SCHEMA]],
  ['default-schema.json', ['--default-schema', 'dw']],
  ['default-schema.csv', ['-f', 'csv', '--default-schema', 'dw']],
  ['default-schema.dataarts.json', ['-f', 'dataarts', '--default-schema', 'dw']],
];

describe('golden documents of test/golden/inputs', () => {
  test.each(CASES)('%s', (file, args) => {
    const document = pipeline(INPUTS, args);
    expectGoldenFile(repoPath('test', 'golden', 'expected', file), document);
    expect(pipeline(INPUTS, args)).toBe(document); // deterministic
  });

  test('the inputs analyze without diagnostics (with --schema and --default-schema)', () => {
    const sources = INPUTS.map((path) => ({ path, text: readFileSync(repoPath(path), 'utf8') }));
    const { graph, diagnostics } = analyze(sources, { schemaFiles: [repoPath(SCHEMA)], defaultSchema: 'dw' });
    expect(diagnostics).toEqual([]);
    expect(graph.statements).toEqual({ total: 7, failed: 0 });
  });
});
