/**
 * SQL/PSM-style procedural code in the generic dialects (semantics procedural: 'psm'): BigQuery
 * scripting, MySQL, PostgreSQL PL/pgSQL and dollar-quoted bodies, Snowflake Scripting, Db2 /
 * ANSI SQL PL. Routines record their name on every process; variables never become tables.
 */
import { analyzeSql, flows, type Analysis } from '../procedural/support.js';

/** Column pairs into tables (result sets of plain SELECTs and cursors left out). */
const tablePairs = (a: Analysis) => a.pairs.filter((p) => !/ -> RS-\d+\./.test(p));

describe('BigQuery scripting', () => {
  const bq = (sql: string) => analyzeSql(sql, 'dbvbigquery');

  test('CREATE PROCEDURE with IN/OUT parameters, OPTIONS, DECLARE, FOR ... IN (query) DO, handlers', () => {
    const a = bq(`CREATE OR REPLACE PROCEDURE ds.load(IN p_day DATE, OUT p_rows INT64)
OPTIONS (strict_mode = false)
BEGIN
  DECLARE n INT64 DEFAULT 0;
  FOR r IN (SELECT id, val FROM ds.src WHERE day = p_day) DO
    INSERT INTO ds.dst (id, val) VALUES (r.id, r.val);
  END FOR;
  BEGIN
    INSERT INTO ds.t1 (a) SELECT a FROM ds.t0 WHERE a > n;
  EXCEPTION WHEN ERROR THEN
    SELECT @@error.message;
    RAISE;
  END;
END;`);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['ds.load: ds.src -> ', 'ds.load: ds.src -> ds.dst', 'ds.load: ds.t0 -> ds.t1', 'ds.load:  -> ']);
    expect(tablePairs(a)).toEqual(['ds.src.id -> ds.dst.id', 'ds.src.val -> ds.dst.val', 'ds.t0.a -> ds.t1.a']);
  });

  test('IF / ELSEIF, LOOP with LEAVE, WHILE, REPEAT, CASE, labels', () => {
    const a = bq(`CREATE PROCEDURE ds.p(x INT64)
BEGIN
  IF x IS NULL THEN
    INSERT INTO ds.a (c) SELECT c FROM ds.s1;
  ELSEIF x < 0 THEN
    INSERT INTO ds.a (c) SELECT c FROM ds.s2;
  ELSE
    INSERT INTO ds.a (c) SELECT c FROM ds.s3;
  END IF;
  lbl: LOOP
    SET x = x + 1;
    IF x > 3 THEN LEAVE lbl; END IF;
  END LOOP lbl;
  WHILE x > 0 DO
    SET x = x - 1;
    CONTINUE;
  END WHILE;
  REPEAT
    INSERT INTO ds.b (c) SELECT c FROM ds.s4;
  UNTIL TRUE END REPEAT;
  CASE x WHEN 1 THEN INSERT INTO ds.b (c) SELECT c FROM ds.s5; ELSE SELECT 1; END CASE;
END`);
    expect(a.errors).toEqual([]);
    expect(tablePairs(a)).toEqual(['ds.s1.c -> ds.a.c', 'ds.s2.c -> ds.a.c', 'ds.s3.c -> ds.a.c', 'ds.s4.c -> ds.b.c', 'ds.s5.c -> ds.b.c']);
    expect(new Set(a.procs.map((p) => p.procedure))).toEqual(new Set(['ds.p']));
  });

  test('top-level script: DECLARE ... DEFAULT (query), SET (a, b) = (SELECT ...), IF, variables are not columns', () => {
    const a = bq(`DECLARE d DATE DEFAULT (SELECT MAX(dt) FROM ds.events);
DECLARE lo, hi INT64;
SET (lo, hi) = (SELECT AS STRUCT MIN(a), MAX(a) FROM ds.bounds);
IF d IS NOT NULL THEN
  INSERT INTO ds.out (dt, lo) SELECT dt, lo FROM ds.events WHERE dt = d;
END IF;`);
    expect(a.errors).toEqual([]);
    expect(tablePairs(a)).toEqual(['ds.bounds.a -> ds.out.lo', 'ds.events.dt -> ds.out.dt']);
    expect(flows(a)).toContain('batchQueries: ds.events,ds.bounds -> ds.out');
  });

  test('EXECUTE IMMEDIATE of a literal is analyzed where it is written; CALL is a routine call', () => {
    const a = bq(`CREATE PROCEDURE ds.p()
BEGIN
  EXECUTE IMMEDIATE "INSERT INTO ds.t2 (c) SELECT c FROM ds.t3";
  EXECUTE IMMEDIATE FORMAT("SELECT %d", n);
  CALL ds.other(1);
END;`);
    expect(tablePairs(a)).toEqual(['ds.t3.c -> ds.t2.c']);
    expect(a.procs).toEqual([{ procedure: 'ds.p', reads: ['ds.t3'], writes: ['ds.t2'], line: 3, col: 22 }]);
    expect(a.notes).toEqual(['4:3 dynamic SQL built at run time is not analyzed']);
    const call = a.graph.objects.find((o) => o.callee);
    expect([call?.procedureName, call?.callee]).toEqual(['ds.p', 'ds.other']);
  });

  test('a construct whose head fails: one error, the procedure goes on after its END FOR', () => {
    const a = bq(`CREATE PROCEDURE ds.p()
BEGIN
  FOR r IN (SELECT id FROM) DO
    INSERT INTO ds.a (id) SELECT id FROM ds.b;
  END FOR;
  INSERT INTO ds.c (id) SELECT id FROM ds.d;
END;
SELECT 1;`);
    expect(a.errors).toEqual(["3:27 syntax error near ')'"]);
    expect(flows(a)).toEqual(['ds.p: ds.d -> ds.c', 'batchQueries:  -> ']);
  });

  test('BEGIN TRANSACTION is a transaction; a dashed project name is one name; UDF bodies', () => {
    const a = bq(`BEGIN TRANSACTION;
INSERT INTO ds.x (a) SELECT a FROM my-proj.ds.y;
COMMIT TRANSACTION;
CREATE TEMP FUNCTION f(x INT64) AS (x + 1);
CREATE TEMP FUNCTION g(x STRING) RETURNS STRING LANGUAGE js AS r"""return x;""";`);
    expect(a.errors).toEqual([]);
    expect(tablePairs(a)).toEqual(['my-proj.ds.y.a -> ds.x.a']);
    expect(a.notes).toEqual(['5:65 routine body in LANGUAGE js is not analyzed']);
  });
});

