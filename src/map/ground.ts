/** Ground distance ↔ screen pixels in Web Mercator (512-px tiles, as MapLibre draws). Pure. */

export const EARTH_CIRCUMFERENCE_M = 40075016.686;

/** Metres of ground per CSS pixel at a latitude and zoom. */
export function metresPerPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** A radius on the ground (km) in CSS pixels at a latitude and zoom. */
export function kmToPixels(km: number, lat: number, zoom: number): number {
  return (km * 1000) / metresPerPixel(lat, zoom);
}
