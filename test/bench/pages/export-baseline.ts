/**
 * Export baseline: @watergis/maplibre-gl-export making the same picture size as the app's export
 * (1920 × 1080 CSS pixels at scale 2 = 3840 × 2160 px) of the same map: the app's own story map
 * (createStoryMap as the export makes it, the whole route), at the plugin's defaults otherwise (north arrow; attribution only
 * where the style has glyphs, which ours has not). The plugin downloads through a link's click(); that is
 * caught here, so the timer stops when the PNG data URL exists, as it does for the app.
 */
import { MaplibreExportControl, Format, Unit } from '@watergis/maplibre-gl-export';
import '@watergis/maplibre-gl-export/dist/maplibre-gl-export.css';
import { readBundle, storyFromFiles, type StoryFileKey } from '../../../src/story/bundle';
import { buildLayers } from '../../../src/scene/layers';
import { buildTrack } from '../../../src/track/interpolate';
import { createStoryMap } from '../../../src/map/story-map';
import { wholeRoute } from '../../../src/scene/scene';
import { LIGHT } from '../../../src/theme/palette';
import { mapContainer, pageBase } from './common';

const WIDTH = 1920;
const HEIGHT = 1080;
const SCALE = 2;

async function main() {
  // The build validated this file (the same data/story.json as the app's).
  const text = await (await fetch(new URL('data/story.json', pageBase()))).text();
  const story = storyFromFiles(readBundle(text) as Record<StoryFileKey, unknown>);
  const track = buildTrack(story.track.features);
  const layers = buildLayers(story, track);
  // Not interactive, as the app's own export map: the names, the crash mark and the aircraft are map layers
  // there (the live map draws them over its canvas, which the plugin would not see).
  const sm = createStoryMap({
    container: mapContainer({ width: WIDTH, height: HEIGHT, center: [0, 0], zoom: 0 }),
    layers,
    track,
    palette: LIGHT,
    base: pageBase(),
    padding: 60,
    constrainBounds: false,
    interactive: false,
  });
  sm.setMoment(wholeRoute(track));
  await sm.ready;
  // The plugin as a reader would have it: its control on the map. Its Generate button calls generateMap
  // with the size and dpi chosen in its form; the benchmark calls generateMap with the same arguments.
  const control = new MaplibreExportControl({ Format: Format.PNG, Filename: 'baseline' });
  sm.map.addControl(control, 'top-right');
  const generateMap = (
    control as unknown as { generateMap(map: unknown, size: number[], dpi: number, format: string, unit: string, name: string): void }
  ).generateMap.bind(control);

  /** One export through the plugin; resolves with the PNG data URL's length and size when its download link is clicked. */
  const exportPng = () =>
    new Promise<{ bytes: number; dataUrl: string }>((resolve, reject) => {
      const click = HTMLAnchorElement.prototype.click;
      const timer = setTimeout(() => {
        HTMLAnchorElement.prototype.click = click;
        reject(new Error('the plugin did not finish within 120 s'));
      }, 120_000);
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (!this.href.startsWith('data:image/png')) return click.call(this);
        HTMLAnchorElement.prototype.click = click;
        clearTimeout(timer);
        resolve({ bytes: this.href.length, dataUrl: this.href });
      };
      // Size in inches at 96 CSS px per inch, and dpi = 96 × scale: a WIDTH × HEIGHT CSS px map at devicePixelRatio SCALE.
      generateMap(sm.map, [WIDTH / 96, HEIGHT / 96], 96 * SCALE, Format.PNG, Unit.in, 'baseline');
    });
  /**
   * The plugin's PDF of an A4 landscape page at 300 dpi (its Format.PDF: the map's canvas as a PNG image in a
   * jsPDF page). jsPDF saves through a blob URL; the timer stops when the PDF blob exists.
   */
  const exportPdf = () =>
    new Promise<{ bytes: number }>((resolve, reject) => {
      const create = URL.createObjectURL;
      const timer = setTimeout(() => {
        URL.createObjectURL = create;
        reject(new Error('the plugin did not finish its PDF within 240 s'));
      }, 240_000);
      URL.createObjectURL = (obj: Blob | MediaSource) => {
        if (obj instanceof Blob && obj.type === 'application/pdf') {
          URL.createObjectURL = create;
          clearTimeout(timer);
          resolve({ bytes: obj.size });
          return create.call(URL, new Blob([])); // nothing to download
        }
        return create.call(URL, obj);
      };
      generateMap(sm.map, [297, 210], 300, Format.PDF, Unit.mm, 'baseline');
    });
  (window as unknown as { bench: unknown }).bench = { map: sm.map, exportPng, exportPdf, width: WIDTH * SCALE, height: HEIGHT * SCALE };
  document.documentElement.dataset.ready = 'map';
}
void main();
