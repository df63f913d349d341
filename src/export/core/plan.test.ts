import { describe, expect, it } from 'vitest';
import { planExport, mapViews } from './plan';
import { resolveRequest } from './request';
import { story, timelines, track } from './story.fixture';
import { projectOnMap } from './camera';
import { exportFrame } from './frame';
import { ExportError } from './errors';
import type { Measure } from './layout';
import { storyFrames } from '../../scene/camera';

const measure: Measure = (text, weight, size) => [...text].length * size * (weight >= 600 ? 0.58 : 0.53);
const plan = (request: unknown) => {
  const r = resolveRequest(request, { timelines });
  if (!r.ok) throw new Error(r.error);
  return planExport({ story, track }, r.value, measure);
};

describe('the export plan: one for the PNG, the SVG and the PDF', () => {
  it('the whole route: no aircraft (in the map or the legend), both insets, the route in the map clear of them', () => {
    const p = plan({ preset: '16x9', moment: 'route' });
    expect(p.moment.aircraft).toBeNull();
    expect(p.scene.aircraft).toBeNull();
    expect(p.legend.map((e) => e.key)).not.toContain('aircraft');
    expect(p.legend.map((e) => e.key)).not.toContain('ahead');
    expect(p.insets.map((v) => v.kind)).toEqual(['locator', 'detail']);
    // Every corner of the story's frame lands in the map's room, left of the insets' column.
    const [w, s, e, n] = exportFrame(p.layers, p.moment);
    const column = Math.min(...p.slots.slots.map((x) => x.box.x));
    for (const c of [
      [w, s],
      [e, n],
    ] as [number, number][]) {
      const { x, y } = projectOnMap(c, p.camera, p.layout.map.w, p.layout.map.h, p.layout.unit);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x + p.layout.map.x).toBeLessThan(column);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(p.layout.map.h);
    }
    expect(p.bars.metric.px).toBeGreaterThan(0);
    expect(p.bars.metric.px).toBeLessThanOrEqual(p.layout.scale.maxBar);
  });

  it('a moment of the flight: the aircraft is drawn and explained, the route ahead too', () => {
    const p = plan({ preset: '1x1', moment: { t: '2024-12-25T05:42:40Z' } });
    expect(p.scene.aircraft).not.toBeNull();
    expect(p.legend.map((e) => e.key)).toEqual(expect.arrayContaining(['aircraft', 'ahead']));
    expect(p.subtitle).toMatch(/05:42/);
  });

  it('at the crash the aircraft is left out (the ✕ marks where it came down)', () => {
    const p = plan({ preset: '16x9', moment: { event: 'crash' } });
    expect(p.moment.aircraft).toBeNull();
    expect(p.moment.flownEdges).toBe(track.edges.length);
  });

  it('without insets, the map keeps its whole room and no inset is planned', () => {
    const p = plan({ preset: '16x9', inset: false });
    expect(p.insets).toEqual([]);
    expect(p.slots.slots).toEqual([]);
    expect(p.slots.mapPadding).toEqual(p.layout.mapPadding);
  });

  it('mapViews without a strike frame: the camera, no insets', () => {
    const p = plan({ preset: '16x9' });
    const v = mapViews(p.layout, true, p.layers, p.moment, undefined);
    expect(v.insets).toEqual([]);
    expect(v.camera).toEqual(p.camera);
    expect(mapViews(p.layout, true, p.layers, p.moment, storyFrames(story).get('strike-area')).insets).toEqual(p.insets);
  });

  it('a picture that leaves the map no room is refused with the reason; without the legend it has room', () => {
    expect(() => plan({ width: 400, height: 400 })).toThrow(ExportError);
    expect(() => plan({ width: 400, height: 400 })).toThrow(/leave the map 0 px tall/);
    expect(plan({ width: 400, height: 400, legend: false }).layout.map.h).toBeGreaterThan(120);
  });
});
