/**
 * Code that runs inside the benchmark's pages (passed to page.evaluate, so each function stands alone).
 * The app and the baselines expose the same things: the app as `window.flightmap`, a baseline page as
 * `window.bench` ({ map, step(t), start, end } for scrubbing; { exportPng } for export).
 */

export interface SweepOptions {
  target: 'app' | 'baseline';
  steps: number;
  /** From the crash back to take-off. */
  reverse?: boolean;
  /** Mark each step for the trace (performance.mark 'bench:N'). */
  mark?: boolean;
  /**
   * 'idle': after each step, wait until the map has drawn it and is idle (every worker reply in), so each
   * step's work falls in its own window. 'frame': one step per animation frame, like a fast drag.
   */
  pace: 'idle' | 'frame';
}

export interface SweepResult {
  /** The synchronous part of each step (seek or setData), ms. */
  sync: number[];
  /** Steps after which the map did not report idle within 5 s. */
  timeouts: number;
  wallMs: number;
}

/** A sweep of the slider over the flight, one step at a time, as a drag (the app's slider gets 'input' events), then the release. */
export async function sweep(o: SweepOptions): Promise<SweepResult> {
  type MapLike = { on(e: string, f: () => void): void; once(e: string, f: () => void): void; off(e: string, f: () => void): void; loaded(): boolean };
  const w = window as unknown as {
    flightmap: { mapReady: Promise<{ map: MapLike }>; timelines: { flight: { start: number; end: number } }; seek(t: number, c?: string): void };
    bench: { map: MapLike; step(t: number): void; start: number; end: number };
  };
  let map: MapLike, step: (t: number) => void, start: number, end: number;
  let release = () => {};
  if (o.target === 'app') {
    map = (await w.flightmap.mapReady).map;
    ({ start, end } = w.flightmap.timelines.flight);
    // A step is what a dragged slider sends: its value (in the flight, the time in ms) and an 'input' event.
    // Letting go of it ('change') comes after the sweep, outside the measured steps.
    const slider = document.getElementById('time-slider') as HTMLInputElement;
    step = (t) => {
      slider.value = String(t);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    };
    release = () => slider.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    ({ map, step, start, end } = w.bench);
  }
  // After a step: wait until the map has drawn it and is idle. A step that changed nothing in the map (the
  // app moves the aircraft in an overlay) draws no frame and fires no 'idle': it is settled once two frames
  // have passed with no render and every source loaded. Listening starts before the step, so an 'idle'
  // that comes quickly is not missed; nothing forces a redraw the step did not ask for.
  type Settle = () => Promise<boolean>;
  const watch = (): Settle => {
    let rendered = false,
      idle = false;
    const onRender = () => (rendered = true);
    const onIdle = () => (idle = true);
    map.on('render', onRender);
    map.once('idle', onIdle);
    return async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      await frame();
      await frame();
      const deadline = performance.now() + 5000;
      while (!idle && (rendered || !map.loaded()) && performance.now() < deadline) await frame();
      map.off('render', onRender);
      map.off('idle', onIdle);
      return idle || (!rendered && map.loaded());
    };
  };
  const sync: number[] = [];
  let timeouts = 0;
  const t0 = performance.now();
  for (let i = 0; i < o.steps; i++) {
    await new Promise((r) => setTimeout(r, 0)); // each step starts in a task of its own
    if (o.mark) performance.mark(`bench:${i}`);
    const f = o.steps > 1 ? i / (o.steps - 1) : 0;
    const t = start + (end - start) * (o.reverse ? 1 - f : f);
    const settle = o.pace === 'idle' ? watch() : null;
    const a = performance.now();
    step(t);
    sync.push(performance.now() - a);
    if (settle) {
      if (!(await settle())) timeouts++;
    } else await new Promise((r) => requestAnimationFrame(r));
  }
  if (o.pace === 'frame' && !(await watch()())) timeouts++;
  await new Promise((r) => setTimeout(r, 0));
  if (o.mark) performance.mark('bench:end');
  const settle = watch();
  release();
  if (!(await settle())) timeouts++;
  return { sync, timeouts, wallMs: performance.now() - t0 };
}

