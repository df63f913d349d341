import { describe, expect, it } from 'vitest';
import type { Timelines } from '../time/timeline';
import { createStateStore, initialState, reduce, type AppState } from './app-state';

const stop = (id: string, time: number, chapter: 'flight' | 'aftermath') => ({ id, time, event: { id, chapter } as never });
const DAY = 86_400_000;
const tls: Timelines = {
  flight: {
    chapter: 'flight',
    start: 0,
    end: 100_000,
    stops: [stop('takeoff', 0, 'flight'), stop('impact', 50_000, 'flight'), stop('crash', 100_000, 'flight')],
    step: 1000,
  },
  aftermath: { chapter: 'aftermath', start: 10 * DAY, end: 20 * DAY, stops: [stop('a1', 10 * DAY, 'aftermath'), stop('a2', 20 * DAY, 'aftermath')], step: DAY },
};
const at = (t: number, patch: Partial<AppState> = {}): AppState => ({
  moment: { chapter: 'flight', t },
  playing: false,
  speed: '1m',
  camera: 'story',
  dragging: false,
  ...patch,
});

describe('initialState', () => {
  it('opens at take-off, at an event, or at a time snapped to its chapter', () => {
    expect(initialState(tls, {})).toEqual(at(0));
    expect(initialState(tls, { event: 'a2' })).toEqual({
      moment: { chapter: 'aftermath', t: 20 * DAY, event: 'a2' },
      playing: false,
      speed: '1d',
      camera: 'story',
      dragging: false,
    });
    expect(initialState(tls, { t: 15 * DAY + 5, chapter: 'aftermath' }).moment).toEqual({ chapter: 'aftermath', t: 10 * DAY });
    expect(initialState(tls, { event: 'nope' })).toEqual(at(0));
  });
});

