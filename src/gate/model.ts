/**
 * The CI gate's own model: positions by file path, findings with a content-derived fingerprint,
 * and the results of `impact`, `diff` and `check` that every report format projects.
 */
import type { Severity } from '../diagnostics/diagnostic.js';
import type { EffectType, RelationType } from '../graph/model.js';

/** A position by file path, 1-based, end exclusive. */
export interface GateLoc {
  file: string;
  line: number;
  col: number;
  endLine?: number;
  endCol?: number;
}

/** A statement of the analysis: its process name, routine and position. */
export interface StatementRef {
  name: string;
  procedure: string;
  loc?: GateLoc;
}

/**
 * A column of the gate's graph. `key` is its content-derived identity: the lower-cased qualified
 * object name (a plain SELECT's result set is `select@` + the first 12 hex digits of its
 * statement's text hash) + `.` + the lower-cased column name.
 */
export interface GateColumn {
  key: string;
  /** Qualified object name as written (`src.orders`, `RS-1`). */
  object: string;
  objectKey: string;
  objectType: string;
  column: string;
  /** Where the object is first written. */
  loc?: GateLoc;
}

/** One column flow: `source` feeds `target` in `statement`. */
export interface GateFlow {
  /** Content-derived identity: source key, target key, relation type and effect (see docs in README "Use in CI"). */
  id: string;
  source: GateColumn;
  target: GateColumn;
  type: RelationType;
  effect: EffectType;
  /** Where the statement reads the source column (the reference itself). */
  ref?: GateLoc;
  statement?: StatementRef;
  /** A flow removed by a diff: where the head still writes its target, if it does. */
  headLoc?: GateLoc;
}


export type RuleId =
  | 'removed-column-read'
  | 'renamed-column-read'
  | 'dropped-table-read'
  | 'retyped-column-read'
  | 'impacted-downstream'
  | 'lineage-lost'
  | 'new-parse-error'
  | 'unknown-column'
  | 'column-read'
  | 'object-added'
  | 'object-removed'
  | 'flow-added'
  | 'flow-removed'
  | 'flow-changed';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** One line. */
  message: string;
  loc?: GateLoc;
  /** The chain of columns from the change to the column read here (qualified names). */
  chain?: string[];
  /** Content-derived (no positions): what a baseline remembers. */
  fingerprint: string;
}

export interface Hop {
  column: GateColumn;
  /** The flow that reached this column (absent for a seed). */
  via?: GateFlow;
}

export interface ImpactedColumn {
  column: GateColumn;
  depth: number;
  /** The flow that reached this column, from `parent` (or from the seed at depth 1). */
  via: GateFlow;
  /** The column before this one on the shortest chain (undefined at depth 1): chains are not copied per column. */
  parent?: ImpactedColumn;
  seed: GateColumn;
}

/** A change the gate starts from: written in migration SQL or found by comparing schemas. */
export interface GateChange {
  kind: 'drop_column' | 'rename_column' | 'retype_column' | 'add_column' | 'drop_table' | 'rename_table';
  table: string;
  column?: string;
  to?: string;
  type?: string;
  /** Where it is written (a migration statement), when known. */
  loc?: GateLoc;
}

export interface ImpactEntry {
  /** The seed: a changed column or a column given with --column/--table. */
  seed: GateColumn;
  change?: GateChange;
  /** Statements that read the seed column, at the reference. */
  reads: GateFlow[];
  impacted: ImpactedColumn[];
}

export interface ImpactResult {
  direction: 'downstream' | 'upstream';
  entries: ImpactEntry[];
  /** Patterns or changes that matched no column of the analysis. */
  unmatched: string[];
}

export interface DiffResult {
  objectsAdded: GateColumn[];
  objectsRemoved: GateColumn[];
  flowsAdded: GateFlow[];
  flowsRemoved: GateFlow[];
  /** Same source and target, another relation type or effect: base flow, head flow. */
  flowsChanged: { base: GateFlow; head: GateFlow }[];
  /** Columns that had sources in the base and have none in the head. */
  sourcesLost: GateColumn[];
  /** Reads of columns that no known schema has (new in the head). */
  unknownReads: Finding[];
}

export interface GateReport {
  command: 'impact' | 'diff' | 'check';
  findings: Finding[];
  impact?: ImpactResult;
  diff?: DiffResult;
  /** Findings left out because the baseline lists them. */
  baselined: number;
  /** 0 pass, 1 violations. */
  passed: boolean;
  /** Where the run's HTML page was written (`--html`), as the report should link it. */
  page?: string;
}
