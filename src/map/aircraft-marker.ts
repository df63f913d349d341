/**
 * The aircraft on the live map: a MapLibre marker holding the same drawing as the map's 'aircraft' icon
 * (icons.ts), rotated with the map. Moving it is a transform on one element, composited without
 * redrawing the map. Hidden from assistive technology (the panel says where the aircraft is) and from the
 * pointer (clicks reach the map's features under it).
 */
import { Marker } from 'maplibre-gl';
import type { Palette } from '../theme/palette';
import { aircraft } from './icons';

/** The icon's size in CSS pixels, as the symbol layer draws it (icon-size 1). */
const SIZE = 30;

export function aircraftMarker(c: Palette): Marker {
  const ratio = Math.max(2, Math.ceil(globalThis.devicePixelRatio || 1));
  const image = aircraft(c, ratio);
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  canvas.getContext('2d', { willReadFrequently: true })!.putImageData(image, 0, 0); // a software canvas: no GPU round trip to encode it
  // A background image, not a <canvas> in the map: '#map canvas' stays the map's own canvas.
  const el = document.createElement('div');
  el.className = 'aircraft-marker';
  el.style.width = el.style.height = `${SIZE}px`;
  el.style.backgroundImage = `url("${canvas.toDataURL('image/png')}")`;
  el.style.backgroundSize = '100% 100%';
  el.style.pointerEvents = 'none';
  const marker = new Marker({ element: el, rotationAlignment: 'map', pitchAlignment: 'map', subpixelPositioning: true });
  el.setAttribute('aria-hidden', 'true');
  return marker;
}
