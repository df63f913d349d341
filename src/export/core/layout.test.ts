import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { D, D_PHONE, designOf, layoutExport, mapRoomError, MIN_MAP_HEIGHT, wrap, type ExportLayout, type LayoutInput, type Measure } from './layout';
import { PHONE, PRESETS, exportSize, type SizeSpec } from './presets';
import { useLocale } from '../../i18n';
import type { Catalogue } from '../../i18n/messages';
import { notoMeasure } from '../../../test/support/font-measure';
import { exportTitle, creditLine, momentLine, reconstructedNote } from './text';
import { legendEntries, MOMENT_ONLY_KEYS } from '../../ui/legend-data';
import { LIGHT } from '../../theme/palette';
import { story, track } from './story.fixture';
import { storyClock } from '../../story/content';
import type { Rect } from './tiles';

/** A stand-in for the canvas: Noto Sans averages about 0.55 em a character (bold a little wider). */
const measure: Measure = (text, weight, size) => [...text].length * size * (weight >= 600 ? 0.58 : 0.53);

const moment = { kind: 'moment' as const, chapter: 'flight' as const, t: Date.parse('2024-12-25T05:42:40Z') };
function input(preset: string | SizeSpec, scale: number, opts: { legend?: boolean; route?: boolean } = {}): LayoutInput {
  const s = exportSize(typeof preset === 'string' ? { preset } : preset, scale);
  if (!s.ok) throw new Error(s.error);
  const entries = legendEntries(LIGHT, storyClock(story)).filter((e) => !opts.route || !MOMENT_ONLY_KEYS.includes(e.key));
  return {
    width: s.value.outWidth,
    height: s.value.outHeight,
    unit: s.value.ratio,
    title: exportTitle(),
    subtitle: momentLine(opts.route ? { kind: 'route' } : moment, track),
    note: reconstructedNote(track),
    credit: creditLine(),
    legend: opts.legend === false ? null : { title: 'Legend', items: entries.map((e) => ({ key: e.key, label: e.label, w: e.w, h: e.h })) },
    measure,
  };
}

const inside = (r: Rect, o: Rect) => r.x >= o.x && r.y >= o.y && r.x + r.w <= o.x + o.w && r.y + r.h <= o.y + o.h;
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const textRect = (t: ExportLayout['title']): Rect => ({
  x: t.x,
  y: Math.round(t.y - t.size),
  w: 1,
  h: Math.round((t.lines.length - 1) * t.lineHeight + t.size * 1.3),
});

function checkInvariants(L: ExportLayout, m: Measure = measure, mapShare = 0.45) {
  const page: Rect = { x: 0, y: 0, w: L.width, h: L.height };
  // Header, map, (legend band), footer stack without gaps or overlaps and fill the picture.
  expect(L.header.y).toBe(0);
  expect(L.map.y).toBe(L.header.h);
  const below = L.legend?.placement === 'below' ? L.legend.box : null;
  expect(below ? below.y : L.footer.y).toBe(L.map.y + L.map.h);
  if (below) expect(L.footer.y).toBe(below.y + below.h);
  expect(L.footer.y + L.footer.h).toBe(L.height);
  expect(L.map.h).toBeGreaterThan(L.height * mapShare);
  // Text sits in its band; overlays sit on the map, inside it, apart from each other.
  for (const t of [L.title, L.subtitle]) expect(inside(textRect(t), L.header)).toBe(true);
  for (const t of [L.note, L.credit]) expect(inside(textRect(t), L.footer)).toBe(true);
  expect(inside(L.scale.box, L.map)).toBe(true);
  if (L.legend?.placement === 'overlay') {
    expect(inside(L.legend.box, L.map)).toBe(true);
    expect(overlaps(L.legend.box, L.scale.box)).toBe(false);
    // The story's frame is kept clear of the legend.
    expect(L.mapPadding.left).toBeGreaterThan(L.legend.box.x + L.legend.box.w - L.map.x);
  }
  for (const item of L.legend?.items ?? []) {
    expect(inside(item.swatch, L.legend!.box)).toBe(true);
    expect(inside(textRect(item.label), page)).toBe(true);
  }
  // Every line fits the width it was wrapped to (allowing an unbreakable word).
  for (const t of [L.title, L.subtitle, L.note, L.credit])
    for (const line of t.lines) expect(m(line, t.weight, t.size)).toBeLessThanOrEqual(L.width - 2 * t.x + 1);
}

