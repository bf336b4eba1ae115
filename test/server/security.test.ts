/**
 * The security points of `sqlflow serve`, each against a real server on 127.0.0.1 and a free port:
 * tokens (401), per-user isolation (404), jobId validation, upload limit (413), zip limits, and
 * malformed requests (4xx in the seeds' envelope, never 500, the server still up).
 */
import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { allowed, sameSecret, userOfToken } from '../../src/server/auth.js';
import { isLoopback } from '../../src/cli/serve.js';
import type { RunningServer } from '../../src/server/serve.js';
import { buildZip } from '../inputs/zipwriter.js';
import { JOB_API, postForm, removeDir, send, startTestServer, tempDir, waitForJob, writeExample } from '../helpers/jobs.js';

jest.setTimeout(60_000);

let dir: string;
let tokenServer: RunningServer;
let usersServer: RunningServer;
let small: RunningServer;
let sql: Buffer;

beforeAll(async () => {
  dir = tempDir();
  writeExample(dir);
  sql = readFileSync(join(dir, '1.sql'));
  tokenServer = await startTestServer({ storeDir: join(dir, 's1'), inline: true, auth: { token: 'secret-token' } });
  usersServer = await startTestServer({ storeDir: join(dir, 's2'), inline: true, auth: { users: new Map([['alice', 'tok-alice'], ['bob', 'tok-bob']]) } });
  small = await startTestServer({ storeDir: join(dir, 's3'), inline: true, maxUpload: 2000 });
});

afterAll(async () => {
  await Promise.all([tokenServer.close(), usersServer.close(), small.close()]);
  removeDir(dir);
});

const ENDPOINTS = ['submitUserJob', 'submitPersistJob', 'displayUserJobSummary', 'displayUserJobsSummary', 'exportLineageAsJson', 'exportFullLineageAsCsv', 'exportLineageAsGraphml', 'deleteUserJob'];

function expectEnvelope(r: { status: number; json: any }, code: number, message?: RegExp): void {
  expect(r.status).toBe(code);
  expect(r.json).toEqual({ code, error: expect.any(String) });
  if (message) expect(r.json.error).toMatch(message);
}

async function submitAs(server: RunningServer, fields: Record<string, string>): Promise<string> {
  const r = await postForm(`${server.url}${JOB_API}/submitUserJob`, { dbvendor: 'dbvmssql', ...fields }, [['sqlfiles', '1.sql', sql]]);
  expect(r.status).toBe(200);
  const jobId = r.json.data.jobId as string;
  await waitForJob(server.url, { ...fields, jobId });
  return jobId;
}

describe('tokens', () => {
  test.each(ENDPOINTS)('%s: a missing or wrong token is 401, in the envelope', async (endpoint) => {
    const url = `${tokenServer.url}${JOB_API}/${endpoint}`;
    const files: [string, string, Buffer][] = [['sqlfiles', '1.sql', sql]];
    const base = { userId: 'alice', jobId: '0'.repeat(32) };
    expectEnvelope(await postForm(url, base, files), 401, /token/);
    expectEnvelope(await postForm(url, { ...base, token: 'secret-tokeN' }, files), 401);
    expectEnvelope(await postForm(url, { ...base, token: 'secret' }, files), 401);
    expectEnvelope(await postForm(url, { ...base, token: '' }, files), 401);
    const right = await postForm(url, { ...base, token: 'secret-token' }, files);
    expect(right.status).not.toBe(401);
  });

  test('with --users, a token works only for its own user', async () => {
    const url = `${usersServer.url}${JOB_API}/displayUserJobsSummary`;
    expect((await postForm(url, { userId: 'alice', token: 'tok-alice' })).status).toBe(200);
    expectEnvelope(await postForm(url, { userId: 'alice', token: 'tok-bob' }), 401);
    expectEnvelope(await postForm(url, { userId: 'carol', token: 'tok-alice' }), 401);
    expectEnvelope(await postForm(url, { userId: 'carol', token: '' }), 401);
  });

  test('comparison helpers: digests of equal length whatever the input, no short cut for unknown users', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('a', 'a much longer secret')).toBe(false);
    const users = { users: new Map([['alice', 'x']]) };
    expect(allowed(users, 'alice', 'x')).toBe(true);
    expect(allowed(users, 'mallory', 'x')).toBe(false);
    expect(allowed(users, 'alice', undefined)).toBe(false);
    expect(allowed({}, 'anyone', undefined)).toBe(true);
    expect(userOfToken(users, 'x')).toBe('alice');
    expect(userOfToken(users, 'y')).toBeUndefined();
  });

  test('the server binds loopback by default; other hosts are flagged', () => {
    expect(tokenServer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
  });
});

