/**
 * The main map's names on an exported picture: which are drawn and where. One placement for both renderers: the
 * SVG/PDF (vector/map.ts) draws these names as text, and the PNG (png/render.ts) lets its symbol layers draw only
 * these, by id, the airports' and the crash site's each at the anchor and offset chosen here (written onto its
 * feature, withPlaceNames), so both pictures name the same places in the same spots.
 *
 * In order: the story's names (the airports, anchored inside the map's edges, and the crash site), each tried at
 * its kind's anchors in the symbology table's order (MapLibre's text-variable-anchor) and then below or above its
 * point past the marks (the live map's rule, map/label-layout.ts), where its box lies inside the map, clear of the
 * marks drawn on it (the crash ✕ with its halo, the airports' rings, the aircraft's icon, the claims' dots; a name
 * may come near its own mark), of the story names placed before it and of the boxes drawn over the map (the
 * legend, the scale bars, the insets), and off the route and the track where one of those places is (scene's storyLines);
 * a name that fits nowhere is left out. Then the claims' names
 * (core/claim-names.ts), clear of those. Then the context names (countries, seas, republics, cities, each in its
 * zoom band), where their anchor is kept (inside the edges, outside the insets' column) and their box, the text as
 * MapLibre sets it (letter spacing, wrapped at its kind's max width), lies inside the map and meets no story name,
 * no claim's name, no mark, no context name placed before it (higher priority first) and no box drawn over the
 * map. A name that would lie under one of those is left out there, never drawn under it, where the box's
 * translucent paper would show it faintly ("GEORGIA" under the legend); a country's name is tried at its candidate
 * points in turn (scene/basemap-names.ts) and drawn at the first that fits, as on the live map. A named city's dot
 * goes with it. Pure.
 */
import type { LngLat } from '../../geo/mercator';
import { boxAt, PLACE_EDGE, placeLabels, radialShift, type Anchor, type Box, type LabelInput, type Line, type Mark } from '../../map/label-layout';
import type { SceneAircraft, SceneName } from '../../scene/scene';
import { AIRCRAFT_ICON, CRASH_ICON, NAMES, nameSize, STORY_LINE_HALF_WIDTH, SYMBOLOGY as S, type IconSymbol, type NameKind } from '../../theme/symbology';
import { GLYPH_BUFFER_EM, LINE_EM, placeClaimNames, type LineMeasure, type PlacedClaimName, wrapAt } from './claim-names';
import { projectOnMap, type Camera } from './camera';
import { EDGE_INSET } from './frame';
import { insetScaleBox, keepsAnchor, overMap, type InsetSlot, type InsetView } from './inset';
import type { ExportLayout } from './layout';
import type { Rect } from './tiles';

/** Room kept between a name's box and a box over the map (design px): its halo, MapLibre's glyph edges. */
export const COVER_CLEARANCE = 4;
/** MapLibre's baseline correction for radial offsets above and below the point: 7 px at its 24 px em. */
export const RADIAL_BASELINE_EM = 7 / 24;

export interface MapNamesInput {
  names: readonly SceneName[];
  /** A place's point on the map, in its output pixels. */
  project: (at: LngLat) => { x: number; y: number };
  view: { width: number; height: number };
  zoom: number;
  /** Output pixels per CSS pixel. */
  ratio: number;
  measure: LineMeasure;
  /** Whether a context name or an airport may be anchored here (inside the edges, outside the insets' column). */
  keep: (at: { x: number; y: number }) => boolean;
  /** Boxes drawn over the map (the legend, the scale bars, the insets), in the map's output pixels. */
  covers: readonly Box[];
  /** The story's names as placed (placeStoryNames): their boxes are taken. */
  story?: readonly PlacedMapName[];
  /** The claims' names as placed (their boxes are taken). */
  claims?: readonly Box[];
  /** The marks drawn on the map (storyMarks): no context name covers one. */
  marks?: readonly Mark[];
  /** The lines drawn on the map (storyLines), in lon/lat: the story's names stand off them where they can. */
  lines?: readonly (readonly LngLat[])[];
}

export interface PlacedMapName {
  /** The scene name's id (country:GEORGIA, sea:Caspian Sea, republic:…, city:…, place:…). */
  id: string;
  kind: NameKind;
  text: string;
  /** Top-left corner of the name's box (one line, as the vector picture sets it), in the map's output pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Font size, output px. */
  size: number;
  /**
   * The story's names: the side of the text on its point and the text's shift from it in em (MapLibre's
   * text-anchor and text-offset, as the PNG draws it: withPlaceNames).
   */
  anchor?: Anchor;
  offset?: [number, number];
}