describe('BigQuery table functions', () => {
  test('CREATE TABLE FUNCTION is a routine: its query, under the function name, gives the function\'s rows', () => {
    const a = analyzeSql(`CREATE TABLE FUNCTION ds.recent(n INT64) AS (SELECT o.id FROM ds.orders o WHERE o.age < n);
INSERT INTO ds.t (id) SELECT id FROM ds.src;`, 'dbvbigquery');
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['ds.recent: ds.orders -> ds.recent', 'batchQueries: ds.src -> ds.t']);
  });
});

describe('Teradata', () => {
  test('REPLACE PROCEDURE and REPLACE VIEW are CREATE OR REPLACE; REPLACE INTO stays an insert', () => {
    const a = analyzeSql(`REPLACE PROCEDURE db1.load_sales()
BEGIN
  INSERT INTO dw.sales (id, amt) SELECT s.id, s.amount FROM stg.sales s;
END;
REPLACE VIEW dw.v_sales AS SELECT id, amt FROM dw.sales;
REPLACE INTO t2 (a) SELECT b FROM t3;`, 'dbvteradata');
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['db1.load_sales: stg.sales -> dw.sales', 'batchQueries: dw.sales -> dw.v_sales', 'batchQueries: t3 -> t2']);
    expect(tablePairs(a)).toEqual(['dw.sales.amt -> dw.v_sales.amt', 'dw.sales.id -> dw.v_sales.id', 'stg.sales.amount -> dw.sales.amt', 'stg.sales.id -> dw.sales.id', 't3.b -> t2.a']);
  });
});

