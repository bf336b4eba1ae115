/**
 * Table operators: FROM items that turn an input into new columns (PIVOT, UNPIVOT, ...). Each is
 * lowered to a `TableOperator` — its outputs with the expressions that are their value (fdd) and
 * those that only decide it (fdr), the input columns it consumes, and whether the other input
 * columns pass through — and one routine (`QueryAnalyzer.operator`) turns that into a result set.
 */
import type * as A from '../ast/nodes.js';
import type { Semantics } from '../dialects/spec.js';
import type { ObjectType } from '../graph/model.js';
import { forEachNode } from '../ast/walk.js';
import { collapse, oneWord } from './names.js';

export interface OperatorOutput {
  name: string;
  /** Expressions whose columns are the output's value (fdd). */
  direct: A.Expr[];
  /** Expressions whose columns decide the value without being it (fdr): a PIVOT's FOR column, an UNPIVOT's name column. */
  indirect: A.Expr[];
  at: A.Node;
  /** An element of its (one) input array: a struct of the array's declared fields (`li.*`). */
  element?: boolean;
}

export interface TableOperator {
  type: ObjectType;
  name: string;
  outputs: OperatorOutput[];
  /** Input columns used up by the operator: they do not pass through. */
  consumed: string[];
  /** Input columns it does not consume pass through (PIVOT grouping columns, UNPIVOT's other columns), before the outputs. */
  passThrough: boolean;
  /** `AS p (c1, c2, ...)`: output names by position (pass-through columns first, then the outputs). */
  columnAliases?: string[];
  /**
   * Expressions whose elements the rows are (UNNEST, FLATTEN, explode, OPENJSON, ...): any other
   * column asked of the operator (`li.sku`, a struct field) is read from them.
   */
  fields?: A.Expr[];
  /** No alias names the rows or their columns: the elements' fields are the columns (see ResultSet.fieldColumns). */
  fieldColumns?: boolean;
  /** UNNEST: each row is an element itself, the alias naming it (a value table, where the dialect has them: `valueTableStars`). */
  elementRows?: boolean;
  /**
   * Columns named by the data (DuckDB PIVOT without IN lists): the operator's `*`, and any column
   * asked of it, come from `direct` (fdd) and are decided by `indirect` (fdr).
   */
  open?: { direct: A.Expr[]; indirect: A.Expr[] };
  /** The construct whose other columns are unknown (a table function returning rows of its own). */
  opaque?: string;
  /** Expressions whose columns decide the operator's rows (fdr to its RelationRows): MATCH_RECOGNIZE's partitions, order and DEFINE. */
  rows?: A.Expr[];
}

/** Column references of an expression (their last name part). */
export function columnNames(e: A.Expr | undefined): string[] {
  const out: string[] = [];
  forEachNode(e, (n) => {
    if (n.k === 'col') out.push((n as A.ColumnRef).name.parts.at(-1)!.text);
  });
  return out;
}

const col = (i: A.Ident): A.Expr => ({ k: 'col', name: { parts: [i], start: i.start, end: i.end }, start: i.start, end: i.end });
const items = (e: A.Expr): A.Expr[] => (e.k === 'op' && e.op === 'ROW' ? e.args : [e]);

/** The name a PIVOT IN-list value gives its column: `[Q1]`, `"Q1"` and `'Q1'` are all `Q1`. */
function valueName(e: A.Expr, text: string): string {
  if (e.k === 'col') return e.name.parts[e.name.parts.length - 1]!.text;
  if (e.k === 'lit' && e.kind === 'string') {
    const t = e.text;
    const q = t.indexOf("'");
    return q >= 0 && t.endsWith("'") ? t.slice(q + 1, -1).replace(/''/g, "'") : t;
  }
  if (e.k === 'op' && e.op === 'ROW') return e.args.map((a) => valueName(a, text)).join('_');
  return collapse(text.slice(e.start, e.end));
}

