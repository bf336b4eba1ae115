/**
 * A dialect is data: lexical capabilities (read by the scanner and the splitter only), named
 * semantics (read by the parser and the resolver), an identifier-case rule and word sets.
 * The grammar is shared; it asks for semantics by name (`procedural`, `assignmentAlias`), never
 * for a dialect or for a lexical flag (test/unit/dialect-data.test.ts keeps it so).
 */

/**
 * How identifiers are matched: `upper` / `lower` fold unquoted names to that case and compare
 * quoted ones exactly; `insensitive` ignores the case of every name; `sensitive` compares every
 * name exactly (src/resolve/names.ts).
 */
export type CaseRule = 'lower' | 'upper' | 'insensitive' | 'sensitive';

/** Lexical rules: how the text is cut into tokens and chunks. Read only by src/lexer and src/split. */
export interface Capabilities {
  /** `[name]` identifiers with `]]` escape. */
  bracketIdentifiers: boolean;
  /** `` `name` `` identifiers. */
  backtickIdentifiers: boolean;
  /** `"text"` is a string literal rather than an identifier. */
  doubleQuotedStrings: boolean;
  /** `N'text'` national strings. */
  nationalStrings: boolean;
  /** `@var` and `@@global`. */
  atVariables: boolean;
  /** `#temp` and `##global` table names. */
  hashTempTables: boolean;
  /** `#` starts a line comment. */
  hashComments: boolean;
  /** `$tag$ ... $tag$` strings. */
  dollarQuotedStrings: boolean;
  /** Oracle `q'[...]'` strings with any delimiter. */
  qQuotedStrings: boolean;
  /** `$` may appear inside identifiers. */
  dollarInIdentifiers: boolean;
  /** `GO` on its own line separates batches. */
  goBatches: boolean;
  /** A line holding only `/` ends a PL/SQL unit (SQL*Plus). */
  slashTerminator: boolean;
  /** SQL*Plus commands (SET, PROMPT, SPOOL, @script) appear between statements. */
  sqlPlusCommands: boolean;
  /** `/* /* nested *\/ *\/` comments. */
  nestedComments: boolean;
  /** `&var` substitution variables. */
  substitutionVariables: boolean;
  /** Backslash escapes inside string literals. */
  backslashEscapes: boolean;
  /** A `DELIMITER xx` line (MySQL client command) changes the statement terminator. */
  clientDelimiter: boolean;
  /** Unquoted dashes in a project name after FROM/INTO/JOIN (`FROM my-project.ds.t`, BigQuery). */
  dashedTableNames: boolean;
  /** A `:` right after a name, `)` or `]` is a path separator (`raw:a.b`), not the start of a `:bind` (Snowflake, Databricks). */
  pathColons: boolean;
  /** `?`, `?|`, `?&` are (jsonb) operators, not parameter markers (PostgreSQL). */
  jsonbOperators: boolean;
  /** BTEQ commands: a line starting with `.` (`.LOGON`, `.IF ERRORCODE <> 0 THEN .QUIT 8`) is a client command (Teradata). */
  dotCommands: boolean;
  /** `LOCKING ROW FOR ACCESS` / `LOCK TABLE t FOR WRITE` before a statement or a view's query: a request modifier, no lineage (Teradata). */
  lockingModifiers: boolean;
  /** `APPROXIMATE COUNT(DISTINCT x)`, `APPROXIMATE PERCENTILE_DISC(..)`: the word only asks for an estimate (Redshift). */
  approximateAggregates: boolean;
  /** Special registers in two words (`CURRENT DATE`, `CURRENT TIMESTAMP`) and labeled durations (`CURRENT DATE - 1 DAY`, `+ t.n MONTHS`) (Db2). */
  db2Registers: boolean;
  /** A `@` outside any block or parentheses ends the statement, as the Db2 command line runs scripts (`db2 -td@ -f x.sql`, `--#SET TERMINATOR @`). */
  atTerminator: boolean;
  /** `UPDATE .. WHERE .. ELSE INSERT ..` (Teradata atomic upsert): the UPDATE, then the INSERT, each a statement. */
  atomicUpserts: boolean;
  /** `@stage/path/`, `@~/x`, `@%table` name a stage (Snowflake): one token, read as a path. */
  stageReferences: boolean;
  /** `$1`, `t.$2`: the columns of a staged file by position (Snowflake), names rather than parameters. */
  positionalColumns: boolean;
  /** Words that are another keyword written short (Teradata `SEL` = SELECT): upper-case word → keyword. */
  keywordAbbreviations: Readonly<Record<string, string>>;
  /**
   * How a distributed query runs, not what it reads (ClickHouse): `GLOBAL` before `IN` / `NOT IN` /
   * a join, the join strictness `ANY` / `ALL` (`ANY LEFT JOIN`, `LEFT ALL JOIN`), `ASOF` beside
   * LEFT / INNER and `PASTE` before JOIN are dropped from the token stream, as a comment would be.
   */
  distributedModifiers: boolean;
  /**
   * psql meta-commands: a line starting with `\` is a client command (`\set`, `\connect`, `\echo`:
   * skipped with a note), and `\copy ...` to the end of its line runs as `COPY ...` (PostgreSQL family).
   */
  psqlCommands: boolean;
  /** Event series joins `ON a.ts INTERPOLATE PREVIOUS VALUE b.ts` (Vertica): read as `a.ts = b.ts`. */
  eventSeriesJoins: boolean;
  /**
   * `a POSITIONAL JOIN b` (DuckDB): the rows of both sides paired by position, no condition. The
   * word is dropped from the token stream (a join without ON, as ClickHouse's `PASTE JOIN`), so it
   * is never read as `a`'s alias.
   */
  positionalJoins: boolean;
  /**
   * Informix datetime qualifiers: `CURRENT YEAR TO SECOND`, `EXTEND(ts, YEAR TO DAY)`, `DATETIME
   * YEAR TO FRACTION(3)` (a type) and the unit of `n UNITS DAY` only say which fields a value has:
   * they are dropped from the token stream (with EXTEND's comma), as a comment would be.
   */
  datetimeQualifiers: boolean;
  /**
   * Impala join hints in brackets, `JOIN [SHUFFLE] t`, `JOIN [BROADCAST] t`: how the join runs,
   * dropped from the token stream as a comment would be.
   */
  bracketJoinHints: boolean;
  /**
   * SAP HANA `WITH HINT (NO_CS_JOIN, ..)` at the end of a query or DML statement: how it runs,
   * dropped from the token stream as a comment would be.
   */
  withHints: boolean;
  /**
   * Sybase ASE's older outer joins in WHERE, `a.x *= b.x` (left) and `a.x =* b.x` (right): read as
   * `a.x = b.x`, a join condition (the star is dropped from the token stream).
   */
  starOuterJoins: boolean;
}

