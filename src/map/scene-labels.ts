/**
 * The scene's names laid out for a view: what the live map's names over the canvas (labels.ts) and the embed's
 * poster (export/vector/poster.ts) both place, so that the poster names what the map will. The names in their
 * zoom band and shown, at their kind's size for the zoom (the symbology table), with their forms' boxes; the marks
 * no other name covers (the crash ✕ with its halo, the airports' rings, the shown claims' dots); the aircraft's box;
 * the lines drawn; then label-layout's layoutLabels. Pure: a projection and the forms' sizes in, boxes out.
 */
import type { LngLat } from '../geo/mercator';
import type { Scene, SceneAircraft, SceneName } from '../scene/scene';
import { AIRCRAFT_ICON, NAMES, nameBaseSize, nameSize, STORY_LINE_HALF_WIDTH, SYMBOLOGY as S } from '../theme/symbology';
import { type Box, CROSS, iconBox, type LabelInput, type Layout, layoutLabels, type Line, type Mark, PLACE_EDGE } from './label-layout';

export type Project = (ll: LngLat) => { x: number; y: number };
/** A form's box, px, at its kind's base size (symbology.ts nameBaseSize; scaled to the zoom's size here). */
export type FormSize = { width: number; height: number };

export interface SceneLabelsInput {
  /** The scene's names (a story's list, in its order) and features. */
  names: readonly SceneName[];
  features: Scene['features'];
  /** Whether each name is drawn at this moment (by default its `shown`). */
  shown?: readonly boolean[];
  /** The lines drawn (scene.ts storyLines), which a name stands off where it can. */
  lines: readonly (readonly LngLat[])[];
  aircraft: SceneAircraft | null;
  zoom: number;
  /** The map's bearing, degrees (the aircraft's icon is turned by its own bearing less this). */
  bearing?: number;
  project: Project;
  /** The boxes of name i's forms (its text, then its shorter forms) at its kind's base size. */
  sizes: (i: number) => readonly FormSize[];
  view: { width: number; height: number };
  /** What covers the map (its controls, the legend), px. */
  covers: readonly Box[];
}

export interface SceneLabels {
  layout: Layout;
  /**
   * Each name laid out (in its zoom band and shown), by id: its index in `names`, its font size, px, the scale from the
   * size it was measured at (nameBaseSize), and its forms' boxes at its size.
   */
  names: Map<string, { index: number; size: number; scale: number; forms: FormSize[] }>;
}

/**
 * A name's forms as the live map draws them: its text, then the shorter form tried where the text finds no room (a
 * claim's name with its claimant and the word for a claim: "ВЧК-ОГПУ (утверждение): 18 км …"). Never the exports'
 * last resort (`bare`, the claim without its claimant): on the live map a claim is named with who claims it, or not at all.
 */
export function nameForms(s: Pick<SceneName, 'text' | 'short'>): string[] {
  return [s.text, s.short].filter((t, i, a): t is string => !!t && a.indexOf(t) === i);
}

/** The aircraft's box on screen: its icon's size and shape from the symbology table, turned as the map draws it. */
export function aircraftBox(aircraft: SceneAircraft | null, project: Project, bearing = 0): Box | null {
  if (!aircraft) return null;
  const p = project(aircraft.at);
  return iconBox(AIRCRAFT_ICON, p.x, p.y, aircraft.bearing - bearing);
}

export function layoutSceneLabels(o: SceneLabelsInput): SceneLabels {
  const shown = o.shown ?? o.names.map((n) => n.shown);
  const inputs: LabelInput[] = [];
  const names: SceneLabels['names'] = new Map();
  o.names.forEach((s, i) => {
    if (!shown[i] || (s.minZoom !== undefined && o.zoom < s.minZoom) || (s.maxZoom !== undefined && o.zoom >= s.maxZoom)) return;
    const n = NAMES[s.kind];
    // Measured at the kind's own size, then scaled to the zoom's (the live map: scale(k) on the element).
    const px = nameSize(n, o.zoom);
    const k = px / nameBaseSize(n);
    const forms = o.sizes(i).map((z) => ({ width: z.width * k, height: z.height * k }));
    const p = o.project(s.at);
    inputs.push({
      id: s.id,
      x: p.x,
      y: p.y,
      ...forms[0]!,
      ...(forms.length > 1 ? { variants: forms.slice(1) } : {}),
      anchors: n.anchors,
      ...(n.lastAnchors ? { lastAnchors: n.lastAnchors } : {}),
      priority: s.priority,
      ...(s.group !== undefined ? { group: s.group } : {}), // a country's candidate points: the first that fits
      ...(s.kind === 'airport' || s.kind === 'crash' ? { edge: PLACE_EDGE } : {}), // a place's name kept off the map's edge
      ...(n.offsetEm !== undefined ? { radial: n.offsetEm * px, baseline: (7 / 24) * px } : {}),
    });
    names.set(s.id, { index: i, size: px, scale: k, forms });
  });
  // The marks no other name covers: the crash ✕ with its halo, the airports' rings, a claim's dot once it is drawn
  // (its name shown: the day it was reported). The name of a mark's own feature may come near it.
  const ring = S.airport.radius + S.airport.strokeWidth;
  const dot = S.claim.radius + S.claim.strokeWidth;
  const marks: Mark[] = [];
  for (const f of o.features) {
    if ((f.role !== 'crash' && f.role !== 'airport' && f.role !== 'claim') || f.geometry.type !== 'Point') continue;
    const i = o.names.findIndex((n) => n.feature === f.id);
    if (f.role === 'claim' && !shown[i]) continue;
    const half = f.role === 'crash' ? CROSS / 2 : f.role === 'claim' ? dot : ring;
    const p = o.project(f.geometry.coordinates as LngLat);
    const owner = o.names[i]?.id;
    marks.push({ x: p.x - half, y: p.y - half, width: 2 * half, height: 2 * half, ...(owner ? { owner } : {}) });
  }
  const lines: Line[] = o.lines.map((l) => l.map(o.project));
  const layout = layoutLabels(inputs, o.view, o.covers, 2, marks, aircraftBox(o.aircraft, o.project, o.bearing), lines, STORY_LINE_HALF_WIDTH);
  return { layout, names };
}
