/** The statement splitter: where chunks start and end, per dialect. */
import { Splitter } from '../../src/split/splitter.js';
import type { TextDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { dialect } from '../helpers/dialects.js';

interface Split {
  /** The text of each chunk (first token to last token). */
  chunks: string[];
  skipped: string[];
  errors: TextDiagnostic[];
}

function split(text: string, vendor = 'ansi'): Split {
  const s = new Splitter(text, dialect(vendor));
  const chunks: string[] = [];
  for (let c = s.nextChunk(); c; c = s.nextChunk()) {
    expect(c.start).toBe(c.tokens[0]!.startOffset);
    expect(c.end).toBe(c.tokens[c.tokens.length - 1]!.endOffset! + 1);
    chunks.push(text.slice(c.start, c.end));
  }
  return { chunks, skipped: s.skipped.map((x) => x.text), errors: s.scanErrors };
}

describe('semicolons', () => {
  test('top-level ; ends a statement (and belongs to it)', () => {
    expect(split('select 1; select 2;\nselect 3').chunks).toEqual(['select 1;', 'select 2;', 'select 3']);
  });

  test('; inside strings, quoted identifiers and comments does not split', () => {
    const sql = `select ';' as "a;b" from t; -- ; not here
select a /* ; nor here */ from u;`;
    expect(split(sql).chunks).toEqual([`select ';' as "a;b" from t;`, 'select a /* ; nor here */ from u;']);
  });

  test('; inside parentheses does not split', () => {
    expect(split('select f(a;b) from v; select 2;').chunks).toEqual(['select f(a;b) from v;', 'select 2;']);
  });

  test('empty statements and blank input give no chunks', () => {
    expect(split(';;  ;\n -- only a comment\n').chunks).toEqual([]);
    expect(split('').chunks).toEqual([]);
  });

  test('chunks keep their file offsets', () => {
    const text = '  select 1;\n\nselect 2;';
    const s = new Splitter(text, dialect('ansi'));
    const first = s.nextChunk()!;
    const second = s.nextChunk()!;
    expect([first.start, first.end, second.start, second.end]).toEqual([2, 11, 13, 22]);
  });

  test('a CASE ... END expression does not confuse block tracking', () => {
    expect(split('select case when a then 1 end from t; select 2;').chunks).toEqual([
      'select case when a then 1 end from t;',
      'select 2;',
    ]);
  });
});

describe('routine bodies are kept whole', () => {
  test('ANSI: CREATE PROCEDURE ... BEGIN ... END with statements and IF inside', () => {
    const proc = 'CREATE PROCEDURE p() LANGUAGE SQL BEGIN IF x THEN INSERT INTO a SELECT 1; END IF; UPDATE b SET c = 1; END;';
    expect(split(`${proc} SELECT 2;`).chunks).toEqual([proc, 'SELECT 2;']);
  });

  test('ANSI: BEGIN TRANSACTION is not a block', () => {
    expect(split('BEGIN TRANSACTION; INSERT INTO a SELECT 1; COMMIT;').chunks).toEqual([
      'BEGIN TRANSACTION;',
      'INSERT INTO a SELECT 1;',
      'COMMIT;',
    ]);
  });

  test('Oracle: CREATE OR REPLACE PROCEDURE ... IS ... BEGIN ... END; then /', () => {
    const proc = `CREATE OR REPLACE PROCEDURE p IS
  v NUMBER;
BEGIN
  INSERT INTO a SELECT 1 FROM dual;
  IF v > 0 THEN UPDATE b SET c = 1; END IF;
END;`;
    expect(split(`${proc}\n/\nSELECT 2 FROM dual;\n`, 'oracle').chunks).toEqual([proc, 'SELECT 2 FROM dual;']);
  });

  test('Oracle: package body with several routines', () => {
    const pkg = `CREATE OR REPLACE PACKAGE BODY pk AS
  PROCEDURE a IS BEGIN INSERT INTO t SELECT 1 FROM dual; END a;
  PROCEDURE b IS BEGIN DELETE FROM t; END b;
END pk;`;
    expect(split(`${pkg}\n/\nSELECT 1 FROM dual;`, 'oracle').chunks).toEqual([pkg, 'SELECT 1 FROM dual;']);
  });

  test('Oracle: anonymous blocks, DECLARE ... BEGIN ... END', () => {
    const a = 'DECLARE v NUMBER; BEGIN SELECT 1 INTO v FROM dual; END;';
    const b = 'BEGIN NULL; END;';
    expect(split(`${a}\n/\n${b}\n/\n`, 'oracle').chunks).toEqual([a, b]);
  });

  test('PostgreSQL: a dollar-quoted function body is one token', () => {
    for (const tag of ['$$', '$body$']) {
      const fn = `CREATE FUNCTION f() RETURNS void AS ${tag} BEGIN INSERT INTO a SELECT 1; END; ${tag} LANGUAGE plpgsql;`;
      expect(split(`${fn} SELECT 2;`, 'postgres').chunks).toEqual([fn, 'SELECT 2;']);
    }
  });

  test('PostgreSQL: CREATE PROCEDURE with BEGIN ATOMIC ... END', () => {
    const proc = 'CREATE PROCEDURE p() LANGUAGE SQL BEGIN ATOMIC INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END;';
    expect(split(`${proc} SELECT 3;`, 'postgres').chunks).toEqual([proc, 'SELECT 3;']);
  });
});

describe('T-SQL batches (GO)', () => {
  test('GO ends a batch; a procedure runs to the next GO; GO n is one separator', () => {
    const proc = 'CREATE PROCEDURE p AS\nBEGIN\n  SELECT 2;\n  SELECT 3;\nEND';
    expect(split(`SELECT 1\nGO\n${proc}\nGO 3\nSELECT 4`, 'mssql').chunks).toEqual(['SELECT 1', proc, 'SELECT 4']);
  });

  test('without GO, ; still separates top-level statements', () => {
    expect(split('SELECT 1; SELECT 2;', 'mssql').chunks).toEqual(['SELECT 1;', 'SELECT 2;']);
  });

  test('GO inside a string or comment is not a separator', () => {
    const sql = "SELECT '\nGO\n' AS x\n/*\nGO\n*/\nGO\nSELECT 2";
    // A chunk runs from its first token to its last: the trailing comment is not part of it.
    expect(split(sql, 'mssql').chunks).toEqual(["SELECT '\nGO\n' AS x", 'SELECT 2']);
  });
});

describe('SQL*Plus (dbvoracle)', () => {
  test('SQL*Plus command lines are skipped and recorded', () => {
    const sql = `SET SERVEROUTPUT ON
PROMPT loading the tables
@other.sql
SELECT 1 FROM dual;
SPOOL off
WHENEVER SQLERROR EXIT 1
SELECT 2 FROM dual
/
`;
    const r = split(sql, 'oracle');
    expect(r.chunks).toEqual(['SELECT 1 FROM dual;', 'SELECT 2 FROM dual']);
    expect(r.skipped).toEqual(['SET SERVEROUTPUT ON', 'PROMPT loading the tables', '@other.sql', 'SPOOL off', 'WHENEVER SQLERROR EXIT 1']);
  });

  test('SET TRANSACTION is SQL, not SQL*Plus', () => {
    expect(split('SET TRANSACTION READ ONLY;\nSELECT 1 FROM dual;', 'oracle').chunks).toEqual([
      'SET TRANSACTION READ ONLY;',
      'SELECT 1 FROM dual;',
    ]);
  });

  test('SQL*Plus lines are ordinary words in other dialects', () => {
    expect(split('PROMPT hello;', 'ansi').skipped).toEqual([]);
  });
});

describe('scan errors surface through the splitter', () => {
  test('an unterminated string swallows the rest and is reported', () => {
    const r = split("select 'abc; select 2;");
    expect(r.chunks).toEqual(["select 'abc; select 2;"]);
    expect(r.errors).toEqual([{ severity: 'error', code: 'SyntaxError', offset: 7, message: 'unterminated string literal' }]);
  });
});
