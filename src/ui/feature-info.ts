/** What a clicked feature is: its name, status, why it is drawn where it is, and its sources. */
import type { Source } from '../story/schema';
import { h } from './dom';
import { sourceList } from './sources';
import { statusBadge } from './status-badge';
import { CERTAINTY_LABEL } from '../i18n/words';
import { day } from '../time/format';
import { utcDayStart } from '../geo/day';
import type { Certainty, Status } from '../story/schema';
import { msg } from '../i18n';

export interface FeatureProps {
  id: string;
  name: string;
  status: string;
  sources: string[];
  [k: string]: unknown;
}

export function featureInfo(p: FeatureProps, source: (id: string) => Source | undefined): HTMLElement {
  const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
  const certainty = str('certainty') as Certainty | undefined;
  return h(
    'div',
    { class: 'feature-info', 'data-feature': p.id },
    h('p', { class: 'fi-title' }, h('strong', {}, p.name)),
    h('p', {}, statusBadge(p.status as Status), certainty ? h('span', { class: 'muted small' }, ` ${CERTAINTY_LABEL[certainty]}`) : null),
    str('claimedBy') ? h('p', {}, h('span', { class: 'muted' }, `${msg('fi.claimedBy')} `), str('claimedBy')!) : null,
    str('firstReported') ? h('p', {}, h('span', { class: 'muted' }, `${msg('fi.firstPublished')} `), day(utcDayStart(str('firstReported')!))) : null,
    typeof p.altitudeM === 'number' ? h('p', {}, h('span', { class: 'muted' }, `${msg('fi.altitude')} `), msg('fi.metres', { m: p.altitudeM })) : null,
    str('role') ? h('p', {}, str('role')!) : null,
    str('basis') ? h('p', {}, str('basis')!) : null,
    str('note') ? h('p', { class: 'muted' }, str('note')!) : null,
    sourceList(p.sources, source),
  );
}
