/**
 * A day of autoplay, fast: a looping embed (`?embed&autoplay&loop`) on a fast clock, for a bounded wall time.
 *
 * The clock (an init script, test only): the page's `performance.now` and `requestAnimationFrame` run on a
 * fake time that moves FRAME_MS per frame, and only one frame in REAL_EVERY is a real one (painted); the
 * others follow at once. Playback, its dwells and the map's own frames all take their time from it, so a loop
 * of the flight takes a fraction of a second instead of minutes; DOM work, feature-state updates and the map's
 * redraws still happen, frame by frame. Timers (setTimeout/setInterval) are counted, not sped up.
 *
 * Measured at the same phase of the loop (the clock stops at the moment a loop starts again), after a warm-up
 * of SOAK_WARM_LOOPS loops (10) and at the end: the JS heap after forced GC (CDP HeapProfiler.collectGarbage,
 * precise memory info), DOM nodes, documents and JS event listeners (CDP Memory.getDOMCounters), the elements by
 * tag and class, timers and animation frames pending.
 *
 * How much of a day: a day on a screen at the default 1 min/s is 86 400 / LOOP_WALL_S_AT_1MIN ≈ 451 loops. This
 * machine plays 1.3–2.2 loops per wall second (SOAK_REAL_EVERY 256), so the default run (SOAK_SECONDS 90) covers
 * 100–160 loops after warm-up, a fifth to a third of a day; the test prints the fraction (`day_fraction`).
 * A whole day: SOAK_SECONDS=400 (about 7 minutes; the README gives the figures of one such run).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChrome } from '../../scripts/lib/chrome.ts';
import { serveDir, type StaticServer } from '../../scripts/lib/static-server.ts';
import { DIST } from '../support/app';
import { DWELL_MS, LOOP_DWELL_MS } from '../../src/time/player';

const SOAK_MS = Number(process.env.SOAK_SECONDS ?? 90) * 1000;
/** One frame in REAL_EVERY is painted (a real animation frame); the others follow at once, unpainted. */
const REAL_EVERY = Number(process.env.SOAK_REAL_EVERY ?? 256);
/** Loops played before the first sample. */
const WARM_LOOPS = Number(process.env.SOAK_WARM_LOOPS ?? 10);
/** One loop at the default speed (1 min/s), in wall seconds, as a real screen plays it: the flight, a dwell at each event, the rest. */
const flight = (JSON.parse(readFileSync('geo/events.json', 'utf8')) as { events: { chapter: string; time: string }[] }).events.filter(
  (e) => e.chapter === 'flight',
);
const times = [...new Set(flight.map((e) => Date.parse(e.time)))].sort((a, b) => a - b);
const LOOP_WALL_S_AT_1MIN = (times.at(-1)! - times[0]!) / 60_000 + (times.length - 1) * (DWELL_MS / 1000) + LOOP_DWELL_MS / 1000;

