/** Options of `analyze` (SPEC §1.2), shared by the CLI, the library API, jobs and the server. */
import { DEFAULT_VENDOR } from './dialects/registry.js';
import type { RelationType } from './graph/model.js';

export type OutputFormat = 'json' | 'csv' | 'graphml' | 'dataarts' | 'html' | 'sqlflow-graph';

export interface AnalyzeOptions {
  /** SQLFlow vendor id or alias; resolved by dialects/registry.ts. Default `dbvansi`. */
  vendor: string;
  tableToTable: boolean;
  relationTypes: RelationType[];
  showIntermediate: boolean;
  showFunction: boolean;
  showConstantTable: boolean;
  showTransform: boolean;
  /** Arguments of COUNT() etc.: direct (fdd) or indirect (fdr) flow. */
  aggregate: 'direct' | 'indirect';
  /** Files with known tables: DDL `.sql` or JSON `{"db.schema.table": ["col", ...]}`. */
  schemaFiles: string[];
  defaultDatabase?: string;
  defaultSchema?: string;
}

export interface WriteOptions {
  format: OutputFormat;
  tableToTable: boolean;
  /** CSV delimiter, one character. */
  delimiter: string;
  /** Job name, used by the DataArts writer (`job_id`). */
  jobName?: string;
  /** Input texts by file index, embedded by the HTML writer to show each edge's statement SQL. */
  sources?: readonly (string | null)[];
  /** Page title of the HTML viewer (default: from the input paths). */
  title?: string;
  /** SQLFlow session and job ids, written at the top of a `sqlflow-graph` document (server answers). */
  sessionId?: string;
  jobId?: string;
}

export const DEFAULT_ANALYZE_OPTIONS: AnalyzeOptions = {
  vendor: DEFAULT_VENDOR,
  tableToTable: false,
  relationTypes: ['fdd'],
  showIntermediate: false,
  showFunction: false,
  showConstantTable: false,
  showTransform: false,
  aggregate: 'direct',
  schemaFiles: [],
};
