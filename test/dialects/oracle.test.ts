/**
 * Oracle (PL/SQL, dbvoracle): routines, packages, triggers, anonymous blocks, control flow,
 * cursors and loop records, EXECUTE IMMEDIATE, FORALL / BULK COLLECT, RETURNING INTO, MODEL,
 * SQL*Plus scripts, identifier case.
 */
import type { BlockStmt } from '../../src/ast/nodes.js';
import { analyzeSql, flows, statements } from '../procedural/support.js';

const ora = (sql: string) => analyzeSql(sql, 'dbvoracle');

describe('routines', () => {
  test('procedure: parameters, variables and cursor parameters are not columns', () => {
    const a = ora(`CREATE OR REPLACE EDITIONABLE PROCEDURE etl.load_x (p_day IN DATE, p_limit IN OUT NOCOPY NUMBER DEFAULT 10)
AUTHID CURRENT_USER IS
  CURSOR c_src (p_min NUMBER) IS SELECT id, amount FROM stg_x WHERE amount > p_min;
  v_cnt NUMBER := 0;
  v_total stg_x.amount%TYPE;
BEGIN
  SELECT COUNT(*), SUM(amount) INTO v_cnt, v_total FROM stg_x WHERE load_day = p_day;
  INSERT INTO fact_x (id, amount) SELECT id, amount * v_cnt FROM stg_x WHERE load_day = p_day AND amount < p_limit;
END load_x;
/`);
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual([]);
    expect(flows(a)).toEqual(['etl.load_x: stg_x -> ', 'etl.load_x: stg_x -> ', 'etl.load_x: stg_x -> fact_x']);
    expect(a.pairs).toContain('stg_x.amount -> fact_x.amount');
  });

  test('function with RETURN type and options', () => {
    const a = ora(`CREATE FUNCTION f_total (p_id NUMBER) RETURN NUMBER DETERMINISTIC RESULT_CACHE IS
  v NUMBER;
BEGIN
  SELECT SUM(amount) INTO v FROM orders WHERE cust_id = p_id;
  RETURN v;
END;`);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['f_total: orders -> ']);
  });

  test('package specification and body: units are named package.unit', () => {
    const a = ora(`CREATE OR REPLACE PACKAGE dwh.pk AUTHID DEFINER AS
  g_version CONSTANT VARCHAR2(10) := '1.0';
  PROCEDURE load (p_day DATE);
  FUNCTION cnt RETURN NUMBER;
END pk;
/
CREATE OR REPLACE PACKAGE BODY dwh.pk AS
  g_module CONSTANT VARCHAR2(30) := 'PK';
  PROCEDURE log_step (p_msg VARCHAR2) IS
    PRAGMA AUTONOMOUS_TRANSACTION;
  BEGIN
    INSERT INTO run_log (module, msg) VALUES (g_module, p_msg);
    COMMIT;
  END log_step;
  FUNCTION cnt RETURN NUMBER IS
    v NUMBER;
  BEGIN
    SELECT COUNT(*) INTO v FROM dim_x;
    RETURN v;
  END cnt;
  PROCEDURE load (p_day DATE) IS
  BEGIN
    MERGE INTO dim_x d USING (SELECT id, name FROM stg_x WHERE day = p_day) s ON (d.id = s.id)
    WHEN MATCHED THEN UPDATE SET d.name = s.name
    WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name);
    log_step('load');
  END load;
BEGIN
  DELETE FROM run_log WHERE module = g_module;
END pk;
/`);
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual([]);
    expect(flows(a)).toEqual(['dwh.pk.log_step:  -> run_log', 'dwh.pk.cnt: dim_x -> ', 'dwh.pk.load: stg_x -> dim_x', 'dwh.pk:  -> run_log']);
  });

  test('trigger: :NEW and :OLD read the trigger table', () => {
    const a = ora(`CREATE OR REPLACE TRIGGER trg_x BEFORE INSERT OR UPDATE OF amount ON fact_x
REFERENCING NEW AS NEW OLD AS OLD FOR EACH ROW
WHEN (NEW.amount > 0)
DECLARE
  v NUMBER;
BEGIN
  INSERT INTO audit_x (id, new_amount, old_amount) VALUES (:NEW.id, :NEW.amount, :OLD.amount);
END;
/`);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['trg_x: fact_x -> audit_x']);
    expect(a.pairs).toEqual(['fact_x.amount -> audit_x.new_amount', 'fact_x.amount -> audit_x.old_amount', 'fact_x.id -> audit_x.id']);
  });

  test('type specification and type body', () => {
    const a = ora(`CREATE OR REPLACE TYPE t_obj AS OBJECT (a NUMBER, MEMBER FUNCTION total RETURN NUMBER);
/
CREATE OR REPLACE TYPE BODY t_obj AS
  MEMBER FUNCTION total RETURN NUMBER IS
    v NUMBER;
  BEGIN
    SELECT COUNT(*) INTO v FROM items;
    RETURN v;
  END;
  CONSTRUCTOR FUNCTION t_obj (p NUMBER) RETURN SELF AS RESULT IS
  BEGIN
    RETURN;
  END;
END;
/`);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['t_obj.total: items -> ']);
  });
});

