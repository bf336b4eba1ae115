/**
 * TPC-H and TPC-DS (test/corpus/bench) analyze without a failed statement or an error under every
 * vendor (issue 9, done-when 2): the shared grammar and each dialect's lexical rules and semantics
 * must keep accepting plain analytic SQL.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/api.js';
import { DIALECTS } from '../../src/dialects/registry.js';
import { repoPath } from '../helpers/paths.js';

const sources = ['tpch.sql', 'tpcds.sql'].map((f) => ({ path: f, text: readFileSync(repoPath('test', 'corpus', 'bench', f), 'utf8') }));

test.each(DIALECTS.map((d) => d.vendor))('%s: every TPC-H / TPC-DS statement analyzes with no error', (vendor) => {
  const r = analyze(sources, { vendor });
  const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file ?? ''}:${d.line}:${d.col} ${d.message}`);
  expect({ vendor, statements: r.graph.statements, errors }).toEqual({ vendor, statements: { total: 121, failed: 0 }, errors: [] });
});
