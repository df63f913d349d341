/** Reading pixels of screenshots and PNG files in tests. */
import { PNG } from 'pngjs';

export type RGB = [number, number, number];

export function decode(buf: Buffer): PNG {
  return PNG.sync.read(buf);
}

export function pixel(png: PNG, x: number, y: number): RGB {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

export function hexToRgb(hex: string): RGB {
  const n = parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export const colourDistance = (a: RGB, b: RGB) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** The smallest distance to `target` among the pixels within `r` of (x, y). */
export function nearestColour(png: PNG, x: number, y: number, target: RGB, r = 3): number {
  let best = Infinity;
  for (let dy = -r; dy <= r; dy++)
    for (let dx = -r; dx <= r; dx++) {
      const px = x + dx,
        py = y + dy;
      if (px < 0 || py < 0 || px >= png.width || py >= png.height) continue;
      best = Math.min(best, colourDistance(pixel(png, px, py), target));
    }
  return best;
}

/** Number of distinct colours (coarsely quantised) in a region: a blank image has one or two. */
export function colourCount(png: PNG, x0 = 0, y0 = 0, w = png.width, h = png.height): number {
  const seen = new Set<number>();
  for (let y = y0; y < y0 + h; y += 2)
    for (let x = x0; x < x0 + w; x += 2) {
      const [r, g, b] = pixel(png, x, y);
      seen.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    }
  return seen.size;
}
