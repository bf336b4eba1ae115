/**
 * Statements nested deeper than the main thread's stack allows are analyzed on the big-stack
 * thread (src/deep/run.ts); where that is not possible (or still too deep), they fail alone with
 * a diagnostic and the other statements keep their lineage.
 */
import { analyze } from '../../src/api.js';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { chain } from '../fuzz/core.mjs';
import { edgePairs, run } from '../helpers/lineage.js';

const sql = `SELECT x FROM y;\n${chain('derived', 1000)}SELECT b FROM u;\n`;

test('derived tables nested 1,000 deep analyze (on the big-stack thread)', () => {
  const r = run(sql);
  expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
  expect(r.graph.statements).toEqual({ total: 3, failed: 0 });
  expect(edgePairs(r.graph)).toEqual(['t.a -> z.a', 'u.b -> RS-2.b', 'y.x -> RS-1.x']);
});

test('without the big-stack thread, the deep statement fails alone with its diagnostic', () => {
  const hooks = process.env.SQLFLOW_WORKER_HOOKS;
  delete process.env.SQLFLOW_WORKER_HOOKS;
  try {
    const r = run(sql);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual(['a.sql:2:1: error: statement too deeply nested to analyze']);
    expect(r.graph.statements).toEqual({ total: 3, failed: 1 });
    expect(edgePairs(r.graph)).toEqual(['u.b -> RS-2.b', 'y.x -> RS-1.x']);
  } finally {
    process.env.SQLFLOW_WORKER_HOOKS = hooks;
  }
});

test('releaseTexts: texts are dropped once analyzed, but kept (and read) for the big-stack rerun', () => {
  const plain = [{ path: 'a.sql', text: 'SELECT x FROM y;\nINSERT INTO t SELECT a FROM u;\n' }];
  const expected = analyze(plain.map((s) => ({ ...s })));
  const released = analyze(plain, {}, { releaseTexts: true });
  expect(plain[0]!.text).toBe('');
  expect(edgePairs(released.graph)).toEqual(edgePairs(expected.graph));
  expect(released.diagnostics.map(formatDiagnostic)).toEqual(expected.diagnostics.map(formatDiagnostic));

  const deep = [{ path: 'a.sql', text: sql }];
  const r = analyze(deep, {}, { releaseTexts: true });
  expect(deep[0]!.text).toBe(sql);
  expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
  expect(edgePairs(r.graph)).toEqual(['t.a -> z.a', 'u.b -> RS-2.b', 'y.x -> RS-1.x']);
});
