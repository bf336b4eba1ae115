import { run, edgePairs } from '../helpers/lineage.js';

test('derived tables nested 1,000 deep analyze (on the big-stack thread)', () => {
  const n = 1000;
  const sql = 'INSERT INTO z SELECT a FROM ' + '(SELECT a FROM '.repeat(n) + 't' + ') d'.repeat(n) + ';\nSELECT b FROM u;\n';
  const r = run(sql);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.graph.statements).toEqual({ total: 2, failed: 0 });
  expect(edgePairs(r.graph)).toEqual(['t.a -> z.a', 'u.b -> RS-1.b']);
});
