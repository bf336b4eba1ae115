/**
 * One typed AST for every dialect. Every node carries `start`/`end`: offsets into the file
 * text (end exclusive). Dialect quirks become optional fields, never new trees.
 */

export interface Node {
  start: number;
  end: number;
}

/** An identifier as written: `text` has quotes/brackets removed; `quoted` drives case matching. */
export interface Ident extends Node {
  text: string;
  quoted: boolean;
}

/** A dotted name of 1..4 parts (`db.schema.table`, `t.col`, `schema.table@dblink`). */
export interface QName extends Node {
  parts: Ident[];
  /** Oracle `@dblink` suffix. */
  dblink?: string;
  /** `IDENTIFIER(:v)` (Databricks, Snowflake): named at run time; the one part is the call as written. */
  runtime?: boolean;
  /** The variable a run-time name is in (`IDENTIFIER($v)`, `IDENTIFIER(:v)`: `v`), when it is one variable. */
  variable?: string;
}

// ---------------------------------------------------------------- expressions

export type Expr =
  | ColumnRef
  | Star
  | Literal
  | Variable
  | FuncCall
  | CaseExpr
  | SubqueryExpr
  | OpExpr
  | CastExpr;

export interface ColumnRef extends Node {
  k: 'col';
  /** Qualifier parts then the column name (last part). */
  name: QName;
  /** Oracle `(+)` outer-join marker. */
  outerJoin?: boolean;
}

export interface Star extends Node {
  k: 'star';
  qualifier?: QName;
  /** BigQuery/Snowflake/DuckDB `* EXCEPT (a, b)` / `EXCLUDE`. */
  except?: Ident[];
  /** `* REPLACE (expr AS col)`. */
  replace?: { expr: Expr; alias: Ident }[];
  /** Snowflake `* RENAME (a AS b)`. */
  rename?: { from: Ident; to: Ident }[];
}

export interface Literal extends Node {
  k: 'lit';
  kind: 'number' | 'string' | 'null' | 'bool' | 'date' | 'interval' | 'other';
  text: string;
}

/** `@v`, `:bind`, `?`, `&subst`, `$1`, sequence pseudo-columns are columns. */
export interface Variable extends Node {
  k: 'var';
  name: string;
}

export interface WindowSpec extends Node {
  /** A named window reference (`OVER w` or `OVER (w ...)`). */
  ref?: Ident;
  partitionBy: Expr[];
  orderBy: OrderItem[];
  frame?: string;
  /** Teradata `RESET WHEN cond` after the ORDER BY: a new partition starts where `cond` holds. */
  resetWhen?: Expr;
}

export interface FuncCall extends Node {
  k: 'func';
  name: QName;
  args: Expr[];
  distinct?: boolean;
  /** `COUNT(*)`. */
  starArg?: boolean;
  filter?: Expr;
  withinGroup?: OrderItem[];
  over?: WindowSpec;
  /** Ordering inside the call (`STRING_AGG(x, ',' ORDER BY y)`). */
  orderBy?: OrderItem[];
  /** `JSON_TABLE(doc, '$' COLUMNS (...))`, `XMLTABLE('/r' PASSING x COLUMNS ...)`: the rows' declared columns. */
  columns?: DeclaredColumn[];
}

/** A column a table function declares (COLUMNS of JSON_TABLE / XMLTABLE, `WITH (...)` of OPENJSON). */
export interface DeclaredColumn extends Ident {
  /** `n FOR ORDINALITY`: the row's position, not a value of the document. */
  ordinality?: boolean;
}

export interface CaseExpr extends Node {
  k: 'case';
  operand?: Expr;
  whens: { cond: Expr; result: Expr }[];
  else?: Expr;
}

export interface SubqueryExpr extends Node {
  k: 'subquery';
  /** `scalar` (SELECT list value), `exists`, `in` (x IN (SELECT ...)), `any`/`all` comparisons, `array`. */
  mode: 'scalar' | 'exists' | 'in' | 'quantified' | 'array';
  query: Query;
  /** The left operand of IN / comparison with ANY|ALL. */
  left?: Expr;
}

