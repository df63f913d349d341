/**
 * The timeline: two chapters (the flight, and the year of reporting after it), each a span with a stop
 * at every event. Pure: no DOM.
 */
import type { Chapter, StoryEvent } from '../story/schema';
import { clamp, lastAtOrBefore } from '../geo/num';

export interface Stop {
  id: string;
  time: number;
  event: StoryEvent;
}

export interface ChapterTimeline {
  chapter: Chapter;
  start: number;
  end: number;
  stops: Stop[];
  /** Keyboard arrow step. */
  step: number;
}

export interface Timelines {
  flight: ChapterTimeline;
  aftermath: ChapterTimeline;
}

export const DAY = 86_400_000;

export function buildTimelines(events: readonly StoryEvent[], flightSpan: { start: number; end: number }): Timelines {
  const stops = (c: Chapter) =>
    events
      .filter((e) => e.chapter === c)
      .map((e) => ({ id: e.id, time: Date.parse(e.time), event: e }))
      .sort((a, b) => a.time - b.time);
  const flightStops = stops('flight');
  const afterStops = stops('aftermath');
  const flight: ChapterTimeline = {
    chapter: 'flight',
    start: Math.min(flightSpan.start, flightStops[0]?.time ?? Infinity),
    end: Math.max(flightSpan.end, flightStops.at(-1)?.time ?? -Infinity),
    stops: flightStops,
    step: 30_000,
  };
  const aftermath: ChapterTimeline = {
    chapter: 'aftermath',
    start: afterStops[0]?.time ?? flight.end,
    end: afterStops.at(-1)?.time ?? flight.end + DAY,
    stops: afterStops,
    step: DAY,
  };
  return { flight, aftermath };
}

export const clampTime = (tl: ChapterTimeline, t: number) => clamp(t, tl.start, tl.end);

/** The index of the current stop: the last stop at or before t (-1 before the first). */
export function stopIndexAt(tl: ChapterTimeline, t: number): number {
  return lastAtOrBefore(tl.stops, t, (s) => s.time);
}

/** The current events: every stop at the time of the last stop at or before t (aftermath days hold several). */
export function stopsAt(tl: ChapterTimeline, t: number): Stop[] {
  const i = stopIndexAt(tl, t);
  if (i < 0) return [];
  const time = tl.stops[i]!.time;
  return tl.stops.filter((s) => s.time === time);
}

/** The stops with the one asked for first, where it is one of them. */
export function askedFirst<S extends { id: string }>(stops: S[], asked: string | undefined): S[] {
  const i = asked === undefined ? -1 : stops.findIndex((s) => s.id === asked);
  return i <= 0 ? stops : [stops[i]!, ...stops.slice(0, i), ...stops.slice(i + 1)];
}

/** The first stop strictly after t, or undefined. */
export function nextStop(tl: ChapterTimeline, t: number): Stop | undefined {
  return tl.stops.find((s) => s.time > t);
}

/** The last stop strictly before t, or undefined. */
export function prevStop(tl: ChapterTimeline, t: number): Stop | undefined {
  for (let i = tl.stops.length - 1; i >= 0; i--) if (tl.stops[i]!.time < t) return tl.stops[i];
  return undefined;
}

/** Which chapter a time belongs to: the flight from take-off to the crash, then the year after. Before take-off: none. */
export function chapterOf(tls: Timelines, t: number): Chapter | undefined {
  if (t >= tls.flight.start && t <= tls.flight.end) return 'flight';
  if (t > tls.flight.end && t <= tls.aftermath.end) return 'aftermath';
  return undefined;
}

/**
 * A time as the chapter shows it: clamped into the flight; in the year after, the reporting day at or
 * before it (so the map's claims and the panel's accounts are always "as of" the same day).
 */
export function snapTime(tl: ChapterTimeline, t: number): number {
  const c = clampTime(tl, t);
  if (tl.chapter === 'flight' || !tl.stops.length) return c;
  const i = stopIndexAt(tl, c);
  return tl.stops[Math.max(0, i)]!.time;
}

export function findStop(tls: Timelines, id: string): Stop | undefined {
  return tls.flight.stops.find((s) => s.id === id) ?? tls.aftermath.stops.find((s) => s.id === id);
}
