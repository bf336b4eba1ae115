/**
 * Builds the raw lineage graph: one object per distinct table (columns accumulate across
 * statements), one result set per query level, one process per statement, deduplicated edges.
 * Ids are assigned in creation order, so the same input always yields the same ids.
 */
import {
  endpoint,
  isDataset,
  RELATION_ROWS,
  type ClauseType,
  type EffectType,
  type JoinInfo,
  type LineageColumn,
  type LineageEdge,
  type LineageObject,
  type Loc,
  type ObjectType,
  type RelationType,
  type TransformKind,
} from './model.js';

import { addLoc, PackedColumn } from './column.js';
import { detached, Names } from './names.js';
import { droppedByShaping, type ShapeOptions } from './shape.js';

// An edge's relation type and effect as small numbers (its dedup key), by switch rather than by a
// lookup in a constant object: that keyed load sees a different name on each kind of edge, so it
// went megamorphic (a stub-cache probe for every edge, 155,000 on the bench).
function edgeTypeIndex(type: RelationType): number {
  switch (type) {
    case 'fdd': return 0;
    case 'fdr': return 1;
    case 'frd': return 2;
    case 'join': return 3;
  }
}

function edgeEffectIndex(effect: EffectType): number {
  switch (effect) {
    case 'select': return 0;
    case 'insert': return 1;
    case 'update': return 2;
    case 'merge_update': return 3;
    case 'merge_insert': return 4;
    case 'create_view': return 5;
    case 'create_table': return 6;
    case 'delete': return 7;
    case 'function': return 8;
    case 'rename_table': return 9;
  }
}

export interface ColumnRef {
  obj: LineageObject;
  col: LineageColumn;
}

/** What the builder made since the last `drain`: new objects, new edges, and the first id it could use. */
export interface Batch {
  objects: LineageObject[];
  edges: LineageEdge[];
  firstId: number;
}

export class GraphBuilder {
  private objects: LineageObject[] = [];
  private edges: LineageEdge[] = [];
  private nextId = 1;
  private batchStart = 1;
  private readonly datasets = new Map<string, LineageObject>();
  private readonly columnsOf = new Map<number, Map<string, LineageColumn>>();
  private readonly rows = new Map<number, LineageColumn>();
  /**
   * Target columns linked into in the current batch. Each holds (`PackedColumn.links`) the links
   * already made into it, three integers each (source column id and type, effect, process or -1);
   * most columns have one or two, an array of exactly three integers is made for the first (an
   * object per link and an array grown by push cost ~180 bytes a link).
   */
  private linked: PackedColumn[] = [];
  private readonly counters = new Map<string, number>();
  /** Names of objects and columns, interned (see names.ts). */
  private readonly names = new Names();

  /** `shaping`: the options the edges will be shaped with (an edge they drop in any case is not made: see `edge`). */
  constructor(
    private readonly columnKey: (name: string) => string,
    private readonly shaping?: ShapeOptions,
  ) {}

  /**
   * Hand over the objects and edges made since the last call. Result sets are done with once
   * their statement is (visible ones too: a select list is written, never read again): their
   * column indexes and the edge de-duplication are dropped. Tables and views keep theirs; an
   * object of a batch that is used again later (the orphan pseudo table, constants) gets its
   * index rebuilt once and keeps it from then on, since it is in no later batch.
   */
  drain(): Batch {
    const batch: Batch = { objects: this.objects, edges: this.edges, firstId: this.batchStart };
    for (const o of batch.objects) {
      if (isDataset(o)) continue;
      this.columnsOf.delete(o.id);
      this.rows.delete(o.id);
    }
    for (const c of this.linked) c.links = undefined;
    this.linked = [];
    this.objects = [];
    this.edges = [];
    this.batchStart = this.nextId;
    return batch;
  }

  /** Next number of a per-kind counter (`RS` → 1, 2, ...). */
  count(kind: string): number {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return n;
  }

  /** `name`: an own string (see names.ts). */
  private newObject(type: ObjectType, name: string, intermediate: boolean, loc?: Loc): LineageObject {
    const o: LineageObject = { id: this.nextId++, type, name, columns: [], locs: loc ? [loc] : [], intermediate };
    this.objects.push(o);
    this.columnsOf.set(o.id, new Map());
    return o;
  }

  /** The object of a table or view, created at first reference. */
  dataset(key: string, type: 'table' | 'view', name: string, schema: string | undefined, database: string | undefined, loc?: Loc): LineageObject {
    let o = this.datasets.get(key);
    if (!o) {
      o = this.newObject(type, this.names.of(name), false, loc);
      if (schema) o.schema = this.names.of(schema);
      if (database) o.database = this.names.of(database);
      this.datasets.set(this.names.of(key), o);
      this.relationRows(o);
    } else {
      if (loc) o.locs.push(loc);
      if (type === 'view' && o.type === 'table') o.type = 'view';
    }
    return o;
  }

  /**
   * Result sets and processes are named mostly with a counter (`RS-12`, `Query Select-12`, 5,400 of
   * the bench's 8,500 distinct names): their names are copied, not interned (a lookup each, and
   * an entry kept for the run).
   */
  resultSet(type: ObjectType, name: string, intermediate: boolean, loc?: Loc): LineageObject {
    const o = this.newObject(type, detached(name), intermediate, loc);
    this.relationRows(o);
    return o;
  }

