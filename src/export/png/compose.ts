/**
 * Drawing an exported picture's title, legend, scale bars and credits on a 2D canvas, around the map.
 * DOM (canvas 2D and FontFace), no MapLibre. Text is set in the Noto Sans files shipped with the app,
 * loaded through the FontFace API under a name of their own, so no system font is ever used and the
 * picture is the same on every machine; the arrow, which those files lack, is drawn as a shape.
 */
import type { FeatureCollection } from 'geojson';
import type { ExportLayout, FontWeight, Measure, TextBlock } from '../core/layout';
import { ExportError } from '../core/errors';
import type { ScaleBar } from '../core/scale';
import type { ExportTheme } from '../core/theme';
import { textRuns } from '../core/text';
import { FONT_SUBSETS, FONT_WEIGHTS, fontFile } from '../../theme/fonts';
import { locale } from '../../i18n';
import { LOCALE_FONT_SUBSETS } from '../../i18n/locales';
import type { LegendEntry, SwatchShape } from '../../ui/legend-data';

export const EXPORT_FONT = 'J2 Export Noto Sans';

let fontsLoaded: Promise<void> | null = null;
let basemapCache: Promise<FeatureCollection> | null = null;

/** The basemap (public/basemap/basemap.json), fetched once (forgotten on failure, so a retry can work). */
export function loadExportBasemap(base: string): Promise<FeatureCollection> {
  basemapCache ??= fetch(new URL('basemap/basemap.json', base).href)
    .then((r) => (r.ok ? (r.json() as Promise<FeatureCollection>) : Promise.reject(new Error(String(r.status)))))
    .catch(() => {
      basemapCache = null;
      throw new ExportError('export.error.basemap');
    });
  return basemapCache;
}

/**
 * Loads the three weights of the subsets the page's language needs (src/theme/fonts.ts) once; rejects (and
 * forgets, so a retry can work) if any cannot be loaded. A canvas does not wait for a font, so each is loaded first.
 */
export function loadExportFonts(base: string): Promise<void> {
  fontsLoaded ??= (async () => {
    const subsets = FONT_SUBSETS.filter((s) => LOCALE_FONT_SUBSETS[locale()].includes(s.name));
    const faces = subsets.flatMap((s) =>
      FONT_WEIGHTS.map(
        (weight) =>
          new FontFace(EXPORT_FONT, `url("${new URL(fontFile(s.name, weight), base).href}")`, {
            weight: String(weight),
            style: 'normal',
            unicodeRange: s.unicodeRange,
          }),
      ),
    );
    try {
      await Promise.all(faces.map((f) => f.load()));
    } catch (e) {
      fontsLoaded = null;
      throw new Error(`The export fonts could not be loaded (${(e as Error)?.message ?? e}).`);
    }
    for (const f of faces) document.fonts.add(f);
  })();
  return fontsLoaded;
}

const font = (weight: FontWeight, size: number) => `${weight} ${size}px "${EXPORT_FONT}"`;
const ARROW_EM = 1;

export function canvasMeasure(ctx: CanvasRenderingContext2D): Measure {
  return (text, weight, size) => {
    ctx.font = font(weight, size);
    let w = 0;
    for (const r of textRuns(text)) w += r.kind === 'arrow' ? ARROW_EM * size : ctx.measureText(r.text).width;
    return w;
  };
}

/** A right arrow one em wide on the line's math axis, in the text's colour and weight. */
function drawArrow(ctx: CanvasRenderingContext2D, x: number, baseline: number, size: number, weight: FontWeight) {
  const y = baseline - size * 0.3;
  const x0 = x + size * 0.12,
    x1 = x + size * (ARROW_EM - 0.12);
  ctx.save();
  ctx.lineWidth = size * (weight >= 700 ? 0.085 : weight >= 600 ? 0.075 : 0.062);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = ctx.fillStyle;
  ctx.beginPath();
  ctx.moveTo(x0, y);
  ctx.lineTo(x1, y);
  ctx.moveTo(x1 - size * 0.26, y - size * 0.22);
  ctx.lineTo(x1, y);
  ctx.lineTo(x1 - size * 0.26, y + size * 0.22);
  ctx.stroke();
  ctx.restore();
}

