/**
 * Vite plugin: the open data. At build time it writes, next to the app,
 *   j2-8243.geojson, events.csv, sources.csv, j2-8243.kml   the downloads (src/opendata/, pure writers)
 *   changelog.html, changelog.json                           the corrections log, as a page and as data
 *   changelog-ru.html, changelog-az.html, changelog-kk.html  the log's page in each language (its chrome, dates and
 *                                                            entries: geo/i18n/changelog-<locale>.json, machine-translated)
 * puts "Updated <date> · Get the data: …" into the page's credit (the `<!-- opendata-credit -->` marker),
 * and gives the page `__OPENDATA__` (title, publisher, version, the date the data is as of, the public URL
 * when one was set) for the citation and the export's credit. A bad geo/changelog.json fails the build.
 * In dev the same files are served from the working tree.
 */
import type { Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateStoryDir } from './story-files.ts';
import { checkChangelog, readChangelogText } from './changelog-file.ts';
import { ChangelogText, entryText } from '../../src/opendata/changelog-text.ts';
import { DEFAULT_PUBLIC_URL } from './oembed-plugin.ts';
import { normaliseBaseUrl } from '../../src/embed/oembed.ts';
import { buildTrack } from '../../src/track/interpolate.ts';
import type { StoryData } from '../../src/story/validate.ts';
import type { Changelog } from '../../src/opendata/changelog.ts';
import type { BuildInfo } from '../../src/opendata/build-info.ts';
import { GEOJSON_FILE, storyGeoJson, type DatasetMeta } from '../../src/opendata/geojson.ts';
import { EVENTS_CSV, eventsCsv, SOURCES_CSV, sourcesCsv } from '../../src/opendata/csv.ts';
import { KML_FILE, storyKml } from '../../src/opendata/kml.ts';
import { changelogPage, CREDIT_MARKER, creditHtml } from '../../src/opendata/html.ts';
import { datasetTitle } from '../../src/opendata/citation.ts';
import { changelogFile, downloadFile } from '../../src/opendata/build-info.ts';
import { localizeStory } from '../../src/i18n/story-text.ts';
import { msg, useLocale } from '../../src/i18n/index.ts';
import { HTML_LANG, LOCALES } from '../../src/i18n/locales.ts';
import { shippedCatalogue } from './i18n-files.ts';

export const CHANGELOG_JSON = 'changelog.json';

export interface OpenData {
  story: StoryData;
  log: Changelog;
  meta: DatasetMeta;
  info: BuildInfo;
}

/** Reads and checks the story and the log; throws with every problem (file, item, field). */
export function loadOpenData(root: string, env: NodeJS.ProcessEnv = process.env): OpenData {
  const s = validateStoryDir(root);
  if (!s.ok) throw new Error(`geo/ has ${s.errors.length} problem(s):\n  ${s.errors.join('\n  ')}`);
  const l = checkChangelog(root, s.story);
  if (!l.ok) throw new Error(`geo/changelog.json has ${l.errors.length} problem(s):\n  ${l.errors.join('\n  ')}`);
  const version = String(JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version);
  const explicit = env.FLIGHTMAP_PUBLIC_URL?.trim();
  const url = normaliseBaseUrl(explicit || DEFAULT_PUBLIC_URL);
  const updated = l.log.entries[0]!.date;
  // The title and the publisher are the story's (geo/content.json).
  const { title, publisher } = s.story.content;
  const info: BuildInfo = { title, publisher, version, updated, ...(explicit ? { url } : {}) };
  return { story: s.story, log: l.log, meta: { title, publisher, version, updated, url }, info };
}

/** The log's page in every language, by file name (the story's title in the language: its page heading). */
export function changelogPages(d: OpenData, root = '.'): Record<string, string> {
  const english = shippedCatalogue(root, 'en');
  const out: Record<string, string> = {};
  try {
    for (const l of LOCALES) {
      useLocale(l, l === 'en' ? english : shippedCatalogue(root, l), english);
      const raw = l === 'en' ? undefined : ChangelogText.safeParse(readChangelogText(root, l));
      out[changelogFile(l)] = changelogPage(
        d.log,
        d.story.sources,
        l === 'en' ? d.meta.title : msg('page.h1'),
        entryText(d.log, raw?.success ? raw.data : undefined),
      );
    }
  } finally {
    useLocale('en', english);
  }
  return out;
}

