/** `npm run validate`: checks every story file in geo/ and exits non-zero with one line per problem. */
import { validateStoryDir } from './lib/story-files.ts';
import { validateCatalogues } from './lib/i18n-files.ts';
import { checkChangelog, checkChangelogTexts } from './lib/changelog-file.ts';
import { checkContentMessages, checkMessageTimes } from './lib/content-file.ts';

const root = process.argv[2] ?? process.cwd();
const result = validateStoryDir(root);
const i18nErrors = validateCatalogues(root, result);
// The corrections log is checked against the story (its sources, the newest event's date).
const log = result.ok ? checkChangelog(root, result.story) : undefined;
// Its entries in each language (geo/i18n/changelog-<locale>.json): every entry, none extra, English's numbers and quotes.
const logTextErrors = log?.ok ? checkChangelogTexts(root, log.log) : [];
// content.json names catalogue messages: each must exist in English.
const contentErrors = result.ok ? [...checkContentMessages(root, result.story.content), ...checkMessageTimes(root, result.story)] : [];
if (result.ok) {
  const s = result.story;
  const flight = s.events.filter((e) => e.chapter === 'flight').length;
  console.log(
    `geo/ is valid: ${s.events.length} events (${flight} flight, ${s.events.length - flight} aftermath), ` +
      `${s.disputes.length} disputes, ${s.sources.length} sources, ${s.places.features.length} places, ` +
      `${s.track.features.length} track legs, ${s.strike.features.length} strike-area features`,
  );
} else {
  console.error(`geo/ has ${result.errors.length} problem(s):`);
  for (const e of result.errors) console.error(`  ${e}`);
}
if (log && !log.ok) {
  console.error(`geo/changelog.json has ${log.errors.length} problem(s):`);
  for (const e of log.errors) console.error(`  ${e}`);
} else if (log?.ok) console.log(`geo/changelog.json is valid: ${log.log.entries.length} entries, newest first; the data is as of ${log.log.entries[0]!.date}`);
if (i18nErrors.length) {
  console.error(`geo/i18n/ has ${i18nErrors.length} problem(s):`);
  for (const e of i18nErrors) console.error(`  ${e}`);
} else console.log("geo/i18n/ is valid: every locale has English's keys, placeholders and plural forms");
for (const e of contentErrors) console.error(`  ${e}`);
for (const e of logTextErrors) console.error(`  ${e}`);
if (!result.ok || (log && !log.ok) || i18nErrors.length || contentErrors.length || logTextErrors.length) process.exit(1);
