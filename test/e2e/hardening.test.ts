/**
 * Hostile input and broken environments: the app degrades gracefully, tells the truth, and runs nothing it
 * was not built to run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChrome, openPage, waitReady } from '../../scripts/lib/chrome.ts';
import { serveDir, type ServeOptions, type StaticServer } from '../../scripts/lib/static-server.ts';
import { DIST, skyPrograms, wholeRoute } from '../support/app';
import { colourCount, decode, hexToRgb, nearestColour } from '../support/pixels';
import { LIGHT } from '../../src/theme/palette';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChrome();
});
afterAll(async () => browser?.close());

async function withServer<T>(opts: ServeOptions, fn: (s: StaticServer) => Promise<T>): Promise<T> {
  const s = await serveDir(DIST, opts);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

async function open(s: StaticServer, q = '', init?: string) {
  const { page, log, close } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    (window as any).__dialogs = 0;
    window.alert = () => void ((window as any).__dialogs += 1);
  });
  if (init) await page.addInitScript(init);
  page.on('dialog', (d) => void d.dismiss());
  await page.goto(s.url + q);
  const ready = await waitReady(page);
  return { page, log, ready, close };
}

const storyJson = () => JSON.parse(readFileSync(join(DIST, 'data/story.json'), 'utf8'));
const serveStory = (body: string) => ({
  '/data/story.json': (_req: unknown, res: any) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(body),
});

describe('a strict Content Security Policy', () => {
  it('runs with no inline script or style and no violation', async () => {
    await withServer({ headers: { 'Content-Security-Policy': STRICT_CSP } }, async (s) => {
      const { page, log, ready, close } = await open(s, '?event=first-impact');
      expect(ready).toBe('map');
      await page.getByRole('slider', { name: 'Time' }).focus();
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
      expect(log.consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
      const html = readFileSync(join(DIST, 'index.html'), 'utf8');
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style\b|\sstyle="/);
      await close();
    });
  });
});

describe('without WebGL', () => {
  it('says so plainly and shows a picture of the route and the event list', async () => {
    await withServer({}, async (s) => {
      const noGl = `HTMLCanvasElement.prototype.getContext = new Proxy(HTMLCanvasElement.prototype.getContext, { apply(f, self, args) { return /webgl/.test(String(args[0])) ? null : Reflect.apply(f, self, args); } });`;
      const { page, log, ready, close } = await open(s, '', noGl);
      expect(ready).toBe('no-map');
      expect(await page.locator('.notice').first().innerText()).toContain('needs WebGL 2');
      const img = page.locator('#static-map img');
      expect(await img.isVisible()).toBe(true);
      expect(await img.getAttribute('alt')).toMatch(/planned route.*strike area.*Caspian.*crash site/i);
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
      expect(await page.locator('#events li[data-event]').count()).toBeGreaterThan(60);
      expect(log.errors).toEqual([]);
      await close();
    });
  });
});

describe('MapLibre that fails to load', () => {
  it('says the map is unavailable (not that the data is broken) and keeps the panel and the list', async () => {
    await withServer({ fail: (p: string) => /\/assets\/maplibre-[^/]*\.js$/.test(p) }, async (s) => {
      const { page, ready, close } = await open(s, '?event=first-impact');
      expect(ready).toBe('no-map');
      expect(await page.locator('#notices').innerText()).toContain('interactive map could not be loaded');
      expect(await page.locator('#notices').innerText()).not.toContain('story data');
      expect(await page.locator('#panel').innerText()).toContain('First impact');
      expect(await page.locator('#events li').count()).toBeGreaterThan(60);
      await close();
    });
  });
});

describe('a lost WebGL context', () => {
  it('comes back by itself at the same moment', async () => {
    await withServer({}, async (s) => {
      const { page, close } = await open(s, '?t=2024-12-25T05:50:00Z');
      await wholeRoute(page); // the deep link opens on its own frame; the point checked below is on the whole route
      const before = await page.evaluate(() => (window as any).flightmap.getMoment().t);
      await page.evaluate(async () => {
        const sm = await (window as any).flightmap.mapReady;
        const gl = sm.map.getCanvas().getContext('webgl2');
        const ext = gl.getExtension('WEBGL_lose_context');
        ext.loseContext();
        await new Promise((r) => setTimeout(r, 300));
        ext.restoreContext();
        await new Promise((r) => sm.map.once('idle', r));
      });
      expect(await page.evaluate(() => (window as any).flightmap.getMoment().t)).toBe(before);
      const png = decode(await page.locator('#map canvas').screenshot());
      expect(colourCount(png)).toBeGreaterThan(20);
      // The moment is drawn again: the path flown by 05:50 (feature state, set anew) in the track's colour.
      const mid = await page.evaluate(async () => {
        const sm = await (window as any).flightmap.mapReady;
        const p = sm.map.project([48.85, 41.64]); // halfway Baku → Makhachkala, flown by then
        return { x: p.x, y: p.y, flown: sm.map.getFeatureState({ source: 'track', id: 0 }).flown };
      });
      expect(mid.flown).toBe(true);
      expect(nearestColour(png, mid.x, mid.y, hexToRgb(LIGHT.track), 3)).toBeLessThan(40);
      expect(await skyPrograms(page)).toBe(0); // the new painter draws no sky pass either
      await close();
    });
  });
});

const RESOURCE_FAILURES = [
  {
    what: 'a basemap',
    fail: (p: string) => p.endsWith('basemap.json'),
    q: '?t=2024-12-25T05:50:00Z',
    notice: 'basemap could not be loaded',
    layers: ['track-ghost', 'route-planned', 'area-fill', 'dot:airport'],
  },
  {
    what: 'a font',
    fail: (p: string) => p.endsWith('.woff2'),
    q: '?event=crash',
    notice: 'font could not be loaded',
    layers: ['track-reconstructed', 'track-ghost', 'dot:airport'], // the crash's frame: the approach, the site, the airport
  },
];

describe.each(RESOURCE_FAILURES)('$what that fails to load', ({ fail, q, notice, layers: expected }) => {
  it('still draws the story layers (labels with a fallback font) and tells the reader', async () => {
    await withServer({ fail }, async (s) => {
      const { page, ready, close } = await open(s, q);
      expect(ready).toBe('map');
      await expect.poll(() => page.locator('#notices').innerText()).toContain(notice);
      const layers = await page.evaluate(async () => {
        const sm = await (window as any).flightmap.mapReady;
        // the map's layers, and the dots drawn over it (an airport's ring: dot:airport, src/map/dot-overlay.ts)
        const drawn = [...document.querySelectorAll('#map .dot-overlay circle')].filter((c) => getComputedStyle(c).display !== 'none');
        return [
          ...new Set([...sm.map.queryRenderedFeatures().map((f: any) => f.layer.id), ...drawn.map((c) => `dot:${c.getAttribute('class')!.split('dot-')[1]}`)]),
        ];
      });
      expect(layers).toEqual(expect.arrayContaining(expected));
      await expect.poll(() => page.locator('#map .map-label', { hasText: 'Aktau SCO' }).isVisible()).toBe(true); // names in a fallback font
      await close();
    });
  });
});

describe('hostile URLs', () => {
  const payloads = [
    '?t=<script>alert(1)</script>',
    '?event=<img src=x onerror=alert(1)>',
    '?dark="><svg onload=alert(1)>',
    '?childId=javascript:alert(1)',
    '?t=2024-12-25T05:13:31Z&event=%00%E2%80%AE<b>x',
    '?' + 'x='.repeat(2000),
  ];
  it('ignores every payload politely: nothing runs and no element appears', async () => {
    await withServer({}, async (s) => {
      for (const q of payloads) {
        const { page, ready, close } = await open(s, q);
        expect(ready, q).toBe('map');
        expect(await page.evaluate(() => (window as any).__dialogs), q).toBe(0);
        expect(await page.locator('#notices img, #notices svg, #notices script, #notices b').count(), q).toBe(0);
        expect(await page.locator('body script:not([src])').count(), q).toBe(0);
        await close();
      }
    });
  });
  it('shows the ignored value as text', async () => {
    await withServer({}, async (s) => {
      const { page, close } = await open(s, '?event=<img src=x onerror=alert(1)>');
      expect(await page.locator('.notice').first().innerText()).toContain('<img src=x onerror=alert(1)>');
      await close();
    });
  });
});

describe('hostile or broken data', () => {
  it('renders markup in the data as text, never as HTML', async () => {
    const d = storyJson();
    d['geo/events.json'].events[0].title = '<img src=x onerror="alert(1)">Take-off';
    d['geo/events.json'].events[0].text = '<script>alert(2)</script><b>bold?</b>';
    d['geo/sources.json'].sources[0].outlet = '<svg onload=alert(3)>';
    await withServer({ routes: serveStory(JSON.stringify(d)) }, async (s) => {
      const { page, ready, close } = await open(s, '?event=takeoff');
      expect(ready).toBe('map');
      expect(await page.locator('#panel .event-title').first().innerText()).toBe('<img src=x onerror="alert(1)">Take-off');
      expect(await page.locator('#panel img, #panel script, #panel b, #events img, #events script, #events svg').count()).toBe(0);
      expect(await page.evaluate(() => (window as any).__dialogs)).toBe(0);
      await close();
    });
  });
  it('shows a clear error naming the file, the event and the field, never a blank page', async () => {
    const d = storyJson();
    d['geo/events.json'].events[3].time = '25/12/2024 04:26';
    await withServer({ routes: serveStory(JSON.stringify(d)) }, async (s) => {
      const { page, ready, close } = await open(s);
      expect(ready).toBe('error');
      const alert = await page.getByRole('alert').innerText();
      expect(alert).toContain('geo/events.json: events[3] (id "gps-loss-reported") → time: must be ISO 8601 UTC');
      await close();
    });
  });
  it('shows a clear error when the data is not JSON', async () => {
    await withServer({ routes: serveStory('<!doctype html><p>oops') }, async (s) => {
      const { page, ready, close } = await open(s);
      expect(ready).toBe('error');
      expect(await page.getByRole('alert').innerText()).toContain('data/story.json: not valid JSON');
      await close();
    });
  });
});

describe('the test browser', () => {
  it('loads none of its own UI beside the page (the omnibox pop-ups cost ~1.2 s of CPU per new window)', async () => {
    await withServer({}, async (s) => {
      const { ready, close } = await open(s);
      expect(ready).toBe('map');
      await new Promise((r) => setTimeout(r, 3000)); // the pop-ups load within a few seconds of a new window
      const cdp = await browser.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      await cdp.detach();
      await close();
      expect(targetInfos.filter((t) => t.type === 'page').length).toBeGreaterThan(0);
      expect(targetInfos.filter((t) => t.type === 'browser_ui' || t.url.startsWith('chrome://')).map((t) => t.url)).toEqual([]);
    });
  });
});

void ({} as Page);
