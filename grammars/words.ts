/**
 * Words shared across the grammar, in a leaf module (it imports nothing): block-structure words,
 * one source for the statement splitter (src/split/splitter.ts) and the procedural layers
 * (tsql.ts, plsql.ts, sqlpsm.ts), so that what the splitter keeps whole is what the layers parse
 * as one construct; and the first words of statements without lineage.
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
/** First words of control statements, which only make sense inside a block or routine. */
export const CONTROL_STATEMENT_WORDS: ReadonlySet<string> = new Set([...END_CLOSERS, 'FORALL', 'ELSE', 'ELSIF', 'ELSEIF']);

/**
 * First words of statements that are valid SQL without lineage (SET, GRANT, COMMIT, ...). A
 * statement that starts with any other word is reported as an error, not silently skipped.
 */
export const NO_LINEAGE_WORDS = new Set([
  'SET', 'RESET', 'GRANT', 'REVOKE', 'DENY', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'RELEASE', 'BEGIN', 'START', 'END',
  'ABORT', 'BT', 'ET', 'COLLECT', 'HELP', 'SHOW', 'DESCRIBE', 'DESC', 'EXPLAIN', 'ANALYZE', 'ANALYSE', 'VACUUM', 'COMMENT', 'CALL', 'EXEC', 'EXECUTE',
  'DECLARE', 'PREPARE', 'DEALLOCATE', 'LOCK', 'UNLOCK', 'REFRESH', 'MSCK', 'LOAD', 'ADD', 'LIST', 'GET', 'PUT',
  'REMOVE', 'OPTIMIZE', 'CACHE', 'UNCACHE', 'CLEAR', 'LISTEN', 'NOTIFY', 'UNLISTEN', 'DISCARD', 'CHECKPOINT', 'CLUSTER',
  'REINDEX', 'SECURITY', 'ALTER', 'CREATE', 'DROP', 'TRUNCATE', 'USE', 'PRINT', 'RAISERROR', 'THROW', 'WAITFOR', 'IF',
  'WHILE', 'RETURN', 'BREAK', 'CONTINUE', 'OPEN', 'CLOSE', 'FETCH', 'KILL', 'DBCC', 'BACKUP', 'RESTORE', 'BULK',
  'UPSERT', 'IMPORT', 'EXPORT', 'UNLOAD', 'COPY', 'PRAGMA', 'ATTACH', 'DETACH', 'INSTALL', 'SYNC', 'DO', 'UNDROP',
  'FLUSH', 'HANDLER', 'PURGE', 'RENAME', 'VALIDATE', 'AUDIT', 'NOAUDIT', 'ASSOCIATE', 'DISASSOCIATE', 'SUMMARIZE',
  'REPAIR', 'CHECKSUM', 'INVALIDATE', 'COMPUTE', 'SYNCHRONIZE', 'UNSET', 'MERGE', 'INSERT', 'UPDATE', 'DELETE',
  'REPLACE', 'WITH', 'SELECT', 'VALUES', 'TABLE', 'GO', 'REFERENCING', 'OPTIONS', 'UNDO', 'EXIT', 'QUIT', 'RAISE',
  'NULL', 'LOOP', 'FOR', 'FORALL', 'CASE', 'ELSE', 'ELSIF', 'ELSEIF', 'WHEN', 'REVERT', 'SETUSER',
  'RECONFIGURE', 'SHUTDOWN', 'READTEXT', 'WRITETEXT', 'UPDATETEXT', 'ENABLE', 'DISABLE', 'ON', 'STOP', 'FREEZE',
  'SAVE', 'GOTO', 'LABEL', 'OPTION', 'GROOM', 'GENERATE',
]);
