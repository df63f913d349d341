/**
 * Export sizes: the presets, the pixel scale, and the limits. Pure: no DOM, no MapLibre.
 *
 * A size is given in output pixels at scale 1 and a density (how many output pixels make one "design"
 * pixel, the unit the title, legend and map style are drawn in). Screen presets have density 1; A4 at
 * 300 dpi has density 300/96, so its type is as large on paper as 96-dpi type on a screen; a picture smaller
 * than MIN_DESIGN has less (down to MIN_DENSITY).
 * The file is exactly (width × scale) × (height × scale) pixels.
 */

export type PresetId = '16x9' | '1x1' | '4x5' | 'a4' | 'a3' | 'letter';
export type Orientation = 'landscape' | 'portrait';

export interface Preset {
  id: PresetId;
  label: string;
  /** What it is for, in a few words. */
  use: string;
  /** Output pixels at scale 1. */
  width: number;
  height: number;
  /** Output pixels per design pixel at scale 1. */
  density: number;
  /** Print sizes: the page in millimetres (landscape), the pixels being 300 dpi of it. */
  mm?: { width: number; height: number };
}

/** Print sizes are made at 300 dots per inch: type as large on paper as 96-dpi type on a screen. */
export const PRINT_DPI = 300;
export const PRINT_DENSITY = PRINT_DPI / 96;
const dots = (mm: number) => Math.round((mm / 25.4) * PRINT_DPI);
/**
 * The smallest picture in design pixels: a smaller picture (a newspaper column, a portrait page, a 960 × 540 video
 * still, a 640 px square) gets smaller type rather than a map squeezed out by the title, legend and credits (at 960 ×
 * 540 the map was 139 px tall under a legend band; at 400 × 400 there was no room for it at all). The type shrinks
 * to MIN_DENSITY at most (13 px text at 0.75 is about 10 px): below that a picture is told it is too small
 * (layout.ts mapRoomError). The density is rounded down to an eighth so the map can be drawn in tiles to the pixel
 * (tiles.ts).
 */
export const MIN_DESIGN = { width: 1000, height: 700 };
export const MIN_DENSITY = 0.75;
/** The density of a picture of width × height output pixels (per design pixel, at scale 1): up to `max`. */
export function designDensity(width: number, height: number, max: number): number {
  const d = Math.min(max, width / MIN_DESIGN.width, height / MIN_DESIGN.height);
  return Math.max(MIN_DENSITY, Math.floor(d * 8) / 8);
}
/**
 * A phone's column: a tall picture (at least `tall` times as high as wide) at most `maxWidth` px wide is read in a
 * phone's column of about `width` CSS px (the narrow route picture, 405 × 720 px at scale 2, shown at 320–600 px).
 * Given in pixels, it is laid out for that column (density width / PHONE.width, in eighths, at least 1) in the
 * phone's design (layout.ts D_PHONE), so its type reads there; a wider or less tall picture is not one.
 */
export const PHONE = { width: 360, maxWidth: 480, tall: 1.6 };
export const isPhone = (width: number, height: number): boolean => width <= PHONE.maxWidth && height >= PHONE.tall * width;
/** The density of a picture given in pixels (at scale 1): a phone's (PHONE), or designDensity's up to 1. */
export function screenDensity(width: number, height: number): number {
  return isPhone(width, height) ? Math.max(1, Math.floor((width / PHONE.width) * 8) / 8) : designDensity(width, height, 1);
}
export const printDensity = (width: number, height: number): number => designDensity(width, height, PRINT_DENSITY);
const print = (id: PresetId, label: string, w: number, h: number): Preset => ({
  id,
  label,
  use: 'print',
  width: dots(w),
  height: dots(h),
  density: PRINT_DENSITY,
  mm: { width: w, height: h },
});

export const PRESETS: readonly Preset[] = [
  { id: '16x9', label: '16:9', use: 'slides, video, web', width: 1920, height: 1080, density: 1 },
  { id: '1x1', label: '1:1', use: 'social posts', width: 1080, height: 1080, density: 1 },
  { id: '4x5', label: '4:5', use: 'portrait social posts', width: 1080, height: 1350, density: 1 },
  print('a4', 'A4, 300 dpi', 297, 210),
  print('a3', 'A3, 300 dpi', 420, 297),
  print('letter', 'US Letter, 300 dpi', 279.4, 215.9),
];

/** Custom print sizes, in millimetres. */
export const MIN_MM = 50;
export const MAX_MM = 600;

export const PRESET_IDS = PRESETS.map((p) => p.id);
export const SCALES = [1, 2, 3, 4] as const;

/** Custom sizes (at scale 1), in pixels. */
export const MIN_SIDE = 400;
export const MAX_SIDE = 8000;
/** The largest file: each side and the area (a bigger canvas exhausts memory or Chrome's canvas limits). */
export const MAX_OUTPUT_SIDE = 16_384;
export const MAX_OUTPUT_PIXELS = 80_000_000;

