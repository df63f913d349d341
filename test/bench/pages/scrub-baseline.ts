/**
 * Scrub baseline: what MapLibre's "animate a line" example does. The same basemap, map size and camera
 * as the app, the same flown path (geo/track.geojson through src/track/interpolate.ts), and at every
 * step `setData` of the whole flown-path LineString and of the aircraft point.
 */
import type { GeoJSONSource } from 'maplibre-gl';
import type { LegFeature } from '../../../src/story/schema';
import { buildTrack, positionAt } from '../../../src/track/interpolate';
import type { LngLat } from '../../../src/geo/mercator';
import { LIGHT } from '../../../src/theme/palette';
import { bareStyle, mapContainer, maplibregl, pageBase, signalReady, viewFromQuery } from './common';

const view = viewFromQuery({ width: 1440, height: 900, center: [48, 43], zoom: 5 });

async function main() {
  const story = (await (await fetch(new URL('data/story.json', pageBase()))).json()) as Record<string, { features: LegFeature[] }>;
  const track = buildTrack(story['geo/track.geojson']!.features);
  const style = bareStyle(pageBase());
  const empty = { type: 'FeatureCollection' as const, features: [] };
  style.sources.line = { type: 'geojson', data: empty };
  style.sources.point = { type: 'geojson', data: empty };
  style.layers.push(
    {
      id: 'line',
      type: 'line',
      source: 'line',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': LIGHT.track, 'line-width': 3.5 },
    },
    {
      id: 'point',
      type: 'circle',
      source: 'point',
      paint: { 'circle-radius': 6, 'circle-color': LIGHT.aircraft, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 },
    },
  );
  const map = new maplibregl.Map({ container: mapContainer(view), style, center: view.center, zoom: view.zoom });

  // One slider step: the whole flown path and the point, each through setData.
  const step = (t: number) => {
    const p = positionAt(track, t);
    const coordinates: LngLat[] = [];
    for (let i = 0; i <= p.edge; i++) coordinates.push(track.edges[i]!.from);
    coordinates.push(p.lonLat);
    (map.getSource('line') as GeoJSONSource).setData({ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: {} });
    (map.getSource('point') as GeoJSONSource).setData({ type: 'Feature', geometry: { type: 'Point', coordinates: p.lonLat }, properties: {} });
  };
  (window as unknown as { bench: unknown }).bench = { map, step, start: track.start, end: track.end };
  await signalReady(map);
}
void main();
