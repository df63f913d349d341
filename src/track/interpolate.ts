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

export type LonLat = [number, number];

export interface TrackEdge {
  /** Index of the edge in the whole path. */
  index: number;
  leg: number;
  from: LonLat;
  to: LonLat;
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
  lonLat: LonLat;
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

const R2D = 180 / Math.PI;
const D2R = Math.PI / 180;
/** Web Mercator y for a latitude (unitless, same scale as lon in radians). */
export const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * D2R) / 2));
export const mercLat = (y: number) => (2 * Math.atan(Math.exp(y)) - Math.PI / 2) * R2D;

/** Bearing of a straight Mercator segment, degrees clockwise from north in [0, 360). */
export function mercatorBearing(a: LonLat, b: LonLat): number {
  const dx = (b[0] - a[0]) * D2R;
  const dy = mercY(b[1]) - mercY(a[1]);
  if (dx === 0 && dy === 0) return 0;
  return (Math.atan2(dx, dy) * R2D + 360) % 360;
}

/** The point at fraction f of a straight Mercator segment. */
export function mercatorLerp(a: LonLat, b: LonLat, f: number): LonLat {
  if (f <= 0) return [a[0], a[1]];
  if (f >= 1) return [b[0], b[1]];
  const lat = a[1] === b[1] ? a[1] : mercLat(mercY(a[1]) + (mercY(b[1]) - mercY(a[1])) * f);
  return [a[0] + (b[0] - a[0]) * f, lat];
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
    const pts = leg.geometry.coordinates.map((c) => [c[0]!, c[1]!] as LonLat);
    const lens = pts.slice(1).map((b, i) => distance(pts[i]!, b, { units: 'kilometers' }));
    const total = lens.reduce((a, b) => a + b, 0);
    let acc = 0;
    for (let i = 0; i < lens.length; i++) {
      const a = pts[i]!, b = pts[i + 1]!;
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
  const { edges } = model;
  let lo = 0, hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid]!.t0 <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function uncertaintyAt(model: TrackModel, leg: number, t: number): number {
  const l = model.legs[leg]!;
  const g = l.t1 > l.t0 ? Math.min(1, Math.max(0, (t - l.t0) / (l.t1 - l.t0))) : 1;
  if (l.uMid === undefined) return l.u0 + (l.u1 - l.u0) * g;
  return g <= 0.5 ? l.u0 + (l.uMid - l.u0) * (g / 0.5) : l.uMid + (l.u1 - l.uMid) * ((g - 0.5) / 0.5);
}

export function positionAt(model: TrackModel, time: number): TrackPosition {
  const t = Math.min(model.end, Math.max(model.start, Number.isFinite(time) ? time : model.start));
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
