/**
 * The route picture in narrow boxes (`?static`, the no-script pages, the embed's first poster): a phone-width page or
 * embed shows the 9:16 design made for it (route-narrow.png, `npm run images`), a wider one the 16:9; the box has
 * the chosen picture's shape before it loads (no height jump); the words in the language; nothing from elsewhere.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage } from '../../scripts/lib/chrome';
import { useApp } from '../support/app';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCli } from '../support/export-cli';
import { ROUTE_PICTURE } from '../../src/opendata/build-info';
import type { ExportMeta } from '../../src/export/png/run';

const app = useApp();

/** The static picture once drawn: the file the browser chose, its pixels, and its box in CSS px. */
async function shown(page: Page, sel = '#static-map img') {
  const img = page.locator(sel);
  await img.scrollIntoViewIfNeeded();
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0);
  return img.evaluate((i: HTMLImageElement) => {
    const r = i.getBoundingClientRect();
    return {
      file: new URL(i.currentSrc).pathname.split('/').pop(),
      natural: [i.naturalWidth, i.naturalHeight],
      box: { width: r.width, height: r.height },
      alt: i.alt,
    };
  });
}

describe('the static picture', () => {
  it('?embed&static: the narrow design at 360 and 480 px, the 16:9 one at 1000 px, in the box of its shape', async () => {
    const alts = new Set<string>();
    for (const [width, file, natural] of [
      [360, 'route-narrow.png', [810, 1440]],
      [480, 'route-narrow.png', [810, 1440]],
      [1000, 'route.png', [1920, 1080]],
    ] as const) {
      const { page, log, close } = await app.open('?embed&static', { width, height: 700 });
      const s = await shown(page);
      expect(s.file, `${width} px`).toBe(file);
      expect(s.natural).toEqual(natural);
      expect(s.box.height).toBeCloseTo((s.box.width * natural[1]) / natural[0], 0);
      alts.add(s.alt);
      expect(log.requests.filter((u) => !u.startsWith(app.server.origin) && !u.startsWith('data:'))).toEqual([]);
      await close();
    }
    expect([...alts]).toHaveLength(1); // one alt text, whichever picture
    expect([...alts][0]).toMatch(/J2-8243.*Baku.*Grozny.*Aktau/);
  });

  it('the narrow picture in the language (route-narrow-ru.png …), and the 16:9 one in it on a wide page', async () => {
    for (const l of ['ru', 'kk'] as const) {
      const narrow = await app.open(`?embed&static&lang=${l}`, { width: 360, height: 640 });
      expect((await shown(narrow.page)).file).toBe(`route-narrow-${l}.png`);
      await narrow.close();
    }
    const wide = await app.open('?static&lang=az', { width: 1000, height: 700 });
    expect((await shown(wide.page)).file).toBe('route-az.png');
    await wide.close();
  });

  it('no height jump: the box has the narrow picture’s shape before the picture arrives', async () => {
    const { page, close } = await openPage(app.browser, { viewport: { width: 360, height: 640 } });
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/route-narrow.png', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${app.server.url}?embed&static`);
    await page.waitForFunction(() => document.documentElement.dataset.ready);
    const before = await page
      .locator('#static-map img')
      .evaluate((i: HTMLImageElement) => ({ done: i.complete && i.naturalWidth > 0, h: i.getBoundingClientRect().height }));
    expect(before.done).toBe(false);
    expect(before.h).toBeCloseTo(640, 0); // 360 × 1440 / 810
    release();
    const after = await shown(page);
    expect(after.file).toBe('route-narrow.png');
    expect(after.box.height).toBeCloseTo(before.h, 0);
    await close();
  });

  it('the full page at 390 px: the narrow picture, as tall as it is drawn, above the event list (not under it)', async () => {
    const { page, close } = await app.open('?static', { width: 390, height: 844 });
    const s = await shown(page);
    expect(s.file).toBe('route-narrow.png');
    const [pic, events] = await page.evaluate(() => [
      document.querySelector('#static-map img')!.getBoundingClientRect().bottom,
      document.querySelector('#events')!.getBoundingClientRect().top,
    ]);
    expect(pic).toBeLessThanOrEqual(events! + 0.5);
    await close();
  });

  it('without JavaScript: the page and the no-script page in a language choose by width too', async () => {
    for (const [path, width, file] of [
      ['', 360, 'route-narrow.png'],
      ['', 1000, 'route.png'],
      ['events-ru.html', 360, 'route-narrow-ru.png'],
      ['events-ru.html', 1000, 'route-ru.png'],
    ] as const) {
      const { page, close } = await openPage(app.browser, { viewport: { width, height: 800 }, javaScriptEnabled: false });
      await page.goto(app.server.url + path);
      expect((await shown(page, path ? 'main img' : '.noscript-map')).file, `${path || 'index'} at ${width}`).toBe(file);
      await close();
    }
  });

  // Session 16: the narrow picture was the usual design at three quarters (540 × 960 design px), so at 360 px wide its
  // credits were 8.3 CSS px, its legend 8.7 and the map's names 8–8.7. It is laid out for the column now.
  it('the narrow picture (npm run images’ request) is laid out for 360 px: its type readable there, the map a third of it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'narrow-e2e-'));
    const { width, height } = ROUTE_PICTURE.narrow;
    for (const lang of ['en', 'kk'] as const) {
      const meta = join(out, `${lang}.json`);
      const r = await exportCli([
        '--out',
        join(out, `${lang}.png`),
        '--width',
        `${width / 2}`,
        '--height',
        `${height / 2}`,
        '--scale',
        '2',
        '--lang',
        lang,
        '--meta',
        meta,
      ]);
      expect(r.stderr, r.stderr).toBe('');
      const m = JSON.parse(readFileSync(meta, 'utf8')) as ExportMeta;
      expect([m.width, m.height]).toEqual([width, height]);
      const css = (px: number) => (px * 360) / m.width; // CSS px where the picture is shown 360 px wide
      const L = m.layout;
      const small = Math.min(css(L.credit.size), css(L.scale.fontSize), ...(L.legend?.items ?? []).map((i) => css(i.label.size)));
      expect(small, lang).toBeGreaterThanOrEqual(lang === 'en' ? 11 : 9.25);
      // The airports' and the crash site's names 13 CSS px; every name drawn at 10 at least (the republics' 10, as on the page).
      for (const n of m.mapNames.story) expect(css(n.size), n.text).toBeGreaterThanOrEqual(12.9);
      for (const n of m.mapNames.context) expect(css(n.size), n.text).toBeGreaterThanOrEqual(9.9);
      expect(m.mapNames.story.map((n) => n.id)).toEqual(expect.arrayContaining(['place:crash-site', 'place:gyd', 'place:grv', 'place:mcx', 'place:sco']));
      expect(L.map.h, lang).toBeGreaterThanOrEqual(height / 3);
    }
  });

  it("the embed's first poster (a 4:3 box) is the 16:9 picture it fills best", async () => {
    const { page, close } = await openPage(app.browser, { viewport: { width: 360, height: 640 } });
    await page.route('**/basemap/basemap.json', () => new Promise(() => {})); // keep the first poster: no drawing of the scene yet
    await page.goto(`${app.server.url}?embed`);
    const s = await shown(page, '.poster-picture img');
    expect(s.file).toBe('route.png');
    await close();
  });
});
