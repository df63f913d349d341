/** The CSV downloads parse back (RFC 4180, csv-parse in strict mode): one row per event or source, every field as written. */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { EVENT_COLUMNS, eventsCsv, SOURCE_COLUMNS, sourcesCsv } from './csv';
import { story } from './fixture';
import type { StoryData } from '../story/validate';
import { outletName } from '../story/outlet';

/** Line breaks outside quoted fields that do not end a record (RFC 4180 allows none). */
const strayBreaks = (text: string) =>
  text
    .replace(/"[^"]*(?:""[^"]*)*"/g, '')
    .replace(/\r\n/g, '')
    .match(/[\r\n]/g)?.length ?? 0;
const read = (text: string) =>
  parse(text, { columns: true, record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false, skip_empty_lines: false, bom: false }) as Record<
    string,
    string
  >[];

describe('eventsCsv', () => {
  const text = eventsCsv(story);
  const rows = read(text);

  it('is RFC 4180: CRLF after every record, no bare LF, no BOM, a header of the columns', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(strayBreaks(text)).toBe(0);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe(EVENT_COLUMNS.join(','));
  });

  it('has one row per event, and every field round-trips', () => {
    expect(rows).toHaveLength(story.events.length);
    const src = new Map(story.sources.map((s) => [s.id, s]));
    story.events.forEach((e, i) => {
      const r = rows[i]!;
      expect(r).toMatchObject({
        id: e.id,
        chapter: e.chapter,
        time_utc: e.time,
        precision: e.precision,
        status: e.status,
        title: e.title,
        text: e.text,
        place_id: e.place ?? '',
      });
      expect(r.sources!.split(' | ')).toEqual(
        e.sources.map((id) =>
          src.get(id)!.url ? `${outletName(src.get(id)!)} <${src.get(id)!.url}>` : `${outletName(src.get(id)!)}: “${src.get(id)!.title}” (no URL)`,
        ),
      );
    });
  });

  it('gives latitude and longitude of the event’s place (a point, or an area’s centre)', () => {
    const crash = rows.find((r) => r.id === 'crash')!;
    const site = story.places.features.find((f) => f.properties.id === 'crash-site')!.geometry.coordinates;
    expect([Number(crash.longitude), Number(crash.latitude)]).toEqual([site[0], site[1]]);
    for (const r of rows) {
      if (!r.place_id) expect([r.latitude, r.longitude]).toEqual(['', '']);
      else {
        expect(Number(r.latitude)).toBeGreaterThan(39);
        expect(Number(r.longitude)).toBeGreaterThan(42); // not swapped: this story is east of 42° E, north of 39° N
        expect(Number(r.latitude)).toBeLessThan(46);
      }
    }
  });

  it('gives an event in an area the area’s radius, so its centre is not read as where it happened', () => {
    const official = story.strike.features.map((f) => f.properties).find((p) => p.id === 'strike-area-official');
    if (official?.kind !== 'area') throw new Error('geo/strike-area.geojson has no official area');
    const impact = rows.find((r) => r.id === 'first-impact')!;
    expect(impact.place_id).toBe('strike-area-official');
    expect([Number(impact.longitude), Number(impact.latitude), Number(impact.place_radius_km)]).toEqual([...official.center!, official.radiusKm]);
    expect(rows.find((r) => r.id === 'crash')!.place_radius_km).toBe(''); // a point: no radius
    for (const r of rows) if (!r.place_id) expect(r.place_radius_km).toBe('');
  });

  it('quotes commas, quotes and line breaks so they survive', () => {
    const e = { ...story.events[0]!, title: 'A "quoted", title', text: 'Line one\nline two; ünïcødé → ok', id: 'x\ry' };
    const text = eventsCsv({ ...story, events: [e] } as StoryData);
    expect(strayBreaks(text)).toBe(0);
    const [r] = read(text);
    expect(r).toMatchObject({ title: e.title, text: e.text, id: e.id });
  });
});

describe('sourcesCsv', () => {
  it('has one row per source with outlet, title and URL, and what cites it', () => {
    const rows = read(sourcesCsv(story));
    expect(Object.keys(rows[0]!)).toEqual([...SOURCE_COLUMNS]);
    // The outlet's name says when its text is a republished copy ("Simple Flying (republished)").
    expect(rows.map(({ id, outlet, title, url, note }) => ({ id, outlet, title, url, note }))).toEqual(
      story.sources.map(({ republished: _, unattributed: __, ...s }) => ({ url: '', note: '', ...s, outlet: outletName({ ...s, republished: _ }) })),
    );
    expect(rows.find((r) => r.id === 'S6')!.outlet).toBe('Simple Flying (republished)');
    expect(rows.some((r) => !r.url && r.note)).toBe(true); // the seed articles: no URL, a note
    const crashSources = story.events.find((e) => e.id === 'crash')!.sources;
    for (const id of crashSources) expect(rows.find((r) => r.id === id)!.cited_by!.split(' ')).toContain('crash');
  });
});
