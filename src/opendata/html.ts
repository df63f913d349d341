/**
 * HTML written at build time: the page's "Updated <date> · Get the data" line (in the credit, also in the
 * embed) and the corrections log page (changelog.html). Every piece of text from the data is escaped.
 * Pure: no DOM, no fs.
 */
import type { Source } from '../story/schema';
import { outletName } from '../story/outlet';
import { day } from '../time/format';
import type { Changelog } from './changelog';
import { GEOJSON_FILE } from './geojson';
import { EVENTS_CSV, SOURCES_CSV } from './csv';
import { KML_FILE } from './kml';
import { DOC_COLOURS as D } from '../theme/symbology';
import { locale, msg } from '../i18n';
import { ENDONYM, HTML_LANG, LOCALES } from '../i18n/locales';
import { changelogFile, downloadFile } from './build-info';

export const CHANGELOG_PAGE = changelogFile('en');
/** The marker in index.html's credit that the line replaces. */
export const CREDIT_MARKER = '<!-- opendata-credit -->';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** "21 Nov 2026" for a YYYY-MM-DD date. */
export const dateLabel = (iso: string) => day(Date.parse(`${iso}T00:00:00Z`));

export const DOWNLOADS = [
  {
    file: GEOJSON_FILE,
    label: 'GeoJSON',
    type: 'application/geo+json',
    what: 'every drawn feature as geometry, with its status and sources',
    whatKey: 'credit.geojsonWhat',
  },
  {
    file: EVENTS_CSV,
    label: 'events CSV',
    type: 'text/csv',
    what: 'every event: time, status, text, place, sources',
    labelKey: 'credit.eventsCsv',
    whatKey: 'credit.eventsWhat',
  },
  {
    file: SOURCES_CSV,
    label: 'sources CSV',
    type: 'text/csv',
    what: 'every source: outlet, title, URL, and what cites it',
    labelKey: 'credit.sourcesCsv',
    whatKey: 'credit.sourcesWhat',
  },
  {
    file: KML_FILE,
    label: 'KML',
    type: 'application/vnd.google-earth.kml+xml',
    what: 'for Google Earth: plays the flight on its time slider',
    whatKey: 'credit.kmlWhat',
  },
] as const;

/**
 * The credit's line: when the data was last changed (linking to the log) and the downloads. Written in English
 * at build time; its words carry their message keys (`data-i18n`, `data-i18n-title`; its date is rewritten too), so the
 * page writes them in the reader's language (src/ui/page-text.ts).
 */
export function creditHtml(updated: string): string {
  const links = DOWNLOADS.map(
    (d) =>
      `<a href="${d.file}" download type="${d.type}" title="${esc(d.what)}" data-i18n-title="${d.whatKey}"${'labelKey' in d ? ` data-i18n="${d.labelKey}"` : ''}>${esc(d.label)}</a>`,
  ).join(', ');
  return (
    `<p class="opendata" id="opendata">` +
    `<span class="updated"><span data-i18n="credit.updated">Updated</span> <a id="changelog-link" href="${CHANGELOG_PAGE}" target="_blank" rel="noopener"><time datetime="${esc(updated)}">${esc(dateLabel(updated))}</time></a></span>` +
    ` · <span class="get-data" id="get-data"><span data-i18n="credit.getData">Get the data:</span> ${links}</span></p>`
  );
}

/**
 * The corrections log as its own page, newest first, grouped by date, in the current language (useLocale): its
 * chrome, dates and `<html lang>` through the catalogue. The entries' own words (what, why) are data written in
 * English only; a translated page says so. `title`: the story's title in the page's language.
 */
