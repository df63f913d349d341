import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseUrl, withMoment, quote, DEFAULT_FLAGS } from './url';

const ids = new Set(['first-impact', 'crash', 'putin-admission']);
const ctx = {
  hasEvent: (id: string) => ids.has(id),
  inRange: (t: number) => t >= Date.parse('2024-12-25T00:00:00Z') && t <= Date.parse('2025-12-26T00:00:00Z'),
};

describe('parseUrl', () => {
  it('reads a time and an event', () => {
    expect(parseUrl('?t=2024-12-25T05:13:31Z', ctx).moment).toEqual({ t: Date.parse('2024-12-25T05:13:31Z') });
    expect(parseUrl('?t=2024-12-25T05:13Z', ctx).moment).toEqual({ t: Date.parse('2024-12-25T05:13:00Z') });
    expect(parseUrl('?event=crash', ctx).moment).toEqual({ event: 'crash' });
    expect(parseUrl('?event=crash&t=2024-12-25T05:13:31Z', ctx).moment).toEqual({ event: 'crash' });
    expect(parseUrl('', ctx)).toEqual({ moment: {}, flags: DEFAULT_FLAGS, notes: [] });
  });
  it('ignores values it cannot use, with a polite note', () => {
    for (const q of [
      '?t=yesterday',
      '?t=2024-12-25T25:00:00Z',
      '?t=2024-02-30T00:00:00Z',
      '?t=2024-12-25T05:13:31',
      '?t=2031-01-01T00:00:00Z',
      '?event=nope',
      '?event=',
      '?dark=maybe',
      '?controls=perhaps',
      '?childId=<b>x</b>',
      '?initialWidth=-3',
    ]) {
      const r = parseUrl(q, ctx);
      expect(r.moment, q).toEqual({});
      expect(r.notes.length, q).toBe(1);
    }
  });
  it('reads the embed flags as Datawrapper and Pym do', () => {
    const f = parseUrl('?embed&plain&controls=0&autoplay&loop&dark=auto&static&childId=map-1&initialWidth=600', ctx).flags;
    expect(f).toEqual({
      embed: true,
      plain: true,
      controls: false,
      autoplay: true,
      loop: true,
      dark: 'auto',
      static: true,
      childId: 'map-1',
      initialWidth: 600,
    });
    expect(parseUrl('?dark=1', ctx).flags.dark).toBe('dark');
    expect(parseUrl('?dark=0', ctx).flags.dark).toBe('light');
  });
  it('never throws and only ever yields known shapes, whatever the query', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        const q = `?t=${encodeURIComponent(a)}&event=${encodeURIComponent(b)}&dark=${encodeURIComponent(c)}&${encodeURIComponent(a)}=${encodeURIComponent(c)}`;
        const r = parseUrl(q, ctx);
        if (r.moment.event !== undefined) expect(ids.has(r.moment.event)).toBe(true);
        if (r.moment.t !== undefined) expect(ctx.inRange(r.moment.t)).toBe(true);
        expect(['light', 'dark', 'auto']).toContain(r.flags.dark);
        for (const n of r.notes) expect(n.length).toBeLessThan(200);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string(), (raw) => void parseUrl(raw, ctx)),
      { numRuns: 1000 },
    );
  });
  it('quotes hostile values short and without control characters (they are shown as text)', () => {
    expect(quote('a\u0000b\u202ec')).toBe('“abc”');
    expect(quote('x'.repeat(100)).length).toBeLessThan(50);
  });
});

describe('withMoment', () => {
  it('round-trips a time and an event, keeping the other parameters', () => {
    const t = Date.parse('2024-12-25T05:13:31Z');
    const q = withMoment('?embed&dark=1&t=old', { t });
    expect(q).toBe('?embed&dark=1&t=2024-12-25T05:13:31Z');
    expect(parseUrl(q, ctx).moment).toEqual({ t });
    const q2 = withMoment(q, { t, event: 'first-impact' });
    expect(q2).toBe('?embed&dark=1&event=first-impact');
    expect(parseUrl(q2, ctx).moment).toEqual({ event: 'first-impact' });
  });
  it('round-trips any second of the story', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2024-12-25T00:00:00Z') / 1000, max: Date.parse('2025-12-26T00:00:00Z') / 1000 }), (s) => {
        expect(parseUrl(withMoment('', { t: s * 1000 }), ctx).moment.t).toBe(s * 1000);
      }),
    );
  });
});

describe('lang', () => {
  it('reads a language we speak, with region or script', () => {
    expect(parseUrl('?lang=ru', ctx).flags.lang).toBe('ru');
    expect(parseUrl('?lang=az-Latn', ctx).flags.lang).toBe('az');
    expect(parseUrl('?lang=kk', ctx).notes).toEqual([]);
  });
  it('any other value: English, and a note naming it', () => {
    const p = parseUrl('?lang=xx', ctx);
    expect(p.flags.lang).toBeUndefined();
    expect(p.notes).toEqual(['The language “xx” is not available here (English, Русский, Azərbaycanca, Қазақша), so the page is in English.']);
  });
  it('is kept when the moment changes', () =>
    expect(withMoment('?lang=kk&embed', { t: Date.parse('2024-12-25T05:13:31Z') })).toBe('?lang=kk&embed&t=2024-12-25T05:13:31Z'));
});