describe('blocks and control flow', () => {
  test('anonymous blocks, IF/ELSIF/ELSE, loops, CASE statement and handlers', () => {
    const a = ora(`DECLARE
  v_cnt NUMBER := 0;
BEGIN
  IF v_cnt > 10 THEN
    INSERT INTO t1 SELECT a FROM s1;
  ELSIF v_cnt = 0 THEN
    NULL;
  ELSE
    UPDATE t2 SET a = 1;
  END IF;
  <<outer>>
  LOOP
    v_cnt := v_cnt + 1;
    EXIT outer WHEN v_cnt > 5;
  END LOOP outer;
  WHILE v_cnt > 0 LOOP
    DELETE FROM t3 WHERE id = v_cnt;
    v_cnt := v_cnt - 1;
  END LOOP;
  FOR i IN REVERSE 1 .. 10 LOOP
    INSERT INTO t4 (n) VALUES (i);
  END LOOP;
  CASE v_cnt
    WHEN 1 THEN INSERT INTO t5 SELECT a FROM s5;
    ELSE NULL;
  END CASE;
EXCEPTION
  WHEN NO_DATA_FOUND OR TOO_MANY_ROWS THEN
    INSERT INTO errlog (msg) VALUES (SQLERRM);
  WHEN OTHERS THEN
    RAISE;
END;
/
BEGIN
  INSERT INTO t6 SELECT a FROM s6;
END;
/`);
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual([]);
    expect(flows(a).map((f) => f.replace('batchQueries: ', ''))).toEqual([
      's1 -> t1', ' -> t2', ' -> t3', ' -> t4', 's5 -> t5', ' -> errlog', 's6 -> t6',
    ]);
  });

  test('loop records carry the lineage of their query (FOR r IN (SELECT ...), FOR r IN cursor)', () => {
    const a = ora(`DECLARE
  CURSOR c_src IS SELECT id, name FROM stg_x WHERE flag = 'Y';
BEGIN
  FOR r IN c_src LOOP
    INSERT INTO dim_x (id, name) VALUES (r.id, UPPER(r.name));
  END LOOP;
  FOR r2 IN (SELECT s.id, s.amount * 2 AS dbl FROM stg_y s) LOOP
    UPDATE fact_x f SET f.amount = r2.dbl WHERE f.id = r2.id;
  END LOOP;
END;`);
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual([]);
    expect(a.pairs).toEqual(expect.arrayContaining(['stg_x.id -> dim_x.id', 'stg_x.name -> dim_x.name', 'stg_y.amount -> fact_x.amount']));
  });

  test('a FROM item named like the loop record hides the record', () => {
    const a = ora('BEGIN\n  FOR r IN (SELECT id, x FROM a) LOOP\n    INSERT INTO t (x) SELECT r.x FROM b r WHERE r.id > 0;\n  END LOOP;\nEND;');
    expect(a.pairs).toEqual(['a.id -> RS-1.id', 'a.x -> RS-1.x', 'b.x -> t.x']);
  });

  test('BULK COLLECT, FORALL, RETURNING INTO, OPEN FOR', () => {
    const a = ora(`DECLARE
  TYPE t_ids IS TABLE OF NUMBER INDEX BY PLS_INTEGER;
  v_ids t_ids;
  v_amt NUMBER;
  rc SYS_REFCURSOR;
BEGIN
  SELECT id BULK COLLECT INTO v_ids FROM stg_x;
  FORALL i IN 1 .. v_ids.COUNT SAVE EXCEPTIONS
    DELETE FROM old_x WHERE id = v_ids(i);
  FORALL i IN INDICES OF v_ids
    INSERT INTO new_x (id) VALUES (v_ids(i));
  UPDATE fact_x SET amount = 0 WHERE id = 1 RETURNING amount INTO v_amt;
  OPEN rc FOR SELECT a FROM src_rc;
  FETCH rc BULK COLLECT INTO v_ids LIMIT 100;
  CLOSE rc;
END;`);
    expect(a.errors).toEqual([]);
    // v_ids holds stg_x.id: the statements using its elements read stg_x.
    expect(flows(a).map((f) => f.replace('batchQueries: ', ''))).toEqual(['stg_x -> ', 'stg_x -> old_x', 'stg_x -> new_x', ' -> fact_x', 'src_rc -> ']);
    expect(a.pairs).toContain('stg_x.id -> new_x.id');
  });

  test('variables carry the lineage of the query that filled them (SELECT INTO, FETCH INTO, :=)', () => {
    const a = ora(`CREATE PROCEDURE p IS
  v_max NUMBER;
  v_name VARCHAR2(100);
  v_rec stg_x%ROWTYPE;
  CURSOR c IS SELECT id, name FROM src_c;
  v_id NUMBER;
BEGIN
  SELECT MAX(amount), MIN(name) INTO v_max, v_name FROM stg_x;
  v_name := UPPER(v_name);
  SELECT * INTO v_rec FROM stg_y WHERE ROWNUM = 1;
  OPEN c;
  FETCH c INTO v_id, v_name;
  INSERT INTO tgt (a, b, c, d) VALUES (v_max, v_name, v_rec.code, v_id);
END;`);
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual([]);
    expect(a.pairs.filter((p) => p.includes('tgt'))).toEqual(['src_c.id -> tgt.d', 'src_c.name -> tgt.b', 'stg_x.amount -> tgt.a', 'stg_y.code -> tgt.c']);
  });

  test('one bad statement is one error; the rest of the routine keeps its name', () => {
    const a = ora('CREATE PROCEDURE p IS\nBEGIN\n  INSERT INTO t1 SELECT a FROM s1;\n  this is not plsql;\n  INSERT INTO t2 SELECT a FROM s2;\nEND;\n/');
    expect(a.errors).toEqual(["4:8 syntax error near 'is': expected ;"]);
    expect(flows(a)).toEqual(['p: s1 -> t1', 'p: s2 -> t2']);
  });

  test('the tree: a package body holds its units', () => {
    const [pkg] = statements('CREATE PACKAGE BODY a.b AS PROCEDURE x IS BEGIN NULL; END; END;', 'dbvoracle') as BlockStmt[];
    expect(pkg!.kind).toBe('package');
    expect((pkg!.body[0] as BlockStmt).name!.parts.map((p) => p.text)).toEqual(['a', 'b', 'x']);
  });
});

