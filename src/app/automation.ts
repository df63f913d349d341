/**
 * The automation API: `window.flightmap`, typed here and only here (README, "Automation API"). The command-line
 * export (scripts/export.ts), the benchmark and the browser tests drive the page through it; the embed's
 * lifecycle and host control use the same object. The exports are registered when their code arrives
 * (main.ts, after export/dialog.ts loads), not patched onto the app.
 */
import type { ExportRequest } from '../export/core/request';
import type { App } from './index';

/** `window.flightmap.exportPng(request)`: a PNG data URL of the export (src/export/png/run.ts). */
export type ExportPng = (request?: ExportRequest) => Promise<{ dataUrl: string; width: number; height: number; filename: string; meta: unknown }>;
/** `window.flightmap.exportSvg(request)`: the SVG's text. */
export type ExportSvg = (request?: ExportRequest) => Promise<{ svg: string; filename: string; meta: unknown }>;
/** `window.flightmap.exportPdf(request)`: the PDF's bytes. */
export type ExportPdf = (request?: ExportRequest) => Promise<{ pdf: Uint8Array; filename: string; meta: unknown }>;

export interface Exports {
  exportPng: ExportPng;
  exportSvg: ExportSvg;
  exportPdf: ExportPdf;
}

/**
 * `window.flightmap`: the app (moment, seeks, state, the map's life) and, once loaded, its exports.
 * - `seek(t, chapter?)`, `seekEvent(id)` (false: no such event), `getMoment()`, `getState()`, `currentEventId()`;
 * - `mapReady`: resolves to the story map (its `map` is the MapLibre map) once drawn, or null without a map;
 * - `mapLife`: the map's life (an embed makes and gives back its map);
 * - `exportPng(request)`, `exportSvg(request)`, `exportPdf(request)`: undefined until the export code has loaded.
 */
export type Flightmap = App & Partial<Exports>;

declare global {
  interface Window {
    flightmap?: Flightmap;
  }
}

let api: Flightmap | null = null;

/** Puts the app's automation object (its own object: the app is never patched) on `window.flightmap`. */
export function exposeAutomation(app: App, win: Window = window): Flightmap {
  api = { ...app };
  win.flightmap = api;
  return api;
}

/** Adds the exports to `window.flightmap` (the export module, when it has loaded). */
export function registerExports(exports: Exports): void {
  if (api) Object.assign(api, exports);
}
