/**
 * The timeline control: chapter switch, a native range slider (role=slider, touch and keyboard for
 * free) with a mark at every event, play/pause with speeds, previous/next event and start/end.
 * It only reports intents; the app owns the moment. Dragging the thumb (mouse) or the track (touch, pen) reports
 * `drag` seeks and then one `release` when the reader lets go; buttons and keys report plain seeks (steps).
 * A readout under the slider shows the moment (its time, and the event exactly at it) while it is dragged or played.
 */
import type { Chapter } from '../story/schema';
import type { ChapterTimeline, Timelines } from '../time/timeline';
import { askedFirst, nextStop, prevStop, stopsAt } from '../time/timeline';
import { scaleFor } from '../time/scale';
import { SPEEDS } from '../time/player';
import { clock, day } from '../time/format';
import { clamp } from '../geo/num';
import { h, icon } from './dom';
import { msg } from '../i18n';
import { eventLine } from '../i18n/words';
import { statusBadge } from './status-badge';

const ICONS = {
  play: 'M8 5v14l11-7z',
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  prev: 'M6 6h2v12H6zM9.5 12l8.5 6V6z',
  next: 'M16 6h2v12h-2zM6 18l8.5-6L6 6z',
  start: 'M4 5h2v14H4zM20 5v14l-7-7zM13 5v14l-7-7z',
  end: 'M18 5h2v14h-2zM4 5v14l7-7zM11 5v14l7-7z',
};

export interface TimelineIntents {
  seek(t: number, chapter?: Chapter): void;
  /** A seek while the reader holds the slider (each move of a drag, or the tap that starts one). */
  drag(t: number): void;
  /** The reader let go of the slider. */
  release(): void;
  setChapter(c: Chapter): void;
  togglePlay(): void;
  setSpeed(id: string): void;
}

/**
 * A moment in words: its time ("05:13:31 UTC" in the flight, the date in the year after) and the event exactly at it
 * (its title, a claim saying it is one: `eventLine`; and its id in `stop`), if any.
 */
export function momentWords(
  tl: ChapterTimeline,
  t: number,
  /** The event asked for, where several share the instant: it is the one named. */
  asked?: string,
): { when: string; event: string; title: string; claim: boolean; stop: string | undefined } {
  const cur = askedFirst(stopsAt(tl, t), asked)[0];
  return {
    when: tl.chapter === 'flight' ? `${clock(t)} UTC` : day(t),
    event: cur ? eventLine(cur.event) : '',
    title: cur?.event.title ?? '',
    claim: cur?.event.status === 'claim',
    stop: cur?.id,
  };
}

/**
 * The moment beside a dialog's option ("— 05:15:57 UTC, Crew reports … (claim, unverified)"): after a dash, not in
 * brackets, so a claim's line keeps one pair, its own.
 */
export function momentAside(tl: ChapterTimeline, t: number): string {
  return `— ${valueText(tl, t)}`;
}

/** The slider's value text: "05:13:31 UTC, First impact near Grozny". */
const spoken = ({ when, event }: { when: string; event: string }) => (event ? `${when}, ${event}` : when);

export function valueText(tl: ChapterTimeline, t: number): string {
  return spoken(momentWords(tl, t));
}