export interface MapNames {
  /** The airports' and the crash site's names that are drawn, each at its anchor. */
  story: PlacedMapName[];
  /** The countries', seas', republics' and cities' names that are drawn. */
  context: PlacedMapName[];
  /** The cities (scene name ids) whose dot is drawn. */
  cityDots: string[];
  /** The airports (scene name ids) whose ring is drawn (anchored inside the edges: named or not). */
  placeDots: string[];
  /** The marks on the map the names keep clear of, in its output pixels. */
  marks: Mark[];
}

const meets = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const square = (at: { x: number; y: number }, half: number): Box => ({ x: at.x - half, y: at.y - half, width: 2 * half, height: 2 * half });

/** How far an icon's drawing (with its halo) reaches from its centre each way, turned by `deg`, in its own pixels. */
export function iconReach(icon: IconSymbol, deg = 0): { x: number; y: number } {
  const r = (deg * Math.PI) / 180,
    cos = Math.cos(r),
    sin = Math.sin(r);
  let x = 0,
    y = 0;
  for (const c of icon.path) {
    // A quadratic curve lies inside the hull of its points: the control point bounds it.
    for (let k = 1; k + 1 < c.length; k += 2) {
      const dx = (c[k] as number) - icon.size / 2,
        dy = (c[k + 1] as number) - icon.size / 2;
      x = Math.max(x, Math.abs(dx * cos - dy * sin));
      y = Math.max(y, Math.abs(dx * sin + dy * cos));
    }
  }
  const stroke = Math.max(icon.haloWidth, icon.width ?? 0) / 2;
  return { x: x + stroke, y: y + stroke };
}

/**
 * The marks drawn on the map, in its output pixels: the crash ✕ with its halo and each airport's ring with its
 * stroke (owned by their names), the aircraft's icon where it is drawn, the shown claims' dots.
 */
export function storyMarks(
  names: readonly SceneName[],
  project: (at: LngLat) => { x: number; y: number },
  ratio: number,
  keep: (at: { x: number; y: number }) => boolean,
  aircraft: Pick<SceneAircraft, 'at' | 'bearing'> | null = null,
): Mark[] {
  const marks: Mark[] = [];
  const cross = iconReach(CRASH_ICON);
  for (const n of names) {
    const at = project(n.at);
    if (n.kind === 'crash')
      marks.push({ x: at.x - cross.x * ratio, y: at.y - cross.y * ratio, width: 2 * cross.x * ratio, height: 2 * cross.y * ratio, owner: n.id });
    else if (n.kind === 'airport' && keep(at)) marks.push({ ...square(at, (S.airport.radius + S.airport.strokeWidth) * ratio), owner: n.id });
    else if (n.kind === 'claim' && n.shown) marks.push(square(at, (S.claim.radius + S.claim.strokeWidth) * ratio));
  }
  if (aircraft) {
    const at = project(aircraft.at);
    const r = iconReach(AIRCRAFT_ICON, aircraft.bearing);
    marks.push({ x: at.x - r.x * ratio, y: at.y - r.y * ratio, width: 2 * r.x * ratio, height: 2 * r.y * ratio });
  }
  return marks;
}

/** A name's label at its point: its one-line size (with its letter spacing), its kind's anchors and offset. */
export function nameLabel(n: SceneName, at: { x: number; y: number }, zoom: number, ratio: number, measure: LineMeasure): LabelInput {
  const sym = NAMES[n.kind];
  const size = nameSize(sym, zoom) * ratio;
  const spacing = sym.letterSpacing * size;
  return {
    id: n.id,
    x: at.x,
    y: at.y,
    width: measure(n.text, sym.weight, size) + spacing * [...n.text].length,
    height: LINE_EM * size,
    anchors: sym.anchors,
    priority: n.priority,
    ...(sym.offsetEm !== undefined && sym.offset === 'radial' ? { radial: (sym.offsetEm + GLYPH_BUFFER_EM) * size, baseline: RADIAL_BASELINE_EM * size } : {}),
    ...(sym.offsetEm !== undefined && sym.offset === 'side' ? { offset: [sym.offsetEm * size, 0] as const } : {}),
  };
}

