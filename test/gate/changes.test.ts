/**
 * Schema changes written in migration SQL parse in every dialect that has them and are recorded by
 * `analyze`: a note at the statement, the result's `changes`, and the session catalog (a later
 * qualified read of a dropped column is an UnknownColumn warning).
 */
import { analyze } from '../../src/api.js';
import { DIALECTS } from '../../src/dialects/registry.js';

const run = (vendor: string, text: string) => analyze([{ path: 'm.sql', text }], { vendor });
const summary = (vendor: string, text: string) =>
  run(vendor, text).changes.map((c) => [c.kind, c.table, c.column, c.to ?? c.type].filter((x) => x !== undefined).join(' '));

describe('every vendor: DROP/RENAME COLUMN, DROP TABLE/VIEW, RENAME TO', () => {
  const sql = [
    'ALTER TABLE s.t DROP COLUMN a;',
    'ALTER TABLE s.t RENAME COLUMN b TO c;',
    'ALTER TABLE s.t RENAME TO u;',
    'DROP TABLE s.old;',
    'DROP VIEW s.v;',
    'SELECT 1 AS x;',
  ].join('\n');
  test.each(DIALECTS.map((d) => d.vendor))('%s', (vendor) => {
    const r = run(vendor, `${sql}\n`);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.changes.map((c) => [c.kind, c.table, c.column ?? c.to, c.line])).toEqual([
      ['drop_column', 's.t', 'a', 1],
      ['rename_column', 's.t', 'b', 2],
      ['rename_table', 's.t', 's.u', 3],
      ['drop_table', 's.old', undefined, 4],
      ['drop_table', 's.v', undefined, 5],
    ]);
    expect(r.diagnostics.filter((d) => d.code === 'SchemaChange').map((d) => d.message)).toEqual([
      'schema change: column s.t.a dropped',
      'schema change: column s.t.b renamed to c',
      'schema change: s.t renamed to s.u',
      'schema change: s.old dropped',
      'schema change: s.v dropped',
    ]);
  });
});

describe('dialect forms', () => {
  test('PostgreSQL: ALTER COLUMN ... TYPE / SET DATA TYPE, DROP COLUMN IF EXISTS, RENAME c TO d, several actions', () => {
    expect(summary('postgres', 'ALTER TABLE t ALTER COLUMN a TYPE numeric(10, 2) USING a::numeric;\nALTER TABLE t ALTER COLUMN b SET DATA TYPE bigint;\nALTER TABLE t DROP COLUMN IF EXISTS c CASCADE;\nALTER TABLE t RENAME d TO e;\nALTER TABLE t ADD COLUMN f int, DROP COLUMN g;\nALTER TABLE t ALTER COLUMN h SET NOT NULL;\n')).toEqual([
      'retype_column t a numeric(10, 2)',
      'retype_column t b bigint',
      'drop_column t c',
      'rename_column t d e',
      'add_column t f int',
      'drop_column t g',
    ]);
  });

  test('SQL Server: ALTER COLUMN, DROP COLUMN a, b, ADD a int, b int, EXEC sp_rename (column and table), without semicolons', () => {
    const text = "ALTER TABLE dbo.t ALTER COLUMN a decimal(10,2) NOT NULL\nALTER TABLE dbo.t DROP COLUMN b, c\nALTER TABLE dbo.t ADD d int, e varchar(3)\nEXEC sp_rename 'dbo.t.f', 'g', 'COLUMN'\nEXEC sp_rename @objname = N'dbo.t', @newname = N't2'\nGO\n";
    const r = run('mssql', text);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(summary('mssql', text)).toEqual([
      'retype_column dbo.t a decimal(10,2)',
      'drop_column dbo.t b',
      'drop_column dbo.t c',
      'add_column dbo.t d int',
      'add_column dbo.t e varchar(3)',
      'rename_column dbo.t f g',
      'rename_table dbo.t dbo.t2',
    ]);
  });

  test('Oracle: MODIFY (c type), DROP (a, b), RENAME COLUMN', () => {
    expect(summary('oracle', 'ALTER TABLE hr.emp MODIFY (sal NUMBER(12,2), bonus NUMBER);\nALTER TABLE hr.emp DROP (a, b);\nALTER TABLE hr.emp RENAME COLUMN c TO d;\n')).toEqual([
      'retype_column hr.emp sal NUMBER(12,2)',
      'retype_column hr.emp bonus NUMBER',
      'drop_column hr.emp a',
      'drop_column hr.emp b',
      'rename_column hr.emp c d',
    ]);
  });

  test('MySQL and Hive: MODIFY, CHANGE [COLUMN] old new type, DROP c', () => {
    expect(summary('mysql', 'ALTER TABLE t MODIFY COLUMN a BIGINT NOT NULL;\nALTER TABLE t CHANGE b b2 VARCHAR(20);\nALTER TABLE t DROP c;\nALTER TABLE t DROP PRIMARY KEY;\n')).toEqual([
      'retype_column t a BIGINT',
      'rename_column t b b2',
      'retype_column t b2 VARCHAR(20)',
      'drop_column t c',
    ]);
    expect(summary('hive', 'ALTER TABLE db.t CHANGE COLUMN a a STRING;\n')).toEqual(['retype_column db.t a STRING']);
  });

  test('BigQuery and Snowflake: SET DATA TYPE, RENAME COLUMN', () => {
    expect(summary('bigquery', 'ALTER TABLE ds.t ALTER COLUMN a SET DATA TYPE NUMERIC;\nALTER TABLE ds.t RENAME COLUMN b TO c;\n')).toEqual(['retype_column ds.t a NUMERIC', 'rename_column ds.t b c']);
    expect(summary('snowflake', 'ALTER TABLE s.t ALTER COLUMN a SET DATA TYPE NUMBER(20, 0);\nALTER TABLE s.t RENAME COLUMN b TO c;\n')).toEqual(['retype_column s.t a NUMBER(20, 0)', 'rename_column s.t b c']);
  });

  test('constraints, indexes and partitions are not columns', () => {
    expect(summary('ansi', 'ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY (id);\nALTER TABLE t DROP CONSTRAINT pk;\nALTER TABLE t ALTER COLUMN a SET DEFAULT 0;\n')).toEqual([]);
  });
});

describe('the session catalog follows the changes', () => {
  test('a qualified read of a dropped column is an UnknownColumn warning; the renamed one is known', () => {
    const r = run('ansi', 'CREATE TABLE s.t (a INT, b INT);\nALTER TABLE s.t DROP COLUMN a;\nALTER TABLE s.t RENAME COLUMN b TO c;\nSELECT x.a, x.c FROM s.t x;\n');
    const unknown = r.diagnostics.filter((d) => d.code === 'UnknownColumn');
    expect(unknown.map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual(["4:10 column 'a' is not a column of s.t (known columns: c)"]);
    expect(r.tables).toEqual([{ key: '.s.t', kind: 'table', columns: ['c'], origin: 'session' }]);
  });

  test('UnknownColumn also for a --schema table (and none for a known column)', () => {
    const r = analyze([{ path: 'q.sql', text: 'SELECT o.customer_id, o.nope FROM src.customers o;\n' }], { schemaFiles: ['test/golden/inputs/schema.json'] });
    const unknown = r.diagnostics.filter((d) => d.code === 'UnknownColumn');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.message).toMatch(/^column 'nope' is not a column of src\.customers \(known columns: /);
  });
});
