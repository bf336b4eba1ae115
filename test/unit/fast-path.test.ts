/**
 * The parser's fast path (grammars/fastexpr.ts, fastquery.ts) must change nothing but speed: the
 * same statements (every field, key order included, undefined fields included) and the same
 * problems as the rules alone, over every seed of the fuzz campaign under its vendor and a few
 * other vendors, and over seeded mutations of them (broken, truncated, nested input) under every
 * vendor. The fast path needs less stack than the rules, so a statement the rules find too deeply
 * nested (a stack overflow, which the analysis retries on its big-stack thread) may parse with it:
 * those cases are the one difference allowed, and counted.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { serializeGrammar } from '../../grammars/chevrotain.js';
import { DEEP_MESSAGE, parserFor, parseText } from '../../src/parse/parse.js';
import { DIALECTS, resolveVendor } from '../../src/dialects/registry.js';
import type { DialectSpec } from '../../src/dialects/spec.js';
import { caseArbitrary, loadSeeds, materialize } from '../fuzz/core.mjs';
import { ROOT } from '../helpers/paths.js';

/** Statements and problems of `text`, serialized with key order and undefined fields. */
function parsed(text: string, dialect: DialectSpec, fast: boolean): string {
  const parser = parserFor(dialect);
  const saved = parser.fast;
  if (!fast) parser.fast = undefined;
  try {
    const statements: unknown[] = [];
    let result: unknown;
    try {
      result = parseText(text, dialect, (s) => statements.push(s));
    } catch (err) {
      return `threw ${(err as Error).message}`;
    }
    try {
      return JSON.stringify({ statements, result }, (_k, v: unknown) => (v === undefined ? '<undefined>' : v));
    } catch {
      // Too deep to serialize (a fuzz case nesting thousands of levels): compare what is left.
      return JSON.stringify({ count: statements.length, result: (result as { problems: unknown }).problems });
    }
  } finally {
    parser.fast = saved;
  }
}

const seeds = loadSeeds(ROOT);
const vendors = DIALECTS.map((d) => d.vendor);
const dialectOf = (vendor: string) => resolveVendor(vendor) ?? resolveVendor('dbvansi')!;

test('the fast path is on by default', () => {
  expect(parserFor(dialectOf('dbvansi')).fast).toBeDefined();
});

test.each(['', 'dbvmssql', 'dbvoracle', 'dbvbigquery', 'dbvsnowflake', 'dbvmysql'])('every seed parses the same with and without the fast path (vendor %s)', (vendor) => {
  const differ: string[] = [];
  for (const s of seeds) {
    const d = dialectOf(vendor || s.vendor);
    if (parsed(s.text, d, true) !== parsed(s.text, d, false)) differ.push(s.name);
  }
  expect(differ).toEqual([]);
});

test('300 seeded mutated cases under every vendor parse the same with and without the fast path', () => {
  const differ: string[] = [];
  let deep = 0;
  const cases = fc.sample(caseArbitrary(seeds, vendors), { numRuns: 300, seed: 20261207 });
  for (const c of cases) {
    const text = materialize(c, seeds);
    const d = dialectOf(c.vendor || seeds[c.seed]!.vendor);
    const slow = parsed(text, d, false);
    if (slow.includes(DEEP_MESSAGE)) deep++;
    else if (parsed(text, d, true) !== slow) differ.push(`${seeds[c.seed]!.name} under ${d.vendor}`);
  }
  expect(differ).toEqual([]);
  expect(deep).toBeLessThan(30);
});

