/**
 * Scale bars: round lengths in kilometres and nautical miles that fit a given width, labelled in the picture's
 * language (`scale.km`, `scale.m`, `scale.nm`: "500 км", "50 мор. миль", "50 dəniz mili"). Pure.
 */
import { msg } from '../../i18n';

export const NAUTICAL_MILE_M = 1852;

export interface ScaleBar {
  unit: 'km' | 'm' | 'nm';
  /** The length in its unit: 1, 2 or 5 × a power of ten. */
  value: number;
  label: string;
  /** Its length in pixels. */
  px: number;
}

/** A length with its unit, in the page's (the picture's) language. */
export const scaleLabel = (unit: ScaleBar['unit'], value: number): string => msg(`scale.${unit}`, { value });

/** The largest of 1, 2 and 5 × 10^k that is at most x (x > 0). */
export function niceBelow(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`niceBelow: ${x}`);
  const p = 10 ** Math.floor(Math.log10(x));
  // Guard against floating-point error just below a power of ten (log10(1000) = 2.9999…).
  const base = x / p >= 9.999999 ? p * 10 : p;
  const f = x / base;
  return (f >= 5 ? 5 : f >= 2 ? 2 : 1) * base;
}

/** Bars in km (metres below 1 km) and nm, each as long as possible up to maxPx, for `mpp` metres per pixel. */
export function scaleBars(mpp: number, maxPx: number): { metric: ScaleBar; nautical: ScaleBar } {
  if (!(mpp > 0) || !(maxPx > 0)) throw new RangeError('scaleBars: mpp and maxPx must be positive');
  const maxM = mpp * maxPx;
  const metric: ScaleBar =
    maxM >= 1000
      ? (() => {
          const v = niceBelow(maxM / 1000);
          return { unit: 'km' as const, value: v, label: scaleLabel('km', v), px: (v * 1000) / mpp };
        })()
      : (() => {
          const v = niceBelow(maxM);
          return { unit: 'm' as const, value: v, label: scaleLabel('m', v), px: v / mpp };
        })();
  const nmV = niceBelow(maxM / NAUTICAL_MILE_M);
  const nautical: ScaleBar = { unit: 'nm', value: nmV, label: scaleLabel('nm', nmV), px: (nmV * NAUTICAL_MILE_M) / mpp };
  return { metric, nautical };
}
