/** Every supported vendor, its aliases, its lexical rules and its semantics. */
import { BASE_CAPS, type Capabilities, type CaseRule, type DialectSpec, type Semantics, type WidgetVendor } from './spec.js';
import {
  ANY_DATE_PARTS, BIGQUERY_DATE_PARTS, CLICKHOUSE_CLAUSES, CLICKHOUSE_DICTIONARY_LOOKUPS, CLICKHOUSE_NOT_ALIAS, CLICKHOUSE_REMOTE_TABLES, MATCH_RECOGNIZE_CLAUSES, SQLITE_TABLE_FUNCTIONS, MATCH_RECOGNIZE_NOT_ALIAS, MYSQL_DATE_PARTS,
  NO_CLAUSES, DUCKDB_CLAUSES, DUCKDB_TABLE_FUNCTIONS, NO_DATE_PARTS, NONE, NOT_ALIAS, ORACLE_CLAUSES, ORACLE_NOT_ALIAS, TERADATA_CLAUSES, TERADATA_CURRENT_VALUES, TERADATA_NOT_ALIAS, INFORMIX_CURRENT_VALUES, VERTICA_CLAUSES, VERTICA_NOT_ALIAS, REDSHIFT_DATE_PARTS, SNOWFLAKE_DATE_PARTS,
  SPARK_DATE_PARTS, TERADATA_ABBREVIATIONS, TSQL_BARE_TABLE_HINTS, TSQL_DATE_PARTS, TSQL_TYPE_ARGUMENTS, VERTICA_DATE_PARTS, VERTICA_PARTITION_FUNCTIONS, VERTICA_TRANSFORM_COLUMNS,
} from './words.js';

/** What a dialect is made of: lexical capabilities and semantics (both partial, over the bases). */
interface Preset {
  caps?: Partial<Capabilities>;
  sem?: Partial<Semantics>;
}

/**
 * Vendor ids SQLFlow's widget does not know (it falls back to Oracle for them), drawn as the
 * nearest id it knows: ANSI and DuckDB as PostgreSQL (catalog.schema.table, double-quoted
 * names), ClickHouse and SQLite as MySQL (database.table, backtick names).
 */
const WIDGET_VENDOR: Record<string, string> = {
  dbvansi: 'dbvpostgresql',
  dbvduckdb: 'dbvpostgresql',
  dbvclickhouse: 'dbvmysql',
  dbvsqlite: 'dbvmysql',
};
/** Vendors whose names have one layer (the database) above the table. */
const DATABASE_LAYER_ONLY = new Set(['dbvmysql', 'dbvhive', 'dbvsparksql', 'dbvdatabricks', 'dbvimpala', 'dbvathena', 'dbvteradata', 'dbvcouchbase', 'dbvclickhouse', 'dbvsqlite']);

function widgetVendor(vendor: string): WidgetVendor {
  return { vendor: WIDGET_VENDOR[vendor] ?? vendor, layers: DATABASE_LAYER_ONLY.has(vendor) ? 'database' : 'database.schema' };
}

export const BASE_SEMANTICS: Semantics = {
  procedural: null,
  useSets: 'schema',
  selectIntoVariables: 'inRoutines',
  colonVariables: true,
  collectionCalls: true,
  assignmentAlias: false,
  stringAliases: false,
  attributePhrases: false,
  alterRedefines: false,
  statementsWithoutSemicolons: false,
  lateralColumnAlias: false,
  groupByPositions: true,
  aliasesBeforeColumns: false,
  datePartFunctions: NO_DATE_PARTS,
  typeArgumentFunctions: {},
  sequencePseudoColumns: false,
  spRenameDottedColumns: false,
  insertSkipsIdentity: false,
  recordRows: false,
  pivotAggregateFirst: false,
  variantPaths: false,
  dottedQuotedNames: false,
  fromPaths: false,
  partiql: false,
  valueTableStars: false,
  bareTableHints: NONE,
  partitionFunctions: NONE,
  remoteTableFunctions: NONE,
  dictionaryLookups: NONE,
  tableFunctionColumns: {},
  transformFunctionColumns: {},
  notAlias: NOT_ALIAS,
  queryClauses: NO_CLAUSES,
  currentValueWords: NONE,
  parametricCalls: false,
  streamKeyword: false,
  liveSchema: false,
  informationSchemaViews: false,
  rowValues: false,
  fileTables: false,
  columnsExpressions: false,
  fromFirstQueries: false,
  tableVariables: false,
  documentQueries: false,
  skipFirstRows: false,
  outerFromItems: false,
  externalFileTables: false,
  splRoutines: false,
  fromFirstSubqueries: false,
  tableQueries: false,
  temporarySchema: false,
  metadataColumns: NONE,
  databaseLinks: false,
};

