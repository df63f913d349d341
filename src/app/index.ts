/**
 * The app: one direction of flow.
 *   URL, slider, list, host message, playback → intents → one state (state/app-state.ts) → effects: map, panel,
 *   slider, event list, URL, host (effects.ts).
 * This file only wires: it builds the parts and connects them.
 */
import type { Chapter } from '../story/schema';
import type { StoryData } from '../story/validate';
import { buildLayers } from '../scene/layers';
import { buildTrack, positionAt } from '../track/interpolate';
import { buildTimelines, chapterOf } from '../time/timeline';
import { drivePlayback, type FrameClock } from '../state/playback';
import { parseUrl, type ViewFlags } from '../state/url';
import { createStateStore, exactEvent, initialState } from '../state/app-state';
import { createLegend } from '../ui/legend';
import { createNotices } from '../ui/notices';
import { createFollowButton } from '../ui/follow-button';
import { DARK, LIGHT } from '../theme/palette';
import { createMapLife, type StoryMapModule } from './map-life';
import { storyClock } from '../story/content';
import { storyParts } from './parts';
import { fitFirstScreen } from '../ui/first-screen';
import { storyCamera } from './camera';
import { framePadding, mapControls, PHONE_LAYOUT } from '../scene/camera';
import { chapterEffect, connectEffects, drawMoment, legendEffect, mapMomentEffect, momentListener, uiEffect, urlEffect } from './effects';
import type { App, AppHooks } from '../api/flightmap';

export type { App, AppHooks, MapLife, Moment } from '../api/flightmap';

export interface AppElements {
  map: HTMLElement;
  mapWrap: HTMLElement;
  panel: HTMLElement;
  timeline: HTMLElement;
  events: HTMLElement;
  notices: HTMLElement;
}

/** What the app reads of the page: given, so nothing below reaches for a global. */
export interface PageEnv {
  location: Location;
  history: History;
  root: HTMLElement;
  clock: FrameClock;
  media(query: string): { readonly matches: boolean };
}

export function browserEnv(win: Window = window): PageEnv {
  return {
    location: win.location,
    history: win.history,
    root: win.document.documentElement,
    clock: { requestFrame: (cb) => win.requestAnimationFrame(cb), cancelFrame: (id) => win.cancelAnimationFrame(id), now: () => win.performance.now() },
    media: (q) => (typeof win.matchMedia === 'function' ? win.matchMedia(q) : { matches: false }),
  };
}

export function isDark(flags: ViewFlags, media: PageEnv['media'] = browserEnv().media): boolean {
  return flags.dark === 'auto' ? media('(prefers-color-scheme: dark)').matches : flags.dark === 'dark';
}

export interface StartOptions {
  base: string;
  env: PageEnv;
  hooks?: AppHooks;
  /** The map module, when it has already arrived (main.ts). */
  preloaded?: StoryMapModule | null;
}

/** Starts the app on a loaded story. */
export function startApp(story: StoryData, els: AppElements, { base, env, hooks = {}, preloaded }: StartOptions): App {
  const track = buildTrack(story.track.features);
  const timelines = buildTimelines(story.events, { start: track.start, end: track.end });
  const ids = new Set(story.events.map((e) => e.id));
  const url = parseUrl(env.location.search, { hasEvent: (id) => ids.has(id), inRange: (t) => chapterOf(timelines, t) !== undefined });
  const { flags } = url;
  const notices = createNotices(els.notices);
  for (const n of url.notes) notices.add(n);
  const store = createStateStore(
    initialState(timelines, { ...url.moment, chapter: url.moment.t === undefined ? undefined : chapterOf(timelines, url.moment.t) }),
    timelines,
  );
  const { dispatch } = store;
  const reducedMotion = env.media('(prefers-reduced-motion: reduce)');
  const seekEvent = (id: string) => ids.has(id) && (dispatch({ type: 'seekEvent', id }), true);
  const layers = buildLayers(story, track);
  const palette = isDark(flags, env.media) ? DARK : LIGHT;
  const parts = storyParts({ story, timelines, layers, dispatch, seekEvent, map: () => mapLife.current(), reducedMotion });
  const panel = parts.panel(els.panel);
  const control = parts.control(els.timeline, flags.embed);
  if (!flags.controls) els.timeline.hidden = true;
  // On a phone the slider stays on the first screen: the map gives up the room a longer title block takes (app.css).
  if (!flags.embed && flags.controls) {
    const titleBlock = env.root.querySelector<HTMLElement>('#title-block');
    fitFirstScreen(env.root, { above: [...(titleBlock ? [titleBlock] : []), els.notices], mapWrap: els.mapWrap, timeline: els.timeline });
  }
  const camera = storyCamera(
    story,
    timelines,
    () => mapLife.current(),
    reducedMotion,
    url.moment.event !== undefined || url.moment.t !== undefined,
    layers.frame,
    (t) => positionAt(track, t),
  );
  // The map starts before the rest of the page is built (README, Performance).
  const { mapLife, mapReady } = createMapLife({
    container: els.map,
    root: env.root,
    layers,
    track,
    palette,
    base,
    embed: flags.embed,
    noMap: flags.static,
    notices,
    preloaded,
    lazy: !!hooks.lazyMap,
    onContextLost: hooks.onContextLost,
    onSelect: (id, lngLat) => parts.showInfo(id, lngLat),
    onReaderMove: () => dispatch({ type: 'gesture' }),
    onMap: (map, restored) => {
      drawMoment(track, map, store.get().moment);
      // Framed once this task has put what covers the map (the legend, below) in place, so the frame keeps clear of it.
      queueMicrotask(() => camera.mapMade(map, store.get().moment, store.get().camera, restored));
    },
  });
  const list = parts.list(els.events, (id) => {
    seekEvent(id);
    if (!flags.embed) els.mapWrap.scrollIntoView?.({ block: 'nearest', behavior: reducedMotion.matches ? 'auto' : 'smooth' }); // an embed never scrolls its host
    control.input.focus({ preventScroll: true });
  });
  // The legend is open where the map is large enough for the story to stay clear of it (at 1280 × 720 it would cover Grozny); else one tap away.
  const legend = createLegend(palette, !flags.embed && env.media('(min-width: 1400px) and (min-height: 850px)').matches, storyClock(story));
  els.mapWrap.append(legend.el);
  const follow = createFollowButton(els.mapWrap, () => dispatch({ type: 'follow' }));

  connectEffects(store, [
    uiEffect(timelines, track, { panel, control, list }),
    mapMomentEffect(track, mapLife.current),
    legendEffect(track, legend),
    (s) => follow.show(s.camera === 'reader'),
    camera.effect,
    urlEffect(timelines, env.location, env.history),
    momentListener(timelines, hooks.onMoment),
    chapterEffect(env.root),
  ]);
  drivePlayback(store, timelines, { clock: env.clock, reducedMotion, loop: flags.loop });
  if (flags.autoplay && !flags.static && !reducedMotion.matches) dispatch({ type: 'play', rest: flags.loop });

  const getMoment = () => store.get().moment;
  const seek = (t: number, chapter?: Chapter) => dispatch({ type: 'seek', t, ...(chapter ? { chapter } : {}) });
  return {
    story,
    track,
    timelines,
    flags,
    getMoment,
    getState: store.get,
    dispatch,
    currentEventId: () => exactEvent(timelines, getMoment()),
    seek,
    seekEvent,
    mapReady,
    mapLife,
    openingCamera: (width, height, covers = mapControls(width, height, env.media(PHONE_LAYOUT).matches)) =>
      camera.opening(store.get().moment, { width, height, padding: framePadding(width), covers }),
  };
}