/**
 * Every other operator: arithmetic, comparison, logic, LIKE, BETWEEN, IS, IN (list), concatenation,
 * unary minus/NOT, array/struct access, EXTRACT, INTERVAL, tuples. `args` in source order.
 */
export interface OpExpr extends Node {
  k: 'op';
  op: string;
  args: Expr[];
}

export interface CastExpr extends Node {
  k: 'cast';
  expr: Expr;
  /** Type text as written. */
  type: string;
  /** CAST, TRY_CAST, ::, CONVERT. */
  style: string;
}

export interface OrderItem {
  expr: Expr;
  desc?: boolean;
}

// ---------------------------------------------------------------- queries

export interface SelectItem extends Node {
  expr: Expr;
  alias?: Ident;
  /** Spark / Hive `stack(..) AS (a, b)`, `explode(m) AS (k, v)`: a generator's outputs, each from the expression. */
  aliases?: Ident[];
  /** T-SQL `SELECT @v = expr`: assignment to a variable, not an output column. */
  assignTo?: string;
}

export type TableRef = TableName | DerivedTable | JoinRef | TableFunction | ValuesTable | PivotRef | MatchRecognize;

/**
 * Row pattern recognition over a FROM item: `t MATCH_RECOGNIZE (PARTITION BY .. ORDER BY ..
 * MEASURES e AS m, .. ONE ROW PER MATCH | ALL ROWS PER MATCH .. PATTERN (..) DEFINE v AS cond, ..) [AS] a`.
 */
export interface MatchRecognize extends Node {
  k: 'match_recognize';
  source: TableRef;
  partitionBy: Expr[];
  orderBy: OrderItem[];
  measures: { expr: Expr; alias: Ident }[];
  /** ALL ROWS PER MATCH: the input's columns pass through; ONE ROW PER MATCH (the default): only the PARTITION BY columns and the measures. */
  allRows: boolean;
  /** DEFINE conditions. */
  define: Expr[];
  /** The pattern variables (DEFINE and SUBSET names): qualifiers of the input's rows (`A.price`), not tables. */
  variables: Ident[];
  alias?: Ident;
  columnAliases?: Ident[];
}

export interface TableName extends Node {
  k: 'table';
  name: QName;
  alias?: Ident;
  columnAliases?: Ident[];
}

export interface DerivedTable extends Node {
  k: 'derived';
  query: Query;
  lateral?: boolean;
  alias?: Ident;
  columnAliases?: Ident[];
  /**
   * T-SQL composable DML: `FROM (MERGE .. OUTPUT $action, inserted.c) AS changes`. The statement
   * runs, and the rows are its OUTPUT items (`query` then is the OUTPUT items over no FROM).
   */
  dml?: { statement: InsertStmt | UpdateStmt | DeleteStmt | MergeStmt; items: SelectItem[] };
}

export interface JoinRef extends Node {
  k: 'join';
  /**
   * inner, left, right, full, cross, natural-*, apply-cross, apply-outer, comma; semi, anti
   * (`[LEFT] SEMI | ANTI JOIN`: only the left side's columns are output), right-semi, right-anti.
   */
  kind: string;
  left: TableRef;
  right: TableRef;
  on?: Expr;
  using?: Ident[];
  natural?: boolean;
}

/** Table-valued function call in FROM: UNNEST(...), TABLE(...), generate_series(...), LATERAL VIEW explode(...). */
export interface TableFunction extends Node {
  k: 'tfunc';
  func: FuncCall;
  lateral?: boolean;
  alias?: Ident;
  columnAliases?: Ident[];
  /** T-SQL `OPENJSON(x) WITH (col type '$.path', ...)`: the columns it returns. */
  withColumns?: DeclaredColumn[];
  /** BigQuery `WITH OFFSET [AS] pos`, `WITH ORDINALITY`: the position column. */
  ordinality?: Ident;
}

export interface ValuesTable extends Node {
  k: 'values';
  rows: Expr[][];
  alias?: Ident;
  columnAliases?: Ident[];
}

