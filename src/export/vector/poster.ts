/**
 * The embed's poster as a drawing of its scene: the map of its moment as vector groups (map.ts) for a box
 * of the map's size, at the camera the live map will open with (given: scene/camera.ts openingCamera through the
 * app), else framed as an export frames it (the story's frame, the areas, the aircraft and its ring).
 * A light stand-in until the map is made (src/embed/lazy-map.ts). Pure.
 *
 * Its names are the live map's, not the export's: the scene's names in the forms the live map draws (a name's text,
 * then its shorter forms: a claim's always with its claimant and the word for a claim, src/scene/layers.ts), sized
 * as the live map's page sets them (src/map/labels.ts with app.css: one line, a claim's broken at 14 em, 1.2 lines
 * high) and placed by the same layout (map/label-layout.ts layoutLabels: anchors, offsets, edges, marks, the
 * aircraft, the lines, what covers the map: scene/camera.ts mapControls, the boxes the opening camera keeps clear
 * of too), so the names stay where they are when the map replaces the poster. A name that fits nowhere is left
 * out, as on the live map: none is cut by the poster's edge.
 */
import type { FeatureCollection } from 'geojson';
import type { Scene, SceneName } from '../../scene/scene';
import { storyLines } from '../../scene/scene';
import type { StoryLayers } from '../../scene/layers';
import { mapControls } from '../../scene/camera';
import { AIRCRAFT_ICON, type CircleSymbol, NAMES, nameSize, type Palette, STORY_LINE_HALF_WIDTH, SYMBOLOGY as S } from '../../theme/symbology';
import { type Box, CROSS, iconBox, type LabelInput, layoutLabels, type Mark, PLACE_EDGE } from '../../map/label-layout';
import { fitBounds, projectOnMap, type Camera } from '../core/camera';
import { EDGE_INSET, exportFrame } from '../core/frame';
import type { Measure } from '../core/layout';
import { mapGroups } from './map';
import { group, layerLabel, type VGroup, type VNode } from './model';

export interface PosterInput {
  basemap: FeatureCollection;
  layers: Pick<StoryLayers, 'frame' | 'areas'>;
  scene: Scene;
  palette: Palette;
  /** The map's box, CSS pixels. */
  width: number;
  height: number;
  measure: Measure;
  /** Room around the frame, CSS pixels, when no camera is given. */
  padding?: number;
  /** The camera to draw with (the live map's opening camera for this moment and size). */
  camera?: Camera;
  /** What will cover the live map (its controls, the folded legend), CSS px; by default scene/camera.ts mapControls. */
  covers?: readonly Box[];
}

/** A name as the poster draws it: its lines, the top-left corner of its box and its size, CSS px. */
export interface PosterName {
  id: string;
  kind: SceneName['kind'];
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  /** Font size, px. */
  size: number;
}

/** app.css .map-label: line-height 1.2; .map-label-claim: broken at its kind's max width (14 em). */
const LINE = 1.2;
/** Noto Sans's first baseline in a 1.2 line box, em: half-leading (1.2 - 1.069 - 0.293) / 2 plus its ascent 1.069. */
const BASELINE = 0.988;

/**
 * A claim's text as the page breaks it (white-space: pre-line, max-width): at its line breaks, then greedily where
 * a line would pass `max`, at spaces and after a hyphen between letters (never at a no-break space).
 */
export function wrapLines(text: string, max: number, width: (s: string) => number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    // Pieces that end where a line may break: "word " or "VChK-".
    const pieces = para
      .replace(/ +/g, ' ')
      .match(/[^ -]*(?:-(?=\p{L})| |-|$)/gu)
      ?.filter(Boolean) ?? [''];
    let cur = '';
    for (const p of pieces) {
      const next = cur + p;
      if (cur && width(next.trimEnd()) > max) {
        out.push(cur.trimEnd());
        cur = p;
      } else cur = next;
    }
    out.push(cur.trimEnd());
  }
  return out;
}

