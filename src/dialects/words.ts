/** Word sets and function families the dialects of registry.ts are made of. */
import type { DatePartFunctions, QueryClause } from './spec.js';

/** Words that never act as an alias without AS in any dialect: they start the next clause or statement. */
export const NOT_ALIAS: ReadonlySet<string> = new Set([
  'START', 'CONNECT', 'WINDOW', 'OFFSET', 'QUALIFY', 'OPTION', 'APPLY', 'GO', 'RETURNING', 'PIVOT', 'UNPIVOT',
  'LATERAL', 'RLIKE', 'REGEXP', 'SIMILAR', 'TOP', 'MINUS', 'PARTITION', 'TABLESAMPLE', 'SAMPLE', 'OUTPUT',
  'KEEP', 'NOCYCLE', 'DECLARE', 'IF', 'BEGIN', 'EXEC', 'EXECUTE', 'RETURN', 'PRINT', 'WHILE', 'COMMIT',
  'ROLLBACK', 'USE', 'OPEN', 'CLOSE', 'DEALLOCATE', 'RAISERROR', 'THROW', 'GRANT', 'REVOKE', 'BREAK',
  'CONTINUE', 'LOOP', 'ELSIF', 'ELSEIF', 'EXCEPTION', 'FORALL', 'EXIT', 'RAISE', 'SEMI', 'ANTI', 'ASOF',
  'STRAIGHT_JOIN', 'LOG', 'INCLUDE', 'EXCLUDE', 'DEFAULT', 'BULK', 'DO', 'DISTRIBUTED', 'DBCC', 'BACKUP', 'RESTORE',
]);

/** ClickHouse's query clauses and the words that start them (never an alias without AS). */
export const CLICKHOUSE_CLAUSES: ReadonlySet<QueryClause> = new Set<QueryClause>(['final', 'sample', 'prewhere', 'arrayJoin', 'limitBy', 'withTotals', 'settings', 'format', 'scalarWith', 'withFill']);
/** ClickHouse table functions naming a table on other servers (`Semantics.remoteTableFunctions`). */
export const CLICKHOUSE_REMOTE_TABLES: ReadonlySet<string> = new Set(['REMOTE', 'REMOTESECURE', 'CLUSTER', 'CLUSTERALLREPLICAS']);
/** ClickHouse dictionary lookups: `dictGet('db.dict', 'attr', key)` reads attribute `attr` of dictionary `db.dict`. */
export const CLICKHOUSE_DICTIONARY_LOOKUPS: ReadonlySet<string> = new Set(
  ['', 'OrDefault', 'OrNull', 'All', 'String', 'StringOrDefault', 'Float32', 'Float64', 'Float64OrDefault', 'Int8', 'Int16', 'Int32', 'Int64', 'UInt8', 'UInt16', 'UInt32', 'UInt64', 'UInt64OrDefault', 'Date', 'DateTime', 'UUID', 'Hierarchy'].map((s) => `DICTGET${s.toUpperCase()}`),
);
export const CLICKHOUSE_NOT_ALIAS: ReadonlySet<string> = new Set([...NOT_ALIAS, 'FINAL', 'PREWHERE', 'ARRAY', 'SETTINGS', 'FORMAT', 'GLOBAL', 'PASTE', 'INTERPOLATE']);
/** Row pattern recognition (`FROM t MATCH_RECOGNIZE (..)`: SQL:2016, Snowflake, Oracle 12c+, Trino / Presto / Athena). */
export const MATCH_RECOGNIZE_CLAUSES: ReadonlySet<QueryClause> = new Set<QueryClause>(['matchRecognize']);
export const MATCH_RECOGNIZE_NOT_ALIAS: ReadonlySet<string> = new Set([...NOT_ALIAS, 'MATCH_RECOGNIZE']);
/** Oracle: MATCH_RECOGNIZE and the spreadsheet-like `MODEL .. RULES (..)` after HAVING. */
export const ORACLE_CLAUSES: ReadonlySet<QueryClause> = new Set<QueryClause>(['matchRecognize', 'model']);
export const ORACLE_NOT_ALIAS: ReadonlySet<string> = new Set([...MATCH_RECOGNIZE_NOT_ALIAS, 'MODEL']);
/** Vertica's `TIMESERIES slice AS '3 seconds' OVER (..)`. */
export const VERTICA_CLAUSES: ReadonlySet<QueryClause> = new Set<QueryClause>(['timeseries', 'limitOver', 'transformPartition']);
export const VERTICA_NOT_ALIAS: ReadonlySet<string> = new Set([...NOT_ALIAS, 'TIMESERIES']);

