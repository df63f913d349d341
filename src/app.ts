/**
 * The app: one direction of flow.
 *   URL or slider or host message → the moment (chapter + time) → map, panel, slider, event list, URL.
 */
import type { Chapter, Dispute, Source } from './story/schema';
import type { StoryData } from './story/validate';
import { buildLayers, featureBounds, featureIndex } from './story/layers';
import { buildTrack, positionAt, type TrackModel } from './track/interpolate';
import { buildTimelines, chapterOf, findStop, nextStop, snapTime, stopsAt, type Timelines } from './time/timeline';
import { advance, advanceLooping, SPEEDS, type PlayState } from './time/player';
import { parseUrl, withMoment, type ViewFlags } from './state/url';
import { createStore } from './state/store';
import { createPanel } from './ui/panel';
import { createTimelineControl } from './ui/timeline-control';
import { createLegend } from './ui/legend';
import { createEventList } from './ui/event-list';
import { featureInfo } from './ui/feature-info';
import { createNotices } from './ui/notices';
import { DARK, LIGHT } from './theme/palette';
import type { Camera, StoryMap } from './map/story-map';
import { mapMomentAt } from './map/moment';
import type { Padding } from './geo/bounds';
import { msg } from './i18n';

export interface Moment {
  chapter: Chapter;
  t: number;
  /** The event asked for, where several share the instant (a link or a host named it). */
  event?: string;
}

export interface AppElements {
  map: HTMLElement;
  mapWrap: HTMLElement;
  panel: HTMLElement;
  timeline: HTMLElement;
  events: HTMLElement;
  notices: HTMLElement;
}

export interface AppHooks {
  /** Called on every change of the moment (embed: post state to the host). */
  onMoment?: (m: Moment, eventId: string | undefined) => void;
  /** The map is not started with the app but by `mapLife.start()` (an embed's poster comes first: embed/lazy-map.ts). */
  lazyMap?: boolean;
  /** Takes over a lost WebGL context (the embed shows its poster); without it the map restores itself. */
  onContextLost?: () => void;
}

/** The live map's life, for an embed that starts it late and releases it (embed/lazy-map.ts). */
export interface MapLife {
  /** Makes the map (once: while it lives, the same promise), at `camera` or else the story frame. */
  start(camera?: Camera): Promise<StoryMap | null>;
  /** Removes the map: its WebGL context and its worker are given back. */
  release(): void;
  /** The map, while it lives. */
  current(): StoryMap | null;
}

export interface App {
  story: StoryData;
  track: TrackModel;
  timelines: Timelines;
  flags: ViewFlags;
  getMoment(): Moment;
  /** The event the moment is exactly at, if any (the one asked for where several share the instant). */
  currentEventId(): string | undefined;
  seek(t: number, chapter?: Chapter): void;
  seekEvent(id: string): boolean;
  /** Resolves when the map has drawn (or at once where there is no map); with `lazyMap`, the first map. */
  mapReady: Promise<StoryMap | null>;
  mapLife: MapLife;
}

export function isDark(flags: ViewFlags): boolean {
  if (flags.dark === 'auto') return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  return flags.dark === 'dark';
}

/** Room around the story frame: enough for the labels east of Aktau and the scale bars at the bottom. */
export function framePadding(el: HTMLElement): Padding {
  const w = el.clientWidth || 800;
  const k = Math.min(1, w / 900);
  return { top: Math.round(20 + 30 * k), bottom: Math.round(60 + 20 * k), left: Math.round(20 + 40 * k), right: Math.round(80 + 20 * k) };
}

/** Tells when the shipped font did not load (MapLibre then falls back to a local font silently). */
function checkFont(onFail: () => void): void {
  if (!document.fonts?.load) return;
  document.fonts.load('400 16px "Noto Sans"').then((faces) => faces.length || onFail(), onFail);
}

type StoryMapModule = typeof import('./map/story-map');

