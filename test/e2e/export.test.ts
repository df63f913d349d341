/**
 * The PNG export: the command line (sizes, content, determinism, errors) and the in-app dialog, in real
 * headless Chromium against the built app (E2E_OUT_DIR, built once by global-setup).
 */
import type { ExportMeta } from '../../src/export/png/run';
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { DIST, openExportDialog, useApp } from '../support/app';
import { openPage, waitReady } from '../../scripts/lib/chrome.ts';
import { colourCount, colourDistance, decode, hexToRgb, nearestColour, pixel, type RGB } from '../support/pixels';
import { projectOnMap } from '../../src/export/core/camera';
import type { TextBlock } from '../../src/export/core/layout';
import { DARK_THEME, LIGHT_THEME, type ExportTheme } from '../../src/export/core/theme';
import { buildTrack, positionAt } from '../../src/track/interpolate';
import { TrackFile } from '../../src/story/schema';

const OUT = mkdtempSync(join(tmpdir(), 'export-e2e-'));
const DIST_DIR = resolve(DIST);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}
/** Runs the export command as a user would (node + tsx), against the test build. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const t0 = performance.now();
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/export.ts', ...args],
      { env: { ...process.env, ...env }, timeout: 120_000, maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? 1) : 0;
        done({ code: typeof code === 'number' ? code : 1, stdout, stderr, ms: performance.now() - t0 });
      },
    );
  });
}

/** What `--meta` writes: the command's own record of the render (src/export/png/run.ts). */
type Meta = Pick<ExportMeta, 'width' | 'height' | 'ratio' | 'camera' | 'tiles' | 'tileCanvas' | 'maxTile' | 'layout'>;

async function exportTo(name: string, args: string[]): Promise<{ png: PNG; buf: Buffer; meta: Meta; run: Run; file: string }> {
  const file = join(OUT, `${name}.png`);
  const metaFile = join(OUT, `${name}.json`);
  const run = await cli(['--out', file, '--meta', metaFile, '--dist', DIST_DIR, ...args]);
  expect(run.stderr, run.stderr).toBe('');
  expect(run.code).toBe(0);
  const buf = readFileSync(file);
  return { png: decode(buf), buf, meta: JSON.parse(readFileSync(metaFile, 'utf8')) as Meta, run, file };
}

/** A PNG file's pHYs chunk (pixels per unit, unit 1 = the metre), or null when it has none. */
function pngPhys(buf: Buffer): { x: number; y: number; unit: number } | null {
  for (let at = 8; at + 8 <= buf.length; ) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (type === 'pHYs') return { x: buf.readUInt32BE(at + 8), y: buf.readUInt32BE(at + 12), unit: buf[at + 16]! };
    if (type === 'IDAT') return null;
    at += 12 + len;
  }
  return null;
}

/** A place's pixel on the exported picture. */
function at(meta: Meta, ll: [number, number]): { x: number; y: number } {
  const { map } = meta.layout;
  const p = projectOnMap(ll, meta.camera, map.w, map.h, meta.ratio);
  return { x: Math.round(map.x + p.x), y: Math.round(map.y + p.y) };
}

/** Pixels of a text block's box that are (nearly) the given colour: text is drawn there. */
function inkIn(png: PNG, t: TextBlock, colour: string, widthPx: number): number {
  const target = hexToRgb(colour);
  let n = 0;
  const y0 = Math.round(t.y - t.size),
    y1 = Math.round(t.y + (t.lines.length - 1) * t.lineHeight + t.size * 0.3);
  for (let y = Math.max(0, y0); y < Math.min(png.height, y1); y++)
    for (let x = Math.max(0, t.x); x < Math.min(png.width, t.x + widthPx); x++) if (colourDistance(pixel(png, x, y), target) < 60) n++;
  return n;
}

