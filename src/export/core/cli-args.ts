/**
 * The export command's arguments: parsed and checked before any browser starts. Pure: no Node, no DOM.
 * Every error is one sentence for the terminal.
 */
import { parseIsoUtc } from '../../time/format';
import { MAX_MM, MAX_SIDE, MIN_MM, MIN_SIDE, PRESET_IDS, fail, ok, type PresetId, type Result } from './presets';
import { resolveRequest, type ExportRequest, type MomentContext, type ResolvedExport } from './request';
import { EXPORT_FORMATS, type ExportFormat } from './text';
import { isLocale, type Locale } from '../../i18n/locales';

export interface CliOptions {
  /** The file to write; undefined: a name made from the options, in the current directory. */
  out: string | undefined;
  /** PNG, SVG or PDF: from --format, else from the file's extension, else PNG. */
  format: ExportFormat;
  request: ExportRequest;
  /** Serve this already-built app instead of building one. */
  dist: string | undefined;
  /** Also write the layout and camera as JSON (for tests and tools). */
  meta: string | undefined;
  /** The language of the picture's words (--lang; default English). */
  lang: Locale;
  help: boolean;
}

export const USAGE = `Usage: npm run export -- [options]

Renders the map in headless Chromium (CHROME_PATH, else the usual install paths) to a PNG, or to an SVG or
a PDF of true vectors (paths and text, no image).

  --out FILE             the file to write: .png, .svg or .pdf (default: a name like j2-8243_route_16x9@1x.png)
  --format F             png, svg or pdf (default: from the --out extension, else png)
  --preset ID            16x9 (1920×1080, default), 1x1 (1080×1080), 4x5 (1080×1350), or a print size
                         at 300 dpi: a4 (297×210 mm), a3 (420×297 mm), letter (11×8.5 in)
  --portrait             a print size upright (--landscape, the default, lies it down)
  --mm WxH               a custom print size in millimetres (${MIN_MM} to ${MAX_MM}), like 180x120
  --width W --height H   a custom size in pixels (${MIN_SIDE} to ${MAX_SIDE}), instead of a preset
  --scale N              pixel scale 1 to 4 (default 1): the file is width×N by height×N pixels
  --t ISO                the moment, in UTC: 2024-12-25T05:13:31Z (a flight time, or a day of the reporting)
  --event ID             the moment of an event (see geo/events.json); default: the whole route
  --dark                 dark colours
  --lang L               the language of the picture's words: en (default), ru, az (Latin) or kk (Cyrillic)
  --no-legend            leave the legend out
  --no-inset             leave the insets out (the locator and the strike-area detail)
  --dist DIR             use this built app instead of building one
  --meta FILE            also write the layout and camera as JSON
  -h, --help             this help

Exit codes: 0 written, 1 the export failed, 2 bad arguments, 3 no browser.`;

const VALUED = new Set(['out', 'format', 'preset', 'mm', 'width', 'height', 'scale', 't', 'event', 'dist', 'meta', 'lang']);
const ALIASES: Record<string, string> = { o: 'out', time: 't', h: 'help' };
const FLAGS = new Set(['dark', 'light', 'legend', 'no-legend', 'inset', 'no-inset', 'portrait', 'landscape', 'help']);
/** Flags that turn an option off, and the option; and flags that are the opposite of another. */
const OFF: Record<string, string> = { 'no-legend': 'legend', 'no-inset': 'inset' };
const SAME: Record<string, string> = { light: 'dark', landscape: 'portrait' };

const shown = (v: string) => `“${v.length > 40 ? v.slice(0, 40) + '…' : v}”`;

