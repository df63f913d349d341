import { describe, expect, it } from 'vitest';
import { layers, track } from '../export/core/story.fixture';
import { buildScene, type Scene, storyLines } from '../scene/scene';
import { AIRCRAFT_ICON, NAMES, nameBaseSize, nameSize, SYMBOLOGY } from '../theme/symbology';
import { CROSS, iconBox } from './label-layout';
import { aircraftBox, layoutSceneLabels, nameForms, type Project } from './scene-labels';

const view = { width: 800, height: 600 };
/** A plain projection: 100 px a degree around 47° E 42° N, the view's centre. */
const project: Project = ([lng, lat]) => ({ x: 400 + (lng - 47) * 100, y: 300 - (lat - 42) * 100 });
/** Every form 60 × 14 px at its kind's base size. */
const sizes = (scene: Scene) => (i: number) => nameForms(scene.names[i]!).map(() => ({ width: 60, height: 14 }));

function laidOut(scene: Scene, zoom: number, more: Partial<Parameters<typeof layoutSceneLabels>[0]> = {}) {
  return layoutSceneLabels({
    names: scene.names,
    features: scene.features,
    lines: storyLines(scene),
    aircraft: scene.aircraft,
    zoom,
    project,
    sizes: sizes(scene),
    view,
    covers: [],
    ...more,
  });
}

const during = () => buildScene({ layers, track }, { kind: 'moment', chapter: 'flight', t: Date.parse('2024-12-25T05:13:31Z') });

describe('the scene’s names laid out for a view (the live map’s and the poster’s)', () => {
  it('lays out only the names shown and in their zoom band, scaled to their size at the zoom', () => {
    const scene = during();
    for (const zoom of [5, 6.5, 8]) {
      const { names } = laidOut(scene, zoom);
      const expected = scene.names.filter((n) => n.shown && (n.minZoom ?? -Infinity) <= zoom && zoom < (n.maxZoom ?? Infinity));
      expect([...names.keys()].sort()).toEqual(expected.map((n) => n.id).sort());
      for (const n of expected) {
        const got = names.get(n.id)!;
        expect(got.size).toBeCloseTo(nameSize(NAMES[n.kind], zoom), 6);
        expect(got.scale).toBeCloseTo(got.size / nameBaseSize(NAMES[n.kind]), 6);
        for (const f of got.forms) expect(f).toEqual({ width: 60 * got.scale, height: 14 * got.scale });
      }
    }
  });

  it('follows the shown list it is given (the live map’s), not the scene’s', () => {
    const scene = during();
    const none = scene.names.map(() => false);
    expect(laidOut(scene, 6.5, { shown: none }).layout.placed).toEqual([]);
    expect(laidOut(scene, 6.5).layout.placed.length).toBeGreaterThan(0);
  });

  it('keeps every other name off the crash ✕ and the airports’ rings', () => {
    const scene = during();
    const marks = scene.features.filter((f) => (f.role === 'crash' || f.role === 'airport') && f.geometry.type === 'Point');
    expect(marks.length).toBeGreaterThan(1);
    // The story's places drawn close together (4 px a degree: Aktau's ring 4 px from the crash ✕): each name must
    // stand past the others' marks, and still find a place.
    const near: Project = ([lng, lat]) => ({ x: 400 + (lng - 47) * 4, y: 300 - (lat - 42) * 4 });
    const { layout } = laidOut(scene, 6.5, { project: near });
    expect(layout.placed.length).toBeGreaterThan(1);
    for (const f of marks) {
      const p = near((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      const half = f.role === 'crash' ? CROSS / 2 : SYMBOLOGY.airport.radius + SYMBOLOGY.airport.strokeWidth;
      const owner = scene.names.find((n) => n.feature === f.id)?.id;
      for (const [i, b] of layout.boxes.entries()) {
        if (layout.placed[i]!.id === owner) continue;
        const over = b.x < p.x + half && p.x - half < b.x + b.width && b.y < p.y + half && p.y - half < b.y + b.height;
        expect(over, `${layout.placed[i]!.id} over ${f.id}`).toBe(false);
      }
    }
  });

  it('turns the aircraft’s box by its bearing less the map’s', () => {
    const scene = during();
    const a = scene.aircraft!;
    const p = project(a.at);
    expect(aircraftBox(a, project)).toEqual(iconBox(AIRCRAFT_ICON, p.x, p.y, a.bearing));
    expect(aircraftBox(a, project, 30)).toEqual(iconBox(AIRCRAFT_ICON, p.x, p.y, a.bearing - 30));
    expect(aircraftBox(null, project)).toBeNull();
  });

  it('gives a name its text then its shorter form, never the exports’ last resort', () => {
    expect(nameForms({ text: 'A\nB', short: 'A' })).toEqual(['A\nB', 'A']);
    expect(nameForms({ text: 'A', short: 'A' })).toEqual(['A']);
    expect(nameForms({ text: 'A' })).toEqual(['A']);
    const claims = during().names.filter((n) => n.kind === 'claim' && n.bare && n.bare !== n.short && n.bare !== n.text);
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) expect(nameForms(c)).not.toContain(c.bare);
  });
});
