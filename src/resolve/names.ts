/**
 * Identifier matching: one function decides how a name is compared, from the dialect's case rule.
 * Output always keeps the spelling as written; only keys are folded.
 */
import { assertNever } from '../ast/never.js';
import type { Ident, QName } from '../ast/nodes.js';
import type { CaseRule } from '../dialects/spec.js';

export type KeyFn = (text: string, quoted: boolean) => string;

/** The upper-cased name of a function written as one word (`stack(..)` → `STACK`); '' for `a.f(..)`. */
export function oneWord(name: QName): string {
  return name.parts.length === 1 ? name.parts[0]!.text.toUpperCase() : '';
}

/**
 * The texts of a name list (`cte (a, b)`, `AS t (a, b)`), always in a packed array: `map` gives a
 * holey one once its caller is optimised, and a target's `columnNames` of both kinds made the
 * resolver's `items` deopt (wrong map) and compile again.
 */
export function texts(ids: readonly Ident[] | undefined): string[] | undefined {
  if (!ids) return undefined;
  const out: string[] = [];
  for (const id of ids) out.push(id.text);
  return out;
}

export function keyFunction(rule: CaseRule): KeyFn {
  switch (rule) {
    case 'upper':
      return (t, q) => (q ? t : t.toUpperCase());
    case 'lower':
      return (t, q) => (q ? t : t.toLowerCase());
    case 'sensitive':
      return (t) => t;
    case 'insensitive':
      return (t) => t.toLowerCase();
    default:
      return assertNever(rule, 'case rule');
  }
}

/** A table name split into its parts (as written), right-aligned: name, schema, database. */
export interface TableName {
  name: string;
  schema?: string;
  database?: string;
  nameQuoted: boolean;
  schemaQuoted?: boolean;
  databaseQuoted?: boolean;
}

export function tableNameOf(q: QName): TableName {
  const p = q.parts;
  const n = p.length;
  const last = p[n - 1]!;
  const schema = n >= 2 ? p[n - 2]! : undefined;
  const db = n >= 3 ? p[n - 3]! : undefined;
  return {
    name: last.text,
    nameQuoted: last.quoted,
    schema: schema && schema.text !== '' ? schema.text : undefined,
    schemaQuoted: schema?.quoted,
    database: db?.text || undefined,
    databaseQuoted: db?.quoted,
  };
}

/** The key of an identifier. */
export function identKey(key: KeyFn, id: Ident): string {
  return key(id.text, id.quoted);
}

/** Collapse whitespace for expression-text column names. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A name written as dotted text (`db.schema.table`; a part may be quoted), placed at [start, end). */
export function dottedName(dotted: string, start = 0, end = 0): QName {
  const parts = dotted.split('.').map((text) => {
    const quoted = /^".*"$|^`.*`$|^\[.*\]$/.test(text);
    return { text: quoted ? text.slice(1, -1) : text, quoted, start, end };
  });
  return { parts, start, end };
}
