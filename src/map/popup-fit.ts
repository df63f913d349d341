/**
 * How large a feature's popup may be so that it stays inside the map (pure: sizes in, sizes out). MapLibre places
 * a popup by its size (Popup `_update`): above its point when there is room, else below; centred on it, else to
 * the side with room. Capped at the room on the side with more of it, across and down, the popup fits wherever
 * MapLibre then puts it (given `POPUP_EDGE` as its padding), and a long text scrolls inside it.
 */

/** The popup's widest, CSS px: the width of a short paragraph (MapLibre's default is 240). */
export const POPUP_MAX_WIDTH = 320;
/** Space kept between the popup and the map's edges, CSS px (MapLibre's Popup `padding`). */
export const POPUP_EDGE = 12;
/** Its tip (10) and a pixel to spare; its own padding (2 × 0.7 rem, 2 × 0.8 rem and the close button's room). */
const TIP = 11;
const PADDING_Y = 24;
/** Never smaller than this, CSS px (a map this small shows little else anyway). */
const MIN_WIDTH = 160;
const MIN_HEIGHT = 96;

export interface PopupFit {
  /** The popup's widest, CSS px. */
  maxWidth: number;
  /** Its body's tallest (the content, inside the popup's padding), CSS px. */
  maxHeight: number;
}

/** The popup's limits on a map of `view`, opened at the point `at` (CSS px from the map's top left corner). */
export function popupFit(view: { width: number; height: number }, at: { x: number; y: number }): PopupFit {
  const across = Math.max(at.x, view.width - at.x) - TIP - POPUP_EDGE;
  const down = Math.max(at.y, view.height - at.y) - TIP - POPUP_EDGE;
  return {
    maxWidth: Math.max(MIN_WIDTH, Math.floor(Math.min(POPUP_MAX_WIDTH, view.width - 2 * POPUP_EDGE, across))),
    maxHeight: Math.max(MIN_HEIGHT, Math.floor(down - PADDING_Y)),
  };
}
