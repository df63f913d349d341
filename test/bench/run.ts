/**
 * `npm run bench`: builds the app and the baselines (into a temp dir, never dist/), drives headless
 * Chromium, and measures size, load, scrub, export and memory, each against its baseline in the same run.
 * Prints a table; with `-- --json`, one JSON object on stdout (progress goes to stderr).
 *
 * Options: --json, --quick (one run of each), --load-runs N (5), --scrub-runs N (3), --steps N (500),
 * --export-runs N (3), --only size,load,scrub,export,vector,memory,embeds, --keep (keep the temp dir).
 * See the Performance section of the README for what each figure measures.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChrome } from '../../scripts/lib/chrome.ts';
import { serveDir, type StaticServer } from '../../scripts/lib/static-server.ts';
import { buildApp, buildPages } from './lib/build.ts';
import { appView, exportOnce, READY_PROBE, sweep, vectorOnce, type ExportResult, type SweepOptions, type VectorResult } from './lib/page.ts';
import { firstLoadPaths, sizeFiles, sizeReport, type SizeReport } from './lib/size.ts';
import { chromeCpu, cpuBetween, type CpuByType } from './lib/cpu.ts';
import { median, quantile, round } from './lib/stats.ts';
import { stepTimes, TRACE_CATEGORIES } from './lib/trace.ts';

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(
    'npm run bench [-- --json] [--quick] [--load-runs N] [--scrub-runs N] [--steps N] [--export-runs N] [--only size,load,scrub,export,vector,memory,embeds] [--keep]\n',
  );
  process.exit(0);
}
const flag = (name: string) => argv.includes(`--${name}`);
const num = (name: string, d: number) => {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(argv[i + 1]) : NaN;
  return Number.isInteger(v) && v > 0 ? v : d;
};
const quick = flag('quick');
const OPTS = {
  json: flag('json'),
  keep: flag('keep'),
  loadRuns: num('load-runs', quick ? 1 : 5),
  scrubRuns: num('scrub-runs', quick ? 1 : 3),
  steps: num('steps', 500),
  exportRuns: num('export-runs', quick ? 1 : 3),
  only: new Set((argv.includes('--only') ? argv[argv.indexOf('--only') + 1]! : 'size,load,scrub,export,vector,memory,embeds').split(',')),
};
const MEMORY_STEPS = 1000;
const LEAK_STEPS = 500;
if (OPTS.steps < 500)
  process.stderr.write(`[bench] --steps ${OPTS.steps}: fewer than the 500 steps the scrub figure is defined over (for trying things out only)\n`);
const VIEWPORT = { width: 1440, height: 900 };

const started = Date.now();
const log = (msg: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}\n`);

// ---------------------------------------------------------------- targets (from the issue)
const TARGETS = {
  app_gzip_kb: 60,
  data_gzip_kb: 150,
  load_ratio: 1.25,
  scrub_p95_ms: 4,
  scrub_ratio: 1,
  export_ratio: 1,
  heap_growth_pct: 10,
};

// ---------------------------------------------------------------- helpers
async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript(READY_PROBE);
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  return { context, page };
}

/** Opens a URL in a fresh context (cold cache) and waits for `data-ready="map"`; returns ms from navigation start. */
async function openReady(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page; readyMs: number; cpu: CpuByType | null }> {
  const { context, page } = await newPage(browser);
  const cpuBefore = chromeCpu();
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as unknown as { __readyAt?: number }).__readyAt !== undefined, undefined, { timeout: 120_000, polling: 50 });
  const { at, as } = await page.evaluate(() => ({
    at: (globalThis as unknown as { __readyAt: number }).__readyAt,
    as: document.documentElement.dataset.ready,
  }));
  const cpuAfter = cpuBefore && chromeCpu();
  if (as !== 'map') throw new Error(`${url} did not draw its map (data-ready="${as}")`);
  return { context, page, readyMs: at, cpu: cpuBefore && cpuAfter ? cpuBetween(cpuBefore, cpuAfter) : null };
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  const bytes = await page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
  return bytes / 1e6;
}