/** Query statements (read by the fast path up to their `;`) and their neighbours it leaves to the rules. */
const STATEMENTS = [
  'with a as (select x from t) select x from a;',
  'WITH a (x, y) AS (SELECT 1, 2), b AS (SELECT x FROM a) SELECT * FROM b ORDER BY x LIMIT 3;',
  'with recursive r(n) as (select 1 union all select n + 1 from r where n < 9) select n from r',
  'with a as (select 1 x) (select x from a) union (select x from a) order by 1;',
  'with a as (select 1 x) (with b as (select x from a) select x from b);',
  'with a as ((select 1 x)), b as (with c as (select 2 y) select y from c) select * from a, b;',
  'with a (select 1 x) select x from a;',
  'with a as materialized (select 1 x) select x from a;',
  'with a as not materialized (select 1 x) select x from a;',
  'with m as (delete from t where x = 1 returning x) select x from m;',
  'with a as (select x from s) insert into t select x from a;',
  'with a as (select x from s) update t set x = 1;',
  'with a as (values (1), (2)) select * from a;',
  'with a as (select x from t) select x from a minus select x from a;',
  'with a as (select x from t select x from a;',
  'with a as (select x from t)) select x from a;',
  'with as (select 1) select 1;',
  'with a as (select x from t) select x from a garbage here; select 1',
  'with a as (select extract(year from d) y from t) select y from a;',
  'select a from t; (select b from u) union all select c from v order by 1 limit 2;',
  '((select 1)); select 1 select 2',
  'with recursive as (select 1) select 1;',
  'with a as (select 1 x)\nselect x from a\nselect 2',
  'insert into s.t select a, b from u;',
  'INSERT INTO t (a, b) SELECT x, y FROM u UNION ALL SELECT 1, 2 ORDER BY 1;',
  'insert into t (x.a, b) (select 1, 2);',
  'insert into t ((select 1));',
  'insert into t with a as (select 1 x) select x from a;',
  'with a as (select 1 x) insert into t (x) select x from a;',
  'insert into t values (1, 2), (3, 4);',
  'insert into t (a) values (1);',
  'insert into t default values;',
  'insert into t set a = 1;',
  'insert t select 1;',
  'insert overwrite table t select 1;',
  'insert into table t select 1;',
  'insert into t partition (p = 1) select 1;',
  'insert into t as x (a) select 1 on conflict (a) do nothing;',
  'insert into t x select 1;',
  'insert into t (a) select 1 on duplicate key update a = 2;',
  'insert into t (a) select 1 returning a;',
  'insert into t output inserted.a select 1;',
  'insert into @v select 1;',
  'insert into t exec p 1;',
  'insert into t (a select 1;',
  'insert into t (a) select from;',
  'insert ignore into t select 1;',
  'insert all into t select 1 from dual;',
  'insert into t select 1 insert into u select 2',
  'insert into t (a) select c.a from (merge into u using s on u.a = s.a when matched then update set b = 1 output inserted.a) as c;',
  'create table s.t as select a, b from u;',
  'CREATE OR REPLACE TEMPORARY TABLE t AS WITH a AS (SELECT 1 x) SELECT x FROM a;',
  'create table t as (select 1 x) union select 2;',
  'create global temporary table t as select 1 x;',
  'create view v as select a from t;',
  'create or replace materialized view v as with a as (select 1 x) select x from a;',
  'create view v as (select 1 x);',
  'create view v as select 1 x with check option;',
  'create table t as select 1 x with no data;',
  'create table t (a int) as select 1;',
  'create table t (select 1 x);',
  'create table t select 1 x;',
  'create table if not exists t as select 1 x;',
  'create table if as select 1 x;',
  'create view if as select 1 x;',
  'create view v (a, b) as select 1, 2;',
  'create view v with schemabinding as select 1 x;',
  'create table t like u;',
  'create table t clone u;',
  'create table function f() as select 1;',
  'create table t, no fallback as select 1 x;',
  'create table t as select from;',
  'create table t as values (1);',
  'create temp view v as select 1 x',
  'create index i on t (a);',
  'replace view v as select 1 x;',
  'create materialized view v to t as select 1 x;',
  "select extract(year from d), extract('month' from cast(d as date)) + 1, extract(day from d)::int from t;",
  'select extract(year d) from t;',
  'select extract(from d) from t;',
  'select 1 from t where extract(epoch from a - b) > extract(hour from (select max(c) from u));',
  'select a from t with ur; select b from u WITH CS',
  'select a from t with x;',
  'select a from t sample 10; select a from t sample .25, .5; select a from t sample x;',
  'with a as (select 1 x) select x from a with ur;',
  "insert into dw.f (a, b) select s.a, s.b from stg.s s log errors into err$_f ('load 1') reject limit unlimited;",
  'insert into t values (1) log errors; insert into t select 1 from dual log errors reject limit 10',
  'insert into t with (tablock) (a) select a from s with (nolock); insert into t with (tablock) select b from s x with (nolock); select a from s with (nolock) x;',
  'create stream s on table t; create or replace stream if not exists s2 copy grants on view v append_only = true; create stream s3 on stage st;',
  "load data inpath '/x' into table t; load data overwrite t from files (uris = ['gs://a']); export data options (uri = 'gs://b/*') as select a from t;",
  'select a, b from t order by all; select a from t group by all order by all desc nulls last limit 5; select a from t order by all, b;',
];

test.each(['dbvansi', 'dbvmssql', 'dbvoracle', 'dbvpostgresql', 'dbvbigquery', 'dbvsnowflake', 'dbvhive', 'dbvmysql'])('query, INSERT and CREATE ... AS statements (WITH, set operations, errors) parse the same with and without the fast path (%s)', (vendor) => {
  const d = dialectOf(vendor);
  const differ = STATEMENTS.filter((text) => parsed(text, d, true) !== parsed(text, d, false));
  expect(differ).toEqual([]);
  // And all of them as one script.
  const script = STATEMENTS.join('\n');
  expect(parsed(script, d, true)).toBe(parsed(script, d, false));
});

