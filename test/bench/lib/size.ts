/**
 * What a reader downloads on first load, in gzip bytes (zlib level 9), split into MapLibre, the app's own
 * code and CSS (HTML included), and the data (story, basemap, fonts; the no-script event list written into the page). Used by the benchmark and by the
 * size budget test (test/build/size.test.ts). kB here are 1000 bytes.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export type SizeKind = 'maplibre' | 'pdfkit' | 'app' | 'data' | 'other';

export interface SizedFile {
  path: string;
  kind: SizeKind;
  bytes: number;
  gzip: number;
}

export interface SizeReport {
  total_gzip_kb: number;
  maplibre_gzip_kb: number;
  pdfkit_gzip_kb: number;
  app_gzip_kb: number;
  data_gzip_kb: number;
  other_gzip_kb: number;
  files: SizedFile[];
}

/** Which part a built file belongs to, by its path inside dist/ (forward slashes). */
export function classify(path: string): SizeKind {
  if (/^assets\/maplibre(-gl-worker)?-[^/]+\.(m?js|css)$/.test(path)) return 'maplibre';
  // The PDF library (PDFKit, fontkit): third-party like MapLibre, loaded only when a PDF is made (vite.config.ts).
  if (/^assets\/pdfkit-[^/]+\.m?js$/.test(path)) return 'pdfkit';
  if (/^(data|basemap|fonts)\//.test(path) || /\.woff2?$/.test(path)) return 'data';
  // The no-script event list in another language (scripts/lib/fallback-plugin.ts) and the corrections log in every
  // language (scripts/lib/downloads-plugin.ts): the story's words and the log's entries as pages, no code.
  if (/^events-[a-z]{2}\.html$/.test(path) || /^changelog(-[a-z]{2})?\.html$/.test(path)) return 'data';
  if (/\.(html|m?js|css)$/.test(path)) return 'app';
  return 'other';
}

export const gzipBytes = (buf: Buffer | string): number => gzipSync(buf, { level: 9 }).length;
const kb = (bytes: number) => Math.round(bytes / 100) / 10;

/** The page's own no-script event list (scripts/lib/fallback-plugin.ts): every event with its sources, as HTML. */
const NOSCRIPT_EVENTS = /<noscript>(?:(?!<\/noscript>)[\s\S])*?class="event-list"[\s\S]*?<\/noscript>/;

/**
 * A page split into its code (the page itself) and the story written into it: the <noscript> event list counts as
 * data, like the same list in another language (events-xx.html), so the story's words growing never reads as code.
 * Each part is gzipped on its own. Pages without such a list come back whole.
 */
export function splitPage(path: string, html: string): { path: string; kind: SizeKind; text: string }[] {
  const m = NOSCRIPT_EVENTS.exec(html);
  if (!m) return [{ path, kind: classify(path), text: html }];
  return [
    { path, kind: classify(path), text: html.slice(0, m.index) + html.slice(m.index + m[0].length) },
    { path: `${path} (no-script event list)`, kind: 'data', text: m[0] },
  ];
}

export function sizeFiles(dist: string, paths: readonly string[]): SizedFile[] {
  return [...new Set(paths)].sort().flatMap((path) => {
    const buf = readFileSync(join(dist, path));
    if (!path.endsWith('.html') || classify(path) !== 'app') return [{ path, kind: classify(path), bytes: buf.length, gzip: gzipBytes(buf) }];
    return splitPage(path, buf.toString('utf8')).map((p) => ({ path: p.path, kind: p.kind, bytes: Buffer.byteLength(p.text), gzip: gzipBytes(p.text) }));
  });
}

export function sizeReport(files: readonly SizedFile[]): SizeReport {
  const sum = (k?: SizeKind) => files.filter((f) => !k || f.kind === k).reduce((a, f) => a + f.gzip, 0);
  return {
    total_gzip_kb: kb(sum()),
    maplibre_gzip_kb: kb(sum('maplibre')),
    pdfkit_gzip_kb: kb(sum('pdfkit')),
    app_gzip_kb: kb(sum('app')),
    data_gzip_kb: kb(sum('data')),
    other_gzip_kb: kb(sum('other')),
    files: [...files],
  };
}

/** Every file in the build, as paths relative to dist/ with forward slashes. */
export function allFiles(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== '.vite') walk(p);
      } else out.push(relative(dist, p).split(sep).join('/'));
    }
  };
  walk(dist);
  return out;
}

/**
 * The files a real first load fetches: the app opened in Chromium at 1440 × 900, until it is ready and
 * the network has been quiet for `quietMs` (the chunks the app loads right after start, such as the
 * export dialog, count). Returns paths relative to the served directory.
 */
export async function firstLoadPaths(browser: Browser, url: string, quietMs = 800): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const base = new URL(url);
    const seen = new Set<string>();
    let last = Date.now();
    context.on('request', (r) => {
      const u = new URL(r.url());
      if (u.origin !== base.origin) return;
      last = Date.now();
      const path = decodeURIComponent(u.pathname);
      if (!path.startsWith(base.pathname)) return;
      seen.add(path.slice(base.pathname.length) || 'index.html');
    });
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready, undefined, { timeout: 60_000 });
    const ready = await page.evaluate(() => document.documentElement.dataset.ready);
    if (ready !== 'map') throw new Error(`the app did not draw its map (data-ready="${ready}")`);
    const until = Date.now() + 10_000;
    while (Date.now() - last < quietMs && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    return [...seen].map((p) => (p.endsWith('/') || p === '' ? p + 'index.html' : p));
  } finally {
    await context.close();
  }
}

/** Our own code in the whole build (every chunk, the lazy ones too), for the budget of code that is not on the first load. */
export function ownCode(dist: string): SizedFile[] {
  return sizeFiles(
    dist,
    allFiles(dist).filter((p) => classify(p) === 'app'),
  );
}