describe('MySQL', () => {
  const my = (sql: string) => analyzeSql(sql, 'dbvmysql');

  test('DELIMITER, DEFINER, cursors and handlers, SELECT ... INTO variables, loops, PREPARE of a literal', () => {
    const a = my(`DELIMITER //
CREATE DEFINER=\`root\`@\`localhost\` PROCEDURE load_orders(IN p_day DATE, OUT p_cnt INT)
  COMMENT 'daily'
  MODIFIES SQL DATA
BEGIN
  DECLARE v_max INT DEFAULT 0;
  DECLARE done INT DEFAULT FALSE;
  DECLARE c CURSOR FOR SELECT id, amount FROM stg_orders WHERE day = p_day;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = TRUE;
  SELECT MAX(amount) INTO v_max FROM fact_orders;
  OPEN c;
  read_loop: LOOP
    FETCH c INTO v_id, v_amount;
    IF done THEN
      LEAVE read_loop;
    END IF;
    INSERT INTO fact_orders (id, amount) VALUES (v_id, v_amount);
  END LOOP read_loop;
  CLOSE c;
  WHILE v_max > 0 DO
    SET v_max = v_max - 1;
  END WHILE;
  UPDATE totals SET top_amount = v_max;
  SET @s = 'INSERT INTO audit_log (msg) SELECT name FROM dim_x';
  PREPARE stmt FROM @s;
  EXECUTE stmt;
  DEALLOCATE PREPARE stmt;
END //
DELIMITER ;
SELECT 1;`);
    expect(a.errors).toEqual([]);
    expect(a.notes).toEqual([]);
    expect(tablePairs(a)).toEqual([
      'dim_x.name -> audit_log.msg',
      'fact_orders.amount -> totals.top_amount',
      'stg_orders.amount -> fact_orders.amount',
      'stg_orders.id -> fact_orders.id',
    ]);
    // The prepared INSERT is where its literal is written (line 24).
    expect(a.procs.filter((p) => p.writes.length > 0).map((p) => `${p.procedure}:${p.line}`)).toEqual(['load_orders:17', 'load_orders:23', 'load_orders:24']);
  });

  test('trigger FOR EACH ROW: NEW.col and OLD.col read the trigger table', () => {
    const a = my(`CREATE TRIGGER trg_orders AFTER UPDATE ON orders FOR EACH ROW
BEGIN
  INSERT INTO order_audit (order_id, old_amount, new_amount) VALUES (NEW.id, OLD.amount, NEW.amount);
END;
CREATE TRIGGER trg_one BEFORE INSERT ON orders FOR EACH ROW INSERT INTO seen (id) VALUES (NEW.id);`);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['trg_orders: orders -> order_audit', 'trg_one: orders -> seen']);
    expect(tablePairs(a)).toEqual(['orders.amount -> order_audit.new_amount', 'orders.amount -> order_audit.old_amount', 'orders.id -> order_audit.order_id', 'orders.id -> seen.id']);
  });

  test('function with RETURN (query); IF() stays a function; BEGIN and START TRANSACTION are transactions', () => {
    const a = my(`CREATE FUNCTION f_total(p INT) RETURNS INT DETERMINISTIC
RETURN (SELECT SUM(amount) FROM fact_orders WHERE id = p);
SELECT IF(a, b, c) AS x FROM t;
BEGIN;
START TRANSACTION;
INSERT INTO u (x) SELECT IF(a, b, c) FROM t;
COMMIT;
SET NAMES utf8mb4;`);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['f_total: fact_orders -> ', 'batchQueries: t -> ', 'batchQueries: t -> u']);
    expect(a.pairs).toContain('t.b -> u.x');
  });
});

