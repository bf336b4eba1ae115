/** Unit tests of the conformance comparator (test/conformance/compare.mjs) on synthetic outputs. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compareColumns,
  compareTables,
  dbobjName,
  endToEndPairs,
  isResultSetName,
  pairsFromCsv,
  parseCsv,
  statementsFromTableJson,
  tableNameMatches,
  vendorFor,
  wholeScriptTables,
  type ColumnPair,
} from './compare.mjs';

// ---- synthetic table-to-table JSON -----------------------------------------------------------

interface Obj {
  id: string;
  type: string;
  name: string;
  schema?: string;
  database?: string;
  procedureName?: string;
}
interface Rel {
  id: string;
  type: string;
  effectType: string;
  target: { id: string; parentId: string; parentName: string };
  sources: { id: string; parentId: string; parentName: string }[];
  processId?: string;
}

/** Builds a JSON document: `stmts` are [reads, writes, procedureName?, effectType?]; table names may be `db.schema.name`. */
function tableDoc(stmts: [string[], string[], string?, string?][]): unknown {
  const dbobjs: Obj[] = [];
  const relationships: Rel[] = [];
  const tables = new Map<string, Obj>();
  let next = 1;
  const table = (q: string): Obj => {
    let o = tables.get(q);
    if (!o) {
      const parts = q.split('.');
      parts.pop();
      // Like our JSON writer: `name` is the qualified name, database/schema repeat the parts.
      o = { id: String(next++), type: 'table', name: q };
      if (parts.length > 0) o.schema = parts.pop();
      if (parts.length > 0) o.database = parts.pop();
      tables.set(q, o);
      dbobjs.push(o);
    }
    return o;
  };
  const ep = (o: Obj) => ({ id: o.id, parentId: o.id, parentName: o.name });
  stmts.forEach(([reads, writes, proc, effect], i) => {
    const p: Obj = { id: String(next++), type: 'process', name: `Query ${i + 1}`, procedureName: proc ?? 'batchQueries' };
    dbobjs.push(p);
    const effectType = effect ?? 'insert';
    for (const r of reads) relationships.push({ id: String(next++), type: 'fdd', effectType, target: ep(p), sources: [ep(table(r))], processId: p.id });
    for (const w of writes) relationships.push({ id: String(next++), type: 'fdd', effectType, target: ep(table(w)), sources: [ep(p)], processId: p.id });
  });
  return { code: 200, data: { mode: 'global', summary: {}, sqlflow: { dbvendor: 'dbvansi', dbobjs, relationships, errors: [] } } };
}

const tablesOf = (stmts: [string[], string[], string?, string?][]) => wholeScriptTables(statementsFromTableJson(tableDoc(stmts)));

describe('dialect mapping', () => {
  it('maps sqlfluff dialects to our vendors', () => {
    expect(vendorFor('ansi')).toBe('dbvansi');
    expect(vendorFor('tsql')).toBe('dbvmssql');
    expect(vendorFor('mariadb')).toBe('dbvmysql');
    expect(vendorFor('exasol')).toBe('dbvansi');
    expect(vendorFor('materialize')).toBe('dbvpostgresql');
    expect(vendorFor('sparksql')).toBe('dbvsparksql');
  });
});

describe('table names', () => {
  it('matches unquoted names case-insensitively', () => {
    expect(tableNameMatches('People', 'people')).toBe(true);
    expect(tableNameMatches('Production.WorkOrder', 'production.WORKORDER')).toBe(true);
    expect(tableNameMatches('tab1', 'tab2')).toBe(false);
    expect(tableNameMatches('tab1', 'db.tab1')).toBe(false);
  });
  it('matches double-quoted parts exactly, quotes stripped', () => {
    expect(tableNameMatches('"MyTable"', 'MyTable')).toBe(true);
    expect(tableNameMatches('"MyTable"', 'mytable')).toBe(false);
    expect(tableNameMatches('schema."MyTable"', 'SCHEMA.MyTable')).toBe(true);
    expect(tableNameMatches('schema."MyTable"', 'schema.MYTABLE')).toBe(false);
    expect(tableNameMatches('"1.2.3.SomeTable"', '1.2.3.SomeTable')).toBe(true);
  });
  it('compares paths by exact string', () => {
    expect(tableNameMatches('s3://mybucket/mypath', 's3://mybucket/mypath')).toBe(true);
    expect(tableNameMatches('s3://mybucket/mypath', 's3://MyBucket/mypath')).toBe(false);
    expect(tableNameMatches('examples/src/main/resources/', 'examples/src/main/resources/')).toBe(true);
  });
});

