import { describe, expect, it } from 'vitest';
import { advance, advanceLooping, DWELL_MS, LOOP_DWELL_MS } from './player';
import type { ChapterTimeline } from './timeline';

const ev = (id: string, time: number) => ({ id, time, event: {} as never });
const tl: ChapterTimeline = { chapter: 'flight', start: 0, end: 100_000, stops: [ev('a', 0), ev('b', 50_000), ev('c', 100_000)], step: 1000 };

describe('advance', () => {
  it('moves at the rate and stops exactly on the next event, then dwells', () => {
    let s = advance(tl, { t: 0, dwell: 0, done: false }, 100, 60);
    expect(s.t).toBe(6000);
    s = advance(tl, { t: 49_000, dwell: 0, done: false }, 100, 60);
    expect(s).toEqual({ t: 50_000, dwell: DWELL_MS, done: false });
    s = advance(tl, s, 500, 60);
    expect(s.t).toBe(50_000);
    expect(s.dwell).toBe(DWELL_MS - 500);
  });
  it('finishes at the end', () => {
    const s = advance(tl, { t: 99_990, dwell: 0, done: false }, 100, 60);
    expect(s.t).toBe(100_000);
    const e = advance(tl, { t: 100_000, dwell: 0, done: false }, 100, 60);
    expect(e.done).toBe(true);
  });
  it('jumps event to event with reduced motion', () => {
    const s = advance(tl, { t: 10, dwell: 0, done: false }, 16, 60, true);
    expect(s.t).toBe(50_000);
  });
  it('never goes backwards', () => {
    let s = { t: 0, dwell: 0, done: false };
    for (let i = 0; i < 2000 && !s.done; i++) {
      const n = advance(tl, s, 16, 600);
      expect(n.t).toBeGreaterThanOrEqual(s.t);
      s = n;
    }
    expect(s.done).toBe(true);
  });
});

describe('advanceLooping (loop)', () => {
  it('playing from the end (an embed opened at the crash) rests there first, then starts again', () => {
    let s = advanceLooping(tl, { t: 100_000, dwell: 0, done: false }, 100, 60);
    expect(s).toEqual({ t: 100_000, dwell: LOOP_DWELL_MS - 100, done: false });
    s = advanceLooping(tl, s, LOOP_DWELL_MS - 200, 60);
    expect(s).toEqual({ t: 100_000, dwell: 100, done: false });
    s = advanceLooping(tl, s, 100, 60);
    expect(s).toEqual({ t: 0, dwell: 0, done: false });
  });
  it('after the last event it dwells LOOP_DWELL_MS, then starts again from the start, and is never done', () => {
    let s = advanceLooping(tl, { t: 99_000, dwell: 0, done: false }, 100, 60);
    expect(s).toEqual({ t: 100_000, dwell: LOOP_DWELL_MS, done: false });
    s = advanceLooping(tl, s, LOOP_DWELL_MS - 100, 60);
    expect(s).toEqual({ t: 100_000, dwell: 100, done: false });
    s = advanceLooping(tl, s, 100, 60);
    expect(s).toEqual({ t: 0, dwell: 0, done: false });
    // over many loops with big steps: never done, never outside the chapter, every event still reached
    const seen = new Set<number>();
    let loops = 0;
    for (let i = 0; i < 5000; i++) {
      const n = advanceLooping(tl, s, 700, 60);
      if (n.t < s.t) loops++;
      s = n;
      expect(s.done).toBe(false);
      expect(s.t).toBeGreaterThanOrEqual(0);
      expect(s.t).toBeLessThanOrEqual(100_000);
      if (s.dwell > 0) seen.add(s.t);
    }
    expect(loops).toBeGreaterThan(10);
    expect([...seen].sort((a, b) => a - b)).toEqual([50_000, 100_000]);
  });

  it('with reduced motion it jumps event to event and loops the same way', () => {
    let s = advanceLooping(tl, { t: 50_000, dwell: 0, done: false }, 16, 60, true);
    expect(s.t).toBe(100_000);
    expect(s.dwell).toBe(Math.max(DWELL_MS * 2, LOOP_DWELL_MS));
    s = advanceLooping(tl, s, s.dwell, 60, true);
    expect(s.t).toBe(0);
  });
});
