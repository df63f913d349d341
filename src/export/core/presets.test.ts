import { describe, expect, it } from 'vitest';
import { exportSize, MAX_OUTPUT_PIXELS, PRESETS, scalesFor, sizeTag } from './presets';

describe('export sizes', () => {
  it('makes each preset exactly width × scale by height × scale', () => {
    for (const p of PRESETS)
      for (const s of scalesFor(p.id)) {
        const r = exportSize({ preset: p.id }, s);
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect([r.value.outWidth, r.value.outHeight]).toEqual([p.width * s, p.height * s]);
          expect(r.value.ratio).toBeCloseTo(p.density * s, 12);
        }
      }
  });
  it('has the asked presets, A4 at 300 dpi', () => {
    expect(PRESETS.map((p) => [p.id, p.width, p.height])).toEqual([
      ['16x9', 1920, 1080],
      ['1x1', 1080, 1080],
      ['4x5', 1080, 1350],
      ['a4', 3508, 2480],
    ]);
    const a4 = PRESETS.find((p) => p.id === 'a4')!;
    // 297 × 210 mm at 300 dpi
    expect(Math.round((297 / 25.4) * 300)).toBe(a4.width);
    expect(Math.round((210 / 25.4) * 300)).toBe(a4.height);
  });
  it('allows every scale for the screen presets and refuses A4 beyond the pixel limit', () => {
    expect(scalesFor('16x9')).toEqual([1, 2, 3, 4]);
    expect(scalesFor('4x5')).toEqual([1, 2, 3, 4]);
    expect(scalesFor('a4')).toEqual([1, 2, 3]);
    const r = exportSize({ preset: 'a4' }, 4);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/14032 × 9920 px is too large .* 80 million pixels/);
    expect(3508 * 3 * 2480 * 3).toBeLessThanOrEqual(MAX_OUTPUT_PIXELS);
  });
  it('checks custom sizes and the scale', () => {
    expect(exportSize({ width: 4400, height: 1000 }, 1)).toMatchObject({ ok: true, value: { outWidth: 4400, outHeight: 1000, ratio: 1, preset: 'custom' } });
    expect(exportSize({ width: 399, height: 500 }, 1)).toMatchObject({ ok: false, error: expect.stringMatching(/width must be a whole number of pixels from 400 to 8000 \(got 399\)/) });
    expect(exportSize({ width: 500, height: 1.5 }, 1)).toMatchObject({ ok: false, error: expect.stringMatching(/height/) });
    expect(exportSize({ width: 8000, height: 8000 }, 3)).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
    for (const s of [0, 5, 9, 1.5, NaN]) expect(exportSize({ preset: '16x9' }, s)).toMatchObject({ ok: false, error: expect.stringMatching(/scale must be 1, 2, 3 or 4/) });
    expect(exportSize({ preset: '3x2' }, 1)).toMatchObject({ ok: false, error: 'Unknown preset “3x2”: use one of 16x9, 1x1, 4x5, a4.' });
  });
  it('names sizes for files', () => {
    const a = exportSize({ preset: '16x9' }, 2);
    const b = exportSize({ width: 1600, height: 900 }, 1);
    expect(a.ok && sizeTag(a.value)).toBe('16x9@2x');
    expect(b.ok && sizeTag(b.value)).toBe('1600x900@1x');
  });
});
