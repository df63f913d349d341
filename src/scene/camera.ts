/**
 * The story camera: where the map looks at each moment. Every event has a named frame in the data
 * (geo/frames.json: the features it frames, the points it keeps apart); this module turns a frame into a
 * camera for a map of a given size. Pure: no DOM, no MapLibre.
 *
 * - A frame fits the extent of its features (as MapLibre's fitBounds), at most at its own `maxZoom` (else
 *   FRAME_MAX_ZOOM).
 * - Its points (places, the track's knots) are kept out from under what covers the map's corners (the scale bars,
 *   the attribution, the zoom buttons, the folded legend: `Cover`s, measured by the live map; `mapControls` where
 *   they cannot be measured yet): where one would fall under a cover, the padding on one side grows past it.
 * - Points to keep apart (the claimed strike points) end up at least minGapPx apart, so each can be told and
 *   named: where fitting the frame would put them closer, the camera zooms in on them instead (the rest of the
 *   frame may then run past the edges).
 * - In the year after, a date's frame is the union of the frames of what is said on it.
 */
import type { StoryData } from '../story/validate';
import { circleBBox, unionBBox, type BBox, type Padding } from '../geo/bounds';
import { fitBounds, type Camera } from '../geo/fit';
import { fromWorldPx, worldPx, type LngLat } from '../geo/mercator';
import type { TrackPosition } from '../track/interpolate';

export type { Camera } from '../geo/fit';

export interface ViewFrame {
  id: string;
  bbox: BBox;
  /** Every coordinate of its features: none is left under a control (see frameCamera). */
  points: LngLat[];
  /** Points the camera keeps at least minGapPx apart. */
  keepApart: LngLat[];
  /** Every place of the story (airports, the crash site), framed or not: none is left cut by the map's edge. */
  places: LngLat[];
  /** The highest zoom it opens at, where the data gives one (a small place shown with its surroundings). */
  maxZoom?: number;
}

/** A box over the map (a control, the legend), in CSS px from the map's top left corner. */
export interface Cover {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room kept between a framed point and a cover, px: the aircraft's mark reaches 16 px from its point (a 30 px icon and its halo, turned), and 4 to spare. */
export const MARK_ROOM = 20;

/** How far inside the map's edge a place's mark must be to be whole, px: the crash mark's ✕ (22 px) and the airport's ring (5.5 px) with room to spare. */
export const PLACE_ROOM = 14;

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
  const places = story.places.features.flatMap((f) => coords.get(f.properties.id) ?? []);
  const out = new Map<string, ViewFrame>();
  for (const f of story.frames.frames) {
    const pts = f.features.flatMap((id) => coords.get(id) ?? []);
    const keepApart = (f.keepApart ?? []).map((id) => coords.get(id)?.[0]).filter((p): p is LngLat => !!p);
    out.set(f.id, { id: f.id, bbox: bboxOfPoints(pts), points: pts, keepApart, places, ...(f.maxZoom !== undefined ? { maxZoom: f.maxZoom } : {}) });
  }
  return out;
}

/** The frame of a set of events: one event's own, or for several (a date of the year after) the union. */
export function framesFor(story: StoryData, frames: ReadonlyMap<string, ViewFrame>, eventIds: readonly string[]): ViewFrame | undefined {
  const ids = [...new Set(eventIds.map((e) => story.frames.events[e]).filter((f): f is string => !!f))];
  const list = ids.map((id) => frames.get(id)).filter((f): f is ViewFrame => !!f);
  if (list.length <= 1) return list[0];
  const bbox = list.map((f) => f.bbox).reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
  return { id: ids.join('+'), bbox, points: list.flatMap((f) => f.points), keepApart: [], places: list[0]!.places };
}

/**
 * The frame, taking in the aircraft where it is drawn at the frame's event, with its ring of uncertainty
 * (`aircraft`; null: not drawn). An event of the flight is about the aircraft, and a frame made of places can leave
 * it out: the approach to Aktau (at most zoom 10) is framed from 06:02, when the reconstructed aircraft is still
 * about 40 km out over the sea, within 36 km; framed on the airport alone, the map showed the edge of that ring as a
 * grey wash and no aircraft. Where the aircraft is outside the frame's box, the box takes in its ring and the
 * aircraft joins the points kept clear of the controls, under an id of its own (`key`: the event's time), so the
 * camera moves for it; inside, the frame is the same one.
 */
