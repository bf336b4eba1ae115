// Table-level comparison: our `--format json --table-to-table` output against `tables`.
import { compareSets, isPathName, qualify, tableNameMatches } from './names.mjs';

const NON_DATASET_TYPES = new Set([
  'process', 'select_list', 'insert-select', 'update-set', 'update-select', 'merge-insert',
  'merge-update', 'with_cte', 'function', 'constantTable', 'pseudoTable', 'variable',
  'pivot_table', 'unpivot_table', 'procedure', 'trigger', 'package',
]);
const RENAME_EFFECTS = new Set(['rename_table']);
const DROP_EFFECTS = new Set(['drop_table', 'drop_view', 'drop']);

/**
 * `db.schema.table` of a dbobj. SQLFlow's (and our) `name` is already the qualified name as
 * written (`db1.s1.src` with `database: db1, schema: s1`); a bare `name` gets the known parts
 * prepended.
 */
export function dbobjName(o) {
  const name = String(o.name ?? '');
  const lower = name.toLowerCase();
  const prefix = qualify(o.database, o.schema).toLowerCase();
  if (prefix !== '' && lower.startsWith(`${prefix}.`)) return name;
  if (o.schema && o.schema !== 'DEFAULT' && lower.startsWith(`${o.schema.toLowerCase()}.`)) return qualify(o.database, name);
  return qualify(o.database, o.schema, name);
}

/**
 * Turn a table-to-table JSON document into sqllineage-like statements, in order:
 * `{ label, reads: string[], writes: string[], drops: string[], renames: [old, new][] }`.
 * Processes come in dbobj order; consecutive processes of the same routine (procedureName other
 * than `batchQueries`) form ONE statement, because sqllineage analyzes a CREATE PROCEDURE as one
 * statement. A relationship with effectType `rename_table` is an ALTER ... RENAME (old -> new);
 * `drop_table`/`drop_view`/`drop` marks a DROP of its table endpoint.
 */
export function statementsFromTableJson(doc) {
  const sqlflow = doc?.data?.sqlflow ?? doc?.sqlflow ?? doc;
  if (!sqlflow || !Array.isArray(sqlflow.dbobjs)) throw new Error('JSON has no data.sqlflow.dbobjs');
  const objs = new Map(sqlflow.dbobjs.map((o) => [String(o.id), o]));
  const isProcess = (o) => o?.type === 'process';
  const isDataset = (o) => o !== undefined && !NON_DATASET_TYPES.has(o.type);
  const endpointObj = (e) => objs.get(String(e?.parentId)) ?? objs.get(String(e?.id));

  // One statement per process, then routine grouping.
  const byProcess = new Map();
  const order = [];
  const stmtFor = (procId) => {
    const key = procId === undefined ? `rel:${order.length}` : String(procId);
    let st = byProcess.get(key);
    if (!st) {
      const p = objs.get(key);
      st = { key, label: p?.name ?? key, routine: p?.procedureName, reads: [], writes: [], drops: [], renames: [] };
      byProcess.set(key, st);
      order.push(st);
    }
    return st;
  };
  for (const o of sqlflow.dbobjs) if (isProcess(o)) stmtFor(o.id);

  const add = (list, name) => {
    if (!list.includes(name)) list.push(name);
  };
  const renameParts = new Map(); // statement -> { from: [], to: [] }
  for (const r of sqlflow.relationships ?? []) {
    const tgt = endpointObj(r.target);
    for (const s of r.sources ?? []) {
      const src = endpointObj(s);
      let st;
      let read;
      let write;
      if (isDataset(src) && isProcess(tgt)) [st, read] = [stmtFor(tgt.id), src];
      else if (isProcess(src) && isDataset(tgt)) [st, write] = [stmtFor(src.id), tgt];
      else if (isDataset(src) && isDataset(tgt)) [st, read, write] = [stmtFor(r.processId), src, tgt];
      else continue;
      if (RENAME_EFFECTS.has(r.effectType)) {
        const parts = renameParts.get(st) ?? { from: [], to: [] };
        renameParts.set(st, parts);
        if (read) add(parts.from, dbobjName(read));
        if (write) add(parts.to, dbobjName(write));
      } else if (DROP_EFFECTS.has(r.effectType)) {
        for (const o of [read, write]) if (o) add(st.drops, dbobjName(o));
      } else {
        if (read) add(st.reads, dbobjName(read));
        if (write) add(st.writes, dbobjName(write));
      }
    }
  }
  for (const [st, { from, to }] of renameParts) for (const a of from) for (const b of to) st.renames.push([a, b]);

  // Group consecutive processes of one routine.
  const out = [];
  for (const st of order) {
    const prev = out[out.length - 1];
    const routine = st.routine && st.routine !== 'batchQueries' ? st.routine : undefined;
    if (routine && prev && prev.routine === routine) {
      for (const k of ['reads', 'writes', 'drops']) for (const n of st[k]) add(prev[k], n);
      prev.renames.push(...st.renames);
      prev.label += ` + ${st.label}`;
    } else {
      out.push({ label: st.label, routine, reads: [...st.reads], writes: [...st.writes], drops: [...st.drops], renames: [...st.renames] });
    }
  }
  return out;
}

