/**
 * The map of an exported picture as vector groups: the Natural Earth basemap, the story layers, the
 * aircraft and the names, projected with the export's Web Mercator camera (the PNG's own) and clipped to
 * the map's rectangle (the geometry itself, with a margin for line ends, and a clip path for the edge).
 *
 * Every colour, width, dash and opacity is read from the map's style (src/map/style.ts: the one place
 * they are set), evaluated for the moment the way MapLibre does (flown or not, the zoom), so the vector
 * picture is the PNG's. The icons come from src/map/icons.ts; the names are placed by the rules the live
 * map uses (src/map/label-layout.ts), at the anchors the PNG export keeps (the first of each). Pure.
 */
import bboxClip from '@turf/bbox-clip';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { StoryLayers } from '../../scene/layers';
import type { TrackModel } from '../../track/interpolate';
import type { Palette } from '../../theme/palette';
import type { MapMoment } from '../../map/story-map';
import { headOf } from '../../map/moment';
import { buildStyle } from '../../map/style';
import { AIRCRAFT_ICON, CRASH_ICON, type IconPath } from '../../theme/symbology';
import { boxAt, byZoom, placeLabels, type Anchor, type Box, type LabelInput } from '../../map/label-layout';
import { projectOnMap, type Camera } from '../core/camera';
import type { Measure } from '../core/layout';
import { kmToPixels } from '../../geo/mercator';
import type { Rect } from '../core/tiles';
import { group, num, type Paint, type VGroup, type VNode } from './model';

export interface VectorMapInput {
  /** public/basemap/basemap.json. */
  basemap: FeatureCollection;
  layers: StoryLayers;
  track: TrackModel;
  moment: MapMoment;
  palette: Palette;
  camera: Camera;
  /** Output pixels per CSS pixel of the map. */
  ratio: number;
  /** The map's place on the picture, in output pixels. */
  rect: Rect;
  /** Context names and airports are drawn only this far inside the map's edges (output pixels), as on the PNG. */
  keepInside: { x: number; y: number };
  measure: Measure;
}

// ------------------------------------------------------------------ the style, evaluated as MapLibre does

interface Eval {
  zoom: number;
  flown?: boolean;
  shown?: boolean;
}

/** A paint or layout value of the style for a feature: constants, feature state cases, zoom interpolation. */
export function evaluate(v: unknown, e: Eval): unknown {
  if (!Array.isArray(v) || typeof v[0] !== 'string') return v;
  const [op, ...a] = v as [string, ...unknown[]];
  if (op === 'case') {
    for (let i = 0; i + 1 < a.length; i += 2) if (evaluate(a[i], e)) return evaluate(a[i + 1], e);
    return evaluate(a[a.length - 1], e);
  }
  if (op === 'boolean') {
    const inner = a[0];
    if (Array.isArray(inner) && inner[0] === 'feature-state') {
      const key = inner[1] as 'flown' | 'shown';
      return e[key] ?? a[1];
    }
    return Boolean(evaluate(inner, e));
  }
  if (op === 'interpolate' && Array.isArray(a[0]) && a[0][0] === 'linear' && Array.isArray(a[1]) && a[1][0] === 'zoom') {
    const stops = a.slice(2) as number[];
    if (stops.length !== 4) throw new Error(`vector export: interpolation with ${stops.length / 2} stops is not handled`);
    return byZoom(e.zoom, stops[0]!, stops[1]!, stops[2]!, stops[3]!);
  }
  throw new Error(`vector export: the style expression “${op}” is not handled`);
}

type Layer = LayerSpecification & { paint?: Record<string, unknown>; layout?: Record<string, unknown>; filter?: unknown; minzoom?: number };

// ------------------------------------------------------------------ geometry in output pixels

type Pt = [number, number];
const fmt = (p: Position) => `${num(p[0]!)} ${num(p[1]!)}`;

/** Points in a row closer than a tenth of a pixel add nothing once rounded. */
function thin(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = out[out.length - 1];
    if (!q || Math.abs(q[0]! - p[0]!) >= 0.1 || Math.abs(q[1]! - p[1]!) >= 0.1) out.push(p);
  }
  return out;
}

function lineD(lines: Position[][]): string {
  return lines
    .map(thin)
    .filter((l) => l.length >= 2)
    .map((l) => `M${l.map(fmt).join('L')}`)
    .join('');
}
function polygonD(polys: Position[][][]): string {
  return polys
    .flatMap((rings) => rings.map(thin))
    .filter((r) => r.length >= 3)
    .map((r) => `M${r.slice(0, r.length - (r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1] ? 1 : 0)).map(fmt).join('L')}Z`)
    .join('');
}

