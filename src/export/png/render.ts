/**
 * The map of an exported picture, drawn off-screen at the target size: a second, hidden map made by
 * createStoryMap (same style, the scene drawn through setScene) at the picture's pixel ratio, never a
 * screenshot of the window.
 *
 * MapLibre lowers the pixel ratio without a word when the canvas would pass maxCanvasSize (#8200): so
 * every render's canvas is checked against the size asked, and a map larger than the largest canvas is
 * drawn in tiles, each a camera offset of the same view, overlapped and cropped to the pixel. If a render
 * still comes out smaller, the tiles are made smaller and it is tried again; a smaller picture is never
 * handed over.
 */
import type { ExpressionSpecification, FilterSpecification, GeoJSONSource, Map as MlMap, StyleSpecification } from 'maplibre-gl';
import type { Polygon } from 'geojson';
import type { StoryLayers } from '../../scene/layers';
import type { TrackModel } from '../../track/interpolate';
import type { Palette } from '../../theme/palette';
import { CRASH_ICON, iconPathD } from '../../theme/symbology';
import { renderCenter, type Camera } from '../core/camera';
import { planTiles, type Rect } from '../core/tiles';
import { createStoryMap, type StoryMap } from '../../map/story-map';
import { buildStyle, EDGE_CLIPPED_LAYERS } from '../../map/style';
import type { Scene } from '../../scene/scene';
import { ExportError } from '../core/errors';

/**
 * The layers that draw the map's names (and the dots that go with them): each feature's scene name id (as
 * src/scene/scene.ts sceneNames makes it), the list of MapRenderRequest.names it must be in, and whether it is
 * a name drawn without MapLibre's collisions once placed.
 */
const NAME_LAYERS: readonly (readonly [string, ExpressionSpecification, keyof NonNullable<MapRenderRequest['names']>, boolean])[] = [
  ['country-label', ['get', 'id'], 'context', true],
  ['sea-label', ['concat', 'sea:', ['get', 'name']], 'context', true],
  ['republic-label', ['get', 'id'], 'context', true],
  ['city-label', ['get', 'id'], 'context', true],
  ['city-dot', ['get', 'id'], 'cityDots', false],
  ['places', ['concat', 'place:', ['get', 'id']], 'placeDots', false],
  ['places-label', ['concat', 'place:', ['get', 'id']], 'story', true],
  ['crash-label', ['concat', 'place:', ['get', 'id']], 'story', true],
];

/** The layers of the airports' and the crash site's names: drawn at the anchor and offset placed beforehand. */
const STORY_NAME_LAYERS = ['places-label', 'crash-label'];

/** The crash ✕'s strokes: a layer the style does not have (splitCrashMark). */
const CRASH_MARK_LAYER = 'crash-site-mark';

/**
 * The crash ✕ in two layers, its halo under the airports' rings and its strokes over them: at the whole route's
 * scale the ✕ sits next to Aktau's ring, and its 7 px halo would hide half the ring (issue 12). The ✕ is drawn
 * from the symbology table (CRASH_ICON) as the map's icon is, in two images: the halo, then the mark.
 */
