/**
 * The exports for the automation API (`window.flightmap.exportPng`, `exportSvg`, `exportPdf`: src/app/automation.ts)
 * and for the Export dialog. Tiny on purpose: it is part of the first load, and each export's code (and the dialog's)
 * loads only when first asked for.
 */
import type { App, Exports } from '../api/flightmap';

export const appBase = (): string => new URL(import.meta.env.BASE_URL, document.baseURI).href;

export function createExports(app: App, base = appBase()): Exports {
  return {
    exportPng: async (request) => (await import('./png/run')).exportPngDataUrl(app, base, request ?? {}),
    exportSvg: async (request) => (await import('./vector/run')).exportSvg(app, base, request ?? {}),
    exportPdf: async (request) => (await import('./vector/run')).exportPdf(app, base, request ?? {}),
  };
}