/** PNG width and height from the start of a data URL (the IHDR chunk). */
function pngSize(head: string): { width: number; height: number } | null {
  const b64 = head.slice(head.indexOf(',') + 1);
  const buf = Buffer.from(b64.slice(0, Math.floor(b64.length / 4) * 4), 'base64');
  if (buf.length < 24 || buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const alternate = <T>(i: number, a: T, b: T): [T, T] => (i % 2 === 0 ? [a, b] : [b, a]);

// ---------------------------------------------------------------- measurements
async function measureLoad(browser: Browser, appUrl: string, bareUrl: string) {
  const app: number[] = [],
    base: number[] = [];
  const cpu: { app: CpuByType[]; base: CpuByType[] } = { app: [], base: [] };
  for (let i = 0; i < OPTS.loadRuns; i++) {
    for (const which of alternate(i, 'app' as const, 'base' as const)) {
      const { context, readyMs, cpu: used } = await openReady(browser, which === 'app' ? appUrl : bareUrl);
      (which === 'app' ? app : base).push(readyMs);
      if (used) cpu[which].push(used);
      await context.close();
    }
    log(`load ${i + 1}/${OPTS.loadRuns}: app ${round(app.at(-1)!, 0)} ms, bare ${round(base.at(-1)!, 0)} ms`);
  }
  const app_ms = median(app),
    baseline_ms = median(base);
  return {
    app_ms: round(app_ms, 0),
    baseline_ms: round(baseline_ms, 0),
    ratio: round(app_ms / baseline_ms, 2),
    runs: { app: app.map((v) => round(v, 0)), baseline: base.map((v) => round(v, 0)) },
    // The work behind the wall time: CPU ms of the browser's processes from navigation to ready (medians by
    // process type; Linux only). Their total over the wall time says how busy the two cores were.
    ...(cpu.app.length && cpu.base.length ? { cpu_ms: { app: medianCpu(cpu.app), baseline: medianCpu(cpu.base) } } : {}),
  };
}

/** Medians of CPU ms by process type over runs (the types the bench reports; the rest count in the total). */
function medianCpu(runs: CpuByType[]) {
  const of = (k: string) => round(median(runs.map((r) => r[k] ?? 0)), 0);
  return { total: of('total'), renderer: of('renderer'), gpu: of('gpu-process'), browser: of('browser') };
}

interface Memory {
  heap_after_load_mb: number;
  heap_after_scrub_mb: number;
  growth_pct: number;
  steps: number;
  heap_after_more_mb?: number;
  growth_next_steps_pct?: number;
  next_steps?: number;
}

interface ScrubRun {
  p50: number;
  p95: number;
  max: number;
  syncP95: number;
  wallPerStep: number;
  timeouts: number;
}

async function scrubRun(browser: Browser, url: string, target: SweepOptions['target'], memory: boolean) {
  const { context, page } = await openReady(browser, url);
  const heapLoad = memory ? await heapMb(page) : NaN;
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let trace: Buffer;
  let res;
  try {
    res = await page.evaluate(sweep, { target, steps: OPTS.steps, mark: true, pace: 'idle' } satisfies SweepOptions);
  } finally {
    trace = await browser.stopTracing();
  }
  const steps = stepTimes(trace);
  if (steps.length !== OPTS.steps) throw new Error(`the trace has ${steps.length} steps, not ${OPTS.steps}`);
  const run: ScrubRun = {
    p50: quantile(steps, 0.5),
    p95: quantile(steps, 0.95),
    max: Math.max(...steps),
    syncP95: quantile(res.sync, 0.95),
    wallPerStep: res.wallMs / OPTS.steps,
    timeouts: res.timeouts,
  };
  let mem: Memory | undefined;
  if (memory) {
    // The rest of the 1000 steps: back from the crash to take-off, one step per frame (a fast drag).
    const back = await page.evaluate(sweep, { target, steps: MEMORY_STEPS - OPTS.steps, reverse: true, pace: 'frame' } satisfies SweepOptions);
    const heapScrub = await heapMb(page);
    mem = {
      heap_after_load_mb: round(heapLoad, 2),
      heap_after_scrub_mb: round(heapScrub, 2),
      growth_pct: round(((heapScrub - heapLoad) / heapLoad) * 100, 1),
      steps: OPTS.steps + back.sync.length,
    };
    if (target === 'app') {
      // A leak keeps growing; a warm-up (V8's optimised code for the scrub path, caches filling) does not.
      await page.evaluate(sweep, { target, steps: LEAK_STEPS, pace: 'frame' } satisfies SweepOptions);
      const heapMore = await heapMb(page);
      mem.heap_after_more_mb = round(heapMore, 2);
      mem.growth_next_steps_pct = round(((heapMore - heapScrub) / heapScrub) * 100, 1);
      mem.next_steps = LEAK_STEPS;
    }
  }
  await context.close();
  return { run, mem };
}

async function measureScrub(browser: Browser, appUrl: string, scrubUrl: string, withMemory: boolean) {
  const app: ScrubRun[] = [],
    base: ScrubRun[] = [];
  let memory: Memory | undefined, baseMemory: Memory | undefined;
  for (let i = 0; i < OPTS.scrubRuns; i++) {
    for (const which of alternate(i, 'app', 'base')) {
      const last = i === OPTS.scrubRuns - 1 && withMemory;
      const { run, mem } = await scrubRun(browser, which === 'app' ? appUrl : scrubUrl, which === 'app' ? 'app' : 'baseline', last);
      (which === 'app' ? app : base).push(run);
      if (mem && which === 'app') memory = mem;
      if (mem && which === 'base') baseMemory = mem;
      log(
        `scrub ${i + 1}/${OPTS.scrubRuns} ${which}: p50 ${round(run.p50, 2)} ms, p95 ${round(run.p95, 2)} ms per step (${round(run.wallPerStep, 0)} ms wall per step)${mem ? `; heap ${mem.heap_after_load_mb} → ${mem.heap_after_scrub_mb} MB` : ''}`,
      );
    }
  }
  const m = (runs: ScrubRun[], k: keyof ScrubRun) => median(runs.map((r) => r[k]));
  const p95 = m(app, 'p95'),
    bp95 = m(base, 'p95');
  return {
    scrub: {
      p50_ms: round(m(app, 'p50'), 2),
      p95_ms: round(p95, 2),
      baseline_p50_ms: round(m(base, 'p50'), 2),
      baseline_p95_ms: round(bp95, 2),
      ratio: round(p95 / bp95, 2),
      sync_p95_ms: round(m(app, 'syncP95'), 2),
      baseline_sync_p95_ms: round(m(base, 'syncP95'), 2),
      wall_per_step_ms: round(m(app, 'wallPerStep'), 0),
      baseline_wall_per_step_ms: round(m(base, 'wallPerStep'), 0),
      steps: OPTS.steps,
      runs: OPTS.scrubRuns,
      timeouts: app.reduce((a, r) => a + r.timeouts, 0) + base.reduce((a, r) => a + r.timeouts, 0),
    },
    memory: memory && {
      ...memory,
      baseline_heap_after_load_mb: baseMemory?.heap_after_load_mb,
      baseline_heap_after_scrub_mb: baseMemory?.heap_after_scrub_mb,
      baseline_growth_pct: baseMemory?.growth_pct,
    },
  };
}

async function measureExport(browser: Browser, appUrl: string, exportUrl: string) {
  const a = await openReady(browser, appUrl);
  const b = await openReady(browser, exportUrl);
  try {
    const hasExport = await a.page.evaluate(async () => {
      // The export hook is mounted just after start (a lazy chunk): give it a moment.
      for (let i = 0; i < 50 && !(window as unknown as { flightmap?: { exportPng?: unknown } }).flightmap?.exportPng; i++)
        await new Promise((r) => setTimeout(r, 100));
      return typeof (window as unknown as { flightmap?: { exportPng?: unknown } }).flightmap?.exportPng === 'function';
    });
    if (!hasExport) return 'pending' as const;
    const exp = (page: Page, target: 'app' | 'baseline') => page.evaluate(exportOnce, target);
    const check = (r: ExportResult | null, who: string) => {
      if (!r) throw new Error(`${who}: no export`);
      const size = pngSize(r.head);
      if (!size || size.width !== 3840 || size.height !== 2160)
        throw new Error(`${who}: the PNG is ${size ? `${size.width} × ${size.height}` : 'unreadable'}, not 3840 × 2160`);
      return r;
    };
    // Warm-up: shaders, fonts and the export code itself, once each.
    check(await exp(a.page, 'app'), 'app');
    check(await exp(b.page, 'baseline'), 'plugin');
    const app: number[] = [],
      base: number[] = [];
    let bytes = { app: 0, baseline: 0 };
    for (let i = 0; i < OPTS.exportRuns; i++) {
      for (const which of alternate(i, 'app', 'base')) {
        const r = which === 'app' ? check(await exp(a.page, 'app'), 'app') : check(await exp(b.page, 'baseline'), 'plugin');
        (which === 'app' ? app : base).push(r.ms);
        bytes = { ...bytes, [which === 'app' ? 'app' : 'baseline']: Math.round((r.length * 3) / 4) };
      }
      log(`export ${i + 1}/${OPTS.exportRuns}: app ${round(app.at(-1)!, 0)} ms, plugin ${round(base.at(-1)!, 0)} ms`);
    }
    const app_ms = median(app),
      baseline_ms = median(base);
    return {
      app_ms: round(app_ms, 0),
      baseline_ms: round(baseline_ms, 0),
      ratio: round(app_ms / baseline_ms, 2),
      width: 3840,
      height: 2160,
      png_bytes: bytes,
      runs: { app: app.map((v) => round(v, 0)), baseline: base.map((v) => round(v, 0)) },
    };
  } finally {
    await a.context.close();
    await b.context.close();
  }
}

/**
 * Vector export: the app's SVG (16:9) and PDF (A4 landscape, the whole route), and the plugin's PDF of the
 * same A4 page at 300 dpi (a raster in a PDF): time to the file's bytes, and its size. Warm-up once each.
 */
async function measureVector(browser: Browser, appUrl: string, exportUrl: string) {
  const a = await openReady(browser, appUrl);
  const b = await openReady(browser, exportUrl);
  try {
    await a.page.waitForFunction(() => typeof (window as unknown as { flightmap?: { exportPdf?: unknown } }).flightmap?.exportPdf === 'function', undefined, {
      timeout: 10_000,
    });
    const run = async (page: Page, what: 'svg' | 'pdf' | 'baseline-pdf') => {
      const r = await page.evaluate(vectorOnce, what);
      if (!r) throw new Error(`${what}: no export`);
      return r;
    };
    await run(a.page, 'svg');
    await run(a.page, 'pdf');
    await run(b.page, 'baseline-pdf');
    const svg: VectorResult[] = [],
      pdf: VectorResult[] = [],
      base: VectorResult[] = [];
    for (let i = 0; i < OPTS.exportRuns; i++) {
      svg.push(await run(a.page, 'svg'));
      for (const which of alternate(i, 'app', 'base'))
        (which === 'app' ? pdf : base).push(await run(which === 'app' ? a.page : b.page, which === 'app' ? 'pdf' : 'baseline-pdf'));
      log(
        `vector ${i + 1}/${OPTS.exportRuns}: SVG ${round(svg.at(-1)!.ms, 0)} ms, PDF ${round(pdf.at(-1)!.ms, 0)} ms, plugin PDF ${round(base.at(-1)!.ms, 0)} ms`,
      );
    }
    const ms = (rs: VectorResult[]) => round(median(rs.map((r) => r.ms)), 0);
    return {
      svg_ms: ms(svg),
      svg_bytes: svg.at(-1)!.bytes,
      pdf_ms: ms(pdf),
      pdf_bytes: pdf.at(-1)!.bytes,
      baseline_pdf_ms: ms(base),
      baseline_pdf_bytes: base.at(-1)!.bytes,
      pdf_time_ratio: round(ms(pdf) / ms(base), 2),
      pdf_size_ratio: round(pdf.at(-1)!.bytes / base.at(-1)!.bytes, 3),
      runs: { svg: svg.map((r) => round(r.ms, 0)), pdf: pdf.map((r) => round(r.ms, 0)), baseline_pdf: base.map((r) => round(r.ms, 0)) },
    };
  } finally {
    await a.context.close();
    await b.context.close();
  }
}

/**
 * Ten embeds on one 1000 px host page (examples/live-blog.html, served from another origin): for each, the
 * time from its own navigation start to its poster (`flightmap:poster`), and, scrolling to each in turn, from
 * the moment it comes into view to its map drawn (`flightmap:map`); the most WebGL contexts alive at once.
 */
async function measureEmbeds(browser: Browser, appUrl: string) {
  const html = readFileSync(join(import.meta.dirname, '../../examples/live-blog.html'), 'utf8').replaceAll('http://127.0.0.1:4173/', appUrl);
  const host = await serveDir(join(import.meta.dirname, '../../examples'), {
    routes: { '/blog': (_q, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html) },
  });
  const context = await browser.newContext({ viewport: { width: 1040, height: 900 }, deviceScaleFactor: 1 });
  await context.addInitScript(() => {
    const w = window as unknown as { __gl: { live: number; events: [number, number][] } };
    w.__gl = { live: 0, events: [] };
    const orig = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement & { __gl?: boolean }, type: string, ...rest: unknown[]) {
      const c = (orig as (...a: unknown[]) => unknown).call(this, type, ...rest);
      if (c && /webgl/.test(type) && !this.__gl) {
        this.__gl = true;
        w.__gl.events.push([performance.timeOrigin + performance.now(), 1]);
        this.addEventListener('webglcontextlost', () => w.__gl.events.push([performance.timeOrigin + performance.now(), -1]));
      }
      return c;
    } as typeof orig;
  });
  const page = await context.newPage();
  const warnings: string[] = [];
  page.on('console', (m) => /Too many active WebGL contexts/i.test(m.text()) && warnings.push(m.text()));
  try {
    await page.goto(`${host.origin}/blog`);
    const frameOf = async (id: string) => {
      for (let i = 0; i < 600; i++) {
        const f = page.frames().find((f) => f.url().startsWith(new URL(appUrl).origin) && f.url().includes(`childId=${id}`));
        if (f) return f;
        await page.waitForTimeout(50);
      }
      throw new Error(`embeds: ${id} did not load`);
    };
    const mark = (f: Awaited<ReturnType<typeof frameOf>>, name: string) =>
      f
        .waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 120_000, polling: 20 })
        .then(() =>
          f.evaluate(
            (n) => ({
              rel: performance.getEntriesByName(n).at(-1)!.startTime,
              abs: performance.timeOrigin + performance.getEntriesByName(n).at(-1)!.startTime,
            }),
            name,
          ),
        );
    const rows: { id: string; poster_ms: number; map_after_in_view_ms: number }[] = [];
    for (let i = 1; i <= 10; i++) {
      const id = `flightmap-${i}`;
      // into view: the top of the embed at the top of the window (one embed at a time, as a reader reads)
      const enter = await page.evaluate((id) => {
        document.getElementById(id)!.scrollIntoView({ block: 'start' });
        return performance.timeOrigin + performance.now();
      }, id);
      const f = await frameOf(id);
      const poster = await mark(f, 'flightmap:poster');
      const map = await mark(f, 'flightmap:map');
      rows.push({ id, poster_ms: round(poster.rel, 0), map_after_in_view_ms: round(Math.max(0, map.abs - Math.max(enter, poster.abs)), 0) });
      log(`embeds: ${id} poster ${round(poster.rel, 0)} ms after its navigation, map ${rows.at(-1)!.map_after_in_view_ms} ms after in view`);
    }
    const events: [number, number][] = [];
    for (const f of page.frames())
      if (f !== page.mainFrame())
        events.push(...(await f.evaluate(() => (window as unknown as { __gl: { events: [number, number][] } }).__gl.events).catch(() => [])));
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let live = 0,
      peak = 0;
    for (const [, d] of events) peak = Math.max(peak, (live += d));
    const p = rows.map((r) => r.poster_ms),
      m = rows.map((r) => r.map_after_in_view_ms);
    return {
      embeds: rows.length,
      poster_ms_median: round(median(p), 0),
      poster_ms_max: Math.max(...p),
      map_after_in_view_ms_median: round(median(m), 0),
      map_after_in_view_ms_max: Math.max(...m),
      peak_live_maps: peak,
      too_many_contexts_warnings: warnings.length,
      rows,
    };
  } finally {
    await context.close();
    await host.close();
  }
}

