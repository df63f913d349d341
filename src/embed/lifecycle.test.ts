import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyMessage, compare, decide, idleReleaseIn, keepers, MAP_BUDGET, parsePeerMessage, type Peer } from './lifecycle';

const peer = (id: string, o: Partial<Peer> = {}): Peer => ({ id, alive: false, visible: false, near: false, wants: false, seenAt: 0, ...o });
const inView = (id: string, seenAt: number, alive = false): Peer => peer(id, { visible: true, wants: true, seenAt, alive });
/** Within one screen of the view, by the host's word, but not in it. */
const near = (id: string, seenAt: number, alive = false): Peer => peer(id, { near: true, wants: true, seenAt, alive });

describe('ranking and keepers', () => {
  it('puts embeds in view first, those holding a map first among them, then the longest in view; then the most recently seen', () => {
    const list = [
      peer('old', { alive: true, seenAt: 10 }),
      inView('new', 50),
      peer('recent', { alive: true, seenAt: 40 }),
      inView('held', 60, true),
      inView('first', 20),
    ];
    expect([...list].sort(compare).map((p) => p.id)).toEqual(['held', 'first', 'new', 'recent', 'old']);
  });

  it('keeps at most the budget, and only embeds that want or hold a map', () => {
    const list = [inView('a', 1), inView('b', 2), peer('c', { alive: true, seenAt: 5 }), peer('d', { alive: true, seenAt: 3 }), peer('e', { seenAt: 9 })];
    expect(keepers(list, 3)).toEqual(new Set(['a', 'b', 'c']));
    expect(keepers([peer('x', { seenAt: 1 })], 3)).toEqual(new Set());
  });
});

describe('near, by the host’s word', () => {
  it('starts a map before the embed is in view when there is room', () => {
    expect(decide(near('me', 5), [inView('a', 1, true)])).toBe('start');
  });
  it('ranks embeds in view before those only near, so a near one gives its map to one in view', () => {
    const list = [near('n-held', 1, true), inView('v', 9), near('n', 0), inView('v-held', 5, true)];
    expect([...list].sort(compare).map((p) => p.id)).toEqual(['v-held', 'v', 'n-held', 'n']);
    const others = [near('n1', 1, true), near('n2', 2, true), inView('v1', 3, true)];
    expect(decide(inView('me', 9), others)).toBe('wait');
    expect(decide(others[1]!, [others[0]!, others[2]!, inView('me', 9)])).toBe('release'); // the most recent near one
    expect(decide(others[0]!, [others[1]!, others[2]!, inView('me', 9)])).toBe('keep');
  });
  it('a near embed keeps its map (no idle release); far again, the clock runs', () => {
    expect(idleReleaseIn(near('a', 1000, true), 40_000, 30_000)).toBeNull();
    expect(idleReleaseIn(peer('a', { alive: true, seenAt: 1000 }), 40_000, 30_000)).toBe(0);
  });
});

