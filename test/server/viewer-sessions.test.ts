/** Sign-in sessions of the served viewer: random ids in a strict cookie, expiry, a bound. */
import { ViewerSessions } from '../../src/server/viewer-sessions.js';

const id = (setCookie: string) => setCookie.split(';')[0]!;

test('a session names its user until it expires', () => {
  let now = 1_000;
  const s = new ViewerSessions(10, () => now);
  const cookie = s.open('ann');
  expect(cookie).toMatch(/^sqlflow_session=[0-9a-f]{64}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
  expect(s.user(`other=1; ${id(cookie)}`)).toBe('ann');
  expect(s.user(undefined)).toBeUndefined();
  expect(s.user('sqlflow_session=' + 'f'.repeat(64))).toBeUndefined();
  now += 43_200_000;
  expect(s.user(id(cookie))).toBeUndefined();
});

test('every session has its own id; the oldest go past the bound', () => {
  const s = new ViewerSessions(2);
  const [a, b, c] = [s.open('a'), s.open('b'), s.open('c')];
  expect(new Set([a, b, c].map(id)).size).toBe(3);
  expect([s.user(id(a)), s.user(id(b)), s.user(id(c))]).toEqual([undefined, 'b', 'c']);
});
