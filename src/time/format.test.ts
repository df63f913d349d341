import { afterEach, describe, expect, it } from 'vitest';
import { useLocale } from '../i18n';
import en from '../../geo/i18n/en.json';
import az from '../../geo/i18n/az.json';
import ru from '../../geo/i18n/ru.json';
import kk from '../../geo/i18n/kk.json';
import type { Catalogue } from '../i18n/messages';
import { clock, day, duration, eventTimeLabel, isoUtc, offsetLabel, parseIsoUtc } from './format';

const impact = Date.parse('2024-12-25T05:13:31Z');

describe('format', () => {
  afterEach(() => useLocale('en', en as Catalogue));
  it('writes UTC and local clocks for Baku, Grozny/Moscow and Aktau', () => {
    expect(clock(impact)).toBe('05:13:31');
    expect(clock(impact, 'Asia/Baku')).toBe('09:13:31');
    expect(clock(impact, 'Europe/Moscow', false)).toBe('08:13');
    expect(clock(impact, 'Asia/Aqtau')).toBe('10:13:31');
    expect(offsetLabel(impact, 'Asia/Baku')).toBe('UTC+4');
    expect(offsetLabel(impact, 'Europe/Moscow')).toBe('UTC+3');
    expect(offsetLabel(impact, 'Asia/Aqtau')).toBe('UTC+5');
    expect(offsetLabel(impact, 'UTC')).toBe('UTC');
  });
  it('labels event times by their precision', () => {
    expect(eventTimeLabel(impact, 'second')).toBe('05:13:31');
    expect(eventTimeLabel(impact, 'minute')).toBe('05:13');
    expect(eventTimeLabel(impact, 'approximate')).toBe('~05:13');
    expect(eventTimeLabel(impact, 'day')).toBe('25 Dec 2024');
    expect(day(Date.parse('2025-10-09T00:00:00Z'))).toBe('9 Oct 2025');
  });
  it('writes Azerbaijani and Kazakh dates with our own month names, in the zone asked for', () => {
    useLocale('az', az as Catalogue);
    expect(day(impact)).toBe('25 dekabr 2024');
    expect(eventTimeLabel(impact, 'day')).toBe('25 dekabr 2024');
    expect(day(Date.parse('2025-07-01T22:30:00Z'))).toBe('1 iyul 2025');
    expect(day(Date.parse('2025-07-01T22:30:00Z'), 'Asia/Baku')).toBe('2 iyul 2025');
    for (let m = 0; m < 12; m++) expect(day(Date.UTC(2025, m, 15))).toMatch(/^15 [a-zəğıöşçü]+ 2025$/);
    expect(day(Date.UTC(2025, 0, 15))).toBe('15 yanvar 2025');
    useLocale('kk', kk as Catalogue);
    expect(day(impact)).toBe('2024 ж. 25 желтоқсан');
    expect(day(Date.parse('2025-07-01T22:30:00Z'), 'Asia/Aqtau')).toBe('2025 ж. 2 шілде');
    useLocale('ru', ru as Catalogue);
    // The catalogue's Russian months are CLDR's, as Node's full ICU writes them.
    for (let m = 0; m < 12; m++)
      expect(day(Date.UTC(2025, m, 9))).toBe(
        new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2025, m, 9)),
      );
    expect(day(impact)).toMatch(/^25 дек\.? 2024/);
    useLocale('en', en as Catalogue);
    expect(day(impact)).toBe('25 Dec 2024');
  });
  it('writes UTC clocks and dates without Intl exactly as Intl writes them, in every language', () => {
    // The UTC fast path (format.ts: no ICU start-up before the map) must not change a character anywhere.
    const cats = { en, ru, az, kk } as Record<string, Catalogue>;
    const tags = { en: 'en-GB', ru: 'ru', az: 'az-Latn', kk: 'kk' } as Record<string, string>;
    const times = [impact, impact + 999, Date.UTC(2024, 11, 31, 23, 59, 59, 500), Date.UTC(2025, 0, 1), Date.UTC(2026, 1, 28, 12, 0, 7), 0];
    for (let i = 0; i < 200; i++) times.push(Date.UTC(2024, 11, 25) + i * 7_654_321);
    for (const [l, cat] of Object.entries(cats)) {
      useLocale(l as 'en', cat);
      const hms = new Intl.DateTimeFormat(tags[l], { timeZone: 'UTC', hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' });
      const hm = new Intl.DateTimeFormat(tags[l], { timeZone: 'UTC', hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
      for (const t of times) {
        expect(clock(t), `${l} ${t}`).toBe(hms.format(t));
        expect(clock(t, 'UTC', false), `${l} ${t}`).toBe(hm.format(t));
        // day() in UTC against the same catalogue message fed Intl's numbers (the path other zones take)
        expect(day(t), `${l} ${t}`).toBe(day(t, 'Etc/UTC'));
      }
    }
  });
  it('parses only real ISO 8601 UTC', () => {
    expect(parseIsoUtc('2024-12-25T05:13:31Z')).toBe(impact);
    expect(isoUtc(impact)).toBe('2024-12-25T05:13:31Z');
    for (const bad of ['2024-12-25 05:13:31Z', '2024-12-25T05:13:31+00:00', '2024-13-01T00:00:00Z', '2024-12-32T00:00:00Z', '2024-12-25T24:00:00Z', '', 'NaN'])
      expect(parseIsoUtc(bad), bad).toBeNaN();
  });
  it('writes durations', () => {
    expect(duration(25 * 60_000)).toBe('25 min');
    expect(duration(2 * 3600_000 + 33 * 60_000)).toBe('2 h 33 min');
    expect(duration(65_000)).toBe('1 min 5 s');
  });
});
