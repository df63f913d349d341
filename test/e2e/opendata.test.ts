/**
 * The open data in the built app, in real Chromium: the page and the embed link the downloads and the
 * corrections log; the built app serves every file, and each parses (GeoJSON, CSV, KML); the log page is
 * readable text, newest first, and passes axe-core.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { DOMParser } from '@xmldom/xmldom';
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import type { Page } from 'playwright-core';
import { useApp } from '../support/app';
import { openPage } from '../../scripts/lib/chrome.ts';

const app = useApp();
/** The credit is in the page's HTML (written at build time), and the citation needs the app, not the map: no need to wait for the map. */
async function open(q: string, viewport = { width: 1280, height: 900 }, extra: Parameters<typeof openPage>[1] = {}) {
  const { page, close } = await openPage(app.browser, { viewport, ...extra });
  await page.goto(app.server.url + q, { waitUntil: 'load' });
  return { page, close };
}
/** Opens the page and waits until the app has started (window.flightmap), not for the map. */
async function openApp(q: string, viewport = { width: 1280, height: 900 }, extra: Parameters<typeof openPage>[1] = {}) {
  const o = await open(q, viewport, extra);
  await o.page.waitForFunction(() => 'flightmap' in window, null, { timeout: 50_000 });
  return o;
}
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const FILES = ['j2-8243.geojson', 'events.csv', 'sources.csv', 'j2-8243.kml'];
const log = JSON.parse(readFileSync('geo/changelog.json', 'utf8')) as { entries: { date: string; what: string; why: string }[] };
const events = JSON.parse(readFileSync('geo/events.json', 'utf8')).events as { id: string }[];

/** The credit's links as the reader sees them: text, resolved URL, visible. */
const creditLinks = (page: Page) =>
  page.$$eval('#opendata a', (as) =>
    as.map((a) => {
      const r = a.getBoundingClientRect();
      return { text: a.textContent, href: (a as HTMLAnchorElement).href, visible: r.width > 0 && r.height > 0 && getComputedStyle(a).visibility !== 'hidden' };
    }),
  );

/** Fetch from the page (same origin, as a reader's click would). */
const fetchIn = (page: Page, url: string) =>
  page.evaluate(async (u) => {
    const r = await fetch(u);
    return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
  }, url);

