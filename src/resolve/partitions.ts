/**
 * Vertica moves partitions between tables with functions called in a SELECT:
 * `SELECT MOVE_PARTITIONS_TO_TABLE('src', 'min', 'max', 'target')` (also COPY_PARTITIONS_TO_TABLE
 * and SWAP_PARTITIONS_BETWEEN_TABLES, whose first table is the staging one). Such a SELECT is a
 * table-level move from the first table named to the last. The functions are the dialect's
 * `partitionFunctions` (src/dialects/words.ts).
 */
import type * as A from '../ast/nodes.js';
import { stringValue } from '../lexer/scanner.js';
import { dottedName } from './names.js';

/** The move a `SELECT f('src', min, max, 'target')` makes, as a statement with reads and writes. */
export function partitionMove(s: A.QueryStmt, functions: ReadonlySet<string>): A.OtherStmt | undefined {
  if (functions.size === 0) return undefined;
  const q = s.query;
  if (q.k !== 'select' || q.from.length > 0 || q.items.length !== 1) return undefined;
  const e = q.items[0]!.expr;
  if (e.k !== 'func' || e.args.length !== 4 || !functions.has(e.name.parts[e.name.parts.length - 1]!.text.toUpperCase())) return undefined;
  const from = tableName(e.args[0]!);
  const to = tableName(e.args[3]!);
  if (!from || !to) return undefined;
  return { k: 'other', keyword: 'SELECT', reads: [from], writes: [to], start: s.start, end: s.end };
}

/** `'schema.table'` as a name (positions at the literal). */
function tableName(e: A.Expr): A.QName | undefined {
  if (e.k !== 'lit' || e.kind !== 'string') return undefined;
  const text = stringValue(e.text);
  if (!/^[\w$.]+$/.test(text)) return undefined;
  return dottedName(text, e.start, e.end);
}
