/**
 * The camera of an exported map, in plain Web Mercator arithmetic (512-pixel tiles, as MapLibre), so the
 * same view can be drawn whole or in tiles and any place can be found on the finished picture. Pure.
 */
import type { Polygon } from 'geojson';
import type { BBox, Padding } from '../../geo/bounds';
import { fromWorldPx, mercatorX, mercatorY, TILE_SIZE as TILE, worldPx, type LngLat } from '../../geo/mercator';

export interface Camera {
  center: LngLat;
  zoom: number;
}
/** The camera that fits `bbox` into a view of w × h CSS pixels, keeping `pad` clear (as MapLibre's fitBounds, north up). */
export function fitBounds(bbox: BBox, w: number, h: number, pad: Padding, maxZoom = 12): Camera {
  const [west, south, east, north] = bbox;
  const x0 = mercatorX(west), x1 = mercatorX(east), y0 = mercatorY(north), y1 = mercatorY(south);
  const availW = Math.max(1, w - pad.left - pad.right);
  const availH = Math.max(1, h - pad.top - pad.bottom);
  const size = Math.min(x1 > x0 ? availW / (x1 - x0) : Infinity, y1 > y0 ? availH / (y1 - y0) : Infinity);
  const zoom = Math.min(maxZoom, Number.isFinite(size) ? Math.log2(size / TILE) : maxZoom);
  const s = TILE * 2 ** zoom;
  const cx = ((x0 + x1) / 2) * s - (pad.left - pad.right) / 2;
  const cy = ((y0 + y1) / 2) * s - (pad.top - pad.bottom) / 2;
  return { center: fromWorldPx([cx, cy], zoom), zoom };
}

/**
 * The centre for a render whose canvas (canvasW × canvasH device pixels) has its top-left corner at
 * `origin` (device pixels, relative to the top-left of the whole map of mapW × mapH) at `ratio` device
 * pixels per CSS pixel.
 */
export function renderCenter(cam: Camera, mapW: number, mapH: number, ratio: number, origin: { x: number; y: number }, canvasW: number, canvasH: number): LngLat {
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
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}