/**
 * PIVOT: one output per IN-list value (and aggregate, when several or aliased), fed by the
 * aggregated columns (fdd) and the FOR columns (fdr); grouping columns pass through.
 * `aggregateFirst`: a named aggregate's alias leads the column name (BigQuery `total_Q1`), else trails it (`Q1_total`).
 */
export function pivotOperator(ref: A.PivotRef, text: string, n: number, aggregateFirst: boolean): TableOperator {
  const fors = ref.forExprs ?? (ref.forColumns ?? [ref.forColumn]).map(col);
  const outputs: OperatorOutput[] = [];
  const several = ref.aggregates.length > 1;
  for (const item of ref.inList) {
    const base = item.alias?.text ?? valueName(item.expr, text);
    ref.aggregates.forEach((agg, j) => {
      const aggName = ref.aggregateAliases?.[j]?.text ?? (several ? collapse(text.slice(agg.start, agg.end)) : undefined);
      const name = aggName === undefined ? base : aggregateFirst ? `${aggName}_${base}` : `${base}_${aggName}`;
      outputs.push({ name, direct: [agg], indirect: fors, at: item.expr });
    });
  }
  const consumed = [...ref.aggregates.flatMap((a) => columnNames(a)), ...fors.flatMap((f) => columnNames(f))];
  // DuckDB `GROUP BY g`: the grouping columns lead, and no other column passes through.
  const grouped = (ref.groupBy ?? []).map((g): OperatorOutput => ({ name: g.k === 'col' ? g.name.parts.at(-1)!.text : collapse(text.slice(g.start, g.end)), direct: [g], indirect: [], at: g }));
  return {
    type: 'pivot_table',
    name: `PIVOT-TABLE-${n}`,
    outputs: [...grouped, ...outputs],
    consumed,
    passThrough: !ref.groupBy,
    columnAliases: ref.columnAliases?.map((c) => c.text),
    open: ref.valuesUnknown ? { direct: ref.aggregates, indirect: fors } : undefined,
  };
}

/**
 * UNPIVOT: the name column holds column names, so it gets no direct source, only an fdr from each
 * IN-list column; each value column comes from the IN-list columns at its position; the other
 * input columns pass through.
 */
export function unpivotOperator(ref: A.PivotRef, n: number): TableOperator {
  const values = ref.aggregates.flatMap(items);
  const rows = ref.inList.map((i) => items(i.expr));
  const outputs: OperatorOutput[] = [{ name: ref.forColumn.text, direct: [], indirect: rows.flat(), at: ref.forColumn }];
  values.forEach((v, i) => {
    const name = v.k === 'col' ? v.name.parts[v.name.parts.length - 1]!.text : `value${i + 1}`;
    outputs.push({ name, direct: rows.map((r) => r[i]).filter((x): x is A.Expr => x !== undefined), indirect: [], at: v });
  });
  const consumed = rows.flat().flatMap((e) => columnNames(e));
  return { type: 'unpivot_table', name: `UNPIVOT-TABLE-${n}`, outputs, consumed, passThrough: true, columnAliases: ref.columnAliases?.map((c) => c.text) };
}

/** Columns of a table function's rows where no alias list names them (Snowflake FLATTEN, Hive posexplode). */
const DEFAULT_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  FLATTEN: ['SEQ', 'KEY', 'PATH', 'INDEX', 'VALUE', 'THIS'],
  POSEXPLODE: ['pos', 'col'],
  POSEXPLODE_OUTER: ['pos', 'col'],
  // PostgreSQL json[b]_each[_text], SQLite json_each / json_tree: one row per member.
  JSON_EACH: ['key', 'value'],
  JSONB_EACH: ['key', 'value'],
  JSON_EACH_TEXT: ['key', 'value'],
  JSONB_EACH_TEXT: ['key', 'value'],
  JSON_TREE: ['key', 'value'],
};
/**
 * Which of those columns is a position (FLATTEN's SEQ and INDEX, posexplode's first): it is not a
 * value of the input, only decided by it (`fdr`), as `WITH OFFSET` / `WITH ORDINALITY`.
 */
