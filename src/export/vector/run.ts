/**
 * Makes an SVG or a PDF of an export request in the browser: the same request, layout, camera and words
 * as the PNG (src/export/png/run.ts), with the map drawn as vectors (map.ts) instead of by MapLibre, and
 * the text measured with the same fonts on a canvas, so the three files show the same picture. Loaded
 * only when a vector export is asked for (PDFKit is in its own chunk, loaded only for a PDF).
 */
import type { App } from '../../api/flightmap';
import type { Camera } from '../core/camera';
import { EDGE_INSET } from '../core/frame';
import type { FontWeight, ExportLayout } from '../core/layout';
import { planExport } from '../core/plan';
import { resolveRequest, type ResolvedExport } from '../core/request';
import { exportTitle, exportFilename } from '../core/text';
import { canvasMeasure, loadExportBasemap, loadExportFonts } from '../png/compose';
import { furnitureGroups } from './furniture';
import { mapGroups } from './map';
import type { VDoc } from './model';
import { fontFile as shippedFontFile } from '../../theme/fonts';
import { fontsNeeded, type EmbeddedFont, type SubsetName } from './fonts';
import { insetGroups } from './inset';
import { insetColumn, overMap, type InsetView } from '../core/inset';
import { writeSvg } from './svg';
// The PDF embeds the same Noto Sans as WOFF (1.0): fontkit cannot subset the WOFF2 files' composite glyphs (é, ü…).
import woffLatin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?url';
import woffLatin600 from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff?url';
import woffLatin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff?url';
import woffLatinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff?url';
import woffLatinExt600 from '@fontsource/noto-sans/files/noto-sans-latin-ext-600-normal.woff?url';
import woffLatinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff?url';
import woffCyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff?url';
import woffCyrillic600 from '@fontsource/noto-sans/files/noto-sans-cyrillic-600-normal.woff?url';
import woffCyrillic700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff?url';
import woffCyrillicExt400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff?url';
import woffCyrillicExt600 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-600-normal.woff?url';
import woffCyrillicExt700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-700-normal.woff?url';
import { HTML_LANG } from '../../i18n/locales';
import { locale } from '../../i18n';
import { ExportError } from '../core/errors';
import { stopwatch } from '../core/timings';

export type VectorSource = Pick<App, 'story' | 'track' | 'timelines' | 'getMoment'>;

export interface VectorMeta {
  filename: string;
  format: 'svg' | 'pdf';
  /** The picture in output pixels (the PNG's size for the same request), and its page in millimetres for print sizes. */
  width: number;
  height: number;
  mm: { width: number; height: number } | undefined;
  ratio: number;
  camera: Camera;
  layout: ExportLayout;
  /** The insets drawn (none with `inset: false`, or where the picture has no room). */
  insets: InsetView[];
  resolved: ResolvedExport;
  bytes: number;
  /** Milliseconds spent on each step. */
  timings: Record<string, number>;
}

const PDF_WOFF: Record<SubsetName, Record<FontWeight, string>> = {
  latin: { 400: woffLatin400, 600: woffLatin600, 700: woffLatin700 },
  'latin-ext': { 400: woffLatinExt400, 600: woffLatinExt600, 700: woffLatinExt700 },
  cyrillic: { 400: woffCyrillic400, 600: woffCyrillic600, 700: woffCyrillic700 },
  'cyrillic-ext': { 400: woffCyrillicExt400, 600: woffCyrillicExt600, 700: woffCyrillicExt700 },
};

async function fetchBytes(url: string): Promise<Uint8Array> {
  const r = await fetch(url).catch(() => null);
  if (!r?.ok) throw new ExportError('export.error.font');
  return new Uint8Array(await r.arrayBuffer());
}

const fontBytes = new Map<string, Promise<Uint8Array>>();

/** The font files a picture needs, fetched once each: the page's WOFF2 for the SVG, @fontsource's WOFF for the PDF. */
async function embeddedFonts(files: { subset: SubsetName; weight: FontWeight }[], format: 'svg' | 'pdf', base: string): Promise<EmbeddedFont[]> {
  return Promise.all(
    files.map(async ({ subset, weight }) => {
      const url = format === 'svg' ? new URL(shippedFontFile(subset, weight), base).href : new URL(PDF_WOFF[subset][weight], document.baseURI).href;
      let p = fontBytes.get(url);
      if (!p) {
        p = fetchBytes(url);
        fontBytes.set(url, p);
        p.catch(() => fontBytes.delete(url));
      }
      return { subset, weight, bytes: await p };
    }),
  );
}

