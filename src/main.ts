/** Entry point: loads the story, then starts the app; a data problem is shown, never a blank page. */
import 'virtual:theme.css'; // the colours, from src/theme/symbology.ts
import './styles/app.css';
import { loadStory } from './story/load';
import { StoryDataError } from './story/bundle';
import { browserEnv, startApp, isDark, type App, type AppHooks } from './app';
import { exposeAutomation, registerExports } from './app/automation';
import { parseUrl } from './state/url';
import { h } from './ui/dom';
import './styles/embed.css';
import { startEmbedChild } from './embed/child';
import { mountEmbedButton } from './embed/button';
import { mountExportButton } from './export/button';
import { createExports } from './export/exports';
import type { Citation } from './ui/citation';
import { negotiate, HTML_LANG } from './i18n/locales';
import { loadCatalogue, locale, msg, msgOr, useLocale } from './i18n';
import { localizeStory } from './i18n/story-text';
import { storyFailureText } from './i18n/story-failure';
import { routeFile } from './opendata/build-info';
import { addFontFaces, languageSwitch, translatePage, translationNote } from './ui/page-text';
import { wireSkipLinks } from './ui/skip-links';

const base = new URL(import.meta.env.BASE_URL, document.baseURI).href;
const $ = (id: string) => document.getElementById(id)!;

// Flags that change the page before the data arrives (dark mode, embed layout).
const early = parseUrl(location.search, { hasEvent: () => true, inRange: () => true }).flags;
const root = document.documentElement;
root.classList.toggle('dark', isDark(early));
root.classList.toggle('embed', early.embed);
root.classList.toggle('plain', early.plain);
root.classList.toggle('static', early.static);
// The reader's language: ?lang=, else the browser's, else English (src/i18n/locales.ts). Its catalogue (data, like
// the story) loads alongside the story; if it cannot, the page falls back to English and says so.
const lang = negotiate(new URLSearchParams(location.search).get('lang'), navigator.languages ?? []);
root.lang = HTML_LANG[lang.locale];
// The route picture (?static, no WebGL, the embed's poster) with its words in the language: route-ru.png, and
// route-narrow-ru.png for phone-width boxes (the <source> of index.html); English's if the language's is missing.
const picture = document.querySelector<HTMLImageElement>('#static-map img');
const narrowSource = document.querySelector<HTMLSourceElement>('#static-map source');
if (picture && routeFile(lang.locale) !== routeFile('en')) {
  const set = (l: string) => {
    narrowSource?.setAttribute('srcset', routeFile(l, 'narrow'));
    picture.setAttribute('src', routeFile(l));
  };
  picture.addEventListener('error', () => set('en'), { once: true });
  set(lang.locale);
}
const catalogue = loadCatalogue(lang.locale, base).then(
  (cat) => ({ locale: lang.locale, cat }),
  (e: unknown) => {
    if (lang.locale === 'en') throw e;
    console.warn(e);
    return loadCatalogue('en', base).then((cat) => ({ locale: 'en' as const, cat }));
  },
);
addFontFaces(lang.locale, base); // the subsets beyond latin that this language's letters need
const embedChild = startEmbedChild(early); // when framed: height to the host, host control, state
// An embed opens with a poster and makes its map when it comes into view (embed/lazy-map.ts, a small chunk of
// its own, so the full page loads none of it); the full page makes its map at once.
const lazyEmbed = early.embed && !early.static;
const lazyMap = lazyEmbed
  ? import('./embed/lazy-map').then(
      (m) => m.createLazyMap({ wrap: $('map-wrap'), wakeLabel: () => msg('embed.wake') }),
      () => null,
    )
  : null; // failing that, the map starts at once
// MapLibre (its own 1 MB chunk) starts loading alongside the story, not after it (an embed: when in view).
const mapModule = early.static || lazyEmbed ? null : import('./map/story-map').catch(() => null);
/** The map module if it arrives within `ms` (null: not yet, or it failed; app.ts then imports it itself). */
const mapModuleWithin = (ms: number) => (mapModule ? Promise.race([mapModule, new Promise<null>((r) => setTimeout(() => r(null), ms))]) : null);

