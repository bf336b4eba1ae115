/**
 * --schema files: JSON `{"db.schema.table": ["col", ...]}` (or `{table: {col: type}}`) or DDL
 * `.sql` whose CREATE TABLE / VIEW statements describe known tables. They fill the catalog only;
 * they add nothing to the lineage output.
 */
import { readFileSync } from 'node:fs';
import type { QName } from '../ast/nodes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseText } from '../parse/parse.js';
import type { CatalogEntry } from './catalog.js';
import type { Context } from './context.js';
import { dottedName } from './names.js';
import { declaredStructs, qualify } from './tables.js';

/** A problem with a schema file; `offset` (into its text) when it has a position. */
export interface LoadedSchema {
  /** The file's text ('' when it could not be read), for positions. */
  text: string;
  /** `SchemaInvalid`: the file as a whole is unusable (not JSON, wrong shape, no table), bad usage; `SchemaError`: one description is wrong. Offsets are in `text`. */
  problems: Diagnostic[];
}

/**
 * Load one --schema file into the catalog. A table described twice (in this file or an earlier
 * one) with other columns is a warning; the later description is used.
 */
export function loadSchemaFile(ctx: Context, path: string): LoadedSchema {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { text: '', problems: [{ severity: 'error', code: 'SchemaInvalid', message: `cannot read schema file: ${(err as Error).message}` }] };
  }
  const problems: Diagnostic[] = [];
  const define = (name: QName, entry: CatalogEntry, offset: number | undefined) => {
    const t = qualify(ctx, name);
    const before = ctx.catalog.get(t);
    const key = (c: string) => ctx.key(c, false);
    if (before?.origin === 'schema' && before.columns.map(key).join(',') !== entry.columns.map(key).join(',')) {
      const shown = name.parts.map((p) => p.text).join('.');
      problems.push({ severity: 'warning', code: 'SchemaError', offset, message: `table '${shown}' is described again with other columns (${entry.columns.join(', ')}); this description replaces (${before.columns.join(', ')})` });
    }
    ctx.catalog.set(t, entry);
  };
  if (/\.json$/i.test(path) || /^\s*[{[]/.test(text)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      return { text, problems: [{ severity: 'error', code: 'SchemaInvalid', message: `invalid JSON in schema file: ${(err as Error).message}` }] };
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) return { text, problems: [{ severity: 'error', code: 'SchemaInvalid', message: 'schema JSON must be an object of table → columns' }] };
    for (const [table, cols] of Object.entries(data as Record<string, unknown>)) {
      const at = text.indexOf(JSON.stringify(table));
      const shaped = Array.isArray(cols) ? cols.every((c) => typeof c === 'string') : !!cols && typeof cols === 'object';
      if (!shaped) {
        problems.push({ severity: 'error', code: 'SchemaInvalid', offset: at < 0 ? undefined : at, message: `table '${table}': expected a list of column names or an object of column → type` });
        continue;
      }
      const columns = Array.isArray(cols) ? cols.map(String) : Object.keys(cols as object);
      const typed = Array.isArray(cols) ? [] : Object.entries(cols as object).map(([name, type]) => ({ name, type: typeof type === 'string' ? type : undefined }));
      define(dottedName(table), { columns, kind: 'table', origin: 'schema', structs: declaredStructs(ctx, typed) }, at < 0 ? undefined : at);
    }
    return { text, problems };
  }
  const parsed = parseText(text, ctx.dialect);
  let described = 0;
  for (const s of parsed.statements) {
    if ((s.k === 'create_table' && s.columns.length > 0) || (s.k === 'create_view' && s.columns)) described++;
    if (s.k === 'create_table' && s.columns.length > 0) {
      const structs = declaredStructs(ctx, s.columns.map((c) => ({ name: c.name.text, type: c.type })));
      const identity = s.columns.filter((c) => c.identity).map((c) => c.name.text);
      define(s.name, { columns: s.columns.map((c) => c.name.text), kind: 'table', origin: 'schema', structs, ...(identity.length > 0 ? { identity } : {}) }, s.start);
    } else if (s.k === 'create_view' && s.columns) {
      define(s.name, { columns: s.columns.map((c) => c.text), kind: 'view', origin: 'schema' }, s.start);
    }
  }
  for (const p of parsed.problems) if (p.severity === 'error') problems.push({ ...p, code: 'SchemaError' });
  if (described === 0) problems.push({ severity: 'error', code: 'SchemaInvalid', message: 'no table described: a schema file holds CREATE TABLE/VIEW statements with columns, or JSON {"db.schema.table": ["col", ...]}' });
  return { text, problems: problems.sort((a, b) => (a.offset ?? -1) - (b.offset ?? -1)) };
}
