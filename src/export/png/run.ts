/**
 * Makes an exported picture: checks the request, lays the picture out, draws the map off-screen at the
 * target size (src/export/png/render.ts) and composes the title, legend, scale bars and credits around
 * it on one 2D canvas. Loaded only when an export is asked for.
 */
import type { App } from '../../api/flightmap';
import type { Camera } from '../core/camera';
import type { ExportLayout } from '../core/layout';
import { insetColumn, landOf, type InsetView } from '../core/inset';
import { detailMapNames, drawnNames, mainMapNames, withPlaceNames, type MapNames } from '../core/map-names';
import { planExport } from '../core/plan';
import { drawInsets, insetRequests } from './inset';
import { resolveRequest, type ResolvedExport } from '../core/request';
import { exportFilename } from '../core/text';
import { pngDpi, withPngDpi } from '../core/png-dpi';
import { storyLines } from '../../scene/scene';
import { ExportError } from '../core/errors';
import { stopwatch } from '../core/timings';
import { renderExportMaps } from './render';
import { withClaimNames, type PlacedClaimName } from '../core/claim-names';
import { canvasMeasure, drawBackground, drawFurniture, loadExportBasemap, loadExportFonts } from './compose';

export type ExportSource = Pick<App, 'story' | 'track' | 'timelines' | 'getMoment'>;

export interface ExportMeta {
  filename: string;
  width: number;
  height: number;
  ratio: number;
  camera: Camera;
  /** How the map was drawn: the number of renders, each canvas's size, and the largest canvas allowed. */
  tiles: number;
  tileCanvas: [number, number];
  maxTile: number;
  layout: ExportLayout;
  /** The insets drawn (none with `inset: false`, or where the picture has no room). */
  insets: InsetView[];
  /** The claims' names as placed on the main map and in the detail inset (each map's output pixels). */
  claimNames: { map: PlacedClaimName[]; detail: PlacedClaimName[] };
  /** The detail inset's other names drawn (Grozny airport's) and its rings, as placed (its map's output pixels); null without it. */
  detailNames: MapNames | null;
  /** The main map's other names drawn (and the cities' dots), as placed (core/map-names.ts; the map's output pixels). */
  mapNames: MapNames;
  resolved: ResolvedExport;
  /** Milliseconds spent on each step. */
  timings: Record<string, number>;
}

