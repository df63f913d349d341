/**
 * Where everything goes on an exported picture, in output pixels: the title and the moment at the top,
 * the map, the legend (over the map's left side on wide pictures, in a band under the map otherwise),
 * the scale bars at the map's bottom left (the empty corner of the story's frame), and the note and
 * credits at the bottom. Pure: text is measured through a function the caller passes (the page's canvas,
 * or a stand-in in tests), so the same code lays out the page and the snapshot tests.
 *
 * Sizes are written in design pixels (CSS pixels on a 96-dpi screen) and multiplied by the unit
 * (density × scale): a 4× picture is the 1× picture with every length four times as long.
 */
import type { Padding } from '../../geo/bounds';
import type { Rect } from './tiles';
import { scaleLabel } from './scale';
import { isPhone } from './presets';

/** Width in pixels of `text` set in Noto Sans at `weight` and `sizePx`. */
export type Measure = (text: string, weight: FontWeight, sizePx: number) => number;
export type FontWeight = 400 | 600 | 700;

export interface TextBlock {
  lines: string[];
  x: number;
  /** Baseline of the first line. */
  y: number;
  size: number;
  lineHeight: number;
  weight: FontWeight;
  colour: 'text' | 'muted';
}

export interface LegendLayout {
  placement: 'overlay' | 'below';
  box: Rect;
  title: TextBlock;
  items: { key: string; swatch: Rect; label: TextBlock }[];
}

export interface ScaleLayout {
  box: Rect;
  /** Longest bar in pixels. */
  maxBar: number;
  /** Left end of the bars, and the two bars' vertical centres. */
  barX: number;
  rows: [number, number];
  fontSize: number;
  /** Gap from a bar's end to its label. */
  gap: number;
}

export interface ExportLayout {
  width: number;
  height: number;
  /** Output pixels per design pixel. */
  unit: number;
  header: Rect;
  title: TextBlock;
  subtitle: TextBlock;
  map: Rect;
  /** Parts of the map (from its edges, in output pixels) that the story's frame must stay clear of. */
  mapPadding: Padding;
  legend: LegendLayout | null;
  scale: ScaleLayout;
  footer: Rect;
  note: TextBlock;
  credit: TextBlock;
}

export interface LayoutInput {
  /** Output pixels. */
  width: number;
  height: number;
  /** Output pixels per design pixel (density × scale). */
  unit: number;
  title: string;
  subtitle: string;
  note: string;
  credit: string;
  legend: { title: string; items: { key: string; label: string; w: number; h: number }[] } | null;
  measure: Measure;
}

/** The design sizes of a layout (CSS pixels): the type, the margins, the legend, the scale bars, the frame's room. */
export interface Design {
  margin: number;
  headerTop: number;
  headerBottom: number;
  title: { size: number; lh: number; weight: FontWeight };
  subtitle: { size: number; lh: number; weight: FontWeight; gap: number };
  footerTop: number;
  footerBottom: number;
  note: { size: number; lh: number; weight: FontWeight };
  credit: { size: number; lh: number; weight: FontWeight; gap: number };
  legend: {
    width: number;
    pad: number;
    title: number;
    itemSize: number;
    itemLh: number;
    swatchGap: number;
    rowGap: number;
    titleGap: number;
    colMin: number;
    colGap: number;
    /** The swatches' column, at least. */
    swatch: number;
  };
  scale: { maxBar: number; pad: number; row: number; font: number; gap: number };
  /** Clear space kept around the story's frame inside the map. */
  frame: { top: number; right: number; bottom: number; left: number; besideLegend: number };
  /** Overlays keep this far from the map's edges. */
  inset: number;
}

/** Design sizes (CSS pixels). */
export const D: Design = {
  margin: 32,
  headerTop: 22,
  headerBottom: 16,
  title: { size: 30, lh: 1.22, weight: 700 as const },
  subtitle: { size: 16, lh: 1.4, weight: 400 as const, gap: 4 },
  footerTop: 12,
  footerBottom: 16,
  note: { size: 13.5, lh: 1.4, weight: 600 as const },
  credit: { size: 12.5, lh: 1.45, weight: 400 as const, gap: 2 },
  legend: { width: 312, pad: 12, title: 14, itemSize: 13, itemLh: 1.3, swatchGap: 9, rowGap: 7, titleGap: 8, colMin: 270, colGap: 28, swatch: 34 },
  scale: { maxBar: 120, pad: 9, row: 20, font: 12.5, gap: 7 },
  /** Clear space kept around the story's frame inside the map. */
  frame: { top: 44, right: 124, bottom: 44, left: 64, besideLegend: 40 },
  /** Overlays keep this far from the map's edges. */
  inset: 20,
};