/**
 * The room a name takes as MapLibre sets it: the one-line box, as tall as the lines MapLibre breaks it into at
 * its kind's max width (10 em unless set), around the same centre; the wider of the two boxes each way.
 */
function setBox(n: SceneName, l: LabelInput, zoom: number, ratio: number, measure: LineMeasure): Box {
  const sym = NAMES[n.kind];
  const size = nameSize(sym, zoom) * ratio;
  const spacing = sym.letterSpacing * size;
  const width = (s: string) => measure(s, sym.weight, size) + spacing * [...s].length;
  const lines = wrapAt(n.text, (sym.maxWidth ?? 10) * size, width).length;
  const b = boxAt(l, l.anchors[0]!);
  const h = Math.max(b.height, lines * LINE_EM * size);
  return { x: b.x, y: b.y + b.height / 2 - h / 2, width: b.width, height: h };
}

const inBand = (n: SceneName, whole: number) => whole >= (n.minZoom ?? 0) && whole < (n.maxZoom ?? Infinity);
const grown = (covers: readonly Box[], ratio: number) => {
  const clear = COVER_CLEARANCE * ratio;
  return covers.map((c) => ({ x: c.x - clear, y: c.y - clear, width: c.width + 2 * clear, height: c.height + 2 * clear }));
};

/**
 * MapLibre's text-offset (em) that puts a name's text where its placed box is: the radial offset of its kind
 * (further for a name pushed below or above its point past the marks), as MapLibre turns a radial offset into a
 * shift for an anchor (label-layout's radialShift, with the 7/24 em baseline correction).
 */
function offsetEm(n: SceneName, l: LabelInput, anchor: Anchor, box: Box, size: number): [number, number] {
  const sym = NAMES[n.kind];
  let r = l.radial ?? 0;
  // Only a name below or above its point may have been pushed further (placeLabels): its radius from the box.
  if (anchor === 'top') r = box.y - l.y + (l.baseline ?? 0);
  else if (anchor === 'bottom') r = l.y - (box.y + box.height) + (l.baseline ?? 0);
  const em = r / size - GLYPH_BUFFER_EM;
  const [x, y] = sym.offset === 'radial' ? radialShift(anchor, em, RADIAL_BASELINE_EM) : [sym.offsetEm ?? 0, 0];
  const round = (v: number) => Math.round(v * 1e4) / 1e4 + 0; // + 0: no -0
  return [round(x), round(y)];
}

/**
 * The airports' and the crash site's names: each at the first of its kind's anchors (then below or above its point
 * past the marks) where its box lies inside the map, clear of the marks but its own, of the names placed before it
 * (higher priority first) and of what covers the map; left out where none is.
 */
export function placeStoryNames({
  names,
  project,
  view,
  zoom,
  ratio,
  measure,
  keep,
  covers,
  marks,
  lines = [],
}: Omit<MapNamesInput, 'story' | 'claims' | 'marks'> & { marks: readonly Mark[] }): PlacedMapName[] {
  const over = grown(covers, ratio);
  const ring = (S.airport.radius + S.airport.strokeWidth) * ratio;
  const inputs: { n: SceneName; l: LabelInput }[] = [];
  for (const n of names) {
    if (n.kind !== 'crash' && n.kind !== 'airport') continue;
    const at = project(n.at);
    // An airport whose ring is not drawn (its point near an edge, in the insets' column or under a cover) is not named.
    if (n.kind === 'airport' && (!keep(at) || over.some((c) => meets(c, square(at, ring))))) continue;
    // Kept PLACE_EDGE inside the map's edges, as on the live map.
    inputs.push({ n, l: { ...nameLabel(n, at, zoom, ratio, measure), edge: PLACE_EDGE * ratio } });
  }
  const byId = new Map(inputs.map((i) => [i.n.id, i]));
  const onMap: Line[] = lines.map((line) => line.map((ll) => project(ll)));
  return placeLabels(
    inputs.map((i) => i.l),
    view,
    over,
    2 * ratio,
    marks,
    null,
    onMap,
    STORY_LINE_HALF_WIDTH * ratio,
  ).map((p) => {
    const { n, l } = byId.get(p.id)!;
    const size = nameSize(NAMES[n.kind], zoom) * ratio;
    const box = { x: p.x, y: p.y, width: l.width, height: l.height };
    return { id: n.id, kind: n.kind, text: n.text, ...box, size, anchor: p.anchor, offset: offsetEm(n, l, p.anchor, box, size) };
  });
}

