/** Every supported vendor, its aliases and its capabilities. */
import { BASE_CAPS, type Capabilities, type DialectSpec, type CaseRule, type WidgetVendor } from './spec.js';

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

function d(
  vendor: string,
  title: string,
  aliases: string[],
  caseRule: CaseRule,
  caps: Partial<Capabilities>,
  status: DialectSpec['status'] = 'generic',
  note?: string,
): DialectSpec {
  return { vendor, title, aliases, caseRule, caps: { ...BASE_CAPS, ...caps }, status, note, widget: widgetVendor(vendor) };
}

const TSQL: Partial<Capabilities> = {
  bracketIdentifiers: true,
  atVariables: true,
  hashTempTables: true,
  dollarInIdentifiers: true,
  goBatches: true,
  statementsWithoutSemicolons: true,
};
const ORACLE: Partial<Capabilities> = {
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
  clientDelimiter: true,
  backtickIdentifiers: true,
  doubleQuotedStrings: true,
  atVariables: true,
  hashComments: true,
  backslashEscapes: true,
};
const HIVE: Partial<Capabilities> = { backtickIdentifiers: true, doubleQuotedStrings: true, backslashEscapes: true };
const POSTGRES: Partial<Capabilities> = { ...PSM, dollarQuotedStrings: true, nestedComments: true };

export const DIALECTS: DialectSpec[] = [
  d('dbvansi', 'ANSI SQL (generic)', ['ansi', 'generic', 'sql'], 'insensitive', PSM, 'full'),
  d('dbvmssql', 'Microsoft SQL Server (T-SQL)', ['mssql', 'sqlserver', 'tsql', 'dbvsqlserver'], 'insensitive', TSQL, 'full'),
  d('dbvazuresql', 'Azure SQL', ['azuresql', 'azure'], 'insensitive', TSQL, 'generic', 'T-SQL rules of dbvmssql'),
  d('dbvsybase', 'Sybase ASE', ['sybase'], 'insensitive', TSQL, 'generic', 'T-SQL rules of dbvmssql'),
  d('dbvoracle', 'Oracle (PL/SQL)', ['oracle', 'plsql'], 'upper', ORACLE, 'full'),
  d('dbvpostgresql', 'PostgreSQL', ['postgresql', 'postgres', 'pg'], 'lower', POSTGRES),
  d('dbvgreenplum', 'Greenplum', ['greenplum'], 'lower', POSTGRES),
  d('dbvredshift', 'Amazon Redshift', ['redshift'], 'lower', { ...POSTGRES, lateralColumnAlias: true }),
  d('dbvgaussdb', 'GaussDB', ['gaussdb'], 'lower', POSTGRES),
  d('dbvmysql', 'MySQL', ['mysql', 'mariadb'], 'insensitive', MYSQL),
  d('dbvhive', 'Apache Hive', ['hive'], 'insensitive', HIVE),
  d('dbvsparksql', 'Spark SQL', ['sparksql', 'spark'], 'insensitive', { ...HIVE, ...PSM, lateralColumnAlias: true }),
  d('dbvdatabricks', 'Databricks', ['databricks'], 'insensitive', { ...HIVE, ...PSM, lateralColumnAlias: true }),
  d('dbvimpala', 'Apache Impala', ['impala'], 'insensitive', HIVE),
  d('dbvbigquery', 'Google BigQuery', ['bigquery'], 'insensitive', {
    ...PSM,
    atVariables: true,
    dashedTableNames: true,
    backtickIdentifiers: true,
    doubleQuotedStrings: true,
    backslashEscapes: true,
    hashComments: true,
    lateralColumnAlias: true,
  }),
  d('dbvsnowflake', 'Snowflake', ['snowflake'], 'upper', { ...PSM, dollarQuotedStrings: true, lateralColumnAlias: true }),
  d('dbvdb2', 'IBM Db2', ['db2'], 'upper', PSM),
  d('dbvteradata', 'Teradata', ['teradata'], 'insensitive', { ...PSM, lateralColumnAlias: true }),
  d('dbvnetezza', 'IBM Netezza', ['netezza'], 'upper', PSM),
  d('dbvvertica', 'Vertica', ['vertica'], 'insensitive', { ...PSM, dollarQuotedStrings: true }),
  d('dbvhana', 'SAP HANA', ['hana', 'saphana'], 'upper', PSM),
  d('dbvinformix', 'Informix', ['informix'], 'insensitive', PSM),
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
