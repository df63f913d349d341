/**
 * How to draw a map of mapW × mapH device pixels with a canvas no larger than maxCanvas a side:
 * whole, or in tiles that overlap by a margin (so labels near a seam are placed the same way on both
 * sides) and are cropped to their cores. Pure.
 *
 * Each render is a hidden map of cssW × cssH CSS pixels at `ratio`; ratio × cssW is kept a whole number
 * so the canvas is exactly that many pixels and the tiles line up to the pixel.
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TilePlan {
  /** The hidden map's size in CSS pixels (the same for every tile). */
  cssW: number;
  cssH: number;
  /** Its canvas in device pixels: ratio × cssW, ratio × cssH. */
  canvasW: number;
  canvasH: number;
  tiles: { core: Rect; origin: { x: number; y: number } }[];
}

/** The smallest whole number of CSS pixels that is a whole number of device pixels at `ratio`. */
export function cssStep(ratio: number): number {
  for (let s = 1; s <= 64; s++) if (Math.abs(ratio * s - Math.round(ratio * s)) < 1e-9) return s;
  throw new RangeError(`cssStep: ratio ${ratio} has no whole-pixel step up to 64`);
}

const ceilTo = (x: number, step: number) => Math.ceil(x / step - 1e-9) * step;

function planAxis(len: number, ratio: number, max: number, step: number, marginCss: number): { css: number; cores: [number, number][]; margin: number } {
  const whole = ceilTo(len / ratio, step);
  if (Math.round(whole * ratio) <= max) return { css: whole, cores: [[0, len]], margin: 0 };
  // The overlap: marginCss, but never more than an eighth of a tile.
  const margin = Math.round(ceilTo(Math.min(marginCss, max / (8 * ratio)), step) * ratio);
  if (2 * margin >= max / 2) throw new RangeError(`planTiles: a tile of ${max} px is too small for ratio ${ratio}`);
  for (let n = Math.ceil(len / (max - 2 * margin)); n <= len; n++) {
    const core = Math.ceil(len / n);
    const css = ceilTo((core + 2 * margin) / ratio, step);
    if (Math.round(css * ratio) > max) continue;
    const cores: [number, number][] = [];
    for (let i = 0; i * core < len; i++) cores.push([i * core, Math.min(core, len - i * core)]);
    return { css, cores, margin };
  }
  throw new RangeError('planTiles: no tiling found');
}

export function planTiles(mapW: number, mapH: number, ratio: number, maxCanvas: number, marginCss = 128): TilePlan {
  if (!(mapW > 0 && mapH > 0 && ratio > 0 && maxCanvas > 0)) throw new RangeError('planTiles: sizes must be positive');
  const step = cssStep(ratio);
  const ax = planAxis(mapW, ratio, maxCanvas, step, marginCss);
  const ay = planAxis(mapH, ratio, maxCanvas, step, marginCss);
  const tiles: TilePlan['tiles'] = [];
  for (const [y, h] of ay.cores) for (const [x, w] of ax.cores) tiles.push({ core: { x, y, w, h }, origin: { x: x - ax.margin, y: y - ay.margin } });
  return { cssW: ax.css, cssH: ay.css, canvasW: Math.round(ax.css * ratio), canvasH: Math.round(ay.css * ratio), tiles };
}
