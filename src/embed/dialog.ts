/**
 * The 'Embed' dialog: options (start moment, controls, autoplay, colours, plain, static) and the embed
 * code to copy. A native modal <dialog> (focus is trapped and Escape closes it); all text is set as text.
 */
import type { App } from '../app';
import type { DarkMode } from '../state/url';
import { isoUtc } from '../time/format';
import { embedSnippet, embedUrl, type EmbedOptions } from './snippet';
import { valueText } from '../ui/timeline-control';
import { h } from '../ui/dom';
import { createCitation } from '../ui/citation';

let dialog: HTMLDialogElement | null = null;

export function openEmbedDialog(app: App, opener: HTMLElement): HTMLDialogElement {
  if (!dialog) dialog = buildDialog(app, opener);
  dialog.dispatchEvent(new Event('refresh'));
  dialog.showModal();
  return dialog;
}

function buildDialog(app: App, opener: HTMLElement): HTMLDialogElement {
  const check = (name: string, label: string, checked: boolean) => {
    const input = h('input', { type: 'checkbox', name, id: `embed-opt-${name}`, checked });
    return { input, row: h('div', { class: 'embed-opt' }, input, h('label', { for: `embed-opt-${name}` }, label)) };
  };
  const startLabel = h('span', {});
  const start = h('input', { type: 'checkbox', name: 'start', id: 'embed-opt-start', checked: true });
  const startRow = h('div', { class: 'embed-opt' }, start, h('label', { for: 'embed-opt-start' }, 'Start at the current moment ', startLabel));
  const controls = check('controls', 'Show the timeline controls', true);
  const autoplay = check('autoplay', 'Play on load (not for readers who ask for reduced motion)', false);
  const loop = check('loop', 'Loop: after the crash, rest, then play again (for screens left running)', false);
  const plain = check('plain', 'Plain: no title line (your article has its own)', false);
  const stat = check('static', 'Static: the route picture and the event list, no interaction', false);
  const dark = h(
    'select',
    { id: 'embed-opt-dark', name: 'dark' },
    h('option', { value: 'light' }, 'Light'),
    h('option', { value: 'dark' }, 'Dark'),
    h('option', { value: 'auto' }, 'Follow the reader’s setting'),
  );
  dark.value = app.flags.dark;
  const code = h('textarea', { id: 'embed-code', class: 'embed-code', readonly: true, rows: 7, spellcheck: 'false', autocomplete: 'off' });
  const status = h('span', { class: 'embed-status', role: 'status', 'aria-live': 'polite' });
  const preview = h('a', { class: 'embed-preview', target: '_blank', rel: 'noopener' }, 'Open the embed on its own');
  const copy = h('button', { type: 'button', class: 'tool-button embed-copy' }, 'Copy code');
  const close = h('button', { type: 'button', class: 'dialog-close', 'aria-label': 'Close' }, '×');

  // "Cite this map", for the moment shown (src/ui/citation.ts).
  const cite = createCitation(`${location.origin}${location.pathname}`, 'embed-cite');
  const d = h(
    'dialog',
    { class: 'dialog embed-dialog', id: 'embed-dialog', 'aria-labelledby': 'embed-dialog-title', 'aria-describedby': 'embed-dialog-desc' },
    h(
      'div',
      { class: 'dialog-box' },
      h('div', { class: 'dialog-head' }, h('h2', { id: 'embed-dialog-title' }, 'Embed this map'), close),
    h(
      'p',
      { id: 'embed-dialog-desc', class: 'dialog-help' },
      'Paste this code into your article’s HTML. The map resizes itself to its content, from 300 px wide to full width. It speaks Pym.js and AMP’s embed-size, so pages that already use them need nothing more.',
    ),
    h('fieldset', { class: 'embed-opts' }, h('legend', {}, 'Options'), startRow, controls.row, autoplay.row, loop.row, plain.row, stat.row, h('div', { class: 'embed-opt embed-opt-select' }, h('label', { for: 'embed-opt-dark' }, 'Colours'), dark)),
    h('label', { for: 'embed-code', class: 'embed-code-label' }, 'Embed code'),
    code,
      h('div', { class: 'embed-actions' }, copy, preview, status),
      cite?.el,
    ),
  );

  const base = `${location.origin}${location.pathname}`;
  const options = (): EmbedOptions => {
    const m = app.getMoment();
    const exact = app.currentEventId();
    return {
      url: base,
      event: start.checked ? exact : undefined,
      time: start.checked && !exact ? isoUtc(m.t) : undefined,
      controls: controls.input.checked,
      autoplay: autoplay.input.checked,
      loop: loop.input.checked,
      plain: plain.input.checked,
      static: stat.input.checked,
      dark: dark.value as DarkMode,
    };
  };
  const update = () => {
    const o = options();
    code.value = embedSnippet(o);
    preview.href = embedUrl(o);
    status.textContent = '';
  };
  d.addEventListener('refresh', () => {
    const m = app.getMoment();
    startLabel.textContent = `(${valueText(app.timelines[m.chapter], m.t)})`;
    cite?.set({ t: m.t, event: app.currentEventId() });
    update();
  });
  d.addEventListener('change', update);
  close.addEventListener('click', () => d.close());
  d.addEventListener('close', () => opener.focus());
  // A click on the backdrop (outside the box) closes it too.
  d.addEventListener('click', (e) => {
    if (e.target === d) d.close();
  });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.value);
      status.textContent = 'Copied.';
    } catch {
      code.focus();
      code.select();
      status.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
    }
  });
  code.addEventListener('focus', () => code.select());
  document.body.append(d);
  return d;
}
