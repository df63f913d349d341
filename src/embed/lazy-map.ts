/**
 * The embed's map, started late and given back (the browser part of lifecycle.ts).
 *
 * - The embed opens with a poster over the map's area (same box: no height jump when the map replaces it);
 *   the panel beside it already tells the moment's event. The map is made when the embed comes into view
 *   (an IntersectionObserver on its own document: the host's scrolling moves the iframe through the top
 *   viewport; in a cross-origin iframe the browser ignores any root margin, so "in view" is the first pixel),
 *   or earlier, when the host page's snippet says the iframe is within one screen of its view (`hostView`).
 * - The embeds of one origin agree over a BroadcastChannel which of them hold a map (at most MAP_BUDGET);
 *   one out of view gives its map back when another needs the room, or after IDLE_RELEASE_MS on its own.
 *   Giving back: a still of the map as it was becomes the poster, the camera is kept, `map.remove()` frees
 *   the WebGL context and the worker goes too. Back in view, the map is made again at that camera; the
 *   moment never left the store.
 * - A lost WebGL context (the browser dropped it): the poster comes back, and the map is made again on the
 *   next view or interaction, not at once (a context lost under pressure would be lost again).
 * Marks for the bench and tests: `performance.mark('flightmap:poster')` and `'flightmap:map'`, and
 * `data-map-life` on <html> (`poster`, `starting`, `live`).
 */
import type { App, AppHooks } from '../api/flightmap';
import type { Camera } from '../map/story-map';
import { applyMessage, CHANNEL, decide, IDLE_RELEASE_MS, idleReleaseIn, MAP_BUDGET, parsePeerMessage, routeShapeFor, SETTLE_MS, type Peer } from './lifecycle';
import { momentLine } from '../export/core/text';
import { routeFile } from '../opendata/build-info';
import '../styles/tool-button.css';

/** Draws a poster for the map's box (a picture, or a drawing of the scene); null: the box stays empty. */
export type PosterSource = (box: { width: number; height: number }) => HTMLElement | null;

/**
 * The route picture the page already has for no-WebGL readers, in its language (main.ts sets them), filling the
 * map's box: of its two designs the one that fills more of the box (`routeShapeFor`: the embed's 4:3 box takes the
 * 16:9 `route.png`, a portrait box the 9:16 `route-narrow.png`).
 */
export const routePicture: PosterSource = (box) => {
  const src = document.querySelector<HTMLImageElement>('#static-map img');
  if (!src) return null;
  const shape = routeShapeFor(box);
  const narrow = document.querySelector<HTMLSourceElement>('#static-map source')?.getAttribute('srcset');
  const img = document.createElement('img');
  img.addEventListener('error', () => img.setAttribute('src', routeFile('en', shape)), { once: true });
  img.src = (shape === 'narrow' ? narrow : src.getAttribute('src')) || routeFile('en', shape);
  img.alt = '';
  img.decoding = 'async';
  return img;
};

export interface LazyMapOptions {
  /** The map's box (`#map-wrap`); the poster goes over it. */
  wrap: HTMLElement;
  poster?: PosterSource;
  budget?: number;
  idleMs?: number;
  win?: Window;
  /** The wake button's words, in the page's language (read when it shows: the catalogue may load after this starts). */
  wakeLabel?: () => string;
}

export interface LazyMap {
  hooks: Required<Pick<AppHooks, 'lazyMap' | 'onContextLost'>>;
  /** Starts watching the view and the other embeds, once the app exists. */
  attach(app: App): void;
  /** The moment changed: a still of another moment is no longer the poster. */
  momentChanged(): void;
  /** The host page says the iframe is within about one screen of its view (near), or no longer. */
  hostView(near: boolean): void;
  /** The draw of a poster for the box, from now on (a drawing of the scene, say). */
  setPoster(source: PosterSource): void;
  /** Stops everything (tests). */
  dispose(): void;
}

/** The poster's words: the event at the moment, else the moment itself (as the export's subtitle says it). */
function posterLabel(app: App): string {
  const id = app.currentEventId();
  const ev = id ? app.story.events.find((e) => e.id === id) : undefined;
  if (ev) return ev.title;
  const m = app.getMoment();
  return momentLine({ kind: 'moment', chapter: m.chapter, t: m.t }, app.track);
}

