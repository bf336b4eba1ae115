/**
 * The fast path (see fastexpr.ts) for the commonest pieces of a query around its expressions: a
 * select item with its alias, a FROM item that is a plain table name with its alias, a GROUP BY
 * item. Each mirrors its rule in query.ts / expressions.ts and gives up (consuming nothing) at
 * anything else, which the rule then parses as before.
 */
import { tokenMatcher, type IToken } from './chevrotain.js';
import type { Cte, Expr, Ident, JoinRef, OrderItem, QName, Query, Select, SelectItem, Statement, TableRef, With } from '../src/ast/nodes.js';
import type { QueryClause } from '../src/dialects/spec.js';
import { append, ident, qname, splitDotted } from './build.js';
import { FastExpr, GIVE_UP, Kind, tableOf } from './fastexpr.js';
import { seek } from './internals.js';
import { ISOLATION, lockInShareMode, onlyTable, skipFirstAhead, STAR_MODIFIERS, temporalAt, TIME_TRAVEL } from './query.js';
import { identifierCall, TABLE_MODIFIERS, TEMPORARY_WORDS } from './statements.js';
import * as T from './tokens.js';

const INDEX_HINT = /^(USE|FORCE|IGNORE)$/i;
const K = T.K;

/** The modifiers after SELECT that selectCore's first option reads (MySQL, BigQuery `AS STRUCT`). */
const SELECT_MODIFIERS = /^(SQL_CALC_FOUND_ROWS|SQL_NO_CACHE|HIGH_PRIORITY|STRAIGHT_JOIN|AS)$/i;
const SORT_CLAUSES = /^(CLUSTER|DISTRIBUTE|SORT)$/i;
const JOIN_HINTS = /^(HASH|LOOP|MERGE|REMOTE)$/i;
/** Tokens that start what `tableRef` reads after its first item (joins, LATERAL VIEW, PIVOT). */
const joinTable = tableOf([K.NATURAL!, K.INNER!, K.LEFT!, K.RIGHT!, K.FULL!, K.CROSS!, K.SEMI!, K.ANTI!, K.ASOF!, K.JOIN!, K.STRAIGHT_JOIN!, K.OUTER!, K.LATERAL!, K.PIVOT!, K.UNPIVOT!]);
/** The join kinds modelled here (NATURAL, SEMI, ANTI, ASOF, STRAIGHT_JOIN, APPLY, LATERAL and PIVOT are not: no JOIN follows where expected). */
const joinKindTable = tableOf([K.INNER!, K.LEFT!, K.RIGHT!, K.FULL!, K.CROSS!]);
const setOpTable = tableOf([K.UNION!, K.INTERSECT!, K.EXCEPT!, K.MINUS!]);
/** The word that starts each dialect-only query clause the fast path leaves to the rules. */
const CLAUSE_WORDS: Readonly<Partial<Record<QueryClause, string>>> = {
  final: 'FINAL',
  sample: 'SAMPLE',
  prewhere: 'PREWHERE',
  arrayJoin: 'ARRAY',
  settings: 'SETTINGS',
  format: 'FORMAT',
  matchRecognize: 'MATCH_RECOGNIZE',
  timeseries: 'TIMESERIES',
  expandOn: 'EXPAND',
  selectSample: 'SAMPLE',
  model: 'MODEL',
};

export class FastQuery extends FastExpr {
  /** Words of the dialect's own query clauses (ClickHouse FINAL, PREWHERE, .., MATCH_RECOGNIZE, TIMESERIES). */
  private clauseWords: ReadonlySet<string> | undefined;

  /** Does a clause of the dialect's own start at the cursor? The fast path leaves it to the rules. */
  private ownClause(): boolean {
    const words = (this.clauseWords ??= new Set([...this.parser.caps.queryClauses].map((c) => CLAUSE_WORDS[c]).filter((w): w is string => w !== undefined)));
    if (words.size === 0) return false;
    const t = this.toks[this.p];
    return t !== undefined && words.has(t.image.toUpperCase());
  }

  /** `selectCore` (other clauses than those of `core` are left to the rule). */
  selectCore(): Select | undefined {
    return this.run(Kind.SelectCore, () => this.core());
  }

  /**
   * `query`: [WITH ctes] set operations over SELECT cores and parenthesized queries, then ORDER
   * BY and LIMIT n.
   */
  override query(): Query | undefined {
    return this.run(Kind.Query, this.readQuery);
  }

