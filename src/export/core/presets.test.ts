import { describe, expect, it } from 'vitest';
import { designDensity, exportSize, isPhone, MAX_OUTPUT_PIXELS, MIN_DENSITY, PRESETS, printDensity, scalesFor, screenDensity, sizeTag } from './presets';
import { readFileSync } from 'node:fs';

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
      ['a3', 4961, 3508],
      ['letter', 3300, 2550],
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
    expect(exportSize({ width: 399, height: 500 }, 1)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/width must be a whole number of pixels from 400 to 8000 \(got 399\)/),
    });
    expect(exportSize({ width: 500, height: 1.5 }, 1)).toMatchObject({ ok: false, error: expect.stringMatching(/height/) });
    expect(exportSize({ width: 8000, height: 8000 }, 3)).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
    for (const s of [0, 5, 9, 1.5, NaN])
      expect(exportSize({ preset: '16x9' }, s)).toMatchObject({ ok: false, error: expect.stringMatching(/scale must be 1, 2, 3 or 4/) });
    expect(exportSize({ preset: '3x2' }, 1)).toMatchObject({ ok: false, error: 'Unknown preset “3x2”: use one of 16x9, 1x1, 4x5, a4, a3, letter.' });
  });
  it('names sizes for files', () => {
    const a = exportSize({ preset: '16x9' }, 2);
    const b = exportSize({ width: 1600, height: 900 }, 1);
    expect(a.ok && sizeTag(a.value)).toBe('16x9@2x');
    expect(b.ok && sizeTag(b.value)).toBe('1600x900@1x');
    const c = exportSize({ preset: 'a4', orientation: 'portrait' }, 1);
    const d = exportSize({ mm: [180, 120] }, 1);
    expect(c.ok && sizeTag(c.value)).toBe('a4-portrait@1x');
    expect(d.ok && sizeTag(d.value)).toBe('180x120mm@1x');
    expect(c.ok && sizeTag(c.value, false)).toBe('a4-portrait'); // a vector file: no pixel scale
  });
  it('makes print sizes in millimetres at 300 dpi, landscape or portrait', () => {
    expect(exportSize({ preset: 'a4', orientation: 'portrait' }, 1)).toMatchObject({
      ok: true,
      value: { outWidth: 2480, outHeight: 3508, mm: { width: 210, height: 297 }, orientation: 'portrait' },
    });
    expect(exportSize({ preset: 'a3' }, 1)).toMatchObject({ ok: true, value: { outWidth: 4961, outHeight: 3508, mm: { width: 420, height: 297 } } });
    expect(exportSize({ preset: 'letter', orientation: 'portrait' }, 1)).toMatchObject({
      ok: true,
      value: { outWidth: 2550, outHeight: 3300, mm: { width: 215.9, height: 279.4 } },
    });
    const m = exportSize({ mm: [180, 120] }, 1);
    expect(m).toMatchObject({ ok: true, value: { preset: 'custom', outWidth: 2126, outHeight: 1417, mm: { width: 180, height: 120 } } });
    // A small page gets smaller type (a page at least 1000 × 700 design pixels), in eighths: 2126 / 1000, 1417 / 700 → 2.
    if (m.ok) expect(m.value.ratio).toBe(2);
    const portrait = exportSize({ preset: 'a4', orientation: 'portrait' }, 1);
    if (portrait.ok) expect(portrait.value.density).toBe(2.375);
    for (const id of ['a4', 'a3', 'letter']) {
      const r = exportSize({ preset: id }, 1);
      if (r.ok) expect(r.value.density, id).toBe(300 / 96);
    }
    expect(exportSize({ preset: '16x9' }, 1)).toMatchObject({ ok: true, value: { mm: undefined } });
    expect(exportSize({ preset: '16x9', orientation: 'portrait' }, 1)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Portrait is for the print sizes/),
    });
    expect(exportSize({ mm: [20, 120] }, 1)).toMatchObject({ ok: false, error: 'The width must be from 50 to 600 mm (got 20).' });
    expect(exportSize({ preset: 'a3' }, 3)).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
  });
});

describe("every preset's words in the catalogue (the Export dialog builds their keys)", () => {
  it('export.use.<id> for each, export.preset.<id> for each print size', () => {
    const en = JSON.parse(readFileSync('geo/i18n/en.json', 'utf8')) as { messages: Record<string, string> };
    const missing = PRESETS.flatMap((p) => [`export.use.${p.id}`, ...(p.mm ? [`export.preset.${p.id}`] : [])]).filter((k) => !(k in en.messages));
    expect(missing).toEqual([]);
    for (const p of PRESETS) if (p.mm) expect(en.messages[`export.preset.${p.id}`]).toBe(p.label);
  });
});

describe('the type of a small picture', () => {
  it('shrinks below the smallest design (1000 × 700), by eighths, to 0.75 at most', () => {
    expect(designDensity(1000, 700, 1)).toBe(1);
    expect(designDensity(1920, 1080, 1)).toBe(1);
    expect(designDensity(960, 540, 1)).toBe(0.75); // 540 / 700 = 0.77
    expect(designDensity(900, 700, 1)).toBe(0.875); // 0.9
    expect(designDensity(640, 640, 1)).toBe(MIN_DENSITY); // 0.64: no smaller
    expect(designDensity(400, 400, 1)).toBe(MIN_DENSITY);
    const r = exportSize({ width: 960, height: 540 }, 2);
    expect(r).toMatchObject({ ok: true, value: { outWidth: 1920, outHeight: 1080, density: 0.75, ratio: 1.5 } });
  });
  it('in print: up to 300 dpi, and a page under 1000 × 700 dots gets smaller type, as on screen', () => {
    expect(printDensity(3508, 2480)).toBe(300 / 96);
    expect(printDensity(827, 591)).toBe(0.75); // 70 × 50 mm
    expect(exportSize({ mm: [70, 50] }, 1)).toMatchObject({ ok: true, value: { density: 0.75 } });
  });
  it('a tall picture a phone’s column wide is laid out for 360 CSS px, not shrunk: the narrow route picture', () => {
    // npm run images: 405 × 720 at scale 2 was 540 × 960 design px (0.75), its type 2/3 of its size at 360 px wide.
    expect(exportSize({ width: 405, height: 720 }, 2)).toMatchObject({ ok: true, value: { outWidth: 810, outHeight: 1440, density: 1.125, ratio: 2.25 } });
    expect(screenDensity(400, 700)).toBe(1); // 1.11, by eighths
    expect(screenDensity(480, 854)).toBe(1.25); // 384 design px
    // Not a phone's: wider, or not tall enough; these keep designDensity's type.
    for (const [w, h] of [
      [500, 900],
      [480, 700],
      [400, 400],
      [1080, 1920],
    ] as const) {
      expect(isPhone(w, h), `${w}×${h}`).toBe(false);
      expect(screenDensity(w, h), `${w}×${h}`).toBe(designDensity(w, h, 1));
    }
  });
});