export interface PivotRef extends Node {
  k: 'pivot';
  unpivot: boolean;
  source: TableRef;
  /** PIVOT: aggregate calls; UNPIVOT: the value column, or a `(v1, v2)` tuple of value columns. */
  aggregates: Expr[];
  /** PIVOT: `SUM(x) AS total` aliases, by position of `aggregates`. */
  aggregateAliases?: (Ident | undefined)[];
  /** PIVOT: the (first) FOR column; UNPIVOT: the name column. */
  forColumn: Ident;
  /** PIVOT `FOR (a, b) IN ((1, 'x'), ...)`: every FOR column. */
  forColumns?: Ident[];
  /** IN list: pivot values (with optional aliases) or unpivot source columns (a tuple per item for multi-column UNPIVOT). */
  inList: { expr: Expr; alias?: Ident }[];
  /** UNPIVOT INCLUDE NULLS (true) / EXCLUDE NULLS (false). */
  includeNulls?: boolean;
  valueColumn?: Ident;
  alias?: Ident;
  /** `AS p (c1, c2, ...)`: output names by position. */
  columnAliases?: Ident[];
  /** DuckDB `PIVOT t ON expr, ...`: the ON expressions (the FOR columns, when not plain columns). */
  forExprs?: Expr[];
  /** DuckDB PIVOT without IN lists: the pivot columns are named by the data's values, unknown here. */
  valuesUnknown?: boolean;
  /** DuckDB `PIVOT ... GROUP BY g`: only these columns pass through (else every column not consumed). */
  groupBy?: Expr[];
}

export interface Cte extends Node {
  name: Ident;
  columns?: Ident[];
  /** The CTE's query; absent in a data-modifying CTE, which has `dml`. */
  query?: Query;
  /** PostgreSQL `WITH m AS (DELETE ... RETURNING ...)`: the statement; its RETURNING items are the CTE's columns. */
  dml?: InsertStmt | UpdateStmt | DeleteStmt;
}

export interface With extends Node {
  recursive: boolean;
  ctes: Cte[];
  /** ClickHouse `WITH expr AS name`: a name the query reads as that expression. */
  scalars?: { expr: Expr; alias: Ident }[];
  /** Oracle `WITH FUNCTION f .. END; PROCEDURE p .. END;`: routines declared for the query (blocks of kind function / procedure). */
  routines?: Statement[];
}

export type Query = Select | SetOp | ValuesQuery;

interface QueryTail {
  with?: With;
  orderBy?: OrderItem[];
  limit?: Expr;
  offset?: Expr;
  /** ClickHouse `LIMIT n BY cols`: at most n rows per value of the columns. */
  limitBy?: Expr[];
  /** T-SQL `FOR XML ..` / `FOR JSON ..`: the rows are one document, a value of every item. */
  document?: boolean;
}

export interface Select extends Node, QueryTail {
  k: 'select';
  distinct?: boolean;
  /** BigQuery `SELECT AS STRUCT a, b`: one value, a struct of every item. */
  asStruct?: boolean;
  top?: Expr;
  items: SelectItem[];
  /** `SELECT ... INTO target` (T-SQL table, or PL/SQL variables when `intoVars`). */
  into?: QName;
  intoVars?: string[];
  /** Informix `INTO TEMP t`: always a table, never variables. */
  intoTemp?: boolean;
  /** MySQL `INTO OUTFILE 'f'` before FROM: `into` is the file's path (written like a table). */
  intoFile?: boolean;
  from: TableRef[];
  where?: Expr;
  groupBy: Expr[];
  /** `GROUP BY ALL` (Snowflake, Databricks, DuckDB, BigQuery): by every select item that is not an aggregate. */
  groupByAll?: boolean;
  having?: Expr;
  qualify?: Expr;
  windows?: { name: Ident; spec: WindowSpec }[];
  /** Oracle CONNECT BY / START WITH conditions. */
  connectBy?: Expr[];
  /** ClickHouse PREWHERE: filters like WHERE. */
  prewhere?: Expr;
  /** Vertica `TIMESERIES slice AS '3 seconds' OVER (PARTITION BY .. ORDER BY ts)`: `slice` is a time generated from the ORDER BY column. */
  timeseries?: { alias: Ident; length: Expr; window: WindowSpec };
  /** Teradata `EXPAND ON period AS alias [BY interval] [FOR period]`: a row per interval of `period`, named `alias`; FOR limits the rows. */
  expandOn?: { expr: Expr; alias: Ident; forPeriod?: Expr };
  /** Teradata `SAMPLE n [, n]` / `SAMPLE WHEN cond THEN n .. END` at the end: which rows are returned. */
  sample?: Expr[];
}

