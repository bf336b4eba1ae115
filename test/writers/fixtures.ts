/** Hand-made lineage graphs for the writer tests (the SQL they stand for is in the comments). */
import type { LineageColumn, LineageEdge, LineageGraph, LineageObject, Loc } from '../../src/graph/model.js';
import type { OutputFormat, WriteOptions } from '../../src/options.js';

export function loc(line: number, col: number, endLine: number, endCol: number, file = 0): Loc {
  return { file, line, col, endLine, endCol };
}

export function opts(format: OutputFormat, extra: Partial<WriteOptions> = {}): WriteOptions {
  return { format, tableToTable: false, delimiter: ',', ...extra };
}

function col(id: number, name: string, locs: Loc[], system = false): LineageColumn {
  return system ? { id, name, locs, system: true } : { id, name, locs };
}

function table(id: number, name: string, columns: LineageColumn[], locs: Loc[], extra: Partial<LineageObject> = {}): LineageObject {
  return { id, type: 'table', name, columns, locs, intermediate: false, ...extra };
}

function process(id: number, name: string, locs: Loc[], extra: Partial<LineageObject>): LineageObject {
  return { id, type: 'process', name, columns: [], locs, intermediate: false, procedureName: 'batchQueries', ...extra };
}

/**
 * a.sql, one statement:
 * ```
 * INSERT INTO tgt(a,b) SELECT x, y FROM src WHERE z > 0;
 * ```
 * x → a, y → b (fdd); z → tgt.RelationRows (fdr, where).
 */
export function insertSelectGraph(): LineageGraph {
  return {
    vendor: 'dbvansi',
    files: ['a.sql'],
    objects: [
      process(1, 'Query Insert-1', [loc(1, 1, 1, 56)], {
        queryHashId: '5d41402abc4b2a76b9719d911017c592', effectType: 'insert', reads: [6], writes: [2],
      }),
      table(2, 'tgt', [
        col(3, 'a', [loc(1, 17, 1, 18)]),
        col(4, 'b', [loc(1, 19, 1, 20)]),
        col(5, 'RelationRows', [loc(1, 13, 1, 16)], true),
      ], [loc(1, 13, 1, 16)]),
      table(6, 'src', [
        col(7, 'x', [loc(1, 29, 1, 30)]),
        col(8, 'y', [loc(1, 32, 1, 33)]),
        col(9, 'z', [loc(1, 50, 1, 51)]),
        col(10, 'RelationRows', [loc(1, 39, 1, 42)], true),
      ], [loc(1, 39, 1, 42)]),
    ],
    edges: [
      { id: 1, type: 'fdd', effectType: 'insert', processId: 1, source: { objectId: 6, columnId: 7 }, target: { objectId: 2, columnId: 3 } },
      { id: 2, type: 'fdd', effectType: 'insert', processId: 1, source: { objectId: 6, columnId: 8 }, target: { objectId: 2, columnId: 4 } },
      {
        id: 3, type: 'fdr', effectType: 'insert', processId: 1,
        source: { objectId: 6, columnId: 9, clauseType: 'where' }, target: { objectId: 2, columnId: 5 },
      },
    ],
    errors: [],
    statements: { total: 1, failed: 0 },
  };
}

/**
 * Two files.
 * a.sql:
 * ```
 * INSERT INTO tgt(a,b) SELECT s.x, SUM(s.y) FROM db1.s1.src s WHERE s.z > 0;
 * ```
 * sub/b.sql:
 * ```
 * CREATE VIEW "v<&>" ("a,""q") AS SELECT a FROM tgt;
 * INSERT INTO tgt VALUES (1, 2);
 * SELECT b FROM tgt;
 * SELECT a FORM tgt;
 * ```
 * The last statement fails to parse. Transforms are present (as with --show-transform).
 */
