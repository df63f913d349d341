import { describe, expect, it } from 'vitest';
import { layoutExport, mapRoomError, MIN_MAP_HEIGHT, wrap, type ExportLayout, type LayoutInput, type Measure } from './layout';
import { PRESETS, exportSize, type SizeSpec } from './presets';
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

function checkInvariants(L: ExportLayout) {
  const page: Rect = { x: 0, y: 0, w: L.width, h: L.height };
  // Header, map, (legend band), footer stack without gaps or overlaps and fill the picture.
  expect(L.header.y).toBe(0);
  expect(L.map.y).toBe(L.header.h);
  const below = L.legend?.placement === 'below' ? L.legend.box : null;
  expect(below ? below.y : L.footer.y).toBe(L.map.y + L.map.h);
  if (below) expect(L.footer.y).toBe(below.y + below.h);
  expect(L.footer.y + L.footer.h).toBe(L.height);
  expect(L.map.h).toBeGreaterThan(L.height * 0.45);
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
    for (const line of t.lines) expect(measure(line, t.weight, t.size)).toBeLessThanOrEqual(L.width - 2 * t.x + 1);
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