describe('Get the data, Updated <date>', { timeout: 120_000 }, () => {
  it('the page links every download and the log; the built app serves each file, and each parses', async () => {
    const { page, close } = await open('');
    try {
      const links = await creditLinks(page);
      const byFile = new Map(links.map((l) => [new URL(l.href).pathname.split('/').pop()!, l]));
      for (const f of [...FILES, 'changelog.html']) expect(byFile.get(f)?.visible, f).toBe(true);
      expect(await page.textContent('#opendata')).toContain('Get the data');
      expect(await page.textContent('#changelog-link')).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
      expect(await page.getAttribute('#changelog-link time', 'datetime')).toBe(log.entries[0]!.date);

      const geo = await fetchIn(page, byFile.get('j2-8243.geojson')!.href);
      expect(geo.status).toBe(200);
      const fc = JSON.parse(geo.text);
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.features.some((f: { geometry: { type: string } }) => f.geometry.type === 'Polygon')).toBe(true);

      const csv = await fetchIn(page, byFile.get('events.csv')!.href);
      expect(csv.status).toBe(200);
      expect(csv.type).toMatch(/^text\/csv/);
      const rows = parse(csv.text, { columns: true }) as { id: string }[];
      expect(rows.map((r) => r.id)).toEqual(events.map((e) => e.id));
      expect((await fetchIn(page, byFile.get('sources.csv')!.href)).status).toBe(200);

      const kml = await fetchIn(page, byFile.get('j2-8243.kml')!.href);
      expect(kml.status).toBe(200);
      const doc = new DOMParser().parseFromString(kml.text, 'text/xml');
      expect(kmlToGeoJson(doc as unknown as Document).features.length).toBeGreaterThan(events.length);

      const lg = await fetchIn(page, byFile.get('changelog.html')!.href);
      expect(lg.status).toBe(200);
    } finally {
      await close();
    }
  });

  it('the embed’s credit line has them too, opening the log in a new tab', async () => {
    const { page, close } = await open('?embed', { width: 360, height: 800 });
    try {
      const links = await creditLinks(page);
      const files = links.filter((l) => l.visible).map((l) => new URL(l.href).pathname.split('/').pop());
      expect(files).toEqual(['changelog.html', ...FILES]);
      expect(await page.getAttribute('#changelog-link', 'target')).toBe('_blank');
      // Inside the credit, on the page: not cut off at 360 px.
      const box = await page.locator('#opendata').boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    } finally {
      await close();
    }
  });

  it('the log page lists every entry as text, newest first, and passes axe-core', async () => {
    const { page, close } = await open('');
    try {
      await page.goto(new URL('changelog.html', app.server.url).href);
      expect(await page.textContent('h1')).toBe('Corrections and updates');
      const dates = await page.$$eval('h2 time', (ts) => ts.map((t) => t.getAttribute('datetime')!));
      expect(dates).toEqual([...new Set(log.entries.map((e) => e.date))]);
      expect(dates).toEqual([...dates].sort().reverse());
      const items = await page.$$eval('main li', (lis) => lis.map((li) => li.textContent ?? ''));
      expect(items).toHaveLength(log.entries.length);
      log.entries.forEach((e, i) => expect(items[i]).toContain(e.what));
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const res = await (window as any).axe.run(document, { resultTypes: ['violations'] });
        return (res.violations as { id: string; impact: string }[]).filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      expect(violations).toEqual([]);
      await page.click('text=← Back to the map');
      await page.waitForURL((u) => !u.pathname.endsWith('changelog.html'));
    } finally {
      await close();
    }
  });
});

describe("the log in the reader's language", { timeout: 120_000 }, () => {
  it('"Updated <date>" links the log in the page\'s language; its chrome, dates and entries are in it (machine-translated, said so), quotes kept in English', async () => {
    const m = JSON.parse(readFileSync('geo/i18n/ru.json', 'utf8')).messages as Record<string, string>;
    const { page, close } = await openApp('?lang=ru');
    try {
      await page.waitForFunction(() => document.querySelector('#changelog-link')?.getAttribute('href') === 'changelog-ru.html', null, { timeout: 30_000 });
      expect(await page.textContent('#changelog-link')).toMatch(/^\d{1,2} [а-я]+\.? \d{4} г\.$/);
      await page.goto(new URL('changelog-ru.html', app.server.url).href);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
      expect(await page.textContent('h1')).toBe(m['log.title']);
      expect(await page.title()).toContain(m['log.docTitle']!.split(':')[0]!);
      expect(await page.locator('p', { hasText: m['log.englishOnly']! }).count()).toBe(1);
      const heads = await page.$$eval('h2 time', (ts) => ts.map((t) => t.textContent ?? ''));
      expect(heads).toHaveLength(new Set(log.entries.map((e) => e.date)).size);
      for (const h of heads) expect(h).toMatch(/г\.$/);
      const items = await page.$$eval('main li', (lis) => lis.map((li) => li.textContent ?? ''));
      expect(items).toHaveLength(log.entries.length);
      const tr = JSON.parse(readFileSync('geo/i18n/changelog-ru.json', 'utf8')).entries as Record<string, { what: string; why: string }>;
      expect(items.at(-1)).toContain(tr[`${log.entries.at(-1)!.date}#1`]!.what);
      log.entries.forEach((e, i) => expect(items[i]).not.toContain(e.why));
      const quoted = await page.$$eval('main li span[lang="en"]', (s) => s.map((x) => x.textContent ?? ''));
      expect(quoted).toContain('“near Grozny”');
      for (const q of quoted) expect(q).toMatch(/^“.*”$/);
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const res = await (window as any).axe.run(document, { resultTypes: ['violations'] });
        return (res.violations as { id: string; impact: string }[]).filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      expect(violations).toEqual([]);
      await page.click(`text=${m['log.back']}`);
      await page.waitForURL((u) => u.searchParams.get('lang') === 'ru');
    } finally {
      await close();
    }
  });
});