// ---------------------------------------------------------------- report
type Report = Record<string, unknown> & {
  size?: Omit<SizeReport, 'files'> & { files: { path: string; kind: string; gzip_kb: number }[] };
  load?: Awaited<ReturnType<typeof measureLoad>>;
  scrub?: Awaited<ReturnType<typeof measureScrub>>['scrub'];
  export?: Awaited<ReturnType<typeof measureExport>>;
  vector?: Awaited<ReturnType<typeof measureVector>>;
  memory?: Awaited<ReturnType<typeof measureScrub>>['memory'];
  embeds?: Awaited<ReturnType<typeof measureEmbeds>>;
};

function targets(r: Report) {
  const t: Record<string, { value: number; target: string; pass: boolean }> = {};
  const add = (name: string, value: number | undefined, target: string, pass: (v: number) => boolean) => {
    if (value !== undefined && Number.isFinite(value)) t[name] = { value, target, pass: pass(value) };
  };
  add('app_gzip_kb', r.size?.app_gzip_kb, `≤ ${TARGETS.app_gzip_kb}`, (v) => v <= TARGETS.app_gzip_kb);
  add('data_gzip_kb', r.size?.data_gzip_kb, `≤ ${TARGETS.data_gzip_kb}`, (v) => v <= TARGETS.data_gzip_kb);
  add('load_ratio', r.load?.ratio, `≤ ${TARGETS.load_ratio}`, (v) => v <= TARGETS.load_ratio);
  add('scrub_p95_ms', r.scrub?.p95_ms, `≤ ${TARGETS.scrub_p95_ms}`, (v) => v <= TARGETS.scrub_p95_ms);
  add('scrub_ratio', r.scrub?.ratio, `≤ ${TARGETS.scrub_ratio}`, (v) => v <= TARGETS.scrub_ratio);
  if (r.export && r.export !== 'pending') add('export_ratio', r.export.ratio, `≤ ${TARGETS.export_ratio}`, (v) => v <= TARGETS.export_ratio);
  add('heap_growth_pct', r.memory?.growth_pct, `≤ ${TARGETS.heap_growth_pct}`, (v) => v <= TARGETS.heap_growth_pct);
  // The same limit, per 1000 steps, once warm: the growth over the next steps (see README, Performance).
  const next = r.memory?.growth_next_steps_pct,
    n = r.memory?.next_steps;
  add('embeds_peak_live_maps', r.embeds?.peak_live_maps, '≤ 3', (v) => v <= 3);
  if (next !== undefined && n)
    add('heap_growth_when_warm_pct_per_1000_steps', round((next * 1000) / n, 1), `≤ ${TARGETS.heap_growth_pct}`, (v) => v <= TARGETS.heap_growth_pct);
  return t;
}

