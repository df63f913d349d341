/**
 * An export request (from the dialog, the command line or `window.flightmap.exportPng`) checked and
 * resolved into exactly what to draw. Pure: no DOM, no MapLibre. Nothing here throws: a request that
 * cannot be made gives one sentence saying why.
 */
import type { Chapter } from '../../story/schema';
import { chapterOf, findStop, type Timelines } from '../../time/timeline';
import { isoUtc, parseIsoUtc } from '../../time/format';
import { exportSize, fail, ok, type ExportSize, type Orientation, type PresetId, type Result } from './presets';

export type MomentRequest = 'route' | 'current' | { t: string | number } | { event: string };

export interface ExportRequest {
  /** A preset, or width and height (in pixels at scale 1). Default: 16x9. */
  preset?: PresetId;
  width?: number;
  height?: number;
  /** Print sizes (a4, a3, letter): landscape (default) or portrait. */
  orientation?: Orientation;
  /** A custom print size in millimetres [width, height] (made at 300 dpi), instead of a preset or pixels. */
  mm?: [number, number];
  /** 1 to 4. Default 1. */
  scale?: number;
  /** Default: the whole route. */
  moment?: MomentRequest;
  dark?: boolean;
  /** Default true. */
  legend?: boolean;
  /** Default true: the locator insets, where the layout has them. */
  inset?: boolean;
  /** Largest map canvas side before the map is drawn in tiles (default 4096, 2048 on a software GPU; at most the GPU's limit). */
  maxTile?: number;
  /** Tests only (PNG): the airports' and crash site's names placed as usual but not drawn. Default true. */
  placeNames?: boolean;
  /** Tests only (PNG): the countries', seas', republics' and cities' names placed as usual but not drawn. Default true. */
  contextNames?: boolean;
}

export type ResolvedMoment = { kind: 'route' } | { kind: 'moment'; chapter: Chapter; t: number; event?: string };

export interface ResolvedExport {
  size: ExportSize;
  moment: ResolvedMoment;
  dark: boolean;
  legend: boolean;
  inset: boolean;
  maxTile: number | undefined;
  placeNames: boolean;
  contextNames: boolean;
}

export interface MomentContext {
  timelines: Timelines;
  /** The moment shown in the app, for `moment: 'current'`. */
  current?: () => { chapter: Chapter; t: number };
}

const KEYS = new Set(['preset', 'orientation', 'mm', 'width', 'height', 'scale', 'moment', 'dark', 'legend', 'inset', 'maxTile', 'placeNames', 'contextNames']);

export function resolveMoment(m: MomentRequest | undefined, ctx: MomentContext): Result<ResolvedMoment> {
  if (m === undefined || m === 'route') return ok({ kind: 'route' });
  if (m === 'current') {
    if (!ctx.current) return fail('There is no current moment here: give a time or an event.');
    const c = ctx.current();
    return ok({ kind: 'moment', chapter: c.chapter, t: c.t });
  }
  if (typeof m === 'object' && m !== null && 'event' in m) {
    const s = typeof m.event === 'string' ? findStop(ctx.timelines, m.event) : undefined;
    if (!s) return fail(`There is no event called “${String(m.event).slice(0, 60)}” in this story.`);
    return ok({ kind: 'moment', chapter: s.event.chapter, t: s.time, event: s.id });
  }
  if (typeof m === 'object' && m !== null && 't' in m) {
    const t = typeof m.t === 'number' ? m.t : typeof m.t === 'string' ? parseIsoUtc(m.t) : NaN;
    if (!Number.isFinite(t)) return fail(`The time “${String(m.t).slice(0, 60)}” could not be read: use UTC like 2024-12-25T05:13:31Z.`);
    const chapter = chapterOf(ctx.timelines, t);
    if (!chapter) {
      const { flight, aftermath } = ctx.timelines;
      return fail(
        `The time ${isoUtc(t)} is outside this story: the flight is ${isoUtc(flight.start)} to ${isoUtc(flight.end)}, the reporting ${isoUtc(aftermath.start).slice(0, 10)} to ${isoUtc(aftermath.end).slice(0, 10)}.`,
      );
    }
    return ok({ kind: 'moment', chapter, t });
  }
  return fail('The moment must be "route", "current", { t: "<ISO UTC>" } or { event: "<id>" }.');
}

export function resolveRequest(req: unknown, ctx: MomentContext): Result<ResolvedExport> {
  if (req === undefined) req = {};
  if (req === null || typeof req !== 'object' || Array.isArray(req)) return fail('The export options must be an object.');
  const r = req as Record<string, unknown>;
  const unknown = Object.keys(r).filter((k) => !KEYS.has(k));
  if (unknown.length) return fail(`Unknown export option${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`);
  const hasCustom = r.width !== undefined || r.height !== undefined;
  const hasMm = r.mm !== undefined;
  if ([hasCustom, hasMm, r.preset !== undefined].filter(Boolean).length > 1)
    return fail('Give one size: a preset, a width and height, or a size in millimetres.');
  if (hasCustom && (r.width === undefined || r.height === undefined)) return fail('Give both a width and a height.');
  if (hasMm && (!Array.isArray(r.mm) || r.mm.length !== 2)) return fail('The size in millimetres must be [width, height].');
  if (r.orientation !== undefined && (hasCustom || hasMm)) return fail('The orientation is for the print presets (a4, a3, letter): a custom size has its own.');
  const scale = r.scale === undefined ? 1 : r.scale;
  const size = hasCustom
    ? exportSize({ width: r.width as number, height: r.height as number }, scale as number)
    : hasMm
      ? exportSize({ mm: r.mm as [number, number] }, scale as number)
      : exportSize(
          { preset: r.preset === undefined ? '16x9' : String(r.preset), ...(r.orientation !== undefined ? { orientation: r.orientation as Orientation } : {}) },
          scale as number,
        );
  if (!size.ok) return size;
  for (const k of ['dark', 'legend', 'inset', 'placeNames', 'contextNames'] as const)
    if (r[k] !== undefined && typeof r[k] !== 'boolean') return fail(`The option “${k}” must be true or false.`);
  if (r.maxTile !== undefined && (!Number.isInteger(r.maxTile) || (r.maxTile as number) < 256))
    return fail('maxTile must be a whole number of pixels, at least 256.');
  const moment = resolveMoment(r.moment as MomentRequest | undefined, ctx);
  if (!moment.ok) return moment;
  return ok({
    size: size.value,
    moment: moment.value,
    dark: r.dark === true,
    legend: r.legend !== false,
    inset: r.inset !== false,
    maxTile: r.maxTile as number | undefined,
    placeNames: r.placeNames !== false,
    contextNames: r.contextNames !== false,
  });
}
