import { describe, expect, it } from 'vitest';
import distance from '@turf/distance';
import { exportFrame } from './frame';
import { circleBBox } from '../../geo/bounds';
import { fitBounds, insetPolygon, projectOnMap, unprojectOnMap } from './camera';
import { mapMomentAt, wholeRoute } from '../../scene/scene';
import { layers, track } from './story.fixture';

describe('export frame', () => {
  it('holds Baku, Grozny and Aktau, the strike areas, and the whole uncertainty ring', () => {
    const route = exportFrame(layers, wholeRoute(track));
    const [w, s, e, n] = layers.frame;
    expect(route[0]).toBeLessThan(w); // the strike area reaches west of Grozny
    expect(route[1]).toBe(s);
    expect(route[2]).toBe(e);
    expect(route[3]).toBeGreaterThanOrEqual(n);
    const m = mapMomentAt(track, 'flight', Date.parse('2024-12-25T05:42:40Z'));
    const at = exportFrame(layers, m);
    const ring = circleBBox(m.aircraft!.lonLat, m.aircraft!.uncertaintyKm);
    expect(at[3]).toBeGreaterThanOrEqual(ring[3]);
    // The ring's box reaches as far as the ring (within 1 %).
    const north: [number, number] = [m.aircraft!.lonLat[0], ring[3]];
    expect(distance(m.aircraft!.lonLat, north, { units: 'kilometers' }) / m.aircraft!.uncertaintyKm).toBeCloseTo(1, 2);
  });
  it('gives the map area less an inset as a polygon for the label filter', () => {
    const cam = fitBounds(layers.frame, 960, 540, { top: 40, right: 40, bottom: 40, left: 40 });
    const poly = insetPolygon(cam, 1920, 1080, 2, { x: 112, y: 28 });
    const ring = poly.coordinates[0]!;
    expect(ring).toHaveLength(5);
    const sw = projectOnMap(ring[0] as [number, number], cam, 1920, 1080, 2);
    const ne = projectOnMap(ring[2] as [number, number], cam, 1920, 1080, 2);
    expect(sw.x).toBeCloseTo(112, 6);
    expect(sw.y).toBeCloseTo(1080 - 28, 6);
    expect(ne.x).toBeCloseTo(1920 - 112, 6);
    expect(ne.y).toBeCloseTo(28, 6);
    const back = unprojectOnMap(projectOnMap([48, 42], cam, 1920, 1080, 2), cam, 1920, 1080, 2);
    expect(back[0]).toBeCloseTo(48, 9);
    expect(back[1]).toBeCloseTo(42, 9);
  });
});
