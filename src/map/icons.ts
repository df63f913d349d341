/** Icons drawn at run time on a canvas (no sprite file to fetch): the aircraft and the crash mark. */
import type { Map as MlMap } from 'maplibre-gl';
import type { Palette } from '../theme/palette';

const RATIO = 2;

function draw(size: number, paint: (ctx: CanvasRenderingContext2D, s: number) => void): ImageData {
  const px = size * RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = px;
  canvas.height = px;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(RATIO, RATIO);
  paint(ctx, size);
  return ctx.getImageData(0, 0, px, px);
}

/** A plan-view airliner pointing up (north), outlined for contrast. */
function aircraft(c: Palette): ImageData {
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
  });
}

/** A bold ✕ on a halo. */
function crash(c: Palette): ImageData {
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
  });
}

export function addIcons(map: MlMap, c: Palette): void {
  if (!map.hasImage('aircraft')) map.addImage('aircraft', aircraft(c), { pixelRatio: RATIO });
  if (!map.hasImage('crash')) map.addImage('crash', crash(c), { pixelRatio: RATIO });
}
