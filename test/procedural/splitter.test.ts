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
