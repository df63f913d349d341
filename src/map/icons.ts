/** Icons drawn at run time on a canvas (no sprite file to fetch): the aircraft and the crash mark. */
import type { Map as MlMap } from 'maplibre-gl';
import type { Palette } from '../theme/palette';

/** Default pixel ratio of the icons; an export at a higher ratio draws them at its own. */
const RATIO = 2;

function draw(size: number, paint: (ctx: CanvasRenderingContext2D, s: number) => void, ratio: number): ImageData {
  const px = Math.ceil(size * ratio);
  const canvas = document.createElement('canvas');
  canvas.width = px;
  canvas.height = px;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!; // read back at once: a software canvas avoids a GPU round trip
  ctx.scale(px / size, px / size);
  paint(ctx, size);
  return ctx.getImageData(0, 0, px, px);
}

/** A plan-view airliner pointing up (north), outlined for contrast (the map's symbol, and the live map's marker). */
export function aircraft(c: Palette, ratio: number): ImageData {
  return draw(30, (ctx, s) => {
    const m = s / 2;
    ctx.beginPath();
    ctx.moveTo(m, 2); // nose
    ctx.quadraticCurveTo(m + 2.4, 4, m + 2.4, 9);
    ctx.lineTo(m + 2.4, 11);
    ctx.lineTo(s - 2, 17); // right wing tip
    ctx.lineTo(s - 2, 19.5);
    ctx.lineTo(m + 2.4, 16.5);
    ctx.lineTo(m + 1.8, 23);
    ctx.lineTo(m + 6, 26);
    ctx.lineTo(m + 6, 28);
    ctx.lineTo(m, 26.5);
    ctx.lineTo(m - 6, 28);
    ctx.lineTo(m - 6, 26);
    ctx.lineTo(m - 1.8, 23);
    ctx.lineTo(m - 2.4, 16.5);
    ctx.lineTo(2, 19.5);
    ctx.lineTo(2, 17);
    ctx.lineTo(m - 2.4, 11);
    ctx.lineTo(m - 2.4, 9);
    ctx.quadraticCurveTo(m - 2.4, 4, m, 2);
    ctx.closePath();
    ctx.lineJoin = 'round';
    ctx.lineWidth = 2.2;
    ctx.strokeStyle = c.labelHalo;
    ctx.stroke();
    ctx.fillStyle = c.aircraft;
    ctx.fill();
  }, ratio);
}

/** A bold ✕ on a halo. */
function crash(c: Palette, ratio: number): ImageData {
  return draw(22, (ctx, s) => {
    ctx.lineCap = 'round';
    const cross = (w: number, colour: string) => {
      ctx.lineWidth = w;
      ctx.strokeStyle = colour;
      ctx.beginPath();
      ctx.moveTo(5, 5);
      ctx.lineTo(s - 5, s - 5);
      ctx.moveTo(s - 5, 5);
      ctx.lineTo(5, s - 5);
      ctx.stroke();
    };
    cross(7, c.labelHalo);
    cross(3.5, c.crash);
  }, ratio);
}

export function addIcons(map: MlMap, c: Palette, ratio = RATIO): void {
  // The image's pixel ratio is its real one (a whole number of pixels wide), so it is drawn at its size in CSS pixels.
  if (!map.hasImage('aircraft')) map.addImage('aircraft', aircraft(c, ratio), { pixelRatio: Math.ceil(30 * ratio) / 30 });
  if (!map.hasImage('crash')) map.addImage('crash', crash(c, ratio), { pixelRatio: Math.ceil(22 * ratio) / 22 });
}
