/**
 * Tokens: one for everybody (`--token`, env SQLFLOW_TOKEN) or one per user (`--users FILE`, a JSON
 * object userId → token). Compared in constant time (SHA-256 digests, timingSafeEqual), so the
 * time taken says nothing about how much of a token was right.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface AuthConfig {
  token?: string;
  users?: Map<string, string>;
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function authEnabled(a: AuthConfig): boolean {
  return a.token !== undefined || a.users !== undefined;
}

/** May `userId` act with `token`? Always true when no token is configured. */
export function allowed(a: AuthConfig, userId: string, token: string | undefined): boolean {
  if (!authEnabled(a)) return true;
  const given = token ?? '';
  if (a.users) {
    const expected = a.users.get(userId);
    // An unknown user costs the same comparison as a known one.
    const ok = sameSecret(given, expected ?? '\u0000unknown user');
    return expected !== undefined && token !== undefined && ok;
  }
  return token !== undefined && sameSecret(given, a.token!);
}

/** The user a token belongs to (DataArts requests carry a token, not a user id). */
export function userOfToken(a: AuthConfig, token: string | undefined): string | undefined {
  if (!authEnabled(a)) return undefined;
  if (token === undefined) return undefined;
  if (a.users) {
    let found: string | undefined;
    for (const [user, expected] of a.users) if (sameSecret(token, expected) && found === undefined) found = user;
    return found;
  }
  return sameSecret(token, a.token!) ? '' : undefined;
}

/** `--users FILE`: `{"alice": "token-a", ...}`; throws with a message naming the problem. */
export function parseUsers(text: string, file: string): Map<string, string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not JSON: ${(err as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${file}: expected an object {"userId": "token", ...}`);
  const users = new Map<string, string>();
  for (const [user, token] of Object.entries(data)) {
    if (typeof token !== 'string' || token === '') throw new Error(`${file}: the token of user "${user}" must be a non-empty string`);
    users.set(user, token);
  }
  if (users.size === 0) throw new Error(`${file}: no users`);
  return users;
}

/**
 * The token of a request: the `token` parameter (the job API's scripts), else the
 * `Authorization: Token <t>` header (SQLFlow's widget sends its `token` option so; `Bearer` is
 * accepted too). An empty header token counts as none.
 */
export function requestToken(field: string | undefined, authorization: string | undefined): string | undefined {
  if (field !== undefined) return field;
  const m = /^\s*(?:Token|Bearer)\s+(\S+)\s*$/i.exec(authorization ?? '');
  return m ? m[1] : undefined;
}
