/**
 * The story in each language, in real headless Chromium against the built app: `lang`, the title, the slider's
 * value text, a name on the map, an event and an export per locale; no fallback glyph; the pseudo-locale's longer
 * text neither clipped nor overlapping at 320, 360 and 1440 px.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { DIST, useApp } from '../support/app';
import { exportCli } from '../support/export-cli';
import { openPage, waitReady } from '../../scripts/lib/chrome';

const app = useApp();
type Cat = {
  messages: Record<string, string>;
  story?: { events?: Record<string, { title?: string; text?: string }>; features?: Record<string, { name?: string }> };
};
const cat = (l: string) => JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as Cat;
const en = cat('en');
const events = JSON.parse(readFileSync('geo/events.json', 'utf8')) as { events: { id: string; title: string; text: string }[] };
const englishTitle = (id: string) => events.events.find((e) => e.id === id)!.title;

const LOCALES = [
  { l: 'en', lang: 'en', sea: 'Caspian Sea' },
  { l: 'ru', lang: 'ru', sea: 'Каспийское море' },
  { l: 'az', lang: 'az-Latn', sea: 'Xəzər dənizi' },
  { l: 'kk', lang: 'kk', sea: 'Каспий теңізі' },
] as const;

/** Widths of the same text set in the page font with two different fallbacks: equal only if no character falls back. */
async function fallbackWidths(page: Page, text: string, weight = 400): Promise<[number, number]> {
  return page.evaluate(
    async ({ text, weight }) => {
      const span = (fallback: string) => {
        const s = document.createElement('span');
        s.style.cssText = `position:absolute;left:0;top:0;white-space:nowrap;font:${weight} 20px 'Noto Sans', ${fallback};visibility:hidden`;
        s.textContent = text;
        document.body.append(s);
        return s;
      };
      const a = span('serif');
      const b = span('monospace');
      await document.fonts.ready;
      const w: [number, number] = [a.getBoundingClientRect().width, b.getBoundingClientRect().width];
      a.remove();
      b.remove();
      return w;
    },
    { text, weight },
  );
}