describe('export layout', () => {
  for (const p of PRESETS) {
    it(`lays out ${p.id} (snapshot)`, () => {
      const L = layoutExport(input(p.id, 1));
      checkInvariants(L);
      expect(L).toMatchSnapshot();
    });
  }
  it('puts the legend over the map on wide pictures and under it on square and tall ones', () => {
    expect(layoutExport(input('16x9', 1)).legend?.placement).toBe('overlay');
    expect(layoutExport(input('a4', 1)).legend?.placement).toBe('overlay');
    expect(layoutExport(input('1x1', 1)).legend?.placement).toBe('below');
    expect(layoutExport(input('4x5', 1)).legend?.placement).toBe('below');
    const none = layoutExport(input('1x1', 1, { legend: false }));
    expect(none.legend).toBeNull();
    checkInvariants(none);
    expect(none.map.h).toBeGreaterThan(layoutExport(input('1x1', 1)).map.h);
    checkInvariants(layoutExport(input('16x9', 1, { route: true })));
  });
  it('scales: a 2× or 3× picture is the 1× picture with every length multiplied', () => {
    for (const id of ['16x9', '4x5']) {
      const a = layoutExport(input(id, 1)),
        b = layoutExport(input(id, 3));
      checkInvariants(b);
      expect(b.unit).toBe(3 * a.unit);
      for (const k of ['header', 'map', 'footer'] as const)
        for (const f of ['x', 'y', 'w', 'h'] as const) expect(Math.abs(b[k][f] - 3 * a[k][f])).toBeLessThanOrEqual(2);
      expect(b.title.lines).toEqual(a.title.lines);
      expect(b.credit.lines).toEqual(a.credit.lines);
      expect(b.legend!.items.map((i) => i.label.lines)).toEqual(a.legend!.items.map((i) => i.label.lines));
      expect(b.scale.maxBar).toBe(3 * a.scale.maxBar);
    }
  });
  it('wraps words greedily and keeps a long word whole', () => {
    const w = (s: string) => s.length;
    expect(wrap('aa bb cc dd', 5, w)).toEqual(['aa bb', 'cc dd']);
    expect(wrap('aaaaaaaa bb', 5, w)).toEqual(['aaaaaaaa', 'bb']);
    expect(wrap('', 5, w)).toEqual(['']);
  });
});

describe('small pictures', () => {
  // Before, a picture in pixels was drawn at density 1 whatever its size: at 960 × 540 the legend went into a band
  // and left the map 139 px tall; at 640 × 640, 107 px; at 400 × 400 the map's height came out negative.
  it('a picture smaller than the smallest design gets smaller type, and the map most of the picture', () => {
    for (const [w, h, least] of [
      [960, 540, 0.6],
      [800, 600, 0.6],
      [640, 640, 0.4],
      [1000, 400, 0.25],
    ] as const) {
      const L = layoutExport(input({ width: w, height: h }, 1));
      expect(L.unit, `${w}×${h}`).toBeLessThan(1);
      expect(L.unit, `${w}×${h}`).toBeGreaterThanOrEqual(0.75);
      expect(L.map.h / h, `${w}×${h}: map ${L.map.h} px`).toBeGreaterThan(least);
      expect(mapRoomError(L)).toBeNull();
    }
  });
  it('where even the smallest type leaves the map no room, says so in words: the size, the room, what to do', () => {
    const L = layoutExport(input({ width: 400, height: 400 }, 1));
    expect(L.map.h).toBeLessThan(MIN_MAP_HEIGHT * L.unit);
    expect(mapRoomError(L)).toMatch(
      /^At 400 × 400 px the title, legend, note and credits leave the map 0 px tall \(it needs at least 90\): make the picture larger, or leave the legend out \(--no-legend, or legend: false\)\.$/,
    );
    // Without the legend the same picture has room.
    const bare = layoutExport(input({ width: 400, height: 400 }, 1, { legend: false }));
    expect(mapRoomError(bare)).toBeNull();
    expect(bare.map.h).toBeGreaterThan(120);
  });
  it('the presets keep their type, and all have room', () => {
    for (const p of PRESETS) {
      const L = layoutExport(input(p.id, 1));
      expect(L.unit, p.id).toBe(p.density); // 1 on screen, 300/96 in print
      expect(mapRoomError(L), p.id).toBeNull();
    }
  });
});

