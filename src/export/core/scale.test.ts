import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useLocale } from '../../i18n';
import type { Catalogue } from '../../i18n/messages';
import fc from 'fast-check';
import { NAUTICAL_MILE_M, niceBelow, scaleBars, scaleLabel } from './scale';

describe('scale bars', () => {
  it('rounds down to 1, 2 or 5 × a power of ten', () => {
    expect([0.7, 1, 1.9, 2, 4.99, 5, 9.9, 10, 13, 99, 100, 250, 999.9, 1000].map(niceBelow)).toEqual([0.5, 1, 1, 2, 2, 5, 5, 10, 10, 50, 100, 200, 500, 1000]);
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e7, noNaN: true }), (x) => {
        const n = niceBelow(x);
        return n <= x * (1 + 1e-12) && n > x / 2.5 - 1e-9;
      }),
    );
  });
  it('makes km and nm bars that fit and say their true length', () => {
    const { metric, nautical } = scaleBars(1000, 120); // 1 km a pixel, 120 px at most
    expect(metric).toEqual({ unit: 'km', value: 100, label: '100 km', px: 100 });
    expect(nautical.unit).toBe('nm');
    expect(nautical.value).toBe(50);
    expect(nautical.px).toBeCloseTo((50 * NAUTICAL_MILE_M) / 1000, 9);
    expect(scaleBars(2, 120).metric).toMatchObject({ unit: 'm', value: 200, label: '200 m', px: 100 });
    fc.assert(
      fc.property(fc.double({ min: 1, max: 50_000, noNaN: true }), fc.integer({ min: 40, max: 600 }), (mpp, max) => {
        const { metric, nautical } = scaleBars(mpp, max);
        for (const b of [metric, nautical]) {
          if (!(b.px <= max + 1e-6 && b.px > max / 2.5 - 1e-6)) return false;
          const metres = b.px * mpp;
          const want = b.value * (b.unit === 'km' ? 1000 : b.unit === 'nm' ? NAUTICAL_MILE_M : 1);
          if (Math.abs(metres - want) > 1e-6 * want) return false;
        }
        return true;
      }),
    );
  });
});

describe("scale bars' units in the picture's language", () => {
  const read = (l: string) => JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as Catalogue;
  afterEach(() => useLocale('en', read('en')));
  it('km and nm in each locale, nautical miles with the language’s plural forms', () => {
    const labels = (l: 'en' | 'ru' | 'az' | 'kk') => {
      useLocale(l, read(l));
      return [scaleLabel('km', 500), scaleLabel('m', 200), scaleLabel('nm', 1), scaleLabel('nm', 2), scaleLabel('nm', 50)];
    };
    expect(labels('en')).toEqual(['500 km', '200 m', '1 nm', '2 nm', '50 nm']);
    expect(labels('ru')).toEqual(['500 км', '200 м', '1 мор. миля', '2 мор. мили', '50 мор. миль']);
    expect(labels('az')).toEqual(['500 km', '200 m', '1 dəniz mili', '2 dəniz mili', '50 dəniz mili']);
    expect(labels('kk')).toEqual(['500 км', '200 м', '1 теңіз милі', '2 теңіз милі', '50 теңіз милі']);
    useLocale('kk', read('kk'));
    expect(scaleBars(1000, 120).nautical.label).toBe('50 теңіз милі');
  });
});
