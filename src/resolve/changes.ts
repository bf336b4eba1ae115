/**
 * Schema changes written in migration SQL: `ALTER TABLE ... DROP/RENAME/ALTER|MODIFY/CHANGE/ADD
 * COLUMN`, `DROP TABLE/VIEW`, `ALTER TABLE ... RENAME TO`, `RENAME TABLE`, and T-SQL
 * `EXEC sp_rename`. The grammar keeps the table name of an ALTER TABLE and the statement's range;
 * the actions after the name are read here from the statement's tokens, in every dialect's
 * lexical rules. Each change is recorded by `analyze` (a note, the session catalog, the result's
 * `changes`) and read by the CI gate (src/gate).
 */
import { tokenMatcher, type IToken } from '../../grammars/chevrotain.js';
import * as T from '../../grammars/tokens.js';
import type * as A from '../ast/nodes.js';
import type { DialectSpec } from '../dialects/spec.js';
import { Scanner, stringValue, unquoteIdent } from '../lexer/scanner.js';
import { deleteStruct, structEntries, structsUnder } from './catalog.js';
import type { Context } from './context.js';
import { dottedName, type TableName } from './names.js';
import { qualify } from './tables.js';

export type SchemaChangeKind = 'drop_column' | 'rename_column' | 'retype_column' | 'add_column' | 'drop_table' | 'rename_table';

/** One change as written: names as written (quotes removed), `table` qualified as written. */
export interface ColumnAction {
  kind: 'drop_column' | 'rename_column' | 'retype_column' | 'add_column';
  column: string;
  /** New column name (rename_column). */
  to?: string;
  /** New type as written, whitespace collapsed (retype_column, add_column). */
  type?: string;
}

/** A change located in its input: what the CI gate and library users read from `analyze`. */
export interface SchemaChange {
  kind: SchemaChangeKind;
  /** Qualified table name with the session defaults applied (`db.schema.name`, known parts). */
  table: string;
  column?: string;
  /** New name: of the column (rename_column) or of the table (rename_table). */
  to?: string;
  type?: string;
  file?: string;
  line?: number;
  col?: number;
}

/** Words after DROP / ADD that do not start a column name. */
const NOT_COLUMN = /^(CONSTRAINT|PRIMARY|FOREIGN|INDEX|KEY|PARTITION|SUBPARTITION|CHECK|UNIQUE|DEFAULT|PERIOD|SYSTEM|ROW|UNUSED|FULLTEXT|SPATIAL|CLUSTERING|SEARCH|PROJECTION|STATISTICS|TRIGGER|FILEGROUP|ROWGUIDCOL|PERSISTED|SUPPLEMENTAL|LOGFILE|COMMENT|OPTIONS)$/i;
/** Words that end a type in `ALTER COLUMN c int NOT NULL DEFAULT 0`. */
const TYPE_END = /^(NOT|NULL|DEFAULT|CONSTRAINT|COLLATE|USING|PRIMARY|UNIQUE|CHECK|REFERENCES|FIRST|AFTER|COMMENT|ENCODE|GENERATED|IDENTITY|AUTO_INCREMENT|ON|OPTIONS)$/i;

