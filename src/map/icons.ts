/** Icons drawn at run time on a canvas (no sprite file to fetch): the aircraft and the crash mark. */
import type { Map as MlMap } from 'maplibre-gl';
import { AIRCRAFT_ICON, CRASH_ICON, type IconPath, type IconSymbol, type Palette } from '../theme/symbology';

/** Default pixel ratio of the icons; an export at a higher ratio draws them at its own. */
const RATIO = 2;

function draw(size: number, paint: (ctx: CanvasRenderingContext2D) => void, ratio: number): ImageData {
  const px = Math.ceil(size * ratio);
  const canvas = document.createElement('canvas');
  canvas.width = px;
  canvas.height = px;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!; // read back at once: a software canvas avoids a GPU round trip
  ctx.scale(px / size, px / size);
  paint(ctx);
  return ctx.getImageData(0, 0, px, px);
}

function trace(ctx: CanvasRenderingContext2D, path: IconPath) {
  ctx.beginPath();
  for (const c of path) {
    if (c[0] === 'M') ctx.moveTo(c[1], c[2]);
    else if (c[0] === 'L') ctx.lineTo(c[1], c[2]);
    else if (c[0] === 'Q') ctx.quadraticCurveTo(c[1], c[2], c[3], c[4]);
    else ctx.closePath();
  }
}

/** An icon from its symbol (src/theme/symbology.ts): the halo, then the shape filled (no width) or stroked with round caps. */
function icon(i: IconSymbol, c: Palette, ratio: number): ImageData {
  return draw(
    i.size,
    (ctx) => {
      ctx.lineJoin = 'round';
      if (i.width === undefined) {
        trace(ctx, i.path);
        ctx.lineWidth = i.haloWidth;
        ctx.strokeStyle = c[i.halo];
        ctx.stroke();
        ctx.fillStyle = c[i.colour];
        ctx.fill();
        return;
      }
      ctx.lineCap = 'round';
      for (const [w, colour] of [
        [i.haloWidth, c[i.halo]],
        [i.width, c[i.colour]],
      ] as const) {
        ctx.lineWidth = w;
        ctx.strokeStyle = colour;
        trace(ctx, i.path);
        ctx.stroke();
      }
    },
    ratio,
  );
}

const aircraft = (c: Palette, ratio: number): ImageData => icon(AIRCRAFT_ICON, c, ratio);
const crash = (c: Palette, ratio: number): ImageData => icon(CRASH_ICON, c, ratio);

export function addIcons(map: MlMap, c: Palette, ratio = RATIO): void {
  // The image's pixel ratio is its real one (a whole number of pixels wide), so it is drawn at its size in CSS pixels.
  if (!map.hasImage('aircraft')) map.addImage('aircraft', aircraft(c, ratio), { pixelRatio: Math.ceil(AIRCRAFT_ICON.size * ratio) / AIRCRAFT_ICON.size });
  if (!map.hasImage('crash')) map.addImage('crash', crash(c, ratio), { pixelRatio: Math.ceil(CRASH_ICON.size * ratio) / CRASH_ICON.size });
}
