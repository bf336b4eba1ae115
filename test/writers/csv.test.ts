import { COLUMN_HEADER, TABLE_HEADER, writeCsv } from '../../src/writers/csv.js';
import { joinChunks } from '../../src/writers/chunks.js';
import { clone, insertSelectGraph, multiFileGraph, opts } from './fixtures.js';
import { expectGolden } from './golden.js';

const lines = (text: string) => text.split('\n');

describe('writeCsv', () => {
  test('golden: insert-select', () => {
    expectGolden('insert-select.csv', joinChunks(writeCsv(insertSelectGraph(), opts('csv'))));
  });
  test('golden: two files', () => {
    expectGolden('multi.csv', joinChunks(writeCsv(multiFileGraph(), opts('csv'))));
  });
  test('golden: two files --table-to-table', () => {
    expectGolden('multi.t2t.csv', joinChunks(writeCsv(multiFileGraph(), opts('csv', { tableToTable: true }))));
  });
  test('golden: delimiter ;', () => {
    expectGolden('multi.semicolon.csv', joinChunks(writeCsv(multiFileGraph(), opts('csv', { delimiter: ';' }))));
  });
  test('golden: delimiter tab', () => {
    expectGolden('multi.tab.csv', joinChunks(writeCsv(multiFileGraph(), opts('csv', { delimiter: '\t' }))));
  });

  test('header, DEFAULT for unknown db/schema, RelationRows rows kept, \\n endings', () => {
    const text = joinChunks(writeCsv(insertSelectGraph(), opts('csv')));
    expect(text).toBe([
      COLUMN_HEADER.join(','),
      'DEFAULT,DEFAULT,src,x,DEFAULT,DEFAULT,tgt,a,fdd,insert',
      'DEFAULT,DEFAULT,src,y,DEFAULT,DEFAULT,tgt,b,fdd,insert',
      'DEFAULT,DEFAULT,src,z,DEFAULT,DEFAULT,tgt,RelationRows,fdr,insert',
      '',
    ].join('\n'));
    expect(text).not.toContain('\r');
  });

  test('known db/schema are written; a name with a comma and a quote is RFC 4180 quoted', () => {
    const rows = lines(joinChunks(writeCsv(multiFileGraph(), opts('csv'))));
    expect(rows[1]).toBe('db1,s1,src,x,DEFAULT,DEFAULT,tgt,a,fdd,insert');
    expect(rows[4]).toBe('DEFAULT,DEFAULT,tgt,a,DEFAULT,DEFAULT,v<&>,"a,""q",fdd,create_view');
  });

  test('delimiter ;: fields holding ; or a quote are quoted, a comma alone is not', () => {
    const g = multiFileGraph();
    g.objects[1]!.name = 'semi;colon';
    const rows = lines(joinChunks(writeCsv(g, opts('csv', { delimiter: ';' }))));
    expect(rows[0]).toBe(COLUMN_HEADER.join(';'));
    expect(rows[1]).toBe('db1;s1;src;x;DEFAULT;DEFAULT;"semi;colon";a;fdd;insert');
    expect(rows[4]).toBe('DEFAULT;DEFAULT;"semi;colon";a;DEFAULT;DEFAULT;v<&>;"a,""q";fdd;create_view');
  });

  test('tab delimiter', () => {
    const g = multiFileGraph();
    g.objects[1]!.name = 'tab\there';
    const rows = lines(joinChunks(writeCsv(g, opts('csv', { delimiter: '\t' }))));
    expect(rows[0]).toBe(COLUMN_HEADER.join('\t'));
    expect(rows[1]).toBe('db1\ts1\tsrc\tx\tDEFAULT\tDEFAULT\t"tab\there"\ta\tfdd\tinsert');
  });

  test('newlines and carriage returns inside names are quoted', () => {
    const g = insertSelectGraph();
    g.objects[2]!.columns[0]!.name = 'line\nbreak';
    g.objects[2]!.columns[1]!.name = 'carriage\rreturn';
    const text = joinChunks(writeCsv(g, opts('csv')));
    expect(text).toContain(',"line\nbreak",');
    expect(text).toContain(',"carriage\rreturn",');
  });

  test('one row per (source column, target column, relation type, effect type)', () => {
    const g = insertSelectGraph();
    const [first] = g.edges;
    g.edges.push(
      { ...clone(first!), id: 10, processId: 99 }, // same four in another statement: dropped
      { ...clone(first!), id: 11, type: 'fdr' }, // other relation type: kept
      { ...clone(first!), id: 12, effectType: 'update', processId: 99 }, // other effect: kept
    );
    const rows = lines(joinChunks(writeCsv(g, opts('csv'))));
    expect(rows).toHaveLength(7);
    expect(rows[4]).toBe('DEFAULT,DEFAULT,src,x,DEFAULT,DEFAULT,tgt,a,fdr,insert');
    expect(rows[5]).toBe('DEFAULT,DEFAULT,src,x,DEFAULT,DEFAULT,tgt,a,fdd,update');
  });

  test('a MERGE column written by both arms gets a row per effect', () => {
    const g = insertSelectGraph();
    const [first] = g.edges;
    g.edges = [
      { ...clone(first!), id: 1, effectType: 'merge_update' },
      { ...clone(first!), id: 2, effectType: 'merge_insert' },
    ];
    expect(lines(joinChunks(writeCsv(g, opts('csv')))).slice(1, 3)).toEqual([
      'DEFAULT,DEFAULT,src,x,DEFAULT,DEFAULT,tgt,a,fdd,merge_update',
      'DEFAULT,DEFAULT,src,x,DEFAULT,DEFAULT,tgt,a,fdd,merge_insert',
    ]);
  });

  test('--table-to-table: header and one row per table pair of reads x writes', () => {
    expect(joinChunks(writeCsv(multiFileGraph(), opts('csv', { tableToTable: true })))).toBe([
      TABLE_HEADER.join(','),
      'db1,s1,src,DEFAULT,DEFAULT,tgt,fdd,insert',
      'DEFAULT,DEFAULT,tgt,DEFAULT,DEFAULT,v<&>,fdd,create_view',
      '',
    ].join('\n'));
  });

  test('--table-to-table: fdr when no fdd edge links the tables; first effect wins; fdd upgrades', () => {
    const g = insertSelectGraph();
    // flt is read by process 1 only through WHERE (no fdd edge).
    g.objects.push({ id: 20, type: 'table', name: 'flt', columns: [], locs: [], intermediate: false });
    g.objects[0]!.reads = [6, 20];
    // Process 21 (an update) also moves src -> tgt, and flt -> tgt with an fdd edge.
    g.objects.push({ id: 21, type: 'process', name: 'Query Update-1', columns: [], locs: [], intermediate: false, effectType: 'update', reads: [20, 6], writes: [2] });
    g.objects.find((o) => o.id === 20)!.columns.push({ id: 22, name: 'k', locs: [] });
    g.edges.push({ id: 9, type: 'fdd', effectType: 'update', processId: 21, source: { objectId: 20, columnId: 22 }, target: { objectId: 2, columnId: 3 } });
    expect(lines(joinChunks(writeCsv(g, opts('csv', { tableToTable: true }))))).toEqual([
      TABLE_HEADER.join(','),
      'DEFAULT,DEFAULT,src,DEFAULT,DEFAULT,tgt,fdd,insert',
      'DEFAULT,DEFAULT,flt,DEFAULT,DEFAULT,tgt,fdd,insert',
      '',
    ]);
    g.edges.pop();
    expect(lines(joinChunks(writeCsv(g, opts('csv', { tableToTable: true }))))[2]).toBe('DEFAULT,DEFAULT,flt,DEFAULT,DEFAULT,tgt,fdr,insert');
  });

  test('empty graph: header only', () => {
    const empty = { vendor: 'dbvansi', files: [], objects: [], edges: [], errors: [], statements: { total: 0, failed: 0 } };
    expect(joinChunks(writeCsv(empty, opts('csv')))).toBe(`${COLUMN_HEADER.join(',')}\n`);
    expect(joinChunks(writeCsv(empty, opts('csv', { tableToTable: true })))).toBe(`${TABLE_HEADER.join(',')}\n`);
  });

  test('deterministic', () => {
    const g = multiFileGraph();
    expect(joinChunks(writeCsv(g, opts('csv')))).toBe(joinChunks(writeCsv(clone(g), opts('csv'))));
  });
});
