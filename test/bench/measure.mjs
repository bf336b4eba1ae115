// The two contenders (the peer parser and sqlflow's library API), timing and formatting helpers.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { splitStatements } from './input.mjs';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** MB/s with MB = 10^6 bytes. */
export const mbps = (bytes, ms) => bytes / 1e6 / (ms / 1000);
export const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** Time one call (awaited); collects garbage first when node runs with --expose-gc. */
export async function timed(fn) {
  globalThis.gc?.();
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** node-sql-parser 5 on each `;`-separated statement as PostgreSQL; throwing statements are counted. */
export async function loadPeer(root) {
  const { default: pkg } = await import('node-sql-parser');
  const { Parser } = pkg;
  const version = JSON.parse(readFileSync(join(root, 'node_modules/node-sql-parser/package.json'), 'utf8')).version;
  const parser = new Parser();
  return {
    name: `node-sql-parser ${version} (database: postgresql)`,
    run(text) {
      let failed = 0;
      let total = 0;
      for (const stmt of splitStatements(text)) {
        total++;
        try {
          parser.parse(stmt, { database: 'postgresql' });
        } catch {
          failed++;
        }
      }
      return { total, failed };
    },
  };
}

/** The library files sqlflow's in-process run needs, relative to the repository root. */
export const SQLFLOW_MODULES = ['dist/src/api.js', 'dist/src/writers/index.js'];

export function missingBuild(root) {
  return SQLFLOW_MODULES.filter((m) => !existsSync(join(root, m)));
}

/**
 * sqlflow in-process: `analyze` (the full column lineage: parse, resolve, fold) then `render` of the
 * JSON document; the two are timed separately so both figures are reported.
 */
export async function loadSqlflow(root) {
  const url = (m) => pathToFileURL(join(root, m)).href;
  const { analyze } = await import(url('dist/src/api.js'));
  const { render } = await import(url('dist/src/writers/index.js'));
  let defaults = {};
  if (existsSync(join(root, 'dist/src/options.js'))) {
    defaults = (await import(url('dist/src/options.js'))).DEFAULT_ANALYZE_OPTIONS ?? {};
  }
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  return {
    name: `sqlflow ${version} (library: analyze + render json)`,
    async run(path, text, vendor) {
      const t0 = performance.now();
      const result = await analyze([{ path, text }], { ...defaults, vendor });
      const t1 = performance.now();
      const out = await render(result.graph, { format: 'json', tableToTable: false, delimiter: ',' });
      const renderMs = performance.now() - t1;
      const stats = result.graph.statements ?? { total: NaN, failed: NaN };
      return {
        total: stats.total,
        failed: stats.failed,
        analyzeMs: t1 - t0,
        renderMs,
        outputBytes: Buffer.byteLength(typeof out === 'string' ? out : String(out ?? '')),
      };
    },
  };
}
