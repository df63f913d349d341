import type { Status } from '../story/schema';
import { h } from './dom';
import { STATUS_HELP, STATUS_LABEL } from '../i18n/words';
import { msg } from '../i18n';

/** The status as a badge; `via` (how it reaches us, when not directly) follows it as plain words. */
export function statusBadge(status: Status, via?: string): HTMLElement | (HTMLElement | string)[] {
  const badge = h('span', { class: `badge badge-${status}`, title: STATUS_HELP[status] }, STATUS_LABEL[status]);
  return via ? [badge, ' ', h('span', { class: 'status-via small muted' }, msg('status.via', { via }))] : badge;
}
