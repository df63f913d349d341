/**
 * What is drawn, for a moment of the story: every feature with its symbology role (src/theme/symbology.ts)
 * and its state (flown or not, shown from a date, contested), every name with its kind and priority, the
 * aircraft and its uncertainty ring, the flown and unflown parts of the track. The live map
 * (src/map/story-map.ts), the PNG export (src/export/png/) and the SVG/PDF export (src/export/vector/map.ts)
 * are renderers of this one scene: they read it and the symbology table, nothing else. Pure: no DOM, no MapLibre.
 */
import type { Feature, LineString, Point, Polygon } from 'geojson';
import type { Chapter } from '../story/schema';
import type { StoryLayers } from './layers';
import { positionAt, type TrackModel, type TrackPosition } from '../track/interpolate';
import type { LngLat } from '../geo/mercator';
import { DAY } from '../time/timeline';
import { NAMES, type NameKind } from '../theme/symbology';

/** A leg's certainty class (the symbology draws approximate and reconstructed legs). */
export type Certainty = TrackPosition['certainty'];
import { countryNames, SEA_LABELS } from './basemap-names';
import { contextNames } from './context-names';
import { placeName } from '../i18n';

/** The story as the scene needs it: its map features (story/layers.ts) and the track model. */
export interface SceneStory {
  layers: StoryLayers;
  track: TrackModel;
}

/** A moment as an export request or the URL says it: the whole route, or a chapter and an instant. */
export type StoryMoment = { kind: 'route' } | { kind: 'moment'; chapter: Chapter; t: number };

/** The state of the map at a moment: the aircraft (null: hidden), the edges flown, the claims shown. */
export interface MapMoment {
  /** The aircraft, or null to hide it (aftermath chapter, whole route). */
  aircraft: TrackPosition | null;
  /** Edges with an index below this are drawn as flown. */
  flownEdges: number;
  /** Claims first reported after this instant are hidden; null shows all. */
  claimsAsOf: number | null;
}

export function mapMomentAt(track: TrackModel, chapter: Chapter, t: number): MapMoment {
  if (chapter === 'flight') {
    const p = positionAt(track, t);
    return { aircraft: p, flownEdges: p.edge, claimsAsOf: null };
  }
  // The year after (t is a reporting day, see snapTime): the whole path, and the claims reported by the end of that day.
  return { aircraft: null, flownEdges: track.edges.length, claimsAsOf: t + DAY - 1 };
}

/** The whole route: every edge flown, no aircraft, every claim. */
export function wholeRoute(track: TrackModel): MapMoment {
  return { aircraft: null, flownEdges: track.edges.length, claimsAsOf: null };
}

export interface Head {
  from: LngLat;
  to: LngLat;
  certainty: Certainty;
}

/** The flown part of the edge the aircraft is on (from the edge's start to the aircraft); null on a loop of unknown shape. */
export function headOf(track: TrackModel, p: TrackPosition): Head | null {
  const e = track.edges[p.edge];
  if (!e || e.degenerate) return null;
  return { from: e.from, to: p.lonLat, certainty: e.certainty };
}

/** A feature's role: which symbol of the table draws it. */
export type Role = 'planned' | 'strike-area' | 'official-area' | 'claim' | 'airport' | 'crash';

export interface SceneFeature {
  /** The story's id (the feature's `id` property). */
  id: string;
  /** The map's feature id (for feature state). */
  fid: number | string;
  role: Role;
  /** What a reader calls it (the place's name; the id where it has none). */
  title: string;
  geometry: Point | LineString | Polygon;
  /** Drawn at this moment (a claim only from the day it was first reported). */
  shown: boolean;
  /** Shown from this instant (claims: the day first reported). */
  visibleFrom?: number;
  /** What it shows is claimed, not established. */
  contested: boolean;
}

