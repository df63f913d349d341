/**
 * The MapLibre style: the offline basemap and the story layers, in the order a reader should see them.
 */
import type { StyleSpecification, LayerSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { StoryLayers } from '../story/layers';
import { DASH, type Palette } from '../theme/palette';
import { FONT_SUBSETS, fontFile } from '../theme/fonts';
import { placeName } from '../i18n';
import { COUNTRY_LABELS, SEA_LABELS } from './basemap-labels';

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
  return pairs.length ? ['match', ['get', 'name'], ...pairs, ['get', 'name']] as unknown as ExpressionSpecification : ['get', 'name'];
}

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
    },
    layers: [],
  };
  const L: LayerSpecification[] = [
    { id: 'water', type: 'background', paint: { 'background-color': c.water } },
    { id: 'land', type: 'fill', source: 'basemap', filter: ['==', ['get', 'layer'], 'land'], paint: { 'fill-color': c.land } },
    { id: 'lake', type: 'fill', source: 'basemap', filter: ['==', ['get', 'layer'], 'lake'], paint: { 'fill-color': c.lake } },
    { id: 'coast', type: 'line', source: 'basemap', filter: ['==', ['get', 'layer'], 'land'], paint: { 'line-color': c.landStroke, 'line-width': 0.8, 'line-opacity': lineOpacity(1) } },
    { id: 'border', type: 'line', source: 'basemap', filter: ['==', ['get', 'layer'], 'border'], paint: { 'line-color': c.border, 'line-width': 1, 'line-dasharray': [3, 2], 'line-opacity': lineOpacity(1) } },
    {
      id: 'country-label', type: 'symbol', source: 'basemap', filter: ['==', ['get', 'layer'], 'country-label'],
      layout: { 'text-field': localNames(COUNTRY_LABELS.map(([, label]) => label)), 'text-font': [FONT], 'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 8, 14], 'text-letter-spacing': 0.2, 'text-max-width': 20 },
      paint: { 'text-color': c.countryLabel, 'text-halo-color': c.land, 'text-halo-width': 1.2 },
    },
    {
      id: 'sea-label', type: 'symbol', source: 'basemap', filter: ['==', ['get', 'layer'], 'sea-label'],
      layout: { 'text-field': localNames(SEA_LABELS.map(([name]) => name)), 'text-font': [FONT], 'text-size': ['interpolate', ['linear'], ['zoom'], 4, 12, 8, 16], 'text-letter-spacing': 0.15 },
      paint: { 'text-color': c.seaLabel, 'text-halo-color': c.water, 'text-halo-width': 1 },
    },
    // Story layers: the strike areas first, so lines and points stay readable over it.
    { id: 'area-outer', type: 'line', source: 'areas', filter: ['==', ['get', 'id'], 'strike-area-official'], paint: { 'line-color': c.areaOuter, 'line-width': 1.2, 'line-dasharray': [2, 2], 'line-opacity': lineOpacity(0.9) } },
    { id: 'area-fill', type: 'fill', source: 'areas', filter: ['!=', ['get', 'id'], 'strike-area-official'], paint: { 'fill-color': c.area, 'fill-opacity': 0.28 } },
    { id: 'area-line', type: 'line', source: 'areas', filter: ['!=', ['get', 'id'], 'strike-area-official'], paint: { 'line-color': c.areaOuter, 'line-width': 1.5, 'line-opacity': lineOpacity(1) } },
    { id: 'route-planned', type: 'line', source: 'route', layout: { 'line-cap': 'butt' }, paint: { 'line-color': c.planned, 'line-width': 2.5, 'line-dasharray': [...DASH.planned], 'line-opacity': lineOpacity(1) } },
    // The path: a faint ghost of the whole reconstruction, then what has been flown by the current moment.
    { id: 'track-ghost', type: 'line', source: 'track', layout: { 'line-cap': 'round' }, paint: { 'line-color': c.trackGhost, 'line-width': 2, 'line-opacity': lineOpacity(0.28), 'line-dasharray': [...DASH.reconstructed] } },
    {
      id: 'track-approximate', type: 'line', source: 'track', filter: ['==', ['get', 'certainty'], 'approximate'], layout: { 'line-cap': 'round' },
      paint: { 'line-color': c.track, 'line-width': 3.5, 'line-opacity': ['case', flown, 1, 0] },
    },
    {
      id: 'track-reconstructed', type: 'line', source: 'track', filter: ['==', ['get', 'certainty'], 'reconstructed'], layout: { 'line-cap': 'round' },
      paint: { 'line-color': c.track, 'line-width': 3.5, 'line-opacity': ['case', flown, 1, 0], 'line-dasharray': [...DASH.reconstructed] },
    },
    { id: 'head-approximate', type: 'line', source: 'head', filter: ['==', ['get', 'certainty'], 'approximate'], layout: { 'line-cap': 'round' }, paint: { 'line-color': c.track, 'line-width': 3.5, 'line-opacity': lineOpacity(1) } },
    { id: 'head-reconstructed', type: 'line', source: 'head', filter: ['==', ['get', 'certainty'], 'reconstructed'], layout: { 'line-cap': 'round' }, paint: { 'line-color': c.track, 'line-width': 3.5, 'line-dasharray': [...DASH.reconstructed], 'line-opacity': lineOpacity(1) } },
    {
      id: 'claims', type: 'circle', source: 'claims',
      paint: { 'circle-radius': 5, 'circle-color': c.claim, 'circle-stroke-color': c.labelHalo, 'circle-stroke-width': 1.5, 'circle-opacity': ['case', shown, 1, 0], 'circle-stroke-opacity': ['case', shown, 1, 0] },
    },
    {
      id: 'claims-label', type: 'symbol', source: 'claims', minzoom: 8.5,
      layout: { 'text-field': ['get', 'label'], 'text-font': [FONT], 'text-size': 11, 'text-anchor': 'left', 'text-offset': [0.8, 0], 'text-max-width': 14 },
      paint: { 'text-color': c.claim, 'text-halo-color': c.labelHalo, 'text-halo-width': 1.5, 'text-opacity': ['case', shown, 1, 0] },
    },
    {
      id: 'aircraft-halo', type: 'circle', source: 'aircraft',
      paint: { 'circle-radius': radiusInPixels('r0'), 'circle-color': c.halo, 'circle-opacity': 0.12, 'circle-stroke-color': c.halo, 'circle-stroke-width': 1, 'circle-stroke-opacity': 0.6, 'circle-pitch-alignment': 'map' },
    },
    {
      id: 'places', type: 'circle', source: 'places', filter: ['==', ['get', 'kind'], 'airport'],
      // The opacities have the claims' form (always 1 here): both layers then share one shader program, and
      // each distinct program costs a compile when the map loads (~40 ms with a software GPU).
      paint: { 'circle-radius': 4.5, 'circle-color': c.labelHalo, 'circle-stroke-color': c.airport, 'circle-stroke-width': 2, 'circle-opacity': ['case', shown, 1, 0], 'circle-stroke-opacity': ['case', shown, 1, 0] },
    },
    {
      id: 'crash-site', type: 'symbol', source: 'places', filter: ['==', ['get', 'kind'], 'crash-site'],
      layout: { 'icon-image': 'crash', 'icon-size': 1, 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    },
    {
      id: 'aircraft', type: 'symbol', source: 'aircraft',
      layout: { 'icon-image': 'aircraft', 'icon-rotate': ['get', 'bearing'], 'icon-rotation-alignment': 'map', 'icon-allow-overlap': true, 'icon-ignore-placement': true, 'icon-size': 1 },
    },
    {
      id: 'crash-label', type: 'symbol', source: 'places', filter: ['==', ['get', 'kind'], 'crash-site'],
      layout: { 'text-field': ['get', 'label'], 'text-font': [FONT_BOLD], 'text-size': 13, 'text-variable-anchor': ['right', 'bottom-right', 'top-right'], 'text-radial-offset': 0.9 },
      paint: { 'text-color': c.text, 'text-halo-color': c.labelHalo, 'text-halo-width': 1.6 },
    },
    {
      id: 'places-label', type: 'symbol', source: 'places', filter: ['==', ['get', 'kind'], 'airport'],
      layout: {
        'text-field': ['get', 'label'], 'text-font': [FONT_BOLD], 'text-size': 13,
        'text-variable-anchor': ['left', 'top-left', 'bottom-left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.7, 'text-justify': 'auto', 'text-allow-overlap': false,
      },
      paint: { 'text-color': c.text, 'text-halo-color': c.labelHalo, 'text-halo-width': 1.6 },
    },
  ];
  style.layers = L;
  return style as StyleSpecification;
}

/** The layers a reader can click for their sources, and the source whose features name them. */
export const CLICKABLE_LAYERS = ['places', 'crash-site', 'claims', 'area-fill', 'area-outer', 'route-planned', 'track-ghost', 'track-approximate', 'track-reconstructed'];

/** Context (basemap labels, airports) that an exported picture leaves out where its edge would cut it. */
export const EDGE_CLIPPED_LAYERS = ['country-label', 'sea-label', 'places', 'places-label'];
