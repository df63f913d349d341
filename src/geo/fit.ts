/**
 * The camera that fits a box into a view, in plain Web Mercator arithmetic (512-pixel tiles, as MapLibre's
 * fitBounds, north up). Pure. The export (src/export/core/camera.ts) and the live map's story camera
 * (src/scene/camera.ts) both use it.
 */
import type { BBox, Padding } from './bounds';
import { fromWorldPx, mercatorX, mercatorY, TILE_SIZE as TILE, type LngLat } from './mercator';

export interface Camera {
  center: LngLat;
  zoom: number;
}
/** The camera that fits `bbox` into a view of w × h CSS pixels, keeping `pad` clear (as MapLibre's fitBounds, north up). */
export function fitBounds(bbox: BBox, w: number, h: number, pad: Padding, maxZoom = 12): Camera {
  const [west, south, east, north] = bbox;
  const x0 = mercatorX(west),
    x1 = mercatorX(east),
    y0 = mercatorY(north),
    y1 = mercatorY(south);
  const availW = Math.max(1, w - pad.left - pad.right);
  const availH = Math.max(1, h - pad.top - pad.bottom);
  const size = Math.min(x1 > x0 ? availW / (x1 - x0) : Infinity, y1 > y0 ? availH / (y1 - y0) : Infinity);
  const zoom = Math.min(maxZoom, Number.isFinite(size) ? Math.log2(size / TILE) : maxZoom);
  const s = TILE * 2 ** zoom;
  const cx = ((x0 + x1) / 2) * s - (pad.left - pad.right) / 2;
  const cy = ((y0 + y1) / 2) * s - (pad.top - pad.bottom) / 2;
  return { center: fromWorldPx([cx, cy], zoom), zoom };
}