/** The picture as vector data, from a request: what the PNG would show, as paths and text. */
export async function vectorDoc(app: VectorSource, base: string, request: unknown, format: 'svg' | 'pdf') {
  const r = resolveRequest(request, { timelines: app.timelines, current: () => app.getMoment() });
  if (!r.ok) throw new ExportError(null, r.error);
  const req = r.value;
  const { timings, lap } = stopwatch(() => performance.now());
  const [basemap] = await Promise.all([loadExportBasemap(base), loadExportFonts(base)]);
  lap('assets');
  const { outWidth: W, outHeight: H, ratio } = req.size;
  const measure = canvasMeasure(document.createElement('canvas').getContext('2d')!);
  // The moment, legend, layout, camera, insets and scene: the same plan as the PNG's (core/plan.ts).
  const { theme, subtitle, legend, layout, slots, camera, insets, scene, bars } = planExport(app, req, measure);
  const { map } = layout;
  const doc: VDoc = {
    width: W,
    height: H,
    ...(req.size.mm ? { mm: req.size.mm } : {}),
    background: theme.background,
    layers: [
      ...mapGroups({
        basemap,
        scene,
        palette: theme.palette,
        camera,
        ratio,
        rect: map,
        keepInside: { x: EDGE_INSET.x * ratio, y: EDGE_INSET.y * ratio },
        keepOut: insetColumn(slots.slots),
        // A name under the legend, the scale bars or an inset would be hidden: it is placed clear of them, or left out.
        covers: overMap(layout, insets),
        measure,
        bareClaims: !!layout.legend, // a claim named without its claimant only where the legend says what its dot is
      }),
      // The detail names the claimed points, the name alone first (core/claim-names.ts).
      ...insetGroups(insets, { basemap, scene, palette: theme.palette, ratio, measure, bareClaims: !!layout.legend }, theme),
      ...furnitureGroups({ layout, theme, legend, bars, measure }),
    ],
    // The last day the story reports on: a date from the data, never the clock, so the file is the same every time.
    meta: { title: exportTitle(), subject: subtitle, date: new Date(app.timelines.aftermath.end), lang: HTML_LANG[locale()] },
  };
  // The files embed the subsets of Noto Sans the words need (src/export/vector/fonts.ts); a letter none of the
  // shipped fonts draws is refused with a reason rather than drawn as a missing glyph.
  const { files, uncovered } = fontsNeeded(doc.layers);
  if (uncovered.length) throw new ExportError('export.error.glyphs', { chars: uncovered.map((c) => `“${c}”`).join(' ') });
  const fonts = await embeddedFonts(files, format, base);
  lap('compose');
  const meta: VectorMeta = {
    filename: exportFilename(req, format),
    format,
    width: W,
    height: H,
    mm: req.size.mm,
    ratio,
    camera,
    layout,
    insets,
    resolved: req,
    bytes: 0,
    timings,
  };
  return { doc, fonts, meta, lap };
}

/** The function behind `window.flightmap.exportSvg`: the SVG as text. */
export async function exportSvg(app: VectorSource, base: string, request: unknown): Promise<{ svg: string; filename: string; meta: VectorMeta }> {
  const { doc, fonts, meta, lap } = await vectorDoc(app, base, request, 'svg');
  const svg = writeSvg(doc, fonts);
  lap('write');
  meta.bytes = new TextEncoder().encode(svg).length;
  return { svg, filename: meta.filename, meta };
}

/** The function behind `window.flightmap.exportPdf`: the PDF's bytes. */
export async function exportPdf(app: VectorSource, base: string, request: unknown): Promise<{ pdf: Uint8Array; filename: string; meta: VectorMeta }> {
  const { doc, fonts, meta, lap } = await vectorDoc(app, base, request, 'pdf');
  const { writePdf } = await import('./pdf');
  lap('load PDFKit');
  const pdf = await writePdf(doc, fonts);
  lap('write');
  meta.bytes = pdf.length;
  return { pdf, filename: meta.filename, meta };
}
