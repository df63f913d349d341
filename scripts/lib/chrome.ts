/**
 * Headless Chromium for tests, the export command and the benchmark: the system browser through
 * playwright-core (no browser download), with software WebGL.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

export const CHROME_ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-default-apps',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--font-render-hinting=none',
  '--hide-scrollbars',
];

/** The browser to use: CHROME_PATH, else the usual install paths; undefined when none is found. */
export function findChrome(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROME_PATH) return existsSync(env.CHROME_PATH) ? env.CHROME_PATH : undefined;
  return CHROME_CANDIDATES.find((p) => existsSync(p));
}

export async function launchChrome(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH, or install one (Debian: apt-get install -y chromium).');
  return chromium.launch({ executablePath, headless: true, args: [...CHROME_ARGS, ...extraArgs] });
}

export interface PageLog {
  errors: string[];
  consoleErrors: string[];
  requests: string[];
}

/** A page that records console errors, page errors and every request. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ page: Page; log: PageLog; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
  const page = await context.newPage();
  const log: PageLog = { errors: [], consoleErrors: [], requests: [] };
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(m.text());
  });
  context.on('request', (r) => log.requests.push(r.url()));
  return { page, log, close: () => context.close() };
}

/** Waits until the app says it is ready (`data-ready` on <html>): 'map', 'no-map' or 'error'. */
export async function waitReady(page: Page, timeout = 30_000): Promise<string> {
  await page.waitForFunction(() => document.documentElement.dataset.ready, undefined, { timeout });
  return page.evaluate(() => document.documentElement.dataset.ready!);
}
