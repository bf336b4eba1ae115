/**
 * --schema files: JSON `{"db.schema.table": ["col", ...]}` (or `{table: {col: type}}`) or DDL
 * `.sql` whose CREATE TABLE / VIEW statements describe known tables. They fill the catalog only;
 * they add nothing to the lineage output.
 */
import { readFileSync } from 'node:fs';
import type { QName } from '../ast/nodes.js';
import { parseText } from '../parse/parse.js';
import type { Context } from './context.js';
import { qualify } from './tables.js';

function qnameOf(dotted: string): QName {
  const parts = dotted.split('.').map((text) => {
    const quoted = /^".*"$|^`.*`$|^\[.*\]$/.test(text);
    return { text: quoted ? text.slice(1, -1) : text, quoted, start: 0, end: 0 };
  });
  return { parts, start: 0, end: 0 };
}

export function loadSchemaFile(ctx: Context, path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return `cannot read schema file: ${(err as Error).message}`;
  }
  if (/\.json$/i.test(path) || /^\s*[{[]/.test(text)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      return `invalid JSON in schema file: ${(err as Error).message}`;
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) return 'schema JSON must be an object of table → columns';
    for (const [table, cols] of Object.entries(data as Record<string, unknown>)) {
      const columns = Array.isArray(cols) ? cols.map(String) : cols && typeof cols === 'object' ? Object.keys(cols) : [];
      ctx.catalog.set(qualify(ctx, qnameOf(table)), { columns, kind: 'table', origin: 'schema' });
    }
    return undefined;
  }
  const parsed = parseText(text, ctx.dialect);
  for (const s of parsed.statements) {
    if (s.k === 'create_table' && s.columns.length > 0) {
      ctx.catalog.set(qualify(ctx, s.name), { columns: s.columns.map((c) => c.name.text), kind: 'table', origin: 'schema' });
    } else if (s.k === 'create_view' && s.columns) {
      ctx.catalog.set(qualify(ctx, s.name), { columns: s.columns.map((c) => c.text), kind: 'view', origin: 'schema' });
    }
  }
  return parsed.failed > 0 ? `${parsed.failed} statement(s) in the schema file could not be parsed` : undefined;
}