const FAST_CLOCK = ({ frameMs, realEvery }: { frameMs: number; realEvery: number }) => {
  const w = window as unknown as Record<string, unknown>;
  const realNow = performance.now.bind(performance);
  const realRaf = window.requestAnimationFrame.bind(window);
  let fake = realNow();
  let frames = 0,
    scheduled = false,
    held = false,
    holdAtLoop = false,
    loops = 0,
    lastT = NaN;
  const queue = new Map<number, FrameRequestCallback>();
  let nextId = 1;
  const port = new MessageChannel();
  // ---- timers, counted
  const pendingTimers = new Set<number>();
  const st = window.setTimeout.bind(window),
    ct = window.clearTimeout.bind(window),
    si = window.setInterval.bind(window),
    ci = window.clearInterval.bind(window);
  let intervals = 0;
  window.setTimeout = ((fn: TimerHandler, ms?: number, ...a: unknown[]) => {
    const id = st(
      (...b: unknown[]) => {
        pendingTimers.delete(id);
        if (typeof fn === 'function') (fn as (...x: unknown[]) => void)(...b);
      },
      ms,
      ...a,
    );
    pendingTimers.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) pendingTimers.delete(id);
    ct(id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((fn: TimerHandler, ms?: number, ...a: unknown[]) => (intervals++, si(fn, ms, ...a))) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => (intervals--, ci(id))) as typeof window.clearInterval;
  // ---- the clock
  performance.now = () => fake;
  const run = () => {
    scheduled = false;
    if (held) return;
    fake += frameMs;
    frames++;
    const cbs = [...queue.values()];
    queue.clear();
    for (const cb of cbs) cb(fake);
    const app = w.flightmap as { getMoment(): { t: number } } | undefined;
    const t = app?.getMoment().t;
    if (t !== undefined) {
      if (t < lastT) {
        loops++;
        if (holdAtLoop) held = true;
      }
      lastT = t;
    }
    if (queue.size) schedule();
  };
  const schedule = () => {
    if (scheduled || held) return;
    scheduled = true;
    if (frames % realEvery === 0) realRaf(run);
    else port.port1.postMessage(0);
  };
  port.port2.onmessage = run;
  window.requestAnimationFrame = (cb: FrameRequestCallback) => {
    queue.set(nextId, cb);
    schedule();
    return nextId++;
  };
  window.cancelAnimationFrame = (id: number) => void queue.delete(id);
  w.__clock = {
    /** Stops the clock the next time a loop starts again (t jumps back). */
    holdAtNextLoop() {
      holdAtLoop = true;
    },
    resume() {
      holdAtLoop = false;
      held = false;
      schedule();
    },
    state: () => ({ held, loops, frames, fakeMs: fake, timers: pendingTimers.size, intervals, frameRequests: queue.size }),
  };
};

type ClockState = { held: boolean; loops: number; frames: number; fakeMs: number; timers: number; intervals: number; frameRequests: number };
const clock = (p: Page) => p.evaluate(() => (window as unknown as { __clock: { state(): ClockState } }).__clock.state());

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  server = await serveDir(DIST);
  browser = await launchChrome(['--enable-precise-memory-info']);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Sample {
  heapMb: number;
  nodes: number;
  documents: number;
  listeners: number;
  timers: number;
  intervals: number;
  frameRequests: number;
  loops: number;
  t: number;
  /** Elements in the document by tag and class (to tell what grew, when something did). */
  kinds: Record<string, number>;
  /** Every node in the document (elements, text, comments): the live DOM, exactly. */
  liveNodes: number;
}

async function sampleAtLoopStart(page: Page): Promise<Sample> {
  await page.evaluate(() => (window as unknown as { __clock: { holdAtNextLoop(): void } }).__clock.holdAtNextLoop());
  await page.waitForFunction(() => (window as unknown as { __clock: { state(): { held: boolean } } }).__clock.state().held, undefined, {
    timeout: 60_000,
    polling: 20,
  });
  await page.waitForTimeout(400); // real timers due now (the URL's, 150 ms) run
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
  // Blink's counters include nodes and listeners left the page but not yet freed by its own collector: the least of
  // a few samples, each after one more collection, measures what is still held (a node a script keeps stays in each).
  type Counters = { documents: number; nodes: number; jsEventListeners: number };
  let dom = (await cdp.send('Memory.getDOMCounters')) as Counters;
  for (let i = 0; i < 4; i++) {
    await page.waitForTimeout(100);
    await cdp.send('HeapProfiler.collectGarbage');
    const d = (await cdp.send('Memory.getDOMCounters')) as Counters;
    dom = {
      documents: Math.min(dom.documents, d.documents),
      nodes: Math.min(dom.nodes, d.nodes),
      jsEventListeners: Math.min(dom.jsEventListeners, d.jsEventListeners),
    };
  }
  await cdp.detach();
  const c = await clock(page);
  const t = await page.evaluate(() => (window as unknown as { flightmap: { getMoment(): { t: number } } }).flightmap.getMoment().t);
  const kinds = await page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const e of document.querySelectorAll('*')) {
      const k = `${e.tagName.toLowerCase()}.${(e.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).sort().join('.')}`;
      out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  });
  const liveNodes = await page.evaluate(() => {
    const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let n = 0;
    while (w.nextNode()) n++;
    return n;
  });
  return {
    kinds,
    liveNodes,
    heapMb: heap / 1e6,
    nodes: dom.nodes,
    documents: dom.documents,
    listeners: dom.jsEventListeners,
    timers: c.timers,
    intervals: c.intervals,
    frameRequests: c.frameRequests,
    loops: c.loops,
    t,
  };
}

