/**
 * When an embed may hold a live map. Pure: no DOM, no MapLibre, no clock (times are passed in).
 *
 * A browser keeps about 16 WebGL contexts per page (far fewer on phones) and silently drops the oldest past
 * that; each MapLibre map also holds a worker and tens of MB. So an embed opens with a poster and holds a
 * map only while a reader may look at it. The embeds of one origin on a page (and in the reader's other
 * tabs) agree over a BroadcastChannel (lazy-map.ts): each one tells the others its `Peer` state whenever it
 * changes, and each decides for itself from the same table, by the same ranking, so they agree on which
 * embeds keep a map (`keepers`, at most `budget`). An embed starts a map only when it is one of them and
 * every embed that is not has released its own: the number of live maps never passes the budget.
 */
import { ROUTE_PICTURE, type RouteShape } from '../opendata/build-info';

/** Live maps per origin (the budget: ten embeds on a page, at most 3 maps). */
export const MAP_BUDGET = 3;
/** An embed out of view for this long releases its map even when nobody needs the room. */
export const IDLE_RELEASE_MS = 30_000;
/** After joining, an embed waits this long for the others' states before its first decision. */
export const SETTLE_MS = 150;

export interface Peer {
  id: string;
  /** Holds a map, or is making one. */
  alive: boolean;
  /** Some of it is in the reader's view (and its document is not hidden). */
  visible: boolean;
  /** The host page says it is within about one screen of the view (the snippet's script; see protocol.ts). */
  near: boolean;
  /** Wants a map: in view or near, and not held back (after a lost context, until the next view or interaction). */
  wants: boolean;
  /** Date.now() when it came into view or near (while so), or when it was last in view or near (while not). */
  seenAt: number;
}

export type PeerMessage = { kind: 'state'; peer: Peer } | { kind: 'hello'; id: string } | { kind: 'bye'; id: string };

/** The wire name of the channel, shared by every embed of the origin. */
export const CHANNEL = 'flightmap-embeds';

const isId = (v: unknown): v is string => typeof v === 'string' && /^[\w-]{1,64}$/.test(v);

/** A message from another embed, checked field by field; null for anything else. */
export function parsePeerMessage(d: unknown): PeerMessage | null {
  if (!d || typeof d !== 'object') return null;
  const m = d as Record<string, unknown>;
  if ((m.kind === 'hello' || m.kind === 'bye') && isId(m.id)) return { kind: m.kind, id: m.id };
  if (m.kind !== 'state' || !m.peer || typeof m.peer !== 'object') return null;
  const p = m.peer as Record<string, unknown>;
  if (!isId(p.id) || typeof p.alive !== 'boolean' || typeof p.visible !== 'boolean' || typeof p.wants !== 'boolean') return null;
  if (p.near !== undefined && typeof p.near !== 'boolean') return null; // an embed of an earlier build does not say
  if (typeof p.seenAt !== 'number' || !Number.isFinite(p.seenAt)) return null;
  return { kind: 'state', peer: { id: p.id, alive: p.alive, visible: p.visible, near: p.near === true, wants: p.wants, seenAt: p.seenAt } };
}

/** The table of the other embeds after a message (a new map; `self` is never in it). */
export function applyMessage(table: ReadonlyMap<string, Peer>, msg: PeerMessage, self: string): Map<string, Peer> {
  const next = new Map(table);
  if (msg.kind === 'state' && msg.peer.id !== self) next.set(msg.peer.id, msg.peer);
  else if (msg.kind === 'bye') next.delete(msg.id);
  return next;
}

/**
 * Who comes first for a map: embeds that want one, those in view before those only near it; among them,
 * those already holding one first (a map is never taken from one embed in view to give it to another), then
 * the one in view (or near) longest; then the rest, most recently seen first. Ids break ties, so every embed
 * ranks the same table the same way.
 */
export function compare(a: Peer, b: Peer): number {
  if (a.wants !== b.wants) return a.wants ? -1 : 1;
  if (a.wants) {
    if (a.visible !== b.visible) return a.visible ? -1 : 1;
    if (a.alive !== b.alive) return a.alive ? -1 : 1;
    if (a.seenAt !== b.seenAt) return a.seenAt - b.seenAt;
  } else if (a.seenAt !== b.seenAt) return b.seenAt - a.seenAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The embeds that may hold a map: the first `budget` of those that want or hold one. */
export function keepers(all: readonly Peer[], budget = MAP_BUDGET): Set<string> {
  const candidates = all.filter((p) => p.wants || p.alive).sort(compare);
  return new Set(candidates.slice(0, Math.max(0, budget)).map((p) => p.id));
}

/**
 * What this embed does now:
 * - `release`: it holds a map and is not a keeper (someone in view needs the room);
 * - `start`: it wants a map, is a keeper, and making one keeps the count within the budget (every
 *   non-keeper has released its map);
 * - `wait`: it wants a map but must wait for room; `keep`: it holds a map and keeps it; `none`.
 */
export type Decision = 'start' | 'release' | 'wait' | 'keep' | 'none';

export function decide(self: Peer, others: readonly Peer[], budget = MAP_BUDGET): Decision {
  const k = keepers([self, ...others], budget);
  if (self.alive) return k.has(self.id) ? 'keep' : 'release';
  if (!self.wants) return 'none';
  if (!k.has(self.id)) return 'wait';
  const alive = others.filter((p) => p.alive);
  if (alive.some((p) => !k.has(p.id))) return 'wait';
  return alive.length + 1 <= budget ? 'start' : 'wait';
}

/** Ms until an embed out of view (and not near) should release its map on its own (0: now); null when it need not. */
export function idleReleaseIn(self: Peer, now: number, idleMs = IDLE_RELEASE_MS): number | null {
  if (!self.alive || self.visible || self.near) return null;
  return Math.max(0, self.seenAt + idleMs - now);
}

/**
 * The design that fills more of a box when drawn whole in it (object-fit: contain), for a picture in a box of its
 * own shape (the embed's first poster, 4:3: the wide one); the wide one on a tie or an empty box.
 */
export function routeShapeFor(box: { width: number; height: number }): RouteShape {
  const filled = ({ width, height }: { width: number; height: number }) => Math.min(box.width / width, box.height / height) ** 2 * width * height;
  return box.width > 0 && box.height > 0 && filled(ROUTE_PICTURE.narrow) > filled(ROUTE_PICTURE.wide) ? 'narrow' : 'wide';
}
