/**
 * The effects: each subscribes to the state and shows it somewhere (the panel, the slider, the event list, the
 * map, the URL, the host page). None of them holds a copy of the moment; each looks only at what it shows.
 */
import type { AppState, Moment, StateStore } from '../state/app-state';
import { exactEvent } from '../state/app-state';
import { withMoment } from '../state/url';
import { askedFirst, nextStop, stopsAt, type Timelines } from '../time/timeline';
import { positionAt, type TrackModel } from '../track/interpolate';
import { mapMomentAt, type MapMoment } from '../scene/scene';
import { exportMoment } from '../export/core/moment';
import type { StoryMap } from '../map/story-map';
import type { createPanel } from '../ui/panel';
import type { createTimelineControl } from '../ui/timeline-control';
import type { createEventList } from '../ui/event-list';
import type { Legend } from '../ui/legend';

/** Shows the state; `prev` is undefined the first time (everything is shown). */
export type Effect = (s: AppState, prev: AppState | undefined) => void;

/** Runs every effect on the state now, then on each change, in the order given. */
export function connectEffects(store: StateStore, effects: readonly Effect[]): void {
  for (const e of effects) e(store.get(), undefined);
  store.subscribe((s, prev) => {
    for (const e of effects) e(s, prev);
  });
}

const momentChanged = (s: AppState, prev: AppState | undefined) => !prev || s.moment !== prev.moment;

/** The panel, the slider (with Play/Pause) and the event list. */
export function uiEffect(
  timelines: Timelines,
  track: TrackModel,
  ui: { panel: ReturnType<typeof createPanel>; control: ReturnType<typeof createTimelineControl>; list: ReturnType<typeof createEventList> },
): Effect {
  return (s, prev) => {
    const m = s.moment;
    if (momentChanged(s, prev)) {
      const tl = timelines[m.chapter];
      // Where several events share the instant, the one asked for (a link, the list, a host) comes first.
      const current = askedFirst(stopsAt(tl, m.t), m.event);
      ui.panel.update({ chapter: m.chapter, t: m.t, current, next: nextStop(tl, m.t), position: m.chapter === 'flight' ? positionAt(track, m.t) : null });
      ui.list.setCurrent(current.map((x) => x.id));
    }
    if (momentChanged(s, prev) || s.playing !== prev?.playing) ui.control.update(m.chapter, m.t, s.playing, m.event);
  };
}

/** The map draws the moment (the same as the PNG export: src/scene/scene.ts). */
export function mapMomentEffect(track: TrackModel, map: () => StoryMap | null): Effect {
  return (s, prev) => {
    if (momentChanged(s, prev)) drawMoment(track, map(), s.moment);
  };
}

/**
 * The legend names what the map draws at the moment (no aircraft and nothing "not yet flown" in the year after):
 * what it names changes only with the chapter and at the track's end, so it is looked at only then.
 */
export function legendEffect(track: TrackModel, legend: Pick<Legend, 'show'>): Effect {
  let shownFor = '';
  return (s) => {
    const m = s.moment;
    const key = `${m.chapter}:${m.t >= track.end}`;
    if (key === shownFor) return;
    shownFor = key;
    const mm = drawnMoment(track, m);
    // At the track's end (the crash) every edge has been flown: nothing is ahead.
    legend.show(m.chapter === 'flight', { aircraft: mm.aircraft, flownEdges: m.t >= track.end ? track.edges.length : mm.flownEdges }, track.edges.length);
  };
}

/**
 * The map's moment as the map and its legend draw it: the exported pictures' rule (export/core/moment.ts), one rule
 * for both: where the aircraft has come down (the crash, the track's end) it is left out and the crash site's ✕
 * marks where it came down (its icon covered the ✕ at 1440 and 360 px).
 */
export function drawnMoment(track: TrackModel, m: Moment): MapMoment {
  return exportMoment(mapMomentAt(track, m.chapter, m.t), track);
}

export function drawMoment(track: TrackModel, map: StoryMap | null, m: Moment): void {
  map?.setMoment(drawnMoment(track, m));
}

/** The URL follows the reader without flooding history: replaced, 150 ms after the last change. */
export function urlEffect(timelines: Timelines, loc: Pick<Location, 'search' | 'pathname' | 'hash'>, hist: Pick<History, 'state' | 'replaceState'>): Effect {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (s, prev) => {
    if (!momentChanged(s, prev)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const next = withMoment(loc.search, { t: s.moment.t, event: exactEvent(timelines, s.moment) });
      if (next !== loc.search) hist.replaceState(hist.state, '', `${loc.pathname}${next}${loc.hash}`);
    }, 150);
  };
}

/** Tells the moment to whoever listens (an embed's host, the citation, the poster): once per change of the moment. */
export function momentListener(timelines: Timelines, onMoment: ((m: Moment, eventId: string | undefined) => void) | undefined): Effect {
  return (s, prev) => {
    if (onMoment && momentChanged(s, prev)) onMoment(s.moment, exactEvent(timelines, s.moment));
  };
}

/** `<html data-chapter>`: the page's styles by chapter (set on a change only, not at every step). */
export function chapterEffect(root: HTMLElement): Effect {
  return (s) => {
    if (root.dataset.chapter !== s.moment.chapter) root.dataset.chapter = s.moment.chapter;
  };
}
