/**
 * The camera effect with the real story and a stand-in map: which intents move the map, eased or at once. A
 * dragged slider keeps the map still until it is let go; steps, events and playback frame at once.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { STORY_FILES, validateStory } from '../story/validate';
import { buildTrack, positionAt } from '../track/interpolate';
import { worldPx } from '../geo/mercator';
import { buildLayers } from '../scene/layers';
import { buildTimelines } from '../time/timeline';
import { createStateStore, initialState, type Intent } from '../state/app-state';
import type { StoryMap } from '../map/story-map';
import { storyCamera } from './camera';

const r = validateStory(Object.fromEntries(Object.entries(STORY_FILES).map(([k, f]) => [k, readFileSync(f, 'utf8')])));
if (!r.ok) throw new Error(r.errors.join('\n'));
const story = r.story;
const track = buildTrack(story.track.features);
const timelines = buildTimelines(story.events, { start: track.start, end: track.end });
const time = (id: string) => timelines.flight.stops.find((s) => s.id === id)!.time;

const aircraftAt = (t: number) => positionAt(track, t);

function setUp(o: { reduced?: boolean; deepLink?: boolean; url?: { event?: string } } = {}) {
  const moves: { zoom: number; animate: boolean }[] = [];
  const map = {
    view: () => ({ width: 1056, height: 594, padding: { top: 50, right: 330, bottom: 80, left: 60 } }),
    moveTo: (c: { zoom: number }, animate: boolean) => moves.push({ zoom: c.zoom, animate }),
  } as unknown as StoryMap;
  const store = createStateStore(initialState(timelines, o.url ?? {}), timelines);
  const camera = storyCamera(story, timelines, () => map, { matches: !!o.reduced }, !!o.deepLink, buildLayers(story, track).frame, aircraftAt);
  store.subscribe((s, prev) => camera.effect(s, prev));
  camera.mapMade(map, store.get().moment, store.get().camera, false);
  const opened = moves.splice(0); // the new map's opening camera
  const send = (...intents: Intent[]) => {
    for (const i of intents) store.dispatch(i);
  };
  return { moves, send, store, opened };
}

describe('the camera that follows the story', () => {
  it('a page opened plain keeps the whole route until the story moves; a step to an event eases there', () => {
    const { moves, send, opened } = setUp();
    expect(opened).toEqual([{ zoom: expect.any(Number), animate: false }]);
    expect(moves).toEqual([]);
    send({ type: 'seekEvent', id: 'first-impact' });
    expect(moves).toHaveLength(1);
    expect(moves[0]!.animate).toBe(true);
  });

  it('a deep link opens framed, at once', () => {
    const plain = setUp().opened;
    const { opened } = setUp({ deepLink: true, url: { event: 'crash' } });
    expect(opened).toEqual([{ zoom: expect.any(Number), animate: false }]);
    expect(opened[0]!.zoom).toBeGreaterThan(plain[0]!.zoom + 2);
  });

  it('a dragged slider keeps the map still across frames, and frames once, eased, when let go', () => {
    const { moves, send, store } = setUp();
    const from = time('takeoff'),
      to = time('crash');
    for (let i = 0; i <= 100; i++) send({ type: 'seek', t: from + ((to - from) * i) / 100, drag: true });
    expect(store.get().moment.t).toBe(to);
    expect(moves).toEqual([]);
    send({ type: 'release' });
    expect(moves).toHaveLength(1);
    expect(moves[0]!.animate).toBe(true);
    send({ type: 'release' }); // nothing held: nothing moves
    expect(moves).toHaveLength(1);
  });

  it('a drag let go in the frame already shown does not move the map', () => {
    const { moves, send } = setUp();
    send({ type: 'seekEvent', id: 'first-impact' });
    send({ type: 'seek', t: time('first-impact') + 1000, drag: true }, { type: 'release' });
    expect(moves).toHaveLength(1);
  });

  it('keyboard steps and playback ease at each new frame', () => {
    const { moves, send } = setUp();
    send({ type: 'seek', t: time('first-impact') });
    expect(moves).toHaveLength(1);
    send({ type: 'seek', t: time('crash') });
    expect(moves).toHaveLength(2);
    send({ type: 'seek', t: time('takeoff') }, { type: 'play' }, { type: 'step', t: time('first-impact') });
    expect(moves.length).toBeGreaterThanOrEqual(4);
    expect(moves.every((m) => m.animate)).toBe(true);
  });

  it('with reduced motion it jumps, on a release too', () => {
    const { moves, send } = setUp({ reduced: true });
    send({ type: 'seekEvent', id: 'first-impact' });
    send({ type: 'seek', t: time('crash'), drag: true }, { type: 'release' });
    expect(moves).toHaveLength(2);
    expect(moves.every((m) => !m.animate)).toBe(true);
  });

  it("the reader's camera stays put through drags and steps; Follow brings it back, even mid-drag", () => {
    const { moves, send } = setUp();
    send({ type: 'gesture' }, { type: 'seek', t: time('crash'), drag: true }, { type: 'release' }, { type: 'seekEvent', id: 'first-impact' });
    expect(moves).toEqual([]);
    send({ type: 'seek', t: time('crash'), drag: true }, { type: 'follow' });
    expect(moves).toHaveLength(1);
  });

  // At 06:02 (Aktau called, the mayday) the approach to Aktau was framed at zoom 10 around the airport while the
  // reconstructed aircraft was still ~40 km out over the sea: the map showed the edge of its ring and no aircraft.
  it('frames every event of the flight with the aircraft in view, on a desktop and a phone', () => {
    const { store } = setUp();
    const camera = storyCamera(story, timelines, () => null, { matches: true }, true, buildLayers(story, track).frame, aircraftAt);
    for (const [w, h, padding] of [
      [1056, 604, { top: 50, right: 60, bottom: 80, left: 60 }],
      [360, 420, { top: 30, right: 30, bottom: 60, left: 30 }],
    ] as const)
      for (const s of timelines.flight.stops) {
        const m = { ...store.get().moment, chapter: 'flight' as const, t: s.time };
        const cam = camera.opening(m, { width: w, height: h, padding, covers: [] });
        const [cx, cy] = worldPx(cam.center, cam.zoom);
        const [x, y] = worldPx(aircraftAt(s.time).lonLat, cam.zoom);
        const at = { x: w / 2 + x - cx, y: h / 2 + y - cy };
        expect(at.x >= 0 && at.x <= w && at.y >= 0 && at.y <= h, `${s.id} at ${w} × ${h}: the aircraft at ${JSON.stringify(at)}`).toBe(true);
      }
  });
});
