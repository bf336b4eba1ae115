/**
 * Grammar chapter: DuckDB's PIVOT and UNPIVOT statements, queries of their own (also in a CTE or
 * a derived table):
 *
 *   PIVOT dataset ON col [IN (v, ...)] [, ...] USING agg(x) [AS a] [, ...] [GROUP BY g, ...]
 *   UNPIVOT dataset ON c1, c2 | (c1, c2) [AS n], ... [INTO NAME n VALUE v [, ...]]
 *
 * Each becomes `SELECT * FROM <a PIVOT/UNPIVOT table operator over the dataset>`, so its lineage
 * is the table operator's (src/resolve/operators.ts). ORDER BY / LIMIT follow as for any query.
 */
import { tokenMatcher } from './chevrotain.js';
import type { Expr, Ident, PivotRef, Select } from '../src/ast/nodes.js';
import { columnNamed } from './build.js';
import type { SqlParser } from './parser.js';
import * as T from './tokens.js';

const K = T.K;

export function definePivotStatementRules(this: SqlParser): void {
  const $ = this.dsl;
  const end = () => $.LA(0).endOffset! + 1;
  const word = (w: string) => tokenMatcher($.LA(1), T.Identifier) && $.LA(1).image.toUpperCase() === w;

  this.pivotStatement = $.RULE('pivotStatement', (): Select => {
    const kw = $.OR([{ ALT: () => $.CONSUME(K.PIVOT) }, { ALT: () => $.CONSUME(K.UNPIVOT) }]);
    const source = $.SUBRULE($.tablePrimary);
    const ref = $.OR1([
      { GATE: () => kw.tokenType === K.PIVOT, ALT: () => $.SUBRULE($.pivotWider) },
      { ALT: () => $.SUBRULE($.pivotLonger) },
    ]);
    return $.ACTION((): Select => {
      const pivot: PivotRef = { ...ref, source, start: source.start, end: end() };
      const star: Expr = { k: 'star', start: kw.startOffset, end: kw.endOffset! + 1 };
      return { k: 'select', items: [{ expr: star, start: star.start, end: star.end }], from: [pivot], groupBy: [], start: kw.startOffset, end: end() };
    });
  });

  /** `ON col [IN (...)], ... USING agg [AS a], ... [GROUP BY ...]`: the values of the ON columns become columns. */
  this.pivotWider = $.RULE('pivotWider', (): Omit<PivotRef, 'source' | 'start' | 'end'> => {
    const on: { expr: Expr; values?: Expr[] }[] = [];
    $.CONSUME(K.ON);
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const expr = $.SUBRULE($.arith);
        let values: Expr[] | undefined;
        $.OPTION(() => {
          $.CONSUME(K.IN);
          $.CONSUME(T.LParen);
          values = $.SUBRULE($.exprList);
          $.CONSUME(T.RParen);
        });
        on.push({ expr, values });
      },
    });
    let aggregates: Expr[] = [];
    let aggregateAliases: (Ident | undefined)[] = [];
    $.OPTION1(() => {
      $.CONSUME(K.USING);
      ({ aggregates, aggregateAliases } = $.SUBRULE($.pivotAggregates));
    });
    let groupBy: Expr[] | undefined;
    $.OPTION3(() => {
      $.CONSUME(K.GROUP);
      $.CONSUME(K.BY);
      groupBy = $.SUBRULE1($.exprList);
    });
    return $.ACTION(() => {
      const first = on[0]!.expr;
      // Without a USING clause DuckDB counts rows: every pivot column is decided by the ON columns alone.
      const forColumn: Ident = first.k === 'col' ? first.name.parts.at(-1)! : { text: 'pivot', quoted: false, start: first.start, end: first.end };
      // Every combination of the ON columns' values names a column (`2000_NL`); unknown without IN lists.
      let inList: { expr: Expr }[] = [{ expr: { k: 'op', op: 'ROW', args: [], start: first.start, end: first.end } }];
      const known = on.every((o) => o.values !== undefined);
      for (const o of on) inList = inList.flatMap((row) => (o.values ?? []).map((v) => ({ expr: { ...row.expr, args: [...(row.expr as { args: Expr[] }).args, v] } as Expr })));
      inList = inList.map((i) => ((i.expr as { args: Expr[] }).args.length === 1 ? { expr: (i.expr as { args: Expr[] }).args[0]! } : i));
      return { k: 'pivot' as const, unpivot: false, aggregates, aggregateAliases, forColumn, forExprs: on.map((o) => o.expr), inList: known ? inList : [], valuesUnknown: !known, groupBy };
    });
  });

  /** `ON c1, (c2, c3) AS n, ... [INTO NAME n VALUE v, ...]`: columns become rows (name, value). */
  this.pivotLonger = $.RULE('pivotLonger', (): Omit<PivotRef, 'source' | 'start' | 'end'> => {
    $.CONSUME1(K.ON);
    const inList: { expr: Expr; alias?: Ident }[] = [];
    $.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const expr = $.SUBRULE($.arith);
        let alias: Ident | undefined;
        $.OPTION({ GATE: () => $.LA(1).tokenType === K.AS, DEF: () => (alias = $.SUBRULE($.alias, { ARGS: [false] })) });
        inList.push({ expr, alias });
      },
    });
    let name: Ident | undefined;
    const values: Ident[] = [];
    $.OPTION1(() => {
      $.CONSUME(K.INTO);
      $.OPTION2({ GATE: () => word('NAME'), DEF: () => {
        $.CONSUME(T.Identifier);
        name = $.SUBRULE($.ident);
      } });
      $.OPTION3({ GATE: () => word('VALUE'), DEF: () => {
        $.CONSUME1(T.Identifier);
        $.AT_LEAST_ONE_SEP1({ SEP: T.Comma, DEF: () => values.push($.SUBRULE1($.ident)) });
      } });
    });
    return $.ACTION(() => {
      const at = inList[0]!.expr;
      const named = (text: string): Ident => ({ text, quoted: false, start: at.start, end: at.start });
      const valueCols = (values.length > 0 ? values : [named('value')]).map((v): Expr => columnNamed(v));
      return { k: 'pivot' as const, unpivot: true, aggregates: valueCols, forColumn: name ?? named('name'), inList };
    });
  });
}