/**
 * The downloads in each translated language: events-ru.csv, j2-8243-ru.geojson, j2-8243-ru.kml … (src/opendata/build-info.ts,
 * downloadFile): the story's words translated (localizeStory), everything else as in English's files.
 */
export function translatedDownloads(d: OpenData, root = '.'): Record<string, string> {
  const out: Record<string, string> = {};
  const english = shippedCatalogue(root, 'en');
  const track = buildTrack(d.story.track.features);
  try {
    for (const l of LOCALES) {
      if (l === 'en') continue;
      const cat = shippedCatalogue(root, l);
      useLocale(l, cat, english); // the KML's own words (its balloons' labels, folders, dates)
      const story = localizeStory(d.story, cat.story);
      const m = cat.meta;
      const translation = `${m.translator}${m.reviewed ? '' : ' Not reviewed by a native-speaking editor.'} Ids, times, places and sources as in the English files.`;
      const meta = { ...d.meta, title: datasetTitle(d.meta.title, l) }; // the dataset's title in the language, as oEmbed's
      out[downloadFile(GEOJSON_FILE, l)] = JSON.stringify(storyGeoJson(story, meta, { language: HTML_LANG[l], translation }), null, 1) + '\n';
      out[downloadFile(EVENTS_CSV, l)] = eventsCsv(story, d.story);
      out[downloadFile(KML_FILE, l)] = storyKml(story, track, meta);
    }
  } finally {
    useLocale('en', english);
  }
  return out;
}

/** Every file the plugin writes, by name. */
export function openDataFiles(d: OpenData, root = '.'): Record<string, string> {
  useLocale('en', shippedCatalogue(root, 'en')); // the English files' words, whatever ran before
  return {
    ...changelogPages(d, root),
    ...translatedDownloads(d, root),
    [GEOJSON_FILE]: JSON.stringify(storyGeoJson(d.story, d.meta), null, 1) + '\n',
    [EVENTS_CSV]: eventsCsv(d.story),
    [SOURCES_CSV]: sourcesCsv(d.story),
    [KML_FILE]: storyKml(d.story, buildTrack(d.story.track.features), d.meta),
    [CHANGELOG_JSON]: JSON.stringify(d.log, null, 2) + '\n',
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.kml': 'application/vnd.google-earth.kml+xml',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
};

const OPENDATA_NAMES: Record<string, true> = Object.fromEntries(
  [
    GEOJSON_FILE,
    EVENTS_CSV,
    SOURCES_CSV,
    KML_FILE,
    CHANGELOG_JSON,
    ...LOCALES.flatMap((l) => [changelogFile(l), downloadFile(EVENTS_CSV, l), downloadFile(GEOJSON_FILE, l), downloadFile(KML_FILE, l)]),
  ].map((n) => [n, true]),
);

export function downloads(root: string, env: NodeJS.ProcessEnv = process.env): Plugin {
  return {
    name: 'flightmap-downloads',
    config() {
      // Read (and checked) again in buildStart; here only for the page's constants. A bad file is reported there.
      let info: BuildInfo | undefined;
      try {
        info = loadOpenData(root, env).info;
      } catch {
        info = undefined;
      }
      return { define: { __OPENDATA__: info ? JSON.stringify(info) : 'undefined' } };
    },
    buildStart() {
      loadOpenData(root, env);
      this.addWatchFile(resolve(root, 'geo/changelog.json'));
      for (const l of LOCALES) if (l !== 'en') this.addWatchFile(resolve(root, `geo/i18n/changelog-${l}.json`));
    },
    transformIndexHtml(html) {
      if (!html.includes(CREDIT_MARKER)) return html;
      let updated: string;
      try {
        updated = loadOpenData(root, env).meta.updated;
      } catch {
        return html; // buildStart reports it
      }
      return html.replace(CREDIT_MARKER, creditHtml(updated));
    },
    generateBundle() {
      for (const [fileName, source] of Object.entries(openDataFiles(loadOpenData(root, env), root))) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const name = path.slice(path.lastIndexOf('/') + 1);
        if (!(name in OPENDATA_NAMES)) return next();
        let files: Record<string, string>;
        try {
          files = openDataFiles(loadOpenData(root, env), root);
        } catch (e) {
          res.statusCode = 500;
          res.end(String((e as Error).message));
          return;
        }
        res.setHeader('Content-Type', CONTENT_TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream');
        res.end(files[name]);
      });
    },
  };
}
