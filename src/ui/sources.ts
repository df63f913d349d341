/** The list of sources behind an item, as links. */
import type { Source } from '../story/schema';
import { outletName } from '../story/outlet';
import { extLink, h } from './dom';
import { msg } from '../i18n';

export type SourceLookup = (id: string) => Source | undefined;

export function sourceList(ids: readonly string[], lookup: SourceLookup, label = msg('sources.label')): HTMLElement {
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
        // A text whose outlet was not recorded is said to be one in the reader's language.
        const outlet = s?.unattributed ? msg('source.unattributed') : s?.outlet;
        // A source kept without its address (the seeds) is named, with where its text is kept, but not linked.
        const link = s ? (s.url ? extLink(s.url, outlet!) : h('span', { class: 'source-unlinked' }, outlet!)) : null;
        link?.setAttribute('title', s!.note ? `${s!.title}. ${s!.note}` : s!.title);
        // A republished text: the outlet's name, then that it is a copy, in the reader's language (not in its name).
        const word = msg('source.republished');
        link?.setAttribute('aria-label', `${outletName({ ...s!, outlet: outlet! }, word)}: ${s!.title}`);
        return h('li', {}, link ?? id, s?.republished ? h('span', { class: 'source-republished' }, ` (${word})`) : null);
      }),
    ),
  );
}