/** Query clauses of some dialects only (ClickHouse, MATCH_RECOGNIZE, Vertica TIMESERIES): the fast path leaves them to the rules. */
const CLAUSES: [string, string][] = [
  ['dbvclickhouse', "insert into a.d (d, u, c) select toDate(ts) as d, u, count() as c from r.e final prewhere t = 'x' where ts > 1 group by d, u settings max_threads = 8;"],
  ['dbvclickhouse', 'select u, p from r.s array join pages as p, q limit 3 by u; select u from r.s as s left array join tags where s.b = 0 format JSON'],
  ['dbvclickhouse', "select e.c, count() from d.e as e sample 1/10 offset 1/2 global any left join d.c as c on c.k = e.c where e.u global in (select u from d.u) group by e.c with totals limit 10 settings a = 'b';"],
  ['dbvclickhouse', 'with (select max(x) from t) as m, 10 as n select a, m from t where b > n; with c as (select 1 x) select x from c; select a from t where x in (select y from u final);'],
  ['dbvclickhouse', 'select count() format JSON; select a from t limit 2, 3 by a, b limit 1; select a from t sample 0.1'],
  ['dbvclickhouse', "select k, quantile(0.9)(d) as p, quantiles(0.5, 0.9)(d), topK(10)(u), sequenceMatch('(?1)(?2)')(ts, e = 'a', e = 'b'), quantile(0.5)(d) over (partition by k) from t group by k;"],
  ['dbvclickhouse', "select d, c from t order by d with fill from 1 to 9 step 1 interpolate (c as c) limit 5 with ties; select a, b from t order by b limit 2 offset 1 by a limit 9 with ties;"],
  ['dbvclickhouse', "insert into u select a from x settings m = 2 union all select b from y settings m = 4; select a from t into outfile 'f.csv' format CSV; with c as (select 1 x) select x from c into outfile 'g'"],
  ['dbvclickhouse', "insert into t (a) settings async_insert = 1 select a from s; insert into t format Values select a from s; insert into t settings k = 1 format CSV select a from s"],
  ['dbvmysql', "select a, b into outfile '/tmp/x' character set utf8mb4 fields terminated by ',' lines terminated by 'x' from t where c = 1; select a into @v from t"],
  ['dbvmysql', "select a, b from t where c > 1 into outfile '/tmp/x.csv' fields terminated by ','; select a from t into dumpfile '/tmp/y'"],
  ['dbvdatabricks', "select a from t version as of 3 x join u timestamp as of '2024' y on x.a = y.a; select a from t for version as of 2; select a from t@v3 x, u@20240101 y; select * from stream read_files('s3://x', format => 'json'); select a from stream b.c d; select a from stream(b.c)"],
  ['dbvdatabricks', "copy into t from (select c1::int as a, _metadata.file_name from 's3://b/x/') fileformat = csv; select x from 'f.csv' f"],
  ['dbvmssql', "select a from t for system_time all as x; select a from t for system_time between 1 and 2 x; select a from t for system_time from 1 to 2; select a from t for system_time contained in (1, 2) x"],
  ['dbvsparksql', "create temporary view v using parquet options (path 's3://x'); insert into t table s.u; insert overwrite table t table u; create view w (a int) using csv options (path 'p')"],
  ['dbvhive', "select transform (a, b) row format delimited fields terminated by ',' using 'x.py' as (c string, d int) row format serde 's' with serdeproperties ('a' = 'b') from t where e = 1; select transform (a) using 'cat' from t; select transform(a, b) using 'y' as c, d from t"],
  ['dbvhive', "select x.a from t tablesample (10 percent) x join u tablesample (bucket 1 out of 4 on id) as y on x.a = y.a; select a from t tablesample (5 rows)"],
  ['dbvpostgresql', 'select x.a from t x tablesample system (10) repeatable (42)'],
  ['dbvmysql', "select a from t lock in share mode; select a from t x where b = 1 lock in share mode; select a from t for update"],
  ['dbvvertica', 'select t.a, q.b from t left join q on t.s = q.s and t.ts interpolate previous value q.ts'],
  ['dbvduckdb', "select id, max(columns(* exclude (id))), columns(* exclude id), columns(t.*), columns('a.*'), count(*) from t group by id"],
  ['dbvduckdb', "create table x as from 'f.csv' select a where b = 1; insert into y from s; with c as (from t select k) from c select k limit 1; select q.a from (from t select a) q; from t"],
  ['dbvduckdb', "create table x as select id, {'user': u, 'amt': a * 2} as p from t; select {'k': b}.k, f({'x': 1}) from y"],
  ['dbvmssql', "create table dbo.f with (distribution = hash(k), clustered columnstore index) as select k, a * 1.1 as b from dbo.s select r.v from openrowset(bulk 'https://x/*.parquet', format = 'PARQUET') as r"],
  ['dbvpostgresql', "create table a.o as table public.orders; insert into a.x table p.o; insert into a.u select id from p.a union all table p.b; select * from (table p.o) o; create table l (like p.o)"],
  ['dbvansi', "select a overlaps, b from t where (t.s, t.e) overlaps (date '2020-01-01', interval '1' day) and x not like 'a%'"],
  ['dbvinformix', "select first 10 c.a, c.b from c into temp t with no log; select skip 5 first 10 distinct o.n from o; select first, last from names"],
  ['dbvcouchbase', "select c.name, o.total from `s` c join `s` o on keys c.ids left outer unnest o.items as i use keys ['a'] where any v in o.items satisfies v.q > 1 end and every w within o.x satisfies w > 0 end"],
  ['dbvcouchbase', "insert into `m` (key k, value v) select meta(o).id as k, {'t': o.total} as v from `s` o; upsert into `m` (key, value) values ('k1', {'a': 1}); merge into `d` using `s` s on key s.id when matched then update set d.n = s.n when not matched then insert s"],
  ['dbvsnowflake', 'select * from s match_recognize (partition by c order by d measures first(d) as f one row per match pattern (a b+ $) define b as p < lag(p)) mr;'],
  ['dbvoracle', 'insert into m select c, f from s match_recognize (partition by c order by d measures final last(a.d) as f all rows per match after match skip past last row pattern (^ a {- b -} c*?) subset u = (a, c) define a as a.p > 0) mr'],
  ['dbvvertica', "select slice_time, s from t where d = 1 timeseries slice_time as '3 seconds' over (partition by s order by ts) order by s;"],
];

