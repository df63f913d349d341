import type { Status } from '../story/schema';
import { h } from './dom';
import { STATUS_HELP, STATUS_LABEL } from '../story/words';

export function statusBadge(status: Status): HTMLElement {
  return h('span', { class: `badge badge-${status}`, title: STATUS_HELP[status] }, STATUS_LABEL[status]);
}
