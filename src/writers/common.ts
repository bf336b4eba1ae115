/**
 * Helpers shared by the writers: graph indexes, coordinates, name parts, the table-level pairs.
 *
 * Everything here is pure and deterministic: the same graph gives the same values, in the same
 * order (object order, then edge order), so every writer's output is byte-identical run to run.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import {
  isDataset,
  type EffectType,
  type Endpoint,
  type LineageEdge,
  type LineageColumn,
  type LineageGraph,
  type LineageObject,
  type Loc,
  type RelationType,
} from '../graph/model.js';
import { firstLoc } from '../graph/column.js';

/** One end of an edge with its object and column looked up. */
export interface Resolved {
  object: LineageObject;
  column: LineageColumn;
  endpoint: Endpoint;
}

/** Lookup tables over one graph. Build once per write. */
export class GraphIndex {
  readonly objects = new Map<number, LineageObject>();
  /** Position of each object in `graph.objects` (the deterministic tie-breaker). */
  readonly order = new Map<number, number>();
  private readonly columns = new Map<number, Map<number, LineageColumn>>();
  /** Largest object or column id (found in the same pass: the columns lie all over the heap). */
  private readonly largestId: number;

  constructor(readonly graph: LineageGraph) {
    let max = 0;
    graph.objects.forEach((o, i) => {
      this.objects.set(o.id, o);
      this.order.set(o.id, i);
      max = Math.max(max, o.id);
      const byId = new Map<number, LineageColumn>();
      for (const c of o.columns) {
        max = Math.max(max, c.id);
        byId.set(c.id, c);
      }
      this.columns.set(o.id, byId);
    });
    this.largestId = max;
  }

  column(objectId: number, columnId: number): LineageColumn | undefined {
    return this.columns.get(objectId)?.get(columnId);
  }

  /** The object and column of an endpoint; undefined when the graph does not hold them. */
  resolve(endpoint: Endpoint): Resolved | undefined {
    const object = this.objects.get(endpoint.objectId);
    const column = this.column(endpoint.objectId, endpoint.columnId);
    return object && column ? { object, column, endpoint } : undefined;
  }

  /** Table/view ids among `ids` (a process's reads or writes), first occurrence only. */
  datasets(ids: readonly number[] | undefined): LineageObject[] {
    const seen = new Set<number>();
    const out: LineageObject[] = [];
    for (const id of ids ?? []) {
      const o = this.objects.get(id);
      if (o && isDataset(o) && !seen.has(id)) {
        seen.add(id);
        out.push(o);
      }
    }
    return out;
  }

  processes(): LineageObject[] {
    return this.graph.objects.filter((o) => o.type === 'process');
  }

  /** Edges by process id, in edge order (edges without a process are left out). */
  edgesByProcess(): Map<number, LineageEdge[]> {
    const out = new Map<number, LineageEdge[]>();
    for (const e of this.graph.edges) {
      if (e.processId === undefined) continue;
      let list = out.get(e.processId);
      if (!list) out.set(e.processId, (list = []));
      list.push(e);
    }
    return out;
  }

  /** Largest object or column id (0 for an empty graph): generated ids start after it. */
  maxId(): number {
    return this.largestId;
  }
}

// ---------------------------------------------------------------------------------------------
// Coordinates

/**
 * The `hashCode` of each input file, by index. One input (or none): `"0"`, as SQLFlow does for a
 * single SQL text. Several inputs: the MD5 of the path as given (32 hex, the shape of SQLFlow's
 * per-file hash), so a file keeps its hashCode when other files are added or reordered. A path
 * given twice gets the MD5 of `path#index` for its later occurrences, keeping the codes unique.
 */
export function fileHashCodes(files: readonly string[]): string[] {
  if (files.length <= 1) return files.map(() => '0');
  const used = new Set<string>();
  return files.map((path, i) => {
    let code = md5(path);
    if (used.has(code)) code = md5(`${path}#${i}`);
    used.add(code);
    return code;
  });
}

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

export interface Coordinate {
  x: number;
  y: number;
  hashCode: string;
}

/** Converts Locs to SQLFlow coordinates: `[{x: line, y: col, hashCode}, {x: endLine, y: endCol, hashCode}]` per Loc. */
export class Coordinates {
  private readonly hashes: string[];

  constructor(files: readonly string[]) {
    this.hashes = fileHashCodes(files);
  }

  hashOf(file: number): string {
    return this.hashes[file] ?? (this.hashes.length <= 1 ? '0' : String(file));
  }

  /** A diagnostic's position as a coordinate pair (none when it has no place in an input). */
  ofDiagnostic(d: Diagnostic): Coordinate[] {
    if (d.fileIndex === undefined || d.line === undefined) return [];
    const col = d.col ?? 1;
    return this.of([{ file: d.fileIndex, line: d.line, col, endLine: d.endLine ?? d.line, endCol: d.endCol ?? col }]);
  }

  of(locs: readonly (Loc | undefined)[]): Coordinate[] {
    const out: Coordinate[] = [];
    for (const loc of locs) {
      if (!loc) continue;
      const hashCode = this.hashOf(loc.file);
      out.push({ x: loc.line, y: loc.col, hashCode }, { x: loc.endLine, y: loc.endCol, hashCode });
    }
    return out;
  }

