/**
 * How the slider maps to time. The flight is linear in time (seconds matter); the year after is ordinal,
 * one even step per reporting day, because most of what was said was said in the first week. Pure.
 */
import { clamp } from '../geo/num';
import { clampTime, type ChapterTimeline } from './timeline';

export interface SliderScale {
  min: number;
  max: number;
  step: number;
  toValue(t: number): number;
  toTime(v: number): number;
  /** The time one keyboard step away. */
  stepFrom(t: number, dir: 1 | -1): number;
}

export function linearScale(tl: ChapterTimeline): SliderScale {
  const c = (t: number) => clampTime(tl, t);
  return { min: tl.start, max: tl.end, step: 1000, toValue: c, toTime: c, stepFrom: (t, dir) => c(t + dir * tl.step) };
}

export function ordinalScale(tl: ChapterTimeline): SliderScale {
  const days = [...new Set(tl.stops.map((s) => s.time))].sort((a, b) => a - b);
  if (!days.length) return linearScale(tl);
  const toValue = (t: number) => {
    let i = 0;
    while (i + 1 < days.length && days[i + 1]! <= t) i++;
    return i;
  };
  const toTime = (v: number) => days[clamp(Math.round(v), 0, days.length - 1)]!;
  return { min: 0, max: Math.max(days.length - 1, 1), step: 1, toValue, toTime, stepFrom: (t, dir) => toTime(toValue(t) + dir) };
}

export const scaleFor = (tl: ChapterTimeline): SliderScale => (tl.chapter === 'aftermath' ? ordinalScale(tl) : linearScale(tl));
