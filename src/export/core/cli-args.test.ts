import { describe, expect, it } from 'vitest';
import { parseCli, parseCliArgs } from './cli-args';
import { timelines } from './story.fixture';

const ctx = { timelines };

describe('export command arguments', () => {
  it('reads presets, sizes, scale, moment and flags', () => {
    expect(parseCliArgs(['--out', 'route.png'])).toEqual({
      ok: true,
      value: { out: 'route.png', format: 'png', request: {}, dist: undefined, meta: undefined, lang: 'en', help: false },
    });
    expect(parseCliArgs(['--preset=a4', '--scale', '2', '--event', 'crash', '--dark', '--no-legend', '-o', 'x.PNG'])).toEqual({
      ok: true,
      value: {
        out: 'x.PNG',
        format: 'png',
        request: { preset: 'a4', scale: 2, moment: { event: 'crash' }, dark: true, legend: false },
        dist: undefined,
        meta: undefined,
        lang: 'en',
        help: false,
      },
    });
    expect(parseCliArgs(['--width', '4400', '--height', '1000', '--t', '2024-12-25T05:13:31Z', '--dist', '/tmp/d', '--meta', 'm.json'])).toMatchObject({
      ok: true,
      value: { request: { width: 4400, height: 1000, moment: { t: '2024-12-25T05:13:31Z' } }, dist: '/tmp/d', meta: 'm.json' },
    });
    expect(parseCliArgs(['--light', '--legend'])).toMatchObject({ ok: true, value: { request: {} } });
    expect(parseCliArgs(['-h'])).toMatchObject({ ok: true, value: { help: true } });
  });
  it('reads the format, print sizes and the inset flag', () => {
    expect(parseCliArgs(['--out', 'a.SVG'])).toMatchObject({ ok: true, value: { format: 'svg' } });
    expect(parseCliArgs(['--out', 'a.pdf', '--format', 'pdf'])).toMatchObject({ ok: true, value: { format: 'pdf' } });
    expect(parseCliArgs(['--format', 'PDF'])).toMatchObject({ ok: true, value: { out: undefined, format: 'pdf' } });
    expect(parseCliArgs(['--preset', 'a3', '--portrait', '--no-inset'])).toMatchObject({
      ok: true,
      value: { request: { preset: 'a3', orientation: 'portrait', inset: false } },
    });
    expect(parseCliArgs(['--preset', 'letter', '--landscape'])).toMatchObject({ ok: true, value: { request: { preset: 'letter' } } });
    expect(parseCliArgs(['--mm', '180x120.5'])).toMatchObject({ ok: true, value: { request: { mm: [180, 120.5] } } });
    expect(parseCliArgs(['--inset'])).toMatchObject({ ok: true, value: { request: {} } });
  });
  it('refuses bad arguments with one line that says what to do', () => {
    const cases: [string[], string | RegExp][] = [
      [['--preset', '3x2'], 'Unknown preset “3x2”: use 16x9, 1x1, 4x5, a4, a3, letter.'],
      [['--scale', '9'], '--scale must be 1, 2, 3 or 4 (got “9”).'],
      [['--scale', '2.5'], /--scale must be 1, 2, 3 or 4/],
      [['--t', 'garbage'], '--t “garbage” is not a UTC time: use ISO 8601 with Z, like 2024-12-25T05:13:31Z.'],
      [['--t', '2024-12-25T05:13:31+04:00'], /not a UTC time/],
      [['--width', '800'], 'Give --width and --height together.'],
      [['--width', 'wide', '--height', '800'], /--width must be a whole number/],
      [['--preset', '1x1', '--width', '800', '--height', '800'], /either --preset or --width and --height/],
      [['--t', '2024-12-25T05:13:31Z', '--event', 'crash'], 'Give either --t or --event, not both.'],
      [['--out'], '--out needs a value; see --help.'],
      [['--out', '--dark'], '--out needs a value; see --help.'],
      [['--out', 'map.jpg'], /--out must name a \.png, \.svg or \.pdf file/],
      [['--out', 'map.svg', '--format', 'pdf'], '--out names a .svg file but --format is pdf.'],
      [['--format', 'eps'], '--format must be png, svg or pdf (got “eps”).'],
      [['--mm', '180'], /--mm must be a width and height in millimetres, like 180x120/],
      [['--mm', '180x120', '--preset', 'a4'], /Give one size/],
      [['--portrait'], /--portrait is for the print presets/],
      [['--preset', '16x9', '--portrait'], /--portrait is for the print presets/],
      [['--portrait', '--landscape', '--preset', 'a4'], /given twice/],
      [['--no-inset', '--inset'], /given twice/],
      [['--colour', 'red'], 'Unknown option “--colour”; see --help.'],
      [['-x'], /Unknown option “-x”/],
      [['route.png'], /Unexpected argument “route\.png”/],
      [['--dark', '--dark'], /given twice/],
      [['--dark', '--light'], /given twice/],
      [['--dark=1'], '--dark takes no value.'],
    ];
    for (const [argv, msg] of cases) {
      const r = parseCliArgs(argv);
      expect(r.ok, argv.join(' ')).toBe(false);
      if (!r.ok) {
        if (typeof msg === 'string') expect(r.error).toBe(msg);
        else expect(r.error).toMatch(msg);
        expect(r.error).not.toContain('\n');
      }
    }
  });
  it('checks the event, the time and the size against the story', () => {
    expect(parseCli(['--event', 'nope'], ctx)).toEqual({ ok: false, error: 'There is no event called “nope” in this story.' });
    expect(parseCli(['--t', '2030-01-01T00:00:00Z'], ctx)).toMatchObject({ ok: false, error: expect.stringMatching(/outside this story/) });
    expect(parseCli(['--preset', 'a4', '--scale', '4'], ctx)).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
    expect(parseCli(['--width', '300', '--height', '300'], ctx)).toMatchObject({ ok: false, error: expect.stringMatching(/from 400 to 8000/) });
    expect(parseCli(['--mm', '20x120'], ctx)).toEqual({ ok: false, error: 'The width must be from 50 to 600 mm (got 20).' });
    expect(parseCli(['--preset', 'a4', '--portrait', '--format', 'pdf'], ctx)).toMatchObject({
      ok: true,
      value: { resolved: { size: { outWidth: 2480, outHeight: 3508, mm: { width: 210, height: 297 } } } },
    });
    expect(parseCli(['--preset', '4x5', '--scale', '3', '--event', 'crash'], ctx)).toMatchObject({
      ok: true,
      value: { resolved: { size: { outWidth: 3240, outHeight: 4050 }, moment: { event: 'crash' } } },
    });
  });
});

describe('--lang', () => {
  it('takes the story languages, and refuses others', () => {
    expect(parseCliArgs(['--lang', 'kk'])).toMatchObject({ ok: true, value: { lang: 'kk' } });
    expect(parseCliArgs(['--lang=ru'])).toMatchObject({ ok: true, value: { lang: 'ru' } });
    expect(parseCliArgs(['--lang', 'de'])).toMatchObject({ ok: false, error: expect.stringContaining('--lang must be en, ru, az or kk') });
  });
});
