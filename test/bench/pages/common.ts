/**
 * Shared by the benchmark's baseline pages: the same MapLibre build and worker set-up as the app, the
 * camera and map size handed over by the runner (?w=&h=&lng=&lat=&zoom=), and the same "ready" signal
 * (`data-ready="map"` on <html> at the first idle after load).
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { LIGHT } from '../../../src/theme/palette';

maplibregl.setWorkerUrl(workerUrl);
export { maplibregl };

export interface View {
  width: number;
  height: number;
  center: [number, number];
  zoom: number;
}

/** The map size and camera from the query string (the runner copies them from the app). */
export function viewFromQuery(fallback: View): View {
  const q = new URLSearchParams(location.search);
  const n = (k: string, d: number) => (q.has(k) && Number.isFinite(Number(q.get(k))) ? Number(q.get(k)) : d);
  return {
    width: n('w', fallback.width),
    height: n('h', fallback.height),
    center: [n('lng', fallback.center[0]), n('lat', fallback.center[1])],
    zoom: n('zoom', fallback.zoom),
  };
}

/** A container of exactly the map's size, at the top left of the page. */
export function mapContainer(view: View): HTMLElement {
  const el = document.createElement('div');
  el.id = 'map';
  el.style.cssText = `position:absolute;left:0;top:0;width:${view.width}px;height:${view.height}px;`;
  document.body.append(el);
  return el;
}

/** The app's basemap (public/basemap/basemap.json), drawn with the minimal layers: water, land, lakes, borders. */
export function bareStyle(base: string): StyleSpecification & { sources: Record<string, unknown>; layers: LayerSpecification[] } {
  const c = LIGHT;
  return {
    version: 8,
    sources: { basemap: { type: 'geojson', data: new URL('basemap/basemap.json', base).href, attribution: 'Natural Earth' } },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': c.water } },
      { id: 'land', type: 'fill', source: 'basemap', filter: ['==', ['get', 'layer'], 'land'], paint: { 'fill-color': c.land } },
      { id: 'lake', type: 'fill', source: 'basemap', filter: ['==', ['get', 'layer'], 'lake'], paint: { 'fill-color': c.lake } },
      {
        id: 'border',
        type: 'line',
        source: 'basemap',
        filter: ['==', ['get', 'layer'], 'border'],
        paint: { 'line-color': c.border, 'line-width': 1, 'line-dasharray': [3, 2] },
      },
    ],
  };
}

/** Sets `data-ready="map"` at the first idle after load, as the app does. */
export function signalReady(map: maplibregl.Map): Promise<void> {
  return new Promise((resolve) => {
    map.once('load', () =>
      map.once('idle', () => {
        document.documentElement.dataset.ready = 'map';
        resolve();
      }),
    );
  });
}

export const pageBase = () => new URL('./', document.baseURI).href;