  /** The body of `query` (one closure for every call). */
  private readonly readQuery = (): Query => {
    let w: With | undefined;
    if (this.is(K.WITH!)) w = this.withClause();
    const body = this.setExpr();
    // `body` is new and nobody else's: the tail's clauses go onto it (keys in the order a copy
    // `{ ...body, ...tail }` would have) instead of into a copy.
    const q: Query = Object.assign(body, this.tail());
    if (w) {
      q.with = body.with ? { ...w, ctes: [...w.ctes, ...body.with.ctes] } : w;
      q.start = w.start;
    }
    q.end = Math.max(q.end, this.end());
    return q;
  };

  /**
   * `statementWithSemi` when the statement is a query: `WITH ctes query` (the `withStatement`
   * rule; WITH before INSERT, UPDATE, DELETE or MERGE is left to it) or a query, then `;`.
   */
  statement(): Statement | undefined {
    const parser = this.parser;
    const first = parser.la(1).tokenType;
    if (first === K.WITH) return this.run(Kind.Statement, this.readWithStatement);
    if (first === K.INSERT) return this.run(Kind.Statement, this.readInsertStatement);
    if (first === K.CREATE) return this.run(Kind.Statement, this.readCreateStatement);
    if (!parser.startsQuery(1)) return undefined;
    // Read as `query` is: where it gives up, the rules' `query` at the same token need not retry it.
    return this.run(Kind.Query, this.readQueryStatement);
  }

  private readonly readQueryStatement = (): Statement => {
    const query = this.readQuery();
    // What the statement rule skips after a whole query (Teradata `SAMPLE n`) is left to it.
    const n = this.toks[this.p + 1];
    if (this.is(K.SAMPLE!) && n?.tokenType === T.NumberLit) throw GIVE_UP;
    // Informix `INTO TEMP t` after the query.
    if (this.is(K.INTO!) && /^(TEMP|SCRATCH|OUTFILE|DUMPFILE)$/i.test(n?.image ?? '')) throw GIVE_UP;
    const s: Statement = { k: 'query', query, start: query.start, end: query.end };
    if (this.is(T.Semicolon)) this.p++;
    return s;
  };

  private readonly readInsertStatement = (): Statement => this.semicolon(this.insert(undefined));

  /**
   * `createStmt` for `CREATE [modifiers] TABLE name AS query` and `CREATE [modifiers] VIEW name AS
   * query`; column lists, IF NOT EXISTS, options, LIKE, CLONE, WITH [NO] DATA / CHECK OPTION and
   * every other CREATE are left to the rules.
   */
  private readonly readCreateStatement = (): Statement => {
    const kw = this.expect(K.CREATE!);
    let temporary = false;
    let materialized = false;
    for (let m = this.toks[this.p]; m !== undefined && TABLE_MODIFIERS.test(m.image) && m.tokenType !== K.TABLE && m.tokenType !== K.VIEW; m = this.toks[this.p]) {
      this.p++;
      const u = m.image.toUpperCase();
      if (TEMPORARY_WORDS.has(u)) temporary = true;
      if (u === 'MATERIALIZED') materialized = true;
    }
    const t = this.toks[this.p];
    const table = t !== undefined && t.tokenType === K.TABLE;
    if (!table && (t === undefined || t.tokenType !== K.VIEW)) throw GIVE_UP;
    // BigQuery `CREATE TABLE FUNCTION` is a routine.
    if (table && this.toks[this.p + 1]?.image.toUpperCase() === 'FUNCTION') throw GIVE_UP;
    this.p++;
    if (this.is(K.IF!)) throw GIVE_UP; // IF NOT EXISTS
    const name = this.qname();
    this.expect(K.AS!);
    if (!this.startsQuery()) throw GIVE_UP;
    const query = this.subquery();
    // WITH [NO] DATA, Netezza DISTRIBUTE ON / ORGANIZE ON, Greenplum DISTRIBUTED BY / RANDOMLY: left to the rule.
    const after = this.toks[this.p];
    if (this.is(K.WITH!) || (after !== undefined && /^(DISTRIBUTE|ORGANIZE|DISTRIBUTED)$/i.test(after.image))) throw GIVE_UP;
    const s: Statement = table
      ? { k: 'create_table', name, temporary, columns: [], as: query, like: undefined, clone: undefined, location: undefined, notQuery: undefined, start: kw.startOffset, end: this.end() }
      : { k: 'create_view', name, columns: undefined, query, materialized, start: kw.startOffset, end: this.end() };
    return this.semicolon(s);
  };

