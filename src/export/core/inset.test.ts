import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { layoutExport, type LayoutInput, type Measure } from './layout';
import { PRESETS, exportSize } from './presets';
import { exportTitle, creditLine, momentLine, reconstructedNote } from './text';
import { legendEntries } from '../../ui/legend-data';
import { LIGHT } from '../../theme/palette';
import { storyClock } from '../../story/content';
import { layers, story, track } from './story.fixture';
import type { Rect } from './tiles';
import {
  INSET,
  WATER_SAMPLES,
  fitPoints,
  insetColumn,
  insetScaleBox,
  insetSlots,
  insetViews,
  keepsAnchor,
  landOf,
  locatorNameBoxes,
  locatorNames,
  twoLines,
} from './inset';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { sceneOf } from '../../scene/scene';
import { pseudoText } from '../../i18n/pseudo';
import { mapViews } from './plan';
import { projectOnMap, unprojectOnMap } from './camera';
import { fitBounds } from './camera';
import { storyFrames } from '../../scene/camera';
import { wholeRoute } from '../../scene/scene';
import type { LngLat } from '../../geo/mercator';
import { bboxOf } from '../../geo/bounds';
import { BASELINE_EM, LINE_EM } from './claim-names';
import { detailMapNames } from './map-names';
import { exportMoment } from './moment';
import { buildLayers } from '../../scene/layers';
import { mapMomentAt, storyLines } from '../../scene/scene';
import { localizeStory } from '../../i18n/story-text';
import { useLocale } from '../../i18n';
import type { Catalogue } from '../../i18n/messages';
import { NAMES, nameSize, SYMBOLOGY } from '../../theme/symbology';
import { notoMeasure } from '../../../test/support/font-measure';

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
/** Grozny airport as the data places it (geo/places.geojson). */
const GRV = story.places.features.find((f) => f.properties.id === 'grv')!.geometry.coordinates as LngLat;

const SIZES = [
  ...PRESETS.map((p) => ({ name: p.id, spec: { preset: p.id } })),
  ...PRESETS.filter((p) => p.mm).map((p) => ({ name: `${p.id} portrait`, spec: { preset: p.id, orientation: 'portrait' as const } })),
  { name: '--mm 180x120', spec: { mm: [180, 120] as [number, number] } },
];

