/**
 * The map of an exported picture as vector groups: the Natural Earth basemap, then the scene (src/scene/scene.ts:
 * the story's features with their roles and states, the track flown and not, the aircraft and its ring, the
 * names), projected with the export's Web Mercator camera (the PNG's own) and clipped to the map's rectangle
 * (the geometry itself, with a margin for line ends, and a clip path for the edge).
 *
 * Every colour, width, dash, opacity, radius, icon and name style is read from the symbology table
 * (src/theme/symbology.ts), as the MapLibre style is made from it, so the vector picture is the PNG's. The
 * names are placed once for both pictures (core/map-names.ts): the airports' and the crash site's at the anchors
 * chosen there (the PNG draws each at its own), the others at the first of their kind's. Pure.
 */
import bboxClip from '@turf/bbox-clip';
import type { FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { storyLines, type Scene } from '../../scene/scene';
import {
  AIRCRAFT_ICON,
  CRASH_ICON,
  NAMES,
  SYMBOLOGY as S,
  type CircleSymbol,
  type FillSymbol,
  type IconPath,
  type LineSymbol,
  type NameKind,
  type Palette,
} from '../../theme/symbology';
import type { Box } from '../../map/label-layout';
import { projectOnMap, type Camera } from '../core/camera';
import { BASELINE_EM, LINE_EM } from '../core/claim-names';
import { placeAllNames } from '../core/map-names';
import { keepsAnchor } from '../core/inset';
import type { Measure } from '../core/layout';
import { kmToPixels } from '../../geo/mercator';
import type { Rect } from '../core/tiles';
import { group, layerLabel, num, type Paint, type VGroup, type VNode } from './model';

export interface VectorMapInput {
  /** public/basemap/basemap.json. */
  basemap: FeatureCollection;
  /** What is drawn (src/scene/scene.ts). */
  scene: Scene;
  palette: Palette;
  camera: Camera;
  /** Output pixels per CSS pixel of the map. */
  ratio: number;
  /** The map's place on the picture, in output pixels. */
  rect: Rect;
  /** Context names and airports are drawn only this far inside the map's edges (output pixels), as on the PNG. */
  keepInside: { x: number; y: number };
  /** … and outside this box (the insets' column), grown by keepInside. */
  keepOut?: Rect | null;
  /** The claims' names: the full label first (the main map, the default) or the name alone (the detail inset). */
  claimNames?: 'full' | 'name';
  /** Boxes over the map (the legend drawn over it), in output pixels: context names are placed clear of them. */
  covers?: readonly Rect[];
  measure: Measure;
  /** Whether the picture has a legend: a claim may then be named without its claimant as a last resort (default). */
  bareClaims?: boolean;
}

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
    .map(
      (r) =>
        `M${r
          .slice(0, r.length - (r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1] ? 1 : 0))
          .map(fmt)
          .join('L')}Z`,
    )
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
  const r = (deg * Math.PI) / 180,
    cos = Math.cos(r),
    sin = Math.sin(r);
  const tf = (x: number, y: number) => {
    const dx = (x - size / 2) * k,
      dy = (y - size / 2) * k;
    return `${num(at[0] + dx * cos - dy * sin, 2)} ${num(at[1] + dx * sin + dy * cos, 2)}`;
  };
  return path.map((c) => (c[0] === 'Z' ? 'Z' : c[0] === 'Q' ? `Q${tf(c[1], c[2])} ${tf(c[3], c[4])}` : `${c[0]}${tf(c[1], c[2])}`)).join('');
}

// ------------------------------------------------------------------ the map

const inside = (p: Pt, r: Rect, k: { x: number; y: number }) => p[0] >= r.x + k.x && p[0] <= r.x + r.w - k.x && p[1] >= r.y + k.y && p[1] <= r.y + r.h - k.y;

