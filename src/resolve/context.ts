/** State shared by the resolver while it walks one analysis (all files, in order). */
import type { Statement } from '../ast/nodes.js';
import type { DialectSpec } from '../dialects/spec.js';
import { GraphBuilder, type ColumnRef } from '../graph/builder.js';
import { LineIndex } from '../graph/lines.js';
import type { EffectType, LineageObject, Loc } from '../graph/model.js';
import type { AnalyzeOptions } from '../options.js';
import { Catalog } from './catalog.js';
import { keyFunction, type KeyFn } from './names.js';

/** An output column of a result set. */
export interface OutCol {
  name: string;
  key: string;
  col: ColumnRef['col'];
}

/** A result set (query level) and what is known of its columns. */
export interface ResultSet {
  obj: LineageObject;
  cols: OutCol[];
  /** `*` outputs whose columns are unknown: source objects they expand from. */
  stars: ColumnRef[];
}

export interface StatementContext {
  process: LineageObject;
  effect: EffectType;
  reads: Set<number>;
}

export interface Problem {
  severity: 'error' | 'warning' | 'note';
  file: number;
  offset: number;
  message: string;
  errorType: string;
}

export class Context {
  readonly key: KeyFn;
  readonly b: GraphBuilder;
  readonly catalog: Catalog;
  readonly problems: Problem[] = [];
  /** Result-set descriptors by object id, for expanding `*` through nested levels. */
  readonly resultSets = new Map<number, ResultSet>();
  file = 0;
  text = '';
  lines = new LineIndex('');
  database: string | undefined;
  schema: string | undefined;
  stmt: StatementContext | undefined;
  /** Routine name for processes (`batchQueries` at top level). */
  procedureName = 'batchQueries';
  /** Variable and parameter names in scope (never tables or columns). */
  variables = new Set<string>();
  /** Statement being analyzed (for expression text). */
  current: Statement | undefined;
  orphan: LineageObject | undefined;
  constants: LineageObject | undefined;

  constructor(
    readonly dialect: DialectSpec,
    readonly options: AnalyzeOptions,
  ) {
    this.key = keyFunction(dialect.caseRule);
    const k = this.key;
    this.b = new GraphBuilder((name) => k(name, false));
    this.catalog = new Catalog(this.key);
    this.database = options.defaultDatabase;
    this.schema = options.defaultSchema;
  }

  setFile(index: number, text: string): void {
    this.file = index;
    this.text = text;
    this.lines = new LineIndex(text);
  }

  loc(start: number, end: number): Loc {
    return this.lines.loc(this.file, start, end);
  }

  problem(severity: Problem['severity'], offset: number, message: string, errorType = 'SyntaxHint'): void {
    this.problems.push({ severity, file: this.file, offset, message, errorType });
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
