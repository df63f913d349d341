/**
 * "Follow the story": over the map once the reader has moved it (the camera is then theirs and stays put); a
 * press gives the camera back to the story. It is in the page only while it is offered (added and removed, so the
 * map's names make room for it: map/labels.ts watches what covers the map).
 */
import '../styles/tool-button.css';
import { h } from './dom';
import { msg } from '../i18n';

export function createFollowButton(wrap: HTMLElement, onFollow: () => void) {
  const el = h('button', { type: 'button', class: 'tool-button follow-story', id: 'follow-story', 'data-map-obstacle': true }, msg('map.followStory'));
  el.addEventListener('click', () => {
    const hadFocus = document.activeElement === el;
    onFollow();
    // The button goes away: focus goes to the map, not to the page's start.
    if (hadFocus) wrap.querySelector<HTMLElement>('.maplibregl-canvas')?.focus({ preventScroll: true });
  });
  return {
    el,
    /** Offered or not. */
    show(offered: boolean) {
      if (offered && !el.isConnected) wrap.append(el);
      else if (!offered && el.isConnected) el.remove();
    },
  };
}
