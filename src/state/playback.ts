/**
 * The playback driver: while the state says `playing`, it moves the moment frame by frame (player.ts says how
 * far; it dwells at each event) and dispatches each step. It holds no copy of the moment: each frame starts from
 * the store's, so a reader who moves the slider during playback moves playback too.
 *
 * Its clock (frame requests and `now`) and the reduced-motion preference are given to it: the page passes
 * requestAnimationFrame, performance.now and one MediaQueryList; tests pass fake timers.
 */
import type { Timelines } from '../time/timeline';
import { advance, advanceLooping, SPEEDS, type PlayState } from '../time/player';
import type { StateStore } from './app-state';

export interface FrameClock {
  requestFrame(cb: (now: number) => void): number;
  cancelFrame(id: number): void;
  now(): number;
}

export interface PlaybackOptions {
  clock: FrameClock;
  /** `prefers-reduced-motion: reduce` (a MediaQueryList, read when a frame needs it): playback jumps event to event. */
  reducedMotion: { readonly matches: boolean };
  /** Start again after the end, after a rest (`?loop`). */
  loop?: boolean;
}

/** A gap between frames longer than this is a pause (a hidden tab, an embed scrolled away): it counts as PAUSE_FRAME_MS. */
export const MAX_FRAME_GAP_MS = 1000;
export const PAUSE_FRAME_MS = 100;

export function drivePlayback(store: StateStore, timelines: Timelines, o: PlaybackOptions): () => void {
  let frame = 0;
  let play: PlayState = { t: 0, dwell: 0, done: false };
  let last = 0;
  const step = (now: number) => {
    frame = 0;
    const s = store.get();
    if (!s.playing) return;
    const m = s.moment;
    if (m.t !== play.t) play = { t: m.t, dwell: 0, done: false }; // the reader moved the slider
    const speeds = SPEEDS[m.chapter];
    const rate = (speeds.find((x) => x.id === s.speed) ?? speeds[0]!).rate;
    const gap = now - last;
    const dt = gap > MAX_FRAME_GAP_MS ? PAUSE_FRAME_MS : Math.max(0, gap);
    last = now;
    play = (o.loop ? advanceLooping : advance)(timelines[m.chapter], play, dt, rate, o.reducedMotion.matches);
    store.dispatch({ type: 'step', t: play.t, done: play.done });
    if (store.get().playing && !frame) frame = o.clock.requestFrame(step);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing && !prev.playing) {
      play = { t: s.moment.t, dwell: 0, done: false };
      last = o.clock.now();
      if (!frame) frame = o.clock.requestFrame(step);
    } else if (!s.playing && frame) {
      o.clock.cancelFrame(frame);
      frame = 0;
    }
  });
  return () => {
    unsubscribe();
    if (frame) o.clock.cancelFrame(frame);
    frame = 0;
  };
}
