/**
 * Group 6 of issue 9: names that are not columns — date parts (dialect data: `datePartArgs`),
 * sequence pseudo-columns, LEVEL / ROWNUM, script variables and parameters.
 */
import { analyzeSql } from '../procedural/support.js';

const noOrphans = (a: ReturnType<typeof analyzeSql>) => {
  expect(a.errors).toEqual([]);
  expect(a.warnings).toEqual([]);
  expect(a.graph.objects.map((o) => o.name)).not.toContain('pseudo_table_include_orphan_column');
};

describe('date parts are keywords', () => {
  test('T-SQL procedure: DATEADD / DATEDIFF / DATEPART / DATETRUNC', () => {
    const a = analyzeSql(
      `CREATE PROCEDURE dw.load_age @asof DATE AS
BEGIN
  INSERT INTO dw.cust_age (id, age_days, next_week, q, m)
  SELECT c.id, DATEDIFF(day, c.born, @asof), DATEADD(week, 1, c.seen), DATEPART(qq, c.seen), DATETRUNC(month, c.seen)
  FROM dbo.cust c WHERE DATEDIFF(yy, c.born, GETDATE()) > 18
END`,
      'dbvmssql',
    );
    noOrphans(a);
    expect(a.pairs).toEqual(['dbo.cust.born -> dw.cust_age.age_days', 'dbo.cust.id -> dw.cust_age.id', 'dbo.cust.seen -> dw.cust_age.m', 'dbo.cust.seen -> dw.cust_age.next_week', 'dbo.cust.seen -> dw.cust_age.q']);
  });

  test('Snowflake procedure: DATEADD, DATEDIFF, DATE_TRUNC, LAST_DAY, EXTRACT; :binds are parameters', () => {
    const a = analyzeSql(
      `CREATE OR REPLACE PROCEDURE dw.load_m(asof DATE) RETURNS VARCHAR LANGUAGE SQL AS
$$
BEGIN
  INSERT INTO dw.monthly (m, days_open, eom, yr, due)
  SELECT DATE_TRUNC(month, o.created), DATEDIFF(day, o.created, :asof), LAST_DAY(o.created, month),
         EXTRACT(year FROM o.created), DATEADD(day, 30, o.created)
  FROM raw.orders o WHERE o.created < :asof;
  RETURN 'ok';
END;
$$;`,
      'dbvsnowflake',
    );
    noOrphans(a);
    expect(a.pairs).toEqual(['raw.orders.created -> dw.monthly.days_open', 'raw.orders.created -> dw.monthly.due', 'raw.orders.created -> dw.monthly.eom', 'raw.orders.created -> dw.monthly.m', 'raw.orders.created -> dw.monthly.yr']);
  });

  test('BigQuery script: DATE_DIFF(.., DAY), DATE_TRUNC(.., MONTH), WEEK(MONDAY), INTERVAL; DECLAREd variables', () => {
    const a = analyzeSql(
      `DECLARE run_date DATE DEFAULT CURRENT_DATE();
INSERT INTO dw.cohort (m, wk, age, due, run_on)
SELECT DATE_TRUNC(u.signup, MONTH), DATE_TRUNC(u.signup, WEEK(MONDAY)), DATE_DIFF(run_date, u.signup, DAY),
       DATE_ADD(u.signup, INTERVAL 3 DAY), run_date
FROM raw.users u WHERE TIMESTAMP_DIFF(CURRENT_TIMESTAMP(), u.last_seen, HOUR) < 24;`,
      'dbvbigquery',
    );
    noOrphans(a);
    expect(a.pairs).toEqual(['raw.users.signup -> dw.cohort.age', 'raw.users.signup -> dw.cohort.due', 'raw.users.signup -> dw.cohort.m', 'raw.users.signup -> dw.cohort.wk']);
  });

  test.each([
    ['dbvredshift', 'DATEDIFF(day, e.a, e.b)', "DATE_TRUNC('month', e.a)"],
    ['dbvsparksql', 'DATEDIFF(day, e.a, e.b)', 'TIMESTAMPADD(HOUR, 1, e.a)'],
    ['dbvdatabricks', 'DATEDIFF(DAY, e.a, e.b)', 'DATE_PART(month, e.a)'],
    ['dbvmysql', 'TIMESTAMPDIFF(MINUTE, e.a, e.b)', 'DATE_ADD(e.a, INTERVAL 1 DAY)'],
    ['dbvvertica', 'DATEDIFF(day, e.a, e.b)', 'TIMESTAMPADD(hour, 1, e.a)'],
    ['dbvpostgresql', "e.b - e.a", "EXTRACT(EPOCH FROM e.a) + INTERVAL '1 day'"],
    ['dbvansi', 'DATEDIFF(day, e.a, e.b)', 'DATE_TRUNC(e.a, MONTH)'],
  ])('%s: %s, %s', (vendor, x, y) => {
    const a = analyzeSql(`INSERT INTO r.out (x, y) SELECT ${x}, ${y} FROM r.ev e;`, vendor);
    noOrphans(a);
    expect(a.pairs).toEqual(x.includes('e.b') ? ['r.ev.a -> r.out.x', 'r.ev.a -> r.out.y', 'r.ev.b -> r.out.x'] : []);
  });
});