/**
 * Where the live map puts the scene's names for this camera and box (labels.ts's inputs to label-layout's
 * layoutLabels), each in the form it draws.
 */
export function posterNames(
  scene: Scene,
  camera: Camera,
  view: { width: number; height: number },
  measure: Measure,
  covers: readonly Box[] = mapControls(view.width, view.height),
): PosterName[] {
  const zoom = camera.zoom;
  const project = (ll: readonly [number, number]) => projectOnMap([ll[0], ll[1]], camera, view.width, view.height, 1);
  const inputs: LabelInput[] = [];
  const drawn = new Map<string, { n: SceneName; forms: string[][]; size: number }>();
  for (const s of scene.names) {
    if (!s.shown || (s.minZoom !== undefined && zoom < s.minZoom) || (s.maxZoom !== undefined && zoom >= s.maxZoom)) continue;
    const n = NAMES[s.kind];
    // Measured at the kind's own size, as the page lays the element out, then scaled (labels.ts: scale(k)).
    const base = typeof n.size === 'number' ? n.size : n.size[1];
    const px = nameSize(n, zoom);
    const k = px / base;
    const spacing = n.letterSpacing * base;
    const width = (t: string) => measure(t, n.weight, base) + spacing * [...t].length;
    const max = s.kind === 'claim' ? (n.maxWidth ?? 14) * base : Infinity;
    // Its text, then its shorter form (a claim's: with its claimant and the word for a claim); never `bare`, the
    // exports' last resort without the claimant: as on the live map, a claim is named with who claims it or not at all.
    const texts = [s.text, s.short].filter((t, i, a): t is string => !!t && a.indexOf(t) === i);
    const forms = texts.map((t) => (s.kind === 'claim' ? wrapLines(t, max, width) : [t.replace(/\n/g, ' ')]));
    // The element's size as the page reports it (offsetWidth, offsetHeight): whole px; a broken claim is as wide as its max.
    const sizes = texts.map((t, i) => ({
      width: Math.round(Math.min(max, Math.max(...t.split('\n').map(width)))) * k,
      height: Math.round(forms[i]!.length * LINE * base) * k,
    }));
    const p = project(s.at);
    inputs.push({
      id: s.id,
      x: p.x,
      y: p.y,
      ...sizes[0]!,
      ...(sizes.length > 1 ? { variants: sizes.slice(1) } : {}),
      anchors: n.anchors,
      priority: s.priority,
      ...(s.group !== undefined ? { group: s.group } : {}),
      ...(s.kind === 'airport' || s.kind === 'crash' ? { edge: PLACE_EDGE } : {}),
      ...(n.offsetEm !== undefined ? { radial: n.offsetEm * px, baseline: (7 / 24) * px } : {}),
    });
    drawn.set(s.id, { n: s, forms, size: px });
  }
  // The marks no other name covers: the crash ✕ with its halo (CROSS), the airports' rings, the shown claims' dots.
  const ring = S.airport.radius + S.airport.strokeWidth;
  const dot = S.claim.radius + S.claim.strokeWidth;
  const marks: Mark[] = [];
  for (const f of scene.features) {
    if ((f.role !== 'crash' && f.role !== 'airport' && f.role !== 'claim') || f.geometry.type !== 'Point') continue;
    const name = scene.names.find((n) => n.feature === f.id);
    if (f.role === 'claim' && !name?.shown) continue;
    const half = f.role === 'crash' ? CROSS / 2 : f.role === 'claim' ? dot : ring;
    const p = project(f.geometry.coordinates as [number, number]);
    marks.push({ x: p.x - half, y: p.y - half, width: 2 * half, height: 2 * half, ...(name ? { owner: name.id } : {}) });
  }
  const a = scene.aircraft;
  const aircraft = a ? (({ x, y }) => iconBox(AIRCRAFT_ICON, x, y, a.bearing))(project(a.at)) : null;
  const lines = storyLines(scene).map((l) => l.map(project));
  const { placed } = layoutLabels(inputs, view, covers, 2, marks, aircraft, lines, STORY_LINE_HALF_WIDTH);
  return placed.map((p) => {
    const { n, forms, size } = drawn.get(p.id)!;
    const l = inputs.find((i) => i.id === p.id)!;
    const box = p.variant ? l.variants![p.variant - 1]! : l;
    return { id: n.id, kind: n.kind, lines: forms[p.variant]!, x: p.x, y: p.y, width: box.width, height: box.height, size };
  });
}

