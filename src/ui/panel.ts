/**
 * The event panel: the current moment in UTC and local times, the current event(s) with status and
 * sources, where the aircraft is taken to be and how sure that is, and contested accounts side by side.
 * In the aftermath chapter: what was claimed as of the date.
 */
import type { Account, Dispute, Source, StoryEvent } from '../story/schema';
import type { Stop } from '../time/timeline';
import type { TrackPosition } from '../track/interpolate';
import { clock, day, eventTimeLabel, localTimes } from '../time/format';
import { utcDayStart } from '../geo/day';
import { fill, h } from './dom';
import { CERTAINTY_LABEL, eventLine } from '../i18n/words';
import { sourceList } from './sources';
import { statusBadge } from './status-badge';
import { msg } from '../i18n';

export interface PanelView {
  chapter: 'flight' | 'aftermath';
  t: number;
  current: Stop[];
  next: Stop | undefined;
  position: TrackPosition | null;
}

export interface PanelDeps {
  source: (id: string) => Source | undefined;
  dispute: (id: string) => Dispute | undefined;
  disputes: readonly Dispute[];
  /** Leg names by index, for the position caption. */
  legName: (leg: number) => string;
  onSeekEvent: (id: string) => void;
  /** The name of a story feature, for an event's "show on the map" button; undefined hides the button. */
  placeName?: (id: string) => string | undefined;
  onFocusPlace?: (id: string) => void;
  /** The key questions followed through the aftermath chapter (geo/content.json → followedDisputes). */
  followed: readonly string[];
  /** The crash day's UTC midnight (story/content.ts, crashDay): the aftermath counts days from it. */
  crashDay: number;
}

