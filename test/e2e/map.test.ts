/**
 * The map itself, in real headless Chromium with (software) WebGL, against the built app.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp, project, skyPrograms, wholeRoute } from '../support/app';
import { decode, hexToRgb, nearestColour } from '../support/pixels';
import { LIGHT } from '../../src/theme/palette';

const app = useApp();

const GYD: [number, number] = [50.04667, 40.4675];
const STRIKE_CENTRE: [number, number] = [45.64, 43.47];
const CRASH: [number, number] = [51.01, 43.8825];
const ROUTE_MID: [number, number] = [48.85, 41.64]; // halfway Baku → Makhachkala on the planned route
const CASPIAN_LEG: [number, number] = [48.5, 43.66]; // on the reconstructed leg across the sea

describe('the map', () => {
  it('reaches idle with every story layer drawn and no console error', async () => {
    const { page, log, ready, close } = await app.open('?t=2024-12-25T05:50:00Z');
    expect(ready).toBe('map');
    await wholeRoute(page);
    const layersAt = async (ll: [number, number]) => {
      const p = await project(page, ll);
      return page.evaluate(async ({ x, y }) => {
        const sm = await (window as any).flightmap.mapReady;
        const r = sm.map.getContainer().getBoundingClientRect();
        const [px, py] = [x - r.left, y - r.top];
        return [
          ...new Set(
            sm.map
              .queryRenderedFeatures([
                [px - 4, py - 4],
                [px + 4, py + 4],
              ])
              .map((f: any) => f.layer.id),
          ),
        ];
      }, p);
    };
    expect(await layersAt(ROUTE_MID)).toContain('route-planned');
    expect(await layersAt(STRIKE_CENTRE)).toContain('area-fill');
    expect(await layersAt(CASPIAN_LEG)).toEqual(expect.arrayContaining(['track-ghost', 'track-reconstructed']));
    // The airports' rings and the claims' points are circles over the canvas (src/map/dot-overlay.ts), at their points.
    const dotsAt = async (ll: [number, number]) => {
      const p = await project(page, ll);
      return page.evaluate(
        ({ x, y }) =>
          [...document.querySelectorAll('#map .dot-overlay circle')].flatMap((c) => {
            const r = c.getBoundingClientRect();
            const near = getComputedStyle(c).display !== 'none' && Math.hypot(r.x + r.width / 2 - x, r.y + r.height / 2 - y) < 1.5;
            return near ? [c.getAttribute('class')] : [];
          }),
        p,
      );
    };
    expect(await dotsAt(GYD)).toContain('dot dot-airport');
    const crash = await project(page, CRASH); // the crash mark is a button over the map (labels.ts)
    expect(await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.crash-mark'), crash)).toBe(true);
    expect(await dotsAt([45.6142, 43.5377])).toContain('dot dot-claim');
    // … and the map draws no circle layer of its own: a shader program fewer to build at load (README, Performance)
    expect(await page.evaluate(async () => (await (window as any).flightmap.mapReady).map.getStyle().layers.filter((l: any) => l.type === 'circle'))).toEqual(
      [],
    );
    // The cities' names and dots come from GeoNames (CC BY 4.0), drawn over the canvas: the map credits it still.
    expect(await page.locator('#map .maplibregl-ctrl-attrib-inner').textContent()).toMatch(
      /Natural Earth.*GeoNames \(CC BY 4\.0\)|GeoNames \(CC BY 4\.0\).*Natural Earth/,
    );
    expect(log.errors).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await close();
  });

  it('draws no sky pass, as its style has no sky; a style with one is drawn with it (src/map/sky.ts)', async () => {
    const { page, close } = await app.open('?event=crash');
    expect(await skyPrograms(page)).toBe(0); // MapLibre compiles the sky's program at the first frame it draws one
    await page.evaluate(async () => {
      const { map } = await (window as any).flightmap.mapReady;
      map.setSky({ 'sky-color': '#88aaff', 'horizon-color': '#ffffff', 'sky-horizon-blend': 0.5 });
      map.redraw();
    });
    expect(await skyPrograms(page)).toBe(1);
    await close();
  });

  it('draws the story colours at their places (pixels)', async () => {
    const { page, close } = await app.open('?t=2024-12-25T05:50:00Z');
    await wholeRoute(page);
    const png = decode(await page.screenshot());
    const at = async (ll: [number, number]) => project(page, ll);
    const route = await at(ROUTE_MID); // flown by 05:50: the solid track lies over the planned route
    expect(nearestColour(png, route.x, route.y, hexToRgb(LIGHT.track))).toBeLessThan(40);
    const strike = await at(STRIKE_CENTRE);
    // the area fill is translucent (28 %) over land
    const land = hexToRgb(LIGHT.land),
      area = hexToRgb(LIGHT.area);
    const blend = land.map((v, i) => Math.round(v * 0.72 + area[i]! * 0.28)) as [number, number, number];
    expect(nearestColour(png, strike.x + 12, strike.y + 12, blend, 4)).toBeLessThan(20);
    const crash = await at(CRASH);
    expect(nearestColour(png, crash.x, crash.y, hexToRgb(LIGHT.crash), 4)).toBeLessThan(60);
    await close();
  });

  it('makes no request outside its own origin', async () => {
    const { page, log, close } = await app.open('?event=crash');
    await page.mouse.move(700, 400);
    await page.mouse.wheel(0, -300); // zoom in: more tiles of the basemap
    await page.waitForTimeout(800);
    const foreign = log.requests.filter((u) => !u.startsWith(app.server.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(log.requests.some((u) => u.includes('basemap.json'))).toBe(true);
    // The story the build validated is used as it is (its digest matches, src/story/load.ts): no schemas to load.
    expect(log.requests.filter((u) => /parse-bundle/.test(u))).toEqual([]);
    await close();
  });

  for (const [w, h] of [
    [360, 640],
    [1440, 900],
  ] as const) {
    it(`fits ${w}×${h} without sideways scrolling`, async () => {
      const { page, close } = await app.open('?event=first-impact', { width: w, height: h });
      const m = await page.evaluate(() => ({
        sw: document.documentElement.scrollWidth,
        iw: window.innerWidth,
        mapH: document.getElementById('map')!.clientHeight,
        sliderW: document.getElementById('time-slider')!.clientWidth,
      }));
      expect(m.sw).toBeLessThanOrEqual(m.iw);
      expect(m.mapH).toBeGreaterThan(250);
      expect(m.sliderW).toBeGreaterThan(w * 0.6);
      // the whole route holds Baku, Grozny and Aktau
      await wholeRoute(page);
      for (const ll of [GYD, [45.69968, 43.3882], [51.09194, 43.86]] as [number, number][]) {
        const p = await page.evaluate(async (ll) => {
          const sm = await (window as any).flightmap.mapReady;
          const pt = sm.map.project(ll);
          return { x: pt.x, y: pt.y, w: sm.map.getContainer().clientWidth, h: sm.map.getContainer().clientHeight };
        }, ll);
        expect(p.x).toBeGreaterThan(0);
        expect(p.x).toBeLessThan(p.w);
        expect(p.y).toBeGreaterThan(0);
        expect(p.y).toBeLessThan(p.h);
      }
      await close();
    });
  }

  it('shows what a feature is, its status and sources when clicked', async () => {
    const { page, close } = await app.open('?event=first-impact');
    await page.evaluate(async () => {
      const sm = await (window as any).flightmap.mapReady;
      sm.map.jumpTo({ center: [45.64, 43.47], zoom: 9 });
      await new Promise((r) => sm.map.once('idle', r));
    });
    const q = await project(page, [45.6142, 43.5377]);
    await page.mouse.click(q.x, q.y);
    const popup = page.locator('.maplibregl-popup .feature-info');
    await popup.waitFor({ timeout: 5000 });
    const text = await popup.innerText();
    expect(text).toContain('18 km NNW');
    expect(text).toContain('Claim');
    expect(text).toContain('VChK-OGPU');
    expect(await popup.locator('a[href^="https://"]').count()).toBeGreaterThan(0);
    await close();
  });
});

describe('names on the map', () => {
  type R = { text: string; x: number; y: number; w: number; h: number };
  const visibleLabels = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#map .map-label')]
        .filter((e) => getComputedStyle(e).visibility !== 'hidden')
        .map((e) => {
          const r = e.getBoundingClientRect();
          return { text: e.textContent!, x: r.x, y: r.y, w: r.width, h: r.height };
        }),
    ) as Promise<R[]>;
  const check = async (page: Page) => {
    const labels = await visibleLabels(page);
    const m = (await page.locator('#map').boundingBox())!;
    for (const l of labels) {
      expect(l.x, l.text).toBeGreaterThanOrEqual(m.x - 0.5); // whole, inside the map
      expect(l.x + l.w, l.text).toBeLessThanOrEqual(m.x + m.width + 0.5);
      expect(l.y, l.text).toBeGreaterThanOrEqual(m.y - 0.5);
      expect(l.y + l.h, l.text).toBeLessThanOrEqual(m.y + m.height + 0.5);
    }
    const apart = (a: Omit<R, 'text'>, b: Omit<R, 'text'>) => a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
    for (const a of labels) for (const b of labels) if (a !== b) expect(apart(a, b), `${a.text} / ${b.text}`).toBe(true);
    // … and none under what covers the map: its controls (zoom, scale bars, attribution) and the legend
    const covers = await page.evaluate(() =>
      [...document.querySelectorAll('#map .maplibregl-ctrl, [data-map-obstacle]')].map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    expect(covers.length).toBeGreaterThan(3);
    for (const l of labels) for (const c of covers) expect(apart(l, c), `${l.text} under a control or the legend`).toBe(true);
    return labels;
  };

  it('names the airports, the crash site, the sea and the countries as text, whole, apart, clear of the controls and legend, beside their points as the map moves', async () => {
    for (const [q, viewport] of [
      ['', { width: 1440, height: 900 }],
      ['', { width: 360, height: 640 }],
      ['?embed', { width: 320, height: 480 }],
    ] as const) {
      const { page, close } = await app.open(q, viewport);
      const texts = (await check(page)).map((l) => l.text);
      expect(texts).toEqual(expect.arrayContaining(['Baku GYD', 'Grozny GRV', 'Aktau SCO', 'Crash site', 'Caspian Sea']));
      // Zoomed in on Grozny: the label follows its airport, and the claims' labels appear (from zoom 8.5).
      await page.evaluate(async () => {
        const sm = await (window as any).flightmap.mapReady;
        sm.map.jumpTo({ center: [45.64, 43.42], zoom: 9.5 });
      });
      const after = await check(page);
      const grv = after.find((l) => l.text === 'Grozny GRV')!;
      const p = await project(page, [45.69968, 43.3882]);
      const dx = Math.max(grv.x - p.x, 0, p.x - (grv.x + grv.w)),
        dy = Math.max(grv.y - p.y, 0, p.y - (grv.y + grv.h));
      expect(Math.hypot(dx, dy)).toBeLessThan(16); // beside the airport (0.7 em away), on whichever side fits
      expect(after.some((l) => /\(claim, first published/.test(l.text))).toBe(true);
      await close();
    }
  });

  it('shows the crash site’s sources from its mark, by pointer or keyboard', async () => {
    const { page, close } = await app.open('');
    const popup = page.locator('.maplibregl-popup .feature-info');
    await page.locator('.crash-mark').click();
    await popup.waitFor({ timeout: 5000 });
    expect(await popup.innerText()).toContain('Crash site');
    await page.locator('.maplibregl-popup-close-button').click();
    await popup.waitFor({ state: 'detached', timeout: 5000 });
    await page.locator('.crash-mark').focus();
    await page.keyboard.press('Enter');
    await popup.waitFor({ timeout: 5000 });
    expect(await popup.innerText()).toContain('Crash site');
    await close();
  });

  it('keeps a feature’s popup inside the map, above its controls, on a phone too; Escape closes it and gives the focus back', async () => {
    const phone = { hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
    for (const [viewport, extra] of [
      [{ width: 1440, height: 900 }, {}],
      [{ width: 390, height: 844 }, phone],
    ] as const) {
      const { page, close } = await app.open('?event=crash', viewport, extra);
      await page.locator('.crash-mark').focus();
      await page.keyboard.press('Enter');
      await page.locator('.maplibregl-popup .feature-info').waitFor({ timeout: 5000 });
      const r = await page.evaluate(() => {
        const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
        const m = box('#map'),
          p = box('.maplibregl-popup'),
          x = box('.maplibregl-popup-close-button');
        const onTop = (el: string, b: DOMRect) => !!document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)?.closest(el);
        const body = document.querySelector('.maplibregl-popup .feature-info')!;
        const link = body.querySelector('a')!;
        link.scrollIntoView({ block: 'nearest' }); // a source link scrolled to, inside the popup's body: readable there
        return {
          inside: [p.left - m.left, p.top - m.top, m.right - p.right, m.bottom - p.bottom].map((d) => Math.round(d)),
          closeOnTop: onTop('.maplibregl-popup-close-button', x),
          linkOnTop: onTop('.maplibregl-popup', link.getBoundingClientRect()),
          focused: document.activeElement === body,
          role: document.querySelector('.maplibregl-popup')!.getAttribute('role'),
          name: document.querySelector('.maplibregl-popup')!.getAttribute('aria-label'),
        };
      });
      expect(Math.min(...r.inside), `the popup's distance in from the map's edges at ${viewport.width} px: ${r.inside}`).toBeGreaterThanOrEqual(-1);
      expect(r).toMatchObject({ closeOnTop: true, linkOnTop: true, focused: true, role: 'dialog', name: 'Crash site' });
      await page.keyboard.press('Escape');
      await page.locator('.maplibregl-popup').waitFor({ state: 'detached', timeout: 5000 });
      expect(await page.evaluate(() => document.activeElement?.classList.contains('crash-mark'))).toBe(true);
      await close();
    }
  });

  // At the route's scale the crash site is a few pixels from Aktau's airport: the mark's halo hid the ring but for a
  // sliver, ") Aktau SCO". The ring is drawn between the ✕'s halo and its strokes, as the exports and the poster do.
  it('draws Aktau’s ring over the crash mark’s halo, under its strokes, where the mark covers it (and only there)', async () => {
    const rings = async (q: string, viewport: { width: number; height: number }) => {
      const { page, close } = await app.open(q, viewport);
      const v = await page.evaluate(() => {
        const svg = document.querySelector('.crash-mark svg')!;
        const kids = [...svg.children].map((e) => (e.classList.contains('crash-rings') ? `rings:${e.childElementCount}` : e.tagName));
        return kids;
      });
      await close();
      return v;
    };
    expect(await rings('?event=kazakh-preliminary-report&lang=az', { width: 390, height: 844 })).toEqual(['path', 'rings:1', 'path']);
    expect(await rings('?event=crash', { width: 1440, height: 900 })).toEqual(['path', 'rings:0', 'path']);
  });

  it('never lets the crash mark take focus out of view (that would scroll the map away)', async () => {
    const { page, close } = await app.open('?event=first-impact');
    await page.evaluate(async () => {
      const sm = await (window as any).flightmap.mapReady;
      sm.map.jumpTo({ center: [45.64, 43.47], zoom: 8 }); // Grozny: the crash site is far off to the east
    });
    const r = await page.locator('.crash-mark').evaluate((e: HTMLElement) => {
      e.focus();
      const map = document.getElementById('map')!;
      return { focused: document.activeElement === e, scroll: map.scrollLeft + map.scrollTop };
    });
    expect(r).toEqual({ focused: false, scroll: 0 });
    await close();
  });
});

describe('the aircraft at the crash', () => {
  // As the exports (export/core/moment.ts, one rule): where the aircraft has come down its icon would only cover the
  // crash site's ✕; the live map drew it there at 1440 and 360 px.
  for (const [viewport, extra] of [
    [{ width: 1440, height: 900 }, {}],
    [
      { width: 360, height: 740 },
      { isMobile: true, hasTouch: true },
    ],
  ] as const)
    it(`at ${viewport.width} px: not drawn at the crash nor at the flight's end, the ✕ is; drawn a step before`, async () => {
      const { page, close } = await app.open('?event=crash', viewport, extra);
      try {
        const drawn = () =>
          page.evaluate(async () => {
            const sm = await (window as any).flightmap.mapReady;
            const svg = document.querySelector<SVGElement>('.flight-overlay');
            return { at: sm.aircraft(), overlay: !!svg && getComputedStyle(svg).display !== 'none' };
          });
        expect(await drawn()).toEqual({ at: null, overlay: false });
        expect(await page.locator('.crash-mark').isVisible()).toBe(true);
        // The flight's end (End on the slider), and the moment before the crash, where it still flies.
        await page.evaluate(() => (window as any).flightmap.seekEvent('emergency-landing-request-reported'));
        await page.waitForFunction(async () => (await (window as any).flightmap.mapReady).aircraft() !== null, null, { timeout: 10_000, polling: 100 });
        expect((await drawn()).overlay).toBe(true);
        await page.getByRole('slider', { name: 'Time' }).focus();
        await page.keyboard.press('End');
        await page.waitForFunction(async () => (await (window as any).flightmap.mapReady).aircraft() === null, null, { timeout: 10_000, polling: 100 });
        expect(await drawn()).toEqual({ at: null, overlay: false });
      } finally {
        await close();
      }
    });
});

describe('the legend', () => {
  it('names the aircraft and “not yet flown” only while the map draws them: not in the year after, nothing ahead at the crash', async () => {
    const shown = async (page: Page) =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.legend li[data-key]')].filter((li) => !li.hidden && li.offsetHeight > 0).map((li) => li.dataset.key),
      );
    const { page, close } = await app.open('?event=first-impact');
    expect(await page.locator('.legend').getAttribute('open')).not.toBeNull(); // open at 1440 × 900
    expect(await shown(page)).toEqual(expect.arrayContaining(['ahead', 'aircraft', 'planned', 'claim']));
    await page.evaluate(() => (window as any).flightmap.seekEvent('putin-admission'));
    await page.waitForFunction(() => document.documentElement.dataset.chapter === 'aftermath');
    const after = await shown(page);
    expect(after).not.toContain('aircraft');
    expect(after).not.toContain('ahead');
    expect(after).toEqual(expect.arrayContaining(['planned', 'approximate', 'reconstructed', 'area', 'claim', 'crash']));
    await page.evaluate(() => (window as any).flightmap.seekEvent('crash'));
    await page.waitForFunction(() => document.documentElement.dataset.chapter === 'flight');
    const crash = await shown(page);
    expect(crash).not.toContain('aircraft'); // at the crash the ✕ marks where it came down, as in the exports
    expect(crash).not.toContain('ahead');
    await close();
  });
});

describe('zooming to a place', () => {
  it('frames the place clear of the open legend', async () => {
    const { page, close } = await app.open('?event=first-impact');
    await page.getByRole('button', { name: /Zoom the map to: Official/ }).click();
    // the west edge of the 20 km ring around Grozny airport (45.69968, 43.3882)
    const west: [number, number] = [45.69968 - 20 / (111.32 * Math.cos((43.3882 * Math.PI) / 180)), 43.3882];
    const legend = (await page.locator('.legend').boundingBox())!;
    await page.evaluate(async () => {
      const sm = await (window as any).flightmap.mapReady;
      if (sm.map.isMoving()) await new Promise((r) => sm.map.once('moveend', r)); // the flight to it
    });
    expect((await project(page, west)).x).toBeGreaterThan(legend.x + legend.width);
    await close();
  });

  it('flies from an event to its place, and back to the whole route', async () => {
    const { page, close } = await app.open('?event=divert-aktau');
    const zoom = () => page.evaluate(async () => (await (window as any).flightmap.mapReady).map.getZoom() as number);
    const z0 = await zoom();
    // the crash event names the crash site
    await page.evaluate(() => (window as any).flightmap.seekEvent('crash'));
    await page.getByRole('button', { name: /Zoom the map to: Crash site/ }).click();
    await expect.poll(zoom, { timeout: 5000 }).toBeGreaterThan(z0 + 2);
    expect(await page.locator('.maplibregl-popup .feature-info').innerText()).toContain('Crash site');
    await page.getByRole('button', { name: 'Show the whole route' }).click();
    await expect.poll(zoom, { timeout: 5000 }).toBeLessThan(z0 + 0.5);
    await close();
  });
});

describe('from a sub-path', () => {
  const sub = useApp({ prefix: '/news/graphics/j2-8243/' });
  it('loads every asset relative to the page', async () => {
    const { ready, log, close } = await sub.open('');
    expect(ready).toBe('map');
    expect(log.requests.filter((u) => u.includes('/news/graphics/j2-8243/')).length).toBeGreaterThan(5);
    expect(log.consoleErrors).toEqual([]);
    await close();
  });
});
