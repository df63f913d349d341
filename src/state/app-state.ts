/**
 * The app's one state and its reducer. Pure: no DOM, no MapLibre, no clock.
 *
 *   intents (slider, buttons, list, URL, host, playback driver) → reduce → the state → effects (map, panel,
 *   slider, list, URL, host messages)
 *
 * The state is the moment (chapter, time, and the event asked for where several share an instant), whether
 * playback runs and at which speed, and who holds the camera: the story (it frames each event) or the reader
 * (who panned or zoomed; the map then stays where they put it until they ask to follow the story again), and
 * whether the reader is dragging the slider (the camera keeps still until they let go, then frames once).
 */
import type { Chapter } from '../story/schema';
import { findStop, snapTime, stopsAt, type Timelines } from '../time/timeline';
import { SPEEDS } from '../time/player';
import { createStore, type Store } from './store';

export interface Moment {
  chapter: Chapter;
  t: number;
  /** The event asked for, where several share the instant (a link or a host named it). */
  event?: string;
}

/** 'story': the camera frames each event; 'reader': the reader moved the map, and it stays put. */
export type CameraMode = 'story' | 'reader';

export interface AppState {
  moment: Moment;
  playing: boolean;
  /** A speed id of the moment's chapter (time/player.ts SPEEDS). */
  speed: string;
  camera: CameraMode;
  /** The reader is dragging the slider (a seek with `drag`, until 'release'): the camera waits for the release. */
  dragging: boolean;
}

export type Intent =
  /**
   * Go to a time (in `chapter`, else the current one), snapped to what the chapter shows. `follow`: as seekEvent's.
   * `drag`: a dragged slider's seek (the reader is still holding it); any other seek is a step of its own.
   */
  | { type: 'seek'; t: number; chapter?: Chapter; follow?: boolean; drag?: boolean }
  /** The reader let go of the slider they dragged. */
  | { type: 'release' }
  /** Go to an event (unknown ids change nothing). `follow`: the camera goes back to the story (a host's seek). */
  | { type: 'seekEvent'; id: string; follow?: boolean }
  /** Playback moved the moment (the driver); `done`: it reached the end and stops. Ignored when not playing. */
  | { type: 'step'; t: number; done?: boolean }
  /** `rest`: at the end, stay there (a looping embed opened at the crash rests on it first); else start again. */
  | { type: 'play'; rest?: boolean }
  | { type: 'pause' }
  | { type: 'toggle' }
  | { type: 'speed'; id: string }
  /** Switch chapter: playback stops, the moment goes to the chapter's first event. */
  | { type: 'chapter'; chapter: Chapter }
  /** The reader panned or zoomed the map. */
  | { type: 'gesture' }
  /** "Follow the story": the camera frames the story again. */
  | { type: 'follow' };

export const firstSpeed = (c: Chapter): string => SPEEDS[c][0]!.id;

/** The state to open at: an event or a time from the URL, else take-off. */
export function initialState(timelines: Timelines, url: { event?: string; t?: number; chapter?: Chapter }): AppState {
  let moment: Moment = { chapter: 'flight', t: timelines.flight.start };
  const stop = url.event !== undefined ? findStop(timelines, url.event) : undefined;
  if (stop) moment = { chapter: stop.event.chapter, t: stop.time, event: stop.id };
  else if (url.t !== undefined && url.chapter) moment = { chapter: url.chapter, t: snapTime(timelines[url.chapter], url.t) };
  return { moment, playing: false, speed: firstSpeed(moment.chapter), camera: 'story', dragging: false };
}

const sameMoment = (a: Moment, b: Moment) => a.chapter === b.chapter && a.t === b.t && a.event === b.event;

/** The state with a new moment; a new chapter starts at its own first speed, however it was reached. */
function withMoment(s: AppState, moment: Moment, patch: Partial<AppState> = {}): AppState {
  const same = sameMoment(s.moment, moment);
  if (same && (Object.keys(patch) as (keyof AppState)[]).every((k) => patch[k] === s[k])) return s;
  const next: AppState = { ...s, moment: same ? s.moment : moment, ...patch };
  if (moment.chapter !== s.moment.chapter) next.speed = firstSpeed(moment.chapter);
  return next;
}

/** Returns `s` itself when the intent changes nothing. */
export function reduce(s: AppState, intent: Intent, timelines: Timelines): AppState {
  const tl = timelines[s.moment.chapter];
  switch (intent.type) {
    case 'seek': {
      const c = intent.chapter ?? s.moment.chapter;
      return withMoment(s, { chapter: c, t: snapTime(timelines[c], intent.t) }, { dragging: !!intent.drag, ...(intent.follow ? { camera: 'story' } : {}) });
    }
    case 'seekEvent': {
      const stop = findStop(timelines, intent.id);
      if (!stop) return s;
      return withMoment(s, { chapter: stop.event.chapter, t: stop.time, event: stop.id }, { dragging: false, ...(intent.follow ? { camera: 'story' } : {}) });
    }
    case 'step': {
      if (!s.playing) return s;
      // Not snapped: between two dates of the year after, playback moves on through the days (the panel shows the date before).
      return withMoment(s, { chapter: s.moment.chapter, t: intent.t }, intent.done ? { playing: false } : {});
    }
    case 'play': {
      if (s.playing) return s;
      // At the end, playing starts again from the start (or, resting first, from the end: the player restarts it).
      const moment = s.moment.t >= tl.end && !intent.rest ? { chapter: s.moment.chapter, t: tl.start } : s.moment;
      return withMoment(s, moment, { playing: true });
    }
    case 'pause':
      return s.playing ? { ...s, playing: false } : s;
    case 'toggle':
      return reduce(s, { type: s.playing ? 'pause' : 'play' }, timelines);
    case 'speed':
      return s.speed !== intent.id && SPEEDS[s.moment.chapter].some((x) => x.id === intent.id) ? { ...s, speed: intent.id } : s;
    case 'chapter': {
      if (intent.chapter === s.moment.chapter) return s;
      const next = timelines[intent.chapter];
      return withMoment(s, { chapter: intent.chapter, t: next.stops[0]?.time ?? next.start }, { playing: false, dragging: false });
    }
    case 'release':
      return s.dragging ? { ...s, dragging: false } : s;
    case 'gesture':
      return s.camera === 'reader' ? s : { ...s, camera: 'reader' };
    case 'follow':
      return s.camera === 'story' ? s : { ...s, camera: 'story' };
  }
}

export interface StateStore extends Store<AppState> {
  dispatch(intent: Intent): void;
}

/** The store of the state: `dispatch` reduces an intent; subscribers hear each change once, with the state before. */
export function createStateStore(initial: AppState, timelines: Timelines): StateStore {
  const store = createStore<AppState>(initial);
  return { ...store, dispatch: (intent) => store.set(reduce(store.get(), intent, timelines)) };
}

/** The event the moment is exactly at, if any: the one asked for where several share the instant, else the first. */
export function exactEvent(timelines: Timelines, m: Moment): string | undefined {
  const here = stopsAt(timelines[m.chapter], m.t).filter((s) => s.time === m.t);
  return (here.find((s) => s.id === m.event) ?? here[0])?.id;
}
