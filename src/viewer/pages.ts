/**
 * Viewer pages besides `--format html`: a diff of two analyses (added edges green, removed red)
 * and an impact page (the seed columns selected, their lineage lit). Same page, same code.
 */
import type { LineageGraph, RelationType } from '../graph/model.js';
import { defaultDialect, DIALECTS } from '../dialects/registry.js';
import { htmlPage, pageTitle, SERVE_CSP } from '../writers/html.js';
import type { ServeForm } from './data.js';
import { diffGraphs } from './diff.js';
import { viewDataChunks } from './view-data.js';

export interface PageOptions {
  title?: string;
  caption?: string;
}

/** `head` compared with `base`; sources by file index of each. */
export function* writeDiffHtml(
  base: LineageGraph,
  head: LineageGraph,
  opts: PageOptions & { baseSources?: readonly (string | null)[]; headSources?: readonly (string | null)[]; lead?: string } = {},
): Generator<string> {
  const d = diffGraphs(base, head);
  const sources = [...head.files.map((_, i) => opts.headSources?.[i] ?? null), ...base.files.map((_, i) => opts.baseSources?.[i] ?? null)];
  const counts = `diff: ${d.added} edge${d.added === 1 ? '' : 's'} added, ${d.removed} removed`;
  // `lead`: what the page is about (a gate's verdict), before the counts.
  const caption = opts.caption ?? (opts.lead !== undefined ? `${opts.lead}; ${counts}` : counts);
  const title = opts.title ?? `sqlflow lineage diff: ${pageTitle(head, {}).replace(/^sqlflow lineage: /, '')}`;
  yield* htmlPage(title, viewDataChunks(d.graph, sources, { objectMarks: d.objectMarks, edgeMarks: d.edgeMarks, caption }));
}

/**
 * `graph` with the columns `seeds` (column ids) selected when the page opens; `types`: the relation
 * types shown (and followed) at first, e.g. those the impact walked.
 */
export function* writeImpactHtml(
  graph: LineageGraph,
  seeds: number[],
  opts: PageOptions & { sources?: readonly (string | null)[]; types?: RelationType[] } = {},
): Generator<string> {
  const title = opts.title ?? `sqlflow impact: ${pageTitle(graph, {}).replace(/^sqlflow lineage: /, '')}`;
  const extras = { focus: seeds, ...(opts.caption !== undefined ? { caption: opts.caption } : {}), ...(opts.types ? { types: opts.types } : {}) };
  yield* htmlPage(title, viewDataChunks(graph, opts.sources ?? [], extras));
}

/** The analysis form of `sqlflow serve` for `action`, every dialect offered. */
export function serveForm(action: string, opts: { auth: boolean; userId?: string; vendor?: string; message?: string }): ServeForm {
  const f: ServeForm = {
    action,
    vendors: DIALECTS.map((d) => [d.vendor, d.title]),
    vendor: opts.vendor ?? defaultDialect().vendor,
    auth: opts.auth,
    userId: opts.userId ?? 'viewer',
  };
  if (opts.message !== undefined) f.message = opts.message;
  return f;
}

function emptyGraph(): LineageGraph {
  return { vendor: defaultDialect().vendor, files: [], objects: [], edges: [], errors: [], statements: { total: 0, failed: 0 } };
}

/** A page of `sqlflow serve`: the viewer of `graph` (none: an empty one) with the analysis form. */
export function* writeServePage(
  graph: LineageGraph | undefined,
  form: ServeForm,
  opts: PageOptions & { sources?: readonly (string | null)[] } = {},
): Generator<string> {
  const g = graph ?? emptyGraph();
  const title = opts.title ?? (graph ? pageTitle(graph, {}) : 'sqlflow lineage viewer');
  yield* htmlPage(title, viewDataChunks(g, opts.sources ?? [], { serve: form, ...(opts.caption !== undefined ? { caption: opts.caption } : {}) }), SERVE_CSP);
}
