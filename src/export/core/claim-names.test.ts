import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { breakLines, placeClaimNames, withClaimNames, type LineMeasure } from './claim-names';
import { layoutExport, type Measure } from './layout';
import { PRESET_IDS, PRESETS, exportSize } from './presets';
import { layers, story, track } from './story.fixture';
import { insetScaleBox } from './inset';
import { projectOnMap } from './camera';
import { mapViews } from './plan';
import { storyFrames } from '../../scene/camera';
import { mapMomentAt, sceneOf, type SceneName } from '../../scene/scene';
import { pseudoText } from '../../i18n/pseudo';
import { NAMES } from '../../theme/symbology';
import { keepTogether } from '../../scene/layers';

// Wider than Noto Sans (about 0.5 em a letter): names that fit here fit in the picture.
const measure: Measure & LineMeasure = (text, weight, size) => [...text].length * size * (weight >= 600 ? 0.6 : 0.56);
const firstImpact = mapMomentAt(track, 'flight', Date.parse('2024-12-25T05:13:31Z'));
const scene = sceneOf({ layers, track }, firstImpact);

/** The claims' names in Kazakh (geo/i18n/kk.json), with the date line as the catalogue writes it. */
const kk = JSON.parse(readFileSync('geo/i18n/kk.json', 'utf8')) as { story: { features: Record<string, { name?: string; claimant?: string }> } };
const LANGS: Record<string, (n: SceneName) => SceneName> = {
  en: (n) => n,
  kk: (n) => {
    const f = kk.story.features[n.feature!]!;
    const bare = f.name!.replace(/^Тұжырым: /, '');
    const name = `${f.claimant}: ${bare}`;
    return { ...n, text: `${name}\n(тұжырым, алғаш рет 2025 ж. 1 шілде жарияланды)`, short: name, bare };
  },
  // The pseudo-locale: accented and ~40 % longer.
  pseudo: (n) => ({ ...n, text: n.text.split('\n').map(pseudoText).join('\n'), short: pseudoText(n.short!), bare: pseudoText(n.bare!) }),
};

const SIZES = [
  ...PRESETS.map((p) => ({ name: p.id, spec: { preset: p.id } })),
  ...PRESETS.filter((p) => p.mm).map((p) => ({ name: `${p.id} portrait`, spec: { preset: p.id, orientation: 'portrait' } })),
];