describe('reduce', () => {
  it('seek: snaps into the chapter, forgets the event asked for, keeps playing', () => {
    const s = at(50_000, { playing: true, moment: { chapter: 'flight', t: 50_000, event: 'impact' } });
    expect(reduce(s, { type: 'seek', t: 60_000 }, tls)).toEqual(at(60_000, { playing: true }));
    expect(reduce(s, { type: 'seek', t: 1e9 }, tls).moment.t).toBe(100_000);
  });
  it('seek into the other chapter: its first speed', () => {
    const s = reduce(at(0, { speed: '10m' }), { type: 'seek', t: 12 * DAY, chapter: 'aftermath' }, tls);
    expect(s.moment).toEqual({ chapter: 'aftermath', t: 10 * DAY });
    expect(s.speed).toBe('1d');
  });
  it('seekEvent: the event, its chapter; an unknown id changes nothing; a host seek takes the camera back', () => {
    const s = at(0, { camera: 'reader' });
    expect(reduce(s, { type: 'seekEvent', id: 'impact' }, tls)).toEqual(
      at(50_000, { camera: 'reader', moment: { chapter: 'flight', t: 50_000, event: 'impact' } }),
    );
    expect(reduce(s, { type: 'seekEvent', id: 'nope' }, tls)).toBe(s);
    expect(reduce(s, { type: 'seekEvent', id: 'impact', follow: true }, tls).camera).toBe('story');
  });
  it('play, pause, toggle; playing at the end starts from the start', () => {
    expect(reduce(at(10), { type: 'play' }, tls)).toEqual(at(10, { playing: true }));
    expect(reduce(at(100_000), { type: 'play' }, tls)).toEqual(at(0, { playing: true }));
    // a looping embed opened at the end rests there first (the player restarts it)
    expect(reduce(at(100_000), { type: 'play', rest: true }, tls)).toEqual(at(100_000, { playing: true }));
    expect(reduce(at(10), { type: 'play', rest: true }, tls)).toEqual(at(10, { playing: true }));
    expect(reduce(at(10, { playing: true }), { type: 'pause' }, tls)).toEqual(at(10));
    expect(reduce(at(10, { playing: true }), { type: 'toggle' }, tls).playing).toBe(false);
    expect(reduce(at(10), { type: 'toggle' }, tls).playing).toBe(true);
    const s = at(10);
    expect(reduce(s, { type: 'pause' }, tls)).toBe(s);
  });
  it('step: moves the moment while playing; done stops; ignored when paused', () => {
    expect(reduce(at(10, { playing: true }), { type: 'step', t: 20 }, tls)).toEqual(at(20, { playing: true }));
    expect(reduce(at(99_000, { playing: true }), { type: 'step', t: 100_000, done: true }, tls)).toEqual(at(100_000));
    const s = at(10);
    expect(reduce(s, { type: 'step', t: 20 }, tls)).toBe(s);
  });
  it('speed: only a speed of the chapter', () => {
    expect(reduce(at(0), { type: 'speed', id: '3m' }, tls).speed).toBe('3m');
    const s = at(0);
    expect(reduce(s, { type: 'speed', id: '1w' }, tls)).toBe(s);
  });
  it('chapter: stops playback, goes to the first event at the first speed', () => {
    const s = reduce(at(5, { playing: true, speed: '3m' }), { type: 'chapter', chapter: 'aftermath' }, tls);
    expect(s).toEqual({ moment: { chapter: 'aftermath', t: 10 * DAY }, playing: false, speed: '1d', camera: 'story', dragging: false });
    expect(reduce(s, { type: 'chapter', chapter: 'aftermath' }, tls)).toBe(s);
  });
  it('camera: a gesture gives it to the reader, follow gives it back to the story', () => {
    const r = reduce(at(0), { type: 'gesture' }, tls);
    expect(r.camera).toBe('reader');
    expect(reduce(r, { type: 'seek', t: 50 }, tls).camera).toBe('reader');
    expect(reduce(r, { type: 'follow' }, tls).camera).toBe('story');
  });
  it('drag: a dragged slider seeks and holds until released; any other seek, an event or a chapter ends the drag', () => {
    const d = reduce(at(0), { type: 'seek', t: 40_000, drag: true }, tls);
    expect(d).toEqual(at(40_000, { dragging: true }));
    const d2 = reduce(d, { type: 'seek', t: 60_000, drag: true }, tls);
    expect(d2).toEqual(at(60_000, { dragging: true }));
    expect(reduce(d2, { type: 'seek', t: 60_000, drag: true }, tls)).toBe(d2);
    const r = reduce(d2, { type: 'release' }, tls);
    expect(r).toEqual(at(60_000));
    expect(reduce(r, { type: 'release' }, tls)).toBe(r); // nothing held: no change
    // A drag that ends where it is: the release still ends it.
    expect(reduce(d2, { type: 'seek', t: 60_000 }, tls)).toEqual(at(60_000));
    expect(reduce(d2, { type: 'seek', t: 70_000 }, tls)).toEqual(at(70_000));
    expect(reduce(d2, { type: 'seekEvent', id: 'crash' }, tls).dragging).toBe(false);
    expect(reduce(d2, { type: 'chapter', chapter: 'aftermath' }, tls).dragging).toBe(false);
    // Playback moving under a held slider leaves it held.
    expect(reduce({ ...d2, playing: true }, { type: 'step', t: 61_000 }, tls).dragging).toBe(true);
  });
});

describe('the state store', () => {
  it('tells each change once; a change made by a subscriber is told after, in order', () => {
    const store = createStateStore(at(0), tls);
    const heard: string[] = [];
    store.subscribe((s, prev) => {
      heard.push(`a ${prev.moment.t}→${s.moment.t}`);
      if (s.moment.t === 10) store.dispatch({ type: 'seek', t: 20 });
    });
    store.subscribe((s, prev) => heard.push(`b ${prev.moment.t}→${s.moment.t}`));
    store.dispatch({ type: 'seek', t: 10 });
    store.dispatch({ type: 'seek', t: 20 }); // no change: not told
    expect(heard).toEqual(['a 0→10', 'b 0→10', 'a 10→20', 'b 10→20']);
  });
});
