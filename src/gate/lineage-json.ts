/**
 * A lineage JSON document written earlier by `sqlflow analyze` (SQLFlow's shape) read back into a
 * LineageGraph, so `diff --base lineage.json` can compare against a cached base. Errors in the
 * document become diagnostics; the declared schema (DDL columns) is not in the document, so a
 * JSON side contributes no schema changes of its own.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EffectType, LineageEdge, LineageGraph, LineageObject, Loc, ObjectType, RelationType } from '../graph/model.js';

interface Coord {
  x: number;
  y: number;
  hashCode?: string;
}

interface Element {
  id: string;
  column?: string;
  parentId: string;
  coordinates?: Coord[];
}

/** Is `text` (already parsed) a document of `sqlflow analyze -f json`? */
export function isLineageDocument(doc: unknown): boolean {
  const d = doc as { data?: { sqlflow?: { dbobjs?: unknown; relationships?: unknown } } };
  return Array.isArray(d?.data?.sqlflow?.dbobjs) && Array.isArray(d?.data?.sqlflow?.relationships);
}

export function graphFromLineageJson(doc: unknown, path: string): { graph: LineageGraph; diagnostics: Diagnostic[] } {
  const s = (doc as { data: { sqlflow: Record<string, unknown> } }).data.sqlflow;
  const filesMap = (s.files ?? {}) as Record<string, string>;
  const hashes = Object.keys(filesMap);
  const files = hashes.length > 0 ? hashes.map((h) => filesMap[h]!) : [path];
  const fileOf = (hash: string | undefined) => {
    const i = hash === undefined ? -1 : hashes.indexOf(hash);
    return i < 0 ? 0 : i;
  };
  const locs = (coords: Coord[] | undefined): Loc[] => {
    const out: Loc[] = [];
    for (let i = 0; coords && i + 1 < coords.length; i += 2) {
      const a = coords[i]!;
      const b = coords[i + 1]!;
      out.push({ file: fileOf(a.hashCode), line: a.x, col: a.y, endLine: b.x, endCol: b.y });
    }
    return out;
  };
  const objects: LineageObject[] = [];
  for (const raw of (s.dbobjs as Record<string, unknown>[]) ?? []) {
    const name = String(raw.name ?? '');
    const prefix = [raw.database, raw.schema].filter((p) => typeof p === 'string' && p !== '').join('.');
    const o: LineageObject = {
      id: Number(raw.id),
      type: raw.type as ObjectType,
      name: prefix !== '' && name.startsWith(`${prefix}.`) ? name.slice(prefix.length + 1) : name,
      columns: ((raw.columns as Record<string, unknown>[]) ?? []).map((c) => ({ id: Number(c.id), name: String(c.name), locs: locs(c.coordinates as Coord[]) })),
      locs: locs(raw.coordinates as Coord[]),
      intermediate: false,
    };
    if (typeof raw.database === 'string') o.database = raw.database;
    if (typeof raw.schema === 'string') o.schema = raw.schema;
    if (typeof raw.procedureName === 'string') o.procedureName = raw.procedureName;
    if (typeof raw.queryHashId === 'string') o.queryHashId = raw.queryHashId;
    objects.push(o);
  }
  const edges: LineageEdge[] = [];
  let id = 0;
  for (const r of (s.relationships as Record<string, unknown>[]) ?? []) {
    const target = r.target as Element;
    for (const src of (r.sources as Element[]) ?? []) {
      const e: LineageEdge = {
        id: ++id,
        type: r.type as RelationType,
        effectType: (r.effectType ?? 'select') as EffectType,
        source: { objectId: Number(src.parentId), columnId: Number(src.id) },
        target: { objectId: Number(target.parentId), columnId: Number(target.id) },
      };
      const loc = locs(src.coordinates)[0];
      if (loc) e.source.loc = loc;
      if (r.processId !== undefined) e.processId = Number(r.processId);
      edges.push(e);
    }
  }
  const diagnostics: Diagnostic[] = ((s.errors as Record<string, unknown>[]) ?? []).map((e) => {
    const at = locs(e.coordinates as Coord[])[0];
    const d: Diagnostic = { severity: e.errorType === 'SyntaxError' ? 'error' : 'warning', message: String(e.errorMessage ?? ''), code: String(e.errorType ?? '') };
    if (at) Object.assign(d, { file: files[at.file], line: at.line, col: at.col });
    return d;
  });
  const graph: LineageGraph = { vendor: String(s.dbvendor ?? ''), files, objects, edges, errors: [], statements: { total: 0, failed: 0 } };
  return { graph, diagnostics };
}
