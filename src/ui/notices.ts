/** Polite, visible notes (a value in the URL that was ignored, a map that could not start). Text only. */
import { h } from './dom';
import { msg } from '../i18n';

export type NoticeKind = 'info' | 'warning' | 'error';

export function createNotices(root: HTMLElement) {
  root.setAttribute('role', 'status');
  root.setAttribute('aria-live', 'polite');
  const byKey = new Map<string, HTMLElement>();
  return {
    add(text: string, kind: NoticeKind = 'info', key?: string) {
      if (key && byKey.has(key)) return;
      const item = h(
        'p',
        { class: `notice notice-${kind}` },
        h('span', {}, text),
        ' ',
        h('button', { type: 'button', class: 'notice-close', 'aria-label': msg('notice.dismiss'), onclick: () => item.remove() }, '×'),
      );
      if (key) byKey.set(key, item);
      root.append(item);
    },
    remove(key: string) {
      byKey.get(key)?.remove();
      byKey.delete(key);
    },
  };
}