  /** The statement just read, then its optional `;`. */
  private semicolon(s: Statement): Statement {
    if (this.is(T.Semicolon)) this.p++;
    return s;
  }

  /**
   * `insertStmt` for `INSERT INTO name [(columns)] query`: the other forms (REPLACE, OVERWRITE,
   * INSERT ALL, TABLE, PARTITION, table hints, an alias, OUTPUT, VALUES without a query's parentheses are
   * still a query; ON CONFLICT / DUPLICATE KEY, RETURNING, LOG ERRORS, ...) are left to the rule.
   */
  private insert(w: With | undefined): Statement {
    const kw = this.expect(K.INSERT!);
    this.expect(K.INTO!);
    const t = this.toks[this.p];
    if (t === undefined || t.tokenType === K.TABLE || t.tokenType === K.LOCAL || t.tokenType === K.DIRECTORY) throw GIVE_UP;
    if (identifierCall(t, this.toks[this.p + 1] ?? t, this.toks[this.p + 3])) throw GIVE_UP;
    const target = this.qname();
    const a = this.toks[this.p];
    if (a === undefined || a.tokenType === K.PARTITION || a.tokenType === K.IF || a.tokenType === K.AS || a.tokenType === K.OUTPUT) throw GIVE_UP;
    if (a.tokenType === K.WITH && this.toks[this.p + 1]?.tokenType === T.LParen) throw GIVE_UP; // table hints
    seek(this.parser, this.p - 1);
    if (this.parser.canAlias(a)) throw GIVE_UP;
    let columns: Ident[] | undefined;
    if (a.tokenType === T.LParen) {
      this.p++;
      if (this.startsQuery()) this.p--;
      else {
        columns = this.commaList(() => {
          const q = this.qname();
          return q.parts[q.parts.length - 1]!;
        });
        this.expect(T.RParen);
      }
    }
    if (!this.startsQuery() && !this.is(K.WITH!)) throw GIVE_UP;
    const source = this.subquery();
    const n = this.toks[this.p];
    if (n !== undefined && (n.tokenType === K.ON || n.tokenType === K.RETURNING || n.tokenType === K.LOG || n.tokenType === K.AS)) throw GIVE_UP;
    return {
      k: 'insert',
      with: w,
      target,
      pathTarget: undefined,
      alias: undefined,
      columns,
      source,
      overwrite: false,
      replace: false,
      upsert: undefined,
      returning: undefined,
      execProc: undefined,
      start: w ? w.start : kw.startOffset,
      end: this.end(),
    };
  }

  private readonly readWithStatement = (): Statement => {
    const w = this.withClause();
    const n = this.toks[this.p];
    if (n !== undefined && n.tokenType === K.INSERT) return this.semicolon(this.insert(w));
    if (n === undefined || (n.tokenType !== K.SELECT && n.tokenType !== T.LParen)) throw GIVE_UP;
    const body = this.setExpr();
    const tail = this.tail();
    // `INTO OUTFILE 'f'` after the query: left to the rule.
    if (this.is(K.INTO!) && /^(OUTFILE|DUMPFILE)$/i.test(this.toks[this.p + 1]?.image ?? '')) throw GIVE_UP;
    const withs = body.with ? { ...w, ctes: [...w.ctes, ...body.with.ctes] } : w;
    // As in readQuery: onto the new `body`, keys in the order of `{ ...body, ...tail, with, start, end }`.
    const query: Query = Object.assign(body, tail);
    query.with = withs;
    query.start = w.start;
    query.end = this.end();
    const s: Statement = { k: 'query', query, start: w.start, end: this.end() };
    if (this.is(T.Semicolon)) this.p++;
    return s;
  };

