/**
 * Request parameters as SQLFlow clients send them: `multipart/form-data` (repeated `sqlfiles`
 * file parts, `.zip` allowed, plus fields), `application/x-www-form-urlencoded`, a JSON object,
 * or the query string. Malformed bodies and bad values are HttpError 400; too large is 413.
 */
import type { FastifyRequest } from 'fastify';
import { posix } from 'node:path';
import type { NamedBytes } from '../jobs/store.js';
import { HttpError } from './context.js';

export interface RequestParams {
  fields: Map<string, string>;
  files: NamedBytes[];
}

/** The file field of the seeds' submit requests. */
export const FILE_FIELD = 'sqlfiles';

export async function readParams(req: FastifyRequest, maxUpload: number): Promise<RequestParams> {
  const out: RequestParams = { fields: new Map(), files: [] };
  const query = req.query as Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(query ?? {})) if (typeof v === 'string') out.fields.set(k, v);
  if (req.isMultipart()) {
    await readMultipart(req, out, maxUpload);
    return out;
  }
  const body = req.body;
  if (body === undefined || body === null || body === '') return out;
  if (typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'the request body must be form fields or a JSON object');
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === 'string') out.fields.set(k, v);
    else if (typeof v === 'number' || typeof v === 'boolean') out.fields.set(k, String(v));
    else throw new HttpError(400, `parameter ${k} must be a string`);
  }
  return out;
}

async function readMultipart(req: FastifyRequest, out: RequestParams, maxUpload: number): Promise<void> {
  let total = 0;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== FILE_FIELD) {
          part.file.resume();
          throw new HttpError(400, `unexpected file field "${part.fieldname}": send SQL files and .zip archives as "${FILE_FIELD}"`);
        }
        const name = uploadName(part.filename);
        const bytes = await part.toBuffer();
        total += bytes.length;
        if (total > maxUpload) throw new HttpError(413, `upload larger than the limit of ${maxUpload} bytes`);
        out.files.push({ name, bytes });
      } else {
        const value = typeof part.value === 'string' ? part.value : String(part.value);
        total += value.length;
        if (total > maxUpload) throw new HttpError(413, `upload larger than the limit of ${maxUpload} bytes`);
        out.fields.set(part.fieldname, value);
      }
    }
  } catch (err) {
    if (err instanceof HttpError) throw err;
    const code = (err as { statusCode?: number }).statusCode;
    if (code === 413) throw new HttpError(413, `upload larger than the limit of ${maxUpload} bytes`);
    throw new HttpError(400, `malformed multipart body: ${(err as Error).message}`);
  }
}

/** The file name a client gave, without any directory part; refused when nothing is left. */
export function uploadName(filename: string | undefined): string {
  const base = posix.basename((filename ?? '').replace(/\\/g, '/')).replace(/[\u0000-\u001f]/g, '');
  if (base === '' || base === '.' || base === '..') throw new HttpError(400, `a file part of "${FILE_FIELD}" has no usable file name`);
  return base;
}

export function required(p: RequestParams, name: string): string {
  const v = p.fields.get(name);
  if (v === undefined || v === '') throw new HttpError(400, `missing parameter: ${name}`);
  return v;
}

export function optional(p: RequestParams, name: string): string | undefined {
  const v = p.fields.get(name);
  return v === undefined || v === '' ? undefined : v;
}

/** `true`/`false` (also `1`/`0`, any case); `fallback` when absent. */
export function flag(p: RequestParams, name: string, fallback: boolean): boolean {
  const v = optional(p, name);
  if (v === undefined) return fallback;
  const s = v.trim().toLowerCase();
  if (s === 'true' || s === '1') return true;
  if (s === 'false' || s === '0') return false;
  throw new HttpError(400, `parameter ${name} must be true or false, not "${v}"`);
}
