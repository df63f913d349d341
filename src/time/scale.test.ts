import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linearScale, ordinalScale } from './scale';
import type { ChapterTimeline } from './timeline';

const ev = (id: string, time: number) => ({ id, time, event: {} as never });
const DAY = 86_400_000;
const after: ChapterTimeline = {
  chapter: 'aftermath',
  start: 0,
  end: 300 * DAY,
  stops: [ev('a', 0), ev('b', 0), ev('c', DAY), ev('d', 3 * DAY), ev('e', 300 * DAY)],
  step: DAY,
};
const flight: ChapterTimeline = { chapter: 'flight', start: 1000, end: 10_000, stops: [], step: 30 };

describe('slider scales', () => {
  it('is linear in time for the flight', () => {
    const s = linearScale(flight);
    expect([s.min, s.max]).toEqual([1000, 10_000]);
    expect(s.toTime(s.toValue(5000))).toBe(5000);
    expect(s.stepFrom(1000, -1)).toBe(1000);
  });
  it('gives each reporting day an even step in the aftermath', () => {
    const s = ordinalScale(after);
    expect([s.min, s.max]).toEqual([0, 3]);
    expect(s.toValue(0)).toBe(0);
    expect(s.toValue(2 * DAY)).toBe(1);
    expect(s.toTime(2)).toBe(3 * DAY);
    expect(s.stepFrom(DAY, 1)).toBe(3 * DAY);
    expect(s.stepFrom(0, -1)).toBe(0);
    expect(s.stepFrom(300 * DAY, 1)).toBe(300 * DAY);
  });
  it('round-trips every value and never goes backwards', () => {
    const s = ordinalScale(after);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 300 * DAY }), fc.integer({ min: 0, max: 300 * DAY }), (v, a, b) => {
        expect(s.toValue(s.toTime(v))).toBe(v);
        if (a <= b) expect(s.toValue(a)).toBeLessThanOrEqual(s.toValue(b));
      }),
    );
  });
});
