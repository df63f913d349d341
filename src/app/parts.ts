/**
 * The page's parts, built from the story: the panel (with "show on the map"), the timeline control and the event
 * list. Each only reports intents; the state is the store's (index.ts wires them).
 */
import type { Source } from '../story/schema';
import type { StoryData } from '../story/validate';
import type { Intent } from '../state/app-state';
import type { Timelines } from '../time/timeline';
import { featureBounds, featureIndex, type StoryLayers } from '../scene/layers';
import { crashDay, followedDisputes } from '../story/content';
import type { StoryMap } from '../map/story-map';
import { createPanel } from '../ui/panel';
import { createTimelineControl } from '../ui/timeline-control';
import { createEventList } from '../ui/event-list';
import { featureInfo } from '../ui/feature-info';

export interface PartsContext {
  story: StoryData;
  timelines: Timelines;
  layers: StoryLayers;
  dispatch(intent: Intent): void;
  seekEvent(id: string): boolean;
  map(): StoryMap | null;
  reducedMotion: { readonly matches: boolean };
}

export function storyParts(c: PartsContext) {
  const sources = new Map(c.story.sources.map((s) => [s.id, s]));
  const disputes = new Map(c.story.disputes.map((d) => [d.id, d]));
  const source = (id: string): Source | undefined => sources.get(id);
  const features = featureIndex(c.story);
  /** What a story feature is, its status and sources, in a popup at `at` (else its middle). */
  const showInfo = (id: string, at?: [number, number]) => {
    const f = features.get(id),
      b = featureBounds(c.layers, id),
      map = c.map();
    if (f && map && (at || b)) map.showInfo(at ?? [(b![0] + b![2]) / 2, (b![1] + b![3]) / 2], featureInfo(f.properties, source));
  };
  const panel = (root: HTMLElement) =>
    createPanel(root, {
      source,
      dispute: (id) => disputes.get(id),
      disputes: c.story.disputes,
      followed: followedDisputes(c.story),
      crashDay: crashDay(c.story),
      legName: (leg) => c.story.track.features[leg]?.properties.name ?? '',
      onSeekEvent: c.seekEvent,
      placeName: (id) => features.get(id)?.properties.name,
      // The reader asked for a place: the camera is theirs now (the story does not take it back at the next step).
      onFocusPlace: (id) => {
        const map = c.map();
        if (!map) return;
        c.dispatch({ type: 'gesture' });
        if (map.focus(id, !c.reducedMotion.matches)) showInfo(id);
      },
    });
  const control = (root: HTMLElement, compact: boolean) =>
    createTimelineControl(
      root,
      c.timelines,
      {
        seek: (t, chapter) => c.dispatch({ type: 'seek', t, ...(chapter ? { chapter } : {}) }),
        drag: (t) => c.dispatch({ type: 'seek', t, drag: true }),
        release: () => c.dispatch({ type: 'release' }),
        setChapter: (chapter) => c.dispatch({ type: 'chapter', chapter }),
        togglePlay: () => c.dispatch({ type: 'toggle' }),
        setSpeed: (id) => c.dispatch({ type: 'speed', id }),
      },
      { compact },
    );
  const list = (root: HTMLElement, onShow: (id: string) => void) => createEventList(root, c.story.events, source, onShow);
  return { panel, control, list, showInfo };
}
