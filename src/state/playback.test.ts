import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Timelines } from '../time/timeline';
import { DWELL_MS, LOOP_DWELL_MS } from '../time/player';
import { drivePlayback, type FrameClock } from './playback';
import { createStateStore, initialState } from './app-state';

const stop = (id: string, time: number) => ({ id, time, event: { id, chapter: 'flight' } as never });
const tls: Timelines = {
  flight: { chapter: 'flight', start: 0, end: 600_000, stops: [stop('a', 0), stop('b', 300_000), stop('c', 600_000)], step: 1000 },
  aftermath: { chapter: 'aftermath', start: 1e9, end: 2e9, stops: [], step: 86_400_000 },
};
/** Frames every 16 ms on vitest's fake timers. */
const fakeClock = (): FrameClock => ({
  requestFrame: (cb) => setTimeout(() => cb(Date.now()), 16) as unknown as number,
  cancelFrame: (id) => clearTimeout(id),
  now: () => Date.now(),
});

describe('the playback driver', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('moves the moment at the speed (1 min/s), dwells at an event, and stops at the end', () => {
    const store = createStateStore(initialState(tls, {}), tls);
    drivePlayback(store, tls, { clock: fakeClock(), reducedMotion: { matches: false } });
    store.dispatch({ type: 'play' });
    vi.advanceTimersByTime(1000);
    expect(store.get().moment.t).toBeGreaterThan(55_000);
    expect(store.get().moment.t).toBeLessThanOrEqual(60_000);
    vi.advanceTimersByTime(4100); // reaches b (300 s of story after 5 s) and dwells there
    expect(store.get().moment.t).toBe(300_000);
    vi.advanceTimersByTime(DWELL_MS - 100);
    expect(store.get().moment.t).toBe(300_000);
    vi.advanceTimersByTime(5000 + DWELL_MS + 300); // 300 s more, then a dwell at c, then done
    expect(store.get().moment.t).toBe(600_000);
    expect(store.get().playing).toBe(false);
    expect(vi.getTimerCount()).toBe(0); // no frame left asked for
  });

  it('with loop, opened at the end and playing with rest: it stays on the end for the loop rest, then starts again', () => {
    const store = createStateStore(initialState(tls, { event: 'c' }), tls);
    drivePlayback(store, tls, { clock: fakeClock(), reducedMotion: { matches: false }, loop: true });
    store.dispatch({ type: 'play', rest: true });
    vi.advanceTimersByTime(LOOP_DWELL_MS - 200);
    expect(store.get().moment.t).toBe(600_000);
    expect(store.get().playing).toBe(true);
    vi.advanceTimersByTime(400);
    expect(store.get().moment.t).toBeLessThan(60_000); // started again from the start
    expect(store.get().playing).toBe(true);
  });

  it('pause cancels the frame; the speed is read from the state', () => {
    const store = createStateStore(initialState(tls, {}), tls);
    drivePlayback(store, tls, { clock: fakeClock(), reducedMotion: { matches: false } });
    store.dispatch({ type: 'speed', id: '10m' });
    store.dispatch({ type: 'play' });
    vi.advanceTimersByTime(160);
    const t = store.get().moment.t;
    expect(t).toBeGreaterThan(60_000); // 10 min/s
    store.dispatch({ type: 'pause' });
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(store.get().moment.t).toBe(t);
  });

  it('follows the reader who seeks during playback', () => {
    const store = createStateStore(initialState(tls, {}), tls);
    drivePlayback(store, tls, { clock: fakeClock(), reducedMotion: { matches: false } });
    store.dispatch({ type: 'play' });
    vi.advanceTimersByTime(100);
    store.dispatch({ type: 'seek', t: 400_000 });
    vi.advanceTimersByTime(100);
    expect(store.get().moment.t).toBeGreaterThan(400_000);
    expect(store.get().moment.t).toBeLessThan(410_000);
    expect(store.get().playing).toBe(true);
  });

  it('with reduced motion it jumps event to event, reading the preference as it plays', () => {
    const reduced = { matches: true };
    const store = createStateStore(initialState(tls, {}), tls);
    drivePlayback(store, tls, { clock: fakeClock(), reducedMotion: reduced });
    store.dispatch({ type: 'play' });
    vi.advanceTimersByTime(16);
    expect(store.get().moment.t).toBe(300_000);
    vi.advanceTimersByTime(DWELL_MS * 2 + 32);
    expect(store.get().moment.t).toBe(600_000);
  });

  it('a long gap between frames (a hidden tab) counts as one short frame', () => {
    let now = 0;
    let pending: ((n: number) => void) | null = null;
    const clock: FrameClock = { requestFrame: (cb) => ((pending = cb), 1), cancelFrame: () => (pending = null), now: () => now };
    const store = createStateStore(initialState(tls, {}), tls);
    drivePlayback(store, tls, { clock, reducedMotion: { matches: false } });
    store.dispatch({ type: 'play' });
    now = 60_000;
    pending!(now);
    expect(store.get().moment.t).toBe(6000); // 100 ms at 1 min/s
  });

  it('loops: rests at the end, then starts again, never stopping', () => {
    const store = createStateStore(initialState(tls, {}), tls);
    drivePlayback(store, tls, { clock: fakeClock(), reducedMotion: { matches: false }, loop: true });
    store.dispatch({ type: 'speed', id: '10m' });
    store.dispatch({ type: 'play' });
    const seen: number[] = [];
    store.subscribe((st) => seen.push(st.moment.t));
    vi.advanceTimersByTime(1000 + DWELL_MS + 200); // 600 s of story at 10 min/s, a dwell at b
    expect(store.get().moment.t).toBe(600_000);
    vi.advanceTimersByTime(LOOP_DWELL_MS - 300);
    expect(store.get().moment.t).toBe(600_000); // resting at the end
    vi.advanceTimersByTime(1300);
    const back = seen.findIndex((t, i) => i > 0 && t < seen[i - 1]!);
    expect(back).toBeGreaterThan(0); // then again from the start
    expect(seen[back]).toBeLessThan(20_000);
    expect(store.get().playing).toBe(true);
  });

  it('stops driving when disposed', () => {
    const store = createStateStore(initialState(tls, {}), tls);
    const stopDriving = drivePlayback(store, tls, { clock: fakeClock(), reducedMotion: { matches: false } });
    store.dispatch({ type: 'play' });
    stopDriving();
    expect(vi.getTimerCount()).toBe(0);
  });
});