export interface Projector {
  (ll: Position): Pt;
  /** The map's rectangle grown by a margin: geometry is clipped to it. */
  clipBox: [number, number, number, number];
}

export function projector(camera: Camera, rect: Rect, ratio: number, margin: number): Projector {
  const p = ((ll: Position) => {
    const q = projectOnMap([ll[0]!, ll[1]!], camera, rect.w, rect.h, ratio);
    return [rect.x + q.x, rect.y + q.y] as Pt;
  }) as Projector;
  p.clipBox = [rect.x - margin, rect.y - margin, rect.x + rect.w + margin, rect.y + rect.h + margin];
  return p;
}

/** A line or polygon geometry projected to output pixels and clipped to the box: SVG path data ('' when nothing is left). */
export function pathOf(g: Geometry, project: Projector): string {
  const proj = (ring: Position[]) => ring.map(project);
  let geom: LineString | MultiLineString | Polygon | MultiPolygon;
  switch (g.type) {
    case 'LineString':
      geom = { type: 'LineString', coordinates: proj(g.coordinates) };
      break;
    case 'MultiLineString':
      geom = { type: 'MultiLineString', coordinates: g.coordinates.map(proj) };
      break;
    case 'Polygon':
      geom = { type: 'Polygon', coordinates: g.coordinates.map(proj) };
      break;
    case 'MultiPolygon':
      geom = { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(proj)) };
      break;
    default:
      return '';
  }
  const c = bboxClip(geom, project.clipBox).geometry;
  switch (c.type) {
    case 'LineString':
      return lineD([c.coordinates]);
    case 'MultiLineString':
      return lineD(c.coordinates);
    case 'Polygon':
      return polygonD([c.coordinates]);
    case 'MultiPolygon':
      return polygonD(c.coordinates);
  }
}

/** An icon's path in its own pixels, placed at a point, turned by `deg` clockwise and scaled by `k`. */
export function iconD(path: IconPath, size: number, at: Pt, deg: number, k: number): string {
  const r = (deg * Math.PI) / 180, cos = Math.cos(r), sin = Math.sin(r);
  const tf = (x: number, y: number) => {
    const dx = (x - size / 2) * k, dy = (y - size / 2) * k;
    return `${num(at[0] + dx * cos - dy * sin, 2)} ${num(at[1] + dx * sin + dy * cos, 2)}`;
  };
  return path.map((c) => (c[0] === 'Z' ? 'Z' : c[0] === 'Q' ? `Q${tf(c[1], c[2])} ${tf(c[3], c[4])}` : `${c[0]}${tf(c[1], c[2])}`)).join('');
}

// ------------------------------------------------------------------ the map

const inside = (p: Pt, r: Rect, k: { x: number; y: number }) => p[0] >= r.x + k.x && p[0] <= r.x + r.w - k.x && p[1] >= r.y + k.y && p[1] <= r.y + r.h - k.y;