/** Which of the map's context names (countries, seas, republics, cities) an export draws, and where. */
export function placeMapNames({ names, project, view, zoom, ratio, measure, keep, covers, story = [], claims = [], marks = [] }: MapNamesInput): MapNames {
  const whole = Math.floor(zoom);
  const placed = (n: SceneName, b: Box): PlacedMapName => ({ id: n.id, kind: n.kind, text: n.text, ...b, size: nameSize(NAMES[n.kind], zoom) * ratio });
  const over = grown(covers, ratio);

  // The context names, placed by the live map's rules at their first anchor, with their boxes as MapLibre sets them.
  const byId = new Map<string, { n: SceneName; line: Box }>();
  const inputs: LabelInput[] = [];
  for (const n of names) {
    if (n.kind !== 'country' && n.kind !== 'sea' && n.kind !== 'republic' && n.kind !== 'city') continue;
    if (!inBand(n, whole)) continue;
    const at = project(n.at);
    if (!keep(at)) continue;
    // The PNG export keeps a context name's first anchor, so it lands the same in every tile.
    const l = { ...nameLabel(n, at, zoom, ratio, measure), anchors: [NAMES[n.kind].anchors[0]!], ...(n.group !== undefined ? { group: n.group } : {}) };
    const line = boxAt(l, l.anchors[0]!);
    const set = setBox(n, l, zoom, ratio, measure);
    byId.set(n.id, { n, line });
    // placeLabels puts the box's named side on the point: a centred box keeps its centre.
    inputs.push({ ...l, width: set.width, height: set.height });
  }
  const taken = [...story, ...claims, ...over];
  const context = placeLabels(inputs, view, taken, 2 * ratio, marks).map((p) => {
    const { n, line } = byId.get(p.id)!;
    return placed(n, line);
  });

  // A named city's dot: in its band, kept, and clear of what covers the map.
  const r = (S.city.radius + S.city.strokeWidth) * ratio;
  const cityDots = names
    .filter((n) => n.kind === 'city' && inBand(n, whole))
    .filter((n) => {
      const at = project(n.at);
      return keep(at) && !over.some((c) => meets(c, { x: at.x - r, y: at.y - r, width: 2 * r, height: 2 * r }));
    })
    .map((n) => n.id);
  // An airport's ring: anchored inside the edges and clear of what covers the map (named or not).
  const ring = (S.airport.radius + S.airport.strokeWidth) * ratio;
  const placeDots = names
    .filter((n) => n.kind === 'airport')
    .filter((n) => {
      const at = project(n.at);
      return keep(at) && !over.some((c) => meets(c, square(at, ring)));
    })
    .map((n) => n.id);
  return { story: [...story], context, cityDots, placeDots, marks: [...marks] };
}

export interface AllNamesInput extends Omit<MapNamesInput, 'story' | 'claims' | 'marks'> {
  /** The aircraft where it is drawn (its icon is a mark). */
  aircraft: Pick<SceneAircraft, 'at' | 'bearing'> | null;
  /** The claims' names: the full label first (the main map) or the name alone (the detail inset). */
  start: 'full' | 'name';
  /** Whether a claim may be named without its claimant as a last resort: only with a legend (claim-names.ts). */
  bare?: boolean;
}

/**
 * Every name of an exported map, in order (the story's, the claims', the context names), as the PNG and the
 * SVG/PDF both draw them; in the map's output pixels.
 */
export function placeAllNames(input: AllNamesInput): { claims: PlacedClaimName[]; names: MapNames } {
  const { names, project, view, zoom, ratio, measure, keep, covers, aircraft, start, bare } = input;
  const marks = storyMarks(names, project, ratio, keep, aircraft);
  const story = placeStoryNames({ ...input, marks });
  // The claims' names clear of the story's, of the marks (their own dots are counted there) and of the covers.
  const claims = placeClaimNames({
    names,
    project: (ll) => project([ll[0], ll[1]]),
    view,
    zoom,
    ratio,
    measure,
    start,
    covers: [...covers, ...marks],
    story,
    keep: (_n, at) => keep(at),
    ...(bare !== undefined ? { bare } : {}),
  });
  return { claims, names: placeMapNames({ ...input, story, claims, marks }) };
}