/** DuckDB's `USING SAMPLE ..` at the end of a SELECT. */
export const DUCKDB_CLAUSES: ReadonlySet<QueryClause> = new Set<QueryClause>(['usingSample']);

/** Teradata's query clauses: `SELECT NORMALIZE`, `EXPAND ON`, `RESET WHEN` in a window, `SAMPLE` at the end of a SELECT. */
export const TERADATA_CLAUSES: ReadonlySet<QueryClause> = new Set<QueryClause>(['normalize', 'expandOn', 'resetWhen', 'selectSample']);
export const TERADATA_NOT_ALIAS: ReadonlySet<string> = new Set([...NOT_ALIAS, 'EXPAND']);
/** Teradata's bare `DATE` and `TIME`: the current date and time (reserved words; a column of that name is quoted). */
export const TERADATA_CURRENT_VALUES: ReadonlySet<string> = new Set(['DATE', 'TIME']);
/** Informix's `TODAY` (the current date) and bare `CURRENT` (the current datetime, `CURRENT YEAR TO SECOND`). */
export const INFORMIX_CURRENT_VALUES: ReadonlySet<string> = new Set(['TODAY', 'CURRENT']);

/** T-SQL functions taking a data type (see `Semantics.typeArgumentFunctions`): SELECT INTO's `IDENTITY(type [, seed, increment])`. */
export const TSQL_TYPE_ARGUMENTS: Readonly<Record<string, readonly number[]>> = { IDENTITY: [0] };

/** Date-part function families (see `Semantics.datePartFunctions`): function → date-part argument positions. */
export const TSQL_DATE_PARTS: DatePartFunctions = { DATEADD: [0], DATEDIFF: [0], DATEDIFF_BIG: [0], DATEPART: [0], DATENAME: [0], DATETRUNC: [0], DATE_BUCKET: [0] };
export const SNOWFLAKE_DATE_PARTS: DatePartFunctions = {
  DATEADD: [0], DATEDIFF: [0], TIMEADD: [0], TIMEDIFF: [0], TIMESTAMPADD: [0], TIMESTAMPDIFF: [0], DATE_PART: [0],
  DATE_TRUNC: [0], TIME_SLICE: [2], LAST_DAY: [1],
};
export const BIGQUERY_DATE_PARTS: DatePartFunctions = {
  DATE_DIFF: [2], DATETIME_DIFF: [2], TIMESTAMP_DIFF: [2], TIME_DIFF: [2], DATE_TRUNC: [1], DATETIME_TRUNC: [1],
  TIMESTAMP_TRUNC: [1], TIME_TRUNC: [1], LAST_DAY: [1],
};
export const REDSHIFT_DATE_PARTS: DatePartFunctions = { DATEADD: [0], DATEDIFF: [0], DATE_PART: [0], DATE_TRUNC: [0], DATEPART: [0] };
export const SPARK_DATE_PARTS: DatePartFunctions = { DATEADD: [0], DATEDIFF: [0], DATE_ADD: [0], DATE_DIFF: [0], TIMESTAMPADD: [0], TIMESTAMPDIFF: [0], DATE_PART: [0] };
export const MYSQL_DATE_PARTS: DatePartFunctions = { TIMESTAMPADD: [0], TIMESTAMPDIFF: [0] };
export const VERTICA_DATE_PARTS: DatePartFunctions = { DATEDIFF: [0], TIMESTAMPADD: [0], TIMESTAMPDIFF: [0] };
/** The generic dialect takes every family (the word must still be a date part, src/resolve/dateparts.ts). */
export const ANY_DATE_PARTS: DatePartFunctions = Object.fromEntries(
  [TSQL_DATE_PARTS, SNOWFLAKE_DATE_PARTS, BIGQUERY_DATE_PARTS, REDSHIFT_DATE_PARTS, SPARK_DATE_PARTS, MYSQL_DATE_PARTS, VERTICA_DATE_PARTS]
    .flatMap((f) => Object.entries(f))
    .reduce((m, [k, v]) => m.set(k, [...new Set([...(m.get(k) ?? []), ...v])]), new Map<string, number[]>()),
);
export const NO_DATE_PARTS: DatePartFunctions = {};