describe('dynamic SQL', () => {
  test("EXECUTE IMMEDIATE 'literal' (also q-quoted) is analyzed where it is written", () => {
    const sql = "BEGIN\n  EXECUTE IMMEDIATE 'INSERT INTO big_x (id) SELECT id FROM stg_x WHERE f = ''Y''';\n  EXECUTE IMMEDIATE q'[DELETE FROM small_x WHERE note = 'it''s']';\n  EXECUTE IMMEDIATE 'TRUNCATE TABLE gtt_x';\nEND;";
    const a = ora(sql);
    expect(a.errors).toEqual([]);
    expect(a.procs.map((p) => [p.writes.join(), p.line, p.col])).toEqual([
      ['big_x', 2, 22],
      ['small_x', 3, 24],
    ]);
  });

  test('EXECUTE IMMEDIATE v / OPEN c FOR v run the literal last assigned to v', () => {
    const a = ora(`CREATE PROCEDURE p IS
  v_sql VARCHAR2(200);
  rc SYS_REFCURSOR;
BEGIN
  v_sql := 'INSERT INTO a (x) SELECT y FROM b';
  EXECUTE IMMEDIATE v_sql;
  v_sql := 'SELECT z FROM c';
  OPEN rc FOR v_sql;
  v_sql := v_sql || ' WHERE 1 = 1';
  EXECUTE IMMEDIATE v_sql;
END;`);
    expect(a.procs.map((p) => [p.reads.join(), p.writes.join(), p.line])).toEqual([
      ['b', 'a', 5],
      ['c', '', 7],
    ]);
    expect(a.notes).toEqual(['10:3 dynamic SQL built at run time is not analyzed']);
  });

  test('a statement built at run time is noted', () => {
    const a = ora("BEGIN EXECUTE IMMEDIATE 'DELETE FROM ' || v_tab; END;");
    expect(a.errors).toEqual([]);
    expect(a.notes).toEqual(['1:7 dynamic SQL built at run time is not analyzed']);
  });
});