function table(r: Report): string {
  const rows: string[][] = [['measure', 'ours', 'baseline', 'ratio', 'target']];
  const pass = (k: string) => {
    const t = (r.targets as ReturnType<typeof targets>)[k];
    return t ? `${t.target} ${t.pass ? 'pass' : 'MISS'}` : '';
  };
  if (r.size) {
    const s = r.size;
    rows.push(['size: total first load, kB gzip', String(s.total_gzip_kb), '', '', '']);
    rows.push(['  MapLibre (JS, worker, CSS)', String(s.maplibre_gzip_kb), '', '', '']);
    rows.push(['  our code and CSS (HTML incl.)', String(s.app_gzip_kb), '', '', pass('app_gzip_kb')]);
    rows.push(['  data (story, basemap, fonts)', String(s.data_gzip_kb), '', '', pass('data_gzip_kb')]);
  }
  if (r.load) {
    rows.push(['load: to idle with the story, ms', String(r.load.app_ms), `${r.load.baseline_ms} (bare page)`, String(r.load.ratio), pass('load_ratio')]);
    const c = r.load.cpu_ms;
    if (c)
      for (const [k, label] of [
        ['total', '  CPU of every browser process, ms'],
        ['renderer', '    renderers (page, worker)'],
        ['gpu', '    GPU process'],
        ['browser', '    browser process'],
      ] as const)
        rows.push([label, String(c.app[k]), String(c.baseline[k]), String(round(c.app[k] / c.baseline[k], 2)), '']);
  }
  if (r.scrub) {
    const s = r.scrub;
    rows.push(['scrub: main thread per step p50, ms', String(s.p50_ms), String(s.baseline_p50_ms), '', '']);
    rows.push([
      'scrub: main thread per step p95, ms',
      String(s.p95_ms),
      `${s.baseline_p95_ms} (setData)`,
      String(s.ratio),
      `${pass('scrub_p95_ms')}; ${pass('scrub_ratio')}`,
    ]);
    rows.push(['  synchronous part only p95, ms', String(s.sync_p95_ms), String(s.baseline_sync_p95_ms), '', '']);
  }
  if (r.export === 'pending') rows.push(['export: 3840 × 2160 PNG, ms', 'pending', '', '', '']);
  else if (r.export)
    rows.push(['export: 3840 × 2160 PNG, ms', String(r.export.app_ms), `${r.export.baseline_ms} (plugin)`, String(r.export.ratio), pass('export_ratio')]);
  if (r.vector) {
    const v = r.vector;
    const kB = (n: number) => (n / 1000).toFixed(1);
    rows.push(['export: 1920 × 1080 SVG, ms', String(v.svg_ms), '', '', '']);
    rows.push(['  its size, kB', kB(v.svg_bytes), '', '', '']);
    rows.push(['export: A4 landscape PDF, ms', String(v.pdf_ms), `${v.baseline_pdf_ms} (plugin, 300 dpi)`, String(v.pdf_time_ratio), '']);
    rows.push(['  its size, kB', kB(v.pdf_bytes), `${kB(v.baseline_pdf_bytes)} (plugin)`, String(v.pdf_size_ratio), '']);
  }
  if (r.memory) {
    rows.push(['memory: JS heap after load, MB', String(r.memory.heap_after_load_mb), '', '', '']);
    const m = r.memory;
    rows.push([
      `memory: after ${m.steps} steps, MB`,
      String(m.heap_after_scrub_mb),
      `${m.baseline_heap_after_load_mb} → ${m.baseline_heap_after_scrub_mb} (setData)`,
      '',
      '',
    ]);
    rows.push(['  growth over those steps, %', String(m.growth_pct), String(m.baseline_growth_pct ?? ''), '', pass('heap_growth_pct')]);
    if (m.growth_next_steps_pct !== undefined)
      rows.push([`  growth over ${m.next_steps} more steps, %`, String(m.growth_next_steps_pct), '', '', pass('heap_growth_when_warm_pct_per_1000_steps')]);
  }
  if (r.embeds) {
    const e = r.embeds;
    rows.push([`embeds: ${e.embeds} on a page, to poster, median / max, ms`, `${e.poster_ms_median} / ${e.poster_ms_max}`, '', '', '']);
    rows.push(['  in view to map drawn, median / max, ms', `${e.map_after_in_view_ms_median} / ${e.map_after_in_view_ms_max}`, '', '', '']);
    rows.push(['  most live maps at once', String(e.peak_live_maps), '', '', pass('embeds_peak_live_maps')]);
  }
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row, j) => row.map((c, i) => c.padEnd(w[i]!)).join('  ') + (j === 0 ? '\n' + w.map((n) => '-'.repeat(n)).join('  ') : '')).join('\n');
}