export function multiFileGraph(): LineageGraph {
  const b = (line: number, c: number, endLine: number, endCol: number) => loc(line, c, endLine, endCol, 1);
  const edges: LineageEdge[] = [
    {
      id: 1, type: 'fdd', effectType: 'insert', processId: 1,
      source: { objectId: 6, columnId: 7 }, target: { objectId: 2, columnId: 3 },
      transform: { kind: 'simple', code: 's.x' },
    },
    {
      id: 2, type: 'fdd', effectType: 'insert', processId: 1, function: 'SUM',
      source: { objectId: 6, columnId: 8 }, target: { objectId: 2, columnId: 4 },
      transform: { kind: 'function', code: 'SUM(s.y)' },
    },
    {
      id: 3, type: 'fdr', effectType: 'insert', processId: 1,
      source: { objectId: 6, columnId: 9, clauseType: 'where' }, target: { objectId: 2, columnId: 5 },
    },
    {
      id: 4, type: 'fdd', effectType: 'create_view', processId: 11,
      source: { objectId: 2, columnId: 3, loc: b(1, 40, 1, 41) }, target: { objectId: 12, columnId: 13 },
    },
    {
      id: 5, type: 'fdd', effectType: 'select', processId: 16,
      source: { objectId: 2, columnId: 4, loc: b(3, 8, 3, 9) }, target: { objectId: 17, columnId: 18 },
    },
  ];
  return {
    vendor: 'dbvansi',
    files: ['a.sql', 'sub/b.sql'],
    objects: [
      process(1, 'Query Insert-1', [loc(1, 1, 1, 75)], {
        queryHashId: '7215ee9c7d9dc229d2921a40e899ec5f', effectType: 'insert', reads: [6], writes: [2],
      }),
      table(2, 'tgt', [
        col(3, 'a', [loc(1, 17, 1, 18), b(1, 40, 1, 41)]),
        col(4, 'b', [loc(1, 19, 1, 20), b(3, 8, 3, 9)]),
        col(5, 'RelationRows', [loc(1, 13, 1, 16)], true),
      ], [loc(1, 13, 1, 16), b(1, 47, 1, 50), b(2, 13, 2, 16), b(3, 15, 3, 18)]),
      table(6, 'src', [
        col(7, 'x', [loc(1, 29, 1, 32)]),
        col(8, 'y', [loc(1, 38, 1, 41)]),
        col(9, 'z', [loc(1, 67, 1, 70)]),
        col(10, 'RelationRows', [loc(1, 48, 1, 60)], true),
      ], [loc(1, 48, 1, 60)], { database: 'db1', schema: 's1', alias: 's' }),
      process(11, 'Query Create View-1', [b(1, 1, 1, 51)], {
        queryHashId: '0cc175b9c0f1b6a831c399e269772661', effectType: 'create_view', reads: [2], writes: [12],
      }),
      {
        id: 12, type: 'view', name: 'v<&>', intermediate: false, locs: [b(1, 13, 1, 19)],
        columns: [col(13, 'a,"q', [b(1, 21, 1, 28)]), col(14, 'RelationRows', [b(1, 13, 1, 19)], true)],
      },
      process(15, 'Query Insert-2', [b(2, 1, 2, 32)], {
        queryHashId: '92eb5ffee6ae2fec3ad71c777531578f', effectType: 'insert', reads: [], writes: [2],
      }),
      process(16, 'Query Select-1', [b(3, 1, 3, 19)], {
        queryHashId: '4a8a08f09d37b73795649038408b5f33', effectType: 'select', reads: [2], writes: [],
      }),
      {
        id: 17, type: 'select_list', name: 'RS-1', intermediate: false, locs: [b(3, 8, 3, 9)],
        columns: [col(18, 'b', [b(3, 8, 3, 9)]), col(19, 'RelationRows', [b(3, 8, 3, 9)], true)],
      },
    ],
    edges,
    errors: [{ severity: 'error', code: 'SyntaxError', message: "syntax error near 'FORM'", fileIndex: 1, line: 4, col: 10, endLine: 4, endCol: 14 }],
    statements: { total: 5, failed: 1 },
  };
}

/**
 * One INSERT ... SELECT with `tables` source tables (`s0`..), each with `columnsPerTable` columns,
 * written to `out` with `targets` columns. Target column `t<k>` reads `inputsPerTarget` source
 * columns, taken round-robin over all source columns starting at column k.
 */
export function wideGraph(tables: number, columnsPerTable: number, targets: number, inputsPerTarget: number): LineageGraph {
  let nextId = 1;
  const processId = nextId++;
  const sources: LineageObject[] = [];
  for (let t = 0; t < tables; t++) {
    const id = nextId++;
    const columns = Array.from({ length: columnsPerTable }, (_, c) => col(nextId++, `c${c}`, []));
    sources.push(table(id, `s${t}`, columns, [], { schema: 'stage' }));
  }
  const outId = nextId++;
  const outColumns = Array.from({ length: targets }, (_, k) => col(nextId++, `t${k}`, []));
  const out = table(outId, 'out', outColumns, [], { database: 'dw', schema: 'mart' });
  const all = sources.flatMap((s) => s.columns.map((c) => ({ objectId: s.id, columnId: c.id })));
  const edges: LineageEdge[] = [];
  for (let k = 0; k < targets; k++) {
    for (let i = 0; i < inputsPerTarget; i++) {
      const source = all[(k + i) % all.length]!;
      edges.push({ id: edges.length + 1, type: 'fdd', effectType: 'insert', processId, source, target: { objectId: outId, columnId: outColumns[k]!.id } });
    }
  }
  return {
    vendor: 'dbvhive',
    files: ['wide.sql'],
    objects: [
      process(processId, 'Query Insert-1', [loc(1, 1, 1, 2)], { effectType: 'insert', reads: sources.map((s) => s.id), writes: [outId] }),
      ...sources,
      out,
    ],
    edges,
    errors: [],
    statements: { total: 1, failed: 0 },
  };
}

/** A deep copy, to check that output depends on content only. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