  /** `withClause`: WITH [RECURSIVE] cte, ... */
  private withClause(): With {
    const kw = this.expect(K.WITH!);
    // Oracle `WITH FUNCTION f ..`: routines declared for the query, left to the rule.
    if (this.parser.proc?.withRoutines !== undefined && (this.is(K.FUNCTION!) || this.is(K.PROCEDURE!))) throw GIVE_UP;
    let recursive = false;
    if (this.is(K.RECURSIVE!)) {
      this.p++;
      recursive = true;
    }
    const ctes = this.commaList(this.readCte);
    return { recursive, ctes, start: kw.startOffset, end: this.end() };
  }

  /** `cte`: name [(columns)] [AS] (query); [NOT] MATERIALIZED and data-modifying CTEs are left to the rule. */
  private readonly readCte = (): Cte => {
    const name = this.identifier();
    let columns: Ident[] | undefined;
    if (this.is(T.LParen) && !this.startsQuery()) {
      this.p++;
      columns = this.commaList(() => this.identifier());
      this.expect(T.RParen);
    }
    if (this.is(K.AS!)) this.p++;
    this.expect(T.LParen);
    const b = this.toks[this.p];
    if (b === undefined || (b.tokenType !== K.SELECT && b.tokenType !== K.WITH && b.tokenType !== T.LParen)) throw GIVE_UP;
    const query = this.subquery();
    this.expect(T.RParen);
    return { name, columns, query, start: name.start, end: this.end() };
  };

  private setExpr(): Query {
    let left = this.term();
    for (;;) {
      const op = this.toks[this.p];
      if (op === undefined || setOpTable[op.tokenTypeIdx] !== true) return left;
      if (op.tokenType === K.MINUS) throw GIVE_UP;
      this.p++;
      let all = false;
      if (this.is(K.ALL!)) {
        this.p++;
        all = true;
      } else if (this.is(K.DISTINCT!)) this.p++;
      const c = this.toks[this.p];
      if (c !== undefined && /^(CORRESPONDING)$/i.test(c.image) && /^BY$/i.test(this.toks[this.p + 1]?.image ?? '')) throw GIVE_UP;
      const right = this.term();
      const o = op.image.toLowerCase() as 'union' | 'intersect' | 'except' | 'minus';
      left = { k: 'setop', op: o, all, left, right, start: left.start, end: right.end };
    }
  }

  /** `queryTerm`: a SELECT core or a parenthesized query (PIVOT and VALUES are left to the rule). */
  private term(): Query {
    const t = this.toks[this.p];
    if (t !== undefined && t.tokenType === K.SELECT) return this.core();
    if (t === undefined || t.tokenType !== T.LParen) throw GIVE_UP;
    this.p++;
    const q = this.subquery();
    this.expect(T.RParen);
    return { ...q, start: t.startOffset, end: this.end() };
  }

  /** `queryTail`: [ORDER BY items] [LIMIT n [, m]]; ORDER BY ALL, OFFSET, FETCH and FOR ... are left to the rule. */
  private tail(): { orderBy?: OrderItem[]; limit?: Expr; offset?: Expr } {
    const tail: { orderBy?: OrderItem[]; limit?: Expr; offset?: Expr } = {};
    if (this.byClause(K.ORDER!)) {
      if (this.is(K.ALL!)) throw GIVE_UP; // ORDER BY ALL
      tail.orderBy = this.orderItems();
    }
    if (this.is(K.LIMIT!)) {
      this.p++;
      if (this.is(K.ALL!)) throw GIVE_UP;
      tail.limit = this.arith();
      if (this.is(T.Comma)) {
        this.p++;
        tail.offset = tail.limit;
        tail.limit = this.arith();
      }
      // ClickHouse `LIMIT n BY cols`.
      if (this.is(K.BY!) && this.parser.caps.queryClauses.has('limitBy')) throw GIVE_UP;
      // `LIMIT n WITH TIES`, Vertica `LIMIT n OVER (..)`.
      if ((this.is(K.WITH!) && this.toks[this.p + 1]?.tokenType === K.TIES) || this.is(K.OVER!)) throw GIVE_UP;
    }
    const t = this.toks[this.p];
    const u = this.toks[this.p + 1];
    if (t !== undefined && (t.tokenType === K.LIMIT || t.tokenType === K.OFFSET || t.tokenType === K.FETCH || t.tokenType === K.FOR || lockInShareMode(t, u))) throw GIVE_UP;
    // Db2 `WITH UR`: left to the rule.
    if (t !== undefined && t.tokenType === K.WITH && ISOLATION.test(u?.image ?? '')) throw GIVE_UP;
    if (this.ownClause()) throw GIVE_UP;
    return tail;
  }

