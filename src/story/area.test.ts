import { describe, expect, it } from 'vitest';
import distance from '@turf/distance';
import { AREA_STEPS, areaProblems, areaRing, signedArea2 } from './area';

const C = [45.64, 43.47] as const;

describe('areaRing', () => {
  const ring = areaRing(C, 15);
  it('is a closed ring of AREA_STEPS + 1 positions', () => {
    expect(ring).toHaveLength(AREA_STEPS + 1);
    expect(ring.at(-1)).toEqual(ring[0]);
  });
  it('is counter-clockwise (RFC 7946 right-hand rule)', () => {
    expect(signedArea2(ring)).toBeGreaterThan(0);
  });
  it('has every vertex on the circle', () => {
    for (const p of ring) expect(distance([C[0], C[1]], p, { units: 'kilometers' })).toBeCloseTo(15, 2);
  });
  it('has no problems', () => {
    expect(areaProblems([ring], C, 15)).toEqual([]);
  });
});

describe('areaProblems: geometry and properties that disagree', () => {
  const ring = areaRing(C, 15);
  it('a radius that is not the ring’s', () => {
    expect(areaProblems([ring], C, 20).join('\n')).toMatch(
      /lies 15\.00 km from properties\.center .* properties\.radiusKm is 20; geometry and properties disagree/,
    );
  });
  it('a centre that is not the ring’s', () => {
    expect(areaProblems([ring], [45.7, 43.47], 15).join('\n')).toMatch(/geometry and properties disagree/);
  });
  it('a clockwise ring', () => {
    expect(areaProblems([[...ring].reverse()], C, 15).join('\n')).toMatch(/clockwise/);
  });
  it('an open ring', () => {
    expect(areaProblems([ring.slice(0, -1)], C, 15).join('\n')).toMatch(/not closed/);
  });
  it('a ring that covers only half the circle', () => {
    const half = ring.slice(0, AREA_STEPS / 2 + 1);
    expect(areaProblems([[...half, half[0]!]], C, 15).join('\n')).toMatch(/gap of \d+°/);
  });
  it('a hole', () => {
    expect(areaProblems([ring, areaRing(C, 5).reverse()], C, 15).join('\n')).toMatch(/one exterior ring, found 2/);
  });
});