function splitCrashMark(m: MlMap, c: Palette, ratio: number): void {
  if (!m.getLayer('crash-site') || !m.getLayer('places')) return;
  const I = CRASH_ICON;
  const px = Math.ceil(I.size * ratio);
  const image = (width: number, colour: string): ImageData => {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    ctx.canvas.width = ctx.canvas.height = px;
    ctx.scale(px / I.size, px / I.size);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = width;
    ctx.strokeStyle = colour;
    ctx.stroke(new Path2D(iconPathD(I.path)));
    return ctx.getImageData(0, 0, px, px);
  };
  const opts = { pixelRatio: px / I.size };
  m.addImage('crash-halo', image(I.haloWidth, c[I.halo]), opts);
  m.addImage('crash-mark', image(I.width!, c[I.colour]), opts);
  const layer = m.getLayer('crash-site')!;
  m.addLayer(
    {
      id: CRASH_MARK_LAYER,
      type: 'symbol',
      source: 'places',
      filter: m.getFilter('crash-site') as FilterSpecification,
      layout: { 'icon-image': 'crash-mark', 'icon-size': 1, 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    },
    m.getStyle().layers[m.getStyle().layers.findIndex((l) => l.id === layer.id) + 1]?.id,
  );
  m.setLayoutProperty('crash-site', 'icon-image', 'crash-halo');
  m.moveLayer('crash-site', 'places');
}

/** The largest map canvas used before tiling: MapLibre's default maxCanvasSize; smaller with a software GPU. */
export const DEFAULT_MAX_TILE = 4096;
export const SOFTWARE_MAX_TILE = 2048;
const IDLE_TIMEOUT_MS = 90_000;

export interface MapRenderRequest {
  layers: StoryLayers;
  track: TrackModel;
  palette: Palette;
  base: string;
  /** What is drawn (src/scene/scene.ts). */
  scene: Scene;
  /** The whole map's camera (CSS pixels of a mapW / ratio × mapH / ratio view). */
  camera: Camera;
  ratio: number;
  /** Where to draw, in the target canvas's pixels. */
  target: CanvasRenderingContext2D;
  rect: Rect;
  /** Context labels and airports are drawn only inside this area (so the picture's edge never cuts one). */
  keepInside?: Polygon;
  /**
   * The names drawn, by scene name id, as placed beforehand (core/map-names.ts): the context names (countries,
   * seas, republics, cities), the named cities' dots, the airports' and crash site's names and the airports' rings.
   * Each of their layers draws only these, without MapLibre's collisions (the placement has kept them apart and
   * clear of the marks, the legend, scale bars and insets), the airports' and crash site's names each at the
   * anchor and offset on its feature (withPlaceNames: labelAnchor, labelOffset), so the PNG names what the SVG/PDF
   * names, where it names it. All, with MapLibre's collisions and variable anchors, when absent.
   */
  names?: { context: readonly string[]; cityDots: readonly string[]; story: readonly string[]; placeDots: readonly string[] };
  /** Tests only: the airports' and crash site's names are placed but not drawn (what the picture is without them). */
  hideStoryNames?: boolean;
  /** Tests only: the countries', seas', republics' and cities' names are placed but not drawn. */
  hideContextNames?: boolean;
  /**
   * The claims' names are placed beforehand (core/claim-names.ts, withClaimNames: each claim's lines, anchor and
   * offset in its properties) and drawn as placed, never hidden by a collision.
   */
  claimsPlaced?: boolean;
  /** Only these layers are drawn (an inset's locator: the basemap alone); all when absent. */
  only?: readonly string[];
  /** Largest canvas side to use (default 4096, 2048 with a software GPU; never more than the GPU allows). */
  maxTile?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface MapRenderResult {
  /** Milliseconds until the first view was drawn, and for all the tiles. */
  readyMs: number;
  tilesMs: number;
  tiles: number;
  canvas: [number, number];
  maxTile: number;
}

/** The GPU's limit for a canvas side (texture, renderbuffer, viewport), and whether it is a software GPU. */
export function gpuLimits(): { maxSide: number; software: boolean } {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) throw new ExportError('export.error.webgl');
  const vp = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
  const maxSide = Math.min(gl.getParameter(gl.MAX_TEXTURE_SIZE) as number, gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number, vp[0]!, vp[1]!);
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { maxSide, software: /swiftshader|llvmpipe|software/i.test(renderer) };
}

/** Waits for `p`, for at most IDLE_TIMEOUT_MS, unless the export is cancelled or a resource fails. */
function wait<T>(p: Promise<T>, what: { part: number; total: number } | null, failed: Promise<never>, signal?: AbortSignal): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const limits = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ExportError(what ? 'export.error.timeoutPart' : 'export.error.timeout', { ...what, seconds: IDLE_TIMEOUT_MS / 1000 })),
      IDLE_TIMEOUT_MS,
    );
    onAbort = () => reject(new ExportError('export.cancelled'));
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([p, limits, failed]).finally(() => {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  });
}

/**
 * The pixels of a region of the map's canvas, read straight from its WebGL drawing buffer (kept by
 * preserveDrawingBuffer). Much faster than drawImage from a WebGL canvas with a software GPU, and exact:
 * the map is opaque, so premultiplied and straight alpha agree. GL state touched is restored.
 */
