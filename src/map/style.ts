/**
 * The MapLibre style: the offline basemap and the story layers, in the order a reader should see them.
 */
import type { StyleSpecification, LayerSpecification, ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { LngLat } from '../geo/mercator';
import { CITY_NAMES_CREDIT, contextNames } from '../scene/context-names';
import type { StoryLayers } from '../scene/layers';
import { NAMES, SYMBOLOGY as S, type LineSymbol, type NameSymbol, type CircleSymbol, type Palette } from '../theme/symbology';
import { FONT_SUBSETS, fontFile } from '../theme/fonts';
import { placeName } from '../i18n';
import { countryNames, SEA_LABELS } from '../scene/basemap-names';

export const FONT = 'Noto Sans Regular';
export const FONT_BOLD = 'Noto Sans SemiBold';

export interface StyleOptions {
  palette: Palette;
  /** Absolute URL of the app's base (ends with /). */
  base: string;
  layers: StoryLayers;
}

const flown: ExpressionSpecification = ['boolean', ['feature-state', 'flown'], false];
const shown: ExpressionSpecification = ['boolean', ['feature-state', 'shown'], true];
/**
 * A constant line opacity in the form of the flown track's (data-driven): every line layer then shares one
 * shader program for solid lines and one for dashed ones, where a constant would need a second of each.
 * Each program costs the first load a compile and a frame of its own on a software GPU (README, Performance).
 */
const lineOpacity = (v: number): ExpressionSpecification => ['case', flown, v, v];

/** Circle radius in pixels from property r0: the radius in pixels at zoom 0 (ground.ts, at the feature's latitude). */
function radiusInPixels(prop: string): ExpressionSpecification {
  return ['interpolate', ['exponential', 2], ['zoom'], 0, ['get', prop], 16, ['*', ['get', prop], 2 ** 16]];
}

/** The basemap's `name` in the page's language (src/i18n placeName); in English the name as it is. */
export function localNames(names: readonly string[]): ExpressionSpecification {
  const pairs = names.flatMap((n) => (placeName(n) === n ? [] : [n, placeName(n)]));
  return pairs.length ? (['match', ['get', 'name'], ...pairs, ['get', 'name']] as unknown as ExpressionSpecification) : ['get', 'name'];
}

/** A line's paint from its symbol: colour, width, dash and opacity (in the shared data-driven form unless given). */
function linePaint(c: Palette, s: LineSymbol, opacity: ExpressionSpecification = lineOpacity(s.opacity)) {
  return { 'line-color': c[s.colour], 'line-width': s.width, ...(s.dash ? { 'line-dasharray': [...s.dash] } : {}), 'line-opacity': opacity };
}
/** A circle's paint from its symbol, shown by feature state. */
function circlePaint(c: Palette, s: CircleSymbol) {
  return {
    'circle-radius': s.radius,
    'circle-color': c[s.fill],
    'circle-stroke-color': c[s.stroke],
    'circle-stroke-width': s.strokeWidth,
    'circle-opacity': ['case', shown, 1, 0] as ExpressionSpecification,
    'circle-stroke-opacity': ['case', shown, 1, 0] as ExpressionSpecification,
  };
}
/** A name's text size: a constant, or linear by zoom. */
function textSize(n: NameSymbol): number | ExpressionSpecification {
  return typeof n.size === 'number' ? n.size : ['interpolate', ['linear'], ['zoom'], n.size[0], n.size[1], n.size[2], n.size[3]];
}
/** A name's paint from its symbol. */
function textPaint(c: Palette, n: NameSymbol) {
  return { 'text-color': c[n.colour], 'text-halo-color': c[n.halo], 'text-halo-width': n.haloWidth };
}
/**
 * The context names as GeoJSON points: kind, name (in the page's language), zoom band, rank; each country at
 * every candidate point (basemap-names.ts), `rank` its place in the country's list. An export draws only those
 * it placed (png/render.ts filters by id); without that, MapLibre places the first candidates first.
 */
export function contextNamesGeoJson(layers: Pick<StoryLayers, 'places'>) {
  const airports = new Map(layers.places.features.map((f) => [String(f.properties!.id), f.geometry.coordinates as LngLat] as const));
  const names = [
    ...countryNames(placeName).map((n) => ({ ...n, kind: 'country', rank: n.order + 1 })),
    ...contextNames(placeName, airports).map((n) => ({ ...n, rank: n.rank ?? 1 })),
  ];
  return {
    type: 'FeatureCollection' as const,
    features: names.map((n) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [...n.at] },
      properties: { id: n.id, kind: n.kind, name: n.text, minZoom: n.minZoom ?? 0, maxZoom: n.maxZoom ?? 99, rank: n.rank },
    })),
  };
}
/** A context-name kind within its zoom band (MapLibre evaluates zoom in a filter at whole levels). */
const inBand = (kind: string): FilterSpecification => [
  'all',
  ['==', ['get', 'kind'], kind],
  ['>=', ['zoom'], ['get', 'minZoom']],
  ['<', ['zoom'], ['get', 'maxZoom']],
];