describe('table lineage from table-to-table JSON', () => {
  it('reads and writes of one statement', () => {
    expect(tablesOf([[['tab2', 'tab3'], ['tab1']]])).toEqual({ sources: ['tab2', 'tab3'], targets: ['tab1'] });
  });
  it('qualifies with database and schema when present', () => {
    expect(tablesOf([[['db.sch.src'], ['sch.tgt']]])).toEqual({ sources: ['db.sch.src'], targets: ['sch.tgt'] });
  });
  it('takes the qualified dbobj name as it is, or prepends the known parts to a bare one', () => {
    expect(dbobjName({ name: 'db1.s1.src', database: 'db1', schema: 's1' })).toBe('db1.s1.src');
    expect(dbobjName({ name: 'S1.src', schema: 's1' })).toBe('S1.src');
    expect(dbobjName({ name: 'src', database: 'db1', schema: 's1' })).toBe('db1.s1.src');
    expect(dbobjName({ name: 's1.src', database: 'db1', schema: 's1' })).toBe('db1.s1.src');
    expect(dbobjName({ name: '1.2.3.SomeTable' })).toBe('1.2.3.SomeTable');
    expect(dbobjName({ name: 'tab', schema: 'DEFAULT', database: 'DEFAULT' })).toBe('tab');
  });
  it('read-only and write-only statements', () => {
    expect(tablesOf([[['tab1'], []]])).toEqual({ sources: ['tab1'], targets: [] });
    expect(tablesOf([[[], ['tab1']]])).toEqual({ sources: [], targets: ['tab1'] });
  });
  it('drops intermediate tables (written, then read later)', () => {
    expect(tablesOf([[['tab_b'], ['tab_a']], [['tab_a'], ['tab_c']]])).toEqual({ sources: ['tab_b'], targets: ['tab_c'] });
  });
  it('treats intermediates case-insensitively', () => {
    expect(tablesOf([[['tab_b'], ['TAB_A']], [['tab_a'], ['tab_c']]])).toEqual({ sources: ['tab_b'], targets: ['tab_c'] });
  });
  it('keeps self-loops in both lists', () => {
    expect(tablesOf([[['tab1', 'tab2'], ['tab1']]])).toEqual({ sources: ['tab1', 'tab2'], targets: ['tab1'] });
  });
  it('analyzes the processes of one procedure as one statement, like sqllineage', () => {
    const inProc = tablesOf([
      [['tab1'], ['tab2'], 'proc1'],
      [['tab2'], ['tab3'], 'proc1'],
    ]);
    expect(inProc).toEqual({ sources: ['tab1', 'tab2'], targets: ['tab2', 'tab3'] });
    const topLevel = tablesOf([
      [['tab1'], ['tab2']],
      [['tab2'], ['tab3']],
    ]);
    expect(topLevel).toEqual({ sources: ['tab1'], targets: ['tab3'] });
  });
  it('follows sqllineage tags: a created-only table read later stays a target', () => {
    expect(tablesOf([[[], ['tab_a']], [['tab_a'], ['tab_b']]])).toEqual({ sources: ['tab_a'], targets: ['tab_a', 'tab_b'] });
  });
  it('applies rename_table relationships (ALTER TABLE ... RENAME)', () => {
    const got = tablesOf([
      [['tab2'], ['tab1']],
      [['tab1'], ['tab3'], undefined, 'rename_table'],
    ]);
    expect(got).toEqual({ sources: ['tab2'], targets: ['tab3'] });
  });
  it('applies drop relationships to tables without edges', () => {
    expect(tablesOf([[[], ['tab1']], [[], ['tab1'], undefined, 'drop_table']])).toEqual({ sources: [], targets: [] });
    expect(
      tablesOf([
        [['tab_b'], ['tab_a']],
        [['tab_a'], ['tab_c']],
        [[], ['tab_a'], undefined, 'drop_table'],
      ]),
    ).toEqual({ sources: ['tab_b'], targets: ['tab_c'] });
  });
  it('resolves endpoints that carry only an id, and direct table-to-table relationships', () => {
    const doc = {
      data: {
        sqlflow: {
          dbobjs: [
            { id: '1', type: 'table', name: 'a' },
            { id: '2', type: 'view', name: 'v' },
            { id: '3', type: 'process', name: 'Query Create View', procedureName: 'batchQueries' },
          ],
          relationships: [{ id: '9', type: 'fdd', effectType: 'create_view', target: { id: '2' }, sources: [{ id: '1' }], processId: '3' }],
        },
      },
    };
    expect(wholeScriptTables(statementsFromTableJson(doc))).toEqual({ sources: ['a'], targets: ['v'] });
  });
  it('reports missing and extra names', () => {
    const r = compareTables({ sources: ['People'], targets: ['"Tgt"'] }, tableDoc([[['people', 'other'], ['tgt']]]));
    expect(r.ok).toBe(false);
    expect(r.diff.sources).toEqual({ missing: [], extra: ['other'] });
    expect(r.diff.targets).toEqual({ missing: ['"Tgt"'], extra: ['tgt'] });
    expect(compareTables({ sources: ['People'], targets: ['tgt'] }, tableDoc([[['people'], ['TGT']]])).ok).toBe(true);
  });
  it('rejects a document without dbobjs', () => {
    expect(() => statementsFromTableJson({ code: 500 })).toThrow(/dbobjs/);
  });
});

