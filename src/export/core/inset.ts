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
import { designOf, type ExportLayout, type Measure } from './layout';
import type { SceneName } from '../../scene/scene';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { NAMES, nameSize } from '../../theme/symbology';
import type { Rect } from './tiles';
import { BASELINE_EM, LINE_EM } from './claim-names';

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
  const margin = designOf(layout.width, layout.height, u).inset * u;
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

/**
 * A line of a sea's name in the locator, drawn over its box of the main map: where it goes, in the picture's pixels.
 * A name on one line is one entry; a name broken over two lines (at a space, each line centred) is two entries
 * with the same id, the second a line (LINE_EM) below the first, so both renderers draw each entry as it is.
 */
export interface LocatorName {
  /** The sea's scene id ("sea:Black Sea"): the lines of one name share it. */
  id: string;
  /** This line's words. */
  text: string;
  /** The line's box: top-left corner and size; its baseline. */
  x: number;
  y: number;
  width: number;
  height: number;
  baseline: number;
  size: number;
  letterSpacing: number;
}

/** Each name's box around its lines (one entry per sea), in the order placed. */
export function locatorNameBoxes(
  lines: readonly LocatorName[],
): { id: string; text: string; lines: LocatorName[]; x: number; y: number; width: number; height: number }[] {
  const ids = [...new Set(lines.map((l) => l.id))];
  return ids.map((id) => {
    const ls = lines.filter((l) => l.id === id);
    const x = Math.min(...ls.map((l) => l.x)),
      y = Math.min(...ls.map((l) => l.y));
    const width = Math.max(...ls.map((l) => l.x + l.width)) - x,
      height = Math.max(...ls.map((l) => l.y + l.height)) - y;
    return { id, text: ls.map((l) => l.text).join(' '), lines: ls, x, y, width, height };
  });
}

