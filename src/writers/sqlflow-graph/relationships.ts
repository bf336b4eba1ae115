/**
 * The relationships of the widget's document (`data.sqlflow.relationships`) and the links the
 * diagram draws (`data.graph`), computed together so every drawn edge names its relationship.
 *
 * Column level: edges sharing (target column and position, type, effect, process, function, join)
 * form one relationship, in order of each group's first edge; its sources keep edge order. A
 * link is one distinct (source column, target column, type); it names the first relationship
 * holding that pair. Join relationships carry `joinType`, `clause` and `condition`.
 *
 * Table level: one relationship and one link per distinct (read table, written table) pair
 * (common.ts `tablePairs`), between the two tables' row columns (`RelationRows`, else their
 * first column): the widget draws links between columns only.
 *
 * Relationship ids continue after the largest object/column id; edges whose endpoints the graph
 * does not hold are skipped (a resolver bug, never a crash).
 */
import { qualifiedName, type LineageColumn, type LineageEdge, type LineageObject, type RelationType } from '../../graph/model.js';
import { endpointLoc, GraphIndex, locKey, tablePairs, type Resolved } from '../common.js';
import type { ElementJson, RelationshipJson } from '../json.js';
import type { OnePair } from './coords.js';

export interface WidgetRelationship extends RelationshipJson {
  joinType?: string;
  clause?: string;
  condition?: string;
}

/** One drawn link: a column of one object to a column of another. */
export interface Link {
  source: { object: LineageObject; column: LineageColumn };
  target: { object: LineageObject; column: LineageColumn };
  type: RelationType;
  relationshipId: string;
}

export interface Lineage {
  relationships: WidgetRelationship[];
  links: Link[];
}

export function columnLineage(ix: GraphIndex, pair: OnePair): Lineage {
  const groups = new Map<string, { rel: WidgetRelationship; seen: Set<string> }>();
  const links = new Map<string, Link>();
  const pending: { link: Link; group: WidgetRelationship }[] = [];
  for (const e of ix.graph.edges) {
    const source = ix.resolve(e.source);
    const target = ix.resolve(e.target);
    if (!source || !target) continue;
    const key = groupKey(e, target);
    let group = groups.get(key);
    if (!group) {
      group = { rel: relationship(e, element(target, pair)), seen: new Set() };
      groups.set(key, group);
    }
    const src = element(source, pair);
    if (e.transform) src.transforms = [{ type: e.transform.kind, code: e.transform.code }];
    const srcKey = `${src.id}|${src.parentId}|${locKey(endpointLoc(source))}|${src.clauseType ?? ''}|${e.transform ? `${e.transform.kind}:${e.transform.code}` : ''}`;
    if (!group.seen.has(srcKey)) {
      group.seen.add(srcKey);
      group.rel.sources.push(src);
    }
    const linkKey = `${source.column.id}|${target.column.id}|${e.type}`;
    if (!links.has(linkKey)) {
      const link: Link = { source, target, type: e.type, relationshipId: '' };
      links.set(linkKey, link);
      pending.push({ link, group: group.rel });
    }
  }
  const relationships = numbered(ix, [...groups.values()].map((g) => g.rel));
  for (const p of pending) p.link.relationshipId = p.group.id;
  return { relationships, links: [...links.values()] };
}

export function tableLineage(ix: GraphIndex, pair: OnePair): Lineage {
  const relationships: WidgetRelationship[] = [];
  const links: Link[] = [];
  for (const p of tablePairs(ix)) {
    const source = rowsEnd(p.source);
    const target = rowsEnd(p.target);
    if (!source || !target) continue;
    const rel: WidgetRelationship = {
      id: '',
      type: p.type,
      ...(p.effectType !== undefined ? { effectType: p.effectType } : {}),
      target: tableElement(target, pair),
      sources: [tableElement(source, pair)],
    };
    relationships.push(rel);
    links.push({ source, target, type: p.type, relationshipId: '' });
  }
  numbered(ix, relationships);
  relationships.forEach((r, i) => (links[i]!.relationshipId = r.id));
  return { relationships, links };
}

/** The column that stands for a table in table-level lineage. */
function rowsEnd(object: LineageObject): { object: LineageObject; column: LineageColumn } | undefined {
  const column = object.columns.find((c) => c.system) ?? object.columns[0];
  return column ? { object, column } : undefined;
}

function tableElement(end: { object: LineageObject; column: LineageColumn }, pair: OnePair): ElementJson {
  return {
    id: String(end.column.id),
    column: end.column.name,
    parentId: String(end.object.id),
    parentName: qualifiedName(end.object),
    coordinates: pair.object(end.object),
  };
}

function element(r: Resolved, pair: OnePair): ElementJson {
  const el: ElementJson = {
    id: String(r.column.id),
    column: r.column.name,
    parentId: String(r.object.id),
    parentName: qualifiedName(r.object),
    coordinates: pair.of(r.endpoint.loc, r.column.locs[0], r.object.locs[0]),
  };
  if (r.endpoint.clauseType !== undefined) el.clauseType = r.endpoint.clauseType;
  return el;
}

function relationship(e: LineageEdge, target: ElementJson): WidgetRelationship {
  return {
    id: '',
    type: e.type,
    ...(e.function !== undefined ? { function: e.function } : {}),
    effectType: e.effectType,
    ...(e.join ? { joinType: e.join.joinType, clause: e.join.clause, condition: e.join.condition } : {}),
    target,
    sources: [],
    ...(e.processId !== undefined ? { processId: String(e.processId) } : {}),
  };
}

function groupKey(e: LineageEdge, target: Resolved): string {
  const t = e.target;
  const join = e.join ? `${e.join.joinType}|${e.join.clause}|${e.join.condition}` : '';
  return [t.objectId, t.columnId, locKey(endpointLoc(target)), t.clauseType ?? '', e.type, e.effectType, e.processId ?? '', e.function ?? '', join].join('|');
}

function numbered(ix: GraphIndex, rels: WidgetRelationship[]): WidgetRelationship[] {
  let next = ix.maxId() + 1;
  for (const r of rels) r.id = String(next++);
  return rels;
}
