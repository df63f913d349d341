import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cssStep, planTiles } from './tiles';

describe('tile plan', () => {
  it('draws a map that fits in one render', () => {
    expect(planTiles(1920, 842, 2, 4096)).toEqual({
      cssW: 960,
      cssH: 421,
      canvasW: 1920,
      canvasH: 842,
      tiles: [{ core: { x: 0, y: 0, w: 1920, h: 842 }, origin: { x: 0, y: 0 } }],
    });
    // A4 at 300 dpi: 3.125 device pixels a CSS pixel, so CSS sizes are multiples of 8.
    expect(cssStep(300 / 96)).toBe(8);
    const a4 = planTiles(3508, 2100, 300 / 96, 4096);
    expect(a4.tiles).toHaveLength(1);
    expect(a4.cssW % 8).toBe(0);
    expect(a4.canvasW).toBeGreaterThanOrEqual(3508);
    expect(a4.canvasW).toBe(a4.cssW * 3.125);
  });
  it('splits a map wider than the largest canvas into overlapping tiles', () => {
    const p = planTiles(4400, 1000, 1, 4096);
    expect(p.tiles.map((t) => t.core)).toEqual([
      { x: 0, y: 0, w: 2200, h: 1000 },
      { x: 2200, y: 0, w: 2200, h: 1000 },
    ]);
    expect(p.tiles.map((t) => t.origin)).toEqual([
      { x: -128, y: 0 },
      { x: 2072, y: 0 },
    ]);
    expect([p.canvasW, p.canvasH]).toEqual([2456, 1000]);
  });
  it('always covers the map exactly once, with cores inside their canvases', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 16384 }),
        fc.integer({ min: 300, max: 16384 }),
        fc.constantFrom(1, 2, 3, 4, 3.125, 6.25, 9.375),
        fc.constantFrom(2048, 4096, 8192),
        (w, h, ratio, max) => {
          const p = planTiles(w, h, ratio, max);
          if (p.canvasW > max || p.canvasH > max) return false;
          if (Math.abs(p.canvasW - p.cssW * ratio) > 1e-6 || Math.abs(p.canvasH - p.cssH * ratio) > 1e-6) return false;
          let area = 0;
          for (const t of p.tiles) {
            area += t.core.w * t.core.h;
            if (t.core.x - t.origin.x < 0 || t.core.y - t.origin.y < 0) return false;
            if (t.core.x - t.origin.x + t.core.w > p.canvasW || t.core.y - t.origin.y + t.core.h > p.canvasH) return false;
            if (t.core.x + t.core.w > w || t.core.y + t.core.h > h) return false;
          }
          return area === w * h;
        },
      ),
      { numRuns: 300 },
    );
  });
});
