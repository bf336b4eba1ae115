/**
 * A real headless Chromium for the viewer tests, driven by playwright-core. The browser is
 * Debian's `chromium` package (`apt-get install chromium`; `.ci/run` installs it), or the binary
 * named by SQLFLOW_CHROMIUM.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoPath } from './paths.js';

export const CHROMIUM = process.env.SQLFLOW_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set SQLFLOW_CHROMIUM)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
}

export interface OpenedPage {
  page: Page;
  /** Console errors, page errors and any request that is not the page itself. */
  problems: string[];
}

/** Writes `html` to test/viewer/out/<name>.html and opens it; resolves when the viewer is ready. */
export async function openViewer(browser: Browser, name: string, html: string): Promise<OpenedPage> {
  const dir = artifactDir();
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (r.url() !== `file://${file}` && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`);
  });
  await page.goto(`file://${file}`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
  return { page, problems };
}

/** test/viewer/out/ (git-ignored): pages and screenshots of the test runs. */
export function artifactDir(): string {
  const dir = repoPath('test', 'viewer', 'out');
  mkdirSync(dir, { recursive: true });
  return dir;
}