test.each(CLAUSES)('dialect-only query clauses parse the same with and without the fast path (%s)', (vendor, text) => {
  const d = dialectOf(vendor);
  const fast = parsed(text, d, true);
  expect(fast).toBe(parsed(text, d, false));
  expect(fast).not.toContain('"severity":"error"');
});

test('the fast path reads whole query statements, INSERT ... SELECT and CREATE TABLE / VIEW ... AS, WITH included', () => {
  const d = dialectOf('dbvansi');
  const fast = parserFor(d).fast!;
  const statement = fast.statement.bind(fast);
  let read = 0;
  fast.statement = () => {
    const s = statement();
    if (s !== undefined) read++;
    return s;
  };
  try {
    parseText([...STATEMENTS.slice(0, 6), ...STATEMENTS.filter((s) => s.startsWith('insert into s.t') || s.includes(') insert into t (x)') || s.startsWith('create table s.t') || s.startsWith('create view v as select a'))].join('\n'), d);
  } finally {
    fast.statement = statement;
  }
  expect(read).toBe(10);
});

/**
 * The rules the fast path mirrors, as Chevrotain records them: a change to any of them must be
 * mirrored in grammars/fastexpr.ts or fastquery.ts (or left to the rule there), then the
 * fingerprint updated here. (Gates and actions are not in the recording: the comparisons above
 * cover them as far as the corpus goes.)
 */
test('the rules the fast path mirrors are the ones it was written against', () => {
  const mirrored = ['expr', 'arith', 'binaryStep', 'quantified', 'predicateStep', 'quantifiedKeyword', 'exprList', 'unary', 'postfix', 'primary', 'literal', 'parenExpr', 'caseExpr', 'castExpr', 'intervalExpr', 'dataType', 'nameOrCall', 'funcTail', 'funcArg', 'windowRef', 'windowSpec', 'frameBound', 'orderItems', 'ident', 'qname', 'query', 'setExpr', 'queryTerm', 'queryTail', 'selectCore', 'selectItem', 'starModifier', 'alias', 'groupItem', 'tableRefs', 'tableRef', 'joinPart', 'tablePrimary', 'namedTable', 'tableAlias', 'statementWithSemi', 'statement', 'withStatement', 'withClause', 'cte', 'identList', 'insertStmt', 'columnNameList', 'createStmt', 'createTable', 'createView', 'extractExpr'];
  const rules = parserFor(dialectOf('dbvansi')).getGAstProductions();
  const recorded = serializeGrammar(mirrored.map((name) => rules[name]!));
  expect(createHash('md5').update(JSON.stringify(recorded)).digest('hex')).toBe('b26554bfd49671ce972383116f1cd2c4');
});
