/**
 * Playback as a pure step: given the moment, the elapsed wall time and the speed, where is the moment
 * now? Playback dwells at each event so the reader can read it. The animation loop lives in the UI.
 */
import type { ChapterTimeline } from './timeline';
import { msg, type MessageKey } from '../i18n';

export interface Speed {
  id: string;
  /** In the page's language. */
  readonly label: string;
  /** Story milliseconds per wall-clock millisecond. */
  rate: number;
}

function speed(id: string, key: MessageKey, n: number, rate: number): Speed {
  return {
    id,
    rate,
    get label() {
      return msg(key, { n });
    },
  };
}

export const SPEEDS: Record<'flight' | 'aftermath', Speed[]> = {
  flight: [speed('1m', 'speed.min', 1, 60), speed('3m', 'speed.min', 3, 180), speed('10m', 'speed.min', 10, 600)],
  aftermath: [speed('1d', 'speed.day', 1, 86_400), speed('1w', 'speed.week', 1, 604_800), speed('1mo', 'speed.month', 1, 2_592_000)],
};

export interface PlayState {
  t: number;
  /** Wall-clock ms left to dwell at the current event before moving on. */
  dwell: number;
  done: boolean;
}

export const DWELL_MS = 1200;

/**
 * Advance by `dtMs` of wall time. Crossing an event stops exactly on it and starts a dwell.
 * With `jump` (prefers-reduced-motion) the moment moves from event to event with no animation between.
 */
export function advance(tl: ChapterTimeline, s: PlayState, dtMs: number, rate: number, jump = false, dwellMs = DWELL_MS): PlayState {
  if (s.done) return s;
  if (s.dwell > 0) return { ...s, dwell: Math.max(0, s.dwell - dtMs) };
  const next = tl.stops.find((st) => st.time > s.t);
  if (jump) {
    if (!next) return { t: tl.end, dwell: 0, done: true };
    return { t: next.time, dwell: dwellMs * 2, done: false };
  }
  const t = s.t + dtMs * rate;
  if (next && t >= next.time) return { t: next.time, dwell: dwellMs, done: false };
  if (t >= tl.end) return { t: tl.end, dwell: 0, done: true };
  return { t, dwell: 0, done: false };
}

/** With `loop`: how long playback rests at the end (the crash) before it starts again. */
export const LOOP_DWELL_MS = 6000;

/**
 * As `advance`, for a looping embed (`loop`): at the end of the chapter it dwells `loopDwellMs`, then starts
 * again from the chapter's start. Never `done`.
 */
export function advanceLooping(tl: ChapterTimeline, s: PlayState, dtMs: number, rate: number, jump = false, loopDwellMs = LOOP_DWELL_MS): PlayState {
  if (s.t >= tl.end) {
    // Playing from the end (an embed opened at the crash): the rest comes first.
    if (s.dwell === 0 && loopDwellMs > dtMs) return { t: tl.end, dwell: loopDwellMs - dtMs, done: false };
    if (s.dwell > dtMs) return { t: s.t, dwell: s.dwell - dtMs, done: false };
    return { t: tl.start, dwell: 0, done: false };
  }
  const n = advance(tl, s, dtMs, rate, jump);
  return n.t >= tl.end ? { t: tl.end, dwell: Math.max(n.dwell, loopDwellMs), done: false } : n;
}
