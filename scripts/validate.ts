/** `npm run validate`: checks every story file in geo/ and exits non-zero with one line per problem. */
import { validateStoryDir } from './lib/story-files.ts';

const root = process.argv[2] ?? process.cwd();
const result = validateStoryDir(root);
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
  process.exit(1);
}
