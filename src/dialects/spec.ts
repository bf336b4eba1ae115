/**
 * A dialect is data: lexical capabilities, identifier-case rule and keyword adjustments.
 * The grammar is shared; it asks for capabilities by name (`bracketIdentifiers`, `goBatches`),
 * never for a dialect.
 */

/** How unquoted identifiers are matched (quoted ones are always compared exactly unless `caseInsensitiveQuoted`). */
export type CaseRule = 'lower' | 'upper' | 'insensitive' | 'sensitive';

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
  /** Statements need no `;` between them: split by statement start (SQL Server). */
  statementsWithoutSemicolons: boolean;
  /** `/* /* nested *\/ *\/` comments. */
  nestedComments: boolean;
  /** `&var` substitution variables. */
  substitutionVariables: boolean;
  /** A select-list alias may be referenced later in the same select list / WHERE. */
  lateralColumnAlias: boolean;
  /** Backslash escapes inside string literals. */
  backslashEscapes: boolean;
  /**
   * SQL/PSM-style procedural code (grammars/sqlpsm.ts): BEGIN...END blocks, DECLARE, IF...END IF,
   * loops, CALL, routine bodies (also dollar-quoted PL/pgSQL and `AS '...'` bodies).
   */
  psmBlocks: boolean;
  /** A `DELIMITER xx` line (MySQL client command) changes the statement terminator. */
  clientDelimiter: boolean;
  /** Unquoted dashes in a project name after FROM/INTO/JOIN (`FROM my-project.ds.t`, BigQuery). */
  dashedTableNames: boolean;
}

export interface DialectSpec {
  /** SQLFlow vendor id, e.g. `dbvmssql`. */
  vendor: string;
  /** Human name. */
  title: string;
  aliases: string[];
  caseRule: CaseRule;
  caps: Capabilities;
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
  statementsWithoutSemicolons: false,
  nestedComments: false,
  substitutionVariables: false,
  lateralColumnAlias: false,
  backslashEscapes: false,
  psmBlocks: false,
  clientDelimiter: false,
  dashedTableNames: false,
};
