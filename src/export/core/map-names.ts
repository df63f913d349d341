/**
 * The main map's names on an exported picture, all but the claims' (core/claim-names.ts): which are drawn and
 * where. One placement for both renderers: the SVG/PDF (vector/map.ts) draws these names as text, and the PNG
 * (png/render.ts) lets its symbol layers draw only these, by id, so both pictures name the same places.
 *
 * The story's names (the airports, kept inside the map's edges, and the crash site) are always drawn, at their
 * first anchor. The context names (countries, seas, republics, cities, each in its zoom band) are drawn where
 * their anchor is kept (inside the edges, outside the insets' column) and their box, the text as MapLibre sets
 * it (letter spacing, wrapped at its kind's max width), lies inside the map and meets no story name, no
 * claim's name, no context name placed before it (higher priority first) and no box drawn over the map: the
 * legend, the scale bars, the insets. A name that would lie under one is left out, never drawn under it, where
 * the box's translucent paper would show it faintly ("GEORGIA" under the legend). A named city's dot goes
 * with it. Pure.
 */
import type { LngLat } from '../../geo/mercator';
import { boxAt, placeLabels, type Box, type LabelInput } from '../../map/label-layout';
import type { SceneName } from '../../scene/scene';
import { NAMES, nameSize, SYMBOLOGY as S, type NameKind } from '../../theme/symbology';
import { GLYPH_BUFFER_EM, LINE_EM, placeClaimNames, type LineMeasure, type PlacedClaimName, wrapAt } from './claim-names';
import { projectOnMap, type Camera } from './camera';
import { EDGE_INSET } from './frame';
import { keepsAnchor, overMap, type InsetSlot } from './inset';
import type { ExportLayout } from './layout';
import type { Rect } from './tiles';

/** Room kept between a name's box and a box over the map (design px): its halo, MapLibre's glyph edges. */
export const COVER_CLEARANCE = 4;

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
  /** The claims' names as placed (their boxes are taken). */
  claims?: readonly Box[];
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
}

export interface MapNames {
  /** The airports' and the crash site's names. */
  story: PlacedMapName[];
  /** The countries', seas', republics' and cities' names that are drawn. */
  context: PlacedMapName[];
  /** The cities (scene name ids) whose dot is drawn. */
  cityDots: string[];
}

const meets = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A name's label at its point: its one-line size (with its letter spacing), its kind's first anchor and offset. */
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
    // The PNG export keeps each label's first anchor, so it lands the same in every tile.
    anchors: [sym.anchors[0]!],
    priority: n.priority,
    ...(sym.offsetEm !== undefined && sym.offset === 'radial' ? { radial: (sym.offsetEm + GLYPH_BUFFER_EM) * size, baseline: (7 / 24) * size } : {}),
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

/** Which of the map's names (not the claims') an export draws, and where. */
export function placeMapNames({ names, project, view, zoom, ratio, measure, keep, covers, claims = [] }: MapNamesInput): MapNames {
  const whole = Math.floor(zoom);
  const placed = (n: SceneName, b: Box): PlacedMapName => ({ id: n.id, kind: n.kind, text: n.text, ...b, size: nameSize(NAMES[n.kind], zoom) * ratio });
  const clear = COVER_CLEARANCE * ratio;
  const grown = covers.map((c) => ({ x: c.x - clear, y: c.y - clear, width: c.width + 2 * clear, height: c.height + 2 * clear }));

  // The story's names: always drawn (the PNG lets them overlap), at their first anchor.
  const story: PlacedMapName[] = [];
  for (const n of names) {
    if (n.kind !== 'crash' && n.kind !== 'airport') continue;
    const at = project(n.at);
    if (n.kind === 'airport' && !keep(at)) continue;
    const l = nameLabel(n, at, zoom, ratio, measure);
    story.push(placed(n, boxAt(l, l.anchors[0]!)));
  }

  // The context names, placed by the live map's rules with their boxes as MapLibre sets them.
  const byId = new Map<string, { n: SceneName; line: Box }>();
  const inputs: LabelInput[] = [];
  for (const n of names) {
    if (n.kind !== 'country' && n.kind !== 'sea' && n.kind !== 'republic' && n.kind !== 'city') continue;
    if (!inBand(n, whole)) continue;
    const at = project(n.at);
    if (!keep(at)) continue;
    const l = nameLabel(n, at, zoom, ratio, measure);
    const line = boxAt(l, l.anchors[0]!);
    const set = setBox(n, l, zoom, ratio, measure);
    byId.set(n.id, { n, line });
    // placeLabels puts the box's named side on the point: a centred box keeps its centre.
    inputs.push({ ...l, width: set.width, height: set.height });
  }
  const taken = [...story, ...claims, ...grown];
  const context = placeLabels(inputs, view, taken, 2 * ratio).map((p) => {
    const { n, line } = byId.get(p.id)!;
    return placed(n, line);
  });

  // A named city's dot: in its band, kept, and clear of what covers the map.
  const r = (S.city.radius + S.city.strokeWidth) * ratio;
  const cityDots = names
    .filter((n) => n.kind === 'city' && inBand(n, whole))
    .filter((n) => {
      const at = project(n.at);
      return keep(at) && !grown.some((c) => meets(c, { x: at.x - r, y: at.y - r, width: 2 * r, height: 2 * r }));
    })
    .map((n) => n.id);
  return { story, context, cityDots };
}

export interface MainMapNamesInput {
  layout: ExportLayout;
  /** The insets drawn (their boxes cover the map); the slots' column keeps anchors away. */
  insets: readonly InsetSlot[];
  column: Rect | null;
  camera: Camera;
  ratio: number;
  names: readonly SceneName[];
  measure: LineMeasure;
}

/**
 * The main map's names on an exported picture, as the PNG draws them (png/run.ts) and the SVG/PDF (through
 * vector/map.ts with the same covers and anchor rule): the claims' (core/claim-names.ts, the full label first)
 * and the others, clear of what the layout draws over the map, all in the map's output pixels.
 */
export function mainMapNames({ layout, insets, column, camera, ratio, names, measure }: MainMapNamesInput): {
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
  const claims = placeClaimNames({ names, project, view, zoom: camera.zoom, ratio, measure, start: 'full', covers, keep: (_n, at) => keep(at) });
  return { covers, claims, names: placeMapNames({ names, project, view, zoom: camera.zoom, ratio, measure, keep, covers, claims }) };
}
