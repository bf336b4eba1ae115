/**
 * The relationships of the widget's document (`data.sqlflow.relationships`) and the links the
 * diagram draws (`data.graph`), computed together so every drawn edge names its relationship.
 *
 * Column level: the relationships of `-f json` (json.ts `streamColumnRelationships`) with one
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
import type { LineageColumn, LineageEdge, LineageObject, RelationType } from '../../graph/model.js';
import { GraphIndex, tablePairs } from '../common.js';
import { columnParents, element, numbered, streamColumnRelationships, summary, summaryOf, type ElementJson, type RelationshipJson } from '../json.js';
import type { OnePair } from './coords.js';
import { IntList, RELATION_CODE, TripleSet } from '../../graph/compact.js';
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
  /** The document's `summary`. */
  summary(): ReturnType<typeof summaryOf>;
  relationships: Iterable<WidgetRelationship>;
  /** The drawn links, in order; column level: once `relationships` has been read to the end. */
  links(): Iterable<Link>;
}

/**
 * Column level, streamed: the relationships are built one at a time and let go once written; each
 * edge's relationship id is noted meanwhile (a typed array), and the links are the first edge of
 * each distinct (source column, target column, type), in edge order, found afterwards.
 */
export function columnLineage(ix: GraphIndex, pair: OnePair): Lineage {
  const edges = ix.graph.edges;
  /** Relationship id of each edge (0: an edge whose endpoints the graph does not hold). */
  const relOf = new Int32Array(edges.length);
  let streamed = false;
  const relationships = (function* (): Generator<WidgetRelationship> {
    const element_ = (r: Parameters<typeof element>[0]) => element(r, pair.of(r.endpoint.loc, firstLoc(r.column), r.object.locs[0]));
    yield* streamColumnRelationships(ix, element_, (rel: WidgetRelationship, group) => {
      const id = Number(rel.id);
      for (const { edge: e, index } of group) {
        relOf[index] = id;
        if (e.join && rel.joinType === undefined) Object.assign(rel, { joinType: e.join.joinType, clause: e.join.clause, condition: e.join.condition });
      }
    });
    streamed = true;
  })();
  let kept: IntList | undefined;
  return {
    summary: () => summaryOf(ix, ix.graph.objects, columnParents(ix), false),
    relationships,
    *links() {
      if (!streamed) throw new Error('sqlflow-graph: links asked for before the relationships were written');
      kept ??= distinctLinks(edges, relOf);
      for (let k = 0; k < kept.length; k++) {
        const i = kept.at(k);
        const e = edges[i]!;
        yield { source: ix.resolve(e.source)!, target: ix.resolve(e.target)!, type: e.type, relationshipId: String(relOf[i]) };
      }
    },
  };
}

/** Index of the first edge of each distinct (source column, target column, type), in edge order. */
function distinctLinks(edges: readonly LineageEdge[], relOf: Int32Array): IntList {
  const seen = new TripleSet();
  const out = new IntList();
  for (let i = 0; i < edges.length; i++) {
    if (relOf[i] === 0) continue;
    const e = edges[i]!;
    if (seen.add(e.source.columnId, e.target.columnId, RELATION_CODE[e.type])) out.push(i);
  }
  return out;
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
  return { summary: () => summary(ix, ix.graph.objects, relationships, true), relationships, links: () => links };
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
