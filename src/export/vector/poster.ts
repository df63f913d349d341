/**
 * The embed's poster as a drawing of its scene: the map of its moment as vector groups (map.ts) for a box
 * of the map's size, at the camera the live map will open with (given: scene/camera.ts openingCamera through the
 * app), else framed as an export frames it (the story's frame, the areas, the aircraft and its ring).
 * A light stand-in until the map is made (src/embed/lazy-map.ts). Pure.
 *
 * Its names are the live map's, not the export's: the scene's names in the forms the live map draws (a name's text,
 * then its shorter forms: a claim's always with its claimant and the word for a claim, src/scene/layers.ts), sized
 * as the live map's page sets them (src/map/labels.ts with app.css: one line, a claim's broken at 14 em, 1.2 lines
 * high) and placed by the same code (map/scene-labels.ts layoutSceneLabels: sizes by zoom, anchors, offsets, edges,
 * marks, the aircraft, the lines; what covers the map: scene/camera.ts mapControls, the boxes the opening camera keeps
 * clear of too), so the names stay where they are when the map replaces the poster. A name that fits nowhere is left
 * out, as on the live map: none is cut by the poster's edge.
 */
import type { FeatureCollection } from 'geojson';
import type { Scene, SceneName } from '../../scene/scene';
import { storyLines } from '../../scene/scene';
import type { StoryLayers } from '../../scene/layers';
import { NAMES, nameBaseSize, type Palette } from '../../theme/symbology';
import { dotCircle, sceneDots } from '../../scene/dots';
import type { Box } from '../../map/label-layout';
import { type FormSize, layoutSceneLabels, nameForms } from '../../map/scene-labels';
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
  /** What will cover the live map (its controls: scene/camera.ts mapControls; the folded legend), CSS px. */
  covers: readonly Box[];
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
 * Where the live map puts the scene's names for this camera and box (the layout labels.ts makes, scene-labels.ts),
 * each in the form it draws, broken into its lines.
 */
export function posterNames(scene: Scene, camera: Camera, view: { width: number; height: number }, measure: Measure, covers: readonly Box[]): PosterName[] {
  // Each name's forms broken into lines as the page breaks them, and their boxes as the page reports them
  // (offsetWidth, offsetHeight: whole px; a broken claim is as wide as its max), at its kind's base size.
  const broken = new Map<number, { forms: string[][]; sizes: FormSize[] }>();
  const lines = (i: number) => {
    const s = scene.names[i]!;
    const had = broken.get(i);
    if (had) return had;
    const n = NAMES[s.kind];
    const base = nameBaseSize(n);
    const spacing = n.letterSpacing * base;
    const width = (t: string) => measure(t, n.weight, base) + spacing * [...t].length;
    const max = s.kind === 'claim' ? (n.maxWidth ?? 14) * base : Infinity;
    const texts = nameForms(s);
    const forms = texts.map((t) => (s.kind === 'claim' ? wrapLines(t, max, width) : [t.replace(/\n/g, ' ')]));
    const sizes = texts.map((t, j) => ({
      width: Math.round(Math.min(max, Math.max(...t.split('\n').map(width)))),
      height: Math.round(forms[j]!.length * LINE * base),
    }));
    broken.set(i, { forms, sizes });
    return { forms, sizes };
  };
  const { layout, names } = layoutSceneLabels({
    names: scene.names,
    features: scene.features,
    lines: storyLines(scene),
    aircraft: scene.aircraft,
    zoom: camera.zoom,
    project: (ll) => projectOnMap([ll[0], ll[1]], camera, view.width, view.height, 1),
    sizes: (i) => lines(i).sizes, // only the names laid out are measured
    view,
    covers,
  });
  return layout.placed.map((p) => {
    const { index, size, forms } = names.get(p.id)!;
    const n = scene.names[index]!;
    return { id: n.id, kind: n.kind, lines: lines(index).forms[p.variant]!, x: p.x, y: p.y, ...forms[p.variant]!, size };
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
  // … with the live map's dots (every airport's ring, a city's dot in its zoom band: scene/dots.ts) …
  const near = (p: { x: number; y: number }) => p.x > -12 && p.y > -12 && p.x < o.width + 12 && p.y < o.height + 12;
  const dots = sceneDots(o.scene, camera.zoom);
  const drawn = (kind: 'city' | 'airport') =>
    dots
      .filter((d) => d.kind === kind && d.shown)
      .map((d) => projectOnMap(d.at, camera, o.width, o.height, 1))
      .filter(near)
      .map((p): VNode => ({ kind: 'circle', cx: p.x, cy: p.y, ...dotCircle(kind, o.palette) }));
  const places = groups.find((g) => g.id === 'places')!;
  // places: the crash ✕'s halos, then its strokes (map.ts): the rings between them, as there.
  const half = places.children.length / 2;
  places.children = [...drawn('city'), ...places.children.slice(0, half), ...drawn('airport'), ...places.children.slice(half)];
  // … and the live map's names, over everything (its names are text over the canvas).
  const names = posterNames(o.scene, camera, view, o.measure, o.covers);
  const named = groups.find((g) => g.id === 'names')!;
  named.children = nameNodes(names, o.palette);
  return { camera, groups, names };
}