export interface SetOp extends Node, QueryTail {
  k: 'setop';
  op: 'union' | 'intersect' | 'except' | 'minus';
  all: boolean;
  left: Query;
  right: Query;
}

export interface ValuesQuery extends Node, QueryTail {
  k: 'values_q';
  rows: Expr[][];
}

// ---------------------------------------------------------------- statements

export type Statement =
  | QueryStmt
  | InsertStmt
  | MultiInsertStmt
  | UpdateStmt
  | DeleteStmt
  | MergeStmt
  | CreateTableStmt
  | CreateViewStmt
  | DropStmt
  | RenameStmt
  | TruncateStmt
  | UseStmt
  | BlockStmt
  | CursorStmt
  | AssignStmt
  | OtherStmt;

export interface QueryStmt extends Node {
  k: 'query';
  query: Query;
}

export interface InsertStmt extends Node {
  k: 'insert';
  with?: With;
  target: QName;
  /** Target is a path (`INSERT OVERWRITE DIRECTORY '...'`). */
  pathTarget?: string;
  alias?: Ident;
  columns?: Ident[];
  /** Absent for DEFAULT VALUES and a record's row. */
  source?: Query;
  /** PL/SQL `VALUES rec` / `VALUES coll(i)`: the record variable that is the row (its query once known, `source`). */
  record?: Expr;
  overwrite?: boolean;
  replace?: boolean;
  /** ON CONFLICT ... DO UPDATE SET / ON DUPLICATE KEY UPDATE assignments. */
  upsert?: Assignment[];
  /** MySQL `VALUES (..) AS new [(a, b)] ON DUPLICATE KEY UPDATE c = new.a`: the proposed row's name. */
  rowAlias?: { name: Ident; columns?: Ident[] };
  /** Databricks `INSERT INTO t BY NAME query`: the query's columns go to the target's of the same name. */
  byName?: boolean;
  /**
   * Hive `PARTITION (dt = '2024-01-01', hr)`: the columns given their value there (`dt`), not by
   * the rows; without a column list the rows fill the target's other columns.
   */
  fixedPartitions?: Ident[];
  /** INSERT ... EXEC proc. */
  execProc?: QName;
  /** T-SQL OUTPUT clauses: `OUTPUT .. INTO t`, then `OUTPUT ..` to the client (either alone). */
  output?: OutputClause[];
  returning?: SelectItem[];
}

/** The partition columns an INSERT's `PARTITION (a = 1, b)` names: `b` dynamic, `a` fixed. */
export interface PartitionColumns {
  dynamic: Ident[];
  fixed: Ident[];
}

/**
 * T-SQL `OUTPUT inserted.a, deleted.b, src.c [INTO target [(cols)]]` of INSERT/UPDATE/DELETE/MERGE;
 * without INTO the rows go to the client, as a SELECT's.
 */
export interface OutputClause extends Node {
  items: SelectItem[];
  into?: QName;
  columns?: Ident[];
}

/** Oracle INSERT ALL / INSERT FIRST. */
export interface MultiInsertStmt extends Node {
  k: 'multi_insert';
  /** INSERT FIRST: a row goes to the branches of the first WHEN that holds only (INSERT ALL: of every one). */
  first?: boolean;
  /** `otherwise`: the ELSE branch, for the rows no WHEN holds for. */
  branches: { when?: Expr; otherwise?: boolean; target: QName; columns?: Ident[]; values?: Expr[] }[];
  source: Query;
}

export interface Assignment extends Node {
  /** One or more target columns (`SET (a, b) = (SELECT ...)`). */
  columns: QName[];
  value: Expr;
}