  process(name: string, procedureName: string, queryHashId: string, effectType: EffectType, loc?: Loc): LineageObject {
    const o = this.newObject('process', detached(name), false, loc);
    o.procedureName = procedureName;
    o.queryHashId = queryHashId;
    o.effectType = effectType;
    o.reads = [];
    o.writes = [];
    this.columnsOf.delete(o.id);
    return o;
  }

  /** The column `name` of `obj`, created on first use; `loc` records this occurrence. */
  column(obj: LineageObject, name: string, loc?: Loc): LineageColumn {
    const byKey = this.columnIndex(obj);
    const key = this.columnKey(name);
    let c = byKey.get(key);
    if (!c) {
      c = new PackedColumn(this.nextId++, this.names.of(name), loc);
      byKey.set(this.indexKey(obj, key), c);
      obj.columns.push(c);
    } else if (loc) {
      addLoc(c, loc);
    }
    return c;
  }

  /** A new output column even when the name repeats (result sets keep every select item). */
  newColumn(obj: LineageObject, name: string, loc?: Loc): LineageColumn {
    const byKey = this.columnIndex(obj);
    const c: LineageColumn = new PackedColumn(this.nextId++, this.names.of(name), loc);
    const key = this.columnKey(name);
    if (!byKey.has(key)) byKey.set(this.indexKey(obj, key), c);
    obj.columns.push(c);
    return c;
  }

  /**
   * A column key as `obj`'s index keeps it: interned when the index outlives the statement (a
   * table's or view's, or that of an object used again after its batch), else as given: the
   * index of a result set is dropped at `drain` (interning its keys was a third of the lookups).
   */
  private indexKey(obj: LineageObject, key: string): string {
    return isDataset(obj) || obj.id < this.batchStart ? this.names.of(key) : key;
  }

  /** Give an output column the name a column list assigns it once its position is known. */
  renameColumn(obj: LineageObject, col: LineageColumn, name: string): void {
    const byKey = this.columnIndex(obj);
    const old = this.columnKey(col.name);
    if (byKey.get(old) === col) byKey.delete(old);
    col.name = name;
    const key = this.columnKey(name);
    if (!byKey.has(key)) byKey.set(key, col);
  }

  /** Columns of `obj` by key (rebuilt if a drained object is ever used again). */
  private columnIndex(obj: LineageObject): Map<string, LineageColumn> {
    let byKey = this.columnsOf.get(obj.id);
    if (!byKey) {
      byKey = new Map();
      for (const c of obj.columns) if (!c.system && !byKey.has(this.columnKey(c.name))) byKey.set(this.names.of(this.columnKey(c.name)), c);
      this.columnsOf.set(obj.id, byKey);
    }
    return byKey;
  }

  /** The object of a table or view already met, if any (no occurrence recorded). */
  findDataset(key: string): LineageObject | undefined {
    return this.datasets.get(key);
  }

  /** Edges of the current batch (statement) into a column, in creation order. */
  incoming(columnId: number): LineageEdge[] {
    return this.edges.filter((e) => e.target.columnId === columnId);
  }

  /** An object of the current batch or a dataset, by id. */
  objectOf(id: number): LineageObject | undefined {
    return this.objects.find((o) => o.id === id) ?? [...this.datasets.values()].find((o) => o.id === id);
  }

  relationRows(obj: LineageObject): LineageColumn {
    let c = this.rows.get(obj.id) ?? obj.columns.find((x) => x.system);
    if (!c) {
      c = new PackedColumn(this.nextId++, RELATION_ROWS, obj.locs[0]);
      c.system = true;
      this.rows.set(obj.id, c);
      obj.columns.push(c);
    }
    return c;
  }

  edge(
    type: RelationType,
    effectType: EffectType,
    source: ColumnRef,
    target: ColumnRef,
    processId: number | undefined,
    extra?: { loc?: Loc; clauseType?: ClauseType; function?: string; transform?: { kind: TransformKind; code: string }; join?: JoinInfo },
  ): void {
    // A column into itself is data flow when the new value reads the old one (`SET c = c + 1`);
    // a row set into itself is not.
    if (source.col === target.col && target.col.system) return;
    const key = source.col.id * 4 + edgeTypeIndex(type);
    const effect = edgeEffectIndex(effectType);
    const pid = processId ?? -1;
    // Every column is made here (column, newColumn, relationRows): a PackedColumn.
    const into = target.col as PackedColumn;
    const seen = into.links;
    if (!seen) {
      into.links = [key, effect, pid];
      this.linked.push(into);
    } else {
      for (let i = 0; i < seen.length; i += 3) if (seen[i] === key && seen[i + 1] === effect && seen[i + 2] === pid) return;
      seen.push(key, effect, pid);
    }
    // The id is taken even for an edge not made, so every later id is the same either way. A fifth
    // of the bench's raw edges are `fdr` into the select list of a plain SELECT from its tables
    // (WHERE, joins): without --relation-types fdr, shaping only dropped them.
    const id = this.nextId++;
    if (this.shaping && droppedByShaping(type, source.obj, target.obj, this.shaping)) return;
    const from = endpoint(source.obj.id, source.col.id, extra?.loc, extra?.clauseType);
    const to = endpoint(target.obj.id, target.col.id);
    // `function` in the literal when there is one (see `endpoint`); transforms and joins are rare.
    const fn = extra?.function;
    const e: LineageEdge = fn ? { id, type, effectType, source: from, target: to, processId, function: fn } : { id, type, effectType, source: from, target: to, processId };
    if (extra?.transform) e.transform = extra.transform;
    if (extra?.join) e.join = extra.join;
    this.edges.push(e);
  }
}
