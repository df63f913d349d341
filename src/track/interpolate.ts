/**
 * Time → position along the flown path. Pure: no DOM, no MapLibre.
 *
 * The path is the track legs (geo/track.geojson) joined end to end. Each leg runs between two timed knots;
 * inside a leg the aircraft is assumed to move at constant ground speed, so interior vertices get times
 * in proportion to their geodesic distance. Within an edge the position is interpolated in Web Mercator,
 * so it lies exactly on the line the map draws. Every position is an estimate: the uncertainty (km)
 * comes from the knots and the leg's mid-leg uncertainty.
 */
import distance from '@turf/distance';
import type { Certainty, LegFeature } from '../story/schema';
import { mercatorBearing, mercatorLerp, type LngLat } from '../geo/mercator';
import { clamp, lastAtOrBefore } from '../geo/num';

export interface TrackEdge {
  /** Index of the edge in the whole path. */
  index: number;
  leg: number;
  from: LngLat;
  to: LngLat;
  t0: number;
  t1: number;
  certainty: Exclude<Certainty, 'planned'>;
  /** Mercator bearing of the edge in degrees clockwise from north (the heading as drawn). */
  bearing: number;
  /** Zero-length edges (a loop whose shape is unknown) are not drawn. */
  degenerate: boolean;
}

export interface TrackModel {
  start: number;
  end: number;
  edges: TrackEdge[];
  legs: { id: string; t0: number; t1: number; u0: number; u1: number; uMid: number | undefined; certainty: TrackEdge['certainty'] }[];
}

export interface TrackPosition {
  lonLat: LngLat;
  /** Heading in degrees clockwise from north, of the edge the aircraft is on (held through loops). */
  bearing: number;
  uncertaintyKm: number;
  /** The edge the aircraft is on; edges before it are flown. */
  edge: number;
  leg: number;
  certainty: TrackEdge['certainty'];
  /** The time used, clamped into the flight. */
  time: number;
}

export function buildTrack(legs: readonly LegFeature[]): TrackModel {
  if (!legs.length) throw new Error('buildTrack: no legs');
  const edges: TrackEdge[] = [];
  const legInfo: TrackModel['legs'] = [];
  legs.forEach((leg, li) => {
    const p = leg.properties;
    const t0 = Date.parse(p.start.time);
    const t1 = Date.parse(p.end.time);
    legInfo.push({ id: p.id, t0, t1, u0: p.start.uncertaintyKm, u1: p.end.uncertaintyKm, uMid: p.midUncertaintyKm, certainty: p.certainty });
    const pts = leg.geometry.coordinates.map((c) => [c[0]!, c[1]!] as LngLat);
    const lens = pts.slice(1).map((b, i) => distance(pts[i]!, b, { units: 'kilometers' }));
    const total = lens.reduce((a, b) => a + b, 0);
    let acc = 0;
    for (let i = 0; i < lens.length; i++) {
      const a = pts[i]!,
        b = pts[i + 1]!;
      const ta = t0 + (total > 0 ? (acc / total) * (t1 - t0) : (i / lens.length) * (t1 - t0));
      acc += lens[i]!;
      const tb = i === lens.length - 1 ? t1 : t0 + (total > 0 ? (acc / total) * (t1 - t0) : ((i + 1) / lens.length) * (t1 - t0));
      const degenerate = lens[i] === 0;
      edges.push({
        index: edges.length,
        leg: li,
        from: a,
        to: b,
        t0: ta,
        t1: tb,
        certainty: p.certainty,
        bearing: degenerate ? NaN : mercatorBearing(a, b),
        degenerate,
      });
    }
  });
  // Hold the heading through zero-length edges: the last known heading, or the next one at the start.
  let last = NaN;
  for (const e of edges) {
    if (Number.isNaN(e.bearing)) e.bearing = last;
    else last = e.bearing;
  }
  let next = NaN;
  for (let i = edges.length - 1; i >= 0; i--) {
    const e = edges[i]!;
    if (Number.isNaN(e.bearing)) e.bearing = Number.isNaN(next) ? 0 : next;
    else next = e.bearing;
  }
  return { start: legInfo[0]!.t0, end: legInfo.at(-1)!.t1, edges, legs: legInfo };
}

/** Index of the edge that holds time t (the last edge whose start is ≤ t). */
export function edgeAt(model: TrackModel, t: number): number {
  return Math.max(
    0,
    lastAtOrBefore(model.edges, t, (e) => e.t0),
  );
}

export function uncertaintyAt(model: TrackModel, leg: number, t: number): number {
  const l = model.legs[leg]!;
  const g = l.t1 > l.t0 ? clamp((t - l.t0) / (l.t1 - l.t0), 0, 1) : 1;
  if (l.uMid === undefined) return l.u0 + (l.u1 - l.u0) * g;
  return g <= 0.5 ? l.u0 + (l.uMid - l.u0) * (g / 0.5) : l.uMid + (l.u1 - l.uMid) * ((g - 0.5) / 0.5);
}

export function positionAt(model: TrackModel, time: number): TrackPosition {
  const t = clamp(Number.isFinite(time) ? time : model.start, model.start, model.end);
  const i = edgeAt(model, t);
  const e = model.edges[i]!;
  const f = e.t1 > e.t0 ? (t - e.t0) / (e.t1 - e.t0) : 1;
  return {
    lonLat: mercatorLerp(e.from, e.to, f),
    bearing: e.bearing,
    uncertaintyKm: uncertaintyAt(model, e.leg, t),
    edge: i,
    leg: e.leg,
    certainty: e.certainty,
    time: t,
  };
}