describe('PostgreSQL', () => {
  const pg = (sql: string) => analyzeSql(sql, 'dbvpostgresql');

  test('plpgsql function: DECLARE section, RETURNING INTO, FOR r IN query LOOP, IF/ELSIF, PERFORM, EXECUTE, handlers', () => {
    const a = pg(`CREATE OR REPLACE FUNCTION etl.load_sales(p_day date) RETURNS integer AS $$
DECLARE
  v_cnt integer := 0;
  r record;
BEGIN
  INSERT INTO fact_sales (id, amount)
  SELECT id, amount FROM stg_sales WHERE day = p_day
  RETURNING id INTO v_cnt;
  FOR r IN SELECT id, amount FROM stg_sales LOOP
    UPDATE dim_totals SET total = r.amount WHERE id = r.id;
  END LOOP;
  IF v_cnt > 0 THEN
    PERFORM log_step(id) FROM stg_log;
  ELSIF v_cnt = 0 THEN
    v_cnt := (SELECT COUNT(*) FROM fact_sales);
  END IF;
  EXECUTE 'INSERT INTO audit (msg) SELECT note FROM stg_notes';
  EXECUTE 'DELETE FROM x WHERE id = ' || v_cnt;
  RETURN QUERY SELECT id FROM fact_sales;
EXCEPTION WHEN others THEN
  INSERT INTO errors (msg) VALUES (SQLERRM);
  RETURN -1;
END;
$$ LANGUAGE plpgsql;`);
    expect(a.errors).toEqual([]);
    expect(a.notes).toEqual(['18:3 dynamic SQL built at run time is not analyzed']);
    expect(tablePairs(a)).toEqual([
      'stg_notes.note -> audit.msg',
      'stg_sales.amount -> dim_totals.total',
      'stg_sales.amount -> fact_sales.amount',
      'stg_sales.id -> fact_sales.id',
    ]);
    expect(new Set(a.procs.map((p) => p.procedure))).toEqual(new Set(['etl.load_sales']));
    // Positions inside the body are positions of the file.
    expect(a.procs.find((p) => p.writes.includes('audit'))).toMatchObject({ line: 17, col: 12 });
  });

  test('LANGUAGE sql bodies, $tag$ quotes, DO blocks, BEGIN ATOMIC; other languages get a note', () => {
    const a = pg(`CREATE FUNCTION f_sql(a int) RETURNS SETOF int LANGUAGE sql AS $body$
  INSERT INTO t2 (x) SELECT x FROM t1 WHERE x > a;
  SELECT x FROM t2;
$body$;
CREATE FUNCTION f_py() RETURNS int AS $$ return 1 $$ LANGUAGE plpython3u;
DO $$
BEGIN
  INSERT INTO t3 (y) SELECT y FROM t4;
END $$;
CREATE PROCEDURE p_atomic() LANGUAGE SQL BEGIN ATOMIC INSERT INTO t5 (x) SELECT x FROM t6; END;`);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['f_sql: t1 -> t2', 'f_sql: t2 -> f_sql', 'batchQueries: t4 -> t3', 'p_atomic: t6 -> t5']);
    expect(a.notes).toEqual(['5:39 routine body in LANGUAGE plpython3u is not analyzed']);
  });

  test('top-level BEGIN, DECLARE CURSOR, FETCH, SET and SELECT INTO keep their SQL meaning', () => {
    const a = pg(`BEGIN;
DECLARE c CURSOR FOR SELECT z FROM t5;
FETCH 10 FROM c;
COMMIT;
SET search_path = public;
SELECT a INTO newtab FROM t6;
CREATE TRIGGER trg AFTER INSERT ON t1 FOR EACH ROW EXECUTE FUNCTION etl.on_insert();`);
    expect(a.errors).toEqual([]);
    // SET search_path is a session setting (the schema of later unqualified names), not a variable.
    expect(flows(a)).toEqual(['batchQueries: t5 -> ', 'batchQueries: public.t6 -> public.newtab']);
    const call = a.graph.objects.find((o) => o.callee);
    expect([call?.procedureName, call?.callee]).toEqual(['trg', 'etl.on_insert']);
  });

  test('a syntax error inside a body: one error at its position, the rest of the body analyzed', () => {
    const a = pg(`CREATE OR REPLACE FUNCTION f_err() RETURNS void AS $$
BEGIN
  INSERT INTO a (x) SELECT x FROM b;
  INSERT INTO a (x) SELEC x FROM c;
  INSERT INTO d (y) SELECT y FROM e;
END;
$$ LANGUAGE plpgsql;`);
    expect(a.errors).toEqual(["4:21 syntax error near 'SELEC'"]);
    expect(flows(a)).toEqual(['f_err: b -> a', 'f_err: e -> d']);
  });
});

