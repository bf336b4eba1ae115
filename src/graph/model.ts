/**
 * The lineage graph: the one model every writer projects.
 *
 * The resolver builds a *raw* graph that keeps every intermediate result set; `Shaper`
 * (graph/shape.ts) folds hidden intermediates away, one statement at a time, and filters relation
 * types according to the options. Writers receive the shaped graph and never re-derive lineage.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';


/** A source range, 1-based lines and columns, end exclusive (SQLFlow's coordinate convention). */
export interface Loc {
  /** Index into LineageGraph.files. */
  file: number;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** SQLFlow dbobj types. */
export type ObjectType =
  | 'table'
  | 'view'
  | 'process'
  | 'select_list'
  | 'insert-select'
  | 'update-set'
  | 'update-select'
  | 'merge-insert'
  | 'merge-update'
  | 'with_cte'
  | 'function'
  | 'constantTable'
  | 'pseudoTable'
  | 'variable'
  | 'pivot_table'
  | 'unpivot_table';

export type RelationType = 'fdd' | 'fdr' | 'frd' | 'join';

export type EffectType =
  | 'select'
  | 'insert'
  | 'update'
  | 'merge_update'
  | 'merge_insert'
  | 'create_view'
  | 'create_table'
  | 'delete'
  | 'function'
  | 'rename_table';

export type ClauseType = 'where' | 'joinCondition' | 'groupBy' | 'having' | 'qualify' | 'window' | 'selectList' | 'orderBy' | 'mergeOn' | 'connectBy';

/** Name of the pseudo column that stands for "the set of rows" of a relation. */
export const RELATION_ROWS = 'RelationRows';

export interface LineageColumn {
  id: number;
  /** Name as written (quotes stripped). */
  name: string;
  /** Every occurrence; may be empty (e.g. a column known only from --schema). */
  locs: Loc[];
  /** True for the RelationRows pseudo column. */
  system?: boolean;
}

export interface LineageObject {
  id: number;
  type: ObjectType;
  /** Object name as written, without database/schema (e.g. `orders`, `RS-1`, `INSERT-SELECT-1`). */
  name: string;
  database?: string;
  schema?: string;
  /** Alias used at the first reference, when any. */
  alias?: string;
  columns: LineageColumn[];
  locs: Loc[];
  /**
   * True for result sets that are hidden unless --show-intermediate (subqueries, CTEs,
   * insert-select lists...). The top-level select list of a plain SELECT is NOT intermediate.
   * Tables, views and processes are never intermediate.
   */
  intermediate: boolean;
  /** Processes only: routine name (`batchQueries` at top level). */
  procedureName?: string;
  /** Processes only: stable hash of the statement text (32 hex). */
  queryHashId?: string;
  /** Processes only: ids of the tables/views the statement reads (any clause) and writes. */
  reads?: number[];
  writes?: number[];
  /**
   * Processes that write several tables only: which read table reaches which written table, by
   * any relation type (kept whatever `--relation-types` keeps), for table-level pairs.
   */
  tableFlows?: TableFlow[];
  /** Processes only: the effect of the statement (insert, update, create_view, ...). */
  effectType?: EffectType;
  /** Processes of `EXEC proc` / `CALL proc` / a PL/SQL procedure call: the routine called. */
  callee?: string;
}

/** A table or view whose columns reach a written table's columns (`fdd` when some link is direct). */
export interface TableFlow {
  source: number;
  target: number;
  type: RelationType;
  effectType: EffectType;
}

export interface Endpoint {
  objectId: number;
  columnId: number;
  /** Where the column is referenced in this relationship (defaults to the column's first loc). */
  loc?: Loc;
  clauseType?: ClauseType;
}

/**
 * An endpoint with all its fields given at once: a field added to an object after it is made goes
 * to a separate property store (40 bytes more, for each of hundreds of thousands of endpoints).
 */
export function endpoint(objectId: number, columnId: number, loc?: Loc, clauseType?: ClauseType): Endpoint {
  if (loc) return clauseType ? { objectId, columnId, loc, clauseType } : { objectId, columnId, loc };
  return clauseType ? { objectId, columnId, clauseType } : { objectId, columnId };
}

export type TransformKind = 'simple' | 'function' | 'expression' | 'constant' | 'case' | 'subquery';

/** One edge: one source column feeds one target column. Writers group edges by target as needed. */
export interface LineageEdge {
  id: number;
  type: RelationType;
  effectType: EffectType;
  source: Endpoint;
  target: Endpoint;
  /** The process (statement) this edge belongs to. */
  processId?: number;
  /** Function name when the edge passes through a function (e.g. `SUM`). */
  function?: string;
  /** Expression text and kind, when --show-transform. */
  transform?: { kind: TransformKind; code: string };
  /** Join edges only: the join that pairs the two columns. */
  join?: JoinInfo;
}

/** The join behind a `join` edge, as SQLFlow labels it: `<joinType> join <table> <clause> <condition>`. */
export interface JoinInfo {
  /** `inner`, `left`, `right`, `full`, `cross`, `natural left`, ... (lower case). */
  joinType: string;
  /** `on` (the only join clause that yields join pairs). */
  clause: string;
  /** The ON condition as written, whitespace collapsed. */
  condition: string;
}

export interface LineageGraph {
  /** SQLFlow vendor id, e.g. `dbvansi`. */
  vendor: string;
  /** Input file paths, as given (index = Loc.file). */
  files: string[];
  objects: LineageObject[];
  edges: LineageEdge[];
  /** Every diagnostic of the run, in input order (the JSON `errors` array). */
  errors: Diagnostic[];
  /** Statements seen / failed, for the SQLFlow status (success | partialSuccess | fail). */
  statements: { total: number; failed: number };
}

/**
 * `db.schema.name` with the known (non-empty) parts. Without a schema or database it is the name
 * itself, no new string: the resolver asks for it with each note on an inferred column (45,000 on
 * the bench), where a new string would be hashed again as a message key each time.
 */
export function qualifiedName(o: Pick<LineageObject, 'database' | 'schema' | 'name'>): string {
  let s = o.name ?? '';
  if (o.schema) s = s === '' ? o.schema : `${o.schema}.${s}`;
  if (o.database) s = s === '' ? o.database : `${o.database}.${s}`;
  return s;
}

export function isDataset(o: LineageObject): boolean {
  return o.type === 'table' || o.type === 'view';
}

/** Largest id of the graph's objects, columns and edges (0 when empty): new ids start after it. */
export function maxGraphId(g: LineageGraph): number {
  let max = 0;
  for (const o of g.objects) {
    max = Math.max(max, o.id);
    for (const c of o.columns) max = Math.max(max, c.id);
  }
  for (const e of g.edges) max = Math.max(max, e.id);
  return max;
}
