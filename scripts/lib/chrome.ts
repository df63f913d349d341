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

/**
 * The Chromium features playwright-core turns off itself (its `chromiumSwitches.ts`). Chromium reads only the
 * last `--disable-features` on its command line, so ours (below) must name them again or they would come back
 * on; `chrome.test.ts` checks that this list still holds every name in the installed playwright-core.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * The browser's own UI that a headless page never shows: every new window (here, every browser context, so every
 * test page and every load the bench times) loads the omnibox's WebUI pop-ups (`chrome://omnibox-popup.top-chrome/`
 * and its AI-mode page) in a renderer of their own, about 1.2 s of CPU on this two-core machine, in the middle of
 * what a test or the bench measures (README, Performance, session 18).
 */
export const BROWSER_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/** The browser's arguments: ours, one `--disable-features` (Playwright's, the browser UI's and `disable`), then `extra`. */
export function chromeArgs(extra: readonly string[] = [], disable: readonly string[] = []): string[] {
  const own = extra.find((a) => a.startsWith('--disable-features'));
  if (own) throw new Error(`pass features to turn off as launchChrome's second argument, not as ${own}: Chromium reads only the last --disable-features`);
  const features = [...new Set([...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_UI_FEATURES, ...disable])];
  return [...CHROME_ARGS, `--disable-features=${features.join(',')}`, ...extra];
}

/** The browser to use: CHROME_PATH, else the usual install paths; undefined when none is found. */
export function findChrome(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROME_PATH) return existsSync(env.CHROME_PATH) ? env.CHROME_PATH : undefined;
  return CHROME_CANDIDATES.find((p) => existsSync(p));
}

/** The system Chromium, headless, with `chromeArgs`; `disableFeatures`: more Chromium features to turn off. */
export async function launchChrome(extraArgs: string[] = [], disableFeatures: string[] = []): Promise<Browser> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH, or install one (Debian: apt-get install -y chromium).');
  return chromium.launch({ executablePath, headless: true, args: chromeArgs(extraArgs, disableFeatures) });
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
