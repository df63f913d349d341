import type { Status } from '../data/schema';
import { h } from './dom';
import { STATUS_HELP, STATUS_LABEL } from './labels';

export function statusBadge(status: Status): HTMLElement {
  return h('span', { class: `badge badge-${status}`, title: STATUS_HELP[status] }, STATUS_LABEL[status]);
}