/** A name over two lines at one of its spaces, the break whose longer line is shortest; null with no space. */
export function twoLines(text: string, width: (s: string) => number): [string, string] | null {
  const words = text.split(' ');
  let best: [string, string] | null = null;
  let least = Infinity;
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(' '),
      b = words.slice(i).join(' ');
    if (!a || !b) continue;
    const w = Math.max(width(a), width(b));
    if (w < least) {
      least = w;
      best = [a, b];
    }
  }
  return best;
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
 * Whether a point of the picture lies in the same water as `p` (a point of the locator's map, maybe just off it):
 * the water reached from it over a grid of 2 design px cells (their centres on water, side by side), over the
 * locator's map and the point. Always true without land.
 */
function sameWater(v: InsetView, p: { x: number; y: number }, ratio: number, onLand: (x: number, y: number) => boolean): (x: number, y: number) => boolean {
  const cell = 2 * ratio;
  const x0 = Math.min(v.map.x, v.map.x + p.x) - cell,
    y0 = Math.min(v.map.y, v.map.y + p.y) - cell;
  const cols = Math.ceil((Math.max(v.map.x + v.map.w, v.map.x + p.x) + cell - x0) / cell),
    rows = Math.ceil((Math.max(v.map.y + v.map.h, v.map.y + p.y) + cell - y0) / cell);
  const at = (x: number, y: number) => Math.floor((y - y0) / cell) * cols + Math.floor((x - x0) / cell);
  const reached = new Uint8Array(cols * rows);
  const start = at(v.map.x + p.x, v.map.y + p.y);
  reached[start] = 1;
  const queue = [start];
  while (queue.length) {
    const c = queue.pop()!;
    const i = c % cols,
      j = (c - i) / cols;
    for (const [a, b] of [
      [i - 1, j],
      [i + 1, j],
      [i, j - 1],
      [i, j + 1],
    ] as const) {
      if (a < 0 || b < 0 || a >= cols || b >= rows) continue;
      const k = b * cols + a;
      if (reached[k]) continue;
      reached[k] = 2; // looked at
      if (onLand(x0 + (a + 0.5) * cell, y0 + (b + 0.5) * cell)) continue;
      reached[k] = 1;
      queue.push(k);
    }
  }
  return (x, y) => {
    const k = at(x, y);
    return x >= x0 && y >= y0 && k >= 0 && k < reached.length && reached[k] === 1;
  };
}

/**
 * Where along a sea name's line (fractions of its width, at half its height) the locator wants water, of its own sea:
 * the whole line but its ends. With its middle alone, "Каспийское море" stood on the Kazakh steppe with only its
 * middle over the Caspian's northern tip (ru A4 portrait), and "Caspian Sea" ran from Dagestan to Kazakhstan (A4).
 */
export const WATER_SAMPLES = [0.1, 0.3, 0.5, 0.7, 0.9] as const;

/**
 * The locator's sea names (as its map's seas in their zoom band), each at its point or, where the box of the main
 * map's extent would cross it, moved up or down (then sideways) off the box's lines, inside the locator's map, on
 * its water (WATER_SAMPLES) when the land is given (moved 4 lines up, "Black Sea" stood on the Russian steppe).
 * Where one line finds no such place (the Black Sea's visible part is narrower than "Чёрное море"), the name is
 * tried over two lines, broken at a space, centred, a line (LINE_EM) apart, each line on water. Else the name stands
 * at its point if it is on water there (over the box's line), or is left out ("Каспийское" is wider than the
 * Caspian at a locator's scale; the box frames the sea, and the main map names it). Drawn after the box, so no line
 * runs through a name ("Caspian Se" cut by it). One entry per line (LocatorName).
 */
export function locatorNames(v: InsetView, names: readonly SceneName[], ratio: number, measure: Measure, land?: Land | null): LocatorName[] {
  if (v.kind !== 'locator') return [];
  const sym = NAMES.sea;
  const zoom = v.camera.zoom;
  const whole = Math.floor(zoom);
  const size = nameSize(sym, zoom) * ratio;
  const spacing = sym.letterSpacing * size;
  const pad = 2 * ratio;
  const lineH = LINE_EM * size;
  // Measured once per text: the search below asks for the same few lines' widths at every place it tries.
  const widths = new Map<string, number>();
  const lineWidth = (t: string) => {
    let w = widths.get(t);
    if (w === undefined) widths.set(t, (w = measure(t, sym.weight as 400 | 600 | 700, size) + spacing * [...t].length));
    return w;
  };
  // The box's lines, each as a thin box (its stroke and halo, and a little room).
  const edges: Rect[] = [];
  const e = v.extent ?? [];
  for (let i = 1; i < e.length; i++) {
    const [x0, y0] = e[i - 1]!,
      [x1, y1] = e[i]!;
    const h = 3.5 * ratio;
    edges.push({ x: Math.min(x0, x1) - h, y: Math.min(y0, y1) - h, w: Math.abs(x1 - x0) + 2 * h, h: Math.abs(y1 - y0) + 2 * h });
  }
  // Two seas' names keep a line apart: side by side they read as one ("Қара теңіз Каспий теңізі", 4 px apart).
  const gap = lineH;
  const onLand = (x: number, y: number) =>
    !!land && booleanPointInPolygon(unprojectOnMap({ x: x - v.map.x, y: y - v.map.y }, v.camera, v.map.w, v.map.h, ratio), land);
  const inMap = (b: Rect, m: number) => b.x >= v.map.x + m && b.y >= v.map.y + m && b.x + b.w <= v.map.x + v.map.w - m && b.y + b.h <= v.map.y + v.map.h - m;
  /** The lines' boxes in a box of `form` at b (each line centred). */
  const linesIn = (form: readonly string[], b: Rect): Rect[] =>
    form.map((t, i) => {
      const w = lineWidth(t);
      return { x: b.x + (b.w - w) / 2, y: b.y + i * lineH, w, h: lineH };
    });
  const seas = names
    .filter((n) => n.kind === 'sea' && whole >= (n.minZoom ?? 0) && whole < (n.maxZoom ?? Infinity))
    .map((n) => {
      const p = projectOnMap(n.at, v.camera, v.map.w, v.map.h, ratio);
      const split = twoLines(n.text, lineWidth);
      // On its own sea: each line's middle on water, and in the water its point lies in (not the Sea of Azov, a
      // strait narrower than a pixel away from the Black Sea; around Mangyshlak's capes in the Caspian).
      return { n, p, oneLine: [n.text], split, bySea: sameWater(v, p, ratio, onLand) };
    });
  type Placed = { id: string; form: readonly string[]; box: Rect; clear: boolean };
  /** Each sea's name in turn, clear of those before it; the seas in `twoFirst` tried over two lines first. */
  const place = (twoFirst: ReadonlySet<string>): Placed[] => {
    const placed: Placed[] = [];
    for (const { n, p, oneLine, split, bySea } of seas) {
      const forms = split ? (twoFirst.has(n.id) ? [split, oneLine] : [oneLine, split]) : [oneLine];
      // Its sea's water cells first (a lookup), the land's polygons only where those hold.
      const onWater = (form: readonly string[], b: Rect) =>
        linesIn(form, b).every((l) => WATER_SAMPLES.every((f) => bySea(l.x + l.w * f, l.y + l.h / 2) && !onLand(l.x + l.w * f, l.y + l.h / 2)));
      const fits = (form: readonly string[], b: Rect) =>
        inMap(b, pad) &&
        !edges.some((r) => overlaps(b, r)) &&
        !placed.some(({ box: o }) => overlaps(b, { x: o.x - gap, y: o.y - gap, w: o.w + 2 * gap, h: o.h + 2 * gap })) &&
        onWater(form, b);
      const boxAt = (form: readonly string[], dx: number, dy: number): Rect => {
        const w = Math.max(...form.map(lineWidth)),
          h = form.length * lineH;
        return { x: v.map.x + p.x - w / 2 + dx, y: v.map.y + p.y - h / 2 + dy, w, h };
      };
      // Its point, then up or down by a third of a line at a time, then sideways too by sixteenths of its width (its
      // point may lie just off the locator, as the Black Sea's in A4): on one line, then on two.
      let best: Placed | null = null;
      search: for (const form of forms) {
        const w = Math.max(...form.map(lineWidth));
        for (let i = 0; i <= 24; i++)
          for (const dx of i ? [-i, i] : [0])
            for (let k = 0; k <= 24; k++)
              for (const dy of k ? [-k, k] : [0]) {
                const b = boxAt(form, (dx * w) / 16, (dy * lineH) / 3);
                if (fits(form, b)) {
                  best = { id: n.id, form, box: b, clear: true };
                  break search;
                }
              }
      }
      // No room clear of the box's lines (a tall box in a narrow locator): at its point, named all the same, if whole
      // and on its water. Where the name is wider than its sea there ("Каспийское море" across the Caspian and onto
      // land on both shores, ru A4 portrait), it is left out: the main map names it.
      if (!best)
        for (const form of forms) {
          const c = boxAt(form, 0, 0);
          if (inMap(c, 0) && onWater(form, c)) {
            best = { id: n.id, form, box: c, clear: false };
            break;
          }
        }
      if (best) placed.push(best);
    }
    return placed;
  };
  // One line first; where that leaves a sea unnamed (or over the box's line), the fewest names over two lines
  // first that name more (A4 in Russian: "Каспийское море" on one line left no room for "Чёрное море").
  const score = (r: Placed[]) => r.length * 100 + r.filter((x) => x.clear).length;
  let result = place(new Set());
  const twoable = seas.filter((s) => s.split).map((s) => s.n.id);
  if (score(result) < seas.length * 101) {
    const subsets = [[]] as string[][];
    for (const id of twoable) for (const sub of subsets.slice()) subsets.push([...sub, id]);
    for (const sub of subsets.slice(1).sort((a, b) => a.length - b.length)) {
      const r = place(new Set(sub));
      if (score(r) > score(result)) result = r;
    }
  }
  const out: LocatorName[] = [];
  for (const { id, form, box } of result)
    for (const [i, l] of linesIn(form, box).entries())
      out.push({ id, text: form[i]!, x: l.x, y: l.y, width: l.w, height: l.h, baseline: l.y + BASELINE_EM * size, size, letterSpacing: spacing });
  return out;
}