describe('Snowflake Scripting', () => {
  const sf = (sql: string) => analyzeSql(sql, 'dbvsnowflake');

  test('LANGUAGE SQL AS $$ DECLARE ... BEGIN ... END $$: cursors, LET, :variables, FOR, WHILE, EXECUTE IMMEDIATE', () => {
    const a = sf(`CREATE OR REPLACE PROCEDURE etl.load_x(p_day DATE)
RETURNS VARCHAR
LANGUAGE SQL
EXECUTE AS CALLER
AS
$$
DECLARE
  v_cnt INTEGER DEFAULT 0;
  c1 CURSOR FOR SELECT id, amount FROM stg_x;
BEGIN
  LET v_max INTEGER := (SELECT MAX(id) FROM fact_x);
  INSERT INTO fact_x (id, amount) SELECT id, amount FROM stg_x WHERE id > :v_max;
  FOR rec IN c1 DO
    UPDATE dim_x SET amount = rec.amount WHERE id = rec.id;
  END FOR;
  WHILE (v_cnt < 10) DO
    v_cnt := v_cnt + 1;
  END WHILE;
  EXECUTE IMMEDIATE 'INSERT INTO audit_x (msg) SELECT name FROM dim_x';
  RETURN 'done';
EXCEPTION
  WHEN OTHER THEN
    RETURN SQLERRM;
END;
$$;`);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual([
      'etl.load_x: stg_x -> ',
      'etl.load_x: fact_x -> ',
      'etl.load_x: stg_x,fact_x -> fact_x',
      'etl.load_x: stg_x -> dim_x',
      'etl.load_x: dim_x -> audit_x',
    ]);
    expect(tablePairs(a)).toEqual(['dim_x.name -> audit_x.msg', 'stg_x.amount -> dim_x.amount', 'stg_x.amount -> fact_x.amount', 'stg_x.id -> fact_x.id']);
  });

  test("AS '...' bodies, anonymous blocks, EXECUTE IMMEDIATE $$ block $$, JavaScript bodies", () => {
    const a = sf(`CREATE PROCEDURE q_proc() RETURNS STRING LANGUAGE SQL AS 'BEGIN INSERT INTO t2 (a) SELECT a FROM t1 WHERE b = ''x''; RETURN 1; END';
DECLARE
  v INT DEFAULT 1;
BEGIN
  INSERT INTO t9 (a) SELECT a FROM t8;
END;
EXECUTE IMMEDIATE $$
BEGIN
  INSERT INTO t11 (a) SELECT a FROM t10;
END;
$$;
CREATE PROCEDURE js_proc() RETURNS STRING LANGUAGE JAVASCRIPT AS $$ return 1; $$;
BEGIN TRANSACTION;
COMMIT;`);
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['q_proc: t1 -> t2', 'batchQueries: t8 -> t9', 'batchQueries: t10 -> t11']);
    expect(a.notes).toEqual(['12:66 routine body in LANGUAGE javascript is not analyzed']);
  });
});