function d(
  vendor: string,
  title: string,
  aliases: string[],
  caseRule: CaseRule,
  preset: Preset,
  status: DialectSpec['status'] = 'generic',
  note?: string,
): DialectSpec {
  return { vendor, title, aliases, caseRule, caps: { ...BASE_CAPS, ...preset.caps }, semantics: { ...BASE_SEMANTICS, ...preset.sem }, status, note, widget: widgetVendor(vendor) };
}

/** Two presets in one (later wins). */
function and(...presets: Preset[]): Preset {
  return { caps: Object.assign({}, ...presets.map((p) => p.caps)), sem: Object.assign({}, ...presets.map((p) => p.sem)) };
}

const TSQL: Preset = {
  caps: {
    bracketIdentifiers: true,
    atVariables: true,
    hashTempTables: true,
    dollarInIdentifiers: true,
    goBatches: true,
  },
  sem: {
    procedural: 'tsql',
    useSets: 'database',
    selectIntoVariables: 'variablesOnly',
    collectionCalls: false,
    assignmentAlias: true,
    stringAliases: true,
    alterRedefines: true,
    statementsWithoutSemicolons: true,
    groupByPositions: false,
    datePartFunctions: TSQL_DATE_PARTS,
    typeArgumentFunctions: TSQL_TYPE_ARGUMENTS,
    bareTableHints: TSQL_BARE_TABLE_HINTS,
    insertSkipsIdentity: true,
  },
};
const ORACLE: Preset = {
  caps: {
    qQuotedStrings: true,
    dollarInIdentifiers: true,
    slashTerminator: true,
    sqlPlusCommands: true,
    substitutionVariables: true,
  },
  sem: { procedural: 'plsql', selectIntoVariables: 'always', colonVariables: false, sequencePseudoColumns: true, recordRows: true, groupByPositions: false, databaseLinks: true },
};
/** SQL/PSM-style procedural code (BEGIN...END, IF...END IF, DECLARE, CALL, routine bodies). */
const PSM: Preset = { sem: { procedural: 'psm' } };
/** `raw:a.b[0]`: a path into a semi-structured column, its `:` no bind-variable mark. */
const COLON_PATHS: Preset = { caps: { pathColons: true }, sem: { variantPaths: true } };
const LATERAL: Preset = { sem: { lateralColumnAlias: true } };
/** Spark file sources and Delta tables: the hidden `_metadata` struct (file_path, file_name, file_modification_time, ..). */
const FILE_METADATA: Preset = { sem: { metadataColumns: new Set(['_metadata']) } };
const MYSQL: Preset = and(PSM, {
  caps: {
    clientDelimiter: true,
    backtickIdentifiers: true,
    doubleQuotedStrings: true,
    atVariables: true,
    hashComments: true,
    backslashEscapes: true,
    dollarInIdentifiers: true,
  },
  sem: { collectionCalls: false, datePartFunctions: MYSQL_DATE_PARTS, stringAliases: true, tableQueries: true },
});
const HIVE: Preset = { caps: { backtickIdentifiers: true, doubleQuotedStrings: true, backslashEscapes: true }, sem: { datePartFunctions: SPARK_DATE_PARTS } };
// PostgreSQL and Redshift names may contain `$` after their first character (`$1` stays a parameter).
const POSTGRES: Preset = and(PSM, { caps: { dollarQuotedStrings: true, nestedComments: true, jsonbOperators: true, dollarInIdentifiers: true, psqlCommands: true }, sem: { tableQueries: true, rowValues: true, temporarySchema: true } });
const SEQUENCES: Preset = { sem: { sequencePseudoColumns: true } };
/** Row pattern recognition: `FROM t MATCH_RECOGNIZE (PARTITION BY .. MEASURES .. PATTERN (..) DEFINE ..)`. */
const MATCH_RECOGNIZE: Preset = { sem: { queryClauses: MATCH_RECOGNIZE_CLAUSES, notAlias: MATCH_RECOGNIZE_NOT_ALIAS } };

/** Hive, Spark: `SELECT .. FROM (FROM t SELECT a) x`. */
const FROM_FIRST_SUBQUERIES: Preset = { sem: { fromFirstSubqueries: true } };

