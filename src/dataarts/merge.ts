/**
 * Manual lineage (DataArts lineage-info bodies: a Python job, an ETL tool, ...) merged into a
 * lineage graph, so every writer shows it beside the SQL lineage.
 *
 * Each body becomes one process (named by `node_name`, else `job_id`), reading its input tables and
 * writing its output tables; each column lineage gives an `fdd` edge from every input column to
 * every output column. Tables and columns are matched to the graph's by qualified name, case
 * insensitively (an unknown one is added); `catalog` has no place in the model and is not used.
 * New ids continue after the graph's largest, in body order, so the result is deterministic.
 */
import { maxGraphId, qualifiedName, RELATION_ROWS, type LineageColumn, type LineageGraph, type LineageObject } from '../graph/model.js';
import type { ColumnDetailsIn, LineageInfo } from './schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface MergeResult {
  graph: LineageGraph;
  /** Processes added (one per body with a table lineage). */
  processes: number;
  /** Warnings (`InputError`), the body's place (1-based) in the message. */
  problems: Diagnostic[];
}

export function mergeManualLineage(graph: LineageGraph, bodies: LineageInfo[]): MergeResult {
  const objects = [...graph.objects];
  const edges = [...graph.edges];
  let next = maxGraphId(graph) + 1;
  const byName = new Map<string, LineageObject>();
  for (const o of objects) if (o.type === 'table' || o.type === 'view') if (!byName.has(key(o))) byName.set(key(o), o);
  const problems: Diagnostic[] = [];
  const skipped = (i: number, message: string) => problems.push({ severity: 'warning', code: 'InputError', message: `body ${i + 1}: ${message}` });
  const copied = new Set<number>();

  /** Objects of the input graph are copied before they change (the input graph is left as is). */
  const own = (o: LineageObject): LineageObject => {
    if (copied.has(o.id)) return o;
    const c = { ...o, columns: [...o.columns] };
    objects[objects.indexOf(o)] = c;
    byName.set(key(c), c);
    copied.add(c.id);
    return c;
  };
  const table = (t: { database?: string; schema?: string; table?: string }): LineageObject | undefined => {
    if (t.table === undefined || t.table === '') return undefined;
    const shape = { name: t.table, ...(t.database ? { database: t.database } : {}), ...(t.schema ? { schema: t.schema } : {}) };
    const found = byName.get(key(shape));
    if (found) return own(found);
    const o: LineageObject = { id: next++, type: 'table', ...shape, columns: [], locs: [], intermediate: false };
    o.columns.push({ id: next++, name: RELATION_ROWS, locs: [], system: true });
    objects.push(o);
    byName.set(key(o), o);
    copied.add(o.id);
    return o;
  };
  const column = (o: LineageObject, name: string): LineageColumn => {
    const lower = name.toLowerCase();
    let c = o.columns.find((x) => !x.system && x.name.toLowerCase() === lower);
    if (!c) {
      c = { id: next++, name, locs: [] };
      o.columns.push(c);
    }
    return c;
  };

  let processes = 0;
  bodies.forEach((body, i) => {
    const tl = body.table_lineage;
    if (!tl) {
      skipped(i, 'no table_lineage: nothing to merge');
      return;
    }
    const p: LineageObject = {
      id: next++,
      type: 'process',
      name: body.node_name || body.job_id || `manual lineage ${i + 1}`,
      columns: [],
      locs: [],
      intermediate: false,
      procedureName: body.job_id || 'manual',
      reads: [],
      writes: [],
      effectType: 'insert',
    };
    objects.push(p);
    processes++;
    const add = (list: number[], o: LineageObject | undefined) => {
      if (o && !list.includes(o.id)) list.push(o.id);
    };
    const unnamed = () => skipped(i, 'a table without a name is not merged');
    for (const [tables, list] of [[tl.input_tables, p.reads!], [tl.output_tables, p.writes!]] as const) {
      for (const t of tables) {
        const o = table(t);
        if (o) add(list, o);
        else unnamed();
      }
    }
    for (const cl of tl.column_lineages ?? []) {
      const ends = (cols: ColumnDetailsIn[], list: number[]) =>
        cols.flatMap((c) => {
          const o = table(c);
          if (!o || c.column === undefined || c.column === '') {
            skipped(i, 'a column without a table or column name is not merged');
            return [];
          }
          add(list, o);
          return [{ o, c: column(o, c.column) }];
        });
      const ins = ends(cl.input_columns, p.reads!);
      const outs = ends(cl.output_columns, p.writes!);
      for (const t of outs) {
        for (const s of ins) {
          edges.push({
            id: next++,
            type: 'fdd',
            effectType: 'insert',
            source: { objectId: s.o.id, columnId: s.c.id },
            target: { objectId: t.o.id, columnId: t.c.id },
            processId: p.id,
          });
        }
      }
    }
  });
  return { graph: { ...graph, objects, edges }, processes, problems };
}

function key(o: Pick<LineageObject, 'database' | 'schema' | 'name'>): string {
  return qualifiedName(o).toLowerCase();
}