/**
 * sqllineage's whole-script table lineage (SQLLineageHolder.of): statements add edges
 * read x write; read-only statements tag their tables source-only, write-only ones target-only;
 * DROP removes a table that has no edges; RENAME moves the old table's edges to the new name.
 * Sources: no incoming edge and some outgoing, plus self-loops and source-only tags; targets
 * symmetrically. A table written and read in the script (in and out edges) is in neither.
 * Table identity is case-insensitive (sqllineage lower-cases unquoted names; we cannot see
 * quoting in our output), the first spelling seen is reported.
 */
export function wholeScriptTables(statements) {
  const nodes = new Map(); // key -> { name, tags: Set }
  const out = new Map(); // key -> Set<key>
  const inn = new Map();
  const key = (n) => (isPathName(n) ? n : n.toLowerCase());
  const node = (n) => {
    const k = key(n);
    if (!nodes.has(k)) {
      nodes.set(k, { name: n, tags: new Set() });
      out.set(k, new Set());
      inn.set(k, new Set());
    }
    return k;
  };
  const edge = (a, b) => {
    out.get(a).add(b);
    inn.get(b).add(a);
  };
  const degree = (k) => out.get(k).size + inn.get(k).size;
  const remove = (k) => {
    for (const t of out.get(k)) inn.get(t).delete(k);
    for (const s of inn.get(k)) out.get(s).delete(k);
    nodes.delete(k);
    out.delete(k);
    inn.delete(k);
  };

  for (const st of statements) {
    const reads = st.reads.map(node);
    const writes = st.writes.map(node);
    if (st.drops.length > 0) {
      for (const k of st.drops.map(node)) if (degree(k) === 0) remove(k);
    } else if (st.renames.length > 0) {
      for (const [from, to] of st.renames) {
        const a = node(from);
        const b = node(to);
        for (const s of inn.get(a)) edge(s === a ? b : s, b);
        for (const t of out.get(a)) edge(b, t === a ? b : t);
        remove(a);
        out.get(b).delete(b);
        inn.get(b).delete(b);
        if (degree(b) === 0) remove(b);
      }
    } else if (reads.length > 0 && writes.length === 0) {
      for (const k of reads) nodes.get(k).tags.add('source');
    } else if (reads.length === 0 && writes.length > 0) {
      for (const k of writes) nodes.get(k).tags.add('target');
    } else {
      for (const r of reads) for (const w of writes) edge(r, w);
    }
  }

  const sources = [];
  const targets = [];
  for (const [k, n] of nodes) {
    const selfloop = out.get(k).has(k);
    const i = inn.get(k).size;
    const o = out.get(k).size;
    if ((i === 0 && o > 0) || selfloop || n.tags.has('source')) sources.push(n.name);
    if ((o === 0 && i > 0) || selfloop || n.tags.has('target')) targets.push(n.name);
  }
  return { sources: sources.sort(), targets: targets.sort() };
}

/** Compare a case's `tables` expectation with our table-to-table JSON document. */
export function compareTables(expected, doc) {
  const statements = statementsFromTableJson(doc);
  const got = wholeScriptTables(statements);
  const sources = compareSets(expected.sources, got.sources, tableNameMatches);
  const targets = compareSets(expected.targets, got.targets, tableNameMatches);
  return {
    ok: sources.ok && targets.ok,
    got,
    statements,
    diff: { sources: { missing: sources.missing, extra: sources.extra }, targets: { missing: targets.missing, extra: targets.extra } },
  };
}