// ---------------------------------------------------------------- main
async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'j2-bench-'));
  const appDir = join(dir, 'app'),
    pagesDir = join(dir, 'pages');
  let browser: Browser | undefined;
  const servers: StaticServer[] = [];
  const report: Report = {};
  try {
    log(`building the app and the baselines into ${dir}`);
    await buildApp(appDir);
    await buildPages(pagesDir);
    // As a static host would serve them (the test server's default is no-store): within one page load a
    // file asked for twice (the fonts: by the CSS and by MapLibre) comes from the cache. Every run is a new
    // browser context, so every load starts with an empty cache. The same for the app and the baselines.
    const caching = { headers: { 'Cache-Control': 'public, max-age=600' } };
    const app = await serveDir(appDir, caching);
    const pages = await serveDir(pagesDir, caching);
    servers.push(app, pages);
    // The old about:blank page of each new tab is otherwise torn down 1 s after navigation, on the page's main
    // thread (Chromium's DelayLayerTreeViewDeletionOnLocalSwap): a pause that lands only in loads slower than
    // 1 s. Torn down at once instead, for the app and the baselines alike.
    browser = await launchChrome(['--enable-precise-memory-info'], ['DelayLayerTreeViewDeletionOnLocalSwap']);
    report.machine = {
      cpus: cpus().length,
      cpu_model: cpus()[0]?.model.trim(),
      memory_gb: round(totalmem() / 1e9, 1),
      chromium: browser.version(),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      load_average_at_start: loadavg().map((v) => round(v, 2)),
      gpu: 'SwiftShader (software WebGL)',
      viewport: `${VIEWPORT.width}×${VIEWPORT.height} CSS px, DPR 1`,
    };

    if (OPTS.only.has('size')) {
      log('size: recording the files of a first load');
      const s = sizeReport(sizeFiles(appDir, await firstLoadPaths(browser, app.url)));
      report.size = {
        ...s,
        unit: 'kB = 1000 bytes, gzip -9',
        files: s.files.map((f) => ({ path: f.path, kind: f.kind, gzip_kb: round(f.gzip / 1000, 1) })),
      } as Report['size'];
    }

    // Warm-up: one load of each (not counted); the app's map size and camera go to the baselines.
    log('warm-up');
    const warm = await openReady(browser, app.url);
    const v = await warm.page.evaluate(appView);
    await warm.context.close();
    const q = `?w=${v.width}&h=${v.height}&lng=${v.lng}&lat=${v.lat}&zoom=${v.zoom}`;
    const bareUrl = `${pages.url}bare.html${q}`,
      scrubUrl = `${pages.url}scrub-baseline.html${q}`,
      exportUrl = `${pages.url}export-baseline.html`;
    await (await openReady(browser, bareUrl)).context.close();
    report.view = { map_css_px: [v.width, v.height], center: [round(v.lng, 4), round(v.lat, 4)], zoom: round(v.zoom, 3) };

    if (OPTS.only.has('load')) report.load = await measureLoad(browser, app.url, bareUrl);
    if (OPTS.only.has('scrub') || OPTS.only.has('memory')) {
      const s = await measureScrub(browser, app.url, scrubUrl, OPTS.only.has('memory'));
      if (OPTS.only.has('scrub')) report.scrub = s.scrub;
      if (s.memory) report.memory = s.memory;
    }
    if (OPTS.only.has('export')) {
      log('export');
      report.export = await measureExport(browser, app.url, exportUrl);
      if (report.export === 'pending') log('export: pending (window.flightmap.exportPng does not exist yet)');
    }
    if (OPTS.only.has('vector')) {
      log('vector export');
      report.vector = await measureVector(browser, app.url, exportUrl);
    }
    if (OPTS.only.has('embeds')) {
      log('embeds: ten on one host page');
      report.embeds = await measureEmbeds(browser, app.url);
    }
    (report.machine as Record<string, unknown>).load_average_at_end = loadavg().map((x) => round(x, 2));
    report.targets = targets(report);
    report.seconds = round((Date.now() - started) / 1000, 0);
  } finally {
    await browser?.close();
    for (const s of servers) await s.close();
    if (!OPTS.keep) rmSync(dir, { recursive: true, force: true });
  }
  if (OPTS.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else {
    const m = report.machine as Record<string, unknown>;
    process.stdout.write(
      `\n${table(report)}\n\nmachine: ${m.cpus} × ${m.cpu_model}, Chromium ${m.chromium}, ${m.gpu}, ${m.viewport}; load average ${(m.load_average_at_start as number[]).join(' ')} → ${(m.load_average_at_end as number[]).join(' ')}; ${report.seconds} s\n`,
    );
  }
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error)?.stack ?? e}\n`);
  process.exit(1);
});
