/** The downloads plugin: the files it writes, the credit line, and a bad corrections log failing the build. */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloads, loadOpenData, openDataFiles } from './downloads-plugin';
import { CREDIT_MARKER } from '../../src/opendata/html';
import { parse } from 'csv-parse/sync';

const copy = (edit: (log: { entries: { date: string; sources?: string[] }[] }) => void) => {
  const dir = mkdtempSync(join(tmpdir(), 'j2-od-'));
  cpSync('geo', join(dir, 'geo'), { recursive: true });
  cpSync('package.json', join(dir, 'package.json'));
  const f = join(dir, 'geo/changelog.json');
  const log = JSON.parse(readFileSync(f, 'utf8'));
  edit(log);
  writeFileSync(f, JSON.stringify(log));
  return dir;
};

describe('downloads plugin', () => {
  const data = loadOpenData('.', {});
  const files = openDataFiles(data);

  it('writes the four downloads and the log, as page and as data', () => {
    expect(Object.keys(files).sort()).toEqual([
      'changelog-az.html',
      'changelog-kk.html',
      'changelog-ru.html',
      'changelog.html',
      'changelog.json',
      'events-az.csv',
      'events-kk.csv',
      'events-ru.csv',
      'events.csv',
      'j2-8243-az.geojson',
      'j2-8243-az.kml',
      'j2-8243-kk.geojson',
      'j2-8243-kk.kml',
      'j2-8243-ru.geojson',
      'j2-8243-ru.kml',
      'j2-8243.geojson',
      'j2-8243.kml',
      'sources.csv',
    ]);
    expect(JSON.parse(files['j2-8243.geojson']!).dataAsOf).toBe(data.log.entries[0]!.date);
    expect(JSON.parse(files['changelog.json']!)).toEqual(data.log);
  });

  it("the events and the features in each language: English's columns, ids, codes, times, places and sources; the words translated", () => {
    const en = parse(files['events.csv']!, { columns: true }) as Record<string, string>[];
    const enGeo = JSON.parse(files['j2-8243.geojson']!) as {
      language?: string;
      title: string;
      features: { id: string; geometry: unknown; properties: Record<string, unknown> }[];
    };
    expect(enGeo.language).toBeUndefined(); // the English files as they were
    for (const l of ['ru', 'az', 'kk'] as const) {
      const cat = JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as {
        story: { events: Record<string, { title: string; text: string }>; features: Record<string, { name?: string }> };
      };
      const rows = parse(files[`events-${l}.csv`]!, { columns: true }) as Record<string, string>[];
      expect(Object.keys(rows[0]!)).toEqual([...Object.keys(en[0]!), 'title_en', 'text_en']);
      expect(rows.length).toBe(en.length);
      for (const [i, r] of rows.entries()) {
        const e = en[i]!;
        for (const k of ['id', 'chapter', 'time_utc', 'precision', 'status', 'place_id', 'latitude', 'longitude', 'sources'])
          expect(r[k], `${l} ${e.id} ${k}`).toBe(e[k]);
        expect(r.title).toBe(cat.story.events[e.id!]!.title);
        expect(r.text).toBe(cat.story.events[e.id!]!.text);
        expect([r.title_en, r.text_en]).toEqual([e.title, e.text]);
      }
      const geo = JSON.parse(files[`j2-8243-${l}.geojson`]!) as typeof enGeo & { translation: string };
      expect(geo.language).toBe(l === 'az' ? 'az-Latn' : l);
      expect(geo.translation).toMatch(/Not reviewed by a native-speaking editor/);
      // its title in the language (as the oEmbed response's), not English's
      const title = JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')).messages['embed.flightTitle'] as string;
      expect(geo.title).toBe(title);
      expect(geo.title).not.toBe(enGeo.title);
      expect(geo.features.map((f) => [f.id, f.geometry, f.properties.status, f.properties.sources])).toEqual(
        enGeo.features.map((f) => [f.id, f.geometry, f.properties.status, f.properties.sources]),
      );
      const grozny = geo.features.find((f) => f.id === 'grv')!;
      expect(grozny.properties.name).toBe(cat.story.features.grv!.name);
      expect(grozny.properties.name).not.toBe(enGeo.features.find((f) => f.id === 'grv')!.properties.name);
      // The KML: the same placemarks (ids, times), their names and balloons in the language.
      const kml = files[`j2-8243-${l}.kml`]!;
      const ids = (k: string) => [...k.matchAll(/<Placemark id="([^"]+)"/g)].map((m) => m[1]);
      const whens = (k: string) => [...k.matchAll(/<when>([^<]+)</g)].map((m) => m[1]);
      expect(ids(kml)).toEqual(ids(files['j2-8243.kml']!));
      expect(whens(kml)).toEqual(whens(files['j2-8243.kml']!));
      expect(kml).toContain(`<name>${cat.story.events['first-impact']!.title}</name>`);
      const folder = JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')).messages['kml.folder.events'] as string;
      expect(kml).toContain(`<name>${folder}</name>`);
      expect(kml).not.toContain('Events, each at its time');
      expect(kml).toContain(`<name>${title}</name>`); // the document's name in the language
    }
  });

  it('the dataset is named with the version from package.json and the date of the newest log entry', () => {
    expect(data.meta.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(data.meta.updated).toBe(JSON.parse(readFileSync('geo/changelog.json', 'utf8')).entries[0].date);
    expect(data.info.url).toBeUndefined(); // no public URL given: the page uses its own address
    expect(loadOpenData('.', { FLIGHTMAP_PUBLIC_URL: 'https://news.example/maps/j2' }).info.url).toBe('https://news.example/maps/j2/');
  });

  it('the log page lists every entry, newest first, with its text escaped', () => {
    const html = files['changelog.html']!;
    const dates = [...html.matchAll(/<h2 id="d-([\d-]+)"/g)].map((m) => m[1]);
    expect(dates).toEqual([...dates].sort().reverse());
    expect((html.match(/<li>/g) ?? []).length).toBe(data.log.entries.length);
    expect(html).toContain('Corrections and updates');
    const evil = openDataFiles({ ...data, log: { entries: [{ ...data.log.entries[0]!, what: '<img src=x onerror=alert(1)>' }] } })['changelog.html']!;
    expect(evil).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(evil).not.toContain('<img');
  });

  it('the log page in each language: its chrome, dates and entries in the language (geo/i18n/changelog-<l>.json), quotes kept in English', () => {
    const cat = (l: string) => JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')).messages as Record<string, string>;
    const months = { ru: 'дек', az: 'dekabr', kk: 'желтоқсан' } as const;
    for (const l of ['ru', 'az', 'kk'] as const) {
      const html = files[`changelog-${l}.html`]!;
      const m = cat(l);
      expect(html).toContain(`<html lang="${l === 'az' ? 'az-Latn' : l}">`);
      expect(html).toContain(`<h1>${m['log.title']}</h1>`);
      expect(html).toContain(`<a href="./?lang=${l}">← ${m['log.back']}</a>`);
      expect(html).toContain(m['log.englishOnly']);
      const tr = JSON.parse(readFileSync(`geo/i18n/changelog-${l}.json`, 'utf8')).entries as Record<string, { what: string; why: string }>;
      const last = tr[`${data.log.entries.at(-1)!.date}#1`]!; // the first publication: no quotes, no markup
      expect(html).toContain(`<span class="k">${m['log.what']}</span> ${last.what}</p>`);
      expect(html).toContain(`<span class="k">${m['log.why']}</span> ${last.why}</p>`);
      expect(html).not.toContain(data.log.entries.at(-1)!.what);
      expect(html).toContain('<span lang="en">“near Grozny”</span>');
      expect(html).not.toMatch(/Corrections and updates|What changed|Back to the map|The data is as of|Get the data/);
      // Dates through the language's date.day: 25 Dec 2024 → 25 дек. 2024 г. …
      const first = html.match(/<h2 id="d-[\d-]+"><time datetime="[\d-]+">([^<]+)<\/time>/)![1]!;
      expect(first).not.toMatch(/[A-Z][a-z]{2} \d{4}/);
      expect(html.includes(months[l]) || /\d/.test(first)).toBe(true);
      expect((html.match(/<li>/g) ?? []).length).toBe(data.log.entries.length);
      expect(html).toContain('href="changelog.html"'); // English, and the other languages, one click away
    }
    expect(files['changelog.html']).toContain('<html lang="en">');
    expect(files['changelog.html']).not.toContain('lang="en"><'); // no English-in-English marking
    expect(files['changelog.html']).toContain('<a href="changelog-ru.html" lang="ru" hreflang="ru">Русский</a>');
  });

  it('puts "Updated <date> · Get the data" into the page', () => {
    const plugin = downloads('.', {});
    const html = (plugin.transformIndexHtml as (h: string) => string)(`<footer>${CREDIT_MARKER}</footer>`);
    expect(html).toContain(`<span data-i18n="credit.updated">Updated</span> <a id="changelog-link" href="changelog.html"`);
    for (const f of ['j2-8243.geojson', 'events.csv', 'sources.csv', 'j2-8243.kml']) expect(html).toContain(`href="${f}" download`);
  });

  it('a bad log fails the build, naming the file, the entry and the field', () => {
    const plugin = downloads(
      copy((l) => (l.entries[0]!.sources = ['S404'])),
      {},
    );
    const ctx = { addWatchFile() {} };
    expect(() => (plugin.buildStart as unknown as (this: typeof ctx) => void).call(ctx)).toThrow(
      'geo/changelog.json: entries[0] → sources[0]: unknown source "S404"',
    );
    const older = downloads(
      copy((l) => l.entries.forEach((e) => (e.date = '2025-06-01'))),
      {},
    );
    expect(() => (older.buildStart as unknown as (this: typeof ctx) => void).call(ctx)).toThrow(/older than the newest event/);
  });
});