export function drawText(ctx: CanvasRenderingContext2D, t: TextBlock, theme: ExportTheme, align: 'left' | 'right' = 'left') {
  ctx.font = font(t.weight, t.size);
  ctx.fillStyle = t.colour === 'muted' ? theme.muted : theme.text;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  const measure = canvasMeasure(ctx);
  t.lines.forEach((line, i) => {
    const y = t.y + i * t.lineHeight;
    let x = align === 'right' ? t.x - measure(line, t.weight, t.size) : t.x;
    ctx.font = font(t.weight, t.size);
    for (const r of textRuns(line)) {
      if (r.kind === 'arrow') {
        drawArrow(ctx, x, y, t.size, t.weight);
        x += ARROW_EM * t.size;
      } else {
        ctx.fillText(r.text, x, y);
        x += ctx.measureText(r.text).width;
      }
    }
  });
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

function panel(ctx: CanvasRenderingContext2D, r: { x: number; y: number; w: number; h: number }, u: number, theme: ExportTheme) {
  ctx.save();
  ctx.globalAlpha = theme.panelAlpha;
  ctx.fillStyle = theme.panel;
  roundRect(ctx, r.x, r.y, r.w, r.h, 6 * u);
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.lineWidth = Math.max(1, u);
  ctx.strokeStyle = theme.rule;
  roundRect(ctx, r.x + ctx.lineWidth / 2, r.y + ctx.lineWidth / 2, r.w - ctx.lineWidth, r.h - ctx.lineWidth, 6 * u);
  ctx.stroke();
  ctx.restore();
}

function drawShape(ctx: CanvasRenderingContext2D, s: SwatchShape) {
  ctx.save();
  ctx.setLineDash([]);
  switch (s.type) {
    case 'line':
      ctx.beginPath();
      ctx.moveTo(s.x1, s.y1);
      ctx.lineTo(s.x2, s.y2);
      ctx.lineWidth = s.width;
      ctx.lineCap = s.cap;
      ctx.strokeStyle = s.stroke;
      ctx.globalAlpha = s.opacity ?? 1;
      if (s.dash) ctx.setLineDash(s.dash);
      ctx.stroke();
      break;
    case 'circle':
      ctx.beginPath();
      ctx.arc(s.cx, s.cy, s.r, 0, Math.PI * 2);
      if (s.fill) {
        ctx.globalAlpha = s.fillOpacity ?? 1;
        ctx.fillStyle = s.fill;
        ctx.fill();
      }
      if (s.stroke) {
        ctx.globalAlpha = s.strokeOpacity ?? 1;
        ctx.lineWidth = s.strokeWidth ?? 1;
        ctx.strokeStyle = s.stroke;
        if (s.dash) ctx.setLineDash(s.dash);
        ctx.stroke();
      }
      break;
    case 'path': {
      const p = new Path2D(s.d);
      if (s.fill) {
        ctx.fillStyle = s.fill;
        ctx.fill(p);
      }
      if (s.stroke) {
        ctx.lineWidth = s.strokeWidth ?? 1;
        ctx.lineCap = s.cap ?? 'butt';
        ctx.lineJoin = 'round';
        ctx.strokeStyle = s.stroke;
        ctx.stroke(p);
      }
      break;
    }
  }
  ctx.restore();
}

export interface ComposeInput {
  layout: ExportLayout;
  theme: ExportTheme;
  legend: LegendEntry[];
  bars: { metric: ScaleBar; nautical: ScaleBar };
}

/** The picture's background (drawn first; the map then covers its part). */
export function drawBackground(ctx: CanvasRenderingContext2D, { layout, theme }: Pick<ComposeInput, 'layout' | 'theme'>) {
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
}

/** Everything drawn over and around the map (after it). */
export function drawFurniture(ctx: CanvasRenderingContext2D, { layout, theme, legend, bars }: ComposeInput) {
  const u = layout.unit;
  // Rules between the map and the text above and below it.
  ctx.fillStyle = theme.rule;
  const hair = Math.max(1, Math.round(u));
  ctx.fillRect(0, layout.map.y, layout.width, hair);
  ctx.fillRect(0, layout.map.y + layout.map.h - hair, layout.width, hair);
  // Under a legend band, a rule (within the margins) sets the notes apart.
  if (layout.legend?.placement === 'below') ctx.fillRect(layout.note.x, layout.footer.y, layout.width - 2 * layout.note.x, hair);
  // A short accent over the title, as the app's kicker.
  ctx.fillStyle = theme.accent;
  ctx.fillRect(layout.title.x, Math.round(8 * u), Math.round(48 * u), Math.round(4 * u));

  drawText(ctx, layout.title, theme);
  drawText(ctx, layout.subtitle, theme);
  drawText(ctx, layout.note, theme);
  drawText(ctx, layout.credit, theme);

  const L = layout.legend;
  if (L) {
    if (L.placement === 'overlay') panel(ctx, L.box, u, theme);
    drawText(ctx, L.title, theme);
    for (const item of L.items) {
      const entry = legend.find((e) => e.key === item.key);
      if (!entry) continue;
      ctx.save();
      ctx.translate(item.swatch.x, item.swatch.y);
      ctx.scale(item.swatch.w / entry.w, item.swatch.h / entry.h);
      for (const s of entry.shapes) drawShape(ctx, s);
      ctx.restore();
      drawText(ctx, item.label, theme);
    }
  }

  const S = layout.scale;
  panel(ctx, S.box, u, theme);
  const labelX = S.barX + S.maxBar + S.gap;
  const tick = 5 * u;
  for (const [i, bar] of [bars.metric, bars.nautical].entries()) {
    const y = S.rows[i]!;
    ctx.save();
    ctx.strokeStyle = theme.text;
    ctx.lineWidth = Math.max(1, 1.5 * u);
    ctx.lineCap = 'butt';
    ctx.beginPath();
    const x1 = S.barX + bar.px;
    ctx.moveTo(S.barX, y - tick);
    ctx.lineTo(S.barX, y + tick);
    ctx.moveTo(S.barX, y);
    ctx.lineTo(x1, y);
    ctx.moveTo(x1, y - tick);
    ctx.lineTo(x1, y + tick);
    ctx.stroke();
    ctx.restore();
    drawText(ctx, { lines: [bar.label], x: labelX, y: y + S.fontSize * 0.357, size: S.fontSize, lineHeight: S.fontSize, weight: 600, colour: 'text' }, theme);
  }
}
