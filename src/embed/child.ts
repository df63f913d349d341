/**
 * The embed's side of the iframe (active only when framed):
 * - tells the host its height on every layout change (ResizeObserver, coalesced to one message per frame),
 *   in the Pym.js wire format (with the `childId` from the URL, as Pym does) and as AMP's `embed-size`;
 * - takes `flightmap:seek` commands from the host (allowed origins: the page's meta, from VITE_EMBED_ALLOWED_ORIGINS at build
 *   time, comma-separated, default `*`), and answers Pym `width` messages with its height;
 * - posts `flightmap:state` to the host whenever the moment changes (through the app's onMoment hook);
 * - hears the snippet's `flightmap:view` (near / far: the iframe within one screen of the host's view) and
 *   passes the latest on (`onHostView`: the lazy map starts on near).
 * It posts nothing but its height and that public state.
 */
import type { App, AppHooks } from '../api/flightmap';
import { withMoment, type ViewFlags } from '../state/url';
import { chapterOf } from '../time/timeline';
import {
  ampEmbedSize,
  DEFAULT_CHILD_ID,
  originAllowed,
  parseAllowedOrigins,
  parseHostMessage,
  pymHeight,
  stateMessage,
  type HostCommand,
  type StateMessage,
} from './protocol';

export interface EmbedChild {
  hooks: AppHooks;
  /** Connects host control to the running app (messages that came earlier are applied now). */
  attach(app: App): void;
  /** Calls `f` with the host's latest near / far (at once if one came already) and every change after. */
  onHostView(f: (near: boolean) => void): void;
  /** Measures and reports the height now (also when unchanged if `force`). */
  sendHeight(force?: boolean): void;
}

/** Who may control the embed: the page's meta, written by the build from VITE_EMBED_ALLOWED_ORIGINS (scripts/lib/embed-origins-plugin.ts). */
const allowedOrigins = (doc: Document) => parseAllowedOrigins(doc.querySelector<HTMLMetaElement>('meta[name="flightmap-embed-allowed-origins"]')?.content);

export function startEmbedChild(flags: ViewFlags, win: Window = window): EmbedChild | null {
  if (win.parent === win) return null;
  const host = win.parent;
  const doc = win.document;
  const ALLOWED = allowedOrigins(doc);
  const childId = flags.childId ?? DEFAULT_CHILD_ID;

  // ---- height
  let lastHeight = -1;
  let scheduled = false;
  let force = false;
  const measure = () => Math.ceil(doc.body ? doc.body.getBoundingClientRect().height : doc.documentElement.getBoundingClientRect().height);
  const flush = () => {
    if (!scheduled) return;
    scheduled = false;
    const h = measure();
    if (h <= 0 || (h === lastHeight && !force)) return;
    force = false;
    lastHeight = h;
    host.postMessage(pymHeight(childId, h), '*');
    host.postMessage(ampEmbedSize(h), '*');
  };
  const sendHeight = (f = false) => {
    force ||= f;
    if (scheduled) return;
    scheduled = true;
    // One message per frame; the timer covers throttled (off-screen) frames where rAF waits.
    requestAnimationFrame(flush);
    setTimeout(flush, 120);
  };
  const ro = new ResizeObserver(() => sendHeight());
  ro.observe(doc.documentElement);
  if (doc.body) ro.observe(doc.body);
  else doc.addEventListener('DOMContentLoaded', () => ro.observe(doc.body), { once: true });
  win.addEventListener('load', () => sendHeight(true));
  void doc.fonts?.ready.then(() => sendHeight());
  sendHeight(true);

  // ---- state to the host
  const targets: readonly string[] = ALLOWED === '*' ? ['*'] : ALLOWED;
  let lastState: StateMessage | null = null;
  const STATE_EVERY_MS = 250;
  let stateQueued = false;
  let lastPostAt = -Infinity;
  let lastPostedEvent: string | null | undefined;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  const postState = () => {
    stateQueued = false;
    clearTimeout(trailing);
    trailing = undefined;
    lastPostAt = performance.now();
    lastPostedEvent = lastState?.event;
    if (lastState) for (const origin of targets) host.postMessage(lastState, origin);
  };
  const fullLink = doc.getElementById('full-link') as HTMLAnchorElement | null;
  const hooks: AppHooks = {
    onMoment(m, eventId) {
      const next = stateMessage(m.t, eventId);
      if (fullLink) fullLink.href = `./${withMoment('', { t: m.t, event: eventId })}`;
      if (lastState && lastState.time === next.time && lastState.event === next.event) return;
      lastState = next;
      // Coalesced: several changes in one task send one message; during playback at most one every
      // STATE_EVERY_MS, except that reaching a new event is told at once. The last state always goes out.
      const since = performance.now() - lastPostAt;
      if (next.event !== lastPostedEvent || since >= STATE_EVERY_MS) {
        if (!stateQueued) {
          stateQueued = true;
          queueMicrotask(postState);
        }
      } else if (!trailing) trailing = setTimeout(postState, STATE_EVERY_MS - since);
    },
  };

  // ---- control from the host
  let app: App | null = null;
  let pending: unknown = undefined;
  let near: boolean | undefined;
  let viewListener: ((near: boolean) => void) | undefined;
  const apply = (cmd: HostCommand) => {
    if (cmd.kind === 'pym-width') return sendHeight(true);
    if (cmd.kind === 'view') {
      near = cmd.near;
      return viewListener?.(near);
    }
    if (!app) return;
    // A host's seek takes the camera back to the story (it frames the moment), whatever the reader did.
    const chapter = cmd.kind === 'seek-time' ? chapterOf(app.timelines, cmd.time) : undefined;
    if (cmd.kind === 'seek-time') app.dispatch({ type: 'seek', t: cmd.time, ...(chapter ? { chapter } : {}), follow: true });
    else app.dispatch({ type: 'seekEvent', id: cmd.event, follow: true });
    // Answer every accepted command, also when the moment did not change.
    if (!stateQueued) {
      stateQueued = true;
      queueMicrotask(postState);
    }
  };
  const ctxFor = (a: App | null) => {
    const ids = new Set(a?.story.events.map((e) => e.id) ?? []);
    return { childId, hasEvent: (id: string) => ids.has(id), inRange: (t: number) => !!a && chapterOf(a.timelines, t) !== undefined };
  };
  let ctx = ctxFor(null);
  win.addEventListener('message', (e: MessageEvent) => {
    if (e.source !== host || !originAllowed(e.origin, ALLOWED)) return;
    const cmd = parseHostMessage(e.data, ctx);
    if (cmd) apply(cmd);
    else if (!app) pending = e.data; // the story is still loading: keep the latest, check it later
  });

  return {
    hooks,
    sendHeight,
    onHostView(f) {
      viewListener = f;
      if (near !== undefined) f(near);
    },
    attach(a) {
      app = a;
      ctx = ctxFor(a);
      if (pending !== undefined) {
        const cmd = parseHostMessage(pending, ctx);
        pending = undefined;
        if (cmd) apply(cmd);
      }
    },
  };
}