export function mapGroups(input: VectorMapInput): VGroup[] {
  const { basemap, layers, track, moment, palette, camera, ratio, rect, measure } = input;
  const style = buildStyle({ palette, base: '', layers });
  const byId = new Map(style.layers.map((l) => [l.id, l as Layer]));
  const layer = (id: string) => {
    const l = byId.get(id);
    if (!l) throw new Error(`vector export: the style has no layer “${id}”`);
    return l;
  };
  const zoom = camera.zoom;
  const paintOf = (id: string, key: string, e: Omit<Eval, 'zoom'> = {}) => evaluate(layer(id).paint?.[key], { zoom, ...e });
  // Arrays of names (fonts, anchors) are values, not expressions.
  const RAW = new Set(['text-font', 'text-variable-anchor', 'text-offset']);
  const layoutOf = (id: string, key: string) => (RAW.has(key) ? layer(id).layout?.[key] : evaluate(layer(id).layout?.[key], { zoom }));
  const px = (v: unknown) => (v as number) * ratio;
  // MapLibre's dashes are in line widths, and stretch with the zoom between whole zoom levels.
  const dashStretch = 2 ** (zoom - Math.floor(zoom));

  /** A line layer's paint for a feature (null when it is not drawn). */
  const linePaint = (id: string, e: Omit<Eval, 'zoom'> = {}): Paint | null => {
    const opacity = (paintOf(id, 'line-opacity', e) ?? 1) as number;
    if (opacity <= 0) return null;
    const width = paintOf(id, 'line-width', e) as number;
    const dash = paintOf(id, 'line-dasharray', e) as number[] | undefined;
    return {
      stroke: paintOf(id, 'line-color', e) as string,
      strokeWidth: px(width),
      strokeOpacity: opacity,
      cap: ((layoutOf(id, 'line-cap') as Paint['cap']) ?? 'butt'),
      join: 'round',
      ...(dash && dash[1] ? { dash: dash.map((d) => d * px(width) * dashStretch) } : {}),
    };
  };
  const fillPaint = (id: string): Paint => ({ fill: paintOf(id, 'fill-color') as string, fillOpacity: (paintOf(id, 'fill-opacity') ?? 1) as number });
  /** A circle layer at a point: the fill, and the stroke outside the radius (as MapLibre draws it). */
  const circle = (id: string, at: Pt, e: Omit<Eval, 'zoom'>, radius?: number): VNode[] => {
    const r = radius ?? px(paintOf(id, 'circle-radius', e));
    const opacity = (paintOf(id, 'circle-opacity', e) ?? 1) as number;
    const sw = px(paintOf(id, 'circle-stroke-width', e) ?? 0);
    const so = (paintOf(id, 'circle-stroke-opacity', e) ?? 1) as number;
    const fill = paintOf(id, 'circle-color', e) as string;
    const stroke = paintOf(id, 'circle-stroke-color', e) as string | undefined;
    if (opacity <= 0 && (so <= 0 || !sw)) return [];
    if (opacity === 1 && so === 1 && stroke) return [{ kind: 'circle', cx: at[0], cy: at[1], r: r + sw / 2, fill, stroke, strokeWidth: sw }];
    const out: VNode[] = [{ kind: 'circle', cx: at[0], cy: at[1], r, fill, fillOpacity: opacity }];
    if (stroke && sw && so > 0) out.push({ kind: 'circle', cx: at[0], cy: at[1], r: r + sw / 2, stroke, strokeWidth: sw, strokeOpacity: so });
    return out;
  };

  const margin = 12 * ratio;
  const project = projector(camera, rect, ratio, margin);
  const clip = { x: rect.x, y: rect.y, w: rect.w, h: rect.h };
  const path = (g: Geometry, p: Paint | null): VNode[] => {
    if (!p) return [];
    const d = pathOf(g, project);
    return d ? [{ kind: 'path', d, ...p }] : [];
  };
  const ofLayer = (l: string) => basemap.features.filter((f) => f.properties?.layer === l);
  const keep = (p: Pt) => inside(p, rect, input.keepInside);
  const inView = (p: Pt) => inside(p, rect, { x: -margin, y: -margin });

  // ---- basemap
  const water: VNode = { kind: 'rect', x: rect.x, y: rect.y, w: rect.w, h: rect.h, fill: paintOf('water', 'background-color') as string };
  const basemapNodes: VNode[] = [
    water,
    ...ofLayer('land').flatMap((f) => path(f.geometry, fillPaint('land'))),
    ...ofLayer('lake').flatMap((f) => path(f.geometry, fillPaint('lake'))),
    ...ofLayer('land').flatMap((f) => path(f.geometry, linePaint('coast'))),
  ];
  const borders = ofLayer('border').flatMap((f) => path(f.geometry, linePaint('border')));

  // ---- story layers
  const isOuter = (f: Feature) => f.properties?.role === 'official'; // geo/content.json → roles.officialArea (scene/layers.ts)
  const areas: VNode[] = [
    ...layers.areas.features.filter(isOuter).flatMap((f) => path(f.geometry, linePaint('area-outer'))),
    ...layers.areas.features.filter((f) => !isOuter(f)).flatMap((f) => path(f.geometry, fillPaint('area-fill'))),
    ...layers.areas.features.filter((f) => !isOuter(f)).flatMap((f) => path(f.geometry, linePaint('area-line'))),
  ];
  const route = layers.route.features.flatMap((f) => path(f.geometry, linePaint('route-planned')));
  const flownOf = (f: Feature) => (f.properties!.edge as number) < moment.flownEdges;
  const trackNodes: VNode[] = [
    ...layers.track.features.flatMap((f) => path(f.geometry, linePaint('track-ghost', { flown: flownOf(f) }))),
    ...(['approximate', 'reconstructed'] as const).flatMap((c) =>
      layers.track.features.filter((f) => f.properties!.certainty === c).flatMap((f) => path(f.geometry, linePaint(`track-${c}`, { flown: flownOf(f) }))),
    ),
  ];
  const head = moment.aircraft ? headOf(track, moment.aircraft) : null;
  if (head) trackNodes.push(...path({ type: 'LineString', coordinates: [head.from, head.to] }, linePaint(`head-${head.certainty}`, { flown: false })));

  const claimShown = (f: Feature) => moment.claimsAsOf === null || (f.properties!.firstReported as number) <= moment.claimsAsOf;
  const claims: VNode[] = layers.claims.features.flatMap((f) => {
    const at = project(f.geometry.coordinates);
    return inView(at) ? circle('claims', at, { shown: claimShown(f) }) : [];
  });

  // ---- the aircraft and its ring
  const ring: VNode[] = [];
  const aircraft: VNode[] = [];
  if (moment.aircraft) {
    const a = moment.aircraft;
    const at = project(a.lonLat);
    // The ring: the uncertainty on the ground, in pixels at the aircraft's latitude (as the live map's).
    const r = kmToPixels(Math.max(a.uncertaintyKm, 0), a.lonLat[1], zoom) * ratio;
    ring.push(...circle('aircraft-halo', at, {}, r));
    const d = iconD(AIRCRAFT_ICON.path, AIRCRAFT_ICON.size, at, a.bearing, ratio);
    // The outline under the body (as the icon is drawn: stroke, then fill over it).
    aircraft.push({ kind: 'path', d, stroke: palette[AIRCRAFT_ICON.halo], strokeWidth: AIRCRAFT_ICON.haloWidth * ratio, join: 'round' }, { kind: 'path', d, fill: palette[AIRCRAFT_ICON.colour] });
  }

  // ---- places: airports (kept inside the edges) and the crash mark
  const places = layers.places.features.map((f) => ({ f, at: project(f.geometry.coordinates) }));
  const airports = places.filter(({ f, at }) => f.properties!.kind === 'airport' && keep(at));
  const crash = places.filter(({ f, at }) => f.properties!.kind === 'crash-site' && inView(at));
  const airportDots: VNode[] = airports.flatMap(({ at }) => circle('places', at, { shown: true }));
  const crashMarks: VNode[] = crash.flatMap(({ at }) => {
    const d = iconD(CRASH_ICON.path, CRASH_ICON.size, at, 0, ratio);
    return [
      { kind: 'path', d, stroke: palette[CRASH_ICON.halo], strokeWidth: CRASH_ICON.haloWidth * ratio, cap: 'round' } as VNode,
      { kind: 'path', d, stroke: palette[CRASH_ICON.colour], strokeWidth: CRASH_ICON.width! * ratio, cap: 'round' } as VNode,
    ];
  });

  // ---- names
  const names = placeNames({ input, project, layer, paintOf, layoutOf, keep, places, zoom });

  return [
    group('basemap', 'Basemap (Natural Earth)', basemapNodes, { clip }),
    group('borders', 'Borders', borders, { clip }),
    group('context-names', 'Country and sea names', names.context, { clip }),
    group('strike-area', 'Strike area', areas, { clip }),
    group('planned-route', 'Planned route', route, { clip }),
    group('flown-track', 'Flown track', trackNodes, { clip }),
    group('claims', 'Claimed strike points', [...claims, ...names.claims], { clip }),
    group('uncertainty-ring', 'Uncertainty ring', ring, { clip }),
    group('places', 'Airports and crash site', [...airportDots, ...crashMarks], { clip }),
    group('aircraft', 'Aircraft', aircraft, { clip }),
    group('names', 'Place names', names.places, { clip }),
  ];
}

