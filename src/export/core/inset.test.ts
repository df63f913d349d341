import { describe, expect, it } from 'vitest';
import { layoutExport, type LayoutInput, type Measure } from './layout';
import { PRESETS, exportSize } from './presets';
import { exportTitle, creditLine, momentLine, reconstructedNote } from './text';
import { legendEntries } from '../../ui/legend-data';
import { LIGHT } from '../../theme/palette';
import { storyClock } from '../../story/content';
import { layers, story, track } from './story.fixture';
import type { Rect } from './tiles';
import { INSET, insetColumn, insetSlots, insetViews, keepsAnchor, locatorNames } from './inset';
import { sceneOf } from '../../scene/scene';
import { pseudoText } from '../../i18n/pseudo';
import { fitBounds } from './camera';
import { projectOnMap } from './camera';
import { exportFrame } from './frame';
import { storyFrames } from '../../scene/camera';
import { wholeRoute } from '../../scene/scene';
import type { LngLat } from '../../geo/mercator';

const measure: Measure = (text, weight, size) => [...text].length * size * (weight >= 600 ? 0.58 : 0.53);
const moment = { kind: 'moment' as const, chapter: 'flight' as const, t: Date.parse('2024-12-25T05:42:40Z') };

function input(
  spec: { preset: string; orientation?: 'portrait' } | { mm: [number, number] } | { width: number; height: number },
  scale = 1,
  legend = true,
): LayoutInput {
  const s = exportSize(spec as never, scale);
  if (!s.ok) throw new Error(s.error);
  return {
    width: s.value.outWidth,
    height: s.value.outHeight,
    unit: s.value.ratio,
    title: exportTitle(),
    subtitle: momentLine(moment, track),
    note: reconstructedNote(track),
    credit: creditLine(),
    legend: legend ? { title: 'Legend', items: legendEntries(LIGHT, storyClock(story)).map((e) => ({ key: e.key, label: e.label, w: e.w, h: e.h })) } : null,
    measure,
  };
}

const inside = (r: Rect, o: Rect) => r.x >= o.x && r.y >= o.y && r.x + r.w <= o.x + o.w && r.y + r.h <= o.y + o.h;
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const strike = storyFrames(story).get('strike-area')!;

const SIZES = [
  ...PRESETS.map((p) => ({ name: p.id, spec: { preset: p.id } })),
  ...PRESETS.filter((p) => p.mm).map((p) => ({ name: `${p.id} portrait`, spec: { preset: p.id, orientation: 'portrait' as const } })),
  { name: '--mm 180x120', spec: { mm: [180, 120] as [number, number] } },
];

function views(L: ReturnType<typeof layoutExport>, on = true) {
  const s = insetSlots(L, on);
  const u = L.unit;
  const p = s.mapPadding;
  const main = fitBounds(exportFrame(layers, wholeRoute(track)), L.map.w / u, L.map.h / u, {
    top: p.top / u,
    right: p.right / u,
    bottom: p.bottom / u,
    left: p.left / u,
  });
  return { s, main, v: insetViews({ slots: s.slots, main, mapRect: L.map, ratio: u, strike }) };
}

