/** Icons drawn at run time on a canvas (no sprite file to fetch): the aircraft and the crash mark. */
import type { Map as MlMap } from 'maplibre-gl';
import type { Palette } from '../theme/palette';

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

/** A path as commands in the icon's own pixels: M and L take a point, Q a control point and a point. */
export type IconPath = readonly (readonly ['M' | 'L', number, number] | readonly ['Q', number, number, number, number] | readonly ['Z'])[];

/** A plan-view airliner pointing up (north) in a 30 px box: the map's symbol, the live map's marker, the vector export's. */
export const AIRCRAFT_ICON = {
  size: 30,
  /** The outline's halo (labelHalo colour), under the aircraft colour. */
  haloWidth: 2.2,
  path: [
    ['M', 15, 2], // nose
    ['Q', 17.4, 4, 17.4, 9],
    ['L', 17.4, 11],
    ['L', 28, 17], // right wing tip
    ['L', 28, 19.5],
    ['L', 17.4, 16.5],
    ['L', 16.8, 23],
    ['L', 21, 26],
    ['L', 21, 28],
    ['L', 15, 26.5],
    ['L', 9, 28],
    ['L', 9, 26],
    ['L', 13.2, 23],
    ['L', 12.6, 16.5],
    ['L', 2, 19.5],
    ['L', 2, 17],
    ['L', 12.6, 11],
    ['L', 12.6, 9],
    ['Q', 12.6, 4, 15, 2],
    ['Z'],
  ] as IconPath,
} as const;

/** A bold ✕ on a halo in a 22 px box: round-capped strokes, the halo (labelHalo) then the mark (crash). */
export const CRASH_ICON = {
  size: 22,
  path: [['M', 5, 5], ['L', 17, 17], ['M', 17, 5], ['L', 5, 17]] as IconPath,
  haloWidth: 7,
  width: 3.5,
} as const;

function trace(ctx: CanvasRenderingContext2D, path: IconPath) {
  ctx.beginPath();
  for (const c of path) {
    if (c[0] === 'M') ctx.moveTo(c[1], c[2]);
    else if (c[0] === 'L') ctx.lineTo(c[1], c[2]);
    else if (c[0] === 'Q') ctx.quadraticCurveTo(c[1], c[2], c[3], c[4]);
    else ctx.closePath();
  }
}

export function aircraft(c: Palette, ratio: number): ImageData {
  return draw(AIRCRAFT_ICON.size, (ctx) => {
    trace(ctx, AIRCRAFT_ICON.path);
    ctx.lineJoin = 'round';
    ctx.lineWidth = AIRCRAFT_ICON.haloWidth;
    ctx.strokeStyle = c.labelHalo;
    ctx.stroke();
    ctx.fillStyle = c.aircraft;
    ctx.fill();
  }, ratio);
}

function crash(c: Palette, ratio: number): ImageData {
  return draw(CRASH_ICON.size, (ctx) => {
    ctx.lineCap = 'round';
    for (const [w, colour] of [[CRASH_ICON.haloWidth, c.labelHalo], [CRASH_ICON.width, c.crash]] as const) {
      ctx.lineWidth = w;
      ctx.strokeStyle = colour;
      trace(ctx, CRASH_ICON.path);
      ctx.stroke();
    }
  }, ratio);
}

export function addIcons(map: MlMap, c: Palette, ratio = RATIO): void {
  // The image's pixel ratio is its real one (a whole number of pixels wide), so it is drawn at its size in CSS pixels.
  if (!map.hasImage('aircraft')) map.addImage('aircraft', aircraft(c, ratio), { pixelRatio: Math.ceil(AIRCRAFT_ICON.size * ratio) / AIRCRAFT_ICON.size });
  if (!map.hasImage('crash')) map.addImage('crash', crash(c, ratio), { pixelRatio: Math.ceil(CRASH_ICON.size * ratio) / CRASH_ICON.size });
}
