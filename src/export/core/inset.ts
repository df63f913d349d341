/**
 * The insets of an exported picture, Datawrapper-style: a small locator map (where the Caspian and the
 * Caucasus are, with the main map's extent as a box) and a detail map of the strike area (the claimed
 * points named, and Grozny airport, which two of them are measured from, with its ring and name; its own
 * scale bar), stacked at the map's top right. Pure: where they go, how big, and
 * the camera of each; the PNG (src/export/png/inset.ts) and the vector picture (src/export/vector/inset.ts)
 * draw them from this one layout.
 *
 * The insets keep inside the map, clear of the legend and the scale bars (and so of the title and credits,
 * which are outside the map), and the story's frame keeps clear of them (the map's right padding grows).
 * Where the map is too small for them they shrink (to 60 %), then the detail goes, then the locator. A view
 * that shows nothing the main map does not (the detail when the main map is already as close; the locator
 * when the main map is as wide) is left out.
 */
import type { BBox, Padding } from '../../geo/bounds';
import { fitBounds, type Camera } from '../../geo/fit';
import { frameCamera, type ViewFrame } from '../../scene/camera';
import { fromWorldPx, mercatorX, mercatorY, metresPerPixel, TILE_SIZE, type LngLat } from '../../geo/mercator';
import { scaleBars } from './scale';
import { projectOnMap, unprojectOnMap } from './camera';
import { D, type ExportLayout, type Measure } from './layout';
import type { SceneName } from '../../scene/scene';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { NAMES, nameSize } from '../../theme/symbology';
import type { Rect } from './tiles';

export type InsetKind = 'locator' | 'detail';

/** Design sizes (CSS pixels): each inset's box, the gap between them, the frame's line. */
export const INSET = {
  locator: { w: 240, h: 165 },
  detail: { w: 340, h: 300 },
  gap: 12,
  /** The column's widest, as a share of the map's width. */
  maxWidth: 0.3,
  /** Room kept between the column and the story's frame, for the names beside its points ("Aktau SCO"). */
  clear: 100,
  /** Smallest scale before an inset is left out. */
  minScale: 0.6,
  border: 1.5,
  /** The detail's own scale bar: longest bar, its font size, its margin from the inset's corner. */
  scale: { maxBar: 80, font: 11, pad: 8 },
  /**
   * The detail comes no closer than puts its nearest claimed points this far apart (design px), room for their
   * two-line names to stack; framing Grozny airport with them may leave them a little closer (about 36 px in the
   * smallest insets).
   */
  claimGap: 44,
  /**
   * The detail frames its points with this much room: `names` right of the claimed points for their names,
   * `place` right of the frame's other points (Grozny airport) for theirs ("Grozny GRV").
   */
  detailPad: { top: 26, names: 215, place: 100, bottom: 34, left: 20 },
} as const;

/**
 * What the locator shows: the Caucasus between the Black Sea and the Caspian, and the whole Caspian
 * (a cartographic choice, inside the basemap's region).
 */
export const LOCATOR_REGION: BBox = [36.5, 36.6, 57.5, 48.2];

export interface InsetSlot {
  kind: InsetKind;
  /** The inset's box on the picture (output pixels): frame and map. */
  box: Rect;
}

