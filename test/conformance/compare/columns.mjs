// Column-level comparison: our `--format csv` output against `column_pairs`.
import { qualify } from './names.mjs';

/** RFC 4180 parser: quoted fields, doubled quotes, CRLF or LF line ends. */
export function parseCsv(text, delimiter = ',') {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const CSV_COLUMNS = ['source_db', 'source_schema', 'source_table', 'source_column', 'target_db', 'target_schema', 'target_table', 'target_column', 'relation_type'];
const ORPHAN_TABLE = 'pseudo_table_include_orphan_column';

/** SQLFlow result-set names (RS-1, INSERT-SELECT-1, RESULT_OF_X, CTE-NAME-1, ...), not real tables. */
export function isResultSetName(name) {
  return (
    /^(RS|INSERT-SELECT|UPDATE-SET|UPDATE-SELECT|MERGE-INSERT|MERGE-UPDATE|FUNCTION|PIVOT-TABLE|UNPIVOT-TABLE|ALIAS)-\d+$/i.test(name) ||
    /^RESULT_OF_/i.test(name) ||
    /^CTE-.+-\d+$/i.test(name) ||
    /^SQL_CONSTANTS(-\d+)?$/i.test(name)
  );
}

/**
 * Column pairs from our CSV: fdd rows whose target is a real table or view (result sets such as
 * RS-1 dropped) and whose target column is not RelationRows. A source in the orphan pseudo table
 * or with an empty table has table `null`.
 */
export function pairsFromCsv(text) {
  const rows = parseCsv(text).filter((r) => !(r.length === 1 && r[0] === ''));
  if (rows.length === 0) return [];
  const header = rows[0].map((h) => h.trim());
  const idx = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header.indexOf(c)]));
  const lacking = CSV_COLUMNS.filter((c) => idx[c] < 0);
  if (lacking.length > 0) throw new Error(`CSV header lacks ${lacking.join(', ')}: ${rows[0].join(',')}`);
  const pairs = [];
  for (const r of rows.slice(1)) {
    const f = (c) => r[idx[c]] ?? '';
    if (f('relation_type') !== 'fdd') continue;
    if (f('target_column').toLowerCase() === 'relationrows') continue;
    const tgtTable = qualify(f('target_db'), f('target_schema'), f('target_table'));
    if (f('target_table') === '' || isResultSetName(tgtTable)) continue;
    const srcName = f('source_table');
    const srcTable = srcName === '' || srcName.toLowerCase() === ORPHAN_TABLE ? null : qualify(f('source_db'), f('source_schema'), srcName);
    pairs.push({ source: { table: srcTable, column: f('source_column') }, target: { table: tgtTable, column: f('target_column') } });
  }
  return pairs;
}

const norm = (s) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const colKey = (c) => `${c.table === null ? '\u2205' : norm(c.table)}\u0000${norm(c.column)}`;
const pairKey = (p) => `${colKey(p.source)}\u0001${colKey(p.target)}`;
export const formatColumn = (c) => (c.table === null ? c.column : `${c.table}.${c.column}`);
export const formatPair = (p) => `${formatColumn(p.source)} -> ${formatColumn(p.target)}`;

/**
 * sqllineage's end-to-end column lineage: in the graph of the pairs, sources are columns with no
 * incoming and some outgoing edge, targets the reverse, self-loop columns count as both; a result
 * pair is (source, target) joined by a path, and (c, c) for a self-loop. Chains across statements
 * (t1.a -> t2.a -> t3.a) therefore collapse to their ends (t1.a -> t3.a).
 */
export function endToEndPairs(pairs) {
  const cols = new Map();
  const out = new Map();
  const indeg = new Map();
  for (const p of pairs) {
    for (const c of [p.source, p.target]) {
      const k = colKey(c);
      if (!cols.has(k)) {
        cols.set(k, c);
        out.set(k, new Set());
        indeg.set(k, 0);
      }
    }
    const a = colKey(p.source);
    const b = colKey(p.target);
    if (!out.get(a).has(b)) {
      out.get(a).add(b);
      indeg.set(b, indeg.get(b) + 1);
    }
  }
  const selfloop = (k) => out.get(k).has(k);
  const srcs = [...cols.keys()].filter((k) => (indeg.get(k) === 0 && out.get(k).size > 0) || selfloop(k));
  const tgts = new Set([...cols.keys()].filter((k) => (out.get(k).size === 0 && indeg.get(k) > 0) || selfloop(k)));
  const result = [];
  for (const s of srcs) {
    if (tgts.has(s)) result.push({ source: cols.get(s), target: cols.get(s) });
    const seen = new Set([s]);
    const stack = [s];
    while (stack.length > 0) {
      for (const n of out.get(stack.pop())) {
        if (seen.has(n)) continue;
        seen.add(n);
        stack.push(n);
        if (tgts.has(n)) result.push({ source: cols.get(s), target: cols.get(n) });
      }
    }
  }
  return result;
}

/** Expected `column_pairs` ([[srcTable|null, srcCol], [tgtTable, tgtCol]]) as pair objects. */
export function expectedPairs(columnPairs) {
  return columnPairs.map(([[st, sc], [tt, tc]]) => ({ source: { table: st, column: sc }, target: { table: tt, column: tc } }));
}

/** Compare a case's `column_pairs` with our CSV (as sets, case-insensitive, end-to-end). */
export function compareColumns(columnPairs, csvText) {
  const raw = pairsFromCsv(csvText);
  const got = endToEndPairs(raw);
  const exp = expectedPairs(columnPairs);
  const gotKeys = new Set(got.map(pairKey));
  const expKeys = new Set(exp.map(pairKey));
  const missing = exp.filter((p) => !gotKeys.has(pairKey(p))).map(formatPair);
  const extra = [...new Map(got.filter((p) => !expKeys.has(pairKey(p))).map((p) => [pairKey(p), formatPair(p)])).values()];
  return {
    ok: missing.length === 0 && extra.length === 0,
    got: [...new Set(got.map(formatPair))].sort(),
    diff: { missing, extra },
  };
}