function readPixels(canvas: HTMLCanvasElement, x: number, y: number, w: number, h: number): ImageData {
  const gl = canvas.getContext('webgl2');
  if (!gl) throw new ExportError('export.error.unreadable');
  const fb = gl.getParameter(gl.READ_FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
  const pack = gl.getParameter(gl.PIXEL_PACK_BUFFER_BINDING) as WebGLBuffer | null;
  const align = gl.getParameter(gl.PACK_ALIGNMENT) as number;
  const buf = new Uint8Array(w * h * 4);
  try {
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, null);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    gl.pixelStorei(gl.PACK_ALIGNMENT, 4);
    // GL rows run bottom to top.
    gl.readPixels(x, canvas.height - y - h, w, h, gl.RGBA, gl.UNSIGNED_BYTE, buf);
  } finally {
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, fb);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, pack);
    gl.pixelStorei(gl.PACK_ALIGNMENT, align);
  }
  const err = gl.getError();
  if (err !== gl.NO_ERROR) throw new ExportError('export.error.unreadableGl', { code: err });
  const img = new ImageData(w, h);
  const row = w * 4;
  for (let r = 0; r < h; r++) img.data.set(buf.subarray((h - 1 - r) * row, (h - r) * row), r * row);
  return img;
}

/**
 * MapLibre puts every dash pattern in one texture, in the order the tiles happen to ask for them, so
 * the patterns' places (and a few antialiased pixels of dashed lines) change from run to run. Adding
 * them first, in the style's order, makes the picture the same every time. Uses MapLibre's line atlas
 * (internal); without it the picture is still right, only not always byte-identical.
 */
function registerDashes(sm: StoryMap, style: StyleSpecification): void {
  const atlas = (sm.map as unknown as { style?: { lineAtlas?: { getDash?: (d: number[], round: boolean) => unknown } } }).style?.lineAtlas;
  if (typeof atlas?.getDash !== 'function') return;
  for (const l of style.layers) {
    if (l.type !== 'line') continue;
    const dash = l.paint?.['line-dasharray'];
    if (Array.isArray(dash) && dash.every((n) => typeof n === 'number')) atlas.getDash([...(dash as number[])], l.layout?.['line-cap'] === 'round');
  }
}

/** The layout properties a view may change (render.ts sets them per view and puts them back for the next). */
const VIEW_LAYOUT = [
  'visibility',
  'text-variable-anchor',
  'text-radial-offset',
  'text-allow-overlap',
  'text-anchor',
  'text-offset',
  'text-justify',
  'text-max-width',
] as const;

/**
 * Makes the map draw one view's request: its data (the names placed for it are in the claims' and places'
 * properties), which names and layers are drawn, and what is kept inside the picture. Every filter and layout
 * property a view may change is first put back as the style has it, so each view is drawn as if on a new map.
 */
