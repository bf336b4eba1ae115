/**
 * `data.sqlflow.dbobjs` as the widget reads it: one server holding databases (and schemas, for
 * vendors with two name layers), each schema listing its `tables`, `views`, `others` (result
 * sets, pseudo and constant tables) and `processes`. Objects carry a bare `name` and the
 * qualified `displayName`; lists that would be empty are left out, as in SQLFlow's output.
 *
 * Unknown parts are `DEFAULT`; processes and result sets live in `DEFAULT.DEFAULT`. For a vendor
 * with the database layer only (MySQL, Hive, ...), a name's qualifier is its database.
 * Groups are in order of first appearance in the graph; objects keep graph order. Written as
 * chunks: one piece per object.
 */
import type { WidgetVendor } from '../../dialects/spec.js';
import { qualifiedName, type EffectType, type LineageObject } from '../../graph/model.js';
import type { OnePair } from './coords.js';

const DEFAULT = 'DEFAULT';

type ListName = 'tables' | 'views' | 'others' | 'processes';
const LISTS: ListName[] = ['tables', 'views', 'others', 'processes'];

/** SQLFlow's statement type of a process, by its effect (`data.sqlflow.processes[].type`). */
const STATEMENT_TYPE: Partial<Record<EffectType, string>> = {
  select: 'sstselect',
  insert: 'sstinsert',
  update: 'sstupdate',
  merge_update: 'sstmerge',
  merge_insert: 'sstmerge',
  create_view: 'sstcreateview',
  create_table: 'sstcreatetable',
  delete: 'sstdelete',
  rename_table: 'sstaltertable',
};

function listOf(o: LineageObject): ListName {
  if (o.type === 'table') return 'tables';
  if (o.type === 'view') return 'views';
  if (o.type === 'process') return 'processes';
  return 'others';
}

type Schema = Record<ListName, LineageObject[]>;

/** Objects grouped database → schema (one schema `''` per database when there is no schema layer). */
function group(objects: readonly LineageObject[], layers: WidgetVendor['layers']): Map<string, Map<string, Schema>> {
  const dbs = new Map<string, Map<string, Schema>>();
  for (const o of objects) {
    const plain = o.type === 'process' || !(o.type === 'table' || o.type === 'view' || o.database || o.schema);
    const db = plain ? DEFAULT : layers === 'database' ? o.schema || o.database || DEFAULT : o.database || DEFAULT;
    const schema = layers === 'database' ? '' : plain ? DEFAULT : o.schema || DEFAULT;
    let schemas = dbs.get(db);
    if (!schemas) dbs.set(db, (schemas = new Map()));
    let lists = schemas.get(schema);
    if (!lists) schemas.set(schema, (lists = { tables: [], views: [], others: [], processes: [] }));
    lists[listOf(o)].push(o);
  }
  return dbs;
}

export function* hierarchy(objects: readonly LineageObject[], widget: WidgetVendor, createdBy: string, pair: OnePair): Generator<string> {
  const twoLayers = widget.layers === 'database.schema';
  yield `{"createdBy":${JSON.stringify(createdBy)},"servers":[{"name":"DEFAULT_SERVER","dbVendor":${JSON.stringify(widget.vendor)},"supportsCatalogs":true,"supportsSchemas":${twoLayers},"databases":[`;
  let firstDb = true;
  for (const [db, schemas] of group(objects, widget.layers)) {
    yield `${firstDb ? '' : ','}{"name":${JSON.stringify(db)}`;
    firstDb = false;
    if (twoLayers) {
      yield ',"schemas":[';
      let firstSchema = true;
      for (const [schema, lists] of schemas) {
        yield `${firstSchema ? '' : ','}{"name":${JSON.stringify(schema)}`;
        firstSchema = false;
        yield* listsOf(lists, pair);
        yield '}';
      }
      yield ']';
    } else {
      yield* listsOf(schemas.get('')!, pair);
    }
    yield '}';
  }
  yield ']}]}';
}

function* listsOf(lists: Schema, pair: OnePair): Generator<string> {
  for (const name of LISTS) {
    const items = lists[name];
    if (items.length === 0) continue;
    yield `,"${name}":[`;
    for (let i = 0; i < items.length; i++) yield (i ? ',' : '') + JSON.stringify(entry(items[i]!, pair));
    yield ']';
  }
}

function entry(o: LineageObject, pair: OnePair): Record<string, unknown> {
  if (o.type === 'process') return { ...processEntry(o, pair), uiVisible: false };
  return {
    id: String(o.id),
    name: o.name,
    displayName: qualifiedName(o),
    type: o.type,
    columns: o.columns.map((c) => ({
      id: String(c.id),
      name: c.name,
      coordinates: pair.column(o, c),
      ...(c.system ? { source: 'system', uiVisible: false } : {}),
    })),
    coordinates: pair.object(o),
  };
}

/** A process as `data.sqlflow.processes` lists it (the hierarchy's entry adds `uiVisible`). */
export function processEntry(o: LineageObject, pair: OnePair, withType = false): Record<string, unknown> {
  const type = o.effectType !== undefined ? STATEMENT_TYPE[o.effectType] : undefined;
  return {
    id: String(o.id),
    name: o.name,
    ...(o.procedureName !== undefined ? { procedureName: o.procedureName } : {}),
    ...(o.queryHashId !== undefined ? { queryHashId: o.queryHashId } : {}),
    ...(withType && type !== undefined ? { type } : {}),
    coordinates: pair.object(o),
  };
}