describe('per-user isolation', () => {
  test("another user's job is 404 for status, export and delete, and absent from their list", async () => {
    const alice = { userId: 'alice', token: 'tok-alice' };
    const bob = { userId: 'bob', token: 'tok-bob' };
    const jobId = await submitAs(usersServer, alice);
    for (const endpoint of ['displayUserJobSummary', 'exportLineageAsJson', 'exportFullLineageAsCsv', 'exportLineageAsGraphml', 'deleteUserJob']) {
      expectEnvelope(await postForm(`${usersServer.url}${JOB_API}/${endpoint}`, { ...bob, jobId }), 404, new RegExp(jobId));
    }
    // Bob cannot add files to Alice's regular job either.
    const persist = await postForm(`${usersServer.url}${JOB_API}/submitPersistJob`, { ...bob, jobId }, [['sqlfiles', '2.sql', sql]]);
    expectEnvelope(persist, 404);
    const bobs = await postForm(`${usersServer.url}${JOB_API}/displayUserJobsSummary`, bob);
    expect(bobs.json.data.jobIds).not.toContain(jobId);
    const alices = await postForm(`${usersServer.url}${JOB_API}/displayUserJobsSummary`, alice);
    expect(alices.json.data.jobIds).toContain(jobId);
    expect((await postForm(`${usersServer.url}${JOB_API}/displayUserJobSummary`, { ...alice, jobId })).json.data.status).toBe('success');
  });
});

describe('jobId validation', () => {
  test.each(['../../store', '../jobs', 'C359AEF4BD9641D697732422DEBD8055', '0'.repeat(31), '0'.repeat(33), 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', '%2e%2e%2fstore.json', '0'.repeat(32) + '/..'])(
    'jobId %j is refused with 400 before it touches the store',
    async (jobId) => {
      for (const endpoint of ['displayUserJobSummary', 'exportLineageAsJson', 'deleteUserJob', 'submitPersistJob']) {
        const r = await postForm(`${small.url}${JOB_API}/${endpoint}`, { userId: 'u', jobId }, endpoint === 'submitPersistJob' ? [['sqlfiles', 'a.sql', Buffer.from('select 1')]] : []);
        expectEnvelope(r, 400, /jobId must be 32 hexadecimal digits/);
      }
    },
  );

  test('a well-formed id of no job is 404', async () => {
    expectEnvelope(await postForm(`${small.url}${JOB_API}/displayUserJobSummary`, { userId: 'u', jobId: 'f'.repeat(32) }), 404);
  });
});

describe('upload limits', () => {
  test('a multipart upload past --max-upload is 413, and the server goes on', async () => {
    const big = Buffer.alloc(5000, 'select 1;\n');
    expectEnvelope(await postForm(`${small.url}${JOB_API}/submitUserJob`, { userId: 'u' }, [['sqlfiles', 'big.sql', big]]), 413, /limit of 2000 bytes/);
    const several = Array.from({ length: 3 }, (_, i): [string, string, Buffer] => ['sqlfiles', `f${i}.sql`, Buffer.alloc(900, 'select 2;\n')]);
    expectEnvelope(await postForm(`${small.url}${JOB_API}/submitUserJob`, { userId: 'u' }, several), 413);
    const form = await send(`${small.url}${JOB_API}/displayUserJobsSummary`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `userId=u&pad=${'x'.repeat(5000)}`,
    });
    expectEnvelope(form, 413);
    expect((await postForm(`${small.url}${JOB_API}/displayUserJobsSummary`, { userId: 'u' })).status).toBe(200);
  });

  test('zip archives go through the same limits as analyze: a zip bomb or a corrupt zip fails the job, with the reason', async () => {
    const bomb = buildZip([{ name: 'bomb.sql', data: Buffer.alloc(8 * 1024 * 1024, ' '), deflate: true }]);
    const server = tokenServer;
    const auth = { userId: 'zip', token: 'secret-token' };
    for (const [name, bytes, reason] of [
      ['bomb.zip', bomb, /expands \d+:1/],
      ['broken.zip', Buffer.from('PK\u0003\u0004 not really a zip'), /zip/],
    ] as const) {
      const r = await postForm(`${server.url}${JOB_API}/submitUserJob`, { ...auth }, [['sqlfiles', name, bytes]]);
      expect(r.status).toBe(200);
      const done = await waitForJob(server.url, { ...auth, jobId: r.json.data.jobId });
      expect(done.status).toBe('fail');
      expect(done.errorMessage).toMatch(reason);
      expect(JSON.stringify(done.diagnostics)).toMatch(reason);
    }
  });
});

