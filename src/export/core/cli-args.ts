/**
 * The export command's arguments: parsed and checked before any browser starts. Pure: no Node, no DOM.
 * Every error is one sentence for the terminal.
 */
import { parseIsoUtc } from '../../time/format';
import { MAX_SIDE, MIN_SIDE, PRESET_IDS, fail, ok, type PresetId, type Result } from './presets';
import { resolveRequest, type ExportRequest, type MomentContext, type ResolvedExport } from './request';

export interface CliOptions {
  /** The file to write; undefined: a name made from the options, in the current directory. */
  out: string | undefined;
  request: ExportRequest;
  /** Serve this already-built app instead of building one. */
  dist: string | undefined;
  /** Also write the layout and camera as JSON (for tests and tools). */
  meta: string | undefined;
  help: boolean;
}

export const USAGE = `Usage: npm run export -- [options]

Renders the map to a PNG in headless Chromium (CHROME_PATH, else the usual install paths).

  --out FILE             the PNG to write (default: a name like j2-8243_route_16x9@1x.png)
  --preset ID            16x9 (1920×1080, default), 1x1 (1080×1080), 4x5 (1080×1350), a4 (A4 landscape, 300 dpi)
  --width W --height H   a custom size in pixels (${MIN_SIDE} to ${MAX_SIDE}), instead of a preset
  --scale N              pixel scale 1 to 4 (default 1): the file is width×N by height×N pixels
  --t ISO                the moment, in UTC: 2024-12-25T05:13:31Z (a flight time, or a day of the reporting)
  --event ID             the moment of an event (see geo/events.json); default: the whole route
  --dark                 dark colours
  --no-legend            leave the legend out
  --dist DIR             use this built app instead of building one
  --meta FILE            also write the layout and camera as JSON
  -h, --help             this help

Exit codes: 0 written, 1 the export failed, 2 bad arguments, 3 no browser.`;

const VALUED = new Set(['out', 'preset', 'width', 'height', 'scale', 't', 'event', 'dist', 'meta']);
const ALIASES: Record<string, string> = { o: 'out', time: 't', h: 'help' };
const FLAGS = new Set(['dark', 'light', 'legend', 'no-legend', 'help']);

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
    const key = name === 'light' ? 'dark' : name === 'no-legend' ? 'legend' : name;
    if (seen.has(key)) return fail(`--${name} is given twice (or with its opposite).`);
    seen.set(key, name === 'light' || name === 'no-legend' ? 'off' : value);
  }
  const get = (k: string) => seen.get(k);
  if (get('help')) return ok({ out: undefined, request: {}, dist: undefined, meta: undefined, help: true });

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
  const width = int('width'), height = int('height');
  if (!width.ok) return width;
  if (!height.ok) return height;
  if ((width.value === undefined) !== (height.value === undefined)) return fail('Give --width and --height together.');
  if (width.value !== undefined && request.preset) return fail('Give either --preset or --width and --height, not both.');
  if (width.value !== undefined) {
    request.width = width.value;
    request.height = height.value;
  }
  const scale = get('scale');
  if (typeof scale === 'string') {
    if (!/^[1-4]$/.test(scale)) return fail(`--scale must be 1, 2, 3 or 4 (got ${shown(scale)}).`);
    request.scale = Number(scale);
  }
  const t = get('t'), event = get('event');
  if (typeof t === 'string' && typeof event === 'string') return fail('Give either --t or --event, not both.');
  if (typeof t === 'string') {
    if (Number.isNaN(parseIsoUtc(t))) return fail(`--t ${shown(t)} is not a UTC time: use ISO 8601 with Z, like 2024-12-25T05:13:31Z.`);
    request.moment = { t };
  } else if (typeof event === 'string') request.moment = { event };
  if (get('dark') === true) request.dark = true;
  if (get('legend') === 'off') request.legend = false;

  const out = get('out');
  if (typeof out === 'string' && !/\.png$/i.test(out)) return fail(`--out must name a .png file (got ${shown(out)}).`);
  const str = (k: string) => {
    const v = get(k);
    return typeof v === 'string' ? v : undefined;
  };
  return ok({ out: str('out'), request, dist: str('dist'), meta: str('meta'), help: false });
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