export function mapGroups(input: VectorMapInput): VGroup[] {
  const { basemap, scene, palette: c, camera, ratio, rect } = input;
  const zoom = camera.zoom;
  const px = (v: number) => v * ratio;
  // MapLibre's dashes are in line widths, and stretch with the zoom between whole zoom levels.
  const dashStretch = 2 ** (zoom - Math.floor(zoom));

  /** A line symbol's paint (null when it is not drawn). */
  const linePaint = (l: LineSymbol, opacity = l.opacity): Paint | null => {
    if (opacity <= 0) return null;
    return {
      stroke: c[l.colour],
      strokeWidth: px(l.width),
      strokeOpacity: opacity,
      cap: l.cap,
      join: 'round',
      ...(l.dash && l.dash[1] ? { dash: l.dash.map((d) => d * px(l.width) * dashStretch) } : {}),
    };
  };
  const fillPaint = (f: FillSymbol): Paint => ({ fill: c[f.colour], fillOpacity: f.opacity });
  /** A circle at a point: the fill, and the stroke outside the radius (as MapLibre draws it). */
  const circle = (at: Pt, r: number, fill: string, opacity: number, stroke: string | undefined, sw: number, so: number): VNode[] => {
    if (opacity <= 0 && (so <= 0 || !sw)) return [];
    if (opacity === 1 && so === 1 && stroke) return [{ kind: 'circle', cx: at[0], cy: at[1], r: r + sw / 2, fill, stroke, strokeWidth: sw }];
    const out: VNode[] = [{ kind: 'circle', cx: at[0], cy: at[1], r, fill, fillOpacity: opacity }];
    if (stroke && sw && so > 0) out.push({ kind: 'circle', cx: at[0], cy: at[1], r: r + sw / 2, stroke, strokeWidth: sw, strokeOpacity: so });
    return out;
  };
  const dot = (sym: CircleSymbol, at: Pt, shown: boolean) =>
    circle(at, px(sym.radius), c[sym.fill], shown ? 1 : 0, c[sym.stroke], px(sym.strokeWidth), shown ? 1 : 0);

  const margin = 12 * ratio;
  const project = projector(camera, rect, ratio, margin);
  const clip = { x: rect.x, y: rect.y, w: rect.w, h: rect.h };
  const path = (g: Geometry, p: Paint | null): VNode[] => {
    if (!p) return [];
    const d = pathOf(g, project);
    return d ? [{ kind: 'path', d, ...p }] : [];
  };
  const ofLayer = (l: string) => basemap.features.filter((f) => f.properties?.layer === l);
  const out = input.keepOut;
  const column = out ? { x: out.x - rect.x, y: out.y - rect.y, w: out.w, h: out.h } : null;
  const keep = (p: Pt) => keepsAnchor({ x: p[0] - rect.x, y: p[1] - rect.y }, { width: rect.w, height: rect.h }, input.keepInside, column);
  const inView = (p: Pt) => inside(p, rect, { x: -margin, y: -margin });
  const pointOf = (g: Geometry) => project((g as Point).coordinates);

  // ---- basemap
  const water: VNode = { kind: 'rect', x: rect.x, y: rect.y, w: rect.w, h: rect.h, fill: c[S.sea.colour] };
  const basemapNodes: VNode[] = [
    water,
    ...ofLayer('land').flatMap((f) => path(f.geometry, fillPaint(S.land))),
    ...ofLayer('lake').flatMap((f) => path(f.geometry, fillPaint(S.lake))),
    ...ofLayer('land').flatMap((f) => path(f.geometry, linePaint(S.coast))),
  ];
  const borders = [
    ...ofLayer('region-border').flatMap((f) => path(f.geometry, linePaint(S.republicBorder))),
    ...ofLayer('border').flatMap((f) => path(f.geometry, linePaint(S.border))),
  ];

  // ---- the scene's features
  const role = (r: string) => scene.features.filter((f) => f.role === r);
  const areas: VNode[] = [
    ...role('official-area').flatMap((f) => path(f.geometry, linePaint(S.officialArea))),
    ...role('strike-area').flatMap((f) => path(f.geometry, fillPaint(S.strikeArea.fill))),
    ...role('strike-area').flatMap((f) => path(f.geometry, linePaint(S.strikeArea.line))),
  ];
  const route = role('planned').flatMap((f) => path(f.geometry, linePaint(S.planned)));
  // The whole reconstruction as a faint ghost, then what is flown by the moment, by certainty.
  const trackNodes: VNode[] = [
    ...scene.track.flatMap((e) => path(e.geometry, linePaint(S.unflown))),
    ...(['approximate', 'reconstructed'] as const).flatMap((k) =>
      scene.track.filter((e) => e.certainty === k && e.flown).flatMap((e) => path(e.geometry, linePaint(S.flown[k]))),
    ),
  ];
  const head = scene.head;
  if (head && head.certainty !== 'known')
    trackNodes.push(...path({ type: 'LineString', coordinates: [head.from, head.to] }, linePaint(S.flown[head.certainty])));

  const claims: VNode[] = role('claim').flatMap((f) => {
    const at = pointOf(f.geometry);
    return inView(at) ? dot(S.claim, at, f.shown) : [];
  });

  // ---- the aircraft and its ring
  const ring: VNode[] = [];
  const aircraft: VNode[] = [];
  if (scene.aircraft) {
    const a = scene.aircraft;
    const at = project(a.at);
    // The ring: the uncertainty on the ground, in pixels at the aircraft's latitude (as the live map's).
    const r = kmToPixels(a.uncertaintyKm, a.at[1], zoom) * ratio;
    const R = S.ring;
    ring.push(...circle(at, r, c[R.colour], R.fillOpacity, c[R.colour], px(R.strokeWidth), R.strokeOpacity));
    const d = iconD(AIRCRAFT_ICON.path, AIRCRAFT_ICON.size, at, a.bearing, ratio);
    // The outline under the body (as the icon is drawn: stroke, then fill over it).
    aircraft.push(
      { kind: 'path', d, stroke: c[AIRCRAFT_ICON.halo], strokeWidth: AIRCRAFT_ICON.haloWidth * ratio, join: 'round' },
      { kind: 'path', d, fill: c[AIRCRAFT_ICON.colour] },
    );
  }

  // ---- names (core/map-names.ts: the same for the PNG), and the named cities' dots that go with them
  const names = placeNames(input, project, keep);
  const cityDots: VNode[] = scene.names.flatMap((n) => (names.cityDots.has(n.id) ? dot(S.city, project(n.at), true) : []));

  // ---- places: airports (kept inside the edges, clear of what covers the map: core/map-names.ts) and the crash mark
  const airportDots: VNode[] = role('airport').flatMap((f) => (names.placeDots.has(`place:${f.id}`) ? dot(S.airport, pointOf(f.geometry), true) : []));
  // The ✕'s halo under the airports' rings and its strokes over them (as the PNG's, png/render.ts splitCrashMark):
  // next to Aktau's ring, the halo would hide half of it.
  const crashAt = role('crash')
    .map((f) => pointOf(f.geometry))
    .filter(inView);
  const crashD = crashAt.map((at) => iconD(CRASH_ICON.path, CRASH_ICON.size, at, 0, ratio));
  const crashHalos: VNode[] = crashD.map((d) => ({ kind: 'path', d, stroke: c[CRASH_ICON.halo], strokeWidth: CRASH_ICON.haloWidth * ratio, cap: 'round' }));
  const crashMarks: VNode[] = crashD.map((d) => ({ kind: 'path', d, stroke: c[CRASH_ICON.colour], strokeWidth: CRASH_ICON.width! * ratio, cap: 'round' }));

  return [
    group('basemap', layerLabel('basemap'), basemapNodes, { clip }),
    group('borders', layerLabel('borders'), borders, { clip }),
    group('context-names', layerLabel('context-names'), names.context, { clip }),
    group('strike-area', layerLabel('strike-area'), areas, { clip }),
    group('planned-route', layerLabel('planned-route'), route, { clip }),
    group('flown-track', layerLabel('flown-track'), trackNodes, { clip }),
    group('claims', layerLabel('claims'), [...claims, ...names.claims], { clip }),
    group('uncertainty-ring', layerLabel('uncertainty-ring'), ring, { clip }),
    group('places', layerLabel('places'), [...cityDots, ...crashHalos, ...airportDots, ...crashMarks], { clip }),
    group('aircraft', layerLabel('aircraft'), aircraft, { clip }),
    group('names', layerLabel('names'), names.places, { clip }),
  ];
}