describe('Oracle SQL', () => {
  test('MODEL: the select list reads the dimensions and measures', () => {
    const a = ora('SELECT country, year, s FROM sales MODEL DIMENSION BY (country, year) MEASURES (s) RULES (s[ANY, 2002] = 1);\nINSERT INTO t SELECT a FROM s;');
    expect(a.errors).toEqual([]);
    expect(a.warnings).toEqual([]);
    expect(flows(a)).toEqual(['batchQueries: sales -> ', 'batchQueries: s -> t']);
    expect(a.pairs).toEqual(['s.a -> t.a', 'sales.country -> RS-1.country', 'sales.s -> RS-1.s', 'sales.year -> RS-1.year']);
  });

  test('hierarchical queries: CONNECT_BY_ROOT, PRIOR, ORDER SIBLINGS BY', () => {
    const a = ora(`INSERT INTO hier (id, root_id, path)
SELECT e.id, CONNECT_BY_ROOT e.id, SYS_CONNECT_BY_PATH(e.name, '/') FROM emp e
START WITH e.mgr IS NULL CONNECT BY NOCYCLE PRIOR e.id = e.mgr ORDER SIBLINGS BY e.name;`);
    expect(a.errors).toEqual([]);
    expect(a.pairs).toEqual(['emp.id -> hier.id', 'emp.id -> hier.root_id', 'emp.name -> hier.path']);
  });

  test('INSERT ALL / INSERT FIRST', () => {
    const a = ora(`INSERT ALL
  WHEN amount > 100 THEN INTO big (id, amount) VALUES (id, amount)
  ELSE INTO small (id) VALUES (id)
SELECT id, amount FROM orders;
INSERT FIRST WHEN amount > 0 THEN INTO pos (id) VALUES (id) SELECT id, amount FROM orders;`);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['batchQueries: orders -> big,small', 'batchQueries: orders -> pos']);
  });

  test('a / line inside CASE is a division; a / line after a statement ends it', () => {
    const a = ora('SELECT CASE WHEN b > 0 THEN a\n  /\n  b END AS r FROM t\n/\nSELECT c FROM u\n/');
    expect(a.errors).toEqual([]);
    expect(a.pairs).toEqual(['t.a -> RS-1.r', 't.b -> RS-1.r', 'u.c -> RS-2.c']);
  });

  test('SQL*Plus commands are skipped with a note; &substitution variables are values', () => {
    const a = ora('SET SERVEROUTPUT ON\nPROMPT loading\nWHENEVER SQLERROR EXIT SQL.SQLCODE\nINSERT INTO t SELECT a FROM s WHERE d = &run_day;\nSHOW ERRORS\nEXEC dbms_stats.gather_table_stats(USER, \'T\');');
    expect(a.errors).toEqual([]);
    expect(a.notes).toEqual([
      '1:1 SQL*Plus command skipped: SET SERVEROUTPUT ON',
      '2:1 SQL*Plus command skipped: PROMPT loading',
      '3:1 SQL*Plus command skipped: WHENEVER SQLERROR EXIT SQL.SQLCODE',
      '5:1 SQL*Plus command skipped: SHOW ERRORS',
    ]);
    expect(flows(a)).toEqual(['batchQueries: s -> t']);
  });

  test('DML error logging (LOG ERRORS INTO err$_t ... REJECT LIMIT) ends no statement: one INSERT, its lineage', () => {
    const sql = `INSERT /*+ APPEND */ INTO dw.sales_fact (sale_id, amount)
SELECT s.sale_id, ROUND(s.amount * fx.rate, 2) FROM stg.sales s JOIN stg.fx_rates fx ON fx.ccy = s.ccy
LOG ERRORS INTO dw.err$_sales_fact ('nightly') REJECT LIMIT UNLIMITED;
UPDATE dw.sales_fact f SET f.amount = 0 WHERE f.sale_id < 0 LOG ERRORS REJECT LIMIT 10;
INSERT INTO dw.audit (id) VALUES (1) LOG ERRORS;`;
    const a = ora(sql);
    expect(a.errors).toEqual([]);
    expect(statements(sql, 'dbvoracle').map((s) => s.k)).toEqual(['insert', 'update', 'insert']);
    expect(a.pairs).toEqual(['stg.fx_rates.rate -> dw.sales_fact.amount', 'stg.sales.amount -> dw.sales_fact.amount', 'stg.sales.sale_id -> dw.sales_fact.sale_id']);
  });

  test('words the grammar does not know are errors, not SQL*Plus commands taken silently', () => {
    const a = ora('PROMPT loading\nFROBNICATE the_table;\nINSERT INTO t SELECT a FROM s WHERE b = 1 LIMITX 5;');
    expect(a.notes).toEqual(['1:1 SQL*Plus command skipped: PROMPT loading']);
    expect(a.errors).toEqual(["2:1 unknown statement 'FROBNICATE the_table'", "3:43 unknown statement 'LIMITX 5'"]);
    expect(a.pairs).toEqual(['s.a -> t.a']);
  });

  test('&substitution variables name tables too (`&&owner..t` is a schema-qualified name)', () => {
    const a = ora('INSERT INTO &&owner..t3 SELECT a FROM &src WHERE d = &day;');
    expect(a.errors).toEqual([]);
    expect(a.pairs).toEqual(['&src.a -> &&owner.t3.a']);
  });

  test('unquoted names match upper-case-insensitively, quoted names exactly', () => {
    const a = ora('CREATE TABLE Emp (id NUMBER);\nINSERT INTO EMP SELECT id FROM src;\nINSERT INTO "Emp" SELECT id FROM src;');
    const tables = a.graph.objects.filter((o) => o.type === 'table').map((o) => o.name);
    expect(tables).toEqual(['Emp', 'src', 'Emp']);
    expect(flows(a)).toEqual(['batchQueries:  -> Emp', 'batchQueries: src -> Emp', 'batchQueries: src -> Emp']);
    const ids = a.graph.objects.filter((o) => o.type === 'table' && o.name === 'Emp').map((o) => o.id);
    expect(new Set(ids).size).toBe(2);
  });
});
