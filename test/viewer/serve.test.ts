/**
 * The viewer in `sqlflow serve`, on a real server (127.0.0.1, a free port): the home page's form
 * posts SQL as a job and lands on the job's page, which shows its lineage; the job API's token
 * rules hold for the pages too, and with tokens a sign-in session keeps the token out of addresses.
 */
import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../src/server/serve.js';
import { launchBrowser } from '../helpers/browser.js';
import { postForm, removeDir, send, startTestServer, tempDir } from '../helpers/jobs.js';

jest.setTimeout(120_000);

const SQL = 'INSERT INTO dw.t (a, b) SELECT x, y FROM src.s;\nINSERT INTO dw.u (k) SELECT a FROM dw.t;';

/** Follow the job page until it holds the viewer (it reloads itself while the job runs). */
async function jobPage(url: string, headers: Record<string, string> = {}): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const r = await send(url, { method: 'GET', headers });
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${r.text.slice(0, 200)}`);
    if (r.text.includes('id="sqlflow-data"')) return r.text;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`${url}: no lineage`);
}

describe('without tokens', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    dir = tempDir();
    server = await startTestServer({ storeDir: dir });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeDir(dir);
  });

  it('GET / is the viewer with the analysis form', async () => {
    const r = await send(`${server.url}/`, { method: 'GET' });
    expect(r.status).toBe(200);
    expect(r.text).toContain('"serve":{"action":"/"');
  });

  it('pasted SQL posted from the page lands on the job page with its lineage', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(`${server.url}/`);
    await page.waitForSelector('html[data-ready="true"]');
    await page.locator('#serve-vendor').selectOption('dbvoracle');
    await page.locator('#serve-sql').fill(SQL);
    await page.locator('#serve-submit').click();
    await page.waitForURL(/\/jobs\/[0-9a-f]{32}\?userId=viewer$/);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    const counts = await page.evaluate(() => (window as unknown as { sqlflowViewer: { counts(): unknown } }).sqlflowViewer.counts());
    expect(counts).toMatchObject({ tables: 3, columns: 5, edges: 3 });
    expect(await page.locator('.bar .caption').textContent()).toMatch(/^job pasted\.sql: success$/);
    expect(await page.locator('#serve-vendor').inputValue()).toBe('dbvoracle');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an uploaded file is analyzed too, and its SQL shown for each edge', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('html[data-ready="true"]');
    await page.locator('#serve-files').setInputFiles({ name: 'etl.sql', mimeType: 'text/plain', buffer: Buffer.from(SQL) });
    await page.locator('#serve-submit').click();
    await page.waitForURL(/\/jobs\//);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    await page.locator('#tree button.c', { hasText: 'x' }).first().click();
    await page.locator('#details .edge-link').first().click();
    expect(await page.locator('#details .loc').first().textContent()).toBe('etl.sql:1');
    expect(await page.locator('#details pre.sql').first().textContent()).toBe('INSERT INTO dw.t (a, b) SELECT x, y FROM src.s');
    await page.close();
  });

  it('nothing to analyze is a 400 page saying so', async () => {
    const r = await postForm(`${server.url}/`, { userId: 'viewer', sqltext: '  ' });
    expect(r.status).toBe(400);
    expect(r.text).toContain('nothing to analyze');
  });
});

describe('with tokens', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    dir = tempDir();
    server = await startTestServer({ storeDir: dir, auth: { users: new Map([['ann', 'tok-a'], ['bob', 'tok-b']]) } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeDir(dir);
  });

  /** ann's job, submitted from the form; the address it lands on and the session cookie. */
  async function annsJob(): Promise<{ id: string; location: string; cookie: string }> {
    const res = await fetch(`${server.url}/`, { method: 'POST', body: formOf({ userId: 'ann', token: 'tok-a', sqltext: SQL }), redirect: 'manual' });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^sqlflow_session=[0-9a-f]{64}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    return { id: location.slice(6, 38), location, cookie: setCookie.split(';')[0]! };
  }

  it('the job page address holds no token: the form signs in with a session cookie', async () => {
    expect((await postForm(`${server.url}/`, { userId: 'ann', token: 'wrong', sqltext: SQL })).status).toBe(401);
    const { id, location, cookie } = await annsJob();
    expect(location).toBe(`/jobs/${id}`);
    expect(await jobPage(`${server.url}${location}`, { cookie })).toContain('"vendor":"dbvansi"');
  });

  it('a job page needs a session or the Authorization header; never a token in the address; another user gets 404', async () => {
    const { id, cookie } = await annsJob();
    const url = `${server.url}/jobs/${id}`;
    const bare = await send(url, { method: 'GET' });
    expect(bare.status).toBe(401);
    expect(bare.text).toContain('<form method="post" action="/session">');
    expect((await send(`${url}?userId=ann&token=tok-a`, { method: 'GET' })).status).toBe(400);
    expect((await send(`${url}?userId=ann`, { method: 'GET', headers: { authorization: 'Token tok-b' } })).status).toBe(401);
    expect((await send(`${url}?userId=bob`, { method: 'GET', headers: { authorization: 'Token tok-b' } })).status).toBe(404);
    expect(await jobPage(`${url}?userId=ann`, { authorization: 'Token tok-a' })).toContain('id="sqlflow-data"');
    expect((await send(url, { method: 'GET', headers: { cookie: 'sqlflow_session=' + '0'.repeat(64) } })).status).toBe(401);
    // bob signs in: ann's job is not his.
    const signIn = await fetch(`${server.url}/session`, { method: 'POST', body: new URLSearchParams({ userId: 'bob', token: 'tok-b', next: `/jobs/${id}` }), redirect: 'manual' });
    expect([signIn.status, signIn.headers.get('location')]).toEqual([303, `/jobs/${id}`]);
    const bobs = signIn.headers.get('set-cookie')!.split(';')[0]!;
    expect(bobs).not.toBe(cookie);
    expect((await send(url, { method: 'GET', headers: { cookie: bobs } })).status).toBe(404);
    // A wrong token does not sign in; `next` goes nowhere but a job page or the home page.
    const wrong = await fetch(`${server.url}/session`, { method: 'POST', body: new URLSearchParams({ userId: 'bob', token: 'tok-a', next: `/jobs/${id}` }), redirect: 'manual' });
    expect([wrong.status, wrong.headers.get('set-cookie')]).toEqual([401, null]);
    const away = await fetch(`${server.url}/session`, { method: 'POST', body: new URLSearchParams({ userId: 'bob', token: 'tok-b', next: 'https://evil.example.com/' }), redirect: 'manual' });
    expect(away.headers.get('location')).toBe('/');
  });

  it('in the browser: a job link asks to sign in, then opens the lineage; the token is in no address', async () => {
    const { id } = await annsJob();
    const page = await browser.newPage();
    const addresses: string[] = [];
    page.on('request', (r) => addresses.push(r.url()));
    await page.goto(`${server.url}/jobs/${id}`);
    await page.locator('#signin-user').fill('ann');
    await page.locator('#signin-token').fill('tok-a');
    await page.locator('#signin-submit').click();
    await page.waitForURL(`${server.url}/jobs/${id}`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    expect(await page.locator('.bar .caption').textContent()).toBe('job pasted.sql: success');
    // Signed in, the form analyzes more SQL without asking for the token again.
    await page.goto(`${server.url}/`);
    await page.waitForSelector('html[data-ready="true"]');
    expect(await page.locator('#serve-token').count()).toBe(0);
    await page.locator('#serve-sql').fill(SQL);
    await page.locator('#serve-submit').click();
    await page.waitForURL(/\/jobs\/[0-9a-f]{32}$/);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
    expect(addresses.filter((a) => a.includes('tok-a'))).toEqual([]);
    await page.close();
  });
});

function formOf(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}