describe('the story in each language', { timeout: 180_000 }, () => {
  for (const { l, lang, sea } of LOCALES) {
    it(`${l}: lang, title, slider value text, a name on the map, an event, an export`, async () => {
      const c = cat(l);
      const { page, log, ready, close } = await app.open(`?lang=${l}&event=first-impact`);
      expect(ready).toBe('map');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await page.locator('h1').textContent()).toBe(c.messages['page.h1']);
      expect(await page.title()).toBe(c.messages['page.title']);
      const title = l === 'en' ? englishTitle('first-impact') : c.story!.events!['first-impact']!.title!;
      expect(await page.locator('#time-slider').getAttribute('aria-valuetext')).toBe(`05:13:31 UTC, ${title}`);
      expect(await page.locator('#panel .event-title').first().textContent()).toBe(title);
      // The event's own words, translated (numbers and times as in English: npm run validate checks them).
      const text = l === 'en' ? events.events.find((e) => e.id === 'first-impact')!.text : c.story!.events!['first-impact']!.text!;
      expect(await page.locator('#panel .event-text').first().textContent()).toBe(text);
      expect(await page.locator('.map-label', { hasText: sea }).count()).toBe(1);
      // The chrome: the play button and the event list's heading.
      expect(await page.locator('.ctl-play').getAttribute('aria-label')).toBe(c.messages['tl.play']);
      expect(await page.locator('#event-list-title').textContent()).toBe(c.messages['list.title']);
      // The map's own accessible names: its canvas, and the crash mark's button (named after the crash site).
      expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toBe(c.messages['map.canvas']);
      const crashName = l === 'en' ? 'Crash site' : c.story!.features!['crash-site']!.name!;
      expect(await page.locator('.crash-mark').getAttribute('aria-label')).toBe(c.messages['map.crashMark']!.replace('{name}', crashName));
      // The URL keeps the language as the moment changes.
      await page.evaluate(() => (window as any).flightmap.seekEvent('second-impact'));
      await page.waitForFunction(() => location.search.includes('second-impact'), undefined, { timeout: 15_000 });
      expect(new URL(page.url()).searchParams.get('lang')).toBe(l);
      // The downloads in the language (events-ru.csv, j2-8243-ru.geojson, j2-8243-ru.kml), served; the sources as published.
      const hrefs = await page.locator('#get-data a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const suffix = l === 'en' ? '' : `-${l}`;
      expect(hrefs).toEqual([`j2-8243${suffix}.geojson`, `events${suffix}.csv`, 'sources.csv', `j2-8243${suffix}.kml`]);
      const rows = parse(await page.evaluate(async (u) => (await fetch(u)).text(), hrefs[1]!), { columns: true }) as Record<string, string>[];
      expect(rows.find((r) => r.id === 'first-impact')!.title).toBe(title);
      // An unreviewed translation says so, politely; English has no such note.
      expect(await page.locator('.translation-note').count()).toBe(l === 'en' ? 0 : 1);
      // The export: drawn with the fonts of the page's language (their faces loaded under the export's own name).
      const png = await page.evaluate(async () => {
        const r = await (window as any).flightmap.exportPng({ preset: '1x1', scale: 1, moment: 'current' });
        const faces = [...document.fonts].filter((f) => f.family.includes('Export') && f.status === 'loaded').length;
        return { width: r.width, faces };
      });
      expect(png.width).toBe(1080);
      // Three weights of each subset the language needs: latin; Russian + cyrillic; Azerbaijani + latin-ext; Kazakh + both Cyrillic.
      expect(png.faces).toBe({ en: 3, ru: 6, az: 6, kk: 9 }[l]);
      // SVG and PDF in the language: the subsets it needs embedded, the words given back, no missing glyph.
      const vec = await page.evaluate(async () => {
        const fm = (window as any).flightmap;
        const s = await fm.exportSvg({ preset: '16x9', moment: 'current' });
        const p = await fm.exportPdf({ preset: 'a4', moment: 'current' });
        return { svg: s.svg as string, pdf: Array.from(p.pdf as Uint8Array) };
      });
      expect(vec.svg).toContain(`xml:lang="${lang}"`);
      // Inkscape's layer panel in the language; the layers' ids the same ASCII in every language.
      expect(vec.svg).toContain(`id="planned-route" inkscape:label="${c.messages['layer.planned-route']}"`);
      expect(vec.svg).toContain(`id="inset-detail" inkscape:label="${c.messages['layer.inset-detail']}"`);
      // The scale bars' units in the language (the main map's and the detail inset's).
      const units = {
        en: [/>\d+ km</, />\d+ nm</],
        ru: [/>\d+ км</, />\d+ мор\. мил(я|и|ь)</],
        az: [/>\d+ km</, />\d+ dəniz mili</],
        kk: [/>\d+ км</, />\d+ теңіз милі</],
      }[l];
      for (const u of units) expect(vec.svg).toMatch(u);
      // The live map's own scale and buttons.
      const live = {
        en: [/^[\d,.]+ k?m$/, /^[\d,.]+ nm$/],
        ru: [/^[\d\u00a0,]+ к?м$/, /^[\d\u00a0,]+ мор\. мил[яиь]$/],
        az: [/^[\d.,]+ k?m$/, /^[\d.,]+ dəniz mili$/],
        kk: [/^[\d\u00a0,]+ к?м$/, /^[\d\u00a0,]+ теңіз милі$/],
      }[l];
      expect(await page.locator('.maplibregl-ctrl-scale[data-unit="metric"]').textContent()).toMatch(live[0]!);
      expect(await page.locator('.maplibregl-ctrl-scale[data-unit="nautical"]').textContent()).toMatch(live[1]!);
      expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe(c.messages['map.zoomIn']);
      // A unit longer than its bar still reads whole: inside the map, not cut off at its edge.
      const offMap = await page.evaluate(() => {
        const map = document.querySelector('.maplibregl-map')!.getBoundingClientRect();
        return [...document.querySelectorAll('.maplibregl-ctrl-scale')].flatMap((el) => {
          const r = document.createRange();
          r.selectNodeContents(el);
          const b = r.getBoundingClientRect();
          return b.right > map.right + 0.5 || b.left < map.left - 0.5 ? [el.textContent] : [];
        });
      });
      expect(offMap).toEqual([]);
      const ranges = [...vec.svg.matchAll(/unicode-range:(U\+[0-9A-F]{4})/g)].map((m) => m[1]);
      expect(new Set(ranges), 'the subsets embedded in the SVG').toEqual(
        new Set({ en: ['U+0000'], ru: ['U+0000', 'U+0301'], az: ['U+0000', 'U+0100'], kk: ['U+0000', 'U+0301', 'U+0460'] }[l]),
      );
      const dir = mkdtempSync(join(tmpdir(), `i18n-${l}-`));
      writeFileSync(join(dir, 'x.pdf'), new Uint8Array(vec.pdf));
      const fonts = execFileSync('pdffonts', [join(dir, 'x.pdf')], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .slice(2);
      for (const row of fonts) expect(row).toMatch(/^[A-Z]{6}\+NotoSans-\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
      const words = execFileSync('pdftotext', [join(dir, 'x.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(words).toContain(c.messages['legend.title']);
      // Dates as the language writes them (Chromium's Intl has no az or kk month names: src/time/format.ts).
      const date = { en: /25 Dec 2024/, ru: /25 дек\. 2024/, az: /25 dekabr 2024/, kk: /2024 ж\. 25 желтоқсан/ }[l];
      expect(words).toMatch(date);
      expect(await page.locator('#panel').textContent()).toMatch(date);
      expect(log.errors).toEqual([]);
      expect(log.consoleErrors).toEqual([]);
      await close();
    });
  }

  it('ru: the live map\'s nautical scale says 1 мор. миля, 2 мор. мили, 5 мор. миль (MapLibre\'s control wrote "1 мор. миль")', async () => {
    const { page, close } = await app.open('?lang=ru&event=first-impact');
    /** The scale bars' texts, sorted, once the map is at the zoom where 90 px (the bars' room) are `nm` nautical miles. */
    const at = (nm: number) =>
      page.evaluate(async (nm) => {
        const map = (window as any).flightmap.mapLife.current().map;
        const lat = map.getCenter().lat;
        // Web Mercator, 512 px tiles: metres per pixel = 40075016.69 × cos(lat) / (512 × 2^zoom).
        map.jumpTo({ zoom: Math.log2((40075016.69 * Math.cos((lat * Math.PI) / 180) * 90) / (512 * nm * 1852)) });
        await new Promise((r) => requestAnimationFrame(r));
        return [...document.querySelectorAll('.maplibregl-ctrl-scale')].map((e) => e.textContent).sort();
      }, nm);
    expect(await at(1.5)).toEqual(['1 мор. миля', '2 км']);
    expect(await at(3.5)).toEqual(['2 мор. мили', '5 км']);
    expect(await at(9)).toEqual(['10 км', '5 мор. миль']);
    expect(await at(0.7)).toEqual(['0,5 мор. мили', '1 км']);
    await close();
  });

  it('on a phone (360×740) the machine-translation note is one short line that opens on the whole note; the map stays in view', async () => {
    for (const l of ['ru', 'az', 'kk'] as const) {
      const { page, close } = await app.open(`?lang=${l}`, { width: 360, height: 740 });
      const note = page.locator('.translation-note');
      expect(await note.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      const summary = (await page.locator('.translation-note summary').boundingBox())!;
      const line = await page.locator('.translation-note summary').evaluate((s) => parseFloat(getComputedStyle(s).lineHeight));
      expect(summary.height, `${l}: one line`).toBeLessThan(line * 1.5);
      const top = (await page.locator('#map').boundingBox())!.y;
      console.log(`${l}: map top at 360×740: ${Math.round(top)} px`);
      expect(top, l).toBeLessThan(360); // was ≈420 with the whole note: half the map below the fold
      if (process.env.E2E_OUT_DIR) await page.screenshot({ path: join(process.env.E2E_OUT_DIR, `phone-note-${l}.png`) });
      await page.locator('.translation-note summary').click();
      await expect.poll(() => page.locator('.translation-note a[hreflang="en"]').isVisible()).toBe(true);
      await close();
    }
  });

  // Open from the start on a wide screen, the note's three lines pushed the slider below the fold: at 879–911 px on a
  // 1440 × 900 screen in Russian, Azerbaijani and Kazakh (797 in English), 779–811 on 1280 × 800.
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1280, height: 800 },
  ])
    it(`on a ${viewport.width} × ${viewport.height} screen the note is one line, and the slider and its readout are on the first screen in every language`, async () => {
      for (const l of ['en', 'ru', 'az', 'kk'] as const) {
        const { page, close } = await app.open(`?lang=${l}&event=first-impact`, viewport);
        try {
          if (l !== 'en') expect(await page.locator('.translation-note').evaluate((d) => (d as HTMLDetailsElement).open), l).toBe(false);
          const at = await page.evaluate(() => ({
            slider: document.querySelector('#time-slider')!.getBoundingClientRect().bottom,
            readout: document.querySelector('#time-readout')!.getBoundingClientRect().bottom,
          }));
          expect(at.slider, `${l}: the slider's bottom`).toBeLessThanOrEqual(viewport.height);
          expect(at.readout, `${l}: the readout's bottom`).toBeLessThanOrEqual(viewport.height);
        } finally {
          await close();
        }
      }
    });

  // "(republished)" was part of three sources' outlet names in geo/sources.json, so it stayed English on every page.
  it("a republished source says so in the page's language, beside the outlet's own name", async () => {
    for (const [l, word] of [
      ['en', 'republished'],
      ['ru', 'перепечатка'],
      ['kk', 'қайта жарияланған'],
    ] as const) {
      const { page, close } = await app.open(`?lang=${l}&event=crash`);
      try {
        const items = await page.locator('#panel .sources-list li').allTextContents();
        expect(items, l).toContain(`lifelines.name (${word})`);
        expect(items, l).toContain(`Dayfr (${word})`);
        if (l !== 'en') expect(items.join(' | '), l).not.toMatch(/republished/);
      } finally {
        await close();
      }
    }
  });

  // The seed articles' outlet was not recorded: the page said "News article (outlet not recorded)" in every language.
  it("a source whose outlet was not recorded says so in the page's language", async () => {
    for (const l of ['en', 'ru', 'az', 'kk'] as const) {
      const { page, close } = await app.open(`?lang=${l}&event=azerbaijan-mourning`);
      try {
        const items = await page.locator('#panel .sources-list li').first().allTextContents();
        expect(items, l).toEqual([cat(l).messages['source.unattributed']]);
      } finally {
        await close();
      }
    }
  });

  it('no fallback glyph: every letter of each language is drawn by the shipped Noto Sans (page and map names)', async () => {
    for (const { l } of LOCALES) {
      const { page, close } = await app.open(`?lang=${l}&event=first-impact`);
      // Our words in the language: the title block (not the switch, whose names are in the system font by design),
      // the panel's clock, position and event, the names on the map. Sources keep their outlets' own spelling.
      const text = await page.evaluate(() =>
        [
          ...document.querySelectorAll(
            '.kicker, h1, .dek, .translation-note, .panel-clock, .panel-local, .panel-position, #panel .event-title, #panel .event-text, .map-label',
          ),
        ]
          .map((e) => e.textContent)
          .join(' '),
      );
      // And every letter the issue names for the language, whether or not this moment's text uses it.
      const alphabet = { en: '', ru: 'ёЁйЙщЩъЪ', az: 'əƏğĞıİöÖşŞçÇüÜ', kk: 'әӘғҒқҚңҢөӨұҰүҮһҺіІ' }[l];
      const letters = [...new Set(text.replace(/[\s→⌘]/g, '') + alphabet)].join('');
      const [a, b] = await fallbackWidths(page, letters);
      expect(Math.abs(a - b), `${l}: ${letters}`).toBeLessThan(0.5);
      await close();
    }
    // The check can fail: a character no shipped subset covers falls back, and the widths differ.
    const { page, close } = await app.open('');
    const [a, b] = await fallbackWidths(page, '≈∑∞≈∑∞'); // maths signs: in no shipped subset, drawn by the system's fonts
    expect(Math.abs(a - b)).toBeGreaterThan(1);
    await close();
  });

  it('an unknown ?lang= shows the page in English with a note naming the value', async () => {
    const { page, close } = await app.open('?lang=xx');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('h1').textContent()).toBe(en.messages['page.h1']);
    expect(await page.locator('.notice', { hasText: '“xx”' }).count()).toBe(1);
    await close();
  });

  it('the language switch reloads the page in that language, at the same moment', async () => {
    const { page, close } = await app.open('?event=first-impact');
    await Promise.all([page.waitForURL(/lang=kk/), page.locator('#lang-select').selectOption('kk')]);
    expect(await waitReady(page)).toBe('map');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
    expect(new URL(page.url()).searchParams.get('event')).toBe('first-impact');
    expect(await page.locator('h1').textContent()).toBe(cat('kk').messages['page.h1']);
    await close();
  });

  it('?static and the embed poster show the route picture in the language (route-ru.png …), drawn', async () => {
    for (const l of ['ru', 'az', 'kk', 'en'] as const) {
      const { page, close } = await app.open(`?static&lang=${l}`);
      const img = page.locator('#static-map img');
      await page.waitForFunction(() => {
        const i = document.querySelector<HTMLImageElement>('#static-map img');
        return !!i && i.complete && i.naturalWidth > 0;
      });
      expect(await img.getAttribute('src')).toBe(l === 'en' ? 'route.png' : `route-${l}.png`);
      expect(await img.evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight])).toEqual([1920, 1080]);
      await close();
    }
  });

  it("the export's failure reason is in the reader's language: in the dialog, and from npm run export --lang", async () => {
    const ru = cat('ru').messages;
    const reason = ru['export.error.basemap']!;
    const { page, close } = await app.open('?lang=ru&event=first-impact', { width: 1280, height: 800 });
    await page.route('**/basemap/basemap.json', (r) => r.fulfill({ status: 404, body: '' }));
    await page.locator('#export-button').click();
    const dialog = page.locator('#export-dialog');
    await dialog.waitFor();
    await dialog.getByLabel('SVG').check();
    await dialog.locator('#export-go').click();
    await page.waitForFunction(() => !!document.querySelector('#export-dialog .export-error')?.textContent);
    expect(await dialog.locator('.export-error').textContent()).toBe(ru['export.failed']!.replace('{error}', reason));
    await close();
    // The command line: the same reason, in the same words, inside its own translated sentence.
    const broken = mkdtempSync(join(tmpdir(), 'i18n-nobasemap-'));
    cpSync(DIST, broken, { recursive: true });
    rmSync(join(broken, 'basemap/basemap.json'));
    const run = await exportCli(['--format', 'svg', '--lang', 'ru', '--out', join(broken, 'x.svg')], broken);
    rmSync(broken, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`export: ${ru['export.cli.failed']!.replace('{error}', reason)}\n`);
  });

  it("the story data's error is in the reader's language; in English when no catalogue could be loaded either", async () => {
    const broken = async (q: string, noCatalogue: boolean) => {
      const { page, close } = await openPage(app.browser);
      await page.route('**/data/story.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '<p>oops' }));
      if (noCatalogue) await page.route('**/data/i18n/*.json', (r) => r.fulfill({ status: 404, body: '' }));
      await page.goto(app.server.url + q);
      expect(await waitReady(page)).toBe('error');
      const alert = await page.getByRole('alert').innerText();
      const lang = await page.evaluate(() => document.documentElement.lang);
      await close();
      return { alert, lang };
    };
    for (const l of ['ru', 'az', 'kk'] as const) {
      const { alert } = await broken(`?lang=${l}`, false);
      expect(alert).toContain(cat(l).messages['app.storyFailed']);
      expect(alert).toContain('data/story.json'); // the file named, as in English
      // Why, in the language; the details for the data's editor, as npm run validate prints them, marked English.
      expect(alert).toContain(cat(l).messages['app.story.notJson']!.replace('{file}', 'data/story.json'));
      expect(alert).toContain(cat(l).messages['app.story.details']);
    }
    const { alert } = await broken('?lang=ru', true);
    expect(alert).toContain('The story data could not be read, so the map cannot be drawn:');
    expect(alert).not.toContain('app.storyFailed');
  });
});

/** Leaf text runs inside the page's chrome that are clipped by an ancestor or overlap another run. */
async function layoutProblems(page: Page, selectors = ['#title-block', '#notices', '#panel', '#timeline', '.legend']): Promise<string[]> {
  return page.evaluate((selectors) => {
    const roots = selectors.map((s) => document.querySelector(s)).filter((e): e is Element => !!e);
    const runs: { el: Element; r: DOMRect; text: string }[] = [];
    for (const root of roots) {
      const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (!n.textContent?.trim()) continue;
        const el = n.parentElement!;
        if (el.closest('.visually-hidden, [hidden], details:not([open]) > :not(summary), option, select')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (r.width > 0.5 && r.height > 0.5) runs.push({ el, r, text: n.textContent.trim().slice(0, 40) });
      }
    }
    const out: string[] = [];
    for (const { el, r, text } of runs) {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const cs = getComputedStyle(a);
        // Only hidden or clip cuts text off; a scrolling box (the panel at 1440 px) keeps it within reach.
        if (![cs.overflowX, cs.overflowY].some((o) => o === 'hidden' || o === 'clip')) continue;
        const ar = a.getBoundingClientRect();
        if (r.left < ar.left - 1 || r.right > ar.right + 1 || r.top < ar.top - 1 || r.bottom > ar.bottom + 1)
          out.push(`clipped: “${text}” by ${a.tagName}.${a.className}`);
      }
      if (r.right > document.documentElement.clientWidth + 1) out.push(`off the page: “${text}”`);
    }
    for (let i = 0; i < runs.length; i++)
      for (let j = i + 1; j < runs.length; j++) {
        const a = runs[i]!,
          b = runs[j]!;
        if (a.el === b.el) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 1 && h > 2) out.push(`overlap: “${a.text}” and “${b.text}”`);
      }
    return [...new Set(out)];
  }, selectors);
}

