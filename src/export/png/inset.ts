/**
 * The insets of an exported PNG (src/export/core/inset.ts lays them out): each a small map drawn off-screen
 * after the main one, on the same map (render.ts renderExportMaps), then put in its box, in a frame; the locator with the main map's extent, the detail
 * with its own scale bar. DOM (canvas 2D); MapLibre through render.ts only.
 */
import { locatorNames, type InsetView, type Land, type LocatorName } from '../core/inset';
import type { ExportTheme } from '../core/theme';
import type { MapRenderRequest } from './render';
import { insetPolygon } from '../core/camera';
import { canvasMeasure, drawText, EXPORT_FONT } from './compose';
import { NAMES } from '../../theme/symbology';

/**
 * What the locator's map draws: the basemap (no story layer, no country name). Its seas' names are drawn after
 * the box of the main map's extent, clear of its lines (core/inset.ts locatorNames).
 */
export const LOCATOR_LAYERS = ['water', 'land', 'lake', 'coast', 'border'] as const;

/** A name with its halo, in the export's font (the sea's symbology). */
function drawName(ctx: CanvasRenderingContext2D, n: LocatorName, fill: string, halo: string, haloWidth: number) {
  ctx.save();
  ctx.font = `${NAMES.sea.weight} ${n.size}px "${EXPORT_FONT}"`;
  ctx.letterSpacing = `${n.letterSpacing}px`;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 2 * haloWidth;
  ctx.strokeStyle = halo;
  ctx.strokeText(n.text, n.x, n.baseline);
  ctx.fillStyle = fill;
  ctx.fillText(n.text, n.x, n.baseline);
  ctx.restore();
}

export type InsetRenderBase = Omit<MapRenderRequest, 'camera' | 'rect' | 'keepInside' | 'only' | 'onProgress' | 'target'>;

/**
 * The insets' map requests, each drawn into a canvas of its own (render.ts draws them after the main map, on the
 * same off-screen map); drawInsets then puts them over the main map in their frames. The maps are opaque, so
 * drawn over the main map they replace its pixels exactly.
 */
export function insetRequests(views: readonly InsetView[], base: InsetRenderBase): { requests: MapRenderRequest[]; canvases: HTMLCanvasElement[] } {
  const canvases = views.map((v) => {
    const c = document.createElement('canvas');
    c.width = v.map.w;
    c.height = v.map.h;
    return c;
  });
  const requests = views.map((v, i) => ({
    ...base,
    target: canvases[i]!.getContext('2d', { willReadFrequently: true })!,
    camera: v.camera,
    rect: { x: 0, y: 0, w: v.map.w, h: v.map.h },
    keepInside: insetPolygon(v.camera, v.map.w, v.map.h, base.ratio, v.keepInside),
    ...(v.kind === 'locator' ? { only: LOCATOR_LAYERS } : {}),
  }));
  return { requests, canvases };
}

/** Draws each inset over the finished main map: its frame, its map (drawn from insetRequests), its marks. */
export function drawInsets(
  ctx: CanvasRenderingContext2D,
  views: readonly InsetView[],
  maps: readonly HTMLCanvasElement[],
  base: Pick<InsetRenderBase, 'ratio' | 'palette' | 'scene'> & { land: Land | null },
  theme: ExportTheme,
): void {
  const { ratio } = base;
  for (const [i, v] of views.entries()) {
    // The frame: a hairline box in the text colour, as a Datawrapper inset.
    ctx.save();
    ctx.fillStyle = theme.text;
    ctx.fillRect(v.box.x, v.box.y, v.box.w, v.box.h);
    ctx.restore();
    ctx.drawImage(maps[i]!, v.map.x, v.map.y);
    if (v.extent) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(v.map.x, v.map.y, v.map.w, v.map.h);
      ctx.clip();
      ctx.beginPath();
      v.extent.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
      ctx.lineJoin = 'miter';
      ctx.lineWidth = 3.5 * ratio;
      ctx.strokeStyle = theme.background;
      ctx.stroke();
      ctx.lineWidth = 1.75 * ratio;
      ctx.strokeStyle = theme.accent;
      ctx.stroke();
      ctx.restore();
    }
    const c = base.palette;
    for (const n of locatorNames(v, base.scene.names, ratio, canvasMeasure(ctx), base.land))
      drawName(ctx, n, c[NAMES.sea.colour], c[NAMES.sea.halo], NAMES.sea.haloWidth * ratio);
    if (v.scale) {
      const S = v.scale;
      const tick = 4 * ratio;
      ctx.save();
      ctx.lineCap = 'butt';
      for (const [w, colour] of [
        [3.5 * ratio, theme.background],
        [1.25 * ratio, theme.text],
      ] as const) {
        ctx.beginPath();
        ctx.moveTo(S.x, S.y - tick);
        ctx.lineTo(S.x, S.y);
        ctx.lineTo(S.x + S.px, S.y);
        ctx.lineTo(S.x + S.px, S.y - tick);
        ctx.lineWidth = w;
        ctx.strokeStyle = colour;
        ctx.stroke();
      }
      ctx.restore();
      const t = {
        lines: [S.label],
        x: S.x + S.px + S.gap,
        y: S.y + S.fontSize * 0.357,
        size: S.fontSize,
        lineHeight: S.fontSize,
        weight: 600 as const,
        colour: 'text' as const,
      };
      // A halo for the label, as the map's names have.
      ctx.save();
      ctx.shadowColor = theme.background;
      ctx.shadowBlur = 3 * ratio;
      drawText(ctx, t, theme);
      drawText(ctx, t, theme);
      ctx.restore();
    }
  }
}
