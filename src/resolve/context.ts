/** State shared by the resolver while it walks one analysis (all files, in order). */
import type { Severity } from '../diagnostics/diagnostic.js';
import { ProblemLog, type MessageTemplate } from '../diagnostics/problem.js';
import type { DialectSpec } from '../dialects/spec.js';
import { GraphBuilder, type ColumnRef } from '../graph/builder.js';
import { LineIndex } from '../graph/lines.js';
import { qualifiedName, type EffectType, type LineageObject, type Loc } from '../graph/model.js';
import type { AnalyzeOptions } from '../options.js';
import type * as A from '../ast/nodes.js';
import { Catalog } from './catalog.js';
import type { SchemaChange } from './changes.js';
import { InferredColumns } from './inferred.js';
import { keyFunction, type KeyFn } from './names.js';

/** A schema change at its statement (file index, offset); analyze() turns it into a SchemaChange. */
export type LocatedChange = Omit<SchemaChange, 'file' | 'line' | 'col'> & { file: number; offset: number };

/** A file being read: positions of its statements are offsets into `text`. */
export interface FileAt {
  file: number;
  text: string;
  lines: LineIndex;
  dialect: DialectSpec;
}

/** An output column of a result set. */
export interface OutCol {
  name: string;
  key: string;
  col: ColumnRef['col'];
}

/** A result set (query level) and what is known of its columns. */
export interface ResultSet {
  obj: LineageObject;
  /** Outputs in order; append only (see `outputByKey`). */
  cols: OutCol[];
  /** Index of `cols` by key, and how many outputs it covers. */
  index?: Map<string, OutCol>;
  indexed?: number;
  /** `*` outputs whose columns are unknown: source objects they expand from. */
  stars: ColumnRef[];
  /**
   * Select lists: where the first `*` of unknown width stands among `cols` (the outputs before it
   * have known positions), and the end of the last one (the outputs from there line up with the
   * end of the list).
   */
  starAt?: number;
  starEnd?: number;
  /** Keys a column list gives to positions inside a `*` of unknown width: read from the `*` itself, not by name. */
  starNames?: Set<string>;
  /** Keys of input columns a table operator consumed: never found through `stars`. */
  hidden?: Set<string>;
  /** Columns whose elements the rows are (UNNEST, FLATTEN, ...): any other field is read from them. */
  fields?: ColumnRef[];
  /**
   * An element function without any alias (`FROM UNNEST(event_params)`): the elements' fields are
   * its columns, so an unqualified name its scope has nowhere else is one of them.
   */
  fieldColumns?: boolean;
  /** Columns that decide (fdr) every field asked, beside `fields` (DuckDB PIVOT's ON columns). */
  deciders?: ColumnRef[];
  /** The construct whose columns are unknown here (`table function dbo.f`): a column asked of it is not traced. */
  opaque?: string;
  /** Outputs that are structs (or arrays of them) of declared fields, by key: their field names (tables.ts `structOf`). */
  structs?: Map<string, readonly string[]>;
  /** The output (key) that is the row itself, a struct whose fields an unqualified `*` gives (Semantics `valueTableStars`). */
  valueStruct?: string;
}

/** The first output of `rs` with this key (indexed incrementally: outputs are only appended). */
export function outputByKey(rs: ResultSet, key: string): OutCol | undefined {
  if (rs.cols.length < 8) return rs.cols.find((c) => c.key === key);
  const ix = (rs.index ??= new Map());
  for (let i = rs.indexed ?? 0; i < rs.cols.length; i++) {
    const c = rs.cols[i]!;
    if (!ix.has(c.key)) ix.set(c.key, c);
  }
  rs.indexed = rs.cols.length;
  return ix.get(key);
}

export interface StatementContext {
  process: LineageObject;
  effect: EffectType;
  reads: Set<number>;
  /** A written value reads the target's current row (`SET c = c + 1`): the target is also a source. */
  selfRead?: boolean;
  /** An expression nested deeper than the walk follows was met (noted once). */
  tooDeep?: boolean;
  /** Tables written by its data-modifying CTEs (`WITH m AS (DELETE FROM t ... RETURNING ...)`). */
  writes?: LineageObject[];
  /** The statement, scanned for qualified column uses on its first ambiguous column. */
  ast?: A.Statement;
  scanned?: boolean;
}


