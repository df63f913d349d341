/**
 * The text alternative: every event as an HTML list (time, title, status, sources), readable without
 * WebGL and by screen readers, kept in step with the slider (aria-current marks the current event).
 */
import type { Source, StoryEvent } from '../story/schema';
import { day, eventTimeLabel, localTimes } from '../time/format';
import { fill, h } from './dom';
import { sourceList } from './sources';
import { statusBadge } from './status-badge';
import { msg } from '../i18n';

export function createEventList(root: HTMLElement, events: readonly StoryEvent[], source: (id: string) => Source | undefined, onShow?: (id: string) => void) {
  const items = new Map<string, HTMLElement>();
  const section = (chapter: 'flight' | 'aftermath', heading: string) =>
    h(
      'section',
      { class: 'event-list-chapter', 'aria-label': heading },
      h('h3', {}, heading),
      h(
        'ol',
        { class: 'event-list' },
        events
          .filter((e) => e.chapter === chapter)
          .map((e) => {
            const t = Date.parse(e.time);
            const when =
              chapter === 'flight'
                ? [
                    h('time', { datetime: e.time }, `${eventTimeLabel(t, e.precision)} UTC`),
                    e.precision === 'day' ? null : h('span', { class: 'muted small' }, ` (${localTimes(t, { offsets: false, sep: ', ' })})`),
                  ]
                : [h('time', { datetime: e.time.slice(0, 10) }, day(t))];
            const li = h(
              'li',
              { id: `ev-${e.id}`, 'data-event': e.id },
              h('p', { class: 'el-when' }, when, ' ', statusBadge(e.status, e.via)),
              h('p', { class: 'el-title' }, h('strong', {}, e.title)),
              h('p', { class: 'el-text' }, e.text),
              sourceList(e.sources, source),
              onShow
                ? h(
                    'button',
                    { type: 'button', class: 'linklike small', 'aria-label': msg('list.showLabel', { title: e.title }), onclick: () => onShow(e.id) },
                    msg('list.show'),
                  )
                : null,
            );
            items.set(e.id, li);
            return li;
          }),
      ),
    );
  fill(
    root,
    h('h2', { id: 'event-list-title' }, msg('list.title')),
    h('p', { class: 'muted' }, msg('list.note')),
    section('flight', msg('list.flight')),
    section('aftermath', msg('list.aftermath')),
  );
  let current: string[] = [];
  return {
    setCurrent(ids: string[]) {
      // Called at every slider step: touch the list (and restyle the page) only when the current events change.
      if (ids.length === current.length && ids.every((id, i) => id === current[i])) return;
      for (const id of current) items.get(id)?.removeAttribute('aria-current');
      for (const id of ids) items.get(id)?.setAttribute('aria-current', 'step');
      current = ids;
    },
  };
}