export interface MainMapNamesInput {
  layout: ExportLayout;
  /** The insets drawn (their boxes cover the map); the slots' column keeps anchors away. */
  insets: readonly InsetSlot[];
  column: Rect | null;
  camera: Camera;
  ratio: number;
  names: readonly SceneName[];
  /** The aircraft where it is drawn (none at the crash, core/moment.ts). */
  aircraft?: Pick<SceneAircraft, 'at' | 'bearing'> | null;
  measure: LineMeasure;
  /** The lines drawn (storyLines). */
  lines?: readonly (readonly LngLat[])[];
  /** Whether the picture has a legend (a claim may then be named without its claimant as a last resort). */
  bare?: boolean;
}

/**
 * The main map's names on an exported picture, as the PNG draws them (png/run.ts) and the SVG/PDF (through
 * vector/map.ts with the same covers and anchor rule): placeAllNames, clear of what the layout draws over the
 * map, all in the map's output pixels.
 */
export function mainMapNames({ layout, insets, column, camera, ratio, names, aircraft = null, measure, lines = [], bare = true }: MainMapNamesInput): {
  covers: Box[];
  claims: PlacedClaimName[];
  names: MapNames;
} {
  const { map } = layout;
  const covers = overMap(layout, insets).map((r) => ({ x: r.x - map.x, y: r.y - map.y, width: r.w, height: r.h }));
  const project = (ll: readonly [number, number]) => projectOnMap([ll[0], ll[1]], camera, map.w, map.h, ratio);
  const view = { width: map.w, height: map.h };
  const edge = { x: EDGE_INSET.x * ratio, y: EDGE_INSET.y * ratio };
  const col = column && { x: column.x - map.x, y: column.y - map.y, w: column.w, h: column.h };
  const keep = (at: { x: number; y: number }) => keepsAnchor(at, view, edge, col);
  return { covers, ...placeAllNames({ names, project, view, zoom: camera.zoom, ratio, measure, keep, covers, aircraft, start: 'full', lines, bare }) };
}

/**
 * The story's layers with each airport's and the crash site's name as placed: its anchor and offset (em) as the
 * places' symbol layers read them in an export (png/render.ts). A place not named keeps its properties (its
 * name layer's filter leaves it out).
 */
export function withPlaceNames<T extends { places: { features: { properties: Record<string, unknown> | null }[] } }>(
  layers: T,
  story: readonly PlacedMapName[],
): T {
  const at = new Map(story.map((p) => [p.id, p]));
  return {
    ...layers,
    places: {
      ...layers.places,
      features: layers.places.features.map((f) => {
        const p = at.get(`place:${String(f.properties?.id)}`);
        return p?.anchor ? { ...f, properties: { ...f.properties, labelAnchor: p.anchor, labelOffset: p.offset } } : f;
      }),
    },
  };
}

/**
 * The strike-area detail inset's names (the claims' by the name alone first, clear of its scale bar), as the
 * SVG/PDF's inset places them (vector/inset.ts through vector/map.ts), in the inset map's output pixels.
 */
export function detailMapNames(
  v: InsetView,
  names: readonly SceneName[],
  aircraft: Pick<SceneAircraft, 'at' | 'bearing'> | null,
  ratio: number,
  measure: LineMeasure,
  lines: readonly (readonly LngLat[])[] = [],
  /** Whether the picture has a legend (a claim may then be named without its claimant as a last resort). */
  bare = true,
): { claims: PlacedClaimName[]; names: MapNames } {
  const bar = v.scale ? insetScaleBox(v, measure(v.scale.label, 600, v.scale.fontSize)) : null;
  const view = { width: v.map.w, height: v.map.h };
  return placeAllNames({
    names,
    project: (ll) => projectOnMap([ll[0], ll[1]], v.camera, v.map.w, v.map.h, ratio),
    view,
    zoom: v.camera.zoom,
    ratio,
    measure,
    keep: (at) => keepsAnchor(at, view, v.keepInside, null),
    covers: bar ? [bar] : [],
    aircraft,
    start: 'name',
    lines,
    bare,
  });
}

/** The ids a PNG's name layers draw (png/render.ts MapRenderRequest.names). */
export function drawnNames(n: MapNames): { context: string[]; story: string[]; cityDots: string[]; placeDots: string[] } {
  return { context: n.context.map((p) => p.id), story: n.story.map((p) => p.id), cityDots: n.cityDots, placeDots: n.placeDots };
}
