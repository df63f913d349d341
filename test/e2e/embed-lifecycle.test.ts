/**
 * The embed's map lifecycle in real Chromium (src/embed/lifecycle.ts, lazy-map.ts): a host page on another
 * origin. Poster first, the map when in view, at most three live maps among ten embeds while a reader scrolls,
 * released embeds back at their moment and camera, a lost WebGL context, and `loop`.
 * WebGL contexts are counted in every frame by wrapping getContext (init script): made, and lost (MapLibre's
 * remove() loses its context on purpose; the browser's eviction does too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { useApp } from '../support/app';
import { hostPage } from '../support/host-page';
import { EN_IFRAME_TITLE } from '../support/content';
import { serveDir, type StaticServer } from '../../scripts/lib/static-server.ts';
import { DEFAULT_EMBED, embedSnippet } from '../../src/embed/snippet';

const app = useApp();
const pages = new Map<string, string>();
let host: StaticServer;
beforeAll(async () => {
  host = await serveDir('examples', {
    routes: {
      '/page': (req: IncomingMessage, res: ServerResponse) => {
        const html = pages.get(new URL(req.url ?? '/', 'http://x').searchParams.get('id') ?? '');
        if (html) res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
        else res.writeHead(404).end();
      },
    },
  });
});
afterAll(async () => host?.close());

/** Counts WebGL contexts in this frame: live now, most at once, made; and when each came and went. */
const GL_PROBE = () => {
  const w = window as unknown as { __gl: { live: number; max: number; made: number; events: [number, number][] } };
  w.__gl = { live: 0, max: 0, made: 0, events: [] };
  const orig = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement & { __gl?: boolean }, type: string, ...rest: unknown[]) {
    const c = (orig as (...a: unknown[]) => unknown).call(this, type, ...rest);
    if (c && /webgl/.test(type) && !this.__gl) {
      this.__gl = true;
      w.__gl.live++;
      w.__gl.made++;
      w.__gl.max = Math.max(w.__gl.max, w.__gl.live);
      w.__gl.events.push([performance.timeOrigin + performance.now(), 1]);
      this.addEventListener('webglcontextlost', () => {
        w.__gl.live--;
        w.__gl.events.push([performance.timeOrigin + performance.now(), -1]);
      });
    }
    return c;
  } as typeof orig;
};

interface Host {
  page: Page;
  context: BrowserContext;
  console: string[];
  errors: string[];
  frame(id: string): Promise<Frame>;
  close(): Promise<void>;
}

