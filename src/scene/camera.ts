/**
 * The story camera: where the map looks at each moment. Every event has a named frame in the data
 * (geo/frames.json: the features it frames, the points it keeps apart); this module turns a frame into a
 * camera for a map of a given size. Pure: no DOM, no MapLibre.
 *
 * - A frame fits the extent of its features (as MapLibre's fitBounds).
 * - Points to keep apart (the claimed strike points) end up at least minGapPx apart, so each can be told and
 *   named: where fitting the frame would put them closer, the camera zooms in on them instead (the rest of the
 *   frame may then run past the edges).
 * - In the year after, a date's frame is the union of the frames of what is said on it.
 */
import type { StoryData } from '../story/validate';
import type { BBox, Padding } from '../geo/bounds';
import { fitBounds, type Camera } from '../geo/fit';
import { fromWorldPx, worldPx, type LngLat } from '../geo/mercator';

export type { Camera } from '../geo/fit';

export interface ViewFrame {
  id: string;
  bbox: BBox;
  /** Points the camera keeps at least minGapPx apart. */
  keepApart: LngLat[];
}

/** The highest zoom a frame opens at (a lone point or a small place is not framed closer than this). */
export const FRAME_MAX_ZOOM = 12;

/** How far apart the kept-apart points must be, in CSS px, for a map `width` px wide: 30 on a phone, 60 from about 1000. */
export function minGapPx(width: number): number {
  return Math.max(30, Math.min(60, 30 + ((width - 360) * 30) / (1000 - 360)));
}

/** Every coordinate of a story feature, by id (points, lines, polygons). */
function featureCoords(story: StoryData): Map<string, LngLat[]> {
  const out = new Map<string, LngLat[]>();
  const add = (id: string, g: { type: string; coordinates: unknown }) => {
    const c = g.coordinates as number[] | number[][] | number[][][];
    const flat = g.type === 'Point' ? [c as number[]] : g.type === 'LineString' ? (c as number[][]) : (c as number[][][]).flat();
    out.set(
      id,
      flat.map((p) => [p[0]!, p[1]!] as LngLat),
    );
  };
  for (const f of story.places.features) add(f.properties.id, f.geometry);
  for (const f of story.strike.features) add(f.properties.id, f.geometry);
  for (const f of story.route.features) add(f.properties.id, f.geometry);
  for (const f of story.track.features) add(f.properties.id, f.geometry);
  return out;
}

const bboxOfPoints = (pts: readonly LngLat[]): BBox => [
  Math.min(...pts.map((p) => p[0])),
  Math.min(...pts.map((p) => p[1])),
  Math.max(...pts.map((p) => p[0])),
  Math.max(...pts.map((p) => p[1])),
];

/** The story's frames, resolved to boxes and points. */
export function storyFrames(story: StoryData): Map<string, ViewFrame> {
  const coords = featureCoords(story);
  const out = new Map<string, ViewFrame>();
  for (const f of story.frames.frames) {
    const pts = f.features.flatMap((id) => coords.get(id) ?? []);
    const keepApart = (f.keepApart ?? []).map((id) => coords.get(id)?.[0]).filter((p): p is LngLat => !!p);
    out.set(f.id, { id: f.id, bbox: bboxOfPoints(pts), keepApart });
  }
  return out;
}

/** The frame of a set of events: one event's own, or for several (a date of the year after) the union. */
export function framesFor(story: StoryData, frames: ReadonlyMap<string, ViewFrame>, eventIds: readonly string[]): ViewFrame | undefined {
  const ids = [...new Set(eventIds.map((e) => story.frames.events[e]).filter((f): f is string => !!f))];
  const list = ids.map((id) => frames.get(id)).filter((f): f is ViewFrame => !!f);
  if (list.length <= 1) return list[0];
  const bbox = list.map((f) => f.bbox).reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
  return { id: ids.join('+'), bbox, keepApart: [] };
}

/** The smallest distance between two of the points, in world pixels at zoom 0 (512-px tiles). */
function minDistance0(pts: readonly LngLat[]): number {
  let d = Infinity;
  for (let i = 0; i < pts.length; i++)
    for (let j = i + 1; j < pts.length; j++) {
      const [ax, ay] = worldPx(pts[i]!, 0),
        [bx, by] = worldPx(pts[j]!, 0);
      d = Math.min(d, Math.hypot(ax - bx, ay - by));
    }
  return d;
}

/**
 * The camera for a frame on a map of w × h CSS px with `pad` kept clear (the legend, the controls, room for
 * names). Kept-apart points come out at least minGapPx(w) apart (with a tenth to spare), zooming in if need be.
 */
export function frameCamera(frame: ViewFrame, w: number, h: number, pad: Padding, maxZoom = FRAME_MAX_ZOOM): Camera {
  const cam = fitBounds(frame.bbox, w, h, pad, maxZoom);
  if (frame.keepApart.length < 2) return cam;
  const d0 = minDistance0(frame.keepApart);
  if (!(d0 > 0)) return cam;
  const need = Math.log2((minGapPx(w) * 1.1) / d0);
  if (need <= cam.zoom) return cam;
  // Zoom in on the points themselves: centred on them (clear of the padding), at the zoom that parts them.
  const [west, south, east, north] = bboxOfPoints(frame.keepApart);
  const [x0, y0] = worldPx([west, north], need),
    [x1, y1] = worldPx([east, south], need);
  const center = fromWorldPx([(x0 + x1) / 2 - (pad.left - pad.right) / 2, (y0 + y1) / 2 - (pad.top - pad.bottom) / 2], need);
  return { center, zoom: need };
}

/** Room around a story frame on a map `width` CSS px wide: enough for the labels east of Aktau and the scale bars at the bottom. */
export function framePadding(width: number): Padding {
  const w = width || 800;
  const k = Math.min(1, w / 900);
  return { top: Math.round(20 + 30 * k), bottom: Math.round(60 + 20 * k), left: Math.round(20 + 40 * k), right: Math.round(80 + 20 * k) };
}

/**
 * The camera a map of w × h CSS px opens with: the moment's frame (frameCamera), or, with none (a page opened
 * on the whole route, before the story first moves), the story's opening frame fitted as it is. The live map
 * (src/app/camera.ts) and the embed's drawn poster (src/export/vector/poster-source.ts) both take it from here,
 * so the map replaces the poster without the view moving.
 */
export function openingCamera(frame: ViewFrame | undefined, whole: BBox, w: number, h: number, pad: Padding): Camera {
  return frame ? frameCamera(frame, w, h, pad) : fitBounds(whole, w, h, pad, FRAME_MAX_ZOOM);
}