describe('Oracle pseudo-columns and sequences', () => {
  test('package body: schema.seq.NEXTVAL, seq.CURRVAL, LEVEL, ROWNUM', () => {
    const a = analyzeSql(
      `CREATE OR REPLACE PACKAGE BODY hr.loader AS
  PROCEDURE load_tree IS
  BEGIN
    INSERT INTO hr.org_tree (id, emp_id, depth, rn)
    SELECT hr.org_seq.NEXTVAL, e.id, LEVEL, ROWNUM FROM hr.emp e
    START WITH e.mgr IS NULL CONNECT BY PRIOR e.id = e.mgr;
    INSERT INTO hr.org_log (tree_id, at) VALUES (org_seq.CURRVAL, SYSDATE);
  END;
END loader;
/`,
      'dbvoracle',
    );
    noOrphans(a);
    expect(a.pairs).toEqual(['hr.emp.id -> hr.org_tree.emp_id']);
  });

  test('Snowflake: seq.nextval in a default-less INSERT', () => {
    const a = analyzeSql('INSERT INTO dw.d (sk, k) SELECT dw.d_seq.nextval, s.k FROM stg.s s;', 'dbvsnowflake');
    noOrphans(a);
    expect(a.pairs).toEqual(['stg.s.k -> dw.d.k']);
  });
});

describe('script variables', () => {
  test('Hive: ${hivevar:x} values and ${db} in table names', () => {
    const a = analyzeSql(
      `SET hivevar:db=prod;
INSERT OVERWRITE TABLE \${db}.daily PARTITION (ds = '\${hiveconf:ds}')
SELECT \${hivevar:src_id} AS src, e.user_id, COUNT(*) AS n FROM \${db}_raw.events e WHERE e.ds = '\${hiveconf:ds}' GROUP BY e.user_id;`,
      'dbvhive',
    );
    expect(a.errors).toEqual([]);
    expect(a.pairs).toEqual(['${db}_raw.events.user_id -> ${db}.daily.user_id']);
  });

  test('a name completed by a script variable (`stg_${env}.orders`) where `$` may also be part of names', () => {
    const sql = 'INSERT INTO dw_${env}.orders (id, amt) SELECT o.id, o.amount FROM stg_${env}.orders o;';
    for (const vendor of ['dbvsnowflake', 'dbvoracle', 'dbvmssql', 'dbvmysql', 'dbvpostgresql', 'dbvansi']) {
      const a = analyzeSql(sql, vendor);
      expect([vendor, a.errors]).toEqual([vendor, []]);
      expect(a.pairs.map((p) => p.toLowerCase())).toEqual(['stg_${env}.orders.amount -> dw_${env}.orders.amt', 'stg_${env}.orders.id -> dw_${env}.orders.id']);
    }
  });

  test('`$` inside names (Oracle v$session, MySQL, PostgreSQL, Redshift, Teradata, Snowflake); `$1` stays a parameter', () => {
    const sql = 'INSERT INTO audit$hist (sid$, usr) SELECT s.sid$, s.user$name FROM sys$sessions s;';
    for (const vendor of ['dbvoracle', 'dbvmysql', 'dbvpostgresql', 'dbvredshift', 'dbvteradata', 'dbvsnowflake', 'dbvmssql']) {
      const a = analyzeSql(sql, vendor);
      expect([vendor, a.errors]).toEqual([vendor, []]);
      expect(a.pairs.map((p) => p.toLowerCase())).toEqual(['sys$sessions.sid$ -> audit$hist.sid$', 'sys$sessions.user$name -> audit$hist.usr']);
    }
    const pg = analyzeSql('CREATE FUNCTION f(p int) RETURNS void LANGUAGE sql AS $$ INSERT INTO t (a) SELECT b FROM s WHERE c = $1 $$;', 'dbvpostgresql');
    expect(pg.errors).toEqual([]);
    expect(pg.pairs).toEqual(['s.b -> t.a']);
  });

  test('MySQL: @variables, Snowflake: $variables', () => {
    const m = analyzeSql('SET @cut = 5; INSERT INTO o (a, b) SELECT @cut, t.a FROM t WHERE t.n > @cut;', 'dbvmysql');
    expect(m.pairs).toEqual(['t.a -> o.b']);
    const s = analyzeSql("SET cut = '2024-01-01'; INSERT INTO o (a, b) SELECT $cut, t.a FROM t WHERE t.d > $cut;", 'dbvsnowflake');
    expect(s.pairs).toEqual(['t.a -> o.b']);
  });
});