// ---- synthetic CSV ---------------------------------------------------------------------------

const HEADER = 'source_db,source_schema,source_table,source_column,target_db,target_schema,target_table,target_column,relation_type,effect_type';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const pair = (s: string, sc: string, t: string, tc: string): ColumnPair => ({ source: { table: s, column: sc }, target: { table: t, column: tc } });

describe('CSV parsing', () => {
  it('handles RFC 4180 quoting and CRLF', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n1,,"x\ny"\r\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['1', '', 'x\ny'],
    ]);
  });
  it('rejects an unexpected header', () => {
    expect(() => pairsFromCsv('a,b,c\n1,2,3\n')).toThrow(/header/);
  });
  it('recognizes result-set names', () => {
    for (const n of ['RS-1', 'INSERT-SELECT-2', 'RESULT_OF_E', 'CTE-X-1', 'SQL_CONSTANTS', 'MERGE-INSERT-1']) expect(isResultSetName(n)).toBe(true);
    for (const n of ['tab1', 'rs', 'function', 'result']) expect(isResultSetName(n)).toBe(false);
  });
});

describe('column pairs from CSV', () => {
  it('keeps fdd rows into real tables, drops DEFAULT parts, result sets, RelationRows and fdr', () => {
    const text = csv(
      'DEFAULT,DEFAULT,tab2,col1,DEFAULT,DEFAULT,tab1,col1,fdd,insert',
      'db,sch,tab2,col2,DEFAULT,sch2,tab1,col2,fdd,insert',
      'DEFAULT,DEFAULT,tab2,col1,DEFAULT,DEFAULT,RS-1,col1,fdd,select',
      'DEFAULT,DEFAULT,tab2,col3,DEFAULT,DEFAULT,tab1,RelationRows,fdr,insert',
      'DEFAULT,DEFAULT,tab2,col3,DEFAULT,DEFAULT,tab1,col9,fdr,insert',
      'DEFAULT,DEFAULT,tab2,RelationRows,DEFAULT,DEFAULT,tab1,RelationRows,fdd,insert',
      'DEFAULT,DEFAULT,PSEUDO_TABLE_INCLUDE_ORPHAN_COLUMN,x,DEFAULT,DEFAULT,tgt,x,fdd,insert',
      'DEFAULT,DEFAULT,,y,DEFAULT,DEFAULT,tgt,y,fdd,insert',
    );
    expect(pairsFromCsv(text)).toEqual([
      pair('tab2', 'col1', 'tab1', 'col1'),
      pair('db.sch.tab2', 'col2', 'sch2.tab1', 'col2'),
      { source: { table: null, column: 'x' }, target: { table: 'tgt', column: 'x' } },
      { source: { table: null, column: 'y' }, target: { table: 'tgt', column: 'y' } },
    ]);
  });
  it('keeps a real schema named default (lower case)', () => {
    expect(pairsFromCsv(csv('DEFAULT,default,tab2,c,DEFAULT,DEFAULT,tab1,c,fdd,insert'))).toEqual([pair('default.tab2', 'c', 'tab1', 'c')]);
  });
});

describe('end-to-end column lineage', () => {
  it('collapses chains across statements', () => {
    const got = endToEndPairs([pair('t1', 'a', 't2', 'a'), pair('t2', 'a', 't3', 'a'), pair('t1', 'b', 't2', 'b')]);
    expect(got).toEqual(expect.arrayContaining([pair('t1', 'a', 't3', 'a'), pair('t1', 'b', 't2', 'b')]));
    expect(got).toHaveLength(2);
  });
  it('keeps self-loops as a pair and as a source', () => {
    const got = endToEndPairs([pair('tab1', 'price', 'tab1', 'price'), pair('tab2', 'price', 'tab1', 'price')]);
    expect(got).toEqual(expect.arrayContaining([pair('tab1', 'price', 'tab1', 'price'), pair('tab2', 'price', 'tab1', 'price')]));
    expect(got).toHaveLength(2);
  });
});

