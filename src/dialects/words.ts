/** Word sets and function families the dialects of registry.ts are made of. */

/** Words that never act as an alias without AS in any dialect: they start the next clause or statement. */
export const NOT_ALIAS: ReadonlySet<string> = new Set([
  'START', 'CONNECT', 'WINDOW', 'OFFSET', 'QUALIFY', 'OPTION', 'APPLY', 'GO', 'RETURNING', 'PIVOT', 'UNPIVOT',
  'LATERAL', 'RLIKE', 'REGEXP', 'SIMILAR', 'TOP', 'MINUS', 'PARTITION', 'TABLESAMPLE', 'SAMPLE', 'OUTPUT',
  'KEEP', 'NOCYCLE', 'DECLARE', 'IF', 'BEGIN', 'EXEC', 'EXECUTE', 'RETURN', 'PRINT', 'WHILE', 'COMMIT',
  'ROLLBACK', 'USE', 'OPEN', 'CLOSE', 'DEALLOCATE', 'RAISERROR', 'THROW', 'GRANT', 'REVOKE', 'BREAK',
  'CONTINUE', 'LOOP', 'ELSIF', 'ELSEIF', 'EXCEPTION', 'FORALL', 'EXIT', 'RAISE', 'SEMI', 'ANTI', 'ASOF',
  'STRAIGHT_JOIN', 'LOG', 'INCLUDE', 'EXCLUDE', 'DEFAULT', 'BULK', 'DO',
]);

/** T-SQL date functions whose first argument is a date part keyword (`DATEADD(DAY, 1, d)`). */
export const TSQL_DATE_PART_FUNCTIONS: ReadonlySet<string> = new Set([
  'DATEADD', 'DATEDIFF', 'DATEDIFF_BIG', 'DATEPART', 'DATENAME', 'DATETRUNC', 'DATE_BUCKET',
]);

/** T-SQL table hints that may be written without WITH (`FROM t (NOLOCK)`). */
export const TSQL_BARE_TABLE_HINTS: ReadonlySet<string> = new Set([
  'NOLOCK', 'READUNCOMMITTED', 'READCOMMITTED', 'READCOMMITTEDLOCK', 'REPEATABLEREAD', 'SERIALIZABLE', 'SNAPSHOT',
  'UPDLOCK', 'XLOCK', 'HOLDLOCK', 'ROWLOCK', 'PAGLOCK', 'TABLOCK', 'TABLOCKX', 'NOWAIT', 'READPAST', 'NOEXPAND',
  'FORCESEEK', 'FORCESCAN',
]);

/** Vertica functions that move partitions between tables (`SELECT MOVE_PARTITIONS_TO_TABLE('src', min, max, 'target')`). */
export const VERTICA_PARTITION_FUNCTIONS: ReadonlySet<string> = new Set([
  'MOVE_PARTITIONS_TO_TABLE', 'COPY_PARTITIONS_TO_TABLE', 'SWAP_PARTITIONS_BETWEEN_TABLES',
]);

export const NONE: ReadonlySet<string> = new Set();