/** A raw HTTP request (for bodies fetch would not send). */
function raw(url: string, headers: Record<string, string>, body: string | Buffer, method = 'POST'): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: any;
        try {
          json = JSON.parse(text);
        } catch {
          json = text;
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('malformed requests: 4xx in the envelope, never 500', () => {
  const url = () => `${small.url}${JOB_API}/submitUserJob`;
  const cases: [string, () => Promise<{ status: number; json: any }>, number, RegExp][] = [
    ['missing userId', () => postForm(url(), {}, [['sqlfiles', 'a.sql', Buffer.from('select 1')]]), 400, /missing parameter: userId/],
    ['missing sqlfiles', () => postForm(url(), { userId: 'u' }), 400, /missing parameter: sqlfiles/],
    ['missing jobId', () => postForm(`${small.url}${JOB_API}/displayUserJobSummary`, { userId: 'u' }), 400, /missing parameter: jobId/],
    ['unknown vendor', () => postForm(url(), { userId: 'u', dbvendor: 'dbvnosuch' }, [['sqlfiles', 'a.sql', Buffer.from('select 1')]]), 400, /unknown vendor 'dbvnosuch'/],
    ['bad boolean', () => postForm(url(), { userId: 'u', ignoreRecordSet: 'maybe' }, [['sqlfiles', 'a.sql', Buffer.from('select 1')]]), 400, /ignoreRecordSet/],
    ['bad relation type', () => postForm(url(), { userId: 'u', showRelationType: 'fdd,xyz' }, [['sqlfiles', 'a.sql', Buffer.from('select 1')]]), 400, /xyz/],
    ['bad aggregate', () => postForm(url(), { userId: 'u', dataflowOfAggregateFunction: 'both' }, [['sqlfiles', 'a.sql', Buffer.from('select 1')]]), 400, /./],
    ['bad delimiter', () => postForm(`${small.url}${JOB_API}/exportFullLineageAsCsv`, { userId: 'u', jobId: 'a'.repeat(32), delimiter: ';;' }), 400, /delimiter/],
    ['unexpected file field', () => postForm(url(), { userId: 'u' }, [['file', 'a.sql', Buffer.from('select 1')]]), 400, /unexpected file field/],
    ['file without a name', () => postForm(url(), { userId: 'u' }, [['sqlfiles', '..', Buffer.from('select 1')]]), 400, /./],
    ['truncated multipart', () => raw(url(), { 'content-type': 'multipart/form-data; boundary=XYZ' }, '--XYZ\r\nContent-Disposition: form-data; name="userId"\r\n\r\nu\r\n--XYZ\r\nContent-Disposition: form-data; name="sqlfiles"; filename="a.sql"\r\n\r\nselect'), 400, /malformed multipart/],
    ['multipart without boundary', () => raw(url(), { 'content-type': 'multipart/form-data' }, 'garbage'), 400, /./],
    ['multipart garbage', () => raw(url(), { 'content-type': 'multipart/form-data; boundary=Q' }, '\u0000\u0001garbage--Q--'), 400, /./],
    ['invalid JSON', () => raw(url(), { 'content-type': 'application/json' }, '{"userId":'), 400, /./],
    ['JSON array', () => raw(url(), { 'content-type': 'application/json' }, '[1,2]'), 400, /./],
    ['JSON nested value', () => raw(url(), { 'content-type': 'application/json' }, '{"userId":{"a":1}}'), 400, /./],
    ['a text/plain body', () => raw(url(), { 'content-type': 'text/plain' }, 'userId=u'), 400, /form fields or a JSON object/],
    ['unsupported content type', () => raw(url(), { 'content-type': 'application/xml' }, '<a/>'), 415, /./],
    ['unknown endpoint', () => raw(`${small.url}${JOB_API}/nosuch`, {}, ''), 404, /./],
    ['GET of an endpoint', () => raw(url(), {}, '', 'GET'), 404, /./],
    ['empty POST', () => raw(url(), {}, ''), 400, /./],
    ['percent garbage in a form', () => raw(url(), { 'content-type': 'application/x-www-form-urlencoded' }, 'userId=%E0%A4%A&sqlfiles=%%%'), 400, /./],
  ];

  test.each(cases)('%s', async (_name, make, code, message) => {
    const r = await make();
    expect(r.status).toBe(code);
    expect(r.json).toEqual({ code, error: expect.any(String) });
    expect(r.json.error).toMatch(message);
  });

  test('the server is still up after all of them', async () => {
    expect((await postForm(`${small.url}${JOB_API}/displayUserJobsSummary`, { userId: 'u' })).status).toBe(200);
  });
});
