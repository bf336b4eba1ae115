/**
 * SQLFlow CSV (`exportFullLineageAsCsv`, SPEC §3.2), quoted by csv-stringify (RFC 4180).
 *
 * - Column level: one row per distinct (source column, target column, relation type), in edge
 *   order; RelationRows rows included. Unknown database/schema → `DEFAULT`.
 * - `--table-to-table`: one row per distinct (read table, written table) pair over every
 *   process's reads × writes (see `tablePairs`): `fdd` when an fdd column edge of that process
 *   links the two tables, else `fdr`; the first process's effect type wins.
 * - Records end with `\n`; fields holding the delimiter, `"`, `\n` or `\r` are quoted.
 */
import { stringify } from 'csv-stringify/sync';
import type { LineageGraph, LineageObject } from '../graph/model.js';
import type { WriteOptions } from '../options.js';
import { GraphIndex, orDefault, tablePairs } from './common.js';

export const COLUMN_HEADER = [
  'source_db', 'source_schema', 'source_table', 'source_column',
  'target_db', 'target_schema', 'target_table', 'target_column',
  'relation_type', 'effect_type',
];

export const TABLE_HEADER = [
  'source_db', 'source_schema', 'source_table',
  'target_db', 'target_schema', 'target_table',
  'relation_type', 'effect_type',
];

export function writeCsv(graph: LineageGraph, opts: WriteOptions): string {
  const ix = new GraphIndex(graph);
  const rows = opts.tableToTable ? [TABLE_HEADER, ...tableRows(ix)] : [COLUMN_HEADER, ...columnRows(ix)];
  return stringify(rows, {
    delimiter: opts.delimiter === '' ? ',' : opts.delimiter,
    record_delimiter: 'unix',
    // csv-stringify quotes the delimiter, quotes and \n by itself; RFC 4180 also wants \r quoted.
    quoted_match: /\r/,
  });
}

function tableCells(o: LineageObject): string[] {
  return [orDefault(o.database), orDefault(o.schema), o.name];
}

function columnRows(ix: GraphIndex): string[][] {
  const seen = new Set<string>();
  const rows: string[][] = [];
  for (const e of ix.graph.edges) {
    const s = ix.resolve(e.source);
    const t = ix.resolve(e.target);
    if (!s || !t) continue;
    const key = `${s.object.id}:${s.column.id}>${t.object.id}:${t.column.id}:${e.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push([...tableCells(s.object), s.column.name, ...tableCells(t.object), t.column.name, e.type, e.effectType]);
  }
  return rows;
}

function tableRows(ix: GraphIndex): string[][] {
  return tablePairs(ix).map((p) => [...tableCells(p.source), ...tableCells(p.target), p.type, p.effectType ?? '']);
}