/** The main map's camera and the insets, as both renderers compute them (core/plan.ts). */
function views(L: ReturnType<typeof layoutExport>, on = true, lyr = layers, moment = wholeRoute(track)) {
  const { slots: s, camera: main, insets: v } = mapViews(L, on, lyr, moment, strike);
  return { s, main, v };
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
        // No closer than INSET.claimGap, and never so far out that two lines of a claim's name would not stack between them.
        let gap = Infinity;
        for (let i = 0; i < pts.length; i++)
          for (let j = i + 1; j < pts.length; j++) gap = Math.min(gap, Math.hypot(pts[i]!.x - pts[j]!.x, pts[i]!.y - pts[j]!.y) / L.unit);
        expect(gap).toBeLessThanOrEqual(INSET.claimGap * 1.01);
        expect(gap).toBeGreaterThan(2 * LINE_EM * nameSize(NAMES.claim, d.camera.zoom));
        // Grozny airport, which two of the claims are measured from (the data's place, framed with them), inside the
        // detail with the frame's margins: clear of the edges, and above the scale bar.
        const g = projectOnMap(GRV, d.camera, d.map.w, d.map.h, L.unit);
        const P = INSET.detailPad;
        expect(g.x).toBeGreaterThanOrEqual(P.left * L.unit - 1);
        expect(g.x).toBeLessThanOrEqual(d.map.w - P.place * L.unit + 1);
        expect(g.y).toBeGreaterThanOrEqual(P.top * L.unit - 1);
        expect(g.y).toBeLessThanOrEqual(d.map.h - P.bottom * L.unit + 1);
        const bar = insetScaleBox(d, measure(d.scale!.label, 600, d.scale!.fontSize))!;
        const ring = (SYMBOLOGY.airport.radius + SYMBOLOGY.airport.strokeWidth) * L.unit;
        expect(g.y + ring).toBeLessThan(bar.y);
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
          expect(locatorNameBoxes(seas).map((n) => n.text)).toContain(all.find((n) => n.id === 'sea:Caspian Sea')!.text);
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

describe('fitPoints', () => {
  const pad = { top: 26, right: 215, bottom: 34, left: 20 };
  it('with one room for every point, the camera of fitBounds', () => {
    const pts = strike.points.map((at) => ({ at, pad }));
    const a = fitPoints(pts, 336, 296, 12),
      b = fitBounds(bboxOf(strike.points), 336, 296, pad, 12);
    expect(a.zoom).toBeCloseTo(b.zoom, 9);
    expect(a.center[0]).toBeCloseTo(b.center[0], 9);
    expect(a.center[1]).toBeCloseTo(b.center[1], 9);
    expect(fitPoints(pts, 336, 296, 8).zoom).toBe(8);
  });
  it('each point keeps its own room inside the view, the tightest exactly', () => {
    const pts = strike.points.map((at, i) => ({ at, pad: i === 0 ? { ...pad, right: 100 } : pad }));
    for (const [w, h] of [
      [336, 296],
      [275, 242],
      [600, 200],
    ] as const) {
      const cam = fitPoints(pts, w, h, 14);
      let slackX = Infinity,
        slackY = Infinity;
      for (const p of pts) {
        const q = projectOnMap(p.at, cam, w, h, 1);
        expect(q.x - p.pad.left).toBeGreaterThanOrEqual(-1e-6);
        expect(q.x + p.pad.right).toBeLessThanOrEqual(w + 1e-6);
        expect(q.y - p.pad.top).toBeGreaterThanOrEqual(-1e-6);
        expect(q.y + p.pad.bottom).toBeLessThanOrEqual(h + 1e-6);
        slackX = Math.min(slackX, q.x - p.pad.left, w - q.x - p.pad.right);
        slackY = Math.min(slackY, q.y - p.pad.top, h - q.y - p.pad.bottom);
      }
      // As close as it can be: no room left on one axis.
      expect(Math.min(slackX, slackY)).toBeLessThan(1e-6);
    }
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

describe('the strike-area detail shows Grozny airport, named, with the claims named clear of it', () => {
  /** Wider than Noto Sans (capitals about 0.65 em, small letters about 0.5): a name clear here is clear in the picture. */
  const wide: Measure = (text, weight, size) => [...text].reduce((w, ch) => w + size * (ch !== ch.toLowerCase() ? 0.72 : 0.56) * (weight >= 600 ? 1.07 : 1), 0);
  const read = (l: string) => JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as Catalogue;
  const EN = read('en');
  afterAll(() => useLocale('en', EN));
  const MOMENTS = {
    'first impact': mapMomentAt(track, 'flight', Date.parse('2024-12-25T05:13:31Z')),
    divert: mapMomentAt(track, 'flight', Date.parse('2024-12-25T05:42:40Z')),
    crash: mapMomentAt(track, 'flight', Date.parse('2024-12-25T06:28:00Z')),
    'whole route': wholeRoute(track),
    // A day of the aftermath when only the first two claims were reported.
    '27 Dec 2024': mapMomentAt(track, 'aftermath', Date.parse('2024-12-27T12:00:00Z')),
  };
  type B = { x: number; y: number; width: number; height: number };
  const meets = (a: B, b: B) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const within = (a: B, w: number, h: number) => a.x >= 0 && a.y >= 0 && a.x + a.width <= w && a.y + a.height <= h;

  for (const lang of ['en', 'ru', 'az', 'kk'] as const)
    it(`${lang}: in every preset and at every moment, "Grozny GRV" (the main map's name) with its ring, the claims named clear of it and of each other`, () => {
      const cat = read(lang);
      useLocale(lang, cat, EN);
      // The story in the language, as the app and the export load it (main.ts): the names through the same functions.
      const local = buildLayers(localizeStory(story, cat.story), track);
      for (const [when, m] of Object.entries(MOMENTS)) {
        const moment = exportMoment(m, track);
        const scene = sceneOf({ layers: local, track }, moment);
        const grv = scene.names.find((n) => n.id === 'place:grv')!;
        expect(grv.text).toBe(`${cat.story?.features?.grv?.city ?? 'Grozny'} GRV`);
        for (const { name, spec } of SIZES) {
          const at = `${lang} ${when} ${name}`;
          const L = layoutExport({ ...input(spec), measure: wide });
          const u = L.unit;
          const d = views(L, true, local, moment).v.find((v) => v.kind === 'detail');
          expect(d, at).toBeDefined();
          // What both renderers draw in the detail (png/run.ts and vector/inset.ts through vector/map.ts).
          const { claims, names } = detailMapNames(d!, scene.names, scene.aircraft, u, wide, storyLines(scene));
          expect(names.placeDots, at).toContain('place:grv');
          const airport = names.story.find((n) => n.id === 'place:grv');
          expect(airport?.text, at).toBe(grv.text);
          expect(within(airport!, d!.map.w, d!.map.h), at).toBe(true);
          const bar = insetScaleBox(d!, wide(d!.scale!.label, 600, d!.scale!.fontSize))!;
          expect(meets(airport!, bar), `${at}: the airport's name over the scale bar`).toBe(false);
          const g = projectOnMap(GRV, d!.camera, d!.map.w, d!.map.h, u);
          const r = (SYMBOLOGY.airport.radius + SYMBOLOGY.airport.strokeWidth) * u;
          const ring = { x: g.x - r, y: g.y - r, width: 2 * r, height: 2 * r };
          const shown = scene.names.filter((n) => n.kind === 'claim' && n.shown);
          expect(claims.map((c) => c.id).sort(), at).toEqual(shown.map((n) => n.id).sort());
          for (const [i, c] of claims.entries()) {
            const what = `${at}: ${c.lines.join(' / ')}`;
            expect(c.fits, what).toBe(true);
            expect(within(c, d!.map.w, d!.map.h), what).toBe(true);
            expect(meets(c, airport!), `${what} meets ${airport!.text}`).toBe(false);
            expect(meets(c, ring), `${what} over the airport's ring`).toBe(false);
            expect(meets(c, bar), `${what} over the scale bar`).toBe(false);
            for (const o of claims.slice(i + 1)) expect(meets(c, o), `${what} meets ${o.lines.join(' / ')}`).toBe(false);
          }
          // The airport's name over no claimed point.
          const dot = (SYMBOLOGY.claim.radius + SYMBOLOGY.claim.strokeWidth) * u;
          for (const n of shown) {
            const q = projectOnMap(n.at, d!.camera, d!.map.w, d!.map.h, u);
            expect(meets(airport!, { x: q.x - dot, y: q.y - dot, width: 2 * dot, height: 2 * dot }), `${at}: ${airport!.text} over ${n.id}`).toBe(false);
          }
        }
      }
    });

  // The last resort, the claim without its claimant ("18 km NNW of the airport, 2,400 m"), is drawn only where a
  // legend says what a claimed point's dot is: without one, nothing on the picture would say the words are a claim.
  it('without a legend no claim is named without its claimant, in any language, preset or moment (with one, the small detail uses it)', () => {
    const words = (lines: string[]) => lines.join(' ').replace(/\u00a0/g, ' ');
    let bareWithLegend = 0;
    for (const lang of ['en', 'ru', 'az', 'kk'] as const) {
      const cat = read(lang);
      useLocale(lang, cat, EN);
      const local = buildLayers(localizeStory(story, cat.story), track);
      for (const m of Object.values(MOMENTS)) {
        const moment = exportMoment(m, track);
        const scene = sceneOf({ layers: local, track }, moment);
        const bare = (id: string, lines: string[]) => {
          const n = scene.names.find((x) => x.id === id)!;
          return !!n.bare && n.bare !== n.short && words(lines) === n.bare.replace(/\u00a0/g, ' ');
        };
        for (const { name, spec } of [
          ...SIZES,
          ...[
            [150, 100],
            [130, 90],
            [120, 80],
            [100, 70],
          ].map(([w, h]) => ({ name: `--mm ${w}x${h}`, spec: { mm: [w, h] as [number, number] } })),
        ])
          for (const legend of [true, false]) {
            const L = layoutExport({ ...input(spec, 1, legend), measure: wide });
            const d = views(L, true, local, moment).v.find((v) => v.kind === 'detail');
            if (!d) continue; // too small a picture for the detail
            const { claims } = detailMapNames(d, scene.names, scene.aircraft, L.unit, wide, storyLines(scene), legend);
            if (legend) bareWithLegend += claims.filter((c) => bare(c.id, c.lines)).length;
            else for (const c of claims) expect(bare(c.id, c.lines), `${lang} ${name}: ${c.lines.join(' / ')}`).toBe(false);
          }
      }
    }
    expect(bareWithLegend).toBeGreaterThan(0); // the case the rule is for exists
  });
});

describe('the locator’s sea names', () => {
  const LAND = landOf(JSON.parse(readFileSync('public/basemap/basemap.json', 'utf8')))!;
  const read = (l: string) => JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as Catalogue;
  const EN = read('en');
  afterAll(() => useLocale('en', EN));
  // Every preset, portrait too, at the moments whose boxes differ most (the whole route's, the crash's, the first impact's).
  const MOMENTS = {
    route: wholeRoute(track),
    crash: mapMomentAt(track, 'flight', Date.parse('2024-12-25T06:28:00Z')),
    'first impact': mapMomentAt(track, 'flight', Date.parse('2024-12-25T05:13:31Z')),
  };
  /** The Sea of Azov (a strait narrower than a pixel from the Black Sea in the locator): no sea's name stands on it. */
  const AZOV = { w: 34.8, s: 45.25, e: 39.5, n: 47.5 };
  /** Where the locator is drawn, per language: "<preset> <moment>" → the Black Sea's lines, or null. */
  const blackSea = new Map<string, Map<string, string[] | null>>();
  /** Per language, the "<preset> <moment>" whose locator names the Caspian. */
  const caspian = new Map<string, Set<string>>();
  for (const lang of ['en', 'ru', 'az', 'kk'] as const)
    it(`${lang}: two seas’ names stand at least a line apart, never side by side as one phrase; each line on its own sea (Noto Sans’s widths)`, () => {
      const cat = read(lang);
      useLocale(lang, cat, EN);
      // Kazakh's A4 portrait had "Қара теңіз" 4 design px left of "Каспий теңізі", on the same line: read as one name.
      const local = buildLayers(localizeStory(story, cat.story), track);
      const close: string[] = [];
      const offSea: string[] = [];
      const lines: string[] = [];
      const named = new Map<string, string[] | null>();
      blackSea.set(lang, named);
      const caspianNamed = new Set<string>();
      caspian.set(lang, caspianNamed);
      let pairs = 0;
      for (const { name, spec } of SIZES)
        for (const [when, m] of Object.entries(MOMENTS)) {
          const L = layoutExport({ ...input(spec), measure: notoMeasure });
          const loc = views(L, true, local, exportMoment(m, track)).v.find((x) => x.kind === 'locator');
          if (!loc) continue; // no room for it (a taller title in a small picture)
          const scene = sceneOf({ layers: local, track }, exportMoment(m, track));
          named.set(`${name} ${when}`, null);
          const seas = locatorNameBoxes(locatorNames(loc, scene.names, L.unit, notoMeasure, LAND));
          for (const n of seas) {
            const at = `${name} ${when}: “${n.lines.map((l) => l.text).join(' / ')}”`;
            // The whole name, on one line or broken at a space over two (centred, a line apart).
            expect(n.text, at).toBe(scene.names.find((x) => x.id === n.id)!.text);
            expect(n.lines.length, at).toBeLessThanOrEqual(2);
            const [a, b] = n.lines;
            if (b) {
              expect(b.baseline - a!.baseline, at).toBeCloseTo(LINE_EM * a!.size, 6);
              expect(a!.baseline - a!.y, at).toBeCloseTo(BASELINE_EM * a!.size, 6);
              expect(a!.x + a!.width / 2, at).toBeCloseTo(b.x + b.width / 2, 6);
              lines.push(at);
            }
            if (n.id === 'sea:Caspian Sea') caspianNamed.add(`${name} ${when}`);
            if (n.id === 'sea:Black Sea')
              named.set(
                `${name} ${when}`,
                n.lines.map((l) => l.text),
              );
            // Each line on water from a tenth of its width to nine tenths (below), and on its own sea: the Black
            // Sea's west of the Caucasus and not on the Sea of Azov, the Caspian's east of it.
            for (const l of n.lines)
              for (const f of WATER_SAMPLES) {
                const [lon, lat] = unprojectOnMap(
                  { x: l.x + l.width * f - loc.map.x, y: l.y + l.height / 2 - loc.map.y },
                  loc.camera,
                  loc.map.w,
                  loc.map.h,
                  L.unit,
                );
                const where = `${at}, “${l.text}” at ${f} of its width, ${lon.toFixed(1)}, ${lat.toFixed(1)}`;
                if (booleanPointInPolygon([lon, lat], LAND)) offSea.push(`${where}: on land`);
                if (n.id === 'sea:Black Sea' && (lon > 42 || (lon > AZOV.w && lon < AZOV.e && lat > AZOV.s && lat < AZOV.n)))
                  offSea.push(`${where}: not the Black Sea`);
                if (n.id === 'sea:Caspian Sea' && lon < 46.5) offSea.push(`${where}: not the Caspian`);
              }
          }
          for (const [i, a] of seas.entries())
            for (const b of seas.slice(i + 1)) {
              pairs++;
              const gap = Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width), b.y - (a.y + a.height), a.y - (b.y + b.height));
              if (gap < a.lines[0]!.height - 1e-6) close.push(`${name} ${when}: “${a.text}” and “${b.text}” ${(gap / L.unit).toFixed(0)} px apart`);
            }
        }
      // Both seas named in one locator somewhere (never in Russian: "Каспийское" is wider than the Caspian).
      if (lang !== 'ru') expect(pairs).toBeGreaterThan(0);
      expect(close).toEqual([]);
      // Moved off the box's lines, "Black Sea" stood 4 lines up on the Russian steppe (en Letter) and "Qara dəniz" over
      // Turkey; "Чёрное море" (ru Letter) in the Caspian's water, 50 design px east of the Caucasus.
      expect(offSea).toEqual([]);
      if (lang !== 'en') expect(lines.length, 'some names over two lines').toBeGreaterThan(0);
    });

  // Where English names the Black Sea, every language does: on two lines where one does not fit the water ("Чёрное
  // море" is 76 design px, "Black Sea" 53). No language can in landscape A4, Letter and 180 × 120 mm: their locator
  // shows the Black Sea's eastern end right of the box's line about 30 design px wide (10 left of it), too narrow for
  // "Black" (38 px) on water (WATER_SAMPLES); English's "Black / Sea" stood there mostly on the Caucasus' land.
  const every = (...p: string[]) => p.flatMap((x) => Object.keys(MOMENTS).map((w) => `${x} ${w}`));
  const NONE = every('a4', 'letter', '--mm 180x120');
  it('the Black Sea is named in every language where it is in English (over two lines where one does not fit)', () => {
    const en = blackSea.get('en')!;
    expect(en.size).toBe(SIZES.length * Object.keys(MOMENTS).length);
    expect(
      [...en.entries()].filter(([, v]) => !v).map(([k]) => k),
      'English names it everywhere else',
    ).toEqual(NONE);
    for (const lang of ['ru', 'az', 'kk']) {
      const named = blackSea.get(lang)!;
      const missing = [...named.keys()].filter((k) => en.get(k) && !named.get(k));
      expect(missing, lang).toEqual([]);
    }
  });

  // Each line of a sea's name stands on its water from a tenth of its width to nine tenths (WATER_SAMPLES); with its
  // middle alone on water, Russian's "Каспийское море" stood on the Kazakh steppe over the sea's northern tip (A4
  // portrait), and English's "Caspian Sea" ran from Dagestan to Kazakhstan (A4). Where no place fits, the name is left
  // out of the locator (the box frames the Caspian, and the main map names it): "Каспийское" is wider than the
  // Caspian at every locator's scale; the others fit over two lines, except in the narrowest locators.
  it('the Caspian is named in the locators where its name fits its water, over one line or two', () => {
    const unnamed = (lang: string) => [...blackSea.get(lang)!.keys()].filter((k) => !caspian.get(lang)!.has(k));
    expect(unnamed('en')).toEqual(every('letter', 'a4 portrait', 'letter portrait', '--mm 180x120'));
    expect(unnamed('az')).toEqual(every('letter'));
    expect(unnamed('kk')).toEqual(every('a4', 'a3', 'letter', 'a4 portrait', 'a3 portrait', 'letter portrait'));
    expect(unnamed('ru')).toEqual([...blackSea.get('ru')!.keys()]);
    expect(caspian.get('ru')!.size).toBe(0);
  });
});

describe('twoLines', () => {
  const w = (s: string) => s.length;
  it('breaks a name at the space that makes its longer line shortest; none without a space', () => {
    expect(twoLines('Чёрное море', w)).toEqual(['Чёрное', 'море']);
    expect(twoLines('Sea of Azov', w)).toEqual(['Sea of', 'Azov']);
    expect(twoLines('a bb cccc', w)).toEqual(['a bb', 'cccc']);
    expect(twoLines('Caspian', w)).toBeNull();
  });
});
