/**
 * The embed code a newsroom pastes into its CMS: a responsive iframe with a meaningful title and a few
 * lines of plain script (no third-party loader) that size it from the map's height messages (Pym.js or
 * AMP format), accepted only from that iframe and the map's origin, and tell the map when its iframe comes
 * within one screen of the host's viewport (`flightmap:view` near / far, to the map's origin only: a
 * cross-origin iframe cannot see the host's viewport with a margin, so it would start its map only once
 * on screen). The map's origin is read from the iframe's src each time, not once: a CMS or lazy-loader may set
 * or change the src after the script ran. The iframe alone works too. Pure: no DOM.
 */
import type { DarkMode } from '../state/url.ts';
import { DEFAULT_CHILD_ID, VIEW, VIEW_VERSION } from './protocol.ts';

export interface EmbedOptions {
  /** Absolute URL of the app (no query), e.g. https://example.org/graphics/j2-8243/ */
  url: string;
  /** The start moment: an event id, or else an ISO UTC time; neither opens at the start. */
  event?: string | undefined;
  time?: string | undefined;
  controls: boolean;
  autoplay: boolean;
  /** Plays again after the crash, after a rest (screens left running); with autoplay. */
  loop?: boolean;
  dark: DarkMode;
  plain: boolean;
  static?: boolean;
  /** iframe id and Pym childId (letters, digits, `-_.:`). */
  id?: string;
  /** The embed's language (`lang=`); none: the reader's browser language, else English. */
  lang?: string | undefined;
  /** The iframe's title in that language (the catalogue message geo/content.json names as `iframeTitle`). */
  title: string;
}

export const DEFAULT_EMBED: Omit<EmbedOptions, 'url' | 'title'> = { controls: true, autoplay: false, dark: 'light', plain: false, static: false };

/**
 * The options a static embed has no use for: it is a picture of the whole route and the event list, with no
 * timeline, no playback and no moment to open at. The Embed dialog disables these while Static is ticked.
 */
export const NOT_STATIC = ['start', 'controls', 'autoplay', 'loop'] as const;

/** The options as the embed will use them: `static` drops the start moment, controls, autoplay and loop. */
export function effectiveOptions<T extends Omit<EmbedOptions, 'title'>>(o: T): T {
  return o.static ? { ...o, event: undefined, time: undefined, controls: true, autoplay: false, loop: false } : o;
}

/** The iframe's URL: the app with `embed`, the options and Pym's `childId`. */
export function embedUrl(options: Omit<EmbedOptions, 'title'>): string {
  const o = effectiveOptions(options);
  const id = safeId(o.id);
  const q: string[] = ['embed'];
  if (o.event) q.push(`event=${encodeURIComponent(o.event)}`);
  else if (o.time) q.push(`t=${encodeURIComponent(o.time).replace(/%3A/gi, ':')}`);
  if (!o.controls) q.push('controls=0');
  if (o.autoplay) q.push('autoplay');
  if (o.loop) q.push('loop');
  if (o.dark === 'dark') q.push('dark=1');
  else if (o.dark === 'auto') q.push('dark=auto');
  if (o.plain) q.push('plain');
  if (o.static) q.push('static');
  if (o.lang && /^[a-z]{2}$/.test(o.lang)) q.push(`lang=${o.lang}`);
  q.push(`childId=${id}`);
  return `${o.url.split(/[?#]/)[0]}?${q.join('&')}`;
}

/**
 * A sensible first height (px) before the map reports its own, for a column about 600 px wide:
 * title line, a 4:3 map, compact timeline, event caption and credit (measured in the browser tests).
 */
export function initialHeight(o: Pick<EmbedOptions, 'controls' | 'plain' | 'static'>): number {
  if (o.static) return 1000; // the picture and the first events; the list is long, the script sizes it
  let h = 900;
  if (!o.controls) h -= 116;
  if (o.plain) h -= 36;
  return h;
}

function safeId(id: string | undefined): string {
  return id && /^[\w.:-]{1,64}$/.test(id) ? id : DEFAULT_CHILD_ID;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const reEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The HTML to paste: the iframe, then the height script. */
export function embedSnippet(options: EmbedOptions): string {
  const o = effectiveOptions(options);
  const id = safeId(o.id);
  const src = embedUrl(o);
  const h = initialHeight(o);
  const iframe =
    `<iframe id="${attr(id)}" src="${attr(src)}" title="${attr(o.title)}" ` +
    `width="100%" height="${h}" style="display:block;width:100%;min-width:100%;height:${h}px;border:0" ` +
    `loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`;
  const script = [
    '<script>',
    '(function () {',
    `  var f = document.getElementById(${JSON.stringify(id)});`,
    `  var pym = /^pymxPYMx${reEscape(id)}xPYMxheightxPYMx(\\d+)$/;`,
    '  if (!f) return;',
    '  var near = null;',
    '  function o() { return new URL(f.src, location.href).origin; }',
    '  function tell() {',
    '    var t = o();', // 'null': no map there yet (about:blank before a lazy-loader sets the src); it hears once it reports
    `    if (near !== null && f.contentWindow && t !== 'null') f.contentWindow.postMessage({ type: '${VIEW}', v: ${VIEW_VERSION}, view: near ? 'near' : 'far' }, t);`,
    '  }',
    '  if (window.IntersectionObserver) new window.IntersectionObserver(function (es) {',
    '    near = es[es.length - 1].isIntersecting;',
    '    tell();',
    "  }, { rootMargin: '100% 0px' }).observe(f);",
    "  window.addEventListener('message', function (e) {",
    '    if (e.source !== f.contentWindow || e.origin !== o()) return;',
    '    var d = e.data, m, h = 0;',
    "    if (typeof d === 'string' && (m = pym.exec(d))) h = +m[1];",
    "    else if (d && d.sentinel === 'amp' && d.type === 'embed-size') h = +d.height;",
    "    if (h > 0 && h < 1e5) f.style.height = Math.ceil(h) + 'px';",
    '    if (h > 0) tell();',
    '  });',
    '})();',
    '</script>',
  ].join('\n');
  return `${iframe}\n${script}`;
}
