/**
 * `sqlflow-graph` documents for the schema test: the repository's samples (one per vendor that has
 * one) and the vendored sqllineage cases grouped by dialect, with the widget's cross-reference
 * rules checked next to the JSON Schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { analyze, render, type SourceInput } from '../../src/api.js';
import type { RelationType } from '../../src/graph/model.js';
import { repoPath } from '../helpers/paths.js';

export interface Sample {
  name: string;
  vendor: string;
  sources: SourceInput[];
  schemaFiles?: string[];
}

function dir(folder: string): SourceInput[] {
  return readdirSync(repoPath(folder))
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ path: `${folder}/${f}`, text: readFileSync(repoPath(folder, f), 'utf8') }));
}

function file(path: string): SourceInput[] {
  return [{ path, text: readFileSync(repoPath(path), 'utf8') }];
}

/** The sqllineage dialect names, as sqlflow vendors (aliases resolve them). */
function corpus(): Sample[] {
  const byDialect = new Map<string, SourceInput[]>();
  const lines = readFileSync(repoPath('test', 'corpus', 'sqllineage', 'cases.jsonl'), 'utf8').split('\n');
  for (const line of lines) {
    if (!line.trim()) continue;
    const c = JSON.parse(line) as { id: string; dialect: string; sql: string };
    let list = byDialect.get(c.dialect);
    if (!list) byDialect.set(c.dialect, (list = []));
    if (list.length < 12) list.push({ path: `case-${list.length + 1}.sql`, text: c.sql });
  }
  return [...byDialect].sort(([a], [b]) => a.localeCompare(b)).map(([dialect, sources]) => ({ name: `sqllineage ${dialect}`, vendor: dialect, sources }));
}

export function samples(): Sample[] {
  return [
    { name: 'samples/warehouse', vendor: 'dbvansi', sources: dir('samples/warehouse'), schemaFiles: [repoPath('samples/warehouse/schema.json')] },
    { name: 'samples/mssql', vendor: 'dbvmssql', sources: dir('samples/mssql') },
    { name: 'samples/oracle', vendor: 'dbvoracle', sources: dir('samples/oracle') },
    { name: 'psm bigquery', vendor: 'dbvbigquery', sources: file('test/fixtures/psm/bigquery_procs.sql') },
    { name: 'psm mysql', vendor: 'dbvmysql', sources: file('test/fixtures/psm/mysql_procs.sql') },
    { name: 'psm postgresql', vendor: 'dbvpostgresql', sources: file('test/fixtures/psm/pg_functions.sql') },
    { name: 'psm snowflake', vendor: 'dbvsnowflake', sources: file('test/fixtures/psm/snowflake_procs.sql') },
    ...corpus(),
  ];
}

export function widgetDocument(s: Sample, relationTypes: RelationType[], tableToTable = false): unknown {
  const { graph } = analyze(s.sources, { vendor: s.vendor, relationTypes, schemaFiles: s.schemaFiles ?? [] });
  return JSON.parse(render(graph, { format: 'sqlflow-graph', tableToTable, delimiter: ',' }));
}

interface Doc {
  data: {
    sqlflow: { dbobjs: { servers: Server[] }; relationships: { id: string; target: { id: string; parentId: string }; sources: { id: string; parentId: string }[] }[] };
    graph: {
      elements: { tables: { id: string; columns: { id: string }[] }[]; edges: { id: string; sourceId: string; targetId: string }[] };
      listIdMap: Record<string, string[]>;
      relationshipIdMap: Record<string, [string, string]>;
    };
  };
}
interface Lists {
  tables?: Obj[];
  views?: Obj[];
  others?: Obj[];
  processes?: Obj[];
}
interface Obj {
  id: string;
  columns?: { id: string }[];
}
interface Server {
  databases?: (Lists & { schemas?: Lists[] })[];
  schemas?: Lists[];
}

/**
 * What the widget looks up and fails on ("cannot find dbo of id", "undefined"): every listIdMap
 * id is a dbobj (box → object, box column → one of that object's columns), every relationship end
 * names a known object and column, every edge joins declared box columns and names a
 * relationship of its type. Returns the problems found.
 */
export function crossReferenceProblems(doc: unknown): string[] {
  const d = (doc as Doc).data;
  const objects = new Map<string, Set<string>>();
  const addLists = (l: Lists) => {
    for (const o of [...(l.tables ?? []), ...(l.views ?? []), ...(l.others ?? []), ...(l.processes ?? [])]) {
      if (objects.has(o.id)) problems.push(`dbobj ${o.id} listed twice`);
      objects.set(o.id, new Set((o.columns ?? []).map((c) => c.id)));
    }
  };
  const problems: string[] = [];
  for (const s of d.sqlflow.dbobjs.servers) {
    for (const db of s.databases ?? []) {
      addLists(db);
      for (const sc of db.schemas ?? []) addLists(sc);
    }
    for (const sc of s.schemas ?? []) addLists(sc);
  }
  const relType = new Map<string, string>();
  for (const r of d.sqlflow.relationships) {
    for (const end of [r.target, ...r.sources]) {
      if (!objects.get(end.parentId)?.has(end.id)) problems.push(`relationship ${r.id}: no column ${end.id} in dbobj ${end.parentId}`);
    }
    relType.set(r.id, (r as unknown as { type: string }).type);
  }
  const columnIds = new Set<string>();
  for (const t of d.graph.elements.tables) {
    const objectId = d.graph.listIdMap[t.id]?.[0];
    const columns = objectId === undefined ? undefined : objects.get(objectId);
    if (!columns) problems.push(`box ${t.id}: no dbobj ${objectId}`);
    for (const c of t.columns) {
      columnIds.add(c.id);
      const colId = d.graph.listIdMap[c.id]?.[0];
      if (colId === undefined || !columns?.has(colId)) problems.push(`box column ${c.id}: ${colId} is not a column of dbobj ${objectId}`);
    }
  }
  const pairs = new Set<string>();
  for (const e of d.graph.elements.edges) {
    if (!columnIds.has(e.sourceId) || !columnIds.has(e.targetId)) problems.push(`edge ${e.id}: an end is not a box column`);
    const [relId, type] = d.graph.relationshipIdMap[e.id] ?? [];
    if (relId === undefined || relType.get(relId) !== type) problems.push(`edge ${e.id}: relationship ${relId} of type ${type} not found`);
    const key = `${e.sourceId}>${e.targetId}>${type}`;
    if (pairs.has(key)) problems.push(`edge ${e.id}: (source, target, type) drawn twice`);
    pairs.add(key);
  }
  return problems;
}