function isName(t: IToken | undefined): t is IToken {
  return t !== undefined && (tokenMatcher(t, T.Identifier) || /^[A-Za-z_#]/.test(t.image));
}

function word(t: IToken | undefined): string {
  return t === undefined ? '' : t.image.toUpperCase();
}

/** Tokens of text[from, to) in the dialect's lexical rules. */
export function tokensOf(text: string, dialect: DialectSpec, from: number, to: number): IToken[] {
  const scanner = new Scanner(text, dialect.caps, T.KEYWORDS, from, to);
  const out: IToken[] = [];
  for (let t = scanner.next(); t; t = scanner.next()) if (t.tokenType !== T.Semicolon) out.push(t);
  return out;
}

/** Type constructors whose parameters are written in angle brackets: `ARRAY<STRUCT<a INT64, b STRING>>`. */
const ANGLE_TYPES = /^(ARRAY|STRUCT|MAP)$/i;

/**
 * The depth of type angle brackets after token `i` of `c`, given the depth before it: a `<` opens
 * one only right after ARRAY / STRUCT / MAP (else it compares), a `>` (or `>>`) closes.
 */
function angleDepth(c: IToken[], i: number, depth: number): number {
  const t = c[i]!;
  if (t.image === '<' && i > 0 && ANGLE_TYPES.test(c[i - 1]!.image)) return depth + 1;
  if (depth > 0 && (t.image === '>' || t.image === '>>')) return Math.max(0, depth - t.image.length);
  return depth;
}

/** Top-level comma-separated clauses (a comma between a struct type's fields is inside its clause). */
function clauses(tokens: IToken[]): IToken[][] {
  const out: IToken[][] = [[]];
  let depth = 0;
  let angles = 0;
  tokens.forEach((t, i) => {
    if (t.tokenType === T.LParen) depth++;
    else if (t.tokenType === T.RParen) depth--;
    angles = angleDepth(tokens, i, angles);
    if (depth === 0 && angles === 0 && t.tokenType === T.Comma) out.push([]);
    else out[out.length - 1]!.push(t);
  });
  return out.filter((c) => c.length > 0);
}

/** The type text from token i to the clause end or a constraint word. */
function typeText(text: string, c: IToken[], i: number): string | undefined {
  let j = i;
  let depth = 0;
  let angles = 0;
  while (j < c.length) {
    const t = c[j]!;
    if (t.tokenType === T.LParen) depth++;
    else if (t.tokenType === T.RParen) depth--;
    else if (depth === 0 && angles === 0 && j > i && TYPE_END.test(t.image)) break;
    angles = angleDepth(c, j, angles);
    j++;
  }
  if (j <= i) return undefined;
  return text.slice(c[i]!.startOffset, c[j - 1]!.endOffset! + 1).replace(/\s+/g, ' ').trim();
}

function name(t: IToken): string {
  return unquoteIdent(t.image);
}

/** Parenthesised lists (Oracle `DROP (a, b)`, `MODIFY (a type, b type)`, `ADD (a type)`): the inner clauses. */
function innerClauses(c: IToken[], open: number): IToken[][] {
  let depth = 0;
  let close = c.length;
  for (let i = open; i < c.length; i++) {
    if (c[i]!.tokenType === T.LParen) depth++;
    else if (c[i]!.tokenType === T.RParen && --depth === 0) {
      close = i;
      break;
    }
  }
  return clauses(c.slice(open + 1, close));
}

/** The column actions of the tokens after `ALTER TABLE name` (unrecognised clauses are skipped). */
export function alterActions(text: string, tokens: IToken[]): ColumnAction[] {
  const out: ColumnAction[] = [];
  let last: ColumnAction['kind'] | undefined;
  for (const c of clauses(tokens)) {
    const w = word(c[0]);
    let i = 1;
    const skipWords = (...words: string[]) => {
      while (i < c.length && words.includes(word(c[i]))) i++;
    };
    if (w === 'DROP') {
      if (c[1]?.tokenType === T.LParen) {
        for (const inner of innerClauses(c, 1)) if (isName(inner[0])) out.push({ kind: 'drop_column', column: name(inner[0]) });
        last = 'drop_column';
        continue;
      }
      const explicit = word(c[1]) === 'COLUMN';
      if (explicit) i++;
      if (word(c[i]) === 'IF' && word(c[i + 1]) === 'EXISTS') i += 2;
      const col = c[i];
      if (isName(col) && (explicit || (!NOT_COLUMN.test(col.image) && c.length === i + 1 + (/^(CASCADE|RESTRICT)$/i.test(c[i + 1]?.image ?? '') ? 1 : 0)))) {
        out.push({ kind: 'drop_column', column: name(col) });
        last = 'drop_column';
      } else last = undefined;
    } else if (w === 'RENAME') {
      if (word(c[1]) === 'COLUMN') i++;
      if (isName(c[i]) && word(c[i + 1]) === 'TO' && isName(c[i + 2]) && word(c[i]) !== 'TO') {
        out.push({ kind: 'rename_column', column: name(c[i]!), to: name(c[i + 2]!) });
      }
      last = undefined;
    } else if (w === 'ALTER' || w === 'MODIFY') {
      if (c[1]?.tokenType === T.LParen) {
        for (const inner of innerClauses(c, 1)) {
          const type = isName(inner[0]) ? typeText(text, inner, 1) : undefined;
          if (type) out.push({ kind: 'retype_column', column: name(inner[0]!), type });
        }
        last = undefined;
        continue;
      }
      if (word(c[1]) === 'COLUMN') i++;
      const col = c[i];
      if (!isName(col) || NOT_COLUMN.test(col.image)) continue;
      i++;
      if (word(c[i]) === 'SET' && word(c[i + 1]) === 'DATA' && word(c[i + 2]) === 'TYPE') i += 3;
      else if (word(c[i]) === 'SET' && word(c[i + 1]) === 'TYPE') i += 2;
      else if (word(c[i]) === 'TYPE') i++;
      else if (w === 'ALTER' && /^(SET|DROP|ADD|RESET|OPTIONS|COMMENT|RESTART)$/.test(word(c[i]))) continue;
      const type = typeText(text, c, i);
      if (type) out.push({ kind: 'retype_column', column: name(col), type });
      last = undefined;
    } else if (w === 'CHANGE') {
      if (word(c[1]) === 'COLUMN') i++;
      const from = c[i];
      const to = c[i + 1];
      if (!isName(from) || !isName(to)) continue;
      if (name(from).toLowerCase() !== name(to).toLowerCase()) out.push({ kind: 'rename_column', column: name(from), to: name(to) });
      const type = typeText(text, c, i + 2);
      if (type) out.push({ kind: 'retype_column', column: name(to), type });
      last = undefined;
    } else if (w === 'ADD') {
      // Oracle `ADD (a type, ..)`, Spark / Hive `ADD COLUMNS (a type, ..)`.
      const open = word(c[1]) === 'COLUMNS' && c[2]?.tokenType === T.LParen ? 2 : 1;
      if (c[open]?.tokenType === T.LParen) {
        for (const inner of innerClauses(c, open)) {
          if (isName(inner[0]) && !NOT_COLUMN.test(inner[0].image)) out.push({ kind: 'add_column', column: name(inner[0]), type: typeText(text, inner, 1) ?? '' });
        }
        last = 'add_column';
        continue;
      }
      skipWords('COLUMN');
      if (word(c[i]) === 'IF' && word(c[i + 1]) === 'NOT' && word(c[i + 2]) === 'EXISTS') i += 3;
      const col = c[i];
      if (isName(col) && !NOT_COLUMN.test(col.image) && c.length > i + 1) {
        out.push({ kind: 'add_column', column: name(col), type: typeText(text, c, i + 1) ?? '' });
        last = 'add_column';
      } else last = undefined;
    } else if (last === 'drop_column' && c.length === 1 && isName(c[0])) {
      out.push({ kind: 'drop_column', column: name(c[0]) }); // T-SQL `DROP COLUMN a, b`
    } else if (last === 'add_column' && isName(c[0]) && c.length > 1 && !NOT_COLUMN.test(c[0].image)) {
      out.push({ kind: 'add_column', column: name(c[0]), type: typeText(text, c, 1) ?? '' }); // T-SQL `ADD a int, b int`
    } else last = undefined;
  }
  return out;
}

/**
 * T-SQL `EXEC sp_rename 'schema.table.column', 'new', 'COLUMN'` (or a table: two arguments or
 * 'OBJECT'): the tokens after the procedure name. Undefined when the arguments are not literals.
 */
export function spRename(tokens: IToken[], dottedColumns = false): { kind: 'rename_column' | 'rename_table'; from: string; to: string } | undefined {
  const args: string[] = [];
  for (const t of tokens) {
    if (t.tokenType === T.Comma) continue;
    if (tokenMatcher(t, T.Variable) || tokenMatcher(t, T.Eq)) continue; // @objname = '...'
    if (!tokenMatcher(t, T.StringLit)) return undefined;
    args.push(stringValue(t.image));
  }
  if (args.length < 2) return undefined;
  // Sybase ASE: `sp_rename 'tab.col', 'new'` renames a column (`Semantics.spRenameDottedColumns`).
  const type = (args[2] ?? (dottedColumns && dottedName(args[0]!).parts.length >= 2 ? 'COLUMN' : 'OBJECT')).toUpperCase();
  if (type === 'COLUMN') return { kind: 'rename_column', from: args[0]!, to: args[1]! };
  if (type === 'OBJECT') return { kind: 'rename_table', from: args[0]!, to: args[1]! };
  return undefined;
}

/** Apply and record the schema changes of one statement (see the module comment). */
export function recordChanges(ctx: Context, s: A.Statement): void {
  const changes: Omit<SchemaChange, 'file' | 'line' | 'col'>[] = [];
  if (s.k === 'drop') {
    for (const n of s.names) changes.push({ kind: 'drop_table', table: display(qualify(ctx, n)) });
  } else if (s.k === 'rename' && !s.swap) {
    const toName = s.to.parts.length === 1 && s.from.parts.length > 1 ? { ...s.to, parts: [...s.from.parts.slice(0, -1), ...s.to.parts] } : s.to;
    changes.push({ kind: 'rename_table', table: display(qualify(ctx, s.from)), to: display(qualify(ctx, toName)) });
  } else if (s.k === 'other' && s.alterTable) {
    const t = qualify(ctx, s.alterTable);
    const actions = alterActions(ctx.text, tokensOf(ctx.text, ctx.dialect, s.alterTable.end, s.end));
    for (const a of actions) changes.push({ ...a, table: display(t) });
    applyColumnActions(ctx, t, actions);
  } else if (s.k === 'other' && s.call && /^sp_rename$/i.test(s.call.parts[s.call.parts.length - 1]!.text)) {
    const r = spRename(tokensOf(ctx.text, ctx.dialect, s.call.end, s.end), ctx.dialect.semantics.spRenameDottedColumns);
    if (!r) return;
    const parts = dottedName(r.from).parts;
    if (r.kind === 'rename_column' && parts.length >= 2) {
      const table = { ...dottedName(r.from), parts: parts.slice(0, -1) };
      const t = qualify(ctx, table);
      const action: ColumnAction = { kind: 'rename_column', column: parts[parts.length - 1]!.text, to: r.to };
      changes.push({ ...action, table: display(t) });
      applyColumnActions(ctx, t, [action]);
    } else if (r.kind === 'rename_table') {
      const from = qualify(ctx, dottedName(r.from));
      // sp_rename's new name is the bare object name, in the same schema.
      const to = { ...from, name: r.to, nameQuoted: false };
      changes.push({ kind: 'rename_table', table: display(from), to: display(to) });
      ctx.catalog.rename(from, to);
    }
  }
  for (const c of changes) {
    ctx.changes.push({ ...c, file: ctx.file, offset: s.start });
    ctx.problem('note', s.start, describeChange(c), 'SchemaChange');
  }
}

/** `column discount of src.orders dropped`, ... (one line). */
export function describeChange(c: Omit<SchemaChange, 'file' | 'line' | 'col'>): string {
  switch (c.kind) {
    case 'drop_column':
      return `schema change: column ${c.table}.${c.column} dropped`;
    case 'rename_column':
      return `schema change: column ${c.table}.${c.column} renamed to ${c.to}`;
    case 'retype_column':
      return `schema change: column ${c.table}.${c.column} changes type to ${c.type}`;
    case 'add_column':
      return `schema change: column ${c.table}.${c.column} added${c.type ? ` (${c.type})` : ''}`;
    case 'drop_table':
      return `schema change: ${c.table} dropped`;
    case 'rename_table':
      return `schema change: ${c.table} renamed to ${c.to}`;
  }
}

function display(t: TableName): string {
  return [t.database, t.schema, t.name].filter((p) => p !== undefined && p !== '').join('.');
}

/** The session catalog follows the columns dropped, renamed and added. */
function applyColumnActions(ctx: Context, t: TableName, actions: ColumnAction[]): void {
  const entry = ctx.catalog.get(t);
  if (!entry || actions.length === 0) return;
  let columns = [...entry.columns];
  const keyOf = (name: string) => ctx.key(name, false);
  const same = (a: string, b: string) => keyOf(a) === keyOf(b);
  // Struct columns of declared fields, by key: their fields follow the column.
  const structs = new Map(entry.structs ?? []);
  const typed = (column: string, type: string | undefined) => {
    deleteStruct(structs, keyOf(column));
    if (type !== undefined) structEntries(type, keyOf(column), keyOf, structs);
  };
  // IDENTITY columns (T-SQL) stay IDENTITY under a new name, and go with the column.
  let identity = entry.identity;
  for (const a of actions) {
    if (a.kind === 'drop_column') {
      columns = columns.filter((c) => !same(c, a.column));
      identity = identity?.filter((c) => !same(c, a.column));
      deleteStruct(structs, keyOf(a.column));
    } else if (a.kind === 'rename_column') {
      columns = columns.map((c) => (same(c, a.column) ? a.to! : c));
      identity = identity?.map((c) => (same(c, a.column) ? a.to! : c));
      const moved = structsUnder(structs, keyOf(a.column));
      deleteStruct(structs, keyOf(a.column));
      for (const [rest, fields] of moved) structs.set(keyOf(a.to!) + rest, fields);
    } else if (a.kind === 'retype_column') typed(a.column, a.type);
    else if (a.kind === 'add_column' && !columns.some((c) => same(c, a.column))) {
      columns.push(a.column);
      typed(a.column, a.type);
    }
  }
  ctx.catalog.replace(t, { ...entry, columns, structs: structs.size ? structs : undefined, identity: identity?.length ? identity : undefined });
}
