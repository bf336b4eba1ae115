/** Where procedural code is cut into chunks (T-SQL batches, PL/SQL units, SQL*Plus `/`). */
import { Splitter } from '../../src/split/splitter.js';
import { dialect } from '../helpers/dialects.js';

function chunks(text: string, vendor: string): string[] {
  const s = new Splitter(text, dialect(vendor));
  const out: string[] = [];
  for (let c = s.nextChunk(); c; c = s.nextChunk()) out.push(text.slice(c.start, c.end));
  return out;
}

describe('T-SQL', () => {
  test('a routine runs to GO, whatever its semicolons', () => {
    expect(chunks('CREATE PROC p AS\nBEGIN\n  SELECT 1;\nEND;\nSELECT 2;\nGO\nSELECT 3;', 'mssql')).toEqual([
      'CREATE PROC p AS\nBEGIN\n  SELECT 1;\nEND;\nSELECT 2;',
      'SELECT 3;',
    ]);
  });

  test('END IF in T-SQL is END then a new IF (a block closes)', () => {
    expect(chunks('IF @a = 1 BEGIN SELECT 1 END IF @b = 2 SELECT 2;\nSELECT 3;', 'mssql')).toEqual([
      'IF @a = 1 BEGIN SELECT 1 END IF @b = 2 SELECT 2;',
      'SELECT 3;',
    ]);
  });
});

describe('PL/SQL', () => {
  test('END IF / END LOOP / END CASE keep the block open until its own END', () => {
    const unit = 'BEGIN\n  IF a THEN NULL; END IF;\n  LOOP EXIT; END LOOP;\n  CASE x WHEN 1 THEN NULL; END CASE;\nEND;';
    expect(chunks(`${unit}\nSELECT 1 FROM dual;`, 'oracle')).toEqual([unit, 'SELECT 1 FROM dual;']);
  });

  test('a subprogram nested in a routine does not end the routine', () => {
    const unit = 'CREATE PROCEDURE o IS\n  PROCEDURE fwd;\n  PROCEDURE i IS\n    v NUMBER;\n  BEGIN NULL; END i;\nBEGIN\n  i;\nEND o;';
    expect(chunks(`${unit}\nSELECT 1 FROM dual;`, 'oracle')).toEqual([unit, 'SELECT 1 FROM dual;']);
  });

  test('a / line ends a unit, but inside a CASE or parentheses it is a division', () => {
    const sql = 'SELECT CASE WHEN b > 0 THEN a\n/\nb END FROM t\n/\nSELECT (a\n/\nb) FROM u\n/\n';
    expect(chunks(sql, 'oracle')).toEqual(['SELECT CASE WHEN b > 0 THEN a\n/\nb END FROM t', 'SELECT (a\n/\nb) FROM u']);
  });
});

describe("SQL/PSM (procedural: 'psm')", () => {
  test('MySQL DELIMITER: the line is skipped, the new terminator ends chunks, ; inside does not', () => {
    const sql = 'DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND //\nSELECT 2; SELECT 3//\nDELIMITER ;\nSELECT 4;';
    expect(chunks(sql, 'mysql')).toEqual(['CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND', 'SELECT 2; SELECT 3', 'SELECT 4;']);
  });

  test('MySQL DELIMITER $$: the terminator written against a word (`END$$`) still ends the chunk', () => {
    // `$` is a name character in MySQL: before, `END$$` was read as one name and the procedure ran on
    // into the next statement (two syntax errors, its lineage lost).
    const sql = 'DELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  INSERT INTO t SELECT a$b FROM s;\nEND$$\nSELECT x$$\nSELECT y $$\nDELIMITER ;\nSELECT z$$ FROM u;';
    expect(chunks(sql, 'mysql')).toEqual(['CREATE PROCEDURE p()\nBEGIN\n  INSERT INTO t SELECT a$b FROM s;\nEND', 'SELECT x', 'SELECT y', 'SELECT z$$ FROM u;']);
    expect(chunks(sql, 'mariadb')).toEqual(['CREATE PROCEDURE p()\nBEGIN\n  INSERT INTO t SELECT a$b FROM s;\nEND', 'SELECT x', 'SELECT y', 'SELECT z$$ FROM u;']);
  });

  test('top-level IF / LOOP / WHILE are kept whole to their END IF / END LOOP / END WHILE', () => {
    const sql = 'IF x THEN IF y THEN SELECT 1; END IF; SELECT IF(a, b, c) FROM t; END IF;\nlbl: LOOP SELECT 2; LEAVE lbl; END LOOP lbl;\nWHILE n > 0 DO SET n = n - 1; END WHILE;\nSELECT 3;';
    expect(chunks(sql, 'bigquery')).toEqual([
      'IF x THEN IF y THEN SELECT 1; END IF; SELECT IF(a, b, c) FROM t; END IF;',
      'lbl: LOOP SELECT 2; LEAVE lbl; END LOOP lbl;',
      'WHILE n > 0 DO SET n = n - 1; END WHILE;',
      'SELECT 3;',
    ]);
  });

  test('IF(...) in expressions, DROP ... IF EXISTS and FOR UPDATE open nothing', () => {
    const sql = 'SELECT CASE WHEN a THEN IF(b, 1, 2) ELSE 0 END FROM t; DROP TABLE IF EXISTS u; SELECT a FROM t FOR UPDATE; SELECT 4;';
    expect(chunks(sql, 'mysql')).toEqual(['SELECT CASE WHEN a THEN IF(b, 1, 2) ELSE 0 END FROM t;', 'DROP TABLE IF EXISTS u;', 'SELECT a FROM t FOR UPDATE;', 'SELECT 4;']);
  });

  test('a DECLARE statement ends at its ; unless a declaration section goes on to its BEGIN', () => {
    expect(chunks('DECLARE x INT64 DEFAULT 1; INSERT INTO a SELECT x; SELECT 2;', 'bigquery')).toEqual(['DECLARE x INT64 DEFAULT 1;', 'INSERT INTO a SELECT x;', 'SELECT 2;']);
    expect(chunks('DECLARE c CURSOR FOR SELECT 1; FETCH 1 FROM c;', 'postgres')).toEqual(['DECLARE c CURSOR FOR SELECT 1;', 'FETCH 1 FROM c;']);
    const block = 'DECLARE\n  v INT;\n  c CURSOR FOR SELECT 1;\nBEGIN\n  SELECT 2;\nEND;';
    expect(chunks(`${block}\nSELECT 3;`, 'snowflake')).toEqual([block, 'SELECT 3;']);
  });

  test('BigQuery: a dashed project name after FROM / INTO is one name token', () => {
    const s = new Splitter('INSERT INTO my-proj.ds.t SELECT a - b FROM other-proj.ds.u', dialect('bigquery'));
    const images = s.nextChunk()!.tokens.map((t) => t.image);
    expect(images).toEqual(['INSERT', 'INTO', 'my-proj', '.', 'ds', '.', 't', 'SELECT', 'a', '-', 'b', 'FROM', 'other-proj', '.', 'ds', '.', 'u']);
  });
});
