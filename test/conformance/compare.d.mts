// Types for compare.mjs, so that the Jest test (TypeScript, strict) can import it.

export interface TableExpectation {
  sources: string[];
  targets: string[];
}
export interface Statement {
  label: string;
  routine?: string;
  reads: string[];
  writes: string[];
  drops: string[];
  renames: [string, string][];
}
export interface SetDiff {
  missing: string[];
  extra: string[];
}
export interface ColumnRef {
  table: string | null;
  column: string;
}
export interface ColumnPair {
  source: ColumnRef;
  target: ColumnRef;
}
export type ExpectedColumnPairs = [[string | null, string], [string, string]][];

export const DIALECT_VENDORS: Record<string, string>;
export function vendorFor(dialect: string): string;
export function isPathName(s: string): boolean;
export function tableNameMatches(expected: string, got: string): boolean;
export function qualify(...parts: (string | undefined | null)[]): string;
export function compareSets<E, G>(expected: E[], got: G[], matches: (e: E, g: G) => boolean): { ok: boolean; missing: E[]; extra: G[] };
export function dbobjName(o: { name?: string; schema?: string; database?: string }): string;
export function statementsFromTableJson(doc: unknown): Statement[];
export function wholeScriptTables(statements: Statement[]): TableExpectation;
export function compareTables(
  expected: TableExpectation,
  doc: unknown,
): { ok: boolean; got: TableExpectation; statements: Statement[]; diff: { sources: SetDiff; targets: SetDiff } };
export function parseCsv(text: string, delimiter?: string): string[][];
export function isResultSetName(name: string): boolean;
export function pairsFromCsv(text: string): ColumnPair[];
export function formatColumn(c: ColumnRef): string;
export function formatPair(p: ColumnPair): string;
export function endToEndPairs(pairs: ColumnPair[]): ColumnPair[];
export function expectedPairs(columnPairs: ExpectedColumnPairs): ColumnPair[];
export function compareColumns(columnPairs: ExpectedColumnPairs, csvText: string): { ok: boolean; got: string[]; diff: SetDiff };
