/**
 * The embed's wire formats. Pure: no DOM, no MapLibre.
 *
 * Child → host (height, whenever the layout changes):
 *   Pym.js 1.x string    `pymxPYMx<childId>xPYMxheightxPYMx<px>`
 *   AMP object           `{ sentinel: 'amp', type: 'embed-size', height: <px> }`
 * Child → host (public state, whenever the moment changes):
 *   `{ type: 'flightmap:state', time: '<ISO UTC>', event: '<id>' | null }`
 * Host → child (control):
 *   `{ type: 'flightmap:seek', time: '<ISO UTC>' }` or `{ type: 'flightmap:seek', event: '<id>' }`
 *   Pym's `pymxPYMx<childId>xPYMxwidthxPYMx<px>` (answered with the height).
 *   `{ type: 'flightmap:view', v: 1, view: 'near' | 'far' }` from the snippet's script: the iframe is within
 *   about one screen of the host's viewport, or no longer (a cross-origin iframe cannot see that itself).
 * Anything else is ignored.
 */
import { isoUtc, parseIsoUtc } from '../time/format.ts';

export const PYM_SEP = 'xPYMx';
/** The Pym id used when the URL carries no `childId`. */
export const DEFAULT_CHILD_ID = 'flightmap-j2-8243';
/** Heights outside this range are refused (a runaway layout must not grow a host page forever). */
export const MAX_HEIGHT = 100_000;

export function pymMessage(childId: string, type: string, payload: string | number): string {
  return ['pym', childId, type, String(payload)].join(PYM_SEP);
}

export function pymHeight(childId: string, px: number): string {
  return pymMessage(childId, 'height', Math.ceil(px));
}

export interface PymMessage {
  id: string;
  type: string;
  payload: string;
}

/** Parses a Pym string (`pym` xPYMx id xPYMx type xPYMx payload), or null. */
export function parsePym(data: unknown): PymMessage | null {
  if (typeof data !== 'string' || data.length > 2000) return null;
  const parts = data.split(PYM_SEP);
  if (parts.length !== 4 || parts[0] !== 'pym') return null;
  const [, id, type, payload] = parts as [string, string, string, string];
  if (!/^[\w.:-]{0,64}$/.test(id) || !/^[\w-]{1,32}$/.test(type)) return null;
  return { id, type, payload };
}

const validHeight = (n: number) => Number.isInteger(n) && n > 0 && n <= MAX_HEIGHT;

/** The height in a Pym `height` message for this child, or null. */
export function parsePymHeight(data: unknown, childId: string): number | null {
  const m = parsePym(data);
  if (!m || m.id !== childId || m.type !== 'height' || !/^\d{1,6}$/.test(m.payload)) return null;
  const n = Number(m.payload);
  return validHeight(n) ? n : null;
}

export interface AmpEmbedSize {
  sentinel: 'amp';
  type: 'embed-size';
  height: number;
}

export function ampEmbedSize(px: number): AmpEmbedSize {
  return { sentinel: 'amp', type: 'embed-size', height: Math.ceil(px) };
}

export function parseAmpEmbedSize(data: unknown): number | null {
  if (!isPlainObject(data)) return null;
  const d = data as Record<string, unknown>;
  if (d.sentinel !== 'amp' || d.type !== 'embed-size' || typeof d.height !== 'number') return null;
  return validHeight(d.height) ? d.height : null;
}

// ---------------------------------------------------------------- host control

export type HostCommand =
  | { kind: 'seek-time'; time: number }
  | { kind: 'seek-event'; event: string }
  | { kind: 'pym-width'; width: number }
  | { kind: 'view'; near: boolean };

export interface HostContext {
  hasEvent: (id: string) => boolean;
  inRange: (t: number) => boolean;
  /** The child's Pym id, to answer Pym `width` messages. */
  childId?: string;
}

export const SEEK = 'flightmap:seek';
export const STATE = 'flightmap:state';
/** The host's word on where the iframe is (the snippet's script); `v` is the version of this message. */
export const VIEW = 'flightmap:view';
export const VIEW_VERSION = 1;

export interface ViewMessage {
  type: typeof VIEW;
  v: typeof VIEW_VERSION;
  view: 'near' | 'far';
}

export function viewMessage(near: boolean): ViewMessage {
  return { type: VIEW, v: VIEW_VERSION, view: near ? 'near' : 'far' };
}

function isPlainObject(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function exactKeys(o: object, keys: readonly string[]): boolean {
  const own = Object.keys(o);
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(o, k));
}

/**
 * A message from the host page, validated strictly: exactly `{type, time}` or `{type, event}`, the type
 * `flightmap:seek`, the time ISO 8601 UTC inside the story, the event a known id; exactly
 * `{type: 'flightmap:view', v: 1, view: 'near' | 'far'}` (another version is not understood: null); or a Pym
 * `width` message for this child. Anything else is null.
 */
export function parseHostMessage(data: unknown, ctx: HostContext): HostCommand | null {
  if (typeof data === 'string') {
    const p = parsePym(data);
    if (!p || ctx.childId === undefined || p.id !== ctx.childId || p.type !== 'width' || !/^\d{1,5}$/.test(p.payload)) return null;
    return { kind: 'pym-width', width: Number(p.payload) };
  }
  if (!isPlainObject(data)) return null;
  const d = data as Record<string, unknown>;
  if (d.type === VIEW) {
    if (!exactKeys(d, ['type', 'v', 'view']) || d.v !== VIEW_VERSION || (d.view !== 'near' && d.view !== 'far')) return null;
    return { kind: 'view', near: d.view === 'near' };
  }
  if (d.type !== SEEK) return null;
  if (exactKeys(d, ['type', 'time'])) {
    if (typeof d.time !== 'string' || d.time.length > 40) return null;
    const t = parseIsoUtc(d.time);
    return Number.isNaN(t) || !ctx.inRange(t) ? null : { kind: 'seek-time', time: t };
  }
  if (exactKeys(d, ['type', 'event'])) {
    if (typeof d.event !== 'string' || d.event.length > 80 || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(d.event)) return null;
    return ctx.hasEvent(d.event) ? { kind: 'seek-event', event: d.event } : null;
  }
  return null;
}

export interface StateMessage {
  type: typeof STATE;
  /** The moment, ISO 8601 UTC. */
  time: string;
  /** The event at exactly this moment, or null between events. */
  event: string | null;
}

export function stateMessage(t: number, event: string | undefined): StateMessage {
  return { type: STATE, time: isoUtc(t), event: event ?? null };
}

// ---------------------------------------------------------------- allowed host origins

/** `*` (any host) or a list of exact origins, from a comma-separated build setting. */
export type AllowedOrigins = '*' | readonly string[];

export function parseAllowedOrigins(setting: string | undefined): AllowedOrigins {
  const raw = (setting ?? '').trim();
  if (raw === '' || raw === '*') return '*';
  const list: string[] = [];
  for (const item of raw.split(',')) {
    const s = item.trim().replace(/\/+$/, '');
    if (s === '*') return '*';
    if (/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(s)) list.push(s.toLowerCase());
  }
  return list;
}

export function originAllowed(origin: string, allowed: AllowedOrigins): boolean {
  return allowed === '*' || allowed.includes(origin.toLowerCase());
}