export interface InsetSlots {
  slots: InsetSlot[];
  /** The map's padding for the story's frame, clear of the insets. */
  mapPadding: Padding;
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const R = Math.round;

/**
 * Where the insets go on this layout: a column at the map's top right (locator above the detail), inside the
 * map by the layout's overlay margin, clear of the legend and the scale bars. None when the map has no room.
 */
export function insetSlots(layout: ExportLayout, on = true): InsetSlots {
  const none = { slots: [], mapPadding: layout.mapPadding };
  if (!on) return none;
  const u = layout.unit;
  const m = layout.map;
  const margin = D.inset * u;
  const taken: Rect[] = [layout.scale.box, ...(layout.legend?.placement === 'overlay' ? [layout.legend.box] : [])];
  const place = (kinds: InsetKind[]): InsetSlot[] | null => {
    const w = Math.max(...kinds.map((k) => INSET[k].w));
    const h = kinds.reduce((a, k) => a + INSET[k].h, 0) + (kinds.length - 1) * INSET.gap;
    // The largest scale (at most 1) at which the column fits the map's height, and leaves half its width.
    const s = Math.min(1, (m.h - 2 * margin) / (h * u), (m.w * INSET.maxWidth) / (w * u));
    if (s < INSET.minScale) return null;
    const colW = w * s * u;
    const x = m.x + m.w - margin - colW;
    let y = m.y + margin;
    const slots = kinds.map((kind) => {
      const bw = INSET[kind].w * s * u,
        bh = INSET[kind].h * s * u;
      const box = { x: R(x + colW - bw), y: R(y), w: R(bw), h: R(bh) };
      y += bh + INSET.gap * s * u;
      return { kind, box };
    });
    return slots.some((sl) => taken.some((t) => overlaps(sl.box, t))) ? null : slots;
  };
  const slots = place(['locator', 'detail']) ?? place(['detail']) ?? place(['locator']);
  if (!slots) return none;
  const left = Math.min(...slots.map((s) => s.box.x));
  const right = R(m.x + m.w - left + INSET.clear * u);
  return { slots, mapPadding: { ...layout.mapPadding, right: Math.max(layout.mapPadding.right, right) } };
}

/**
 * The camera that shows each point with its own room around it (CSS px of a w × h view), north up, centred: the
 * highest zoom (at most maxZoom) at which every point's room fits the view. With one room for all, fitBounds.
 */
export function fitPoints(points: readonly { at: LngLat; pad: Padding }[], w: number, h: number, maxZoom: number): Camera {
  const at = points.map((p) => ({ x: mercatorX(p.at[0]) * TILE_SIZE, y: mercatorY(p.at[1]) * TILE_SIZE, pad: p.pad }));
  // Each pair bounds the scale where the first lies further right (down) than the second: their rooms fit between.
  let k = 2 ** maxZoom;
  for (const a of at)
    for (const b of at) {
      if (a.x > b.x) k = Math.min(k, Math.max(1, w - a.pad.right - b.pad.left) / (a.x - b.x));
      if (a.y > b.y) k = Math.min(k, Math.max(1, h - a.pad.bottom - b.pad.top) / (a.y - b.y));
    }
  const zoom = Math.log2(k);
  const x0 = Math.min(...at.map((p) => p.x * k - p.pad.left)),
    x1 = Math.max(...at.map((p) => p.x * k + p.pad.right));
  const y0 = Math.min(...at.map((p) => p.y * k - p.pad.top)),
    y1 = Math.max(...at.map((p) => p.y * k + p.pad.bottom));
  return { center: fromWorldPx([(x0 + x1) / 2, (y0 + y1) / 2], zoom), zoom };
}

/** The smallest distance between two of the points, in world pixels at zoom 0. */
function minGap0(pts: readonly LngLat[]): number {
  let d = Infinity;
  const cam = { center: [0, 0] as LngLat, zoom: 0 };
  for (let i = 0; i < pts.length; i++)
    for (let j = i + 1; j < pts.length; j++) {
      const a = projectOnMap(pts[i]!, cam, 0, 0, 1),
        b = projectOnMap(pts[j]!, cam, 0, 0, 1);
      d = Math.min(d, Math.hypot(a.x - b.x, a.y - b.y));
    }
  return d;
}

export interface InsetView extends InsetSlot {
  /** The inset's map inside its frame (output pixels). */
  map: Rect;
  /** Its camera (CSS pixels of a map.w / ratio × map.h / ratio view). */
  camera: Camera;
  /** Locator: the main map's extent, as a closed ring in output pixels (clipped to the inset's map by the drawer). */
  extent?: [number, number][];
  /** Detail: its scale bar (km): the bar's left end and line centre, its length, label, font size and the label's gap. */
  scale?: { x: number; y: number; px: number; label: string; fontSize: number; gap: number };
  /** The frame's line width (output pixels). */
  border: number;
  /** Names (and airports) are anchored at least this far inside the inset's map (output pixels), so none is cut. */
  keepInside: { x: number; y: number };
}

export interface InsetInput {
  slots: readonly InsetSlot[];
  /** The main map: its camera, its rectangle on the picture, output pixels per CSS pixel. */
  main: Camera;
  mapRect: Rect;
  ratio: number;
  /** The strike area's frame (geo/frames.json "strike-area": the claims and the airport, claims kept apart). */
  strike: ViewFrame;
  region?: BBox;
}

/** Each inset's map, camera and marks; views that would add nothing to the main map are left out. */
export function insetViews({ slots, main, mapRect, ratio, strike, region = LOCATOR_REGION }: InsetInput): InsetView[] {
  const out: InsetView[] = [];
  for (const slot of slots) {
    const b = Math.max(1, R(INSET.border * ratio));
    const map = { x: slot.box.x + b, y: slot.box.y + b, w: slot.box.w - 2 * b, h: slot.box.h - 2 * b };
    const w = map.w / ratio,
      h = map.h / ratio;
    if (slot.kind === 'detail') {
      const P = INSET.detailPad;
      // The claimed points at the left, room for their names (one line each) at the right; the frame's other
      // points (Grozny airport, which two of the claims are measured from) with room for a shorter name; as
      // close as the claims' names need to stand apart, no closer.
      const pad = { top: P.top, right: Math.min(P.names, w - P.left - 40), bottom: P.bottom, left: P.left };
      const d0 = minGap0(strike.keepApart);
      const claimed = new Set(strike.keepApart.map((p) => p.join()));
      const room = (p: LngLat): Padding => (claimed.has(p.join()) ? pad : { ...pad, right: Math.min(P.place, pad.right) });
      const camera =
        d0 > 0 && Number.isFinite(d0)
          ? fitPoints(
              strike.points.map((at) => ({ at, pad: room(at) })),
              w,
              h,
              Math.log2(INSET.claimGap / d0),
            )
          : frameCamera(strike, w, h, pad);
      // At least twice as close as the main map, or the detail adds nothing.
      if (camera.zoom < main.zoom + 1) continue;
      const S = INSET.scale;
      const bar = scaleBars(metresPerPixel(camera.center[1], camera.zoom) / ratio, Math.min(S.maxBar, w * 0.4) * ratio).metric;
      const scale = {
        x: R(map.x + S.pad * ratio),
        y: R(map.y + map.h - (S.pad + S.font * 0.6) * ratio),
        px: +bar.px.toFixed(2),
        label: bar.label,
        fontSize: +(S.font * ratio).toFixed(3),
        gap: R(5 * ratio),
      };
      out.push({ ...slot, map, camera, border: b, scale, keepInside: { x: 10 * ratio, y: 8 * ratio } });
    } else {
      // The region, and all of the main map's view (with a margin) where that reaches past it.
      const [mw, mn] = unprojectOnMap({ x: 0, y: 0 }, main, mapRect.w, mapRect.h, ratio);
      const [me, ms] = unprojectOnMap({ x: mapRect.w, y: mapRect.h }, main, mapRect.w, mapRect.h, ratio);
      const mx = (me - mw) * 0.08,
        my = (mn - ms) * 0.08;
      const box: BBox = [Math.min(region[0], mw - mx), Math.min(region[1], ms - my), Math.max(region[2], me + mx), Math.max(region[3], mn + my)];
      // A main map that shows the whole region already needs no locator.
      if (mw <= region[0] && me >= region[2] && ms <= region[1] && mn >= region[3]) continue;
      const camera = fitBounds(box, w, h, { top: 0, right: 0, bottom: 0, left: 0 });
      // The main map's corners, as places, then as points of the locator.
      const corners: [number, number][] = [
        [0, 0],
        [mapRect.w, 0],
        [mapRect.w, mapRect.h],
        [0, mapRect.h],
      ];
      const extent = corners.map(([x, y]) => {
        const ll: LngLat = unprojectOnMap({ x, y }, main, mapRect.w, mapRect.h, ratio);
        const p = projectOnMap(ll, camera, map.w, map.h, ratio);
        return [+(map.x + p.x).toFixed(1), +(map.y + p.y).toFixed(1)] as [number, number];
      });
      extent.push(extent[0]!);
      out.push({ ...slot, map, camera, border: b, extent, keepInside: { x: 60 * ratio, y: 10 * ratio } });
    }
  }
  return out;
}

/**
 * What is drawn over the map, in the picture's pixels: the legend where it lies over the map, the scale bars'
 * box and each inset drawn (the title, the moment and the credits lie outside the map). The map's names keep
 * clear of them (core/map-names.ts, core/claim-names.ts).
 */
export function overMap(layout: ExportLayout, insets: readonly InsetSlot[]): Rect[] {
  return [...(layout.legend?.placement === 'overlay' ? [layout.legend.box] : []), layout.scale.box, ...insets.map((s) => s.box)];
}

/** The insets' column (the box around them), or null. */
export function insetColumn(slots: readonly InsetSlot[]): Rect | null {
  if (!slots.length) return null;
  const x = Math.min(...slots.map((s) => s.box.x)),
    y = Math.min(...slots.map((s) => s.box.y));
  const r = Math.max(...slots.map((s) => s.box.x + s.box.w)),
    b = Math.max(...slots.map((s) => s.box.y + s.box.h));
  return { x, y, w: r - x, h: b - y };
}

/**
 * Whether a context name or an airport may be anchored at `at` (the map's output pixels): `edge` inside the
 * map's edges and outside the insets' column (the map's pixels) grown by `edge` (a notch at the map's top right).
 */
export function keepsAnchor(
  at: { x: number; y: number },
  view: { width: number; height: number },
  edge: { x: number; y: number },
  column: Rect | null,
): boolean {
  const inside = at.x >= edge.x && at.x <= view.width - edge.x && at.y >= edge.y && at.y <= view.height - edge.y;
  return inside && !(column && at.x >= column.x - edge.x && at.y <= column.y + column.h + edge.y);
}

/** The detail's scale bar and its label as a box in the inset map's pixels (names keep clear of it), or null. */
export function insetScaleBox(v: InsetView, labelWidth: number): { x: number; y: number; width: number; height: number } | null {
  const S = v.scale;
  if (!S) return null;
  const top = S.y - Math.max(S.fontSize * 0.7, 4 * (S.fontSize / INSET.scale.font));
  return { x: S.x - v.map.x, y: top - v.map.y, width: S.px + S.gap + labelWidth, height: S.y + S.fontSize * 0.6 - top };
}

/** A sea's name in the locator, drawn over its box of the main map: where it goes, in the picture's pixels. */
export interface LocatorName {
  text: string;
  /** The box's top-left corner and size; the first line's baseline. */
  x: number;
  y: number;
  width: number;
  height: number;
  baseline: number;
  size: number;
  letterSpacing: number;
}

/** The basemap's land (public/basemap/basemap.json, its `land` feature), for keeping a sea's name on its sea. */
export type Land = Polygon | MultiPolygon;

/** The basemap's land from its features (null when it has none). */
export function landOf(basemap: { features: readonly { properties: unknown; geometry: unknown }[] }): Land | null {
  const f = basemap.features.find((x) => (x.properties as { layer?: string } | null)?.layer === 'land');
  const g = f?.geometry as Land | undefined;
  return g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? g : null;
}

/**
 * The locator's sea names (as its map's seas in their zoom band), each at its point or, where the box of the main
 * map's extent would cross it, moved up or down (then sideways) off the box's lines, inside the locator's map, with
 * its middle still on water when the land is given (moved 4 lines up, "Black Sea" stood on the Russian steppe).
 * Drawn after the box, so no line runs through a name ("Caspian Se" cut by it).
 */
export function locatorNames(v: InsetView, names: readonly SceneName[], ratio: number, measure: Measure, land?: Land | null): LocatorName[] {
  if (v.kind !== 'locator') return [];
  const sym = NAMES.sea;
  const zoom = v.camera.zoom;
  const whole = Math.floor(zoom);
  const size = nameSize(sym, zoom) * ratio;
  const spacing = sym.letterSpacing * size;
  const pad = 2 * ratio;
  // The box's lines, each as a thin box (its stroke and halo, and a little room).
  const edges: Rect[] = [];
  const e = v.extent ?? [];
  for (let i = 1; i < e.length; i++) {
    const [x0, y0] = e[i - 1]!,
      [x1, y1] = e[i]!;
    const h = 3.5 * ratio;
    edges.push({ x: Math.min(x0, x1) - h, y: Math.min(y0, y1) - h, w: Math.abs(x1 - x0) + 2 * h, h: Math.abs(y1 - y0) + 2 * h });
  }
  const out: LocatorName[] = [];
  for (const n of names) {
    if (n.kind !== 'sea' || whole < (n.minZoom ?? 0) || whole >= (n.maxZoom ?? Infinity)) continue;
    const p = projectOnMap(n.at, v.camera, v.map.w, v.map.h, ratio);
    const width = measure(n.text, sym.weight as 400 | 600 | 700, size) + spacing * [...n.text].length;
    const height = 1.2 * size;
    // Two seas' names keep a line apart: side by side they read as one ("Қара теңіз Каспий теңізі", 4 px apart).
    const gap = height;
    const onWater = (b: Rect) =>
      !land || !booleanPointInPolygon(unprojectOnMap({ x: b.x + b.w / 2 - v.map.x, y: b.y + b.h / 2 - v.map.y }, v.camera, v.map.w, v.map.h, ratio), land);
    const fits = (b: Rect) =>
      b.x >= v.map.x + pad &&
      b.y >= v.map.y + pad &&
      b.x + b.w <= v.map.x + v.map.w - pad &&
      b.y + b.h <= v.map.y + v.map.h - pad &&
      !edges.some((r) => overlaps(b, r)) &&
      !out.some((o) => overlaps(b, { x: o.x - gap, y: o.y - gap, w: o.width + 2 * gap, h: o.height + 2 * gap })) &&
      onWater(b);
    const at = (dx: number, dy: number): Rect => ({ x: v.map.x + p.x - width / 2 + dx, y: v.map.y + p.y - height / 2 + dy, w: width, h: height });
    // Its point if it is in view, then up or down by a third of a line at a time, then sideways too.
    if (!fits(at(0, 0)) && (p.x < 0 || p.y < 0 || p.x > v.map.w || p.y > v.map.h)) continue;
    let best: Rect | null = null;
    search: for (const dx of [0, -0.25, 0.25, -0.5, 0.5, -0.75, 0.75, -1, 1].map((k) => k * width))
      for (let k = 0; k <= 24; k++)
        for (const dy of k ? [-k, k] : [0]) {
          const b = at(dx, (dy * height) / 3);
          if (fits(b)) {
            best = b;
            break search;
          }
        }
    // No room clear of the box's lines (a tall box in a narrow locator): at its point, named all the same, if whole.
    const c = at(0, 0);
    if (!best && c.x >= v.map.x && c.y >= v.map.y && c.x + c.w <= v.map.x + v.map.w && c.y + c.h <= v.map.y + v.map.h) best = c;
    if (!best) continue;
    out.push({ text: n.text, x: best.x, y: best.y, width, height, baseline: best.y + 0.95 * size, size, letterSpacing: spacing });
  }
  return out;
}
