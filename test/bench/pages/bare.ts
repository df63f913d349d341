/**
 * Load baseline: a bare MapLibre page with the app's basemap, map size and camera, and nothing else.
 * The floor the app's load time is compared with.
 */
import { bareStyle, mapContainer, maplibregl, pageBase, signalReady, viewFromQuery } from './common';

const view = viewFromQuery({ width: 1440, height: 900, center: [48, 43], zoom: 5 });
const map = new maplibregl.Map({ container: mapContainer(view), style: bareStyle(pageBase()), center: view.center, zoom: view.zoom });
void signalReady(map);
(window as unknown as { bench: unknown }).bench = { map };
