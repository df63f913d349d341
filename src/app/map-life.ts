/**
 * The live map's life: MapLibre is its own chunk, loaded alongside the story (main.ts) or here; the map is made
 * at once (the full page) or when an embed asks (embed/lazy-map.ts), and given back on request. Its failures
 * (no WebGL, a lost context, a basemap or font that did not load) become notices, never a blank page.
 */
import type { Camera, StoryMap } from '../map/story-map';
import type { MapLife } from '../api/flightmap';
import type { StoryLayers } from '../scene/layers';
import type { TrackModel } from '../track/interpolate';
import type { Palette } from '../theme/palette';
import type { createNotices } from '../ui/notices';
import { msg } from '../i18n';
import { framePadding } from '../scene/camera';

export type StoryMapModule = typeof import('../map/story-map');

export interface MapLifeOptions {
  container: HTMLElement;
  /** `<html>`: marked `no-webgl` when there is no map. */
  root: HTMLElement;
  layers: StoryLayers;
  track: TrackModel;
  palette: Palette;
  base: string;
  embed: boolean;
  /** `?static`: no map at all. */
  noMap: boolean;
  notices: ReturnType<typeof createNotices>;
  /** The map module, when main.ts already has it. */
  preloaded?: StoryMapModule | null | undefined;
  /** The map is started by `start()` alone (an embed's poster comes first); else at once. */
  lazy: boolean;
  onSelect(id: string, lngLat: [number, number]): void;
  /** Called with each new map once it exists (to draw the moment on it); `restored`: at a camera kept from before. */
  onMap(map: StoryMap, restored: boolean): void;
  /** The reader moved the map. */
  onReaderMove(): void;
  /** Takes over a lost WebGL context (the embed shows its poster); without it the map restores itself. */
  onContextLost?: (() => void) | undefined;
}

/** Tells when the shipped font did not load (MapLibre then falls back to a local font silently). */
function checkFont(onFail: () => void): void {
  if (!document.fonts?.load) return;
  document.fonts.load('400 16px "Noto Sans"').then((faces) => faces.length || onFail(), onFail);
}

export function createMapLife(o: MapLifeOptions): { mapLife: MapLife; mapReady: Promise<StoryMap | null> } {
  const { notices } = o;
  let storyMap: StoryMap | null = null;
  const noMap = (text: string, kind: 'warning' = 'warning') => {
    notices.add(text, kind);
    o.root.classList.add('no-webgl');
    return null;
  };

  const startMap = (mod: StoryMapModule, camera?: Camera): Promise<StoryMap | null> => {
    if (!mod.supportsWebGL2()) return Promise.resolve(noMap(msg('app.noWebgl')));
    let made: StoryMap;
    try {
      made = mod.createStoryMap({
        container: o.container,
        layers: o.layers,
        track: o.track,
        palette: o.palette,
        base: o.base,
        cooperativeGestures: o.embed,
        padding: framePadding(o.container.clientWidth), // the frame's room (scene/camera.ts)
        ...(camera ? { camera } : {}),
        onSelect: o.onSelect,
        onReaderMove: o.onReaderMove,
        onContextLost: () => (o.onContextLost ? o.onContextLost() : notices.add(msg('app.contextLost'), 'info', 'context')),
        onContextRestored: () => {
          notices.remove('context');
          o.onMap(made, true);
        },
        onResourceError: (what) => notices.add(what === 'basemap' ? msg('app.basemapFailed') : msg('app.mapFontFailed'), 'warning', what),
      });
    } catch (e) {
      // No WebGL 2 context could be made.
      if ((e as Error)?.name === 'GPUInitializationError') return Promise.resolve(noMap(msg('app.noWebgl')));
      return Promise.resolve(noMap(msg('app.mapFailed', { error: (e as Error).message })));
    }
    storyMap = made;
    o.onMap(made, !!camera);
    checkFont(() => notices.add(msg('app.fontFailed'), 'warning', 'font'));
    return made.ready.then(() => made);
  };

  const unavailable = (e: unknown) => noMap(msg('app.mapLoadFailed', { error: String((e as Error)?.message ?? e) }));
  let mapModule: StoryMapModule | null = null;
  let living: Promise<StoryMap | null> | null = null;
  let firstMap: (m: StoryMap | null) => void = () => {};
  const mapLife: MapLife = {
    start(camera) {
      if (o.noMap) return Promise.resolve(null);
      if (!living) {
        const mod = o.preloaded ?? mapModule;
        const made = mod ? startMap(mod, camera) : import('../map/story-map').then((m) => ((mapModule = m), startMap(m, camera)), unavailable);
        living = made.then((m) => (firstMap(m), m));
      }
      return living;
    },
    release() {
      storyMap?.destroy();
      storyMap = null;
      living = null;
      (mapModule ?? o.preloaded)?.releaseWorkers();
    },
    current: () => storyMap,
  };
  // The full page makes its map at once: as soon as the panel and the slider have given it its size, before the
  // rest of the page is built and painted, when MapLibre is already here (README, Performance).
  const mapReady: Promise<StoryMap | null> = o.lazy && !o.noMap ? new Promise((r) => (firstMap = r)) : mapLife.start();
  return { mapLife, mapReady };
}