export function parseCliArgs(argv: readonly string[]): Result<CliOptions> {
  const seen = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--?([a-z][a-z0-9-]*)(?:=(.*))?$/i.exec(arg);
    if (!m) return fail(`Unexpected argument ${shown(arg)}: options start with --; see --help.`);
    const isLong = arg.startsWith('--');
    const raw = m[1]!.toLowerCase();
    const name = ALIASES[raw] ?? raw;
    if (!isLong && !ALIASES[raw]) return fail(`Unknown option ${shown(arg)}; see --help.`);
    if (!VALUED.has(name) && !FLAGS.has(name)) return fail(`Unknown option ${shown('--' + raw)}; see --help.`);
    let value: string | true = true;
    if (VALUED.has(name)) {
      if (m[2] !== undefined) value = m[2];
      else {
        const next = argv[i + 1];
        if (next === undefined || (next.startsWith('--') && next.length > 2)) return fail(`--${name} needs a value; see --help.`);
        value = next;
        i++;
      }
      if (value === '') return fail(`--${name} needs a value; see --help.`);
    } else if (m[2] !== undefined) return fail(`--${name} takes no value.`);
    const key = OFF[name] ?? SAME[name] ?? name;
    if (seen.has(key)) return fail(`--${name} is given twice (or with its opposite).`);
    seen.set(key, OFF[name] || SAME[name] ? 'off' : value);
  }
  const get = (k: string) => seen.get(k);
  if (get('help')) return ok({ out: undefined, format: 'png', request: {}, dist: undefined, meta: undefined, lang: 'en', help: true });

  const request: ExportRequest = {};
  const preset = get('preset');
  if (typeof preset === 'string') {
    if (!(PRESET_IDS as string[]).includes(preset)) return fail(`Unknown preset ${shown(preset)}: use ${PRESET_IDS.join(', ')}.`);
    request.preset = preset as PresetId;
  }
  const int = (k: string): Result<number | undefined> => {
    const v = get(k);
    if (typeof v !== 'string') return ok(undefined);
    if (!/^\d{1,6}$/.test(v)) return fail(`--${k} must be a whole number (got ${shown(v)}).`);
    return ok(Number(v));
  };
  const width = int('width'),
    height = int('height');
  if (!width.ok) return width;
  if (!height.ok) return height;
  if ((width.value === undefined) !== (height.value === undefined)) return fail('Give --width and --height together.');
  if (width.value !== undefined && request.preset) return fail('Give either --preset or --width and --height, not both.');
  const mm = get('mm');
  if (typeof mm === 'string') {
    const m = /^(\d{1,3}(?:\.\d+)?)x(\d{1,3}(?:\.\d+)?)$/i.exec(mm);
    if (!m) return fail(`--mm must be a width and height in millimetres, like 180x120 (got ${shown(mm)}).`);
    if (request.preset || width.value !== undefined) return fail('Give one size: --preset, --width and --height, or --mm.');
    request.mm = [Number(m[1]), Number(m[2])];
  }
  if (get('portrait') === true) {
    if (request.preset === undefined || !['a4', 'a3', 'letter'].includes(request.preset))
      return fail('--portrait is for the print presets: --preset a4, a3 or letter.');
    request.orientation = 'portrait';
  }
  if (width.value !== undefined) {
    request.width = width.value;
    request.height = height.value;
  }
  const scale = get('scale');
  if (typeof scale === 'string') {
    if (!/^[1-4]$/.test(scale)) return fail(`--scale must be 1, 2, 3 or 4 (got ${shown(scale)}).`);
    request.scale = Number(scale);
  }
  const t = get('t'),
    event = get('event');
  if (typeof t === 'string' && typeof event === 'string') return fail('Give either --t or --event, not both.');
  if (typeof t === 'string') {
    if (Number.isNaN(parseIsoUtc(t))) return fail(`--t ${shown(t)} is not a UTC time: use ISO 8601 with Z, like 2024-12-25T05:13:31Z.`);
    request.moment = { t };
  } else if (typeof event === 'string') request.moment = { event };
  if (get('dark') === true) request.dark = true;
  if (get('legend') === 'off') request.legend = false;
  if (get('inset') === 'off') request.inset = false;

  const out = get('out');
  const ext = typeof out === 'string' ? /\.(png|svg|pdf)$/i.exec(out)?.[1]?.toLowerCase() : undefined;
  if (typeof out === 'string' && !ext) return fail(`--out must name a .png, .svg or .pdf file (got ${shown(out)}).`);
  const fmt = get('format');
  if (typeof fmt === 'string' && !(EXPORT_FORMATS as string[]).includes(fmt.toLowerCase()))
    return fail(`--format must be png, svg or pdf (got ${shown(fmt)}).`);
  const format = (typeof fmt === 'string' ? fmt.toLowerCase() : (ext ?? 'png')) as ExportFormat;
  if (ext && ext !== format) return fail(`--out names a .${ext} file but --format is ${format}.`);
  const str = (k: string) => {
    const v = get(k);
    return typeof v === 'string' ? v : undefined;
  };
  const lang = get('lang') ?? 'en';
  if (typeof lang !== 'string' || !isLocale(lang)) return fail(`--lang must be en, ru, az or kk (got ${shown(String(lang))}).`);
  return ok({ out: str('out'), format, request, dist: str('dist'), meta: str('meta'), lang, help: false });
}

/** Arguments, then what they ask for checked against the story (sizes, the event, the time). */
export function parseCli(argv: readonly string[], ctx: MomentContext): Result<{ options: CliOptions; resolved: ResolvedExport | null }> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) return parsed;
  if (parsed.value.help) return ok({ options: parsed.value, resolved: null });
  const resolved = resolveRequest(parsed.value.request, ctx);
  if (!resolved.ok) return resolved;
  return ok({ options: parsed.value, resolved: resolved.value });
}
