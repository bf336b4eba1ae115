/** Every supported vendor, its aliases and its capabilities. */
import { BASE_CAPS, type Capabilities, type DialectSpec, type CaseRule } from './spec.js';

function d(
  vendor: string,
  title: string,
  aliases: string[],
  caseRule: CaseRule,
  caps: Partial<Capabilities>,
  status: DialectSpec['status'] = 'generic',
  note?: string,
): DialectSpec {
  return { vendor, title, aliases, caseRule, caps: { ...BASE_CAPS, ...caps }, status, note };
}

/** Date-part function families (see `Capabilities.datePartArgs`). */
type DateParts = Capabilities['datePartArgs'];
const TSQL_DATES: DateParts = { DATEADD: [0], DATEDIFF: [0], DATEDIFF_BIG: [0], DATEPART: [0], DATENAME: [0], DATETRUNC: [0], DATE_BUCKET: [0] };
const SNOWFLAKE_DATES: DateParts = {
  DATEADD: [0], DATEDIFF: [0], TIMEADD: [0], TIMEDIFF: [0], TIMESTAMPADD: [0], TIMESTAMPDIFF: [0], DATE_PART: [0],
  DATE_TRUNC: [0], TIME_SLICE: [2], LAST_DAY: [1],
};
const BIGQUERY_DATES: DateParts = {
  DATE_DIFF: [2], DATETIME_DIFF: [2], TIMESTAMP_DIFF: [2], TIME_DIFF: [2], DATE_TRUNC: [1], DATETIME_TRUNC: [1],
  TIMESTAMP_TRUNC: [1], TIME_TRUNC: [1], LAST_DAY: [1],
};
const REDSHIFT_DATES: DateParts = { DATEADD: [0], DATEDIFF: [0], DATE_PART: [0], DATE_TRUNC: [0], DATEPART: [0] };
const SPARK_DATES: DateParts = { DATEADD: [0], DATEDIFF: [0], DATE_ADD: [0], DATE_DIFF: [0], TIMESTAMPADD: [0], TIMESTAMPDIFF: [0], DATE_PART: [0] };
const MYSQL_DATES: DateParts = { TIMESTAMPADD: [0], TIMESTAMPDIFF: [0] };
const VERTICA_DATES: DateParts = { DATEDIFF: [0], TIMESTAMPADD: [0], TIMESTAMPDIFF: [0] };
/** The generic dialect takes every family (the word must still be a date part). */
const ANY_DATES: DateParts = Object.fromEntries(
  [TSQL_DATES, SNOWFLAKE_DATES, BIGQUERY_DATES, REDSHIFT_DATES, SPARK_DATES, MYSQL_DATES, VERTICA_DATES]
    .flatMap((f) => Object.entries(f))
    .reduce((m, [k, v]) => m.set(k, [...new Set([...(m.get(k) ?? []), ...v])]), new Map<string, number[]>()),
);

const TSQL: Partial<Capabilities> = {
  datePartArgs: TSQL_DATES,
  bracketIdentifiers: true,
  atVariables: true,
  hashTempTables: true,
  dollarInIdentifiers: true,
  goBatches: true,
  statementsWithoutSemicolons: true,
};
const ORACLE: Partial<Capabilities> = {
  sequencePseudoColumns: true,
  qQuotedStrings: true,
  dollarInIdentifiers: true,
  slashTerminator: true,
  sqlPlusCommands: true,
  substitutionVariables: true,
};
/** SQL/PSM-style procedural code (BEGIN...END, IF...END IF, DECLARE, CALL, routine bodies). */
const PSM: Partial<Capabilities> = { psmBlocks: true };
const MYSQL: Partial<Capabilities> = {
  ...PSM,
  datePartArgs: MYSQL_DATES,
  clientDelimiter: true,
  backtickIdentifiers: true,
  doubleQuotedStrings: true,
  atVariables: true,
  hashComments: true,
  backslashEscapes: true,
};
const HIVE: Partial<Capabilities> = { datePartArgs: SPARK_DATES, backtickIdentifiers: true, doubleQuotedStrings: true, backslashEscapes: true };
const POSTGRES: Partial<Capabilities> = { ...PSM, dollarQuotedStrings: true, nestedComments: true, jsonbOperators: true };