export function changelogPage(
  log: Changelog,
  sources: readonly Source[],
  title: string,
  /** The entries' words in the page's language (geo/i18n/changelog-<locale>.json); English where it gives none. */
  text: (e: Changelog['entries'][number]) => { what: string; why: string } | undefined = () => undefined,
): string {
  const l = locale();
  const byId = new Map(sources.map((s) => [s.id, s]));
  const dates = [...new Set(log.entries.map((e) => e.date))];
  const time = (d: string) => `<time datetime="${esc(d)}">${esc(dateLabel(d))}</time>`;
  const translated = l !== 'en' && l !== 'en-XA';
  const words = (t: string) => (translated ? `<span lang="en">${esc(t)}</span>` : esc(t)); // an entry with no translation: English, marked
  const entry = (e: Changelog['entries'][number]) => {
    const srcs = (e.sources ?? []).map((id) => byId.get(id)).filter((s): s is Source => !!s);
    const cites = srcs.length
      ? `<p class="src"><span class="k">${esc(msg('log.sources'))}</span> ${srcs.map((s) => (s.url ? `<a href="${esc(s.url)}" rel="noopener noreferrer external">${esc(outletName(s))}</a>` : `${esc(outletName(s))}: “${esc(s.title)}”`)).join(', ')}</p>`
      : '';
    const t = translated ? text(e) : undefined;
    const say = (field: 'what' | 'why') => (t ? esc(t[field]).replace(/“[^”]*”/g, (q) => `<span lang="en">${q}</span>`) : words(e[field])); // quoted words stay English
    return `<li><p><span class="k">${esc(msg('log.what'))}</span> ${say('what')}</p><p><span class="k">${esc(msg('log.why'))}</span> ${say('why')}</p>${cites}</li>`;
  };
  const sections = dates
    .map(
      (d) =>
        `<section aria-labelledby="d-${esc(d)}"><h2 id="d-${esc(d)}">${time(d)}</h2><ul>${log.entries
          .filter((e) => e.date === d)
          .map(entry)
          .join('')}</ul></section>`,
    )
    .join('');
  const DATE = '\u0000date\u0000'; // the <time> goes where the message puts the date
  const asOf = esc(msg('log.asOf', { date: DATE })).replace(DATE, time(log.entries[0]!.date));
  const links = (['en', ...LOCALES.filter((x) => x !== 'en')] as const)
    .filter((x) => x !== l)
    .map((x) => `<a href="${changelogFile(x)}" lang="${HTML_LANG[x]}" hreflang="${HTML_LANG[x]}">${esc(ENDONYM[x])}</a>`)
    .join(' · ');
  const label = (d: (typeof DOWNLOADS)[number]) => ('labelKey' in d ? msg(d.labelKey) : d.label);
  const notes = translated
    ? `<p class="muted">${esc(msg('log.englishOnly'))}</p>\n` +
      `<p class="muted"><small>${esc(msg('i18n.unreviewed'))} <a href="${CHANGELOG_PAGE}" hreflang="en" lang="en">${esc(msg('i18n.readOriginal'))}</a></small></p>\n`
    : '';
  return `<!doctype html>
<html lang="${HTML_LANG[l]}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="color-scheme" content="light dark" />
<title>${esc(msg('log.docTitle', { title }))}</title>
<link rel="icon" href="data:," />
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 44rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; color: ${D.fg.light}; background: ${D.bg.light}; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid ${D.rule.light}; }
ul { padding-left: 1.2rem; }
li { margin: 0 0 1.2rem; }
li p { margin: 0.2rem 0; }
.k { font-weight: 600; }
.muted { color: ${D.muted.light}; }
a { color: ${D.link.light}; }
@media (prefers-color-scheme: dark) { body { color: ${D.fg.dark}; background: ${D.bg.dark}; } .muted { color: ${D.muted.dark}; } a { color: ${D.link.dark}; } h2 { border-color: ${D.rule.dark}; } }
</style>
</head>
<body>
<p><a href="./${translated ? `?lang=${l}` : ''}">← ${esc(msg('log.back'))}</a></p>
<main>
<h1>${esc(msg('log.title'))}</h1>
<p>${esc(msg('log.intro', { title }))} ${asOf}</p>
${notes}<p class="muted">${esc(msg('credit.getData'))} ${DOWNLOADS.map((d) => `<a href="${downloadFile(d.file, l)}" download>${esc(label(d))}</a>`).join(', ')}.</p>
<p class="muted">${links}</p>
${sections}
</main>
</body>
</html>
`;
}