describe('decide', () => {
  it('starts at once when there is room', () => {
    expect(decide(inView('me', 5), [])).toBe('start');
    expect(decide(inView('me', 5), [peer('a', { alive: true, seenAt: 1 }), peer('b', { alive: true, seenAt: 2 })])).toBe('start');
  });

  it('waits while an embed out of view still holds the room, which that embed gives up', () => {
    const a = peer('a', { alive: true, seenAt: 1 }),
      b = peer('b', { alive: true, seenAt: 2 }),
      c = peer('c', { alive: true, seenAt: 3 });
    const me = inView('me', 9);
    expect(decide(me, [a, b, c])).toBe('wait');
    expect(decide(a, [b, c, me])).toBe('release'); // the least recently seen
    expect(decide(b, [a, c, me])).toBe('keep');
    expect(decide(me, [b, c])).toBe('start'); // once a has said it released
  });

  it('never takes the map of an embed in view to give it to another in view', () => {
    const held = [inView('a', 1, true), inView('b', 2, true), inView('c', 3, true)];
    expect(decide(inView('d', 0), held)).toBe('wait');
    for (const p of held) expect(decide(p, [...held.filter((q) => q !== p), inView('d', 0)])).toBe('keep');
  });

  it('an embed that does not want a map starts nothing', () => {
    expect(decide(peer('me', { visible: true, seenAt: 1 }), [])).toBe('none');
  });

  it('whatever the table, acting on a shared table never holds more maps than the budget', () => {
    const arbPeer = (id: string) =>
      fc
        .record({ alive: fc.boolean(), visible: fc.boolean(), near: fc.boolean(), held: fc.boolean(), seenAt: fc.integer({ min: 0, max: 20 }) })
        .map((r): Peer => ({ id, alive: r.alive, visible: r.visible, near: r.near, wants: (r.visible || r.near) && !r.held, seenAt: r.seenAt }));
    const ids = Array.from({ length: 10 }, (_, i) => `e${i}`);
    fc.assert(
      fc.property(fc.tuple(...ids.map(arbPeer)), fc.integer({ min: 1, max: 4 }), (peers, budget) => {
        // start from a legal state: at most `budget` alive
        let alive = 0;
        const table = peers.map((p) => (p.alive && alive < budget ? (alive++, p) : { ...p, alive: false }));
        // every embed decides on the same table, in rounds, until nothing changes
        let cur = table;
        for (let round = 0; round < 30; round++) {
          const next = cur.map((p) => {
            const d = decide(
              p,
              cur.filter((q) => q !== p),
              budget,
            );
            return d === 'start' ? { ...p, alive: true } : d === 'release' ? { ...p, alive: false } : p;
          });
          expect(next.filter((p) => p.alive).length).toBeLessThanOrEqual(budget);
          if (next.every((p, i) => p.alive === cur[i]!.alive)) break;
          cur = next;
        }
        // at rest: every keeper that wants a map holds one
        const k = keepers(cur, budget);
        for (const p of cur) if (p.wants && k.has(p.id)) expect(p.alive).toBe(true);
      }),
    );
  });
});

describe('idle release', () => {
  it('counts from the moment the embed left the view', () => {
    expect(idleReleaseIn(peer('a', { alive: true, seenAt: 1000 }), 1000, 30_000)).toBe(30_000);
    expect(idleReleaseIn(peer('a', { alive: true, seenAt: 1000 }), 40_000, 30_000)).toBe(0);
    expect(idleReleaseIn(inView('a', 1000, true), 40_000, 30_000)).toBeNull();
    expect(idleReleaseIn(peer('a', { seenAt: 1000 }), 40_000, 30_000)).toBeNull();
  });
});

describe('messages', () => {
  it('reads states, hellos and byes, and nothing else', () => {
    const p = peer('a-1', { alive: true, seenAt: 5 });
    expect(parsePeerMessage({ kind: 'state', peer: p })).toEqual({ kind: 'state', peer: p });
    expect(parsePeerMessage({ kind: 'hello', id: 'x' })).toEqual({ kind: 'hello', id: 'x' });
    expect(parsePeerMessage({ kind: 'bye', id: 'x' })).toEqual({ kind: 'bye', id: 'x' });
    for (const bad of [
      null,
      'state',
      { kind: 'state' },
      { kind: 'state', peer: { ...p, alive: 'yes' } },
      { kind: 'state', peer: { ...p, id: '<b>' } },
      { kind: 'state', peer: { ...p, seenAt: NaN } },
      { kind: 'hi', id: 'x' },
    ])
      expect(parsePeerMessage(bad)).toBeNull();
    expect(parsePeerMessage({ kind: 'state', peer: { ...p, near: 'yes' } })).toBeNull();
  });

  it('reads a state without `near` (an embed of an earlier build on the origin) as not near', () => {
    const { near: _, ...old } = peer('a-1', { alive: true, seenAt: 5 });
    expect(parsePeerMessage({ kind: 'state', peer: old })).toEqual({ kind: 'state', peer: peer('a-1', { alive: true, seenAt: 5 }) });
  });

  it('keeps a table of the others', () => {
    let t = applyMessage(new Map(), { kind: 'state', peer: peer('a', { alive: true }) }, 'me');
    t = applyMessage(t, { kind: 'state', peer: peer('me', { alive: true }) }, 'me');
    expect([...t.keys()]).toEqual(['a']);
    t = applyMessage(t, { kind: 'bye', id: 'a' }, 'me');
    expect(t.size).toBe(0);
    expect(MAP_BUDGET).toBe(3);
  });
});
