/**
 * Block-structure words: one source for the statement splitter (src/split/splitter.ts) and the
 * procedural layers (tsql.ts, plsql.ts, sqlpsm.ts), so that what the splitter keeps whole is what
 * the layers parse as one construct. A leaf module: it imports nothing.
 */

/** Routine kinds of CREATE [OR REPLACE] ... in every procedural layer. */
export const ROUTINE_KINDS: ReadonlySet<string> = new Set(['PROCEDURE', 'FUNCTION', 'TRIGGER']);
/** T-SQL routine kinds: also `CREATE PROC`. */
export const TSQL_ROUTINE_KINDS: ReadonlySet<string> = new Set([...ROUTINE_KINDS, 'PROC']);
/** PL/SQL units: also packages and type bodies (a specification and a body). */
export const PLSQL_UNIT_KINDS: ReadonlySet<string> = new Set([...ROUTINE_KINDS, 'PACKAGE', 'TYPE']);
/** Every routine kind of any layer: the splitter keeps such a CREATE whole. */
export const ANY_ROUTINE_KIND: ReadonlySet<string> = new Set([...TSQL_ROUTINE_KINDS, ...PLSQL_UNIT_KINDS]);

/** Words after BEGIN that make it a transaction's (or a T-SQL dialog's) BEGIN, not a block's. */
export const BEGIN_NOT_BLOCK: ReadonlySet<string> = new Set([
  'TRAN', 'TRANSACTION', 'WORK', 'DISTRIBUTED', 'ISOLATION', 'DEFERRED', 'IMMEDIATE', 'EXCLUSIVE', 'READ', 'NAME',
  'DIALOG', 'CONVERSATION',
]);

/** Control statements closed by `END <word>` (END IF, END LOOP, ...) in PL/SQL and SQL/PSM. */
export const CLOSED_CONTROL: ReadonlySet<string> = new Set(['IF', 'LOOP', 'WHILE', 'REPEAT', 'FOR']);
/** Words that may follow END to close a construct: the control statements and CASE. */
export const END_CLOSERS: ReadonlySet<string> = new Set([...CLOSED_CONTROL, 'CASE']);