export function createPanel(root: HTMLElement, deps: PanelDeps) {
  const clockEl = h('p', { class: 'panel-clock' });
  const localEl = h('p', { class: 'panel-local' });
  const positionEl = h('p', { class: 'panel-position' });
  const body = h('div', { class: 'panel-body' });
  // Screen readers hear the event when it changes, not the clock ticking during playback.
  const announce = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  // The region's name in the page's language (index.html's is English, for the page before the script).
  root.setAttribute('aria-label', msg('panel.label'));
  fill(root, h('div', { class: 'panel-time' }, clockEl, localEl), positionEl, body, announce);
  let lastKey = '';

  function accountCard(a: Account, isNew: boolean): HTMLElement {
    return h(
      'li',
      { class: `account${isNew ? ' account-new' : ''}` },
      h(
        'p',
        { class: 'account-who' },
        h('strong', {}, a.who),
        ' ',
        h('span', { class: 'account-date', title: a.undated }, a.date ? day(utcDayStart(a.date)) : msg('panel.dateUnknown')),
        isNew ? h('span', { class: 'new-tag' }, msg('panel.new')) : null,
      ),
      h('p', { class: 'account-said' }, a.said),
      h('div', { class: 'account-meta' }, statusBadge(a.status), sourceList(a.sources, deps.source)),
    );
  }

  function disputeBlock(d: Dispute, asOf?: number): HTMLElement {
    // Accounts whose date the sources do not give are shown at every date, last, marked "date not known".
    const dated = (a: Account) => (a.date === undefined ? undefined : utcDayStart(a.date));
    const accounts = asOf === undefined ? d.accounts : d.accounts.filter((a) => (dated(a) ?? -Infinity) <= asOf);
    const undated = accounts.filter((a) => a.date === undefined);
    const dayStart = asOf;
    return h(
      'section',
      { class: 'dispute', 'aria-label': msg('panel.contestedLabel', { question: d.question }) },
      h('h3', { class: 'dispute-q' }, h('span', { class: 'contested-tag' }, msg('panel.contested')), ' ', d.question),
      accounts.length
        ? h(
            'ul',
            { class: 'accounts' },
            // As of a date, the newest account first: that is where the story moved.
            (asOf === undefined ? accounts : [...accounts.filter((a) => a.date !== undefined).reverse(), ...undated]).map((a) =>
              accountCard(a, dayStart !== undefined && dated(a) === dayStart),
            ),
          )
        : h('p', { class: 'muted' }, msg('panel.nobodyYet')),
      asOf !== undefined && accounts.length < d.accounts.length
        ? h('p', { class: 'muted small' }, msg('panel.laterAccounts', { count: d.accounts.length - accounts.length }))
        : null,
    );
  }

  function eventBlock(e: StoryEvent, withDisputes: boolean): HTMLElement {
    const t = Date.parse(e.time);
    return h(
      'article',
      { class: 'event', 'data-event': e.id },
      h('p', { class: 'event-when' }, e.chapter === 'flight' ? `${eventTimeLabel(t, e.precision)} UTC` : day(t), ' ', statusBadge(e.status, e.via)),
      h('h2', { class: 'event-title' }, e.title),
      h('p', { class: 'event-text' }, e.text),
      e.place && deps.onFocusPlace && deps.placeName?.(e.place)
        ? h(
            'p',
            { class: 'event-place' },
            h(
              'button',
              { type: 'button', class: 'linklike small', onclick: () => deps.onFocusPlace!(e.place!) },
              msg('panel.zoomTo', { place: deps.placeName(e.place) ?? '' }),
            ),
          )
        : null,
      sourceList(e.sources, deps.source),
      withDisputes
        ? (e.disputes ?? [])
            .map((id) => deps.dispute(id))
            .filter((d): d is Dispute => !!d)
            .map((d) => disputeBlock(d))
        : null,
    );
  }

  function renderBody(v: PanelView) {
    const parts: (HTMLElement | null)[] = [];
    if (!v.current.length) {
      parts.push(h('p', { class: 'muted' }, v.chapter === 'flight' ? msg('panel.beforeTakeoff') : msg('panel.beforeFirstReport')));
    } else if (v.chapter === 'flight') {
      for (const s of v.current) parts.push(eventBlock(s.event, true));
    } else {
      parts.push(h('h2', { class: 'asof' }, msg('panel.reportedOn', { date: day(v.current[0]!.time) })));
      for (const s of v.current) parts.push(eventBlock(s.event, false));
      parts.push(h('h2', { class: 'asof' }, msg('panel.accountAsOf', { date: day(v.current[0]!.time) })));
      for (const id of deps.followed) {
        const d = deps.dispute(id);
        if (d) parts.push(disputeBlock(d, v.current[0]!.time));
      }
    }
    if (v.next) {
      const n = v.next;
      parts.push(
        h(
          'p',
          { class: 'panel-next' },
          msg('panel.next'),
          ' ',
          h('button', { type: 'button', class: 'linklike', onclick: () => deps.onSeekEvent(n.id) }, n.event.title),
          ` (${v.chapter === 'flight' ? eventTimeLabel(n.time, n.event.precision) + ' UTC' : day(n.time)})`,
        ),
      );
    }
    fill(body, parts);
  }

  return {
    update(v: PanelView) {
      if (v.chapter === 'flight') {
        clockEl.textContent = `${clock(v.t)} UTC · ${day(v.t)}`;
        localEl.textContent = localTimes(v.t);
      } else {
        clockEl.textContent = day(v.t);
        const days = Math.floor((v.t - deps.crashDay) / 86_400_000);
        localEl.textContent = days <= 0 ? msg('panel.crashDay') : msg('panel.daysAfter', { days });
      }
      const p = v.position;
      positionEl.hidden = !p;
      if (p) {
        const km = Math.round(p.uncertaintyKm);
        positionEl.textContent =
          km === 0
            ? msg('panel.position', { leg: deps.legName(p.leg), certainty: CERTAINTY_LABEL[p.certainty] })
            : msg('panel.positionEstimated', { km, leg: deps.legName(p.leg), certainty: CERTAINTY_LABEL[p.certainty] });
      }
      const key = `${v.chapter}|${v.current.map((s) => s.id).join(',')}|${v.next?.id ?? ''}`;
      if (key !== lastKey) {
        lastKey = key;
        // The body is built anew: a control in it that held the focus ("Next: …" pressed, a source link while
        // playing) is gone, and the focus would fall to the page's start. It goes to the new "Next: …" when that
        // was pressed (Enter again steps on), else to the panel.
        const active = root.ownerDocument.activeElement;
        const lost = active && body.contains(active) ? active : null;
        renderBody(v);
        if (lost && !lost.isConnected) {
          const next = lost.closest('.panel-next') ? body.querySelector<HTMLElement>('.panel-next button') : null;
          if (next) next.focus();
          else {
            root.tabIndex = -1;
            root.focus();
          }
        }
        const first = v.current[0];
        announce.textContent = first
          ? `${v.chapter === 'flight' ? `${eventTimeLabel(first.time, first.event.precision)} UTC` : day(first.time)}: ${v.current.map((c) => eventLine(c.event)).join('; ')}`
          : '';
      }
    },
  };
}
