import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EventsFile } from '../story/schema';
import { buildTimelines, chapterOf, findStop, nextStop, prevStop, snapTime, stopIndexAt, stopsAt } from './timeline';

const events = EventsFile.parse(JSON.parse(readFileSync('geo/events.json', 'utf8'))).events;
const span = { start: Date.parse('2024-12-25T03:55:00Z'), end: Date.parse('2024-12-25T06:28:00Z') };
const tls = buildTimelines(events, span);
const T = (s: string) => Date.parse(s);

describe('the event index', () => {
  it('has a stop for every event, in order, in its chapter', () => {
    expect(tls.flight.stops.length + tls.aftermath.stops.length).toBe(events.length);
    for (const tl of [tls.flight, tls.aftermath])
      for (let i = 1; i < tl.stops.length; i++) expect(tl.stops[i]!.time).toBeGreaterThanOrEqual(tl.stops[i - 1]!.time);
  });
  it('spans the flight from take-off to the crash', () => {
    expect(tls.flight.start).toBe(T('2024-12-25T03:55:00Z'));
    expect(tls.flight.end).toBe(T('2024-12-25T06:28:00Z'));
    expect(tls.flight.stops[0]!.id).toBe('takeoff');
    expect(tls.flight.stops.at(-1)!.id).toBe('crash');
  });
  it('finds the current event: exact at event times, the last one before between them', () => {
    expect(stopsAt(tls.flight, T('2024-12-25T05:13:31Z')).map((s) => s.id)).toEqual(['first-impact']);
    expect(stopsAt(tls.flight, T('2024-12-25T05:13:40Z')).map((s) => s.id)).toEqual(['first-impact']);
    expect(stopsAt(tls.flight, T('2024-12-25T05:13:56Z')).map((s) => s.id)).toEqual(['second-impact']);
    expect(stopIndexAt(tls.flight, T('2024-12-25T03:00:00Z'))).toBe(-1);
  });
  it('groups events of the same day in the aftermath', () => {
    const day = stopsAt(tls.aftermath, T('2024-12-28T12:00:00Z'));
    expect(day.map((s) => s.id)).toContain('kremlin-readout-apology');
    const first = stopsAt(tls.aftermath, T('2024-12-25T00:00:00Z'));
    expect(first.length).toBeGreaterThan(3);
    expect(new Set(first.map((s) => s.time)).size).toBe(1);
  });
  it('steps to the next and previous event', () => {
    expect(nextStop(tls.flight, T('2024-12-25T05:13:31Z'))!.id).toBe('second-impact');
    expect(prevStop(tls.flight, T('2024-12-25T05:13:31Z'))!.id).toBe('second-approach-return');
    expect(nextStop(tls.flight, tls.flight.end)).toBeUndefined();
    expect(prevStop(tls.flight, tls.flight.start)).toBeUndefined();
  });
  it('snaps a time into its chapter: clamped in the flight, to the reporting day in the year after', () => {
    expect(snapTime(tls.flight, T('2024-12-25T05:00:07Z'))).toBe(T('2024-12-25T05:00:07Z'));
    expect(snapTime(tls.flight, T('2024-12-25T09:00:00Z'))).toBe(tls.flight.end);
    expect(snapTime(tls.aftermath, T('2025-06-30T12:00:00Z'))).toBe(T('2025-02-19T00:00:00Z'));
    expect(snapTime(tls.aftermath, T('2030-01-01T00:00:00Z'))).toBe(T('2025-12-26T00:00:00Z'));
  });
  it('tells which chapter a time belongs to (none before take-off)', () => {
    expect(chapterOf(tls, T('2024-12-25T05:00:00Z'))).toBe('flight');
    expect(chapterOf(tls, T('2024-12-25T02:00:00Z'))).toBeUndefined();
    expect(chapterOf(tls, T('2024-12-25T12:00:00Z'))).toBe('aftermath');
    expect(chapterOf(tls, T('2025-10-09T00:00:00Z'))).toBe('aftermath');
    expect(chapterOf(tls, T('2019-01-01T00:00:00Z'))).toBeUndefined();
    expect(findStop(tls, 'putin-admission')!.event.chapter).toBe('aftermath');
  });
});
