/**
 * The phone's first screen: the title block, the map and the slider with its readout, without scrolling. On a
 * narrow screen the map's height (app.css, max-width 899px) is at most the screen less what stands above the map
 * (the title block and any notice) and what the timeline needs below it down to the slider's readout; these two
 * are measured here and given to the CSS as `--above-map` and `--to-slider` on the page's root (px). A longer title
 * or dek (Russian's standfirst is a line longer, Kazakh's headline two lines at 390 px, and the translation note
 * a line more) then takes room from the map, down to its floor (20rem: at 320 × 640 the first impact's three claims keep their names, and the slider is
 * then just below the fold), not the slider off the screen. Measured
 * again when the title block, the notices or the timeline's head change size (a notice shown, the note opened, the
 * screen turned); the readout's own height is left out, so a long event title under the slider never resizes the
 * map while the reader scrubs: the CSS keeps room for the readout's two lines at most (app.css, .map-wrap).
 */
import { PHONE_LAYOUT } from '../scene/camera';

export function fitFirstScreen(root: HTMLElement, parts: { above: readonly HTMLElement[]; mapWrap: HTMLElement; timeline: HTMLElement }): () => void {
  const slider = parts.timeline.querySelector<HTMLElement>('.slider');
  if (!slider || typeof ResizeObserver !== 'function') return () => {};
  // Only the phone's layout reads the two (app.css, max-width 899px): elsewhere nothing is measured, and the page's
  // start forces no layout before its map is made.
  const phone = window.matchMedia(PHONE_LAYOUT);
  let shown = '';
  const measure = () => {
    if (!phone.matches) return;
    const map = parts.mapWrap.getBoundingClientRect();
    const above = Math.round(map.top + window.scrollY);
    const toSlider = Math.round(slider.getBoundingClientRect().bottom - map.bottom);
    const now = `${above} ${toSlider}`;
    if (now === shown) return;
    shown = now;
    root.style.setProperty('--above-map', `${above}px`);
    root.style.setProperty('--to-slider', `${toSlider}px`);
  };
  measure(); // before the map is made, so that it starts at its height
  const head = parts.timeline.querySelector<HTMLElement>('.timeline-head');
  const ro = new ResizeObserver(measure);
  for (const el of [...parts.above, ...(head ? [head] : [])]) ro.observe(el);
  phone.addEventListener('change', measure);
  return () => {
    ro.disconnect();
    phone.removeEventListener('change', measure);
  };
}