// ------------------------------------------------------------------ names

function placeNames(
  input: VectorMapInput,
  project: Projector,
  keep: (p: Pt) => boolean,
): { context: VNode[]; places: VNode[]; claims: VNode[]; cityDots: Set<string>; placeDots: Set<string> } {
  const { ratio, measure, rect, palette: c, scene } = input;
  const zoom = input.camera.zoom;
  const view = { width: rect.w, height: rect.h };
  const textOf = (n: { kind: NameKind }, text: string, box: Box, size: number): VNode => {
    const sym = NAMES[n.kind];
    const spacing = sym.letterSpacing * size;
    return {
      kind: 'text',
      x: rect.x + box.x,
      y: rect.y + box.y + BASELINE_EM * size,
      text,
      size,
      weight: sym.weight,
      fill: c[sym.colour],
      ...(spacing ? { letterSpacing: spacing } : {}),
      halo: { colour: c[sym.halo], width: sym.haloWidth * ratio },
    };
  };
  const onMap = (ll: readonly [number, number]) => {
    const [x, y] = project([ll[0], ll[1]]);
    return { x: x - rect.x, y: y - rect.y };
  };
  const keepOnMap = (at: { x: number; y: number }) => keep([at.x + rect.x, at.y + rect.y]);
  const covers: Box[] = (input.covers ?? []).map((r) => ({ x: r.x - rect.x, y: r.y - rect.y, width: r.w, height: r.h }));

  // Every name as the PNG's (core/map-names.ts): the story's at their chosen anchors, the claims' (from their kind's
  // minimum zoom, once reported), the context names clear of them and of what covers the map.
  const claimsOut: VNode[] = [];
  const { claims: claimNames, names: placed } = placeAllNames({
    names: scene.names,
    project: onMap,
    view,
    zoom,
    ratio,
    measure,
    keep: keepOnMap,
    covers,
    aircraft: scene.aircraft,
    start: input.claimNames ?? 'full',
    lines: storyLines(scene),
    bare: input.bareClaims ?? true,
  });
  for (const p of claimNames) {
    const n = scene.names.find((x) => x.id === p.id)!;
    p.lines.forEach((line, i) => {
      const w = measure(line, NAMES.claim.weight, p.size);
      const x = p.anchor === 'right' ? p.x + p.width - w : p.x; // right-aligned left of the point
      claimsOut.push(textOf(n, line, { x, y: p.y + i * LINE_EM * p.size, width: w, height: LINE_EM * p.size }, p.size));
    });
  }

  return {
    context: placed.context.map((p) => textOf(p, p.text, p, p.size)),
    places: placed.story.map((p) => textOf(p, p.text, p, p.size)),
    claims: claimsOut,
    cityDots: new Set(placed.cityDots),
    placeDots: new Set(placed.placeDots),
  };
}