  /** `selectCore`: SELECT [ALL | DISTINCT] items [FROM refs] [WHERE] [GROUP BY] [HAVING]. */
  private core(): Select {
    const kw = this.expect(K.SELECT!);
    const sel: Select = { k: 'select', items: [], from: [], groupBy: [], start: kw.startOffset, end: 0 };
    const m = this.toks[this.p];
    if (m !== undefined && SELECT_MODIFIERS.test(m.image) && this.toks[this.p + 1]?.tokenType !== T.Comma) throw GIVE_UP;
    if (m !== undefined && /^NORMALIZE$/i.test(m.image) && this.parser.caps.queryClauses.has('normalize')) throw GIVE_UP;
    if (m !== undefined && this.parser.caps.skipFirstRows && skipFirstAhead(m, this.toks[this.p + 1] ?? m)) throw GIVE_UP;
    if (this.is(K.ALL!)) this.p++;
    else if (this.is(K.DISTINCT!)) {
      this.p++;
      sel.distinct = true;
      if (this.is(K.ON!)) throw GIVE_UP;
    }
    const top = this.toks[this.p + 1]?.tokenType;
    if (this.is(K.TOP!) && (top === T.NumberLit || top === T.LParen || top === T.Variable)) throw GIVE_UP;
    // PL/pgSQL `SELECT INTO v expr ..`: left to the rule.
    if (this.is(K.INTO!)) throw GIVE_UP;
    sel.items = this.commaList(() => this.item());
    // SELECT INTO, Hive `SELECT TRANSFORM (..) USING 'x.py'`: left to the rule.
    if (this.is(K.BULK!) || this.is(K.INTO!) || this.is(K.USING!) || (this.is(K.ROW!) && /^FORMAT$/i.test(this.toks[this.p + 1]?.image ?? ''))) throw GIVE_UP;
    if (this.is(K.FROM!)) {
      this.p++;
      sel.from = this.commaList(() => this.ref());
    }
    if (this.is(K.WHERE!)) {
      this.p++;
      sel.where = this.chain();
    }
    if (this.is(K.START!) || this.is(K.CONNECT!)) throw GIVE_UP;
    if (this.byClause(K.GROUP!)) {
      if (this.is(K.ALL!) || this.is(K.DISTINCT!)) throw GIVE_UP;
      sel.groupBy = this.commaList(() => this.group());
      if (this.is(K.WITH!) || this.is(K.GROUPING!)) throw GIVE_UP; // WITH ROLLUP, Hive's GROUPING SETS after the list
    }
    if (this.is(K.HAVING!)) {
      this.p++;
      sel.having = this.chain();
    }
    const c = this.toks[this.p];
    if (c !== undefined && (c.tokenType === K.WINDOW || c.tokenType === K.QUALIFY || (SORT_CLAUSES.test(c.image) && this.toks[this.p + 1]?.tokenType === K.BY))) throw GIVE_UP;
    if (this.ownClause()) throw GIVE_UP;
    // DuckDB `USING SAMPLE ..` (not in CLAUSE_WORDS: USING after a table is also a join's USING (..)).
    if (c?.tokenType === K.USING && this.parser.caps.queryClauses.has('usingSample')) throw GIVE_UP;
    sel.end = this.end();
    return sel;
  }

  /** `selectItem`: `expr [[AS] alias]` (T-SQL `alias = expr` and `* EXCEPT (...)` are left to the rule). */
  selectItem(): SelectItem | undefined {
    return this.run(Kind.SelectItem, () => this.item());
  }

  /** `groupItem` when it is one expression (not GROUPING SETS, not `()`). */
  groupItem(): Expr[] | undefined {
    return this.run(Kind.GroupItem, () => [this.group()]);
  }

  /** `tablePrimary` when it is a table name or a derived table, with an optional alias. */
  tablePrimary(): TableRef | undefined {
    return this.run(Kind.TablePrimary, () => this.primaryRef());
  }

  /** `orderItems`: `expr [ASC | DESC] [NULLS FIRST | LAST], ...`. */
  orderList(): OrderItem[] | undefined {
    return this.run(Kind.OrderItems, () => this.orderItems());
  }

