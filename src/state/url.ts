/**
 * URL ⇄ state. Pure: takes and returns query strings, knows nothing of window or the DOM.
 *
 * Moment: `?t=2024-12-25T05:13:31Z` or `?event=<id>`.
 * Embed flags (README, "URL flags"): `embed`, `plain`, `controls=0`, `autoplay`, `loop`, `dark=1|0|auto`, `static`,
 * `lang=en|ru|az|kk` (src/i18n/locales.ts; main.ts negotiates it before the page is drawn), and Pym's `childId`
 * and `initialWidth`.
 * A value that cannot be read is dropped, and a polite note says so; nothing here throws.
 */
import { isoUtc, parseIsoUtc } from '../time/format';
import { matchLocale, type AnyLocale } from '../i18n/locales';
import { msg } from '../i18n';

export type DarkMode = 'light' | 'dark' | 'auto';

export interface ViewFlags {
  embed: boolean;
  plain: boolean;
  controls: boolean;
  autoplay: boolean;
  /** Playback starts again after the end (the crash), after a rest: for screens left running. */
  loop: boolean;
  dark: DarkMode;
  static: boolean;
  /** The language asked for by `?lang=` (undefined: none, or one we do not have; the browser's then decides). */
  lang: AnyLocale | undefined;
  childId: string | undefined;
  initialWidth: number | undefined;
}

export interface UrlMoment {
  t?: number;
  event?: string;
}

export interface ParsedUrl {
  moment: UrlMoment;
  flags: ViewFlags;
  /** Polite, plain-text notes about values that were ignored. */
  notes: string[];
}

export interface UrlContext {
  hasEvent: (id: string) => boolean;
  inRange: (t: number) => boolean;
}

export const DEFAULT_FLAGS: ViewFlags = {
  embed: false,
  plain: false,
  controls: true,
  autoplay: false,
  loop: false,
  dark: 'light',
  static: false,
  lang: undefined,
  childId: undefined,
  initialWidth: undefined,
};

const MAX_SHOWN = 40;
/** A value quoted in a note: shortened, control characters removed. It is still rendered as text. */
export function quote(v: string): string {
  const clean = v.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
  return `“${clean.length > MAX_SHOWN ? clean.slice(0, MAX_SHOWN) + '…' : clean}”`;
}

const TRUE = new Set(['', '1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

function bool(params: URLSearchParams, key: string, fallback: boolean, notes: string[]): boolean {
  if (!params.has(key)) return fallback;
  const v = (params.get(key) ?? '').toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  notes.push(msg('url.badBool', { value: quote(params.get(key) ?? ''), key }));
  return fallback;
}

function safeParams(search: string): URLSearchParams {
  try {
    return new URLSearchParams(search);
  } catch {
    return new URLSearchParams();
  }
}

export function parseUrl(search: string, ctx: UrlContext): ParsedUrl {
  const params = safeParams(search);
  const notes: string[] = [];
  const moment: UrlMoment = {};

  const ev = params.get('event');
  if (ev !== null) {
    if (ctx.hasEvent(ev)) moment.event = ev;
    else notes.push(msg('url.noEvent', { value: quote(ev) }));
  }
  const t = params.get('t');
  if (t !== null && moment.event === undefined) {
    const ms = parseIsoUtc(t);
    if (Number.isNaN(ms)) notes.push(msg('url.badTime', { value: quote(t) }));
    else if (!ctx.inRange(ms)) notes.push(msg('url.timeOutside', { value: quote(t) }));
    else moment.t = ms;
  }

  const flags: ViewFlags = { ...DEFAULT_FLAGS };
  flags.embed = bool(params, 'embed', false, notes);
  flags.plain = bool(params, 'plain', false, notes);
  flags.controls = bool(params, 'controls', true, notes);
  flags.autoplay = bool(params, 'autoplay', false, notes);
  flags.loop = bool(params, 'loop', false, notes);
  flags.static = bool(params, 'static', false, notes);
  if (params.has('dark')) {
    const v = (params.get('dark') ?? '').toLowerCase();
    if (TRUE.has(v)) flags.dark = 'dark';
    else if (FALSE.has(v)) flags.dark = 'light';
    else if (v === 'auto') flags.dark = 'auto';
    else notes.push(msg('url.badDark', { value: quote(params.get('dark') ?? '') }));
  }
  const lang = params.get('lang');
  if (lang !== null) {
    const l = matchLocale(lang, true);
    if (l) flags.lang = l;
    else notes.push(msg('i18n.unknownLang', { value: quote(lang) }));
  }
  const childId = params.get('childId');
  if (childId !== null) {
    if (/^[\w.:-]{1,64}$/.test(childId)) flags.childId = childId;
    else notes.push(msg('url.badChildId', { value: quote(childId) }));
  }
  const iw = params.get('initialWidth');
  if (iw !== null) {
    const n = Number(iw);
    if (/^\d{1,5}$/.test(iw) && n > 0) flags.initialWidth = n;
    else notes.push(msg('url.badWidth', { value: quote(iw) }));
  }
  return { moment, flags, notes };
}

/**
 * The query string for a moment, keeping every other parameter as it was.
 * An event id is written when the moment is exactly an event; otherwise the time.
 */
export function withMoment(search: string, moment: { t: number; event?: string | undefined }): string {
  const params = safeParams(search);
  params.delete('t');
  params.delete('event');
  if (moment.event) params.set('event', moment.event);
  else params.set('t', isoUtc(moment.t));
  const s = params
    .toString()
    .replace(/=(?=&|$)/g, '')
    .replace(/%3A/gi, ':');
  return s ? `?${s}` : '';
}

/** The query string with the language set (every other parameter kept): the language switch's links. */
export function withLang(search: string, lang: AnyLocale): string {
  const params = safeParams(search);
  params.set('lang', lang);
  const s = params
    .toString()
    .replace(/=(?=&|$)/g, '')
    .replace(/%3A/gi, ':');
  return `?${s}`;
}
