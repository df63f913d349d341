/**
 * Areas of uncertainty are circles, stored in geo/strike-area.geojson as Polygons (RFC 7946: closed rings,
 * exterior counter-clockwise) with their centre and radius kept as properties. This module makes the ring
 * (`npm run areas` writes it) and checks that a stored ring is the circle its properties describe
 * (`npm run validate`). Pure: no DOM, no MapLibre, no fs.
 */
import circle from '@turf/circle';
import distance from '@turf/distance';

export type LonLat = readonly [number, number];

/** Vertices of a generated circle (the map drew its circles with 96 steps before they were stored). */
export const AREA_STEPS = 96;
/** Decimals kept in the file: 1e-6° is about 0.1 m. */
export const AREA_DECIMALS = 6;
/** How far a vertex may lie from the circle, as a share of the radius (rounding is far below this). */
export const AREA_TOLERANCE = 0.005;
/** The largest gap, in degrees of bearing from the centre, between two neighbouring vertices. */
export const AREA_MAX_GAP_DEG = 15;

const round = (v: number) => +v.toFixed(AREA_DECIMALS);

/** The circle as a closed, counter-clockwise ring of AREA_STEPS + 1 positions (turf `circle`, rounded). */
export function areaRing(center: LonLat, radiusKm: number, steps = AREA_STEPS): [number, number][] {
  const poly = circle([center[0], center[1]], radiusKm, { steps, units: 'kilometers' });
  const ring = poly.geometry.coordinates[0]!.map((p) => [round(p[0]!), round(p[1]!)] as [number, number]);
  ring[ring.length - 1] = [ring[0]![0], ring[0]![1]]; // closed exactly, after rounding
  return ring;
}

/** Twice the signed area of a ring in lon/lat (shoelace): positive when counter-clockwise. */
export function signedArea2(ring: readonly (readonly number[])[]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return a;
}

/**
 * What is wrong with a stored area, as "field: problem" strings (empty when the Polygon is the circle of
 * its `center` and `radiusKm`): one exterior ring, closed, counter-clockwise (right-hand rule), every vertex
 * on the circle, and no gap wider than AREA_MAX_GAP_DEG around it.
 */
export function areaProblems(rings: readonly (readonly (readonly number[])[])[], center: LonLat, radiusKm: number): string[] {
  const out: string[] = [];
  const regen = 'regenerate it with `npm run areas`';
  if (rings.length !== 1) out.push(`geometry.coordinates: an area is one exterior ring, found ${rings.length} rings; ${regen}`);
  const ring = rings[0];
  if (!ring || ring.length < 4) return out;
  const first = ring[0]!,
    last = ring.at(-1)!;
  if (first[0] !== last[0] || first[1] !== last[1])
    out.push(`geometry.coordinates[0]: the ring is not closed (first [${first.join(', ')}], last [${last.join(', ')}]); ${regen}`);
  if (signedArea2(ring) <= 0) out.push(`geometry.coordinates[0]: the ring is clockwise; RFC 7946 wants exterior rings counter-clockwise; ${regen}`);
  const worst = ring.reduce(
    (w, p, k) => {
      const d = distance([center[0], center[1]], [p[0]!, p[1]!], { units: 'kilometers' });
      return Math.abs(d - radiusKm) > Math.abs(w.d - radiusKm) ? { d, k } : w;
    },
    { d: radiusKm, k: -1 },
  );
  if (worst.k >= 0 && Math.abs(worst.d - radiusKm) > radiusKm * AREA_TOLERANCE)
    out.push(
      `geometry.coordinates[0][${worst.k}]: lies ${worst.d.toFixed(2)} km from properties.center [${center.join(', ')}], ` +
        `but properties.radiusKm is ${radiusKm}; geometry and properties disagree; ${regen}`,
    );
  // Bearings from the centre (planar, scaled by cos(lat)): the vertices must go all the way round.
  const cos = Math.cos((center[1] * Math.PI) / 180);
  const angles = ring
    .slice(0, -1)
    .map((p) => (Math.atan2(p[1]! - center[1], (p[0]! - center[0]) * cos) * 180) / Math.PI)
    .sort((a, b) => a - b);
  let gap = angles.length ? 360 - (angles.at(-1)! - angles[0]!) : 360;
  for (let i = 1; i < angles.length; i++) gap = Math.max(gap, angles[i]! - angles[i - 1]!);
  if (gap > AREA_MAX_GAP_DEG)
    out.push(
      `geometry.coordinates[0]: the ring leaves a gap of ${gap.toFixed(0)}° around properties.center (at most ${AREA_MAX_GAP_DEG}°): it is not the circle; ${regen}`,
    );
  return out;
}
