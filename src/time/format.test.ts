import { describe, expect, it } from 'vitest';
import { clock, day, duration, eventTimeLabel, isoUtc, offsetLabel, parseIsoUtc } from './format';

const impact = Date.parse('2024-12-25T05:13:31Z');

describe('format', () => {
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
  it('parses only real ISO 8601 UTC', () => {
    expect(parseIsoUtc('2024-12-25T05:13:31Z')).toBe(impact);
    expect(isoUtc(impact)).toBe('2024-12-25T05:13:31Z');
    for (const bad of ['2024-12-25 05:13:31Z', '2024-12-25T05:13:31+00:00', '2024-13-01T00:00:00Z', '2024-12-32T00:00:00Z', '2024-12-25T24:00:00Z', '', 'NaN']) expect(parseIsoUtc(bad), bad).toBeNaN();
  });
  it('writes durations', () => {
    expect(duration(25 * 60_000)).toBe('25 min');
    expect(duration(2 * 3600_000 + 33 * 60_000)).toBe('2 h 33 min');
    expect(duration(65_000)).toBe('1 min 5 s');
  });
});