type B = { x: number; y: number; width: number; height: number };
const overlaps = (a: B, b: B) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('claims’ names on an exported map', () => {
  it('breaks a name into lines, the longest as short as it can be', () => {
    const w = (s: string) => s.length;
    expect(breakLines('target 7 km from the launcher, 490 m', 1, w)).toEqual(['target 7 km from the launcher, 490 m']);
    expect(breakLines('target 7 km from the launcher, 490 m', 2, w)).toEqual(['target 7 km from', 'the launcher, 490 m']);
    expect(breakLines('a\u00a0b c d', 3, w)).toEqual(['a\u00a0b', 'c', 'd']); // a no-break space holds
    expect(breakLines('one', 3, w)).toEqual(['one']);
  });

  it('a number keeps its unit on its line (no-break space), in Latin and Cyrillic', () => {
    expect(keepTogether('15 km from the airport, 2,400 m')).toBe('15\u00a0km from the airport, 2,400\u00a0m');
    expect(keepTogether('нысана 7 км жерде, 490 м')).toBe('нысана 7\u00a0км жерде, 490\u00a0м');
    expect(keepTogether('10 miles, 3 metres')).toBe('10 miles, 3 metres');
    expect(layers.claims.features.every((f) => !/\d (k?m)\b/.test(String(f.properties!.label)))).toBe(true);
  });

  for (const [lang, localise] of Object.entries(LANGS))
    it(`${lang}: the strike-area detail names every claim, inside it, clear of each other, the points and its scale bar, in every preset`, () => {
      const names = scene.names.map((n) => (n.kind === 'claim' ? localise(n) : n));
      expect(names.filter((n) => n.kind === 'claim' && n.shown)).toHaveLength(3);
      // A day of the aftermath when only the first claims were reported.
      const later = sceneOf({ layers, track }, mapMomentAt(track, 'aftermath', Date.parse('2024-12-27T12:00:00Z'))).names.map((n) =>
        n.kind === 'claim' ? localise(n) : n,
      );
      for (const { name, spec } of SIZES) {
        const s = exportSize(spec as never, 1);
        if (!s.ok) throw new Error(s.error);
        const L = layoutExport({
          width: s.value.outWidth,
          height: s.value.outHeight,
          unit: s.value.ratio,
          title: 'T',
          subtitle: 'S',
          note: 'N',
          credit: 'C',
          legend: null,
          measure,
        });
        const u = L.unit;
        const detail = mapViews(L, true, layers, firstImpact, storyFrames(story).get('strike-area')).insets.find((v) => v.kind === 'detail');
        if (!detail) continue;
        const bar = insetScaleBox(detail, measure(detail.scale!.label, 600, detail.scale!.fontSize))!;
        for (const all of [names, later]) {
          const project = (ll: readonly [number, number]) => projectOnMap([ll[0], ll[1]], detail.camera, detail.map.w, detail.map.h, u);
          const placed = placeClaimNames({
            names: all,
            project,
            view: { width: detail.map.w, height: detail.map.h },
            zoom: detail.camera.zoom,
            ratio: u,
            measure,
            start: 'name',
            covers: [bar],
          });
          const shown = all.filter((n) => n.kind === 'claim' && n.shown);
          expect(placed.map((x) => x.id).sort(), `${lang} ${name}`).toEqual(shown.map((n) => n.id).sort());
          for (const [i, a] of placed.entries()) {
            const at = `${lang} ${name}: ${a.lines.join(' / ')}`;
            expect(a.fits, at).toBe(true);
            // Clear of the detail's frame (4 design px): "…, 490 m" ended 1–3 px from it.
            const e = 4 * u;
            expect(a.x >= e && a.y >= e && a.x + a.width <= detail.map.w - e && a.y + a.height <= detail.map.h - e, at).toBe(true);
            expect(overlaps(a, bar), at).toBe(false);
            // The name alone (never the date line), whole: its lines hold all its words; with its claimant, but in a
            // small picture's detail where only the claim alone finds room.
            const n = shown.find((x) => x.id === a.id)!;
            const words = a.lines.join(' ').replace(/\u00a0/g, ' ');
            if (PRESET_IDS.includes(name as never)) expect(words, at).toBe(n.short!.replace(/\u00a0/g, ' '));
            else
              expect(
                [n.short, n.bare].map((t) => t!.replace(/\u00a0/g, ' ')),
                at,
              ).toContain(words);
            for (const b of placed.slice(i + 1)) expect(overlaps(a, b), `${at} and ${b.lines.join(' / ')}`).toBe(false);
            for (const n of shown) {
              const q = project(n.at);
              const r = 5 * u;
              expect(overlaps(a, { x: q.x - r, y: q.y - r, width: 2 * r, height: 2 * r }), `${at} over ${n.id}`).toBe(false);
            }
          }
        }
      }
    });

  it('the main map: none below the claims’ zoom; above it the full label first, the name alone where that finds no room', () => {
    const project = (ll: readonly [number, number]) => projectOnMap([ll[0], ll[1]], { center: [45.66, 43.49], zoom: 10 }, 1000, 700, 1);
    const base = { names: scene.names, project, view: { width: 1000, height: 700 }, ratio: 1, measure, start: 'full' as const };
    expect(placeClaimNames({ ...base, zoom: NAMES.claim.minZoom! - 0.1 })).toEqual([]);
    const wide = placeClaimNames({ ...base, zoom: 10 });
    expect(wide).toHaveLength(3);
    expect(wide.every((p) => p.fits)).toBe(true);
    // The label with its date line (wrapped at the style's text-max-width) where it has room.
    expect(wide.some((p) => p.lines.length >= 2 && p.lines.at(-1)!.endsWith(')'))).toBe(true);
    // A narrow map: no room right of the points for the full label, so the shorter forms (or the left side).
    const narrow = placeClaimNames({ ...base, zoom: 10, view: { width: 560, height: 700 } });
    expect(narrow).toHaveLength(3);
    for (const p of narrow) expect(p.x >= 0 && p.x + p.width <= 560, p.lines.join(' / ')).toBe(true);
    expect(narrow.some((p) => p.anchor === 'right' || p.lines.length !== 2 || !p.lines.join(' ').includes('('))).toBe(true);
  });

  it('a name that finds no room anywhere is still drawn, in its shortest form, not cut by the edge', () => {
    const project = (ll: readonly [number, number]) => projectOnMap([ll[0], ll[1]], { center: [45.64, 43.52], zoom: 11 }, 160, 120, 1);
    const placed = placeClaimNames({ names: scene.names, project, view: { width: 160, height: 120 }, zoom: 11, ratio: 1, measure, start: 'name' });
    expect(placed).toHaveLength(3);
    expect(placed.some((p) => !p.fits)).toBe(true);
    for (const p of placed.filter((q) => !q.fits)) expect(p.lines.length, p.lines.join(' / ')).toBeGreaterThan(1);
  });

  it('gives the claims’ symbol layer each name as placed, and none to a claim not placed', () => {
    const placed = placeClaimNames({
      names: scene.names,
      project: (ll) => projectOnMap([ll[0], ll[1]], { center: [45.66, 43.49], zoom: 10 }, 1000, 700, 1),
      view: { width: 1000, height: 700 },
      zoom: 10,
      ratio: 1,
      measure,
      start: 'name',
    });
    const out = withClaimNames(layers, placed);
    const props = out.claims.features.map((f) => f.properties!);
    expect(props.filter((p) => p.label).map((p) => p.id)).toEqual(placed.map((p) => p.feature));
    for (const p of props.filter((q) => q.label)) {
      expect(p.labelAnchor).toBe('left');
      expect(p.labelOffset).toEqual([NAMES.claim.offsetEm, 0]);
    }
    expect(layers.claims.features.every((f) => String(f.properties!.label).includes('\n'))).toBe(true); // the input is left as it was
  });
});
