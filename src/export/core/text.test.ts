import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { creditLine, eventAt, exportTitle, exportFilename, fileSize, missingGlyphs, momentLine, reconstructedNote, textRuns } from './text';
import { useLocale } from '../../i18n';
import type { Catalogue } from '../../i18n/messages';
import { exportSize } from './presets';
import { track, story } from './story.fixture';
import { legendEntries } from '../../ui/legend-data';
import { LIGHT } from '../../theme/palette';
import { storyClock } from '../../story/content';

const size = (() => {
  const s = exportSize({ preset: '16x9' }, 2);
  if (!s.ok) throw new Error(s.error);
  return s.value;
})();
const at = (iso: string, chapter: 'flight' | 'aftermath' = 'flight') => ({ kind: 'moment' as const, chapter, t: Date.parse(iso) });

describe('export text', () => {
  it('writes the moment in UTC and the local times, or the whole flight', () => {
    expect(momentLine(at('2024-12-25T05:50:00Z'), track)).toBe(
      '25 Dec 2024, 05:50:00 UTC · Baku 09:50 (UTC+4) · Grozny / Moscow 08:50 (UTC+3) · Aktau 10:50 (UTC+5) · Aircraft position estimated, within about 70 km',
    );
    expect(momentLine({ kind: 'route' }, track)).toBe(
      '25 Dec 2024 · The whole flight: take-off from Baku 03:55 UTC (07:55 local), crash near Aktau 06:28 UTC (11:28 local)',
    );
    expect(momentLine(at('2024-12-27T00:00:00Z', 'aftermath'), track)).toBe(
      'As reported by 27 Dec 2024: the whole flight, with the strike points claimed by then',
    );
  });
  // A picture at the second impact said only "25 Dec 2024, 05:13:56 UTC · Baku …": nothing on it named the event.
  it('names the event a picture is at, a claim said to be one; none between events, at the whole route or in the year after', () => {
    const line = (m: Parameters<typeof momentLine>[0]) => momentLine(m, track, eventAt(m, story.events));
    expect(line({ ...at('2024-12-25T05:13:56Z'), event: 'second-impact' })).toMatch(/^25 Dec 2024, 05:13:56 UTC · Second impact · Baku 09:13 \(UTC\+4\)/);
    // At its time, asked for as a time (the dialog's current moment)
    expect(line(at('2024-12-25T05:13:56Z'))).toContain('05:13:56 UTC · Second impact · ');
    expect(line(at('2024-12-25T05:15:57Z'))).toContain('05:15:57 UTC · Crew reports control failure and a bird strike (claim, unverified) · ');
    expect(line(at('2024-12-25T05:50:00Z'))).toBe(momentLine(at('2024-12-25T05:50:00Z'), track));
    expect(eventAt({ kind: 'route' }, story.events)).toBeUndefined();
    expect(eventAt(at('2024-12-27T00:00:00Z', 'aftermath'), story.events)).toBeUndefined();
  });
  it('says which part of the path is reconstructed, from the data', () => {
    expect(reconstructedNote(track)).toMatch(/^The path between 04:25 and 06:28 UTC is reconstructed/);
    expect(creditLine()).toMatch(/Basemap: Natural Earth\. City positions: GeoNames \(CC BY 4\.0\)\.$/);
  });
  it('the credit says the date the data is as of (the corrections log’s newest entry)', () => {
    expect(creditLine('2026-11-21')).toMatch(/Basemap: Natural Earth\. City positions: GeoNames \(CC BY 4\.0\)\. Data as of 21 Nov 2026\.$/);
  });
  it('names files by moment, size and colours', () => {
    expect(exportFilename({ size, moment: at('2024-12-25T05:13:31Z'), dark: false })).toBe('j2-8243_2024-12-25T051331Z_16x9@2x.png');
    expect(exportFilename({ size, moment: at('2024-12-25T05:13:00Z'), dark: true })).toBe('j2-8243_2024-12-25T0513Z_16x9@2x_dark.png');
    expect(exportFilename({ size, moment: { kind: 'route' }, dark: false })).toBe('j2-8243_route_16x9@2x.png');
    expect(exportFilename({ size, moment: at('2024-12-27T00:00:00Z', 'aftermath'), dark: false })).toBe('j2-8243_2024-12-27_16x9@2x.png');
    // a vector file has no pixel scale in its name
    expect(exportFilename({ size, moment: { kind: 'route' }, dark: true }, 'svg')).toBe('j2-8243_route_16x9_dark.svg');
    expect(exportFilename({ size, moment: { kind: 'route' }, dark: false }, 'pdf')).toBe('j2-8243_route_16x9.pdf');
  });
  it('draws the arrow itself; every other character is in the shipped fonts', () => {
    expect(textRuns('Baku → Grozny')).toEqual([{ kind: 'text', text: 'Baku ' }, { kind: 'arrow' }, { kind: 'text', text: ' Grozny' }]);
    expect(missingGlyphs('a → b ≈ c')).toEqual(['≈']);
    const texts = [
      exportTitle(),
      creditLine(),
      reconstructedNote(track),
      momentLine({ kind: 'route' }, track),
      ...legendEntries(LIGHT, storyClock(story)).map((e) => e.label),
    ];
    for (const e of story.events.filter((e) => e.chapter === 'flight')) texts.push(momentLine(at(e.time), track));
    for (const t of texts) expect(missingGlyphs(t), t).toEqual([]);
  });
});

describe("a file's size, in the page's language", () => {
  const read = (l: string) => JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as Catalogue;
  it('is in kB below a megabyte and in MB above, with the language’s unit and decimal sign', () => {
    try {
      useLocale('en', read('en'));
      expect([fileSize(264_143), fileSize(1_316_000)]).toEqual(['264 kB', '1.3 MB']);
      useLocale('ru', read('ru'));
      expect([fileSize(264_143), fileSize(1_316_000)]).toEqual(['264 кБ', '1,3 МБ']);
    } finally {
      useLocale('en', read('en'));
    }
  });
});