describe('a day of autoplay, fast', () => {
  it(
    'a looping embed keeps its heap flat (≤ 10 % after warm-up), its DOM nodes and listeners constant, and no timers pile up',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
      await context.addInitScript(FAST_CLOCK, { frameMs: 950, realEvery: REAL_EVERY }); // under the app's 1 s pause rule
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${server.url}?embed&autoplay&loop`);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'map', undefined, { timeout: 60_000 });
      await page.selectOption('.timeline .speed', '10m');
      const t0 = Date.now();
      const loopsAtLeast = (n: number) =>
        page.waitForFunction((n) => (window as unknown as { __clock: { state(): { loops: number } } }).__clock.state().loops >= n, n, {
          timeout: 120_000,
          polling: 100,
        });
      const resume = () => page.evaluate(() => (window as unknown as { __clock: { resume(): void } }).__clock.resume());
      // Warm-up: WARM_LOOPS loops (V8's optimised code, MapLibre's caches and the like fill once, in the first ten
      // or so: measured at two loops too, for the report), then the first sample at the start of a loop.
      await loopsAtLeast(2);
      const early = await sampleAtLoopStart(page);
      await resume();
      await loopsAtLeast(WARM_LOOPS);
      const warm = await sampleAtLoopStart(page);
      await resume();
      const runFrom = Date.now();
      await page.waitForTimeout(Math.max(0, SOAK_MS - (runFrom - t0)));
      const end = await sampleAtLoopStart(page);
      const c = await clock(page);
      const loops = end.loops - warm.loops;
      const report = {
        wall_s: Math.round((Date.now() - t0) / 1000),
        loops_measured: loops,
        frames: c.frames,
        fake_clock_h: +(c.fakeMs / 3.6e6).toFixed(2),
        equivalent_wall_h_at_1min_per_s: +((loops * LOOP_WALL_S_AT_1MIN) / 3600).toFixed(1),
        day_fraction: +((loops * LOOP_WALL_S_AT_1MIN) / 86_400).toFixed(3),
        loops_per_wall_s: +(loops / ((Date.now() - runFrom) / 1000)).toFixed(2),
        warm_up_loops: warm.loops,
        heap_mb_at_2_loops: +early.heapMb.toFixed(2),
        nodes_at_2_loops: early.nodes,
        heap_mb: [+warm.heapMb.toFixed(2), +end.heapMb.toFixed(2)],
        heap_growth_pct: +(((end.heapMb - warm.heapMb) / warm.heapMb) * 100).toFixed(1),
        live_nodes: [warm.liveNodes, end.liveNodes],
        nodes: [warm.nodes, end.nodes],
        listeners: [warm.listeners, end.listeners],
        documents: [warm.documents, end.documents],
        timers_pending: [warm.timers, end.timers],
        intervals: [warm.intervals, end.intervals],
        frame_requests: [warm.frameRequests, end.frameRequests],
        elements_changed: Object.fromEntries(
          [...new Set([...Object.keys(warm.kinds), ...Object.keys(end.kinds)])]
            .filter((k) => warm.kinds[k] !== end.kinds[k])
            .map((k) => [k, [warm.kinds[k] ?? 0, end.kinds[k] ?? 0]]),
        ),
      };
      console.log(`soak: ${JSON.stringify(report)}`);
      expect(loops).toBeGreaterThanOrEqual(10);
      expect(end.t).toBe(warm.t); // the same phase: the start of a loop
      expect(end.heapMb).toBeLessThanOrEqual(warm.heapMb * 1.1);
      // The live DOM is the same, node for node. Blink's counters also count nodes and listeners no longer in the
      // page that its own collector has not yet freed: they move by a few dozen nodes and a listener or two either
      // way between samples (a day's run: 2357 → 2329 nodes, 160 → 158 listeners; a clean-clone CI run of 263 loops:
      // 2297 → 2374, the live DOM identical). So 5 % (about 115 nodes): a leak of one node a loop still fails over the
      // default run's 150-odd loops, and a leaked poster (hundreds of nodes) at once.
      expect(end.liveNodes).toBe(warm.liveNodes);
      expect(end.kinds).toEqual(warm.kinds);
      expect(end.nodes).toBeLessThanOrEqual(warm.nodes * 1.05);
      expect(end.listeners).toBeLessThanOrEqual(warm.listeners + 3);
      expect(end.documents).toBe(warm.documents);
      expect(end.timers).toBeLessThanOrEqual(warm.timers);
      expect(end.intervals).toBeLessThanOrEqual(warm.intervals);
      expect(end.frameRequests).toBeLessThanOrEqual(warm.frameRequests);
      expect(errors).toEqual([]);
      await context.close();
    },
    SOAK_MS + 150_000,
  );
});