export const DIALECTS: DialectSpec[] = [
  d('dbvansi', 'ANSI SQL (generic)', ['ansi', 'generic', 'sql'], 'insensitive', { ...PSM, datePartArgs: ANY_DATES, sequencePseudoColumns: true }, 'full'),
  d('dbvmssql', 'Microsoft SQL Server (T-SQL)', ['mssql', 'sqlserver', 'tsql', 'dbvsqlserver'], 'insensitive', TSQL, 'full'),
  d('dbvazuresql', 'Azure SQL', ['azuresql', 'azure'], 'insensitive', TSQL, 'generic', 'T-SQL rules of dbvmssql'),
  d('dbvsybase', 'Sybase ASE', ['sybase'], 'insensitive', TSQL, 'generic', 'T-SQL rules of dbvmssql'),
  d('dbvoracle', 'Oracle (PL/SQL)', ['oracle', 'plsql'], 'upper', ORACLE, 'full'),
  d('dbvpostgresql', 'PostgreSQL', ['postgresql', 'postgres', 'pg'], 'lower', POSTGRES),
  d('dbvgreenplum', 'Greenplum', ['greenplum'], 'lower', POSTGRES),
  d('dbvredshift', 'Amazon Redshift', ['redshift'], 'lower', { ...POSTGRES, lateralColumnAlias: true, datePartArgs: REDSHIFT_DATES }),
  d('dbvgaussdb', 'GaussDB', ['gaussdb'], 'lower', POSTGRES),
  d('dbvmysql', 'MySQL', ['mysql', 'mariadb'], 'insensitive', MYSQL),
  d('dbvhive', 'Apache Hive', ['hive'], 'insensitive', HIVE),
  d('dbvsparksql', 'Spark SQL', ['sparksql', 'spark'], 'insensitive', { ...HIVE, ...PSM, lateralColumnAlias: true }),
  d('dbvdatabricks', 'Databricks', ['databricks'], 'insensitive', { ...HIVE, ...PSM, lateralColumnAlias: true, variantPaths: true }),
  d('dbvimpala', 'Apache Impala', ['impala'], 'insensitive', HIVE),
  d('dbvbigquery', 'Google BigQuery', ['bigquery'], 'insensitive', {
    ...PSM,
    datePartArgs: BIGQUERY_DATES,
    pivotAggregateFirst: true,
    dottedQuotedNames: true,
    atVariables: true,
    dashedTableNames: true,
    backtickIdentifiers: true,
    doubleQuotedStrings: true,
    backslashEscapes: true,
    hashComments: true,
    lateralColumnAlias: true,
  }),
  d('dbvsnowflake', 'Snowflake', ['snowflake'], 'upper', { ...PSM, dollarQuotedStrings: true, lateralColumnAlias: true, datePartArgs: SNOWFLAKE_DATES, sequencePseudoColumns: true, variantPaths: true }),
  d('dbvdb2', 'IBM Db2', ['db2'], 'upper', { ...PSM, sequencePseudoColumns: true }),
  d('dbvteradata', 'Teradata', ['teradata'], 'insensitive', { ...PSM, lateralColumnAlias: true }),
  d('dbvnetezza', 'IBM Netezza', ['netezza'], 'upper', PSM),
  d('dbvvertica', 'Vertica', ['vertica'], 'insensitive', { ...PSM, dollarQuotedStrings: true, datePartArgs: VERTICA_DATES, sequencePseudoColumns: true }),
  d('dbvhana', 'SAP HANA', ['hana', 'saphana'], 'upper', { ...PSM, sequencePseudoColumns: true }),
  d('dbvinformix', 'Informix', ['informix'], 'insensitive', { ...PSM, sequencePseudoColumns: true }),
  d('dbvathena', 'Amazon Athena', ['athena'], 'insensitive', { backtickIdentifiers: true }),
  d('dbvpresto', 'Presto / Trino', ['presto', 'trino', 'dbvtrino'], 'insensitive', PSM),
  d('dbvopenedge', 'Progress OpenEdge', ['openedge'], 'insensitive', {}),
  d('dbvcouchbase', 'Couchbase N1QL', ['couchbase', 'n1ql'], 'sensitive', { backtickIdentifiers: true, doubleQuotedStrings: true }),
  d('dbvduckdb', 'DuckDB', ['duckdb'], 'insensitive', {}),
  d('dbvclickhouse', 'ClickHouse', ['clickhouse'], 'sensitive', { backtickIdentifiers: true }),
  d('dbvsqlite', 'SQLite', ['sqlite'], 'insensitive', { ...PSM, backtickIdentifiers: true, bracketIdentifiers: true }),
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

export function defaultDialect(): DialectSpec {
  return byName.get('dbvansi')!;
}
