/** Shared set-up for browser tests: the built app served on loopback and a Chromium per file. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChrome, openPage, waitReady, type PageLog } from '../../scripts/lib/chrome.ts';
import { serveDir, type ServeOptions, type StaticServer } from '../../scripts/lib/static-server.ts';
import { E2E_DIST } from './dist';

/** The test build (E2E_OUT_DIR, else .cache/e2e-dist), made once per run by test/e2e/global-setup.ts. */
export const DIST = E2E_DIST;

export function useApp(opts: ServeOptions = {}) {
  const ctx = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    ctx.server = await serveDir(DIST, opts);
    ctx.browser = await launchChrome();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return {
    get server() {
      return ctx.server;
    },
    get browser() {
      return ctx.browser;
    },
    /** Opens the app (query string `q`) and waits until it is ready. */
    async open(
      q = '',
      viewport = { width: 1440, height: 900 },
      extra: Parameters<typeof openPage>[1] = {},
    ): Promise<{ page: Page; log: PageLog; ready: string; close: () => Promise<void> }> {
      const { page, log, close } = await openPage(ctx.browser, { viewport, ...extra });
      await page.goto(ctx.server.url + q);
      const ready = await waitReady(page);
      return { page, log, ready, close };
    },
  };
}

/** Screen position of a lon/lat on the app's map, in CSS pixels relative to the page. */
export async function project(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate(async (ll) => {
    const app = (
      window as unknown as {
        flightmap: { mapReady: Promise<{ map: { project(p: [number, number]): { x: number; y: number }; getContainer(): HTMLElement } }> };
      }
    ).flightmap;
    const sm = await app.mapReady;
    const p = sm.map.project(ll);
    const r = sm.map.getContainer().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, lonLat);
}

/**
 * The whole route in view, as the reader asks for it (the map's own button; on a phone it is not shown, so it is
 * clicked through the DOM): a deep link opens on its event's frame (test/e2e/camera.test.ts). Bounded wait.
 */
export async function wholeRoute(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector<HTMLButtonElement>('.ctrl-whole-route')!.click());
  await page.waitForFunction(() => !(window as any).flightmap.mapLife.current().map.isMoving(), null, { timeout: 15_000, polling: 100 });
  await page.waitForTimeout(100); // the names' layout after the last frame
}

/** How many sky programs the live map's painter has compiled: MapLibre makes one when it first draws a sky (src/map/sky.ts). */
export function skyPrograms(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const { map } = await (window as any).flightmap.mapReady;
    return Object.keys(map.painter.programCache.programs).filter((k) => k.startsWith('sky')).length;
  });
}

/** Opens the English page's Export dialog from its button and gives the dialog, open. */
export async function openExportDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the map' });
  await dialog.waitFor();
  return dialog;
}
