/**
 * A vector picture as plain data: named groups of paths, circles and text, in drawing order, in output
 * pixels (the same pixels as the PNG of the same request). Made once from the layout and the scene, then
 * written as SVG (svg.ts) or PDF (pdf.ts), so both files hold the same picture. Pure.
 */
import type { FontWeight } from '../core/layout';
import { msg, type MessageKey } from '../../i18n';

export interface Paint {
  fill?: string;
  fillOpacity?: number;
  stroke?: string;
  strokeWidth?: number;
  strokeOpacity?: number;
  /** Dash and gap lengths in output pixels. */
  dash?: readonly number[];
  cap?: 'butt' | 'round' | 'square';
  join?: 'miter' | 'round' | 'bevel';
}

export interface VPath extends Paint {
  kind: 'path';
  /** SVG path data (M, L, Q, Z), absolute, coordinates rounded. */
  d: string;
  /** The text this shape stands for (an arrow the font lacks): PDF ActualText, SVG aria-label. */
  actualText?: string;
}

export interface VCircle extends Paint {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
}

export interface VRect extends Paint {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  /** Corner radius. */
  r?: number;
}

export interface VText {
  kind: 'text';
  /** Left end of the baseline. */
  x: number;
  y: number;
  text: string;
  size: number;
  weight: FontWeight;
  fill: string;
  /** Extra space after each character, in pixels (MapLibre's text-letter-spacing × size). */
  letterSpacing?: number;
  /** A halo drawn under the text (MapLibre's text-halo): its colour and width in pixels. */
  halo?: { colour: string; width: number };
}

/** A translation then a scale (the legend's swatches are drawn in their own small box). */
export interface Transform {
  x: number;
  y: number;
  sx: number;
  sy: number;
}

export interface VGroup {
  kind: 'group';
  /** A stable id (SVG id, PDF layer name): lower case, hyphens. */
  id: string;
  /** What it is, in words (SVG inkscape:label, PDF layer name). */
  label: string;
  children: VNode[];
  /** Everything in the group is kept inside this rectangle (geometry is clipped too, where it can be). */
  clip?: { x: number; y: number; w: number; h: number };
  transform?: Transform;
}

export type VNode = VPath | VCircle | VRect | VText | VGroup;

export interface VDoc {
  /** Output pixels (the PNG's size for the same request). */
  width: number;
  height: number;
  /** The page's physical size, for print sizes; else the file is width × height CSS pixels. */
  mm?: { width: number; height: number };
  background: string;
  /** Top-level groups (layers), in drawing order. */
  layers: VGroup[];
  meta: {
    title: string;
    subject: string;
    /** A date from the data (never the clock), for the PDF's dates. */
    date: Date;
    /** The language of the words (BCP 47; SVG xml:lang, PDF /Lang); English when absent. */
    lang?: string;
  };
}

/** Numbers written to the files: one decimal of an output pixel (0.03 mm on an A4 at 300 dpi), no "-0". */
export function num(n: number, digits = 1): string {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return String(Object.is(r, -0) ? 0 : r);
}

/**
 * A layer's name in the reader's language (Inkscape's layer panel, a PDF viewer's layers): `layer.<id>` in
 * geo/i18n/*.json. Its id stays the same ASCII in every language, for scripts and stylesheets.
 */
export const layerLabel = (id: LayerId): string => msg(`layer.${id}`);
export type LayerId = Extract<MessageKey, `layer.${string}`> extends `layer.${infer I}` ? I : never;

export const group = (id: string, label: string, children: VNode[], extra: Partial<Pick<VGroup, 'clip' | 'transform'>> = {}): VGroup => ({
  kind: 'group',
  id,
  label,
  children,
  ...extra,
});

/** Every node of a tree, depth first, in drawing order. */
export function* walk(nodes: readonly VNode[]): Generator<VNode> {
  for (const n of nodes) {
    yield n;
    if (n.kind === 'group') yield* walk(n.children);
  }
}
