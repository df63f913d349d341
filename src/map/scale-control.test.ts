import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useLocale } from '../i18n';
import type { Catalogue } from '../i18n/messages';
import { liveScale } from './scale-control';

const NM = 1852;
const read = (l: string) => JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as Catalogue;
/** The labels for bars of 1, 2, 5 and 20 nm and 0.5 nm (90 px across 1.5 × each), then 1 km, 500 m and 1000 km. */
const labels = (l: 'en' | 'ru' | 'az' | 'kk') => {
  useLocale(l, read(l));
  const nm = [1, 2, 5, 20, 0.5].map((v) => liveScale('nautical', (1.5 * v * NM) / 90, 90)!.label);
  const km = [1000, 500, 1_000_000].map((m) => liveScale('metric', (1.5 * m) / 90, 90)!.label);
  return [...nm, ...km];
};

describe("the live map's scale bars", () => {
  afterEach(() => useLocale('en', read('en')));

  it('label nautical miles with the language’s plural forms, and km and m, in each locale', () => {
    expect(labels('en')).toEqual(['1 nm', '2 nm', '5 nm', '20 nm', '0.5 nm', '1 km', '500 m', '1,000 km']);
    // 1 миля, 2–4 мили, 5–20 миль; a fraction: мили. (MapLibre's own control wrote "1 мор. миль".)
    expect(labels('ru')).toEqual(['1 мор. миля', '2 мор. мили', '5 мор. миль', '20 мор. миль', '0,5 мор. мили', '1 км', '500 м', '1\u00a0000 км']);
    expect(labels('az')).toEqual(['1 dəniz mili', '2 dəniz mili', '5 dəniz mili', '20 dəniz mili', '0,5 dəniz mili', '1 km', '500 m', '1.000 km']);
    expect(labels('kk')).toEqual(['1 теңіз милі', '2 теңіз милі', '5 теңіз милі', '20 теңіз милі', '0,5 теңіз милі', '1 км', '500 м', '1\u00a0000 км']);
  });

  it('is as long as its length on the ground, never longer than the room it has', () => {
    // 90 px across 1.5 nm: the 1 nm bar is 60 px.
    const bar = liveScale('nautical', (1.5 * NM) / 90, 90)!;
    expect(bar.value).toBe(1);
    expect(bar.px).toBeCloseTo(60, 6);
    for (const mpp of [3, 47, 512, 9_999]) {
      for (const unit of ['metric', 'nautical'] as const) {
        const b = liveScale(unit, mpp, 90)!;
        expect(b.px).toBeLessThanOrEqual(90);
        expect(b.px).toBeGreaterThanOrEqual(90 * 0.4); // 1, 2, 5 × 10^k: at least two fifths of the room
      }
    }
  });

  it('gives no bar where the map cannot be measured', () => {
    for (const mpp of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(liveScale('metric', mpp, 90)).toBeNull();
    expect(liveScale('nautical', 10, 0)).toBeNull();
  });
});