describe('export insets', () => {
  for (const { name, spec } of SIZES)
    for (const scale of [1, 2]) {
      if (scale === 2 && name.includes('a3')) continue; // over the size limit
      it(`${name} at ${scale}×: both insets inside the map, clear of the legend, scale bars, title and credits`, () => {
        const L = layoutExport(input(spec, scale));
        const { s, v } = views(L);
        expect(s.slots.map((x) => x.kind)).toEqual(['locator', 'detail']);
        expect(v.map((x) => x.kind)).toEqual(['locator', 'detail']);
        const furniture = [L.header, L.footer, L.scale.box, ...(L.legend ? [L.legend.box] : [])];
        for (const x of s.slots) {
          expect(inside(x.box, L.map)).toBe(true);
          for (const f of furniture) expect(overlaps(x.box, f)).toBe(false);
        }
        expect(overlaps(s.slots[0]!.box, s.slots[1]!.box)).toBe(false);
        // The story's frame keeps clear of them.
        const left = Math.min(...s.slots.map((x) => x.box.x));
        expect(L.map.x + L.map.w - s.mapPadding.right).toBeLessThan(left);
        // Each inset's map is inside its frame; the detail shows each claimed point inside it, 30 px apart at least.
        for (const x of v) expect(inside(x.map, x.box)).toBe(true);
        const d = v.find((x) => x.kind === 'detail')!;
        const pts = strike.keepApart.map((ll) => projectOnMap(ll, d.camera, d.map.w, d.map.h, L.unit));
        for (const q of pts) {
          expect(q.x).toBeGreaterThan(0);
          expect(q.y).toBeGreaterThan(0);
          expect(q.x).toBeLessThan(d.map.w - INSET.detailPad.names * L.unit + 1);
          expect(q.y).toBeLessThan(d.map.h);
        }
        for (let i = 0; i < pts.length; i++)
          for (let j = i + 1; j < pts.length; j++)
            expect(Math.hypot(pts[i]!.x - pts[j]!.x, pts[i]!.y - pts[j]!.y) / L.unit).toBeGreaterThanOrEqual(INSET.claimGap * 0.99);
        // The detail's scale bar is inside its map.
        expect(d.scale!.x).toBeGreaterThan(d.map.x);
        expect(d.scale!.y).toBeLessThan(d.map.y + d.map.h);
        expect(d.scale!.x + d.scale!.px).toBeLessThan(d.map.x + d.map.w / 2);
        expect(d.scale!.label).toMatch(/^\d+ k?m$/);
        // The locator's box of the main map lies inside the locator (the region holds the story's frame).
        const loc = v.find((x) => x.kind === 'locator')!;
        for (const [x, y] of loc.extent!) {
          expect(x).toBeGreaterThanOrEqual(loc.map.x - 1);
          expect(y).toBeGreaterThanOrEqual(loc.map.y - 1);
          expect(x).toBeLessThanOrEqual(loc.map.x + loc.map.w + 1);
          expect(y).toBeLessThanOrEqual(loc.map.y + loc.map.h + 1);
        }
        // The Caspian is named in the locator (also with a name 40 % longer), inside its map, clear of the box's lines.
        const names = sceneOf({ layers, track }, wholeRoute(track)).names;
        for (const all of [names, names.map((n) => ({ ...n, text: pseudoText(n.text) }))]) {
          const seas = locatorNames(loc, all, L.unit, measure);
          expect(seas.map((n) => n.text)).toContain(all.find((n) => n.id === 'sea:Caspian Sea')!.text);
          const e = loc.extent!;
          for (const n of seas) {
            expect(inside({ x: n.x, y: n.y, w: n.width, h: n.height }, loc.map), n.text).toBe(true);
            for (let i = 1; i < e.length; i++) {
              const line = {
                x: Math.min(e[i - 1]![0], e[i]![0]) - 1,
                y: Math.min(e[i - 1]![1], e[i]![1]) - 1,
                w: Math.abs(e[i]![0] - e[i - 1]![0]) + 2,
                h: Math.abs(e[i]![1] - e[i - 1]![1]) + 2,
              };
              expect(overlaps({ x: n.x, y: n.y, w: n.width, h: n.height }, line), `${n.text} crosses the box`).toBe(false);
            }
          }
        }
      });
    }
  it('without legend the insets still keep clear of the scale bars', () => {
    const L = layoutExport(input({ preset: '1x1' }, 1, false));
    const { s } = views(L);
    expect(s.slots.length).toBe(2);
    for (const x of s.slots) expect(overlaps(x.box, L.scale.box)).toBe(false);
  });
  it('--no-inset: no inset, and the map keeps its padding', () => {
    const L = layoutExport(input({ preset: '16x9' }));
    const { s, v } = views(L, false);
    expect(s.slots).toEqual([]);
    expect(v).toEqual([]);
    expect(s.mapPadding).toEqual(L.mapPadding);
  });
  it('the smallest picture has no room: the insets go, never over the legend', () => {
    const L = layoutExport(input({ width: 400, height: 400 }));
    const { s } = views(L);
    for (const x of s.slots) expect(inside(x.box, L.map)).toBe(true);
    expect(s.slots.length).toBeLessThan(2);
  });
  it('a main map already as close as the detail, or as wide as the locator, has no such inset', () => {
    const L = layoutExport(input({ preset: '16x9' }));
    const s = insetSlots(L);
    const close = { center: [45.65, 43.48] as LngLat, zoom: 11 };
    expect(insetViews({ slots: s.slots, main: close, mapRect: L.map, ratio: 1, strike }).map((x) => x.kind)).toEqual(['locator']);
    const wide = { center: [47, 42] as LngLat, zoom: 2 };
    expect(insetViews({ slots: s.slots, main: wide, mapRect: L.map, ratio: 1, strike }).map((x) => x.kind)).toEqual(['detail']);
  });
});

describe('names on the main map keep clear of the insets', () => {
  it('a name may be anchored inside the edges, outside the insets’ column grown by the edge', () => {
    const L = layoutExport(input({ preset: '16x9' }));
    const col = insetColumn(insetSlots(L).slots)!;
    const c = { x: col.x - L.map.x, y: col.y - L.map.y, w: col.w, h: col.h };
    const view = { width: L.map.w, height: L.map.h };
    const edge = { x: 56, y: 14 };
    const keep = (x: number, y: number) => keepsAnchor({ x, y }, view, edge, c);
    expect(keep(view.width / 3, view.height / 2)).toBe(true);
    expect(keep(55, view.height / 2)).toBe(false); // the left edge
    expect(keep(view.width / 3, view.height - 13)).toBe(false); // the bottom edge
    expect(keep(c.x - 57, c.y + c.h)).toBe(true); // left of the column and its margin
    expect(keep(c.x - 55, c.y + c.h)).toBe(false);
    expect(keep(c.x + 10, c.y + c.h + 15)).toBe(true); // below it and its margin
    expect(keep(c.x + 10, c.y + c.h + 13)).toBe(false);
    expect(keepsAnchor({ x: c.x + 10, y: c.y + 10 }, view, edge, null)).toBe(true);
  });
});
