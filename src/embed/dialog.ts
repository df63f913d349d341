/**
 * The 'Embed' dialog: options (start moment, controls, autoplay, colours, plain, static) and the embed
 * code to copy, in the page's one dialog frame (src/ui/dialog.ts); all text is set as text. Static (a picture of
 * the whole route) unticks and disables the options it has no use for (`NOT_STATIC`), and gives them back as they
 * were when unticked.
 */
import '../styles/embed-dialog.css';
import type { App } from '../api/flightmap';
import type { DarkMode } from '../state/url';
import { isoUtc } from '../time/format';
import { embedSnippet, embedUrl, NOT_STATIC, type EmbedOptions } from './snippet';
import { momentAside } from '../ui/timeline-control';
import { h } from '../ui/dom';
import { createDialog } from '../ui/dialog';
import { createCitation } from '../ui/citation';
import { msg, locale, loadCatalogue } from '../i18n';
import { createTranslator } from '../i18n/messages';
import { ENDONYM, HTML_LANG, INTL_TAG, LOCALES, PSEUDO_LOCALE, type AnyLocale } from '../i18n/locales';

let dialog: ReturnType<typeof buildDialog> | null = null;

export function openEmbedDialog(app: App, opener: HTMLElement): HTMLDialogElement {
  dialog ??= buildDialog(app);
  dialog.refresh();
  dialog.frame.open(opener);
  return dialog.frame.el;
}

function buildDialog(app: App) {
  const check = (name: string, label: string, checked: boolean) => {
    const input = h('input', { type: 'checkbox', name, id: `embed-opt-${name}`, checked });
    return { input, row: h('div', { class: 'dialog-opt' }, input, h('label', { for: `embed-opt-${name}` }, label)) };
  };
  const startLabel = h('span', {});
  const start = h('input', { type: 'checkbox', name: 'start', id: 'embed-opt-start', checked: true });
  const startRow = h('div', { class: 'dialog-opt' }, start, h('label', { for: 'embed-opt-start' }, `${msg('embed.start')} `, startLabel));
  // Ticked once the reader has left the page's opening (the flight's start, whole route): a snippet copied from a page
  // just opened then opens as the page did, not pinned to take-off's frame. The reader's own choice stays.
  let startChosen = false;
  start.addEventListener('change', () => (startChosen = true));
  const controls = check('controls', msg('embed.controls'), true);
  const autoplay = check('autoplay', msg('embed.autoplay'), false);
  const loop = check('loop', msg('embed.loop'), false);
  const plain = check('plain', msg('embed.plain'), false);
  const stat = check('static', msg('embed.static'), false);
  const dark = h(
    'select',
    { id: 'embed-opt-dark', name: 'dark' },
    h('option', { value: 'light' }, msg('dialog.light')),
    h('option', { value: 'dark' }, msg('dialog.dark')),
    h('option', { value: 'auto' }, msg('embed.darkAuto')),
  );
  dark.value = app.flags.dark;
  // The embed's language: the page's when the page was asked for one, else the reader's (no lang=).
  const lang = h(
    'select',
    { id: 'embed-opt-lang', name: 'lang' },
    h('option', { value: '' }, msg('embed.langReader')),
    LOCALES.map((l) => h('option', { value: l, lang: HTML_LANG[l] }, ENDONYM[l])),
  );
  lang.value = app.flags.lang && app.flags.lang !== PSEUDO_LOCALE ? app.flags.lang : '';
  let title: string = msg('embed.iframeTitle');
  const titleIn = async (l: string): Promise<string> => {
    const want = (l || locale()) as AnyLocale;
    if (want === locale()) return msg('embed.iframeTitle');
    const cat = await loadCatalogue(want, new URL(import.meta.env.BASE_URL, document.baseURI).href);
    return createTranslator(INTL_TAG[want], cat)('embed.iframeTitle');
  };
  const code = h('textarea', { id: 'embed-code', class: 'embed-code', readonly: true, rows: 7, spellcheck: 'false', autocomplete: 'off' });
  const status = h('span', { class: 'embed-status', role: 'status', 'aria-live': 'polite' });
  const preview = h('a', { class: 'embed-preview', target: '_blank', rel: 'noopener' }, msg('embed.preview'));
  const copy = h('button', { type: 'button', class: 'tool-button embed-copy' }, msg('embed.copy'));

  // "Cite this map", for the moment shown (src/ui/citation.ts).
  const cite = createCitation(`${location.origin}${location.pathname}`, 'embed-cite');
  const frame = createDialog(
    { id: 'embed-dialog', className: 'embed-dialog', title: msg('embed.title'), help: msg('embed.help') },
    h(
      'fieldset',
      { class: 'dialog-opts embed-opts' },
      h('legend', {}, msg('embed.options')),
      startRow,
      controls.row,
      autoplay.row,
      loop.row,
      plain.row,
      stat.row,
      h('div', { class: 'dialog-opt embed-opt-select' }, h('label', { for: 'embed-opt-dark' }, msg('dialog.colours')), dark),
      h('div', { class: 'dialog-opt embed-opt-select' }, h('label', { for: 'embed-opt-lang' }, msg('embed.language')), lang),
    ),
    h('label', { for: 'embed-code', class: 'embed-code-label' }, msg('embed.code')),
    code,
    h('div', { class: 'embed-actions' }, copy, preview, status),
    cite?.el,
  );
  const d = frame.el;

  // Static: the start moment, the timeline, autoplay and loop do nothing. Untick and disable them, remembering how
  // they were, so that unticking Static gives them back (the snippet leaves them out of a static embed anyway).
  const byName = { start, controls: controls.input, autoplay: autoplay.input, loop: loop.input };
  const notStatic = NOT_STATIC.map((n) => byName[n]);
  let beforeStatic: boolean[] | null = null;
  stat.input.addEventListener('change', () => {
    if (stat.input.checked === (beforeStatic !== null)) return;
    if (stat.input.checked) beforeStatic = notStatic.map((i) => i.checked);
    notStatic.forEach((input, k) => {
      input.checked = stat.input.checked ? false : beforeStatic![k]!;
      input.disabled = stat.input.checked;
      input.closest('.dialog-opt')!.classList.toggle('is-disabled', stat.input.checked);
    });
    if (!stat.input.checked) beforeStatic = null;
  }); // before the dialog's own change listener (the event reaches the input first), so the code follows

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
      lang: lang.value || undefined,
      title,
    };
  };
  const update = () => {
    const o = options();
    code.value = embedSnippet(o);
    preview.href = embedUrl(o);
    status.textContent = '';
  };
  const refresh = () => {
    const m = app.getMoment();
    if (!startChosen && !start.disabled) start.checked = !(m.chapter === 'flight' && m.t === app.timelines.flight.start);
    startLabel.textContent = momentAside(app.timelines[m.chapter], m.t);
    cite?.set({ t: m.t, event: app.currentEventId() });
    update();
  };
  d.addEventListener('change', update);
  lang.addEventListener('change', () => {
    const asked = lang.value;
    void titleIn(asked).then(
      (t) => {
        if (lang.value !== asked) return;
        title = t;
        update();
      },
      () => undefined, // the title stays in the page's language
    );
  });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.value);
      status.textContent = msg('embed.copied');
    } catch {
      code.focus();
      code.select();
      status.textContent = msg('embed.selected');
    }
  });
  code.addEventListener('focus', () => code.select());
  return { frame, refresh };
}
