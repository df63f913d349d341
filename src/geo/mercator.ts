/**
 * Web Mercator, as MapLibre draws it (512-pixel tiles). Pure: the one copy of this maths in the app.
 *
 * Normalised coordinates: x and y in [0, 1] over the whole world, y growing southwards (MapLibre's
 * MercatorCoordinate). World pixels: the same, times 512 × 2^zoom CSS pixels.
 */

/** A place as [longitude, latitude] in degrees (GeoJSON order). */
export type LngLat = [number, number];

export const TILE_SIZE = 512;
export const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
const D2R = Math.PI / 180;
const R2D = 180 / Math.PI;

/** Normalised Web Mercator x of a longitude (0 at 180° W, 1 at 180° E). */
export const mercatorX = (lng: number): number => (180 + lng) / 360;
/** Normalised Web Mercator y of a latitude (0 at the top of the world, 1 at the bottom). */
export const mercatorY = (lat: number): number => (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;
/** The longitude of a normalised x: the inverse of mercatorX. */
export const lngFromMercatorX = (x: number): number => x * 360 - 180;
/** The latitude of a normalised y: the inverse of mercatorY. */
export const latFromMercatorY = (y: number): number => (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90;

/** Position in CSS pixels in the whole world at `zoom` (project). */
export function worldPx(ll: LngLat, zoom: number): [number, number] {
  const size = TILE_SIZE * 2 ** zoom;
  return [mercatorX(ll[0]) * size, mercatorY(ll[1]) * size];
}

/** The place at a world pixel at `zoom` (unproject): the inverse of worldPx. */
export function fromWorldPx(p: readonly [number, number], zoom: number): LngLat {
  const size = TILE_SIZE * 2 ** zoom;
  return [lngFromMercatorX(p[0] / size), latFromMercatorY(p[1] / size)];
}

/** Bearing of a straight Mercator segment (the heading as drawn), degrees clockwise from north in [0, 360). */
export function mercatorBearing(a: LngLat, b: LngLat): number {
  const dx = mercatorX(b[0]) - mercatorX(a[0]);
  const dy = mercatorY(a[1]) - mercatorY(b[1]);
  if (dx === 0 && dy === 0) return 0;
  return (Math.atan2(dx, dy) * R2D + 360) % 360;
}

/** The point at fraction f of a straight Mercator segment (so it lies on the line the map draws). */
export function mercatorLerp(a: LngLat, b: LngLat, f: number): LngLat {
  if (f <= 0) return [a[0], a[1]];
  if (f >= 1) return [b[0], b[1]];
  const lat = a[1] === b[1] ? a[1] : latFromMercatorY(mercatorY(a[1]) + (mercatorY(b[1]) - mercatorY(a[1])) * f);
  return [a[0] + (b[0] - a[0]) * f, lat];
}

/** Metres of ground per CSS pixel at a latitude and zoom. */
export function metresPerPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos(lat * D2R)) / (TILE_SIZE * 2 ** zoom);
}

/** A distance on the ground (km) in CSS pixels at a latitude and zoom. */
export function kmToPixels(km: number, lat: number, zoom: number): number {
  return (km * 1000) / metresPerPixel(lat, zoom);
}
