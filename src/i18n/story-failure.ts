/**
 * The story data's error in the reader's language: why the story could not be read (the file could not be
 * downloaded, is damaged, was refused by its checks) and a lead-in to the details, which stay as `npm run
 * validate` prints them, in English (they name files and fields for the data's editor). Null when no catalogue
 * could be loaded: the page then says it all in English (main.ts). Pure.
 */
import { msgOr } from './index';
import type { StoryFailure } from '../story/bundle';

export function storyFailureText(r: StoryFailure): { reason: string; details: string } | null {
  const details = msgOr('app.story.details', '');
  if (!details) return null;
  const reason =
    r.kind === 'invalid'
      ? msgOr('app.story.invalid', '', { count: r.count })
      : r.kind === 'http'
        ? msgOr('app.story.http', '', { file: r.file, status: r.status })
        : msgOr(`app.story.${r.kind}`, '', { file: r.file });
  return { reason, details };
}