function configureView(m: MlMap, style: StyleSpecification, req: MapRenderRequest, sources: Record<string, string>): void {
  // The story's data for this view, where it differs from the last view's (a GeoJSON source's setData).
  const next = buildStyle({ palette: req.palette, base: req.base, layers: req.layers }).sources;
  for (const [id, src] of Object.entries(next)) {
    if (src.type !== 'geojson' || typeof src.data === 'string' || !m.getSource(id)) continue;
    const json = JSON.stringify(src.data);
    if (sources[id] === json) continue;
    if (sources[id] !== undefined) (m.getSource(id) as GeoJSONSource).setData(src.data as never);
    sources[id] = json;
  }
  for (const l of style.layers) {
    if (!m.getLayer(l.id)) continue;
    if ('filter' in l || m.getFilter(l.id)) m.setFilter(l.id, ((l as { filter?: FilterSpecification }).filter ?? null) as FilterSpecification | null);
    const layout = (l as { layout?: Record<string, unknown> }).layout ?? {};
    for (const k of VIEW_LAYOUT) {
      if (k !== 'visibility' && l.type !== 'symbol') continue;
      m.setLayoutProperty(l.id, k, (layout[k] ?? (k === 'visibility' ? 'visible' : undefined)) as never);
    }
  }
  // The same labels in every tile: MapLibre tries a label's anchors in turn and keeps the one it used
  // in the previous view, so a label near a tile's edge could land on either side of its point; one
  // anchor each (the first, as in a whole view) and no hiding by collision keep them where they are.
  for (const l of style.layers) {
    if (l.type !== 'symbol') continue;
    const anchors = l.layout?.['text-variable-anchor'];
    if (Array.isArray(anchors) && anchors.length > 1) {
      m.setLayoutProperty(l.id, 'text-variable-anchor', [anchors[0]] as typeof anchors);
      m.setLayoutProperty(l.id, 'text-allow-overlap', true);
    }
  }
  if (req.claimsPlaced && m.getLayer('claims-label')) {
    m.setLayoutProperty('claims-label', 'text-anchor', ['get', 'labelAnchor']);
    m.setLayoutProperty('claims-label', 'text-offset', ['get', 'labelOffset']);
    m.setLayoutProperty('claims-label', 'text-justify', 'auto');
    m.setLayoutProperty('claims-label', 'text-max-width', 1000); // the lines are broken already
    m.setLayoutProperty('claims-label', 'text-allow-overlap', true);
  }
  if (req.only) for (const l of style.layers) if (!req.only.includes(l.id) && m.getLayer(l.id)) m.setLayoutProperty(l.id, 'visibility', 'none');
  // The ✕'s strokes, a layer the style does not have (splitCrashMark), are shown where its halo's layer is: an inset's
  // locator (the basemap alone) drew the strokes of a ✕ with no halo, which the SVG and the PDF do not draw.
  if (m.getLayer(CRASH_MARK_LAYER)) m.setLayoutProperty(CRASH_MARK_LAYER, 'visibility', m.getLayoutProperty('crash-site', 'visibility') ?? 'visible');
  if (req.names) {
    const ids = req.names;
    for (const [id, key, list, overlap] of NAME_LAYERS) {
      if (!m.getLayer(id)) continue;
      const f = m.getFilter(id);
      const only = ['in', key, ['literal', [...ids[list]]]];
      m.setFilter(id, (f ? ['all', f, only] : only) as FilterSpecification);
      if (overlap) m.setLayoutProperty(id, 'text-allow-overlap', true);
      if (req.hideContextNames && list === 'context') m.setLayoutProperty(id, 'visibility', 'none');
    }
    // The story's names at the anchor chosen for each (no variable anchor): the PNG draws what the SVG/PDF draws.
    for (const id of STORY_NAME_LAYERS) {
      if (!m.getLayer(id)) continue;
      m.setLayoutProperty(id, 'text-variable-anchor', undefined);
      m.setLayoutProperty(id, 'text-radial-offset', undefined);
      m.setLayoutProperty(id, 'text-anchor', ['get', 'labelAnchor']);
      m.setLayoutProperty(id, 'text-offset', ['get', 'labelOffset']);
      m.setLayoutProperty(id, 'text-max-width', 1000); // one line, as placed
      if (req.hideStoryNames) m.setLayoutProperty(id, 'visibility', 'none');
    }
  }
  if (req.keepInside) {
    const area = req.keepInside;
    for (const id of EDGE_CLIPPED_LAYERS) {
      if (!m.getLayer(id)) continue;
      const f = m.getFilter(id);
      m.setFilter(id, (f ? ['all', f, ['within', area]] : ['within', area]) as FilterSpecification);
    }
  }
}

/**
 * Draws the views (the main map, then each inset) one after the other on one off-screen map: its WebGL context,
 * shader programs, the worker's basemap and the names' glyphs are made once, not once a view (with a software GPU
 * that start was most of an inset's time). The map takes each view's size, data, names and camera in turn.
 */