const POSITION_COLUMNS: Readonly<Record<string, readonly number[]>> = { FLATTEN: [0, 3], POSEXPLODE: [0], POSEXPLODE_OUTER: [0] };
/** Whether column `index` of table function `name`'s rows (no alias list declaring them) is a position. */
export function positionColumn(name: string, index: number): boolean {
  return POSITION_COLUMNS[name.toUpperCase()]?.includes(index) === true;
}
/** Functions whose rows are the elements of their (array / JSON / map) argument. */
const ELEMENT_FUNCTIONS = new Set([
  'UNNEST', 'FLATTEN', 'EXPLODE', 'EXPLODE_OUTER', 'POSEXPLODE', 'POSEXPLODE_OUTER', 'INLINE', 'INLINE_OUTER', 'OPENJSON',
  'JSON_EACH', 'JSONB_EACH', 'JSON_EACH_TEXT', 'JSONB_EACH_TEXT', 'JSON_TREE', 'JSON_ARRAY_ELEMENTS', 'JSONB_ARRAY_ELEMENTS',
  'JSON_ARRAY_ELEMENTS_TEXT', 'JSONB_ARRAY_ELEMENTS_TEXT', 'JSON_TABLE', 'JSONB_TO_RECORDSET', 'JSON_TO_RECORDSET', 'STACK',
  'JSON_TO_RECORD', 'JSONB_TO_RECORD', 'JSON_POPULATE_RECORD', 'JSONB_POPULATE_RECORD', 'JSON_POPULATE_RECORDSET',
  'JSONB_POPULATE_RECORDSET', 'XMLTABLE', 'STRING_SPLIT', 'SPLIT_TO_TABLE', 'STRTOK_SPLIT_TO_TABLE', 'REGEXP_SPLIT_TO_TABLE',
  'STRING_TO_TABLE',
]);

/**
 * Methods of the XML type (T-SQL `value`, `query`, `exist`, `nodes`; Oracle XMLType `extract`,
 * `getStringVal`, ..): `t.doc.value('(/a)[1]', 'int')` is a call of a method of column `t.doc`.
 */
const XML_METHODS = new Set(['VALUE', 'QUERY', 'EXIST', 'NODES', 'EXTRACT', 'EXISTSNODE', 'GETSTRINGVAL', 'GETCLOBVAL', 'GETNUMBERVAL']);

/** The column whose method `f` calls (`t.doc` of `t.doc.nodes('/r')`), as a column reference; undefined for a function. */
export function methodOf(f: A.FuncCall): A.ColumnRef | undefined {
  const parts = f.name.parts;
  if (parts.length < 2 || !XML_METHODS.has(parts[parts.length - 1]!.text.toUpperCase())) return undefined;
  const of = parts.slice(0, -1);
  const at = { start: of[0]!.start, end: of[of.length - 1]!.end };
  return { k: 'col', name: { parts: of, ...at }, ...at };
}

/** The function a table function reference calls: Snowflake / Oracle `TABLE(f(..))` calls f. */
export function calledFunction(ref: A.TableFunction): A.FuncCall {
  const func = ref.func;
  const arg = func.args[0];
  return oneWord(func.name) === 'TABLE' && func.args.length === 1 && arg?.k === 'func' ? arg : func;
}

/** The column of the rows of `TABLE(collection)` (Oracle): each element, `COLUMN_VALUE`. */
const COLLECTION_COLUMNS = ['COLUMN_VALUE'];

/** `TABLE(x)` over a value (a collection column or variable, a CAST of one), not over a function call. */
function collectionTable(func: A.FuncCall): boolean {
  const arg = func.args[0];
  return oneWord(func.name) === 'TABLE' && func.args.length === 1 && arg !== undefined && arg.k !== 'func' && arg.k !== 'lit';
}