/**
 * A phone's design (presets.ts PHONE: a tall picture at most PHONE.maxWidth design px wide, laid out for reading at
 * PHONE.width CSS px, as the narrow route picture public/route-narrow.png, shown at 320–600 px): a design px is a
 * CSS px there, so the map's names are at the symbology's sizes (12–13 px); its title, legend, note and credits in
 * the smallest type that reads there (the legend 12, the credits 11), in narrower margins and a tighter legend, so
 * that the map keeps room (a step smaller where the words run longer: PHONE_TYPE_STEPS). The other designs' sizes
 * do not change.
 */
export const D_PHONE: Design = {
  margin: 12,
  headerTop: 10,
  headerBottom: 7,
  title: { size: 20, lh: 1.15, weight: 700 },
  subtitle: { size: 13, lh: 1.25, weight: 400, gap: 2 },
  footerTop: 6,
  footerBottom: 8,
  note: { size: 12, lh: 1.25, weight: 600 },
  credit: { size: 11, lh: 1.2, weight: 400, gap: 3 },
  legend: { width: 312, pad: 6, title: 12, itemSize: 12, itemLh: 1.15, swatchGap: 6, rowGap: 2, titleGap: 3, colMin: 270, colGap: 16, swatch: 34 },
  scale: { maxBar: 80, pad: 6, row: 16, font: 11, gap: 5 },
  frame: { top: 44, right: 110, bottom: 30, left: 64, besideLegend: 20 },
  inset: 10,
};
/**
 * A phone's type, smaller by these steps while its map is shorter than a third of the picture (Russian and Kazakh,
 * whose legend and credits run a line or two longer): the words at D_PHONE's sizes left the Kazakh map 148 design px
 * of 640, the route squeezed and its names crowded out.
 */
export const PHONE_TYPE_STEPS = [1, 0.95, 0.9, 0.85] as const;
const q = (n: number) => Math.round(n * 4) / 4;
/** A design with its words' type (title, moment, legend, note, credits) k times as large, to a quarter pixel. */
export const typeScaled = (d: Design, k: number): Design => ({
  ...d,
  title: { ...d.title, size: q(d.title.size * k) },
  subtitle: { ...d.subtitle, size: q(d.subtitle.size * k) },
  note: { ...d.note, size: q(d.note.size * k) },
  credit: { ...d.credit, size: q(d.credit.size * k) },
  legend: { ...d.legend, title: q(d.legend.title * k), itemSize: q(d.legend.itemSize * k) },
});

/** The design a picture of width × height output pixels at `unit` is laid out in: a phone's, or the usual. */
export const designOf = (width: number, height: number, unit: number): Design => (isPhone(width / unit, height / unit) ? D_PHONE : D);

/** Greedy word wrap; a word longer than the line is kept whole. */
export function wrap(text: string, maxWidth: number, width: (s: string) => number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && width(next) > maxWidth) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Baseline of a line whose box starts at `top`: capitals centred in the line box (Noto Sans cap height ≈ 0.714 em). */
const baseline = (top: number, size: number, lh: number) => top + (size * lh) / 2 + size * 0.357;

function block(
  text: string,
  x: number,
  top: number,
  maxWidth: number,
  spec: { size: number; lh: number; weight: FontWeight },
  u: number,
  colour: TextBlock['colour'],
  measure: Measure,
): TextBlock & { height: number } {
  const size = spec.size * u;
  const lines = wrap(text, maxWidth, (s) => measure(s, spec.weight, size));
  const lineHeight = size * spec.lh;
  return { lines, x, y: baseline(top, size, spec.lh), size, lineHeight, weight: spec.weight, colour, height: lines.length * lineHeight };
}

const R = (n: number) => Math.round(n);
const rect = (x: number, y: number, w: number, h: number): Rect => ({ x: R(x), y: R(y), w: R(w), h: R(h) });
const roundText = ({ height: _h, ...t }: TextBlock & { height?: number }): TextBlock => ({
  ...t,
  x: R(t.x),
  y: R(t.y),
  size: +t.size.toFixed(3),
  lineHeight: +t.lineHeight.toFixed(3),
});

interface ItemBox {
  key: string;
  w: number;
  h: number;
  label: TextBlock & { height: number };
  swatchW: number;
  swatchH: number;
}

/**
 * The layout of a picture: in its design (designOf); a phone's in the largest of its type steps (PHONE_TYPE_STEPS)
 * that leaves the map a third of the picture's height, else the smallest.
 */
export function layoutExport(input: LayoutInput): ExportLayout {
  const D = designOf(input.width, input.height, input.unit);
  if (D !== D_PHONE) return layoutIn(input, D);
  let L: ExportLayout | null = null;
  for (const k of PHONE_TYPE_STEPS) {
    L = layoutIn(input, typeScaled(D, k));
    if (L.map.h >= input.height / 3) break;
  }
  return L!;
}

