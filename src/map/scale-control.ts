/**
 * The live map's scale bars, in km (m below 1 km) and in nautical miles, labelled from the catalogue as the
 * exports' bars are (`scale.km`, `scale.m`, `scale.nm`; ICU plural: "1 мор. миля", "2 мор. мили", "5 мор. миль").
 * MapLibre's own ScaleControl puts one unit word after every number ("1 мор. миль"), so it is not used. The lengths
 * are the exports' too (1, 2 or 5 × 10^k: src/export/core/scale.ts); the ground is measured as MapLibre measures
 * it: the distance across `maxWidth` pixels through the middle of the map. `liveScale` is pure.
 */
import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import { scaleBars, type ScaleBar } from '../export/core/scale';

export type ScaleUnit = 'metric' | 'nautical';

/** The bar for a map at `metresPerPx`, as long as it can be up to `maxPx`, labelled in the page's language. */
export function liveScale(unit: ScaleUnit, metresPerPx: number, maxPx: number): ScaleBar | null {
  if (!(metresPerPx > 0) || !(maxPx > 0) || !Number.isFinite(metresPerPx)) return null;
  const bars = scaleBars(metresPerPx, maxPx);
  return unit === 'metric' ? bars.metric : bars.nautical;
}

/**
 * A scale bar over the map (MapLibre's control classes, so it sits as MapLibre's did). The control's box holds its
 * label and, under it, the bar (`.scale-bar`, exactly the scale's length, at the box's right): the box is as wide as
 * the wider of the two, so a unit longer than its bar ("50 мор. миль", "50 теңіз милі") stays inside the box, on its
 * background, rather than running out over the map. The box's text is the label alone.
 */
export function scaleControl(unit: ScaleUnit, maxWidth = 90): IControl {
  let map: MapLibreMap | undefined;
  let el: HTMLElement | undefined;
  let label: HTMLElement | undefined;
  let line: HTMLElement | undefined;
  const update = () => {
    if (!map || !el || !label || !line) return;
    const { clientWidth: w, clientHeight: h } = map.getContainer();
    const left = map.unproject([w / 2 - maxWidth / 2, h / 2]);
    const right = map.unproject([w / 2 + maxWidth / 2, h / 2]);
    const bar = liveScale(unit, left.distanceTo(right) / maxWidth, Math.min(maxWidth, w));
    if (!bar) return; // as MapLibre's: the last bar stays
    line.style.width = `${bar.px}px`;
    if (label.textContent !== bar.label) label.textContent = bar.label;
  };
  return {
    onAdd(m) {
      map = m;
      el = document.createElement('div');
      el.className = 'maplibregl-ctrl maplibregl-ctrl-scale';
      el.dataset.unit = unit;
      label = document.createElement('span');
      label.className = 'scale-label';
      line = document.createElement('span');
      line.className = 'scale-bar';
      el.append(label, line);
      m.on('move', update);
      m.on('resize', update);
      update();
      return el;
    },
    onRemove() {
      map?.off('move', update);
      map?.off('resize', update);
      el?.remove();
      map = el = label = line = undefined;
    },
  };
}