/** The poster's names as text: a group per name (its lines, left-aligned in its box), in its kind's symbology. */
function nameNodes(names: readonly PosterName[], c: Palette): VGroup[] {
  return names.map((p) => {
    const sym = NAMES[p.kind];
    const spacing = sym.letterSpacing * p.size;
    const lines: VNode[] = p.lines.map((text, i) => ({
      kind: 'text',
      x: p.x,
      y: p.y + (i * LINE + BASELINE) * p.size,
      text,
      size: p.size,
      weight: sym.weight,
      fill: c[sym.colour],
      ...(spacing ? { letterSpacing: spacing } : {}),
      halo: { colour: c[sym.halo], width: sym.haloWidth },
    }));
    return group(`name-${p.kind}`, layerLabel('names'), lines);
  });
}

export function posterGroups(o: PosterInput): { camera: Camera; groups: VGroup[]; names: PosterName[] } {
  const pad = o.padding ?? 40;
  const camera = o.camera ?? fitBounds(exportFrame(o.layers, o.scene.moment), o.width, o.height, { top: pad, right: pad, bottom: pad, left: pad });
  const rect = { x: 0, y: 0, w: o.width, h: o.height };
  const view = { width: o.width, height: o.height };
  // The map without the export's names (placed by its own rules) …
  const groups = mapGroups({
    basemap: o.basemap,
    scene: { ...o.scene, names: [] },
    palette: o.palette,
    camera,
    ratio: 1,
    rect,
    keepInside: EDGE_INSET,
    measure: o.measure,
  });
  // … with the live map's dots (every airport's ring, a city's dot in its zoom band: its style's layers) …
  const c = o.palette;
  const whole = Math.floor(camera.zoom);
  const circle = (sym: CircleSymbol, at: { x: number; y: number }): VNode => ({
    kind: 'circle',
    cx: at.x,
    cy: at.y,
    r: sym.radius + sym.strokeWidth / 2,
    fill: c[sym.fill],
    stroke: c[sym.stroke],
    strokeWidth: sym.strokeWidth,
  });
  const at = (ll: readonly number[]) => projectOnMap([ll[0]!, ll[1]!], camera, o.width, o.height, 1);
  const near = (p: { x: number; y: number }) => p.x > -12 && p.y > -12 && p.x < o.width + 12 && p.y < o.height + 12;
  const cities = o.scene.names.filter((n) => n.kind === 'city' && whole >= (n.minZoom ?? 0) && whole < (n.maxZoom ?? Infinity)).map((n) => at(n.at));
  const airports = o.scene.features
    .filter((f) => f.role === 'airport' && f.geometry.type === 'Point')
    .map((f) => at((f.geometry as GeoJSON.Point).coordinates));
  const places = groups.find((g) => g.id === 'places')!;
  // places: the crash ✕'s halos, then its strokes (map.ts): the rings between them, as there.
  const half = places.children.length / 2;
  places.children = [
    ...cities.filter(near).map((p) => circle(S.city, p)),
    ...places.children.slice(0, half),
    ...airports.filter(near).map((p) => circle(S.airport, p)),
    ...places.children.slice(half),
  ];
  // … and the live map's names, over everything (its names are text over the canvas).
  const names = posterNames(o.scene, camera, view, o.measure, o.covers);
  const named = groups.find((g) => g.id === 'names')!;
  named.children = nameNodes(names, c);
  return { camera, groups, names };
}
