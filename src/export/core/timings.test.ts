import { describe, expect, it } from 'vitest';
import { stopwatch } from './timings';

describe('stopwatch', () => {
  it('records each lap as whole milliseconds since the previous one', () => {
    const ticks = [100, 112.4, 112.6, 150];
    const sw = stopwatch(() => ticks.shift() ?? 0);
    sw.lap('fonts');
    sw.lap('layout');
    sw.lap('map');
    expect(sw.timings).toEqual({ fonts: 12, layout: 0, map: 37 });
  });
});
