/**
 * The app's public face, typed once: the `App` the features use (export, embed) and `window.flightmap`, the
 * automation API (README, "Automation API"). Types only: the wiring (src/app/) makes the object; this floor sits
 * below it so that export/ and embed/ need not import the wiring.
 */
import type { Chapter } from '../story/schema';
import type { StoryData } from '../story/validate';
import type { TrackModel } from '../track/interpolate';
import type { Timelines } from '../time/timeline';
import type { ViewFlags } from '../state/url';
import type { AppState, Intent, Moment } from '../state/app-state';
import type { Camera, StoryMap } from '../map/story-map';
import type { ExportRequest } from '../export/core/request';
import type { Camera as FrameCamera } from '../geo/fit';
import type { Cover } from '../scene/camera';

export type { Moment } from '../state/app-state';

export interface AppHooks {
  /** Called on every change of the moment (embed: post state to the host). */
  onMoment?: (m: Moment, eventId: string | undefined) => void;
  /** The map is not started with the app but by `mapLife.start()` (an embed's poster comes first: embed/lazy-map.ts). */
  lazyMap?: boolean;
  /** Takes over a lost WebGL context (the embed shows its poster); without it the map restores itself. */
  onContextLost?: () => void;
}

/** The live map's life, for an embed that starts it late and releases it (embed/lazy-map.ts). */
export interface MapLife {
  /** Makes the map (once: while it lives, the same promise), at `camera` or else the story frame. */
  start(camera?: Camera): Promise<StoryMap | null>;
  /** Removes the map: its WebGL context and its worker are given back. */
  release(): void;
  /** The map, while it lives. */
  current(): StoryMap | null;
}

export interface App {
  story: StoryData;
  track: TrackModel;
  timelines: Timelines;
  flags: ViewFlags;
  getMoment(): Moment;
  getState(): AppState;
  dispatch(intent: Intent): void;
  /** The event the moment is exactly at, if any (the one asked for where several share the instant). */
  currentEventId(): string | undefined;
  seek(t: number, chapter?: Chapter): void;
  seekEvent(id: string): boolean;
  /** Resolves when the map has drawn (or at once where there is no map); with `lazyMap`, the first map. */
  mapReady: Promise<StoryMap | null>;
  mapLife: MapLife;
  /**
   * The camera a new map of width × height CSS px would open with now (scene/camera.ts openingCamera), clear of what
   * will cover it (by default its controls as the page's layout places them, mapControls); the embed's poster draws with it.
   */
  openingCamera(width: number, height: number, covers?: readonly Cover[]): FrameCamera;
}

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
 * - `seek(t, chapter?)`, `seekEvent(id)` (false: no such event), `getMoment()`, `getState()`, `dispatch(intent)`,
 *   `currentEventId()`;
 * - `mapReady`: resolves to the story map (its `map` is the MapLibre map) once drawn, or null without a map;
 * - `mapLife`: the map's life (an embed makes and gives back its map);
 * - `exportPng(request)`, `exportSvg(request)`, `exportPdf(request)`: registered as the app starts (each export's code loads on
 *   its first call; optional in the type, as they come just after the app).
 */
export type Flightmap = App & Partial<Exports>;

declare global {
  interface Window {
    flightmap?: Flightmap;
  }
}