export interface ExportSize {
  preset: PresetId | 'custom';
  orientation: Orientation;
  /** The page in millimetres, for print sizes (presets and --mm); else undefined. */
  mm: { width: number; height: number } | undefined;
  /** Output pixels at scale 1. */
  width: number;
  height: number;
  density: number;
  scale: number;
  /** The file's size in pixels. */
  outWidth: number;
  outHeight: number;
  /** Output pixels per design pixel: density × scale (the map's pixel ratio). */
  ratio: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(error: string): Result<T> => ({ ok: false, error });

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

export type SizeSpec = { preset: string; orientation?: Orientation } | { width: number; height: number } | { mm: readonly [number, number] };

/** The size for a preset (landscape or portrait), a custom width × height in pixels or in millimetres, at a scale; an error in words when it cannot be made. */
export function exportSize(spec: SizeSpec, scale: number): Result<ExportSize> {
  if (!isInt(scale) || scale < 1 || scale > 4) return fail(`The scale must be 1, 2, 3 or 4 (got ${String(scale)}).`);
  let base: Omit<ExportSize, 'scale' | 'outWidth' | 'outHeight' | 'ratio'>;
  if ('preset' in spec) {
    const p = presetById(spec.preset);
    if (!p) return fail(`Unknown preset “${spec.preset}”: use one of ${PRESET_IDS.join(', ')}.`);
    const orientation = spec.orientation ?? 'landscape';
    if (orientation !== 'landscape' && orientation !== 'portrait') return fail(`The orientation must be landscape or portrait (got ${String(orientation)}).`);
    if (orientation === 'portrait' && !p.mm) return fail(`Portrait is for the print sizes (a4, a3, letter); ${p.id} has its own shape.`);
    const turn = orientation === 'portrait';
    const [w, h] = turn ? [p.height, p.width] : [p.width, p.height];
    base = {
      preset: p.id,
      orientation,
      width: w,
      height: h,
      density: p.mm ? printDensity(w, h) : p.density,
      mm: p.mm ? (turn ? { width: p.mm.height, height: p.mm.width } : { ...p.mm }) : undefined,
    };
  } else if ('mm' in spec) {
    const [w, h] = spec.mm;
    for (const [name, v] of [
      ['width', w],
      ['height', h],
    ] as const) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < MIN_MM || v > MAX_MM)
        return fail(`The ${name} must be from ${MIN_MM} to ${MAX_MM} mm (got ${String(v)}).`);
    }
    base = {
      preset: 'custom',
      orientation: w >= h ? 'landscape' : 'portrait',
      width: dots(w),
      height: dots(h),
      density: printDensity(dots(w), dots(h)),
      mm: { width: w, height: h },
    };
  } else {
    for (const [name, v] of [
      ['width', spec.width],
      ['height', spec.height],
    ] as const) {
      if (!isInt(v) || v < MIN_SIDE || v > MAX_SIDE)
        return fail(`The ${name} must be a whole number of pixels from ${MIN_SIDE} to ${MAX_SIDE} (got ${String(v)}).`);
    }
    base = {
      preset: 'custom',
      orientation: spec.width >= spec.height ? 'landscape' : 'portrait',
      width: spec.width,
      height: spec.height,
      density: screenDensity(spec.width, spec.height),
      mm: undefined,
    };
  }
  const outWidth = base.width * scale;
  const outHeight = base.height * scale;
  if (outWidth > MAX_OUTPUT_SIDE || outHeight > MAX_OUTPUT_SIDE || outWidth * outHeight > MAX_OUTPUT_PIXELS) {
    return fail(
      `${outWidth} × ${outHeight} px is too large to render (at most ${MAX_OUTPUT_SIDE} px a side and ${MAX_OUTPUT_PIXELS / 1e6} million pixels): use a smaller scale or size.`,
    );
  }
  return ok({ ...base, scale, outWidth, outHeight, ratio: base.density * scale });
}

/** The scales a preset can be made at. */
export function scalesFor(preset: PresetId): number[] {
  return SCALES.filter((s) => exportSize({ preset }, s).ok);
}

/**
 * "16x9@2x", "1600x900@1x", "a4@1x", "a4-portrait@1x", "180x120mm@1x": the size part of a file name. A vector file
 * has no pixel scale (`scale: false`): "a4", "16x9".
 */
export function sizeTag(size: ExportSize, scale = true): string {
  const name =
    size.preset !== 'custom'
      ? `${size.preset}${size.orientation === 'portrait' ? '-portrait' : ''}`
      : size.mm
        ? `${+size.mm.width.toFixed(1)}x${+size.mm.height.toFixed(1)}mm`
        : `${size.width}x${size.height}`;
  return scale ? `${name}@${size.scale}x` : name;
}