/**
 * A query clause of some dialects only (`Semantics.queryClauses`): ClickHouse `final` (`FROM t
 * FINAL`), `sample` (`FROM t SAMPLE 0.1 [OFFSET 0.5]`), `prewhere`, `arrayJoin` (`[LEFT] ARRAY
 * JOIN a [AS e], ..`), `limitBy` (`LIMIT n BY cols`), `withTotals` (`GROUP BY .. WITH TOTALS`),
 * `settings` (`SETTINGS k = v, ..`, also at the end of a UNION branch and before an INSERT's query),
 * `format` (`FORMAT name` at the end), `scalarWith` (`WITH expr AS name`), `withFill` (`ORDER BY d WITH
 * FILL [FROM a] [TO b] [STEP c]`, `INTERPOLATE (..)`); row pattern recognition `matchRecognize` (`FROM t MATCH_RECOGNIZE (..)`);
 * Vertica `timeseries` (`TIMESERIES slice AS '3 seconds' OVER (..)`), `limitOver` (`LIMIT n OVER
 * (PARTITION BY a ORDER BY b)`: the first n rows of each partition), `transformPartition` (`OVER (PARTITION BEST | NODES
 * | ROW | AUTO)` after a transform function); Teradata `normalize`
 * (`SELECT NORMALIZE [ON MEETS OR OVERLAPS] ..`), `expandOn` (`EXPAND ON period AS p ..`),
 * `resetWhen` (`OVER (.. ORDER BY d RESET WHEN cond)`), `selectSample` (`SAMPLE 0.1, 100` at the
 * end of a SELECT); Oracle `model` (`MODEL [PARTITION BY (..)] DIMENSION BY (..) MEASURES (..) RULES (..)`
 * after HAVING: the select items read the model's columns); DuckDB `usingSample` (`USING SAMPLE 10%` after QUALIFY).
 */
