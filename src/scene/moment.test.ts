import { describe, expect, it } from 'vitest';
import { headOf, mapMomentAt, wholeRoute } from './scene';
import { track } from '../export/core/story.fixture';
import { positionAt } from '../track/interpolate';

describe('the moment on the map', () => {
  it('in flight: the aircraft, the edges flown before it, every claim', () => {
    const t = Date.parse('2024-12-25T05:42:40Z');
    const m = mapMomentAt(track, 'flight', t);
    expect(m.aircraft).toEqual(positionAt(track, t));
    expect(m.flownEdges).toBe(positionAt(track, t).edge);
    expect(m.claimsAsOf).toBeNull();
  });
  it('in the year after: no aircraft, the whole path, the claims reported by the end of that day', () => {
    const day = Date.parse('2024-12-26T00:00:00Z');
    expect(mapMomentAt(track, 'aftermath', day)).toEqual({ aircraft: null, flownEdges: track.edges.length, claimsAsOf: day + 86_400_000 - 1 });
    expect(wholeRoute(track)).toEqual({ aircraft: null, flownEdges: track.edges.length, claimsAsOf: null });
  });
  it('the head: from the start of the aircraft’s edge to the aircraft, none on a loop of unknown shape', () => {
    const p = positionAt(track, Date.parse('2024-12-25T05:42:40Z'));
    const e = track.edges[p.edge]!;
    expect(headOf(track, p)).toEqual({ from: e.from, to: p.lonLat, certainty: e.certainty });
    const loop = track.edges.find((x) => x.degenerate)!; // the loop near Grozny, shape unknown
    expect(loop).toBeDefined();
    expect(headOf(track, positionAt(track, (loop.t0 + loop.t1) / 2))).toBeNull();
  });
});