async function renderOnce(reqs: readonly MapRenderRequest[], maxTile: number): Promise<MapRenderResult[]> {
  const first = reqs[0]!;
  const { ratio } = first;
  const plans = reqs.map((r) => planTiles(r.rect.w, r.rect.h, ratio, maxTile));
  // Off-screen, but laid out (never display: none, or the map has no size).
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  const size = (p: (typeof plans)[number]) =>
    (container.style.cssText = `position:fixed;left:-${p.cssW + 1000}px;top:0;width:${p.cssW}px;height:${p.cssH}px;pointer-events:none;visibility:hidden;contain:strict;`);
  size(plans[0]!);
  document.body.append(container);
  let fail: (e: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {}); // handled where it is raced
  let sm: StoryMap | null = null;
  const results: MapRenderResult[] = [];
  try {
    sm = createStoryMap({
      container,
      layers: first.layers,
      track: first.track,
      palette: first.palette,
      base: first.base,
      interactive: false,
      attribution: false,
      pixelRatio: ratio,
      preserveDrawingBuffer: true,
      antialias: false,
      maxCanvasSize: [maxTile, maxTile],
      constrainBounds: false,
      iconRatio: Math.max(2, ratio),
      onResourceError: (what) => fail(new ExportError(what === 'basemap' ? 'export.error.basemap' : 'export.error.mapFont')),
    });
    const style = sm.style; // built once, by createStoryMap
    registerDashes(sm, style);
    const m = sm.map;
    const sources: Record<string, string> = {};
    m.once('load', () => {
      splitCrashMark(m, first.palette, Math.max(2, ratio));
      configureView(m, style, first, sources);
    });
    for (const [v, req] of reqs.entries()) {
      const plan = plans[v]!;
      const at = (origin: { x: number; y: number }) => ({
        center: renderCenter(req.camera, req.rect.w, req.rect.h, ratio, origin, plan.canvasW, plan.canvasH),
        zoom: req.camera.zoom,
      });
      const t0 = performance.now();
      if (v === 0) {
        m.jumpTo(at(plan.tiles[0]!.origin));
        sm.setScene(req.scene);
        await wait(sm.ready, null, failed, req.signal);
      } else {
        size(plan);
        m.resize();
        configureView(m, style, req, sources);
        m.jumpTo(at(plan.tiles[0]!.origin));
        sm.setScene(req.scene);
        const idle = new Promise<void>((r) => m.once('idle', () => r()));
        m.triggerRepaint();
        await wait(idle, null, failed, req.signal);
      }
      const t1 = performance.now();
      const canvas = m.getCanvas();
      for (const [i, tile] of plan.tiles.entries()) {
        if (i > 0) {
          const idle = new Promise<void>((r) => m.once('idle', () => r()));
          m.jumpTo(at(tile.origin));
          m.triggerRepaint();
          await wait(idle, { part: i + 1, total: plan.tiles.length }, failed, req.signal);
        }
        if (canvas.width !== plan.canvasW || canvas.height !== plan.canvasH) {
          throw new ClampError(canvas.width, canvas.height, plan.canvasW, plan.canvasH);
        }
        const { core, origin } = tile;
        req.target.putImageData(readPixels(canvas, core.x - origin.x, core.y - origin.y, core.w, core.h), req.rect.x + core.x, req.rect.y + core.y);
        req.onProgress?.(i + 1, plan.tiles.length);
      }
      results.push({
        readyMs: Math.round(t1 - t0),
        tilesMs: Math.round(performance.now() - t1),
        tiles: plan.tiles.length,
        canvas: [plan.canvasW, plan.canvasH],
        maxTile,
      });
    }
    return results;
  } finally {
    sm?.destroy();
    container.remove();
  }
}

class ClampError extends ExportError {
  constructor(
    readonly got: number,
    readonly gotH: number,
    readonly wantW: number,
    readonly wantH: number,
  ) {
    super('export.error.clamped', { gotWidth: got, gotHeight: gotH, width: wantW, height: wantH });
  }
}

/**
 * Draws each request's map into its target at its rect, whole or in tiles, one after the other on one map (the
 * requests share the story's track, palette, base and pixel ratio; each has its own data, names, camera and
 * size); throws ExportError rather than draw any smaller.
 */
export async function renderExportMaps(reqs: readonly MapRenderRequest[]): Promise<MapRenderResult[]> {
  if (!reqs.length) return [];
  const req = reqs[0]!;
  // The largest canvas drawn in one go: MapLibre's default 4096, or 2048 with a software GPU (SwiftShader,
  // as in headless Chromium), which draws the same picture about a third faster in tiles; an asked
  // maxTile may be larger (up to the GPU's limit) or smaller (tests).
  const gpu = gpuLimits();
  let maxTile = Math.min(req.maxTile ?? (gpu.software ? SOFTWARE_MAX_TILE : DEFAULT_MAX_TILE), gpu.maxSide);
  for (let attempt = 0; ; attempt++) {
    try {
      return await renderOnce(reqs, maxTile);
    } catch (e) {
      // The canvas came out smaller than asked: draw in smaller tiles (twice at most), else give up and say so.
      if (!(e instanceof ClampError) || attempt >= 2) throw e;
      maxTile = Math.max(512, Math.floor(Math.min(maxTile / 2, Math.max(e.got, e.gotH) * 0.9)));
    }
  }
}

/** Draws the map into req.target at req.rect, whole or in tiles; throws ExportError rather than draw it smaller. */
export async function renderExportMap(req: MapRenderRequest): Promise<MapRenderResult> {
  return (await renderExportMaps([req]))[0]!;
}
