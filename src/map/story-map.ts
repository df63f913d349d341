/**
 * The one place that touches MapLibre: creates the map, draws the story layers, and moves the aircraft.
 * A moment update is incremental. On the live map the aircraft, its ring and the flown part of its edge
 * are an SVG over the canvas (flight-overlay.ts): a slider step does not redraw the map. The flown edges
 * are feature state on the track source, which is never re-uploaded. Its dots (claims, airports, named cities) are
 * an SVG too (dot-overlay.ts): the live map has no circle layer. An export (not interactive) draws the aircraft,
 * ring, head and dots with map layers, the aircraft's on two tiny sources.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { featureBounds, type StoryLayers } from '../scene/layers';
import type { TrackModel } from '../track/interpolate';
import type { Palette } from '../theme/palette';
import { buildStyle, CLICKABLE_LAYERS } from './style';
import { addIcons } from './icons';
import { dotOverlay } from './dot-overlay';
import { flightOverlay } from './flight-overlay';
import { mapLabels } from './labels';
import { scaleControl } from './scale-control';
import { skipAbsentSky } from './sky';
import { paddingClearOf } from './label-layout';
import { POPUP_EDGE, POPUP_MAX_WIDTH, popupFit } from './popup-fit';
import type { Padding } from '../geo/bounds';
import { kmToPixels } from '../geo/mercator';
import { sceneOf, wholeRoute, type MapMoment, type Scene } from '../scene/scene';
import type { Cover } from '../scene/camera';
import { msg } from '../i18n';
import { CITY_NAMES_CREDIT } from '../scene/context-names';

maplibregl.setWorkerUrl(workerUrl);
maplibregl.prewarm(); // the worker starts with this module, not when the map is made

export interface StoryMapOptions {
  container: HTMLElement;
  layers: StoryLayers;
  track: TrackModel;
  palette: Palette;
  /** Absolute base URL of the app (ends with /). */
  base: string;
  interactive?: boolean;
  cooperativeGestures?: boolean;
  /** For export: a fixed pixel ratio and a readable drawing buffer. */
  pixelRatio?: number;
  preserveDrawingBuffer?: boolean;
  /** For export: the largest canvas (MapLibre lowers the pixel ratio past it); and no maxBounds, so any view can be drawn. */
  maxCanvasSize?: [number, number];
  constrainBounds?: boolean;
  /**
   * Multisampling (default off, MapLibre's default): lines, circles, text and the edges of fills are
   * antialiased by their shaders already, and without it a software GPU draws about four times faster
   * (the map loads ~20 % sooner with SwiftShader; see the README, Performance).
   */
  antialias?: boolean;
  /** Pixel ratio of the icons drawn at run time (default 2; export: its own pixel ratio, so they stay sharp). */
  iconRatio?: number;
  /** Where to open (an embed that released its map opens again where the reader left it); default: the story frame. */
  camera?: Camera;
  /** Padding (px) around the story frame. */
  padding?: number | Padding;
  attribution?: boolean;
  onSelect?: (id: string, lngLat: [number, number]) => void;
  /** The reader moved the map (a drag, a wheel, a pinch, a key, a zoom or whole-route button), not our own easeTo. */
  onReaderMove?: () => void;
  onContextLost?: () => void;
  onContextRestored?: () => void;
  /** Called when a resource (basemap, font) fails to load. */
  onResourceError?: (what: string) => void;
}

export type { MapMoment };

export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface StoryMap {
  /** Resolves when the map has drawn the story for the first time (first idle). */
  ready: Promise<void>;
  /** Draws the scene (src/scene/scene.ts): the renderer reads it and the symbology, nothing else. */
  setScene(scene: Scene): void;
  /** The scene of a map moment (sceneOf). */
  setMoment(m: MapMoment): void;
  /** The style the map was made with (built once; an export reads its dashes and labels from it). */
  readonly style: maplibregl.StyleSpecification;
  showInfo(lngLat: [number, number], content: HTMLElement): void;
  /** Flies to a story feature (an area, a place, a claim, a leg); false when there is no such feature. */
  focus(id: string, animate?: boolean): boolean;
  /** Where the live map draws the aircraft now (null: hidden; always null on an export's map). For tests. */
  aircraft(): [number, number] | null;
  /**
   * The dots the live map shows now, where on the map (CSS px) and whether in view (none on an export's map: its dots
   * are layers). For tests.
   */
  dots(): { id: string; kind: string; x: number; y: number; inView: boolean }[];
  /** The underlying map, for tests and export only. */
  readonly map: maplibregl.Map;
  /** Where the map looks now. */
  camera(): Camera;
  /**
   * The map's size, the padding that keeps a frame clear of the open legend, and what covers the map's corners
   * (its controls, the folded legend: measured, CSS px), which a frame keeps its points out from under.
   */
  view(): { width: number; height: number; padding: Padding; covers: Cover[] };
  /** Moves to a camera: eased, or at once (`animate` false: reduced motion, or a map just made). Not a reader's move. */
  moveTo(camera: { center: [number, number]; zoom: number }, animate: boolean): void;
  /**
   * A still of the map as it is drawn now, to stand in for it once it is removed (an embed's poster): the
   * canvas redrawn and copied into a 2D canvas, with the names, marks and aircraft drawn over it (copies of
   * their DOM). Null when the map cannot be drawn (its context is lost).
   */
  still(): HTMLElement | null;
  destroy(): void;
}

