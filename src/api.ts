/**
 * The library API: `analyze(sources, options) → LineageResult` and `render(graph, opts)`; the CLI,
 * jobs and the server are thin shells over them. `analyzeParallel` parses in worker threads and
 * gives the same result. The analysis entry points live in analyze.ts, which the CLI loads alone
 * (without the writers and viewer pages this module also exports).
 */
export { analyze, analyzeHere, analyzeParallel, type AnalyzeHooks, type ParseCache } from './analyze.js';
export { CapacityError, plainResult } from './analysis.js';
export type { FileParse, KnownTable, LineageResult, SourceInput } from './analysis.js';
export type { SchemaChange } from './resolve/changes.js';
export { render, write } from './writers/index.js';
export { writeDiffHtml, writeImpactHtml } from './viewer/pages.js';
export type { LineageGraph, RelationType } from './graph/model.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export type { AnalyzeOptions, OutputFormat, WriteOptions } from './options.js';