  private item(): SelectItem {
    const t = this.toks[this.p];
    const t2 = this.toks[this.p + 1];
    if (this.parser.caps.assignmentAlias && t2?.tokenType === T.Eq && t !== undefined && (tokenMatcher(t, T.Identifier) || t.tokenType === T.Variable)) throw GIVE_UP;
    const expr = this.chain();
    const m = this.toks[this.p];
    if (expr.k === 'star' && m !== undefined && STAR_MODIFIERS.has(m.image.toUpperCase())) throw GIVE_UP;
    const alias = this.alias(true);
    return { expr, alias, start: expr.start, end: this.end() };
  }

  private group(): Expr {
    const t = this.toks[this.p];
    const t2 = this.toks[this.p + 1];
    if (t !== undefined && ((t.tokenType === K.GROUPING && t2?.tokenType === K.SETS) || (t.tokenType === T.LParen && t2?.tokenType === T.RParen))) throw GIVE_UP;
    return this.chain();
  }

  /** `tableRef`: a FROM item and its joins (`[INNER | LEFT | RIGHT | FULL | CROSS] [OUTER] JOIN x [ON cond]`). */
  private ref(): TableRef {
    let left = this.primaryRef();
    for (;;) {
      const t = this.toks[this.p];
      if (t === undefined || joinTable[t.tokenTypeIdx] !== true) return left;
      if (this.toks[this.p + 1]?.tokenType === K.APPLY) throw GIVE_UP;
      let kind = 'inner';
      if (joinKindTable[t.tokenTypeIdx] === true) {
        kind = t.image.toLowerCase();
        this.p++;
        if (this.is(K.OUTER!)) this.p++;
        const h = this.toks[this.p];
        if (h !== undefined && (h.tokenType === K.SEMI || h.tokenType === K.ANTI || JOIN_HINTS.test(h.image))) throw GIVE_UP;
      }
      this.expect(K.JOIN!);
      const right = this.primaryRef();
      const j: JoinRef = { k: 'join', kind, natural: false, left, right, start: left.start, end: 0 };
      if (this.is(K.ON!)) {
        this.p++;
        j.on = this.chain();
      } else if (this.is(K.USING!)) throw GIVE_UP;
      j.end = this.end();
      left = j;
    }
  }

  /** `tablePrimary`: a table name (`namedTable` without its options) or a derived table, with an alias. */
  private primaryRef(): TableRef {
    const t = this.toks[this.p];
    if (t !== undefined && t.tokenType === T.LParen) {
      this.p++;
      if (!this.startsQuery()) throw GIVE_UP;
      const query = this.subquery();
      this.expect(T.RParen);
      const alias = this.tableAlias();
      if (alias !== undefined) return { k: 'derived', query, alias, start: t.startOffset, end: this.end() };
      return { k: 'derived', query, start: t.startOffset, end: this.end() };
    }
    if (t === undefined || t.tokenType === K.LATERAL || !tokenMatcher(t, T.Identifier)) throw GIVE_UP;
    if (onlyTable(t, this.toks[this.p + 1] ?? t)) throw GIVE_UP;
    // Db2 `FINAL TABLE (INSERT ..)`: left to the rule.
    if (this.toks[this.p + 1]?.tokenType === K.TABLE) throw GIVE_UP;
    // Redshift PartiQL `UNPIVOT e.obj AS v AT k`: left to the rule.
    if (this.parser.caps.partiql && t.tokenType === K.UNPIVOT) throw GIVE_UP;
    // Netezza `EXTERNAL 'file' ..`: left to the rule.
    if (this.parser.caps.externalFileTables && t.tokenType === K.EXTERNAL && this.toks[this.p + 1]?.tokenType === T.StringLit) throw GIVE_UP;
    // Databricks `STREAM t`: left to the rule.
    if (this.parser.caps.streamKeyword && /^STREAM$/i.test(t.image) && tokenMatcher(this.toks[this.p + 1] ?? t, T.Identifier) && this.toks[this.p + 1] !== undefined) throw GIVE_UP;
    const name = this.qname();
    const a = this.toks[this.p];
    const b = this.toks[this.p + 1];
    if (a !== undefined) {
      const at = a.tokenType;
      // A table function, AS OF / FOR SYSTEM_TIME, PARTITION (...): left to the rule.
      if (at === T.LParen || temporalAt(a, b, this.toks[this.p + 2])) throw GIVE_UP;
      if (at === K.PARTITION && b?.tokenType === T.LParen) throw GIVE_UP;
      // Snowflake AT(OFFSET => ..), BEFORE(..), CHANGES(..): not an alias.
      if (b?.tokenType === T.LParen && TIME_TRAVEL.test(a.image)) throw GIVE_UP;
    }
    const alias = this.tableAlias();
    const w = this.toks[this.p];
    const w2 = this.toks[this.p + 1];
    if (w !== undefined && ((w.tokenType === K.WITH && w2?.tokenType === T.LParen) || w.tokenType === K.TABLESAMPLE || (w.tokenType === K.SAMPLE && w2?.tokenType === T.LParen))) throw GIVE_UP;
    // ClickHouse FINAL / SAMPLE n after a table.
    if (this.ownClause()) throw GIVE_UP;
    // Redshift PartiQL `c.orders AS o AT i`: left to the rule.
    if (this.parser.caps.partiql && alias !== undefined && w !== undefined && /^AT$/i.test(w.image)) throw GIVE_UP;
    // MySQL index hints are left to the rule.
    if (w !== undefined && w2 !== undefined && INDEX_HINT.test(w.image) && /^(INDEX|KEY)$/i.test(w2.image)) throw GIVE_UP;
    if (alias !== undefined) return { k: 'table', name, alias, start: name.start, end: this.end() };
    return { k: 'table', name, start: name.start, end: this.end() };
  }

