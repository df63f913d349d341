import { describe, expect, it } from 'vitest';
import { legendEntries, MOMENT_ONLY_KEYS } from './legend-data';
import { DARK, LIGHT, DASH } from '../theme/palette';

describe('legend data', () => {
  it('has one item per map style, with swatches in their box and the palette’s colours', () => {
    for (const c of [LIGHT, DARK]) {
      const items = legendEntries(c);
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
});