export class Context {
  readonly key: KeyFn;
  readonly b: GraphBuilder;
  readonly catalog: Catalog;
  readonly problems = new ProblemLog();
  /** Schema changes written in the inputs (ALTER TABLE ... COLUMN, DROP, RENAME, sp_rename). */
  readonly changes: LocatedChange[] = [];
  /** Result-set descriptors by object id, for expanding `*` through nested levels. */
  readonly resultSets = new Map<number, ResultSet>();
  /**
   * Views whose query has a `*` of unknown width (`CREATE VIEW v AS SELECT * FROM t`), by view
   * object id: the tables under the `*`, the view's statement, and the column keys not to trace
   * (the query's named outputs, those already traced). A later `v.id` makes `t.id -> v.id` in the
   * view's statement (scope.ts `viewColumn`). `fields`: the struct columns under a `li.*` (by
   * their dataset column), each field of which a later `v.sku` reads.
   */
  readonly starViews = new Map<number, { under: LineageObject[]; stmt: StatementContext; done: Set<string>; fields?: ColumnRef[] }>();
  /** Struct columns of declared fields of the tables read (catalog `structs`), by object id. */
  readonly tableStructs = new Map<number, ReadonlyMap<string, readonly string[]>>();
  /** Table functions defined in the input whose rows hold a `*` of unknown width (no catalog entry): match keys. */
  readonly openFunctions = new Set<string>();
  file = 0;
  text = '';
  lines = new LineIndex('');
  database: string | undefined;
  schema: string | undefined;
  /** Schemas of a search path after `schema`: an unqualified name of a table known there is that table. */
  searchPath: string[] | undefined;
  /** Keys of the temporary tables created unqualified where they have a schema of their own (`Semantics.temporarySchema`). */
  readonly temporaryTables = new Set<string>();
  stmt: StatementContext | undefined;
  /**
   * The statement being resolved as the parser gave it (not one the resolver built): every name
   * in it is written in its span of `text`.
   */
  parsed: A.Statement | undefined;
  /** Routine name for processes (`batchQueries` at top level). */
  procedureName = 'batchQueries';
  /** Variable and parameter names in scope (never tables or columns). */
  variables = new Set<string>();
  /**
   * Variables holding a string, by lower-case name: the literal, which `IDENTIFIER($v)` /
   * `IDENTIFIER(:v)` name a table by (session `SET v = 'db.s.t'`, scripting `LET v := '..'`,
   * `DECLARE v DEFAULT '..'`).
   */
  readonly session = new Map<string, string>();
  orphan: LineageObject | undefined;
  constants: LineageObject | undefined;
  /** Columns of tables known from their qualified uses (no schema needed). */
  readonly inferred = new InferredColumns();
  /** `datasetName`s by object id. */
  private readonly datasetNames = new Map<number, string>();

  constructor(
    /** The dialect of the file being analyzed (a run may mix files of several vendors). */
    public dialect: DialectSpec,
    readonly options: AnalyzeOptions,
  ) {
    this.key = keyFunction(dialect.caseRule);
    const k = this.key;
    this.b = new GraphBuilder((name) => k(name, false), options);
    this.catalog = new Catalog(this.key);
    this.database = options.defaultDatabase;
    this.schema = options.defaultSchema;
  }

  /** `Semantics.metadataColumns` as match keys, made once per dialect's set (see `metadataKeys`). */
  private readonly metadataKeysOf = new Map<ReadonlySet<string>, ReadonlySet<string>>();

  /** The match keys of the columns every table of the current dialect has besides its own (Databricks `_metadata`). */
  metadataKeys(): ReadonlySet<string> {
    const names = this.dialect.semantics.metadataColumns;
    let keys = this.metadataKeysOf.get(names);
    if (!keys) this.metadataKeysOf.set(names, (keys = new Set([...names].map((n) => this.key(n, false)))));
    return keys;
  }

  /** Where the resolver is reading: the file, its text and lines, its dialect. */
  here(): FileAt {
    return { file: this.file, text: this.text, lines: this.lines, dialect: this.dialect };
  }

  /** `run` reading file `at` (a trigger function defined in an earlier file, run by this file's trigger), then back. */
  inFile<T>(at: FileAt, run: () => T): T {
    const saved = this.here();
    this.setHere(at);
    try {
      return run();
    } finally {
      this.setHere(saved);
    }
  }

  private setHere(at: FileAt): void {
    this.file = at.file;
    this.text = at.text;
    this.lines = at.lines;
    this.dialect = at.dialect;
  }

  setFile(index: number, text: string): void {
    this.file = index;
    this.text = text;
    this.lines = new LineIndex(text);
  }

  loc(start: number, end: number): Loc {
    return this.lines.loc(this.file, start, end);
  }

  problem(severity: Severity, offset: number, message: string, code = 'SyntaxHint'): void {
    this.problems.push(severity, this.file, offset, message, code);
  }

  /** `problem` with the message `template(a, b)`, made once per distinct values (ProblemLog.pushTemplate). */
  problemOf(severity: Severity, offset: number, template: MessageTemplate, a: string, b: string | number, code: string): void {
    this.problems.pushTemplate(severity, this.file, offset, template, a, b, code);
  }

  /**
   * The qualified name of a dataset (`db.s.t`), made once: the note on each column attributed to
   * a table names it (tens of thousands of times in a large script without --schema).
   */
  datasetName(obj: LineageObject): string {
    let name = this.datasetNames.get(obj.id);
    if (name === undefined) this.datasetNames.set(obj.id, (name = qualifiedName(obj)));
    return name;
  }

  /** Record that the current statement reads this dataset. */
  read(obj: LineageObject): void {
    if (this.stmt && (obj.type === 'table' || obj.type === 'view')) this.stmt.reads.add(obj.id);
  }

  /** The pseudo table that holds columns no source could be found for. */
  orphanTable(): LineageObject {
    if (!this.orphan) this.orphan = this.b.resultSet('pseudoTable', 'pseudo_table_include_orphan_column', false);
    return this.orphan;
  }
}
