/**
 * The DataArts "Creating a Lineage" request body (seeds/003, Tables 3-7) as a JSON Schema, and its
 * validator (ajv, loaded on first use). Every field of the seed's tables, with its type, required
 * flag and list sizes; any other field is refused, so a typo is reported instead of ignored.
 */
import type { LineageBody } from '../writers/dataarts.js';

const str = { type: 'string' } as const;

const tableInfoV2 = {
  type: 'object',
  additionalProperties: false,
  properties: { catalog: str, database: str, schema: str, table: str },
} as const;

const columnDetails = {
  type: 'object',
  additionalProperties: false,
  properties: { database: str, schema: str, table: str, column: str },
} as const;

const list = (items: object, minItems: number) => ({ type: 'array', minItems, maxItems: 100, items });

const columnLineageV2 = {
  type: 'object',
  additionalProperties: false,
  required: ['input_columns', 'output_columns'],
  properties: { input_columns: list(columnDetails, 1), output_columns: list(columnDetails, 1) },
};

const tableLineageV2 = {
  type: 'object',
  additionalProperties: false,
  required: ['input_tables', 'output_tables'],
  properties: {
    input_tables: list(tableInfoV2, 1),
    output_tables: list(tableInfoV2, 1),
    column_lineages: list(columnLineageV2, 0),
  },
};

export const LINEAGE_BODY_SCHEMA = {
  $id: 'https://sqlflow.local/dataarts/lineage-info.json',
  type: 'object',
  additionalProperties: false,
  properties: {
    cluster_id: str,
    data_source_type: str,
    connection_id: str,
    connection_name: str,
    workspace_id: str,
    job_id: str,
    node_name: str,
    table_lineage: tableLineageV2,
  },
};

/** A request body as the seed defines it (every field optional but the lists' own). */
export interface LineageInfo extends Partial<Omit<LineageBody, 'table_lineage'>> {
  cluster_id?: string;
  data_source_type?: string;
  connection_id?: string;
  connection_name?: string;
  workspace_id?: string;
  table_lineage?: {
    input_tables: { catalog?: string; database?: string; schema?: string; table?: string }[];
    output_tables: { catalog?: string; database?: string; schema?: string; table?: string }[];
    column_lineages?: { input_columns: ColumnDetailsIn[]; output_columns: ColumnDetailsIn[] }[];
  };
}

export interface ColumnDetailsIn {
  database?: string;
  schema?: string;
  table?: string;
  column?: string;
}

/** `undefined` when valid, else the first violation: the field (`table_lineage.input_tables[0].table`) and why. */
export type LineageValidator = (body: unknown) => { field: string; message: string } | undefined;

let compiled: LineageValidator | undefined;

export async function lineageValidator(): Promise<LineageValidator> {
  if (compiled) return compiled;
  const { Ajv } = await import('ajv');
  const validate = new Ajv({ allErrors: false, strict: true }).compile(LINEAGE_BODY_SCHEMA);
  compiled = (body) => {
    if (validate(body)) return undefined;
    const e = validate.errors?.[0];
    if (!e) return { field: '(body)', message: 'invalid' };
    let field = fieldPath(e.instancePath);
    if (e.params.missingProperty !== undefined) field = join(field, e.params.missingProperty);
    if (e.params.additionalProperty !== undefined) {
      return { field: join(field, e.params.additionalProperty), message: 'unknown field (not in the DataArts lineage-info body)' };
    }
    return { field: field === '' ? '(body)' : field, message: e.params.missingProperty !== undefined ? 'required field missing' : (e.message ?? 'invalid') };
  };
  return compiled;
}

/** `/table_lineage/input_tables/0/table` → `table_lineage.input_tables[0].table`. */
function fieldPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out = /^\d+$/.test(part) ? `${out}[${part}]` : join(out, part);
  }
  return out;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