export type QueryClause =
  | 'final' | 'sample' | 'prewhere' | 'arrayJoin' | 'limitBy' | 'withTotals' | 'settings' | 'format' | 'scalarWith' | 'withFill' | 'matchRecognize' | 'timeseries' | 'limitOver' | 'transformPartition'
  | 'normalize' | 'expandOn' | 'resetWhen' | 'selectSample' | 'model' | 'usingSample';

/** Procedural language of a dialect: the layer in grammars/ that parses its blocks and routines. */
export type ProceduralLanguage = 'tsql' | 'plsql' | 'psm';

/** Date-part function family (see `Semantics.datePartFunctions`). */
export type DatePartFunctions = Readonly<Record<string, readonly number[]>>;

/** What the dialect's SQL means: read by the parser (grammars/) and the resolver (src/resolve). */
export interface Semantics {
  /**
   * Procedural layer: `tsql` (grammars/tsql.ts: batches, BEGIN...END, routines to GO), `plsql`
   * (grammars/plsql.ts: packages, blocks, `/` units), `psm` (grammars/sqlpsm.ts: SQL/PSM-style
   * BEGIN...END, IF...END IF, loops, CALL, routine bodies, PL/pgSQL), or none.
   */
  procedural: ProceduralLanguage | null;
  /** What a one-part `USE name` sets: the database (SQL Server) or the schema (MySQL/Hive databases are schemas). */
  useSets: 'database' | 'schema';
  /**
   * `SELECT ... INTO names` fills variables: `always` (PL/SQL), `inRoutines` (inside a routine or
   * block; at the top level INTO creates a table), `variablesOnly` (only names that are variables:
   * `@v`, `:v`, declared ones; T-SQL `SELECT ... INTO t` creates a table even in a routine).
   */
  selectIntoVariables: 'always' | 'inRoutines' | 'variablesOnly';
  /** `:v` in SQL reads variable `v` (Snowflake Scripting); false where `:name` is a host bind (Oracle). */
  colonVariables: boolean;
  /** A one-part call `v(i)` may read collection variable `v` (BULK COLLECT); false where variables carry a sigil (`@v`). */
  collectionCalls: boolean;
  /** `SELECT alias = expr` and `SELECT 'alias' = expr` (T-SQL). */
  assignmentAlias: boolean;
  /** `SELECT expr 'alias'`: a string written after a select item without AS is its alias (T-SQL, MySQL). */
  stringAliases: boolean;
  /**
   * Teradata attribute phrases after an expression: `x (FORMAT 'YYYY-MM-DD')`, `(TITLE 'Id')`,
   * `(NAMED n)` (names the select item like AS), `([NOT] CASESPECIFIC)`, `(UPPERCASE)`,
   * `(CHARACTER SET LATIN)`, and data type conversions `(DATE)`, `(CHAR(10))`, `(DATE, FORMAT '..')`.
   */
  attributePhrases: boolean;
  /** `ALTER PROCEDURE` / `ALTER VIEW` restate the whole definition (T-SQL): analyzed like CREATE. */
  alterRedefines: boolean;
  /** Statements need no `;` between them: the parser separates them by statement start (SQL Server). */
  statementsWithoutSemicolons: boolean;
  /** `GROUP BY 1, 2` groups by the first and second select items (false where a number there is a constant: Oracle, T-SQL). */
  groupByPositions: boolean;
  /** A select-list alias may be referenced later in the same select list / WHERE. */
  lateralColumnAlias: boolean;
  /**
   * Such a reference is the alias even where a source has a column of that name (ClickHouse:
   * `SELECT z AS a, a * 2 AS b FROM t` doubles `z`); elsewhere the source's column wins.
   */
  aliasesBeforeColumns: boolean;
  /**
   * Date-part function family: function name (upper case) → positions of the argument that is a
   * date-part keyword, not a column (`DATEDIFF(day, a, b)` → `DATEDIFF: [0]`; BigQuery `DATE_DIFF: [2]`).
   */
  datePartFunctions: DatePartFunctions;
  /**
   * Functions whose argument at these positions is a data type, not a value that is read
   * (T-SQL `SELECT IDENTITY(INT, 1, 1) AS id, .. INTO t` → `IDENTITY: [0]`).
   */
  typeArgumentFunctions: Readonly<Record<string, readonly number[]>>;
  /** `seq.NEXTVAL` / `seq.CURRVAL` read a sequence, not a column. */
  sequencePseudoColumns: boolean;
  /**
   * `sp_rename 'tab.col', 'new'` without a type names a column (Sybase ASE: an object to rename is
   * written `table.column`, tables are not qualified); otherwise it is an object, a column only with 'COLUMN' (T-SQL).
   */
  spRenameDottedColumns: boolean;
  /** An INSERT without a column list writes the columns not declared IDENTITY, in order (T-SQL: the IDENTITY takes its own value). */
  insertSkipsIdentity: boolean;
  /** `INSERT INTO t VALUES rec` / `VALUES coll(i)`: a record variable (or a collection's element) is the whole row (PL/SQL). */
  recordRows: boolean;
  /** A named PIVOT aggregate leads its columns' names (`total_Q1`, BigQuery) rather than trailing them (`Q1_total`). */
  pivotAggregateFirst: boolean;
  /** `raw:a.b[0]`: a path into a semi-structured (VARIANT / JSON) column reads that column (Snowflake, Databricks). */
  variantPaths: boolean;
  /** `` `proj.ds.tbl` ``: dots inside one pair of backticks still separate name parts (BigQuery). */
  dottedQuotedNames: boolean;
  /**
   * `FROM orders o, o.items i`: a FROM item named after an earlier item's alias is that item's
   * array column, unnested (BigQuery, Redshift PartiQL, Impala nested types).
   */
  fromPaths: boolean;
  /**
   * PartiQL over SUPER values (Redshift): `FROM t e, UNPIVOT e.obj AS v AT k` (the attributes of an
   * object column as rows, k their names) and `FROM c, c.arr AS o AT i` (i an element's position).
   */
  partiql: boolean;
  /**
   * `UNNEST(arr) AS e` has rows that are values, not records: `SELECT *` over them gives the
   * fields of an element of a declared struct type, `e` itself when not declared (BigQuery value tables).
   */
  valueTableStars: boolean;
  /** Table hints that may be written without WITH (`FROM t (NOLOCK)`: a table, not a table function). */
  bareTableHints: ReadonlySet<string>;
  /** Functions called in a SELECT that move partitions from the first table named to the last (Vertica). */
  partitionFunctions: ReadonlySet<string>;
  /**
   * Table functions (upper case) whose arguments after the first name a table on other servers:
   * ClickHouse `remote('address', db, table)`, `remote('address', 'db.table')`, `cluster('name', db.table)`.
   * Read (and in `INSERT INTO FUNCTION`, written) as that table.
   */
  remoteTableFunctions: ReadonlySet<string>;
  /**
   * Functions (upper case) whose first argument names a dictionary, read as a table, and whose
   * second names the attribute (or a tuple of attributes) they return: ClickHouse `dictGet('db.d', 'attr', key)`.
   */
  dictionaryLookups: ReadonlySet<string>;
  /**
   * Columns of the rows of table functions (upper case) where the dialect's differ from the
   * shared defaults (operators.ts DEFAULT_COLUMNS), and which of them are positions (decided by
   * the input, fdr): SQLite `generate_series(1, 10)` has `value`, its `json_each` / `json_tree`
   * `key, value, type, atom, id, parent, fullkey, path`.
   */
  tableFunctionColumns: Readonly<Record<string, { columns: readonly string[]; positions?: readonly number[] }>>;
  /**
   * Transform functions (upper case) called in a select list with `OVER (..)` and the columns
   * they return from their first argument when no `AS (a, b)` names them (`positions`: those
   * that are an element's position, decided by the argument, fdr); further arguments pass
   * through as outputs of their own: Vertica `MAPITEMS(m) OVER (PARTITION BEST)` returns `keys`,
   * `values`, `EXPLODE(arr, id) OVER (PARTITION BEST)` returns `position`, `value`, `id`.
   */
  transformFunctionColumns: Readonly<Record<string, { columns: readonly string[]; positions?: readonly number[] }>>;
  /** Words that never act as an alias written without AS (they start the next clause or statement). */
  notAlias: ReadonlySet<string>;
  /** The dialect's own query clauses (see `QueryClause`); their words are in `notAlias`. */
  queryClauses: ReadonlySet<QueryClause>;
  /**
   * Reserved words (upper case) that, unquoted, are always a current value, never a column, even
   * where a source has a column of that name (Teradata `DATE`, `TIME`: `WHERE d > DATE - 30`).
   */
  currentValueWords: ReadonlySet<string>;
  /**
   * Parametric functions `f(params)(args)` (ClickHouse `quantile(0.9)(x)`, `topK(10)(col)`,
   * `sequenceMatch('(?1)(?2)')(ts, c1, c2)`): the second list holds the arguments, the first
   * the function's constant parameters.
   */
  parametricCalls: boolean;
  /** `FROM STREAM t`, `FROM STREAM read_files('..')` (Databricks Delta Live Tables): the table or function read as a stream. */
  streamKeyword: boolean;
  /**
   * A FROM item's name used as a value is its whole row (BigQuery `ARRAY_AGG(o ORDER BY ts DESC
   * LIMIT 1)[OFFSET(0)]`, `TO_JSON_STRING(t)`, DuckDB `SELECT t FROM t`, PostgreSQL `to_jsonb(t)`):
   * it reads every column.
   */
  rowValues: boolean;
  /** `LIVE.t` (Databricks Delta Live Tables) is the pipeline's own table `t`: the same table as `t`. */
  liveSchema: boolean;
  /**
   * BigQuery `[proj.]ds.INFORMATION_SCHEMA.TABLES` (also `region-us.INFORMATION_SCHEMA.JOBS`):
   * the view `INFORMATION_SCHEMA.TABLES` of dataset (or region) `ds` in project `proj`.
   */
  informationSchemaViews: boolean;
  /** A quoted path in FROM is the files there (DuckDB `FROM 'orders.csv'`, Databricks `COPY INTO t FROM (SELECT .. FROM 's3://..')`). */
  fileTables: boolean;
  /**
   * `COLUMNS('regex')` / `COLUMNS(*)` in a select item (DuckDB, ClickHouse): the item stands for one
   * output per matching column of the FROM items, known from DDL or --schema.
   */
  columnsExpressions: boolean;
  /** A query may start with its FROM: `FROM t SELECT a WHERE ..`, `FROM t` (every column) (DuckDB), in CTAS, INSERT, CTEs and subqueries too. */
  fromFirstQueries: boolean;
  /**
   * `lt = SELECT ..;` in a procedure assigns the query's rows to table variable `lt`, read back as
   * `FROM :lt` (SAP HANA SQLScript); elsewhere a query assigned to a name is only read.
   */
  tableVariables: boolean;
  /**
   * Couchbase N1QL document queries: `ON KEYS e` / `ON KEY e FOR a` joins, `USE KEYS e`, `[LEFT]
   * UNNEST e [AS] a` and `NEST ks a ON KEYS e` FROM items, `ANY | EVERY v IN e SATISFIES c END`,
   * `ARRAY | FIRST x FOR v IN e [WHEN c] END`, `INSERT | UPSERT INTO ks (KEY k, VALUE v) query`.
   */
  documentQueries: boolean;
  /**
   * Netezza transient external tables `FROM EXTERNAL 'file' [(col type, ..) | SAMEAS t] [USING (..)]`:
   * the file's rows, as a table named by its path.
   */
  externalFileTables: boolean;
  /** `SELECT [SKIP n] [FIRST n | LIMIT n] ..` limits the rows (Informix). */
  skipFirstRows: boolean;
  /**
   * `FROM a, OUTER b [, OUTER (c, d)]`: an item of the FROM list written after `OUTER` is
   * outer-joined to the ones before it, its join condition in WHERE (Informix's older outer join).
   */
  outerFromItems: boolean;
  /**
   * Informix SPL routines: `CREATE PROCEDURE | FUNCTION p(..) [RETURNING t;] body END PROCEDURE |
   * FUNCTION` (no BEGIN around the body), `DEFINE v type;` declarations, `FOREACH [c FOR] SELECT ..
   * INTO v .. END FOREACH` loops.
   */
  splRoutines: boolean;
  /**
   * `(FROM t SELECT a WHERE ..)`: a query in parentheses may start with its FROM (Hive, Spark: a
   * subquery or derived table); at the top level such a query is a statement of its own (`fromFirst`).
   */
  fromFirstSubqueries: boolean;
  /** `TABLE t` is a query of every row and column of t (`SELECT * FROM t`): PostgreSQL, MySQL 8 (`CREATE TABLE x AS TABLE t`, `INSERT INTO x TABLE t`, a UNION branch). */
  tableQueries: boolean;
  /**
   * Temporary tables live in a schema of their own (PostgreSQL's `pg_temp`): `CREATE TEMP TABLE t`
   * is not in the default schema (`SET search_path`, `--default-schema`), so an unqualified `t`
   * then names it while `public.t` still names the permanent table.
   */
  temporarySchema: boolean;
  /**
   * Columns every table has without declaring them, left out of its `*` (Databricks / Spark
   * `_metadata`: the file-metadata struct of a file-based or Delta table, `_metadata.file_path`).
   * Lower-case names; a table whose columns are known (DDL, --schema) has them too.
   */
  metadataColumns: ReadonlySet<string>;
  /**
   * `t@link`, `s.t@link.example.com` name a table of another database, reached through a
   * database link (Oracle): the link is part of the table's name (`t@link`), so a remote table is
   * never the local one of that name. Elsewhere `@..` after a name is dropped (Databricks `t@v3`,
   * a version of the same table).
   */
  databaseLinks: boolean;
}