export interface SceneEdge {
  /** The edge's index (the map's feature id on the track). */
  index: number;
  /** The leg's id. */
  id: string;
  certainty: Certainty;
  geometry: LineString;
  /** Flown by the moment: drawn in the flown symbol of its certainty over the unflown ghost. */
  flown: boolean;
}

export interface SceneName {
  id: string;
  kind: NameKind;
  text: string;
  /** A shorter form, drawn where the full text finds no room (a claim's name without its date line, with its claimant and the word for a claim). */
  short?: string;
  /** The exports' last resort, where even the short form over four lines finds no room: the claim alone (its dot and the legend say it is one). */
  bare?: string;
  at: LngLat;
  /** From NAMES[kind]: placed first where names collide (higher first). */
  priority: number;
  /** Zoom band: shown from minZoom, below maxZoom. */
  minZoom?: number;
  maxZoom?: number;
  /** Drawn at this moment (a claim's name only once it was reported). */
  shown: boolean;
  /** Shown from this instant. */
  visibleFrom?: number;
  /** The feature it names (a place or a claim), if any. */
  feature?: string;
  /**
   * Names of one group are one name at its candidate points (a country's, basemap-names.ts), tried in the order
   * listed: the first that fits is drawn, the others not.
   */
  group?: string;
}

export interface SceneAircraft {
  at: LngLat;
  /** Degrees clockwise from north. */
  bearing: number;
  /** The uncertainty ring's radius on the ground. */
  uncertaintyKm: number;
  certainty: Certainty;
}

export interface Scene {
  /** The map's state (for renderers that keep the story in sources and change feature state). */
  moment: MapMoment;
  /** Areas, the planned route, claims, airports and the crash site, in drawing order. */
  features: SceneFeature[];
  /** Every edge of the track (the whole reconstruction, drawn as the unflown ghost), flown or not. */
  track: SceneEdge[];
  /** The flown part of the edge the aircraft is on. */
  head: Head | null;
  aircraft: SceneAircraft | null;
  /** Every name, with its kind and priority; carto's kinds (city, republic) add here. */
  names: SceneName[];
}

/**
 * The lines a picture of the scene draws, in lon/lat: the planned route and every edge of the track (flown or
 * the unflown ghost); the story's names stand off them where they can (map/label-layout.ts `lines`; the live map and every export).
 */
export function storyLines(scene: Pick<Scene, 'features' | 'track'>): LngLat[][] {
  const out: LngLat[][] = [];
  for (const f of scene.features) if (f.shown && f.geometry.type === 'LineString') out.push(f.geometry.coordinates.map((c) => [c[0]!, c[1]!] as LngLat));
  for (const e of scene.track) out.push(e.geometry.coordinates.map((c) => [c[0]!, c[1]!] as LngLat));
  return out;
}

const claimShown = (m: MapMoment, from: number) => m.claimsAsOf === null || from <= m.claimsAsOf;

/** The scene for a moment the map is in (the live map's, per slider step: cheap, no geometry copied). */
export function sceneOf(story: SceneStory, m: MapMoment): Scene {
  const { layers, track } = story;
  const features: SceneFeature[] = [];
  /** A story feature in the role that draws it: shown, not contested and titled by its id unless `rest` says otherwise. */
  const add = (f: Feature<SceneFeature['geometry']>, role: Role, rest: Partial<SceneFeature> = {}) =>
    features.push({
      id: String(f.properties!.id),
      fid: f.id!,
      role,
      title: String(f.properties!.id),
      geometry: f.geometry,
      shown: true,
      contested: false,
      ...rest,
    });
  for (const f of layers.areas.features)
    add(f, f.properties!.role === 'official' ? 'official-area' : 'strike-area', { contested: f.properties!.status === 'claim' });
  for (const f of layers.route.features) add(f, 'planned');
  for (const f of layers.claims.features) {
    const from = f.properties!.firstReported as number;
    add(f, 'claim', { title: String(f.properties!.label), shown: claimShown(m, from), visibleFrom: from, contested: true });
  }
  for (const f of layers.places.features) {
    const kind = f.properties!.kind;
    if (kind === 'airport' || kind === 'crash-site')
      add(f, kind === 'airport' ? 'airport' : 'crash', { title: String(f.properties!.name ?? f.properties!.label) });
  }
  const edges: SceneEdge[] = layers.track.features.map((f) => {
    const index = f.properties!.edge as number;
    return { index, id: String(f.properties!.id), certainty: f.properties!.certainty as Certainty, geometry: f.geometry, flown: index < m.flownEdges };
  });
  const a = m.aircraft;
  return {
    moment: m,
    features,
    track: edges,
    head: a ? headOf(track, a) : null,
    aircraft: a ? { at: a.lonLat, bearing: a.bearing, uncertaintyKm: Math.max(a.uncertaintyKm, 0), certainty: a.certainty } : null,
    names: sceneNames(layers, m),
  };
}

