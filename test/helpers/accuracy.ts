/**
 * Lineage assertions of the dialect accuracy tests: an analysis that must have no error and no
 * warning, its pairs (`a.pairs`), the columns deciding other columns (`decided`) and the rows
 * (`rows`).
 */
import { analyzeSql } from '../procedural/support.js';
import { edgePairs } from './lineage.js';

export const ok = (sql: string, vendor: string) => {
  const a = analyzeSql(sql, vendor, { relationTypes: ['fdd', 'fdr'] });
  expect(a.errors).toEqual([]);
  expect(a.warnings).toEqual([]);
  return a;
};
/** fdr edges into columns (not into RelationRows). */
export const decided = (a: ReturnType<typeof ok>) => edgePairs(a.graph, { type: 'fdr', rows: false });
/** fdr edges into RelationRows. */
export const rows = (a: ReturnType<typeof ok>) => edgePairs(a.graph, { type: 'fdr' }).filter((p) => p.endsWith('.RelationRows'));