/**
 * A table function in FROM (UNNEST, LATERAL FLATTEN / TABLE(FLATTEN(..)), LATERAL VIEW explode,
 * jsonb_array_elements, OPENJSON ... WITH, generate_series, ...): its columns come from its input
 * arguments; for element functions every field of an element does too.
 */
export function tableFunctionOperator(ref: A.TableFunction, dialectColumns: Semantics['tableFunctionColumns']): TableOperator {
  const func = calledFunction(ref);
  const fname = func.name.parts[func.name.parts.length - 1]!.text;
  // Oracle `TABLE(o.lines) l` (also `TABLE(CAST(v AS t))`): the elements of a collection, as `UNNEST(o.lines) l`,
  // in a column named COLUMN_VALUE (its elements' fields are columns too: `fieldColumns` below).
  const collection = collectionTable(func);
  const upper = collection ? 'UNNEST' : fname.toUpperCase();
  const named = (n: string) => func.args.find((a) => a.k === 'op' && a.op === '=>' && a.args[0]!.k === 'lit' && a.args[0].text.toLowerCase() === n);
  // FLATTEN's data is its `input` (named or first); its other arguments are options.
  const method = methodOf(func);
  const input = upper === 'FLATTEN' ? [named('input') ?? func.args.find((a) => !(a.k === 'op' && a.op === '=>')) ?? func.args[0]!].filter(Boolean) : method ? [method, ...func.args] : func.args;
  const name = ref.alias?.text ?? fname;
  const own = dialectColumns[upper];
  // Declared columns (JSON_TABLE / XMLTABLE COLUMNS, OPENJSON WITH, `AS r(a int)`), renamed by an alias list.
  const declared: A.DeclaredColumn[] | undefined = func.columns?.length ? func.columns : ref.withColumns?.length ? ref.withColumns : undefined;
  const columns: A.DeclaredColumn[] = ref.columnAliases?.length
    ? ref.columnAliases.map((c, i) => ({ ...c, ordinality: declared?.[i]?.ordinality }))
    : (declared ?? (own?.columns ?? (collection ? COLLECTION_COLUMNS : DEFAULT_COLUMNS[upper]) ?? [name]).map((text) => ({ text, quoted: false, start: ref.start, end: ref.end })));
  const positions = declared ? undefined : own ? own.positions : POSITION_COLUMNS[upper];
  // A position (`n FOR ORDINALITY`, `WITH ORDINALITY`) only depends on the input (fdr); every other column is its data (fdd).
  const elements = ELEMENT_FUNCTIONS.has(upper);
  // inline()'s columns are the fields themselves; several inputs share no one element type.
  const element = elements && !declared && input.length === 1 && upper !== 'INLINE' && upper !== 'INLINE_OUTER' ? true : undefined;
  const position = (c: A.DeclaredColumn, i: number) => c.ordinality === true || positions?.includes(i) === true;
  // UNNEST(a, b) AS t(x, y): the arrays side by side, one column each (Trino, PostgreSQL).
  const zipped = upper === 'UNNEST' && input.length > 1 && columns.filter((c, i) => !position(c, i)).length === input.length;
  let data = 0;
  const outputs: OperatorOutput[] = columns.map((c, i) => {
    if (position(c, i)) return { name: c.text, direct: [], indirect: input, at: ref };
    const arg = input[data++];
    return zipped ? { name: c.text, direct: [arg!], indirect: [], at: ref, element: true } : { name: c.text, direct: input, indirect: [], at: ref, element };
  });
  if (ref.ordinality) outputs.push({ name: ref.ordinality.text, direct: [], indirect: input, at: ref.ordinality });
  if (ref.key) outputs.push({ name: ref.key.text, direct: input, indirect: [], at: ref.key });
  // A function returning rows of its own (T-SQL inline TVF, Oracle TABLE(pkg.f(..))): their columns are not known here.
  const opaque = elements || ref.columnAliases?.length || declared ? undefined : `table function ${func.name.parts.map((p) => p.text).join('.')}`;
  const fieldColumns = elements && !ref.alias && !ref.columnAliases?.length && !declared ? true : undefined;
  const elementRows = upper === 'UNNEST' && element ? true : undefined;
  return { type: 'function', name, outputs, consumed: [], passThrough: false, fields: elements ? input : undefined, fieldColumns, opaque, elementRows };
}

