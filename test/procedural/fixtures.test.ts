/**
 * The large procedural fixtures (test/fixtures/tsql/big_procs.sql, a SQL Server script of 25
 * procedures without semicolons; test/fixtures/oracle/big_package.sql, a PL/SQL package) and the
 * SQL/PSM ones (test/fixtures/psm: MySQL with DELIMITER, PostgreSQL dollar-quoted PL/pgSQL and SQL
 * functions, BigQuery and Snowflake procedures) analyze without a statement error, and every
 * INSERT/UPDATE/MERGE/DELETE their .expect.json lists shows
 * up in the JSON output as a write of a process named after its routine, on the statement's line;
 * no permanent table is written by a process of another routine.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, render } from '../../src/api.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

interface Write {
  kind: string;
  table: string;
  line: number;
}
interface Unit {
  name: string;
  qualifiedName?: string;
  targets: string[];
  writes: Write[];
}
interface JsonObj {
  id: string;
  type: string;
  name: string;
  procedureName?: string;
  coordinates: { x: number; y: number }[];
}
interface JsonRel {
  target: { parentId: string };
  sources: { parentId: string }[];
}

/** The table-to-table JSON document of one file, as `sqlflow analyze -f json --table-to-table` prints it. */
function document(file: string, vendor: string) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const { graph, diagnostics } = analyze([{ path: file, text }], { vendor, tableToTable: true });
  const json = JSON.parse(render(graph, { format: 'json', tableToTable: true, delimiter: ',' }));
  const flow = json.data.sqlflow as { dbobjs: JsonObj[]; relationships: JsonRel[] };
  return { flow, diagnostics, status: graph.statements };
}

/** Processes with the (lower-cased) names of the tables each one writes. */
function processWrites(flow: { dbobjs: JsonObj[]; relationships: JsonRel[] }) {
  const byId = new Map(flow.dbobjs.map((o) => [o.id, o]));
  const writes = new Map<string, Set<string>>();
  for (const r of flow.relationships) {
    const target = byId.get(r.target.parentId);
    if (!target || (target.type !== 'table' && target.type !== 'view')) continue;
    for (const s of r.sources) {
      const source = byId.get(s.parentId);
      if (source?.type !== 'process') continue;
      if (!writes.has(source.id)) writes.set(source.id, new Set());
      writes.get(source.id)!.add(target.name.toLowerCase());
    }
  }
  const processes = flow.dbobjs.filter((o) => o.type === 'process');
  return processes.map((p) => ({ proc: p, writes: [...(writes.get(p.id) ?? [])] }));
}

/** `SalesDW.dw.DimCustomer` names the table `dw.DimCustomer` (database from USE). */
const names = (written: string, table: string) => written === table.toLowerCase() || written.endsWith(`.${table.toLowerCase()}`);

const CASES: [string, string, string, (e: any) => Unit[]][] = [
  ['T-SQL procedures', 'test/fixtures/tsql/big_procs.sql', 'dbvmssql', (e) => e.procedures],
  ['PL/SQL package body', 'test/fixtures/oracle/big_package.sql', 'dbvoracle', (e) => e.units],
  ['MySQL routines (DELIMITER)', 'test/fixtures/psm/mysql_procs.sql', 'dbvmysql', (e) => e.units],
  ['PostgreSQL functions', 'test/fixtures/psm/pg_functions.sql', 'dbvpostgresql', (e) => e.units],
  ['BigQuery procedures', 'test/fixtures/psm/bigquery_procs.sql', 'dbvbigquery', (e) => e.units],
  ['Snowflake procedures', 'test/fixtures/psm/snowflake_procs.sql', 'dbvsnowflake', (e) => e.units],
];

describe.each(CASES)('%s', (_title, file, vendor, unitsOf) => {
  const expected = JSON.parse(readFileSync(join(ROOT, file.replace(/\.sql$/, '.expect.json')), 'utf8'));
  const units = unitsOf(expected);
  const { flow, diagnostics, status } = document(file, vendor);
  const procs = processWrites(flow);
  const qualified = (u: Unit) => (u.qualifiedName ?? u.name).toLowerCase();

  test('no statement fails', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(status.failed).toBe(0);
  });

  test.each(units.map((u) => [qualified(u), u] as const))('%s: every write is a process of the routine', (name, unit) => {
    const missing = unit.writes.filter((w) => {
      return !procs.some(({ proc, writes }) => {
        const [from, to] = [proc.coordinates[0]!.x, proc.coordinates[proc.coordinates.length - 1]!.x];
        return proc.procedureName?.toLowerCase() === name && from <= w.line && w.line <= to && writes.some((t) => names(t, w.table));
      });
    });
    expect(missing).toEqual([]);
  });

  test('no permanent table is written under another routine', () => {
    const targets = new Map(units.map((u) => [qualified(u), u.targets]));
    const wrong: string[] = [];
    for (const { proc, writes } of procs) {
      for (const t of writes) {
        const base = t.split('.').pop()!;
        if (base.startsWith('#') || base.startsWith('@')) continue;
        // A table function's rows are written under its own name (read later as `FROM f(..)`).
        const allowed = [...(targets.get(proc.procedureName!.toLowerCase()) ?? []), proc.procedureName!];
        if (!allowed.some((a) => names(t, a))) wrong.push(`${proc.procedureName}: ${t} (line ${proc.coordinates[0]!.x})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