export function createTimelineControl(root: HTMLElement, tls: Timelines, intents: TimelineIntents, opts: { compact?: boolean } = {}) {
  let tl = tls.flight;
  let scale = scaleFor(tl);
  let t = tl.start;

  const tabs = (['flight', 'aftermath'] as const).map((c) =>
    h(
      'button',
      { type: 'button', class: 'chapter-tab', 'data-chapter': c, onclick: () => intents.setChapter(c) },
      c === 'flight' ? msg('tl.flight') : msg('tl.aftermath'),
    ),
  );
  const tabList = h('div', { class: 'chapter-tabs', role: 'group', 'aria-label': msg('tl.chapter') }, tabs);

  const input = h('input', { type: 'range', class: 'slider', id: 'time-slider', 'aria-label': msg('tl.time') });
  const marks = h('div', { class: 'marks', 'aria-hidden': 'true' });
  // The slider's first and last times (ticks at its ends) and the live readout of the moment (the time, and the
  // event when the moment is exactly at one), so a reader sees where the thumb is while dragging even when the panel
  // is below the fold (phones). Under the slider, between the ticks (app.css). Not a live region: the slider's value
  // text and the panel's announcer already speak the moment.
  const tickStart = h('span', { class: 'tick tick-start', 'aria-hidden': 'true' });
  const tickEnd = h('span', { class: 'tick tick-end', 'aria-hidden': 'true' });
  // A claim's badge comes before its title, as in the panel: a title cut short to fit (one line beside the panel, two
  // on a phone) still shows it is a claim, where "(claim, unverified)" at its end was cut first.
  const readWhen = h('span', { class: 'readout-when' });
  const readClaim = h('span', { class: 'readout-claim', hidden: true }, statusBadge('claim'));
  const readEvent = h('span', { class: 'readout-event' });
  const readout = h('span', { class: 'readout', id: 'time-readout', 'aria-hidden': 'true' }, readWhen, readClaim, readEvent);
  const btn = (label: string, cls: string, onclick: () => void, path: string) =>
    h('button', { type: 'button', class: `ctl ${cls}`, 'aria-label': label, title: label, onclick }, icon(path));
  const toStart = btn(msg('tl.start'), 'ctl-start', () => intents.seek(tl.start), ICONS.start);
  const prev = btn(msg('tl.prev'), 'ctl-prev', () => seekPrev(), ICONS.prev);
  const play = btn(msg('tl.play'), 'ctl-play', () => intents.togglePlay(), ICONS.play);
  const next = btn(msg('tl.next'), 'ctl-next', () => seekNext(), ICONS.next);
  const toEnd = btn(msg('tl.end'), 'ctl-end', () => intents.seek(tl.end), ICONS.end);
  const speed = h('select', { class: 'speed', 'aria-label': msg('tl.speed'), onchange: () => intents.setSpeed(speed.value) });

  root.replaceChildren(
    h('div', { class: 'timeline-head' }, tabList, h('div', { class: 'buttons' }, toStart, prev, play, next, toEnd, speed)),
    h('div', { class: 'slider-wrap' }, marks, input, tickStart, readout, tickEnd),
  );
  if (opts.compact) root.classList.add('compact');

  function seekPrev() {
    const s = prevStop(tl, t);
    intents.seek(s ? s.time : tl.start);
  }
  function seekNext() {
    const s = nextStop(tl, t);
    intents.seek(s ? s.time : tl.end);
  }

  // The native slider (mouse, assistive technology): 'input' while it moves, 'change' once it is let go. The
  // keys below are handled as steps and never reach it.
  input.addEventListener('input', () => intents.drag(scale.toTime(Number(input.value))));
  input.addEventListener('change', () => intents.release());
  // Touch and pen: a tap or a drag anywhere along the track seeks (the native thumb is small on phones).
  const wrap = input.parentElement!;
  const seekFromX = (clientX: number) => {
    const r = input.getBoundingClientRect();
    const f = clamp((clientX - r.left) / r.width, 0, 1);
    intents.drag(scale.toTime(scale.min + f * (scale.max - scale.min)));
  };
  wrap.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'mouse') return;
    e.preventDefault();
    wrap.setPointerCapture(e.pointerId);
    input.focus({ preventScroll: true });
    seekFromX(e.clientX);
  });
  wrap.addEventListener('pointermove', (e) => {
    if (e.pointerType !== 'mouse' && wrap.hasPointerCapture(e.pointerId)) seekFromX(e.clientX);
  });
  // Lifted or cancelled: the capture ends (and only a touch or pen drag took it).
  wrap.addEventListener('lostpointercapture', () => intents.release());
  input.addEventListener('keydown', (e) => {
    let handled = true;
    switch (e.key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        if (e.shiftKey) seekPrev();
        else intents.seek(scale.stepFrom(t, -1));
        break;
      case 'ArrowRight':
      case 'ArrowUp':
        if (e.shiftKey) seekNext();
        else intents.seek(scale.stepFrom(t, 1));
        break;
      // As on any slider (WAI-ARIA's pattern, and a native range): Page Up goes up the scale, to a later event.
      case 'PageUp':
        seekNext();
        break;
      case 'PageDown':
        seekPrev();
        break;
      case 'Home':
        intents.seek(tl.start);
        break;
      case 'End':
        intents.seek(tl.end);
        break;
      case ' ':
        intents.togglePlay();
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  });

  function renderChapter() {
    scale = scaleFor(tl);
    input.min = String(scale.min);
    input.max = String(scale.max);
    input.step = String(scale.step);
    for (const b of tabs) b.setAttribute('aria-pressed', String(b.dataset.chapter === tl.chapter));
    const range = scale.max - scale.min || 1;
    marks.replaceChildren(...tl.stops.map((s) => h('span', { class: `mark mark-${s.event.status}`, 'data-event': s.id, title: s.event.title })));
    // Positions are set through the CSSOM (not a style attribute), which a strict CSP allows.
    tl.stops.forEach((s, i) => ((marks.children[i] as HTMLElement).style.left = `${((scale.toValue(s.time) - scale.min) / range) * 100}%`));
    const tick = (x: number) => (tl.chapter === 'flight' ? clock(x, 'UTC', false) : day(x));
    tickStart.textContent = tick(tl.start);
    tickEnd.textContent = tick(tl.end);
    speed.replaceChildren(...SPEEDS[tl.chapter].map((s, i) => h('option', { value: s.id, selected: i === 0 }, s.label)));
  }
  renderChapter();
  let shownPlaying: boolean | undefined;
  let shownStop: string | undefined;
  let shownWhen: string | undefined;
  let shownEvent: string | undefined;

  return {
    input,
    update(chapter: Chapter, time: number, playing: boolean, asked?: string) {
      const newTl = tls[chapter];
      const chapterChanged = newTl !== tl;
      if (chapterChanged) {
        tl = newTl;
        renderChapter();
      }
      t = time;
      input.value = String(scale.toValue(time));
      // The moment's words, looked up once a step: the value text, the readout and the current mark.
      const words = momentWords(tl, time, asked);
      const cur = words.stop;
      const stopChanged = chapterChanged || cur !== shownStop;
      // While playing, the value text changes with the event only, so a screen reader is not read the clock every frame.
      if (!playing || stopChanged) input.setAttribute('aria-valuetext', spoken(words));
      // The readout follows every step, playing too; the DOM is touched only where its words changed.
      if (words.when !== shownWhen) readWhen.textContent = shownWhen = words.when;
      if (words.title !== shownEvent) readEvent.textContent = shownEvent = words.title;
      if (readClaim.hidden === words.claim) readClaim.hidden = !words.claim;
      if (playing !== shownPlaying) {
        play.replaceChildren(icon(playing ? ICONS.pause : ICONS.play));
        play.setAttribute('aria-label', playing ? msg('tl.pause') : msg('tl.play'));
        play.title = play.getAttribute('aria-label')!;
        shownPlaying = playing;
      }
      if (stopChanged) {
        for (const m of marks.children) m.classList.toggle('current', (m as HTMLElement).dataset.event === cur);
        shownStop = cur;
      }
    },
  };
}
