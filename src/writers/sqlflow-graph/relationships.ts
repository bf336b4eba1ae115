/**
 * The relationships of the widget's document (`data.sqlflow.relationships`) and the links the
 * diagram draws (`data.graph`), computed together so every drawn edge names its relationship.
 *
 * Column level: the relationships of `-f json` (json.ts `columnRelationships`) with one
 * coordinate pair per end; join relationships also carry `joinType`, `clause` and `condition`. A
 * link is one distinct (source column, target column, type); it names the first relationship
 * holding that pair.
 *
 * Table level: one relationship and one link per distinct (read table, written table) pair
 * (common.ts `tablePairs`), between the two tables' row columns (`RelationRows`, else their
 * first column): the widget draws links between columns only.
 *
 * Relationship ids continue after the largest object/column id; edges whose endpoints the graph
 * does not hold are skipped (a resolver bug, never a crash).
 */
import type { LineageColumn, LineageObject, RelationType } from '../../graph/model.js';
import { GraphIndex, tablePairs } from '../common.js';
import { columnRelationships, element, numbered, type ElementJson, type RelationshipJson } from '../json.js';
import type { OnePair } from './coords.js';
import { firstLoc } from '../../graph/column.js';

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
  const links = new Map<string, Link>();
  const pending: { link: Link; rel: WidgetRelationship }[] = [];
  const relationships = columnRelationships(ix, (r) => element(r, pair.of(r.endpoint.loc, firstLoc(r.column), r.object.locs[0])), (e, source, target, rel: WidgetRelationship) => {
    if (e.join && rel.joinType === undefined) Object.assign(rel, { joinType: e.join.joinType, clause: e.join.clause, condition: e.join.condition });
    const key = `${source.column.id}|${target.column.id}|${e.type}`;
    if (links.has(key)) return;
    const link: Link = { source, target, type: e.type, relationshipId: '' };
    links.set(key, link);
    pending.push({ link, rel });
  });
  for (const p of pending) p.link.relationshipId = p.rel.id;
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
      target: rowsElement(target, pair),
      sources: [rowsElement(source, pair)],
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

/** A table's end of a table-level relationship: its row column, at the table's first occurrence. */
function rowsElement(end: { object: LineageObject; column: LineageColumn }, pair: OnePair): ElementJson {
  return element({ ...end, endpoint: { objectId: end.object.id, columnId: end.column.id } }, pair.object(end.object));
}
