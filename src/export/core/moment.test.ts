import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { LineMeasure } from './claim-names';
import { layers, story, timelines, track } from './story.fixture';
import { insetColumn } from './inset';
import { projectOnMap } from './camera';
import { planExport } from './plan';
import { resolveRequest } from './request';
import { mainMapNames } from './map-names';
import { exportMoment } from './moment';
import { inLegend } from '../../ui/legend-data';
import { mapMomentAt, sceneOf, wholeRoute } from '../../scene/scene';
import { AIRCRAFT_ICON, CRASH_ICON, SYMBOLOGY as S } from '../../theme/symbology';
import { useLocale } from '../../i18n';
import type { Catalogue } from '../../i18n/messages';

/** Wider than Noto Sans (as map-names.test.ts): a name clear here is clear in the picture. */
const measure: LineMeasure = (text, weight, size) =>
  [...text].reduce((w, ch) => w + size * (ch !== ch.toLowerCase() ? 0.72 : 0.56) * (weight >= 600 ? 1.07 : 1), 0);
const read = (l: string) => JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as Catalogue;
const EN = read('en');
afterAll(() => useLocale('en', EN));

type B = { x: number; y: number; width: number; height: number };
const meets = (a: B, b: B) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const square = (p: { x: number; y: number }, side: number): B => ({ x: p.x - side / 2, y: p.y - side / 2, width: side, height: side });

const CRASH_T = Date.parse('2024-12-25T06:28:00Z'); // geo/events.json "crash"

/** The picture at the crash as png/run.ts and vector/run.ts lay it out (core/plan.ts): legend, insets, camera, names. */
function atCrash(preset: '16x9' | '1x1') {
  const r = resolveRequest({ preset, moment: { t: new Date(CRASH_T).toISOString() } }, { timelines });
  if (!r.ok) throw new Error(r.error);
  const { ratio } = r.value.size;
  const plan = planExport({ story, track }, r.value, measure);
  const { layout, insets, camera, scene, legend: entries } = plan;
  const { map } = layout;
  const placed = mainMapNames({ layout, insets, column: insetColumn(plan.slots.slots), camera, ratio, names: scene.names, measure });
  const project = (ll: readonly [number, number]) => projectOnMap([ll[0], ll[1]], camera, map.w, map.h, ratio);
  return { scene, entries, ratio, project, story: placed.names.story };
}

describe('an exported picture at the crash (issue 12)', () => {
  for (const lang of ['en', 'kk'] as const)
    for (const preset of ['16x9', '1x1'] as const)
      it(`${preset}, ${lang}: "Crash site" and "Aktau SCO" clear of the aircraft's icon, the ✕ and the other's ring`, () => {
        useLocale(lang, read(lang));
        const P = atCrash(preset);
        const name = (id: string) => P.scene.names.find((n) => n.id === id)!;
        const crash = P.project(name('place:crash-site').at);
        const sco = P.project(name('place:sco').at);
        // The ✕ with its halo (19 px), the airport's ring with its stroke, the aircraft's 30 px icon where drawn.
        const cross = square(crash, (CRASH_ICON.size - 3) * P.ratio);
        const ring = square(sco, 2 * (S.airport.radius + S.airport.strokeWidth) * P.ratio);
        const plane = P.scene.aircraft ? [square(P.project(P.scene.aircraft.at), AIRCRAFT_ICON.size * P.ratio)] : [];
        const crashName = P.story.find((n) => n.id === 'place:crash-site')!;
        const scoName = P.story.find((n) => n.id === 'place:sco')!;
        expect(crashName, 'Crash site named').toBeDefined();
        expect(scoName, 'Aktau SCO named').toBeDefined();
        for (const b of plane) {
          expect(meets(crashName, b), `${crashName.text} meets the aircraft`).toBe(false);
          expect(meets(scoName, b), `${scoName.text} meets the aircraft`).toBe(false);
        }
        expect(meets(crashName, ring), `${crashName.text} meets Aktau's ring`).toBe(false);
        expect(meets(scoName, cross), `${scoName.text} meets the ✕`).toBe(false);
        expect(meets(crashName, scoName)).toBe(false);
      });

  it('leaves the aircraft (and its legend entry) out only at the crash, with every edge then flown', () => {
    useLocale('en', EN);
    const end = exportMoment(mapMomentAt(track, 'flight', CRASH_T), track);
    expect(end.aircraft).toBeNull();
    expect(end.flownEdges).toBe(track.edges.length);
    expect(sceneOf({ layers, track }, end).track.every((e) => e.flown)).toBe(true);
    expect(atCrash('16x9').entries.map((e) => e.key)).not.toContain('aircraft');
    const before = mapMomentAt(track, 'flight', CRASH_T - 60_000);
    expect(exportMoment(before, track)).toBe(before);
    expect(inLegend('aircraft', true, before, track.edges.length)).toBe(true);
    expect(inLegend('ahead', false, before, track.edges.length)).toBe(false);
  });

  it('lists "Not yet flown" only while some of the track is ahead: a minute before the crash, not at it', () => {
    useLocale('en', EN);
    const n = track.edges.length;
    const end = exportMoment(mapMomentAt(track, 'flight', CRASH_T), track);
    expect(inLegend('ahead', true, end, n)).toBe(false);
    expect(atCrash('16x9').entries.map((e) => e.key)).not.toContain('ahead');
    expect(inLegend('ahead', true, mapMomentAt(track, 'flight', CRASH_T - 60_000), n)).toBe(true);
    expect(inLegend('ahead', true, mapMomentAt(track, 'flight', Date.parse('2024-12-25T05:13:31Z')), n)).toBe(true);
    expect(inLegend('ahead', false, wholeRoute(track), n)).toBe(false);
  });
});
