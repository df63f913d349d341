import { describe, expect, it } from 'vitest';
import { kmToPixels, metresPerPixel } from './ground';

describe('ground scale', () => {
  it('is MapLibre’s: 512-px world at zoom 0, halving with each zoom level', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
    expect(metresPerPixel(0, 1)).toBeCloseTo(metresPerPixel(0, 0) / 2, 6);
  });
  it('shrinks the ground per pixel with the cosine of the latitude', () => {
    expect(metresPerPixel(60, 5)).toBeCloseTo(metresPerPixel(0, 5) / 2, 6);
  });
  it('turns a radius in km into pixels', () => {
    // 110 km at Grozny's latitude, zoom 6: 110 000 m ÷ (78 271.5 × cos 43.3° ÷ 64) ≈ 123 px
    expect(kmToPixels(110, 43.3, 6)).toBeCloseTo(123.1, 0);
    expect(kmToPixels(0, 43.3, 6)).toBe(0);
  });
});