/** The scene for a moment of the story (an export's, the URL's). */
export function buildScene(story: SceneStory, moment: StoryMoment): Scene {
  const m = moment.kind === 'route' ? wholeRoute(story.track) : mapMomentAt(story.track, moment.chapter, moment.t);
  return sceneOf(story, m);
}

const band = (z: { minZoom?: number; maxZoom?: number }) => ({
  ...(z.minZoom !== undefined ? { minZoom: z.minZoom } : {}),
  ...(z.maxZoom !== undefined ? { maxZoom: z.maxZoom } : {}),
});

const named = (kind: NameKind, n: Omit<SceneName, 'kind' | 'priority' | 'minZoom'>): SceneName => ({
  kind,
  priority: NAMES[kind].priority,
  ...(NAMES[kind].minZoom !== undefined ? { minZoom: NAMES[kind].minZoom } : {}),
  ...n,
});

/**
 * Every name: the countries at their candidate points (one group each: the first that fits is drawn) and the seas
 * (basemap-names.ts), the republics, the cities apart from their airports (context-names.ts), each claimed point
 * (from the day it was reported), the airports, the crash site.
 */
export function sceneNames(layers: StoryLayers, m: MapMoment): SceneName[] {
  const out: SceneName[] = [];
  for (const c of countryNames(placeName)) out.push(named('country', { id: c.id, group: c.group, text: c.text, at: c.at, shown: true, ...band(c) }));
  const airports = new Map(layers.places.features.map((f) => [String(f.properties!.id), f.geometry.coordinates as LngLat] as const));
  for (const n of contextNames(placeName, airports)) {
    const { rank, kind, ...rest } = n;
    // A smaller republic (rank 2) gives way to the others.
    out.push({ ...named(kind, { ...rest, shown: true }), ...(rank && rank > 1 ? { priority: NAMES[kind].priority - 0.1 * (rank - 1) } : {}) });
  }
  for (const [name, at] of SEA_LABELS) out.push(named('sea', { id: `sea:${name}`, text: placeName(name), at, shown: true }));
  for (const f of layers.claims.features) {
    const p = f.properties!;
    const from = p.firstReported as number;
    out.push(
      named('claim', {
        id: `claim:${p.id}`,
        text: String(p.label),
        short: String(p.name),
        bare: String(p.claim),
        at: f.geometry.coordinates as LngLat,
        shown: claimShown(m, from),
        visibleFrom: from,
        feature: String(p.id),
      }),
    );
  }
  for (const f of layers.places.features) {
    const p = f.properties!;
    const at = f.geometry.coordinates as LngLat;
    if (p.kind === 'crash-site') out.push(named('crash', { id: `place:${p.id}`, text: String(p.label), at, shown: true, feature: String(p.id) }));
    else if (p.kind === 'airport') out.push(named('airport', { id: `place:${p.id}`, text: String(p.label), at, shown: true, feature: String(p.id) }));
  }
  return out;
}
