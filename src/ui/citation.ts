/**
 * "Cite this map": the citation line (src/opendata/citation.ts) with a copy button, for the page's credit
 * and the Embed dialog. It follows the moment shown, settling 300 ms after the last change so scrubbing
 * costs nothing. Text is set as text.
 */
import { BUILD_INFO } from '../opendata/build-info';
import { citationText, datasetTitle, momentUrl } from '../opendata/citation';
import { h } from './dom';
import { locale, msg } from '../i18n';
import '../styles/opendata.css';
import '../styles/tool-button.css';

export interface Citation {
  el: HTMLElement;
  /** Cites this moment (at once). */
  set(moment: { t: number; event?: string | undefined }): void;
  /** Cites this moment once the moment has stopped changing. */
  follow(moment: { t: number; event?: string | undefined }): void;
}

/** `base`: the page's own address, used when the build was given no public URL. Null outside a build. */
export function createCitation(base: string, id: string): Citation | null {
  const info = BUILD_INFO;
  if (!info) return null;
  const text = h('p', { class: 'cite-text', id: `${id}-text` });
  const status = h('span', { class: 'cite-status', role: 'status', 'aria-live': 'polite' });
  const copy = h('button', { type: 'button', class: 'tool-button cite-copy', 'aria-describedby': `${id}-text` }, msg('cite.copy'));
  const el = h(
    'div',
    { class: 'cite', id },
    h('p', { class: 'cite-label', id: `${id}-label` }, msg('cite.label')),
    text,
    h('div', { class: 'cite-actions' }, copy, status),
  );
  el.setAttribute('role', 'group');
  el.setAttribute('aria-labelledby', `${id}-label`);
  const set: Citation['set'] = (m) => {
    const l = locale();
    const line = citationText({ ...info, title: datasetTitle(info.title, l), url: momentUrl(info.url ?? base, m, l) });
    if (text.textContent !== line) text.textContent = line;
    status.textContent = '';
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const follow: Citation['follow'] = (m) => {
    clearTimeout(timer);
    timer = setTimeout(() => set(m), 300);
  };
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text.textContent ?? '');
      status.textContent = msg('embed.copied');
    } catch {
      // No clipboard (permissions, an old browser): select the line for Ctrl+C.
      const range = document.createRange();
      range.selectNodeContents(text);
      const sel = getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      status.textContent = msg('embed.selected');
    }
  });
  return { el, set, follow };
}