export interface UpdateStmt extends Node {
  k: 'update';
  with?: With;
  /** The table being updated: a table name or an alias of a FROM item (T-SQL `UPDATE alias ... FROM`). */
  target: TableRef;
  sets: Assignment[];
  /** PL/SQL `SET ROW = rec`: the query that filled the record, whose columns replace the whole row (once known). */
  row?: Query;
  from: TableRef[];
  where?: Expr;
  /** T-SQL OUTPUT clauses: `OUTPUT .. INTO t`, then `OUTPUT ..` to the client (either alone). */
  output?: OutputClause[];
  returning?: SelectItem[];
}

export interface DeleteStmt extends Node {
  k: 'delete';
  with?: With;
  target: TableRef;
  /** MySQL `DELETE t1, t2 FROM t1 JOIN t2 ...` / `DELETE FROM t1, t2 USING ...`: the other tables deleted from. */
  moreTargets?: TableRef[];
  using: TableRef[];
  where?: Expr;
  /** T-SQL OUTPUT clauses: `OUTPUT .. INTO t`, then `OUTPUT ..` to the client (either alone). */
  output?: OutputClause[];
  returning?: SelectItem[];
}

export interface MergeWhen {
  matched: boolean;
  /** `WHEN NOT MATCHED BY SOURCE`. */
  bySource?: boolean;
  cond?: Expr;
  action: 'update' | 'delete' | 'insert' | 'nothing';
  sets?: Assignment[];
  columns?: Ident[];
  values?: Expr[];
  /** Oracle `UPDATE ... DELETE WHERE`. */
  deleteWhere?: Expr;
  /** Spark/Delta `UPDATE SET *` / `INSERT *`: every target column from the same-named source column. */
  all?: boolean;
}

export interface MergeStmt extends Node {
  k: 'merge';
  with?: With;
  target: TableRef;
  source: TableRef;
  on: Expr;
  whens: MergeWhen[];
  /** T-SQL OUTPUT clauses: `OUTPUT .. INTO t`, then `OUTPUT ..` to the client (either alone). */
  output?: OutputClause[];
}

export interface ColumnDef extends Node {
  name: Ident;
  type?: string;
  /** Declared `IDENTITY` (T-SQL `id INT IDENTITY(1,1)`): its values are the table's own. */
  identity?: boolean;
}

export interface CreateTableStmt extends Node {
  k: 'create_table';
  name: QName;
  temporary: boolean;
  columns: ColumnDef[];
  /** CTAS. */
  as?: Query;
  /** CREATE TABLE x LIKE y / (LIKE y). */
  like?: QName;
  /** CREATE TABLE x CLONE y (data copied). */
  clone?: QName;
  /** External/path location (`LOCATION '...'`). */
  location?: string;
  /** Offset of what follows its `AS` when that is no query (`AS SELEC a FROM t`): warned, no lineage. */
  notQuery?: number;
}

export interface CreateViewStmt extends Node {
  k: 'create_view';
  name: QName;
  columns?: Ident[];
  query: Query;
  materialized?: boolean;
  /** ClickHouse `CREATE MATERIALIZED VIEW v TO t AS SELECT ..`: the rows go into table t. */
  into?: QName;
  /** Columns of its own besides its query's (a Snowflake stream's `METADATA$ACTION`, ..). */
  ownColumns?: string[];
  /** The rows a table function returns (its RETURN query): the function is read as `FROM name(args)`. */
  tableFunction?: boolean;
}

export interface DropStmt extends Node {
  k: 'drop';
  objectType: string;
  names: QName[];
}

export interface RenameStmt extends Node {
  k: 'rename';
  from: QName;
  to: QName;
  /** Snowflake `ALTER TABLE a SWAP WITH b`: the two tables exchange their names; b's rows (and columns) become a's. */
  swap?: boolean;
}

export interface TruncateStmt extends Node {
  k: 'truncate';
  name: QName;
}

export interface UseStmt extends Node {
  k: 'use';
  name: QName;
  /** The statement sets the schema (`SET search_path`, `ALTER SESSION SET CURRENT_SCHEMA`), whatever USE sets in the dialect. */
  schema?: boolean;
  /** `SET search_path TO a, b, c`: the schemas after the first, where an unqualified name of a known table is looked for next. */
  searchPath?: string[];
}