// "Cite this map" in the page's credit (not in the embed: its host cites it), following the moment. Its code is
// loaded when the credit comes near the screen, so it is not part of the first load.
let cite: Citation | null = null;
function citeWhenNear(credit: HTMLElement, app: App): void {
  const load = () =>
    import('./ui/citation').then(
      ({ createCitation }) => {
        cite = createCitation(base, 'cite');
        if (!cite) return;
        credit.append(cite.el);
        cite.set({ t: app.getMoment().t, event: app.currentEventId() });
      },
      (e) => console.warn('citation unavailable:', e),
    );
  if (typeof IntersectionObserver !== 'function') return void load();
  const io = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      io.disconnect();
      void load();
    },
    { rootMargin: '300px' },
  );
  io.observe(credit);
}

async function main() {
  try {
    const [english, { locale: shown, cat }] = await Promise.all([loadStory(base), catalogue]);
    useLocale(shown, cat);
    const story = localizeStory(english, cat.story);
    translatePage();
    const note = translationNote(location.search);
    if (note) (early.embed ? $('credit') : $('title-block')).append(note);
    if (!early.embed && !early.static) $('tools').append(languageSwitch(location.search));
    const lazy = await lazyMap;
    // The map is the page's main content: when MapLibre is about to arrive, the page waits a moment for it, so
    // the map starts before the rest is built and painted (app.ts). Never long: on a slow network the page
    // comes first and the map follows.
    const preloaded = await mapModuleWithin(250);
    const hooks: AppHooks = {
      ...lazy?.hooks,
      onMoment: (m, id) => {
        embedChild?.hooks.onMoment?.(m, id);
        cite?.follow({ t: m.t, event: id });
        lazy?.momentChanged();
      },
    };
    const app = startApp(
      story,
      { map: $('map'), mapWrap: $('map-wrap'), panel: $('panel'), timeline: $('timeline'), events: $('events'), notices: $('notices') },
      { base, env: browserEnv(window), hooks, preloaded },
    );
    wireSkipLinks(document, { scroll: !early.embed, timeline: !early.static }); // "Skip to the timeline", now that the slider is there (none in static)
    if (!early.embed) citeWhenNear($('credit'), app);
    if (lang.locale !== locale()) $('notices').prepend(h('p', { class: 'notice notice-warning' }, msg('i18n.loadFailed')));
    embedChild?.attach(app);
    lazy?.attach(app);
    if (lazy)
      void import('./export/vector/poster-source')
        .then((m) => m.scenePoster(app, base))
        .then(
          (p) => lazy.setPoster(p),
          (e) => console.warn('scene poster unavailable:', e),
        ); // a drawing of the embed's moment (issue 16)
    if (lazy) embedChild?.onHostView((near) => lazy.hostView(near)); // the host's snippet: within a screen of its view
    mountEmbedButton($('tools'), app);
    exposeAutomation(app); // window.flightmap (src/app/automation.ts; README, Automation API)
    mountExportButton($('tools'), app); // the dialog loads on first use
    registerExports(createExports(app, base)); // window.flightmap.exportPng / exportSvg / exportPdf
    const map = await app.mapReady;
    root.dataset.ready = map ? 'map' : 'no-map';
  } catch (e) {
    const lines = e instanceof StoryDataError ? e.errors : [String((e as Error)?.message ?? e)];
    const failure = e instanceof StoryDataError ? e.reason : { kind: 'unreachable' as const, file: 'data/story.json' };
    // Said in the reader's language when its catalogue (or English's) arrived; else in English, from here.
    const c = await catalogue.catch(() => null);
    if (c) {
      useLocale(c.locale, c.cat);
      translatePage();
    }
    $('notices').append(
      h(
        'div',
        { class: 'notice notice-error', role: 'alert' },
        h('p', {}, h('strong', {}, msgOr('app.storyFailed', 'The story data could not be read, so the map cannot be drawn:'))),
        // Why, in the reader's language; the details for the data's editor stay as npm run validate prints them.
        ...((t) => (t ? [h('p', {}, t.reason), h('p', {}, t.details)] : []))(storyFailureText(failure)),
        h(
          'ul',
          { lang: 'en' },
          lines.map((l) => h('li', {}, h('code', {}, l))),
        ),
      ),
    );
    root.classList.add('no-webgl', 'data-error');
    root.dataset.ready = 'error';
    console.error(e);
  }
}
void main();
