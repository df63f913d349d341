import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { TrackFile } from '../story/schema';
import { buildTrack, positionAt, edgeAt } from './interpolate';
import { mercatorX, mercatorY } from '../geo/mercator';

const legs = TrackFile.parse(JSON.parse(readFileSync('geo/track.geojson', 'utf8'))).features;
const model = buildTrack(legs);

/** Distance (in Mercator units) from p to the straight Mercator segment a–b. */
function distToSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const P = [mercatorX(p[0]), mercatorY(p[1])];
  const A = [mercatorX(a[0]), mercatorY(a[1])];
  const B = [mercatorX(b[0]), mercatorY(b[1])];
  const dx = B[0]! - A[0]!,
    dy = B[1]! - A[1]!;
  const len2 = dx * dx + dy * dy;
  const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((P[0]! - A[0]!) * dx + (P[1]! - A[1]!) * dy) / len2));
  return Math.hypot(P[0]! - (A[0]! + u * dx), P[1]! - (A[1]! + u * dy));
}

/** Distance flown along the path up to a position (Mercator units), for monotonicity. */
function progress(t: number): number {
  const p = positionAt(model, t);
  let d = 0;
  for (let i = 0; i < p.edge; i++) {
    const e = model.edges[i]!;
    d += Math.hypot(mercatorX(e.to[0]) - mercatorX(e.from[0]), mercatorY(e.to[1]) - mercatorY(e.from[1]));
  }
  const e = model.edges[p.edge]!;
  return d + Math.hypot(mercatorX(p.lonLat[0]) - mercatorX(e.from[0]), mercatorY(p.lonLat[1]) - mercatorY(e.from[1]));
}

const time = fc.integer({ min: model.start, max: model.end });

describe('buildTrack', () => {
  it('spans take-off to the crash', () => {
    expect(new Date(model.start).toISOString()).toBe('2024-12-25T03:55:00.000Z');
    expect(new Date(model.end).toISOString()).toBe('2024-12-25T06:28:00.000Z');
  });
  it('gives every edge increasing times and a heading', () => {
    for (const e of model.edges) {
      expect(e.t1).toBeGreaterThanOrEqual(e.t0);
      expect(e.bearing).toBeGreaterThanOrEqual(0);
      expect(e.bearing).toBeLessThan(360);
    }
  });
  it('heads north-west from Baku and east across the Caspian', () => {
    expect(model.edges[0]!.bearing).toBeGreaterThan(300);
    expect(model.edges[0]!.bearing).toBeLessThan(330);
    const caspian = model.edges.find((e) => e.from[0] > 45.8 && e.to[0] > 51)!;
    expect(caspian.bearing).toBeGreaterThan(70);
    expect(caspian.bearing).toBeLessThan(90);
  });
});

describe('positionAt', () => {
  it('is always on the path', () => {
    fc.assert(
      fc.property(time, (t) => {
        const p = positionAt(model, t);
        const e = model.edges[p.edge]!;
        expect(distToSegment(p.lonLat, e.from, e.to)).toBeLessThan(1e-9);
      }),
      { numRuns: 500 },
    );
  });
  it('never goes backwards as time goes forward', () => {
    fc.assert(
      fc.property(time, time, (a, b) => {
        const [t0, t1] = a <= b ? [a, b] : [b, a];
        expect(progress(t1)).toBeGreaterThanOrEqual(progress(t0) - 1e-12);
      }),
      { numRuns: 500 },
    );
  });
  it('is exact at every timed knot', () => {
    for (const leg of legs) {
      for (const [knot, coord] of [
        [leg.properties.start, leg.geometry.coordinates[0]!],
        [leg.properties.end, leg.geometry.coordinates.at(-1)!],
      ] as const) {
        const p = positionAt(model, Date.parse(knot.time));
        expect(p.lonLat[0]).toBeCloseTo(coord[0], 9);
        expect(p.lonLat[1]).toBeCloseTo(coord[1], 9);
        expect(p.uncertaintyKm).toBeCloseTo(knot.uncertaintyKm, 9);
      }
    }
  });
  it('is exact at the crash and the take-off, and clamps outside the flight', () => {
    expect(positionAt(model, Date.parse('2024-12-25T06:28:00Z')).lonLat).toEqual([51.01, 43.8825]);
    expect(positionAt(model, 0).lonLat).toEqual([50.04667, 40.4675]);
    expect(positionAt(model, Date.parse('2030-01-01T00:00:00Z')).lonLat).toEqual([51.01, 43.8825]);
    expect(positionAt(model, NaN).time).toBe(model.start);
  });
  it('holds the aircraft inside the strike area during the loop, with its uncertainty', () => {
    const p = positionAt(model, Date.parse('2024-12-25T05:20:00Z'));
    expect(p.lonLat).toEqual([45.64, 43.47]);
    expect(p.uncertaintyKm).toBe(15);
    expect(p.certainty).toBe('reconstructed');
  });
  it('grows the uncertainty mid-Caspian, where nothing is known', () => {
    const mid = positionAt(model, Date.parse('2024-12-25T05:46:00Z'));
    expect(mid.uncertaintyKm).toBeGreaterThan(70);
    expect(positionAt(model, Date.parse('2024-12-25T04:00:00Z')).certainty).toBe('approximate');
  });
  it('finds edges by binary search consistently with a linear scan', () => {
    fc.assert(
      fc.property(time, (t) => {
        let lin = 0;
        model.edges.forEach((e, i) => {
          if (e.t0 <= t) lin = i;
        });
        expect(edgeAt(model, t)).toBe(lin);
      }),
    );
  });
});
