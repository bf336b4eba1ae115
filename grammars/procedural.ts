/** Grammar chapter: procedural code (routines, blocks, control flow). */
import type { SqlParser } from './parser.js';

export function defineProceduralRules(this: SqlParser): void {
  const $ = this.dsl;
  this.procedural = $.RULE('procedural', () => $.SUBRULE($.otherStmt));
  this.createRoutine = $.RULE('createRoutine', (_start: number) => $.SUBRULE($.otherStmt));
}
