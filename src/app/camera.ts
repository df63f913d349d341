/**
 * The camera that follows the story (issue 12): while the state's camera is the story's, each change of the
 * moment that changes its frame (geo/frames.json, through scene/camera.ts) moves the map there, eased (at once
 * with reduced motion): a step, playback, an event asked for, a chapter, a host's seek. While the reader drags the
 * slider the map keeps still (the aircraft and the track move; the map is not redrawn at every frame crossed) and
 * frames once when they let go. A deep link opens framed; a page opened at take-off opens on the whole route and starts
 * following at the first step. Once the reader moves the map the camera is theirs (the reducer's 'reader') and
 * nothing here moves it until they ask to follow the story again. It moves the map only, never the page.
 */
import type { StoryData } from '../story/validate';
import type { Moment } from '../state/app-state';
import { stopsAt, type Timelines } from '../time/timeline';
import { frameCamera, framesFor, openingCamera, storyFrames, withAircraft, type Camera, type Cover, type ViewFrame } from '../scene/camera';
import type { TrackPosition } from '../track/interpolate';
import type { BBox, Padding } from '../geo/bounds';
import type { StoryMap } from '../map/story-map';
import type { Effect } from './effects';

export interface StoryCamera {
  effect: Effect;
  /** A map was made: `restored`, at a camera kept from before (an embed's map made again), else fresh. */
  mapMade(map: StoryMap, m: Moment, camera: 'story' | 'reader', restored: boolean): void;
  /**
   * The camera a new map of this view opens with at moment `m` (scene/camera.ts openingCamera): the embed's poster
   * draws with it too, before the map's controls exist, with the boxes they will have (mapControls) and what the
   * page has put over the map, so the map opens where the poster drew.
   */
  opening(m: Moment, view: View): Camera;
}

type View = { width: number; height: number; padding: Padding; covers: readonly Cover[] };

export function storyCamera(
  story: StoryData,
  timelines: Timelines,
  current: () => StoryMap | null,
  reducedMotion: { readonly matches: boolean },
  deepLink: boolean,
  /** The story's opening frame (StoryLayers.frame): a page opened on the whole route shows it. */
  whole: BBox,
  /** Where the aircraft is drawn at a time of the flight, within how many km (the track's position): an event's frame takes it in. */
  aircraftAt: (t: number) => Pick<TrackPosition, 'lonLat' | 'uncertaintyKm'> | null,
): StoryCamera {
  const frames = storyFrames(story);
  const openingFrame = frames.get(story.content.openingFrame);
  const frameOf = (m: Moment): ViewFrame | undefined => {
    const stops = stopsAt(timelines[m.chapter], m.t);
    const f = framesFor(
      story,
      frames,
      stops.map((s) => s.id),
    );
    // At the event's own time, not the moment's: scrubbing between two events does not move the camera.
    const t = stops[0]?.time;
    return f && m.chapter === 'flight' && t !== undefined ? withAircraft(f, aircraftAt(t), String(t)) : f;
  };
  // Until the story first moves, a page opened without a deep link shows the whole route it opened on.
  let overview = !deepLink;
  let shown: string | undefined; // the frame the map was last moved to
  const show = (map: StoryMap | null, f: ViewFrame | undefined, animate: boolean) => {
    if (!map || !f) return;
    const v = map.view();
    map.moveTo(frameCamera(f, v.width, v.height, v.padding, v.covers), animate && !reducedMotion.matches);
    shown = f.id;
  };
  const opening = (m: Moment, v: View) => openingCamera(overview ? undefined : frameOf(m), whole, v.width, v.height, v.padding, v.covers, openingFrame);
  return {
    opening,
    effect(s, prev) {
      if (!prev || s.camera !== 'story') return;
      const follow = prev.camera !== 'story'; // "Follow the story", or a host's seek
      if (s.dragging && !follow) return; // the slider is held: the map waits for the release
      const released = prev.dragging && !s.dragging;
      if (!follow && !released && s.moment === prev.moment) return;
      overview = false;
      const f = frameOf(s.moment);
      if (follow || f?.id !== shown) show(current(), f, true);
    },
    mapMade(map, m, camera, restored) {
      if (camera !== 'story') return;
      if (!restored) {
        // A new map opens where the poster drew (the same computation): the moment's frame, or the whole route.
        map.moveTo(opening(m, map.view()), false);
        shown = overview ? undefined : frameOf(m)?.id;
        return;
      }
      if (overview) return;
      const f = frameOf(m);
      if (f?.id !== shown) show(map, f, false);
    },
  };
}