/** BigQuery ML functions whose rows are their input's rows, with the model's outputs added. */
const MODEL_ROW_FUNCTIONS = new Set([
  'PREDICT', 'EXPLAIN_PREDICT', 'DETECT_ANOMALIES', 'GENERATE_TEXT', 'GENERATE_EMBEDDING', 'GENERATE_TEXT_EMBEDDING', 'TRANSFORM',
  'UNDERSTAND_TEXT', 'TRANSLATE', 'ANNOTATE_IMAGE', 'PROCESS_DOCUMENT', 'TRANSCRIBE',
]);

/**
 * BigQuery `ML.PREDICT(MODEL m, TABLE t | (query) [, STRUCT(..)])` and the other ML functions of
 * MODEL_ROW_FUNCTIONS: the input's columns pass through (the input is `input`, a FROM item), and
 * any other column asked of it (`predicted_<label>`, `..._probs`, `ml_generate_text_result`) is
 * the model's output, read from every column of the model (the grammar makes `MODEL m` and `TABLE
 * t` queries of every column of m and t; read as an IN list's query is, not as one value).
 * Undefined for any other table function.
 */
export function modelFunction(ref: A.TableFunction): { input: A.TableRef; op: TableOperator } | undefined {
  const f = ref.func;
  const [ns, fn] = f.name.parts;
  if (f.name.parts.length !== 2 || ns!.text.toUpperCase() !== 'ML' || !MODEL_ROW_FUNCTIONS.has(fn!.text.toUpperCase())) return undefined;
  const model = f.args[0];
  const data = f.args.slice(1).find((a) => a.k === 'subquery');
  if (model?.k !== 'subquery' || data?.k !== 'subquery') return undefined;
  const input: A.DerivedTable = { k: 'derived', query: data.query, start: data.start, end: data.end };
  const op: TableOperator = { type: 'function', name: ref.alias?.text ?? fn!.text, outputs: [], consumed: [], passThrough: true, open: { direct: [{ ...model, mode: 'in' }], indirect: [] } };
  return { input, op };
}

/**
 * MATCH_RECOGNIZE: one row per match has the PARTITION BY columns and the measures; all rows per
 * match has every input column and the measures. A measure comes from its expression (fdd); the
 * partitions, the order and the DEFINE conditions decide the rows (fdr).
 */
export function matchRecognizeOperator(ref: A.MatchRecognize, text: string, n: number): TableOperator {
  const name = (e: A.Expr): string => (e.k === 'col' ? e.name.parts[e.name.parts.length - 1]!.text : collapse(text.slice(e.start, e.end)));
  const partitions: OperatorOutput[] = ref.allRows ? [] : ref.partitionBy.map((e) => ({ name: name(e), direct: [e], indirect: [], at: e }));
  const measures: OperatorOutput[] = ref.measures.map((m) => ({ name: m.alias.text, direct: [m.expr], indirect: [], at: m.alias }));
  return {
    type: 'function',
    name: `MATCH_RECOGNIZE-${n}`,
    outputs: [...partitions, ...measures],
    consumed: [],
    passThrough: ref.allRows,
    columnAliases: ref.columnAliases?.map((c) => c.text),
    rows: [...ref.partitionBy, ...ref.orderBy.map((o) => o.expr), ...ref.define],
  };
}