function layoutIn(input: LayoutInput, D: Design): ExportLayout {
  const { width: W, height: H, unit: u, measure } = input;
  const m = D.margin * u;
  const textW = W - 2 * m;

  // ---- header
  const title = block(input.title, m, D.headerTop * u, textW, D.title, u, 'text', measure);
  const subTop = D.headerTop * u + title.height + D.subtitle.gap * u;
  const subtitle = block(input.subtitle, m, subTop, textW, D.subtitle, u, 'muted', measure);
  const headerH = subTop + subtitle.height + D.headerBottom * u;

  // ---- footer
  const noteTmp = block(input.note, m, 0, textW, D.note, u, 'text', measure);
  const creditTmp = block(input.credit, m, 0, textW, D.credit, u, 'muted', measure);
  const footerH = D.footerTop * u + noteTmp.height + D.credit.gap * u + creditTmp.height + D.footerBottom * u;
  const footerY = H - footerH;
  const note = block(input.note, m, footerY + D.footerTop * u, textW, D.note, u, 'text', measure);
  const credit = block(input.credit, m, footerY + D.footerTop * u + note.height + D.credit.gap * u, textW, D.credit, u, 'muted', measure);

  // ---- scale box (size only; placed once the map is known)
  const S = D.scale;
  const labelW = Math.max(...(['km', 'nm'] as const).flatMap((unit) => [200, 500].map((v) => measure(scaleLabel(unit, v), 600, S.font * u))));
  const scaleW = (S.pad * 2 + S.maxBar + S.gap) * u + labelW;
  const scaleH = (S.pad * 2 + S.row * 2) * u;

  // ---- legend items, measured for a label width
  const L = D.legend;
  const items = (labelWidth: number, x: number): ItemBox[] =>
    (input.legend?.items ?? []).map((it) => {
      const label = block(it.label, x, 0, labelWidth, { size: L.itemSize, lh: L.itemLh, weight: 400 }, u, 'text', measure);
      return { key: it.key, w: it.w * u, h: Math.max(it.h * u, label.height), label, swatchW: it.w * u, swatchH: it.h * u };
    });
  const titleH = L.title * 1.3 * u;
  const swatchCol = (items0: ItemBox[]) => Math.max(L.swatch * u, ...items0.map((i) => i.swatchW));
  // The swatches' column as laid out below (its widest swatch), so that a label is measured at the width it is drawn in.
  const swatchW = Math.max(L.swatch, ...(input.legend?.items ?? []).map((i) => i.w)) * u;

  let legend: LegendLayout | null = null;
  let bandH = 0;
  let overlay: { w: number; items: ItemBox[]; h: number } | null = null;
  let below: { cols: number; colW: number; rows: number; rowH: number[]; items: ItemBox[] } | null = null;

  if (input.legend) {
    const wide = W / H >= 1.2;
    if (wide) {
      const boxW = L.width * u;
      const labelWidth = boxW - 2 * L.pad * u - swatchW - L.swatchGap * u;
      const its = items(labelWidth, 0);
      const h = 2 * L.pad * u + titleH + L.titleGap * u + its.reduce((a, i) => a + i.h, 0) + (its.length - 1) * L.rowGap * u;
      const mapH = H - headerH - footerH;
      if (h + scaleH + (2 * D.inset + 10) * u <= mapH) overlay = { w: boxW, items: its, h };
    }
    if (!overlay) {
      const avail = textW;
      const cols = Math.max(1, Math.min(3, Math.floor((avail + L.colGap * u) / ((L.colMin + L.colGap) * u))));
      const colW = (avail - (cols - 1) * L.colGap * u) / cols;
      const its = items(colW - swatchW - L.swatchGap * u, 0);
      const rows = Math.ceil(its.length / cols);
      const rowH = Array.from({ length: rows }, (_, r) => Math.max(...its.filter((_, i) => i % rows === r).map((i) => i.h)));
      below = { cols, colW, rows, rowH, items: its };
      bandH = L.pad * 1.5 * u + titleH + L.titleGap * u + rowH.reduce((a, b) => a + b, 0) + (rows - 1) * L.rowGap * u + L.pad * u;
    }
  }

  // ---- map
  const mapTop = R(headerH),
    mapBottom = R(H - footerH - bandH);
  const map = { x: 0, y: mapTop, w: W, h: mapBottom - mapTop };
  const inset = D.inset * u;
  const scaleBox = { x: map.x + inset, y: map.y + map.h - inset - scaleH, w: scaleW, h: scaleH };
  const F = D.frame;
  const padding: Padding = { top: F.top * u, right: F.right * u, bottom: F.bottom * u, left: F.left * u };

  if (overlay) {
    const boxY = scaleBox.y - 10 * u - overlay.h;
    const box = { x: map.x + inset, y: boxY, w: overlay.w, h: overlay.h };
    const ix = box.x + L.pad * u;
    const lx = ix + swatchCol(overlay.items) + L.swatchGap * u;
    let y = box.y + L.pad * u + titleH + L.titleGap * u;
    const laid = overlay.items.map((it) => {
      const label = block(
        input.legend!.items.find((i) => i.key === it.key)!.label,
        lx,
        y + (it.h - it.label.height) / 2,
        box.w - (lx - box.x) - L.pad * u,
        { size: L.itemSize, lh: L.itemLh, weight: 400 },
        u,
        'text',
        measure,
      );
      const swatch = rect(ix + (swatchCol(overlay!.items) - it.swatchW) / 2, y + (it.h - it.swatchH) / 2, it.swatchW, it.swatchH);
      y += it.h + L.rowGap * u;
      return { key: it.key, swatch, label: roundText(label) };
    });
    const t = block(input.legend!.title, ix, box.y + L.pad * u, box.w, { size: L.title, lh: 1.3, weight: 700 }, u, 'text', measure);
    legend = { placement: 'overlay', box: rect(box.x, box.y, box.w, box.h), title: roundText(t), items: laid };
    padding.left = box.x + box.w - map.x + F.besideLegend * u;
  } else if (below) {
    const top = map.y + map.h;
    const t = block(input.legend!.title, m, top + L.pad * 1.5 * u, textW, { size: L.title, lh: 1.3, weight: 700 }, u, 'text', measure);
    const gridTop = top + L.pad * 1.5 * u + titleH + L.titleGap * u;
    const rowTop = (r: number) => gridTop + below!.rowH.slice(0, r).reduce((a, b) => a + b, 0) + r * L.rowGap * u;
    const sw = swatchCol(below.items);
    const laid = below.items.map((it, i) => {
      const col = Math.floor(i / below!.rows),
        row = i % below!.rows;
      const x = m + col * (below!.colW + L.colGap * u);
      const y = rowTop(row);
      const lx = x + sw + L.swatchGap * u;
      const label = block(
        input.legend!.items[i]!.label,
        lx,
        y + (below!.rowH[row]! - it.label.height) / 2,
        below!.colW - sw - L.swatchGap * u,
        { size: L.itemSize, lh: L.itemLh, weight: 400 },
        u,
        'text',
        measure,
      );
      const swatch = rect(x + (sw - it.swatchW) / 2, y + (below!.rowH[row]! - it.swatchH) / 2, it.swatchW, it.swatchH);
      return { key: it.key, swatch, label: roundText(label) };
    });
    legend = { placement: 'below', box: { x: 0, y: top, w: W, h: R(footerY) - top }, title: roundText(t), items: laid };
  }

  return {
    width: W,
    height: H,
    unit: u,
    header: { x: 0, y: 0, w: W, h: mapTop },
    title: roundText(title),
    subtitle: roundText(subtitle),
    map: rect(map.x, map.y, map.w, map.h),
    mapPadding: { top: R(padding.top), right: R(padding.right), bottom: R(padding.bottom), left: R(padding.left) },
    legend,
    scale: {
      box: rect(scaleBox.x, scaleBox.y, scaleBox.w, scaleBox.h),
      maxBar: R(S.maxBar * u),
      barX: R(scaleBox.x + S.pad * u),
      rows: [R(scaleBox.y + (S.pad + S.row / 2) * u), R(scaleBox.y + (S.pad + S.row * 1.5) * u)],
      fontSize: +(S.font * u).toFixed(3),
      gap: R(S.gap * u),
    },
    footer: { x: 0, y: R(footerY), w: W, h: H - R(footerY) },
    note: roundText(note),
    credit: roundText(credit),
  };
}

/** The shortest map a picture may have, in design pixels: shorter, the title, legend and credits leave it no room. */
export const MIN_MAP_HEIGHT = 120;

/**
 * Why the picture cannot be made, when its title, legend, note and credits leave the map shorter than
 * MIN_MAP_HEIGHT (a 400 × 400 px picture with its legend, even at presets.ts's smallest type); null when it can.
 * English: only a size given to the API or the command line can be this small (the dialog's presets never are).
 */
export function mapRoomError(layout: ExportLayout): string | null {
  const least = Math.ceil(MIN_MAP_HEIGHT * layout.unit);
  if (layout.map.h >= least) return null;
  return (
    `At ${layout.width} × ${layout.height} px the title, ${layout.legend ? 'legend, ' : ''}note and credits leave the map ` +
    `${Math.max(0, layout.map.h)} px tall (it needs at least ${least}): make the picture larger` +
    `${layout.legend ? ', or leave the legend out (--no-legend, or legend: false)' : ''}.`
  );
}
