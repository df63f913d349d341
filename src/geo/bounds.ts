/** Bounding boxes and paddings. Pure. */
import type { LngLat } from './mercator';

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

/** Room kept clear on each side of a view, in pixels (the shape MapLibre's fitBounds takes). */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const KM_PER_DEG = 111.32;

/** The box around points ([lng, lat, …]). */
export function bboxOf(points: readonly (readonly number[])[]): BBox {
  const xs = points.map((p) => p[0]!),
    ys = points.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** The smallest box holding both. */
export function unionBBox(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** The box around a circle of `km` about a point (small circles: a local flat approximation). */
export function circleBBox([lng, lat]: LngLat, km: number): BBox {
  const dLat = km / KM_PER_DEG;
  const dLng = km / (KM_PER_DEG * Math.cos((lat * Math.PI) / 180));
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}

/** A box grown by `deg` on every side. */
export function padBBox([w, s, e, n]: BBox, deg: number): BBox {
  return [w - deg, s - deg, e + deg, n + deg];
}