/** T-SQL table hints that may be written without WITH (`FROM t (NOLOCK)`). */
export const TSQL_BARE_TABLE_HINTS: ReadonlySet<string> = new Set([
  'NOLOCK', 'READUNCOMMITTED', 'READCOMMITTED', 'READCOMMITTEDLOCK', 'REPEATABLEREAD', 'SERIALIZABLE', 'SNAPSHOT',
  'UPDLOCK', 'XLOCK', 'HOLDLOCK', 'ROWLOCK', 'PAGLOCK', 'TABLOCK', 'TABLOCKX', 'NOWAIT', 'READPAST', 'NOEXPAND',
  'FORCESEEK', 'FORCESCAN',
]);

/** Vertica functions that move partitions between tables (`SELECT MOVE_PARTITIONS_TO_TABLE('src', min, max, 'target')`). */
/** Vertica's transform functions (flex tables' `MAPITEMS(attrs) OVER (PARTITION BEST)`, `EXPLODE(arr)`) and the columns they return. */
export const VERTICA_TRANSFORM_COLUMNS: Readonly<Record<string, { columns: readonly string[]; positions?: readonly number[] }>> = {
  MAPITEMS: { columns: ['keys', 'values'] },
  MAPKEYS: { columns: ['keys'] },
  MAPVALUES: { columns: ['values'] },
  // One array exploded (the default `explode_count`): the element's index and value.
  EXPLODE: { columns: ['position', 'value'], positions: [0] },
};

export const VERTICA_PARTITION_FUNCTIONS: ReadonlySet<string> = new Set([
  'MOVE_PARTITIONS_TO_TABLE', 'COPY_PARTITIONS_TO_TABLE', 'SWAP_PARTITIONS_BETWEEN_TABLES',
]);

export const NONE: ReadonlySet<string> = new Set();
export const NO_CLAUSES: ReadonlySet<QueryClause> = new Set();

/** Teradata's short statement words (`SEL a FROM t`, `INS INTO t SEL ..`, `UPD t SET ..`, `DEL FROM t`). */
export const TERADATA_ABBREVIATIONS: Readonly<Record<string, string>> = { SEL: 'SELECT', INS: 'INSERT', UPD: 'UPDATE', DEL: 'DELETE' };

/** SQLite's table-valued functions: `generate_series`' `value`; `json_each` / `json_tree` rows (`id` and `parent` are positions). */
const SQLITE_JSON_ROWS = { columns: ['key', 'value', 'type', 'atom', 'id', 'parent', 'fullkey', 'path'], positions: [4, 5] };
export const SQLITE_TABLE_FUNCTIONS = { GENERATE_SERIES: { columns: ['value'] }, JSON_EACH: SQLITE_JSON_ROWS, JSON_TREE: SQLITE_JSON_ROWS, JSONB_EACH: SQLITE_JSON_ROWS, JSONB_TREE: SQLITE_JSON_ROWS };
/** DuckDB's json extension: `json_each` / `json_tree` rows have SQLite's columns. */
export const DUCKDB_TABLE_FUNCTIONS = { JSON_EACH: SQLITE_JSON_ROWS, JSON_TREE: SQLITE_JSON_ROWS };