export interface DialectSpec {
  /** SQLFlow vendor id, e.g. `dbvmssql`. */
  vendor: string;
  /** Human name. */
  title: string;
  aliases: string[];
  caseRule: CaseRule;
  /** Lexical rules (scanner and splitter only). */
  caps: Capabilities;
  /** Named semantics (parser and resolver). */
  semantics: Semantics;
  /** `full`: dialect-specific work done; `generic`: the generic grammar with this dialect's lexical rules. */
  status: 'full' | 'generic';
  /** A note shown by `sqlflow vendors` (e.g. "mapped to dbvmssql"). */
  note?: string;
  /** How SQLFlow's diagram widget (`-f sqlflow-graph`) is told about this vendor. */
  widget: WidgetVendor;
}

/** The widget's view of a vendor. */
export interface WidgetVendor {
  /** A vendor id the widget knows (itself, or the nearest one for ids the widget does not know). */
  vendor: string;
  /**
   * The name layers above a table in the widget's hierarchy: `database.schema` (servers →
   * databases → schemas) or `database` (servers → databases; a two-part name's qualifier is the
   * database, as SQLFlow writes MySQL and Hive).
   */
  layers: 'database.schema' | 'database';
}

export const BASE_CAPS: Capabilities = {
  bracketIdentifiers: false,
  backtickIdentifiers: false,
  doubleQuotedStrings: false,
  nationalStrings: true,
  atVariables: false,
  hashTempTables: false,
  hashComments: false,
  dollarQuotedStrings: false,
  qQuotedStrings: false,
  dollarInIdentifiers: false,
  goBatches: false,
  slashTerminator: false,
  sqlPlusCommands: false,
  nestedComments: false,
  substitutionVariables: false,
  backslashEscapes: false,
  clientDelimiter: false,
  dashedTableNames: false,
  pathColons: false,
  jsonbOperators: false,
  dotCommands: false,
  lockingModifiers: false,
  approximateAggregates: false,
  db2Registers: false,
  atTerminator: false,
  atomicUpserts: false,
  stageReferences: false,
  positionalColumns: false,
  keywordAbbreviations: {},
  distributedModifiers: false,
  psqlCommands: false,
  eventSeriesJoins: false,
  positionalJoins: false,
  datetimeQualifiers: false,
  bracketJoinHints: false,
  withHints: false,
  starOuterJoins: false,
};