export interface ExportOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export async function renderExport(
  app: ExportSource,
  base: string,
  request: unknown,
  opts: ExportOptions = {},
): Promise<{ canvas: HTMLCanvasElement; meta: ExportMeta }> {
  const r = resolveRequest(request, { timelines: app.timelines, current: () => app.getMoment() });
  if (!r.ok) throw new ExportError(null, r.error);
  const req = r.value;
  const { outWidth: W, outHeight: H, ratio } = req.size;
  const { timings, lap } = stopwatch(() => performance.now());
  // The basemap's land keeps the locator's sea names on their seas (core/inset.ts); MapLibre has fetched it already.
  const [basemap] = await Promise.all([loadExportBasemap(base), loadExportFonts(base)]);
  lap('fonts');

  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx || canvas.width !== W || canvas.height !== H) throw new ExportError('export.error.canvas', { width: W, height: H });

  const measure = canvasMeasure(ctx);
  // The moment, legend, layout, camera, insets and scene: the same plan as the SVG's and the PDF's (core/plan.ts).
  const { theme, legend, layout, layers, slots, camera, insets, scene, bars } = planExport(app, req, measure);
  const { map } = layout;
  // Names are anchored clear of the insets' column (and the picture's edges: core/map-names.ts).
  const column = insetColumn(slots.slots);

  const lines = storyLines(scene); // the names stand off them, on the main map and in the detail
  // The map's names (core/map-names.ts), the SVG/PDF's: the claims' with the live map's fallback, the others
  // drawn only where they are clear of the legend, the scale bars and the insets (and the claims' too).
  // The airports' and crash site's names at the anchors chosen there, clear of the marks (the ✕, the rings, the aircraft).
  const { claims: claimNames, names: mapNames } = mainMapNames({
    layout,
    insets,
    column,
    camera,
    ratio,
    names: scene.names,
    aircraft: scene.aircraft,
    measure,
    lines,
    bare: !!layout.legend, // a claim named without its claimant only where the legend says what its dot is
  });

  // The detail names every claimed point, the name alone first (core/claim-names.ts), and its other names as the
  // SVG/PDF's inset places them (core/map-names.ts detailMapNames).
  const detail = insets.find((v) => v.kind === 'detail');
  const detailNames = detail ? detailMapNames(detail, scene.names, scene.aircraft, ratio, measure, lines, !!layout.legend) : null;
  const insetClaimNames = detailNames?.claims ?? [];
  const inset = insetRequests(insets, {
    layers: detailNames ? withPlaceNames(withClaimNames(layers, insetClaimNames), detailNames.names.story) : layers,
    claimsPlaced: true,
    ...(detailNames ? { names: drawnNames(detailNames.names) } : {}),
    track: app.track,
    palette: theme.palette,
    base,
    scene,
    ratio,
    ...(req.maxTile ? { maxTile: req.maxTile } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });

  lap('layout');
  drawBackground(ctx, { layout, theme });
  // The main map, then the insets' maps, on one off-screen map (render.ts).
  const maps = await renderExportMaps([
    {
      layers: withPlaceNames(withClaimNames(layers, claimNames), mapNames.story),
      claimsPlaced: true,
      track: app.track,
      palette: theme.palette,
      base,
      scene,
      camera,
      ratio,
      names: drawnNames(mapNames),
      hideStoryNames: !req.placeNames,
      hideContextNames: !req.contextNames,
      target: ctx,
      rect: map,
      ...(req.maxTile ? { maxTile: req.maxTile } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    },
    ...inset.requests,
  ]);
  const drawn = maps[0]!;
  timings.mapReady = drawn.readyMs;
  timings.mapTiles = drawn.tilesMs;
  timings.insetMaps = maps.slice(1).reduce((t, d) => t + d.readyMs + d.tilesMs, 0);
  lap('map');
  drawInsets(ctx, insets, inset.canvases, { ratio, palette: theme.palette, scene, land: landOf(basemap) }, theme);
  lap('insets');
  drawFurniture(ctx, { layout, theme, legend, bars });
  lap('furniture');

  if (canvas.width !== W || canvas.height !== H)
    throw new ExportError('export.error.size', { gotWidth: canvas.width, gotHeight: canvas.height, width: W, height: H });
  return {
    canvas,
    meta: {
      filename: exportFilename(req),
      width: W,
      height: H,
      ratio,
      camera,
      tiles: drawn.tiles,
      tileCanvas: drawn.canvas,
      maxTile: drawn.maxTile,
      layout,
      insets,
      claimNames: { map: claimNames, detail: insetClaimNames },
      detailNames: detailNames?.names ?? null,
      mapNames,
      resolved: req,
      timings,
    },
  };
}

/** The function behind `window.flightmap.exportPng` (and the command line): a PNG as a data URL. */
export async function exportPngDataUrl(
  app: ExportSource,
  base: string,
  request: unknown,
): Promise<{ dataUrl: string; width: number; height: number; filename: string; meta: ExportMeta }> {
  const { canvas, meta } = await renderExport(app, base, request);
  const t0 = performance.now();
  // A print size goes through the bytes to say its resolution (png-dpi.ts); a screen size is encoded as before.
  const dataUrl = pngDpi(meta.resolved.size) ? await blobToDataUrl(await pngBlob(canvas, meta)) : canvas.toDataURL('image/png');
  meta.timings.encode = Math.round(performance.now() - t0);
  canvas.width = canvas.height = 0; // free the memory now
  return { dataUrl, width: meta.width, height: meta.height, filename: meta.filename, meta };
}

export function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new ExportError('export.error.encode'))), 'image/png'));
}

/** The picture's PNG file: a print size (A4, A3, Letter, mm) says its dots per inch, so it opens at its size on paper. */
export async function pngBlob(canvas: HTMLCanvasElement, meta: Pick<ExportMeta, 'resolved'>): Promise<Blob> {
  const blob = await canvasToBlob(canvas);
  const dpi = pngDpi(meta.resolved.size);
  if (!dpi) return blob;
  return new Blob([withPngDpi(new Uint8Array(await blob.arrayBuffer()), dpi) as Uint8Array<ArrayBuffer>], { type: 'image/png' });
}

function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(new ExportError('export.error.encode'));
    reader.readAsDataURL(blob);
  });
}