/** Starts the app on a loaded story. `preloaded`: the map module, when it has already arrived (main.ts). */
export function startApp(story: StoryData, els: AppElements, base: string, search: string, hooks: AppHooks = {}, preloaded?: StoryMapModule | null): App {
  const track = buildTrack(story.track.features);
  const timelines = buildTimelines(story.events, { start: track.start, end: track.end });
  const eventIds = new Set(story.events.map((e) => e.id));
  const parsed = parseUrl(search, {
    hasEvent: (id) => eventIds.has(id),
    inRange: (t) => chapterOf(timelines, t) !== undefined,
  });
  const { flags } = parsed;
  const notices = createNotices(els.notices);
  for (const n of parsed.notes) notices.add(n);

  const sources = new Map(story.sources.map((s) => [s.id, s]));
  const disputes = new Map(story.disputes.map((d) => [d.id, d]));
  const source = (id: string): Source | undefined => sources.get(id);
  const dispute = (id: string): Dispute | undefined => disputes.get(id);
  const features = featureIndex(story);
  const layers = buildLayers(story, track);
  const palette = isDark(flags) ? DARK : LIGHT;

  // ---- the moment
  let initial: Moment = { chapter: 'flight', t: timelines.flight.start };
  if (parsed.moment.event) {
    const s = findStop(timelines, parsed.moment.event)!;
    initial = { chapter: s.event.chapter, t: s.time, event: s.id };
  } else if (parsed.moment.t !== undefined) {
    const c = chapterOf(timelines, parsed.moment.t)!;
    initial = { chapter: c, t: snapTime(timelines[c], parsed.moment.t) };
  }
  const store = createStore<Moment>(initial, (a, b) => a.chapter === b.chapter && a.t === b.t && a.event === b.event);

  const seek = (t: number, chapter?: Chapter) => {
    const c = chapter ?? store.get().chapter;
    store.set({ chapter: c, t: snapTime(timelines[c], t) });
  };
  const seekEvent = (id: string): boolean => {
    const s = findStop(timelines, id);
    if (!s) return false;
    store.set({ chapter: s.event.chapter, t: s.time, event: s.id });
    return true;
  };

  // ---- playback
  let playing = false;
  let speedId = SPEEDS.flight[0]!.id;
  let raf = 0;
  let play: PlayState = { t: 0, dwell: 0, done: false };
  const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  const stopPlaying = () => {
    playing = false;
    cancelAnimationFrame(raf);
    render(store.get());
  };
  const startPlaying = () => {
    const m = store.get();
    const tl = timelines[m.chapter];
    if (m.t >= tl.end) store.set({ chapter: m.chapter, t: tl.start });
    playing = true;
    play = { t: store.get().t, dwell: 0, done: false };
    let last = performance.now();
    const frame = (now: number) => {
      if (!playing) return;
      const m2 = store.get();
      if (m2.t !== play.t) play = { t: m2.t, dwell: 0, done: false }; // the reader moved the slider
      const speeds = SPEEDS[m2.chapter];
      const rate = (speeds.find((s) => s.id === speedId) ?? speeds[0]!).rate;
      // A gap of more than a second is a pause (a hidden tab, an embed scrolled away): it counts as one frame.
      const dt = now - last > 1000 ? 100 : Math.max(0, now - last);
      play = (flags.loop ? advanceLooping : advance)(timelines[m2.chapter], play, dt, rate, reducedMotion());
      last = now;
      store.set({ chapter: m2.chapter, t: play.t });
      if (play.done) stopPlaying();
      else raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    render(store.get());
  };

  // ---- UI
  const legName = (leg: number) => story.track.features[leg]?.properties.name ?? '';
  const panel = createPanel(els.panel, {
    source,
    dispute,
    disputes: story.disputes,
    legName,
    onSeekEvent: seekEvent,
    placeName: (id) => features.get(id)?.properties.name,
    onFocusPlace: (id) => {
      if (!storyMap?.focus(id, !reducedMotion())) return;
      const f = features.get(id);
      const b = featureBounds(layers, id);
      if (f && b) storyMap.showInfo([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2], featureInfo(f.properties, source));
    },
  });
  const control = createTimelineControl(
    els.timeline,
    timelines,
    {
      seek,
      setChapter: (c) => {
        if (store.get().chapter === c) return;
        stopPlaying();
        store.set({ chapter: c, t: timelines[c].stops[0]?.time ?? timelines[c].start });
      },
      togglePlay: () => (playing ? stopPlaying() : startPlaying()),
      setSpeed: (id) => (speedId = id),
    },
    { compact: flags.embed },
  );
  if (!flags.controls) els.timeline.hidden = true;

  // ---- map (lazy: MapLibre is its own chunk)
  let storyMap: StoryMap | null = null;

  function mapMoment(m: Moment) {
    if (!storyMap) return;
    storyMap.setMoment(mapMomentAt(track, m.chapter, m.t)); // the same as the PNG export (src/map/moment.ts)
  }

  const startMap = (mod: StoryMapModule, camera?: Camera): Promise<StoryMap | null> => {
    const noWebGL = () => {
      notices.add(msg('app.noWebgl'), 'warning');
      document.documentElement.classList.add('no-webgl');
      return null;
    };
    if (!mod.supportsWebGL2()) return Promise.resolve(noWebGL());
    try {
      storyMap = mod.createStoryMap({
        container: els.map,
        layers,
        track,
        palette,
        base,
        cooperativeGestures: flags.embed,
        padding: framePadding(els.map),
        ...(camera ? { camera } : {}),
        onSelect: (id, lngLat) => {
          const f = features.get(id);
          if (f) storyMap!.showInfo(lngLat, featureInfo(f.properties, source));
        },
        onContextLost: () => (hooks.onContextLost ? hooks.onContextLost() : notices.add(msg('app.contextLost'), 'info', 'context')),
        onContextRestored: () => {
          notices.remove('context');
          mapMoment(store.get());
        },
        onResourceError: (what) =>
          notices.add(what === 'basemap' ? msg('app.basemapFailed') : msg('app.mapFontFailed'), 'warning', what),
      });
    } catch (e) {
      if ((e as Error)?.name === 'GPUInitializationError') return Promise.resolve(noWebGL()); // no WebGL 2 context could be made
      notices.add(msg('app.mapFailed', { error: (e as Error).message }), 'warning');
      document.documentElement.classList.add('no-webgl');
      return Promise.resolve(null);
    }
    mapMoment(store.get());
    checkFont(() => notices.add(msg('app.fontFailed'), 'warning', 'font'));
    const made = storyMap;
    return made.ready.then(() => made);
  };
  // The map starts as soon as the panel and the slider have given it its size, before the rest of the page
  // is built and painted, when MapLibre is already here (main.ts waits a moment for it): its GPU set-up
  // then does not queue behind that first paint (README, Performance). Static: MapLibre is never loaded.
  const unavailable = (e: unknown) => {
    notices.add(msg('app.mapLoadFailed', { error: String((e as Error)?.message ?? e) }), 'warning');
    document.documentElement.classList.add('no-webgl');
    return null;
  };
  let mapModule: StoryMapModule | null = null;
  let living: Promise<StoryMap | null> | null = null;
  let firstMap: (m: StoryMap | null) => void = () => {};
  const mapLife: MapLife = {
    start(camera) {
      if (flags.static) return Promise.resolve(null);
      if (!living) {
        const mod = preloaded ?? mapModule;
        living = (mod ? startMap(mod, camera) : import('./map/story-map').then((m) => ((mapModule = m), startMap(m, camera)), unavailable)).then((m) => (firstMap(m), m));
      }
      return living;
    },
    release() {
      storyMap?.destroy();
      storyMap = null;
      living = null;
      (mapModule ?? preloaded)?.releaseWorkers();
    },
    current: () => storyMap,
  };
  const mapReady: Promise<StoryMap | null> = hooks.lazyMap && !flags.static ? new Promise((r) => (firstMap = r)) : mapLife.start();

  const list = createEventList(els.events, story.events, source, (id) => {
    seekEvent(id);
    els.mapWrap.scrollIntoView?.({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
    control.input.focus({ preventScroll: true });
  });
  // Open where the map is large enough for the story to stay clear of it (at 1280 × 720 it would cover Grozny); else one tap away.
  els.mapWrap.append(createLegend(palette, !flags.embed && (typeof matchMedia !== 'function' || matchMedia('(min-width: 1400px) and (min-height: 850px)').matches)));

  // ---- URL: follows the reader without flooding history
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const writeUrl = (m: Moment, eventId: string | undefined) => {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      const next = withMoment(location.search, { t: m.t, event: eventId });
      if (next !== location.search) history.replaceState(history.state, '', `${location.pathname}${next}${location.hash}`);
    }, 150);
  };

  const exactEvent = (m: Moment) => {
    const here = stopsAt(timelines[m.chapter], m.t).filter((s) => s.time === m.t);
    return (here.find((s) => s.id === m.event) ?? here[0])?.id;
  };

  let lastChapter: Chapter | undefined;
  function render(m: Moment) {
    if (m.chapter !== lastChapter) {
      // A new chapter starts at its own first speed, however it was reached (tab, link, host, list).
      if (lastChapter !== undefined) speedId = SPEEDS[m.chapter][0]!.id;
      lastChapter = m.chapter;
    }
    const tl = timelines[m.chapter];
    const current = stopsAt(tl, m.t);
    const position = m.chapter === 'flight' ? positionAt(track, m.t) : null;
    panel.update({ chapter: m.chapter, t: m.t, current, next: nextStop(tl, m.t), position });
    control.update(m.chapter, m.t, playing);
    list.setCurrent(current.map((s) => s.id));
    mapMoment(m);
    const exact = exactEvent(m);
    writeUrl(m, exact);
    hooks.onMoment?.(m, exact);
    if (document.documentElement.dataset.chapter !== m.chapter) document.documentElement.dataset.chapter = m.chapter; // not on every step
  }
  store.subscribe(render);

  render(store.get());
  if (flags.autoplay && !flags.static && !reducedMotion()) startPlaying();

  return {
    story,
    track,
    timelines,
    flags,
    getMoment: () => store.get(),
    currentEventId: () => exactEvent(store.get()),
    seek,
    seekEvent,
    mapReady,
    mapLife,
  };
}