/** The map's size and camera, to give the baselines the same view. */
export async function appView(): Promise<{ width: number; height: number; lng: number; lat: number; zoom: number }> {
  type M = { getContainer(): HTMLElement; getCenter(): { lng: number; lat: number }; getZoom(): number };
  const sm = await (window as unknown as { flightmap: { mapReady: Promise<{ map: M }> } }).flightmap.mapReady;
  const el = sm.map.getContainer();
  const c = sm.map.getCenter();
  return { width: el.clientWidth, height: el.clientHeight, lng: c.lng, lat: c.lat, zoom: sm.map.getZoom() };
}

/** Run in every page before its scripts: records when `data-ready` is first set (ms since navigation start). */
export const READY_PROBE = `
  globalThis.__name = (f) => f;
  new MutationObserver(() => {
    const r = document.documentElement && document.documentElement.dataset.ready;
    if (r && globalThis.__readyAt === undefined) { globalThis.__readyAt = performance.now(); globalThis.__readyAs = r; }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
`;

export interface ExportResult {
  ms: number;
  width: number;
  height: number;
  /** The first bytes of the PNG's data URL (to read its real size) and its length. */
  head: string;
  length: number;
}

/** One PNG export of 1920 × 1080 at scale 2: the app's own, or the plugin's on the baseline page. */
export async function exportOnce(target: 'app' | 'baseline'): Promise<ExportResult | null> {
  const w = window as unknown as {
    flightmap?: { exportPng?: (o: unknown) => Promise<{ dataUrl: string; width: number; height: number }> };
    bench?: { exportPng?: () => Promise<{ dataUrl: string }>; width: number; height: number };
  };
  const t0 = performance.now();
  if (target === 'app') {
    if (!w.flightmap?.exportPng) return null;
    const r = await w.flightmap.exportPng({ preset: '16x9', scale: 2, moment: 'route' });
    const ms = performance.now() - t0;
    return { ms, width: r.width, height: r.height, head: r.dataUrl.slice(0, 120), length: r.dataUrl.length };
  }
  const r = await w.bench!.exportPng!();
  const ms = performance.now() - t0;
  return { ms, width: w.bench!.width, height: w.bench!.height, head: r.dataUrl.slice(0, 120), length: r.dataUrl.length };
}

export interface VectorResult {
  ms: number;
  bytes: number;
}

/**
 * One vector export: the app's SVG (16:9) or PDF (A4 landscape), or the plugin's PDF of the same A4 page
 * (its raster in a PDF) on the baseline page. Time until the file's bytes exist; its size in bytes.
 */
export async function vectorOnce(what: 'svg' | 'pdf' | 'baseline-pdf'): Promise<VectorResult | null> {
  const w = window as unknown as {
    flightmap?: { exportSvg?: (o: unknown) => Promise<{ svg: string }>; exportPdf?: (o: unknown) => Promise<{ pdf: Uint8Array }> };
    bench?: { exportPdf?: () => Promise<{ bytes: number }> };
  };
  const t0 = performance.now();
  if (what === 'svg') {
    if (!w.flightmap?.exportSvg) return null;
    const r = await w.flightmap.exportSvg({ preset: '16x9', moment: 'route' });
    return { ms: performance.now() - t0, bytes: new TextEncoder().encode(r.svg).length };
  }
  if (what === 'pdf') {
    if (!w.flightmap?.exportPdf) return null;
    const r = await w.flightmap.exportPdf({ preset: 'a4', moment: 'route' });
    return { ms: performance.now() - t0, bytes: r.pdf.length };
  }
  if (!w.bench?.exportPdf) return null;
  const r = await w.bench.exportPdf();
  return { ms: performance.now() - t0, bytes: r.bytes };
}