describe('the narrow route picture: a phone’s design, read at 360 CSS px', () => {
  // public/route-narrow.png (npm run images: 405 × 720 px at scale 2, shown in boxes up to 600 CSS px wide, 360 on
  // most phones). Before, it was the usual design at three quarters (540 × 960 design px): at 360 px its credits
  // were 8.3 CSS px, its legend 8.7, the map's names 8–8.7.
  const read = (l: string) => JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as Catalogue;
  const EN = read('en');
  afterAll(() => useLocale('en', EN));
  /** CSS px at a display width of 360 of a size in the picture's output px. */
  const css = (L: ExportLayout, px: number) => (px * 360) / L.width;
  const top = (t: ExportLayout['title']) => t.y - (t.lineHeight / 2 + t.size * 0.357);
  for (const lang of ['en', 'ru', 'az', 'kk'] as const)
    it(`${lang}: laid out for the column (not shrunk), everything inside its band and apart, the type readable, the map a third of it`, () => {
      useLocale(lang, read(lang), EN);
      const L = layoutExport({ ...input({ width: 405, height: 720 }, 2, { route: true }), measure: notoMeasure });
      expect([L.width, L.height]).toEqual([810, 1440]);
      expect(L.unit).toBe(2.25); // 360 design px wide: a design px is a CSS px at 360
      expect(designOf(L.width, L.height, L.unit)).toBe(D_PHONE);
      checkInvariants(L, notoMeasure, 1 / 3);
      // The legend's rows apart: each label's lines inside its band, above the next row's.
      const rows = L.legend!.items.map((i) => ({ top: top(i.label), bottom: top(i.label) + i.label.lines.length * i.label.lineHeight }));
      for (const [i, r] of rows.entries()) {
        expect(r.top, `${lang}: row ${i}`).toBeGreaterThanOrEqual(L.legend!.box.y);
        expect(r.bottom, `${lang}: row ${i}`).toBeLessThanOrEqual(L.legend!.box.y + L.legend!.box.h);
        if (rows[i + 1]) expect(r.bottom, `${lang}: row ${i} over row ${i + 1}`).toBeLessThanOrEqual(rows[i + 1]!.top + 0.5);
      }
      // The type at 360 CSS px: the map's names at the symbology's sizes (12–13 px); the words at D_PHONE's sizes in
      // English and Azerbaijani (credits 11, legend 12), a step or two smaller where they run longer.
      const small = [L.credit.size, L.scale.fontSize, ...L.legend!.items.map((i) => i.label.size)].map((x) => css(L, x));
      const big = [L.title.size, L.subtitle.size, L.note.size].map((x) => css(L, x));
      expect(Math.min(...small), lang).toBeGreaterThanOrEqual(lang === 'en' || lang === 'az' ? 11 : 9.25);
      expect(Math.min(...big), lang).toBeGreaterThanOrEqual(lang === 'en' || lang === 'az' ? 12 : 10.25);
      expect(css(L, 12 * L.unit)).toBe(12); // a 12 px city name
    });
  it('only a tall picture a phone’s column wide is one: no preset, no portrait page, no wider or squarer picture', () => {
    for (const p of PRESETS)
      for (const o of p.mm ? (['landscape', 'portrait'] as const) : (['landscape'] as const)) {
        const s = exportSize({ preset: p.id, orientation: o }, 1);
        if (!s.ok) throw new Error(s.error);
        expect(designOf(s.value.outWidth, s.value.outHeight, s.value.ratio), `${p.id} ${o}`).toBe(D);
      }
    for (const [w, h] of [
      [500, 900],
      [480, 700],
      [1080, 1920],
      [400, 400],
    ] as const) {
      const s = exportSize({ width: w, height: h }, 1);
      if (!s.ok) throw new Error(s.error);
      expect(designOf(w, h, s.value.ratio), `${w}×${h}`).toBe(D);
    }
    expect(PHONE.width).toBe(360);
  });
});
