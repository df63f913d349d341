/**
 * The automation API: puts `window.flightmap` (its type: src/api/flightmap.ts; README, "Automation API") on the
 * page. The command-line export (scripts/export.ts), the benchmark and the browser tests drive the page through
 * it. The exports are registered by main.ts as soon as the app starts (export/exports.ts: each export's code loads
 * on its first call), not patched onto the app.
 */
import type { App, Exports, Flightmap } from '../api/flightmap';

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
