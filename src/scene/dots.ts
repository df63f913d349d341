/**
 * The live map's dots at a moment and a zoom: each claim's point once it was reported, every airport's ring, and a
 * named city's dot in its name's zoom band (whole zoom levels, as MapLibre evaluates a filter's zoom, so the dot
 * comes and goes with the export's city names). The live map draws them over its canvas (map/dot-overlay.ts), the
 * embed's poster draws the same (export/vector/poster.ts), each in its kind's symbol (theme/symbology.ts). Pure.
 */
import type { LngLat } from '../geo/mercator';
import { type CircleSymbol, type Palette, SYMBOLOGY as S } from '../theme/symbology';
import type { Scene } from './scene';

export type DotKind = 'claim' | 'airport' | 'city';

export interface SceneDot {
  /** The story's id for a claim or an airport (what a click selects); the name's id for a city. */
  id: string;
  kind: DotKind;
  at: LngLat;
  /** Drawn now: a claim once reported, a city in its band; an airport always. */
  shown: boolean;
  /** A reader can click it for its sources (claims and airports; a city's dot is context). */
  selectable: boolean;
}

/** Each kind's symbol. */
export const DOT_SYMBOL: Readonly<Record<DotKind, CircleSymbol>> = { claim: S.claim, airport: S.airport, city: S.city };

/**
 * A kind's dot as an SVG circle draws it (the live map's overlay, the embed's poster): the stroke outside the fill's
 * radius, as MapLibre draws a circle's, so `r` is the stroke's centre line.
 */
export function dotCircle(kind: DotKind, c: Palette): { r: number; fill: string; stroke: string; strokeWidth: number } {
  const s = DOT_SYMBOL[kind];
  return { r: s.radius + s.strokeWidth / 2, fill: c[s.fill], stroke: c[s.stroke], strokeWidth: s.strokeWidth };
}

/** The drawn radius of a kind's dot, its stroke included, CSS px. */
export const dotRadius = (kind: DotKind): number => DOT_SYMBOL[kind].radius + DOT_SYMBOL[kind].strokeWidth;

/** Whether a city's name band holds this zoom (at its whole level). */
export function inCityBand(band: { minZoom?: number | undefined; maxZoom?: number | undefined }, zoom: number): boolean {
  const whole = Math.floor(zoom);
  return whole >= (band.minZoom ?? 0) && whole < (band.maxZoom ?? Number.POSITIVE_INFINITY);
}

/**
 * The scene's dots in the order they are drawn (claims, then cities, then airports over them, as the export's layers),
 * and picked in reverse: an airport before a claim under it, as the map's clickable layers are ordered (style.ts
 * CLICKABLE_LAYERS).
 */
export function sceneDots(scene: Scene, zoom: number): SceneDot[] {
  const point = (g: Scene['features'][number]['geometry']): LngLat | null => (g.type === 'Point' ? [g.coordinates[0]!, g.coordinates[1]!] : null);
  const of = (kind: 'claim' | 'airport'): SceneDot[] =>
    scene.features.flatMap((f) => {
      const at = f.role === kind ? point(f.geometry) : null;
      return at ? [{ id: f.id, kind, at, shown: kind === 'airport' || f.shown, selectable: true }] : [];
    });
  const cities: SceneDot[] = scene.names
    .filter((n) => n.kind === 'city')
    .map((n) => ({ id: n.id, kind: 'city', at: n.at, shown: inCityBand(n, zoom), selectable: false }));
  return [...of('claim'), ...cities, ...of('airport')];
}

/**
 * The selectable dot drawn under a point (CSS px, as `project` gives them), within `pad` px of its edge: the topmost
 * (the last drawn) first; null when none is.
 */
export function dotAt<P extends { x: number; y: number }>(
  dots: readonly SceneDot[],
  project: (at: LngLat) => P,
  point: { x: number; y: number },
  pad: number,
): SceneDot | null {
  for (let i = dots.length - 1; i >= 0; i--) {
    const d = dots[i]!;
    if (!d.shown || !d.selectable) continue;
    const p = project(d.at);
    const r = dotRadius(d.kind) + pad;
    if ((p.x - point.x) ** 2 + (p.y - point.y) ** 2 <= r * r) return d;
  }
  return null;
}