describe('the pseudo-locale (accented, ~40 % longer)', { timeout: 120_000 }, () => {
  for (const width of [320, 360, 1440]) {
    it(`at ${width} px: no clipped or overlapping text`, async () => {
      const { page, ready, close } = await app.open('?lang=en-XA&event=first-impact', { width, height: 900 });
      expect(ready).toBe('map');
      expect(await page.locator('h1').textContent()).toMatch(/^Ĥóŵ ƒļíĝĥţ Ĵ2-8243/);
      expect(await layoutProblems(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      // The Export dialog: the most words in one place.
      await page.locator('#export-button').click();
      await page.locator('#export-dialog').waitFor();
      expect(await page.locator('#export-dialog').evaluate((d) => d.textContent)).toMatch(/Éx/);
      expect(await layoutProblems(page, ['#export-dialog'])).toEqual([]);
      await close();
    });
  }
});

// A select's longest option made the Embed dialog's options (a fieldset, a grid) wider than a 360 px phone's dialog
// in Kazakh and Azerbaijani: the options' right edge and the end of their lines were cut off.
describe('the dialogs on a 360 px phone', { timeout: 120_000 }, () => {
  for (const l of ['kk', 'az', 'en-XA'])
    it(`${l}: nothing in the Embed or the Export dialog is wider than the dialog`, async () => {
      const { page, close } = await app.open(`?lang=${l}`, { width: 360, height: 740 });
      for (const id of ['embed', 'export']) {
        await page.locator(`#${id}-button`).click();
        await page.locator(`#${id}-dialog`).waitFor();
        const out = await page.locator(`#${id}-dialog`).evaluate((d) => {
          const r = d.getBoundingClientRect();
          return [...d.querySelectorAll('*')]
            .filter((e) => {
              const q = e.getBoundingClientRect();
              return q.width > 0 && (q.right > r.right + 0.5 || q.left < r.left - 0.5);
            })
            .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${Math.round(e.getBoundingClientRect().right - r.right)} px past the right edge`);
        });
        expect(out, `${l}: the ${id} dialog`).toEqual([]);
        await page.keyboard.press('Escape');
      }
      await close();
    });
});
