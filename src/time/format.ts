/** Time formatting with Intl, in the page's language (src/i18n). Pure: no DOM. All story times are UTC instants (ms since epoch). */
import { intlTag, msg } from '../i18n';

export interface LocalZone {
  /** Short label shown to readers, in the page's language. */
  readonly label: string;
  /** IANA time zone. */
  zone: string;
}

/** The local times the story needs (facts.md: Baku UTC+4, Grozny and Moscow UTC+3, Aktau UTC+5). */
export const LOCAL_ZONES: readonly LocalZone[] = [
  {
    get label() {
      return msg('zone.baku');
    },
    zone: 'Asia/Baku',
  },
  {
    get label() {
      return msg('zone.grozny');
    },
    zone: 'Europe/Moscow',
  },
  {
    get label() {
      return msg('zone.aktau');
    },
    zone: 'Asia/Aqtau',
  },
];

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(zone: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = intlTag();
  const key = tag + zone + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, { timeZone: zone, hourCycle: 'h23', ...opts });
    cache.set(key, f);
  }
  return f;
}

/** "05:13:31" (or "05:13" without seconds) in the given zone. */
export function clock(ms: number, zone = 'UTC', seconds = true): string {
  if (zone === 'UTC') return utcClock(ms, seconds);
  return fmt(zone, { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) }).format(ms);
}

/*
 * UTC, the story's own clock, without Intl. A page's first Intl.DateTimeFormat loads ICU's calendar and zone
 * data: about 80 ms on the main thread on the benchmark's machine, and the page used to pay it before it made
 * its map (the slider's axis and the strike area's dates are UTC). In UTC every language of the page writes
 * the clock alike (two-digit hours 00–23, ":" between; format.test.ts checks this against Intl in each one)
 * and `day` needs only the numbers, so these are plain arithmetic. Local times (Baku, Moscow, Aktau) still
 * go through Intl, which knows each zone's rules.
 */
const two = (n: number) => String(n).padStart(2, '0');
function utcClock(ms: number, seconds: boolean): string {
  const d = new Date(ms);
  const hm = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return seconds ? `${hm}:${two(d.getUTCSeconds())}` : hm;
}

/**
 * "25 Dec 2024" in the given zone, in the page's language ("25 дек. 2024 г.", "25 dekabr 2024", "2024 ж. 25
 * желтоқсан"): every date a reader sees goes through here. The month names and the order are the catalogue's
 * (`date.day`, geo/i18n/): browsers' Intl data for `az` and `kk` is often the root fallback ("2024 M12 25" in
 * Chromium), so no language's dates depend on the browser's.
 */
export function day(ms: number, zone = 'UTC'): string {
  if (zone === 'UTC') {
    const d = new Date(ms);
    return msg('date.day', { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) });
  }
  const parts = numericDay(zone).formatToParts(ms);
  const get = (t: string) => String(Number(parts.find((p) => p.type === t)?.value));
  return msg('date.day', { day: get('day'), month: get('month'), year: get('year') });
}
const numericCache = new Map<string, Intl.DateTimeFormat>();
function numericDay(zone: string): Intl.DateTimeFormat {
  let f = numericCache.get(zone);
  if (!f) numericCache.set(zone, (f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'numeric', year: 'numeric' })));
  return f;
}

/** UTC offset of a zone at an instant, as "UTC+4". */
export function offsetLabel(ms: number, zone: string): string {
  const part = fmt(zone, { timeZoneName: 'shortOffset' })
    .formatToParts(ms)
    .find((p) => p.type === 'timeZoneName');
  const v = part?.value ?? 'GMT';
  return v === 'GMT' || v === 'UTC' || v === 'GMT+0' ? 'UTC' : v.replace('GMT', 'UTC');
}

/** ISO 8601 UTC with seconds and no fraction: 2024-12-25T05:13:31Z. */
export function isoUtc(ms: number): string {
  return new Date(Math.round(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Parses ISO 8601 UTC (with Z, seconds optional); NaN when it is not one. */
export function parseIsoUtc(s: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(s)) return NaN;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return NaN;
  // Reject overflowed fields such as 25:00 or 2024-02-30 that Date.parse would roll over.
  const back = new Date(ms).toISOString();
  return back.slice(0, 16) === s.slice(0, 16) ? ms : NaN;
}

/** The local times of the story at an instant: "Baku 09:13 (UTC+4) · Grozny / Moscow 08:13 (UTC+3) · …". */
export function localTimes(ms: number, { offsets = true, sep = ' · ' } = {}): string {
  return LOCAL_ZONES.map((z) => `${z.label} ${clock(ms, z.zone, false)}${offsets ? ` (${offsetLabel(ms, z.zone)})` : ''}`).join(sep);
}

export type Precision = 'second' | 'minute' | 'approximate' | 'day';

/** How an event time is written for its precision: "05:13:31", "05:10", "~04:50", "26 Dec 2024". */
export function eventTimeLabel(ms: number, precision: Precision, zone = 'UTC'): string {
  switch (precision) {
    case 'second':
      return clock(ms, zone, true);
    case 'minute':
      return clock(ms, zone, false);
    case 'approximate':
      return '~' + clock(ms, zone, false);
    case 'day':
      return day(ms, zone);
  }
}

/** Duration as "1 h 12 min" / "12 min 5 s". */
export function duration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600),
    m = Math.floor((s % 3600) / 60),
    sec = s % 60;
  if (h) return `${h} h ${m} min`;
  if (m) return sec ? `${m} min ${sec} s` : `${m} min`;
  return `${sec} s`;
}
