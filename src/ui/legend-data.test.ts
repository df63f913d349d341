import { describe, expect, it } from 'vitest';
import { inLegend, legendEntries, legendNote, MOMENT_ONLY_KEYS } from './legend-data';
import { storyClock } from '../story/content';
import { story } from '../export/core/story.fixture';
import { DARK, LIGHT, DASH } from '../theme/palette';

describe('legend data', () => {
  it('has one item per map style, with swatches in their box and the palette’s colours', () => {
    for (const c of [LIGHT, DARK]) {
      const items = legendEntries(c, storyClock(story));
      expect(items.map((i) => i.key)).toEqual(['planned', 'approximate', 'reconstructed', 'ahead', 'aircraft', 'area', 'outer', 'claim', 'airport', 'crash']);
      for (const k of MOMENT_ONLY_KEYS) expect(items.some((i) => i.key === k)).toBe(true);
      const byKey = Object.fromEntries(items.map((i) => [i.key, i]));
      expect(byKey.planned!.shapes[0]).toMatchObject({ type: 'line', stroke: c.planned, dash: DASH.planned.map((d) => d * 2.5) });
      expect(byKey.approximate!.shapes[0]).not.toHaveProperty('dash');
      expect(byKey.reconstructed!.shapes[0]).toMatchObject({ stroke: c.track, cap: 'round' });
      expect(byKey.crash!.shapes.at(-1)).toMatchObject({ stroke: c.crash });
      for (const i of items)
        for (const s of i.shapes) {
          if (s.type === 'line') expect(Math.max(s.x1, s.x2)).toBeLessThanOrEqual(i.w);
          if (s.type === 'circle') expect(s.cy + s.r).toBeLessThanOrEqual(i.h);
        }
    }
  });
  it('on the live map, names the aircraft and "not yet flown" only while the map draws them', () => {
    const flying = { aircraft: {}, flownEdges: 2 };
    expect(MOMENT_ONLY_KEYS.map((k) => inLegend(k, true, flying, 6))).toEqual([true, true]);
    // at the crash: the aircraft is drawn, every edge flown
    expect(MOMENT_ONLY_KEYS.map((k) => inLegend(k, true, { aircraft: {}, flownEdges: 6 }, 6))).toEqual([false, true]);
    // the year after: neither
    expect(MOMENT_ONLY_KEYS.map((k) => inLegend(k, false, { aircraft: null, flownEdges: 6 }, 6))).toEqual([false, false]);
    expect(inLegend('planned', false, { aircraft: null, flownEdges: 6 }, 6)).toBe(true);
  });
  it("names the story's times from the data: the crash and the reconstruction's start", () => {
    const times = storyClock(story);
    expect(legendEntries(LIGHT, times).find((i) => i.key === 'crash')!.label).toBe('Crash site, 06:28 UTC');
    expect(legendNote(times)).toContain('between 04:25 and 06:28 UTC');
    const later = { reconstructedFrom: times.reconstructedFrom! + 60_000, crash: times.crash + 120_000 };
    expect(legendEntries(LIGHT, later).find((i) => i.key === 'crash')!.label).toBe('Crash site, 06:30 UTC');
    expect(legendNote(later)).toContain('between 04:26 and 06:30 UTC');
  });
});
