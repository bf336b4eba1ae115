/**
 * SQLFlow CSV (`exportFullLineageAsCsv`, SPEC §3.2), quoted by csv-stringify (RFC 4180).
 *
 * - Column level: one row per distinct (source column, target column, relation type, effect type),
 *   in edge order; RelationRows rows included. Unknown database/schema → `DEFAULT`. The effect is
 *   part of the row's identity because it is a column of the row: a MERGE target column written by
 *   both its UPDATE and its INSERT arm gets a `merge_update` and a `merge_insert` row.
 * - `--table-to-table`: one row per distinct (read table, written table) pair over every
 *   process's reads × writes (see `tablePairs`; a process writing several tables pairs only the
 *   tables its flows link): `fdd` when an fdd column edge of that process links the two tables,
 *   else `fdr`; the first process's effect type wins.
 * - Records end with `\n`; fields holding the delimiter, `"`, `\n` or `\r` are quoted.
 * - Streamed: rows are written in batches and yielded as chunks. A row whose fields csv-stringify
 *   would write unchanged (none empty or holding the delimiter, `"`, `\n` or `\r`) is joined
 *   directly; csv-stringify quotes the others (it took two thirds of the writer's time for rows
 *   that almost never need it).
 */
import { stringify } from 'csv-stringify/sync';
import type { EffectType, LineageGraph, LineageObject, RelationType } from '../graph/model.js';
import type { WriteOptions } from '../options.js';
import { CHUNK_CHARS } from './chunks.js';
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

export function* writeCsv(graph: LineageGraph, opts: WriteOptions): Generator<string, void, undefined> {
  const ix = new GraphIndex(graph);
  const delimiter = opts.delimiter === '' ? ',' : opts.delimiter;
  const quote = (rows: string[][]) =>
    stringify(rows, {
      delimiter,
      record_delimiter: 'unix',
      // csv-stringify quotes the delimiter, quotes and \n by itself; RFC 4180 also wants \r quoted.
      quoted_match: /\r/,
    });
  const special = new RegExp(`["\\n\\r]|${delimiter.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&')}`);
  const plain = (row: string[]) => row.every((field) => field !== '' && !special.test(field));
  const line = (row: string[]) => (plain(row) ? `${row.join(delimiter)}\n` : quote([row]));
  let pending = line(opts.tableToTable ? TABLE_HEADER : COLUMN_HEADER);
  for (const row of opts.tableToTable ? tableRows(ix) : columnRows(ix)) {
    pending += line(row);
    if (pending.length >= CHUNK_CHARS) {
      yield pending;
      pending = '';
    }
  }
  yield pending;
}

function tableCells(o: LineageObject): string[] {
  return [orDefault(o.database), orDefault(o.schema), o.name];
}

const TYPES: Record<RelationType, number> = { fdd: 0, fdr: 1, frd: 2, join: 3 };
const effects = new Map<EffectType, number>();
function effectIndex(effect: EffectType): number {
  let n = effects.get(effect);
  if (n === undefined) effects.set(effect, (n = effects.size));
  return n;
}

function* columnRows(ix: GraphIndex): Generator<string[]> {
  // Per target column: the (source column, type, effect) rows written, as small numbers.
  const seen = new Map<number, Set<number>>();
  for (const e of ix.graph.edges) {
    const s = ix.resolve(e.source);
    const t = ix.resolve(e.target);
    if (!s || !t) continue;
    const key = (s.column.id * 4 + TYPES[e.type]) * 64 + effectIndex(e.effectType);
    let into = seen.get(t.column.id);
    if (!into) seen.set(t.column.id, (into = new Set()));
    if (into.has(key)) continue;
    into.add(key);
    yield [...tableCells(s.object), s.column.name, ...tableCells(t.object), t.column.name, e.type, e.effectType];
  }
}

function* tableRows(ix: GraphIndex): Generator<string[]> {
  for (const p of tablePairs(ix)) yield [...tableCells(p.source), ...tableCells(p.target), p.type, p.effectType ?? ''];
}
