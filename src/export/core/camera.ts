/**
 * The camera of an exported map, in plain Web Mercator arithmetic (512-pixel tiles, as MapLibre), so the
 * same view can be drawn whole or in tiles and any place can be found on the finished picture. Pure.
 */
import type { Polygon } from 'geojson';
import { fromWorldPx, worldPx, type LngLat } from '../../geo/mercator';

// The camera and fitBounds are in src/geo/fit.ts (the live map's camera uses them too).
export { fitBounds, type Camera } from '../../geo/fit';
import type { Camera } from '../../geo/fit';

/**
 * The centre for a render whose canvas (canvasW × canvasH device pixels) has its top-left corner at
 * `origin` (device pixels, relative to the top-left of the whole map of mapW × mapH) at `ratio` device
 * pixels per CSS pixel.
 */
export function renderCenter(
  cam: Camera,
  mapW: number,
  mapH: number,
  ratio: number,
  origin: { x: number; y: number },
  canvasW: number,
  canvasH: number,
): LngLat {
  const [cx, cy] = worldPx(cam.center, cam.zoom);
  return fromWorldPx([cx + (origin.x + canvasW / 2 - mapW / 2) / ratio, cy + (origin.y + canvasH / 2 - mapH / 2) / ratio], cam.zoom);
}

/** Where a place falls on the whole map, in device pixels from its top-left corner. */
export function projectOnMap(ll: LngLat, cam: Camera, mapW: number, mapH: number, ratio: number): { x: number; y: number } {
  const [cx, cy] = worldPx(cam.center, cam.zoom);
  const [px, py] = worldPx(ll, cam.zoom);
  return { x: mapW / 2 + (px - cx) * ratio, y: mapH / 2 + (py - cy) * ratio };
}

/** The place at a point of the whole map (device pixels from its top-left corner): the inverse of projectOnMap. */
export function unprojectOnMap(p: { x: number; y: number }, cam: Camera, mapW: number, mapH: number, ratio: number): LngLat {
  const [cx, cy] = worldPx(cam.center, cam.zoom);
  return fromWorldPx([cx + (p.x - mapW / 2) / ratio, cy + (p.y - mapH / 2) / ratio], cam.zoom);
}

/** The map's area less `inset` device pixels on each side, as a GeoJSON polygon (for a `within` filter). */
export function insetPolygon(cam: Camera, mapW: number, mapH: number, ratio: number, inset: { x: number; y: number }): Polygon {
  const [w, n] = unprojectOnMap({ x: inset.x, y: inset.y }, cam, mapW, mapH, ratio);
  const [e, s] = unprojectOnMap({ x: mapW - inset.x, y: mapH - inset.y }, cam, mapW, mapH, ratio);
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}