let n = 0;
async function openHost(html: string, viewport = { width: 1040, height: 900 }): Promise<Host> {
  const id = `l${++n}`;
  pages.set(id, html);
  const context = await app.browser.newContext({ viewport });
  await context.addInitScript(GL_PROBE);
  const page = await context.newPage();
  const consoleMsgs: string[] = [],
    errors: string[] = [];
  page.on('console', (m) => consoleMsgs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${host.origin}/page?id=${id}`);
  return {
    page,
    context,
    console: consoleMsgs,
    errors,
    async frame(childId) {
      for (let i = 0; i < 300; i++) {
        const f = page.frames().find((f) => f.url().startsWith(app.server.origin) && f.url().includes(`childId=${childId}`));
        if (f) return f;
        await page.waitForTimeout(100);
      }
      throw new Error(`no embed ${childId}`);
    },
    close: () => context.close(),
  };
}

const snippet = (id: string, event?: string, extra: Partial<typeof DEFAULT_EMBED> = {}) =>
  embedSnippet({ url: app.server.url, ...DEFAULT_EMBED, title: EN_IFRAME_TITLE, ...extra, event, id });
const life = (f: Frame) => f.evaluate(() => document.documentElement.dataset.mapLife ?? '');
const waitLife = (f: Frame, v: string, timeout = 90_000) =>
  f.waitForFunction((v) => document.documentElement.dataset.mapLife === v, v, { timeout, polling: 50 });
const glLive = (f: Frame) => f.evaluate(() => (window as unknown as { __gl: { live: number } }).__gl.live);
const moment = (f: Frame) => f.evaluate(() => (window as unknown as { flightmap: { getMoment(): { chapter: string; t: number } } }).flightmap.getMoment());
const camera = (f: Frame) =>
  f.evaluate(() => {
    const m = (
      window as unknown as { flightmap: { mapLife: { current(): { camera(): { center: [number, number]; zoom: number } } | null } } }
    ).flightmap.mapLife.current();
    return m && m.camera();
  });
const scrollToEl = (p: Page, sel: string, block: 'start' | 'center' = 'start') =>
  p.evaluate(([s, b]) => document.querySelector(s!)!.scrollIntoView({ block: b as ScrollLogicalPosition }), [sel, block]);

describe('poster first', () => {
  it('opens with a poster of the map’s size and its event text; without the snippet’s script, makes the map only in view, with no height jump', async () => {
    // the embed starts a little below the first screen (close enough that the browser loads the lazy iframe);
    // the iframe alone, without the snippet's script: no word from the host, the embed's own observer decides
    const iframeOnly = snippet('lazy-one', 'first-impact').replace(/<script>[\s\S]*<\/script>/, '');
    expect(iframeOnly).not.toContain('<script');
    const h = await openHost(hostPage(iframeOnly, 1000, { before: '<div style="height:1200px"></div>' }));
    const f = await h.frame('lazy-one');
    await waitLife(f, 'poster');
    await f.waitForFunction(() => !!(window as unknown as { flightmap?: unknown }).flightmap, undefined, { timeout: 30_000 });
    await h.page.waitForTimeout(1500);
    const before = await f.evaluate(() => {
      const wrap = document.getElementById('map-wrap')!.getBoundingClientRect();
      const poster = document.querySelector('.map-poster') as HTMLElement;
      const img = poster.querySelector('img');
      return {
        life: document.documentElement.dataset.mapLife,
        poster: !poster.hidden && poster.getBoundingClientRect().height === wrap.height && poster.getBoundingClientRect().width === wrap.width,
        img: !!img && img.complete && img.naturalWidth > 0,
        // then a drawing of the embed's own moment, from its scene (export/vector/poster-source.ts): the aircraft at first impact
        scene: !!poster.querySelector('.scene-poster svg [data-layer="aircraft"] path'),
        canvases: document.querySelectorAll('canvas').length,
        title: document.querySelector('#panel .event-title')?.textContent,
        wrapH: wrap.height,
        body: document.body.getBoundingClientRect().height,
        posterMark: performance.getEntriesByName('flightmap:poster').length,
        maplibre: performance.getEntriesByType('resource').some((r) => /maplibre/.test(r.name)),
      };
    });
    expect(before).toMatchObject({
      life: 'poster',
      poster: true,
      img: false,
      scene: true,
      canvases: 0,
      title: 'First impact near Grozny',
      posterMark: 1,
      maplibre: false,
    });
    expect(await glLive(f)).toBe(0);

    await scrollToEl(h.page, 'iframe');
    await waitLife(f, 'live');
    const after = await f.evaluate(() => ({
      wrapH: document.getElementById('map-wrap')!.getBoundingClientRect().height,
      body: document.body.getBoundingClientRect().height,
      poster: !(document.querySelector('.map-poster') as HTMLElement).hidden,
      canvases: document.querySelectorAll('canvas.maplibregl-canvas').length,
      marks: ['flightmap:poster', 'flightmap:map'].map((n) => performance.getEntriesByName(n)[0]!.startTime),
    }));
    expect(after).toMatchObject({ wrapH: before.wrapH, body: before.body, poster: false, canvases: 1 });
    expect(after.marks[0]).toBeLessThan(after.marks[1]!);
    expect(await glLive(f)).toBe(1);
    expect(h.errors).toEqual([]);
    await h.close();
  }, 180_000);

  it('with the snippet’s script, the host says “near” and the map starts before the iframe is in view; scrolled away, “far”', async () => {
    // 1300 px down a 900 px window: within one screen of the view, not in it
    const h = await openHost(
      hostPage(snippet('near-one', 'crash'), 1000, { before: '<div style="height:1300px"></div>', after: '<div style="height:4000px"></div>' }),
    );
    const f = await h.frame('near-one');
    // The map is made (MapLibre loaded, its WebGL context, style and data) while the iframe is still out of view.
    // Chromium runs no animation frame in a cross-origin iframe out of view, so it draws once it is in view.
    await waitLife(f, 'starting');
    await f.waitForFunction(() => (window as unknown as { __gl: { live: number } }).__gl.live === 1, undefined, { timeout: 60_000, polling: 100 });
    expect(await f.evaluate(() => performance.getEntriesByType('resource').some((r) => /maplibre/.test(r.name)))).toBe(true);
    const top = await h.page.evaluate(() => [scrollY, document.querySelector('iframe')!.getBoundingClientRect().top]);
    expect(top[0]).toBe(0); // nobody scrolled
    expect(top[1]).toBeGreaterThan(900); // still below the window
    await h.page.waitForTimeout(3000); // the map's data is in and its worker has done its part
    // in view: drawn
    const t0 = Date.now();
    await scrollToEl(h.page, 'iframe');
    await waitLife(f, 'live');
    const drawMs = Date.now() - t0;
    expect(await glLive(f)).toBe(1);
    // scrolled far away: the host says far; the map is kept (it goes after 30 s out of view, or when another needs the room)
    await f.evaluate(() => addEventListener('message', (e) => ((window as unknown as { __views: unknown[] }).__views ??= []).push(e.data)));
    await h.page.evaluate(() => scrollTo(0, 6000));
    await f.waitForFunction(() => ((window as unknown as { __views?: { view?: string }[] }).__views ?? []).some((d) => d.view === 'far'), undefined, {
      timeout: 10_000,
      polling: 100,
    });
    expect(await f.evaluate(() => (window as unknown as { __views: unknown[] }).__views.at(-1))).toEqual({ type: 'flightmap:view', v: 1, view: 'far' });
    expect(await life(f)).toBe('live');
    console.log(`near: drawn ${drawMs} ms after coming into view`);
    expect(h.errors).toEqual([]);
    await h.close();
  }, 180_000);

  it('the poster is a drawing of the embed’s own moment, named by its event: the crash and the first impact differ where the aircraft is', async () => {
    const drawn: Record<string, { label: string | null; role: string | null; aircraft: string; svg: number }> = {};
    for (const event of ['first-impact', 'crash']) {
      // the iframe alone, out of view: it stays a poster
      const h = await openHost(
        hostPage(snippet(`poster-${event}`, event).replace(/<script>[\s\S]*<\/script>/, ''), 1000, { before: '<div style="height:1200px"></div>' }),
      );
      const f = await h.frame(`poster-${event}`);
      await f.waitForFunction(() => !!document.querySelector('.map-poster .scene-poster svg'), undefined, { timeout: 60_000, polling: 100 });
      drawn[event] = await f.evaluate(() => {
        const pic = document.querySelector('.map-poster .poster-picture')!;
        const svg = pic.querySelector('svg')!;
        return {
          label: pic.getAttribute('aria-label'),
          role: pic.getAttribute('role'),
          aircraft: svg.querySelector('[data-layer="aircraft"]')!.innerHTML,
          svg: svg.outerHTML.length,
        };
      });
      expect(await life(f)).toBe('poster');
      if (process.env.E2E_OUT_DIR)
        await f
          .locator('.map-poster')
          .screenshot({ path: `${process.env.E2E_OUT_DIR}/poster-${event}.png` })
          .catch(() => {});
      expect(h.errors).toEqual([]);
      await h.close();
    }
    expect(drawn['first-impact']).toMatchObject({ label: 'First impact near Grozny', role: 'img' });
    expect(drawn.crash).toMatchObject({ label: 'Crash on approach to Aktau', role: 'img' });
    expect(drawn.crash!.aircraft).toMatch(/<path d="M/);
    expect(drawn.crash!.aircraft).not.toBe(drawn['first-impact']!.aircraft);
    expect(drawn.crash!.svg).toBeLessThan(100_000);
  }, 180_000);

  it('the drawn poster is framed as the live map opens: the aircraft’s ring at the same pixels, same size, in the poster and then on the map', async () => {
    for (const event of ['first-impact', undefined]) {
      const id = `frame-${event ?? 'route'}`;
      // the iframe alone, out of view: a poster until scrolled to
      const h = await openHost(hostPage(snippet(id, event).replace(/<script>[\s\S]*<\/script>/, ''), 1000, { before: '<div style="height:1200px"></div>' }));
      const f = await h.frame(id);
      await f.waitForFunction(() => !!document.querySelector('.map-poster .scene-poster svg [data-layer="uncertainty-ring"] circle'), undefined, {
        timeout: 60_000,
        polling: 100,
      });
      expect(await life(f)).toBe('poster');
      const ring = (sel: string) =>
        f.evaluate((sel) => {
          const c = document.querySelector(sel)!;
          return ['cx', 'cy', 'r'].map((k) => Number(c.getAttribute(k)));
        }, sel);
      const poster = await ring('.map-poster .scene-poster svg [data-layer="uncertainty-ring"] circle');
      await scrollToEl(h.page, 'iframe');
      await waitLife(f, 'live');
      const map = await ring('#map .flight-overlay circle');
      console.log(`framing ${event ?? 'whole route'}: poster ring ${poster.map((v) => v.toFixed(1))}, map ring ${map.map((v) => v.toFixed(1))}`);
      // the same place at the same pixel (within 2 px), at the same scale (the ring's radius within 5 %)
      expect(Math.hypot(poster[0]! - map[0]!, poster[1]! - map[1]!)).toBeLessThan(2);
      expect(Math.abs(poster[2]! - map[2]!)).toBeLessThanOrEqual(Math.max(0.5, map[2]! * 0.05));
      expect(h.errors).toEqual([]);
      await h.close();
    }
  }, 240_000);

  // At 400 px the phone's layout (a 400 px map); at 1000 px the desktop's, the map beside the panel (696 px wide): the
  // poster once took its controls' boxes from the map's width (under 900: the phone's), so its names and camera kept
  // clear of a taller legend pill and higher scale bars than the live map's.
  for (const width of [400, 1000])
    it(`the drawn poster’s names are the live map’s at ${width} px: the same names in the same forms and lines, each within 3 px of where the map puts it`, async () => {
      // the iframe alone, out of view in a column of that width: a poster until scrolled to
      const h = await openHost(
        hostPage(snippet(`names-${width}`, 'first-impact').replace(/<script>[\s\S]*<\/script>/, ''), width, { before: '<div style="height:1200px"></div>' }),
      );
      const f = await h.frame(`names-${width}`);
      await f.waitForFunction(() => !!document.querySelector('.map-poster .scene-poster svg [data-layer="uncertainty-ring"] circle'), undefined, {
        timeout: 60_000,
        polling: 100,
      });
      expect(await life(f)).toBe('poster');
      /** Each name: its words (white space as one space), its drawn lines, and the box around its lines' text, in the map's box. */
      type Drawn = { text: string; lines: number; box: number[] };
      /** Inside the embed: each name's words, lines and the box around its lines' text, in the map's box (CSS px). */
      const drawn = (where: 'poster' | 'map') =>
        f.evaluate((where) => {
          const at = document.getElementById('map-wrap')!.getBoundingClientRect();
          const union = (rs: DOMRect[]) => {
            const x = Math.min(...rs.map((r) => r.left)),
              y = Math.min(...rs.map((r) => r.top));
            return [x - at.left, y - at.top, Math.max(...rs.map((r) => r.right)) - x, Math.max(...rs.map((r) => r.bottom)) - y];
          };
          if (where === 'poster')
            return [...document.querySelectorAll('.map-poster .scene-poster svg g[data-layer^="name-"]')].map((g) => {
              const lines = [...g.querySelectorAll('text')];
              return {
                text: lines
                  .map((t) => t.textContent)
                  .join(' ')
                  .replace(/\s+/g, ' '),
                lines: lines.length,
                box: union(lines.map((t) => t.getBoundingClientRect())),
              };
            });
          return [...document.querySelectorAll<HTMLElement>('#map .map-label')]
            .filter((e) => e.style.visibility !== 'hidden')
            .map((e) => {
              const r = document.createRange();
              r.selectNodeContents(e);
              // a box per line drawn (a pre-line break adds an empty one: left out)
              const rs = [...r.getClientRects()].filter((q) => q.width > 0.5);
              return { text: e.textContent!.replace(/\s+/g, ' '), lines: rs.length, box: union(rs) };
            });
        }, where) as Promise<Drawn[]>;
      const poster = await drawn('poster');
      const mapWidth = await f.evaluate(() => document.getElementById('map-wrap')!.clientWidth);
      if (width === 400) expect(mapWidth).toBe(400);
      else expect(mapWidth).toBeLessThan(900); // beside the panel
      await scrollToEl(h.page, 'iframe');
      await waitLife(f, 'live');
      await h.page.waitForTimeout(1500); // the names' layout once the map has settled
      const live = await drawn('map');
      const fmt = (d: Drawn) => `${d.text} (${d.lines} lines) at ${d.box.map((v) => v.toFixed(1)).join(', ')}`;
      console.log(`names at ${width} px: poster ${poster.map(fmt).join('; ')}\n  map ${live.map(fmt).join('; ')}`);
      // the same names, in the same forms: a claim's with who claims it, broken into the same lines
      expect(poster.map((d) => d.text).sort()).toEqual(live.map((d) => d.text).sort());
      expect(poster.some((d) => /\(claim/.test(d.text))).toBe(true);
      for (const p of poster) {
        const m = live.find((d) => d.text === p.text)!;
        expect(p.lines, p.text).toBe(m.lines);
        // where the map puts it: its lines' box within 3 px (left, top, width, height)
        for (let i = 0; i < 4; i++) expect(Math.abs(p.box[i]! - m.box[i]!), `${p.text}: ${fmt(p)} vs ${fmt(m)}`).toBeLessThanOrEqual(3);
      }
      expect(h.errors).toEqual([]);
      await h.close();
    }, 180_000);

  it('the full page (not embedded) makes its map at once; static makes none', async () => {
    const full = await app.open('?event=first-impact', { width: 1200, height: 800 });
    expect(full.ready).toBe('map');
    expect(await full.page.evaluate(() => [document.querySelectorAll('.map-poster').length, document.documentElement.dataset.mapLife ?? null])).toEqual([
      0,
      null,
    ]);
    await full.close();
    const stat = await app.open('?embed&static', { width: 600, height: 800 });
    expect(await stat.page.evaluate(() => [document.querySelectorAll('.map-poster').length, document.querySelectorAll('canvas').length])).toEqual([0, 0]);
    await stat.close();
  }, 120_000);
});

describe('ten embeds on one page', () => {
  it('a reader scrolling through never has more than 3 live maps; each embed in view draws its map; released ones come back at their moment and camera', async () => {
    const h = await openHost(
      await (await fetch(`${host.origin}/live-blog.html`)).text().then((html) => html.replaceAll('http://127.0.0.1:4173/', app.server.url)),
    );
    const ids = Array.from({ length: 10 }, (_, i) => `flightmap-${i + 1}`);
    const first = await h.frame(ids[0]!);
    await waitLife(first, 'live');

    // The first embed: move it to another moment and camera, to see both come back.
    await h.page.evaluate(() => document.querySelector('iframe')!.contentWindow!.postMessage({ type: 'flightmap:seek', time: '2024-12-25T05:20:00Z' }, '*'));
    await first.waitForFunction(
      () => (window as unknown as { flightmap: { getMoment(): { t: number } } }).flightmap.getMoment().t === Date.parse('2024-12-25T05:20:00Z'),
    );
    await first.evaluate(() => {
      const m = (window as unknown as { flightmap: { mapLife: { current(): { map: { jumpTo(o: unknown): void } } } } }).flightmap.mapLife.current();
      m.map.jumpTo({ center: [47.5, 43.1], zoom: 6.2 });
    });
    const cam0 = (await camera(first))!;
    const m0 = await moment(first);

    // Scroll through, one screen every ~1.5 s, counting live WebGL contexts over every frame at each step.
    const inView: Record<string, number> = {};
    const drawnAt: Record<string, number> = {};
    let most = 0;
    const count = async () => {
      let live = 0;
      for (const f of h.page.frames())
        if (f !== h.page.mainFrame()) live += await f.evaluate(() => (window as unknown as { __gl?: { live: number } }).__gl?.live ?? 0).catch(() => 0);
      most = Math.max(most, live);
    };
    /** Some of the embed's map box (not just its title line) is in the window. */
    const mapInView = async (id: string) => {
      const r = await h.page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect(), id);
      if (r.top >= 900 || r.bottom <= 0) return false;
      const m = await (await h.frame(id)).evaluate(() => document.getElementById('map-wrap')!.getBoundingClientRect());
      return r.top + m.top < 900 && r.top + m.bottom > 0;
    };
    const bottom = await h.page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    for (let y = 0; y <= bottom + 450; y += 450) {
      await h.page.evaluate((y) => scrollTo(0, y), y);
      for (const id of ids) if (!inView[id] && (await mapInView(id))) inView[id] = Date.now();
      for (let i = 0; i < 6; i++) {
        await h.page.waitForTimeout(250);
        await count();
      }
      // every embed in view draws its map
      for (const id of ids) {
        if (!inView[id] || drawnAt[id] || !(await mapInView(id))) continue;
        const f = await h.frame(id);
        await waitLife(f, 'live').catch(async (e) => {
          const states = [];
          for (const g of h.page.frames())
            if (g !== h.page.mainFrame())
              states.push(
                await g.evaluate(() => `${new URLSearchParams(location.search).get('childId')}: ${document.documentElement.dataset.mapLife}`).catch(() => 'x'),
              );
          throw new Error(`${id}: ${(e as Error).message}; embeds: ${states.join(', ')}`);
        });
        drawnAt[id] = Date.now();
        await count();
      }
    }
    expect(Object.keys(drawnAt).sort()).toEqual([...ids].sort());
    expect(most).toBeLessThanOrEqual(3);

    // The exact history: every context made and lost in every frame, merged; never more than 3 at once.
    const events: [number, number][] = [];
    for (const f of h.page.frames())
      if (f !== h.page.mainFrame()) events.push(...(await f.evaluate(() => (window as unknown as { __gl: { events: [number, number][] } }).__gl.events)));
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let live = 0,
      peak = 0;
    for (const [, d] of events) peak = Math.max(peak, (live += d));
    expect(peak).toBeLessThanOrEqual(3);
    expect(events.filter(([, d]) => d > 0).length).toBeGreaterThanOrEqual(10);
    expect(h.console.filter((m) => /Too many active WebGL contexts/i.test(m))).toEqual([]);

    // The first embed was given back, with a still of its map as the poster…
    expect(await life(first)).toBe('poster');
    expect(await first.evaluate(() => !!document.querySelector('.map-poster .map-still canvas'))).toBe(true);
    expect(await glLive(first)).toBe(0);
    // …and back in view it is drawn again at its moment and camera.
    await scrollToEl(h.page, '#flightmap-1');
    await waitLife(first, 'live').catch(async (e) => {
      const states = [];
      for (const f of h.page.frames())
        if (f !== h.page.mainFrame())
          states.push(await f.evaluate(() => `${location.search.slice(-2)}:${document.documentElement.dataset.mapLife}`).catch(() => 'x'));
      throw new Error(`${(e as Error).message}; embeds: ${states.join(' ')}`);
    });
    expect(await moment(first)).toEqual(m0);
    const cam1 = (await camera(first))!;
    expect(cam1.zoom).toBeCloseTo(cam0.zoom, 3);
    expect(cam1.center[0]).toBeCloseTo(cam0.center[0], 3);
    expect(cam1.center[1]).toBeCloseTo(cam0.center[1], 3);
    expect(
      await first.evaluate(() =>
        (window as unknown as { flightmap: { mapLife: { current(): { aircraft(): unknown } } } }).flightmap.mapLife.current().aircraft(),
      ),
    ).not.toBeNull();
    expect(h.errors).toEqual([]);
    await h.close();
  }, 480_000);
});

describe('a lost WebGL context', () => {
  it('shows the poster, and the map comes back on the next interaction and the next view, at the same moment', async () => {
    const h = await openHost(hostPage(snippet('lost', 'divert-aktau'), 1000, { after: '<div style="height:3000px"></div>' }));
    const f = await h.frame('lost');
    await waitLife(f, 'live');
    const m0 = await moment(f);
    // Lose every context the embed makes, on every frame, for 90 frames (it must not fight back meanwhile).
    const lost = await f.evaluate(
      () =>
        new Promise<number>((done) => {
          let frames = 0,
            losses = 0;
          const tick = () => {
            for (const c of document.querySelectorAll('canvas')) {
              const gl = (c as HTMLCanvasElement).getContext('webgl2') as WebGL2RenderingContext | null;
              if (gl && !gl.isContextLost()) {
                gl.getExtension('WEBGL_lose_context')?.loseContext();
                losses++;
              }
            }
            if (++frames < 90) requestAnimationFrame(tick);
            else done(losses);
          };
          requestAnimationFrame(tick);
        }),
    );
    expect(lost).toBeGreaterThanOrEqual(1);
    await waitLife(f, 'poster', 5000);
    await h.page.waitForTimeout(500);
    expect(await life(f)).toBe('poster'); // held: not made again at once
    expect(await glLive(f)).toBe(0);
    const wake = f.getByRole('button', { name: 'Show the interactive map' });
    expect(await wake.isVisible()).toBe(true);
    // an interaction brings it back
    await wake.click();
    await waitLife(f, 'live');
    expect(await moment(f)).toEqual(m0);
    // lost again; then a new view brings it back
    await f.evaluate(() =>
      ((document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement).getContext('webgl2') as WebGL2RenderingContext)
        .getExtension('WEBGL_lose_context')!
        .loseContext(),
    );
    await waitLife(f, 'poster', 5000);
    await h.page.evaluate(() => scrollTo(0, 2500));
    await h.page.waitForTimeout(400);
    expect(await life(f)).toBe('poster');
    await h.page.evaluate(() => scrollTo(0, 0));
    await waitLife(f, 'live');
    expect(await moment(f)).toEqual(m0);
    expect(h.errors).toEqual([]);
    await h.close();
  }, 120_000);
});

describe('loop', () => {
  const play = async (q: string) => {
    const { page, close } = await app.open(q, { width: 1000, height: 800 });
    await page.selectOption('.timeline .speed', '10m'); // 10 min/s
    return { page, close };
  };
  const tOf = (p: Page) => p.evaluate(() => (window as unknown as { flightmap: { getMoment(): { t: number } } }).flightmap.getMoment().t);
  const crash = Date.parse('2024-12-25T06:28:00Z');

  it('after the crash the embed dwells, then plays again from take-off; without loop it stops there', async () => {
    const a = await play('?embed&autoplay&loop&event=mayday');
    await a.page.waitForFunction((c) => (window as unknown as { flightmap: { getMoment(): { t: number } } }).flightmap.getMoment().t === c, crash, {
      timeout: 30_000,
      polling: 50,
    });
    await a.page.waitForTimeout(3000);
    expect(await tOf(a.page)).toBe(crash); // dwelling
    await a.page.waitForFunction((c) => (window as unknown as { flightmap: { getMoment(): { t: number } } }).flightmap.getMoment().t < c, crash, {
      timeout: 15_000,
      polling: 50,
    });
    const t1 = await tOf(a.page);
    await a.page.waitForTimeout(1500);
    expect(await tOf(a.page)).toBeGreaterThan(t1); // playing again
    expect(await a.page.locator('.ctl-play').getAttribute('aria-label')).toMatch(/^Pause/); // playing: the button offers to pause
    expect(await a.page.locator('.ctl-play').getAttribute('aria-pressed')).toBeNull(); // its name says it: not "Pause, pressed"
    await a.close();

    const b = await play('?embed&autoplay&event=mayday');
    await b.page.waitForFunction((c) => (window as unknown as { flightmap: { getMoment(): { t: number } } }).flightmap.getMoment().t === c, crash, {
      timeout: 30_000,
      polling: 50,
    });
    await b.page.waitForTimeout(8000);
    expect(await tOf(b.page)).toBe(crash);
    expect(await b.page.locator('.ctl-play').getAttribute('aria-label')).toMatch(/^Play/);
    await b.close();
  }, 120_000);
});