describe('compareColumns', () => {
  it('compares as sets, case- and whitespace-insensitively', () => {
    const text = csv(
      'DEFAULT,DEFAULT,TAB2,Col1,DEFAULT,DEFAULT,tab1,"max(col1)",fdd,insert',
      'DEFAULT,DEFAULT,tab2,col1,DEFAULT,DEFAULT,tab1,"max(col1)",fdd,insert',
      'DEFAULT,DEFAULT,tab2,*,DEFAULT,DEFAULT,tab1,"a +  b",fdd,insert',
    );
    const r = compareColumns(
      [
        [['tab2', 'col1'], ['tab1', 'max(col1)']],
        [['tab2', '*'], ['tab1', 'a + b']],
      ],
      text,
    );
    expect(r.diff).toEqual({ missing: [], extra: [] });
    expect(r.ok).toBe(true);
  });
  it('matches an unqualified expected source to the orphan pseudo table', () => {
    const text = csv('DEFAULT,DEFAULT,pseudo_table_include_orphan_column,col1,DEFAULT,DEFAULT,tgt,col1,fdd,insert');
    expect(compareColumns([[[null, 'col1'], ['tgt', 'col1']]], text).ok).toBe(true);
    expect(compareColumns([[['tab1', 'col1'], ['tgt', 'col1']]], text).ok).toBe(false);
  });
  it('treats [] as "no lineage" and reports extras', () => {
    expect(compareColumns([], csv('DEFAULT,DEFAULT,tab2,col1,DEFAULT,DEFAULT,RS-1,col1,fdd,select')).ok).toBe(true);
    const r = compareColumns([], csv('DEFAULT,DEFAULT,tab2,col1,DEFAULT,DEFAULT,tab1,col1,fdd,insert'));
    expect(r).toMatchObject({ ok: false, diff: { missing: [], extra: ['tab2.col1 -> tab1.col1'] } });
  });
  it('accepts a header-only CSV', () => {
    expect(compareColumns([], HEADER + '\n').ok).toBe(true);
    expect(compareColumns([[['a', 'x'], ['b', 'x']]], HEADER + '\n').diff.missing).toEqual(['a.x -> b.x']);
  });
});

// ---- the writers' own golden outputs (test/writers/golden), to catch format drift ------------
// SQL behind multi.*: `INSERT INTO tgt(a,b) SELECT s.x, SUM(s.y) FROM db1.s1.src s WHERE s.z > 0;`
// then `CREATE VIEW "v<&>" ("a,""q") AS SELECT a FROM tgt; INSERT INTO tgt VALUES (1, 2);
// SELECT b FROM tgt;` (see test/writers/fixtures.ts). If those goldens change on purpose, update
// the expectations below.

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '../writers/golden');
const golden = (name: string) => readFileSync(join(GOLDEN_DIR, name), 'utf8');
const haveGoldens = existsSync(join(GOLDEN_DIR, 'multi.t2t.json'));

(haveGoldens ? describe : describe.skip)('comparator on the writers golden files', () => {
  it('reads the table-to-table JSON with sqllineage whole-script rules', () => {
    const statements = statementsFromTableJson(JSON.parse(golden('multi.t2t.json')));
    expect(statements.map((s) => [s.reads, s.writes])).toEqual([
      [['db1.s1.src'], ['tgt']],
      [['tgt'], ['v<&>']],
      [[], ['tgt']],
      [['tgt'], []],
    ]);
    // tgt: written from src and read by the view, so intermediate by edges; but the
    // INSERT ... VALUES tags it target-only and the plain SELECT source-only, as sqllineage does.
    const r = compareTables({ sources: ['db1.s1.src', 'tgt'], targets: ['"v<&>"', 'tgt'] }, JSON.parse(golden('multi.t2t.json')));
    expect(r.diff).toEqual({ sources: { missing: [], extra: [] }, targets: { missing: [], extra: [] } });
  });
  it('reads the column CSV end to end', () => {
    const r = compareColumns(
      [
        [['db1.s1.src', 'x'], ['v<&>', 'a,"q']],
        [['db1.s1.src', 'y'], ['tgt', 'b']],
      ],
      golden('multi.csv'),
    );
    expect(r.diff).toEqual({ missing: [], extra: [] });
  });
});
