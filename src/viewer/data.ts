/**
 * The data the HTML viewer embeds: a compact projection of the shaped lineage graph, shared by the
 * writer (node side, src/viewer/view-data.ts) and the browser app (src/viewer/client/). Short keys
 * keep a graph of thousands of columns small; the meaning of each key is next to it.
 */
import type { EffectType, ObjectType, RelationType } from '../graph/model.js';

/** A source range: [file index, line, col, endLine, endCol] (1-based, end exclusive). */
export type ViewLoc = [number, number, number, number, number];

export interface ViewColumn {
  /** Column id (unique in the graph). */
  i: number;
  /** Name as written. */
  n: string;
  /** 1 for the RelationRows pseudo column (drawn only when an edge touches it). */
  y?: 1;
}

export interface ViewObject {
  /** Object id. */
  i: number;
  /** SQLFlow object type: table, view, process, select_list, with_cte, ... */
  k: ObjectType;
  /** Qualified name (`db.schema.name` with the known parts). */
  n: string;
  /** `db.schema` (known parts) or '' when neither is known: the schema filter's key. */
  s: string;
  /** 1 for intermediate result sets (only in graphs made with --show-intermediate). */
  x?: 1;
  /** Drawn columns, in graph order (none for processes). */
  c: ViewColumn[];
  /** Processes: the statement's span. */
  l?: ViewLoc;
  /** Processes: the routine (`batchQueries` at top level). */
  p?: string;
  /** Processes: effect of the statement. */
  e?: EffectType;
  /** Processes: ids of the tables/views read and written. */
  r?: number[];
  w?: number[];
  /** Diff pages: only in the new analysis (`a`) or only in the old one (`r`). */
  m?: Mark;
}

/** Diff marks: added (`a`) or removed (`r`). */
export type Mark = 'a' | 'r';

export interface ViewEdge {
  /** Source and target column ids. */
  s: number;
  t: number;
  y: RelationType;
  /** Effect types and process ids of the statements that make this link (same order). */
  e: EffectType[];
  p: number[];
  /** Functions the flow passes through, when known. */
  f?: string[];
  /** Diff pages: only in the new analysis (`a`) or only in the old one (`r`). */
  m?: Mark;
}

export interface ViewData {
  /** Format version of this structure. */
  v: 1;
  vendor: string;
  /** Input paths (index = ViewLoc file). */
  files: string[];
  /** Source text of each input, when the writer was given it (statement SQL in edge details). */
  sources: (string | null)[];
  objects: ViewObject[];
  edges: ViewEdge[];
  /** Statements seen and failed; error and warning counts. */
  stats: { statements: number; failed: number; errors: number; warnings: number };
  /** Relation types shown when the page opens (default: every type present). */
  types?: RelationType[];
  /** Open in table level (`--table-to-table`). */
  tableLevel?: true;
  /** Column ids selected when the page opens (impact pages: the seeds). */
  focus?: number[];
  /** What the page shows besides the lineage, e.g. `diff: 3 edges added, 1 removed`. */
  caption?: string;
  /** Pages of `sqlflow serve`: the form that submits SQL for analysis. */
  serve?: ServeForm;
}

export interface ServeForm {
  /** Where the form posts (multipart: `sqlfiles`, `sqltext`, `dbvendor`, `userId`, `token`, ...). */
  action: string;
  /** [vendor id, title] of every dialect; the first is the default. */
  vendors: [string, string][];
  vendor: string;
  /** Whether the server wants a token. */
  auth: boolean;
  userId: string;
  /** A message to show above the form (an error of the last submit, a job still running). */
  message?: string;
}