describe('Cite this map', { timeout: 120_000 }, () => {
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;

  it('the page cites the moment shown, follows it, and copies the line', async () => {
    const { page, close } = await openApp('?event=first-impact', { width: 1280, height: 900 }, { permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      // Loaded when the credit comes near the screen: not in the first load.
      expect(await page.locator('#cite').count()).toBe(0);
      await page.locator('#credit').scrollIntoViewIfNeeded();
      const group = page.getByRole('group', { name: 'Cite this map' });
      await group.waitFor({ timeout: 10_000 });
      const text = () => page.textContent('#cite-text');
      expect(await text()).toMatch(
        new RegExp(
          `^.+\\. “How Azerbaijan Airlines flight J2-8243 was lost, 25 December 2024\\.” Interactive map, version ${version.replace(/\./g, '\\.')}, data as of \\d{1,2} [A-Z][a-z]{2} \\d{4}\\. `,
        ),
      );
      expect(await text()).toMatch(new RegExp(`${app.server.url.replace(/[.?/]/g, '\\$&')}\\?event=first-impact$`));
      await page.evaluate(() => (window as unknown as { flightmap: { seekEvent(id: string): boolean } }).flightmap.seekEvent('crash'));
      await page.locator('#credit').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.getElementById('cite-text')?.textContent?.endsWith('?event=crash'), null, { timeout: 5000 });
      await group.getByRole('button', { name: 'Copy citation' }).click();
      await group.getByText('Copied.').waitFor({ timeout: 3000 });
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await text());
    } finally {
      await close();
    }
  });

  it('the Embed dialog cites the moment too', async () => {
    const { page, close } = await openApp('?event=divert-aktau', { width: 1100, height: 900 });
    try {
      await page.getByRole('button', { name: 'Embed' }).click();
      const dialog = page.getByRole('dialog', { name: 'Embed this map' });
      await dialog.waitFor();
      const cite = dialog.getByRole('group', { name: 'Cite this map' });
      expect(await cite.locator('.cite-text').textContent()).toMatch(/version .+, data as of .+\?event=divert-aktau$/);
      expect(await cite.getByRole('button', { name: 'Copy citation' }).isVisible()).toBe(true);
    } finally {
      await close();
    }
  });

  it('cites in the page’s language: the title in Russian, the URL opening in Russian', async () => {
    const ru = JSON.parse(readFileSync('geo/i18n/ru.json', 'utf8')).messages as Record<string, string>;
    const { page, close } = await openApp('?event=divert-aktau&lang=ru', { width: 1100, height: 900 });
    try {
      await page.locator('#credit').scrollIntoViewIfNeeded();
      await page.locator('#cite-text').waitFor({ timeout: 10_000 });
      const text = (await page.textContent('#cite-text')) ?? '';
      expect(text).toContain(`«${ru['embed.flightTitle']}.»`);
      expect(text).not.toContain('How Azerbaijan Airlines');
      expect(text).toMatch(/\?event=divert-aktau&lang=ru$/);
    } finally {
      await close();
    }
  });

  it('the embed itself has no citation (its host cites it), also with its credit in view', async () => {
    const embed = await open('?embed');
    try {
      await embed.page.waitForFunction(() => 'flightmap' in window, null, { timeout: 50_000 });
      await embed.page.locator('#credit').scrollIntoViewIfNeeded();
      await embed.page.waitForTimeout(1000);
      expect(await embed.page.locator('#cite').count()).toBe(0);
    } finally {
      await embed.close();
    }
  });
});