const newId = () => (crypto.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`).slice(0, 64);

export function createLazyMap(o: LazyMapOptions): LazyMap {
  const win = o.win ?? window;
  const doc = win.document;
  const budget = o.budget ?? MAP_BUDGET;
  const idleMs = o.idleMs ?? IDLE_RELEASE_MS;
  let drawPoster = o.poster ?? routePicture;

  // ---- the poster
  const picture = doc.createElement('div');
  picture.className = 'poster-picture';
  const wake = doc.createElement('button');
  wake.type = 'button';
  wake.className = 'tool-button poster-wake';
  wake.textContent = 'Show the interactive map';
  wake.hidden = true;
  const poster = doc.createElement('div');
  poster.className = 'map-poster';
  poster.append(picture, wake);
  o.wrap.prepend(poster);
  let still: HTMLElement | null = null; // a still of the released map, while the moment is the same
  let marked = false;
  let named: App | null = null; // the app, once attached: the poster's words come from it
  /** Puts a still (or else a new drawing) in the poster, shown or not, without changing the map's life. */
  const paint = (s: HTMLElement | null) => {
    still = s;
    const box = { width: o.wrap.clientWidth, height: o.wrap.clientHeight };
    const content = s ?? drawPoster(box);
    picture.replaceChildren(...(content ? [content] : []));
    // The poster stands for the moment: its event (or the moment itself) is its accessible name.
    const label = named ? posterLabel(named) : '';
    if (label) picture.setAttribute('aria-label', label);
    picture.setAttribute('role', label ? 'img' : 'none');
    if (!marked) {
      marked = true;
      const img = content?.querySelector('img') ?? (content instanceof HTMLImageElement ? content : null);
      const mark = () => performance.mark('flightmap:poster');
      if (img && !img.complete) img.decode().then(mark, mark);
      else mark();
    }
  };
  const showPoster = (s: HTMLElement | null) => {
    paint(s);
    poster.hidden = false;
    setLife('poster');
  };
  const setLife = (v: 'poster' | 'starting' | 'live') => {
    if (doc.documentElement.dataset.mapLife !== v) doc.documentElement.dataset.mapLife = v;
  };
  showPoster(null);

  // ---- this embed, and the others
  const self: Peer = { id: newId(), alive: false, visible: false, near: false, wants: false, seenAt: Date.now() };
  let hostNear = false; // the host's word; counts while this document is not hidden
  let others = new Map<string, Peer>();
  let held = false; // after a lost context: no map until the next view or interaction
  let unavailable = false; // no WebGL (or MapLibre failed): never try again, or start → fail → start would spin
  let settled = false;
  let app: App | null = null;
  let camera: Camera | undefined;
  let generation = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let queued = false;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  const tell = () => channel?.postMessage({ kind: 'state', peer: { ...self } });

  const update = (patch: Partial<Peer>) => {
    const before = JSON.stringify(self);
    const wasSeen = self.visible || self.near;
    Object.assign(self, patch);
    self.near = hostNear && doc.visibilityState !== 'hidden';
    if (wasSeen !== (self.visible || self.near) && patch.seenAt === undefined) self.seenAt = Date.now();
    self.wants = (self.visible || self.near) && !held;
    if (JSON.stringify(self) !== before) tell();
    schedule();
  };
  /** Decides once per task, after every message of that task is in the table. */
  const schedule = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      act();
    });
  };

  const act = () => {
    if (!app || !settled || unavailable) return;
    const d = decide(self, [...others.values()], budget);
    if (d === 'start') start();
    else if (d === 'release') release(true);
    wake.hidden = !(self.visible && !self.alive && (held || d === 'wait'));
    if (!wake.hidden && o.wakeLabel) wake.textContent = o.wakeLabel();
    clearTimeout(idleTimer);
    const due = idleReleaseIn(self, Date.now(), idleMs);
    if (due !== null) idleTimer = setTimeout(() => release(true), due);
  };

  const start = () => {
    const a = app!;
    const gen = ++generation;
    update({ alive: true });
    setLife('starting');
    void a.mapLife.start(camera).then((m) => {
      if (gen !== generation) return; // released meanwhile
      if (!m) {
        // No WebGL: the page says so and shows the route picture; nothing to hold.
        poster.hidden = true;
        unavailable = true;
        update({ alive: false });
        return;
      }
      performance.mark('flightmap:map');
      poster.hidden = true;
      picture.replaceChildren();
      still = null;
      setLife('live');
    });
  };

  const release = (withStill: boolean) => {
    if (!self.alive || !app) return;
    generation++;
    const m = app.mapLife.current();
    const s = withStill && m ? m.still() : null;
    if (m) camera = m.camera();
    app.mapLife.release();
    showPoster(s);
    update({ alive: false });
  };

  // ---- the view
  const io = new IntersectionObserver((entries) => {
    const e = entries.at(-1);
    if (!e) return;
    const visible = e.isIntersecting && doc.visibilityState !== 'hidden';
    if (visible === self.visible) return;
    if (visible) held = false; // a new view: try again after a lost context
    update({ visible });
  });
  const onVisibility = () => {
    if (doc.visibilityState === 'hidden' && (self.visible || self.near)) update({ visible: false });
    else if (doc.visibilityState === 'visible') {
      update({});
      // IntersectionObserver reports again only on a change: look once.
      io.unobserve(o.wrap);
      io.observe(o.wrap);
    }
  };
  const onInteract = () => {
    if (!held && self.alive) return;
    held = false;
    update({ visible: true, seenAt: self.visible ? self.seenAt : Date.now() });
  };
  const onMessage = (e: MessageEvent) => {
    const msg = parsePeerMessage(e.data);
    if (!msg) return;
    if (msg.kind === 'hello' && msg.id !== self.id) tell();
    others = applyMessage(others, msg, self.id);
    schedule();
  };
  const onPageHide = () => channel?.postMessage({ kind: 'bye', id: self.id });
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let redrawTimer: ReturnType<typeof setTimeout> | undefined;
  let drawsMoment = false; // a drawing of the moment was set: drawn again when the moment changes

  return {
    hooks: {
      lazyMap: true,
      onContextLost() {
        // The browser took the context: the poster (no still can be read from a lost context) until the
        // next view or interaction. Out of MapLibre's event handler first.
        held = true;
        setTimeout(() => {
          release(false);
          update({});
        });
      },
    },
    attach(a) {
      app = named = a;
      if (channel) channel.onmessage = onMessage;
      channel?.postMessage({ kind: 'hello', id: self.id });
      tell();
      settleTimer = setTimeout(
        () => {
          settled = true;
          schedule();
        },
        channel ? SETTLE_MS : 0,
      );
      io.observe(o.wrap);
      doc.addEventListener('visibilitychange', onVisibility);
      win.addEventListener('pagehide', onPageHide);
      poster.addEventListener('pointerdown', onInteract);
      wake.addEventListener('click', onInteract);
    },
    hostView(near) {
      if (near === hostNear) return;
      hostNear = near;
      if (near && !self.visible && !self.near) held = false; // a new approach: try again after a lost context
      update({});
    },
    momentChanged() {
      if (poster.hidden) return;
      if (still) return paint(null);
      // The drawing follows the moment (a host's seek, autoplay out of view), at most four times a second.
      if (drawsMoment && redrawTimer === undefined)
        redrawTimer = setTimeout(() => {
          redrawTimer = undefined;
          if (!poster.hidden && !still) paint(null);
        }, 250);
    },
    setPoster(source) {
      drawPoster = source;
      drawsMoment = source !== routePicture;
      // not showPoster: a map may be starting under the poster (its life stays)
      if (!poster.hidden && !still) paint(null);
    },
    dispose() {
      clearTimeout(idleTimer);
      clearTimeout(redrawTimer);
      clearTimeout(settleTimer);
      io.disconnect();
      doc.removeEventListener('visibilitychange', onVisibility);
      win.removeEventListener('pagehide', onPageHide);
      onPageHide();
      channel?.close();
    },
  };
}
