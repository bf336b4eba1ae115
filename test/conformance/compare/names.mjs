// Names, dialects and set comparison shared by the table and column comparators.

/** sqlfluff dialect (as used by sqllineage) -> our vendor id. */
export const DIALECT_VENDORS = {
  ansi: 'dbvansi',
  tsql: 'dbvmssql',
  oracle: 'dbvoracle',
  postgres: 'dbvpostgresql',
  mysql: 'dbvmysql',
  mariadb: 'dbvmysql',
  bigquery: 'dbvbigquery',
  snowflake: 'dbvsnowflake',
  redshift: 'dbvredshift',
  hive: 'dbvhive',
  sparksql: 'dbvsparksql',
  databricks: 'dbvdatabricks',
  athena: 'dbvathena',
  duckdb: 'dbvduckdb',
  greenplum: 'dbvgreenplum',
  db2: 'dbvdb2',
  teradata: 'dbvteradata',
  vertica: 'dbvvertica',
  exasol: 'dbvansi', // no Exasol vendor: generic ANSI
  materialize: 'dbvpostgresql', // Materialize speaks the PostgreSQL dialect
};

export function vendorFor(dialect) {
  return DIALECT_VENDORS[dialect] ?? 'dbvansi';
}

// ---------------------------------------------------------------------------------------------
// Names

/** A sqllineage Path entry (URI or file path) rather than a table name. */
export function isPathName(s) {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || (s.includes('/') && !s.includes('"'));
}

/**
 * Split an expected table name into its text (double quotes removed) and, per character,
 * whether it must match exactly: characters inside "..." are case-sensitive, the rest not.
 */
function parseExpectedName(name) {
  let text = '';
  const exact = [];
  let quoted = false;
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (ch === '"') {
      if (quoted && name[i + 1] === '"') {
        text += '"';
        exact.push(true);
        i++;
      } else {
        quoted = !quoted;
      }
      continue;
    }
    text += ch;
    exact.push(quoted);
  }
  return { text, exact };
}

/** Does an expected table name (sqllineage spelling) denote the name we emitted? */
export function tableNameMatches(expected, got) {
  if (isPathName(expected)) return expected === got;
  const { text, exact } = parseExpectedName(expected);
  if (text.length !== got.length) return false;
  for (let i = 0; i < text.length; i++) {
    const a = text[i];
    const b = got[i];
    if (exact[i] ? a !== b : a.toLowerCase() !== b.toLowerCase()) return false;
  }
  return true;
}

/** `db.schema.table` from the known parts; absent, empty and `DEFAULT` parts are dropped. */
export function qualify(...parts) {
  return parts.filter((p) => p !== undefined && p !== null && p !== '' && p !== 'DEFAULT').join('.');
}

/** Two-sided set comparison with a custom matcher (expected may mix exact and loose names). */
export function compareSets(expected, got, matches) {
  const missing = expected.filter((e) => !got.some((g) => matches(e, g)));
  const extra = got.filter((g) => !expected.some((e) => matches(e, g)));
  return { ok: missing.length === 0 && extra.length === 0, missing, extra };
}