export function withAircraft(frame: ViewFrame, aircraft: Pick<TrackPosition, 'lonLat' | 'uncertaintyKm'> | null, key: string): ViewFrame {
  if (!aircraft) return frame;
  const { lonLat: at, uncertaintyKm: km } = aircraft;
  const [west, south, east, north] = frame.bbox;
  if (at[0] >= west && at[0] <= east && at[1] >= south && at[1] <= north) return frame;
  return { ...frame, id: `${frame.id}+aircraft@${key}`, bbox: unionBBox(frame.bbox, circleBBox(at, km)), points: [...frame.points, at] };
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

/** Where points fall on a w × h map with this camera, CSS px from its top left corner. */
function onMap(cam: Camera, w: number, h: number, pts: readonly LngLat[]): { x: number; y: number }[] {
  const [cx, cy] = worldPx(cam.center, cam.zoom);
  return pts.map((pt) => {
    const [x, y] = worldPx(pt, cam.zoom);
    return { x: w / 2 + x - cx, y: h / 2 + y - cy };
  });
}

/** Whether a point on the map is under the cover, or nearer it than MARK_ROOM. */
const under = (p: { x: number; y: number }, c: Cover) =>
  p.x > c.x - MARK_ROOM && p.x < c.x + c.width + MARK_ROOM && p.y > c.y - MARK_ROOM && p.y < c.y + c.height + MARK_ROOM;

/**
 * Fits the frame's box, then keeps its points out from under the covers: where a point would fall under one (with
 * MARK_ROOM to spare), the padding grows past that cover on one side, the right or the bottom for a cover in the
 * bottom right corner (the side that leaves the frame the higher zoom), and the frame is fitted again. A cover
 * that no point falls under changes nothing, so a frame is not squeezed for a corner it leaves empty.
 */
function fitClear(frame: ViewFrame, w: number, h: number, pad: Padding, covers: readonly Cover[], maxZoom: number): Camera {
  let p = pad;
  let cam = fitBounds(frame.bbox, w, h, p, maxZoom);
  for (let round = 0; round <= covers.length; round++) {
    const pts = onMap(cam, w, h, frame.points);
    const c = covers.find((c) => pts.some((pt) => under(pt, c)));
    if (!c) return cam;
    const right = c.x + c.width / 2 > w / 2,
      below = c.y + c.height / 2 > h / 2;
    const across: Padding = right ? { ...p, right: w - c.x + MARK_ROOM } : { ...p, left: c.x + c.width + MARK_ROOM };
    const down: Padding = below ? { ...p, bottom: h - c.y + MARK_ROOM } : { ...p, top: c.y + c.height + MARK_ROOM };
    // A side that would leave less than a third of the map is not an option.
    const fits = (q: Padding) => w - q.left - q.right >= w / 3 && h - q.top - q.bottom >= h / 3;
    const options = [across, down].filter(fits).map((q) => ({ q, cam: fitBounds(frame.bbox, w, h, q, maxZoom) }));
    if (!options.length) return cam;
    const best = options.reduce((a, b) => (b.cam.zoom > a.cam.zoom + 1e-9 ? b : a));
    p = best.q;
    cam = best.cam;
  }
  return cam;
}

/**
 * A place whose mark the map's edge would cut (its point within PLACE_ROOM of the edge, inside or out: Mineralnye
 * Vody's ring at the divert on a wide map) is brought whole into view, or else put whole out of it: the camera
 * moves by the fewest px that leave it either way. Brought into view, it must also land clear of every cover (by
 * MARK_ROOM, which leaves its name room too): where the move in would put it under one (in Kazakh at the divert,
 * 1440 × 900, the open legend reaches up to y = 175 and MRV would land under it, a sliver of its ring showing by
 * the edge), the move that also clears it of that cover is tried, and the move out. A move is taken only where it
 * cuts no other place, puts no place newly under a cover, and leaves every framed point in view and out from under
 * the covers; where none is, the camera stays.
 */
function wholePlaces(cam: Camera, frame: ViewFrame, w: number, h: number, covers: readonly Cover[]): Camera {
  type Pt = { x: number; y: number };
  const whole = (p: Pt) => p.x >= PLACE_ROOM && p.x <= w - PLACE_ROOM && p.y >= PLACE_ROOM && p.y <= h - PLACE_ROOM;
  const gone = (p: Pt) => p.x <= -PLACE_ROOM || p.x >= w + PLACE_ROOM || p.y <= -PLACE_ROOM || p.y >= h + PLACE_ROOM;
  const inMap = (p: Pt) => p.x >= 0 && p.x <= w && p.y >= 0 && p.y <= h;
  const at = onMap(cam, w, h, frame.places);
  const cutAt = at.filter((p) => !whole(p) && !gone(p));
  if (!cutAt.length) return cam;
  const pts = onMap(cam, w, h, frame.points);
  const coveredBefore = at.map((p) => covers.filter((c) => under(p, c)));
  const shift = (p: Pt, d: Pt) => ({ x: p.x + d.x, y: p.y + d.y });
  const ok = (d: Pt) =>
    at.every((p, i) => {
      const q = shift(p, d);
      if (gone(q)) return true;
      if (!whole(q)) return false;
      const was = cutAt.includes(p) ? [] : coveredBefore[i]!;
      return covers.every((c) => !under(q, c) || was.includes(c));
    }) &&
    pts.every((p) => {
      const q = shift(p, d);
      return (!inMap(p) || inMap(q)) && covers.every((c) => !under(q, c));
    });
  // The moves to try (px the map's content moves by), for each cut place: in (to PLACE_ROOM inside each edge it is
  // near), in and past a cover it would land under (on each of its four sides), and out past the nearest edge.
  const moves: Pt[] = [];
  const into = (v: number, size: number) => (v < PLACE_ROOM ? PLACE_ROOM - v : v > size - PLACE_ROOM ? size - PLACE_ROOM - v : 0);
  const out = (v: number, size: number) => (v < size / 2 ? -PLACE_ROOM - v : size + PLACE_ROOM - v);
  const edge = 1e-6;
  for (const p of cutAt) {
    const d = { x: into(p.x, w), y: into(p.y, h) };
    moves.push(d);
    const q = shift(p, d);
    for (const c of covers.filter((c) => under(q, c)))
      moves.push(
        { x: d.x + c.x - MARK_ROOM - edge - q.x, y: d.y },
        { x: d.x + c.x + c.width + MARK_ROOM + edge - q.x, y: d.y },
        { x: d.x, y: d.y + c.y - MARK_ROOM - edge - q.y },
        { x: d.x, y: d.y + c.y + c.height + MARK_ROOM + edge - q.y },
      );
    if (p.x < PLACE_ROOM || p.x > w - PLACE_ROOM) moves.push({ x: out(p.x, w), y: 0 });
    if (p.y < PLACE_ROOM || p.y > h - PLACE_ROOM) moves.push({ x: 0, y: out(p.y, h) });
  }
  const best = moves.filter(ok).reduce<Pt | undefined>((a, d) => (!a || Math.hypot(d.x, d.y) < Math.hypot(a.x, a.y) - 1e-9 ? d : a), undefined);
  if (!best) return cam;
  const [cx, cy] = worldPx(cam.center, cam.zoom);
  return { center: fromWorldPx([cx - best.x, cy - best.y], cam.zoom), zoom: cam.zoom };
}

/**
 * The camera for a frame on a map of w × h CSS px with `pad` kept clear (the legend, room for names) and no point
 * of the frame under a cover (the map's controls: fitClear). Kept-apart points come out at least minGapPx(w)
 * apart (with a tenth to spare), zooming in if need be.
 */
export function frameCamera(frame: ViewFrame, w: number, h: number, pad: Padding, covers: readonly Cover[] = []): Camera {
  const cam = fitClear(frame, w, h, pad, covers, frame.maxZoom ?? FRAME_MAX_ZOOM);
  if (frame.keepApart.length < 2) return wholePlaces(cam, frame, w, h, covers);
  const d0 = minDistance0(frame.keepApart);
  if (!(d0 > 0)) return wholePlaces(cam, frame, w, h, covers);
  const need = Math.log2((minGapPx(w) * 1.1) / d0);
  if (need <= cam.zoom) return wholePlaces(cam, frame, w, h, covers);
  // Zoom in on the points themselves, at the zoom that parts them, keeping them in the view clear of the padding;
  // within that, as near the whole frame's centre as they allow, so the rest of the frame (Grozny's airport at the
  // first impact on a 1280 × 720 page) stays in view where there is room for it.
  const [west, south, east, north] = bboxOfPoints(frame.keepApart);
  const [x0, y0] = worldPx([west, north], need),
    [x1, y1] = worldPx([east, south], need);
  const [fx0, fy0] = worldPx([frame.bbox[0], frame.bbox[3]], need),
    [fx1, fy1] = worldPx([frame.bbox[2], frame.bbox[1]], need);
  /** The padded view's centre on one axis: the frame's, moved no further than keeps [lo, hi] inside `room` px. */
  const along = (lo: number, hi: number, flo: number, fhi: number, room: number) => {
    const min = hi - room / 2,
      max = lo + room / 2;
    return min > max ? (lo + hi) / 2 : Math.min(max, Math.max(min, (flo + fhi) / 2));
  };
  const ux = along(x0, x1, fx0, fx1, w - pad.left - pad.right),
    uy = along(y0, y1, fy0, fy1, h - pad.top - pad.bottom);
  const center = fromWorldPx([ux - (pad.left - pad.right) / 2, uy - (pad.top - pad.bottom) / 2], need);
  return wholePlaces({ center, zoom: need }, frame, w, h, covers);
}

/** Room around a story frame on a map `width` CSS px wide: enough for the labels east of Aktau and the scale bars at the bottom. */
export function framePadding(width: number): Padding {
  const w = width || 800;
  const k = Math.min(1, w / 900);
  return { top: Math.round(20 + 30 * k), bottom: Math.round(60 + 20 * k), left: Math.round(20 + 40 * k), right: Math.round(80 + 20 * k) };
}

/** The page's phone layout (app.css: up to 899 px wide), whose controls have more room to be tapped. */
export const PHONE_LAYOUT = '(max-width: 899px)';

/**
 * What covers the live map where it cannot be measured (the embed's poster, drawn before its map exists): its
 * controls as MapLibre lays them out with the page's CSS, in CSS px (measured in Chromium): the scale bars
 * (nautical above metric, each at most 90 × 22, 10 px from the right) and the folded attribution (24 × 24) in the
 * bottom right corner; the folded legend in the bottom left; from 600 px the zoom buttons (29 × 58) and the
 * whole-route button (29 × 29) in the top right. A page in the phone's layout (`narrow`: PHONE_LAYOUT matches; said by the
 * page, not guessed from the map's width: an embed 1000 px wide has the desktop's controls beside a 700 px map) gives its controls room to be tapped: the legend's pill is 44 tall (about 82 × 46), the
 * attribution 12 px from the corner, the bars above them; elsewhere the pill is about 82 × 32. The live map passes
 * the boxes it measures instead (src/map/story-map.ts view()); test/e2e/camera.test.ts checks they are these.
 */
export function mapControls(w: number, h: number, narrow: boolean): Cover[] {
  const out: Cover[] = narrow
    ? [
        { x: w - 100, y: h - 112, width: 90, height: 22 },
        { x: w - 100, y: h - 80, width: 90, height: 22 },
        { x: w - 36, y: h - 36, width: 24, height: 24 },
        { x: 10, y: h - 55, width: 82, height: 46 },
      ]
    : [
        { x: w - 100, y: h - 109, width: 90, height: 22 },
        { x: w - 100, y: h - 77, width: 90, height: 22 },
        { x: w - 34, y: h - 34, width: 24, height: 24 },
        { x: 10, y: h - 42, width: 82, height: 32 },
      ];
  if (w >= 600) out.push({ x: w - 39, y: 10, width: 29, height: 58 }, { x: w - 39, y: 78, width: 29, height: 29 });
  return out;
}

/**
 * The camera a map of w × h CSS px opens with: the moment's frame (frameCamera), or, with none (a page opened
 * on the whole route, before the story first moves), the story's opening frame fitted as it is, then moved by the
 * fewest px that leave no place's ring cut by the edge (as every frame is: Mineralnye Vody's was cut by the top edge
 * of the 1440 × 900 page's opening view). The live map
 * (src/app/camera.ts) and the embed's drawn poster (src/export/vector/poster-source.ts) both take it from here,
 * so the map replaces the poster without the view moving.
 */
export function openingCamera(
  frame: ViewFrame | undefined,
  whole: BBox,
  w: number,
  h: number,
  pad: Padding,
  covers: readonly Cover[] = [],
  /** The opening frame's own points and the story's places: no place's ring is left cut by the edge there either. */
  overview?: ViewFrame,
): Camera {
  if (frame) return frameCamera(frame, w, h, pad, covers);
  const cam = fitBounds(whole, w, h, pad, FRAME_MAX_ZOOM);
  return overview ? wholePlaces(cam, overview, w, h, covers) : cam;
}