describe('Db2 / ANSI SQL PL', () => {
  test('labelled BEGIN ATOMIC, cursors WITH RETURN, EXIT HANDLER block, global temporary table, FOR v AS query DO', () => {
    const a = analyzeSql(
      `CREATE OR REPLACE PROCEDURE dw.load_emp (IN p_dept CHAR(3))
  LANGUAGE SQL
  SPECIFIC load_emp
  DYNAMIC RESULT SETS 1
  MODIFIES SQL DATA
P1: BEGIN ATOMIC
  DECLARE v_cnt INTEGER DEFAULT 0;
  DECLARE c1 CURSOR WITH RETURN FOR SELECT empno, salary FROM emp WHERE dept = p_dept;
  DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
      INSERT INTO err_log (state) VALUES (SQLSTATE);
    END;
  DECLARE GLOBAL TEMPORARY TABLE SESSION.tmp_emp (empno INT, salary DECIMAL(9,2)) ON COMMIT PRESERVE ROWS NOT LOGGED;
  INSERT INTO SESSION.tmp_emp (empno, salary) SELECT empno, salary FROM emp;
  FOR v AS cur CURSOR FOR SELECT empno, salary FROM SESSION.tmp_emp DO
    UPDATE emp_hist SET salary = v.salary WHERE empno = v.empno;
  END FOR;
  SET v_cnt = (SELECT COUNT(*) FROM emp);
  IF v_cnt > 100 THEN
    INSERT INTO big_dept (dept, cnt) VALUES (p_dept, v_cnt);
  END IF;
  OPEN c1;
END P1;`,
      'dbvdb2',
    );
    expect(a.errors).toEqual([]);
    expect(tablePairs(a)).toEqual(['SESSION.tmp_emp.salary -> emp_hist.salary', 'emp.empno -> SESSION.tmp_emp.empno', 'emp.salary -> SESSION.tmp_emp.salary']);
    expect(new Set(a.procs.map((p) => p.procedure))).toEqual(new Set(['dw.load_emp']));
    expect(a.procs.find((p) => p.writes.includes('big_dept'))?.reads).toEqual(['emp']);
  });

  test('trigger REFERENCING NEW AS n OLD AS o; function RETURN query', () => {
    const a = analyzeSql(
      `CREATE TRIGGER trg_emp AFTER UPDATE OF salary ON emp
  REFERENCING NEW AS n OLD AS o
  FOR EACH ROW MODE DB2SQL
  WHEN (n.salary > o.salary)
  BEGIN ATOMIC
    INSERT INTO raises (empno, old_sal, new_sal) VALUES (n.empno, o.salary, n.salary);
  END;
CREATE FUNCTION emp_count (p_dept CHAR(3)) RETURNS INTEGER
  LANGUAGE SQL READS SQL DATA
  RETURN SELECT COUNT(*) FROM emp WHERE dept = p_dept;`,
      'dbvdb2',
    );
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['trg_emp: emp -> raises', 'emp_count: emp -> ']);
    expect(tablePairs(a)).toEqual(['emp.empno -> raises.empno', 'emp.salary -> raises.new_sal', 'emp.salary -> raises.old_sal']);
  });

  test('ANSI: CREATE PROCEDURE ... LANGUAGE SQL BEGIN ... END with IF inside', () => {
    const a = analyzeSql('CREATE PROCEDURE p() LANGUAGE SQL BEGIN IF x > 0 THEN INSERT INTO a (c) SELECT c FROM b; END IF; UPDATE d SET e = 1; END;', 'dbvansi');
    expect(a.errors).toEqual([]);
    expect(flows(a)).toEqual(['p: b -> a', 'p:  -> d']);
  });
});
