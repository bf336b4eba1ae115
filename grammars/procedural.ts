/**
 * Grammar chapter: procedural code (routines, blocks, control flow).
 *
 * Two Chevrotain rules are the entry points: `procedural` (a statement starting with a procedural
 * keyword: BEGIN, IF, DECLARE, EXEC, ...) and `createRoutine` (CREATE/ALTER PROCEDURE, FUNCTION,
 * TRIGGER, PACKAGE, TYPE BODY). Each consumes its first token and hands over to the dialect's
 * procedural parser (tsql.ts, plsql.ts, sqlpsm.ts; machinery in procbase.ts and procblocks.ts),
 * chosen by the dialect's `procedural` semantics (src/dialects/registry.ts), which parses the rest by
 * keyword and calls back into the grammar for SQL statements and expressions. Dialects without a
 * procedural layer never enter these rules (`startsProcedural()` is false for them).
 */
import type { Statement } from '../src/ast/nodes.js';
import type { ProcDialect } from './procbase.js';
import type { SqlParser } from './parser.js';
import { PlSqlParser } from './plsql.js';
import { PsmParser } from './sqlpsm.js';
import * as T from './tokens.js';
import { TSqlParser } from './tsql.js';

export function defineProceduralRules(this: SqlParser): void {
  const $ = this.dsl;
  const dialect = proceduralLayer(this);
  this.proc = dialect;

  this.procedural = $.RULE('procedural', (): Statement => {
    const first = $.CONSUME(T.AnyToken);
    return $.ACTION(() => dialect!.statement(first));
  });

  this.createRoutine = $.RULE('createRoutine', (start: number): Statement => {
    const first = $.CONSUME(T.AnyToken);
    return $.ACTION(() => dialect!.routine(start, first));
  });
}

/** The procedural layer the dialect names, if any. */
function proceduralLayer(p: SqlParser): ProcDialect | undefined {
  switch (p.caps.procedural) {
    case 'tsql':
      return new TSqlParser(p);
    case 'plsql':
      return new PlSqlParser(p);
    case 'psm':
      return new PsmParser(p);
    case null:
      return undefined;
  }
}
