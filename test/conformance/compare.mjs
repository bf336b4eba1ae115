// Pure comparison logic for the sqllineage conformance run: no I/O, no process state.
// The rules mirror sqllineage's own (SQLLineageHolder.of and get_column_lineage at the vendored
// commit); see README.md in this directory for the list. Split by level under compare/.
export { DIALECT_VENDORS, vendorFor, isPathName, tableNameMatches, qualify, compareSets } from './compare/names.mjs';
export { dbobjName, statementsFromTableJson, wholeScriptTables, compareTables } from './compare/tables.mjs';
export {
  parseCsv,
  isResultSetName,
  pairsFromCsv,
  formatColumn,
  formatPair,
  endToEndPairs,
  expectedPairs,
  compareColumns,
} from './compare/columns.mjs';
