import { describe, expect, it } from 'vitest';
import { POPUP_EDGE, POPUP_MAX_WIDTH, popupFit } from './popup-fit';

describe('popupFit', () => {
  it('lets a popup be as wide as a paragraph on a wide map', () => {
    expect(popupFit({ width: 1056, height: 594 }, { x: 500, y: 300 }).maxWidth).toBe(POPUP_MAX_WIDTH);
  });
  it('on a phone, no wider than the room beside its point on the side with more of it', () => {
    // The crash site on a 390 px map, 109 px from its left edge: 281 px to the right, less the tip and the edge.
    expect(popupFit({ width: 390, height: 400 }, { x: 109, y: 200 }).maxWidth).toBe(390 - 109 - 11 - POPUP_EDGE);
    expect(popupFit({ width: 390, height: 400 }, { x: 195, y: 200 }).maxWidth).toBe(195 - 11 - POPUP_EDGE);
  });
  it('caps its height at the room on the side with more of it (where MapLibre then puts it)', () => {
    // A point near the bottom: the room above it, less the tip, the edge and the popup's padding.
    expect(popupFit({ width: 390, height: 400 }, { x: 195, y: 350 }).maxHeight).toBe(350 - 11 - POPUP_EDGE - 24);
    // Near the top: the room below.
    expect(popupFit({ width: 390, height: 400 }, { x: 195, y: 40 }).maxHeight).toBe(360 - 11 - POPUP_EDGE - 24);
  });
  it('fits in the map on those sides, tip and edge included', () => {
    for (const view of [
      { width: 390, height: 280 },
      { width: 1056, height: 594 },
    ])
      for (let x = 0; x <= view.width; x += 13)
        for (let y = 0; y <= view.height; y += 11) {
          const f = popupFit(view, { x, y });
          const across = Math.max(x, view.width - x),
            down = Math.max(y, view.height - y);
          if (across >= 160 + 23) expect(f.maxWidth + 11 + POPUP_EDGE).toBeLessThanOrEqual(across);
          if (down >= 96 + 47) expect(f.maxHeight + 24 + 11 + POPUP_EDGE).toBeLessThanOrEqual(down);
        }
  });
  it('keeps a usable size on a tiny map', () => {
    expect(popupFit({ width: 100, height: 80 }, { x: 50, y: 40 })).toEqual({ maxWidth: 160, maxHeight: 96 });
  });
});