export const DIALECTS: DialectSpec[] = [
  d('dbvansi', 'ANSI SQL (generic)', ['ansi', 'generic', 'sql'], 'insensitive', and(PSM, SEQUENCES, MATCH_RECOGNIZE, { sem: { datePartFunctions: ANY_DATE_PARTS, tableQueries: true } }), 'full'),
  d('dbvmssql', 'Microsoft SQL Server (T-SQL)', ['mssql', 'sqlserver', 'tsql', 'dbvsqlserver'], 'insensitive', TSQL, 'full'),
  d('dbvazuresql', 'Azure SQL', ['azuresql', 'azure'], 'insensitive', TSQL, 'generic', 'T-SQL rules of dbvmssql'),
  d('dbvsybase', 'Sybase ASE', ['sybase'], 'insensitive', and(TSQL, { caps: { starOuterJoins: true }, sem: { spRenameDottedColumns: true } }), 'generic', 'T-SQL rules of dbvmssql'),
  d('dbvoracle', 'Oracle (PL/SQL)', ['oracle', 'plsql'], 'upper', and(ORACLE, { sem: { queryClauses: ORACLE_CLAUSES, notAlias: ORACLE_NOT_ALIAS } }), 'full'),
  d('dbvpostgresql', 'PostgreSQL', ['postgresql', 'postgres', 'pg'], 'lower', POSTGRES),
  d('dbvgreenplum', 'Greenplum', ['greenplum'], 'lower', POSTGRES),
  d('dbvredshift', 'Amazon Redshift', ['redshift'], 'lower', and(POSTGRES, LATERAL, { caps: { approximateAggregates: true, backslashEscapes: true }, sem: { datePartFunctions: REDSHIFT_DATE_PARTS, fromPaths: true, partiql: true, rowValues: false } })),
  d('dbvgaussdb', 'GaussDB', ['gaussdb'], 'lower', POSTGRES),
  d('dbvmysql', 'MySQL', ['mysql', 'mariadb'], 'insensitive', MYSQL),
  d('dbvhive', 'Apache Hive', ['hive'], 'insensitive', and(HIVE, FROM_FIRST_SUBQUERIES)),
  // `v:a.b` (Spark 4's semi-structured extraction `expr : path`, over VARIANT; Databricks' also over JSON strings).
  d('dbvsparksql', 'Spark SQL', ['sparksql', 'spark'], 'insensitive', and(HIVE, PSM, LATERAL, FROM_FIRST_SUBQUERIES, COLON_PATHS, FILE_METADATA)),
  d('dbvdatabricks', 'Databricks', ['databricks'], 'insensitive', and(HIVE, PSM, LATERAL, FROM_FIRST_SUBQUERIES, COLON_PATHS, FILE_METADATA, { sem: { streamKeyword: true, liveSchema: true, fileTables: true } })),
  d('dbvimpala', 'Apache Impala', ['impala'], 'insensitive', and(HIVE, { caps: { bracketJoinHints: true }, sem: { fromPaths: true } })),
  d('dbvbigquery', 'Google BigQuery', ['bigquery'], 'insensitive', and(PSM, LATERAL, {
    caps: {
      atVariables: true,
      dashedTableNames: true,
      backtickIdentifiers: true,
      doubleQuotedStrings: true,
      backslashEscapes: true,
      hashComments: true,
    },
    sem: { collectionCalls: false, datePartFunctions: BIGQUERY_DATE_PARTS, pivotAggregateFirst: true, dottedQuotedNames: true, fromPaths: true, valueTableStars: true, rowValues: true, informationSchemaViews: true },
  })),
  d('dbvsnowflake', 'Snowflake', ['snowflake'], 'upper', and(PSM, LATERAL, SEQUENCES, MATCH_RECOGNIZE, {
    // METADATA$ACTION, SYSTEM$STREAM_HAS_DATA: unquoted names may contain `$`.
    caps: { dollarQuotedStrings: true, pathColons: true, dollarInIdentifiers: true, stageReferences: true, positionalColumns: true },
    sem: { datePartFunctions: SNOWFLAKE_DATE_PARTS, variantPaths: true },
  })),
  d('dbvdb2', 'IBM Db2', ['db2'], 'upper', and(PSM, SEQUENCES, { caps: { db2Registers: true, atTerminator: true } })),
  d('dbvteradata', 'Teradata', ['teradata'], 'insensitive', and(PSM, LATERAL, {
    caps: { keywordAbbreviations: TERADATA_ABBREVIATIONS, dotCommands: true, lockingModifiers: true, dollarInIdentifiers: true, atomicUpserts: true },
    sem: { attributePhrases: true, queryClauses: TERADATA_CLAUSES, notAlias: TERADATA_NOT_ALIAS, currentValueWords: TERADATA_CURRENT_VALUES },
  })),
  d('dbvnetezza', 'IBM Netezza', ['netezza'], 'upper', and(PSM, { sem: { externalFileTables: true } })),
  d('dbvvertica', 'Vertica', ['vertica'], 'insensitive', and(PSM, SEQUENCES, {
    caps: { dollarQuotedStrings: true, eventSeriesJoins: true },
    sem: { partitionFunctions: VERTICA_PARTITION_FUNCTIONS, transformFunctionColumns: VERTICA_TRANSFORM_COLUMNS, datePartFunctions: VERTICA_DATE_PARTS, queryClauses: VERTICA_CLAUSES, notAlias: VERTICA_NOT_ALIAS },
  })),
  d('dbvhana', 'SAP HANA', ['hana', 'saphana'], 'upper', and(PSM, SEQUENCES, { caps: { hashTempTables: true, withHints: true }, sem: { tableVariables: true } })),
  d('dbvinformix', 'Informix', ['informix'], 'insensitive', and(PSM, SEQUENCES, {
    caps: { datetimeQualifiers: true },
    sem: { skipFirstRows: true, outerFromItems: true, splRoutines: true, currentValueWords: INFORMIX_CURRENT_VALUES },
  })),
  d('dbvathena', 'Amazon Athena', ['athena'], 'insensitive', and(MATCH_RECOGNIZE, { caps: { backtickIdentifiers: true } })),
  d('dbvpresto', 'Presto / Trino', ['presto', 'trino', 'dbvtrino'], 'insensitive', and(PSM, MATCH_RECOGNIZE)),
  d('dbvopenedge', 'Progress OpenEdge', ['openedge'], 'insensitive', {}),
  d('dbvcouchbase', 'Couchbase N1QL', ['couchbase', 'n1ql'], 'sensitive', { caps: { backtickIdentifiers: true, doubleQuotedStrings: true }, sem: { documentQueries: true, rowValues: true } }),
  d('dbvduckdb', 'DuckDB', ['duckdb'], 'insensitive', and(LATERAL, { caps: { positionalJoins: true }, sem: { fileTables: true, columnsExpressions: true, fromFirstQueries: true, rowValues: true, queryClauses: DUCKDB_CLAUSES, tableFunctionColumns: DUCKDB_TABLE_FUNCTIONS } })),
  d('dbvclickhouse', 'ClickHouse', ['clickhouse'], 'sensitive', {
    caps: { backtickIdentifiers: true, distributedModifiers: true },
    // A select alias is seen in WHERE, GROUP BY, .. (`toDate(ts) AS d .. GROUP BY d`).
    sem: { queryClauses: CLICKHOUSE_CLAUSES, remoteTableFunctions: CLICKHOUSE_REMOTE_TABLES, dictionaryLookups: CLICKHOUSE_DICTIONARY_LOOKUPS, notAlias: CLICKHOUSE_NOT_ALIAS, lateralColumnAlias: true, aliasesBeforeColumns: true, parametricCalls: true, columnsExpressions: true },
  }),
  d('dbvsqlite', 'SQLite', ['sqlite'], 'insensitive', and(PSM, { caps: { backtickIdentifiers: true, bracketIdentifiers: true }, sem: { tableFunctionColumns: SQLITE_TABLE_FUNCTIONS } })),
];

const byName = new Map<string, DialectSpec>();
for (const spec of DIALECTS) {
  byName.set(spec.vendor, spec);
  for (const a of spec.aliases) byName.set(a, spec);
}

/** Resolve a vendor id or alias (case-insensitive; `dbv` prefix optional). */
export function resolveVendor(name: string): DialectSpec | undefined {
  const key = name.trim().toLowerCase();
  return byName.get(key) ?? byName.get(`dbv${key}`) ?? (key.startsWith('dbv') ? byName.get(key.slice(3)) : undefined);
}

/** The vendor used when none is given. */
export const DEFAULT_VENDOR = 'dbvansi';

export function defaultDialect(): DialectSpec {
  return byName.get(DEFAULT_VENDOR)!;
}

/**
 * Dialects tried, in this order, on a file that fails to parse in its own: one per distinct
 * grammar family, so the hint ("looks like PL/SQL: try -t oracle") names the likeliest one.
 */
export const HINT_VENDORS = ['dbvoracle', 'dbvmssql', 'dbvpostgresql', 'dbvmysql', 'dbvbigquery', 'dbvsnowflake', 'dbvhive', 'dbvteradata'];
