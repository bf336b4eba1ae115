/**
 * --jobs: parsing in worker threads gives the same result as parsing in-thread, and state that
 * crosses files (the catalog of tables created earlier) resolves the same. The workers run the
 * built script (dist/src/parse/worker.js): without `npm run build` these tests are skipped.
 */
import { jest } from '@jest/globals';
import { analyze, analyzeParallel } from '../../src/api.js';
import { defaultJobs } from '../../src/cli/run.js';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { workerScript } from '../../src/parse/pool.js';
import { render } from '../../src/writers/index.js';
import { chain } from '../fuzz/core.mjs';
import { edgePairs } from '../helpers/lineage.js';

const built = workerScript() !== undefined;
const withWorkers = built ? test : test.skip;
jest.setTimeout(120_000); // four workers each build the parser; slow on a loaded machine

/** Eight files: t1 is created in file 1 and read through `*` in file 7; file 3 is long (many batches); file 6 has a GO line. */
function files(): { path: string; text: string }[] {
  const out = Array.from({ length: 8 }, (_, i) => ({ path: `f${i + 1}.sql`, text: `SELECT ${i} AS n;\n` }));
  out[0]!.text = 'CREATE TABLE s.t1 (a INT, b VARCHAR(10));\n';
  out[2]!.text = Array.from({ length: 1500 }, (_, i) => `INSERT INTO s.log${i % 7} (x) SELECT y FROM s.src${i % 5} WHERE z > ${i};\n`).join('');
  out[4]!.text = 'SELECT broken FROM ;\nUSE other;\n';
  out[5]!.text = 'SELECT 5 AS n\nGO\n'; // a T-SQL batch line in an ANSI file: the parse's note crosses threads
  out[6]!.text = 'INSERT INTO s.t2 SELECT * FROM s.t1;\n';
  return out;
}

withWorkers('a table created in file 1 and read in file 7 resolves the same under --jobs 4 (needs npm run build)', async () => {
  const sources = files();
  const one = analyze(sources);
  const four = await analyzeParallel(sources, {}, 4);
  expect(edgePairs(four.graph)).toContain('s.t1.a -> s.t2.a');
  expect(edgePairs(four.graph)).toContain('s.t1.b -> s.t2.b');
  for (const format of ['json', 'csv', 'graphml', 'dataarts'] as const) {
    const opts = { format, tableToTable: false, delimiter: ',' };
    expect(render(four.graph, opts)).toBe(render(one.graph, opts));
  }
  expect(four.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.message}`)).toEqual(one.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.message}`));
  expect(four.graph.statements).toEqual(one.graph.statements);
  expect(one.graph.statements.failed).toBe(1);
});

withWorkers('more jobs than files, and a single file (needs npm run build)', async () => {
  const sources = files().slice(2, 3);
  const one = analyze(sources);
  const many = await analyzeParallel(sources, { vendor: 'dbvmssql' }, 16);
  expect(many.graph.statements.total).toBe(1500);
  expect(render(many.graph, { format: 'json', tableToTable: false, delimiter: ',' })).toBe(
    render(analyze(sources, { vendor: 'dbvmssql' }).graph, { format: 'json', tableToTable: false, delimiter: ',' }),
  );
  expect(one.graph.statements.total).toBe(1500);
});

withWorkers('a statement too deep for a parse worker gets the big-stack run, as without workers (needs npm run build)', async () => {
  const sources = [{ path: 'a.sql', text: `SELECT x FROM y;\n${chain('derived', 1000)}SELECT b FROM u;\n` }];
  const one = analyze(sources);
  const two = await analyzeParallel(sources, {}, 2);
  expect(two.diagnostics.map(formatDiagnostic)).toEqual([]);
  expect(two.graph.statements).toEqual({ total: 3, failed: 0 });
  expect(render(two.graph, { format: 'json', tableToTable: false, delimiter: ',' })).toBe(render(one.graph, { format: 'json', tableToTable: false, delimiter: ',' }));
});

test('--jobs by default: one per core from 3 cores; on 1 or 2 cores, parsing stays in-thread', () => {
  expect([1, 2, 3, 4, 16].map(defaultJobs)).toEqual([1, 1, 3, 4, 16]);
});
