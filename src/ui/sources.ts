/** The list of sources behind an item, as links. */
import type { Source } from '../data/schema';
import { extLink, h } from './dom';

export type SourceLookup = (id: string) => Source | undefined;

export function sourceList(ids: readonly string[], lookup: SourceLookup, label = 'Sources'): HTMLElement {
  return h(
    'div',
    { class: 'sources' },
    h('span', { class: 'sources-label' }, `${label}:`),
    ' ',
    h(
      'ul',
      { class: 'sources-list' },
      ids.map((id) => {
        const s = lookup(id);
        return h('li', {}, s ? extLink(s.url, s.outlet) : id, s ? h('span', { class: 'source-title' }, ` — ${s.title}`) : null);
      }),
    ),
  );
}