  /** `{hashCode: path}` for `data.sqlflow.files`; undefined for a single input. */
  filesMap(files: readonly string[]): Record<string, string> | undefined {
    if (files.length <= 1) return undefined;
    const map: Record<string, string> = {};
    files.forEach((path, i) => {
      map[this.hashOf(i)] = path;
    });
    return map;
  }
}

/** The loc of an endpoint: its own, else the column's first occurrence. */
export function endpointLoc(r: Resolved): Loc | undefined {
  return r.endpoint.loc ?? firstLoc(r.column);
}

/** True when `inner` lies within `outer` (same file). */
export function locWithin(inner: Loc, outer: Loc): boolean {
  if (inner.file !== outer.file) return false;
  const startsAfter = inner.line > outer.line || (inner.line === outer.line && inner.col >= outer.col);
  const endsBefore = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endCol <= outer.endCol);
  return startsAfter && endsBefore;
}

function compareStart(a: Loc, b: Loc): number {
  return a.file - b.file || a.line - b.line || a.col - b.col;
}

/**
 * The occurrences of an object that lie inside a span (a statement), found by binary search over
 * the object's locs sorted once, so hot tables read by many statements stay cheap.
 */
export class LocsWithin {
  private readonly sorted = new Map<number, Loc[]>();

  of(o: LineageObject, span: Loc): Loc[] {
    let locs = this.sorted.get(o.id);
    if (!locs) {
      locs = [...o.locs].sort(compareStart);
      this.sorted.set(o.id, locs);
    }
    let lo = 0;
    let hi = locs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareStart(locs[mid]!, span) < 0) lo = mid + 1;
      else hi = mid;
    }
    const out: Loc[] = [];
    for (let i = lo; i < locs.length; i++) {
      const l = locs[i]!;
      if (l.file !== span.file || l.line > span.endLine || (l.line === span.endLine && l.col >= span.endCol)) break;
      if (locWithin(l, span)) out.push(l);
    }
    return out;
  }
}

export function locKey(loc: Loc | undefined): string {
  return loc ? `${loc.file}:${loc.line}:${loc.col}:${loc.endLine}:${loc.endCol}` : '-';
}

// ---------------------------------------------------------------------------------------------
// Names

/** The value written for an unknown database or schema in CSV. */
export const DEFAULT_NAME = 'DEFAULT';

export function orDefault(part: string | undefined): string {
  return part === undefined || part === '' ? DEFAULT_NAME : part;
}

/** `{database?, schema?}` with only the known parts (for JSON-like outputs). */
export function knownParts(o: LineageObject): { database?: string; schema?: string } {
  const out: { database?: string; schema?: string } = {};
  if (o.database) out.database = o.database;
  if (o.schema) out.schema = o.schema;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Table-level pairs (CSV and GraphML --table-to-table)

export interface TablePair {
  source: LineageObject;
  target: LineageObject;
  /** `fdd` when some fdd column edge of a contributing process links the two tables, else `fdr`. */
  type: RelationType;
  /** The effect of the first process that yields the pair. */
  effectType?: EffectType;
}

/**
 * Distinct (read table, written table) pairs over every process's reads × writes, in process
 * order, then read order, then write order. A pair seen again in a later process keeps its first
 * effect type; its type becomes `fdd` if that process links the two tables with an fdd edge.
 * A process that writes several tables (data-modifying CTEs, a multi-table UPDATE, INSERT ALL)
 * pairs only the tables its column flows link (`tableFlows`): a read table that feeds or filters
 * one written table says nothing of the others. A table into itself needs a direct flow there
 * (a self-update), as for a single target (a filter alone does not make the target a source).
 */
export function tablePairs(ix: GraphIndex): TablePair[] {
  const fdd = new Set<string>();
  for (const e of ix.graph.edges) {
    if (e.type === 'fdd' && e.processId !== undefined) {
      fdd.add(`${e.processId}:${e.source.objectId}:${e.target.objectId}`);
    }
  }
  const pairs = new Map<string, TablePair>();
  for (const p of ix.processes()) {
    const writes = ix.datasets(p.writes);
    for (const source of ix.datasets(p.reads)) {
      for (const target of writes) {
        let effectType = p.effectType;
        if (p.tableFlows) {
          const flows = p.tableFlows.filter((f) => f.source === source.id && f.target === target.id && (f.source !== f.target || f.type === 'fdd'));
          if (flows.length === 0) continue;
          effectType = flows[0]!.effectType;
        }
        const key = `${source.id}:${target.id}`;
        const linked = fdd.has(`${p.id}:${source.id}:${target.id}`) || p.tableFlows?.some((f) => f.source === source.id && f.target === target.id && f.type === 'fdd') === true;
        const known = pairs.get(key);
        if (known) {
          if (linked) known.type = 'fdd';
          continue;
        }
        const pair: TablePair = { source, target, type: linked ? 'fdd' : 'fdr' };
        if (effectType !== undefined) pair.effectType = effectType;
        pairs.set(key, pair);
      }
    }
  }
  return [...pairs.values()];
}
