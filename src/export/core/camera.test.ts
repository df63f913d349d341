import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitBounds, projectOnMap, renderCenter } from './camera';
import { fromWorldPx, worldPx } from '../../geo/mercator';

const FRAME: [number, number, number, number] = [45.69968, 40.4675, 51.09194, 43.86];
const pad = { top: 40, right: 120, bottom: 40, left: 60 };

describe('export camera', () => {
  it('round-trips between lon/lat and world pixels', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: 0, max: 12, noNaN: true }),
        (lng, lat, z) => {
          const [a, b] = fromWorldPx(worldPx([lng, lat], z), z);
          return Math.abs(a - lng) < 1e-9 && Math.abs(b - lat) < 1e-9;
        },
      ),
    );
  });
  it('fits the frame inside the padding, touching it on the tight side', () => {
    for (const [w, h] of [
      [1920, 900],
      [1080, 700],
      [800, 1200],
    ]) {
      const cam = fitBounds(FRAME, w!, h!, pad);
      const sw = projectOnMap([FRAME[0], FRAME[1]], cam, w!, h!, 1);
      const ne = projectOnMap([FRAME[2], FRAME[3]], cam, w!, h!, 1);
      expect(sw.x).toBeGreaterThanOrEqual(pad.left - 1e-6);
      expect(ne.x).toBeLessThanOrEqual(w! - pad.right + 1e-6);
      expect(ne.y).toBeGreaterThanOrEqual(pad.top - 1e-6);
      expect(sw.y).toBeLessThanOrEqual(h! - pad.bottom + 1e-6);
      const tightX = Math.abs(sw.x - pad.left) < 1e-6 && Math.abs(ne.x - (w! - pad.right)) < 1e-6;
      const tightY = Math.abs(ne.y - pad.top) < 1e-6 && Math.abs(sw.y - (h! - pad.bottom)) < 1e-6;
      expect(tightX || tightY).toBe(true);
    }
  });
  it('scales with the pixel ratio: the same view at 2× is the 1× view twice as large', () => {
    const cam = fitBounds(FRAME, 960, 540, pad);
    const a = projectOnMap([48, 42], cam, 960, 540, 1);
    const b = projectOnMap([48, 42], cam, 1920, 1080, 2);
    expect(b.x).toBeCloseTo(a.x * 2, 9);
    expect(b.y).toBeCloseTo(a.y * 2, 9);
  });
  it('centres a tile render on its part of the whole map', () => {
    const cam = fitBounds(FRAME, 4400, 1000, pad);
    // A render of 2304 px whose top-left is at x = 2048 - 128 of the whole map.
    const c = renderCenter(cam, 4400, 1000, 1, { x: 1920, y: 0 }, 2304, 1000);
    const p = projectOnMap(c, cam, 4400, 1000, 1);
    expect(p.x).toBeCloseTo(1920 + 1152, 6);
    expect(p.y).toBeCloseTo(500, 6);
    // A single render exactly the size of the map is centred on the camera.
    const whole = renderCenter(cam, 4400, 1000, 1, { x: 0, y: 0 }, 4400, 1000);
    expect(whole[0]).toBeCloseTo(cam.center[0], 9);
    expect(whole[1]).toBeCloseTo(cam.center[1], 9);
  });
});