/**
 * Lets MapLibre's worker end once no map uses it (prewarm keeps it otherwise): an embed that releases its
 * map gives back the worker too. The next map starts a new one.
 */
/** MapLibre's own words (the zoom buttons' titles, the gesture hint) in the page's language; the scale is ours (scale-control.ts). */
const controlWords = (): Record<string, string> => ({
  'Map.Title': msg('map.canvas'), // the canvas's accessible name
  'NavigationControl.ZoomIn': msg('map.zoomIn'),
  'NavigationControl.ZoomOut': msg('map.zoomOut'),
  'AttributionControl.ToggleAttribution': msg('map.toggleAttribution'),
  'Popup.Close': msg('dialog.close'), // the popup's close button (MapLibre's word is English)
  'CooperativeGesturesHandler.WindowsHelpText': msg('map.gestures.windows'),
  'CooperativeGesturesHandler.MacHelpText': msg('map.gestures.mac'),
  'CooperativeGesturesHandler.MobileHelpText': msg('map.gestures.mobile'),
});

export function releaseWorkers(): void {
  maplibregl.clearPrewarmedResources();
}

/**
 * False where this browser has no WebGL 2 at all. No context is made here: a throwaway WebGL context costs
 * ~100 ms on a software GPU at every load. Where a context cannot be made, the Map constructor throws a
 * GPUInitializationError, which the app treats the same way.
 */
export function supportsWebGL2(): boolean {
  return typeof WebGL2RenderingContext !== 'undefined';
}

/** A map button that brings the whole route back into view. */
function resetControl(onClick: (e: MouseEvent) => void): maplibregl.IControl {
  let el: HTMLElement | undefined;
  return {
    onAdd() {
      el = document.createElement('div');
      el.className = 'maplibregl-ctrl maplibregl-ctrl-group';
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'ctrl-whole-route';
      b.title = msg('map.wholeRoute');
      b.setAttribute('aria-label', msg('map.wholeRoute'));
      b.textContent = '⤢';
      b.addEventListener('click', onClick);
      el.append(b);
      return el;
    },
    onRemove() {
      el?.remove();
    },
  };
}

/** The scale bars' longest, CSS px. */
const SCALE_MAX_PX = 90;

/** What the live map draws in its overlays instead (flight-overlay.ts, dot-overlay.ts), and the sources only they used. */
const OVERLAY_LAYERS = ['aircraft', 'aircraft-halo', 'head-approximate', 'head-reconstructed', 'claims', 'city-dot', 'places'];
const OVERLAY_SOURCES = ['aircraft', 'head', 'claims', 'places', 'context-names'];