function checkText(png: PNG, meta: Meta, theme: ExportTheme) {
  const L = meta.layout;
  const u = meta.ratio;
  // The title: bold, so plenty of text-coloured pixels; the same band below it on the right is empty.
  expect(inkIn(png, L.title, theme.text, 600 * u)).toBeGreaterThan(1500 * u * u);
  expect(inkIn(png, L.subtitle, theme.muted, 400 * u)).toBeGreaterThan(300 * u * u);
  expect(inkIn(png, L.note, theme.text, 400 * u)).toBeGreaterThan(300 * u * u);
  expect(inkIn(png, L.credit, theme.muted, 400 * u)).toBeGreaterThan(300 * u * u);
  // A region that has no text (the header's right end, past the title) has none.
  const empty: TextBlock = { ...L.title, x: L.width - 40 * u, lines: [''] };
  expect(inkIn(png, empty, theme.text, 30 * u)).toBe(0);
  if (L.legend) {
    for (const item of L.legend.items.slice(0, 3)) expect(inkIn(png, item.label, theme.text, 150 * u)).toBeGreaterThan(100 * u * u);
    expect(inkIn(png, L.legend.title, theme.text, 60 * u)).toBeGreaterThan(50 * u * u);
  }
}

const legs = TrackFile.parse(JSON.parse(readFileSync('geo/track.geojson', 'utf8'))).features;
const track = buildTrack(legs);
const CRASH: [number, number] = [51.01, 43.8825];
const STRIKE_CENTRE: [number, number] = [45.64, 43.47];
const ROUTE_MID: [number, number] = [48.85, 41.64]; // on the flown coastal leg, over the planned route
const CASPIAN_LEG: [number, number] = [48.5, 43.66]; // on the reconstructed (dotted) leg across the sea
const areaBlend = (theme: ExportTheme): RGB => {
  const land = hexToRgb(theme.palette.land),
    area = hexToRgb(theme.palette.area);
  return land.map((v, i) => Math.round(v * 0.72 + area[i]! * 0.28)) as RGB;
};

