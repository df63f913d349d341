/**
 * The export pipeline on the Node side: build the app (or use a built one), serve it on loopback, open it
 * in headless Chromium and call the page's own export (window.flightmap.exportPng), then check and write
 * the PNG. Used by scripts/export.ts (one picture) and scripts/images.ts (the committed pictures).
 */
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { ExportRequest } from '../../src/export/core/request.ts';
import { CHROME_CANDIDATES, findChrome, launchChrome, openPage, waitReady } from './chrome.ts';
import { serveDir, type StaticServer } from './static-server.ts';
import { readFileSync } from 'node:fs';
import { createTranslator, type Catalogue, type Translate } from '../../src/i18n/messages.ts';
import { INTL_TAG, isLocale } from '../../src/i18n/locales.ts';
import { catalogueFile } from './i18n-files.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** An error for the terminal: one line, and the exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/**
 * The command's words in the picture's language (--lang): the export's outcome, "The export failed: <reason>"
 * (the reason itself comes from the page, already in that language) and "Wrote …". Arguments, --help and the
 * set-up (no browser, the build) stay in English, as a command line's conventions have them (README, Export).
 */
export function cliTranslator(lang = 'en'): Translate {
  const read = (l: string) => JSON.parse(readFileSync(join(ROOT, catalogueFile(l)), 'utf8')) as Catalogue;
  const l = isLocale(lang) ? lang : 'en';
  return createTranslator(INTL_TAG[l], read(l), read('en'));
}

export const INSTALL_HINT =
  'install Chromium (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium) or set CHROME_PATH to a Chrome or Chromium binary';

export function requireChrome(env: NodeJS.ProcessEnv = process.env): string {
  const found = findChrome(env);
  if (found) return found;
  if (env.CHROME_PATH) throw new CliError(`No browser at CHROME_PATH=${env.CHROME_PATH}: ${INSTALL_HINT}.`, 3);
  throw new CliError(`No Chromium found (looked in ${CHROME_CANDIDATES.join(', ')}): ${INSTALL_HINT}.`, 3);
}

/** Builds the app into a fresh temporary directory (about 1.5 s); returns it and a clean-up. */
export async function buildApp(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'j2-8243-export-'));
  const { build } = await import('vite');
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: dir, emptyOutDir: true } });
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw new CliError(`The app could not be built: ${firstLine(e)}`, 1);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export const firstLine = (e: unknown) =>
  String((e as Error)?.message ?? e)
    .split('\n')
    .find((l) => l.trim())
    ?.trim() ?? 'unknown error';