const fontOf = (n: NameSymbol) => [n.weight === 600 ? FONT_BOLD : FONT];

export function buildStyle({ palette: c, base, layers }: StyleOptions): StyleSpecification {
  const geo = (data: unknown) => ({ type: 'geojson' as const, data: data as never });
  const style: StyleSpecification & { 'font-faces'?: unknown } = {
    version: 8,
    name: 'J2-8243',
    'font-faces': {
      // Each subset with its code points: MapLibre fetches a file only when a name needs one of them.
      [FONT]: FONT_SUBSETS.map((s) => ({ url: `${base}${fontFile(s.name, 400)}`, 'unicode-range': s.unicodeRange.split(',') })),
      [FONT_BOLD]: FONT_SUBSETS.map((s) => ({ url: `${base}${fontFile(s.name, 600)}`, 'unicode-range': s.unicodeRange.split(',') })),
    },
    sources: {
      basemap: { type: 'geojson', data: `${base}basemap/basemap.json`, attribution: 'Natural Earth' },
      route: geo(layers.route),
      // Barely simplified: the default (0.375 px at 1×) turns the circles into visible polygons at a pixel ratio of 2 and more.
      areas: { ...geo(layers.areas), tolerance: 0.05 },
      claims: geo(layers.claims),
      track: geo(layers.track),
      head: geo({ type: 'FeatureCollection', features: [] }),
      aircraft: geo({ type: 'FeatureCollection', features: [] }),
      places: geo(layers.places),
      // The countries at their candidate points (src/scene/basemap-names.ts), the republics, the cities apart from
      // their airports (src/scene/context-names.ts).
      'context-names': { ...geo(contextNamesGeoJson(layers)), attribution: CITY_NAMES_CREDIT },
    },
    layers: [],
  };
  const N = NAMES;
  const L: LayerSpecification[] = [
    { id: 'water', type: 'background', paint: { 'background-color': c[S.sea.colour] } },
    { id: 'land', type: 'fill', source: 'basemap', filter: ['==', ['get', 'layer'], 'land'], paint: { 'fill-color': c[S.land.colour] } },
    { id: 'lake', type: 'fill', source: 'basemap', filter: ['==', ['get', 'layer'], 'lake'], paint: { 'fill-color': c[S.lake.colour] } },
    { id: 'coast', type: 'line', source: 'basemap', filter: ['==', ['get', 'layer'], 'land'], paint: linePaint(c, S.coast) },
    { id: 'republic-border', type: 'line', source: 'basemap', filter: ['==', ['get', 'layer'], 'region-border'], paint: linePaint(c, S.republicBorder) },
    { id: 'border', type: 'line', source: 'basemap', filter: ['==', ['get', 'layer'], 'border'], paint: linePaint(c, S.border) },
    {
      id: 'republic-label',
      type: 'symbol',
      source: 'context-names',
      filter: inBand('republic'),
      // The smaller republics (rank 2) give way first.
      layout: {
        'text-field': ['get', 'name'],
        'text-font': fontOf(N.republic),
        'text-size': textSize(N.republic),
        'text-letter-spacing': N.republic.letterSpacing,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: textPaint(c, N.republic),
    },
    {
      id: 'country-label',
      type: 'symbol',
      source: 'context-names',
      filter: inBand('country'),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': fontOf(N.country),
        'text-size': textSize(N.country),
        'text-letter-spacing': N.country.letterSpacing,
        'text-max-width': N.country.maxWidth!,
        // A country's first candidate point first (an export draws only the one it placed).
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: textPaint(c, N.country),
    },
    {
      id: 'sea-label',
      type: 'symbol',
      source: 'basemap',
      filter: ['==', ['get', 'layer'], 'sea-label'],
      layout: {
        'text-field': localNames(SEA_LABELS.map(([name]) => name)),
        'text-font': fontOf(N.sea),
        'text-size': textSize(N.sea),
        'text-letter-spacing': N.sea.letterSpacing,
      },
      paint: textPaint(c, N.sea),
    },
    // Story layers: the strike areas first, so lines and points stay readable over it.
    { id: 'area-outer', type: 'line', source: 'areas', filter: ['==', ['get', 'role'], 'official'], paint: linePaint(c, S.officialArea) },
    {
      id: 'area-fill',
      type: 'fill',
      source: 'areas',
      filter: ['!=', ['get', 'role'], 'official'],
      paint: { 'fill-color': c[S.strikeArea.fill.colour], 'fill-opacity': S.strikeArea.fill.opacity },
    },
    { id: 'area-line', type: 'line', source: 'areas', filter: ['!=', ['get', 'role'], 'official'], paint: linePaint(c, S.strikeArea.line) },
    { id: 'route-planned', type: 'line', source: 'route', layout: { 'line-cap': S.planned.cap }, paint: linePaint(c, S.planned) },
    // The path: a faint ghost of the whole reconstruction, then what has been flown by the current moment.
    { id: 'track-ghost', type: 'line', source: 'track', layout: { 'line-cap': S.unflown.cap }, paint: linePaint(c, S.unflown) },
    ...(['approximate', 'reconstructed'] as const).map(
      (k): LayerSpecification => ({
        id: `track-${k}`,
        type: 'line',
        source: 'track',
        filter: ['==', ['get', 'certainty'], k],
        layout: { 'line-cap': S.flown[k].cap },
        paint: linePaint(c, S.flown[k], ['case', flown, S.flown[k].opacity, 0]),
      }),
    ),
    ...(['approximate', 'reconstructed'] as const).map(
      (k): LayerSpecification => ({
        id: `head-${k}`,
        type: 'line',
        source: 'head',
        filter: ['==', ['get', 'certainty'], k],
        layout: { 'line-cap': S.flown[k].cap },
        paint: linePaint(c, S.flown[k]),
      }),
    ),
    { id: 'claims', type: 'circle', source: 'claims', paint: circlePaint(c, S.claim) },
    {
      id: 'claims-label',
      type: 'symbol',
      source: 'claims',
      minzoom: N.claim.minZoom!,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': fontOf(N.claim),
        'text-size': textSize(N.claim),
        'text-anchor': N.claim.anchors[0]!,
        'text-offset': [N.claim.offsetEm!, 0],
        'text-max-width': N.claim.maxWidth!,
      },
      paint: { ...textPaint(c, N.claim), 'text-opacity': ['case', shown, 1, 0] },
    },
    {
      id: 'city-label',
      type: 'symbol',
      source: 'context-names',
      filter: inBand('city'),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': fontOf(N.city),
        'text-size': textSize(N.city),
        'text-variable-anchor': [...N.city.anchors],
        'text-radial-offset': N.city.offsetEm!,
      },
      paint: textPaint(c, N.city),
    },
    // A named city's dot, in its name's zoom band, its name beside it (city-label). The export's: the live map draws
    // its dots over the canvas (map/dot-overlay.ts).
    { id: 'city-dot', type: 'circle', source: 'context-names', filter: inBand('city'), paint: circlePaint(c, S.city) },
    {
      id: 'aircraft-halo',
      type: 'circle',
      source: 'aircraft',
      paint: {
        'circle-radius': radiusInPixels('r0'),
        'circle-color': c[S.ring.colour],
        'circle-opacity': S.ring.fillOpacity,
        'circle-stroke-color': c[S.ring.colour],
        'circle-stroke-width': S.ring.strokeWidth,
        'circle-stroke-opacity': S.ring.strokeOpacity,
        'circle-pitch-alignment': 'map',
      },
    },
    {
      id: 'places',
      type: 'circle',
      source: 'places',
      filter: ['==', ['get', 'kind'], 'airport'],
      // The opacities have the claims' form (always 1 here): both layers then share one shader program, and
      // each distinct program costs a compile when the map loads (~40 ms with a software GPU). An export's only.
      paint: circlePaint(c, S.airport),
    },
    {
      id: 'crash-site',
      type: 'symbol',
      source: 'places',
      filter: ['==', ['get', 'kind'], 'crash-site'],
      layout: { 'icon-image': 'crash', 'icon-size': 1, 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    },
    {
      id: 'aircraft',
      type: 'symbol',
      source: 'aircraft',
      layout: {
        'icon-image': 'aircraft',
        'icon-rotate': ['get', 'bearing'],
        'icon-rotation-alignment': 'map',
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'icon-size': 1,
      },
    },
    {
      id: 'crash-label',
      type: 'symbol',
      source: 'places',
      filter: ['==', ['get', 'kind'], 'crash-site'],
      layout: {
        'text-field': ['get', 'label'],
        'text-font': fontOf(N.crash),
        'text-size': textSize(N.crash),
        'text-variable-anchor': [...N.crash.anchors],
        'text-radial-offset': N.crash.offsetEm!,
      },
      paint: textPaint(c, N.crash),
    },
    {
      id: 'places-label',
      type: 'symbol',
      source: 'places',
      filter: ['==', ['get', 'kind'], 'airport'],
      layout: {
        'text-field': ['get', 'label'],
        'text-font': fontOf(N.airport),
        'text-size': textSize(N.airport),
        'text-variable-anchor': [...N.airport.anchors],
        'text-radial-offset': N.airport.offsetEm!,
        'text-justify': 'auto',
        'text-allow-overlap': false,
      },
      paint: textPaint(c, N.airport),
    },
  ];
  style.layers = L;
  return style as StyleSpecification;
}

/** The layers a reader can click for their sources, and the source whose features name them. */
export const CLICKABLE_LAYERS = [
  'places',
  'crash-site',
  'claims',
  'area-fill',
  'area-outer',
  'route-planned',
  'track-ghost',
  'track-approximate',
  'track-reconstructed',
];

/** Context (basemap labels, airports) that an exported picture leaves out where its edge would cut it. */
export const EDGE_CLIPPED_LAYERS = ['country-label', 'republic-label', 'city-label', 'city-dot', 'sea-label', 'places', 'places-label'];