/** A container: procedure, function, trigger, package body, anonymous block, IF/WHILE/LOOP bodies. */
export interface BlockStmt extends Node {
  k: 'block';
  kind: 'procedure' | 'function' | 'trigger' | 'package' | 'block';
  name?: QName;
  /** Parameter and local variable names (never tables). */
  variables: string[];
  body: Statement[];
  /** Expressions evaluated by control flow (IF conditions...), analysed for reads. */
  conditions?: Expr[];
  /** Loop record (`FOR r IN (SELECT ...) LOOP`, `FOR r IN cursor LOOP`): `r.col` reads the query's column. */
  record?: { name: string; query?: Query; cursor?: string };
  /** Trigger: the table it fires on (T-SQL `inserted`/`deleted`, PL/SQL `:NEW`/`:OLD` read it). */
  triggerTable?: QName;
  /** Trigger: qualifiers whose columns read the trigger's table (`new`, `old`, REFERENCING names). */
  triggerRows?: string[];
  /** A DECLARE / LET statement: its variables stay in scope after it (to the end of the enclosing block). */
  declaration?: boolean;
  /**
   * PostgreSQL `RETURNS trigger`: its NEW.col / OLD.col read the table of the trigger that runs it
   * (`CREATE TRIGGER .. ON t .. EXECUTE FUNCTION f()`), so it is analyzed there, bound to that table.
   */
  triggerFunction?: boolean;
  /**
   * A table function (T-SQL `RETURNS TABLE` / `RETURNS @t TABLE (..)`, `RETURNS TABLE (cols)`,
   * `RETURNS SETOF t`, BigQuery CREATE TABLE FUNCTION): its rows are those of the query it returns
   * (`RETURN (query)`, `RETURN QUERY query`, a SQL body's SELECT), or of its table variable.
   */
  returnsTable?: TableReturn;
}

/** What a table function's rows are: named by `columns` when declared, else by the query's outputs. */
export interface TableReturn {
  columns?: Ident[];
  /** T-SQL multi-statement function: the table variable holding the rows (`@result`). */
  variable?: QName;
  /** `RETURNS SETOF t`: rows of table t. */
  rowsOf?: QName;
}

/** A cursor: `DECLARE c CURSOR FOR select`, PL/SQL `CURSOR c IS select`, `OPEN c FOR select`. */
export interface CursorStmt extends Node {
  k: 'cursor';
  name: Ident;
  query: Query;
  /** Snowflake `LET c CURSOR FOR res`: a cursor over result set variable `res` (its query, run where `res` was assigned). */
  of?: Ident;
}

/**
 * Assignment to variables: `SET @v = expr`, PL/SQL `v := expr`, `DECLARE @v INT = expr`; or a
 * fetch of a cursor's columns into variables (`FETCH c INTO @a, @b`, `FETCH c BULK COLLECT INTO t`).
 */
export interface AssignStmt extends Node {
  k: 'assign';
  /** Variable names as written; a record field or element keeps its path (`r.f`, `t(i)`). */
  targets: string[];
  value?: Expr;
  /** FETCH: the cursor whose columns fill `targets`, by position. */
  cursor?: string;
}

/** Valid SQL with no lineage (SET, GRANT, COMMIT, ...), recorded by its leading keywords. */
export interface OtherStmt extends Node {
  k: 'other';
  keyword: string;
  /** Tables the statement names, when known (e.g. COPY, ANALYZE). */
  reads?: QName[];
  writes?: QName[];
  pathReads?: string[];
  pathWrites?: string[];
  /** `ALTER TABLE name ...` with other actions than RENAME TO: the table (actions: src/resolve/changes.ts). */
  alterTable?: QName;
  /** A routine called (`EXEC proc`, PL/SQL `pkg.proc(...)`): recorded, no lineage of its own. */
  call?: QName;
  /** Reported by the resolver (e.g. dynamic SQL that is not a literal, Oracle MODEL clause). */
  diagnostic?: { severity: 'warning' | 'note'; message: string; code?: string };
  /** `SET v = 'db.s.t'` (Snowflake, Databricks `SET VAR`): a session variable and the string literal it now holds, as written (none: not a string). */
  sessionSet?: { name: string; value?: string };
}