describe('npm run export', () => {
  it('writes 1:1 at 1×, at a moment: exact size, many colours, the story where it belongs, and the words', async () => {
    const { png, meta, run } = await exportTo('square', ['--preset', '1x1', '--event', 'divert-aktau']);
    expect([png.width, png.height]).toEqual([1080, 1080]);
    expect(run.stdout).toMatch(/^Wrote .*square\.png: 1080 × 1080 px, [\d.]+ kB \([\d.]+ s\)\n$/);
    expect(colourCount(png)).toBeGreaterThan(60);
    const c = LIGHT_THEME.palette;
    const route = at(meta, ROUTE_MID);
    expect(nearestColour(png, route.x, route.y, hexToRgb(c.track))).toBeLessThan(40);
    // The aircraft (dark, with a white outline) at its estimated position at 05:42:40.
    const plane = at(meta, positionAt(track, Date.parse('2024-12-25T05:42:40Z')).lonLat);
    expect(nearestColour(png, plane.x, plane.y, hexToRgb(c.aircraft), 4)).toBeLessThan(40);
    const strike = at(meta, STRIKE_CENTRE);
    expect(nearestColour(png, strike.x + 12, strike.y + 12, areaBlend(LIGHT_THEME), 4)).toBeLessThan(20);
    // Not yet flown at that moment: the sea leg ahead of the aircraft is not drawn in the full track colour.
    const ahead = at(meta, CASPIAN_LEG);
    expect(nearestColour(png, ahead.x, ahead.y, hexToRgb(c.track), 3)).toBeGreaterThan(60);
    expect(meta.layout.legend?.placement).toBe('below');
    checkText(png, meta, LIGHT_THEME);
  });

  it('writes 16:9 at 2×, the whole route, pixel for pixel the same twice', async () => {
    const a = await exportTo('hd2', ['--preset', '16x9', '--scale', '2']);
    expect([a.png.width, a.png.height]).toEqual([3840, 2160]);
    // Headless Chromium draws with SwiftShader, where 2048-pixel tiles are faster than one canvas.
    expect(a.meta.maxTile).toBe(2048);
    expect(a.meta.tiles).toBe(3);
    const c = LIGHT_THEME.palette;
    const u = a.meta.ratio;
    for (const ll of [ROUTE_MID, CASPIAN_LEG]) {
      const p = at(a.meta, ll);
      expect(nearestColour(a.png, p.x, p.y, hexToRgb(c.track), 4 * u), String(ll)).toBeLessThan(40);
    }
    const crash = at(a.meta, CRASH);
    expect(nearestColour(a.png, crash.x, crash.y, hexToRgb(c.crash), 3 * u)).toBeLessThan(60);
    expect(nearestColour(a.png, crash.x, crash.y, hexToRgb(c.track), 8 * u)).toBeLessThan(40);
    const strike = at(a.meta, STRIKE_CENTRE);
    expect(nearestColour(a.png, strike.x + 12 * u, strike.y + 12 * u, areaBlend(LIGHT_THEME), 4 * u)).toBeLessThan(20);
    expect(a.meta.layout.legend?.placement).toBe('overlay');
    checkText(a.png, a.meta, LIGHT_THEME);
    // Deterministic: the same arguments give the same bytes.
    const b = await exportTo('hd2-again', ['--preset', '16x9', '--scale', '2']);
    const sha = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');
    expect(sha(b.buf)).toBe(sha(a.buf));
  }, 120_000);

  it('draws a map wider than the largest canvas in tiles, at the full size asked (dark, no legend)', async () => {
    const { png, meta } = await exportTo('wide', ['--width', '4400', '--height', '1000', '--dark', '--no-legend', '--event', 'crash']);
    expect([png.width, png.height]).toEqual([4400, 1000]);
    expect(meta.tiles).toBeGreaterThanOrEqual(2);
    expect(meta.tileCanvas[0]).toBeLessThanOrEqual(4096);
    expect(meta.layout.legend).toBeNull();
    const c = DARK_THEME.palette;
    for (const ll of [ROUTE_MID, CASPIAN_LEG, [49.45, 41.05] as [number, number]]) {
      const p = at(meta, ll);
      expect(nearestColour(png, p.x, p.y, hexToRgb(c.track), 4), String(ll)).toBeLessThan(40);
    }
    // (That the tiles line up to the pixel is checked against a whole render below, in the page.)
    expect(colourCount(png)).toBeGreaterThan(40);
    checkText(png, meta, DARK_THEME);
  });

  it('says a print size’s resolution in the file (pHYs), so it opens at its size on paper; a screen size says none', async () => {
    // 100 × 70 mm at 300 dpi: 1181 × 827 px, and 11811 pixels per metre (without it, 72 dpi: 417 × 292 mm).
    const print = await exportTo('print-mm', ['--mm', '100x70', '--event', 'first-impact']);
    expect([print.png.width, print.png.height]).toEqual([1181, 827]);
    expect(pngPhys(print.buf)).toEqual({ x: 11811, y: 11811, unit: 1 });
    expect((print.png.width / 11811) * 1000).toBeCloseTo(100, 0);
    const screen = await exportTo('screen-phys', ['--width', '1000', '--height', '700', '--event', 'first-impact']);
    expect(pngPhys(screen.buf)).toBeNull();
  });

  it('refuses bad arguments with one line and exit code 2, before starting a browser', async () => {
    const cases: [string[], RegExp][] = [
      [['--preset', '3x2'], /^export: Unknown preset “3x2”: use 16x9, 1x1, 4x5, a4, a3, letter\.\n$/],
      [['--scale', '9'], /^export: --scale must be 1, 2, 3 or 4 \(got “9”\)\.\n$/],
      [['--t', 'garbage'], /^export: --t “garbage” is not a UTC time/],
      [['--event', 'nope'], /^export: There is no event called “nope” in this story\.\n$/],
      [['--preset', 'a4', '--scale', '4'], /^export: 14032 × 9920 px is too large/],
      [['--frobnicate'], /^export: Unknown option “--frobnicate”; see --help\.\n$/],
    ];
    const runs = await Promise.all(cases.map(([args]) => cli(['--out', join(OUT, 'bad.png'), ...args])));
    runs.forEach((r, i) => {
      expect(r.code, cases[i]![0].join(' ')).toBe(2);
      expect(r.stderr).toMatch(cases[i]![1]);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    });
  });

  it('says how to install a browser when there is none (exit code 3)', async () => {
    const r = await cli(['--out', join(OUT, 'x.png'), '--dist', DIST_DIR], { CHROME_PATH: '/nonexistent' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^export: No browser at CHROME_PATH=\/nonexistent: install Chromium \(Debian\/Ubuntu: sudo apt-get install chromium.*\n$/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the Export dialog (PNG)', () => {
  const app = useApp();

  it('exports the chosen size off-screen and downloads it', async () => {
    const { page, log, close } = await app.open('?event=first-impact', { width: 1280, height: 800 }, { acceptDownloads: true });
    const dialog = await openExportDialog(page);
    await dialog.getByLabel('1:1').check();
    await dialog.getByLabel('2×').check();
    await dialog.getByLabel('Dark').check();
    expect(await dialog.locator('#export-summary').textContent()).toBe('2160 × 2160 px · j2-8243_2024-12-25T051331Z_1x1@2x_dark.png');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Export PNG' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toBe('j2-8243_2024-12-25T051331Z_1x1@2x_dark.png');
    const png = decode(readFileSync(await d.path()));
    // The picture's size, not the window's: it was drawn off-screen.
    expect([png.width, png.height]).toEqual([2160, 2160]);
    expect(colourCount(png)).toBeGreaterThan(40);
    await page.waitForFunction(() => /^Saved /.test(document.querySelector('.export-status')?.textContent ?? ''));
    expect(await dialog.locator('.export-status').textContent()).toMatch(/^Saved j2-8243_.*\(2160 × 2160 px, [\d.]+ (kB|MB)\)\.$/);
    // Escape closes it, and focus returns to the button.
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('export-button');
    expect(log.errors).toEqual([]);
    await close();
  });

  it('names a claim’s moment in the Export and Embed dialogs with one pair of brackets, the claim’s own', async () => {
    const { page, close } = await app.open('?event=bird-strike-call', { width: 1280, height: 800 });
    for (const [button, dialog, label] of [
      ['export-button', 'export-dialog', '.export-hint'],
      ['embed-button', 'embed-dialog', 'label[for="embed-opt-start"] span'],
    ] as const) {
      await page.click(`#${button}`);
      await page.waitForSelector(`#${dialog}[open]`);
      const text = (await page.locator(`#${dialog} ${label}`).filter({ hasText: 'UTC' }).first().textContent()) ?? '';
      // Was "(05:…:… UTC, … (claim, unverified))": the moment's line in brackets, ending in the claim's own.
      expect(text, dialog).toMatch(/^— \d\d:\d\d:\d\d UTC, .+ \(claim, unverified\)$/);
      await page.keyboard.press('Escape');
    }
    await close();
  });

  it('downloads a print size with its 300 dpi written in the file', async () => {
    const { page, log, close } = await app.open('?event=crash', { width: 1280, height: 800 }, { acceptDownloads: true });
    const dialog = await openExportDialog(page);
    await dialog.getByLabel('A4, 300 dpi').check();
    expect(await dialog.locator('#export-summary').textContent()).toBe('3508 × 2480 px · j2-8243_2024-12-25T0628Z_a4@1x.png');
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await dialog.getByRole('button', { name: 'Export PNG' }).click();
    const d = await download;
    const buf = readFileSync(await d.path());
    // 3508 px at 11811 px a metre: 297 mm, A4's width (a file without it opens at 72 dpi, 1237 mm wide).
    expect(pngPhys(buf)).toEqual({ x: 11811, y: 11811, unit: 1 });
    expect([decode(buf).width, decode(buf).height]).toEqual([3508, 2480]);
    expect(log.errors).toEqual([]);
    await close();
  }, 120_000);

  it('draws the same picture whole or in tiles (labels included)', async () => {
    const { page, close } = await app.open('');
    // 16:9 at 2×, whole (one 3840-pixel canvas) and in 2048-pixel tiles: the seams fall near Makhachkala,
    // whose label once landed on the other side of its airport in the tiled picture.
    const shots = await page.evaluate(async () => {
      const fm = (window as any).flightmap;
      const whole = await fm.exportPng({ preset: '16x9', scale: 2, maxTile: 4096 });
      const tiled = await fm.exportPng({ preset: '16x9', scale: 2, maxTile: 2048 });
      return [whole, tiled].map((r: any) => ({ dataUrl: r.dataUrl as string, tiles: r.meta.tiles as number }));
    });
    expect(shots[0]!.tiles).toBe(1);
    expect(shots[1]!.tiles).toBe(3);
    const [a, b] = shots.map((s) => decode(Buffer.from(s.dataUrl.split(',')[1]!, 'base64')));
    const diff = pixelmatch(a!.data, b!.data, undefined, a!.width, a!.height, { threshold: 0.1 });
    expect(diff).toBeLessThan(100);
    await close();
  }, 90_000);

  it('refuses a request it cannot make, saying why', async () => {
    const { page, close } = await app.open('');
    const err = await page.evaluate(() =>
      (window as any).flightmap.exportPng({ preset: 'a4', scale: 4 }).then(
        () => 'made',
        (e: Error) => e.message,
      ),
    );
    expect(err).toMatch(/^14032 × 9920 px is too large to render/);
    await close();
  });
});

describe('the map’s names and what is drawn over it (PNG)', () => {
  // The same request drawn without the context names (countries, seas, republics, cities: `contextNames: false`,
  // placed as usual, not drawn; tests only): what the map looks like under the legend and the scale bars with no
  // name there. A picture that drew a name under them differs from it there. (The countries' names are the scene's,
  // at their candidate points, not the basemap's: a basemap without names would still have them.)
  const app = useApp();

  async function exportFrom(url: string, request: object): Promise<{ png: PNG; meta: ExportMeta }> {
    const { page, close } = await openPage(app.browser);
    try {
      await page.goto(url);
      await waitReady(page);
      const r = await page.evaluate(async (req) => {
        const out = await (window as any).flightmap.exportPng(req);
        return { dataUrl: out.dataUrl as string, meta: out.meta };
      }, request);
      return { png: decode(Buffer.from(r.dataUrl.split(',')[1]!, 'base64')), meta: r.meta as ExportMeta };
    } finally {
      await close();
    }
  }

  /** Pixels of the region (grown by `grow`) that differ between the two pictures. */
  function differing(a: PNG, b: PNG, r: { x: number; y: number; w: number; h: number }, grow = 0): number {
    let n = 0;
    for (let y = Math.max(0, r.y - grow); y < Math.min(a.height, r.y + r.h + grow); y++)
      for (let x = Math.max(0, r.x - grow); x < Math.min(a.width, r.x + r.w + grow); x++) if (colourDistance(pixel(a, x, y), pixel(b, x, y)) > 6) n++;
    return n;
  }

  const CASES = [
    // GEORGIA's first point lies under the legend here (it is named at another).
    { lang: 'en', request: { width: 1600, height: 900, moment: { event: 'first-impact' } } },
    { lang: 'kk', request: { preset: '1x1', moment: 'route' } },
  ];
  for (const { lang, request } of CASES)
    it(`${lang} ${JSON.stringify(request)}: no basemap name under the legend or the scale bars`, async () => {
      const a = await exportFrom(`${app.server.url}?lang=${lang}`, request);
      const b = await exportFrom(`${app.server.url}?lang=${lang}`, { ...request, contextNames: false });
      const L = a.meta.layout;
      // The names are drawn elsewhere on the map: the pictures differ there (the test can see a name).
      expect(differing(a.png, b.png, L.map)).toBeGreaterThan(200);
      const boxes = [...(L.legend?.placement === 'overlay' ? [['legend', L.legend.box] as const] : []), ['scale bars', L.scale.box] as const];
      for (const [what, box] of boxes) expect(differing(a.png, b.png, box, Math.round(2 * a.meta.ratio)), `${what} ${JSON.stringify(box)}`).toBe(0);
    }, 120_000);
});

describe('the airports’ and crash site’s names where the pure layout put them (PNG)', () => {
  // The same request drawn with those names and without them (placeNames: false: placed as usual, not drawn). Every
  // pixel that differs lies inside a name's planned box (core/map-names.ts, in meta.mapNames.story) grown by its halo;
  // and each planned box holds the name's ink. A name drawn at another anchor than planned (MapLibre's variable
  // anchors) would differ outside its box.
  const app = useApp();
  const CASES = [
    { lang: 'en', request: { preset: '16x9', moment: { event: 'crash' } } },
    { lang: 'kk', request: { preset: '1x1', moment: { event: 'first-impact' } } },
    { lang: 'en', request: { preset: '4x5', moment: { event: 'divert-aktau' } } },
    // Here "Grozny GRV" goes below its point (its first anchors meet the aircraft and the legend).
    { lang: 'en', request: { width: 1000, height: 700, moment: { event: 'first-impact' } } },
  ];
  for (const { lang, request } of CASES)
    it(`${lang} ${JSON.stringify(request)}: the names differ only inside their planned boxes`, async () => {
      const { page, close } = await app.open(`?lang=${lang}`);
      const shots = await page.evaluate(async (req) => {
        const fm = (window as any).flightmap;
        const out = [];
        for (const placeNames of [true, false]) {
          const r = await fm.exportPng({ ...req, placeNames });
          out.push({ dataUrl: r.dataUrl as string, meta: r.meta });
        }
        return out;
      }, request);
      await close();
      const [a, b] = shots.map((s) => decode(Buffer.from(s.dataUrl.split(',')[1]!, 'base64')));
      const meta = shots[0]!.meta as ExportMeta;
      const { map } = meta.layout;
      const u = meta.ratio;
      const story = meta.mapNames.story;
      expect(story.map((n) => n.id)).toContain('place:crash-site');
      if ('width' in request) expect(story.map((n) => `${n.id}:${n.anchor}`)).toContain('place:grv:top');
      // The halo (1.6 px), the glyphs' antialiased edges and the box's measure (the canvas's, not MapLibre's glyph
      // advances: up to a pixel off): 4 px. A name at another anchor lands tens of pixels away.
      const halo = 4 * u;
      const boxes = story.map((n) => ({ id: n.id, x: map.x + n.x - halo, y: map.y + n.y - halo, w: n.width + 2 * halo, h: n.height + 2 * halo, ink: 0 }));
      let outside = 0;
      const stray: string[] = [];
      for (let y = 0; y < a!.height; y++)
        for (let x = 0; x < a!.width; x++) {
          if (colourDistance(pixel(a!, x, y), pixel(b!, x, y)) <= 6) continue;
          const box = boxes.find((r) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h);
          if (box) box.ink++;
          else if (outside++ < 5) stray.push(`${x},${y}`);
        }
      expect(outside, `pixels differing outside the planned boxes, e.g. ${stray.join(' ')}`).toBe(0);
      for (const r of boxes) expect(r.ink, `${r.id}'s ink inside its box`).toBeGreaterThan(0.15 * r.w * r.h);
    }, 120_000);
});
