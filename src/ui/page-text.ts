/**
 * The page in the reader's language: the static chrome written in index.html (title, standfirst, credit, the
 * map's label and picture text, marked `data-i18n`), `<html lang>`, a polite note when the translation has not
 * been reviewed by a native-speaking editor, and the language switch. Text only (textContent), never HTML.
 */
import '../styles/tool-button.css';
import { h } from './dom';
import { catalogueMeta, locale, msg, type MessageKey } from '../i18n';
import { ENDONYM, HTML_LANG, LOCALE_FONT_SUBSETS, LOCALES, type AnyLocale } from '../i18n/locales';
import { FONT_SUBSETS, FONT_WEIGHTS, fontFile } from '../theme/fonts';
import { withLang } from '../state/url';
import { day } from '../time/format';
import { changelogFile, downloadFile } from '../opendata/build-info';

/**
 * Adds the Noto Sans subsets a language needs beyond latin (which the page's CSS declares) as FontFaces with their
 * unicode-range, and starts loading them at once, alongside the story: the page's text in that language needs them
 * from its first paint, and what the map's camera measures (the legend, the scale bars: src/scene/camera.ts covers)
 * is then measured in them. Fetched when the text first needed them, they arrived after the camera had framed the
 * moment with a fallback font's boxes, and the page opened on one of two frames by how fast they came (at 320 px in
 * Kazakh, zoom 9.51 or 9.57). An English page adds none, so a stray letter in a source's name (Ş in "Yeni Şafak")
 * never costs an English reader a 55 kB font.
 */
export function addFontFaces(l: AnyLocale, base: string, fonts: FontFaceSet | undefined = document.fonts): void {
  if (!fonts || typeof FontFace === 'undefined') return;
  for (const s of FONT_SUBSETS)
    if (s.name !== 'latin' && LOCALE_FONT_SUBSETS[l].includes(s.name))
      for (const w of FONT_WEIGHTS) {
        const face = new FontFace('Noto Sans', `url("${new URL(fontFile(s.name, w), base).href}") format("woff2")`, {
          weight: String(w),
          unicodeRange: s.unicodeRange,
          display: 'swap',
        });
        fonts.add(face);
        face.load().catch(() => {}); // one that fails leaves the text in the fallback font, as it would have anyway
      }
}

/** Writes the page's own words in the current locale (English is already in the HTML). */
export function translatePage(doc: Document = document): void {
  const l = locale();
  doc.documentElement.lang = HTML_LANG[l];
  if (l === 'en') return;
  doc.title = msg('page.title');
  doc.querySelector('meta[name="description"]')?.setAttribute('content', msg('page.description'));
  for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = msg(el.dataset.i18n as MessageKey);
  for (const attr of ['aria-label', 'alt', 'title'] as const)
    for (const el of doc.querySelectorAll<HTMLElement>(`[data-i18n-${attr}]`)) el.setAttribute(attr, msg(el.getAttribute(`data-i18n-${attr}`) as MessageKey));
  // Dates written at build time (the credit's "Updated 2 Dec 2026"): again, in the language.
  for (const el of doc.querySelectorAll<HTMLTimeElement>('#opendata time')) {
    const t = Date.parse(`${el.dateTime}T00:00:00Z`);
    if (!Number.isNaN(t)) el.textContent = day(t);
  }
  // "Updated <date>" links to the corrections log in the reader's language (changelog-ru.html …).
  doc.getElementById('changelog-link')?.setAttribute('href', changelogFile(l));
  // The downloads in the reader's language where there is a translated file (events-ru.csv …).
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('#get-data a[download]')) a.setAttribute('href', downloadFile(a.getAttribute('href') ?? '', l));
}

/**
 * "Machine translation, not yet reviewed…" with a link to the English original; nothing for English or a reviewed
 * translation. A disclosure: one short line that opens on the whole note, shut at first on every screen. Open, its
 * three lines pushed the slider below the fold of a 1440 × 900 or 1280 × 800 screen (at 879–911 px in Russian,
 * Azerbaijani and Kazakh at 1440 × 900, against 797 in English), and the map below the fold of a phone.
 */
export function translationNote(search: string): HTMLElement | null {
  const meta = catalogueMeta();
  if (locale() === 'en' || meta.reviewed) return null;
  return h(
    'details',
    { class: 'translation-note', 'data-translator': meta.method },
    h('summary', {}, msg('i18n.unreviewedShort')),
    h('p', {}, msg('i18n.unreviewed'), ' ', h('a', { href: withLang(search, 'en'), lang: 'en', hreflang: 'en' }, msg('i18n.readOriginal'))),
  );
}

/** The language switch: each language named in itself; choosing one reloads the page with `?lang=`, the moment kept. */
export function languageSwitch(search: string, go: (search: string) => void = (s) => location.assign(s || '?')): HTMLElement {
  const current: AnyLocale = locale();
  const select = h(
    'select',
    { class: 'tool-button tool-button--select', id: 'lang-select', onchange: () => go(withLang(search, select.value as AnyLocale)) },
    LOCALES.map((l) => h('option', { value: l, lang: HTML_LANG[l], selected: l === current }, ENDONYM[l])),
  );
  return h('label', { class: 'lang-switch' }, h('span', { class: 'visually-hidden' }, msg('i18n.language')), select);
}