  /** `tableAlias` without a column list (`t (a, b)` is left to the rule). */
  private tableAlias(): Ident | undefined {
    const a = this.toks[this.p];
    if (a !== undefined && a.tokenType === K.AS && this.toks[this.p + 1]?.tokenType === K.OF) return undefined;
    const alias = this.alias(false);
    if (alias !== undefined) {
      const c = this.toks[this.p + 1];
      const d = this.toks[this.p + 2];
      if (this.is(T.LParen) && c !== undefined && tokenMatcher(c, T.Identifier) && (d?.tokenType === T.Comma || d?.tokenType === T.RParen)) throw GIVE_UP;
    }
    return alias;
  }

  /** `qname`: `a.b.c`, T-SQL `db..t` (an empty part); a `@dblink` is left to the rule. */
  private qname(): QName {
    let parts: Ident[] = [this.identifier()];
    while (this.is(T.Dot)) {
      const dot = this.toks[this.p++]!;
      if (this.is(T.Dot)) {
        this.p++;
        parts = append(parts, { text: '', quoted: false, start: dot.endOffset! + 1, end: dot.endOffset! + 1 });
      }
      parts = append(parts, this.identifier());
    }
    const at = this.toks[this.p];
    if (at !== undefined && at.image === '@' && this.toks[this.p + 1]?.tokenType !== T.Eq) throw GIVE_UP;
    return qname(this.parser.caps.dottedQuotedNames ? splitDotted(parts, this.parser.text) : parts);
  }

  private identifier(): Ident {
    const t = this.toks[this.p];
    if (t === undefined || !tokenMatcher(t, T.Identifier)) throw GIVE_UP;
    this.p++;
    return ident(t);
  }

  /** The `alias` rule behind the `aliasAhead` gate of its callers; undefined when none follows. */
  private alias(allowString: boolean): Ident | undefined {
    const parser = this.parser;
    seek(parser, this.p - 1);
    if (!parser.aliasAhead(allowString)) return undefined;
    const t = this.toks[this.p]!;
    if (t.tokenType === K.AS) {
      this.p++;
      const n = this.toks[this.p];
      if (n !== undefined && tokenMatcher(n, T.Identifier)) {
        this.p++;
        return ident(n);
      }
      if (n !== undefined && n.tokenType === T.StringLit && allowString) return this.stringAlias(n);
      throw GIVE_UP;
    }
    if (tokenMatcher(t, T.Identifier)) {
      this.p++;
      return ident(t);
    }
    if (t.tokenType === T.StringLit && allowString && parser.caps.stringAliases) return this.stringAlias(t);
    throw GIVE_UP;
  }

  private stringAlias(s: IToken): Ident {
    this.p++;
    return { text: s.image.slice(1, -1), quoted: true, start: s.startOffset, end: s.endOffset! + 1 };
  }
}
