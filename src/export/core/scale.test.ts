import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NAUTICAL_MILE_M, niceBelow, scaleBars } from './scale';

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
