/**
 * Sign-in sessions of the viewer in the browser, so that a job page's address never carries the
 * API token (addresses end up in history, logs and Referer headers). A session is a random
 * 256-bit id in an HttpOnly, SameSite=Strict cookie, mapped here to the user it was opened for;
 * sessions live in memory (a restarted server asks again), expire, and are bounded in number.
 */
import { randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'sqlflow_session';
const LIFETIME_MS = 12 * 60 * 60 * 1000;

export class ViewerSessions {
  private readonly map = new Map<string, { userId: string; expires: number }>();

  constructor(
    private readonly limit = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new session for `userId`: the Set-Cookie header value. */
  open(userId: string): string {
    const id = randomBytes(32).toString('hex');
    this.map.set(id, { userId, expires: this.now() + LIFETIME_MS });
    while (this.map.size > this.limit) this.map.delete(this.map.keys().next().value!);
    return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${LIFETIME_MS / 1000}`;
  }

  /** The user of the session named by a Cookie header, if it is open. */
  user(cookieHeader: string | undefined): string | undefined {
    const id = cookieValue(cookieHeader, SESSION_COOKIE);
    if (id === undefined) return undefined;
    const s = this.map.get(id);
    if (!s) return undefined;
    if (s.expires <= this.now()) {
      this.map.delete(id);
      return undefined;
    }
    return s.userId;
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
