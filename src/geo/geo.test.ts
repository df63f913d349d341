import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fromWorldPx,
  kmToPixels,
  latFromMercatorY,
  lngFromMercatorX,
  mercatorBearing,
  mercatorLerp,
  mercatorX,
  mercatorY,
  metresPerPixel,
  worldPx,
} from './mercator';
import { bboxOf, circleBBox, padBBox, unionBBox } from './bounds';
import { clamp, lastAtOrBefore } from './num';
import { utcDayStart } from './day';

describe('Web Mercator', () => {
  it('puts the equator and the antimeridian where MapLibre does', () => {
    expect(mercatorX(-180)).toBe(0);
    expect(mercatorX(0)).toBe(0.5);
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    expect(mercatorY(85.0511287798)).toBeCloseTo(0, 9);
    expect(worldPx([0, 0], 0)).toEqual([256, expect.closeTo(256, 9)]);
  });
  it('unprojects what it projects', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.double({ min: -84, max: 84, noNaN: true }),
        fc.double({ min: 0, max: 16, noNaN: true }),
        (lng, lat, z) => {
          const [a, b] = fromWorldPx(worldPx([lng, lat], z), z);
          expect(a).toBeCloseTo(lng, 8);
          expect(b).toBeCloseTo(lat, 8);
          expect(lngFromMercatorX(mercatorX(lng))).toBeCloseTo(lng, 10);
          expect(latFromMercatorY(mercatorY(lat))).toBeCloseTo(lat, 10);
        },
      ),
    );
  });
  it('gives the heading of a segment as drawn, and points along it', () => {
    expect(mercatorBearing([50, 40], [50, 41])).toBeCloseTo(0, 9);
    expect(mercatorBearing([50, 40], [51, 40])).toBeCloseTo(90, 9);
    expect(mercatorBearing([50, 40], [50, 39])).toBeCloseTo(180, 9);
    expect(mercatorBearing([50, 40], [49, 40])).toBeCloseTo(270, 9);
    expect(mercatorBearing([50, 40], [50, 40])).toBe(0);
    expect(mercatorLerp([1, 2], [3, 4], 0)).toEqual([1, 2]);
    expect(mercatorLerp([1, 2], [3, 4], 1)).toEqual([3, 4]);
    const m = mercatorLerp([0, 0], [0, 60], 0.5);
    expect(mercatorY(m[1])).toBeCloseTo((mercatorY(0) + mercatorY(60)) / 2, 12);
  });
  it('gives metres per pixel with 512-pixel tiles, and ground distances in pixels', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
    expect(metresPerPixel(0, 1)).toBeCloseTo(metresPerPixel(0, 0) / 2, 6);
    expect(metresPerPixel(60, 5)).toBeCloseTo(metresPerPixel(0, 5) / 2, 6);
    expect(kmToPixels(110, 43.3, 6)).toBeCloseTo(123.1, 0);
    expect(kmToPixels(0, 43.3, 6)).toBe(0);
  });
});

describe('bounds', () => {
  it('boxes points, joins boxes, grows them, and boxes small circles', () => {
    expect(
      bboxOf([
        [1, 2],
        [3, -1],
        [0, 5],
      ]),
    ).toEqual([0, -1, 3, 5]);
    expect(unionBBox([0, 0, 1, 1], [2, -1, 3, 0.5])).toEqual([0, -1, 3, 1]);
    expect(padBBox([0, 0, 1, 1], 0.5)).toEqual([-0.5, -0.5, 1.5, 1.5]);
    const [w, s, e, n] = circleBBox([48, 60], 111.32);
    expect([s, n]).toEqual([59, 61]);
    expect(e - w).toBeCloseTo(4, 9);
  });
});

describe('numbers', () => {
  it('clamps', () => {
    expect(clamp(5, 0, 1)).toBe(1);
    expect(clamp(-5, 0, 1)).toBe(0);
    expect(clamp(0.5, 0, 1)).toBe(0.5);
  });
  it('finds the last item at or before a value, as a linear scan would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -5, max: 55 }), (raw, x) => {
        const xs = [...raw].sort((a, b) => a - b);
        let lin = -1;
        xs.forEach((v, i) => v <= x && (lin = i));
        expect(lastAtOrBefore(xs, x, (v) => v)).toBe(lin);
      }),
    );
  });
});

describe('utcDayStart', () => {
  it('reads a real calendar day as the UTC instant it starts, and nothing else', () => {
    expect(utcDayStart('2025-02-04')).toBe(Date.UTC(2025, 1, 4));
    for (const bad of ['2025-02-30', '2025-13-01', '2025-2-4', '2025-02-04T00:00:00Z', '', 'x']) expect(utcDayStart(bad), bad).toBeNaN();
  });
});