export function createStoryMap(o: StoryMapOptions): StoryMap {
  const style = buildStyle({ palette: o.palette, base: o.base, layers: o.layers });
  // The live map draws the moving part in an overlay (see flight-overlay.ts): a source that changes at every
  // slider step costs a worker round trip, a tile reload and a redraw of the whole map. An export keeps the
  // map layers, so the aircraft is in the picture.
  const live = o.interactive ?? true;
  // Its names and the crash mark are text and a button over the canvas (labels.ts): no symbol layer, no font.
  if (live) {
    style.layers = style.layers.filter((l) => !OVERLAY_LAYERS.includes(l.id) && l.type !== 'symbol');
    for (const id of OVERLAY_SOURCES) delete style.sources[id];
    // The cities' names and dots are over the canvas, with no source of their own: their credit goes with the basemap's.
    const basemap = style.sources.basemap as { attribution?: string };
    basemap.attribution = `${basemap.attribution}, ${CITY_NAMES_CREDIT}`;
    delete (style as { 'font-faces'?: unknown })['font-faces'];
  }
  const padding = o.padding ?? 40;
  const map = new maplibregl.Map({
    container: o.container,
    style,
    ...(o.camera
      ? { center: o.camera.center, zoom: o.camera.zoom, bearing: o.camera.bearing, pitch: o.camera.pitch }
      : { bounds: o.layers.frame, fitBoundsOptions: { padding } }),
    interactive: live,
    locale: controlWords(),
    cooperativeGestures: o.cooperativeGestures ?? false,
    attributionControl: o.attribution === false ? false : { compact: true, customAttribution: msg('map.attribution') },
    ...(o.constrainBounds === false ? {} : { maxBounds: o.layers.maxBounds }),
    minZoom: 3,
    maxZoom: 12,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    fadeDuration: 0,
    // Our own style, built from the symbology table and validated by a unit test (theme/symbology.test.ts): MapLibre
    // need not validate it again at every load.
    validateStyle: false,
    ...(o.pixelRatio ? { pixelRatio: o.pixelRatio } : {}),
    ...(o.maxCanvasSize ? { maxCanvasSize: o.maxCanvasSize } : {}),
    canvasContextAttributes: { preserveDrawingBuffer: o.preserveDrawingBuffer ?? false, antialias: o.antialias ?? false },
  });
  skipAbsentSky(map); // before the first frame: no sky, no sky pass (sky.ts)
  map.touchZoomRotate.disableRotation();
  if (live) {
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    // The reader's own choice of view: told as a reader's move (originalEvent), like the zoom buttons.
    map.addControl(
      resetControl((e) => map.fitBounds(o.layers.frame, { padding: clearPadding(), duration: 700 }, { originalEvent: e })),
      'top-right',
    );
  }
  map.addControl(scaleControl('metric', SCALE_MAX_PX), 'bottom-right');
  map.addControl(scaleControl('nautical', SCALE_MAX_PX), 'bottom-right');

  // Icons only for an export: the live map has no symbol layer.
  const icons = () => live || addIcons(map, o.palette, o.iconRatio);
  icons();
  map.on('styleimagemissing', icons);

  const story = { layers: o.layers, track: o.track };
  const labels = live ? mapLabels(map, sceneOf(story, wholeRoute(o.track)), o.palette, o.onSelect) : null;
  /** The padding, widened past an open legend, for framing a place or the route. */
  const clearPadding = () => {
    const p = typeof padding === 'number' ? { top: padding, bottom: padding, left: padding, right: padding } : padding;
    const c = map.getContainer();
    return labels ? paddingClearOf(p, labels.covers(), { width: c.clientWidth, height: c.clientHeight }) : p;
  };
  /**
   * What covers the map, for the story camera: the boxes of its controls and of what the page marks
   * `data-map-obstacle` (the legend), in its CSS px. A scale bar counts at its longest, anchored at the right as it
   * is drawn (its length follows the zoom: the frame must not depend on where the map came from); the
   * attribution by its button; "Follow the
   * story" is left out, as it leaves when the story takes the camera back. Read only when a frame is shown.
   */
  const covers = (): Cover[] => {
    const c = map.getContainer();
    const at = c.getBoundingClientRect();
    const els = [...c.querySelectorAll('.maplibregl-ctrl'), ...(c.parentElement?.querySelectorAll('[data-map-obstacle]:not(#follow-story)') ?? [])];
    return els.flatMap((e) => {
      const r = e.getBoundingClientRect();
      if (!(r.width > 0 && r.height > 0)) return [];
      // The attribution counts folded, its button in the corner: it opens only for a while (when asked, and as it is made).
      const b = e.classList.contains('maplibregl-ctrl-attrib') ? e.querySelector('.maplibregl-ctrl-attrib-button')?.getBoundingClientRect() : undefined;
      if (b && b.width > 0) return [{ x: r.right - at.left - b.width, y: r.bottom - at.top - b.height, width: b.width, height: b.height }];
      const width = e.classList.contains('maplibregl-ctrl-scale') ? Math.max(r.width, SCALE_MAX_PX) : r.width;
      return [{ x: r.right - at.left - width, y: r.top - at.top, width, height: r.height }];
    });
  };
  const dots = live ? dotOverlay(map, o.palette) : null; // under the aircraft's
  const overlay = live ? flightOverlay(map, o.palette) : null;
  let current: Scene | null = null;
  /** What the map's feature state says now (edge index → flown; an export's claim id → shown): only what differs is changed. */
  const flownState = new Map<number, boolean>();
  const shownState = new Map<number | string, boolean>();

  /** Draws the scene: the aircraft, its ring and head (overlay or layers), the flown edges, the claims and names shown. */
  const applyScene = () => {
    const sc = current;
    if (!sc || !map.getSource('track')) return;
    const a = sc.aircraft,
      h = sc.head;
    if (overlay) overlay.set(a && { aircraft: a, head: h });
    else {
      const none = { type: 'FeatureCollection' as const, features: [] };
      (map.getSource('aircraft') as maplibregl.GeoJSONSource).setData(
        a
          ? { type: 'Feature', geometry: { type: 'Point', coordinates: a.at }, properties: { bearing: a.bearing, r0: kmToPixels(a.uncertaintyKm, a.at[1], 0) } }
          : none, // the live overlay's ring, to the pixel
      );
      (map.getSource('head') as maplibregl.GeoJSONSource).setData(
        h ? { type: 'Feature', geometry: { type: 'LineString', coordinates: [h.from, h.to] }, properties: { certainty: h.certainty } } : none,
      );
    }
    for (const e of sc.track) {
      if ((flownState.get(e.index) ?? false) === e.flown) continue;
      map.setFeatureState({ source: 'track', id: e.index }, { flown: e.flown });
      flownState.set(e.index, e.flown);
    }
    if (dots) dots.set(sc);
    else
      for (const f of sc.features) {
        if (f.role !== 'claim' || shownState.get(f.fid) === f.shown) continue;
        map.setFeatureState({ source: 'claims', id: f.fid }, { shown: f.shown });
        shownState.set(f.fid, f.shown);
      }
    labels?.setScene(sc);
  };

  const setScene = (sc: Scene) => {
    current = sc;
    if (map.loaded() || map.getSource('track')) applyScene();
  };

  const reapplyAll = () => {
    flownState.clear();
    shownState.clear();
    applyScene();
  };

  const ready = new Promise<void>((resolve) => {
    // The moment goes in as soon as the style has its sources, before their first tiles: those are then made
    // with its feature state, rather than drawn once without and again with it.
    map.once('style.load', reapplyAll);
    map.once('load', () => {
      // Start with the attribution folded (it stays one tap away, and the page credits Natural Earth).
      o.container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
      map.once('idle', () => resolve());
    });
  });

  // A feature's sources, over the map: a non-modal dialog that keeps inside the map (below).
  const popup = new maplibregl.Popup({
    closeButton: true,
    maxWidth: `${POPUP_MAX_WIDTH}px`,
    padding: { top: POPUP_EDGE, bottom: POPUP_EDGE, left: POPUP_EDGE, right: POPUP_EDGE },
    focusAfterOpen: false,
    className: 'info-popup',
  });

  if (o.onSelect) {
    const pad = 6;
    /** The story feature under a point of the map: a dot (the overlay's), else the topmost clickable layer's. */
    const hitAt = (point: maplibregl.Point): string | null => {
      const dot = dots?.pick(point, pad);
      if (dot) return dot.id;
      const box: [maplibregl.PointLike, maplibregl.PointLike] = [
        [point.x - pad, point.y - pad],
        [point.x + pad, point.y + pad],
      ];
      const layers = CLICKABLE_LAYERS.filter((l) => map.getLayer(l));
      const order = (id: string) => CLICKABLE_LAYERS.indexOf(id);
      const visible = map.queryRenderedFeatures(box, { layers }); // the live map's: no claim among them (its dots are above)
      visible.sort((a, b) => order(a.layer.id) - order(b.layer.id));
      return visible[0] ? String(visible[0].properties.id) : null;
    };
    map.on('click', (e) => {
      const id = hitAt(e.point);
      if (id) o.onSelect!(id, [e.lngLat.lng, e.lngLat.lat]);
    });
    // A pointer over what a click would open; asked once per frame at most, as the pointer moves.
    let over: maplibregl.Point | null = null;
    map.on('mousemove', (e) => {
      if (!over)
        requestAnimationFrame(() => {
          if (over && map.getCanvas().isConnected) map.getCanvas().style.cursor = hitAt(over) ? 'pointer' : '';
          over = null;
        });
      over = e.point;
    });
    map.on('mouseout', () => {
      over = null;
      map.getCanvas().style.cursor = '';
    });
  }

  // A move the reader made carries the DOM event that made it; our own easeTo and fitBounds do not.
  map.on('movestart', (e) => {
    if ((e as { originalEvent?: Event }).originalEvent) o.onReaderMove?.();
  });

  let removed = false; // map.remove() loses its own context on purpose: that is no loss to report
  map.on('webglcontextlost', () => removed || o.onContextLost?.());
  // MapLibre rebuilds the style from a snapshot, which drops feature state (the flown edges; an export's claims shown)
  // and is still loading when this fires (feature state would throw): the moment is applied again once it is drawn.
  map.on('webglcontextrestored', () => {
    map.once('idle', () => {
      icons();
      reapplyAll();
      o.onContextRestored?.();
    });
  });
  map.on('error', (e) => {
    const err = e as maplibregl.ErrorEvent & { sourceId?: string };
    const msg = String(err.error?.message ?? err.error ?? '');
    if (err.sourceId === 'basemap' || /basemap/.test(msg)) o.onResourceError?.('basemap');
    else if (/font|woff/i.test(msg)) o.onResourceError?.('font');
    else console.warn('map error:', msg);
  });

  return {
    ready,
    map,
    style,
    setScene,
    setMoment(m) {
      setScene(sceneOf(story, m));
    },
    showInfo(lngLat, content) {
      // Focus moves into the popup; when it closes (its button, or Escape), it goes back to where the reader was.
      const back = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : map.getCanvas();
      popup.once('close', () => {
        if (!document.activeElement || document.activeElement === document.body || content.contains(document.activeElement))
          back.focus({ preventScroll: true });
      });
      // It fits in the map: no wider than the map allows, no taller than the room on the side MapLibre puts it (the
      // side with more room, when it fits there); a long text scrolls inside it, under its close button.
      const c = map.getContainer();
      const fit = popupFit({ width: c.clientWidth, height: c.clientHeight }, map.project(lngLat));
      popup.setMaxWidth(`${fit.maxWidth}px`);
      content.style.maxHeight = `${fit.maxHeight}px`;
      content.classList.add('popup-body');
      content.tabIndex = -1; // focused as a whole: its name first, then its links in order; arrows scroll it
      popup.setLngLat(lngLat).setDOMContent(content).addTo(map);
      const el = popup.getElement();
      el.setAttribute('role', 'dialog');
      el.setAttribute('aria-label', content.querySelector('.fi-title')?.textContent ?? '');
      el.addEventListener('keydown', (e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        popup.remove();
      });
      content.focus({ preventScroll: true });
    },
    focus(id, animate = true) {
      const b = featureBounds(o.layers, id);
      if (!b) return false;
      map.fitBounds(b, { padding: clearPadding(), maxZoom: 9.5, animate, duration: 900 });
      return true;
    },
    aircraft() {
      return overlay ? (overlay.shown?.aircraft.at ?? null) : null;
    },
    dots: () => dots?.shown() ?? [],
    camera() {
      const c = map.getCenter();
      return { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
    },
    view() {
      const c = map.getContainer();
      return { width: c.clientWidth, height: c.clientHeight, padding: clearPadding(), covers: live ? covers() : [] };
    },
    moveTo(camera, animate) {
      if (animate) map.easeTo({ center: camera.center, zoom: camera.zoom, duration: 900 });
      else map.jumpTo({ center: camera.center, zoom: camera.zoom });
    },
    still() {
      const gl = map.painter?.context?.gl;
      if (!gl || gl.isContextLost()) return null;
      const src = map.getCanvas();
      const box = document.createElement('div');
      box.className = 'map-still';
      const copy = document.createElement('canvas');
      copy.width = src.width;
      copy.height = src.height;
      try {
        map.redraw(); // the drawing buffer is only readable in the task that drew it
        copy.getContext('2d')?.drawImage(src, 0, 0);
      } catch {
        return null;
      }
      box.append(copy);
      // The dots, the names, the crash mark and the aircraft are DOM over the canvas: copies of them, inert.
      for (const el of o.container.querySelectorAll('.dot-overlay, .map-labels, .crash-mark, .flight-overlay')) {
        const c = el.cloneNode(true) as HTMLElement;
        c.setAttribute('aria-hidden', 'true');
        c.removeAttribute('id');
        if (c instanceof HTMLButtonElement) c.tabIndex = -1;
        box.append(c);
      }
      return box;
    },
    destroy() {
      removed = true;
      overlay?.remove();
      dots?.remove();
      labels?.remove();
      map.remove();
    },
  };
}