export interface ExportedPng {
  file: string;
  bytes: number;
  width: number;
  height: number;
  filename: string;
  meta: unknown;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(buf: Buffer): { width: number; height: number } {
  const sig = '89504e470d0a1a0a';
  if (buf.length < 24 || buf.subarray(0, 8).toString('hex') !== sig || buf.subarray(12, 16).toString('ascii') !== 'IHDR')
    throw new CliError('The browser did not return a PNG.', 1);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

export interface ExportedVector {
  file: string;
  bytes: number;
  filename: string;
  meta: unknown;
}

export interface Exporter {
  /** Renders one picture and writes it to `out` (and the layout and camera to `meta`, if given). */
  exportPng(request: ExportRequest, out: string, opts?: { meta?: string; expect?: { width: number; height: number } }): Promise<ExportedPng>;
  /** Makes the SVG or the PDF of a request (window.flightmap.exportSvg / exportPdf) and writes it to `out`. */
  exportVector(format: 'svg' | 'pdf', request: ExportRequest, out: string, opts?: { meta?: string }): Promise<ExportedVector>;
  close(): Promise<void>;
}

/** Starts the pipeline: serve `dist` (or a fresh build), launch Chromium, open the app. */
export async function startExporter(opts: { dist?: string; lang?: string } = {}): Promise<Exporter> {
  requireChrome();
  const t = cliTranslator(opts.lang);
  const debug = process.env.EXPORT_DEBUG === '1';
  let t0 = performance.now();
  const lap = (what: string) => {
    if (debug) process.stderr.write(`[export] ${what}: ${Math.round(performance.now() - t0)} ms\n`);
    t0 = performance.now();
  };
  const built = opts.dist ? null : await buildApp();
  lap('build');
  const dir = opts.dist ?? built!.dir;
  let server: StaticServer | null = null;
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    await built?.cleanup();
  };
  try {
    server = await serveDir(dir);
    try {
      browser = await launchChrome();
    } catch (e) {
      throw new CliError(`Chromium could not be started (${firstLine(e)}): ${INSTALL_HINT}.`, 3);
    }
    lap('launch');
    const { page, log } = await openPage(browser, { viewport: { width: 800, height: 600 }, deviceScaleFactor: 1 });
    // ?static: the page does not draw its own map (the export draws its own, off-screen), which saves a second or two.
    // lang: the picture's words in that language (the page reads ?lang=, src/i18n); never the browser's own.
    await page.goto(`${server.url}?static&lang=${opts.lang ?? 'en'}`);
    const ready = await waitReady(page, 60_000).catch(() => 'timeout');
    if (ready !== 'map' && ready !== 'no-map')
      throw new CliError(`The app did not start (${ready}${log.errors[0] ? `: ${firstLine(log.errors[0])}` : ''}).`, 1);
    await page.waitForFunction(() => typeof (window as unknown as { flightmap?: { exportPng?: unknown } }).flightmap?.exportPng === 'function', undefined, {
      timeout: 30_000,
    });
    lap(`page ready (${ready})`);
    return {
      close,
      async exportPng(request, out, { meta, expect } = {}) {
        const res = await page
          .evaluate(async (req) => {
            const fm = (
              window as unknown as {
                flightmap: { exportPng(r: unknown): Promise<{ dataUrl: string; width: number; height: number; filename: string; meta: unknown }> };
              }
            ).flightmap;
            try {
              return { ok: true as const, value: await fm.exportPng(req) };
            } catch (e) {
              return { ok: false as const, error: String((e as Error)?.message ?? e) };
            }
          }, request)
          .catch((e: unknown) => ({ ok: false as const, error: firstLine(e) }));
        lap(`export ${JSON.stringify((res as { value?: { meta?: { timings?: unknown } } }).value?.meta?.timings ?? {})}`);
        if (!res.ok) throw new CliError(t('export.cli.failed', { error: firstLine(res.error) }), 1);
        const { dataUrl } = res.value;
        const { width, height } = expect ?? res.value;
        const prefix = 'data:image/png;base64,';
        if (!dataUrl.startsWith(prefix)) throw new CliError(t('export.cli.failed', { error: t('export.cli.notReturned', { format: 'PNG' }) }), 1);
        const buf = Buffer.from(dataUrl.slice(prefix.length), 'base64');
        const got = pngSize(buf);
        // Never hand over a smaller picture than asked.
        if (got.width !== width || got.height !== height)
          throw new CliError(t('export.cli.failed', { error: t('export.error.size', { gotWidth: got.width, gotHeight: got.height, width, height }) }), 1);
        await mkdir(dirname(out), { recursive: true });
        await writeFile(out, buf);
        if (meta) await writeFile(meta, JSON.stringify(res.value.meta, null, 2) + '\n');
        lap('decode and write');
        return { file: out, bytes: buf.length, width, height, filename: res.value.filename, meta: res.value.meta };
      },
      async exportVector(format, request, out, { meta } = {}) {
        const res = await page
          .evaluate(
            async ({ format, req }) => {
              const fm = (
                window as unknown as { flightmap: Record<string, (r: unknown) => Promise<{ svg?: string; pdf?: Uint8Array; filename: string; meta: unknown }>> }
              ).flightmap;
              try {
                const r = await fm[format === 'svg' ? 'exportSvg' : 'exportPdf']!(req);
                let data = r.svg ?? '';
                if (r.pdf) {
                  // Bytes cross to Node as base64 (a string is copied once; an array of numbers is not).
                  let bin = '';
                  for (let i = 0; i < r.pdf.length; i += 0x8000) bin += String.fromCharCode(...r.pdf.subarray(i, i + 0x8000));
                  data = btoa(bin);
                }
                return { ok: true as const, value: { data, filename: r.filename, meta: r.meta } };
              } catch (e) {
                return { ok: false as const, error: String((e as Error)?.message ?? e) };
              }
            },
            { format, req: request },
          )
          .catch((e: unknown) => ({ ok: false as const, error: firstLine(e) }));
        lap(`export ${format} ${JSON.stringify((res as { value?: { meta?: { timings?: unknown } } }).value?.meta?.timings ?? {})}`);
        if (!res.ok) throw new CliError(t('export.cli.failed', { error: firstLine(res.error) }), 1);
        const buf = format === 'svg' ? Buffer.from(res.value.data, 'utf8') : Buffer.from(res.value.data, 'base64');
        if (format === 'pdf' && buf.subarray(0, 5).toString('latin1') !== '%PDF-')
          throw new CliError(t('export.cli.failed', { error: t('export.cli.notReturned', { format: 'PDF' }) }), 1);
        if (format === 'svg' && !buf.subarray(0, 200).toString('utf8').includes('<svg'))
          throw new CliError(t('export.cli.failed', { error: t('export.cli.notReturned', { format: 'SVG' }) }), 1);
        await mkdir(dirname(out), { recursive: true });
        await writeFile(out, buf);
        if (meta) await writeFile(meta, JSON.stringify(res.value.meta, null, 2) + '\n');
        lap('write');
        return { file: out, bytes: buf.length, filename: res.value.filename, meta: res.value.meta };
      },
    };
  } catch (e) {
    await close();
    throw e;
  }
}

export const formatBytes = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1e3).toFixed(1)} kB`);
