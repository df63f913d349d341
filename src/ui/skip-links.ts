/**
 * Skip links (index.html, first in the tab order): "Skip to the timeline" takes a keyboard reader past the title
 * block's buttons, the map's controls and every source link in the panel (some 50 stops) straight to the slider.
 * Each link names its target by its href (`#time-slider`); it is shown once that target is on the page and not
 * hidden (`controls=0`: no link), and moves the focus there. `static` shows no timeline (its CSS hides it, and not
 * by `hidden`): the caller says so with `timeline: false`, and no link is shown. No script: the link stays hidden,
 * as there is no slider.
 */
export function wireSkipLinks(doc: Document, { scroll, timeline = true }: { scroll: boolean; timeline?: boolean }): void {
  if (!timeline) return; // `static`: a picture and the event list, no slider to skip to
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('a.skip-link')) {
    const target = doc.getElementById(a.hash.slice(1));
    if (!target || target.closest('[hidden]')) continue;
    a.hidden = false;
    a.addEventListener('click', (e) => {
      e.preventDefault(); // no #fragment in the URL the page keeps in step with the moment
      // An embed never scrolls its host page; the full page brings the slider into view.
      target.focus({ preventScroll: !scroll });
    });
  }
}