// ------------------------------------------------------------------ names

interface NameCtx {
  input: VectorMapInput;
  project: Projector;
  layer: (id: string) => Layer;
  paintOf: (id: string, key: string, e?: Omit<Eval, 'zoom'>) => unknown;
  layoutOf: (id: string, key: string) => unknown;
  keep: (p: Pt) => boolean;
  places: { f: Feature; at: Pt }[];
  zoom: number;
}

/** MapLibre's line height (1.2 em) and where the baseline sits in it for a one-line label. */
const LINE_EM = 1.2;
const BASELINE_EM = 0.95;
/** MapLibre's glyphs carry a 3 px buffer at its 24 px em: offset names sit that much further from their point. */
const GLYPH_BUFFER_EM = 3 / 24;

function placeNames({ input, layer, paintOf, layoutOf, keep, places, zoom, project }: NameCtx): { context: VNode[]; places: VNode[]; claims: VNode[] } {
  const { ratio, measure, rect } = input;
  const view = { width: rect.w, height: rect.h };
  const textOf = (id: string, text: string, box: Box) => {
    const size = (layoutOf(id, 'text-size') as number) * ratio;
    const weight = (layoutOf(id, 'text-font') as string[])[0]!.includes('SemiBold') ? 600 : 400;
    const spacing = ((layoutOf(id, 'text-letter-spacing') as number | undefined) ?? 0) * size;
    return {
      kind: 'text' as const,
      x: rect.x + box.x,
      y: rect.y + box.y + BASELINE_EM * size,
      text,
      size,
      weight: weight as 400 | 600,
      fill: paintOf(id, 'text-color') as string,
      ...(spacing ? { letterSpacing: spacing } : {}),
      halo: { colour: paintOf(id, 'text-halo-color') as string, width: (paintOf(id, 'text-halo-width') as number) * ratio },
    };
  };
  const labelInput = (id: string, key: string, text: string, at: Pt, priority: number): LabelInput => {
    const size = (layoutOf(id, 'text-size') as number) * ratio;
    const weight = (layoutOf(id, 'text-font') as string[])[0]!.includes('SemiBold') ? 600 : 400;
    const spacing = ((layoutOf(id, 'text-letter-spacing') as number | undefined) ?? 0) * size;
    const anchors = (layoutOf(id, 'text-variable-anchor') as Anchor[] | undefined) ?? [(layoutOf(id, 'text-anchor') as Anchor | undefined) ?? 'center'];
    const radial = layoutOf(id, 'text-radial-offset') as number | undefined;
    const offset = layoutOf(id, 'text-offset') as [number, number] | undefined;
    return {
      id: key,
      x: at[0] - rect.x,
      y: at[1] - rect.y,
      width: measure(text, weight as 400 | 600, size) + spacing * [...text].length,
      height: LINE_EM * size,
      // The PNG export keeps each label's first anchor, so it lands the same in every tile.
      anchors: [anchors[0]!],
      priority,
      ...(radial !== undefined ? { radial: (radial + GLYPH_BUFFER_EM) * size, baseline: (7 / 24) * size } : {}),
      ...(offset ? { offset: [offset[0] * size, offset[1] * size] as const } : {}),
    };
  };

  // Story names first: always drawn (the PNG export lets them overlap), at their first anchor.
  const placesOut: VNode[] = [];
  const taken: Box[] = [];
  const story: [string, Feature, Pt][] = [];
  for (const { f, at } of places) {
    const kind = f.properties!.kind;
    if (kind === 'crash-site') story.push(['crash-label', f, at]);
    else if (kind === 'airport' && keep(at)) story.push(['places-label', f, at]);
  }
  for (const [id, f, at] of story) {
    const text = String(f.properties!.label);
    const li = labelInput(id, String(f.properties!.id), text, at, 0);
    const box = boxAt(li, li.anchors[0]!);
    taken.push(box);
    placesOut.push(textOf(id, text, box));
  }

  // Claims' names only from their layer's minimum zoom.
  const claimsOut: VNode[] = [];
  const claimsLayer = layer('claims-label');
  if (zoom >= (claimsLayer.minzoom ?? 0)) {
    for (const f of input.layers.claims.features) {
      const shown = input.moment.claimsAsOf === null || (f.properties!.firstReported as number) <= input.moment.claimsAsOf;
      if (!shown) continue;
      const text = String(f.properties!.label).split('\n')[0]!;
      const li = labelInput('claims-label', String(f.properties!.id), text, project(f.geometry.coordinates), 0);
      const box = boxAt(li, li.anchors[0]!);
      taken.push(box);
      claimsOut.push(textOf('claims-label', text, box));
    }
  }

  // Country and sea names: inside the edges, and only where no story name is (as MapLibre's collisions).
  const ctx: LabelInput[] = [];
  const texts = new Map<string, [string, string]>();
  for (const f of input.basemap.features) {
    const l = f.properties?.layer;
    if ((l !== 'country-label' && l !== 'sea-label') || f.geometry.type !== 'Point') continue;
    const at = project(f.geometry.coordinates);
    if (!keep(at)) continue;
    const key = `${l}:${f.properties!.name}`;
    texts.set(key, [l, String(f.properties!.name)]);
    ctx.push(labelInput(l, key, String(f.properties!.name), at, l === 'sea-label' ? 2 : 1));
  }
  const context: VNode[] = placeLabels(ctx, view, taken).map((p) => {
    const [id, text] = texts.get(p.id)!;
    const li = ctx.find((c) => c.id === p.id)!;
    return textOf(id, text, { x: p.x, y: p.y, width: li.width, height: li.height });
  });
  return { context, places: placesOut, claims: claimsOut };
}
